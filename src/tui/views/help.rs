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
        (c(TODAY), lang.tr("views.help.glyph_today")),
        (c(DUE), lang.tr("views.help.glyph_due")),
        (c(REMINDER), lang.tr("views.help.glyph_reminder")),
        (c(ELAPSED), lang.tr("views.help.glyph_elapsed")),
        (c(WAITING), lang.tr("views.help.glyph_waiting")),
        (c(AHEAD), lang.tr("views.help.glyph_ahead")),
        (c(CONTACT), lang.tr("views.help.glyph_contact")),
        (c(WINDOW), lang.tr("views.help.glyph_window")),
        (c(OTHER), lang.tr("views.help.glyph_other")),
        (c(SEVERE), lang.tr("views.help.glyph_severe")),
        (
            format!("{CLIP_LEFT}{CLIP_RIGHT}"),
            lang.tr("views.help.glyph_clip"),
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
        ("▶", lang.tr("views.help.mark_selected")),
        ("≈", lang.tr("views.help.mark_estimate")),
        ("*", lang.tr("views.help.mark_user_day")),
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
    legend(lang.tr("views.help.timeline"), glyphs(lang), &mut lines);
    legend(
        lang.tr("views.help.marks"),
        markers(lang)
            .into_iter()
            .map(|(g, v)| (g.to_string(), v))
            .collect(),
        &mut lines,
    );
    lines.push(Line::from(Span::styled(
        format!(" {}", lang.tr("views.help.one_scale")),
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
