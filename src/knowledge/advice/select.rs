//! Which advice applies to a loan today: the topics in the order that helps most in its
//! situation, the items that serve it, and the facts the call script is filled with.

use chrono::{Duration, NaiveDate};

use crate::engine::proposal::{Offer, Proposal};
use crate::engine::{InstallmentStatus, LoanView, Situation};
use crate::i18n::Lang;
use crate::model::{Basis, Settings, StageKind};

use super::parse::*;
use super::types::*;
use super::wording::*;

/// The panels of a situation, most useful first. Every topic is listed; a topic with nothing to say
/// in that situation is left out of the result.
///
/// - `overdue_contacts`: contacts may be called now, so what to tell them and what they owe comes
///   first, then getting the lender to agree something, then the rules collectors must keep.
/// - `overdue_early`: there is still time before contacts are called: negotiate and ask for an
///   extension now; contacts and credit follow.
/// - `overdue_severe`: a credit report or a lawsuit is near or here: negotiate, know your rights
///   (court summons, complaints), then the credit record.
/// - `due_soon`: an extension asked before the due date is the best chance; then the habits that
///   prevent a late payment.
/// - `current`: prevention first; nothing is wrong yet.
/// - `paid_off`: the credit record first (proof of settlement, checking the report), then prevention.
pub fn topic_order(s: Situation) -> [Topic; 6] {
    use Topic::*;
    match s {
        Situation::OverdueContacts => {
            [Contacts, Negotiation, Extension, Rights, Credit, Prevention]
        }
        Situation::OverdueEarly => [Negotiation, Extension, Contacts, Credit, Rights, Prevention],
        Situation::OverdueSevere => [Negotiation, Rights, Credit, Extension, Contacts, Prevention],
        Situation::DueSoon => [Extension, Prevention, Contacts, Credit, Negotiation, Rights],
        Situation::Current => [Prevention, Credit, Contacts, Rights, Extension, Negotiation],
        Situation::PaidOff => [Credit, Prevention, Contacts, Rights, Extension, Negotiation],
    }
}

