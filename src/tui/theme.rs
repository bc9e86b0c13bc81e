//! The dashboard's look, shared by every view: the styles (`Theme`, which respects NO_COLOR),
//! the status marks, the panel frame, and the small layout helpers the views all use. It sits
//! below the views so that none of them imports `views/mod.rs`, which draws them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use crate::engine::LoanStatus;
use crate::money::grouped;

/// Styles that respect NO_COLOR: without colour, modifiers and markers still carry the meaning.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn status(self, s: LoanStatus) -> Style {
        match s {
            LoanStatus::Overdue => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            LoanStatus::DueSoon => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            LoanStatus::Current => self.fg(Color::Green),
            LoanStatus::PaidOff | LoanStatus::NotDrawn | LoanStatus::Settled => self.dim(),
            LoanStatus::InAgreement => self.fg(Color::Cyan),
        }
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new().bg(Color::Rgb(40, 44, 52))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn border(self) -> Style {
        self.dim()
    }
}

/// A marker that keeps the status readable without colour.
pub fn status_mark(s: LoanStatus) -> &'static str {
    match s {
        LoanStatus::Overdue => "!",
        LoanStatus::DueSoon => "*",
        LoanStatus::Current => "·",
        LoanStatus::PaidOff | LoanStatus::Settled => "✓",
        LoanStatus::InAgreement => "~",
        LoanStatus::NotDrawn => "○",
    }
}

pub fn money(cur: &str, d: Decimal) -> String {
    format!("{cur}{}", grouped(d))
}

/// An overlay's title, ` text `, cut with `…` to fit a panel `width` columns wide (its corners
/// and a rule cell either side take four). The keys are in the footer, so a title never needs
/// more than what it names.
pub fn title_fit(text: &str, width: u16) -> String {
    let room = (width as usize).saturating_sub(6);
    format!(" {} ", crate::text::truncate(text, room))
}

pub fn panel<'a>(title: impl Into<Line<'a>>, theme: Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .title(title)
}

/// Lay chunks out left to right, two spaces apart, starting a new line when one would not fit.
pub fn flow(chunks: Vec<Vec<Span<'_>>>, width: usize) -> Vec<Line<'_>> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut cur: Vec<Span> = Vec::new();
    let mut used = 0;
    for chunk in chunks {
        let w: usize = chunk.iter().map(|s| s.content.width()).sum();
        if used > 0 && used + 2 + w > width {
            lines.push(Line::from(std::mem::take(&mut cur)));
            used = 0;
        }
        if used > 0 {
            cur.push(Span::raw("  "));
            used += 2;
        }
        cur.extend(chunk);
        used += w;
    }
    if !cur.is_empty() {
        lines.push(Line::from(cur));
    }
    lines
}

/// `line` cut to `width` display columns, its styles kept, ending with "…" when cut: a line never
/// runs past its area unmarked.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let mut used = 0;
    let mut spans: Vec<Span> = Vec::new();
    let room = width.saturating_sub(1);
    for span in line.spans {
        let w = span.content.width();
        if used + w <= room {
            used += w;
            spans.push(span);
            continue;
        }
        let mut cut = String::new();
        for ch in span.content.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if used + cw > room {
                break;
            }
            cut.push(ch);
            used += cw;
        }
        cut.push('…');
        spans.push(Span::styled(cut, span.style));
        break;
    }
    if width > 0 && !spans.iter().any(|s| s.content.ends_with('…')) {
        spans.push(Span::raw("…"));
    }
    Line::from(spans).style(line.style)
}

/// A pane's title cut to fit between its corners with a rule cell left before the right one, so
/// it never runs into the corner ("· 携程金╮").
pub fn fit_title(line: Line<'_>, pane_width: u16) -> Line<'_> {
    fit_line(line, usize::from(pane_width).saturating_sub(3))
}

/// Draw `p` (which wraps) inside `inner` only: ratatui's wrapping can leave a line one column
/// wider than its area (a wide character at the edge), which would cover the pane's border. It
/// is drawn on a scratch buffer a little wider; what spills past the edge is not copied, and
/// the row's last cell says "…" instead.
pub fn render_clipped(p: Paragraph<'_>, inner: Rect, buf: &mut Buffer) {
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let wide = Rect::new(
        inner.x,
        inner.y,
        inner.width.saturating_add(4),
        inner.height,
    );
    let mut scratch = Buffer::empty(wide);
    p.render(inner, &mut scratch);
    let last = inner.right() - 1;
    for y in inner.top()..inner.bottom() {
        for x in inner.left()..inner.right() {
            buf[(x, y)] = scratch[(x, y)].clone();
        }
        let spilled = (inner.right()..wide.right()).any(|x| scratch[(x, y)].symbol() != " ");
        // A wide character whose second half is past the edge is cut too.
        let split = scratch[(last, y)].symbol().width() > 1;
        if spilled || split {
            let style = scratch[(last, y)].style();
            buf[(last, y)].set_symbol("…").set_style(style);
        }
    }
}
