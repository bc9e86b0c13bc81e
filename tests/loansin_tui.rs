//! The dashboard side of getting loans in and keeping them current: the language and sort kept
//! for the next run (state file round trip through the keys), archived loans out of the list.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::app::SortKey;
use repaydash::tui::scroll::Scroll;
use repaydash::tui::stack::{View, ViewKind};
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
    if let Some(m) = keys::event_in(app.views.kind(), &ev) {
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
        repaydash::tui::effects::load_ui(&state),
        UiState {
            lang: Some(Lang::En),
            sort: Some(SortKey::Urgency)
        }
    );
    press(&mut app, 's');
    assert_eq!(app.sort, SortKey::Amount);
    assert_eq!(
        repaydash::tui::effects::load_ui(&state),
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
    press(&mut app, 'X');
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
    // Shown, it is marked in the list and still out of the totals.
    assert_eq!(app.snap.totals.overdue, rust_decimal::Decimal::ZERO);
    let s = common::screen(&mut app, 80, 24);
    let row = s.lines().find(|l| l.contains("old")).unwrap_or_default();
    assert!(row.contains("archived"), "{s}");
    // Shown, the archived loan is brought back by `X` again.
    app.select_id(Some("old"));
    press(&mut app, 'X');
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        TWO
    );
    press(&mut app, 'H');
    assert_eq!(app.snap.loans.len(), 2);
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(m) = keys::event_in(app.views.kind(), &Event::Key(KeyEvent::new(code, mods))) {
        dispatch(app, m);
    }
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn tab(app: &mut App, n: usize) {
    for _ in 0..n {
        key(app, KeyCode::Tab, KeyModifiers::NONE);
    }
}

/// `N`, then an equal-installment loan typed in: platform, principal, rate, drawdown date,
/// a contact and six installments paid.
fn fill(app: &mut App) {
    press(app, 'N');
    assert_eq!(app.views.kind(), ViewKind::AddLoan);
    typ(app, "借呗");
    tab(app, 4); // product, name, method → principal
    typ(app, "10000");
    tab(app, 2); // rate kind → rate
    typ(app, "18");
    tab(app, 2); // term → start
    key(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typ(app, "2026-05-10");
    tab(app, 2); // due day → contacts
    typ(app, "王小明,同事,13800000001");
    tab(app, 1);
    key(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typ(app, "6");
}

#[test]
fn n_adds_a_loan_with_the_preview_and_selects_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(TWO, dir.path(), Lang::En);
    fill(&mut app);
    let preview = app.views.add_loan().unwrap().preview.clone().unwrap();
    assert_eq!(preview[1], "    1  2026-06-10       ¥916.80");
    assert!(
        preview
            .iter()
            .any(|l| l.contains("true annual rate (IRR) 18.00%")),
        "{preview:?}"
    );
    assert_eq!(preview.last().unwrap(), "id: alipay");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.views.kind(), ViewKind::Main);
    assert_eq!(app.selected_id().as_deref(), Some("alipay"));
    let text = std::fs::read_to_string(dir.path().join("loans.toml")).unwrap();
    assert!(text.starts_with(TWO), "{text}");
    assert_eq!(text.matches("[[loan.payments]]").count(), 6);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or_default()
            .starts_with("✓ Added")
    );
    // One undo takes it all back.
    press(&mut app, 'u');
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        TWO
    );
}

#[test]
fn the_form_says_what_is_missing_and_refuses_what_the_file_would() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(TWO, dir.path(), Lang::En);
    press(&mut app, 'N');
    let f = app.views.add_loan().unwrap();
    assert_eq!(
        f.preview.as_ref().map_err(|e| e.get(Lang::En)),
        Err("still to fill in: Platform, Borrowed, Rate %")
    );
    typ(&mut app, "x");
    tab(&mut app, 4);
    typ(&mut app, "1000");
    tab(&mut app, 2);
    typ(&mut app, "5000");
    let f = app.views.add_loan().unwrap();
    let said = f.preview.clone().unwrap_err().get(Lang::En).to_string();
    assert!(
        said.ends_with(
            "\n--annual-rate: `annual_rate` must be a percentage from 0 to 1000, found 5000"
        ),
        "{said}"
    );
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.views.kind(), ViewKind::AddLoan);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        TWO
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.views.kind(), ViewKind::Main);
}

#[test]
fn add_form_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_on(TWO, dir.path(), lang);
            app.color = false;
            fill(&mut app);
            let s = common::screen(&mut app, w, h);
            let name = format!("add_form_{}_{w}x{h}", lang.key());
            insta::assert_snapshot!(name, s);
        }
    }
}

