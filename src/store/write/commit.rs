//! The locked commit: take the file's lock, read what is there, make the edit on it, check the
//! result, stage it beside the file, then keep the backup and the undo record and put the new
//! text in place only over the bytes read.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use super::super::atomic::{self, Staged};
use super::super::diag::with_problems;
use super::super::guard::{self, Placed, ReadFile};
use super::super::lock::{self, FileLock};
use super::super::write_error::{ErrorKind, WriteError};
use super::super::{Loaded, ReadStamp, Source, schema, segment};
use super::backup::{backup_path, remember, remove_stale_temps, sha256_hex};
use super::entry::{check_against, check_input};
use super::format::edit_text;
use super::target::{file_of, keep_owner, owner_of, real_path, take_lock};
use crate::i18n::phrases as ph;
use crate::model::{Edit, Policy};

/// What a successful write did.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The file as it is now.
    pub loaded: Loaded,
    /// The file had changed since it was read; the edit was made on top of the change.
    pub changed_underneath: bool,
    /// Where the previous bytes were kept.
    pub backup: PathBuf,
}

/// Make one edit on the file the caller read (`loaded.read` tells whether it changed since).
pub fn apply(
    loaded: &Loaded,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
) -> Result<Recorded, WriteError> {
    apply_at(&loaded.source, loaded.read, builtin, edit, today)
}

/// Make one edit: take the lock, read, edit, check, back up, rename, let go. When the file is
/// changed by something that does not take the lock (an editor) between the read and the
/// rename, start again on the new text.
pub fn apply_at(
    source: &Source,
    read: Option<ReadStamp>,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
) -> Result<Recorded, WriteError> {
    let mut tries = 0;
    loop {
        let prepared = prepare_at(source, read, builtin, edit, today, lock::WAIT)?;
        match prepared.commit() {
            Err(Commit::Changed) if tries < 3 => tries += 1,
            Err(Commit::Changed) => {
                return Err(WriteError::new(ErrorKind::Conflict, ph::keeps_changing()));
            }
            Err(Commit::Failed(e)) => return Err(e),
            Ok(r) => return Ok(r),
        }
    }
}

/// An edit checked and written to a temporary file, not yet in place. It holds the file's lock
/// until it is finished or dropped.
#[derive(Debug)]
pub struct Prepared {
    real: PathBuf,
    /// What was read, with its descriptor still open.
    read: ReadFile,
    staged: Staged,
    perms: Option<std::fs::Permissions>,
    owner: Option<(u32, u32)>,
    backup: PathBuf,
    loaded: Loaded,
    changed_underneath: bool,
    /// SHA-256 of the new text, kept beside the backup so `undo` knows the file is still ours.
    new_hash: String,
    _lock: FileLock,
}

enum Commit {
    /// The file changed after `prepare` read it.
    Changed,
    Failed(WriteError),
}

impl Prepared {
    /// The temporary file with the new text.
    pub fn temp_path(&self) -> &Path {
        self.staged.temp_path()
    }

    /// Stop as a crash between writing the temporary file and renaming it would.
    pub fn crash(self) -> PathBuf {
        self.staged.crash()
    }

    fn commit(self) -> Result<Recorded, Commit> {
        let fail = |p: &Path, e: std::io::Error| Commit::Failed(WriteError::io(p, e));
        // Changed already (an editor that does not take the lock): leave the backup alone.
        let now = super::super::read_bytes(&self.real).map_err(|e| Commit::Failed(e.into()))?;
        if now != self.read.bytes {
            return Err(Commit::Changed);
        }
        let old = &self.read.bytes;
        let staged_bak = atomic::stage(&self.backup, old, self.perms.clone())
            .map_err(|e| fail(&self.backup, e))?;
        keep_owner(staged_bak.temp_path(), self.owner).map_err(Commit::Failed)?;
        staged_bak.commit().map_err(|e| fail(&self.backup, e))?;
        remember(&self.backup, &self.new_hash, self.perms.clone(), self.owner)
            .map_err(Commit::Failed)?;
        // Put in place only over the very bytes read: an editor's save since then is put back
        // and the edit made again on it.
        match guard::place(self.staged, &self.real, &self.read).map_err(|e| fail(&self.real, e))? {
            Placed::Done => Ok(Recorded {
                loaded: self.loaded,
                changed_underneath: self.changed_underneath,
                backup: self.backup,
            }),
            Placed::Changed => Err(Commit::Changed),
            Placed::KeptAside(kept) => Err(Commit::Failed(WriteError::new(
                ErrorKind::Conflict,
                crate::i18n::safety::other_version_kept(&kept.display().to_string()),
            ))),
        }
    }

