//! The forms' behaviour: opening one for the selected loan, editing it, validating it in place,
//! and asking for the write (`Effect::Write`); `written` shows what came of it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::{InstallmentStatus, LoanStatus};
use crate::i18n::{Lang, Text, phrases as ph};
use crate::input;
use crate::model::{LogEntry, LogKind};
use crate::money::{grouped, plain};
use crate::present::recorded;
use crate::store::write::{self, Edit, ErrorKind, Recorded, WriteError};
use crate::tui::app::App;
use crate::tui::form::{Field, FieldKind, Form, FormKind, FormMsg};
use crate::tui::msg::{Effect, Handled, Msg};
use crate::tui::stack::View;

/// The demo refusing a write, naming the `init` command that works from here (as the banner).
fn demo_message(lang: Lang, init: &str) -> String {
    ph::demo_form_refused(init).get(lang).to_string()
}

/// Open a form for the selected loan. The date is prefilled with the app's day (the what-if day
/// when one is set); the store refuses a payment or log dated after the real today.
pub fn open(app: &mut App, kind: FormKind) {
    let lang = app.lang;
    let today = app.today();
    let cur = app.portfolio.settings.currency.clone();
    let Some(e) = app.selected_entry() else {
        return;
    };
    let date_hint = lang.tr("update.form.yyyy_mm_dd_not").to_string();
    let l = &e.ledger;
    let mut log_kind = LogKind::Negotiation;
    let fields = match kind {
        FormKind::Agree | FormKind::Promise | FormKind::Settle | FormKind::PayPenalty => {
            super::outcome_form::fields(lang, e, kind, today).unwrap_or_default()
        }
        FormKind::Pay => {
            let (amount, hint) = match l.status {
                LoanStatus::Overdue => (
                    l.overdue_amount,
                    format!(
                        "{} {cur}{}",
                        lang.tr("common.overdue"),
                        grouped(l.overdue_amount)
                    ),
                ),
                LoanStatus::PaidOff | LoanStatus::Settled => {
                    (Decimal::ZERO, lang.status(l.status).to_string())
                }
                _ => (
                    l.next_due_amount,
                    match l.next_due_date {
                        Some(d) => format!(
                            "{} {cur}{} {} {d}",
                            lang.tr("update.form.next"),
                            grouped(l.next_due_amount),
                            lang.tr("update.form.on")
                        ),
                        None => String::new(),
                    },
                ),
            };
            let amount = if amount.is_zero() {
                String::new()
            } else {
                plain(amount)
            };
            vec![
                Field::new(FieldKind::Amount, amount, hint),
                Field::new(FieldKind::Date, today.to_string(), date_hint),
            ]
        }
        FormKind::Log => {
            // Someone still in arrears most often logs a call from the lender.
            if l.status == LoanStatus::Overdue {
                log_kind = LogKind::CollectionCall;
            }
            vec![
                Field::new(
                    FieldKind::LogKind,
                    String::new(),
                    lang.tr("update.form.choose").to_string(),
                ),
                Field::new(
                    FieldKind::Text,
                    String::new(),
                    lang.tr("update.form.what_happened_who_said").to_string(),
                ),
                Field::new(FieldKind::Date, today.to_string(), date_hint),
            ]
        }
        FormKind::Call => {
            let now = app
                .clock_time
                .unwrap_or_else(|| chrono::Local::now().time())
                .format("%H:%M:%S")
                .to_string();
            vec![
                Field::new(
                    FieldKind::Text,
                    lang.tr("update.form.collection_call").to_string(),
                    lang.tr("update.form.what_was_said_add").to_string(),
                ),
                Field::new(
                    FieldKind::Time,
                    now,
                    lang.tr("update.form.hh_mm_ss_prefilled").to_string(),
                ),
                Field::new(FieldKind::Date, today.to_string(), date_hint),
                Field::new(
                    FieldKind::Who,
                    String::new(),
                    lang.tr("update.form.you_contact").to_string(),
                ),
                Field::new(
                    FieldKind::Channel,
                    String::new(),
                    lang.tr("update.form.choose").to_string(),
                ),
                Field::new(
                    FieldKind::Caller,
                    String::new(),
                    lang.tr("update.form.number_company_may_empty").to_string(),
                ),
                Field::new(
                    FieldKind::Flags,
                    String::new(),
                    lang.tr("update.form.move_space_tick").to_string(),
                ),
                // "They asked me to pay … by …": recorded as a promise too when filled in.
                Field::new(
                    FieldKind::Amount,
                    String::new(),
                    crate::i18n::outcome::call_asked_amount_hint()
                        .get(lang)
                        .to_string(),
                ),
                Field::new(
                    FieldKind::By,
                    String::new(),
                    crate::i18n::outcome::call_asked_by_hint()
                        .get(lang)
                        .to_string(),
                ),
            ]
        }
        FormKind::Extend => {
            let oldest = l
                .installments
                .iter()
                .find(|s| s.status != InstallmentStatus::Paid);
            let (n, due) = oldest
                .map(|s| (s.inst.n.to_string(), s.inst.due_date.to_string()))
                .unwrap_or_default();
            vec![
                Field::new(
                    FieldKind::Installment,
                    n,
                    lang.trf(
                        "update.form.installment_hint",
                        &[("of", &l.installments.len())],
                    ),
                ),
                Field::new(
                    FieldKind::Due,
                    due,
                    lang.tr("update.form.date_lender_agreed_yyyy").to_string(),
                ),
            ]
        }
    };
    let refusal = if app.is_demo() {
        Some(demo_message(lang, &app.init_command))
    } else if matches!(
        kind,
        FormKind::Pay | FormKind::Agree | FormKind::Promise | FormKind::Settle
    ) && l.status.is_closed()
    {
        Some(paid_off_message(lang))
    } else {
        None
    };
    let loan = app.portfolio.loan(&e.id);
    let mut who_options = vec![crate::model::WHO_ME.to_string()];
    who_options.extend(
        loan.iter()
            .flat_map(|l| l.contacts.iter().map(|c| c.name.clone())),
    );
    let form = Form {
        kind,
        loan_id: e.id.clone(),
        loan_name: e.name.clone(),
        fields,
        focus: 0,
        log_kind,
        refusal,
        call: crate::tui::form::CallChoices {
            who_options,
            ..Default::default()
        },
    };
    // The kind is chosen first; the text is what the user came to type.
    let focus = if kind == FormKind::Log { 1 } else { 0 };
    // A form opens on the main screen (from the log view too), where its outcome is said.
    app.views.reset(View::Form(Form { focus, ..form }));
}

