//! Pure functions over the model: no I/O, no terminal. Everything is computed for a given `today`.

pub mod agreement;
pub mod cashflow;
pub mod complaint;
pub mod escalation;
pub mod ledger;
pub mod notice;
pub mod plan;
pub mod proposal;
pub mod rate;
pub mod schedule;

pub use escalation::{Escalation, Milestone, Situation};
pub use ledger::{InstallmentState, InstallmentStatus, Ledger, LoanStatus};
pub use schedule::Installment;

use chrono::NaiveDate;

use crate::model::{Loan, Policy};

/// Everything the reports and the dashboard need to know about one loan on one day.
#[derive(Debug, Clone)]
pub struct LoanView<'a> {
    pub loan: &'a Loan,
    pub policy: &'a Policy,
    pub ledger: Ledger,
    pub escalation: Escalation,
}

impl<'a> LoanView<'a> {
    pub fn compute(loan: &'a Loan, policy: &'a Policy, today: NaiveDate, alert_days: u32) -> Self {
        let installments = schedule::installments(loan);
        let ledger = Ledger::compute(loan, installments, today, alert_days);
        let ledger = agreement::apply(loan, ledger, today, alert_days);
        let escalation = Escalation::compute(loan, policy, &ledger, today);
        LoanView {
            loan,
            policy,
            ledger,
            escalation,
        }
    }

    pub fn situation(&self) -> Situation {
        self.escalation.situation(&self.ledger)
    }
}

/// What every loan's pending promises still ask for: money already committed, which the planner
/// and the call script's budget set aside before they share out the rest.
pub fn committed(views: &[LoanView]) -> rust_decimal::Decimal {
    views
        .iter()
        .filter_map(|v| v.ledger.outcome.as_deref())
        .map(agreement::Outcome::committed)
        .sum()
}

/// The order of `check`: overdue by days until emergency contact, then due-soon and current by
/// days until due, then paid off. Ties keep the file's order.
pub fn urgency_order(a: &LoanView, b: &LoanView) -> std::cmp::Ordering {
    fn rank(v: &LoanView) -> (u8, i64) {
        match v.ledger.status {
            LoanStatus::Overdue => (0, v.escalation.days_until_emergency_contact.unwrap_or(0)),
            LoanStatus::DueSoon
            | LoanStatus::Current
            | LoanStatus::NotDrawn
            | LoanStatus::InAgreement => (1, v.ledger.days_until_due.unwrap_or(i64::MAX)),
            LoanStatus::PaidOff | LoanStatus::Settled => (2, 0),
        }
    }
    rank(a).cmp(&rank(b))
}
