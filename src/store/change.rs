//! Changes to a loan already in the file, in place: archive it, take one entry out, set the
//! fields people change most (name, budget, hardship, contacts). Every other byte of the file
//! stays as it was; the same lock, backup and undo as every write.

use rust_decimal::Decimal;

use super::held::{bad, hold, problems, quoted};
use super::write::{ErrorKind, Recorded, WriteError};
use super::{Source, schema};
use crate::i18n::{loansin as lt, phrases as ph};
use crate::model::{Contact, Policy};

/// `archive ID` / `unarchive ID`: `archived = true` set on the loan, or the key taken out; every
/// other byte of the file as it was.
pub fn set_archived(
    source: &Source,
    builtin: &[Policy],
    id: &str,
    archived: bool,
) -> Result<Recorded, WriteError> {
    let held = hold(source, false)?;
    let old = held.parse_old(builtin)?;
    let Some(loan) = old.portfolio.loan(id) else {
        let ids: Vec<&str> = old.portfolio.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(bad(ph::no_loan_with_id(id, &ids)));
    };
    if loan.archived == archived {
        return Err(bad(lt::already_archived(id, archived)));
    }
    let text = held.text()?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(ph::toml_syntax(Some(e.message().trim()))))?;
    if doc.to_string() != text {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::cannot_edit_without_rewriting(),
        ));
    }
    let has_id = |t: &dyn toml_edit::TableLike| t.get("id").and_then(|i| i.as_str()) == Some(id);
    let found = match doc.get_mut("loan") {
        Some(toml_edit::Item::ArrayOfTables(a)) => a.iter_mut().find(|t| has_id(*t)).map(|t| {
            if archived {
                t.insert("archived", toml_edit::value(true));
            } else {
                t.remove("archived");
            }
        }),
        Some(toml_edit::Item::Value(toml_edit::Value::Array(arr))) => arr
            .iter_mut()
            .filter_map(|v| v.as_inline_table_mut())
            .find(|t| has_id(*t))
            .map(|t| {
                if archived {
                    t.insert("archived", toml_edit::Value::from(true));
                } else {
                    t.remove("archived");
                }
            }),
        _ => None,
    };
    if found.is_none() {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::cannot_edit_without_rewriting(),
        ));
    }
    let new_text = doc.to_string();
    // The new file must say what the old one said but for this one key.
    let check = schema::parse_portfolio(&new_text, builtin)
        .ok()
        .is_some_and(|p| {
            let mut after = p.portfolio.loans;
            if let Some(l) = after.iter_mut().find(|l| l.id == id) {
                l.archived = !archived;
            }
            after == old.portfolio.loans
        });
    if !check {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::edit_not_exact(&held.shown),
        ));
    }
    let prepared = held.stage(new_text, builtin)?;
    prepared.finish()
}

/// The line (1-based) an editor opens the file at for `edit [ID]`: the loan's `[[loan]]` line;
/// with no id, the first problem when the file has problems, else the top. None: no such loan.
pub fn edit_line(text: &str, id: Option<&str>, builtin: &[Policy]) -> Option<usize> {
    let line_of = |byte: usize| text[..byte.min(text.len())].matches('\n').count() + 1;
    match id {
        Some(id) => {
            if let Some(r) = super::segment::loan_range(text, id) {
                // The range may start with blank lines or comments before the header.
                let part = &text[r.clone()];
                let at = part.find("[[loan]]").unwrap_or(0);
                return Some(line_of(r.start + at));
            }
            // A file the fast reader cannot cut: the `id = "…"` line.
            let wanted = format!("id = {}", quoted(id));
            text.lines()
                .position(|l| l.trim_start().starts_with(&wanted))
                .map(|i| i + 1)
        }
        None => Some(match schema::parse_portfolio(text, builtin) {
            Err(d) => d.first().map(|d| d.line.max(1)).unwrap_or(1),
            Ok(_) => 1,
        }),
    }
}

