//! One key's value read as what it must be (a string, an amount, a percentage, a whole number in a
//! range, a date, a time, a yes/no, one of a few words), each problem reported at the value.

use std::borrow::Cow;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use toml::de::DeValue;

use super::document::Node;
use super::walker::{Tab, Walker, item_span};
use crate::i18n::{outcome, phrases as ph};
use crate::input::MAX_AMOUNT;

impl Walker<'_> {
    pub(super) fn value<'t>(&mut self, tab: &Tab<'t, '_>, key: &str) -> Option<&'t Node<'t>> {
        let v = tab.t.get(key)?;
        if self.is_written_table(v) {
            self.err(
                Some(v.span()),
                &format!("{}.{key}", tab.path),
                ph::must_be_value(key),
            );
            None
        } else {
            Some(v)
        }
    }

    pub(super) fn string(&mut self, tab: &Tab, key: &str) -> Option<String> {
        self.str(tab, key).map(str::to_string)
    }

    /// A string value, borrowed from the document: keys that are only matched need no copy.
    pub(super) fn str<'t>(&mut self, tab: &Tab<'t, '_>, key: &str) -> Option<&'t str> {
        let v = self.value(tab, key)?;
        match v.get_ref().as_str() {
            Some(s) => Some(s),
            None => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_string(key),
                );
                None
            }
        }
    }

    /// A number or a decimal string, read from its text so no float ever holds money.
    pub(super) fn decimal(&mut self, tab: &Tab, key: &str) -> Option<Decimal> {
        let v = self.value(tab, key)?;
        let raw: Cow<str> = match v.get_ref() {
            DeValue::Integer(_) | DeValue::Float(_) => match self.src.get(v.span()) {
                Some(s) if s.contains('_') => Cow::Owned(s.replace('_', "")),
                Some(s) => Cow::Borrowed(s),
                None => Cow::Borrowed(""),
            },
            DeValue::String(s) => Cow::Borrowed(s.trim()),
            _ => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_number(key),
                );
                return None;
            }
        };
        let parsed = if raw.contains(['e', 'E']) {
            Decimal::from_scientific(&raw).ok()
        } else {
            Decimal::from_str(raw.trim_start_matches('+')).ok()
        };
        match parsed {
            Some(d) => Some(d),
            None if raw.chars().all(|c| c.is_ascii_digit() || "+-.".contains(c))
                && !raw.is_empty() =>
            {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::number_does_not_fit(key, &raw),
                );
                None
            }
            None => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_number_found(key, &raw),
                );
                None
            }
        }
    }

    pub(super) fn amount(&mut self, tab: &Tab, key: &str, allow_zero: bool) -> Option<Decimal> {
        let d = self.decimal(tab, key)?;
        // Looked up again only to report: the happy path needs no span.
        let span = || tab.t.get(key).and_then(item_span);
        if d < Decimal::ZERO || (!allow_zero && d.is_zero()) {
            self.err(
                span(),
                &format!("{}.{key}", tab.path),
                ph::must_be_above_zero(key, d),
            );
            None
        } else if d > Decimal::from(MAX_AMOUNT) {
            self.err(
                span(),
                &format!("{}.{key}", tab.path),
                ph::absurdly_large(key, d, MAX_AMOUNT),
            );
            None
        } else {
            Some(d)
        }
    }

    /// A percentage within `0..=max`.
    pub(super) fn percent(&mut self, tab: &Tab, key: &str, max: i64) -> Option<Decimal> {
        let d = self.decimal(tab, key)?;
        let span = || tab.t.get(key).and_then(item_span);
        if d < Decimal::ZERO || d > Decimal::from(max) {
            self.err(
                span(),
                &format!("{}.{key}", tab.path),
                ph::percent_range(key, max, d),
            );
            None
        } else {
            Some(d)
        }
    }

    pub(super) fn integer(&mut self, tab: &Tab, key: &str, lo: i64, hi: i64) -> Option<u32> {
        let v = self.value(tab, key)?;
        let int = v
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
        match int {
            Some(i) if (lo..=hi).contains(&i) => u32::try_from(i).ok(),
            Some(i) => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::int_range(key, lo, hi, i),
                );
                None
            }
            None => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_whole(key),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, tab: &Tab, key: &str) -> Option<NaiveDate> {
        let v = self.value(tab, key)?;
        match v.get_ref() {
            DeValue::Datetime(value) => match (value.date, value.time) {
                (Some(d), None) => {
                    let date = NaiveDate::from_ymd_opt(
                        i32::from(d.year),
                        u32::from(d.month),
                        u32::from(d.day),
                    );
                    if date.is_none() {
                        self.err(
                            item_span(v),
                            &format!("{}.{key}", tab.path),
                            ph::not_a_real_date(key),
                        );
                    }
                    date
                }
                _ => {
                    self.err(
                        item_span(v),
                        &format!("{}.{key}", tab.path),
                        ph::must_be_date(key),
                    );
                    None
                }
            },
            _ => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    ph::must_be_date(key),
                );
                None
            }
        }
    }

    /// A TOML local time such as `22:40:00` (seconds may be left out).
    pub(super) fn time(&mut self, tab: &Tab, key: &str) -> Option<NaiveTime> {
        let v = self.value(tab, key)?;
        let hint = || ph::must_be_time(key);
        match v.get_ref() {
            DeValue::Datetime(value) => match (value.date, value.time, value.offset) {
                (None, Some(t), None) => {
                    let time = NaiveTime::from_hms_opt(
                        u32::from(t.hour),
                        u32::from(t.minute),
                        u32::from(t.second.unwrap_or(0)),
                    );
                    if time.is_none() {
                        self.err(item_span(v), &format!("{}.{key}", tab.path), hint());
                    }
                    time
                }
                _ => {
                    self.err(item_span(v), &format!("{}.{key}", tab.path), hint());
                    None
                }
            },
            _ => {
                self.err(item_span(v), &format!("{}.{key}", tab.path), hint());
                None
            }
        }
    }

    /// `true`/`false`, default false.
    pub(super) fn boolean(&mut self, tab: &Tab, key: &str) -> bool {
        let Some(v) = self.value(tab, key) else {
            return false;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.err(
                    item_span(v),
                    &format!("{}.{key}", tab.path),
                    outcome::must_be_bool(key),
                );
                false
            }
        }
    }

    /// A key whose string value must be one of a few words.
    pub(super) fn one_of<T>(
        &mut self,
        tab: &Tab,
        key: &str,
        value: &str,
        parse: fn(&str) -> Option<T>,
        expected: &[&str],
    ) -> Option<T> {
        let found = parse(value);
        if found.is_none() {
            let span = tab.t.get(key).and_then(item_span);
            self.err(
                span,
                &format!("{}.{key}", tab.path),
                ph::unknown_word(key, value, expected),
            );
        }
        found
    }

    /// A date that may not come before another key's date of the same entry.
    pub(super) fn not_before(
        &mut self,
        tab: &Tab,
        key: &str,
        date: Option<NaiveDate>,
        earlier: &str,
        min: Option<NaiveDate>,
    ) {
        if let (Some(d), Some(m)) = (date, min)
            && d < m
        {
            let span = tab.t.get(key).and_then(item_span);
            self.err(
                span,
                &format!("{}.{key}", tab.path),
                outcome::date_before(key, earlier),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::{LoanTerms, Rate};
    use rust_decimal_macros::dec;

    #[test]
    fn money_is_read_from_its_text_never_through_a_float() {
        let src = "[[loan]]\nid = \"a\"\nprincipal = 1_000.10\ndaily_rate = \"0.05\"\nmethod = \"bullet\"\nterm = 1\nstart_date = 2026-01-31\n";
        let (p, _) = accepted(src);
        let LoanTerms::Amortized {
            principal, rate, ..
        } = &p.loans[0].terms
        else {
            panic!("not amortized");
        };
        assert_eq!(
            (*principal, *rate),
            (dec!(1000.10), Rate::Daily(dec!(0.05)))
        );
    }

    #[test]
    fn each_value_of_the_wrong_kind_is_found_at_itself() {
        let src = "[[loan]]\nid = \"a\"\nname = 5\nprincipal = true\nannual_rate = 1001\nmethod = \"bullet\"\nterm = 1.5\nstart_date = \"2026-01-31\"\n\n[[loan]]\nid = \"b\"\namount_due = \"99999999999999999999999999999999\"\ndue_date = 2026-01-31T08:00:00\n\n[[loan]]\nid = \"c\"\namount_due = \"1e19\"\ndue_date = 2026-01-31\n";
        assert_eq!(
            problems(src),
            [
                at(3, 8, "loan[1].name"),
                at(4, 13, "loan[1].principal"),
                at(5, 15, "loan[1].annual_rate"),
                at(7, 8, "loan[1].term"),
                at(8, 14, "loan[1].start_date"),
                at(12, 14, "loan[2].amount_due"),
                at(13, 12, "loan[2].due_date"),
                at(17, 14, "loan[3].amount_due"),
            ]
        );
    }
}
