//! Every sentence of an error, warning or refusal a user can meet, one function each, its words in
//! the catalogue (`[phrases]`).
//! Callers build a `Text` where the problem is found and show it in the reader's language.
//! Add a new message as a key in every catalogue and a function here, never as a literal at the
//! place of use.

use std::fmt::Display;

use super::{Lang, Text};

// ---- What a person types (see `crate::input`) ----

pub fn amount_empty() -> Text {
    Text::tr("phrases.amount_empty")
}

pub fn amount_not_a_number(input: &str) -> Text {
    Text::trf("phrases.amount_not_a_number", &[("input", &input)])
}

pub fn amount_ambiguous(input: &str) -> Text {
    Text::trf("phrases.amount_ambiguous", &[("input", &input)])
}

pub fn amount_too_many_decimals(input: &str) -> Text {
    Text::trf("phrases.amount_too_many_decimals", &[("input", &input)])
}

pub fn amount_not_positive(input: &str) -> Text {
    Text::trf("phrases.amount_not_positive", &[("input", &input)])
}

pub fn amount_too_large(input: &str, max: i64) -> Text {
    Text::trf(
        "phrases.amount_too_large",
        &[("input", &input), ("max", &max)],
    )
}

pub fn date_format(input: &str) -> Text {
    Text::trf("phrases.date_format", &[("input", &input)])
}

pub fn time_format(input: &str) -> Text {
    Text::trf("phrases.time_format", &[("input", &input)])
}

/// `days` is 0 when the month itself does not exist.
pub fn no_such_day(input: &str, year: i32, month: u32, days: u32) -> Text {
    if days == 0 {
        Text::trf("phrases.no_such_day", &[("input", &input)])
    } else {
        Text::trf(
            "phrases.typed.no_such_day_in_month",
            &[
                ("input", &input),
                ("year", &year),
                ("month", &month),
                ("days", &days),
            ],
        )
    }
}

/// The log kinds a file or a command may name.
pub const LOG_KINDS: &[&str] = &["negotiation", "collection_call", "note", "contact_notified"];
pub const CHANNELS: &[&str] = &["call", "sms", "visit", "other"];
pub const FLAGS: &[&str] = &[
    "threat",
    "insult",
    "told_third_party",
    "fake_legal",
    "night",
];

/// `a, b, c or d` in each language (its own comma and its own "or").
fn either(words: &[&str]) -> Text {
    match words.split_last() {
        Some((last, [])) => Text::same(*last),
        Some((last, rest)) => {
            let say = |lang: Lang| {
                let rest = rest.join(lang.tr("common.comma"));
                lang.trf("phrases.lists.or", &[("rest", &rest), ("last", last)])
            };
            Text::by_lang(say)
        }
        None => Text::default(),
    }
}

/// A key whose value must be one of a few words (`kind`, `channel`, a flag).
pub fn unknown_word(key: &str, value: &str, expected: &[&str]) -> Text {
    Text::around(
        "phrases.lists.unknown_word",
        ("expected", &either(expected)),
        &[("key", &key), ("value", &value)],
    )
}

pub fn from_after_to(from: impl Display, to: impl Display) -> Text {
    Text::trf("phrases.from_after_to", &[("from", &from), ("to", &to)])
}

pub fn unknown_log_kind(kind: &str) -> Text {
    unknown_word("log kind", kind, LOG_KINDS)
}

pub fn flags_must_be_list() -> Text {
    Text::around(
        "phrases.lists.flags_must_be_list",
        ("flags", &either(FLAGS)),
        &[],
    )
}

pub fn flag_must_be_string() -> Text {
    Text::around(
        "phrases.lists.flag_must_be_string",
        ("flags", &either(FLAGS)),
        &[],
    )
}

pub fn must_be_time(key: &str) -> Text {
    Text::trf("phrases.must_be_time", &[("key", &key)])
}

pub fn contact_notified_needs_who() -> Text {
    Text::tr("phrases.contact_notified_needs_who")
}

pub fn log_text_empty() -> Text {
    Text::tr("phrases.log_text_empty")
}

pub fn installment_zero() -> Text {
    Text::tr("phrases.installment_zero")
}

