//! Every sentence of an error, warning or refusal a user can meet, both languages side by side.
//! Callers build a `Text` where the problem is found and show it in the reader's language.
//! Add new messages here (both languages), never as a literal at the place of use.

use std::fmt::Display;

use super::Text;

fn t(zh: String, en: String) -> Text {
    Text::new(zh, en)
}

// ---- What a person types (see `crate::input`) ----

pub fn amount_empty() -> Text {
    Text::new(
        "请输入金额，例如 800.16 或 1,000",
        "enter an amount, such as 800.16 or 1,000",
    )
}

pub fn amount_not_a_number(input: &str) -> Text {
    t(
        format!("“{input}”不是金额：请写成 800.16 或 1,000 这样的数字"),
        format!("{input:?} is not an amount: write a number such as 800.16 or 1,000"),
    )
}

pub fn amount_ambiguous(input: &str) -> Text {
    t(
        format!("“{input}”有歧义：逗号只用来每三位分隔（1,000），小数用点（1000.50）"),
        format!(
            "{input:?} is ambiguous: a comma may only separate groups of three digits (1,000) and the decimal mark is a point (1000.50)"
        ),
    )
}

pub fn amount_too_many_decimals(input: &str) -> Text {
    t(
        format!("“{input}”的小数超过两位：最小单位是分"),
        format!("{input:?} has more than two decimals: cents are the smallest unit"),
    )
}

pub fn amount_not_positive(input: &str) -> Text {
    t(
        format!("金额必须大于 0，现在是“{input}”"),
        format!("the amount must be above zero, got {input:?}"),
    )
}

pub fn amount_too_large(input: &str, max: i64) -> Text {
    t(
        format!("“{input}”大得离谱（最多 {max}）"),
        format!("{input:?} is absurdly large (at most {max})"),
    )
}

pub fn date_format(input: &str) -> Text {
    t(
        format!("“{input}”不是日期：请写成 YYYY-MM-DD，例如 2026-11-23"),
        format!("{input:?} is not a date: write YYYY-MM-DD, such as 2026-11-23"),
    )
}

pub fn time_format(input: &str) -> Text {
    t(
        format!("“{input}”不是时间：请写成 HH:MM 或 HH:MM:SS，例如 22:40"),
        format!("{input:?} is not a time: write HH:MM or HH:MM:SS, such as 22:40"),
    )
}

/// `days` is 0 when the month itself does not exist.
pub fn no_such_day(input: &str, year: i32, month: u32, days: u32) -> Text {
    if days == 0 {
        t(
            format!("没有 {input} 这一天：一年只有 12 个月"),
            format!("{input}: no such day (a year has 12 months)"),
        )
    } else {
        t(
            format!("没有 {input} 这一天：{year} 年 {month} 月只有 {days} 天"),
            format!("{input}: no such day ({year}-{month:02} has {days} days)"),
        )
    }
}

/// The log kinds a file or a command may name.
pub const LOG_KINDS: &[&str] = &["negotiation", "collection_call", "note", "contact_notified"];
pub const CHANNELS: &[&str] = &["call", "sms", "visit", "other"];
pub const FLAGS: &[&str] = &[
    "threat",
    "insult",
    "told_third_party",
    "fake_legal",
    "night",
];

/// `a, b, c or d` and `a、b、c 或 d`.
fn either(words: &[&str]) -> (String, String) {
    match words.split_last() {
        Some((last, [])) => (last.to_string(), last.to_string()),
        Some((last, rest)) => (
            format!("{} 或 {last}", rest.join("、")),
            format!("{} or {last}", rest.join(", ")),
        ),
        None => (String::new(), String::new()),
    }
}

/// A key whose value must be one of a few words (`kind`, `channel`, a flag).
pub fn unknown_word(key: &str, value: &str, expected: &[&str]) -> Text {
    let (zh, en) = either(expected);
    t(
        format!("未知的 {key} {value:?}；应为 {zh}"),
        format!("unknown {key} {value:?}; expected {en}"),
    )
}

pub fn from_after_to(from: impl Display, to: impl Display) -> Text {
    t(
        format!("--from {from} 在 --to {to} 之后；起始日要早于结束日"),
        format!("--from {from} is after --to {to}; the range must start first"),
    )
}

pub fn unknown_log_kind(kind: &str) -> Text {
    unknown_word("log kind", kind, LOG_KINDS)
}

pub fn flags_must_be_list() -> Text {
    let (zh, en) = either(FLAGS);
    t(
        format!("`flags` 应是列表，例如 [\"night\", \"threat\"]；可用的标记：{zh}"),
        format!("`flags` must be a list such as [\"night\", \"threat\"]; known flags: {en}"),
    )
}

