//! The dashboard side of getting loans in and keeping them current: the language and sort kept
//! for the next run (state file round trip through the keys), archived loans out of the list.

use std::path::Path;

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::knowledge::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::app::SortKey;
use repaydash::tui::state::UiState;
use repaydash::tui::{App, dispatch, keys};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

const TWO: &str = "[[loan]]\nid = \"old\"\nplatform = \"ctrip\"\nprincipal = 1200\nannual_rate = 0\nmethod = \"equal_principal\"\nterm = 12\nstart_date = 2026-11-01\n\n[[loan]]\nid = \"hb\"\nplatform = \"花呗\"\namount_due = 458.30\ndue_date = 2026-12-09\n";

fn app_on(text: &str, dir: &Path, lang: Lang) -> App {
    let path = dir.join("loans.toml");
    std::fs::write(&path, text).unwrap();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path), &builtin, today()).unwrap();
    App::new(loaded, builtin, today(), lang)
}

fn press(app: &mut App, c: char) {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    if let Some(m) = keys::event_in(app.mode, &ev) {
        dispatch(app, m);
    }
}

#[test]
fn language_and_sort_outlive_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state").join("ui.toml");
    let mut app = app_on(TWO, dir.path(), Lang::Zh);
    app.ui_state = Some(state.clone());
    press(&mut app, 'l');
    assert_eq!(
        UiState::load(&state),
        UiState {
            lang: Some(Lang::En),
            sort: Some(SortKey::Urgency)
        }
    );
    press(&mut app, 's');
    assert_eq!(app.sort, SortKey::Amount);
    assert_eq!(
        UiState::load(&state),
        UiState {
            lang: Some(Lang::En),
            sort: Some(SortKey::Amount)
        }
    );
    // Never in the loans file.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        TWO
    );
}

#[test]
fn a_model_without_a_state_file_keeps_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(TWO, dir.path(), Lang::Zh);
    assert!(app.save_ui().is_empty());
    press(&mut app, 'l');
    assert_eq!(app.lang, Lang::En);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn archived_loans_leave_the_list_and_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    let archived = TWO.replace(
        "start_date = 2026-11-01\n",
        "start_date = 2026-11-01\narchived = true\n",
    );
    let app = app_on(&archived, dir.path(), Lang::En);
    let ids: Vec<&str> = app.snap.loans.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["hb"]);
    let app = app_on(TWO, dir.path(), Lang::En);
    assert_eq!(app.snap.loans.len(), 2);
}

#[test]
fn a_archives_the_selected_loan_and_h_shows_archived_loans() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(TWO, dir.path(), Lang::En);
    // `old` is overdue: first in the list, selected.
    assert_eq!(app.selected_id().as_deref(), Some("old"));
    press(&mut app, 'A');
    let text = std::fs::read_to_string(dir.path().join("loans.toml")).unwrap();
    assert!(
        text.contains("start_date = 2026-11-01\narchived = true\n"),
        "{text}"
    );
    let ids: Vec<&str> = app.snap.loans.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["hb"]);
    assert_eq!(app.snap.totals.overdue, rust_decimal::Decimal::ZERO);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or_default()
            .contains("Archived old")
    );
    press(&mut app, 'H');
    assert_eq!(app.snap.loans.len(), 2);
    // Shown, the archived loan is brought back by `A` again.
    app.select_id(Some("old"));
    press(&mut app, 'A');
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        TWO
    );
    press(&mut app, 'H');
    assert_eq!(app.snap.loans.len(), 2);
}