pub fn installment_not_number() -> Text {
    Text::tr("phrases.installment_not_number")
}

/// `what` is `payment` or `log`.
pub fn dated_after_today(what: Entry, date: impl Display, today: impl Display) -> Text {
    let what = match what {
        Entry::Payment => Text::tr("phrases.entry.payment"),
        Entry::Log => Text::tr("phrases.entry.log"),
    };
    Text::around(
        "phrases.entry.dated_after_today",
        ("what", &what),
        &[("date", &date), ("today", &today)],
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Payment,
    Log,
}

/// The most ids a "no loan with id" message lists: a 10,000-loan file must not print them all.
pub const IDS_LISTED: usize = 10;

/// The ids nearest to `id` by edit distance first (file order among equals), at most
/// `IDS_LISTED`, and how many were left out.
fn nearest_ids<'a>(id: &str, ids: &[&'a str]) -> (Vec<&'a str>, usize) {
    let mut ranked: Vec<(usize, &str)> = ids
        .iter()
        .map(|k| (strsim::levenshtein(id, k), *k))
        .collect();
    ranked.sort_by_key(|(d, _)| *d);
    let shown: Vec<&str> = ranked.iter().take(IDS_LISTED).map(|(_, k)| *k).collect();
    let more = ids.len() - shown.len();
    (shown, more)
}

pub fn no_loan_with_id(id: &str, ids: &[&str]) -> Text {
    let (shown, more) = nearest_ids(id, ids);
    let list = if ids.is_empty() {
        Text::tr("phrases.ids.none")
    } else {
        let list = shown.join(", ");
        Text::same(list)
    };
    let more = if more > 0 {
        Text::trf("phrases.ids.more", &[("more", &more)])
    } else {
        Text::default()
    };
    Text::around_all(
        "phrases.ids.no_loan_with_id",
        &[("list", &list), ("more", &more)],
        &[("id", &id)],
    )
}

pub fn already_paid_off(id: &str) -> Text {
    Text::trf("phrases.already_paid_off", &[("id", &id)])
}

pub fn no_such_installment(id: &str, count: u32, n: u32) -> Text {
    Text::countf(
        "phrases.ids.no_such_installment",
        i64::from(count),
        &[("id", &id), ("installment", &n)],
    )
}

// ---- Reading the loans file ----

pub fn is_directory() -> Text {
    Text::tr("phrases.is_directory")
}

/// `init` is the command that works from where the user is (`crate::launch::command`).
pub fn no_such_file(init: &str) -> Text {
    Text::trf("phrases.no_such_file", &[("init", &init)])
}

pub fn cannot_read(e: impl Display) -> Text {
    Text::trf("phrases.cannot_read", &[("e", &e)])
}

pub fn not_utf8() -> Text {
    Text::tr("phrases.not_utf8")
}

/// The parser's own description follows; it is in English, as the TOML library writes it.
pub fn toml_syntax(detail: Option<&str>) -> Text {
    match detail {
        Some(d) => Text::trf("phrases.toml_syntax", &[("d", &d)]),
        None => Text::tr("phrases.toml_syntax_2"),
    }
}

pub fn must_hold_tables(path: &str) -> Text {
    Text::trf("phrases.file.must_hold_tables", &[("path", &path)])
}

pub fn must_be_array_of_tables(path: &str) -> Text {
    Text::trf("phrases.must_be_array_of_tables", &[("path", &path)])
}

pub fn must_be_value(key: &str) -> Text {
    Text::trf("phrases.must_be_value", &[("key", &key)])
}

pub fn must_be_table(key: &str) -> Text {
    Text::trf("phrases.must_be_table", &[("key", &key)])
}

pub fn platforms_must_be_table() -> Text {
    Text::tr("phrases.platforms_must_be_table")
}

pub fn must_be_string(key: &str) -> Text {
    Text::trf("phrases.must_be_string", &[("key", &key)])
}

pub fn phone_must_be_string() -> Text {
    Text::tr("phrases.phone_must_be_string")
}

pub fn aliases_must_be_strings() -> Text {
    Text::tr("phrases.aliases_must_be_strings")
}

pub fn aliases_must_be_list() -> Text {
    Text::tr("phrases.aliases_must_be_list")
}

