//! Everything that can happen to the dashboard (`Msg`), and what it can ask the world to do
//! (`Effect`). How the model changes is in `update`.

use std::time::Instant;

use super::form::FormMsg;
use super::scroll::Move;
use super::stack::ViewKind;
use crate::store::undo::Undone;
use crate::store::write::{Edit, Recorded, WriteError};
use crate::store::{LoadError, Loaded};

#[derive(Debug, Clone)]
pub enum Msg {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected loan's schedule.
    Open,
    /// Close the overlay (never quits).
    Back,
    Quit,
    NextTopic,
    CycleSort,
    TogglePhones,
    ToggleHelp,
    /// What-if: move "today" by this many days.
    ShiftDay(i64),
    RealToday,
    Reload,
    /// `u`: undo the last write (again: redo it).
    Undo,
    /// The file changed on disk.
    FileChanged,
    /// The event loop's clock, before each frame: a fading notice's time runs from the first
    /// tick that sees it (`App::tick`).
    Tick(Instant),
    /// Midnight passed this many times: the day moves on while the dashboard stays open (a
    /// `--today` moves with it, so a what-if started yesterday is still one tomorrow).
    DaysPassed(i64),
    Resize,
    /// Open the form that records a payment (`p`), a log entry (`n`) or an extension (`e`).
    RecordPayment,
    AddLog,
    RecordExtension,
    /// `A`, `O`, `S`, `F`: the form for an agreement, a promise, a settlement or a penalty payment.
    OpenOutcomeForm(crate::tui::form::FormKind),
    /// `C`: mark the next item of a cleared loan's closing checklist as done (a note in its log).
    CheckClosing,
    /// A key inside the open form.
    Form(FormMsg),
    /// The previous advice topic (shift-Tab).
    PrevTopic,
    /// Scroll the advice area by this many rows (`J` / `K`).
    ScrollAdvice(i64),
    /// Scroll the advice area by this many pages (ctrl-d / ctrl-u).
    AdvicePage(i64),
    /// `P`: ask for the cash at hand, then show the plan.
    OpenPlan,
    /// `c`: the weekly cash-flow view.
    OpenCashflow,
    /// A character typed into a one-line input.
    Input(char),
    Backspace,
    /// Ctrl-U in a one-line input: clear it.
    ClearInput,
    /// Ctrl-W in a one-line input: delete its last word.
    DeleteWord,
    /// Next plan strategy (urgency → avalanche → snowball).
    CycleStrategy,
    /// `m`: the heads-up message for the selected loan's contacts.
    OpenNotice,
    /// `a`: log a collection call that just happened (date and time prefilled).
    QuickCall,
    /// `L`: the selected loan's collection log.
    OpenLogView,
    /// `w`: the negotiation letter (main screen) or the complaint draft (log view).
    OpenDraft,
    /// `y`: copy the document shown.
    Copy,
    /// `t` in a contact's message: record that the contact was told.
    MarkTold,
    /// `!`: list every warning from reading the file.
    ShowWarnings,
    /// `l`: Chinese ↔ English, for this session only.
    ToggleLang,
    /// `/`: type a filter for the list.
    OpenFilter,
    /// A left click at this column and row of the screen.
    Click {
        x: u16,
        y: u16,
    },
    /// The wheel turned over this cell: rows down (positive) or up.
    Wheel {
        x: u16,
        y: u16,
        rows: i64,
    },
    /// `E`: open the loans file in the editor at the selected loan (or, when the last reload
    /// failed, at the file's first problem).
    EditFile,
    /// The editor opened by `E` returned.
    EditorReturned,
    /// `A`: archive the selected loan (or bring it back when it is archived).
    Archive,
    /// `H`: show or hide the archived loans.
    ToggleArchived,
    /// `N`: the form that adds a loan.
    OpenAddLoan,
    /// `h`: every entry of every loan.
    OpenHistory,
    /// `i`: the form that edits the selected loan's name, budget, hardship and contacts.
    OpenEditLoan,
    /// What came of `Effect::SetInfo`, and the file's mode when other users can read it.
    InfoSet(Box<Result<Recorded, WriteError>>, Option<u32>),
    /// A letter key of the history view: `o` (this loan / all), `d` (remove).
    HistoryKey(char),
    /// What came of `Effect::RemoveEntry`, and the file's mode when other users can read it.
    EntryRemoved(Box<Result<Recorded, WriteError>>, Option<u32>),
    /// What came of `Effect::AddLoan`, and the file's mode when other users can read it.
    LoanAdded(
        Box<Result<crate::store::add::Added, WriteError>>,
        Option<u32>,
    ),
    /// What came of `Effect::Archive`, and the file's mode when other users can read it.
    Archived(
        Box<(String, bool, Result<Recorded, WriteError>)>,
        Option<u32>,
    ),
    /// Text pasted (bracketed paste): arrives whole, into the input that has the focus.
    Paste(String),
    /// Open a view that needs no behaviour of its own beyond drawing: Esc closes it.
    Show(ViewKind),
    /// The file as read again (`Effect::Reload`), its mode when other users can read it, and
    /// whether the user asked (`r`: the footer then says so).
    Loaded(Box<Result<Loaded, LoadError>>, Option<u32>, bool),
    /// The file read again holds exactly the bytes on show (`store::reload`), so nothing was
    /// parsed; its mode when other users can read it, and whether the user asked.
    Unchanged(Option<u32>, bool),
    /// What came of `Effect::Write`, and the file's mode when other users can read it.
    Written(Box<(Edit, Result<Recorded, WriteError>)>, Option<u32>),
    /// What came of `Effect::Undo`, and the file's mode when other users can read it.
    Undone(Box<Result<Undone, WriteError>>, Option<u32>),
}

