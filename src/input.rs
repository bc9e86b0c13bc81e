//! The one reader of what a person types: amounts of money, dates and times, and the words of a
//! log entry (its kind, channel and flags). The CLI (`pay`, `log`,
//! `extend`, `plan --cash`, `--date`, `--to`, `--today`), the dashboard's forms and its cash
//! prompt all call these, so they accept and refuse the same text with the same message.
//! Pure: no files, no terminal.
//!
//! Amounts: `1000`, `1000.5`, `1,000`, `¥1,000`, `￥1,000.50`, full-width digits (`１００`, what a
//! Chinese input method types), surrounding spaces. Refused, each saying why: more than two
//! decimals, a comma that does not separate groups of three (`1,00`), a comma after the point
//! (`1.000,5`), signs, exponents, zero or less, anything else.
//!
//! Dates: `YYYY-MM-DD` (full-width digits and hyphens too). A date in that form that does not
//! exist (`2026-02-30`) is told so, not told to use the form it already has.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike};
use rust_decimal::Decimal;

use crate::i18n::{Text, phrases};
use crate::model::{Channel, LogFlag, LogKind};

/// Largest amount accepted: far above any consumer loan, far below where Decimal could overflow.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// Why typed text is not an amount, a date, a time or a log entry's word. `input` is the text as
/// typed (trimmed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{}", self.text())]
    Empty,
    #[error("{}", self.text())]
    NotANumber { input: String },
    /// A comma that is not a thousands separator, or a decimal comma: the value is a guess.
    #[error("{}", self.text())]
    Ambiguous { input: String },
    #[error("{}", self.text())]
    TooManyDecimals { input: String },
    #[error("{}", self.text())]
    NotPositive { input: String },
    #[error("{}", self.text())]
    TooLarge { input: String },
    #[error("{}", self.text())]
    DateFormat { input: String },
    /// Not `HH:MM` or `HH:MM:SS` within a day.
    #[error("{}", self.text())]
    TimeFormat { input: String },
    /// In the date form, but no such day exists.
    #[error("{}", self.text())]
    NoSuchDay {
        input: String,
        year: i32,
        month: u32,
    },
    /// Not one of the log kinds.
    #[error("{}", self.text())]
    UnknownLogKind { input: String },
    /// Not one of `phrases::CHANNELS`.
    #[error("{}", self.text())]
    UnknownChannel { input: String },
    /// Not one of `phrases::FLAGS`.
    #[error("{}", self.text())]
    UnknownFlag { input: String },
}

impl InputError {
    /// The message in both languages, from the catalogue.
    pub fn text(&self) -> Text {
        match self {
            InputError::Empty => phrases::amount_empty(),
            InputError::NotANumber { input } => phrases::amount_not_a_number(input),
            InputError::Ambiguous { input } => phrases::amount_ambiguous(input),
            InputError::TooManyDecimals { input } => phrases::amount_too_many_decimals(input),
            InputError::NotPositive { input } => phrases::amount_not_positive(input),
            InputError::TooLarge { input } => phrases::amount_too_large(input, MAX_AMOUNT),
            InputError::DateFormat { input } => phrases::date_format(input),
            InputError::TimeFormat { input } => phrases::time_format(input),
            InputError::NoSuchDay { input, year, month } => {
                phrases::no_such_day(input, *year, *month, days_in_month(*year, *month))
            }
            InputError::UnknownLogKind { input } => phrases::unknown_log_kind(input),
            InputError::UnknownChannel { input } => {
                phrases::unknown_word("channel", input, phrases::CHANNELS)
            }
            InputError::UnknownFlag { input } => crate::i18n::trust::unknown_flag(input),
        }
    }
}

/// Full-width forms (U+FF01..U+FF5E) to their ASCII twins, the ideographic space to a space.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// An amount of money above zero, with at most two decimals.
pub fn amount(s: &str) -> Result<Decimal, InputError> {
    let shown = s.trim().to_string();
    let t = half_width(s);
    let t = t.trim();
    let t = t.strip_prefix(['¥', '￥']).unwrap_or(t).trim_start();
    if t.is_empty() {
        return Err(InputError::Empty);
    }
    let not_a_number = || InputError::NotANumber {
        input: shown.clone(),
    };
    if t.starts_with('-') {
        return Err(InputError::NotPositive {
            input: shown.clone(),
        });
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if let Some(f) = frac {
        if f.contains(',') {
            return Err(InputError::Ambiguous { input: shown });
        }
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
    }
    if int.is_empty() || !int.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return Err(not_a_number());
    }
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or_default();
        let grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !grouped {
            return Err(InputError::Ambiguous { input: shown });
        }
    }
    if frac.is_some_and(|f| f.len() > 2) {
        return Err(InputError::TooManyDecimals { input: shown });
    }
    let digits: String = int.chars().filter(|c| *c != ',').collect();
    let plain = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let d = Decimal::from_str(&plain).map_err(|_| InputError::TooLarge {
        input: shown.clone(),
    })?;
    if d.is_zero() {
        return Err(InputError::NotPositive { input: shown });
    }
    if d > Decimal::from(MAX_AMOUNT) {
        return Err(InputError::TooLarge { input: shown });
    }
    Ok(d)
}

