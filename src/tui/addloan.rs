//! The dashboard's `N`: the questions of `repaydash add` as one form, with the same preview
//! (first installments, total, IRR) updated as it is typed, the same rules and messages
//! (`crate::intake`), and the write through `store::add`. The new loan is selected once written.

use crate::cli::AddArgs;
use crate::i18n::{Lang, Text, loansin as lt};
use crate::intake;
use crate::model::{Method, Policy, Portfolio};
use crate::present::preview::Preview;
use crate::store::add::{self, NewLoan};

/// One question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Platform,
    Product,
    Name,
    /// A choice: the five methods or a list of bills (←/→).
    Method,
    Principal,
    /// A choice: annual or daily (←/→).
    RateKind,
    Rate,
    FeeRate,
    Term,
    Start,
    DueDay,
    /// `DATE:AMOUNT`, several separated by spaces or commas.
    Bills,
    /// `NAME,RELATION,PHONE`, several separated by `;`.
    Contacts,
    PaidThrough,
}

const ALL: [Key; 14] = [
    Key::Platform,
    Key::Product,
    Key::Name,
    Key::Method,
    Key::Principal,
    Key::RateKind,
    Key::Rate,
    Key::FeeRate,
    Key::Term,
    Key::Start,
    Key::DueDay,
    Key::Bills,
    Key::Contacts,
    Key::PaidThrough,
];

impl Key {
    pub fn label(self, lang: Lang) -> Text {
        let _ = lang;
        match self {
            Key::Platform => Text::tr("tui.addloan.label_platform"),
            Key::Product => Text::tr("tui.addloan.label_product"),
            Key::Name => Text::tr("tui.addloan.label_name"),
            Key::Method => Text::tr("tui.addloan.label_method"),
            Key::Principal => Text::tr("tui.addloan.label_principal"),
            Key::RateKind => Text::tr("tui.addloan.label_rate_kind"),
            Key::Rate => Text::tr("tui.addloan.label_rate"),
            Key::FeeRate => Text::tr("tui.addloan.label_fee_rate"),
            Key::Term => Text::tr("tui.addloan.label_term"),
            Key::Start => Text::tr("tui.addloan.label_start"),
            Key::DueDay => Text::tr("tui.addloan.label_due_day"),
            Key::Bills => Text::tr("tui.addloan.label_bills"),
            Key::Contacts => Text::tr("tui.addloan.label_contacts"),
            Key::PaidThrough => Text::tr("tui.addloan.label_paid_through"),
        }
    }

    /// What the field's hint says under it.
    pub fn hint(self) -> Text {
        match self {
            Key::Platform => Text::tr("tui.addloan.hint_platform"),
            Key::Name => Text::tr("tui.addloan.hint_name"),
            Key::Bills => Text::tr("tui.addloan.hint_bills"),
            Key::Contacts => Text::tr("tui.addloan.hint_contacts"),
            Key::PaidThrough => Text::tr("tui.addloan.hint_paid_through"),
            _ => Text::default(),
        }
    }
}

/// What the form checks a loan against: the file's rules and platforms, the day, the language.
pub struct Ground<'a> {
    pub lang: Lang,
    pub builtin: &'a [Policy],
    pub portfolio: &'a Portfolio,
    pub base_today: chrono::NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddLoan {
    /// One value for every key, in `ALL`'s order; choices keep their index in `method` and
    /// `daily`.
    pub values: Vec<String>,
    pub cursor: Vec<usize>,
    /// Position in `visible()`.
    pub focus: usize,
    /// 0–4: `Method::ALL`; 5: a list of bills.
    pub method: usize,
    pub daily: bool,
    /// The preview's lines, or why the loan cannot be written yet (empty: nothing typed yet).
    pub preview: Result<Vec<String>, Text>,
    /// The same preview with one installment listed, for a small screen.
    pub short: Vec<String>,
    /// The store's refusal of the last write.
    pub refusal: Option<String>,
}

impl AddLoan {
    pub fn new(today: chrono::NaiveDate) -> AddLoan {
        let mut values = vec![String::new(); ALL.len()];
        values[idx(Key::Term)] = "12".into();
        values[idx(Key::Start)] = today.to_string();
        values[idx(Key::PaidThrough)] = "0".into();
        AddLoan {
            cursor: values.iter().map(|v| v.chars().count()).collect(),
            values,
            focus: 0,
            method: 0,
            daily: false,
            preview: Err(Text::default()),
            short: Vec::new(),
            refusal: None,
        }
    }

