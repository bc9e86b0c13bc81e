//! The help overlay: every key (two to a line), then every glyph the screen can show: the
//! timeline's marks, the row markers, `≈` and `*`. It fits 80×24 in both languages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::timeline;
use crate::engine::LoanStatus;
use crate::i18n::Lang;
use crate::text::{Align, pad, truncate};
use crate::tui::app::App;
use crate::tui::theme::{Theme, flow, panel, status_mark};

/// Every key the main screen takes, with a few words each.
pub fn keys(lang: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        ("↑↓ j k", lang.t("选择借款", "select a loan")),
        ("PgUp PgDn", lang.t("翻页", "page up / down")),
        ("g G", lang.t("第一笔 / 最后一笔", "first / last loan")),
        (
            "Enter f",
            lang.t("还款计划 / 整笔借款全屏", "schedule / whole loan"),
        ),
        (
            "Tab S-Tab",
            lang.t("下一个/上一个建议主题", "next / previous advice"),
        ),
        (
            "J K ^d ^u",
            lang.t("滚动建议：一行/一页", "scroll advice: row / page"),
        ),
        (
            "s",
            lang.t("排序：紧急/应还/到期日", "sort: urgency/owed/due"),
        ),
        (
            "/",
            lang.t("筛选：名称、平台或编号", "filter: name, platform, id"),
        ),
        (
            "^u ^w",
            lang.t("输入框里：清空 / 删掉一个词", "typing: clear / delete word"),
        ),
        (
            "v i",
            lang.t("显示号码 / 修改借款信息", "phones / edit the loan"),
        ),
        (
            "[ ]  t",
            lang.t("假设日期前后一天 / 今天", "what-if: day -1/+1, today"),
        ),
        (
            "r u E",
            lang.t("重读 / 撤销 / 用编辑器改", "reload / undo / edit file"),
        ),
        (
            "N p n e",
            lang.t("新借款/还款/沟通/延期", "new loan, pay/log/extend"),
        ),
        (
            "A O S F C",
            lang.t("协议/承诺/结清/罚息/勾选", "agree/promise/settle/fee/✓"),
        ),
        (
            "P c",
            lang.t("还款建议 / 每周现金流", "cash plan / weekly flow"),
        ),
        (
            "m a h",
            lang.t("消息 / 记电话 / 全部记录", "message/call/all entries"),
        ),
        (
            "L w y",
            lang.t("催收记录 / 申请书 / 复制", "call log / letter / copy"),
        ),
        ("l", lang.t("切换 English", "切换中文 (Chinese)")),
        ("!", lang.t("读取文件时的警告", "warnings from the file")),
        (
            lang.t("鼠标", "mouse"),
            lang.t("点击选中，滚轮滚动所指窗格", "click picks, wheel scrolls"),
        ),
        (
            "Esc",
            lang.t("关闭窗口 / 清除筛选", "close / clear the filter"),
        ),
        ("? q ^c", lang.t("帮助 / 退出", "help / quit")),
        (
            "X H",
            lang.t("归档 / 显示已归档", "archive / show archived"),
        ),
    ]
}

/// Every glyph, with what it means.
fn glyphs(lang: Lang) -> Vec<(String, &'static str)> {
    use timeline::*;
    let c = |ch: char| ch.to_string();
    vec![
        (c(TODAY), lang.t("今天", "today")),
        (
            c(DUE),
            lang.t("最早未还一期到期日", "oldest unpaid due date"),
        ),
        (c(REMINDER), lang.t("提醒", "reminders")),
        (c(ELAPSED), lang.t("已逾期的日子", "days late")),
        (c(WAITING), lang.t("到期前的日子", "days before due")),
        (c(AHEAD), lang.t("之后的日子", "days ahead")),
        (
            c(CONTACT),
            lang.t("可能联系紧急联系人", "contacts may be called"),
        ),
        (
            c(WINDOW),
            lang.t("说法不一（最早~较晚）", "reports disagree (earliest~later)"),
        ),
        (
            c(OTHER),
            lang.t("频繁联系/第三方催收", "frequent calls / collectors"),
        ),
        (c(SEVERE), lang.t("征信/起诉", "credit report / court")),
        (
            format!("{CLIP_LEFT}{CLIP_RIGHT}"),
            lang.t("超出刻度", "beyond the scale"),
        ),
    ]
}

