//! `repaydash schedule ID`: one loan's installments with what is paid (`present::schedule`
//! builds them), as text or JSON.

use super::Context;
use super::table::{Align, render};
use crate::engine::LoanView;
use crate::money::grouped;
use crate::present::schedule::{ScheduleFacts, columns, stage_date, stage_day};

/// The loan's schedule facts, as `present::schedule` builds them for both faces.
pub fn report(v: &LoanView) -> ScheduleFacts {
    ScheduleFacts::of(v.loan, &v.ledger, &v.escalation)
}

pub fn json(v: &LoanView) -> Result<String, serde_json::Error> {
    super::json::pretty(&report(v))
}

pub fn text(ctx: &Context, v: &LoanView) -> String {
    let lang = ctx.lang;
    let r = report(v);
    // The method and the rate in words (等额本息, 年化), as the dashboard says them; the JSON
    // keeps the file's keys.
    let method = crate::i18n::trust::method_name(&r.method);
    let method = lang.trf(
        "report.schedule.method.named",
        &[("method", &method.get(lang))],
    );
    let mut out = format!(
        "{}  {}  {} {}  {} {}\n\n",
        ctx.display_name(v.loan),
        method,
        lang.tr("common.principal"),
        grouped(r.principal),
        crate::i18n::trust::apr_label().get(lang),
        r.apr.map(|a| format!("{a}%")).unwrap_or_else(|| "—".into()),
    );
    let header = columns(lang);
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
    if !r.agreement_installments.is_empty() {
        out.push('\n');
        out.push_str(crate::i18n::outcome::agreement_installments_title().get(lang));
        out.push('\n');
        let rows: Vec<Vec<String>> = r
            .agreement_installments
            .iter()
            .map(|i| {
                vec![
                    i.n.to_string(),
                    i.due_date.to_string(),
                    grouped(i.amount),
                    grouped(i.paid),
                    lang.installment_status(i.status).to_string(),
                ]
            })
            .collect();
        let h = columns(lang);
        out.push_str(&render(
            &[h[0], h[1], h[5], h[6], h[7]],
            &[Right, Left, Right, Right, Left],
            &rows,
        ));
    }
    if !r.stages.is_empty() {
        out.push('\n');
        out.push_str(lang.tr("report.schedule.escalation_stages_estimates_not"));
        let rows: Vec<Vec<String>> = r
            .stages
            .iter()
            .map(|st| {
                let date = stage_date(st);
                let day = stage_day(lang, st);
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
                lang.tr("common.date_title"),
                lang.tr("report.schedule.overdue"),
                lang.tr("report.schedule.stage_basis"),
            ],
            &[Left, Left, Left, Left],
            &rows,
        ));
    }
    out
}
