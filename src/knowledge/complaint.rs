//! The rules a collection log is held against, and the complaint draft built on its summary. The
//! rules are stated as reported (a recommended standard is not a law; a guideline is not a right).

use crate::engine::complaint::{DIAL_ATTEMPTS_PER_DAY, EFFECTIVE_CALLS_PER_DAY, Summary};
use crate::i18n::Lang;
use crate::model::LogFlag;

/// The rules, one line each, with where the report comes from.
pub fn rules(lang: Lang) -> Vec<String> {
    vec![
        lang.trf(
            "knowledge.complaint.rule_standard",
            &[("calls", &EFFECTIVE_CALLS_PER_DAY)],
        ),
        lang.trf(
            "knowledge.complaint.rule_association",
            &[("dials", &DIAL_ATTEMPTS_PER_DAY)],
        ),
    ]
}

pub fn flag_label(lang: Lang, f: LogFlag) -> &'static str {
    match f {
        LogFlag::Threat => lang.tr("knowledge.complaint.threat"),
        LogFlag::Insult => lang.tr("knowledge.complaint.insult"),
        LogFlag::ToldThirdParty => lang.tr("knowledge.complaint.told_third_party"),
        LogFlag::FakeLegal => lang.tr("knowledge.complaint.fake_legal_threat"),
        LogFlag::Night => lang.tr("knowledge.complaint.night"),
    }
}

/// What the draft is addressed about, all already printable.
pub struct DraftFacts<'a> {
    pub lender: &'a str,
    pub loan: &'a str,
    pub summary: &'a Summary,
}

/// A count as the catalogue's plural rule takes it.
fn n(count: impl TryInto<i64>) -> i64 {
    count.try_into().unwrap_or(i64::MAX)
}

/// The complaint draft: first to the lender's own complaint channel, then where to go next. It
/// is the last part of one document (`present::complaint::document`, printed by `complaint` and shown
/// and copied whole by the dashboard), so what it cites — the flagged entries, the per-day
/// counts, the rules — stands above it under the headings it names.
pub fn draft(f: &DraftFacts, lang: Lang) -> String {
    let s = f.summary;
    let threat = s.flagged.iter().any(|e| e.flags.contains(&LogFlag::Threat));
    let told: Vec<&str> = s
        .contacts_called
        .iter()
        .filter(|c| c.told_debt)
        .map(|c| c.name.as_str())
        .collect();
    let called: Vec<&str> = s.contacts_called.iter().map(|c| c.name.as_str()).collect();
    let names = |list: &[&str]| list.join(lang.tr("common.comma"));
    let mut facts = vec![];
    if s.night_calls > 0 {
        facts.push(lang.trf("knowledge.complaint.night_calls", &[("n", &s.night_calls)]));
    }
    if s.days_over_3 > 0 {
        facts.push(lang.trf(
            "knowledge.complaint.days_over_calls",
            &[
                ("days", &lang.count("common.days", n(s.days_over_3))),
                ("max", &EFFECTIVE_CALLS_PER_DAY),
            ],
        ));
    }
    if s.days_over_6_any() > 0 {
        facts.push(lang.trf(
            "knowledge.complaint.days_over_dials",
            &[
                ("days", &lang.count("common.days", n(s.days_over_6_any()))),
                ("max", &DIAL_ATTEMPTS_PER_DAY),
            ],
        ));
    }
    if !called.is_empty() {
        facts.push(lang.trf(
            "knowledge.complaint.contacts_called",
            &[("names", &names(&called))],
        ));
    }
    if !told.is_empty() {
        facts.push(lang.countf(
            "knowledge.complaint.told",
            n(told.len()),
            &[("names", &names(&told))],
        ));
    }
    if s.abusive_entries() > 0 {
        facts.push(lang.count("knowledge.complaint.abusive", n(s.abusive_entries())));
    }
    if told.is_empty() && s.told_entries() > 0 {
        facts.push(lang.count("knowledge.complaint.told_entries", n(s.told_entries())));
    }
    if s.night_flagged_uncounted() > 0 {
        facts.push(lang.count(
            "knowledge.complaint.night_flagged",
            n(s.night_flagged_uncounted()),
        ));
    }
    let facts = listed(lang, "knowledge.complaint.facts", "facts", &facts);
    // Only the parts the document above holds: no per-day table without calls.
    let mut cited = vec![];
    if s.calls > 0 {
        cited.push(lang.tr("knowledge.complaint.cited_by_day"));
    }
    if !s.flagged.is_empty() {
        cited.push(lang.tr("knowledge.complaint.cited_flagged"));
    }
    let cited = listed(lang, "knowledge.complaint.cited", "cited", &cited);
    lang.trf(
        "knowledge.complaint.draft",
        &[
            ("lender", &f.lender),
            ("loan", &f.loan),
            ("from", &s.from),
            ("to", &s.to),
            (
                "calls",
                &lang.count("knowledge.complaint.calls", n(s.calls)),
            ),
            ("facts", &facts),
            ("cited", &cited),
            (
                "police",
                &lang.tr(if threat {
                    "knowledge.complaint.police_threat"
                } else {
                    "knowledge.complaint.police"
                }),
            ),
        ],
    )
}
/// `key`'s sentence around `items` joined by semicolons, or nothing when there are none.
fn listed<S: AsRef<str>>(lang: Lang, key: &'static str, name: &str, items: &[S]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    lang.trf(key, &[(name, &items.join(lang.tr("common.semicolon")))])
}
