//! Writing the loans file: exact bytes kept, atomic replacement, backups, permissions, a file
//! changed underneath, and the CLI's `pay`, `log` and `extend` with good and bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use predicates::prelude::*;
use rust_decimal_macros::dec;

use repaydash::model::{LogEntry, LogKind, Policy};
use repaydash::store::builtin_policies;
use repaydash::store::write::{self, Edit, ErrorKind};
use repaydash::store::{self, Loaded, Source};

const SAMPLE: &str = include_str!("../data/sample.toml");
const TODAY: &str = "2026-11-23";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn builtin() -> Vec<Policy> {
    builtin_policies().unwrap()
}

/// A private folder with `name` holding `text`.
fn file_with(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    (dir, path)
}

/// How many files a folder holds, not counting the lock file every writer leaves beside the
/// loans file.
fn entries(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".lock")
        })
        .count()
}

fn load(path: &Path) -> Loaded {
    store::load(&Source::File(path.to_path_buf()), &builtin(), day(TODAY)).unwrap()
}

fn pay(id: &str, date: &str, amount: rust_decimal::Decimal) -> Edit {
    Edit::Pay {
        id: id.into(),
        date: day(date),
        amount,
    }
}

fn apply(path: &Path, edit: &Edit) -> write::Recorded {
    write::apply(&load(path), &builtin(), edit, day(TODAY)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Exact bytes: the old text, with only the new entry's lines added.

const COMMENTED: &str = "\
# 我的账本 — comments, CJK and unknown keys must survive
[settings]
lang = \"zh\"   # 界面语言
my_own_setting = true

[[loan]]
id = \"ctrip\"   # 携程
name = \"携程借去花\"
platform = \"ctrip\"
amount_due = 500
due_date = 2026-12-01
nickname = \"小携\"        # not a key repaydash knows

[[loan.payments]]
date = 2026-11-01
amount = 100       # 先还一点

# ---- 下一笔 ----
[[loan]]
id = \"other\"
platform = \"alipay\"
amount_due = 300
due_date = 2026-12-10
";

#[test]
fn payment_is_added_after_the_loans_last_payment_and_nothing_else_moves() {
    let (_d, path) = file_with("loans.toml", COMMENTED);
    apply(&path, &pay("ctrip", "2026-11-20", dec!(200.50)));
    let expected = COMMENTED.replace(
        "amount = 100       # 先还一点\n",
        "amount = 100       # 先还一点\n\n[[loan.payments]]\ndate = 2026-11-20\namount = 200.50\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn a_loan_without_entries_gets_its_first_array_of_tables_entry() {
    let (_d, path) = file_with("loans.toml", COMMENTED);
    let edit = Edit::Log {
        id: "other".into(),
        entry: LogEntry {
            date: day("2026-11-22"),
            kind: LogKind::CollectionCall,
            text: "催收说要\"上门\"\n第二行".into(),
            ..LogEntry::default()
        },
    };
    let r = apply(&path, &edit);
    let expected = format!(
        "{COMMENTED}\n[[loan.log]]\ndate = 2026-11-22\nkind = \"collection_call\"\ntext = \"催收说要\\\"上门\\\"\\n第二行\"\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    let other = r.loaded.portfolio.loan("other").unwrap();
    assert_eq!(other.log.len(), 1);
    assert_eq!(other.log[0].text, "催收说要\"上门\"\n第二行");
}

#[test]
fn loans_with_other_tables_between_them_are_found_by_id() {
    let src = "\
[[loan]]
id = \"a\"
amount_due = 100
due_date = 2026-12-01

[platforms.mine]
name = \"我的平台\"
stages = [{ kind = \"reminder\", day = 1 }]

[[loan]]
id = \"b\"
platform = \"mine\"
amount_due = 200
due_date = 2026-12-02

[[loan.extensions]]
installment = 1
due = 2026-12-20
";
    let (_d, path) = file_with("loans.toml", src);
    let r = apply(
        &path,
        &Edit::Extend {
            id: "a".into(),
            installment: 1,
            due: day("2026-12-31"),
        },
    );
    let expected = src.replace(
        "due_date = 2026-12-01\n",
        "due_date = 2026-12-01\n\n[[loan.extensions]]\ninstallment = 1\ndue = 2026-12-31\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    let a = r.loaded.portfolio.loan("a").unwrap();
    assert_eq!(a.extensions.len(), 1);
    assert!(r.loaded.portfolio.loan("b").unwrap().extensions.len() == 1);
}

#[test]
fn inline_arrays_are_appended_in_place() {
    let src = "\
[[loan]]
id = \"a\"
amount_due = 900
due_date = 2026-12-01
contacts = [{ name = \"张三\", phone = \"13800000000\" }]
payments = [
  { date = 2026-11-01, amount = 100 },   # 第一笔
]
";
    let (_d, path) = file_with("loans.toml", src);
    apply(&path, &pay("a", "2026-11-02", dec!(50)));
    let expected = src.replace(
        "  { date = 2026-11-01, amount = 100 },   # 第一笔\n",
        "  { date = 2026-11-01, amount = 100 },   # 第一笔\n  { date = 2026-11-02, amount = 50 },\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);

    // One-line array: the element joins its line.
    let src = "[[loan]]\nid = \"a\"\namount_due = 900\ndue_date = 2026-12-01\npayments = [{ date = 2026-11-01, amount = 100 }]\n";
    let (_d, path) = file_with("loans.toml", src);
    apply(&path, &pay("a", "2026-11-02", dec!(50)));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "[[loan]]\nid = \"a\"\namount_due = 900\ndue_date = 2026-12-01\npayments = [{ date = 2026-11-01, amount = 100 }, { date = 2026-11-02, amount = 50 }]\n"
    );
}

#[test]
fn loans_written_as_inline_tables_get_an_inline_array() {
    let src = "loan = [\n  { id = \"a\", amount_due = 900, due_date = 2026-12-01 },\n]\n";
    let (_d, path) = file_with("loans.toml", src);
    let r = apply(&path, &pay("a", "2026-11-02", dec!(50)));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "loan = [\n  { id = \"a\", amount_due = 900, due_date = 2026-12-01 , payments = [{ date = 2026-11-02, amount = 50 }] },\n]\n"
    );
    assert_eq!(r.loaded.portfolio.loan("a").unwrap().payments.len(), 1);
}

#[test]
fn crlf_and_bom_are_kept() {
    let crlf = fs::read_to_string("tests/fixtures/valid/crlf_line_endings.toml").unwrap();
    let (_d, path) = file_with("loans.toml", &crlf);
    apply(&path, &pay("crlf", "2026-11-20", dec!(404)));
    let out = fs::read_to_string(&path).unwrap();
    let added = "[[loan.payments]]\r\ndate = 2026-11-05\r\namount = 412.00\r\n\r\n[[loan.payments]]\r\ndate = 2026-11-20\r\namount = 404\r\n";
    assert_eq!(
        out,
        crlf.replace(
            "[[loan.payments]]\r\ndate = 2026-11-05\r\namount = 412.00\r\n",
            added
        )
    );
    assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());

    let bom = fs::read_to_string("tests/fixtures/valid/utf8_bom.toml").unwrap();
    assert!(bom.starts_with('\u{feff}'));
    let (_d, path) = file_with("loans.toml", &bom);
    apply(&path, &pay("bom", "2026-11-20", dec!(100)));
    let out = fs::read_to_string(&path).unwrap();
    let tail = if bom.ends_with('\n') { "" } else { "\n" };
    assert_eq!(
        out,
        format!("{bom}{tail}\n[[loan.payments]]\ndate = 2026-11-20\namount = 100\n")
    );
}

#[test]
fn a_file_without_a_final_newline_keeps_its_lines() {
    let src = "[[loan]]\nid = \"a\"\namount_due = 900\ndue_date = 2026-12-01";
    let (_d, path) = file_with("loans.toml", src);
    apply(&path, &pay("a", "2026-11-02", dec!(50)));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        format!("{src}\n\n[[loan.payments]]\ndate = 2026-11-02\namount = 50\n")
    );
}

#[test]
fn mixed_line_endings_are_refused_untouched() {
    let src = "[[loan]]\r\nid = \"a\"\namount_due = 900\r\ndue_date = 2026-12-01\r\n";
    let (d, path) = file_with("loans.toml", src);
    let e = write::apply(
        &load(&path),
        &builtin(),
        &pay("a", "2026-11-02", dec!(50)),
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsafe);
    assert!(e.message.contains("CRLF"));
    assert_eq!(fs::read(&path).unwrap(), src.as_bytes());
    assert_eq!(entries(d.path()), 1);
}

// ---------------------------------------------------------------------------------------------
// Backups, crashes, permissions.

#[test]
fn the_backup_holds_the_previous_bytes() {
    let (_d, path) = file_with("loans.toml", SAMPLE);
    let r = apply(&path, &pay("ctrip-jqh", "2026-11-22", dec!(100)));
    assert_eq!(r.backup, path.with_file_name("loans.toml.bak"));
    assert_eq!(fs::read_to_string(&r.backup).unwrap(), SAMPLE);
    let after_first = fs::read(&path).unwrap();
    apply(&path, &pay("ctrip-jqh", "2026-11-23", dec!(100)));
    assert_eq!(fs::read(&r.backup).unwrap(), after_first);
}

#[test]
fn a_crash_between_temp_file_and_rename_leaves_the_old_file_intact() {
    let (d, path) = file_with("loans.toml", SAMPLE);
    let loaded = load(&path);
    let edit = pay("ctrip-jqh", "2026-11-23", dec!(800.16));
    let prepared = write::prepare(&loaded, &builtin(), &edit, day(TODAY)).unwrap();
    let tmp = prepared.crash();
    // The original is byte-identical, nothing replaced it, no backup was made.
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE);
    assert!(!path.with_file_name("loans.toml.bak").exists());
    assert_eq!(tmp.parent(), Some(d.path()));
    let staged = fs::read_to_string(&tmp).unwrap();
    assert_eq!(
        staged,
        SAMPLE.replace(
            "amount = 300.00\n\n[[loan.log]]",
            "amount = 300.00\n\n[[loan.payments]]\ndate = 2026-11-23\namount = 800.16\n\n[[loan.log]]",
        )
    );
    assert_eq!(
        load(&path)
            .portfolio
            .loan("ctrip-jqh")
            .unwrap()
            .payments
            .len(),
        8
    );
    // The leftover temporary file does not stand in the way of the next write.
    let r = apply(&path, &edit);
    assert_eq!(
        r.loaded.portfolio.loan("ctrip-jqh").unwrap().payments.len(),
        9
    );
    assert_eq!(
        fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
        SAMPLE
    );
}

#[test]
fn a_prepared_edit_is_refused_if_the_file_changes_before_the_rename() {
    let (_d, path) = file_with("loans.toml", SAMPLE);
    let prepared = write::prepare(
        &load(&path),
        &builtin(),
        &pay("ctrip-jqh", "2026-11-23", dec!(1)),
        day(TODAY),
    )
    .unwrap();
    let tmp = prepared.temp_path().to_path_buf();
    let changed = format!("{SAMPLE}# edited in another window\n");
    fs::write(&path, &changed).unwrap();
    let e = prepared.finish().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert_eq!(fs::read_to_string(&path).unwrap(), changed);
    assert!(!tmp.exists(), "the temporary file is cleaned up");
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_on_the_file_and_its_backup() {
    use std::os::unix::fs::PermissionsExt;
    for mode in [0o600, 0o640] {
        let (_d, path) = file_with("loans.toml", SAMPLE);
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        let r = apply(&path, &pay("ctrip-jqh", "2026-11-23", dec!(1)));
        let got = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(got, mode);
        let bak = fs::metadata(&r.backup).unwrap().permissions().mode() & 0o7777;
        assert_eq!(bak, mode);
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_stays_a_symlink() {
    let (d, real) = file_with("real.toml", SAMPLE);
    let link = d.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    apply(&link, &pay("ctrip-jqh", "2026-11-23", dec!(1)));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .contains("date = 2026-11-23\namount = 1\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Changed underneath.

#[test]
fn an_edit_made_elsewhere_since_the_read_is_kept_and_ours_goes_on_top() {
    let (_d, path) = file_with("loans.toml", SAMPLE);
    let stale = load(&path);
    // Another window appends a note to the last loan after we read the file.
    let other = format!(
        "{SAMPLE}\n[[loan.log]]\ndate = 2026-11-22\nkind = \"note\"\ntext = \"另一处的修改\"\n"
    );
    fs::write(&path, &other).unwrap();
    let r = write::apply(
        &stale,
        &builtin(),
        &pay("ctrip-jqh", "2026-11-23", dec!(800.16)),
        day(TODAY),
    )
    .unwrap();
    assert!(r.changed_underneath);
    let now = fs::read_to_string(&path).unwrap();
    assert!(now.ends_with("text = \"另一处的修改\"\n"));
    assert!(
        now.contains("amount = 300.00\n\n[[loan.payments]]\ndate = 2026-11-23\namount = 800.16\n")
    );
    assert_eq!(fs::read_to_string(&r.backup).unwrap(), other);
    let p = &r.loaded.portfolio;
    assert_eq!(p.loan("ctrip-jqh").unwrap().payments.len(), 9);
    assert_eq!(p.loan("jiebei-june").unwrap().log.len(), 2);
}

#[test]
fn an_edit_that_no_longer_fits_the_changed_file_is_refused() {
    let (d, path) = file_with("loans.toml", SAMPLE);
    let stale = load(&path);
    // The loan was deleted elsewhere (here: its id renamed).
    let other = SAMPLE.replace("id = \"ctrip-jqh\"", "id = \"ctrip-old\"");
    fs::write(&path, &other).unwrap();
    let e = write::apply(
        &stale,
        &builtin(),
        &pay("ctrip-jqh", "2026-11-23", dec!(800.16)),
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert!(e.message.contains("changed since it was read"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), other);
    assert_eq!(entries(d.path()), 1, "no backup, no temp file");

    // Changed into an invalid file: refused, untouched.
    let broken = SAMPLE.replace("principal = 12000", "principal = -1");
    fs::write(&path, &broken).unwrap();
    let e = write::apply(
        &stale,
        &builtin(),
        &pay("jiebei-may", "2026-11-23", dec!(1)),
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert!(
        e.message.contains("loans.toml:35:13:"),
        "names the line: {e}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn a_write_that_would_make_the_file_invalid_is_refused() {
    let (d, path) = file_with("loans.toml", SAMPLE);
    // Year 10000 has no TOML date form.
    let edit = Edit::Extend {
        id: "ctrip-jqh".into(),
        installment: 9,
        due: NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(),
    };
    let e = write::apply(&load(&path), &builtin(), &edit, day(TODAY)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsafe, "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE);
    assert_eq!(entries(d.path()), 1);
}

#[test]
fn the_demo_is_read_only() {
    let demo = store::load(&Source::Demo, &builtin(), day(TODAY)).unwrap();
    let e = write::apply(
        &demo,
        &builtin(),
        &pay("ctrip-jqh", TODAY, dec!(1)),
        day(TODAY),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Demo);
    // The command that works from where this process runs (the CLI test below pins its forms).
    assert!(
        e.message
            .contains(&format!("`{}`", repaydash::launch::command("init")))
    );
}

// ---------------------------------------------------------------------------------------------
// The CLI.

fn cli(path: &Path) -> Command {
    let mut c = Command::cargo_bin("repaydash").unwrap();
    c.arg("--file").arg(path).args(["--today", TODAY]);
    c.env_remove("REPAYDASH_FILE");
    c
}

fn check_json(path: &Path, id: &str) -> serde_json::Value {
    let out = cli(path).args(["check", "--json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["loans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn cli_pay_clears_the_overdue_installment() {
    let (_d, path) = file_with("loans.toml", SAMPLE);
    let before = check_json(&path, "ctrip-jqh");
    assert_eq!(before["status"], "overdue");
    assert_eq!(before["overdue_amount"], "800.16");
    // Installment 8 (1100.16, due 2026-11-18) had 300.00 paid: 800.16 completes it. Next is
    // installment 9 on 2026-12-18, 25 days on; left: 3 × 1100.16 + 1100.19 = 4400.67.
    cli(&path)
        .args(["--lang", "en", "pay", "ctrip-jqh", "800.16"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ctrip-jqh 携程借去花: current · next ¥1,100.16 on 2026-12-18 (in 25 days) · left ¥4,400.67",
        ));
    let after = check_json(&path, "ctrip-jqh");
    assert_eq!(after["status"], "current");
    assert_eq!(after["days_overdue"], 0);
    assert_eq!(after["remaining_balance"], "4400.67");
    assert_eq!(
        fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
        SAMPLE
    );
    let now = fs::read_to_string(&path).unwrap();
    assert_eq!(
        now,
        SAMPLE.replace(
            "amount = 300.00\n\n[[loan.log]]\ndate = 2026-11-19",
            "amount = 300.00\n\n[[loan.payments]]\ndate = 2026-11-23\namount = 800.16\n\n[[loan.log]]\ndate = 2026-11-19",
        )
    );
}

#[test]
fn cli_pay_with_a_past_date_in_chinese() {
    let (_d, path) = file_with("loans.toml", SAMPLE);
    cli(&path)
        .args([
            "--lang",
            "zh",
            "pay",
            "jiebei-may",
            "182.50",
            "--date",
            "2026-11-20",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("已记录还款 ¥182.50（2026-11-20）；原文件已备份为 "))
        // Installment 6 is paid; installment 7 (182.50) is due 2026-12-17.
        .stdout(predicate::str::contains(
            "jiebei-may 借呗（5月借款）：正常 · 下期 ¥182.50 于 2026-12-17（24 天后） · 剩余 ¥21,095.00",
        ));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("date = 2026-11-20\namount = 182.50\n")
    );
}

#[test]
fn cli_log_and_extend() {
    let (_d, path) = file_with("loans.toml", SAMPLE);
    cli(&path)
        .args([
            "--lang",
            "en",
            "log",
            "xingtu-rxd",
            "negotiation",
            "客服同意分期",
            "--date",
            "2026-11-22",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Recorded a log entry: negotiation (2026-11-22)",
        ))
        .stdout(predicate::str::contains(
            "xingtu-rxd 星图金融任性贷: 33d late · overdue ¥2,294.08 · contacts may be called",
        ));
    assert!(fs::read_to_string(&path).unwrap().contains(
        "[[loan.log]]\ndate = 2026-11-22\nkind = \"negotiation\"\ntext = \"客服同意分期\"\n"
    ));
    // Moving jiebei-may's unpaid installment 6 (due 2026-11-17) to 2026-12-01 ends the overdue.
    cli(&path)
        .args([
            "--lang",
            "en",
            "extend",
            "jiebei-may",
            "--installment",
            "6",
            "--to",
            "2026-12-01",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "jiebei-may 借呗（5月借款）: current · next ¥182.50 on 2026-12-01 (in 8 days)",
        ));
    assert_eq!(check_json(&path, "jiebei-may")["status"], "current");
}

#[test]
fn cli_bad_input_exits_2_and_leaves_the_file_alone() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["pay", "no-such-loan", "100"],
            "no loan with id \"no-such-loan\"",
        ),
        (&["pay", "ctrip-jqh", "abc"], "is not an amount"),
        (&["pay", "ctrip-jqh", "0"], "above zero"),
        (&["pay", "ctrip-jqh", "-5"], "above zero"),
        (&["pay", "ctrip-jqh", "1.005"], "more than two decimals"),
        (
            &["pay", "ctrip-jqh", "100", "--date", "2026-11-24"],
            "after today",
        ),
        (
            &["pay", "ctrip-jqh", "100", "--date", "2026/11/20"],
            "YYYY-MM-DD",
        ),
        (&["pay", "nqh-ticket", "100"], "already paid off"),
        (&["log", "ctrip-jqh", "threat", "x"], "unknown log kind"),
        (&["log", "ctrip-jqh", "note", "  "], "empty"),
        (
            &["log", "ctrip-jqh", "note", "x", "--date", "2026-02-30"],
            "--date: 2026-02-30: no such day",
        ),
        (
            &[
                "extend",
                "ctrip-jqh",
                "--installment",
                "13",
                "--to",
                "2026-12-30",
            ],
            "no installment 13",
        ),
        (
            &[
                "extend",
                "nqh-ticket",
                "--installment",
                "2",
                "--to",
                "2026-12-30",
            ],
            "has 1 installment;",
        ),
        (
            &[
                "extend",
                "ctrip-jqh",
                "--installment",
                "0",
                "--to",
                "2026-12-30",
            ],
            "numbered from 1",
        ),
        (
            &["extend", "ctrip-jqh", "--installment", "9", "--to", "soon"],
            "YYYY-MM-DD",
        ),
    ];
    for (args, msg) in cases {
        let (d, path) = file_with("loans.toml", SAMPLE);
        cli(&path)
            .args(["--lang", "en"])
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*msg));
        assert_eq!(fs::read(&path).unwrap(), SAMPLE.as_bytes(), "{args:?}");
        assert_eq!(entries(d.path()), 1, "{args:?}: no .bak");
    }
}

#[test]
fn cli_refuses_to_write_the_demo() {
    let home = tempfile::tempdir().unwrap();
    Command::cargo_bin("repaydash")
        .unwrap()
        .env_remove("REPAYDASH_FILE")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .args(["--today", TODAY, "pay", "ctrip-jqh", "100"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(" init`"));
    assert_eq!(fs::read_dir(home.path()).unwrap().count(), 0);
}

/// The demo's refusal and "no such file" name the `init` that works from where the user is, as
/// the demo banner does: the program's own path when it is not on the PATH, `cargo run` under
/// cargo, the plain name when the PATH finds it.
#[test]
fn cli_messages_name_the_init_command_that_works_from_here() {
    let home = tempfile::tempdir().unwrap();
    let exe = fs::canonicalize(env!("CARGO_BIN_EXE_repaydash")).unwrap();
    let bin_dir = exe.parent().unwrap().to_path_buf();
    let run = |cargo: bool, path: &Path, args: &[&str]| {
        let mut c = Command::new(&exe);
        c.env_remove("REPAYDASH_FILE")
            .env_remove("CARGO")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("PATH", path)
            .current_dir(home.path());
        if cargo {
            c.env("CARGO", "cargo");
        }
        let o = c.args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        String::from_utf8(o.stderr).unwrap()
    };
    let empty = home.path().join("nothing-here");
    let pay = ["--today", TODAY, "--lang", "en", "pay", "ctrip-jqh", "100"];
    let err = run(false, &empty, &pay);
    assert!(
        err.contains(&format!(
            "run `{} init` to create your own file",
            exe.display()
        )),
        "{err}"
    );
    let err = run(true, &empty, &pay);
    assert!(
        err.contains("run `cargo run -- init` to create your own file"),
        "{err}"
    );
    let err = run(false, &bin_dir, &pay);
    assert!(
        err.contains("run `repaydash init` to create your own file"),
        "{err}"
    );
    let missing = home.path().join("nope.toml");
    let missing = missing.to_str().unwrap();
    let err = run(false, &empty, &["--lang", "zh", "--file", missing, "check"]);
    assert!(
        err.contains(&format!(
            "文件不存在（运行 `{} init` 创建一个",
            exe.display()
        )),
        "{err}"
    );
    let err = run(true, &empty, &["--lang", "en", "--file", missing, "check"]);
    assert!(
        err.contains("no such file (run `cargo run -- init` to create one"),
        "{err}"
    );
    // The undo hint after a write names the command the same way.
    let (_d, file) = file_with("loans.toml", SAMPLE);
    let file = file.to_str().unwrap();
    let wrote = |cargo: bool, path: &Path, lang: &str| {
        let mut c = Command::new(&exe);
        c.env_remove("REPAYDASH_FILE")
            .env_remove("CARGO")
            .env("PATH", path);
        if cargo {
            c.env("CARGO", "cargo");
        }
        let args = [
            "--file",
            file,
            "--today",
            TODAY,
            "--lang",
            lang,
            "pay",
            "ctrip-jqh",
            "1",
        ];
        let o = c.args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        String::from_utf8(o.stdout).unwrap()
    };
    let out = wrote(false, &bin_dir, "en");
    assert!(out.contains(" (`repaydash undo` undoes it)"), "{out}");
    let out = wrote(true, &empty, "zh");
    assert!(out.contains("（`cargo run -- undo` 可撤销）"), "{out}");
}

#[cfg(unix)]
#[test]
fn cli_warns_when_others_can_read_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path) = file_with("loans.toml", SAMPLE);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let out = cli(&path)
        .args(["--lang", "en", "pay", "ctrip-jqh", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("readable by other users").count(), 1, "{err}");
    assert!(err.contains(&format!("chmod 600 {}", path.display())));
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    cli(&path)
        .args(["--lang", "en", "pay", "ctrip-jqh", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("readable").not());
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}
