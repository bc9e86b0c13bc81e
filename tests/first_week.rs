//! The first week of real use (issue 21, parts 1 and 4), through the command line: no money
//! vanishes unseen, no status hides a loan, and every word fits the screen and the language.

mod common;
use common::{stdout_of, stdout_on};

/// `repaydash --file <toml> --today <today> --lang <lang> ARGS…` with the environment `env`:
/// (exit code, stdout, stderr).
fn run_env(
    toml: &str,
    today: &str,
    lang: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, toml).unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("repaydash").unwrap();
    cmd.args([
        "--file",
        file.to_str().unwrap(),
        "--today",
        today,
        "--lang",
        lang,
    ]);
    cmd.args(args);
    cmd.env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const OVERPAID: &str = r#"
[[loan]]
id = "huabei"
platform = "alipay"
amount_due = 1224
due_date = 2026-12-01

[[loan.payments]]
date = 2026-11-20
amount = 1300
"#;

#[test]
fn validate_warns_of_a_payment_beyond_what_was_owed_with_the_amounts() {
    let out = stdout_on(OVERPAID, "2026-11-23", "en", &["validate"]);
    assert!(
        out.contains(
            "loans.toml:10:10: this payment of ¥1,300.00 is more than everything the loan owed that day, ¥1,224.00: the ¥76.00 over it counts towards nothing"
        ),
        "{out}"
    );
    let out = stdout_on(OVERPAID, "2026-11-23", "zh", &["validate"]);
    assert!(
        out.contains(
            "这笔还款 ¥1,300.00 超过了当天这笔借款还欠的全部金额 ¥1,224.00：多出的 ¥76.00"
        ),
        "{out}"
    );
    // Exactly what was owed: no warning.
    let exact = OVERPAID.replace("amount = 1300", "amount = 1224");
    let out = stdout_on(&exact, "2026-11-23", "en", &["validate"]);
    assert!(!out.contains("warning"), "{out}");
}

const NOT_DRAWN: &str = r#"
[[loan]]
id = "future"
platform = "ctrip"
principal = 3000
annual_rate = 18
method = "equal_installment"
term = 3
start_date = 2026-12-10

[[loan]]
id = "now"
platform = "alipay"
amount_due = 500
due_date = 2026-12-20
"#;

/// A loan drawn after today is `not_drawn` in the JSON and the list, and the totals (1 open)
/// count what the list shows as open: the other loan.
#[test]
fn a_loan_not_yet_drawn_has_a_status_of_its_own_and_the_totals_agree() {
    let json: serde_json::Value = serde_json::from_str(&stdout_on(
        NOT_DRAWN,
        "2026-11-23",
        "en",
        &["check", "--json"],
    ))
    .unwrap();
    let loans = json["loans"].as_array().unwrap();
    let status = |id: &str| {
        loans.iter().find(|l| l["id"] == id).unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status("future"), "not_drawn");
    assert_eq!(status("now"), "current");
    let open = loans
        .iter()
        .filter(|l| !matches!(l["status"].as_str(), Some("paid_off" | "not_drawn")))
        .count();
    assert_eq!(json["totals"]["open"], open);
    assert_eq!(open, 1);
    let text = stdout_on(NOT_DRAWN, "2026-11-23", "en", &["check"]);
    assert!(text.contains("1 loan open"), "{text}");
    let row = text.lines().find(|l| l.starts_with("Ctrip")).unwrap();
    assert!(
        row.contains("not drawn") && !row.contains("current"),
        "{row}"
    );
    // On its first day it is drawn: current, and open.
    let json: serde_json::Value = serde_json::from_str(&stdout_on(
        NOT_DRAWN,
        "2026-12-10",
        "en",
        &["check", "--json"],
    ))
    .unwrap();
    assert_eq!(json["totals"]["open"], 2);
    let zh = stdout_on(NOT_DRAWN, "2026-11-23", "zh", &["check"]);
    assert!(zh.contains("未借出"), "{zh}");
}

