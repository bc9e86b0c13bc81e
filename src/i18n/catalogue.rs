//! Every word as data: one catalogue per language (`assets/i18n/<key>.toml`), embedded and
//! parsed once into a map from a dotted key (`list.overdue_days`) to its text. Placeholders are
//! filled by name (`{name}`, `{name:?}` for the value quoted as Rust quotes a string, `{name:02}`
//! for zeros in front), so a sentence can put its values where its own grammar wants them; a
//! brace around anything else (`{ date = … }`) is kept as written.
//!
//! A language is one catalogue file and one line in `CATALOGUES`. A broken catalogue is a
//! broken build, never the reader's doing: the tests name the file and the key, and at run time a
//! key that is missing shows as itself rather than stopping the program.

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

use super::Text;
use crate::lang::Lang;

/// One registered catalogue: the language's key (`Lang::key`), the file, its text.
macro_rules! catalogue {
    ($key:literal) => {
        (
            $key,
            concat!("assets/i18n/", $key, ".toml"),
            include_str!(concat!("../../assets/i18n/", $key, ".toml")),
        )
    };
}

/// The registered catalogues, one line a language. The first is the reference every other one
/// must match key for key; its place in this list is the language (`Lang::at`).
pub const CATALOGUES: &[(&str, &str, &str)] = &[catalogue!("zh"), catalogue!("en")];

/// One language's words, by dotted key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    words: HashMap<String, String>,
}

/// Why a catalogue cannot be used, in English for whoever builds repaydash, each line naming
/// the file and the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.join("\n"))]
pub struct CatalogueError(pub Vec<String>);

impl Catalogue {
    /// Read one catalogue: nested tables of strings, flattened to dotted keys.
    pub fn parse(src: &str, path: &str) -> Result<Catalogue, CatalogueError> {
        let table: toml::Table =
            toml::from_str(src).map_err(|e| CatalogueError(vec![format!("{path}: {e}")]))?;
        let mut words = HashMap::new();
        let mut problems = vec![];
        flatten(&table, "", &mut words, &mut problems, path);
        if problems.is_empty() {
            Ok(Catalogue { words })
        } else {
            Err(CatalogueError(problems))
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.words.get(key).map(String::as_str)
    }

    /// Every key, sorted (for tests and for checking one catalogue against another).
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.words.keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }

    /// This catalogue (`path`) against the reference: every key the reference has, no key it
    /// lacks, and the same placeholders in each text.
    pub fn check_against(&self, reference: &Catalogue, path: &str) -> Result<(), CatalogueError> {
        let mut problems = vec![];
        for key in reference.keys() {
            match self.get(key) {
                None => problems.push(format!("{path}: missing key `{key}`")),
                Some(text) => {
                    let mut want = placeholders(reference.get(key).unwrap_or_default());
                    let mut have = placeholders(text);
                    // A singular may say "one" in words ("the oldest installment") where
                    // another language writes the count: its `{n}` may go unsaid.
                    if key.ends_with(".one") {
                        want.retain(|p| *p != "n");
                        have.retain(|p| *p != "n");
                    }
                    want.sort_unstable();
                    want.dedup();
                    have.sort_unstable();
                    have.dedup();
                    if want != have {
                        problems.push(format!(
                            "{path}: `{key}` has placeholders {have:?}, the reference {want:?}"
                        ));
                    }
                }
            }
        }
        for key in self.keys() {
            if reference.get(key).is_none() {
                problems.push(format!("{path}: key `{key}` is in no reference catalogue"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CatalogueError(problems))
        }
    }
}

fn flatten(
    table: &toml::Table,
    prefix: &str,
    out: &mut HashMap<String, String>,
    problems: &mut Vec<String>,
    path: &str,
) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten(t, &key, out, problems, path),
            _ => problems.push(format!("{path}: `{key}` must be text or a table")),
        }
    }
}

/// Every registered catalogue, parsed and checked once; a broken one reads as empty (its keys
/// show as themselves) and the tests say why.
fn loaded() -> &'static [(&'static str, Catalogue)] {
    static ALL: OnceLock<Vec<(&'static str, Catalogue)>> = OnceLock::new();
    ALL.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|(key, path, src)| (*key, Catalogue::parse(src, path).unwrap_or_default()))
            .collect()
    })
}

