//! The short line printed after `pay`, `log` or `extend`: the loan's status once the entry is in.

use super::Context;
use crate::engine::{LoanStatus, LoanView};
use crate::money::grouped;

/// `ctrip-jqh 携程借去花: current · next ¥1,100.16 on 2026-12-18 (in 25 days) · left ¥4,400.67`
pub fn line(ctx: &Context, v: &LoanView) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let l = &v.ledger;
    let mut parts = vec![];
    match l.status {
        LoanStatus::PaidOff => parts.push(lang.status(l.status).to_string()),
        LoanStatus::Overdue => {
            parts.push(format!(
                "{} {}{}",
                lang.status(l.status),
                l.days_overdue,
                lang.t(" 天", "d")
            ));
            parts.push(format!(
                "{} {cur}{}",
                lang.t("逾期金额", "overdue"),
                grouped(l.overdue_amount)
            ));
            if let Some(d) = v.escalation.days_until_emergency_contact {
                parts.push(if d <= 0 {
                    lang.t(
                        "紧急联系人可能已被联系",
                        "emergency contacts may be called now",
                    )
                    .to_string()
                } else {
                    format!(
                        "{}{}",
                        lang.t("可能联系紧急联系人：", "emergency contacts may be called "),
                        lang.days_from_now(d)
                    )
                });
            }
        }
        _ => parts.push(lang.status(l.status).to_string()),
    }
    if l.status != LoanStatus::PaidOff {
        if let (Some(date), Some(days)) = (l.next_due_date, l.days_until_due)
            && l.status != LoanStatus::Overdue
        {
            parts.push(format!(
                "{} {cur}{} {} {date} ({})",
                lang.t("下期", "next"),
                grouped(l.next_due_amount),
                lang.t("于", "on"),
                lang.days_from_now(days)
            ));
        }
        parts.push(format!(
            "{} {cur}{}",
            lang.t("剩余", "left"),
            grouped(l.remaining_balance)
        ));
    }
    format!(
        "{} {}: {}",
        v.loan.id,
        ctx.display_name(v.loan),
        parts.join(" · ")
    )
}
