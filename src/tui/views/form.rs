//! A form as a centered overlay: one row a field (label, value box with the cursor), the field's
//! error (or a hint) under it, the store's refusal, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::Lang;
use crate::model::LogKind;
use crate::text::{Align, pad};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKind, Form};
use crate::tui::theme::{Theme, panel};

/// Cut `s` into lines of at most `width` columns: between words for Latin text, between any
/// two characters for Chinese (which has no spaces), inside a word only when it is too long.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    // Tokens: a run of ASCII letters/digits/punctuation, a single space, or a single other char.
    let mut tokens: Vec<String> = Vec::new();
    for c in s.chars() {
        let word = c.is_ascii() && !c.is_ascii_whitespace();
        match tokens.last_mut() {
            Some(t) if word && t.chars().all(|x| x.is_ascii() && !x.is_ascii_whitespace()) => {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for t in tokens {
        let w = t.width();
        if cur.width() + w > width {
            if t == " " {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur).trim_end().to_string());
            }
            if w > width {
                for c in t.chars() {
                    if cur.width() + c.width().unwrap_or(0) > width {
                        out.push(std::mem::take(&mut cur));
                    }
                    cur.push(c);
                }
                continue;
            }
        }
        cur.push_str(&t);
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// The part of the value shown in a box `width` columns wide, scrolled so the cursor is inside;
/// the cursor's cell is reversed (a space after the last character when it is at the end).
pub(super) fn value_spans(f: &Field, width: usize, focused: bool) -> Vec<Span<'static>> {
    let chars: Vec<char> = f.value.chars().collect();
    let cw = |c: &char| c.width().unwrap_or(0);
    let mut start = 0;
    if focused {
        // Room for the cursor cell itself.
        while start < f.cursor && chars[start..f.cursor].iter().map(cw).sum::<usize>() + 1 > width {
            start += 1;
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    let mut before = String::new();
    let mut i = start;
    while i < chars.len() && used + cw(&chars[i]) <= width {
        if focused && i == f.cursor {
            spans.push(Span::raw(std::mem::take(&mut before)));
            spans.push(Span::styled(
                chars[i].to_string(),
                Style::new().add_modifier(Modifier::REVERSED),
            ));
        } else {
            before.push(chars[i]);
        }
        used += cw(&chars[i]);
        i += 1;
    }
    spans.push(Span::raw(before));
    if focused && f.cursor >= chars.len() && used < width {
        spans.push(Span::styled(
            " ",
            Style::new().add_modifier(Modifier::REVERSED),
        ));
        used += 1;
    }
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    spans
}

fn choice_spans(lang: Lang, chosen: LogKind, theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, k) in LogKind::WRITTEN.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let label = lang.log_kind(k);
        if k == chosen {
            spans.push(Span::styled(format!("[{label}]"), theme.accent()));
        } else {
            spans.push(Span::styled(format!(" {label} "), theme.dim()));
        }
    }
    spans
}

fn lines<'a>(app: &App, form: &'a Form, inner_w: usize, theme: Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let label_w = form
        .fields
        .iter()
        .map(|f| f.label(lang).width())
        .max()
        .unwrap_or(0);
    // "› " + label + " " + "[" value "]"
    let box_w = inner_w.saturating_sub(label_w + 5).max(4);
    let indent = " ".repeat(label_w + 4);
    let mut out = vec![Line::from("")];
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let mark = if focused { "›" } else { " " };
        let label_style = if focused { theme.bold() } else { Style::new() };
        let mut spans = vec![
            Span::styled(format!("{mark} "), theme.accent()),
            Span::styled(pad(f.label(lang), label_w, Align::Left), label_style),
            Span::raw(" "),
        ];
        if f.kind == FieldKind::LogKind {
            spans.push(Span::raw(" "));
            spans.extend(choice_spans(lang, form.log_kind, theme));
        } else if matches!(
            f.kind,
            FieldKind::Who | FieldKind::Channel | FieldKind::Flags
        ) {
            spans.push(Span::raw(" "));
            let more = call_spans(lang, form, f.kind, focused, box_w, theme);
            let mut rest = more.into_iter();
            if let Some(first) = rest.next() {
                spans.extend(first);
            }
            out.push(Line::from(spans));
            for row in rest {
                let mut s = vec![Span::raw(" ".repeat(label_w + 4))];
                s.extend(row);
                out.push(Line::from(s));
            }
            push_hint(&mut out, f, &indent, box_w, theme);
            continue;
        } else {
            spans.push(Span::styled("[", theme.dim()));
            spans.extend(value_spans(f, box_w, focused));
            spans.push(Span::styled("]", theme.dim()));
        }
        out.push(Line::from(spans));
        push_hint(&mut out, f, &indent, box_w, theme);
    }
    tail(app, form, out, inner_w, theme)
}

