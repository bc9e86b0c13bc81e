//! `notice`, `complaint`, `letter` and the log's new fields, through the real binary, over
//! data/calls.toml (worked by hand in its comments and below).

mod common;

use std::fs;

use common::stdout_of;
use serde_json::{Value, json};

const CALLS: &str = "data/calls.toml";
const TODAY: &str = "2026-11-23";

fn run(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("repaydash")
        .expect("the repaydash binary")
        .args(args)
        .output()
        .expect("running repaydash")
}

/// The fixture log, by hand: 11-18 has 21:59:59 (day) and 22:00:00 (night); 11-19 has 07:59:59
/// (night), 08:00:00, 12:00:00 and one without a time (a call, never a night call): 4 calls, over
/// 3; 11-20 has a 23:10:00 call to 李芳 who was told of the debt, and an SMS to Wang Wei (a
/// contact, not a call). 7 calls, 3 at night, 1 day over 3.
#[test]
fn complaint_json_counts_the_fixture_log() {
    let out = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "complaint",
        "ctrip-jqh",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v,
        json!({
            "id": "ctrip-jqh",
            "from": "2026-11-18",
            "to": "2026-11-23",
            "calls": 7,
            "night_calls": 3,
            "days_over_3": 1,
            "days_over_6": [{"who": "me", "days": 0}, {"who": "李芳", "days": 0}],
            "contacts_called": [
                {"name": "李芳", "calls": 1, "told_debt": true},
                {"name": "Wang Wei", "calls": 0, "told_debt": false}
            ],
            "flagged": [
                {"date": "2026-11-18", "time": "22:00:00", "flags": ["night"], "text": "十点整又打来"},
                {"date": "2026-11-19", "time": "12:00:00", "flags": ["insult"], "text": "中午，骂人"},
                {"date": "2026-11-20", "time": "23:10:00", "flags": ["told_third_party", "threat"],
                 "text": "打给我姐姐，说了我欠钱，还说要上门"}
            ],
            "days": [
                {"date": "2026-11-18", "calls": 2, "night_calls": 1, "most_to_one_number": 2},
                {"date": "2026-11-19", "calls": 4, "night_calls": 1, "most_to_one_number": 4},
                {"date": "2026-11-20", "calls": 1, "night_calls": 1, "most_to_one_number": 1}
            ]
        })
    );
}

#[test]
fn complaint_range_narrows_the_count() {
    let out = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "complaint",
        "ctrip-jqh",
        "--from",
        "2026-11-19",
        "--to",
        "2026-11-19",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["calls"], 4);
    assert_eq!(v["night_calls"], 1);
    assert_eq!(v["days_over_3"], 1);
    assert_eq!(v["contacts_called"], json!([]));

    let o = run(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "complaint",
        "ctrip-jqh",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-19",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("2026-11-20"));
}

#[test]
fn complaint_text_summarises_then_drafts_in_both_languages() {
    let zh = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "zh",
        "complaint",
        "ctrip-jqh",
    ]);
    assert!(zh.contains("催收电话 7 次 · 夜间（22:00–08:00）3 次 · 超过每日 3 次：1 天"));
    assert!(zh.contains("2026-11-19     4     1  >3"), "{zh}");
    assert!(zh.contains("李芳：电话 1 次 · 被告知了欠款"));
    assert!(zh.contains("2026-11-20 23:10:00  [向他人透露债务、威胁]"));
    assert!(zh.contains("GB/T 45251—2025"));
    // Lender first, then 12378, 12321 and 110, in that order.
    let order: Vec<usize> = ["致携程金融", "12378", "12321", "110"]
        .iter()
        .map(|w| zh.rfind(w).unwrap_or_else(|| panic!("{w} missing:\n{zh}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{zh}");
    assert!(zh.contains("记录里有威胁"));
    assert!(zh.contains("不是法律意见"));

    let en = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "en",
        "complaint",
        "ctrip-jqh",
    ]);
    assert!(en.contains("7 collection calls · 3 at night (22:00–08:00) · over 3 a day: 1 day"));
    assert!(en.contains("李芳: 1 call · told of the debt"));
    assert!(en.contains("To Ctrip Finance (customer service / complaints):"));
    assert!(en.contains("recommended standard is not a law"));
}

