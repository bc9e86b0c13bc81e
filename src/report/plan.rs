//! `repaydash plan --cash AMOUNT`: what to pay first with the cash at hand (engine::plan decides).

use rust_decimal::Decimal;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::dates;
use crate::engine::plan::{self, ContactAfter, HORIZON_DAYS, Plan, Reason, Strategy};
use crate::i18n::Lang;
use crate::money::{self, grouped};
use crate::report::advice::NBSP;

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

/// The reasons of one payment on one line.
pub fn reasons_text(lang: Lang, reasons: &[Reason], today: chrono::NaiveDate) -> String {
    reasons
        .iter()
        .map(|r| reason_text(lang, r, today))
        .collect::<Vec<_>>()
        .join(lang.t("；另外，", "; also "))
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
            format!(
                "clears the oldest {installments} overdue installment(s): stops {}%/day penalty{c}",
                pct(*penalty_percent_per_day)
            )
        }
        (Lang::Zh, Reason::DueSoon { due, daily_percent }) => format!(
            "{} 到期，日利率 {}%，在剩下的借款里最高",
            day(due),
            pct(*daily_percent)
        ),
        (Lang::En, Reason::DueSoon { due, daily_percent }) => format!(
            "due {}; highest rate left ({}%/day)",
            day(due),
            pct(*daily_percent)
        ),
        (Lang::Zh, Reason::HighestRate { daily_percent }) => {
            format!("雪崩法：日利率 {}% 最高，先还", pct(*daily_percent))
        }
        (Lang::En, Reason::HighestRate { daily_percent }) => {
            format!("avalanche: highest rate ({}%/day)", pct(*daily_percent))
        }
        (Lang::Zh, Reason::SmallestBalance { balance }) => {
            format!("雪球法：剩余 {} 最少，先还", grouped(*balance))
        }
        (Lang::En, Reason::SmallestBalance { balance }) => {
            format!("snowball: smallest balance left ({})", grouped(*balance))
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonPayment {
    id: String,
    #[serde(with = "money::as_plain")]
    amount: Decimal,
    reason: String,
}

#[derive(Debug, Serialize)]
struct JsonPlan {
    #[serde(with = "money::as_plain")]
    cash: Decimal,
    strategy: Strategy,
    payments: Vec<JsonPayment>,
    #[serde(with = "money::as_plain")]
    left: Decimal,
    avoided: Vec<String>,
    still_threatened: Vec<String>,
}

pub fn json(ctx: &Context, p: &Plan) -> String {
    let out = JsonPlan {
        cash: p.cash,
        strategy: p.strategy,
        payments: p
            .payments
            .iter()
            .map(|x| JsonPayment {
                id: x.loan_id.clone(),
                amount: x.amount,
                reason: reasons_text(ctx.lang, &x.reasons, ctx.today),
            })
            .collect(),
        left: p.left,
        avoided: p.avoided.clone(),
        still_threatened: p.still_threatened.clone(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn text(ctx: &Context, p: &Plan) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let name = |id: &str| {
        ctx.portfolio
            .loan(id)
            .map(|l| ctx.display_name(l))
            .unwrap_or_else(|| id.to_string())
    };
    let strategy = match (lang, p.strategy) {
        (Lang::Zh, Strategy::Urgency) => "紧急程度优先",
        (Lang::Zh, Strategy::Avalanche) => "雪崩法（利率高的先还）",
        (Lang::Zh, Strategy::Snowball) => "雪球法（余额小的先还）",
        (Lang::En, Strategy::Urgency) => "urgency first",
        (Lang::En, Strategy::Avalanche) => "avalanche (highest rate first)",
        (Lang::En, Strategy::Snowball) => "snowball (smallest balance first)",
    };
    let mut out = format!(
        "{} {}  {} {cur}{}  {} {strategy}\n\n",
        lang.t("今天", "Today"),
        ctx.today,
        lang.t("手头现金", "Cash"),
        grouped(p.cash),
        lang.t("策略", "Strategy"),
    );
    if p.payments.is_empty() {
        out.push_str(lang.t(
            "没有建议的还款：这笔钱不够还清任何一整期（只还一部分不会改变催收进度）。\n",
            "No payment proposed: the cash clears no whole installment (a part payment changes no escalation step).\n",
        ));
    } else {
        let rows: Vec<Vec<String>> = p
            .payments
            .iter()
            .enumerate()
            .map(|(i, x)| {
                vec![
                    (i + 1).to_string(),
                    name(&x.loan_id),
                    format!("{cur}{}", grouped(x.amount)),
                    reasons_text(lang, &x.reasons, ctx.today),
                ]
            })
            .collect();
        out.push_str(&render(
            &[
                "#",
                lang.t("借款", "Loan"),
                lang.t("金额", "Amount"),
                lang.t("原因", "Why"),
            ],
            &[Align::Right, Align::Left, Align::Right, Align::Left],
            &rows,
        ));
    }
    out.push_str(&format!(
        "\n{} {cur}{}\n",
        lang.t("剩余", "Left"),
        grouped(p.left)
    ));
    let names = |ids: &[String]| ids.iter().map(|i| name(i)).collect::<Vec<_>>().join("、");
    if !p.avoided.is_empty() {
        out.push_str(&format!(
            "{}{}\n",
            lang.t(
                "未来 30 天内不会到“联系紧急联系人”阶段：",
                "Kept out of the emergency-contact stage for 30 days: "
            ),
            names(&p.avoided)
        ));
    }
    if !p.still_threatened.is_empty() {
        out.push_str(&format!(
            "{}{}\n",
            lang.t(
                "30 天内仍可能联系紧急联系人：",
                "Contacts may still be called within 30 days: "
            ),
            names(&p.still_threatened)
        ));
    }
    out.push_str(&format!(
        "\n{}\n",
        match lang {
            Lang::Zh => format!(
                "只建议还整期：部分还款不会重置逾期天数。文件里没有“最低还款额”，所以没有按最低还款额计算；看的是未来 {HORIZON_DAYS} 天。"
            ),
            Lang::En => format!(
                "Only whole installments are proposed: a part payment resets no overdue count. The file has no lender minimum payment, so none is used. The plan looks {HORIZON_DAYS} days ahead."
            ),
        }
    ));
    out
}
