//! A loan's `contacts`: who the lender may call, with the phone as written.

use toml::de::DeValue;

use super::known;
use super::walker::{Tab, Walker, item_span};
use crate::i18n::{phrases as ph, phrases::Need};
use crate::model::Contact;

impl Walker<'_> {
    pub(super) fn contacts(&mut self, tab: &Tab) -> Vec<Contact> {
        let Some(item) = tab.t.get("contacts") else {
            return vec![];
        };
        let base = tab.path.child("contacts");
        let mut out = vec![];
        for c in self.tables(item, &base) {
            self.unknown_keys(c.t, &c.path, known::CONTACT);
            let name = self.string(&c, "name");
            if !c.t.contains_key("name") {
                self.missing(&c, "name", Need::ContactName);
            }
            let relation = self.string(&c, "relation");
            let phone = match self.value(&c, "phone").map(|v| (v, v.get_ref())) {
                Some((_, DeValue::String(s))) => Some(s.to_string()),
                Some((_, DeValue::Integer(i))) => i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .map(|i| i.to_string()),
                Some((v, _)) => {
                    self.err(
                        item_span(v),
                        &format!("{}.phone", c.path),
                        ph::phone_must_be_string(),
                    );
                    None
                }
                None => None,
            };
            let greeting = self.string(&c, "greeting").filter(|g| !g.trim().is_empty());
            if let Some(name) = name {
                out.push(Contact {
                    name,
                    relation,
                    phone,
                    greeting,
                });
            }
        }
        out
    }
}
