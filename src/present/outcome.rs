//! What both faces show of an agreement, promises, a settlement: built once here.

use crate::engine::Ledger;
use crate::engine::agreement::{AgreementState, AgreementStatus, Outcome};

/// The loan's outcome (agreement, promises, settlement), when it has one.
pub fn of(l: &Ledger) -> Option<&Outcome> {
    l.outcome.as_deref()
}

/// The agreement in force, when there is one.
pub fn agreement(l: &Ledger) -> Option<&AgreementState> {
    l.agreement()
}

/// Whether the loan is overdue again because an agreement installment was missed.
pub fn agreement_broken(l: &Ledger) -> bool {
    l.agreement_broken()
}

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::agreement::{PromiseState, PromiseStatus};
use crate::money;

/// An agreement as `check --json` gives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AgreementFacts {
    pub date: NaiveDate,
    pub from: NaiveDate,
    pub months: u32,
    #[serde(with = "money::as_plain")]
    pub amount: Decimal,
    #[serde(with = "money::as_plain")]
    pub total: Decimal,
    pub paid_count: u32,
    /// How many agreement installments there are (fewer than `months` when `total` runs out).
    pub count: u32,
    pub next_due_date: Option<NaiveDate>,
    /// kept | broken | done
    pub status: &'static str,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

impl AgreementFacts {
    pub fn of(a: &AgreementState) -> AgreementFacts {
        AgreementFacts {
            date: a.agreement.date,
            from: a.agreement.from,
            months: a.agreement.months,
            amount: a.agreement.amount,
            total: a.total,
            paid_count: a.paid_count,
            count: a.installments.len() as u32,
            next_due_date: a.next_due_date,
            status: a.status.key(),
            reference: a.agreement.reference.clone(),
        }
    }
}

/// A promise as `check --json` gives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PromiseFacts {
    pub date: NaiveDate,
    pub by: NaiveDate,
    #[serde(with = "money::as_plain")]
    pub amount: Decimal,
    #[serde(with = "money::as_plain")]
    pub paid: Decimal,
    /// kept | broken | pending
    pub status: &'static str,
}

impl PromiseFacts {
    pub fn of(p: &PromiseState) -> PromiseFacts {
        PromiseFacts {
            date: p.promise.date,
            by: p.promise.by,
            amount: p.promise.amount,
            paid: p.paid,
            status: p.status.key(),
        }
    }
}

pub fn agreement_facts(l: &Ledger) -> Option<AgreementFacts> {
    agreement(l).map(AgreementFacts::of)
}

pub fn promise_facts(l: &Ledger) -> Vec<PromiseFacts> {
    of(l)
        .map(|o| o.promises.iter().map(PromiseFacts::of).collect())
        .unwrap_or_default()
}

/// Paid to settle, and what the settlement left unpaid (null unless settled).
pub fn settled_amounts(l: &Ledger) -> (Option<Decimal>, Option<Decimal>) {
    match of(l).and_then(|o| o.settlement.as_ref()) {
        Some(s) => (Some(s.settled_amount), Some(s.waived_amount)),
        None => (None, None),
    }
}

/// The reported line a true annual rate is above: "36" above 36 %, "24" above 24 %, else None.
/// Lines as reported (FACTS: the 2017 cash-loan rules' 36 %, the 2025 reports of 24 %), never a
/// verdict on the loan.
pub fn apr_line(apr: Option<Decimal>) -> Option<&'static str> {
    let apr = apr?;
    if apr > Decimal::from(36) {
        Some("36")
    } else if apr > Decimal::from(24) {
        Some("24")
    } else {
        None
    }
}

/// Whether a promise is near enough to show in the header and `status`: from 2 days before `by`.
pub const PROMISE_SHOWN_DAYS_BEFORE: i64 = 2;

/// Pending promises to show on `today`: those whose `by` is at most 2 days away.
pub fn promises_due(l: &Ledger, today: NaiveDate) -> Vec<&PromiseState> {
    of(l)
        .map(|o| {
            o.pending_promises()
                .filter(|p| (p.promise.by - today).num_days() <= PROMISE_SHOWN_DAYS_BEFORE)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn apr_lines_as_reported() {
        assert_eq!(apr_line(Some(dec!(23.99))), None);
        assert_eq!(apr_line(Some(dec!(24.00))), None);
        assert_eq!(apr_line(Some(dec!(24.01))), Some("24"));
        assert_eq!(apr_line(Some(dec!(36.00))), Some("24"));
        assert_eq!(apr_line(Some(dec!(36.01))), Some("36"));
        assert_eq!(apr_line(None), None);
    }
}

/// The letters a loan can have (`letter --kind`, the dashboard's `w`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Negotiation,
    SettlementProof,
    Dispute,
}

impl LetterKind {
    pub const ALL: [LetterKind; 3] = [
        LetterKind::Negotiation,
        LetterKind::SettlementProof,
        LetterKind::Dispute,
    ];

    pub fn key(self) -> &'static str {
        match self {
            LetterKind::Negotiation => "negotiation",
            LetterKind::SettlementProof => "settlement-proof",
            LetterKind::Dispute => "dispute",
        }
    }

    /// The kinds that fit the loan on the day: the negotiation letter while something is owed
    /// (but no new plan while an agreement is kept), the proof of settlement and the dispute once
    /// nothing is; a dispute while an agreement is kept (its record may still show the old
    /// arrears). `letter --kind` drafts any kind.
    pub fn fitting(l: &Ledger) -> Vec<LetterKind> {
        let kept = agreement(l).is_some_and(|a| a.status == AgreementStatus::Kept)
            && l.status == crate::engine::LoanStatus::InAgreement;
        if l.status.is_closed() {
            vec![LetterKind::SettlementProof, LetterKind::Dispute]
        } else if kept {
            vec![LetterKind::Dispute]
        } else {
            vec![LetterKind::Negotiation]
        }
    }
}

