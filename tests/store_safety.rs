//! Issue 9: writers never lose each other's entries (the lock), `undo`, and the entries that are
//! never written. Every figure here is worked by hand in the comment next to it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use chrono::NaiveDate;
use predicates::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use repaydash::i18n::Lang;
use repaydash::model::Policy;
use repaydash::store::builtin_policies;
use repaydash::store::write::{self, Edit, ErrorKind, Field};
use repaydash::store::{self, Loaded, Source};

const SAMPLE: &str = include_str!("../data/sample.toml");
const TODAY: &str = "2026-11-23";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn builtin() -> Vec<Policy> {
    builtin_policies().unwrap()
}

fn file_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn load(path: &Path) -> Loaded {
    store::load(&Source::File(path.to_path_buf()), &builtin(), day(TODAY)).unwrap()
}

fn pay(id: &str, date: &str, amount: Decimal) -> Edit {
    Edit::Pay {
        id: id.into(),
        date: day(date),
        amount,
    }
}

fn cli(path: &Path) -> Command {
    let mut c = Command::cargo_bin("repaydash").unwrap();
    c.arg("--file").arg(path).args(["--today", TODAY]);
    c.env_remove("REPAYDASH_FILE");
    c
}

/// `init` as written on 2026-11-01: its example loan drawn then (init dates it on the day it
/// runs), so the entries these tests record in November fall within its life.
fn init_before(path: &Path) {
    Command::cargo_bin("repaydash")
        .unwrap()
        .arg("--file")
        .arg(path)
        .args(["--today", "2026-11-01", "init"])
        .env_remove("REPAYDASH_FILE")
        .assert()
        .success();
}

