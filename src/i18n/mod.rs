//! The phrase catalogue, Simplified Chinese and English side by side: the shared words (statuses,
//! stages, countdowns) here, and in `phrases` every sentence of an error or refusal a user can
//! meet (the loans file's problems, writes, reloads, locks, typed amounts and dates). A label
//! that only one view draws stays next to that view, written with `Lang::t`. `Lang` itself lives in the leaf module `lang` so that the model can name
//! it without depending on this catalogue (which names engine and model types).

pub mod phrases;
mod text;

pub use crate::lang::Lang;
pub use text::Text;

use crate::engine::{InstallmentStatus, LoanStatus};
use crate::model::StageKind;

impl Lang {
    pub fn status(self, s: LoanStatus) -> &'static str {
        match s {
            LoanStatus::Overdue => self.t("逾期", "overdue"),
            LoanStatus::DueSoon => self.t("即将到期", "due soon"),
            LoanStatus::Current => self.t("正常", "current"),
            LoanStatus::PaidOff => self.t("已结清", "paid off"),
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
            StageKind::EmergencyContact => self.t("联系紧急联系人", "emergency contacts called"),
            StageKind::FrequentContact => self.t("频繁联系", "frequent contact"),
            StageKind::ThirdPartyCollection => self.t("第三方催收", "third-party collection"),
            StageKind::CreditReport => self.t("上报征信", "credit report"),
            StageKind::Legal => self.t("可能起诉", "legal action"),
        }
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
            (Lang::En, d) if d > 0 => format!("in {d} days"),
            (Lang::En, d) => format!("{} days ago", -d),
        }
    }
}
