//! The words a person may write, whatever the interface language (`assets/input.toml`): a log
//! flag's Chinese names, a contact's relation, a yes or a no. Read, never shown.

use std::sync::OnceLock;

pub const INPUT_TOML: &str = include_str!("../../assets/input.toml");

/// The asset, parsed once; a broken one reads as empty and the tests say why.
fn table() -> &'static toml::Table {
    static TABLE: OnceLock<toml::Table> = OnceLock::new();
    TABLE.get_or_init(|| toml::from_str(INPUT_TOML).unwrap_or_default())
}

/// The words listed under `section.key` (`accepted("answer", "yes")`); none when the asset
/// lacks them.
pub fn accepted(section: &str, key: &str) -> Vec<&'static str> {
    table()
        .get(section)
        .and_then(|t| t.get(key))
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_str).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_the_code_reads_is_in_the_asset() {
        assert!(toml::from_str::<toml::Table>(INPUT_TOML).is_ok());
        for (section, key) in [
            ("log_flag", "threat"),
            ("log_flag", "insult"),
            ("log_flag", "told_third_party"),
            ("log_flag", "fake_legal"),
            ("log_flag", "night"),
            ("relation", "family"),
            ("relation", "colleague"),
            ("relation", "friend"),
            ("answer", "yes"),
            ("answer", "no"),
        ] {
            assert!(!accepted(section, key).is_empty(), "{section}.{key}");
        }
        assert_eq!(accepted("log_flag", "threat"), vec!["威胁", "恐吓"]);
        assert!(accepted("answer", "maybe").is_empty());
    }
}
