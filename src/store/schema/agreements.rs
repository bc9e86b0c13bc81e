//! What was agreed with the lender: `agreements`, `promises` and a `settlement`.

use super::known::{self, MAX_TERM};
use super::walker::{Tab, Walker, item_span};
use crate::i18n::{outcome, phrases as ph};
use crate::model::{Agreement, Promise, Settlement};

impl Walker<'_> {
    pub(super) fn agreements(&mut self, tab: &Tab) -> Vec<Agreement> {
        let Some(item) = tab.t.get("agreements") else {
            return vec![];
        };
        let base = tab.path.child("agreements");
        let mut out = vec![];
        for a in self.tables(item, &base) {
            self.unknown_keys(a.t, &a.path, known::AGREEMENT);
            let date = self.date(&a, "date");
            let from = self.date(&a, "from");
            let months = self.integer(&a, "months", 1, i64::from(MAX_TERM));
            let amount = self.amount(&a, "amount", false);
            let total = self.amount(&a, "total", false);
            let stop_interest = self.boolean(&a, "stop_interest");
            let waive_penalty = self.boolean(&a, "waive_penalty");
            let reference = self.string(&a, "ref").filter(|r| !r.trim().is_empty());
            let text = self.string(&a, "text").filter(|r| !r.trim().is_empty());
            for key in ["date", "from", "months", "amount"] {
                if !a.t.contains_key(key) {
                    let need = outcome::agreement_needs(key);
                    self.missing_text(&a, key, need);
                }
            }
            self.not_before(&a, "from", from, "date", date);
            if let (Some(date), Some(from), Some(months), Some(amount)) =
                (date, from, months, amount)
                && from >= date
            {
                out.push(Agreement {
                    date,
                    from,
                    months,
                    amount,
                    total,
                    stop_interest,
                    waive_penalty,
                    reference,
                    text,
                });
            }
        }
        out
    }

    pub(super) fn promises(&mut self, tab: &Tab) -> Vec<Promise> {
        let Some(item) = tab.t.get("promises") else {
            return vec![];
        };
        let base = tab.path.child("promises");
        let mut out = vec![];
        for p in self.tables(item, &base) {
            self.unknown_keys(p.t, &p.path, known::PROMISE);
            let date = self.date(&p, "date");
            let by = self.date(&p, "by");
            let amount = self.amount(&p, "amount", false);
            let to = self.string(&p, "to").filter(|r| !r.trim().is_empty());
            let text = self.string(&p, "text").filter(|r| !r.trim().is_empty());
            for key in ["date", "by", "amount"] {
                if !p.t.contains_key(key) {
                    let need = outcome::promise_needs(key);
                    self.missing_text(&p, key, need);
                }
            }
            self.not_before(&p, "by", by, "date", date);
            if let (Some(date), Some(by), Some(amount)) = (date, by, amount)
                && by >= date
            {
                out.push(Promise {
                    date,
                    by,
                    amount,
                    to,
                    text,
                });
            }
        }
        out
    }

    pub(super) fn settlement(&mut self, tab: &Tab) -> Option<Settlement> {
        let item = tab.t.get("settlement")?;
        let path = tab.path.child("settlement");
        let Some(t) = item.get_ref().as_table() else {
            self.err(
                item_span(item),
                &path.to_string(),
                ph::must_be_table(&path.to_string()),
            );
            return None;
        };
        let s = Tab {
            t,
            span: item_span(item),
            path,
        };
        self.unknown_keys(t, &s.path, known::SETTLEMENT);
        let date = self.date(&s, "date");
        let amount = self.amount(&s, "amount", false);
        let reference = self.string(&s, "ref").filter(|r| !r.trim().is_empty());
        for key in ["date", "amount"] {
            if !t.contains_key(key) {
                let need = outcome::settlement_needs(key);
                self.missing_text(&s, key, need);
            }
        }
        Some(Settlement {
            date: date?,
            amount: amount?,
            reference,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use rust_decimal_macros::dec;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_agreement_a_promise_and_a_settlement_are_read() {
        let src = "[[loan]]\nid = \"a\"\nprincipal = 12000\nannual_rate = 18\nmethod = \"equal_installment\"\nterm = 12\nstart_date = 2026-03-15\n\n[[loan.agreements]]\ndate = 2026-06-01\nfrom = 2026-06-15\nmonths = 6\namount = 1500\nstop_interest = true\nref = \"A-1\"\ntext = \" \"\n\n[[loan.promises]]\ndate = 2026-06-01\nby = 2026-06-10\namount = 300\nto = \"客服\"\n\n[loan.settlement]\ndate = 2026-09-01\namount = 5000\n";
        let (p, _) = accepted(src);
        let l = &p.loans[0];
        let a = &l.agreements[0];
        assert_eq!(
            (a.date, a.from, a.months),
            (day("2026-06-01"), day("2026-06-15"), 6)
        );
        assert_eq!((a.amount, a.total), (dec!(1500), None));
        assert_eq!((a.stop_interest, a.waive_penalty), (true, false));
        assert_eq!(
            (a.reference.as_deref(), a.text.as_deref()),
            (Some("A-1"), None)
        );
        let pr = &l.promises[0];
        assert_eq!(
            (pr.by, pr.amount, pr.to.as_deref()),
            (day("2026-06-10"), dec!(300), Some("客服"))
        );
        let s = l.settlement.as_ref().unwrap();
        assert_eq!(
            (s.date, s.amount, s.reference.as_deref()),
            (day("2026-09-01"), dec!(5000), None)
        );
    }

    #[test]
    fn each_bad_agreement_or_promise_is_found() {
        let src = "[[loan]]\nid = \"a\"\namount_due = 500\ndue_date = 2026-01-10\n\n[[loan.agreements]]\ndate = 2026-06-01\nfrom = 2026-05-01\namount = 100\nwaive_penalty = \"yes\"\n\n[[loan.promises]]\ndate = 2026-06-01\nby = 2026-05-31\namount = 10\n";
        assert_eq!(
            problems(src),
            [
                at(6, 1, "loan[1].agreements[1].months"),
                at(8, 8, "loan[1].agreements[1].from"),
                at(10, 17, "loan[1].agreements[1].waive_penalty"),
                at(14, 6, "loan[1].promises[1].by"),
            ]
        );
        let head = "[[loan]]\nid = \"a\"\namount_due = 1\ndue_date = 2026-01-01\n";
        assert_eq!(
            problems(&format!("{head}settlement = 5\n")),
            [at(5, 14, "loan[1].settlement")]
        );
        assert_eq!(
            problems(&format!("{head}settlement = {{ date = 2026-01-01 }}\n")),
            [at(5, 1, "loan[1].settlement.amount")]
        );
    }
}
