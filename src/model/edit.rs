//! One change to one loan, as a command or a form asks for it: plain data. How it is written
//! into the file and the rules it must meet are the store's (`store::write`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::loan::{Agreement, LogEntry, Promise, Settlement};

/// One change to one loan.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Pay {
        id: String,
        date: NaiveDate,
        amount: Decimal,
    },
    Log {
        id: String,
        entry: LogEntry,
    },
    Extend {
        id: String,
        installment: u32,
        due: NaiveDate,
    },
    /// Money towards penalty interest or fees (`kind = "penalty"`), never an installment.
    PayPenalty {
        id: String,
        date: NaiveDate,
        amount: Decimal,
    },
    Agree {
        id: String,
        agreement: Agreement,
    },
    Promise {
        id: String,
        promise: Promise,
    },
    /// A settlement for less: the loan's `settlement = { … }` key, written once.
    Settle {
        id: String,
        settlement: Settlement,
    },
}

impl Edit {
    pub fn id(&self) -> &str {
        match self {
            Edit::Pay { id, .. } | Edit::Log { id, .. } | Edit::Extend { id, .. } => id,
            Edit::PayPenalty { id, .. }
            | Edit::Agree { id, .. }
            | Edit::Promise { id, .. }
            | Edit::Settle { id, .. } => id,
        }
    }
}
