//! Payments applied to installments, oldest first, and what that leaves on a given day.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::rate;
use super::schedule::Installment;
use crate::model::{Agreement, Loan, LoanTerms, Method, Promise, Settlement};
use crate::money::round2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstallmentStatus {
    Paid,
    Partial,
    Overdue,
    Due,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoanStatus {
    Overdue,
    DueSoon,
    Current,
    PaidOff,
    /// Before the loan's start date (a what-if into the past, or a loan written ahead): nothing
    /// is owed yet, so it is neither counted as open nor as current.
    NotDrawn,
    /// Every installment of a repayment agreement due so far is paid (`engine::agreement`).
    InAgreement,
    /// Closed by a settlement for less than owed.
    Settled,
}

impl LoanStatus {
    pub fn key(self) -> &'static str {
        match self {
            LoanStatus::Overdue => "overdue",
            LoanStatus::DueSoon => "due_soon",
            LoanStatus::Current => "current",
            LoanStatus::PaidOff => "paid_off",
            LoanStatus::NotDrawn => "not_drawn",
            LoanStatus::InAgreement => "in_agreement",
            LoanStatus::Settled => "settled",
        }
    }

    /// Nothing more is owed: paid off or settled.
    pub fn is_closed(self) -> bool {
        matches!(self, LoanStatus::PaidOff | LoanStatus::Settled)
    }
}

/// Where the penalty estimate's daily rate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyBasis {
    /// The loan's own `penalty_rate`.
    PenaltyRate,
    /// The loan's rate per day × 1.5.
    RateX15,
    /// `fixed_fee`: the daily rate implied by its true APR (IRR) × 1.5.
    AprX15,
    /// A bill list with no rate at all: the estimate is unknown until `penalty_rate` is set.
    Unknown,
}

/// The default penalty is the loan's daily rate × this (contract rate plus 50 %, the top of the
/// "plus 30–50 %" the penalty-interest rule reports).
pub const PENALTY_FACTOR: Decimal = Decimal::from_parts(15, 0, 0, false, 1);

/// The penalty's daily rate in percent and its basis. `installments` is the loan's schedule (the
/// APR of a `fixed_fee` loan is computed from it only when `needed`, as it costs an IRR).
pub fn penalty_rate(
    loan: &Loan,
    installments: &[Installment],
    needed: bool,
) -> (Option<Decimal>, PenaltyBasis) {
    if let Some(p) = loan.penalty_rate {
        return (Some(p), PenaltyBasis::PenaltyRate);
    }
    match &loan.terms {
        LoanTerms::Amortized {
            method: Method::FixedFee,
            principal,
            term,
            ..
        } => {
            let daily = if needed {
                // No APR (nothing lent, or less repaid than lent): no extra cost to scale.
                let apr = rate::apr(*principal, installments, *term).unwrap_or(Decimal::ZERO);
                Some(apr / Decimal::from(360) * PENALTY_FACTOR)
            } else {
                None
            };
            (daily, PenaltyBasis::AprX15)
        }
        _ => match loan.rate() {
            Some(r) => (
                Some(r.daily_percent() * PENALTY_FACTOR),
                PenaltyBasis::RateX15,
            ),
            None => (None, PenaltyBasis::Unknown),
        },
    }
}

/// What `total` pays of each installment (in the schedule's order): the installment due first
/// (after extensions; on the same day the lower number) is covered first, as a lender books a
/// payment, so an installment moved later by an extension no longer takes the money meant for
/// the one now due before it.
fn spread(installments: &[Installment], total: Decimal) -> Vec<Decimal> {
    let refs: Vec<&Installment> = installments.iter().collect();
    spread_refs(&refs, total)
}

fn spread_refs(installments: &[&Installment], total: Decimal) -> Vec<Decimal> {
    let mut order: Vec<usize> = (0..installments.len()).collect();
    order.sort_by_key(|&i| (installments[i].due_date, installments[i].n));
    let mut paid = vec![Decimal::ZERO; installments.len()];
    let mut left = total;
    for i in order {
        let p = left.min(installments[i].amount).max(Decimal::ZERO);
        left -= p;
        paid[i] = p;
    }
    paid
}

