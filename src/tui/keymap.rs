//! The one keymap: every key the dashboard takes, where it works, the message it sends, what the
//! help says of it and what the footer hints say. Key handling (`keys`), the help overlay
//! (`views::help`) and the footer (`views::mod`) are all read from [`TABLE`], so a binding added
//! here shows in all three.
//!
//! A key is looked up along its context's chain (`Ctx::chain`): a view's own rows first, then
//! the main screen's (a view inherits what it does not take itself), then the keys that work
//! everywhere. A one-line input or a form takes the characters typed instead (`Ctx::takes_text`).

use ratatui::crossterm::event::KeyCode;

use super::app::{App, Doc, Pane};
use super::form::{FormKind, FormMsg};
use super::msg::Msg;
use super::stack::ViewKind;
use crate::i18n::Lang;

/// Words the keymap shows: a catalogue key (`keys.…` in `assets/i18n/`), or a key's name, the
/// same in every language (`Enter`, `↑↓ j k`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Tr(&'static str),
    Same(&'static str),
}

impl Words {
    pub const fn tr(key: &'static str) -> Words {
        Words::Tr(key)
    }

    pub const fn same(s: &'static str) -> Words {
        Words::Same(s)
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match self {
            Words::Tr(key) => lang.tr(key),
            Words::Same(s) => s,
        }
    }
}

/// Where a binding works, or where a footer hint shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// Everywhere, in a form too: Ctrl-C, Ctrl-L.
    Global,
    /// The main screen (and the help overlay): the keys every view falls back to.
    Main,
    /// The main screen with the focus on the advice: hints only (its keys are the main screen's).
    Advice,
    /// Every one-line input (the filter, the cash prompt): readline's Ctrl-U and Ctrl-W.
    Input,
    Filter,
    CashPrompt,
    HistoryFilter,
    /// The forms (`p n e a A O S F`, `N`, `i`).
    Form,
    Schedule,
    LoanFull,
    Plan,
    Cashflow,
    /// A document (`m`, `w`).
    Doc,
    /// A contact's message: hints only (its keys are the document's).
    Notice,
    LogView,
    History,
    Warnings,
    /// The help overlay (`?`): its hints are drawn in its frame, not in the footer.
    Help,
}

impl Ctx {
    /// The contexts a key is looked up in, in order, for a view in this context.
    pub fn chain(self) -> &'static [Ctx] {
        use Ctx::*;
        match self {
            Global => &[Global],
            Main | Advice => &[Main, Global],
            Input => &[Input, Global],
            Filter => &[Filter, Input, Global],
            CashPrompt => &[CashPrompt, Input, Global],
            HistoryFilter => &[HistoryFilter, Global],
            Form => &[Form, Global],
            Schedule => &[Schedule, Main, Global],
            LoanFull => &[LoanFull, Main, Global],
            Plan => &[Plan, Main, Global],
            Cashflow => &[Cashflow, Main, Global],
            Doc | Notice => &[Doc, Main, Global],
            LogView => &[LogView, Main, Global],
            History => &[History, Main, Global],
            Warnings => &[Warnings, Main, Global],
            Help => &[Help, Main, Global],
        }
    }

    /// A form or a one-line input: a character typed is text, not a command.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Ctx::Form | Ctx::Filter | Ctx::CashPrompt | Ctx::HistoryFilter | Ctx::Input
        )
    }

    /// Where keys are looked up with this view on top.
    pub fn of_view(view: ViewKind) -> Ctx {
        match view {
            ViewKind::Main => Ctx::Main,
            ViewKind::Help => Ctx::Help,
            ViewKind::Form | ViewKind::AddLoan | ViewKind::EditLoan => Ctx::Form,
            ViewKind::Filter => Ctx::Filter,
            ViewKind::CashPrompt => Ctx::CashPrompt,
            ViewKind::HistoryFilter => Ctx::HistoryFilter,
            ViewKind::History => Ctx::History,
            ViewKind::Schedule => Ctx::Schedule,
            ViewKind::LoanFull => Ctx::LoanFull,
            ViewKind::Plan => Ctx::Plan,
            ViewKind::Cashflow => Ctx::Cashflow,
            ViewKind::Doc => Ctx::Doc,
            ViewKind::LogView => Ctx::LogView,
            ViewKind::Warnings => Ctx::Warnings,
        }
    }

    /// Whose hints the footer shows for this app (the focus and the document refine the view).
    pub fn of_footer(app: &App) -> Ctx {
        match Ctx::of_view(app.views.kind()) {
            // Under the help, the footer is the main screen's.
            Ctx::Main | Ctx::Help if app.focus == Pane::Advice => Ctx::Advice,
            Ctx::Main | Ctx::Help => Ctx::Main,
            Ctx::Doc if matches!(app.views.doc(), Some(Doc::Notice { .. })) => Ctx::Notice,
            c => c,
        }
    }
}