pub fn flag_must_be_string() -> Text {
    let (zh, en) = either(FLAGS);
    t(
        format!("每个标记都应是加引号的字符串，为 {zh} 之一"),
        format!("each flag must be a string in quotes, one of {en}"),
    )
}

pub fn must_be_time(key: &str) -> Text {
    t(
        format!("`{key}` 应是 22:40:00 这样的时间（TOML 本地时间，不加引号，不带日期）"),
        format!(
            "`{key}` must be a time like 22:40:00 (a TOML local time, without quotes or a date)"
        ),
    )
}

pub fn contact_notified_needs_who() -> Text {
    Text::new(
        "contact_notified（已告知联系人）记录要写明告知了哪位联系人（--who 名字）",
        "a contact_notified entry names the contact who was told (--who NAME)",
    )
}

pub fn log_text_empty() -> Text {
    Text::new(
        "记录内容是空的：写下发生了什么",
        "the log text is empty; say what happened",
    )
}

pub fn installment_zero() -> Text {
    Text::new(
        "期数从 1 开始：没有第 0 期",
        "installments are numbered from 1; there is no installment 0",
    )
}

pub fn installment_not_number() -> Text {
    Text::new("期数是从 1 开始的整数", "a whole number from 1")
}

/// `what` is `payment` or `log`.
pub fn dated_after_today(what: Entry, date: impl Display, today: impl Display) -> Text {
    let (zh, en) = match what {
        Entry::Payment => ("还款", "a payment"),
        Entry::Log => ("记录", "a log entry"),
    };
    t(
        format!("{zh}日期 {date} 晚于今天（{today}）：发生之后再记录"),
        format!(
            "{en} cannot be dated {date}, after today ({today}); record it once it has happened"
        ),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Payment,
    Log,
}

/// The most ids a "no loan with id" message lists: a 10,000-loan file must not print them all.
pub const IDS_LISTED: usize = 10;

/// The ids nearest to `id` by edit distance first (file order among equals), at most
/// `IDS_LISTED`, and how many were left out.
fn nearest_ids<'a>(id: &str, ids: &[&'a str]) -> (Vec<&'a str>, usize) {
    let mut ranked: Vec<(usize, &str)> = ids
        .iter()
        .map(|k| (strsim::levenshtein(id, k), *k))
        .collect();
    ranked.sort_by_key(|(d, _)| *d);
    let shown: Vec<&str> = ranked.iter().take(IDS_LISTED).map(|(_, k)| *k).collect();
    let more = ids.len() - shown.len();
    (shown, more)
}

pub fn no_loan_with_id(id: &str, ids: &[&str]) -> Text {
    let (shown, more) = nearest_ids(id, ids);
    let list = shown.join(", ");
    let (zh_more, en_more) = if more > 0 {
        (format!(" ……另有 {more} 个"), format!(" … and {more} more"))
    } else {
        (String::new(), String::new())
    };
    t(
        format!(
            "没有 id 为“{id}”的借款；现有：{}{zh_more}",
            if ids.is_empty() { "（无）" } else { &list }
        ),
        format!(
            "no loan with id {id:?}; expected one of: {}{en_more}",
            if ids.is_empty() { "(none)" } else { &list }
        ),
    )
}

pub fn already_paid_off(id: &str) -> Text {
    t(
        format!("借款“{id}”已经结清，没有要还的了"),
        format!("loan {id:?} is already paid off; nothing is left to pay"),
    )
}

pub fn no_such_installment(id: &str, count: u32, n: u32) -> Text {
    t(
        format!("借款“{id}”只有 {count} 期，没有第 {n} 期"),
        format!(
            "loan {id:?} has {}; there is no installment {n}",
            super::en_count(count, "installment", "installments")
        ),
    )
}

// ---- Reading the loans file ----

pub fn is_directory() -> Text {
    Text::new("这是目录，不是账本文件", "is a directory, not a loans file")
}

/// `init` is the command that works from where the user is (`crate::launch::command`).
pub fn no_such_file(init: &str) -> Text {
    t(
        format!("文件不存在（运行 `{init}` 创建一个，或检查 --file）"),
        format!("no such file (run `{init}` to create one, or check --file)"),
    )
}

pub fn cannot_read(e: impl Display) -> Text {
    t(format!("无法读取：{e}"), format!("cannot read: {e}"))
}

