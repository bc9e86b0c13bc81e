//! Which loans to pay first with the cash at hand, and how much.
//!
//! Every figure the plan reports comes from the engine itself: a proposed payment is tried by
//! spreading it over the loan's ledger as `Ledger::compute` spreads payments and asking the
//! escalation for the contact date from the new anchor (`contact_date_after`), so the plan obeys
//! the same rules (payments applied oldest first, extensions, the loan's own contact day) as
//! `check`, without rebuilding the loan for every step tried (tests/plan.rs holds the shortcut to
//! a full recomputation with the payment added).
//!
//! Only whole installments are ever proposed: in this engine a payment that does not fully clear an
//! installment moves neither the escalation anchor nor the due date, so it changes nothing the plan
//! is judged on. (The loans file has no field for a lender's minimum payment, so none is used.)
//!
//! The urgency strategy, in order of priority:
//! 1. Fewest loans in the emergency-contact stage within `HORIZON_DAYS`. A loan is "threatened" when
//!    its `emergency_contact_date` ≤ today + 30. Its avoidance cost is the smallest run of whole
//!    installments (in the order payments are applied) after which the recomputed contact date is
//!    past the horizon, or the loan is paid off. Maximising the number of loans saved with a budget
//!    is "take the k cheapest"; among the sets of that size the plan picks the loans nearest their
//!    contact day (a lexicographic greedy, correct because at each step it keeps a cheapest
//!    completion feasible). Cheapest-first alone would save as many loans but might skip the one
//!    whose contacts are called tomorrow; nearest-first alone might spend everything on one
//!    expensive loan and save fewer.
//! 2. Least penalty: with what is left, whole overdue installments (oldest first) of the loans not
//!    saved, highest penalty rate first. Each one cleared stops its penalty and moves the escalation
//!    anchor to the next overdue installment.
//! 3. Highest rate (avalanche): whole installments due within the horizon, highest annual rate
//!    first (a `fixed_fee` loan by its true rate, the IRR of its schedule).
//!
//! Two rules bind the order. Cash never goes to a bill not yet due while an overdue installment
//! stays unpaid: steps 1 and 2 first spend on overdue installments only, and only when every one
//! is paid do steps 1 and 3 look at bills not yet due; otherwise what is left is kept for the
//! overdue loan (`Plan::kept_for`). And before any of this (step 0), a loan already in its contact
//! stage whose credit-report day falls within the horizon gets its overdue installments first: a
//! record on the credit report stays for years (five from the end of the default, as 征信业管理条例
//! art. 16 is reported), so it is weighed above keeping another loan out of the contact stage,
//! and its reason says so.

use std::cmp::Reverse;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::LoanView;
use super::ledger::InstallmentStatus;
use crate::model::{Basis, StageKind};

/// The plan looks this many days ahead.
pub const HORIZON_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    #[default]
    Urgency,
    Avalanche,
    Snowball,
}

impl Strategy {
    pub fn key(self) -> &'static str {
        match self {
            Strategy::Urgency => "urgency",
            Strategy::Avalanche => "avalanche",
            Strategy::Snowball => "snowball",
        }
    }
}

/// Why a payment is proposed; `present::plan` words it in zh or en for both faces.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Keeps the loan out of the emergency-contact stage for the horizon.
    AvoidsContact {
        /// The contact date before the payment (may be past: contacts may be called already).
        was: NaiveDate,
        /// After the payment; None when the payment pays the loan off.
        now: Option<NaiveDate>,
    },
    /// Clears the oldest overdue installments: their penalty stops and the anchor moves on.
    ClearsOverdue {
        installments: u32,
        penalty_percent_per_day: Decimal,
        /// The contact date after the payment (still within the horizon).
        contact_now: ContactAfter,
    },
    /// Installments due within the horizon, highest rate first.
    DueSoon {
        due: NaiveDate,
        /// Percent a year: the IRR of a `fixed_fee` schedule, else the loan's own rate.
        annual_percent: Decimal,
    },
    /// Avalanche.
    HighestRate { annual_percent: Decimal },
    /// Snowball. `smaller` is the smallest balance of a loan left out (no whole bill within the
    /// horizon that the cash covers) when it is below this one's: the reason never calls a
    /// balance the smallest when it is not.
    SmallestBalance {
        balance: Decimal,
        smaller: Option<Decimal>,
    },
    /// Step 0 of urgency: the loan's credit-report stage falls within the horizon, so its overdue
    /// installments come before keeping another loan out of the contact stage.
    BeforeCreditReport {
        /// The credit-report stage's date before the payment (after today).
        was: NaiveDate,
        /// Whether that day is an estimate (basis `estimate`), shown with ≈.
        estimate: bool,
        /// Contacts may already be called on this loan (its contact day is today or past).
        in_contact_stage: bool,
        installments: u32,
        /// The credit-report stage's date after the payment.
        now: ContactAfter,
    },
}