/// A key as the keymap names it: its code, and whether Ctrl is held (other modifiers are not
/// told apart: `G` arrives with Shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn c(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: false,
    }
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const PGUP: Key = code(KeyCode::PageUp);
const PGDN: Key = code(KeyCode::PageDown);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = code(KeyCode::BackTab);
const BACKSPACE: Key = code(KeyCode::Backspace);

/// A hint in the footer: its keys as shown, its words, and its place (the footer sorts its hints
/// by `rank`; the first three and the last two always show).
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub rank: u8,
    pub label: &'static str,
    pub words: Words,
}

const fn hint(rank: u8, label: &'static str, words: Words) -> Hint {
    Hint { rank, label, words }
}

/// One row of the keymap: in `ctx`, each key sends its message; `help` is the row of the help
/// overlay (its keys as shown, its words), `footer` the hints the footer shows for it in `ctx`.
/// A row with neither is a key everyone knows (Backspace, Home) and shows nowhere.
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [(Key, Msg)],
    pub help: Option<(Words, Words)>,
    pub footer: &'static [Hint],
}

const fn bind(ctx: Ctx, keys: &'static [(Key, Msg)]) -> Binding {
    Binding {
        ctx,
        keys,
        help: None,
        footer: &[],
    }
}

impl Binding {
    const fn help(mut self, label: &'static str, words: Words) -> Binding {
        self.help = Some((Words::same(label), words));
        self
    }

    const fn help_named(mut self, label: Words, words: Words) -> Binding {
        self.help = Some((label, words));
        self
    }

    const fn footer(mut self, hints: &'static [Hint]) -> Binding {
        self.footer = hints;
        self
    }
}

use Ctx::*;

