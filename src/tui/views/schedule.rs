//! The selected loan's full schedule as a table, scrollable.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table, Widget};

use super::{Theme, money, panel};
use crate::engine::{InstallmentStatus, LoanStatus};
use crate::money::grouped;
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
    let Some(e) = app.selected_entry() else {
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

    let insts = &e.ledger.installments;
    let (interest, fee) = crate::present::cost_totals(&e.ledger);
    let mut facts: Vec<String> = Vec::new();
    if let Some(p) = app.detail.principal {
        facts.push(format!("{} {}", lang.t("本金", "principal"), money(cur, p)));
    }
    if let Some(a) = app.detail.apr {
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
    facts.push(format!(
        "{} {}",
        lang.t("已还", "paid"),
        money(cur, e.ledger.total_paid)
    ));
    let chunks = facts.into_iter().map(|f| vec![Span::raw(f)]).collect();
    ratatui::widgets::Paragraph::new(super::flow(chunks, summary.width as usize))
        .render(summary, buf);

    // One row for the header; the rest scroll.
    let visible = (table_area.height as usize).saturating_sub(1).max(1);
    m.list_page = visible;
    let scroll = scroll.min(insts.len().saturating_sub(visible));
    let header = Row::new(vec![
        "#".to_string(),
        lang.t("到期日", "Due").to_string(),
        lang.t("本金", "Principal").to_string(),
        lang.t("利息", "Interest").to_string(),
        lang.t("手续费", "Fee").to_string(),
        lang.t("应还", "Amount").to_string(),
        lang.t("已还", "Paid").to_string(),
        lang.t("状态", "Status").to_string(),
    ])
    .style(theme.accent());
    let rows: Vec<Row> = insts
        .iter()
        .skip(scroll)
        .take(visible)
        .map(|s| {
            let style = match s.status {
                InstallmentStatus::Paid => theme.dim(),
                InstallmentStatus::Overdue => theme.status(LoanStatus::Overdue),
                InstallmentStatus::Partial => theme.status(LoanStatus::DueSoon),
                InstallmentStatus::Due => ratatui::style::Style::new(),
            };
            Row::new(vec![
                format!("{:>3}", s.inst.n),
                crate::dates::day(lang, s.inst.due_date, app.today()),
                format!("{:>10}", grouped(s.inst.principal)),
                format!("{:>9}", grouped(s.inst.interest)),
                format!("{:>8}", grouped(s.inst.fee)),
                format!("{:>10}", grouped(s.inst.amount)),
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
