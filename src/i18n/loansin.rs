//! The words of getting loans in and keeping them current (`add`, `pay --through`, `archive`,
//! `edit`, `init`'s next steps, the prompts), read from the
//! catalogue (`[loansin]`).

use std::fmt::Display;

use super::{Lang, Text};
use crate::model::Method;

/// A repayment method as people call it.
pub fn method(m: Method) -> Text {
    match m {
        Method::EqualInstallment => Text::tr("loansin.method.equal_installment"),
        Method::EqualPrincipal => Text::tr("loansin.method.equal_principal"),
        Method::InterestFirst => Text::tr("loansin.method.interest_first"),
        Method::Bullet => Text::tr("loansin.method.bullet"),
        Method::FixedFee => Text::tr("loansin.method.fixed_fee"),
    }
}

/// The sixth answer to "how is it repaid": a list of bills instead of terms.
pub fn bills_method() -> Text {
    Text::tr("loansin.bills_method")
}

pub fn missing_flags(flags: &[&str]) -> Text {
    let list = flags.join(", ");
    Text::trf("loansin.missing_flags", &[("list", &list)])
}

pub fn id_taken(id: &str, path: &str) -> Text {
    Text::trf("loansin.id_taken", &[("path", &path), ("id", &id)])
}

pub fn bill_format(input: &str) -> Text {
    Text::trf("loansin.bill_format", &[("input", &input)])
}

pub fn contact_format(input: &str) -> Text {
    Text::trf("loansin.contact_format", &[("input", &input)])
}

pub fn bills_and_terms() -> Text {
    Text::tr("loansin.bills_and_terms")
}

pub fn through_zero() -> Text {
    Text::tr("loansin.through_zero")
}

pub fn through_not_yet_due(n: u32, due: impl Display, today: impl Display) -> Text {
    Text::trf(
        "loansin.through_not_yet_due",
        &[("n", &n), ("due", &due), ("today", &today)],
    )
}

pub fn through_already_paid(id: &str, n: u32) -> Text {
    Text::trf("loansin.through_already_paid", &[("id", &id), ("n", &n)])
}

pub fn amount_or_through() -> Text {
    Text::tr("loansin.amount_or_through")
}

/// After `add`: what was written, where the previous file went, how to take it back.
pub fn added(id: &str, name: &str, path: &str, backup: &str, undo: &str) -> Text {
    Text::trf(
        "loansin.added",
        &[
            ("name", &name),
            ("id", &id),
            ("path", &path),
            ("backup", &backup),
            ("undo", &undo),
        ],
    )
}

pub fn added_paid(n: u32) -> Text {
    Text::trf("loansin.added_paid", &[("n", &n)])
}

pub fn through_recorded(n: usize, total: &str, backup: &str, undo: &str) -> Text {
    Text::countf(
        "loansin.through_recorded",
        n as i64,
        &[("total", &total), ("backup", &backup), ("undo", &undo)],
    )
}

// ---- The preview before a loan is written ----

pub fn preview_head(name: &str, method: &Text, count: usize) -> Text {
    let head = |lang: Lang| {
        lang.countf(
            "loansin.preview_head",
            count as i64,
            &[("name", &name), ("method", &method.get(lang))],
        )
    };
    Text::by_lang(head)
}

pub fn preview_more(n: usize) -> Text {
    Text::trf("loansin.preview_more", &[("n", &n)])
}

pub fn preview_totals(repaid: &str, cost: Option<&str>, apr: Option<&str>) -> Text {
    let Some(cost) = cost else {
        // A bill list says what is due, not what of it is interest.
        return Text::trf("loansin.preview_totals_bills", &[("repaid", &repaid)]);
    };
    let apr = apr.map_or("—".to_string(), |a| format!("{a}%"));
    Text::trf(
        "loansin.preview_totals",
        &[("repaid", &repaid), ("cost", &cost), ("apr", &apr)],
    )
}

// ---- `init` ----

pub fn init_wrote(path: &str, add: &str, dashboard: &str) -> Text {
    Text::trf(
        "loansin.init_wrote",
        &[("path", &path), ("add", &add), ("dashboard", &dashboard)],
    )
}

// ---- Prompts (`add` on a terminal) ----