    /// The questions that apply to the method chosen, in order.
    pub fn visible(&self) -> Vec<Key> {
        let bills = self.method == 5;
        let fixed = Method::ALL.get(self.method) == Some(&Method::FixedFee);
        ALL.into_iter()
            .filter(|k| match k {
                Key::Bills => bills,
                Key::Principal | Key::Term | Key::Start | Key::DueDay | Key::PaidThrough => !bills,
                Key::RateKind | Key::Rate => !bills && !fixed,
                Key::FeeRate => fixed,
                _ => true,
            })
            .collect()
    }

    pub fn value(&self, k: Key) -> &str {
        &self.values[idx(k)]
    }

    pub fn cursor_of(&self, k: Key) -> usize {
        self.cursor[idx(k)]
    }

    pub fn focused(&self) -> Option<Key> {
        self.visible().get(self.focus).copied()
    }

    /// The choice a choice field shows.
    pub fn choice(&self, k: Key, lang: Lang) -> String {
        match k {
            Key::Method => match Method::ALL.get(self.method) {
                Some(m) => lt::method(*m).get(lang).to_string(),
                None => lt::bills_method().get(lang).to_string(),
            },
            Key::RateKind if self.daily => lt::rate_daily().get(lang).to_string(),
            _ => lt::rate_annual().get(lang).to_string(),
        }
    }

    /// The values as `add`'s flags, read by the same rules.
    fn args(&self) -> AddArgs {
        let v = |k: Key| Some(self.value(k).trim().to_string()).filter(|s| !s.is_empty());
        let bills = self.method == 5;
        AddArgs {
            id: None,
            platform: v(Key::Platform),
            product: v(Key::Product),
            name: v(Key::Name),
            method: Method::ALL.get(self.method).map(|m| m.key().to_string()),
            principal: v(Key::Principal).filter(|_| !bills),
            annual_rate: v(Key::Rate).filter(|_| !self.daily && !bills),
            daily_rate: v(Key::Rate).filter(|_| self.daily && !bills),
            fee_rate: v(Key::FeeRate)
                .filter(|_| Method::ALL.get(self.method) == Some(&Method::FixedFee)),
            term: v(Key::Term).filter(|_| !bills),
            start: v(Key::Start).filter(|_| !bills),
            due_day: v(Key::DueDay).filter(|_| !bills),
            contact: crate::input::items(self.value(Key::Contacts))
                .map(str::to_string)
                .collect(),
            bill: if bills {
                crate::input::words(self.value(Key::Bills))
                    .map(str::to_string)
                    .collect()
            } else {
                vec![]
            },
            paid_through: intake::whole(self.value(Key::PaidThrough), 0, 1200)
                .ok()
                .filter(|n| *n > 0 && !bills),
        }
    }

    /// The loan the form describes, checked by the file's rules, or why not (in `lang`).
    pub fn loan(&self, app: &Ground) -> Result<(NewLoan, Vec<String>), Text> {
        self.loan_showing(app, crate::present::preview::FIRST)
    }

    /// `loan`, its preview listing at most `rows` installments.
    pub fn loan_showing(&self, app: &Ground, rows: usize) -> Result<(NewLoan, Vec<String>), Text> {
        let lang = app.lang;
        let args = self.args();
        let missing = intake::missing(&args);
        if !missing.is_empty() {
            let empty: Vec<Key> = self
                .visible()
                .into_iter()
                .filter(|k| {
                    self.value(*k).trim().is_empty()
                        && !matches!(
                            k,
                            Key::Product
                                | Key::Name
                                | Key::Method
                                | Key::RateKind
                                | Key::Contacts
                                | Key::DueDay
                                | Key::PaidThrough
                        )
                })
                .collect();
            return Err(Text::by_lang(|l| {
                let labels: Vec<String> = empty
                    .iter()
                    .map(|k| k.label(l).get(l).to_string())
                    .collect();
                lt::fill_in(&labels).get(l).to_string()
            }));
        }
        let new = intake::from_flags(&args)?;
        let model = intake::check(&new, app.builtin, &app.portfolio.platforms)?;
        if let Some(n) = new.paid_through {
            add::payments_through(&model, n, app.base_today, app.portfolio.settings.alert_days)
                .map_err(|e| e.message)?;
        }
        let policies = crate::knowledge::Policies::new(app.builtin, &app.portfolio.platforms);
        let name = crate::present::display_name(&model, &policies, lang);
        let mut lines = Preview::of(&model, app.base_today).lines_showing(
            rows,
            &name,
            lang,
            &app.portfolio.settings.currency,
        );
        let key = model.platform.clone();
        let id = add::default_id(&new, &key, app.portfolio);
        lines.push(lt::will_be_id(&id).get(lang).to_string());
        Ok((new, lines))
    }
}

pub fn idx(k: Key) -> usize {
    ALL.iter().position(|x| *x == k).unwrap_or(0)
}