/// The day a loan was cleared: its settlement's, or the last payment's once nothing is owed.
pub fn cleared_on(loan: &crate::model::Loan, l: &Ledger, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(s) = of(l).and_then(|o| o.settlement.as_ref()) {
        return Some(s.settlement.date);
    }
    if l.status == crate::engine::LoanStatus::PaidOff {
        return loan
            .payments
            .iter()
            .map(|p| p.date)
            .filter(|d| *d <= today)
            .max();
    }
    None
}

/// The facts of the letters after a loan is cleared.
pub fn closing_facts(
    ctx: &super::Context,
    view: &crate::engine::LoanView,
) -> crate::knowledge::outcome_letter::ClosingFacts {
    use super::notice::printable;
    use crate::i18n::outcome as words;
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let m = |d: Decimal| format!("{cur}{}", money::grouped(d));
    let loan = view.loan;
    let l = &view.ledger;
    let paid: Vec<_> = loan
        .payments
        .iter()
        .filter(|p| p.date <= ctx.today)
        .collect();
    let drawn = match &loan.terms {
        crate::model::LoanTerms::Amortized { .. } => {
            loan.starts_after(NaiveDate::MIN).map(|d| d.to_string())
        }
        crate::model::LoanTerms::Bills(_) => None,
    };
    let agreement = agreement(l).map(|a| {
        words::letter_agreement(
            a.agreement.date,
            a.agreement.months,
            &m(a.agreement.amount),
            a.agreement.reference.as_deref().map(printable).as_deref(),
        )
        .get(lang)
        .to_string()
    });
    let settlement = of(l).and_then(|o| o.settlement.as_ref()).map(|s| {
        words::letter_settlement(
            s.settlement.date,
            &m(s.settled_amount),
            &m(s.waived_amount),
            s.settlement.reference.as_deref().map(printable).as_deref(),
        )
        .get(lang)
        .to_string()
    });
    crate::knowledge::outcome_letter::ClosingFacts {
        lender: printable(&crate::knowledge::advice::platform_label(view, lang)),
        loan: printable(&ctx.display_name(loan)),
        loan_id: loan.id.clone(),
        drawn,
        paid: m(paid.iter().map(|p| p.amount).sum()),
        payments: paid.len(),
        cleared: cleared_on(loan, l, ctx.today).map(|d| d.to_string()),
        agreement,
        settlement,
        today: ctx.today.to_string(),
    }
}

/// The letter of `kind` for the loan; `reason` only for the negotiation letter.
pub fn letter(
    ctx: &super::Context,
    view: &crate::engine::LoanView,
    kind: LetterKind,
    reason: Option<&str>,
) -> String {
    use crate::knowledge::outcome_letter as words;
    match kind {
        LetterKind::Negotiation => super::letter::text(ctx, view, reason),
        LetterKind::SettlementProof => words::settlement_proof(&closing_facts(ctx, view), ctx.lang),
        LetterKind::Dispute => words::dispute(&closing_facts(ctx, view), ctx.lang),
    }
}

/// The pending promises near their day (from 2 days before `by`) over all loans, in one line for
/// the header and `status`: `承诺：星图 11-25 前还 ¥200` / `promised: ¥200 to Xingtu by 25 Nov`;
/// with several, the nearest and how many. None when there is none.
pub fn promises_line(
    lang: crate::i18n::Lang,
    loans: &[super::LoanFacts],
    today: NaiveDate,
    cur: &str,
) -> Option<String> {
    let mut near: Vec<(&super::LoanFacts, &PromiseState)> = loans
        .iter()
        .flat_map(|f| {
            promises_due(&f.ledger, today)
                .into_iter()
                .map(move |p| (f, p))
        })
        .collect();
    near.sort_by_key(|(_, p)| p.promise.by);
    let (f, p) = near.first()?;
    let by = crate::dates::day(lang, p.promise.by, today);
    let amount = format!("{cur}{}", money::grouped(p.left()));
    Some(
        crate::i18n::outcome::promises_line(&f.name, &amount, &by, near.len())
            .get(lang)
            .to_string(),
    )
}

