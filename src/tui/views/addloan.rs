//! The add-a-loan form (`N`) as a centered overlay: one row a question (a choice shows ◂ ▸),
//! the focused question's hint, then the preview the command line shows before it writes
//! (`present::preview`), or what is still missing or wrong, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::form::{value_spans, wrap};
use crate::i18n::loansin as lt;
use crate::text::{Align, pad};
use crate::tui::addloan::{AddLoan, Key};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKind};
use crate::tui::theme::{Theme, panel};

fn lines<'a>(
    app: &App,
    f: &'a AddLoan,
    inner_w: usize,
    room: usize,
    theme: Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let keys = f.visible();
    let label_w = keys
        .iter()
        .map(|k| k.label(lang).get(lang).width())
        .max()
        .unwrap_or(0);
    let box_w = inner_w.saturating_sub(label_w + 5).max(4);
    let indent = " ".repeat(label_w + 4);
    let mut out = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let focused = i == f.focus;
        let mark = if focused { "›" } else { " " };
        let label_style = if focused { theme.bold() } else { Style::new() };
        let mut spans = vec![
            Span::styled(format!("{mark} "), theme.accent()),
            Span::styled(
                pad(k.label(lang).get(lang), label_w, Align::Left),
                label_style,
            ),
            Span::raw(" "),
        ];
        if matches!(k, Key::Method | Key::RateKind) {
            let style = if focused {
                theme.accent()
            } else {
                Style::new()
            };
            spans.push(Span::styled(format!(" ◂ {} ▸", f.choice(*k, lang)), style));
        } else {
            let mut field = Field::new(FieldKind::Text, f.value(*k).to_string(), String::new());
            field.cursor = f.cursor_of(*k);
            spans.push(Span::styled("[", theme.dim()));
            spans.extend(value_spans(&field, box_w, focused));
            spans.push(Span::styled("]", theme.dim()));
        }
        out.push(Line::from(spans));
        let hint = k.hint();
        if focused && !hint.get(lang).is_empty() {
            for l in wrap(hint.get(lang), box_w + 1) {
                out.push(Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(l, theme.dim()),
                ]));
            }
        }
    }
    out.push(Line::from(""));
    // The preview, or what stops it, in the rows left above the keys.
    let left = room.saturating_sub(out.len() + 2);
    let (text, style) = match (&f.refusal, &f.preview) {
        (Some(r), _) => (
            vec![r.clone()],
            theme.fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        (None, Ok(p)) => (p.clone(), Style::new()),
        (None, Err(e)) if e.get(app.lang).is_empty() => (vec![], Style::new()),
        (None, Err(e)) => (vec![e.get(app.lang).to_string()], theme.fg(Color::Red)),
    };
    let fits = |t: &[String]| {
        t.iter()
            .map(|l| wrap(l, inner_w.saturating_sub(2)).len())
            .sum::<usize>()
            <= left
    };
    // Short of rows, one installment is listed: the totals and the IRR are what the preview is
    // for.
    let text = if f.refusal.is_none() && f.preview.is_ok() && !fits(&text) {
        f.short.clone()
    } else {
        text
    };
    let mut body: Vec<String> = text
        .iter()
        .flat_map(|t| wrap(t, inner_w.saturating_sub(2)))
        .collect();
    if body.len() > left {
        body.truncate(left.saturating_sub(1));
        body.push("…".into());
    }
    for l in body {
        out.push(Line::from(Span::styled(format!(" {l}"), style)));
    }
    out.push(Line::from(""));
    let keys = [
        ("Enter", lang.tr("views.addloan.write")),
        ("Tab ↑↓", lang.tr("common.field")),
        ("← →", lang.tr("views.addloan.choose")),
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

pub fn render(app: &App, form: &AddLoan, area: Rect, buf: &mut Buffer, theme: Theme) {
    let w = area.width.saturating_sub(4).min(76);
    if w < 20 || area.height < 8 {
        return;
    }
    let room = usize::from(area.height - 2);
    let body = lines(app, form, usize::from(w - 2), room, theme);
    let h = (body.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    if popup.x > area.x {
        for y in popup.y..popup.y + popup.height {
            let cell = &mut buf[(popup.x - 1, y)];
            if cell.symbol().width() > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    super::overlay::clear(popup, buf);
    let title = Line::from(Span::styled(
        format!(" {} ", lt::add_form_title().get(app.lang)),
        theme.bold(),
    ));
    Paragraph::new(body)
        .block(panel(title, theme))
        .render(popup, buf);
}
