//! A payment written by hand that pays more than the loan owed on its day: the excess would go
//! to no installment and vanish from every figure, so reading the file warns about it, with the
//! amounts, as `pay` refuses it.

use rust_decimal::Decimal;

use crate::engine::ledger::Ledger;
use crate::engine::schedule;
use crate::model::{Loan, LoanTerms};

/// One payment beyond what was owed on its day.
#[derive(Debug, Clone, PartialEq)]
pub struct Overpaid {
    /// Its position in `loan.payments`.
    pub index: usize,
    pub amount: Decimal,
    /// Everything owed that day: the unpaid installments and the estimated penalty.
    pub owed: Decimal,
    pub unpaid: Decimal,
    pub penalty: Decimal,
}

/// The loan's payments that each pay more than was owed on their day (after the payments before
/// them), in date order.
pub fn overpaid(loan: &Loan) -> Vec<Overpaid> {
    let total: Decimal = loan.payments.iter().map(|p| p.amount).sum();
    // Installments never total less than the principal (or the bills), so a loan paid no more
    // than that has no excess: most loans stop here, without a schedule.
    let floor = match &loan.terms {
        LoanTerms::Amortized { principal, .. } => *principal,
        LoanTerms::Bills(bills) => bills.iter().map(|b| b.amount).sum(),
    };
    if total <= floor {
        return Vec::new();
    }
    let installments = schedule::installments(loan);
    if total <= installments.iter().map(|i| i.amount).sum() {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..loan.payments.len()).collect();
    order.sort_by_key(|&i| loan.payments[i].date);
    let mut before = loan.clone();
    before.payments.clear();
    let mut out = Vec::new();
    for i in order {
        let p = &loan.payments[i];
        let ledger = Ledger::compute(&before, installments.clone(), p.date, 0);
        let penalty = ledger.penalty_estimate.unwrap_or_default();
        let owed = ledger.remaining_balance + penalty;
        if p.amount > owed {
            out.push(Overpaid {
                index: i,
                amount: p.amount,
                owed,
                unpaid: ledger.remaining_balance,
                penalty,
            });
        }
        before.payments.push(p.clone());
    }
    out
}