/// The checked catalogues, or every problem found (the tests' view of `CATALOGUES`).
pub fn check_all() -> Result<(), CatalogueError> {
    let mut problems = vec![];
    let mut parsed = vec![];
    for (_, path, src) in CATALOGUES {
        match Catalogue::parse(src, path) {
            Ok(c) => parsed.push((path, c)),
            Err(e) => problems.extend(e.0),
        }
    }
    if let Some(((_, reference), rest)) = parsed.split_first() {
        for (path, c) in rest {
            if let Err(e) = c.check_against(reference, path) {
                problems.extend(e.0);
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CatalogueError(problems))
    }
}

/// The text of `key` in `lang`; the key itself when the catalogue lacks it.
pub fn word(lang: Lang, key: &'static str) -> &'static str {
    lookup(lang, key).unwrap_or(key)
}

/// The text of a key built at run time (a command's path, an enum's name), or `None`: the
/// caller decides what a missing key means, and a test of its own checks the keys it builds.
pub fn find(lang: Lang, key: &str) -> Option<&'static str> {
    lookup(lang, key)
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    loaded().get(lang.index()).and_then(|(_, c)| c.get(key))
}

/// `{name}` (and `{name:?}`) placeholders in `s`, by name, in order.
pub fn placeholders(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                if let Some(name) = placeholder_name(&after[..close]) {
                    out.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// `name`, `name:?` or `name:0N` to the name; anything else is no placeholder.
fn placeholder_name(inner: &str) -> Option<&str> {
    let name = match inner.split_once(':') {
        None => inner,
        Some((name, "?")) => name,
        Some((name, width)) if zero_pad(width).is_some() => name,
        Some(_) => return None,
    };
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

/// The width of a `0N` spec (`{month:02}`: at least two digits, zeros in front).
fn zero_pad(spec: &str) -> Option<usize> {
    let digits = spec.strip_prefix('0')?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Replace each `{name}` with its value (`{name:?}` with the value quoted and escaped as Rust
/// writes a string, `{name:02}` with zeros in front up to two characters); a name not in
/// `values` is left as it is.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hit = after.find('}').and_then(|close| {
            let inner = &after[..close];
            let name = placeholder_name(inner)?;
            let (_, v) = values.iter().find(|(k, _)| *k == name)?;
            Some((close, inner.split_once(':').map(|(_, spec)| spec), *v))
        });
        match hit {
            Some((close, spec, v)) => {
                let text = v.to_string();
                match spec {
                    Some("?") => out.push_str(&format!("{text:?}")),
                    Some(width) => {
                        let width = zero_pad(width).unwrap_or_default();
                        out.push_str(&format!("{text:0>width$}"));
                    }
                    None => out.push_str(&text),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The registered languages, found by their catalogues: each one's `[language]` names the other
/// keys it answers to (`aliases`, space-separated) and the start of the locales it is
/// (`locales`: `zh` for `zh_CN.UTF-8`).
impl Lang {
    /// Every registered language, the reference first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..CATALOGUES.len()).map(Lang::at)
    }

    /// Its key: the catalogue's name (`zh`, `en`), as the file's `lang` and `--lang` write it.
    pub fn key(self) -> &'static str {
        CATALOGUES.get(self.index()).map(|c| c.0).unwrap_or("en")
    }

    /// The language a key or one of its aliases names (any case), if one is registered.
    pub fn from_key(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        Lang::all().find(|l| {
            l.key() == s
                || lookup(*l, "language.aliases")
                    .is_some_and(|a| a.split_whitespace().any(|a| a == s))
        })
    }

    /// From a POSIX locale such as `en_US.UTF-8`; None when it names no registered language.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let l = locale.to_ascii_lowercase();
        Lang::all().find(|lang| {
            lookup(*lang, "language.locales")
                .is_some_and(|p| p.split_whitespace().any(|p| l.starts_with(p)))
        })
    }

    /// The next registered language, round to the first: the dashboard's language key.
    pub fn next(self) -> Lang {
        Lang::at((self.index() + 1) % CATALOGUES.len().max(1))
    }
}

/// A language in JSON is its key (`"zh"`).
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl Lang {
    /// The catalogue's text for `key` in this language.
    pub fn tr(self, key: &'static str) -> &'static str {
        word(self, key)
    }

    /// A count with its noun: `{prefix}.one` for 1, `{prefix}.other` for any other count,
    /// `{n}` filled (a language with no plural gives both the same text).
    pub fn count(self, prefix: &str, n: i64) -> String {
        self.countf(prefix, n, &[])
    }

    /// A count whose sentence names more than `{n}`: `count` with `values` filled as well.
    pub fn countf(self, prefix: &str, n: i64, values: &[(&str, &dyn Display)]) -> String {
        let form = if n == 1 { "one" } else { "other" };
        match lookup(self, &format!("{prefix}.{form}")) {
            Some(text) => {
                let mut all: Vec<(&str, &dyn Display)> = vec![("n", &n)];
                all.extend_from_slice(values);
                fill(text, &all)
            }
            None => n.to_string(),
        }
    }

    /// The catalogue's text for `key` with its placeholders filled.
    pub fn trf(self, key: &'static str, values: &[(&str, &dyn Display)]) -> String {
        fill(word(self, key), values)
    }
}

impl Text {
    /// The catalogue's text for `key` in both languages.
    pub fn tr(key: &'static str) -> Text {
        Text::by_lang(|lang| lang.tr(key).to_string())
    }

    /// The catalogue's text for `key` in both languages, placeholders filled.
    pub fn trf(key: &'static str, values: &[(&str, &dyn Display)]) -> Text {
        Text::by_lang(|lang| lang.trf(key, values))
    }

    /// A count in both languages (`Lang::count`).
    pub fn count(prefix: &str, n: i64) -> Text {
        Text::countf(prefix, n, &[])
    }

    /// A count in both languages with more values filled (`Lang::countf`).
    pub fn countf(prefix: &str, n: i64, values: &[(&str, &dyn Display)]) -> Text {
        Text::by_lang(|lang| lang.countf(prefix, n, values))
    }

    /// A sentence around another `Text`: `{name}` filled in each language with `inner` in
    /// that language, the other placeholders from `values`.
    pub fn around(
        key: &'static str,
        inner: (&str, &Text),
        values: &[(&str, &dyn Display)],
    ) -> Text {
        Text::around_all(key, &[inner], values)
    }

    /// `around` with several inner `Text`s, each filled in its own language.
    pub fn around_all(
        key: &'static str,
        inners: &[(&str, &Text)],
        values: &[(&str, &dyn Display)],
    ) -> Text {
        let fill_in = |lang: Lang| {
            let texts: Vec<(&str, &str)> = inners
                .iter()
                .map(|(name, inner)| (*name, inner.get(lang)))
                .collect();
            let mut all: Vec<(&str, &dyn Display)> = values.to_vec();
            for (name, text) in &texts {
                all.push((*name, text));
            }
            fill(word(lang, key), &all)
        };
        Text::by_lang(fill_in)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registered_catalogues_parse_and_match_key_for_key() {
        if let Err(e) = check_all() {
            panic!("{e}");
        }
    }

    #[test]
    fn a_catalogue_missing_a_key_fails_naming_the_key_and_the_file() {
        let reference = Catalogue::parse(
            "[detail]\npaid = \"已还\"\nowed = \"欠 {amount}\"\n",
            "zh.toml",
        )
        .unwrap();
        let third = Catalogue::parse("[detail]\npaid = \"payé\"\n", "fr.toml").unwrap();
        let err = third.check_against(&reference, "fr.toml").unwrap_err();
        assert_eq!(err.to_string(), "fr.toml: missing key `detail.owed`");
    }

    #[test]
    fn a_catalogue_with_other_placeholders_or_an_extra_key_fails_naming_them() {
        let reference = Catalogue::parse("a = \"欠 {amount}\"\n", "zh.toml").unwrap();
        let other = Catalogue::parse("a = \"owes {sum:?}\"\nb = \"x\"\n", "en.toml").unwrap();
        let err = other.check_against(&reference, "en.toml").unwrap_err();
        assert_eq!(
            err.0,
            vec![
                "en.toml: `a` has placeholders [\"sum\"], the reference [\"amount\"]".to_string(),
                "en.toml: key `b` is in no reference catalogue".to_string(),
            ]
        );
    }

    #[test]
    fn only_a_singular_may_leave_its_count_unsaid() {
        let reference = Catalogue::parse(
            "[x]\none = \"{n} 期{a}\"\nother = \"{n} 期{a}\"\n",
            "zh.toml",
        )
        .unwrap();
        let en = Catalogue::parse(
            "[x]\none = \"the installment{a}\"\nother = \"the installments{a}\"\n",
            "en.toml",
        )
        .unwrap();
        let err = en.check_against(&reference, "en.toml").unwrap_err();
        assert_eq!(
            err.0,
            vec![
                "en.toml: `x.other` has placeholders [\"a\"], the reference [\"a\", \"n\"]"
                    .to_string()
            ]
        );
    }

    #[test]
    fn a_value_that_is_not_text_is_refused_by_its_key() {
        let err = Catalogue::parse("[list]\ncount = 3\n", "zh.toml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "zh.toml: `list.count` must be text or a table"
        );
    }

    #[test]
    fn placeholders_fill_by_name_and_quote_on_request() {
        let out = fill(
            "{id:?} owes {amount} in {days} days; {unknown} and {} stay",
            &[("amount", &"¥1,200.00"), ("days", &3), ("id", &"car \"A\"")],
        );
        assert_eq!(
            out,
            "\"car \\\"A\\\"\" owes ¥1,200.00 in 3 days; {unknown} and {} stay"
        );
        assert_eq!(
            placeholders("{a} {b:?} {a} {} {x y} {c:02} {d:2} {e:0x}"),
            vec!["a", "b", "a", "c"]
        );
        assert_eq!(
            fill(
                "{y}-{m:02}-{d:02} {big:03}",
                &[("y", &2026), ("m", &4), ("d", &15), ("big", &1234)]
            ),
            "2026-04-15 1234"
        );
    }

    #[test]
    fn a_count_takes_its_plural_from_the_catalogue() {
        assert_eq!(Lang::En.count("common.days", 1), "1 day");
        assert_eq!(Lang::En.count("common.days", 12), "12 days");
        assert_eq!(Lang::Zh.count("common.days", 1), "1 天");
        assert_eq!(Lang::Zh.count("no.such", 4), "4");
    }

    #[test]
    fn a_missing_key_shows_as_itself() {
        assert_eq!(word(Lang::En, "no.such.key"), "no.such.key");
    }
}