pub fn not_utf8() -> Text {
    Text::new(
        "文件不是 UTF-8 文本（请另存为 UTF-8）",
        "the file is not UTF-8 text (save it as UTF-8)",
    )
}

/// The parser's own description follows; it is in English, as the TOML library writes it.
pub fn toml_syntax(detail: Option<&str>) -> Text {
    match detail {
        Some(d) => t(
            format!("TOML 语法错误：{d}"),
            format!("TOML syntax error: {d}"),
        ),
        None => Text::new("TOML 语法错误", "TOML syntax error"),
    }
}

pub fn must_hold_tables(path: &str) -> Text {
    t(
        format!("`{path}` 里应是表，例如 {{ date = 2026-04-15, … }}"),
        format!("`{path}` must hold tables, like {{ date = 2026-04-15, … }}"),
    )
}

pub fn must_be_array_of_tables(path: &str) -> Text {
    t(
        format!("`{path}` 应是表数组（[[{path}]]）"),
        format!("`{path}` must be an array of tables ([[{path}]])"),
    )
}

pub fn must_be_value(key: &str) -> Text {
    t(
        format!("`{key}` 应是一个值，不是表"),
        format!("`{key}` must be a value, not a table"),
    )
}

pub fn must_be_table(key: &str) -> Text {
    t(
        format!("`{key}` 应是一个表"),
        format!("`{key}` must be a table"),
    )
}

pub fn platforms_must_be_table() -> Text {
    Text::new(
        "`platforms` 应是由各平台组成的表",
        "`platforms` must be a table of platforms",
    )
}

pub fn must_be_string(key: &str) -> Text {
    t(
        format!("`{key}` 应是加引号的字符串"),
        format!("`{key}` must be a string in quotes"),
    )
}

pub fn phone_must_be_string() -> Text {
    Text::new("`phone` 应是字符串", "`phone` must be a string")
}

pub fn aliases_must_be_strings() -> Text {
    Text::new("aliases 里应都是字符串", "aliases must be strings")
}

pub fn aliases_must_be_list() -> Text {
    Text::new(
        "`aliases` 应是字符串列表",
        "`aliases` must be a list of strings",
    )
}

pub fn must_be_number(key: &str) -> Text {
    t(
        format!("`{key}` 应是数字"),
        format!("`{key}` must be a number"),
    )
}

pub fn must_be_number_found(key: &str, raw: &str) -> Text {
    t(
        format!("`{key}` 应是数字，现在是 {raw:?}"),
        format!("`{key}` must be a number, found {raw:?}"),
    )
}

pub fn number_does_not_fit(key: &str, raw: &str) -> Text {
    t(
        format!("`{key}` = {raw} 太大，无法精确保存（超出十进制数的范围）"),
        format!("`{key}` = {raw} is too large to hold exactly (it does not fit a decimal)"),
    )
}

pub fn must_be_above_zero(key: &str, found: impl Display) -> Text {
    t(
        format!("`{key}` 必须大于 0，现在是 {found}"),
        format!("`{key}` must be above zero, found {found}"),
    )
}

pub fn absurdly_large(key: &str, found: impl Display, max: i64) -> Text {
    t(
        format!("`{key}` = {found} 大得离谱（最多 {max}）"),
        format!("`{key}` = {found} is absurdly large (at most {max})"),
    )
}

pub fn percent_range(key: &str, max: i64, found: impl Display) -> Text {
    t(
        format!("`{key}` 应是 0 到 {max} 之间的百分数，现在是 {found}"),
        format!("`{key}` must be a percentage from 0 to {max}, found {found}"),
    )
}

pub fn int_range(key: &str, lo: i64, hi: i64, found: i64) -> Text {
    t(
        format!("`{key}` 应在 {lo} 到 {hi} 之间，现在是 {found}"),
        format!("`{key}` must be from {lo} to {hi}, found {found}"),
    )
}

pub fn must_be_whole(key: &str) -> Text {
    t(
        format!("`{key}` 应是整数"),
        format!("`{key}` must be a whole number"),
    )
}

pub fn not_a_real_date(key: &str) -> Text {
    t(
        format!("`{key}` 不是真实存在的日期（没有这一天）"),
        format!("`{key}` is not a real date (no such day)"),
    )
}

pub fn must_be_date(key: &str) -> Text {
    t(
        format!("`{key}` 应是 2026-03-15 这样的日期（TOML 日期，不加引号）"),
        format!("`{key}` must be a date like 2026-03-15 (a TOML date, without quotes)"),
    )
}

