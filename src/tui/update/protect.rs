//! The dashboard's protection documents: the heads-up message for each contact (`m`, Tab to the
//! next, `t` marks the contact as told), the log view (`L`) with the complaint draft (`w`), the
//! negotiation letter (`w` from the main screen), and copying any of them (`y`) to the clipboard
//! through the terminal (OSC 52, written by `run`). The texts are built once in `present` (notice, complaint, letter)
//! for the command line and here alike, so the two faces never say different things.

use chrono::NaiveDate;

use crate::engine::{LoanView, notice};
use crate::model::{LogEntry, LogKind};
use crate::present::{self, Context};
use crate::store::write::Edit;
use crate::tui::app::App;
use crate::tui::msg::{Effect, Handled, Msg};

pub use crate::tui::app::Doc;
use crate::tui::reading;
use crate::tui::scroll::Scroll;
use crate::tui::stack::{View, ViewKind};

/// The presentation context for the app's data and day.
pub fn context(app: &App) -> Context<'_> {
    Context {
        portfolio: &app.portfolio,
        policies: &app.policies,
        today: app.today(),
        lang: app.lang,
    }
}

/// The selected loan's engine view on the app's day.
pub fn view<'a>(app: &'a App, ctx: &Context<'a>) -> Option<LoanView<'a>> {
    let e = app.selected_entry()?;
    let loan = app.portfolio.loans.get(e.idx)?;
    Some(ctx.view(loan))
}

/// The open document's title and text, built now (`App::reading` keeps the one on show).
pub fn document(app: &App, doc: Doc) -> Option<(String, String)> {
    let ctx = context(app);
    let v = view(app, &ctx)?;
    reading::document(&ctx, &v, doc)
}

/// `w`: the first letter that fits the loan (no new plan while an agreement is kept).
pub fn first_letter(app: &App) -> Option<Doc> {
    let e = app.selected_entry()?;
    let kinds = present::outcome::LetterKind::fitting(&e.ledger);
    Some(letter_doc(*kinds.first()?))
}

fn letter_doc(kind: present::outcome::LetterKind) -> Doc {
    match kind {
        present::outcome::LetterKind::Negotiation => Doc::Letter,
        k => Doc::Closing(k),
    }
}

/// The next (or previous) letter that fits the loan after the open one.
fn cycle_letter(app: &App, doc: Doc, forward: bool) -> Option<Doc> {
    let e = app.selected_entry()?;
    let kinds = present::outcome::LetterKind::fitting(&e.ledger);
    let now = match doc {
        Doc::Letter => present::outcome::LetterKind::Negotiation,
        Doc::Closing(k) => k,
        _ => return None,
    };
    let n = kinds.len();
    let i = kinds.iter().position(|k| *k == now).unwrap_or(0);
    let j = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    kinds.get(j).copied().map(letter_doc)
}

fn open_doc(app: &mut App, doc: Doc) {
    if app.selected_entry().is_none() {
        return;
    }
    app.views.open(View::Doc {
        doc,
        scroll: Scroll::default(),
    });
}

/// Turn the open document to `doc`, from its top.
fn turn_to(app: &mut App, doc: Doc) {
    if let Some(View::Doc { doc: d, scroll }) = app.views.top_mut() {
        *d = doc;
        *scroll = Scroll::default();
    }
}

/// `m`: the first contact's message; a loan without contacts says so in the status line.
pub fn open_notice(app: &mut App) {
    let Some(e) = app.selected_entry() else {
        return;
    };
    let has = app
        .portfolio
        .loans
        .get(e.idx)
        .is_some_and(|l| !l.contacts.is_empty());
    if has {
        // Start at the first contact not yet told, else the first.
        let ctx = context(app);
        let first = view(app, &ctx)
            .and_then(|v| {
                let left = notice::to_tell(v.loan, &v.escalation, ctx.today);
                let name = left.first()?.name.clone();
                v.loan.contacts.iter().position(|c| c.name == name)
            })
            .unwrap_or(0);
        open_doc(app, Doc::Notice { contact: first });
    } else {
        app.notice = Some(
            crate::i18n::phrases::no_contacts()
                .get(app.lang)
                .to_string(),
        );
    }
}

