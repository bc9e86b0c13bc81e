//! Command-line definitions. Global options may stand before or after the command.
//! Amounts and dates are taken as text and read by `crate::input` once the language is known,
//! so a mistake is explained in the user's language.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::plan::Strategy;
use crate::i18n::Lang;

/// The top line of `--help` in English, with the Chinese one under it for a reader who has not
/// chosen a language yet.
fn about() -> String {
    format!(
        "What is due, what is late, and how many days remain before each escalation step.\n{}",
        crate::i18n::help::about(Lang::Zh, "").unwrap_or_default()
    )
}

#[derive(Debug, Parser)]
#[command(
    name = "repaydash",
    version,
    about = about()
)]
pub struct Cli {
    /// The loans file (else $REPAYDASH_FILE, else ~/.config/repaydash/loans.toml, else the demo)
    #[arg(long, global = true, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Pretend today is this day (YYYY-MM-DD): for what-ifs and tests
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,

    /// Interface language
    #[arg(long, global = true, value_parser = lang_parser())]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang`: the key of a registered language (its catalogue's name), listed in the help.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Lang::all().map(Lang::key))
        .map(|key: String| Lang::from_key(&key).unwrap_or_default())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every loan's status, most urgent first
    Check {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Archived loans too
        #[arg(long)]
        all: bool,
        /// Exit 1 when some loan is in this state (due_soon also counts overdue loans): for cron
        #[arg(long, value_enum, value_name = "STATE")]
        fail_on: Option<FailOn>,
    },
    /// One loan's installments with what is paid
    Schedule {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// The advice panels for that loan's situation today
    Advice {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Read the file and report every problem
    Validate,
    /// Write a commented template to the default path (never over an existing file)
    Init,
    /// Record a payment in the file (the previous file kept as FILE.bak)
    Pay {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// Amount paid, such as 800.16
        #[arg(allow_hyphen_values = true, required_unless_present = "through")]
        amount: Option<String>,
        /// When it was paid (default: today)
        #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "through")]
        date: Option<String>,
        /// Record installments 1 to N as paid in full on their due dates (one write, one undo)
        #[arg(long, value_name = "N", conflicts_with = "amount")]
        through: Option<u32>,
        /// Money towards penalty interest or fees: it reduces the penalty estimate, never an
        /// installment
        #[arg(long)]
        penalty: bool,
    },
    /// Record a call, a negotiation, a note or a contact told: KIND is negotiation,
    /// collection_call, note or contact_notified
    Log {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// negotiation, collection_call, note or contact_notified
        kind: String,
        /// What happened, in your own words
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
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// The installment's number (1 is the first)
        #[arg(long, value_name = "N")]
        installment: u32,
        /// Its new due date
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
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Which loans come first
        #[arg(long, value_enum, default_value_t = StrategyArg::Urgency)]
        strategy: StrategyArg,
    },
    /// A heads-up message for the loan's emergency contacts (never with a phone number)
    Notice {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// Only the contact with this name
        #[arg(long, value_name = "NAME")]
        contact: Option<String>,
    },
    /// The collection contacts in the log summarised against the rules, and a complaint draft
    Complaint {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// First day counted (default: the first collection call in the log)
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Last day counted (default: today)
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// A repayment-negotiation letter (协商还款申请书) with a proposal within your budget
    Letter {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
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
        /// What to export
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// One short line for a shell prompt or tmux status bar (empty when all is well)
    Status,
    /// Add a loan: on a terminal it asks step by step; by flags for scripts
    Add(Box<AddArgs>),
    /// Print a shell completion script: bash, zsh, fish or powershell
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the manual page (roff) on stdout
    Man,
    /// Keep a loan in the file but out of the list, check, status, plan, the calendar and totals
    Archive {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
    },
    /// Bring an archived loan back
    Unarchive {
        /// The loan's id, as `check --all` lists it
        id: String,
    },
    /// Open the file in $VISUAL, else $EDITOR, else vi, at the loan's [[loan]] line (with no id:
    /// at the first problem, if any); check it when the editor returns
    Edit {
        /// The loan's id (none: the first problem, else the top of the file)
        id: Option<String>,
    },
    /// Record a repayment agreement the lender accepted (协商还款 / 个性化分期)
    Agree {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
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
        /// The lender agreed to stop charging interest
        #[arg(long)]
        stop_interest: bool,
        /// The lender agreed to waive the penalty
        #[arg(long)]
        waive_penalty: bool,
        /// The lender's record of it: a staff id, an SMS, an app record
        #[arg(long = "ref", value_name = "TEXT", allow_hyphen_values = true)]
        reference: Option<String>,
        /// A note kept with it
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        text: Option<String>,
    },
    /// Record a promise to pay (承诺还款) made to the lender or a collector
    Promise {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
        id: String,
        /// The amount promised
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
        /// A note kept with it
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        text: Option<String>,
    },
    /// Record a settlement for less than owed (协商结清 / 减免): get it in writing first
    Settle {
        /// The loan's id, as `check` lists it (such as ctrip-jqh)
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// `repaydash add`: every value as text, read by `crate::input` and the file's rules.
#[derive(Debug, Default, clap::Args)]
pub struct AddArgs {
    /// How commands name the loan (default: a slug of the name, else the platform)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Platform key or alias: 借呗, 花呗, ctrip, xingtu… (any other name: generic)
    #[arg(long, value_name = "NAME")]
    pub platform: Option<String>,
    /// The platform's product, such as 借呗 or 任性贷
    #[arg(long, value_name = "TEXT")]
    pub product: Option<String>,
    /// Display name (default: platform + product)
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// equal_installment, equal_principal, interest_first, bullet or fixed_fee
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,
    /// The amount borrowed
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub principal: Option<String>,
    /// Percent per year, such as 18
    #[arg(long, value_name = "PERCENT", conflicts_with = "daily_rate")]
    pub annual_rate: Option<String>,
    /// Percent per day, such as 0.05
    #[arg(long, value_name = "PERCENT")]
    pub daily_rate: Option<String>,
    /// fixed_fee: the fee per installment, percent of the principal
    #[arg(long, value_name = "PERCENT")]
    pub fee_rate: Option<String>,
    /// Number of monthly installments
    #[arg(long, value_name = "N")]
    pub term: Option<String>,
    /// Drawdown date
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<String>,
    /// Day of the month the bills fall on (default: the drawdown date's day)
    #[arg(long, value_name = "DAY")]
    pub due_day: Option<String>,
    /// An emergency contact, NAME,RELATION,PHONE (repeatable); a fourth part is the greeting a
    /// message to them opens with
    #[arg(long, value_name = "NAME,RELATION,PHONE")]
    pub contact: Vec<String>,
    /// A bill instead of terms, DATE:AMOUNT (repeatable)
    #[arg(long, value_name = "DATE:AMOUNT")]
    pub bill: Vec<String>,
    /// Installments 1 to N already paid in full on their due dates
    #[arg(long, value_name = "N")]
    pub paid_through: Option<u32>,
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

/// The command line as clap reads it, its help in `lang` (English is the doc comments above;
/// every other language comes from its catalogue, `i18n::help`).
pub fn command(lang: Lang) -> clap::Command {
    let cmd = <Cli as clap::CommandFactory>::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = localize(cmd, "", lang).disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(crate::i18n::help::arg(lang, "", "version").unwrap_or_default())
            .help_heading(crate::i18n::help::options(lang)),
    );
    // clap adds its `help` command when it builds the command: say it in `lang` too.
    cmd.build();
    localize_help_commands(cmd, lang)
}

/// clap's `help` commands (of repaydash and of `export`), in `lang`.
fn localize_help_commands(cmd: clap::Command, lang: Lang) -> clap::Command {
    use crate::i18n::help;
    cmd.mut_subcommands(|s| {
        if s.get_name() == "help" {
            s.about(help::help_command(lang))
                .help_template(format!(
                    "{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}",
                    help::usage(lang)
                ))
                .subcommand_help_heading(help::commands(lang))
                .mut_subcommands(|h| {
                    let about = help::about(lang, h.get_name())
                        .or_else(|| (h.get_name() == "help").then_some(help::help_command(lang)));
                    match about {
                        Some(a) => h.about(a),
                        None => h,
                    }
                })
        } else {
            localize_help_commands(s, lang)
        }
    })
}

fn localize(cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    use crate::i18n::help;
    let mut cmd = cmd;
    if let Some(about) = help::about(lang, path) {
        cmd = cmd.about(about);
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        help::usage(lang)
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(help::commands(lang))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(help::arg(lang, path, "help").unwrap_or_default()),
        )
        .mut_args(|a| {
            let id = a.get_id().as_str().to_string();
            let heading = if a.is_positional() {
                help::arguments(lang)
            } else {
                help::options(lang)
            };
            // The localized help names the values and the default itself.
            let values = a.get_action().takes_values() && !a.get_possible_values().is_empty();
            let default = a.get_action().takes_values() && !a.get_default_values().is_empty();
            let a = a
                .help_heading(heading)
                .hide_possible_values(values)
                .hide_default_value(default);
            match help::arg(lang, path, &id) {
                Some(h) => a.help(h),
                None => a,
            }
        });
    cmd.mut_subcommands(|s| {
        let name = s.get_name().to_string();
        let sub = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        localize(s, &sub, lang)
    })
}
