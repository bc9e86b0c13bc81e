//! Property: whatever the file looks like (comments, CJK, blank lines, CRLF or LF, inline tables
//! and arrays of tables, unknown keys, other tables between loans), load → edit → save → load
//! never panics, keeps every line that was there in order, shows the edit, and stays valid.

use std::fs;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use repaydash::model::{Extension, LogEntry, LogKind, Payment};
use repaydash::store::builtin_policies;
use repaydash::store::write::{self, Edit};
use repaydash::store::{self, Source};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() + Duration::days(i64::from(offset))
}

const COMMENTS: &[&str] = &[
    "# 备注：这笔逾期了",
    "# note to self",
    "# 携程 — 借去花 ¥ \"quoted\"",
    "#",
    "# ----------------------------------------",
];
const NAMES: &[&str] = &[
    "携程借去花",
    "借呗（5月借款）",
    "花呗分期📱",
    "plain name",
    "名字 \\\"带引号\\\"",
];
const PLATFORMS: &[&str] = &["ctrip", "alipay", "花呗", "xingtu", "generic", "某平台"];
const METHODS: &[&str] = &[
    "equal_installment",
    "equal_principal",
    "interest_first",
    "bullet",
];
const TEXTS: &[&str] = &[
    "客服同意延期",
    "催收电话 \"上门\"",
    "line one\nline two",
    "tab\there",
    "back\\slash",
    "emoji 🙏 and ¥",
];

#[derive(Debug, Clone, Copy)]
enum Style {
    None,
    Tables,
    Inline,
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![Just(Style::None), Just(Style::Tables), Just(Style::Inline)]
}

#[derive(Debug, Clone)]
struct LoanSpec {
    bills: Option<u32>,
    principal: u32,
    method: usize,
    term: u32,
    start: u32,
    name: Option<usize>,
    platform: usize,
    unknown_key: bool,
    comment: Option<usize>,
    contacts: bool,
    payments: (Style, Vec<(u32, u32)>),
    log: (Style, Vec<(u32, usize, usize)>),
    extensions: (Style, Vec<(u32, u32)>),
    table_after: bool,
}

fn loan_spec() -> impl Strategy<Value = LoanSpec> {
    (
        (
            prop::option::of(1000u32..5000),
            1000u32..20000,
            0..METHODS.len(),
            1u32..24,
            0u32..500,
            prop::option::of(0..NAMES.len()),
            0..PLATFORMS.len(),
        ),
        (
            any::<bool>(),
            prop::option::of(0..COMMENTS.len()),
            any::<bool>(),
            (style(), prop::collection::vec((0u32..500, 1u32..50), 1..4)),
            (
                style(),
                prop::collection::vec((0u32..500, 0..3usize, 0..TEXTS.len()), 1..3),
            ),
            (style(), prop::collection::vec((1u32..50, 0u32..700), 1..3)),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (bills, principal, method, term, start, name, platform),
                (unknown_key, comment, contacts, payments, log, extensions, table_after),
            )| LoanSpec {
                bills,
                principal,
                method,
                term,
                start,
                name,
                platform,
                unknown_key,
                comment,
                contacts,
                payments,
                log,
                extensions,
                table_after,
            },
        )
}

#[derive(Debug, Clone)]
struct DocSpec {
    header: Option<usize>,
    settings: bool,
    loans: Vec<LoanSpec>,
    crlf: bool,
    final_newline: bool,
}

