//! The heads-up message a borrower sends an emergency contact before the lender calls them.
//! Written anew from the articles' facts (a contact owes nothing; tell contacts in advance; lenders
//! turn to contacts when they cannot reach the borrower) and the complaint channels, as reported.
//! It never carries a phone number: the facts it is given hold none.

use chrono::NaiveDate;

use crate::i18n::{Lang, en_count};

/// How close the contact is: it sets the greeting and the register (你 or 您).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Family,
    Friend,
    Colleague,
    Other,
}

const FAMILY: &[&str] = &[
    "家", "亲", "父", "母", "爸", "妈", "兄", "弟", "姐", "妹", "哥", "妻", "夫", "老公", "老婆",
    "配偶", "爱人", "儿", "女", "叔", "伯", "姨", "舅", "姑", "爷", "奶", "外公", "外婆", "表",
    "堂", "family", "mother", "father", "mom", "mum", "dad", "parent", "brother", "sister",
    "spouse", "wife", "husband", "partner", "son", "daughter", "uncle", "aunt", "cousin", "grand",
    "relative",
];
const COLLEAGUE: &[&str] = &[
    "同事",
    "领导",
    "上司",
    "老板",
    "主管",
    "经理",
    "colleague",
    "coworker",
    "co-worker",
    "boss",
    "manager",
    "work",
];
const FRIEND: &[&str] = &[
    "朋友",
    "同学",
    "室友",
    "舍友",
    "好友",
    "friend",
    "classmate",
    "roommate",
    "flatmate",
    "mate",
];

