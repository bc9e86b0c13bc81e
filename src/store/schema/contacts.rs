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

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const HEAD: &str = "[[loan]]\nid = \"a\"\namount_due = 1\ndue_date = 2026-01-01\n";

    #[test]
    fn a_phone_may_be_written_as_a_number_and_a_blank_greeting_is_none() {
        let src = format!(
            "{HEAD}contacts = [\n  {{ name = \"王小明\", relation = \"同事\", phone = 13800000001, greeting = \" \" }},\n]\n"
        );
        let (p, _) = accepted(&src);
        let c = &p.loans[0].contacts[0];
        assert_eq!(
            (c.name.as_str(), c.relation.as_deref()),
            ("王小明", Some("同事"))
        );
        assert_eq!(
            (c.phone.as_deref(), c.greeting.as_deref()),
            (Some("13800000001"), None)
        );
    }

    #[test]
    fn a_contact_needs_a_name_and_a_phone_is_text() {
        let src = format!(
            "{HEAD}contacts = [\n  {{ name = \"王\" }},\n  {{ relation = \"同事\" }},\n  {{ name = \"李\", phone = true }},\n]\n"
        );
        assert_eq!(
            problems(&src),
            [
                at(7, 1, "loan[1].contacts[2].name"),
                at(8, 25, "loan[1].contacts[3].phone")
            ]
        );
    }
}
