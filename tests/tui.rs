//! The dashboard driven by messages and keys on ratatui's TestBackend: screens as insta
//! snapshots (zh and en, 80×24 and 120×40), and the update function's behaviour.

mod common;
use common::screen;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use repaydash::engine::LoanStatus;
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::app::SortKey;
use repaydash::tui::scroll::Scroll;
use repaydash::tui::stack::{View, ViewKind};
use repaydash::tui::{App, Msg, dispatch, keys};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app_from(path: PathBuf, lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path), &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

fn sample(lang: Lang) -> App {
    app_from(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml"),
        lang,
    )
}

/// The user's own `[platforms.mybank]`: contacts from day 10 (their contract, art. 8), credit
/// report day 60. bank-by-key's first installment fell due 2026-10-01, unpaid: 53 days overdue.
fn user_platform(lang: Lang) -> App {
    app_from(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/valid/user_platform_table.toml"),
        lang,
    )
}

fn press(app: &mut App, c: KeyCode) {
    if let Some(m) = keys::key(KeyEvent::new(c, KeyModifiers::NONE)) {
        dispatch(app, m);
    }
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| repaydash::tui::views::draw(f, app)).unwrap();
    t
}

fn ids(app: &App) -> Vec<&str> {
    app.order
        .iter()
        .map(|&i| app.snap.loans[i].id.as_str())
        .collect()
}

/// Every screen in both languages at both sizes.
#[test]
fn snapshots() {
    let screens: [(&str, &[KeyCode]); 5] = [
        ("main", &[]),
        // The 借呗 loan overdue 6 days: its contact window (day 15 ~ 90) and a next milestone.
        ("detail", &[KeyCode::Char('j'), KeyCode::Char('j')]),
        ("schedule", &[KeyCode::Char('j'), KeyCode::Enter]),
        ("help", &[KeyCode::Char('?')]),
        (
            "whatif",
            &[KeyCode::Char('j'), KeyCode::Char(']'), KeyCode::Char(']')],
        ),
    ];
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            for (name, keys) in screens {
                let mut app = sample(lang);
                for k in keys {
                    press(&mut app, *k);
                }
                insta::assert_snapshot!(
                    format!("{name}_{}_{w}x{h}", lang.key()),
                    screen(&mut app, w, h)
                );
            }
        }
        let mut app = sample(lang);
        insta::assert_snapshot!(
            format!("too_small_{}", lang.key()),
            screen(&mut app, 60, 15)
        );
        // ctrip-jqh, 5 days overdue and past ctrip's contact day (day 1): overdue_contacts.
        let advice: [(&str, &[KeyCode]); 4] = [
            ("advice_contacts", &[KeyCode::Char('j')]),
            ("advice_script", &[KeyCode::Char('j'), KeyCode::Tab]),
            (
                "advice_script_scrolled",
                &[
                    KeyCode::Char('j'),
                    KeyCode::Tab,
                    KeyCode::Char('J'),
                    KeyCode::Char('J'),
                    KeyCode::Char('J'),
                ],
            ),
            (
                "advice_next_topic",
                &[KeyCode::Char('j'), KeyCode::Tab, KeyCode::Tab],
            ),
        ];
        for (w, h) in [(80, 24), (120, 40)] {
            for (name, keys) in advice {
                let mut app = sample(lang);
                // Scrolling is bounded by the last frame, as on a terminal.
                draw(&mut app, w, h);
                for k in keys {
                    press(&mut app, *k);
                }
                insta::assert_snapshot!(
                    format!("{name}_{}_{w}x{h}", lang.key()),
                    screen(&mut app, w, h)
                );
            }
            let mut app = user_platform(lang);
            insta::assert_snapshot!(
                format!("user_platform_{}_{w}x{h}", lang.key()),
                screen(&mut app, w, h)
            );
        }
    }
}

