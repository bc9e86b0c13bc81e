//! The dashboard with agreements, promises and a settlement (issue 20): the detail's agreement
//! progress (k of n), promises, the settlement and the closing checklist, the header's pending
//! promise, and the outcome forms writing through the store. Snapshots at 80×24 and 120×40, zh
//! and en, on tests/fixtures/outcome/dashboard.toml.

mod common;
use common::screen;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::form::{FieldKind, FormKind};
use repaydash::tui::stack::ViewKind;
use repaydash::tui::{App, dispatch, keys};

const FIXTURE: &str = include_str!("fixtures/outcome/dashboard.toml");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, FIXTURE).unwrap();
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

fn press(app: &mut App, code: KeyCode) {
    if let Some(m) = keys::event_in(
        app.views.kind(),
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
    ) {
        dispatch(app, m);
    }
}

fn select(app: &mut App, id: &str) {
    press(app, KeyCode::Char('g'));
    for _ in 0..app.snap.loans.len() {
        if app.selected_id().as_deref() == Some(id) {
            return;
        }
        press(app, KeyCode::Char('j'));
    }
    panic!("no loan {id}");
}

#[test]
fn snapshots() {
    let (_d, path) = copy();
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            for id in ["kept", "broken", "settled"] {
                let mut app = app_at(&path, lang);
                select(&mut app, id);
                insta::assert_snapshot!(
                    format!("outcome_{id}_{}_{w}x{h}", lang.key()),
                    screen(&mut app, w, h)
                );
            }
        }
    }
}

#[test]
fn the_detail_says_what_the_negotiation_won() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select(&mut app, "kept");
    let s = screen(&mut app, 120, 40);
    // 3,000 as 6 × 500 from 1 Nov; one paid.
    assert!(s.contains("Agreement: 1 of 6 paid"), "{s}");
    assert!(s.contains("next 1 Dec ¥500.00"), "{s}");
    assert!(s.contains("◆ ¥300.00 by 25 Nov (¥0.00 paid)"), "{s}");
    // The header names the promise 2 days before its day.
    assert!(
        s.contains("promised: ¥300.00 to 星图任性贷 by 25 Nov"),
        "{s}"
    );
    // No call script while the agreement is kept: the advice opens with keeping it.
    assert!(s.contains("Keeping the agreement"), "{s}");
    assert!(!s.contains("Negotiation call script"), "{s}");

    select(&mut app, "broken");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("agreement broken 39d"), "{s}");
    assert!(s.contains("agreement broken: #2 (15 Oct) unpaid"), "{s}");
    assert!(s.contains("⚠ no record noted"), "{s}");

    select(&mut app, "settled");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("¥2,000.00 paid on 1 Oct"), "{s}");
    assert!(s.contains("¥2,244.00 waived"), "{s}");
    assert!(s.contains("☐ get a written proof of settlement"), "{s}");
    assert!(s.contains("After the last payment"), "{s}");
}

fn set_field(app: &mut App, kind: FieldKind, value: &str) {
    let form = app.views.form_mut().expect("a form is open");
    let i = form
        .fields
        .iter()
        .position(|f| f.kind == kind)
        .expect("the field");
    form.focus = i;
    form.fields[i].value = value.to_string();
    form.fields[i].cursor = value.chars().count();
}

fn submit(app: &mut App) {
    // `dispatch` runs the write as the event loop would.
    press(app, KeyCode::Enter);
}

#[test]
fn the_agree_form_is_prefilled_with_the_proposal_and_writes() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    select(&mut app, "broken");
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(app.views.kind(), ViewKind::Form);
    let form = app.views.form().expect("the form");
    assert_eq!(form.kind, FormKind::Agree);
    let value = |k| form.field(k).map(|f| f.value.clone()).unwrap_or_default();
    assert_eq!(value(FieldKind::From), "2026-12-23");
    assert_eq!(value(FieldKind::Date), "2026-11-23");
    // Prefilled with the call script's proposal: some monthly amount and months.
    assert!(!value(FieldKind::Amount).is_empty());
    assert!(!value(FieldKind::Months).is_empty());
    set_field(&mut app, FieldKind::Months, "3");
    set_field(&mut app, FieldKind::Amount, "500");
    set_field(&mut app, FieldKind::Reference, "工号 77");
    submit(&mut app);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[[loan.agreements]]\ndate = 2026-11-23\nfrom = 2026-12-23\nmonths = 3\namount = 500\nref = \"工号 77\"\n"),
        "{text}"
    );
    assert_eq!(app.views.kind(), ViewKind::Main);
}

