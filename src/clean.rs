//! Text from the user's file on its way to a terminal: control characters (C0 but newline and
//! tab, DEL, and C1 such as U+009B, the one-byte CSI) are replaced by U+FFFD, so no name, note or
//! contact can move the cursor, retitle the window or clear the screen. The one place this is
//! done for every non-JSON output; JSON escapes them itself.

use std::borrow::Cow;

/// A character a terminal could act on rather than show.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
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
}