/// A loan with every section: contacts, payments and log entries, more than 80×24 can show
/// beside the list.
const FULL: &str = "[[loan]]\nid = \"xt\"\nname = \"任性贷\"\nplatform = \"xingtu\"\nprincipal = 6000\nannual_rate = 24\nmethod = \"equal_installment\"\nterm = 6\nstart_date = 2026-08-05\ncontacts = [\n  { name = \"张三\", relation = \"朋友\", phone = \"13800000000\" },\n  { name = \"李四\", relation = \"同事\", phone = \"13900000000\" },\n]\n\n[[loan.payments]]\ndate = 2026-09-05\namount = 1071.15\n\n[[loan.log]]\ndate = 2026-11-20\nkind = \"collection_call\"\nwho = \"me\"\ntext = \"the last log entry, at the very end\"\n";

#[test]
fn f_shows_every_section_of_a_loan_scrolled_by_keys_and_wheel() {
    for lang in [Lang::En, Lang::Zh] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on(FULL, dir.path(), lang);
        app.color = false;
        press(&mut app, 'f');
        let first = common::screen(&mut app, 80, 24);
        assert!(first.contains(lang.t(" ↓ 还有 ", " ↓ more ")), "{first}");
        let max = app.measured.doc_max_scroll;
        assert!(max > 0);
        // The wheel and the keys reach the end, where the log entry is.
        dispatch(
            &mut app,
            repaydash::tui::Msg::Wheel {
                x: 40,
                y: 10,
                rows: 1,
            },
        );
        assert_eq!(app.views.top(), Some(&View::LoanFull(Scroll { top: 3 })));
        key(&mut app, KeyCode::End, KeyModifiers::NONE);
        let last = common::screen(&mut app, 80, 24);
        assert!(last.contains(lang.t(" ↑ 上面还有 ", " ↑ more ")), "{last}");
        assert!(!last.contains(" ↓ "), "{last}");
        let all = (0..=max)
            .step_by(10)
            .chain([max])
            .map(|s| {
                app.views.reset(View::LoanFull(Scroll { top: s }));
                common::screen(&mut app, 80, 24)
            })
            .collect::<String>();
        assert!(all.contains("the last log entry"), "{all}");
        assert!(all.contains("139****0000"), "both contacts, masked: {all}");
        if lang == Lang::En {
            insta::assert_snapshot!("loan_full_en_80x24", first);
        }
        press(&mut app, 'f');
        assert_eq!(app.views.kind(), ViewKind::Main);
    }
}

/// Two loans with entries: `xt` (a payment on 2026-09-05, a call on 2026-11-20 22:40) and `hb`
/// (a note on 2026-11-25, payments written inline).
const ENTRIES: &str = "[[loan]]\nid = \"xt\"\nname = \"任性贷\"\nplatform = \"xingtu\"\nprincipal = 6000\nannual_rate = 24\nmethod = \"equal_installment\"\nterm = 6\nstart_date = 2026-08-05\n\n[[loan.payments]]\ndate = 2026-09-05\namount = 1071.15\n\n[[loan.log]]\ndate = 2026-11-20\ntime = 22:40:00\nkind = \"collection_call\"\nwho = \"me\"\nchannel = \"call\"\ncaller = \"13812345678\"\nflags = [\"night\", \"threat\"]\ntext = \"晚上十点多打来，语气很凶\"\n\n[[loan]]\nid = \"hb\"\nname = \"花呗\"\nplatform = \"花呗\"\namount_due = 458.30\ndue_date = 2026-12-09\npayments = [\n  { date = 2026-11-01, amount = 100 },\n]\n\n[[loan.log]]\ndate = 2026-11-25\nkind = \"note\"\ntext = \"客服说可以分期\"\n";

fn history_rows(app: &App) -> Vec<String> {
    repaydash::tui::history::shown(
        app.views.history().unwrap(),
        &app.portfolio,
        &app.policies,
        app.lang,
    )
    .iter()
    .map(|r| format!("{} {} {}", r.date, r.loan_id, r.kind.key()))
    .collect()
}

