//! Issue 21: the dashboard's detail for a loan not late says every stage is conditional, as the
//! list's "if missed" does.

mod common;
use common::screen;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::{App, dispatch, keys};

fn sample(lang: Lang) -> App {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let builtin = builtin_policies().unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml");
    let loaded = store::load(&Source::File(path), &builtin, today).unwrap();
    let mut app = App::new(loaded, builtin, today, lang);
    app.color = false;
    app
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(m) = keys::event_in(
        app.views.kind(),
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
    ) {
        dispatch(app, m);
    }
}

/// 花呗分期 (the fourth loan, most urgent first) is due 2026-11-26 and not late: its stages are
/// under "If 26 Nov is missed"; 星图 (the first, 33 days late) keeps the plain title.
#[test]
fn a_loan_not_late_shows_its_stages_as_conditional() {
    for (lang, plain, conditional) in [
        (
            Lang::En,
            "Stages (estimates)",
            "If 26 Nov is missed: stages (estimates)",
        ),
        (
            Lang::Zh,
            "催收阶段（估计）",
            "若 11-26 未还：催收阶段（估计）",
        ),
    ] {
        let mut app = sample(lang);
        let s = screen(&mut app, 120, 40);
        assert!(s.contains(plain), "{s}");
        for _ in 0..3 {
            press(&mut app, KeyCode::Down);
        }
        let s = screen(&mut app, 120, 40);
        assert!(s.contains(conditional), "{s}");
    }
}
