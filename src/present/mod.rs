//! The presentation layer, between the engine and the two faces (`report/` and `tui/`): what is
//! shown about each loan and in total on one day (`snapshot`), the countdown's one wording
//! (`countdown`), a stage with the basis of its day (`stage`), and the lines both faces print after a write (`recorded`). Pure: no files, no
//! terminal. See ARCHITECTURE.md.

pub mod countdown;
pub mod recorded;
pub mod snapshot;
pub mod stage;

pub use countdown::Countdown;
pub use snapshot::{
    LoanFacts, Snapshot, Timeline, Totals, apr, cost_totals, display_name, due_soon,
};