/// Ask the event loop to put `text` on the clipboard, and say so.
pub fn copy(app: &mut App, text: String) {
    app.clipboard = Some(text);
    app.notice = Some(
        app.lang
            .tr("tui.protect.copied_clipboard_osc_52")
            .to_string(),
    );
}

/// `t` in a contact's message: ask to record `kind = "contact_notified"` naming the contact,
/// dated the app's day (the real today when a what-if day lies ahead: nothing is recorded in
/// advance). The event loop writes it; `update::form::written` says what came of it.
fn mark_told(app: &App, contact: usize) -> Option<Effect> {
    let lang = app.lang;
    let e = app.selected_entry()?;
    let c = app
        .portfolio
        .loans
        .get(e.idx)
        .and_then(|l| l.contacts.get(contact))?;
    let date: NaiveDate = app.today().min(app.base_today);
    Some(Effect::Write(Edit::Log {
        id: e.id.clone(),
        entry: LogEntry {
            date,
            kind: LogKind::ContactNotified,
            who: Some(c.name.clone()),
            text: lang.tr("tui.protect.sent_heads_up_message").to_string(),
            ..LogEntry::default()
        },
    }))
}

/// A message while a document or the log view is open; the language and the mouse are the
/// app's.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    match (app.views.kind(), msg) {
        (_, m @ (Msg::ToggleLang | Msg::Click { .. } | Msg::Wheel { .. })) => Err(m),
        (ViewKind::LogView, Msg::QuickCall) => {
            super::form::open(app, crate::tui::form::FormKind::Call);
            Ok(Vec::new())
        }
        (_, m) => Ok(update(app, m)),
    }
}

fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let doc = app.views.doc();
    match (app.views.kind(), msg.clone()) {
        // Back to what the document was opened from: the main screen, or the log view for the
        // complaint draft.
        (ViewKind::Doc | ViewKind::LogView, Msg::Back) => {
            app.views.close();
        }
        (ViewKind::Doc, Msg::Copy) => {
            // The text on show, built when the document opened.
            if let Some((_, text)) = app.reading.doc.clone() {
                copy(app, text);
            }
        }
        (ViewKind::Doc, Msg::NextTopic | Msg::PrevTopic)
            if matches!(doc, Some(Doc::Letter | Doc::Closing(_))) =>
        {
            if let Some(next) =
                doc.and_then(|d| cycle_letter(app, d, matches!(msg, Msg::NextTopic)))
            {
                turn_to(app, next);
            }
        }
        (ViewKind::Doc, Msg::NextTopic | Msg::PrevTopic) => {
            if let Some(Doc::Notice { contact }) = doc {
                let n = app
                    .selected_entry()
                    .and_then(|e| app.portfolio.loans.get(e.idx))
                    .map(|l| l.contacts.len())
                    .unwrap_or(0)
                    .max(1);
                let next = if matches!(msg, Msg::NextTopic) {
                    (contact + 1) % n
                } else {
                    (contact + n - 1) % n
                };
                turn_to(app, Doc::Notice { contact: next });
            }
        }
        (ViewKind::Doc, Msg::MarkTold) => {
            if let Some(Doc::Notice { contact }) = doc {
                return mark_told(app, contact).into_iter().collect();
            }
        }
        (ViewKind::LogView, Msg::OpenDraft) => open_doc(app, Doc::Complaint),
        (ViewKind::LogView, Msg::Copy) => {
            if let Some((_, text)) = document(app, Doc::Complaint) {
                copy(app, text);
            }
        }
        (ViewKind::Doc | ViewKind::LogView, m) => scrolled(app, m),
        _ => {}
    }
    Vec::new()
}

/// Scroll by a row or a page (ten rows), within the last frame's end.
fn scrolled(app: &mut App, m: Msg) {
    let last = app.measured.doc_max_scroll;
    if let Some(s) = app.views.scroll_mut() {
        *s = m.as_move().map_or(
            Scroll {
                top: s.top.min(last),
            },
            |mv| s.moved(mv, last, 10),
        );
    }
}
