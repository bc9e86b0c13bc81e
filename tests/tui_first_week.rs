//! The dashboard in the first week of real use (issue 21, parts 1 and 4): what it says of a
//! late loan with no penalty, and that every size from the minimum up shows its words whole or
//! cut with "…", never over a border.

mod common;
use common::screen;

use chrono::NaiveDate;
use repaydash::i18n::Lang;
use repaydash::knowledge::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::{App, Msg, dispatch};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The dashboard on `toml` (kept in a temp dir for the app's life).
fn app_on(toml: &str, today: &str, lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, toml).unwrap();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path), &builtin, d(today)).unwrap();
    let mut app = App::new(loaded, builtin, d(today), lang);
    app.color = false;
    (dir, app)
}

const ZERO_RATE: &str = r#"
[[loan]]
id = "zero"
name = "零息分期"
platform = "ctrip"
principal = 1200
annual_rate = 0
method = "equal_principal"
term = 12
start_date = 2026-09-10
"#;

#[test]
fn a_late_loan_with_a_zero_rate_says_no_penalty_is_estimated() {
    // 1,200 over 12 months at 0 %: 100 a month; 10 Oct and 10 Nov unpaid on 23 Nov: 200 late.
    let (_d, mut app) = app_on(ZERO_RATE, "2026-11-23", Lang::En);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("overdue ¥200.00"), "{s}");
    assert!(s.contains("no penalty estimated (rate 0)"), "{s}");
    dispatch(&mut app, Msg::ToggleLang);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("不估算罚息（费率为 0）"), "{s}");
    let out = common::stdout_on(ZERO_RATE, "2026-11-23", "en", &["check"]);
    assert!(out.contains("no penalty estimated (rate 0)"), "{out}");
}

const SAMPLE: &str = include_str!("../data/sample.toml");

/// Where `needle` ends on `line`, in display columns.
fn end_col(line: &str, needle: &str) -> usize {
    let at = line.find(needle).unwrap_or_else(|| panic!("{needle:?} in {line:?}"));
    unicode_width::UnicodeWidthStr::width(&line[..at + needle.len()])
}

#[test]
fn the_schedules_figure_headers_stand_over_their_figures() {
    for (lang, principal, paid) in [(Lang::En, "Principal", "Paid"), (Lang::Zh, "本金", "已还")] {
        let (_d, mut app) = app_on(SAMPLE, "2026-11-23", lang);
        dispatch(&mut app, Msg::Down);
        dispatch(&mut app, Msg::Open);
        let s = screen(&mut app, 120, 40);
        let head = s.lines().find(|l| l.contains(" # ") && l.contains(principal)).unwrap();
        // Installment 1 of 携程借去花: principal 920.16, paid 1,100.16.
        let row = s.lines().find(|l| l.contains("920.16")).unwrap();
        assert_eq!(end_col(head, principal), end_col(row, "920.16"), "{head}\n{row}");
        // The paid figure is the row's last 1,100.16.
        let last = row.rfind("1,100.16").unwrap() + "1,100.16".len();
        let paid_end = unicode_width::UnicodeWidthStr::width(&row[..last]);
        assert_eq!(end_col(head, paid), paid_end, "{head}\n{row}");
    }
}
