//! The collection log's summary in words (headline, flagged entries, contacts called) and the
//! complaint draft: what `complaint` prints and the dashboard's `L` view and `w` show.

use super::Context;
use super::notice::printable;
use crate::engine::LoanView;
use crate::engine::complaint::{DIAL_ATTEMPTS_PER_DAY, EFFECTIVE_CALLS_PER_DAY, Summary};
use crate::i18n::Lang;
use crate::knowledge::advice::platform_label;
use crate::knowledge::complaint::{self as words, DraftFacts, flag_label};
use crate::text::{Align, render};

/// The headline figures in one line.
pub fn headline(lang: Lang, s: &Summary) -> String {
    let mut parts = vec![
        lang.count("present.complaint.headline.calls", i64::from(s.calls)),
        lang.trf("present.complaint.headline.night", &[("n", &s.night_calls)]),
        lang.countf(
            "present.complaint.headline.over_daily",
            i64::from(s.days_over_3),
            &[("limit", &EFFECTIVE_CALLS_PER_DAY)],
        ),
        lang.countf(
            "present.complaint.headline.over_dialled",
            i64::from(s.days_over_6_any()),
            &[("limit", &DIAL_ATTEMPTS_PER_DAY)],
        ),
    ];
    if s.other_contacts > 0 {
        parts.push(lang.trf(
            "present.complaint.headline.other",
            &[("n", &s.other_contacts)],
        ));
    }
    parts.join(" · ")
}

/// The flagged entries, one line each: date, time, flags, what was written.
pub fn flagged_lines(lang: Lang, s: &Summary) -> Vec<String> {
    s.flagged
        .iter()
        .map(|f| {
            let flags: Vec<&str> = f.flags.iter().map(|x| flag_label(lang, *x)).collect();
            let time = f
                .time
                .map(|t| t.format("%H:%M:%S").to_string())
                .unwrap_or_else(|| "--:--:--".into());
            let mut line = format!(
                "{} {time}  [{}]",
                f.date,
                flags.join(lang.tr("common.comma"))
            );
            if let Some(w) = f.who.as_deref().filter(|w| !w.trim().is_empty()) {
                // `me` is the file's word for the borrower; a contact is named as written.
                let who = if w.trim() == crate::model::WHO_ME {
                    lang.tr("common.me").to_string()
                } else {
                    printable(w)
                };
                line.push_str(&format!("  {}{who}", lang.tr("present.complaint.who")));
            }
            if let Some(c) = f.caller.as_deref().filter(|c| !c.trim().is_empty()) {
                line.push_str(&format!(
                    "  {}{}",
                    lang.tr("present.complaint.caller"),
                    printable(c)
                ));
            }
            if !f.text.trim().is_empty() {
                line.push_str(&format!("  {}", printable(&f.text)));
            }
            line
        })
        .collect()
}

/// The contacts called, one line each, with whether the debt was told to them.
pub fn contact_lines(lang: Lang, s: &Summary) -> Vec<String> {
    s.contacts_called
        .iter()
        .map(|c| {
            let told = if c.told_debt {
                lang.tr("present.complaint.told_debt")
            } else {
                lang.tr("present.complaint.not_recorded_as_told")
            };
            lang.countf(
                "present.complaint.contact_called",
                i64::from(c.calls),
                &[("name", &printable(&c.name)), ("told", &told)],
            )
        })
        .collect()
}

/// The complaint draft alone: the last part of [`document`], whose earlier parts it cites.
pub fn draft(ctx: &Context, view: &LoanView, s: &Summary) -> String {
    let lender = printable(&platform_label(view, ctx.lang));
    // For people: the loan as the lender knows it, never the loans file's id.
    let loan = printable(&ctx.display_name(view.loan));
    words::draft(
        &DraftFacts {
            lender: &lender,
            loan: &loan,
            summary: s,
        },
        ctx.lang,
    )
}

/// The one complaint document, printed by `complaint` and shown and copied whole by the
/// dashboard (`L` then `w`, `y`): the summary, the per-day table, contacts, flagged entries, the
/// rules, then the draft, which cites those parts as "above".
pub fn document(ctx: &Context, view: &LoanView, s: &Summary) -> String {
    let lang = ctx.lang;
    let mut out = String::new();
    out.push_str(&format!(
        "{} · {} · {} {} {}\n",
        lang.tr("present.complaint.collection_log_summary"),
        printable(&ctx.display_name(view.loan)),
        s.from,
        lang.tr("present.complaint.to"),
        s.to
    ));
    out.push_str(&headline(lang, s));
    out.push_str("\n\n");
    if s.days.is_empty() {
        out.push_str(lang.tr("present.complaint.no_collection_calls_logged"));
    } else {
        let rows: Vec<Vec<String>> = s
            .days
            .iter()
            .map(|d| {
                let over = if d.most_to_one_number > DIAL_ATTEMPTS_PER_DAY {
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
                lang.tr("common.date"),
                lang.tr("present.complaint.calls"),
                lang.tr("present.complaint.night"),
                lang.tr("present.complaint.over"),
            ],
            &[Align::Left, Align::Right, Align::Right, Align::Left],
            &rows,
        ));
    }
    let contacts = contact_lines(lang, s);
    if !contacts.is_empty() {
        out.push('\n');
        out.push_str(lang.tr("present.complaint.contacts_called"));
        for c in contacts {
            out.push_str(&format!("  {c}\n"));
        }
    }
    let flagged = flagged_lines(lang, s);
    if !flagged.is_empty() {
        out.push('\n');
        out.push_str(lang.tr("present.complaint.flagged_entries"));
        for f in flagged {
            out.push_str(&format!("  {f}\n"));
        }
    }
    // What the borrower agreed and promised in the period (a broken promise stays here).
    let cur = &ctx.portfolio.settings.currency;
    let outcome = super::outcome::evidence_lines(lang, view, s.from, s.to, cur);
    if !outcome.is_empty() {
        out.push('\n');
        out.push_str(crate::i18n::outcome::evidence_title().get(lang));
        out.push('\n');
        for l in outcome {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out.push('\n');
    out.push_str(lang.tr("present.complaint.rules_as_reported"));
    for r in words::rules(lang) {
        out.push_str(&format!("  - {r}\n"));
    }
    out.push('\n');
    out.push_str(lang.tr("present.complaint.complaint_draft"));
    out.push_str(&draft(ctx, view, s));
    out.push('\n');
    out
}
