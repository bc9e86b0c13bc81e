//! One loan's schedule as both faces show it: every installment with what is paid, the totals,
//! the APR and the escalation stages with the basis of their days. `schedule` prints it (text or
//! JSON); the dashboard's schedule view draws the same rows and totals.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{apr, cost_totals};
use crate::engine::{Escalation, InstallmentStatus, Ledger, Milestone};
use crate::i18n::Lang;
use crate::model::{Loan, LoanTerms};
use crate::money;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub n: u32,
    pub due_date: NaiveDate,
    #[serde(with = "money::as_plain")]
    pub principal: Decimal,
    #[serde(with = "money::as_plain")]
    pub interest: Decimal,
    #[serde(with = "money::as_plain")]
    pub fee: Decimal,
    #[serde(with = "money::as_plain")]
    pub amount: Decimal,
    #[serde(with = "money::as_plain")]
    pub paid: Decimal,
    pub status: InstallmentStatus,
}

/// What `schedule --json` prints, field for field; the fields after `stages` are for the text
/// and the dashboard only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleFacts {
    pub id: String,
    /// One of the five methods, or "bills" for a listed bill plan.
    pub method: String,
    /// The amount borrowed; for a bill list, the bills added up.
    #[serde(with = "money::as_plain")]
    pub principal: Decimal,
    /// Nominal annual rate by IRR, percent, two decimals; null for a bill list.
    #[serde(with = "money::as_plain_opt")]
    pub apr: Option<Decimal>,
    #[serde(with = "money::as_plain")]
    pub total_interest: Decimal,
    #[serde(with = "money::as_plain")]
    pub total_fee: Decimal,
    pub installments: Vec<Row>,
    /// The agreement's installments (empty without an agreement), the same fields as
    /// `installments`; the original schedule above stays as it stood the day before it.
    pub agreement_installments: Vec<Row>,
    /// The escalation stages with their days and basis, in the order they may come (by day, a
    /// stage with no day last); empty once paid off.
    pub stages: Vec<Milestone>,
    /// A listed bill plan rather than a loan with terms: its principal is the bills' sum.
    #[serde(skip)]
    pub bills: bool,
    /// Everything paid so far.
    #[serde(skip)]
    pub paid: Decimal,
}

impl ScheduleFacts {
    pub fn of(loan: &Loan, ledger: &Ledger, escalation: &Escalation) -> ScheduleFacts {
        let row = |s: &crate::engine::InstallmentState| Row {
            n: s.inst.n,
            due_date: s.inst.due_date,
            principal: s.inst.principal,
            interest: s.inst.interest,
            fee: s.inst.fee,
            amount: s.inst.amount,
            paid: s.paid,
            status: s.status,
        };
        let agreement_installments = super::outcome::agreement(ledger)
            .map(|a| a.installments.iter().map(row).collect())
            .unwrap_or_default();
        // With an agreement, the original schedule as it stood the day before it.
        let settled = super::outcome::of(ledger).and_then(|o| o.settlement.as_ref());
        let original = super::outcome::agreement(ledger)
            .map(|a| &a.history)
            .or(settled.map(|s| &s.history))
            .unwrap_or(&ledger.installments);
        let installments = original
            .iter()
            .map(|s| Row {
                n: s.inst.n,
                due_date: s.inst.due_date,
                principal: s.inst.principal,
                interest: s.inst.interest,
                fee: s.inst.fee,
                amount: s.inst.amount,
                paid: s.paid,
                status: s.status,
            })
            .collect();
        let (method, principal, bills) = match &loan.terms {
            LoanTerms::Amortized {
                principal, method, ..
            } => (method.key().to_string(), *principal, false),
            LoanTerms::Bills(b) => ("bills".to_string(), b.iter().map(|b| b.amount).sum(), true),
        };
        let (total_interest, total_fee) = cost_totals(ledger);
        let stages: Vec<Milestone> = if ledger.status.is_closed() {
            Vec::new()
        } else {
            escalation.milestones.clone()
        };
        ScheduleFacts {
            id: loan.id.clone(),
            method,
            principal,
            apr: apr(loan, ledger).0,
            total_interest,
            total_fee,
            installments,
            agreement_installments,
            stages,
            bills,
            // With an agreement the ledger counts from its date; what was paid before is in
            // the history.
            paid: ledger.total_paid
                + super::outcome::agreement(ledger)
                    .map(|a| a.history.iter().map(|s| s.paid).sum::<Decimal>())
                    .unwrap_or_default(),
        }
    }
}

/// The installment table's column titles, for both faces.
pub fn columns(lang: Lang) -> [&'static str; 8] {
    [
        "#",
        lang.tr("present.schedule.due"),
        lang.tr("present.schedule.principal"),
        lang.tr("present.schedule.interest"),
        lang.tr("present.schedule.fee"),
        lang.tr("present.schedule.amount"),
        lang.tr("common.paid"),
        lang.tr("common.status"),
    ]
}

/// A stage's dates: the earliest, or "earliest~later" where the reports disagree.
pub fn stage_date(st: &Milestone) -> String {
    match (st.date, st.date_typical) {
        (Some(d), Some(t)) => format!("{d}~{t}"),
        (Some(d), None) => d.to_string(),
        _ => "—".into(),
    }
}

/// A stage's overdue day(s), as a count of days late.
pub fn stage_day(lang: Lang, st: &Milestone) -> String {
    match (st.day, st.day_typical) {
        (Some(d), Some(t)) => lang.trf("present.schedule.day_d_t", &[("d", &d), ("t", &t)]),
        (Some(d), None) => lang.trf("present.schedule.day_d", &[("d", &d)]),
        _ => lang.tr("present.schedule.no_day_given").to_string(),
    }
}
