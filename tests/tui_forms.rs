//! The dashboard's forms (`p` pay, `n` log, `e` extend) driven by key events on a temp copy of
//! data/sample.toml (written for today = 2026-11-23): what reaches the file, what is refused in
//! place, and what the screen shows.

mod common;
use common::screen;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::engine::{InstallmentStatus, LoanStatus};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, ReadStamp, Source};
use repaydash::tui::form::{FieldKind, FormKind};
use repaydash::tui::stack::ViewKind;
use repaydash::tui::{App, Msg, dispatch, keys};

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

fn app_on(source: Source, lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&source, &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

fn app_at(path: &Path, lang: Lang) -> App {
    app_on(Source::File(path.to_path_buf()), lang)
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(m) = keys::event_in(app.views.kind(), &Event::Key(KeyEvent::new(code, mods))) {
        dispatch(app, m);
    }
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Empty the focused field.
fn clear(app: &mut App) {
    press(app, KeyCode::End);
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
}

fn field(app: &App, kind: FieldKind) -> (String, Option<String>) {
    let f = app
        .views
        .form()
        .expect("a form is open")
        .fields
        .iter()
        .find(|f| f.kind == kind)
        .expect("the field exists");
    (f.value.clone(), f.error.clone())
}

/// The urgency order puts ctrip-jqh second.
fn select_ctrip(app: &mut App) {
    press(app, KeyCode::Char('j'));
    assert_eq!(app.selected_id().as_deref(), Some("ctrip-jqh"));
}

fn entry<'a>(app: &'a App, id: &str) -> &'a repaydash::tui::app::Entry {
    app.snap.loans.iter().find(|e| e.id == id).unwrap()
}

/// `new` is `old` with `added` inserted at one place, every other byte as it was.
fn assert_only_added(old: &str, new: &str, added: &str) {
    let ok = new
        .match_indices(added)
        .any(|(i, _)| format!("{}{}", &new[..i], &new[i + added.len()..]) == old);
    assert!(ok, "expected only {added:?} added:\n{new}");
}

#[test]
fn p_prefills_the_overdue_amount_and_enter_records_it() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    assert_eq!(entry(&app, "ctrip-jqh").ledger.status, LoanStatus::Overdue);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.views.kind(), ViewKind::Form);
    // Installment 8 (1,100.16) less the 300.00 paid on 11-21.
    assert_eq!(field(&app, FieldKind::Amount).0, "800.16");
    assert_eq!(field(&app, FieldKind::Date).0, "2026-11-23");
    press(&mut app, KeyCode::Enter);

    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(app.views.form().is_none());
    let now = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        now,
        SAMPLE.replace(
            "amount = 300.00\n\n[[loan.log]]",
            "amount = 300.00\n\n[[loan.payments]]\ndate = 2026-11-23\namount = 800.16\n\n[[loan.log]]",
        )
    );
    assert_only_added(
        SAMPLE,
        &now,
        "[[loan.payments]]\ndate = 2026-11-23\namount = 800.16\n\n",
    );
    assert_eq!(
        std::fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
        SAMPLE
    );
    // The app shows what was written: installment 8 paid, the next one 12-18, 25 days away.
    let e = entry(&app, "ctrip-jqh");
    assert_eq!(e.ledger.status, LoanStatus::Current);
    assert_eq!(app.selected_id().as_deref(), Some("ctrip-jqh"));
    assert_eq!(app.read, Some(ReadStamp::of(now.as_bytes())));
    let notice = app.notice.clone().unwrap();
    assert_eq!(
        notice,
        "✓ Recorded a payment of ¥800.16 (2026-11-23) · 携程借去花: current · next ¥1,100.16 on 2026-12-18 (in 25 days) · left ¥4,400.67"
    );
    // The same words as `repaydash pay` prints (present::recorded), whole on a wide screen.
    assert!(screen(&mut app, 160, 30).contains(&notice));

    // The watcher then reports the write itself: same bytes, so the message stays.
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.notice.as_deref(), Some(notice.as_str()));
    assert_eq!(app.status, None);
    // Any key clears it.
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.notice, None);
}

