//! The choices a person makes in the dashboard that should outlive it (the language `l`, the
//! sort `s`), kept in a small file in the XDG state directory (`~/.local/state/repaydash/ui.toml`
//! on Linux; `tui::effects` finds, reads and writes it), never in the loans file. A missing or
//! unreadable state file is no error: the dashboard starts with its defaults.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Urgency,
    Amount,
    DueDate,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Urgency => SortKey::Amount,
            SortKey::Amount => SortKey::DueDate,
            SortKey::DueDate => SortKey::Urgency,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SortKey::Urgency => lang.tr("tui.state.most_urgent_first"),
            SortKey::Amount => lang.tr("tui.state.owed_now_largest_first"),
            SortKey::DueDate => lang.tr("tui.state.due_date_soonest_first"),
        }
    }
}

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

impl UiState {
    /// The state a file holds; what cannot be read is left at its default.
    pub fn parse(text: &str) -> UiState {
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

    /// The file's text (`tui::effects` writes it).
    pub fn text(&self) -> String {
        let mut text = String::from("# repaydash: the dashboard's last choices (l, s)\n");
        if let Some(l) = self.lang {
            text.push_str(&format!("lang = \"{}\"\n", l.key()));
        }
        if let Some(s) = self.sort {
            text.push_str(&format!("sort = \"{}\"\n", s.key()));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_a_bad_file() {
        let s = UiState {
            lang: Some(Lang::En),
            sort: Some(SortKey::DueDate),
        };
        assert_eq!(UiState::parse(&s.text()), s);
        let t = UiState {
            lang: Some(Lang::Zh),
            sort: None,
        };
        assert_eq!(UiState::parse(&t.text()), t);
        assert_eq!(UiState::parse("lang = ["), UiState::default());
        assert_eq!(
            UiState::parse("lang = \"fr\"\nsort = \"amount\"\n"),
            UiState {
                lang: None,
                sort: Some(SortKey::Amount)
            }
        );
    }
}
