//! Every sentence about what a negotiation won: agreements, promises to pay, settlements, penalty
//! payments, the closing checklist and the true cost of a loan, read from the catalogue (`[outcome]`).

use super::{Lang, Text};

pub fn must_be_bool(key: &str) -> Text {
    Text::trf("outcome.must_be_bool", &[("key", &key)])
}

/// `key`'s date comes before `earlier`'s in the same entry.
pub fn date_before(key: &str, earlier: &str) -> Text {
    Text::trf(
        "outcome.date_before",
        &[("key", &key), ("earlier", &earlier)],
    )
}

pub fn agreement_needs(key: &str) -> Text {
    match key {
        "date" => Text::tr("outcome.agreement_needs.date"),
        "from" => Text::tr("outcome.agreement_needs.from"),
        "months" => Text::tr("outcome.agreement_needs.months"),
        _ => Text::tr("outcome.agreement_needs.amount"),
    }
}

pub fn promise_needs(key: &str) -> Text {
    match key {
        "date" => Text::tr("outcome.promise_needs.date"),
        "by" => Text::tr("outcome.promise_needs.by"),
        _ => Text::tr("outcome.promise_needs.amount"),
    }
}

pub fn settlement_needs(key: &str) -> Text {
    match key {
        "date" => Text::tr("outcome.settlement_needs.date"),
        _ => Text::tr("outcome.settlement_needs.amount"),
    }
}

/// A loan overdue again because an agreement installment was missed: the list's and the header's
/// status words.
pub fn agreement_broken_days(days: i64) -> Text {
    Text::trf("outcome.agreement_broken_days", &[("days", &days)])
}

/// The status a broken agreement is named by, in `check` and the detail.
pub fn agreement_broken() -> Text {
    Text::tr("outcome.agreement_broken")
}

/// The schedule's second table: the agreement's installments.
pub fn agreement_installments_title() -> Text {
    Text::tr("outcome.agreement_installments_title")
}

pub fn already_settled(id: &str) -> Text {
    Text::trf("outcome.already_settled", &[("id", &id)])
}

/// A new agreement dated before the one in force.
pub fn agreement_before_last(last: chrono::NaiveDate) -> Text {
    Text::trf("outcome.agreement_before_last", &[("last", &last)])
}

pub fn recorded_penalty(amount: &str, date: chrono::NaiveDate) -> Text {
    Text::trf(
        "outcome.recorded_penalty",
        &[("amount", &amount), ("date", &date)],
    )
}

pub fn recorded_agreement(months: u32, amount: &str, from: chrono::NaiveDate) -> Text {
    Text::trf(
        "outcome.recorded_agreement",
        &[("months", &months), ("amount", &amount), ("from", &from)],
    )
}

pub fn recorded_promise(amount: &str, by: chrono::NaiveDate) -> Text {
    Text::trf(
        "outcome.recorded_promise",
        &[("by", &by), ("amount", &amount)],
    )
}

pub fn recorded_settlement(amount: &str, date: chrono::NaiveDate) -> Text {
    Text::trf(
        "outcome.recorded_settlement",
        &[("date", &date), ("amount", &amount)],
    )
}

/// Said before a settlement is recorded (the CLI and the form).
pub fn settle_in_writing_first() -> Text {
    Text::tr("outcome.settle_in_writing_first")
}

/// Said when an agreement is recorded without `ref`.
pub fn agreement_without_ref() -> Text {
    Text::tr("outcome.agreement_without_ref")
}

/// The advice panel's item when a kept agreement has no record noted.
pub fn agreement_without_ref_advice() -> Text {
    Text::tr("outcome.agreement_without_ref_advice")
}

/// The true rate above a reported line (24 or 36), with what the borrower can do; never a
/// verdict that the loan is illegal.
pub fn apr_above_line(apr: &str, line: u32) -> Text {
    let source = if line == 36 {
        Text::tr("outcome.apr_line_36")
    } else {
        Text::tr("outcome.apr_line_24")
    };
    Text::around(
        "outcome.apr_above_line",
        ("source", &source),
        &[("apr", &apr)],
    )
}

/// An agreement as the letters state it.
pub fn letter_agreement(
    date: chrono::NaiveDate,
    months: u32,
    amount: &str,
    reference: Option<&str>,
) -> Text {
    Text::around(
        "outcome.letter_agreement",
        ("record", &record(reference)),
        &[("date", &date), ("months", &months), ("amount", &amount)],
    )
}

/// `，凭据：…` / `; record: …` after an agreement or a settlement, when one is noted.
fn record(reference: Option<&str>) -> Text {
    match reference {
        Some(r) => Text::trf("outcome.record", &[("r", &r)]),
        None => Text::default(),
    }
}

