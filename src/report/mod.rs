//! Non-interactive outputs: each formats what `present` builds (a snapshot, a loan's schedule
//! facts, its advice, a plan, a document) as text, JSON or ICS for the command line.

pub mod advice;
pub mod check;
pub mod complaint;
pub mod ics;
pub mod json;
pub mod notice;
pub mod plan;
pub mod schedule;
pub mod status;
pub mod table;

pub use crate::present::Context;
pub use crate::present::display_name;
pub use crate::present::letter;