#[test]
fn h_lists_every_entry_newest_first_filters_opens_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(ENTRIES, dir.path(), Lang::En);
    app.color = false;
    press(&mut app, 'h');
    assert_eq!(
        history_rows(&app),
        [
            "2026-11-25 hb log",
            "2026-11-20 xt log",
            "2026-11-01 hb payments",
            "2026-09-05 xt payments"
        ]
    );
    // Kinds by Tab, a text filter by /.
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        history_rows(&app),
        ["2026-11-01 hb payments", "2026-09-05 xt payments"]
    );
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    }
    press(&mut app, '/');
    typ(&mut app, "语气");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(history_rows(&app), ["2026-11-20 xt log"]);
    // Opened whole: every field, the caller's number masked, flags in words.
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let s = common::screen(&mut app, 80, 24);
    assert!(s.contains("caller: 138****5678"), "{s}");
    assert!(s.contains("flags: at night, threat"), "{s}");
    insta::assert_snapshot!("history_open_en_80x24", s);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    press(&mut app, '/');
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(history_rows(&app).len(), 4);
    // `d` twice removes the selected entry (the inline payment of hb), `u` puts it back.
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    press(&mut app, 'd');
    let s = common::screen(&mut app, 80, 24);
    assert!(s.contains("d again removes this entry"), "{s}");
    press(&mut app, 'd');
    let text = std::fs::read_to_string(dir.path().join("loans.toml")).unwrap();
    assert!(!text.contains("2026-11-01"), "{text}");
    assert_eq!(
        text.replace("payments = [\n]\n", ""),
        ENTRIES.replace(
            "payments = [\n  { date = 2026-11-01, amount = 100 },\n]\n",
            ""
        )
    );
    assert_eq!(history_rows(&app).len(), 3);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or_default()
            .contains("Entry removed")
    );
    press(&mut app, 'u');
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        ENTRIES
    );
    // `o`: only the loan selected on the main screen.
    press(&mut app, 'o');
    let only: Vec<String> = history_rows(&app);
    assert!(
        only.iter().all(|r| r.contains(&app.selected_id().unwrap())),
        "{only:?}"
    );
}

#[test]
fn history_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_on(ENTRIES, dir.path(), lang);
            app.color = false;
            press(&mut app, 'h');
            let s = common::screen(&mut app, w, h);
            insta::assert_snapshot!(format!("history_{}_{w}x{h}", lang.key()), s);
        }
    }
}

#[test]
fn the_call_form_offers_who_how_and_flags_in_the_interface_language() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_on(FULL, dir.path(), lang);
            app.color = false;
            app.clock_time = chrono::NaiveTime::from_hms_opt(22, 40, 0);
            press(&mut app, 'a');
            tab(&mut app, 3);
            // Who: the second contact; how: SMS; caller typed; flags: threat and at night.
            key(&mut app, KeyCode::Right, KeyModifiers::NONE);
            key(&mut app, KeyCode::Right, KeyModifiers::NONE);
            tab(&mut app, 1);
            key(&mut app, KeyCode::Right, KeyModifiers::NONE);
            tab(&mut app, 1);
            typ(&mut app, "95xxx 某催收公司");
            tab(&mut app, 1);
            typ(&mut app, " ");
            // From the first flag, ← wraps to the last (at night).
            key(&mut app, KeyCode::Left, KeyModifiers::NONE);
            typ(&mut app, " ");
            let s = common::screen(&mut app, w, h);
            assert!(s.contains("◂ 李四 ▸"), "{s}");
            assert!(s.contains(lang.t("◂ 短信 ▸", "◂ SMS ▸")), "{s}");
            assert!(s.contains(lang.t("☑威胁", "☑threat")), "{s}");
            insta::assert_snapshot!(format!("call_form_{}_{w}x{h}", lang.key()), s);
            key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
            let text = std::fs::read_to_string(dir.path().join("loans.toml")).unwrap();
            assert!(
                text.ends_with("kind = \"collection_call\"\nwho = \"李四\"\nchannel = \"sms\"\ncaller = \"95xxx 某催收公司\"\nflags = [\"threat\", \"night\"]\n")
                    || text.contains("who = \"李四\"\nchannel = \"sms\"\ncaller = \"95xxx 某催收公司\"\nflags = [\"threat\", \"night\"]\n"),
                "{text}"
            );
        }
    }
}

