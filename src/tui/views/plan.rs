//! The payment plan (`P`): the loans on the left, grouped by what the plan does for their
//! emergency-contact stage; the payments in order with their reasons on the right. And the
//! one-line prompt that asks for the cash.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use crate::engine::plan::Plan;
use crate::present::plan::{
    also, cash_label, kept_for_note, kept_off_title, left_label, nothing_to_pay, reason_text,
    scope_note, still_threatened_title, to_pay_label,
};
use crate::text::wrap;
use crate::text::{Align, pad, truncate};
use crate::tui::app::{App, Measured};
use crate::tui::planning::strategy_label;
use crate::tui::theme::{Theme, flow, money, panel};

pub fn render(
    app: &App,
    m: &mut Measured,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let Some(plan) = &app.planning.plan else {
        return;
    };
    let left_w = (u32::from(area.width) * 2 / 5) as u16;
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(area);
    let names = names(app);
    loans(app, plan, &names, left, buf, theme);
    (m.plan_max_scroll, m.plan_page) = payments(app, plan, &names, scroll, right, buf, theme);
}

/// Loan names by id, built once a frame so that a large file costs one pass, not one per row.
pub fn names(app: &App) -> HashMap<&str, &str> {
    app.snap
        .loans
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect()
}

fn name_of<'a>(names: &HashMap<&str, &'a str>, id: &'a str) -> &'a str {
    names.get(id).copied().unwrap_or(id)
}

/// The loans in urgency order, in three groups: kept out of the contact stage by the plan, still
/// threatened within the horizon, and not threatened; each with what the plan pays on it.
fn loans(
    app: &App,
    plan: &Plan,
    names: &HashMap<&str, &str>,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let lang = app.lang;
    let cur = &app.portfolio.settings.currency;
    let block = panel(
        Span::styled(format!(" {} ", lang.tr("common.loans")), theme.bold()),
        theme,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width as usize;
    let amounts: HashMap<&str, Decimal> = plan
        .payments
        .iter()
        .map(|p| (p.loan_id.as_str(), p.amount))
        .collect();
    let paid = |id: &str| amounts.get(id).copied();
    let grouped: HashSet<&str> = plan
        .avoided
        .iter()
        .chain(&plan.still_threatened)
        .map(String::as_str)
        .collect();
    let open: Vec<&str> = app
        .snap
        .loans
        .iter()
        .filter(|e| !e.ledger.status.is_closed())
        .map(|e| e.id.as_str())
        .collect();
    let others: Vec<&str> = open
        .iter()
        .copied()
        .filter(|id| !grouped.contains(id))
        .collect();
    let avoided: Vec<&str> = plan.avoided.iter().map(String::as_str).collect();
    let threatened: Vec<&str> = plan.still_threatened.iter().map(String::as_str).collect();
    let avoided_title = kept_off_title(lang);
    let threatened_title = still_threatened_title(lang);
    let groups = [
        (avoided_title, avoided, "✓", theme.fg(Color::Green)),
        (
            threatened_title,
            threatened,
            "!",
            theme.fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        (
            lang.tr("views.plan.not_threatened").to_string(),
            others,
            "·",
            theme.dim(),
        ),
    ];
    let mut lines: Vec<Line> = Vec::new();
    let room = inner.height as usize;
    for (title, ids, mark, style) in groups {
        if ids.is_empty() || lines.len() >= room {
            continue;
        }
        lines.push(Line::from(Span::styled(truncate(&title, w), theme.bold())));
        for id in ids.into_iter().take(room.saturating_sub(lines.len())) {
            let amount = paid(id)
                .map(|a| money(cur, a))
                .unwrap_or_else(|| "—".into());
            let aw = amount.width();
            let name_w = w.saturating_sub(aw + 3);
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::raw(pad(
                    &truncate(name_of(names, id), name_w),
                    name_w,
                    Align::Left,
                )),
                Span::raw(" "),
                Span::styled(
                    amount,
                    if paid(id).is_some() {
                        theme.bold()
                    } else {
                        theme.dim()
                    },
                ),
            ]));
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(lang.tr("views.plan.no_open_loans")));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// Everything the plan panel shows, as lines `w` columns wide.
fn plan_lines<'a>(
    app: &App,
    plan: &Plan,
    names: &HashMap<&str, &str>,
    w: usize,
    theme: Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let cur = &app.portfolio.settings.currency;
    let today = app.today();
    let spent: Decimal = plan.payments.iter().map(|p| p.amount).sum();
    let facts = vec![
        vec![
            Span::raw(format!("{} ", cash_label(lang))),
            Span::styled(money(cur, plan.cash), theme.bold()),
        ],
        vec![
            Span::raw(format!("{} ", to_pay_label(lang))),
            Span::styled(money(cur, spent), theme.bold()),
        ],
        vec![
            Span::raw(format!("{} ", left_label(lang))),
            Span::styled(money(cur, plan.left), theme.bold()),
        ],
    ];
    let mut lines: Vec<Line> = flow(facts, w);
    let kept_name = |id: &str| name_of(names, id).to_string();
    if let Some(kept) = kept_for_note(lang, plan, &kept_name) {
        for l in wrap(kept.trim(), w, "", "") {
            lines.push(Line::from(l));
        }
    }
    if !plan.committed.is_zero() {
        let said = crate::i18n::outcome::plan_committed(&money(cur, plan.committed));
        for l in wrap(said.get(lang), w, "", "") {
            lines.push(Line::from(Span::styled(
                l,
                theme.fg(ratatui::style::Color::Cyan),
            )));
        }
    }
    let note = scope_note(lang);
    for l in wrap(&note, w, "", "") {
        lines.push(Line::from(Span::styled(l, theme.dim())));
    }
    lines.push(Line::from(""));
    if plan.payments.is_empty() {
        let name = |id: &str| name_of(names, id).to_string();
        let msg = nothing_to_pay(lang, plan, &name, cur, today);
        for l in wrap(&msg, w, "", "") {
            lines.push(Line::from(l));
        }
    }
    for (i, p) in plan.payments.iter().enumerate() {
        let num = format!("{}. ", i + 1);
        let amount = money(cur, p.amount);
        let name_w = w.saturating_sub(num.width() + amount.width() + 1);
        lines.push(Line::from(vec![
            Span::styled(num, theme.accent()),
            Span::styled(
                pad(
                    &truncate(name_of(names, &p.loan_id), name_w),
                    name_w,
                    Align::Left,
                ),
                theme.bold(),
            ),
            Span::raw(" "),
            Span::styled(amount, theme.bold()),
        ]));
        for (k, r) in p.reasons.iter().enumerate() {
            let also = if k > 0 { also(lang) } else { "" };
            let text = format!("{also}{}", reason_text(lang, r, today));
            for l in wrap(&text, w, "   ", "   ") {
                lines.push(Line::from(l));
            }
        }
    }
    lines
}

