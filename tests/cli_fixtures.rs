//! The CLI over the fixture files, the way `bottom` tests its configs: every valid file is read
//! and checked, every invalid one is refused with exit 2 and the positions its first line expects.
//! Every run passes `--today` and `--file` (or an empty HOME for the demo): nothing depends on the
//! machine's clock, HOME or REPAYDASH_FILE.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2026-11-23";

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

fn fixture(kind: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
        .join(name)
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml")
}

/// The binary with an environment that cannot leak the user's own file or locale into a test.
fn cmd() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin!("repaydash"));
    c.env_remove("REPAYDASH_FILE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

fn run(args: &[&str]) -> Output {
    cmd().args(args).output().expect("the binary runs")
}

fn run_file(file: &Path, args: &[&str]) -> Output {
    let mut c = cmd();
    c.arg("--file")
        .arg(file)
        .arg("--today")
        .arg(TODAY)
        .args(args);
    c.output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output, what: &str) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{what} panicked:\n{err}");
}

fn json(o: &Output, what: &str) -> Value {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{what}: exit {:?}\n{}",
        o.status.code(),
        stderr(o)
    );
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{what}: not JSON ({e}):\n{}", stdout(o)))
}

fn check_json(file: &Path) -> Value {
    json(
        &run_file(file, &["check", "--json"]),
        &file.display().to_string(),
    )
}

fn loan<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["loans"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["id"] == id))
        .unwrap_or_else(|| panic!("no loan {id} in {report}"))
}

/// Money in JSON is a string with exactly two decimals.
fn assert_money_strings(v: &Value, keys: &[&str], what: &str) {
    for k in keys {
        let s = v[k]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: {k} is not a string: {}", v[k]));
        let (int, frac) = s
            .split_once('.')
            .unwrap_or_else(|| panic!("{what}: {k} = {s:?} has no decimals"));
        assert!(
            frac.len() == 2
                && frac.chars().all(|c| c.is_ascii_digit())
                && !int.is_empty()
                && int
                    .trim_start_matches('-')
                    .chars()
                    .all(|c| c.is_ascii_digit()),
            "{what}: {k} = {s:?} is not money with two decimals"
        );
    }
}

const CHECK_MONEY: [&str; 3] = ["overdue_amount", "next_due_amount", "remaining_balance"];

#[test]
fn every_valid_fixture_validates_and_checks() {
    for file in fixtures("valid") {
        let what = file.display().to_string();
        let v = run_file(&file, &["validate"]);
        assert_no_panic(&v, &what);
        assert_eq!(v.status.code(), Some(0), "{what}:\n{}", stderr(&v));
        assert!(stdout(&v).contains(": ok,"), "{what}: {}", stdout(&v));

        let report = check_json(&file);
        assert_eq!(report["today"], TODAY, "{what}");
        let loans = report["loans"].as_array().expect("loans is an array");
        for l in loans {
            assert_money_strings(l, &CHECK_MONEY, &what);
            // The penalty is money, or null exactly when something is overdue and there is no
            // rate to estimate it from (nothing overdue costs 0.00 whatever the rate).
            if l["penalty_basis"] == "unknown" && l["status"] == "overdue" {
                assert_eq!(l["penalty_estimate"], Value::Null, "{what}: {l}");
            } else {
                assert_money_strings(l, &["penalty_estimate"], &what);
            }
            assert!(
                [
                    "overdue",
                    "due_soon",
                    "current",
                    "paid_off",
                    "in_agreement",
                    "settled"
                ]
                .contains(&l["status"].as_str().unwrap()),
                "{what}: {l}"
            );
            assert!(l["days_overdue"].as_i64().unwrap() >= 0, "{what}: {l}");
        }
        // Every loan also has a schedule.
        for l in loans {
            let id = l["id"].as_str().unwrap();
            let s = json(&run_file(&file, &["schedule", id, "--json"]), &what);
            for i in s["installments"].as_array().unwrap() {
                assert_money_strings(
                    i,
                    &["principal", "interest", "fee", "amount", "paid"],
                    &what,
                );
            }
        }
    }
}