pub fn must_be_number(key: &str) -> Text {
    Text::trf("phrases.must_be_number", &[("key", &key)])
}

pub fn must_be_number_found(key: &str, raw: &str) -> Text {
    Text::trf(
        "phrases.must_be_number_found",
        &[("key", &key), ("raw", &raw)],
    )
}

pub fn number_does_not_fit(key: &str, raw: &str) -> Text {
    Text::trf(
        "phrases.number_does_not_fit",
        &[("key", &key), ("raw", &raw)],
    )
}

pub fn must_be_above_zero(key: &str, found: impl Display) -> Text {
    Text::trf(
        "phrases.must_be_above_zero",
        &[("key", &key), ("found", &found)],
    )
}

pub fn absurdly_large(key: &str, found: impl Display, max: i64) -> Text {
    Text::trf(
        "phrases.absurdly_large",
        &[("key", &key), ("found", &found), ("max", &max)],
    )
}

pub fn percent_range(key: &str, max: i64, found: impl Display) -> Text {
    Text::trf(
        "phrases.percent_range",
        &[("key", &key), ("max", &max), ("found", &found)],
    )
}

pub fn int_range(key: &str, lo: i64, hi: i64, found: i64) -> Text {
    Text::trf(
        "phrases.int_range",
        &[("key", &key), ("lo", &lo), ("hi", &hi), ("found", &found)],
    )
}

pub fn must_be_whole(key: &str) -> Text {
    Text::trf("phrases.must_be_whole", &[("key", &key)])
}

pub fn not_a_real_date(key: &str) -> Text {
    Text::trf("phrases.not_a_real_date", &[("key", &key)])
}

pub fn must_be_date(key: &str) -> Text {
    Text::trf("phrases.must_be_date", &[("key", &key)])
}

pub fn lang_value(found: &str) -> Text {
    Text::trf("phrases.lang_value", &[("found", &found)])
}

pub fn unknown_stage_kind(kind: &str, all: &[&str]) -> Text {
    let all = all.join(", ");
    Text::trf(
        "phrases.unknown_stage_kind",
        &[("kind", &kind), ("all", &all)],
    )
}

pub fn unknown_basis(basis: &str) -> Text {
    Text::trf("phrases.unknown_basis", &[("basis", &basis)])
}

pub fn unknown_method(method: &str, all: &[&str]) -> Text {
    let all = all.join(", ");
    Text::trf(
        "phrases.unknown_method",
        &[("method", &method), ("all", &all)],
    )
}

pub fn day_typical_before_day(typical: u32, day: u32) -> Text {
    Text::trf(
        "phrases.day_typical_before_day",
        &[("typical", &typical), ("day", &day)],
    )
}

pub fn id_malformed(id: &str) -> Text {
    Text::trf("phrases.id_malformed", &[("id", &id)])
}

pub fn id_duplicate(id: &str) -> Text {
    Text::trf("phrases.id_duplicate", &[("id", &id)])
}

pub fn unknown_platform(platform: &str) -> Text {
    // The table's key as TOML takes it: bare when it can be, else quoted.
    let bare = !platform.is_empty()
        && platform
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key = if bare {
        platform.to_string()
    } else {
        format!("{platform:?}")
    };
    Text::trf(
        "phrases.unknown_platform",
        &[("platform", &platform), ("key", &key)],
    )
}

pub fn both_rates() -> Text {
    Text::tr("phrases.both_rates")
}

pub fn extension_beyond_term(n: u32, count: u32) -> Text {
    Text::trf(
        "phrases.extension_beyond_term",
        &[("n", &n), ("count", &count)],
    )
}

/// `` `key` is missing: `` followed by what the key is for.
pub fn missing(key: &str, why: &Text) -> Text {
    Text::around("phrases.missing", ("why", why), &[("key", &key)])
}

/// Why a key is needed, said after `missing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    StageKind,
    LoanId,
    BillDue,
    BillAmount,
    AmountDue,
    DueDate,
    LoanTerms,
    Rate,
    FeeRate,
    ContactName,
    PaymentDate,
    PaymentAmount,
    ExtensionInstallment,
    ExtensionDue,
    LogDate,
}

