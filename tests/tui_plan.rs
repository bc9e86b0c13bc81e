//! Planning on the dashboard: the cash prompt (`P`), the plan beside the loans, and the weekly
//! cash-flow view (`c`), driven by keys on ratatui's TestBackend against data/sample.toml with
//! today 2026-11-23. Screens are insta snapshots in zh and en at 80×24 and 120×40.

mod common;
use common::screen;
use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::report::plan::reasons_text;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::scroll::Scroll;
use repaydash::tui::stack::{View, ViewKind};
use repaydash::tui::{App, dispatch, keys};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml")
}

fn sample(lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(sample_path()), &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

/// A key as the event loop delivers it: mapped for the app's current mode.
fn press(app: &mut App, c: KeyCode) {
    if let Some(m) = keys::key_in(app.views.kind(), KeyEvent::new(c, KeyModifiers::NONE)) {
        dispatch(app, m);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn plan_for(lang: Lang, cash: &str) -> App {
    let mut app = sample(lang);
    press(&mut app, KeyCode::Char('P'));
    typed(&mut app, cash);
    press(&mut app, KeyCode::Enter);
    app
}

/// The CLI's plan for the same file and day: (id, amount, reason in English) in order.
fn cli_plan(day: &str, cash: &str, strategy: &str) -> Vec<(String, Decimal, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_repaydash"))
        .args(["--file"])
        .arg(sample_path())
        .args([
            "--lang", "en", "--today", day, "plan", "--cash", cash, "--json",
        ])
        .args(["--strategy", strategy])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["payments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["amount"].as_str().unwrap().parse().unwrap(),
                p["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn app_plan(app: &App) -> Vec<(String, Decimal, String)> {
    app.planning
        .plan
        .as_ref()
        .expect("a plan on show")
        .payments
        .iter()
        .map(|p| {
            (
                p.loan_id.clone(),
                p.amount,
                reasons_text(Lang::En, &p.reasons, app.today()),
            )
        })
        .collect()
}

fn ids_amounts(plan: &[(String, Decimal, String)]) -> Vec<(&str, Decimal)> {
    plan.iter().map(|p| (p.0.as_str(), p.1)).collect()
}

#[test]
fn snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let size = format!("{}_{w}x{h}", lang.key());
            let mut app = sample(lang);
            press(&mut app, KeyCode::Char('P'));
            typed(&mut app, "1000");
            insta::assert_snapshot!(format!("prompt_{size}"), screen(&mut app, w, h));
            press(&mut app, KeyCode::Enter);
            insta::assert_snapshot!(format!("plan_1000_{size}"), screen(&mut app, w, h));
            let mut app = plan_for(lang, "100000");
            insta::assert_snapshot!(format!("plan_100000_{size}"), screen(&mut app, w, h));
            let mut app = sample(lang);
            press(&mut app, KeyCode::Char('c'));
            insta::assert_snapshot!(format!("cashflow_{size}"), screen(&mut app, w, h));
        }
    }
}

#[test]
fn the_plan_for_1000_is_the_clis_and_saves_the_loan_nearest_its_contact_day() {
    let mut app = plan_for(Lang::En, "1000");
    assert_eq!(app.views.top(), Some(&View::Plan(Scroll { top: 0 })));
    let plan = app_plan(&app);
    assert_eq!(plan, cli_plan("2026-11-23", "1000", "urgency"));
    // 星图 and 携程 are already past their contact day and cost 3,691.12 and 1,900.32 to push it
    // past the 30-day horizon: more than 1000. 携程 may be credit-reported from ≈12-19 (its 11-18
    // installment + 31, an estimate), within the 30 days, so its overdue 800.16 comes first. Of
    // the 199.84 left, 借呗 (May)'s overdue 11-17 interest, 182.50, keeps it out of the contact
    // stage (12-17 + 15 = 2027-01-01). 星图's overdue 897.04 does not fit, so nothing goes to a
    // bill not yet due (花呗's 627.00 of 11-26 waits): 17.34 is kept for 星图.
    assert_eq!(
        ids_amounts(&plan),
        vec![("ctrip-jqh", dec!(800.16)), ("jiebei-may", dec!(182.50))]
    );
    assert_eq!(app.planning.plan.as_ref().unwrap().left, dec!(17.34));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("2. 借呗（5月借款）"), "{s}");
    assert!(
        s.contains("contacts may be called from 2 Dec; once paid, not before 1 Jan 2027"),
        "{s}"
    );
    assert!(s.contains("Left ¥17.34"), "{s}");
    assert!(s.contains("left, for the overdue loan"), "{s}");
    // Beside the plan, the loans it keeps out of the contact stage and those still threatened,
    // under the titles `plan` prints before their names.
    let cli = common::stdout_of(&[
        "--file",
        "data/sample.toml",
        "--today",
        "2026-11-23",
        "--lang",
        "en",
        "plan",
        "--cash",
        "1000",
    ]);
    assert!(
        cli.contains("\nLeft ¥17.34 (left, for the overdue loan 星图金融任性贷: "),
        "{cli}"
    );
    assert!(
        cli.contains("\nContact stage 30+ days away: 借呗（5月借款）\n"),
        "{cli}"
    );
    assert!(
        cli.contains("\nContact stage within 30 days: 星图金融任性贷, 携程借去花, "),
        "{cli}"
    );
    let avoided = s.find("Contact stage 30+ days away").unwrap();
    let still = s.find("Contact stage within 30 days").unwrap();
    let xingtu = s.find("! 星图金融任性贷").unwrap();
    assert!(avoided < still && still < xingtu, "{s}");
}

#[test]
fn the_plan_for_100000_pays_every_open_loan_in_the_clis_order() {
    let app = plan_for(Lang::Zh, "100000");
    let plan = app_plan(&app);
    assert_eq!(plan, cli_plan("2026-11-23", "100000", "urgency"));
    assert_eq!(plan.len(), 6);
    // 携程 first (step 0: its credit-report day, ≈12-19, is within 30 days), then 星图.
    assert_eq!(ids_amounts(&plan)[0], ("ctrip-jqh", dec!(1900.32)));
    assert_eq!(ids_amounts(&plan)[1], ("xingtu-rxd", dec!(3691.12)));
    let p = app.planning.plan.as_ref().unwrap();
    assert!(p.still_threatened.is_empty());
    // 100,000 − (3,691.12 + 1,900.32 + 365.00 + 627.00 + 3,054.00 + 458.30) = 89,904.26.
    assert_eq!(p.left, dec!(89904.26));
}

#[test]
fn the_strategy_key_cycles_and_matches_the_cli() {
    let mut app = plan_for(Lang::En, "5000");
    for strategy in ["avalanche", "snowball", "urgency"] {
        press(&mut app, KeyCode::Char('s'));
        assert_eq!(app.planning.plan.as_ref().unwrap().strategy.key(), strategy);
        assert_eq!(
            app_plan(&app),
            cli_plan("2026-11-23", "5000", strategy),
            "{strategy}"
        );
    }
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Plan · urgency first (s)"), "{s}");
}

#[test]
fn bad_cash_shows_the_message_in_place_and_no_plan() {
    for (lang, message) in [
        (Lang::En, "\"abc\" is not an amount"),
        (Lang::Zh, "“abc”不是金额"),
    ] {
        let mut app = sample(lang);
        press(&mut app, KeyCode::Char('P'));
        typed(&mut app, "abc");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.views.kind(), ViewKind::CashPrompt);
        assert!(app.planning.plan.is_none());
        let s = screen(&mut app, 80, 24);
        assert!(s.contains(message), "{s}");
        assert!(s.contains("¥ abc"), "{s}");
        // Editing clears the message; the CLI's rules then take the amount.
        for _ in 0..3 {
            press(&mut app, KeyCode::Backspace);
        }
        assert!(app.views.cash_error().is_none());
        typed(&mut app, "1,000");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.views.top(), Some(&View::Plan(Scroll { top: 0 })));
        assert_eq!(app.planning.plan.as_ref().unwrap().cash, dec!(1000));
    }
    // Like `--cash`: no exponent, no negative amount.
    for bad in ["1e3", "-5", ""] {
        let mut app = sample(Lang::En);
        press(&mut app, KeyCode::Char('P'));
        typed(&mut app, bad);
        press(&mut app, KeyCode::Enter);
        assert!(app.views.cash_error().is_some(), "{bad:?}");
        assert!(app.planning.plan.is_none(), "{bad:?}");
    }
}

