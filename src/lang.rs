//! The interface language. A leaf: every layer may name it, and it names nothing of theirs.
//! The language travels in the caller's state (an argument, the app model), never in a
//! process-wide global.
//!
//! A language is its place in the list of registered catalogues (`i18n::catalogue::CATALOGUES`),
//! so a new one is a catalogue file and one line there, with no variant here. What a language is
//! called, its other names and the locales it answers to are in its catalogue (`[language]`),
//! read by `i18n` (`Lang::key`, `Lang::from_key`, `Lang::from_locale`, `Lang::all`).

/// One registered language: the reference (Chinese) is the first, English the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Lang(u8);

#[allow(non_upper_case_globals)]
impl Lang {
    /// 简体中文: the reference catalogue, and the default.
    pub const Zh: Lang = Lang(0);
    /// English: the language of `--help`'s doc comments and of logs.
    pub const En: Lang = Lang(1);

    /// The language registered at `index` (`i18n` alone knows how many there are).
    pub const fn at(index: usize) -> Lang {
        Lang(index as u8)
    }

    /// Its place among the registered languages.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// Of two texts from a data file that holds only Chinese and English (a platform's notes):
    /// the Chinese for Chinese, the English for every other language.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        if self == Lang::Zh { zh } else { en }
    }
}
