//! The words of the advice: placeholders filled, the platform named as the user knows it, the
//! call script's request, and the items generated from the loan's own facts.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::LoanView;
use crate::engine::proposal::Offer;
use crate::i18n::Lang;
use crate::model::{Basis, StageKind};
use crate::money::grouped;

use super::super::spoken;
use super::parse::*;
use super::types::*;

/// Replace each `{name}` with its value; names not in `values` are left as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        });
        match hit {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The platform as the user knows it, in `lang`: see [`platform_and_product`].
pub fn platform_label(view: &LoanView, lang: Lang) -> String {
    platform_and_product(view, lang).0
}

/// The platform as the user knows it, in `lang`, and the product: the policy's name, or what the
/// user wrote for an unknown one; a loan of the plain generic platform is named from its own name,
/// else its product, else its id (never "another platform"), and the product then says only
/// "a loan".
pub fn platform_and_product(view: &LoanView, lang: Lang) -> (String, String) {
    let p = view.policy;
    let loan = view.loan;
    let a_loan = || lang.tr("knowledge.advice.wording.a_loan").to_string();
    let product = || loan.product.clone().unwrap_or_else(a_loan);
    let written = loan.platform_written.trim();
    if p.key != "generic" {
        return (p.display_name(lang).to_string(), product());
    }
    if !written.is_empty() && !p.answers_to(written) {
        // "某某分期" as both platform and product is said once.
        let prod = match &loan.product {
            Some(prod) if prod.trim() == written => a_loan(),
            _ => product(),
        };
        return (written.to_string(), prod);
    }
    match (&loan.name, &loan.product) {
        (Some(n), _) => (n.clone(), product()),
        (None, Some(prod)) => (prod.clone(), a_loan()),
        (None, None) => (loan.id.clone(), a_loan()),
    }
}

/// An agreement kept with no record of it noted (`ref`): say to get one.
pub(super) fn agreement_ref_item(view: &LoanView, lang: Lang) -> Option<PanelItem> {
    let a = view.ledger.outcome.as_deref()?.agreement.as_ref()?;
    if a.agreement.reference.is_some() {
        return None;
    }
    Some(PanelItem {
        text: crate::i18n::outcome::agreement_without_ref_advice()
            .get(lang)
            .to_string(),
        sources: vec![cite("rules", "credit_card_rules_70").to_string()],
        basis: None,
        kind: ItemKind::FromUserFile,
        id: None,
    })
}

/// The loan's true annual rate against the reported 24 % and 36 % lines, when above one.
pub(super) fn apr_item(view: &LoanView, lang: Lang) -> Option<PanelItem> {
    let apr = crate::engine::ledger::loan_apr(view.loan, &view.ledger)?;
    let line = if apr > Decimal::from(36) {
        36
    } else if apr > Decimal::from(24) {
        24
    } else {
        return None;
    };
    let mut sources = vec![cite("rules", "apr_disclosure").to_string()];
    sources.push(
        if line == 36 {
            cite("rate_lines", "apr_36")
        } else {
            cite("rate_lines", "apr_24")
        }
        .to_string(),
    );
    Some(PanelItem {
        text: crate::i18n::outcome::apr_above_line(&apr.to_string(), line)
            .get(lang)
            .to_string(),
        sources,
        basis: None,
        kind: ItemKind::FromUserFile,
        id: None,
    })
}

/// The request the script makes, filled with the proposal's figures.
fn request_text(script: &Script, f: &ScriptFacts, lang: Lang) -> String {
    let money = |d: Decimal| format!("{}{}", f.currency, grouped(d));
    let p = &f.proposal;
    match (f.request, &p.offer) {
        (Request::Extension { installment, date }, _) => fill(
            &script.request_extension,
            &[
                ("installment", &installment.to_string()),
                ("date", &spoken::date(lang, date, f.today)),
            ],
        ),
        (Request::ClearNow, _) => fill(
            &script.request_clear,
            &[("overdue", &money(f.overdue_amount))],
        ),
        (
            Request::FromOffer,
            Offer::Plan {
                monthly,
                months,
                toward_overdue,
            },
        ) => fill(
            if p.regular <= Decimal::ZERO {
                &script.request_plan_no_regular
            } else if *toward_overdue <= Decimal::ZERO {
                &script.request_plan_after
            } else {
                &script.request_plan
            },
            &[
                ("monthly", &money(*monthly)),
                ("regular", &money(p.regular)),
                ("months", &spoken::months(lang, *months)),
                ("overdue", &money(f.overdue_amount)),
            ],
        ),
        (
            Request::FromOffer,
            Offer::Restructure {
                owed,
                months,
                monthly,
            },
        ) => restructure_text(
            script,
            f,
            lang,
            &script.request_restructure,
            *owed,
            *months,
            *monthly,
        ),
        (Request::FromOffer, Offer::AskTerm { owed, monthly }) => restructure_text(
            script,
            f,
            lang,
            &script.request_ask_term,
            *owed,
            crate::engine::proposal::MAX_MONTHS,
            *monthly,
        ),
        (Request::FromOffer, Offer::Defer { owed }) => {
            fill(&script.request_defer, &[("owed", &money(*owed))])
        }
        (Request::FromOffer, Offer::NoBudget | Offer::Current) => script.request_no_budget.clone(),
    }
}

/// A restructuring request (or the ask to set the term): its reason is the share against the
/// regular installment, "does not cover it" only when it does not.
fn restructure_text(
    script: &Script,
    f: &ScriptFacts,
    lang: Lang,
    template: &str,
    owed: Decimal,
    months: u32,
    monthly: Decimal,
) -> String {
    let money = |d: Decimal| format!("{}{}", f.currency, grouped(d));
    let p = &f.proposal;
    let mut values = vec![
        ("regular", money(p.regular)),
        ("owed", money(owed)),
        ("months", spoken::months(lang, months)),
        ("monthly", money(monthly)),
        ("share", p.share.map(money).unwrap_or_default()),
        ("overdue", money(f.overdue_amount)),
    ];
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let below = p.share.is_some_and(|s| s < p.regular);
    let reason = fill(
        if below {
            &script.reason_below_regular
        } else {
            &script.reason_overdue_left
        },
        &pairs,
    );
    values.push(("reason", reason));
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &values)
}

