//! The advice library and `repaydash advice`: content checks on both assets, the panels chosen per
//! situation and platform, the call script's figures, and the JSON shape.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use repaydash::engine::proposal::{self, Proposal};
use repaydash::engine::{LoanView, Situation};
use repaydash::i18n::Lang;
use repaydash::knowledge::Policies;
use repaydash::knowledge::advice::{
    self, ADVICE_EN, ADVICE_ZH, ARTICLES, ItemKind, RULES, Topic, topic_order,
};
use repaydash::store;
use repaydash::store::builtin_policies;

const SAMPLE: &str = "data/sample.toml";

/// The proposal of a portfolio's only loan: the whole budget is its.
fn alone(view: &LoanView, loaded: &store::Loaded) -> Proposal {
    proposal::proposals(
        std::slice::from_ref(view),
        loaded.portfolio.settings.monthly_budget,
    )
    .remove(0)
}
const TODAY: &str = "2026-11-23";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    Command::cargo_bin("repaydash").unwrap()
}

fn run_ok(args: &[&str]) -> String {
    let out = bin().current_dir(manifest()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn advice_json(file: &str, id: &str, lang: &str) -> Value {
    let out = run_ok(&[
        "--file", file, "--today", TODAY, "--lang", lang, "advice", id, "--json",
    ]);
    serde_json::from_str(&out).unwrap()
}

fn libs() -> [&'static advice::Library; 2] {
    [
        advice::library(Lang::Zh).unwrap(),
        advice::library(Lang::En).unwrap(),
    ]
}

#[test]
fn every_item_cites_an_article_or_a_rule() {
    for lib in libs() {
        for it in &lib.items {
            // Each source names a known article or rule; an item no source fully supports is
            // marked general guidance (and may then have no source at all).
            assert!(
                !it.sources.is_empty() || it.general,
                "{} has no source and is not marked general guidance",
                it.id
            );
            for s in &it.sources {
                assert!(
                    ARTICLES.contains(&s.as_str()) || RULES.contains(&s.as_str()),
                    "{}: {s:?} is neither an article title nor a known rule",
                    it.id
                );
            }
        }
        for s in &lib.script.sources {
            assert!(ARTICLES.contains(&s.as_str()), "script source {s:?}");
        }
        // Rules belong to the "your rights" panel: each is cited by at least one rights item.
        for rule in RULES.iter() {
            assert!(
                lib.items
                    .iter()
                    .any(|it| it.topics.contains(&Topic::Rights)
                        && it.sources.iter().any(|s| s == rule)),
                "rule {rule:?} is cited by no rights item"
            );
        }
    }
}

/// Issue 11 lists the items whose cited source does not say what they say: each is now marked
/// general guidance, in both languages, and the panels show it as such.
#[test]
fn items_beyond_their_sources_are_general_guidance_and_shown_so() {
    let general = [
        "negotiate-get-it-in-writing",
        "extension-severe-plan",
        "credit-paid-off-proof",
        "rights-lawsuit",
        "prevention-no-new-debt",
        // Issue 21: no article says negotiation still helps after a credit record or a lawsuit,
        // and the hotlines do not say what evidence is strongest.
        "negotiate-severe-still-talk",
        "rights-keep-evidence",
        // Issue 20: keeping an agreement and the closing checklist.
        "agreement-pay-early",
        "agreement-before-missing",
        "agreement-report-stays",
        "closing-proof",
        "closing-settled-differently",
    ];
    for lib in libs() {
        for it in &lib.items {
            assert_eq!(it.general, general.contains(&it.id.as_str()), "{}", it.id);
        }
        // No source is the 003 article for the written confirmation any more.
        let w = lib
            .items
            .iter()
            .find(|i| i.id == "negotiate-get-it-in-writing")
            .unwrap();
        assert!(w.sources.is_empty());
    }
    // The 120-days-overdue alipay case shows the court item with the label after its source.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(
        &path,
        "[[loan]]\nid = \"jb\"\nplatform = \"借呗\"\namount_due = 1000\ndue_date = 2026-07-26\n",
    )
    .unwrap();
    for (lang, label) in [
        ("zh", advice::general_guidance(Lang::Zh)),
        ("en", advice::general_guidance(Lang::En)),
    ] {
        let v = advice_json(path.to_str().unwrap(), "jb", lang);
        let court = if lang == "zh" { "传票" } else { "summons" };
        let item = v["panels"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["items"].as_array().unwrap())
            .find(|i| i["text"].as_str().unwrap().contains(court))
            .unwrap();
        assert_eq!(
            item["sources"],
            serde_json::json!(["星图金融任性贷逾期多久会联系紧急联系人", label])
        );
    }
}

/// The claims issue 11 found too strong now say what their sources say.
#[test]
fn claims_say_no_more_than_their_sources() {
    let [zh, en] = libs();
    let text = |lib: &advice::Library, id: &str| {
        lib.items.iter().find(|i| i.id == id).unwrap().text.clone()
    };
    // A recommended standard recommends; it does not bar or require.
    for id in ["rights-standard-contacts", "rights-standard-hours"] {
        assert!(text(zh, id).contains("推荐性"), "{id}");
        assert!(
            !text(zh, id).contains("不得") && !text(zh, id).contains("规定"),
            "{id}"
        );
        assert!(text(en, id).contains("recommend"), "{id}");
        assert!(
            !text(en, id).contains("bars") && !text(en, id).contains("must"),
            "{id}"
        );
    }
    // Contacts after failed reminders, not "earlier when reminders fail".
    assert!(!text(zh, "contacts-generic").contains("没起作用、或者本人联系不上时，会更早"));
    // Issue 21: "only then considers", as the article says.
    assert!(text(en, "contacts-generic").contains(
        "only when SMS or e-mail reminders have failed to get you to pay does the platform then consider calling contacts"
    ));
    assert!(text(zh, "contacts-generic").contains("平台才会考虑联系紧急联系人"));
    // Issue 21: the article is about one unnamed platform: for any other, an estimate; its
    // "8 to 30 days" is one range.
    assert!(
        text(en, "contacts-generic").contains("a single installment platform it does not name")
    );
    assert!(
        text(en, "contacts-generic")
            .contains("about day 8 to 30 overdue; for your platform that is only an estimate")
    );
    assert!(
        text(zh, "contacts-generic")
            .contains("大约在逾期第8到30天开始联系紧急联系人；对你的平台，这只是估计")
    );
    // Issue 21: 星图's days keep the article's hedges (一般而言, 左右, 往往, 甚至可能), and the credit
    // record is what the article says: uploaded, and past 30 days it weighs on the score.
    for hedge in [
        "一般而言",
        "7天左右",
        "14天左右",
        "往往",
        "甚至可能",
        "逾期信息会上传征信",
    ] {
        assert!(text(zh, "contacts-xingtu").contains(hedge), "{hedge}");
    }
    for hedge in [
        "generally",
        "around day 7",
        "about 14 days",
        "often",
        "possibly",
        "weighs on your credit score",
    ] {
        assert!(text(en, "contacts-xingtu").contains(hedge), "{hedge}");
    }
    // Issue 21: claims no source makes are gone or marked general.
    assert!(!text(en, "negotiate-on-the-call").contains("worse off"));
    assert!(!text(zh, "negotiate-on-the-call").contains("处境反而更难"));
    assert!(!text(en, "extension-check-cost").contains("often carries"));
    assert!(!text(zh, "extension-check-cost").contains("常常要加收"));
    assert!(!text(en, "rights-keep-evidence").contains("strongest"));
    assert!(!text(zh, "rights-keep-evidence").contains("最有力"));
    for lib in [zh, en] {
        let days = lib
            .items
            .iter()
            .find(|i| i.id == "contacts-days-are-estimates")
            .unwrap();
        assert_eq!(days.sources, ["逾期打联系人的方法"]);
    }
    assert!(
        !text(en, "contacts-days-are-estimates")
            .contains("No rule fixes the day on which a lender calls contacts, reports")
    );
    // Art. 15 is a notice before reporting, nothing about how near.
    assert!(!text(zh, "credit-notice-before-report").contains("不远"));
    assert!(!text(en, "credit-notice-before-report").contains("is close"));
    // Contacts when unreachable is one reported pattern.
    assert!(text(en, "contacts-stay-reachable").contains("one reported pattern"));
    assert!(text(zh, "contacts-stay-reachable").contains("只是报道的一种情况"));
    // No item promises a credit report "by day 30" for every platform.
    assert!(!zh.items.iter().any(|i| i.id == "credit-30-days"));
}

/// `credit-pay-order` says the order `plan` really uses (emergency-contact day within the plan's
/// horizon, then penalty rate, then rate), not "closest to a credit report or lawsuit first", and
/// keeps its two sources.
#[test]
fn the_pay_order_item_says_what_the_plan_does() {
    use repaydash::engine::plan::HORIZON_DAYS;
    let [zh, en] = libs();
    let item = |lib: &'static advice::Library| {
        lib.items
            .iter()
            .find(|i| i.id == "credit-pay-order")
            .unwrap()
    };
    let (zh, en) = (item(zh), item(en));
    let horizon = format!("{HORIZON_DAYS} 天内");
    for need in [
        horizon.as_str(),
        "紧急联系人",
        "罚息率",
        "利率最高",
        "上报征信的日子在 30 天内",
        "不先还没到期的账单",
    ] {
        assert!(zh.text.contains(need), "{need}: {}", zh.text);
    }
    let horizon = format!("within the next {HORIZON_DAYS} days");
    for need in [
        horizon.as_str(),
        "emergency contacts",
        "highest penalty rate",
        "highest interest rate",
        "credit-report day is within 30 days",
        "it pays no bill not yet due",
    ] {
        assert!(en.text.contains(need), "{need}: {}", en.text);
    }
    assert!(!zh.text.contains("先还离上征信或被起诉最近"));
    for it in [zh, en] {
        assert_eq!(
            it.sources,
            [
                "星图金融任性贷逾期多久会联系紧急联系人",
                "支付宝借呗逾期后会如何联系紧急联系人?怎么处理?"
            ]
        );
    }
}

