//! What happened on a loan, appended over time: `payments` (to installments, or `kind =
//! "penalty"`), `extensions` and the `log`.

use toml::de::DeValue;

use super::known::{self, MAX_TERM};
use super::walker::{Tab, Walker, item_span};
use crate::i18n::{phrases as ph, phrases::Need};
use crate::model::{Channel, Extension, LogEntry, LogFlag, LogKind, Payment};

/// The words a payment's `kind` may be: none (an installment) or `penalty`.
pub const PAYMENT_KINDS: &[&str] = &["installment", "penalty"];

/// Whether a payment's kind is the penalty's (None: not a kind).
fn payment_kind(s: &str) -> Option<bool> {
    match s {
        "installment" => Some(false),
        "penalty" => Some(true),
        _ => None,
    }
}

impl Walker<'_> {
    /// The payments towards installments, and apart those with `kind = "penalty"`.
    pub(super) fn payments(&mut self, tab: &Tab) -> (Vec<Payment>, Vec<Payment>) {
        let Some(item) = tab.t.get("payments") else {
            return (vec![], vec![]);
        };
        let base = tab.path.child("payments");
        let mut out = vec![];
        let mut penalty = vec![];
        for p in self.tables(item, &base) {
            self.unknown_keys(p.t, &p.path, known::PAYMENT);
            let date = self.date(&p, "date");
            let amount = self.amount(&p, "amount", false);
            if !p.t.contains_key("date") {
                self.missing(&p, "date", Need::PaymentDate);
            }
            if !p.t.contains_key("amount") {
                self.missing(&p, "amount", Need::PaymentAmount);
            }
            let is_penalty = match self.str(&p, "kind") {
                Some(k) => self.one_of(&p, "kind", k, payment_kind, PAYMENT_KINDS),
                None => Some(false),
            };
            if let (Some(date), Some(amount), Some(is_penalty)) = (date, amount, is_penalty) {
                if is_penalty {
                    penalty.push(Payment { date, amount });
                } else {
                    out.push(Payment { date, amount });
                }
            }
        }
        (out, penalty)
    }

    pub(super) fn extensions(&mut self, tab: &Tab, count: u32) -> Vec<Extension> {
        let Some(item) = tab.t.get("extensions") else {
            return vec![];
        };
        let base = tab.path.child("extensions");
        let mut out = vec![];
        for e in self.tables(item, &base) {
            self.unknown_keys(e.t, &e.path, known::EXTENSION);
            let installment = self.integer(&e, "installment", 1, i64::from(MAX_TERM));
            let due = self.date(&e, "due");
            if !e.t.contains_key("installment") {
                self.missing(&e, "installment", Need::ExtensionInstallment);
            }
            if !e.t.contains_key("due") {
                self.missing(&e, "due", Need::ExtensionDue);
            }
            if let Some(n) = installment
                && n > count
            {
                let span = e.t.get("installment").and_then(item_span);
                self.err(
                    span,
                    &format!("{}.installment", e.path),
                    ph::extension_beyond_term(n, count),
                );
                continue;
            }
            if let (Some(installment), Some(due)) = (installment, due) {
                out.push(Extension { installment, due });
            }
        }
        out
    }

    pub(super) fn log(&mut self, tab: &Tab) -> Vec<LogEntry> {
        let Some(item) = tab.t.get("log") else {
            return vec![];
        };
        let base = tab.path.child("log");
        let mut out = vec![];
        for e in self.tables(item, &base) {
            self.unknown_keys(e.t, &e.path, known::LOG);
            let date = self.date(&e, "date");
            let time = self.time(&e, "time");
            let kind = match self.str(&e, "kind") {
                Some(k) => self.one_of(&e, "kind", k, LogKind::from_key, ph::LOG_KINDS),
                None => Some(LogKind::Note),
            };
            let text = self.string(&e, "text").unwrap_or_default();
            let who = self.string(&e, "who");
            let channel = match self.str(&e, "channel") {
                Some(c) => self.one_of(&e, "channel", c, Channel::from_key, ph::CHANNELS),
                None => None,
            };
            let caller = self.string(&e, "caller");
            let flags = self.flags(&e);
            if !e.t.contains_key("date") {
                self.missing(&e, "date", Need::LogDate);
            }
            if let (Some(date), Some(kind)) = (date, kind) {
                out.push(LogEntry {
                    date,
                    time,
                    kind,
                    who,
                    channel,
                    caller,
                    flags,
                    text,
                });
            }
        }
        out
    }

    /// `flags = ["night", "threat"]`: each one of the known flags, each once.
    pub(super) fn flags(&mut self, tab: &Tab) -> Vec<LogFlag> {
        let Some(v) = self.value(tab, "flags") else {
            return vec![];
        };
        let path = format!("{}.flags", tab.path);
        let DeValue::Array(arr) = v.get_ref() else {
            self.err(item_span(v), &path, ph::flags_must_be_list());
            return vec![];
        };
        let mut out = vec![];
        for f in arr.iter() {
            match f.get_ref().as_str().map(|s| (s, LogFlag::from_key(s))) {
                Some((_, Some(flag))) => {
                    if !out.contains(&flag) {
                        out.push(flag);
                    }
                }
                Some((s, None)) => {
                    self.err(item_span(f), &path, crate::i18n::trust::unknown_flag(s))
                }
                None => self.err(item_span(f), &path, ph::flag_must_be_string()),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{Channel, Extension, LogFlag, LogKind};
    use rust_decimal_macros::dec;

    const HEAD: &str = "[[loan]]\nid = \"a\"\namount_due = 500\ndue_date = 2026-01-10\n";

    #[test]
    fn payments_extensions_and_the_log_are_read() {
        let src = format!(
            "{HEAD}payments = [\n  {{ date = 2026-01-05, amount = 100 }},\n  {{ date = 2026-01-06, amount = 20, kind = \"penalty\" }},\n]\nextensions = [{{ installment = 1, due = 2026-02-10 }}]\nlog = [\n  {{ date = 2026-01-07, time = 22:40:00, kind = \"collection_call\", channel = \"call\", flags = [\"night\", \"night\", \"threat\"], text = \"x\" }},\n  {{ date = 2026-01-08 }},\n]\n"
        );
        let (p, _) = accepted(&src);
        let l = &p.loans[0];
        let amounts = |v: &[crate::model::Payment]| v.iter().map(|p| p.amount).collect::<Vec<_>>();
        assert_eq!(amounts(&l.payments), [dec!(100)]);
        assert_eq!(amounts(&l.penalty_payments), [dec!(20)]);
        assert_eq!(
            l.extensions,
            [Extension {
                installment: 1,
                due: "2026-02-10".parse().unwrap()
            }]
        );
        let e = &l.log[0];
        assert_eq!(e.time.map(|t| t.to_string()).as_deref(), Some("22:40:00"));
        assert_eq!(
            (e.kind, e.channel),
            (LogKind::CollectionCall, Some(Channel::Call))
        );
        assert_eq!(e.flags, [LogFlag::Night, LogFlag::Threat]);
        assert_eq!((l.log[1].kind, l.log[1].text.as_str()), (LogKind::Note, ""));
    }

    #[test]
    fn each_bad_entry_is_found_at_its_value() {
        let src = format!(
            "{HEAD}\n[[loan.payments]]\ndate = 2026-01-05\namount = 1\nkind = \"fee\"\n\n[[loan.extensions]]\ninstallment = 2\ndue = 2026-03-01\n\n[[loan.log]]\nkind = \"chat\"\nchannel = \"fax\"\nflags = [\"loud\"]\ntime = \"22:40\"\n"
        );
        assert_eq!(
            problems(&src),
            [
                at(9, 8, "loan[1].payments[1].kind"),
                at(12, 15, "loan[1].extensions[1].installment"),
                at(15, 1, "loan[1].log[1].date"),
                at(16, 8, "loan[1].log[1].kind"),
                at(17, 11, "loan[1].log[1].channel"),
                at(18, 10, "loan[1].log[1].flags"),
                at(19, 8, "loan[1].log[1].time"),
            ]
        );
    }
}
