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
    // What is left of the principal once every installment is discounted at monthly rate `r`
    // (it rises with `r`; the rate is where it is 0), and its derivative in `r`.
    let npv = |r: Decimal| -> Option<(Decimal, Decimal)> {
        // Fourteen places keep every product below Decimal's 28 digits, so none is rounded
        // (rounding is what costs); the rate comes out far finer than the 0.01 % shown.
        let v = Decimal::ONE.checked_div(Decimal::ONE + r)?.round_dp(14);
        let mut factor = Decimal::ONE;
        let mut month = 0;
        let mut total = principal;
        let mut slope = Decimal::ZERO;
        for (k, amount) in &flows {
            while month < *k {
                factor = factor.checked_mul(v)?.round_dp(14);
                month += 1;
            }
            let discounted = amount.checked_mul(factor)?;
            total = total.checked_sub(discounted)?;
            // d/dr of −a·v^k is a·k·v^(k+1): the sum of k·a·v^k, times v once at the end.
            slope = slope.checked_add(discounted.checked_mul(Decimal::from(*k))?)?;
        }
        Some((total, slope.checked_mul(v)?))
    };
    let mut lo = Decimal::ZERO;
    let mut hi = Decimal::ONE;
    while npv(hi)?.0 < Decimal::ZERO {
        hi *= Decimal::TWO;
        if hi > Decimal::from(1000) {
            return None;
        }
    }
    // Newton's method from 0: the curve is concave, so each step lands short of the rate, never
    // past it, and a handful of steps reach it to Decimal's precision (ninety halvings of the
    // bracket did the same at twenty times the cost, for every overdue fixed-fee loan on every
    // recompute). A step that leaves the bracket halves it instead.
    // Start from the constant-ratio estimate 2·interest / (principal·(months + 1)), which is
    // near the rate for the usual schedules; from either side of it Newton's next step lands at
    // or below the rate.
    let close = Decimal::new(1, 12);
    let months = flows.last().map(|f| f.0).unwrap_or(1);
    let guess = (repaid - principal) * Decimal::TWO / (principal * Decimal::from(months + 1));
    let mut r = if guess > lo && guess < hi { guess } else { lo };
    for _ in 0..120 {
        let (f, slope) = npv(r)?;
        if f.is_zero() {
            return Some(round2(r * Decimal::from(1200)));
        }
        if f < Decimal::ZERO {
            lo = r;
        } else {
            hi = r;
        }
        let mid = (lo + hi) / Decimal::TWO;
        let next = f
            .checked_div(slope)
            .and_then(|step| r.checked_sub(step))
            .filter(|n| *n > lo && *n < hi)
            .unwrap_or(mid);
        let moved = (next - r).abs();
        r = next;
        if moved < close || hi - lo < close {
            break;
        }
    }
    Some(round2(r * Decimal::from(1200)))
}

/// A loan's true APR by IRR from its schedule (fees included); None for a bill list or flows
/// with no rate. The one definition both faces show (`present::apr`) and the advice compares
/// with the reported lines.
pub fn loan_apr(loan: &crate::model::Loan, ledger: &super::Ledger) -> Option<Decimal> {
    match &loan.terms {
        crate::model::LoanTerms::Amortized {
            principal, term, ..
        } => {
            // With an agreement, the loan's own schedule is its history.
            let states = ledger
                .outcome
                .as_deref()
                .and_then(|o| o.agreement.as_ref())
                .map_or(&ledger.installments, |a| &a.history);
            let insts: Vec<Installment> = states.iter().map(|s| s.inst.clone()).collect();
            apr(*principal, &insts, *term)
        }
        crate::model::LoanTerms::Bills(_) => None,
    }
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

    /// The bisection `apr` used before Newton's method, kept as the reference.
    fn apr_by_bisection(principal: Decimal, insts: &[Installment], term: u32) -> Option<Decimal> {
        if principal <= Decimal::ZERO || insts.is_empty() {
            return None;
        }
        let bullet = insts.len() == 1 && term > 1;
        let flows: Vec<(u32, Decimal)> = insts
            .iter()
            .map(|i| (if bullet { term } else { i.n }, i.amount))
            .collect();
        if flows.iter().map(|(_, a)| *a).sum::<Decimal>() < principal {
            return None;
        }
        let npv = |r: Decimal| -> Option<Decimal> {
            let v = Decimal::ONE.checked_div(Decimal::ONE + r)?;
            let (mut factor, mut month, mut total) = (Decimal::ONE, 0, principal);
            for (k, amount) in &flows {
                while month < *k {
                    factor = factor.checked_mul(v)?;
                    month += 1;
                }
                total = total.checked_sub(amount.checked_mul(factor)?)?;
            }
            Some(total)
        };
        let (mut lo, mut hi) = (Decimal::ZERO, Decimal::ONE);
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

    // Newton's method gives the bisection's figure for every method, over principals, rates and
    // terms from tiny to absurd (a fixed fee of 30 % a month, 120 months).
    #[test]
    fn newton_agrees_with_bisection() {
        let methods = [
            Method::EqualInstallment,
            Method::EqualPrincipal,
            Method::InterestFirst,
            Method::Bullet,
            Method::FixedFee,
        ];
        let mut checked = 0;
        for method in methods {
            for principal in [
                dec!(1),
                dec!(999.99),
                dec!(3000),
                dec!(48000),
                dec!(1000000),
            ] {
                for rate in [
                    dec!(0),
                    dec!(0.5),
                    dec!(7.2),
                    dec!(18),
                    dec!(35.9),
                    dec!(360),
                ] {
                    for term in [1, 3, 12, 36, 120] {
                        let mut l = loan(method, principal, rate, term);
                        if let crate::model::LoanTerms::Amortized { fee_rate, .. } = &mut l.terms {
                            *fee_rate = Some(rate / dec!(12));
                        }
                        let insts = installments(&l);
                        assert_eq!(
                            apr(principal, &insts, term),
                            apr_by_bisection(principal, &insts, term),
                            "{method:?} {principal} at {rate} over {term}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 750);
    }

    #[test]
    fn no_rate_when_less_is_repaid_than_lent() {
        let l = loan(Method::EqualInstallment, dec!(1000), dec!(0), 3);
        assert_eq!(apr(dec!(1000), &installments(&l), 3), Some(dec!(0.00)));
        assert_eq!(apr(dec!(2000), &installments(&l), 3), None);
    }
}
