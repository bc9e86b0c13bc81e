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

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::i18n::Lang;
    use crate::model::Settings;
    use rust_decimal_macros::dec;

    #[test]
    fn settings_are_read_and_default_when_absent() {
        let src = "[settings]\nlang = \"en\"\nalert_days = 5\ncurrency = \"$\"\nmonthly_budget = \"1200.50\"\n";
        let (p, w) = accepted(src);
        assert!(w.is_empty());
        let s = p.settings;
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!((s.alert_days, s.currency.as_str()), (5, "$"));
        assert_eq!(s.monthly_budget, Some(dec!(1200.50)));
        let (p, _) = accepted("");
        let d = Settings::default();
        assert_eq!(
            (p.settings.lang, p.settings.alert_days),
            (None, d.alert_days)
        );
        assert_eq!(p.settings.currency, "¥");
    }

    #[test]
    fn each_bad_setting_is_found_at_its_value() {
        let src = "[settings]\nlang = \"fr\"\nalert_days = -1\nmonthly_budget = 0\n";
        assert_eq!(
            problems(src),
            [
                at(2, 8, "settings.lang"),
                at(3, 14, "settings.alert_days"),
                at(4, 18, "settings.monthly_budget"),
            ]
        );
        assert_eq!(problems("settings = 3\n"), [at(1, 12, "settings")]);
    }
}