/// The fixture's phones must not leak in any form: whole, masked, or their last four digits.
fn assert_no_phone(text: &str) {
    for phone in ["13912345678", "15055512345"] {
        assert!(!text.contains(phone), "{phone} in:\n{text}");
        assert!(!text.contains(&phone[7..]), "{} in:\n{text}", &phone[7..]);
        assert!(!text.contains(&phone[..3]), "{} in:\n{text}", &phone[..3]);
    }
}

/// The installment of 2026-11-15 is unpaid; ctrip contacts are reported from day 1: 2026-11-16.
#[test]
fn notice_names_the_contact_and_the_date_in_both_languages_without_phones() {
    let zh = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        "2026-11-15",
        "--lang",
        "zh",
        "notice",
        "ctrip-jqh",
    ]);
    assert!(zh.contains("── 给 李芳（姐姐） ──"), "{zh}");
    assert!(zh.contains("李芳，有件事想先跟你说"));
    assert!(zh.contains("对方最早可能从 2026-11-16 起打电话给你"));
    assert!(zh.contains("《携程借款逾期一天会立即联系紧急联系人吗》"));
    assert!(zh.contains("不欠这笔钱"));
    assert!(zh.contains("12321") && zh.contains("12378") && zh.contains("110"));
    // The colleague is addressed formally, and was marked told on 11-21 (after this day).
    assert!(zh.contains("Wang Wei您好"));
    assert_no_phone(&zh);

    let en = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "en",
        "notice",
        "ctrip-jqh",
        "--contact",
        "李芳",
    ]);
    assert!(en.starts_with("── To 李芳 (姐姐) ──\nHi 李芳,"), "{en}");
    assert!(en.contains("may call you any time since 2026-11-16"));
    assert!(en.contains("You owe nothing"));
    // The plan comes from the loan's proposal: a budget of 600 does not even cover the regular
    // installment of 1,100.16, so no monthly figure is promised to anyone (engine::proposal asks
    // the lender for a restructuring instead).
    assert!(
        en.contains("I am negotiating a repayment plan with the lender"),
        "{en}"
    );
    assert!(!en.contains("I am offering"), "{en}");
    assert!(!en.contains("Wang Wei"));
    assert_no_phone(&en);

    let told = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "en",
        "notice",
        "ctrip-jqh",
        "--contact",
        "Wang Wei",
    ]);
    assert!(told.starts_with("── To Wang Wei (colleague) · told on 2026-11-21 ──"));

    let o = run(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "en",
        "notice",
        "ctrip-jqh",
        "--contact",
        "张三",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("it has: 李芳, Wang Wei"));
}

