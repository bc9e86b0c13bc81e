//! Keys and mouse to messages.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::app::Mode;
use super::form::FormMsg;
use super::msg::Msg;

pub fn key(k: KeyEvent) -> Option<Msg> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match k.code {
            KeyCode::Char('c') => Some(Msg::Quit),
            KeyCode::Char('l') => Some(Msg::Resize),
            KeyCode::Char('d') => Some(Msg::AdvicePage(1)),
            KeyCode::Char('u') => Some(Msg::AdvicePage(-1)),
            _ => None,
        };
    }
    Some(match k.code {
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp => Msg::PageUp,
        KeyCode::PageDown => Msg::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Msg::Top,
        KeyCode::End | KeyCode::Char('G') => Msg::Bottom,
        KeyCode::Enter => Msg::Open,
        KeyCode::Esc => Msg::Back,
        KeyCode::Char('q') => Msg::Quit,
        KeyCode::Tab => Msg::NextTopic,
        KeyCode::Char('s') => Msg::CycleSort,
        KeyCode::Char('v') => Msg::TogglePhones,
        KeyCode::Char('?') => Msg::ToggleHelp,
        KeyCode::Char('[') => Msg::ShiftDay(-1),
        KeyCode::Char(']') => Msg::ShiftDay(1),
        KeyCode::Char('t') => Msg::RealToday,
        KeyCode::Char('r') => Msg::Reload,
        KeyCode::Char('u') => Msg::Undo,
        KeyCode::Char('p') => Msg::RecordPayment,
        KeyCode::Char('n') => Msg::AddLog,
        KeyCode::Char('e') => Msg::RecordExtension,
        KeyCode::Char('A') => Msg::OpenOutcomeForm(crate::tui::form::FormKind::Agree),
        KeyCode::Char('O') => Msg::OpenOutcomeForm(crate::tui::form::FormKind::Promise),
        KeyCode::Char('S') => Msg::OpenOutcomeForm(crate::tui::form::FormKind::Settle),
        KeyCode::Char('F') => Msg::OpenOutcomeForm(crate::tui::form::FormKind::PayPenalty),
        KeyCode::Char('C') => Msg::CheckClosing,
        KeyCode::BackTab => Msg::PrevTopic,
        KeyCode::Char('J') => Msg::ScrollAdvice(1),
        KeyCode::Char('K') => Msg::ScrollAdvice(-1),
        KeyCode::Char('P') => Msg::OpenPlan,
        KeyCode::Char('c') => Msg::OpenCashflow,
        KeyCode::Char('m') => Msg::OpenNotice,
        KeyCode::Char('a') => Msg::QuickCall,
        KeyCode::Char('L') => Msg::OpenLogView,
        KeyCode::Char('w') => Msg::OpenDraft,
        KeyCode::Char('y') => Msg::Copy,
        KeyCode::Char('/') => Msg::OpenFilter,
        KeyCode::Char('!') => Msg::ShowWarnings,
        KeyCode::Char('l') => Msg::ToggleLang,
        KeyCode::Char('E') => Msg::EditFile,
        KeyCode::Char('X') => Msg::Archive,
        KeyCode::Char('H') => Msg::ToggleArchived,
        KeyCode::Char('N') => Msg::OpenAddLoan,
        KeyCode::Char('f') => Msg::Show(Mode::LoanFull { scroll: 0 }),
        KeyCode::Char('h') => Msg::OpenHistory,
        KeyCode::Char('i') => Msg::OpenEditLoan,
        _ => return None,
    })
}

/// Keys inside a form: letters are text there, so only Ctrl-C quits.
pub fn form_key(k: KeyEvent) -> Option<Msg> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    if k.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return match k.code {
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Quit),
            KeyCode::Char('l') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Resize),
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Msg::Form(FormMsg::ClearToStart))
            }
            KeyCode::Char('w') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Msg::Form(FormMsg::DeleteWord))
            }
            _ => None,
        };
    }
    Some(Msg::Form(match k.code {
        KeyCode::Char(c) => FormMsg::Input(c),
        KeyCode::Backspace => FormMsg::Backspace,
        KeyCode::Delete => FormMsg::Delete,
        KeyCode::Left => FormMsg::Left,
        KeyCode::Right => FormMsg::Right,
        KeyCode::Home => FormMsg::Home,
        KeyCode::End => FormMsg::End,
        KeyCode::Tab | KeyCode::Down => FormMsg::Next,
        KeyCode::BackTab | KeyCode::Up => FormMsg::Prev,
        KeyCode::Enter => FormMsg::Submit,
        KeyCode::Esc => return Some(Msg::Back),
        _ => return None,
    }))
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