/// The emergency-contact day after a payment that does not keep the loan out of the stage. A day
/// on or before today pushes nothing (contacts may be called already), so it is never told as a
/// push: the plan line carries a new day only when it is after today.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ContactAfter {
    /// The payment pays the loan off (or its policy has no contact day).
    NoDay,
    /// Contacts are not called before this day, which is after today.
    From(NaiveDate),
    /// The new contact day is today or already past: contacts may still be called.
    Already(NaiveDate),
}

impl ContactAfter {
    fn of(day: Option<NaiveDate>, today: NaiveDate) -> ContactAfter {
        match day {
            None => ContactAfter::NoDay,
            Some(d) if d > today => ContactAfter::From(d),
            Some(d) => ContactAfter::Already(d),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanPayment {
    pub loan_id: String,
    pub amount: Decimal,
    /// Why, one reason per part of the payment, most important first (a loan saved from the
    /// contact stage may also get its next installment when the cash allows).
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub cash: Decimal,
    pub strategy: Strategy,
    /// One entry per loan, in the order to pay.
    pub payments: Vec<PlanPayment>,
    pub left: Decimal,
    /// Loans threatened with the contact stage before the plan and not after it.
    pub avoided: Vec<String>,
    /// Loans still threatened after the plan.
    pub still_threatened: Vec<String>,
    /// The earliest unpaid installment of any loan (loan id, due date, unpaid amount): what to
    /// name when nothing falls due within the horizon.
    pub next_bill: Option<(String, NaiveDate, Decimal)>,
    /// The overdue loan (its id) whose oldest overdue installment the cash does not cover: what
    /// is left is kept for it rather than spent on a bill not yet due. None when every overdue
    /// installment is paid by the plan (or none is overdue), and for avalanche and snowball.
    pub kept_for: Option<String>,
    /// Set aside for pending promises before planning (`engine::committed`), at most
    /// the cash.
    pub committed: Decimal,
}

fn horizon(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_signed(Duration::days(HORIZON_DAYS))
        .unwrap_or(today)
}

/// The emergency-contact date of the loan of `view` (a view of `today`) after paying `extra` more
/// today (None when that pays it off or the policy has no contact day): what `LoanView::compute`
/// would say with that payment added, found from the view's ledger alone. The plan asks this for
/// every step of every threatened loan, so it must not rebuild the schedule each time (a test
/// holds it to the full recomputation).
pub fn contact_date_after(view: &LoanView, extra: Decimal, today: NaiveDate) -> Option<NaiveDate> {
    view.escalation
        .contact_date_from(view.ledger.anchor_after_paying(extra, today))
}

/// The loan's cost in percent a year: a `fixed_fee` loan's true rate (the IRR of its schedule:
/// its "rate" field is 0, the fee is its price), else its own rate; 0 when none is known.
fn annual_pct(v: &LoanView) -> Decimal {
    use crate::model::{LoanTerms, Method, Rate};
    match (&v.loan.terms, v.loan.rate()) {
        (
            LoanTerms::Amortized {
                method: Method::FixedFee,
                principal,
                term,
                ..
            },
            _,
        ) => {
            let insts: Vec<_> = v
                .ledger
                .installments
                .iter()
                .map(|s| s.inst.clone())
                .collect();
            super::rate::apr(*principal, &insts, *term).unwrap_or(Decimal::ZERO)
        }
        (_, Some(Rate::Annual(a))) => a,
        (_, Some(Rate::Daily(d))) => d * Decimal::from(360),
        (_, None) => Decimal::ZERO,
    }
}

/// The penalty's daily rate, 0 when unknown (a bill list with no rate sorts last).
fn penalty_pct(v: &LoanView) -> Decimal {
    v.ledger.penalty_percent_per_day.unwrap_or(Decimal::ZERO)
}

fn threatened(contact: Option<NaiveDate>, today: NaiveDate) -> bool {
    contact.is_some_and(|d| d <= horizon(today))
}

/// One whole unpaid installment, in the order payments are applied.
#[derive(Debug, Clone, Copy)]
struct Step {
    unpaid: Decimal,
    due: NaiveDate,
    overdue: bool,
}

fn steps(v: &LoanView) -> Vec<Step> {
    v.ledger
        .installments
        .iter()
        .filter(|s| s.status != InstallmentStatus::Paid && s.unpaid() > Decimal::ZERO)
        .map(|s| Step {
            unpaid: s.unpaid(),
            due: s.inst.due_date,
            overdue: s.status == InstallmentStatus::Overdue,
        })
        .collect()
}

/// Per-loan working state while cash is allotted.
struct Slot<'v, 'a> {
    view: &'v LoanView<'a>,
    steps: Vec<Step>,
    /// How many of `steps` the plan already pays.
    taken: usize,
    paid: Decimal,
    reasons: Vec<Reason>,
    /// Position of the loan's first payment in the plan.
    order: usize,
    /// The loan's annual rate (a `fixed_fee` loan's by IRR) and its penalty rate in percent per
    /// day, worked out once: the sorts below compare them n log n times.
    annual: Decimal,
    penalty: Decimal,
}

impl Slot<'_, '_> {
    fn contact_after(&self, extra: Decimal, today: NaiveDate) -> Option<NaiveDate> {
        contact_date_after(self.view, self.paid + extra, today)
    }
}

struct Allot<'v, 'a> {
    slots: Vec<Slot<'v, 'a>>,
    cash_left: Decimal,
    next_order: usize,
}

impl Allot<'_, '_> {
    /// Pay the slot's next `count` steps.
    fn take(&mut self, i: usize, count: usize, reason: impl FnOnce(&Slot) -> Reason) {
        if count == 0 {
            return;
        }
        let slot = &mut self.slots[i];
        let amount: Decimal = slot.steps[slot.taken..slot.taken + count]
            .iter()
            .map(|s| s.unpaid)
            .sum();
        if slot.reasons.is_empty() {
            slot.order = self.next_order;
            self.next_order += 1;
        }
        let r = reason(slot);
        slot.reasons.push(r);
        slot.taken += count;
        slot.paid += amount;
        self.cash_left -= amount;
    }

    /// The sum of the slot's next `count` steps.
    fn cost(&self, i: usize, count: usize) -> Decimal {
        let s = &self.slots[i];
        s.steps[s.taken..s.taken + count]
            .iter()
            .map(|s| s.unpaid)
            .sum()
    }

    /// The loan whose oldest overdue installment the plan leaves unpaid, oldest first.
    fn oldest_overdue_left(&self) -> Option<String> {
        self.slots
            .iter()
            .filter_map(|s| {
                let st = s.steps.get(s.taken).filter(|st| st.overdue)?;
                Some((st.due, s.view.loan.id.clone()))
            })
            .min_by(|x, y| x.0.cmp(&y.0))
            .map(|(_, id)| id)
    }

    /// How many of the slot's next steps (each passing `ok`) fit in the cash left, whole.
    fn fitting(&self, i: usize, ok: impl Fn(&Step) -> bool) -> usize {
        let slot = &self.slots[i];
        let mut sum = Decimal::ZERO;
        let mut count = 0;
        for s in &slot.steps[slot.taken..] {
            if !ok(s) || sum + s.unpaid > self.cash_left {
                break;
            }
            sum += s.unpaid;
            count += 1;
        }
        count
    }
}

/// The plan for `cash` over `views` of `today` (any order; ties keep it).
pub fn plan(views: &[LoanView], cash: Decimal, strategy: Strategy, today: NaiveDate) -> Plan {
    let cash = cash.max(Decimal::ZERO);
    // Money promised is money already committed: the plan shares out what is left.
    let committed = super::committed(views).min(cash);
    let end = horizon(today);
    let mut a = Allot {
        slots: views
            .iter()
            .filter(|v| !v.ledger.status.is_closed())
            .map(|v| Slot {
                view: v,
                steps: steps(v),
                taken: 0,
                paid: Decimal::ZERO,
                reasons: Vec::new(),
                order: usize::MAX,
                annual: annual_pct(v),
                penalty: penalty_pct(v),
            })
            .collect(),
        cash_left: cash - committed,
        next_order: 0,
    };
    let threatened_before: Vec<bool> = a
        .slots
        .iter()
        .map(|s| threatened(s.view.escalation.emergency_contact_date, today))
        .collect();
    let in_window = move |s: &Step| s.due <= end;
    let mut kept_for = None;

    match strategy {
        Strategy::Urgency => {
            let overdue_only = |s: &Step| s.overdue;
            before_credit_report(&mut a, today);
            urgency_contacts(&mut a, &threatened_before, today, overdue_only);
            // 2. least penalty: whole overdue installments, highest penalty rate first.
            let mut order: Vec<usize> = (0..a.slots.len()).collect();
            order.sort_by_key(|&i| (Reverse(a.slots[i].penalty), Reverse(a.slots[i].annual)));
            for &i in &order {
                let n = a.fitting(i, |s| s.overdue);
                if n > 0 {
                    let extra = a.cost(i, n);
                    let contact_now =
                        ContactAfter::of(a.slots[i].contact_after(extra, today), today);
                    a.take(i, n, |s| Reason::ClearsOverdue {
                        installments: n as u32,
                        penalty_percent_per_day: s.penalty,
                        contact_now,
                    });
                }
            }
            kept_for = a.oldest_overdue_left();
            if kept_for.is_none() {
                // Every overdue installment is paid: bills not yet due may now keep a loan out
                // of the contact stage, then take what is left by rate.
                let still: Vec<bool> = a
                    .slots
                    .iter()
                    .map(|s| threatened(s.contact_after(Decimal::ZERO, today), today))
                    .collect();
                urgency_contacts(&mut a, &still, today, |_| true);
                // 3. highest rate: whole installments due within the horizon.
                let mut order: Vec<usize> = (0..a.slots.len()).collect();
                order.sort_by_key(|&i| Reverse(a.slots[i].annual));
                for &i in &order {
                    let n = a.fitting(i, in_window);
                    if n > 0 {
                        let due = a.slots[i].steps[a.slots[i].taken].due;
                        a.take(i, n, |s| Reason::DueSoon {
                            due,
                            annual_percent: s.annual,
                        });
                    }
                }
            }
        }
        Strategy::Avalanche | Strategy::Snowball => {
            let mut order: Vec<usize> = (0..a.slots.len()).collect();
            if strategy == Strategy::Avalanche {
                order.sort_by_key(|&i| Reverse(a.slots[i].annual));
            } else {
                order.sort_by_key(|&i| a.slots[i].view.ledger.remaining_balance);
            }
            // The smallest balance of a loan passed over (nothing it owes within the horizon
            // fits): a later loan's reason names it rather than calling its own the smallest.
            let mut skipped: Option<Decimal> = None;
            for &i in &order {
                let n = a.fitting(i, in_window);
                let balance = a.slots[i].view.ledger.remaining_balance;
                if n == 0 {
                    skipped = Some(skipped.map_or(balance, |b| b.min(balance)));
                    continue;
                }
                a.take(i, n, |s| match strategy {
                    Strategy::Snowball => Reason::SmallestBalance {
                        balance,
                        smaller: skipped.filter(|b| *b < balance),
                    },
                    _ => Reason::HighestRate {
                        annual_percent: s.annual,
                    },
                });
            }
        }
    }

    let mut avoided = Vec::new();
    let mut still_threatened = Vec::new();
    for (slot, before) in a.slots.iter().zip(&threatened_before) {
        if !before {
            continue;
        }
        let after = slot.contact_after(Decimal::ZERO, today);
        if threatened(after, today) {
            still_threatened.push(slot.view.loan.id.clone());
        } else {
            avoided.push(slot.view.loan.id.clone());
        }
    }
    let next_bill = a
        .slots
        .iter()
        .filter_map(|s| {
            let st = s.steps.first()?;
            Some((st.due, s.view.loan.id.clone(), st.unpaid))
        })
        .min_by(|x, y| x.0.cmp(&y.0))
        .map(|(due, id, unpaid)| (id, due, unpaid));
    let mut paid: Vec<&Slot> = a.slots.iter().filter(|s| s.paid > Decimal::ZERO).collect();
    paid.sort_by_key(|s| s.order);
    let payments = paid
        .into_iter()
        .map(|s| PlanPayment {
            loan_id: s.view.loan.id.clone(),
            amount: s.paid,
            reasons: s.reasons.clone(),
        })
        .collect();
    Plan {
        cash,
        strategy,
        payments,
        left: a.cash_left,
        avoided,
        still_threatened,
        next_bill,
        kept_for,
        committed,
    }
}

/// Step 1 of the urgency strategy: save as many threatened loans as the cash allows, nearest
/// contact day first among the sets of that size.
fn urgency_contacts(
    a: &mut Allot,
    threatened_before: &[bool],
    today: NaiveDate,
    ok: impl Fn(&Step) -> bool,
) {
    // (slot index, steps needed, cost, contact date before)
    let mut cands: Vec<(usize, usize, Decimal, NaiveDate)> = Vec::new();
    for (i, slot) in a.slots.iter().enumerate() {
        let Some(was) = slot.contact_after(Decimal::ZERO, today) else {
            continue;
        };
        if !threatened_before[i] {
            continue;
        }
        let mut cost = Decimal::ZERO;
        for (k, s) in slot.steps[slot.taken..].iter().enumerate() {
            if !ok(s) {
                break;
            }
            cost += s.unpaid;
            if !threatened(slot.contact_after(cost, today), today) {
                cands.push((i, k + 1, cost, was));
                break;
            }
        }
    }
    // Nearest contact day first; the sort is stable, so ties keep the caller's order.
    cands.sort_by_key(|c| c.3);
    let budget = a.cash_left;
    let mut costs: Vec<Decimal> = cands.iter().map(|c| c.2).collect();
    costs.sort();
    let mut k = 0;
    let mut sum = Decimal::ZERO;
    for c in &costs {
        if sum + c > budget {
            break;
        }
        sum += c;
        k += 1;
    }
    // The candidates after the current one, as a Fenwick tree over cost rank, answer "the cheapest
    // m of the rest" in O(log n), so ten thousand loans do not take n² sorts.
    let mut by_cost: Vec<usize> = (0..cands.len()).collect();
    by_cost.sort_by_key(|&p| (cands[p].2, p));
    let mut rank = vec![0; cands.len()];
    for (r, &p) in by_cost.iter().enumerate() {
        rank[p] = r;
    }
    let mut rest = Fenwick::new(by_cost.iter().map(|&p| cands[p].2).collect());
    let mut chosen: Vec<usize> = Vec::new();
    let mut spent = Decimal::ZERO;
    for (pos, c) in cands.iter().enumerate() {
        rest.remove(rank[pos]);
        let need = k - chosen.len();
        if need == 0 {
            break;
        }
        if let Some(completion) = rest.cheapest(need - 1)
            && spent + c.2 + completion <= budget
        {
            chosen.push(pos);
            spent += c.2;
        }
    }
    for pos in chosen {
        let (i, n, cost, was) = cands[pos];
        let now = a.slots[i].contact_after(cost, today);
        a.take(i, n, |_| Reason::AvoidsContact { was, now });
    }
}

/// Step 0 of the urgency strategy: loans already in their contact stage whose credit-report stage
/// falls after today and within the horizon, nearest first, get their overdue installments (whole,
/// oldest first, as many as the cash covers). A loan before its contact day is step 1's.
fn before_credit_report(a: &mut Allot, today: NaiveDate) {
    let end = horizon(today);
    let mut cands: Vec<(NaiveDate, usize)> = a
        .slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let m = s.view.escalation.milestone(StageKind::CreditReport)?;
            let date = m.date.filter(|d| *d > today && *d <= end)?;
            s.steps.first().filter(|st| st.overdue)?;
            s.view
                .escalation
                .emergency_contact_date
                .filter(|d| *d <= today)?;
            Some((date, i))
        })
        .collect();
    cands.sort();
    for (was, i) in cands {
        let n = a.fitting(i, |s| s.overdue);
        if n == 0 {
            continue;
        }
        let extra = a.cost(i, n);
        let slot = &a.slots[i];
        let view = slot.view;
        let estimate = view
            .escalation
            .milestone(StageKind::CreditReport)
            .is_some_and(|m| m.basis == Basis::Estimate);
        let in_contact_stage = true;
        let anchor = view.ledger.anchor_after_paying(slot.paid + extra, today);
        let now = ContactAfter::of(
            view.escalation.date_from(StageKind::CreditReport, anchor),
            today,
        );
        // When the same payment also keeps the loan out of the contact stage for the horizon,
        // that is the reason told (it says contacts may be called already, and until when not).
        let contact_now = slot.contact_after(extra, today);
        let contact_was = view.escalation.emergency_contact_date;
        if let (Some(contact_was), false) = (contact_was, threatened(contact_now, today)) {
            a.take(i, n, |_| Reason::AvoidsContact {
                was: contact_was,
                now: contact_now,
            });
            continue;
        }
        a.take(i, n, |_| Reason::BeforeCreditReport {
            was,
            estimate,
            in_contact_stage,
            installments: n as u32,
            now,
        });
    }
}

/// Counts and sums of the costs still present, indexed by cost rank (ascending).
struct Fenwick {
    costs: Vec<Decimal>,
    count: Vec<usize>,
    sum: Vec<Decimal>,
}

impl Fenwick {
    fn new(costs: Vec<Decimal>) -> Fenwick {
        let n = costs.len();
        let mut f = Fenwick {
            costs,
            count: vec![0; n + 1],
            sum: vec![Decimal::ZERO; n + 1],
        };
        for r in 0..n {
            f.add(r, 1, f.costs[r]);
        }
        f
    }

