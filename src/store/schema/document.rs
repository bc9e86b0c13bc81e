//! The TOML parse under the walk: fast, with the slow parser's messages and places on failure.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::super::diag::{Diagnostic, LineIndex};
use crate::i18n::phrases as ph;

/// A parsed value with where it sits in the source.
pub(super) type Node<'i> = Spanned<DeValue<'i>>;

/// Parse with `toml`'s borrowing parser, much faster than `toml_edit`'s document. Its errors and
/// its number checks differ from `toml_edit`'s, so any failure is reported by re-parsing with
/// `toml_edit`, keeping every syntax message and position as users have seen them.
pub(super) fn parse_toml<'i>(
    src: &'i str,
    idx: &LineIndex,
) -> Result<Spanned<DeTable<'i>>, Vec<Diagnostic>> {
    let fallback = || match toml_edit::Document::parse(src) {
        Err(e) => vec![syntax_error(idx, &e)],
        // Not reached for any input known: both parsers share toml_parser's grammar.
        Ok(_) => vec![idx.diagnostic(None, "", ph::toml_syntax(None))],
    };
    match DeTable::parse(src) {
        Ok(doc) if doc.get_ref().values().all(numbers_fit) => Ok(doc),
        _ => Err(fallback()),
    }
}

/// `toml_edit` rejects integers beyond i64 and finite-looking floats that overflow; the borrowing
/// parser keeps their text, so they are looked for here.
fn numbers_fit(v: &Node) -> bool {
    match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).is_ok(),
        DeValue::Float(f) => {
            let t = f.as_str();
            match t.parse::<f64>() {
                Ok(x) => {
                    !x.is_infinite()
                        || t.strip_prefix(['+', '-'])
                            .unwrap_or(t)
                            .chars()
                            .all(|c| c.is_ascii_alphabetic())
                }
                Err(_) => false,
            }
        }
        DeValue::Array(a) => a.iter().all(numbers_fit),
        DeValue::Table(t) => t.values().all(numbers_fit),
        _ => true,
    }
}

fn syntax_error(idx: &LineIndex, e: &toml_edit::TomlError) -> Diagnostic {
    let msg = e.message().trim().replace('\n', " ");
    let spanless = |t: &str| matches!(toml_edit::Document::parse(t), Err(e) if e.span().is_none());
    let span = e
        .span()
        .or_else(|| idx.first_failing_line(spanless).map(|at| at..at));
    idx.diagnostic(span, "", ph::toml_syntax(Some(&msg)))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_syntax_error_has_its_place() {
        let d = refused("[settings]\nlang == \"en\"\n");
        assert_eq!((d.len(), d[0].line), (1, 2));
        assert!(d[0].col > 0);
        // An integer beyond i64 is refused as the slower parser refuses it, with its place.
        let d = refused("[settings]\nalert_days = 99999999999999999999\n");
        assert_eq!((d.len(), d[0].line, d[0].col), (1, 2, 14));
    }
}
