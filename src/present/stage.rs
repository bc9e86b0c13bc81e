//! How a loan's escalation stage is shown with the basis of its day, the one wording for both
//! faces: `check` and `schedule` print the basis word after the stage, the ICS description ends
//! with a basis line, and the dashboard marks another platform's day, used as an estimate, with
//! [`ESTIMATE_MARK`] in a muted style.

use crate::i18n::Lang;
use crate::model::{Basis, StageKind};

/// Put before the date of a stage whose day is an estimate.
pub const ESTIMATE_MARK: &str = "≈";

/// [`ESTIMATE_MARK`] for an estimated day, nothing otherwise.
pub fn mark(basis: Basis) -> &'static str {
    if is_estimate(basis) {
        ESTIMATE_MARK
    } else {
        ""
    }
}

/// Drawn muted in the dashboard.
pub fn is_estimate(basis: Basis) -> bool {
    basis == Basis::Estimate
}

/// The stage with its basis word: `可能起诉（估计）`, `may go to court (estimate)`.
pub fn with_basis(lang: Lang, kind: StageKind, basis: Basis) -> String {
    lang.stage_with_basis(kind, basis)
}

/// The basis as a sentence, the last line of an ICS milestone's description.
pub fn basis_line(lang: Lang, basis: Basis) -> &'static str {
    lang.basis_line(basis)
}

/// The dashboard's legend for [`ESTIMATE_MARK`].
pub fn estimate_legend(lang: Lang) -> &'static str {
    lang.tr("present.stage.another_platform_s_reported")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_estimate_is_marked() {
        assert_eq!(mark(Basis::Estimate), "≈");
        assert_eq!(mark(Basis::Article), "");
        assert_eq!(mark(Basis::User), "");
        assert_eq!(
            with_basis(Lang::Zh, StageKind::Legal, Basis::Estimate),
            "可能起诉（估计）"
        );
        assert_eq!(
            with_basis(Lang::En, StageKind::CreditReport, Basis::User),
            "may be credit-reported (your file)"
        );
    }
}
