//! A platform's escalation stages turned into dated milestones for one loan.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::ledger::{Ledger, LoanStatus};
use crate::model::{Basis, Loan, Policy, StageKind};

/// `schedule --json` prints a loan's milestones as they are (the notes and the user mark are for
/// the screens only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    pub kind: StageKind,
    pub day: Option<u32>,
    pub day_typical: Option<u32>,
    /// anchor + day; None when the stage has no day or the loan has no anchor.
    pub date: Option<NaiveDate>,
    pub date_typical: Option<NaiveDate>,
    /// Where the day comes from: the platform's article, another's used as an estimate, or the
    /// user's file.
    pub basis: Basis,
    #[serde(serialize_with = "plain_str")]
    pub source: Arc<str>,
    #[serde(skip)]
    pub note_zh: Arc<str>,
    #[serde(skip)]
    pub note_en: Arc<str>,
    /// The day came from the user's file (their contract), not the articles.
    #[serde(skip)]
    pub from_user: bool,
    /// The overdue count has reached the earliest day.
    pub reached: bool,
}

fn plain_str<S: serde::Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    PaidOff,
    Current,
    DueSoon,
    OverdueEarly,
    OverdueContacts,
    OverdueSevere,
}

impl Situation {
    pub const ALL: [Situation; 6] = [
        Situation::PaidOff,
        Situation::Current,
        Situation::DueSoon,
        Situation::OverdueEarly,
        Situation::OverdueContacts,
        Situation::OverdueSevere,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Situation::PaidOff => "paid_off",
            Situation::Current => "current",
            Situation::DueSoon => "due_soon",
            Situation::OverdueEarly => "overdue_early",
            Situation::OverdueContacts => "overdue_contacts",
            Situation::OverdueSevere => "overdue_severe",
        }
    }

    pub fn from_key(s: &str) -> Option<Situation> {
        Situation::ALL.into_iter().find(|k| k.key() == s)
    }

    pub fn is_overdue(self) -> bool {
        matches!(
            self,
            Situation::OverdueEarly | Situation::OverdueContacts | Situation::OverdueSevere
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    /// The most severe stage whose day the overdue count has reached; None when not overdue.
    pub stage: Option<StageKind>,
    pub anchor: Option<NaiveDate>,
    pub milestones: Vec<Milestone>,
    pub emergency_contact_date: Option<NaiveDate>,
    /// Negative once passed; None when paid off or the policy has no contact day.
    pub days_until_emergency_contact: Option<i64>,
    /// Days until the credit-report stage's earliest day (negative once passed); None when paid
    /// off or the policy gives no day.
    pub days_until_credit_report: Option<i64>,
}

/// An overdue loan is seriously overdue once its credit-report day is this near, or past.
pub const SEVERE_WITHIN_DAYS: i64 = 7;

fn add_days(d: NaiveDate, days: u32) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(i64::from(days)))
}

impl Escalation {
    pub fn compute(loan: &Loan, policy: &Policy, ledger: &Ledger, today: NaiveDate) -> Escalation {
        let anchor = if ledger.status.is_closed() {
            None
        } else {
            ledger.escalation_anchor()
        };
        let mut stages = policy.stages.clone();
        if let Some(day) = loan.emergency_contact_after_days {
            match stages
                .iter_mut()
                .find(|s| s.kind == StageKind::EmergencyContact)
            {
                Some(s) => {
                    s.day = Some(day);
                    s.day_typical = None;
                }
                None => stages.push(crate::model::Stage {
                    kind: StageKind::EmergencyContact,
                    day: Some(day),
                    day_typical: None,
                    basis: Basis::User,
                    source: "".into(),
                    note_zh: "".into(),
                    note_en: "".into(),
                }),
            }
        }
        // The one order of the stages, for every face: by day, ties (and the undated, last) in
        // the order of escalation.
        stages.sort_by_key(|s| (s.day.is_none(), s.day, s.kind));
        let overdue = ledger.status == LoanStatus::Overdue;
        let days_overdue = ledger.days_overdue;
        let milestones: Vec<Milestone> = stages
            .into_iter()
            .map(|s| {
                let user_contact = s.kind == StageKind::EmergencyContact
                    && loan.emergency_contact_after_days.is_some();
                let reached = overdue && s.day.is_some_and(|d| i64::from(d) <= days_overdue);
                let from_user = policy.from_user || user_contact;
                Milestone {
                    kind: s.kind,
                    day: s.day,
                    day_typical: s.day_typical,
                    date: anchor.zip(s.day).and_then(|(a, d)| add_days(a, d)),
                    date_typical: anchor.zip(s.day_typical).and_then(|(a, d)| add_days(a, d)),
                    basis: if from_user { Basis::User } else { s.basis },
                    source: s.source,
                    note_zh: s.note_zh,
                    note_en: s.note_en,
                    from_user,
                    reached,
                }
            })
            .collect();
        let stage = milestones
            .iter()
            .filter(|m| m.reached)
            .map(|m| m.kind)
            .max();
        let emergency_contact_date = milestones
            .iter()
            .find(|m| m.kind == StageKind::EmergencyContact)
            .and_then(|m| m.date);
        let days_until_credit_report = milestones
            .iter()
            .find(|m| m.kind == StageKind::CreditReport)
            .and_then(|m| m.date)
            .map(|d| (d - today).num_days());
        Escalation {
            stage,
            anchor,
            milestones,
            emergency_contact_date,
            days_until_emergency_contact: emergency_contact_date.map(|d| (d - today).num_days()),
            days_until_credit_report,
        }
    }

