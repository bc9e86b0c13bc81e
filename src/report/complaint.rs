//! `complaint`: the loan's collection log counted against the rules (engine/complaint), then the
//! complaint draft (knowledge/complaint). The whole document is built once in
//! `present::complaint::document`, which the dashboard's `w` (from `L`) shows and `y` copies.

use crate::engine::complaint::Summary;

pub use crate::present::complaint::{
    contact_lines, document as text, draft, flagged_lines, headline,
};

/// `complaint --json`: exactly the summary's fields.
pub fn json(s: &Summary) -> Result<String, serde_json::Error> {
    super::json::pretty(s)
}
