//! `letter`: the repayment-negotiation letter for one loan. Its proposal is the call script's own
//! (one function computes both), worded here.

use super::Context;
use rust_decimal::Decimal;

use super::notice::printable;
use crate::engine::proposal::Offer;
use crate::engine::{InstallmentStatus, LoanView};
use crate::i18n::{Lang, en_count};
use crate::knowledge::advice::{self, Request, platform_label};
use crate::knowledge::letter::{self as words, LetterFacts};
use crate::money::grouped;

/// The proposal paragraph: the loan's proposal (`engine::proposal`, the loan's share of the
/// monthly budget) and the call script's request, the same figures the script offers, in the
/// letter's register.
pub fn proposal(ctx: &Context, view: &LoanView) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let money = |d: Decimal| format!("{cur}{}", grouped(d));
    let p = ctx.proposal(view);
    let overdue = money(view.ledger.overdue_amount);
    let request =
        advice::script_facts(view, &p, lang, &ctx.portfolio.settings, ctx.today).map(|f| f.request);
    let mut out = match (request, &p.offer) {
        (None, _) => lang.tr("present.letter.nothing_overdue_i_will").to_string(),
        (Some(Request::Extension { date, .. }), _) => lang.trf(
            "present.letter.i_ask_move_overdue",
            &[("date", &date), ("overdue", &overdue)],
        ),
        (Some(Request::ClearNow), _) => lang.trf(
            "present.letter.i_will_pay_overdue",
            &[("overdue", &overdue)],
        ),
        (
            Some(Request::FromOffer),
            Offer::Plan {
                monthly,
                toward_overdue,
                months,
            },
        ) => match (
            lang,
            p.regular > Decimal::ZERO,
            *toward_overdue > Decimal::ZERO,
        ) {
            (Lang::Zh, true, true) => format!(
                "每月还 {}（其中 {} 是每期正常应还，{} 用于逾期部分），分 {months} 个月还清逾期的 {overdue}。",
                money(*monthly),
                money(p.regular),
                money(*toward_overdue)
            ),
            (Lang::Zh, true, false) => format!(
                "每月还 {}：先还完剩下的每期正常应还，之后用于逾期的 {overdue}，共 {months} 个月还清。",
                money(*monthly)
            ),
            (Lang::Zh, false, _) => format!(
                "每月还 {}，分 {months} 个月还清逾期的 {overdue}。",
                money(*monthly)
            ),
            (Lang::En, true, true) => format!(
                "{} a month ({} for the regular installment and {} toward what is overdue), clearing the {overdue} overdue in {}.",
                money(*monthly),
                money(p.regular),
                money(*toward_overdue),
                en_count(*months, "month", "months")
            ),
            (Lang::En, true, false) => format!(
                "{} a month: first the regular installments still to come, then the {overdue} overdue, {} in all.",
                money(*monthly),
                en_count(*months, "month", "months")
            ),
            (Lang::En, false, _) => format!(
                "{} a month, clearing the {overdue} overdue in {}.",
                money(*monthly),
                en_count(*months, "month", "months")
            ),
        },
        (
            Some(Request::FromOffer),
            Offer::Restructure {
                owed,
                months,
                monthly,
            },
        ) => {
            let why = short_of(lang, p.share, p.regular, &money);
            match lang {
                Lang::Zh => format!(
                    "{why}申请把尚欠的全部 {} 重新分期（个性化分期或延期）：分 {months} 个月，每月 {}。",
                    money(*owed),
                    money(*monthly)
                ),
                Lang::En => format!(
                    "{why}I ask to spread everything still owed, {}, over {} at {} a month (a personalised installment plan or an extension).",
                    money(*owed),
                    en_count(*months, "month", "months"),
                    money(*monthly)
                ),
            }
        }
        (Some(Request::FromOffer), Offer::AskTerm { owed, monthly }) => {
            let why = short_of(lang, p.share, p.regular, &money);
            let max = crate::engine::proposal::MAX_MONTHS;
            match lang {
                Lang::Zh => format!(
                    "{why}我每月最多能还 {}，即使分 {max} 个月也还不清尚欠的 {}。请贵方按这个金额确定还款期限，或者同意先暂缓还款（延期）。",
                    money(*monthly),
                    money(*owed)
                ),
                Lang::En => format!(
                    "{why}The most I can pay is {} a month, which would not clear the {} still owed even over {max} months. Please set the term at that amount, or agree to defer the payments.",
                    money(*monthly),
                    money(*owed)
                ),
            }
        }
        (Some(Request::FromOffer), Offer::Defer { owed }) => match lang {
            Lang::Zh => format!(
                "我目前的还款预算要先用于更紧急的借款，暂时无法承诺每月金额；申请暂缓并延期还款，情况好转后再协商尚欠的 {}。",
                money(*owed)
            ),
            Lang::En => format!(
                "My budget must go to more urgent loans first, so I cannot promise a monthly amount yet; I ask for a deferral, and will negotiate the {} still owed when I can.",
                money(*owed)
            ),
        },
        (Some(Request::FromOffer), Offer::NoBudget | Offer::Current) => lang
            .tr("present.letter.month_months_set_monthly")
            .to_string(),
    };
    let promised = !matches!(p.offer, Offer::NoBudget | Offer::Defer { .. });
    if let (Some(share), true, Some(_)) = (p.share, promised, request) {
        out.push_str(&match lang {
            Lang::Zh => format!("以上金额不超过我每月能用于这笔借款的 {}。", money(share)),
            Lang::En => format!(
                " This stays within the {} a month I can put toward this loan.",
                money(share)
            ),
        });
    }
    out
}

/// Why the share calls for a restructuring: it does not cover the regular installment, or it
/// does and leaves too little beside it ("不够在正常还款之外再还逾期部分" only then).
fn short_of(
    lang: Lang,
    share: Option<Decimal>,
    regular: Decimal,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let Some(share) = share else {
        return String::new();
    };
    match (lang, share < regular) {
        (Lang::Zh, true) => format!(
            "我目前每月能拿出的 {} 不够每期正常应还的 {}。",
            money(share),
            money(regular)
        ),
        (Lang::Zh, false) => "我目前每月能拿出的钱不够在正常还款之外再还逾期部分。".to_string(),
        (Lang::En, true) => format!(
            "The {} I can pay each month does not cover the regular installment of {}. ",
            money(share),
            money(regular)
        ),
        (Lang::En, false) => {
            "What I can pay each month does not reach past the regular installment. ".to_string()
        }
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
        lender: printable(&platform_label(view, ctx.lang)),
        loan: printable(&ctx.display_name(view.loan)),
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
