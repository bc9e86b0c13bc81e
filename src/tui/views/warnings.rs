//! `!`: every warning from reading the file, each at its `file:line:col`, in an overlay.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::phrases as ph;
use crate::text::wrap;
use crate::tui::app::{App, Measured};
use crate::tui::theme::{Theme, panel, title_fit};

/// "3 条警告（! 查看）" / "3 warnings (! lists them)", for the footer; None without warnings.
pub fn count(app: &App) -> Option<String> {
    let n = app.warnings.len();
    (n > 0).then(|| ph::load_warnings_count(n).get(app.lang).to_string())
}

pub fn render(
    app: &App,
    scroll: usize,
    m: &mut Measured,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    // Its scrolling is update's common one: a warning a row, the last at the top at most.
    m.top_max_scroll = Some(app.warnings.len().saturating_sub(1));
    let lang = app.lang;
    let w = area.width.saturating_sub(4).min(100);
    let inner_w = w.saturating_sub(2) as usize;
    let label = app.source.label();
    let mut lines: Vec<Line> = Vec::new();
    if app.warnings.is_empty() {
        lines.push(Line::from(lang.tr("views.warnings.no_warnings_from_file")));
    }
    for (i, d) in app.warnings.iter().enumerate().skip(scroll) {
        // Text from the file never reaches the terminal with control characters.
        let text: String = d
            .render_in(&label, lang)
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        for (j, row) in wrap(&text, inner_w.saturating_sub(1), " ", "   ")
            .into_iter()
            .enumerate()
        {
            let style = if j == 0 { theme.bold() } else { theme.dim() };
            lines.push(Line::from(Span::styled(row, style)));
        }
        if i + 1 < app.warnings.len() {
            lines.push(Line::from(""));
        }
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    super::overlay::clear(popup, buf);
    let title = title_fit(ph::load_warnings_title(app.warnings.len()).get(lang), w);
    Paragraph::new(lines)
        .block(panel(Line::from(Span::styled(title, theme.bold())), theme))
        .render(popup, buf);
}
