use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    EqualInstallment,
    EqualPrincipal,
    InterestFirst,
    Bullet,
    FixedFee,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::EqualInstallment,
        Method::EqualPrincipal,
        Method::InterestFirst,
        Method::Bullet,
        Method::FixedFee,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Method::EqualInstallment => "equal_installment",
            Method::EqualPrincipal => "equal_principal",
            Method::InterestFirst => "interest_first",
            Method::Bullet => "bullet",
            Method::FixedFee => "fixed_fee",
        }
    }

    pub fn from_key(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.key() == s)
    }
}

/// A loan's price: percent per year, or percent per day (a year being 360 days).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rate {
    Annual(Decimal),
    Daily(Decimal),
}

impl Rate {
    /// The periodic (monthly) rate as a fraction: annual/12 or daily×30.
    pub fn monthly(self) -> Decimal {
        match self {
            Rate::Annual(a) => a / Decimal::from(1200),
            Rate::Daily(d) => d * Decimal::from(30) / Decimal::ONE_HUNDRED,
        }
    }

    /// Percent per day.
    pub fn daily_percent(self) -> Decimal {
        match self {
            Rate::Annual(a) => a / Decimal::from(360),
            Rate::Daily(d) => d,
        }
    }
}

/// One bill of a loan that lists its bills instead of terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Bill {
    pub due: NaiveDate,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoanTerms {
    Amortized {
        principal: Decimal,
        rate: Rate,
        method: Method,
        term: u32,
        start_date: NaiveDate,
        due_day: u32,
        /// fixed_fee only: percent of the original principal per installment.
        fee_rate: Option<Decimal>,
        /// Days every due date is moved by: 0 for a user's file; the embedded demo is shifted so it
        /// looks on any day as on the day it was written, and a due date counted from a shifted
        /// start by months would drift with the months' lengths.
        shift_days: i64,
    },
    /// `[[loan.installments]]` or the `amount_due`/`due_date` shorthand.
    Bills(Vec<Bill>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// The lender granted: installment `installment` (1-based) is now due on `due`.
#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    pub installment: u32,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogKind {
    Negotiation,
    CollectionCall,
    #[default]
    Note,
    /// The borrower told an emergency contact (named in `who`) about the debt before the lender did.
    ContactNotified,
}

impl LogKind {
    pub const ALL: [LogKind; 4] = [
        LogKind::Negotiation,
        LogKind::CollectionCall,
        LogKind::Note,
        LogKind::ContactNotified,
    ];

    /// The kinds a person writes free text for; `contact_notified` is recorded by "mark as told".
    pub const WRITTEN: [LogKind; 3] =
        [LogKind::Negotiation, LogKind::CollectionCall, LogKind::Note];

    pub fn key(self) -> &'static str {
        match self {
            LogKind::Negotiation => "negotiation",
            LogKind::CollectionCall => "collection_call",
            LogKind::Note => "note",
            LogKind::ContactNotified => "contact_notified",
        }
    }

    pub fn from_key(s: &str) -> Option<LogKind> {
        LogKind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// How the collector reached someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Call,
    Sms,
    Visit,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Call, Channel::Sms, Channel::Visit, Channel::Other];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Sms => "sms",
            Channel::Visit => "visit",
            Channel::Other => "other",
        }
    }

    pub fn from_key(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// What the user marked as out of line in a collection contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFlag {
    Threat,
    Insult,
    ToldThirdParty,
    FakeLegal,
    Night,
}

impl LogFlag {
    pub const ALL: [LogFlag; 5] = [
        LogFlag::Threat,
        LogFlag::Insult,
        LogFlag::ToldThirdParty,
        LogFlag::FakeLegal,
        LogFlag::Night,
    ];

    pub fn key(self) -> &'static str {
        match self {
            LogFlag::Threat => "threat",
            LogFlag::Insult => "insult",
            LogFlag::ToldThirdParty => "told_third_party",
            LogFlag::FakeLegal => "fake_legal",
            LogFlag::Night => "night",
        }
    }

    /// The key, or the Chinese word a user types for it (in the file, `log --flags`, the form).
    pub fn from_key(s: &str) -> Option<LogFlag> {
        LogFlag::ALL
            .into_iter()
            .find(|k| k.key() == s || k.zh_words().contains(&s))
    }

    /// The Chinese words taken for this flag (`assets/input.toml`): the short one first (as
    /// `--help` lists it), then the complaint draft's label.
    pub fn zh_words(self) -> Vec<&'static str> {
        super::words::accepted("log_flag", self.key())
    }
}

/// `who` naming the borrower rather than a contact.
pub const WHO_ME: &str = "me";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogEntry {
    pub date: NaiveDate,
    /// A TOML local time, when the user noted it.
    pub time: Option<NaiveTime>,
    pub kind: LogKind,
    /// `me`, or the name of the contact who was called (or told, for `contact_notified`).
    pub who: Option<String>,
    pub channel: Option<Channel>,
    /// The caller's number or company, as the user wrote it.
    pub caller: Option<String>,
    pub flags: Vec<LogFlag>,
    pub text: String,
}

