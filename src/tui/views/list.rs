//! The loan list: column headers and the ruler of the one time scale, then two lines a loan
//! (name, platform, state and what is owed now; then the timeline on that scale and the
//! countdown to emergency contacts). Only the visible rows are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{ruler, timeline};
use crate::engine::LoanStatus;
use crate::present::countdown;
use crate::text::{Align, pad, truncate};
use crate::tui::app::{App, Entry, Measured};
use crate::tui::theme::{Theme, money, panel, status_mark};

pub const ROW_H: usize = 2;
/// Rows above the loans: the column headers and the ruler.
pub const HEAD_H: usize = 2;

/// Rows the list needs to show every loan (borders included): counted over all loans, not the
/// filtered ones, so the layout holds still while a filter is typed.
pub fn needed_height(app: &App) -> u16 {
    let rows = 2 + HEAD_H + ROW_H * app.snap.loans.len().max(1);
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// The list's title: how many loans (of how many, when filtered) and the sort with its direction.
fn title(app: &App, width: usize, theme: Theme) -> Line<'static> {
    let lang = app.lang;
    // An empty filter (all of it deleted, still open for typing) filters nothing: plain title.
    let count = match app.filter.as_deref().filter(|f| !f.trim().is_empty()) {
        None => format!(" {} {} ", lang.tr("common.loans"), app.order.len()),
        Some(f) => format!(
            " {} {} · “{}” ",
            lang.tr("common.loans"),
            super::filter::count(app),
            truncate(f, 16)
        ),
    };
    let sort = format!("· {} ", app.sort.label(lang));
    let key = "(s) ";
    let mut spans = vec![
        Span::styled(count.clone(), theme.bold()),
        Span::styled(sort.clone(), theme.dim()),
    ];
    if count.width() + sort.width() + key.len() + 2 <= width {
        spans.push(Span::styled(key, theme.dim()));
    }
    Line::from(spans)
}

