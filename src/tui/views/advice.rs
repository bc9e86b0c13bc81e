//! The advice area: the selected loan's advice panels, one topic at a time (Tab / shift-Tab), each
//! item with its sources in a muted line, the call script numbered with the loan's own figures, and
//! the disclaimer once under them. Text is wrapped here by display width (CJK rules in
//! `crate::text`), so the rows are known and the area can scroll (`J`/`K`, ctrl-d/ctrl-u).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::knowledge::advice::ItemKind;
use crate::knowledge::advice::Panel;
use crate::present::advice::{situation_words, sources_label};
use crate::text::truncate;
use crate::text::wrap;
use crate::tui::app::{App, Measured};
use crate::tui::theme::{Theme, panel};

/// Marks a line as a source even without colour or dim (NO_COLOR, a plain copy of the screen).
pub const SOURCE_MARK: &str = "— ";

/// `text` wrapped to `width`, the first row starting with `first` in `mark` style and the rest
/// indented by `rest`, in `style`.
fn wrapped(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    mark: Style,
    style: Style,
) -> Vec<Line<'static>> {
    wrap(text, width, first, rest)
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let row = row.trim_end().to_string();
            match row.strip_prefix(first).filter(|_| i == 0) {
                Some(tail) => Line::from(vec![
                    Span::styled(first.to_string(), mark),
                    Span::styled(tail.to_string(), style),
                ]),
                None => Line::from(Span::styled(row, style)),
            }
        })
        .collect()
}

/// The rows of one topic at `width` columns. Consecutive items resting on the same sources (the
/// call script's lines) show them once, after the last of them.
pub fn topic_rows(topic: &Panel, lang: Lang, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut rows = Vec::new();
    if let Some(t) = &topic.script_title {
        rows.extend(wrapped(t, width, "", "", theme.bold(), theme.bold()));
    }
    let (label, sep) = sources_label(lang);
    let mut script_n = 0;
    for (i, item) in topic.items.iter().enumerate() {
        let plain = Style::new();
        let (first, rest, mark) = match item.kind {
            ItemKind::ScriptLine => {
                script_n += 1;
                (format!("{script_n:>2}. "), "    ", theme.accent())
            }
            // The same mark as the detail's stages whose days come from the user's file.
            ItemKind::FromUserFile => ("* ".to_string(), "  ", theme.accent()),
            ItemKind::Checklist | ItemKind::Advice => ("• ".to_string(), "  ", theme.dim()),
        };
        rows.extend(wrapped(&item.text, width, &first, rest, mark, plain));
        let last_of_group = topic
            .items
            .get(i + 1)
            .is_none_or(|next| next.sources != item.sources);
        if last_of_group && !item.sources.is_empty() {
            let text = format!("{label}{}", item.sources.join(sep));
            let indent = format!("{rest}{SOURCE_MARK}");
            let cont = " ".repeat(indent.width() + label.width());
            rows.extend(wrapped(
                &text,
                width,
                &indent,
                &cont,
                theme.dim(),
                theme.dim(),
            ));
        }
    }
    rows
}

/// The title when the advice asset is broken and there are no topics.
fn lang_unavailable(app: &App) -> Option<&'static str> {
    app.detail
        .advice_error
        .as_ref()
        .map(|_| app.lang.tr("views.advice.advice_unavailable"))
}

/// The area's title: the topic's name, then one tab a topic ("1 2 3 4 5 6", the current one
/// marked) that a click switches to, and the key; shortened to "3/6" rather than cut when narrow.
/// Also where each tab lies on the title row: (first column, last column + 1, topic).
pub fn title(app: &App, area: Rect, theme: Theme) -> (Line<'static>, Vec<(u16, u16, usize)>) {
    let topics = &app.detail.advice;
    let n = topics.len();
    let current = app.advice_topic.min(n.saturating_sub(1));
    let room = (area.width as usize).saturating_sub(4);
    let unavailable = lang_unavailable(app);
    let name = topics
        .get(current)
        .map(|t| t.title.as_str())
        .or(unavailable)
        .unwrap_or_default();
    let tabs_w = if n > 1 { 3 * n + 6 } else { 0 };
    let counter = format!("{}/{} ", current + 1, n);
    let mut spans = Vec::new();
    let mut hits = Vec::new();
    if n > 1 && name.width() + 2 + tabs_w <= room {
        // Tabs first, so each stays where it is whichever topic is shown; three cells a tab,
        // the current one in brackets (readable without colour too).
        spans.push(Span::raw(" "));
        let mut x = area.x + 2;
        for i in 0..n {
            let (text, style) = if i == current {
                (format!("[{}]", i + 1), theme.accent())
            } else {
                (format!(" {} ", i + 1), theme.dim())
            };
            spans.push(Span::styled(text, style));
            hits.push((x, x + 3, i));
            x += 3;
        }
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!("{name} "), theme.accent()));
        spans.push(Span::styled("Tab ", theme.dim()));
    } else {
        let mut counter = if n > 1 { counter } else { String::new() };
        if n > 1 && name.width() + 2 + counter.width() + 4 <= room {
            counter.push_str("Tab ");
        }
        let name = truncate(name, room.saturating_sub(2 + counter.width()));
        spans.push(Span::styled(format!(" {name} "), theme.accent()));
        spans.push(Span::styled(counter, theme.dim()));
    }
    (Line::from(spans), hits)
}

