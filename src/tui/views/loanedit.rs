//! The edit form (`i`): name, monthly budget, hardship, contacts, one row each with its hint
//! under the focused one, and why it cannot be saved.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::form::{value_spans, wrap};
use crate::i18n::loansin as lt;
use crate::text::{Align, pad, truncate};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKind};
use crate::tui::loanedit::{KEYS, LoanEdit};
use crate::tui::theme::{Theme, panel};

pub fn render(app: &App, f: &LoanEdit, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let w = area.width.saturating_sub(4).min(76);
    if w < 20 || area.height < 8 {
        return;
    }
    let inner_w = usize::from(w - 2);
    let label_w = KEYS
        .iter()
        .map(|k| k.label().get(lang).width())
        .max()
        .unwrap_or(0);
    let box_w = inner_w.saturating_sub(label_w + 5).max(4);
    let indent = " ".repeat(label_w + 4);
    let mut out = vec![Line::from("")];
    for (i, k) in KEYS.iter().enumerate() {
        let focused = i == f.focus;
        // Phone numbers are masked but while being edited (or shown with `v`).
        let shown = if *k == crate::tui::loanedit::Key::Contacts && !focused && !app.reveal_phones {
            mask_contacts(&f.values[i])
        } else {
            f.values[i].clone()
        };
        let mut field = Field::new(FieldKind::Text, shown, String::new());
        field.cursor = f.cursor[i];
        let mut spans = vec![
            Span::styled(if focused { "› " } else { "  " }, theme.accent()),
            Span::styled(
                pad(k.label().get(lang), label_w, Align::Left),
                if focused { theme.bold() } else { Style::new() },
            ),
            Span::raw(" "),
            Span::styled("[", theme.dim()),
        ];
        spans.extend(value_spans(&field, box_w, focused));
        spans.push(Span::styled("]", theme.dim()));
        out.push(Line::from(spans));
        if focused {
            for l in wrap(k.hint().get(lang), box_w + 1) {
                out.push(Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(l, theme.dim()),
                ]));
            }
        }
    }
    out.push(Line::from(""));
    if let Some(e) = &f.error {
        for l in wrap(e, inner_w.saturating_sub(2)) {
            out.push(Line::from(Span::styled(
                format!(" {l}"),
                theme.fg(Color::Red).add_modifier(Modifier::BOLD),
            )));
        }
        out.push(Line::from(""));
    }
    let keys = [
        ("Enter", lang.tr("common.save")),
        ("Tab ↑↓", lang.tr("common.field")),
        ("Esc", lang.tr("common.cancel")),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (k, v) in keys {
        spans.push(Span::styled(k, theme.accent()));
        spans.push(Span::styled(format!(" {v}  "), theme.dim()));
    }
    out.push(Line::from(spans));
    let h = (out.len() as u16 + 2).min(area.height);
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
    let head = format!(" {} ", lt::edit_form_title().get(lang));
    let room = usize::from(w).saturating_sub(6 + head.width());
    let title = Line::from(vec![
        Span::styled(head, theme.bold()),
        Span::styled(format!("· {} ", truncate(&f.title, room)), theme.dim()),
    ]);
    Paragraph::new(out)
        .block(panel(title, theme))
        .render(popup, buf);
}

/// `NAME,RELATION,PHONE; …` with each phone masked (138****0000).
fn mask_contacts(s: &str) -> String {
    s.split(';')
        .map(|c| {
            let parts: Vec<&str> = c.splitn(4, ',').collect();
            match parts.as_slice() {
                [name, rel, phone] => {
                    format!("{name},{rel},{}", crate::model::mask_phone(phone.trim()))
                }
                [name, rel, phone, greeting] => format!(
                    "{name},{rel},{},{greeting}",
                    crate::model::mask_phone(phone.trim())
                ),
                _ => c.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}
