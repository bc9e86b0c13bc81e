//! A payment plan's words, for both faces: why each payment (the reasons `engine::plan` gives, in
//! the reader's language) and the name of each strategy.

use super::Context;
use crate::dates;
use crate::engine::plan::{self, ContactAfter, HORIZON_DAYS, Plan, Reason, Strategy};
use crate::i18n::Lang;
use crate::text::NBSP;
use rust_decimal::Decimal;

use crate::money::grouped;

/// What to pay first with `cash`, over every loan on the context's day (`plan --cash`; the
/// dashboard's `P` runs the same engine over its snapshot's views).
pub fn compute(ctx: &Context, cash: Decimal, strategy: Strategy) -> Plan {
    let views = ctx.views();
    plan::plan(&views, cash, strategy, ctx.today)
}

fn pct(d: Decimal) -> String {
    let mut r = d.round_dp(4).normalize();
    if r.scale() < 2 {
        r.rescale(2);
    }
    r.to_string()
}

/// An annual rate: two places, as the schedule shows APR.
fn rate(d: Decimal) -> String {
    let mut r = d.round_dp(2);
    r.rescale(2);
    r.to_string()
}

/// The reasons of one payment on one line.
pub fn reasons_text(lang: Lang, reasons: &[Reason], today: chrono::NaiveDate) -> String {
    reasons
        .iter()
        .map(|r| reason_text(lang, r, today))
        .collect::<Vec<_>>()
        .join(&format!("{}{}", lang.tr("common.semicolon"), also(lang)))
        .replace(NBSP, " ")
}

