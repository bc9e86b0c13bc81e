//! `[platforms.KEY]`: the user's platforms (and the built-in asset, in the same shape), each with
//! its names, aliases and collection stages.

use super::document::Node;
use super::known::{self, MAX_DAY};
use super::walker::{KeyPath, Tab, Walker, item_span};
use crate::i18n::{phrases as ph, phrases::Need};
use crate::model::{Basis, Policy, Stage, StageKind};

impl Walker<'_> {
    pub(super) fn platforms(&mut self, item: &Node, path: &str) -> Vec<Policy> {
        let Some(t) = item.get_ref().as_table() else {
            self.err(item_span(item), path, ph::platforms_must_be_table());
            return vec![];
        };
        let mut out = vec![];
        // The parser's map is sorted by key; the user's platforms keep the order they were written.
        let mut entries: Vec<_> = t.iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        for (key, item) in entries {
            let key: &str = key.get_ref();
            let ppath = format!("{path}.{key}");
            let Some(pt) = item.get_ref().as_table() else {
                self.err(item_span(item), &ppath, ph::must_be_table(&ppath));
                continue;
            };
            let tab = Tab {
                t: pt,
                span: item_span(item),
                path: KeyPath::root(&ppath),
            };
            self.unknown_keys(pt, &tab.path, known::PLATFORM);
            let name = self.string(&tab, "name").unwrap_or_else(|| key.to_string());
            let name_en = self.string(&tab, "name_en");
            let mut aliases = vec![];
            if let Some(v) = self.value(&tab, "aliases") {
                match v.get_ref().as_array() {
                    Some(arr) => {
                        for a in arr.iter() {
                            match a.get_ref().as_str() {
                                Some(s) => aliases.push(s.to_string()),
                                None => self.err(
                                    item_span(a),
                                    &format!("{ppath}.aliases"),
                                    ph::aliases_must_be_strings(),
                                ),
                            }
                        }
                    }
                    None => self.err(
                        item_span(v),
                        &format!("{ppath}.aliases"),
                        ph::aliases_must_be_list(),
                    ),
                }
            }
            let mut stages = vec![];
            if let Some(si) = pt.get("stages") {
                let base = KeyPath::root(&ppath);
                let base = base.child("stages");
                for st in self.tables(si, &base) {
                    if let Some(stage) = self.stage(&st, &name) {
                        stages.push(stage);
                    }
                }
            }
            out.push(Policy {
                key: key.to_string(),
                name,
                name_en,
                aliases,
                stages,
                from_user: true,
            });
        }
        out
    }

    pub(super) fn stage(&mut self, tab: &Tab, platform: &str) -> Option<Stage> {
        self.unknown_keys(tab.t, &tab.path, known::STAGE);
        let kind = match self.str(tab, "kind") {
            Some(k) => match StageKind::from_key(k) {
                Some(kind) => Some(kind),
                None => {
                    let span = tab.t.get("kind").and_then(item_span);
                    let all: Vec<&str> = StageKind::ALL.iter().map(|k| k.key()).collect();
                    self.err(
                        span,
                        &format!("{}.kind", tab.path),
                        ph::unknown_stage_kind(k, &all),
                    );
                    None
                }
            },
            None => {
                if tab.t.get("kind").is_none() {
                    self.missing(tab, "kind", Need::StageKind);
                }
                None
            }
        };
        let day = self.integer(tab, "day", 0, MAX_DAY);
        let day_typical = self.integer(tab, "day_typical", 0, MAX_DAY);
        if let (Some(d), Some(t)) = (day, day_typical)
            && t < d
        {
            let span = tab.t.get("day_typical").and_then(item_span);
            self.err(
                span,
                &format!("{}.day_typical", tab.path),
                ph::day_typical_before_day(t, d),
            );
        }
        let source = match self.str(tab, "source") {
            Some(s) => s.into(),
            // The file has no language yet at parse time: name the origin in both.
            None => ph::user_stage_source(platform).into(),
        };
        let note_zh = self.str(tab, "note_zh").unwrap_or_default().into();
        let note_en = self.str(tab, "note_en").unwrap_or_default().into();
        // Tables in a loans file are the user's own (set by the callers); `basis` matters in the
        // built-in asset, where a day may be another platform's, used as an estimate.
        let basis = match self.str(tab, "basis") {
            Some(b) => match Basis::from_key(b) {
                Some(b) => b,
                None => {
                    let span = tab.t.get("basis").and_then(item_span);
                    self.err(span, &format!("{}.basis", tab.path), ph::unknown_basis(b));
                    Basis::User
                }
            },
            None => Basis::User,
        };
        Some(Stage {
            kind: kind?,
            day,
            day_typical,
            basis,
            source,
            note_zh,
            note_en,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{Basis, StageKind};

    #[test]
    fn a_users_platform_is_named_by_its_aliases() {
        let src = "[platforms.mybank]\nname = \"我的银行\"\naliases = [\"MB\"]\n\n[[platforms.mybank.stages]]\nkind = \"reminder\"\nday = 3\nsource = \"合同\"\n\n[[loan]]\nid = \"a\"\nplatform = \"MB\"\namount_due = 100\ndue_date = 2026-12-01\n";
        let (p, w) = accepted(src);
        assert!(w.is_empty(), "{w:?}");
        let mine = &p.platforms[0];
        assert_eq!(
            (mine.key.as_str(), mine.name.as_str()),
            ("mybank", "我的银行")
        );
        assert_eq!(mine.aliases, ["MB"]);
        assert!(mine.from_user);
        let st = &mine.stages[0];
        assert_eq!(
            (st.kind, st.day, st.basis),
            (StageKind::Reminder, Some(3), Basis::User)
        );
        assert_eq!(&*st.source, "合同");
        let loan = &p.loans[0];
        assert_eq!(
            (loan.platform.as_str(), loan.platform_written.as_str()),
            ("mybank", "MB")
        );
    }

    #[test]
    fn each_bad_stage_and_alias_is_found() {
        let src = "[platforms.mybank]\nname = \"我的银行\"\naliases = [\"MB\", 7]\n\n[[platforms.mybank.stages]]\nkind = \"reminder\"\nday = 10\nday_typical = 5\n\n[[platforms.mybank.stages]]\nkind = \"dunning\"\n\n[[platforms.mybank.stages]]\nday = 1\n";
        assert_eq!(
            problems(src),
            [
                at(3, 18, "platforms.mybank.aliases"),
                at(8, 15, "platforms.mybank.stages[1].day_typical"),
                at(11, 8, "platforms.mybank.stages[2].kind"),
                at(13, 1, "platforms.mybank.stages[3].kind"),
            ]
        );
        assert_eq!(problems("platforms = 1\n"), [at(1, 13, "platforms")]);
    }
}