fn paid_off_message(lang: Lang) -> String {
    lang.tr("update.form.loan_paid_off_nothing").to_string()
}

/// A message while a form is open. The form takes every key (`l` is a letter typed, not the
/// language; a click does nothing): Esc closes it, the rest is typing.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    take_every_key(app, msg, update)
}

/// What every form does with a message (this one, the add form, the info form): Esc closes it,
/// a key or a paste goes to the form's own `keys`, anything else is swallowed.
pub fn take_every_key(
    app: &mut App,
    msg: Msg,
    keys: fn(&mut App, FormMsg) -> Vec<Effect>,
) -> Handled {
    Ok(match msg {
        Msg::Back => {
            app.views.close();
            Vec::new()
        }
        Msg::Form(m) => keys(app, m),
        Msg::Paste(s) => keys(app, FormMsg::Paste(s)),
        _ => Vec::new(),
    })
}

/// A key in the open form; Enter with valid values asks the event loop to write the entry.
fn update(app: &mut App, msg: FormMsg) -> Vec<Effect> {
    if msg == FormMsg::Submit {
        return submit(app);
    }
    let Some(form) = app.views.form_mut() else {
        return Vec::new();
    };
    let n = form.fields.len();
    let log_kind = form.log_kind;
    let Some(f) = form.fields.get_mut(form.focus) else {
        return Vec::new();
    };
    let choice = matches!(
        f.kind,
        FieldKind::LogKind | FieldKind::Who | FieldKind::Channel | FieldKind::Flags
    );
    let call = &mut form.call;
    match (f.kind, &msg) {
        (FieldKind::Who, FormMsg::Left | FormMsg::Right | FormMsg::Input(' ')) => {
            let n = call.who_options.len().max(1);
            call.who = match msg {
                FormMsg::Left => (call.who + n - 1) % n,
                _ => (call.who + 1) % n,
            };
            return Vec::new();
        }
        (FieldKind::Channel, FormMsg::Left | FormMsg::Right | FormMsg::Input(' ')) => {
            let n = crate::model::Channel::ALL.len();
            call.channel = match msg {
                FormMsg::Left => (call.channel + n - 1) % n,
                _ => (call.channel + 1) % n,
            };
            return Vec::new();
        }
        (FieldKind::Flags, FormMsg::Left | FormMsg::Right) => {
            let n = crate::model::LogFlag::ALL.len();
            call.flag_cursor = match msg {
                FormMsg::Left => (call.flag_cursor + n - 1) % n,
                _ => (call.flag_cursor + 1) % n,
            };
            return Vec::new();
        }
        (FieldKind::Flags, FormMsg::Input(' ')) => {
            let flag = crate::model::LogFlag::ALL[call.flag_cursor % 5];
            match call.flags.iter().position(|f| *f == flag) {
                Some(i) => {
                    call.flags.remove(i);
                }
                None => {
                    call.flags.push(flag);
                    call.flags.sort();
                }
            }
            return Vec::new();
        }
        _ => {}
    }
    match msg {
        FormMsg::Next => form.focus = (form.focus + 1) % n,
        FormMsg::Prev => form.focus = (form.focus + n - 1) % n,
        FormMsg::Left | FormMsg::Right if choice => {
            let all = LogKind::WRITTEN;
            let i = all.iter().position(|k| *k == log_kind).unwrap_or(0);
            let j = if msg == FormMsg::Right {
                (i + 1) % all.len()
            } else {
                (i + all.len() - 1) % all.len()
            };
            form.log_kind = all[j];
        }
        FormMsg::Input(' ') if choice => {
            let all = LogKind::WRITTEN;
            let i = all.iter().position(|k| *k == log_kind).unwrap_or(0);
            form.log_kind = all[(i + 1) % all.len()];
        }
        _ if choice => {}
        FormMsg::Paste(text) => {
            let text: String = text
                .chars()
                .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect();
            let text = text.trim_end();
            let at = f.byte_at(f.cursor);
            f.value.insert_str(at, text);
            f.cursor += text.chars().count();
            f.error = None;
        }
        FormMsg::Input(c) => {
            // One line of plain text: no control characters (a pasted newline or tab).
            if !c.is_control() {
                let at = f.byte_at(f.cursor);
                f.value.insert(at, c);
                f.cursor += 1;
                f.error = None;
            }
        }
        FormMsg::Backspace => {
            if f.cursor > 0 {
                f.cursor -= 1;
                let at = f.byte_at(f.cursor);
                f.value.remove(at);
                f.error = None;
            }
        }
        FormMsg::ClearToStart | FormMsg::DeleteWord => {
            let from = if choice {
                f.cursor
            } else if matches!(msg, FormMsg::ClearToStart) {
                0
            } else {
                crate::tui::form::word_start(&f.value, f.cursor)
            };
            if from < f.cursor {
                f.value = crate::tui::form::cut(&f.value, from, f.cursor);
                f.cursor = from;
                f.error = None;
            }
        }
        FormMsg::Delete => {
            if f.cursor < f.char_count() {
                let at = f.byte_at(f.cursor);
                f.value.remove(at);
                f.error = None;
            }
        }
        FormMsg::Left => f.cursor = f.cursor.saturating_sub(1),
        FormMsg::Right => f.cursor = (f.cursor + 1).min(f.char_count()),
        FormMsg::Home => f.cursor = 0,
        FormMsg::End => f.cursor = f.char_count(),
        FormMsg::Submit => {}
    }
    Vec::new()
}

