//! A payment plan's words, for both faces: why each payment (the reasons `engine::plan` gives, in
//! the reader's language) and the name of each strategy.

use super::Context;
use crate::dates;
use crate::engine::plan::{self, ContactAfter, HORIZON_DAYS, Plan, Reason, Strategy};
use crate::i18n::Lang;
use crate::text::NBSP;
use rust_decimal::Decimal;

use crate::money::grouped;

/// What to pay first with `cash`, over every loan on the context's day (`plan --cash`; the
/// dashboard's `P` runs the same engine over its snapshot's views).
pub fn compute(ctx: &Context, cash: Decimal, strategy: Strategy) -> Plan {
    let views = ctx.views();
    plan::plan(&views, cash, strategy, ctx.today)
}

fn pct(d: Decimal) -> String {
    let mut r = d.round_dp(4).normalize();
    if r.scale() < 2 {
        r.rescale(2);
    }
    r.to_string()
}

/// An annual rate: two places, as the schedule shows APR.
fn rate(d: Decimal) -> String {
    let mut r = d.round_dp(2);
    r.rescale(2);
    r.to_string()
}

/// The reasons of one payment on one line.
pub fn reasons_text(lang: Lang, reasons: &[Reason], today: chrono::NaiveDate) -> String {
    reasons
        .iter()
        .map(|r| reason_text(lang, r, today))
        .collect::<Vec<_>>()
        .join(&format!("{}{}", lang.tr("common.semicolon"), also(lang)))
        .replace(NBSP, " ")
}

/// One line saying why.
pub fn reason_text(lang: Lang, r: &Reason, today: chrono::NaiveDate) -> String {
    // The one date style of the CLI and the dashboard: `12-02` / `2 Dec`, the year only when it
    // is not today's.
    // Its spaces do not break when the dashboard wraps the line (`2 Dec` stays whole).
    let day = |d: &chrono::NaiveDate| dates::day(lang, *d, today).replace(' ', "\u{a0}");
    match r {
        Reason::AvoidsContact { was, now } => {
            let was = if *was <= today {
                lang.trf(
                    "present.plan.avoids_contact_already",
                    &[("date", &day(was))],
                )
            } else {
                lang.trf("present.plan.avoids_contact_from", &[("date", &day(was))])
            };
            match now {
                Some(n) => lang.trf(
                    "present.plan.avoids_contact_later",
                    &[("was", &was), ("date", &day(n))],
                ),
                None => lang.trf("present.plan.avoids_contact_paid_off", &[("was", &was)]),
            }
        }
        Reason::ClearsOverdue {
            installments,
            penalty_percent_per_day,
            contact_now,
        } => {
            let contact = match contact_now {
                ContactAfter::From(d) => {
                    lang.trf("present.plan.contact_moves_to", &[("date", &day(d))])
                }
                ContactAfter::Already(d) => {
                    lang.trf("present.plan.contact_already", &[("date", &day(d))])
                }
                ContactAfter::NoDay => String::new(),
            };
            lang.countf(
                "present.plan.clears_overdue",
                i64::from(*installments),
                &[
                    ("percent", &pct(*penalty_percent_per_day)),
                    ("contact", &contact),
                ],
            )
        }
        Reason::DueSoon {
            due,
            annual_percent,
        } => lang.trf(
            "present.plan.due_soon",
            &[("date", &day(due)), ("rate", &rate(*annual_percent))],
        ),
        Reason::HighestRate { annual_percent } => lang.trf(
            "present.plan.highest_rate",
            &[("rate", &rate(*annual_percent))],
        ),
        Reason::SmallestBalance { balance, smaller } => match smaller {
            None => lang.trf(
                "present.plan.smallest_balance",
                &[("balance", &grouped(*balance))],
            ),
            Some(s) => lang.trf(
                "present.plan.smallest_balance_no_bill",
                &[
                    ("balance", &grouped(*balance)),
                    ("smaller", &grouped(*s)),
                    ("horizon", &HORIZON_DAYS),
                ],
            ),
        },
        Reason::BeforeCreditReport {
            was,
            estimate,
            in_contact_stage,
            installments,
            now,
        } => {
            let approx = if *estimate { "≈" } else { "" };
            let stage = if *in_contact_stage {
                lang.tr("present.plan.credit_in_contact_stage")
            } else {
                ""
            };
            let after = match now {
                ContactAfter::From(d) => lang.trf(
                    "present.plan.credit_after",
                    &[("date", &format!("{approx}{}", day(d)))],
                ),
                _ => String::new(),
            };
            lang.countf(
                "present.plan.credit_report",
                i64::from(*installments),
                &[
                    ("stage", &stage),
                    ("was", &format!("{approx}{}", day(was))),
                    ("after", &after),
                ],
            )
        }
    }
}

