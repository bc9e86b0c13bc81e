//! Writes that are more than one entry appended to one loan: a whole new loan (`repaydash add`),
//! the installments paid before today in one go (`pay --through`, `add --paid-through`). They
//! keep every promise `write::apply` keeps: the lock from the read to the rename, the previous
//! bytes as `FILE.bak`, one undo, every existing byte of the file as it was, and a file that
//! `validate` accepts (the new text is parsed with the file's own rules before it is written).

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::held::{bad, hold, problems, quoted};
use super::write::{self, Edit, ErrorKind, Recorded, WriteError};
use super::{Diagnostic, Source, schema};
use crate::engine::{Ledger, schedule};
use crate::i18n::{Text, loansin as lt, phrases as ph};
use crate::model::{Bill, Contact, Loan, Method, Payment, Policy, Portfolio, Rate};

// In-place changes to a loan live in `store::change`; named here too, where callers look.
pub use super::change::{LoanInfo, edit_line, remove_entry, set_archived, set_info};

/// A loan as `add` (flags or prompts) or the dashboard's form describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLoan {
    /// None: a slug of the name, else of the platform, made unique in the file.
    pub id: Option<String>,
    /// None: the display name is platform + product.
    pub name: Option<String>,
    pub platform: String,
    pub product: Option<String>,
    pub terms: NewTerms,
    pub contacts: Vec<Contact>,
    /// Installments 1..N already paid in full on their due dates.
    pub paid_through: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NewTerms {
    Amortized {
        principal: Decimal,
        method: Method,
        /// None only for fixed_fee, which is priced by its fee.
        rate: Option<Rate>,
        fee_rate: Option<Decimal>,
        term: u32,
        start_date: NaiveDate,
        /// None: the drawdown date's day.
        due_day: Option<u32>,
    },
    Bills(Vec<Bill>),
}

fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl NewLoan {
    /// The `[[loan]]` block as written to the file, with `id`. Keys people change later first;
    /// `start_date` closes the keys, as the template asks, before any table that follows.
    pub fn block(&self, id: &str, payments: &[Payment]) -> String {
        let mut out = format!("[[loan]]\nid = {}\n", quoted(id));
        if let Some(n) = &self.name {
            out.push_str(&format!("name = {}\n", quoted(n)));
        }
        out.push_str(&format!("platform = {}\n", quoted(&self.platform)));
        if let Some(p) = &self.product {
            out.push_str(&format!("product = {}\n", quoted(p)));
        }
        if !self.contacts.is_empty() {
            out.push_str("contacts = [\n");
            for c in &self.contacts {
                let mut parts = vec![format!("name = {}", quoted(&c.name))];
                if let Some(r) = &c.relation {
                    parts.push(format!("relation = {}", quoted(r)));
                }
                if let Some(p) = &c.phone {
                    parts.push(format!("phone = {}", quoted(p)));
                }
                if let Some(g) = &c.greeting {
                    parts.push(format!("greeting = {}", quoted(g)));
                }
                out.push_str(&format!("  {{ {} }},\n", parts.join(", ")));
            }
            out.push_str("]\n");
        }
        match &self.terms {
            NewTerms::Amortized {
                principal,
                method,
                rate,
                fee_rate,
                term,
                start_date,
                due_day,
            } => {
                out.push_str(&format!("principal = {principal}\n"));
                match rate {
                    Some(Rate::Annual(a)) => {
                        out.push_str(&format!("annual_rate = {}\n", number(*a)))
                    }
                    Some(Rate::Daily(d)) => out.push_str(&format!("daily_rate = {}\n", number(*d))),
                    None => {}
                }
                if let Some(f) = fee_rate {
                    out.push_str(&format!("fee_rate = {}\n", number(*f)));
                }
                if let Some(d) = due_day {
                    out.push_str(&format!("due_day = {d}\n"));
                }
                out.push_str(&format!("method = {}\n", quoted(method.key())));
                out.push_str(&format!("term = {term}\n"));
                out.push_str(&format!("start_date = {}\n", date(*start_date)));
            }
            NewTerms::Bills(bills) => {
                for b in bills {
                    out.push_str(&format!(
                        "\n[[loan.installments]]\ndue = {}\namount = {}\n",
                        date(b.due),
                        b.amount
                    ));
                }
            }
        }
        for p in payments {
            out.push_str(&format!(
                "\n[[loan.payments]]\ndate = {}\namount = {}\n",
                date(p.date),
                p.amount
            ));
        }
        out
    }

    /// The loan as the file's rules read it, alone: what the preview shows, and the first check
    /// (each problem names the key it is about, for the flag or the prompt that gave it).
    pub fn model(&self, builtin: &[Policy], platforms: &[Policy]) -> Result<Loan, Vec<Diagnostic>> {
        let mut text = self.block(self.id.as_deref().unwrap_or("new"), &[]);
        text.push('\n');
        // The user's own platforms too, so a name only the file defines is known here.
        let policies: Vec<Policy> = crate::model::merged(platforms, builtin).cloned().collect();
        let parsed = schema::parse_portfolio(&text, &policies)?;
        parsed
            .portfolio
            .loans
            .into_iter()
            .next()
            .ok_or_else(Vec::new)
    }
}