pub fn need(n: Need) -> Text {
    match n {
        Need::StageKind => Text::tr("phrases.need.stage_kind"),
        Need::LoanId => Text::tr("phrases.need.loan_id"),
        Need::BillDue => Text::tr("phrases.need.bill_due"),
        Need::BillAmount => Text::tr("phrases.need.bill_amount"),
        Need::AmountDue => Text::tr("phrases.need.amount_due"),
        Need::DueDate => Text::tr("phrases.need.due_date"),
        Need::LoanTerms => Text::tr("phrases.need.loan_terms"),
        Need::Rate => Text::tr("phrases.need.rate"),
        Need::FeeRate => Text::tr("phrases.need.fee_rate"),
        Need::ContactName => Text::tr("phrases.need.contact_name"),
        Need::PaymentDate => Text::tr("phrases.need.payment_date"),
        Need::PaymentAmount => Text::tr("phrases.need.payment_amount"),
        Need::ExtensionInstallment => Text::tr("phrases.need.extension_installment"),
        Need::ExtensionDue => Text::tr("phrases.need.extension_due"),
        Need::LogDate => Text::tr("phrases.need.log_date"),
    }
}

/// The origin of a stage the user wrote without a `source`.
pub fn user_stage_source(platform: &str) -> String {
    // One text in both languages (it names the file in each): the reference catalogue's.
    Lang::Zh.trf("phrases.file.user_stage_source", &[("platform", &platform)])
}

// ---- Writing the loans file ----

/// `init` is the command that works from where the user is (`crate::launch::command`).
pub fn demo_read_only(init: &str) -> Text {
    Text::trf("phrases.demo_read_only", &[("init", &init)])
}

/// The dashboard's form on the demo; `init` as in `demo_read_only`.
pub fn demo_form_refused(init: &str) -> Text {
    Text::trf("phrases.demo_form_refused", &[("init", &init)])
}

pub fn keeps_changing() -> Text {
    Text::tr("phrases.keeps_changing")
}

pub fn changed_while_writing() -> Text {
    Text::tr("phrases.changed_while_writing")
}

pub fn write_not_utf8(path: &str) -> Text {
    Text::trf("phrases.write_not_utf8", &[("path", &path)])
}

/// Followed by the file's problems, one per line.
pub fn file_has_problems(changed: bool) -> Text {
    if changed {
        Text::tr("phrases.file_has_problems")
    } else {
        Text::tr("phrases.file_has_problems_2")
    }
}

pub fn changed_no_longer_fits(path: &str, why: &Text) -> Text {
    Text::around(
        "phrases.changed_no_longer_fits",
        ("why", why),
        &[("path", &path)],
    )
}

/// Followed by the problems the edit would cause, one per line.
pub fn edit_would_invalidate() -> Text {
    Text::tr("phrases.edit_would_invalidate")
}

pub fn edit_not_exact(path: &str) -> Text {
    Text::trf("phrases.edit_not_exact", &[("path", &path)])
}

pub fn mixed_line_endings() -> Text {
    Text::tr("phrases.mixed_line_endings")
}

pub fn cannot_edit_without_rewriting() -> Text {
    Text::tr("phrases.cannot_edit_without_rewriting")
}

pub fn single_table(id: &str, key: &str) -> Text {
    Text::trf("phrases.single_table", &[("id", &id), ("key", &key)])
}

pub fn io_error(path: &str, e: impl Display) -> Text {
    Text::trf("phrases.io_error", &[("path", &path), ("e", &e)])
}

/// Standard output refused what a report wrote (a full disk under a redirect, a closed file).
pub fn output_failed(e: impl Display) -> Text {
    Text::trf("phrases.output_failed", &[("e", &e)])
}

/// Another repaydash (or another program through it) is writing the file right now.
pub fn lock_busy(path: &str) -> Text {
    Text::trf("phrases.lock_busy", &[("path", &path)])
}

pub fn already_exists(path: &str) -> Text {
    Text::trf("phrases.already_exists", &[("path", &path)])
}

pub fn no_home_dir() -> Text {
    Text::tr("phrases.no_home_dir")
}

// ---- Prefixes the faces put before a message ----

pub fn nothing_written(why: &Text) -> Text {
    Text::around("phrases.nothing_written", ("why", why), &[])
}

