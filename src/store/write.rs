//! Recording payments, log entries and extensions in the user's file without ever losing a byte
//! of it: the document is edited with `toml_edit` (comments, blank lines, key order and unknown
//! keys stay as written; only the new entry's lines are added), checked, and written atomically
//! with the previous version kept as `FILE.bak`.
//!
//! One call per edit (`pay`, `log`, `extend`, or `apply` with an `Edit`) takes the `Loaded` the
//! caller holds and returns the new one. When the file changed since it was read, the edit is
//! re-applied on the new text if it still fits, and refused otherwise: never a blind overwrite.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use std::time::Duration;

use super::atomic::{self, Staged};
use super::lock::{self, FileLock, LockError};
use super::schema::{self, MAX_AMOUNT};
use super::{LoadError, Loaded, ReadStamp, Source, undo};
use crate::engine::{Ledger, LoanStatus, schedule};
use crate::i18n::Lang;
use crate::model::{
    Channel, Extension, Loan, LoanTerms, LogEntry, LogFlag, LogKind, Method, Payment, Policy,
    Portfolio,
};

/// One change to one loan.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Pay {
        id: String,
        date: NaiveDate,
        amount: Decimal,
    },
    Log {
        id: String,
        entry: LogEntry,
    },
    Extend {
        id: String,
        installment: u32,
        due: NaiveDate,
    },
}

impl Edit {
    pub fn id(&self) -> &str {
        match self {
            Edit::Pay { id, .. } | Edit::Log { id, .. } | Edit::Extend { id, .. } => id,
        }
    }

    /// The loan's key this edit appends to.
    fn key(&self) -> &'static str {
        match self {
            Edit::Pay { .. } => "payments",
            Edit::Log { .. } => "log",
            Edit::Extend { .. } => "extensions",
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
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The values asked for are wrong (unknown id, bad amount, future date…).
    BadInput,
    /// There is no file: the demo is read-only.
    Demo,
    /// The file changed since it was read and the edit no longer fits it.
    Conflict,
    /// The edit cannot be made without changing what the file already says.
    Unsafe,
    /// Another writer held the file's lock for the whole wait.
    Busy,
    /// Reading or writing failed.
    Io,
}

/// The form field an entry rule is about, so the dashboard can mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Amount,
    Date,
    Text,
    Installment,
    Due,
}

/// Why nothing was written. In every case the file is untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    pub kind: ErrorKind,
    /// In English.
    pub message: String,
    /// The same in Chinese; empty where no translation exists yet.
    pub zh: String,
    /// The entry's field the refusal is about, when it is about one.
    pub field: Option<Field>,
}

impl WriteError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        WriteError {
            kind,
            message: message.into(),
            zh: String::new(),
            field: None,
        }
    }
    pub(crate) fn both(kind: ErrorKind, zh: impl Into<String>, en: impl Into<String>) -> Self {
        WriteError {
            kind,
            message: en.into(),
            zh: zh.into(),
            field: None,
        }
    }
    /// An entry the rules refuse, said in both languages, about `field`.
    fn rule(field: Field, zh: String, en: String) -> Self {
        WriteError {
            field: Some(field),
            ..Self::both(ErrorKind::BadInput, zh, en)
        }
    }
    fn io(path: &Path, e: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Io, format!("{}: {e}", path.display()))
    }
    pub(crate) fn io_at(path: &Path, e: impl fmt::Display) -> Self {
        Self::both(
            ErrorKind::Io,
            format!("{}：{e}", path.display()),
            format!("{}: {e}", path.display()),
        )
    }
    fn load(e: LoadError) -> Self {
        let kind = match &e {
            LoadError::Io { .. } => ErrorKind::Io,
            LoadError::Invalid { .. } => ErrorKind::BadInput,
        };
        Self::both(kind, e.render_in(Lang::Zh), e.render_in(Lang::En))
    }
    fn lock(e: LockError, shown: &str) -> Self {
        match e {
            LockError::Busy { waited, .. } => {
                let s = waited.as_secs_f64().round();
                Self::both(
                    ErrorKind::Busy,
                    format!(
                        "另一个 repaydash 正在写入 {shown}，等了 {s} 秒仍未结束；这次什么都没有写入，请稍后再试"
                    ),
                    format!(
                        "another repaydash is writing {shown}; waited {s} s for it to finish; nothing was written, try again in a moment"
                    ),
                )
            }
            LockError::Io { lock, error } => Self::both(
                ErrorKind::Io,
                format!("无法锁定 {}：{error}；什么都没有写入", lock.display()),
                format!(
                    "cannot lock {}: {error}; nothing was written",
                    lock.display()
                ),
            ),
        }
    }

    /// The message in `lang` (English where no translation exists yet).
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            _ => &self.message,
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WriteError {}

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

