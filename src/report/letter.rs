//! `letter`: the repayment-negotiation letter for one loan. Its proposal is the call script's own
//! (one function computes both), worded here.

use super::Context;
use super::notice::{self, printable};
use crate::engine::{InstallmentStatus, LoanView};
use crate::i18n::Lang;
use crate::knowledge::advice::platform_label;
use crate::knowledge::letter::{self as words, LetterFacts};
use crate::knowledge::notice::Plan;
use crate::money::grouped;

/// The proposal paragraph.
pub fn proposal(ctx: &Context, view: &LoanView) -> String {
    let lang = ctx.lang;
    match notice::plan(view, lang, &ctx.portfolio.settings, ctx.today) {
        Plan::Extension { date } => match lang {
            Lang::Zh => format!("申请把逾期的这一期延期到 {date}，届时一次还清逾期部分，之后按原计划还款。"),
            Lang::En => format!("I ask to move the overdue installment to {date}, pay what is overdue in full then, and keep to the schedule after that."),
        },
        Plan::Monthly { monthly, months } => match lang {
            Lang::Zh => format!("每月还 {monthly}，分 {months} 个月还清逾期的部分。"),
            Lang::En => format!("{monthly} a month for {months} months to clear what is overdue."),
        },
        Plan::OnTime => lang.t("继续按原计划还款。", "I will keep to the schedule.").to_string(),
        Plan::Negotiating => lang
            .t(
                "每月还 ______，分 ___ 个月还清（在借款或 [settings] 里写上 monthly_budget，这里就会填上具体数字）。",
                "______ a month for ___ months (set monthly_budget on the loan or in [settings] to have the figures filled in).",
            )
            .to_string(),
    }
}

/// The letter for the loan; `reason` from `--reason`, else the loan's `hardship`.
pub fn text(ctx: &Context, view: &LoanView, reason: Option<&str>) -> String {
    let cur = &ctx.portfolio.settings.currency;
    let l = &view.ledger;
    let overdue_since = l
        .installments
        .iter()
        .filter(|s| s.status == InstallmentStatus::Overdue)
        .map(|s| s.inst.due_date)
        .min()
        .map(|d| d.to_string());
    let reason = reason
        .or(view.loan.hardship.as_deref())
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(printable);
    let facts = LetterFacts {
        lender: printable(&platform_label(view)),
        loan: printable(&ctx.display_name(view.loan)),
        loan_id: view.loan.id.clone(),
        product: view.loan.product.as_deref().map(printable),
        overdue_amount: format!("{cur}{}", grouped(l.overdue_amount)),
        days_overdue: l.days_overdue,
        overdue_since,
        remaining: format!("{cur}{}", grouped(l.remaining_balance)),
        reason,
        proposal: proposal(ctx, view),
        today: ctx.today.to_string(),
    };
    words::letter(&facts, ctx.lang)
}
