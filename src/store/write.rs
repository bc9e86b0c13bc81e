//! Recording payments, log entries and extensions in the user's file without ever losing a byte
//! of it: the document is edited with `toml_edit` (comments, blank lines, key order and unknown
//! keys stay as written; only the new entry's lines are added), checked, and written atomically
//! with the previous version kept as `FILE.bak`.
//!
//! One call per edit (`apply` with an `Edit`) takes the `Loaded` the caller holds and returns the
//! new one. When the file changed since it was read, the edit is
//! re-applied on the new text if it still fits, and refused otherwise: never a blind overwrite.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::atomic::{self, Staged};
use super::guard::{self, Placed, ReadFile};
use super::lock::{self, FileLock};
use super::schema;
use super::{Loaded, ReadStamp, Source, segment};
use crate::engine::schedule;
use crate::i18n::{Lang, Text, outcome, phrases as ph};
use crate::input;
use crate::model::{Extension, Loan, LoanTerms, LogKind, Method, Payment, Policy, Portfolio};

// The entry types are plain data (`model::Edit`), so `present` can word what was recorded
// without naming the store; how each is written and checked stays here.
pub use crate::model::Edit;

impl Edit {
    /// The loan's key this edit appends to.
    fn key(&self) -> &'static str {
        match self {
            Edit::Pay { .. } => "payments",
            Edit::Log { .. } => "log",
            Edit::Extend { .. } => "extensions",
            Edit::PayPenalty { .. } => "payments",
            Edit::Agree { .. } => "agreements",
            Edit::Promise { .. } => "promises",
            Edit::Settle { .. } => "settlement",
        }
    }

    /// The entry's keys and values, in the order they are written.
    fn fields(&self) -> Vec<(&'static str, Value)> {
        match self {
            Edit::Pay { date, amount, .. } => vec![
                ("date", date_value(*date)),
                ("amount", literal(&amount.to_string())),
            ],
            Edit::Log { entry: e, .. } => {
                let mut out = vec![("date", date_value(e.date))];
                if let Some(t) = e.time {
                    out.push(("time", literal(&t.format("%H:%M:%S").to_string())));
                }
                out.push(("kind", literal(&basic_string(e.kind.key()))));
                if let Some(w) = &e.who {
                    out.push(("who", literal(&basic_string(w))));
                }
                if let Some(c) = e.channel {
                    out.push(("channel", literal(&basic_string(c.key()))));
                }
                if let Some(c) = &e.caller {
                    out.push(("caller", literal(&basic_string(c))));
                }
                if !e.flags.is_empty() {
                    let list: Vec<String> = e.flags.iter().map(|f| basic_string(f.key())).collect();
                    out.push(("flags", literal(&format!("[{}]", list.join(", ")))));
                }
                out.push(("text", literal(&basic_string(&e.text))));
                out
            }
            Edit::Extend {
                installment, due, ..
            } => vec![
                ("installment", Value::from(i64::from(*installment))),
                ("due", date_value(*due)),
            ],
            Edit::PayPenalty { date, amount, .. } => vec![
                ("date", date_value(*date)),
                ("amount", literal(&amount.to_string())),
                ("kind", literal(&basic_string("penalty"))),
            ],
            Edit::Agree { agreement: a, .. } => {
                let mut out = vec![
                    ("date", date_value(a.date)),
                    ("from", date_value(a.from)),
                    ("months", Value::from(i64::from(a.months))),
                    ("amount", literal(&a.amount.to_string())),
                ];
                if let Some(t) = a.total {
                    out.push(("total", literal(&t.to_string())));
                }
                if a.stop_interest {
                    out.push(("stop_interest", Value::from(true)));
                }
                if a.waive_penalty {
                    out.push(("waive_penalty", Value::from(true)));
                }
                if let Some(r) = &a.reference {
                    out.push(("ref", literal(&basic_string(r))));
                }
                if let Some(t) = &a.text {
                    out.push(("text", literal(&basic_string(t))));
                }
                out
            }
            Edit::Promise { promise: p, .. } => {
                let mut out = vec![
                    ("date", date_value(p.date)),
                    ("by", date_value(p.by)),
                    ("amount", literal(&p.amount.to_string())),
                ];
                if let Some(t) = &p.to {
                    out.push(("to", literal(&basic_string(t))));
                }
                if let Some(t) = &p.text {
                    out.push(("text", literal(&basic_string(t))));
                }
                out
            }
            Edit::Settle { settlement: st, .. } => {
                let mut out = vec![
                    ("date", date_value(st.date)),
                    ("amount", literal(&st.amount.to_string())),
                ];
                if let Some(r) = &st.reference {
                    out.push(("ref", literal(&basic_string(r))));
                }
                out
            }
        }
    }

    /// Take this edit's entry off the end of the loan's list; false when the last entry there is
    /// not exactly this one.
    fn take_from(&self, loan: &mut Loan) -> bool {
        fn pop_if<T: PartialEq>(list: &mut Vec<T>, entry: &T) -> bool {
            list.last() == Some(entry) && list.pop().is_some()
        }
        match self {
            Edit::Pay { date, amount, .. } => pop_if(
                &mut loan.payments,
                &Payment {
                    date: *date,
                    amount: *amount,
                },
            ),
            Edit::Log { entry, .. } => pop_if(&mut loan.log, entry),
            Edit::Extend {
                installment, due, ..
            } => pop_if(
                &mut loan.extensions,
                &Extension {
                    installment: *installment,
                    due: *due,
                },
            ),
            Edit::PayPenalty { date, amount, .. } => pop_if(
                &mut loan.penalty_payments,
                &Payment {
                    date: *date,
                    amount: *amount,
                },
            ),
            Edit::Agree { agreement, .. } => pop_if(&mut loan.agreements, agreement),
            Edit::Promise { promise, .. } => pop_if(&mut loan.promises, promise),
            Edit::Settle { settlement, .. } => {
                loan.settlement.as_ref() == Some(settlement) && loan.settlement.take().is_some()
            }
        }
    }

    /// The same change made on the model, to check the file says exactly this after the edit.
    fn apply_to(&self, loan: &mut Loan) {
        match self {
            Edit::Pay { date, amount, .. } => loan.payments.push(Payment {
                date: *date,
                amount: *amount,
            }),
            Edit::Log { entry, .. } => loan.log.push(entry.clone()),
            Edit::Extend {
                installment, due, ..
            } => loan.extensions.push(Extension {
                installment: *installment,
                due: *due,
            }),
            Edit::PayPenalty { date, amount, .. } => loan.penalty_payments.push(Payment {
                date: *date,
                amount: *amount,
            }),
            Edit::Agree { agreement, .. } => loan.agreements.push(agreement.clone()),
            Edit::Promise { promise, .. } => loan.promises.push(promise.clone()),
            Edit::Settle { settlement, .. } => loan.settlement = Some(settlement.clone()),
        }
    }
}