/// A key in a given mode: a one-line input takes the characters; the plan takes `s` for its
/// strategy; everything else as `key`.
pub fn key_in(mode: Mode, k: KeyEvent) -> Option<Msg> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    // In a one-line input, Ctrl-U clears it and Ctrl-W deletes its last word (readline habits).
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        return match (mode, k.code) {
            (Mode::CashPrompt | Mode::Filter | Mode::HistoryFilter, KeyCode::Char('u')) => {
                Some(Msg::ClearInput)
            }
            (Mode::CashPrompt | Mode::Filter, KeyCode::Char('w')) => Some(Msg::DeleteWord),
            _ => key(k),
        };
    }
    match (mode, k.code) {
        (Mode::CashPrompt, KeyCode::Char(c)) => Some(Msg::Input(c)),
        (Mode::CashPrompt, KeyCode::Backspace) => Some(Msg::Backspace),
        (Mode::CashPrompt, KeyCode::Enter) => Some(Msg::Open),
        (Mode::CashPrompt, KeyCode::Esc) => Some(Msg::Back),
        (Mode::CashPrompt, _) => None,
        (Mode::Filter, KeyCode::Char(c)) => Some(Msg::Input(c)),
        (Mode::Filter, KeyCode::Backspace) => Some(Msg::Backspace),
        (Mode::Filter, KeyCode::Enter) => Some(Msg::Open),
        (Mode::Filter, KeyCode::Esc) => Some(Msg::Back),
        (Mode::Filter, KeyCode::Up) => Some(Msg::Up),
        (Mode::Filter, KeyCode::Down) => Some(Msg::Down),
        (Mode::Filter, _) => None,
        (Mode::HistoryFilter, KeyCode::Char(c)) => Some(Msg::Input(c)),
        (Mode::HistoryFilter, KeyCode::Backspace) => Some(Msg::Backspace),
        (Mode::HistoryFilter, KeyCode::Enter) => Some(Msg::Open),
        (Mode::HistoryFilter, KeyCode::Esc) => Some(Msg::Back),
        (Mode::HistoryFilter, _) => None,
        (Mode::History, KeyCode::Char(c @ ('o' | 'd'))) => Some(Msg::HistoryKey(c)),
        (Mode::Plan { .. }, KeyCode::Char('s')) => Some(Msg::CycleStrategy),
        (Mode::Doc { .. }, KeyCode::Char('t')) => Some(Msg::MarkTold),
        _ => key(k),
    }
}

/// What a terminal event means in this mode: a form or a one-line input takes the characters
/// (see `form_key` and `key_in`).
pub fn event_in(mode: Mode, e: &Event) -> Option<Msg> {
    match (mode, e) {
        (Mode::Form | Mode::AddLoan | Mode::EditLoan, Event::Key(k)) => form_key(*k),
        (Mode::Form | Mode::AddLoan | Mode::EditLoan, Event::Mouse(_)) => None,
        (_, Event::Paste(s)) => Some(Msg::Paste(s.clone())),
        (_, Event::Key(k)) => key_in(mode, *k),
        _ => event(e),
    }
}

/// While the terminal is too small to show anything, keys typed blind must not act (`j p Enter`
/// there once recorded a payment no one saw): only q and Ctrl-C quit, Esc backs out, and a
/// resize is still seen.
pub fn event_when_too_small(mode: Mode, e: &Event) -> Option<Msg> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => match k.code {
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Quit),
            KeyCode::Char('q') if k.modifiers.difference(KeyModifiers::SHIFT).is_empty() => {
                Some(Msg::Quit)
            }
            KeyCode::Esc => event_in(mode, e),
            _ => None,
        },
        Event::Resize(..) => Some(Msg::Resize),
        _ => None,
    }
}
