//! A sentence in both languages, made by the catalogue where the problem is found and shown
//! once the reader's language is known (the loans file is checked before its `lang` is read).

use std::fmt;

use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text each language makes for itself (a catalogue's sentence filled in that language).
    pub fn by_lang(make: impl Fn(Lang) -> String) -> Text {
        Text::new(make(Lang::Zh), make(Lang::En))
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `self` then `other`, each language with its own separator.
    pub fn join(&self, zh_sep: &str, en_sep: &str, other: &Text) -> Text {
        Text {
            zh: format!("{}{zh_sep}{}", self.zh, other.zh),
            en: format!("{}{en_sep}{}", self.en, other.en),
        }
    }

    /// Whether either language contains `needle`: for tests and callers that look for a word.
    pub fn contains(&self, needle: &str) -> bool {
        self.zh.contains(needle) || self.en.contains(needle)
    }
}

/// English: logs, `{e}` in tests, and anything that has no reader's language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}
