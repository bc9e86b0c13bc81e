//! The words of getting loans in and keeping them current (`add`, `pay --through`, `archive`,
//! `edit`, `init`'s next steps, the prompts), both languages side by side.

use std::fmt::Display;

use super::Text;
use crate::model::Method;

fn t(zh: String, en: String) -> Text {
    Text::new(zh, en)
}

/// A repayment method as people call it.
pub fn method(m: Method) -> Text {
    let (zh, en) = match m {
        Method::EqualInstallment => ("等额本息（每期金额相同）", "equal installments"),
        Method::EqualPrincipal => ("等额本金（每期本金相同）", "equal principal"),
        Method::InterestFirst => ("先息后本（最后一期还本金）", "interest first"),
        Method::Bullet => ("到期还本付息（一次还清）", "bullet (all at the end)"),
        Method::FixedFee => (
            "分期手续费（每期本金 + 固定手续费）",
            "fixed fee per installment",
        ),
    };
    Text::new(zh, en)
}

/// The sixth answer to "how is it repaid": a list of bills instead of terms.
pub fn bills_method() -> Text {
    Text::new(
        "逐条列出账单（不知道利率时）",
        "a list of bills (rate unknown)",
    )
}

pub fn missing_flags(flags: &[&str]) -> Text {
    let list = flags.join(", ");
    t(
        format!("缺少 {list}：不在终端上运行时这些选项必须给出（在终端上运行 add 会逐项询问）"),
        format!(
            "missing {list}: off a terminal these options are required (on a terminal, add asks for each)"
        ),
    )
}

pub fn id_taken(id: &str, path: &str) -> Text {
    t(
        format!("{path} 里已经有 id 为“{id}”的借款；换一个 --id"),
        format!("{path} already has a loan with id {id:?}; choose another --id"),
    )
}

pub fn bill_format(input: &str) -> Text {
    t(
        format!("“{input}”不是账单：请写成 日期:金额，例如 2026-12-09:3200"),
        format!("{input:?} is not a bill: write DATE:AMOUNT, such as 2026-12-09:3200"),
    )
}

pub fn contact_format(input: &str) -> Text {
    t(
        format!("“{input}”不是联系人：请写成 名字,关系,电话，例如 王小明,同事,13800000001"),
        format!(
            "{input:?} is not a contact: write NAME,RELATION,PHONE, such as 'Wang,colleague,13800000001'"
        ),
    )
}

pub fn bills_and_terms() -> Text {
    Text::new(
        "--bill 和 --method/--principal/--term/--start 只能二选一：一笔借款要么按条款，要么逐条列出账单",
        "--bill and --method/--principal/--term/--start exclude each other: a loan has terms or a list of bills",
    )
}

pub fn through_zero() -> Text {
    Text::new(
        "--through 从第 1 期算起，至少是 1",
        "--through counts from installment 1: at least 1",
    )
}

pub fn through_not_yet_due(n: u32, due: impl Display, today: impl Display) -> Text {
    t(
        format!("第 {n} 期 {due} 才到期，晚于今天（{today}）：只记录今天之前已经还的期数"),
        format!(
            "installment {n} falls due on {due}, after today ({today}): record only the installments paid before today"
        ),
    )
}

pub fn through_already_paid(id: &str, n: u32) -> Text {
    t(
        format!("借款“{id}”的第 1–{n} 期已经全部还清，没有要记录的"),
        format!("installments 1–{n} of loan {id:?} are already paid; nothing to record"),
    )
}

pub fn amount_or_through() -> Text {
    Text::new(
        "请给出还款金额，或者用 --through N 记录第 1 到 N 期已还",
        "give the amount paid, or --through N to record installments 1 to N as paid",
    )
}

/// After `add`: what was written, where the previous file went, how to take it back.
pub fn added(id: &str, name: &str, path: &str, backup: &str, undo: &str) -> Text {
    t(
        format!("已添加借款 {name}（id {id}）到 {path}；原文件已备份为 {backup}（撤销：{undo}）"),
        format!(
            "Added {name} (id {id}) to {path}; previous file kept as {backup} (to take it back: {undo})"
        ),
    )
}