/// A day written `YYYY-MM-DD`.
pub fn date(s: &str) -> Result<NaiveDate, InputError> {
    let shown = s.trim().to_string();
    let t = half_width(s);
    let t = t.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let shaped = parts.len() == 3
        && parts[0].len() == 4
        // Two digits each, as in the file: `2026-11-5` is refused there, so here too.
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    if !shaped {
        return Err(InputError::DateFormat { input: shown });
    }
    let n = |p: &str| p.parse::<u32>().unwrap_or(0);
    let (year, month, day) = (n(parts[0]) as i32, n(parts[1]), n(parts[2]));
    NaiveDate::from_ymd_opt(year, month, day).ok_or(InputError::NoSuchDay {
        input: shown,
        year,
        month,
    })
}

/// A time of day written `HH:MM` or `HH:MM:SS` (full-width digits and colons too).
pub fn time(s: &str) -> Result<NaiveTime, InputError> {
    let t = half_width(s);
    let t = t.trim();
    NaiveTime::parse_from_str(t, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
        .ok()
        // chrono reads a leap second (…:60); a log entry has no use for one.
        .filter(|v| v.nanosecond() == 0)
        .ok_or(InputError::TimeFormat {
            input: s.trim().to_string(),
        })
}

/// `negotiation`, `collection_call`, `note` or `contact_notified`.
pub fn log_kind(s: &str) -> Result<LogKind, InputError> {
    LogKind::from_key(s.trim()).ok_or_else(|| InputError::UnknownLogKind {
        input: s.trim().to_string(),
    })
}

/// `call`, `sms`, `visit` or `other`.
pub fn channel(s: &str) -> Result<Channel, InputError> {
    Channel::from_key(s.trim()).ok_or_else(|| InputError::UnknownChannel {
        input: s.trim().to_string(),
    })
}

/// The items of a typed list (contacts, one after another): split at `;` or the full-width `；`
/// a Chinese keyboard gives, trimmed, empty ones dropped.
pub fn items(s: &str) -> impl Iterator<Item = &str> {
    s.split([';', '；'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// The words of a typed list (flags, bill dates): split at commas, half- or full-width, or
/// spaces, trimmed, empty ones dropped.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ' ', '，'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// Flags as typed: separated by commas or spaces, each one of the known flags.
pub fn flags(s: &str) -> Result<Vec<LogFlag>, InputError> {
    let mut out = vec![];
    for word in words(s) {
        let flag = LogFlag::from_key(word).ok_or_else(|| InputError::UnknownFlag {
            input: word.to_string(),
        })?;
        if !out.contains(&flag) {
            out.push(flag);
        }
    }
    Ok(out)
}

/// Days in the month, or 0 when there is no such month.
fn days_in_month(year: i32, month: u32) -> u32 {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return 0;
    };
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    u32::try_from((next - first).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn lists_split_at_half_and_full_width_separators() {
        let contacts: Vec<&str> = items(" 王小明,同事 ；李四;; ").collect();
        assert_eq!(contacts, ["王小明,同事", "李四"]);
        let flags: Vec<&str> = words("夜间，威胁, night  threat").collect();
        assert_eq!(flags, ["夜间", "威胁", "night", "threat"]);
    }

    #[test]
    fn a_log_entrys_words_are_read_as_typed_and_refused_by_name() {
        assert_eq!(log_kind(" note "), Ok(LogKind::Note));
        assert_eq!(channel("sms"), Ok(Channel::Sms));
        // Commas (full-width too) or spaces between; a repeat counts once.
        assert_eq!(
            flags("threat，insult threat"),
            Ok(vec![LogFlag::Threat, LogFlag::Insult])
        );
        assert_eq!(flags("  "), Ok(vec![]));
        let e = flags("threat, shouting").unwrap_err();
        assert_eq!(
            e.text().get(Lang::En),
            "unknown flag \"shouting\"; expected threat, insult, told_third_party, fake_legal or night (or 威胁, 辱骂, 告知第三方, 冒充司法, 夜间)"
        );
        // The Chinese words are read as the keys they stand for.
        assert_eq!(
            flags("威胁，夜间"),
            Ok(vec![LogFlag::Threat, LogFlag::Night])
        );
        let e = channel(" fax ").unwrap_err();
        assert_eq!(
            e,
            InputError::UnknownChannel {
                input: "fax".into()
            }
        );
        assert!(
            e.text()
                .get(Lang::En)
                .starts_with("unknown channel \"fax\"; expected call")
        );
        assert!(matches!(
            log_kind("call"),
            Err(InputError::UnknownLogKind { .. })
        ));
    }

    #[test]
    fn times_are_read_with_or_without_seconds() {
        let at = |h, m, s| Ok(NaiveTime::from_hms_opt(h, m, s).unwrap());
        assert_eq!(time("22:40"), at(22, 40, 0));
        assert_eq!(time(" 07:59:59 "), at(7, 59, 59));
        assert_eq!(time("２２：４０"), at(22, 40, 0));
        for bad in ["24:00", "10pm", "", "12:60", "22:40:60"] {
            assert_eq!(
                time(bad),
                Err(InputError::TimeFormat {
                    input: bad.trim().to_string()
                }),
                "{bad:?}"
            );
        }
    }
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_people_type() {
        for (s, want) in [
            ("1000", dec!(1000)),
            ("1,000", dec!(1000)),
            ("¥1,000", dec!(1000)),
            ("￥ 1,234,567.5", dec!(1234567.5)),
            ("1000.5", dec!(1000.5)),
            ("  800.16 ", dec!(800.16)),
            ("１００", dec!(100)),
            ("１，０００．５０", dec!(1000.50)),
            ("\u{3000}12\u{3000}", dec!(12)),
            ("0.01", dec!(0.01)),
        ] {
            assert_eq!(amount(s), Ok(want), "{s:?}");
        }
    }

    #[test]
    fn amounts_refused_say_why() {
        use InputError as E;
        let kind = |s: &str| match amount(s) {
            Err(E::Empty) => "empty",
            Err(E::NotANumber { .. }) => "nan",
            Err(E::Ambiguous { .. }) => "ambiguous",
            Err(E::TooManyDecimals { .. }) => "decimals",
            Err(E::NotPositive { .. }) => "positive",
            Err(E::TooLarge { .. }) => "large",
            other => panic!("{s:?}: {other:?}"),
        };
        for (s, want) in [
            ("", "empty"),
            ("  ", "empty"),
            ("¥", "empty"),
            ("abc", "nan"),
            ("1e3", "nan"),
            ("1.2.3", "nan"),
            ("12.", "nan"),
            ("+5", "nan"),
            ("1,00", "ambiguous"),
            ("1.000,5", "ambiguous"),
            ("1,0000", "ambiguous"),
            (",100", "ambiguous"),
            ("1.005", "decimals"),
            ("1.000", "decimals"),
            ("0", "positive"),
            ("0.00", "positive"),
            ("-5", "positive"),
            ("1000000000000000.01", "large"),
            ("99999999999999999999999999999999", "large"),
        ] {
            assert_eq!(kind(s), want, "{s:?}");
        }
        // The message quotes what was typed and names the rule.
        let e = amount("1,00").unwrap_err().text();
        assert!(
            e.get(Lang::En).contains("1,00") && e.get(Lang::En).contains("three digits"),
            "{e}"
        );
        assert!(
            e.get(Lang::Zh).contains("1,00") && e.get(Lang::Zh).contains("三位"),
            "{}",
            e.get(Lang::Zh)
        );
    }

    #[test]
    fn dates_and_impossible_days() {
        assert_eq!(
            date("2026-11-23"),
            NaiveDate::from_ymd_opt(2026, 11, 23).ok_or(InputError::Empty)
        );
        assert_eq!(
            date(" ２０２６－０２－２８ "),
            NaiveDate::from_ymd_opt(2026, 2, 28).ok_or(InputError::Empty)
        );
        let e = date("2026-02-30").unwrap_err();
        assert!(matches!(e, InputError::NoSuchDay { month: 2, .. }), "{e:?}");
        assert!(
            e.text().get(Lang::En).contains("no such day")
                && e.text().get(Lang::En).contains("28 days"),
            "{e}"
        );
        assert!(
            e.text().get(Lang::Zh).contains("这一天") && e.text().get(Lang::Zh).contains("28 天"),
            "{}",
            e.text().get(Lang::Zh)
        );
        let e = date("2024-02-30").unwrap_err().text();
        assert!(e.get(Lang::En).contains("29 days"), "{e}");
        let e = date("2026-13-01").unwrap_err().text();
        assert!(
            e.get(Lang::En).contains("no such day") && e.get(Lang::En).contains("12 months"),
            "{e}"
        );
        for bad in [
            "23/11/2026",
            "tomorrow",
            "2026-1-",
            "20261123",
            "",
            "2026-11-5",
            "2026-1-5",
            "2026-01-5",
        ] {
            let e = date(bad).unwrap_err();
            assert!(matches!(e, InputError::DateFormat { .. }), "{bad}: {e:?}");
            assert!(e.text().get(Lang::En).contains("YYYY-MM-DD"), "{e}");
        }
    }
}