/// One line saying why.
pub fn reason_text(lang: Lang, r: &Reason, today: chrono::NaiveDate) -> String {
    // The one date style of the CLI and the dashboard: `12-02` / `2 Dec`, the year only when it
    // is not today's.
    // Its spaces do not break when the dashboard wraps the line (`2 Dec` stays whole).
    let day = |d: &chrono::NaiveDate| dates::day(lang, *d, today).replace(' ', "\u{a0}");
    match (lang, r) {
        (Lang::Zh, Reason::AvoidsContact { was, now }) => {
            let was_txt = if *was <= today {
                format!("现在已可能联系紧急联系人（自 {} 起）", day(was))
            } else {
                format!("原本 {} 可能联系紧急联系人", day(was))
            };
            match now {
                Some(n) => format!("{was_txt}；还上后推迟到 {}", day(n)),
                None => format!("{was_txt}；这笔还清后整笔结清"),
            }
        }
        (Lang::En, Reason::AvoidsContact { was, now }) => {
            let was_txt = if *was <= today {
                format!("contacts may be called already (since {})", day(was))
            } else {
                format!("contacts may be called from {}", day(was))
            };
            match now {
                Some(n) => format!("{was_txt}; once paid, not before {}", day(n)),
                None => format!("{was_txt}; this pays the loan off"),
            }
        }
        (
            Lang::Zh,
            Reason::ClearsOverdue {
                installments,
                penalty_percent_per_day,
                contact_now,
            },
        ) => {
            let c = match contact_now {
                ContactAfter::From(d) => format!("，联系紧急联系人的日子推到 {}", day(d)),
                ContactAfter::Already(d) => {
                    format!("；仍可能联系紧急联系人（自 {} 起）", day(d))
                }
                ContactAfter::NoDay => String::new(),
            };
            format!(
                "还清最早的 {installments} 期逾期：停止罚息（每天 {}%）{c}",
                pct(*penalty_percent_per_day)
            )
        }
        (
            Lang::En,
            Reason::ClearsOverdue {
                installments,
                penalty_percent_per_day,
                contact_now,
            },
        ) => {
            let c = match contact_now {
                ContactAfter::From(d) => format!("; contacts not before {}", day(d)),
                ContactAfter::Already(d) => {
                    format!("; contacts may still be called (since {})", day(d))
                }
                ContactAfter::NoDay => String::new(),
            };
            // "the oldest overdue installment", "the oldest 2 overdue installments"
            let which = match installments {
                1 => "the oldest overdue installment".to_string(),
                n => format!("the oldest {n} overdue installments"),
            };
            format!(
                "clears {which}: stops {}%/day penalty{c}",
                pct(*penalty_percent_per_day)
            )
        }
        (
            Lang::Zh,
            Reason::DueSoon {
                due,
                annual_percent,
            },
        ) => format!(
            "{} 到期，年化 {}%，在剩下的借款里最高",
            day(due),
            rate(*annual_percent)
        ),
        (
            Lang::En,
            Reason::DueSoon {
                due,
                annual_percent,
            },
        ) => format!(
            "due {}; highest rate left ({}% a year)",
            day(due),
            rate(*annual_percent)
        ),
        (Lang::Zh, Reason::HighestRate { annual_percent }) => {
            format!("雪崩法：年化 {}% 最高，先还", rate(*annual_percent))
        }
        (Lang::En, Reason::HighestRate { annual_percent }) => {
            format!(
                "avalanche: highest rate ({}% a year)",
                rate(*annual_percent)
            )
        }
        (Lang::Zh, Reason::SmallestBalance { balance, smaller }) => match smaller {
            None => format!("雪球法：剩余 {} 最少，先还", grouped(*balance)),
            Some(s) => format!(
                "雪球法：剩余 {}；更少的 {} 在 {HORIZON_DAYS} 天内没有这笔钱够还的整期",
                grouped(*balance),
                grouped(*s)
            ),
        },
        (Lang::En, Reason::SmallestBalance { balance, smaller }) => match smaller {
            None => format!("snowball: smallest balance left ({})", grouped(*balance)),
            Some(s) => format!(
                "snowball: balance {}; the smaller {} has no whole bill within {HORIZON_DAYS} days that the cash covers",
                grouped(*balance),
                grouped(*s)
            ),
        },
        (
            lang,
            Reason::BeforeCreditReport {
                was,
                estimate,
                in_contact_stage,
                installments,
                now,
            },
        ) => {
            let approx = if *estimate { "≈" } else { "" };
            let was = format!("{approx}{}", day(was));
            let now = match now {
                ContactAfter::From(d) => Some(format!("{approx}{}", day(d))),
                _ => None,
            };
            match lang {
                Lang::Zh => {
                    let stage = if *in_contact_stage {
                        "已可能联系紧急联系人，"
                    } else {
                        ""
                    };
                    let after = match now {
                        Some(n) => format!("；还上后推到 {n}"),
                        None => String::new(),
                    };
                    format!(
                        "{stage}{was} 起可能上报征信：先还最早的 {installments} 期逾期（征信记录会留存多年）{after}"
                    )
                }
                Lang::En => {
                    let stage = if *in_contact_stage {
                        "contacts may be called already; "
                    } else {
                        ""
                    };
                    let which = match installments {
                        1 => "the oldest overdue installment".to_string(),
                        n => format!("the oldest {n} overdue installments"),
                    };
                    let after = match now {
                        Some(n) => format!("; once paid, that day moves to {n}"),
                        None => String::new(),
                    };
                    format!(
                        "{stage}may be credit-reported from {was}: {which} first (a credit record stays for years){after}"
                    )
                }
            }
        }
    }
}

/// Said before each reason after the first: the CLI joins them on one line, the dashboard puts
/// each on its own.
pub fn also(lang: Lang) -> &'static str {
    lang.tr("present.plan.also")
}

/// The strategy's name: `plan`'s header, the dashboard's plan title beside its `s` key.
pub fn strategy_label(lang: Lang, s: Strategy) -> &'static str {
    match s {
        Strategy::Urgency => lang.tr("present.plan.urgency_first"),
        Strategy::Avalanche => lang.tr("present.plan.avalanche_highest_rate_first"),
        Strategy::Snowball => lang.tr("present.plan.snowball_smallest_balance_first"),
    }
}

