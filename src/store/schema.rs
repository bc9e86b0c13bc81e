//! The loans file's schema: a walk over the parsed TOML that builds the model and reports every
//! problem with its place, instead of stopping at the first as serde would. Pure: no file I/O.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diag::{Diagnostic, LineIndex};
use crate::i18n::outcome;
use crate::i18n::{Lang, Text, phrases as ph, phrases::Need};
use crate::model::{
    Agreement, Basis, Bill, Channel, Contact, Extension, Loan, LoanTerms, LogEntry, LogFlag,
    LogKind, Method, Payment, Policy, Portfolio, Promise, Rate, Settings, Settlement, Stage,
    StageKind,
};

pub use crate::input::MAX_AMOUNT;

/// The words a payment's `kind` may be: none (an installment) or `penalty`.
pub const PAYMENT_KINDS: &[&str] = &["installment", "penalty"];

/// Whether a payment's kind is the penalty's (None: not a kind).
fn payment_kind(s: &str) -> Option<bool> {
    match s {
        "installment" => Some(false),
        "penalty" => Some(true),
        _ => None,
    }
}
pub const MAX_TERM: u32 = 1200;
const MAX_DAY: i64 = 3650;

pub struct Parsed {
    pub portfolio: Portfolio,
    pub warnings: Vec<Diagnostic>,
}

/// Parse a loans file. `builtin` are the platform policies loans may name.
pub fn parse_portfolio(src: &str, builtin: &[Policy]) -> Result<Parsed, Vec<Diagnostic>> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let idx = LineIndex::new(src);
    let doc = parse_toml(src, &idx)?;
    let mut w = Walker {
        src,
        idx: &idx,
        errors: vec![],
        warnings: vec![],
        check_unknown: true,
    };
    let root = doc.get_ref();
    w.unknown_keys(root, &"", known::ROOT);
    let settings = match root.get("settings") {
        Some(item) => w.settings(item),
        None => Settings::default(),
    };
    let mut user_platforms = match root.get("platforms") {
        Some(item) => w.platforms(item, "platforms"),
        None => vec![],
    };
    // The user's tables give the user's own days, whatever they call them.
    for p in &mut user_platforms {
        p.stages.iter_mut().for_each(|s| s.basis = Basis::User);
    }
    let policies: Vec<&Policy> = crate::model::merged(&user_platforms, builtin).collect();
    let loans = match root.get("loan") {
        Some(item) => w.loans(item, &policies, &settings.currency),
        None => vec![],
    };
    if w.errors.is_empty() {
        // The parser's tables are sorted by key: the warnings go back into file order.
        w.warnings.sort_by_key(|d| (d.line == 0, d.line, d.col));
        Ok(Parsed {
            portfolio: Portfolio {
                settings,
                loans,
                platforms: user_platforms,
            },
            warnings: w.warnings,
        })
    } else {
        // A warning may be the cause of an error (`anual_rate` leaves the loan without a rate),
        // so the refused file lists its warnings too, marked as such, in file order.
        let warnings = std::mem::take(&mut w.warnings);
        w.errors.extend(warnings.into_iter().map(|mut d| {
            d.message = ph::warning(&d.message);
            d
        }));
        w.errors.sort_by_key(|d| (d.line == 0, d.line, d.col));
        Err(w.errors)
    }
}

/// Parse a file of `[platforms.KEY]` tables (the built-in asset has this shape).
pub fn parse_platforms(src: &str, from_user: bool) -> Result<Vec<Policy>, Vec<Diagnostic>> {
    let idx = LineIndex::new(src);
    let doc = parse_toml(src, &idx)?;
    let mut w = Walker {
        src,
        idx: &idx,
        errors: vec![],
        warnings: vec![],
        check_unknown: false,
    };
    let mut list = match doc.get_ref().get("platforms") {
        Some(item) => w.platforms(item, "platforms"),
        None => vec![],
    };
    for p in &mut list {
        p.from_user = from_user;
        if from_user {
            // A user's table gives the user's own days, whatever it calls them.
            p.stages.iter_mut().for_each(|s| s.basis = Basis::User);
        }
    }
    if w.errors.is_empty() {
        Ok(list)
    } else {
        Err(w.errors)
    }
}

/// A parsed value with where it sits in the source.
type Node<'i> = Spanned<DeValue<'i>>;

/// Parse with `toml`'s borrowing parser, much faster than `toml_edit`'s document. Its errors and
/// its number checks differ from `toml_edit`'s, so any failure is reported by re-parsing with
/// `toml_edit`, keeping every syntax message and position as users have seen them.
fn parse_toml<'i>(src: &'i str, idx: &LineIndex) -> Result<Spanned<DeTable<'i>>, Vec<Diagnostic>> {
    let fallback = || match toml_edit::Document::parse(src) {
        Err(e) => vec![syntax_error(idx, &e)],
        // Not reached for any input known: both parsers share toml_parser's grammar.
        Ok(_) => vec![idx.diagnostic(None, "", ph::toml_syntax(None))],
    };
    match DeTable::parse(src) {
        Ok(doc) if doc.get_ref().values().all(numbers_fit) => Ok(doc),
        _ => Err(fallback()),
    }
}

/// `toml_edit` rejects integers beyond i64 and finite-looking floats that overflow; the borrowing
/// parser keeps their text, so they are looked for here.
fn numbers_fit(v: &Node) -> bool {
    match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).is_ok(),
        DeValue::Float(f) => {
            let t = f.as_str();
            match t.parse::<f64>() {
                Ok(x) => {
                    !x.is_infinite()
                        || t.strip_prefix(['+', '-'])
                            .unwrap_or(t)
                            .chars()
                            .all(|c| c.is_ascii_alphabetic())
                }
                Err(_) => false,
            }
        }
        DeValue::Array(a) => a.iter().all(numbers_fit),
        DeValue::Table(t) => t.values().all(numbers_fit),
        _ => true,
    }
}

