//! The letters after a loan is cleared: a request for a proof of settlement (结清证明) and a
//! credit-report dispute (征信异议申请). They state the loan's own facts (dates, amounts, the
//! agreement's and the settlement's records) and ask; they name no phone number of anyone.

use crate::i18n::Lang;

/// What the letters state, already in display form.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingFacts {
    pub lender: String,
    pub loan: String,
    pub loan_id: String,
    /// The drawing day, for a loan with terms.
    pub drawn: Option<String>,
    /// Everything paid towards installments, with the currency.
    pub paid: String,
    pub payments: usize,
    /// The day the loan was cleared (the last payment, or the settlement), when it is.
    pub cleared: Option<String>,
    /// `date, months × amount, ref` of the agreement in force, worded.
    pub agreement: Option<String>,
    /// `amount on date (ref)` of a settlement, worded.
    pub settlement: Option<String>,
    pub today: String,
}

pub fn settlement_proof(f: &ClosingFacts, lang: Lang) -> String {
    document("knowledge.outcome_letter.settlement_proof", f, lang)
}

pub fn dispute(f: &ClosingFacts, lang: Lang) -> String {
    document("knowledge.outcome_letter.dispute", f, lang)
}

/// A closing document: its catalogue template with the loan's facts filled in.
fn document(key: &'static str, f: &ClosingFacts, lang: Lang) -> String {
    lang.trf(
        key,
        &[
            ("lender", &f.lender),
            ("loan", &f.loan),
            ("loan_id", &f.loan_id),
            ("facts", &facts(f, lang)),
            ("today", &f.today),
        ],
    )
}

/// The loan's facts, a line each, as both closing documents state them.
fn facts(f: &ClosingFacts, lang: Lang) -> String {
    let k = |key: &'static str, name: &str, value: &str| lang.trf(key, &[(name, &value)]);
    let drawn = f
        .drawn
        .as_deref()
        .map(|d| k("knowledge.outcome_letter.facts.drawn", "date", d))
        .unwrap_or_default();
    let mut o = vec![lang.trf(
        "knowledge.outcome_letter.facts.loan",
        &[
            ("lender", &f.lender),
            ("loan", &f.loan),
            ("loan_id", &f.loan_id),
            ("drawn", &drawn),
        ],
    )];
    o.push(lang.trf(
        "knowledge.outcome_letter.facts.paid",
        &[
            (
                "payments",
                &lang.count("common.payments", f.payments as i64),
            ),
            ("paid", &f.paid),
        ],
    ));
    if let Some(a) = &f.agreement {
        o.push(k(
            "knowledge.outcome_letter.facts.agreement",
            "agreement",
            a,
        ));
    }
    if let Some(s) = &f.settlement {
        o.push(k(
            "knowledge.outcome_letter.facts.settlement",
            "settlement",
            s,
        ));
    }
    o.push(match &f.cleared {
        Some(d) => k("knowledge.outcome_letter.facts.cleared", "date", d),
        None => lang.tr("knowledge.outcome_letter.facts.not_cleared").into(),
    });
    o.join("\n")
}
