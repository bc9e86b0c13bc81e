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

use super::atomic::{self, Staged};
use super::schema::{self, MAX_AMOUNT};
use super::{Loaded, ReadStamp, Source};
use crate::engine::{Ledger, LoanStatus, schedule};
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
    /// Reading or writing failed.
    Io,
}

/// Why nothing was written. In every case the file is untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError {
    pub kind: ErrorKind,
    pub message: String,
}

impl WriteError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        WriteError {
            kind,
            message: message.into(),
        }
    }
    fn bad(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadInput, message)
    }
    fn io(path: &Path, e: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Io, format!("{}: {e}", path.display()))
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
        return Err(WriteError::bad(format!(
            "the amount must be a number like 800.16, got {s:?}"
        )));
    };
    check_amount(d)?;
    Ok(d)
}

fn check_amount(d: Decimal) -> Result<(), WriteError> {
    if d <= Decimal::ZERO {
        return Err(WriteError::bad(format!(
            "the amount must be above zero, got {d}"
        )));
    }
    if d.normalize().scale() > 2 {
        return Err(WriteError::bad(format!(
            "the amount {d} has more than two decimals (cents are the smallest unit)"
        )));
    }
    if d > Decimal::from(MAX_AMOUNT) {
        return Err(WriteError::bad(format!(
            "the amount {d} is absurdly large (at most {MAX_AMOUNT})"
        )));
    }
    Ok(())
}

/// `negotiation`, `collection_call`, `note` or `contact_notified`.
pub fn parse_log_kind(s: &str) -> Result<LogKind, WriteError> {
    LogKind::from_key(s.trim()).ok_or_else(|| {
        WriteError::bad(format!(
            "unknown log kind {s:?}; expected negotiation, collection_call, note or contact_notified"
        ))
    })
}

/// `call`, `sms`, `visit` or `other`.
pub fn parse_channel(s: &str) -> Result<Channel, WriteError> {
    Channel::from_key(s.trim()).ok_or_else(|| {
        WriteError::bad(format!(
            "unknown channel {s:?}; expected call, sms, visit or other"
        ))
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
            WriteError::bad(format!(
                "unknown flag {word:?}; expected threat, insult, told_third_party, fake_legal or night"
            ))
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

/// Make one edit: `prepare` then `Prepared::commit`, again on the new text if the file changes
/// between the two.
pub fn apply(
    loaded: &Loaded,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
) -> Result<Recorded, WriteError> {
    let mut tries = 0;
    loop {
        let prepared = prepare(loaded, builtin, edit, today)?;
        match prepared.commit() {
            Err(Commit::Changed) if tries < 3 => tries += 1,
            Err(Commit::Changed) => {
                return Err(WriteError::new(
                    ErrorKind::Conflict,
                    "the file keeps changing while repaydash writes it; nothing was written (try again)",
                ));
            }
            Err(Commit::Failed(e)) => return Err(e),
            Ok(r) => return Ok(r),
        }
    }
}

/// An edit checked and written to a temporary file, not yet in place.
#[derive(Debug)]
pub struct Prepared {
    real: PathBuf,
    old: Vec<u8>,
    staged: Staged,
    perms: Option<std::fs::Permissions>,
    backup: PathBuf,
    loaded: Loaded,
    changed_underneath: bool,
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
        let now =
            std::fs::read(&self.real).map_err(|e| Commit::Failed(WriteError::io(&self.real, e)))?;
        if now != self.old {
            return Err(Commit::Changed);
        }
        atomic::replace(&self.backup, &self.old, self.perms.clone())
            .map_err(|e| Commit::Failed(WriteError::io(&self.backup, e)))?;
        self.staged
            .commit()
            .map_err(|e| Commit::Failed(WriteError::io(&self.real, e)))?;
        Ok(Recorded {
            loaded: self.loaded,
            changed_underneath: self.changed_underneath,
            backup: self.backup,
        })
    }

    /// Put the prepared edit in place (keeping the previous bytes as `FILE.bak`).
    pub fn finish(self) -> Result<Recorded, WriteError> {
        self.commit().map_err(|c| match c {
            Commit::Changed => WriteError::new(
                ErrorKind::Conflict,
                "the file changed while repaydash was writing it; nothing was written (try again)",
            ),
            Commit::Failed(e) => e,
        })
    }
}

/// Check the edit, make it on the file's current text, check the result, and write it to a
/// temporary file next to the loans file. Nothing visible changes until `finish`.
pub fn prepare(
    loaded: &Loaded,
    builtin: &[Policy],
    edit: &Edit,
    today: NaiveDate,
) -> Result<Prepared, WriteError> {
    let path = match &loaded.source {
        Source::File(p) => p.clone(),
        Source::Demo => {
            return Err(WriteError::new(
                ErrorKind::Demo,
                "there is no loans file yet, only the read-only demo: run `repaydash init` to create your own file, then record payments in it",
            ));
        }
    };
    check_input(edit, today)?;
    // Write through a symlink to the file it names, so the link stays a link.
    let real = match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(&path).map_err(|e| WriteError::io(&path, e))?
        }
        _ => path.clone(),
    };
    let old = std::fs::read(&real).map_err(|e| WriteError::io(&path, e))?;
    let changed = loaded.read.is_some_and(|r| r != ReadStamp::of(&old));
    let shown = path.display().to_string();
    let text = std::str::from_utf8(&old).map_err(|_| {
        WriteError::new(
            if changed {
                ErrorKind::Conflict
            } else {
                ErrorKind::BadInput
            },
            format!("{shown}: the file is not UTF-8 text (run `repaydash validate`)"),
        )
    })?;
    let base = schema::parse_portfolio(text, builtin).map_err(|diags| {
        let listed: Vec<String> = diags.iter().map(|d| d.render(&shown)).collect();
        let head = if changed {
            "the file changed since it was read and now has problems; fix them first"
        } else {
            "the file has problems; fix them first"
        };
        WriteError::new(
            if changed {
                ErrorKind::Conflict
            } else {
                ErrorKind::BadInput
            },
            format!("{head}:\n{}", listed.join("\n")),
        )
    })?;
    check_against(&base.portfolio, edit, today).map_err(|e| {
        if changed {
            WriteError::new(
                ErrorKind::Conflict,
                format!(
                    "{shown} changed since it was read, and the change no longer fits: {}; nothing was written",
                    e.message
                ),
            )
        } else {
            e
        }
    })?;
    let new_text = edit_text(text, edit).map_err(|m| WriteError::new(ErrorKind::Unsafe, m))?;
    let parsed = schema::parse_portfolio(&new_text, builtin).map_err(|diags| {
        let listed: Vec<String> = diags.iter().map(|d| d.render(&shown)).collect();
        WriteError::new(
            ErrorKind::Unsafe,
            format!(
                "the edit would make the file invalid, so nothing was written:\n{}",
                listed.join("\n")
            ),
        )
    })?;
    let mut expected = base.portfolio.clone();
    if let Some(loan) = expected.loans.iter_mut().find(|l| l.id == edit.id()) {
        edit.apply_to(loan);
    }
    if !same(&expected, &parsed.portfolio) {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            format!(
                "{shown}: the edited file would not say exactly what it said before plus the new entry, so nothing was written; please add it by hand"
            ),
        ));
    }
    let perms = std::fs::metadata(&real).ok().map(|m| m.permissions());
    let staged = atomic::stage(&real, new_text.as_bytes(), perms.clone())
        .map_err(|e| WriteError::io(&real, e))?;
    Ok(Prepared {
        backup: backup_path(&path),
        real,
        old,
        staged,
        perms,
        loaded: Loaded {
            read: Some(ReadStamp::of(new_text.as_bytes())),
            portfolio: parsed.portfolio,
            source: Source::File(path),
            warnings: parsed.warnings,
        },
        changed_underneath: changed,
    })
}

