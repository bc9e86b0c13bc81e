//! What both faces show of an agreement, promises, a settlement: built once here.

use crate::engine::Ledger;
use crate::engine::agreement::{AgreementState, AgreementStatus, Outcome};

/// The loan's outcome (agreement, promises, settlement), when it has one.
pub fn of(l: &Ledger) -> Option<&Outcome> {
    l.outcome.as_deref()
}

/// The agreement in force, when there is one.
pub fn agreement(l: &Ledger) -> Option<&AgreementState> {
    of(l).and_then(|o| o.agreement.as_ref())
}

/// Whether the loan is overdue again because an agreement installment was missed.
pub fn agreement_broken(l: &Ledger) -> bool {
    agreement(l).is_some_and(|a| a.status == AgreementStatus::Broken)
}

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::agreement::PromiseState;
use crate::money;

/// An agreement as `check --json` gives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AgreementFacts {
    pub date: NaiveDate,
    pub from: NaiveDate,
    pub months: u32,
    #[serde(with = "money::as_plain")]
    pub amount: Decimal,
    #[serde(with = "money::as_plain")]
    pub total: Decimal,
    pub paid_count: u32,
    /// How many agreement installments there are (fewer than `months` when `total` runs out).
    pub count: u32,
    pub next_due_date: Option<NaiveDate>,
    /// kept | broken | done
    pub status: &'static str,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

impl AgreementFacts {
    pub fn of(a: &AgreementState) -> AgreementFacts {
        AgreementFacts {
            date: a.agreement.date,
            from: a.agreement.from,
            months: a.agreement.months,
            amount: a.agreement.amount,
            total: a.total,
            paid_count: a.paid_count,
            count: a.installments.len() as u32,
            next_due_date: a.next_due_date,
            status: a.status.key(),
            reference: a.agreement.reference.clone(),
        }
    }
}

/// A promise as `check --json` gives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PromiseFacts {
    pub date: NaiveDate,
    pub by: NaiveDate,
    #[serde(with = "money::as_plain")]
    pub amount: Decimal,
    #[serde(with = "money::as_plain")]
    pub paid: Decimal,
    /// kept | broken | pending
    pub status: &'static str,
}

impl PromiseFacts {
    pub fn of(p: &PromiseState) -> PromiseFacts {
        PromiseFacts {
            date: p.promise.date,
            by: p.promise.by,
            amount: p.promise.amount,
            paid: p.paid,
            status: p.status.key(),
        }
    }
}

pub fn agreement_facts(l: &Ledger) -> Option<AgreementFacts> {
    agreement(l).map(AgreementFacts::of)
}

pub fn promise_facts(l: &Ledger) -> Vec<PromiseFacts> {
    of(l)
        .map(|o| o.promises.iter().map(PromiseFacts::of).collect())
        .unwrap_or_default()
}

/// Paid to settle, and what the settlement left unpaid (null unless settled).
pub fn settled_amounts(l: &Ledger) -> (Option<Decimal>, Option<Decimal>) {
    match of(l).and_then(|o| o.settlement.as_ref()) {
        Some(s) => (Some(s.settled_amount), Some(s.waived_amount)),
        None => (None, None),
    }
}

/// The reported line a true annual rate is above: "36" above 36 %, "24" above 24 %, else None.
/// Lines as reported (FACTS: the 2017 cash-loan rules' 36 %, the 2025 reports of 24 %), never a
/// verdict on the loan.
pub fn apr_line(apr: Option<Decimal>) -> Option<&'static str> {
    let apr = apr?;
    if apr > Decimal::from(36) {
        Some("36")
    } else if apr > Decimal::from(24) {
        Some("24")
    } else {
        None
    }
}

/// Whether a promise is near enough to show in the header and `status`: from 2 days before `by`.
pub const PROMISE_SHOWN_DAYS_BEFORE: i64 = 2;

/// Pending promises to show on `today`: those whose `by` is at most 2 days away.
pub fn promises_due<'a>(l: &'a Ledger, today: NaiveDate) -> Vec<&'a PromiseState> {
    of(l)
        .map(|o| {
            o.pending_promises()
                .filter(|p| (p.promise.by - today).num_days() <= PROMISE_SHOWN_DAYS_BEFORE)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn apr_lines_as_reported() {
        assert_eq!(apr_line(Some(dec!(23.99))), None);
        assert_eq!(apr_line(Some(dec!(24.00))), None);
        assert_eq!(apr_line(Some(dec!(24.01))), Some("24"));
        assert_eq!(apr_line(Some(dec!(36.00))), Some("24"));
        assert_eq!(apr_line(Some(dec!(36.01))), Some("36"));
        assert_eq!(apr_line(None), None);
    }
}
