//! The heads-up message a borrower sends an emergency contact before the lender calls them.
//! Written anew from the articles' facts (a contact owes nothing; tell contacts in advance; lenders
//! turn to contacts when they cannot reach the borrower) and the complaint channels, as reported.
//! It never carries a phone number: the facts it is given hold none.

use chrono::NaiveDate;

use crate::i18n::Lang;

/// How close the contact is: it sets the greeting and the register (你 or 您).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Family,
    Friend,
    Colleague,
    Other,
}

impl Relation {
    /// From the contact's `relation` as the user wrote it (朋友, 姐姐, colleague, …). Colleague
    /// words are looked for first: 同事 must not count as family because of another character.
    pub fn classify(relation: Option<&str>) -> Relation {
        let Some(r) = relation.map(|r| r.trim().to_lowercase()) else {
            return Relation::Other;
        };
        let has = |kind: &str| {
            crate::model::words::accepted("relation", kind)
                .iter()
                .any(|w| r.contains(w))
        };
        if has("colleague") {
            Relation::Colleague
        } else if has("friend") {
            Relation::Friend
        } else if has("family") {
            Relation::Family
        } else {
            Relation::Other
        }
    }
}

/// The borrower's own line: what they are doing about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Asking for installment `installment` to be moved to `date`.
    Extension { date: NaiveDate },
    /// Offering `monthly` a month for `months` months (the proposal the call script makes).
    Monthly { monthly: String, months: u32 },
    /// Nothing is overdue yet: paying on time.
    OnTime,
    /// Overdue, but no figures to offer yet.
    Negotiating,
}

/// Everything one message says, already in display form. No phone number belongs here.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeFacts {
    /// How the message opens: the contact's `greeting`, else their name.
    pub contact: String,
    pub relation: Relation,
    /// The lender as the contact would hear it (携程金融) and the loan's name.
    pub lender: String,
    pub loan: String,
    pub overdue: bool,
    /// The loan's emergency-contact date, if the policy gives a day.
    pub contact_date: Option<NaiveDate>,
    /// Where that date comes from, in words (an article's report, or the user's own file).
    pub basis: String,
    /// The contact date is today or past.
    pub date_reached: bool,
    /// For a loan not late: the due date of the next payment, which the contact date counts from.
    pub next_due: Option<NaiveDate>,
    pub plan: Plan,
}

/// The message, one paragraph a line, ready to paste into a chat: the catalogue's template
/// (`knowledge.notice.message`) with its paragraphs chosen by the facts and filled in by name.
pub fn message(f: &NoticeFacts, lang: Lang) -> String {
    let you = lang.tr(match f.relation {
        Relation::Family | Relation::Friend => "knowledge.notice.you_close",
        Relation::Colleague | Relation::Other => "knowledge.notice.you_formal",
    });
    let greeting = lang.trf(
        match f.relation {
            Relation::Family => "knowledge.notice.greeting_family",
            Relation::Friend => "knowledge.notice.greeting_friend",
            Relation::Colleague => "knowledge.notice.greeting_colleague",
            Relation::Other => "knowledge.notice.greeting_other",
        },
        &[("name", &f.contact)],
    );
    let loan = lang.trf(
        if f.overdue {
            "knowledge.notice.loan_overdue"
        } else {
            "knowledge.notice.loan_current"
        },
        &[("lender", &f.lender), ("loan", &f.loan)],
    );
    let when = |key: &'static str, date: &dyn std::fmt::Display| {
        lang.trf(key, &[("date", date), ("you", &you), ("basis", &f.basis)])
    };
    let when = match (f.contact_date, f.date_reached) {
        // Not late: every date is conditional on missing the payment.
        (Some(d), false) if !f.overdue => match f.next_due {
            Some(due) => lang.trf(
                "knowledge.notice.when_if_missed_due",
                &[
                    ("due", &due),
                    ("date", &d),
                    ("you", &you),
                    ("basis", &f.basis),
                ],
            ),
            None => when("knowledge.notice.when_if_missed", &d),
        },
        (Some(d), false) => when("knowledge.notice.when_from", &d),
        (Some(d), true) => when("knowledge.notice.when_since", &d),
        (None, _) => when("knowledge.notice.when_unknown", &""),
    };
    let plan = match &f.plan {
        Plan::Extension { date } => lang.trf("knowledge.notice.plan_extension", &[("date", date)]),
        Plan::Monthly { monthly, months } => lang.trf(
            "knowledge.notice.plan_monthly",
            &[
                ("monthly", monthly),
                ("months", &lang.count("common.months", i64::from(*months))),
            ],
        ),
        Plan::OnTime => lang.tr("knowledge.notice.plan_on_time").to_string(),
        Plan::Negotiating => lang.tr("knowledge.notice.plan_negotiating").to_string(),
    };
    lang.trf(
        "knowledge.notice.message",
        &[
            ("greeting", &greeting),
            ("loan", &loan),
            ("you", &you),
            ("when", &when),
            ("plan", &plan),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_are_read_from_common_words() {
        assert_eq!(Relation::classify(Some("姐姐")), Relation::Family);
        assert_eq!(Relation::classify(Some("母亲")), Relation::Family);
        assert_eq!(Relation::classify(Some("同事")), Relation::Colleague);
        assert_eq!(Relation::classify(Some("大学同学")), Relation::Friend);
        assert_eq!(Relation::classify(Some(" Friend ")), Relation::Friend);
        assert_eq!(Relation::classify(Some("Sister")), Relation::Family);
        assert_eq!(Relation::classify(Some("邻居")), Relation::Other);
        assert_eq!(Relation::classify(None), Relation::Other);
    }
}
