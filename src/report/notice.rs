//! `notice`: the heads-up message for each emergency contact of a loan (built in
//! `present::notice`), under a header per contact.

use super::Context;
use crate::engine::LoanView;
use crate::i18n::{Lang, Text};
use crate::model::Contact;

pub use crate::present::notice::{contact_basis, facts, message, plan, printable};

/// Why `notice` has nothing to print.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    /// `--contact NAME` names no contact of the loan; the message lists those it has.
    #[error("{0}")]
    NoSuchContact(Text),
}

/// `notice ID [--contact NAME]`: every contact's message under a header, or the one named.
pub fn text(ctx: &Context, view: &LoanView, only: Option<&str>) -> Result<String, NoticeError> {
    let lang = ctx.lang;
    let contacts: Vec<&Contact> = view
        .loan
        .contacts
        .iter()
        .filter(|c| only.is_none_or(|n| c.name.trim() == n.trim()))
        .collect();
    if contacts.is_empty() {
        if let Some(n) = only {
            let names: Vec<String> = view
                .loan
                .contacts
                .iter()
                .map(|c| printable(&c.name))
                .collect();
            let listed = |lang: Lang| {
                if names.is_empty() {
                    lang.tr("report.notice.contacts.none").to_string()
                } else {
                    names.join(lang.tr("common.comma"))
                }
            };
            let listed = Text::by_lang(listed);
            return Err(NoticeError::NoSuchContact(Text::around(
                "report.notice.contacts.no_such",
                ("names", &listed),
                &[("loan", &view.loan.id), ("name", &n)],
            )));
        }
        return Ok(format!(
            "{}\n",
            crate::i18n::phrases::no_contacts().get(lang)
        ));
    }
    let mut out = String::new();
    for (i, c) in contacts.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let name = printable(&c.name);
        let relation = c
            .relation
            .as_deref()
            .map(|r| {
                lang.trf(
                    "report.notice.contacts.relation",
                    &[("relation", &printable(r))],
                )
            })
            .unwrap_or_default();
        let told = crate::engine::notice::told(view.loan, &c.name, ctx.today)
            .map(|d| lang.trf("report.notice.told_d", &[("d", &d)]))
            .unwrap_or_default();
        out.push_str(&format!(
            "── {} {name}{relation}{told} ──\n",
            lang.tr("report.notice.to")
        ));
        out.push_str(&message(ctx, view, c));
        out.push('\n');
    }
    Ok(out)
}
