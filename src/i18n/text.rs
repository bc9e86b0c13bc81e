//! A sentence in every registered language, made by the catalogue where the problem is found and
//! shown once the reader's language is known (the loans file is checked before its `lang` is
//! read).

use std::fmt;

use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// One text a registered language, in the order of `catalogue::CATALOGUES`.
    by_lang: Vec<String>,
}

impl Text {
    /// The text each language makes for itself (a catalogue's sentence filled in that language).
    pub fn by_lang(make: impl Fn(Lang) -> String) -> Text {
        Text {
            by_lang: Lang::all().map(make).collect(),
        }
    }

    /// The same text in every language: a name, a path, a message from a library.
    pub fn same(text: impl Into<String>) -> Text {
        let text = text.into();
        Text::by_lang(|_| text.clone())
    }

    pub fn get(&self, lang: Lang) -> &str {
        self.by_lang
            .get(lang.index())
            .or_else(|| self.by_lang.get(Lang::En.index()))
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// `self` then `other`, with `sep` between them, in each language.
    pub fn join(&self, sep: &str, other: &Text) -> Text {
        Text::by_lang(|lang| format!("{}{sep}{}", self.get(lang), other.get(lang)))
    }

    /// Whether any language contains `needle`: for tests and callers that look for a word.
    pub fn contains(&self, needle: &str) -> bool {
        self.by_lang.iter().any(|t| t.contains(needle))
    }
}

/// English: logs, `{e}` in tests, and anything that has no reader's language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get(Lang::En))
    }
}
