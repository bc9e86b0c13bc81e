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
            Key::Name => Text::new("名称", "Name"),
            Key::Budget => Text::new("每月能还", "Monthly budget"),
            Key::Hardship => Text::new("困难原因", "Hardship"),
            Key::Contacts => Text::new("紧急联系人", "Contacts"),
        }
    }

    pub fn hint(self) -> Text {
        match self {
            Key::Name => Text::new("留空：平台 + 产品", "empty: platform + product"),
            Key::Budget => Text::new(
                "这笔每月最多能还多少，可留空",
                "what you can pay on it a month; may be empty",
            ),
            Key::Hardship => Text::new(
                "为什么无法按约还款（写协商函时用）",
                "why you cannot pay as agreed (for the letter)",
            ),
            Key::Contacts => Text::new(
                "名字,关系,电话；多人用 ; 分开，删掉即移除",
                "NAME,RELATION,PHONE; several separated by ;",
            ),
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
