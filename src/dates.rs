//! Dates as people read them, one style per language: `12-13` / `13 Dec` within today's year,
//! with the year (`2027-01-11` / `11 Jan 2027`) when the date is in another year, and a span
//! that crosses a year end shows the year on both ends (`2026-12-01~2027-02-14`).

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

/// The catalogue's pattern (chrono's `%` fields) for a day without or with its year.
fn fmt(lang: Lang, d: NaiveDate, year: bool) -> String {
    let pattern = if year {
        lang.tr("dates.with_year")
    } else {
        lang.tr("dates.in_year")
    };
    d.format(pattern).to_string()
}

/// One day, with its year only when that differs from `today`'s.
pub fn day(lang: Lang, d: NaiveDate, today: NaiveDate) -> String {
    fmt(lang, d, d.year() != today.year())
}

/// From `a` to `b`: both with the year when either is outside `today`'s year.
pub fn span(lang: Lang, a: NaiveDate, b: NaiveDate, today: NaiveDate) -> String {
    let year = a.year() != today.year() || b.year() != today.year();
    lang.trf(
        "dates.span",
        &[("from", &fmt(lang, a, year)), ("to", &fmt(lang, b, year))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_year_shows_only_outside_todays_year() {
        let today = d("2026-11-23");
        assert_eq!(day(Lang::Zh, d("2026-12-13"), today), "12-13");
        assert_eq!(day(Lang::En, d("2026-12-13"), today), "13 Dec");
        assert_eq!(day(Lang::Zh, d("2027-01-05"), today), "2027-01-05");
        assert_eq!(day(Lang::En, d("2027-01-05"), today), "5 Jan 2027");
        assert_eq!(day(Lang::En, d("2025-11-30"), today), "30 Nov 2025");
    }

    #[test]
    fn a_span_across_a_year_end_names_both_years() {
        let today = d("2026-11-23");
        assert_eq!(
            span(Lang::Zh, d("2026-12-01"), d("2027-02-14"), today),
            "2026-12-01~2027-02-14"
        );
        assert_eq!(
            span(Lang::En, d("2026-12-01"), d("2027-02-14"), today),
            "1 Dec 2026 – 14 Feb 2027"
        );
        assert_eq!(
            span(Lang::Zh, d("2026-12-01"), d("2026-12-14"), today),
            "12-01~12-14"
        );
    }
}