#[test]
fn i_edits_name_budget_hardship_and_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(FULL, dir.path(), Lang::En);
    app.color = false;
    press(&mut app, 'i');
    assert_eq!(app.views.kind(), ViewKind::EditLoan);
    let f = app.views.loan_edit().unwrap();
    assert_eq!(f.values[0], "任性贷");
    assert_eq!(f.values[3], "张三,朋友,13800000000; 李四,同事,13900000000");
    // A new name, a budget, a hardship; 李四 removed and 王五 added.
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typ(&mut app, "星图任性贷");
    tab(&mut app, 1);
    typ(&mut app, "800");
    tab(&mut app, 1);
    typ(&mut app, "公司裁员，收入减少一半");
    tab(&mut app, 1);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typ(&mut app, "张三,朋友,13800000000; 王五,表哥,13700000000");
    for (lang, (w, h)) in [
        (Lang::En, (80u16, 24u16)),
        (Lang::Zh, (80, 24)),
        (Lang::En, (120, 40)),
        (Lang::Zh, (120, 40)),
    ] {
        if app.lang != lang {
            app.toggle_lang();
        }
        let s = common::screen(&mut app, w, h);
        insta::assert_snapshot!(format!("edit_form_{}_{w}x{h}", lang.key()), s);
    }
    app.toggle_lang();
    // Away from the contacts, their numbers are masked as everywhere else.
    tab(&mut app, 1);
    let s = common::screen(&mut app, 80, 24);
    assert!(
        s.contains("张三,朋友,138****0000; 王五,表哥,137****0000"),
        "{s}"
    );
    tab(&mut app, 3);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.views.kind(), ViewKind::Main);
    let text = std::fs::read_to_string(dir.path().join("loans.toml")).unwrap();
    assert!(text.contains("name = \"星图任性贷\"\n"), "{text}");
    assert!(text.contains("monthly_budget = 800\n"), "{text}");
    assert!(
        text.contains("hardship = \"公司裁员，收入减少一半\"\n"),
        "{text}"
    );
    assert!(
        text.contains("contacts = [\n  { name = \"张三\", relation = \"朋友\", phone = \"13800000000\" },\n  { name = \"王五\", relation = \"表哥\", phone = \"13700000000\" },\n]\n"),
        "{text}"
    );
    // The rest of the file as it was: the payment and the log entry after the keys.
    assert!(text.ends_with("[[loan.payments]]\ndate = 2026-09-05\namount = 1071.15\n\n[[loan.log]]\ndate = 2026-11-20\nkind = \"collection_call\"\nwho = \"me\"\ntext = \"the last log entry, at the very end\"\n"), "{text}");
    let loan = app.portfolio.loan("xt").unwrap();
    assert_eq!(loan.contacts.len(), 2);
    assert_eq!(loan.monthly_budget, Some(rust_decimal::Decimal::from(800)));
    press(&mut app, 'u');
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        FULL
    );

    // A budget that is not an amount is refused in the form, naming the field.
    press(&mut app, 'i');
    tab(&mut app, 1);
    typ(&mut app, "abc");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let f = app.views.loan_edit().unwrap();
    assert!(
        f.error
            .as_deref()
            .unwrap_or_default()
            .starts_with("Monthly budget: \"abc\" is not an amount"),
        "{:?}",
        f.error
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("loans.toml")).unwrap(),
        FULL
    );
}

#[test]
fn the_wheel_over_the_detail_opens_the_whole_loan() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(FULL, dir.path(), Lang::En);
    app.color = false;
    let s = common::screen(&mut app, 80, 24);
    assert!(s.contains("f ↓ more"), "{s}");
    // Column 60, row 8: inside the detail pane at 80×24.
    dispatch(
        &mut app,
        repaydash::tui::Msg::Wheel {
            x: 60,
            y: 8,
            rows: 1,
        },
    );
    assert_eq!(app.views.top(), Some(&View::LoanFull(Scroll { top: 3 })));
    let s = common::screen(&mut app, 80, 24);
    assert!(s.contains("↑ more"), "{s}");
}

/// `E` opens the editor from the history as from the main screen; when the editor returns, the
/// file is read again by hand whatever view is open: what was saved shows (in the history too),
/// the footer says "reloaded", and a file left broken puts the way back to the editor first.
#[test]
fn the_editor_returning_over_the_history_reloads_as_over_the_main_screen() {
    for from_history in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loans.toml");
        let mut app = app_on(ENTRIES, dir.path(), Lang::En);
        if from_history {
            press(&mut app, 'h');
        }
        press(&mut app, 'E');
        assert!(app.editor_request.take().is_some());
        // Saved in the editor: a second note on hb (the file's last loan).
        let saved = format!(
            "{ENTRIES}\n[[loan.log]]\ndate = 2026-11-30\nkind = \"note\"\ntext = \"改过\"\n"
        );
        std::fs::write(&path, saved).unwrap();
        dispatch(&mut app, repaydash::tui::Msg::EditorReturned);
        assert_eq!(
            app.notice.as_deref(),
            Some("✓ reloaded loans.toml"),
            "{from_history}"
        );
        assert_eq!(app.portfolio.loan("hb").unwrap().log.len(), 2);
        if from_history {
            assert_eq!(app.views.kind(), ViewKind::History);
            assert_eq!(history_rows(&app)[0], "2026-11-30 hb log");
        }
        // Saved broken: the footer leads with the way back to the editor.
        press(&mut app, 'E');
        assert!(app.editor_request.take().is_some());
        std::fs::write(&path, "[[loan]]\nid = \"hb\"\nplatform = \n").unwrap();
        dispatch(&mut app, repaydash::tui::Msg::EditorReturned);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.starts_with("E reopens the editor at the first problem. "),
            "{from_history}: {status}"
        );
    }
}