pub use super::write_error::{ErrorKind, Field, WriteError};

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

/// `FILE.bak` next to `FILE`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

// What a write leaves beside the file for `undo` (the hash of the bytes it wrote, in
// `FILE.undo` beside `FILE.bak`), kept here so that `undo` builds on the write and not the
// reverse.

pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// `FILE.undo` beside `FILE.bak`.
pub fn sidecar_path(backup: &Path) -> PathBuf {
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(".bak").unwrap_or(&name);
    backup.with_file_name(format!("{stem}.undo"))
}

const HEAD: &str = "# repaydash: SHA-256 of the loans file as repaydash last wrote it. `repaydash undo` puts the\n# .bak file back only while the loans file still has this hash.\n";

/// Record, once the backup is in place, the hash of what is about to be written.
pub(crate) fn remember(
    backup: &Path,
    hash: &str,
    perms: Option<std::fs::Permissions>,
    owner: Option<(u32, u32)>,
) -> Result<(), WriteError> {
    let side = sidecar_path(backup);
    let body = format!("{HEAD}sha256 = \"{hash}\"\n");
    let staged =
        atomic::stage(&side, body.as_bytes(), perms).map_err(|e| WriteError::io(&side, e))?;
    keep_owner(staged.temp_path(), owner)?;
    staged.commit().map_err(|e| WriteError::io(&side, e))
}

/// An amount of money as typed, by the one input parser.
pub fn parse_amount(s: &str) -> Result<Decimal, WriteError> {
    input::amount(s).map_err(|e| WriteError::rule(Field::Amount, e.text()))
}

