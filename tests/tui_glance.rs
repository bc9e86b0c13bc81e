//! The dashboard at a glance (issue 14): the one time scale and its ruler, calm countdowns for
//! loans that are not late, the list's columns, overlays that keep their borders beside Chinese
//! text, and the help that explains every glyph. Driven on ratatui's TestBackend.

mod common;
use common::screen;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::scroll::Scroll;
use repaydash::tui::stack::{View, ViewKind};
use repaydash::tui::views::overlay;
use repaydash::tui::{App, Msg, dispatch, keys};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn app_at(path: &Path, lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path.to_path_buf()), &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

fn sample(lang: Lang) -> App {
    app_at(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml"),
        lang,
    )
}

/// An app on a file written here (kept alive by the returned TempDir).
fn app_of(toml: &str, lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, toml).unwrap();
    let app = app_at(&path, lang);
    (dir, app)
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(m) = keys::event_in(
        app.views.kind(),
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
    ) {
        dispatch(app, m);
    }
}

fn header(app: &mut App, w: u16) -> Vec<String> {
    let s = screen(app, w, 40);
    // The header ends where the list's box begins.
    s.lines()
        .take_while(|l| !l.starts_with('╭'))
        .map(str::to_string)
        .collect()
}

/// One loan on the generic platform (contacts from day 8), its one bill of ¥500 due 2026-12-13,
/// 20 days after today.
const NOT_YET_DUE: &str = r#"
[[loan]]
id = "phone"
name = "手机分期"
platform = "generic"
amount_due = 500
due_date = 2026-12-13
"#;

#[test]
fn a_loan_not_yet_due_never_produces_a_warning_line() {
    for lang in [Lang::Zh, Lang::En] {
        let (_dir, mut app) = app_of(NOT_YET_DUE, lang);
        // Every day from 30 days before the due date to the due date itself.
        app.set_offset(-10);
        for day in -10..=20 {
            for w in [80, 120] {
                let head = header(&mut app, w);
                assert!(
                    head.iter().all(|l| !l.contains('⚠')),
                    "day {day}, {w} columns:\n{}",
                    head.join("\n")
                );
            }
            press(&mut app, KeyCode::Char(']'));
        }
        // One day late (2026-12-14): now it warns; contacts from 12-13 + 8 = 12-21, 7 days on.
        let head = header(&mut app, 120).join("\n");
        assert!(head.contains('⚠'), "{head}");
        match lang {
            Lang::Zh => assert!(
                head.contains("手机分期：7 天后（12-21）可能联系紧急联系人"),
                "{head}"
            ),
            _ => assert!(
                head.contains("手机分期: emergency contacts may be called in 7 days (21 Dec)"),
                "{head}"
            ),
        }
    }
}

#[test]
fn a_loan_not_late_shows_its_countdown_as_a_condition() {
    let (_dir, mut app) = app_of(NOT_YET_DUE, Lang::En);
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("手机分期: if 13 Dec is missed, emergency contacts may be called from 21 Dec"),
        "{s}"
    );
    // The list row says the same as a condition.
    assert!(s.contains("if missed: contacts 21 Dec"), "{s}");
    let (_dir, mut app) = app_of(NOT_YET_DUE, Lang::Zh);
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("手机分期：若 12-13 未还，12-21 起可能联系紧急联系人"),
        "{s}"
    );
}

#[test]
fn an_estimated_credit_report_day_is_marked_in_the_header() {
    // A ctrip bill due 2026-11-13, 10 days late: contacts passed (day 1), and the credit-report
    // day is xingtu's day 31 used as an estimate: 2026-12-14, 21 days ahead.
    let (_dir, mut app) = app_of(
        "[[loan]]\nid = \"c\"\nplatform = \"携程\"\nproduct = \"借去花\"\namount_due = 500\ndue_date = 2026-11-13\n",
        Lang::En,
    );
    let head = header(&mut app, 200).join("\n");
    assert!(
        head.contains("credit report possible in ≈21 days (≈14 Dec)"),
        "{head}"
    );
}

#[test]
fn the_header_names_the_credit_report_day_when_it_comes_first() {
    // bank-by-key: first installment due 2026-10-01, unpaid, 53 days late. Its platform's own
    // table: contacts from day 10 (passed on 10-11), credit report on day 60 = 2026-11-30.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid/user_platform_table.toml");
    let mut app = app_at(&path, Lang::En);
    let head = header(&mut app, 200).join("\n");
    assert!(
        head.contains("since 11 Oct (43 days); credit report possible in 7 days (30 Nov)"),
        "{head}"
    );
    let mut app = app_at(&path, Lang::Zh);
    let head = header(&mut app, 200).join("\n");
    assert!(head.contains("；7 天后可能上报征信（11-30）"), "{head}");
}

