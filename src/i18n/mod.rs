//! The phrase catalogue, Simplified Chinese and English side by side: the shared words (statuses,
//! stages, countdowns) here, and in `phrases` every sentence of an error or refusal a user can
//! meet (the loans file's problems, writes, reloads, locks, typed amounts and dates). The words
//! themselves live in `catalogue` (`assets/i18n/*.toml`), read by key: a label that only one
//! view draws is a key in its view's section, read there with `lang.tr`. `Lang` itself lives in the leaf module `lang` so that the model can name
//! it without depending on this catalogue (which names engine and model types).

pub mod catalogue;
pub mod help;
pub mod loansin;
pub mod outcome;
pub mod phrases;
pub mod safety;
mod text;
pub mod trust;

pub use crate::lang::Lang;
pub use text::Text;

use crate::engine::{InstallmentStatus, LoanStatus};
use crate::model::{Basis, LogKind, StageKind};

impl Lang {
    pub fn status(self, s: LoanStatus) -> &'static str {
        match s {
            LoanStatus::Overdue => self.t("逾期", "overdue"),
            LoanStatus::DueSoon => self.t("即将到期", "due soon"),
            LoanStatus::Current => self.t("正常", "current"),
            LoanStatus::PaidOff => self.t("已结清", "paid off"),
            LoanStatus::NotDrawn => self.t("未借出", "not drawn"),
            LoanStatus::InAgreement => self.t("协议还款中", "in agreement"),
            LoanStatus::Settled => self.t("协商结清", "settled"),
        }
    }

    /// A log entry's kind, as the detail, the `n` form and the line after a write name it.
    pub fn log_kind(self, k: LogKind) -> &'static str {
        match k {
            LogKind::Negotiation => self.t("协商", "negotiation"),
            LogKind::CollectionCall => self.t("催收电话", "collection call"),
            LogKind::Note => self.t("备注", "note"),
            LogKind::ContactNotified => self.t("已告知联系人", "contact told"),
        }
    }

    pub fn installment_status(self, s: InstallmentStatus) -> &'static str {
        match s {
            InstallmentStatus::Paid => self.t("已还", "paid"),
            InstallmentStatus::Partial => self.t("部分已还", "partial"),
            InstallmentStatus::Overdue => self.t("逾期", "overdue"),
            InstallmentStatus::Due => self.t("待还", "due"),
        }
    }

    pub fn stage(self, s: StageKind) -> &'static str {
        match s {
            StageKind::Reminder => self.t("催收提醒", "reminders"),
            StageKind::EmergencyContact => self.t("可能联系紧急联系人", "contacts may be called"),
            StageKind::FrequentContact => self.t("可能频繁联系", "contact may get frequent"),
            StageKind::ThirdPartyCollection => {
                self.t("可能转第三方催收", "may go to a collection agency")
            }
            StageKind::CreditReport => self.t("可能上报征信", "may be credit-reported"),
            StageKind::Legal => self.t("可能起诉", "may go to court"),
        }
    }

    /// The word for where a stage's day comes from.
    pub fn basis(self, b: Basis) -> &'static str {
        match b {
            Basis::Article => self.t("文章", "article"),
            Basis::Estimate => self.t("估计", "estimate"),
            Basis::User => self.t("你的文件", "your file"),
        }
    }

    /// A stage's basis as a sentence (the ICS description's last line).
    pub fn basis_line(self, b: Basis) -> &'static str {
        match b {
            Basis::Article => self.t(
                "依据：文章（这个平台自己的文章给出的天数）",
                "Basis: article (the day this platform's own article gives)",
            ),
            Basis::Estimate => self.t(
                "依据：估计（借用其他平台文章报道的天数）",
                "Basis: estimate (another platform's reported day, used as an estimate)",
            ),
            Basis::User => self.t(
                "依据：你的文件（你自己写下的天数）",
                "Basis: your file (the day you wrote down)",
            ),
        }
    }

    /// A stage with its basis: `可能起诉（估计）`, `may go to court (estimate)`.
    pub fn stage_with_basis(self, s: StageKind, b: Basis) -> String {
        match self {
            Lang::Zh => format!("{}（{}）", self.stage(s), self.basis(b)),
            Lang::En => format!("{} ({})", self.stage(s), self.basis(b)),
        }
    }

    /// Shown instead of a penalty figure when the loan has no rate to estimate it from.
    pub fn penalty_unknown(self) -> &'static str {
        self.t("未知——请设 penalty_rate", "unknown — set penalty_rate")
    }

    /// "in 3 days" / "3 天后", "today" / "今天", "3 days ago" / "3 天前".
    pub fn days_from_now(self, days: i64) -> String {
        match (self, days) {
            (Lang::Zh, 0) => "今天".into(),
            (Lang::Zh, d) if d > 0 => format!("{d} 天后"),
            (Lang::Zh, d) => format!("{} 天前", -d),
            (Lang::En, 0) => "today".into(),
            (Lang::En, 1) => "tomorrow".into(),
            (Lang::En, -1) => "yesterday".into(),
            (Lang::En, d) if d > 0 => format!("in {}", en_count(d, "day", "days")),
            (Lang::En, d) => format!("{} ago", en_count(-d, "day", "days")),
        }
    }
}

/// An English count with its noun: `1 call`, `0 calls`, `3 calls`. The one plural rule every
/// English text uses (a Chinese count takes no plural).
pub fn en_count<N: std::fmt::Display + PartialEq + From<u8>>(
    n: N,
    one: &str,
    many: &str,
) -> String {
    let noun = if n == N::from(1) { one } else { many };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(en_count(1u32, "call", "calls"), "1 call");
        assert_eq!(en_count(0u32, "call", "calls"), "0 calls");
        assert_eq!(en_count(2usize, "entry", "entries"), "2 entries");
        assert_eq!(en_count(1usize, "entry", "entries"), "1 entry");
        assert_eq!(en_count(11i64, "day", "days"), "11 days");
        assert_eq!(Lang::En.days_from_now(2), "in 2 days");
        assert_eq!(Lang::En.days_from_now(-5), "5 days ago");
    }
}