#[test]
fn main_screen_shows_the_totals_and_the_most_urgent_countdown() {
    let s = screen(&mut sample(Lang::En), 120, 40);
    // Overdue: 星图 897.04 + 1,397.04, 携程 800.16, 借呗 182.50 = 3,276.74.
    assert!(s.contains("overdue ¥3,276.74"), "{s}");
    // 花呗 installment 3 (627.00) is due on 11-26, within the 7 alert days.
    assert!(s.contains("due within 7 days ¥627.00"), "{s}");
    assert!(s.contains("6 loans open"), "{s}");
    // 借呗 (May) fell due 11-17; alipay's contact stage is day 15: 2026-12-02, 9 days away.
    assert!(
        s.contains("借呗（5月借款）: emergency contacts may be called in 9 days (2 Dec)"),
        "{s}"
    );
    assert!(!s.contains("simulated"));
}

#[test]
fn keys_move_the_selection() {
    let mut app = sample(Lang::Zh);
    assert_eq!(app.selected_id().as_deref(), Some("xingtu-rxd"));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_id().as_deref(), Some("jiebei-may"));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected_id().as_deref(), Some("nqh-ticket"));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, 6);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(
        app.selected, 6,
        "a page of 10 from the top clamps to the last loan"
    );
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected, 5);
}

#[test]
fn sort_cycles_and_keeps_the_selection() {
    let mut app = sample(Lang::Zh);
    assert_eq!(
        ids(&app),
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
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort, SortKey::Amount);
    // Overdue or next amounts: 2,294.08, 1,536.00, 800.16, 627.00, 458.30, 182.50, paid off.
    assert_eq!(
        ids(&app),
        [
            "xingtu-rxd",
            "jiebei-june",
            "ctrip-jqh",
            "huabei-phone",
            "fenqi-laptop",
            "jiebei-may",
            "nqh-ticket"
        ]
    );
    assert_eq!(app.selected_id().as_deref(), Some("ctrip-jqh"));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort, SortKey::DueDate);
    // Oldest unpaid due: 10-21, 11-17, 11-18, 11-26, 12-05 (extended), 12-15, none.
    assert_eq!(
        ids(&app),
        [
            "xingtu-rxd",
            "jiebei-may",
            "ctrip-jqh",
            "huabei-phone",
            "jiebei-june",
            "fenqi-laptop",
            "nqh-ticket"
        ]
    );
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort, SortKey::Urgency);
    assert_eq!(ids(&app)[3], "huabei-phone");
}

#[test]
fn a_what_if_day_changes_a_loans_status() {
    let mut app = sample(Lang::En);
    let huabei = |app: &App| {
        app.snap
            .loans
            .iter()
            .find(|e| e.id == "huabei-phone")
            .unwrap()
            .ledger
            .clone()
    };
    assert_eq!(huabei(&app).status, LoanStatus::DueSoon);
    // Installment 3 is due 2026-11-26: on the 27th it is one day late.
    for _ in 0..4 {
        press(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(app.today(), NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    assert_eq!(huabei(&app).status, LoanStatus::Overdue);
    assert_eq!(huabei(&app).days_overdue, 1);
    assert!(screen(&mut app, 120, 40).contains("simulated +4d (real 2026-11-23; t resets)"));
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.today(), today());
    assert_eq!(huabei(&app).status, LoanStatus::DueSoon);
    // Midnight moves the day on, and the countdowns with it.
    dispatch(&mut app, Msg::DaysPassed(1));
    assert_eq!(huabei(&app).days_until_due, Some(2));
}

#[test]
fn enter_opens_the_schedule_and_esc_closes_it_but_never_quits() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.top(), Some(&View::Schedule(Scroll { top: 0 })));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.views.top(), Some(&View::Schedule(Scroll { top: 1 })));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(!app.quit);
    // Esc on the main screen does nothing (a second Esc after closing must not lose the session);
    // only q and ctrl-c quit.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.quit);
    assert_eq!(app.views.kind(), ViewKind::Main);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn phones_are_masked_until_v() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("138****0001") && !s.contains("13800000001"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('v'));
    assert!(screen(&mut app, 120, 40).contains("13800000001"));
}

