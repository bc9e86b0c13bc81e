//! The selected loan: its stages as dated milestones, next installments, payments, APR, the
//! penalty estimate, contacts (masked unless revealed), and where each stage's days come from.
//!
//! The panel is built at the fullest level of detail that fits its height; a short panel first
//! folds the passed stages, then keeps only the next stage with the rest counted, then drops the
//! sources and the payments so far, then the APR, and last the passed stages. Status, the penalty
//! of an overdue loan (it grows every day), the next stage, what to pay and the contacts stay.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::dates;
use crate::engine::{InstallmentStatus, LoanStatus};
use crate::i18n::Lang;
use crate::model::mask_phone;
use crate::present::stage;
use crate::text::wrap;
use crate::text::{Align, pad, truncate};
use crate::tui::app::{App, Entry};
use crate::tui::theme::{Theme, flow, money, panel};

/// Levels of detail, fullest first.
const FULL: u8 = 0;
/// Passed stages share lines; two installments.
const FOLD_PASSED: u8 = 1;
/// Passed stages in one line, the next stage, the later ones counted; no sources.
const NEXT_ONLY: u8 = 2;
/// No payments so far.
const NO_PAID: u8 = 3;
/// One installment; contacts share lines; no APR or later stages; the penalty's label short.
const TIGHT: u8 = 4;
/// No passed stages either: only the next one.
const TIGHTEST: u8 = 5;

/// A section's heading, cut with "…" to the pane's `width` (it never wraps onto the border).
fn section<'a>(title: &str, theme: Theme, width: usize) -> Line<'a> {
    let title = crate::text::truncate(title, width.saturating_sub(3));
    Line::from(Span::styled(format!("─ {title} "), theme.accent()))
}

/// Rows `lines` take at `width` columns when wrapped.
fn rows(lines: &[Line], width: usize) -> usize {
    lines
        .iter()
        .map(|l| l.width().div_ceil(width.max(1)).max(1))
        .sum()
}

/// The panel's lines at the fullest level that fits `max` rows (borders included), and the rows
/// it takes, so whatever it leaves goes to the advice area. When even the tightest level does not
/// fit, it takes up to `stretch` rows rather than cut what must stay (the contacts come last).
pub struct Fitted<'a> {
    pub height: u16,
    lines: Vec<Line<'a>>,
}

pub fn fit(app: &App, width: u16, max: u16, stretch: u16, theme: Theme) -> Fitted<'_> {
    let Some(e) = app.selected_entry() else {
        return Fitted {
            height: 2.min(max),
            lines: vec![],
        };
    };
    let w = width.saturating_sub(2) as usize;
    let room = max.saturating_sub(2) as usize;
    let mut shown = Vec::new();
    for level in FULL..=TIGHTEST {
        shown = lines(app, e, w, level, theme);
        let n = rows(&shown, w);
        if n <= room {
            return Fitted {
                height: (n + 2) as u16,
                lines: shown,
            };
        }
    }
    let need = (rows(&shown, w) + 2).min(usize::from(u16::MAX)) as u16;
    Fitted {
        height: need.min(stretch.max(max)),
        lines: shown,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    draw(
        app,
        fit(app, area.width, area.height, area.height, theme),
        area,
        buf,
        theme,
    );
}

pub fn draw(app: &App, fitted: Fitted, area: Rect, buf: &mut Buffer, theme: Theme) {
    let Some(e) = app.selected_entry() else {
        panel(Line::from(""), theme).render(area, buf);
        return;
    };
    let title = Line::from(vec![
        Span::styled(format!(" {} ", e.label), theme.bold()),
        Span::styled(format!("· {} ", e.platform), theme.dim()),
    ]);
    let block = panel(crate::tui::theme::fit_title(title, area.width), theme);
    let inner = block.inner(area);
    block.render(area, buf);
    crate::tui::theme::render_clipped(
        Paragraph::new(fitted.lines).wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
        buf,
    );
}

