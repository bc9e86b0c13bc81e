//! The add form's messages (`N`): open, type, check, write, and what came of the write.

use crate::i18n::loansin as lt;
use crate::store::add;
use crate::tui::addloan::{AddLoan, Ground, Key, idx};
use crate::tui::app::App;
use crate::tui::form::{FormMsg, edit_text};
use crate::tui::msg::{Effect, Handled, Msg};
use crate::tui::stack::View;

fn ground(app: &App) -> Ground<'_> {
    Ground {
        lang: app.lang,
        builtin: &app.builtin,
        portfolio: &app.portfolio,
        base_today: app.base_today,
    }
}

/// `N`: open the form.
pub fn open(app: &mut App) {
    let mut f = AddLoan::new(app.base_today);
    f.preview = f.loan(&ground(app)).map(|(_, l)| l);
    f.short = f
        .loan_showing(&ground(app), 1)
        .map(|(_, l)| l)
        .unwrap_or_default();
    app.views.open(View::AddLoan(Box::new(f)));
}

fn refresh(app: &mut App) {
    let Some(f) = app.views.add_loan() else {
        return;
    };
    let preview = f.loan(&ground(app)).map(|(_, l)| l);
    let short = f
        .loan_showing(&ground(app), 1)
        .map(|(_, l)| l)
        .unwrap_or_default();
    if let Some(f) = app.views.add_loan_mut() {
        f.preview = preview;
        f.short = short;
    }
}

/// A message while the form is open: it takes every key, as the other forms do.
pub fn handle(app: &mut App, msg: Msg) -> Handled {
    crate::tui::update::form::take_every_key(app, msg, update)
}

/// A key inside the form.
fn update(app: &mut App, msg: FormMsg) -> Vec<Effect> {
    let Some(f) = app.views.add_loan_mut() else {
        return Vec::new();
    };
    let keys = f.visible();
    let Some(k) = keys.get(f.focus).copied() else {
        return Vec::new();
    };
    let i = idx(k);
    let choice = matches!(k, Key::Method | Key::RateKind);
    match msg {
        FormMsg::Next => f.focus = (f.focus + 1) % keys.len(),
        FormMsg::Prev => f.focus = (f.focus + keys.len() - 1) % keys.len(),
        FormMsg::Left | FormMsg::Right if choice => {
            let step = if msg == FormMsg::Right { 1 } else { 5 };
            match k {
                Key::Method => f.method = (f.method + step) % 6,
                _ => f.daily = !f.daily,
            }
        }
        _ if choice && msg != FormMsg::Submit => {}
        FormMsg::Submit => {
            let form = f.clone();
            return match form.loan(&ground(app)) {
                Ok((new, _)) => vec![Effect::AddLoan(Box::new(new))],
                Err(e) => {
                    if let Some(f) = app.views.add_loan_mut() {
                        f.preview = Err(e);
                    }
                    Vec::new()
                }
            };
        }
        m => {
            edit_text(&mut f.values[i], &mut f.cursor[i], &m);
        }
    }
    if let Some(f) = app.views.add_loan_mut() {
        f.focus = f.focus.min(f.visible().len().saturating_sub(1));
        f.refusal = None;
    }
    refresh(app);
    Vec::new()
}

/// What came of the write: the new loan selected, or the refusal in the form.
pub fn added(
    app: &mut App,
    result: Result<add::Added, crate::store::write::WriteError>,
    exposed: Option<u32>,
) {
    match result {
        Ok(done) => {
            app.install(done.recorded.loaded, exposed);
            app.views.clear();
            app.clear_filter();
            app.select_id(Some(&done.id));
            let name = app
                .selected_entry()
                .map(|e| e.name.clone())
                .unwrap_or_default();
            app.notice = Some(lt::added_short(&done.id, &name).get(app.lang).to_string());
        }
        Err(e) => {
            let lang = app.lang;
            if let Some(f) = app.views.add_loan_mut() {
                f.refusal = Some(e.message.get(lang).to_string());
            }
        }
    }
}
