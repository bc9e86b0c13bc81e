//! The forms that record what a negotiation won (`A` an agreement, `O` a promise to pay, `S` a
//! settlement, `F` money towards the penalty): their fields, prefilled, and the edit they make.
//! Editing, the store's rules and the write are the other forms' (`update::form`).

use chrono::{Months, NaiveDate};

use crate::engine::proposal::Offer;
use crate::i18n::{Lang, outcome as words};
use crate::input;
use crate::model::{Agreement, LogEntry, LogKind, Promise, Settlement};
use crate::money::plain;
use crate::present::LoanFacts;
use crate::store::write::Edit;
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKind, Form, FormKind};
use crate::tui::msg::Effect;

/// The fields of an outcome form for the loan `e` on `today`; None for the other kinds.
pub fn fields(lang: Lang, e: &LoanFacts, kind: FormKind, today: NaiveDate) -> Option<Vec<Field>> {
    let date_hint = words::form_date_hint().get(lang).to_string();
    let date = || Field::new(FieldKind::Date, today.to_string(), date_hint.clone());
    Some(match kind {
        FormKind::Agree => {
            // Prefilled with what the call script proposed for this loan.
            let (amount, months) = match &e.proposal.offer {
                Offer::Plan {
                    monthly, months, ..
                }
                | Offer::Restructure {
                    monthly, months, ..
                } => (plain(*monthly), months.to_string()),
                _ => (String::new(), String::new()),
            };
            let from = today
                .checked_add_months(Months::new(1))
                .unwrap_or(today)
                .to_string();
            vec![
                Field::new(
                    FieldKind::From,
                    from,
                    words::form_from_hint().get(lang).to_string(),
                ),
                Field::new(
                    FieldKind::Months,
                    months,
                    words::form_months_hint().get(lang).to_string(),
                ),
                Field::new(
                    FieldKind::Amount,
                    amount,
                    words::form_agree_amount_hint().get(lang).to_string(),
                ),
                Field::new(
                    FieldKind::Reference,
                    String::new(),
                    words::form_ref_hint().get(lang).to_string(),
                ),
                date(),
            ]
        }
        FormKind::Promise => vec![
            Field::new(
                FieldKind::Amount,
                String::new(),
                words::form_promise_amount_hint().get(lang).to_string(),
            ),
            Field::new(
                FieldKind::By,
                today
                    .checked_add_days(chrono::Days::new(3))
                    .unwrap_or(today)
                    .to_string(),
                words::form_by_hint().get(lang).to_string(),
            ),
            Field::new(
                FieldKind::To,
                String::new(),
                words::form_to_hint().get(lang).to_string(),
            ),
            date(),
        ],
        FormKind::Settle => vec![
            Field::new(
                FieldKind::Amount,
                String::new(),
                words::settle_in_writing_first().get(lang).to_string(),
            ),
            Field::new(
                FieldKind::Reference,
                String::new(),
                words::form_ref_hint().get(lang).to_string(),
            ),
            date(),
        ],
        FormKind::PayPenalty => vec![
            Field::new(
                FieldKind::Amount,
                e.ledger
                    .penalty_estimate
                    .filter(|p| !p.is_zero())
                    .map(plain)
                    .unwrap_or_default(),
                words::form_penalty_hint().get(lang).to_string(),
            ),
            date(),
        ],
        _ => return None,
    })
}

