//! Getting a loan in: `repaydash add`'s values, from flags (`from_flags`) or asked one at a time
//! (`prompt`), read by `crate::input` and checked by the file's own rules (`check`) before
//! `store::add` writes them. Every refusal names the flag (or the question) it is about.

pub mod prompt;

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::cli::AddArgs;
use crate::i18n::{Text, loansin as lt, phrases as ph};
use crate::input;
use crate::model::{Bill, Contact, Loan, Method, Policy, Rate};
use crate::store::add::{NewLoan, NewTerms};

/// The flags a loan cannot be written without, as they are spelt on the command line.
pub fn missing(a: &AddArgs) -> Vec<&'static str> {
    let mut out = vec![];
    if a.platform.is_none() {
        out.push("--platform");
    }
    if !a.bill.is_empty() {
        return out;
    }
    for (v, flag) in [
        (&a.principal, "--principal"),
        (&a.method, "--method"),
        (&a.term, "--term"),
        (&a.start, "--start"),
    ] {
        if v.is_none() {
            out.push(flag);
        }
    }
    let fixed_fee = a.method.as_deref().map(str::trim) == Some(Method::FixedFee.key());
    if fixed_fee {
        if a.fee_rate.is_none() {
            out.push("--fee-rate");
        }
    } else if a.annual_rate.is_none() && a.daily_rate.is_none() {
        out.push("--annual-rate (--daily-rate)");
    }
    out
}

fn on(flag: &str, r: Result<impl Sized, Text>) -> Result<(), Text> {
    r.map(|_| ()).map_err(|e| ph::for_argument(flag, &e))
}

/// A percentage as people write it: `18`, `18%`, `0.05`.
pub fn percent(s: &str) -> Result<Decimal, Text> {
    let t = s.trim().trim_end_matches(['%', '％']).trim();
    Decimal::from_str(t).map_err(|_| lt::not_a_percent(s.trim()))
}

/// A whole number from `lo` to `hi`.
pub fn whole(s: &str, lo: u32, hi: u32) -> Result<u32, Text> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (lo..=hi).contains(n))
        .ok_or_else(|| lt::whole_number(s.trim(), lo, hi))
}

pub fn method(s: &str) -> Result<Method, Text> {
    Method::from_key(s.trim()).ok_or_else(|| {
        let all: Vec<&str> = Method::ALL.iter().map(|m| m.key()).collect();
        ph::unknown_method(s.trim(), &all)
    })
}

pub fn date(s: &str) -> Result<NaiveDate, Text> {
    input::date(s).map_err(|e| e.text())
}

pub fn amount(s: &str) -> Result<Decimal, Text> {
    input::amount(s).map_err(|e| e.text())
}

/// `2026-12-09:3200`.
pub fn bill(s: &str) -> Result<Bill, Text> {
    let (d, a) = s
        .trim()
        .split_once([':', '：', '='])
        .ok_or_else(|| lt::bill_format(s.trim()))?;
    Ok(Bill {
        due: date(d)?,
        amount: amount(a)?,
    })
}

/// `王小明,同事,13800000001`; relation and phone may be left out. A fourth part is how a
/// message to them opens (`greeting`); it takes the rest of the text, commas and all.
pub fn contact(s: &str) -> Result<Contact, Text> {
    let parts: Vec<&str> = s.splitn(4, [',', '，']).map(str::trim).collect();
    let opt = |i: usize| {
        parts
            .get(i)
            .filter(|p| !p.is_empty())
            .map(|p| p.to_string())
    };
    match parts.first() {
        Some(name) if !name.is_empty() => Ok(Contact {
            name: name.to_string(),
            relation: opt(1),
            phone: opt(2),
            greeting: opt(3),
        }),
        _ => Err(lt::contact_format(s.trim())),
    }
}