    /// Put the prepared edit in place (keeping the previous bytes as `FILE.bak`).
    pub fn finish(self) -> Result<Recorded, WriteError> {
        self.commit().map_err(|c| match c {
            Commit::Changed => WriteError::new(ErrorKind::Conflict, ph::changed_while_writing()),
            Commit::Failed(e) => e,
        })
    }
}

/// Take the file's lock, make the edit on the file's current text, check the result, and write
/// it to a temporary file next to the loans file. Nothing visible changes until `finish`; the
/// lock is held until then.
pub fn prepare(
    loaded: &Loaded,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
) -> Result<Prepared, WriteError> {
    prepare_at(
        &loaded.source,
        loaded.read,
        builtin,
        edit,
        today,
        lock::WAIT,
    )
}

/// `prepare`, waiting at most `wait` for the lock.
pub fn prepare_waiting(
    loaded: &Loaded,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
    wait: Duration,
) -> Result<Prepared, WriteError> {
    prepare_at(&loaded.source, loaded.read, builtin, edit, today, wait)
}

fn prepare_at(
    source: &Source,
    read: Option<ReadStamp>,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
    wait: Duration,
) -> Result<Prepared, WriteError> {
    let path = file_of(source)?;
    check_input(edit, today)?;
    let shown = path.display().to_string();
    let real = real_path(&path)?;
    // Nothing is created beside what is not a loans file (a device, a FIFO, a missing file).
    super::super::check_file(&real)?;
    let lock = take_lock(&real, &shown, wait)?;
    remove_stale_temps(&real, &backup_path(&path));
    let file = guard::read_settled(&real)?;
    guard::pause("after_read");
    let old = &file.bytes;
    let changed = read.is_some_and(|r| r != ReadStamp::of(old));
    let conflict_or = |kind| if changed { ErrorKind::Conflict } else { kind };
    let text = std::str::from_utf8(old).map_err(|_| {
        WriteError::new(conflict_or(ErrorKind::BadInput), ph::write_not_utf8(&shown))
    })?;
    // Why the edit cannot be made, found the slow way (a parse of the old text) only when the
    // fast way failed: the file's own problems first, then the entry's rules.
    let explain = |fallback: WriteError| -> WriteError {
        let base = match schema::parse_portfolio(text, builtin) {
            Ok(b) => b,
            Err(diags) => {
                return WriteError::new(
                    conflict_or(ErrorKind::BadInput),
                    with_problems(&ph::file_has_problems(changed), &diags, &shown),
                );
            }
        };
        match check_against(&base.portfolio, edit, today) {
            Err(e) => refit(e, changed, &shown),
            Ok(()) => fallback,
        }
    };
    let not_exact = || WriteError::new(ErrorKind::Unsafe, ph::edit_not_exact(&shown));
    // A last line without its ending gains one (`edit_text` says why); nothing else may change.
    let ended = if text.is_empty() || text.ends_with('\n') {
        std::borrow::Cow::Borrowed(text)
    } else if text.contains("\r\n") {
        std::borrow::Cow::Owned(format!("{text}\r\n"))
    } else {
        std::borrow::Cow::Owned(format!("{text}\n"))
    };
    // The new file must be the old one with only the entry's lines added, valid, and say what
    // the old one said plus exactly this entry, last in its list: the old file's portfolio is
    // the new one with that entry taken off again (so the old text needs no parse of its own).
    let verify = |new_text: String| -> Result<(String, schema::Parsed), WriteError> {
        if !only_added(&ended, &new_text) {
            return Err(not_exact());
        }
        let mut parsed = schema::parse_portfolio(&new_text, builtin).map_err(|diags| {
            WriteError::new(
                ErrorKind::Unsafe,
                with_problems(&ph::edit_would_invalidate(), &diags, &shown),
            )
        })?;
        let taken = parsed
            .portfolio
            .loans
            .iter_mut()
            .find(|l| l.id == edit.id())
            .is_some_and(|loan| edit.take_from(loan));
        if !taken {
            return Err(not_exact());
        }
        Ok((new_text, parsed))
    };
    // Parse once to edit and once to check the result: only the loan's own part of the file
    // through toml_edit when it can be found for certain, else the whole document.
    let fast = segment::loan_range(text, edit.id())
        .and_then(|r| {
            let part = edit_text(&text[r.clone()], edit).ok()?;
            Some([&text[..r.start], &part, &text[r.end..]].concat())
        })
        .and_then(|t| verify(t).ok());
    let (new_text, mut parsed) = match fast {
        Some(done) => done,
        None => {
            let t = edit_text(text, edit)
                .map_err(|m| explain(WriteError::new(ErrorKind::Unsafe, m)))?;
            verify(t).map_err(explain)?
        }
    };
    let rules = check_against(&parsed.portfolio, edit, today);
    if let Some(loan) = parsed
        .portfolio
        .loans
        .iter_mut()
        .find(|l| l.id == edit.id())
    {
        edit.apply_to(loan);
    }
    rules.map_err(|e| refit(e, changed, &shown))?;
    let perms = std::fs::metadata(&real).ok().map(|m| m.permissions());
    let owner = owner_of(&real);
    let staged = atomic::stage(&real, new_text.as_bytes(), perms.clone())
        .map_err(|e| WriteError::io(&real, e))?;
    keep_owner(staged.temp_path(), owner)?;
    Ok(Prepared {
        backup: backup_path(&path),
        real,
        read: file,
        staged,
        perms,
        owner,
        new_hash: sha256_hex(new_text.as_bytes()),
        loaded: Loaded {
            read: Some(ReadStamp::of(new_text.as_bytes())),
            portfolio: parsed.portfolio,
            source: Source::File(path),
            warnings: parsed.warnings,
        },
        changed_underneath: changed,
        _lock: lock,
    })
}

