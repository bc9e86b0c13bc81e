//! The presentation layer, between the engine and the two faces (`report/` and `tui/`): what is
//! shown about each loan and in total on one day (`snapshot`), the countdown's one wording
//! (`countdown`), a stage with the basis of its day (`stage`), the lines both faces print after a
//! write (`recorded`), and what each face shows of one loan or plan: its schedule (`schedule`),
//! its advice (`advice`), a payment plan's words (`plan`), and the documents (`notice`,
//! `complaint`, `letter`). Pure: no files, no terminal. See ARCHITECTURE.md.

pub mod advice;
pub mod complaint;
pub mod contact;
pub mod context;
pub mod countdown;
pub mod entries;
pub mod letter;
pub mod notice;
pub mod outcome;
pub mod plan;
pub mod preview;
pub mod recorded;
pub mod schedule;
pub mod snapshot;
pub mod stage;

pub use contact::Countdown;
pub use context::Context;
pub use snapshot::{
    LoanFacts, Snapshot, Timeline, Totals, apr, cost_totals, display_name, due_soon,
};
