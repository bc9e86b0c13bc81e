//! The selected loan's full schedule as a table, scrollable: the rows and totals
//! `present::schedule` builds (what `schedule` prints), drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, Widget};

use crate::engine::{InstallmentStatus, LoanStatus};
use crate::money::grouped;
use crate::present::schedule::columns;
use crate::tui::app::{App, Measured};
use crate::tui::theme::{Theme, flow, money, panel};

/// Which of `columns` hold figures (right-aligned, header too).
const NUMERIC: [bool; 8] = [true, false, true, true, true, true, true, false];

pub fn render(
    app: &App,
    m: &mut Measured,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let lang = app.lang;
    let (Some(e), Some(s)) = (app.selected_entry(), app.detail.schedule.as_ref()) else {
        return;
    };
    let cur = &app.portfolio.settings.currency;
    let title = Line::from(vec![
        Span::styled(
            format!(" {} · {} ", lang.tr("views.schedule.schedule"), e.name),
            theme.bold(),
        ),
        Span::styled(format!("Esc {} ", lang.tr("common.back")), theme.dim()),
    ]);
    let block = panel(crate::tui::theme::fit_title(title, area.width), theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let [summary, table_area] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);

    // With an agreement, its installments first (numbered A1, A2…), then the original schedule
    // as it stood the day before it.
    let agreed = s.agreement_installments.len();
    let all: Vec<&crate::present::schedule::Row> = s
        .agreement_installments
        .iter()
        .chain(&s.installments)
        .collect();
    let insts = &all;
    let (interest, fee) = (s.total_interest, s.total_fee);
    let mut facts: Vec<String> = Vec::new();
    // A bill list has no principal of its own (the bills' sum is what the table adds up to).
    if !s.bills {
        facts.push(format!(
            "{} {}",
            lang.tr("common.principal"),
            money(cur, s.principal)
        ));
    }
    if let Some(a) = s.apr {
        facts.push(format!("{} {a}%", lang.tr("common.apr_irr")));
    }
    facts.push(format!(
        "{} {}",
        lang.tr("views.schedule.interest"),
        money(cur, interest)
    ));
    if !fee.is_zero() {
        facts.push(format!(
            "{} {}",
            lang.tr("views.schedule.fees"),
            money(cur, fee)
        ));
    }
    facts.push(format!(
        "{} {}",
        lang.tr("views.schedule.paid"),
        money(cur, s.paid)
    ));
    let chunks = facts.into_iter().map(|f| vec![Span::raw(f)]).collect();
    ratatui::widgets::Paragraph::new(flow(chunks, summary.width as usize)).render(summary, buf);

    // One row for the header; the rest scroll.
    let visible = (table_area.height as usize).saturating_sub(1).max(1);
    m.list_page = visible;
    let scroll = scroll.min(insts.len().saturating_sub(visible));
    // The figures' headers stand right-aligned over them, as the figures do.
    // Each column's width; a column of zeros (the fee of most loans, the interest of a
    // fixed-fee one) gives way first when the table is wider than the pane, and any cell still
    // too wide for its column is cut with "…", never silently.
    // The status as wide as its widest word here ("overdue", "部分已还").
    let status_w = insts
        .iter()
        .map(|r| lang.installment_status(r.status))
        .chain([columns(lang)[7]])
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(6) as u16;
    let mut widths: [u16; 8] = [3, 11, 10, 9, 8, 10, 10, status_w];
    let mut keep = [true; 8];
    let need = |keep: &[bool; 8], widths: &[u16; 8]| -> u16 {
        let cols: Vec<u16> = (0..8).filter(|&i| keep[i]).map(|i| widths[i]).collect();
        cols.iter().sum::<u16>() + cols.len().saturating_sub(1) as u16
    };
    let all_zero = |f: fn(&crate::present::schedule::Row) -> rust_decimal::Decimal| {
        insts.iter().all(|r| f(r).is_zero())
    };
    if need(&keep, &widths) > table_area.width && all_zero(|r| r.fee) {
        keep[4] = false;
    }
    if need(&keep, &widths) > table_area.width && all_zero(|r| r.interest) {
        keep[3] = false;
    }
    // The status takes what is left (at least its widest word).
    let fixed = need(&keep, &widths) - widths[7];
    widths[7] = table_area.width.saturating_sub(fixed).max(status_w);
    let cell = |i: usize, text: String| {
        let line = Line::from(crate::text::truncate(&text, usize::from(widths[i])));
        Cell::from(if NUMERIC[i] {
            line.right_aligned()
        } else {
            line
        })
    };
    let header = Row::new(
        columns(lang)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| keep[*i])
            .map(|(i, h)| cell(i, h.to_string())),
    )
    .style(theme.accent());
    let rows: Vec<Row> = insts
        .iter()
        .enumerate()
        .skip(scroll)
        .take(visible)
        .map(|(i, s)| {
            let style = match s.status {
                InstallmentStatus::Paid => theme.dim(),
                InstallmentStatus::Overdue => theme.status(LoanStatus::Overdue),
                InstallmentStatus::Partial => theme.status(LoanStatus::DueSoon),
                InstallmentStatus::Due => ratatui::style::Style::new(),
            };
            let cells = [
                if i < agreed {
                    format!("A{}", s.n)
                } else {
                    s.n.to_string()
                },
                crate::dates::day(lang, s.due_date, app.today()),
                grouped(s.principal),
                grouped(s.interest),
                grouped(s.fee),
                grouped(s.amount),
                grouped(s.paid),
                lang.installment_status(s.status).to_string(),
            ];
            Row::new(
                cells
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| keep[*i])
                    .map(|(i, c)| cell(i, c)),
            )
            .style(style)
        })
        .collect();
    let widths: Vec<Constraint> = (0..8)
        .filter(|&i| keep[i])
        .map(|i| Constraint::Length(widths[i]))
        .collect();
    Table::new(rows, widths)
        .header(header)
        .column_spacing(1)
        .render(table_area, buf);
    if insts.len() > visible {
        let pos = format!(
            " {}–{}/{} ",
            scroll + 1,
            (scroll + visible).min(insts.len()),
            insts.len()
        );
        let w = pos.len() as u16;
        let x = area.right().saturating_sub(w + 2);
        buf.set_string(x, area.bottom().saturating_sub(1), pos, theme.dim());
    }
}