#[derive(Debug, Clone, PartialEq)]
pub struct InstallmentState {
    pub inst: Installment,
    pub paid: Decimal,
    pub status: InstallmentStatus,
}

impl InstallmentState {
    pub fn unpaid(&self) -> Decimal {
        (self.inst.amount - self.paid).max(Decimal::ZERO)
    }

    /// Unpaid principal: a partial payment covers fee and interest before principal.
    pub fn unpaid_principal(&self) -> Decimal {
        self.unpaid().min(self.inst.principal)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    pub installments: Vec<InstallmentState>,
    pub status: LoanStatus,
    /// today − due date of the oldest overdue installment; 0 unless overdue.
    pub days_overdue: i64,
    pub oldest_overdue_due: Option<NaiveDate>,
    pub overdue_amount: Decimal,
    pub overdue_principal: Decimal,
    /// The next unpaid installment that is not yet overdue.
    pub next_due_date: Option<NaiveDate>,
    pub next_due_amount: Decimal,
    pub days_until_due: Option<i64>,
    /// Everything still unpaid on the schedule.
    pub remaining_balance: Decimal,
    pub total_paid: Decimal,
    /// Each overdue installment's unpaid amount × the penalty's daily rate × the days it is late,
    /// summed: an estimate. None when the rate is unknown (a bill list with no rate).
    pub penalty_estimate: Option<Decimal>,
    /// The penalty's daily rate in percent (None: unknown, or not needed as nothing is overdue).
    pub penalty_percent_per_day: Option<Decimal>,
    pub penalty_basis: PenaltyBasis,
    /// An agreement, promises, penalty payments, a settlement (`engine::agreement`); None for a
    /// loan with none of them.
    pub outcome: Option<Box<Outcome>>,
}

impl Ledger {
    /// Payments dated after `today` are not counted, so a what-if day in the past shows the past.
    pub fn compute(
        loan: &Loan,
        installments: Vec<Installment>,
        today: NaiveDate,
        alert_days: u32,
    ) -> Ledger {
        let total_paid: Decimal = loan
            .payments
            .iter()
            .filter(|p| p.date <= today)
            .map(|p| p.amount)
            .sum();
        let paid_each = spread(&installments, total_paid);
        let mut states = Vec::with_capacity(installments.len());
        for (inst, paid) in installments.into_iter().zip(paid_each) {
            let status = if paid >= inst.amount {
                InstallmentStatus::Paid
            } else if inst.due_date < today {
                InstallmentStatus::Overdue
            } else if paid > Decimal::ZERO {
                InstallmentStatus::Partial
            } else {
                InstallmentStatus::Due
            };
            states.push(InstallmentState { inst, paid, status });
        }

        let overdue: Vec<&InstallmentState> = states
            .iter()
            .filter(|s| s.status == InstallmentStatus::Overdue)
            .collect();
        let oldest_overdue_due = overdue.iter().map(|s| s.inst.due_date).min();
        let days_overdue = oldest_overdue_due
            .map(|d| (today - d).num_days())
            .unwrap_or(0);
        let overdue_amount: Decimal = overdue.iter().map(|s| s.unpaid()).sum();
        let overdue_principal: Decimal = overdue.iter().map(|s| s.unpaid_principal()).sum();
        // Only a fixed_fee loan's default penalty needs its schedule (for the APR): copy it then.
        let fixed_fee_default =
            loan.penalty_rate.is_none() && loan.method() == Some(Method::FixedFee);
        let insts: Vec<Installment> = if overdue.is_empty() || !fixed_fee_default {
            Vec::new()
        } else {
            states.iter().map(|s| s.inst.clone()).collect()
        };
        let (penalty_percent_per_day, penalty_basis) =
            penalty_rate(loan, &insts, !overdue.is_empty());
        let penalty_estimate = match penalty_percent_per_day {
            _ if overdue.is_empty() => Some(Decimal::ZERO),
            Some(pct) => {
                let rate = pct / Decimal::ONE_HUNDRED;
                let raw: Decimal = overdue
                    .iter()
                    .map(|s| {
                        let days = Decimal::from((today - s.inst.due_date).num_days());
                        s.unpaid() * rate * days
                    })
                    .sum();
                Some(round2(raw))
            }
            None => None,
        };

        let next = states
            .iter()
            .filter(|s| s.status != InstallmentStatus::Paid && s.inst.due_date >= today)
            .min_by_key(|s| (s.inst.due_date, s.inst.n));
        let next_due_date = next.map(|s| s.inst.due_date);
        let next_due_amount = next.map(|s| s.unpaid()).unwrap_or(Decimal::ZERO);
        let days_until_due = next_due_date.map(|d| (d - today).num_days());
        let remaining_balance: Decimal = states.iter().map(|s| s.unpaid()).sum();

        let status = if remaining_balance.is_zero() {
            LoanStatus::PaidOff
        } else if !overdue.is_empty() {
            LoanStatus::Overdue
        } else if days_until_due.is_some_and(|d| d <= i64::from(alert_days)) {
            LoanStatus::DueSoon
        } else {
            LoanStatus::Current
        };
        let status = if loan.starts_after(today).is_some() {
            LoanStatus::NotDrawn
        } else {
            status
        };

        Ledger {
            installments: states,
            status,
            days_overdue,
            oldest_overdue_due,
            overdue_amount,
            overdue_principal,
            next_due_date,
            next_due_amount,
            days_until_due,
            remaining_balance,
            total_paid,
            penalty_estimate,
            penalty_percent_per_day,
            penalty_basis,
            outcome: None,
        }
    }