pub fn lang_value(found: &str) -> Text {
    t(
        format!("`lang` 应是 \"zh\" 或 \"en\"，现在是 {found:?}"),
        format!("`lang` must be \"zh\" or \"en\", found {found:?}"),
    )
}

pub fn unknown_stage_kind(kind: &str, all: &[&str]) -> Text {
    let all = all.join(", ");
    t(
        format!("未知的阶段类型 {kind:?}；应为以下之一：{all}"),
        format!("unknown stage kind {kind:?}; expected one of {all}"),
    )
}

pub fn unknown_basis(basis: &str) -> Text {
    t(
        format!("未知的依据 {basis:?}；应为 article、estimate 或 user 之一"),
        format!("unknown basis {basis:?}; expected article, estimate or user"),
    )
}

pub fn unknown_method(method: &str, all: &[&str]) -> Text {
    let all = all.join(", ");
    t(
        format!("未知的还款方式 {method:?}；应为以下之一：{all}"),
        format!("unknown method {method:?}; expected one of {all}"),
    )
}

pub fn day_typical_before_day(typical: u32, day: u32) -> Text {
    t(
        format!("`day_typical`（{typical}）不能早于 `day`（{day}）"),
        format!("`day_typical` ({typical}) must not come before `day` ({day})"),
    )
}

pub fn id_malformed(id: &str) -> Text {
    t(
        format!("id {id:?} 只能包含字母、数字、“-”和“_”"),
        format!("id {id:?} may hold only letters, digits, '-' and '_'"),
    )
}

pub fn id_duplicate(id: &str) -> Text {
    t(
        format!("id {id:?} 已被前面的借款用过；id 不能重复"),
        format!("id {id:?} is used by an earlier loan; ids must be unique"),
    )
}

pub fn unknown_platform(platform: &str) -> Text {
    // The table's key as TOML takes it: bare when it can be, else quoted.
    let bare = !platform.is_empty()
        && platform
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key = if bare {
        platform.to_string()
    } else {
        format!("{platform:?}")
    };
    t(
        format!(
            "未知平台 {platform:?}：按通用催收流程计算；想不再提示，改写成 platform = \"generic\"，或加一个 [platforms.{key}] 表写上它的天数"
        ),
        format!(
            "unknown platform {platform:?}: using the generic escalation policy; to silence this, write platform = \"generic\", or add a [platforms.{key}] table with its days"
        ),
    )
}

pub fn both_rates() -> Text {
    Text::new(
        "`annual_rate` 和 `daily_rate` 只能给一个",
        "give either `annual_rate` or `daily_rate`, not both",
    )
}

pub fn extension_beyond_term(n: u32, count: u32) -> Text {
    t(
        format!("没有第 {n} 期：这笔借款只有 {count} 期"),
        format!("installment {n} does not exist: this loan has {count}"),
    )
}

/// `` `key` is missing: `` followed by what the key is for.
pub fn missing(key: &str, why: &Text) -> Text {
    t(
        format!("缺少 `{key}`：{}", why.zh),
        format!("`{key}` is missing: {}", why.en),
    )
}

/// Why a key is needed, said after `missing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    StageKind,
    LoanId,
    BillDue,
    BillAmount,
    AmountDue,
    DueDate,
    LoanTerms,
    Rate,
    FeeRate,
    ContactName,
    PaymentDate,
    PaymentAmount,
    ExtensionInstallment,
    ExtensionDue,
    LogDate,
}

pub fn need(n: Need) -> Text {
    let (zh, en) = match n {
        Need::StageKind => (
            "阶段需要 kind，例如 \"emergency_contact\"",
            "a stage needs a kind, such as \"emergency_contact\"",
        ),
        Need::LoanId => (
            "每笔借款都要有唯一的 id，例如 \"ctrip-jqh\"",
            "every loan needs a unique id, like \"ctrip-jqh\"",
        ),
        Need::BillDue => ("每期账单都要有到期日", "each bill needs its due date"),
        Need::BillAmount => ("每期账单都要有金额", "each bill needs its amount"),
        Need::AmountDue => (
            "`due_date` 要和 `amount_due` 一起写",
            "`due_date` goes with `amount_due`",
        ),
        Need::DueDate => (
            "`amount_due` 要和 `due_date` 一起写",
            "`amount_due` goes with `due_date`",
        ),
        Need::LoanTerms => (
            "借款需要 principal、method、term、start_date 和利率，或账单列表（[[loan.installments]]），或 amount_due 加 due_date",
            "a loan needs principal, method, term, start_date and a rate, or a bill list ([[loan.installments]]), or amount_due with due_date",
        ),
        Need::Rate => (
            "给出 `annual_rate`（年利率，百分数）或 `daily_rate`（日利率，百分数）；可以是 0",
            "give `annual_rate` (percent a year) or `daily_rate` (percent a day); 0 is allowed",
        ),
        Need::FeeRate => (
            "fixed_fee 方式需要 `fee_rate`（每期手续费占本金的百分数）",
            "method fixed_fee needs `fee_rate` (percent of the principal per installment)",
        ),
        Need::ContactName => ("联系人需要名字", "a contact needs a name"),
        Need::PaymentDate => (
            "还款记录需要还款日期",
            "a payment needs the date it was made",
        ),
        Need::PaymentAmount => ("还款记录需要金额", "a payment needs its amount"),
        Need::ExtensionInstallment => (
            "延期记录要写明是哪一期",
            "an extension names the installment it moves",
        ),
        Need::ExtensionDue => (
            "延期记录需要新的到期日",
            "an extension needs its new due date",
        ),
        Need::LogDate => ("记录需要日期", "a log entry needs its date"),
    };
    Text::new(zh, en)
}

