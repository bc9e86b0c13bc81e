//! The APR by internal rate of return, in Decimal (no floating point).

use rust_decimal::Decimal;

use super::schedule::Installment;
use crate::money::round2;

/// Nominal annual rate in percent: the monthly IRR of (+principal now, −each installment at month
/// k) × 12, rounded to two places. Installments are placed at their number's month (a bullet at the
/// end of its term). None when the flows have no rate (nothing lent or nothing repaid).
pub fn apr(principal: Decimal, installments: &[Installment], term: u32) -> Option<Decimal> {
    if principal <= Decimal::ZERO || installments.is_empty() {
        return None;
    }
    let bullet = installments.len() == 1 && term > 1;
    let flows: Vec<(u32, Decimal)> = installments
        .iter()
        .map(|i| (if bullet { term } else { i.n }, i.amount))
        .collect();
    let repaid: Decimal = flows.iter().map(|(_, a)| *a).sum();
    if repaid < principal {
        return None;
    }
    // NPV falls as the rate rises; bisect between 0 and a rate whose NPV is positive.
    let npv = |r: Decimal| -> Option<Decimal> {
        let v = Decimal::ONE.checked_div(Decimal::ONE + r)?;
        let mut factor = Decimal::ONE;
        let mut month = 0;
        let mut total = principal;
        for (k, amount) in &flows {
            while month < *k {
                factor = factor.checked_mul(v)?;
                month += 1;
            }
            total = total.checked_sub(amount.checked_mul(factor)?)?;
        }
        Some(total)
    };
    let mut lo = Decimal::ZERO;
    let mut hi = Decimal::ONE;
    while npv(hi)? < Decimal::ZERO {
        hi *= Decimal::TWO;
        if hi > Decimal::from(1000) {
            return None;
        }
    }
    for _ in 0..90 {
        let mid = (lo + hi) / Decimal::TWO;
        if npv(mid)? < Decimal::ZERO {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(round2((lo + hi) / Decimal::TWO * Decimal::from(1200)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::schedule::{installments, tests::loan};
    use crate::model::Method;
    use rust_decimal_macros::dec;

    #[test]
    fn equal_installment_apr_is_its_nominal_rate() {
        // numpy_financial.irr([12000] + [-1100.16]*11 + [-last]) × 12 ≈ 18.00
        let l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        assert_eq!(apr(dec!(12000), &installments(&l), 12), Some(dec!(18.00)));
    }

    #[test]
    fn fixed_fee_apr_is_far_above_its_fee_rate() {
        // A 0.6 % monthly fee on the original principal, 12 months: 7.2 % a year on paper.
        // Reference: numpy_financial.irr([3000] + [-268]*12) = 0.0108618… × 12 = 13.03 %.
        let l = loan(Method::FixedFee, dec!(3000), dec!(0), 12);
        assert_eq!(apr(dec!(3000), &installments(&l), 12), Some(dec!(13.03)));
    }

    #[test]
    fn bullet_apr_uses_the_term_month() {
        // 8000 → 8360 after 6 months: (8360/8000)^(1/6) − 1 = 0.0073631… × 12 = 8.84 %
        let l = loan(Method::Bullet, dec!(8000), dec!(9), 6);
        assert_eq!(apr(dec!(8000), &installments(&l), 6), Some(dec!(8.84)));
    }

    #[test]
    fn no_rate_when_less_is_repaid_than_lent() {
        let l = loan(Method::EqualInstallment, dec!(1000), dec!(0), 3);
        assert_eq!(apr(dec!(1000), &installments(&l), 3), Some(dec!(0.00)));
        assert_eq!(apr(dec!(2000), &installments(&l), 3), None);
    }
}