fn syntax_error(idx: &LineIndex, e: &toml_edit::TomlError) -> Diagnostic {
    let msg = e.message().trim().replace('\n', " ");
    let spanless = |t: &str| matches!(toml_edit::Document::parse(t), Err(e) if e.span().is_none());
    let span = e
        .span()
        .or_else(|| idx.first_failing_line(spanless).map(|at| at..at));
    idx.diagnostic(span, "", ph::toml_syntax(Some(&msg)))
}

pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The keys each table may hold. Any other key is kept in the file and warned about (with the
/// nearest known key when one is close), never an error: a newer file still opens.
mod known {
    pub const ROOT: &[&str] = &["settings", "loan", "platforms"];
    pub const SETTINGS: &[&str] = &["lang", "alert_days", "currency", "monthly_budget"];
    pub const LOAN: &[&str] = &[
        "id",
        "name",
        "product",
        "platform",
        "principal",
        "annual_rate",
        "daily_rate",
        "method",
        "term",
        "start_date",
        "due_day",
        "fee_rate",
        "penalty_rate",
        "emergency_contact_after_days",
        "monthly_budget",
        "hardship",
        "contacts",
        "installments",
        "amount_due",
        "due_date",
        "payments",
        "extensions",
        "log",
        "archived",
        "agreements",
        "promises",
        "settlement",
    ];
    pub const BILL: &[&str] = &["due", "amount"];
    pub const CONTACT: &[&str] = &["name", "relation", "phone", "greeting"];
    pub const PAYMENT: &[&str] = &["date", "amount", "kind"];
    pub const AGREEMENT: &[&str] = &[
        "date",
        "from",
        "months",
        "amount",
        "total",
        "stop_interest",
        "waive_penalty",
        "ref",
        "text",
    ];
    pub const PROMISE: &[&str] = &["date", "by", "amount", "to", "text"];
    pub const SETTLEMENT: &[&str] = &["date", "amount", "ref"];
    pub const EXTENSION: &[&str] = &["installment", "due"];
    pub const LOG: &[&str] = &[
        "date", "time", "kind", "text", "who", "channel", "caller", "flags",
    ];
    pub const PLATFORM: &[&str] = &["name", "name_en", "aliases", "stages"];
    pub const STAGE: &[&str] = &["kind", "day", "day_typical", "source", "note_zh", "note_en"];
}

/// The known key an unknown one most likely meant: one or two letters off, or the same start.
fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| {
            (
                strsim::jaro_winkler(key, k),
                strsim::levenshtein(key, k),
                *k,
            )
        })
        .filter(|(jw, lev, _)| *lev <= 2 || *jw >= 0.88)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, _, k)| k)
}

struct Walker<'a> {
    src: &'a str,
    idx: &'a LineIndex<'a>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Warn about keys no table knows (the user's file; not the built-in asset).
    check_unknown: bool,
}

/// A key's dotted path, such as `loan[2].payments[1]`, kept as borrowed pieces and rendered only
/// when a problem is reported: building it for every table cost 10,000-loan files dearly.
#[derive(Clone, Copy)]
struct KeyPath<'p> {
    parent: Option<&'p KeyPath<'p>>,
    key: &'p str,
    /// 1-based position in an array of tables.
    index: Option<usize>,
}

impl<'p> KeyPath<'p> {
    fn root(key: &'p str) -> Self {
        KeyPath {
            parent: None,
            key,
            index: None,
        }
    }

    fn child(&'p self, key: &'p str) -> Self {
        KeyPath {
            parent: Some(self),
            key,
            index: None,
        }
    }
}

impl fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.parent {
            write!(f, "{p}.")?;
        }
        f.write_str(self.key)?;
        match self.index {
            Some(i) => write!(f, "[{i}]"),
            None => Ok(()),
        }
    }
}

/// A table or inline table with the span of where it starts, so a missing key can point at it.
struct Tab<'t, 'p> {
    t: &'t DeTable<'t>,
    span: Option<Range<usize>>,
    path: KeyPath<'p>,
}

fn item_span(item: &Node) -> Option<Range<usize>> {
    Some(item.span())
}

impl<'a> Walker<'a> {
    fn err(&mut self, span: Option<Range<usize>>, key: &str, msg: Text) {
        let d = self.idx.diagnostic(span, key, msg);
        self.errors.push(d);
    }

    fn warn(&mut self, span: Option<Range<usize>>, key: &str, msg: Text) {
        let d = self.idx.diagnostic(span, key, msg);
        self.warnings.push(d);
    }

    /// Warn about every key of `t` that is not in `known`, at the key's own position.
    fn unknown_keys(&mut self, t: &DeTable, path: &dyn fmt::Display, known: &[&str]) {
        for (key, _) in t.iter() {
            let k: &str = key.get_ref();
            if self.check_unknown && !known.contains(&k) {
                let p = path.to_string();
                let full = if p.is_empty() {
                    k.to_string()
                } else {
                    format!("{p}.{k}")
                };
                self.warn(
                    Some(key.span()),
                    &full,
                    ph::unknown_key(k, nearest(k, known)),
                );
            }
        }
    }

