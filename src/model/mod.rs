//! Plain data read from the loans file. No I/O here: `store` builds these, `engine` reads them.

mod edit;
mod loan;
mod policy;
mod settings;
pub mod words;

pub use edit::Edit;
pub use loan::*;
pub use policy::*;
pub use settings::*;

/// Everything one loans file holds, after validation.
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    pub settings: Settings,
    pub loans: Vec<Loan>,
    /// Platforms the user defined or overrode in `[platforms.*]`.
    pub platforms: Vec<Policy>,
}

impl Portfolio {
    /// Leave out the archived loans: what every output but `check --all` and a loan named by its
    /// id shows.
    pub fn drop_archived(&mut self) {
        self.loans.retain(|l| !l.archived);
    }

    pub fn loan(&self, id: &str) -> Option<&Loan> {
        self.loans.iter().find(|l| l.id == id)
    }

    /// Move every date by `days`: used to keep the embedded demo current whatever today is.
    pub fn shift_dates(&mut self, days: i64) {
        let shift = |d: &mut chrono::NaiveDate| {
            if let Some(n) = d.checked_add_signed(chrono::Duration::days(days)) {
                *d = n;
            }
        };
        for loan in &mut self.loans {
            match &mut loan.terms {
                LoanTerms::Amortized {
                    start_date,
                    shift_days,
                    ..
                } => {
                    shift(start_date);
                    *shift_days += days;
                }
                LoanTerms::Bills(bills) => bills.iter_mut().for_each(|b| shift(&mut b.due)),
            }
            loan.payments.iter_mut().for_each(|p| shift(&mut p.date));
            loan.extensions.iter_mut().for_each(|e| shift(&mut e.due));
            loan.log.iter_mut().for_each(|e| shift(&mut e.date));
            loan.penalty_payments
                .iter_mut()
                .for_each(|p| shift(&mut p.date));
            for a in &mut loan.agreements {
                shift(&mut a.date);
                shift(&mut a.from);
            }
            for p in &mut loan.promises {
                shift(&mut p.date);
                shift(&mut p.by);
            }
            if let Some(s) = &mut loan.settlement {
                shift(&mut s.date);
            }
        }
    }
}