#[test]
fn log_flags_are_written_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::copy(CALLS, &path).unwrap();
    let file = path.to_str().unwrap();
    stdout_of(&[
        "--file",
        file,
        "--today",
        TODAY,
        "log",
        "ctrip-jqh",
        "collection_call",
        "半夜打给我",
        "--date",
        "2026-11-22",
        "--time",
        "23:30",
        "--who",
        "me",
        "--channel",
        "call",
        "--caller",
        "0571-xxxx",
        "--flags",
        "night,threat",
    ]);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.ends_with(
        "\n[[loan.log]]\ndate = 2026-11-22\ntime = 23:30:00\nkind = \"collection_call\"\nwho = \"me\"\nchannel = \"call\"\ncaller = \"0571-xxxx\"\nflags = [\"night\", \"threat\"]\ntext = \"半夜打给我\"\n"
    ), "{text}");
    let v: Value = serde_json::from_str(&stdout_of(&[
        "--file",
        file,
        "--today",
        TODAY,
        "complaint",
        "ctrip-jqh",
        "--json",
    ]))
    .unwrap();
    assert_eq!(
        (v["calls"].clone(), v["night_calls"].clone()),
        (json!(8), json!(4))
    );

    // `--time now` writes the clock's time (whatever it is) and today's date.
    stdout_of(&[
        "--file",
        file,
        "--today",
        TODAY,
        "log",
        "ctrip-jqh",
        "collection_call",
        "刚才",
        "--time",
        "now",
    ]);
    let text = fs::read_to_string(&path).unwrap();
    let tail = &text[text.rfind("[[loan.log]]").unwrap()..];
    let time = tail.lines().nth(2).unwrap();
    assert!(
        tail.starts_with("[[loan.log]]\ndate = 2026-11-23\ntime = "),
        "{tail}"
    );
    let hms = time.trim_start_matches("time = ");
    assert!(
        hms.len() == 8 && chrono::NaiveTime::parse_from_str(hms, "%H:%M:%S").is_ok(),
        "{time}"
    );

    // Wrong words are refused before anything is written.
    for (flag, value) in [
        ("--channel", "wechat"),
        ("--flags", "night,rude"),
        ("--time", "25:00"),
    ] {
        let o = run(&[
            "--file",
            file,
            "--today",
            TODAY,
            "log",
            "ctrip-jqh",
            "collection_call",
            "x",
            flag,
            value,
        ]);
        assert_eq!(o.status.code(), Some(2), "{flag} {value}");
    }
    let o = run(&[
        "--file",
        file,
        "--today",
        TODAY,
        "log",
        "ctrip-jqh",
        "contact_notified",
        "told",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--who"));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

/// The letter's proposal is the call script's, from the one proposal function, within the budget.
/// By hand, budget 600: the regular installment (1,100.16, due 2026-12-15) takes more than the
/// share, so everything owed (5,500.83) is spread over ceil(5,500.83 / 600) = 10 months at
/// 550.083… → 550.09 (≤ 600). Budget 1,500: 1,500 − 1,100.16 = 399.84 a month toward the
/// 1,100.16 overdue, ceil(2.75) = 3 months, 1,500.00 a month (≤ 1,500).
#[test]
fn letter_proposes_the_call_scripts_figures_within_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let rich = dir.path().join("rich.toml");
    fs::write(
        &rich,
        fs::read_to_string(CALLS)
            .unwrap()
            .replace("monthly_budget = 600", "monthly_budget = 1500"),
    )
    .unwrap();
    let cases = [
        (
            CALLS,
            "申请把尚欠的全部 ¥5,500.83 重新分期（个性化分期或延期）：分 10 个月，每月 ¥550.09。以上金额不超过我每月能用于这笔借款的 ¥600.00。",
            ["¥5,500.83", "10个月", "¥550.09"],
        ),
        (
            rich.to_str().unwrap(),
            "每月还 ¥1,500.00（其中 ¥1,100.16 是每期正常应还，¥399.84 用于逾期部分），分 3 个月还清逾期的 ¥1,100.16。以上金额不超过我每月能用于这笔借款的 ¥1,500.00。",
            ["¥1,500.00", "3个月", "¥1,100.16"],
        ),
    ];
    for (file, proposal, script_figures) in cases {
        let letter = stdout_of(&[
            "--file",
            file,
            "--today",
            TODAY,
            "--lang",
            "zh",
            "letter",
            "ctrip-jqh",
        ]);
        let section = letter.split("三、还款方案\n").nth(1).unwrap_or_default();
        let paragraph = section.lines().next().unwrap_or_default();
        assert!(paragraph.ends_with(proposal), "{letter}");
        let advice: Value = serde_json::from_str(&stdout_of(&[
            "--file",
            file,
            "--today",
            TODAY,
            "--lang",
            "zh",
            "advice",
            "ctrip-jqh",
            "--json",
        ]))
        .unwrap();
        let request = advice["panels"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["items"].as_array().unwrap())
            .map(|i| i["text"].as_str().unwrap())
            .find(|t| t.starts_with("我的请求是"))
            .expect("the script's request");
        for f in script_figures {
            assert!(request.contains(f), "{f} not in {request}");
        }
    }
}

#[test]
fn letter_states_the_loan_the_reason_requests_and_attachments() {
    let en = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "en",
        "letter",
        "ctrip-jqh",
        "--reason",
        "My salary was cut by half.",
    ]);
    assert!(
        en.starts_with("Request to negotiate repayment\n\nTo: Ctrip Finance\n"),
        "{en}"
    );
    assert!(en.contains("Overdue: ¥1,100.16, for 8 days (the oldest unpaid installment was due on 2026-11-15); everything still owed: ¥5,500.83."));
    assert!(en.contains("2. Why I cannot pay as agreed\nMy salary was cut by half.\n"));
    assert!(en.contains("requests, which you may grant or not"));
    assert!(en.contains("个性化分期") && en.contains("停息挂账"));
    assert!(en.contains("Proof of income") && en.contains("Bank statements"));
    assert!(en.contains("Signature: __________\nDate: 2026-11-23"));
    assert_no_phone(&en);

    // Without --reason, the loan's `hardship` key; without either, a line to fill in.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::write(
        &path,
        fs::read_to_string(CALLS).unwrap().replace(
            "product = \"借去花\"\n",
            "product = \"借去花\"\nhardship = \"十月起工资减半\"\n",
        ),
    )
    .unwrap();
    let zh = stdout_of(&[
        "--file",
        path.to_str().unwrap(),
        "--today",
        TODAY,
        "--lang",
        "zh",
        "letter",
        "ctrip-jqh",
    ]);
    assert!(
        zh.contains("二、无法按原计划还款的原因\n十月起工资减半\n"),
        "{zh}"
    );
    assert!(zh.contains("申请人（签名）：__________\n日期：2026-11-23"));
    let blank = stdout_of(&[
        "--file",
        CALLS,
        "--today",
        TODAY,
        "--lang",
        "zh",
        "letter",
        "ctrip-jqh",
    ]);
    assert!(blank.contains("二、无法按原计划还款的原因\n__________"));
}