fn doc_spec() -> impl Strategy<Value = DocSpec> {
    (
        prop::option::of(0..COMMENTS.len()),
        any::<bool>(),
        prop::collection::vec(loan_spec(), 1..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(header, settings, loans, crlf, final_newline)| DocSpec {
            header,
            settings,
            loans,
            crlf,
            final_newline,
        })
}

fn count(l: &LoanSpec) -> u32 {
    match (l.bills, METHODS[l.method]) {
        (Some(_), _) => 1,
        (None, "bullet") => 1,
        _ => l.term,
    }
}

/// Entries of one kind: `[[loan.KEY]]` tables, or a multi-line inline array.
fn entries(out: &mut String, key: &str, style: Style, items: &[String]) {
    match style {
        Style::None => {}
        Style::Tables => {
            for body in items {
                out.push_str(&format!("\n[[loan.{key}]]\n{}\n", body.replace(", ", "\n")));
            }
        }
        Style::Inline => {
            out.push_str(&format!("{key} = [\n"));
            for body in items {
                out.push_str(&format!("  {{ {body} }},   # 第几条\n"));
            }
            out.push_str("]\n");
        }
    }
}

fn render(d: &DocSpec) -> String {
    let mut s = String::new();
    if let Some(c) = d.header {
        s.push_str(&format!("{}\n\n", COMMENTS[c]));
    }
    if d.settings {
        s.push_str(
            "[settings]\nlang = \"zh\"   # 界面语言\nalert_days = 7\nfavourite_colour = \"蓝\"\n\n",
        );
    }
    for (i, l) in d.loans.iter().enumerate() {
        if let Some(c) = l.comment {
            s.push_str(&format!("{}\n", COMMENTS[c]));
        }
        s.push_str(&format!("[[loan]]\nid = \"loan-{i}\"\n"));
        if let Some(n) = l.name {
            s.push_str(&format!("name = \"{}\"   # 名字\n", NAMES[n]));
        }
        s.push_str(&format!("platform = \"{}\"\n", PLATFORMS[l.platform]));
        match l.bills {
            Some(a) => s.push_str(&format!(
                "amount_due = {a}.50\ndue_date = {}\n",
                day(l.start)
            )),
            None => s.push_str(&format!(
                "principal = {}\nannual_rate = 12.5\nmethod = \"{}\"\nterm = {}\nstart_date = {}\n",
                l.principal,
                METHODS[l.method],
                l.term,
                day(l.start)
            )),
        }
        if l.unknown_key {
            s.push_str("my_note = { \"说明\" = \"unknown keys stay\", n = 3 }\n");
        }
        if l.contacts {
            s.push_str(
                "contacts = [{ name = \"张三\", relation = \"朋友\", phone = \"13800000000\" }]\n",
            );
        }
        // Inline arrays must come before any [[loan.x]] table of the same loan.
        let pays: Vec<String> = l
            .payments
            .1
            .iter()
            .map(|(d, a)| format!("date = {}, amount = {a}", day(*d)))
            .collect();
        let logs: Vec<String> = l
            .log
            .1
            .iter()
            .map(|(d, k, t)| {
                format!(
                    "date = {}, kind = \"{}\", text = \"{}\"",
                    day(*d),
                    ["negotiation", "collection_call", "note"][*k],
                    TEXTS[*t]
                        .replace('\\', "\\\\")
                        .replace('"', "\\\"")
                        .replace('\n', "\\n")
                        .replace('\t', "\\t")
                )
            })
            .collect();
        let n = count(l);
        let exts: Vec<String> = l
            .extensions
            .1
            .iter()
            .map(|(k, d)| format!("installment = {}, due = {}", (k - 1) % n + 1, day(*d)))
            .collect();
        let kinds = [
            ("payments", l.payments.0, &pays),
            ("log", l.log.0, &logs),
            ("extensions", l.extensions.0, &exts),
        ];
        for (key, st, items) in kinds.iter() {
            if matches!(st, Style::Inline) {
                entries(&mut s, key, *st, items);
            }
        }
        for (key, st, items) in kinds.iter() {
            if matches!(st, Style::Tables) {
                entries(&mut s, key, *st, items);
            }
        }
        if l.table_after {
            s.push_str(&format!(
                "\n[scratch_{i}]\n\"备注\" = \"another table between loans\"\n"
            ));
        }
        s.push('\n');
    }
    if !d.final_newline {
        while s.ends_with('\n') {
            s.pop();
        }
    }
    if d.crlf { s.replace('\n', "\r\n") } else { s }
}

#[derive(Debug, Clone)]
enum EditSpec {
    Pay(usize, u32, u32),
    Log(usize, u32, usize, usize),
    Extend(usize, u32, u32),
}

fn edit_spec() -> impl Strategy<Value = EditSpec> {
    prop_oneof![
        (0usize..8, 0u32..500, 1u32..9999).prop_map(|(l, d, c)| EditSpec::Pay(l, d, c)),
        (0usize..8, 0u32..500, 0..3usize, 0..TEXTS.len())
            .prop_map(|(l, d, k, t)| EditSpec::Log(l, d, k, t)),
        (0usize..8, 1u32..50, 0u32..700).prop_map(|(l, k, d)| EditSpec::Extend(l, k, d)),
    ]
}

fn to_edit(d: &DocSpec, e: &EditSpec) -> Edit {
    let n = d.loans.len();
    match *e {
        EditSpec::Pay(l, date, cents) => Edit::Pay {
            id: format!("loan-{}", l % n),
            date: day(date),
            amount: Decimal::new(i64::from(cents), 2),
        },
        EditSpec::Log(l, date, k, t) => Edit::Log {
            id: format!("loan-{}", l % n),
            entry: LogEntry {
                date: day(date),
                kind: LogKind::WRITTEN[k],
                text: TEXTS[t].to_string(),
                ..LogEntry::default()
            },
        },
        EditSpec::Extend(l, k, due) => Edit::Extend {
            id: format!("loan-{}", l % n),
            installment: (k - 1) % count(&d.loans[l % n]) + 1,
            due: day(due),
        },
    }
}

/// `old`'s lines appear in `new` in the same order.
fn lines_kept(old: &str, new: &str) -> bool {
    let mut new_lines = new.split('\n');
    // Line contents without their ending: a last line without one gains it (the CRLF check
    // below covers endings).
    old.split('\n').all(|line| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        new_lines.any(|n| n.strip_suffix('\r').unwrap_or(n) == line)
    })
}

