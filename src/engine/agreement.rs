//! What a negotiation won, laid over a loan's ledger: an agreement's installments, promises to pay,
//! penalty payments and a settlement for less. Pure, like the rest of the engine.
//!
//! With an agreement in force (the one with the latest `date` on or before today), the ledger's
//! `installments` are what is owed now: the agreement's installments, then whatever of the old
//! schedule it does not cover; `total_paid` is what was paid from the agreement's date (so the
//! planner's `anchor_after_paying` spreads money as this module does). The original schedule as it
//! stood the day before stays visible as `AgreementState::history`. Every figure (status, overdue,
//! next due, balance, penalty) comes from that list:
//! - what it covers is `total`, else everything unpaid on the old schedule that day;
//! - the covered part is taken from the oldest unpaid installments first; the rest stays owed on
//!   its old dates;
//! - payments dated on or after `date` pay the agreement's installments first (in order), then the
//!   uncovered rest, oldest first;
//! - the penalty estimated up to the day before stays owed unless `waive_penalty`, and a missed
//!   agreement installment adds its own, counted from its due date.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ledger::{
    InstallmentState, InstallmentStatus, Ledger, LoanStatus, PenaltyBasis, penalty_rate,
};
use super::schedule::{self, Installment};
use crate::model::{Agreement, Loan};
use crate::money::round2;

// The states live beside the ledger that carries them (`Ledger::outcome`), so the ledger need
// not import this module; they are named here too, where they are worked out.
pub use super::ledger::{
    AgreementState, AgreementStatus, Outcome, PromiseState, PromiseStatus, SettlementState,
};

/// Whether the loan has anything this module lays over its ledger.
pub fn applies(loan: &Loan) -> bool {
    !loan.agreements.is_empty()
        || !loan.promises.is_empty()
        || loan.settlement.is_some()
        || !loan.penalty_payments.is_empty()
}

/// The ledger of `loan` on `today` with its agreement, promises, penalty payments and settlement.
pub fn ledger(loan: &Loan, today: NaiveDate, alert_days: u32) -> Ledger {
    let base = Ledger::compute(loan, schedule::installments(loan), today, alert_days);
    apply(loan, base, today, alert_days)
}

/// Lay the outcome over `base`, the plain ledger of `loan` on `today`.
pub fn apply(loan: &Loan, base: Ledger, today: NaiveDate, alert_days: u32) -> Ledger {
    if !applies(loan) {
        return base;
    }
    let mut out = evaluate(loan, base, today, alert_days);
    if let Some(s) = loan.settlement.as_ref().filter(|s| s.date <= today) {
        // What was still counted the day the settlement was made.
        let on_day = if s.date == today {
            out.clone()
        } else {
            evaluate(
                loan,
                Ledger::compute(loan, schedule::installments(loan), s.date, alert_days),
                s.date,
                alert_days,
            )
        };
        let owed = on_day.remaining_balance + on_day.penalty_estimate.unwrap_or_default();
        let history = out.installments.clone();
        // Nothing is owed any more: no installment is due soon, late or in the calendar.
        for st in &mut out.installments {
            st.status = InstallmentStatus::Paid;
        }
        let settled = SettlementState {
            settlement: s.clone(),
            settled_amount: s.amount,
            waived_amount: (owed - s.amount).max(Decimal::ZERO),
            history,
        };
        out.status = LoanStatus::Settled;
        out.days_overdue = 0;
        out.oldest_overdue_due = None;
        out.overdue_amount = Decimal::ZERO;
        out.overdue_principal = Decimal::ZERO;
        out.next_due_date = None;
        out.next_due_amount = Decimal::ZERO;
        out.days_until_due = None;
        out.remaining_balance = Decimal::ZERO;
        out.penalty_estimate = Some(Decimal::ZERO);
        if let Some(o) = out.outcome.as_mut() {
            o.settlement = Some(settled);
        }
    }
    out
}