fn payments(path: &Path, id: &str) -> Vec<(NaiveDate, Decimal)> {
    load(path)
        .portfolio
        .loan(id)
        .unwrap()
        .payments
        .iter()
        .map(|p| (p.date, p.amount))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The lock.

#[test]
fn twenty_concurrent_pay_processes_lose_no_payment() {
    let (_d, path) = file_with(SAMPLE);
    let before = payments(&path, "ctrip-jqh").len();
    let bin = assert_cmd::cargo::cargo_bin("repaydash");
    // Amounts 1..=20 yuan, each one a different process, all started before any is waited for.
    let children: Vec<_> = (1..=20)
        .map(|n| {
            std::process::Command::new(&bin)
                .arg("--file")
                .arg(&path)
                .args(["--today", TODAY, "--lang", "en", "pay", "ctrip-jqh"])
                .arg(n.to_string())
                .env_remove("REPAYDASH_FILE")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut written = Vec::new();
    for (n, child) in (1..=20).zip(children) {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => written.push(Decimal::from(n)),
            Some(2) => assert!(
                err.contains("is being written by another repaydash"),
                "{n}: {err}"
            ),
            other => panic!("payment {n}: exit {other:?}: {err}"),
        }
    }
    let after = payments(&path, "ctrip-jqh");
    let mut ours: Vec<Decimal> = after[before..].iter().map(|p| p.1).collect();
    ours.sort();
    written.sort();
    assert_eq!(
        ours, written,
        "every payment that exited 0 is in the file, no other"
    );
    assert!(!written.is_empty());
    assert!(after[before..].iter().all(|p| p.0 == day(TODAY)));
}

#[test]
fn a_second_writer_waits_for_the_first_and_both_entries_are_kept() {
    let (_d, path) = file_with(SAMPLE);
    let loaded = load(&path);
    // The first writer has read the file and staged its edit: it holds the lock.
    let first = write::prepare(
        &loaded,
        &builtin(),
        &pay("ctrip-jqh", TODAY, dec!(1)),
        day(TODAY),
    )
    .unwrap();
    let p2 = path.clone();
    let second = std::thread::spawn(move || {
        write::apply(
            &load(&p2),
            &builtin(),
            &pay("jiebei-may", TODAY, dec!(2)),
            day(TODAY),
        )
    });
    std::thread::sleep(Duration::from_millis(300));
    // Without the lock the second writer would have renamed its file by now, and this one would
    // be refused (or, before the check, overwrite it).
    first.finish().unwrap();
    let r = second.join().unwrap().unwrap();
    assert!(
        r.changed_underneath,
        "it waited, then wrote on top of the first"
    );
    assert_eq!(
        payments(&path, "ctrip-jqh").last(),
        Some(&(day(TODAY), dec!(1)))
    );
    assert_eq!(
        payments(&path, "jiebei-may").last(),
        Some(&(day(TODAY), dec!(2)))
    );
}

#[test]
fn a_writer_that_cannot_get_the_lock_writes_nothing_and_says_why() {
    let (d, path) = file_with(SAMPLE);
    let loaded = load(&path);
    let held = write::prepare(
        &loaded,
        &builtin(),
        &pay("ctrip-jqh", TODAY, dec!(1)),
        day(TODAY),
    )
    .unwrap();
    let e = write::prepare_waiting(
        &loaded,
        &builtin(),
        &pay("ctrip-jqh", TODAY, dec!(2)),
        day(TODAY),
        Duration::from_millis(100),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Busy);
    assert!(
        e.message
            .get(Lang::En)
            .contains("is being written by another repaydash"),
        "{e}"
    );
    assert!(
        e.message
            .get(Lang::Zh)
            .contains("正被另一个 repaydash 写入"),
        "{}",
        e.message.get(Lang::Zh)
    );
    drop(held);
    assert_eq!(fs::read_to_string(&path).unwrap(), SAMPLE);
    let names: Vec<String> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "the file and its lock file only: {names:?}");
}

// ---------------------------------------------------------------------------------------------
// Entries that are never written: the same rule, the same words, in the CLI and the forms.

/// One bill of 500 due 2026-12-01, 100 paid: 400 still owed, nothing late.
/// One bill of 1,000 due 2026-11-13, late 10 days on 2026-11-23 at 0.05 % a day:
/// penalty 1,000 × 0.0005 × 10 = 5.00, so 1,005.00 owed in all.
/// One loan by its terms, started 2026-10-05: installment 1 due 2026-11-05, 2 due 2026-12-05.
const RULES: &str = "\
[settings]
lang = \"en\"

[[loan]]
id = \"bill\"
platform = \"generic\"
amount_due = 500
due_date = 2026-12-01

[[loan.payments]]
date = 2026-11-01
amount = 100

[[loan]]
id = \"late\"
platform = \"generic\"
amount_due = 1000
due_date = 2026-11-13
penalty_rate = 0.05

[[loan]]
id = \"terms\"
platform = \"generic\"
principal = 1200
annual_rate = 0
method = \"equal_principal\"
term = 3
start_date = 2026-10-05
";

fn refused(path: &Path, edit: &Edit) -> write::WriteError {
    write::apply(&load(path), &builtin(), edit, day(TODAY)).unwrap_err()
}

#[test]
fn a_payment_beyond_everything_owed_is_refused_with_the_amount_owed() {
    let (_d, path) = file_with(RULES);
    let e = refused(&path, &pay("bill", TODAY, dec!(400.01)));
    assert_eq!(
        (e.kind, e.field),
        (ErrorKind::BadInput, Some(Field::Amount))
    );
    assert!(
        e.message
            .contains("everything still owed on this loan, ¥400.00; record what was actually paid"),
        "{e}"
    );
    assert!(
        e.message.get(Lang::Zh).contains("还欠的全部金额 ¥400.00"),
        "{}",
        e.message.get(Lang::Zh)
    );
    let e = refused(&path, &pay("late", TODAY, dec!(1005.01)));
    assert!(
        e.message
            .contains("¥1,005.00 (unpaid installments ¥1,000.00 + estimated penalty ¥5.00)"),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), RULES);
    // Paying all of it (a prepayment) is fine.
    write::apply(
        &load(&path),
        &builtin(),
        &pay("bill", TODAY, dec!(400)),
        day(TODAY),
    )
    .unwrap();
    write::apply(
        &load(&path),
        &builtin(),
        &pay("late", TODAY, dec!(1005)),
        day(TODAY),
    )
    .unwrap();
}

