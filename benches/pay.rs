//! `pay` at 10,000 loans against the floor, a bare `toml::Table` parse of the same text, in the
//! same run: the write reads the file once under its lock, parses it once to edit (`toml_edit`)
//! and once to check the result (the schema), then backs up, records the undo hash and renames.
//!
//! `cargo bench --bench pay`

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

use common::{Counting, peak_of, portfolio, print_peak, print_ratio};
use repaydash::store::builtin_policies;
use repaydash::store::write::{self, Edit};
use repaydash::store::{self, Source};

#[global_allocator]
static ALLOC: Counting = Counting;

fn bench(c: &mut Criterion) {
    let text = portfolio(10_000);
    let builtin = builtin_policies().expect("built-in policies");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path: PathBuf = dir.path().join("loans.toml");
    std::fs::write(&path, &text).expect("written");
    let source = Source::File(path.clone());
    // A loan with something left to pay, so one cent is always a payment the rules accept.
    let loaded = store::load(&source, &builtin, today).expect("the generated file is valid");
    let id = loaded
        .portfolio
        .loans
        .iter()
        .find(|l| {
            let v = repaydash::engine::Ledger::compute(
                l,
                repaydash::engine::schedule::installments(l),
                today,
                7,
            );
            v.remaining_balance > Decimal::ONE && v.total_paid.is_zero()
        })
        .map(|l| l.id.clone())
        .expect("an unpaid loan");
    drop(loaded);
    let edit = Edit::Pay {
        id,
        date: today,
        amount: Decimal::new(1, 2),
    };
    let pay = || write::apply_at(&source, None, &builtin, &edit, today).expect("recorded");
    println!("input: 10,000 loans, {} bytes", text.len());
    let peak_pay = peak_of(pay);
    let peak_toml = peak_of(|| toml::from_str::<toml::Table>(&text).expect("valid TOML"));
    print_peak("pay", peak_pay, "toml::Table parse", peak_toml);

    let since = std::time::SystemTime::now();
    let mut g = c.benchmark_group("pay_10k");
    g.sample_size(10);
    g.bench_function("pay", |b| b.iter(|| black_box(pay())));
    g.bench_function("toml_table_parse", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&text)).expect("valid TOML"))
    });
    g.finish();
    print_ratio("pay_10k", "pay", "toml_table_parse", since);
}

criterion_group!(benches, bench);
criterion_main!(benches);