#[test]
fn the_prompt_takes_every_key_as_text_and_esc_returns() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Char('P'));
    // Keys that mean something on the main screen are text here.
    typed(&mut app, "q[jc");
    assert!(!app.quit);
    assert_eq!(app.offset, 0);
    assert_eq!(app.planning.input, "q[jc");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(!app.quit);
    // From the plan, Esc goes back to the main screen; P in the plan asks again, Esc keeps it.
    let mut app = plan_for(Lang::En, "1000");
    press(&mut app, KeyCode::Char('P'));
    assert_eq!(app.views.kind(), ViewKind::CashPrompt);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.top(), Some(&View::Plan(Scroll { top: 0 })));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(app.planning.plan.is_none());
}

#[test]
fn the_plan_follows_the_what_if_day() {
    let mut app = plan_for(Lang::En, "1000");
    for _ in 0..10 {
        press(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(app.today(), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let moved = app_plan(&app);
    assert_eq!(moved, cli_plan("2026-12-03", "1000", "urgency"));
    assert_ne!(moved, cli_plan("2026-11-23", "1000", "urgency"));
    // 借呗 (May)'s contact day, 12-02, has passed and its credit-report day is ≈12-18 (11-17 +
    // 31): its overdue 182.50 comes first, and moves that day to ≈2027-01-17 (12-17 + 31).
    assert_eq!(
        moved[0].2,
        "contacts may be called already; may be credit-reported from ≈18 Dec: the oldest overdue installment first (a credit record stays for years); once paid, that day moves to ≈17 Jan 2027"
    );
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("≈18 Dec: the oldest overdue installment first"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app_plan(&app), cli_plan("2026-11-23", "1000", "urgency"));
    assert_eq!(app.views.kind(), ViewKind::Plan);
}

#[test]
fn the_cashflow_weeks_move_with_the_what_if_day() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.views.top(), Some(&View::Cashflow(Scroll { top: 0 })));
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    {
        let b = app.planning.cashflow.as_ref().unwrap();
        assert_eq!(b.len(), 13);
        // Overdue on 11-23: 星图 897.04 + 1,397.04, 携程 800.16, 借呗 182.50 = 3,276.74.
        assert_eq!(b[0].amount, dec!(3276.74));
        assert_eq!(b[1].week, Some((d(11, 23), d(11, 29))));
        // 花呗's third bill, 11-26.
        assert_eq!(b[1].amount, dec!(627.00));
        // 借呗 (May) fell due 11-17; alipay's contact day 15 → 12-02, in the week from 11-30.
        assert_eq!(b[2].milestones.len(), 1);
        assert_eq!(b[2].milestones[0].date, d(12, 2));
    }
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("overdue     "), "{s}");
    assert!(s.contains("¥3,276.74"), "{s}");
    assert!(s.contains("! 2 Dec in 9 days"), "{s}");
    for _ in 0..10 {
        press(&mut app, KeyCode::Char(']'));
    }
    {
        let b = app.planning.cashflow.as_ref().unwrap();
        assert_eq!(b[1].week, Some((d(12, 3), d(12, 9))));
        // 花呗's 11-26 bill is overdue now: 3,276.74 + 627.00.
        assert_eq!(b[0].amount, dec!(3903.74));
        // Its contact day: 11-26 + 15 = 12-11, in the week from 12-10.
        assert!(
            b[2].milestones
                .iter()
                .any(|m| m.loan_id == "huabei-phone" && m.date == d(12, 11))
        );
    }
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("3 Dec – 9 Dec"), "{s}");
    assert!(!s.contains("23 Nov – 29 Nov"), "{s}");
    assert!(s.contains("¥3,903.74"), "{s}");
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        app.planning.cashflow.as_ref().unwrap()[0].amount,
        dec!(3276.74)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(app.planning.cashflow.is_none());
}

