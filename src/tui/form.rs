//! The small forms that record what happened (`p` a payment, `n` a log entry, `e` an extension):
//! their fields, editing by character (so Chinese text is typed and deleted one character at a
//! time), validation in place, and the write through `store::write`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::app::{App, Mode};
use crate::engine::{InstallmentStatus, LoanStatus};
use crate::i18n::{Lang, phrases as ph};
use crate::input;
use crate::model::{LogEntry, LogKind};
use crate::money::{grouped, plain};
use crate::store::Loaded;
use crate::store::write::{self, Edit, ErrorKind, WriteError};
use crate::tui::views::list::status_words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Pay,
    Log,
    Extend,
    /// `a`: a collection call that just happened, with the date and time prefilled.
    Call,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Amount,
    Date,
    /// A log entry's kind: chosen with ←/→, not typed.
    LogKind,
    Text,
    Installment,
    /// An extension's new due date (may be in the future, unlike the others).
    Due,
    /// A time of day, HH:MM or HH:MM:SS.
    Time,
    /// Log flags, separated by commas or spaces.
    Flags,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub kind: FieldKind,
    pub value: String,
    /// Position in characters (not bytes, not columns).
    pub cursor: usize,
    /// Shown under the field, dim, when there is no error.
    pub hint: String,
    pub error: Option<String>,
}

impl Field {
    fn new(kind: FieldKind, value: String, hint: String) -> Field {
        Field {
            kind,
            cursor: value.chars().count(),
            value,
            hint,
            error: None,
        }
    }

