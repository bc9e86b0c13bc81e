//! Command-line definitions. Global options may stand before or after the command.
//! Amounts and dates are taken as text and read by `crate::input` once the language is known,
//! so a mistake is explained in the user's language.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::plan::Strategy;
use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "repaydash",
    version,
    about = "What is due, what is late, and how many days remain before each escalation step.\n还款看板：应还多少、逾期多久、距离催收各阶段还有几天。"
)]
pub struct Cli {
    /// The loans file (else $REPAYDASH_FILE, else ~/.config/repaydash/loans.toml, else the demo)
    #[arg(long, global = true, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Pretend today is this day (YYYY-MM-DD): for what-ifs and tests
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,

    /// Interface language
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every loan's status, most urgent first
    Check {
        #[arg(long)]
        json: bool,
        /// Exit 1 when some loan is in this state (due_soon also counts overdue loans): for cron
        #[arg(long, value_enum, value_name = "STATE")]
        fail_on: Option<FailOn>,
    },
    /// One loan's installments with what is paid
    Schedule {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The advice panels for that loan's situation today
    Advice {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Read the file and report every problem
    Validate,
    /// Write a commented template to the default path (never over an existing file)
    Init,
    /// Record a payment in the file (the previous file kept as FILE.bak)
    Pay {
        id: String,
        /// Amount paid, such as 800.16
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// When it was paid (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Money towards penalty interest or fees: it reduces the penalty estimate, never an
        /// installment
        #[arg(long)]
        penalty: bool,
    },
    /// Record a call, a negotiation, a note or a contact told: KIND is negotiation,
    /// collection_call, note or contact_notified
    Log {
        id: String,
        kind: String,
        #[arg(allow_hyphen_values = true)]
        text: String,
        /// When it happened (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The time of day, such as 22:40 or 22:40:00, or `now` (the clock's time, and today)
        #[arg(long, value_name = "HH:MM[:SS]|now")]
        time: Option<String>,
        /// Who was called or told: `me` or a contact's name
        #[arg(long, value_name = "me|NAME")]
        who: Option<String>,
        /// call, sms, visit or other
        #[arg(long, value_name = "CHANNEL")]
        channel: Option<String>,
        /// The caller's number or company, as you want it recorded
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        caller: Option<String>,
        /// Any of threat, insult, told_third_party, fake_legal, night, separated by commas
        #[arg(long, value_name = "FLAG,...")]
        flags: Option<String>,
    },
    /// Record an extension the lender granted: installment N is now due on DATE
    Extend {
        id: String,
        #[arg(long, value_name = "N")]
        installment: u32,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
    },
    /// Undo the last write: put FILE.bak back while the file is still what repaydash wrote
    Undo,
    /// What to pay first with the cash at hand
    Plan {
        /// The cash you can pay now, such as 1500, 1,500 or ¥1500.50
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        cash: String,
        #[arg(long)]
        json: bool,
        #[arg(long, value_enum, default_value_t = StrategyArg::Urgency)]
        strategy: StrategyArg,
    },
    /// A heads-up message for the loan's emergency contacts (never with a phone number)
    Notice {
        id: String,
        /// Only the contact with this name
        #[arg(long, value_name = "NAME")]
        contact: Option<String>,
    },
    /// The collection contacts in the log summarised against the rules, and a complaint draft
    Complaint {
        id: String,
        /// First day counted (default: the first collection call in the log)
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Last day counted (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A repayment-negotiation letter (协商还款申请书) with a proposal within your budget
    Letter {
        id: String,
        /// Why you cannot pay as agreed (else the loan's `hardship` key)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        reason: Option<String>,
        /// negotiation (the default), settlement-proof (a request for a 结清证明) or dispute (a
        /// credit-report dispute, 征信异议申请)
        #[arg(long, value_enum, default_value = "negotiation")]
        kind: LetterKindArg,
    },
    /// Export due dates and escalation milestones
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// One short line for a shell prompt or tmux status bar (empty when all is well)
    Status,
    /// Record a repayment agreement the lender accepted (协商还款 / 个性化分期)
    Agree {
        id: String,
        /// The first agreement payment's due date
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// How many monthly payments
        #[arg(long, value_name = "N")]
        months: u32,
        /// Each payment (the last takes the rounding)
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        amount: String,
        /// What the agreement covers (default: everything owed on its date, penalty left out)
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        total: Option<String>,
        /// The day it was agreed (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long)]
        stop_interest: bool,
        #[arg(long)]
        waive_penalty: bool,
        /// The lender's record of it: a staff id, an SMS, an app record
        #[arg(long = "ref", value_name = "TEXT", allow_hyphen_values = true)]
        reference: Option<String>,
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        text: Option<String>,
    },
    /// Record a promise to pay (承诺还款) made to the lender or a collector
    Promise {
        id: String,
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// The day it is to be paid by
        #[arg(long, value_name = "YYYY-MM-DD")]
        by: String,
        /// The day it was made (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Whom it was made to
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        to: Option<String>,
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        text: Option<String>,
    },
    /// Record a settlement for less than owed (协商结清 / 减免): get it in writing first
    Settle {
        id: String,
        /// What was paid to settle
        #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
        amount: String,
        /// When (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The lender's written confirmation
        #[arg(long = "ref", value_name = "TEXT", allow_hyphen_values = true)]
        reference: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// An iCalendar file on stdout: due dates and escalation milestones, with alarms
    Ics {
        /// How many days ahead
        #[arg(long, default_value_t = 90, value_name = "N")]
        days: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LetterKindArg {
    Negotiation,
    #[value(name = "settlement-proof", alias = "settlement_proof")]
    SettlementProof,
    Dispute,
}

impl From<LetterKindArg> for crate::present::outcome::LetterKind {
    fn from(k: LetterKindArg) -> Self {
        use crate::present::outcome::LetterKind;
        match k {
            LetterKindArg::Negotiation => LetterKind::Negotiation,
            LetterKindArg::SettlementProof => LetterKind::SettlementProof,
            LetterKindArg::Dispute => LetterKind::Dispute,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Overdue,
    /// due soon or overdue
    #[value(name = "due_soon", alias = "due-soon")]
    DueSoon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrategyArg {
    /// fewest loans reaching the emergency-contact stage, then least penalty, then highest rate
    Urgency,
    /// highest rate first
    Avalanche,
    /// smallest balance first
    Snowball,
}

impl From<StrategyArg> for Strategy {
    fn from(s: StrategyArg) -> Strategy {
        match s {
            StrategyArg::Urgency => Strategy::Urgency,
            StrategyArg::Avalanche => Strategy::Avalanche,
            StrategyArg::Snowball => Strategy::Snowball,
        }
    }
}
