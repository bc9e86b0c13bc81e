//! `--help` in Chinese: the about line of each command and the help of each argument, keyed by
//! the command's path (`""` for repaydash itself, `"export ics"`) and the argument's id (its
//! field name in `cli.rs`). The English is the doc comments in `cli.rs`.

/// A command's one-line description in Chinese.
pub fn about(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => "还款看板：应还多少、逾期多久、距离催收各阶段还有几天。",
        "check" => "每笔借款的状态，最紧急的在前",
        "schedule" => "一笔借款的还款计划和已还金额",
        "advice" => "按这笔借款今天的情况给出的建议",
        "validate" => "读取账本文件，列出每一处问题",
        "init" => "在默认位置写一份带注释的模板（不会覆盖已有文件）",
        "pay" => "在文件里记一笔还款（原文件留作 FILE.bak）",
        "log" => "记一次电话、协商、备注或已告知联系人",
        "extend" => "记下平台同意的延期：第 N 期改到新的日期",
        "undo" => "撤销上一次写入：文件仍是 repaydash 写的样子时，放回 FILE.bak",
        "plan" => "手头的钱先还哪一笔",
        "notice" => "给这笔借款的紧急联系人的提醒消息（不含电话号码）",
        "complaint" => "按规定汇总记录里的催收联系，并起草投诉材料",
        "letter" => "协商还款申请书，方案不超出你的预算",
        "export" => "导出到期日和催收各阶段",
        "export ics" => "iCalendar 日历文件（输出到标准输出）：到期日和催收各阶段，带提醒",
        "status" => "一行简短状态，给命令行提示符或 tmux 状态栏用（一切正常时为空）",
        "agree" => "记下平台同意的协商还款（协商还款 / 个性化分期）",
        "promise" => "记下对平台或催收方做出的还款承诺（承诺还款）",
        "settle" => "记下少于欠款的协商结清（协商结清 / 减免）：先拿到书面确认",
        "add" => "添加一笔借款：在终端里逐项询问；脚本可用参数一次给全",
        "completions" => "输出 shell 补全脚本：bash、zsh、fish 或 powershell",
        "man" => "在标准输出打印手册页（roff 格式）",
        "archive" => "借款留在文件里，但不再出现在列表、check、status、plan、日历和合计中",
        "unarchive" => "把归档的借款放回来",
        "edit" => {
            "用 $VISUAL、$EDITOR 或 vi 打开文件，定位到这笔借款的 [[loan]] 行（不给 id 时定位到第一处问题）；编辑器退出后检查文件"
        }
        _ => return None,
    })
}

