//! Advice for the dashboard's panels and `repaydash advice`, parsed from
//! `assets/advice.zh.toml` and `assets/advice.en.toml`.
//!
//! Each item of the library is tagged with the topics and situations it serves, the sources it rests
//! on (an article title or a rule name) and, optionally, the platforms it is about. [`panels`] picks
//! the items that serve one loan's situation today and groups them into panels, one a topic, ordered
//! by what helps most in that situation (see [`topic_order`]). The negotiation panel of an overdue
//! loan opens with the call script filled with the loan's own figures.
//!
//! The assets are part of the program: a broken one fails the tests, and at run time is reported as
//! an error rather than a panic.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::proposal::{Offer, Proposal};
use crate::engine::{InstallmentStatus, LoanView, Situation};
use crate::i18n::Lang;
use crate::model::{Basis, Settings, StageKind};
use crate::money::grouped;

use super::spoken;

pub const ADVICE_ZH: &str = include_str!("../../assets/advice.zh.toml");
pub const ADVICE_EN: &str = include_str!("../../assets/advice.en.toml");

/// The four source articles, cited by title (FACTS.md).
pub const ARTICLES: [&str; 4] = [
    "携程借款逾期一天会立即联系紧急联系人吗",
    "支付宝借呗逾期后会如何联系紧急联系人?怎么处理?",
    "星图金融任性贷逾期多久会联系紧急联系人",
    "逾期打联系人的方法",
];

/// The rules beyond the articles (FACTS.md, "your rights"), cited by name.
pub const RULES: [&str; 13] = [
    "GB/T 45251—2025 互联网金融 个人网络消费信贷 贷后催收风控指引（新京报报道，2025）",
    "中国银行业协会 消费贷款催收指引（2026-01-30，新闻报道）",
    "投诉渠道 12378（国家金融监督管理总局）",
    "投诉渠道 12363（中国人民银行，含征信异议）",
    "投诉渠道 12321（骚扰电话、短信举报）",
    "报警电话 110（威胁、暴力）",
    "征信业管理条例 第15条",
    "征信业管理条例 第16条",
    "征信业管理条例 第17条",
    "征信业管理条例 第25条",
    "商业银行信用卡业务监督管理办法 第70条",
    "中国人民银行公告〔2021〕第3号（明示年化利率）",
    "中国人民银行关于人民币贷款利率有关问题的通知（银发〔2003〕251号，逾期罚息为合同利率上浮30%–50%）",
];

/// The reported lines a loan's true rate is told against (FACTS: the cost of a loan), cited by
/// the generated rate item only: 36 %, then 24 %.
pub const RATE_LINES: [&str; 2] = [
    "关于规范整顿“现金贷”业务的通知（整治办函〔2017〕141号，综合年化成本 36%）",
    "消费金融公司新发放贷款年化利率不超过 24% 的报道（新闻报道，2025）",
];

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

