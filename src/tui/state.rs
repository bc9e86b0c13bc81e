//! The choices a person makes in the dashboard that should outlive it (the language `l`, the
//! sort `s`), kept in a small file in the XDG state directory (`~/.local/state/repaydash/ui.toml`
//! on Linux, via `directories`), never in the loans file. A missing or unreadable state file is
//! no error: the dashboard starts with its defaults.

use std::path::{Path, PathBuf};

use super::app::SortKey;
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UiState {
    pub lang: Option<Lang>,
    pub sort: Option<SortKey>,
}

impl SortKey {
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Urgency => "urgency",
            SortKey::Amount => "amount",
            SortKey::DueDate => "due_date",
        }
    }

    pub fn from_key(s: &str) -> Option<SortKey> {
        [SortKey::Urgency, SortKey::Amount, SortKey::DueDate]
            .into_iter()
            .find(|k| k.key() == s.trim())
    }
}

/// `$REPAYDASH_STATE` when set (tests, or a person who wants it elsewhere), else the platform's
/// state directory (Linux), else its local data directory.
pub fn default_path() -> Option<PathBuf> {
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

impl UiState {
    /// The state in `path`; what cannot be read is left at its default.
    pub fn load(path: &Path) -> UiState {
        let Ok(text) = std::fs::read_to_string(path) else {
            return UiState::default();
        };
        let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
            return UiState::default();
        };
        UiState {
            lang: doc
                .get("lang")
                .and_then(|v| v.as_str())
                .and_then(Lang::from_key),
            sort: doc
                .get("sort")
                .and_then(|v| v.as_str())
                .and_then(SortKey::from_key),
        }
    }

    /// Write the state to `path` (its folder made when missing), replacing the file whole.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = String::from("# repaydash: the dashboard's last choices (l, s)\n");
        if let Some(l) = self.lang {
            text.push_str(&format!("lang = \"{}\"\n", l.key()));
        }
        if let Some(s) = self.sort {
            text.push_str(&format!("sort = \"{}\"\n", s.key()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        crate::store::atomic::stage(path, text.as_bytes(), None)?.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_a_bad_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("deep").join("ui.toml");
        assert_eq!(UiState::load(&path), UiState::default());
        let s = UiState {
            lang: Some(Lang::En),
            sort: Some(SortKey::DueDate),
        };
        s.save(&path)?;
        assert_eq!(UiState::load(&path), s);
        let t = UiState {
            lang: Some(Lang::Zh),
            sort: None,
        };
        t.save(&path)?;
        assert_eq!(UiState::load(&path), t);
        std::fs::write(&path, "lang = [")?;
        assert_eq!(UiState::load(&path), UiState::default());
        std::fs::write(&path, "lang = \"fr\"\nsort = \"amount\"\n")?;
        assert_eq!(
            UiState::load(&path),
            UiState {
                lang: None,
                sort: Some(SortKey::Amount)
            }
        );
        Ok(())
    }
}
