//! The advice assets read and checked: every problem in a file is listed, naming the file.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::engine::Situation;
use crate::i18n::Lang;

use super::types::*;

pub const ADVICE_ZH: &str = include_str!("../../../assets/advice.zh.toml");
pub const ADVICE_EN: &str = include_str!("../../../assets/advice.en.toml");

/// The advice each language has, by the language's key. A language registered without one of
/// its own (a new catalogue) reads the English advice until its translation is added here.
const ADVICE: &[(&str, &str, &str)] = &[
    ("zh", "assets/advice.zh.toml", ADVICE_ZH),
    ("en", "assets/advice.en.toml", ADVICE_EN),
];

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    id: String,
    topics: Vec<Topic>,
    situations: Vec<String>,
    #[serde(default)]
    platforms: Vec<String>,
    sources: Vec<String>,
    /// No article or rule says it: general guidance, shown as such.
    #[serde(default)]
    general: bool,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLibrary {
    disclaimer: String,
    topics: Topics,
    script: Script,
    item: Vec<RawItem>,
}

/// `{name}` placeholders in `s`, in order.
pub(super) fn placeholders(s: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.push(name);
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Parse and check one advice file; every problem found is listed in the error.
pub fn parse(src: &str, path: &str) -> Result<Library, AdviceError> {
    let raw: RawLibrary = toml::from_str(src).map_err(|e| AdviceError::Syntax {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    let mut problems: Vec<String> = vec![];
    let mut bad = |m: String| problems.push(format!("{path}: {m}"));

    if raw.disclaimer.trim().is_empty() {
        bad("`disclaimer` is empty".into());
    }
    for t in Topic::ALL {
        if raw.topics.title(t).trim().is_empty() {
            bad(format!("topics.{} is empty", t.key()));
        }
    }
    let s = &raw.script;
    if s.lines.is_empty() {
        bad("script.lines is empty".into());
    }
    let allowed = |what: &str, text: &str, names: &[&str], bad: &mut dyn FnMut(String)| {
        for p in placeholders(text) {
            if !names.contains(&p) {
                bad(format!(
                    "{what}: unknown placeholder {{{p}}}; expected one of {}",
                    names.join(", ")
                ));
            }
        }
    };
    for &i in &s.general_lines {
        if i >= s.lines.len() {
            bad(format!(
                "script.general_lines: {i} is no line (there are {})",
                s.lines.len()
            ));
        }
    }
    for (i, line) in s.lines.iter().enumerate() {
        allowed(
            &format!("script.lines[{i}]"),
            line,
            &SCRIPT_PLACEHOLDERS,
            &mut bad,
        );
    }
    for (what, text) in [
        ("request_extension", &s.request_extension),
        ("request_clear", &s.request_clear),
        ("request_plan", &s.request_plan),
        ("request_plan_no_regular", &s.request_plan_no_regular),
        ("request_plan_after", &s.request_plan_after),
        ("request_restructure", &s.request_restructure),
        ("reason_below_regular", &s.reason_below_regular),
        ("reason_overdue_left", &s.reason_overdue_left),
        ("request_ask_term", &s.request_ask_term),
        ("request_defer", &s.request_defer),
        ("request_no_budget", &s.request_no_budget),
        ("budget_hint", &s.budget_hint),
    ] {
        allowed(
            &format!("script.{what}"),
            text,
            &REQUEST_PLACEHOLDERS,
            &mut bad,
        );
        if text.trim().is_empty() {
            bad(format!("script.{what} is empty"));
        }
    }
    for (what, text, name) in [
        ("request_plan", &s.request_plan, "months"),
        ("request_restructure", &s.request_restructure, "months"),
        ("request_restructure", &s.request_restructure, "monthly"),
        ("request_restructure", &s.request_restructure, "reason"),
    ] {
        if !placeholders(text).contains(&name) {
            bad(format!("script.{what} must contain {{{name}}}"));
        }
    }
    for (what, v) in [
        ("title", &s.title),
        ("checklist_title", &s.checklist_title),
        ("budget_placeholder", &s.budget_placeholder),
        ("budget_none", &s.budget_none),
    ] {
        if v.trim().is_empty() {
            bad(format!("script.{what} is empty"));
        }
    }
    if s.sources.is_empty() {
        bad("script.sources is empty".into());
    }

    let mut seen: HashSet<String> = HashSet::new();
    let mut items = Vec::with_capacity(raw.item.len());
    for (i, it) in raw.item.into_iter().enumerate() {
        let at = format!("item[{i}] ({})", it.id);
        if it.id.is_empty()
            || !it
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            bad(format!("{at}: id must be [A-Za-z0-9_-]+"));
        }
        if !seen.insert(it.id.clone()) {
            bad(format!("{at}: duplicate id"));
        }
        if it.topics.is_empty() {
            bad(format!("{at}: no topics"));
        }
        if (it.sources.is_empty() && !it.general) || it.sources.iter().any(|s| s.trim().is_empty())
        {
            bad(format!(
                "{at}: every item needs a non-empty source, or `general = true`"
            ));
        }
        if it.text.trim().is_empty() {
            bad(format!("{at}: empty text"));
        }
        if it.platforms.iter().any(|p| p.trim().is_empty()) {
            bad(format!("{at}: empty platform key"));
        }
        let mut situations = vec![];
        for s in &it.situations {
            match Situation::from_key(s) {
                Some(s) => situations.push(s),
                None => bad(format!("{at}: unknown situation {s:?}")),
            }
        }
        if it.situations.is_empty() {
            bad(format!("{at}: no situations"));
        }
        items.push(Item {
            id: it.id,
            topics: it.topics,
            situations,
            platforms: it.platforms,
            sources: it.sources,
            general: it.general,
            text: it.text,
        });
    }
    if items.is_empty() {
        problems.push(format!("{path}: no [[item]]"));
    }
    if problems.is_empty() {
        Ok(Library {
            disclaimer: raw.disclaimer,
            topics: raw.topics,
            script: raw.script,
            items,
        })
    } else {
        Err(AdviceError::Problems(problems))
    }
}

/// The built-in library for `lang`, parsed once.
pub fn library(lang: Lang) -> Result<&'static Library, AdviceError> {
    static PARSED: [OnceLock<Result<Library, AdviceError>>; ADVICE.len()] =
        [const { OnceLock::new() }; ADVICE.len()];
    let at = ADVICE
        .iter()
        .position(|(key, ..)| *key == lang.key())
        .or_else(|| ADVICE.iter().position(|(key, ..)| *key == "en"))
        .unwrap_or_default();
    let (_, path, src) = ADVICE[at];
    PARSED[at]
        .get_or_init(|| parse(src, path))
        .as_ref()
        .map_err(|e| AdviceError::Builtin(Box::new(e.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn both_assets_parse() {
        for lang in [Lang::Zh, Lang::En] {
            let lib = library(lang).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(lib.items.len(), 58);
        }
    }

    #[test]
    fn a_broken_asset_is_an_error_not_a_panic() {
        let broken = ADVICE_EN.replace("situations = [\"paid_off\"]", "situations = [\"late\"]");
        assert_ne!(broken, ADVICE_EN);
        let e = parse(&broken, "x.toml").unwrap_err().to_string();
        assert!(e.contains("unknown situation \"late\""), "{e}");

        let e = parse(
            &ADVICE_EN.replace("{days_overdue}", "{days_late}"),
            "x.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("unknown placeholder {days_late}"), "{e}");

        let e = parse(
            &ADVICE_ZH.replace("topics = [\"credit\"]", "topics = [\"money\"]"),
            "x",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("money"), "{e}");

        let e = parse(
            &ADVICE_EN.replace("id = \"credit-dispute\"", "id = \"credit-five-years\""),
            "x",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("duplicate id"), "{e}");

        assert!(parse("disclaimer = 1", "x").is_err());
        assert!(parse("", "x").is_err());
    }

    #[test]
    fn placeholders_are_the_names_in_braces() {
        assert_eq!(placeholders("x {a} {b_c} {} {d"), vec!["a", "b_c"]);
    }
}