/// The origin of a stage the user wrote without a `source`.
pub fn user_stage_source(platform: &str) -> String {
    format!("{platform}（你的账本文件 / your loans file）")
}

// ---- Writing the loans file ----

/// `init` is the command that works from where the user is (`crate::launch::command`).
pub fn demo_read_only(init: &str) -> Text {
    t(
        format!(
            "还没有账本文件，只有只读的演示数据：先运行 `{init}` 创建你自己的文件，再在里面记录还款"
        ),
        format!(
            "there is no loans file yet, only the read-only demo: run `{init}` to create your own file, then record payments in it"
        ),
    )
}

/// The dashboard's form on the demo; `init` as in `demo_read_only`.
pub fn demo_form_refused(init: &str) -> Text {
    t(
        format!(
            "这是只读的演示数据，不能写入。运行 {init} 创建你自己的账本文件，填上你的借款后再来记录。"
        ),
        format!(
            "This is the read-only demo: nothing can be written to it. Run `{init}` to create your own loans file, fill in your loans, then record them here."
        ),
    )
}

pub fn keeps_changing() -> Text {
    Text::new(
        "写入时文件一直在被改动；什么都没有写入（请再试一次）",
        "the file keeps changing while repaydash writes it; nothing was written (try again)",
    )
}

pub fn changed_while_writing() -> Text {
    Text::new(
        "写入时文件被改动了；什么都没有写入（请再试一次）",
        "the file changed while repaydash was writing it; nothing was written (try again)",
    )
}

pub fn write_not_utf8(path: &str) -> Text {
    t(
        format!("{path}：文件不是 UTF-8 文本（运行 `repaydash validate`）"),
        format!("{path}: the file is not UTF-8 text (run `repaydash validate`)"),
    )
}

/// Followed by the file's problems, one per line.
pub fn file_has_problems(changed: bool) -> Text {
    if changed {
        Text::new(
            "文件在读取之后被改动过，现在有问题；请先改正",
            "the file changed since it was read and now has problems; fix them first",
        )
    } else {
        Text::new(
            "文件有问题；请先改正",
            "the file has problems; fix them first",
        )
    }
}

pub fn changed_no_longer_fits(path: &str, why: &Text) -> Text {
    t(
        format!(
            "{path} 在读取之后被改动过，这条记录已不再适用：{}；什么都没有写入",
            why.zh
        ),
        format!(
            "{path} changed since it was read, and the change no longer fits: {}; nothing was written",
            why.en
        ),
    )
}

/// Followed by the problems the edit would cause, one per line.
pub fn edit_would_invalidate() -> Text {
    Text::new(
        "这样改会让文件无效，所以什么都没有写入",
        "the edit would make the file invalid, so nothing was written",
    )
}

pub fn edit_not_exact(path: &str) -> Text {
    t(
        format!("{path}：改动后的文件不会只比原来多出这一条，所以什么都没有写入；请手动添加"),
        format!(
            "{path}: the edited file would not say exactly what it said before plus the new entry, so nothing was written; please add it by hand"
        ),
    )
}

pub fn mixed_line_endings() -> Text {
    Text::new(
        "文件混用了 CRLF 和 LF 换行；请统一成一种后再试",
        "the file mixes CRLF and LF line endings; save it with one kind, then try again",
    )
}

pub fn cannot_edit_without_rewriting() -> Text {
    Text::new(
        "这个文件无法在不改写其中部分内容的情况下编辑；请手动添加这一条",
        "this file cannot be edited without rewriting parts of it; add the entry by hand",
    )
}

