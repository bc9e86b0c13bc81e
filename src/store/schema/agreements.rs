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
