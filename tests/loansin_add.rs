//! Getting loans in without writing TOML: `add` by flags for every method and for bills,
//! `add --paid-through` and `pay --through` (one write, one undo), the id's slug, refusals,
//! the plain-line questions when stdin is not a terminal, and `init`'s dated template.
//! Figures are worked by hand: 10,000 at 18% a year over 12 months (r = 1.5% a month) pays
//! 10000 × 0.015 × 1.015¹² / (1.015¹² − 1) = 916.80 a month.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2026-12-03";

struct File {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn file(text: &str) -> File {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, text).expect("writing the loans file");
    File { _dir: dir, path }
}

fn cmd(path: &Path, args: &[&str]) -> Command {
    let mut c = Command::cargo_bin("repaydash").expect("the binary");
    c.env_remove("REPAYDASH_FILE")
        .args([
            "--file",
            path.to_str().expect("utf-8 path"),
            "--today",
            TODAY,
            "--lang",
            "en",
        ])
        .args(args);
    c
}

fn ok(path: &Path, args: &[&str]) -> String {
    let out = cmd(path, args).output().expect("running repaydash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn refused(path: &Path, args: &[&str]) -> String {
    let out = cmd(path, args).output().expect("running repaydash");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).expect("utf-8")
}

fn schedule(path: &Path, id: &str) -> Value {
    serde_json::from_str(&ok(path, &["schedule", id, "--json"])).expect("json")
}

fn amounts(s: &Value) -> Vec<String> {
    s["installments"]
        .as_array()
        .expect("installments")
        .iter()
        .map(|i| i["amount"].as_str().expect("amount").to_string())
        .collect()
}

fn paid(s: &Value) -> Vec<String> {
    s["installments"]
        .as_array()
        .expect("installments")
        .iter()
        .map(|i| i["paid"].as_str().expect("paid").to_string())
        .collect()
}

const EXISTING: &str = "# my loans\n[settings]\ncurrency = \"¥\"\n\n[[loan]]\nid = \"old\"\nplatform = \"ctrip\"\nprincipal = 1200\nannual_rate = 0\nmethod = \"equal_principal\"\nterm = 12\nstart_date = 2026-11-01 # kept\n";

#[test]
fn equal_installment_by_flags_keeps_the_file_and_undoes_in_one_step() {
    let f = file(EXISTING);
    let out = ok(
        &f.path,
        &[
            "add",
            "--id",
            "jb",
            "--platform",
            "借呗",
            "--principal",
            "10000",
            "--annual-rate",
            "18",
            "--method",
            "equal_installment",
            "--term",
            "12",
            "--start",
            "2026-05-10",
            "--due-day",
            "10",
            "--contact",
            "王小明,同事,13800000001",
        ],
    );
    // The preview: first installments, the total and the true annual rate.
    assert!(out.contains("Added"), "{out}");
    assert!(out.contains("    1  2026-06-10       ¥916.80"), "{out}");
    assert!(out.contains("… 9 more"), "{out}");
    assert!(out.contains("Repaid in all ¥11,001.61"), "{out}");
    assert!(out.contains("true annual rate (IRR) 18.00%"), "{out}");
    let text = std::fs::read_to_string(&f.path).unwrap();
    assert!(
        text.starts_with(EXISTING),
        "every existing byte kept:\n{text}"
    );
    assert!(text.contains("phone = \"13800000001\""));
    ok(&f.path, &["validate"]);
    let s = schedule(&f.path, "jb");
    assert_eq!(s["apr"], "18.00");
    let a = amounts(&s);
    assert_eq!(a.len(), 12);
    assert_eq!(a[0], "916.80");
    assert_eq!(a[11], "916.81");
    ok(&f.path, &["undo"]);
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), EXISTING);
}

