//! What falls due week by week, and the escalation milestones that fall in each week: the data of
//! the dashboard's cash-flow view and of the calendar export.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::LoanView;
use super::ledger::{InstallmentStatus, LoanStatus};
use crate::model::{Basis, StageKind};

/// One unpaid installment.
#[derive(Debug, Clone, PartialEq)]
pub struct DueItem {
    pub loan_id: String,
    pub n: u32,
    pub due: NaiveDate,
    pub unpaid: Decimal,
    pub overdue: bool,
    /// An installment of a repayment agreement (`n` counts the agreement's own).
    pub agreement: bool,
}

/// One dated escalation step of an overdue loan.
#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneItem {
    pub loan_id: String,
    pub kind: StageKind,
    pub date: NaiveDate,
    /// The later report (`day_typical`) where the sources disagree.
    pub typical: bool,
    /// Where the stage's day comes from.
    pub basis: Basis,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    /// None for the first bucket, everything already overdue; else the week's first and last day.
    pub week: Option<(NaiveDate, NaiveDate)>,
    pub amount: Decimal,
    pub items: Vec<DueItem>,
    pub milestones: Vec<MilestoneItem>,
}

/// Every unpaid installment of the loan, oldest first.
pub fn unpaid_items(v: &LoanView) -> Vec<DueItem> {
    // With an agreement, the ledger's first installments are the agreement's.
    let agreed = v
        .ledger
        .outcome
        .as_deref()
        .and_then(|o| o.agreement.as_ref())
        .map_or(0, |a| a.installments.len());
    v.ledger
        .installments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.status != InstallmentStatus::Paid && s.unpaid() > Decimal::ZERO)
        .map(|(i, s)| DueItem {
            loan_id: v.loan.id.clone(),
            n: s.inst.n,
            due: s.inst.due_date,
            unpaid: s.unpaid(),
            overdue: s.status == InstallmentStatus::Overdue,
            agreement: i < agreed,
        })
        .collect()
}

