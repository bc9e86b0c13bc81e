//! `repaydash plan --cash AMOUNT`: what to pay first with the cash at hand (engine::plan decides,
//! `present::plan` words the reasons), as text or JSON.

use rust_decimal::Decimal;
use serde::Serialize;

use super::Context;
use super::table::{Align, render};
use crate::engine::plan::{Plan, Strategy};
use crate::money::{self, grouped};

use crate::present::plan::{
    cash_label, join_names, kept_for_note, kept_off_title, left_label, nothing_to_pay, scope_note,
    still_threatened_title, strategy_label,
};
pub use crate::present::plan::{compute, reason_text, reasons_text};

#[derive(Debug, Serialize)]
struct JsonPayment {
    id: String,
    #[serde(with = "money::as_plain")]
    amount: Decimal,
    reason: String,
}

#[derive(Debug, Serialize)]
struct JsonPlan {
    #[serde(with = "money::as_plain")]
    cash: Decimal,
    strategy: Strategy,
    payments: Vec<JsonPayment>,
    #[serde(with = "money::as_plain")]
    left: Decimal,
    avoided: Vec<String>,
    still_threatened: Vec<String>,
    /// The overdue loan what is left is kept for (null when none).
    kept_for: Option<String>,
    /// Set aside for pending promises before planning.
    #[serde(with = "money::as_plain")]
    committed: Decimal,
}

pub fn json(ctx: &Context, p: &Plan) -> Result<String, serde_json::Error> {
    let out = JsonPlan {
        cash: p.cash,
        strategy: p.strategy,
        payments: p
            .payments
            .iter()
            .map(|x| JsonPayment {
                id: x.loan_id.clone(),
                amount: x.amount,
                reason: reasons_text(ctx.lang, &x.reasons, ctx.today),
            })
            .collect(),
        left: p.left,
        avoided: p.avoided.clone(),
        still_threatened: p.still_threatened.clone(),
        kept_for: p.kept_for.clone(),
        committed: p.committed,
    };
    super::json::pretty(&out)
}

pub fn text(ctx: &Context, p: &Plan) -> String {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let name = |id: &str| {
        ctx.portfolio
            .loan(id)
            .map(|l| ctx.display_name(l))
            .unwrap_or_else(|| id.to_string())
    };
    let strategy = strategy_label(lang, p.strategy);
    let mut out = format!(
        "{} {}  {} {cur}{}  {} {strategy}\n\n",
        lang.tr("common.today"),
        ctx.today,
        cash_label(lang),
        grouped(p.cash),
        lang.tr("report.plan.strategy"),
    );
    if !p.committed.is_zero() {
        out.push_str(
            crate::i18n::outcome::plan_committed(&format!("{cur}{}", grouped(p.committed)))
                .get(lang),
        );
        out.push_str("\n\n");
    }
    if p.payments.is_empty() {
        out.push_str(&nothing_to_pay(lang, p, &name, cur, ctx.today));
        out.push('\n');
    } else {
        let rows: Vec<Vec<String>> = p
            .payments
            .iter()
            .enumerate()
            .map(|(i, x)| {
                vec![
                    (i + 1).to_string(),
                    name(&x.loan_id),
                    format!("{cur}{}", grouped(x.amount)),
                    reasons_text(lang, &x.reasons, ctx.today),
                ]
            })
            .collect();
        out.push_str(&render(
            &[
                "#",
                lang.tr("common.loan"),
                lang.tr("common.amount"),
                lang.tr("report.plan.why"),
            ],
            &[Align::Right, Align::Left, Align::Right, Align::Left],
            &rows,
        ));
    }
    out.push_str(&format!(
        "\n{} {cur}{}{}\n",
        left_label(lang),
        grouped(p.left),
        kept_for_note(lang, p, &name).unwrap_or_default()
    ));
    let names = |ids: &[String]| join_names(lang, &ids.iter().map(|i| name(i)).collect::<Vec<_>>());
    if !p.avoided.is_empty() {
        out.push_str(&format!(
            "{}{}{}\n",
            kept_off_title(lang),
            lang.tr("common.colon"),
            names(&p.avoided)
        ));
    }
    if !p.still_threatened.is_empty() {
        out.push_str(&format!(
            "{}{}{}\n",
            still_threatened_title(lang),
            lang.tr("common.colon"),
            names(&p.still_threatened)
        ));
    }
    out.push_str(&format!("\n{}\n", scope_note(lang)));
    out
}
