//! The main screen's keys (the list, the detail, the advice, and every view it opens) and the
//! list filter's prompt (`/`) over it.

use crate::tui::app::{App, Pane};
use crate::tui::form::FormKind;
use crate::tui::msg::{Effect, Handled, Msg};
use crate::tui::scroll::Scroll;
use crate::tui::stack::View;

use super::{addloan, form, history, loanedit, outcome_form, protect, reader};

/// A message with nothing open over the main screen.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    let advice = app.focus == Pane::Advice;
    match msg {
        Msg::OpenHistory => history::open(app),
        Msg::OpenEditLoan | Msg::OpenAddLoan | Msg::EditFile if app.is_demo() => {
            app.status = Some(
                crate::i18n::phrases::demo_read_only(&app.init_command)
                    .get(app.lang)
                    .to_string(),
            );
        }
        Msg::OpenEditLoan => loanedit::open(app),
        Msg::OpenAddLoan => addloan::open(app),
        Msg::ToggleArchived => app.toggle_archived(),
        Msg::Archive => {
            if let Some(e) = app.selected_entry() {
                let id = e.id.clone();
                let archived = app.portfolio.loan(&id).is_some_and(|l| l.archived);
                return Ok(vec![Effect::Archive(id, !archived)]);
            }
        }
        Msg::EditFile => {
            let at = if app.reload_failed {
                None
            } else {
                app.selected_id()
            };
            return Ok(vec![Effect::OpenEditor(at)]);
        }
        // With the focus on the advice, the arrows and pages scroll it.
        Msg::Up if advice => app.scroll_advice(-1),
        Msg::Down if advice => app.scroll_advice(1),
        Msg::PageUp if advice => app.scroll_advice(-(app.measured.advice_page.max(1) as i64)),
        Msg::PageDown if advice => app.scroll_advice(app.measured.advice_page.max(1) as i64),
        Msg::Back if advice => app.focus = Pane::List,
        Msg::Up => app.select(app.selected.saturating_sub(1)),
        Msg::Down => app.select(app.selected + 1),
        Msg::PageUp => app.select(app.selected.saturating_sub(app.measured.list_page.max(1))),
        Msg::PageDown => app.select(app.selected + app.measured.list_page.max(1)),
        Msg::Top => app.select(0),
        Msg::Bottom => app.select(app.order.len().saturating_sub(1)),
        Msg::Open if app.selected_entry().is_some() => {
            app.views.open(View::Schedule(Scroll::default()))
        }
        // Esc closes what is open (here: the filter) and never quits the main screen: only q and
        // ctrl-c do.
        Msg::Back if app.filter.is_some() => app.clear_filter(),
        Msg::Back => {}
        Msg::OpenFilter => app.open_filter(),
        Msg::ShowWarnings => app.views.open(View::Warnings(Scroll::default())),
        Msg::NextTopic => app.set_topic(app.advice_topic as isize + 1),
        Msg::PrevTopic => app.set_topic(app.advice_topic as isize - 1),
        Msg::ScrollAdvice(rows) => app.scroll_advice(rows),
        Msg::AdvicePage(pages) => app.scroll_advice(pages * app.measured.advice_page.max(1) as i64),
        Msg::CycleSort => {
            app.set_sort(app.sort.next());
            return Ok(save_ui(app));
        }
        Msg::TogglePhones => app.reveal_phones = !app.reveal_phones,
        Msg::ToggleHelp => reader::open_help(app),
        Msg::Show(kind) => {
            if let Some(v) = View::fresh(kind) {
                app.views.open(v)
            }
        }
        Msg::ShiftDay(d) => app.set_offset(app.offset + d),
        Msg::RealToday => app.set_offset(0),
        Msg::RecordPayment => form::open(app, FormKind::Pay),
        Msg::Undo => return Ok(vec![Effect::Undo]),
        Msg::AddLog => form::open(app, FormKind::Log),
        Msg::RecordExtension => form::open(app, FormKind::Extend),
        Msg::OpenPlan => app.open_cash_prompt(),
        Msg::OpenCashflow => app.open_cashflow(),
        Msg::OpenNotice => protect::open_notice(app),
        Msg::QuickCall => form::open(app, FormKind::Call),
        Msg::OpenOutcomeForm(kind) => form::open(app, kind),
        Msg::CheckClosing => return Ok(outcome_form::check_closing(app).into_iter().collect()),
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
        m => return Err(m),
    }
    Ok(Vec::new())
}

/// Typing the list's filter: the list narrows as it is typed, and the arrows still move in it.
/// Every key is the prompt's (`l` is a letter, not the language) but the mouse's.
pub fn filter(app: &mut App, msg: Msg) -> Handled {
    match msg {
        Msg::Input(c) => app.filter_push(c.encode_utf8(&mut [0; 4])),
        Msg::Paste(s) => app.filter_push(&s),
        Msg::Backspace => app.filter_pop(),
        Msg::ClearInput => app.filter_cut(false),
        Msg::DeleteWord => app.filter_cut(true),
        Msg::Open => app.keep_filter(),
        Msg::Back => app.clear_filter(),
        Msg::Up => app.select(app.selected.saturating_sub(1)),
        Msg::Down => app.select(app.selected + 1),
        m @ (Msg::Click { .. } | Msg::Wheel { .. }) => return Err(m),
        _ => {}
    }
    Ok(Vec::new())
}

/// What came of `A` (archive the selected loan, or bring it back).
pub fn archived(
    app: &mut App,
    (id, on, result): (
        String,
        bool,
        Result<crate::store::write::Recorded, crate::store::write::WriteError>,
    ),
    exposed: Option<u32>,
) {
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

/// Keep the language and sort for the next run, when this app keeps them.
pub fn save_ui(app: &App) -> Vec<Effect> {
    match app.ui_state {
        Some(_) => vec![Effect::SaveUi(crate::tui::state::UiState {
            lang: Some(app.lang),
            sort: Some(app.sort),
        })],
        None => Vec::new(),
    }
}
