//! Planning on the dashboard: the cash prompt (`P`), the payment plan beside the loans, and the
//! weekly cash-flow view (`c`). The plan and the series are computed when their inputs change (the
//! cash, the strategy, the data, the what-if day), never per frame.

use rust_decimal::Decimal;

use crate::engine::cashflow::Bucket;
use crate::engine::plan::{Plan, Strategy};
use crate::input::InputError;

pub use crate::present::plan::strategy_label;

/// How many weeks the cash-flow view shows after the overdue bar.
pub const WEEKS: u32 = 12;

/// Longest prompt text accepted; an amount of money never needs more.
pub const MAX_INPUT: usize = 24;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Planning {
    /// What is typed in the cash prompt (kept after Enter, so `P` again starts from it; why
    /// an Enter was refused is the prompt's own, `View::CashPrompt`).
    pub input: String,
    /// The plan on show, for the current data and day.
    pub plan: Option<Plan>,
    /// The weekly series on show (overdue first, then `WEEKS` weeks from today).
    pub cashflow: Option<Vec<Bucket>>,
}

pub fn next_strategy(s: Strategy) -> Strategy {
    match s {
        Strategy::Urgency => Strategy::Avalanche,
        Strategy::Avalanche => Strategy::Snowball,
        Strategy::Snowball => Strategy::Urgency,
    }
}

/// The prompt's text as an amount, by the one input parser (as `plan --cash`, `pay` and the
/// `p` form).
pub fn parse_cash(input: &str) -> Result<Decimal, InputError> {
    crate::input::amount(input)
}
