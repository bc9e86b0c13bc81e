//! The dashboard's protection documents: the heads-up message for each contact (`m`, Tab to the
//! next, `t` marks the contact as told), the log view (`L`) with the complaint draft (`w`), the
//! negotiation letter (`w` from the main screen), and copying any of them (`y`) to the clipboard
//! through the terminal (OSC 52). The texts are built once in `present` (notice, complaint, letter)
//! for the command line and here alike, so the two faces never say different things.

use chrono::{Duration, NaiveDate};

use super::app::{App, Mode};
use super::msg::Effect;
use super::msg::Msg;
use crate::engine::complaint::{self, Summary};
use crate::engine::{LoanView, notice};
use crate::i18n::Lang;
use crate::model::{LogEntry, LogKind};
use crate::present::{self, Context};
use crate::store::write::Edit;

/// Days the log view's chart covers, today included.
pub const CHART_DAYS: i64 = 30;

pub use super::app::Doc;

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

/// The log view's chart: the last [`CHART_DAYS`] days up to the app's day.
pub fn chart_summary(app: &App) -> Option<Summary> {
    let ctx = context(app);
    let v = view(app, &ctx)?;
    let to = app.today();
    let from = to - Duration::days(CHART_DAYS - 1);
    Some(complaint::summarize(v.loan, from, to))
}

/// The whole log up to the app's day, as `complaint` counts it by default.
pub fn full_summary(app: &App) -> Option<Summary> {
    let ctx = context(app);
    let v = view(app, &ctx)?;
    let to = app.today();
    Some(complaint::summarize(
        v.loan,
        complaint::default_from(v.loan, to),
        to,
    ))
}

/// The open document's title and text.
pub fn document(app: &App, doc: Doc) -> Option<(String, String)> {
    let ctx = context(app);
    let v = view(app, &ctx)?;
    let lang = app.lang;
    let name = ctx.display_name(v.loan);
    match doc {
        Doc::Notice { contact } => {
            let c = v.loan.contacts.get(contact)?;
            let told = notice::told(v.loan, &c.name, ctx.today)
                .map(|d| lang.trf("tui.protect.told_d", &[("d", &d)]))
                .unwrap_or_default();
            let title = match lang {
                Lang::Zh => format!(
                    "给 {} 的消息（{}/{}）{told}",
                    present::notice::printable(&c.name),
                    contact + 1,
                    v.loan.contacts.len()
                ),
                Lang::En => format!(
                    "Message to {} ({}/{}){told}",
                    present::notice::printable(&c.name),
                    contact + 1,
                    v.loan.contacts.len()
                ),
            };
            Some((title, present::notice::message(&ctx, &v, c)))
        }
        Doc::Complaint => {
            // The whole document `complaint` prints, over the same days: the draft cites the
            // parts above it.
            let s = complaint::summarize(
                v.loan,
                complaint::default_from(v.loan, ctx.today),
                ctx.today,
            );
            Some((
                format!("{} · {name}", lang.tr("tui.protect.complaint")),
                present::complaint::document(&ctx, &v, &s),
            ))
        }
        Doc::Letter => Some((
            format!(
                "{} · {name}{}",
                lang.tr("tui.protect.negotiation_letter"),
                other_letters(lang, &v.ledger)
            ),
            present::letter::text(&ctx, &v, None),
        )),
        Doc::Closing(kind) => Some((
            format!(
                "{} · {name}{}",
                crate::i18n::outcome::letter_title(kind.key()).get(lang),
                other_letters(lang, &v.ledger)
            ),
            present::outcome::letter(&ctx, &v, kind, None),
        )),
    }
}

/// `（Tab 换一种）` after a letter's title when the loan has other letters that fit.
fn other_letters(lang: Lang, l: &crate::engine::Ledger) -> &'static str {
    if present::outcome::LetterKind::fitting(l).len() > 1 {
        match lang {
            Lang::Zh => crate::i18n::outcome::LETTER_TAB_ZH,
            Lang::En => crate::i18n::outcome::LETTER_TAB_EN,
        }
    } else {
        ""
    }
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
    app.doc = Some(doc);
    app.mode = Mode::Doc { scroll: 0 };
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

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard. The text is
/// cleaned as the screen is (`clean`): a paste must not carry an escape, a bell or a bidi
/// override from the user's file into wherever it is pasted.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(crate::clean::clean(text).as_bytes())
    )
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

/// Keys while a document or the log view is open.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match (app.mode, msg.clone()) {
        (Mode::Doc { .. }, Msg::Back) => {
            // The complaint draft was opened from the log view: go back there.
            app.mode = if app.doc == Some(Doc::Complaint) {
                Mode::LogView { scroll: 0 }
            } else {
                Mode::Main
            };
            app.doc = None;
        }
        (Mode::Doc { .. }, Msg::Copy) => {
            if let Some((_, text)) = app.doc.and_then(|d| document(app, d)) {
                copy(app, text);
            }
        }
        (Mode::Doc { .. }, Msg::NextTopic | Msg::PrevTopic)
            if matches!(app.doc, Some(Doc::Letter | Doc::Closing(_))) =>
        {
            if let Some(next) = app
                .doc
                .and_then(|d| cycle_letter(app, d, matches!(msg, Msg::NextTopic)))
            {
                app.doc = Some(next);
                app.mode = Mode::Doc { scroll: 0 };
            }
        }
        (Mode::Doc { .. }, Msg::NextTopic | Msg::PrevTopic) => {
            if let Some(Doc::Notice { contact }) = app.doc {
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
                app.doc = Some(Doc::Notice { contact: next });
                app.mode = Mode::Doc { scroll: 0 };
            }
        }
        (Mode::Doc { .. }, Msg::MarkTold) => {
            if let Some(Doc::Notice { contact }) = app.doc {
                return mark_told(app, contact).into_iter().collect();
            }
        }
        (Mode::Doc { scroll }, m) => {
            app.mode = Mode::Doc {
                scroll: scrolled(scroll, m).min(app.measured.doc_max_scroll),
            }
        }
        (Mode::LogView { .. }, Msg::Back) => app.mode = Mode::Main,
        (Mode::LogView { .. }, Msg::OpenDraft) => open_doc(app, Doc::Complaint),
        (Mode::LogView { .. }, Msg::Copy) => {
            if let Some((_, text)) = document(app, Doc::Complaint) {
                copy(app, text);
            }
        }
        (Mode::LogView { scroll }, m) => {
            app.mode = Mode::LogView {
                scroll: scrolled(scroll, m).min(app.measured.doc_max_scroll),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Scroll by a row or a page; the caller clamps to the last frame's end.
fn scrolled(scroll: usize, m: Msg) -> usize {
    match m {
        Msg::Up => scroll.saturating_sub(1),
        Msg::Down => scroll + 1,
        Msg::PageUp => scroll.saturating_sub(10),
        Msg::PageDown => scroll + 10,
        Msg::Top => 0,
        Msg::Bottom => usize::MAX,
        _ => scroll,
    }
}
