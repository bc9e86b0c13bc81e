//! The dashboard's key words in both languages: what the help overlay says of each key and what
//! the footer hints say. The keymap (`tui::keymap`) pairs them with the keys, so a key's words
//! live here once and both the help and the footer read them.

use super::Text;
use crate::lang::Lang;

/// A few words in both languages, fixed when the program is built (the keymap is a static
/// table, so its words cannot be built at run time as a `Text` is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn new(zh: &'static str, en: &'static str) -> Words {
        Words { zh, en }
    }

    /// The same in both languages: a key's name (`Enter`, `↑↓ j k`).
    pub const fn same(s: &'static str) -> Words {
        Words { zh: s, en: s }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    pub fn text(self) -> Text {
        Text::new(self.zh, self.en)
    }
}

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words::new(zh, en)
}

// The help overlay: a row each, in the help's order.
pub const SELECT_LOAN: Words = w("选择借款", "select a loan");
pub const PAGE: Words = w("翻页", "page up / down");
pub const FIRST_LAST: Words = w("第一笔 / 最后一笔", "first / last loan");
pub const SCHEDULE_WHOLE: Words = w("还款计划 / 整笔借款全屏", "schedule / whole loan");
pub const NEXT_PREV_ADVICE: Words = w("下一个/上一个建议主题", "next / previous advice");
pub const SCROLL_ADVICE_ROW_PAGE: Words = w("滚动建议：一行/一页", "scroll advice: row / page");
pub const SORT_BY: Words = w("排序：紧急/应还/到期日", "sort: urgency/owed/due");
pub const FILTER_BY: Words = w("筛选：名称、平台或编号", "filter: name, platform, id");
pub const TYPING: Words = w("输入框里：清空 / 删掉一个词", "typing: clear / delete word");
pub const PHONES_EDIT: Words = w("显示号码 / 修改借款信息", "phones / edit the loan");
pub const WHAT_IF: Words = w("假设日期前后一天 / 今天", "what-if: day -1/+1, today");
pub const RELOAD_UNDO_EDIT: Words = w("重读 / 撤销 / 用编辑器改", "reload / undo / edit file");
pub const RECORD: Words = w("新借款/还款/沟通/延期", "new loan, pay/log/extend");
pub const OUTCOMES: Words = w("协议/承诺/结清/罚息/勾选", "agree/promise/settle/fee/✓");
pub const PLAN_FLOW: Words = w("还款建议 / 每周现金流", "cash plan / weekly flow");
pub const MESSAGE_CALL_ALL: Words = w("消息 / 记电话 / 全部记录", "message/call/all entries");
pub const LOG_LETTER_COPY: Words = w("催收记录 / 申请书 / 复制", "call log / letter / copy");
pub const SWITCH_LANG: Words = w("切换 English", "切换中文 (Chinese)");
pub const WARNINGS: Words = w("读取文件时的警告", "warnings from the file");
pub const MOUSE: Words = w("鼠标", "mouse");
pub const MOUSE_DOES: Words = w("点击选中，滚轮滚动所指窗格", "click picks, wheel scrolls");
pub const CLOSE_CLEAR: Words = w("关闭窗口 / 清除筛选", "close / clear the filter");
pub const HELP_QUIT: Words = w("帮助 / 退出", "help / quit");
pub const ARCHIVE_SHOW: Words = w("归档 / 显示已归档", "archive / show archived");

// The footer hints: short, a key or two each.
pub const SELECT: Words = w("选择", "select");
pub const SCHEDULE: Words = w("还款计划", "schedule");
pub const ADVICE: Words = w("建议", "advice");
pub const FILTER: Words = w("筛选", "filter");
pub const SORT: Words = w("排序", "sort");
pub const WHAT_IF_DAY: Words = w("改日期", "what-if day");
pub const OTHER_LANG: Words = w("English", "中文");
pub const HELP: Words = w("帮助", "help");
pub const QUIT: Words = w("退出", "quit");
pub const SCROLL: Words = w("滚动", "scroll");
pub const BACK: Words = w("返回", "back");
pub const CLOSE: Words = w("关闭", "close");
pub const CANCEL: Words = w("取消", "cancel");
pub const SAVE: Words = w("保存", "save");
pub const FIELD: Words = w("换一项", "field");
pub const MOVE_CHOOSE: Words = w("移动/选择", "move / choose");
pub const OPEN: Words = w("查看", "open");
pub const FILTER_KIND_LOAN: Words = w("筛选/类型/本笔", "filter/kind/loan");
pub const EDIT: Words = w("编辑", "edit");
pub const REMOVE: Words = w("删除", "remove");
pub const UNDO: Words = w("撤销", "undo");
pub const DONE: Words = w("确定", "done");
pub const CLEAR: Words = w("清除", "clear");
pub const KEEP: Words = w("保留筛选", "keep");
pub const MAKE_PLAN: Words = w("生成还款建议", "make the plan");
pub const STRATEGY: Words = w("换策略", "strategy");
pub const CASH: Words = w("改金额", "cash");
pub const TODAY: Words = w("今天", "today");
pub const PLAN: Words = w("还款建议", "plan");
pub const COPY: Words = w("复制", "copy");
pub const NEXT_CONTACT: Words = w("下一位", "next contact");
pub const MARK_TOLD: Words = w("标记为已告知", "mark as told");
pub const COMPLAINT: Words = w("投诉材料", "complaint");
pub const COPY_COMPLAINT: Words = w("复制投诉材料", "copy complaint");
pub const LOG_CALL: Words = w("记一个电话", "log a call");
pub const SCROLL_ADVICE: Words = w("滚动建议", "scroll the advice");
pub const NEXT_TOPIC: Words = w("下一主题", "next topic");
pub const BACK_TO_LIST: Words = w("回到借款列表", "back to the list");

// The help overlay's frame.
pub const HELP_TITLE: Words = w("帮助", "Help");
pub const MORE_BELOW: Words = w("↓ 更多", "↓ more");
pub const MORE_ABOVE: Words = w("↑ 上面还有", "↑ more above");
