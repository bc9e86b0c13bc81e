//! Plain-text tables padded by display width, so CJK columns line up.

pub use crate::text::{Align, pad, render, truncate};

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

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
