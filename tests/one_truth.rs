//! One snapshot, two faces: for the demo and fixtures, on chosen days, in both languages, the
//! command line (`check --json`, `check`, `status`) and the dashboard (TestBackend) show the same
//! totals, the same "due soon" amount and the same countdown words for every loan.

mod common;
use common::screen;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use repaydash::i18n::Lang;
use repaydash::money::grouped;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::App;

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn cli(file: &Path, today: &str, lang: Lang, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_repaydash"))
        .env_remove("REPAYDASH_FILE")
        .arg("--file")
        .arg(file)
        .args(["--today", today, "--lang", lang.key()])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn app(file: &Path, today: &str, lang: Lang) -> App {
    let today: NaiveDate = today.parse().unwrap();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(file.to_path_buf()), &builtin, today).unwrap();
    let mut app = App::new(loaded, builtin, today, lang);
    app.color = false;
    app
}

/// (file, today, overdue, due soon, the status line's due-soon amount) — worked by hand:
/// - the demo on 2026-11-23: late ctrip 800.16 + jiebei-may 182.50 + xingtu 2,294.08 = 3,276.74;
///   due within 7 days only huabei's 627.00 bill on 11-26;
/// - the demo on 2026-11-19: late xingtu 897.04 + ctrip 1,100.16 + jiebei-may 182.50 = 2,179.70;
///   due soon xingtu's next installment 1,397.04 on 11-21 (a late loan can owe more soon) and
///   huabei's 627.00 on 11-26 = 2,024.04 — the case where `status` used to say 627.00;
/// - two_overdue on 2026-06-04: near's 300 is late; far's 200 falls due on 06-05.
const CASES: &[(&str, &str, &str, &str)] = &[
    ("data/sample.toml", "2026-11-23", "3276.74", "627.00"),
    ("data/sample.toml", "2026-11-19", "2179.70", "2024.04"),
    (
        "tests/fixtures/plan/two_overdue.toml",
        "2026-06-04",
        "300.00",
        "200.00",
    ),
];

#[test]
fn the_cli_and_the_dashboard_show_one_snapshot() {
    for (rel, today, overdue, due_soon) in CASES {
        let file = path(rel);
        for lang in [Lang::Zh, Lang::En] {
            let what = format!("{rel} {today} {lang:?}");
            let json: Value =
                serde_json::from_str(&cli(&file, today, lang, &["check", "--json"])).unwrap();
            assert_eq!(json["totals"]["overdue"], *overdue, "{what}");
            assert_eq!(json["totals"]["due_soon"], *due_soon, "{what}");
            // The loans' own due-soon amounts add up to the total.
            let sum: rust_decimal::Decimal = json["loans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    l["due_soon_amount"]
                        .as_str()
                        .unwrap()
                        .parse::<rust_decimal::Decimal>()
                        .unwrap()
                })
                .sum();
            assert_eq!(sum.to_string(), *due_soon, "{what}");

            let mut app = app(&file, today, lang);
            let cur = app.portfolio.settings.currency.clone();
            let alert = app.portfolio.settings.alert_days;
            let totals_line = app.snap.totals.line(lang, &cur, alert);
            let money = |s: &str| format!("{cur}{}", grouped(s.parse().unwrap()));
            assert!(
                totals_line.contains(&money(overdue)),
                "{what}: {totals_line}"
            );
            assert!(
                totals_line.contains(&money(due_soon)),
                "{what}: {totals_line}"
            );

            // The dashboard's header and `check`'s line under the date: the same words, figures.
            let screen = screen(&mut app, 120, 40);
            assert!(
                screen.contains(&totals_line),
                "{what}: {totals_line}\n{screen}"
            );
            let text = cli(&file, today, lang, &["check"]);
            assert!(text.contains(&totals_line), "{what}: {totals_line}\n{text}");

            // `status` names the same due-soon amount (its line has room for it in these cases,
            // except English on 11-19, where the width rule drops the sum and keeps the count).
            let status = cli(&file, today, lang, &["status"]);
            if !(lang == Lang::En && *today == "2026-11-19") {
                assert!(status.contains(&money(due_soon)), "{what}: {status}");
            }

            // Every loan's countdown: `check --json` words it as the list does.
            for l in json["loans"].as_array().unwrap() {
                let words = l["countdown"].as_str().unwrap();
                let name = l["name"].as_str().unwrap();
                if words.is_empty() {
                    continue;
                }
                // In the list the countdown stands on the row under the name (the timeline row).
                let rows: Vec<&str> = screen.lines().collect();
                let listed = rows
                    .windows(2)
                    .any(|w| w[0].contains(name) && format!("{}{}", w[0], w[1]).contains(words));
                assert!(
                    listed,
                    "{what}: {name}: {words:?} not in the list\n{screen}"
                );
                assert!(
                    text.contains(words),
                    "{what}: {name}: {words:?} not in check\n{text}"
                );
                if l["status"] == "overdue"
                    && json["loans"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|m| m["status"] == "overdue" && m["countdown"] != "")
                        .is_some_and(|m| m["id"] == l["id"])
                {
                    assert!(status.contains(words), "{what}: {words:?} not in {status}");
                }
            }
        }
    }
}

