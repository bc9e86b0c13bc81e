//! `repaydash plan` on hand-worked fixtures (tests/fixtures/plan/*.toml explain every figure), and
//! the cash-flow series against the engine's own unpaid amounts.

mod common;

use assert_cmd::Command;
use common::stdout_of;
use serde_json::Value;

const TODAY: &str = "2026-06-10";

fn plan(fixture: &str, args: &[&str]) -> Value {
    let file = format!("tests/fixtures/plan/{fixture}.toml");
    let mut all = vec![
        "--file", &file, "--today", TODAY, "--lang", "en", "plan", "--json",
    ];
    all.extend(args);
    serde_json::from_str(&stdout_of(&all)).expect("plan --json prints JSON")
}

/// (id, amount) pairs in plan order.
fn payments(v: &Value) -> Vec<(String, String)> {
    v["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["amount"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_small_amount_clears_the_loan_nearest_its_contact_day() {
    let v = plan("two_overdue", &["--cash", "300"]);
    assert_eq!(payments(&v), pairs(&[("near", "300.00")]));
    assert_eq!(v["cash"], "300.00");
    assert_eq!(v["strategy"], "urgency");
    assert_eq!(v["left"], "0.00");
    assert_eq!(ids(&v, "avoided"), vec!["near"]);
    // near's contact day 06-01 + 7 = 06-08 has passed; paid, its anchor is 08-01: 08-08. Dates
    // in the one style of the CLI and the dashboard (`crate::dates`).
    assert_eq!(
        v["payments"][0]["reason"],
        "contacts may be called already (since 8 Jun); once paid, not before 8 Aug"
    );
}

#[test]
fn plan_text_dates_read_as_everywhere_else() {
    for (lang, want) in [
        (
            "zh",
            "现在已可能联系紧急联系人（自 06-08 起）；还上后推迟到 08-08",
        ),
        (
            "en",
            "contacts may be called already (since 8 Jun); once paid, not before 8 Aug",
        ),
    ] {
        let out = stdout_of(&[
            "--file",
            "tests/fixtures/plan/two_overdue.toml",
            "--today",
            TODAY,
            "--lang",
            lang,
            "plan",
            "--cash",
            "300",
        ]);
        assert!(out.contains(want), "{out}");
    }
    // A date in another year carries its year. The demo on 2026-11-23 with 1,000: 借呗 (May) may
    // call contacts from 12-02 (its 11-17 installment + 15 days); paying 365.00 (11-17 and 12-17)
    // moves that to 12-17 + 15 = 2027-01-01.
    for (lang, want) in [
        (
            "zh",
            "原本 12-02 可能联系紧急联系人；还上后推迟到 2027-01-01",
        ),
        (
            "en",
            "contacts may be called from 2 Dec; once paid, not before 1 Jan 2027",
        ),
    ] {
        let out = stdout_of(&[
            "--file",
            "data/sample.toml",
            "--today",
            "2026-11-23",
            "--lang",
            lang,
            "plan",
            "--cash",
            "1000",
        ]);
        assert!(out.contains(want), "{out}");
    }
}

#[test]
fn what_does_not_fit_whole_is_not_proposed() {
    let v = plan("two_overdue", &["--cash", "250"]);
    assert_eq!(payments(&v), pairs(&[("far", "200.00")]));
    assert_eq!(v["left"], "50.00");
    let v = plan("partial_useless", &["--cash", "500"]);
    assert_eq!(payments(&v), vec![]);
    assert_eq!(v["left"], "500.00");
    assert_eq!(ids(&v, "avoided"), Vec::<String>::new());
    let v = plan("partial_useless", &["--cash", "800.16"]);
    assert_eq!(payments(&v), pairs(&[("only", "800.16")]));
    assert_eq!(v["left"], "0.00");
    assert_eq!(ids(&v, "avoided"), vec!["only"]);
}

#[test]
fn enough_cash_pays_all_and_reports_what_is_left() {
    let v = plan("two_overdue", &["--cash", "1000"]);
    assert_eq!(
        payments(&v),
        pairs(&[("near", "300.00"), ("far", "200.00")])
    );
    assert_eq!(v["left"], "500.00");
    // In check's order: near's contact day (06-08) comes first.
    assert_eq!(ids(&v, "avoided"), vec!["near", "far"]);
}

#[test]
fn avalanche_and_snowball_orders() {
    let v = plan("rates", &["--cash", "1000", "--strategy", "avalanche"]);
    assert_eq!(
        payments(&v),
        pairs(&[
            ("big-hi", "300.00"),
            ("mid", "200.00"),
            ("small-lo", "100.00")
        ])
    );
    assert_eq!(v["left"], "400.00");
    assert_eq!(v["strategy"], "avalanche");
    let v = plan("rates", &["--cash", "450", "--strategy", "avalanche"]);
    assert_eq!(
        payments(&v),
        pairs(&[("big-hi", "300.00"), ("small-lo", "100.00")])
    );
    assert_eq!(v["left"], "50.00");

    let v = plan("rates", &["--cash", "1000", "--strategy", "snowball"]);
    assert_eq!(
        payments(&v),
        pairs(&[
            ("small-lo", "100.00"),
            ("mid", "200.00"),
            ("big-hi", "300.00")
        ])
    );
    assert_eq!(v["left"], "400.00");
    let v = plan("rates", &["--cash", "450", "--strategy", "snowball"]);
    assert_eq!(
        payments(&v),
        pairs(&[("small-lo", "100.00"), ("mid", "200.00")])
    );
    assert_eq!(v["left"], "150.00");
}

#[test]
fn bad_cash_is_exit_2_with_a_message() {
    for bad in ["-5", "abc", "", "1e3", "12.3.4"] {
        let out = Command::cargo_bin("repaydash")
            .unwrap()
            .args(["--file", "tests/fixtures/plan/two_overdue.toml"])
            .args(["--today", TODAY, "plan", "--cash", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "cash {bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--cash"), "{err}");
    }
}

#[test]
fn the_sample_plan_in_both_languages() {
    // The sample (today 2026-11-23) with 1000. Step 0: ctrip (5 days late, contacts may be called
    // since 11-19) may be credit-reported from ≈12-19 (generic estimate: its 11-18 installment +
    // 31), within the 30 days: its 800.16 installment comes first (it does not keep ctrip out of
    // the contact stage: the next bill of 12-18 is within 30 days). Step 1, overdue installments
    // only: jiebei-may is saved with 182.50 (its 11-17 installment; contacts then not before
    // 12-17 + 15 = 2027-01-01). 17.34 is left and xingtu's 897.04 overdue installment does not
    // fit, so nothing goes to a bill not yet due (huabei-phone's 11-26 bill stays): the 17.34 is
    // kept for xingtu.
    for lang in ["zh", "en"] {
        let out = Command::cargo_bin("repaydash")
            .unwrap()
            .args([
                "--file",
                "data/sample.toml",
                "--today",
                "2026-11-23",
                "--lang",
                lang,
            ])
            .args(["plan", "--cash", "1000", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            payments(&v),
            pairs(&[("ctrip-jqh", "800.16"), ("jiebei-may", "182.50")])
        );
        assert_eq!(v["left"], "17.34");
        assert_eq!(v["kept_for"], "xingtu-rxd");
        assert_eq!(ids(&v, "avoided"), vec!["jiebei-may"]);
    }
}

mod cashflow {
    use chrono::{Duration, NaiveDate};
    use repaydash::engine::cashflow::weekly;
    use repaydash::engine::{InstallmentStatus, LoanView};
    use repaydash::knowledge::Policies;
    use repaydash::store;
    use repaydash::store::builtin_policies;
    use rust_decimal::Decimal;

    #[test]
    fn the_series_sums_equal_the_engines_unpaid_amounts_in_the_window() {
        let builtin = builtin_policies().unwrap();
        let loaded = store::parse(store::DEMO, "demo", &builtin).unwrap();
        let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let views: Vec<LoanView> = loaded
            .portfolio
            .loans
            .iter()
            .map(|l| LoanView::compute(l, policies.get(&l.platform), today, 7))
            .collect();
        let b = weekly(&views, today, 12);
        assert_eq!(b.len(), 13);
        let last = today + Duration::days(83);
        let expected: Decimal = views
            .iter()
            .flat_map(|v| v.ledger.installments.iter())
            .filter(|s| s.status == InstallmentStatus::Overdue || s.inst.due_date <= last)
            .map(|s| s.unpaid())
            .sum();
        let total: Decimal = b.iter().map(|x| x.amount).sum();
        assert_eq!(total, expected);
        // The first bucket is what check calls overdue: 800.16 + 182.50 + 2294.08.
        let overdue: Decimal = views.iter().map(|v| v.ledger.overdue_amount).sum();
        assert_eq!(b[0].amount, overdue);
        assert_eq!(b[0].amount.to_string(), "3276.74");
        // Week 1 (11-23..11-29) holds huabei-phone's 627.00 bill of 11-26 only.
        assert_eq!(b[1].amount.to_string(), "627.00");
        // jiebei-may's contact day (11-17 + 15 = 12-02) is day 9: week 2 (11-30..12-06).
        assert!(b[2].milestones.iter().any(|m| m.loan_id == "jiebei-may"
            && m.date == NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()));
    }
}

/// The contact date after a payment, the slow way: add the payment to a copy of the loan and
/// recompute everything.
fn recomputed(
    v: &repaydash::engine::LoanView,
    extra: rust_decimal::Decimal,
    today: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    let mut clone = v.loan.clone();
    if extra > rust_decimal::Decimal::ZERO {
        clone.payments.push(repaydash::model::Payment {
            date: today,
            amount: extra,
        });
    }
    repaydash::engine::LoanView::compute(&clone, v.policy, today, 7)
        .escalation
        .emergency_contact_date
}

// The shortcut the plan uses (engine::plan::contact_date_after) agrees with a full recomputation
// for every loan of the demo and of the fixtures with bill lists, extensions, partial and early
// payments, on days before, during and after their bills, for no payment, a cent, each whole
// unpaid installment in turn, a cent short of it, and more than everything owed.
#[test]
fn contact_date_after_a_payment_agrees_with_recomputing() {
    use chrono::NaiveDate;
    use repaydash::engine::plan::contact_date_after;
    use repaydash::engine::{InstallmentStatus, LoanView};
    use rust_decimal::Decimal;

    let builtin = repaydash::store::builtin_policies().unwrap();
    let files = [
        "data/sample.toml",
        "tests/fixtures/valid/all_methods.toml",
        "tests/fixtures/valid/bill_list.toml",
        "tests/fixtures/valid/extensions.toml",
        "tests/fixtures/valid/partial_and_prepayment.toml",
        "tests/fixtures/valid/month_end_due_day.toml",
        "tests/fixtures/plan/two_overdue.toml",
    ];
    let cent = Decimal::new(1, 2);
    let mut checked = 0;
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        let loaded = repaydash::store::parse(&text, file, &builtin).unwrap();
        let policies = repaydash::knowledge::Policies::new(&builtin, &loaded.portfolio.platforms);
        for today in ["2026-01-15", "2026-11-23", "2027-06-30"] {
            let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
            for loan in &loaded.portfolio.loans {
                let v = LoanView::compute(loan, policies.get(&loan.platform), today, 7);
                let mut extras = vec![Decimal::ZERO, cent, Decimal::from(1_000_000)];
                let mut sum = Decimal::ZERO;
                for s in &v.ledger.installments {
                    if s.status != InstallmentStatus::Paid && s.unpaid() > Decimal::ZERO {
                        sum += s.unpaid();
                        extras.extend([sum - cent, sum]);
                    }
                }
                for extra in extras {
                    assert_eq!(
                        contact_date_after(&v, extra, today),
                        recomputed(&v, extra, today),
                        "{file}: {} on {today}, paying {extra}",
                        loan.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 300, "{checked}");
}

/// A payment that clears overdue bills but leaves the new contact day on or before today pushes
/// nothing: the reason says contacts may still be called, never "pushed to" a past day. Once the
/// new day is after today it is told as the day contacts are not called before
/// (tests/fixtures/plan/remnant.toml works the figures).
#[test]
fn clearing_a_remnant_does_not_claim_a_push_into_the_past() {
    let v = plan("remnant", &["--cash", "50"]);
    assert_eq!(payments(&v), pairs(&[("rem", "0.29")]));
    assert_eq!(v["left"], "49.71");
    assert_eq!(ids(&v, "still_threatened"), vec!["rem"]);
    let v = plan("remnant", &["--cash", "200.29"]);
    assert_eq!(payments(&v), pairs(&[("rem", "200.29")]));
    assert_eq!(v["left"], "0.00");
    for (lang, cash, want, never) in [
        ("zh", "50", "；仍可能联系紧急联系人（自 05-08 起）", "推到"),
        (
            "en",
            "50",
            "clears the oldest overdue installment: stops ",
            "oldest 1 ",
        ),
        (
            "en",
            "50",
            "; contacts may still be called (since 8 May)",
            "not before",
        ),
        ("zh", "200.29", "，联系紧急联系人的日子推到 07-08", "仍可能"),
        ("en", "200.29", "; contacts not before 8 Jul", "still"),
    ] {
        let out = stdout_of(&[
            "--file",
            "tests/fixtures/plan/remnant.toml",
            "--today",
            TODAY,
            "--lang",
            lang,
            "plan",
            "--cash",
            cash,
        ]);
        let line = out
            .lines()
            .find(|l| l.starts_with("1 "))
            .expect("one plan line");
        assert!(line.contains(want), "{lang} {cash}: {line}");
        assert!(!line.contains(never), "{lang} {cash}: {line}");
    }
}

#[test]
fn nothing_due_within_the_horizon_names_the_next_bill() {
    // One bullet loan drawn 2026-11-01 for 3 months: its only bill, 1,000 + 1,000 × 1% × 3 =
    // 1,030.00, falls on 2027-02-01, beyond the plan's 30 days from 2026-11-24. The cash is
    // not too small: there is nothing to pay yet, and the plan says so.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(
        &file,
        "[[loan]]\nid = \"later\"\nname = \"年货分期\"\nplatform = \"generic\"\nprincipal = 1000\n\
         annual_rate = 12\nmethod = \"bullet\"\nterm = 3\nstart_date = 2026-11-01\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let text = |lang| {
        stdout_of(&[
            "--file",
            f,
            "--today",
            "2026-11-24",
            "--lang",
            lang,
            "plan",
            "--cash",
            "5000",
        ])
    };
    let en = text("en");
    assert!(
        en.contains(
            "No payment proposed: nothing falls due in the next 30 days; the next bill is 年货分期, ¥1,030.00 on 1 Feb 2027."
        ),
        "{en}"
    );
    assert!(!en.contains("clears no whole installment"), "{en}");
    let zh = text("zh");
    assert!(
        zh.contains("没有建议的还款：未来 30 天内没有到期的款项；下一笔是 年货分期 2027-02-01 到期的 ¥1,030.00。"),
        "{zh}"
    );
    // A bill inside the 30 days that the cash cannot clear whole keeps the old reason.
    let short = stdout_of(&[
        "--file",
        f,
        "--today",
        "2027-01-20",
        "--lang",
        "en",
        "plan",
        "--cash",
        "100",
    ]);
    assert!(
        short.contains("the cash clears no whole installment"),
        "{short}"
    );
}