/// An amount from a caller that did not type it (a test, a program): the same rules as typed.
fn check_amount(d: Decimal) -> Result<(), WriteError> {
    parse_amount(&d.normalize().to_string()).map(|_| ())
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
        let now = super::read_bytes(&self.real).map_err(|e| Commit::Failed(e.into()))?;
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

/// The loans file a source names; the demo cannot be written.
pub(crate) fn file_of(source: &Source) -> Result<PathBuf, WriteError> {
    match source {
        Source::File(p) => Ok(p.clone()),
        Source::Demo => Err(WriteError::new(
            ErrorKind::Demo,
            ph::demo_read_only(&crate::launch::command("init")),
        )),
    }
}

/// The file a path names, through a symlink, so the link stays a link when the file is replaced.
pub(crate) fn real_path(path: &Path) -> Result<PathBuf, WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|e| WriteError::io(path, e))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// The temporary copies of the file, its backup and its undo record left by killed writes.
pub(crate) fn remove_stale_temps(real: &Path, backup: &Path) {
    atomic::remove_stale(real);
    atomic::remove_stale(backup);
    atomic::remove_stale(&sidecar_path(backup));
}

/// Take the lock for the file `real`, waiting at most `wait`.
pub(crate) fn take_lock(real: &Path, shown: &str, wait: Duration) -> Result<FileLock, WriteError> {
    FileLock::acquire(real, wait).map_err(|e| WriteError::lock(e, shown))
}

/// The owner and group of `real` (unix).
pub(crate) fn owner_of(real: &Path) -> Option<(u32, u32)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(real).ok().map(|m| (m.uid(), m.gid()))
    }
    #[cfg(not(unix))]
    {
        let _ = real;
        None
    }
}

