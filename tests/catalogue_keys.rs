//! Every catalogue key the code asks for exists in every registered catalogue: a key typed wrong
//! at a call site fails here, naming the file and the key, instead of showing as itself.

use std::path::Path;

use repaydash::i18n::catalogue::{CATALOGUES, Catalogue};

/// The calls that take a catalogue key as their first argument.
const CALLS: &[&str] = &[
    ".tr(\"",
    ".trf(\"",
    "Text::tr(\"",
    "Text::trf(\"",
    "Text::around(\"",
    "Text::around_all(\"",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `(file, key)` for every literal key in `src/`, test modules aside.
fn keys_used() -> Vec<(String, String)> {
    let mut files = vec![];
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut used = vec![];
    for file in files {
        let all = std::fs::read_to_string(&file).unwrap();
        // Test code asks for missing keys on purpose.
        let text = all.split("#[cfg(test)]").next().unwrap_or_default();
        for call in CALLS {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                if let Some(end) = rest.find('"') {
                    used.push((file.display().to_string(), rest[..end].to_string()));
                }
            }
        }
        // A count (`count`, `countf`, `Text::count`, `Text::countf`) names the prefix of its
        // two forms.
        for (at, call) in [".count(\"", ".countf(\"", "::count(\"", "::countf(\""]
            .iter()
            .flat_map(|call| text.match_indices(call))
        {
            let rest = &text[at + call.len()..];
            if let Some(end) = rest.find('"') {
                for form in ["one", "other"] {
                    used.push((
                        file.display().to_string(),
                        format!("{}.{form}", &rest[..end]),
                    ));
                }
            }
        }
    }
    used
}

#[test]
fn every_key_the_code_uses_is_in_every_catalogue() {
    let used = keys_used();
    assert!(
        used.len() > 100,
        "the scan found only {} keys: has the accessor's name changed?",
        used.len()
    );
    let mut missing = vec![];
    for (_, path, src) in CATALOGUES {
        let catalogue = Catalogue::parse(src, path).unwrap();
        for (file, key) in &used {
            if catalogue.get(key).is_none() {
                missing.push(format!("{file}: `{key}` is not in {path}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Whether `c` is a Chinese character (the unified ideographs and their extension A); CJK
/// punctuation is not a word and may stay where typed input is read or lines are broken.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Every word is data: no line of Rust in `src/` (comments and test modules aside) holds a
/// Chinese word or picks between two languages' words inline (`lang.t("…", "…")`); the words
/// live in the catalogue, the accepted input words in `assets/input.toml`.
#[test]
fn no_words_in_rust_outside_the_catalogue() {
    let mut files = vec![];
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut found = vec![];
    for file in &files {
        let all = std::fs::read_to_string(file).unwrap();
        let code = all.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            // A trailing comment holds no quote in this code base.
            let line = match line.find("//") {
                Some(at) if !line[at..].contains('"') => &line[..at],
                _ => line,
            };
            if line.chars().any(is_han) || line.contains(".t(\"") {
                found.push(format!("{}:{}: {line}", file.display(), i + 1));
            }
        }
    }
    assert!(
        files.len() > 100,
        "the scan found only {} files",
        files.len()
    );
    assert!(found.is_empty(), "words in Rust:\n{}", found.join("\n"));
}