/// An amount of money as typed: a plain decimal number, above zero, at most two decimals.
pub fn parse_amount(s: &str) -> Result<Decimal, WriteError> {
    let t = s.trim();
    let plain = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+');
    let d = if plain {
        Decimal::from_str(t).ok()
    } else {
        None
    };
    let Some(d) = d else {
        return Err(WriteError::rule(
            Field::Amount,
            format!("金额应是数字，例如 800.16，收到的是 {s:?}"),
            format!("the amount must be a number like 800.16, got {s:?}"),
        ));
    };
    check_amount(d)?;
    Ok(d)
}

fn check_amount(d: Decimal) -> Result<(), WriteError> {
    if d <= Decimal::ZERO {
        return Err(WriteError::rule(
            Field::Amount,
            format!("金额必须大于 0，收到的是 {d}"),
            format!("the amount must be above zero, got {d}"),
        ));
    }
    if d.normalize().scale() > 2 {
        return Err(WriteError::rule(
            Field::Amount,
            format!("金额 {d} 超过两位小数（最小单位是分）"),
            format!("the amount {d} has more than two decimals (cents are the smallest unit)"),
        ));
    }
    if d > Decimal::from(MAX_AMOUNT) {
        return Err(WriteError::rule(
            Field::Amount,
            format!("金额 {d} 大得不合理（最多 {MAX_AMOUNT}）"),
            format!("the amount {d} is absurdly large (at most {MAX_AMOUNT})"),
        ));
    }
    Ok(())
}

/// `negotiation`, `collection_call`, `note` or `contact_notified`.
pub fn parse_log_kind(s: &str) -> Result<LogKind, WriteError> {
    LogKind::from_key(s.trim()).ok_or_else(|| {
        WriteError::both(
            ErrorKind::BadInput,
            format!(
                "不认识的记录类型 {s:?}；应为 negotiation、collection_call、note 或 contact_notified"
            ),
            format!(
                "unknown log kind {s:?}; expected negotiation, collection_call, note or contact_notified"
            ),
        )
    })
}

/// `call`, `sms`, `visit` or `other`.
pub fn parse_channel(s: &str) -> Result<Channel, WriteError> {
    Channel::from_key(s.trim()).ok_or_else(|| {
        WriteError::both(
            ErrorKind::BadInput,
            format!("不认识的渠道 {s:?}；应为 call、sms、visit 或 other"),
            format!("unknown channel {s:?}; expected call, sms, visit or other"),
        )
    })
}

