//! The snapshot: every loan of the portfolio as both faces show it on one day, and the totals.
//! `report/` formats it as text or JSON; the dashboard holds one and draws it. A figure either
//! face shows is computed here once (see ARCHITECTURE.md).

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::contact::Countdown;
use crate::engine::proposal::{self, Proposal};
use crate::engine::{
    Escalation, InstallmentStatus, Ledger, LoanStatus, LoanView, Situation, urgency_order,
};
use crate::i18n::Lang;
use crate::knowledge::Policies;
use crate::model::{Loan, LoanTerms, Portfolio, StageKind};
use crate::money::grouped;

/// Every loan on `today`, most urgent first (the order of `check`), and the totals.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub today: NaiveDate,
    pub loans: Vec<LoanFacts>,
    pub totals: Totals,
}

impl Snapshot {
    pub fn build(
        portfolio: &Portfolio,
        policies: &Policies,
        today: NaiveDate,
        lang: Lang,
    ) -> Snapshot {
        let alert = portfolio.settings.alert_days;
        let mut views: Vec<(usize, LoanView)> = portfolio
            .loans
            .iter()
            .enumerate()
            .map(|(i, l)| {
                (
                    i,
                    LoanView::compute(l, policies.get(&l.platform), today, alert),
                )
            })
            .collect();
        views.sort_by(|a, b| urgency_order(&a.1, &b.1));
        let (idxs, views): (Vec<usize>, Vec<LoanView>) = views.into_iter().unzip();
        let proposals = proposal::proposals(&views, portfolio.settings.monthly_budget);
        let loans: Vec<LoanFacts> = idxs
            .into_iter()
            .zip(views)
            .zip(proposals)
            .enumerate()
            .map(|(urgency, ((idx, v), proposal))| {
                LoanFacts::of(idx, urgency, v, proposal, policies, (today, alert), lang)
            })
            .collect();
        let totals = totals(&loans);
        Snapshot {
            today,
            loans,
            totals,
        }
    }

    pub fn loan(&self, id: &str) -> Option<&LoanFacts> {
        self.loans.iter().find(|l| l.id == id)
    }
}

/// "Due soon", the one definition: the unpaid part of every installment, on any loan, that is
/// not overdue and falls due from `today` to `today + alert_days`, both included. A loan that is
/// overdue can have something due soon as well. Returns the amount and the days until the first.
pub fn due_soon(ledger: &Ledger, today: NaiveDate, alert_days: u32) -> (Decimal, Option<i64>) {
    let horizon = today + Duration::days(i64::from(alert_days));
    let mut sum = Decimal::ZERO;
    let mut first = None;
    for s in &ledger.installments {
        if s.status != InstallmentStatus::Paid
            && s.status != InstallmentStatus::Overdue
            && s.inst.due_date >= today
            && s.inst.due_date <= horizon
        {
            sum += s.unpaid();
            let days = (s.inst.due_date - today).num_days();
            first = Some(first.map_or(days, |f: i64| f.min(days)));
        }
    }
    (sum, first)
}

/// The true APR (IRR) of an amortized loan and its principal; `(None, None)` for a bill list.
/// The schedule report and the dashboard's detail both show this.
pub fn apr(loan: &Loan, ledger: &Ledger) -> (Option<Decimal>, Option<Decimal>) {
    match &loan.terms {
        LoanTerms::Amortized { principal, .. } => (
            crate::engine::ledger::loan_apr(loan, ledger),
            Some(*principal),
        ),
        LoanTerms::Bills(_) => (None, None),
    }
}

/// The interest and fees over the whole schedule: what the schedule report and the dashboard's
/// schedule view total.
pub fn cost_totals(ledger: &Ledger) -> (Decimal, Decimal) {
    ledger
        .agreement()
        .map_or(&ledger.installments, |a| &a.history)
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(i, f), s| {
            (i + s.inst.interest, f + s.inst.fee)
        })
}

/// The loan's name, else platform name (in `lang`) + product.
pub fn display_name(loan: &Loan, policies: &Policies, lang: Lang) -> String {
    if let Some(n) = &loan.name {
        return n.clone();
    }
    let policy = policies.get(&loan.platform);
    let written = loan.platform_written.trim();
    // An unknown platform is called what the user wrote, not "other platform"; a product that
    // repeats it is said once.
    let platform = if policy.key == "generic" && !written.is_empty() && !policy.answers_to(written)
    {
        written
    } else {
        policy.display_name(lang)
    };
    if loan.product.is_none()
        && let Some(alias) = alias_product(loan, policy)
    {
        // An alias that already holds the platform's name (支付宝借呗) is said alone.
        if alias.contains(policy.display_name(Lang::Zh)) {
            return alias.to_string();
        }
        return lang.trf(
            "present.snapshot.name.platform_product",
            &[("platform", &platform), ("product", &alias)],
        );
    }
    match &loan.product {
        Some(p) if p == platform => p.clone(),
        Some(p) => lang.trf(
            "present.snapshot.name.platform_product",
            &[("platform", &platform), ("product", p)],
        ),
        None => platform.to_string(),
    }
}

