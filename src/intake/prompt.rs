//! `repaydash add` on a terminal: one question a step, as `hledger add` asks, each with its
//! default in brackets (Enter accepts it), checked as it is answered, `<` (or Esc) for the step
//! before; then the preview and a confirmation. The questions go through `Ask`: `Prompts`
//! (the `inquire` crate, with completion of platform names) on a terminal, `Lines` (one plain
//! line an answer) when stdin is not one, so a script or a test can answer too.

use std::io::{BufRead, Write};

use chrono::{Datelike, NaiveDate};

use super::{amount, bill, contact, date, percent, whole};
use crate::cli::AddArgs;
use crate::i18n::{Lang, Text, loansin as lt};
use crate::knowledge::Policies;
use crate::model::{Contact, Method, Policy, Portfolio, Rate};
use crate::present::preview::Preview;
use crate::store::add::{self, NewLoan, NewTerms};

/// An answer, or the wish to go back a step.
pub enum Answer<T> {
    Given(T),
    Back,
}

/// How a question is put to the person.
pub trait Ask {
    /// A line of text, `check`ed until it passes; `default` is what Enter gives.
    fn text(
        &mut self,
        q: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), Text>,
        complete: &[String],
    ) -> Result<Answer<String>, Text>;
    /// One of `options`.
    fn choose(
        &mut self,
        q: &str,
        options: &[String],
        default: usize,
    ) -> Result<Answer<usize>, Text>;
    fn confirm(&mut self, q: &str, default: bool) -> Result<Answer<bool>, Text>;
    fn say(&mut self, line: &str);
}

/// Plain lines: the question with its default in brackets, one answer a line.
pub struct Lines<R, W> {
    pub input: R,
    pub output: W,
    pub lang: Lang,
}

impl<R: BufRead, W: Write> Lines<R, W> {
    fn line(&mut self, q: &str, default: Option<&str>) -> Result<String, Text> {
        let shown = match default {
            Some(d) if !d.is_empty() => format!("{q} [{d}]: "),
            _ => format!("{q}: "),
        };
        let _ = write!(self.output, "{shown}");
        let _ = self.output.flush();
        let mut s = String::new();
        match self.input.read_line(&mut s) {
            Ok(0) | Err(_) => Err(lt::input_ended()),
            Ok(_) => Ok(s.trim_end_matches(['\n', '\r']).to_string()),
        }
    }
}

impl<R: BufRead, W: Write> Ask for Lines<R, W> {
    fn text(
        &mut self,
        q: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), Text>,
        _complete: &[String],
    ) -> Result<Answer<String>, Text> {
        loop {
            let mut s = self.line(q, default)?;
            if s.trim() == "<" {
                return Ok(Answer::Back);
            }
            if s.trim().is_empty() {
                s = default.unwrap_or_default().to_string();
            }
            match check(&s) {
                Ok(()) => return Ok(Answer::Given(s)),
                Err(e) => {
                    let _ = writeln!(self.output, "  {}", e.get(self.lang));
                }
            }
        }
    }

    fn choose(
        &mut self,
        q: &str,
        options: &[String],
        default: usize,
    ) -> Result<Answer<usize>, Text> {
        for (i, o) in options.iter().enumerate() {
            let _ = writeln!(self.output, "  {}. {o}", i + 1);
        }
        let n = options.len() as u32;
        let d = (default + 1).to_string();
        match self.text(q, Some(&d), &|s| whole(s, 1, n).map(|_| ()), &[])? {
            Answer::Back => Ok(Answer::Back),
            Answer::Given(s) => Ok(Answer::Given(
                whole(&s, 1, n).map(|k| k as usize - 1).unwrap_or(default),
            )),
        }
    }

    fn confirm(&mut self, q: &str, default: bool) -> Result<Answer<bool>, Text> {
        let d = if default { "Y/n" } else { "y/N" };
        match self.text(q, Some(d), &|s| yes_no(s, default).map(|_| ()), &[])? {
            Answer::Back => Ok(Answer::Back),
            Answer::Given(s) => Ok(Answer::Given(yes_no(&s, default).unwrap_or(default))),
        }
    }

    fn say(&mut self, line: &str) {
        let _ = writeln!(self.output, "{line}");
    }
}

