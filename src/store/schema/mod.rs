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

/// What the tests of every section parse with: the built-in platforms, as the program does.
#[cfg(test)]
mod testing {
    use super::*;

    /// (line, column, key) of each problem.
    pub type Place = (usize, usize, String);

    fn builtin() -> Vec<Policy> {
        crate::store::builtin_policies().unwrap()
    }

    fn places(d: &[Diagnostic]) -> Vec<Place> {
        d.iter().map(|d| (d.line, d.col, d.key.clone())).collect()
    }

    /// A file that must be accepted, and the places of its warnings.
    pub fn accepted(src: &str) -> (Portfolio, Vec<Place>) {
        match parse_portfolio(src, &builtin()) {
            Ok(p) => {
                let w = places(&p.warnings);
                (p.portfolio, w)
            }
            Err(d) => panic!("refused: {d:#?}"),
        }
    }

    /// A file that must be refused: every problem, in file order.
    pub fn refused(src: &str) -> Vec<Diagnostic> {
        match parse_portfolio(src, &builtin()) {
            Ok(_) => panic!("accepted:\n{src}"),
            Err(d) => d,
        }
    }

    /// The places of a refused file's problems.
    pub fn problems(src: &str) -> Vec<Place> {
        places(&refused(src))
    }

    pub fn at(line: usize, col: usize, key: &str) -> Place {
        (line, col, key.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn problems_come_in_file_order_with_the_warnings_that_may_explain_them() {
        let src = "[[loan]]\nid = \"a\"\nanual_rate = 18\nprincipal = 1000\nmethod = \"bullet\"\nterm = 1\nstart_date = 2026-01-15\n";
        let d = refused(src);
        assert_eq!(
            d.iter()
                .map(|d| (d.line, d.col, d.key.as_str()))
                .collect::<Vec<_>>(),
            [(1, 1, "loan[1].annual_rate"), (3, 1, "loan[1].anual_rate")]
        );
        // The misspelt key is the warning, marked as one, naming the key it most likely meant.
        assert!(
            d[1].message.get(Lang::En).contains("annual_rate"),
            "{}",
            d[1].message.get(Lang::En)
        );
        assert_ne!(d[1].message.get(Lang::En), d[0].message.get(Lang::En));
    }

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_file() {
        let (p, w) = accepted("\u{feff}[settings]\nlang = \"en\"\n");
        assert_eq!(p.settings.lang, Some(Lang::En));
        assert!(w.is_empty() && p.loans.is_empty());
    }

    #[test]
    fn a_platforms_file_is_the_users_own_only_when_said() {
        let src = "[platforms.p]\nname = \"P\"\n\n[[platforms.p.stages]]\nkind = \"legal\"\nday = 90\nbasis = \"article\"\nsource = \"合同\"\n";
        let asset = parse_platforms(src, false).unwrap();
        assert_eq!(
            (asset[0].from_user, asset[0].stages[0].basis),
            (false, Basis::Article)
        );
        let user = parse_platforms(src, true).unwrap();
        assert_eq!(
            (user[0].from_user, user[0].stages[0].basis),
            (true, Basis::User)
        );
        assert_eq!(user[0].stages[0].day, Some(90));
    }
}
