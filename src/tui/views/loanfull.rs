//! `f`: the selected loan on the whole screen, every section of its detail at its fullest and
//! every advice topic after it, scrolled by keys and the wheel, with `↑`/`↓ more` on the border
//! where there is more: at 80×24 nothing of a loan is out of reach.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{advice, detail};
use crate::i18n::loansin as lt;
use crate::tui::app::{App, Measured};
use crate::tui::theme::{Theme, panel};

/// The most rows the document has.
const MAX_ROWS: usize = 4000;

/// The whole document, drawn once into a buffer `width` columns wide and as tall as it needs.
fn document(app: &App, width: u16, theme: Theme) -> Buffer {
    let fitted = detail::fit(app, width, MAX_ROWS as u16, MAX_ROWS as u16, theme);
    let detail_h = fitted.height.min(MAX_ROWS as u16);
    let inner_w = usize::from(width.saturating_sub(2));
    let mut topics: Vec<Vec<Line<'static>>> = Vec::new();
    for t in &app.detail.advice {
        let mut rows = vec![Line::from(Span::styled(
            format!(" {} ", t.title),
            theme.accent(),
        ))];
        rows.extend(advice::topic_rows(t, app.lang, inner_w, theme));
        topics.push(rows);
    }
    let advice_h: usize = topics.iter().map(|t| t.len() + 2).sum();
    // A bound on what one loan can take, so a log of thousands of entries costs no more memory
    // than a few screens' worth of cells a row.
    let height = (usize::from(detail_h) + advice_h).min(MAX_ROWS) as u16;
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height.max(1)));
    detail::draw(
        app,
        fitted,
        Rect::new(0, 0, width, detail_h),
        &mut buf,
        theme,
    );
    let mut y = detail_h;
    for rows in topics {
        if y >= height {
            break;
        }
        let h = (rows.len() + 2).min(MAX_ROWS) as u16;
        let area = Rect::new(0, y, width, h.min(height.saturating_sub(y)));
        let block = panel("", theme);
        let inner = block.inner(area);
        block.render(area, &mut buf);
        ratatui::widgets::Paragraph::new(rows).render(inner, &mut buf);
        y += h;
    }
    buf
}

pub fn render(
    app: &App,
    m: &mut Measured,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let doc = document(app, area.width, theme);
    let total = usize::from(doc.area.height);
    let h = usize::from(area.height);
    let max = total.saturating_sub(h);
    m.doc_max_scroll = max;
    let top = scroll.min(max);
    for row in 0..h.min(total - top) {
        for x in 0..area.width {
            let cell = doc[(x, (top + row) as u16)].clone();
            buf[(area.x + x, area.y + row as u16)] = cell;
        }
    }
    // Where there is more: on the last row's right, and the first row's when scrolled.
    let mark = |buf: &mut Buffer, y: u16, text: &str| {
        let w = unicode_width::UnicodeWidthStr::width(text) as u16;
        if area.width > w + 3 {
            let x = area.x + area.width - w - 2;
            // A wide character cut in half by the mark goes whole.
            let before = &mut buf[(x - 1, y)];
            if unicode_width::UnicodeWidthStr::width(before.symbol()) > 1 {
                before.set_symbol(" ");
            }
            buf.set_string(x, y, text, theme.accent());
        }
    };
    if top < max {
        mark(
            buf,
            area.y + area.height - 1,
            lt::more_below().get(app.lang),
        );
    }
    if top > 0 {
        mark(buf, area.y, lt::more_above().get(app.lang));
    }
}

/// On the main screen: when the detail pane leaves something of the loan out (a tighter level
/// than the fullest, or rows cut), `f ↓ more` on its bottom border says where the rest is.
pub fn mark_cut(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    if app.selected_entry().is_none() || area.height < 3 {
        return;
    }
    let full = detail::fit(app, area.width, MAX_ROWS as u16, MAX_ROWS as u16, theme).height;
    if full <= area.height {
        return;
    }
    let said = lt::more_in_full();
    let text = said.get(app.lang);
    let w = unicode_width::UnicodeWidthStr::width(text) as u16;
    if area.width > w + 4 {
        let x = area.x + area.width - w - 2;
        let y = area.y + area.height - 1;
        buf.set_string(x, y, text, theme.accent());
    }
}
