//! The cash-flow view (`c`): what falls due each week for the next weeks as horizontal bars, the
//! overdue amount first, with a mark for each escalation milestone in the week, and the
//! milestones listed below. Horizontal bars leave room for whole amounts and dates at 80 columns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use unicode_width::UnicodeWidthStr;

use crate::engine::cashflow::{Bucket, MilestoneItem};
use crate::i18n::Lang;
use crate::model::StageKind;
use crate::text::{Align, pad, truncate};
use crate::tui::app::{App, Measured};
use crate::tui::planning::WEEKS;
use crate::tui::theme::{Theme, money, panel};

/// Emergency contacts may be called (the earliest report).
pub const CONTACT: char = '!';
/// The later report of the emergency-contact day, where the sources disagree.
pub const CONTACT_LATER: char = '~';
/// Credit report or legal action.
pub const SEVERE: char = '#';
/// Reminders, frequent contact, third-party collection.
pub const OTHER: char = '+';

/// Columns kept for the marks of one week.
const MARKS_W: usize = 3;

fn mark(m: &MilestoneItem) -> char {
    match m.kind {
        StageKind::EmergencyContact if m.typical => CONTACT_LATER,
        StageKind::EmergencyContact => CONTACT,
        StageKind::CreditReport | StageKind::Legal => SEVERE,
        StageKind::Reminder | StageKind::FrequentContact | StageKind::ThirdPartyCollection => OTHER,
    }
}

fn mark_style(c: char, theme: Theme) -> Style {
    match c {
        CONTACT | SEVERE => theme.fg(Color::Red).add_modifier(Modifier::BOLD),
        _ => theme.fg(Color::Yellow),
    }
}

/// A week's marks, most severe first, each once.
fn marks(b: &Bucket) -> String {
    let mut out = String::new();
    for c in [CONTACT, SEVERE, CONTACT_LATER, OTHER] {
        if b.milestones.iter().any(|m| mark(m) == c) {
            out.push(c);
        }
    }
    out.chars().take(MARKS_W).collect()
}

fn label(lang: Lang, b: &Bucket, today: chrono::NaiveDate) -> String {
    match b.week {
        None => lang.tr("views.cashflow.overdue").to_string(),
        Some((a, z)) => crate::dates::span(lang, a, z, today),
    }
}

/// `amount` of `max` as a bar `width` cells long, in eighths of a cell; never empty when the
/// amount is not zero.
fn bar(amount: Decimal, max: Decimal, width: usize) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if amount <= Decimal::ZERO || max <= Decimal::ZERO || width == 0 {
        return String::new();
    }
    let eighths = (amount * Decimal::from(width * 8) / max)
        .floor()
        .to_usize()
        .unwrap_or(0)
        .clamp(1, width * 8);
    format!("{}{}", "█".repeat(eighths / 8), PARTS[eighths % 8])
}

/// The names of the loans due in the week, as many as fill `width` columns.
fn loan_names(app: &App, names: &HashMap<&str, &str>, b: &Bucket, width: usize) -> String {
    let sep = app.lang.tr("common.comma");
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = String::new();
    for i in &b.items {
        if out.width() > width {
            break;
        }
        if seen.insert(&i.loan_id) {
            if !out.is_empty() {
                out.push_str(sep);
            }
            out.push_str(names.get(i.loan_id.as_str()).copied().unwrap_or(&i.loan_id));
        }
    }
    out
}

pub fn render(
    app: &App,
    m: &mut Measured,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let lang = app.lang;
    let cur = &app.portfolio.settings.currency;
    let title = Line::from(vec![
        Span::styled(
            lang.trf("views.cashflow.title", &[("weeks", &WEEKS)]),
            theme.bold(),
        ),
        Span::styled(format!("Esc {} ", lang.tr("common.back")), theme.dim()),
    ]);
    let block = panel(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(buckets) = &app.planning.cashflow else {
        return;
    };
    let w = inner.width as usize;
    let names = super::plan::names(app);

    let total: Decimal = buckets.iter().map(|b| b.amount).sum();
    let overdue = buckets.first().map(|b| b.amount).unwrap_or_default();
    let summary = Line::from(vec![
        Span::raw(format!("{} ", lang.tr("views.cashflow.total"))),
        Span::styled(money(cur, total), theme.bold()),
        Span::raw(format!("  {} ", lang.tr("views.cashflow.which_overdue"))),
        Span::styled(
            money(cur, overdue),
            if overdue.is_zero() {
                theme.bold()
            } else {
                theme.fg(Color::Red).add_modifier(Modifier::BOLD)
            },
        ),
        Span::styled(
            format!(
                "  {} {}",
                lang.tr("views.cashflow.from"),
                crate::dates::day(lang, app.today(), app.today())
            ),
            theme.dim(),
        ),
    ]);

    let bars_h = buckets.len() as u16;
    // A blank row around the bars when the screen has room for it and a few milestones.
    let gap = u16::from(inner.height >= bars_h + 10);
    let [sum_area, _, bars_area, _, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(bars_h),
        Constraint::Length(gap),
        Constraint::Min(0),
    ])
    .areas(inner);
    summary.render(sum_area, buf);

    let amounts: Vec<String> = buckets
        .iter()
        .map(|b| {
            if b.amount.is_zero() {
                "—".to_string()
            } else {
                money(cur, b.amount)
            }
        })
        .collect();
    let labels: Vec<String> = buckets
        .iter()
        .map(|b| label(lang, b, app.today()))
        .collect();
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let amount_w = amounts.iter().map(|a| a.width()).max().unwrap_or(0);
    let fixed = label_w + 1 + 1 + amount_w + 1 + MARKS_W;
    // Wide screens also name the loans that fall due in each week.
    let names_w = if w >= 100 { w * 3 / 10 } else { 0 };
    let bar_w = w.saturating_sub(fixed + if names_w > 0 { names_w + 1 } else { 0 });
    let max = buckets.iter().map(|b| b.amount).max().unwrap_or_default();
    let lines: Vec<Line> = buckets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let bar_style = if b.week.is_none() {
                theme.fg(Color::Red)
            } else {
                theme.fg(Color::Cyan)
            };
            let label_style = if b.week.is_none() && !b.amount.is_zero() {
                theme.fg(Color::Red).add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::styled(pad(&labels[i], label_w, Align::Left), label_style),
                Span::raw(" "),
                Span::styled(
                    pad(&bar(b.amount, max, bar_w), bar_w, Align::Left),
                    bar_style,
                ),
                Span::raw(" "),
                Span::styled(
                    pad(&amounts[i], amount_w, Align::Right),
                    if b.amount.is_zero() {
                        theme.dim()
                    } else {
                        theme.bold()
                    },
                ),
                Span::raw(" "),
            ];
            let m = marks(b);
            let mw = m.chars().count();
            for c in m.chars() {
                spans.push(Span::styled(c.to_string(), mark_style(c, theme)));
            }
            if names_w > 0 {
                spans.push(Span::raw(" ".repeat(MARKS_W - mw + 1)));
                spans.push(Span::styled(
                    truncate(&loan_names(app, &names, b, names_w), names_w),
                    theme.dim(),
                ));
            }
            Line::from(spans)
        })
        .collect();
    Paragraph::new(lines).render(bars_area, buf);

    (m.plan_max_scroll, m.plan_page) =
        milestones(app, &names, buckets, scroll, list_area, buf, theme);
}