    /// The emergency-contact date `compute` would give for another `anchor` (same loan, same
    /// policy): the first contact stage's day counted from it.
    pub fn contact_date_from(&self, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
        let m = self
            .milestones
            .iter()
            .find(|m| m.kind == StageKind::EmergencyContact)?;
        anchor.zip(m.day).and_then(|(a, d)| add_days(a, d))
    }

    /// The date of the stage `kind` that `compute` would give for another `anchor`.
    pub fn date_from(&self, kind: StageKind, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
        let m = self.milestone(kind)?;
        anchor.zip(m.day).and_then(|(a, d)| add_days(a, d))
    }

    pub fn situation(&self, ledger: &Ledger) -> Situation {
        match ledger.status {
            LoanStatus::PaidOff | LoanStatus::Settled => Situation::PaidOff,
            // Before it is drawn: prevention only, as for a loan in good standing; an agreement
            // kept so far is in good standing too.
            LoanStatus::Current | LoanStatus::NotDrawn | LoanStatus::InAgreement => {
                Situation::Current
            }
            LoanStatus::DueSoon => Situation::DueSoon,
            LoanStatus::Overdue => {
                if self.stage >= Some(StageKind::CreditReport)
                    || self
                        .days_until_credit_report
                        .is_some_and(|d| d <= SEVERE_WITHIN_DAYS)
                {
                    Situation::OverdueSevere
                } else if self.days_until_emergency_contact.is_some_and(|d| d <= 0) {
                    Situation::OverdueContacts
                } else {
                    Situation::OverdueEarly
                }
            }
        }
    }