#[test]
fn every_method_by_flags() {
    // (flags, first installment, last installment, count), worked by hand.
    let cases: [(&[&str], &str, &str, usize); 6] = [
        // 12,000 over 12 at 18%: principal 1,000 + interest 12,000 × 1.5% = 1,180.
        (
            &[
                "--method",
                "equal_principal",
                "--principal",
                "12000",
                "--annual-rate",
                "18",
                "--term",
                "12",
            ],
            "1180.00",
            "1015.00",
            12,
        ),
        // 10,000 at 12%: 100 interest a month, the principal with the last.
        (
            &[
                "--method",
                "interest_first",
                "--principal",
                "10000",
                "--annual-rate",
                "12",
                "--term",
                "6",
            ],
            "100.00",
            "10100.00",
            6,
        ),
        // One payment: 10,000 + 10,000 × 1% × 3.
        (
            &[
                "--method",
                "bullet",
                "--principal",
                "10000",
                "--annual-rate",
                "12",
                "--term",
                "3",
            ],
            "10300.00",
            "10300.00",
            1,
        ),
        // 6,000 over 12: 500 principal + 0.6% fee (36).
        (
            &[
                "--method",
                "fixed_fee",
                "--principal",
                "6000",
                "--fee-rate",
                "0.6",
                "--term",
                "12",
            ],
            "536.00",
            "536.00",
            12,
        ),
        // 0.05% a day is 1.5% a month, as 18% a year.
        (
            &[
                "--method",
                "equal_installment",
                "--principal",
                "10000",
                "--daily-rate",
                "0.05",
                "--term",
                "12",
            ],
            "916.80",
            "916.81",
            12,
        ),
        (
            &[
                "--method",
                "equal_installment",
                "--principal",
                "10000",
                "--annual-rate",
                "18",
                "--term",
                "12",
            ],
            "916.80",
            "916.81",
            12,
        ),
    ];
    for (i, (flags, first, last, count)) in cases.iter().enumerate() {
        let f = file("");
        let id = format!("m{i}");
        let mut args = vec![
            "add",
            "--id",
            &id,
            "--platform",
            "generic",
            "--start",
            "2026-11-15",
        ];
        args.extend_from_slice(flags);
        ok(&f.path, &args);
        let a = amounts(&schedule(&f.path, &id));
        assert_eq!(a.len(), *count, "{flags:?}");
        assert_eq!(&a[0], first, "{flags:?}");
        assert_eq!(a.last().unwrap(), last, "{flags:?}");
    }
}

#[test]
fn bills_by_flags() {
    let f = file(EXISTING);
    ok(
        &f.path,
        &[
            "add",
            "--id",
            "phone",
            "--platform",
            "某分期",
            "--bill",
            "2026-12-09:3200",
            "--bill",
            "2027-01-09:458.30",
        ],
    );
    let s = schedule(&f.path, "phone");
    assert_eq!(amounts(&s), ["3200.00", "458.30"]);
    let text = std::fs::read_to_string(&f.path).unwrap();
    assert!(
        text.contains("[[loan.installments]]\ndue = 2027-01-09\namount = 458.30\n"),
        "{text}"
    );
}

#[test]
fn ids_default_to_a_slug_and_a_duplicate_is_refused() {
    let f = file(EXISTING);
    let base = [
        "--principal",
        "1000",
        "--annual-rate",
        "10",
        "--method",
        "bullet",
        "--term",
        "1",
        "--start",
        "2026-11-20",
    ];
    let with = |extra: &[&str]| {
        let mut a = vec!["add"];
        a.extend_from_slice(extra);
        a.extend_from_slice(&base);
        ok(&f.path, &a)
    };
    with(&["--platform", "ctrip", "--name", "Ctrip Jie Qu Hua"]);
    // A Chinese platform name gives no slug: the platform's key stands in.
    with(&["--platform", "借呗"]);
    with(&["--platform", "借呗"]);
    let check: Value = serde_json::from_str(&ok(&f.path, &["check", "--json"])).unwrap();
    let mut ids: Vec<&str> = check["loans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["alipay", "alipay-2", "ctrip-jie-qu-hua", "old"]);
    let before = std::fs::read_to_string(&f.path).unwrap();
    let mut a = vec!["add", "--id", "old", "--platform", "ctrip"];
    a.extend_from_slice(&base);
    let err = refused(&f.path, &a);
    assert!(err.contains("already has a loan with id \"old\""), "{err}");
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), before);
}