pub fn reload_failed(why: &Text) -> Text {
    Text::around("phrases.reload_failed", ("why", why), &[])
}

pub fn warning(what: &Text) -> Text {
    Text::around("phrases.warning", ("what", what), &[])
}

/// A value given on the command line, named by its option (`--cash`, `--date`, `AMOUNT`).
pub fn for_argument(arg: &str, why: &Text) -> Text {
    Text::around("phrases.for_argument", ("why", why), &[("arg", &arg)])
}

pub fn terminal_failed(e: impl Display) -> Text {
    Text::trf("phrases.terminal_failed", &[("e", &e)])
}

// ---- What the dashboard says about the file and the session ----

/// The demo's banner, naming the command that works from where the user started repaydash.
pub fn demo_banner(init: &str) -> Text {
    Text::trf("phrases.demo_banner", &[("init", &init)])
}

/// The banner where the full sentence does not fit.
pub fn demo_banner_short(init: &str) -> Text {
    Text::trf("phrases.demo_banner_short", &[("init", &init)])
}

/// `repaydash` on the demo, its output not a terminal.
pub fn demo_no_file(init: &str) -> Text {
    Text::trf("phrases.demo_no_file", &[("init", &init)])
}

/// `r` worked: shown in the footer for a few seconds.
pub fn reloaded(name: &str) -> Text {
    Text::trf("phrases.reloaded", &[("name", &name)])
}

/// The footer's count of load warnings.
pub fn load_warnings_count(n: usize) -> Text {
    Text::count("phrases.load_warnings_count", n as i64)
}

/// The title of the list of load warnings (`!`).
pub fn load_warnings_title(n: usize) -> Text {
    Text::trf("phrases.load_warnings_title", &[("n", &n)])
}

pub fn no_load_warnings() -> Text {
    Text::tr("phrases.no_load_warnings")
}

// ---- Issue 9: what the store refuses, the lock, undo ----

pub fn not_regular_file() -> Text {
    Text::tr("phrases.not_regular_file")
}

pub fn file_too_large() -> Text {
    Text::tr("phrases.file_too_large")
}

pub fn cannot_lock(lock: &str, e: impl Display) -> Text {
    Text::trf("phrases.cannot_lock", &[("lock", &lock), ("e", &e)])
}

pub fn cannot_keep_owner(uid: u32, gid: u32, e: impl Display) -> Text {
    Text::trf(
        "phrases.cannot_keep_owner",
        &[("uid", &uid), ("gid", &gid), ("e", &e)],
    )
}

pub fn paid_before_start(date: impl Display, start: impl Display) -> Text {
    Text::trf(
        "phrases.paid_before_start",
        &[("date", &date), ("start", &start)],
    )
}

/// Money already written with its currency symbol and grouping; `penalty` when one is estimated.
pub fn payment_beyond_owed(amount: &str, owed: &str, unpaid: &str, penalty: Option<&str>) -> Text {
    match penalty {
        Some(penalty) => Text::trf(
            "phrases.payment_beyond_owed",
            &[
                ("amount", &amount),
                ("owed", &owed),
                ("unpaid", &unpaid),
                ("penalty", &penalty),
            ],
        ),
        None => Text::trf(
            "phrases.payment_beyond_owed_2",
            &[("amount", &amount), ("owed", &owed)],
        ),
    }
}

pub fn extension_into_past(due: impl Display, today: impl Display) -> Text {
    Text::trf(
        "phrases.extension_into_past",
        &[("due", &due), ("today", &today)],
    )
}

pub fn extension_not_later(n: u32, now: impl Display, due: impl Display) -> Text {
    Text::trf(
        "phrases.extension_not_later",
        &[("n", &n), ("now", &now), ("due", &due)],
    )
}

/// `undo` is the command that works from where the user is (`crate::launch::command`).
pub fn undo_hint(undo: &str) -> Text {
    Text::trf("phrases.undo_hint", &[("undo", &undo)])
}

pub fn nothing_to_undo(sidecar: &str) -> Text {
    Text::trf("phrases.nothing_to_undo", &[("sidecar", &sidecar)])
}

