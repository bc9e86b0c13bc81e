//! The heads-up message for each emergency contact of a loan, with the loan's own contact date and
//! its basis: what `notice` prints and the dashboard's `m` shows.

use super::Context;
use crate::engine::LoanView;
use crate::engine::proposal::Offer;
use crate::i18n::Lang;
use crate::knowledge::advice::{self, Request};
use crate::knowledge::notice::{self, NoticeFacts, Plan, Relation};
use crate::model::{Basis, Contact, StageKind};
use crate::money::grouped;

/// Text from the user's file without control characters, so it cannot steer the terminal.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// Where the emergency-contact day comes from, said in the borrower's voice.
pub fn contact_basis(view: &LoanView, lang: Lang) -> String {
    let m = view
        .escalation
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact);
    let Some(m) = m else {
        return lang
            .tr("present.notice.no_reliable_report_gives")
            .to_string();
    };
    let Some(day) = m.day else {
        return lang.tr("present.notice.reports_give_no_day").to_string();
    };
    let source = printable(&m.source);
    // Another platform's report stands in for this one's: say so.
    // A range ("8 to 30 days") stays one range, never "day 8, others say day 30".
    let key = match (m.basis, m.day_typical.is_some()) {
        (Basis::User, _) => {
            return lang.trf("present.notice.day_i_noted_from", &[("day", &day)]);
        }
        (Basis::Estimate, true) => "present.notice.estimate_range",
        (Basis::Estimate, false) => "present.notice.estimate_from",
        (Basis::Article, true) => "present.notice.article_range",
        (Basis::Article, false) => "present.notice.article_from",
    };
    let typical = m.day_typical.map(|t| t.to_string()).unwrap_or_default();
    lang.trf(
        key,
        &[("source", &source), ("day", &day), ("typical", &typical)],
    )
}

/// What the borrower says they are doing: the call script's request, in figures. The figures come
/// from the loan's proposal (its share of the monthly budget, `engine::proposal`), so the message
/// never tells a contact about a plan the budget cannot keep; a restructuring, a deferral or a
/// missing budget is "negotiating".
pub fn plan(ctx: &Context, view: &LoanView) -> Plan {
    let proposal = ctx.proposal(view);
    let Some(f) = advice::script_facts(
        view,
        &proposal,
        ctx.lang,
        &ctx.portfolio.settings,
        ctx.today,
    ) else {
        return Plan::OnTime;
    };
    match (f.request, &proposal.offer) {
        (Request::Extension { date, .. }, _) => Plan::Extension { date },
        (
            Request::FromOffer,
            Offer::Plan {
                monthly, months, ..
            },
        ) => Plan::Monthly {
            monthly: format!("{}{}", f.currency, grouped(*monthly)),
            months: *months,
        },
        _ => Plan::Negotiating,
    }
}

pub fn facts(ctx: &Context, view: &LoanView, contact: &Contact) -> NoticeFacts {
    let date = view.escalation.emergency_contact_date;
    NoticeFacts {
        contact: printable(contact.greeting.as_deref().unwrap_or(&contact.name)),
        relation: Relation::classify(contact.relation.as_deref()),
        lender: printable(&advice::platform_label(view, ctx.lang)),
        loan: printable(&ctx.display_name(view.loan)),
        overdue: view.ledger.status == crate::engine::LoanStatus::Overdue,
        contact_date: date,
        basis: contact_basis(view, ctx.lang),
        date_reached: date.is_some_and(|d| d <= ctx.today),
        next_due: view.ledger.next_due_date,
        plan: plan(ctx, view),
    }
}

/// The message for one contact.
pub fn message(ctx: &Context, view: &LoanView, contact: &Contact) -> String {
    notice::message(&facts(ctx, view, contact), ctx.lang)
}
