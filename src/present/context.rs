//! What every builder that works from one loan's engine view needs: the data, the policies, the
//! day and the language. Both faces make one (the dashboard on its what-if day).

use chrono::NaiveDate;

use super::snapshot::{Snapshot, display_name};
use crate::engine::LoanView;
use crate::engine::proposal::{self, Proposal};
use crate::i18n::Lang;
use crate::knowledge::Policies;
use crate::model::{Loan, Portfolio};

/// The data, the policies, the day and the language: what the builders here work from, for the
/// CLI's reports and the dashboard's documents alike.
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

    /// What the owner of `view`'s loan can promise its lender: its share of the monthly budget
    /// over all the loans in the file, on the context's day.
    pub fn proposal(&self, view: &LoanView) -> Proposal {
        let views: Vec<LoanView> = self.portfolio.loans.iter().map(|l| self.view(l)).collect();
        let budget = self.portfolio.settings.monthly_budget;
        proposal::proposal(&views, &view.loan.id, budget).unwrap_or_else(|| {
            // Not one of the file's loans (a what-if copy): it has the budget to itself.
            proposal::proposals(std::slice::from_ref(view), budget).remove(0)
        })
    }

    /// The snapshot of every loan on the context's day: what `check` and `status` format.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::build(self.portfolio, self.policies, self.today, self.lang)
    }

    pub fn display_name(&self, loan: &Loan) -> String {
        display_name(loan, self.policies, self.lang)
    }
}