#[test]
fn promise_settle_and_penalty_forms_write_and_refuse_in_place() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select(&mut app, "broken");
    // A promise due before it was made: refused under its day, nothing written.
    press(&mut app, KeyCode::Char('O'));
    set_field(&mut app, FieldKind::Amount, "200");
    set_field(&mut app, FieldKind::By, "2026-11-01");
    submit(&mut app);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXTURE);
    let form = app.views.form().expect("still open");
    assert!(
        form.field(FieldKind::By)
            .and_then(|f| f.error.clone())
            .is_some()
    );
    set_field(&mut app, FieldKind::By, "2026-11-30");
    submit(&mut app);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("[[loan.promises]]\ndate = 2026-11-23\nby = 2026-11-30\namount = 200\n")
    );
    // A penalty payment.
    press(&mut app, KeyCode::Char('F'));
    set_field(&mut app, FieldKind::Amount, "10");
    submit(&mut app);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("amount = 10\nkind = \"penalty\"\n")
    );
    // The settle form reminds first, then writes.
    press(&mut app, KeyCode::Char('S'));
    let hint = app
        .views
        .form()
        .and_then(|f| f.field(FieldKind::Amount))
        .map(|f| f.hint.clone())
        .unwrap_or_default();
    assert!(
        hint.contains("get the settlement in writing first"),
        "{hint}"
    );
    set_field(&mut app, FieldKind::Amount, "900");
    submit(&mut app);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("settlement = { date = 2026-11-23, amount = 900 }")
    );
    assert_eq!(
        app.snap.loan("broken").map(|f| f.ledger.status.key()),
        Some("settled")
    );
}

#[test]
fn w_offers_the_letters_that_fit_the_loan() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    select(&mut app, "settled");
    press(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("结清证明申请 · 借呗（Tab 换一种）"), "{s}");
    assert!(s.contains("减免 ¥2,244.00"), "{s}");
    press(&mut app, KeyCode::Tab);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("征信异议申请 · 借呗"), "{s}");
    press(&mut app, KeyCode::Esc);
    // While the agreement is kept, no new plan: the dispute only.
    select(&mut app, "kept");
    press(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("征信异议申请 · 星图任性贷"), "{s}");
    assert!(!s.contains("协商还款申请书"), "{s}");
    press(&mut app, KeyCode::Esc);
    // Broken, the negotiation letter again.
    select(&mut app, "broken");
    press(&mut app, KeyCode::Char('w'));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("协商还款申请书 · 某分期"), "{s}");
}

#[test]
fn the_closing_checklist_remembers_through_the_log() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select(&mut app, "settled");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("After the last payment (C checks)"), "{s}");
    assert!(s.contains("☐ get a written proof of settlement"), "{s}");
    press(&mut app, KeyCode::Char('C'));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with("[[loan.log]]\ndate = 2026-11-23\nkind = \"note\"\ntext = \"✓ get a written proof of settlement\"\n"),
        "{text}"
    );
    // Read again, as a new session would: the first item is checked, the second is next.
    let mut again = app_at(&path, Lang::Zh);
    select(&mut again, "settled");
    let s = screen(&mut again, 120, 40);
    assert!(s.contains("☑ 要书面结清证明"), "{s}");
    assert!(s.contains("☐ 1–2 个月后查征信"), "{s}");
    press(&mut again, KeyCode::Char('C'));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("text = \"✓ 1–2 个月后查征信\"\n")
    );
    // A loan still owed has no checklist: C writes nothing.
    let before = std::fs::read_to_string(&path).unwrap();
    select(&mut again, "kept");
    press(&mut again, KeyCode::Char('C'));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn the_call_form_records_what_they_asked_for_as_a_promise() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select(&mut app, "broken");
    app.clock_time = chrono::NaiveTime::from_hms_opt(10, 5, 0);
    press(&mut app, KeyCode::Char('a'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("what they asked you to pay"), "{s}");
    set_field(&mut app, FieldKind::Amount, "600");
    set_field(&mut app, FieldKind::By, "2026-11-27");
    submit(&mut app);
    assert_eq!(app.views.kind(), ViewKind::Main);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("kind = \"collection_call\""), "{text}");
    assert!(
        text.contains("[[loan.promises]]\ndate = 2026-11-23\nby = 2026-11-27\namount = 600\n"),
        "{text}"
    );
    // Only one of the two: refused in place, nothing written.
    let before = std::fs::read_to_string(&path).unwrap();
    press(&mut app, KeyCode::Char('a'));
    set_field(&mut app, FieldKind::Amount, "600");
    submit(&mut app);
    assert_eq!(app.views.kind(), ViewKind::Form);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn the_schedule_view_lists_the_agreement_then_the_original_schedule() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select(&mut app, "kept");
    press(&mut app, KeyCode::Enter);
    let s = screen(&mut app, 120, 40);
    // 6 × 500 from 1 Nov: A1 paid, A2 due 1 Dec; then the original bill of 3,000 (15 Aug) as it
    // stood the day before the agreement.
    assert!(s.contains(" A1 "), "{s}");
    assert!(s.contains(" A6 "), "{s}");
    let a2 = s.lines().find(|l| l.contains(" A2 ")).expect("A2");
    assert!(a2.contains("1 Dec") && a2.contains("500.00"), "{a2}");
    let original = s
        .lines()
        .find(|l| l.contains("15 Aug"))
        .expect("the original bill");
    assert!(
        original.contains("3,000.00") && original.contains("overdue"),
        "{original}"
    );
}
