//! Money is `rust_decimal::Decimal`, rounded half-up to cents as it is computed.

use rust_decimal::{Decimal, RoundingStrategy};

/// Round half away from zero to two places (the "round half-up" of README.md for positive amounts).
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Exactly two decimals, no separators: the JSON form ("1100.16").
pub fn plain(d: Decimal) -> String {
    let mut r = round2(d);
    r.rescale(2);
    r.to_string()
}

/// Two decimals with thousands separators, for people ("12,000.50").
pub fn grouped(d: Decimal) -> String {
    let s = plain(d);
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{sign}{out}.{frac}")
}

/// Serde helper: money as a string with exactly two decimals.
pub mod as_plain {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::plain(*d))
    }
}

/// Serde helper for optional money.
pub mod as_plain_opt {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&super::plain(*d)),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_half_up_to_cents() {
        assert_eq!(round2(dec!(1.005)), dec!(1.01));
        assert_eq!(round2(dec!(1.004999)), dec!(1.00));
        assert_eq!(round2(dec!(2.675)), dec!(2.68));
    }

    #[test]
    fn formats_plain_and_grouped() {
        assert_eq!(plain(dec!(1100.16)), "1100.16");
        assert_eq!(plain(dec!(5)), "5.00");
        assert_eq!(plain(dec!(0.1)), "0.10");
        assert_eq!(grouped(dec!(1234567.891)), "1,234,567.89");
        assert_eq!(grouped(dec!(999.5)), "999.50");
        assert_eq!(grouped(dec!(-12000)), "-12,000.00");
        assert_eq!(grouped(dec!(100000)), "100,000.00");
    }
}