#[test]
fn a_what_if_day_before_a_loan_starts_shows_it_as_not_yet_drawn() {
    let mut app = sample(Lang::En);
    // 2026-03-01: 携程借去花 starts on 2026-03-18.
    app.set_offset(-267);
    let e = app.snap.loans.iter().find(|e| e.id == "ctrip-jqh").unwrap();
    assert_eq!(e.starts, NaiveDate::from_ymd_opt(2026, 3, 18));
    assert!(e.amount_now().is_zero());
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("not yet drawn"), "{s}");
    assert!(s.contains("drawn on 18 Mar"), "{s}");
}

#[test]
fn a_nameless_loan_shows_its_product_or_id_beside_the_platform() {
    let (_dir, mut app) = app_of(
        r#"
[[loan]]
id = "hb-1"
platform = "alipay"
amount_due = 300
due_date = 2026-12-10

[[loan]]
id = "hb-2"
platform = "alipay"
product = "花呗"
amount_due = 200
due_date = 2026-12-11
"#,
        Lang::Zh,
    );
    let s = screen(&mut app, 120, 40);
    assert!(!s.contains("支付宝 支付宝"), "{s}");
    assert!(s.contains("hb-1 支付宝"), "{s}");
    assert!(s.contains("花呗 支付宝"), "{s}");
}

#[test]
fn the_list_has_column_headers_a_ruler_and_the_sort_with_its_direction() {
    let mut app = sample(Lang::En);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("name · platform"), "{s}");
    assert!(s.contains("state") && s.contains("owed now"), "{s}");
    // The demo's scale: 35 days back (星图 due 33 days ago, less 2) to 33 days ahead
    // (某分期平台's contacts 30 days out, plus 3).
    assert!(s.contains("35d ago─") && s.contains("─in 33d"), "{s}");
    assert!(s.contains("●today"), "{s}");
    assert!(s.contains("Loans 7 · most urgent first (s)"), "{s}");
    // The selected loan's situation, whole (not cut at the border) at 120 columns.
    assert!(
        s.contains("seriously overdue: credit report or lawsuit possible"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('s'));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Loans 7 · owed now, largest first (s)"), "{s}");
    let zh = screen(&mut sample(Lang::Zh), 80, 24);
    assert!(
        zh.contains("名称 · 平台") && zh.contains("当前应还"),
        "{zh}"
    );
}

#[test]
fn every_bar_puts_today_in_the_same_column() {
    for (w, lang) in [(80, Lang::Zh), (120, Lang::En)] {
        let s = screen(&mut sample(lang), w, 40);
        let cols: Vec<usize> = s
            .lines()
            .filter(|l| l.contains('●'))
            .map(|l| {
                let i = l.find('●').unwrap();
                unicode_width::UnicodeWidthStr::width(&l[..i])
            })
            .collect();
        // The ruler and six open loans.
        assert_eq!(cols.len(), 7, "{s}");
        assert!(cols.windows(2).all(|p| p[0] == p[1]), "{cols:?}\n{s}");
    }
}

#[test]
fn the_help_explains_every_glyph_and_fits_80x24() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = sample(lang);
        press(&mut app, KeyCode::Char('?'));
        let s = screen(&mut app, 80, 24);
        for g in [
            "┃", "╎", "━", "─", "·", "░", "◆", "●", "▪", "■", "◂▸", "!", "*", "✓", "≈",
        ] {
            assert!(s.contains(&format!("{g} ")), "{g} missing:\n{s}");
        }
        // The box closes on screen: its bottom border is drawn.
        assert!(s.contains('╰') && s.contains("(? / Esc)"), "{s}");
        for key in ["/ ", "l ", "! ", "Esc"] {
            assert!(s.contains(key), "{key} missing:\n{s}");
        }
    }
}

#[test]
fn overlays_never_leave_half_a_wide_character_at_their_edge() {
    let opens: [&[KeyCode]; 4] = [
        &[KeyCode::Char('?')],
        &[KeyCode::Char('p')],
        &[KeyCode::Char('j'), KeyCode::Char('n')],
        &[KeyCode::Char('P')],
    ];
    for keys in opens {
        for lang in [Lang::Zh, Lang::En] {
            let (_dir, mut app) = app_of(include_str!("../data/sample.toml"), lang);
            for k in keys {
                press(&mut app, *k);
            }
            // Widths from 80 to 104: somewhere an edge falls on the middle of a character. The
            // frame itself is checked (a terminal, like TestBackend, would hide the border).
            for (w, h) in (80..=104).flat_map(|w| [(w, 24), (w, 36)]) {
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                (&app).render(buf.area, &mut buf);
                let bad = overlay::straddling(&buf);
                assert!(bad.is_empty(), "{keys:?} {lang:?} {w}x{h}: {bad:?}");
            }
        }
    }
}

