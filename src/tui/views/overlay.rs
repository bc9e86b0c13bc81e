//! Clearing the cells under an overlay (help, forms, the cash prompt). `Clear` alone leaves a
//! wide character just left of the overlay whose second half the overlay's border now covers:
//! the terminal then draws the character over the border (ratatui skips the cell after a wide
//! one), and the box loses its left edge on rows with Chinese beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Clear `area`, and blank any wide character that straddles its left edge.
pub fn clear(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    Clear.render(area, buf);
    if area.x <= buf.area.x {
        return;
    }
    for y in area.top()..area.bottom() {
        let left = &mut buf[(area.x - 1, y)];
        if left.symbol().width() > 1 {
            left.set_symbol(" ");
        }
    }
}

/// Cells that hold a wide character followed by anything but a blank: the terminal would draw
/// the character over that cell. A well-formed buffer has none.
pub fn straddling(buf: &Buffer) -> Vec<(u16, u16)> {
    let a = buf.area;
    let mut out = Vec::new();
    for y in a.top()..a.bottom() {
        for x in a.left()..a.right().saturating_sub(1) {
            if buf[(x, y)].symbol().width() > 1 && buf[(x + 1, y)].symbol() != " " {
                out.push((x, y));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_character_under_the_left_edge_is_blanked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "借呗", ratatui::style::Style::new());
        // An overlay from column 1 would cut 借 in half.
        clear(Rect::new(1, 0, 4, 1), &mut buf);
        buf.set_string(1, 0, "│", ratatui::style::Style::new());
        assert_eq!(buf[(0, 0)].symbol(), " ");
        assert!(straddling(&buf).is_empty());
    }
}
