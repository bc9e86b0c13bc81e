//! From negotiation to outcome (issue 20): agreements, promises to pay, penalty payments, a
//! settlement and the true rate against the reported lines, each on a fixture in
//! tests/fixtures/outcome/ with figures worked by hand in the comments.

mod common;

use serde_json::Value;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/outcome/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// `check --json` of a fixture on `today`, the loan with `id`.
fn loan(file: &str, today: &str, id: &str) -> Value {
    let f = fixture(file);
    let out = common::stdout_of(&["--file", &f, "--today", today, "check", "--json"]);
    let v: Value = serde_json::from_str(&out).expect("check --json is JSON");
    v["loans"]
        .as_array()
        .expect("loans")
        .iter()
        .find(|l| l["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {out}"))
        .clone()
}

#[test]
fn an_agreement_kept() {
    // 3 × 1,000 due Jul/Aug/Sep 15, July paid. Agreed on 2026-10-10: the 2,000 owed as 4 × 500
    // from 2026-11-01; 500 paid on 11-01. On 11-23: one of four paid, next 500 on 12-01, nothing
    // overdue. The penalty estimated the day before (10-09) stays: 1,000 × 0.05 % × 55 days
    // (Aug 15 → Oct 9) = 27.50 plus 1,000 × 0.05 % × 24 days (Sep 15 → Oct 9) = 12.00: 39.50.
    let l = loan("agreement.toml", "2026-11-23", "kept");
    assert_eq!(l["status"], "in_agreement");
    assert_eq!(l["days_overdue"], 0);
    assert_eq!(l["overdue_amount"], "0.00");
    assert_eq!(l["next_due_date"], "2026-12-01");
    assert_eq!(l["next_due_amount"], "500.00");
    assert_eq!(l["remaining_balance"], "1500.00");
    assert_eq!(l["penalty_estimate"], "39.50");
    assert_eq!(l["stage"], "none");
    let a = &l["agreement"];
    assert_eq!(a["status"], "kept");
    assert_eq!(a["paid_count"], 1);
    assert_eq!(a["months"], 4);
    assert_eq!(a["amount"], "500.00");
    assert_eq!(a["total"], "2000.00");
    assert_eq!(a["next_due_date"], "2026-12-01");
    assert_eq!(a["date"], "2026-10-10");
    assert_eq!(a["from"], "2026-11-01");
}

#[test]
fn an_agreement_broken_in_its_third_month() {
    // Paid 11-01 and 12-01, not 2027-01-01. On 2027-01-20 the loan is overdue again from the
    // missed installment: 19 days, 500 overdue; 星图金融's contact day 7 counts from 01-01 →
    // 2027-01-08, and day 14's frequent contact is reached. Penalty: 39.50 carried + 500 ×
    // 0.05 % × 19 = 4.75 → 44.25.
    let l = loan("agreement.toml", "2027-01-20", "broken");
    assert_eq!(l["status"], "overdue");
    assert_eq!(l["days_overdue"], 19);
    assert_eq!(l["overdue_amount"], "500.00");
    assert_eq!(l["emergency_contact_date"], "2027-01-08");
    assert_eq!(l["days_until_emergency_contact"], -12);
    assert_eq!(l["stage"], "frequent_contact");
    assert_eq!(l["penalty_estimate"], "44.25");
    assert_eq!(l["remaining_balance"], "1000.00");
    assert_eq!(l["agreement"]["status"], "broken");
    assert_eq!(l["agreement"]["paid_count"], 2);
    // The old arrears (August, 5 months late) are not what the stages count from.
    let text = common::stdout_of(&[
        "--file",
        &fixture("agreement.toml"),
        "--today",
        "2027-01-20",
        "--lang",
        "en",
        "check",
    ]);
    assert!(text.contains("agreement broken 19d"), "{text}");
    let zh = common::stdout_of(&[
        "--file",
        &fixture("agreement.toml"),
        "--today",
        "2027-01-20",
        "--lang",
        "zh",
        "check",
    ]);
    assert!(zh.contains("协议未履行19天"), "{zh}");
}

#[test]
fn an_agreement_done_pays_the_loan_off() {
    let l = loan("agreement.toml", "2027-02-10", "done");
    assert_eq!(l["status"], "paid_off");
    assert_eq!(l["remaining_balance"], "0.00");
    assert_eq!(l["penalty_estimate"], "0.00");
    assert_eq!(l["agreement"]["status"], "done");
    assert_eq!(l["agreement"]["paid_count"], 4);
    assert_eq!(l["emergency_contact_date"], Value::Null);
}

