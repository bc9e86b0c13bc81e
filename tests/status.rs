//! `repaydash status` and `check --fail-on`.

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn run(file: &str, today: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::cargo_bin("repaydash")
        .unwrap()
        .args(["--file", file, "--today", today])
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_sample_line_in_both_languages() {
    // Overdue on 2026-11-23: ctrip 800.16 + jiebei-may 182.50 + xingtu 2294.08 = 3276.74; contacts
    // may be called already (xingtu first in check's order, its name cut to 12 columns);
    // huabei-phone's 627.00 is due in 3 days.
    let (code, zh) = run(
        "data/sample.toml",
        "2026-11-23",
        &["--lang", "zh", "status"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        zh,
        "逾期3笔 ¥3,276.74 | 紧急联系人 可能已联系 (星图金融任…) | 3天后到期 ¥627.00\n"
    );
    let (_, en) = run(
        "data/sample.toml",
        "2026-11-23",
        &["--lang", "en", "status"],
    );
    assert_eq!(
        en,
        "3 overdue ¥3,276.74 | contacts may be called (星图金融任…) | due in 3d ¥627.00\n"
    );
    for line in [&zh, &en] {
        assert!(line.trim_end().width() <= 80, "{line}");
        assert_eq!(line.lines().count(), 1);
    }
}

#[test]
fn a_countdown_when_contacts_are_still_ahead() {
    // On 2026-11-19 (demo dates) xingtu's 10-21 installment is 29 days late, ctrip 1 day, jiebei-may
    // 2: 897.04 + 1100.16 + 182.50 = 2179.70 (ctrip's 300 was paid on 11-21, not yet). Due soon,
    // the one definition (the dashboard header's): xingtu, though late, has 1397.04 due on 11-21
    // (in 2 days) and huabei's 11-26 bill of 627.00 is 7 days away: 2024.04 on two loans.
    let (_, zh) = run(
        "data/sample.toml",
        "2026-11-19",
        &["--lang", "zh", "status"],
    );
    assert_eq!(
        zh,
        "逾期3笔 ¥2,179.70 | 紧急联系人 可能已联系 | 7天内到期2笔 ¥2,024.04，最近2天后\n"
    );
    // In English the line is too wide for the name and then for "next in 2d"; the sum due soon
    // stays.
    let (_, en) = run(
        "data/sample.toml",
        "2026-11-19",
        &["--lang", "en", "status"],
    );
    assert_eq!(
        en,
        "3 overdue ¥2,179.70 | contacts may be called | 2 due within 7d ¥2,024.04\n"
    );
    // two_overdue on 06-04: only near (06-01) is late, contacts on 06-08: in 4 days; far's 200 is
    // due tomorrow (06-05).
    let (_, en) = run(
        "tests/fixtures/plan/two_overdue.toml",
        "2026-06-04",
        &["--lang", "en", "status"],
    );
    assert_eq!(
        en,
        "1 overdue ¥300.00 | contacts in 4 days (近一点) | due tomorrow ¥200.00\n"
    );
    let (_, zh) = run(
        "tests/fixtures/plan/two_overdue.toml",
        "2026-06-04",
        &["--lang", "zh", "status"],
    );
    assert_eq!(
        zh,
        "逾期1笔 ¥300.00 | 紧急联系人 4 天后 (近一点) | 明天到期 ¥200.00\n"
    );
    // Nothing overdue, one bill in 3 days.
    let (_, en) = run(
        "tests/fixtures/plan/due_soon.toml",
        "2026-06-10",
        &["--lang", "en", "status"],
    );
    assert_eq!(en, "due in 3d ¥250.00\n");
}

#[test]
fn a_wide_portfolio_stays_within_80_columns() {
    for lang in ["zh", "en"] {
        let (code, line) = run(
            "tests/fixtures/plan/wide.toml",
            "2026-06-10",
            &["--lang", lang, "status"],
        );
        assert_eq!(code, Some(0));
        let line = line.trim_end();
        assert!(!line.is_empty());
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
        assert!(
            line.starts_with(if lang == "zh" {
                "逾期20笔"
            } else {
                "20 overdue"
            }),
            "{line}"
        );
        // Too wide for names and the words around the sum due soon: those go, the sum stays,
        // nothing cut mid-number.
        assert!(!line.contains('…'), "{line}");
        assert!(
            line.ends_with(if lang == "zh" {
                "| 到期 ¥2,469,135,799.80"
            } else {
                "| due ¥2,469,135,799.80"
            }),
            "{line}"
        );
    }
}

#[test]
fn nothing_to_say_is_an_empty_line_and_exit_0() {
    let (code, out) = run(
        "tests/fixtures/plan/all_current.toml",
        "2026-06-10",
        &["status"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(out, "");
}

#[test]
fn fail_on_exit_codes() {
    let cases = [
        ("all_current", "overdue", 0),
        ("all_current", "due_soon", 0),
        ("due_soon", "overdue", 0),
        ("due_soon", "due_soon", 1),
        ("two_overdue", "overdue", 1),
        // due_soon means due soon or worse.
        ("two_overdue", "due_soon", 1),
    ];
    for (fixture, state, want) in cases {
        let file = format!("tests/fixtures/plan/{fixture}.toml");
        let (code, out) = run(&file, "2026-06-10", &["check", "--fail-on", state]);
        assert_eq!(code, Some(want), "{fixture} --fail-on {state}");
        assert!(!out.is_empty(), "the report is still printed");
        let (code, _) = run(
            &file,
            "2026-06-10",
            &["check", "--json", "--fail-on", state],
        );
        assert_eq!(code, Some(want), "{fixture} --json --fail-on {state}");
    }
    // Without the flag, check exits 0 even with overdue loans; a bad state is a usage error.
    let (code, _) = run(
        "tests/fixtures/plan/two_overdue.toml",
        "2026-06-10",
        &["check"],
    );
    assert_eq!(code, Some(0));
    let (code, _) = run(
        "tests/fixtures/plan/two_overdue.toml",
        "2026-06-10",
        &["check", "--fail-on", "late"],
    );
    assert_eq!(code, Some(2));
}