/// The schedule view's rows hold what `schedule --json` lists: every visible installment with its
/// principal, amount, paid and status word, and the totals line with the APR and the interest.
/// The advice area shows `advice --json`'s panels, in its order, for the same situation, and each
/// topic's rows carry every item's text and sources. For every loan of the demo, both languages.
#[test]
fn schedule_and_advice_show_the_same_figures_on_both_faces() {
    use repaydash::engine::InstallmentStatus;
    use repaydash::tui::scroll::Scroll;
    use repaydash::tui::stack::View;
    use repaydash::tui::views::{Theme, advice::topic_rows};

    let file = path("data/sample.toml");
    let today = "2026-11-23";
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for lang in [Lang::Zh, Lang::En] {
        let mut app = app(&file, today, lang);
        let cur = app.portfolio.settings.currency.clone();
        let ids: Vec<String> = app.snap.loans.iter().map(|l| l.id.clone()).collect();
        assert_eq!(ids.len(), 7, "the demo's loans");
        for id in ids {
            let what = format!("{id} {lang:?}");
            let s: Value =
                serde_json::from_str(&cli(&file, today, lang, &["schedule", &id, "--json"]))
                    .unwrap();
            let a: Value =
                serde_json::from_str(&cli(&file, today, lang, &["advice", &id, "--json"])).unwrap();
            app.select_id(Some(&id));
            app.views.reset(View::Schedule(Scroll { top: 0 }));
            let shown_schedule = screen(&mut app, 120, 40);
            let money = |v: &Value| grouped(v.as_str().unwrap().parse().unwrap());

            // The totals line: APR (none for a bill list) and interest over the whole schedule.
            let totals = shown_schedule
                .lines()
                .find(|l| l.contains(lang.t("利息合计", "interest")))
                .unwrap_or_default();
            match s["apr"].as_str() {
                Some(apr) => assert!(totals.contains(&format!("{apr}%")), "{what}: {totals}"),
                None => assert_eq!(s["method"], "bills", "{what}"),
            }
            let interest = format!("{cur}{}", money(&s["total_interest"]));
            assert!(totals.contains(&interest), "{what}: {interest} in {totals}");

            // Each installment on its own row, as far as the 40 rows show them (borders, two
            // summary rows and the header take five).
            let rows: Vec<Vec<&str>> = shown_schedule
                .lines()
                .map(|l| l.trim_matches(|c: char| c == '│' || c == ' '))
                .map(|l| l.split_whitespace().collect())
                .collect();
            let insts = s["installments"].as_array().unwrap();
            assert!(!insts.is_empty(), "{what}");
            for i in insts.iter().take(40 - 5) {
                let status = match i["status"].as_str().unwrap() {
                    "paid" => InstallmentStatus::Paid,
                    "partial" => InstallmentStatus::Partial,
                    "overdue" => InstallmentStatus::Overdue,
                    _ => InstallmentStatus::Due,
                };
                let n = i["n"].to_string();
                let want = [
                    money(&i["principal"]),
                    money(&i["amount"]),
                    money(&i["paid"]),
                    lang.installment_status(status).to_string(),
                ];
                let shown = rows.iter().any(|r| {
                    r.first() == Some(&n.as_str()) && want.iter().all(|w| r.contains(&w.as_str()))
                });
                assert!(shown, "{what}: installment {n} {want:?}\n{shown_schedule}");
            }

            // The advice: the same panels in the same order, for the same situation.
            let panels = a["panels"].as_array().unwrap();
            let titles: Vec<&str> = panels
                .iter()
                .map(|p| p["title"].as_str().unwrap())
                .collect();
            let shown: Vec<&str> = app.detail.advice.iter().map(|t| t.title.as_str()).collect();
            assert_eq!(shown, titles, "{what}");
            assert_eq!(
                serde_json::to_value(app.detail.situation).unwrap(),
                a["situation"],
                "{what}"
            );
            for (topic, panel) in app.detail.advice.iter().zip(panels) {
                let drawn: String = topic_rows(topic, lang, 60, Theme { color: false })
                    .iter()
                    .map(|l| l.to_string())
                    .collect();
                let drawn = squeeze(&drawn);
                for item in panel["items"].as_array().unwrap() {
                    let text = squeeze(item["text"].as_str().unwrap());
                    assert!(drawn.contains(&text), "{what}: {text} not drawn");
                    for src in item["sources"].as_array().unwrap() {
                        let src = squeeze(src.as_str().unwrap());
                        assert!(drawn.contains(&src), "{what}: source {src} not drawn");
                    }
                }
            }
            // And on the main screen the first topic opens with its first item.
            app.views.clear();
            let main = screen(&mut app, 120, 40);
            let first: String = panels[0]["items"][0]["text"]
                .as_str()
                .unwrap()
                .chars()
                .take(5)
                .collect();
            assert!(main.contains(&first), "{what}: {first:?}\n{main}");
        }
    }
}