/// The loan's own `emergency_contact_after_days` moves the date (2026-11-15 + 3 = 2026-11-18)
/// and the basis says it is the borrower's own day, not the article's.
#[test]
fn notice_gives_the_users_own_day_as_its_basis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::write(
        &path,
        fs::read_to_string(CALLS).unwrap().replace(
            "product = \"借去花\"\n",
            "product = \"借去花\"\nemergency_contact_after_days = 3\n",
        ),
    )
    .unwrap();
    let zh = stdout_of(&[
        "--file",
        path.to_str().unwrap(),
        "--today",
        "2026-11-16",
        "--lang",
        "zh",
        "notice",
        "ctrip-jqh",
        "--contact",
        "李芳",
    ]);
    assert!(
        zh.contains(
            "对方最早可能从 2026-11-18 起打电话给你（依据：我按自己的合同记下的天数：逾期第 3 天）"
        ),
        "{zh}"
    );
    assert!(!zh.contains("《"), "{zh}");
}

/// The notice tells contacts only what the loan's proposal (engine::proposal) can keep.
/// The fixture's loan on 2026-11-23: installment 8 (1,100.16, due 11-15) overdue, the next
/// 1,100.16 due 12-15; it is the only loan, so the whole budget is its share.
#[test]
fn notice_promises_only_what_the_budget_keeps() {
    let text = fs::read_to_string(CALLS).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let with_budget = |b: &str| {
        let path = dir.path().join(format!("calls-{b}.toml"));
        fs::write(
            &path,
            text.replace("monthly_budget = 600", &format!("monthly_budget = {b}")),
        )
        .unwrap();
        path.to_str().unwrap().to_string()
    };
    let notice = |file: &str| {
        stdout_of(&[
            "--file",
            file,
            "--today",
            TODAY,
            "--lang",
            "en",
            "notice",
            "ctrip-jqh",
            "--contact",
            "李芳",
        ])
    };
    // 1,600: 1,600 − 1,100.16 = 499.84 a month toward 1,100.16 → ceil(2.2) = 3 months.
    let en = notice(&with_budget("1600"));
    assert!(
        en.contains("I am offering ¥1,600.00 a month for 3 months"),
        "{en}"
    );
    // 3,000: the share (1,100.16 + 1,100.16) clears the one overdue installment this month: ask to
    // move it 30 days on.
    let en = notice(&with_budget("3000"));
    assert!(
        en.contains("move the overdue installment to 2026-12-23"),
        "{en}"
    );
}

