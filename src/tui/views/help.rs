//! The help overlay: every key, and what the timeline's marks mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{Theme, panel, timeline};
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let keys: Vec<(&str, &str)> = vec![
        ("↑ ↓  j k", lang.t("上下选择借款", "move the selection")),
        ("PgUp PgDn", lang.t("翻页", "page up / down")),
        ("g  G", lang.t("第一笔 / 最后一笔", "first / last loan")),
        ("Enter", lang.t("打开还款计划", "open the loan's schedule")),
        (
            "Esc",
            lang.t("关闭窗口；主界面上退出", "close; quit from the main screen"),
        ),
        (
            "Tab S-Tab",
            lang.t("下一个/上一个建议主题", "next / previous advice topic"),
        ),
        (
            "J K ^d ^u",
            lang.t("滚动建议：一行/半屏", "scroll the advice: a row / a page"),
        ),
        (
            "s",
            lang.t(
                "排序：紧急程度/金额/到期日",
                "sort: urgency / amount / due date",
            ),
        ),
        (
            "v",
            lang.t("显示/隐藏联系人号码", "show / hide contact phones"),
        ),
        (
            "[  ]",
            lang.t("假设今天往前/往后一天", "what-if: a day back / forward"),
        ),
        ("t", lang.t("回到真实的今天", "back to the real today")),
        ("r", lang.t("重新读取文件", "reload the file")),
        (
            "p  n  e",
            lang.t(
                "记录还款 / 沟通记录 / 延期",
                "record a payment / log entry / extension",
            ),
        ),
        (
            "P  c",
            lang.t(
                "按手头现金给还款建议 / 每周现金流",
                "plan for the cash at hand / weekly cash flow",
            ),
        ),
        (
            "m  a",
            lang.t(
                "给联系人的消息 / 记一个刚接到的催收电话",
                "message for contacts / log a call just now",
            ),
        ),
        (
            "L  w  y",
            lang.t(
                "催收记录 / 协商还款申请书 / 复制",
                "collection log / negotiation letter / copy",
            ),
        ),
        ("?", lang.t("显示/关闭帮助", "this help")),
        ("q", lang.t("退出", "quit")),
    ];
    let legend: Vec<(char, &str)> = vec![
        (timeline::TODAY, lang.t("今天", "today")),
        (
            timeline::DUE,
            lang.t(
                "最早未还一期的到期日",
                "due date of the oldest unpaid installment",
            ),
        ),
        (
            timeline::CONTACT,
            lang.t("可能联系紧急联系人", "emergency contacts may be called"),
        ),
        (
            timeline::WINDOW,
            lang.t(
                "说法不一的区间（最早~较晚）",
                "where reports disagree (earliest ~ later)",
            ),
        ),
        (
            timeline::SEVERE,
            lang.t("上报征信 / 起诉", "credit report / legal action"),
        ),
        (
            timeline::OTHER,
            lang.t(
                "频繁联系 / 第三方催收",
                "frequent contact / third-party collection",
            ),
        ),
    ];
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(format!(" {k:<10}"), theme.accent()),
                Span::raw(*v),
            ])
        })
        .collect();
    // The full legend takes a line a mark; where that does not fit (80×24), short labels three
    // to a line keep every key and every mark on screen.
    let full = lines.len() + 2 + legend.len() + 2 <= usize::from(area.height);
    if full {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        lang.t(" 时间线", " Timeline"),
        theme.bold(),
    )));
    if full {
        for (c, v) in legend {
            lines.push(Line::from(vec![
                Span::styled(format!(" {c}  "), theme.accent()),
                Span::raw(v),
            ]));
        }
    } else {
        let short = [
            lang.t("今天", "today"),
            lang.t("到期日", "due date"),
            lang.t("联系紧急联系人", "contacts"),
            lang.t("说法不一", "reports disagree"),
            lang.t("征信/起诉", "credit/legal"),
            lang.t("其他阶段", "other stages"),
        ];
        let marks: Vec<char> = legend.iter().map(|(c, _)| *c).collect();
        for row in marks.iter().zip(short).collect::<Vec<_>>().chunks(3) {
            let mut spans = vec![];
            for (c, label) in row {
                spans.push(Span::styled(format!(" {c} "), theme.accent()));
                spans.push(Span::raw(format!("{label}  ")));
            }
            lines.push(Line::from(spans));
        }
    }
    let w = area.width.min(64);
    let h = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let block = panel(
        Line::from(Span::styled(
            format!(" {} (? / Esc) ", lang.t("按键", "Keys")),
            theme.bold(),
        )),
        theme,
    );
    Paragraph::new(lines).block(block).render(popup, buf);
}