fn some_text(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The loan the flags describe; `missing` must be empty. A value that cannot be read is refused
/// naming its flag.
pub fn from_flags(a: &AddArgs) -> Result<NewLoan, Text> {
    let fail = |flag: &str, e: Text| ph::for_argument(flag, &e);
    let has_terms =
        a.principal.is_some() || a.method.is_some() || a.term.is_some() || a.start.is_some();
    if !a.bill.is_empty() && has_terms {
        return Err(lt::bills_and_terms());
    }
    let terms = if a.bill.is_empty() {
        let method =
            method(a.method.as_deref().unwrap_or_default()).map_err(|e| fail("--method", e))?;
        let rate = match (&a.annual_rate, &a.daily_rate) {
            (Some(r), _) => Some(Rate::Annual(
                percent(r).map_err(|e| fail("--annual-rate", e))?,
            )),
            (None, Some(r)) => Some(Rate::Daily(
                percent(r).map_err(|e| fail("--daily-rate", e))?,
            )),
            (None, None) => None,
        };
        NewTerms::Amortized {
            principal: amount(a.principal.as_deref().unwrap_or_default())
                .map_err(|e| fail("--principal", e))?,
            method,
            rate,
            fee_rate: a
                .fee_rate
                .as_deref()
                .map(percent)
                .transpose()
                .map_err(|e| fail("--fee-rate", e))?,
            term: whole(
                a.term.as_deref().unwrap_or_default(),
                1,
                crate::store::schema::MAX_TERM,
            )
            .map_err(|e| fail("--term", e))?,
            start_date: date(a.start.as_deref().unwrap_or_default())
                .map_err(|e| fail("--start", e))?,
            due_day: a
                .due_day
                .as_deref()
                .map(|d| whole(d, 1, 31))
                .transpose()
                .map_err(|e| fail("--due-day", e))?,
        }
    } else {
        let bills = a
            .bill
            .iter()
            .map(|b| bill(b).map_err(|e| fail("--bill", e)))
            .collect::<Result<Vec<_>, _>>()?;
        NewTerms::Bills(bills)
    };
    let contacts = a
        .contact
        .iter()
        .map(|c| contact(c).map_err(|e| fail("--contact", e)))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(id) = some_text(&a.id) {
        on(
            "--id",
            if crate::store::schema::valid_id(&id) {
                Ok(())
            } else {
                Err(ph::id_malformed(&id))
            },
        )?;
    }
    Ok(NewLoan {
        id: some_text(&a.id),
        name: some_text(&a.name),
        platform: some_text(&a.platform).unwrap_or_else(|| "generic".into()),
        product: some_text(&a.product),
        terms,
        contacts,
        paid_through: a.paid_through.filter(|n| *n > 0),
    })
}

/// The flag (or question) a key of the file is given by.
pub fn flag_of(key: &str) -> &'static str {
    let last = key.rsplit('.').next().unwrap_or(key);
    let last = last.split('[').next().unwrap_or(last);
    if key.contains("installments") {
        return "--bill";
    }
    if key.contains("contacts") {
        return "--contact";
    }
    match last {
        "id" => "--id",
        "name" => "--name",
        "platform" => "--platform",
        "product" => "--product",
        "principal" => "--principal",
        "annual_rate" => "--annual-rate",
        "daily_rate" => "--daily-rate",
        "fee_rate" => "--fee-rate",
        "method" => "--method",
        "term" => "--term",
        "start_date" => "--start",
        "due_day" => "--due-day",
        _ => "add",
    }
}

/// The new loan read by the file's rules, alone: its model for the preview, or every problem,
/// each naming its flag, in the file's words.
pub fn check(new: &NewLoan, builtin: &[Policy], platforms: &[Policy]) -> Result<Loan, Text> {
    new.model(builtin, platforms).map_err(|diags| {
        let each: Vec<Text> = diags
            .iter()
            .map(|d| ph::for_argument(flag_of(&d.key), &d.message))
            .collect();
        Text::by_lang(|lang| {
            let lines: Vec<&str> = each.iter().map(|t| t.get(lang)).collect();
            lines.join("\n")
        })
    })
}
