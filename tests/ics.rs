//! `repaydash export ics`, parsed back with icalendar's own parser.

mod common;

use std::collections::BTreeMap;

use common::stdout_of;

use chrono::NaiveDate;
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

fn export(today: &str, lang: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "--file",
        "data/sample.toml",
        "--today",
        today,
        "--lang",
        lang,
    ];
    args.extend(["export", "ics"]);
    args.extend(extra);
    stdout_of(&args)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// UID → (start date, end date, summary, alarm trigger)
fn events(text: &str) -> BTreeMap<String, (NaiveDate, NaiveDate, String, Option<String>)> {
    let cal: Calendar = text.parse().expect("the export parses as iCalendar");
    let mut out = BTreeMap::new();
    for c in &cal.components {
        let CalendarComponent::Event(e) = c else {
            continue;
        };
        let date = |p: Option<DatePerhapsTime>| match p {
            Some(DatePerhapsTime::Date(d)) => d,
            other => panic!("all-day events only, got {other:?}"),
        };
        let alarms: Vec<_> = e
            .components()
            .iter()
            .filter(|c| c.component_kind() == "VALARM")
            .collect();
        assert!(alarms.len() <= 1);
        let trigger = alarms
            .first()
            .and_then(|a| a.property_value("TRIGGER").map(str::to_string));
        let uid = e.get_uid().unwrap().to_string();
        let prev = out.insert(
            uid.clone(),
            (
                date(e.get_start()),
                date(e.get_end()),
                e.get_summary().unwrap().to_string(),
                trigger,
            ),
        );
        assert!(prev.is_none(), "duplicate UID {uid}");
    }
    out
}

#[test]
fn every_unpaid_installment_and_upcoming_milestone_in_90_days() {
    // The sample on 2026-11-23, horizon 2027-02-21. Expected, worked from data/sample.toml:
    let expected: &[(&str, &str, Option<&str>)] = &[
        // ctrip-jqh: #8 overdue since 11-18 (no alarm), #9..#11 monthly on the 18th.
        ("repaydash-ctrip-jqh-due-8@repaydash", "2026-11-18", None),
        // Its later stages, estimates borrowed from other platforms' articles: credit record and
        // court from day 31 (12-19, xingtu's day), third-party collection day 90 (2027-02-16,
        // alipay's three months). Milestones alarm at 09:00 on the day.
        (
            "repaydash-ctrip-jqh-credit_report@repaydash",
            "2026-12-19",
            Some("PT9H"),
        ),
        (
            "repaydash-ctrip-jqh-legal@repaydash",
            "2026-12-19",
            Some("PT9H"),
        ),
        (
            "repaydash-ctrip-jqh-third_party_collection@repaydash",
            "2027-02-16",
            Some("PT9H"),
        ),
        // jiebei-may (anchor 11-17): credit record and court day 31 (12-18), third-party day 90
        // (2027-02-15), all estimates.
        (
            "repaydash-jiebei-may-credit_report@repaydash",
            "2026-12-18",
            Some("PT9H"),
        ),
        (
            "repaydash-jiebei-may-legal@repaydash",
            "2026-12-18",
            Some("PT9H"),
        ),
        (
            "repaydash-jiebei-may-third_party_collection@repaydash",
            "2027-02-15",
            Some("PT9H"),
        ),
        // xingtu-rxd (anchor 10-21): its credit and court days (11-21) are past; third-party
        // collection day 90 (2027-01-19, alipay's, an estimate).
        (
            "repaydash-xingtu-rxd-third_party_collection@repaydash",
            "2027-01-19",
            Some("PT9H"),
        ),
        (
            "repaydash-ctrip-jqh-due-9@repaydash",
            "2026-12-18",
            Some("-PT15H"),
        ),
        (
            "repaydash-ctrip-jqh-due-10@repaydash",
            "2027-01-18",
            Some("-PT15H"),
        ),
        (
            "repaydash-ctrip-jqh-due-11@repaydash",
            "2027-02-18",
            Some("-PT15H"),
        ),
        // jiebei-may: #6 overdue since 11-17; alipay contacts on day 15 (12-02) and, by the later
        // report, day 90 (2027-02-15); the reminder (day 1, 11-18) is past.
        ("repaydash-jiebei-may-due-6@repaydash", "2026-11-17", None),
        (
            "repaydash-jiebei-may-due-7@repaydash",
            "2026-12-17",
            Some("-PT15H"),
        ),
        (
            "repaydash-jiebei-may-due-8@repaydash",
            "2027-01-17",
            Some("-PT15H"),
        ),
        (
            "repaydash-jiebei-may-due-9@repaydash",
            "2027-02-17",
            Some("-PT15H"),
        ),
        (
            "repaydash-jiebei-may-emergency_contact@repaydash",
            "2026-12-02",
            Some("PT9H"),
        ),
        (
            "repaydash-jiebei-may-emergency_contact-typical@repaydash",
            "2027-02-15",
            Some("PT9H"),
        ),
        // xingtu-rxd: #3 and #4 overdue; every stage (up to day 31) already reached.
        ("repaydash-xingtu-rxd-due-3@repaydash", "2026-10-21", None),
        ("repaydash-xingtu-rxd-due-4@repaydash", "2026-11-21", None),
        (
            "repaydash-xingtu-rxd-due-5@repaydash",
            "2026-12-21",
            Some("-PT15H"),
        ),
        (
            "repaydash-xingtu-rxd-due-6@repaydash",
            "2027-01-21",
            Some("-PT15H"),
        ),
        // huabei-phone: #3..#5 on the 26th (#6, 2027-02-26, is past the horizon).
        (
            "repaydash-huabei-phone-due-3@repaydash",
            "2026-11-26",
            Some("-PT15H"),
        ),
        (
            "repaydash-huabei-phone-due-4@repaydash",
            "2026-12-26",
            Some("-PT15H"),
        ),
        (
            "repaydash-huabei-phone-due-5@repaydash",
            "2027-01-26",
            Some("-PT15H"),
        ),
        // fenqi-laptop: bills 4..6.
        (
            "repaydash-fenqi-laptop-due-4@repaydash",
            "2026-12-15",
            Some("-PT15H"),
        ),
        (
            "repaydash-fenqi-laptop-due-5@repaydash",
            "2027-01-15",
            Some("-PT15H"),
        ),
        (
            "repaydash-fenqi-laptop-due-6@repaydash",
            "2027-02-15",
            Some("-PT15H"),
        ),
        // jiebei-june: #5 extended to 12-05, #6 on 12-15. nqh-ticket is paid off: nothing.
        (
            "repaydash-jiebei-june-due-5@repaydash",
            "2026-12-05",
            Some("-PT15H"),
        ),
        (
            "repaydash-jiebei-june-due-6@repaydash",
            "2026-12-15",
            Some("-PT15H"),
        ),
    ];
    let got = events(&export("2026-11-23", "zh", &[]));
    let got_keys: Vec<&String> = got.keys().collect();
    let mut want_keys: Vec<String> = expected.iter().map(|e| e.0.to_string()).collect();
    want_keys.sort();
    assert_eq!(got_keys, want_keys.iter().collect::<Vec<_>>());
    for (uid, date, trigger) in expected {
        let (start, end, _, t) = &got[*uid];
        assert_eq!(*start, d(date), "{uid}");
        assert_eq!(
            *end,
            d(date).succ_opt().unwrap(),
            "{uid}: all-day, end exclusive"
        );
        assert_eq!(t.as_deref(), *trigger, "{uid}");
    }
    // Summaries carry the amount, in the chosen language.
    assert_eq!(
        got["repaydash-ctrip-jqh-due-9@repaydash"].2,
        "还款：携程借去花 第9期 ¥1,100.16"
    );
    assert_eq!(
        got["repaydash-ctrip-jqh-due-8@repaydash"].2,
        "已逾期：携程借去花 第8期 ¥800.16"
    );
    let en = events(&export("2026-11-23", "en", &[]));
    assert_eq!(
        en["repaydash-ctrip-jqh-due-9@repaydash"].2,
        "Repay 携程借去花 #9: ¥1,100.16"
    );
    assert!(
        en["repaydash-jiebei-may-emergency_contact@repaydash"]
            .2
            .contains("¥182.50 overdue")
    );
}

