//! One loan's advice as both faces show it: the panels for its situation (with the call script
//! filled with its own figures) and the words for the situation itself.

use chrono::NaiveDate;

use super::Context;
use crate::engine::proposal::Proposal;
use crate::engine::{LoanView, Situation};
use crate::i18n::Lang;
use crate::knowledge::advice::{self, AdviceError, AdvicePanels};

/// The panels for the loan on the context's day, in its language, with its settings: what
/// `advice` prints and the dashboard's advice area draws. `proposal` is the loan's share of the
/// monthly budget over all the file's loans on that day (`Context::proposal`, or the snapshot's
/// `LoanFacts::proposal`, which is the same figure already worked out).
pub fn panels(
    ctx: &Context,
    view: &LoanView,
    proposal: &Proposal,
) -> Result<AdvicePanels, AdviceError> {
    advice::panels(view, proposal, ctx.lang, &ctx.portfolio.settings, ctx.today)
}

/// Before an item's sources, and between them: the same words under `advice` and in the
/// dashboard's advice area.
pub fn sources_label(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.tr("present.advice.sources"),
        lang.tr("common.semicolon"),
    )
}

pub fn situation_label(lang: Lang, s: Situation) -> &'static str {
    match s {
        Situation::PaidOff => lang.tr("present.advice.paid_off"),
        Situation::Current => lang.tr("present.advice.current"),
        Situation::DueSoon => lang.tr("present.advice.due_soon"),
        Situation::OverdueEarly => lang.tr("present.advice.overdue_before_contacts_may"),
        Situation::OverdueContacts => lang.tr("present.advice.overdue_contacts_may_called"),
        Situation::OverdueSevere => lang.tr("present.advice.seriously_overdue_credit_report"),
    }
}

/// Why these panels: the situation's label, or, for a loan drawn after the day shown, that it is
/// not drawn yet and when it will be (the one date style, `crate::dates`). `estimate`: the day
/// that makes the loan seriously overdue is an estimate, said with ≈ as the panels say it.
pub fn situation_words(
    lang: Lang,
    s: Situation,
    starts: Option<NaiveDate>,
    today: NaiveDate,
    estimate: bool,
) -> String {
    match starts {
        Some(d) => {
            let on = super::countdown::drawn_on(lang, d, today);
            lang.trf("present.advice.not_yet_drawn_prevention", &[("on", &on)])
        }
        None if estimate && s == Situation::OverdueSevere => format!(
            "{}{}",
            situation_label(lang, s),
            lang.tr("present.advice.estimate")
        ),
        None => situation_label(lang, s).to_string(),
    }
}
