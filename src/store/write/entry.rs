//! The entries a write records (`model::Edit`) and the rules each must meet, whoever records it
//! (the CLI, the dashboard's forms): the values alone, then against the loan as the file has it.
//! A refusal names the field.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::schema;
use super::super::write_error::{Field, WriteError};
use crate::engine::schedule;
use crate::i18n::{outcome, phrases as ph};
use crate::input;
use crate::model::{Edit, Extension, Loan, LoanTerms, LogKind, Method, Payment, Portfolio};

impl Edit {
    /// Take this edit's entry off the end of the loan's list; false when the last entry there is
    /// not exactly this one.
    pub(super) fn take_from(&self, loan: &mut Loan) -> bool {
        fn pop_if<T: PartialEq>(list: &mut Vec<T>, entry: &T) -> bool {
            list.last() == Some(entry) && list.pop().is_some()
        }
        match self {
            Edit::Pay { date, amount, .. } => pop_if(
                &mut loan.payments,
                &Payment {
                    date: *date,
                    amount: *amount,
                },
            ),
            Edit::Log { entry, .. } => pop_if(&mut loan.log, entry),
            Edit::Extend {
                installment, due, ..
            } => pop_if(
                &mut loan.extensions,
                &Extension {
                    installment: *installment,
                    due: *due,
                },
            ),
            Edit::PayPenalty { date, amount, .. } => pop_if(
                &mut loan.penalty_payments,
                &Payment {
                    date: *date,
                    amount: *amount,
                },
            ),
            Edit::Agree { agreement, .. } => pop_if(&mut loan.agreements, agreement),
            Edit::Promise { promise, .. } => pop_if(&mut loan.promises, promise),
            Edit::Settle { settlement, .. } => {
                loan.settlement.as_ref() == Some(settlement) && loan.settlement.take().is_some()
            }
        }
    }

    /// The same change made on the model, to check the file says exactly this after the edit.
    pub(super) fn apply_to(&self, loan: &mut Loan) {
        match self {
            Edit::Pay { date, amount, .. } => loan.payments.push(Payment {
                date: *date,
                amount: *amount,
            }),
            Edit::Log { entry, .. } => loan.log.push(entry.clone()),
            Edit::Extend {
                installment, due, ..
            } => loan.extensions.push(Extension {
                installment: *installment,
                due: *due,
            }),
            Edit::PayPenalty { date, amount, .. } => loan.penalty_payments.push(Payment {
                date: *date,
                amount: *amount,
            }),
            Edit::Agree { agreement, .. } => loan.agreements.push(agreement.clone()),
            Edit::Promise { promise, .. } => loan.promises.push(promise.clone()),
            Edit::Settle { settlement, .. } => loan.settlement = Some(settlement.clone()),
        }
    }
}

/// An amount from a caller that did not type it (a test, a program): the same rules as typed,
/// by the one input parser.
fn check_amount(d: Decimal) -> Result<(), WriteError> {
    input::amount(&d.normalize().to_string())
        .map(|_| ())
        .map_err(|e| WriteError::rule(Field::Amount, e.text()))
}

/// The rules every entry must meet, whoever records it (the CLI, the dashboard's forms): the
/// values alone, then against the loan as the file has it. The refusal names the field.
pub fn check_entry(p: &Portfolio, edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    check_input(edit, today)?;
    check_against(p, edit, today)
}

/// What can be said about the values without the file.
pub(super) fn check_input(edit: &Edit, today: NaiveDate) -> Result<(), WriteError> {
    match edit {
        Edit::Pay { date, amount, .. } => {
            check_amount(*amount)?;
            not_future(*date, today, ph::Entry::Payment)
        }
        Edit::PayPenalty { date, amount, .. } => {
            check_amount(*amount)?;
            not_future(*date, today, ph::Entry::Payment)
        }
        Edit::Agree { agreement: a, .. } => {
            check_amount(a.amount)?;
            if let Some(t) = a.total {
                check_amount(t)?;
            }
            if a.months == 0 || a.months > schema::MAX_TERM {
                return Err(WriteError::bad(ph::int_range(
                    "months",
                    1,
                    i64::from(schema::MAX_TERM),
                    i64::from(a.months),
                )));
            }
            if a.from < a.date {
                return Err(WriteError::rule(
                    Field::Due,
                    outcome::date_before("from", "date"),
                ));
            }
            not_future(a.date, today, ph::Entry::Log)
        }
        Edit::Promise { promise: pr, .. } => {
            check_amount(pr.amount)?;
            if pr.by < pr.date {
                return Err(WriteError::rule(
                    Field::Due,
                    outcome::date_before("by", "date"),
                ));
            }
            not_future(pr.date, today, ph::Entry::Log)
        }
        Edit::Settle { settlement: st, .. } => {
            check_amount(st.amount)?;
            not_future(st.date, today, ph::Entry::Payment)
        }
        Edit::Log { entry, .. } => {
            if entry.text.trim().is_empty() {
                return Err(WriteError::rule(Field::Text, ph::log_text_empty()));
            }
            if entry.kind == LogKind::ContactNotified && entry.contact().is_none() {
                return Err(WriteError::bad(ph::contact_notified_needs_who()));
            }
            not_future(entry.date, today, ph::Entry::Log)
        }
        Edit::Extend {
            installment, due, ..
        } => {
            if *installment == 0 {
                return Err(WriteError::rule(Field::Installment, ph::installment_zero()));
            }
            if *due < today {
                return Err(WriteError::rule(
                    Field::Due,
                    ph::extension_into_past(due, today),
                ));
            }
            Ok(())
        }
    }
}

