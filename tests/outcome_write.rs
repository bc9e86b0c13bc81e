//! `agree`, `promise`, `settle` and `pay --penalty` write through the store like `pay`: the
//! entry appended, comments kept, a backup and undo, and bad input refused with exit 2 and the
//! file untouched.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2026-11-23";

const FILE: &str = "# my loans\n\n[[loan]]\nid = \"a\"  # the card\nplatform = \"xingtu\"\npenalty_rate = 0.05\namount_due = 1000\ndue_date = 2026-11-01\n";

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, FILE).expect("written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    (dir, file)
}

fn run(file: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(assert_cmd::cargo::cargo_bin!("repaydash"))
        .env_remove("REPAYDASH_FILE")
        .arg("--file")
        .arg(file)
        .args(["--today", TODAY, "--lang", lang])
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn loan(file: &Path) -> Value {
    let v: Value = serde_json::from_str(&ok(&run(file, "en", &["check", "--json"]))).expect("json");
    v["loans"][0].clone()
}

#[test]
fn agree_writes_an_agreement_and_the_loan_is_in_agreement() {
    let (_d, file) = setup();
    let out = ok(&run(
        &file,
        "en",
        &[
            "agree",
            "a",
            "--from",
            "2026-12-01",
            "--months",
            "4",
            "--amount",
            "250",
            "--ref",
            "工号 8831",
            "--stop-interest",
        ],
    ));
    assert!(
        out.contains("Recorded an agreement: 4 payments of ¥250.00 from 2026-12-01"),
        "{out}"
    );
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        text.starts_with(FILE),
        "nothing before the entry changed:\n{text}"
    );
    assert!(
        text.ends_with(
            "\n[[loan.agreements]]\ndate = 2026-11-23\nfrom = 2026-12-01\nmonths = 4\namount = 250\nstop_interest = true\nref = \"工号 8831\"\n"
        ),
        "{text}"
    );
    let l = loan(&file);
    assert_eq!(l["status"], "in_agreement");
    assert_eq!(l["agreement"]["next_due_date"], "2026-12-01");
    // 1,000 owed on the 23rd (22 days × 0.05 % = 11.00 penalty carried from the 22nd: 21 days
    // → 10.50): 4 × 250 covers it.
    assert_eq!(l["remaining_balance"], "1000.00");
    assert_eq!(l["penalty_estimate"], "10.50");
    // Undo takes it out again.
    ok(&run(&file, "en", &["undo"]));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), FILE);
}

#[test]
fn an_agreement_without_a_ref_is_recorded_with_a_reminder() {
    let (_d, file) = setup();
    let zh = ok(&run(
        &file,
        "zh",
        &[
            "agree",
            "a",
            "--from",
            "2026-12-01",
            "--months",
            "2",
            "--amount",
            "500",
        ],
    ));
    assert!(
        zh.contains("已记录还款协议：2 期，每期 ¥500.00，2026-12-01 起"),
        "{zh}"
    );
    assert!(zh.contains("书面确认"), "{zh}");
}

#[test]
fn promise_and_penalty_payment() {
    let (_d, file) = setup();
    ok(&run(
        &file,
        "en",
        &["promise", "a", "300", "--by", "2026-11-25", "--to", "95xxx"],
    ));
    ok(&run(&file, "en", &["pay", "a", "5", "--penalty"]));
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        text.contains("\n[[loan.payments]]\ndate = 2026-11-23\namount = 5\nkind = \"penalty\"\n"),
        "{text}"
    );
    let l = loan(&file);
    // 1,000 × 0.05 % × 22 days = 11.00, less 5 paid towards it; the installment is untouched.
    assert_eq!(l["penalty_estimate"], "6.00");
    assert_eq!(l["overdue_amount"], "1000.00");
    // The penalty payment was made on the promise's first day: 5 of 300 paid, pending.
    assert_eq!(l["promises"][0]["paid"], "5.00");
    assert_eq!(l["promises"][0]["status"], "pending");
}

#[test]
fn settle_reminds_first_then_closes_the_loan_once() {
    let (_d, file) = setup();
    let out = ok(&run(
        &file,
        "en",
        &["settle", "a", "--amount", "600", "--ref", "SMS"],
    ));
    let remind = out.find("get the settlement in writing first").expect(&out);
    let recorded = out
        .find("Recorded a settlement: ¥600.00 paid on 2026-11-23")
        .expect(&out);
    assert!(remind < recorded, "{out}");
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        text.contains("due_date = 2026-11-01\nsettlement = { date = 2026-11-23, amount = 600, ref = \"SMS\" }\n"),
        "{text}"
    );
    let l = loan(&file);
    assert_eq!(l["status"], "settled");
    // 1,000 + 11.00 of penalty estimate on the day, 600 paid: 411.00 waived.
    assert_eq!(l["waived_amount"], "411.00");
    let before = std::fs::read_to_string(&file).expect("read");
    let err = refused(&run(&file, "zh", &["settle", "a", "--amount", "100"]));
    assert!(err.contains("已经记录了协商结清"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), before);
    // A settled loan takes no more payments.
    refused(&run(&file, "en", &["pay", "a", "100"]));
}

#[test]
fn bad_outcome_input_changes_nothing() {
    let (_d, file) = setup();
    for args in [
        // A promise due before it was made.
        &["promise", "a", "300", "--by", "2026-11-20"][..],
        // An agreement whose first payment comes before the day it was agreed.
        &[
            "agree",
            "a",
            "--from",
            "2026-11-01",
            "--months",
            "3",
            "--amount",
            "300",
        ][..],
        &[
            "agree",
            "a",
            "--from",
            "2026-12-01",
            "--months",
            "0",
            "--amount",
            "300",
        ][..],
        &[
            "agree",
            "a",
            "--from",
            "2026-12-01",
            "--months",
            "3",
            "--amount",
            "-5",
        ][..],
        // Dated after today.
        &["settle", "a", "--amount", "300", "--date", "2026-12-01"][..],
        &["pay", "a", "5", "--penalty", "--date", "2026-12-01"][..],
        &["promise", "nope", "300", "--by", "2026-11-30"][..],
    ] {
        let err = refused(&run(&file, "en", args));
        assert!(!err.is_empty(), "{args:?}");
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            FILE,
            "{args:?}"
        );
        assert!(!file.with_extension("toml.bak").exists(), "{args:?}");
    }
}