fn markers(lang: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        // The list's marks, named with the words the list and `check` use for the statuses.
        (
            status_mark(LoanStatus::Overdue),
            lang.status(LoanStatus::Overdue),
        ),
        (
            status_mark(LoanStatus::DueSoon),
            lang.status(LoanStatus::DueSoon),
        ),
        (
            status_mark(LoanStatus::Current),
            lang.status(LoanStatus::Current),
        ),
        (
            status_mark(LoanStatus::PaidOff),
            lang.status(LoanStatus::PaidOff),
        ),
        (
            status_mark(LoanStatus::NotDrawn),
            lang.status(LoanStatus::NotDrawn),
        ),
        (
            status_mark(LoanStatus::InAgreement),
            lang.status(LoanStatus::InAgreement),
        ),
        ("▶", lang.t("选中", "selected")),
        (
            "≈",
            lang.t(
                "估算（罚息；借用其他平台的天数）",
                "an estimate (penalty; another platform's day)",
            ),
        ),
        (
            "*",
            lang.t(
                "日期后：来自你的 [platforms] 或 emergency_contact_after_days",
                "after a day: your [platforms] or emergency_contact_after_days",
            ),
        ),
    ]
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let w = area.width.min(84);
    let inner_w = w.saturating_sub(2) as usize;
    let col_w = inner_w / 2;
    let key_w = 11;
    let mut lines: Vec<Line> = Vec::new();
    let keys = keys(lang);
    for pair in keys.chunks(2) {
        let mut spans = Vec::new();
        for (k, v) in pair {
            spans.push(Span::styled(
                format!(" {}", pad(k, key_w - 1, Align::Left)),
                theme.accent(),
            ));
            let room = col_w.saturating_sub(key_w + 1);
            spans.push(Span::raw(pad(&truncate(v, room), room + 1, Align::Left)));
        }
        lines.push(Line::from(spans));
    }
    let legend = |title: &str, items: Vec<(String, &str)>, lines: &mut Vec<Line>| {
        let chunks: Vec<Vec<Span>> = items
            .into_iter()
            .map(|(g, v)| vec![Span::styled(g, theme.accent()), Span::raw(format!(" {v}"))])
            .collect();
        let mut head = vec![Span::styled(format!(" {title} "), theme.bold())];
        let head_w: usize = head.iter().map(|s| s.content.width()).sum();
        for (i, mut l) in flow(chunks, inner_w.saturating_sub(head_w + 1))
            .into_iter()
            .enumerate()
        {
            let mut spans = if i == 0 {
                std::mem::take(&mut head)
            } else {
                vec![Span::raw(" ".repeat(head_w))]
            };
            spans.append(&mut l.spans);
            lines.push(Line::from(spans));
        }
    };
    legend(lang.t("时间线", "Timeline"), glyphs(lang), &mut lines);
    legend(
        lang.t("标记", "Marks"),
        markers(lang)
            .into_iter()
            .map(|(g, v)| (g.to_string(), v))
            .collect(),
        &mut lines,
    );
    lines.push(Line::from(Span::styled(
        format!(
            " {}",
            lang.t(
                "所有时间线同一刻度：越靠右，麻烦越近。",
                "Every bar is on one scale: further right, sooner trouble."
            )
        ),
        theme.dim(),
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    super::overlay::clear(popup, buf);
    let block = panel(
        Line::from(Span::styled(
            format!(" {} (? / Esc) ", lang.t("帮助", "Help")),
            theme.bold(),
        )),
        theme,
    );
    Paragraph::new(lines).block(block).render(popup, buf);
}
