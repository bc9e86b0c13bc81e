//! The dashboard's model: the loaded portfolio, the day it is looked at, and everything derived
//! from them, computed once per change (data, day, sort) rather than once per frame.

use std::cell::Cell;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use crate::engine::{
    Escalation, InstallmentStatus, Ledger, LoanStatus, LoanView, Situation, rate, urgency_order,
};
use crate::i18n::Lang;
use crate::knowledge::Policies;
use crate::model::{LoanTerms, Policy, Portfolio, StageKind};
use crate::report::display_name;
use crate::store::{self, Loaded, Source};

/// What covers the main screen, if anything. New overlays (forms, plans) are added here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Main,
    /// The selected loan's full schedule, scrolled by `scroll` rows.
    Schedule {
        scroll: usize,
    },
    Help,
    /// The one-line prompt for the cash at hand (`P`); its text is `App::cash_input`.
    CashPrompt,
    /// The payment plan beside the loans, scrolled by `scroll` rows.
    Plan {
        scroll: usize,
    },
    /// What falls due week by week.
    Cashflow {
        scroll: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Urgency,
    Amount,
    DueDate,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Urgency => SortKey::Amount,
            SortKey::Amount => SortKey::DueDate,
            SortKey::DueDate => SortKey::Urgency,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SortKey::Urgency => lang.t("按紧急程度", "by urgency"),
            SortKey::Amount => lang.t("按金额", "by amount"),
            SortKey::DueDate => lang.t("按到期日", "by due date"),
        }
    }
}

/// One loan's timeline, in days counted from its anchor (the due date of the oldest unpaid
/// installment): where today is, where each stage begins, and the emergency-contact window.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// First and last day shown (start ≤ 0 ≤ end).
    pub start: i64,
    pub end: i64,
    pub today: i64,
    pub marks: Vec<(i64, StageKind)>,
    /// From the earliest to the later reported emergency-contact day, where the articles disagree.
    pub window: Option<(i64, i64)>,
}

/// One loan as the dashboard shows it, derived from the engine's view on the app's day.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `portfolio.loans`.
    pub idx: usize,
    pub id: String,
    pub name: String,
    pub platform: String,
    pub ledger: Ledger,
    pub escalation: Escalation,
    pub situation: Situation,
    /// Position in `check`'s order.
    pub urgency: usize,
    pub timeline: Option<Timeline>,
}

