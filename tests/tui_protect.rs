//! The dashboard's protection keys on a temp copy of data/calls.toml (today =
//! 2026-11-23): `m` the contact's message (Tab, `t` marks told), `L` the log view and `w` its
//! complaint draft, `w` the letter, `y` copies, `a` logs a call just now.

mod common;
use common::{screen, stdout_of};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::app::Doc;
use repaydash::tui::scroll::Scroll;
use repaydash::tui::stack::{View, ViewKind};
use repaydash::tui::{App, dispatch, keys};

const CALLS: &str = "data/calls.toml";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::copy(CALLS, &path).unwrap();
    (dir, path)
}

fn app_at(path: &Path, lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path.to_path_buf()), &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

fn press(app: &mut App, code: KeyCode) {
    let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(m) = keys::event_in(app.views.kind(), &ev) {
        dispatch(app, m);
    }
}

fn cli(path: &Path, lang: &str, args: &[&str]) -> String {
    let mut all = vec![
        "--file",
        path.to_str().unwrap(),
        "--today",
        "2026-11-23",
        "--lang",
        lang,
    ];
    all.extend_from_slice(args);
    stdout_of(&all)
}

#[test]
fn m_shows_the_untold_contacts_message_and_t_marks_them_told() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    let main = screen(&mut app, 120, 40);
    // Wang Wei was told on 11-21; 李芳 was not, and the contact day (11-16) is past.
    assert!(main.contains("Contacts ⚠ untold (m: message)"), "{main}");
    assert!(main.contains("⚠ 李芳 (姐姐)"), "{main}");
    assert!(!main.contains("⚠ Wang Wei"), "{main}");

    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.views.doc(), Some(Doc::Notice { contact: 0 }));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Message to 李芳 (1/2)"), "{s}");
    assert!(s.contains("may call you any time since 2026-11-16"), "{s}");

    // `y` copies exactly what `notice --contact` prints.
    press(&mut app, KeyCode::Char('y'));
    let printed = cli(&path, "en", &["notice", "ctrip-jqh", "--contact", "李芳"]);
    let body = printed.split_once('\n').unwrap().1.trim_end();
    assert_eq!(app.clipboard.as_deref(), Some(body));
    assert!(screen(&mut app, 120, 40).contains("Copied to the clipboard"));

    press(&mut app, KeyCode::Tab);
    assert!(screen(&mut app, 120, 40).contains("Message to Wang Wei (2/2) · told on 2026-11-21"));
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('t'));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with(
            "\n[[loan.log]]\ndate = 2026-11-23\nkind = \"contact_notified\"\nwho = \"李芳\"\ntext = \"sent the heads-up message\"\n"
        ),
        "{text}"
    );
    assert!(screen(&mut app, 120, 40).contains("Recorded: 李芳 told"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
    let main = screen(&mut app, 120, 40);
    assert!(!main.contains("untold"), "{main}");
    assert!(main.contains("Contacts (v shows)"), "{main}");
}

#[test]
fn l_shows_the_calls_and_w_the_complaint_draft_in_both_languages() {
    let (_d, path) = copy();
    for (lang, key, headline, draft) in [
        (
            Lang::Zh,
            "zh",
            "催收电话 7 次 · 夜间（22:00–08:00）3 次 · 超过每日 3 次：1 天",
            "致携程金融（客服 / 投诉渠道）：",
        ),
        (
            Lang::En,
            "en",
            "7 collection calls · 3 at night (22:00–08:00) · over 3 a day: 1 day",
            "To Ctrip Finance (customer service / complaints):",
        ),
    ] {
        let mut app = app_at(&path, lang);
        press(&mut app, KeyCode::Char('L'));
        assert_eq!(app.views.kind(), ViewKind::LogView);
        let s = screen(&mut app, 120, 40);
        assert!(s.contains(headline), "{s}");
        // 11-19 had four calls: its column carries `!`, and no day reached seven.
        let marks = s.lines().find(|l| l.contains("└")).unwrap();
        assert_eq!(marks.matches('!').count(), 1, "{marks}");
        assert!(!marks.contains('#'), "{marks}");
        // Two night bars of height 1 (11-18, 11-19) and one (11-20): three ▓ on the bottom row.
        let above = s
            .lines()
            .take_while(|l| !l.contains("└"))
            .last()
            .unwrap()
            .to_string();
        assert_eq!(above.matches('▓').count(), 3, "{above}");
        assert!(s.contains("23:10:00"), "{s}");
        assert!(screen(&mut app, 80, 24).contains("└"));

        // `w` shows the whole document `complaint` prints (the draft cites the parts above it),
        // and `y` copies all of it: the same lines, in the same order.
        press(&mut app, KeyCode::Char('w'));
        let printed = cli(&path, key, &["complaint", "ctrip-jqh"]);
        let (_, shown) = repaydash::tui::update::protect::document(&app, Doc::Complaint).unwrap();
        assert_eq!(
            shown.lines().collect::<Vec<_>>(),
            printed.trim_end().lines().collect::<Vec<_>>()
        );
        let s = screen(&mut app, 120, 40);
        assert!(s.contains(headline), "{s}");
        assert!(
            s.contains(lang.t("依据（据报道）", "Rules (as reported)")),
            "{s}"
        );
        press(&mut app, KeyCode::Char('G'));
        let s = screen(&mut app, 120, 40);
        assert!(s.contains(draft), "{s}");
        press(&mut app, KeyCode::Char('y'));
        let copied = app.clipboard.clone().unwrap();
        assert_eq!(copied.trim_end(), printed.trim_end());
        // What the draft cites stands above it, under the heading it names.
        let at_draft = copied.find(draft).unwrap();
        for (cite, heading) in [
            (
                lang.t(
                    "（见上方“标记的记录”）",
                    "(listed under \"Flagged entries\" above)",
                ),
                lang.t("\n标记的记录\n", "\nFlagged entries\n"),
            ),
            (
                lang.t(
                    "（见上方“依据”一节）",
                    "(see \"Rules (as reported)\" above)",
                ),
                lang.t("\n依据（据报道）\n", "\nRules (as reported)\n"),
            ),
        ] {
            let cited = copied
                .find(cite)
                .unwrap_or_else(|| panic!("{cite}\n{copied}"));
            let head = copied.find(heading).unwrap();
            assert!(head < at_draft && at_draft < cited, "{cite}");
        }
        assert!(!copied.contains(lang.t("下方", "below")), "{copied}");
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.views.kind(), ViewKind::LogView);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.views.kind(), ViewKind::Main);
    }
}

