//! How an entry is written in TOML: its keys and values in order, appended to its loan's list
//! (a table after the last one, or a line of its own in an inline array) with every other byte of
//! the file kept.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::i18n::{Text, outcome, phrases as ph};
use crate::model::Edit;

impl Edit {
    /// The loan's key this edit appends to.
    fn key(&self) -> &'static str {
        match self {
            Edit::Pay { .. } => "payments",
            Edit::Log { .. } => "log",
            Edit::Extend { .. } => "extensions",
            Edit::PayPenalty { .. } => "payments",
            Edit::Agree { .. } => "agreements",
            Edit::Promise { .. } => "promises",
            Edit::Settle { .. } => "settlement",
        }
    }

    /// The entry's keys and values, in the order they are written.
    fn fields(&self) -> Vec<(&'static str, Value)> {
        match self {
            Edit::Pay { date, amount, .. } => vec![
                ("date", date_value(*date)),
                ("amount", literal(&amount.to_string())),
            ],
            Edit::Log { entry: e, .. } => {
                let mut out = vec![("date", date_value(e.date))];
                if let Some(t) = e.time {
                    out.push(("time", literal(&t.format("%H:%M:%S").to_string())));
                }
                out.push(("kind", literal(&basic_string(e.kind.key()))));
                if let Some(w) = &e.who {
                    out.push(("who", literal(&basic_string(w))));
                }
                if let Some(c) = e.channel {
                    out.push(("channel", literal(&basic_string(c.key()))));
                }
                if let Some(c) = &e.caller {
                    out.push(("caller", literal(&basic_string(c))));
                }
                if !e.flags.is_empty() {
                    let list: Vec<String> = e.flags.iter().map(|f| basic_string(f.key())).collect();
                    out.push(("flags", literal(&format!("[{}]", list.join(", ")))));
                }
                out.push(("text", literal(&basic_string(&e.text))));
                out
            }
            Edit::Extend {
                installment, due, ..
            } => vec![
                ("installment", Value::from(i64::from(*installment))),
                ("due", date_value(*due)),
            ],
            Edit::PayPenalty { date, amount, .. } => vec![
                ("date", date_value(*date)),
                ("amount", literal(&amount.to_string())),
                ("kind", literal(&basic_string("penalty"))),
            ],
            Edit::Agree { agreement: a, .. } => {
                let mut out = vec![
                    ("date", date_value(a.date)),
                    ("from", date_value(a.from)),
                    ("months", Value::from(i64::from(a.months))),
                    ("amount", literal(&a.amount.to_string())),
                ];
                if let Some(t) = a.total {
                    out.push(("total", literal(&t.to_string())));
                }
                if a.stop_interest {
                    out.push(("stop_interest", Value::from(true)));
                }
                if a.waive_penalty {
                    out.push(("waive_penalty", Value::from(true)));
                }
                if let Some(r) = &a.reference {
                    out.push(("ref", literal(&basic_string(r))));
                }
                if let Some(t) = &a.text {
                    out.push(("text", literal(&basic_string(t))));
                }
                out
            }
            Edit::Promise { promise: p, .. } => {
                let mut out = vec![
                    ("date", date_value(p.date)),
                    ("by", date_value(p.by)),
                    ("amount", literal(&p.amount.to_string())),
                ];
                if let Some(t) = &p.to {
                    out.push(("to", literal(&basic_string(t))));
                }
                if let Some(t) = &p.text {
                    out.push(("text", literal(&basic_string(t))));
                }
                out
            }
            Edit::Settle { settlement: st, .. } => {
                let mut out = vec![
                    ("date", date_value(st.date)),
                    ("amount", literal(&st.amount.to_string())),
                ];
                if let Some(r) = &st.reference {
                    out.push(("ref", literal(&basic_string(r))));
                }
                out
            }
        }
    }
}

