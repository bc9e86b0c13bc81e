//! The forms' behaviour: opening one for the selected loan, editing it, validating it in place,
//! and asking for the write (`Effect::Write`); `written` shows what came of it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::{InstallmentStatus, LoanStatus};
use crate::i18n::{Lang, phrases as ph};
use crate::input;
use crate::model::{LogEntry, LogKind};
use crate::money::{grouped, plain};
use crate::present::recorded;
use crate::store::write::{Edit, ErrorKind, Recorded, WriteError};
use crate::tui::app::{App, Mode};
use crate::tui::form::{Field, FieldKind, Form, FormKind, FormMsg};
use crate::tui::msg::Effect;

fn demo_message(lang: Lang) -> String {
    lang.t(
        "这是只读的演示数据，不能写入。运行 repaydash init 创建你自己的账本文件，填上你的借款后再来记录。",
        "This is the read-only demo: nothing can be written to it. Run `repaydash init` to create your own loans file, fill in your loans, then record them here.",
    )
    .to_string()
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
    let date_hint = match lang {
        Lang::Zh => "YYYY-MM-DD，不能晚于今天".to_string(),
        Lang::En => "YYYY-MM-DD, not after today".to_string(),
    };
    let l = &e.ledger;
    let mut log_kind = LogKind::Negotiation;
    let fields = match kind {
        FormKind::Pay => {
            let (amount, hint) = match l.status {
                LoanStatus::Overdue => (
                    l.overdue_amount,
                    format!(
                        "{} {cur}{}",
                        lang.t("逾期金额", "overdue"),
                        grouped(l.overdue_amount)
                    ),
                ),
                LoanStatus::PaidOff => (Decimal::ZERO, lang.status(l.status).to_string()),
                _ => (
                    l.next_due_amount,
                    match l.next_due_date {
                        Some(d) => format!(
                            "{} {cur}{} {} {d}",
                            lang.t("下期", "next"),
                            grouped(l.next_due_amount),
                            lang.t("于", "on")
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
                    lang.t("←/→ 选择", "←/→ to choose").to_string(),
                ),
                Field::new(
                    FieldKind::Text,
                    String::new(),
                    lang.t(
                        "发生了什么、谁说的、答应了什么",
                        "what happened, who said what",
                    )
                    .to_string(),
                ),
                Field::new(FieldKind::Date, today.to_string(), date_hint),
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
                    match lang {
                        Lang::Zh => format!("共 {} 期；预填最早未还的一期", l.installments.len()),
                        Lang::En => format!(
                            "of {}; prefilled with the oldest unpaid",
                            l.installments.len()
                        ),
                    },
                ),
                Field::new(
                    FieldKind::Due,
                    due,
                    lang.t(
                        "平台同意的新到期日 YYYY-MM-DD",
                        "the date the lender agreed, YYYY-MM-DD",
                    )
                    .to_string(),
                ),
            ]
        }
    };
    let refusal = if app.is_demo() {
        Some(demo_message(lang))
    } else if kind == FormKind::Pay && l.status == LoanStatus::PaidOff {
        Some(paid_off_message(lang))
    } else {
        None
    };
    let form = Form {
        kind,
        loan_id: e.id.clone(),
        loan_name: e.name.clone(),
        fields,
        focus: 0,
        log_kind,
        refusal,
    };
    // The kind is chosen first; the text is what the user came to type.
    let focus = if kind == FormKind::Log { 1 } else { 0 };
    app.form = Some(Form { focus, ..form });
    app.mode = Mode::Form;
}

fn paid_off_message(lang: Lang) -> String {
    lang.t(
        "这笔借款已经还清，没有要还的了。",
        "This loan is paid off; nothing is left to pay.",
    )
    .to_string()
}

pub fn cancel(app: &mut App) {
    app.form = None;
    app.mode = Mode::Main;
}

/// A key in the open form; Enter with valid values asks the event loop to write the entry.
pub fn update(app: &mut App, msg: FormMsg) -> Vec<Effect> {
    if msg == FormMsg::Submit {
        return submit(app).into_iter().collect();
    }
    let Some(form) = app.form.as_mut() else {
        app.mode = Mode::Main;
        return Vec::new();
    };
    let n = form.fields.len();
    let log_kind = form.log_kind;
    let Some(f) = form.fields.get_mut(form.focus) else {
        return Vec::new();
    };
    let choice = f.kind == FieldKind::LogKind;
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

/// The amount field by the one input parser, said in the user's language.
fn amount_error(lang: Lang, s: &str) -> Result<Decimal, String> {
    input::amount(s).map_err(|e| e.text().get(lang).to_string())
}

/// A date field; a payment or log entry may not be dated after `today`, as the store says too.
fn date_error(
    lang: Lang,
    s: &str,
    not_after: Option<(NaiveDate, ph::Entry)>,
) -> Result<NaiveDate, String> {
    let d = input::date(s).map_err(|e| e.text().get(lang).to_string())?;
    match not_after {
        Some((today, what)) if d > today => {
            Err(ph::dated_after_today(what, d, today).get(lang).to_string())
        }
        _ => Ok(d),
    }
}

/// Check every field, mark the ones that are wrong, and build the edit when none is.
fn validate(app: &App, form: &mut Form) -> Option<Edit> {
    let lang = app.lang;
    // The store compares with the real day the program was given, not a what-if day.
    let real = app.base_today;
    let entry = app.snap.loans.iter().find(|e| e.id == form.loan_id);
    let count = entry.map(|e| e.ledger.installments.len()).unwrap_or(0);
    let count_u32 = u32::try_from(count).unwrap_or(u32::MAX);
    let mut ok = true;
    let mut check = |form: &mut Form, kind: FieldKind, r: Result<(), String>| {
        if let Some(f) = form.field_mut(kind) {
            f.error = r.err();
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
        FormKind::Pay => {
            let a = amount_error(lang, &value(form, FieldKind::Amount));
            check(form, FieldKind::Amount, a.clone().map(|_| ()));
            let d = date_error(
                lang,
                &value(form, FieldKind::Date),
                Some((real, ph::Entry::Payment)),
            );
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            match (a, d) {
                (Ok(amount), Ok(date)) => Some(Edit::Pay { id, date, amount }),
                _ => None,
            }
        }
        FormKind::Log => {
            let text = value(form, FieldKind::Text).trim().to_string();
            check(
                form,
                FieldKind::Text,
                if text.is_empty() {
                    Err(ph::log_text_empty().get(lang).to_string())
                } else {
                    Ok(())
                },
            );
            let d = date_error(
                lang,
                &value(form, FieldKind::Date),
                Some((real, ph::Entry::Log)),
            );
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            d.ok().filter(|_| !text.is_empty()).map(|date| Edit::Log {
                id,
                entry: LogEntry {
                    date,
                    kind: form.log_kind,
                    text,
                    ..LogEntry::default()
                },
            })
        }
        FormKind::Extend => {
            let raw = value(form, FieldKind::Installment);
            let n = match raw.trim().parse::<u32>() {
                Ok(n) if n >= 1 && (n as usize) <= count => Ok(n),
                Ok(n) if n >= 1 => Err(ph::no_such_installment(&id, count_u32, n)
                    .get(lang)
                    .to_string()),
                _ => Err(ph::installment_not_number().get(lang).to_string()),
            };
            check(form, FieldKind::Installment, n.clone().map(|_| ()));
            let mut d = date_error(lang, &value(form, FieldKind::Due), None);
            if let (Ok(n), Ok(due)) = (&n, &d) {
                let now = entry
                    .and_then(|e| e.ledger.installments.get(*n as usize - 1))
                    .map(|s| s.inst.due_date);
                if now == Some(*due) {
                    d = Err(ph::installment_already_due(*n, due).get(lang).to_string());
                }
            }
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
    // Put the cursor on the first field that needs fixing.
    if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
        form.focus = i;
    }
    edit.filter(|_| ok)
}

fn refusal(lang: Lang, e: &WriteError) -> String {
    match e.kind {
        ErrorKind::Demo => demo_message(lang),
        _ => ph::nothing_written(&e.message).get(lang).to_string(),
    }
}

/// Validate; when every field is right, the write to ask for (the form stays open until the
/// event loop reports what came of it, see `written`).
fn submit(app: &mut App) -> Option<Effect> {
    let mut form = app.form.take()?;
    let edit = validate(app, &mut form);
    form.refusal = None;
    app.form = Some(form);
    edit.map(Effect::Write)
}

/// What came of the write: show the file as it is now and say what was recorded, or keep the
/// form open with the store's reason.
pub fn written(
    app: &mut App,
    edit: Edit,
    result: Result<Recorded, WriteError>,
    exposed: Option<u32>,
) {
    match result {
        Ok(rec) => {
            app.install(rec.loaded, exposed);
            app.form = None;
            app.mode = Mode::Main;
            app.notice = Some(outcome(app, &edit, rec.changed_underneath));
        }
        Err(e) => {
            let lang = app.lang;
            if let Some(form) = app.form.as_mut() {
                form.refusal = Some(refusal(lang, &e));
            }
        }
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
        s.push_str(lang.t(
            "（文件刚被改动过，记录加在改动之后）",
            " (the file had changed; added on top of that change)",
        ));
    }
    s
}