fn not_future(date: NaiveDate, today: NaiveDate, what: ph::Entry) -> Result<(), WriteError> {
    if date > today {
        Err(WriteError::rule(
            Field::Date,
            ph::dated_after_today(what, date, today),
        ))
    } else {
        Ok(())
    }
}

/// What needs the loan: it exists, it is not paid off, the payment falls in the loan's life and
/// within what is owed, the installment exists and moves later.
pub(super) fn check_against(
    p: &Portfolio,
    edit: &Edit,
    today: NaiveDate,
) -> Result<(), WriteError> {
    let id = edit.id();
    let Some(loan) = p.loan(id) else {
        let ids: Vec<&str> = p.loans.iter().map(|l| l.id.as_str()).collect();
        return Err(WriteError::bad(ph::no_loan_with_id(id, &ids)));
    };
    match edit {
        Edit::Pay { date, amount, .. } => {
            if let LoanTerms::Amortized { start_date, .. } = &loan.terms
                && date < start_date
            {
                return Err(WriteError::rule(
                    Field::Date,
                    ph::paid_before_start(date, start_date),
                ));
            }
            let ledger = crate::engine::agreement::ledger(loan, today, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
            // Everything still owed: every unpaid installment, and the estimated penalty on
            // those already late (a lender may charge it; paying it is not an overpayment).
            // An unknown penalty (a bill list with no rate) counts as none here.
            let penalty = ledger.penalty_estimate.unwrap_or_default();
            let owed = ledger.remaining_balance + penalty;
            if *amount > owed {
                let m = |d| format!("{}{}", p.settings.currency, crate::money::grouped(d));
                return Err(WriteError::rule(
                    Field::Amount,
                    ph::payment_beyond_owed(
                        &m(*amount),
                        &m(owed),
                        &m(ledger.remaining_balance),
                        (!penalty.is_zero()).then(|| m(penalty)).as_deref(),
                    ),
                ));
            }
        }
        Edit::Extend {
            installment, due, ..
        } => {
            let count = installment_count(loan);
            if *installment > count {
                return Err(WriteError::rule(
                    Field::Installment,
                    ph::no_such_installment(id, count, *installment),
                ));
            }
            let now = schedule::installments(loan)
                .into_iter()
                .find(|i| i.n == *installment)
                .map(|i| i.due_date);
            if let Some(now) = now
                && *due <= now
            {
                return Err(WriteError::rule(
                    Field::Due,
                    ph::extension_not_later(*installment, now, due),
                ));
            }
        }
        Edit::Log { .. } => {}
        Edit::PayPenalty { date, .. } => {
            if let LoanTerms::Amortized { start_date, .. } = &loan.terms
                && date < start_date
            {
                return Err(WriteError::rule(
                    Field::Date,
                    ph::paid_before_start(date, start_date),
                ));
            }
            if loan.settlement.is_some() {
                return Err(WriteError::bad(outcome::already_settled(id)));
            }
        }
        Edit::Agree { agreement, .. } => {
            let ledger = crate::engine::agreement::ledger(loan, today, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
            if let Some(last) = loan.agreements.iter().map(|a| a.date).max()
                && agreement.date < last
            {
                return Err(WriteError::rule(
                    Field::Date,
                    outcome::agreement_before_last(last),
                ));
            }
        }
        Edit::Promise { .. } => {
            let ledger = crate::engine::agreement::ledger(loan, today, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
        }
        Edit::Settle { settlement, .. } => {
            if loan.settlement.is_some() {
                return Err(WriteError::bad(outcome::already_settled(id)));
            }
            let ledger =
                crate::engine::agreement::ledger(loan, settlement.date, p.settings.alert_days);
            if ledger.status.is_closed() {
                return Err(WriteError::bad(ph::already_paid_off(id)));
            }
        }
    }
    Ok(())
}

fn installment_count(loan: &Loan) -> u32 {
    match &loan.terms {
        LoanTerms::Bills(b) => u32::try_from(b.len()).unwrap_or(u32::MAX),
        LoanTerms::Amortized {
            method: Method::Bullet,
            ..
        } => 1,
        LoanTerms::Amortized { term, .. } => *term,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LogEntry;
    use crate::store::write_error::ErrorKind;
    use rust_decimal_macros::dec;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// One bill of 1100.16 due 2026-12-18, nothing paid.
    fn portfolio() -> Portfolio {
        let src = "[[loan]]\nid = \"a1\"\namount_due = 1100.16\ndue_date = 2026-12-18\n";
        schema::parse_portfolio(src, &[]).unwrap().portfolio
    }

    #[test]
    fn amounts_meet_the_typed_rules() {
        assert!(check_amount(dec!(800.16)).is_ok());
        // Trailing zeros are not typed digits: 1.500 is 1.5.
        assert!(check_amount(dec!(1.500)).is_ok());
        for bad in [dec!(0), dec!(-5), dec!(1.005)] {
            let e = check_amount(bad).unwrap_err();
            assert_eq!(
                (e.kind, e.field),
                (ErrorKind::BadInput, Some(Field::Amount)),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_entry_is_checked_alone_then_against_its_loan() {
        let p = portfolio();
        let today = day("2026-12-01");
        let pay = |id: &str, date: &str, amount| Edit::Pay {
            id: id.into(),
            date: day(date),
            amount,
        };
        assert!(check_entry(&p, &pay("a1", "2026-12-01", dec!(1100.16)), today).is_ok());
        // Dated after today: refused on the date, before the loan is looked at.
        let e = check_entry(&p, &pay("zz", "2026-12-02", dec!(1)), today).unwrap_err();
        assert_eq!(e.field, Some(Field::Date));
        // No such loan.
        let e = check_entry(&p, &pay("zz", "2026-12-01", dec!(1)), today).unwrap_err();
        assert_eq!((e.kind, e.field), (ErrorKind::BadInput, None));
        // More than is owed.
        let e = check_entry(&p, &pay("a1", "2026-12-01", dec!(1100.17)), today).unwrap_err();
        assert_eq!(e.field, Some(Field::Amount));
        let log = |text: &str| Edit::Log {
            id: "a1".into(),
            entry: LogEntry {
                date: today,
                text: text.into(),
                ..Default::default()
            },
        };
        assert!(check_entry(&p, &log("called"), today).is_ok());
        assert_eq!(
            check_entry(&p, &log("  "), today).unwrap_err().field,
            Some(Field::Text)
        );
        // A bill list has one installment; the 2nd does not exist, the 1st moves only later.
        let extend = |installment, due: &str| Edit::Extend {
            id: "a1".into(),
            installment,
            due: day(due),
        };
        assert!(check_entry(&p, &extend(1, "2027-01-18"), today).is_ok());
        for (n, due) in [
            (0, "2027-01-18"),
            (2, "2027-01-18"),
            (1, "2026-12-18"),
            (1, "2026-11-30"),
        ] {
            let e = check_entry(&p, &extend(n, due), today).unwrap_err();
            let want = if n == 1 {
                Field::Due
            } else {
                Field::Installment
            };
            assert_eq!(e.field, Some(want), "{n} {due}");
        }
    }

    #[test]
    fn a_taken_entry_is_only_the_last_one() {
        let mut loan = portfolio().loans.remove(0);
        let first = Edit::Pay {
            id: "a1".into(),
            date: day("2026-11-01"),
            amount: dec!(100),
        };
        let second = Edit::Pay {
            id: "a1".into(),
            date: day("2026-11-02"),
            amount: dec!(200),
        };
        first.apply_to(&mut loan);
        second.apply_to(&mut loan);
        assert!(!first.take_from(&mut loan));
        assert!(second.take_from(&mut loan));
        assert_eq!(loan.payments.len(), 1);
        assert_eq!(loan.payments[0].amount, dec!(100));
    }
}