#[test]
fn missing_flags_off_a_terminal_are_named() {
    let f = file(EXISTING);
    let err = refused(
        &f.path,
        &[
            "add",
            "--platform",
            "借呗",
            "--method",
            "equal_installment",
            "--term",
            "12",
        ],
    );
    assert!(
        err.contains("missing --principal, --start, --annual-rate (--daily-rate)"),
        "{err}"
    );
    let err = refused(
        &f.path,
        &[
            "add",
            "--platform",
            "x",
            "--method",
            "fixed_fee",
            "--principal",
            "100",
            "--term",
            "2",
            "--start",
            "2026-11-01",
        ],
    );
    assert!(err.contains("missing --fee-rate"), "{err}");
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), EXISTING);
}

#[test]
fn a_value_the_file_would_refuse_is_refused_naming_its_flag() {
    let f = file(EXISTING);
    let err = refused(
        &f.path,
        &[
            "add",
            "--platform",
            "generic",
            "--principal",
            "1000",
            "--annual-rate",
            "5000",
            "--method",
            "bullet",
            "--term",
            "1",
            "--start",
            "2026-11-01",
        ],
    );
    assert!(err.starts_with("repaydash: --annual-rate: `annual_rate` must be a percentage from 0 to 1000, found 5000"), "{err}");
    let err = refused(
        &f.path,
        &[
            "add",
            "--platform",
            "x",
            "--principal",
            "1000",
            "--annual-rate",
            "5",
            "--method",
            "monthly",
            "--term",
            "1",
            "--start",
            "2026-11-01",
        ],
    );
    assert!(
        err.contains("--method: unknown method \"monthly\""),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), EXISTING);
}

#[test]
fn paid_through_on_add_and_on_pay_is_one_write_and_one_undo() {
    let f = file(EXISTING);
    let args = [
        "add",
        "--id",
        "jb",
        "--platform",
        "借呗",
        "--principal",
        "10000",
        "--annual-rate",
        "18",
        "--method",
        "equal_installment",
        "--term",
        "12",
        "--start",
        "2026-05-10",
        "--paid-through",
        "6",
    ];
    let out = ok(&f.path, &args);
    assert!(out.contains("installments 1–6 recorded as paid"), "{out}");
    let p = paid(&schedule(&f.path, "jb"));
    assert_eq!(
        &p[..7],
        [
            "916.80", "916.80", "916.80", "916.80", "916.80", "916.80", "0.00"
        ]
    );
    // One undo takes the loan and its payments out together.
    ok(&f.path, &["undo"]);
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), EXISTING);

    // The existing loan: 1,200 at 0% over 12 from 2026-11-01, 100 a month; the first is due
    // 2026-12-01, the second 2027-01-01 (after today).
    let err = refused(&f.path, &["pay", "old", "--through", "2"]);
    assert!(
        err.contains("installment 2 falls due on 2027-01-01, after today"),
        "{err}"
    );
    let out = ok(&f.path, &["pay", "old", "--through", "1"]);
    assert!(
        out.contains("Recorded 1 payment on their due dates, ¥100.00 in all"),
        "{out}"
    );
    assert_eq!(paid(&schedule(&f.path, "old"))[0], "100.00");
    let err = refused(&f.path, &["pay", "old", "--through", "1"]);
    assert!(err.contains("already paid"), "{err}");
    ok(&f.path, &["undo"]);
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), EXISTING);
}

