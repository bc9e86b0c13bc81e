//! The selected loan's full schedule as a table, scrollable: the rows and totals
//! `present::schedule` builds (what `schedule` prints), drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, Widget};

use super::{Theme, money, panel};
use crate::engine::{InstallmentStatus, LoanStatus};
use crate::money::grouped;
use crate::present::schedule::columns;
use crate::tui::app::{App, Measured};

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
            format!(" {} · {} ", lang.t("还款计划", "Schedule"), e.name),
            theme.bold(),
        ),
        Span::styled(format!("Esc {} ", lang.t("返回", "back")), theme.dim()),
    ]);
    let block = panel(title, theme);
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
            lang.t("本金", "principal"),
            money(cur, s.principal)
        ));
    }
    if let Some(a) = s.apr {
        facts.push(format!("{} {a}%", lang.t("年化(IRR)", "APR (IRR)")));
    }
    facts.push(format!(
        "{} {}",
        lang.t("利息合计", "interest"),
        money(cur, interest)
    ));
    if !fee.is_zero() {
        facts.push(format!(
            "{} {}",
            lang.t("手续费合计", "fees"),
            money(cur, fee)
        ));
    }
    facts.push(format!("{} {}", lang.t("已还", "paid"), money(cur, s.paid)));
    let chunks = facts.into_iter().map(|f| vec![Span::raw(f)]).collect();
    ratatui::widgets::Paragraph::new(super::flow(chunks, summary.width as usize))
        .render(summary, buf);

    // One row for the header; the rest scroll.
    let visible = (table_area.height as usize).saturating_sub(1).max(1);
    m.list_page = visible;
    let scroll = scroll.min(insts.len().saturating_sub(visible));
    let header = Row::new(columns(lang).map(str::to_string)).style(theme.accent());
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
            Row::new(vec![
                if i < agreed {
                    format!("{:>3}", format!("A{}", s.n))
                } else {
                    format!("{:>3}", s.n)
                },
                crate::dates::day(lang, s.due_date, app.today()),
                format!("{:>10}", grouped(s.principal)),
                format!("{:>9}", grouped(s.interest)),
                format!("{:>8}", grouped(s.fee)),
                format!("{:>10}", grouped(s.amount)),
                format!("{:>10}", grouped(s.paid)),
                lang.installment_status(s.status).to_string(),
            ])
            .style(style)
        })
        .collect();
    let widths = [
        Constraint::Length(3),
        // "21 Dec 2027", the longest date.
        Constraint::Length(11),
        Constraint::Length(10),
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Min(6),
    ];
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