pub fn render(app: &App, m: &mut Measured, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let topics = &app.detail.advice;
    let current = app.advice_topic.min(topics.len().saturating_sub(1));
    let topic = topics.get(current);
    let inner = panel("", theme).inner(area);
    let width = inner.width as usize;

    let (title, tabs) = title(app, area, theme);
    m.hits.tabs = tabs;
    // Why these topics, in this order: the loan's situation, in the bottom border when it fits
    // there whole (beside the room the scroll hint may take), else as the first row.
    let situation = app.detail.situation.map(|s| {
        situation_words(
            lang,
            s,
            app.detail.starts,
            app.today(),
            app.detail.severe_estimate,
        )
    });
    let in_border = situation
        .as_ref()
        .is_some_and(|l| l.width() + 8 + 6 <= area.width as usize);
    let mut body = match situation.as_ref().filter(|_| !in_border) {
        Some(l) => wrapped(l, width, "", "", theme.dim(), theme.dim()),
        None => Vec::new(),
    };
    body.extend(
        topic
            .map(|t| topic_rows(t, lang, width, theme))
            .unwrap_or_default(),
    );
    if let Some(msg) = app.detail.advice_error.as_deref() {
        body.extend(wrapped(msg, width, "", "", theme.dim(), Style::new()));
    }
    let disclaimer: Vec<Line> = if app.detail.disclaimer.is_empty() || width == 0 {
        vec![]
    } else {
        wrapped(
            &app.detail.disclaimer,
            width,
            "",
            "",
            theme.dim(),
            theme.dim(),
        )
    };
    let height = inner.height as usize;
    // The disclaimer stays at the bottom when that leaves room for the advice; in a small area it
    // ends the topic instead, reached by scrolling.
    let pinned = !disclaimer.is_empty() && height >= disclaimer.len() + 4;
    let mut disclaimer = disclaimer;
    if pinned {
        // A rule, so the note does not read as the end of the last item.
        disclaimer.insert(0, Line::from(Span::styled("┄".repeat(width), theme.dim())));
    }
    if !pinned && !disclaimer.is_empty() {
        body.push(Line::from(""));
        body.extend(disclaimer.iter().cloned());
    }
    let body_h = if pinned {
        height - disclaimer.len()
    } else {
        height
    };
    let max_scroll = body.len().saturating_sub(body_h);
    let scroll = app.advice_scroll.min(max_scroll);
    m.advice_max_scroll = max_scroll;
    m.advice_page = body_h.max(1);

    let mut block = panel(crate::tui::theme::fit_title(title, area.width), theme);
    if app.focus == crate::tui::app::Pane::Advice {
        // The arrows scroll the advice now: say so by its border.
        block = block.border_style(theme.accent());
    }
    let mut hint = String::new();
    if scroll < max_scroll {
        hint.push_str(" J↓");
    }
    if scroll > 0 {
        hint.push_str(" K↑");
    }
    if !hint.is_empty() {
        hint.push(' ');
        block = block
            .title_bottom(Line::from(Span::styled(hint.clone(), theme.accent())).right_aligned());
    }
    if let Some(label) = situation.filter(|_| in_border) {
        block = block.title_bottom(Line::from(Span::styled(format!(" {label} "), theme.dim())));
    }
    block.render(area, buf);

    let visible: Vec<Line> = body.into_iter().skip(scroll).take(body_h).collect();
    Paragraph::new(visible).render(Rect::new(inner.x, inner.y, inner.width, body_h as u16), buf);
    if pinned {
        let h = disclaimer.len() as u16;
        Paragraph::new(disclaimer).render(
            Rect::new(inner.x, inner.y + inner.height - h, inner.width, h),
            buf,
        );
    }
}