fn same(a: &Portfolio, b: &Portfolio) -> bool {
    a.loans == b.loans && a.settings == b.settings && a.platforms == b.platforms
}

/// What can be said about the values without the file.
fn check_input(edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    match edit {
        Edit::Pay { date, amount, .. } => {
            check_amount(*amount)?;
            not_future(*date, today, "a payment")
        }
        Edit::Log { entry, .. } => {
            if entry.text.trim().is_empty() {
                return Err(WriteError::bad("the log text is empty; say what happened"));
            }
            if entry.kind == LogKind::ContactNotified && entry.contact().is_none() {
                return Err(WriteError::bad(
                    "a contact_notified entry names the contact who was told (--who NAME)",
                ));
            }
            not_future(entry.date, today, "a log entry")
        }
        Edit::Extend { installment, .. } => {
            if *installment == 0 {
                return Err(WriteError::bad(
                    "installments are numbered from 1; there is no installment 0",
                ));
            }
            Ok(())
        }
    }
}

fn not_future(date: NaiveDate, today: NaiveDate, what: &str) -> Result<(), WriteError> {
    if date > today {
        Err(WriteError::bad(format!(
            "{what} cannot be dated {date}, after today ({today}); record it once it has happened"
        )))
    } else {
        Ok(())
    }
}

/// What needs the loan: it exists, it is not paid off, the installment exists.
fn check_against(p: &Portfolio, edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    let id = edit.id();
    let Some(loan) = p.loan(id) else {
        let ids: Vec<&str> = p.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(WriteError::bad(format!(
            "no loan with id {id:?}; expected one of: {}",
            if ids.is_empty() {
                "(none)".to_string()
            } else {
                ids.join(", ")
            }
        )));
    };
    match edit {
        Edit::Pay { .. } => {
            let ledger = Ledger::compute(
                loan,
                schedule::installments(loan),
                today,
                p.settings.alert_days,
            );
            if ledger.status == LoanStatus::PaidOff {
                return Err(WriteError::bad(format!(
                    "loan {id:?} is already paid off; nothing is left to pay"
                )));
            }
        }
        Edit::Extend { installment, .. } => {
            let count = installment_count(loan);
            if *installment > count {
                return Err(WriteError::bad(format!(
                    "loan {id:?} has {count} installment{}; there is no installment {installment}",
                    if count == 1 { "" } else { "s" }
                )));
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