#[test]
fn planning_screens_fit_when_small_and_never_panic() {
    let mut app = plan_for(Lang::Zh, "100000");
    for (w, h) in [(70, 20), (80, 24), (20, 5), (1, 1)] {
        screen(&mut app, w, h);
    }
    for _ in 0..50 {
        press(&mut app, KeyCode::Down);
    }
    let Some(View::Plan(Scroll { top: scroll })) = app.views.top().cloned() else {
        panic!("{:?}", app.views.top())
    };
    // Scrolling stops at the last page the 80×24 screen (drawn last) can show.
    assert_eq!(scroll, app.measured.plan_max_scroll);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("6. 某分期平台（笔记本电脑）"), "{s}");
    // A text longer than the prompt takes is cut at 24 characters; that many nines are more
    // than any amount the store accepts (at most 10^15), and the prompt says so.
    let app = plan_for(Lang::En, &"9".repeat(40));
    assert_eq!(app.planning.input.len(), 24);
    assert!(app.planning.plan.is_none());
    let e = app.views.cash_error().unwrap_or_default();
    assert!(
        e.contains("absurdly large (at most 1000000000000000)"),
        "{e}"
    );
    // The largest amount accepted, written with separators, plans.
    let mut app = plan_for(Lang::En, "1,000,000,000,000,000");
    let p = app.planning.plan.as_ref().unwrap();
    assert_eq!(p.cash, "1000000000000000".parse::<Decimal>().unwrap());
    assert_eq!(p.payments.len(), 6);
    for (w, h) in [(70, 20), (80, 24), (120, 40)] {
        screen(&mut app, w, h);
    }
    press(&mut app, KeyCode::Char('P'));
    screen(&mut app, 70, 20);
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Char('c'));
    for (w, h) in [(70, 20), (20, 5), (1, 1)] {
        screen(&mut app, w, h);
    }
}