/// Flags as typed: separated by commas or spaces, each one of the known flags.
pub fn parse_flags(s: &str) -> Result<Vec<LogFlag>, WriteError> {
    let mut out = vec![];
    for word in s
        .split([',', ' ', '，'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let flag = LogFlag::from_key(word).ok_or_else(|| {
            WriteError::both(
                ErrorKind::BadInput,
                format!(
                    "不认识的标记 {word:?}；应为 threat、insult、told_third_party、fake_legal 或 night"
                ),
                format!(
                    "unknown flag {word:?}; expected threat, insult, told_third_party, fake_legal or night"
                ),
            )
        })?;
        if !out.contains(&flag) {
            out.push(flag);
        }
    }
    Ok(out)
}

/// Record a payment of `amount` made on `date`.
pub fn pay(
    loaded: &Loaded,
    builtin: &[Policy],
    id: &str,
    date: NaiveDate,
    amount: Decimal,
    today: NaiveDate,
) -> Result<Recorded, WriteError> {
    let edit = Edit::Pay {
        id: id.to_string(),
        date,
        amount,
    };
    apply(loaded, builtin, &edit, today)
}

/// Record a call, a negotiation, a note or a contact told.
pub fn log(
    loaded: &Loaded,
    builtin: &[Policy],
    id: &str,
    entry: LogEntry,
    today: NaiveDate,
) -> Result<Recorded, WriteError> {
    let edit = Edit::Log {
        id: id.to_string(),
        entry,
    };
    apply(loaded, builtin, &edit, today)
}

/// Record that the lender moved installment `installment` to `due`.
pub fn extend(
    loaded: &Loaded,
    builtin: &[Policy],
    id: &str,
    installment: u32,
    due: NaiveDate,
    today: NaiveDate,
) -> Result<Recorded, WriteError> {
    let edit = Edit::Extend {
        id: id.to_string(),
        installment,
        due,
    };
    apply(loaded, builtin, &edit, today)
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
                return Err(WriteError::both(
                    ErrorKind::Conflict,
                    "repaydash 写入时文件一直在被改动；什么都没有写入（请再试一次）",
                    "the file keeps changing while repaydash writes it; nothing was written (try again)",
                ));
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
    old: Vec<u8>,
    staged: Staged,
    perms: Option<std::fs::Permissions>,
    owner: Option<(u32, u32)>,
    backup: PathBuf,
    loaded: Loaded,
    changed_underneath: bool,
    /// SHA-256 of the new text, kept with the backup so `undo` knows the file is still ours.
    new_hash: String,
    _lock: FileLock,
}

enum Commit {
    /// The file changed after `prepare` read it.
    Changed,
    Failed(WriteError),
}

fn changed_while_writing() -> WriteError {
    WriteError::both(
        ErrorKind::Conflict,
        "repaydash 写入时文件被改动了；什么都没有写入（请再试一次）",
        "the file changed while repaydash was writing it; nothing was written (try again)",
    )
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
        let staged_bak = atomic::stage(&self.backup, &self.old, self.perms.clone())
            .map_err(|e| fail(&self.backup, e))?;
        keep_owner(staged_bak.temp_path(), self.owner).map_err(Commit::Failed)?;
        staged_bak.commit().map_err(|e| fail(&self.backup, e))?;
        undo::remember(&self.backup, &self.new_hash, self.perms.clone(), self.owner)
            .map_err(Commit::Failed)?;
        // The last moment before the rename: an editor's save since our read must not be lost.
        let now = std::fs::read(&self.real).map_err(|e| fail(&self.real, e))?;
        if now != self.old {
            return Err(Commit::Changed);
        }
        self.staged.commit().map_err(|e| fail(&self.real, e))?;
        Ok(Recorded {
            loaded: self.loaded,
            changed_underneath: self.changed_underneath,
            backup: self.backup,
        })
    }

    /// Put the prepared edit in place (keeping the previous bytes as `FILE.bak`).
    pub fn finish(self) -> Result<Recorded, WriteError> {
        self.commit().map_err(|c| match c {
            Commit::Changed => changed_while_writing(),
            Commit::Failed(e) => e,
        })
    }
}

