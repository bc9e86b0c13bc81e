//! The selected loan: its stages as dated milestones, next installments, payments, APR, the
//! penalty estimate, contacts (masked unless revealed), and where each stage's days come from.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Theme, flow, money, panel};
use crate::engine::{InstallmentStatus, LoanStatus};
use crate::i18n::Lang;
use crate::model::mask_phone;
use crate::tui::app::App;
use crate::tui::views::list::status_words;

fn section<'a>(title: &str, theme: Theme) -> Line<'a> {
    Line::from(Span::styled(format!("─ {title} "), theme.accent()))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let Some(e) = app.selected_entry() else {
        panel(Line::from(""), theme).render(area, buf);
        return;
    };
    let loan = &app.portfolio.loans[e.idx];
    let cur = &app.portfolio.settings.currency;
    let today = app.today();
    let l = &e.ledger;
    let st = theme.status(l.status);
    let title = Line::from(vec![
        Span::styled(format!(" {} ", e.name), theme.bold()),
        Span::styled(format!("· {} ", e.platform), theme.dim()),
    ]);
    let block = panel(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);

    let mut lines: Vec<Line> = Vec::new();
    // Status and money at a glance, flowed over as many lines as the width needs.
    let mut chunks: Vec<Vec<Span>> = vec![vec![Span::styled(status_words(lang, e), st)]];
    if l.status == LoanStatus::Overdue {
        chunks.push(vec![
            Span::raw(lang.t("逾期 ", "overdue ")),
            Span::styled(money(cur, l.overdue_amount), st),
        ]);
    }
    if l.status != LoanStatus::PaidOff {
        chunks.push(vec![
            Span::raw(lang.t("未还 ", "unpaid ")),
            Span::styled(money(cur, l.remaining_balance), theme.bold()),
        ]);
    }
    if let Some(apr) = app.detail.apr {
        chunks.push(vec![Span::raw(format!(
            "{} {apr}%",
            lang.t("年化(IRR)", "APR (IRR)")
        ))]);
    }
    if !l.penalty_estimate.is_zero() {
        chunks.push(vec![
            Span::raw(lang.t("罚息估算 ", "penalty (estimate) ")),
            Span::styled(
                format!("≈{}", money(cur, l.penalty_estimate)),
                theme.fg(Color::Red),
            ),
        ]);
    }
    lines.extend(flow(chunks, inner.width as usize));
    // When the panel is short, past stages share one line.
    let compact = inner.height < 20;

    // Stages as dated milestones.
    if !e.escalation.milestones.is_empty() && l.status != LoanStatus::PaidOff {
        lines.push(section(
            lang.t("催收阶段（估计）", "Stages (estimates)"),
            theme,
        ));
        let next = e.escalation.next_milestone().map(|m| (m.kind, m.date));
        if compact {
            let past: Vec<Vec<Span>> = e
                .escalation
                .milestones
                .iter()
                .filter(|m| m.reached)
                .map(|m| {
                    let date = m
                        .date
                        .map(|d| d.format("%m-%d").to_string())
                        .unwrap_or_default();
                    vec![Span::styled(
                        format!("✓{date} {}", lang.stage(m.kind)),
                        theme.dim().add_modifier(Modifier::CROSSED_OUT),
                    )]
                })
                .collect();
            lines.extend(flow(past, inner.width as usize));
        }
        for m in e
            .escalation
            .milestones
            .iter()
            .filter(|m| !(compact && m.reached))
        {
            let is_next = next == Some((m.kind, m.date));
            let date = match (m.date, m.date_typical) {
                (Some(d), Some(t)) => format!("{d}~{}", t.format("%m-%d")),
                (Some(d), None) => d.to_string(),
                _ => String::new(),
            };
            let (mark, style) = if m.reached {
                ("✓", theme.dim().add_modifier(Modifier::CROSSED_OUT))
            } else if is_next {
                ("▶", theme.fg(Color::Yellow).add_modifier(Modifier::BOLD))
            } else {
                (" ", ratatui::style::Style::new())
            };
            let mut spans = vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(format!("{date} "), style),
                Span::styled(lang.stage(m.kind), style),
            ];
            if m.date.is_none() {
                spans.push(Span::styled(
                    lang.t("（未给出天数）", " (no day given)"),
                    theme.dim(),
                ));
            }
            if m.from_user {
                spans.push(Span::styled("*", theme.accent()));
            }
            if let Some(d) = m.date.filter(|_| !m.reached) {
                spans.push(Span::styled(
                    format!(" {}", lang.days_from_now((d - today).num_days())),
                    if is_next { style } else { theme.dim() },
                ));
            }
            lines.push(Line::from(spans));
        }
        if e.escalation.milestones.iter().any(|m| m.from_user) {
            lines.push(Line::from(Span::styled(
                lang.t(
                    "* 天数来自你的账本文件",
                    "* the days come from your loans file",
                ),
                theme.dim(),
            )));
        }
    }

    // Next installments.
    let unpaid: Vec<_> = l
        .installments
        .iter()
        .filter(|s| s.status != InstallmentStatus::Paid)
        .take(if compact { 2 } else { 3 })
        .collect();
    if !unpaid.is_empty() {
        lines.push(section(lang.t("待还", "To pay"), theme));
        for s in unpaid {
            let style = match s.status {
                InstallmentStatus::Overdue => theme.status(LoanStatus::Overdue),
                _ => ratatui::style::Style::new(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("#{:<3}", s.inst.n), theme.dim()),
                Span::raw(format!("{} ", s.inst.due_date)),
                Span::styled(format!("{:>11}", money(cur, s.unpaid())), style),
                Span::styled(format!(" {}", lang.installment_status(s.status)), style),
            ]));
        }
    }

    // Contacts.
    if !loan.contacts.is_empty() {
        lines.push(section(
            if app.reveal_phones {
                lang.t("紧急联系人（v 隐藏号码）", "Contacts (v hides)")
            } else {
                lang.t("紧急联系人（v 显示号码）", "Contacts (v shows)")
            },
            theme,
        ));
        for c in &loan.contacts {
            let phone = c
                .phone
                .as_deref()
                .map(|p| {
                    if app.reveal_phones {
                        p.to_string()
                    } else {
                        mask_phone(p)
                    }
                })
                .unwrap_or_default();
            let rel = c
                .relation
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!("{}{rel} ", c.name)),
                Span::styled(phone, theme.dim()),
            ]));
        }
    }

    // Payments so far.
    let paid: Vec<_> = loan.payments.iter().filter(|p| p.date <= today).collect();
    lines.push(section(lang.t("已还", "Paid"), theme));
    let mut pay = vec![Span::raw(match lang {
        Lang::Zh => format!("{} 笔，共 {}", paid.len(), money(cur, l.total_paid)),
        Lang::En => format!("{} payments, {}", paid.len(), money(cur, l.total_paid)),
    })];
    if let Some(last) = paid.iter().max_by_key(|p| p.date) {
        pay.push(Span::styled(
            format!(
                "  {} {} {}",
                lang.t("最近", "last"),
                last.date,
                money(cur, last.amount)
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::from(pay));

    // Sources of the stages.
    let mut sources: Vec<&str> = e
        .escalation
        .milestones
        .iter()
        .map(|m| &*m.source)
        .filter(|s| !s.is_empty())
        .collect();
    sources.dedup();
    if !sources.is_empty() {
        lines.push(section(lang.t("来源", "Sources"), theme));
        for s in sources {
            lines.push(Line::from(Span::styled(format!("《{s}》"), theme.dim())));
        }
    }
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .render(inner, buf);
}