#[test]
fn a_payment_before_the_loan_started_or_after_today_is_refused() {
    let (_d, path) = file_with(RULES);
    let e = refused(&path, &pay("terms", "2026-10-04", dec!(10)));
    assert_eq!(e.field, Some(Field::Date));
    assert!(
        e.message
            .get(Lang::En)
            .contains("before the loan started (2026-10-05)"),
        "{e}"
    );
    let e = refused(&path, &pay("terms", "2026-11-24", dec!(10)));
    assert!(
        e.message.get(Lang::En).contains("after today (2026-11-23)"),
        "{e}"
    );
    write::apply(
        &load(&path),
        &builtin(),
        &pay("terms", "2026-10-05", dec!(10)),
        day(TODAY),
    )
    .unwrap();
}

#[test]
fn an_extension_must_move_the_bill_later_and_not_into_the_past() {
    let (_d, path) = file_with(RULES);
    let ext = |n: u32, due: &str| Edit::Extend {
        id: "terms".into(),
        installment: n,
        due: day(due),
    };
    // Installment 2 is due 2026-12-05: the same day or earlier is not an extension.
    for due in ["2026-12-05", "2026-12-01"] {
        let e = refused(&path, &ext(2, due));
        assert_eq!(e.field, Some(Field::Due));
        assert!(
            e.message
                .get(Lang::En)
                .contains("installment 2 is now due on 2026-12-05"),
            "{e}"
        );
    }
    // Installment 1 was due 2026-11-05: moving it to 2026-11-20 is later, but already past.
    let e = refused(&path, &ext(1, "2026-11-20"));
    assert!(
        e.message
            .get(Lang::En)
            .contains("is in the past (today is 2026-11-23)"),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), RULES);
    write::apply(&load(&path), &builtin(), &ext(1, TODAY), day(TODAY)).unwrap();
    // Now due today: a second extension must go beyond that.
    let e = refused(&path, &ext(1, TODAY));
    assert!(
        e.message
            .get(Lang::En)
            .contains("installment 1 is now due on 2026-11-23"),
        "{e}"
    );
}

