//! `repaydash check`: every loan's status, most urgent first.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::engine::ledger::PenaltyBasis;
use crate::engine::{LoanStatus, Situation};
use crate::model::{Basis, StageKind};
use crate::money::{self, grouped};
use crate::present::{LoanFacts, Snapshot};

#[derive(Debug, Serialize)]
pub struct CheckRow<'a> {
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

pub fn json(ctx: &Context) -> String {
    let snap = ctx.snapshot();
    let report = report(ctx, &snap);
    let mut buf = Vec::with_capacity(64 + report.loans.len() * JSON_BYTES_PER_LOAN);
    match serde_json::to_writer_pretty(&mut buf, &report) {
        // serde_json writes only valid UTF-8.
        Ok(()) => String::from_utf8(buf).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// A readable table in the chosen language.
pub fn text(ctx: &Context) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let snap = ctx.snapshot();
    let mut out = format!("{} {}\n", lang.t("今天", "Today"), ctx.today);
    if !snap.loans.is_empty() {
        let alert = ctx.portfolio.settings.alert_days;
        out.push_str(&snap.totals.line(lang, cur, alert));
        out.push('\n');
    }
    out.push('\n');
    if snap.loans.is_empty() {
        out.push_str(lang.t("文件里还没有借款。\n", "No loans in the file yet.\n"));
        return out;
    }
    let header = [
        lang.t("借款", "Loan"),
        lang.t("状态", "Status"),
        lang.t("逾期金额", "Overdue"),
        lang.t("下期应还", "Next due"),
        lang.t("到期日", "Due date"),
        lang.t("阶段", "Stage"),
        lang.t("联系人倒计时", "Countdown"),
        lang.t("罚息(估)", "Penalty (est.)"),
    ];
    let rows: Vec<Vec<String>> = snap
        .loans
        .iter()
        .map(|f| {
            let l = &f.ledger;
            let e = &f.escalation;
            let status = match l.status {
                LoanStatus::Overdue if crate::present::outcome::agreement_broken(l) => {
                    crate::i18n::outcome::agreement_broken_days(l.days_overdue)
                        .get(lang)
                        .to_string()
                }
                LoanStatus::Overdue => {
                    format!(
                        "{} {}{}",
                        lang.status(l.status),
                        l.days_overdue,
                        lang.t("天", "d")
                    )
                }
                s => lang.status(s).to_string(),
            };
            let contact = match f.countdown.words(lang, ctx.today) {
                w if w.is_empty() => "—".to_string(),
                w => w,
            };
            vec![
                f.name.clone(),
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
                    Some(p) if p.is_zero() => "—".into(),
                    Some(p) => format!("≈{cur}{}", grouped(p)),
                },
            ]
        })
        .collect();
    use Align::*;
    out.push_str(&render(
        &header,
        &[Left, Left, Right, Right, Left, Left, Left, Right],
        &rows,
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
    out.push_str(lang.t(
        "\n催收阶段的天数来自网络文章和用户反馈，只是估计；罚息为估算。\n",
        "\nEscalation days are estimates from articles and user reports; penalties are estimates.\n",
    ));
    out
}