/// The loans file a source names; the demo cannot be written.
pub(crate) fn file_of(source: &Source) -> Result<PathBuf, WriteError> {
    match source {
        Source::File(p) => Ok(p.clone()),
        Source::Demo => Err(WriteError::both(
            ErrorKind::Demo,
            "还没有账本文件，只有只读的演示数据：先运行 `repaydash init` 创建自己的文件，再在里面记录还款",
            "there is no loans file yet, only the read-only demo: run `repaydash init` to create your own file, then record payments in it",
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
            std::os::unix::fs::chown(tmp, Some(uid), Some(gid)).map_err(|e| {
                WriteError::both(
                    ErrorKind::Io,
                    format!(
                        "无法让新文件保持原来的所有者（用户 {uid}、组 {gid}）：{e}；什么都没有写入。请以文件所有者的身份运行"
                    ),
                    format!(
                        "cannot give the new file its owner back (user {uid}, group {gid}): {e}; nothing was written. Run repaydash as the file's owner"
                    ),
                )
            })?;
        }
    }
    #[cfg(not(unix))]
    let _ = (tmp, owner);
    Ok(())
}

/// Check the edit, take the file's lock, make the edit on the file's current text, check the
/// result, and write it to a temporary file next to the loans file. Nothing visible changes
/// until `finish`; the lock is held until then.
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

fn invalid(
    shown: &str,
    diags: &[super::Diagnostic],
    zh_head: &str,
    en_head: &str,
) -> (String, String) {
    let listed: Vec<String> = diags.iter().map(|d| d.render(shown)).collect();
    let listed = listed.join("\n");
    (
        format!("{zh_head}：\n{listed}"),
        format!("{en_head}:\n{listed}"),
    )
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
    let lock = take_lock(&real, &shown, wait)?;
    let old = super::read_bytes(&real).map_err(WriteError::load)?;
    let changed = read.is_some_and(|r| r != ReadStamp::of(&old));
    let conflict_or = |kind| if changed { ErrorKind::Conflict } else { kind };
    let text = std::str::from_utf8(&old).map_err(|_| {
        WriteError::both(
            conflict_or(ErrorKind::BadInput),
            format!("{shown}：文件不是 UTF-8 文本（运行 `repaydash validate` 查看）"),
            format!("{shown}: the file is not UTF-8 text (run `repaydash validate`)"),
        )
    })?;
    // Why the edit cannot be made, found the slow way (a parse of the old text) only when the
    // fast way failed: the file's own problems first, then the entry's rules.
    let explain = |fallback: WriteError| -> WriteError {
        let base = match schema::parse_portfolio(text, builtin) {
            Ok(b) => b,
            Err(diags) => {
                let (zh, en) = if changed {
                    invalid(
                        &shown,
                        &diags,
                        "文件在读取之后被改动过，现在有问题；请先改正",
                        "the file changed since it was read and now has problems; fix them first",
                    )
                } else {
                    invalid(
                        &shown,
                        &diags,
                        "文件有问题；请先改正",
                        "the file has problems; fix them first",
                    )
                };
                return WriteError::both(conflict_or(ErrorKind::BadInput), zh, en);
            }
        };
        match check_against(&base.portfolio, edit, today) {
            Err(e) => refit(e, changed, &shown),
            Ok(()) => fallback,
        }
    };
    // Parse once to edit (toml_edit) and once to check the result (the schema).
    let new_text = match edit_text(text, edit) {
        Ok(t) => t,
        Err(m) => return Err(explain(WriteError::new(ErrorKind::Unsafe, m))),
    };
    // A last line without its ending gains one (`edit_text` says why); nothing else may change.
    let ended = if text.is_empty() || text.ends_with('\n') {
        std::borrow::Cow::Borrowed(text)
    } else if text.contains("\r\n") {
        std::borrow::Cow::Owned(format!("{text}\r\n"))
    } else {
        std::borrow::Cow::Owned(format!("{text}\n"))
    };
    if !only_added(&ended, &new_text) {
        return Err(explain(unsafe_edit(&shown)));
    }
    let mut parsed = match schema::parse_portfolio(&new_text, builtin) {
        Ok(p) => p,
        Err(diags) => {
            let (zh, en) = invalid(
                &shown,
                &diags,
                "这次修改会让文件失效，所以什么都没有写入",
                "the edit would make the file invalid, so nothing was written",
            );
            return Err(explain(WriteError::both(ErrorKind::Unsafe, zh, en)));
        }
    };
    // The new file must say what the old one said plus exactly this entry, last in its list.
    // The old file's portfolio is the new one with that entry taken off again.
    let Some(loan) = parsed
        .portfolio
        .loans
        .iter_mut()
        .find(|l| l.id == edit.id())
    else {
        return Err(explain(unsafe_edit(&shown)));
    };
    if !edit.take_from(loan) {
        return Err(explain(unsafe_edit(&shown)));
    }
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
        old,
        staged,
        perms,
        owner,
        loaded: Loaded {
            read: Some(ReadStamp::of(new_text.as_bytes())),
            portfolio: parsed.portfolio,
            source: Source::File(path),
            warnings: parsed.warnings,
        },
        changed_underneath: changed,
        new_hash: undo::sha256_hex(new_text.as_bytes()),
        _lock: lock,
    })
}