/// The agreement (if any), promises and penalty payments on `today`, without the settlement.
fn evaluate(loan: &Loan, mut base: Ledger, today: NaiveDate, alert_days: u32) -> Ledger {
    let penalty_paid: Decimal = loan
        .penalty_payments
        .iter()
        .filter(|p| p.date <= today)
        .map(|p| p.amount)
        .sum();
    let promises = promises(loan, today);
    let agreement = loan
        .agreements
        .iter()
        .filter(|a| a.date <= today)
        .max_by_key(|a| a.date);
    let agreement = agreement.map(|a| with_agreement(loan, a, &mut base, today, alert_days));
    base.penalty_estimate = base
        .penalty_estimate
        .map(|p| (p - penalty_paid).max(Decimal::ZERO));
    base.outcome = Some(Box::new(Outcome {
        agreement,
        promises,
        settlement: None,
        penalty_paid,
    }));
    base
}

fn promises(loan: &Loan, today: NaiveDate) -> Vec<PromiseState> {
    loan.promises
        .iter()
        .map(|p| {
            // Money paid to settle is money paid: a promise it covers is kept.
            let settled = loan.settlement.iter().map(|s| (s.date, s.amount));
            let paid: Decimal = loan
                .payments
                .iter()
                .chain(&loan.penalty_payments)
                .map(|x| (x.date, x.amount))
                .chain(settled)
                .filter(|(d, _)| *d >= p.date && *d <= p.by && *d <= today)
                .map(|(_, a)| a)
                .sum();
            let status = if paid >= p.amount {
                PromiseStatus::Kept
            } else if today > p.by {
                PromiseStatus::Broken
            } else {
                PromiseStatus::Pending
            };
            PromiseState {
                promise: p.clone(),
                paid,
                status,
            }
        })
        .collect()
}

/// The agreement's installments: monthly from `from` on its day, `amount` each until `total` is
/// reached, the last taking what is left.
pub fn installments(a: &Agreement, total: Decimal) -> Vec<Installment> {
    let mut out = Vec::with_capacity(a.months as usize);
    let mut left = total;
    let day = chrono::Datelike::day(&a.from);
    for k in 0..a.months {
        if left <= Decimal::ZERO {
            break;
        }
        let amount = if k + 1 == a.months {
            left
        } else {
            a.amount.min(left)
        };
        left -= amount;
        let Some(due) = schedule::due_date(a.from, k, day) else {
            break;
        };
        out.push(Installment {
            n: k + 1,
            due_date: due,
            original_due: due,
            principal: amount,
            interest: Decimal::ZERO,
            fee: Decimal::ZERO,
            amount,
        });
    }
    out
}

fn state(inst: Installment, paid: Decimal, today: NaiveDate) -> InstallmentState {
    let status = if paid >= inst.amount {
        InstallmentStatus::Paid
    } else if inst.due_date < today {
        InstallmentStatus::Overdue
    } else if paid > Decimal::ZERO {
        InstallmentStatus::Partial
    } else {
        InstallmentStatus::Due
    };
    InstallmentState { inst, paid, status }
}