/// Two late loans (3,234,567.89) and two due within the 14-day window (2,000,000.00): too wide
/// for 80 columns with every word, the line says the due-soon part in fewer words but keeps its
/// amount.
#[test]
fn status_keeps_the_due_soon_amount_when_it_shortens() {
    let file = r#"
[settings]
alert_days = 14
[[loan]]
id = "a1"
platform = "ctrip"
amount_due = 1234567.89
due_date = 2026-11-20
[[loan]]
id = "a2"
platform = "ctrip"
amount_due = 2000000
due_date = 2026-11-21
[[loan]]
id = "b1"
platform = "alipay"
amount_due = 1000000
due_date = 2026-11-24
[[loan]]
id = "b2"
platform = "alipay"
amount_due = 1000000
due_date = 2026-11-30
"#;
    let en = stdout_on(file, "2026-11-23", "en", &["status"]);
    assert_eq!(
        en,
        "2 overdue ¥3,234,567.89 | contacts may be called | due ¥2,000,000.00\n"
    );
    let zh = stdout_on(file, "2026-11-23", "zh", &["status"]);
    assert_eq!(
        zh,
        "逾期2笔 ¥3,234,567.89 | 紧急联系人 可能已联系 | 14天内到期2笔 ¥2,000,000.00\n"
    );
}

