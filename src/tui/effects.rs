//! What the dashboard asks the world to do. `update` is pure: it changes the model and returns
//! effects; the event loop (`perform`) carries them out (reading or writing the loans file,
//! looking at its permissions) and feeds each result back as a `Msg`. A test can call `update`
//! alone and look at the effects, or `dispatch` to run them as the event loop does.

use std::path::{Path, PathBuf};

use super::app::App;
pub use super::msg::Effect;
use super::msg::Msg;
use super::update::update;
use crate::store::write;
use crate::store::{self, Loaded, Source};

/// The file's mode when other users can read it (only when the app checks permissions).
fn exposed(app: &App) -> Option<u32> {
    match (&app.source, app.check_perms) {
        (Source::File(p), true) => store::perms::exposed_mode(p),
        _ => None,
    }
}

/// Carry out `effects`, feeding each result back through `update` (which may ask for more).
pub fn perform(app: &mut App, effects: Vec<Effect>) {
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            let msg = match effect {
                // Only a file whose bytes differ from those on show is parsed again.
                Effect::Reload { by_hand } => {
                    match store::reload(&app.source, &app.builtin, app.base_today, app.read) {
                        Ok(None) => Msg::Unchanged(exposed(app), by_hand),
                        Ok(Some(loaded)) => {
                            Msg::Loaded(Box::new(Ok(loaded)), exposed(app), by_hand)
                        }
                        Err(e) => Msg::Loaded(Box::new(Err(e)), exposed(app), by_hand),
                    }
                }
                Effect::Write(edit) => {
                    let loaded = Loaded {
                        portfolio: app.portfolio.clone(),
                        source: app.source.clone(),
                        warnings: Vec::new(),
                        read: app.read,
                    };
                    let result = write::apply(&loaded, &app.builtin, &edit, app.base_today);
                    Msg::Written(Box::new((edit, result)), exposed(app))
                }
                Effect::Undo => {
                    let result = store::undo::undo(&app.source, &app.builtin);
                    Msg::Undone(Box::new(result), exposed(app))
                }
                // The line is found on the file as it is now; the loop opens the editor.
                Effect::OpenEditor(id) => {
                    if let Source::File(p) = &app.source {
                        let text = store::read_text(p).unwrap_or_default();
                        let line = store::add::edit_line(&text, id.as_deref(), &app.builtin)
                            .or_else(|| store::add::edit_line(&text, None, &app.builtin))
                            .unwrap_or(1);
                        app.editor_request = Some((p.clone(), line));
                    }
                    continue;
                }
                Effect::SetInfo(id, info) => {
                    let result = store::add::set_info(&app.source, &app.builtin, &id, &info);
                    Msg::InfoSet(Box::new(result), exposed(app))
                }
                Effect::RemoveEntry { id, key, index } => {
                    let result =
                        store::add::remove_entry(&app.source, &app.builtin, &id, key, index);
                    Msg::EntryRemoved(Box::new(result), exposed(app))
                }
                Effect::OpenEditorAt { id, key, index } => {
                    if let Source::File(p) = &app.source {
                        let text = store::read_text(p).unwrap_or_default();
                        let line = super::history::entry_line(&text, &id, key, index).unwrap_or(1);
                        app.editor_request = Some((p.clone(), line));
                    }
                    continue;
                }
                Effect::AddLoan(new) => {
                    let result = store::add::add(&app.source, &app.builtin, &new, app.base_today);
                    Msg::LoanAdded(Box::new(result), exposed(app))
                }
                Effect::Archive(id, on) => {
                    let result = store::add::set_archived(&app.source, &app.builtin, &id, on);
                    Msg::Archived(Box::new((id, on, result)), exposed(app))
                }
                // Not keeping a choice is no reason to disturb the person: nothing is said.
                Effect::SaveUi(state) => {
                    if let Some(p) = &app.ui_state {
                        let _ = save_ui(&state, p);
                    }
                    continue;
                }
            };
            next.extend(update(app, msg));
        }
        queue = next;
    }
}

/// `update`, then `perform`: one message handled as the event loop handles it.
pub fn dispatch(app: &mut App, msg: Msg) {
    let effects = update(app, msg);
    perform(app, effects);
}

/// Turn the permission check on (the real dashboard does) and look at the file once.
pub fn watch_perms(app: &mut App) {
    app.check_perms = true;
    let mode = exposed(app);
    app.set_exposed(mode);
}

/// `$REPAYDASH_STATE` when set (tests, or a person who wants it elsewhere), else the platform's
/// state directory (Linux), else its local data directory.
pub fn ui_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("REPAYDASH_STATE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "repaydash")?;
    let dir = dirs
        .state_dir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.data_local_dir().to_path_buf());
    Some(dir.join("ui.toml"))
}

/// The dashboard's last choices in `path`; a missing or unreadable file gives the defaults.
pub fn load_ui(path: &Path) -> super::state::UiState {
    std::fs::read_to_string(path)
        .map(|t| super::state::UiState::parse(&t))
        .unwrap_or_default()
}

/// Write the choices to `path` (its folder made when missing), replacing the file whole.
pub fn save_ui(state: &super::state::UiState, path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::store::atomic::stage(path, state.text().as_bytes(), None)?.commit()
}

#[cfg(test)]
mod ui_file_tests {
    use super::*;
    use crate::lang::Lang;
    use crate::tui::state::{SortKey, UiState};

    #[test]
    fn a_missing_folder_is_made_and_a_bad_file_gives_the_defaults()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("deep").join("ui.toml");
        assert_eq!(load_ui(&path), UiState::default());
        let s = UiState {
            lang: Some(Lang::En),
            sort: Some(SortKey::DueDate),
        };
        save_ui(&s, &path)?;
        assert_eq!(load_ui(&path), s);
        std::fs::write(&path, "lang = [")?;
        assert_eq!(load_ui(&path), UiState::default());
        Ok(())
    }
}
