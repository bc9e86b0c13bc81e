//! `complaint`: the loan's collection log counted against the rules (engine/complaint), then the
//! complaint draft (knowledge/complaint), the parts worded in `present::complaint`, which the
//! dashboard's `L` view and `w` show too.

use super::Context;
use super::notice::printable;
use super::table::{Align, render};
use crate::engine::LoanView;
use crate::engine::complaint::{DIAL_ATTEMPTS_PER_DAY, EFFECTIVE_CALLS_PER_DAY, Summary};
use crate::knowledge::complaint as words;

pub use crate::present::complaint::{contact_lines, draft, flagged_lines, headline};

/// `complaint --json`: exactly the summary's fields.
pub fn json(s: &Summary) -> String {
    serde_json::to_string_pretty(s).unwrap_or_else(|_| "{}".into())
}

/// The summary, the per-day table, contacts, flagged entries, the rules, then the draft.
pub fn text(ctx: &Context, view: &LoanView, s: &Summary) -> String {
    let lang = ctx.lang;
    let mut out = String::new();
    out.push_str(&format!(
        "{} · {} {} · {} {} {}\n",
        lang.t("催收记录汇总", "Collection log summary"),
        view.loan.id,
        printable(&ctx.display_name(view.loan)),
        s.from,
        lang.t("至", "to"),
        s.to
    ));
    out.push_str(&headline(lang, s));
    out.push_str("\n\n");
    if s.days.is_empty() {
        out.push_str(lang.t(
            "这段时间的记录里没有催收电话（用 `repaydash log ID collection_call \"…\" --time now` 记录）。\n",
            "No collection calls logged in this range (record them with `repaydash log ID collection_call \"…\" --time now`).\n",
        ));
    } else {
        let rows: Vec<Vec<String>> = s
            .days
            .iter()
            .map(|d| {
                let over = if d.calls > DIAL_ATTEMPTS_PER_DAY {
                    format!(">{DIAL_ATTEMPTS_PER_DAY}")
                } else if d.calls > EFFECTIVE_CALLS_PER_DAY {
                    format!(">{EFFECTIVE_CALLS_PER_DAY}")
                } else {
                    String::new()
                };
                vec![
                    d.date.to_string(),
                    d.calls.to_string(),
                    d.night_calls.to_string(),
                    over,
                ]
            })
            .collect();
        out.push_str(&render(
            &[
                lang.t("日期", "date"),
                lang.t("电话", "calls"),
                lang.t("夜间", "night"),
                lang.t("超限", "over"),
            ],
            &[Align::Left, Align::Right, Align::Right, Align::Left],
            &rows,
        ));
    }
    let contacts = contact_lines(lang, s);
    if !contacts.is_empty() {
        out.push('\n');
        out.push_str(lang.t("被联系的联系人\n", "Contacts called\n"));
        for c in contacts {
            out.push_str(&format!("  {c}\n"));
        }
    }
    let flagged = flagged_lines(lang, s);
    if !flagged.is_empty() {
        out.push('\n');
        out.push_str(lang.t("标记的记录\n", "Flagged entries\n"));
        for f in flagged {
            out.push_str(&format!("  {f}\n"));
        }
    }
    out.push('\n');
    out.push_str(lang.t("依据（据报道）\n", "Rules (as reported)\n"));
    for r in words::rules(lang) {
        out.push_str(&format!("  - {r}\n"));
    }
    out.push('\n');
    out.push_str(lang.t("投诉草稿\n", "Complaint draft\n"));
    out.push_str(&draft(ctx, view, s));
    out.push('\n');
    out
}
