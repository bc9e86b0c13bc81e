//! Command-line definitions. Global options may stand before or after the command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

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
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

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
    },
    /// One loan's installments with what is paid
    Schedule {
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
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Record a call, a negotiation or a note: KIND is negotiation, collection_call or note
    Log {
        id: String,
        kind: String,
        #[arg(allow_hyphen_values = true)]
        text: String,
        /// When it happened (default: today)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Record an extension the lender granted: installment N is now due on DATE
    Extend {
        id: String,
        #[arg(long, value_name = "N")]
        installment: u32,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: NaiveDate,
    },
}

/// `YYYY-MM-DD`, with a message that says what was expected.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD, such as 2026-11-23; got {s:?}"))
}
