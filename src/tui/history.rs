//! `h`: every entry of every loan (or of the selected one), newest first, filtered by text and
//! kind; Enter opens one whole, `E` opens the editor at it, `d` twice removes it through the
//! store (undone by `u` like any write).

use crate::i18n::Lang;
use crate::knowledge::Policies;
use crate::model::Portfolio;
use crate::present::entries::{self, EntryKind, EntryRow};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Text every shown entry contains (any case).
    pub filter: String,
    /// Only entries of this kind.
    pub kind: Option<EntryKind>,
    /// Only the loan selected when the view opened.
    pub loan: Option<String>,
    /// Position in the shown entries.
    pub selected: usize,
    /// The selected entry shown whole.
    pub open: bool,
    /// `d` pressed once: the next `d` removes the entry.
    pub confirm: bool,
}

/// The entries the view shows, in order.
pub fn shown(h: &History, portfolio: &Portfolio, policies: &Policies, lang: Lang) -> Vec<EntryRow> {
    let needle = h.filter.trim().to_lowercase();
    entries::rows(portfolio, policies, lang)
        .into_iter()
        .filter(|r| h.kind.is_none_or(|k| r.kind == k))
        .filter(|r| h.loan.as_deref().is_none_or(|id| r.loan_id == id))
        .filter(|r| needle.is_empty() || r.search.contains(&needle))
        .collect()
}

/// The line of the `index`-th `[[loan.KEY]]` of loan `id` in `text`, else the loan's line.
pub fn entry_line(text: &str, id: &str, key: &str, index: usize) -> Option<usize> {
    let start = crate::store::add::edit_line(text, Some(id), &[])?;
    let header = format!("[[loan.{key}]]");
    let found = text
        .lines()
        .enumerate()
        .skip(start)
        // Up to the next loan.
        .take_while(|(_, l)| l.trim() != "[[loan]]")
        .filter(|(_, l)| l.trim_start().starts_with(&header))
        .nth(index)
        .map(|(i, _)| i + 1);
    Some(found.unwrap_or(start))
}