pub fn single_table(id: &str, key: &str) -> Text {
    t(
        format!("借款“{id}”只有一个 [loan.{key}] 表；请先改写成 [[loan.{key}]]"),
        format!("loan {id:?} has a single [loan.{key}] table; write it as [[loan.{key}]] first"),
    )
}

pub fn io_error(path: &str, e: impl Display) -> Text {
    t(format!("{path}：{e}"), format!("{path}: {e}"))
}

/// Standard output refused what a report wrote (a full disk under a redirect, a closed file).
pub fn output_failed(e: impl Display) -> Text {
    t(
        format!("写出结果失败：{e}"),
        format!("writing the output failed: {e}"),
    )
}

/// Another repaydash (or another program through it) is writing the file right now.
pub fn lock_busy(path: &str) -> Text {
    t(
        format!("{path} 正被另一个 repaydash 写入；什么都没有写入（稍后再试）"),
        format!(
            "{path} is being written by another repaydash; nothing was written (try again shortly)"
        ),
    )
}

pub fn already_exists(path: &str) -> Text {
    t(
        format!("{path}：文件已存在；repaydash 从不覆盖它（请编辑它，或先删掉）"),
        format!(
            "{path}: already exists; repaydash never overwrites it (edit it, or remove it first)"
        ),
    )
}

pub fn no_home_dir() -> Text {
    Text::new(
        "找不到主目录来放文件；请用 --file 指定",
        "no home directory to put the file in; use --file",
    )
}

// ---- Prefixes the faces put before a message ----

pub fn nothing_written(why: &Text) -> Text {
    t(
        format!("没有写入：{}", why.zh),
        format!("Nothing was written: {}", why.en),
    )
}

pub fn reload_failed(why: &Text) -> Text {
    t(
        format!("重新读取失败，仍显示旧数据：{}", why.zh),
        format!("reload failed, showing the old data: {}", why.en),
    )
}

pub fn warning(what: &Text) -> Text {
    t(
        format!("警告：{}", what.zh),
        format!("warning: {}", what.en),
    )
}

/// A value given on the command line, named by its option (`--cash`, `--date`, `AMOUNT`).
pub fn for_argument(arg: &str, why: &Text) -> Text {
    t(format!("{arg}：{}", why.zh), format!("{arg}: {}", why.en))
}

pub fn terminal_failed(e: impl Display) -> Text {
    t(format!("终端出错：{e}"), format!("terminal error: {e}"))
}

// ---- What the dashboard says about the file and the session ----

/// The demo's banner, naming the command that works from where the user started repaydash.
pub fn demo_banner(init: &str) -> Text {
    t(
        format!("演示数据（只读）。运行 {init} 创建你自己的账本文件。"),
        format!("Demo data (read-only). Run `{init}` to start your own file."),
    )
}

/// The banner where the full sentence does not fit.
pub fn demo_banner_short(init: &str) -> Text {
    t(
        format!("演示数据（只读）；自己的账本：{init}"),
        format!("Demo (read-only); your own file: {init}"),
    )
}

/// `repaydash` on the demo, its output not a terminal.
pub fn demo_no_file(init: &str) -> Text {
    t(
        format!("（演示数据：还没有你自己的文件。运行 `{init}` 创建一个。）"),
        format!("(Demo data: you have no file yet. Run `{init}` to create one.)"),
    )
}

/// `r` worked: shown in the footer for a few seconds.
pub fn reloaded(name: &str) -> Text {
    t(format!("✓ 已重新读取 {name}"), format!("✓ reloaded {name}"))
}

/// The footer's count of load warnings.
pub fn load_warnings_count(n: usize) -> Text {
    t(
        format!("{n} 条读取警告（! 查看）"),
        if n == 1 {
            "1 warning (! lists it)".to_string()
        } else {
            format!("{n} warnings (! lists them)")
        },
    )
}

/// The title of the list of load warnings (`!`).
pub fn load_warnings_title(n: usize) -> Text {
    t(
        format!("读取文件时的警告：{n} 条"),
        format!("Warnings from the file: {n}"),
    )
}

pub fn no_load_warnings() -> Text {
    Text::new("读取文件时没有警告。", "No warnings from the file.")
}

// ---- Issue 9: what the store refuses, the lock, undo ----

pub fn not_regular_file() -> Text {
    Text::new(
        "不是普通文件（是管道、设备或套接字）；账本必须是普通的文本文件",
        "is not a regular file (a FIFO, a device or a socket); the loans file must be a plain text file",
    )
}