/// `platform = "借呗"` with no product: a built-in platform's alias that names the product the
/// user knows (借呗, 花呗, 借去花, 任性贷); None for a key, the platform's own name or a shortening
/// of it (携程 for 携程金融), and a user's own platform.
fn alias_product<'a>(loan: &'a Loan, policy: &crate::model::Policy) -> Option<&'a str> {
    let written = loan.platform_written.trim();
    let zh_name = policy.display_name(Lang::Zh);
    (!policy.from_user
        && policy.key != "generic"
        && !written.is_ascii()
        && written != zh_name
        && (written.contains(zh_name) || !zh_name.contains(written)))
    .then_some(written)
}

impl LoanFacts {
    fn of(
        idx: usize,
        urgency: usize,
        v: LoanView,
        proposal: Proposal,
        policies: &Policies,
        (today, alert): (NaiveDate, u32),
        lang: Lang,
    ) -> LoanFacts {
        let situation = v.situation();
        let starts = v.loan.starts_after(today);
        let timeline = if starts.is_some() {
            None
        } else {
            timeline(&v.escalation, today)
        };
        let (due_soon, due_soon_in) = due_soon(&v.ledger, today, alert);
        let countdown = Countdown::of(&v.ledger, &v.escalation, starts.is_some());
        LoanFacts {
            idx,
            id: v.loan.id.clone(),
            name: display_name(v.loan, policies, lang),
            label: v
                .loan
                .name
                .clone()
                .or_else(|| v.loan.product.clone())
                .or_else(|| alias_product(v.loan, v.policy).map(str::to_string))
                .unwrap_or_else(|| v.loan.id.clone()),
            platform: v.policy.display_name(lang).to_string(),
            // What `/` matches: the names in both languages, the product, the platform's key and
            // the id, lowercased once here rather than on every key.
            search: [
                v.loan.name.as_deref().unwrap_or_default(),
                v.loan.product.as_deref().unwrap_or_default(),
                &v.policy.name,
                v.policy.name_en.as_deref().unwrap_or_default(),
                &v.policy.key,
                &v.loan.platform_written,
                &v.loan.id,
            ]
            .join("\n")
            .to_lowercase(),
            starts,
            ledger: v.ledger,
            escalation: v.escalation,
            situation,
            urgency,
            timeline,
            proposal,
            due_soon,
            due_soon_in,
            countdown,
            archived: v.loan.archived,
        }
    }
}

/// One loan's timeline in days counted from the day shown (negative = before it): the due date
/// of its oldest unpaid installment, where each stage begins, and the emergency-contact window.
/// Every bar in the list is drawn on one shared `Scale`.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub due: i64,
    pub marks: Vec<(i64, StageKind)>,
    /// From the earliest to the later reported emergency-contact day, where the articles disagree.
    pub window: Option<(i64, i64)>,
}

impl Timeline {
    /// The (earliest) emergency-contact day.
    pub fn contact(&self) -> Option<i64> {
        self.marks
            .iter()
            .find(|m| m.1 == StageKind::EmergencyContact)
            .map(|m| m.0)
    }
}

impl Totals {
    /// The words around the three figures: (`逾期`, `7 天内到期`, `未结清 6 笔`).
    pub fn words(&self, lang: Lang, alert_days: u32) -> (&'static str, String, String) {
        (
            lang.tr("present.snapshot.totals.overdue"),
            lang.trf(
                "present.snapshot.totals.due_within",
                &[("days", &alert_days)],
            ),
            lang.count("present.snapshot.totals.open", self.open as i64),
        )
    }

    /// `逾期 ¥3,276.74  ·  7 天内到期 ¥627.00  ·  未结清 6 笔`: the dashboard's header line and
    /// the line under `check`'s date.
    pub fn line(&self, lang: Lang, cur: &str, alert_days: u32) -> String {
        let (overdue, soon, open) = self.words(lang, alert_days);
        format!(
            "{overdue} {cur}{}  ·  {soon} {cur}{}  ·  {open}",
            grouped(self.overdue),
            grouped(self.due_soon)
        )
    }
}

