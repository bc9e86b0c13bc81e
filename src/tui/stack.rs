//! The views open over the main screen, as a stack: each view owns its state (a scroll, a form,
//! the document on show, the history's filter and selection), so opening one is a push and Esc a
//! pop back to what was under it. An empty stack is the main screen.

use super::addloan::AddLoan;
use super::form::Form;
use super::history::History;
use super::loanedit::LoanEdit;
use super::reading::Doc;
use super::scroll::Scroll;

/// An open view and its own state.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    /// The selected loan's full schedule.
    Schedule(Scroll),
    /// The keys (`?`), scrolled on a screen too short for all of them.
    Help(Scroll),
    /// Typing the list's filter (`/`); its text is `App::filter`, which outlives the prompt.
    Filter,
    /// Every warning from reading the file (`!`).
    Warnings(Scroll),
    /// A form that records a payment, a log entry, an extension or an outcome.
    Form(Form),
    /// The one-line prompt for the cash at hand (`P`), and why the last Enter was refused (shown
    /// until the text changes); its text is `App::planning`'s, kept for the next `P`.
    CashPrompt { error: Option<String> },
    /// The payment plan beside the loans.
    Plan(Scroll),
    /// What falls due week by week (`c`).
    Cashflow(Scroll),
    /// A document to read and copy: a contact's message, the complaint draft, a letter.
    Doc { doc: Doc, scroll: Scroll },
    /// The selected loan's collection log (`L`).
    LogView(Scroll),
    /// `N`: the form that adds a loan.
    AddLoan(Box<AddLoan>),
    /// `f`: the selected loan on the whole screen, every section.
    LoanFull(Scroll),
    /// `h`: every entry of every loan, its filter, scope and selection.
    History(History),
    /// Typing the history's filter, over the history (whose state it edits).
    HistoryFilter,
    /// `i`: the form that edits the loan's name, budget, hardship and contacts.
    EditLoan(LoanEdit),
}

/// Which view is on top, without its state: what the keymap looks keys up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Main,
    Schedule,
    Help,
    Filter,
    Warnings,
    Form,
    CashPrompt,
    Plan,
    Cashflow,
    Doc,
    LogView,
    AddLoan,
    LoanFull,
    History,
    HistoryFilter,
    EditLoan,
}

impl View {
    pub fn kind(&self) -> ViewKind {
        match self {
            View::Schedule(_) => ViewKind::Schedule,
            View::Help(_) => ViewKind::Help,
            View::Filter => ViewKind::Filter,
            View::Warnings(_) => ViewKind::Warnings,
            View::Form(_) => ViewKind::Form,
            View::CashPrompt { .. } => ViewKind::CashPrompt,
            View::Plan(_) => ViewKind::Plan,
            View::Cashflow(_) => ViewKind::Cashflow,
            View::Doc { .. } => ViewKind::Doc,
            View::LogView(_) => ViewKind::LogView,
            View::AddLoan(_) => ViewKind::AddLoan,
            View::LoanFull(_) => ViewKind::LoanFull,
            View::History(_) => ViewKind::History,
            View::HistoryFilter => ViewKind::HistoryFilter,
            View::EditLoan(_) => ViewKind::EditLoan,
        }
    }

    /// A view that opens as it is whenever it opens (`Msg::Show`): its state starts empty.
    pub fn fresh(kind: ViewKind) -> Option<View> {
        Some(match kind {
            ViewKind::Schedule => View::Schedule(Scroll::default()),
            ViewKind::Help => View::Help(Scroll::default()),
            ViewKind::Warnings => View::Warnings(Scroll::default()),
            ViewKind::Plan => View::Plan(Scroll::default()),
            ViewKind::Cashflow => View::Cashflow(Scroll::default()),
            ViewKind::LogView => View::LogView(Scroll::default()),
            ViewKind::LoanFull => View::LoanFull(Scroll::default()),
            _ => return None,
        })
    }

    /// Drawn over what is under it (a form, a prompt, the help), rather than filling the body.
    pub fn is_overlay(&self) -> bool {
        matches!(
            self,
            View::Help(_)
                | View::Filter
                | View::Warnings(_)
                | View::Form(_)
                | View::CashPrompt { .. }
                | View::AddLoan(_)
                | View::HistoryFilter
                | View::EditLoan(_)
        )
    }

    /// The view's scroll, when it scrolls.
    pub fn scroll_mut(&mut self) -> Option<&mut Scroll> {
        match self {
            View::Schedule(s)
            | View::Help(s)
            | View::Warnings(s)
            | View::Plan(s)
            | View::Cashflow(s)
            | View::LogView(s)
            | View::LoanFull(s)
            | View::Doc { scroll: s, .. } => Some(s),
            _ => None,
        }
    }
}