    fn add(&mut self, rank: usize, count: isize, cost: Decimal) {
        let mut i = rank + 1;
        while i < self.count.len() {
            self.count[i] = self.count[i].saturating_add_signed(count);
            self.sum[i] += cost;
            i += i & i.wrapping_neg();
        }
    }

    fn remove(&mut self, rank: usize) {
        let cost = self.costs[rank];
        self.add(rank, -1, -cost);
    }

    /// The sum of the `m` cheapest costs present; None when fewer than `m` are.
    fn cheapest(&self, m: usize) -> Option<Decimal> {
        let n = self.count.len() - 1;
        let mut pos = 0;
        let mut left = m;
        let mut total = Decimal::ZERO;
        let mut step = if n == 0 { 0 } else { 1 << n.ilog2() };
        while step > 0 {
            let next = pos + step;
            if next <= n && self.count[next] <= left {
                pos = next;
                left -= self.count[next];
                total += self.sum[next];
            }
            step >>= 1;
        }
        (left == 0).then_some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::schedule::tests::loan;
    use crate::model::{Bill, Loan, LoanTerms, Method, Policy, Stage};
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn policy(contact_day: u32) -> Policy {
        Policy {
            key: "p".into(),
            name: "p".into(),
            name_en: None,
            aliases: vec![],
            from_user: false,
            stages: vec![Stage {
                kind: StageKind::EmergencyContact,
                basis: crate::model::Basis::Article,
                day: Some(contact_day),
                day_typical: None,
                source: "".into(),
                note_zh: "".into(),
                note_en: "".into(),
            }],
        }
    }

    fn bills(id: &str, list: &[(NaiveDate, Decimal)], daily: Decimal) -> Loan {
        let mut l = loan(Method::EqualInstallment, dec!(1000), dec!(10), 1);
        l.id = id.into();
        l.terms = LoanTerms::Bills(
            list.iter()
                .map(|&(due, amount)| Bill { due, amount })
                .collect(),
        );
        l.bill_rate = Some(crate::model::Rate::Daily(daily));
        l
    }

    fn run(loans: &[Loan], p: &Policy, cash: Decimal, s: Strategy, today: NaiveDate) -> Plan {
        let views: Vec<LoanView> = loans
            .iter()
            .map(|l| LoanView::compute(l, p, today, 7))
            .collect();
        plan(&views, cash, s, today)
    }

    fn ids(p: &Plan) -> Vec<(&str, Decimal)> {
        p.payments
            .iter()
            .map(|x| (x.loan_id.as_str(), x.amount))
            .collect()
    }

    // Today 2026-06-10, contact on overdue day 7.
    // a: 300 due 2026-06-01 → contact 06-08 (already passed); b: 200 due 06-05 → contact 06-12.
    // Both cost one bill; the next bills (2026-08-01) are due after the horizon (07-10) and push
    // the contact date to 08-08. With 300 only one fits: a is nearest (06-08) and costs 300.
    #[test]
    fn nearest_contact_day_wins_when_only_one_fits() {
        let today = d(2026, 6, 10);
        let a = bills(
            "a",
            &[(d(2026, 6, 1), dec!(300)), (d(2026, 8, 1), dec!(300))],
            dec!(0.05),
        );
        let b = bills(
            "b",
            &[(d(2026, 6, 5), dec!(200)), (d(2026, 8, 5), dec!(200))],
            dec!(0.05),
        );
        let p = run(
            &[b.clone(), a.clone()],
            &policy(7),
            dec!(300),
            Strategy::Urgency,
            today,
        );
        assert_eq!(ids(&p), vec![("a", dec!(300))]);
        assert_eq!(p.left, dec!(0));
        assert_eq!(p.avoided, vec!["a".to_string()]);
        assert_eq!(p.still_threatened, vec!["b".to_string()]);
        assert_eq!(
            p.payments[0].reasons[0],
            Reason::AvoidsContact {
                was: d(2026, 6, 8),
                now: Some(d(2026, 8, 8))
            }
        );
    }

    // Same loans, 450: a (300) + b (200) = 500 does not fit, so one loan only; cheapest-first would
    // also save one. The nearest (a) is chosen and 150 is left for b's penalty step, which cannot
    // buy b's whole 200 bill, so nothing more is proposed.
    #[test]
    fn a_partial_payment_that_changes_nothing_is_not_proposed() {
        let today = d(2026, 6, 10);
        let a = bills("a", &[(d(2026, 6, 1), dec!(300))], dec!(0.05));
        let b = bills("b", &[(d(2026, 6, 5), dec!(200))], dec!(0.05));
        let p = run(
            &[a.clone(), b.clone()],
            &policy(7),
            dec!(450),
            Strategy::Urgency,
            today,
        );
        assert_eq!(ids(&p), vec![("a", dec!(300))]);
        assert_eq!(p.left, dec!(150));
        // 150 against b's 200 alone: nothing.
        let p = run(&[b], &policy(7), dec!(150), Strategy::Urgency, today);
        assert!(p.payments.is_empty());
        assert_eq!(p.left, dec!(150));
    }

    // Saving the most loans beats saving the nearest: a costs 500 (nearest), b 200, c 250.
    // Cash 450: {b, c} = 450 saves two, {a} saves one.
    #[test]
    fn more_loans_saved_beats_nearness() {
        let today = d(2026, 6, 10);
        let a = bills("a", &[(d(2026, 6, 1), dec!(500))], dec!(0.05));
        let b = bills("b", &[(d(2026, 6, 5), dec!(200))], dec!(0.05));
        let c = bills("c", &[(d(2026, 6, 6), dec!(250))], dec!(0.05));
        let p = run(&[a, b, c], &policy(7), dec!(450), Strategy::Urgency, today);
        assert_eq!(ids(&p), vec![("b", dec!(200)), ("c", dec!(250))]);
        assert_eq!(p.avoided, vec!["b".to_string(), "c".to_string()]);
        assert_eq!(p.left, dec!(0));
    }

    // Cash enough for everything within the horizon: every overdue and due-within-30-days bill is
    // paid and the rest is reported. a: 300 overdue + 300 due 07-01 (in the window; contact day 7
    // after paying the first bill would be 07-08 ≤ 07-10, so saving a needs both: 600).
    // b: 200 overdue; its next bill (08-05) is outside the window. Total 800, cash 1000 → left 200.
    // Overdue installments come first: b is saved by its overdue bill alone, a's overdue bill is
    // cleared, and only then a's bill not yet due keeps it out of the contact stage.
    #[test]
    fn enough_cash_pays_all_and_reports_the_rest() {
        let today = d(2026, 6, 10);
        let a = bills(
            "a",
            &[(d(2026, 6, 1), dec!(300)), (d(2026, 7, 1), dec!(300))],
            dec!(0.05),
        );
        let b = bills(
            "b",
            &[(d(2026, 6, 5), dec!(200)), (d(2026, 8, 5), dec!(200))],
            dec!(0.05),
        );
        let p = run(&[a, b], &policy(7), dec!(1000), Strategy::Urgency, today);
        assert_eq!(ids(&p), vec![("b", dec!(200)), ("a", dec!(600))]);
        assert!(matches!(
            p.payments[1].reasons[..],
            [Reason::ClearsOverdue { .. }, Reason::AvoidsContact { .. }]
        ));
        assert_eq!(p.left, dec!(200));
        assert_eq!(p.avoided.len(), 2);
        assert!(p.still_threatened.is_empty());
    }

    // With too little to save a, whole overdue bills still clear (penalty stops, anchor moves):
    // a has two overdue bills of 100 (05-20, 06-01) and a 1000 bill on 06-20; saving it costs 1200.
    // Cash 150 buys the oldest bill only: the contact date moves from 05-27 to 06-08.
    #[test]
    fn clearing_the_oldest_overdue_bill_moves_the_anchor() {
        let today = d(2026, 6, 10);
        let a = bills(
            "a",
            &[
                (d(2026, 5, 20), dec!(100)),
                (d(2026, 6, 1), dec!(100)),
                (d(2026, 6, 20), dec!(1000)),
            ],
            dec!(0.05),
        );
        let p = run(&[a], &policy(7), dec!(150), Strategy::Urgency, today);
        assert_eq!(ids(&p), vec![("a", dec!(100))]);
        assert_eq!(
            p.payments[0].reasons[0],
            Reason::ClearsOverdue {
                installments: 1,
                penalty_percent_per_day: dec!(0.075),
                contact_now: ContactAfter::Already(d(2026, 6, 8)),
            }
        );
        assert_eq!(p.left, dec!(50));
        assert_eq!(p.still_threatened, vec!["a".to_string()]);
    }

    // Avalanche: highest rate first (0.10 %/day is 36 % a year); snowball: smallest remaining balance first.
    // hi: 0.10 %/day, balance 900 (bills 300 ×3, one due in the window); lo: 0.02 %/day, balance 100.
    // Neither is threatened (contact day 30). With cash 350, avalanche pays hi's one bill in the
    // window (300); the 50 left cannot buy lo's 100 bill. Snowball pays lo's 100 first; hi's 300
    // does not fit in the 250 left. With 400, snowball pays both.
    #[test]
    fn avalanche_and_snowball_orders() {
        let today = d(2026, 6, 10);
        let hi = bills(
            "hi",
            &[
                (d(2026, 6, 20), dec!(300)),
                (d(2026, 7, 20), dec!(300)),
                (d(2026, 8, 20), dec!(300)),
            ],
            dec!(0.10),
        );
        let lo = bills("lo", &[(d(2026, 6, 25), dec!(100))], dec!(0.02));
        let loans = [lo, hi];
        let av = run(&loans, &policy(30), dec!(350), Strategy::Avalanche, today);
        assert_eq!(ids(&av), vec![("hi", dec!(300))]);
        assert_eq!(av.left, dec!(50));
        assert_eq!(
            av.payments[0].reasons[0],
            Reason::HighestRate {
                annual_percent: dec!(36.0)
            }
        );
        let sb = run(&loans, &policy(30), dec!(350), Strategy::Snowball, today);
        assert_eq!(ids(&sb), vec![("lo", dec!(100))]);
        assert_eq!(sb.left, dec!(250));
        let sb = run(&loans, &policy(30), dec!(400), Strategy::Snowball, today);
        assert_eq!(ids(&sb), vec![("lo", dec!(100)), ("hi", dec!(300))]);
        assert_eq!(sb.left, dec!(0));
    }

    fn policy_with_credit(contact_day: u32, credit_day: u32) -> Policy {
        let mut p = policy(contact_day);
        p.stages.push(Stage {
            kind: StageKind::CreditReport,
            basis: crate::model::Basis::Article,
            day: Some(credit_day),
            day_typical: None,
            source: "".into(),
            note_zh: "".into(),
            note_en: "".into(),
        });
        p
    }

    // Issue 21: a fixed-fee loan's rate field is 0; its price is the fee. 12,000 over 12 months
    // at 0.5 % a month: 1,000 principal + 60 fee = 1,060 a month, whose IRR is 0.9080 % a month,
    // 10.90 % a year (numpy-financial: irr([12000] + [-1060] * 12) * 12 = 0.10896). The bill
    // list at 0.02 %/day is 7.2 % a year, so avalanche pays the fixed-fee bill first; the old
    // code ranked it at 0 %/day and paid the 100 bill, leaving 960 that buys nothing.
    #[test]
    fn a_fixed_fee_loan_ranks_by_its_true_rate() {
        let today = d(2026, 4, 1);
        let mut ff = loan(Method::FixedFee, dec!(12000), dec!(0), 12);
        ff.id = "ff".into();
        if let LoanTerms::Amortized { fee_rate, .. } = &mut ff.terms {
            *fee_rate = Some(dec!(0.5));
        }
        let lo = bills("lo", &[(d(2026, 4, 20), dec!(100))], dec!(0.02));
        let p = run(
            &[lo.clone(), ff.clone()],
            &policy(30),
            dec!(1060),
            Strategy::Avalanche,
            today,
        );
        assert_eq!(ids(&p), vec![("ff", dec!(1060))]);
        assert_eq!(
            p.payments[0].reasons[0],
            Reason::HighestRate {
                annual_percent: dec!(10.90)
            }
        );
        // Urgency's last step ranks the same way.
        let p = run(&[lo, ff], &policy(30), dec!(1060), Strategy::Urgency, today);
        assert_eq!(ids(&p), vec![("ff", dec!(1060))]);
    }

    // Issue 21: y is 9 days late on 2,500 (contacts from 07-01, within the horizon; saving it
    // costs the whole 2,500); x's 882.88 is not due until 06-28. With 2,000 the old plan paid x
    // "highest rate left" and left y unpaid; now nothing goes to a bill not yet due while an
    // overdue installment stays unpaid: the 2,000 is kept for y.
    #[test]
    fn no_cash_on_a_bill_not_due_while_an_installment_is_overdue() {
        let today = d(2026, 6, 10);
        let y = bills(
            "y",
            &[(d(2026, 6, 1), dec!(2500)), (d(2026, 7, 1), dec!(2500))],
            dec!(0.05),
        );
        let x = bills("x", &[(d(2026, 6, 28), dec!(882.88))], dec!(0.09));
        let p = run(&[x, y], &policy(30), dec!(2000), Strategy::Urgency, today);
        assert!(p.payments.is_empty(), "{:?}", p.payments);
        assert_eq!(p.left, dec!(2000));
        assert_eq!(p.kept_for.as_deref(), Some("y"));
    }

    // Issue 21: y is 10 days late on 1,500 (due 05-31): contacts may be called since 06-07 and
    // its credit-report day is 07-01, 21 days away. x's 882.88 (due 06-28) would bring contacts
    // on 07-05. Saving y from the contact stage costs 3,000 (both bills), more than the 2,000 at
    // hand; the old plan spent 882.88 keeping x out of the stage and left y's overdue unpaid.
    // Now y's overdue comes first (its credit-report day moves to 06-30 + 31 = 07-31), and the
    // 500 left buys nothing whole.
    #[test]
    fn a_loan_in_its_contact_stage_near_its_credit_report_day_comes_first() {
        let today = d(2026, 6, 10);
        let y = bills(
            "y",
            &[(d(2026, 5, 31), dec!(1500)), (d(2026, 6, 30), dec!(1500))],
            dec!(0.05),
        );
        let x = bills("x", &[(d(2026, 6, 28), dec!(882.88))], dec!(0.05));
        let p = run(
            &[x, y],
            &policy_with_credit(7, 31),
            dec!(2000),
            Strategy::Urgency,
            today,
        );
        assert_eq!(ids(&p), vec![("y", dec!(1500))]);
        assert_eq!(
            p.payments[0].reasons,
            vec![Reason::BeforeCreditReport {
                was: d(2026, 7, 1),
                estimate: false,
                in_contact_stage: true,
                installments: 1,
                now: ContactAfter::From(d(2026, 7, 31)),
            }]
        );
        assert_eq!(p.left, dec!(500));
        assert_eq!(p.kept_for, None);
    }

    // Issue 21: snowball named 3,433.83 "the smallest balance" while a loan of 3,200 (nothing due
    // within the horizon) was smaller; the reason now names the smaller one.
    #[test]
    fn snowball_names_the_true_smallest_balance() {
        let today = d(2026, 6, 10);
        let small = bills("small", &[(d(2026, 8, 20), dec!(3200))], dec!(0.05));
        let mid = bills(
            "mid",
            &[
                (d(2026, 6, 20), dec!(1000)),
                (d(2026, 8, 20), dec!(2433.83)),
            ],
            dec!(0.05),
        );
        let p = run(
            &[small, mid],
            &policy(30),
            dec!(1000),
            Strategy::Snowball,
            today,
        );
        assert_eq!(ids(&p), vec![("mid", dec!(1000))]);
        assert_eq!(
            p.payments[0].reasons[0],
            Reason::SmallestBalance {
                balance: dec!(3433.83),
                smaller: Some(dec!(3200)),
            }
        );
    }

    #[test]
    fn fenwick_sums_the_cheapest_present() {
        let mut f = Fenwick::new(vec![dec!(1), dec!(2), dec!(2), dec!(5), dec!(9)]);
        assert_eq!(f.cheapest(0), Some(dec!(0)));
        assert_eq!(f.cheapest(3), Some(dec!(5)));
        assert_eq!(f.cheapest(5), Some(dec!(19)));
        assert_eq!(f.cheapest(6), None);
        f.remove(1);
        f.remove(0);
        assert_eq!(f.cheapest(2), Some(dec!(7)));
        assert_eq!(f.cheapest(3), Some(dec!(16)));
        assert_eq!(f.cheapest(4), None);
        assert_eq!(Fenwick::new(vec![]).cheapest(0), Some(dec!(0)));
    }

    #[test]
    fn no_cash_no_payments() {
        let today = d(2026, 6, 10);
        let a = bills("a", &[(d(2026, 6, 1), dec!(300))], dec!(0.05));
        let p = run(&[a], &policy(7), Decimal::ZERO, Strategy::Urgency, today);
        assert!(p.payments.is_empty());
        assert_eq!(p.still_threatened, vec!["a".to_string()]);
    }
}
