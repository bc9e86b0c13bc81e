//! Everything that can happen to the dashboard, and how the model changes when it does.

use super::app::{App, Mode, Pane};
use super::form::{self, FormKind, FormMsg};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected loan's schedule.
    Open,
    /// Close the overlay (never quits).
    Back,
    Quit,
    NextTopic,
    CycleSort,
    TogglePhones,
    ToggleHelp,
    /// What-if: move "today" by this many days.
    ShiftDay(i64),
    RealToday,
    Reload,
    /// `u`: undo the last write (again: redo it).
    Undo,
    /// The file changed on disk.
    FileChanged,
    /// Midnight passed this many times: the day moves on while the dashboard stays open (a
    /// `--today` moves with it, so a what-if started yesterday is still one tomorrow).
    DaysPassed(i64),
    Resize,
    /// Open the form that records a payment (`p`), a log entry (`n`) or an extension (`e`).
    RecordPayment,
    AddLog,
    RecordExtension,
    /// A key inside the open form.
    Form(FormMsg),
    /// The previous advice topic (shift-Tab).
    PrevTopic,
    /// Scroll the advice area by this many rows (`J` / `K`).
    ScrollAdvice(i64),
    /// Scroll the advice area by this many pages (ctrl-d / ctrl-u).
    AdvicePage(i64),
    /// `P`: ask for the cash at hand, then show the plan.
    OpenPlan,
    /// `c`: the weekly cash-flow view.
    OpenCashflow,
    /// A character typed into a one-line input.
    Input(char),
    Backspace,
    /// Next plan strategy (urgency → avalanche → snowball).
    CycleStrategy,
    /// `m`: the heads-up message for the selected loan's contacts.
    OpenNotice,
    /// `a`: log a collection call that just happened (date and time prefilled).
    QuickCall,
    /// `L`: the selected loan's collection log.
    OpenLogView,
    /// `w`: the negotiation letter (main screen) or the complaint draft (log view).
    OpenDraft,
    /// `y`: copy the document shown.
    Copy,
    /// `t` in a contact's message: record that the contact was told.
    MarkTold,
    /// `!`: list every warning from reading the file.
    ShowWarnings,
    /// `l`: Chinese ↔ English, for this session only.
    ToggleLang,
    /// `/`: type a filter for the list.
    OpenFilter,
    /// A left click at this column and row of the screen.
    Click {
        x: u16,
        y: u16,
    },
    /// The wheel turned over this cell: rows down (positive) or up.
    Wheel {
        x: u16,
        y: u16,
        rows: i64,
    },
    /// Text pasted (bracketed paste): arrives whole, into the input that has the focus.
    Paste(String),
}