#[test]
fn reload_keeps_the_selection_and_survives_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    let text =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml"))
            .unwrap();
    std::fs::write(&path, &text).unwrap();
    let mut app = app_from(path.clone(), Lang::En);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    assert_eq!(app.selected, 3);

    // A new loan, a year overdue, goes to the top; the selection follows huabei-phone down.
    let more = "\n[[loan]]\nid = \"old-debt\"\nplatform = \"generic\"\namount_due = 100\ndue_date = 2025-11-01\n";
    std::fs::write(&path, format!("{text}{more}")).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.order.len(), 8);
    assert_eq!(ids(&app)[0], "old-debt");
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    assert_eq!(app.selected, 4);
    assert_eq!(app.status, None);

    std::fs::write(&path, "[[loan]]\nid = 3\n").unwrap();
    dispatch(&mut app, Msg::Reload);
    assert_eq!(app.order.len(), 8, "the old data stays");
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    let status = app.status.clone().unwrap();
    assert!(status.starts_with("reload failed"), "{status}");
    assert!(screen(&mut app, 80, 24).contains("reload failed"));
}

#[test]
fn nothing_panics_at_any_small_size() {
    let mut app = sample(Lang::Zh);
    for view in [
        None,
        Some(View::Schedule(Scroll { top: 3 })),
        Some(View::Help(Scroll::default())),
    ] {
        app.views.clear();
        if let Some(v) = view {
            app.views.open(v);
        }
        for w in 0..=90 {
            for h in [0, 1, 5, 19, 20, 21, 24] {
                draw(&mut app, w, h);
            }
        }
    }
}

fn select(app: &mut App, id: &str) {
    press(app, KeyCode::Char('g'));
    while app.selected_id().as_deref() != Some(id) {
        let before = app.selected;
        press(app, KeyCode::Char('j'));
        assert_ne!(app.selected, before, "{id} not in the list");
    }
}

fn topic_titles(app: &App) -> Vec<String> {
    app.detail.advice.iter().map(|t| t.title.clone()).collect()
}

fn current_title(app: &App) -> String {
    app.detail.advice[app.advice_topic].title.clone()
}

/// The panels the advice module gives for `id` on the app's day, computed independently.
fn expected_panels(app: &App, id: &str) -> repaydash::knowledge::advice::AdvicePanels {
    let loan = app.portfolio.loans.iter().find(|l| l.id == id).unwrap();
    let view = repaydash::engine::LoanView::compute(
        loan,
        app.policies.get(&loan.platform),
        app.today(),
        app.portfolio.settings.alert_days,
    );
    // The proposal comes from the engine over all the file's loans, as `advice` computes it.
    let views: Vec<_> = app
        .portfolio
        .loans
        .iter()
        .map(|l| {
            repaydash::engine::LoanView::compute(
                l,
                app.policies.get(&l.platform),
                app.today(),
                app.portfolio.settings.alert_days,
            )
        })
        .collect();
    let proposal =
        repaydash::engine::proposal::proposal(&views, id, app.portfolio.settings.monthly_budget)
            .unwrap();
    repaydash::knowledge::advice::panels(
        &view,
        &proposal,
        app.lang,
        &app.portfolio.settings,
        app.today(),
    )
    .unwrap()
}

#[test]
fn tab_cycles_through_exactly_the_panels_topics_and_wraps() {
    use repaydash::engine::Situation;
    use repaydash::knowledge::advice::Topic;
    for lang in [Lang::Zh, Lang::En] {
        let mut app = sample(lang);
        select(&mut app, "ctrip-jqh");
        let want = expected_panels(&app, "ctrip-jqh");
        assert_eq!(want.situation, Situation::OverdueContacts);
        assert_eq!(app.detail.situation, Some(Situation::OverdueContacts));
        let titles: Vec<String> = want.panels.iter().map(|p| p.title.clone()).collect();
        assert_eq!(topic_titles(&app), titles);
        // overdue_contacts: contacts first, then negotiation (with the call script).
        assert_eq!(want.panels[0].topic, Topic::Contacts);
        assert_eq!(want.panels[1].topic, Topic::Negotiation);
        let mut seen = vec![current_title(&app)];
        for _ in 1..titles.len() {
            press(&mut app, KeyCode::Tab);
            seen.push(current_title(&app));
        }
        assert_eq!(seen, titles);
        press(&mut app, KeyCode::Tab);
        assert_eq!(
            app.advice_topic, 0,
            "Tab after the last topic wraps to the first"
        );
        press(&mut app, KeyCode::BackTab);
        assert_eq!(
            app.advice_topic,
            titles.len() - 1,
            "shift-Tab wraps backwards"
        );
        press(&mut app, KeyCode::BackTab);
        assert_eq!(app.advice_topic, titles.len() - 2);
    }
}

