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

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{Bill, LoanTerms, Method, Rate};
    use rust_decimal_macros::dec;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn terms_are_bills_one_bill_or_amortized() {
        let src = "[[loan]]\nid = \"a\"\nprincipal = 12_000\nannual_rate = 18\nmethod = \"equal_installment\"\nterm = 12\nstart_date = 2026-03-15\n\n[[loan]]\nid = \"b\"\ninstallments = [\n  { due = 2026-01-10, amount = 100 },\n  { due = 2026-02-10, amount = \"100.50\" },\n]\n\n[[loan]]\nid = \"c\"\namount_due = 1100.16\ndue_date = 2026-12-18\n";
        let (p, _) = accepted(src);
        assert_eq!(
            p.loans[0].terms,
            LoanTerms::Amortized {
                principal: dec!(12000),
                rate: Rate::Annual(dec!(18)),
                method: Method::EqualInstallment,
                term: 12,
                start_date: day("2026-03-15"),
                due_day: 15,
                fee_rate: None,
                shift_days: 0,
            }
        );
        let bill = |due: &str, amount| Bill {
            due: day(due),
            amount,
        };
        assert_eq!(
            p.loans[1].terms,
            LoanTerms::Bills(vec![
                bill("2026-01-10", dec!(100)),
                bill("2026-02-10", dec!(100.50))
            ])
        );
        assert_eq!(
            p.loans[2].terms,
            LoanTerms::Bills(vec![bill("2026-12-18", dec!(1100.16))])
        );
    }

    #[test]
    fn a_fixed_fee_loan_needs_its_fee_not_a_rate() {
        let src = "[[loan]]\nid = \"f\"\nprincipal = 1000\nmethod = \"fixed_fee\"\nterm = 6\nstart_date = 2026-01-31\n";
        assert_eq!(problems(src), [at(1, 1, "loan[1].fee_rate")]);
        let (p, _) = accepted(&format!("{src}fee_rate = 0.6\n"));
        let LoanTerms::Amortized { rate, fee_rate, .. } = &p.loans[0].terms else {
            panic!("not amortized");
        };
        assert_eq!((*rate, *fee_rate), (Rate::Annual(dec!(0)), Some(dec!(0.6))));
    }

    #[test]
    fn each_bad_term_is_found() {
        let src = "[[loan]]\nid = \"m\"\nprincipal = 1000\nannual_rate = 10\nmethod = \"annuity\"\nterm = 0\nstart_date = 2026-01-31\n\n[[loan]]\nid = \"n\"\namount_due = 5\n\n[[loan]]\nid = \"o\"\ninstallments = [{ due = 2026-01-10 }]\n";
        assert_eq!(
            problems(src),
            [
                at(5, 10, "loan[1].method"),
                at(6, 8, "loan[1].term"),
                at(9, 1, "loan[2].due_date"),
                at(15, 1, "loan[3].installments[1].amount"),
            ]
        );
    }
}
