//! How the model changes for each message (`update`, pure): what the app hears whatever view is
//! open (the file read or written, the day, the editor back), then the handler of the view on
//! top, one file a view with keys of its own (`main_screen`, `reader`, the forms, `history`,
//! `planning`, `protect`: the documents and the log view); what a view leaves, the handling
//! every view shares (the language, the mouse, Esc).

pub mod addloan;
pub mod form;
pub mod history;
pub mod loanedit;
pub mod main_screen;
pub mod mouse;
pub mod outcome_form;
pub mod planning;
pub mod protect;
pub mod reader;

use crate::tui::app::App;
use crate::tui::msg::{Effect, Handled, Msg};
use crate::tui::stack::ViewKind;

/// Change the model for `msg`; what must touch the file comes back as effects for the event loop
/// (see `effects`). No I/O here.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    // A document or the log view opened, closed or turned to another document: build what it
    // shows now, once (a change of data, day or selection rebuilds it with the detail).
    let showing = |app: &App| (app.views.kind(), app.views.doc());
    let before = showing(app);
    let effects = change(app, msg);
    if showing(app) != before {
        app.refresh_reading();
    }
    effects
}

fn change(app: &mut App, msg: Msg) -> Vec<Effect> {
    // A form's outcome stays in the status line until the user does something else.
    if !matches!(
        msg,
        Msg::FileChanged
            | Msg::Resize
            | Msg::DaysPassed(_)
            | Msg::Tick(_)
            | Msg::Loaded(..)
            | Msg::Unchanged(..)
            | Msg::Written(..)
    ) {
        app.notice = None;
        app.notice_fades = false;
        app.notice_since = None;
    }
    // First what the app hears whatever view is open, so no view takes it for a key of its own.
    let msg = match app_wide(app, msg) {
        Ok(effects) => return effects,
        Err(msg) => msg,
    };
    let own = match app.views.kind() {
        ViewKind::Main => main_screen::handle(app, msg),
        ViewKind::Filter => main_screen::filter(app, msg),
        ViewKind::Schedule | ViewKind::Help | ViewKind::Warnings | ViewKind::LoanFull => {
            reader::handle(app, msg)
        }
        ViewKind::Form => form::handle(app, msg),
        ViewKind::AddLoan => addloan::handle(app, msg),
        ViewKind::EditLoan => loanedit::handle(app, msg),
        ViewKind::History | ViewKind::HistoryFilter => history::handle(app, msg),
        ViewKind::CashPrompt | ViewKind::Plan | ViewKind::Cashflow => planning::handle(app, msg),
        ViewKind::Doc | ViewKind::LogView => protect::handle(app, msg),
        // A view with no keys of its own (opened by `Msg::Show`): the common handling alone.
        #[allow(unreachable_patterns)]
        _ => Err(msg),
    };
    own.unwrap_or_else(|msg| common(app, msg))
}

/// The results of the event loop's I/O, the clock, the day and the editor's return: the same
/// whatever view is open.
fn app_wide(app: &mut App, msg: Msg) -> Handled {
    match msg {
        Msg::Quit => app.quit = true,
        Msg::Tick(now) => app.tick(now),
        Msg::Reload => return Ok(vec![Effect::Reload { by_hand: true }]),
        Msg::FileChanged => return Ok(vec![Effect::Reload { by_hand: false }]),
        Msg::Loaded(result, exposed, by_hand) => {
            app.loaded(*result, exposed, by_hand);
            // After `E`, until the file is good again (the watcher may read it once more), the
            // way back: the editor at its first problem.
            app.edited &= app.reload_failed;
            if app.edited
                && let Some(s) = &mut app.status
            {
                // First, so a long error cut at the footer's end never takes it.
                s.insert_str(0, crate::i18n::loansin::reopen_hint().get(app.lang));
            }
            if by_hand {
                app.say_reloaded();
            }
        }
        Msg::Unchanged(exposed, by_hand) => {
            app.unchanged(exposed);
            if by_hand {
                app.say_reloaded();
            }
        }
        Msg::Written(done, exposed) => {
            let (edit, result) = *done;
            let id = edit.id().to_string();
            form::written(app, edit, result, exposed);
            // A loan just cleared: the way to keep it out of sight.
            if let Some(f) = app.snap.loan(&id)
                && f.ledger.status == crate::engine::LoanStatus::PaidOff
                && let Some(n) = &mut app.notice
            {
                n.push_str(crate::i18n::loansin::paid_off_archive_key().get(app.lang));
            }
        }
        Msg::Undone(result, exposed) => form::undone(app, *result, exposed),
        Msg::EntryRemoved(result, exposed) => history::removed(app, *result, exposed),
        Msg::InfoSet(result, exposed) => loanedit::written(app, *result, exposed),
        Msg::LoanAdded(result, exposed) => addloan::added(app, *result, exposed),
        Msg::Archived(done, exposed) => main_screen::archived(app, *done, exposed),
        Msg::EditorReturned => {
            app.edited = true;
            return Ok(vec![Effect::Reload { by_hand: true }]);
        }
        Msg::DaysPassed(days) => {
            if days != 0
                && let Some(d) = app
                    .base_today
                    .checked_add_signed(chrono::Duration::days(days))
            {
                app.base_today = d;
                app.recompute();
            }
        }
        Msg::Resize => {}
        m => return Err(m),
    }
    Ok(Vec::new())
}

/// What the view on top left: the language (`l`, where no text is typed), the mouse, and Esc,
/// which closes any view (a view added with only `Msg::Show` needs nothing more).
fn common(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::ToggleLang => {
            app.toggle_lang();
            return main_screen::save_ui(app);
        }
        m @ (Msg::Click { .. } | Msg::Wheel { .. }) => {
            // Scrolling asks for nothing outside the model.
            for m in mouse::update(app, m) {
                update(app, m);
            }
        }
        Msg::Back => {
            app.views.close();
        }
        // A view that only scrolls (its draw records how far) needs no handler of its own.
        m => {
            if let (Some(mv), Some(max)) = (m.as_move(), app.measured.top_max_scroll)
                && let Some(s) = app.views.scroll_mut()
            {
                let page = usize::from(app.screen.height.saturating_sub(4)).max(1);
                *s = s.moved(mv, max, page);
            }
        }
    }
    Vec::new()
}