#[test]
fn bad_amounts_are_refused_in_place_and_nothing_is_written() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    for (typed, message) in [
        (
            "abc",
            "\"abc\" is not an amount: write a number such as 800.16 or 1,000",
        ),
        ("0", "the amount must be above zero, got \"0\""),
        ("-5", "the amount must be above zero, got \"-5\""),
        (
            "1.234",
            "\"1.234\" has more than two decimals: cents are the smallest unit",
        ),
        ("", "enter an amount, such as 800.16 or 1,000"),
    ] {
        press(&mut app, KeyCode::Char('p'));
        clear(&mut app);
        typ(&mut app, typed);
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.views.kind(),
            ViewKind::Form,
            "{typed:?} keeps the form open"
        );
        assert_eq!(
            field(&app, FieldKind::Amount),
            (typed.to_string(), Some(message.to_string()))
        );
        // Long messages wrap under the field: the first words stand after the mark.
        let head: String = message.chars().take(16).collect();
        assert!(
            screen(&mut app, 80, 24).contains(&format!("✗ {head}")),
            "{message}"
        );
        // Typing again clears the message.
        typ(&mut app, "9");
        assert_eq!(field(&app, FieldKind::Amount).1, None);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.views.kind(), ViewKind::Main);
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
    assert!(!path.with_file_name("loans.toml.bak").exists());
}

#[test]
fn esc_cancels_without_writing() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('p'));
    typ(&mut app, "5");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(app.views.form().is_none() && !app.quit);
    assert_eq!(std::fs::read(&path).unwrap(), SAMPLE.as_bytes());
    // Letters typed in a form are text, not commands: `q` did not quit, `j` did not move.
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "qj");
    assert!(!app.quit);
    assert_eq!(field(&app, FieldKind::Text).0, "qj");
    assert_eq!(app.selected_id().as_deref(), Some("ctrip-jqh"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(std::fs::read(&path).unwrap(), SAMPLE.as_bytes());
}

#[test]
fn a_future_date_is_refused_in_place() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    // A what-if day prefills the form; the real day (2026-11-23) still bounds what happened.
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(field(&app, FieldKind::Date).0, "2026-11-24");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        field(&app, FieldKind::Date).1.as_deref(),
        Some(
            "a payment cannot be dated 2026-11-24, after today (2026-11-23); record it once it has happened"
        )
    );
    // The focus went to the field to fix.
    assert_eq!(app.views.form().unwrap().focus, 1);
    clear(&mut app);
    typ(&mut app, "2026-11-31");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        field(&app, FieldKind::Date).1.as_deref(),
        Some("2026-11-31: no such day (2026-11 has 30 days)")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
}

#[test]
fn n_records_a_log_entry_typed_in_chinese() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('n'));
    let form = app.views.form().unwrap();
    assert_eq!(form.kind, FormKind::Log);
    // Overdue: a collection call is the likely kind; the text field has the focus.
    assert_eq!(form.log_kind.key(), "collection_call");
    assert_eq!(form.focus, 1);
    // Kind: back to negotiation with ←/→ on the kind field (shift-Tab goes up to it).
    key(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.views.form().unwrap().log_kind.key(), "negotiation");
    press(&mut app, KeyCode::Tab);
    // Edit by character: 错 is deleted as one character, 日 inserted before the cursor.
    typ(&mut app, "客服同意延期到12月5错");
    press(&mut app, KeyCode::Backspace);
    typ(&mut app, "X");
    press(&mut app, KeyCode::Left);
    typ(&mut app, "日");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(field(&app, FieldKind::Text).0, "客服同意延期到12月5日");
    // An empty text is refused first.
    let mut empty = app_at(&path, Lang::Zh);
    press(&mut empty, KeyCode::Char('n'));
    press(&mut empty, KeyCode::Enter);
    assert_eq!(
        field(&empty, FieldKind::Text).1.as_deref(),
        Some("记录内容是空的：写下发生了什么")
    );

    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Main);
    let now = std::fs::read_to_string(&path).unwrap();
    assert_only_added(
        SAMPLE,
        &now,
        "\n[[loan.log]]\ndate = 2026-11-23\nkind = \"negotiation\"\ntext = \"客服同意延期到12月5日\"\n",
    );
    let loan = app.portfolio.loan("ctrip-jqh").unwrap();
    assert_eq!(loan.log.len(), 3);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("✓ 已记录：协商（2026-11-23） · 携程借去花：逾期5天 · 逾期金额 ¥800.16")
    );
    // The detail shows it first: newest first.
    let s = screen(&mut app, 120, 40);
    let new = s.find("11-23 协商 客服同意延期到12月5日").expect(&s);
    let older = s.find("11-21 备注 先还了300元").expect(&s);
    assert!(new < older, "{s}");
    assert!(s.contains("─ 沟通记录 3 条（n 添加）"), "{s}");
}

