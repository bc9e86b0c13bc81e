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

/// `advice ID --json` of a fixture on `today`: the panels' topics and every item's text.
fn advice(file: &str, today: &str, id: &str, lang: &str) -> (Vec<String>, Vec<Value>) {
    let f = fixture(file);
    let out = common::stdout_of(&[
        "--file", &f, "--today", today, "--lang", lang, "advice", id, "--json",
    ]);
    let v: Value = serde_json::from_str(&out).expect("advice --json is JSON");
    let panels = v["panels"].as_array().expect("panels").clone();
    let topics = panels
        .iter()
        .map(|p| p["topic"].as_str().unwrap_or("").to_string())
        .collect();
    (topics, panels)
}

fn texts(panels: &[Value]) -> String {
    panels
        .iter()
        .flat_map(|p| p["items"].as_array().cloned().unwrap_or_default())
        .map(|i| i["text"].as_str().unwrap_or("").to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn advice_for_a_kept_agreement_is_to_keep_it_not_to_negotiate() {
    let (topics, panels) = advice("agreement.toml", "2026-11-23", "kept", "en");
    assert_eq!(topics[0], "agreement");
    assert!(!topics.contains(&"negotiation".to_string()), "{topics:?}");
    let all = texts(&panels);
    assert!(all.contains("a few days before it is due"), "{all}");
    assert!(all.contains("before its due date, not after"), "{all}");
    // Art. 70 told as the rule for bank cards only.
    assert!(all.contains("bank credit cards only"), "{all}");
    assert!(
        !all.contains("talk with you about my overdue payment"),
        "{all}"
    );
    // Its ref is noted: no warning. The split fixture's agreement has none.
    assert!(!all.contains("No record of this agreement"), "{all}");
    let (_, split) = advice("split.toml", "2026-11-23", "split", "zh");
    assert!(texts(&split).contains("这份协议还没有记下凭据"));
    // Broken, the call script is back and the agreement topic gone.
    let (topics, panels) = advice("agreement.toml", "2027-01-20", "broken", "en");
    assert!(!topics.contains(&"agreement".to_string()), "{topics:?}");
    assert!(texts(&panels).contains("talk with you about my overdue payment"));
}

#[test]
fn the_closing_checklist_cites_each_item() {
    for (file, today, id) in [
        ("settle.toml", "2026-11-23", "settled"),
        ("agreement.toml", "2027-02-10", "done"),
    ] {
        let (topics, panels) = advice(file, today, id, "zh");
        assert_eq!(topics[0], "closing", "{id}");
        let items = panels[0]["items"].as_array().expect("items");
        let find = |needle: &str| {
            items
                .iter()
                .find(|i| i["text"].as_str().unwrap_or("").contains(needle))
                .unwrap_or_else(|| panic!("{id}: {needle} in {items:?}"))
        };
        assert!(find("结清证明")["sources"].as_array().is_some());
        assert_eq!(find("免费查询两次")["sources"][0], "征信业管理条例 第17条");
        assert_eq!(find("保存 5 年")["sources"][0], "征信业管理条例 第16条");
        let dispute = find("20 天内答复");
        assert_eq!(dispute["sources"][0], "征信业管理条例 第25条");
        assert!(dispute["text"].as_str().unwrap_or("").contains("12363"));
        // Said of a settlement for less only.
        let differently = items.iter().any(|i| {
            i["text"]
                .as_str()
                .unwrap_or("")
                .contains("协商结清（少还一部分）")
        });
        assert_eq!(differently, id == "settled", "{id}");
    }
}

#[test]
fn advice_tells_the_true_rate_against_the_reported_lines_never_as_illegal() {
    let rate_item = |id: &str, lang: &str| {
        let (_, panels) = advice("apr.toml", "2026-03-20", id, lang);
        panels
            .iter()
            .flat_map(|p| p["items"].as_array().cloned().unwrap_or_default())
            .find(|i| {
                let t = i["text"].as_str().unwrap_or("");
                t.contains("IRR") || t.contains("内部收益率")
            })
    };
    assert!(rate_item("below24", "en").is_none());
    let above24 = rate_item("above24", "en").expect("a rate item above 24 %");
    let t = above24["text"].as_str().unwrap_or("");
    assert!(
        t.contains("about 24.01 %") && t.contains("24 % line"),
        "{t}"
    );
    assert!(t.contains("12378"), "{t}");
    assert_eq!(
        above24["sources"][1],
        "消费金融公司新发放贷款年化利率不超过 24% 的报道（新闻报道，2025）"
    );
    let above36 = rate_item("above36", "zh").expect("a rate item above 36 %");
    let t = above36["text"].as_str().unwrap_or("");
    assert!(t.contains("约 36.01%") && t.contains("36%"), "{t}");
    for lang in ["zh", "en"] {
        for id in ["above24", "above36"] {
            let t = rate_item(id, lang).expect("an item")["text"].to_string();
            assert!(!t.contains("illegal") && !t.contains("违法"), "{t}");
        }
    }
}

fn letter(file: &str, today: &str, id: &str, lang: &str, kind: &str) -> String {
    common::stdout_of(&[
        "--file",
        &fixture(file),
        "--today",
        today,
        "--lang",
        lang,
        "letter",
        id,
        "--kind",
        kind,
    ])
}

/// No phone number of anyone: neither the contact's nor a masked one.
fn no_phone(text: &str) {
    assert!(
        !text.contains("13800000000") && !text.contains("138****"),
        "{text}"
    );
    let digits_run = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(digits_run < 7, "a long number in:\n{text}");
}

#[test]
fn the_settlement_proof_letter_in_both_languages() {
    let zh = letter(
        "settle.toml",
        "2026-11-23",
        "settled",
        "zh",
        "settlement-proof",
    );
    assert!(zh.starts_with("结清证明申请"), "{zh}");
    assert!(
        zh.contains(
            "协商结清：2026-10-01 支付 ¥2,000.00 结清，减免 ¥2,244.00，凭据：短信 2026-10-01。"
        ),
        "{zh}"
    );
    assert!(zh.contains("这笔借款已于 2026-10-01 结清。"), "{zh}");
    assert!(zh.contains("已还款 1 笔，合计 ¥1,000.00。"), "{zh}");
    no_phone(&zh);
    let en = letter(
        "settle.toml",
        "2026-11-23",
        "settled",
        "en",
        "settlement-proof",
    );
    assert!(en.starts_with("Request for a proof of settlement"), "{en}");
    assert!(en.contains("Settlement: ¥2,000.00 paid on 2026-10-01 to settle, ¥2,244.00 waived; record: 短信 2026-10-01."), "{en}");
    assert!(en.contains("The loan was cleared on 2026-10-01."), "{en}");
    no_phone(&en);
}

#[test]
fn the_dispute_letter_in_both_languages() {
    // The agreement done: cleared by its last payment on 2027-02-01; 1,000 + 4 × 500 paid.
    let en = letter("agreement.toml", "2027-02-10", "done", "en", "dispute");
    assert!(en.starts_with("Credit report dispute"), "{en}");
    assert!(en.contains("Paid: ¥3,000.00 in 5 payments."), "{en}");
    assert!(en.contains("Repayment agreement: agreed on 2026-10-10, 4 payments of ¥500.00; record: 客服工号 8831."), "{en}");
    assert!(en.contains("The loan was cleared on 2027-02-01."), "{en}");
    assert!(en.contains("within 20 days"), "{en}");
    no_phone(&en);
    let zh = letter("settle.toml", "2026-11-23", "settled", "zh", "dispute");
    assert!(zh.starts_with("征信异议申请"), "{zh}");
    assert!(zh.contains("第25条") && zh.contains("20 日内"), "{zh}");
    no_phone(&zh);
}

#[test]
fn no_new_plan_is_drafted_while_an_agreement_is_kept() {
    let en = letter("agreement.toml", "2026-11-23", "kept", "en", "negotiation");
    assert!(en.contains("no new plan is proposed"), "{en}");
    assert!(!en.contains("What I propose"), "{en}");
    // Broken, the negotiation letter is drafted again.
    let broken = letter(
        "agreement.toml",
        "2027-01-20",
        "broken",
        "en",
        "negotiation",
    );
    assert!(broken.contains("What I propose"), "{broken}");
}

/// UID → (start, summary, alarm trigger), parsed back with icalendar's own parser.
fn ics_events(
    file: &str,
    today: &str,
    lang: &str,
) -> Vec<(String, String, String, Option<String>)> {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let text = common::stdout_of(&[
        "--file",
        &fixture(file),
        "--today",
        today,
        "--lang",
        lang,
        "export",
        "ics",
    ]);
    let cal: Calendar = text.parse().expect("the export parses as iCalendar");
    let mut out = vec![];
    for c in &cal.components {
        let CalendarComponent::Event(e) = c else {
            continue;
        };
        let start = match e.get_start() {
            Some(DatePerhapsTime::Date(d)) => d.to_string(),
            other => panic!("all-day events only, got {other:?}"),
        };
        let trigger = e
            .components()
            .iter()
            .find(|c| c.component_kind() == "VALARM")
            .and_then(|a| a.property_value("TRIGGER").map(str::to_string));
        out.push((
            e.get_uid().unwrap_or_default().to_string(),
            start,
            e.get_summary().unwrap_or_default().to_string(),
            trigger,
        ));
    }
    let mut uids: Vec<&String> = out.iter().map(|e| &e.0).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), out.len(), "UIDs are unique");
    out
}