/// The amount field by the one input parser, its refusal in both languages.
fn amount_error(s: &str) -> Result<Decimal, Text> {
    input::amount(s).map_err(|e| e.text())
}

/// A date field, by the one input parser.
fn date_error(s: &str) -> Result<NaiveDate, Text> {
    input::date(s).map_err(|e| e.text())
}

fn field_of(f: write::Field) -> FieldKind {
    match f {
        write::Field::Amount => FieldKind::Amount,
        write::Field::Date => FieldKind::Date,
        write::Field::Text => FieldKind::Text,
        write::Field::Installment => FieldKind::Installment,
        write::Field::Due => FieldKind::Due,
    }
}

/// Check every field, mark the ones that are wrong, and build the edit when none is. What a
/// person types is read by the one input parser; what may be written is the store's own rule
/// (`write::check_entry`), with the words `repaydash pay` prints.
fn validate(app: &App, form: &mut Form) -> Option<Edit> {
    let lang = app.lang;
    // The store compares with the real day the program was given, not a what-if day.
    let real = app.base_today;
    let mut ok = true;
    // A field's error is kept as the words shown, in the form's language.
    let mut check = |form: &mut Form, kind: FieldKind, r: Result<(), Text>| {
        if let Some(f) = form.field_mut(kind) {
            f.error = r.err().map(|t| t.get(lang).to_string());
            ok &= f.error.is_none();
        }
    };
    let value = |form: &Form, kind| {
        form.field(kind)
            .map(|f| f.value.clone())
            .unwrap_or_default()
    };
    let id = form.loan_id.clone();
    let edit = match form.kind {
        FormKind::Agree | FormKind::Promise | FormKind::Settle | FormKind::PayPenalty => {
            let e = super::outcome_form::edit(lang, form);
            ok &= e.is_some();
            e
        }
        FormKind::Pay => {
            let a = amount_error(&value(form, FieldKind::Amount));
            check(form, FieldKind::Amount, a.clone().map(|_| ()));
            let d = date_error(&value(form, FieldKind::Date));
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            match (a, d) {
                (Ok(amount), Ok(date)) => Some(Edit::Pay { id, date, amount }),
                _ => None,
            }
        }
        FormKind::Log => {
            let text = value(form, FieldKind::Text).trim().to_string();
            check(form, FieldKind::Text, Ok(()));
            let d = date_error(&value(form, FieldKind::Date));
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            d.ok().map(|date| Edit::Log {
                id,
                entry: LogEntry {
                    date,
                    kind: form.log_kind,
                    text,
                    ..LogEntry::default()
                },
            })
        }
        FormKind::Call => {
            let text = value(form, FieldKind::Text).trim().to_string();
            check(
                form,
                FieldKind::Text,
                if text.is_empty() {
                    Err(ph::log_text_empty())
                } else {
                    Ok(())
                },
            );
            let d = date_error(&value(form, FieldKind::Date));
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            let t = input::time(&value(form, FieldKind::Time)).map_err(|e| e.text());
            check(form, FieldKind::Time, t.clone().map(|_| ()));
            let c = &form.call;
            let who = c
                .who_options
                .get(c.who)
                .cloned()
                .unwrap_or_else(|| crate::model::WHO_ME.to_string());
            let channel = crate::model::Channel::ALL
                .get(c.channel)
                .copied()
                .unwrap_or(crate::model::Channel::Call);
            let flags = c.flags.clone();
            let caller =
                Some(value(form, FieldKind::Caller).trim().to_string()).filter(|s| !s.is_empty());
            match (d, t) {
                (Ok(date), Ok(time)) if !text.is_empty() => Some(Edit::Log {
                    id,
                    entry: LogEntry {
                        date,
                        time: Some(time),
                        kind: LogKind::CollectionCall,
                        who: Some(who),
                        channel: Some(channel),
                        caller,
                        flags,
                        text,
                    },
                }),
                _ => None,
            }
        }
        FormKind::Extend => {
            let raw = value(form, FieldKind::Installment);
            let n = raw
                .trim()
                .parse::<u32>()
                .map_err(|_| ph::installment_not_number());
            check(form, FieldKind::Installment, n.clone().map(|_| ()));
            let d = date_error(&value(form, FieldKind::Due));
            check(form, FieldKind::Due, d.clone().map(|_| ()));
            match (n, d) {
                (Ok(installment), Ok(due)) => Some(Edit::Extend {
                    id,
                    installment,
                    due,
                }),
                _ => None,
            }
        }
    };
    let edit = edit.filter(|_| ok);
    if let Some(e) = &edit
        && let Err(refused) = write::check_entry(&app.portfolio, e, real)
    {
        // An outcome form's later date is its first due day or its promised day.
        let remap = |k: FieldKind| match (form.kind, k) {
            (FormKind::Agree, FieldKind::Due) => FieldKind::From,
            (FormKind::Promise, FieldKind::Due) => FieldKind::By,
            _ => k,
        };
        match refused
            .field
            .map(field_of)
            .map(remap)
            .and_then(|k| form.field_mut(k))
        {
            Some(f) => f.error = Some(refused.text(lang).to_string()),
            None => form.refusal = Some(refusal(lang, &app.init_command, &refused)),
        }
        ok = false;
    }
    // Put the cursor on the first field that needs fixing.
    if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
        form.focus = i;
    }
    edit.filter(|_| ok)
}