fn unsafe_edit(shown: &str) -> WriteError {
    WriteError::both(
        ErrorKind::Unsafe,
        format!(
            "{shown}：改动后的文件不会恰好等于原来的内容加上这一条新记录，所以什么都没有写入；请手动添加"
        ),
        format!(
            "{shown}: the edited file would not say exactly what it said before plus the new entry, so nothing was written; please add it by hand"
        ),
    )
}

/// A rule's refusal; when the file changed since it was read, said as a conflict.
fn refit(e: WriteError, changed: bool, shown: &str) -> WriteError {
    if !changed {
        return e;
    }
    WriteError {
        kind: ErrorKind::Conflict,
        zh: format!(
            "{shown} 在读取之后被改动过，改动后这条记录不再成立：{}；什么都没有写入",
            e.text(Lang::Zh)
        ),
        message: format!(
            "{shown} changed since it was read, and the change no longer fits: {}; nothing was written",
            e.message
        ),
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

/// The rules every entry must meet, whoever records it (the CLI, the dashboard's forms): the
/// values alone, then against the loan as the file has it. Messages in both languages, with the
/// field they are about.
pub fn check_entry(p: &Portfolio, edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    check_input(edit, today)?;
    check_against(p, edit, today)
}

/// What can be said about the values without the file.
fn check_input(edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    match edit {
        Edit::Pay { date, amount, .. } => {
            check_amount(*amount)?;
            not_future(*date, today, Field::Date, "还款", "a payment")
        }
        Edit::Log { entry, .. } => {
            if entry.text.trim().is_empty() {
                return Err(WriteError::rule(
                    Field::Text,
                    "记录内容是空的；写下发生了什么".into(),
                    "the log text is empty; say what happened".into(),
                ));
            }
            if entry.kind == LogKind::ContactNotified && entry.contact().is_none() {
                return Err(WriteError::both(
                    ErrorKind::BadInput,
                    "contact_notified 记录要写明被告知的是哪位联系人（--who 姓名）",
                    "a contact_notified entry names the contact who was told (--who NAME)",
                ));
            }
            not_future(entry.date, today, Field::Date, "记录", "a log entry")
        }
        Edit::Extend {
            installment, due, ..
        } => {
            if *installment == 0 {
                return Err(WriteError::rule(
                    Field::Installment,
                    "期数从 1 开始；没有第 0 期".into(),
                    "installments are numbered from 1; there is no installment 0".into(),
                ));
            }
            if *due < today {
                return Err(WriteError::rule(
                    Field::Due,
                    format!(
                        "新的还款日 {due} 已经过去了（今天是 {today}）；延期只能改到今天或以后"
                    ),
                    format!(
                        "the new due date {due} is in the past (today is {today}); an extension moves a bill to today or later"
                    ),
                ));
            }
            Ok(())
        }
    }
}

fn not_future(
    date: NaiveDate,
    today: NaiveDate,
    field: Field,
    zh_what: &str,
    what: &str,
) -> Result<(), WriteError> {
    if date > today {
        Err(WriteError::rule(
            field,
            format!("{zh_what}日期 {date} 晚于今天（{today}）；发生之后再记录"),
            format!(
                "{what} cannot be dated {date}, after today ({today}); record it once it has happened"
            ),
        ))
    } else {
        Ok(())
    }
}

/// What needs the loan: it exists, it is not paid off, the payment fits what is owed, the
/// installment exists and moves later.
fn check_against(p: &Portfolio, edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    let id = edit.id();
    let Some(loan) = p.loan(id) else {
        let ids: Vec<&str> = p.loans.iter().map(|l| l.id.as_str()).collect();
        let ids = if ids.is_empty() {
            "(none)".to_string()
        } else {
            ids.join(", ")
        };
        return Err(WriteError::both(
            ErrorKind::BadInput,
            format!("没有 id 为 {id:?} 的借款；应为其中之一：{ids}"),
            format!("no loan with id {id:?}; expected one of: {ids}"),
        ));
    };
    match edit {
        Edit::Pay { date, amount, .. } => {
            if let LoanTerms::Amortized { start_date, .. } = &loan.terms
                && date < start_date
            {
                return Err(WriteError::rule(
                    Field::Date,
                    format!("还款日期 {date} 早于这笔借款的放款日 {start_date}"),
                    format!(
                        "a payment cannot be dated {date}, before the loan started ({start_date})"
                    ),
                ));
            }
            let ledger = Ledger::compute(
                loan,
                schedule::installments(loan),
                today,
                p.settings.alert_days,
            );
            if ledger.status == LoanStatus::PaidOff {
                return Err(WriteError::both(
                    ErrorKind::BadInput,
                    format!("借款 {id:?} 已经还清；没有要还的了"),
                    format!("loan {id:?} is already paid off; nothing is left to pay"),
                ));
            }
            // Everything still owed: every unpaid installment, and the estimated penalty on
            // those already late (a lender may charge it; paying it is not an overpayment).
            let owed = ledger.remaining_balance + ledger.penalty_estimate;
            if *amount > owed {
                let cur = &p.settings.currency;
                let (o, r, pen) = (
                    crate::money::grouped(owed),
                    crate::money::grouped(ledger.remaining_balance),
                    crate::money::grouped(ledger.penalty_estimate),
                );
                let a = crate::money::grouped(*amount);
                return Err(WriteError::rule(
                    Field::Amount,
                    format!(
                        "{cur}{a} 超过了这笔借款还欠的全部金额 {cur}{o}（未还各期 {cur}{r} + 估算罚息 {cur}{pen}）；请记录实际付出的金额"
                    ),
                    format!(
                        "{cur}{a} is more than everything still owed on this loan, {cur}{o} (unpaid installments {cur}{r} + estimated penalty {cur}{pen}); record what was actually paid"
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
                    format!("这笔借款只有 {count} 期，没有第 {installment} 期"),
                    format!(
                        "loan {id:?} has {count} installment{}; there is no installment {installment}",
                        if count == 1 { "" } else { "s" }
                    ),
                ));
            }
            let current = schedule::installments(loan)
                .into_iter()
                .find(|i| i.n == *installment)
                .map(|i| i.due_date);
            if let Some(now) = current
                && *due <= now
            {
                return Err(WriteError::rule(
                    Field::Due,
                    format!(
                        "第 {installment} 期现在是 {now} 到期；延期后的日期必须晚于它，收到的是 {due}"
                    ),
                    format!(
                        "installment {installment} is now due on {now}; an extension must move it later, got {due}"
                    ),
                ));
            }
        }
        Edit::Log { .. } => {}
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
pub fn edit_text(text: &str, edit: &Edit) -> Result<String, String> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let crlf_count = body.matches("\r\n").count();
    let lf_count = body.matches('\n').count();
    let crlf = crlf_count > 0;
    if crlf && crlf_count != lf_count {
        return Err(
            "the file mixes CRLF and LF line endings; save it with one kind, then try again".into(),
        );
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
        .map_err(|e: toml_edit::TomlError| format!("TOML syntax error: {}", e.message().trim()))?;
    if doc.to_string() != body {
        return Err(
            "this file cannot be edited without rewriting parts of it; add the entry by hand"
                .into(),
        );
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

fn append(doc: &mut DocumentMut, edit: &Edit) -> Result<(), String> {
    let id = edit.id();
    let key = edit.key();
    let single =
        || format!("loan {id:?} has a single [loan.{key}] table; write it as [[loan.{key}]] first");
    match find_loan(doc, id).ok_or_else(|| format!("no loan with id {id:?}"))? {
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
        for bad in ["abc", "", "0", "-5", "1.005", "1e3", "NaN", "1,000"] {
            assert_eq!(
                parse_amount(bad).unwrap_err().kind,
                ErrorKind::BadInput,
                "{bad}"
            );
        }
        assert!(parse_amount("1.500").is_ok());
    }
}
