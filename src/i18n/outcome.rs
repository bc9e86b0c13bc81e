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

pub fn already_settled(id: &str) -> Text {
    Text::new(
        format!("借款 {id} 已经记录了协商结清"),
        format!("loan {id} already has a settlement recorded"),
    )
}

/// A new agreement dated before the one in force.
pub fn agreement_before_last(last: chrono::NaiveDate) -> Text {
    Text::new(
        format!("这笔借款已有 {last} 达成的协议；新协议的日期不能更早"),
        format!("this loan has an agreement of {last}; a new one cannot be dated earlier"),
    )
}

pub fn recorded_penalty(amount: &str, date: chrono::NaiveDate) -> Text {
    Text::new(
        format!("已记录罚息/费用还款 {amount}（{date}），只抵扣罚息估算"),
        format!(
            "Recorded {amount} towards penalty interest or fees ({date}); it reduces the penalty estimate, no installment"
        ),
    )
}

pub fn recorded_agreement(months: u32, amount: &str, from: chrono::NaiveDate) -> Text {
    Text::new(
        format!("已记录还款协议：{months} 期，每期 {amount}，{from} 起"),
        format!("Recorded an agreement: {months} payments of {amount} from {from}"),
    )
}

pub fn recorded_promise(amount: &str, by: chrono::NaiveDate) -> Text {
    Text::new(
        format!("已记录承诺：{by} 前还 {amount}"),
        format!("Recorded a promise: {amount} by {by}"),
    )
}

pub fn recorded_settlement(amount: &str, date: chrono::NaiveDate) -> Text {
    Text::new(
        format!("已记录协商结清：{date} 支付 {amount}"),
        format!("Recorded a settlement: {amount} paid on {date}"),
    )
}

/// Said before a settlement is recorded (the CLI and the form).
pub fn settle_in_writing_first() -> Text {
    Text::new(
        "提醒：先拿到平台的书面确认（短信、邮件、App 记录或盖章文件，写明结清金额和“结清”），再付款。",
        "Reminder: get the settlement in writing first (an SMS, email, app record or stamped letter naming the amount and that it settles the loan), then pay.",
    )
}

/// Said when an agreement is recorded without `ref`.
pub fn agreement_without_ref() -> Text {
    Text::new(
        "没有记下协议的凭据（客服工号、短信、App 记录）：请向平台要一份书面确认，并用 --ref 记下。",
        "No record of the agreement was noted (staff id, SMS, app record): ask the lender for it in writing and note it with --ref.",
    )
}

/// The advice panel's item when a kept agreement has no record noted.
pub fn agreement_without_ref_advice() -> Text {
    Text::new(
        "这份协议还没有记下凭据（客服工号、短信、App 记录）：向平台要一份书面确认，写进文件的 ref。",
        "No record of this agreement is noted (staff id, SMS, app record): ask the lender for a written confirmation and note it as `ref`.",
    )
}

/// The true rate above a reported line (24 or 36), with what the borrower can do; never a
/// verdict that the loan is illegal.
pub fn apr_above_line(apr: &str, line: u32) -> Text {
    let (zh_src, en_src) = if line == 36 {
        (
            "2017 年整治“现金贷”的通知划定的综合年化成本 36% 这条线",
            "the 36 % a year line for the total cost set by the 2017 rules on cash loans",
        )
    } else {
        (
            "据 2025 年的报道，消费金融公司被要求新发放贷款不超过的 24% 这条线",
            "the 24 % line that, as reported in 2025, consumer-finance companies were told to keep new loans at or below",
        )
    };
    Text::new(
        format!(
            "这笔借款按内部收益率算的真实年化利率约 {apr}%（含手续费），高于{zh_src}（这是报道中提到的参考线，不是对这笔借款的判定）。可以要求平台书面说明含全部费用的年化利率；有异议可以拨打 12378 投诉。"
        ),
        format!(
            "This loan's true annual rate by IRR, fees included, is about {apr} %, above {en_src} (a line as reported, not a judgement on this loan). You can ask the lender in writing for the annualised rate with all fees, and complain on 12378 if you disagree."
        ),
    )
}

