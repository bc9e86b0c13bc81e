use std::sync::Arc;

use serde::Serialize;

/// Escalation stages, in order of severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    Reminder,
    EmergencyContact,
    FrequentContact,
    ThirdPartyCollection,
    CreditReport,
    Legal,
}

impl StageKind {
    pub const ALL: [StageKind; 6] = [
        StageKind::Reminder,
        StageKind::EmergencyContact,
        StageKind::FrequentContact,
        StageKind::ThirdPartyCollection,
        StageKind::CreditReport,
        StageKind::Legal,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StageKind::Reminder => "reminder",
            StageKind::EmergencyContact => "emergency_contact",
            StageKind::FrequentContact => "frequent_contact",
            StageKind::ThirdPartyCollection => "third_party_collection",
            StageKind::CreditReport => "credit_report",
            StageKind::Legal => "legal",
        }
    }

    pub fn from_key(s: &str) -> Option<StageKind> {
        StageKind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// Where a stage's day comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The platform's own article gives the day.
    #[default]
    Article,
    /// Another platform's article gives the day, used here as an estimate (the note names it).
    Estimate,
    /// The user's own file: a `[platforms.*]` table or the loan's `emergency_contact_after_days`.
    User,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::Article, Basis::Estimate, Basis::User];

    pub fn key(self) -> &'static str {
        match self {
            Basis::Article => "article",
            Basis::Estimate => "estimate",
            Basis::User => "user",
        }
    }

    pub fn from_key(s: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.key() == s)
    }
}

/// One step of a platform's escalation: "on overdue day `day` or later".
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub kind: StageKind,
    /// Earliest reported day; None when the sources give no day.
    pub day: Option<u32>,
    /// A later report, where the sources disagree.
    pub day_typical: Option<u32>,
    pub basis: Basis,
    /// The article title or rule this rests on (or the user's own note). Shared, not copied,
    /// with every loan's milestones: a copy per loan showed at 10,000 loans.
    pub source: Arc<str>,
    /// Short remark on what the sources say, in Chinese and English.
    pub note_zh: Arc<str>,
    pub note_en: Arc<str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub key: String,
    pub name: String,
    /// The name in English; None: the English UI says `name` (a user's own platform).
    pub name_en: Option<String>,
    pub aliases: Vec<String>,
    pub stages: Vec<Stage>,
    /// Defined or replaced by the user's file: its days come from the user, not the articles.
    pub from_user: bool,
}

impl Policy {
    pub fn stage(&self, kind: StageKind) -> Option<&Stage> {
        self.stages.iter().find(|s| s.kind == kind)
    }

    pub fn answers_to(&self, name: &str) -> bool {
        let n = name.trim();
        self.key.eq_ignore_ascii_case(n)
            || self.name == n
            || self.name_en.as_deref() == Some(n)
            || self.aliases.iter().any(|a| a == n)
    }

    /// The platform's name in `lang`: English output never shows a Chinese name it has an English
    /// form for.
    pub fn display_name(&self, lang: crate::lang::Lang) -> &str {
        match (lang, &self.name_en) {
            (crate::lang::Lang::En, Some(en)) => en,
            _ => &self.name,
        }
    }
}

/// The one rule for the user's `[platforms.*]` tables: each replaces the built-in policy with the
/// same key, and the rest of the built-ins stay. User policies come first.
pub fn merged<'a>(user: &'a [Policy], builtin: &'a [Policy]) -> impl Iterator<Item = &'a Policy> {
    user.iter().chain(
        builtin
            .iter()
            .filter(move |b| !user.iter().any(|u| u.key == b.key)),
    )
}