#[test]
fn w_shows_the_letter_and_y_copies_what_letter_prints() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.views.doc(), Some(Doc::Letter));
    assert!(screen(&mut app, 80, 24).contains("协商还款申请书"));
    press(&mut app, KeyCode::Char('y'));
    let printed = cli(&path, "zh", &["letter", "ctrip-jqh"]);
    assert_eq!(app.clipboard.as_deref(), Some(printed.trim_end()));
}

#[test]
fn a_logs_a_collection_call_at_the_prefilled_time() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    app.clock_time = NaiveTime::from_hms_opt(22, 40, 5);
    press(&mut app, KeyCode::Char('a'));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Log a collection call (just now)"), "{s}");
    assert!(s.contains("22:40:05"), "{s}");
    assert!(s.contains("2026-11-23"), "{s}");
    // Add a word to the prefilled text, then a flag (offered as a choice: the second, ticked
    // with Space), and save.
    for c in ", loud".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Main);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with(
            "\n[[loan.log]]\ndate = 2026-11-23\ntime = 22:40:05\nkind = \"collection_call\"\nwho = \"me\"\nchannel = \"call\"\nflags = [\"insult\"]\ntext = \"collection call, loud\"\n"
        ),
        "{text}"
    );
    let json = cli(&path, "en", &["complaint", "ctrip-jqh", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (v["calls"].as_u64(), v["night_calls"].as_u64()),
        (Some(8), Some(4))
    );

    // A wrong time is refused in place.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "25:00".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.views.kind(), ViewKind::Form);
    assert!(screen(&mut app, 80, 24).contains("\"25:00\" is not a time"));
}

#[test]
fn marking_told_on_the_demo_says_it_is_read_only() {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::Demo, &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), Lang::Zh);
    app.color = false;
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.views.kind(), ViewKind::Doc);
    press(&mut app, KeyCode::Char('t'));
    let s = screen(&mut app, 80, 24);
    // The one refusal for the demo, as the forms say it.
    assert!(s.contains("只读的演示数据"), "{s}");
}

#[test]
fn the_wheel_scrolls_the_log_view_up_to_its_end() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    press(&mut app, KeyCode::Char('L'));
    let top = screen(&mut app, 80, 24);
    let max = app.measured.doc_max_scroll;
    assert!(max > 0, "the log view fits 80×24: {top}");
    dispatch(
        &mut app,
        repaydash::tui::Msg::Wheel {
            x: 10,
            y: 10,
            rows: 100,
        },
    );
    assert_eq!(app.views.top(), Some(&View::LogView(Scroll { top: max })));
    let bottom = screen(&mut app, 80, 24);
    assert!(bottom.contains("23:10:00"), "{bottom}");
    dispatch(
        &mut app,
        repaydash::tui::Msg::Wheel {
            x: 10,
            y: 10,
            rows: -100,
        },
    );
    assert_eq!(app.views.top(), Some(&View::LogView(Scroll { top: 0 })));
}

/// The views are a stack: the complaint draft opens over the log view, and Esc goes back to the
/// log view where it was scrolled (its figures drawn again), then to the list. The help and the
/// forms open on the main screen whatever was open, as they always have.
#[test]
fn esc_from_the_complaint_draft_goes_back_to_the_log_view_where_it_was() {
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::En);
    press(&mut app, KeyCode::Char('L'));
    screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('J'));
    let scrolled = screen(&mut app, 80, 24);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.views.doc(), Some(Doc::Complaint));
    assert_eq!(app.views.all().len(), 2);
    assert!(
        app.reading.log.is_none(),
        "the log's figures are built only while it shows"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.top(), Some(&View::LogView(Scroll { top: 2 })));
    assert!(app.reading.log.is_some());
    assert_eq!(screen(&mut app, 80, 24), scrolled);
    // The quick call form from the log view opens on the main screen; Esc leads to the list.
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.views.kind(), ViewKind::Form);
    assert_eq!(app.views.all().len(), 1);
    press(&mut app, KeyCode::Esc);
    assert!(app.views.is_empty());
    // `?` over the schedule: the help alone, and Esc back to the list.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.views.all(), &[View::Help(Scroll::default())]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
}