fn lines<'a>(app: &'a App, e: &'a Entry, width: usize, level: u8, theme: Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let loan = &app.portfolio.loans[e.idx];
    let cur = &app.portfolio.settings.currency;
    let today = app.today();
    let l = &e.ledger;
    let st = theme.status(l.status);

    let mut lines: Vec<Line> = Vec::new();
    // Status and money at a glance, flowed over as many lines as the width needs.
    let mut chunks: Vec<Vec<Span>> = vec![vec![Span::styled(e.status_words(lang), st)]];
    if l.status == LoanStatus::Overdue {
        chunks.push(vec![
            Span::raw(lang.tr("views.detail.overdue")),
            Span::styled(money(cur, l.overdue_amount), st),
        ]);
    }
    if !l.status.is_closed() {
        chunks.push(vec![
            Span::raw(lang.tr("views.detail.unpaid")),
            Span::styled(money(cur, l.remaining_balance), theme.bold()),
        ]);
    }
    if let Some(apr) = app.detail.apr.filter(|_| level < TIGHT) {
        // Beside the rate the user typed when that is not the true rate (a fixed fee, say).
        let typed = crate::present::outcome::typed_rate_words(lang, loan, apr).unwrap_or_default();
        chunks.push(vec![Span::raw(format!(
            "{} {apr}%{typed}",
            lang.tr("common.apr_irr")
        ))]);
    }
    if l.status == LoanStatus::Overdue {
        // Kept at every level: the one figure here that grows by the day. Tight, the English
        // label leans on the ≈ to say "estimate", so it shares a line with the unpaid total.
        let label = if level >= TIGHT {
            lang.tr("views.detail.penalty")
        } else {
            lang.tr("views.detail.penalty_estimate")
        };
        match l.penalty_estimate {
            Some(p) if !p.is_zero() => chunks.push(vec![
                Span::raw(label),
                Span::styled(format!("≈{}", money(cur, p)), theme.fg(Color::Red)),
            ]),
            Some(_) if l.penalty_percent_per_day.is_some_and(|r| r.is_zero()) => {
                chunks.push(vec![Span::styled(
                    crate::i18n::trust::no_penalty_rate_zero()
                        .get(lang)
                        .to_string(),
                    theme.dim(),
                )])
            }
            Some(_) => {}
            // Overdue with no rate to estimate from: say so instead of showing nothing.
            None => chunks.push(vec![
                Span::raw(label),
                Span::styled(lang.penalty_unknown(), theme.dim()),
            ]),
        }
    }
    lines.extend(flow(chunks, width));
    // An agreement, promises, a settlement, the closing checklist (issue 20).
    lines.extend(super::outcome::detail_lines(
        app,
        e,
        app.detail.apr,
        width,
        level >= NEXT_ONLY,
        theme,
    ));

    // Stages as dated milestones.
    let milestones = &e.escalation.milestones;
    if let Some(drawn) = e.starts {
        // Not yet drawn on the day shown: nothing is owed, so no stage can be counted down.
        let on = crate::present::countdown::drawn_on(lang, drawn, today);
        lines.push(Line::from(Span::styled(
            lang.trf("views.detail.nothing_owed_before", &[("on", &on)]),
            theme.dim(),
        )));
    } else if !milestones.is_empty() && !l.status.is_closed() {
        lines.push(section(
            &crate::present::countdown::stages_title(lang, l, &e.escalation, today),
            theme,
            width,
        ));
        let next = e.escalation.next_milestone().map(|m| (m.kind, m.date));
        let passed_style = theme.dim().add_modifier(Modifier::CROSSED_OUT);
        let passed: Vec<_> = milestones.iter().filter(|m| m.reached).collect();
        let user = |m: &crate::engine::Milestone| if m.from_user { "*" } else { "" };
        // Another platform's day used as an estimate: marked ≈ and muted.
        let approx = |m: &crate::engine::Milestone| stage::mark(m.basis);
        if level >= TIGHTEST {
            // The passed stages go last: the header and the list's timeline still show them.
        } else if level >= NEXT_ONLY {
            // The stage `check` names: the most severe one reached, not the latest by date.
            if let Some(last) = e.escalation.current().filter(|_| !passed.is_empty()) {
                let date = last
                    .date
                    .map(|d| format!("{}{}", approx(last), dates::day(lang, d, today)))
                    .unwrap_or_default();
                let any_user = if passed.iter().any(|m| m.from_user) {
                    "*"
                } else {
                    ""
                };
                let text = lang.trf(
                    "views.detail.passed",
                    &[
                        ("n", &passed.len()),
                        ("date", &date),
                        ("stage", &lang.stage(last.kind)),
                    ],
                );
                // The mark of days from the user's file survives the cut.
                let text = format!(
                    "{}{any_user}",
                    truncate(&text, width.saturating_sub(any_user.len()))
                );
                lines.push(Line::from(Span::styled(text, theme.dim())));
            }
        } else if level >= FOLD_PASSED {
            let chunks: Vec<Vec<Span>> = passed
                .iter()
                .map(|m| {
                    let date = m
                        .date
                        .map(|d| dates::day(lang, d, today))
                        .unwrap_or_default();
                    vec![Span::styled(
                        format!("✓ {}{date} {}{}", approx(m), lang.stage(m.kind), user(m)),
                        passed_style,
                    )]
                })
                .collect();
            lines.extend(flow(chunks, width));
        }
        let ahead: Vec<_> = milestones
            .iter()
            .filter(|m| level == FULL || !m.reached)
            .collect();
        let mut later = Vec::new();
        for m in ahead {
            let is_next = next == Some((m.kind, m.date));
            if level >= NEXT_ONLY && !is_next {
                later.push(m);
                continue;
            }
            // One date style everywhere: the year only when it is not this year's, and on both
            // ends of a range that crosses a year end.
            let date = match (m.date, m.date_typical) {
                (Some(d), Some(t)) => dates::span(lang, d, t, today),
                (Some(d), None) => dates::day(lang, d, today),
                _ => String::new(),
            };
            let estimate = stage::is_estimate(m.basis);
            let (mark, style) = if m.reached {
                ("✓", passed_style)
            } else if is_next {
                ("▶", theme.fg(Color::Yellow).add_modifier(Modifier::BOLD))
            } else if estimate {
                (" ", theme.dim())
            } else {
                (" ", Style::new())
            };
            let date = if date.is_empty() {
                date
            } else {
                format!("{}{date}", approx(m))
            };
            // When, how soon, then what: the date and countdown stay together on a narrow panel.
            let mut when = vec![Span::styled(format!("{mark} {date}"), style)];
            if let Some(d) = m.date.filter(|_| !m.reached) {
                when.push(Span::styled(
                    format!(" {}", lang.days_from_now((d - today).num_days())),
                    if is_next { style } else { theme.dim() },
                ));
            }
            let mut what = vec![Span::styled(lang.stage(m.kind), style)];
            if m.date.is_none() {
                what.push(Span::styled(
                    lang.tr("views.detail.no_day_given"),
                    theme.dim(),
                ));
            }
            if m.from_user {
                what.push(Span::styled("*", theme.accent()));
            }
            let chunks = if date.is_empty() {
                what.insert(0, Span::styled(format!("{mark} "), style));
                vec![what]
            } else {
                vec![when, what]
            };
            lines.extend(flow(chunks, width));
        }
        if !later.is_empty() && level < TIGHT {
            let names: Vec<String> = later
                .iter()
                .map(|m| format!("{}{}{}", approx(m), lang.stage(m.kind), user(m)))
                .collect();
            let text = lang.trf(
                "views.detail.later",
                &[
                    ("n", &later.len()),
                    ("names", &names.join(lang.tr("views.detail.list_sep"))),
                ],
            );
            lines.push(Line::from(Span::styled(
                truncate(&text, width),
                theme.dim(),
            )));
        }
        if milestones.iter().any(|m| m.from_user) {
            let note = lang.tr("views.detail.days_come_from_your");
            for row in wrap(note, width, "", "  ") {
                lines.push(Line::from(Span::styled(row, theme.dim())));
            }
        }
        if level < NEXT_ONLY && milestones.iter().any(|m| stage::is_estimate(m.basis)) {
            let note = stage::estimate_legend(lang);
            for row in wrap(note, width, "", "  ") {
                lines.push(Line::from(Span::styled(row, theme.dim())));
            }
        }
    }

    // Next installments.
    let unpaid: Vec<_> = l
        .installments
        .iter()
        .filter(|s| s.status != InstallmentStatus::Paid)
        .collect();
    let take = match level {
        FULL => 3,
        TIGHT | TIGHTEST => 1,
        _ => 2,
    };
    if !unpaid.is_empty() {
        let more = unpaid.len().saturating_sub(take);
        let title = lang.tr("views.detail.pay");
        lines.push(if level >= TIGHT && more > 0 {
            let more = lang.trf("views.detail.more_more", &[("more", &more)]);
            section(&format!("{title}{more}"), theme, width)
        } else {
            section(title, theme, width)
        });
        let shown: Vec<_> = unpaid.into_iter().take(take).collect();
        let date_w = shown
            .iter()
            .map(|s| {
                unicode_width::UnicodeWidthStr::width(
                    dates::day(lang, s.inst.due_date, today).as_str(),
                )
            })
            .max()
            .unwrap_or(0);
        for s in shown {
            let style = match s.status {
                InstallmentStatus::Overdue => theme.status(LoanStatus::Overdue),
                _ => Style::new(),
            };
            lines.extend(flow(
                vec![
                    vec![
                        Span::styled(format!("#{:<3}", s.inst.n), theme.dim()),
                        Span::raw(format!(
                            "{} ",
                            pad(
                                &dates::day(lang, s.inst.due_date, today),
                                date_w,
                                Align::Left
                            )
                        )),
                        Span::styled(format!("{:>10}", money(cur, s.unpaid())), style),
                    ],
                    vec![Span::styled(lang.installment_status(s.status), style)],
                ],
                width,
            ));
        }
    }

    // Contacts.
    if !loan.contacts.is_empty() {
        // The contact date is near or past and someone has not been told yet: the title says
        // so and those contacts are marked, without taking a line more.
        let untold = crate::engine::notice::to_tell(loan, &e.escalation, today);
        lines.push(section(
            if !untold.is_empty() {
                lang.tr("views.detail.contacts_untold_m_message")
            } else if app.reveal_phones {
                lang.tr("views.detail.contacts_v_hides")
            } else {
                lang.tr("views.detail.contacts_v_shows")
            },
            theme,
            width,
        ));
        let people: Vec<Vec<Span>> = loan
            .contacts
            .iter()
            .map(|c| {
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
                let mut row = vec![];
                if untold.iter().any(|u| u.name == c.name) {
                    row.push(Span::styled(
                        "⚠ ",
                        theme
                            .fg(ratatui::style::Color::Yellow)
                            .add_modifier(ratatui::style::Modifier::BOLD),
                    ));
                }
                row.push(Span::raw(format!("{}{rel} ", c.name)));
                row.push(Span::styled(phone, theme.dim()));
                row
            })
            .collect();
        if level >= TIGHT {
            lines.extend(flow(people, width));
        } else {
            for p in people {
                lines.extend(flow(vec![p], width));
            }
        }
    }

    // Payments so far.
    if level < NO_PAID {
        let paid: Vec<_> = loan.payments.iter().filter(|p| p.date <= today).collect();
        // Every payment listed (with an agreement the ledger counts only those from its date).
        let paid_sum: rust_decimal::Decimal = paid.iter().map(|p| p.amount).sum();
        lines.push(section(lang.tr("common.paid"), theme, width));
        let mut pay = vec![vec![Span::raw(lang.trf(
            "views.detail.paid_sum",
            &[
                (
                    "payments",
                    &lang.count("common.payments", paid.len() as i64),
                ),
                ("sum", &money(cur, paid_sum)),
            ],
        ))]];
        if let Some(last) = paid.iter().max_by_key(|p| p.date) {
            pay.push(vec![Span::styled(
                format!(
                    "{} {} {}",
                    lang.tr("views.detail.last"),
                    dates::day(lang, last.date, today),
                    money(cur, last.amount)
                ),
                theme.dim(),
            )]);
        }
        lines.extend(flow(pay, width));
    }
    // The user's own log, skipped where even payments no longer fit.
    if level < NO_PAID {
        lines.extend(log_section(
            loan,
            today,
            lang,
            theme,
            level >= FOLD_PASSED,
            width,
        ));
    }

    // Sources of the stages.
    let mut sources: Vec<&str> = milestones
        .iter()
        .map(|m| &*m.source)
        .filter(|s| !s.is_empty())
        .collect();
    let mut seen = std::collections::HashSet::new();
    sources.retain(|s| seen.insert(*s));
    if !sources.is_empty() && level < NEXT_ONLY {
        lines.push(section(lang.tr("views.detail.sources"), theme, width));
        for s in sources {
            for row in wrap(
                &lang.trf("views.detail.source_title", &[("title", &s)]),
                width,
                "",
                " ",
            ) {
                lines.push(Line::from(Span::styled(row, theme.dim())));
            }
        }
    }
    lines
}

