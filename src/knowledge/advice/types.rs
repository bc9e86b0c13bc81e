//! The advice's types: topics, the library and its items, the call script, the panels a loan
//! gets, and what the library may cite.

use std::sync::{LazyLock, OnceLock};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::Situation;
use crate::engine::proposal::Proposal;
use crate::model::Basis;

/// What the advice may cite (`assets/sources.toml`): each document by its own title, the same
/// in every language.
pub const SOURCES_TOML: &str = include_str!("../../../assets/sources.toml");

/// The asset's sections, parsed once; a broken asset reads as empty and the tests say why.
fn cited() -> &'static toml::Table {
    static TABLE: OnceLock<toml::Table> = OnceLock::new();
    TABLE.get_or_init(|| toml::from_str(SOURCES_TOML).unwrap_or_default())
}

/// Every title of one section of the asset.
fn titles(section: &str) -> Vec<&'static str> {
    cited()
        .get(section)
        .and_then(toml::Value::as_table)
        .map(|t| t.values().filter_map(toml::Value::as_str).collect())
        .unwrap_or_default()
}

/// One cited document by its section and key in the asset (`cite("rules", "credit_card_rules_70")`);
/// empty when the asset lacks it, which the tests rule out.
pub fn cite(section: &str, key: &str) -> &'static str {
    cited()
        .get(section)
        .and_then(|t| t.get(key))
        .and_then(toml::Value::as_str)
        .unwrap_or_default()
}

/// The four source articles, cited by title (FACTS.md).
pub static ARTICLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| titles("articles"));

/// The rules beyond the articles (FACTS.md, "your rights"), cited by name.
pub static RULES: LazyLock<Vec<&'static str>> = LazyLock::new(|| titles("rules"));

/// Placeholders the call script's lines may use.
pub const SCRIPT_PLACEHOLDERS: [&str; 9] = [
    "hardship",
    "platform",
    "product",
    "overdue_amount",
    "days_overdue",
    "monthly_budget",
    "request",
    "next_due_date",
    "currency",
];

/// Placeholders the script's requests may use (amounts come with their currency sign).
pub const REQUEST_PLACEHOLDERS: [&str; 9] = [
    "reason",
    "installment",
    "date",
    "months",
    "monthly",
    "regular",
    "owed",
    "overdue",
    "share",
];

/// The script asks to move the oldest overdue installment this many days past today.
pub const EXTENSION_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Negotiation,
    Extension,
    Contacts,
    Credit,
    Rights,
    Prevention,
    /// Keeping a repayment agreement: offered instead of negotiating while one is kept.
    Agreement,
    /// After the last payment: the closing checklist of a loan paid off or settled.
    Closing,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Negotiation,
        Topic::Extension,
        Topic::Contacts,
        Topic::Credit,
        Topic::Rights,
        Topic::Prevention,
        Topic::Agreement,
        Topic::Closing,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Topic::Negotiation => "negotiation",
            Topic::Extension => "extension",
            Topic::Contacts => "contacts",
            Topic::Credit => "credit",
            Topic::Rights => "rights",
            Topic::Prevention => "prevention",
            Topic::Agreement => "agreement",
            Topic::Closing => "closing",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topics {
    pub negotiation: String,
    pub extension: String,
    pub contacts: String,
    pub credit: String,
    pub rights: String,
    pub prevention: String,
    pub agreement: String,
    pub closing: String,
}

impl Topics {
    pub fn title(&self, t: Topic) -> &str {
        match t {
            Topic::Negotiation => &self.negotiation,
            Topic::Extension => &self.extension,
            Topic::Contacts => &self.contacts,
            Topic::Credit => &self.credit,
            Topic::Rights => &self.rights,
            Topic::Prevention => &self.prevention,
            Topic::Agreement => &self.agreement,
            Topic::Closing => &self.closing,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    pub title: String,
    pub lines: Vec<String>,
    pub checklist_title: String,
    pub checklist: Vec<String>,
    pub sources: Vec<String>,
    /// Lines (by index into `lines`) that no article says: they name general guidance as their
    /// source instead of `sources` (asking for written confirmation and a staff id, asking to
    /// stop calls to contacts, asking to reduce penalty interest).
    #[serde(default)]
    pub general_lines: Vec<usize>,
    /// Stands for `{hardship}` when the loan has no `hardship`: the user fills it in.
    pub hardship_placeholder: String,
    /// Stands for the monthly amount when no budget is set: the user fills it in.
    pub budget_placeholder: String,
    /// Said for the monthly amount when more urgent loans take the whole budget.
    pub budget_none: String,
    /// One overdue installment the share pays within the month: `{installment}`, `{date}`.
    pub request_extension: String,
    /// Several overdue installments the share pays within the month: `{overdue}`.
    pub request_clear: String,
    /// `{monthly}` a month (`{regular}` of it the regular installment) for `{months}` months.
    pub request_plan: String,
    /// The same when no regular installment is still to come.
    pub request_plan_no_regular: String,
    /// The share pays the installments left first and nothing beside them: `{monthly}` a month,
    /// the overdue `{overdue}` cleared once they are paid, `{months}` in all.
    pub request_plan_after: String,
    /// Restructure `{owed}` over `{months}` months of `{monthly}`, because `{reason}`.
    pub request_restructure: String,
    /// The reason when the share `{share}` does not reach the regular installment `{regular}`.
    pub reason_below_regular: String,
    /// The reason when it does, but leaves too little for the overdue part `{overdue}`.
    pub reason_overdue_left: String,
    /// Even `{months}` (the longest) at the share `{monthly}` do not clear `{owed}`: offer the
    /// share and ask the lender to set the term or a deferral, because `{reason}`.
    pub request_ask_term: String,
    /// No share at all: a deferral of `{owed}`, no amount promised.
    pub request_defer: String,
    /// No budget set: the request without figures.
    pub request_no_budget: String,
    /// Shown after the script when no budget is set: how to set `monthly_budget`.
    pub budget_hint: String,
}

/// One piece of advice from the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub topics: Vec<Topic>,
    pub situations: Vec<Situation>,
    /// Resolved platform keys this item is about; empty: every platform.
    pub platforms: Vec<String>,
    /// Article titles and rule names ([`ARTICLES`], [`RULES`]) that say what the item says.
    pub sources: Vec<String>,
    /// What the item adds beyond its sources is general guidance: the panels name it as such
    /// ([`general_guidance`]) after the sources.
    pub general: bool,
    pub text: String,
}

impl Item {
    /// Shown for a loan of `platform`? Items about one platform describe what the articles say
    /// about its days, so they are left out when the user's file defines that platform.
    pub fn serves_platform(&self, platform: &str, from_user: bool) -> bool {
        self.platforms.is_empty() || (!from_user && self.platforms.iter().any(|p| p == platform))
    }
}

/// One language's advice library.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub disclaimer: String,
    pub topics: Topics,
    pub script: Script,
    pub items: Vec<Item>,
}