/// The milestones of an overdue loan dated today or later, the later reports included as their own
/// items. A loan that is not overdue has none: its milestones would only say what happens if the
/// next installment is missed, and would move every month.
pub fn upcoming_milestones(v: &LoanView, today: NaiveDate) -> Vec<MilestoneItem> {
    if v.ledger.status != LoanStatus::Overdue {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in &v.escalation.milestones {
        for (date, typical) in [(m.date, false), (m.date_typical, true)] {
            if let Some(date) = date.filter(|d| *d >= today) {
                if typical && m.date_typical == m.date {
                    continue;
                }
                out.push(MilestoneItem {
                    loan_id: v.loan.id.clone(),
                    kind: m.kind,
                    date,
                    typical,
                    basis: m.basis,
                });
            }
        }
    }
    out
}

/// `weeks` weekly buckets starting today, after one bucket of what is already overdue.
pub fn weekly(views: &[LoanView], today: NaiveDate, weeks: u32) -> Vec<Bucket> {
    let mut buckets = vec![Bucket {
        week: None,
        amount: Decimal::ZERO,
        items: Vec::new(),
        milestones: Vec::new(),
    }];
    for w in 0..i64::from(weeks) {
        let start = today.checked_add_signed(Duration::days(7 * w));
        let end = today.checked_add_signed(Duration::days(7 * w + 6));
        if let Some(range) = start.zip(end) {
            buckets.push(Bucket {
                week: Some(range),
                amount: Decimal::ZERO,
                items: Vec::new(),
                milestones: Vec::new(),
            });
        }
    }
    let count = buckets.len();
    let index = |date: NaiveDate| -> Option<usize> {
        let days = (date - today).num_days();
        if days < 0 {
            return Some(0);
        }
        let i = usize::try_from(days / 7).ok()? + 1;
        (i < count).then_some(i)
    };
    for v in views {
        for item in unpaid_items(v) {
            let i = if item.overdue {
                Some(0)
            } else {
                index(item.due)
            };
            if let Some(i) = i {
                buckets[i].amount += item.unpaid;
                buckets[i].items.push(item);
            }
        }
        for m in upcoming_milestones(v, today) {
            if let Some(i) = index(m.date) {
                buckets[i].milestones.push(m);
            }
        }
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::schedule::tests::loan;
    use crate::model::{Method, Payment, Policy, Stage};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn alipay() -> Policy {
        let stage = |kind, day, typical| Stage {
            kind,
            basis: crate::model::Basis::Article,
            day,
            day_typical: typical,
            source: "".into(),
            note_zh: "".into(),
            note_en: "".into(),
        };
        Policy {
            key: "alipay".into(),
            name: "支付宝".into(),
            name_en: None,
            aliases: vec![],
            from_user: false,
            stages: vec![
                stage(StageKind::Reminder, Some(1), None),
                stage(StageKind::EmergencyContact, Some(15), Some(90)),
            ],
        }
    }

    // 12000 at 18 %, 12 × 1100.16 (last 1100.19) due on the 15th from 2026-04-15. Only the first
    // installment is paid; today 2026-05-20: installment 2 (05-15) is overdue, 5 days.
    // Weeks from 05-20: 06-15 is day 26 → week 4 (06-10..06-16); 07-15 is day 56 → week 9
    // (07-15..07-21); 08-15 is day 87 → beyond 12 weeks (84 days).
    // Milestones from the anchor 05-15: contact day 15 → 05-30 (day 10, week 2), typical day 90 →
    // 08-13 (day 85, beyond); the reminder (05-16) is past.
    #[test]
    fn buckets_hold_the_overdue_the_weeks_and_the_milestones() {
        let mut l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        l.payments.push(Payment {
            date: d(2026, 4, 15),
            amount: dec!(1100.16),
        });
        let p = alipay();
        let today = d(2026, 5, 20);
        let v = LoanView::compute(&l, &p, today, 7);
        let b = weekly(std::slice::from_ref(&v), today, 12);
        assert_eq!(b.len(), 13);
        assert_eq!(b[0].week, None);
        assert_eq!(b[0].amount, dec!(1100.16));
        assert_eq!(b[1].week, Some((d(2026, 5, 20), d(2026, 5, 26))));
        assert_eq!(b[4].week, Some((d(2026, 6, 10), d(2026, 6, 16))));
        assert_eq!(b[4].amount, dec!(1100.16));
        assert_eq!(b[4].items[0].n, 3);
        assert_eq!(b[9].amount, dec!(1100.16));
        assert_eq!(b[9].items[0].due, d(2026, 7, 15));
        let with_amount: Vec<usize> = (0..13).filter(|&i| !b[i].amount.is_zero()).collect();
        assert_eq!(with_amount, vec![0, 4, 9]);
        assert_eq!(b[2].milestones.len(), 1);
        assert_eq!(b[2].milestones[0].kind, StageKind::EmergencyContact);
        assert_eq!(b[2].milestones[0].date, d(2026, 5, 30));
        let all: usize = b.iter().map(|x| x.milestones.len()).sum();
        assert_eq!(all, 1);
    }

    #[test]
    fn the_series_sums_to_the_engines_unpaid_amount_in_the_window() {
        let mut l = loan(Method::EqualPrincipal, dec!(9000), dec!(14.4), 6);
        l.payments.push(Payment {
            date: d(2026, 4, 1),
            amount: dec!(500),
        });
        let p = alipay();
        for today in [d(2026, 3, 1), d(2026, 5, 3), d(2026, 7, 20), d(2026, 10, 1)] {
            let v = LoanView::compute(&l, &p, today, 7);
            let b = weekly(std::slice::from_ref(&v), today, 12);
            let end = today + Duration::days(83);
            let expected: Decimal = v
                .ledger
                .installments
                .iter()
                .filter(|s| s.status == InstallmentStatus::Overdue || s.inst.due_date <= end)
                .map(|s| s.unpaid())
                .sum();
            let total: Decimal = b.iter().map(|x| x.amount).sum();
            assert_eq!(total, expected, "today {today}");
            // Past the whole term every unpaid installment is overdue.
            if today == d(2026, 10, 1) {
                assert_eq!(total, v.ledger.remaining_balance);
                assert_eq!(b[0].amount, v.ledger.overdue_amount);
            }
        }
    }
}