/// What came of `u` (`Effect::Undo`): show the file as it is now and say what the undo took out
/// or put back, or why nothing was undone.
pub fn undone(
    app: &mut App,
    result: Result<crate::store::undo::Undone, WriteError>,
    exposed: Option<u32>,
) {
    let lang = app.lang;
    match result {
        Ok(done) => {
            app.install(done.loaded.clone(), exposed);
            app.status = None;
            app.notice = Some(done.one_line(lang));
        }
        Err(e) => {
            app.status = Some(match e.kind {
                ErrorKind::Demo => demo_message(lang, &app.init_command),
                _ => ph::nothing_undone(&e.message).get(lang).to_string(),
            });
        }
    }
}

fn refusal(lang: Lang, init: &str, e: &WriteError) -> String {
    match e.kind {
        ErrorKind::Demo => demo_message(lang, init),
        _ => ph::nothing_written(&e.message).get(lang).to_string(),
    }
}

/// Validate; when every field is right, the write to ask for (the form stays open until the
/// event loop reports what came of it, see `written`).
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(mut form) = app.views.form().cloned() else {
        return Vec::new();
    };
    form.refusal = None;
    let edit = validate(app, &mut form);
    // A collection call where they asked for a payment by a day: a promise as well.
    let promise = match (&edit, form.kind) {
        (Some(Edit::Log { entry, .. }), FormKind::Call) => {
            super::outcome_form::call_promise(app, &mut form, entry.date)
        }
        _ => super::outcome_form::Asked::Nothing,
    };
    if let Some(f) = app.views.form_mut() {
        *f = form;
    }
    match (edit, promise) {
        (Some(e), super::outcome_form::Asked::Nothing) => vec![Effect::Write(e)],
        (Some(e), super::outcome_form::Asked::Promise(p)) => {
            vec![Effect::Write(e), Effect::Write(p)]
        }
        _ => Vec::new(),
    }
}