/// When the plan proposes no payment: the cash is too small for a whole installment, or nothing
/// falls due within the horizon at all (then the next bill is named). `name` gives a loan's
/// display name.
pub fn nothing_to_pay(
    lang: Lang,
    plan: &Plan,
    name: &dyn Fn(&str) -> String,
    cur: &str,
    today: chrono::NaiveDate,
) -> String {
    let within = today
        .checked_add_signed(chrono::Duration::days(HORIZON_DAYS))
        .unwrap_or(today);
    match &plan.next_bill {
        None => lang
            .tr("present.plan.no_payment_proposed_nothing")
            .to_string(),
        Some((id, due, amount)) if *due > within => {
            let day = dates::day(lang, *due, today);
            let amount = format!("{cur}{}", grouped(*amount));
            match lang {
                Lang::Zh => format!(
                    "没有建议的还款：未来 {HORIZON_DAYS} 天内没有到期的款项；下一笔是 {} {day} 到期的 {amount}。",
                    name(id)
                ),
                Lang::En => format!(
                    "No payment proposed: nothing falls due in the next {HORIZON_DAYS} days; the next bill is {}, {amount} on {day}.",
                    name(id)
                ),
            }
        }
        Some(_) => lang.tr("present.plan.no_payment_proposed_cash").to_string(),
    }
}

/// The plan's figures and groups, named once for both faces.
pub fn cash_label(lang: Lang) -> &'static str {
    lang.tr("present.plan.cash")
}

pub fn to_pay_label(lang: Lang) -> &'static str {
    lang.tr("present.plan.pay")
}

pub fn left_label(lang: Lang) -> &'static str {
    lang.tr("present.plan.left")
}

/// After "Left ¥X" when the plan keeps it for an overdue loan it cannot clear (`Plan::kept_for`):
/// no cash goes to a bill not yet due while an overdue installment stays unpaid.
pub fn kept_for_note(lang: Lang, plan: &Plan, name: &dyn Fn(&str) -> String) -> Option<String> {
    let id = plan
        .kept_for
        .as_ref()
        .filter(|_| plan.left > Decimal::ZERO)?;
    Some(match lang {
        Lang::Zh => format!(
            "（留给逾期的{}：有逾期没还上时，不先还没到期的账单）",
            name(id)
        ),
        Lang::En => format!(
            " (left, for the overdue loan {}: no bill not yet due is paid while an installment is overdue)",
            name(id)
        ),
    })
}

/// Loans the plan keeps out of the emergency-contact stage over the horizon (short enough for the
/// dashboard's 30-column plan pane).
pub fn kept_off_title(lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{HORIZON_DAYS} 天内不到联系紧急联系人阶段"),
        Lang::En => format!("Contact stage {HORIZON_DAYS}+ days away"),
    }
}

/// Loans whose contacts may still be called within the horizon after the plan.
pub fn still_threatened_title(lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{HORIZON_DAYS} 天内仍可能联系紧急联系人"),
        Lang::En => format!("Contact stage within {HORIZON_DAYS} days"),
    }
}

/// Loan names in a sentence: 、 in Chinese, a comma in English.
pub fn join_names(lang: Lang, names: &[String]) -> String {
    names.join(lang.tr("common.comma"))
}

/// What the plan does not do, and how far it looks: under every plan.
pub fn scope_note(lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "只建议还整期：部分还款不会重置逾期天数。文件里没有“最低还款额”，所以没有按最低还款额计算；看的是未来 {HORIZON_DAYS} 天。"
        ),
        Lang::En => format!(
            "Only whole installments are proposed: a part payment resets no overdue count. The file has no lender minimum payment, so none is used. The plan looks {HORIZON_DAYS} days ahead."
        ),
    }
}