/// An agreement as the letters state it.
pub fn letter_agreement(
    date: chrono::NaiveDate,
    months: u32,
    amount: &str,
    reference: Option<&str>,
) -> Text {
    let (zr, er) = match reference {
        Some(r) => (format!("，凭据：{r}"), format!("; record: {r}")),
        None => (String::new(), String::new()),
    };
    Text::new(
        format!("{date} 达成，分 {months} 期，每期 {amount}{zr}"),
        format!("agreed on {date}, {months} payments of {amount}{er}"),
    )
}

/// A settlement as the letters state it.
pub fn letter_settlement(
    date: chrono::NaiveDate,
    paid: &str,
    waived: &str,
    reference: Option<&str>,
) -> Text {
    let (zr, er) = match reference {
        Some(r) => (format!("，凭据：{r}"), format!("; record: {r}")),
        None => (String::new(), String::new()),
    };
    Text::new(
        format!("{date} 支付 {paid} 结清，减免 {waived}{zr}"),
        format!("{paid} paid on {date} to settle, {waived} waived{er}"),
    )
}

/// `letter --kind negotiation` for a loan keeping its agreement: no new plan is proposed.
pub fn no_negotiation_while_kept() -> Text {
    Text::new(
        "这笔借款的还款协议正在履行，不需要再提出新的还款方案；按协议还款即可。需要时可以用 --kind dispute 或结清后用 --kind settlement-proof。",
        "This loan's agreement is being kept: no new plan is proposed; keep paying as agreed. Use --kind dispute if needed, or --kind settlement-proof once it is cleared.",
    )
}

/// A calendar event for an agreement installment: summary and description.
pub fn ics_agreement(name: &str, n: u32, amount: &str, overdue: bool) -> (Text, Text) {
    let summary = if overdue {
        Text::new(
            format!("协议未履行：{name} 协议第{n}期 {amount}"),
            format!("Agreement broken: {name} agreement #{n}: {amount}"),
        )
    } else {
        Text::new(
            format!("协议还款：{name} 第{n}期 {amount}"),
            format!("Agreement payment: {name} #{n}: {amount}"),
        )
    };
    let description = Text::new(
        format!("{name} 还款协议第{n}期，待还 {amount}。提前几天还，避免协议被视为违约。"),
        format!(
            "{name}, agreement installment {n}, unpaid {amount}. Pay a few days early so the agreement is not treated as broken."
        ),
    );
    (summary, description)
}

/// A calendar event for a pending promise: summary and description.
pub fn ics_promise(
    name: &str,
    amount: &str,
    to: Option<&str>,
    made: chrono::NaiveDate,
) -> (Text, Text) {
    let (zt, et) = match to {
        Some(t) => (format!("（对 {t}）"), format!(" (to {t})")),
        None => (String::new(), String::new()),
    };
    (
        Text::new(
            format!("承诺还款：{name} {amount}"),
            format!("Promised: {name} {amount}"),
        ),
        Text::new(
            format!("{made} 承诺{zt}在这天前还 {amount}。"),
            format!("Promised on {made}{et} to pay {amount} by this day."),
        ),
    )
}

/// The nearest pending promise (and how many there are), for the header and `status`.
pub fn promises_line(name: &str, amount: &str, by: &str, count: usize) -> Text {
    let (zm, em) = if count > 1 {
        (format!("（共 {count} 笔）"), format!(" ({count} in all)"))
    } else {
        (String::new(), String::new())
    };
    Text::new(
        format!("承诺：{name} {by} 前还 {amount}{zm}"),
        format!("promised: {amount} to {name} by {by}{em}"),
    )
}

pub fn form_date_hint() -> Text {
    Text::new("YYYY-MM-DD，不能晚于今天", "YYYY-MM-DD, not after today")
}

pub fn form_from_hint() -> Text {
    Text::new(
        "协议第一期的到期日 YYYY-MM-DD",
        "the first agreement payment's due date, YYYY-MM-DD",
    )
}

pub fn form_months_hint() -> Text {
    Text::new("共几期（每月一期）", "how many monthly payments")
}

pub fn form_months_error() -> Text {
    Text::new(
        "期数要写大于 0 的整数",
        "the months must be a whole number above 0",
    )
}

