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