    /// A table's start, pointing at column 1 of its header line.
    fn header_span(&self, span: Option<Range<usize>>) -> Option<Range<usize>> {
        span.map(|s| {
            let start = self.src[..s.start.min(self.src.len())]
                .rfind('\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            start..start
        })
    }

    fn missing(&mut self, tab: &Tab, key: &str, why: Need) {
        let span = self.header_span(tab.span.clone());
        self.err(
            span,
            &format!("{}.{key}", tab.path),
            ph::missing(key, &ph::need(why)),
        );
    }

    /// Whether a value was written as `[table]`/`[[table]]` or through dotted keys, rather than
    /// inline after `key =`: the parser keeps no such flag, but the source tells. A header opens
    /// its line; an inline table starts with `{`; an implicit table's span is its key's.
    fn is_written_table(&self, v: &Node) -> bool {
        let span = v.span();
        match v.get_ref() {
            DeValue::Table(_) => self.src.as_bytes().get(span.start) != Some(&b'{'),
            DeValue::Array(_) => {
                let before = &self.src[..span.start.min(self.src.len())];
                let line = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
                line.trim().is_empty()
            }
            _ => false,
        }
    }

    /// The elements of an array of tables, or of an array of inline tables.
    fn tables<'t, 'p>(&mut self, item: &'t Node<'t>, path: &'p KeyPath<'p>) -> Vec<Tab<'t, 'p>> {
        match item.get_ref() {
            DeValue::Array(arr) if self.is_written_table(item) => arr
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    t.get_ref().as_table().map(|tt| Tab {
                        t: tt,
                        span: Some(t.span()),
                        path: KeyPath {
                            index: Some(i + 1),
                            ..*path
                        },
                    })
                })
                .collect(),
            DeValue::Array(arr) => {
                let mut out = vec![];
                for (i, v) in arr.iter().enumerate() {
                    match v.get_ref() {
                        DeValue::Table(t) if !self.is_written_table(v) => out.push(Tab {
                            t,
                            span: Some(v.span()),
                            path: KeyPath {
                                index: Some(i + 1),
                                ..*path
                            },
                        }),
                        _ => self.err(
                            Some(v.span()),
                            &path.to_string(),
                            ph::must_hold_tables(&path.to_string()),
                        ),
                    }
                }
                out
            }
            DeValue::Table(t) if self.is_written_table(item) => vec![Tab {
                t,
                span: Some(item.span()),
                path: *path,
            }],
            _ => {
                self.err(
                    Some(item.span()),
                    &path.to_string(),
                    ph::must_be_array_of_tables(&path.to_string()),
                );
                vec![]
            }
        }
    }

    fn value<'t>(&mut self, tab: &Tab<'t, '_>, key: &str) -> Option<&'t Node<'t>> {
        let v = tab.t.get(key)?;
        if self.is_written_table(v) {
            self.err(
                Some(v.span()),
                &format!("{}.{key}", tab.path),
                ph::must_be_value(key),
            );
            None
        } else {
            Some(v)
        }
    }

    fn string(&mut self, tab: &Tab, key: &str) -> Option<String> {
        self.str(tab, key).map(str::to_string)
    }

    /// A string value, borrowed from the document: keys that are only matched need no copy.
    fn str<'t>(&mut self, tab: &Tab<'t, '_>, key: &str) -> Option<&'t str> {
        let v = self.value(tab, key)?;
        match v.get_ref().as_str() {
            Some(s) => Some(s),
            None => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_string(key),
                );
                None
            }
        }
    }

    /// A number or a decimal string, read from its text so no float ever holds money.
    fn decimal(&mut self, tab: &Tab, key: &str) -> Option<Decimal> {
        let v = self.value(tab, key)?;
        let raw: Cow<str> = match v.get_ref() {
            DeValue::Integer(_) | DeValue::Float(_) => match self.src.get(v.span()) {
                Some(s) if s.contains('_') => Cow::Owned(s.replace('_', "")),
                Some(s) => Cow::Borrowed(s),
                None => Cow::Borrowed(""),
            },
            DeValue::String(s) => Cow::Borrowed(s.trim()),
            _ => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_number(key),
                );
                return None;
            }
        };
        let parsed = if raw.contains(['e', 'E']) {
            Decimal::from_scientific(&raw).ok()
        } else {
            Decimal::from_str(raw.trim_start_matches('+')).ok()
        };
        match parsed {
            Some(d) => Some(d),
            None if raw.chars().all(|c| c.is_ascii_digit() || "+-.".contains(c))
                && !raw.is_empty() =>
            {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::number_does_not_fit(key, &raw),
                );
                None
            }
            None => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_number_found(key, &raw),
                );
                None
            }
        }
    }

    fn amount(&mut self, tab: &Tab, key: &str, allow_zero: bool) -> Option<Decimal> {
        let d = self.decimal(tab, key)?;
        // Looked up again only to report: the happy path needs no span.
        let span = || tab.t.get(key).and_then(item_span);
        if d < Decimal::ZERO || (!allow_zero && d.is_zero()) {
            self.err(
                span(),
                &format!("{}.{key}", tab.path),
                ph::must_be_above_zero(key, d),
            );
            None
        } else if d > Decimal::from(MAX_AMOUNT) {
            self.err(
                span(),
                &format!("{}.{key}", tab.path),
                ph::absurdly_large(key, d, MAX_AMOUNT),
            );
            None
        } else {
            Some(d)
        }
    }

    /// A percentage within `0..=max`.
    fn percent(&mut self, tab: &Tab, key: &str, max: i64) -> Option<Decimal> {
        let d = self.decimal(tab, key)?;
        let span = || tab.t.get(key).and_then(item_span);
        if d < Decimal::ZERO || d > Decimal::from(max) {
            self.err(
                span(),
                &format!("{}.{key}", tab.path),
                ph::percent_range(key, max, d),
            );
            None
        } else {
            Some(d)
        }
    }

    fn integer(&mut self, tab: &Tab, key: &str, lo: i64, hi: i64) -> Option<u32> {
        let v = self.value(tab, key)?;
        let int = v
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
        match int {
            Some(i) if (lo..=hi).contains(&i) => u32::try_from(i).ok(),
            Some(i) => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::int_range(key, lo, hi, i),
                );
                None
            }
            None => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_whole(key),
                );
                None
            }
        }
    }

    fn date(&mut self, tab: &Tab, key: &str) -> Option<NaiveDate> {
        let v = self.value(tab, key)?;
        match v.get_ref() {
            DeValue::Datetime(value) => match (value.date, value.time) {
                (Some(d), None) => {
                    let date = NaiveDate::from_ymd_opt(
                        i32::from(d.year),
                        u32::from(d.month),
                        u32::from(d.day),
                    );
                    if date.is_none() {
                        self.err(
                            item_span(v),
                            &format!("{}.{key}", tab.path),
                            ph::not_a_real_date(key),
                        );
                    }
                    date
                }
                _ => {
                    self.err(
                        item_span(v),
                        &format!("{}.{key}", tab.path),
                        ph::must_be_date(key),
                    );
                    None
                }
            },
            _ => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_date(key),
                );
                None
            }
        }
    }

    fn settings(&mut self, item: &Node) -> Settings {
        let mut s = Settings::default();
        let Some(t) = item.get_ref().as_table() else {
            self.err(item_span(item), "settings", ph::must_be_table("settings"));
            return s;
        };
        let tab = Tab {
            t,
            span: item_span(item),
            path: KeyPath::root("settings"),
        };
        self.unknown_keys(t, &tab.path, known::SETTINGS);
        if let Some(l) = self.str(&tab, "lang") {
            match Lang::from_key(l) {
                Some(lang) => s.lang = Some(lang),
                None => {
                    let span = t.get("lang").and_then(item_span);
                    self.err(span, "settings.lang", ph::lang_value(l));
                }
            }
        }
        if let Some(d) = self.integer(&tab, "alert_days", 0, 365) {
            s.alert_days = d;
        }
        if let Some(c) = self.string(&tab, "currency") {
            s.currency = c;
        }
        s.monthly_budget = self.amount(&tab, "monthly_budget", false);
        s
    }

    fn platforms(&mut self, item: &Node, path: &str) -> Vec<Policy> {
        let Some(t) = item.get_ref().as_table() else {
            self.err(item_span(item), path, ph::platforms_must_be_table());
            return vec![];
        };
        let mut out = vec![];
        // The parser's map is sorted by key; the user's platforms keep the order they were written.
        let mut entries: Vec<_> = t.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        for (key, item) in entries {
            let key: &str = key.get_ref();
            let ppath = format!("{path}.{key}");
            let Some(pt) = item.get_ref().as_table() else {
                self.err(item_span(item), &ppath, ph::must_be_table(&ppath));
                continue;
            };
            let tab = Tab {
                t: pt,
                span: item_span(item),
                path: KeyPath::root(&ppath),
            };
            self.unknown_keys(pt, &tab.path, known::PLATFORM);
            let name = self.string(&tab, "name").unwrap_or_else(|| key.to_string());
            let name_en = self.string(&tab, "name_en");
            let mut aliases = vec![];
            if let Some(v) = self.value(&tab, "aliases") {
                match v.get_ref().as_array() {
                    Some(arr) => {
                        for a in arr.iter() {
                            match a.get_ref().as_str() {
                                Some(s) => aliases.push(s.to_string()),
                                None => self.err(
                                    item_span(a),
                                    &format!("{ppath}.aliases"),
                                    ph::aliases_must_be_strings(),
                                ),
                            }
                        }
                    }
                    None => self.err(
                        item_span(v),
                        &format!("{ppath}.aliases"),
                        ph::aliases_must_be_list(),
                    ),
                }
            }
            let mut stages = vec![];
            if let Some(si) = pt.get("stages") {
                let base = KeyPath::root(&ppath);
                let base = base.child("stages");
                for st in self.tables(si, &base) {
                    if let Some(stage) = self.stage(&st, &name) {
                        stages.push(stage);
                    }
                }
            }
            out.push(Policy {
                key: key.to_string(),
                name,
                name_en,
                aliases,
                stages,
                from_user: true,
            });
        }
        out
    }

    fn stage(&mut self, tab: &Tab, platform: &str) -> Option<Stage> {
        self.unknown_keys(tab.t, &tab.path, known::STAGE);
        let kind = match self.str(tab, "kind") {
            Some(k) => match StageKind::from_key(k) {
                Some(kind) => Some(kind),
                None => {
                    let span = tab.t.get("kind").and_then(item_span);
                    let all: Vec<&str> = StageKind::ALL.iter().map(|k| k.key()).collect();
                    self.err(
                        span,
                        &format!("{}.kind", tab.path),
                        ph::unknown_stage_kind(k, &all),
                    );
                    None
                }
            },
            None => {
                if tab.t.get("kind").is_none() {
                    self.missing(tab, "kind", Need::StageKind);
                }
                None
            }
        };
        let day = self.integer(tab, "day", 0, MAX_DAY);
        let day_typical = self.integer(tab, "day_typical", 0, MAX_DAY);
        if let (Some(d), Some(t)) = (day, day_typical)
            && t < d
        {
            let span = tab.t.get("day_typical").and_then(item_span);
            self.err(
                span,
                &format!("{}.day_typical", tab.path),
                ph::day_typical_before_day(t, d),
            );
        }
        let source = match self.str(tab, "source") {
            Some(s) => s.into(),
            // The file has no language yet at parse time: name the origin in both.
            None => ph::user_stage_source(platform).into(),
        };
        let note_zh = self.str(tab, "note_zh").unwrap_or_default().into();
        let note_en = self.str(tab, "note_en").unwrap_or_default().into();
        // Tables in a loans file are the user's own (set by the callers); `basis` matters in the
        // built-in asset, where a day may be another platform's, used as an estimate.
        let basis = match self.str(tab, "basis") {
            Some(b) => match Basis::from_key(b) {
                Some(b) => b,
                None => {
                    let span = tab.t.get("basis").and_then(item_span);
                    self.err(span, &format!("{}.basis", tab.path), ph::unknown_basis(b));
                    Basis::User
                }
            },
            None => Basis::User,
        };
        Some(Stage {
            kind: kind?,
            day,
            day_typical,
            basis,
            source,
            note_zh,
            note_en,
        })
    }

    fn loans(&mut self, item: &Node, policies: &[&Policy], currency: &str) -> Vec<Loan> {
        let mut out: Vec<Loan> = vec![];
        // A set: a linear search made 10,000 loans quadratic.
        // Borrowed from the document, and sized once: copying and rehashing showed at 10,000 loans.
        let mut seen: std::collections::HashSet<&str> = Default::default();
        let base = KeyPath::root("loan");
        let tabs = self.tables(item, &base);
        seen.reserve(tabs.len());
        for tab in tabs {
            let id = match self.str(&tab, "id") {
                Some(id) => {
                    if !valid_id(id) {
                        let span = tab.t.get("id").and_then(item_span);
                        self.err(span, &format!("{}.id", tab.path), ph::id_malformed(id));
                    } else if !seen.insert(id) {
                        let span = tab.t.get("id").and_then(item_span);
                        self.err(span, &format!("{}.id", tab.path), ph::id_duplicate(id));
                    }
                    Some(id.to_string())
                }
                None => {
                    if tab.t.get("id").is_none() {
                        self.missing(&tab, "id", Need::LoanId);
                    }
                    None
                }
            };
            if let Some(loan) = self.loan(&tab, id, policies) {
                self.overpaid(&tab, &loan, currency);
                out.push(loan);
            }
        }
        out
    }

    /// Warn at each payment that pays more than the loan owed on its day (see `store::overpaid`).
    fn overpaid(&mut self, tab: &Tab, loan: &Loan, currency: &str) {
        let found = super::overpaid::overpaid(loan);
        if found.is_empty() {
            return;
        }
        // The payments that were read are the array's tables in order (a payment left out for a
        // missing field is an error, and then no warning matters).
        let spans: Vec<Option<Range<usize>>> = match tab.t.get("payments").map(|i| i.get_ref()) {
            Some(DeValue::Array(arr)) => arr
                .iter()
                .filter_map(|v| v.get_ref().as_table().map(|t| (v, t)))
                .map(|(v, t)| t.get("amount").and_then(item_span).or(Some(v.span())))
                .collect(),
            _ => Vec::new(),
        };
        let m = |d: Decimal| format!("{currency}{}", crate::money::grouped(d));
        for o in found {
            let penalty = (!o.penalty.is_zero()).then(|| (m(o.unpaid), m(o.penalty)));
            let msg = crate::i18n::trust::payment_beyond_owed_in_file(
                &m(o.amount),
                &m(o.owed),
                &m(o.amount - o.owed),
                penalty.as_ref().map(|(u, p)| (u.as_str(), p.as_str())),
            );
            let span = spans.get(o.index).cloned().flatten();
            let key = format!("{}.payments[{}].amount", tab.path, o.index + 1);
            self.warn(span, &key, msg);
        }
    }

    fn loan(&mut self, tab: &Tab, id: Option<String>, policies: &[&Policy]) -> Option<Loan> {
        self.unknown_keys(tab.t, &tab.path, known::LOAN);
        let name = self.string(tab, "name");
        let product = self.string(tab, "product");
        let platform_written = self
            .string(tab, "platform")
            .unwrap_or_else(|| "generic".to_string());
        let platform = match policies.iter().find(|p| p.answers_to(&platform_written)) {
            Some(p) => p.key.clone(),
            None => {
                let span = tab.t.get("platform").and_then(item_span);
                self.warn(
                    span,
                    &format!("{}.platform", tab.path),
                    ph::unknown_platform(&platform_written),
                );
                "generic".to_string()
            }
        };
        let annual = self.percent(tab, "annual_rate", 1000);
        let daily = self.percent(tab, "daily_rate", 100);
        let rate = match (annual, daily) {
            (Some(_), Some(_)) => {
                let span = tab.t.get("daily_rate").and_then(item_span);
                self.err(span, &format!("{}.daily_rate", tab.path), ph::both_rates());
                None
            }
            (Some(a), None) => Some(Rate::Annual(a)),
            (None, Some(d)) => Some(Rate::Daily(d)),
            (None, None) => None,
        };
        let rate_given = tab.t.contains_key("annual_rate") || tab.t.contains_key("daily_rate");
        let penalty_rate = self.percent(tab, "penalty_rate", 100);
        let emergency_contact_after_days =
            self.integer(tab, "emergency_contact_after_days", 0, MAX_DAY);
        let monthly_budget = self.amount(tab, "monthly_budget", false);
        let hardship = self.string(tab, "hardship");
        let contacts = self.contacts(tab);
        let (payments, penalty_payments) = self.payments(tab);
        let log = self.log(tab);
        let archived = match self.value(tab, "archived") {
            Some(v) => match v.get_ref().as_bool() {
                Some(b) => b,
                None => {
                    self.err(
                        item_span(v),
                        &format!("{}.archived", tab.path),
                        crate::i18n::loansin::archived_not_bool(),
                    );
                    false
                }
            },
            None => false,
        };
        let agreements = self.agreements(tab);
        let promises = self.promises(tab);
        let settlement = self.settlement(tab);

        let terms = if let Some(item) = tab.t.get("installments") {
            let base = tab.path.child("installments");
            let mut bills = vec![];
            for b in self.tables(item, &base) {
                self.unknown_keys(b.t, &b.path, known::BILL);
                let due = self.date(&b, "due");
                let amount = self.amount(&b, "amount", false);
                if !b.t.contains_key("due") {
                    self.missing(&b, "due", Need::BillDue);
                }
                if !b.t.contains_key("amount") {
                    self.missing(&b, "amount", Need::BillAmount);
                }
                if let (Some(due), Some(amount)) = (due, amount) {
                    bills.push(Bill { due, amount });
                }
            }
            Some(LoanTerms::Bills(bills))
        } else if tab.t.contains_key("amount_due") || tab.t.contains_key("due_date") {
            let amount = self.amount(tab, "amount_due", false);
            let due = self.date(tab, "due_date");
            if !tab.t.contains_key("amount_due") {
                self.missing(tab, "amount_due", Need::AmountDue);
            }
            if !tab.t.contains_key("due_date") {
                self.missing(tab, "due_date", Need::DueDate);
            }
            amount
                .zip(due)
                .map(|(amount, due)| LoanTerms::Bills(vec![Bill { due, amount }]))
        } else {
            self.amortized(tab, rate, rate_given)
        };

        let count = match &terms {
            Some(LoanTerms::Bills(b)) => b.len() as u32,
            Some(LoanTerms::Amortized {
                method: Method::Bullet,
                ..
            }) => 1,
            Some(LoanTerms::Amortized { term, .. }) => *term,
            None => u32::MAX,
        };
        let extensions = self.extensions(tab, count);
        let bill_rate = match terms {
            Some(LoanTerms::Bills(_)) => rate,
            _ => None,
        };
        Some(Loan {
            id: id?,
            name,
            platform,
            platform_written,
            product,
            terms: terms?,
            bill_rate,
            penalty_rate,
            emergency_contact_after_days,
            monthly_budget,
            hardship,
            contacts,
            payments,
            extensions,
            log,
            archived,
            penalty_payments,
            agreements,
            promises,
            settlement,
        })
    }

    fn amortized(&mut self, tab: &Tab, rate: Option<Rate>, rate_given: bool) -> Option<LoanTerms> {
        let principal = self.amount(tab, "principal", false);
        let method = match self.str(tab, "method") {
            Some(m) => match Method::from_key(m) {
                Some(m) => Some(m),
                None => {
                    let span = tab.t.get("method").and_then(item_span);
                    let all: Vec<&str> = Method::ALL.iter().map(|m| m.key()).collect();
                    self.err(
                        span,
                        &format!("{}.method", tab.path),
                        ph::unknown_method(m, &all),
                    );
                    None
                }
            },
            None => None,
        };
        let term = self.integer(tab, "term", 1, i64::from(MAX_TERM));
        let start_date = self.date(tab, "start_date");
        let due_day = match tab.t.get("due_day") {
            Some(_) => self.integer(tab, "due_day", 1, 31),
            None => start_date.map(|d| d.day()),
        };
        let fee_rate = self.percent(tab, "fee_rate", 100);
        for key in ["principal", "method", "term", "start_date"] {
            if !tab.t.contains_key(key) {
                self.missing(tab, key, Need::LoanTerms);
            }
        }
        // A fixed_fee loan is priced by its fee (its true APR comes from the schedule): it needs
        // no rate, and its schedule uses none.
        let fixed_fee = method == Some(Method::FixedFee);
        let rate = match rate {
            None if fixed_fee && !rate_given => Some(Rate::Annual(Decimal::ZERO)),
            r => r,
        };
        if !rate_given && !fixed_fee {
            self.missing(tab, "annual_rate", Need::Rate);
        }
        if method == Some(Method::FixedFee) && !tab.t.contains_key("fee_rate") {
            self.missing(tab, "fee_rate", Need::FeeRate);
        }
        Some(LoanTerms::Amortized {
            principal: principal?,
            rate: rate?,
            method: method?,
            term: term?,
            start_date: start_date?,
            due_day: due_day?,
            fee_rate,
            shift_days: 0,
        })
    }

    fn contacts(&mut self, tab: &Tab) -> Vec<Contact> {
        let Some(item) = tab.t.get("contacts") else {
            return vec![];
        };
        let base = tab.path.child("contacts");
        let mut out = vec![];
        for c in self.tables(item, &base) {
            self.unknown_keys(c.t, &c.path, known::CONTACT);
            let name = self.string(&c, "name");
            if !c.t.contains_key("name") {
                self.missing(&c, "name", Need::ContactName);
            }
            let relation = self.string(&c, "relation");
            let phone = match self.value(&c, "phone").map(|v| (v, v.get_ref())) {
                Some((_, DeValue::String(s))) => Some(s.to_string()),
                Some((_, DeValue::Integer(i))) => i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .map(|i| i.to_string()),
                Some((v, _)) => {
                    self.err(
                        item_span(v),
                        &format!("{}.phone", c.path),
                        ph::phone_must_be_string(),
                    );
                    None
                }
                None => None,
            };
            let greeting = self.string(&c, "greeting").filter(|g| !g.trim().is_empty());
            if let Some(name) = name {
                out.push(Contact {
                    name,
                    relation,
                    phone,
                    greeting,
                });
            }
        }
        out
    }

    /// The payments towards installments, and apart those with `kind = "penalty"`.
    fn payments(&mut self, tab: &Tab) -> (Vec<Payment>, Vec<Payment>) {
        let Some(item) = tab.t.get("payments") else {
            return (vec![], vec![]);
        };
        let base = tab.path.child("payments");
        let mut out = vec![];
        let mut penalty = vec![];
        for p in self.tables(item, &base) {
            self.unknown_keys(p.t, &p.path, known::PAYMENT);
            let date = self.date(&p, "date");
            let amount = self.amount(&p, "amount", false);
            if !p.t.contains_key("date") {
                self.missing(&p, "date", Need::PaymentDate);
            }
            if !p.t.contains_key("amount") {
                self.missing(&p, "amount", Need::PaymentAmount);
            }
            let is_penalty = match self.str(&p, "kind") {
                Some(k) => self.one_of(&p, "kind", k, payment_kind, PAYMENT_KINDS),
                None => Some(false),
            };
            if let (Some(date), Some(amount), Some(is_penalty)) = (date, amount, is_penalty) {
                if is_penalty {
                    penalty.push(Payment { date, amount });
                } else {
                    out.push(Payment { date, amount });
                }
            }
        }
        (out, penalty)
    }

    /// `true`/`false`, default false.
    fn boolean(&mut self, tab: &Tab, key: &str) -> bool {
        let Some(v) = self.value(tab, key) else {
            return false;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    outcome::must_be_bool(key),
                );
                false
            }
        }
    }

    /// A date that may not come before another key's date of the same entry.
    fn not_before(
        &mut self,
        tab: &Tab,
        key: &str,
        date: Option<NaiveDate>,
        earlier: &str,
        min: Option<NaiveDate>,
    ) {
        if let (Some(d), Some(m)) = (date, min)
            && d < m
        {
            let span = tab.t.get(key).and_then(item_span);
            self.err(
                span,
                &format!("{}.{key}", tab.path),
                outcome::date_before(key, earlier),
            );
        }
    }

    fn agreements(&mut self, tab: &Tab) -> Vec<Agreement> {
        let Some(item) = tab.t.get("agreements") else {
            return vec![];
        };
        let base = tab.path.child("agreements");
        let mut out = vec![];
        for a in self.tables(item, &base) {
            self.unknown_keys(a.t, &a.path, known::AGREEMENT);
            let date = self.date(&a, "date");
            let from = self.date(&a, "from");
            let months = self.integer(&a, "months", 1, i64::from(MAX_TERM));
            let amount = self.amount(&a, "amount", false);
            let total = self.amount(&a, "total", false);
            let stop_interest = self.boolean(&a, "stop_interest");
            let waive_penalty = self.boolean(&a, "waive_penalty");
            let reference = self.string(&a, "ref").filter(|r| !r.trim().is_empty());
            let text = self.string(&a, "text").filter(|r| !r.trim().is_empty());
            for key in ["date", "from", "months", "amount"] {
                if !a.t.contains_key(key) {
                    let need = outcome::agreement_needs(key);
                    self.missing_text(&a, key, need);
                }
            }
            self.not_before(&a, "from", from, "date", date);
            if let (Some(date), Some(from), Some(months), Some(amount)) =
                (date, from, months, amount)
                && from >= date
            {
                out.push(Agreement {
                    date,
                    from,
                    months,
                    amount,
                    total,
                    stop_interest,
                    waive_penalty,
                    reference,
                    text,
                });
            }
        }
        out
    }

    fn promises(&mut self, tab: &Tab) -> Vec<Promise> {
        let Some(item) = tab.t.get("promises") else {
            return vec![];
        };
        let base = tab.path.child("promises");
        let mut out = vec![];
        for p in self.tables(item, &base) {
            self.unknown_keys(p.t, &p.path, known::PROMISE);
            let date = self.date(&p, "date");
            let by = self.date(&p, "by");
            let amount = self.amount(&p, "amount", false);
            let to = self.string(&p, "to").filter(|r| !r.trim().is_empty());
            let text = self.string(&p, "text").filter(|r| !r.trim().is_empty());
            for key in ["date", "by", "amount"] {
                if !p.t.contains_key(key) {
                    let need = outcome::promise_needs(key);
                    self.missing_text(&p, key, need);
                }
            }
            self.not_before(&p, "by", by, "date", date);
            if let (Some(date), Some(by), Some(amount)) = (date, by, amount)
                && by >= date
            {
                out.push(Promise {
                    date,
                    by,
                    amount,
                    to,
                    text,
                });
            }
        }
        out
    }

    fn settlement(&mut self, tab: &Tab) -> Option<Settlement> {
        let item = tab.t.get("settlement")?;
        let path = tab.path.child("settlement");
        let Some(t) = item.get_ref().as_table() else {
            self.err(
                item_span(item),
                &path.to_string(),
                ph::must_be_table(&path.to_string()),
            );
            return None;
        };
        let s = Tab {
            t,
            span: item_span(item),
            path,
        };
        self.unknown_keys(t, &s.path, known::SETTLEMENT);
        let date = self.date(&s, "date");
        let amount = self.amount(&s, "amount", false);
        let reference = self.string(&s, "ref").filter(|r| !r.trim().is_empty());
        for key in ["date", "amount"] {
            if !t.contains_key(key) {
                let need = outcome::settlement_needs(key);
                self.missing_text(&s, key, need);
            }
        }
        Some(Settlement {
            date: date?,
            amount: amount?,
            reference,
        })
    }

    fn missing_text(&mut self, tab: &Tab, key: &str, why: Text) {
        let span = self.header_span(tab.span.clone());
        self.err(span, &format!("{}.{key}", tab.path), ph::missing(key, &why));
    }

    fn extensions(&mut self, tab: &Tab, count: u32) -> Vec<Extension> {
        let Some(item) = tab.t.get("extensions") else {
            return vec![];
        };
        let base = tab.path.child("extensions");
        let mut out = vec![];
        for e in self.tables(item, &base) {
            self.unknown_keys(e.t, &e.path, known::EXTENSION);
            let installment = self.integer(&e, "installment", 1, i64::from(MAX_TERM));
            let due = self.date(&e, "due");
            if !e.t.contains_key("installment") {
                self.missing(&e, "installment", Need::ExtensionInstallment);
            }
            if !e.t.contains_key("due") {
                self.missing(&e, "due", Need::ExtensionDue);
            }
            if let Some(n) = installment
                && n > count
            {
                let span = e.t.get("installment").and_then(item_span);
                self.err(
                    span,
                    &format!("{}.installment", e.path),
                    ph::extension_beyond_term(n, count),
                );
                continue;
            }
            if let (Some(installment), Some(due)) = (installment, due) {
                out.push(Extension { installment, due });
            }
        }
        out
    }

    fn log(&mut self, tab: &Tab) -> Vec<LogEntry> {
        let Some(item) = tab.t.get("log") else {
            return vec![];
        };
        let base = tab.path.child("log");
        let mut out = vec![];
        for e in self.tables(item, &base) {
            self.unknown_keys(e.t, &e.path, known::LOG);
            let date = self.date(&e, "date");
            let time = self.time(&e, "time");
            let kind = match self.str(&e, "kind") {
                Some(k) => self.one_of(&e, "kind", k, LogKind::from_key, ph::LOG_KINDS),
                None => Some(LogKind::Note),
            };
            let text = self.string(&e, "text").unwrap_or_default();
            let who = self.string(&e, "who");
            let channel = match self.str(&e, "channel") {
                Some(c) => self.one_of(&e, "channel", c, Channel::from_key, ph::CHANNELS),
                None => None,
            };
            let caller = self.string(&e, "caller");
            let flags = self.flags(&e);
            if !e.t.contains_key("date") {
                self.missing(&e, "date", Need::LogDate);
            }
            if let (Some(date), Some(kind)) = (date, kind) {
                out.push(LogEntry {
                    date,
                    time,
                    kind,
                    who,
                    channel,
                    caller,
                    flags,
                    text,
                });
            }
        }
        out
    }

    /// A key whose string value must be one of a few words.
    fn one_of<T>(
        &mut self,
        tab: &Tab,
        key: &str,
        value: &str,
        parse: fn(&str) -> Option<T>,
        expected: &[&str],
    ) -> Option<T> {
        let found = parse(value);
        if found.is_none() {
            let span = tab.t.get(key).and_then(item_span);
            self.err(
                span,
                &format!("{}.{key}", tab.path),
                ph::unknown_word(key, value, expected),
            );
        }
        found
    }

    /// `flags = ["night", "threat"]`: each one of the known flags, each once.
    fn flags(&mut self, tab: &Tab) -> Vec<LogFlag> {
        let Some(v) = self.value(tab, "flags") else {
            return vec![];
        };
        let path = format!("{}.flags", tab.path);
        let DeValue::Array(arr) = v.get_ref() else {
            self.err(item_span(v), &path, ph::flags_must_be_list());
            return vec![];
        };
        let mut out = vec![];
        for f in arr.iter() {
            match f.get_ref().as_str().map(|s| (s, LogFlag::from_key(s))) {
                Some((_, Some(flag))) => {
                    if !out.contains(&flag) {
                        out.push(flag);
                    }
                }
                Some((s, None)) => {
                    self.err(item_span(f), &path, crate::i18n::trust::unknown_flag(s))
                }
                None => self.err(item_span(f), &path, ph::flag_must_be_string()),
            }
        }
        out
    }

    /// A TOML local time such as `22:40:00` (seconds may be left out).
    fn time(&mut self, tab: &Tab, key: &str) -> Option<NaiveTime> {
        let v = self.value(tab, key)?;
        let hint = || ph::must_be_time(key);
        match v.get_ref() {
            DeValue::Datetime(value) => match (value.date, value.time, value.offset) {
                (None, Some(t), None) => {
                    let time = NaiveTime::from_hms_opt(
                        u32::from(t.hour),
                        u32::from(t.minute),
                        u32::from(t.second.unwrap_or(0)),
                    );
                    if time.is_none() {
                        self.err(item_span(v), &format!("{}.{key}", tab.path), hint());
                    }
                    time
                }
                _ => {
                    self.err(item_span(v), &format!("{}.{key}", tab.path), hint());
                    None
                }
            },
            _ => {
                self.err(item_span(v), &format!("{}.{key}", tab.path), hint());
                None
            }
        }
    }
}
