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
    // Up to the next loan.
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .skip(start)
        .take_while(|(_, l)| l.trim() != "[[loan]]")
        .collect();
    // A penalty payment is not among the entries the view numbers (the model keeps it apart).
    let penalty = |at: usize| {
        key == "payments"
            && lines[at + 1..]
                .iter()
                .take_while(|(_, l)| !l.trim_start().starts_with('['))
                .any(|(_, l)| {
                    let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
                    l.starts_with("kind=\"penalty\"") || l.starts_with("kind='penalty'")
                })
    };
    let found = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, l))| l.trim_start().starts_with(&header))
        .filter(|(at, _)| !penalty(*at))
        .nth(index)
        .map(|(_, (i, _))| i + 1);
    Some(found.unwrap_or(start))
}

#[cfg(test)]
mod tests {
    use super::entry_line;

    #[test]
    fn a_penalty_payment_is_skipped_when_counting_payments() {
        let text = "[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-11-01\namount = 10\n\n[[loan.payments]]\ndate = 2026-11-02\namount = 5\nkind = \"penalty\"\n\n[[loan.payments]]\ndate = 2026-11-03\namount = 20\n\n[[loan.log]]\ndate = 2026-11-04\nkind = \"note\"\ntext = \"x\"\n";
        assert_eq!(entry_line(text, "a", "payments", 0), Some(4));
        assert_eq!(entry_line(text, "a", "payments", 1), Some(13));
        assert_eq!(entry_line(text, "a", "log", 0), Some(17));
    }
}
