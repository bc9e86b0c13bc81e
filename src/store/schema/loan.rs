//! `[[loan]]`: each loan's id (well formed, once), its platform, rates and budget, and the
//! parts read by the files beside this one (its terms, contacts, payments, log, agreements).

use std::ops::Range;

use rust_decimal::Decimal;
use toml::de::DeValue;

use super::super::overpaid;
use super::document::Node;
use super::known::{self, MAX_DAY};
use super::walker::{KeyPath, Tab, Walker, item_span};
use crate::i18n::{phrases as ph, phrases::Need};
use crate::model::{Loan, LoanTerms, Method, Policy, Rate};

pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl Walker<'_> {
    pub(super) fn loans(&mut self, item: &Node, policies: &[&Policy], currency: &str) -> Vec<Loan> {
        let mut out: Vec<Loan> = vec![];
        // A set: a linear search made 10,000 loans quadratic.
        // Borrowed from the document, and sized once: copying and rehashing showed at 10,000 loans.
        let mut seen: std::collections::HashSet<&str> = Default::default();
        let base = KeyPath::root("loan");
        let tabs = self.tables(item, &base);
        seen.reserve(tabs.len());
        for tab in tabs {
            let id = match self.str(&tab, "id") {
                Some(id) => {
                    if !valid_id(id) {
                        let span = tab.t.get("id").and_then(item_span);
                        self.err(span, &format!("{}.id", tab.path), ph::id_malformed(id));
                    } else if !seen.insert(id) {
                        let span = tab.t.get("id").and_then(item_span);
                        self.err(span, &format!("{}.id", tab.path), ph::id_duplicate(id));
                    }
                    Some(id.to_string())
                }
                None => {
                    if tab.t.get("id").is_none() {
                        self.missing(&tab, "id", Need::LoanId);
                    }
                    None
                }
            };
            if let Some(loan) = self.loan(&tab, id, policies) {
                self.overpaid(&tab, &loan, currency);
                out.push(loan);
            }
        }
        out
    }

    /// Warn at each payment that pays more than the loan owed on its day (see `store::overpaid`).
    pub(super) fn overpaid(&mut self, tab: &Tab, loan: &Loan, currency: &str) {
        let found = overpaid::overpaid(loan);
        if found.is_empty() {
            return;
        }
        // The payments that were read are the array's tables in order (a payment left out for a
        // missing field is an error, and then no warning matters).
        let spans: Vec<Option<Range<usize>>> = match tab.t.get("payments").map(|i| i.get_ref()) {
            Some(DeValue::Array(arr)) => arr
                .iter()
                .filter_map(|v| v.get_ref().as_table().map(|t| (v, t)))
                .map(|(v, t)| t.get("amount").and_then(item_span).or(Some(v.span())))
                .collect(),
            _ => Vec::new(),
        };
        let m = |d: Decimal| format!("{currency}{}", crate::money::grouped(d));
        for o in found {
            let penalty = (!o.penalty.is_zero()).then(|| (m(o.unpaid), m(o.penalty)));
            let msg = crate::i18n::trust::payment_beyond_owed_in_file(
                &m(o.amount),
                &m(o.owed),
                &m(o.amount - o.owed),
                penalty.as_ref().map(|(u, p)| (u.as_str(), p.as_str())),
            );
            let span = spans.get(o.index).cloned().flatten();
            let key = format!("{}.payments[{}].amount", tab.path, o.index + 1);
            self.warn(span, &key, msg);
        }
    }

    pub(super) fn loan(
        &mut self,
        tab: &Tab,
        id: Option<String>,
        policies: &[&Policy],
    ) -> Option<Loan> {
        self.unknown_keys(tab.t, &tab.path, known::LOAN);
        let name = self.string(tab, "name");
        let product = self.string(tab, "product");
        let platform_written = self
            .string(tab, "platform")
            .unwrap_or_else(|| "generic".to_string());
        let platform = match policies.iter().find(|p| p.answers_to(&platform_written)) {
            Some(p) => p.key.clone(),
            None => {
                let span = tab.t.get("platform").and_then(item_span);
                self.warn(
                    span,
                    &format!("{}.platform", tab.path),
                    ph::unknown_platform(&platform_written),
                );
                "generic".to_string()
            }
        };
        let annual = self.percent(tab, "annual_rate", 1000);
        let daily = self.percent(tab, "daily_rate", 100);
        let rate = match (annual, daily) {
            (Some(_), Some(_)) => {
                let span = tab.t.get("daily_rate").and_then(item_span);
                self.err(span, &format!("{}.daily_rate", tab.path), ph::both_rates());
                None
            }
            (Some(a), None) => Some(Rate::Annual(a)),
            (None, Some(d)) => Some(Rate::Daily(d)),
            (None, None) => None,
        };
        let rate_given = tab.t.contains_key("annual_rate") || tab.t.contains_key("daily_rate");
        let penalty_rate = self.percent(tab, "penalty_rate", 100);
        let emergency_contact_after_days =
            self.integer(tab, "emergency_contact_after_days", 0, MAX_DAY);
        let monthly_budget = self.amount(tab, "monthly_budget", false);
        let hardship = self.string(tab, "hardship");
        let contacts = self.contacts(tab);
        let (payments, penalty_payments) = self.payments(tab);
        let log = self.log(tab);
        let archived = match self.value(tab, "archived") {
            Some(v) => match v.get_ref().as_bool() {
                Some(b) => b,
                None => {
                    self.err(
                        item_span(v),
                        &format!("{}.archived", tab.path),
                        crate::i18n::loansin::archived_not_bool(),
                    );
                    false
                }
            },
            None => false,
        };
        let agreements = self.agreements(tab);
        let promises = self.promises(tab);
        let settlement = self.settlement(tab);

        let terms = self.terms(tab, rate, rate_given);

        let count = match &terms {
            Some(LoanTerms::Bills(b)) => b.len() as u32,
            Some(LoanTerms::Amortized {
                method: Method::Bullet,
                ..
            }) => 1,
            Some(LoanTerms::Amortized { term, .. }) => *term,
            None => u32::MAX,
        };
        let extensions = self.extensions(tab, count);
        let bill_rate = match terms {
            Some(LoanTerms::Bills(_)) => rate,
            _ => None,
        };
        Some(Loan {
            id: id?,
            name,
            platform,
            platform_written,
            product,
            terms: terms?,
            bill_rate,
            penalty_rate,
            emergency_contact_after_days,
            monthly_budget,
            hardship,
            contacts,
            payments,
            extensions,
            log,
            archived,
            penalty_payments,
            agreements,
            promises,
            settlement,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::valid_id;
    use rust_decimal_macros::dec;

    #[test]
    fn an_id_is_ascii_letters_digits_dashes_and_underscores() {
        assert!(valid_id("a-1_B"));
        for bad in ["", "a b", "贷", "a.b"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn each_bad_loan_key_is_found() {
        let src = "[[loan]]\nid = \"a b\"\namount_due = 1\ndue_date = 2026-01-01\n\n[[loan]]\nid = \"x\"\namount_due = 1\ndue_date = 2026-01-01\n\n[[loan]]\nid = \"x\"\namount_due = 1\ndue_date = 2026-01-01\narchived = \"yes\"\n\n[[loan]]\namount_due = 1\ndue_date = 2026-01-01\nannual_rate = 10\ndaily_rate = 0.05\n";
        assert_eq!(
            problems(src),
            [
                at(2, 6, "loan[1].id"),
                at(12, 6, "loan[3].id"),
                at(15, 12, "loan[3].archived"),
                at(17, 1, "loan[4].id"),
                at(21, 14, "loan[4].daily_rate"),
            ]
        );
    }

    #[test]
    fn an_unknown_platform_and_an_overpayment_are_warnings() {
        let src = "[[loan]]\nid = \"a\"\nplatform = \"nowhere\"\namount_due = 100\ndue_date = 2026-01-01\npayments = [{ date = 2026-01-01, amount = 150 }]\n";
        let (p, w) = accepted(src);
        let loan = &p.loans[0];
        assert_eq!(
            (loan.platform.as_str(), loan.platform_written.as_str()),
            ("generic", "nowhere")
        );
        assert_eq!(loan.payments[0].amount, dec!(150));
        assert_eq!(
            w,
            [
                at(3, 12, "loan[1].platform"),
                at(6, 43, "loan[1].payments[1].amount")
            ]
        );
    }
}
