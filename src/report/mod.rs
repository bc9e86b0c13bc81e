//! Non-interactive outputs. Each report is a pure function of the portfolio and the day.

pub mod advice;
pub mod check;
pub mod complaint;
pub mod ics;
pub mod letter;
pub mod notice;
pub mod plan;
pub mod recorded;
pub mod schedule;
pub mod status;
pub mod table;

use chrono::NaiveDate;

use crate::engine::LoanView;
use crate::i18n::Lang;
use crate::knowledge::Policies;
use crate::model::{Loan, Portfolio};

/// What every report needs: the data, the policies, the day and the language.
pub struct Context<'a> {
    pub portfolio: &'a Portfolio,
    pub policies: &'a Policies,
    pub today: NaiveDate,
    pub lang: Lang,
}

impl<'a> Context<'a> {
    pub fn view(&self, loan: &'a Loan) -> LoanView<'a> {
        LoanView::compute(
            loan,
            self.policies.get(&loan.platform),
            self.today,
            self.portfolio.settings.alert_days,
        )
    }

    /// Every loan, most urgent first (the order of `check`).
    pub fn views(&self) -> Vec<LoanView<'a>> {
        let mut v: Vec<LoanView<'a>> = self.portfolio.loans.iter().map(|l| self.view(l)).collect();
        v.sort_by(crate::engine::urgency_order);
        v
    }

    pub fn display_name(&self, loan: &Loan) -> String {
        display_name(loan, self.policies)
    }
}

/// The loan's name, else platform name + product.
pub fn display_name(loan: &Loan, policies: &Policies) -> String {
    if let Some(n) = &loan.name {
        return n.clone();
    }
    let platform = &policies.get(&loan.platform).name;
    match &loan.product {
        Some(p) => format!("{platform}{p}"),
        None => platform.clone(),
    }
}