/// The script's facts for an overdue loan; None when nothing is overdue.
///
/// The amounts and months come from `proposal` (the loan's share of the monthly budget). When the
/// share pays everything overdue within the month, the request is to move the one overdue
/// installment to today + [`EXTENSION_DAYS`], or, with several, to clear them this month; otherwise
/// it is the proposal's plan, restructuring or deferral.
pub fn script_facts(
    view: &LoanView,
    proposal: &Proposal,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Option<ScriptFacts> {
    let ledger = &view.ledger;
    let overdue: Vec<_> = ledger
        .installments
        .iter()
        .filter(|s| s.status == InstallmentStatus::Overdue)
        .collect();
    let oldest = overdue.iter().min_by_key(|s| (s.inst.due_date, s.inst.n))?;
    let request = match proposal.offer {
        Offer::Plan { months: 1, .. } if overdue.len() == 1 => Request::Extension {
            installment: oldest.inst.n,
            date: today
                .checked_add_signed(Duration::days(EXTENSION_DAYS))
                .unwrap_or(today),
        },
        Offer::Plan { months: 1, .. } => Request::ClearNow,
        _ => Request::FromOffer,
    };
    let (platform, product) = platform_and_product(view, lang);
    Some(ScriptFacts {
        platform,
        product,
        overdue_amount: ledger.overdue_amount,
        days_overdue: ledger.days_overdue,
        proposal: proposal.clone(),
        request,
        next_due_date: ledger.next_due_date,
        currency: settings.currency.clone(),
        today,
        hardship: view
            .loan
            .hardship
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(|h| h.trim_end_matches(['。', '.']).to_string()),
    })
}

/// The advice panels for the loan's situation today.
///
/// `proposal` is the loan's from [`crate::engine::proposal::proposals`] over all the user's loans
/// on the same day: the call script never offers more than that.
pub fn panels(
    view: &LoanView,
    proposal: &Proposal,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Result<AdvicePanels, AdviceError> {
    panels_in(view, proposal, view.situation(), lang, settings, today)
}

/// The advice panels as if the loan were in `situation` (what-ifs, tests).
pub fn panels_in(
    view: &LoanView,
    proposal: &Proposal,
    situation: Situation,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Result<AdvicePanels, AdviceError> {
    let lib = library(lang)?;
    let from_user = view.policy.from_user;
    let starts = view.loan.starts_after(today);
    // A loan not yet drawn has no situation of its own: advice about its contacts, credit record
    // or lender would be about a debt that does not exist yet. Prevention only, as if current.
    let order = topic_order(situation);
    let (situation, topics): (Situation, &[Topic]) = match starts {
        Some(_) => (Situation::Current, &[Topic::Prevention]),
        None => (situation, &order),
    };
    // What a negotiation won changes what helps: while an agreement is kept, keeping it comes
    // first and no new plan is proposed; once nothing is owed, the closing checklist.
    let outcome = view.ledger.outcome.as_deref();
    let kept = outcome
        .and_then(|o| o.agreement.as_ref())
        .is_some_and(|a| a.status == crate::engine::agreement::AgreementStatus::Kept)
        && view.ledger.status == crate::engine::LoanStatus::InAgreement;
    let settled = outcome.is_some_and(|o| o.settlement.is_some());
    let topics: Vec<Topic> = if starts.is_some() {
        topics.to_vec()
    } else if kept {
        std::iter::once(Topic::Agreement)
            .chain(topics.iter().copied().filter(|t| *t != Topic::Negotiation))
            .collect()
    } else if situation == Situation::PaidOff {
        std::iter::once(Topic::Closing)
            .chain(topics.iter().copied())
            .collect()
    } else {
        topics.to_vec()
    };
    let topics = &topics[..];
    let mut panels = vec![];
    for &topic in topics {
        let mut items: Vec<PanelItem> = vec![];
        let mut script_title = None;
        if topic == Topic::Negotiation
            && situation.is_overdue()
            && let Some(facts) = script_facts(view, proposal, lang, settings, today)
        {
            script_title = Some(lib.script.title.clone());
            items.extend(script_items(&lib.script, &facts, lang));
        }
        if topic == Topic::Contacts && situation != Situation::PaidOff {
            items.extend(user_contact_item(view, lang));
        }
        if topic == Topic::Credit && (situation.is_overdue() || situation == Situation::DueSoon) {
            items.extend(credit_stage_item(view, lang, today));
        }
        if topic == Topic::Agreement {
            items.extend(agreement_ref_item(view, lang));
        }
        if topic == Topic::Rights && starts.is_none() {
            items.extend(apr_item(view, lang));
        }
        items.extend(
            lib.items
                .iter()
                .filter(|it| {
                    it.topics.contains(&topic)
                        && it.situations.contains(&situation)
                        && it.serves_platform(&view.loan.platform, from_user)
                        && (settled || it.id != CLOSING_SETTLED_ONLY)
                })
                .map(|it| PanelItem {
                    text: it.text.clone(),
                    sources: it
                        .sources
                        .iter()
                        .cloned()
                        .chain(it.general.then(|| general_guidance(lang).to_string()))
                        .collect(),
                    basis: None,
                    kind: ItemKind::Advice,
                    id: Some(it.id.clone()),
                }),
        );
        if !items.is_empty() {
            panels.push(Panel {
                topic,
                title: lib.topics.title(topic).to_string(),
                items,
                script_title,
            });
        }
    }
    let severe_estimate = situation == Situation::OverdueSevere
        && view
            .escalation
            .milestone(StageKind::CreditReport)
            .or_else(|| view.escalation.current())
            .is_some_and(|m| m.basis == Basis::Estimate);
    Ok(AdvicePanels {
        id: view.loan.id.clone(),
        situation,
        starts,
        panels,
        disclaimer: lib.disclaimer.clone(),
        severe_estimate,
    })
}

/// The closing item said only of a loan settled for less.
const CLOSING_SETTLED_ONLY: &str = "closing-settled-differently";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_situation_orders_all_six_topics() {
        for s in Situation::ALL {
            let order = topic_order(s);
            let set: HashSet<Topic> = order.iter().copied().collect();
            assert_eq!(set.len(), 6, "{s:?}");
            // The outcome topics come in only for a loan with an agreement or nothing owed.
            assert!(!set.contains(&Topic::Agreement) && !set.contains(&Topic::Closing));
        }
        assert_eq!(topic_order(Situation::OverdueContacts)[0], Topic::Contacts);
        assert_eq!(topic_order(Situation::OverdueEarly)[0], Topic::Negotiation);
    }
}