/// The source articles, as the tests know them without reading outside the repository.
fn articles_fixture(name: &str) -> PathBuf {
    manifest().join("tests/fixtures/articles").join(name)
}

#[test]
fn the_article_titles_are_those_of_facts_md() {
    // FACTS.md's table of titles, copied into the fixtures.
    let text = std::fs::read_to_string(articles_fixture("titles.md")).unwrap();
    for t in ARTICLES.iter() {
        assert!(text.contains(&format!("| {t} |")), "{t} not in FACTS.md");
    }
    let rows = text.lines().filter(|l| l.starts_with("| 0")).count();
    assert_eq!(
        rows,
        ARTICLES.len(),
        "FACTS.md lists an article the advice does not"
    );
}

#[test]
fn zh_and_en_have_the_same_items_and_tags() {
    let [zh, en] = libs();
    assert_eq!(zh.items.len(), en.items.len());
    for (a, b) in zh.items.iter().zip(&en.items) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.topics, b.topics, "{}", a.id);
        assert_eq!(a.situations, b.situations, "{}", a.id);
        assert_eq!(a.platforms, b.platforms, "{}", a.id);
        assert_eq!(a.sources, b.sources, "{}", a.id);
        assert_ne!(a.text, b.text, "{}: not translated", a.id);
    }
    assert_eq!(zh.script.lines.len(), en.script.lines.len());
    assert_eq!(zh.script.checklist.len(), en.script.checklist.len());
    assert_eq!(zh.script.sources, en.script.sources);
    // Both files name the same placeholders, line by line.
    let names = |s: &str| -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
            .collect()
    };
    for (a, b) in zh.script.lines.iter().zip(&en.script.lines) {
        assert_eq!(names(a), names(b), "{a} / {b}");
    }
}