fn with_agreement(
    loan: &Loan,
    a: &Agreement,
    base: &mut Ledger,
    today: NaiveDate,
    alert_days: u32,
) -> AgreementState {
    let schedule: Vec<Installment> = base.installments.iter().map(|s| s.inst.clone()).collect();
    // The old schedule as it stood the day before the agreement: payments from `date` on are
    // the agreement's.
    let before = a.date.pred_opt().unwrap_or(a.date);
    let history = Ledger::compute(loan, schedule.clone(), before, alert_days);
    let owed_then = history.remaining_balance;
    let total = a.total.unwrap_or(owed_then);

    // The part of the old schedule the agreement does not cover, oldest first.
    let mut cover = total;
    let mut rest: Vec<Installment> = vec![];
    for s in &history.installments {
        let unpaid = s.unpaid();
        let take = cover.min(unpaid);
        cover -= take;
        let left = unpaid - take;
        if left > Decimal::ZERO {
            let mut inst = s.inst.clone();
            inst.amount = left;
            inst.principal = inst.principal.min(left);
            inst.interest = Decimal::ZERO.max(left - inst.principal).min(inst.interest);
            inst.fee = left - inst.principal - inst.interest;
            rest.push(inst);
        }
    }

    let after: Decimal = loan
        .payments
        .iter()
        .filter(|p| p.date >= a.date && p.date <= today)
        .map(|p| p.amount)
        .sum();
    let mut left = after;
    let mut spread = |list: Vec<Installment>| -> Vec<InstallmentState> {
        list.into_iter()
            .map(|inst| {
                let paid = left.min(inst.amount).max(Decimal::ZERO);
                left -= paid;
                state(inst, paid, today)
            })
            .collect()
    };
    let agreed = spread(installments(a, total));
    let rest = spread(rest);

    let open = || agreed.iter().chain(rest.iter());
    let overdue: Vec<&InstallmentState> = open()
        .filter(|s| s.status == InstallmentStatus::Overdue)
        .collect();
    let broken_since = agreed
        .iter()
        .filter(|s| s.status == InstallmentStatus::Overdue)
        .map(|s| s.inst.due_date)
        .min();
    let paid_count = agreed
        .iter()
        .filter(|s| s.status == InstallmentStatus::Paid)
        .count() as u32;
    let next_agreed = agreed
        .iter()
        .find(|s| s.status != InstallmentStatus::Paid && s.inst.due_date >= today)
        .map(|s| s.inst.due_date);
    let status = if paid_count as usize == agreed.len() {
        AgreementStatus::Done
    } else if broken_since.is_some() {
        AgreementStatus::Broken
    } else {
        AgreementStatus::Kept
    };

    base.oldest_overdue_due = overdue.iter().map(|s| s.inst.due_date).min();
    base.days_overdue = base
        .oldest_overdue_due
        .map(|d| (today - d).num_days())
        .unwrap_or(0);
    base.overdue_amount = overdue.iter().map(|s| s.unpaid()).sum();
    base.overdue_principal = overdue.iter().map(|s| s.unpaid_principal()).sum();
    let next = open()
        .filter(|s| s.status != InstallmentStatus::Paid && s.inst.due_date >= today)
        .min_by_key(|s| s.inst.due_date);
    base.next_due_date = next.map(|s| s.inst.due_date);
    base.next_due_amount = next.map(|s| s.unpaid()).unwrap_or(Decimal::ZERO);
    base.days_until_due = base.next_due_date.map(|d| (d - today).num_days());
    base.remaining_balance = open().map(|s| s.unpaid()).sum();
    base.total_paid = after;

    // The penalty: what was estimated the day before (unless waived), plus the penalty on what
    // is late now.
    let (pct, basis) = penalty_rate(loan, &schedule, true);
    let carried = if a.waive_penalty {
        Some(Decimal::ZERO)
    } else {
        history.penalty_estimate
    };
    let late = pct.map(|pct| {
        let rate = pct / Decimal::ONE_HUNDRED;
        round2(
            overdue
                .iter()
                .map(|s| s.unpaid() * rate * Decimal::from((today - s.inst.due_date).num_days()))
                .sum::<Decimal>(),
        )
    });
    base.penalty_estimate = match (carried, late) {
        (Some(c), Some(l)) => Some(c + l),
        (Some(c), None) if overdue.is_empty() => Some(c),
        _ => None,
    };
    base.penalty_percent_per_day = if overdue.is_empty() && carried == Some(Decimal::ZERO) {
        None
    } else {
        pct
    };
    base.penalty_basis = if pct.is_none() {
        PenaltyBasis::Unknown
    } else {
        basis
    };

    if base.remaining_balance.is_zero() {
        // The agreement settled the matter: a penalty the lender wanted would have been in it.
        base.penalty_estimate = Some(Decimal::ZERO);
    }
    base.status = if base.remaining_balance.is_zero() {
        LoanStatus::PaidOff
    } else if !overdue.is_empty() {
        LoanStatus::Overdue
    } else {
        LoanStatus::InAgreement
    };

    base.installments = agreed.iter().cloned().chain(rest).collect();
    AgreementState {
        agreement: a.clone(),
        total,
        history: history.installments,
        installments: agreed,
        paid_count,
        next_due_date: next_agreed,
        status,
        broken_since,
    }
}