#[test]
fn snapshots() {
    let screens: [(&str, &[KeyCode]); 1] = [
        // A form over the Chinese list and detail.
        (
            "form_over_chinese",
            &[KeyCode::Char('j'), KeyCode::Char('n')],
        ),
    ];
    for (name, keys) in screens {
        for lang in [Lang::Zh, Lang::En] {
            for (w, h) in [(80, 24), (120, 40)] {
                let (_dir, mut app) = app_of(include_str!("../data/sample.toml"), lang);
                for k in keys {
                    press(&mut app, *k);
                }
                insta::assert_snapshot!(
                    format!("{name}_{}_{w}x{h}", lang.key()),
                    screen(&mut app, w, h)
                );
            }
        }
    }
}

fn ids(app: &App) -> Vec<&str> {
    app.order
        .iter()
        .map(|&i| app.snap.loans[i].id.as_str())
        .collect()
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Ctrl-W deletes the filter's last word and Ctrl-U all of it; the filter stays open for typing.
#[test]
fn ctrl_u_and_ctrl_w_edit_the_filter() {
    let mut app = sample(Lang::Zh);
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "zzz 借呗");
    assert!(ids(&app).is_empty());
    ctrl(&mut app, 'w');
    assert_eq!(app.filter.as_deref(), Some("zzz "));
    ctrl(&mut app, 'u');
    assert_eq!(app.filter.as_deref(), Some(""));
    assert_eq!(app.order.len(), 7);
    assert_eq!(app.views.kind(), ViewKind::Filter);
    // Nothing left to filter by: the list's title is the plain one, not "借款 7/7 · “”".
    let shown = screen(&mut app, 120, 40);
    let title = shown.lines().find(|l| l.contains("╭ 借款")).unwrap();
    assert!(title.contains("╭ 借款 7 · "), "{title}");
    assert!(!title.contains("“”"), "{title}");
    typ(&mut app, "借呗");
    assert_eq!(ids(&app), ["jiebei-may", "jiebei-june"]);
    // The cash prompt of `P` is a one-line input too.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('P'));
    typ(&mut app, "1500");
    ctrl(&mut app, 'u');
    assert_eq!(app.planning.input, "");
}

fn ctrl(app: &mut App, c: char) {
    if let Some(m) = keys::event_in(
        app.views.kind(),
        &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ) {
        dispatch(app, m);
    }
}

#[test]
fn slash_filters_by_name_platform_or_id_as_you_type_and_esc_clears() {
    let mut app = sample(Lang::En);
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "借呗");
    assert_eq!(ids(&app), ["jiebei-may", "jiebei-june"]);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Loans 2 of 7 · “借呗”"), "{s}");
    assert!(s.contains("/ 借呗"), "{s}");
    // By platform: 携程金融 holds 携程借去花 and the paid-off 拿去花.
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    typ(&mut app, "携程");
    assert_eq!(ids(&app), ["ctrip-jqh", "nqh-ticket"]);
    // By id, in any case.
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "FENQI");
    assert_eq!(ids(&app), ["fenqi-laptop"]);
    // Enter keeps it and gives the keys back to the list (s sorts, not types).
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.sort, repaydash::tui::app::SortKey::Amount);
    assert_eq!(ids(&app), ["fenqi-laptop"]);
    // Esc clears the filter (and does not quit).
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.order.len(), 7);
    assert!(app.filter.is_none() && !app.quit);
    // Nothing matches: the list says so.
    press(&mut app, KeyCode::Char('/'));
    typ(&mut app, "zzz");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("No loan matches the filter."), "{s}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.order.len(), 7);
    assert_eq!(app.views.kind(), ViewKind::Main);
}

#[test]
fn filter_snapshots() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = sample(lang);
            press(&mut app, KeyCode::Char('/'));
            typ(&mut app, "借呗");
            insta::assert_snapshot!(
                format!("filter_{}_{w}x{h}", lang.key()),
                screen(&mut app, w, h)
            );
        }
    }
}

fn click(app: &mut App, x: u16, y: u16) {
    dispatch(app, repaydash::tui::Msg::Click { x, y });
}

