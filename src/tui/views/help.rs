//! The help overlay: every key (two to a line), then every glyph the screen can show: the
//! timeline's marks, the row markers, `≈` and `*`. A screen too short for it scrolls it (↑↓ J K,
//! `↓ more` in its frame), so every row can be read at 80×24 however many keys there are.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::timeline;
use crate::engine::LoanStatus;
use crate::i18n::Lang;
use crate::text::{Align, pad, truncate};
use crate::tui::app::{App, Measured};
use crate::tui::keymap::{self, Words};
use crate::tui::scroll::Scroll;
use crate::tui::theme::{Theme, flow, panel, status_mark};

/// Every key the main screen takes, with a few words each: the keymap's help rows.
pub fn keys(lang: Lang) -> Vec<(&'static str, &'static str)> {
    keymap::help_rows()
        .map(|(label, words)| (label.get(lang), words.get(lang)))
        .collect()
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

pub fn render(app: &App, at: Scroll, m: &mut Measured, area: Rect, buf: &mut Buffer, theme: Theme) {
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
    // A screen too short for every row scrolls (↑↓ J K): a mark in the frame says there is
    // more, and the keys that show it.
    let h = (lines.len() as u16 + 2).min(area.height);
    let visible = usize::from(h.saturating_sub(2));
    let max = lines.len().saturating_sub(visible);
    m.help_max_scroll = max;
    let scroll = at.top.min(max);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    super::overlay::clear(popup, buf);
    let hints = keymap::hints(keymap::Ctx::Help);
    let close = hints.last().map(|h| h.label).unwrap_or_default();
    let mut block = panel(
        Line::from(Span::styled(
            format!(" {} ({close}) ", Words::tr("keys.help_title").get(lang)),
            theme.bold(),
        )),
        theme,
    );
    if max > 0 {
        let mark = if scroll < max {
            Words::tr("keys.more_below")
        } else {
            Words::tr("keys.more_above")
        };
        let keys = hints.first().map(|h| h.label).unwrap_or_default();
        block = block.title_bottom(Line::from(Span::styled(
            format!(" {}  {keys} ", mark.get(lang)),
            theme.accent(),
        )));
    }
    Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .block(block)
        .render(popup, buf);
}