/// What came of a write (a form's, or `t` in a contact's message): show the file as it is now
/// and say what was recorded, or give the store's reason (in the form when one is open).
pub fn written(
    app: &mut App,
    edit: Edit,
    result: Result<Recorded, WriteError>,
    exposed: Option<u32>,
) {
    let lang = app.lang;
    match result {
        Ok(rec) => {
            app.install(rec.loaded, exposed);
            if app.views.form().is_some() {
                app.views.clear();
            }
            app.notice = Some(outcome(app, &edit, rec.changed_underneath));
        }
        Err(e) => match app.views.form_mut() {
            Some(form) => form.refusal = Some(refusal(lang, &app.init_command, &e)),
            None => app.status = Some(refusal(lang, &app.init_command, &e)),
        },
    }
}

/// `✓ 已记录还款 ¥800.16（2026-11-23） · 携程借去花：正常 · 下期 …`: the same words as the
/// command line prints after a write (`present::recorded`).
fn outcome(app: &App, edit: &Edit, changed: bool) -> String {
    let lang = app.lang;
    let cur = &app.portfolio.settings.currency;
    let mut s = format!("✓ {}", recorded::what(lang, edit, cur));
    if let Some(f) = app.snap.loan(edit.id()) {
        s.push_str(" · ");
        s.push_str(&recorded::after(lang, f, cur, app.today()));
    }
    if changed {
        s.push_str(lang.tr("update.form.file_had_changed_added"));
    }
    s
}
