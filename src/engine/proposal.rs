//! What the owner of a loan can honestly promise its lender each month.
//!
//! The one place the call script (and any letter to a lender) gets its amount and months from, so
//! that nothing ever offers one lender more than the user can pay across all loans.
//!
//! How the monthly budget is shared (the same urgency order as `check` and the plan,
//! [`super::urgency_order`]):
//! 1. A loan with its own `monthly_budget` gets that: the user set it aside for this loan. With a
//!    `[settings].monthly_budget` too, that is the total: the loans' own budgets come out of it
//!    first (most urgent first, each only as far as the total still reaches).
//! 2. What is left of `[settings].monthly_budget` is shared by the other open loans. First pass,
//!    most urgent first: each loan gets its regular installment (the next unpaid installment not yet
//!    overdue, [`Ledger::next_due_amount`]) as far as the budget reaches. Second pass, most urgent
//!    first: what is left goes to the overdue amounts, each loan up to its whole overdue amount.
//! 3. A loan's share pays its regular installment first; only the rest goes to the overdue part.
//!    The months to clear it are counted against the installments left: each month pays that
//!    month's installment (none once they run out, so then the whole share goes to the overdue
//!    part) and the rest of the share toward the overdue part.
//! 4. When that does not clear the overdue part within [`MAX_MONTHS`] (or the share does not
//!    cover an installment), no plan is offered: the honest request is a restructuring (延期 /
//!    个性化分期) of everything still owed over N = ceil(owed ÷ share) months at owed ÷ N a month
//!    (rounded up to the cent, never above the share). When even [`MAX_MONTHS`] months at the
//!    share cannot clear it, the share is offered and the lender is asked to set the term or a
//!    deferral ([`Offer::AskTerm`]): no amount above the share is ever named. With no share at
//!    all, a deferral with no amount promised.
//! 5. With no budget anywhere, nothing is computed: the amount is left for the user to fill in.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::LoanView;
use super::ledger::{InstallmentStatus, Ledger};

/// The longest repayment a proposal asks for: five years.
pub const MAX_MONTHS: u32 = 60;

/// What the script or letter offers one lender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Offer {
    /// No `monthly_budget` anywhere: the amount is a blank the user fills in.
    NoBudget,
    /// Nothing is overdue: the share pays the regular installments.
    Current,
    /// The share covers the regular installment and clears the overdue part in `months` months.
    Plan {
        /// Paid to this lender each month: regular + toward_overdue.
        #[serde(with = "crate::money::as_plain")]
        monthly: Decimal,
        #[serde(with = "crate::money::as_plain")]
        toward_overdue: Decimal,
        months: u32,
    },
    /// The share does not clear the overdue part beside the installments: ask to restructure
    /// what is owed.
    Restructure {
        #[serde(with = "crate::money::as_plain")]
        owed: Decimal,
        months: u32,
        /// owed ÷ months, rounded up to the cent: never more than the share.
        #[serde(with = "crate::money::as_plain")]
        monthly: Decimal,
    },
    /// Even [`MAX_MONTHS`] months at the share do not clear what is owed: offer the share
    /// (`monthly`) and ask the lender to set the term or a deferral.
    AskTerm {
        #[serde(with = "crate::money::as_plain")]
        owed: Decimal,
        #[serde(with = "crate::money::as_plain")]
        monthly: Decimal,
    },
    /// More urgent loans take the whole budget: ask for a deferral, promise no amount.
    Defer {
        #[serde(with = "crate::money::as_plain")]
        owed: Decimal,
    },
}

/// One loan's proposal on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub loan_id: String,
    /// The loan's part of the monthly budget; None without any budget.
    #[serde(with = "crate::money::as_plain_opt")]
    pub share: Option<Decimal>,
    /// The loan's own `monthly_budget` (true) or its share of `[settings]` (false).
    pub own_budget: bool,
    /// The regular installment the share pays first.
    #[serde(with = "crate::money::as_plain")]
    pub regular: Decimal,
    #[serde(with = "crate::money::as_plain")]
    pub overdue: Decimal,
    pub offer: Offer,
}