#[test]
fn platform_tags_name_builtin_platforms() {
    let builtin = builtin_policies().unwrap();
    let keys: HashSet<&str> = builtin.iter().map(|p| p.key.as_str()).collect();
    let [zh, _] = libs();
    let tagged: BTreeSet<&str> = zh
        .items
        .iter()
        .flat_map(|i| i.platforms.iter().map(|p| p.as_str()))
        .collect();
    for p in &tagged {
        assert!(keys.contains(p), "unknown platform tag {p}");
    }
    // The four contact-day items are each tagged with their platform.
    for (id, p) in [
        ("contacts-ctrip", "ctrip"),
        ("contacts-alipay", "alipay"),
        ("contacts-xingtu", "xingtu"),
        ("contacts-generic", "generic"),
        ("extension-alipay-in-app", "alipay"),
    ] {
        let it = zh.items.iter().find(|i| i.id == id).unwrap();
        assert_eq!(it.platforms, vec![p.to_string()], "{id}");
    }
}

/// A window of an article as the fixture holds it: the first 12 hex digits of its SHA-256, so
/// the check needs no copy of the articles' sentences.
fn window_hash(w: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(w.as_bytes())
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hashes of every whitespace-free window of `n` characters of every source article, from
/// `tests/fixtures/articles/windows.txt`. With `REPAYDASH_SEEDS=DIR` (the folder of the
/// articles) the fixture is first written anew from them.
fn seed_windows(n: usize) -> HashSet<String> {
    let fixture = articles_fixture("windows.txt");
    if let Some(dir) = std::env::var_os("REPAYDASH_SEEDS") {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(&dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        let mut set = BTreeSet::new();
        for p in &paths {
            let text = std::fs::read_to_string(p).unwrap();
            let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
            for w in chars.windows(n) {
                set.insert(window_hash(&w.iter().collect::<String>()));
            }
        }
        assert!(
            !set.is_empty(),
            "no articles in {}",
            Path::new(&dir).display()
        );
        let mut out = format!(
            "# SHA-256 (first 12 hex digits) of every {n}-character window, whitespace removed, of the\n\
             # {} source articles (see titles.md); the articles themselves are not copied. Written by\n\
             # REPAYDASH_SEEDS=DIR cargo test --test advice no_advice_text_copies\n",
            paths.len()
        );
        set.iter().for_each(|h| {
            out.push_str(h);
            out.push('\n');
        });
        std::fs::write(&fixture, out).unwrap();
    }
    std::fs::read_to_string(&fixture)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The first whitespace-free window of `n` characters of `s` that an article holds, if any.
fn copied(s: &str, n: usize, windows: &HashSet<String>) -> Option<String> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .windows(n)
        .map(|w| w.iter().collect::<String>())
        .find(|w| windows.contains(&window_hash(w)))
}

/// Every string of an advice file, sources excluded.
fn texts(v: &toml::Value, key: &str, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) if key != "sources" => out.push(s.clone()),
        toml::Value::Array(a) if key != "sources" => a.iter().for_each(|x| texts(x, key, out)),
        toml::Value::Table(t) => t.iter().for_each(|(k, x)| texts(x, k, out)),
        _ => {}
    }
}

