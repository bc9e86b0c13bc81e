//! The history view's messages (`h`): move, filter, open one whole, remove one.

use crate::i18n::loansin as lt;
use crate::present::entries::{EntryKind, EntryRow};
use crate::tui::app::App;
use crate::tui::history::History;
use crate::tui::msg::{Effect, Handled, Msg};
use crate::tui::scroll::Scroll;
use crate::tui::stack::{View, ViewKind};

fn shown(h: &History, app: &App) -> Vec<EntryRow> {
    crate::tui::history::shown(h, &app.portfolio, &app.policies, app.lang)
}

pub fn open(app: &mut App) {
    app.views.open(View::History(History::default()));
}

/// A message in the history view (or its filter prompt). The list leaves the language to the
/// app; the prompt takes every key.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    match (app.views.kind(), msg) {
        (ViewKind::History, m @ Msg::ToggleLang) => Err(m),
        (ViewKind::HistoryFilter, Msg::ToggleLang) => Ok(Vec::new()),
        (_, m) => Ok(update(app, m)),
    }
}

fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let filtering = app.views.kind() == ViewKind::HistoryFilter;
    let Some(h) = app.views.history() else {
        return Vec::new();
    };
    let rows = shown(h, app);
    let last = rows.len().saturating_sub(1);
    let page = usize::from(app.screen.height.saturating_sub(8)).max(1);
    let here = app.selected_id();
    let demo = app.is_demo();
    let Some(h) = app.views.history_mut() else {
        return Vec::new();
    };
    if filtering {
        match msg {
            Msg::Input(c) => h.filter.push(c),
            Msg::Paste(s) => h.filter.push_str(&s.replace(['\n', '\r', '\t'], " ")),
            Msg::Backspace => {
                h.filter.pop();
            }
            Msg::ClearInput => h.filter.clear(),
            Msg::Back => {
                h.filter.clear();
                app.views.close();
            }
            Msg::Open => {
                app.views.close();
            }
            _ => {}
        }
        if let Some(h) = app.views.history_mut() {
            h.selected = 0;
        }
        return Vec::new();
    }
    // Any key but a second `d` takes back the first.
    let confirming = std::mem::take(&mut h.confirm);
    match msg {
        Msg::Back if h.open => h.open = false,
        Msg::Back => {
            app.views.close();
        }
        Msg::Up => h.selected = h.selected.saturating_sub(1),
        Msg::Down => h.selected = (h.selected + 1).min(last),
        Msg::PageUp => h.selected = h.selected.saturating_sub(page),
        Msg::PageDown => h.selected = (h.selected + page).min(last),
        Msg::Top => h.selected = 0,
        Msg::Bottom => h.selected = last,
        Msg::Open => h.open = !h.open,
        Msg::OpenFilter => app.views.open(View::HistoryFilter),
        Msg::NextTopic => {
            h.kind = match h.kind {
                None => Some(EntryKind::Payment),
                Some(EntryKind::Payment) => Some(EntryKind::Log),
                Some(EntryKind::Log) => Some(EntryKind::Extension),
                Some(EntryKind::Extension) => None,
            };
            h.selected = 0;
        }
        Msg::HistoryKey('o') => {
            h.loan = match h.loan {
                Some(_) => None,
                None => here,
            };
            h.selected = 0;
        }
        Msg::HistoryKey('d') => {
            if let Some(r) = rows.get(h.selected) {
                if confirming {
                    return vec![Effect::RemoveEntry {
                        id: r.loan_id.clone(),
                        key: r.kind.key(),
                        index: r.index,
                    }];
                }
                h.confirm = true;
            }
        }
        Msg::EditFile if !demo => {
            if let Some(r) = rows.get(h.selected) {
                return vec![Effect::OpenEditorAt {
                    id: r.loan_id.clone(),
                    key: r.kind.key(),
                    index: r.index,
                }];
            }
        }
        Msg::Wheel { rows: n, .. } => {
            h.selected = (h.selected as i64 + n).clamp(0, last as i64) as usize;
        }
        // As from any view: the help opens on the main screen.
        Msg::ToggleHelp => app.views.reset(View::Help(Scroll::default())),
        Msg::Undo => return vec![Effect::Undo],
        _ => {}
    }
    Vec::new()
}

/// What came of a removal.
pub fn removed(
    app: &mut App,
    result: Result<crate::store::write::Recorded, crate::store::write::WriteError>,
    exposed: Option<u32>,
) {
    match result {
        Ok(rec) => {
            app.install(rec.loaded, exposed);
            if let Some(h) = app.views.history() {
                let last = shown(h, app).len().saturating_sub(1);
                if let Some(h) = app.views.history_mut() {
                    h.open = false;
                    h.selected = h.selected.min(last);
                }
            }
            app.notice = Some(lt::entry_removed().get(app.lang).to_string());
        }
        Err(e) => app.status = Some(e.message.get(app.lang).to_string()),
    }
}
