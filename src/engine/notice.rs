//! Which emergency contacts still need a heads-up: the loan's contact date is within
//! [`REMIND_DAYS`] days (or past) and the contact has not been marked as told.

use chrono::NaiveDate;

use super::Escalation;
use crate::model::{Contact, Loan, LogKind};

/// How many days before the contact date the reminder starts.
pub const REMIND_DAYS: i64 = 7;

/// The contact was marked as told (`kind = "contact_notified"` naming them) on or before `today`.
pub fn told(loan: &Loan, name: &str, today: NaiveDate) -> Option<NaiveDate> {
    loan.log
        .iter()
        .filter(|e| {
            e.kind == LogKind::ContactNotified
                && e.date <= today
                && e.contact() == Some(name.trim())
        })
        .map(|e| e.date)
        .max()
}

/// The contacts to tell now; empty when the contact date is further than [`REMIND_DAYS`] away,
/// unknown, or everyone has been told.
pub fn to_tell<'a>(loan: &'a Loan, esc: &Escalation, today: NaiveDate) -> Vec<&'a Contact> {
    let Some(date) = esc.emergency_contact_date else {
        return vec![];
    };
    if (date - today).num_days() > REMIND_DAYS {
        return vec![];
    }
    loan.contacts
        .iter()
        .filter(|c| told(loan, &c.name, today).is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LogEntry, Method};
    use rust_decimal_macros::dec;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reminder_starts_seven_days_ahead_and_stops_per_contact_once_told() {
        let mut loan = crate::engine::schedule::tests::loan(
            Method::EqualInstallment,
            dec!(12000),
            dec!(18),
            12,
        );
        loan.contacts = ["李芳", "王伟"]
            .into_iter()
            .map(|n| Contact {
                name: n.into(),
                relation: None,
                phone: Some("13800000000".into()),
                greeting: None,
            })
            .collect();
        let esc = |date: &str| Escalation {
            stage: None,
            anchor: None,
            milestones: vec![],
            emergency_contact_date: Some(d(date)),
            days_until_emergency_contact: None,
            days_until_credit_report: None,
        };
        let today = d("2026-11-23");
        // 8 days ahead: not yet; 7 ahead, today, and past: yes.
        assert!(to_tell(&loan, &esc("2026-12-01"), today).is_empty());
        assert_eq!(to_tell(&loan, &esc("2026-11-30"), today).len(), 2);
        assert_eq!(to_tell(&loan, &esc("2026-11-01"), today).len(), 2);
        loan.log.push(LogEntry {
            date: d("2026-11-22"),
            kind: LogKind::ContactNotified,
            who: Some("王伟".into()),
            text: "told".into(),
            ..LogEntry::default()
        });
        let left: Vec<&str> = to_tell(&loan, &esc("2026-11-23"), today)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(left, vec!["李芳"]);
        // Told after the day looked at does not count yet (a what-if into the past).
        assert_eq!(to_tell(&loan, &esc("2026-11-23"), d("2026-11-21")).len(), 2);
    }
}
