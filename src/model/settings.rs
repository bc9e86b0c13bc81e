use rust_decimal::Decimal;

use crate::lang::Lang;

pub const DEFAULT_ALERT_DAYS: u32 = 7;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// None: decided by `--lang`, then `LANG`, then Chinese.
    pub lang: Option<Lang>,
    pub alert_days: u32,
    pub currency: String,
    /// What the user can pay a month; fills the negotiation call script.
    pub monthly_budget: Option<Decimal>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            alert_days: DEFAULT_ALERT_DAYS,
            currency: "¥".to_string(),
            monthly_budget: None,
        }
    }
}