#[test]
fn pay_through_records_every_installment_in_one_write() {
    let f = file(EXISTING);
    ok(
        &f.path,
        &[
            "add",
            "--id",
            "jb",
            "--platform",
            "借呗",
            "--principal",
            "10000",
            "--annual-rate",
            "18",
            "--method",
            "equal_installment",
            "--term",
            "12",
            "--start",
            "2026-05-10",
        ],
    );
    let before = std::fs::read_to_string(&f.path).unwrap();
    let out = ok(&f.path, &["pay", "jb", "--through", "6"]);
    assert!(
        out.contains("Recorded 6 payments on their due dates, ¥5,500.80 in all"),
        "{out}"
    );
    let text = std::fs::read_to_string(&f.path).unwrap();
    assert!(text.starts_with(&before));
    assert_eq!(text.matches("[[loan.payments]]").count(), 6);
    assert_eq!(
        std::fs::read_to_string(f.path.with_file_name("loans.toml.bak")).unwrap(),
        before
    );
    ok(&f.path, &["undo"]);
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), before);
}

#[test]
fn answers_piped_in_one_a_line() {
    let f = file(EXISTING);
    // platform, product, name (default), method (1: equal installments), principal, rate kind
    // (1: annual), rate, term, start, due day (default), contact, end of contacts, paid through
    // (default 0), id, confirm. A wrong principal is asked again; `<` steps back from the term
    // to the rate, given again.
    let answers = "借呗\n\n\n1\nabc\n10000\n1\n18\n<\n18\n12\n2026-05-10\n\n王小明,同事,13800000001\n\n\njb\ny\n";
    let out = cmd(&f.path, &["add"])
        .write_stdin(answers)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("Amount borrowed"), "{err}");
    assert!(err.contains("\"abc\" is not an amount"), "{err}");
    assert!(err.contains("Number of monthly installments [12]"), "{err}");
    assert!(
        err.contains("    1  2026-06-10       ¥916.80"),
        "the preview before confirming: {err}"
    );
    let s = schedule(&f.path, "jb");
    assert_eq!(amounts(&s)[0], "916.80");
    let text = std::fs::read_to_string(&f.path).unwrap();
    assert!(
        text.contains("{ name = \"王小明\", relation = \"同事\", phone = \"13800000001\" }"),
        "{text}"
    );
}

#[test]
fn init_dates_its_example_and_says_what_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("loans.toml");
    let out = ok(&path, &["init"]);
    assert!(out.contains("Next:"), "{out}");
    assert!(out.contains(" add "), "{out}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nstart_date = 2026-12-03 "), "drawn today");
    assert!(
        text.contains("\n# lang = \"zh\""),
        "lang left to the locale"
    );
    let check: Value = serde_json::from_str(&ok(&path, &["check", "--json"])).unwrap();
    let loan = &check["loans"][0];
    assert_eq!(loan["status"], "current");
    assert_eq!(loan["next_due_date"], "2027-01-03");
}