fn widest(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

const SAMPLE: &str = include_str!("../data/sample.toml");

/// With `$COLUMNS` (or a terminal) `check` fits: no row wider, the columns giving way in the
/// documented order (stage, penalty, the name cut, due date…), words cut only with "…". Piped
/// without `$COLUMNS` it keeps the full table.
#[test]
fn check_fits_the_terminal_and_keeps_the_full_table_when_piped() {
    for lang in ["en", "zh"] {
        for cols in ["80", "70", "60", "100"] {
            let (code, out, _) =
                run_env(SAMPLE, "2026-11-23", lang, &["check"], &[("COLUMNS", cols)]);
            assert_eq!(code, 0);
            let cols: usize = cols.parse().unwrap();
            assert!(widest(&out) <= cols, "{cols}:\n{out}");
        }
        let (_, full, _) = run_env(SAMPLE, "2026-11-23", lang, &["check"], &[]);
        let (stage, penalty) = if lang == "en" {
            ("Stage", "Penalty (est.)")
        } else {
            ("阶段", "罚息(估)")
        };
        assert!(full.contains(stage) && full.contains(penalty), "{full}");
        assert!(widest(&full) > 100, "{full}");
    }
    // At 80 columns in English: the stage and the penalty go, names are cut to 14, the due date
    // goes, and every countdown that fits stays whole.
    let (_, out, _) = run_env(SAMPLE, "2026-11-23", "en", &["check"], &[("COLUMNS", "80")]);
    let head = out.lines().find(|l| l.starts_with("Loan")).unwrap();
    assert_eq!(
        head.split_whitespace().collect::<Vec<_>>(),
        ["Loan", "Status", "Overdue", "Next", "due", "Countdown"]
    );
    assert!(out.contains("借呗（5月借款…  6d late"), "{out}");
    assert!(out.contains("contacts in 9 days"), "{out}");
    assert!(out.contains("if missed: contacts 11 Dec"), "{out}");
}

/// The status words are one definition with one spacing: `check` says what the dashboard's list
/// says (`逾期33天`, `3天后到期`), never `逾期 33天`.
#[test]
fn status_words_have_one_spacing() {
    let zh = stdout_on(SAMPLE, "2026-11-23", "zh", &["check"]);
    assert!(zh.contains("星图金融任性贷            逾期33天"), "{zh}");
    assert!(zh.contains("3天后到期"), "{zh}");
    assert!(!zh.contains("逾期 33"), "{zh}");
    let en = stdout_on(SAMPLE, "2026-11-23", "en", &["check"]);
    assert!(en.contains("33d late") && en.contains("due in 3d"), "{en}");
}

/// The demo (no file anywhere) follows the locale: the demo file no longer says `lang = "zh"`.
#[test]
fn the_demo_follows_the_locale() {
    let home = tempfile::tempdir().unwrap();
    let run = |lang: &str| {
        let out = assert_cmd::Command::cargo_bin("repaydash")
            .unwrap()
            .args(["--today", "2026-11-23", "check"])
            .env_remove("REPAYDASH_FILE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("COLUMNS")
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = run("en_US.UTF-8");
    assert!(
        en.starts_with("Today 2026-11-23\noverdue ¥3,276.74"),
        "{en}"
    );
    let zh = run("zh_CN.UTF-8");
    assert!(zh.starts_with("今天 2026-11-23\n逾期 ¥3,276.74"), "{zh}");
    assert!(!SAMPLE.lines().any(|l| l.trim_start().starts_with("lang =")));
}

/// `--help` describes every argument (`<ID>` too) and every command, and under zh it is
/// Chinese: every description holds Chinese characters.
#[test]
fn help_describes_every_argument_in_both_languages() {
    use repaydash::i18n::Lang;
    fn walk(cmd: &clap::Command, path: &str, lang: Lang, seen: &mut usize) {
        let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
        assert!(!about.trim().is_empty(), "{lang:?} {path}: no description");
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if lang == Lang::Zh {
            assert!(cjk(&about), "{path}: {about}");
        }
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(
                !help.trim().is_empty(),
                "{lang:?} {path} {}: no help",
                a.get_id()
            );
            if lang == Lang::Zh {
                assert!(cjk(&help), "{path} {}: {help}", a.get_id());
            }
            *seen += 1;
        }
        for s in cmd.get_subcommands() {
            let sub = format!("{path} {}", s.get_name());
            walk(s, sub.trim(), lang, seen);
        }
    }
    for lang in [Lang::En, Lang::Zh] {
        let mut cmd = repaydash::cli::command(lang);
        cmd.build();
        let mut seen = 0;
        walk(&cmd, "", lang, &mut seen);
        assert!(seen > 50, "{seen}");
    }
    // What the binary prints.
    let zh = stdout_of(&["--lang", "zh", "schedule", "--help"]);
    assert!(
        zh.contains("<ID>  借款的 id") && zh.contains("用法："),
        "{zh}"
    );
    let en = stdout_of(&["--lang", "en", "schedule", "--help"]);
    assert!(en.contains("<ID>  The loan's id"), "{en}");
}

/// zh `schedule` names the method and the rate in Chinese (等额本息, 年化, 账单), as the
/// dashboard does; the JSON keeps the file's keys.
#[test]
fn zh_schedule_says_its_method_and_rate_in_chinese() {
    let zh = stdout_on(SAMPLE, "2026-11-23", "zh", &["schedule", "xingtu-rxd"]);
    let first = zh.lines().next().unwrap();
    assert_eq!(
        first,
        "星图金融任性贷  （等额本息）  本金 8,000.00  年化(IRR) 16.20%"
    );
    let bills = stdout_on(SAMPLE, "2026-11-23", "zh", &["schedule", "fenqi-laptop"]);
    assert!(
        bills.lines().next().unwrap().contains("（账单）"),
        "{bills}"
    );
    for out in [&zh, &bills] {
        for word in ["equal_installment", "APR", "bills"] {
            assert!(!out.contains(word), "{word}: {out}");
        }
    }
    let en = stdout_on(SAMPLE, "2026-11-23", "en", &["schedule", "xingtu-rxd"]);
    assert!(
        en.starts_with(
            "星图金融任性贷  (equal installments)  principal 8,000.00  APR (IRR) 16.20%"
        ),
        "{en}"
    );
    let json = stdout_on(
        SAMPLE,
        "2026-11-23",
        "zh",
        &["schedule", "xingtu-rxd", "--json"],
    );
    assert!(json.contains("\"method\": \"equal_installment\""), "{json}");
}

/// The Chinese flag words are taken wherever flags are typed: `log --flags`, and the file's
/// `flags = [...]`; the file keeps the keys.
#[test]
fn zh_flag_words_are_taken_on_the_command_line_and_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, SAMPLE).unwrap();
    let path = file.to_str().unwrap();
    stdout_of(&[
        "--file",
        path,
        "--today",
        "2026-11-23",
        "--lang",
        "zh",
        "log",
        "ctrip-jqh",
        "collection_call",
        "晚上打来威胁",
        "--flags",
        "威胁，夜间,告知第三方 冒充司法 辱骂",
    ]);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(
        now.contains(r#"flags = ["threat", "night", "told_third_party", "fake_legal", "insult"]"#),
        "{}",
        &now[now.len().saturating_sub(400)..]
    );
    // Written by hand in Chinese.
    let by_hand = format!(
        "{SAMPLE}\n[[loan.log]]\ndate = 2026-11-22\nkind = \"collection_call\"\nflags = [\"辱骂\", \"夜间\"]\ntext = \"x\"\n"
    );
    let out = stdout_on(&by_hand, "2026-11-23", "en", &["validate"]);
    assert!(out.contains(": ok, 7 loans"), "{out}");
    // A word that is no flag: named with what is taken, in both spellings.
    let (code, _, err) = run_env(
        SAMPLE,
        "2026-11-23",
        "zh",
        &["log", "ctrip-jqh", "note", "x", "--flags", "吓人"],
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("未知的标记 \"吓人\"") && err.contains("threat/威胁"),
        "{err}"
    );
}

/// `log --who NAME` with a name that is none of the loan's contacts is written, with a note on
/// stderr listing the contacts the loan has; a contact's name or `me` gets no note.
#[test]
fn log_who_warns_when_the_name_is_not_a_contact() {
    let args = |who: &'static str| -> Vec<&'static str> {
        vec![
            "log",
            "xingtu-rxd",
            "collection_call",
            "打给了联系人",
            "--who",
            who,
        ]
    };
    let (code, _, err) = run_env(SAMPLE, "2026-11-23", "zh", &args("赵刚"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("“赵刚”不是这笔借款的紧急联系人（联系人：赵强、陈静）"),
        "{err}"
    );
    let (code, _, err) = run_env(SAMPLE, "2026-11-23", "en", &args("Zhao"), &[]);
    assert_eq!(code, 0);
    assert!(
        err.contains("\"Zhao\" is not one of this loan's contacts (赵强, 陈静)"),
        "{err}"
    );
    for ok in ["赵强", "me"] {
        let (code, _, err) = run_env(SAMPLE, "2026-11-23", "en", &args(ok), &[]);
        assert_eq!(code, 0);
        assert!(!err.contains("is not one of"), "{ok}: {err}");
    }
}

/// The unknown-platform warning says how to silence it, and both ways do.
#[test]
fn the_unknown_platform_warning_says_how_to_silence_it() {
    let file =
        "[[loan]]\nid = \"x\"\nplatform = \"月亮银行\"\namount_due = 100\ndue_date = 2026-12-10\n";
    let out = stdout_on(file, "2026-11-23", "en", &["validate"]);
    assert!(
        out.contains("unknown platform \"月亮银行\": using the generic escalation policy; to silence this, write platform = \"generic\", or add a [platforms.\"月亮银行\"] table with its days"),
        "{out}"
    );
    let zh = stdout_on(file, "2026-11-23", "zh", &["validate"]);
    assert!(
        zh.contains("想不再提示，改写成 platform = \"generic\""),
        "{zh}"
    );
    let generic = file.replace("月亮银行", "generic");
    assert!(!stdout_on(&generic, "2026-11-23", "en", &["validate"]).contains("warning"));
    let table = format!("{file}\n[platforms.\"月亮银行\"]\nname = \"月亮银行\"\n");
    assert!(!stdout_on(&table, "2026-11-23", "en", &["validate"]).contains("warning"));
}

/// A loan written `platform = "借呗"` with no product or name is called 支付宝借呗 / "Alipay 借呗"
/// (the alias names the product), not plain 支付宝 beside a 花呗 also called 支付宝; an alias that
/// only shortens the platform's name (携程) adds nothing, one that holds it (支付宝花呗) is said
/// alone, and a user's own platform keeps its name.
#[test]
fn a_product_alias_names_the_loan() {
    let file = r#"
[platforms.mybank]
name = "某银行"
aliases = ["我的银行"]

[[platforms.mybank.stages]]
kind = "emergency_contact"
day = 10

[[loan]]
id = "a"
platform = "借呗"
amount_due = 100
due_date = 2026-12-20

[[loan]]
id = "b"
platform = "携程"
amount_due = 100
due_date = 2026-12-21

[[loan]]
id = "c"
platform = "支付宝花呗"
amount_due = 100
due_date = 2026-12-22

[[loan]]
id = "d"
platform = "我的银行"
amount_due = 100
due_date = 2026-12-23

[[loan]]
id = "e"
platform = "借呗"
product = "6月借款"
amount_due = 100
due_date = 2026-12-24
"#;
    let names = |lang: &str| -> Vec<String> {
        let out = stdout_on(file, "2026-12-03", lang, &["check", "--json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["loans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names("zh"),
        [
            "支付宝借呗",
            "携程金融",
            "支付宝花呗",
            "某银行",
            "支付宝6月借款"
        ]
    );
    assert_eq!(
        names("en"),
        [
            "Alipay 借呗",
            "Ctrip Finance",
            "支付宝花呗",
            "某银行",
            "Alipay 6月借款"
        ]
    );
}
