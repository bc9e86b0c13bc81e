//! Failures as the user meets them: the message on stderr, in the reader's language, and the
//! exit code (2 for what the user asked); stdout stays empty.

use assert_cmd::Command;

const SAMPLE: &str = include_str!("../data/sample.toml");

/// `repaydash --file <the sample> --today 2026-11-23 --lang LANG ARGS…`: exit code, stdout,
/// stderr.
fn run(lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, SAMPLE).expect("writing the loans file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Only the owner may read it, so no file-exposed warning joins the message.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))
            .expect("setting the file's mode");
    }
    let out = Command::cargo_bin("repaydash")
        .expect("the repaydash binary")
        .arg("--file")
        .arg(&file)
        .args(["--today", "2026-11-23", "--lang", lang])
        .args(args)
        .output()
        .expect("running repaydash");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn notice_for_a_contact_the_loan_lacks_names_those_it_has_in_either_language() {
    let (code, out, err) = run("en", &["notice", "xingtu-rxd", "--contact", "nobody"]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "repaydash: loan xingtu-rxd has no contact named \"nobody\"; it has: 赵强, 陈静\n"
    );
    let (code, out, err) = run("zh", &["notice", "xingtu-rxd", "--contact", "nobody"]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "repaydash: 借款 xingtu-rxd 没有名为 \"nobody\" 的联系人；有：赵强、陈静\n"
    );
}

#[test]
fn a_log_entrys_unknown_word_is_refused_by_the_input_reader() {
    let (code, out, err) = run(
        "en",
        &[
            "log",
            "xingtu-rxd",
            "collection_call",
            "x",
            "--channel",
            "fax",
        ],
    );
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "repaydash: unknown channel \"fax\"; expected call, sms, visit or other\n"
    );
    let (code, _, err) = run("en", &["log", "xingtu-rxd", "shouting", "x"]);
    assert_eq!(code, Some(2));
    assert!(err.starts_with("repaydash: unknown"), "{err}");
    assert!(err.contains("\"shouting\""), "{err}");
}
