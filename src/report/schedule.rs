//! `repaydash schedule ID`: one loan's installments with what is paid.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::engine::{InstallmentStatus, LoanView, rate};
use crate::model::LoanTerms;
use crate::money::{self, grouped};

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
    let (method, principal, apr) = match &v.loan.terms {
        LoanTerms::Amortized {
            principal,
            method,
            term,
            ..
        } => {
            let insts: Vec<_> = v
                .ledger
                .installments
                .iter()
                .map(|s| s.inst.clone())
                .collect();
            (
                method.key().to_string(),
                *principal,
                rate::apr(*principal, &insts, *term),
            )
        }
        LoanTerms::Bills(b) => ("bills".to_string(), b.iter().map(|b| b.amount).sum(), None),
    };
    ScheduleReport {
        id: v.loan.id.clone(),
        method,
        principal,
        apr,
        total_interest: rows.iter().map(|r| r.interest).sum(),
        total_fee: rows.iter().map(|r| r.fee).sum(),
        installments: rows,
    }
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
    out
}