pub fn file_too_large() -> Text {
    Text::new(
        "文件超过 64 MiB，不像是账本文件；没有读取",
        "is larger than 64 MiB, too large for a loans file; not read",
    )
}

pub fn cannot_lock(lock: &str, e: impl Display) -> Text {
    t(
        format!("无法锁定 {lock}：{e}；什么都没有写入"),
        format!("cannot lock {lock}: {e}; nothing was written"),
    )
}

pub fn cannot_keep_owner(uid: u32, gid: u32, e: impl Display) -> Text {
    t(
        format!(
            "无法让新文件保持原来的所有者（用户 {uid}、组 {gid}）：{e}；什么都没有写入。请以文件所有者的身份运行"
        ),
        format!(
            "cannot give the new file its owner back (user {uid}, group {gid}): {e}; nothing was written. Run repaydash as the file's owner"
        ),
    )
}

pub fn paid_before_start(date: impl Display, start: impl Display) -> Text {
    t(
        format!("还款日期 {date} 早于这笔借款的放款日 {start}"),
        format!("a payment cannot be dated {date}, before the loan started ({start})"),
    )
}

/// Money already written with its currency symbol and grouping; `penalty` when one is estimated.
pub fn payment_beyond_owed(amount: &str, owed: &str, unpaid: &str, penalty: Option<&str>) -> Text {
    match penalty {
        Some(penalty) => t(
            format!(
                "{amount} 超过了这笔借款还欠的全部金额 {owed}（未还各期 {unpaid} + 估算罚息 {penalty}）；请记录实际付出的金额"
            ),
            format!(
                "{amount} is more than everything still owed on this loan, {owed} (unpaid installments {unpaid} + estimated penalty {penalty}); record what was actually paid"
            ),
        ),
        None => t(
            format!("{amount} 超过了这笔借款还欠的全部金额 {owed}；请记录实际付出的金额"),
            format!(
                "{amount} is more than everything still owed on this loan, {owed}; record what was actually paid"
            ),
        ),
    }
}

pub fn extension_into_past(due: impl Display, today: impl Display) -> Text {
    t(
        format!("新的还款日 {due} 已经过去了（今天是 {today}）；延期只能改到今天或以后"),
        format!(
            "the new due date {due} is in the past (today is {today}); an extension moves a bill to today or later"
        ),
    )
}

pub fn extension_not_later(n: u32, now: impl Display, due: impl Display) -> Text {
    t(
        format!("第 {n} 期现在是 {now} 到期；延期后的日期必须晚于它，收到的是 {due}"),
        format!("installment {n} is now due on {now}; an extension must move it later, got {due}"),
    )
}

/// `undo` is the command that works from where the user is (`crate::launch::command`).
pub fn undo_hint(undo: &str) -> Text {
    t(format!("`{undo}` 可撤销"), format!("`{undo}` undoes it"))
}

pub fn nothing_to_undo(sidecar: &str) -> Text {
    t(
        format!("没有可以撤销的写入：找不到 {sidecar}（repaydash 还没有写过这个文件）"),
        format!("nothing to undo: {sidecar} is missing (repaydash has not written this file yet)"),
    )
}

pub fn undo_changed_since(path: &str, backup: &str) -> Text {
    t(
        format!(
            "{path} 在 repaydash 上次写入之后又被改动过（比如在编辑器里）；撤销会丢掉这些改动，所以没有撤销。上次写入之前的版本还在 {backup}"
        ),
        format!(
            "{path} was changed after repaydash last wrote it (in an editor?); undoing would lose that change, so nothing was undone. The version before the last write is still in {backup}"
        ),
    )
}

pub fn backup_not_utf8(backup: &str) -> Text {
    t(
        format!("{backup} 不是 UTF-8 文本；没有撤销"),
        format!("{backup} is not UTF-8 text; nothing was undone"),
    )
}

/// Followed by the backup's problems, one per line.
pub fn backup_has_problems() -> Text {
    Text::new(
        "备份文件有问题，没有撤销",
        "the backup has problems, so nothing was undone",
    )
}

pub fn undid_last_write(path: &str) -> Text {
    t(
        format!("已撤销对 {path} 的上一次写入"),
        format!("Undid the last write to {path}"),
    )
}

pub fn undo_took_out() -> Text {
    Text::new("去掉了", "took out")
}

pub fn undo_put_back() -> Text {
    Text::new("放回了", "put back")
}