#[test]
fn the_call_script_carries_the_loans_own_figures() {
    let mut app = sample(Lang::En);
    select(&mut app, "ctrip-jqh");
    press(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains(" 1 [2] 3  4  5  6  Negotiating repayment Tab"),
        "{s}"
    );
    assert!(s.contains("Negotiation call script"), "{s}");
    // Installment 8 (1,100.16) fell due 11-18 and 300.00 was paid: 800.16 overdue, 5 days.
    assert!(s.contains("overdue for 5 days"), "{s}");
    assert!(s.contains("¥800.16"), "{s}");
    assert!(s.contains("I have a 借去花 loan with Ctrip Finance"), "{s}");
}

#[test]
fn advice_follows_the_selection_and_the_what_if_day() {
    use repaydash::engine::Situation;
    let mut app = sample(Lang::En);
    select(&mut app, "jiebei-may");
    // 6 days overdue; alipay's contact day is 15 (2026-12-02): not yet.
    assert_eq!(app.detail.situation, Some(Situation::OverdueEarly));
    let early = topic_titles(&app);
    assert_eq!(early[0], "Negotiating repayment");
    assert!(screen(&mut app, 120, 40).contains("overdue, before contacts may be called"));
    // Stay on a topic across a day change.
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_title(&app), early[1]);
    for _ in 0..8 {
        press(&mut app, KeyCode::Char(']'));
    }
    assert_eq!(app.detail.situation, Some(Situation::OverdueEarly));
    assert_eq!(current_title(&app), early[1]);
    // 2026-12-02, day 15: contacts may be called now, and the panels follow.
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.today(), NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
    assert_eq!(app.detail.situation, Some(Situation::OverdueContacts));
    let now = topic_titles(&app);
    assert_eq!(now[0], "Emergency contacts");
    assert_eq!(
        now,
        expected_panels(&app, "jiebei-may")
            .panels
            .iter()
            .map(|p| p.title.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(current_title(&app), early[1], "the topic is kept");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("overdue, contacts may be called now"), "{s}");
    // The script's figures move with the day: 15 days overdue now.
    while current_title(&app) != "Negotiating repayment" {
        press(&mut app, KeyCode::Tab);
    }
    assert!(screen(&mut app, 120, 40).contains("overdue for 15 days"));
    // Another loan: its own panels, from the first topic. 花呗 installment 3 falls due 11-26, so
    // back on 11-23 it is due soon (on 12-02 it would be overdue).
    press(&mut app, KeyCode::Char('t'));
    select(&mut app, "huabei-phone");
    assert_eq!(app.detail.situation, Some(Situation::DueSoon));
    assert_eq!(app.advice_topic, 0);
    assert_eq!(current_title(&app), "Extension / deferral / installments");
}