#[test]
fn completions_and_man_page() {
    let f = file(EXISTING);
    for (shell, mark) in [
        ("bash", "_repaydash()"),
        ("zsh", "#compdef repaydash"),
        ("fish", "complete -c repaydash"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = ok(&f.path, &["completions", shell]);
        assert!(out.contains(mark), "{shell}: {out}");
        assert!(
            out.contains("paid-through"),
            "{shell} completes add's flags"
        );
    }
    let man = ok(&f.path, &["man"]);
    assert!(man.starts_with(".ie \\n(.g .ds Aq"), "{}", &man[..80]);
    assert!(man.contains(".TH repaydash"), "a roff page");
    assert!(man.contains("completions"));
}

/// Two loans: `old` (1,200 at 0% over 12 from 2026-11-01, 100.00 due 2026-12-01: overdue on
/// TODAY) and `hb`, a bill of 458.30 due 2026-12-09.
const TWO: &str = "[[loan]]\nid = \"old\"\nplatform = \"ctrip\"\nprincipal = 1200\nannual_rate = 0\nmethod = \"equal_principal\"\nterm = 12\nstart_date = 2026-11-01\n\n[[loan]]\nid = \"hb\"\nplatform = \"花呗\"\namount_due = 458.30\ndue_date = 2026-12-09\n";

fn check_ids(path: &Path, all: bool) -> Vec<String> {
    let mut args = vec!["check", "--json"];
    if all {
        args.push("--all");
    }
    let v: Value = serde_json::from_str(&ok(path, &args)).unwrap();
    v["loans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn archive_hides_a_loan_from_every_output_and_unarchive_brings_it_back() {
    let f = file(TWO);
    let status_before = ok(&f.path, &["status"]);
    assert!(status_before.contains("overdue ¥100.00"), "{status_before}");
    let out = ok(&f.path, &["archive", "old"]);
    assert!(out.contains("Archived \"old\""), "{out}");
    let text = std::fs::read_to_string(&f.path).unwrap();
    assert!(text.starts_with("[[loan]]\nid = \"old\"\n"), "{text}");
    assert!(text.contains("archived = true\n"), "{text}");
    ok(&f.path, &["validate"]);

    assert_eq!(check_ids(&f.path, false), ["hb"]);
    assert_eq!(check_ids(&f.path, true), ["old", "hb"]);
    // Shown by --all, it is marked, and the totals still leave it out.
    let all: Value = serde_json::from_str(&ok(&f.path, &["check", "--all", "--json"])).unwrap();
    let marks: Vec<(&str, bool)> = all["loans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["id"].as_str().unwrap(), l["archived"].as_bool().unwrap()))
        .collect();
    assert_eq!(marks, [("old", true), ("hb", false)]);
    let all_text = ok(&f.path, &["check", "--all"]);
    assert!(all_text.contains("(archived)"), "{all_text}");
    assert!(all_text.contains("overdue ¥0.00"), "{all_text}");
    let check = ok(&f.path, &["check"]);
    assert!(
        !check.contains("¥100.00"),
        "the overdue 100 leaves the totals: {check}"
    );
    let status = ok(&f.path, &["status"]);
    assert!(!status.contains("overdue"), "{status}");
    assert!(status.contains("¥458.30"), "{status}");
    let plan: Value =
        serde_json::from_str(&ok(&f.path, &["plan", "--cash", "1000", "--json"])).unwrap();
    assert!(!plan.to_string().contains("\"old\""), "{plan}");
    let ics = ok(&f.path, &["export", "ics"]);
    assert!(ics.contains("458.30") && !ics.contains("100.00"), "{ics}");
    // Named by its id, it is still there.
    assert_eq!(paid(&schedule(&f.path, "old")).len(), 12);

    let err = refused(&f.path, &["archive", "old"]);
    assert!(err.contains("already archived"), "{err}");
    ok(&f.path, &["unarchive", "old"]);
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), TWO);
    assert_eq!(check_ids(&f.path, false), ["old", "hb"]);
    // Each is one write: undo takes the unarchive back.
    ok(&f.path, &["undo"]);
    assert_eq!(check_ids(&f.path, false), ["hb"]);
}

#[test]
fn a_paid_off_loan_offers_to_archive() {
    let f = file(TWO);
    let out = ok(&f.path, &["pay", "hb", "458.30"]);
    assert!(
        out.contains("is paid off; to keep it out of sight:"),
        "{out}"
    );
    assert!(out.contains("archive hb"), "{out}");
}

/// An editor that records its arguments and optionally replaces the file's text.
fn recording_editor(dir: &Path, write: Option<&str>) -> (PathBuf, PathBuf) {
    let log = dir.join("args.txt");
    let script = dir.join("ed.sh");
    let body = match write {
        Some(text) => format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nprintf '%s' '{}' > \"$2\"\n",
            log.display(),
            text
        ),
        None => format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", log.display()),
    };
    std::fs::write(&script, body).unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    (script, log)
}

