//! `repaydash status`: one short line for a shell prompt or a tmux status bar; nothing at all when
//! nothing needs attention.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use super::Context;
use super::table::truncate;
use crate::engine::LoanStatus;
use crate::money::grouped;

/// The widest the line may be, in display columns (CJK counts two).
pub const MAX_WIDTH: usize = 80;
/// A loan's name in the line is cut to this many columns.
const NAME_WIDTH: usize = 12;

/// The line, without a newline; empty when no loan is overdue and nothing is due soon (the one
/// definition, `present::due_soon`: the same amount as the dashboard's header).
pub fn line(ctx: &Context) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let alert = ctx.portfolio.settings.alert_days;
    let snap = ctx.snapshot();
    let overdue: Vec<_> = snap
        .loans
        .iter()
        .filter(|f| f.ledger.status == LoanStatus::Overdue)
        .collect();
    let soon: Vec<_> = snap
        .loans
        .iter()
        .filter(|f| !f.due_soon.is_zero())
        .collect();
    let promised = crate::present::outcome::promises_line(lang, &snap.loans, ctx.today, cur);
    if overdue.is_empty() && soon.is_empty() && promised.is_none() {
        return String::new();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut named: Option<(usize, String)> = None;
    if !overdue.is_empty() {
        let amount: Decimal = overdue.iter().map(|f| f.ledger.overdue_amount).sum();
        parts.push(lang.trf(
            "report.status.parts.overdue",
            &[
                ("n", &overdue.len()),
                ("amount", &format!("{cur}{}", grouped(amount))),
            ],
        ));
        // The snapshot is in urgency order: the first late loan with a contact day is the nearest.
        if let Some(f) = overdue.iter().find(|f| f.countdown.is_alarm()) {
            let when = f.countdown.words(lang, ctx.today);
            let name = truncate(&f.name, NAME_WIDTH);
            named = Some((parts.len(), when.clone()));
            parts.push(format!("{when} ({name})"));
        }
    }
    // The due-soon part, fullest first: each later form is shorter and every one keeps the
    // amount (the point of the line); only the last, a plain cut, may lose it.
    let mut soon_forms: Option<(usize, Vec<String>)> = None;
    if !soon.is_empty() {
        let n = soon.len();
        let amount = format!("{cur}{}", grouped(snap.totals.due_soon));
        let nearest = soon.iter().filter_map(|f| f.due_soon_in).min().unwrap_or(0);
        let next = match nearest {
            0 => lang.tr("report.status.today").to_string(),
            1 => lang.tr("report.status.tomorrow").to_string(),
            d => lang.trf("report.status.in_days", &[("d", &d)]),
        };
        let v: &[(&str, &dyn std::fmt::Display)] = &[
            ("next", &next),
            ("amount", &amount),
            ("alert", &alert),
            ("n", &n),
        ];
        let keys: &[&'static str] = if n == 1 {
            &["report.status.one_next", "report.status.due"]
        } else {
            &[
                "report.status.many_next",
                "report.status.many",
                "report.status.due",
            ]
        };
        let forms: Vec<String> = keys.iter().map(|k| lang.trf(k, v)).collect();
        parts.push(forms[0].clone());
        soon_forms = Some((parts.len() - 1, forms));
    }
    // A promise comes last: the first to go when the line is cut.
    parts.extend(promised);
    let fits = |parts: &[String]| parts.join(" | ").width() <= MAX_WIDTH;
    if fits(&parts) {
        return parts.join(" | ");
    }
    // Too wide: drop the loan's name first, then say the sum due soon in fewer words, then cut.
    if let Some((i, when)) = named {
        parts[i] = when;
    }
    if let Some((i, forms)) = soon_forms {
        for form in forms {
            if fits(&parts) {
                break;
            }
            parts[i] = form;
        }
    }
    truncate(&parts.join(" | "), MAX_WIDTH)
}
