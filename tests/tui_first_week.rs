//! The dashboard in the first week of real use (issue 21, parts 1 and 4): what it says of a
//! late loan with no penalty, and that every size from the minimum up shows its words whole or
//! cut with "…", never over a border.

mod common;
use common::screen;

use chrono::NaiveDate;
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::{App, Msg, dispatch};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The dashboard on `toml` (kept in a temp dir for the app's life).
fn app_on(toml: &str, today: &str, lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, toml).unwrap();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path), &builtin, d(today)).unwrap();
    let mut app = App::new(loaded, builtin, d(today), lang);
    app.color = false;
    (dir, app)
}

const ZERO_RATE: &str = r#"
[[loan]]
id = "zero"
name = "零息分期"
platform = "ctrip"
principal = 1200
annual_rate = 0
method = "equal_principal"
term = 12
start_date = 2026-09-10
"#;

#[test]
fn a_late_loan_with_a_zero_rate_says_no_penalty_is_estimated() {
    // 1,200 over 12 months at 0 %: 100 a month; 10 Oct and 10 Nov unpaid on 23 Nov: 200 late.
    let (_d, mut app) = app_on(ZERO_RATE, "2026-11-23", Lang::En);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("overdue ¥200.00"), "{s}");
    assert!(s.contains("no penalty estimated (rate 0)"), "{s}");
    dispatch(&mut app, Msg::ToggleLang);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("不估算罚息（费率为 0）"), "{s}");
    let out = common::stdout_on(ZERO_RATE, "2026-11-23", "en", &["check"]);
    assert!(out.contains("no penalty estimated (rate 0)"), "{out}");
}

const SAMPLE: &str = include_str!("../data/sample.toml");

/// Where `needle` ends on `line`, in display columns.
fn end_col(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {line:?}"));
    unicode_width::UnicodeWidthStr::width(&line[..at + needle.len()])
}

#[test]
fn the_schedules_figure_headers_stand_over_their_figures() {
    for (lang, principal, paid) in [(Lang::En, "Principal", "Paid"), (Lang::Zh, "本金", "已还")]
    {
        let (_d, mut app) = app_on(SAMPLE, "2026-11-23", lang);
        dispatch(&mut app, Msg::Down);
        dispatch(&mut app, Msg::Open);
        let s = screen(&mut app, 120, 40);
        let head = s
            .lines()
            .find(|l| l.contains(" # ") && l.contains(principal))
            .unwrap();
        // Installment 1 of 携程借去花: principal 920.16, paid 1,100.16.
        let row = s.lines().find(|l| l.contains("920.16")).unwrap();
        assert_eq!(
            end_col(head, principal),
            end_col(row, "920.16"),
            "{head}\n{row}"
        );
        // The paid figure is the row's last 1,100.16.
        let last = row.rfind("1,100.16").unwrap() + "1,100.16".len();
        let paid_end = unicode_width::UnicodeWidthStr::width(&row[..last]);
        assert_eq!(end_col(head, paid), paid_end, "{head}\n{row}");
    }
}

fn sample_app(lang: Lang) -> (tempfile::TempDir, App) {
    app_on(SAMPLE, "2026-11-23", lang)
}