fn yes_no(s: &str, default: bool) -> Result<bool, Text> {
    let answer = s.trim().to_lowercase();
    let said = |key: &str| crate::model::words::accepted("answer", key).contains(&answer.as_str());
    if said("yes") {
        Ok(true)
    } else if said("no") {
        Ok(false)
    } else if matches!(answer.as_str(), "y/n" | "n/y" | "") {
        Ok(default)
    } else {
        Err(lt::yes_no(&answer))
    }
}

/// The `inquire` prompts, on a terminal.
pub struct Prompts {
    pub lang: Lang,
}

fn inquired<T>(r: Result<T, inquire::InquireError>) -> Result<Answer<T>, Text> {
    match r {
        Ok(v) => Ok(Answer::Given(v)),
        Err(inquire::InquireError::OperationCanceled) => Ok(Answer::Back),
        Err(_) => Err(lt::not_written()),
    }
}

impl Ask for Prompts {
    fn text(
        &mut self,
        q: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> Result<(), Text>,
        complete: &[String],
    ) -> Result<Answer<String>, Text> {
        let shown = match default {
            Some(d) if !d.is_empty() => format!("{q} [{d}]"),
            _ => q.to_string(),
        };
        let help = lt::prompt_help().get(self.lang).to_string();
        let default = default.unwrap_or_default().to_string();
        // inquire wants owned, 'static validators: the check runs here instead, asking again.
        loop {
            let names = complete.to_vec();
            let mut p = inquire::Text::new(&shown).with_help_message(&help);
            if !names.is_empty() {
                p = p.with_autocomplete(move |input: &str| {
                    let i = input.to_lowercase();
                    Ok(names
                        .iter()
                        .filter(|n| !i.is_empty() && n.to_lowercase().starts_with(&i))
                        .cloned()
                        .collect::<Vec<_>>())
                });
            }
            let mut s = match inquired(p.prompt())? {
                Answer::Back => return Ok(Answer::Back),
                Answer::Given(s) => s,
            };
            if s.trim() == "<" {
                return Ok(Answer::Back);
            }
            if s.trim().is_empty() {
                s = default.clone();
            }
            match check(&s) {
                Ok(()) => return Ok(Answer::Given(s)),
                Err(e) => eprintln!("  {}", e.get(self.lang)),
            }
        }
    }

    fn choose(
        &mut self,
        q: &str,
        options: &[String],
        default: usize,
    ) -> Result<Answer<usize>, Text> {
        let r = inquire::Select::new(q, options.to_vec())
            .with_starting_cursor(default)
            .raw_prompt()
            .map(|o| o.index);
        inquired(r)
    }

    fn confirm(&mut self, q: &str, default: bool) -> Result<Answer<bool>, Text> {
        inquired(inquire::Confirm::new(q).with_default(default).prompt())
    }

    fn say(&mut self, line: &str) {
        println!("{line}");
    }
}

/// The questions, in order; some are skipped for some answers.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Step {
    Platform,
    Product,
    Name,
    Method,
    Bills,
    Principal,
    RateKind,
    Rate,
    FeeRate,
    Term,
    Start,
    DueDay,
    Contacts,
    PaidThrough,
    Id,
    Confirm,
}

const ORDER: [Step; 16] = [
    Step::Platform,
    Step::Product,
    Step::Name,
    Step::Method,
    Step::Bills,
    Step::Principal,
    Step::RateKind,
    Step::Rate,
    Step::FeeRate,
    Step::Term,
    Step::Start,
    Step::DueDay,
    Step::Contacts,
    Step::PaidThrough,
    Step::Id,
    Step::Confirm,
];

/// What has been answered so far.
struct Draft {
    platform: String,
    product: String,
    name: String,
    /// None: a list of bills.
    method: Option<Method>,
    bills: Vec<crate::model::Bill>,
    principal: String,
    daily: bool,
    rate: String,
    fee_rate: String,
    term: String,
    start: String,
    due_day: String,
    contacts: Vec<Contact>,
    paid_through: String,
    id: String,
}

impl Draft {
    fn applies(&self, s: Step) -> bool {
        let bills = self.method.is_none();
        let fixed = self.method == Some(Method::FixedFee);
        match s {
            Step::Bills => bills,
            Step::Principal | Step::Term | Step::Start | Step::DueDay | Step::PaidThrough => !bills,
            Step::RateKind | Step::Rate => !bills && !fixed,
            Step::FeeRate => fixed,
            _ => true,
        }
    }