#[test]
fn payments_split_between_the_old_schedule_and_the_agreement() {
    // 400 paid on 08-20 (before the agreement) goes to the July bill: 2,600 owed on 09-01. The
    // agreement covers 2,000 of it, oldest first: July's 600, August's 1,000 and 400 of
    // December's; 600 of December's stays due on 12-15. From 09-01, 500 + 500 + 300 go to the
    // agreement first: installments 1 and 2 paid, 300 of the third (due 12-01) — none of it to
    // December's bill. Left: 2,000 − 1,300 = 700 on the agreement plus December's 600 = 1,300;
    // next due 200 on 12-01. Penalty carried from 08-31: 600 ×
    // 0.05 % × 47 days = 14.10 and 1,000 × 0.05 % × 16 days = 8.00: 22.10.
    let l = loan("split.toml", "2026-11-23", "split");
    assert_eq!(l["status"], "in_agreement");
    assert_eq!(l["remaining_balance"], "1300.00");
    assert_eq!(l["next_due_date"], "2026-12-01");
    assert_eq!(l["next_due_amount"], "200.00");
    assert_eq!(l["penalty_estimate"], "22.10");
    assert_eq!(l["agreement"]["paid_count"], 2);
    // schedule --json lists the agreement's installments beside the original ones.
    let out = common::stdout_of(&[
        "--file",
        &fixture("split.toml"),
        "--today",
        "2026-11-23",
        "schedule",
        "split",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).expect("schedule --json");
    let ai = v["agreement_installments"].as_array().expect("a list");
    assert_eq!(ai.len(), 4);
    assert_eq!(ai[2]["due_date"], "2026-12-01");
    assert_eq!(ai[2]["paid"], "300.00");
    assert_eq!(ai[2]["status"], "partial");
    assert_eq!(ai[0]["status"], "paid");
    assert_eq!(v["installments"].as_array().map(Vec::len), Some(3));
}

#[test]
fn promises_kept_broken_and_pending_around_their_day() {
    // 300 paid 11-08 keeps the promise of 300 by 11-10; 200 paid 11-14 falls short of 500 by
    // 11-15 (broken after the 15th); 200 by 11-25 is pending on the 23rd.
    let l = loan("promises.toml", "2026-11-23", "promised");
    let p = l["promises"].as_array().expect("promises");
    let statuses: Vec<&str> = p
        .iter()
        .map(|p| p["status"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(statuses, ["kept", "broken", "pending"]);
    assert_eq!(p[1]["paid"], "200.00");
    assert_eq!(p[2]["by"], "2026-11-25");
    // On its own day the second is still pending; the day after, broken.
    let on = loan("promises.toml", "2026-11-15", "promised");
    assert_eq!(on["promises"][1]["status"], "pending");
    let after = loan("promises.toml", "2026-11-16", "promised");
    assert_eq!(after["promises"][1]["status"], "broken");
    // Promises are payments as usual: 500 of 1,000 left overdue; 500 × 0.05 % × 22 = 5.50.
    assert_eq!(l["overdue_amount"], "500.00");
    assert_eq!(l["penalty_estimate"], "5.50");
}

#[test]
fn a_penalty_payment_reduces_the_penalty_not_an_installment() {
    // 1,000 due 11-01, 22 days late on 11-23: 1,000 × 0.05 % × 22 = 11.00, less 5 paid: 6.00.
    let l = loan("settle.toml", "2026-11-23", "penalty");
    assert_eq!(l["overdue_amount"], "1000.00");
    assert_eq!(l["penalty_estimate"], "6.00");
    // Before the penalty payment's date it is not counted.
    let before = loan("settle.toml", "2026-11-19", "penalty");
    assert_eq!(before["penalty_estimate"], "9.00");
}

#[test]
fn a_settlement_closes_the_loan_with_what_was_waived() {
    // 5,000 due 06-01, 1,000 paid 07-01. On 10-01: 4,000 left and 4,000 × 0.05 % × 122 days =
    // 244.00 of penalty estimate, 4,244.00 in all; settled for 2,000: 2,244.00 waived.
    let l = loan("settle.toml", "2026-11-23", "settled");
    assert_eq!(l["status"], "settled");
    assert_eq!(l["settled_amount"], "2000.00");
    assert_eq!(l["waived_amount"], "2244.00");
    assert_eq!(l["remaining_balance"], "0.00");
    assert_eq!(l["overdue_amount"], "0.00");
    assert_eq!(l["emergency_contact_date"], Value::Null);
    // The day before it was settled, it was overdue.
    let before = loan("settle.toml", "2026-09-30", "settled");
    assert_eq!(before["status"], "overdue");
    assert_eq!(before["settled_amount"], Value::Null);
}

#[test]
fn the_true_rate_against_the_reported_lines() {
    let apr = |id: &str| loan("apr.toml", "2026-03-20", id);
    assert_eq!(apr("below24")["apr"], "23.99");
    assert_eq!(apr("below24")["apr_line"], Value::Null);
    assert_eq!(apr("above24")["apr"], "24.01");
    assert_eq!(apr("above24")["apr_line"], "24");
    assert_eq!(apr("above36")["apr"], "36.01");
    assert_eq!(apr("above36")["apr_line"], "36");
    // 0.6 % a month on the original principal: 13.03 % a year by IRR.
    assert_eq!(apr("fee")["apr"], "13.03");
}