#[test]
fn the_advice_scrolls_within_the_topic() {
    let mut app = sample(Lang::Zh);
    select(&mut app, "ctrip-jqh");
    press(&mut app, KeyCode::Tab);
    draw(&mut app, 80, 24);
    let max = app.measured.advice_max_scroll;
    assert!(max > 5, "the script does not fit in 5 rows: {max}");
    assert!(screen(&mut app, 80, 24).contains("J↓"));
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(app.advice_scroll, 0);
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(app.advice_scroll, 2);
    // ctrl-d: a page. Of the 19 body rows the detail takes 11 (9 lines and borders), the
    // advice area the other 8: 6 inside its borders.
    assert_eq!(app.measured.advice_page, 6);
    dispatch(
        &mut app,
        keys::key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)).unwrap(),
    );
    assert_eq!(app.advice_scroll, 8);
    dispatch(
        &mut app,
        keys::key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)).unwrap(),
    );
    assert_eq!(app.advice_scroll, 2);
    for _ in 0..200 {
        press(&mut app, KeyCode::Char('J'));
    }
    assert_eq!(app.advice_scroll, max);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("K↑") && !s.contains("J↓"), "{s}");
    // At the end of a small area: the disclaimer, once.
    assert!(s.contains("请以你自己的借款合同为准"), "{s}");
    // A new topic starts from its top.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.advice_scroll, 0);
}

#[test]
fn sources_are_muted_and_marked_and_the_disclaimer_is_shown_once() {
    use ratatui::style::{Color, Modifier};
    for color in [true, false] {
        let mut app = sample(Lang::En);
        app.color = color;
        select(&mut app, "ctrip-jqh");
        let t = draw(&mut app, 120, 40);
        let buf = t.backend().buffer();
        let s = screen(&mut app, 120, 40);
        assert_eq!(s.matches("not legal advice").count(), 1, "{s}");
        let row = s
            .lines()
            .position(|l| l.contains("— Sources: "))
            .expect("a source line");
        let col = s.lines().nth(row).unwrap().find("— Sources").unwrap();
        // Column of the dash in cells: the row's text before it, by display width.
        let x = unicode_width::UnicodeWidthStr::width(&s.lines().nth(row).unwrap()[..col]) as u16;
        let cell = &buf[(x + 3, row as u16)];
        if color {
            assert_eq!(cell.fg, Color::DarkGray);
        } else {
            assert!(cell.modifier.contains(Modifier::DIM));
        }
    }
}

#[test]
fn the_detail_keeps_what_matters_at_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = sample(lang);
        for pos in 0..app.order.len() {
            app.select(pos);
            let e = app.selected_entry().unwrap().clone();
            let loan = app.portfolio.loans[e.idx].clone();
            let s = screen(&mut app, 80, 24);
            let status = e.status_words(lang);
            assert!(s.contains(&status), "{} {status}\n{s}", e.id);
            if let Some(next) = e.escalation.next_milestone() {
                // An estimated day is marked ≈.
                let approx = if next.basis == repaydash::model::Basis::Estimate {
                    "≈"
                } else {
                    ""
                };
                assert!(
                    s.contains(&format!(
                        "▶ {approx}{}",
                        match (next.date, next.date_typical) {
                            (Some(a), Some(b)) => repaydash::dates::span(lang, a, b, today()),
                            (a, _) => repaydash::dates::day(lang, a.unwrap(), today()),
                        }
                    )),
                    "{}\n{s}",
                    e.id
                );
            }
            if e.ledger.status != LoanStatus::PaidOff {
                assert!(s.contains(lang.t("─ 待还", "─ To pay")), "{}\n{s}", e.id);
            }
            for c in &loan.contacts {
                let phone = repaydash::model::mask_phone(c.phone.as_deref().unwrap());
                assert!(s.contains(&c.name) && s.contains(&phone), "{}\n{s}", e.id);
            }
        }
    }
}