fn wheel(app: &mut App, x: u16, y: u16, rows: i64) {
    dispatch(app, repaydash::tui::Msg::Wheel { x, y, rows });
}

#[test]
fn a_click_selects_the_loan_under_it_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = sample(Lang::En);
    app.screen = Rect::new(0, 0, 120, 40);
    screen(&mut app, 120, 40);
    // 4 header lines, the list's top border (row 4), column headers and ruler (rows 5, 6), then
    // two rows a loan from row 7: row 12 is the second row of the third loan.
    click(&mut app, 10, 12);
    assert_eq!(app.selected_id().as_deref(), Some("jiebei-may"));
    // The wheel over the list moves down it; over the advice it scrolls the advice only.
    wheel(&mut app, 10, 20, 1);
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    screen(&mut app, 120, 40);
    wheel(&mut app, 100, 36, 1);
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    assert_eq!(app.advice_scroll, 3);
    wheel(&mut app, 100, 36, -1);
    assert_eq!(app.advice_scroll, 0);
    // A click in the advice gives it the focus: the arrows then scroll it; Esc gives the focus
    // back to the list, and never quits.
    click(&mut app, 100, 36);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.advice_scroll, 1);
    assert_eq!(app.selected_id().as_deref(), Some("huabei-phone"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_id().as_deref(), Some("jiebei-june"));
    assert!(!app.quit);
    // In the schedule the wheel scrolls the schedule, wherever the pointer is.
    press(&mut app, KeyCode::Enter);
    wheel(&mut app, 10, 20, 1);
    wheel(&mut app, 100, 36, 1);
    assert_eq!(app.views.top(), Some(&View::Schedule(Scroll { top: 2 })));
    wheel(&mut app, 10, 20, -1);
    assert_eq!(app.views.top(), Some(&View::Schedule(Scroll { top: 1 })));
}

#[test]
fn a_click_on_a_topic_tab_shows_that_topic() {
    let mut app = sample(Lang::En);
    app.screen = Rect::new(0, 0, 120, 40);
    let s = screen(&mut app, 120, 40);
    // The advice's title row; its tabs start two columns in from its corner (on a 120×40 screen
    // the advice spans the width below the list and the detail), three cells each: "[1]", " 2 ",
    // " 3 "…, whatever topic is shown.
    let (y, line) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("╭ [1] 2  3  4  5  6  Negotiating repayment Tab"))
        .expect("the advice title with its tabs");
    let y = y as u16;
    let corner = line.chars().position(|c| c == '╭').unwrap() as u16;
    let tab = |i: u16| corner + 2 + 3 * i;
    click(&mut app, tab(2) + 1, y);
    assert_eq!(app.advice_topic, 2);
    assert!(screen(&mut app, 120, 40).contains("╭  1  2 [3] 4  5  6  "));
    click(&mut app, tab(0), y);
    assert_eq!(app.advice_topic, 0);
    click(&mut app, tab(5) + 1, y);
    assert_eq!(app.advice_topic, 5);
}

#[test]
fn every_load_warning_is_counted_and_listed() {
    // Three loans on platforms the program does not know: three warnings, on lines 3, 8 and 13.
    let (_dir, mut app) = app_of(
        r#"
[[loan]]
id = "a"
platform = "moonbank"
amount_due = 100
due_date = 2026-12-10

[[loan]]
id = "b"
platform = "sunbank"
amount_due = 200
due_date = 2026-12-11

[[loan]]
id = "c"
platform = "starbank"
amount_due = 300
due_date = 2026-12-12
"#,
        Lang::En,
    );
    assert_eq!(app.warnings.len(), 3);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("3 warnings (! lists them)"), "{s}");
    // At 80 columns the count is said shorter, so the most used keys keep their place.
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("3 warnings !  ↑↓ select  Enter schedule  Tab advice"),
        "{s}"
    );
    press(&mut app, KeyCode::Char('!'));
    let s = screen(&mut app, 120, 40);
    for (line, name) in [(4, "moonbank"), (10, "sunbank"), (16, "starbank")] {
        assert!(
            s.contains(&format!(":{line}:12: unknown platform \"{name}\"")),
            "{line} {name}:\n{s}"
        );
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.views.kind(), ViewKind::Main);
}