impl Entry {
    /// The amount that matters now: what is overdue, else the next installment's unpaid part.
    pub fn amount_now(&self) -> Decimal {
        match self.ledger.status {
            LoanStatus::Overdue => self.ledger.overdue_amount,
            LoanStatus::PaidOff => Decimal::ZERO,
            _ => self.ledger.next_due_amount,
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
    /// Unpaid amounts falling due from today to today + alert_days.
    pub due_soon: Decimal,
    pub open: usize,
    /// Index into `entries` of the loan with the nearest (or already passed) contact date.
    pub most_urgent: Option<usize>,
    /// The nearest contact date still ahead, when the most urgent one has passed.
    pub next_upcoming: Option<usize>,
}

/// An advice topic as the advice area shows it. The advice content is fed in later; until then
/// the area shows the selected loan's stages in this form.
#[derive(Debug, Clone, PartialEq)]
pub struct AdviceTopic {
    pub title: String,
    pub items: Vec<AdviceItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdviceItem {
    pub text: String,
    pub sources: Vec<String>,
}

/// What the detail panel needs beyond the entry, computed when the selection or data changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    pub apr: Option<Decimal>,
    pub principal: Option<Decimal>,
    pub advice: Vec<AdviceTopic>,
}

pub struct App {
    pub lang: Lang,
    pub color: bool,
    pub source: Source,
    pub builtin: Vec<Policy>,
    pub portfolio: Portfolio,
    pub policies: Policies,
    /// The day the program was told is today (the clock's, or `--today`); moves at midnight.
    pub base_today: NaiveDate,
    /// What-if shift of `base_today` in days (`[` and `]`).
    pub offset: i64,
    pub entries: Vec<Entry>,
    /// Indices into `entries` in display order.
    pub order: Vec<usize>,
    pub totals: Totals,
    pub sort: SortKey,
    /// Position in `order`.
    pub selected: usize,
    pub detail: Detail,
    pub mode: Mode,
    pub advice_topic: usize,
    pub reveal_phones: bool,
    /// The last reload error, or another message for the status line.
    pub status: Option<String>,
    pub quit: bool,
    /// Rows the list showed in the last frame: the page size for PgUp/PgDn, and its scroll offset.
    pub list_page: Cell<usize>,
    pub list_offset: Cell<usize>,
    /// Planning (`P`, `c`): the prompt's text and message, and the plan and weekly series for
    /// the current data and day (recomputed with them, see `tui::planning`).
    pub planning: super::planning::Planning,
}

impl App {
    pub fn new(loaded: Loaded, builtin: Vec<Policy>, today: NaiveDate, lang: Lang) -> App {
        let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
        let mut app = App {
            lang,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            source: loaded.source,
            builtin,
            portfolio: loaded.portfolio,
            policies,
            base_today: today,
            offset: 0,
            entries: Vec::new(),
            order: Vec::new(),
            totals: Totals::default(),
            sort: SortKey::Urgency,
            selected: 0,
            detail: Detail::default(),
            mode: Mode::Main,
            advice_topic: 0,
            reveal_phones: false,
            status: None,
            quit: false,
            list_page: Cell::new(10),
            list_offset: Cell::new(0),
            planning: Default::default(),
        };
        app.recompute();
        app
    }

    pub fn today(&self) -> NaiveDate {
        self.base_today
            .checked_add_signed(Duration::days(self.offset))
            .unwrap_or(self.base_today)
    }

    pub fn is_demo(&self) -> bool {
        self.source == Source::Demo
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.order.get(self.selected).map(|&i| &self.entries[i])
    }

    pub fn selected_id(&self) -> Option<String> {
        self.selected_entry().map(|e| e.id.clone())
    }

    /// Recompute every entry for the current data and day, keeping the selected loan.
    pub fn recompute(&mut self) {
        let keep = self.selected_id();
        let today = self.today();
        let alert = self.portfolio.settings.alert_days;
        let mut views: Vec<(usize, LoanView)> = self
            .portfolio
            .loans
            .iter()
            .enumerate()
            .map(|(i, l)| {
                (
                    i,
                    LoanView::compute(l, self.policies.get(&l.platform), today, alert),
                )
            })
            .collect();
        views.sort_by(|a, b| urgency_order(&a.1, &b.1));
        self.entries = views
            .into_iter()
            .enumerate()
            .map(|(urgency, (idx, v))| {
                let situation = v.situation();
                let timeline = timeline(&v.escalation, today);
                Entry {
                    idx,
                    id: v.loan.id.clone(),
                    name: display_name(v.loan, &self.policies),
                    platform: v.policy.name.clone(),
                    ledger: v.ledger,
                    escalation: v.escalation,
                    situation,
                    urgency,
                    timeline,
                }
            })
            .collect();
        self.totals = totals(&self.entries, today, alert);
        self.sort_entries();
        self.select_id(keep.as_deref());
        self.refresh_planning();
    }

    fn sort_entries(&mut self) {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        let e = &self.entries;
        match self.sort {
            // `entries` is already in urgency order.
            SortKey::Urgency => {}
            SortKey::Amount => order.sort_by(|&a, &b| {
                e[b].amount_now()
                    .cmp(&e[a].amount_now())
                    .then(e[a].urgency.cmp(&e[b].urgency))
            }),
            SortKey::DueDate => order.sort_by_key(|&i| {
                (
                    e[i].oldest_unpaid_due().is_none(),
                    e[i].oldest_unpaid_due(),
                    e[i].urgency,
                )
            }),
        }
        self.order = order;
    }

    /// Select the loan with this id, else keep the position (clamped).
    pub fn select_id(&mut self, id: Option<&str>) {
        if let Some(pos) =
            id.and_then(|id| self.order.iter().position(|&i| self.entries[i].id == id))
        {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.order.len().saturating_sub(1));
        self.refresh_detail();
    }

    pub fn select(&mut self, pos: usize) {
        let pos = pos.min(self.order.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.advice_topic = 0;
            self.refresh_detail();
        }
    }

    pub fn set_sort(&mut self, sort: SortKey) {
        let keep = self.selected_id();
        self.sort = sort;
        self.sort_entries();
        self.select_id(keep.as_deref());
    }

    pub fn set_offset(&mut self, offset: i64) {
        // A what-if stays within about thirty years either way, so dates never overflow.
        self.offset = offset.clamp(-11_000, 11_000);
        self.recompute();
    }

    /// Read the file again; on failure keep the old data and say why in the status line.
    pub fn reload(&mut self) {
        match store::load(&self.source, &self.builtin, self.base_today) {
            Ok(loaded) => {
                self.policies = Policies::new(&self.builtin, &loaded.portfolio.platforms);
                self.portfolio = loaded.portfolio;
                self.status = None;
                self.recompute();
            }
            Err(e) => {
                let first = e.render().lines().next().unwrap_or_default().to_string();
                self.status = Some(format!(
                    "{} {first}",
                    self.lang.t(
                        "重新读取失败，仍显示旧数据：",
                        "reload failed, showing the old data:"
                    )
                ));
            }
        }
    }

    fn refresh_detail(&mut self) {
        let Some(e) = self.selected_entry() else {
            self.detail = Detail::default();
            return;
        };
        let loan = &self.portfolio.loans[e.idx];
        let (apr, principal) = match &loan.terms {
            LoanTerms::Amortized {
                principal, term, ..
            } => {
                let insts: Vec<_> = e
                    .ledger
                    .installments
                    .iter()
                    .map(|s| s.inst.clone())
                    .collect();
                (rate::apr(*principal, &insts, *term), Some(*principal))
            }
            LoanTerms::Bills(_) => (None, None),
        };
        let advice = stage_topics(e, self.lang);
        self.detail = Detail {
            apr,
            principal,
            advice,
        };
        if self.advice_topic >= self.detail.advice.len() {
            self.advice_topic = 0;
        }
    }
}

/// Until the advice content is merged, the advice area shows each stage with what its sources say.
fn stage_topics(e: &Entry, lang: Lang) -> Vec<AdviceTopic> {
    e.escalation
        .milestones
        .iter()
        .map(|m| {
            let mut sources = Vec::new();
            if m.from_user {
                sources.push(
                    lang.t("天数来自你的账本文件", "the days come from your loans file")
                        .to_string(),
                );
            }
            if !m.source.is_empty() {
                sources.push(m.source.clone());
            }
            let when = match (m.day, m.day_typical) {
                (Some(d), Some(t)) => lang_days(lang, &format!("{d}–{t}")),
                (Some(d), None) => lang_days(lang, &d.to_string()),
                _ => lang.t("文章未给出天数", "no day given").to_string(),
            };
            AdviceTopic {
                title: format!("{} · {when}", lang.stage(m.kind)),
                items: vec![AdviceItem {
                    text: lang.t(&m.note_zh, &m.note_en).to_string(),
                    sources,
                }],
            }
        })
        .collect()
}

fn lang_days(lang: Lang, days: &str) -> String {
    match lang {
        Lang::Zh => format!("逾期第 {days} 天"),
        Lang::En => format!("overdue day {days}"),
    }
}

fn timeline(e: &Escalation, today: NaiveDate) -> Option<Timeline> {
    let anchor = e.anchor?;
    let today_d = (today - anchor).num_days();
    let marks: Vec<(i64, StageKind)> = e
        .milestones
        .iter()
        .filter_map(|m| m.day.map(|d| (i64::from(d), m.kind)))
        .collect();
    let window = e
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact)
        .and_then(|m| Some((i64::from(m.day?), i64::from(m.day_typical?))));
    let last = marks
        .iter()
        .map(|m| m.0)
        .chain(window.map(|w| w.1))
        .max()
        .unwrap_or(0);
    // A little room past the last stage (and past today) so the end is not crammed.
    let end = last.max(today_d).max(1) + 2;
    let start = today_d.min(0);
    Some(Timeline {
        start,
        end,
        today: today_d,
        marks,
        window,
    })
}

fn totals(entries: &[Entry], today: NaiveDate, alert_days: u32) -> Totals {
    let horizon = today + Duration::days(i64::from(alert_days));
    let mut t = Totals::default();
    for (i, e) in entries.iter().enumerate() {
        t.overdue += e.ledger.overdue_amount;
        t.due_soon += e
            .ledger
            .installments
            .iter()
            .filter(|s| {
                s.status != InstallmentStatus::Paid
                    && s.status != InstallmentStatus::Overdue
                    && s.inst.due_date >= today
                    && s.inst.due_date <= horizon
            })
            .map(|s| s.unpaid())
            .sum::<Decimal>();
        if e.ledger.status != LoanStatus::PaidOff {
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