pub fn form_agree_amount_hint() -> Text {
    Text::new(
        "每期金额；预填的是通话脚本提出的方案",
        "each payment; prefilled with what the call script proposed",
    )
}

pub fn form_ref_hint() -> Text {
    Text::new(
        "客服工号、短信、App 记录（一定要留）",
        "staff id, SMS, app record (keep one)",
    )
}

pub fn form_promise_amount_hint() -> Text {
    Text::new("答应还多少", "how much you promised")
}

pub fn form_by_hint() -> Text {
    Text::new(
        "答应在哪天前还 YYYY-MM-DD",
        "the day you promised to pay by, YYYY-MM-DD",
    )
}

pub fn form_to_hint() -> Text {
    Text::new("答应了谁（可以不填）", "whom you promised (optional)")
}

pub fn form_penalty_hint() -> Text {
    Text::new(
        "还的罚息或费用：只抵扣罚息估算，不抵扣任何一期",
        "towards penalty or fees: reduces the penalty estimate, no installment",
    )
}

pub fn detail_apr_line(apr: &str, line: &str) -> Text {
    Text::new(
        format!("真实年化 {apr}% 高于报道的 {line}% 线"),
        format!("true rate {apr}% is above the reported {line}% line"),
    )
}

pub fn detail_agreement_title(paid: usize, count: usize) -> Text {
    Text::new(
        format!("还款协议 已还 {paid}/{count} 期"),
        format!("Agreement: {paid} of {count} paid"),
    )
}

pub fn detail_agreement_next(date: &str, amount: &str) -> Text {
    Text::new(
        format!("下期 {date} {amount}"),
        format!("next {date} {amount}"),
    )
}

pub fn detail_agreement_missed(n: u32, date: &str) -> Text {
    Text::new(
        format!("协议未履行：第{n}期（{date}）未还"),
        format!("agreement broken: #{n} ({date}) unpaid"),
    )
}

pub fn detail_agreement_done() -> Text {
    Text::new("已按协议全部还清", "all paid as agreed")
}

pub fn detail_ref_label() -> Text {
    Text::new("凭据 ", "record ")
}

pub fn detail_no_ref() -> Text {
    Text::new("⚠ 没有记下凭据", "⚠ no record noted")
}

pub fn detail_promises_title() -> Text {
    Text::new("承诺还款", "Promises")
}

/// One promise: `status` is kept | broken | pending.
pub fn detail_promise(status: &str, by: &str, amount: &str, paid: &str) -> Text {
    match status {
        "kept" => Text::new(
            format!("✓ {by} 前 {amount} 已兑现"),
            format!("✓ {amount} by {by}: kept"),
        ),
        "broken" => Text::new(
            format!("✗ {by} 前 {amount} 未兑现（已还 {paid}）"),
            format!("✗ {amount} by {by}: broken ({paid} paid)"),
        ),
        _ => Text::new(
            format!("◆ {by} 前还 {amount}（已还 {paid}）"),
            format!("◆ {amount} by {by} ({paid} paid)"),
        ),
    }
}

pub fn detail_settled_title() -> Text {
    Text::new("协商结清", "Settled")
}

pub fn detail_settled_paid(date: &str, amount: &str) -> Text {
    Text::new(
        format!("{date} 支付 {amount}"),
        format!("{amount} paid on {date}"),
    )
}

pub fn detail_settled_waived(amount: &str) -> Text {
    Text::new(format!("减免 {amount}"), format!("{amount} waived"))
}

pub fn detail_closing_title() -> Text {
    Text::new("结清以后", "After the last payment")
}

/// The closing checklist, short; the advice's closing topic gives each with its source.
pub fn detail_closing_items() -> [Text; 3] {
    [
        Text::new("要书面结清证明", "get a written proof of settlement"),
        Text::new("1–2 个月后查征信", "check the credit report in 1–2 months"),
        Text::new(
            "记录有错可提异议（20 天内答复）",
            "dispute a wrong record (answered within 20 days)",
        ),
    ]
}

/// The list's second line for a loan settled for less.
pub fn list_settled() -> Text {
    Text::new("已协商结清", "settled for less")
}