impl Relation {
    /// From the contact's `relation` as the user wrote it (朋友, 姐姐, colleague, …). Colleague
    /// words are looked for first: 同事 must not count as family because of another character.
    pub fn classify(relation: Option<&str>) -> Relation {
        let Some(r) = relation.map(|r| r.trim().to_lowercase()) else {
            return Relation::Other;
        };
        let has = |words: &[&str]| words.iter().any(|w| r.contains(w));
        if has(COLLEAGUE) {
            Relation::Colleague
        } else if has(FRIEND) {
            Relation::Friend
        } else if has(FAMILY) {
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

/// The message, one paragraph a line, ready to paste into a chat.
pub fn message(f: &NoticeFacts, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh(f),
        Lang::En => en(f),
    }
}

fn zh(f: &NoticeFacts) -> String {
    let you = match f.relation {
        Relation::Family | Relation::Friend => "你",
        Relation::Colleague | Relation::Other => "您",
    };
    let name = &f.contact;
    let mut out = vec![match f.relation {
        Relation::Family => format!("{name}，有件事想先跟你说，你别担心。"),
        Relation::Friend => format!("{name}，打扰一下，有件事得先跟你打个招呼。"),
        Relation::Colleague => {
            format!("{name}您好，抱歉在工作之外打扰您，有件事需要提前跟您说明。")
        }
        Relation::Other => format!("{name}您好，有件事想提前告诉您。"),
    }];
    let state = if f.overdue {
        "，现在已经逾期了"
    } else {
        ""
    };
    out.push(format!(
        "我在{}有一笔借款（{}）{state}。申请借款时，我把{you}填成了紧急联系人。",
        f.lender, f.loan
    ));
    out.push(match (f.contact_date, f.date_reached) {
        // Not late: every date is conditional on missing the payment.
        (Some(d), false) if !f.overdue => match f.next_due {
            Some(due) => format!(
                "如果我没能按时还上 {due} 到期的这一期，对方最早可能从 {d} 起打电话给{you}（依据：{}）。",
                f.basis
            ),
            None => format!(
                "如果我没能按时还款，对方最早可能从 {d} 起打电话给{you}（依据：{}）。",
                f.basis
            ),
        },
        (Some(d), false) => format!("对方最早可能从 {d} 起打电话给{you}（依据：{}）。", f.basis),
        (Some(d), true) => format!(
            "按估计，从 {d} 起对方就可能联系{you}了（依据：{}）。",
            f.basis
        ),
        (None, _) => format!(
            "对方没有公开从哪天起会联系{you}，逾期以后随时可能打来（依据：{}）。",
            f.basis
        ),
    });
    out.push(format!(
        "{you}不欠这笔钱：不需要替我还，也不需要答应对方任何事。"
    ));
    out.push(format!(
        "如果接到电话：请对方直接联系我本人；不要提供我或{you}自己的任何个人信息；记下来电的时间和号码，告诉我。"
    ));
    out.push(format!(
        "如果对方骚扰或辱骂{you}：骚扰电话和短信可以拨 12321 举报，对金融机构可以拨 12378 投诉；如果受到威胁，请直接报警（110）。"
    ));
    out.push(format!(
        "我正在处理：{}。给{you}添麻烦了，谢谢{you}。",
        match &f.plan {
            Plan::Extension { date } => format!("我在跟对方申请把逾期的这一期延期到 {date}"),
            Plan::Monthly { monthly, months } => {
                format!("我在跟对方协商，每月还 {monthly}，分 {months} 个月还清逾期的部分")
            }
            Plan::OnTime => "我会按时还款".to_string(),
            Plan::Negotiating => "我在跟对方协商还款计划".to_string(),
        }
    ));
    out.join("\n")
}

fn en(f: &NoticeFacts) -> String {
    let name = &f.contact;
    let mut out = vec![match f.relation {
        Relation::Family => {
            format!(
                "Hi {name}, there is something I want you to hear from me first. Please don't worry."
            )
        }
        Relation::Friend => format!("Hi {name}, sorry to bother you: a quick heads-up."),
        Relation::Colleague => format!(
            "Hello {name}, sorry to bring a private matter to you, but I want to let you know in advance."
        ),
        Relation::Other => format!("Hello {name}, I want to let you know something in advance."),
    }];
    let loan = if f.overdue {
        format!(
            "A loan I have with {} ({}) is now overdue.",
            f.lender, f.loan
        )
    } else {
        format!("I have a loan with {} ({}).", f.lender, f.loan)
    };
    out.push(format!(
        "{loan} When I applied, I gave your name as an emergency contact."
    ));
    out.push(match (f.contact_date, f.date_reached) {
        // Not late: every date is conditional on missing the payment.
        (Some(d), false) if !f.overdue => match f.next_due {
            Some(due) => format!(
                "If I miss the payment due on {due}, the lender may call you from {d} (basis: {}).",
                f.basis
            ),
            None => format!(
                "If I miss a payment, the lender may call you from {d} (basis: {}).",
                f.basis
            ),
        },
        (Some(d), false) => format!(
            "The lender may start calling you from {d} (basis: {}).",
            f.basis
        ),
        (Some(d), true) => format!(
            "By that estimate the lender may call you any time since {d} (basis: {}).",
            f.basis
        ),
        (None, _) => format!(
            "The lender gives no day; they may call you at any time once the loan is overdue (basis: {}).",
            f.basis
        ),
    });
    out.push("You owe nothing: you do not have to pay for me or promise anything.".to_string());
    out.push(
        "If they call: ask them to contact me directly, give no personal details about me or about you, and note the time and the number for me."
            .to_string(),
    );
    out.push(
        "If they harass or insult you, report harassing calls and SMS to 12321, or complain about the lender to 12378; if they threaten you, call the police (110)."
            .to_string(),
    );
    out.push(format!(
        "I am dealing with it: {}. Thank you, and sorry for the trouble.",
        match &f.plan {
            Plan::Extension { date } =>
                format!("I am asking the lender to move the overdue installment to {date}"),
            Plan::Monthly { monthly, months } => {
                format!(
                    "I am offering {monthly} a month for {} to clear what is overdue",
                    en_count(*months, "month", "months")
                )
            }
            Plan::OnTime => "I will pay on time".to_string(),
            Plan::Negotiating => "I am negotiating a repayment plan with the lender".to_string(),
        }
    ));
    out.join("\n")
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