#[test]
fn e_records_an_extension_and_the_due_date_moves() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('e'));
    // Installment 8 (due 11-18, 800.16 unpaid) is the oldest unpaid one.
    assert_eq!(field(&app, FieldKind::Installment), ("8".to_string(), None));
    assert_eq!(field(&app, FieldKind::Due).0, "2026-11-18");
    // Unchanged, the date is refused: it is the current due date, and already past.
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        field(&app, FieldKind::Due).1.as_deref(),
        Some(
            "the new due date 2026-11-18 is in the past (today is 2026-11-23); an extension moves a bill to today or later"
        )
    );
    clear(&mut app);
    typ(&mut app, "2026-12-05");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Main);
    let now = std::fs::read_to_string(&path).unwrap();
    assert_only_added(
        SAMPLE,
        &now,
        "\n[[loan.extensions]]\ninstallment = 8\ndue = 2026-12-05\n",
    );
    let e = entry(&app, "ctrip-jqh");
    let inst = &e.ledger.installments[7];
    assert_eq!(
        inst.inst.due_date,
        NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
    );
    // 300.00 of it is paid and it is not due yet: partial; the loan is 12 days from a due date.
    assert_eq!(inst.status, InstallmentStatus::Partial);
    assert_eq!(e.ledger.status, LoanStatus::Current);
    assert_eq!(e.ledger.overdue_amount, rust_decimal::Decimal::ZERO);
}

#[test]
fn e_with_an_installment_the_loan_does_not_have_is_refused() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('e'));
    clear(&mut app);
    typ(&mut app, "99");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    typ(&mut app, "2026-12-05");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Form);
    assert_eq!(
        field(&app, FieldKind::Installment).1.as_deref(),
        Some("loan \"ctrip-jqh\" has 12 installments; there is no installment 99")
    );
    assert_eq!(app.views.form().unwrap().focus, 0);
    clear(&mut app);
    typ(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        field(&app, FieldKind::Installment).1.as_deref(),
        Some("installments are numbered from 1; there is no installment 0")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
}

#[test]
fn a_store_refusal_is_shown_in_the_form() {
    // The loan was removed from the file since it was read: the edit no longer fits.
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('p'));
    let changed = SAMPLE.replace("id = \"ctrip-jqh\"", "id = \"ctrip-old\"");
    std::fs::write(&path, &changed).unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Form);
    let refusal = app.views.form().unwrap().refusal.clone().unwrap();
    assert!(
        refusal.starts_with("Nothing was written: ")
            && refusal.contains("changed since it was read"),
        "{refusal}"
    );
    assert!(screen(&mut app, 80, 24).contains("Nothing was written"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), changed);

    // A paid-off loan says so when the form opens, and the store refuses it.
    let (_d2, path2) = copy();
    let mut app = app_at(&path2, Lang::En);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected_id().as_deref(), Some("nqh-ticket"));
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(field(&app, FieldKind::Amount).0, "");
    assert_eq!(
        app.views.form().unwrap().refusal.as_deref(),
        Some("This loan is paid off; nothing is left to pay.")
    );
    typ(&mut app, "10");
    press(&mut app, KeyCode::Enter);
    let refusal = app.views.form().unwrap().refusal.clone().unwrap();
    assert!(refusal.contains("already paid off"), "{refusal}");
    assert_eq!(std::fs::read_to_string(&path2).unwrap(), SAMPLE);
}

