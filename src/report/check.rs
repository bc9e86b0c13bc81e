//! `repaydash check`: every loan's status, most urgent first.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Context;
use super::table::Align;
use crate::engine::ledger::PenaltyBasis;
use crate::engine::{LoanStatus, Situation};
use crate::i18n::loansin as lt;
use crate::model::{Basis, StageKind};
use crate::money::{self, grouped};
use crate::present::{LoanFacts, Snapshot};
use crate::text::{GiveWay, render_fit};

#[derive(Debug, Serialize)]
pub struct CheckRow<'a> {
    /// Only `check --all` lists an archived loan.
    pub archived: bool,
    // Borrowed from the portfolio: copying three strings per loan showed at 10,000 loans.
    pub id: &'a str,
    pub name: Cow<'a, str>,
    pub platform: &'a str,
    pub status: LoanStatus,
    pub situation: Situation,
    pub days_overdue: i64,
    #[serde(with = "money::as_plain")]
    pub overdue_amount: Decimal,
    pub next_due_date: Option<NaiveDate>,
    #[serde(with = "money::as_plain")]
    pub next_due_amount: Decimal,
    pub days_until_due: Option<i64>,
    /// What falls due soon on this loan (the one definition: `present::due_soon`).
    #[serde(with = "money::as_plain")]
    pub due_soon_amount: Decimal,
    /// Stage kind, or "none".
    pub stage: &'static str,
    /// Where the stage's day comes from (article, estimate, user); null with no stage.
    pub stage_basis: Option<Basis>,
    pub emergency_contact_date: Option<NaiveDate>,
    /// Where the sources disagree: the later reported date.
    pub emergency_contact_date_typical: Option<NaiveDate>,
    pub days_until_emergency_contact: Option<i64>,
    /// The countdown in the chosen language, as the dashboard's list words it ("" when none).
    pub countdown: String,
    /// Where the contact day comes from; null when the policy gives none.
    pub emergency_contact_basis: Option<Basis>,
    /// The loan's credit-report day, and where it comes from.
    pub credit_report_date: Option<NaiveDate>,
    pub credit_report_basis: Option<Basis>,
    /// null when unknown: a bill list with no rate (`penalty_basis` is then "unknown").
    #[serde(with = "money::as_plain_opt")]
    pub penalty_estimate: Option<Decimal>,
    /// penalty_rate (the loan's own), rate_x15 (its rate × 1.5), apr_x15 (fixed_fee: true APR ×
    /// 1.5) or unknown.
    pub penalty_basis: PenaltyBasis,
    #[serde(with = "money::as_plain")]
    pub remaining_balance: Decimal,
    /// The agreement in force; null without one.
    pub agreement: Option<crate::present::outcome::AgreementFacts>,
    pub promises: Vec<crate::present::outcome::PromiseFacts>,
    /// Paid to settle and what was waived; null unless settled.
    #[serde(with = "money::as_plain_opt")]
    pub settled_amount: Option<Decimal>,
    #[serde(with = "money::as_plain_opt")]
    pub waived_amount: Option<Decimal>,
    /// The true annual rate by IRR, fees included (percent, two decimals); null for a bill list.
    #[serde(with = "money::as_plain_opt")]
    pub apr: Option<Decimal>,
    /// The reported line it is above: null, "24" or "36".
    pub apr_line: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport<'a> {
    pub today: NaiveDate,
    pub totals: TotalsRow,
    pub loans: Vec<CheckRow<'a>>,
}

/// The dashboard header's figures.
#[derive(Debug, Serialize)]
pub struct TotalsRow {
    #[serde(with = "money::as_plain")]
    pub overdue: Decimal,
    #[serde(with = "money::as_plain")]
    pub due_soon: Decimal,
    /// Loans not paid off.
    pub open: usize,
}

pub fn row<'a>(ctx: &Context<'a>, f: &'a LoanFacts) -> CheckRow<'a> {
    let loan = &ctx.portfolio.loans[f.idx];
    let l = &f.ledger;
    let e = &f.escalation;
    let contact = e.milestone(StageKind::EmergencyContact);
    let credit = e.milestone(StageKind::CreditReport);
    let apr = crate::present::apr(loan, l).0;
    CheckRow {
        id: &loan.id,
        archived: f.archived,
        name: Cow::Borrowed(&f.name),
        platform: &loan.platform,
        status: l.status,
        situation: f.situation,
        days_overdue: l.days_overdue,
        overdue_amount: l.overdue_amount,
        next_due_date: l.next_due_date,
        next_due_amount: l.next_due_amount,
        days_until_due: l.days_until_due,
        due_soon_amount: f.due_soon,
        stage: e.stage.map(|s| s.key()).unwrap_or("none"),
        stage_basis: e.current().map(|m| m.basis),
        emergency_contact_date: e.emergency_contact_date,
        emergency_contact_date_typical: contact.and_then(|m| m.date_typical),
        days_until_emergency_contact: e.days_until_emergency_contact,
        countdown: f.countdown.words(ctx.lang, ctx.today),
        emergency_contact_basis: contact.map(|m| m.basis),
        credit_report_date: credit.and_then(|m| m.date),
        credit_report_basis: credit.map(|m| m.basis),
        penalty_estimate: l.penalty_estimate,
        penalty_basis: l.penalty_basis,
        remaining_balance: l.remaining_balance,
        agreement: crate::present::outcome::agreement_facts(l),
        promises: crate::present::outcome::promise_facts(l),
        settled_amount: crate::present::outcome::settled_amounts(l).0,
        waived_amount: crate::present::outcome::settled_amounts(l).1,
        apr,
        apr_line: crate::present::outcome::apr_line(apr),
    }
}

