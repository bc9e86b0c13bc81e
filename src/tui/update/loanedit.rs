//! The loan-info form's messages (`i`): open it filled from the loan, type, check, write.

use crate::i18n::Text;
use crate::i18n::loansin as lt;
use crate::intake;
use crate::money::plain;
use crate::store::add::LoanInfo;
use crate::tui::app::App;
use crate::tui::form::{FormMsg, edit_text};
use crate::tui::loanedit::{KEYS, Key, LoanEdit};
use crate::tui::msg::{Effect, Handled, Msg};
use crate::tui::stack::View;

pub fn open(app: &mut App) {
    let Some(e) = app.selected_entry() else {
        return;
    };
    let Some(loan) = app.portfolio.loan(&e.id) else {
        return;
    };
    let contacts = loan
        .contacts
        .iter()
        .map(|c| {
            let mut parts = vec![c.name.clone()];
            parts.push(c.relation.clone().unwrap_or_default());
            if c.phone.is_some() || c.greeting.is_some() {
                parts.push(c.phone.clone().unwrap_or_default());
            }
            if let Some(g) = &c.greeting {
                parts.push(g.clone());
            }
            parts.join(",")
        })
        .collect::<Vec<_>>()
        .join("; ");
    let values = vec![
        loan.name.clone().unwrap_or_default(),
        loan.monthly_budget.map(plain).unwrap_or_default(),
        loan.hardship.clone().unwrap_or_default(),
        contacts,
    ];
    app.views.open(View::EditLoan(LoanEdit {
        id: e.id.clone(),
        title: e.name.clone(),
        cursor: values.iter().map(|v| v.chars().count()).collect(),
        values,
        focus: 0,
        error: None,
    }));
}

/// The values as the store takes them, or the first rule they break (the field's label, then
/// why, in both languages).
fn info(f: &LoanEdit) -> Result<LoanInfo, Text> {
    let v = |i: usize| Some(f.values[i].trim().to_string()).filter(|s| !s.is_empty());
    let monthly_budget = v(1)
        .map(|b| intake::amount(&b))
        .transpose()
        .map_err(|e| Key::Budget.label().join(": ", &e))?;
    let contacts = crate::input::items(&f.values[3])
        .map(intake::contact)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Key::Contacts.label().join(": ", &e))?;
    Ok(LoanInfo {
        name: v(0),
        monthly_budget,
        hardship: v(2),
        contacts,
    })
}

/// A message while the form is open: it takes every key, as the other forms do.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    crate::tui::update::form::take_every_key(app, msg, update)
}

fn update(app: &mut App, msg: FormMsg) -> Vec<Effect> {
    if msg == FormMsg::Submit {
        let Some(f) = app.views.loan_edit().cloned() else {
            return Vec::new();
        };
        return match info(&f) {
            Ok(info) => vec![Effect::SetInfo(f.id.clone(), Box::new(info))],
            Err(e) => {
                let lang = app.lang;
                if let Some(f) = app.views.loan_edit_mut() {
                    f.error = Some(e.get(lang).to_string());
                }
                Vec::new()
            }
        };
    }
    let Some(f) = app.views.loan_edit_mut() else {
        return Vec::new();
    };
    let i = f.focus;
    match msg {
        FormMsg::Next => f.focus = (f.focus + 1) % KEYS.len(),
        FormMsg::Prev => f.focus = (f.focus + KEYS.len() - 1) % KEYS.len(),
        m => {
            edit_text(&mut f.values[i], &mut f.cursor[i], &m);
        }
    }
    f.error = None;
    Vec::new()
}

/// What came of the write.
pub fn written(
    app: &mut App,
    result: Result<crate::store::write::Recorded, crate::store::write::WriteError>,
    exposed: Option<u32>,
) {
    match result {
        Ok(rec) => {
            let id = app.views.loan_edit().map(|f| f.id.clone());
            app.install(rec.loaded, exposed);
            app.views.clear();
            app.select_id(id.as_deref());
            app.notice = Some(lt::info_saved().get(app.lang).to_string());
        }
        Err(e) => {
            let lang = app.lang;
            if let Some(f) = app.views.loan_edit_mut() {
                f.error = Some(e.message.get(lang).to_string());
            }
        }
    }
}
