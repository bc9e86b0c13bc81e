//! The loans file's schema: a walk over the parsed TOML that builds the model and reports every
//! problem with its place, instead of stopping at the first as serde would. Pure: no file I/O.
//!
//! One file a section of the loans file, each adding its part of the walk (`Walker`):
//! `settings`, `platforms`, `loan` (a loan's own keys), `terms` (its bills or amortized terms),
//! `contacts`, `entries` (payments, extensions, log), `agreements` (agreements, promises, a
//! settlement). Beneath them: `document` (the TOML parse), `walker` (where the walk is and what it
//! found wrong), `values` (one value read as what it must be), `known` (the keys and limits).

mod agreements;
mod contacts;
mod document;
mod entries;
mod known;
mod loan;
mod platforms;
mod settings;
mod terms;
mod values;
mod walker;

use super::diag::{Diagnostic, LineIndex};
use crate::i18n::phrases as ph;
use crate::model::{Basis, Policy, Portfolio, Settings};
use document::parse_toml;
use walker::Walker;

pub use crate::input::MAX_AMOUNT;
pub use entries::PAYMENT_KINDS;
pub use known::MAX_TERM;
pub use loan::valid_id;

pub struct Parsed {
    pub portfolio: Portfolio,
    pub warnings: Vec<Diagnostic>,
}

/// Parse a loans file. `builtin` are the platform policies loans may name.
pub fn parse_portfolio(src: &str, builtin: &[Policy]) -> Result<Parsed, Vec<Diagnostic>> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let idx = LineIndex::new(src);
    let doc = parse_toml(src, &idx)?;
    let mut w = Walker {
        src,
        idx: &idx,
        errors: vec![],
        warnings: vec![],
        check_unknown: true,
    };
    let root = doc.get_ref();
    w.unknown_keys(root, &"", known::ROOT);
    let settings = match root.get("settings") {
        Some(item) => w.settings(item),
        None => Settings::default(),
    };
    let mut user_platforms = match root.get("platforms") {
        Some(item) => w.platforms(item, "platforms"),
        None => vec![],
    };
    // The user's tables give the user's own days, whatever they call them.
    for p in &mut user_platforms {
        p.stages.iter_mut().for_each(|s| s.basis = Basis::User);
    }
    let policies: Vec<&Policy> = crate::model::merged(&user_platforms, builtin).collect();
    let loans = match root.get("loan") {
        Some(item) => w.loans(item, &policies, &settings.currency),
        None => vec![],
    };
    if w.errors.is_empty() {
        // The parser's tables are sorted by key: the warnings go back into file order.
        w.warnings.sort_by_key(|d| (d.line == 0, d.line, d.col));
        Ok(Parsed {
            portfolio: Portfolio {
                settings,
                loans,
                platforms: user_platforms,
            },
            warnings: w.warnings,
        })
    } else {
        // A warning may be the cause of an error (`anual_rate` leaves the loan without a rate),
        // so the refused file lists its warnings too, marked as such, in file order.
        let warnings = std::mem::take(&mut w.warnings);
        w.errors.extend(warnings.into_iter().map(|mut d| {
            d.message = ph::warning(&d.message);
            d
        }));
        w.errors.sort_by_key(|d| (d.line == 0, d.line, d.col));
        Err(w.errors)
    }
}

/// Parse a file of `[platforms.KEY]` tables (the built-in asset has this shape).
pub fn parse_platforms(src: &str, from_user: bool) -> Result<Vec<Policy>, Vec<Diagnostic>> {
    let idx = LineIndex::new(src);
    let doc = parse_toml(src, &idx)?;
    let mut w = Walker {
        src,
        idx: &idx,
        errors: vec![],
        warnings: vec![],
        check_unknown: false,
    };
    let mut list = match doc.get_ref().get("platforms") {
        Some(item) => w.platforms(item, "platforms"),
        None => vec![],
    };
    for p in &mut list {
        p.from_user = from_user;
        if from_user {
            // A user's table gives the user's own days, whatever it calls them.
            p.stages.iter_mut().for_each(|s| s.basis = Basis::User);
        }
    }
    if w.errors.is_empty() {
        Ok(list)
    } else {
        Err(w.errors)
    }
}
