//! Messages of the first week's fixes (issue 21): a stale screen after a failed reload, money
//! that cannot go where it was written, words that fit the screen. Both languages side by side.

use super::Text;

fn t(zh: String, en: String) -> Text {
    Text::new(zh, en)
}

/// The header's mark while the data shown is older than the file, with the first problem.
pub fn stale_data(why: &Text) -> Text {
    t(
        format!("旧数据：文件读不了，仍显示上次读到的内容。{}", why.zh),
        format!(
            "old data: the file does not read, showing what it last held. {}",
            why.en
        ),
    )
}

/// The header's mark while the file has turned empty under loans on show (an editor mid-save).
pub fn stale_empty(name: &str) -> Text {
    t(
        format!("旧数据：{name} 现在没有任何借款，仍显示上次读到的内容；确实清空了就按 r"),
        format!("old data: {name} now holds no loans, showing what it last held; r takes it as is"),
    )
}

/// The footer's line for the same case.
pub fn file_now_empty(name: &str) -> Text {
    t(
        format!("{name} 现在是空的（可能正在保存），仍显示旧数据；按 r 采用空文件"),
        format!(
            "{name} is empty now (a save in progress?), still showing the old data; r takes the empty file"
        ),
    )
}

/// One problem and how many more the file has.
pub fn and_more_problems(first: &Text, more: usize) -> Text {
    t(
        format!("{}（另有 {more} 处问题）", first.zh),
        format!("{} (and {more} more)", first.en),
    )
}

/// The demo's name where a file's name would go ("reloaded the demo").
pub fn the_demo() -> Text {
    Text::new("演示数据", "the demo")
}

/// A payment in the file beyond everything owed on its day (money already written with its
/// currency); `penalty` when one is estimated.
pub fn payment_beyond_owed_in_file(
    amount: &str,
    owed: &str,
    excess: &str,
    penalty: Option<(&str, &str)>,
) -> Text {
    let (zh_owed, en_owed) = match penalty {
        Some((unpaid, penalty)) => (
            format!("{owed}（未还各期 {unpaid} + 估算罚息 {penalty}）"),
            format!("{owed} (unpaid installments {unpaid} + estimated penalty {penalty})"),
        ),
        None => (owed.to_string(), owed.to_string()),
    };
    t(
        format!(
            "这笔还款 {amount} 超过了当天这笔借款还欠的全部金额 {zh_owed}：多出的 {excess} 不会算到任何一期上；请改成实际付出的金额"
        ),
        format!(
            "this payment of {amount} is more than everything the loan owed that day, {en_owed}: the {excess} over it counts towards nothing; write what was actually paid"
        ),
    )
}

/// A late loan whose penalty rate is 0 (its own `penalty_rate = 0`, or a 0 % loan's default):
/// said, rather than left blank as if nothing were known.
pub fn no_penalty_rate_zero() -> Text {
    Text::new("不估算罚息（费率为 0）", "no penalty estimated (rate 0)")
}

/// The footer's count of load warnings when the keys need the room: still says `!` opens them.
pub fn load_warnings_count_short(n: usize) -> Text {
    t(format!("{n} 条警告 !"), format!("{n} warnings !"))
}

/// A repayment method, named for people (`schedule`'s first line): the file's key when unknown.
pub fn method_name(key: &str) -> Text {
    let (zh, en) = match key {
        "equal_installment" => ("等额本息", "equal installments"),
        "equal_principal" => ("等额本金", "equal principal"),
        "interest_first" => ("先息后本", "interest first"),
        "bullet" => ("到期还本付息", "all at the end"),
        "fixed_fee" => ("分期手续费", "fixed fee per installment"),
        "bills" => ("账单", "bills"),
        other => (other, other),
    };
    Text::new(zh, en)
}

/// The annual rate by IRR, as both faces label it.
pub fn apr_label() -> Text {
    Text::new("年化(IRR)", "APR (IRR)")
}

/// A flag that is none of the known ones: each named by its key and its Chinese word.
pub fn unknown_flag(value: &str) -> Text {
    let list =
        "threat/威胁、insult/辱骂、told_third_party/告知第三方、fake_legal/冒充司法、night/夜间";
    let en = "threat, insult, told_third_party, fake_legal or night (or 威胁, 辱骂, 告知第三方, 冒充司法, 夜间)";
    t(
        format!("未知的标记 {value:?}；应为 {list}"),
        format!("unknown flag {value:?}; expected {en}"),
    )
}

/// The form's flags field, when a word is not a flag.
pub fn flags_field_hint() -> Text {
    Text::new(
        "只能是 威胁 辱骂 告知第三方 冒充司法 夜间（或 threat insult told_third_party fake_legal night）",
        "only threat insult told_third_party fake_legal night (or 威胁 辱骂 告知第三方 冒充司法 夜间)",
    )
}

/// The form's flags field, empty: the words it takes.
pub fn flags_field_words() -> Text {
    Text::new(
        "威胁 辱骂 告知第三方 冒充司法 夜间",
        "threat insult told_third_party fake_legal night",
    )
}

/// `log --who NAME` where NAME is none of the loan's contacts (`contacts` empty: it has none).
pub fn who_not_a_contact(name: &str, contacts: &[&str]) -> Text {
    if contacts.is_empty() {
        t(
            format!(
                "提示：这笔借款没有紧急联系人，“{name}”不在其中；记的是打给你本人的电话就用 --who me"
            ),
            format!(
                "note: this loan has no emergency contacts, so {name:?} is none of them; for a call to you, use --who me"
            ),
        )
    } else {
        t(
            format!(
                "提示：“{name}”不是这笔借款的紧急联系人（联系人：{}）；记的是打给你本人的电话就用 --who me",
                contacts.join("、")
            ),
            format!(
                "note: {name:?} is not one of this loan's contacts ({}); for a call to you, use --who me",
                contacts.join(", ")
            ),
        )
    }
}