pub fn update(app: &mut App, msg: Msg) {
    // A form's outcome stays in the status line until the user does something else.
    if !matches!(msg, Msg::FileChanged | Msg::Resize | Msg::DaysPassed(_)) {
        app.notice = None;
        app.notice_fades = false;
    }
    match (app.mode, msg) {
        (_, Msg::Quit) => app.quit = true,
        (_, Msg::Reload) => app.reload_by_hand(),
        (_, Msg::FileChanged) => app.reload(),
        (Mode::Form | Mode::Filter | Mode::CashPrompt, Msg::ToggleLang) => {}
        (_, Msg::ToggleLang) => app.toggle_lang(),
        (_, Msg::DaysPassed(days)) => {
            if days != 0
                && let Some(d) = app
                    .base_today
                    .checked_add_signed(chrono::Duration::days(days))
            {
                app.base_today = d;
                app.recompute();
            }
        }
        (_, Msg::Resize) => {}
        (_, m @ (Msg::Click { .. } | Msg::Wheel { .. })) => super::mouse::update(app, m),
        (Mode::Help, Msg::ToggleHelp | Msg::Back) => app.mode = Mode::Main,
        (Mode::Help, _) => {}
        (Mode::Warnings { .. }, Msg::Back | Msg::ShowWarnings) => app.mode = Mode::Main,
        (Mode::Warnings { scroll }, m) => {
            let last = app.warnings.len().saturating_sub(1);
            let scroll = match m {
                Msg::Up => scroll.saturating_sub(1),
                Msg::Down => (scroll + 1).min(last),
                Msg::Top => 0,
                Msg::Bottom => last,
                _ => scroll,
            };
            app.mode = Mode::Warnings { scroll };
        }
        (Mode::Form, Msg::Back) => form::cancel(app),
        (Mode::Form, Msg::Form(m)) => form::update(app, m),
        (Mode::Form, Msg::Paste(s)) => form::update(app, FormMsg::Paste(s)),
        (Mode::Form, _) => {}
        (Mode::Schedule { .. }, Msg::Back) => app.mode = Mode::Main,
        (Mode::Schedule { scroll }, m) => {
            let rows = app
                .selected_entry()
                .map(|e| e.ledger.installments.len())
                .unwrap_or(0);
            let page = app.list_page.get().max(1);
            let last = rows.saturating_sub(1);
            let scroll = match m {
                Msg::Up => scroll.saturating_sub(1),
                Msg::Down => (scroll + 1).min(last),
                Msg::PageUp => scroll.saturating_sub(page),
                Msg::PageDown => (scroll + page).min(last),
                Msg::Top => 0,
                Msg::Bottom => last,
                Msg::ToggleHelp => {
                    app.mode = Mode::Help;
                    return;
                }
                _ => scroll,
            };
            app.mode = Mode::Schedule { scroll };
        }
        (Mode::Filter, m) => match m {
            Msg::Input(c) => app.filter_push(c.encode_utf8(&mut [0; 4])),
            Msg::Paste(s) => app.filter_push(&s),
            Msg::Backspace => app.filter_pop(),
            Msg::Open => app.keep_filter(),
            Msg::Back => app.clear_filter(),
            Msg::Up => app.select(app.selected.saturating_sub(1)),
            Msg::Down => app.select(app.selected + 1),
            _ => {}
        },
        (Mode::CashPrompt, Msg::Paste(s)) => {
            for c in s.chars() {
                super::planning::update(app, Msg::Input(c));
            }
        }
        (Mode::CashPrompt | Mode::Plan { .. } | Mode::Cashflow { .. }, m) => {
            super::planning::update(app, m)
        }
        (Mode::Doc { .. } | Mode::LogView { .. }, m) => super::protect::update(app, m),
        // With the focus on the advice, the arrows and pages scroll it.
        (Mode::Main, Msg::Up) if app.focus == Pane::Advice => app.scroll_advice(-1),
        (Mode::Main, Msg::Down) if app.focus == Pane::Advice => app.scroll_advice(1),
        (Mode::Main, Msg::PageUp) if app.focus == Pane::Advice => {
            app.scroll_advice(-(app.advice_page.get().max(1) as i64))
        }
        (Mode::Main, Msg::PageDown) if app.focus == Pane::Advice => {
            app.scroll_advice(app.advice_page.get().max(1) as i64)
        }
        (Mode::Main, Msg::Back) if app.focus == Pane::Advice => app.focus = Pane::List,
        (Mode::Main, m) => match m {
            Msg::Up => app.select(app.selected.saturating_sub(1)),
            Msg::Down => app.select(app.selected + 1),
            Msg::PageUp => app.select(app.selected.saturating_sub(app.list_page.get().max(1))),
            Msg::PageDown => app.select(app.selected + app.list_page.get().max(1)),
            Msg::Top => app.select(0),
            Msg::Bottom => app.select(app.order.len().saturating_sub(1)),
            Msg::Open if app.selected_entry().is_some() => app.mode = Mode::Schedule { scroll: 0 },
            // Esc closes what is open (here: the filter) and never quits the main screen: only q
            // and ctrl-c do.
            Msg::Back if app.filter.is_some() => app.clear_filter(),
            Msg::OpenFilter => app.open_filter(),
            Msg::ShowWarnings => app.mode = Mode::Warnings { scroll: 0 },
            Msg::NextTopic => app.set_topic(app.advice_topic as isize + 1),
            Msg::PrevTopic => app.set_topic(app.advice_topic as isize - 1),
            Msg::ScrollAdvice(rows) => app.scroll_advice(rows),
            Msg::AdvicePage(pages) => {
                app.scroll_advice(pages * app.advice_page.get().max(1) as i64)
            }
            Msg::CycleSort => app.set_sort(app.sort.next()),
            Msg::TogglePhones => app.reveal_phones = !app.reveal_phones,
            Msg::ToggleHelp => app.mode = Mode::Help,
            Msg::ShiftDay(d) => app.set_offset(app.offset + d),
            Msg::RealToday => app.set_offset(0),
            Msg::RecordPayment => form::open(app, FormKind::Pay),
            Msg::Undo => form::undo(app),
            Msg::AddLog => form::open(app, FormKind::Log),
            Msg::RecordExtension => form::open(app, FormKind::Extend),
            Msg::OpenPlan => app.open_cash_prompt(),
            Msg::OpenCashflow => app.open_cashflow(),
            Msg::OpenNotice => super::protect::open_notice(app),
            Msg::QuickCall => form::open(app, FormKind::Call),
            Msg::OpenLogView if app.selected_entry().is_some() => {
                app.mode = Mode::LogView { scroll: 0 }
            }
            Msg::OpenDraft if app.selected_entry().is_some() => {
                app.doc = Some(super::protect::Doc::Letter);
                app.mode = Mode::Doc { scroll: 0 };
            }
            _ => {}
        },
    }
}
