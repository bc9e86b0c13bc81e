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
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use crate::engine::{InstallmentStatus, LoanView, Situation};
use crate::i18n::Lang;
use crate::model::{Settings, StageKind};
use crate::money::grouped;

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

/// Placeholders the call script's lines may use.
pub const SCRIPT_PLACEHOLDERS: [&str; 8] = [
    "platform",
    "product",
    "overdue_amount",
    "days_overdue",
    "monthly_budget",
    "request",
    "next_due_date",
    "currency",
];

/// The script asks to move the oldest overdue installment this many days past today.
pub const EXTENSION_DAYS: i64 = 30;
/// A repayment plan the script asks for spans at least this many months…
pub const MIN_PLAN_MONTHS: u32 = 2;
/// …and at most this many (five years: the longest personalised plan a rule mentions).
pub const MAX_PLAN_MONTHS: u32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Negotiation,
    Extension,
    Contacts,
    Credit,
    Rights,
    Prevention,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Negotiation,
        Topic::Extension,
        Topic::Contacts,
        Topic::Credit,
        Topic::Rights,
        Topic::Prevention,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Topic::Negotiation => "negotiation",
            Topic::Extension => "extension",
            Topic::Contacts => "contacts",
            Topic::Credit => "credit",
            Topic::Rights => "rights",
            Topic::Prevention => "prevention",
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
    pub budget_placeholder: String,
    /// With `{installment}` and `{date}`.
    pub request_extension: String,
    /// With `{months}`.
    pub request_plan: String,
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
    pub sources: Vec<String>,
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

/// Parse and check one advice file; every problem found is listed in the error.
pub fn parse(src: &str, path: &str) -> Result<Library, String> {
    let raw: RawLibrary = toml::from_str(src).map_err(|e| format!("{path}: {e}"))?;
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
    for (i, line) in s.lines.iter().enumerate() {
        allowed(
            &format!("script.lines[{i}]"),
            line,
            &SCRIPT_PLACEHOLDERS,
            &mut bad,
        );
    }
    allowed(
        "script.request_extension",
        &s.request_extension,
        &["installment", "date"],
        &mut bad,
    );
    allowed(
        "script.request_plan",
        &s.request_plan,
        &["months"],
        &mut bad,
    );
    if !placeholders(&s.request_plan).contains(&"months") {
        bad("script.request_plan must contain {months}".into());
    }
    for (what, v) in [
        ("title", &s.title),
        ("checklist_title", &s.checklist_title),
        ("budget_placeholder", &s.budget_placeholder),
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
        if it.sources.is_empty() || it.sources.iter().any(|s| s.trim().is_empty()) {
            bad(format!(
                "{at}: every item needs at least one non-empty source"
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
        Err(problems.join("\n"))
    }
}

/// The built-in library for `lang`, parsed once.
pub fn library(lang: Lang) -> Result<&'static Library, String> {
    static ZH: OnceLock<Result<Library, String>> = OnceLock::new();
    static EN: OnceLock<Result<Library, String>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => ZH.get_or_init(|| parse(ADVICE_ZH, "assets/advice.zh.toml")),
        Lang::En => EN.get_or_init(|| parse(ADVICE_EN, "assets/advice.en.toml")),
    };
    cell.as_ref()
        .map_err(|e| format!("built-in advice is broken:\n{e}"))
}

/// What the call script asks the lender for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Move installment `installment` to `date`.
    Extension { installment: u32, date: NaiveDate },
    /// Pay the overdue part over `months` months.
    Plan { months: u32 },
}

/// The loan's own facts that fill the call script.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptFacts {
    pub platform: String,
    pub product: String,
    pub overdue_amount: Decimal,
    pub days_overdue: i64,
    /// The loan's own budget, else the settings'; None: the script shows a placeholder.
    pub monthly_budget: Option<Decimal>,
    pub request: Request,
    pub next_due_date: Option<NaiveDate>,
    pub currency: String,
}

/// The platform as the user knows it: the policy's name, or what the user wrote for an unknown one;
/// for a plain `generic`, the loan's own name.
pub fn platform_label(view: &LoanView) -> String {
    let p = view.policy;
    let written = view.loan.platform_written.trim();
    if p.key == "generic" {
        if !written.is_empty() && !p.answers_to(written) {
            return written.to_string();
        }
        return view.loan.name.clone().unwrap_or_else(|| p.name.clone());
    }
    p.name.clone()
}

