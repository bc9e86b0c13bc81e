//! One list of typed amounts, four places that take them: `repaydash pay`, the dashboard's `p`
//! form, its `P` cash prompt and `plan --cash`. Each accepts the same inputs as the same amount
//! and refuses the same ones with the same message, in both languages. Then: every error a user
//! can meet under `--lang zh` is Chinese.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::NaiveDate;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use repaydash::i18n::{Lang, phrases};
use repaydash::input;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::form::FieldKind;
use repaydash::tui::stack::ViewKind;
use repaydash::tui::{App, dispatch, keys};

const SAMPLE: &str = include_str!("../data/sample.toml");
const TODAY: &str = "2026-11-23";

/// What a person might type, and what should come of it: the amount, or a piece of the
/// English reason (the whole message is then compared across the four places).
const INPUTS: &[(&str, Result<Decimal, &str>)] = &[
    ("1000", Ok(dec!(1000))),
    ("1,000", Ok(dec!(1000))),
    ("¥1,000", Ok(dec!(1000))),
    ("￥1,234.50", Ok(dec!(1234.50))),
    ("1000.5", Ok(dec!(1000.5))),
    ("１００", Ok(dec!(100))),
    ("  800.16 ", Ok(dec!(800.16))),
    ("1,00", Err("ambiguous")),
    ("1.000,5", Err("ambiguous")),
    ("1.005", Err("more than two decimals")),
    ("0", Err("above zero")),
    ("-5", Err("above zero")),
    ("abc", Err("is not an amount")),
    ("1e3", Err("is not an amount")),
    ("", Err("enter an amount")),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, SAMPLE).unwrap();
    (dir, path)
}

fn cli(path: &Path, lang: Lang, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_repaydash"))
        .env_remove("REPAYDASH_FILE")
        .arg("--file")
        .arg(path)
        .args(["--today", TODAY, "--lang", lang.key()])
        .args(args)
        .output()
        .expect("the binary runs")
}

fn app_at(path: &Path, lang: Lang) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path.to_path_buf()), &builtin, today()).unwrap();
    let mut app = App::new(loaded, builtin, today(), lang);
    app.color = false;
    app
}

fn press(app: &mut App, c: KeyCode) {
    let e = Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    if let Some(m) = keys::event_in(app.views.kind(), &e) {
        dispatch(app, m);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// What the `p` form made of `typed` on ctrip-jqh: Ok(file text after) or Err(field message).
fn through_form(lang: Lang, text: &str) -> Result<String, String> {
    let (_d, path) = copy();
    let mut app = app_at(&path, lang);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected_id().as_deref(), Some("ctrip-jqh"));
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::End);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, text);
    press(&mut app, KeyCode::Enter);
    match app.views.form() {
        None => {
            assert_eq!(app.views.kind(), ViewKind::Main);
            Ok(std::fs::read_to_string(&path).unwrap())
        }
        Some(form) => {
            let f = form.fields.iter().find(|f| f.kind == FieldKind::Amount);
            Err(f
                .and_then(|f| f.error.clone())
                .or(form.refusal.clone())
                .unwrap_or_default())
        }
    }
}

/// What the `P` prompt made of `typed`: Ok(cash planned) or Err(message shown).
fn through_prompt(lang: Lang, text: &str) -> Result<Decimal, String> {
    let (_d, path) = copy();
    let mut app = app_at(&path, lang);
    press(&mut app, KeyCode::Char('P'));
    typed(&mut app, text);
    press(&mut app, KeyCode::Enter);
    match (&app.planning.plan, app.views.cash_error()) {
        (Some(p), None) => Ok(p.cash),
        (None, Some(e)) => Err(e.to_string()),
        other => panic!("{text:?}: {other:?}"),
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn pay_the_form_the_prompt_and_plan_take_the_same_amounts() {
    for (text, want) in INPUTS {
        for lang in [Lang::En, Lang::Zh] {
            let (_d, path) = copy();
            let pay = cli(&path, lang, &["pay", "ctrip-jqh", text]);
            let (_d2, path2) = copy();
            let plan = cli(&path2, lang, &["plan", "--cash", text, "--json"]);
            let form = through_form(lang, text);
            let prompt = through_prompt(lang, text);
            match want {
                Ok(amount) => {
                    assert_eq!(pay.status.code(), Some(0), "pay {text:?}: {}", stderr(&pay));
                    let line = format!("amount = {amount}\n");
                    let written = std::fs::read_to_string(&path).unwrap();
                    assert!(written.contains(&line), "pay {text:?} wrote:\n{written}");
                    let by_form = form.unwrap_or_else(|e| panic!("p {text:?}: {e}"));
                    assert!(by_form.contains(&line), "p {text:?} wrote:\n{by_form}");
                    assert_eq!(prompt, Ok(*amount), "P {text:?}");
                    assert_eq!(plan.status.code(), Some(0), "plan {text:?}");
                    let v: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
                    assert_eq!(v["cash"], format!("{:.2}", amount), "plan {text:?}");
                }
                Err(reason) => {
                    let message = input::amount(text).unwrap_err().text();
                    let message = message.get(lang);
                    if lang == Lang::En {
                        assert!(message.contains(reason), "{text:?}: {message}");
                    }
                    assert_eq!(pay.status.code(), Some(2), "pay {text:?}");
                    assert_eq!(
                        stderr(&pay),
                        format!("repaydash: {message}\n"),
                        "pay {text:?}"
                    );
                    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE);
                    assert_eq!(form, Err(message.to_string()), "p {text:?}");
                    assert_eq!(prompt, Err(message.to_string()), "P {text:?}");
                    assert_eq!(plan.status.code(), Some(2), "plan {text:?}");
                    assert_eq!(
                        stderr(&plan),
                        format!("repaydash: --cash{}{message}\n", lang.t("：", ": ")),
                        "plan {text:?}"
                    );
                }
            }
        }
    }
}

/// A line a Chinese reader can read: it holds Chinese characters. A path, an id or a key may
/// stand in it; a whole sentence in English may not.
fn is_chinese(line: &str) -> bool {
    line.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

fn assert_all_chinese(what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what}: nothing said");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            is_chinese(line),
            "{what}: an English-only line: {line:?}\n{text}"
        );
    }
}