/// One loan as both faces show it, derived from the engine's view on the snapshot's day.
#[derive(Debug, Clone)]
pub struct LoanFacts {
    /// Index into `portfolio.loans`.
    pub idx: usize,
    pub id: String,
    pub name: String,
    /// What the list and the detail title call the loan beside its platform: its own name, else
    /// its product, else its id (never the platform again, as `name` would be).
    pub label: String,
    pub platform: String,
    /// Lowercased text the dashboard's list filter matches (see `matches`).
    pub search: String,
    /// The loan starts after the day shown (a what-if into the past): not yet drawn.
    pub starts: Option<NaiveDate>,
    pub ledger: Ledger,
    pub escalation: Escalation,
    pub situation: Situation,
    /// Position in `check`'s order.
    pub urgency: usize,
    pub timeline: Option<Timeline>,
    /// What the call script may promise this loan's lender (its share of the monthly budget).
    pub proposal: Proposal,
    /// The unpaid part of this loan's installments that fall due soon (see `due_soon`).
    pub due_soon: Decimal,
    /// Days until the first of those installments, when there is one.
    pub due_soon_in: Option<i64>,
    /// Where the emergency-contact countdown stands (one wording: `Countdown::words`).
    pub countdown: Countdown,
    /// `archived = true`: shown only when asked (`check --all`, the dashboard's H), marked, and
    /// left out of the totals.
    pub archived: bool,
}

impl LoanFacts {
    /// Does this loan match the dashboard's filter text? (Its name, product, platform in either
    /// language, platform key or id contains it, in any case.)
    pub fn matches(&self, needle: &str) -> bool {
        let needle = needle.trim().to_lowercase();
        needle.is_empty() || self.search.contains(&needle)
    }

    /// The amount that matters now: what is overdue, else the next installment's unpaid part
    /// (nothing for a loan not yet drawn on the day shown).
    pub fn amount_now(&self) -> Decimal {
        if self.starts.is_some() {
            return Decimal::ZERO;
        }
        match self.ledger.status {
            LoanStatus::Overdue => self.ledger.overdue_amount,
            LoanStatus::PaidOff | LoanStatus::Settled => Decimal::ZERO,
            _ => self.ledger.next_due_amount,
        }
    }

    /// `逾期5天` / `5d late`, `3天后到期` / `due in 3d`, else the status: the list's, the
    /// detail's and the line after a write.
    pub fn status_words(&self, lang: Lang) -> String {
        if self.starts.is_some() {
            return lang.tr("present.snapshot.not_drawn").into();
        }
        let l = &self.ledger;
        if l.status == LoanStatus::Overdue && l.agreement_broken() {
            return crate::i18n::outcome::agreement_broken_days(l.days_overdue)
                .get(lang)
                .into();
        }
        match l.status {
            LoanStatus::Overdue => {
                lang.trf("present.snapshot.status.late", &[("days", &l.days_overdue)])
            }
            LoanStatus::DueSoon => match l.days_until_due {
                Some(0) => lang.tr("present.snapshot.status.due_today").into(),
                Some(d) => lang.trf("present.snapshot.status.due_in", &[("days", &d)]),
                None => lang.status(l.status).into(),
            },
            s => lang.status(s).into(),
        }
    }

    /// Due date of the oldest unpaid installment.
    pub fn oldest_unpaid_due(&self) -> Option<NaiveDate> {
        self.escalation.anchor
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub overdue: Decimal,
    /// The sum of every loan's `due_soon`.
    pub due_soon: Decimal,
    /// Loans with something due soon.
    pub due_soon_loans: usize,
    pub open: usize,
    /// Index into `entries` of the loan with the nearest (or already passed) contact date.
    pub most_urgent: Option<usize>,
    /// The nearest contact date still ahead, when the most urgent one has passed.
    pub next_upcoming: Option<usize>,
}

fn timeline(e: &Escalation, today: NaiveDate) -> Option<Timeline> {
    let due = (e.anchor? - today).num_days();
    let marks: Vec<(i64, StageKind)> = e
        .milestones
        .iter()
        .filter_map(|m| m.day.map(|d| (due + i64::from(d), m.kind)))
        .collect();
    let window = e
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact)
        .and_then(|m| Some((due + i64::from(m.day?), due + i64::from(m.day_typical?))));
    Some(Timeline { due, marks, window })
}

fn totals(entries: &[LoanFacts]) -> Totals {
    let mut t = Totals::default();
    for (i, e) in entries.iter().enumerate().filter(|(_, e)| !e.archived) {
        t.overdue += e.ledger.overdue_amount;
        t.due_soon += e.due_soon;
        if !e.due_soon.is_zero() {
            t.due_soon_loans += 1;
        }
        if !e.ledger.status.is_closed() && e.starts.is_none() {
            t.open += 1;
            if let Some(d) = e.escalation.days_until_emergency_contact {
                let nearest = |j: Option<usize>| {
                    j.and_then(|j: usize| entries[j].escalation.days_until_emergency_contact)
                };
                if t.most_urgent.is_none() {
                    t.most_urgent = Some(i);
                }
                if d > 0 && nearest(t.next_upcoming).is_none_or(|n| d < n) {
                    t.next_upcoming = Some(i);
                }
            }
        }
    }
    // `entries` is in urgency order, so the first open loan with a contact date is the most urgent;
    // a second line is only worth showing when that one has already passed.
    if let Some(m) = t.most_urgent
        && entries[m]
            .escalation
            .days_until_emergency_contact
            .is_some_and(|d| d > 0)
    {
        t.next_upcoming = None;
    }
    t
}
