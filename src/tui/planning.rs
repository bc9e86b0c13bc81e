//! Planning on the dashboard: the cash prompt (`P`), the payment plan beside the loans, and the
//! weekly cash-flow view (`c`). The plan and the series are computed when their inputs change (the
//! cash, the strategy, the data, the what-if day), never per frame.

use std::cell::Cell;

use rust_decimal::Decimal;

use super::app::{App, Mode};
use super::msg::Msg;
use crate::engine::cashflow::{self, Bucket};
use crate::engine::plan::{Plan, Strategy};
use crate::i18n::Lang;
use crate::report::{self, Context};

/// How many weeks the cash-flow view shows after the overdue bar.
pub const WEEKS: u32 = 12;

/// Longest prompt text accepted; an amount of money never needs more.
const MAX_INPUT: usize = 24;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Planning {
    /// What is typed in the cash prompt (kept after Enter, so `P` again starts from it).
    pub input: String,
    /// Why the last Enter was refused, shown in the prompt until the text changes.
    pub error: Option<String>,
    /// The plan on show, for the current data and day.
    pub plan: Option<Plan>,
    /// The weekly series on show (overdue first, then `WEEKS` weeks from today).
    pub cashflow: Option<Vec<Bucket>>,
    /// Set by the view drawn last: the furthest the view can scroll, and its page of rows.
    pub max_scroll: Cell<usize>,
    pub page: Cell<usize>,
}

pub fn next_strategy(s: Strategy) -> Strategy {
    match s {
        Strategy::Urgency => Strategy::Avalanche,
        Strategy::Avalanche => Strategy::Snowball,
        Strategy::Snowball => Strategy::Urgency,
    }
}

pub fn strategy_label(lang: Lang, s: Strategy) -> &'static str {
    match s {
        Strategy::Urgency => lang.t("紧急程度优先", "urgency first"),
        Strategy::Avalanche => lang.t("雪崩法：利率高的先还", "avalanche: highest rate first"),
        Strategy::Snowball => lang.t("雪球法：余额小的先还", "snowball: smallest balance first"),
    }
}

/// The prompt's text as an amount, by the one input parser (as `plan --cash`, `pay` and the
/// `p` form), with the message in the app's language when it is not one.
pub fn parse_cash(lang: Lang, input: &str) -> Result<Decimal, String> {
    crate::input::amount(input).map_err(|e| e.text().get(lang).to_string())
}

impl App {
    fn context(&self) -> Context<'_> {
        Context {
            portfolio: &self.portfolio,
            policies: &self.policies,
            today: self.today(),
            lang: self.lang,
        }
    }

    /// Recompute what planning shows for the current data and day. Called by `recompute`.
    pub fn refresh_planning(&mut self) {
        if let Some(p) = &self.planning.plan {
            let (cash, strategy) = (p.cash, p.strategy);
            self.planning.plan = Some(report::plan::compute(&self.context(), cash, strategy));
        }
        if self.planning.cashflow.is_some() {
            self.planning.cashflow = Some(self.weekly());
        }
    }

    fn weekly(&self) -> Vec<Bucket> {
        let ctx = self.context();
        cashflow::weekly(&ctx.views(), ctx.today, WEEKS)
    }

    pub fn open_cash_prompt(&mut self) {
        self.planning.error = None;
        self.mode = Mode::CashPrompt;
    }

    /// Enter in the prompt: show the plan for the amount, or say why it is not one.
    pub fn submit_cash(&mut self) {
        match parse_cash(self.lang, &self.planning.input) {
            Ok(cash) => {
                let strategy = self
                    .planning
                    .plan
                    .as_ref()
                    .map(|p| p.strategy)
                    .unwrap_or_default();
                self.planning.error = None;
                self.planning.plan = Some(report::plan::compute(&self.context(), cash, strategy));
                self.mode = Mode::Plan { scroll: 0 };
            }
            Err(e) => self.planning.error = Some(e),
        }
    }

    pub fn cycle_strategy(&mut self) {
        if let Some(p) = &self.planning.plan {
            let (cash, strategy) = (p.cash, next_strategy(p.strategy));
            self.planning.plan = Some(report::plan::compute(&self.context(), cash, strategy));
        }
    }

    pub fn open_cashflow(&mut self) {
        self.planning.cashflow = Some(self.weekly());
        self.mode = Mode::Cashflow { scroll: 0 };
    }

    fn close_planning(&mut self) {
        self.planning.plan = None;
        self.planning.cashflow = None;
        self.mode = Mode::Main;
    }
}

/// `update` for the planning modes.
pub fn update(app: &mut App, msg: Msg) {
    match (app.mode, msg) {
        (Mode::CashPrompt, Msg::Input(c)) => {
            if !c.is_control() && app.planning.input.chars().count() < MAX_INPUT {
                app.planning.input.push(c);
            }
            app.planning.error = None;
        }
        (Mode::CashPrompt, Msg::Backspace) => {
            app.planning.input.pop();
            app.planning.error = None;
        }
        (Mode::CashPrompt, Msg::Open) => app.submit_cash(),
        // Esc goes back to the plan when one is on show, else to the main screen.
        (Mode::CashPrompt, Msg::Back) => {
            app.planning.error = None;
            app.mode = if app.planning.plan.is_some() {
                Mode::Plan { scroll: 0 }
            } else {
                Mode::Main
            };
        }
        (Mode::CashPrompt, _) => {}
        (Mode::Plan { .. } | Mode::Cashflow { .. }, Msg::Back) => app.close_planning(),
        (Mode::Plan { .. }, Msg::OpenPlan) => app.open_cash_prompt(),
        (Mode::Plan { .. }, Msg::CycleStrategy) => {
            app.cycle_strategy();
            app.mode = Mode::Plan { scroll: 0 };
        }
        (Mode::Plan { .. } | Mode::Cashflow { .. }, Msg::ShiftDay(d)) => {
            app.set_offset(app.offset + d)
        }
        (Mode::Plan { .. } | Mode::Cashflow { .. }, Msg::RealToday) => app.set_offset(0),
        (Mode::Cashflow { .. }, Msg::OpenPlan) => {
            app.planning.cashflow = None;
            app.open_cash_prompt();
        }
        (Mode::Plan { scroll }, m) => {
            app.mode = Mode::Plan {
                scroll: scrolled(app, scroll, m),
            }
        }
        (Mode::Cashflow { scroll }, m) => {
            app.mode = Mode::Cashflow {
                scroll: scrolled(app, scroll, m),
            }
        }
        _ => {}
    }
}

/// The scroll offset after `m`, within what the view showed last.
fn scrolled(app: &App, scroll: usize, m: Msg) -> usize {
    let page = app.planning.page.get().max(1);
    let last = app.planning.max_scroll.get();
    let s = match m {
        Msg::Up => scroll.saturating_sub(1),
        Msg::Down => scroll.saturating_add(1),
        Msg::PageUp => scroll.saturating_sub(page),
        Msg::PageDown => scroll.saturating_add(page),
        Msg::Top => 0,
        Msg::Bottom => last,
        _ => scroll,
    };
    s.min(last)
}
