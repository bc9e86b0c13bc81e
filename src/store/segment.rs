//! The fast way to edit one loan: only that loan's part of the file goes through `toml_edit`,
//! whose full-document parse and print cost as much as two plain parses of a large file. The
//! part runs from the loan's `[[loan]]` line to the next line that opens a table other than the
//! loan's own (`[[loan.payments]]` and the like). Whatever this cannot find for certain, it
//! leaves to the whole-document edit; the result is checked the same way in both cases.

use std::ops::Range;

/// A table header on a line of its own: `[name]` or `[[name]]`, then at most a comment.
fn header(line: &str) -> Option<(&str, bool)> {
    let t = line.trim_start();
    let (inner, aot) = if let Some(rest) = t.strip_prefix("[[") {
        (rest.split_once("]]")?, true)
    } else {
        (t.strip_prefix('[')?.split_once(']')?, false)
    };
    let (name, after) = inner;
    let after = after.trim();
    if !(after.is_empty() || after.starts_with('#')) {
        return None;
    }
    let name = name.trim();
    // Bare dotted keys only: anything else (an array of arrays on its own line, a quoted key)
    // is left to the whole-document edit.
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    bare.then_some((name, aot))
}

/// Whether `line` is `id = "ID"` (or with single quotes), a comment allowed after it.
fn is_id_line(line: &str, id: &str) -> bool {
    let Some(rest) = line.trim_start().strip_prefix("id") else {
        return false;
    };
    let Some(value) = rest.trim_start().strip_prefix('=') else {
        return false;
    };
    let value = value.trim_start();
    let quoted = |q: char| {
        value
            .strip_prefix(q)
            .and_then(|v| v.strip_prefix(id))
            .and_then(|v| v.strip_prefix(q))
            .is_some_and(|after| {
                let after = after.trim();
                after.is_empty() || after.starts_with('#')
            })
    };
    quoted('"') || quoted('\'')
}

/// The byte range of loan `id`'s part of `text`, when exactly one `[[loan]]` part has that id
/// among its own keys and no multi-line string could hide a line that looks like a header.
pub fn loan_range(text: &str, id: &str) -> Option<Range<usize>> {
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut found: Option<Range<usize>> = None;
    // The loan being read: its start, whether its id was seen, whether a sub-table began.
    let mut current: Option<(usize, bool, bool)> = None;
    let mut offset = 0;
    let close = |found: &mut Option<Range<usize>>, cur: Option<(usize, bool, bool)>, end| {
        if let Some((start, true, _)) = cur {
            if found.is_some() {
                return false;
            }
            *found = Some(start..end);
        }
        true
    };
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        match header(line) {
            Some((name, _)) if name.starts_with("loan.") => {
                if let Some(c) = current.as_mut() {
                    c.2 = true;
                }
            }
            Some((name, aot)) => {
                if !close(&mut found, current.take(), start) {
                    return None;
                }
                if name == "loan" {
                    if !aot {
                        return None;
                    }
                    current = Some((start, false, false));
                }
            }
            None => {
                if let Some(c) = current.as_mut()
                    && !c.2
                    && is_id_line(line, id)
                {
                    if c.1 {
                        return None;
                    }
                    c.1 = true;
                }
            }
        }
    }
    if !close(&mut found, current, text.len()) {
        return None;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "[settings]\nlang = \"zh\"\n\n[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-01-01\namount = 1\n# about b\n\n[[loan]]\nid = 'b' # second\naliases = [\n  [1, 2],\n]\n[platforms.x]\nname = \"x\"\n";

    #[test]
    fn finds_the_loans_own_part() -> Result<(), &'static str> {
        let a = loan_range(SRC, "a").ok_or("loan a's part")?;
        assert_eq!(
            &SRC[a],
            "[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-01-01\namount = 1\n# about b\n\n"
        );
        let b = loan_range(SRC, "b").ok_or("loan b's part")?;
        assert_eq!(
            &SRC[b],
            "[[loan]]\nid = 'b' # second\naliases = [\n  [1, 2],\n]\n"
        );
        assert_eq!(loan_range(SRC, "c"), None);
        Ok(())
    }

    #[test]
    fn leaves_what_it_cannot_be_sure_of() {
        // Two loans with one id, a multi-line string, an id inside a payment only.
        assert_eq!(
            loan_range("[[loan]]\nid = \"a\"\n[[loan]]\nid = \"a\"\n", "a"),
            None
        );
        assert_eq!(
            loan_range("[[loan]]\nid = \"a\"\nname = \"\"\"\n[x]\n\"\"\"\n", "a"),
            None
        );
        assert_eq!(
            loan_range("[[loan]]\nid = \"b\"\n[[loan.log]]\nid = \"a\"\n", "a"),
            None
        );
        assert_eq!(loan_range("[loan]\nid = \"a\"\n", "a"), None);
    }
}
