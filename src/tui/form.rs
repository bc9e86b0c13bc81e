//! The small forms that record what happened (`p` a payment, `n` a log entry, `e` an extension):
//! their fields, editing by character (so Chinese text is typed and deleted one character at a
//! time), validation in place, and the write through `store::write`.

use crate::i18n::Lang;
use crate::model::LogKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Pay,
    Log,
    Extend,
    /// `a`: a collection call that just happened, with the date and time prefilled.
    Call,
    /// `A`: a repayment agreement, prefilled with the call script's proposal.
    Agree,
    /// `O`: a promise to pay.
    Promise,
    /// `S`: a settlement for less than owed.
    Settle,
    /// `F`: money towards penalty interest or fees.
    PayPenalty,
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
    /// Who was called: me or one of the loan's contacts (a choice, `Form::call`).
    Who,
    /// How: call, SMS, visit, other (a choice).
    Channel,
    /// The caller's number or company, as the user wants it recorded.
    Caller,
    /// An agreement's first due date (may be in the future).
    From,
    /// An agreement's number of monthly payments.
    Months,
    /// A promise's day (may be in the future).
    By,
    /// Whom a promise was made to.
    To,
    /// The lender's record of an agreement or a settlement.
    Reference,
}

/// The choices of the collection-call form (`a`): who was called, how, and the flags, each
/// offered in the interface language rather than typed as keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallChoices {
    /// `me`, then the loan's contacts by name.
    pub who_options: Vec<String>,
    pub who: usize,
    /// Index into `Channel::ALL`.
    pub channel: usize,
    /// The flags ticked.
    pub flags: Vec<crate::model::LogFlag>,
    /// The flag ←/→ is on, that Space ticks.
    pub flag_cursor: usize,
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
    pub fn new(kind: FieldKind, value: String, hint: String) -> Field {
        Field {
            kind,
            cursor: value.chars().count(),
            value,
            hint,
            error: None,
        }
    }

    pub fn byte_at(&self, cursor: usize) -> usize {
        self.value
            .char_indices()
            .nth(cursor)
            .map(|(i, _)| i)
            .unwrap_or(self.value.len())
    }

    pub fn char_count(&self) -> usize {
        self.value.chars().count()
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        match self.kind {
            FieldKind::Amount => lang.tr("common.amount"),
            FieldKind::Date => lang.tr("common.date_title"),
            FieldKind::LogKind => lang.tr("tui.form.kind"),
            FieldKind::Text => lang.tr("tui.form.what"),
            FieldKind::Installment => lang.tr("tui.form.installment"),
            FieldKind::Due => lang.tr("tui.form.new_due_date"),
            FieldKind::Time => lang.tr("tui.form.time"),
            FieldKind::Flags => lang.tr("tui.form.flags"),
            FieldKind::Who => lang.tr("tui.form.who"),
            FieldKind::Channel => lang.tr("tui.form.how"),
            FieldKind::Caller => lang.tr("tui.form.caller"),
            FieldKind::From => lang.tr("tui.form.first_due"),
            FieldKind::Months => lang.tr("tui.form.months"),
            FieldKind::By => lang.tr("tui.form.by"),
            FieldKind::To => lang.tr("tui.form.to"),
            FieldKind::Reference => lang.tr("tui.form.record"),
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
    /// The collection-call form's choices.
    pub call: CallChoices,
}

impl Form {
    pub fn title(&self, lang: Lang) -> &'static str {
        match self.kind {
            FormKind::Agree => lang.tr("tui.form.record_agreement"),
            FormKind::Promise => lang.tr("tui.form.record_promise_pay"),
            FormKind::Settle => lang.tr("tui.form.record_settlement"),
            FormKind::PayPenalty => lang.tr("tui.form.record_penalty_payment"),
            FormKind::Pay => lang.tr("tui.form.record_payment"),
            FormKind::Log => lang.tr("tui.form.add_log_entry"),
            FormKind::Extend => lang.tr("tui.form.record_extension"),
            FormKind::Call => lang.tr("tui.form.log_collection_call_just"),
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn field(&self, kind: FieldKind) -> Option<&Field> {
        self.fields.iter().find(|f| f.kind == kind)
    }

    pub fn field_mut(&mut self, kind: FieldKind) -> Option<&mut Field> {
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
    /// Ctrl-U: delete everything before the cursor (the whole field while typing at its end).
    ClearToStart,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWord,
}

/// Where the word before `end` (a char position in `s`) starts, as readline's Ctrl-W sees it:
/// back over spaces, then back over what is not a space.
pub fn word_start(s: &str, end: usize) -> usize {
    let chars: Vec<char> = s.chars().take(end).collect();
    let mut i = chars.len();
    while i > 0 && chars[i - 1].is_whitespace() {
        i -= 1;
    }
    while i > 0 && !chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// `s` without the chars from `from` to `to` (char positions).
pub fn cut(s: &str, from: usize, to: usize) -> String {
    s.chars()
        .enumerate()
        .filter(|(i, _)| *i < from || *i >= to)
        .map(|(_, c)| c)
        .collect()
}

/// One typing message applied to a one-line `value` with its `cursor` (in characters): the
/// editing every text field shares. Control characters typed or pasted become spaces; false for
/// a message that is not typing (Tab, Enter, …), which the form handles itself.
pub fn edit_text(value: &mut String, cursor: &mut usize, msg: &FormMsg) -> bool {
    let mut insert = |s: &str| {
        let at = value
            .char_indices()
            .nth(*cursor)
            .map(|(b, _)| b)
            .unwrap_or(value.len());
        value.insert_str(at, s);
        *cursor += s.chars().count();
    };
    match msg {
        FormMsg::Input(c) if !c.is_control() => insert(c.encode_utf8(&mut [0; 4])),
        FormMsg::Paste(s) => {
            let s: String = s
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            insert(&s);
        }
        FormMsg::Backspace => {
            if *cursor > 0 {
                *value = cut(value, *cursor - 1, *cursor);
                *cursor -= 1;
            }
        }
        FormMsg::Delete => *value = cut(value, *cursor, *cursor + 1),
        FormMsg::Left => *cursor = cursor.saturating_sub(1),
        FormMsg::Right => *cursor = (*cursor + 1).min(value.chars().count()),
        FormMsg::Home => *cursor = 0,
        FormMsg::End => *cursor = value.chars().count(),
        FormMsg::ClearToStart => {
            *value = cut(value, 0, *cursor);
            *cursor = 0;
        }
        FormMsg::DeleteWord => {
            let from = word_start(value, *cursor);
            *value = cut(value, from, *cursor);
            *cursor = from;
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod edit_text_tests {
    use super::{FormMsg, edit_text};

    #[test]
    fn typing_moves_by_characters_and_keeps_control_characters_out() {
        let (mut v, mut c) = (String::from("王小明"), 1);
        assert!(edit_text(&mut v, &mut c, &FormMsg::Input('a')));
        assert_eq!((v.as_str(), c), ("王a小明", 2));
        edit_text(&mut v, &mut c, &FormMsg::Paste("x\ty".into()));
        assert_eq!((v.as_str(), c), ("王ax y小明", 5));
        edit_text(&mut v, &mut c, &FormMsg::Backspace);
        edit_text(&mut v, &mut c, &FormMsg::Delete);
        assert_eq!((v.as_str(), c), ("王ax 明", 4));
        edit_text(&mut v, &mut c, &FormMsg::End);
        edit_text(&mut v, &mut c, &FormMsg::DeleteWord);
        assert_eq!((v.as_str(), c), ("王ax ", 4));
        edit_text(&mut v, &mut c, &FormMsg::ClearToStart);
        assert_eq!((v.as_str(), c), ("", 0));
        edit_text(&mut v, &mut c, &FormMsg::Backspace);
        assert_eq!((v.as_str(), c), ("", 0));
        assert!(!edit_text(&mut v, &mut c, &FormMsg::Submit));
        assert!(!edit_text(&mut v, &mut c, &FormMsg::Input('\u{1b}')));
    }
}