/// Where the `index`-th entry of `key` sits in the file's list, given each entry's `kind`:
/// payments of kind `penalty` are not counted (the model lists them apart).
fn file_place<'a>(
    key: &str,
    index: usize,
    kinds: impl Iterator<Item = Option<&'a str>>,
) -> Option<usize> {
    kinds
        .enumerate()
        .filter(|(_, k)| key != "payments" || *k != Some("penalty"))
        .nth(index)
        .map(|(i, _)| i)
}

/// Take one entry out of a loan: `key` is `payments`, `log` or `extensions`, `index` its place
/// in that list (0-based, in file order). One write, undone by `undo`; every other byte kept.
pub fn remove_entry(
    source: &Source,
    builtin: &[Policy],
    id: &str,
    key: &str,
    index: usize,
) -> Result<Recorded, WriteError> {
    let held = hold(source, false)?;
    let old = held.parse_old(builtin)?;
    let Some(loan) = old.portfolio.loan(id) else {
        let ids: Vec<&str> = old.portfolio.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(bad(ph::no_loan_with_id(id, &ids)));
    };
    let mut expected = loan.clone();
    let exists = match key {
        "payments" if index < expected.payments.len() => {
            expected.payments.remove(index);
            true
        }
        "log" if index < expected.log.len() => {
            expected.log.remove(index);
            true
        }
        "extensions" if index < expected.extensions.len() => {
            expected.extensions.remove(index);
            true
        }
        _ => false,
    };
    if !exists {
        return Err(bad(lt::no_such_entry(id, key, index + 1)));
    }
    let text = held.text()?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(ph::toml_syntax(Some(e.message().trim()))))?;
    if doc.to_string() != text {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::cannot_edit_without_rewriting(),
        ));
    }
    let has_id = |t: &dyn toml_edit::TableLike| t.get("id").and_then(|i| i.as_str()) == Some(id);
    let removed = match doc.get_mut("loan") {
        Some(toml_edit::Item::ArrayOfTables(a)) => {
            a.iter_mut()
                .find(|t| has_id(*t))
                .and_then(|t| match t.get_mut(key) {
                    // The model keeps penalty payments apart, so the index counts only the
                    // others: the file's place is the index-th payment that is not a penalty.
                    Some(toml_edit::Item::ArrayOfTables(list)) => {
                        let at = file_place(
                            key,
                            index,
                            list.iter().map(|t| t.get("kind").and_then(|k| k.as_str())),
                        )?;
                        list.remove(at);
                        Some(())
                    }
                    Some(toml_edit::Item::Value(toml_edit::Value::Array(list))) => {
                        let at = file_place(
                            key,
                            index,
                            list.iter().map(|v| {
                                v.as_inline_table()
                                    .and_then(|t| t.get("kind"))
                                    .and_then(|k| k.as_str())
                            }),
                        )?;
                        list.remove(at);
                        Some(())
                    }
                    _ => None,
                })
        }
        _ => None,
    };
    if removed.is_none() {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::cannot_edit_without_rewriting(),
        ));
    }
    let new_text = doc.to_string();
    // The new file must say what the old one said but for this one entry.
    let exact = schema::parse_portfolio(&new_text, builtin)
        .ok()
        .is_some_and(|p| {
            p.portfolio.loans.len() == old.portfolio.loans.len()
                && p.portfolio
                    .loans
                    .iter()
                    .zip(&old.portfolio.loans)
                    .all(|(n, o)| if n.id == id { *n == expected } else { n == o })
        });
    if !exact {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::edit_not_exact(&held.shown),
        ));
    }
    let prepared = held.stage(new_text, builtin)?;
    prepared.finish()
}

/// What the dashboard's edit form (`i`) changes on a loan: its name, monthly budget, hardship
/// and contacts. None (or an empty list) takes the key out.
#[derive(Debug, Clone, PartialEq)]
pub struct LoanInfo {
    pub name: Option<String>,
    pub monthly_budget: Option<Decimal>,
    pub hardship: Option<String>,
    pub contacts: Vec<Contact>,
}

