//! What both faces say after a write (`pay`/`log`/`extend` on the command line, the `p`/`n`/`e`
//! forms on the dashboard): what was recorded, and the loan's state once it is in.

use chrono::NaiveDate;

use super::snapshot::LoanFacts;
use crate::engine::LoanStatus;
use crate::i18n::{Lang, outcome};
use crate::model::{Edit, LogKind};
use crate::money::grouped;

/// `已记录还款 ¥800.16（2026-11-23）` / `Recorded a payment of ¥800.16 (2026-11-23)`.
pub fn what(lang: Lang, edit: &Edit, cur: &str) -> String {
    match edit {
        Edit::Pay { date, amount, .. } => lang.trf(
            "present.recorded.what.payment",
            &[
                ("amount", &format!("{cur}{}", grouped(*amount))),
                ("date", date),
            ],
        ),
        Edit::Log { entry, .. } if entry.kind == LogKind::ContactNotified => {
            // The contact's name as written, without control characters.
            let who: String = entry
                .who
                .as_deref()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_control())
                .collect();
            lang.trf(
                "present.recorded.what.told",
                &[("who", &who), ("date", &entry.date)],
            )
        }
        Edit::Log { entry, .. } => {
            let when = match entry.time {
                Some(t) => format!("{} {}", entry.date, t.format("%H:%M:%S")),
                None => entry.date.to_string(),
            };
            lang.trf(
                "present.recorded.what.log",
                &[("kind", &lang.log_kind(entry.kind)), ("when", &when)],
            )
        }
        Edit::Extend {
            installment, due, ..
        } => lang.trf(
            "present.recorded.what.extension",
            &[("installment", installment), ("due", due)],
        ),
        Edit::PayPenalty { date, amount, .. } => {
            let m = format!("{cur}{}", grouped(*amount));
            outcome::recorded_penalty(&m, *date).get(lang).to_string()
        }
        Edit::Agree { agreement: a, .. } => {
            let m = format!("{cur}{}", grouped(a.amount));
            outcome::recorded_agreement(a.months, &m, a.from)
                .get(lang)
                .to_string()
        }
        Edit::Promise { promise: p, .. } => {
            let m = format!("{cur}{}", grouped(p.amount));
            outcome::recorded_promise(&m, p.by).get(lang).to_string()
        }
        Edit::Settle { settlement: st, .. } => {
            let m = format!("{cur}{}", grouped(st.amount));
            outcome::recorded_settlement(&m, st.date)
                .get(lang)
                .to_string()
        }
    }
}

/// `携程借去花：逾期5天 · 逾期金额 ¥800.16 · 紧急联系人 3 天后 · 剩余 ¥4,400.67`: the loan's
/// state once the entry is in, in the words the dashboard's list uses.
pub fn after(lang: Lang, f: &LoanFacts, cur: &str, today: NaiveDate) -> String {
    let l = &f.ledger;
    let mut parts = vec![f.status_words(lang)];
    if l.status == LoanStatus::Overdue {
        parts.push(format!(
            "{} {cur}{}",
            lang.tr("common.overdue"),
            grouped(l.overdue_amount)
        ));
        if f.countdown.is_alarm() {
            parts.push(f.countdown.words(lang, today));
        }
    }
    if !l.status.is_closed() {
        if let (Some(date), Some(days)) = (l.next_due_date, l.days_until_due)
            && l.status != LoanStatus::Overdue
        {
            parts.push(lang.trf(
                "present.recorded.state.next",
                &[
                    ("amount", &format!("{cur}{}", grouped(l.next_due_amount))),
                    ("date", &date),
                    ("when", &lang.days_from_now(days)),
                ],
            ));
        }
        parts.push(format!(
            "{} {cur}{}",
            lang.tr("present.recorded.left"),
            grouped(l.remaining_balance)
        ));
    }
    format!("{}{}{}", f.name, lang.tr("common.colon"), parts.join(" · "))
}