/// The user's own record of calls and negotiations, newest first; a few entries, then a count.
fn log_section<'a>(
    loan: &crate::model::Loan,
    today: chrono::NaiveDate,
    lang: Lang,
    theme: Theme,
    compact: bool,
    width: usize,
) -> Vec<Line<'a>> {
    use unicode_width::UnicodeWidthStr;
    // Like payments, an entry dated after the day shown (a what-if into the past) has not
    // happened yet.
    let mut entries: Vec<(usize, &crate::model::LogEntry)> = loan
        .log
        .iter()
        .enumerate()
        .filter(|(_, e)| e.date <= today)
        .collect();
    if entries.is_empty() {
        return Vec::new();
    }
    // Later in the file counts as newer on the same day: it was written after.
    entries.sort_by(|a, b| b.1.date.cmp(&a.1.date).then(b.0.cmp(&a.0)));
    let shown = if compact { 2 } else { 4 };
    let mut lines = vec![section(
        &lang.trf("views.detail.log", &[("n", &entries.len())]),
        theme,
        width,
    )];
    for (_, e) in entries.iter().take(shown) {
        let date = dates::day(lang, e.date, today);
        let kind = format!("{} ", lang.log_kind(e.kind));
        // One line an entry: the full text is in the file.
        let room = width.saturating_sub(date.width() + 1 + kind.width());
        lines.push(Line::from(vec![
            Span::styled(format!("{date} "), theme.dim()),
            Span::styled(kind, theme.accent()),
            Span::raw(crate::text::truncate(&e.text, room)),
        ]));
    }
    if entries.len() > shown {
        lines.push(Line::from(Span::styled(
            lang.trf("views.detail.older", &[("n", &(entries.len() - shown))]),
            theme.dim(),
        )));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn rows_count_wrapped_lines() {
        let lines = vec![Line::from("abcdef"), Line::from(""), Line::from("一二三")];
        // 6 columns in 4: 2 rows; an empty line still takes a row; 6 columns of CJK in 4: 2 rows.
        assert_eq!(rows(&lines, 4), 5);
        assert_eq!("一二三".width(), 6);
    }
}
