//! Dates and day counts the way people say them on the phone or write them in a letter, not the
//! ISO form of tables and JSON.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

/// zh `12月18日`, en `18 December`; the year is said only when it is not `today`'s. The
/// pattern is the catalogue's (chrono's `%` fields).
pub fn date(lang: Lang, d: NaiveDate, today: NaiveDate) -> String {
    let pattern = if d.year() == today.year() {
        lang.tr("knowledge.spoken.date_this_year")
    } else {
        lang.tr("knowledge.spoken.date_other_year")
    };
    d.format(pattern).to_string()
}

/// zh `3天`, en `3 days` / `1 day`.
pub fn days(lang: Lang, n: i64) -> String {
    lang.count("knowledge.spoken.days", n)
}

/// zh `3个月`, en `3 months` / `1 month`.
pub fn months(lang: Lang, n: u32) -> String {
    lang.count("knowledge.spoken.months", i64::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_as_spoken() {
        let today = d(2026, 11, 23);
        assert_eq!(date(Lang::Zh, d(2026, 12, 18), today), "12月18日");
        assert_eq!(date(Lang::En, d(2026, 12, 18), today), "18 December");
        assert_eq!(date(Lang::Zh, d(2027, 1, 5), today), "2027年1月5日");
        assert_eq!(date(Lang::En, d(2027, 1, 5), today), "5 January 2027");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(days(Lang::En, 1), "1 day");
        assert_eq!(days(Lang::En, 3), "3 days");
        assert_eq!(days(Lang::Zh, 3), "3天");
        assert_eq!(months(Lang::En, 1), "1 month");
        assert_eq!(months(Lang::En, 12), "12 months");
        assert_eq!(months(Lang::Zh, 12), "12个月");
    }
}