fn check(doc: &DocSpec, edits: &[EditSpec]) -> Result<(), TestCaseError> {
    let builtin = builtin_policies().unwrap();
    let text = render(doc);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::write(&path, &text).unwrap();
    let source = Source::File(path.clone());
    let mut loaded = store::load(&source, &builtin, today())
        .map_err(|e| TestCaseError::fail(format!("generated file invalid: {e}\n{text}")))?;
    for spec in edits {
        let edit = to_edit(doc, spec);
        let before = fs::read_to_string(&path).unwrap();
        // An entry the rules refuse (a payment beyond what is owed, an extension into the past)
        // is refused by the write with the same words, and the file stays as it was.
        if let Err(rule) = write::check_entry(&loaded.portfolio, &edit, today()) {
            let e = write::apply(&loaded, &builtin, &edit, today()).unwrap_err();
            prop_assert_eq!(&e.message, &rule.message);
            prop_assert_eq!(fs::read_to_string(&path).unwrap(), before);
            continue;
        }
        let rec = write::apply(&loaded, &builtin, &edit, today())
            .map_err(|e| TestCaseError::fail(format!("{edit:?} refused: {e}\n{before}")))?;
        let after = fs::read_to_string(&path).unwrap();
        prop_assert!(
            lines_kept(&before, &after),
            "lost a line:\n{before}\n=====\n{after}"
        );
        if doc.crlf {
            prop_assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
        } else {
            prop_assert!(!after.contains('\r'));
        }
        prop_assert_eq!(
            fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
            before
        );
        let reloaded = store::load(&source, &builtin, today())
            .map_err(|e| TestCaseError::fail(format!("written file invalid: {e}\n{after}")))?;
        let old = loaded.portfolio.loan(edit.id()).unwrap();
        let new = reloaded.portfolio.loan(edit.id()).unwrap();
        match &edit {
            Edit::Pay { date, amount, .. } => {
                prop_assert_eq!(new.payments.len(), old.payments.len() + 1);
                prop_assert_eq!(
                    new.payments.last(),
                    Some(&Payment {
                        date: *date,
                        amount: *amount
                    })
                );
            }
            Edit::Log { entry, .. } => {
                prop_assert_eq!(new.log.len(), old.log.len() + 1);
                prop_assert_eq!(new.log.last(), Some(entry));
            }
            Edit::Extend {
                installment, due, ..
            } => {
                prop_assert_eq!(new.extensions.len(), old.extensions.len() + 1);
                let e = Extension {
                    installment: *installment,
                    due: *due,
                };
                prop_assert_eq!(new.extensions.last(), Some(&e));
            }
            // tests/outcome_write.rs covers these; the generator makes none.
            Edit::PayPenalty { .. }
            | Edit::Agree { .. }
            | Edit::Promise { .. }
            | Edit::Settle { .. } => prop_assert!(false, "not generated"),
        }
        for (a, b) in loaded.portfolio.loans.iter().zip(&reloaded.portfolio.loans) {
            if a.id != edit.id() {
                prop_assert_eq!(a, b);
            }
        }
        prop_assert_eq!(&rec.loaded.portfolio.loans, &reloaded.portfolio.loans);
        loaded = rec.loaded;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn edits_keep_every_line_and_show_up(doc in doc_spec(), edits in prop::collection::vec(edit_spec(), 1..5)) {
        check(&doc, &edits)?;
    }
}