/// The file's text with the edit's entry appended to its loan; every other byte kept.
/// The BOM and CRLF line endings are kept; a file with both CRLF and LF endings is refused
/// rather than have its endings changed.
pub fn edit_text(text: &str, edit: &Edit) -> Result<String, Text> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let crlf_count = body.matches("\r\n").count();
    let lf_count = body.matches('\n').count();
    let crlf = crlf_count > 0;
    if crlf && crlf_count != lf_count {
        return Err(ph::mixed_line_endings());
    }
    let mut body = if crlf {
        body.replace("\r\n", "\n")
    } else {
        body.to_string()
    };
    // toml_edit ends the last line; do it first so every existing line stays as it is.
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e: toml_edit::TomlError| ph::toml_syntax(Some(e.message().trim())))?;
    if doc.to_string() != body {
        return Err(ph::cannot_edit_without_rewriting());
    }
    append(&mut doc, edit)?;
    let mut out = doc.to_string();
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    Ok(format!("{bom}{out}"))
}

enum LoanMut<'a> {
    Table(&'a mut Table),
    Inline(&'a mut InlineTable),
}

fn has_id(t: &dyn toml_edit::TableLike, id: &str) -> bool {
    t.get("id").and_then(|i| i.as_str()) == Some(id)
}

fn find_loan<'a>(doc: &'a mut DocumentMut, id: &str) -> Option<LoanMut<'a>> {
    match doc.get_mut("loan")? {
        Item::ArrayOfTables(a) => a.iter_mut().find(|t| has_id(*t, id)).map(LoanMut::Table),
        Item::Table(t) if has_id(t, id) => Some(LoanMut::Table(t)),
        Item::Value(Value::Array(arr)) => arr
            .iter_mut()
            .filter_map(|v| v.as_inline_table_mut())
            .find(|t| has_id(*t, id))
            .map(LoanMut::Inline),
        _ => None,
    }
}

fn append(doc: &mut DocumentMut, edit: &Edit) -> Result<(), Text> {
    let id = edit.id();
    let key = edit.key();
    let single = || ph::single_table(id, key);
    if let Edit::Settle { .. } = edit {
        // One key on the loan itself, never a list: refused when it is there already.
        let entry = Value::InlineTable(entry_inline(edit));
        return match find_loan(doc, id).ok_or_else(|| ph::no_loan_with_id(id, &[]))? {
            LoanMut::Table(t) if !t.contains_key(key) => {
                t.insert(key, Item::Value(entry));
                Ok(())
            }
            LoanMut::Inline(t) if !t.contains_key(key) => {
                t.insert(key, entry);
                Ok(())
            }
            _ => Err(outcome::already_settled(id)),
        };
    }
    match find_loan(doc, id).ok_or_else(|| ph::no_loan_with_id(id, &[]))? {
        LoanMut::Table(t) => match t.get_mut(key) {
            None => {
                let mut a = ArrayOfTables::new();
                a.push(entry_table(edit));
                t.insert(key, Item::ArrayOfTables(a));
            }
            Some(Item::ArrayOfTables(a)) => a.push(entry_table(edit)),
            Some(Item::Value(Value::Array(arr))) => push_inline(arr, entry_inline(edit)),
            Some(_) => return Err(single()),
        },
        LoanMut::Inline(t) => match t.get_mut(key) {
            None => {
                let mut arr = Array::new();
                arr.push(entry_inline(edit));
                t.insert(key, Value::Array(arr));
            }
            Some(Value::Array(arr)) => push_inline(arr, entry_inline(edit)),
            Some(_) => return Err(single()),
        },
    }
    Ok(())
}

fn entry_table(edit: &Edit) -> Table {
    let mut t = Table::new();
    for (k, v) in edit.fields() {
        t.insert(k, Item::Value(v));
    }
    t
}

fn entry_inline(edit: &Edit) -> InlineTable {
    let mut t = InlineTable::new();
    for (k, v) in edit.fields() {
        t.insert(k, v);
    }
    t
}