/// The script's facts for an overdue loan; None when nothing is overdue.
///
/// The request is an extension of the oldest overdue installment to today + [`EXTENSION_DAYS`],
/// unless more than one installment is overdue or the overdue amount exceeds the monthly budget:
/// then a plan over ceil(overdue / budget) months (without a budget: one month per overdue
/// installment), at least [`MIN_PLAN_MONTHS`] and at most [`MAX_PLAN_MONTHS`].
pub fn script_facts(
    view: &LoanView,
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
    let budget = view
        .loan
        .monthly_budget
        .or(settings.monthly_budget)
        .filter(|b| *b > Decimal::ZERO);
    let over_budget = budget.is_some_and(|b| ledger.overdue_amount > b);
    let request = if overdue.len() > 1 || over_budget {
        let months = match budget {
            Some(b) => (ledger.overdue_amount / b)
                .ceil()
                .to_u32()
                .unwrap_or(MAX_PLAN_MONTHS),
            None => u32::try_from(overdue.len()).unwrap_or(MAX_PLAN_MONTHS),
        };
        Request::Plan {
            months: months.clamp(MIN_PLAN_MONTHS, MAX_PLAN_MONTHS),
        }
    } else {
        Request::Extension {
            installment: oldest.inst.n,
            date: today
                .checked_add_signed(Duration::days(EXTENSION_DAYS))
                .unwrap_or(today),
        }
    };
    let product = view
        .loan
        .product
        .clone()
        .unwrap_or_else(|| lang.t("一笔钱", "consumer").to_string());
    Some(ScriptFacts {
        platform: platform_label(view),
        product,
        overdue_amount: ledger.overdue_amount,
        days_overdue: ledger.days_overdue,
        monthly_budget: budget,
        request,
        next_due_date: ledger.next_due_date,
        currency: settings.currency.clone(),
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
    pub panels: Vec<Panel>,
    /// Shown once, after the panels.
    #[serde(skip)]
    pub disclaimer: String,
}

impl AdvicePanels {
    pub fn panel(&self, topic: Topic) -> Option<&Panel> {
        self.panels.iter().find(|p| p.topic == topic)
    }
}

/// The advice panels for the loan's situation today.
pub fn panels(
    view: &LoanView,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Result<AdvicePanels, String> {
    panels_in(view, view.situation(), lang, settings, today)
}

/// The advice panels as if the loan were in `situation` (what-ifs, tests).
pub fn panels_in(
    view: &LoanView,
    situation: Situation,
    lang: Lang,
    settings: &Settings,
    today: NaiveDate,
) -> Result<AdvicePanels, String> {
    let lib = library(lang)?;
    let from_user = view.policy.from_user;
    let mut panels = vec![];
    for topic in topic_order(situation) {
        let mut items: Vec<PanelItem> = vec![];
        let mut script_title = None;
        if topic == Topic::Negotiation
            && situation.is_overdue()
            && let Some(facts) = script_facts(view, lang, settings, today)
        {
            script_title = Some(lib.script.title.clone());
            items.extend(script_items(&lib.script, &facts));
        }
        if topic == Topic::Contacts && situation != Situation::PaidOff {
            items.extend(user_contact_item(view, lang));
        }
        items.extend(
            lib.items
                .iter()
                .filter(|it| {
                    it.topics.contains(&topic)
                        && it.situations.contains(&situation)
                        && it.serves_platform(&view.loan.platform, from_user)
                })
                .map(|it| PanelItem {
                    text: it.text.clone(),
                    sources: it.sources.clone(),
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
    Ok(AdvicePanels {
        id: view.loan.id.clone(),
        situation,
        panels,
        disclaimer: lib.disclaimer.clone(),
    })
}

/// The call script's lines, filled, then the checklist as one item.
fn script_items(script: &Script, f: &ScriptFacts) -> Vec<PanelItem> {
    let request = match f.request {
        Request::Extension { installment, date } => fill(
            &script.request_extension,
            &[
                ("installment", &installment.to_string()),
                ("date", &date.to_string()),
            ],
        ),
        Request::Plan { months } => fill(&script.request_plan, &[("months", &months.to_string())]),
    };
    let budget = match f.monthly_budget {
        Some(b) => format!("{}{}", f.currency, grouped(b)),
        None => script.budget_placeholder.clone(),
    };
    let next = f.next_due_date.map(|d| d.to_string());
    let amount = grouped(f.overdue_amount);
    let days = f.days_overdue.to_string();
    let values: [(&str, &str); 8] = [
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
        // A line about the next due date says nothing when there is none.
        .filter(|l| next.is_some() || !placeholders(l).contains(&"next_due_date"))
        .map(|l| PanelItem {
            text: fill(l, &values),
            sources: script.sources.clone(),
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
            kind: ItemKind::Checklist,
            id: None,
        });
    }
    out
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
                view.policy.name, view.policy.key
            ),
        },
    };
    Some(PanelItem {
        text,
        sources: vec![source],
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
            assert_eq!(lib.items.len(), 50);
        }
    }

    #[test]
    fn a_broken_asset_is_an_error_not_a_panic() {
        let broken = ADVICE_EN.replace("situations = [\"paid_off\"]", "situations = [\"late\"]");
        assert_ne!(broken, ADVICE_EN);
        let e = parse(&broken, "x.toml").unwrap_err();
        assert!(e.contains("unknown situation \"late\""), "{e}");

        let e = parse(
            &ADVICE_EN.replace("{days_overdue}", "{days_late}"),
            "x.toml",
        )
        .unwrap_err();
        assert!(e.contains("unknown placeholder {days_late}"), "{e}");

        let e = parse(
            &ADVICE_ZH.replace("topics = [\"credit\"]", "topics = [\"money\"]"),
            "x",
        )
        .unwrap_err();
        assert!(e.contains("money"), "{e}");

        let e = parse(
            &ADVICE_EN.replace("id = \"credit-dispute\"", "id = \"credit-five-years\""),
            "x",
        )
        .unwrap_err();
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
        }
        assert_eq!(topic_order(Situation::OverdueContacts)[0], Topic::Contacts);
        assert_eq!(topic_order(Situation::OverdueEarly)[0], Topic::Negotiation);
    }
}