/// An argument's help in Chinese.
pub fn arg(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        ("add", "id") => "命令里称呼这笔借款的 id（默认由名称生成，没有名称就用平台）",
        ("archive", "id") => "借款的 id，即 check 列出的那个（例如 ctrip-jqh）",
        ("unarchive", "id") => "借款的 id，即 check --all 列出的那个",
        ("edit", "id") => "借款的 id（不给时定位到第一处问题，没有问题就到文件开头）",
        (_, "file") => {
            "账本文件（否则用 $REPAYDASH_FILE，再否则 ~/.config/repaydash/loans.toml，都没有就显示演示数据）"
        }
        (_, "today") => "假设今天是这一天（YYYY-MM-DD）：用于推演和测试",
        (_, "lang") => "界面语言：zh（中文）或 en（英文）",
        (_, "id") => "借款的 id，即 check 列出的那个（例如 ctrip-jqh）",
        (_, "json") => "输出 JSON 而不是文字",
        ("pay", "penalty") => "这笔钱还的是罚息或费用：只减少罚息估算，不计入任何一期",
        ("letter", "kind") => {
            "文书种类：negotiation（协商还款申请，默认）、settlement-proof（申请结清证明）或 dispute（征信异议申请）"
        }
        ("agree", "from") => "协议第一期的到期日",
        ("agree", "months") => "按月分几期",
        ("agree", "amount") => "每期金额（最后一期承担尾差）",
        ("agree", "total") => "协议涵盖的金额（默认：协议当天的全部欠款，不含罚息）",
        ("agree", "date") => "达成协议的日期（默认：今天）",
        ("agree", "stop_interest") => "平台同意停止计息",
        ("agree", "waive_penalty") => "平台同意减免罚息",
        ("agree" | "settle", "reference") => "平台的记录：工号、短信、App 里的记录",
        ("agree" | "promise", "text") => "随之保存的备注",
        ("promise", "amount") => "承诺还的金额",
        ("promise", "by") => "承诺在哪天之前还",
        ("promise", "date") => "做出承诺的日期（默认：今天）",
        ("promise", "to") => "向谁承诺",
        ("settle", "amount") => "为结清实际支付的金额",
        ("settle", "date") => "结清日期（默认：今天）",
        ("check", "all") => "也列出已归档的借款",
        ("pay", "through") => "把第 1 到 N 期记为在各自到期日全额还清（一次写入，一次撤销）",
        ("add", "platform") => {
            "平台的键或别名：借呗、花呗、ctrip、xingtu……（其他名称按 generic 处理）"
        }
        ("add", "product") => "平台的产品名，例如 借呗 或 任性贷",
        ("add", "name") => "显示的名称（默认：平台 + 产品）",
        ("add", "method") => {
            "还款方式：equal_installment（等额本息）、equal_principal（等额本金）、interest_first（先息后本）、bullet（到期还本付息）或 fixed_fee（固定费率）"
        }
        ("add", "principal") => "借款本金",
        ("add", "annual_rate") => "年利率（百分数），例如 18",
        ("add", "daily_rate") => "日利率（百分数），例如 0.05",
        ("add", "fee_rate") => "fixed_fee：每期手续费，占本金的百分数",
        ("add", "term") => "分几期（按月）",
        ("add", "start") => "放款日期",
        ("add", "due_day") => "每月几号还款（默认：放款日的日子）",
        ("add", "contact") => {
            "紧急联系人，名字,关系,电话（可重复）；第四部分是给他们的消息开头的称呼"
        }
        ("add", "bill") => "不给条款时直接写账单，日期:金额（可重复）",
        ("add", "paid_through") => "第 1 到 N 期已在各自到期日全额还清",
        ("completions", "shell") => "要生成补全的 shell",
        ("check", "fail_on") => {
            "有借款处于这个状态时退出码为 1（due_soon 也包括逾期）：overdue 或 due_soon，给定时任务用"
        }
        ("pay", "amount") => "还了多少钱，例如 800.16",
        ("pay", "date") => "还款日期（默认今天）",
        ("log", "kind") => {
            "类型：negotiation（协商）、collection_call（催收电话）、note（备注）或 contact_notified（已告知联系人）"
        }
        ("log", "text") => "发生了什么，用你自己的话写",
        ("log", "date") => "发生的日期（默认今天）",
        ("log", "time") => "时间，例如 22:40 或 22:40:00；或 now（现在的时间和今天）",
        ("log", "who") => "打给了谁 / 告知了谁：me（我）或联系人的名字",
        ("log", "channel") => "方式：call（电话）、sms（短信）、visit（上门）或 other（其他）",
        ("log", "caller") => "来电号码或公司，按你想记下的样子写",
        ("log", "flags") => {
            "标记，用逗号分隔：threat/威胁、insult/辱骂、told_third_party/告知第三方、fake_legal/冒充司法、night/夜间"
        }
        ("extend", "installment") => "第几期（第一期是 1）",
        ("extend", "to") => "新的到期日",
        ("plan", "cash") => "现在能拿出来还款的钱，例如 1500、1,500 或 ¥1500.50",
        ("plan", "strategy") => {
            "先还哪些：urgency（默认：尽量少的借款到联系紧急联系人的阶段，再看罚息和利率）、avalanche（利率最高的先还）或 snowball（余额最小的先还）"
        }
        ("notice", "contact") => "只给这个名字的联系人",
        ("complaint", "from") => "从哪天算起（默认：记录里第一次催收电话）",
        ("complaint", "to") => "算到哪天（默认今天）",
        ("letter", "reason") => "为什么没法按约定还款（否则用这笔借款的 hardship）",
        ("export ics", "days") => "往后多少天（默认 90）",
        (_, "help") => "显示帮助",
        (_, "version") => "显示版本",
        _ => return None,
    })
}

/// The headings clap prints, in Chinese.
pub const USAGE: &str = "用法：";
pub const COMMANDS: &str = "命令";
pub const ARGUMENTS: &str = "参数";
pub const OPTIONS: &str = "选项";
pub const HELP_COMMAND: &str = "显示这段帮助，或某个命令的帮助";
