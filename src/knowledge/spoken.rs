//! Dates and day counts the way people say them on the phone or write them in a letter, not the
//! ISO form of tables and JSON.

use chrono::{Datelike, NaiveDate};

use crate::i18n::{Lang, en_count};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// zh `12月18日`, en `18 December`; the year is said only when it is not `today`'s.
pub fn date(lang: Lang, d: NaiveDate, today: NaiveDate) -> String {
    let same_year = d.year() == today.year();
    match (lang, same_year) {
        (Lang::Zh, true) => format!("{}月{}日", d.month(), d.day()),
        (Lang::Zh, false) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        (Lang::En, true) => format!("{} {}", d.day(), MONTHS_EN[d.month0() as usize]),
        (Lang::En, false) => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[d.month0() as usize],
            d.year()
        ),
    }
}

/// zh `3天`, en `3 days` / `1 day`.
pub fn days(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("{n}天"),
        Lang::En => en_count(n, "day", "days"),
    }
}

/// zh `3个月`, en `3 months` / `1 month`.
pub fn months(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Zh => format!("{n}个月"),
        Lang::En => en_count(n, "month", "months"),
    }
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