#[test]
fn two_runs_are_identical_and_uids_survive_a_new_day() {
    let a = export("2026-11-23", "zh", &[]);
    let b = export("2026-11-23", "zh", &[]);
    assert_eq!(a, b);
    // A day later the same installments keep their UIDs, so a re-import updates them.
    let today = events(&a);
    let tomorrow = events(&export("2026-11-24", "zh", &[]));
    for uid in [
        "repaydash-ctrip-jqh-due-9@repaydash",
        "repaydash-jiebei-may-emergency_contact@repaydash",
        "repaydash-huabei-phone-due-3@repaydash",
    ] {
        assert_eq!(today[uid].0, tomorrow[uid].0, "{uid}");
    }
}

#[test]
fn the_horizon_follows_days() {
    // 30 days from 11-23 is 12-23: the four overdue ones, then ctrip #9 (12-18), jiebei-may #7
    // (12-17) and its contact day (12-02), xingtu #5 (12-21), huabei #3 (11-26; #4 on 12-26 is
    // out), fenqi #4 (12-15), jiebei-june #5 (12-05) and #6 (12-15); the estimated credit-record
    // and court days of jiebei-may (12-18) and ctrip (12-19).
    let got = events(&export("2026-11-23", "en", &["--days", "30"]));
    assert_eq!(got.len(), 4 + 8 + 4);
    // Every milestone's description ends with its basis (lines unfolded first).
    let raw = export("2026-11-23", "en", &["--days", "30"]).replace("\r\n ", "");
    assert_eq!(raw.matches("\\nBasis: estimate (").count(), 4, "{raw}");
    let zh = export("2026-11-23", "zh", &["--days", "30"]).replace("\r\n ", "");
    assert!(zh.contains("\\n依据：估计（"), "{zh}");
    assert!(!got.contains_key("repaydash-huabei-phone-due-4@repaydash"));
    assert!(got.values().all(|e| e.0 <= d("2026-12-23")));
}
