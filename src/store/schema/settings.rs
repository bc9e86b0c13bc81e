//! `[settings]`: the language, the alert days, the currency, the monthly budget.

use super::document::Node;
use super::known;
use super::walker::{KeyPath, Tab, Walker, item_span};
use crate::i18n::{Lang, phrases as ph};
use crate::model::Settings;

impl Walker<'_> {
    pub(super) fn settings(&mut self, item: &Node) -> Settings {
        let mut s = Settings::default();
        let Some(t) = item.get_ref().as_table() else {
            self.err(item_span(item), "settings", ph::must_be_table("settings"));
            return s;
        };
        let tab = Tab {
            t,
            span: item_span(item),
            path: KeyPath::root("settings"),
        };
        self.unknown_keys(t, &tab.path, known::SETTINGS);
        if let Some(l) = self.str(&tab, "lang") {
            match Lang::from_key(l) {
                Some(lang) => s.lang = Some(lang),
                None => {
                    let span = t.get("lang").and_then(item_span);
                    self.err(span, "settings.lang", ph::lang_value(l));
                }
            }
        }
        if let Some(d) = self.integer(&tab, "alert_days", 0, 365) {
            s.alert_days = d;
        }
        if let Some(c) = self.string(&tab, "currency") {
            s.currency = c;
        }
        s.monthly_budget = self.amount(&tab, "monthly_budget", false);
        s
    }
}
