//! Properties: no input makes the store or the engine panic or hang, and the engine keeps its
//! books straight (principal parts sum to the principal, nothing is paid twice, paying on time
//! ends paid off). Case counts are modest so the suite stays fast in a debug build.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use repaydash::engine::schedule::installments;
use repaydash::engine::{InstallmentStatus, Ledger, LoanStatus, LoanView, rate};
use repaydash::i18n::Lang;
use repaydash::knowledge::Policies;
use repaydash::model::{Loan, LoanTerms, Method, Payment, Policy, Rate};
use repaydash::money::round2;
use repaydash::report::{self, Context};
use repaydash::store;
use repaydash::store::builtin_policies;

fn builtin() -> Vec<Policy> {
    builtin_policies().expect("the built-in policies parse")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Parse, and when that succeeds, run everything `check` and `schedule` would.
fn parse_and_report(text: &str, today: NaiveDate) -> Result<String, String> {
    let builtin = builtin();
    let loaded = store::parse(text, "prop.toml", &builtin).map_err(|e| e.render())?;
    let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: Lang::En,
    };
    let mut out = report::check::json(&ctx).map_err(|e| e.to_string())?;
    out.push_str(&report::check::text(&ctx));
    for v in ctx.views() {
        out.push_str(&report::schedule::json(&v).map_err(|e| e.to_string())?);
        out.push_str(&report::schedule::text(&ctx, &v));
    }
    Ok(out)
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

fn date_between(from: NaiveDate, days: i64) -> impl Strategy<Value = NaiveDate> {
    (0..=days).prop_map(move |d| from + Duration::days(d))
}

fn amortized(
    method: Method,
    principal: Decimal,
    rate: Rate,
    term: u32,
    start: NaiveDate,
    due_day: u32,
) -> Loan {
    Loan {
        id: "p".into(),
        name: None,
        platform: "generic".into(),
        platform_written: "generic".into(),
        product: None,
        terms: LoanTerms::Amortized {
            principal,
            rate,
            method,
            term,
            start_date: start,
            due_day,
            fee_rate: Some(Decimal::new(6, 1)),
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

/// A consumer-sized loan: up to 10 million, up to 36 % a year (or 0.1 % a day), up to 60 months.
fn ordinary_loan() -> impl Strategy<Value = Loan> {
    (
        method(),
        1i64..=1_000_000_000,
        prop_oneof![
            (0i64..=3600).prop_map(|a| Rate::Annual(Decimal::new(a, 2))),
            (0i64..=1000).prop_map(|d| Rate::Daily(Decimal::new(d, 4))),
        ],
        1u32..=60,
        date_between(day(2020, 1, 1), 3000),
        1u32..=31,
    )
        .prop_map(|(m, cents, rate, term, start, due_day)| {
            amortized(m, Decimal::new(cents, 2), rate, term, start, due_day)
        })
}

/// Lines a loans file is made of, valid and not, shuffled into arbitrary files.
fn tomlish_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[[loan]]".to_string()),
        Just("[settings]".to_string()),
        Just("[[loan.payments]]".to_string()),
        Just("[[loan.installments]]".to_string()),
        Just("[[loan.extensions]]".to_string()),
        Just("[[loan.log]]".to_string()),
        Just("[platforms.x]".to_string()),
        Just("[[platforms.x.stages]]".to_string()),
        "[a-z]{1,3}".prop_map(|id| format!("id = \"{id}\"")),
        prop::sample::select(vec![
            "principal",
            "annual_rate",
            "daily_rate",
            "term",
            "due_day",
            "fee_rate",
            "penalty_rate",
            "amount",
            "amount_due",
            "installment",
            "alert_days",
            "day",
            "day_typical",
            "emergency_contact_after_days",
            "monthly_budget",
        ])
        .prop_flat_map(|k| {
            prop_oneof![
                "-?[0-9]{1,32}(\\.[0-9]{1,30})?",
                "\"-?[0-9]{0,30}\\.?[0-9]{0,30}\"",
                "[0-9]\\.?[0-9]?e[+-]?[0-9]{1,3}",
                Just("true".to_string()),
                Just("nan".to_string()),
                Just("inf".to_string()),
                Just("[1, 2]".to_string()),
                Just("{ a = 1 }".to_string()),
            ]
            .prop_map(move |v| format!("{k} = {v}"))
        }),
        (
            prop::sample::select(vec!["start_date", "due_date", "date", "due"]),
            "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?"
        )
            .prop_map(|(k, v)| format!("{k} = {v}")),
        prop::sample::select(vec![
            "method = \"equal_installment\"",
            "method = \"equal_principal\"",
            "method = \"interest_first\"",
            "method = \"bullet\"",
            "method = \"fixed_fee\"",
            "method = \"other\"",
            "platform = \"携程\"",
            "platform = \"某某贷\"",
            "platform = \"x\"",
            "kind = \"emergency_contact\"",
            "kind = \"negotiation\"",
            "lang = \"en\"",
            "contacts = [{ name = \"张三\", phone = 138 }]",
            "payments = [1, 2]",
            "loan = 3",
            "installments = \"x\"",
            "\u{feff}",
            "\"",
            "=",
            "",
        ])
        .prop_map(String::from),
        "\\PC{0,12}",
    ]
}

fn tomlish_file() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(tomlish_line(), 0..40),
        prop::bool::ANY,
    )
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = parse_and_report(&text, day(2026, 11, 23));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_and_report(&text, day(2026, 11, 23));
    }

    #[test]
    fn tomlish_files_never_panic(text in tomlish_file()) {
        match parse_and_report(&text, day(2026, 11, 23)) {
            Ok(_) => {}
            // Every refusal says where, or at least which key.
            Err(msg) => prop_assert!(msg.starts_with("prop.toml"), "{msg}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// The largest term the file accepts, with rates up to their maxima and amounts up to the
    /// limit, must compute (and finish) for any today.
    #[test]
    fn extreme_but_valid_loans_compute(
        m in method(),
        principal in prop_oneof![Just("1000000000000000".to_string()), Just("0.01".to_string()), "[1-9][0-9]{0,14}\\.[0-9]{2}"],
        rate in prop_oneof![
            Just("annual_rate = 1000".to_string()),
            Just("daily_rate = 100".to_string()),
            Just("annual_rate = 0".to_string()),
            (0u32..=100).prop_map(|d| format!("daily_rate = {d}")),
        ],
        term in prop_oneof![Just(1200u32), 1u32..=1200],
        penalty in prop_oneof![Just(String::new()), Just("penalty_rate = 100\n".to_string())],
        today in prop_oneof![Just(day(2026, 11, 23)), Just(day(2126, 1, 1)), Just(day(1900, 1, 1))],
    ) {
        let text = format!(
            "[[loan]]\nid = \"x\"\nprincipal = \"{principal}\"\n{rate}\nmethod = \"{}\"\n\
             term = {term}\nstart_date = 2026-01-31\nfee_rate = 100\n{penalty}\
             [[loan.payments]]\ndate = 2026-03-01\namount = 1000000000000000\n",
            m.key()
        );
        let out = parse_and_report(&text, today);
        prop_assert!(out.is_ok(), "{text}\n{:?}", out.err());
    }

    #[test]
    fn absurd_terms_are_refused(term in 1201u64..=u64::MAX / 2) {
        let text = format!(
            "[[loan]]\nid = \"x\"\nprincipal = 1000\nannual_rate = 10\nmethod = \"bullet\"\n\
             term = {term}\nstart_date = 2026-01-01\n"
        );
        let err = parse_and_report(&text, day(2026, 11, 23)).expect_err("refused");
        prop_assert!(err.contains("prop.toml:6:8:"), "{err}");
    }

    #[test]
    fn absurd_amounts_are_refused(digits in "[2-9][0-9]{15,28}", frac in "(\\.[0-9]{1,10})?") {
        let text = format!(
            "[[loan]]\nid = \"x\"\nprincipal = {digits}{frac}\nannual_rate = 10\n\
             method = \"bullet\"\nterm = 3\nstart_date = 2026-01-01\n"
        );
        let err = parse_and_report(&text, day(2026, 11, 23)).expect_err("refused");
        prop_assert!(err.contains("prop.toml:3:13:"), "{err}");
    }
}

#[test]
fn term_100000_is_refused_cleanly() {
    let text = "[[loan]]\nid = \"x\"\nprincipal = 1000\nannual_rate = 10\n\
                method = \"equal_installment\"\nterm = 100000\nstart_date = 2026-01-01\n";
    let err = parse_and_report(text, day(2026, 11, 23)).expect_err("refused");
    assert!(err.contains("prop.toml:6:8:"), "{err}");
    assert!(err.contains("1200"), "{err}");
}

#[test]
fn principal_at_decimals_limit_is_refused_cleanly() {
    for p in [
        "79228162514264337593543950335",
        "79228162514264337593543950336",
        "\"79228162514264337593543950335\"",
        "1e28",
        "1000000000000000.01",
    ] {
        let text = format!(
            "[[loan]]\nid = \"x\"\nprincipal = {p}\nannual_rate = 10\nmethod = \"bullet\"\n\
             term = 3\nstart_date = 2026-01-01\n"
        );
        let err = parse_and_report(&text, day(2026, 11, 23)).expect_err(p);
        assert!(err.contains("prop.toml:3:13:"), "{p}: {err}");
    }
}

#[test]
fn term_1200_at_the_maximum_rates_finishes() {
    for m in Method::ALL {
        for rate in [
            Rate::Annual(Decimal::from(1000)),
            Rate::Daily(Decimal::from(100)),
        ] {
            let l = amortized(
                m,
                Decimal::from(1_000_000_000_000_000i64),
                rate,
                1200,
                day(2026, 1, 31),
                31,
            );
            let p = &builtin()[0];
            let v = LoanView::compute(&l, p, day(2126, 1, 1), 7);
            assert!(v.ledger.remaining_balance > Decimal::ZERO);
            let insts = installments(&l);
            let _ = rate::apr(Decimal::from(1_000_000_000_000_000i64), &insts, 1200);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn principal_parts_sum_to_the_principal(l in ordinary_loan()) {
        let LoanTerms::Amortized { principal, .. } = l.terms else { unreachable!() };
        let s = installments(&l);
        let sum: Decimal = s.iter().map(|i| i.principal).sum();
        prop_assert_eq!(sum, round2(principal));
        let mut balance = round2(principal);
        for i in &s {
            prop_assert!(i.principal >= Decimal::ZERO && i.interest >= Decimal::ZERO && i.fee >= Decimal::ZERO);
            prop_assert_eq!(i.amount, i.principal + i.interest + i.fee);
            balance -= i.principal;
            prop_assert!(balance >= Decimal::ZERO, "balance {} after installment {}", balance, i.n);
            // Every figure is in cents.
            prop_assert_eq!(round2(i.amount), i.amount);
        }
        prop_assert_eq!(balance, Decimal::ZERO);
    }

    #[test]
    fn paying_every_installment_on_its_due_date_pays_off(l in ordinary_loan(), after in 0i64..400) {
        let mut l = l;
        let s = installments(&l);
        l.payments = s.iter().map(|i| Payment { date: i.due_date, amount: i.amount }).collect();
        let last = s.iter().map(|i| i.due_date).max().unwrap();
        let lg = Ledger::compute(&l, s.clone(), last + Duration::days(after), 7);
        prop_assert_eq!(lg.status, LoanStatus::PaidOff);
        prop_assert_eq!(lg.penalty_estimate, Some(Decimal::ZERO));
        prop_assert_eq!(lg.remaining_balance, Decimal::ZERO);
        prop_assert_eq!(lg.days_overdue, 0);
        // And on any day along the way, nothing paid on time is ever overdue.
        let mid = s[s.len() / 2].due_date;
        let lg = Ledger::compute(&l, s, mid, 7);
        prop_assert!(lg.status != LoanStatus::Overdue);
        prop_assert_eq!(lg.penalty_estimate, Some(Decimal::ZERO));
    }

    #[test]
    fn payments_go_oldest_first_and_never_beyond_amounts(
        l in ordinary_loan(),
        pays in prop::collection::vec((0i64..2000, 1i64..=500_000_000), 0..8),
        today_offset in -100i64..2500,
    ) {
        let mut l = l;
        let LoanTerms::Amortized { start_date, .. } = l.terms else { unreachable!() };
        l.payments = pays
            .iter()
            .map(|&(d, c)| Payment { date: start_date + Duration::days(d), amount: Decimal::new(c, 2) })
            .collect();
        let today = start_date + Duration::days(today_offset);
        let s = installments(&l);
        let due_total: Decimal = s.iter().map(|i| i.amount).sum();
        let lg = Ledger::compute(&l, s, today, 7);

        prop_assert!(lg.days_overdue >= 0);
        prop_assert!(lg.overdue_amount >= Decimal::ZERO);
        // Amortized loans always have a rate: the estimate is known and never negative.
        prop_assert!(lg.penalty_estimate.is_some_and(|p| p >= Decimal::ZERO));
        prop_assert!(lg.remaining_balance >= Decimal::ZERO);
        prop_assert_eq!(lg.status == LoanStatus::Overdue, lg.days_overdue > 0);

        let counted: Decimal = l.payments.iter().filter(|p| p.date <= today).map(|p| p.amount).sum();
        let applied: Decimal = lg.installments.iter().map(|s| s.paid).sum();
        prop_assert_eq!(applied, counted.min(due_total));
        prop_assert_eq!(lg.remaining_balance, due_total - applied);
        let mut short = false;
        for st in &lg.installments {
            prop_assert!(st.paid >= Decimal::ZERO && st.paid <= st.inst.amount);
            // Once one installment is short, every later one is untouched.
            if short {
                prop_assert_eq!(st.paid, Decimal::ZERO);
            }
            if st.paid < st.inst.amount {
                short = true;
            }
            prop_assert_eq!(st.status == InstallmentStatus::Paid, st.paid == st.inst.amount);
            prop_assert!(st.unpaid_principal() <= st.unpaid());
        }
        if lg.status == LoanStatus::Overdue {
            prop_assert!(lg.overdue_amount > Decimal::ZERO);
        } else {
            prop_assert_eq!(lg.overdue_amount, Decimal::ZERO);
        }
    }
}