pub fn undo_changed_since(path: &str, backup: &str) -> Text {
    Text::trf(
        "phrases.undo_changed_since",
        &[("path", &path), ("backup", &backup)],
    )
}

pub fn backup_not_utf8(backup: &str) -> Text {
    Text::trf("phrases.backup_not_utf8", &[("backup", &backup)])
}

/// Followed by the backup's problems, one per line.
pub fn backup_has_problems() -> Text {
    Text::tr("phrases.backup_has_problems")
}

pub fn undid_last_write(path: &str) -> Text {
    Text::trf("phrases.undid_last_write", &[("path", &path)])
}

pub fn undo_took_out() -> Text {
    Text::tr("phrases.undo_took_out")
}

pub fn undo_put_back() -> Text {
    Text::tr("phrases.undo_put_back")
}

pub fn undo_kept_as(backup: &str, undo: &str) -> Text {
    Text::trf(
        "phrases.undo_kept_as",
        &[("backup", &backup), ("undo", &undo)],
    )
}

/// The dashboard's one-line outcome of `u`; `what` lists what was taken out or put back.
pub fn undid_in_dashboard(what: &str) -> Text {
    Text::trf("phrases.undid_in_dashboard", &[("what", &what)])
}

pub fn nothing_undone(why: &Text) -> Text {
    Text::around("phrases.nothing_undone", ("why", why), &[])
}

/// A key the program does not read: kept in the file, ignored; `did_you_mean` when one is near.
pub fn unknown_key(key: &str, did_you_mean: Option<&str>) -> Text {
    match did_you_mean {
        Some(k) => Text::trf("phrases.unknown_key", &[("key", &key), ("k", &k)]),
        None => Text::trf("phrases.unknown_key_2", &[("key", &key)]),
    }
}

/// A loan with no `contacts`: `notice` and the dashboard's `m` say it the same way.
pub fn no_contacts() -> Text {
    Text::tr("phrases.file.no_contacts")
}

/// Other users can read the loans file: the CLI's warning, whole.
pub fn file_exposed(shown: &str, mode: u32) -> Text {
    let mode = format!("{mode:o}");
    Text::trf(
        "phrases.file.exposed",
        &[("shown", &shown), ("mode", &mode)],
    )
}

/// The same fact as the dashboard's header line says it before `chmod 600 PATH`, longest first:
/// it takes the longest that fits the width, so the command itself is never cut.
pub fn file_exposed_leads(mode: u32) -> [Text; 4] {
    let mode = format!("{mode:o}");
    [
        Text::trf("phrases.file.exposed_lead_full", &[("mode", &mode)]),
        Text::trf("phrases.file.exposed_lead_mode", &[("mode", &mode)]),
        Text::tr("phrases.file_exposed_leads"),
        Text::tr("phrases.file_exposed_leads_2"),
    ]
}

/// Said on stderr (not in the letter, which is for the lender) when the letter has no reason.
pub fn letter_reason_hint() -> Text {
    Text::tr("phrases.letter_reason_hint")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_id_lists_the_ten_nearest_then_how_many_more() {
        // 25 ids, a00..a24. "a17x" is one edit from a17; two from a07, a10..a16, a18, a19 (ten
        // ids, file order among equals, so a19 is the one cut); three or more from the rest.
        let owned: Vec<String> = (0..25).map(|i| format!("a{i:02}")).collect();
        let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
        let m = no_loan_with_id("a17x", &ids);
        assert_eq!(
            m.get(Lang::En),
            "no loan with id \"a17x\"; expected one of: a17, a07, a10, a11, a12, a13, a14, a15, a16, a18 … and 15 more"
        );
        assert_eq!(
            m.get(Lang::Zh),
            "没有 id 为“a17x”的借款；现有：a17, a07, a10, a11, a12, a13, a14, a15, a16, a18 ……另有 15 个"
        );
        // A short list is shown whole, nearest first, with no "more".
        let few = no_loan_with_id("jd-jintiao2", &["zhaolian", "jd-baitiao", "jd-jintiao"]);
        assert_eq!(
            few.get(Lang::En),
            "no loan with id \"jd-jintiao2\"; expected one of: jd-jintiao, jd-baitiao, zhaolian"
        );
    }
}
