//! The dashboard driven by messages and keys on ratatui's TestBackend: screens as insta
//! snapshots (zh and en, 80×24 and 120×40), and the update function's behaviour.

use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use repaydash::engine::LoanStatus;
use repaydash::i18n::Lang;
use repaydash::knowledge::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::app::{Mode, SortKey};
use repaydash::tui::{App, Msg, keys, update};

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

fn press(app: &mut App, c: KeyCode) {
    if let Some(m) = keys::key(KeyEvent::new(c, KeyModifiers::NONE)) {
        update(app, m);
    }
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

/// The screen as text, one line a row; a wide character's second cell is not repeated.
fn screen(app: &App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

fn ids(app: &App) -> Vec<&str> {
    app.order
        .iter()
        .map(|&i| app.entries[i].id.as_str())
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
                    screen(&app, w, h)
                );
            }
        }
        let app = sample(lang);
        insta::assert_snapshot!(format!("too_small_{}", lang.key()), screen(&app, 60, 15));
    }
}

#[test]
fn main_screen_shows_the_totals_and_the_most_urgent_countdown() {
    let s = screen(&sample(Lang::En), 120, 40);
    // Overdue: 星图 897.04 + 1,397.04, 携程 800.16, 借呗 182.50 = 3,276.74.
    assert!(s.contains("overdue ¥3,276.74"), "{s}");
    // 花呗 installment 3 (627.00) is due on 11-26, within the 7 alert days.
    assert!(s.contains("due within 7 days ¥627.00"), "{s}");
    assert!(s.contains("6 loans open"), "{s}");
    // 借呗 (May) fell due 11-17; alipay's contact stage is day 15: 2026-12-02, 9 days away.
    assert!(
        s.contains("借呗（5月借款）: emergency contacts may be called in 9 days  on 2026-12-02"),
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
        app.entries
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
    assert!(screen(&app, 120, 40).contains("simulated +4d (real 2026-11-23; t resets)"));
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.today(), today());
    assert_eq!(huabei(&app).status, LoanStatus::DueSoon);
    // Midnight moves the day on, and the countdowns with it.
    update(&mut app, Msg::DaysPassed(1));
    assert_eq!(huabei(&app).days_until_due, Some(2));
}

#[test]
fn enter_opens_the_schedule_and_esc_closes_it_then_quits() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Schedule { scroll: 0 });
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.mode, Mode::Schedule { scroll: 1 });
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Main);
    assert!(!app.quit);
    press(&mut app, KeyCode::Esc);
    assert!(app.quit);
}

#[test]
fn phones_are_masked_until_v() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("138****0001") && !s.contains("13800000001"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('v'));
    assert!(screen(&app, 120, 40).contains("13800000001"));
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
    update(&mut app, Msg::FileChanged);
    assert_eq!(app.order.len(), 8);
    assert_eq!(ids(&app)[0], "old-debt");
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    assert_eq!(app.selected, 4);
    assert_eq!(app.status, None);

    std::fs::write(&path, "[[loan]]\nid = 3\n").unwrap();
    update(&mut app, Msg::Reload);
    assert_eq!(app.order.len(), 8, "the old data stays");
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    let status = app.status.clone().unwrap();
    assert!(status.starts_with("reload failed"), "{status}");
    assert!(screen(&app, 80, 24).contains("reload failed"));
}

#[test]
fn nothing_panics_at_any_small_size() {
    let mut app = sample(Lang::Zh);
    for mode in [Mode::Main, Mode::Schedule { scroll: 3 }, Mode::Help] {
        app.mode = mode;
        for w in 0..=90 {
            for h in [0, 1, 5, 19, 20, 21, 24] {
                draw(&app, w, h);
            }
        }
    }
}
