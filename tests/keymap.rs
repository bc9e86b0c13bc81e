//! The one keymap (`tui::keymap::TABLE`) holds to what the dashboard does: every binding sends
//! its message through the real key handling in its context, no key is bound twice in one
//! context, every main-screen binding is in the help, every other one in its view's footer, and
//! the help can be read whole at 80×24 (and at the smallest screen drawn) by scrolling.

mod common;
use common::screen;
use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use repaydash::i18n::Lang;
use repaydash::store::{self, Source, builtin_policies};
use repaydash::tui::app::{Doc, Pane};
use repaydash::tui::keymap::{Ctx, Key, TABLE, hints};
use repaydash::tui::scroll::Scroll;
use repaydash::tui::stack::{View, ViewKind};
use repaydash::tui::{App, Msg, dispatch, keys};

fn sample(lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample.toml");
    let loaded = store::load(&Source::File(path), &builtin, today).unwrap();
    let mut app = App::new(loaded, builtin, today, lang);
    app.color = false;
    app
}

/// The terminal event for a keymap key, as a terminal sends it (capitals with Shift).
fn event(k: Key) -> Event {
    let mut mods = if k.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    if let KeyCode::Char(c) = k.code
        && c.is_ascii_uppercase()
    {
        mods |= KeyModifiers::SHIFT;
    }
    if k.code == KeyCode::BackTab {
        mods |= KeyModifiers::SHIFT;
    }
    Event::Key(KeyEvent::new(k.code, mods))
}

/// The views whose keys a context's bindings are for.
fn modes(ctx: Ctx) -> Vec<ViewKind> {
    match ctx {
        Ctx::Global => vec![
            ViewKind::Main,
            ViewKind::Form,
            ViewKind::AddLoan,
            ViewKind::EditLoan,
            ViewKind::Filter,
            ViewKind::CashPrompt,
            ViewKind::HistoryFilter,
            ViewKind::History,
            ViewKind::Plan,
            ViewKind::Doc,
            ViewKind::Help,
        ],
        Ctx::Main | Ctx::Advice => vec![ViewKind::Main],
        Ctx::Input => vec![ViewKind::Filter, ViewKind::CashPrompt],
        Ctx::Filter => vec![ViewKind::Filter],
        Ctx::CashPrompt => vec![ViewKind::CashPrompt],
        Ctx::HistoryFilter => vec![ViewKind::HistoryFilter],
        Ctx::Form => vec![ViewKind::Form, ViewKind::AddLoan, ViewKind::EditLoan],
        Ctx::Schedule => vec![ViewKind::Schedule],
        Ctx::LoanFull => vec![ViewKind::LoanFull],
        Ctx::Plan => vec![ViewKind::Plan],
        Ctx::Cashflow => vec![ViewKind::Cashflow],
        Ctx::Doc | Ctx::Notice => vec![ViewKind::Doc],
        Ctx::LogView => vec![ViewKind::LogView],
        Ctx::History => vec![ViewKind::History],
        Ctx::Warnings => vec![ViewKind::Warnings],
        Ctx::Help => vec![ViewKind::Help],
    }
}

