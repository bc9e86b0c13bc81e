//! Every sentence about what a negotiation won: agreements, promises to pay, settlements, penalty
//! payments, the closing checklist and the true cost of a loan, in zh and en.

use super::Text;

pub fn must_be_bool(key: &str) -> Text {
    Text::new(
        format!("`{key}` 只能是 true 或 false（不加引号）"),
        format!("`{key}` must be true or false (no quotes)"),
    )
}

/// `key`'s date comes before `earlier`'s in the same entry.
pub fn date_before(key: &str, earlier: &str) -> Text {
    Text::new(
        format!("`{key}` 不能早于 `{earlier}`"),
        format!("`{key}` cannot be before `{earlier}`"),
    )
}

pub fn agreement_needs(key: &str) -> Text {
    match key {
        "date" => Text::new(
            "协议需要达成的日期 date",
            "an agreement needs the date it was agreed",
        ),
        "from" => Text::new(
            "协议需要第一期的到期日 from",
            "an agreement needs its first payment's due date (`from`)",
        ),
        "months" => Text::new(
            "协议需要期数 months",
            "an agreement needs its number of months",
        ),
        _ => Text::new(
            "协议需要每期金额 amount",
            "an agreement needs each payment's amount",
        ),
    }
}

pub fn promise_needs(key: &str) -> Text {
    match key {
        "date" => Text::new(
            "承诺需要作出的日期 date",
            "a promise needs the date it was made",
        ),
        "by" => Text::new(
            "承诺需要还款期限 by",
            "a promise needs the day it is due (`by`)",
        ),
        _ => Text::new("承诺需要金额 amount", "a promise needs its amount"),
    }
}

pub fn settlement_needs(key: &str) -> Text {
    match key {
        "date" => Text::new("结清需要日期 date", "a settlement needs its date"),
        _ => Text::new(
            "结清需要实际支付的金额 amount",
            "a settlement needs the amount paid",
        ),
    }
}

/// A loan overdue again because an agreement installment was missed: the list's and the header's
/// status words.
pub fn agreement_broken_days(days: i64) -> Text {
    Text::new(
        format!("协议未履行{days}天"),
        format!("agreement broken {days}d"),
    )
}

/// The status a broken agreement is named by, in `check` and the detail.
pub fn agreement_broken() -> Text {
    Text::new("协议未履行", "agreement broken")
}

/// The schedule's second table: the agreement's installments.
pub fn agreement_installments_title() -> Text {
    Text::new(
        "协议还款计划（上面的原计划保留为协议前的记录）",
        "The agreement's installments (the original schedule above is kept as it stood before)",
    )
}