/// Why an advice asset cannot be used. A broken asset is a broken build (the tests fail), never
/// the reader's doing, so its problems are in English for whoever builds repaydash, each line
/// naming the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdviceError {
    /// Not TOML of the advice's shape.
    #[error("{path}: {message}")]
    Syntax { path: String, message: String },
    /// Read, and these checks failed (every one found).
    #[error("{}", .0.join("\n"))]
    Problems(Vec<String>),
    /// The built-in library (`library`) is broken.
    #[error("built-in advice is broken:\n{0}")]
    Builtin(Box<AdviceError>),
}

/// What the call script asks the lender for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Move installment `installment` to `date`: the share pays it within the month.
    Extension { installment: u32, date: NaiveDate },
    /// The share pays every overdue installment within the month.
    ClearNow,
    /// What the proposal's offer says (plan, restructuring, deferral, or no budget).
    FromOffer,
}

/// The loan's own facts that fill the call script.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptFacts {
    pub platform: String,
    pub product: String,
    pub overdue_amount: Decimal,
    pub days_overdue: i64,
    /// What the loan's owner can promise: [`crate::engine::proposal`].
    pub proposal: Proposal,
    pub request: Request,
    pub next_due_date: Option<NaiveDate>,
    pub currency: String,
    /// Dates are said relative to this day (the year only when it differs).
    pub today: NaiveDate,
    /// The loan's `hardship`, as the user wrote it (None: the script leaves a blank to fill).
    pub hardship: Option<String>,
}

/// What kind of entry a panel item is; the JSON leaves it out, the dashboard may style by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ItemKind {
    /// One line of the call script.
    ScriptLine,
    /// The documents to have at hand, in one line.
    Checklist,
    /// An item of the library.
    #[default]
    Advice,
    /// Generated from the user's own file (their contact days), not from the articles.
    FromUserFile,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelItem {
    pub text: String,
    pub sources: Vec<String>,
    /// For an item about one of the loan's stages: where its day comes from (article, estimate,
    /// user). Absent for the library's items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    #[serde(skip)]
    pub kind: ItemKind,
    /// The library item's id; None for script lines and generated items.
    #[serde(skip)]
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    pub topic: Topic,
    pub title: String,
    pub items: Vec<PanelItem>,
    /// The call script's title, when the panel opens with the script.
    #[serde(skip)]
    pub script_title: Option<String>,
}

/// The advice for one loan on one day: `advice ID --json` prints exactly this.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdvicePanels {
    pub id: String,
    pub situation: Situation,
    /// The day the loan is drawn, when that is after the day asked about: nothing is owed yet, so
    /// only prevention is offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts: Option<NaiveDate>,
    pub panels: Vec<Panel>,
    /// Shown once, after the panels.
    #[serde(skip)]
    pub disclaimer: String,
    /// The credit-report day that makes the loan seriously overdue is an estimate (another
    /// platform's day): the situation's words carry ≈, as the panels do.
    #[serde(skip)]
    pub severe_estimate: bool,
}

impl AdvicePanels {
    pub fn panel(&self, topic: Topic) -> Option<&Panel> {
        self.panels.iter().find(|p| p.topic == topic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sources_asset_holds_every_document_the_code_cites() {
        assert!(toml::from_str::<toml::Table>(SOURCES_TOML).is_ok());
        assert_eq!(ARTICLES.len(), 4);
        assert_eq!(RULES.len(), 13);
        // The documents the generated items name themselves.
        for (section, key) in [
            ("rules", "credit_card_rules_70"),
            ("rules", "apr_disclosure"),
            ("rules", "credit_regulation_16"),
            ("rules", "credit_regulation_25"),
            ("rate_lines", "apr_36"),
            ("rate_lines", "apr_24"),
        ] {
            assert!(!cite(section, key).is_empty(), "{section}.{key}");
        }
        assert_eq!(
            cite("rules", "credit_regulation_16"),
            "征信业管理条例 第16条"
        );
        assert_eq!(cite("rules", "no_such"), "");
    }
}