/// The call script's lines, filled, then the checklist as one item; without a budget, a last item
/// says how to set one.
pub(super) fn script_items(script: &Script, f: &ScriptFacts, lang: Lang) -> Vec<PanelItem> {
    let request = request_text(script, f, lang);
    let budget = match (&f.proposal.offer, f.proposal.share) {
        (Offer::Defer { .. }, _) => script.budget_none.clone(),
        (_, Some(b)) => format!("{}{}", f.currency, grouped(b)),
        (_, None) => script.budget_placeholder.clone(),
    };
    let next = f.next_due_date.map(|d| spoken::date(lang, d, f.today));
    let amount = grouped(f.overdue_amount);
    let days = spoken::days(lang, f.days_overdue);
    let hardship = f
        .hardship
        .clone()
        .unwrap_or_else(|| script.hardship_placeholder.clone());
    let values: [(&str, &str); 9] = [
        ("hardship", &hardship),
        ("platform", &f.platform),
        ("product", &f.product),
        ("overdue_amount", &amount),
        ("days_overdue", &days),
        ("monthly_budget", &budget),
        ("request", &request),
        ("next_due_date", next.as_deref().unwrap_or("")),
        ("currency", &f.currency),
    ];
    let mut out: Vec<PanelItem> = script
        .lines
        .iter()
        .enumerate()
        // A line about the next due date says nothing when there is none.
        .filter(|(_, l)| next.is_some() || !placeholders(l).contains(&"next_due_date"))
        .map(|(i, l)| PanelItem {
            text: fill(l, &values),
            sources: if script.general_lines.contains(&i) {
                vec![general_guidance(lang).to_string()]
            } else {
                script.sources.clone()
            },
            basis: None,
            kind: ItemKind::ScriptLine,
            id: None,
        })
        .collect();
    if !script.checklist.is_empty() {
        out.push(PanelItem {
            text: lang.trf(
                "knowledge.advice.wording.checklist",
                &[
                    ("title", &script.checklist_title),
                    (
                        "items",
                        &script
                            .checklist
                            .join(lang.tr("knowledge.advice.wording.checklist_sep")),
                    ),
                ],
            ),
            sources: script.sources.clone(),
            basis: None,
            kind: ItemKind::Checklist,
            id: None,
        });
    }
    if f.proposal.offer == Offer::NoBudget {
        out.push(PanelItem {
            text: script.budget_hint.clone(),
            sources: vec![general_guidance(lang).to_string()],
            basis: None,
            kind: ItemKind::FromUserFile,
            id: None,
        });
    }
    out
}