/// Append to an inline array. In an array written one element a line, the new element gets a
/// line of its own with the same indent, after any comment on the last line, so no existing
/// line changes (except that a last element without a trailing comma gains one).
fn push_inline(arr: &mut Array, entry: InlineTable) {
    let mut value = Value::InlineTable(entry);
    let Some(last) = arr.len().checked_sub(1) else {
        arr.push(value);
        return;
    };
    let raw = |r: Option<&toml_edit::RawString>| {
        r.and_then(|r| r.as_str()).unwrap_or_default().to_string()
    };
    let (last_prefix, last_suffix) = match arr.get(last) {
        Some(v) => (raw(v.decor().prefix()), raw(v.decor().suffix())),
        None => (String::new(), String::new()),
    };
    let trailing = arr.trailing().as_str().unwrap_or_default().to_string();
    let tail = if arr.trailing_comma() {
        trailing
    } else {
        format!("{last_suffix}{trailing}")
    };
    let Some(nl) = tail.rfind('\n') else {
        arr.push(value);
        return;
    };
    let (head, close_indent) = tail.split_at(nl + 1);
    let indent = match last_prefix.rfind('\n') {
        Some(i) => last_prefix[i + 1..].to_string(),
        None => "  ".to_string(),
    };
    if !arr.trailing_comma()
        && let Some(v) = arr.get_mut(last)
    {
        v.decor_mut().set_suffix("");
    }
    value.decor_mut().set_prefix(format!("{head}{indent}"));
    value.decor_mut().set_suffix("");
    arr.push_formatted(value);
    arr.set_trailing(format!("\n{close_indent}"));
}

fn date_value(d: NaiveDate) -> Value {
    // Years outside 0..=9999 cannot be written as a TOML date; chrono's own text is then refused
    // by the check that follows the edit.
    literal(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// A value from its TOML text. Every caller passes text it built to be valid; the fallback keeps
/// this panic-free, and the schema check after the edit would refuse it.
fn literal(text: &str) -> Value {
    text.parse::<Value>()
        .unwrap_or_else(|_| Value::from(text.to_string()))
}

/// A one-line TOML basic string, so a log text never spreads over several lines.
fn basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(id: &str, date: &str, amount: &str) -> Edit {
        Edit::Pay {
            id: id.into(),
            date: date.parse().unwrap(),
            amount: amount.parse().unwrap(),
        }
    }

    #[test]
    fn appends_a_table_after_the_loans_last_payment() {
        let src = "[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-01-01 # c\namount = 1\n# about b\n\n[[loan]]\nid = \"b\"\n";
        let out = edit_text(src, &pay("a", "2026-02-01", "2.50")).unwrap();
        assert_eq!(
            out,
            "[[loan]]\nid = \"a\"\n\n[[loan.payments]]\ndate = 2026-01-01 # c\namount = 1\n\n[[loan.payments]]\ndate = 2026-02-01\namount = 2.50\n# about b\n\n[[loan]]\nid = \"b\"\n"
        );
    }

    #[test]
    fn multi_line_inline_array_gets_a_line_of_its_own() {
        let src = "[[loan]]\nid = \"a\"\npayments = [\n    { date = 2026-01-01, amount = 1 }, # first\n]\n";
        let out = edit_text(src, &pay("a", "2026-02-01", "2")).unwrap();
        assert_eq!(
            out,
            "[[loan]]\nid = \"a\"\npayments = [\n    { date = 2026-01-01, amount = 1 }, # first\n    { date = 2026-02-01, amount = 2 },\n]\n"
        );
        let src = "[[loan]]\nid = \"a\"\npayments = [\n  { date = 2026-01-01, amount = 1 }\n]\n";
        let out = edit_text(src, &pay("a", "2026-02-01", "2")).unwrap();
        assert_eq!(
            out,
            "[[loan]]\nid = \"a\"\npayments = [\n  { date = 2026-01-01, amount = 1 },\n  { date = 2026-02-01, amount = 2 }\n]\n"
        );
    }

    #[test]
    fn log_text_stays_on_one_line() {
        assert_eq!(
            basic_string("a\"b\\c\nd\u{1}"),
            "\"a\\\"b\\\\c\\nd\\u0001\""
        );
        let v = literal(&basic_string("第一行\n\"二\""));
        assert_eq!(v.as_str(), Some("第一行\n\"二\""));
    }
}
