//! Planning's behaviour (`P`, `c`): the prompt, the plan and the weekly series recomputed with
//! the data and the day, scrolling.

use rust_decimal::Decimal;

use crate::engine::LoanView;
use crate::engine::cashflow::{self, Bucket};
use crate::engine::plan::{self, Plan, Strategy};
use crate::tui::app::App;
use crate::tui::msg::{Handled, Msg};
use crate::tui::planning::{MAX_INPUT, WEEKS, next_strategy, parse_cash};
use crate::tui::scroll::Scroll;
use crate::tui::stack::{View, ViewKind};

impl App {
    /// Every loan's view on the app's day, most urgent first (the order of `check`), as
    /// `Context::views` would compute it, taken from the snapshot instead: the day's ledgers and
    /// escalations are already there, so a what-if step does not work every loan out twice.
    fn views(&self) -> Vec<LoanView<'_>> {
        self.snap
            .loans
            .iter()
            .map(|f| {
                let loan = &self.portfolio.loans[f.idx];
                LoanView {
                    loan,
                    policy: self.policies.get(&loan.platform),
                    ledger: f.ledger.clone(),
                    escalation: f.escalation.clone(),
                }
            })
            .collect()
    }

    /// The plan for `cash` over the snapshot's views: what `present::plan::compute` gives.
    fn plan_for(&self, cash: Decimal, strategy: Strategy) -> Plan {
        plan::plan(&self.views(), cash, strategy, self.today())
    }

    /// Recompute what planning shows for the current data and day. Called by `recompute`.
    pub fn refresh_planning(&mut self) {
        if let Some(p) = &self.planning.plan {
            let (cash, strategy) = (p.cash, p.strategy);
            self.planning.plan = Some(self.plan_for(cash, strategy));
        }
        if self.planning.cashflow.is_some() {
            self.planning.cashflow = Some(self.weekly());
        }
    }

    fn weekly(&self) -> Vec<Bucket> {
        cashflow::weekly(&self.views(), self.today(), WEEKS)
    }

    pub fn open_cash_prompt(&mut self) {
        self.views.open(View::CashPrompt { error: None });
    }

    /// Enter in the prompt: show the plan for the amount, or say why it is not one.
    pub fn submit_cash(&mut self) {
        match parse_cash(&self.planning.input) {
            Ok(cash) => {
                let strategy = self
                    .planning
                    .plan
                    .as_ref()
                    .map(|p| p.strategy)
                    .unwrap_or_default();
                self.planning.plan = Some(self.plan_for(cash, strategy));
                // The prompt gives way to the plan, from its top (a new plan over the old).
                self.views.close();
                if self.views.kind() == ViewKind::Plan {
                    self.views.close();
                }
                self.views.open(View::Plan(Scroll::default()));
            }
            // Kept as the words shown, in the app's language.
            Err(e) => {
                let why = e.text().get(self.lang).to_string();
                if let Some(error) = self.views.cash_error_mut() {
                    *error = Some(why);
                }
            }
        }
    }

    pub fn cycle_strategy(&mut self) {
        if let Some(p) = &self.planning.plan {
            let (cash, strategy) = (p.cash, next_strategy(p.strategy));
            self.planning.plan = Some(self.plan_for(cash, strategy));
        }
    }

    pub fn open_cashflow(&mut self) {
        self.planning.cashflow = Some(self.weekly());
        self.views.open(View::Cashflow(Scroll::default()));
    }

    fn close_planning(&mut self) {
        self.planning.plan = None;
        self.planning.cashflow = None;
        self.views.close();
    }
}

/// The text changed: the prompt's refusal no longer applies.
fn clear_error(app: &mut App) {
    if let Some(error) = app.views.cash_error_mut() {
        *error = None;
    }
}

/// A message while the cash prompt, the plan or the cash flow is on top. The language and the
/// mouse are the app's (the prompt takes `l` as a letter).
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    match (app.views.kind(), msg) {
        (ViewKind::CashPrompt, Msg::Paste(s)) => {
            for c in s.chars() {
                update(app, Msg::Input(c));
            }
        }
        (_, m @ (Msg::Click { .. } | Msg::Wheel { .. })) => return Err(m),
        (ViewKind::Plan | ViewKind::Cashflow, m @ Msg::ToggleLang) => return Err(m),
        (_, m) => update(app, m),
    }
    Ok(Vec::new())
}

fn update(app: &mut App, msg: Msg) {
    match (app.views.kind(), msg) {
        (ViewKind::CashPrompt, Msg::Input(c)) => {
            if !c.is_control() && app.planning.input.chars().count() < MAX_INPUT {
                app.planning.input.push(c);
            }
            clear_error(app);
        }
        (ViewKind::CashPrompt, m @ (Msg::ClearInput | Msg::DeleteWord)) => {
            let end = app.planning.input.chars().count();
            let from = if matches!(m, Msg::DeleteWord) {
                crate::tui::form::word_start(&app.planning.input, end)
            } else {
                0
            };
            app.planning.input = crate::tui::form::cut(&app.planning.input, from, end);
            clear_error(app);
        }
        (ViewKind::CashPrompt, Msg::Backspace) => {
            app.planning.input.pop();
            clear_error(app);
        }
        (ViewKind::CashPrompt, Msg::Open) => app.submit_cash(),
        // Esc goes back to what is under the prompt: the plan when one is on show, else the
        // main screen (the cash flow gives way to the prompt).
        (ViewKind::CashPrompt, Msg::Back) => {
            app.views.close();
        }
        (ViewKind::CashPrompt, _) => {}
        (ViewKind::Plan | ViewKind::Cashflow, Msg::Back) => app.close_planning(),
        (ViewKind::Plan, Msg::OpenPlan) => app.open_cash_prompt(),
        (ViewKind::Plan, Msg::CycleStrategy) => {
            app.cycle_strategy();
            if let Some(s) = app.views.scroll_mut() {
                *s = Scroll::default();
            }
        }
        (ViewKind::Plan | ViewKind::Cashflow, Msg::ShiftDay(d)) => app.set_offset(app.offset + d),
        (ViewKind::Plan | ViewKind::Cashflow, Msg::RealToday) => app.set_offset(0),
        (ViewKind::Cashflow, Msg::OpenPlan) => {
            app.planning.cashflow = None;
            app.views.close();
            app.open_cash_prompt();
        }
        (ViewKind::Plan | ViewKind::Cashflow, m) => {
            let page = app.measured.plan_page;
            let last = app.measured.plan_max_scroll;
            if let Some(s) = app.views.scroll_mut() {
                // Within what the view showed last, whatever the key.
                *s = m.as_move().map_or(
                    Scroll {
                        top: s.top.min(last),
                    },
                    |mv| s.moved(mv, last, page),
                );
            }
        }
        _ => {}
    }
}
