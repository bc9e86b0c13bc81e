//! The mouse: a click selects the loan under it or gives its pane the focus, a click on a topic
//! tab shows that topic, and the wheel scrolls the pane under the pointer (not the selection,
//! wherever the pointer is). Positions are matched against the areas the last frame recorded
//! while it drew (`Measured::hits`), so this names no view.

use ratatui::layout::{Position, Rect};

use crate::tui::app::{App, Pane};
use crate::tui::msg::Msg;
use crate::tui::scroll::Scroll;
use crate::tui::stack::{View, ViewKind};

/// Rows the wheel moves the advice by, a notch.
const WHEEL_ROWS: i64 = 3;

fn inside(r: Rect, x: u16, y: u16) -> bool {
    r.contains(Position { x, y })
}

/// What the mouse did to the model, and the messages it stands for (the wheel over a view that
/// scrolls: an Up or a Down a row), for `update` to run.
pub fn update(app: &mut App, msg: Msg) -> Vec<Msg> {
    let p = app.measured.hits.clone();
    match (app.views.kind(), msg) {
        (ViewKind::Main, Msg::Click { x, y }) => {
            if inside(p.list, x, y) {
                app.focus = Pane::List;
                // Below the borders and the column headers and ruler, a loan every few rows.
                let top = p.list_rows_top;
                if y >= top && y + 1 < p.list.bottom() {
                    let pos = app.measured.list_offset
                        + usize::from(y - top) / usize::from(p.list_row_h.max(1));
                    if pos < app.order.len() {
                        app.select(pos);
                    }
                }
            } else if inside(p.detail, x, y) {
                app.focus = Pane::List;
            } else if inside(p.advice, x, y) {
                app.focus = Pane::Advice;
                if y == p.advice.y
                    && let Some(&(_, _, i)) = p.tabs.iter().find(|t| x >= t.0 && x < t.1)
                {
                    app.set_topic(i as isize);
                }
            }
        }
        (ViewKind::Main, Msg::Wheel { x, y, rows }) => {
            if inside(p.advice, x, y) {
                app.scroll_advice(rows * WHEEL_ROWS);
            } else if inside(p.list, x, y) {
                let pos = app.selected as i64 + rows;
                app.select(pos.max(0) as usize);
            } else if inside(p.detail, x, y) && rows > 0 && app.selected_entry().is_some() {
                // The detail has no room to scroll in place: the wheel down over it opens the
                // whole loan (`f`), already scrolled.
                app.views.open(View::LoanFull(Scroll {
                    top: (rows * WHEEL_ROWS) as usize,
                }));
            }
        }
        (ViewKind::Filter, Msg::Wheel { x, y, rows }) if inside(p.list, x, y) => {
            let pos = app.selected as i64 + rows;
            app.select(pos.max(0) as usize);
        }
        // Elsewhere (the schedule, the plan, the cash flow, a document, the call log, the
        // warnings, the help) the wheel scrolls what is shown.
        (
            ViewKind::Schedule
            | ViewKind::Plan
            | ViewKind::Cashflow
            | ViewKind::Doc
            | ViewKind::LogView
            | ViewKind::Warnings
            | ViewKind::Help,
            Msg::Wheel { rows, .. },
        ) => {
            let m = if rows < 0 { Msg::Up } else { Msg::Down };
            return vec![m; rows.unsigned_abs() as usize];
        }
        _ => {}
    }
    Vec::new()
}