#[test]
fn no_advice_text_copies_twenty_characters_from_an_article() {
    const RUN: usize = 20;
    let windows = seed_windows(RUN);
    assert!(windows.len() > 1000, "the articles' windows were read");
    let mut checked = 0;
    for src in [ADVICE_ZH, ADVICE_EN] {
        let v: toml::Value = toml::from_str(src).unwrap();
        let mut all = vec![];
        texts(&v, "", &mut all);
        for s in all {
            if let Some(w) = copied(&s, RUN, &windows) {
                panic!("copied from an article: {w:?} in {s:?}");
            }
            checked += 1;
        }
    }
    // 50 items, the disclaimer, six titles, the script's lines and checklist: in both files.
    assert!(checked > 2 * 70, "only {checked} strings checked");

    // The check itself catches a copy: twenty characters of the first article (its title and
    // the word after it, as the article runs them together) fail it.
    let lifted = "款逾期一天会立即联系紧急联系人吗?携程借";
    assert_eq!(lifted.chars().count(), RUN);
    assert_eq!(
        copied(&format!("我们认为{lifted}等等"), RUN, &windows).as_deref(),
        Some(lifted)
    );
}

/// A loan of `platform`, one bill of 1000 due 2026-11-01, viewed in every overdue situation.
fn one_bill_portfolio(platform: &str, extra: &str) -> store::Loaded {
    let text = format!(
        "{extra}\n[[loan]]\nid = \"x\"\nplatform = \"{platform}\"\nproduct = \"测试\"\namount_due = 1000\ndue_date = 2026-11-01\n"
    );
    let builtin = builtin_policies().unwrap();
    store::parse(&text, "test.toml", &builtin).unwrap_or_else(|e| panic!("{}", e.render()))
}

#[test]
fn every_topic_serves_each_overdue_situation_on_every_platform() {
    let builtin = builtin_policies().unwrap();
    let user = "[platforms.mybank]\nname = \"某银行\"\n[[platforms.mybank.stages]]\nkind = \"emergency_contact\"\nday = 10\n";
    for (platform, extra) in [
        ("ctrip", ""),
        ("alipay", ""),
        ("xingtu", ""),
        ("generic", ""),
        ("某某贷", ""),
        ("mybank", user),
    ] {
        let loaded = one_bill_portfolio(platform, extra);
        let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
        let loan = &loaded.portfolio.loans[0];
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let view = LoanView::compute(loan, policies.get(&loan.platform), today, 7);
        for s in [
            Situation::OverdueEarly,
            Situation::OverdueContacts,
            Situation::OverdueSevere,
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let p = advice::panels_in(
                    &view,
                    &alone(&view, &loaded),
                    s,
                    lang,
                    &loaded.portfolio.settings,
                    today,
                )
                .unwrap();
                let topics: Vec<Topic> = p.panels.iter().map(|p| p.topic).collect();
                assert_eq!(topics, topic_order(s).to_vec(), "{platform} {s:?}");
                for panel in &p.panels {
                    assert!(!panel.items.is_empty());
                }
            }
        }
    }
}

#[test]
fn platform_items_show_only_for_their_platform() {
    let builtin = builtin_policies().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for (platform, expect) in [
        ("携程", "contacts-ctrip"),
        ("借呗", "contacts-alipay"),
        ("任性贷", "contacts-xingtu"),
        ("某某贷", "contacts-generic"),
    ] {
        let loaded = one_bill_portfolio(platform, "");
        let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
        let loan = &loaded.portfolio.loans[0];
        let view = LoanView::compute(loan, policies.get(&loan.platform), today, 7);
        let p = advice::panels_in(
            &view,
            &alone(&view, &loaded),
            Situation::OverdueContacts,
            Lang::Zh,
            &loaded.portfolio.settings,
            today,
        )
        .unwrap();
        let ids: Vec<&str> = p
            .panel(Topic::Contacts)
            .unwrap()
            .items
            .iter()
            .filter_map(|i| i.id.as_deref())
            .filter(|id| {
                [
                    "contacts-ctrip",
                    "contacts-alipay",
                    "contacts-xingtu",
                    "contacts-generic",
                ]
                .contains(id)
            })
            .collect();
        assert_eq!(ids, vec![expect], "{platform}");
        let alipay_app = p
            .panel(Topic::Extension)
            .unwrap()
            .items
            .iter()
            .any(|i| i.id.as_deref() == Some("extension-alipay-in-app"));
        assert_eq!(alipay_app, expect == "contacts-alipay", "{platform}");
    }
}