#[test]
fn a_users_own_platform_days_are_marked_as_theirs() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = user_platform(Lang::En);
        assert_eq!(app.selected_id().as_deref(), Some("bank-by-key"));
        // The file's own credit-report day (2026-11-30) is a week away: seriously overdue, so
        // the contacts topic comes fifth.
        assert_eq!(
            app.detail.situation,
            Some(repaydash::engine::Situation::OverdueSevere)
        );
        while current_title(&app) != "Emergency contacts" {
            press(&mut app, KeyCode::Tab);
        }
        let s = screen(&mut app, w, h);
        // Detail: the stages carry the mark, and the note says where the days come from.
        assert!(s.contains("may be credit-reported*"), "{s}");
        assert!(s.contains("* the days come from your"), "{s}");
        // Advice: the contacts topic opens with the file's own day 10 (2026-10-01 + 10).
        assert!(
            s.contains("1  2  3  4 [5] 6  Emergency contacts")
                || s.contains("Emergency contacts 5/6"),
            "{s}"
        );
        assert!(s.contains("* Your file says contacts may be"), "{s}");
        assert!(s.contains("from day 10"), "{s}");
    }
    let mut app = user_platform(Lang::En);
    while current_title(&app) != "Emergency contacts" {
        press(&mut app, KeyCode::Tab);
    }
    let s = screen(&mut app, 120, 40);
    // Read across the advice's wrapped rows.
    let flat = s
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("By that count, that is 2026-10-11."), "{s}");
}

#[test]
fn a_loan_not_yet_drawn_on_the_what_if_day_gets_prevention_only() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = sample(lang);
        select(&mut app, "xingtu-rxd");
        // 130 days back: 2026-07-16, five days before xingtu-rxd is drawn on 07-21.
        dispatch(&mut app, Msg::ShiftDay(-130));
        assert_eq!(app.today(), NaiveDate::from_ymd_opt(2026, 7, 16).unwrap());
        assert_eq!(
            app.detail.starts,
            NaiveDate::from_ymd_opt(2026, 7, 21),
            "{lang:?}"
        );
        let topics: Vec<_> = app.detail.advice.iter().map(|t| t.topic).collect();
        assert_eq!(
            topics,
            [repaydash::knowledge::advice::Topic::Prevention],
            "{lang:?}"
        );
        let s = screen(&mut app, 120, 40);
        let want = match lang {
            Lang::Zh => "尚未借出（07-21 借出）：仅预防建议",
            _ => "not yet drawn (drawn on 21 Jul): prevention only",
        };
        assert!(s.contains(want), "{s}");
        // The detail counts no stage down and shows no log entry of November (11-11, 11-19):
        // like its payments, they have not happened on 07-16.
        let drawn = match lang {
            Lang::Zh => "07-21 借出，之前没有应还款",
            _ => "drawn on 21 Jul; nothing owed before",
        };
        assert!(s.contains(drawn), "{s}");
        // The detail: the right-hand box from column 66, above the advice.
        let detail = common::detail_box(&s, 4);
        for absent in ["天后", "in 37 days", "沟通记录", "Log (", "11-19", "19 Nov"] {
            assert!(!detail.contains(absent), "{absent:?} in\n{detail}");
        }
        // Five days on it is drawn: the panels of a current loan again.
        dispatch(&mut app, Msg::ShiftDay(5));
        assert_eq!(app.detail.starts, None);
        assert!(app.detail.advice.len() > 1);
        let s = screen(&mut app, 120, 40);
        assert!(!s.contains(drawn), "{s}");
    }
}

/// The penalty grows by the day: at 80×24 the overdue demo loans keep it beside the unpaid total.
/// 星图: 0.045 %/day × 1.5 = 0.0675 %/day on 897.04 × 33 days (#3, due 10-21) and 1,397.04 × 2
/// days (#4, due 11-21): 32,396.40 × 0.000675 = 21.87. 携程: 18 % ÷ 360 × 1.5 = 0.075 %/day on
/// 800.16 × 5 days = 3.00.
#[test]
fn the_penalty_stays_in_the_detail_at_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = sample(lang);
        for (id, figure, last_contact) in [
            ("xingtu-rxd", "≈¥21.87", "陈静"),
            ("ctrip-jqh", "≈¥3.00", "王小明"),
        ] {
            select(&mut app, id);
            let label = match lang {
                Lang::Zh => "罚息估算 ",
                _ => "penalty ",
            };
            let s = screen(&mut app, 80, 24);
            assert!(s.contains(&format!("{label}{figure}")), "{s}");
            // Every contact still shows.
            assert!(s.contains(last_contact), "{s}");
            // With room, the label says "estimate" in full.
            let s = screen(&mut app, 120, 40);
            let full = match lang {
                Lang::Zh => "罚息估算 ",
                _ => "penalty (estimate) ",
            };
            assert!(s.contains(&format!("{full}{figure}")), "{s}");
        }
    }
    // The demo's header has a line more ("demo data"): 星图 then drops its passed stages, so
    // that the penalty and both contacts still show.
    for lang in [Lang::Zh, Lang::En] {
        let builtin = builtin_policies().unwrap();
        let loaded = store::load(&Source::Demo, &builtin, today()).unwrap();
        let mut app = App::new(loaded, builtin, today(), lang);
        app.color = false;
        select(&mut app, "xingtu-rxd");
        let s = screen(&mut app, 80, 24);
        for want in ["≈¥21.87", "赵强", "陈静"] {
            assert!(s.contains(want), "{want}: {s}");
        }
    }
}