/// ceil(a ÷ b) for b > 0; u32::MAX when it does not fit (callers clamp it).
fn ceil_div(a: Decimal, b: Decimal) -> u32 {
    a.checked_div(b)
        .and_then(|q| q.ceil().to_u32())
        .unwrap_or(u32::MAX)
}

/// The months the share takes to clear the overdue part beside the installments still to come
/// (each month pays its installment first; once they run out the whole share goes to the overdue
/// part). None when that takes more than [`MAX_MONTHS`] or a month's installment is more than the
/// share.
fn months_to_clear(ledger: &Ledger, share: Decimal) -> Option<u32> {
    let coming: Vec<Decimal> = ledger
        .installments
        .iter()
        .filter(|s| {
            matches!(
                s.status,
                InstallmentStatus::Due | InstallmentStatus::Partial
            )
        })
        .map(|s| s.unpaid())
        .collect();
    let mut left = ledger.overdue_amount;
    for month in 1..=MAX_MONTHS {
        let regular = coming
            .get(month as usize - 1)
            .copied()
            .unwrap_or(Decimal::ZERO);
        if regular > share {
            return None;
        }
        left -= share - regular;
        if left <= Decimal::ZERO {
            return Some(month);
        }
    }
    None
}

fn offer(ledger: &Ledger, share: Decimal) -> Offer {
    let regular = ledger.next_due_amount;
    let overdue = ledger.overdue_amount;
    if overdue <= Decimal::ZERO {
        return Offer::Current;
    }
    if share <= Decimal::ZERO {
        return Offer::Defer {
            owed: ledger.remaining_balance,
        };
    }
    if let Some(months) = months_to_clear(ledger, share) {
        let monthly = share.min(regular + overdue);
        return Offer::Plan {
            monthly,
            toward_overdue: monthly - regular,
            months,
        };
    }
    let owed = ledger.remaining_balance;
    let months = ceil_div(owed, share).max(1);
    if months > MAX_MONTHS {
        return Offer::AskTerm {
            owed,
            monthly: share,
        };
    }
    let monthly =
        (owed / Decimal::from(months)).round_dp_with_strategy(2, RoundingStrategy::AwayFromZero);
    Offer::Restructure {
        owed,
        months,
        monthly: monthly.min(share),
    }
}

/// The proposal for every loan in `views` (same order as `views`). `budget` is
/// `[settings].monthly_budget`; paid-off loans get a zero share.
pub fn proposals(views: &[LoanView], budget: Option<Decimal>) -> Vec<Proposal> {
    let budget = budget.filter(|b| *b > Decimal::ZERO);
    let mut shares: Vec<Option<Decimal>> = views
        .iter()
        .map(|v| v.loan.monthly_budget.filter(|b| *b > Decimal::ZERO))
        .collect();
    let own: Vec<bool> = shares.iter().map(Option::is_some).collect();
    if let Some(total) = budget {
        let open = |i: &usize| !views[*i].ledger.status.is_closed();
        // `[settings].monthly_budget` is the total: a loan's own budget is part of it, set aside
        // first (most urgent first, as far as the total reaches), and the rest is shared.
        let mut earmarked: Vec<usize> = (0..views.len()).filter(|i| own[*i] && open(i)).collect();
        earmarked.sort_by(|&a, &b| super::urgency_order(&views[a], &views[b]));
        // Money promised (pending promises) is already committed.
        let mut left = (total - super::committed(views)).max(Decimal::ZERO);
        for &i in &earmarked {
            let take = shares[i].unwrap_or_default().min(left);
            shares[i] = Some(take);
            left -= take;
        }
        let mut order: Vec<usize> = (0..views.len()).filter(|i| !own[*i] && open(i)).collect();
        // Stable: ties keep the file's order.
        order.sort_by(|&a, &b| super::urgency_order(&views[a], &views[b]));
        let mut given = vec![Decimal::ZERO; views.len()];
        for &i in &order {
            let take = views[i].ledger.next_due_amount.min(left).max(Decimal::ZERO);
            given[i] += take;
            left -= take;
        }
        for &i in &order {
            let take = views[i].ledger.overdue_amount.min(left).max(Decimal::ZERO);
            given[i] += take;
            left -= take;
        }
        for (i, s) in shares.iter_mut().enumerate() {
            if !own[i] {
                *s = Some(given[i]);
            }
        }
    }
    views
        .iter()
        .zip(shares)
        .zip(own)
        .map(|((v, share), own_budget)| Proposal {
            loan_id: v.loan.id.clone(),
            share,
            own_budget,
            regular: v.ledger.next_due_amount,
            overdue: v.ledger.overdue_amount,
            offer: match share {
                None if v.ledger.overdue_amount > Decimal::ZERO => Offer::NoBudget,
                None => Offer::Current,
                Some(s) => offer(&v.ledger, s),
            },
        })
        .collect()
}

