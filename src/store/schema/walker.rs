//! The walk over a parsed file: where it is (`KeyPath`, `Tab`), what it found wrong, and the
//! tables a key holds, however they were written.

use std::fmt;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::super::diag::{Diagnostic, LineIndex};
use super::document::Node;
use super::known::nearest;
use crate::i18n::{Text, phrases as ph, phrases::Need};

pub(super) struct Walker<'a> {
    pub(super) src: &'a str,
    pub(super) idx: &'a LineIndex<'a>,
    pub(super) errors: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
    /// Warn about keys no table knows (the user's file; not the built-in asset).
    pub(super) check_unknown: bool,
}

/// A key's dotted path, such as `loan[2].payments[1]`, kept as borrowed pieces and rendered only
/// when a problem is reported: building it for every table cost 10,000-loan files dearly.
#[derive(Clone, Copy)]
pub(super) struct KeyPath<'p> {
    pub(super) parent: Option<&'p KeyPath<'p>>,
    pub(super) key: &'p str,
    /// 1-based position in an array of tables.
    pub(super) index: Option<usize>,
}

impl<'p> KeyPath<'p> {
    pub(super) fn root(key: &'p str) -> Self {
        KeyPath {
            parent: None,
            key,
            index: None,
        }
    }

    pub(super) fn child(&'p self, key: &'p str) -> Self {
        KeyPath {
            parent: Some(self),
            key,
            index: None,
        }
    }
}

impl fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.parent {
            write!(f, "{p}.")?;
        }
        f.write_str(self.key)?;
        match self.index {
            Some(i) => write!(f, "[{i}]"),
            None => Ok(()),
        }
    }
}

/// A table or inline table with the span of where it starts, so a missing key can point at it.
pub(super) struct Tab<'t, 'p> {
    pub(super) t: &'t DeTable<'t>,
    pub(super) span: Option<Range<usize>>,
    pub(super) path: KeyPath<'p>,
}

pub(super) fn item_span(item: &Node) -> Option<Range<usize>> {
    Some(item.span())
}

impl Walker<'_> {
    pub(super) fn err(&mut self, span: Option<Range<usize>>, key: &str, msg: Text) {
        let d = self.idx.diagnostic(span, key, msg);
        self.errors.push(d);
    }

    pub(super) fn warn(&mut self, span: Option<Range<usize>>, key: &str, msg: Text) {
        let d = self.idx.diagnostic(span, key, msg);
        self.warnings.push(d);
    }

    /// Warn about every key of `t` that is not in `known`, at the key's own position.
    pub(super) fn unknown_keys(&mut self, t: &DeTable, path: &dyn fmt::Display, known: &[&str]) {
        for (key, _) in t.iter() {
            let k: &str = key.get_ref();
            if self.check_unknown && !known.contains(&k) {
                let p = path.to_string();
                let full = if p.is_empty() {
                    k.to_string()
                } else {
                    format!("{p}.{k}")
                };
                self.warn(
                    Some(key.span()),
                    &full,
                    ph::unknown_key(k, nearest(k, known)),
                );
            }
        }
    }

    /// A table's start, pointing at column 1 of its header line.
    pub(super) fn header_span(&self, span: Option<Range<usize>>) -> Option<Range<usize>> {
        span.map(|s| {
            let start = self.src[..s.start.min(self.src.len())]
                .rfind('\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            start..start
        })
    }

    pub(super) fn missing(&mut self, tab: &Tab, key: &str, why: Need) {
        let span = self.header_span(tab.span.clone());
        self.err(
            span,
            &format!("{}.{key}", tab.path),
            ph::missing(key, &ph::need(why)),
        );
    }

    pub(super) fn missing_text(&mut self, tab: &Tab, key: &str, why: Text) {
        let span = self.header_span(tab.span.clone());
        self.err(span, &format!("{}.{key}", tab.path), ph::missing(key, &why));
    }

    /// Whether a value was written as `[table]`/`[[table]]` or through dotted keys, rather than
    /// inline after `key =`: the parser keeps no such flag, but the source tells. A header opens
    /// its line; an inline table starts with `{`; an implicit table's span is its key's.
    pub(super) fn is_written_table(&self, v: &Node) -> bool {
        let span = v.span();
        match v.get_ref() {
            DeValue::Table(_) => self.src.as_bytes().get(span.start) != Some(&b'{'),
            DeValue::Array(_) => {
                let before = &self.src[..span.start.min(self.src.len())];
                let line = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
                line.trim().is_empty()
            }
            _ => false,
        }
    }

    /// The elements of an array of tables, or of an array of inline tables.
    pub(super) fn tables<'t, 'p>(
        &mut self,
        item: &'t Node<'t>,
        path: &'p KeyPath<'p>,
    ) -> Vec<Tab<'t, 'p>> {
        match item.get_ref() {
            DeValue::Array(arr) if self.is_written_table(item) => arr
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    t.get_ref().as_table().map(|tt| Tab {
                        t: tt,
                        span: Some(t.span()),
                        path: KeyPath {
                            index: Some(i + 1),
                            ..*path
                        },
                    })
                })
                .collect(),
            DeValue::Array(arr) => {
                let mut out = vec![];
                for (i, v) in arr.iter().enumerate() {
                    match v.get_ref() {
                        DeValue::Table(t) if !self.is_written_table(v) => out.push(Tab {
                            t,
                            span: Some(v.span()),
                            path: KeyPath {
                                index: Some(i + 1),
                                ..*path
                            },
                        }),
                        _ => self.err(
                            Some(v.span()),
                            &path.to_string(),
                            ph::must_hold_tables(&path.to_string()),
                        ),
                    }
                }
                out
            }
            DeValue::Table(t) if self.is_written_table(item) => vec![Tab {
                t,
                span: Some(item.span()),
                path: *path,
            }],
            _ => {
                self.err(
                    Some(item.span()),
                    &path.to_string(),
                    ph::must_be_array_of_tables(&path.to_string()),
                );
                vec![]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn loans_must_be_tables_however_written() {
        assert_eq!(problems("loan = 5\n"), [at(1, 8, "loan")]);
        assert_eq!(
            problems("loan = [1, { id = \"a\", amount_due = 1, due_date = 2026-01-01 }]\n"),
            [at(1, 9, "loan")]
        );
        // Inline and written as tables, the loans are the same.
        let (p, _) = accepted("loan = [{ id = \"a\", amount_due = 1, due_date = 2026-01-01 }]\n");
        assert_eq!(p.loans[0].id, "a");
    }

    #[test]
    fn an_unknown_key_is_a_warning_at_the_key() {
        let src = "[[loan]]\nid = \"a\"\namount_due = 1\ndue_date = 2026-01-01\n  principle = 5\n\n[mystery]\n";
        let (p, w) = accepted(src);
        assert_eq!(p.loans.len(), 1);
        assert_eq!(w, [at(5, 3, "loan[1].principle"), at(7, 2, "mystery")]);
    }

    #[test]
    fn a_key_written_as_a_table_is_not_a_value() {
        let src = "[[loan]]\nid = \"a\"\namount_due = 1\ndue_date = 2026-01-01\n\n[loan.name]\nfirst = \"x\"\n";
        assert_eq!(problems(src), [at(6, 1, "loan[1].name")]);
    }
}