pub fn report<'a>(ctx: &Context<'a>, snap: &'a Snapshot) -> CheckReport<'a> {
    CheckReport {
        today: ctx.today,
        totals: TotalsRow {
            overdue: snap.totals.overdue,
            due_soon: snap.totals.due_soon,
            open: snap.totals.open,
        },
        loans: snap.loans.iter().map(|f| row(ctx, f)).collect(),
    }
}

/// A loan's row takes about 560 bytes of pretty JSON; sizing the buffer up front saves the copies
/// of growing it by doubling.
const JSON_BYTES_PER_LOAN: usize = 600;

pub fn json(ctx: &Context) -> Result<String, serde_json::Error> {
    let snap = ctx.snapshot();
    let report = report(ctx, &snap);
    super::json::pretty_sized(&report, 64 + report.loans.len() * JSON_BYTES_PER_LOAN)
}

/// A readable table in the chosen language, in full (piped output: every column, whatever its
/// width).
pub fn text(ctx: &Context) -> String {
    text_fit(ctx, None)
}

/// The order in which the table's columns give way to a narrow screen (the README lists it):
/// the stage goes first (the countdown names the step that matters, `advice` the rest), then the
/// penalty estimate; the loan's name is cut to 14 columns with "…"; the due date goes (the
/// amount stays); the name is cut to 10, then the countdown to 16; what still does not fit is
/// cut at the screen's edge, with "…".
pub const GIVE_WAY: &[GiveWay] = &[
    GiveWay::Drop(5),
    GiveWay::Drop(7),
    GiveWay::Shrink(0, 14),
    GiveWay::Drop(4),
    GiveWay::Shrink(0, 10),
    GiveWay::Shrink(6, 16),
];

/// `text`, no row wider than `width` columns when given (a terminal, or `$COLUMNS`).
pub fn text_fit(ctx: &Context, width: Option<usize>) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let snap = ctx.snapshot();
    let mut out = format!("{} {}\n", lang.tr("common.today"), ctx.today);
    if !snap.loans.is_empty() {
        let alert = ctx.portfolio.settings.alert_days;
        let line = snap.totals.line(lang, cur, alert);
        match width {
            Some(w) if unicode_width::UnicodeWidthStr::width(line.as_str()) > w => {
                out.push_str(&crate::text::wrap(&line, w, "", "").join("\n"))
            }
            _ => out.push_str(&line),
        }
        out.push('\n');
    }
    out.push('\n');
    if snap.loans.is_empty() {
        out.push_str(lang.tr("report.check.no_loans_file_yet"));
        return out;
    }
    let header = [
        lang.tr("common.loan"),
        lang.tr("common.status"),
        lang.tr("report.check.overdue"),
        lang.tr("report.check.next_due"),
        lang.tr("report.check.due_date"),
        lang.tr("report.check.stage"),
        lang.tr("report.check.countdown"),
        lang.tr("report.check.penalty_est"),
    ];
    let rows: Vec<Vec<String>> = snap
        .loans
        .iter()
        .map(|f| {
            let l = &f.ledger;
            let e = &f.escalation;
            // The list's words, the one definition (`逾期33天`, `3天后到期`).
            let status = f.status_words(lang);
            let contact = match f.countdown.words(lang, ctx.today) {
                w if w.is_empty() => "—".to_string(),
                w => w,
            };
            vec![
                if f.archived {
                    format!("{} ({})", f.name, lt::archived_tag().get(lang))
                } else {
                    f.name.clone()
                },
                status,
                if l.overdue_amount.is_zero() {
                    "—".into()
                } else {
                    format!("{cur}{}", grouped(l.overdue_amount))
                },
                if l.next_due_amount.is_zero() {
                    "—".into()
                } else {
                    format!("{cur}{}", grouped(l.next_due_amount))
                },
                l.next_due_date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "—".into()),
                e.current()
                    .map(|m| crate::present::stage::with_basis(lang, m.kind, m.basis))
                    .unwrap_or_else(|| "—".into()),
                contact,
                match l.penalty_estimate {
                    None => lang.penalty_unknown().into(),
                    Some(_)
                        if l.status == LoanStatus::Overdue
                            && l.penalty_percent_per_day.is_some_and(|r| r.is_zero()) =>
                    {
                        crate::i18n::trust::no_penalty_rate_zero().get(lang).into()
                    }
                    Some(p) if p.is_zero() => "—".into(),
                    Some(p) => format!("≈{cur}{}", grouped(p)),
                },
            ]
        })
        .collect();
    use Align::*;
    out.push_str(&render_fit(
        &header,
        &[Left, Left, Right, Right, Left, Left, Left, Right],
        &rows,
        width,
        GIVE_WAY,
    ));
    // Promises pending or broken, and settlements, under the table (issue 20).
    let notes = crate::present::outcome::check_notes(lang, &snap.loans, ctx.today, cur);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&n);
            out.push('\n');
        }
    }
    let note = lang.tr("report.check.escalation_days_are_estimates");
    out.push('\n');
    match width {
        Some(w) => crate::text::wrap(note, w, "", "").iter().for_each(|l| {
            out.push_str(l);
            out.push('\n');
        }),
        None => {
            out.push_str(note);
            out.push('\n');
        }
    }
    out
}