#[test]
fn every_invalid_fixture_is_refused_at_its_positions() {
    for file in fixtures("invalid") {
        let what = file.display().to_string();
        let bytes = std::fs::read(&file).unwrap();
        let first =
            String::from_utf8_lossy(bytes.split(|&b| b == b'\n').next().unwrap()).into_owned();
        let expect = first
            .trim()
            .strip_prefix("# expect:")
            .unwrap_or_else(|| panic!("{what}: first line must be `# expect: LINE[:COL] ...`"));
        let positions: Vec<&str> = expect.split_whitespace().collect();
        assert!(!positions.is_empty(), "{what}: no position expected");

        for args in [&["validate"][..], &["check", "--json"], &["check"]] {
            let o = run_file(&file, args);
            assert_no_panic(&o, &what);
            assert_eq!(
                o.status.code(),
                Some(2),
                "{what} {args:?}: exit {:?}\n{}",
                o.status.code(),
                stderr(&o)
            );
            assert!(o.stdout.is_empty(), "{what}: printed {}", stdout(&o));
            let err = stderr(&o);
            for pos in &positions {
                let needle = format!("{}:{pos}:", file.display());
                assert!(
                    err.contains(&needle),
                    "{what} {args:?}: expected {needle:?} in stderr:\n{err}"
                );
            }
        }
    }
}

#[test]
fn three_problems_are_all_reported_in_order() {
    // The manual's validate example (docs/loans-file.md) runs on this file, so it lives in data/.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/three_problems.toml");
    let err = stderr(&run_file(&file, &["validate"]));
    let p = |pos: &str| {
        err.find(&format!("{}:{pos}:", file.display()))
            .unwrap_or_else(|| panic!("{pos} missing:\n{err}"))
    };
    assert!(p("5:8") < p("13:8") && p("13:8") < p("21:10"), "{err}");
}

#[test]
fn month_end_due_days_clamp() {
    let file = fixture("valid", "month_end_due_day.toml");
    let dates = ["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"];
    // 3000/4 = 750 + 1 % of the balance (equal_principal); pmt(0.008, 4, -2400) = 612.05 after
    // half-up rounding, and a Python decimal replay of the schedule gives 612.05 for the last too.
    for (id, amounts) in [
        ("start-jan-31", ["780.00", "772.50", "765.00", "757.50"]),
        ("due-day-31", ["612.05", "612.05", "612.05", "612.05"]),
    ] {
        let s = json(&run_file(&file, &["schedule", id, "--json"]), id);
        let inst = s["installments"].as_array().unwrap();
        let got: Vec<&str> = inst
            .iter()
            .map(|i| i["due_date"].as_str().unwrap())
            .collect();
        assert_eq!(got, dates, "{id}");
        let got: Vec<&str> = inst.iter().map(|i| i["amount"].as_str().unwrap()).collect();
        assert_eq!(got, amounts, "{id}");
    }
}

#[test]
fn daily_rate_and_decimal_string_principal() {
    let file = fixture("valid", "daily_rate_decimal_principal.toml");
    let s = json(&run_file(&file, &["schedule", "daily", "--json"]), "daily");
    // 0.05 % a day × 30 = 1.5 % a month: pmt(0.015, 12, -12000) = 1100.1597… → 1100.16
    assert_eq!(s["installments"][0]["amount"], "1100.16");
    assert_eq!(s["installments"][0]["interest"], "180.00");
    assert_eq!(s["installments"][11]["amount"], "1100.19");
    assert_eq!(s["apr"], "18.00");

    let s = json(
        &run_file(&file, &["schedule", "decimal-string", "--json"]),
        "decimal-string",
    );
    // 12000.50 × 0.015 = 180.0075 → 180.01 half-up; a float principal would lose the 0.0075.
    assert_eq!(s["principal"], "12000.50");
    assert_eq!(s["installments"][0]["interest"], "180.01");
    assert_eq!(s["installments"][0]["amount"], "1100.21");
    assert_eq!(s["installments"][11]["amount"], "1100.15");
}