/// tests/fixtures/protect/one_day.toml, by hand: seven calls on 2026-11-20, 09:00 to 15:00, none
/// at night; so one day over 3 and one day over 6; the 09:00 call reached 李芳 (once, not told of
/// the debt) and is the one flagged entry. Every count of one reads singular in English.
#[test]
fn counts_of_one_read_singular_in_the_complaint_and_the_letter() {
    const ONE_DAY: &str = "tests/fixtures/protect/one_day.toml";
    let complaint = |lang: &str| {
        stdout_of(&[
            "--file",
            ONE_DAY,
            "--today",
            TODAY,
            "--lang",
            lang,
            "complaint",
            "ctrip-jqh",
        ])
    };
    let en = complaint("en");
    for line in [
        // 6 calls to the borrower and 1 to 李芳: no number got more than 6 (issue 21).
        "7 collection calls · 0 at night (22:00–08:00) · over 3 a day: 1 day · over 6 a day to one number: 0 days\n",
        "  李芳: 1 call · not recorded as told of the debt\n",
        "I logged 7 collection calls from you or your collection agent.\n",
        "Of these: more than 3 a day on 1 day; my contacts were called (李芳); 1 entry records threats, insults or false claims of legal action (listed under \"Flagged entries\" above).\n",
    ] {
        assert!(en.contains(line), "{line}\n{en}");
    }
    assert!(!en.contains(" 1 days") && !en.contains(" 1 calls"), "{en}");
    let zh = complaint("zh");
    for line in [
        "催收电话 7 次 · 夜间（22:00–08:00）0 次 · 超过每日 3 次：1 天 · 同一号码超过每日 6 次：0 天\n",
        "  李芳：电话 1 次 · 没有记录被告知欠款\n",
        "有 1 天每天超过 3 次；联系了我的联系人 李芳；有 1 条记录涉及威胁、辱骂或冒充法律程序（见上方“标记的记录”）。\n",
    ] {
        assert!(zh.contains(line), "{line}\n{zh}");
    }
    // The installment due 2026-11-15, on 11-16: one day overdue.
    let letter = |lang: &str| {
        stdout_of(&[
            "--file",
            CALLS,
            "--today",
            "2026-11-16",
            "--lang",
            lang,
            "letter",
            "ctrip-jqh",
        ])
    };
    assert!(
        letter("en").contains(
            "Overdue: ¥1,100.16, for 1 day (the oldest unpaid installment was due on 2026-11-15)"
        ),
        "{}",
        letter("en")
    );
}

#[test]
fn a_flagged_call_to_the_borrower_names_them_in_the_readers_language() {
    // `who = "me"` is the file's word; the complaint a lender reads says 本人 / me, and a
    // contact keeps the name the user wrote.
    let toml = r#"[[loan]]
id = "xt"
platform = "xingtu"
principal = 8000
daily_rate = 0.05
method = "equal_principal"
term = 6
start_date = 2026-08-05

[[loan.log]]
date = 2026-11-20
time = 23:10:00
kind = "collection_call"
who = "me"
caller = "95xxx"
flags = ["night", "threat"]
text = "半夜打来"

[[loan.log]]
date = 2026-11-21
time = 10:00:00
kind = "collection_call"
who = "张伟"
flags = ["told_third_party"]
text = "打给同事"
"#;
    let text = |lang| common::stdout_on(toml, "2026-11-24", lang, &["complaint", "xt"]);
    let zh = text("zh");
    assert!(
        zh.contains("[夜间、威胁]  对象：本人  来电：95xxx  半夜打来"),
        "{zh}"
    );
    assert!(zh.contains("对象：张伟"), "{zh}");
    assert!(!zh.contains("对象：me"), "{zh}");
    let en = text("en");
    assert!(
        en.contains("[at night, threat]  who: me  caller: 95xxx"),
        "{en}"
    );
    assert!(en.contains("who: 张伟"), "{en}");
}

#[test]
fn a_complaint_without_calls_cites_no_per_day_table() {
    // A log with a note only: the document has no per-day table ("no collection calls logged"),
    // so the draft must not point at one.
    let toml =
        "[[loan]]\nid = \"xt\"\nplatform = \"xingtu\"\nprincipal = 8000\ndaily_rate = 0.05\n\
         method = \"equal_principal\"\nterm = 6\nstart_date = 2026-08-05\n\n\
         [[loan.log]]\ndate = 2026-11-20\nkind = \"note\"\ntext = \"查了一下账单\"
";
    let text = |lang| common::stdout_on(toml, "2026-11-24", lang, &["complaint", "xt"]);
    let en = text("en");
    assert!(
        en.contains("No collection calls logged in this range"),
        "{en}"
    );
    assert!(
        en.contains("Evidence: my own log of the calls, and the call records"),
        "{en}"
    );
    assert!(!en.contains("counted by day above"), "{en}");
    let zh = text("zh");
    assert!(
        zh.contains("证据：我本人的催收记录，以及我保存的通话记录"),
        "{zh}"
    );
    assert!(!zh.contains("按日统计"), "{zh}");
}
