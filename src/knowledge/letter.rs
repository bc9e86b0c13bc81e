//! The repayment-negotiation letter (协商还款申请书). Its facts come from the engine; its proposal
//! paragraph is worded from the one proposal the call script also offers. Requests are written as
//! requests: a lender may refuse every one of them.

use crate::i18n::Lang;

/// Everything the letter states, already in display form.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterFacts {
    pub lender: String,
    pub loan: String,
    pub product: Option<String>,
    /// Money already formatted with the currency.
    pub overdue_amount: String,
    pub days_overdue: i64,
    /// The due date of the oldest overdue installment, if any.
    pub overdue_since: Option<String>,
    pub remaining: String,
    /// `--reason`, else the loan's `hardship`; None leaves a line to fill in.
    pub reason: Option<String>,
    /// The proposal, worded (see report/letter.rs).
    pub proposal: String,
    pub today: String,
}

pub fn letter(f: &LetterFacts, lang: Lang) -> String {
    let w = |key| lang.tr(key).to_string();
    // For people: the loan as the lender knows it, never the loans file's id.
    let mut o: Vec<String> = vec![
        w("knowledge.letter.title"),
        String::new(),
        lang.trf("knowledge.letter.to", &[("lender", &f.lender)]),
        lang.trf("knowledge.letter.from", &[("loan", &f.loan)]),
        String::new(),
        w("knowledge.letter.loan_heading"),
    ];
    let product = f
        .product
        .as_deref()
        .map(|p| lang.trf("knowledge.letter.product", &[("product", &p)]))
        .unwrap_or_default();
    o.push(lang.trf(
        "knowledge.letter.lender",
        &[("lender", &f.lender), ("product", &product)],
    ));
    if f.days_overdue > 0 {
        let since = f
            .overdue_since
            .as_deref()
            .map(|d| lang.trf("knowledge.letter.since", &[("date", &d)]))
            .unwrap_or_default();
        o.push(lang.trf(
            "knowledge.letter.overdue",
            &[
                ("amount", &f.overdue_amount),
                ("days", &lang.count("common.days", f.days_overdue)),
                ("since", &since),
                ("remaining", &f.remaining),
            ],
        ));
    } else {
        o.push(lang.trf(
            "knowledge.letter.not_overdue",
            &[("remaining", &f.remaining)],
        ));
    }
    o.push(String::new());
    o.push(w("knowledge.letter.reason_heading"));
    o.push(match &f.reason {
        Some(r) => r.clone(),
        None => w("knowledge.letter.reason_blank"),
    });
    o.push(String::new());
    o.push(w("knowledge.letter.proposal_heading"));
    o.push(f.proposal.clone());
    o.push(String::new());
    o.push(w("knowledge.letter.asks_heading"));
    // A loan not late has no calls to stop and no penalty to waive: those requests only when it
    // is overdue.
    let mut asks: Vec<&str> = vec![];
    if f.days_overdue > 0 {
        asks.push(lang.tr("knowledge.letter.ask_only_me"));
    }
    asks.push(lang.tr("knowledge.letter.ask_in_writing"));
    if f.days_overdue > 0 {
        asks.push(lang.tr("knowledge.letter.ask_waive"));
    }
    asks.push(lang.tr("knowledge.letter.ask_plan"));
    for (i, a) in asks.iter().enumerate() {
        o.push(format!("{}. {a}", i + 1));
    }
    o.push(String::new());
    o.push(w("knowledge.letter.attached_heading"));
    o.push(w("knowledge.letter.attached"));
    o.push(String::new());
    o.push(w("knowledge.letter.true"));
    o.push(String::new());
    o.push(w("knowledge.letter.signature"));
    o.push(lang.trf("knowledge.letter.date", &[("today", &f.today)]));
    o.join("\n")
}
