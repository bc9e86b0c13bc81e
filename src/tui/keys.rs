//! Keys and mouse to messages.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::keymap::{self, Ctx, Key};
use super::msg::Msg;
use super::stack::ViewKind;

/// The keymap's name for a terminal key: Ctrl told apart, the other modifiers not.
fn named(k: KeyEvent) -> Key {
    Key {
        code: k.code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
    }
}

/// A key on the main screen.
pub fn key(k: KeyEvent) -> Option<Msg> {
    key_in(ViewKind::Main, k)
}

/// Keys inside a form: letters are text there, so only Ctrl-C quits.
pub fn form_key(k: KeyEvent) -> Option<Msg> {
    key_in(ViewKind::Form, k)
}

pub fn event(e: &Event) -> Option<Msg> {
    match e {
        Event::Key(k) => key(*k),
        Event::Mouse(m) => {
            let (x, y) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { x, y }),
                MouseEventKind::ScrollUp => Some(Msg::Wheel { x, y, rows: -1 }),
                MouseEventKind::ScrollDown => Some(Msg::Wheel { x, y, rows: 1 }),
                _ => None,
            }
        }
        Event::Resize(..) => Some(Msg::Resize),
        _ => None,
    }
}

/// A key with a given view on top, as the keymap (`tui::keymap`) binds it there: a one-line input or a
/// form takes the characters; a view's own keys come before the main screen's.
pub fn key_in(view: ViewKind, k: KeyEvent) -> Option<Msg> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let ctx = Ctx::of_view(view);
    // Alt with a key in a form is no text and no command (a terminal's Meta prefix).
    if ctx == Ctx::Form
        && k.modifiers.contains(KeyModifiers::ALT)
        && !k.modifiers.contains(KeyModifiers::CONTROL)
    {
        return None;
    }
    keymap::lookup(ctx, named(k))
}

/// What a terminal event means with this view on top: a form or a one-line input takes the characters
/// (see `form_key` and `key_in`).
pub fn event_in(view: ViewKind, e: &Event) -> Option<Msg> {
    match (view, e) {
        (ViewKind::Form | ViewKind::AddLoan | ViewKind::EditLoan, Event::Key(k)) => form_key(*k),
        (ViewKind::Form | ViewKind::AddLoan | ViewKind::EditLoan, Event::Mouse(_)) => None,
        (_, Event::Paste(s)) => Some(Msg::Paste(s.clone())),
        (_, Event::Key(k)) => key_in(view, *k),
        _ => event(e),
    }
}

/// While the terminal is too small to show anything, keys typed blind must not act (`j p Enter`
/// there once recorded a payment no one saw): only q and Ctrl-C quit, Esc backs out, and a
/// resize is still seen.
pub fn event_when_too_small(view: ViewKind, e: &Event) -> Option<Msg> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => match k.code {
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Quit),
            KeyCode::Char('q') if k.modifiers.difference(KeyModifiers::SHIFT).is_empty() => {
                Some(Msg::Quit)
            }
            KeyCode::Esc => event_in(view, e),
            _ => None,
        },
        Event::Resize(..) => Some(Msg::Resize),
        _ => None,
    }
}
