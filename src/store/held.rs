//! The loans file held for a write that is more than one entry appended: under its lock, read
//! settled, parsed with the file's own rules, and staged only when the new text still passes
//! them (`store::add` and `store::change` write through it).

use std::path::{Path, PathBuf};

use super::write::{self, ErrorKind, Prepared, WriteError, file_of, real_path, take_lock};
use super::{Diagnostic, Source, lock, schema};
use crate::i18n::{Text, phrases as ph};
use crate::model::Policy;

/// A TOML basic string on one line.
pub(super) fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

pub(super) fn bad(t: Text) -> WriteError {
    WriteError::new(ErrorKind::BadInput, t)
}

/// The file under its lock: its path, the real file behind a link, what was read (a settled
/// file, its descriptor kept open for the guard's last-moment check) and the lock.
pub(super) struct Held {
    pub(super) path: PathBuf,
    pub(super) real: PathBuf,
    pub(super) read: super::guard::ReadFile,
    pub(super) lock: lock::FileLock,
    pub(super) shown: String,
}

pub(super) fn hold(source: &Source, create: bool) -> Result<Held, WriteError> {
    let path = file_of(source)?;
    let shown = path.display().to_string();
    if create && !path.exists() {
        create_empty(&path)?;
    }
    let real = real_path(&path)?;
    // Nothing is created beside what is not a loans file (a device, a FIFO, a missing file).
    super::check_file(&real)?;
    let lock = take_lock(&real, &shown, lock::WAIT)?;
    write::remove_stale_temps(&real, &write::backup_path(&path));
    let read = super::guard::read_settled(&real)?;
    Ok(Held {
        path,
        real,
        read,
        lock,
        shown,
    })
}

/// A first `add` with no file yet: an empty, private file to add to (undo gives it back empty).
pub(super) fn create_empty(path: &Path) -> Result<(), WriteError> {
    let io = |p: &Path, e: std::io::Error| {
        WriteError::new(ErrorKind::Io, ph::io_error(&p.display().to_string(), e))
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io(path, e)),
    }
}

pub(super) fn problems(head: Text, diags: &[Diagnostic], path: &str) -> WriteError {
    bad(super::diag::with_problems(&head, diags, path))
}

impl Held {
    pub(super) fn text(&self) -> Result<&str, WriteError> {
        std::str::from_utf8(&self.read.bytes).map_err(|_| bad(ph::write_not_utf8(&self.shown)))
    }

    pub(super) fn parse_old(&self, builtin: &[Policy]) -> Result<schema::Parsed, WriteError> {
        schema::parse_portfolio(self.text()?, builtin)
            .map_err(|d| problems(ph::file_has_problems(false), &d, &self.shown))
    }

    /// Check the new text with the file's rules and stage it; nothing visible changes until
    /// `finish`.
    pub(super) fn stage(
        self,
        new_text: String,
        builtin: &[Policy],
    ) -> Result<Prepared, WriteError> {
        let parsed = schema::parse_portfolio(&new_text, builtin).map_err(|d| {
            WriteError::new(
                ErrorKind::Unsafe,
                problems(ph::edit_would_invalidate(), &d, &self.shown).message,
            )
        })?;
        write::stage_checked(self.path, self.real, self.read, new_text, parsed, self.lock)
    }
}
