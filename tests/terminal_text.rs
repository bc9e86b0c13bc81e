//! Issue 22, part 4: what reaches a terminal, a clipboard or a JSON reader from the user's file.
//! Control characters, DEL and C1 never arrive raw; bidi overrides and zero-width characters are
//! taken out of what is shown (the file keeps them) and escaped in JSON; a TOML error the parser
//! gives without a place still gets its line and column.

mod common;

use std::path::{Path, PathBuf};

use base64::Engine;
use chrono::NaiveDate;
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::App;

const TODAY: &str = "2026-11-23";

/// A name with a right-to-left override (would show "三张"), a zero-width space, an isolate, DEL,
/// the one-byte CSI U+009B and an escape, written as TOML escapes so the file itself is plain.
const FILE: &str = r#"[settings]
lang = "en"

[[loan]]
id = "a"
name = "\u202E张三\u202C李\u200B四\u2066x\u2069\u007F\u009B2J\u001B[31m"
platform = "alipay"
principal = 3000
annual_rate = 0.0
method = "equal_principal"
term = 3
start_date = 2026-09-10
"#;

fn file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, FILE).unwrap();
    (dir, path)
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn shown_unsafe(s: &str) -> Vec<String> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

fn out(path: &Path, args: &[&str]) -> String {
    let o = assert_cmd::Command::cargo_bin("repaydash")
        .unwrap()
        .arg("--file")
        .arg(path)
        .args(["--today", TODAY])
        .args(args)
        .env_remove("REPAYDASH_FILE")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn text_output_shows_neither_controls_nor_bidi_nor_zero_width_characters() {
    let (_d, path) = file();
    for args in [&["check"][..], &["schedule", "a"][..]] {
        let s = out(&path, args);
        assert!(s.contains("张三李四x"), "{s}");
        assert_eq!(shown_unsafe(&s), Vec::<String>::new(), "{args:?}:\n{s}");
    }
    // The file keeps what it says.
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains(r"\u202E张三")
    );
}

#[test]
fn json_escapes_c0_del_c1_and_the_invisible_characters_and_keeps_the_value() {
    let (_d, path) = file();
    let s = out(&path, &["check", "--json"]);
    assert_eq!(shown_unsafe(&s), Vec::<String>::new(), "{s}");
    assert!(!s.contains('\u{9b}') && !s.contains('\u{7f}'));
    for esc in [
        "\\u202e", "\\u200b", "\\u2066", "\\u007f", "\\u009b", "\\u001b",
    ] {
        assert!(s.contains(esc), "{esc} missing in {s}");
    }
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    let name = v["loans"][0]["name"].as_str().unwrap_or_default();
    assert_eq!(
        name, "\u{202E}张三\u{202C}李\u{200B}四\u{2066}x\u{2069}\u{7F}\u{9B}2J\u{1B}[31m",
        "{s}"
    );
}

#[test]
fn the_dashboard_draws_no_bidi_or_zero_width_character() {
    let (_d, path) = file();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path), &builtin, day(TODAY)).unwrap();
    let mut app = App::new(loaded, builtin, day(TODAY), Lang::En);
    app.color = false;
    let screen = common::screen(&mut app, 120, 30);
    assert!(screen.contains("张三李四x"), "{screen}");
    assert_eq!(shown_unsafe(&screen), Vec::<String>::new(), "{screen}");
}

#[test]
fn the_clipboard_gets_the_text_cleaned_as_the_screen_is() {
    let text = "致 \u{202E}张三\u{200B}：\u{1b}]0;x\u{7}\u{9b}2J\u{7f}a\u{8}b\r\n第二行\t完";
    let seq = repaydash::tui::run::osc52(text);
    let payload = seq
        .strip_prefix("\u{1b}]52;c;")
        .and_then(|s| s.strip_suffix('\u{7}'))
        .unwrap();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap();
    let decoded = String::from_utf8(decoded).unwrap();
    assert_eq!(
        decoded,
        "致 张三：\u{fffd}]0;x\u{fffd}\u{fffd}2J\u{fffd}a\u{fffd}b\u{fffd}\n第二行\t完"
    );
}

#[test]
fn a_dotted_key_of_120_parts_is_reported_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    let key = vec!["a"; 120].join(".");
    std::fs::write(&path, format!("[settings]\nlang = \"en\"\n\n  {key} = 1\n")).unwrap();
    let o = assert_cmd::Command::cargo_bin("repaydash")
        .unwrap()
        .arg("--file")
        .arg(&path)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("{}:4:3: ", path.display())), "{err}");
}