/// At 80 columns every overlay's title is whole (the keys are in the footer): the title is
/// followed by the border's rule before its corner, never cut at the corner ("… Esc ba╮").
#[test]
fn overlay_titles_are_whole_at_80_columns() {
    let (_d, path) = copy();
    for lang in [Lang::Zh, Lang::En] {
        for (keys, title) in [
            (
                "L",
                lang.t(
                    "催收记录 · 携程借去花 · 近 30 天",
                    "Collection log · 携程借去花 · last 30 days",
                ),
            ),
            (
                "Lw",
                lang.t("投诉材料 · 携程借去花", "Complaint · 携程借去花"),
            ),
            (
                "m",
                lang.t("给 李芳 的消息（1/2）", "Message to 李芳 (1/2)"),
            ),
            (
                "w",
                lang.t(
                    "协商还款申请书 · 携程借去花",
                    "Negotiation letter · 携程借去花",
                ),
            ),
            (
                "a",
                lang.t(
                    "记录催收电话（刚刚） · 携程借去花",
                    "Log a collection call (just now) · 携程借去花",
                ),
            ),
            (
                "!",
                lang.t("读取文件时的警告：0 条", "Warnings from the file: 0"),
            ),
            ("?", lang.t("帮助 (? / Esc)", "Help (? / Esc)")),
        ] {
            let mut app = app_at(&path, lang);
            for c in keys.chars() {
                press(&mut app, KeyCode::Char(c));
            }
            let s = screen(&mut app, 80, 24);
            let line = s
                .lines()
                .find(|l| l.contains(&format!("╭ {title} ")))
                .unwrap_or_else(|| panic!("{lang:?} {keys}: no title {title:?}\n{s}"));
            let rest = &line[line.find(title).unwrap() + title.len()..];
            let corner = rest.find('╮').expect("the overlay's corner");
            assert!(
                rest[..corner].trim_start().starts_with('─'),
                "{lang:?} {keys}: {line}"
            );
        }
    }
}

/// Counts of one in the `L` view (tests/fixtures/protect/one_day.toml, worked in tests/protect.rs)
/// and in the header's countdown read singular: calls.toml on 2026-11-17 is one day past the
/// contact day 2026-11-16 (ctrip, day 1 after the 11-15 installment).
#[test]
fn counts_of_one_read_singular_in_the_log_view_and_the_header() {
    let mut app = app_at(Path::new("tests/fixtures/protect/one_day.toml"), Lang::En);
    press(&mut app, KeyCode::Char('L'));
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("7 collection calls · 0 at night (22:00–08:00) · over 3 a day: 1 day"),
        "{s}"
    );
    // Issue 21: 6 calls to the borrower and 1 to 李芳 are over 3 that day, but no number got
    // more than 6: the mark under the day is `!`, not `#`.
    let marks = s.lines().find(|l| l.contains("└")).unwrap();
    assert!(marks.contains('!') && !marks.contains('#'), "{s}");
    assert!(
        s.contains("李芳: 1 call · not recorded as told of the debt"),
        "{s}"
    );
    // The draft closes the complaint document.
    press(&mut app, KeyCode::Char('w'));
    press(&mut app, KeyCode::Char('G'));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("more than 3 a day on 1 day;"), "{s}");

    let builtin = builtin_policies().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 17).unwrap();
    let loaded = store::load(&Source::File(CALLS.into()), &builtin, day).unwrap();
    for (w, h) in [(120, 40), (80, 24)] {
        let words = "携程借去花: emergency contacts may already be called, for 1 day";
        let mut app = App::new(loaded.clone(), builtin.clone(), day, Lang::En);
        app.color = false;
        let s = screen(&mut app, w, h);
        assert!(s.contains(words), "{s}");
        if h == 40 {
            // The detail's one payment (2026-04-15, 7,701.12).
            assert!(s.contains("1 payment, ¥7,701.12"), "{s}");
        }
    }
}

/// A loan without contacts: `m` says what `notice` prints, in the same words.
#[test]
fn m_on_a_loan_without_contacts_says_what_notice_prints() {
    let sample = Path::new("data/sample.toml");
    for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = app_at(sample, lang);
        app.select_id(Some("huabei-phone"));
        press(&mut app, KeyCode::Char('m'));
        let printed = cli(sample, code, &["notice", "huabei-phone"]);
        assert!(printed.contains("contacts = [{"), "{printed}");
        assert_eq!(app.notice.as_deref(), Some(printed.trim_end()), "{code}");
    }
}