pub fn added_paid(n: u32) -> Text {
    t(
        format!("同时记录第 1–{n} 期已按期还清"),
        format!("installments 1–{n} recorded as paid on their due dates"),
    )
}

pub fn through_recorded(n: usize, total: &str, backup: &str, undo: &str) -> Text {
    t(
        format!("已记录 {n} 笔按期还款，共 {total}；原文件已备份为 {backup}（撤销：{undo}）"),
        format!(
            "Recorded {} on their due dates, {total} in all; previous file kept as {backup} (to take it back: {undo})",
            super::en_count(n, "payment", "payments")
        ),
    )
}

// ---- The preview before a loan is written ----

pub fn preview_head(name: &str, method: &Text, count: usize) -> Text {
    t(
        format!("{name} · {} · {count} 期", method.zh),
        format!(
            "{name} · {} · {}",
            method.en,
            super::en_count(count, "installment", "installments")
        ),
    )
}

pub fn preview_more(n: usize) -> Text {
    t(format!("…… 另有 {n} 期", n = n), format!("… {n} more"))
}

pub fn preview_totals(repaid: &str, cost: Option<&str>, apr: Option<&str>) -> Text {
    let Some(cost) = cost else {
        // A bill list says what is due, not what of it is interest.
        return t(
            format!("总共要还 {repaid}（按账单；利息和真实年化无法计算）"),
            format!("Repaid in all {repaid} (bills: interest and true annual rate unknown)"),
        );
    };
    let apr = apr.map_or("—".to_string(), |a| format!("{a}%"));
    t(
        format!("总共要还 {repaid} · 利息和手续费 {cost} · 真实年化利率（IRR）{apr}"),
        format!("Repaid in all {repaid} · interest and fees {cost} · true annual rate (IRR) {apr}"),
    )
}

// ---- `init` ----

pub fn init_wrote(path: &str, add: &str, dashboard: &str) -> Text {
    t(
        format!(
            "已写入 {path}（里面有一笔示例借款和每个选项的说明）。\n接下来：\n  {add}      逐项添加你的借款（之后可以删掉示例）\n  或者用编辑器打开 {path} 照着示例改\n然后运行 {dashboard} 查看看板。"
        ),
        format!(
            "Wrote {path} (one example loan, and every key explained).\nNext:\n  {add}      add your loans one question at a time (then remove the example)\n  or open {path} in an editor and change the example\nThen run {dashboard} to see the dashboard."
        ),
    )
}

// ---- Prompts (`add` on a terminal) ----