/// The field's error, or its hint, under it.
fn push_hint(out: &mut Vec<Line<'_>>, f: &Field, indent: &str, box_w: usize, theme: Theme) {
    {
        let (text, style) = match &f.error {
            Some(e) => (
                format!("✗ {e}"),
                theme.fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            None => (f.hint.clone(), theme.dim()),
        };
        for l in wrap(&text, box_w + 1) {
            out.push(Line::from(vec![
                Span::raw(indent.to_string()),
                Span::styled(l, style),
            ]));
        }
    }
}

/// A choice of the collection-call form, in rows of at most `width` columns: who and how as
/// `◂ choice ▸`, the flags as boxes to tick, the one under ←/→ marked.
fn call_spans(
    lang: Lang,
    form: &Form,
    kind: FieldKind,
    focused: bool,
    width: usize,
    theme: Theme,
) -> Vec<Vec<Span<'static>>> {
    let c = &form.call;
    let mark = if focused {
        theme.accent()
    } else {
        Style::new()
    };
    match kind {
        FieldKind::Who => {
            let who = c.who_options.get(c.who).map(String::as_str).unwrap_or("me");
            let shown = if who == crate::model::WHO_ME {
                lang.tr("common.me").to_string()
            } else {
                who.to_string()
            };
            vec![vec![Span::styled(format!("◂ {shown} ▸"), mark)]]
        }
        FieldKind::Channel => {
            let word = match crate::model::Channel::ALL.get(c.channel) {
                Some(crate::model::Channel::Sms) => lang.tr("common.sms"),
                Some(crate::model::Channel::Visit) => lang.tr("common.visit"),
                Some(crate::model::Channel::Other) => lang.tr("common.other"),
                _ => lang.tr("common.call"),
            };
            vec![vec![Span::styled(format!("◂ {word} ▸"), mark)]]
        }
        _ => {
            let mut rows = vec![vec![]];
            let mut used = 0;
            for (i, flag) in crate::model::LogFlag::ALL.into_iter().enumerate() {
                let ticked = if c.flags.contains(&flag) {
                    "☑"
                } else {
                    "☐"
                };
                let text = format!(
                    "{ticked}{} ",
                    crate::knowledge::complaint::flag_label(lang, flag)
                );
                let w = text.width();
                if used > 0 && used + w > width {
                    rows.push(vec![]);
                    used = 0;
                }
                let style = if focused && i == c.flag_cursor {
                    theme.accent().add_modifier(Modifier::REVERSED)
                } else if c.flags.contains(&flag) {
                    theme.bold()
                } else {
                    Style::new()
                };
                if let Some(r) = rows.last_mut() {
                    r.push(Span::styled(text, style));
                }
                used += w;
            }
            rows
        }
    }
}

fn tail<'a>(
    app: &App,
    form: &'a Form,
    mut out: Vec<Line<'a>>,
    inner_w: usize,
    theme: Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    out.push(Line::from(""));
    if let Some(r) = &form.refusal {
        for l in wrap(r, inner_w.saturating_sub(2)) {
            out.push(Line::from(Span::styled(
                format!(" {l}"),
                theme.fg(Color::Red).add_modifier(Modifier::BOLD),
            )));
        }
        out.push(Line::from(""));
    }
    let keys = [
        ("Enter", lang.tr("common.save")),
        ("Tab/↓", lang.tr("views.form.next_field")),
        ("Esc", lang.tr("common.cancel")),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (k, v) in keys {
        spans.push(Span::styled(k, theme.accent()));
        spans.push(Span::styled(format!(" {v}  "), theme.dim()));
    }
    out.push(Line::from(spans));
    out
}

pub fn render(app: &App, form: &Form, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = area.width.saturating_sub(4).min(66);
    if w < 10 || area.height < 5 {
        return;
    }
    let body = lines(app, form, usize::from(w - 2), theme);
    let h = (body.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    // A wide character just left of the overlay would spill its second half over the border.
    if popup.x > area.x {
        for y in popup.y..popup.y + popup.height {
            let cell = &mut buf[(popup.x - 1, y)];
            if cell.symbol().width() > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    super::overlay::clear(popup, buf);
    // A long loan name gives way to the form's own title.
    let head = format!(" {} ", form.title(app.lang));
    let room = (w as usize).saturating_sub(6 + head.width());
    let title = Line::from(vec![
        Span::styled(head, theme.bold()),
        Span::styled(
            format!("· {} ", crate::text::truncate(&form.loan_name, room)),
            theme.dim(),
        ),
    ]);
    Paragraph::new(body)
        .block(panel(title, theme))
        .render(popup, buf);
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_between_words_and_between_chinese_characters() {
        assert_eq!(
            wrap("run `repaydash init` to create", 14),
            ["run `repaydash", "init` to", "create"]
        );
        assert_eq!(
            wrap("这是只读的演示数据", 8),
            ["这是只读", "的演示数", "据"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
    }
}
