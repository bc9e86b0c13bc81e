//! `repaydash schedule ID`: one loan's installments with what is paid.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::engine::{InstallmentStatus, LoanStatus, LoanView};
use crate::i18n::Lang;
use crate::model::{Basis, LoanTerms, StageKind};
use crate::money::{self, grouped};
use crate::present;

#[derive(Debug, Serialize)]
pub struct Row {
    pub n: u32,
    pub due_date: NaiveDate,
    #[serde(with = "money::as_plain")]
    pub principal: Decimal,
    #[serde(with = "money::as_plain")]
    pub interest: Decimal,
    #[serde(with = "money::as_plain")]
    pub fee: Decimal,
    #[serde(with = "money::as_plain")]
    pub amount: Decimal,
    #[serde(with = "money::as_plain")]
    pub paid: Decimal,
    pub status: InstallmentStatus,
}

/// One escalation stage of the loan, dated from its anchor.
#[derive(Debug, Serialize)]
pub struct StageRow {
    pub kind: StageKind,
    pub day: Option<u32>,
    pub day_typical: Option<u32>,
    pub date: Option<NaiveDate>,
    pub date_typical: Option<NaiveDate>,
    /// article (the platform's own article), estimate (another platform's day), user (your file).
    pub basis: Basis,
    pub source: String,
    pub reached: bool,
}

#[derive(Debug, Serialize)]
pub struct ScheduleReport {
    pub id: String,
    /// One of the five methods, or "bills" for a listed bill plan.
    pub method: String,
    #[serde(with = "money::as_plain")]
    pub principal: Decimal,
    /// Nominal annual rate by IRR, percent, two decimals; null for a bill list.
    #[serde(with = "money::as_plain_opt")]
    pub apr: Option<Decimal>,
    #[serde(with = "money::as_plain")]
    pub total_interest: Decimal,
    #[serde(with = "money::as_plain")]
    pub total_fee: Decimal,
    pub installments: Vec<Row>,
    /// The escalation stages with their days and basis; empty once paid off.
    pub stages: Vec<StageRow>,
}

pub fn report(v: &LoanView) -> ScheduleReport {
    let rows: Vec<Row> = v
        .ledger
        .installments
        .iter()
        .map(|s| Row {
            n: s.inst.n,
            due_date: s.inst.due_date,
            principal: s.inst.principal,
            interest: s.inst.interest,
            fee: s.inst.fee,
            amount: s.inst.amount,
            paid: s.paid,
            status: s.status,
        })
        .collect();
    let apr = present::apr(v.loan, &v.ledger).0;
    let (method, principal) = match &v.loan.terms {
        LoanTerms::Amortized {
            principal, method, ..
        } => (method.key().to_string(), *principal),
        LoanTerms::Bills(b) => ("bills".to_string(), b.iter().map(|b| b.amount).sum()),
    };
    let (total_interest, total_fee) = present::cost_totals(&v.ledger);
    let mut report = ScheduleReport {
        id: v.loan.id.clone(),
        method,
        principal,
        apr,
        total_interest,
        total_fee,
        installments: rows,
        stages: if v.ledger.status == LoanStatus::PaidOff {
            Vec::new()
        } else {
            v.escalation
                .milestones
                .iter()
                .map(|m| StageRow {
                    kind: m.kind,
                    day: m.day,
                    day_typical: m.day_typical,
                    date: m.date,
                    date_typical: m.date_typical,
                    basis: m.basis,
                    source: m.source.to_string(),
                    reached: m.reached,
                })
                .collect::<Vec<_>>()
        },
    };
    // In the order they may come: by day, a stage with no day last.
    report
        .stages
        .sort_by_key(|s| (s.day.is_none(), s.day, s.kind));
    report
}

pub fn json(v: &LoanView) -> String {
    serde_json::to_string_pretty(&report(v)).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn text(ctx: &Context, v: &LoanView) -> String {
    let lang = ctx.lang;
    let r = report(v);
    let mut out = format!(
        "{}  ({})  {} {}  APR {}\n\n",
        ctx.display_name(v.loan),
        r.method,
        lang.t("本金", "principal"),
        grouped(r.principal),
        r.apr.map(|a| format!("{a}%")).unwrap_or_else(|| "—".into()),
    );
    let header = [
        "#",
        lang.t("到期日", "Due"),
        lang.t("本金", "Principal"),
        lang.t("利息", "Interest"),
        lang.t("手续费", "Fee"),
        lang.t("应还", "Amount"),
        lang.t("已还", "Paid"),
        lang.t("状态", "Status"),
    ];
    let rows: Vec<Vec<String>> = r
        .installments
        .iter()
        .map(|i| {
            vec![
                i.n.to_string(),
                i.due_date.to_string(),
                grouped(i.principal),
                grouped(i.interest),
                grouped(i.fee),
                grouped(i.amount),
                grouped(i.paid),
                lang.installment_status(i.status).to_string(),
            ]
        })
        .collect();
    use Align::*;
    out.push_str(&render(
        &header,
        &[Right, Left, Right, Right, Right, Right, Right, Left],
        &rows,
    ));
    if !r.stages.is_empty() {
        out.push('\n');
        out.push_str(lang.t(
            "催收阶段（估计，不是规定；括号里是天数的依据）\n",
            "Escalation stages (estimates, not rules; the basis of each day in brackets)\n",
        ));
        let rows: Vec<Vec<String>> = r
            .stages
            .iter()
            .map(|st| {
                let date = match (st.date, st.date_typical) {
                    (Some(d), Some(t)) => format!("{d}~{t}"),
                    (Some(d), None) => d.to_string(),
                    _ => "—".into(),
                };
                let day = match (st.day, st.day_typical) {
                    (Some(d), Some(t)) => match lang {
                        Lang::Zh => format!("第{d}~{t}天"),
                        Lang::En => format!("day {d}~{t}"),
                    },
                    (Some(d), None) => match lang {
                        Lang::Zh => format!("第{d}天"),
                        Lang::En => format!("day {d}"),
                    },
                    _ => lang.t("未给出天数", "no day given").to_string(),
                };
                vec![
                    if st.reached { "✓" } else { "" }.to_string(),
                    date,
                    day,
                    crate::present::stage::with_basis(lang, st.kind, st.basis),
                ]
            })
            .collect();
        out.push_str(&render(
            &[
                "",
                lang.t("日期", "Date"),
                lang.t("逾期", "Overdue"),
                lang.t("阶段（依据）", "Stage (basis)"),
            ],
            &[Left, Left, Left, Left],
            &rows,
        ));
    }
    out
}
