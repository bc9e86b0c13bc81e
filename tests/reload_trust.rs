//! A reload never shows a false calm: a file caught mid-save (empty, or not yet valid) does not
//! replace the last good data, the stale screen says so with `file:line:col`, and a change is
//! read only once the file has been quiet (issue 21).

mod common;
use common::screen;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::run::{Event as RunEvent, SETTLE, run};
use repaydash::tui::{App, Msg, dispatch};

const SAMPLE: &str = include_str!("../data/sample.toml");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, SAMPLE).unwrap();
    (dir, path)
}

fn app_at(path: &Path, lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let source = Source::File(path.to_path_buf());
    let loaded = store::load(&source, &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

/// The sample with a typo as a hand edit makes it: a thousands comma in a payment.
fn broken() -> (String, String) {
    let bad = SAMPLE.replacen("amount = 1100.16", "amount = 1,100.16", 1);
    let line = bad.lines().position(|l| l.contains("1,100.16")).unwrap() + 1;
    (bad, format!("loans.toml:{line}:"))
}

#[test]
fn an_empty_file_after_loans_keeps_the_data_until_r() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    let loans = app.portfolio.loans.len();
    let overdue = app.snap.totals.overdue;
    assert!(loans > 0 && !overdue.is_zero());
    // The editor truncated the file: the watcher's read sees it empty.
    std::fs::write(&path, "").unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.portfolio.loans.len(), loans);
    assert_eq!(app.snap.totals.overdue, overdue);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("⚠ 旧数据：loans.toml 现在没有任何借款"), "{s}");
    assert!(!s.contains("文件里还没有借款"), "{s}");
    assert!(!s.contains("没有逾期"), "{s}");
    // `r`: the user means it.
    dispatch(&mut app, Msg::Reload);
    assert!(app.portfolio.loans.is_empty());
    assert!(app.stale.is_none());
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("文件里还没有借款"), "{s}");
    assert!(!s.contains("旧数据"), "{s}");
}

#[test]
fn a_broken_save_marks_the_old_data_with_the_place_until_it_reads() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    let overdue = app.snap.totals.overdue;
    // Truncated, then written with a typo: both seen by the watcher.
    std::fs::write(&path, "").unwrap();
    dispatch(&mut app, Msg::FileChanged);
    let (bad, place) = broken();
    std::fs::write(&path, &bad).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.snap.totals.overdue, overdue);
    let s = screen(&mut app, 120, 40);
    let mark = s
        .lines()
        .find(|l| l.contains("⚠ old data: the file does not read"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(mark.contains(&place), "{mark}");
    assert!(!s.contains("No loans in the file yet"), "{s}");
    assert!(!s.contains("nothing overdue"), "{s}");
    // A key does not take the mark away; only a file that reads does.
    dispatch(&mut app, Msg::Down);
    assert!(screen(&mut app, 120, 40).contains("⚠ old data"));
    let fixed = SAMPLE.replacen("amount = 1100.16", "amount = 1100.17", 1);
    std::fs::write(&path, &fixed).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    let s = screen(&mut app, 120, 40);
    assert!(!s.contains("old data"), "{s}");
    assert!(app.stale.is_none() && !app.reload_failed);
}

/// The watcher's events start a wait; the file is read once it has been quiet for `SETTLE`. A
/// change still under way when the user quits is never read.
#[test]
fn a_change_is_read_only_after_the_file_settles() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    let (tx, rx) = std::sync::mpsc::channel();
    // Half written: not a valid file yet.
    std::fs::write(&path, "[[loan]]\nid = \"a\"\nprincipal = ").unwrap();
    tx.send(RunEvent::FileChanged).unwrap();
    tx.send(RunEvent::Term(Event::Key(KeyEvent::new(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
    ))))
    .unwrap();
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let clock = || today().and_hms_opt(9, 0, 0).unwrap();
    run(&mut t, &mut app, &rx, &clock).unwrap();
    assert!(
        !app.reload_failed && app.status.is_none(),
        "{:?}",
        app.status
    );

    // Left alone past the wait, the finished file is read.
    let (_d2, path2) = copy();
    let mut app = app_at(&path2, Lang::En);
    let (tx, rx) = std::sync::mpsc::channel();
    let edited = SAMPLE.replacen("amount = 1100.16", "amount = 1100.17", 1);
    std::fs::write(&path2, &edited).unwrap();
    tx.send(RunEvent::FileChanged).unwrap();
    let sender = std::thread::spawn(move || {
        std::thread::sleep(SETTLE * 3);
        tx.send(RunEvent::Term(Event::Key(KeyEvent::new(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
        ))))
        .unwrap();
    });
    run(&mut t, &mut app, &rx, &clock).unwrap();
    sender.join().unwrap();
    assert_eq!(app.read, Some(store::ReadStamp::of(edited.as_bytes())));
}