#[test]
fn l_switches_the_language_without_touching_the_file() {
    let (dir, mut app) = app_of(include_str!("../data/sample.toml"), Lang::Zh);
    let before = std::fs::read(dir.path().join("loans.toml")).unwrap();
    assert!(screen(&mut app, 80, 24).contains("借款 7"));
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.lang, Lang::En);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Loans 7 · most urgent first"), "{s}");
    // The advice is rebuilt in English too.
    assert!(s.contains("Negotiation call script"), "{s}");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.lang, Lang::Zh);
    assert!(screen(&mut app, 120, 40).contains("协商还款通话稿"));
    assert_eq!(
        std::fs::read(dir.path().join("loans.toml")).unwrap(),
        before
    );
}

#[test]
fn a_paste_arrives_whole_in_a_form_and_in_the_filter() {
    let (_dir, mut app) = app_of(include_str!("../data/sample.toml"), Lang::Zh);
    // The log form opens on its text field.
    press(&mut app, KeyCode::Char('n'));
    let paste = |app: &mut App, s: &str| {
        if let Some(m) = keys::event_in(app.views.kind(), &Event::Paste(s.to_string())) {
            dispatch(app, m);
        }
    };
    paste(&mut app, "客服同意延期\n到下个月\n");
    // Still in the form (a pasted line break did not submit it), the text in one line.
    assert_eq!(app.views.kind(), ViewKind::Form);
    let form = app.views.form().unwrap();
    assert!(
        form.fields
            .iter()
            .any(|f| f.value == "客服同意延期 到下个月"),
        "{:?}",
        form.fields.iter().map(|f| &f.value).collect::<Vec<_>>()
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    paste(&mut app, "jiebei");
    assert_eq!(ids(&app), ["jiebei-may", "jiebei-june"]);
}

#[test]
fn r_says_reloaded_in_the_footer() {
    let (_dir, mut app) = app_of(include_str!("../data/sample.toml"), Lang::En);
    press(&mut app, KeyCode::Char('r'));
    assert!(app.notice_fades);
    assert!(screen(&mut app, 80, 24).contains("✓ reloaded loans.toml"));
    // Idle, the footer lists the main keys.
    press(&mut app, KeyCode::Char('j'));
    let s = screen(&mut app, 80, 24);
    let foot = s.lines().last().unwrap();
    assert!(
        foot.contains("/ filter") && foot.contains("? help") && foot.contains("q quit"),
        "{foot}"
    );
}

#[test]
fn reloaded_fades_after_four_seconds_of_the_loops_clock() {
    use std::time::{Duration, Instant};
    for (lang, words) in [
        (Lang::En, "✓ reloaded loans.toml"),
        (Lang::Zh, "✓ 已重新读取 loans.toml"),
    ] {
        let (_dir, mut app) = app_of(include_str!("../data/sample.toml"), lang);
        press(&mut app, KeyCode::Char('r'));
        let shown = app.notice.clone().unwrap();
        assert!(shown.contains(words), "{shown}");
        // The loop ticks before it draws the notice: its time starts there.
        let t0 = Instant::now();
        dispatch(&mut app, Msg::Tick(t0));
        assert_eq!(app.notice_goes_at(), Some(t0 + Duration::from_secs(4)));
        dispatch(&mut app, Msg::Tick(t0 + Duration::from_millis(3900)));
        assert_eq!(app.notice.as_deref(), Some(shown.as_str()));
        assert!(screen(&mut app, 80, 24).contains(&shown));
        dispatch(&mut app, Msg::Tick(t0 + Duration::from_millis(4100)));
        assert_eq!(app.notice, None);
        assert_eq!(app.notice_goes_at(), None);
        let s = screen(&mut app, 80, 24);
        assert!(!s.contains(&shown), "{s}");
        // A later tick does not start a notice that is not there.
        dispatch(&mut app, Msg::Tick(t0 + Duration::from_secs(9)));
        assert_eq!(app.notice_goes_at(), None);
    }
}

#[test]
fn a_second_r_starts_the_four_seconds_again() {
    use std::time::{Duration, Instant};
    let (_dir, mut app) = app_of(include_str!("../data/sample.toml"), Lang::En);
    let t0 = Instant::now();
    press(&mut app, KeyCode::Char('r'));
    dispatch(&mut app, Msg::Tick(t0));
    press(&mut app, KeyCode::Char('r'));
    dispatch(&mut app, Msg::Tick(t0 + Duration::from_secs(3)));
    // 6.9 s after the first `r`, 3.9 s after the second: still shown.
    dispatch(&mut app, Msg::Tick(t0 + Duration::from_millis(6900)));
    assert!(app.notice.is_some());
    dispatch(&mut app, Msg::Tick(t0 + Duration::from_millis(7100)));
    assert!(app.notice.is_none());
}