#[test]
fn the_demo_says_it_cannot_be_written() {
    let mut app = app_on(Source::Demo, Lang::En);
    press(&mut app, KeyCode::Char('p'));
    let demo = "This is the read-only demo: nothing can be written to it. Run `repaydash init` to create your own loans file, fill in your loans, then record them here.";
    assert_eq!(app.views.form().unwrap().refusal.as_deref(), Some(demo));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Form);
    assert_eq!(app.views.form().unwrap().refusal.as_deref(), Some(demo));
    assert!(screen(&mut app, 80, 24).contains("repaydash init"));
    // Started some other way, the form names the command the banner names.
    let mut app = app_on(Source::Demo, Lang::Zh);
    app.init_command = "cargo run --release -- init".into();
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(
        app.views.form().unwrap().refusal.as_deref(),
        Some(
            "这是只读的演示数据，不能写入。运行 cargo run --release -- init 创建你自己的账本文件，填上你的借款后再来记录。"
        )
    );
}

#[test]
fn an_external_change_refreshes_the_read_stamp() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    // Another window appends a note to the last loan.
    let edited = format!("{SAMPLE}\n[[loan.log]]\ndate = 2026-11-22\ntext = \"外部修改\"\n");
    std::fs::write(&path, &edited).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.read, Some(ReadStamp::of(edited.as_bytes())));
    assert_eq!(app.portfolio.loan("jiebei-june").unwrap().log.len(), 2);
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Enter);
    let notice = app.notice.clone().unwrap();
    assert!(!notice.contains("had changed"), "{notice}");
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.ends_with("text = \"外部修改\"\n") && now.contains("amount = 800.16"));

    // Without the watcher's message the write still goes in, on top of the change, and says so.
    let (_d2, path2) = copy();
    let mut app = app_at(&path2, Lang::En);
    select_ctrip(&mut app);
    std::fs::write(&path2, &edited).unwrap();
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Enter);
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.ends_with("(the file had changed; added on top of that change)"),
        "{notice}"
    );
}

// A save without a change (or `touch`) is not parsed again: the model keeps what it holds, even
// an in-memory change made here as a marker. A change of the same length is parsed, and the file
// put back after a failed reload ends the failure without a parse.
#[test]
fn a_file_saved_unchanged_is_not_parsed_again() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    let marker = Some("marker, not in the file".to_string());
    app.portfolio.loans[0].name = marker.clone();
    std::fs::write(&path, SAMPLE).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.portfolio.loans[0].name, marker);
    dispatch(&mut app, Msg::Reload);
    assert_eq!(app.portfolio.loans[0].name, marker);
    assert!(app.notice.as_deref().unwrap().contains("loans.toml"));

    // Same length, one digit different: read and parsed.
    let edited = SAMPLE.replacen("amount = 1100.16", "amount = 1100.17", 1);
    assert_eq!(edited.len(), SAMPLE.len());
    std::fs::write(&path, &edited).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.portfolio.loans[0].name.as_deref(), Some("携程借去花"));
    assert_eq!(app.read, Some(ReadStamp::of(edited.as_bytes())));

    // Broken, then back to the bytes on show.
    std::fs::write(&path, "[[loan]\n").unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert!(app.reload_failed && app.status.is_some());
    app.portfolio.loans[0].name = marker.clone();
    std::fs::write(&path, &edited).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert!(!app.reload_failed && app.status.is_none());
    assert_eq!(app.portfolio.loans[0].name, marker);
}

#[cfg(unix)]
#[test]
fn a_file_others_can_read_is_flagged_in_the_header_until_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path) = copy();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut app = app_at(&path, Lang::En);
    assert_eq!(app.privacy, None, "off unless the dashboard asks");
    repaydash::tui::effects::watch_perms(&mut app);
    let s = screen(&mut app, 200, 30);
    assert!(
        s.contains(&format!(
            "⚠ other users can read your loans file (mode 644; debts, contacts' phones): chmod 600 {}",
            path.display()
        )),
        "{s}"
    );
    // Keys do not hide it; fixing the file does (the watcher reports the chmod).
    press(&mut app, KeyCode::Char('j'));
    assert!(app.privacy.is_some());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    dispatch(&mut app, Msg::FileChanged);
    assert_eq!(app.privacy, None);
    assert!(!screen(&mut app, 200, 30).contains("chmod 600"));
}