/// `（对 …）` / ` (to …)` after a promise, when it names whom it was made to.
fn promised_to(to: Option<&str>) -> Text {
    match to {
        Some(t) => Text::trf("outcome.promised_to", &[("t", &t)]),
        None => Text::default(),
    }
}

/// A settlement as the letters state it.
pub fn letter_settlement(
    date: chrono::NaiveDate,
    paid: &str,
    waived: &str,
    reference: Option<&str>,
) -> Text {
    Text::around(
        "outcome.letter_settlement",
        ("record", &record(reference)),
        &[("date", &date), ("paid", &paid), ("waived", &waived)],
    )
}

/// `letter --kind negotiation` for a loan keeping its agreement: no new plan is proposed.
pub fn no_negotiation_while_kept() -> Text {
    Text::tr("outcome.no_negotiation_while_kept")
}

/// A calendar event for an agreement installment: summary and description.
pub fn ics_agreement(name: &str, n: u32, amount: &str, overdue: bool) -> (Text, Text) {
    let values: &[(&str, &dyn std::fmt::Display)] =
        &[("name", &name), ("n", &n), ("amount", &amount)];
    let summary = if overdue {
        Text::trf("outcome.ics_agreement_broken", values)
    } else {
        Text::trf("outcome.ics_agreement_due", values)
    };
    let description = Text::trf("outcome.ics_agreement_description", values);
    (summary, description)
}

/// A calendar event for a pending promise: summary and description.
pub fn ics_promise(
    name: &str,
    amount: &str,
    to: Option<&str>,
    made: chrono::NaiveDate,
) -> (Text, Text) {
    (
        Text::trf(
            "outcome.ics_promise",
            &[("name", &name), ("amount", &amount)],
        ),
        Text::around(
            "outcome.ics_promise_description",
            ("to", &promised_to(to)),
            &[("made", &made), ("amount", &amount)],
        ),
    )
}

/// The nearest pending promise (and how many there are), for the header and `status`.
pub fn promises_line(name: &str, amount: &str, by: &str, count: usize) -> Text {
    let more = if count > 1 {
        Text::trf("outcome.promises_in_all", &[("count", &count)])
    } else {
        Text::default()
    };
    Text::around(
        "outcome.promises_line",
        ("more", &more),
        &[("name", &name), ("amount", &amount), ("by", &by)],
    )
}

pub fn form_date_hint() -> Text {
    Text::tr("outcome.form_date_hint")
}

pub fn form_from_hint() -> Text {
    Text::tr("outcome.form_from_hint")
}

pub fn form_months_hint() -> Text {
    Text::tr("outcome.form_months_hint")
}

pub fn form_months_error() -> Text {
    Text::tr("outcome.form_months_error")
}

pub fn form_agree_amount_hint() -> Text {
    Text::tr("outcome.form_agree_amount_hint")
}

pub fn form_ref_hint() -> Text {
    Text::tr("outcome.form_ref_hint")
}

pub fn form_promise_amount_hint() -> Text {
    Text::tr("outcome.form_promise_amount_hint")
}

pub fn form_by_hint() -> Text {
    Text::tr("outcome.form_by_hint")
}

pub fn form_to_hint() -> Text {
    Text::tr("outcome.form_to_hint")
}

pub fn form_penalty_hint() -> Text {
    Text::tr("outcome.form_penalty_hint")
}

pub fn detail_apr_line(apr: &str, line: &str) -> Text {
    Text::trf("outcome.detail_apr_line", &[("apr", &apr), ("line", &line)])
}

pub fn detail_agreement_title(paid: usize, count: usize) -> Text {
    Text::trf(
        "outcome.detail_agreement_title",
        &[("paid", &paid), ("count", &count)],
    )
}

pub fn detail_agreement_next(date: &str, amount: &str) -> Text {
    Text::trf(
        "outcome.detail_agreement_next",
        &[("date", &date), ("amount", &amount)],
    )
}

pub fn detail_agreement_missed(n: u32, date: &str) -> Text {
    Text::trf(
        "outcome.detail_agreement_missed",
        &[("n", &n), ("date", &date)],
    )
}

pub fn detail_agreement_done() -> Text {
    Text::tr("outcome.detail_agreement_done")
}

pub fn detail_ref_label() -> Text {
    Text::tr("outcome.detail_ref_label")
}

pub fn detail_no_ref() -> Text {
    Text::tr("outcome.detail_no_ref")
}

pub fn detail_promises_title() -> Text {
    Text::tr("outcome.detail_promises_title")
}