fn negotiation_texts(v: &Value) -> Vec<String> {
    let panel = v["panels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == "negotiation")
        .expect("a negotiation panel");
    panel["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect()
}

/// The sample with `[settings].monthly_budget` replaced by `budget` (None: removed, and the
/// xingtu loan's own budget with it), written to a temporary file.
fn sample_with_budget(budget: Option<&str>) -> (tempfile::TempDir, String) {
    let sample = std::fs::read_to_string(manifest().join(SAMPLE)).unwrap();
    let text = match budget {
        Some(b) => sample.replace("monthly_budget = 1500", &format!("monthly_budget = {b}")),
        None => sample
            .replace("monthly_budget = 1500", "")
            .replace("monthly_budget = 800", ""),
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap().to_string();
    (dir, file)
}

#[test]
fn the_call_script_carries_the_loans_own_figures() {
    // ctrip-jqh on 2026-11-23: installment 8 (1100.16, due 2026-11-18) has 300 paid → 800.16
    // overdue for 5 days; installment 9 (1100.16) is due 2026-12-18.
    // [settings].monthly_budget = 1500 is the total. xingtu sets 800 of it aside for itself; the
    // 700 left is shared most urgent first, regular installments first: ctrip gets all 700, short
    // of its 1,100.16 installment, so the script says so and asks to restructure the 5,200.83
    // still owed (800.16 + 3 × 1,100.16 + 1,100.19): ceil(5,200.83 / 700) = ceil(7.43) = 8 months
    // at 5,200.83 / 8 = 650.10375 → 650.11 (rounded up, within the share).
    let v = advice_json(SAMPLE, "ctrip-jqh", "zh");
    let t = negotiation_texts(&v);
    assert_eq!(
        t[0],
        "您好，我在携程金融借了借去花，想就逾期的事和您商量一下。"
    );
    assert!(
        t[1].contains("逾期5天") && t[1].contains("¥800.16"),
        "{}",
        t[1]
    );
    assert!(t[3].contains("¥700.00"), "{}", t[3]);
    assert!(!t[3].contains("¥1,500.00"), "{}", t[3]);
    assert!(
        t[4].contains("申请延期或个性化分期")
            && t[4].contains("¥700.00不够正常月供¥1,100.16")
            && t[4].contains("¥5,200.83重新分8个月还，每月¥650.11"),
        "{}",
        t[4]
    );
    assert!(t[7].contains("12月18日"), "{}", t[7]);
    assert!(t[10].starts_with("打电话前准备好：借款合同、"), "{}", t[10]);
    assert!(t[10].contains("财产证明"));
    let items = v["panels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == "negotiation")
        .unwrap()["items"]
        .clone();
    assert_eq!(
        items[0]["sources"],
        serde_json::json!(["逾期打联系人的方法"])
    );

    let v = advice_json(SAMPLE, "ctrip-jqh", "en");
    let t = negotiation_texts(&v);
    assert_eq!(
        t[0],
        "Hello, I have a 借去花 loan with Ctrip Finance, and I'd like to talk with you about my overdue payment."
    );
    assert!(
        t[1].contains("overdue for 5 days,") && t[1].contains("¥800.16"),
        "{}",
        t[1]
    );
    assert!(!t.iter().any(|l| l.contains("day(s)")));
    assert!(
        t[4].contains("the ¥5,200.83 still owed spread over 8 months, at ¥650.11 a month"),
        "{}",
        t[4]
    );
    assert!(t[7].contains("18 December"), "{}", t[7]);

    // xingtu-rxd: installments 3 (1397.04, 500 paid) and 4 (1397.04) overdue: 897.04 + 1397.04 =
    // 2294.08, 33 days since 2026-10-21; its own budget, 800, is below its regular installment of
    // 1,397.04: restructure the 5,088.15 still owed (2,294.08 + 1,397.04 + 1,397.03):
    // ceil(5,088.15 / 800) = ceil(6.36) = 7 months at 5,088.15 / 7 = 726.878… → 726.88.
    let v = advice_json(SAMPLE, "xingtu-rxd", "en");
    let t = negotiation_texts(&v);
    assert!(
        t[1].contains("33 days") && t[1].contains("¥2,294.08"),
        "{}",
        t[1]
    );
    assert!(t[3].contains("¥800.00"), "{}", t[3]);
    assert!(
        t[4].contains("does not cover the regular installment of ¥1,397.04")
            && t[4].contains("¥5,088.15 still owed spread over 7 months, at ¥726.88 a month"),
        "{}",
        t[4]
    );

    // jiebei-may: interest-only installment 6 (182.50) overdue 6 days. ctrip, more urgent, took
    // the whole 700: nothing is left, so the script promises no amount and asks for a deferral of
    // the 21,277.50 still owed (6 × 182.50 + 20,000 + 182.50).
    let t = negotiation_texts(&advice_json(SAMPLE, "jiebei-may", "zh"));
    assert!(
        t[1].contains("逾期6天") && t[1].contains("¥182.50"),
        "{}",
        t[1]
    );
    assert!(t[3].contains("暂时没有固定的钱"), "{}", t[3]);
    assert!(
        t[4].contains("申请延期（暂缓还款）") && t[4].contains("¥21,277.50"),
        "{}",
        t[4]
    );
    assert!(!t[4].contains("每月¥"), "{}", t[4]);
}

#[test]
fn a_budget_that_reaches_the_overdue_parts_asks_for_an_extension() {
    // monthly_budget = 6000, of which xingtu sets 800 aside: 5,200 shared. Regular installments,
    // most urgent first: ctrip 1,100.16, jiebei-may 182.50, huabei 627.00, jiebei-june 1,536.00,
    // laptop 458.30 = 3,903.96; 1,296.04 left goes to
    // the overdue parts, most urgent first: ctrip 800.16 (495.88 left), jiebei 182.50
    // (313.38 left, no other loan overdue without its own budget).
    // Each then pays its one overdue installment within the month: the script asks to move it to
    // today + 30 = 2026-12-23, said as people say dates.
    let (_dir, file) = sample_with_budget(Some("6000"));
    let t = negotiation_texts(&advice_json(&file, "ctrip-jqh", "zh"));
    assert!(t[3].contains("¥1,900.32"), "{}", t[3]);
    assert!(t[4].contains("把第8期延期到12月23日"), "{}", t[4]);
    let t = negotiation_texts(&advice_json(&file, "jiebei-may", "en"));
    assert!(t[3].contains("¥365.00"), "{}", t[3]);
    assert!(
        t[4].contains("move installment 6 to 23 December"),
        "{}",
        t[4]
    );
}

#[test]
fn a_loan_of_no_named_platform_is_called_by_its_own_product() {
    // One bill of 1000, 22 days late, platform "generic", no name: the script names the product.
    let loaded = one_bill_portfolio("generic", "[settings]\nmonthly_budget = 400\n");
    let builtin = builtin_policies().unwrap();
    let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
    let loan = &loaded.portfolio.loans[0];
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let view = LoanView::compute(loan, policies.get(&loan.platform), today, 7);
    for lang in [Lang::Zh, Lang::En] {
        let p = advice::panels(
            &view,
            &alone(&view, &loaded),
            lang,
            &loaded.portfolio.settings,
            today,
        )
        .unwrap();
        let first = &p.panel(Topic::Negotiation).unwrap().items[0].text;
        assert!(first.contains("测试"), "{first}");
        assert!(!first.contains("其他平台") && !first.contains("Other platform"));
    }
}

#[test]
fn without_a_budget_the_script_leaves_a_blank_and_says_to_set_one() {
    let (_dir, file) = sample_with_budget(None);
    let t = negotiation_texts(&advice_json(&file, "ctrip-jqh", "zh"));
    assert!(t[3].contains("【每月能还多少，请填写】"), "{}", t[3]);
    assert!(t[4].contains("按我每月实际能还的金额"), "{}", t[4]);
    assert!(!t.iter().any(|l| l.contains('¥') && l.contains("每月还")));
    let hint = t.last().unwrap();
    assert!(hint.contains("monthly_budget"), "{hint}");
    let t = negotiation_texts(&advice_json(&file, "xingtu-rxd", "en"));
    assert!(t[3].contains("[how much you can pay each month: fill this in]"));
    assert!(t.last().unwrap().contains("monthly_budget"));
}

#[test]
fn advice_json_has_the_designed_shape_in_every_situation() {
    let cases = [
        ("nqh-ticket", Situation::PaidOff),
        ("fenqi-laptop", Situation::Current),
        ("huabei-phone", Situation::DueSoon),
        ("jiebei-may", Situation::OverdueEarly),
        ("ctrip-jqh", Situation::OverdueContacts),
        ("xingtu-rxd", Situation::OverdueSevere),
    ];
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    for lang in ["zh", "en"] {
        for (id, situation) in cases {
            let v = advice_json(SAMPLE, id, lang);
            assert_eq!(keys(&v), ["id", "situation", "panels"], "{id}");
            assert_eq!(v["id"], id);
            assert_eq!(v["situation"], situation.key(), "{id}");
            let panels = v["panels"].as_array().unwrap();
            assert!(panels.len() >= 3, "{id}: {} panels", panels.len());
            let order: Vec<String> = topic_order(situation)
                .iter()
                .map(|t| t.key().to_string())
                .collect();
            let mut got: Vec<String> = panels
                .iter()
                .map(|p| p["topic"].as_str().unwrap().to_string())
                .collect();
            // A loan paid off opens with its closing checklist (issue 20), then the order.
            if situation == Situation::PaidOff {
                assert_eq!(got[0], "closing", "{id}");
                got.remove(0);
            }
            let expected: Vec<String> = order.iter().filter(|t| got.contains(t)).cloned().collect();
            assert_eq!(got, expected, "{id}: panels out of order");
            for p in panels {
                assert_eq!(keys(p), ["topic", "title", "items"]);
                assert!(!p["title"].as_str().unwrap().is_empty());
                let items = p["items"].as_array().unwrap();
                assert!(!items.is_empty());
                for i in items {
                    // Items about one of the loan's stages also say where its day comes from.
                    match i.get("basis") {
                        Some(b) => {
                            assert_eq!(keys(i), ["text", "sources", "basis"]);
                            assert!(["article", "estimate", "user"].contains(&b.as_str().unwrap()));
                        }
                        None => assert_eq!(keys(i), ["text", "sources"]),
                    }
                    assert!(!i["text"].as_str().unwrap().is_empty());
                    assert!(!i["sources"].as_array().unwrap().is_empty());
                    assert!(
                        i["sources"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .all(|s| s.is_string())
                    );
                }
            }
            // The call script leads the negotiation panel only when something is overdue.
            let script_line = lang_pick(
                lang,
                "想就逾期的事和您商量一下",
                "talk with you about my overdue payment",
            );
            let has_script = panels.iter().any(|p| {
                p["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|i| i["text"].as_str().unwrap().contains(script_line))
            });
            assert_eq!(has_script, situation.is_overdue(), "{id}");
        }
    }
}

fn lang_pick<'a>(lang: &str, zh: &'a str, en: &'a str) -> &'a str {
    if lang == "zh" { zh } else { en }
}

#[test]
fn a_paid_off_loan_gets_no_overdue_advice() {
    let v = advice_json(SAMPLE, "nqh-ticket", "en");
    assert_eq!(v["panels"][0]["topic"], "closing");
    assert_eq!(v["panels"][1]["topic"], "credit");
    let all: Vec<String> = v["panels"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap().clone())
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect();
    assert!(all.iter().any(|t| t.contains("settlement certificate")));
    assert!(!all.iter().any(|t| t.contains("overdue for")));
}

#[test]
fn text_output_wraps_by_display_width_with_one_disclaimer() {
    let [zh, en] = libs();
    for (lang, lib) in [("zh", zh), ("en", en)] {
        for id in ["ctrip-jqh", "xingtu-rxd", "huabei-phone"] {
            let out = bin()
                .current_dir(manifest())
                .env("COLUMNS", "60")
                .args([
                    "--file", SAMPLE, "--today", TODAY, "--lang", lang, "advice", id,
                ])
                .output()
                .unwrap();
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines() {
                // Sources quote article titles that have no break opportunity inside a word in
                // English, so every line, including those, must still fit.
                assert!(
                    line.width() <= 60,
                    "{lang} {id}: {} > 60: {line}",
                    line.width()
                );
            }
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let flat = squeeze(&text);
            assert_eq!(flat.matches(&squeeze(&lib.disclaimer)).count(), 1);
            assert!(flat.ends_with(&squeeze(&lib.disclaimer)));
            assert!(
                text.contains(&format!("■ {}", lib.topics.negotiation)) || id == "huabei-phone"
            );
        }
    }
    let zh_text = run_ok(&[
        "--file",
        SAMPLE,
        "--today",
        TODAY,
        "--lang",
        "zh",
        "advice",
        "ctrip-jqh",
    ]);
    assert!(zh_text.starts_with("携程借去花 · 逾期，已到可能联系紧急联系人的日子\n"));
    assert!(
        zh_text.contains(" 5. 我的请求是：申请延期或个性化分期："),
        "{zh_text}"
    );
}

#[test]
fn an_unknown_id_exits_2() {
    let out = bin()
        .current_dir(manifest())
        .args([
            "--file",
            SAMPLE,
            "--today",
            TODAY,
            "advice",
            "no-such-loan",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-loan") && err.contains("ctrip-jqh"),
        "{err}"
    );
}

#[test]
fn a_user_platform_says_its_days_come_from_the_users_file() {
    let file = "tests/fixtures/valid/user_platform_table.toml";
    // bank-by-alias: 2000 due 2026-12-01; on 2026-12-15 it is 14 days late, past the file's day 10.
    let out = run_ok(&[
        "--file",
        file,
        "--today",
        "2026-12-15",
        "--lang",
        "en",
        "advice",
        "bank-by-alias",
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["situation"], "overdue_contacts");
    let contacts = v["panels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == "contacts")
        .unwrap();
    let first = &contacts["items"][0];
    let text = first["text"].as_str().unwrap();
    assert!(
        text.starts_with("Your file says contacts may be called from day 10"),
        "{text}"
    );
    assert!(
        text.contains("day 30") && text.contains("2026-12-11"),
        "{text}"
    );
    assert!(text.contains("not from the articles"), "{text}");
    assert_eq!(first["sources"], serde_json::json!(["我的合同第8条"]));
    // The articles' days for other platforms are not offered for the user's own platform.
    let [_, en] = libs();
    let generic = &en
        .items
        .iter()
        .find(|i| i.id == "contacts-generic")
        .unwrap()
        .text;
    assert!(!out.contains(generic.as_str()));

    // A loan's own emergency_contact_after_days (jiebei-june: 10) is named as coming from the file.
    let v = advice_json(SAMPLE, "jiebei-june", "zh");
    let contacts = v["panels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["topic"] == "contacts")
        .unwrap();
    let text = contacts["items"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("你的文件写明：逾期第 10 天起"), "{text}");
    assert!(text.contains("emergency_contact_after_days"), "{text}");
}

#[test]
fn panels_mark_the_script_for_the_dashboard() {
    let builtin = builtin_policies().unwrap();
    let loaded = one_bill_portfolio("ctrip", "[settings]\nmonthly_budget = 400\n");
    let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
    let loan = &loaded.portfolio.loans[0];
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let view = LoanView::compute(loan, policies.get(&loan.platform), today, 7);
    let p = advice::panels(
        &view,
        &alone(&view, &loaded),
        Lang::En,
        &loaded.portfolio.settings,
        today,
    )
    .unwrap();
    assert_eq!(p.situation, Situation::OverdueContacts);
    let neg = p.panel(Topic::Negotiation).unwrap();
    assert_eq!(neg.script_title.as_deref(), Some("Negotiation call script"));
    let kinds: Vec<ItemKind> = neg.items.iter().map(|i| i.kind).collect();
    let lines = advice::library(Lang::En).unwrap().script.lines.len();
    // No next due date on a one-bill loan: the line about it is left out.
    assert!(
        kinds[..lines - 1]
            .iter()
            .all(|k| *k == ItemKind::ScriptLine)
    );
    assert_eq!(kinds[lines - 1], ItemKind::Checklist);
    assert!(!neg.items.iter().any(|i| i.text.contains("next payment")));
    // 1000 overdue, no installment still to come, a budget of 400: ceil(2.5) = 3 months.
    assert!(
        neg.items[4]
            .text
            .contains("pay ¥400.00 a month and clear the overdue part over 3 months"),
        "{}",
        neg.items[4].text
    );
}

/// Issue 11's "done means": an Alipay loan 120 days overdue is seriously overdue, its credit panel
/// says a record may already have been made on an estimated day, the court-papers item is there,
/// and every JSON that lists stages gives their basis.
#[test]
fn an_alipay_loan_120_days_overdue_is_severe_with_an_estimated_credit_day() {
    // One bill due 2026-07-26; 2026-11-23 is 31 + 31 + 30 + 28 = 120 days later. Alipay's own
    // article gives no credit-report day: xingtu's day 31 is used as an estimate → 2026-08-26.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    std::fs::write(
        &path,
        "[[loan]]\nid = \"jb\"\nplatform = \"借呗\"\nproduct = \"借呗\"\namount_due = 1000\ndue_date = 2026-07-26\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for lang in ["zh", "en"] {
        let v = advice_json(file, "jb", lang);
        assert_eq!(v["situation"], "overdue_severe", "{lang}");
        let panel = |topic: &str| {
            v["panels"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["topic"] == topic)
                .unwrap_or_else(|| panic!("no {topic} panel"))
                .clone()
        };
        let credit = panel("credit");
        let first = &credit["items"][0];
        assert_eq!(first["basis"], "estimate", "{first}");
        assert_eq!(
            first["sources"][0],
            "星图金融任性贷逾期多久会联系紧急联系人"
        );
        let text = first["text"].as_str().unwrap();
        let (already, day) = if lang == "zh" {
            ("可能已经留下", "8月26日")
        } else {
            ("may already have been made", "26 August")
        };
        assert!(text.contains(already) && text.contains(day), "{text}");
        // The court-papers item (rights-lawsuit).
        let court = if lang == "zh" { "传票" } else { "summons" };
        assert!(
            panel("rights")["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["text"].as_str().unwrap().contains(court)),
            "{lang}"
        );
        // No item promises a report "by day 30" any more.
        assert!(!v.to_string().contains("30天就会"));
    }

    let check: Value = serde_json::from_str(&run_ok(&[
        "--file", file, "--today", TODAY, "check", "--json",
    ]))
    .unwrap();
    let row = &check["loans"][0];
    assert_eq!(row["situation"], "overdue_severe");
    assert_eq!(row["stage"], "legal");
    assert_eq!(row["stage_basis"], "estimate");
    assert_eq!(row["emergency_contact_basis"], "article");
    assert_eq!(row["credit_report_date"], "2026-08-26");
    assert_eq!(row["credit_report_basis"], "estimate");
    // A bill with no rate: no penalty figure, and why.
    assert_eq!(row["penalty_estimate"], Value::Null);
    assert_eq!(row["penalty_basis"], "unknown");

    let schedule: Value = serde_json::from_str(&run_ok(&[
        "--file", file, "--today", TODAY, "schedule", "jb", "--json",
    ]))
    .unwrap();
    let stages = schedule["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 5);
    for s in stages {
        assert!(
            ["article", "estimate"].contains(&s["basis"].as_str().unwrap()),
            "{s}"
        );
    }
    let third = stages
        .iter()
        .find(|s| s["kind"] == "third_party_collection")
        .unwrap();
    assert_eq!(third["day"], 90);
    assert_eq!(third["date"], "2026-10-24");
    assert_eq!(third["basis"], "estimate");

    let text = run_ok(&["--file", file, "--today", TODAY, "--lang", "en", "check"]);
    assert!(text.contains("may go to court (estimate)"), "{text}");
    assert!(text.contains("unknown — set penalty_rate"), "{text}");
}

#[test]
fn a_loan_not_yet_drawn_gets_prevention_only() {
    // xingtu-rxd is drawn on 2026-07-21; on 2026-07-01 it does not exist yet: no situation of its
    // own (before, its "current" figures brought credit and contact panels, and its contacts).
    for lang in ["zh", "en"] {
        let out = run_ok(&[
            "--file",
            SAMPLE,
            "--today",
            "2026-07-01",
            "--lang",
            lang,
            "advice",
            "xingtu-rxd",
            "--json",
        ]);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["starts"], "2026-07-21", "{lang}");
        let topics: Vec<&str> = v["panels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["topic"].as_str().unwrap())
            .collect();
        assert_eq!(topics, ["prevention"], "{lang}");
        // Not the loan's own contacts (赵强, 陈静): they are for a loan that is drawn.
        assert!(
            !out.contains("赵强") && !out.contains("138****0003"),
            "{out}"
        );
        let text = run_ok(&[
            "--file",
            SAMPLE,
            "--today",
            "2026-07-01",
            "--lang",
            lang,
            "advice",
            "xingtu-rxd",
        ]);
        let head = text.lines().next().unwrap();
        assert_eq!(
            head,
            lang_pick(
                lang,
                "星图金融任性贷 · 尚未借出（07-21 借出）：仅预防建议",
                "星图金融任性贷 · not yet drawn (drawn on 21 Jul): prevention only"
            ),
        );
    }
    // On its first day it is drawn, and current like any other loan.
    let v: Value = serde_json::from_str(&run_ok(&[
        "--file",
        SAMPLE,
        "--today",
        "2026-07-21",
        "advice",
        "xingtu-rxd",
        "--json",
    ]))
    .unwrap();
    assert!(v.get("starts").is_none());
    assert_eq!(v["situation"], "current");
    assert!(v["panels"].as_array().unwrap().len() > 1);
}
