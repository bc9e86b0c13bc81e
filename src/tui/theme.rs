//! The dashboard's look, shared by every view: the styles (`Theme`, which respects NO_COLOR),
//! the status marks, the panel frame, and the small layout helpers the views all use. It sits
//! below the views so that none of them imports `views/mod.rs`, which draws them.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use rust_decimal::Decimal;

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
            LoanStatus::PaidOff => self.dim(),
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
        LoanStatus::PaidOff => "✓",
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