/// Give a new file the owner and group the replaced one had (root writing another user's file
/// would otherwise hand it to root); refuse when that is not possible.
pub(crate) fn keep_owner(tmp: &Path, owner: Option<(u32, u32)>) -> Result<(), WriteError> {
    #[cfg(unix)]
    if let Some((uid, gid)) = owner {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(tmp).map_err(|e| WriteError::io(tmp, e))?;
        if (m.uid(), m.gid()) != (uid, gid) {
            std::os::unix::fs::chown(tmp, Some(uid), Some(gid))
                .map_err(|e| WriteError::new(ErrorKind::Io, ph::cannot_keep_owner(uid, gid, e)))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (tmp, owner);
    Ok(())
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
    super::check_file(&real)?;
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
                    with_problems(ph::file_has_problems(changed), &diags, &shown),
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
                with_problems(ph::edit_would_invalidate(), &diags, &shown),
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

/// `head:` then one `path:line:col: problem` per line, in each language.
fn with_problems(head: Text, diags: &[super::Diagnostic], path: &str) -> Text {
    let listed = |lang| {
        diags
            .iter()
            .map(|d| d.render_in(path, lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Text::new(
        format!("{}：\n{}", head.zh, listed(Lang::Zh)),
        format!("{}:\n{}", head.en, listed(Lang::En)),
    )
}

/// The rules every entry must meet, whoever records it (the CLI, the dashboard's forms): the
/// values alone, then against the loan as the file has it. The refusal names the field.
pub fn check_entry(p: &Portfolio, edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    check_input(edit, today)?;
    check_against(p, edit, today)
}

/// What can be said about the values without the file.
fn check_input(edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    match edit {
        Edit::Pay { date, amount, .. } => {
            check_amount(*amount)?;
            not_future(*date, today, ph::Entry::Payment)
        }
        Edit::PayPenalty { date, amount, .. } => {
            check_amount(*amount)?;
            not_future(*date, today, ph::Entry::Payment)
        }
        Edit::Agree { agreement: a, .. } => {
            check_amount(a.amount)?;
            if let Some(t) = a.total {
                check_amount(t)?;
            }
            if a.months == 0 || a.months > schema::MAX_TERM {
                return Err(WriteError::bad(ph::int_range(
                    "months",
                    1,
                    i64::from(schema::MAX_TERM),
                    i64::from(a.months),
                )));
            }
            if a.from < a.date {
                return Err(WriteError::rule(
                    Field::Due,
                    outcome::date_before("from", "date"),
                ));
            }
            not_future(a.date, today, ph::Entry::Log)
        }
        Edit::Promise { promise: pr, .. } => {
            check_amount(pr.amount)?;
            if pr.by < pr.date {
                return Err(WriteError::rule(
                    Field::Due,
                    outcome::date_before("by", "date"),
                ));
            }
            not_future(pr.date, today, ph::Entry::Log)
        }
        Edit::Settle { settlement: st, .. } => {
            check_amount(st.amount)?;
            not_future(st.date, today, ph::Entry::Payment)
        }
        Edit::Log { entry, .. } => {
            if entry.text.trim().is_empty() {
                return Err(WriteError::rule(Field::Text, ph::log_text_empty()));
            }
            if entry.kind == LogKind::ContactNotified && entry.contact().is_none() {
                return Err(WriteError::bad(ph::contact_notified_needs_who()));
            }
            not_future(entry.date, today, ph::Entry::Log)
        }
        Edit::Extend {
            installment, due, ..
        } => {
            if *installment == 0 {
                return Err(WriteError::rule(Field::Installment, ph::installment_zero()));
            }
            if *due < today {
                return Err(WriteError::rule(
                    Field::Due,
                    ph::extension_into_past(due, today),
                ));
            }
            Ok(())
        }
    }
}

fn not_future(date: NaiveDate, today: NaiveDate, what: ph::Entry) -> Result<(), WriteError> {
    if date > today {
        Err(WriteError::rule(
            Field::Date,
            ph::dated_after_today(what, date, today),
        ))
    } else {
        Ok(())
    }
}

/// What needs the loan: it exists, it is not paid off, the payment falls in the loan's life and
/// within what is owed, the installment exists and moves later.
fn check_against(p: &Portfolio, edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    let id = edit.id();
    let Some(loan) = p.loan(id) else {
        let ids: Vec<&str> = p.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(WriteError::bad(ph::no_loan_with_id(id, &ids)));
    };
    match edit {
        Edit::Pay { date, amount, .. } => {
            if let LoanTerms::Amortized { start_date, .. } = &loan.terms
                && date < start_date
            {
                return Err(WriteError::rule(
                    Field::Date,
                    ph::paid_before_start(date, start_date),
                ));
            }
            let ledger = crate::engine::agreement::ledger(loan, today, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
            // Everything still owed: every unpaid installment, and the estimated penalty on
            // those already late (a lender may charge it; paying it is not an overpayment).
            // An unknown penalty (a bill list with no rate) counts as none here.
            let penalty = ledger.penalty_estimate.unwrap_or_default();
            let owed = ledger.remaining_balance + penalty;
            if *amount > owed {
                let m = |d| format!("{}{}", p.settings.currency, crate::money::grouped(d));
                return Err(WriteError::rule(
                    Field::Amount,
                    ph::payment_beyond_owed(
                        &m(*amount),
                        &m(owed),
                        &m(ledger.remaining_balance),
                        (!penalty.is_zero()).then(|| m(penalty)).as_deref(),
                    ),
                ));
            }
        }
        Edit::Extend {
            installment, due, ..
        } => {
            let count = installment_count(loan);
            if *installment > count {
                return Err(WriteError::rule(
                    Field::Installment,
                    ph::no_such_installment(id, count, *installment),
                ));
            }
            let now = schedule::installments(loan)
                .into_iter()
                .find(|i| i.n == *installment)
                .map(|i| i.due_date);
            if let Some(now) = now
                && *due <= now
            {
                return Err(WriteError::rule(
                    Field::Due,
                    ph::extension_not_later(*installment, now, due),
                ));
            }
        }
        Edit::Log { .. } => {}
        Edit::PayPenalty { date, .. } => {
            if let LoanTerms::Amortized { start_date, .. } = &loan.terms
                && date < start_date
            {
                return Err(WriteError::rule(
                    Field::Date,
                    ph::paid_before_start(date, start_date),
                ));
            }
            if loan.settlement.is_some() {
                return Err(WriteError::bad(outcome::already_settled(id)));
            }
        }
        Edit::Agree { agreement, .. } => {
            let ledger = crate::engine::agreement::ledger(loan, today, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
            if let Some(last) = loan.agreements.iter().map(|a| a.date).max()
                && agreement.date < last
            {
                return Err(WriteError::rule(
                    Field::Date,
                    outcome::agreement_before_last(last),
                ));
            }
        }
        Edit::Promise { .. } => {
            let ledger = crate::engine::agreement::ledger(loan, today, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
        }
        Edit::Settle { settlement, .. } => {
            if loan.settlement.is_some() {
                return Err(WriteError::bad(outcome::already_settled(id)));
            }
            let ledger =
                crate::engine::agreement::ledger(loan, settlement.date, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
        }
    }
    Ok(())
}

fn installment_count(loan: &Loan) -> u32 {
    match &loan.terms {
        LoanTerms::Bills(b) => u32::try_from(b.len()).unwrap_or(u32::MAX),
        LoanTerms::Amortized {
            method: Method::Bullet,
            ..
        } => 1,
        LoanTerms::Amortized { term, .. } => *term,
    }
}

/// The file's text with the edit's entry appended to its loan; every other byte kept.
/// The BOM and CRLF line endings are kept; a file with both CRLF and LF endings is refused
/// rather than have its endings changed.
pub fn edit_text(text: &str, edit: &Edit) -> Result<String, Text> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let crlf_count = body.matches("\r\n").count();
    let lf_count = body.matches('\n').count();
    let crlf = crlf_count > 0;
    if crlf && crlf_count != lf_count {
        return Err(ph::mixed_line_endings());
    }
    let mut body = if crlf {
        body.replace("\r\n", "\n")
    } else {
        body.to_string()
    };
    // toml_edit ends the last line; do it first so every existing line stays as it is.
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| ph::toml_syntax(Some(e.message().trim())))?;
    if doc.to_string() != body {
        return Err(ph::cannot_edit_without_rewriting());
    }
    append(&mut doc, edit)?;
    let mut out = doc.to_string();
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    Ok(format!("{bom}{out}"))
}

enum LoanMut<'a> {
    Table(&'a mut Table),
    Inline(&'a mut InlineTable),
}

fn has_id(t: &dyn toml_edit::TableLike, id: &str) -> bool {
    t.get("id").and_then(|i| i.as_str()) == Some(id)
}

fn find_loan<'a>(doc: &'a mut DocumentMut, id: &str) -> Option<LoanMut<'a>> {
    match doc.get_mut("loan")? {
        Item::ArrayOfTables(a) => a.iter_mut().find(|t| has_id(*t, id)).map(LoanMut::Table),
        Item::Table(t) if has_id(t, id) => Some(LoanMut::Table(t)),
        Item::Value(Value::Array(arr)) => arr
            .iter_mut()
            .filter_map(|v| v.as_inline_table_mut())
            .find(|t| has_id(*t, id))
            .map(LoanMut::Inline),
        _ => None,
    }
}

fn append(doc: &mut DocumentMut, edit: &Edit) -> Result<(), Text> {
    let id = edit.id();
    let key = edit.key();
    let single = || ph::single_table(id, key);
    if let Edit::Settle { .. } = edit {
        // One key on the loan itself, never a list: refused when it is there already.
        let entry = Value::InlineTable(entry_inline(edit));
        return match find_loan(doc, id).ok_or_else(|| ph::no_loan_with_id(id, &[]))? {
            LoanMut::Table(t) if !t.contains_key(key) => {
                t.insert(key, Item::Value(entry));
                Ok(())
            }
            LoanMut::Inline(t) if !t.contains_key(key) => {
                t.insert(key, entry);
                Ok(())
            }
            _ => Err(outcome::already_settled(id)),
        };
    }
    match find_loan(doc, id).ok_or_else(|| ph::no_loan_with_id(id, &[]))? {
        LoanMut::Table(t) => match t.get_mut(key) {
            None => {
                let mut a = ArrayOfTables::new();
                a.push(entry_table(edit));
                t.insert(key, Item::ArrayOfTables(a));
            }
            Some(Item::ArrayOfTables(a)) => a.push(entry_table(edit)),
            Some(Item::Value(Value::Array(arr))) => push_inline(arr, entry_inline(edit)),
            Some(_) => return Err(single()),
        },
        LoanMut::Inline(t) => match t.get_mut(key) {
            None => {
                let mut arr = Array::new();
                arr.push(entry_inline(edit));
                t.insert(key, Value::Array(arr));
            }
            Some(Value::Array(arr)) => push_inline(arr, entry_inline(edit)),
            Some(_) => return Err(single()),
        },
    }
    Ok(())
}

fn entry_table(edit: &Edit) -> Table {
    let mut t = Table::new();
    for (k, v) in edit.fields() {
        t.insert(k, Item::Value(v));
    }
    t
}

fn entry_inline(edit: &Edit) -> InlineTable {
    let mut t = InlineTable::new();
    for (k, v) in edit.fields() {
        t.insert(k, v);
    }
    t
}

/// Append to an inline array. In an array written one element a line, the new element gets a
/// line of its own with the same indent, after any comment on the last line, so no existing
/// line changes (except that a last element without a trailing comma gains one).
fn push_inline(arr: &mut Array, entry: InlineTable) {
    let mut value = Value::InlineTable(entry);
    let Some(last) = arr.len().checked_sub(1) else {
        arr.push(value);
        return;
    };
    let raw = |r: Option<&toml_edit::RawString>| {
        r.and_then(|r| r.as_str()).unwrap_or_default().to_string()
    };
    let (last_prefix, last_suffix) = match arr.get(last) {
        Some(v) => (raw(v.decor().prefix()), raw(v.decor().suffix())),
        None => (String::new(), String::new()),
    };
    let trailing = arr.trailing().as_str().unwrap_or_default().to_string();
    let tail = if arr.trailing_comma() {
        trailing
    } else {
        format!("{last_suffix}{trailing}")
    };
    let Some(nl) = tail.rfind('\n') else {
        arr.push(value);
        return;
    };
    let (head, close_indent) = tail.split_at(nl + 1);
    let indent = match last_prefix.rfind('\n') {
        Some(i) => last_prefix[i + 1..].to_string(),
        None => "  ".to_string(),
    };
    if !arr.trailing_comma()
        && let Some(v) = arr.get_mut(last)
    {
        v.decor_mut().set_suffix("");
    }
    value.decor_mut().set_prefix(format!("{head}{indent}"));
    value.decor_mut().set_suffix("");
    arr.push_formatted(value);
    arr.set_trailing(format!("\n{close_indent}"));
}

fn date_value(d: NaiveDate) -> Value {
    // Years outside 0..=9999 cannot be written as a TOML date; chrono's own text is then refused
    // by the check that follows the edit.
    literal(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// A value from its TOML text. Every caller passes text it built to be valid; the fallback keeps
/// this panic-free, and the schema check after the edit would refuse it.
fn literal(text: &str) -> Value {
    text.parse::<Value>()
        .unwrap_or_else(|_| Value::from(text.to_string()))
}

/// A one-line TOML basic string, so a log text never spreads over several lines.
fn basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(id: &str, date: &str, amount: &str) -> Edit {
        Edit::Pay {
            id: id.into(),
            date: date.parse().unwrap(),
            amount: amount.parse().unwrap(),
        }
    }

    #[test]
    fn appends_a_table_after_the_loans_last_payment() {
        let src = "[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-01-01 # c\namount = 1\n# about b\n\n[[loan]]\nid = \"b\"\n";
        let out = edit_text(src, &pay("a", "2026-02-01", "2.50")).unwrap();
        assert_eq!(
            out,
            "[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-01-01 # c\namount = 1\n\n[[loan.payments]]\ndate = 2026-02-01\namount = 2.50\n# about b\n\n[[loan]]\nid = \"b\"\n"
        );
    }

    #[test]
    fn multi_line_inline_array_gets_a_line_of_its_own() {
        let src = "[[loan]]\nid = \"a\"\npayments = [\n    { date = 2026-01-01, amount = 1 }, # first\n]\n";
        let out = edit_text(src, &pay("a", "2026-02-01", "2")).unwrap();
        assert_eq!(
            out,
            "[[loan]]\nid = \"a\"\npayments = [\n    { date = 2026-01-01, amount = 1 }, # first\n    { date = 2026-02-01, amount = 2 },\n]\n"
        );
        let src = "[[loan]]\nid = \"a\"\npayments = [\n  { date = 2026-01-01, amount = 1 }\n]\n";
        let out = edit_text(src, &pay("a", "2026-02-01", "2")).unwrap();
        assert_eq!(
            out,
            "[[loan]]\nid = \"a\"\npayments = [\n  { date = 2026-01-01, amount = 1 },\n  { date = 2026-02-01, amount = 2 }\n]\n"
        );
    }

    #[test]
    fn log_text_stays_on_one_line() {
        assert_eq!(
            basic_string("a\"b\\c\nd\u{1}"),
            "\"a\\\"b\\\\c\\nd\\u0001\""
        );
        let v = literal(&basic_string("第一行\n\"二\""));
        assert_eq!(v.as_str(), Some("第一行\n\"二\""));
    }

    #[test]
    fn amounts_are_checked() {
        assert_eq!(parse_amount(" 800.16 ").unwrap().to_string(), "800.16");
        for bad in ["abc", "", "0", "-5", "1.005", "1e3", "NaN", "1,00", "1.500"] {
            assert_eq!(
                parse_amount(bad).unwrap_err().kind,
                ErrorKind::BadInput,
                "{bad}"
            );
        }
        assert_eq!(parse_amount("¥1,000").unwrap().to_string(), "1000");
    }
}