/// A whole new text for the file that a caller in `store` made and checked under the lock it
/// holds (`store::add`: a new loan, several payments at once): staged as an entry is, and put in
/// place by `finish` with the same backup, undo record and last-moment check.
pub(crate) fn stage_checked(
    path: PathBuf,
    real: PathBuf,
    read: ReadFile,
    new_text: String,
    parsed: schema::Parsed,
    lock: FileLock,
) -> Result<Prepared, WriteError> {
    let perms = std::fs::metadata(&real).ok().map(|m| m.permissions());
    let owner = owner_of(&real);
    let staged = atomic::stage(&real, new_text.as_bytes(), perms.clone())
        .map_err(|e| WriteError::io(&real, e))?;
    keep_owner(staged.temp_path(), owner)?;
    Ok(Prepared {
        backup: backup_path(&path),
        real,
        read,
        staged,
        perms,
        owner,
        new_hash: sha256_hex(new_text.as_bytes()),
        loaded: Loaded {
            read: Some(ReadStamp::of(new_text.as_bytes())),
            portfolio: parsed.portfolio,
            source: Source::File(path),
            warnings: parsed.warnings,
        },
        changed_underneath: false,
        _lock: lock,
    })
}

/// A rule's refusal; when the file changed since it was read, said as a conflict.
fn refit(e: WriteError, changed: bool, shown: &str) -> WriteError {
    if !changed {
        return e;
    }
    WriteError {
        kind: ErrorKind::Conflict,
        message: ph::changed_no_longer_fits(shown, &e.message),
        field: e.field,
    }
}

/// `new` is `old` with text inserted in one place and nothing else changed.
fn only_added(old: &str, new: &str) -> bool {
    if new.len() < old.len() {
        return false;
    }
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let rest = old.len() - prefix;
    old.as_bytes()[prefix..] == new.as_bytes()[new.len() - rest..]
}