/// The proposal for the loan `id` among `views` (all the user's loans, computed for the same day).
pub fn proposal(views: &[LoanView], id: &str, budget: Option<Decimal>) -> Option<Proposal> {
    proposals(views, budget)
        .into_iter()
        .find(|p| p.loan_id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::schedule::tests::loan;
    use crate::model::{Loan, Method, Payment, Policy, Stage, StageKind};
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn policy() -> Policy {
        Policy {
            key: "generic".into(),
            name: "其他平台".into(),
            name_en: None,
            aliases: vec![],
            from_user: false,
            stages: vec![Stage {
                kind: StageKind::EmergencyContact,
                basis: crate::model::Basis::Article,
                day: Some(8),
                day_typical: None,
                source: "t".into(),
                note_zh: "".into(),
                note_en: "".into(),
            }],
        }
    }

    /// 12,000 at 18 % over 12 months, equal installments due on the 15th from 2026-04-15:
    /// 11 of 1,100.16 and a last one of 1,100.19 (rounding), 13,201.95 in all (the schedule tests
    /// check these figures).
    fn ctrip(id: &str) -> Loan {
        let mut l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        l.id = id.into();
        l
    }

    fn views<'a>(loans: &'a [Loan], p: &'a Policy, today: NaiveDate) -> Vec<LoanView<'a>> {
        loans
            .iter()
            .map(|l| LoanView::compute(l, p, today, 7))
            .collect()
    }

    #[test]
    fn one_loan_pays_its_installment_then_the_overdue_part() {
        // On 2026-05-20 installments 1 and 2 are overdue: 2 × 1,100.16 = 2,200.32; the next one
        // (2026-06-15) is 1,100.16. Budget 1,800: 1,800 − 1,100.16 = 699.84 a month toward the
        // overdue part → ceil(2,200.32 / 699.84) = ceil(3.144…) = 4 months.
        let loans = [ctrip("a")];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let pr = proposal(&v, "a", Some(dec!(1800))).unwrap();
        assert_eq!(pr.share, Some(dec!(1800)));
        assert_eq!(pr.regular, dec!(1100.16));
        assert_eq!(pr.overdue, dec!(2200.32));
        assert_eq!(
            pr.offer,
            Offer::Plan {
                monthly: dec!(1800),
                toward_overdue: dec!(699.84),
                months: 4
            }
        );
    }

    #[test]
    fn three_loans_share_one_budget_in_urgency_order() {
        // Budget 3,000 on 2026-05-20.
        // a: two installments overdue (oldest due 2026-04-15, 35 days late): overdue 2,200.32.
        // b: one installment overdue (paid the first; second due 2026-05-15, 5 days late): 1,100.16.
        // c: current (paid two installments): next 1,100.16 due 2026-06-15, nothing overdue.
        // Urgency: a (contact day 8 after 04-15, long passed), then b (contact 05-23), then c.
        // Pass 1, regular installments: a 1,100.16, b 1,100.16 → 799.68 left for c (short).
        // Pass 2: nothing left for the overdue parts.
        // a: share 1,100.16 = its regular installment, nothing toward the overdue part → restructure
        //    the 13,201.95 still owed: 12 × 1,100.16 = 13,201.92 falls 0.03 short, so 13 months at
        //    13,201.95 / 13 = 1,015.534… → 1,015.54 (rounded up).
        // b: the same share; owes 10 × 1,100.16 + 1,100.19 = 12,101.79; 11 × 1,100.16 = 12,101.76
        //    falls short → 12 months at 12,101.79 / 12 = 1,008.4825 → 1,008.49.
        // c: nothing overdue.
        let mut b = ctrip("b");
        b.payments.push(Payment {
            date: d(2026, 4, 15),
            amount: dec!(1100.16),
        });
        let mut c = ctrip("c");
        c.payments.push(Payment {
            date: d(2026, 5, 15),
            amount: dec!(2200.32),
        });
        let loans = [c, ctrip("a"), b];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let all = proposals(&v, Some(dec!(3000)));
        let by = |id: &str| all.iter().find(|p| p.loan_id == id).unwrap().clone();
        assert_eq!(by("a").share, Some(dec!(1100.16)));
        assert_eq!(by("b").share, Some(dec!(1100.16)));
        assert_eq!(by("c").share, Some(dec!(799.68)));
        assert_eq!(
            by("a").offer,
            Offer::Restructure {
                owed: dec!(13201.95),
                months: 13,
                monthly: dec!(1015.54),
            }
        );
        assert_eq!(
            by("b").offer,
            Offer::Restructure {
                owed: dec!(12101.79),
                months: 12,
                monthly: dec!(1008.49),
            }
        );
        assert_eq!(by("c").offer, Offer::Current);
        let total: Decimal = all.iter().filter_map(|p| p.share).sum();
        assert_eq!(total, dec!(3000));

        // With 4,300.48 the 1,000 left after the three installments (3 × 1,100.16 = 3,300.48)
        // goes to a, the most urgent: a pays 1,100.16 + 1,000 → ceil(2,200.32 / 1,000) = 3 months;
        // b gets its installment only.
        let all = proposals(&v, Some(dec!(4300.48)));
        let a = all.iter().find(|p| p.loan_id == "a").unwrap();
        assert_eq!(a.share, Some(dec!(2100.16)));
        assert_eq!(
            a.offer,
            Offer::Plan {
                monthly: dec!(2100.16),
                toward_overdue: dec!(1000),
                months: 3
            }
        );
        let b = all.iter().find(|p| p.loan_id == "b").unwrap();
        assert_eq!(b.share, Some(dec!(1100.16)));
        let c = all.iter().find(|p| p.loan_id == "c").unwrap();
        assert_eq!(c.share, Some(dec!(1100.16)));
    }

    #[test]
    fn a_budget_below_the_installment_asks_for_a_restructuring() {
        // 800 a month cannot pay the 1,100.16 installment. Still owed on 2026-05-20: all 12
        // installments, 13,201.95 → ceil(13,201.95 / 800) = ceil(16.502…) = 17 months at
        // 13,201.95 / 17 = 776.585… → 776.59 (rounded up).
        let loans = [ctrip("a")];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let pr = proposal(&v, "a", Some(dec!(800))).unwrap();
        assert_eq!(
            pr.offer,
            Offer::Restructure {
                owed: dec!(13201.95),
                months: 17,
                monthly: dec!(776.59),
            }
        );
        // Issue 21: 100 a month would need 133 months. The old offer named 60 months of 220.04
        // (13,201.95 / 60), 2.2 × the share; now the share itself is offered and the lender is
        // asked to set the term.
        let pr = proposal(&v, "a", Some(dec!(100))).unwrap();
        assert_eq!(
            pr.offer,
            Offer::AskTerm {
                owed: dec!(13201.95),
                monthly: dec!(100),
            }
        );
    }

    #[test]
    fn no_budget_leaves_the_amount_blank_and_a_loans_own_budget_is_its_share() {
        let mut own = ctrip("own");
        own.monthly_budget = Some(dec!(2000));
        let loans = [ctrip("a"), own];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let all = proposals(&v, None);
        assert_eq!(all[0].share, None);
        assert_eq!(all[0].offer, Offer::NoBudget);
        // own: 2,000 − 1,100.16 = 899.84 toward 2,200.32 → ceil(2.445…) = 3 months.
        assert!(all[1].own_budget);
        assert_eq!(
            all[1].offer,
            Offer::Plan {
                monthly: dec!(2000),
                toward_overdue: dec!(899.84),
                months: 3
            }
        );
    }

    #[test]
    fn a_loans_own_budget_comes_out_of_the_total() {
        // Settings 3,000 in total; "own" sets 2,000 aside for itself: 1,000 is left for "a",
        // less than its 1,100.16 installment → restructure 13,201.95 over ceil(13.2) = 14 months
        // at 13,201.95 / 14 = 942.996… → 943.00.
        let mut own = ctrip("own");
        own.monthly_budget = Some(dec!(2000));
        let loans = [ctrip("a"), own];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let all = proposals(&v, Some(dec!(3000)));
        assert_eq!(all[1].share, Some(dec!(2000)));
        assert_eq!(all[0].share, Some(dec!(1000)));
        assert_eq!(
            all[0].offer,
            Offer::Restructure {
                owed: dec!(13201.95),
                months: 14,
                monthly: dec!(943.00),
            }
        );
        // An own budget beyond the total is cut to the total: nothing is promised twice.
        let all = proposals(&v, Some(dec!(1500)));
        assert_eq!(all[1].share, Some(dec!(1500)));
        assert_eq!(all[0].share, Some(Decimal::ZERO));
        let total: Decimal = all.iter().filter_map(|p| p.share).sum();
        assert_eq!(total, dec!(1500));
    }

    // Issue 21: the months to clear the overdue part are counted against the installments left.
    // On 2026-05-20 two installments are overdue (2,200.32) and ten remain (nine of 1,100.16 and
    // the last of 1,100.19). A share of 1,205.16 leaves 105.00 beside each installment:
    // ceil(2,200.32 / 105) = 21 months, the old answer, but the installments end after ten.
    // Months 1–9 put 105.00 toward the overdue part, month 10 puts 1,205.16 − 1,100.19 = 104.97:
    // 1,049.97 in all, leaving 1,150.35; month 11 has no installment, so the whole 1,205.16
    // clears it. 11 months.
    #[test]
    fn months_to_clear_are_counted_against_the_installments_left() {
        let loans = [ctrip("a")];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let pr = proposal(&v, "a", Some(dec!(1205.16))).unwrap();
        assert_eq!(
            pr.offer,
            Offer::Plan {
                monthly: dec!(1205.16),
                toward_overdue: dec!(105.00),
                months: 11
            }
        );
    }

    // Issue 21: a share equal to the installment left nothing beside it, so the old code asked to
    // restructure "after the regular 1,100.19 … over 2 months at 1,100.19". Ten installments paid
    // (11,001.60); on 2027-02-20 the 02-15 one (1,100.16) is overdue and the 03-15 one (1,100.19,
    // the last) is still to come. With 1,100.19 a month: month 1 pays the 03-15 installment
    // (0.00 toward the overdue part), month 2 has no installment and clears the 1,100.16: a plan
    // of 2 months at 1,100.19, no restructuring.
    #[test]
    fn a_share_equal_to_the_installment_clears_the_overdue_part_once_installments_end() {
        let mut a = ctrip("a");
        a.payments.push(Payment {
            date: d(2027, 1, 15),
            amount: dec!(11001.60),
        });
        let loans = [a];
        let p = policy();
        let v = views(&loans, &p, d(2027, 2, 20));
        assert_eq!(v[0].ledger.overdue_amount, dec!(1100.16));
        assert_eq!(v[0].ledger.next_due_amount, dec!(1100.19));
        let pr = proposal(&v, "a", Some(dec!(1100.19))).unwrap();
        assert_eq!(
            pr.offer,
            Offer::Plan {
                monthly: dec!(1100.19),
                toward_overdue: dec!(0.00),
                months: 2
            }
        );
    }

    #[test]
    fn a_budget_taken_by_more_urgent_loans_promises_nothing() {
        // a (two installments late) is more urgent than b (one, 5 days late); 1,100.16 pays a's
        // regular installment and leaves b nothing: ask b for a deferral of its 12,101.79.
        let mut b = ctrip("b");
        b.payments.push(Payment {
            date: d(2026, 4, 15),
            amount: dec!(1100.16),
        });
        let loans = [b, ctrip("a")];
        let p = policy();
        let v = views(&loans, &p, d(2026, 5, 20));
        let all = proposals(&v, Some(dec!(1100.16)));
        assert_eq!(all[1].share, Some(dec!(1100.16)));
        assert_eq!(all[0].share, Some(Decimal::ZERO));
        assert_eq!(
            all[0].offer,
            Offer::Defer {
                owed: dec!(12101.79)
            }
        );
    }
}
