//! Installments from a loan's terms (README.md, the methods); every figure is rounded to cents as it
//! is computed, and the last installment absorbs what rounding left so principal parts sum to P.

use chrono::{Datelike, Duration, Months, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{Loan, LoanTerms, Method};
use crate::money::round2;

#[derive(Debug, Clone, PartialEq)]
pub struct Installment {
    /// 1-based.
    pub n: u32,
    /// After any extension the lender granted.
    pub due_date: NaiveDate,
    /// As the contract set it.
    pub original_due: NaiveDate,
    pub principal: Decimal,
    pub interest: Decimal,
    pub fee: Decimal,
    pub amount: Decimal,
}

/// Due date of installment `k`: `due_day` of the k-th month after `start`, clamped to month end.
pub fn due_date(start: NaiveDate, k: u32, due_day: u32) -> Option<NaiveDate> {
    let first = start.with_day(1)?.checked_add_months(Months::new(k))?;
    let last = last_day_of_month(first);
    first.with_day(due_day.clamp(1, last))
}

fn last_day_of_month(first: NaiveDate) -> u32 {
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .map(|d| d.day())
        .unwrap_or(31)
}

/// `base^n` by squaring; for bases below one it underflows to zero instead of overflowing.
fn pow(base: Decimal, mut n: u32) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    let mut b = base;
    while n > 0 {
        if n & 1 == 1 {
            result = result.checked_mul(b)?;
        }
        n >>= 1;
        if n > 0 {
            b = b.checked_mul(b)?;
        }
    }
    Some(result)
}

/// The level payment of an annuity, P·r/(1 − (1+r)^−n): the same as P·r(1+r)^n/((1+r)^n − 1), but
/// computed with a discount factor below one so long terms cannot overflow.
pub fn level_payment(principal: Decimal, r: Decimal, n: u32) -> Decimal {
    if r.is_zero() || n == 0 {
        return round2(principal / Decimal::from(n.max(1)));
    }
    let v = Decimal::ONE / (Decimal::ONE + r);
    let denom = Decimal::ONE - pow(v, n).unwrap_or(Decimal::ZERO);
    if denom.is_zero() {
        return round2(principal / Decimal::from(n));
    }
    round2(principal * r / denom)
}

pub fn installments(loan: &Loan) -> Vec<Installment> {
    let mut list = match &loan.terms {
        LoanTerms::Bills(bills) => bills
            .iter()
            .enumerate()
            .map(|(i, b)| Installment {
                n: i as u32 + 1,
                due_date: b.due,
                original_due: b.due,
                principal: round2(b.amount),
                interest: Decimal::ZERO,
                fee: Decimal::ZERO,
                amount: round2(b.amount),
            })
            .collect(),
        LoanTerms::Amortized {
            principal,
            rate,
            method,
            term,
            start_date,
            due_day,
            fee_rate,
            shift_days,
        } => amortize(
            *principal,
            rate.monthly(),
            *method,
            *term,
            Calendar {
                start: *start_date,
                due_day: *due_day,
                shift_days: *shift_days,
            },
            fee_rate.unwrap_or(Decimal::ZERO),
        ),
    };
    for ext in &loan.extensions {
        if let Some(inst) = list.iter_mut().find(|i| i.n == ext.installment) {
            inst.due_date = ext.due;
        }
    }
    list
}

/// Where the due dates fall: `due_day` of each month after `start`, then moved by `shift_days`
/// (months are counted from the unshifted start, so every date moves by exactly the shift).
struct Calendar {
    start: NaiveDate,
    due_day: u32,
    shift_days: i64,
}

impl Calendar {
    fn due(&self, k: u32) -> NaiveDate {
        let days = Duration::days(self.shift_days);
        let base = self.start.checked_sub_signed(days).unwrap_or(self.start);
        due_date(base, k, self.due_day)
            .and_then(|d| d.checked_add_signed(days))
            .unwrap_or(self.start)
    }
}