#[test]
fn a_fixed_fee_loan_needs_no_rate_and_its_penalty_follows_its_apr() {
    // 12 × 268.00 from 2026-10-15; on 2026-11-23 #1 is 39 days late and #2 8 days. True APR
    // 13.03 % → 13.03 / 360 × 1.5 = 0.0542916… % a day; 268 × (39 + 8) × 0.000542916… = 6.8386
    // → 6.84.
    let file = fixture("valid", "fixed_fee_no_rate.toml");
    let r = check_json(&file);
    let l = loan(&r, "fee");
    assert_eq!(l["overdue_amount"], "536.00");
    assert_eq!(l["penalty_basis"], "apr_x15");
    assert_eq!(l["penalty_estimate"], "6.84");
    let s = json(&run_file(&file, &["schedule", "fee", "--json"]), "fee");
    assert_eq!(s["apr"], "13.03");
}

#[test]
fn bill_list_is_overdue_with_no_apr() {
    let file = fixture("valid", "bill_list.toml");
    let r = check_json(&file);
    let l = loan(&r, "bills");
    assert_eq!(l["status"], "overdue");
    assert_eq!(l["days_overdue"], 8);
    assert_eq!(l["overdue_amount"], "458.30");
    assert_eq!(l["remaining_balance"], "918.30");
    assert_eq!(l["next_due_date"], "2026-12-15");
    assert_eq!(l["next_due_amount"], "460.00");
    // No rate and no penalty_rate: no penalty can be estimated, and the JSON says why.
    assert_eq!(l["penalty_estimate"], Value::Null);
    assert_eq!(l["penalty_basis"], "unknown");
    // generic: emergency contact on day 8 after 2026-11-15.
    assert_eq!(l["emergency_contact_date"], "2026-11-23");
    assert_eq!(l["days_until_emergency_contact"], 0);

    let s = json(&run_file(&file, &["schedule", "bills", "--json"]), "bills");
    assert_eq!(s["apr"], Value::Null);
    assert_eq!(s["installments"][1]["amount"], "458.30");
    assert_eq!(s["installments"][1]["status"], "overdue");
    assert_eq!(s["installments"][2]["amount"], "460.00");
}

#[test]
fn aliases_resolve_to_their_platforms() {
    let r = check_json(&fixture("valid", "aliases_cjk_names.toml"));
    for (id, platform) in [
        ("a1", "ctrip"),
        ("a2", "alipay"),
        ("a3", "alipay"),
        ("a4", "xingtu"),
    ] {
        assert_eq!(loan(&r, id)["platform"], platform, "{id}");
    }
    assert_eq!(loan(&r, "a1")["name"], "携程借去花（装修）");
}

#[test]
fn unknown_platform_warns_with_its_position_and_goes_generic() {
    let file = fixture("valid", "unknown_platform.toml");
    let o = run_file(&file, &["--lang", "en", "check", "--json"]);
    let r = json(&o, "unknown_platform");
    assert_eq!(loan(&r, "unknown-1")["platform"], "generic");
    let err = stderr(&o);
    // Line 6 is `platform = "某某贷"`: the value starts at character 12.
    let needle = format!("warning: {}:6:12:", file.display());
    assert!(err.contains(&needle), "expected {needle:?} in:\n{err}");
    assert!(err.contains("某某贷"), "{err}");
    // validate prints the warning too, and still succeeds.
    let v = run_file(&file, &["validate"]);
    assert_eq!(v.status.code(), Some(0));
    assert!(stdout(&v).contains(":6:12:"), "{}", stdout(&v));
    // The Chinese interface says it in Chinese.
    let zh = run_file(&file, &["--lang", "zh", "check", "--json"]);
    let needle = format!("警告：{}:6:12: 未知平台", file.display());
    assert!(stderr(&zh).contains(&needle), "{}", stderr(&zh));
}

#[test]
fn bom_crlf_and_empty_files_are_fine() {
    let r = check_json(&fixture("valid", "utf8_bom.toml"));
    assert_eq!(loan(&r, "bom")["platform"], "ctrip");
    assert_eq!(loan(&r, "bom")["next_due_amount"], "500.00");

    let r = check_json(&fixture("valid", "crlf_line_endings.toml"));
    let l = loan(&r, "crlf");
    assert_eq!(l["name"], "记事本保存的文件");
    // 1200 over 3 months at 1 %: 412.00 paid, then 400 + 8.00 due 2026-12-05, 12 days away
    // (alert_days = 3 in the file, so current rather than due soon).
    assert_eq!(l["status"], "current");
    assert_eq!(l["next_due_date"], "2026-12-05");
    assert_eq!(l["next_due_amount"], "408.00");
    assert_eq!(l["remaining_balance"], "812.00");

    let r = check_json(&fixture("valid", "empty.toml"));
    assert_eq!(r["loans"], Value::Array(vec![]));
}

