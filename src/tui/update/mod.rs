//! How the model changes for each message (`update`, pure), one file per part that has its own
//! behaviour: the forms, the mouse, planning, the documents and the log view (`protect`).

pub mod addloan;
pub mod form;
pub mod history;
pub mod loanedit;
pub mod mouse;
pub mod outcome_form;
pub mod planning;
pub mod protect;

use crate::tui::app::{App, Pane};
use crate::tui::form::{FormKind, FormMsg};
use crate::tui::msg::{Effect, Msg};
use crate::tui::scroll::{Move, Scroll};
use crate::tui::stack::{View, ViewKind};

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
    match (app.views.kind(), msg) {
        // What the app hears whatever view is open (the file read or written, the day, the
        // editor back): before any view's arms, which would take it for a key of their own.
        (_, Msg::Quit) => app.quit = true,
        (_, Msg::Tick(now)) => app.tick(now),
        (_, Msg::Reload) => return vec![Effect::Reload { by_hand: true }],
        (_, Msg::FileChanged) => return vec![Effect::Reload { by_hand: false }],
        (_, Msg::Loaded(result, exposed, by_hand)) => {
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
        (_, Msg::Unchanged(exposed, by_hand)) => {
            app.unchanged(exposed);
            if by_hand {
                app.say_reloaded();
            }
        }
        (_, Msg::Written(done, exposed)) => {
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
        (_, Msg::Undone(result, exposed)) => form::undone(app, *result, exposed),
        (_, Msg::EntryRemoved(result, exposed)) => history::removed(app, *result, exposed),
        (_, Msg::InfoSet(result, exposed)) => loanedit::written(app, *result, exposed),
        (_, Msg::LoanAdded(result, exposed)) => addloan::added(app, *result, exposed),
        (_, Msg::Archived(done, exposed)) => {
            let (id, on, result) = *done;
            match result {
                Ok(rec) => {
                    app.install(rec.loaded, exposed);
                    let said = match on {
                        true => crate::i18n::loansin::archived_short(&id),
                        false => crate::i18n::loansin::unarchived_short(&id),
                    };
                    app.notice = Some(said.get(app.lang).to_string());
                }
                Err(e) => app.status = Some(e.message.get(app.lang).to_string()),
            }
        }
        (_, Msg::EditorReturned) => {
            app.edited = true;
            return vec![Effect::Reload { by_hand: true }];
        }
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
        (
            ViewKind::Form
            | ViewKind::Filter
            | ViewKind::CashPrompt
            | ViewKind::AddLoan
            | ViewKind::HistoryFilter
            | ViewKind::EditLoan,
            Msg::ToggleLang,
        ) => {}
        (_, Msg::ToggleLang) => {
            app.toggle_lang();
            return save_ui(app);
        }
        (ViewKind::Main, Msg::OpenHistory) => history::open(app),
        (ViewKind::Main, Msg::OpenEditLoan) if app.is_demo() => {
            app.status = Some(
                crate::i18n::phrases::demo_read_only(&app.init_command)
                    .get(app.lang)
                    .to_string(),
            );
        }
        (ViewKind::Main, Msg::OpenEditLoan) => loanedit::open(app),
        (ViewKind::EditLoan | ViewKind::AddLoan, Msg::Back) => {
            app.views.close();
        }
        (ViewKind::EditLoan, Msg::Form(m)) => return loanedit::update(app, m),
        (ViewKind::EditLoan, Msg::Paste(s)) => {
            return loanedit::update(app, FormMsg::Paste(s));
        }
        (ViewKind::EditLoan, _) => {}
        (ViewKind::History | ViewKind::HistoryFilter, m) => return history::update(app, m),
        (ViewKind::Main, Msg::OpenAddLoan) if app.is_demo() => {
            app.status = Some(
                crate::i18n::phrases::demo_read_only(&app.init_command)
                    .get(app.lang)
                    .to_string(),
            );
        }
        (ViewKind::Main, Msg::OpenAddLoan) => addloan::open(app),
        (ViewKind::AddLoan, Msg::Form(m)) => return addloan::update(app, m),
        (ViewKind::AddLoan, Msg::Paste(s)) => {
            return addloan::update(app, FormMsg::Paste(s));
        }
        (ViewKind::AddLoan, _) => {}
        (ViewKind::LoanFull, Msg::Back | Msg::Show(ViewKind::LoanFull)) => {
            app.views.close();
        }
        (ViewKind::LoanFull, Msg::ToggleHelp) => open_help(app),
        (ViewKind::LoanFull, m) => {
            let max = app.measured.doc_max_scroll;
            let page = usize::from(app.screen.height.saturating_sub(4)).max(1);
            // The wheel anywhere on the screen: the document is the whole screen.
            let mv = match m {
                Msg::Wheel { rows, .. } => Some(Move::Rows(rows * 3)),
                m => m.as_move(),
            };
            scroll_top(app, mv, max, page);
        }
        (ViewKind::Main, Msg::ToggleArchived) => app.toggle_archived(),
        (ViewKind::Main, Msg::Archive) => {
            if let Some(e) = app.selected_entry() {
                let id = e.id.clone();
                let archived = app.portfolio.loan(&id).is_some_and(|l| l.archived);
                return vec![Effect::Archive(id, !archived)];
            }
        }
        (ViewKind::Main, Msg::EditFile) if app.is_demo() => {
            app.status = Some(
                crate::i18n::phrases::demo_read_only(&app.init_command)
                    .get(app.lang)
                    .to_string(),
            );
        }
        (ViewKind::Main, Msg::EditFile) => {
            let at = if app.reload_failed {
                None
            } else {
                app.selected_id()
            };
            return vec![Effect::OpenEditor(at)];
        }
        (_, m @ (Msg::Click { .. } | Msg::Wheel { .. })) => {
            // Scrolling asks for nothing outside the model.
            for m in mouse::update(app, m) {
                update(app, m);
            }
        }
        (ViewKind::Help, Msg::ToggleHelp) => {
            app.views.close();
        }
        (ViewKind::Help, m) if m.as_move().is_some() => {
            let page = usize::from(app.screen.height.saturating_sub(4));
            let max = app.measured.help_max_scroll;
            scroll_top(app, m.as_move(), max, page);
        }
        (ViewKind::Warnings, Msg::Back | Msg::ShowWarnings) => {
            app.views.close();
        }
        (ViewKind::Warnings, m) => {
            let last = app.warnings.len().saturating_sub(1);
            let page = usize::from(app.screen.height.saturating_sub(4));
            scroll_top(app, m.as_move(), last, page);
        }
        (ViewKind::Form, Msg::Back) => form::cancel(app),
        (ViewKind::Form, Msg::Form(m)) => return form::update(app, m),
        (ViewKind::Form, Msg::Paste(s)) => return form::update(app, FormMsg::Paste(s)),
        (ViewKind::Form, _) => {}
        (ViewKind::Schedule, Msg::Back) => {
            app.views.close();
        }
        (ViewKind::Schedule, Msg::ToggleHelp) => open_help(app),
        (ViewKind::Schedule, m) => {
            let rows = app
                .selected_entry()
                .map(|e| e.ledger.installments.len())
                .unwrap_or(0);
            let page = app.measured.list_page.max(1);
            scroll_top(app, m.as_move(), rows.saturating_sub(1), page);
        }
        (ViewKind::Filter, m) => match m {
            Msg::Input(c) => app.filter_push(c.encode_utf8(&mut [0; 4])),
            Msg::Paste(s) => app.filter_push(&s),
            Msg::Backspace => app.filter_pop(),
            Msg::ClearInput => app.filter_cut(false),
            Msg::DeleteWord => app.filter_cut(true),
            Msg::Open => app.keep_filter(),
            Msg::Back => app.clear_filter(),
            Msg::Up => app.select(app.selected.saturating_sub(1)),
            Msg::Down => app.select(app.selected + 1),
            _ => {}
        },
        (ViewKind::CashPrompt, Msg::Paste(s)) => {
            for c in s.chars() {
                planning::update(app, Msg::Input(c));
            }
        }
        (ViewKind::CashPrompt | ViewKind::Plan | ViewKind::Cashflow, m) => planning::update(app, m),
        (ViewKind::LogView, Msg::QuickCall) => form::open(app, FormKind::Call),
        (ViewKind::Doc | ViewKind::LogView, m) => return protect::update(app, m),
        // With the focus on the advice, the arrows and pages scroll it.
        (ViewKind::Main, Msg::Up) if app.focus == Pane::Advice => app.scroll_advice(-1),
        (ViewKind::Main, Msg::Down) if app.focus == Pane::Advice => app.scroll_advice(1),
        (ViewKind::Main, Msg::PageUp) if app.focus == Pane::Advice => {
            app.scroll_advice(-(app.measured.advice_page.max(1) as i64))
        }
        (ViewKind::Main, Msg::PageDown) if app.focus == Pane::Advice => {
            app.scroll_advice(app.measured.advice_page.max(1) as i64)
        }
        (ViewKind::Main, Msg::Back) if app.focus == Pane::Advice => app.focus = Pane::List,
        (ViewKind::Main, m) => match m {
            Msg::Up => app.select(app.selected.saturating_sub(1)),
            Msg::Down => app.select(app.selected + 1),
            Msg::PageUp => app.select(app.selected.saturating_sub(app.measured.list_page.max(1))),
            Msg::PageDown => app.select(app.selected + app.measured.list_page.max(1)),
            Msg::Top => app.select(0),
            Msg::Bottom => app.select(app.order.len().saturating_sub(1)),
            Msg::Open if app.selected_entry().is_some() => {
                app.views.open(View::Schedule(Scroll::default()))
            }
            // Esc closes what is open (here: the filter) and never quits the main screen: only q
            // and ctrl-c do.
            Msg::Back if app.filter.is_some() => app.clear_filter(),
            Msg::OpenFilter => app.open_filter(),
            Msg::ShowWarnings => app.views.open(View::Warnings(Scroll::default())),
            Msg::NextTopic => app.set_topic(app.advice_topic as isize + 1),
            Msg::PrevTopic => app.set_topic(app.advice_topic as isize - 1),
            Msg::ScrollAdvice(rows) => app.scroll_advice(rows),
            Msg::AdvicePage(pages) => {
                app.scroll_advice(pages * app.measured.advice_page.max(1) as i64)
            }
            Msg::CycleSort => {
                app.set_sort(app.sort.next());
                return save_ui(app);
            }
            Msg::TogglePhones => app.reveal_phones = !app.reveal_phones,
            Msg::ToggleHelp => open_help(app),
            Msg::Show(kind) => {
                if let Some(v) = View::fresh(kind) {
                    app.views.open(v)
                }
            }
            Msg::ShiftDay(d) => app.set_offset(app.offset + d),
            Msg::RealToday => app.set_offset(0),
            Msg::RecordPayment => form::open(app, FormKind::Pay),
            Msg::Undo => return vec![Effect::Undo],
            Msg::AddLog => form::open(app, FormKind::Log),
            Msg::RecordExtension => form::open(app, FormKind::Extend),
            Msg::OpenPlan => app.open_cash_prompt(),
            Msg::OpenCashflow => app.open_cashflow(),
            Msg::OpenNotice => protect::open_notice(app),
            Msg::QuickCall => form::open(app, FormKind::Call),
            Msg::OpenOutcomeForm(kind) => form::open(app, kind),
            Msg::CheckClosing => return outcome_form::check_closing(app).into_iter().collect(),
            Msg::OpenLogView if app.selected_entry().is_some() => {
                app.views.open(View::LogView(Scroll::default()))
            }
            Msg::OpenDraft => {
                if let Some(doc) = protect::first_letter(app) {
                    app.views.open(View::Doc {
                        doc,
                        scroll: Scroll::default(),
                    });
                }
            }
            _ => {}
        },
        // Any other view (help, or a view added later with only `Msg::Show`): Esc closes it,
        // other keys do nothing.
        (_, Msg::Back) => {
            app.views.close();
        }
        _ => {}
    }
    Vec::new()
}

/// `?`: the help opens on the main screen, closing the view it was asked from (as it always
/// has: Esc then leads to the list).
fn open_help(app: &mut App) {
    app.views.reset(View::Help(Scroll::default()));
}

/// Move the top view's scroll by `mv` (if any), within `max`, `page` rows a page.
fn scroll_top(app: &mut App, mv: Option<Move>, max: usize, page: usize) {
    if let (Some(mv), Some(s)) = (mv, app.views.scroll_mut()) {
        *s = s.moved(mv, max, page);
    }
}

/// Keep the language and sort for the next run, when this app keeps them.
fn save_ui(app: &App) -> Vec<Effect> {
    match app.ui_state {
        Some(_) => vec![Effect::SaveUi(crate::tui::state::UiState {
            lang: Some(app.lang),
            sort: Some(app.sort),
        })],
        None => Vec::new(),
    }
}