/// A refusal or failure longer than the screen is wide wraps onto more footer lines (by display
/// width), so the whole reason shows; the panes give up the rows.
#[test]
fn a_long_status_wraps_in_the_footer_instead_of_being_cut() {
    for lang in [Lang::En, Lang::Zh] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loans.toml");
        std::fs::write(
            &path,
            std::fs::read_to_string(
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml"),
            )
            .unwrap(),
        )
        .unwrap();
        let mut app = app_from(path.clone(), lang);
        std::fs::write(&path, "[[loan]]\nid = 3\n").unwrap();
        dispatch(&mut app, Msg::Reload);
        let status = app.status.clone().unwrap();
        assert!(
            unicode_width::UnicodeWidthStr::width(status.as_str()) > 79,
            "the case needs a message wider than the screen: {status}"
        );
        let s = screen(&mut app, 80, 24);
        if std::env::var("SHOW").is_ok() {
            eprintln!("{s}");
        }
        let lines: Vec<&str> = s.lines().collect();
        // The footer's rows are the last ones, after the panes' bottom border.
        let border = lines.iter().rposition(|l| l.starts_with('╰')).unwrap();
        let footer: Vec<&str> = lines[border + 1..].iter().map(|l| l.trim()).collect();
        assert!(footer.len() >= 2, "{s}");
        let joined = match lang {
            Lang::En => footer.join(" "),
            _ => footer.concat(),
        };
        let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squeeze(&joined), squeeze(&status), "{s}");
        // A failed reload stays said while the file is broken.
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(app.status, Some(status.clone()));
    }
}

/// `u` on the demo: the refusal takes two footer lines at 80×24, and the detail, squeezed past
/// its tightest level, takes a row from the advice rather than cut 星图's second contact.
#[test]
fn the_demos_refusal_shows_whole_and_the_detail_keeps_its_contacts() {
    for (lang, end) in [
        (Lang::En, "then record them here."),
        (Lang::Zh, "的借款后再来记录。"),
    ] {
        let builtin = builtin_policies().unwrap();
        let loaded = store::load(&Source::Demo, &builtin, today()).unwrap();
        let mut app = App::new(loaded, builtin, today(), lang);
        app.color = false;
        press(&mut app, KeyCode::Char('u'));
        let s = screen(&mut app, 80, 24);
        let last = s.lines().last().unwrap().trim_end();
        assert!(last.ends_with(end), "{s}");
        for want in ["赵强", "陈静", "≈¥21.87"] {
            assert!(s.contains(want), "{want}: {s}");
        }
    }
}

/// The help names the list's marks with the status words the list and `check` print.
#[test]
fn the_help_legend_uses_the_status_words() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = sample(lang);
        press(&mut app, KeyCode::Char('?'));
        let s = screen(&mut app, 120, 40);
        for (mark, st) in [
            ("!", LoanStatus::Overdue),
            ("*", LoanStatus::DueSoon),
            ("·", LoanStatus::Current),
            ("✓", LoanStatus::PaidOff),
        ] {
            let want = format!("{mark} {}", lang.status(st));
            assert!(s.contains(&want), "{want:?} in\n{s}");
        }
        assert!(!s.contains("! late"), "{s}");
    }
}
