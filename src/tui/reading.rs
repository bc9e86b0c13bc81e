//! What the document and log views show (`m`, `w`, `L`), built when the data, the day, the
//! selection or the open document changes (`App::refresh_reading`), never per frame: a view
//! draws what is kept here. The texts are `present`'s, as the command line prints them.

use chrono::Duration;

use crate::engine::complaint::{self, Summary};
use crate::engine::{LoanView, notice};
use crate::i18n::Lang;
use crate::present::{self, Context};

/// Days the log view's chart covers, today included.
pub const CHART_DAYS: i64 = 30;

/// Which document the document view shows (`m`, `w`; see `tui::update::protect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// The heads-up message for the selected loan's contact at this index.
    Notice { contact: usize },
    /// The complaint draft over the whole log (opened from the log view).
    Complaint,
    /// The negotiation letter.
    Letter,
    /// A letter after the negotiation: the request for a proof of settlement, or a dispute.
    Closing(crate::present::outcome::LetterKind),
}

/// What the open document or log view shows, for the selected loan on the app's day.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The document's title and text.
    pub doc: Option<(String, String)>,
    /// The log view's figures.
    pub log: Option<LogFigures>,
}

/// The log view's figures: the chart's last [`CHART_DAYS`] days, and the whole log up to the
/// day as `complaint` counts it by default.
#[derive(Debug, Clone)]
pub struct LogFigures {
    pub chart: Summary,
    pub full: Summary,
}

/// The log view's figures up to `to` (the app's day).
pub fn log(v: &LoanView, to: chrono::NaiveDate) -> LogFigures {
    let from = to - Duration::days(CHART_DAYS - 1);
    LogFigures {
        chart: complaint::summarize(v.loan, from, to),
        full: complaint::summarize(v.loan, complaint::default_from(v.loan, to), to),
    }
}

/// The open document's title and text.
pub fn document(ctx: &Context, v: &LoanView, doc: Doc) -> Option<(String, String)> {
    let lang = ctx.lang;
    let name = ctx.display_name(v.loan);
    match doc {
        Doc::Notice { contact } => {
            let c = v.loan.contacts.get(contact)?;
            let told = notice::told(v.loan, &c.name, ctx.today)
                .map(|d| lang.trf("tui.protect.told_d", &[("d", &d)]))
                .unwrap_or_default();
            let title = lang.trf(
                "tui.reading.message_to",
                &[
                    ("name", &present::notice::printable(&c.name)),
                    ("k", &(contact + 1)),
                    ("of", &v.loan.contacts.len()),
                    ("told", &told),
                ],
            );
            Some((title, present::notice::message(ctx, v, c)))
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
                present::complaint::document(ctx, v, &s),
            ))
        }
        Doc::Letter => Some((
            format!(
                "{} · {name}{}",
                lang.tr("tui.protect.negotiation_letter"),
                other_letters(lang, &v.ledger)
            ),
            present::letter::text(ctx, v, None),
        )),
        Doc::Closing(kind) => Some((
            format!(
                "{} · {name}{}",
                crate::i18n::outcome::letter_title(kind.key()).get(lang),
                other_letters(lang, &v.ledger)
            ),
            present::outcome::letter(ctx, v, kind, None),
        )),
    }
}

/// `（Tab 换一种）` after a letter's title when the loan has other letters that fit.
fn other_letters(lang: Lang, l: &crate::engine::Ledger) -> &'static str {
    if present::outcome::LetterKind::fitting(l).len() > 1 {
        crate::i18n::outcome::letter_tab(lang)
    } else {
        ""
    }
}