/// The open views, the top last. Empty: the main screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stack(Vec<View>);

/// A view's own state by its type, found from the top of the stack down (so under an overlay
/// such as the history's filter prompt too): `$get` to read it, `$get_mut` to change it.
macro_rules! state_of {
    ($get:ident, $get_mut:ident, $ty:ty, $variant:ident) => {
        pub fn $get(&self) -> Option<&$ty> {
            self.0.iter().rev().find_map(|v| -> Option<&$ty> {
                match v {
                    View::$variant(s) => Some(s),
                    _ => None,
                }
            })
        }

        pub fn $get_mut(&mut self) -> Option<&mut $ty> {
            self.0.iter_mut().rev().find_map(|v| -> Option<&mut $ty> {
                match v {
                    View::$variant(s) => Some(s),
                    _ => None,
                }
            })
        }
    };
}

impl Stack {
    pub fn open(&mut self, view: View) {
        self.0.push(view);
    }

    /// Close the top view: back to the one under it.
    pub fn close(&mut self) -> Option<View> {
        self.0.pop()
    }

    /// Close every view: back to the main screen.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// `view` alone over the main screen, whatever was open (the help, a form: they have always
    /// opened on the main screen, and Esc leads back there).
    pub fn reset(&mut self, view: View) {
        self.0.clear();
        self.0.push(view);
    }

    pub fn top(&self) -> Option<&View> {
        self.0.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut View> {
        self.0.last_mut()
    }

    /// What is on top (`ViewKind::Main` when nothing is open).
    pub fn kind(&self) -> ViewKind {
        self.top().map_or(ViewKind::Main, View::kind)
    }

    /// The open views, the main screen's first.
    pub fn all(&self) -> &[View] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The top view's scroll (moved by the view's keys), when it scrolls.
    pub fn scroll_mut(&mut self) -> Option<&mut Scroll> {
        self.top_mut().and_then(View::scroll_mut)
    }

    /// The document on top, if one is.
    pub fn doc(&self) -> Option<Doc> {
        match self.top() {
            Some(View::Doc { doc, .. }) => Some(*doc),
            _ => None,
        }
    }

    /// Why the cash prompt on top refused the last Enter.
    pub fn cash_error(&self) -> Option<&str> {
        match self.top() {
            Some(View::CashPrompt { error }) => error.as_deref(),
            _ => None,
        }
    }

    /// The cash prompt's refusal, to set or clear, while the prompt is on top.
    pub fn cash_error_mut(&mut self) -> Option<&mut Option<String>> {
        match self.top_mut() {
            Some(View::CashPrompt { error }) => Some(error),
            _ => None,
        }
    }

    state_of!(form, form_mut, Form, Form);
    state_of!(add_loan, add_loan_mut, AddLoan, AddLoan);
    state_of!(loan_edit, loan_edit_mut, LoanEdit, EditLoan);
    // The history's state, under its filter prompt too.
    state_of!(history, history_mut, History, History);

    /// The view that fills the body (the topmost that is no overlay); None: the main screen.
    pub fn body(&self) -> Option<&View> {
        self.0.iter().rev().find(|v| !v.is_overlay())
    }

    /// The overlays drawn over the body, bottom first.
    pub fn overlays(&self) -> &[View] {
        let from = self
            .0
            .iter()
            .rposition(|v| !v.is_overlay())
            .map_or(0, |i| i + 1);
        &self.0[from..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_goes_back_to_the_view_under_at_its_scroll() {
        let mut s = Stack::default();
        assert_eq!(s.kind(), ViewKind::Main);
        s.open(View::LogView(Scroll { top: 7 }));
        s.open(View::Doc {
            doc: Doc::Complaint,
            scroll: Scroll::default(),
        });
        assert_eq!(s.kind(), ViewKind::Doc);
        assert_eq!(s.doc(), Some(Doc::Complaint));
        s.close();
        assert_eq!(s.top(), Some(&View::LogView(Scroll { top: 7 })));
        s.close();
        assert!(s.is_empty());
    }

    #[test]
    fn an_overlay_is_drawn_over_the_view_under_it() {
        let mut s = Stack::default();
        s.open(View::History(History::default()));
        s.open(View::HistoryFilter);
        assert_eq!(s.body().map(View::kind), Some(ViewKind::History));
        assert_eq!(s.overlays(), &[View::HistoryFilter]);
        s.history_mut().unwrap().filter.push('x');
        assert_eq!(s.history().unwrap().filter, "x");
        s.reset(View::Help(Scroll::default()));
        assert_eq!(s.body(), None);
        assert_eq!(s.all(), &[View::Help(Scroll::default())]);
    }
}