#[test]
fn the_stages_come_in_one_order_on_both_faces() {
    use repaydash::model::StageKind;
    // 借呗 (May) on the demo day: the contact window from 12-02, then the credit report and court
    // at day 31 (12-18), then a collection agency at day 90 (2027-02-15). In stage order the
    // agency would come before the credit report; both faces list them by date.
    let file = path("data/sample.toml");
    let today = "2026-11-23";
    let kind = |k: &str| match k {
        "reminder" => StageKind::Reminder,
        "emergency_contact" => StageKind::EmergencyContact,
        "frequent_contact" => StageKind::FrequentContact,
        "third_party_collection" => StageKind::ThirdPartyCollection,
        "credit_report" => StageKind::CreditReport,
        "legal" => StageKind::Legal,
        other => panic!("stage kind {other}"),
    };
    for lang in [Lang::Zh, Lang::En] {
        let s: Value = serde_json::from_str(&cli(
            &file,
            today,
            lang,
            &["schedule", "jiebei-may", "--json"],
        ))
        .unwrap();
        let ahead: Vec<&str> = s["stages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|st| st["reached"] == false)
            .map(|st| lang.stage(kind(st["kind"].as_str().unwrap())))
            .collect();
        assert_eq!(
            ahead,
            [
                lang.stage(StageKind::EmergencyContact),
                lang.stage(StageKind::CreditReport),
                lang.stage(StageKind::Legal),
                lang.stage(StageKind::ThirdPartyCollection),
            ],
            "{lang:?}: schedule --json"
        );
        let mut app = app(&file, today, lang);
        app.select_id(Some("jiebei-may"));
        let shown = screen(&mut app, 120, 40);
        // The detail is the right-hand box above the advice: its rows from column 66.
        let detail = common::detail_box(&shown, 5);
        let at: Vec<usize> = ahead
            .iter()
            .map(|w| {
                detail
                    .find(w)
                    .unwrap_or_else(|| panic!("{w} in:\n{detail}"))
            })
            .collect();
        assert!(at.is_sorted(), "{lang:?}: {ahead:?} at {at:?} in\n{detail}");
    }
}