/// The source an item names when no article or rule says it: general guidance, shown as such.
pub fn general_guidance(lang: Lang) -> &'static str {
    lang.tr("knowledge.advice.wording.general_guidance")
}

/// The loan's own credit-report stage: when a record may be made, on what basis, and, once that
/// day has passed, that it may already have been made. None when the policy gives no day.
pub(super) fn credit_stage_item(
    view: &LoanView,
    lang: Lang,
    today: NaiveDate,
) -> Option<PanelItem> {
    let m = view.escalation.milestone(StageKind::CreditReport)?;
    let day = m.day?;
    let date = m.date?;
    let when = spoken::date(lang, date, today);
    // The source line names the article; the text says whose day it is.
    let basis = match m.basis {
        Basis::Article => lang.tr("knowledge.advice.credit.basis_article"),
        Basis::Estimate => lang.tr("knowledge.advice.credit.basis_estimate"),
        Basis::User => lang.tr("knowledge.advice.credit.basis_user"),
    };
    let overdue = view.ledger.status == crate::engine::LoanStatus::Overdue;
    // As the 星图金融 article puts it: overdue information is uploaded to the credit system
    // (it gives no day), and past 30 days the record weighs on the score. Never "nothing is
    // recorded before day 31".
    let key = match (m.reached, overdue) {
        (true, _) => "knowledge.advice.credit.reached",
        (false, true) => "knowledge.advice.credit.overdue",
        (false, false) => "knowledge.advice.credit.if_missed",
    };
    let text = lang.trf(key, &[("day", &day), ("when", &when), ("basis", &basis)]);
    let mut sources = vec![m.source.to_string()];
    if m.reached {
        sources.push(cite("rules", "credit_regulation_16").to_string());
        sources.push(cite("rules", "credit_regulation_25").to_string());
    }
    Some(PanelItem {
        text,
        sources,
        basis: Some(m.basis),
        kind: if m.basis == Basis::User {
            ItemKind::FromUserFile
        } else {
            ItemKind::Advice
        },
        id: None,
    })
}

/// When the contact day comes from the user's file (a `[platforms.*]` table or the loan's own
/// `emergency_contact_after_days`), say so, with the day and the source the file gives.
pub(super) fn user_contact_item(view: &LoanView, lang: Lang) -> Option<PanelItem> {
    let loan_day = view.loan.emergency_contact_after_days.is_some();
    if !view.policy.from_user && !loan_day {
        return None;
    }
    let m = view
        .escalation
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact);
    let source = if loan_day {
        lang.trf(
            "knowledge.advice.user_contact.source_loan",
            &[("loan", &view.loan.id)],
        )
    } else {
        match m {
            Some(m) if !m.source.trim().is_empty() => m.source.to_string(),
            _ => lang.trf(
                "knowledge.advice.user_contact.source_platform",
                &[("key", &view.policy.key)],
            ),
        }
    };
    let text = match m.and_then(|m| m.day.map(|d| (m, d))) {
        Some((m, day)) => {
            let mut t = match m.day_typical {
                Some(typ) => lang.trf(
                    "knowledge.advice.user_contact.says_typical",
                    &[("day", &day), ("typical", &typ), ("source", &source)],
                ),
                None => lang.trf(
                    "knowledge.advice.user_contact.says",
                    &[("day", &day), ("source", &source)],
                ),
            };
            if let Some(date) = m.date {
                t.push_str(&lang.trf("knowledge.advice.user_contact.by_count", &[("date", &date)]));
            }
            t.push_str(lang.tr("knowledge.advice.user_contact.own_file"));
            t
        }
        None => lang.trf(
            "knowledge.advice.user_contact.no_day",
            &[
                ("platform", &view.policy.display_name(lang)),
                ("key", &view.policy.key),
            ],
        ),
    };
    Some(PanelItem {
        text,
        sources: vec![source],
        basis: Some(Basis::User),
        kind: ItemKind::FromUserFile,
        id: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill("{a}+{b}={c} {", &[("a", "1"), ("b", "2")]),
            "1+2={c} {"
        );
        assert_eq!(fill("第{n}期", &[("n", "8")]), "第8期");
    }
}