fn amortize(
    principal: Decimal,
    r: Decimal,
    method: Method,
    term: u32,
    cal: Calendar,
    fee_rate: Decimal,
) -> Vec<Installment> {
    let p = round2(principal);
    let n = term.max(1);
    let mut out = Vec::with_capacity(n as usize);
    let mut balance = p;
    let level = match method {
        Method::EqualInstallment => level_payment(p, r, n),
        _ => Decimal::ZERO,
    };
    let even_part = round2(p / Decimal::from(n));
    let fee = round2(p * fee_rate / Decimal::ONE_HUNDRED);
    for k in 1..=n {
        let last = k == n;
        let (principal_part, interest, fee_part) = match method {
            Method::EqualInstallment => {
                let interest = round2(balance * r);
                let part = if last {
                    balance
                } else {
                    (level - interest).clamp(Decimal::ZERO, balance)
                };
                (part, interest, Decimal::ZERO)
            }
            Method::EqualPrincipal => {
                let interest = round2(balance * r);
                let part = if last {
                    balance
                } else {
                    even_part.min(balance)
                };
                (part, interest, Decimal::ZERO)
            }
            Method::InterestFirst => {
                let interest = round2(balance * r);
                (
                    if last { balance } else { Decimal::ZERO },
                    interest,
                    Decimal::ZERO,
                )
            }
            Method::Bullet => {
                if !last {
                    continue;
                }
                let interest = round2(p * r * Decimal::from(n));
                (p, interest, Decimal::ZERO)
            }
            Method::FixedFee => {
                let part = if last {
                    balance
                } else {
                    even_part.min(balance)
                };
                (part, Decimal::ZERO, fee)
            }
        };
        balance -= principal_part;
        let due = cal.due(k);
        out.push(Installment {
            n: if method == Method::Bullet { 1 } else { k },
            due_date: due,
            original_due: due,
            principal: principal_part,
            interest,
            fee: fee_part,
            amount: principal_part + interest + fee_part,
        });
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{LoanTerms, Rate};
    use rust_decimal_macros::dec;

    pub(crate) fn loan(method: Method, principal: Decimal, annual: Decimal, term: u32) -> Loan {
        Loan {
            id: "t".into(),
            name: None,
            platform: "generic".into(),
            platform_written: "generic".into(),
            product: None,
            terms: LoanTerms::Amortized {
                principal,
                rate: Rate::Annual(annual),
                method,
                term,
                start_date: NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
                due_day: 15,
                fee_rate: Some(dec!(0.6)),
                shift_days: 0,
            },
            bill_rate: None,
            penalty_rate: None,
            emergency_contact_after_days: None,
            monthly_budget: None,
            hardship: None,
            contacts: vec![],
            payments: vec![],
            extensions: vec![],
            log: vec![],
            archived: false,
            penalty_payments: vec![],
            agreements: vec![],
            promises: vec![],
            settlement: None,
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_end_due_days_clamp_then_recover() {
        let start = d(2026, 1, 31);
        assert_eq!(due_date(start, 1, 31), Some(d(2026, 2, 28)));
        assert_eq!(due_date(start, 2, 31), Some(d(2026, 3, 31)));
        assert_eq!(due_date(start, 3, 31), Some(d(2026, 4, 30)));
        // 2028 is a leap year.
        assert_eq!(due_date(d(2028, 1, 31), 1, 31), Some(d(2028, 2, 29)));
        assert_eq!(due_date(d(2026, 11, 15), 2, 15), Some(d(2027, 1, 15)));
    }

    // Reference: numpy_financial.pmt(0.18/12, 12, -12000) = 1100.1597… → 1100.16; the spreadsheet
    // =PMT(18%/12,12,-12000) gives the same. First interest: 12000 × 0.015 = 180.00;
    // =IPMT(18%/12,2,12,-12000) = 166.20 (numpy-financial ipmt: 166.1976…).
    #[test]
    fn equal_installment_matches_pmt_and_ipmt() {
        let l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        let s = installments(&l);
        assert_eq!(s.len(), 12);
        assert_eq!(s[0].amount, dec!(1100.16));
        assert_eq!(s[0].interest, dec!(180.00));
        assert_eq!(s[0].principal, dec!(920.16));
        assert_eq!(s[1].interest, dec!(166.20));
        assert_eq!(s[0].due_date, d(2026, 4, 15));
        assert_eq!(s[11].due_date, d(2027, 3, 15));
        let total: Decimal = s.iter().map(|i| i.principal).sum();
        assert_eq!(total, dec!(12000));
        // The last installment absorbs the rounding: within a few cents of the level payment.
        assert!(
            (s[11].amount - dec!(1100.16)).abs() < dec!(0.10),
            "{}",
            s[11].amount
        );
    }

    // Reference: numpy_financial.pmt(0.0005*30, 6, -3000) = pmt(0.015, 6, -3000) = 526.5757… → 526.58
    #[test]
    fn daily_rate_is_thirty_days_a_month() {
        let mut l = loan(Method::EqualInstallment, dec!(3000), dec!(0), 6);
        if let LoanTerms::Amortized { rate, .. } = &mut l.terms {
            *rate = Rate::Daily(dec!(0.05));
        }
        assert_eq!(installments(&l)[0].amount, dec!(526.58));
    }

    // Reference: 360-month mortgage, numpy_financial.pmt(0.049/12, 360, -1000000) = 5307.2700… → 5307.27
    #[test]
    fn long_terms_stay_exact() {
        let l = loan(Method::EqualInstallment, dec!(1000000), dec!(4.9), 360);
        let s = installments(&l);
        assert_eq!(s[0].amount, dec!(5307.27));
        assert_eq!(s[0].interest, dec!(4083.33));
        assert_eq!(
            s.iter().map(|i| i.principal).sum::<Decimal>(),
            dec!(1000000)
        );
    }

    #[test]
    fn equal_principal_declines() {
        let l = loan(Method::EqualPrincipal, dec!(10000), dec!(12), 3);
        let s = installments(&l);
        // 10000/3 = 3333.33; interest 1% of the balance: 100.00, 66.67, 33.33.
        assert_eq!(s[0].principal, dec!(3333.33));
        assert_eq!(s[0].amount, dec!(3433.33));
        assert_eq!(s[1].interest, dec!(66.67));
        assert_eq!(s[2].principal, dec!(3333.34));
        assert_eq!(s[2].amount, dec!(3366.67));
    }

    #[test]
    fn interest_first_pays_principal_last() {
        let l = loan(Method::InterestFirst, dec!(5000), dec!(7.2), 4);
        let s = installments(&l);
        assert_eq!(s[0].amount, dec!(30.00));
        assert_eq!(s[3].amount, dec!(5030.00));
        assert_eq!(s[3].principal, dec!(5000));
    }

    #[test]
    fn bullet_is_one_installment_at_term_end() {
        let l = loan(Method::Bullet, dec!(8000), dec!(9), 6);
        let s = installments(&l);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].n, 1);
        // 8000 × 0.0075 × 6 = 360.00
        assert_eq!(s[0].amount, dec!(8360.00));
        assert_eq!(s[0].due_date, d(2026, 9, 15));
    }

    #[test]
    fn fixed_fee_charges_on_original_principal() {
        let l = loan(Method::FixedFee, dec!(3000), dec!(0), 12);
        let s = installments(&l);
        assert_eq!(s[0].fee, dec!(18.00));
        assert_eq!(s[0].amount, dec!(268.00));
        assert_eq!(s[11].fee, dec!(18.00));
        assert_eq!(s.iter().map(|i| i.principal).sum::<Decimal>(), dec!(3000));
    }

    // The demo is shifted by whole days (2026-11-23 → 2031-05-01 is 1620 days); every due date,
    // extended or not, must move by exactly that, whatever the months' lengths.
    #[test]
    fn shifting_moves_every_due_date_by_exactly_the_shift() {
        let mut l = loan(Method::EqualInstallment, dec!(12000), dec!(18), 12);
        l.extensions.push(crate::model::Extension {
            installment: 3,
            due: d(2026, 7, 1),
        });
        let before = installments(&l);
        let mut p = crate::model::Portfolio {
            loans: vec![l],
            ..Default::default()
        };
        let days = (d(2031, 5, 1) - d(2026, 11, 23)).num_days();
        assert_eq!(days, 1620);
        p.shift_dates(days);
        let after = installments(&p.loans[0]);
        assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(
                (a.due_date - b.due_date).num_days(),
                1620,
                "installment {}",
                b.n
            );
            assert_eq!(a.amount, b.amount);
        }
        assert_eq!(after[2].due_date, d(2030, 12, 7));
    }

    #[test]
    fn zero_rate_divides_evenly() {
        let l = loan(Method::EqualInstallment, dec!(1000), dec!(0), 3);
        let s = installments(&l);
        assert_eq!(s[0].amount, dec!(333.33));
        assert_eq!(s[2].amount, dec!(333.34));
    }
}
