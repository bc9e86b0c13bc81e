//! The detail's part about what a negotiation won: the agreement's progress (k of n), promises,
//! a settlement, the true rate against the reported lines, and the closing checklist. The facts
//! come from `present::outcome`; the words from `i18n::outcome`.

use ratatui::style::{Color, Modifier};
use ratatui::text::{Line, Span};

use crate::dates;
use crate::engine::agreement::{AgreementStatus, PromiseStatus};
use crate::i18n::outcome as words;
use crate::present::{LoanFacts, outcome};
use crate::tui::app::App;
use crate::tui::theme::{Theme, flow, money};

fn section<'a>(title: String, theme: Theme) -> Line<'a> {
    Line::from(Span::styled(format!("─ {title} "), theme.accent()))
}

/// The lines, fuller when not `compact` (the detail's fuller levels).
pub fn detail_lines<'a>(
    app: &App,
    e: &LoanFacts,
    apr: Option<rust_decimal::Decimal>,
    width: usize,
    compact: bool,
    theme: Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let today = app.today();
    let cur = &app.portfolio.settings.currency;
    let l = &e.ledger;
    let mut lines: Vec<Line<'a>> = Vec::new();

    // The true rate above a reported line (never a verdict).
    if let (Some(apr), Some(line)) = (apr, outcome::apr_line(apr)) {
        lines.extend(flow(
            vec![vec![Span::styled(
                words::detail_apr_line(&apr.to_string(), line)
                    .get(lang)
                    .to_string(),
                theme.fg(Color::Yellow),
            )]],
            width,
        ));
    }

    if let Some(a) = outcome::agreement(l) {
        let n = a.installments.len();
        lines.push(section(
            words::detail_agreement_title(a.paid_count as usize, n)
                .get(lang)
                .to_string(),
            theme,
        ));
        let mut chunks: Vec<Vec<Span>> = vec![];
        match a.status {
            AgreementStatus::Kept => {
                if let Some(next) = a
                    .installments
                    .iter()
                    .find(|s| s.inst.due_date >= today && s.unpaid() > rust_decimal::Decimal::ZERO)
                {
                    chunks.push(vec![Span::raw(
                        words::detail_agreement_next(
                            &dates::day(lang, next.inst.due_date, today),
                            &money(cur, next.unpaid()),
                        )
                        .get(lang)
                        .to_string(),
                    )]);
                }
            }
            AgreementStatus::Broken => {
                if let Some(missed) = a
                    .installments
                    .iter()
                    .find(|s| Some(s.inst.due_date) == a.broken_since)
                {
                    chunks.push(vec![Span::styled(
                        words::detail_agreement_missed(
                            missed.inst.n,
                            &dates::day(lang, missed.inst.due_date, today),
                        )
                        .get(lang)
                        .to_string(),
                        theme.fg(Color::Red).add_modifier(Modifier::BOLD),
                    )]);
                }
            }
            AgreementStatus::Done => chunks.push(vec![Span::raw(
                words::detail_agreement_done().get(lang).to_string(),
            )]),
        }
        match &a.agreement.reference {
            Some(r) if !compact => chunks.push(vec![Span::styled(
                format!(
                    "{}{}",
                    words::detail_ref_label().get(lang),
                    crate::text::truncate(r, width.saturating_sub(8))
                ),
                theme.dim(),
            )]),
            Some(_) => {}
            None => chunks.push(vec![Span::styled(
                words::detail_no_ref().get(lang).to_string(),
                theme.fg(Color::Yellow),
            )]),
        }
        lines.extend(flow(chunks, width));
    }

    if let Some(o) = outcome::of(l) {
        // Pending and broken promises; a kept one only in the fullest view.
        let shown: Vec<_> = o
            .promises
            .iter()
            .filter(|p| !compact || p.status != PromiseStatus::Kept)
            .filter(|p| p.promise.date <= today)
            .collect();
        if !shown.is_empty() {
            lines.push(section(
                words::detail_promises_title().get(lang).to_string(),
                theme,
            ));
            for p in shown.iter().rev().take(if compact { 1 } else { 3 }) {
                let style = match p.status {
                    PromiseStatus::Broken => theme.fg(Color::Red),
                    PromiseStatus::Pending => theme.fg(Color::Cyan),
                    PromiseStatus::Kept => theme.dim(),
                };
                lines.extend(flow(
                    vec![vec![Span::styled(
                        words::detail_promise(
                            p.status.key(),
                            &dates::day(lang, p.promise.by, today),
                            &money(cur, p.promise.amount),
                            &money(cur, p.paid),
                        )
                        .get(lang)
                        .to_string(),
                        style,
                    )]],
                    width,
                ));
            }
        }
        if let Some(s) = &o.settlement {
            lines.push(section(
                words::detail_settled_title().get(lang).to_string(),
                theme,
            ));
            lines.extend(flow(
                vec![
                    vec![Span::raw(
                        words::detail_settled_paid(
                            &dates::day(lang, s.settlement.date, today),
                            &money(cur, s.settled_amount),
                        )
                        .get(lang)
                        .to_string(),
                    )],
                    vec![Span::styled(
                        words::detail_settled_waived(&money(cur, s.waived_amount))
                            .get(lang)
                            .to_string(),
                        theme.dim(),
                    )],
                ],
                width,
            ));
        }
    }

    // After the last payment: the closing checklist (its sources are in the advice panel).
    if l.status.is_closed() && e.starts.is_none() {
        // The key's hint only where the title keeps to one line.
        let title = words::detail_closing_title().get(lang).to_string();
        let with_key = format!("{title}{}", words::detail_closing_key().get(lang));
        let fits = unicode_width::UnicodeWidthStr::width(with_key.as_str()) + 3 <= width;
        lines.push(section(if fits { with_key } else { title }, theme));
        let checked = app
            .portfolio
            .loans
            .get(e.idx)
            .map(outcome::closing_checked)
            .unwrap_or_default();
        let items: Vec<Vec<Span>> = words::detail_closing_items()
            .iter()
            .zip(checked)
            .map(|(t, done)| {
                if done {
                    vec![Span::styled(format!("☑ {}", t.get(lang)), theme.dim())]
                } else {
                    vec![Span::raw(format!("☐ {}", t.get(lang)))]
                }
            })
            .collect();
        lines.extend(flow(items, width));
    }
    lines
}