pub fn prompt_platform() -> Text {
    Text::new(
        "平台（如 借呗、花呗、携程、任性贷，或其他名字）",
        "Platform (such as 借呗, 花呗, ctrip, xingtu, or any name)",
    )
}
pub fn prompt_product() -> Text {
    Text::new("产品（可留空）", "Product (may be empty)")
}
pub fn prompt_name() -> Text {
    Text::new("显示名称", "Name shown")
}
pub fn prompt_id() -> Text {
    Text::new(
        "id（命令里用它指这笔借款）",
        "id (how commands name this loan)",
    )
}
pub fn prompt_method() -> Text {
    Text::new("还款方式", "How is it repaid")
}
pub fn prompt_principal() -> Text {
    Text::new("借款本金", "Amount borrowed")
}
pub fn prompt_rate_kind() -> Text {
    Text::new("你知道的利率是", "The rate you know")
}
pub fn rate_annual() -> Text {
    Text::new("年化利率 %", "annual rate %")
}
pub fn rate_daily() -> Text {
    Text::new("日利率 %", "daily rate %")
}
pub fn prompt_rate(kind: &Text) -> Text {
    kind.clone()
}
pub fn prompt_fee_rate() -> Text {
    Text::new(
        "每期手续费率 %（占本金）",
        "Fee per installment % (of the principal)",
    )
}
pub fn prompt_term() -> Text {
    Text::new("期数（按月）", "Number of monthly installments")
}
pub fn prompt_start() -> Text {
    Text::new("放款日 YYYY-MM-DD", "Drawdown date YYYY-MM-DD")
}
pub fn prompt_due_day() -> Text {
    Text::new("每月几号还款", "Day of the month bills fall on")
}
pub fn prompt_bill() -> Text {
    Text::new(
        "账单 日期:金额（空行结束）",
        "Bill DATE:AMOUNT (empty line to finish)",
    )
}
pub fn prompt_contact() -> Text {
    Text::new(
        "紧急联系人 名字,关系,电话（空行结束）",
        "Emergency contact NAME,RELATION,PHONE (empty line to finish)",
    )
}
pub fn prompt_paid_through() -> Text {
    Text::new(
        "今天之前已经还了几期（0 表示还没还）",
        "Installments already paid before today (0 for none)",
    )
}
pub fn prompt_confirm() -> Text {
    Text::new("写入文件？", "Write it to the file?")
}
pub fn prompt_help() -> Text {
    Text::new(
        "回车接受括号里的默认值；输入 < 回到上一步",
        "Enter accepts the default in brackets; type < to go back a step",
    )
}
pub fn not_written() -> Text {
    Text::new("没有写入任何内容", "Nothing was written")
}
pub fn need_bill() -> Text {
    Text::new("至少需要一笔账单", "at least one bill is needed")
}
pub fn whole_number(input: &str, lo: u32, hi: u32) -> Text {
    t(
        format!("“{input}”不是 {lo}–{hi} 之间的整数"),
        format!("{input:?} is not a whole number from {lo} to {hi}"),
    )
}
pub fn yes_no(input: &str) -> Text {
    t(
        format!("“{input}”：请回答 y（是）或 n（否）"),
        format!("{input:?}: answer y or n"),
    )
}
pub fn input_ended() -> Text {
    Text::new(
        "输入在问完之前结束了；没有写入任何内容",
        "the input ended before every question was answered; nothing was written",
    )
}

pub fn not_a_percent(input: &str) -> Text {
    t(
        format!("“{input}”不是百分数：请写成 18 或 0.05 这样的数字"),
        format!("{input:?} is not a percentage: write a number such as 18 or 0.05"),
    )
}

pub fn archived_not_bool() -> Text {
    Text::new(
        "archived 只能是 true 或 false（不加引号）",
        "archived must be true or false (no quotes)",
    )
}

pub fn archived(id: &str, backup: &str, undo: &str) -> Text {
    t(
        format!(
            "已归档借款“{id}”：它仍在文件里，但不再出现在列表、check、status、plan、日历和合计中（check --all 能看到）；原文件已备份为 {backup}（撤销：{undo}）"
        ),
        format!(
            "Archived {id:?}: it stays in the file but leaves the list, check, status, plan, the calendar and the totals (check --all shows it); previous file kept as {backup} (to take it back: {undo})"
        ),
    )
}

pub fn unarchived(id: &str, backup: &str, undo: &str) -> Text {
    t(
        format!("已取消归档借款“{id}”；原文件已备份为 {backup}（撤销：{undo}）"),
        format!(
            "{id:?} is back in every output; previous file kept as {backup} (to take it back: {undo})"
        ),
    )
}

pub fn already_archived(id: &str, archived: bool) -> Text {
    if archived {
        t(
            format!("借款“{id}”已经归档了"),
            format!("loan {id:?} is already archived"),
        )
    } else {
        t(
            format!("借款“{id}”没有归档"),
            format!("loan {id:?} is not archived"),
        )
    }
}

pub fn paid_off_offer_archive(id: &str, archive: &str) -> Text {
    t(
        format!("借款“{id}”已经结清；不想再看到它可以归档：{archive}"),
        format!("loan {id:?} is paid off; to keep it out of sight: {archive}"),
    )
}