#[test]
fn the_cli_says_the_same_in_both_languages() {
    let (_d, path) = file_with(RULES);
    cli(&path)
        .args(["--lang", "zh", "pay", "bill", "400.01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("还欠的全部金额 ¥400.00"));
    cli(&path)
        .args([
            "--lang",
            "en",
            "extend",
            "terms",
            "--installment",
            "2",
            "--to",
            "2026-12-05",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "installment 2 is now due on 2026-12-05; an extension must move it later",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), RULES);
}

// ---------------------------------------------------------------------------------------------
// Undo.

#[test]
fn undo_takes_the_last_entry_out_and_can_itself_be_undone() {
    let (_d, path) = file_with(RULES);
    cli(&path)
        .args(["pay", "bill", "12.50", "--date", "2026-11-20"])
        .assert()
        .success();
    let paid = fs::read_to_string(&path).unwrap();
    assert!(paid.contains("date = 2026-11-20\namount = 12.50\n"));
    cli(&path)
        .args(["--lang", "en", "undo"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "took out:\n  - [[loan.payments]]\n  - date = 2026-11-20\n  - amount = 12.50\n",
        ))
        .stdout(predicate::str::is_match("run `[^`]*undo` again to redo").unwrap());
    assert_eq!(fs::read_to_string(&path).unwrap(), RULES);
    assert_eq!(
        fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
        paid
    );
    // Undo the undo: the payment is back.
    cli(&path)
        .args(["--lang", "zh", "undo"])
        .assert()
        .success()
        .stdout(predicate::str::contains("放回了：\n  + [[loan.payments]]"));
    assert_eq!(fs::read_to_string(&path).unwrap(), paid);
}

#[test]
fn undo_refuses_when_the_file_changed_since_the_last_write_or_was_never_written() {
    let (_d, path) = file_with(RULES);
    cli(&path)
        .args(["--lang", "en", "undo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to undo"));
    cli(&path).args(["pay", "bill", "1"]).assert().success();
    let edited = format!(
        "{}# a note typed in an editor\n",
        fs::read_to_string(&path).unwrap()
    );
    fs::write(&path, &edited).unwrap();
    cli(&path)
        .args(["--lang", "en", "undo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "was changed after repaydash last wrote it (in an editor?); undoing would lose that change, so nothing was undone",
        ));
    cli(&path)
        .args(["--lang", "zh", "undo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("撤销会丢掉这些改动，所以没有撤销"));
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    assert_eq!(
        fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
        RULES
    );
}

// ---------------------------------------------------------------------------------------------
// init's template: record, then turn an optional key on.

/// The template's commented optional keys of the loan and of [settings], each with the lines
/// that turn it on and what the loan (or settings) then says.
#[test]
fn a_key_uncommented_after_recording_belongs_to_the_loan() {
    use repaydash::model::Rate;
    let records: [&[&str]; 3] = [
        &["pay", "example", "100", "--date", "2026-11-20"],
        &[
            "log",
            "example",
            "note",
            "客服说下周回电",
            "--date",
            "2026-11-20",
        ],
        &[
            "extend",
            "example",
            "--installment",
            "1",
            "--to",
            "2026-12-10",
        ],
    ];
    // (commented line(s) as in the template, the same turned on)
    let keys: [(&str, &str); 9] = [
        ("# monthly_budget = 1500", "monthly_budget = 1500"),
        ("# due_day = 15", "due_day = 15"),
        ("# fee_rate = 0.6", "fee_rate = 0.6"),
        ("# penalty_rate = 0.075", "penalty_rate = 0.075"),
        (
            "# emergency_contact_after_days = 3",
            "emergency_contact_after_days = 3",
        ),
        ("# monthly_budget = 600", "monthly_budget = 600"),
        ("# contacts = [", "contacts = ["),
        ("# daily_rate = 0.05", "daily_rate = 0.05"),
        (
            "# hardship = \"公司裁员，收入减少一半\"",
            "hardship = \"公司裁员，收入减少一半\"",
        ),
    ];
    for record in records {
        for (commented, on) in keys {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("loans.toml");
            init_before(&path);
            cli(&path).args(record).assert().success();
            let mut text = fs::read_to_string(&path).unwrap();
            assert_eq!(text.matches(commented).count(), 1, "{commented}");
            let at = text.find(commented).unwrap();
            // Only the key itself (and its comment), as a person would.
            text.replace_range(at..at + commented.len(), on);
            if on.starts_with("contacts") {
                text = text.replace(
                    "#   { name = \"张三\", relation = \"朋友\", phone = \"13800000000\" },\n# ]",
                    "  { name = \"张三\", relation = \"朋友\", phone = \"13800000000\" },\n]",
                );
            }
            if on.starts_with("daily_rate") {
                // Exactly one rate: the annual one goes out as the daily one comes in.
                text = text.replace("annual_rate = 18.0 ", "# annual_rate = 18.0 ");
            }
            fs::write(&path, &text).unwrap();
            cli(&path)
                .args(["--lang", "en", "validate"])
                .assert()
                .success()
                .stdout(predicate::str::contains("warning").not());
            let p = load(&path).portfolio;
            let loan = p.loan("example").unwrap();
            let (a, b, c) = (loan.payments.len(), loan.log.len(), loan.extensions.len());
            assert_eq!(a + b + c, 1, "{record:?} {on}: the entry is still there");
            let ok = match on.split(' ').next().unwrap() {
                "monthly_budget" if on.ends_with("1500") => {
                    p.settings.monthly_budget == Some(dec!(1500))
                }
                "monthly_budget" => loan.monthly_budget == Some(dec!(600)),
                "due_day" => matches!(
                    loan.terms,
                    repaydash::model::LoanTerms::Amortized { due_day: 15, .. }
                ),
                "fee_rate" => matches!(
                    loan.terms,
                    repaydash::model::LoanTerms::Amortized { fee_rate: Some(f), .. } if f == dec!(0.6)
                ),
                "penalty_rate" => loan.penalty_rate == Some(dec!(0.075)),
                "emergency_contact_after_days" => loan.emergency_contact_after_days == Some(3),
                "contacts" => loan.contacts.len() == 1,
                "daily_rate" => loan
                    .rate()
                    .is_some_and(|r| matches!(r, Rate::Daily(d) if d == dec!(0.05))),
                "hardship" => loan.hardship.as_deref() == Some("公司裁员，收入减少一半"),
                other => panic!("{other}"),
            };
            assert!(
                ok,
                "{record:?} then {on}: the key belongs to the loan\n{text}"
            );
        }
    }
}

/// `validate` on the template as `init` writes it is clean, and its commented log examples, turned
/// on, are three entries with every log key the file knows (time, who, channel, caller, flags and
/// the kind contact_notified), still clean.
#[test]
fn the_template_validates_and_its_log_examples_use_every_log_key() {
    use repaydash::model::{Channel, LogFlag, LogKind};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    cli(&path).arg("init").assert().success();
    let clean = format!("{}: ok, 1 loan\n", path.display());
    cli(&path)
        .args(["--lang", "en", "validate"])
        .assert()
        .success()
        .stdout(clean.clone());
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("# --- 沟通记录 log").unwrap();
    let end = start + text[start..].find("# ====").unwrap();
    let section: String = text[start..end]
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.starts_with("[[loan.log]]")
                    || rest
                        .split_once(" = ")
                        .is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase())) =>
            {
                rest
            }
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(
        &path,
        format!("{}{section}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    cli(&path)
        .args(["--lang", "en", "validate"])
        .assert()
        .success()
        .stdout(clean);
    let log = load(&path).portfolio.loan("example").unwrap().log.clone();
    assert_eq!(log.len(), 3, "{section}");
    assert_eq!(log[0].kind, LogKind::Negotiation);
    let call = &log[1];
    assert_eq!(call.kind, LogKind::CollectionCall);
    assert_eq!(call.time, chrono::NaiveTime::from_hms_opt(22, 40, 0));
    assert_eq!(call.who.as_deref(), Some("me"));
    assert_eq!(call.channel, Some(Channel::Call));
    assert_eq!(call.caller.as_deref(), Some("95xxx 某催收公司"));
    assert_eq!(call.flags, [LogFlag::Night, LogFlag::Threat]);
    assert_eq!(log[2].kind, LogKind::ContactNotified);
    assert_eq!(log[2].who.as_deref(), Some("张三"));
    // The section no longer speaks of three kinds.
    assert!(!text.contains("三种之一"));
}

// ---------------------------------------------------------------------------------------------
// Unknown keys: a warning with the place and the key most likely meant; the file still works.

const TYPOS: &str = "\
[settings]
lang = \"en\"
curency = \"$\"

[[loan]]
id = \"a\"
platform = \"generic\"
amount_due = 500
due_date = 2026-12-01
anual_rate = 18
emergency_contact_after_day = 3
penalty = 0.1
nickname = \"小a\"
hardship = \"lost my job\"

[[loan.log]]
date = 2026-11-20
time = 10:30:00
kind = \"collection_call\"
who = \"张三\"
channel = \"call\"
caller = \"95xxx\"
flags = [\"night\"]
text = \"called at night\"

[platforms.mine]
name = \"我的\"
name_en = \"Mine\"
";

#[test]
fn unknown_keys_are_warned_with_their_place_and_the_near_miss() {
    let (_d, path) = file_with(TYPOS);
    let p = path.display().to_string();
    let expected = [
        format!("{p}:3:1: unknown key \"curency\", ignored; did you mean currency?"),
        format!("{p}:10:1: unknown key \"anual_rate\", ignored; did you mean annual_rate?"),
        format!(
            "{p}:11:1: unknown key \"emergency_contact_after_day\", ignored; did you mean emergency_contact_after_days?"
        ),
        format!("{p}:12:1: unknown key \"penalty\", ignored; did you mean penalty_rate?"),
        format!("{p}:13:1: unknown key \"nickname\", ignored (kept in the file)"),
    ];
    let out = cli(&path)
        .args(["--lang", "en", "validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let warned: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(
        warned,
        expected
            .iter()
            .map(|e| format!("warning: {e}"))
            .collect::<Vec<_>>(),
        "hardship, the log's time/who/channel/caller/flags and name_en are known"
    );
    assert!(stdout.contains(": ok, 1 loan\n"), "{stdout}");
    // check still runs, the warnings on stderr, in Chinese too.
    let out = cli(&path).args(["--lang", "zh", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{p}:10:1: 不认识的键“anual_rate”，已忽略；是不是想写 annual_rate？"
        )),
        "{stderr}"
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("¥500.00"));
}

#[test]
fn the_shipped_files_have_no_unknown_keys() {
    for text in [SAMPLE, store::TEMPLATE] {
        let p = repaydash::store::schema::parse_portfolio(text, &builtin())
            .ok()
            .unwrap();
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    }
}

// ---------------------------------------------------------------------------------------------
// Files: private from the start, owner kept, only regular files of a sane size read.

#[cfg(unix)]
#[test]
fn init_creates_the_file_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    init_before(&path);
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // No "readable by other users" warning on the first payment, and the file stays 0600.
    cli(&path)
        .args([
            "--lang",
            "en",
            "pay",
            "example",
            "10",
            "--date",
            "2026-11-20",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("readable by other users").not());
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[cfg(unix)]
#[test]
fn a_write_keeps_the_files_owner_and_group() {
    use std::os::unix::fs::MetadataExt;
    let (_d, path) = file_with(RULES);
    if unsafe { libc::geteuid() } != 0 {
        // Only root can hand a file to another user; the rule is checked where the test runs
        // as root (CI and this machine do).
        return;
    }
    let (uid, gid) = (65534, 65534);
    std::os::unix::fs::chown(&path, Some(uid), Some(gid)).unwrap();
    write::apply(
        &load(&path),
        &builtin(),
        &pay("bill", TODAY, dec!(1)),
        day(TODAY),
    )
    .unwrap();
    for p in [path.clone(), path.with_file_name("loans.toml.bak")] {
        let m = fs::metadata(&p).unwrap();
        assert_eq!((m.uid(), m.gid()), (uid, gid), "{}", p.display());
    }
    // And undo gives them back the same way.
    store::undo::undo(&Source::File(path.clone()), &builtin()).unwrap();
    let m = fs::metadata(&path).unwrap();
    assert_eq!((m.uid(), m.gid()), (uid, gid));
}

#[cfg(unix)]
#[test]
fn only_regular_files_of_at_most_64_mib_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let big = dir.path().join("big.toml");
    let f = fs::File::create(&big).unwrap();
    f.set_len(store::MAX_FILE_BYTES + 1).unwrap();
    for (path, says) in [
        (fifo.as_path(), "is not a regular file"),
        (Path::new("/dev/zero"), "is not a regular file"),
        (big.as_path(), "larger than 64 MiB"),
    ] {
        for args in [&["check"][..], &["pay", "a", "1"][..]] {
            cli(path)
                .args(["--lang", "en"])
                .args(args)
                .timeout(Duration::from_secs(20))
                .assert()
                .code(2)
                .stderr(predicate::str::contains(says));
        }
    }
    cli(&big)
        .args(["--lang", "zh", "validate"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("文件超过 64 MiB"));
}

// ---------------------------------------------------------------------------------------------
// No text from the file reaches a terminal with control characters.

/// ESC ] 0 ; X BEL (retitles the window), ESC [ 2 J (clears the screen), and U+009B, the
/// one-character CSI, in every text field a file can hold.
const EVIL: &str = "\\u001b]0;X\\u0007\\u001b[2J\\u009b";

fn evil_file() -> String {
    format!(
        "\
[settings]
lang = \"en\"
currency = \"¥{EVIL}\"

[[loan]]
id = \"a\"
name = \"Loan{EVIL}\"
product = \"P{EVIL}\"
platform = \"mine\"
amount_due = 1000
due_date = 2026-11-13
hardship = \"H{EVIL}\"
contacts = [{{ name = \"N{EVIL}\", relation = \"R{EVIL}\", phone = \"138{EVIL}\" }}]

[[loan.log]]
date = 2026-11-20
kind = \"collection_call\"
who = \"W{EVIL}\"
caller = \"C{EVIL}\"
text = \"T{EVIL}\"

[[loan]]
id = \"b\"
platform = \"Unknown{EVIL}\"
amount_due = 300
due_date = 2026-11-25

[platforms.mine]
name = \"Mine{EVIL}\"
name_en = \"MineEn{EVIL}\"
aliases = [\"m{EVIL}\"]

[[platforms.mine.stages]]
kind = \"emergency_contact\"
day = 3
source = \"S{EVIL}\"
"
    )
}

#[test]
fn control_characters_from_the_file_never_reach_an_output() {
    let (_d, path) = file_with(&evil_file());
    let commands: &[&[&str]] = &[
        &["check"],
        &["schedule", "a"],
        &["advice", "a"],
        &["plan", "--cash", "500"],
        &["status"],
        &["validate"],
        &["export", "ics"],
        &["notice", "a"],
        &["complaint", "a"],
        &["letter", "a"],
        &["schedule", "nope"],
    ];
    for lang in ["en", "zh"] {
        for args in commands {
            let out = cli(&path)
                .args(["--lang", lang])
                .args(*args)
                .output()
                .unwrap();
            for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                let text = String::from_utf8_lossy(bytes);
                assert!(
                    !bytes.contains(&0x1b) && !bytes.contains(&0x07) && !text.contains('\u{9b}'),
                    "{args:?} {lang} {stream}:\n{text}"
                );
            }
            if args[0] != "schedule" || args[1] != "nope" {
                assert!(
                    out.status.success(),
                    "{args:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }
    // The text itself is there, its control characters shown as U+FFFD.
    let out = cli(&path)
        .args(["--lang", "en", "schedule", "a"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Loan\u{fffd}]0;X\u{fffd}\u{fffd}[2J\u{fffd}"),
        "{text}"
    );
    // Recording prints the loan's line too.
    let out = cli(&path)
        .args(["--lang", "en", "log", "a", "note", "x\u{1b}[31m"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
}

#[test]
fn an_editors_save_between_read_and_rename_survives_and_nothing_else_is_touched() {
    let (d, path) = file_with(SAMPLE);
    // Read, edited and staged under the lock; then an editor (which takes no lock) saves.
    let prepared = write::prepare(
        &load(&path),
        &builtin(),
        &pay("ctrip-jqh", TODAY, dec!(1)),
        day(TODAY),
    )
    .unwrap();
    let edited = format!("{SAMPLE}# saved in an editor meanwhile\n");
    fs::write(&path, &edited).unwrap();
    let e = prepared.finish().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    let mut names: Vec<String> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["loans.toml", "loans.toml.lock"],
        "no backup, no undo record, no temp file"
    );
    // `apply` (what the CLI and the forms call) makes the entry again on top of the save.
    let r = write::apply(
        &load(&path),
        &builtin(),
        &pay("ctrip-jqh", TODAY, dec!(1)),
        day(TODAY),
    )
    .unwrap();
    let now = fs::read_to_string(&path).unwrap();
    assert!(now.contains("# saved in an editor meanwhile"));
    assert_eq!(
        r.loaded
            .portfolio
            .loan("ctrip-jqh")
            .unwrap()
            .payments
            .last()
            .unwrap()
            .amount,
        dec!(1)
    );
}