/// One promise: `status` is kept | broken | pending.
pub fn detail_promise(status: &str, by: &str, amount: &str, paid: &str) -> Text {
    let values: &[(&str, &dyn std::fmt::Display)] =
        &[("by", &by), ("amount", &amount), ("paid", &paid)];
    match status {
        "kept" => Text::trf("outcome.detail_promise.kept", values),
        "broken" => Text::trf("outcome.detail_promise.broken", values),
        _ => Text::trf("outcome.detail_promise.pending", values),
    }
}

pub fn detail_settled_title() -> Text {
    Text::tr("outcome.detail_settled_title")
}

pub fn detail_settled_paid(date: &str, amount: &str) -> Text {
    Text::trf(
        "outcome.detail_settled_paid",
        &[("date", &date), ("amount", &amount)],
    )
}

pub fn detail_settled_waived(amount: &str) -> Text {
    Text::trf("outcome.detail_settled_waived", &[("amount", &amount)])
}

pub fn detail_closing_title() -> Text {
    Text::tr("outcome.detail_closing_title")
}

/// The closing checklist, short; the advice's closing topic gives each with its source.
pub fn detail_closing_items() -> [Text; 3] {
    [
        Text::tr("outcome.closing_items.proof"),
        Text::tr("outcome.closing_items.credit_report"),
        Text::tr("outcome.closing_items.dispute"),
    ]
}

/// The list's second line for a loan settled for less.
pub fn list_settled() -> Text {
    Text::tr("outcome.list_settled")
}

/// The title of a letter kind (`settlement-proof`, `dispute`) in the dashboard.
pub fn letter_title(kind: &str) -> Text {
    match kind {
        "settlement-proof" => Text::tr("outcome.letter_title.settlement_proof"),
        _ => Text::tr("outcome.letter_title.dispute"),
    }
}

/// The plan's line for the money set aside for pending promises.
pub fn plan_committed(amount: &str) -> Text {
    Text::trf("outcome.plan_committed", &[("amount", &amount)])
}

pub fn evidence_title() -> Text {
    Text::tr("outcome.evidence_title")
}

/// An agreement in the complaint's evidence; `status` is kept | broken | done | replaced.
pub fn evidence_agreement(
    date: chrono::NaiveDate,
    months: u32,
    amount: &str,
    reference: Option<&str>,
    status: &str,
) -> Text {
    let status = match status {
        "kept" => Text::tr("outcome.agreement_status.kept"),
        "broken" => Text::tr("outcome.agreement_status.broken"),
        "done" => Text::tr("outcome.agreement_status.done"),
        _ => Text::tr("outcome.agreement_status.replaced"),
    };
    Text::around_all(
        "outcome.evidence_agreement",
        &[("record", &record(reference)), ("status", &status)],
        &[("date", &date), ("months", &months), ("amount", &amount)],
    )
}

/// A promise in the complaint's evidence; `status` is kept | broken | pending.
pub fn evidence_promise(
    date: chrono::NaiveDate,
    by: chrono::NaiveDate,
    amount: &str,
    paid: &str,
    to: Option<&str>,
    status: &str,
) -> Text {
    let status = match status {
        "kept" => Text::tr("outcome.promise_status.kept"),
        "broken" => Text::tr("outcome.promise_status.broken"),
        _ => Text::tr("outcome.promise_status.pending"),
    };
    Text::around_all(
        "outcome.evidence_promise",
        &[("to", &promised_to(to)), ("status", &status)],
        &[
            ("date", &date),
            ("by", &by),
            ("amount", &amount),
            ("paid", &paid),
        ],
    )
}

/// After the closing checklist's title: the key that checks the next item.
pub fn detail_closing_key() -> Text {
    Text::tr("outcome.detail_closing_key")
}

/// Beside the true rate: a fixed-fee plan's fee as the lender states it.
pub fn typed_fee(fee: &str) -> Text {
    Text::trf("outcome.typed_fee", &[("fee", &fee)])
}

/// Beside the true rate: the annual rate written in the file.
pub fn typed_annual(rate: &str) -> Text {
    Text::trf("outcome.typed_annual", &[("rate", &rate)])
}

/// Beside the true rate: the daily rate written in the file.
pub fn typed_daily(rate: &str) -> Text {
    Text::trf("outcome.typed_daily", &[("rate", &rate)])
}

/// The call form's optional amount the collector asked for.
pub fn call_asked_amount_hint() -> Text {
    Text::tr("outcome.call_asked_amount_hint")
}

/// The call form's optional day the collector asked for.
pub fn call_asked_by_hint() -> Text {
    Text::tr("outcome.call_asked_by_hint")
}

/// After a letter's title in the dashboard, when other kinds fit the loan.
pub fn letter_tab(lang: Lang) -> &'static str {
    lang.tr("outcome.letter_tab")
}