/// `check --json` on the demo file, today = the day it was written. The figures come from an
/// independent Python reference using decimal with ROUND_HALF_UP.
#[test]
fn sample_check_json_gives_the_reference_figures_in_urgency_order() {
    let r = check_json(&sample());
    let loans = r["loans"].as_array().unwrap();
    let ids: Vec<&str> = loans.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "xingtu-rxd",
            "ctrip-jqh",
            "jiebei-may",
            "huabei-phone",
            "jiebei-june",
            "fenqi-laptop",
            "nqh-ticket"
        ]
    );

    let l = loan(&r, "xingtu-rxd");
    assert_eq!(l["status"], "overdue");
    assert_eq!(l["days_overdue"], 33);
    assert_eq!(l["overdue_amount"], "2294.08");
    assert_eq!(l["stage"], "legal");
    assert_eq!(l["emergency_contact_date"], "2026-10-28");
    assert_eq!(l["days_until_emergency_contact"], -26);
    assert_eq!(l["remaining_balance"], "5088.15");
    // Penalty, by hand: daily 0.045 % × 1.5 = 0.0675 % a day on the whole unpaid amount.
    // Installment 3 (due 2026-10-21, 33 days late): 1397.04 − 500 paid = 897.04 unpaid:
    // 897.04 × 0.000675 × 33 = 19.981566.
    // Installment 4 (due 2026-11-21, 2 days late): 1397.04 × 0.000675 × 2 = 1.886004.
    // Sum 21.86757 → 21.87.
    assert_eq!(l["penalty_estimate"], "21.87");
    assert_eq!(l["penalty_basis"], "rate_x15");
    assert_eq!(l["stage_basis"], "article");

    let l = loan(&r, "ctrip-jqh");
    assert_eq!(l["status"], "overdue");
    assert_eq!(l["days_overdue"], 5);
    assert_eq!(l["overdue_amount"], "800.16");
    assert_eq!(l["stage"], "emergency_contact");
    assert_eq!(l["emergency_contact_date"], "2026-11-19");
    assert_eq!(l["days_until_emergency_contact"], -4);
    assert_eq!(l["next_due_date"], "2026-12-18");
    assert_eq!(l["next_due_amount"], "1100.16");
    assert_eq!(l["remaining_balance"], "5200.83");
    // 18 %/360 × 1.5 = 0.075 % a day × 800.16 × 5 days = 3.0006 → 3.00
    assert_eq!(l["penalty_estimate"], "3.00");

    let l = loan(&r, "jiebei-may");
    assert_eq!(l["status"], "overdue");
    assert_eq!(l["days_overdue"], 6);
    assert_eq!(l["overdue_amount"], "182.50");
    assert_eq!(l["stage"], "reminder");
    assert_eq!(l["emergency_contact_date"], "2026-12-02");
    assert_eq!(l["days_until_emergency_contact"], 9);
    assert_eq!(l["emergency_contact_date_typical"], "2027-02-15");
    assert_eq!(l["remaining_balance"], "21277.50");
    // interest_first: the overdue installment is all interest (182.50); the penalty runs on it all:
    // 10.95 % / 360 × 1.5 = 0.045625 % a day × 182.50 × 6 days = 0.4995… → 0.50.
    assert_eq!(l["penalty_estimate"], "0.50");

    let l = loan(&r, "huabei-phone");
    assert_eq!(l["status"], "due_soon");
    assert_eq!(l["next_due_date"], "2026-11-26");
    assert_eq!(l["next_due_amount"], "627.00");
    assert_eq!(l["days_until_due"], 3);
    assert_eq!(l["remaining_balance"], "2508.00");
    assert_eq!(l["stage"], "none");

    let l = loan(&r, "jiebei-june");
    assert_eq!(l["status"], "current");
    assert_eq!(l["next_due_date"], "2026-12-05");
    // emergency_contact_after_days = 10 beats alipay's 15: 2026-12-05 + 10.
    assert_eq!(l["emergency_contact_date"], "2026-12-15");
    assert_eq!(l["days_until_emergency_contact"], 22);
    assert_eq!(l["remaining_balance"], "3054.00");

    let l = loan(&r, "fenqi-laptop");
    assert_eq!(l["status"], "current");
    assert_eq!(l["next_due_date"], "2026-12-15");
    assert_eq!(l["next_due_amount"], "458.30");
    assert_eq!(l["remaining_balance"], "1374.90");

    let l = loan(&r, "nqh-ticket");
    assert_eq!(l["status"], "paid_off");
    assert_eq!(l["next_due_date"], Value::Null);
    assert_eq!(l["emergency_contact_date"], Value::Null);
    assert_eq!(l["days_until_emergency_contact"], Value::Null);
    assert_eq!(l["remaining_balance"], "0.00");

    for l in loans {
        assert_money_strings(l, &CHECK_MONEY, "sample");
        if l["status"] != "overdue" {
            assert_eq!(l["days_overdue"], 0);
            assert_eq!(l["overdue_amount"], "0.00");
        }
    }
}

