//! What a new loan will cost, shown before it is written (`repaydash add`, the dashboard's `N`
//! form): its first installments, what is repaid in all, the interest and fees, and the true
//! annual rate by IRR, the same figures `schedule` shows once the loan is in.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{apr, cost_totals};
use crate::engine::{Installment, Ledger, schedule};
use crate::i18n::{Lang, Text, loansin as lt};
use crate::model::{Loan, LoanTerms};
use crate::money::grouped;

/// How many installments the preview lists before "… N more".
pub const FIRST: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The method in words, or "a list of bills".
    pub method: Text,
    pub first: Vec<Installment>,
    pub count: usize,
    /// Everything repaid over the schedule.
    pub repaid: Decimal,
    /// Interest and fees over the schedule; None for a bill list (its bills do not say).
    pub cost: Option<Decimal>,
    /// Monthly IRR × 12, percent; None for a bill list.
    pub apr: Option<Decimal>,
}

impl Preview {
    pub fn of(loan: &Loan, today: NaiveDate) -> Preview {
        let ledger = Ledger::compute(loan, schedule::installments(loan), today, 0);
        let (interest, fee) = cost_totals(&ledger);
        let repaid = ledger.installments.iter().map(|s| s.inst.amount).sum();
        let method = match &loan.terms {
            LoanTerms::Amortized { method, .. } => lt::method(*method),
            LoanTerms::Bills(_) => lt::bills_method(),
        };
        Preview {
            method,
            first: ledger
                .installments
                .iter()
                .take(FIRST)
                .map(|s| s.inst.clone())
                .collect(),
            count: ledger.installments.len(),
            repaid,
            cost: match &loan.terms {
                LoanTerms::Amortized { .. } => Some(interest + fee),
                LoanTerms::Bills(_) => None,
            },
            apr: apr(loan, &ledger).0,
        }
    }

    /// The preview as lines of text, for the CLI and the dashboard's form alike.
    pub fn lines(&self, name: &str, lang: Lang, cur: &str) -> Vec<String> {
        self.lines_showing(FIRST, name, lang, cur)
    }

    /// `lines` with at most `rows` installments listed (a small screen).
    pub fn lines_showing(&self, rows: usize, name: &str, lang: Lang, cur: &str) -> Vec<String> {
        let m = |d: Decimal| format!("{cur}{}", grouped(d));
        let mut out = vec![
            lt::preview_head(name, &self.method, self.count)
                .get(lang)
                .to_string(),
        ];
        let shown = self.first.len().min(rows);
        for i in self.first.iter().take(shown) {
            out.push(format!("  {:>3}  {}  {:>12}", i.n, i.due_date, m(i.amount)));
        }
        if self.count > shown {
            out.push(format!(
                "  {}",
                lt::preview_more(self.count - shown).get(lang)
            ));
        }
        let apr = self.apr.map(|a| a.round_dp(2).to_string());
        out.push(
            lt::preview_totals(&m(self.repaid), self.cost.map(m).as_deref(), apr.as_deref())
                .get(lang)
                .to_string(),
        );
        out
    }
}
