//! Every entry the user recorded (payments, log entries, extensions) of every loan, newest
//! first: what the dashboard's history view (`h`) lists, opens whole, and removes.

use chrono::{NaiveDate, NaiveTime};

use crate::i18n::Lang;
use crate::knowledge::Policies;
use crate::knowledge::complaint::flag_label;
use crate::model::{Channel, Portfolio, mask_phone};
use crate::money::grouped;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Payment,
    Log,
    Extension,
}

impl EntryKind {
    pub const ALL: [EntryKind; 3] = [EntryKind::Payment, EntryKind::Log, EntryKind::Extension];

    /// The loan's key the entry is listed under in the file.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Payment => "payments",
            EntryKind::Log => "log",
            EntryKind::Extension => "extensions",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            EntryKind::Payment => lang.tr("present.entries.payment"),
            EntryKind::Log => lang.tr("present.entries.log"),
            EntryKind::Extension => lang.tr("present.entries.extension"),
        }
    }
}

/// One entry, as a row and as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryRow {
    pub loan_id: String,
    pub loan_name: String,
    pub kind: EntryKind,
    /// Its place in the loan's list of that kind (0-based): what a removal names.
    pub index: usize,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// One line: the amount, the log's kind and text, or the installment moved.
    pub summary: String,
    /// Every field, one a line.
    pub whole: Vec<String>,
    /// Lowercased text a filter matches.
    pub search: String,
}

fn channel_word(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Call => lang.tr("common.call"),
        Channel::Sms => lang.tr("common.sms"),
        Channel::Visit => lang.tr("common.visit"),
        Channel::Other => lang.tr("common.other"),
    }
}

/// Every entry of `p`'s loans, newest first (by date, then time; the later in the file first
/// on the same moment).
pub fn rows(p: &Portfolio, policies: &Policies, lang: Lang) -> Vec<EntryRow> {
    let cur = &p.settings.currency;
    let mut out = Vec::new();
    for loan in &p.loans {
        let name = super::display_name(loan, policies, lang);
        let base = |kind, index, date, time, summary: String, whole: Vec<String>| {
            let search =
                format!("{} {} {} {}", loan.id, name, summary, whole.join(" ")).to_lowercase();
            EntryRow {
                loan_id: loan.id.clone(),
                loan_name: name.clone(),
                kind,
                index,
                date,
                time,
                summary,
                whole,
                search,
            }
        };
        for (i, pay) in loan.payments.iter().enumerate() {
            let amount = format!("{cur}{}", grouped(pay.amount));
            out.push(base(
                EntryKind::Payment,
                i,
                pay.date,
                None,
                amount.clone(),
                vec![
                    format!("{}: {}", lang.tr("common.date"), pay.date),
                    format!("{}: {amount}", lang.tr("present.entries.amount")),
                ],
            ));
        }
        for (i, e) in loan.log.iter().enumerate() {
            let mut whole = vec![format!("{}: {}", lang.tr("common.date"), e.date)];
            if let Some(t) = e.time {
                whole.push(format!(
                    "{}: {}",
                    lang.tr("present.entries.time"),
                    t.format("%H:%M")
                ));
            }
            whole.push(format!(
                "{}: {}",
                lang.tr("present.entries.kind"),
                lang.log_kind(e.kind)
            ));
            if let Some(w) = &e.who {
                let who = if w == crate::model::WHO_ME {
                    lang.tr("common.me").to_string()
                } else {
                    w.clone()
                };
                whole.push(format!("{}: {who}", lang.tr("present.entries.who")));
            }
            if let Some(c) = e.channel {
                whole.push(format!(
                    "{}: {}",
                    lang.tr("present.entries.channel"),
                    channel_word(lang, c)
                ));
            }
            if let Some(c) = &e.caller {
                // A number the user noted is masked like a contact's.
                let shown =
                    if c.chars().filter(char::is_ascii_digit).count() >= 7 && !c.contains(' ') {
                        mask_phone(c)
                    } else {
                        c.clone()
                    };
                whole.push(format!("{}: {shown}", lang.tr("present.entries.caller")));
            }
            if !e.flags.is_empty() {
                let f: Vec<&str> = e.flags.iter().map(|f| flag_label(lang, *f)).collect();
                whole.push(format!(
                    "{}: {}",
                    lang.tr("present.entries.flags"),
                    f.join(", ")
                ));
            }
            whole.push(format!("{}: {}", lang.tr("present.entries.text"), e.text));
            out.push(base(
                EntryKind::Log,
                i,
                e.date,
                e.time,
                format!("{} · {}", lang.log_kind(e.kind), e.text),
                whole,
            ));
        }
        for (i, x) in loan.extensions.iter().enumerate() {
            let summary = lang.trf(
                "present.entries.moved.summary",
                &[("installment", &x.installment), ("due", &x.due)],
            );
            out.push(base(
                EntryKind::Extension,
                i,
                x.due,
                None,
                summary.clone(),
                vec![summary],
            ));
        }
    }
    // Newest first; entries of one moment keep the file's order, last written first.
    out.reverse();
    out.sort_by_key(|r| std::cmp::Reverse((r.date, r.time)));
    out
}