pub fn undo_kept_as(backup: &str, undo: &str) -> Text {
    t(
        format!("撤销前的文件已备份为 {backup}（再运行一次 `{undo}` 可以恢复）"),
        format!(
            "the file as it was before the undo is kept as {backup} (run `{undo}` again to redo)"
        ),
    )
}

/// The dashboard's one-line outcome of `u`; `what` lists what was taken out or put back.
pub fn undid_in_dashboard(what: &str) -> Text {
    t(
        format!("✓ 已撤销上次写入（再按 u 恢复）：{what}"),
        format!("✓ undid the last write (u again redoes it): {what}"),
    )
}

pub fn nothing_undone(why: &Text) -> Text {
    t(
        format!("没有撤销：{}", why.zh),
        format!("Nothing was undone: {}", why.en),
    )
}

/// A key the program does not read: kept in the file, ignored; `did_you_mean` when one is near.
pub fn unknown_key(key: &str, did_you_mean: Option<&str>) -> Text {
    match did_you_mean {
        Some(k) => t(
            format!("不认识的键“{key}”，已忽略；是不是想写 {k}？"),
            format!("unknown key {key:?}, ignored; did you mean {k}?"),
        ),
        None => t(
            format!("不认识的键“{key}”，已忽略（保留在文件里）"),
            format!("unknown key {key:?}, ignored (kept in the file)"),
        ),
    }
}

/// A loan with no `contacts`: `notice` and the dashboard's `m` say it the same way.
pub fn no_contacts() -> Text {
    Text::new(
        "这笔借款没有列出紧急联系人（在借款里加上 contacts = [{ name = \"…\", relation = \"…\" }]）。",
        "This loan lists no emergency contacts (add contacts = [{ name = \"…\", relation = \"…\" }] to the loan).",
    )
}

/// Other users can read the loans file: the CLI's warning, whole.
pub fn file_exposed(shown: &str, mode: u32) -> Text {
    t(
        format!(
            "警告：{shown} 其他用户也能读取（权限 {mode:o}）；里面有你的欠款和联系人电话。建议运行：chmod 600 {shown}"
        ),
        format!(
            "warning: {shown} is readable by other users (mode {mode:o}); it holds your debts and your contacts' phone numbers. Run: chmod 600 {shown}"
        ),
    )
}

/// The same fact as the dashboard's header line says it before `chmod 600 PATH`, longest first:
/// it takes the longest that fits the width, so the command itself is never cut.
pub fn file_exposed_leads(mode: u32) -> [Text; 4] {
    [
        t(
            format!("其他用户能读取你的账本（权限 {mode:o}，含欠款和联系人电话）："),
            format!(
                "other users can read your loans file (mode {mode:o}; debts, contacts' phones): "
            ),
        ),
        t(
            format!("其他用户能读取你的账本（权限 {mode:o}）："),
            format!("other users can read your loans file (mode {mode:o}): "),
        ),
        Text::new("他人可读你的账本：", "others can read this file: "),
        Text::new("", ""),
    ]
}

/// Said on stderr (not in the letter, which is for the lender) when the letter has no reason.
pub fn letter_reason_hint() -> Text {
    Text::new(
        "（信里的原因留空了：可以用 --reason \"…\"，或在借款里写 hardship = \"…\"。）",
        "(The letter leaves the reason blank: pass --reason \"…\", or add hardship = \"…\" to the loan.)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn an_unknown_id_lists_the_ten_nearest_then_how_many_more() {
        // 25 ids, a00..a24. "a17x" is one edit from a17; two from a07, a10..a16, a18, a19 (ten
        // ids, file order among equals, so a19 is the one cut); three or more from the rest.
        let owned: Vec<String> = (0..25).map(|i| format!("a{i:02}")).collect();
        let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
        let m = no_loan_with_id("a17x", &ids);
        assert_eq!(
            m.get(Lang::En),
            "no loan with id \"a17x\"; expected one of: a17, a07, a10, a11, a12, a13, a14, a15, a16, a18 … and 15 more"
        );
        assert_eq!(
            m.get(Lang::Zh),
            "没有 id 为“a17x”的借款；现有：a17, a07, a10, a11, a12, a13, a14, a15, a16, a18 ……另有 15 个"
        );
        // A short list is shown whole, nearest first, with no "more".
        let few = no_loan_with_id("jd-jintiao2", &["zhaolian", "jd-baitiao", "jd-jintiao"]);
        assert_eq!(
            few.get(Lang::En),
            "no loan with id \"jd-jintiao2\"; expected one of: jd-jintiao, jd-baitiao, zhaolian"
        );
    }
}