impl LogEntry {
    /// The contact this entry is about; None when it is about the borrower.
    pub fn contact(&self) -> Option<&str> {
        self.who
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty() && *w != WHO_ME)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub name: String,
    pub relation: Option<String>,
    pub phone: Option<String>,
    /// How a message to this contact opens (妈, 王姐, Mum); None: the name.
    pub greeting: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loan {
    pub id: String,
    /// As written by the user; None means "platform name + product".
    pub name: Option<String>,
    /// The resolved platform key (`ctrip`, `alipay`, … or `generic`).
    pub platform: String,
    /// The platform as the user wrote it, for display and warnings.
    pub platform_written: String,
    pub product: Option<String>,
    pub terms: LoanTerms,
    /// Optional explicit rate for bill-list loans (used for the penalty estimate).
    pub bill_rate: Option<Rate>,
    /// Percent per day on the overdue amount; None: the default of the penalty estimate
    /// (`engine::ledger::penalty_rate`).
    pub penalty_rate: Option<Decimal>,
    pub emergency_contact_after_days: Option<u32>,
    pub monthly_budget: Option<Decimal>,
    /// Why the borrower cannot pay as agreed, in their own words (for the negotiation letter).
    pub hardship: Option<String>,
    pub contacts: Vec<Contact>,
    pub payments: Vec<Payment>,
    pub extensions: Vec<Extension>,
    pub log: Vec<LogEntry>,
    /// `archived = true`: kept in the file, left out of the list, `check`, `status`, `plan`, the
    /// calendar and the totals (`check --all` shows it).
    pub archived: bool,
    /// `[[loan.payments]]` with `kind = "penalty"`: money towards penalty interest or fees, kept
    /// apart so no installment ever counts it.
    pub penalty_payments: Vec<Payment>,
    /// `[[loan.agreements]]`, in file order; the one with the latest `date` is in force.
    pub agreements: Vec<Agreement>,
    /// `[[loan.promises]]`, in file order.
    pub promises: Vec<Promise>,
    /// A settlement for less than owed.
    pub settlement: Option<Settlement>,
}

impl Loan {
    pub fn rate(&self) -> Option<Rate> {
        match &self.terms {
            LoanTerms::Amortized { rate, .. } => Some(*rate),
            LoanTerms::Bills(_) => self.bill_rate,
        }
    }

    /// The day the loan is drawn, when it is after `today` (a what-if into the past): until then
    /// nothing is owed, late or counted down. Bills carry no start date: always drawn.
    pub fn starts_after(&self, today: NaiveDate) -> Option<NaiveDate> {
        match &self.terms {
            // `start_date` is already moved by any shift (`Portfolio::shift_dates`): `shift_days`
            // only tells the schedule where its months were counted from.
            LoanTerms::Amortized { start_date, .. } => Some(*start_date).filter(|s| *s > today),
            LoanTerms::Bills(_) => None,
        }
    }

    pub fn method(&self) -> Option<Method> {
        match &self.terms {
            LoanTerms::Amortized { method, .. } => Some(*method),
            LoanTerms::Bills(_) => None,
        }
    }
}

/// A repayment agreement the lender accepted (协商还款 / 个性化分期 / 停息挂账): from `date`, what it
/// covers is owed as `months` monthly payments of `amount` from `from` (the last takes the rounding).
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// The day it was agreed.
    pub date: NaiveDate,
    /// The first agreement payment's due date; the others fall on its day of later months.
    pub from: NaiveDate,
    pub months: u32,
    pub amount: Decimal,
    /// What the agreement covers; None: everything owed on `date` (the penalty estimate left out).
    pub total: Option<Decimal>,
    pub stop_interest: bool,
    pub waive_penalty: bool,
    /// The lender's record of it: a staff id, an SMS, an app record.
    pub reference: Option<String>,
    pub text: Option<String>,
}

/// A promise to pay (承诺还款), usually made on a collection call.
#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    /// The day it was made.
    pub date: NaiveDate,
    pub by: NaiveDate,
    pub amount: Decimal,
    /// Whom it was made to, as the user wrote it.
    pub to: Option<String>,
    pub text: Option<String>,
}

/// A settlement for less than owed (协商结清 / 减免): `amount` paid on `date` closes the loan.
#[derive(Debug, Clone, PartialEq)]
pub struct Settlement {
    pub date: NaiveDate,
    pub amount: Decimal,
    pub reference: Option<String>,
}

/// Mask a phone number as 138****0000; short or odd numbers keep only their last two digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() >= 7 {
        let head: String = chars[..3].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}****{tail}")
    } else if chars.len() > 2 {
        let tail: String = chars[chars.len() - 2..].iter().collect();
        format!("{}{tail}", "*".repeat(chars.len() - 2))
    } else {
        "*".repeat(chars.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_phones() {
        assert_eq!(mask_phone("13800000000"), "138****0000");
        assert_eq!(mask_phone("13912345678"), "139****5678");
        assert_eq!(mask_phone("12345"), "***45");
        assert_eq!(mask_phone("1"), "*");
    }
}