    fn loan(&self) -> Result<NewLoan, Text> {
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let terms = match self.method {
            None => NewTerms::Bills(self.bills.clone()),
            Some(method) => {
                let start = date(&self.start)?;
                let due_day = whole(&self.due_day, 1, 31)?;
                NewTerms::Amortized {
                    principal: amount(&self.principal)?,
                    method,
                    rate: match method {
                        Method::FixedFee => None,
                        _ if self.daily => Some(Rate::Daily(percent(&self.rate)?)),
                        _ => Some(Rate::Annual(percent(&self.rate)?)),
                    },
                    fee_rate: match method {
                        Method::FixedFee => Some(percent(&self.fee_rate)?),
                        _ => None,
                    },
                    term: whole(&self.term, 1, crate::store::schema::MAX_TERM)?,
                    start_date: start,
                    due_day: (due_day != start.day()).then_some(due_day),
                }
            }
        };
        Ok(NewLoan {
            id: opt(&self.id),
            name: opt(&self.name),
            platform: self.platform.trim().to_string(),
            product: opt(&self.product),
            terms,
            contacts: self.contacts.clone(),
            paid_through: whole(&self.paid_through, 0, 1200).ok().filter(|n| *n > 0),
        })
    }
}

/// The step a key of the file is asked at, to go back to when the file's rules refuse it.
fn step_of(key: &str) -> Step {
    match super::flag_of(key) {
        "--platform" => Step::Platform,
        "--name" => Step::Name,
        "--principal" => Step::Principal,
        "--annual-rate" | "--daily-rate" => Step::Rate,
        "--fee-rate" => Step::FeeRate,
        "--term" => Step::Term,
        "--start" => Step::Start,
        "--due-day" => Step::DueDay,
        "--contact" => Step::Contacts,
        "--bill" => Step::Bills,
        "--id" => Step::Id,
        _ => Step::Method,
    }
}

/// Everything a session of questions needs to know.
pub struct Setting<'a> {
    pub lang: Lang,
    pub builtin: &'a [Policy],
    pub portfolio: &'a Portfolio,
    pub today: NaiveDate,
}