#[test]
fn phones_stay_masked_in_the_form_screens() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('p'));
    let s = screen(&mut app, 120, 40);
    assert!(!s.contains("13800000001"), "{s}");
}

/// Each form at 80×24 in both languages, and one with a message in place.
#[test]
fn snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, k) in [("pay", 'p'), ("log", 'n'), ("extend", 'e')] {
            let (_d, path) = copy();
            let mut app = app_at(&path, lang);
            select_ctrip(&mut app);
            press(&mut app, KeyCode::Char(k));
            if name == "log" {
                typ(&mut app, "客服说可以申请延期");
            }
            insta::assert_snapshot!(
                format!("form_{name}_{}_80x24", lang.key()),
                screen(&mut app, 80, 24)
            );
        }
        let (_d, path) = copy();
        let mut app = app_at(&path, lang);
        select_ctrip(&mut app);
        press(&mut app, KeyCode::Char('p'));
        clear(&mut app);
        typ(&mut app, "abc");
        press(&mut app, KeyCode::Enter);
        insta::assert_snapshot!(
            format!("form_pay_invalid_{}_80x24", lang.key()),
            screen(&mut app, 80, 24)
        );
        let mut demo = app_on(Source::Demo, lang);
        press(&mut demo, KeyCode::Char('p'));
        insta::assert_snapshot!(
            format!("form_pay_demo_{}_80x24", lang.key()),
            screen(&mut demo, 80, 24)
        );
    }
}

#[test]
fn nothing_panics_when_a_form_is_drawn_small() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, &"很长的中文内容".repeat(20));
    for w in 0..=90 {
        for h in [0, 1, 5, 19, 20, 21, 24] {
            screen(&mut app, w, h);
        }
    }
}

/// `update` is pure: Enter in a valid form asks for a write and touches nothing; the event loop's
/// `perform` writes, then the model shows the file as written.
#[test]
fn update_returns_the_write_and_perform_does_it() {
    use repaydash::store::write::Edit;
    use repaydash::tui::{Effect, effects, update};
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    dispatch(&mut app, Msg::RecordPayment);
    let effects = update(&mut app, Msg::Form(repaydash::tui::form::FormMsg::Submit));
    assert_eq!(
        effects,
        vec![Effect::Write(Edit::Pay {
            id: "ctrip-jqh".into(),
            date: today(),
            amount: "800.16".parse().unwrap(),
        })]
    );
    // Nothing written yet, the form still open.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
    assert_eq!(app.views.kind(), ViewKind::Form);
    effects::perform(&mut app, effects);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("amount = 800.16\n")
    );
    // A reload is asked for, not done.
    assert_eq!(
        update(&mut app, Msg::Reload),
        vec![Effect::Reload { by_hand: true }]
    );
}

#[test]
fn keys_typed_blind_on_a_too_small_terminal_do_nothing() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use repaydash::tui::run::{Event as RunEvent, run};
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    let first = app.selected_id();
    let (tx, rx) = std::sync::mpsc::channel();
    let k = |c| RunEvent::Term(Event::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    // On 60×15 the dashboard only says "terminal too small": `j p 5 Enter` must not move the
    // selection, open the form or record a payment. Then q quits.
    for c in [
        KeyCode::Char('j'),
        KeyCode::Char('p'),
        KeyCode::Char('5'),
        KeyCode::Enter,
        KeyCode::Char('u'),
        KeyCode::Esc,
        KeyCode::Char('q'),
    ] {
        tx.send(k(c)).unwrap();
    }
    let mut t = Terminal::new(TestBackend::new(60, 15)).unwrap();
    let clock = || today().and_hms_opt(9, 0, 0).unwrap();
    run(&mut t, &mut app, &rx, &clock).unwrap();
    assert!(app.quit);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert!(app.views.form().is_none());
    assert_eq!(app.selected_id(), first);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
    assert!(!path.with_file_name("loans.toml.bak").exists());
    // Ctrl-C quits there too.
    let mut app = app_at(&path, Lang::En);
    let (tx, rx) = std::sync::mpsc::channel();
    tx.send(RunEvent::Term(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    ))))
    .unwrap();
    run(&mut t, &mut app, &rx, &clock).unwrap();
    assert!(app.quit);
}