fn payments(
    app: &App,
    plan: &Plan,
    names: &HashMap<&str, &str>,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) -> (usize, usize) {
    let lang = app.lang;
    let title = Line::from(vec![
        Span::styled(format!(" {} ", lang.tr("views.plan.plan")), theme.bold()),
        Span::styled(
            format!("· {} (s) ", strategy_label(lang, plan.strategy)),
            theme.dim(),
        ),
    ]);
    let block = panel(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = plan_lines(app, plan, names, inner.width as usize, theme);
    let h = inner.height as usize;
    let last = lines.len().saturating_sub(h);
    // How far it scrolls and its page, for `update` (the caller keeps them as frame state).
    let scrolled = (last, h.saturating_sub(1).max(1));
    let scroll = scroll.min(last);
    let more = lines.len() > scroll + h;
    Paragraph::new(lines.into_iter().skip(scroll).take(h).collect::<Vec<_>>()).render(inner, buf);
    if more && inner.height > 0 {
        let tag = lang.tr("common.more");
        let x = area.right().saturating_sub(tag.width() as u16 + 2);
        buf.set_string(x, area.bottom() - 1, tag, theme.accent());
    }
    scrolled
}

/// The cash prompt, centred over `area`.
pub fn prompt(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let cur = &app.portfolio.settings.currency;
    let w = area.width.saturating_sub(4).min(60);
    let inner_w = w.saturating_sub(2) as usize;
    let input = &app.planning.input;
    // Keep the end of a long text in view, where the cursor is.
    let shown = {
        let room = inner_w.saturating_sub(cur.width() + 3);
        let mut s: String = input.clone();
        while s.width() > room {
            s.remove(0);
        }
        s
    };
    let mut lines = vec![
        Line::from(""),
        Line::from(vec![
            Span::raw(format!(" {cur} ")),
            Span::styled(shown, theme.bold()),
            Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
        ]),
        Line::from(""),
    ];
    if let Some(e) = app.views.cash_error() {
        for l in wrap(e, inner_w, " ", " ") {
            lines.push(Line::from(Span::styled(
                l,
                theme.fg(Color::Red).add_modifier(Modifier::BOLD),
            )));
        }
        lines.push(Line::from(""));
    }
    let hint = lang.tr("views.plan.type_amount_digits_enter");
    for l in wrap(hint, inner_w, " ", " ") {
        lines.push(Line::from(Span::styled(l, theme.dim())));
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    // A column of margin each side: a wide character cut by the popup's edge would otherwise
    // leave half of itself on screen and hide the border next to it.
    let left = popup.x.saturating_sub(1).max(area.x);
    let right = (popup.right() + 1).min(area.right());
    super::overlay::clear(Rect::new(left, popup.y, right - left, popup.height), buf);
    let block = panel(
        Span::styled(
            format!(" {} ", lang.tr("views.plan.how_much_cash_do")),
            theme.bold(),
        ),
        theme,
    );
    Paragraph::new(lines).block(block).render(popup, buf);
}