/// Said before each reason after the first: the CLI joins them on one line, the dashboard puts
/// each on its own.
pub fn also(lang: Lang) -> &'static str {
    lang.tr("present.plan.also")
}

/// The strategy's name: `plan`'s header, the dashboard's plan title beside its `s` key.
pub fn strategy_label(lang: Lang, s: Strategy) -> &'static str {
    match s {
        Strategy::Urgency => lang.tr("present.plan.urgency_first"),
        Strategy::Avalanche => lang.tr("present.plan.avalanche_highest_rate_first"),
        Strategy::Snowball => lang.tr("present.plan.snowball_smallest_balance_first"),
    }
}

/// When the plan proposes no payment: the cash is too small for a whole installment, or nothing
/// falls due within the horizon at all (then the next bill is named). `name` gives a loan's
/// display name.
pub fn nothing_to_pay(
    lang: Lang,
    plan: &Plan,
    name: &dyn Fn(&str) -> String,
    cur: &str,
    today: chrono::NaiveDate,
) -> String {
    let within = today
        .checked_add_signed(chrono::Duration::days(HORIZON_DAYS))
        .unwrap_or(today);
    match &plan.next_bill {
        None => lang
            .tr("present.plan.no_payment_proposed_nothing")
            .to_string(),
        Some((id, due, amount)) if *due > within => {
            let day = dates::day(lang, *due, today);
            let amount = format!("{cur}{}", grouped(*amount));
            lang.trf(
                "present.plan.next_bill_later",
                &[
                    ("horizon", &HORIZON_DAYS),
                    ("loan", &name(id)),
                    ("day", &day),
                    ("amount", &amount),
                ],
            )
        }
        Some(_) => lang.tr("present.plan.no_payment_proposed_cash").to_string(),
    }
}

/// The plan's figures and groups, named once for both faces.
pub fn cash_label(lang: Lang) -> &'static str {
    lang.tr("present.plan.cash")
}

pub fn to_pay_label(lang: Lang) -> &'static str {
    lang.tr("present.plan.pay")
}

pub fn left_label(lang: Lang) -> &'static str {
    lang.tr("present.plan.left")
}

/// After "Left ¥X" when the plan keeps it for an overdue loan it cannot clear (`Plan::kept_for`):
/// no cash goes to a bill not yet due while an overdue installment stays unpaid.
pub fn kept_for_note(lang: Lang, plan: &Plan, name: &dyn Fn(&str) -> String) -> Option<String> {
    let id = plan
        .kept_for
        .as_ref()
        .filter(|_| plan.left > Decimal::ZERO)?;
    Some(lang.trf("present.plan.kept_for", &[("loan", &name(id))]))
}

/// Loans the plan keeps out of the emergency-contact stage over the horizon (short enough for the
/// dashboard's 30-column plan pane).
pub fn kept_off_title(lang: Lang) -> String {
    lang.trf("present.plan.kept_off_title", &[("horizon", &HORIZON_DAYS)])
}

/// Loans whose contacts may still be called within the horizon after the plan.
pub fn still_threatened_title(lang: Lang) -> String {
    lang.trf(
        "present.plan.still_threatened_title",
        &[("horizon", &HORIZON_DAYS)],
    )
}

/// Loan names in a sentence: 、 in Chinese, a comma in English.
pub fn join_names(lang: Lang, names: &[String]) -> String {
    names.join(lang.tr("common.comma"))
}

/// What the plan does not do, and how far it looks: under every plan.
pub fn scope_note(lang: Lang) -> String {
    lang.trf("present.plan.scope", &[("horizon", &HORIZON_DAYS)])
}