#[test]
fn the_calendar_has_agreement_installments_and_pending_promises() {
    // Kept on 11-23: the agreement's 2nd to 4th payments (12-01, 2027-01-01, 02-01), each with
    // the alarm at 09:00 the day before; none of the old schedule's installments.
    let ev = ics_events("agreement.toml", "2026-11-23", "en");
    let kept: Vec<_> = ev
        .iter()
        .filter(|e| e.0.starts_with("repaydash-kept-"))
        .collect();
    let dates: Vec<&str> = kept.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(dates, ["2026-12-01", "2027-01-01", "2027-02-01"]);
    assert_eq!(kept[0].0, "repaydash-kept-agreement-2@repaydash");
    assert_eq!(kept[0].2, "Agreement payment: Xingtu Finance #2: ¥500.00");
    assert_eq!(kept[0].3.as_deref(), Some("-PT15H"));
    // The promise of 200 by 11-25, pending on 11-20, on its day with an alarm the day before;
    // the kept and the broken ones have no event.
    let ev = ics_events("promises.toml", "2026-11-20", "zh");
    let promised: Vec<_> = ev.iter().filter(|e| e.0.contains("-promise-")).collect();
    assert_eq!(promised.len(), 1, "{promised:?}");
    assert_eq!(promised[0].0, "repaydash-promised-promise-3@repaydash");
    assert_eq!(promised[0].1, "2026-11-25");
    assert_eq!(promised[0].2, "承诺还款：星图金融 ¥200.00");
    assert_eq!(promised[0].3.as_deref(), Some("-PT15H"));
    // A settled loan has nothing left in the calendar.
    let ev = ics_events("settle.toml", "2026-11-23", "en");
    assert!(
        ev.iter().all(|e| !e.0.starts_with("repaydash-settled-")),
        "{ev:?}"
    );
}