/// Through the event loop, as the terminal delivers keys: the prompt's characters reach the
/// prompt (a `q` typed there is text, not quit), and `q` in the plan quits.
#[test]
fn the_event_loop_routes_keys_by_mode() {
    use ratatui::crossterm::event::Event as TermEvent;
    use repaydash::tui::run::{Event, run};
    let mut app = sample(Lang::En);
    let (tx, rx) = std::sync::mpsc::channel();
    let key = |c: KeyCode| Event::Term(TermEvent::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    tx.send(key(KeyCode::Char('P'))).unwrap();
    for c in "q1000".chars() {
        tx.send(key(KeyCode::Char(c))).unwrap();
    }
    // "q1000" is refused (the prompt stays); delete it and type 1000.
    tx.send(key(KeyCode::Enter)).unwrap();
    for _ in 0..5 {
        tx.send(key(KeyCode::Backspace)).unwrap();
    }
    for c in "1000".chars() {
        tx.send(key(KeyCode::Char(c))).unwrap();
    }
    tx.send(key(KeyCode::Enter)).unwrap();
    tx.send(key(KeyCode::Char('q'))).unwrap();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let clock = || today().and_hms_opt(9, 0, 0).unwrap();
    run(&mut t, &mut app, &rx, &clock).unwrap();
    assert!(app.quit);
    assert_eq!(app.views.top(), Some(&View::Plan(Scroll { top: 0 })));
    assert_eq!(app.planning.plan.as_ref().unwrap().cash, dec!(1000));
}

/// The dashboard's plan says what the CLI says when clearing a remnant leaves the contact day in
/// the past (tests/fixtures/plan/remnant.toml, 2026-06-10): no push is claimed, contacts may still
/// be called since 05-08.
#[test]
fn a_past_contact_day_is_not_told_as_a_push_in_the_dashboard() {
    let day = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan/remnant.toml");
    for (lang, since, push) in [
        (Lang::Zh, "（自 05-08 起）", "推到"),
        (Lang::En, "(since 8 May)", "not before"),
    ] {
        let builtin = builtin_policies().unwrap();
        let loaded = store::load(&Source::File(path.clone()), &builtin, day).unwrap();
        let mut app = App::new(loaded, builtin, day, lang);
        app.color = false;
        press(&mut app, KeyCode::Char('P'));
        typed(&mut app, "50");
        press(&mut app, KeyCode::Enter);
        let s = screen(&mut app, 120, 40);
        assert!(s.contains("¥0.29") && s.contains(since), "{s}");
        assert!(!s.contains(push), "{s}");
    }
}
