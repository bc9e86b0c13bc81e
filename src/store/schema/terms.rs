//! A loan's terms: a list of bills, one bill, or an amortized loan (principal, rate, method,
//! term, start date, due day, fee).

use chrono::Datelike;
use rust_decimal::Decimal;

use super::known::{self, MAX_TERM};
use super::walker::{Tab, Walker, item_span};
use crate::i18n::{phrases as ph, phrases::Need};
use crate::model::{Bill, LoanTerms, Method, Rate};

impl Walker<'_> {
    /// A loan's terms: a bill list (`installments`), one bill (`amount_due`, `due_date`), or
    /// an amortized loan.
    pub(super) fn terms(
        &mut self,
        tab: &Tab,
        rate: Option<Rate>,
        rate_given: bool,
    ) -> Option<LoanTerms> {
        if let Some(item) = tab.t.get("installments") {
            let base = tab.path.child("installments");
            let mut bills = vec![];
            for b in self.tables(item, &base) {
                self.unknown_keys(b.t, &b.path, known::BILL);
                let due = self.date(&b, "due");
                let amount = self.amount(&b, "amount", false);
                if !b.t.contains_key("due") {
                    self.missing(&b, "due", Need::BillDue);
                }
                if !b.t.contains_key("amount") {
                    self.missing(&b, "amount", Need::BillAmount);
                }
                if let (Some(due), Some(amount)) = (due, amount) {
                    bills.push(Bill { due, amount });
                }
            }
            Some(LoanTerms::Bills(bills))
        } else if tab.t.contains_key("amount_due") || tab.t.contains_key("due_date") {
            let amount = self.amount(tab, "amount_due", false);
            let due = self.date(tab, "due_date");
            if !tab.t.contains_key("amount_due") {
                self.missing(tab, "amount_due", Need::AmountDue);
            }
            if !tab.t.contains_key("due_date") {
                self.missing(tab, "due_date", Need::DueDate);
            }
            amount
                .zip(due)
                .map(|(amount, due)| LoanTerms::Bills(vec![Bill { due, amount }]))
        } else {
            self.amortized(tab, rate, rate_given)
        }
    }

    pub(super) fn amortized(
        &mut self,
        tab: &Tab,
        rate: Option<Rate>,
        rate_given: bool,
    ) -> Option<LoanTerms> {
        let principal = self.amount(tab, "principal", false);
        let method = match self.str(tab, "method") {
            Some(m) => match Method::from_key(m) {
                Some(m) => Some(m),
                None => {
                    let span = tab.t.get("method").and_then(item_span);
                    let all: Vec<&str> = Method::ALL.iter().map(|m| m.key()).collect();
                    self.err(
                        span,
                        &format!("{}.method", tab.path),
                        ph::unknown_method(m, &all),
                    );
                    None
                }
            },
            None => None,
        };
        let term = self.integer(tab, "term", 1, i64::from(MAX_TERM));
        let start_date = self.date(tab, "start_date");
        let due_day = match tab.t.get("due_day") {
            Some(_) => self.integer(tab, "due_day", 1, 31),
            None => start_date.map(|d| d.day()),
        };
        let fee_rate = self.percent(tab, "fee_rate", 100);
        for key in ["principal", "method", "term", "start_date"] {
            if !tab.t.contains_key(key) {
                self.missing(tab, key, Need::LoanTerms);
            }
        }
        // A fixed_fee loan is priced by its fee (its true APR comes from the schedule): it needs
        // no rate, and its schedule uses none.
        let fixed_fee = method == Some(Method::FixedFee);
        let rate = match rate {
            None if fixed_fee && !rate_given => Some(Rate::Annual(Decimal::ZERO)),
            r => r,
        };
        if !rate_given && !fixed_fee {
            self.missing(tab, "annual_rate", Need::Rate);
        }
        if method == Some(Method::FixedFee) && !tab.t.contains_key("fee_rate") {
            self.missing(tab, "fee_rate", Need::FeeRate);
        }
        Some(LoanTerms::Amortized {
            principal: principal?,
            rate: rate?,
            method: method?,
            term: term?,
            start_date: start_date?,
            due_day: due_day?,
            fee_rate,
            shift_days: 0,
        })
    }
}
