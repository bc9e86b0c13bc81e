//! `letter`: the repayment-negotiation letter for one loan. Its proposal is the call script's own
//! (one function computes both), worded here.

use super::Context;
use rust_decimal::Decimal;

use super::notice::printable;
use crate::engine::proposal::Offer;
use crate::engine::{InstallmentStatus, LoanView};
use crate::i18n::Lang;
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
        ) => {
            let key = match (p.regular > Decimal::ZERO, *toward_overdue > Decimal::ZERO) {
                (true, true) => "present.letter.plan_regular_and_overdue",
                (true, false) => "present.letter.plan_regular_first",
                (false, _) => "present.letter.plan_overdue",
            };
            lang.trf(
                key,
                &[
                    ("monthly", &money(*monthly)),
                    ("regular", &money(p.regular)),
                    ("toward", &money(*toward_overdue)),
                    ("months", &lang.count("common.months", i64::from(*months))),
                    ("overdue", &overdue),
                ],
            )
        }
        (
            Some(Request::FromOffer),
            Offer::Restructure {
                owed,
                months,
                monthly,
            },
        ) => lang.trf(
            "present.letter.restructure",
            &[
                ("why", &short_of(lang, p.share, p.regular, &money)),
                ("owed", &money(*owed)),
                ("months", &lang.count("common.months", i64::from(*months))),
                ("monthly", &money(*monthly)),
            ],
        ),
        (Some(Request::FromOffer), Offer::AskTerm { owed, monthly }) => lang.trf(
            "present.letter.ask_term",
            &[
                ("why", &short_of(lang, p.share, p.regular, &money)),
                ("monthly", &money(*monthly)),
                ("max", &crate::engine::proposal::MAX_MONTHS),
                ("owed", &money(*owed)),
            ],
        ),
        (Some(Request::FromOffer), Offer::Defer { owed }) => {
            lang.trf("present.letter.defer", &[("owed", &money(*owed))])
        }
        (Some(Request::FromOffer), Offer::NoBudget | Offer::Current) => lang
            .tr("present.letter.month_months_set_monthly")
            .to_string(),
    };
    let promised = !matches!(p.offer, Offer::NoBudget | Offer::Defer { .. });
    if let (Some(share), true, Some(_)) = (p.share, promised, request) {
        out.push_str(&lang.trf("present.letter.within_share", &[("share", &money(share))]));
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
    if share < regular {
        lang.trf(
            "present.letter.short_of_regular",
            &[("share", &money(share)), ("regular", &money(regular))],
        )
    } else {
        lang.tr("present.letter.short_of_overdue").to_string()
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
