//! The words of every face, read from the catalogue by key: the shared words (statuses,
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
            LoanStatus::Overdue => self.tr("status.overdue"),
            LoanStatus::DueSoon => self.tr("status.due_soon"),
            LoanStatus::Current => self.tr("status.current"),
            LoanStatus::PaidOff => self.tr("status.paid_off"),
            LoanStatus::NotDrawn => self.tr("status.not_drawn"),
            LoanStatus::InAgreement => self.tr("status.in_agreement"),
            LoanStatus::Settled => self.tr("status.settled"),
        }
    }

    /// A log entry's kind, as the detail, the `n` form and the line after a write name it.
    pub fn log_kind(self, k: LogKind) -> &'static str {
        match k {
            LogKind::Negotiation => self.tr("log_kind.negotiation"),
            LogKind::CollectionCall => self.tr("log_kind.collection_call"),
            LogKind::Note => self.tr("log_kind.note"),
            LogKind::ContactNotified => self.tr("log_kind.contact_notified"),
        }
    }

    pub fn installment_status(self, s: InstallmentStatus) -> &'static str {
        match s {
            InstallmentStatus::Paid => self.tr("installment_status.paid"),
            InstallmentStatus::Partial => self.tr("installment_status.partial"),
            InstallmentStatus::Overdue => self.tr("installment_status.overdue"),
            InstallmentStatus::Due => self.tr("installment_status.due"),
        }
    }

    pub fn stage(self, s: StageKind) -> &'static str {
        match s {
            StageKind::Reminder => self.tr("stage.reminder"),
            StageKind::EmergencyContact => self.tr("stage.emergency_contact"),
            StageKind::FrequentContact => self.tr("stage.frequent_contact"),
            StageKind::ThirdPartyCollection => self.tr("stage.third_party_collection"),
            StageKind::CreditReport => self.tr("stage.credit_report"),
            StageKind::Legal => self.tr("stage.legal"),
        }
    }

    /// The word for where a stage's day comes from.
    pub fn basis(self, b: Basis) -> &'static str {
        match b {
            Basis::Article => self.tr("basis.article"),
            Basis::Estimate => self.tr("basis.estimate"),
            Basis::User => self.tr("basis.user"),
        }
    }

    /// A stage's basis as a sentence (the ICS description's last line).
    pub fn basis_line(self, b: Basis) -> &'static str {
        match b {
            Basis::Article => self.tr("basis.line.article"),
            Basis::Estimate => self.tr("basis.line.estimate"),
            Basis::User => self.tr("basis.line.user"),
        }
    }

    /// A stage with its basis: `可能起诉（估计）`, `may go to court (estimate)`.
    pub fn stage_with_basis(self, s: StageKind, b: Basis) -> String {
        self.trf(
            "stage.with_basis",
            &[("stage", &self.stage(s)), ("basis", &self.basis(b))],
        )
    }

    /// Shown instead of a penalty figure when the loan has no rate to estimate it from.
    pub fn penalty_unknown(self) -> &'static str {
        self.tr("status.penalty_unknown")
    }

    /// "in 3 days" / "3 天后", "today" / "今天", "3 days ago" / "3 天前".
    pub fn days_from_now(self, days: i64) -> String {
        match days {
            0 => self.tr("days_from_now.today").to_string(),
            1 => self.tr("days_from_now.tomorrow").to_string(),
            -1 => self.tr("days_from_now.yesterday").to_string(),
            d if d > 0 => self.count("days_from_now.later", d),
            d => self.count("days_from_now.ago", -d),
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
