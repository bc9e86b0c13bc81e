//! The views that are only read: the schedule (Enter), the help (`?`), the warnings (`!`) and the
//! whole loan (`f`). Their keys scroll them and close them.

use crate::tui::app::App;
use crate::tui::msg::{Handled, Msg};
use crate::tui::scroll::{Move, Scroll};
use crate::tui::stack::{View, ViewKind};

/// `?`: the help opens on the main screen, closing the view it was asked from (as it always
/// has: Esc then leads to the list).
pub fn open_help(app: &mut App) {
    app.views.reset(View::Help(Scroll::default()));
}

/// Move the top view's scroll by `mv` (if any), within `max`, `page` rows a page.
fn scroll_top(app: &mut App, mv: Option<Move>, max: usize, page: usize) {
    if let (Some(mv), Some(s)) = (mv, app.views.scroll_mut()) {
        *s = s.moved(mv, max, page);
    }
}

/// A message while one of these views is on top.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    let screen_page = usize::from(app.screen.height.saturating_sub(4));
    match (app.views.kind(), msg) {
        (ViewKind::Schedule, Msg::Back)
        | (ViewKind::Help, Msg::ToggleHelp)
        | (ViewKind::Warnings, Msg::Back | Msg::ShowWarnings)
        | (ViewKind::LoanFull, Msg::Back | Msg::Show(ViewKind::LoanFull)) => {
            app.views.close();
        }
        (ViewKind::Schedule | ViewKind::LoanFull, Msg::ToggleHelp) => open_help(app),
        (ViewKind::Schedule, m) if m.as_move().is_some() => {
            let rows = app
                .selected_entry()
                .map(|e| e.ledger.installments.len())
                .unwrap_or(0);
            let page = app.measured.list_page.max(1);
            scroll_top(app, m.as_move(), rows.saturating_sub(1), page);
        }
        (ViewKind::Help, m) if m.as_move().is_some() => {
            let max = app.measured.help_max_scroll;
            scroll_top(app, m.as_move(), max, screen_page);
        }
        // The wheel anywhere on the screen: the document is the whole screen.
        (ViewKind::LoanFull, Msg::Wheel { rows, .. }) => {
            let max = app.measured.doc_max_scroll;
            scroll_top(app, Some(Move::Rows(rows * 3)), max, screen_page.max(1));
        }
        (ViewKind::LoanFull, m) if m.as_move().is_some() => {
            let max = app.measured.doc_max_scroll;
            scroll_top(app, m.as_move(), max, screen_page.max(1));
        }
        (_, m) => return Err(m),
    }
    Ok(Vec::new())
}