#[test]
fn every_binding_sends_its_message_by_its_key_in_its_context() {
    let mut checked = 0;
    for b in TABLE {
        for (k, msg) in b.keys {
            for mode in modes(b.ctx) {
                let got = keys::event_in(mode, &event(*k));
                assert_eq!(
                    format!("{got:?}"),
                    format!("{:?}", Some(msg)),
                    "{k:?} in {mode:?} ({:?})",
                    b.ctx
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "only {checked} bindings checked");
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for b in TABLE {
        for (k, _) in b.keys {
            *seen.entry(format!("{:?} {k:?}", b.ctx)).or_default() += 1;
        }
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "bound twice: {twice:?}");
    // The bug this guards against: A was both the agreement form and archive.
    let main = |c: char| {
        format!(
            "{:?}",
            keys::event_in(
                ViewKind::Main,
                &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT))
            )
        )
    };
    assert_eq!(main('A'), "Some(OpenOutcomeForm(Agree))");
    assert_eq!(main('X'), "Some(Archive)");
}

/// The help overlay's text at this size, scrolled through to its end (J as the user would).
fn help_text(lang: Lang, w: u16, h: u16) -> (String, Vec<String>) {
    let mut app = sample(lang);
    dispatch(&mut app, Msg::ToggleHelp);
    assert_eq!(app.views.kind(), ViewKind::Help);
    app.screen = ratatui::layout::Rect::new(0, 0, w, h);
    let mut frames = vec![screen(&mut app, w, h)];
    let first = frames[0].clone();
    for _ in 0..60 {
        let k = keys::event_in(
            app.views.kind(),
            &event(Key {
                code: KeyCode::Char('J'),
                ctrl: false,
            }),
        )
        .unwrap();
        dispatch(&mut app, k);
        frames.push(screen(&mut app, w, h));
    }
    (first, frames)
}

#[test]
fn every_main_screen_binding_is_in_the_help_and_every_other_in_a_footer() {
    for b in TABLE {
        match b.ctx {
            Ctx::Main | Ctx::Input => assert!(b.help.is_some(), "{:?} not in the help", b.keys),
            // Keys everyone knows (editing a line) and Ctrl-L show nowhere; every other binding
            // of a view is in its footer, or in the footer of a view it serves (`t` in a
            // contact's message).
            _ if b.footer.is_empty() => {
                for (k, msg) in b.keys {
                    let quiet = matches!(
                        k.code,
                        KeyCode::Backspace
                            | KeyCode::Delete
                            | KeyCode::Home
                            | KeyCode::End
                            | KeyCode::Up
                            | KeyCode::Down
                    ) || (k.ctrl && matches!(k.code, KeyCode::Char('u' | 'w' | 'l')))
                        || matches!(msg, Msg::Quit);
                    let hinted = TABLE.iter().any(|o| {
                        !o.footer.is_empty()
                            && o.ctx.chain().contains(&b.ctx)
                            && o.keys
                                .iter()
                                .any(|(ok, om)| ok == k && format!("{om:?}") == format!("{msg:?}"))
                    });
                    assert!(quiet || hinted, "{k:?} in {:?} shows nowhere", b.ctx);
                }
            }
            _ => {}
        }
    }
    for lang in [Lang::Zh, Lang::En] {
        let (_, frames) = help_text(lang, 80, 24);
        let all = frames.join("\n");
        for b in TABLE {
            if let Some((label, words)) = b.help {
                for part in [label.get(lang), words.get(lang)] {
                    assert!(all.contains(part), "{part:?} not in the {lang:?} help");
                }
            }
        }
    }
}

#[test]
fn each_view_footer_is_its_keymap_hints() {
    let mut app = sample(Lang::En);
    let cases: Vec<(Option<View>, Ctx)> = vec![
        (None, Ctx::Main),
        (Some(View::Schedule(Scroll::default())), Ctx::Schedule),
        (Some(View::LogView(Scroll::default())), Ctx::LogView),
        (Some(View::Cashflow(Scroll::default())), Ctx::Cashflow),
    ];
    for (view, ctx) in cases {
        app.views.clear();
        if let Some(v) = view {
            app.views.open(v);
        }
        let s = screen(&mut app, 160, 40);
        let footer = s.lines().last().unwrap().to_string();
        for h in hints(ctx) {
            let item = format!("{} {}", h.label, h.words.get(Lang::En));
            assert!(footer.contains(&item), "{item:?} not in {footer:?}");
        }
    }
    app.views.clear();
    app.focus = Pane::Advice;
    let s = screen(&mut app, 160, 40);
    assert!(s.lines().last().unwrap().contains("Esc back to the list"));
    app.focus = Pane::List;
    app.views.reset(View::Doc {
        doc: Doc::Notice { contact: 0 },
        scroll: Scroll::default(),
    });
    assert_eq!(Ctx::of_footer(&app), Ctx::Notice);
}

#[test]
fn the_help_scrolls_on_a_short_screen_to_its_last_line() {
    for lang in [Lang::Zh, Lang::En] {
        // (Every row is read at 80×24 in the test above, scrolling if it must.)
        let more = repaydash::tui::keymap::Words::tr("keys.more_below").get(lang);
        // The smallest screen drawn: the help says there is more, and J shows the rest,
        // down to its last line.
        let (first, frames) = help_text(lang, 80, 20);
        assert!(
            first.contains(more),
            "{lang:?}: no '{more}' at 80x20:\n{first}"
        );
        let last_line = match lang {
            Lang::Zh => "所有时间线同一刻度",
            _ => "Every bar is on one scale",
        };
        assert!(!first.contains(last_line));
        let end = frames.last().unwrap();
        assert!(
            end.contains(last_line),
            "{lang:?}: the end never shows:\n{end}"
        );
        assert!(!end.contains(more), "{lang:?}: '{more}' at the end");
    }
}

/// A key as the terminal sends it, dispatched in the app's mode.
fn press(app: &mut App, code: KeyCode) {
    let k = Key { code, ctrl: false };
    if let Some(m) = keys::event_in(app.views.kind(), &event(k)) {
        dispatch(app, m);
    }
}

#[test]
fn j_and_k_scroll_every_scrolled_view_by_a_row() {
    let scroll_of = |v: Option<&View>| match v {
        Some(
            View::Schedule(scroll)
            | View::Doc { scroll, .. }
            | View::LoanFull(scroll)
            | View::LogView(scroll),
        ) => scroll.top,
        other => panic!("{other:?}"),
    };
    for open in [KeyCode::Enter, KeyCode::Char('w'), KeyCode::Char('f')] {
        let mut app = sample(Lang::En);
        app.screen = ratatui::layout::Rect::new(0, 0, 80, 24);
        press(&mut app, open);
        screen(&mut app, 80, 24);
        press(&mut app, KeyCode::Char('J'));
        press(&mut app, KeyCode::Char('J'));
        assert_eq!(scroll_of(app.views.top()), 2, "{open:?}");
        press(&mut app, KeyCode::Char('K'));
        assert_eq!(scroll_of(app.views.top()), 1, "{open:?}");
    }
}

#[test]
fn every_word_of_the_keymap_is_in_every_catalogue() {
    use repaydash::i18n::catalogue::{CATALOGUES, Catalogue};
    use repaydash::tui::keymap::Words;
    let mut words: Vec<Words> = vec![
        Words::tr("keys.help_title"),
        Words::tr("keys.more_below"),
        Words::tr("keys.more_above"),
    ];
    for b in TABLE {
        if let Some((label, w)) = b.help {
            words.extend([label, w]);
        }
        words.extend(b.footer.iter().map(|h| h.words));
    }
    let keys: Vec<&str> = words
        .iter()
        .filter_map(|w| match w {
            Words::Tr(k) => Some(*k),
            Words::Same(_) => None,
        })
        .collect();
    assert!(keys.len() > 60, "{}", keys.len());
    for (_, path, src) in CATALOGUES {
        let c = Catalogue::parse(src, path).unwrap();
        for k in &keys {
            assert!(c.get(k).is_some(), "{path}: `{k}` is missing");
        }
    }
}

/// `l` (the language) is the app's over every view that types no text, and leaves each view as it
/// was; the forms and prompts take it as a letter, so there it changes nothing.
#[test]
fn the_language_changes_over_every_view_but_those_that_take_text() {
    use KeyCode::{Char, Enter};
    let opened: [(&[KeyCode], ViewKind); 16] = [
        (&[], ViewKind::Main),
        (&[Enter], ViewKind::Schedule),
        (&[Char('?')], ViewKind::Help),
        (&[Char('!')], ViewKind::Warnings),
        (&[Char('f')], ViewKind::LoanFull),
        (&[Char('c')], ViewKind::Cashflow),
        (&[Char('P'), Char('9'), Enter], ViewKind::Plan),
        (&[Char('m')], ViewKind::Doc),
        (&[Char('L')], ViewKind::LogView),
        (&[Char('h')], ViewKind::History),
        (&[Char('/')], ViewKind::Filter),
        (&[Char('p')], ViewKind::Form),
        (&[Char('P')], ViewKind::CashPrompt),
        (&[Char('N')], ViewKind::AddLoan),
        (&[Char('i')], ViewKind::EditLoan),
        (&[Char('h'), Char('/')], ViewKind::HistoryFilter),
    ];
    for (keys, kind) in opened {
        let mut app = sample(Lang::En);
        for &k in keys {
            press(&mut app, k);
        }
        assert_eq!(app.views.kind(), kind, "{keys:?}");
        let top = app.views.top().cloned();
        dispatch(&mut app, Msg::ToggleLang);
        let types = matches!(
            kind,
            ViewKind::Filter
                | ViewKind::Form
                | ViewKind::CashPrompt
                | ViewKind::AddLoan
                | ViewKind::EditLoan
                | ViewKind::HistoryFilter
        );
        let lang = if types { Lang::En } else { Lang::Zh };
        assert_eq!(app.lang, lang, "{kind:?}");
        assert_eq!(app.views.top().cloned(), top, "{kind:?}");
    }
}
