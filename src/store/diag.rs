//! Problems found in a file, each with the place it was found.

use std::fmt;
use std::ops::Range;

use crate::i18n::Text;
use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based; 0 when the problem has no place in the file (then `key` says where).
    pub line: usize,
    /// 1-based, counted in characters; 0 when unknown.
    pub col: usize,
    /// The key's dotted path, such as `loan[2].principal`.
    pub key: String,
    /// What is wrong, in both languages (from `i18n::phrases`).
    pub message: Text,
}

impl Diagnostic {
    /// `path:line:col: message` in English; see `render_in`.
    pub fn render(&self, path: &str) -> String {
        self.render_in(path, Lang::En)
    }

    /// `render_in` for both languages.
    pub fn text(&self, path: &str) -> Text {
        Text::by_lang(|lang| self.render_in(path, lang))
    }

    /// `path:line:col: message`, or `path: key: message` where no position exists.
    pub fn render_in(&self, path: &str, lang: Lang) -> String {
        let message = self.message.get(lang);
        match (self.line, self.col) {
            (0, _) if self.key.is_empty() => format!("{path}: {message}"),
            (0, _) => format!("{path}: {}: {message}", self.key),
            (l, 0) => format!("{path}:{l}: {message}"),
            (l, c) => format!("{path}:{l}:{c}: {message}"),
        }
    }
}

/// `head:` then one `path:line:col: problem` per line, in each language.
pub fn with_problems(head: &Text, diags: &[Diagnostic], path: &str) -> Text {
    let in_lang = |lang: Lang| {
        let listed = diags
            .iter()
            .map(|d| d.render_in(path, lang))
            .collect::<Vec<_>>()
            .join("\n");
        lang.trf(
            "store.problems.listed",
            &[("head", &head.get(lang)), ("list", &listed)],
        )
    };
    Text::by_lang(in_lang)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("<file>"))
    }
}

/// Byte offsets to 1-based line and character column.
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { src, starts }
    }

    /// Where the first line lies from which on `fails(prefix)` holds for the text up to the end
    /// of that line: for an error the parser gives without a place (its recursion limit, hit by
    /// a dotted key of 120 parts), the line that brings it on, at its first non-blank
    /// character. Found by halving, so a few parses of prefixes; `None` when even the whole text
    /// does not fail so.
    pub fn first_failing_line(&self, fails: impl Fn(&str) -> bool) -> Option<usize> {
        let end_of = |line: usize| self.starts.get(line + 1).copied().unwrap_or(self.src.len());
        let n = self.starts.len();
        if !fails(self.src) {
            return None;
        }
        let (mut lo, mut hi) = (0, n - 1);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if fails(&self.src[..end_of(mid)]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let start = self.starts[lo];
        let line = &self.src[start..end_of(lo)];
        Some(start + (line.len() - line.trim_start().len()))
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .src
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line, col + 1)
    }

    pub fn diagnostic(&self, span: Option<Range<usize>>, key: &str, message: Text) -> Diagnostic {
        let (line, col) = span.map(|s| self.position(s.start)).unwrap_or((0, 0));
        Diagnostic {
            line,
            col,
            key: key.to_string(),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = "a = 1\nname = \"携程\" x\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(6), (2, 1));
        // "x" is byte 22 (携 and 程 take three bytes each) but the 13th character of line 2.
        assert_eq!(src.find('x'), Some(22));
        assert_eq!(idx.position(22), (2, 13));
    }

    #[test]
    fn renders_with_and_without_position() {
        let d = Diagnostic {
            line: 3,
            col: 13,
            key: "loan[1].principal".into(),
            message: Text::by_lang(|l| l.t("必须大于 0", "must be above zero").to_string()),
        };
        assert_eq!(d.render("f.toml"), "f.toml:3:13: must be above zero");
        assert_eq!(d.render_in("f.toml", Lang::Zh), "f.toml:3:13: 必须大于 0");
        let d = Diagnostic {
            line: 0,
            col: 0,
            ..d
        };
        assert_eq!(
            d.render("f.toml"),
            "f.toml: loan[1].principal: must be above zero"
        );
    }
}