/// Lowercase ASCII letters and digits, any run of other characters as one `-`: `Jie Bei` →
/// `jie-bei`; a name in Chinese gives nothing, and the platform's key is used instead.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars().take(32).collect::<String>()
}

/// `base`, else `base-2`, `base-3`… : the first id no loan in `p` has.
pub fn free_id(base: &str, p: &Portfolio) -> String {
    let base = if base.is_empty() { "loan" } else { base };
    if p.loan(base).is_none() {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| p.loan(id).is_none())
        .unwrap_or_else(|| base.to_string())
}

/// The id a new loan gets when none is given: a slug of its name, else of what was written as
/// the platform, else the platform's key (`alipay` for 借呗).
pub fn default_id(new: &NewLoan, resolved_platform: &str, p: &Portfolio) -> String {
    let base = [
        new.name.as_deref().map(slug),
        Some(slug(&new.platform)),
        Some(slug(resolved_platform)),
    ]
    .into_iter()
    .flatten()
    .find(|s| !s.is_empty())
    .unwrap_or_default();
    free_id(&base, p)
}

/// Installments 1..=n of a loan as payments in full on their due dates, less what is already
/// paid on each. Refused when installment n is not due yet on `today` or does not exist.
pub fn payments_through(
    loan: &Loan,
    n: u32,
    today: NaiveDate,
    alert_days: u32,
) -> Result<Vec<Payment>, WriteError> {
    if n == 0 {
        return Err(bad(lt::through_zero()));
    }
    let ledger = Ledger::compute(loan, schedule::installments(loan), today, alert_days);
    let count = u32::try_from(ledger.installments.len()).unwrap_or(u32::MAX);
    if n > count {
        return Err(bad(ph::no_such_installment(&loan.id, count, n)));
    }
    let mut out = vec![];
    for s in ledger.installments.iter().filter(|s| s.inst.n <= n) {
        if s.inst.due_date > today {
            return Err(bad(lt::through_not_yet_due(
                s.inst.n,
                s.inst.due_date,
                today,
            )));
        }
        let unpaid = s.unpaid();
        if unpaid > Decimal::ZERO {
            out.push(Payment {
                date: s.inst.due_date,
                amount: unpaid,
            });
        }
    }
    if out.is_empty() {
        return Err(bad(lt::through_already_paid(&loan.id, n)));
    }
    Ok(out)
}

/// `text` with `block` added at its end after a blank line, in the file's line endings.
fn appended(text: &str, block: &str) -> String {
    let crlf = text.contains("\r\n");
    let nl = if crlf { "\r\n" } else { "\n" };
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    if !out.trim().is_empty() {
        out.push_str(nl);
    }
    if crlf {
        out.push_str(&block.replace('\n', "\r\n"));
    } else {
        out.push_str(block);
    }
    out
}