/// Ask for a loan, starting from what the flags gave; the loan once confirmed, or why not.
pub fn run(ask: &mut dyn Ask, seed: &AddArgs, s: &Setting) -> Result<NewLoan, Text> {
    let lang = s.lang;
    let l = |t: Text| t.get(lang).to_string();
    let policies = Policies::new(s.builtin, &s.portfolio.platforms);
    let mut names: Vec<String> = vec![];
    for p in crate::model::merged(&s.portfolio.platforms, s.builtin) {
        names.push(p.key.clone());
        names.push(p.name.clone());
        names.extend(p.aliases.iter().cloned());
    }
    let seeded = |o: &Option<String>| o.clone().unwrap_or_default();
    let mut d = Draft {
        platform: seeded(&seed.platform),
        product: seeded(&seed.product),
        name: seeded(&seed.name),
        method: match seed.method.as_deref() {
            Some(m) => super::method(m).ok(),
            None if !seed.bill.is_empty() => None,
            None => Some(Method::EqualInstallment),
        },
        bills: seed.bill.iter().filter_map(|b| bill(b).ok()).collect(),
        principal: seeded(&seed.principal),
        daily: seed.daily_rate.is_some(),
        rate: seed
            .annual_rate
            .clone()
            .or_else(|| seed.daily_rate.clone())
            .unwrap_or_default(),
        fee_rate: seeded(&seed.fee_rate),
        term: seed.term.clone().unwrap_or_else(|| "12".into()),
        start: seed.start.clone().unwrap_or_else(|| s.today.to_string()),
        due_day: seeded(&seed.due_day),
        contacts: seed
            .contact
            .iter()
            .filter_map(|c| contact(c).ok())
            .collect(),
        paid_through: seed
            .paid_through
            .map(|n| n.to_string())
            .unwrap_or_else(|| "0".into()),
        id: seeded(&seed.id),
    };
    ask.say(&l(lt::prompt_help()));
    let mut i = 0usize;
    let mut trail: Vec<usize> = vec![];
    macro_rules! back {
        () => {{
            i = trail.pop().unwrap_or(0);
            continue;
        }};
    }
    while i < ORDER.len() {
        let step = ORDER[i];
        if !d.applies(step) {
            i += 1;
            continue;
        }
        match step {
            Step::Platform => match ask.text(
                &l(lt::prompt_platform()),
                Some(&d.platform),
                &|a| {
                    if a.trim().is_empty() {
                        Err(lt::prompt_platform())
                    } else {
                        Ok(())
                    }
                },
                &names,
            )? {
                Answer::Given(a) => d.platform = a.trim().to_string(),
                Answer::Back => back!(),
            },
            Step::Product => {
                match ask.text(&l(lt::prompt_product()), Some(&d.product), &|_| Ok(()), &[])? {
                    Answer::Given(a) => d.product = a.trim().to_string(),
                    Answer::Back => back!(),
                }
            }
            Step::Name => {
                // The name the file shows when none is written: platform + product.
                let stand_in = NewLoan {
                    id: None,
                    name: None,
                    platform: d.platform.clone(),
                    product: Some(d.product.trim().to_string()).filter(|p| !p.is_empty()),
                    terms: NewTerms::Bills(vec![crate::model::Bill {
                        due: s.today,
                        amount: rust_decimal::Decimal::ONE,
                    }]),
                    contacts: vec![],
                    paid_through: None,
                };
                let default = stand_in
                    .model(s.builtin, &s.portfolio.platforms)
                    .map(|m| crate::present::display_name(&m, &policies, lang))
                    .unwrap_or_else(|_| d.platform.clone());
                let shown = if d.name.is_empty() {
                    default.clone()
                } else {
                    d.name.clone()
                };
                match ask.text(&l(lt::prompt_name()), Some(&shown), &|_| Ok(()), &[])? {
                    // The default name is not written: the file then shows platform + product.
                    Answer::Given(a) => {
                        d.name = if a.trim() == default {
                            String::new()
                        } else {
                            a.trim().to_string()
                        }
                    }
                    Answer::Back => back!(),
                }
            }
            Step::Method => {
                let mut options: Vec<String> =
                    Method::ALL.iter().map(|m| l(lt::method(*m))).collect();
                options.push(l(lt::bills_method()));
                let cur = d
                    .method
                    .and_then(|m| Method::ALL.iter().position(|x| *x == m))
                    .unwrap_or(5);
                match ask.choose(&l(lt::prompt_method()), &options, cur)? {
                    Answer::Given(k) => d.method = Method::ALL.get(k).copied(),
                    Answer::Back => back!(),
                }
            }
            Step::Bills => {
                let mut bills = vec![];
                loop {
                    match ask.text(
                        &l(lt::prompt_bill()),
                        None,
                        &|a| {
                            if a.trim().is_empty() {
                                Ok(())
                            } else {
                                bill(a).map(|_| ())
                            }
                        },
                        &[],
                    )? {
                        Answer::Back => break,
                        Answer::Given(a) if a.trim().is_empty() => break,
                        Answer::Given(a) => bills.extend(bill(&a).ok()),
                    }
                }
                if bills.is_empty() && d.bills.is_empty() {
                    ask.say(&l(lt::need_bill()));
                    back!();
                }
                if !bills.is_empty() {
                    d.bills = bills;
                }
            }
            Step::Principal => match ask.text(
                &l(lt::prompt_principal()),
                Some(&d.principal),
                &|a| amount(a).map(|_| ()),
                &[],
            )? {
                Answer::Given(a) => d.principal = a,
                Answer::Back => back!(),
            },
            Step::RateKind => {
                let options = vec![l(lt::rate_annual()), l(lt::rate_daily())];
                match ask.choose(&l(lt::prompt_rate_kind()), &options, usize::from(d.daily))? {
                    Answer::Given(k) => d.daily = k == 1,
                    Answer::Back => back!(),
                }
            }
            Step::Rate => {
                let q = if d.daily {
                    lt::rate_daily()
                } else {
                    lt::rate_annual()
                };
                match ask.text(&l(q), Some(&d.rate), &|a| percent(a).map(|_| ()), &[])? {
                    Answer::Given(a) => d.rate = a,
                    Answer::Back => back!(),
                }
            }
            Step::FeeRate => match ask.text(
                &l(lt::prompt_fee_rate()),
                Some(&d.fee_rate),
                &|a| percent(a).map(|_| ()),
                &[],
            )? {
                Answer::Given(a) => d.fee_rate = a,
                Answer::Back => back!(),
            },
            Step::Term => match ask.text(
                &l(lt::prompt_term()),
                Some(&d.term),
                &|a| whole(a, 1, crate::store::schema::MAX_TERM).map(|_| ()),
                &[],
            )? {
                Answer::Given(a) => d.term = a,
                Answer::Back => back!(),
            },
            Step::Start => match ask.text(
                &l(lt::prompt_start()),
                Some(&d.start),
                &|a| date(a).map(|_| ()),
                &[],
            )? {
                Answer::Given(a) => d.start = a,
                Answer::Back => back!(),
            },
            Step::DueDay => {
                let default = if d.due_day.is_empty() {
                    date(&d.start)
                        .map(|s| s.day().to_string())
                        .unwrap_or_default()
                } else {
                    d.due_day.clone()
                };
                match ask.text(
                    &l(lt::prompt_due_day()),
                    Some(&default),
                    &|a| whole(a, 1, 31).map(|_| ()),
                    &[],
                )? {
                    Answer::Given(a) => d.due_day = a,
                    Answer::Back => back!(),
                }
            }
            Step::Contacts => {
                let mut added = vec![];
                let mut went_back = false;
                loop {
                    match ask.text(
                        &l(lt::prompt_contact()),
                        None,
                        &|a| {
                            if a.trim().is_empty() {
                                Ok(())
                            } else {
                                contact(a).map(|_| ())
                            }
                        },
                        &[],
                    )? {
                        Answer::Back => {
                            went_back = added.is_empty();
                            break;
                        }
                        Answer::Given(a) if a.trim().is_empty() => break,
                        Answer::Given(a) => added.extend(contact(&a).ok()),
                    }
                }
                if went_back {
                    back!();
                }
                d.contacts.extend(added);
            }
            Step::PaidThrough => match ask.text(
                &l(lt::prompt_paid_through()),
                Some(&d.paid_through),
                &|a| whole(a, 0, 1200).map(|_| ()),
                &[],
            )? {
                Answer::Given(a) => d.paid_through = a,
                Answer::Back => back!(),
            },
            Step::Id => {
                let draft = d.loan();
                let default = match &draft {
                    Ok(n) => {
                        let key = crate::model::merged(&s.portfolio.platforms, s.builtin)
                            .find(|p| p.answers_to(&n.platform))
                            .map(|p| p.key.clone())
                            .unwrap_or_else(|| "generic".into());
                        add::default_id(n, &key, s.portfolio)
                    }
                    Err(_) => String::new(),
                };
                let shown = if d.id.is_empty() {
                    default
                } else {
                    d.id.clone()
                };
                let taken = |a: &str| s.portfolio.loan(a.trim()).is_some();
                match ask.text(
                    &l(lt::prompt_id()),
                    Some(&shown),
                    &|a| {
                        if !crate::store::schema::valid_id(a.trim()) {
                            Err(crate::i18n::phrases::id_malformed(a.trim()))
                        } else if taken(a) {
                            Err(crate::i18n::phrases::id_duplicate(a.trim()))
                        } else {
                            Ok(())
                        }
                    },
                    &[],
                )? {
                    Answer::Given(a) => d.id = a.trim().to_string(),
                    Answer::Back => back!(),
                }
            }
            Step::Confirm => {
                let new = match d.loan() {
                    Ok(n) => n,
                    Err(e) => {
                        ask.say(&l(e));
                        back!();
                    }
                };
                // The file's own rules, with the file's words; back to the question at fault.
                let model = match new.model(s.builtin, &s.portfolio.platforms) {
                    Ok(m) => m,
                    Err(diags) => {
                        for dg in &diags {
                            ask.say(dg.message.get(lang));
                        }
                        let to = diags
                            .first()
                            .map(|dg| step_of(&dg.key))
                            .unwrap_or(Step::Platform);
                        i = ORDER.iter().position(|x| *x == to).unwrap_or(0);
                        continue;
                    }
                };
                if let Some(n) = new.paid_through
                    && let Err(e) =
                        add::payments_through(&model, n, s.today, s.portfolio.settings.alert_days)
                {
                    ask.say(e.message.get(lang));
                    i = ORDER
                        .iter()
                        .position(|x| *x == Step::PaidThrough)
                        .unwrap_or(0);
                    continue;
                }
                let name = crate::present::display_name(&model, &policies, lang);
                for line in
                    Preview::of(&model, s.today).lines(&name, lang, &s.portfolio.settings.currency)
                {
                    ask.say(&line);
                }
                match ask.confirm(&l(lt::prompt_confirm()), true)? {
                    Answer::Given(true) => return Ok(new),
                    Answer::Given(false) => return Err(lt::not_written()),
                    Answer::Back => back!(),
                }
            }
        }
        trail.push(i);
        i += 1;
    }
    Err(lt::not_written())
}