    /// The date escalation is counted from: the oldest overdue installment's due date, else the
    /// next unpaid one's.
    pub fn escalation_anchor(&self) -> Option<NaiveDate> {
        self.oldest_overdue_due.or(self.next_due_date)
    }

    /// The escalation anchor `compute` would find with a payment of `extra` more dated `today`
    /// (None once that pays the loan off), without rebuilding the schedule or the ledger: the
    /// payments are spread over the installments exactly as `compute` spreads them. The payment
    /// planner asks this many times per loan (`engine::plan`).
    pub fn anchor_after_paying(&self, extra: Decimal, today: NaiveDate) -> Option<NaiveDate> {
        let insts: Vec<&Installment> = self.installments.iter().map(|s| &s.inst).collect();
        let paid_each = spread_refs(&insts, self.total_paid + extra);
        let mut oldest_overdue: Option<NaiveDate> = None;
        let mut next: Option<(NaiveDate, u32)> = None;
        let mut owed = false;
        for (inst, paid) in insts.into_iter().zip(paid_each) {
            if paid >= inst.amount {
                continue;
            }
            // Not paid in full, so something is still owed: the loan is not paid off.
            owed = true;
            if inst.due_date < today {
                oldest_overdue =
                    Some(oldest_overdue.map_or(inst.due_date, |d| d.min(inst.due_date)));
            } else if next.is_none_or(|n| (inst.due_date, inst.n) < n) {
                next = Some((inst.due_date, inst.n));
            }
        }
        if !owed {
            return None;
        }
        oldest_overdue.or(next.map(|n| n.0))
    }
}

/// A loan's true APR by IRR from its schedule (fees included); None for a bill list or flows
/// with no rate. The one definition both faces show (`present::apr`) and the advice compares
/// with the reported lines.
pub fn loan_apr(loan: &crate::model::Loan, ledger: &Ledger) -> Option<Decimal> {
    match &loan.terms {
        crate::model::LoanTerms::Amortized {
            principal, term, ..
        } => {
            // With an agreement, the loan's own schedule is its history.
            let states = ledger
                .outcome
                .as_deref()
                .and_then(|o| o.agreement.as_ref())
                .map_or(&ledger.installments, |a| &a.history);
            let insts: Vec<Installment> = states.iter().map(|s| s.inst.clone()).collect();
            rate::apr(*principal, &insts, *term)
        }
        crate::model::LoanTerms::Bills(_) => None,
    }
}

impl Ledger {
    /// The agreement in force, when there is one.
    pub fn agreement(&self) -> Option<&AgreementState> {
        self.outcome.as_deref().and_then(|o| o.agreement.as_ref())
    }