    /// The milestone of `kind`, if the policy has that stage.
    pub fn milestone(&self, kind: StageKind) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.kind == kind)
    }

    /// The milestone of the current stage (the most severe reached).
    pub fn current(&self) -> Option<&Milestone> {
        self.stage.and_then(|k| self.milestone(k))
    }

    /// The next milestone not yet reached that has a date.
    pub fn next_milestone(&self) -> Option<&Milestone> {
        self.milestones
            .iter()
            .filter(|m| !m.reached && m.date.is_some())
            .min_by_key(|m| m.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::LoanView;
    use crate::engine::schedule::tests::loan;
    use crate::model::{Method, Stage};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn stage(kind: StageKind, day: Option<u32>, typical: Option<u32>) -> Stage {
        Stage {
            kind,
            day,
            day_typical: typical,
            basis: Basis::Article,
            source: "test".into(),
            note_zh: "".into(),
            note_en: "".into(),
        }
    }

    fn xingtu() -> Policy {
        Policy {
            key: "xingtu".into(),
            name: "星图金融".into(),
            name_en: None,
            aliases: vec![],
            from_user: false,
            stages: vec![
                stage(StageKind::Reminder, Some(1), None),
                stage(StageKind::EmergencyContact, Some(7), None),
                stage(StageKind::FrequentContact, Some(14), None),
                stage(StageKind::CreditReport, Some(31), None),
                stage(StageKind::Legal, Some(31), None),
            ],
        }
    }

    #[test]
    fn stages_and_countdown_follow_the_overdue_days() {
        let l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        let p = xingtu();
        // First installment due 2026-04-15.
        let v = LoanView::compute(&l, &p, d(2026, 4, 18), 7);
        assert_eq!(v.escalation.stage, Some(StageKind::Reminder));
        assert_eq!(v.escalation.emergency_contact_date, Some(d(2026, 4, 22)));
        assert_eq!(v.escalation.days_until_emergency_contact, Some(4));
        assert_eq!(v.situation(), Situation::OverdueEarly);

        let v = LoanView::compute(&l, &p, d(2026, 4, 22), 7);
        assert_eq!(v.escalation.stage, Some(StageKind::EmergencyContact));
        assert_eq!(v.escalation.days_until_emergency_contact, Some(0));
        assert_eq!(v.situation(), Situation::OverdueContacts);

        let v = LoanView::compute(&l, &p, d(2026, 5, 16), 7);
        assert_eq!(v.ledger.days_overdue, 31);
        assert_eq!(v.escalation.stage, Some(StageKind::Legal));
        assert_eq!(v.situation(), Situation::OverdueSevere);
    }

    #[test]
    fn before_due_the_contact_date_counts_from_the_next_installment() {
        let l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        let p = xingtu();
        let v = LoanView::compute(&l, &p, d(2026, 4, 1), 7);
        assert_eq!(v.escalation.stage, None);
        assert_eq!(v.escalation.emergency_contact_date, Some(d(2026, 4, 22)));
        assert_eq!(v.escalation.days_until_emergency_contact, Some(21));
        assert_eq!(v.situation(), Situation::Current);
    }

    #[test]
    fn the_loans_own_contact_day_beats_the_platform() {
        let mut l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        l.emergency_contact_after_days = Some(3);
        let p = xingtu();
        let v = LoanView::compute(&l, &p, d(2026, 4, 17), 7);
        assert_eq!(v.escalation.emergency_contact_date, Some(d(2026, 4, 18)));
        let m = &v.escalation.milestones[1];
        assert!(m.from_user);
        assert_eq!(m.day_typical, None);
    }

    #[test]
    fn every_platform_turns_severe_a_week_before_its_credit_report_day() {
        // First installment due 2026-04-15; the credit-report day is 31 on every built-in
        // platform (an estimate outside xingtu): 2026-05-16. Seven days before is 2026-05-09.
        let l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        let builtin = crate::store::builtin_policies().unwrap();
        for p in &builtin {
            let v = LoanView::compute(&l, p, d(2026, 5, 8), 7);
            assert_eq!(v.escalation.days_until_credit_report, Some(8), "{}", p.key);
            assert_ne!(v.situation(), Situation::OverdueSevere, "{}", p.key);
            let v = LoanView::compute(&l, p, d(2026, 5, 9), 7);
            assert_eq!(v.situation(), Situation::OverdueSevere, "{}", p.key);
        }
        // An alipay loan 120 days overdue: severe, its credit day an estimate, passed.
        let alipay = builtin.iter().find(|p| p.key == "alipay").unwrap();
        let v = LoanView::compute(&l, alipay, d(2026, 8, 13), 7);
        assert_eq!(v.ledger.days_overdue, 120);
        assert_eq!(v.situation(), Situation::OverdueSevere);
        let credit = v.escalation.milestone(StageKind::CreditReport).unwrap();
        assert_eq!(credit.basis, Basis::Estimate);
        assert!(credit.reached);
        assert_eq!(v.escalation.stage, Some(StageKind::Legal));
    }

    #[test]
    fn days_from_the_users_file_have_the_user_basis() {
        let mut l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        l.emergency_contact_after_days = Some(3);
        let p = xingtu();
        let v = LoanView::compute(&l, &p, d(2026, 4, 17), 7);
        let m = v.escalation.milestone(StageKind::EmergencyContact).unwrap();
        assert_eq!(m.basis, Basis::User);
        let credit = v.escalation.milestone(StageKind::CreditReport).unwrap();
        assert_eq!(credit.basis, Basis::Article);
    }

    #[test]
    fn disagreeing_reports_give_a_window() {
        let l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        let p = Policy {
            stages: vec![
                stage(StageKind::Reminder, Some(1), None),
                stage(StageKind::EmergencyContact, Some(15), Some(90)),
                stage(StageKind::ThirdPartyCollection, None, None),
            ],
            ..xingtu()
        };
        let v = LoanView::compute(&l, &p, d(2026, 4, 20), 7);
        let m = &v.escalation.milestones[1];
        assert_eq!(m.date, Some(d(2026, 4, 30)));
        assert_eq!(m.date_typical, Some(d(2026, 7, 14)));
        assert_eq!(v.escalation.milestones[2].date, None);
    }
}