pub fn prompt_platform() -> Text {
    Text::tr("loansin.prompt_platform")
}
pub fn prompt_product() -> Text {
    Text::tr("loansin.prompt_product")
}
pub fn prompt_name() -> Text {
    Text::tr("loansin.prompt_name")
}
pub fn prompt_id() -> Text {
    Text::tr("loansin.prompt_id")
}
pub fn prompt_method() -> Text {
    Text::tr("loansin.prompt_method")
}
pub fn prompt_principal() -> Text {
    Text::tr("loansin.prompt_principal")
}
pub fn prompt_rate_kind() -> Text {
    Text::tr("loansin.prompt_rate_kind")
}
pub fn rate_annual() -> Text {
    Text::tr("loansin.rate_annual")
}
pub fn rate_daily() -> Text {
    Text::tr("loansin.rate_daily")
}
pub fn prompt_rate(kind: &Text) -> Text {
    kind.clone()
}
pub fn prompt_fee_rate() -> Text {
    Text::tr("loansin.prompt_fee_rate")
}
pub fn prompt_term() -> Text {
    Text::tr("loansin.prompt_term")
}
pub fn prompt_start() -> Text {
    Text::tr("loansin.prompt_start")
}
pub fn prompt_due_day() -> Text {
    Text::tr("loansin.prompt_due_day")
}
pub fn prompt_bill() -> Text {
    Text::tr("loansin.prompt_bill")
}
pub fn prompt_contact() -> Text {
    Text::tr("loansin.prompt_contact")
}
pub fn prompt_paid_through() -> Text {
    Text::tr("loansin.prompt_paid_through")
}
pub fn prompt_confirm() -> Text {
    Text::tr("loansin.prompt_confirm")
}
pub fn prompt_help() -> Text {
    Text::tr("loansin.prompt_help")
}
pub fn not_written() -> Text {
    Text::tr("loansin.not_written")
}
pub fn need_bill() -> Text {
    Text::tr("loansin.need_bill")
}
pub fn whole_number(input: &str, lo: u32, hi: u32) -> Text {
    Text::trf(
        "loansin.whole_number",
        &[("input", &input), ("lo", &lo), ("hi", &hi)],
    )
}
pub fn yes_no(input: &str) -> Text {
    Text::trf("loansin.yes_no", &[("input", &input)])
}
pub fn input_ended() -> Text {
    Text::tr("loansin.input_ended")
}

pub fn not_a_percent(input: &str) -> Text {
    Text::trf("loansin.not_a_percent", &[("input", &input)])
}

pub fn archived_not_bool() -> Text {
    Text::tr("loansin.archived_not_bool")
}

pub fn archived(id: &str, backup: &str, undo: &str) -> Text {
    Text::trf(
        "loansin.archived",
        &[("id", &id), ("backup", &backup), ("undo", &undo)],
    )
}

pub fn unarchived(id: &str, backup: &str, undo: &str) -> Text {
    Text::trf(
        "loansin.unarchived",
        &[("id", &id), ("backup", &backup), ("undo", &undo)],
    )
}

pub fn already_archived(id: &str, archived: bool) -> Text {
    if archived {
        Text::trf("loansin.already_archived", &[("id", &id)])
    } else {
        Text::trf("loansin.not_archived", &[("id", &id)])
    }
}

pub fn paid_off_offer_archive(id: &str, archive: &str) -> Text {
    Text::trf(
        "loansin.paid_off_offer_archive",
        &[("id", &id), ("archive", &archive)],
    )
}

pub fn editor_failed(editor: &str, e: impl Display) -> Text {
    Text::trf("loansin.editor_failed", &[("editor", &editor), ("e", &e)])
}

pub fn edit_left_problems(path: &str, again: &str) -> Text {
    Text::trf(
        "loansin.edit_left_problems",
        &[("path", &path), ("again", &again)],
    )
}

pub fn edit_ok(path: &str, count: usize) -> Text {
    Text::countf("loansin.edit_ok", count as i64, &[("path", &path)])
}

/// After a reload that failed, in the dashboard's status line.
pub fn reopen_hint() -> Text {
    Text::tr("loansin.reopen_hint")
}

pub fn archived_short(id: &str) -> Text {
    Text::trf("loansin.archived_short", &[("id", &id)])
}

pub fn unarchived_short(id: &str) -> Text {
    Text::trf("loansin.unarchived_short", &[("id", &id)])
}

/// After a write in the dashboard that cleared a loan.
pub fn paid_off_archive_key() -> Text {
    Text::tr("loansin.paid_off_archive_key")
}

pub fn fill_in(labels: &[String]) -> Text {
    let fill = |lang: Lang| {
        let labels = labels.join(lang.tr("common.comma"));
        lang.trf("loansin.fill_in", &[("labels", &labels)])
    };
    Text::by_lang(fill)
}

pub fn will_be_id(id: &str) -> Text {
    Text::trf("loansin.will_be_id", &[("id", &id)])
}

pub fn added_short(id: &str, name: &str) -> Text {
    Text::trf("loansin.added_short", &[("name", &name), ("id", &id)])
}

pub fn add_form_title() -> Text {
    Text::tr("loansin.add_form_title")
}

pub fn more_below() -> Text {
    Text::tr("loansin.more_below")
}

/// On the detail pane's border when it leaves something out.
pub fn more_in_full() -> Text {
    Text::tr("loansin.more_in_full")
}

pub fn more_above() -> Text {
    Text::tr("loansin.more_above")
}

pub fn no_such_entry(id: &str, key: &str, n: usize) -> Text {
    Text::trf(
        "loansin.no_such_entry",
        &[("id", &id), ("key", &key), ("n", &n)],
    )
}

pub fn entry_removed() -> Text {
    Text::tr("loansin.entry_removed")
}

pub fn confirm_remove() -> Text {
    Text::tr("loansin.confirm_remove")
}

pub fn history_title() -> Text {
    Text::tr("loansin.history_title")
}

pub fn history_empty() -> Text {
    Text::tr("loansin.history_empty")
}

pub fn info_saved() -> Text {
    Text::tr("loansin.info_saved")
}

pub fn edit_form_title() -> Text {
    Text::tr("loansin.edit_form_title")
}

/// The mark of an archived loan where `check --all` or the dashboard's H shows it.
pub fn archived_tag() -> Text {
    Text::tr("loansin.archived_tag")
}