#[test]
fn sample_schedule_aprs() {
    // numpy_financial.irr of each schedule × 12 (fixed_fee 0.75 % a month on the original
    // principal is far above its zero "rate").
    for (id, apr) in [
        ("ctrip-jqh", "18.00"),
        ("jiebei-may", "10.95"),
        ("xingtu-rxd", "16.20"),
        ("huabei-phone", "15.27"),
        ("nqh-ticket", "10.70"),
        ("jiebei-june", "14.40"),
    ] {
        let s = json(&run_file(&sample(), &["schedule", id, "--json"]), id);
        assert_eq!(s["apr"], apr, "{id}");
        assert_eq!(s["id"], id);
    }
    let s = json(
        &run_file(&sample(), &["schedule", "fenqi-laptop", "--json"]),
        "fenqi",
    );
    assert_eq!(s["apr"], Value::Null);
}

/// The embedded demo, shifted to any today, looks as the sample does on 2026-11-23.
#[test]
fn demo_is_shifted_to_today() {
    let home = tempfile::tempdir().unwrap();
    let o = cmd()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .args(["--today", "2031-05-01", "check", "--json"])
        .output()
        .unwrap();
    let demo = json(&o, "demo");
    assert_eq!(demo["today"], "2031-05-01");
    let reference = check_json(&sample());
    let fields = [
        "id",
        "status",
        "days_overdue",
        "days_until_due",
        "days_until_emergency_contact",
        "stage",
        "overdue_amount",
        "next_due_amount",
        "remaining_balance",
        "penalty_estimate",
    ];
    let pick = |r: &Value| -> Vec<Vec<Value>> {
        r["loans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| fields.iter().map(|f| l[*f].clone()).collect())
            .collect()
    };
    assert_eq!(pick(&demo), pick(&reference));
    // 2026-11-23 → 2031-05-01 is 1620 days: ctrip's installment due 2026-11-18 is now 2031-04-26.
    let l = loan(&demo, "ctrip-jqh");
    assert_eq!(l["emergency_contact_date"], "2031-04-27");
}

#[test]
fn penalty_rate_from_the_file_is_used_per_installment() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    std::fs::write(
        &file,
        "[[loan]]\nid = \"p\"\npenalty_rate = 0.05\n\
         [[loan.installments]]\ndue = 2026-11-03\namount = 1000\n\
         [[loan.installments]]\ndue = 2026-11-13\namount = 500\n\
         [[loan.payments]]\ndate = 2026-11-01\namount = 400\n",
    )
    .unwrap();
    let r = check_json(&file);
    let l = loan(&r, "p");
    // Installment 1: 600 unpaid × 0.0005 × 20 days = 6.00; installment 2: 500 × 0.0005 × 10 = 2.50.
    assert_eq!(l["penalty_estimate"], "8.50");
    assert_eq!(l["days_overdue"], 20);
    assert_eq!(l["overdue_amount"], "1100.00");
}