#[test]
fn status_names_a_pending_promise_from_two_days_before() {
    let status = |today: &str, lang: &str| {
        common::stdout_of(&[
            "--file",
            &fixture("promises.toml"),
            "--today",
            today,
            "--lang",
            lang,
            "status",
        ])
    };
    assert!(!status("2026-11-22", "zh").contains("承诺"));
    assert!(status("2026-11-23", "zh").contains("承诺：星图金融 11-25 前还 ¥200.00"));
    assert!(status("2026-11-25", "en").contains("promised: ¥200.00 to Xingtu"));
    // Broken the day after: no longer pending.
    assert!(!status("2026-11-26", "en").contains("promised"));
}

#[test]
fn the_plan_sets_aside_what_was_promised() {
    // The pending promise asks 200 more by 11-25: of 600 in cash, 200 is set aside; the rest
    // (400) clears no whole installment (500 overdue), so nothing more is proposed.
    let out = common::stdout_of(&[
        "--file",
        &fixture("promises.toml"),
        "--today",
        "2026-11-23",
        "plan",
        "--cash",
        "600",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).expect("plan --json");
    assert_eq!(v["committed"], "200.00");
    assert_eq!(v["left"], "400.00");
    assert_eq!(v["cash"], "600.00");
    // With 900 the 700 left clears the 500 overdue.
    let out = common::stdout_of(&[
        "--file",
        &fixture("promises.toml"),
        "--today",
        "2026-11-23",
        "--lang",
        "en",
        "plan",
        "--cash",
        "900",
    ]);
    assert!(
        out.contains("¥200.00 is set aside for the promises you made"),
        "{out}"
    );
    assert!(out.contains("Left ¥200.00"), "{out}");
}

#[test]
fn the_complaint_keeps_promises_and_agreements_as_evidence() {
    let run = |lang: &str, file: &str, id: &str, from: &str, today: &str| {
        common::stdout_of(&[
            "--file",
            &fixture(file),
            "--today",
            today,
            "--lang",
            lang,
            "complaint",
            id,
            "--from",
            from,
        ])
    };
    let en = run(
        "en",
        "promises.toml",
        "promised",
        "2026-11-01",
        "2026-11-23",
    );
    assert!(en.contains("Agreements and promises"), "{en}");
    assert!(
        en.contains("2026-11-12 promised ¥500.00 by 2026-11-15, ¥200.00 paid (broken)"),
        "{en}"
    );
    let zh = run(
        "zh",
        "promises.toml",
        "promised",
        "2026-11-01",
        "2026-11-23",
    );
    assert!(
        zh.contains("2026-11-12 承诺 2026-11-15 前还 ¥500.00，已还 ¥200.00（未兑现）"),
        "{zh}"
    );
    assert!(
        zh.contains("2026-11-05 承诺（对 95xxx） 2026-11-10 前还 ¥300.00，已还 ¥300.00（已兑现）"),
        "{zh}"
    );
    let zh = run("zh", "agreement.toml", "broken", "2026-10-01", "2027-01-20");
    assert!(
        zh.contains("2026-10-10 达成还款协议：4 期，每期 ¥500.00，凭据：客服工号 8831（未履行）"),
        "{zh}"
    );
}

#[test]
fn the_true_rate_is_shown_beside_the_typed_one_when_they_differ() {
    use repaydash::i18n::Lang;
    use repaydash::present::outcome::typed_rate_words;
    use rust_decimal::Decimal;
    let text = std::fs::read_to_string(fixture("apr.toml")).expect("fixture");
    let builtin = repaydash::store::builtin_policies().expect("policies");
    let parsed = repaydash::store::schema::parse_portfolio(&text, &builtin).expect("valid");
    let loan = |id: &str| parsed.portfolio.loan(id).expect("a loan").clone();
    // 0.6 % a month on the original principal: 13.03 % a year by IRR.
    let fee = loan("fee");
    assert_eq!(
        typed_rate_words(Lang::En, &fee, Decimal::new(1303, 2)).as_deref(),
        Some(" (fee 0.6% a month)")
    );
    assert_eq!(
        typed_rate_words(Lang::Zh, &fee, Decimal::new(1303, 2)).as_deref(),
        Some("（手续费 每月 0.6%）")
    );
    // An equal-installment loan's IRR is its typed rate: nothing to add.
    assert_eq!(
        typed_rate_words(Lang::En, &loan("above24"), Decimal::new(2401, 2)),
        None
    );
}

#[test]
fn check_lists_promises_not_kept_and_settlements_under_its_table() {
    let zh = common::stdout_of(&[
        "--file",
        &fixture("promises.toml"),
        "--today",
        "2026-11-23",
        "--lang",
        "zh",
        "check",
    ]);
    assert!(
        zh.contains("星图金融：✗ 11-15 前 ¥500.00 未兑现（已还 ¥200.00）"),
        "{zh}"
    );
    assert!(
        zh.contains("星图金融：◆ 11-25 前还 ¥200.00（已还 ¥0.00）"),
        "{zh}"
    );
    // The kept one is not listed.
    assert!(!zh.contains("11-10 前"), "{zh}");
    let en = common::stdout_of(&[
        "--file",
        &fixture("settle.toml"),
        "--today",
        "2026-11-23",
        "--lang",
        "en",
        "check",
    ]);
    assert!(
        en.contains("¥2,000.00 paid on 1 Oct · ¥2,244.00 waived"),
        "{en}"
    );
}

#[test]
fn fail_on_due_soon_sees_the_next_agreement_payment() {
    let code = |today: &str| {
        assert_cmd::Command::cargo_bin("repaydash")
            .expect("the binary")
            .args(["--file", &fixture("agreement.toml"), "--today", today])
            .args(["check", "--fail-on", "due_soon"])
            .output()
            .expect("runs")
            .status
            .code()
    };
    // The kept agreement's next payment is on 12-01: 5 days away on 11-26 (alert_days 7).
    assert_eq!(code("2026-11-26"), Some(1));
    assert_eq!(code("2026-11-10"), Some(0));
}

/// Money paid to settle keeps a promise it covers: a promise of ¥200 by 12-05 made on 12-01, and a
/// settlement paying ¥400 on 12-03, leave no pending promise in the header or `check`.
#[test]
fn a_settlement_keeps_the_promise_it_covers() {
    let file = r#"
[[loan]]
id = "hb"
platform = "alipay"
amount_due = 458.30
due_date = 2026-12-09
settlement = { date = 2026-12-03, amount = 400 }

[[loan.promises]]
date = 2026-12-01
by = 2026-12-05
amount = 200
"#;
    let promise = |today: &str| {
        let out = common::stdout_on(file, today, "en", &["check", "--json"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        v["loans"][0]["promises"][0].clone()
    };
    let before = promise("2026-12-02");
    assert_eq!(before["status"], "pending");
    assert_eq!(before["paid"], "0.00");
    let after = promise("2026-12-03");
    assert_eq!(after["status"], "kept");
    assert_eq!(after["paid"], "400.00");
    let status = common::stdout_on(file, "2026-12-03", "en", &["status"]);
    assert!(!status.contains("promised"), "{status}");
}
