//! A document to read and copy (`m`, `w`): a contact's message, the complaint draft or the
//! negotiation letter, wrapped to the panel and scrollable. The text is built when the document
//! opens or its loan, data or day changes (`App::reading`), not here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::text::wrap;
use crate::tui::app::{App, Measured};
use crate::tui::theme::{Theme, panel, title_fit};
use unicode_width::UnicodeWidthStr;

pub fn render(
    app: &App,
    m: &mut Measured,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let Some((title, text)) = &app.reading.doc else {
        return;
    };
    // `y` and the other keys are in the footer.
    let title = Line::from(Span::styled(title_fit(title, area.width), theme.bold()));
    let block = panel(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = (inner.width as usize).saturating_sub(1).max(10);
    let mut rows: Vec<Line> = Vec::new();
    for para in text.lines() {
        if para.is_empty() {
            rows.push(Line::from(""));
            continue;
        }
        // A line that fits is shown as printed (a table's columns, an indent); a longer one
        // wraps under its own indent (a `- ` item hangs).
        if para.width() < width {
            rows.push(Line::from(format!(" {para}")));
            continue;
        }
        let body = para.trim_start();
        let first = " ".repeat(1 + para.len() - body.len());
        let rest = if body.starts_with("- ") {
            format!("{first}  ")
        } else {
            first.clone()
        };
        rows.extend(wrap(body, width, &first, &rest).into_iter().map(Line::from));
    }
    let max = rows.len().saturating_sub(inner.height as usize);
    m.doc_max_scroll = max;
    let scroll = scroll.min(max);
    Paragraph::new(rows.into_iter().skip(scroll).collect::<Vec<_>>()).render(inner, buf);
}