#[test]
fn missing_file_and_directory_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let o = run_file(&missing, &["--lang", "en", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert_no_panic(&o, "missing");
    let err = stderr(&o);
    assert!(
        err.contains("nope.toml") && err.contains("no such file"),
        "{err}"
    );
    let o = run_file(&missing, &["--lang", "zh", "check"]);
    assert!(
        stderr(&o).contains("nope.toml: 文件不存在"),
        "{}",
        stderr(&o)
    );

    let o = run_file(dir.path(), &["--lang", "en", "validate"]);
    assert_eq!(o.status.code(), Some(2));
    assert_no_panic(&o, "directory");
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
}

#[test]
fn unknown_schedule_id_lists_the_ids() {
    let o = run_file(&sample(), &["--lang", "en", "schedule", "nope", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("\"nope\""), "{err}");
    assert!(
        err.contains("ctrip-jqh") && err.contains("nqh-ticket") && err.contains("jiebei-june"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn malformed_today_is_refused() {
    // A date in the right form that does not exist is told so, not told the form.
    for (bad, en, zh) in [
        (
            "2026-13-01",
            "no such day (a year has 12 months)",
            "一年只有 12 个月",
        ),
        (
            "2026-02-30",
            "no such day (2026-02 has 28 days)",
            "2026 年 2 月只有 28 天",
        ),
        ("23/11/2026", "write YYYY-MM-DD", "请写成 YYYY-MM-DD"),
        ("tomorrow", "write YYYY-MM-DD", "请写成 YYYY-MM-DD"),
    ] {
        for (lang, want) in [("en", en), ("zh", zh)] {
            let o = run(&["--lang", lang, "--file", "x.toml", "--today", bad, "check"]);
            assert_eq!(o.status.code(), Some(2), "{bad}");
            assert_no_panic(&o, bad);
            assert!(stderr(&o).contains(want), "{bad}: {}", stderr(&o));
        }
    }
}

#[test]
fn init_writes_the_template_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sub/loans.toml");
    let o = run_file(&file, &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("loans.toml"));
    let written = std::fs::read_to_string(&file).unwrap();
    // The template as written on TODAY: its example drawn that day, `lang` left to the locale.
    let template = repaydash::store::add::template_on(TODAY.parse().unwrap());
    assert_eq!(written, template);
    let asset =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/template.toml"))
            .unwrap();
    assert_eq!(written.lines().count(), asset.lines().count());

    let again = run_file(&file, &["--lang", "en", "init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), template);

    let v = run_file(&file, &["validate"]);
    assert_eq!(v.status.code(), Some(0), "{}", stderr(&v));
    let c = run_file(&file, &["check", "--json"]);
    json(&c, "template");
}

#[test]
fn language_switch_changes_the_text_report() {
    let zh = stdout(&run_file(&sample(), &["--lang", "zh", "check"]));
    let en = stdout(&run_file(&sample(), &["--lang", "en", "check"]));
    assert!(zh.contains("今天 2026-11-23"), "{zh}");
    assert!(en.contains("Today 2026-11-23"), "{en}");
}

#[test]
fn a_misspelt_key_is_named_beside_the_error_it_causes() {
    // `anual_rate` leaves the loan without a rate: the error alone ("annual_rate is missing")
    // would send the user looking for a key they believe they wrote.
    let file = fixture("invalid", "misspelt_rate.toml");
    let path = file.display().to_string();
    for (lang, missing, hint) in [
        (
            "en",
            "4:1: `annual_rate` is missing",
            "9:1: warning: unknown key \"anual_rate\", ignored; did you mean annual_rate?",
        ),
        (
            "zh",
            "4:1: 缺少 `annual_rate`",
            "9:1: 警告：不认识的键“anual_rate”，已忽略；是不是想写 annual_rate？",
        ),
    ] {
        let o = run_file(&file, &["--lang", lang, "check"]);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        let at_missing = err.find(&format!("{path}:{missing}")).expect(&err);
        let at_hint = err.find(&format!("{path}:{hint}")).expect(&err);
        assert!(at_missing < at_hint, "file order:\n{err}");
    }
}