impl Msg {
    /// The move of a scrolled view this message asks for, if it is one (see `tui::scroll`).
    pub fn as_move(&self) -> Option<Move> {
        Some(match self {
            Msg::Up => Move::Rows(-1),
            Msg::Down => Move::Rows(1),
            Msg::ScrollAdvice(n) => Move::Rows(*n),
            Msg::PageUp => Move::Pages(-1),
            Msg::PageDown => Move::Pages(1),
            Msg::AdvicePage(n) => Move::Pages(*n),
            Msg::Top => Move::Top,
            Msg::Bottom => Move::Bottom,
            _ => return None,
        })
    }
}

/// What a view's handler in `update` made of a message: the effects it asks for, or the message
/// handed back (`Err`) when it is not the view's own, for the handling every view shares (the
/// language, the mouse, Esc closing the view).
pub type Handled = Result<Vec<Effect>, Msg>;

/// What `update` asks the event loop to do (see `effects`).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the file again: the user asked (`r`), or the watcher saw a change.
    Reload { by_hand: bool },
    /// Record this entry in the file (a form was submitted and its values are valid).
    Write(Edit),
    /// Put FILE.bak back (`u`), through the store.
    Undo,
    /// Keep the language and sort for the next run (`tui::state`).
    SaveUi(super::state::UiState),
    /// Open the file in the editor at this loan's line (None: at the first problem, else the
    /// top); the event loop leaves the terminal to the editor and reloads when it returns.
    OpenEditor(Option<String>),
    /// Set (true) or take out (false) `archived = true` on this loan, through the store.
    Archive(String, bool),
    /// Add this loan to the file (`N`), through the store.
    AddLoan(Box<crate::store::add::NewLoan>),
    /// Take the `index`-th entry of `key` (`payments`, `log`, `extensions`) out of loan `id`.
    RemoveEntry {
        id: String,
        key: &'static str,
        index: usize,
    },
    /// Set the loan's name, budget, hardship and contacts (`i`), through the store.
    SetInfo(String, Box<crate::store::add::LoanInfo>),
    /// Open the editor at that entry's line.
    OpenEditorAt {
        id: String,
        key: &'static str,
        index: usize,
    },
}
