//! Plain-text tables padded by display width, so CJK columns line up.

use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Pad `s` to `width` display columns.
pub fn pad(s: &str, width: usize, align: Align) -> String {
    let fill = width.saturating_sub(s.width());
    match align {
        Align::Left => format!("{s}{}", " ".repeat(fill)),
        Align::Right => format!("{}{s}", " ".repeat(fill)),
    }
}

/// Cut `s` to at most `width` display columns, ending with "…" when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

pub fn render(header: &[&str], aligns: &[Align], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths[i], aligns.get(i).copied().unwrap_or(Align::Left)))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(|s| s.as_str())
            .collect(),
    ));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.iter().map(|s| s.as_str()).collect()));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_cjk_by_display_width() {
        assert_eq!(pad("携程", 6, Align::Left), "携程  ");
        assert_eq!(pad("ab", 4, Align::Right), "  ab");
        assert_eq!(truncate("携程借去花", 7), "携程借…");
        assert_eq!(truncate("携程", 4), "携程");
    }

    #[test]
    fn columns_line_up_with_cjk() {
        let t = render(
            &["name", "amt"],
            &[Align::Left, Align::Right],
            &[
                vec!["携程借去花".into(), "1.00".into()],
                vec!["abc".into(), "10.00".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[2].width(), lines[3].width());
    }
}