#[test]
fn under_zh_every_error_is_chinese() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{}", files.len());
    for file in &files {
        let o = cli(file, Lang::Zh, &["validate"]);
        assert_eq!(o.status.code(), Some(2), "{}", file.display());
        assert_all_chinese(&file.display().to_string(), &stderr(&o));
    }
    // A missing file and a directory.
    let missing = dir.join("no-such-file.toml");
    assert_all_chinese("missing", &stderr(&cli(&missing, Lang::Zh, &["check"])));
    assert_all_chinese("directory", &stderr(&cli(&dir, Lang::Zh, &["check"])));

    // Bad payments and other recordings, refused by the input parser or by the store.
    for args in [
        &["pay", "ctrip-jqh", "1,00"][..],
        &["pay", "no-such-loan", "100"],
        &["pay", "nqh-ticket", "100"],
        &["pay", "ctrip-jqh", "100", "--date", "2026-11-24"],
        &["pay", "ctrip-jqh", "100", "--date", "2026-02-30"],
        &["log", "ctrip-jqh", "threat", "x"],
        &["log", "ctrip-jqh", "note", " "],
        &[
            "extend",
            "ctrip-jqh",
            "--installment",
            "13",
            "--to",
            "2026-12-30",
        ],
        &[
            "extend",
            "ctrip-jqh",
            "--installment",
            "0",
            "--to",
            "2026-12-30",
        ],
        &["plan", "--cash", "1.005"],
        &["schedule", "nope"],
    ] {
        let (_d, path) = copy();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap();
        let o = cli(&path, Lang::Zh, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_all_chinese(&format!("{args:?}"), &stderr(&o));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE, "{args:?}");
    }
    // `--today` is read before the file: the option's language still applies.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_repaydash"))
        .args(["--lang", "zh", "--today", "2026-02-30", "check"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_all_chinese("--today", &stderr(&o));

    // Writing to a file that has since become invalid.
    let (_d, path) = copy();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path.clone()), &builtin, today()).unwrap();
    std::fs::write(&path, SAMPLE.replace("term = 12", "term = 0")).unwrap();
    let edit = store::write::Edit::Pay {
        id: "ctrip-jqh".into(),
        date: today(),
        amount: dec!(100),
    };
    let e = store::write::apply(&loaded, &builtin, &edit, today()).unwrap_err();
    assert_all_chinese("write", e.text(Lang::Zh));

    // A failed reload on the dashboard.
    let (_d, path) = copy();
    let mut app = app_at(&path, Lang::Zh);
    std::fs::write(&path, SAMPLE.replace("term = 12", "term = 0")).unwrap();
    dispatch(&mut app, repaydash::tui::Msg::Reload);
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.starts_with("重新读取失败，仍显示旧数据："),
        "{status}"
    );
    assert!(
        status.contains("`term` 应在 1 到 1200 之间，现在是 0"),
        "{status}"
    );
    assert_all_chinese("reload", &status);

    // The lock another writer holds: a prepared write keeps it until it is finished.
    let (_d, path) = copy();
    let loaded = store::load(&Source::File(path.clone()), &builtin, today()).unwrap();
    let held = store::write::prepare(&loaded, &builtin, &edit, today()).unwrap();
    let e = store::write::prepare_waiting(
        &loaded,
        &builtin,
        &edit,
        today(),
        std::time::Duration::from_millis(50),
    )
    .unwrap_err();
    assert_eq!(e.kind, store::write::ErrorKind::Busy);
    assert_all_chinese("lock", e.text(Lang::Zh));
    drop(held);
    let busy = phrases::lock_busy("/home/me/loans.toml");
    assert!(
        busy.get(Lang::En).contains("another repaydash"),
        "{}",
        busy.get(Lang::En)
    );
}