/// What `add` wrote: the file as it is now, the id given and the payments recorded with it.
#[derive(Debug, Clone)]
pub struct Added {
    pub recorded: Recorded,
    pub id: String,
    pub paid: Vec<Payment>,
}

/// Add a loan at the end of the file (creating the file when there is none).
pub fn add(
    source: &Source,
    builtin: &[Policy],
    new: &NewLoan,
    today: NaiveDate,
) -> Result<Added, WriteError> {
    let held = hold(source, true)?;
    let old = held.parse_old(builtin)?;
    let shown = held.shown.clone();
    let alone = new
        .model(builtin, &old.portfolio.platforms)
        .map_err(|d| problems(ph::file_has_problems(false), &d, "--"))?;
    let id = match &new.id {
        Some(id) => {
            if old.portfolio.loan(id).is_some() {
                return Err(bad(lt::id_taken(id, &shown)));
            }
            id.clone()
        }
        None => default_id(new, &alone.platform, &old.portfolio),
    };
    let mut loan = alone;
    loan.id = id.clone();
    let paid = match new.paid_through {
        Some(n) => payments_through(&loan, n, today, old.portfolio.settings.alert_days)?,
        None => vec![],
    };
    let new_text = appended(held.text()?, &new.block(&id, &paid));
    let prepared = held.stage(new_text, builtin)?;
    let recorded = prepared.finish()?;
    Ok(Added { recorded, id, paid })
}

/// `pay ID --through N`: installments 1..N paid in full on their due dates, one write.
pub fn pay_through(
    source: &Source,
    builtin: &[Policy],
    id: &str,
    n: u32,
    today: NaiveDate,
) -> Result<(Recorded, Vec<Payment>), WriteError> {
    let held = hold(source, false)?;
    let old = held.parse_old(builtin)?;
    let Some(loan) = old.portfolio.loan(id) else {
        let ids: Vec<&str> = old.portfolio.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(bad(ph::no_loan_with_id(id, &ids)));
    };
    let paid = payments_through(loan, n, today, old.portfolio.settings.alert_days)?;
    // Each payment under the same rules as `pay`, on the loan as the ones before it leave it.
    let mut portfolio = old.portfolio.clone();
    let mut text = held.text()?.to_string();
    for p in &paid {
        let edit = Edit::Pay {
            id: id.to_string(),
            date: p.date,
            amount: p.amount,
        };
        write::check_entry(&portfolio, &edit, today)?;
        if let Some(l) = portfolio.loans.iter_mut().find(|l| l.id == id) {
            l.payments.push(p.clone());
        }
        text = write::edit_text(&text, &edit).map_err(|m| WriteError::new(ErrorKind::Unsafe, m))?;
    }
    let prepared = held.stage(text, builtin)?;
    Ok((prepared.finish()?, paid))
}

/// The template as `init` writes it on `today`: its example loan drawn today (so its first bill
/// is a month away, never overdue on the first screen), and `lang` left to the locale.
pub fn template_on(today: NaiveDate) -> String {
    super::TEMPLATE
        .lines()
        .map(|l| {
            if l.starts_with("start_date = ") {
                let rest = l.split_once('#').map(|(_, c)| c).unwrap_or_default();
                let head = format!("start_date = {}", date(today));
                format!("{head:<30}#{rest}")
            } else if l.starts_with("lang = ") {
                format!("# {l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// `init`: write the dated template to `path`; never over an existing file.
pub fn init_on(path: &Path, today: NaiveDate) -> Result<(), Text> {
    let shown = path.display().to_string();
    if path.exists() {
        return Err(ph::already_exists(&shown));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| ph::io_error(&dir.display().to_string(), e))?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    // Private from the first byte: it will hold debts and other people's phone numbers.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path).map_err(|e| ph::io_error(&shown, e))?;
    std::io::Write::write_all(&mut f, template_on(today).as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| ph::io_error(&shown, e))
}