pub fn editor_failed(editor: &str, e: impl Display) -> Text {
    t(
        format!("无法启动编辑器“{editor}”：{e}（设置 VISUAL 或 EDITOR 环境变量）"),
        format!("could not start the editor {editor:?}: {e} (set VISUAL or EDITOR)"),
    )
}

pub fn edit_left_problems(path: &str, again: &str) -> Text {
    t(
        format!("{path} 现在有问题（见上）；运行 {again} 会在第一个问题处重新打开"),
        format!("{path} now has problems (above); {again} reopens it at the first one"),
    )
}

pub fn edit_ok(path: &str, count: usize) -> Text {
    t(
        format!("{path}：ok，{count} 笔借款"),
        format!("{path}: ok, {}", super::en_count(count, "loan", "loans")),
    )
}

/// After a reload that failed, in the dashboard's status line.
pub fn reopen_hint() -> Text {
    Text::new(
        "按 E 在第一个问题处重新打开编辑器。",
        "E reopens the editor at the first problem. ",
    )
}

pub fn archived_short(id: &str) -> Text {
    t(
        format!("✓ 已归档 {id}（H 显示已归档，u 撤销）"),
        format!("✓ Archived {id} (H shows archived loans, u undoes)"),
    )
}

pub fn unarchived_short(id: &str) -> Text {
    t(
        format!("✓ 已取消归档 {id}"),
        format!("✓ {id} is back in the list"),
    )
}

/// After a write in the dashboard that cleared a loan.
pub fn paid_off_archive_key() -> Text {
    Text::new(" · 已结清，按 X 归档", " · paid off: X archives it")
}

pub fn fill_in(labels: &[String]) -> Text {
    t(
        format!("还需要填写：{}", labels.join("、")),
        format!("still to fill in: {}", labels.join(", ")),
    )
}

pub fn will_be_id(id: &str) -> Text {
    t(format!("id：{id}"), format!("id: {id}"))
}

pub fn added_short(id: &str, name: &str) -> Text {
    t(
        format!("✓ 已添加 {name}（id {id}；u 撤销）"),
        format!("✓ Added {name} (id {id}; u undoes)"),
    )
}

pub fn add_form_title() -> Text {
    Text::new("添加借款", "Add a loan")
}

pub fn more_below() -> Text {
    Text::new(" ↓ 还有 ", " ↓ more ")
}

/// On the detail pane's border when it leaves something out.
pub fn more_in_full() -> Text {
    Text::new(" f ↓ 全部 ", " f ↓ more ")
}

pub fn more_above() -> Text {
    Text::new(" ↑ 上面还有 ", " ↑ more ")
}

pub fn no_such_entry(id: &str, key: &str, n: usize) -> Text {
    t(
        format!("借款“{id}”的 {key} 里没有第 {n} 条"),
        format!("loan {id:?} has no entry {n} in {key}"),
    )
}

pub fn entry_removed() -> Text {
    Text::new("✓ 已删除这一条（u 撤销）", "✓ Entry removed (u undoes)")
}

pub fn confirm_remove() -> Text {
    Text::new(
        "再按 d 删除这一条（可以用 u 撤销）；按其他键保留",
        "d again removes this entry (u undoes it); any other key keeps it",
    )
}

pub fn history_title() -> Text {
    Text::new("全部记录", "Every entry")
}

pub fn history_empty() -> Text {
    Text::new("没有符合条件的记录", "no entry matches")
}

pub fn info_saved() -> Text {
    Text::new("✓ 已保存（u 撤销）", "✓ Saved (u undoes)")
}

pub fn edit_form_title() -> Text {
    Text::new("修改借款信息", "Edit the loan")
}

/// The mark of an archived loan where `check --all` or the dashboard's H shows it.
pub fn archived_tag() -> Text {
    Text::new("已归档", "archived")
}