/// Set a loan's name, monthly budget, hardship and contacts as `info` says; every other byte of
/// the file as it was, checked by the file's rules, one write and one undo.
pub fn set_info(
    source: &Source,
    builtin: &[Policy],
    id: &str,
    info: &LoanInfo,
) -> Result<Recorded, WriteError> {
    let held = hold(source, false)?;
    let old = held.parse_old(builtin)?;
    let Some(loan) = old.portfolio.loan(id) else {
        let ids: Vec<&str> = old.portfolio.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(bad(ph::no_loan_with_id(id, &ids)));
    };
    let mut expected = loan.clone();
    expected.name = info.name.clone();
    expected.monthly_budget = info.monthly_budget;
    expected.hardship = info.hardship.clone();
    expected.contacts = info.contacts.clone();
    let text = held.text()?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| bad(ph::toml_syntax(Some(e.message().trim()))))?;
    if doc.to_string() != text {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::cannot_edit_without_rewriting(),
        ));
    }
    let contacts = || {
        let mut arr = toml_edit::Array::new();
        for c in &info.contacts {
            let mut t = toml_edit::InlineTable::new();
            t.insert("name", c.name.as_str().into());
            if let Some(r) = &c.relation {
                t.insert("relation", r.as_str().into());
            }
            if let Some(p) = &c.phone {
                t.insert("phone", p.as_str().into());
            }
            if let Some(g) = &c.greeting {
                t.insert("greeting", g.as_str().into());
            }
            let mut v = toml_edit::Value::InlineTable(t);
            v.decor_mut().set_prefix("\n  ");
            arr.push_formatted(v);
        }
        arr.set_trailing("\n");
        arr.set_trailing_comma(true);
        arr
    };
    let has_id = |t: &dyn toml_edit::TableLike| t.get("id").and_then(|i| i.as_str()) == Some(id);
    let table = match doc.get_mut("loan") {
        Some(toml_edit::Item::ArrayOfTables(a)) => a.iter_mut().find(|t| has_id(*t)),
        _ => None,
    };
    let Some(t) = table else {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::cannot_edit_without_rewriting(),
        ));
    };
    // Only what changed is touched, so an unchanged key keeps its comment and its place.
    if loan.name != info.name {
        match &info.name {
            Some(n) => {
                t.insert("name", toml_edit::value(n.as_str()));
            }
            None => {
                t.remove("name");
            }
        }
    }
    if loan.monthly_budget != info.monthly_budget {
        match info.monthly_budget {
            Some(b) => {
                let v: toml_edit::Value = b
                    .to_string()
                    .parse()
                    .unwrap_or_else(|_| toml_edit::Value::from(b.to_string()));
                t.insert("monthly_budget", toml_edit::Item::Value(v));
            }
            None => {
                t.remove("monthly_budget");
            }
        }
    }
    if loan.hardship != info.hardship {
        match &info.hardship {
            Some(h) => {
                t.insert("hardship", toml_edit::value(h.as_str()));
            }
            None => {
                t.remove("hardship");
            }
        }
    }
    if loan.contacts != info.contacts {
        if info.contacts.is_empty() {
            t.remove("contacts");
        } else {
            t.insert(
                "contacts",
                toml_edit::Item::Value(toml_edit::Value::Array(contacts())),
            );
        }
    }
    let new_text = doc.to_string();
    let parsed = schema::parse_portfolio(&new_text, builtin).map_err(|d| {
        WriteError::new(
            ErrorKind::BadInput,
            problems(ph::edit_would_invalidate(), &d, &held.shown).message,
        )
    })?;
    let exact = parsed.portfolio.loans.len() == old.portfolio.loans.len()
        && parsed
            .portfolio
            .loans
            .iter()
            .zip(&old.portfolio.loans)
            .all(|(n, o)| if n.id == id { *n == expected } else { n == o });
    if !exact {
        return Err(WriteError::new(
            ErrorKind::Unsafe,
            ph::edit_not_exact(&held.shown),
        ));
    }
    let prepared = held.stage(new_text, builtin)?;
    prepared.finish()
}
