//! Text from the user's file on its way to a terminal: control characters (C0 but newline and
//! tab, DEL, and C1 such as U+009B, the one-byte CSI) are replaced by U+FFFD, so no name, note or
//! contact can move the cursor, retitle the window or clear the screen. Characters that change
//! how the text around them is shown without showing themselves (bidi overrides and isolates, a
//! name that displays reversed; zero-width characters, a name that hides text or looks like
//! another) are taken out. The file keeps them all. The one place this is done for every
//! non-JSON output and the dashboard (`tui::scrub`); JSON escapes the same characters
//! (`report::json`).

use std::borrow::Cow;

/// A character a terminal could act on rather than show.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// A character that changes how the text around it is shown, or hides, without showing itself:
/// bidi embeddings, overrides, isolates and marks, zero-width spaces and joiners, the word
/// joiner and invisible operators, the zero-width no-break space.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) || is_invisible(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bells_and_csi_are_replaced_lines_kept() {
        let s = "a\u{1b}]0;X\u{7}\u{1b}[2J\u{9b}1m\u{7f}\r\nb\tc";
        assert_eq!(
            clean(s),
            "a\u{fffd}]0;X\u{fffd}\u{fffd}[2J\u{fffd}1m\u{fffd}\u{fffd}\nb\tc"
        );
        assert!(matches!(clean("携程 ok\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_taken_out() {
        // "张三" written with a right-to-left override would show as "三张"; a zero-width space
        // makes "李四" look like "李四" while being another name.
        let s =
            "\u{202E}张三\u{202C} 李\u{200B}四 \u{2066}x\u{2069}\u{200D}\u{FEFF}\u{2067}\u{202A}";
        assert_eq!(clean(s), "张三 李四 x");
        for c in [
            '\u{202B}', '\u{202D}', '\u{2068}', '\u{200C}', '\u{200E}', '\u{200F}', '\u{2060}',
        ] {
            assert_eq!(clean(&format!("a{c}b")), "ab", "{:04X}", c as u32);
        }
    }
}