/// Read the outcome form's fields (marking the wrong ones) and build its edit; None when a field
/// is wrong. The store's own rules are checked after, as for every form.
pub fn edit(lang: Lang, form: &mut Form) -> Option<Edit> {
    let id = form.loan_id.clone();
    let value = |form: &Form, kind| {
        form.field(kind)
            .map(|f| f.value.trim().to_string())
            .unwrap_or_default()
    };
    let text = |form: &Form, kind| Some(value(form, kind)).filter(|t| !t.is_empty());
    let mut ok = true;
    let mut mark = |form: &mut Form, kind, err: Option<String>| {
        if let Some(f) = form.field_mut(kind) {
            ok &= err.is_none();
            f.error = err;
        }
    };
    let amount = input::amount(&value(form, FieldKind::Amount));
    mark(
        form,
        FieldKind::Amount,
        amount
            .as_ref()
            .err()
            .map(|e| e.text().get(lang).to_string()),
    );
    let mut date_of = |form: &mut Form, kind| {
        let d = input::date(&value(form, kind));
        mark(
            form,
            kind,
            d.as_ref().err().map(|e| e.text().get(lang).to_string()),
        );
        d.ok()
    };
    let date = date_of(form, FieldKind::Date);
    let edit = match form.kind {
        FormKind::Agree => {
            let from = date_of(form, FieldKind::From);
            let months = value(form, FieldKind::Months)
                .parse::<u32>()
                .ok()
                .filter(|m| *m > 0);
            if months.is_none()
                && let Some(f) = form.field_mut(FieldKind::Months)
            {
                f.error = Some(words::form_months_error().get(lang).to_string());
            }
            match (date, from, months, amount) {
                (Some(date), Some(from), Some(months), Ok(amount)) => Some(Edit::Agree {
                    id,
                    agreement: Agreement {
                        date,
                        from,
                        months,
                        amount,
                        total: None,
                        stop_interest: false,
                        waive_penalty: false,
                        reference: text(form, FieldKind::Reference),
                        text: None,
                    },
                }),
                _ => None,
            }
        }
        FormKind::Promise => {
            let by = date_of(form, FieldKind::By);
            match (date, by, amount) {
                (Some(date), Some(by), Ok(amount)) => Some(Edit::Promise {
                    id,
                    promise: Promise {
                        date,
                        by,
                        amount,
                        to: text(form, FieldKind::To),
                        text: None,
                    },
                }),
                _ => None,
            }
        }
        FormKind::Settle => match (date, amount) {
            (Some(date), Ok(amount)) => Some(Edit::Settle {
                id,
                settlement: Settlement {
                    date,
                    amount,
                    reference: text(form, FieldKind::Reference),
                },
            }),
            _ => None,
        },
        FormKind::PayPenalty => match (date, amount) {
            (Some(date), Ok(amount)) => Some(Edit::PayPenalty { id, date, amount }),
            _ => None,
        },
        _ => None,
    };
    edit.filter(|_| ok && form.fields.iter().all(|f| f.error.is_none()))
}

/// `C`: the note that marks the next closing item done, for a loan paid off or settled.
pub fn check_closing(app: &App) -> Option<Effect> {
    let e = app.selected_entry()?;
    if !e.ledger.status.is_closed() {
        return None;
    }
    let loan = app.portfolio.loans.get(e.idx)?;
    let text = crate::present::outcome::next_closing_note(loan, app.lang)?;
    Some(Effect::Write(Edit::Log {
        id: e.id.clone(),
        entry: LogEntry {
            date: app.today().min(app.base_today),
            kind: LogKind::Note,
            text,
            ..LogEntry::default()
        },
    }))
}

/// What the call form's "they asked me to pay … by …" asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Asked {
    /// Both left empty: the call alone.
    Nothing,
    /// The promise made on the call's day.
    Promise(Edit),
    /// One is wrong or missing (marked in place): nothing is written.
    Refused,
}

/// The call form's "they asked me to pay … by …": nothing when both are empty; the promise made
/// on the call's day when both are right (marked in place and refused as a whole otherwise).
pub fn call_promise(app: &App, form: &mut Form, date: NaiveDate) -> Asked {
    let lang = app.lang;
    let value = |form: &Form, kind| {
        form.field(kind)
            .map(|f| f.value.trim().to_string())
            .unwrap_or_default()
    };
    let (amount, by) = (value(form, FieldKind::Amount), value(form, FieldKind::By));
    if amount.is_empty() && by.is_empty() {
        return Asked::Nothing;
    }
    let a = input::amount(&amount);
    let b = input::date(&by);
    if let Some(f) = form.field_mut(FieldKind::Amount) {
        f.error = a.as_ref().err().map(|e| e.text().get(lang).to_string());
    }
    if let Some(f) = form.field_mut(FieldKind::By) {
        f.error = b.as_ref().err().map(|e| e.text().get(lang).to_string());
    }
    let (Ok(amount), Ok(by)) = (a, b) else {
        return Asked::Refused;
    };
    let edit = Edit::Promise {
        id: form.loan_id.clone(),
        promise: Promise {
            date,
            by,
            amount,
            to: None,
            text: None,
        },
    };
    if let Err(refused) = crate::store::write::check_entry(&app.portfolio, &edit, app.base_today) {
        let field = match refused.field {
            Some(crate::store::write::Field::Amount) => FieldKind::Amount,
            _ => FieldKind::By,
        };
        if let Some(f) = form.field_mut(field) {
            f.error = Some(refused.text(lang).to_string());
        }
        return Asked::Refused;
    }
    Asked::Promise(edit)
}