pub fn render(app: &App, m: &mut Measured, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let block = panel(
        crate::tui::theme::fit_title(title(app, area.width as usize, theme), area.width),
        theme,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    if app.snap.loans.is_empty() {
        Line::from(lang.tr("views.list.no_loans_file_yet")).render(inner, buf);
        return;
    }
    let w = inner.width as usize;
    let today = app.today();
    let cur = &app.portfolio.settings.currency;
    // One width for every row, so the bars line up; wider where the list is.
    let words_w = if w >= 56 { 26 } else { 22.min(w * 11 / 20) };
    let bar_w = w.saturating_sub(4 + words_w + 1);
    let rows_h = (inner.height as usize).saturating_sub(HEAD_H);
    let visible = (rows_h / ROW_H).max(1);
    m.list_page = visible;
    // Keep the selection in view, moving the window as little as possible.
    let mut offset = m.list_offset;
    if app.selected < offset {
        offset = app.selected;
    } else if app.selected >= offset + visible {
        offset = app.selected + 1 - visible;
    }
    offset = offset.min(app.order.len().saturating_sub(visible));
    m.list_offset = offset;
    let shown: Vec<&Entry> = (offset..app.order.len())
        .take(visible)
        .map(|pos| &app.snap.loans[app.order[pos]])
        .collect();

    // Column widths: the state as wide as the widest shown; the amount as its header at least.
    let state_h = lang.tr("views.list.state");
    let amount_h = lang.tr("views.list.owed_now");
    let amounts: Vec<String> = shown
        .iter()
        .map(|e| match (e.ledger.status, e.starts) {
            (LoanStatus::PaidOff | LoanStatus::Settled, _) | (_, Some(_)) => "—".to_string(),
            _ => money(cur, e.amount_now()),
        })
        .collect();
    let statuses: Vec<String> = shown.iter().map(|e| e.status_words(lang)).collect();
    let amount_w = amounts
        .iter()
        .map(|a| a.width())
        .chain([amount_h.width(), 10])
        .max()
        .unwrap_or(10);
    let state_w = statuses
        .iter()
        .map(|s| s.width())
        .chain([state_h.width()])
        .max()
        .unwrap_or(4);
    // Marker, status mark and a space before; one space between the name and the state.
    let left_w = w.saturating_sub(3 + state_w + 1 + amount_w + 1);

    // Column headers, then the ruler of the shared scale over the bars.
    let head = Line::from(vec![
        Span::raw("   "),
        Span::styled(
            pad(
                &truncate(lang.tr("views.list.name_platform"), left_w),
                left_w,
                Align::Left,
            ),
            theme.dim(),
        ),
        Span::raw(" "),
        Span::styled(pad(state_h, state_w, Align::Left), theme.dim()),
        Span::raw(" "),
        Span::styled(pad(amount_h, amount_w, Align::Right), theme.dim()),
    ]);
    head.render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    if inner.height > 1 {
        let mut spans = vec![Span::raw("   ")];
        spans.extend(ruler::ruler(app.scale, bar_w, lang, theme));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            truncate(lang.tr("views.list.emergency_contacts"), words_w),
            theme.dim(),
        ));
        Line::from(spans).render(Rect::new(inner.x, inner.y + 1, inner.width, 1), buf);
    }
    if app.order.is_empty() {
        if inner.height as usize > HEAD_H {
            Line::from(lang.tr("views.list.no_loan_matches_filter"))
                .render(Rect::new(inner.x, inner.y + 2, inner.width, 1), buf);
        }
        return;
    }

    for (row, e) in shown.iter().enumerate() {
        let pos = offset + row;
        let y = inner.y + (HEAD_H + row * ROW_H) as u16;
        let selected = pos == app.selected;
        let st = theme.status(e.ledger.status);
        let drawn = e.starts.is_none();

        // Line 1: marker, label, platform ... state, amount owed now.
        let name = truncate(&e.label, left_w);
        let room = left_w.saturating_sub(name.width() + 1);
        // H shows archived loans: the platform's place says so.
        let tagged = if e.archived {
            crate::i18n::loansin::archived_tag().get(lang).to_string()
        } else {
            e.platform.clone()
        };
        let platform = if room >= tagged.width() || room >= 8 {
            truncate(&tagged, room)
        } else {
            String::new()
        };
        let used = name.width()
            + if platform.is_empty() {
                0
            } else {
                1 + platform.width()
            };
        let fill = left_w.saturating_sub(used) + 1;
        let name_style = if e.ledger.status.is_closed() || !drawn || e.archived {
            theme.dim()
        } else {
            theme.bold()
        };
        let line1 = Line::from(vec![
            Span::styled(if selected { "▶" } else { " " }, theme.accent()),
            Span::styled(
                if drawn {
                    status_mark(e.ledger.status)
                } else {
                    " "
                },
                st,
            ),
            Span::raw(" "),
            Span::styled(name, name_style),
            Span::raw(if platform.is_empty() { "" } else { " " }),
            Span::styled(platform, theme.dim()),
            Span::raw(" ".repeat(fill)),
            Span::styled(
                pad(&statuses[row], state_w, Align::Left),
                if drawn { st } else { theme.dim() },
            ),
            Span::raw(" "),
            Span::styled(
                pad(&amounts[row], amount_w, Align::Right),
                if e.ledger.status == LoanStatus::Overdue {
                    st
                } else {
                    theme.bold()
                },
            ),
        ]);
        let row_style = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let r1 = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(r1, row_style);
        line1.render(r1, buf);

        // Line 2: timeline on the shared scale and the countdown.
        if (y + 1) < inner.bottom() {
            let words = countdown::short(lang, e, today, words_w);
            let mut spans = vec![Span::raw("   ")];
            match &e.timeline {
                Some(tl) if !e.ledger.status.is_closed() => {
                    spans.extend(timeline::bar(tl, app.scale, bar_w, e.ledger.status, theme))
                }
                _ if !drawn => spans.push(Span::styled(
                    pad(lang.tr("views.list.not_yet_drawn"), bar_w, Align::Left),
                    theme.dim(),
                )),
                _ if e.ledger.status == LoanStatus::Settled => spans.push(Span::styled(
                    pad(
                        crate::i18n::outcome::list_settled().get(lang),
                        bar_w,
                        Align::Left,
                    ),
                    theme.dim(),
                )),
                _ => spans.push(Span::styled(
                    pad(lang.tr("views.list.all_repaid"), bar_w, Align::Left),
                    theme.dim(),
                )),
            }
            spans.push(Span::raw(" "));
            // Bold in the status colour once contacts may be called; calm otherwise.
            let words_style = match e.escalation.days_until_emergency_contact {
                Some(d) if d <= 0 && countdown::is_alarm(e) => st.add_modifier(Modifier::BOLD),
                _ if countdown::is_alarm(e) => st,
                _ => theme.dim(),
            };
            spans.push(Span::styled(
                pad(&truncate(&words, words_w), words_w, Align::Left),
                words_style,
            ));
            let r2 = Rect::new(inner.x, y + 1, inner.width, 1);
            buf.set_style(r2, row_style);
            Line::from(spans).render(r2, buf);
        }
    }
}