    /// Whether the loan is overdue again because an agreement installment was missed.
    pub fn agreement_broken(&self) -> bool {
        self.agreement()
            .is_some_and(|a| a.status == AgreementStatus::Broken)
    }
}

// What a negotiation won, as the ledger carries it; `engine::agreement` works it out.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    /// Every agreement installment due so far is paid.
    Kept,
    /// One due before today is not (协议未履行).
    Broken,
    /// All are paid.
    Done,
}

impl AgreementStatus {
    pub fn key(self) -> &'static str {
        match self {
            AgreementStatus::Kept => "kept",
            AgreementStatus::Broken => "broken",
            AgreementStatus::Done => "done",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseStatus {
    Kept,
    Broken,
    Pending,
}

impl PromiseStatus {
    pub fn key(self) -> &'static str {
        match self {
            PromiseStatus::Kept => "kept",
            PromiseStatus::Broken => "broken",
            PromiseStatus::Pending => "pending",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgreementState {
    pub agreement: Agreement,
    /// What it covers.
    pub total: Decimal,
    /// Its installments, numbered from 1, with what is paid on them today (also the first
    /// entries of the ledger's `installments`).
    pub installments: Vec<InstallmentState>,
    /// The original schedule as it stood the day before the agreement.
    pub history: Vec<InstallmentState>,
    pub paid_count: u32,
    pub next_due_date: Option<NaiveDate>,
    pub status: AgreementStatus,
    /// The due date of the oldest missed agreement installment: where escalation counts from
    /// once the agreement is broken.
    pub broken_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PromiseState {
    pub promise: Promise,
    /// Paid from its `date` to its `by` (as far as today).
    pub paid: Decimal,
    pub status: PromiseStatus,
}

impl PromiseState {
    /// What is still to pay on a pending promise.
    pub fn left(&self) -> Decimal {
        (self.promise.amount - self.paid).max(Decimal::ZERO)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SettlementState {
    pub settlement: Settlement,
    pub settled_amount: Decimal,
    /// What the schedule (and the penalty estimate) still counted on the settlement's day, less
    /// what was paid to settle; never below zero.
    pub waived_amount: Decimal,
    /// The installments as they stood before the settlement closed them (what `schedule`
    /// shows); the ledger's own are all closed.
    pub history: Vec<InstallmentState>,
}

/// Everything beyond the plain schedule, on one day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub agreement: Option<AgreementState>,
    pub promises: Vec<PromiseState>,
    pub settlement: Option<SettlementState>,
    /// `kind = "penalty"` payments dated on or before the day.
    pub penalty_paid: Decimal,
}

impl Outcome {
    pub fn pending_promises(&self) -> impl Iterator<Item = &PromiseState> {
        self.promises
            .iter()
            .filter(|p| p.status == PromiseStatus::Pending)
    }

    /// Money already promised and not yet paid: the planner and the call script count it as
    /// committed.
    pub fn committed(&self) -> Decimal {
        self.pending_promises().map(PromiseState::left).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::schedule::installments;
    use crate::model::{Method, Payment};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ledger(loan: &Loan, today: NaiveDate) -> Ledger {
        Ledger::compute(loan, installments(loan), today, 7)
    }

    fn pay(loan: &mut Loan, date: NaiveDate, amount: Decimal) {
        loan.payments.push(Payment { date, amount });
    }

    fn ctrip() -> Loan {
        crate::engine::schedule::tests::loan(Method::EqualInstallment, dec!(12000), dec!(18), 12)
    }

    #[test]
    fn unpaid_installment_turns_overdue_the_day_after() {
        let l = ctrip();
        assert_eq!(ledger(&l, d(2026, 4, 15)).status, LoanStatus::DueSoon);
        assert_eq!(ledger(&l, d(2026, 4, 15)).days_until_due, Some(0));
        let late = ledger(&l, d(2026, 4, 20));
        assert_eq!(late.status, LoanStatus::Overdue);
        assert_eq!(late.days_overdue, 5);
        assert_eq!(late.overdue_amount, dec!(1100.16));
        assert_eq!(late.overdue_principal, dec!(920.16));
        // 18 %/360 × 1.5 = 0.075 % a day on the whole overdue 1,100.16 for 5 days = 4.1256 → 4.13
        assert_eq!(late.penalty_estimate, Some(dec!(4.13)));
        assert_eq!(late.penalty_percent_per_day, Some(dec!(0.075)));
        assert_eq!(late.penalty_basis, PenaltyBasis::RateX15);
        assert_eq!(late.next_due_date, Some(d(2026, 5, 15)));
    }

    #[test]
    fn an_overdue_interest_only_installment_has_a_penalty() {
        // interest_first: installment 1 is 12,000 × 18 %/12 = 180.00 of interest, no principal.
        // 0.075 % a day × 180 × 5 days = 0.675 → 0.68.
        let l =
            crate::engine::schedule::tests::loan(Method::InterestFirst, dec!(12000), dec!(18), 12);
        let late = ledger(&l, d(2026, 4, 20));
        assert_eq!(late.overdue_amount, dec!(180.00));
        assert_eq!(late.overdue_principal, dec!(0));
        assert_eq!(late.penalty_estimate, Some(dec!(0.68)));
    }

    #[test]
    fn a_fixed_fee_penalty_follows_its_true_apr() {
        // 3,000 over 12 months, 0.6 % fee a month: 12 × 268.00. Monthly IRR 1.0862 % → APR
        // 13.03 %; × 1.5 / 360 = 0.0542916… % a day. 268.00 ten days late: 1.4550… → 1.46.
        let l = crate::engine::schedule::tests::loan(Method::FixedFee, dec!(3000), dec!(0), 12);
        let late = ledger(&l, d(2026, 4, 25));
        assert_eq!(late.overdue_amount, dec!(268.00));
        assert_eq!(late.penalty_basis, PenaltyBasis::AprX15);
        assert_eq!(late.penalty_estimate, Some(dec!(1.46)));
        // A loan's own penalty_rate beats it: 0.05 % × 268 × 10 = 1.34.
        let mut own = l.clone();
        own.penalty_rate = Some(dec!(0.05));
        let late = ledger(&own, d(2026, 4, 25));
        assert_eq!(late.penalty_basis, PenaltyBasis::PenaltyRate);
        assert_eq!(late.penalty_estimate, Some(dec!(1.34)));
    }

    #[test]
    fn a_bill_list_without_a_rate_has_an_unknown_penalty() {
        let mut l = ctrip();
        l.terms = LoanTerms::Bills(vec![crate::model::Bill {
            due: d(2026, 4, 15),
            amount: dec!(500),
        }]);
        let late = ledger(&l, d(2026, 4, 20));
        assert_eq!(late.overdue_amount, dec!(500));
        assert_eq!(late.penalty_estimate, None);
        assert_eq!(late.penalty_basis, PenaltyBasis::Unknown);
        // With a rate: 36 %/360 × 1.5 = 0.15 % a day × 500 × 5 = 3.75.
        l.bill_rate = Some(crate::model::Rate::Annual(dec!(36)));
        assert_eq!(
            ledger(&l, d(2026, 4, 20)).penalty_estimate,
            Some(dec!(3.75))
        );
    }

    #[test]
    fn partial_payment_counts_against_interest_first() {
        let mut l = ctrip();
        pay(&mut l, d(2026, 4, 10), dec!(500));
        let before = ledger(&l, d(2026, 4, 12));
        assert_eq!(before.installments[0].status, InstallmentStatus::Partial);
        assert_eq!(before.status, LoanStatus::DueSoon);
        let after = ledger(&l, d(2026, 4, 25));
        assert_eq!(after.installments[0].status, InstallmentStatus::Overdue);
        assert_eq!(after.overdue_amount, dec!(600.16));
        assert_eq!(after.overdue_principal, dec!(600.16));
        assert_eq!(after.days_overdue, 10);
    }

    #[test]
    fn prepayment_covers_future_installments() {
        let mut l = ctrip();
        pay(&mut l, d(2026, 4, 1), dec!(2500));
        let lg = ledger(&l, d(2026, 6, 1));
        assert_eq!(lg.installments[0].status, InstallmentStatus::Paid);
        assert_eq!(lg.installments[1].status, InstallmentStatus::Paid);
        assert_eq!(lg.installments[2].status, InstallmentStatus::Partial);
        assert_eq!(lg.installments[2].paid, dec!(299.68));
        assert_eq!(lg.status, LoanStatus::Current);
    }

    #[test]
    fn future_payments_do_not_count_yet() {
        let mut l = ctrip();
        pay(&mut l, d(2026, 4, 30), dec!(1100.16));
        assert_eq!(ledger(&l, d(2026, 4, 20)).status, LoanStatus::Overdue);
        assert_eq!(ledger(&l, d(2026, 5, 1)).status, LoanStatus::Current);
    }

    #[test]
    fn paying_everything_pays_off() {
        let mut l = ctrip();
        let total: Decimal = installments(&l).iter().map(|i| i.amount).sum();
        pay(&mut l, d(2026, 4, 1), total);
        let lg = ledger(&l, d(2026, 4, 2));
        assert_eq!(lg.status, LoanStatus::PaidOff);
        assert_eq!(lg.remaining_balance, Decimal::ZERO);
        assert_eq!(lg.next_due_date, None);
    }

    #[test]
    fn extension_moves_the_due_date() {
        let mut l = ctrip();
        l.extensions.push(crate::model::Extension {
            installment: 1,
            due: d(2026, 5, 5),
        });
        let lg = ledger(&l, d(2026, 4, 20));
        assert_eq!(lg.status, LoanStatus::Current);
        assert_eq!(lg.next_due_date, Some(d(2026, 5, 5)));
    }

    #[test]
    fn payments_go_to_what_is_due_first_after_extensions() {
        // Installment 2 (due 15 May) moved to 20 June, past installment 3 (15 June). Paying
        // installment 1 on time and then exactly one bill (1,100.16) on 15 June covers the
        // installment due on 15 June, as the lender books it, not the extended one.
        let mut l = ctrip();
        l.extensions.push(crate::model::Extension {
            installment: 2,
            due: d(2026, 6, 20),
        });
        pay(&mut l, d(2026, 4, 15), dec!(1100.16));
        pay(&mut l, d(2026, 6, 15), dec!(1100.16));
        let lg = ledger(&l, d(2026, 6, 16));
        assert_eq!(lg.installments[2].status, InstallmentStatus::Paid);
        assert_eq!(lg.installments[1].status, InstallmentStatus::Due);
        assert_eq!(lg.installments[1].paid, dec!(0));
        assert_eq!(lg.status, LoanStatus::DueSoon);
        assert_eq!(lg.next_due_date, Some(d(2026, 6, 20)));
        assert_eq!(lg.overdue_amount, dec!(0));
        // The planner's quick re-spread agrees: 1,100.16 more on 16 June pays installment 2,
        // leaving installment 4 (15 July) next.
        assert_eq!(
            lg.anchor_after_paying(dec!(1100.16), d(2026, 6, 16)),
            Some(d(2026, 7, 15))
        );
    }
}
