//! Why a write did not happen: the one error every writer (`write`, `undo`, the guard that puts
//! the new file in place) returns, so none of them needs another's module for its error.

use std::fmt;
use std::path::Path;

use super::lock::LockError;
use crate::i18n::{Lang, Text, phrases as ph};
use crate::input::InputError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The values asked for are wrong (unknown id, bad amount, future date…).
    BadInput,
    /// Another writer holds the file's lock (`phrases::lock_busy`).
    Busy,
    /// There is no file: the demo is read-only.
    Demo,
    /// The file changed since it was read and the edit no longer fits it.
    Conflict,
    /// The edit cannot be made without changing what the file already says.
    Unsafe,
    /// Reading or writing failed.
    Io,
}

/// The entry's field a rule is about, so the dashboard's form can mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Amount,
    Date,
    Text,
    Installment,
    Due,
}

/// Why nothing was written. In every case the file is untouched. `message` is in both
/// languages; `Display` gives the English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct WriteError {
    pub kind: ErrorKind,
    pub message: Text,
    /// The entry's field the refusal is about, when it is about one.
    pub field: Option<Field>,
}

impl WriteError {
    pub fn new(kind: ErrorKind, message: Text) -> Self {
        WriteError {
            kind,
            message,
            field: None,
        }
    }
    /// An entry the rules refuse, about `field`.
    pub(crate) fn rule(field: Field, message: Text) -> Self {
        WriteError {
            field: Some(field),
            ..Self::bad(message)
        }
    }
    pub(crate) fn lock(e: LockError, shown: &str) -> Self {
        match e {
            LockError::Busy { .. } => Self::new(ErrorKind::Busy, ph::lock_busy(shown)),
            LockError::Io { lock, error } => Self::new(
                ErrorKind::Io,
                ph::cannot_lock(&lock.display().to_string(), error),
            ),
            LockError::Link { lock } => Self::new(
                ErrorKind::BadInput,
                crate::i18n::safety::lock_is_link(&lock.display().to_string()),
            ),
        }
    }
    pub(crate) fn bad(message: Text) -> Self {
        Self::new(ErrorKind::BadInput, message)
    }
    pub(crate) fn io(path: &Path, e: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Io, ph::io_error(&path.display().to_string(), e))
    }

    pub fn text(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }
}

impl From<InputError> for WriteError {
    fn from(e: InputError) -> Self {
        WriteError::bad(e.text())
    }
}

/// The file could not be read as a loans file (missing, a FIFO, too large…): the same refusal,
/// and exit code, as when `check` reads it.
impl From<super::LoadError> for WriteError {
    fn from(e: super::LoadError) -> Self {
        WriteError::new(ErrorKind::BadInput, e.text())
    }
}