/// The buffer the app draws at `w`×`h`.
fn draw(app: &mut App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| repaydash::tui::views::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// Every pane's border is whole (no text over it, the title stops before the right corner)
/// and every header line ends in a space or "…", at every width from the minimum (70) to 120
/// and heights from the minimum (20) up, in both languages, with several loans selected.
#[test]
fn nothing_overwrites_a_border_or_runs_off_uncut_at_any_size() {
    use repaydash::tui::views::{Theme, body_area, header, panes};
    for lang in [Lang::En, Lang::Zh] {
        for h in [20u16, 22, 40] {
            for w in 70u16..=120 {
                let (_d, mut app) = sample_app(lang);
                for pick in 0..3 {
                    let buf = draw(&mut app, w, h);
                    let area = ratatui::layout::Rect::new(0, 0, w, h);
                    let body = body_area(&app, area);
                    let p = panes(&app, body, Theme { color: false });
                    let at = |x: u16, y: u16| buf[(x, y)].symbol().to_string();
                    let screen = common::screen(&mut app, w, h);
                    for r in [p.list, p.detail, p.advice] {
                        if r.width < 2 || r.height < 2 {
                            continue;
                        }
                        let (l, rt, t, b) = (r.left(), r.right() - 1, r.top(), r.bottom() - 1);
                        let ctx = format!("{lang:?} {w}x{h} loan {pick} pane {r:?}\n{screen}");
                        assert_eq!(at(l, t), "╭", "{ctx}");
                        assert_eq!(at(rt, t), "╮", "{ctx}");
                        assert_eq!(at(rt - 1, t), "─", "title into the corner: {ctx}");
                        assert_eq!(at(l, b), "╰", "{ctx}");
                        assert_eq!(at(rt, b), "╯", "{ctx}");
                        for y in t + 1..b {
                            assert_eq!(at(l, y), "│", "row {y}: {ctx}");
                            assert_eq!(at(rt, y), "│", "row {y}: {ctx}");
                        }
                    }
                    for y in 0..header::height(&app) {
                        let last = at(w - 1, y);
                        assert!(
                            last == " " || last == "…",
                            "header row {y} runs off: {lang:?} {w}x{h}\n{screen}"
                        );
                    }
                    dispatch(&mut app, Msg::Down);
                    if pick == 1 {
                        dispatch(&mut app, Msg::Down);
                    }
                }
            }
        }
    }
}

/// Below the minimum the message wraps at spaces: every word is whole on some row, and no row
/// of it is lost.
#[test]
fn the_too_small_message_wraps_whole_words() {
    for (w, h) in [(20u16, 12u16), (16, 10), (30, 8)] {
        let (_d, mut app) = sample_app(Lang::En);
        let s = screen(&mut app, w, h);
        let words: Vec<&str> = s.split_whitespace().collect();
        for word in [
            "terminal", "too", "small", "needs", "at", "least", "70×20", "(now", "q", "to", "quit",
        ] {
            assert!(words.contains(&word), "{word:?} at {w}x{h}:\n{s}");
        }
        let (_d, mut app) = sample_app(Lang::Zh);
        let s = screen(&mut app, w, h);
        for piece in ["终端太小", "至少需要", "70×20", "q 退出"] {
            assert!(s.contains(piece), "{piece:?} at {w}x{h}:\n{s}");
        }
    }
}

/// At 120×40 the list needs 18 rows of the body's 35 (7 loans): the advice takes the rows below
/// it across the whole width (14 rows on 星图金融任性贷) instead of a third of the right column.
#[test]
fn at_120x40_the_advice_gets_the_rows_the_list_does_not_need() {
    // (the body is 35 rows)
    use repaydash::tui::views::{Theme, body_area, panes};
    let (_d, mut app) = sample_app(Lang::En);
    let s = screen(&mut app, 120, 40);
    let body = body_area(&app, ratatui::layout::Rect::new(0, 0, 120, 40));
    let p = panes(&app, body, Theme { color: false });
    // As high as the list (18) or the detail needs, whichever is more.
    assert!(
        p.list.height >= 18 && p.list.height == p.detail.height,
        "{s}"
    );
    assert_eq!((p.advice.x, p.advice.width), (0, 120), "{s}");
    assert_eq!(p.advice.y, p.list.bottom(), "{s}");
    assert_eq!(p.advice.height, body.height - p.list.height, "{s}");
    assert!(p.advice.height >= 14, "{s}");
    // The script reads as whole lines, more of it than beside the detail.
    assert!(s.contains("│ 1. Hello, I have a 任性贷 loan with Xingtu Finance, and I'd like to talk with you about my overdue payment."), "{s}");
    // 80×24 keeps the advice beside the detail.
    let body = body_area(&app, ratatui::layout::Rect::new(0, 0, 80, 24));
    let p = panes(&app, body, Theme { color: false });
    assert_eq!(p.advice.x, p.detail.x);
}

/// With load warnings counted in the footer, the most used keys stay: ↑↓, Enter, Tab, help and
/// quit, at every width from the minimum; the count is said shorter first.
#[test]
fn with_a_warning_the_footer_keeps_its_most_used_keys() {
    let file = format!("foo = 1\nbar = 2\n{SAMPLE}");
    for lang in [Lang::En, Lang::Zh] {
        for w in 70u16..=120 {
            let (_d, mut app) = app_on(&file, "2026-11-23", lang);
            assert_eq!(app.warnings.len(), 2);
            let s = screen(&mut app, w, 24);
            let foot = s.lines().last().unwrap();
            let (enter, tab, help, quit, warn) = match lang {
                Lang::En => (
                    "Enter schedule",
                    "Tab advice",
                    "? help",
                    "q quit",
                    "2 warnings",
                ),
                _ => ("Enter 还款计划", "Tab 建议", "? 帮助", "q 退出", "2 条"),
            };
            for key in ["↑↓", enter, tab, help, quit, warn, "!"] {
                assert!(foot.contains(key), "{key:?} at {w}: {foot}");
            }
        }
    }
}

/// The dashboard's call form (`a`) shows the flags in the interface's words (checked with the
/// space bar since the form became checkboxes), and the file keeps the keys.
#[test]
fn the_call_form_takes_zh_flag_words() {
    use repaydash::tui::form::{FieldKind, FormMsg};
    let (d, mut app) = sample_app(Lang::Zh);
    dispatch(&mut app, Msg::Down);
    assert_eq!(app.selected_id().as_deref(), Some("ctrip-jqh"));
    dispatch(&mut app, Msg::QuickCall);
    let s = screen(&mut app, 120, 40);
    for word in [
        "☐威胁",
        "☐辱骂",
        "☐向他人透露债务",
        "☐冒充法律程序",
        "☐夜间",
    ] {
        assert!(s.contains(word), "{word}: {s}");
    }
    let form = app.views.form_mut().expect("the call form");
    form.focus = form
        .fields
        .iter()
        .position(|f| f.kind == FieldKind::Flags)
        .unwrap();
    // Threat is first, night last.
    dispatch(&mut app, Msg::Form(FormMsg::Input(' ')));
    for _ in 0..4 {
        dispatch(&mut app, Msg::Form(FormMsg::Right));
    }
    dispatch(&mut app, Msg::Form(FormMsg::Input(' ')));
    dispatch(&mut app, Msg::Form(FormMsg::Submit));
    assert!(
        app.views.form().is_none(),
        "{:?}",
        app.views.form().map(|f| &f.fields)
    );
    let written = std::fs::read_to_string(d.path().join("loans.toml")).unwrap();
    assert!(
        written.contains(r#"flags = ["threat", "night"]"#),
        "{written}"
    );
}

/// The schedule view fits from 70 columns: a column of zeros (the fee) gives way, nothing runs
/// into the border, and "overdue" and "18 Jan 2027" are whole.
#[test]
fn the_schedule_fits_from_the_minimum_width() {
    for w in 70u16..=90 {
        let (_d, mut app) = sample_app(Lang::En);
        dispatch(&mut app, Msg::Down);
        dispatch(&mut app, Msg::Open);
        let s = screen(&mut app, w, 20);
        let row8 = s.lines().find(|l| l.contains("18 Nov ")).unwrap();
        assert!(row8.contains(" overdue") && row8.ends_with('│'), "{w}: {s}");
        assert!(s.contains("18 Jan 2027 "), "{w}: {s}");
        let buf = draw(&mut app, w, 20);
        for y in 5..18 {
            assert_eq!(buf[(w - 1, y)].symbol(), "│", "{w} row {y}:\n{s}");
        }
    }
}

/// The warnings (`!`) scroll by update's common handling, as far as their draw says: a warning a
/// row, the last one at the top at most, and back to the first.
#[test]
fn the_warnings_scroll_as_far_as_their_last() {
    let file = format!("foo = 1\nbar = 2\nbaz = 3\n{SAMPLE}");
    let (_d, mut app) = app_on(&file, "2026-11-23", Lang::En);
    assert_eq!(app.warnings.len(), 3);
    dispatch(&mut app, Msg::ShowWarnings);
    let first = screen(&mut app, 100, 30);
    assert!(first.contains(r#"key "foo""#), "{first}");
    dispatch(&mut app, Msg::Down);
    let s = screen(&mut app, 100, 30);
    assert!(
        !s.contains(r#"key "foo""#) && s.contains(r#"key "bar""#),
        "{s}"
    );
    dispatch(&mut app, Msg::Bottom);
    dispatch(&mut app, Msg::Down);
    let s = screen(&mut app, 100, 30);
    assert!(
        !s.contains(r#"key "bar""#) && s.contains(r#"key "baz""#),
        "{s}"
    );
    dispatch(&mut app, Msg::Top);
    assert_eq!(screen(&mut app, 100, 30), first);
}