    fn byte_at(&self, cursor: usize) -> usize {
        self.value
            .char_indices()
            .nth(cursor)
            .map(|(i, _)| i)
            .unwrap_or(self.value.len())
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        match self.kind {
            FieldKind::Amount => lang.t("金额", "Amount"),
            FieldKind::Date => lang.t("日期", "Date"),
            FieldKind::LogKind => lang.t("类型", "Kind"),
            FieldKind::Text => lang.t("内容", "What"),
            FieldKind::Installment => lang.t("第几期", "Installment"),
            FieldKind::Due => lang.t("新到期日", "New due date"),
            FieldKind::Time => lang.t("时间", "Time"),
            FieldKind::Flags => lang.t("标记", "Flags"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub loan_id: String,
    pub loan_name: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub log_kind: LogKind,
    /// Why nothing can be or was written (the demo, a store refusal); shown above the keys.
    pub refusal: Option<String>,
}

impl Form {
    pub fn title(&self, lang: Lang) -> &'static str {
        match self.kind {
            FormKind::Pay => lang.t("记录还款", "Record a payment"),
            FormKind::Log => lang.t("记录沟通", "Add a log entry"),
            FormKind::Extend => lang.t("记录延期", "Record an extension"),
            FormKind::Call => lang.t("记录催收电话（刚刚）", "Log a collection call (just now)"),
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    fn field(&self, kind: FieldKind) -> Option<&Field> {
        self.fields.iter().find(|f| f.kind == kind)
    }

    fn field_mut(&mut self, kind: FieldKind) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.kind == kind)
    }
}

/// What a key does inside a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormMsg {
    Input(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Next,
    Prev,
    Submit,
    /// Pasted text, inserted whole at the cursor: a line break or tab becomes a space, so a
    /// pasted note never submits the form half-typed.
    Paste(String),
}

pub fn log_kind_label(lang: Lang, k: LogKind) -> &'static str {
    match k {
        LogKind::Negotiation => lang.t("协商", "negotiation"),
        LogKind::CollectionCall => lang.t("催收电话", "collection call"),
        LogKind::Note => lang.t("备注", "note"),
        LogKind::ContactNotified => lang.t("已告知联系人", "contact told"),
    }
}

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
        FormKind::Call => {
            let now = app
                .clock_time
                .unwrap_or_else(|| chrono::Local::now().time())
                .format("%H:%M:%S")
                .to_string();
            vec![
                Field::new(
                    FieldKind::Text,
                    lang.t("催收电话", "collection call").to_string(),
                    lang.t(
                        "对方说了什么（可以补充）",
                        "what was said (add to it if you like)",
                    )
                    .to_string(),
                ),
                Field::new(
                    FieldKind::Time,
                    now,
                    lang.t("HH:MM:SS，预填现在", "HH:MM:SS, prefilled with now")
                        .to_string(),
                ),
                Field::new(FieldKind::Date, today.to_string(), date_hint),
                Field::new(
                    FieldKind::Flags,
                    String::new(),
                    "threat insult told_third_party fake_legal night".to_string(),
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

pub fn update(app: &mut App, msg: FormMsg) {
    if msg == FormMsg::Submit {
        submit(app);
        return;
    }
    let Some(form) = app.form.as_mut() else {
        app.mode = Mode::Main;
        return;
    };
    let n = form.fields.len();
    let log_kind = form.log_kind;
    let Some(f) = form.fields.get_mut(form.focus) else {
        return;
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
            if f.cursor < f.len() {
                let at = f.byte_at(f.cursor);
                f.value.remove(at);
                f.error = None;
            }
        }
        FormMsg::Left => f.cursor = f.cursor.saturating_sub(1),
        FormMsg::Right => f.cursor = (f.cursor + 1).min(f.len()),
        FormMsg::Home => f.cursor = 0,
        FormMsg::End => f.cursor = f.len(),
        FormMsg::Submit => {}
    }
}

/// The amount field by the one input parser, said in the user's language.
fn amount_error(lang: Lang, s: &str) -> Result<Decimal, String> {
    input::amount(s).map_err(|e| e.text().get(lang).to_string())
}

/// A date field, by the one input parser.
fn date_error(lang: Lang, s: &str) -> Result<NaiveDate, String> {
    input::date(s).map_err(|e| e.text().get(lang).to_string())
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
            let d = date_error(lang, &value(form, FieldKind::Date));
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            match (a, d) {
                (Ok(amount), Ok(date)) => Some(Edit::Pay { id, date, amount }),
                _ => None,
            }
        }
        FormKind::Log => {
            let text = value(form, FieldKind::Text).trim().to_string();
            check(form, FieldKind::Text, Ok(()));
            let d = date_error(lang, &value(form, FieldKind::Date));
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
                    Err(ph::log_text_empty().get(lang).to_string())
                } else {
                    Ok(())
                },
            );
            let d = date_error(lang, &value(form, FieldKind::Date));
            check(form, FieldKind::Date, d.clone().map(|_| ()));
            let t = input::time(&value(form, FieldKind::Time))
                .map_err(|e| e.text().get(lang).to_string());
            check(form, FieldKind::Time, t.clone().map(|_| ()));
            let flags = write::parse_flags(&value(form, FieldKind::Flags)).map_err(|_| {
                lang.t(
                    "只能是 threat insult told_third_party fake_legal night",
                    "only threat insult told_third_party fake_legal night",
                )
                .to_string()
            });
            check(form, FieldKind::Flags, flags.clone().map(|_| ()));
            match (d, t, flags) {
                (Ok(date), Ok(time), Ok(flags)) if !text.is_empty() => Some(Edit::Log {
                    id,
                    entry: LogEntry {
                        date,
                        time: Some(time),
                        kind: LogKind::CollectionCall,
                        who: Some(crate::model::WHO_ME.to_string()),
                        channel: Some(crate::model::Channel::Call),
                        flags,
                        text,
                        ..LogEntry::default()
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
                .map_err(|_| ph::installment_not_number().get(lang).to_string());
            check(form, FieldKind::Installment, n.clone().map(|_| ()));
            let d = date_error(lang, &value(form, FieldKind::Due));
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
        match refused.field.map(field_of).and_then(|k| form.field_mut(k)) {
            Some(f) => f.error = Some(refused.text(lang).to_string()),
            None => form.refusal = Some(refusal(lang, &refused)),
        }
        ok = false;
    }
    // Put the cursor on the first field that needs fixing.
    if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
        form.focus = i;
    }
    edit.filter(|_| ok)
}

/// `u`: put FILE.bak back through the store (only while the file is what repaydash last wrote),
/// and say in the status line what that took out or put back.
pub fn undo(app: &mut App) {
    let lang = app.lang;
    match crate::store::undo::undo(&app.source, &app.builtin) {
        Ok(done) => {
            app.install(done.loaded.clone());
            app.status = None;
            app.notice = Some(done.one_line(lang));
        }
        Err(e) => {
            app.status = Some(match e.kind {
                ErrorKind::Demo => demo_message(lang),
                _ => ph::nothing_undone(&e.message).get(lang).to_string(),
            });
        }
    }
}

fn refusal(lang: Lang, e: &WriteError) -> String {
    match e.kind {
        ErrorKind::Demo => demo_message(lang),
        _ => ph::nothing_written(&e.message).get(lang).to_string(),
    }
}

/// Validate, write through the store, and on success reload the app from what was written.
fn submit(app: &mut App) {
    let Some(mut form) = app.form.take() else {
        app.mode = Mode::Main;
        return;
    };
    let lang = app.lang;
    let edit = validate(app, &mut form);
    let Some(edit) = edit else {
        app.form = Some(form);
        return;
    };
    let loaded = Loaded {
        portfolio: app.portfolio.clone(),
        source: app.source.clone(),
        warnings: Vec::new(),
        read: app.read,
    };
    match write::apply(&loaded, &app.builtin, &edit, app.base_today) {
        Ok(rec) => {
            app.install(rec.loaded);
            app.mode = Mode::Main;
            app.notice = Some(outcome(app, &form, &edit, rec.changed_underneath));
        }
        Err(e) => {
            form.refusal = Some(refusal(lang, &e));
            app.form = Some(form);
        }
    }
}

/// `✓ 已记录还款 ¥800.16 · 携程借去花：正常 · 下期 ¥1,100.16 于 2026-12-18`
fn outcome(app: &App, form: &Form, edit: &Edit, changed: bool) -> String {
    let lang = app.lang;
    let cur = &app.portfolio.settings.currency;
    let what = match edit {
        Edit::Pay { amount, .. } => format!(
            "{} {cur}{}",
            lang.t("已记录还款", "recorded a payment of"),
            grouped(*amount)
        ),
        Edit::Log { entry, .. } => format!(
            "{}{}",
            lang.t("已记录：", "logged: "),
            log_kind_label(lang, entry.kind)
        ),
        Edit::Extend {
            installment, due, ..
        } => match lang {
            Lang::Zh => format!("已记录第 {installment} 期延期到 {due}"),
            Lang::En => format!("recorded installment {installment} moved to {due}"),
        },
    };
    let mut s = format!("✓ {what} · {}", form.loan_name);
    if let Some(e) = app.entries.iter().find(|e| e.id == form.loan_id) {
        let l = &e.ledger;
        s.push_str(lang.t("：", ": "));
        s.push_str(&status_words(lang, e));
        if !matches!(l.status, LoanStatus::Overdue | LoanStatus::PaidOff)
            && let Some(d) = l.next_due_date
        {
            s.push_str(&format!(
                " · {} {cur}{} {} {d}",
                lang.t("下期", "next"),
                grouped(l.next_due_amount),
                lang.t("于", "on")
            ));
        }
        if l.status == LoanStatus::Overdue {
            s.push_str(&format!(" {cur}{}", grouped(l.overdue_amount)));
        }
    }
    if changed {
        s.push_str(lang.t(
            "（文件刚被改动过，记录加在改动之后）",
            " (the file had changed; added on top of that change)",
        ));
    }
    s
}