/// The panels of a situation, most useful first. Every topic is listed; a topic with nothing to say
/// in that situation is left out of the result.
///
/// - `overdue_contacts`: contacts may be called now, so what to tell them and what they owe comes
///   first, then getting the lender to agree something, then the rules collectors must keep.
/// - `overdue_early`: there is still time before contacts are called: negotiate and ask for an
///   extension now; contacts and credit follow.
/// - `overdue_severe`: a credit report or a lawsuit is near or here: negotiate, know your rights
///   (court summons, complaints), then the credit record.
/// - `due_soon`: an extension asked before the due date is the best chance; then the habits that
///   prevent a late payment.
/// - `current`: prevention first; nothing is wrong yet.
/// - `paid_off`: the credit record first (proof of settlement, checking the report), then prevention.
pub fn topic_order(s: Situation) -> [Topic; 6] {
    use Topic::*;
    match s {
        Situation::OverdueContacts => {
            [Contacts, Negotiation, Extension, Rights, Credit, Prevention]
        }
        Situation::OverdueEarly => [Negotiation, Extension, Contacts, Credit, Rights, Prevention],
        Situation::OverdueSevere => [Negotiation, Rights, Credit, Extension, Contacts, Prevention],
        Situation::DueSoon => [Extension, Prevention, Contacts, Credit, Negotiation, Rights],
        Situation::Current => [Prevention, Credit, Contacts, Rights, Extension, Negotiation],
        Situation::PaidOff => [Credit, Prevention, Contacts, Rights, Extension, Negotiation],
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    topics: Vec<Topic>,
    situations: Vec<String>,
    #[serde(default)]
    platforms: Vec<String>,
    sources: Vec<String>,
    /// No article or rule says it: general guidance, shown as such.
    #[serde(default)]
    general: bool,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLibrary {
    disclaimer: String,
    topics: Topics,
    script: Script,
    item: Vec<RawItem>,
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

/// `{name}` placeholders in `s`, in order.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Replace each `{name}` with its value; names not in `values` are left as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (close, *v))
        });
        match hit {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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

/// Parse and check one advice file; every problem found is listed in the error.
pub fn parse(src: &str, path: &str) -> Result<Library, AdviceError> {
    let raw: RawLibrary = toml::from_str(src).map_err(|e| AdviceError::Syntax {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    let mut problems: Vec<String> = vec![];
    let mut bad = |m: String| problems.push(format!("{path}: {m}"));

    if raw.disclaimer.trim().is_empty() {
        bad("`disclaimer` is empty".into());
    }
    for t in Topic::ALL {
        if raw.topics.title(t).trim().is_empty() {
            bad(format!("topics.{} is empty", t.key()));
        }
    }
    let s = &raw.script;
    if s.lines.is_empty() {
        bad("script.lines is empty".into());
    }
    let allowed = |what: &str, text: &str, names: &[&str], bad: &mut dyn FnMut(String)| {
        for p in placeholders(text) {
            if !names.contains(&p) {
                bad(format!(
                    "{what}: unknown placeholder {{{p}}}; expected one of {}",
                    names.join(", ")
                ));
            }
        }
    };
    for &i in &s.general_lines {
        if i >= s.lines.len() {
            bad(format!(
                "script.general_lines: {i} is no line (there are {})",
                s.lines.len()
            ));
        }
    }
    for (i, line) in s.lines.iter().enumerate() {
        allowed(
            &format!("script.lines[{i}]"),
            line,
            &SCRIPT_PLACEHOLDERS,
            &mut bad,
        );
    }
    for (what, text) in [
        ("request_extension", &s.request_extension),
        ("request_clear", &s.request_clear),
        ("request_plan", &s.request_plan),
        ("request_plan_no_regular", &s.request_plan_no_regular),
        ("request_plan_after", &s.request_plan_after),
        ("request_restructure", &s.request_restructure),
        ("reason_below_regular", &s.reason_below_regular),
        ("reason_overdue_left", &s.reason_overdue_left),
        ("request_ask_term", &s.request_ask_term),
        ("request_defer", &s.request_defer),
        ("request_no_budget", &s.request_no_budget),
        ("budget_hint", &s.budget_hint),
    ] {
        allowed(
            &format!("script.{what}"),
            text,
            &REQUEST_PLACEHOLDERS,
            &mut bad,
        );
        if text.trim().is_empty() {
            bad(format!("script.{what} is empty"));
        }
    }
    for (what, text, name) in [
        ("request_plan", &s.request_plan, "months"),
        ("request_restructure", &s.request_restructure, "months"),
        ("request_restructure", &s.request_restructure, "monthly"),
        ("request_restructure", &s.request_restructure, "reason"),
    ] {
        if !placeholders(text).contains(&name) {
            bad(format!("script.{what} must contain {{{name}}}"));
        }
    }
    for (what, v) in [
        ("title", &s.title),
        ("checklist_title", &s.checklist_title),
        ("budget_placeholder", &s.budget_placeholder),
        ("budget_none", &s.budget_none),
    ] {
        if v.trim().is_empty() {
            bad(format!("script.{what} is empty"));
        }
    }
    if s.sources.is_empty() {
        bad("script.sources is empty".into());
    }

    let mut seen: HashSet<String> = HashSet::new();
    let mut items = Vec::with_capacity(raw.item.len());
    for (i, it) in raw.item.into_iter().enumerate() {
        let at = format!("item[{i}] ({})", it.id);
        if it.id.is_empty()
            || !it
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            bad(format!("{at}: id must be [A-Za-z0-9_-]+"));
        }
        if !seen.insert(it.id.clone()) {
            bad(format!("{at}: duplicate id"));
        }
        if it.topics.is_empty() {
            bad(format!("{at}: no topics"));
        }
        if (it.sources.is_empty() && !it.general) || it.sources.iter().any(|s| s.trim().is_empty())
        {
            bad(format!(
                "{at}: every item needs a non-empty source, or `general = true`"
            ));
        }
        if it.text.trim().is_empty() {
            bad(format!("{at}: empty text"));
        }
        if it.platforms.iter().any(|p| p.trim().is_empty()) {
            bad(format!("{at}: empty platform key"));
        }
        let mut situations = vec![];
        for s in &it.situations {
            match Situation::from_key(s) {
                Some(s) => situations.push(s),
                None => bad(format!("{at}: unknown situation {s:?}")),
            }
        }
        if it.situations.is_empty() {
            bad(format!("{at}: no situations"));
        }
        items.push(Item {
            id: it.id,
            topics: it.topics,
            situations,
            platforms: it.platforms,
            sources: it.sources,
            general: it.general,
            text: it.text,
        });
    }
    if items.is_empty() {
        problems.push(format!("{path}: no [[item]]"));
    }
    if problems.is_empty() {
        Ok(Library {
            disclaimer: raw.disclaimer,
            topics: raw.topics,
            script: raw.script,
            items,
        })
    } else {
        Err(AdviceError::Problems(problems))
    }
}

/// The built-in library for `lang`, parsed once.
pub fn library(lang: Lang) -> Result<&'static Library, AdviceError> {
    static ZH: OnceLock<Result<Library, AdviceError>> = OnceLock::new();
    static EN: OnceLock<Result<Library, AdviceError>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => ZH.get_or_init(|| parse(ADVICE_ZH, "assets/advice.zh.toml")),
        Lang::En => EN.get_or_init(|| parse(ADVICE_EN, "assets/advice.en.toml")),
    };
    cell.as_ref()
        .map_err(|e| AdviceError::Builtin(Box::new(e.clone())))
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

/// The platform as the user knows it, in `lang`: see [`platform_and_product`].
pub fn platform_label(view: &LoanView, lang: Lang) -> String {
    platform_and_product(view, lang).0
}

/// The platform as the user knows it, in `lang`, and the product: the policy's name, or what the
/// user wrote for an unknown one; a loan of the plain generic platform is named from its own name,
/// else its product, else its id (never "another platform"), and the product then says only
/// "a loan".
pub fn platform_and_product(view: &LoanView, lang: Lang) -> (String, String) {
    let p = view.policy;
    let loan = view.loan;
    let a_loan = || lang.t("一笔钱", "consumer").to_string();
    let product = || loan.product.clone().unwrap_or_else(a_loan);
    let written = loan.platform_written.trim();
    if p.key != "generic" {
        return (p.display_name(lang).to_string(), product());
    }
    if !written.is_empty() && !p.answers_to(written) {
        // "某某分期" as both platform and product is said once.
        let prod = match &loan.product {
            Some(prod) if prod.trim() == written => a_loan(),
            _ => product(),
        };
        return (written.to_string(), prod);
    }
    match (&loan.name, &loan.product) {
        (Some(n), _) => (n.clone(), product()),
        (None, Some(prod)) => (prod.clone(), a_loan()),
        (None, None) => (loan.id.clone(), a_loan()),
    }
}

/// The script's facts for an overdue loan; None when nothing is overdue.
///
/// The amounts and months come from `proposal` (the loan's share of the monthly budget). When the
/// share pays everything overdue within the month, the request is to move the one overdue
/// installment to today + [`EXTENSION_DAYS`], or, with several, to clear them this month; otherwise
/// it is the proposal's plan, restructuring or deferral.
pub fn script_facts(
    view: &LoanView,
    proposal: &Proposal,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Option<ScriptFacts> {
    let ledger = &view.ledger;
    let overdue: Vec<_> = ledger
        .installments
        .iter()
        .filter(|s| s.status == InstallmentStatus::Overdue)
        .collect();
    let oldest = overdue.iter().min_by_key(|s| (s.inst.due_date, s.inst.n))?;
    let request = match proposal.offer {
        Offer::Plan { months: 1, .. } if overdue.len() == 1 => Request::Extension {
            installment: oldest.inst.n,
            date: today
                .checked_add_signed(Duration::days(EXTENSION_DAYS))
                .unwrap_or(today),
        },
        Offer::Plan { months: 1, .. } => Request::ClearNow,
        _ => Request::FromOffer,
    };
    let (platform, product) = platform_and_product(view, lang);
    Some(ScriptFacts {
        platform,
        product,
        overdue_amount: ledger.overdue_amount,
        days_overdue: ledger.days_overdue,
        proposal: proposal.clone(),
        request,
        next_due_date: ledger.next_due_date,
        currency: settings.currency.clone(),
        today,
        hardship: view
            .loan
            .hardship
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(|h| h.trim_end_matches(['。', '.']).to_string()),
    })
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

/// The advice panels for the loan's situation today.
///
/// `proposal` is the loan's from [`crate::engine::proposal::proposals`] over all the user's loans
/// on the same day: the call script never offers more than that.
pub fn panels(
    view: &LoanView,
    proposal: &Proposal,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Result<AdvicePanels, AdviceError> {
    panels_in(view, proposal, view.situation(), lang, settings, today)
}

/// The advice panels as if the loan were in `situation` (what-ifs, tests).
pub fn panels_in(
    view: &LoanView,
    proposal: &Proposal,
    situation: Situation,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Result<AdvicePanels, AdviceError> {
    let lib = library(lang)?;
    let from_user = view.policy.from_user;
    let starts = view.loan.starts_after(today);
    // A loan not yet drawn has no situation of its own: advice about its contacts, credit record
    // or lender would be about a debt that does not exist yet. Prevention only, as if current.
    let order = topic_order(situation);
    let (situation, topics): (Situation, &[Topic]) = match starts {
        Some(_) => (Situation::Current, &[Topic::Prevention]),
        None => (situation, &order),
    };
    // What a negotiation won changes what helps: while an agreement is kept, keeping it comes
    // first and no new plan is proposed; once nothing is owed, the closing checklist.
    let outcome = view.ledger.outcome.as_deref();
    let kept = outcome
        .and_then(|o| o.agreement.as_ref())
        .is_some_and(|a| a.status == crate::engine::agreement::AgreementStatus::Kept)
        && view.ledger.status == crate::engine::LoanStatus::InAgreement;
    let settled = outcome.is_some_and(|o| o.settlement.is_some());
    let topics: Vec<Topic> = if starts.is_some() {
        topics.to_vec()
    } else if kept {
        std::iter::once(Topic::Agreement)
            .chain(topics.iter().copied().filter(|t| *t != Topic::Negotiation))
            .collect()
    } else if situation == Situation::PaidOff {
        std::iter::once(Topic::Closing)
            .chain(topics.iter().copied())
            .collect()
    } else {
        topics.to_vec()
    };
    let topics = &topics[..];
    let mut panels = vec![];
    for &topic in topics {
        let mut items: Vec<PanelItem> = vec![];
        let mut script_title = None;
        if topic == Topic::Negotiation
            && situation.is_overdue()
            && let Some(facts) = script_facts(view, proposal, lang, settings, today)
        {
            script_title = Some(lib.script.title.clone());
            items.extend(script_items(&lib.script, &facts, lang));
        }
        if topic == Topic::Contacts && situation != Situation::PaidOff {
            items.extend(user_contact_item(view, lang));
        }
        if topic == Topic::Credit && (situation.is_overdue() || situation == Situation::DueSoon) {
            items.extend(credit_stage_item(view, lang, today));
        }
        if topic == Topic::Agreement {
            items.extend(agreement_ref_item(view, lang));
        }
        if topic == Topic::Rights && starts.is_none() {
            items.extend(apr_item(view, lang));
        }
        items.extend(
            lib.items
                .iter()
                .filter(|it| {
                    it.topics.contains(&topic)
                        && it.situations.contains(&situation)
                        && it.serves_platform(&view.loan.platform, from_user)
                        && (settled || it.id != CLOSING_SETTLED_ONLY)
                })
                .map(|it| PanelItem {
                    text: it.text.clone(),
                    sources: it
                        .sources
                        .iter()
                        .cloned()
                        .chain(it.general.then(|| general_guidance(lang).to_string()))
                        .collect(),
                    basis: None,
                    kind: ItemKind::Advice,
                    id: Some(it.id.clone()),
                }),
        );
        if !items.is_empty() {
            panels.push(Panel {
                topic,
                title: lib.topics.title(topic).to_string(),
                items,
                script_title,
            });
        }
    }
    let severe_estimate = situation == Situation::OverdueSevere
        && view
            .escalation
            .milestone(StageKind::CreditReport)
            .or_else(|| view.escalation.current())
            .is_some_and(|m| m.basis == Basis::Estimate);
    Ok(AdvicePanels {
        id: view.loan.id.clone(),
        situation,
        starts,
        panels,
        disclaimer: lib.disclaimer.clone(),
        severe_estimate,
    })
}

/// The closing item said only of a loan settled for less.
const CLOSING_SETTLED_ONLY: &str = "closing-settled-differently";

/// An agreement kept with no record of it noted (`ref`): say to get one.
fn agreement_ref_item(view: &LoanView, lang: Lang) -> Option<PanelItem> {
    let a = view.ledger.outcome.as_deref()?.agreement.as_ref()?;
    if a.agreement.reference.is_some() {
        return None;
    }
    Some(PanelItem {
        text: crate::i18n::outcome::agreement_without_ref_advice()
            .get(lang)
            .to_string(),
        sources: vec![RULES[10].to_string()],
        basis: None,
        kind: ItemKind::FromUserFile,
        id: None,
    })
}

/// The loan's true annual rate against the reported 24 % and 36 % lines, when above one.
fn apr_item(view: &LoanView, lang: Lang) -> Option<PanelItem> {
    let apr = crate::engine::ledger::loan_apr(view.loan, &view.ledger)?;
    let line = if apr > Decimal::from(36) {
        36
    } else if apr > Decimal::from(24) {
        24
    } else {
        return None;
    };
    let mut sources = vec![RULES[11].to_string()];
    sources.push(
        if line == 36 {
            RATE_LINES[0]
        } else {
            RATE_LINES[1]
        }
        .to_string(),
    );
    Some(PanelItem {
        text: crate::i18n::outcome::apr_above_line(&apr.to_string(), line)
            .get(lang)
            .to_string(),
        sources,
        basis: None,
        kind: ItemKind::FromUserFile,
        id: None,
    })
}

/// The request the script makes, filled with the proposal's figures.
fn request_text(script: &Script, f: &ScriptFacts, lang: Lang) -> String {
    let money = |d: Decimal| format!("{}{}", f.currency, grouped(d));
    let p = &f.proposal;
    match (f.request, &p.offer) {
        (Request::Extension { installment, date }, _) => fill(
            &script.request_extension,
            &[
                ("installment", &installment.to_string()),
                ("date", &spoken::date(lang, date, f.today)),
            ],
        ),
        (Request::ClearNow, _) => fill(
            &script.request_clear,
            &[("overdue", &money(f.overdue_amount))],
        ),
        (
            Request::FromOffer,
            Offer::Plan {
                monthly,
                months,
                toward_overdue,
            },
        ) => fill(
            if p.regular <= Decimal::ZERO {
                &script.request_plan_no_regular
            } else if *toward_overdue <= Decimal::ZERO {
                &script.request_plan_after
            } else {
                &script.request_plan
            },
            &[
                ("monthly", &money(*monthly)),
                ("regular", &money(p.regular)),
                ("months", &spoken::months(lang, *months)),
                ("overdue", &money(f.overdue_amount)),
            ],
        ),
        (
            Request::FromOffer,
            Offer::Restructure {
                owed,
                months,
                monthly,
            },
        ) => restructure_text(
            script,
            f,
            lang,
            &script.request_restructure,
            *owed,
            *months,
            *monthly,
        ),
        (Request::FromOffer, Offer::AskTerm { owed, monthly }) => restructure_text(
            script,
            f,
            lang,
            &script.request_ask_term,
            *owed,
            crate::engine::proposal::MAX_MONTHS,
            *monthly,
        ),
        (Request::FromOffer, Offer::Defer { owed }) => {
            fill(&script.request_defer, &[("owed", &money(*owed))])
        }
        (Request::FromOffer, Offer::NoBudget | Offer::Current) => script.request_no_budget.clone(),
    }
}

/// A restructuring request (or the ask to set the term): its reason is the share against the
/// regular installment, "does not cover it" only when it does not.
fn restructure_text(
    script: &Script,
    f: &ScriptFacts,
    lang: Lang,
    template: &str,
    owed: Decimal,
    months: u32,
    monthly: Decimal,
) -> String {
    let money = |d: Decimal| format!("{}{}", f.currency, grouped(d));
    let p = &f.proposal;
    let mut values = vec![
        ("regular", money(p.regular)),
        ("owed", money(owed)),
        ("months", spoken::months(lang, months)),
        ("monthly", money(monthly)),
        ("share", p.share.map(money).unwrap_or_default()),
        ("overdue", money(f.overdue_amount)),
    ];
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let below = p.share.is_some_and(|s| s < p.regular);
    let reason = fill(
        if below {
            &script.reason_below_regular
        } else {
            &script.reason_overdue_left
        },
        &pairs,
    );
    values.push(("reason", reason));
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &values)
}

/// The call script's lines, filled, then the checklist as one item; without a budget, a last item
/// says how to set one.
fn script_items(script: &Script, f: &ScriptFacts, lang: Lang) -> Vec<PanelItem> {
    let request = request_text(script, f, lang);
    let budget = match (&f.proposal.offer, f.proposal.share) {
        (Offer::Defer { .. }, _) => script.budget_none.clone(),
        (_, Some(b)) => format!("{}{}", f.currency, grouped(b)),
        (_, None) => script.budget_placeholder.clone(),
    };
    let next = f.next_due_date.map(|d| spoken::date(lang, d, f.today));
    let amount = grouped(f.overdue_amount);
    let days = spoken::days(lang, f.days_overdue);
    let hardship = f
        .hardship
        .clone()
        .unwrap_or_else(|| script.hardship_placeholder.clone());
    let values: [(&str, &str); 9] = [
        ("hardship", &hardship),
        ("platform", &f.platform),
        ("product", &f.product),
        ("overdue_amount", &amount),
        ("days_overdue", &days),
        ("monthly_budget", &budget),
        ("request", &request),
        ("next_due_date", next.as_deref().unwrap_or("")),
        ("currency", &f.currency),
    ];
    let mut out: Vec<PanelItem> = script
        .lines
        .iter()
        .enumerate()
        // A line about the next due date says nothing when there is none.
        .filter(|(_, l)| next.is_some() || !placeholders(l).contains(&"next_due_date"))
        .map(|(i, l)| PanelItem {
            text: fill(l, &values),
            sources: if script.general_lines.contains(&i) {
                vec![general_guidance(lang).to_string()]
            } else {
                script.sources.clone()
            },
            basis: None,
            kind: ItemKind::ScriptLine,
            id: None,
        })
        .collect();
    if !script.checklist.is_empty() {
        // The title's own script decides the separators: CJK title, CJK punctuation.
        let cjk = script.checklist_title.chars().any(|c| c as u32 >= 0x2E80);
        let (colon, sep) = if cjk { ("：", "、") } else { (": ", "; ") };
        out.push(PanelItem {
            text: format!(
                "{}{colon}{}",
                script.checklist_title,
                script.checklist.join(sep)
            ),
            sources: script.sources.clone(),
            basis: None,
            kind: ItemKind::Checklist,
            id: None,
        });
    }
    if f.proposal.offer == Offer::NoBudget {
        out.push(PanelItem {
            text: script.budget_hint.clone(),
            sources: vec![general_guidance(lang).to_string()],
            basis: None,
            kind: ItemKind::FromUserFile,
            id: None,
        });
    }
    out
}

/// The source an item names when no article or rule says it: general guidance, shown as such.
pub fn general_guidance(lang: Lang) -> &'static str {
    lang.t(GENERAL_GUIDANCE_ZH, GENERAL_GUIDANCE_EN)
}

pub const GENERAL_GUIDANCE_ZH: &str = "一般建议（不出自文章或规定）";
pub const GENERAL_GUIDANCE_EN: &str = "general guidance (not from an article or rule)";

/// The loan's own credit-report stage: when a record may be made, on what basis, and, once that
/// day has passed, that it may already have been made. None when the policy gives no day.
fn credit_stage_item(view: &LoanView, lang: Lang, today: NaiveDate) -> Option<PanelItem> {
    let m = view.escalation.milestone(StageKind::CreditReport)?;
    let day = m.day?;
    let date = m.date?;
    let when = spoken::date(lang, date, today);
    // The source line names the article; the text says whose day it is.
    let basis = match (lang, m.basis) {
        (Lang::Zh, Basis::Article) => "这个平台的文章报道的天数",
        (Lang::Zh, Basis::Estimate) => "估计：借用其他平台文章报道的天数，不是这个平台自己的",
        (Lang::Zh, Basis::User) => "这是你文件里写的天数",
        (Lang::En, Basis::Article) => "the day this platform's article reports",
        (Lang::En, Basis::Estimate) => {
            "an estimate: another platform's reported day, not this platform's own"
        }
        (Lang::En, Basis::User) => "the day written in your file",
    };
    let overdue = view.ledger.status == crate::engine::LoanStatus::Overdue;
    let text = match (lang, m.reached, overdue) {
        (Lang::Zh, true, _) => format!(
            "这笔借款已逾期超过 {day} 天（{when}起）：征信上可能已经留下不良记录（{basis}）。可以查一次自己的征信报告核实；记录有错可以提出异议；还清后不良记录一般保留五年。"
        ),
        (Lang::En, true, _) => format!(
            "This loan is past overdue day {day} (since {when}): a negative credit record may already have been made ({basis}). Check your credit report to see; dispute an entry that is wrong; once repaid, a negative record is generally kept five years."
        ),
        // As the 星图金融 article puts it: overdue information is uploaded to the credit system
        // (it gives no day), and past 30 days the record weighs on the score. Never "nothing is
        // recorded before day 31".
        (Lang::Zh, false, true) => format!(
            "逾期信息会上报征信，报道没有说从第几天开始，所以现在就可能已有记录。从逾期第 {day} 天左右（{when}）起，不良记录会影响信用评分和以后借款（{basis}）。越早还上逾期部分、或和平台谈好方案越好。"
        ),
        (Lang::En, false, true) => format!(
            "Overdue information is reported to the credit bureau; no report gives the day that starts, so a record may exist already. From about overdue day {day} ({when}), a negative record weighs on your credit score and future loans ({basis}). The sooner you pay the overdue part, or agree a plan with the lender, the better."
        ),
        (Lang::Zh, false, false) => format!(
            "如果这一期没还上，逾期信息会上报征信（报道没有说从第几天开始）；从逾期第 {day} 天左右（{when}）起，不良记录会影响信用评分（{basis}）。"
        ),
        (Lang::En, false, false) => format!(
            "If this installment goes unpaid, the overdue information is reported to the credit bureau (no report gives the day), and from about overdue day {day} ({when}) a negative record weighs on your credit score ({basis})."
        ),
    };
    let mut sources = vec![m.source.to_string()];
    if m.reached {
        sources.push("征信业管理条例 第16条".to_string());
        sources.push("征信业管理条例 第25条".to_string());
    }
    Some(PanelItem {
        text,
        sources,
        basis: Some(m.basis),
        kind: if m.basis == Basis::User {
            ItemKind::FromUserFile
        } else {
            ItemKind::Advice
        },
        id: None,
    })
}

/// When the contact day comes from the user's file (a `[platforms.*]` table or the loan's own
/// `emergency_contact_after_days`), say so, with the day and the source the file gives.
fn user_contact_item(view: &LoanView, lang: Lang) -> Option<PanelItem> {
    let loan_day = view.loan.emergency_contact_after_days.is_some();
    if !view.policy.from_user && !loan_day {
        return None;
    }
    let m = view
        .escalation
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact);
    let source = if loan_day {
        format!(
            "{} {}: emergency_contact_after_days",
            lang.t("你的文件，借款", "your file, loan"),
            view.loan.id
        )
    } else {
        match m {
            Some(m) if !m.source.trim().is_empty() => m.source.to_string(),
            _ => format!(
                "{} [platforms.{}]",
                lang.t("你的文件", "your file"),
                view.policy.key
            ),
        }
    };
    let text = match m.and_then(|m| m.day.map(|d| (m, d))) {
        Some((m, day)) => {
            let mut t = match (lang, m.day_typical) {
                (Lang::Zh, Some(typ)) => format!(
                    "你的文件写明：逾期第 {day} 天（较晚的估计：第 {typ} 天）起可能联系紧急联系人（来源：{source}）。"
                ),
                (Lang::Zh, None) => {
                    format!("你的文件写明：逾期第 {day} 天起可能联系紧急联系人（来源：{source}）。")
                }
                (Lang::En, Some(typ)) => format!(
                    "Your file says contacts may be called from day {day} overdue (a later estimate: day {typ}) (source: {source})."
                ),
                (Lang::En, None) => format!(
                    "Your file says contacts may be called from day {day} overdue (source: {source})."
                ),
            };
            if let Some(date) = m.date {
                t.push_str(&match lang {
                    Lang::Zh => format!("按这个天数算，是 {date}。"),
                    Lang::En => format!(" By that count, that is {date}."),
                });
            }
            t.push_str(lang.t(
                "这个天数来自你自己的文件，不是来自文章。",
                " This day comes from your own file, not from the articles.",
            ));
            t
        }
        None => match lang {
            Lang::Zh => format!(
                "你的文件没有写明{}从逾期第几天起可能联系紧急联系人，所以这里不估算日期；可以在 [platforms.{}] 里加一个 kind = \"emergency_contact\" 的阶段，写上合同里的天数。",
                view.policy.name, view.policy.key
            ),
            Lang::En => format!(
                "Your file gives no day from which {} may call your contacts, so no date is estimated here; add a stage with kind = \"emergency_contact\" and your contract's day to [platforms.{}].",
                view.policy.display_name(lang),
                view.policy.key
            ),
        },
    };
    Some(PanelItem {
        text,
        sources: vec![source],
        basis: Some(Basis::User),
        kind: ItemKind::FromUserFile,
        id: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_assets_parse() {
        for lang in [Lang::Zh, Lang::En] {
            let lib = library(lang).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(lib.items.len(), 58);
        }
    }

    #[test]
    fn a_broken_asset_is_an_error_not_a_panic() {
        let broken = ADVICE_EN.replace("situations = [\"paid_off\"]", "situations = [\"late\"]");
        assert_ne!(broken, ADVICE_EN);
        let e = parse(&broken, "x.toml").unwrap_err().to_string();
        assert!(e.contains("unknown situation \"late\""), "{e}");

        let e = parse(
            &ADVICE_EN.replace("{days_overdue}", "{days_late}"),
            "x.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("unknown placeholder {days_late}"), "{e}");

        let e = parse(
            &ADVICE_ZH.replace("topics = [\"credit\"]", "topics = [\"money\"]"),
            "x",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("money"), "{e}");

        let e = parse(
            &ADVICE_EN.replace("id = \"credit-dispute\"", "id = \"credit-five-years\""),
            "x",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("duplicate id"), "{e}");

        assert!(parse("disclaimer = 1", "x").is_err());
        assert!(parse("", "x").is_err());
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(
            fill("{a}+{b}={c} {", &[("a", "1"), ("b", "2")]),
            "1+2={c} {"
        );
        assert_eq!(fill("第{n}期", &[("n", "8")]), "第8期");
        assert_eq!(placeholders("x {a} {b_c} {} {d"), vec!["a", "b_c"]);
    }

    #[test]
    fn every_situation_orders_all_six_topics() {
        for s in Situation::ALL {
            let order = topic_order(s);
            let set: HashSet<Topic> = order.iter().copied().collect();
            assert_eq!(set.len(), 6, "{s:?}");
            // The outcome topics come in only for a loan with an agreement or nothing owed.
            assert!(!set.contains(&Topic::Agreement) && !set.contains(&Topic::Closing));
        }
        assert_eq!(topic_order(Situation::OverdueContacts)[0], Topic::Contacts);
        assert_eq!(topic_order(Situation::OverdueEarly)[0], Topic::Negotiation);
    }
}