/// The title of a letter kind (`settlement-proof`, `dispute`) in the dashboard.
pub fn letter_title(kind: &str) -> Text {
    match kind {
        "settlement-proof" => Text::new("结清证明申请", "Request for a proof of settlement"),
        _ => Text::new("征信异议申请", "Credit report dispute"),
    }
}

/// The plan's line for the money set aside for pending promises.
pub fn plan_committed(amount: &str) -> Text {
    Text::new(
        format!("先留出 {amount} 兑现已作出的还款承诺，下面只分配剩下的钱。"),
        format!("{amount} is set aside for the promises you made; the rest is planned below."),
    )
}

pub fn evidence_title() -> Text {
    Text::new("还款协议与承诺", "Agreements and promises")
}

/// An agreement in the complaint's evidence; `status` is kept | broken | done | replaced.
pub fn evidence_agreement(
    date: chrono::NaiveDate,
    months: u32,
    amount: &str,
    reference: Option<&str>,
    status: &str,
) -> Text {
    let (zs, es) = match status {
        "kept" => ("履行中", "being kept"),
        "broken" => ("未履行", "broken"),
        "done" => ("已履行完毕", "done"),
        _ => ("已被新协议取代", "replaced by a later one"),
    };
    let (zr, er) = match reference {
        Some(r) => (format!("，凭据：{r}"), format!("; record: {r}")),
        None => (String::new(), String::new()),
    };
    Text::new(
        format!("{date} 达成还款协议：{months} 期，每期 {amount}{zr}（{zs}）"),
        format!("{date} agreement: {months} payments of {amount}{er} ({es})"),
    )
}

/// A promise in the complaint's evidence; `status` is kept | broken | pending.
pub fn evidence_promise(
    date: chrono::NaiveDate,
    by: chrono::NaiveDate,
    amount: &str,
    paid: &str,
    to: Option<&str>,
    status: &str,
) -> Text {
    let (zs, es) = match status {
        "kept" => ("已兑现", "kept"),
        "broken" => ("未兑现", "broken"),
        _ => ("尚未到期", "pending"),
    };
    let (zt, et) = match to {
        Some(t) => (format!("（对 {t}）"), format!(" (to {t})")),
        None => (String::new(), String::new()),
    };
    Text::new(
        format!("{date} 承诺{zt} {by} 前还 {amount}，已还 {paid}（{zs}）"),
        format!("{date} promised{et} {amount} by {by}, {paid} paid ({es})"),
    )
}

/// After the closing checklist's title: the key that checks the next item.
pub fn detail_closing_key() -> Text {
    Text::new("（C 勾选）", " (C checks)")
}

/// Beside the true rate: a fixed-fee plan's fee as the lender states it.
pub fn typed_fee(fee: &str) -> Text {
    Text::new(
        format!("（手续费 每月 {fee}%）"),
        format!(" (fee {fee}% a month)"),
    )
}

/// Beside the true rate: the annual rate written in the file.
pub fn typed_annual(rate: &str) -> Text {
    Text::new(
        format!("（合同 年 {rate}%）"),
        format!(" (stated {rate}% a year)"),
    )
}

/// Beside the true rate: the daily rate written in the file.
pub fn typed_daily(rate: &str) -> Text {
    Text::new(
        format!("（合同 日 {rate}%）"),
        format!(" (stated {rate}% a day)"),
    )
}

/// The call form's optional amount the collector asked for.
pub fn call_asked_amount_hint() -> Text {
    Text::new(
        "对方要求还多少（可不填；填了就记为承诺）",
        "what they asked you to pay (optional; recorded as a promise)",
    )
}

/// The call form's optional day the collector asked for.
pub fn call_asked_by_hint() -> Text {
    Text::new(
        "对方要求哪天前还 YYYY-MM-DD",
        "the day they asked for, YYYY-MM-DD",
    )
}

/// After a letter's title in the dashboard, when other kinds fit the loan (a `&'static str`
/// pair: the title is built every frame).
pub const LETTER_TAB_ZH: &str = "（Tab 换一种）";
pub const LETTER_TAB_EN: &str = " (Tab: another kind)";
