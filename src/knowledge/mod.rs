//! The assets as data: the platform policies' text (read by `store::builtin_policies`, with the
//! checks a user's tables meet) and the user's overrides laid over them (`Policies`), the advice,
//! the call script and the documents' texts.

pub mod advice;
pub mod complaint;
pub mod letter;
pub mod notice;
pub mod outcome_letter;
pub mod spoken;

use crate::model::Policy;

/// The built-in platform policies, as data. The store reads them (`store::builtin_policies`)
/// with the same checks as a user's `[platforms.*]` tables.
pub const PLATFORMS_TOML: &str = include_str!("../../assets/platforms.toml");

/// Built-in policies with the user's `[platforms.*]` tables laid over them.
#[derive(Debug, Clone)]
pub struct Policies {
    list: Vec<Policy>,
    fallback: Policy,
}

impl Policies {
    pub fn new(builtin: &[Policy], user: &[Policy]) -> Self {
        let list: Vec<Policy> = crate::model::merged(user, builtin).cloned().collect();
        Policies {
            list,
            fallback: Policy {
                key: "generic".into(),
                name: "generic".into(),
                name_en: None,
                aliases: vec![],
                stages: vec![],
                from_user: false,
            },
        }
    }

    /// The policy for a resolved key; `generic` for anything unknown.
    pub fn get(&self, key: &str) -> &Policy {
        self.list
            .iter()
            .find(|p| p.key == key)
            .or_else(|| self.list.iter().find(|p| p.key == "generic"))
            .unwrap_or(&self.fallback)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Basis, StageKind};
    use crate::store::builtin_policies;

    #[test]
    fn the_asset_parses_and_holds_the_four_policies() {
        let list = builtin_policies().expect("assets/platforms.toml must parse");
        let get = |k: &str| list.iter().find(|p| p.key == k).unwrap();
        let day = |k: &str, s: StageKind| get(k).stage(s).and_then(|s| s.day);
        assert_eq!(day("ctrip", StageKind::EmergencyContact), Some(1));
        assert_eq!(day("alipay", StageKind::EmergencyContact), Some(15));
        assert_eq!(
            get("alipay")
                .stage(StageKind::EmergencyContact)
                .unwrap()
                .day_typical,
            Some(90)
        );
        assert_eq!(day("alipay", StageKind::ThirdPartyCollection), Some(90));
        assert_eq!(day("xingtu", StageKind::EmergencyContact), Some(7));
        assert_eq!(day("xingtu", StageKind::FrequentContact), Some(14));
        assert_eq!(day("xingtu", StageKind::CreditReport), Some(31));
        assert_eq!(day("xingtu", StageKind::Legal), Some(31));
        assert_eq!(day("generic", StageKind::EmergencyContact), Some(8));
        assert_eq!(
            get("generic")
                .stage(StageKind::EmergencyContact)
                .unwrap()
                .day_typical,
            Some(30)
        );
        for p in &list {
            assert!(!p.from_user);
            assert!(p.name_en.is_some(), "{} has no English name", p.key);
            for s in &p.stages {
                assert!(!s.source.is_empty(), "{} {:?} has no source", p.key, s.kind);
                assert!(!s.note_zh.is_empty() && !s.note_en.is_empty());
                assert_ne!(
                    s.basis,
                    Basis::User,
                    "{} {:?}: the asset is no user",
                    p.key,
                    s.kind
                );
            }
            // Every platform reaches the later stages, each with a day and a basis.
            for kind in [
                StageKind::ThirdPartyCollection,
                StageKind::CreditReport,
                StageKind::Legal,
            ] {
                let s = p
                    .stage(kind)
                    .unwrap_or_else(|| panic!("{} has no {kind:?}", p.key));
                assert!(s.day.is_some(), "{} {kind:?} has no day", p.key);
            }
        }
        // Only xingtu's own article gives the credit and court days; elsewhere they are xingtu's
        // day used as an estimate, and third-party collection is alipay's three months.
        let basis = |k: &str, s: StageKind| get(k).stage(s).unwrap().basis;
        assert_eq!(basis("xingtu", StageKind::CreditReport), Basis::Article);
        for k in ["ctrip", "alipay", "generic"] {
            assert_eq!(basis(k, StageKind::CreditReport), Basis::Estimate);
            assert_eq!(basis(k, StageKind::Legal), Basis::Estimate);
            assert_eq!(day(k, StageKind::CreditReport), Some(31));
            assert_eq!(
                &*get(k).stage(StageKind::CreditReport).unwrap().source,
                "星图金融任性贷逾期多久会联系紧急联系人"
            );
        }
        // Issue 21: 《逾期打联系人的方法》 is about one unnamed installment platform: for any other
        // platform its days are an estimate, shown with ≈.
        assert_eq!(
            basis("generic", StageKind::EmergencyContact),
            Basis::Estimate
        );
        assert_eq!(basis("generic", StageKind::Reminder), Basis::Estimate);
        // Issue 21: 星图's days keep the article's hedges, and its credit note says what the
        // article says (uploaded, no day; past 30 days it weighs on the score).
        let note = |k: &str, s: StageKind| get(k).stage(s).unwrap().note_zh.to_string();
        assert!(note("xingtu", StageKind::EmergencyContact).contains("一般而言"));
        assert!(note("xingtu", StageKind::EmergencyContact).contains("7 天左右"));
        let frequent = note("xingtu", StageKind::FrequentContact);
        assert!(
            frequent.contains("14 天左右")
                && frequent.contains("往往")
                && frequent.contains("甚至可能")
        );
        let credit = note("xingtu", StageKind::CreditReport);
        assert!(credit.contains("逾期信息会上传征信") && credit.contains("影响信用评分"));
        for k in ["ctrip", "alipay", "xingtu", "generic"] {
            assert_eq!(basis(k, StageKind::ThirdPartyCollection), Basis::Estimate);
            assert_eq!(day(k, StageKind::ThirdPartyCollection), Some(90));
        }
    }

    #[test]
    fn aliases_resolve() {
        let list = builtin_policies().unwrap();
        let find = |name: &str| {
            list.iter()
                .find(|p| p.answers_to(name))
                .map(|p| p.key.as_str())
        };
        assert_eq!(find("携程"), Some("ctrip"));
        assert_eq!(find("借去花"), Some("ctrip"));
        assert_eq!(find("拿去花"), Some("ctrip"));
        assert_eq!(find("借呗"), Some("alipay"));
        assert_eq!(find("花呗"), Some("alipay"));
        assert_eq!(find("任性贷"), Some("xingtu"));
        assert_eq!(find("Alipay"), Some("alipay"));
        assert_eq!(find("某分期"), None);
    }
}
