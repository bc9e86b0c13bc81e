//! `i`: the fields people change most, without an editor: the loan's name, its monthly budget,
//! the hardship the negotiation letter cites, and the emergency contacts (add, change, remove
//! on one line, `NAME,RELATION,PHONE; …`). Written through `store::add::set_info`.

use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Name,
    Budget,
    Hardship,
    Contacts,
}

pub const KEYS: [Key; 4] = [Key::Name, Key::Budget, Key::Hardship, Key::Contacts];

impl Key {
    pub fn label(self) -> Text {
        match self {
            Key::Name => Text::tr("tui.loanedit.label_name"),
            Key::Budget => Text::tr("tui.loanedit.label_budget"),
            Key::Hardship => Text::tr("tui.loanedit.label_hardship"),
            Key::Contacts => Text::tr("tui.loanedit.label_contacts"),
        }
    }

    pub fn hint(self) -> Text {
        match self {
            Key::Name => Text::tr("tui.loanedit.hint_name"),
            Key::Budget => Text::tr("tui.loanedit.hint_budget"),
            Key::Hardship => Text::tr("tui.loanedit.hint_hardship"),
            Key::Contacts => Text::tr("tui.loanedit.hint_contacts"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoanEdit {
    pub id: String,
    pub title: String,
    pub values: Vec<String>,
    pub cursor: Vec<usize>,
    pub focus: usize,
    /// Why the values cannot be written (a field's rule or the store's refusal).
    pub error: Option<String>,
}