/// The agreements and promises made from `from` to `to`, one line each, for the complaint's
/// evidence: what the borrower agreed and promised, and what became of it.
pub fn evidence_lines(
    lang: crate::i18n::Lang,
    view: &crate::engine::LoanView,
    from: NaiveDate,
    to: NaiveDate,
    cur: &str,
) -> Vec<String> {
    use super::notice::printable;
    use crate::i18n::outcome as words;
    let m = |d: Decimal| format!("{cur}{}", money::grouped(d));
    let mut out: Vec<(NaiveDate, String)> = vec![];
    for a in &view.loan.agreements {
        if a.date < from || a.date > to {
            continue;
        }
        let status = agreement(&view.ledger)
            .filter(|s| s.agreement == *a)
            .map(|s| s.status.key())
            .unwrap_or("replaced");
        out.push((
            a.date,
            words::evidence_agreement(
                a.date,
                a.months,
                &m(a.amount),
                a.reference.as_deref().map(printable).as_deref(),
                status,
            )
            .get(lang)
            .to_string(),
        ));
    }
    for p in of(&view.ledger)
        .map(|o| o.promises.as_slice())
        .unwrap_or_default()
    {
        if p.promise.date < from || p.promise.date > to {
            continue;
        }
        out.push((
            p.promise.date,
            words::evidence_promise(
                p.promise.date,
                p.promise.by,
                &m(p.promise.amount),
                &m(p.paid),
                p.promise.to.as_deref().map(printable).as_deref(),
                p.status.key(),
            )
            .get(lang)
            .to_string(),
        ));
    }
    out.sort_by_key(|(d, _)| *d);
    out.into_iter().map(|(_, l)| l).collect()
}

/// Which items of the closing checklist (`i18n::outcome::detail_closing_items`) the loan's log
/// marks as done: a note that names the item, in either language (`C` in the dashboard writes
/// one).
pub fn closing_checked(loan: &crate::model::Loan) -> [bool; 3] {
    let items = crate::i18n::outcome::detail_closing_items();
    let mut out = [false; 3];
    for (i, item) in items.iter().enumerate() {
        out[i] = loan.log.iter().any(|e| {
            e.kind == crate::model::LogKind::Note
                && crate::i18n::Lang::all().any(|l| e.text.contains(item.get(l)))
        });
    }
    out
}

/// The note that marks the first unchecked closing item as done, in `lang`; None when all are.
pub fn next_closing_note(loan: &crate::model::Loan, lang: crate::i18n::Lang) -> Option<String> {
    let checked = closing_checked(loan);
    let items = crate::i18n::outcome::detail_closing_items();
    let i = checked.iter().position(|c| !c)?;
    Some(format!("✓ {}", items[i].get(lang)))
}

/// The rate the user typed beside the true one, when they differ: a fixed-fee plan's monthly fee
/// (0.6 % a month ≈ 13 % a year), or an annual or daily rate whose IRR is not the same figure.
/// None when the typed rate is the true rate to the hundredth.
pub fn typed_rate_words(
    lang: crate::i18n::Lang,
    loan: &crate::model::Loan,
    apr: Decimal,
) -> Option<String> {
    use crate::model::{LoanTerms, Method};
    let LoanTerms::Amortized {
        method,
        fee_rate,
        rate,
        ..
    } = &loan.terms
    else {
        return None;
    };
    if *method == Method::FixedFee {
        let fee = fee_rate.unwrap_or_default().normalize().to_string();
        return Some(crate::i18n::outcome::typed_fee(&fee).get(lang).to_string());
    }
    let typed = (rate.daily_percent() * Decimal::from(360)).round_dp(2);
    if (typed - apr).abs() < Decimal::new(1, 2) {
        return None;
    }
    let written = match rate {
        crate::model::Rate::Annual(a) => {
            crate::i18n::outcome::typed_annual(&a.normalize().to_string())
        }
        crate::model::Rate::Daily(d) => {
            crate::i18n::outcome::typed_daily(&d.normalize().to_string())
        }
    };
    Some(written.get(lang).to_string())
}

/// The lines `check` prints under its table: each loan's pending and broken promises, and what
/// a settlement paid and waived.
pub fn check_notes(
    lang: crate::i18n::Lang,
    loans: &[super::LoanFacts],
    today: NaiveDate,
    cur: &str,
) -> Vec<String> {
    use crate::i18n::outcome as words;
    let m = |d: Decimal| format!("{cur}{}", money::grouped(d));
    let mut out = vec![];
    for f in loans {
        let Some(o) = of(&f.ledger) else {
            continue;
        };
        for p in &o.promises {
            if p.status == PromiseStatus::Kept || p.promise.date > today {
                continue;
            }
            out.push(format!(
                "{}{}{}",
                f.name,
                lang.tr("common.colon"),
                words::detail_promise(
                    p.status.key(),
                    &crate::dates::day(lang, p.promise.by, today),
                    &m(p.promise.amount),
                    &m(p.paid),
                )
                .get(lang)
            ));
        }
        if let Some(s) = &o.settlement {
            out.push(format!(
                "{}{}{} · {}",
                f.name,
                lang.tr("common.colon"),
                words::detail_settled_paid(
                    &crate::dates::day(lang, s.settlement.date, today),
                    &m(s.settled_amount)
                )
                .get(lang),
                words::detail_settled_waived(&m(s.waived_amount)).get(lang)
            ));
        }
    }
    out
}