#[test]
fn u_undoes_the_forms_write_and_u_again_redoes_it() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Enter);
    let paid = std::fs::read_to_string(&path).unwrap();
    assert_ne!(paid, SAMPLE);
    assert_eq!(entry(&app, "ctrip-jqh").ledger.status, LoanStatus::Current);
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
    assert_eq!(entry(&app, "ctrip-jqh").ledger.status, LoanStatus::Overdue);
    let notice = app.notice.clone().unwrap();
    assert_eq!(
        notice,
        "✓ undid the last write (u again redoes it): took out [[loan.payments]] · date = 2026-11-23 · amount = 800.16"
    );
    assert!(screen(&mut app, 120, 30).contains("undid the last write"));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), paid);
    assert!(
        app.notice
            .clone()
            .unwrap()
            .contains("put back [[loan.payments]]")
    );
    // Edited by hand since: undo would lose that, so it says no and changes nothing.
    let edited = format!("{paid}# typed in an editor\n");
    std::fs::write(&path, &edited).unwrap();
    press(&mut app, KeyCode::Char('u'));
    assert!(
        app.status
            .clone()
            .unwrap()
            .starts_with("Nothing was undone: "),
        "{:?}",
        app.status
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

/// At 80 columns the warning's lead gives way so `chmod 600 PATH` stays whole (it is the point);
/// a terminal too narrow even for the command alone cuts the path in the middle.
#[cfg(unix)]
#[test]
fn the_chmod_command_stays_whole_at_80_columns() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, path) = copy();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let shown = path.display().to_string();
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app_at(&path, lang);
        repaydash::tui::effects::watch_perms(&mut app);
        let s = screen(&mut app, 80, 24);
        let line = s
            .lines()
            .find(|l| l.contains('⚠') && l.contains("chmod"))
            .unwrap_or_else(|| panic!("{lang:?}: no warning line\n{s}"));
        assert!(
            line.trim_end().ends_with(&format!("chmod 600 {shown}")),
            "{lang:?}: {line}"
        );
        // Why is still said, shorter.
        assert!(
            line.contains(lang.t("你的账本", "can read")),
            "{lang:?}: {line}"
        );
        // 30 columns: " ⚠ chmod 600 " and 17 columns of path, cut in the middle.
        let line = app.privacy_line(27).unwrap();
        assert!(line.starts_with("chmod 600 /"), "{line}");
        assert!(line.contains('…') && line.ends_with(".toml"), "{line}");
        assert_eq!(unicode_width::UnicodeWidthStr::width(line.as_str()), 27);
    }
}

/// Readline habits in a form field: Ctrl-W deletes the word before the cursor, Ctrl-U everything
/// before it (the whole field while typing at its end); neither writes nor leaves the form.
#[test]
fn ctrl_u_clears_a_field_and_ctrl_w_deletes_a_word() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    select_ctrip(&mut app);
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "called at 9 pm  ");
    key(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(field(&app, FieldKind::Text).0, "called at 9 ");
    key(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(field(&app, FieldKind::Text).0, "called at ");
    // In the middle: only what is before the cursor goes.
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(field(&app, FieldKind::Text).0, "t ");
    press(&mut app, KeyCode::End);
    typ(&mut app, "半夜打来");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(field(&app, FieldKind::Text).0, "");
    assert_eq!(app.views.kind(), ViewKind::Form);
    // The amount field too.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('p'));
    typ(&mut app, "1,234.5");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(field(&app, FieldKind::Amount).0, "");
    press(&mut app, KeyCode::Esc);
    assert_eq!(std::fs::read(&path).unwrap(), SAMPLE.as_bytes());
}