/// Every binding. The main screen's rows are in the help's order.
pub static TABLE: &[Binding] = &[
    bind(Global, &[(ctrl('c'), Msg::Quit), (ctrl('l'), Msg::Resize)]),
    // The main screen, in the help's order.
    bind(
        Main,
        &[
            (UP, Msg::Up),
            (DOWN, Msg::Down),
            (c('j'), Msg::Down),
            (c('k'), Msg::Up),
        ],
    )
    .help("↑↓ j k", Words::tr("keys.select_loan"))
    .footer(&[hint(0, "↑↓", Words::tr("keys.select"))]),
    bind(Main, &[(PGUP, Msg::PageUp), (PGDN, Msg::PageDown)])
        .help("PgUp PgDn", Words::tr("keys.page")),
    bind(
        Main,
        &[
            (code(KeyCode::Home), Msg::Top),
            (c('g'), Msg::Top),
            (code(KeyCode::End), Msg::Bottom),
            (c('G'), Msg::Bottom),
        ],
    )
    .help("g G", Words::tr("keys.first_last")),
    bind(
        Main,
        &[(ENTER, Msg::Open), (c('f'), Msg::Show(ViewKind::LoanFull))],
    )
    .help("Enter f", Words::tr("keys.schedule_whole"))
    .footer(&[hint(1, "Enter", Words::tr("keys.schedule"))]),
    bind(Main, &[(TAB, Msg::NextTopic), (BACKTAB, Msg::PrevTopic)])
        .help("Tab S-Tab", Words::tr("keys.next_prev_advice"))
        .footer(&[hint(2, "Tab", Words::tr("keys.advice"))]),
    bind(
        Main,
        &[
            (c('J'), Msg::ScrollAdvice(1)),
            (c('K'), Msg::ScrollAdvice(-1)),
            (ctrl('d'), Msg::AdvicePage(1)),
            (ctrl('u'), Msg::AdvicePage(-1)),
        ],
    )
    .help("J K ^d ^u", Words::tr("keys.scroll_advice_row_page")),
    bind(Main, &[(c('s'), Msg::CycleSort)])
        .help("s", Words::tr("keys.sort_by"))
        .footer(&[hint(4, "s", Words::tr("keys.sort"))]),
    bind(Main, &[(c('/'), Msg::OpenFilter)])
        .help("/", Words::tr("keys.filter_by"))
        .footer(&[hint(3, "/", Words::tr("keys.filter"))]),
    bind(
        Input,
        &[(ctrl('u'), Msg::ClearInput), (ctrl('w'), Msg::DeleteWord)],
    )
    .help("^u ^w", Words::tr("keys.typing")),
    bind(
        Main,
        &[(c('v'), Msg::TogglePhones), (c('i'), Msg::OpenEditLoan)],
    )
    .help("v i", Words::tr("keys.phones_edit")),
    bind(
        Main,
        &[
            (c('['), Msg::ShiftDay(-1)),
            (c(']'), Msg::ShiftDay(1)),
            (c('t'), Msg::RealToday),
        ],
    )
    .help("[ ]  t", Words::tr("keys.what_if"))
    .footer(&[hint(5, "[ ]", Words::tr("keys.what_if_day"))]),
    bind(
        Main,
        &[
            (c('r'), Msg::Reload),
            (c('u'), Msg::Undo),
            (c('E'), Msg::EditFile),
        ],
    )
    .help("r u E", Words::tr("keys.reload_undo_edit")),
    bind(
        Main,
        &[
            (c('N'), Msg::OpenAddLoan),
            (c('p'), Msg::RecordPayment),
            (c('n'), Msg::AddLog),
            (c('e'), Msg::RecordExtension),
        ],
    )
    .help("N p n e", Words::tr("keys.record")),
    bind(
        Main,
        &[
            (c('A'), Msg::OpenOutcomeForm(FormKind::Agree)),
            (c('O'), Msg::OpenOutcomeForm(FormKind::Promise)),
            (c('S'), Msg::OpenOutcomeForm(FormKind::Settle)),
            (c('F'), Msg::OpenOutcomeForm(FormKind::PayPenalty)),
            (c('C'), Msg::CheckClosing),
        ],
    )
    .help("A O S F C", Words::tr("keys.outcomes")),
    bind(
        Main,
        &[(c('P'), Msg::OpenPlan), (c('c'), Msg::OpenCashflow)],
    )
    .help("P c", Words::tr("keys.plan_flow")),
    bind(
        Main,
        &[
            (c('m'), Msg::OpenNotice),
            (c('a'), Msg::QuickCall),
            (c('h'), Msg::OpenHistory),
        ],
    )
    .help("m a h", Words::tr("keys.message_call_all")),
    bind(
        Main,
        &[
            (c('L'), Msg::OpenLogView),
            (c('w'), Msg::OpenDraft),
            (c('y'), Msg::Copy),
        ],
    )
    .help("L w y", Words::tr("keys.log_letter_copy")),
    bind(Main, &[(c('l'), Msg::ToggleLang)])
        .help("l", Words::tr("keys.switch_lang"))
        .footer(&[hint(6, "l", Words::tr("keys.other_lang"))]),
    bind(Main, &[(c('!'), Msg::ShowWarnings)]).help("!", Words::tr("keys.warnings")),
    // The mouse is no key: `keys::event` turns it into `Click` and `Wheel`.
    bind(Main, &[]).help_named(Words::tr("keys.mouse"), Words::tr("keys.mouse_does")),
    bind(Main, &[(ESC, Msg::Back)]).help("Esc", Words::tr("keys.close_clear")),
    bind(
        Main,
        &[
            (c('?'), Msg::ToggleHelp),
            (c('q'), Msg::Quit),
            (ctrl('c'), Msg::Quit),
        ],
    )
    .help("? q ^c", Words::tr("keys.help_quit"))
    .footer(&[
        hint(7, "?", Words::tr("keys.help")),
        hint(8, "q", Words::tr("keys.quit")),
    ]),
    bind(
        Main,
        &[(c('X'), Msg::Archive), (c('H'), Msg::ToggleArchived)],
    )
    .help("X H", Words::tr("keys.archive_show")),
    // The main screen with the focus on the advice: the same keys, scrolling it.
    bind(
        Advice,
        &[
            (UP, Msg::Up),
            (DOWN, Msg::Down),
            (PGUP, Msg::PageUp),
            (PGDN, Msg::PageDown),
        ],
    )
    .footer(&[hint(0, "↑↓ PgUp PgDn", Words::tr("keys.scroll_advice"))]),
    bind(Advice, &[(TAB, Msg::NextTopic)]).footer(&[hint(1, "Tab", Words::tr("keys.next_topic"))]),
    bind(Advice, &[(ESC, Msg::Back)]).footer(&[hint(2, "Esc", Words::tr("keys.back_to_list"))]),
    bind(Advice, &[(c('?'), Msg::ToggleHelp), (c('q'), Msg::Quit)]).footer(&[
        hint(3, "?", Words::tr("keys.help")),
        hint(4, "q", Words::tr("keys.quit")),
    ]),
    // The forms: characters are text; these edit and move.
    bind(Form, &[(ENTER, Msg::Form(FormMsg::Submit))]).footer(&[hint(
        0,
        "Enter",
        Words::tr("keys.save"),
    )]),
    bind(
        Form,
        &[
            (TAB, Msg::Form(FormMsg::Next)),
            (DOWN, Msg::Form(FormMsg::Next)),
            (BACKTAB, Msg::Form(FormMsg::Prev)),
            (UP, Msg::Form(FormMsg::Prev)),
        ],
    )
    .footer(&[hint(1, "Tab ↑↓", Words::tr("keys.field"))]),
    bind(
        Form,
        &[
            (code(KeyCode::Left), Msg::Form(FormMsg::Left)),
            (code(KeyCode::Right), Msg::Form(FormMsg::Right)),
        ],
    )
    .footer(&[hint(2, "← →", Words::tr("keys.move_choose"))]),
    bind(Form, &[(ESC, Msg::Back)]).footer(&[hint(3, "Esc", Words::tr("keys.cancel"))]),
    bind(
        Form,
        &[
            (BACKSPACE, Msg::Form(FormMsg::Backspace)),
            (code(KeyCode::Delete), Msg::Form(FormMsg::Delete)),
            (code(KeyCode::Home), Msg::Form(FormMsg::Home)),
            (code(KeyCode::End), Msg::Form(FormMsg::End)),
            (ctrl('u'), Msg::Form(FormMsg::ClearToStart)),
            (ctrl('w'), Msg::Form(FormMsg::DeleteWord)),
        ],
    ),
    // The one-line inputs.
    bind(Filter, &[(ENTER, Msg::Open)]).footer(&[hint(0, "Enter", Words::tr("keys.keep"))]),
    bind(Filter, &[(ESC, Msg::Back)]).footer(&[hint(1, "Esc", Words::tr("keys.clear"))]),
    bind(
        Filter,
        &[
            (BACKSPACE, Msg::Backspace),
            (UP, Msg::Up),
            (DOWN, Msg::Down),
        ],
    ),
    bind(CashPrompt, &[(ENTER, Msg::Open)]).footer(&[hint(
        0,
        "Enter",
        Words::tr("keys.make_plan"),
    )]),
    bind(CashPrompt, &[(ESC, Msg::Back)]).footer(&[hint(1, "Esc", Words::tr("keys.cancel"))]),
    bind(CashPrompt, &[(BACKSPACE, Msg::Backspace)]),
    bind(HistoryFilter, &[(ENTER, Msg::Open)]).footer(&[hint(0, "Enter", Words::tr("keys.done"))]),
    bind(HistoryFilter, &[(ESC, Msg::Back)]).footer(&[hint(1, "Esc", Words::tr("keys.clear"))]),
    bind(
        HistoryFilter,
        &[(BACKSPACE, Msg::Backspace), (ctrl('u'), Msg::ClearInput)],
    ),
    // The history (`h`).
    bind(History, &[(ENTER, Msg::Open)]).footer(&[hint(0, "Enter", Words::tr("keys.open"))]),
    bind(
        History,
        &[
            (c('/'), Msg::OpenFilter),
            (TAB, Msg::NextTopic),
            (c('o'), Msg::HistoryKey('o')),
        ],
    )
    .footer(&[hint(1, "/ Tab o", Words::tr("keys.filter_kind_loan"))]),
    bind(History, &[(c('E'), Msg::EditFile)]).footer(&[hint(2, "E", Words::tr("keys.edit"))]),
    bind(History, &[(c('d'), Msg::HistoryKey('d'))]).footer(&[hint(
        3,
        "d",
        Words::tr("keys.remove"),
    )]),
    bind(History, &[(c('u'), Msg::Undo)]).footer(&[hint(4, "u", Words::tr("keys.undo"))]),
    bind(History, &[(ESC, Msg::Back)]).footer(&[hint(5, "Esc", Words::tr("keys.back"))]),
    // The whole loan (`f`).
    bind(
        LoanFull,
        &[
            (UP, Msg::Up),
            (DOWN, Msg::Down),
            (PGUP, Msg::PageUp),
            (PGDN, Msg::PageDown),
        ],
    )
    .footer(&[hint(0, "↑↓ PgUp PgDn", Words::tr("keys.scroll"))]),
    bind(
        LoanFull,
        &[(ESC, Msg::Back), (c('f'), Msg::Show(ViewKind::LoanFull))],
    )
    .footer(&[hint(1, "Esc f", Words::tr("keys.back"))]),
    bind(LoanFull, &[(c('?'), Msg::ToggleHelp)]).footer(&[hint(2, "?", Words::tr("keys.help"))]),
    // The schedule (Enter).
    bind(Schedule, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        0,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(Schedule, &[(ESC, Msg::Back)]).footer(&[hint(1, "Esc", Words::tr("keys.back"))]),
    bind(Schedule, &[(c('?'), Msg::ToggleHelp)]).footer(&[hint(2, "?", Words::tr("keys.help"))]),
    bind(Schedule, &[(c('q'), Msg::Quit)]).footer(&[hint(3, "q", Words::tr("keys.quit"))]),
    // The plan (`P`).
    bind(Plan, &[(c('s'), Msg::CycleStrategy)]).footer(&[hint(0, "s", Words::tr("keys.strategy"))]),
    bind(Plan, &[(c('P'), Msg::OpenPlan)]).footer(&[hint(1, "P", Words::tr("keys.cash"))]),
    bind(
        Plan,
        &[(c('['), Msg::ShiftDay(-1)), (c(']'), Msg::ShiftDay(1))],
    )
    .footer(&[hint(2, "[ ]", Words::tr("keys.what_if_day"))]),
    bind(Plan, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        3,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(Plan, &[(ESC, Msg::Back)]).footer(&[hint(4, "Esc", Words::tr("keys.back"))]),
    // The weekly cash flow (`c`).
    bind(
        Cashflow,
        &[(c('['), Msg::ShiftDay(-1)), (c(']'), Msg::ShiftDay(1))],
    )
    .footer(&[hint(0, "[ ]", Words::tr("keys.what_if_day"))]),
    bind(Cashflow, &[(c('t'), Msg::RealToday)]).footer(&[hint(1, "t", Words::tr("keys.today"))]),
    bind(Cashflow, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        2,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(Cashflow, &[(c('P'), Msg::OpenPlan)]).footer(&[hint(3, "P", Words::tr("keys.plan"))]),
    bind(Cashflow, &[(ESC, Msg::Back)]).footer(&[hint(4, "Esc", Words::tr("keys.back"))]),
    // A document (`m`, `w`); a contact's message shows more of them.
    bind(Doc, &[(c('y'), Msg::Copy)]).footer(&[hint(0, "y", Words::tr("keys.copy"))]),
    bind(Doc, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        1,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(Doc, &[(ESC, Msg::Back)]).footer(&[hint(2, "Esc", Words::tr("keys.back"))]),
    bind(Doc, &[(c('t'), Msg::MarkTold)]),
    bind(Notice, &[(c('y'), Msg::Copy)]).footer(&[hint(0, "y", Words::tr("keys.copy"))]),
    bind(Notice, &[(TAB, Msg::NextTopic)]).footer(&[hint(
        1,
        "Tab",
        Words::tr("keys.next_contact"),
    )]),
    bind(Notice, &[(c('t'), Msg::MarkTold)]).footer(&[hint(2, "t", Words::tr("keys.mark_told"))]),
    bind(Notice, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        3,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(Notice, &[(ESC, Msg::Back)]).footer(&[hint(4, "Esc", Words::tr("keys.back"))]),
    // The collection log (`L`).
    bind(LogView, &[(c('w'), Msg::OpenDraft)]).footer(&[hint(0, "w", Words::tr("keys.complaint"))]),
    bind(LogView, &[(c('y'), Msg::Copy)]).footer(&[hint(1, "y", Words::tr("keys.copy_complaint"))]),
    bind(LogView, &[(c('a'), Msg::QuickCall)]).footer(&[hint(2, "a", Words::tr("keys.log_call"))]),
    bind(LogView, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        3,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(LogView, &[(ESC, Msg::Back)]).footer(&[hint(4, "Esc", Words::tr("keys.back"))]),
    // The file's warnings (`!`).
    bind(Warnings, &[(UP, Msg::Up), (DOWN, Msg::Down)]).footer(&[hint(
        0,
        "↑↓",
        Words::tr("keys.scroll"),
    )]),
    bind(Warnings, &[(c('!'), Msg::ShowWarnings), (ESC, Msg::Back)]).footer(&[hint(
        1,
        "! Esc",
        Words::tr("keys.close"),
    )]),
    // The help overlay: it scrolls on a screen too short for it.
    bind(
        Help,
        &[
            (UP, Msg::Up),
            (DOWN, Msg::Down),
            (c('J'), Msg::ScrollAdvice(1)),
            (c('K'), Msg::ScrollAdvice(-1)),
            (PGUP, Msg::PageUp),
            (PGDN, Msg::PageDown),
        ],
    )
    .footer(&[hint(0, "↑↓ J K", Words::tr("keys.scroll"))]),
    bind(Help, &[(c('?'), Msg::ToggleHelp), (ESC, Msg::Back)]).footer(&[hint(
        1,
        "? / Esc",
        Words::tr("keys.close"),
    )]),
];

/// The message `key` sends in a view of context `ctx`: its own rows, then along its chain; a
/// character typed into a form or an input is text.
pub fn lookup(ctx: Ctx, key: Key) -> Option<Msg> {
    for at in ctx.chain() {
        for b in TABLE.iter().filter(|b| b.ctx == *at) {
            if let Some((_, m)) = b.keys.iter().find(|(k, _)| *k == key) {
                return Some(m.clone());
            }
        }
    }
    match key.code {
        KeyCode::Char(ch) if ctx.takes_text() && !key.ctrl => Some(match ctx {
            Ctx::Form => Msg::Form(FormMsg::Input(ch)),
            _ => Msg::Input(ch),
        }),
        _ => None,
    }
}

/// The help overlay's rows, in order: the keys as shown and their words.
pub fn help_rows() -> impl Iterator<Item = (Words, Words)> {
    TABLE.iter().filter_map(|b| b.help)
}

/// The footer's hints in `ctx`, in their order.
pub fn hints(ctx: Ctx) -> Vec<Hint> {
    let mut out: Vec<Hint> = TABLE
        .iter()
        .filter(|b| b.ctx == ctx)
        .flat_map(|b| b.footer.iter().copied())
        .collect();
    out.sort_by_key(|h| h.rank);
    out
}
