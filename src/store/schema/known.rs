//! What a loans file may hold: the keys each table knows, the nearest known key to one that is
//! not, and the limits on counts of months and days.

/// The keys each table may hold. Any other key is kept in the file and warned about (with the
/// nearest known key when one is close), never an error: a newer file still opens.
pub const ROOT: &[&str] = &["settings", "loan", "platforms"];
pub const SETTINGS: &[&str] = &["lang", "alert_days", "currency", "monthly_budget"];
pub const LOAN: &[&str] = &[
    "id",
    "name",
    "product",
    "platform",
    "principal",
    "annual_rate",
    "daily_rate",
    "method",
    "term",
    "start_date",
    "due_day",
    "fee_rate",
    "penalty_rate",
    "emergency_contact_after_days",
    "monthly_budget",
    "hardship",
    "contacts",
    "installments",
    "amount_due",
    "due_date",
    "payments",
    "extensions",
    "log",
    "archived",
    "agreements",
    "promises",
    "settlement",
];
pub const BILL: &[&str] = &["due", "amount"];
pub const CONTACT: &[&str] = &["name", "relation", "phone", "greeting"];
pub const PAYMENT: &[&str] = &["date", "amount", "kind"];
pub const AGREEMENT: &[&str] = &[
    "date",
    "from",
    "months",
    "amount",
    "total",
    "stop_interest",
    "waive_penalty",
    "ref",
    "text",
];
pub const PROMISE: &[&str] = &["date", "by", "amount", "to", "text"];
pub const SETTLEMENT: &[&str] = &["date", "amount", "ref"];
pub const EXTENSION: &[&str] = &["installment", "due"];
pub const LOG: &[&str] = &[
    "date", "time", "kind", "text", "who", "channel", "caller", "flags",
];
pub const PLATFORM: &[&str] = &["name", "name_en", "aliases", "stages"];
pub const STAGE: &[&str] = &["kind", "day", "day_typical", "source", "note_zh", "note_en"];

pub const MAX_TERM: u32 = 1200;
pub const MAX_DAY: i64 = 3650;

/// The known key an unknown one most likely meant: one or two letters off, or the same start.
pub fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| {
            (
                strsim::jaro_winkler(key, k),
                strsim::levenshtein(key, k),
                *k,
            )
        })
        .filter(|(jw, lev, _)| *lev <= 2 || *jw >= 0.88)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, _, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_known_key_is_one_close_enough() {
        assert_eq!(nearest("anual_rate", LOAN), Some("annual_rate"));
        assert_eq!(nearest("principle", LOAN), Some("principal"));
        assert_eq!(nearest("amout", PAYMENT), Some("amount"));
        assert_eq!(nearest("zebra", LOAN), None);
    }
}