#[cfg(unix)]
#[test]
fn edit_opens_the_editor_at_the_loans_line() {
    let f = file(TWO);
    let dir = tempfile::tempdir().unwrap();
    let (ed, log) = recording_editor(dir.path(), None);
    let out = cmd(&f.path, &["edit", "hb"])
        .env("VISUAL", &ed)
        .env("EDITOR", "false")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `hb`'s [[loan]] is line 10 of TWO.
    let args = std::fs::read_to_string(&log).unwrap();
    assert_eq!(args, format!("+10\n{}\n", f.path.display()));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok, 2 loans"));
    // $EDITOR when $VISUAL is unset.
    let out = cmd(&f.path, &["edit", "old"])
        .env_remove("VISUAL")
        .env("EDITOR", &ed)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        format!("+1\n{}\n", f.path.display())
    );
    let err = refused(&f.path, &["edit", "nope"]);
    assert!(
        err.contains("no loan with id \"nope\"") || err.contains("nope"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn an_edit_that_breaks_the_file_says_where_and_reopens_there() {
    let f = file(TWO);
    let dir = tempfile::tempdir().unwrap();
    let broken = "[[loan]]\nid = \"old\"\nplatform = \"ctrip\"\nprincipal = abc\n";
    let (ed, _) = recording_editor(dir.path(), Some(broken));
    let out = cmd(&f.path, &["edit", "old"])
        .env("VISUAL", &ed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:4:", f.path.display())), "{err}");
    assert!(err.contains("reopens it at the first one"), "{err}");
    // `edit` with no id opens at the first problem.
    let (ed2, log2) = recording_editor(dir.path(), None);
    assert_eq!(ed, ed2);
    let out = cmd(&f.path, &["edit"])
        .env("VISUAL", &ed2)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&log2).unwrap().starts_with("+4\n"));
}

#[test]
fn a_bill_list_preview_does_not_claim_a_cost() {
    let f = file("");
    let out = ok(
        &f.path,
        &[
            "add",
            "--id",
            "hb",
            "--platform",
            "花呗",
            "--bill",
            "2026-12-20:500",
            "--bill",
            "2027-01-20:500",
        ],
    );
    assert!(
        out.contains("Repaid in all ¥1,000.00 (bills: interest and true annual rate unknown)"),
        "{out}"
    );
    assert!(!out.contains("interest and fees ¥0.00"), "{out}");
}

/// The history view numbers payments without the penalty ones (the model keeps those apart):
/// removing the second payment removes the second installment payment in the file, not the
/// penalty payment written between them, whether the payments are tables or an inline array.
#[test]
fn removing_a_payment_skips_the_penalty_payments_between() {
    let builtin = repaydash::store::builtin_policies().unwrap();
    let tables = "[[loan]]\nid = \"a\"\nplatform = \"alipay\"\namount_due = 100\ndue_date = 2026-12-20\n\n[[loan.payments]]\ndate = 2026-11-01\namount = 10\n\n[[loan.payments]]\ndate = 2026-11-02\namount = 5\nkind = \"penalty\"\n\n[[loan.payments]]\ndate = 2026-11-03\namount = 20\n";
    let inline = "[[loan]]\nid = \"a\"\nplatform = \"alipay\"\namount_due = 100\ndue_date = 2026-12-20\npayments = [\n  { date = 2026-11-01, amount = 10 },\n  { date = 2026-11-02, amount = 5, kind = \"penalty\" },\n  { date = 2026-11-03, amount = 20 },\n]\n";
    for text in [tables, inline] {
        let f = file(text);
        let source = repaydash::store::Source::File(f.path.clone());
        repaydash::store::add::remove_entry(&source, &builtin, "a", "payments", 1).unwrap();
        let after = std::fs::read_to_string(&f.path).unwrap();
        assert!(after.contains("amount = 10"), "{after}");
        assert!(
            after.contains("amount = 5"),
            "the penalty payment stays: {after}"
        );
        assert!(!after.contains("amount = 20"), "{after}");
    }
}
