//! Views only draw: the document and the log view show what the model built when they opened or
//! their loan, data, day or language changed (`App::reading`), and a click is resolved from the
//! areas the last frame recorded (`Measured::hits`).

mod common;
use common::screen;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::{self, Source, builtin_policies};
use repaydash::tui::stack::ViewKind;
use repaydash::tui::update::protect;
use repaydash::tui::{App, dispatch, keys};

fn sample(lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml");
    let loaded = store::load(&Source::File(path), &builtin, today).unwrap();
    let mut app = App::new(loaded, builtin, today, lang);
    app.color = false;
    app
}

fn press(app: &mut App, c: char) {
    let e = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    if let Some(m) = keys::event_in(app.views.kind(), &e) {
        dispatch(app, m);
    }
}

#[test]
fn the_document_is_built_when_it_opens_and_when_its_inputs_change_and_drawn_as_kept() {
    let mut app = sample(Lang::En);
    assert!(
        app.reading.doc.is_none(),
        "nothing built before a document opens"
    );
    press(&mut app, 'w');
    assert_eq!(app.views.kind(), ViewKind::Doc);
    let doc = app.views.doc().unwrap();
    let kept = app.reading.doc.clone().unwrap();
    assert_eq!(Some(&kept), protect::document(&app, doc).as_ref());
    assert!(kept.0.starts_with("Negotiation letter"), "{}", kept.0);
    // The frame draws what is kept, whatever it is: it builds nothing itself.
    app.reading.doc = Some(("Kept title".into(), "kept body line".into()));
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("Kept title") && s.contains("kept body line"),
        "{s}"
    );
    // A change of language rebuilds it, in the other language.
    press(&mut app, 'l');
    let zh = app.reading.doc.clone().unwrap();
    assert!(zh.0.starts_with("协商还款申请书"), "{}", zh.0);
    assert_eq!(Some(&zh), protect::document(&app, doc).as_ref());
    // Closing drops it.
    dispatch(&mut app, repaydash::tui::Msg::Back);
    assert!(app.reading.doc.is_none());
}

#[test]
fn the_log_view_counts_once_when_it_opens() {
    let mut app = sample(Lang::En);
    assert!(app.reading.log.is_none());
    press(&mut app, 'L');
    assert_eq!(app.views.kind(), ViewKind::LogView);
    assert!(app.reading.log.is_some(), "counted on opening");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Collection log"), "{s}");
    // Without its figures the view draws nothing of its own: it never counts per frame.
    app.reading.log = None;
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains("Collection log"), "{s}");
    dispatch(&mut app, repaydash::tui::Msg::Back);
    assert!(app.reading.log.is_none());
}

#[test]
fn a_click_is_resolved_from_what_the_last_frame_recorded() {
    let mut app = sample(Lang::En);
    screen(&mut app, 120, 40);
    let hits = app.measured.hits.clone();
    assert!(hits.list.width > 0 && hits.advice.height > 0, "{hits:?}");
    assert_eq!(
        hits.list_rows_top, 7,
        "header 4 rows, border, headers and ruler"
    );
    // The second row of the third loan.
    let click = |app: &mut App, y: u16| {
        dispatch(app, repaydash::tui::Msg::Click { x: 5, y });
    };
    click(&mut app, hits.list_rows_top + 5);
    assert_eq!(app.selected, 2);
    // Over a document nothing of the main screen is drawn, so a click there selects nothing.
    press(&mut app, 'w');
    screen(&mut app, 120, 40);
    assert_eq!(app.measured.hits, Default::default());
    dispatch(&mut app, repaydash::tui::Msg::Back);
    click(&mut app, hits.list_rows_top);
    assert_eq!(app.selected, 2, "the last frame drew no list");
    screen(&mut app, 120, 40);
    click(&mut app, hits.list_rows_top);
    assert_eq!(app.selected, 0);
}