/// The legend, then every milestone in the weeks shown, by date; scrolled by `scroll`.
fn milestones(
    app: &App,
    names: &HashMap<&str, &str>,
    buckets: &[Bucket],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) -> (usize, usize) {
    let lang = app.lang;
    let today = app.today();
    let w = area.width as usize;
    let mut items: Vec<&MilestoneItem> = buckets.iter().flat_map(|b| &b.milestones).collect();
    items.sort_by_key(|m| m.date);
    let legend = [
        (CONTACT, lang.tr("views.cashflow.emergency_contacts")),
        (CONTACT_LATER, lang.tr("views.cashflow.later_report")),
        (SEVERE, lang.tr("views.cashflow.credit_report_legal")),
        (OTHER, lang.tr("views.cashflow.other")),
    ];
    let mut head = vec![Span::styled(
        format!("{} ", lang.tr("views.cashflow.milestones")),
        theme.bold(),
    )];
    for (c, text) in legend {
        head.push(Span::styled(format!(" {c}"), mark_style(c, theme)));
        head.push(Span::styled(format!(" {text}"), theme.dim()));
    }
    let mut lines = vec![Line::from(head)];
    if items.is_empty() {
        lines.push(Line::from(Span::styled(
            lang.tr("views.cashflow.no_milestone_these_weeks"),
            theme.dim(),
        )));
    }
    // The legend stays; the rows under it scroll. Only the rows on screen are built.
    let room = (area.height as usize).saturating_sub(lines.len());
    let last = items.len().saturating_sub(room);
    // How far it scrolls and its page, for `update` (the caller keeps them as frame state).
    let scrolled = (last, room.max(1));
    let scroll = scroll.min(last);
    let more = items.len() > scroll + room;
    let visible = &items[scroll..(scroll + room).min(items.len())];
    let when = |m: &MilestoneItem| lang.days_from_now((m.date - today).num_days());
    // Dates are in order and none is past, so the last one has the widest "in N days".
    let when_w = visible
        .iter()
        .chain(items.last())
        .map(|m| when(m).width())
        .max()
        .unwrap_or(0);
    for m in visible {
        let c = mark(m);
        let name = names.get(m.loan_id.as_str()).copied().unwrap_or(&m.loan_id);
        // These dates are ahead: the stage may begin then, not has begun.
        let stage = match m.kind {
            StageKind::EmergencyContact => lang.tr("views.cashflow.emergency_contacts_may_called"),
            k => lang.stage(k),
        };
        let what = if m.typical {
            format!("{stage}{}", lang.tr("views.cashflow.later_report_2"))
        } else {
            stage.to_string()
        };
        // Another platform's day, used as an estimate: ≈ and muted, as in the detail.
        let estimate = crate::present::stage::is_estimate(m.basis);
        let text = format!(
            "{}{} {} {name}  {what}",
            crate::present::stage::mark(m.basis),
            crate::dates::day(lang, m.date, today),
            pad(&when(m), when_w, Align::Left)
        );
        let body = truncate(&text, w.saturating_sub(2));
        lines.push(Line::from(vec![
            Span::styled(format!("{c} "), mark_style(c, theme)),
            if estimate {
                Span::styled(body, theme.dim())
            } else {
                Span::raw(body)
            },
        ]));
    }
    Paragraph::new(lines).render(area, buf);
    // On the panel's bottom border, under the list (the list's area ends at the border).
    if more {
        let tag = lang.tr("common.more");
        let x = area.right().saturating_sub(tag.width() as u16 + 1);
        buf.set_string(x, area.bottom(), tag, theme.accent());
    }
    scrolled
}
