//! `agree`, `promise` and `settle` at 10,000 loans against the floor (a bare `toml::Table` parse
//! of the same text, in the same run), like `pay` (benches/pay.rs): each write reads the file once
//! under its lock, edits the loan's own part, checks the result, backs up and renames. The file is
//! put back before each write (untimed), so every write sees the same 10,000 loans (a settlement
//! can be recorded only once).
//!
//! `cargo bench --bench outcome`

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

use common::{Counting, portfolio, print_ratio};
use repaydash::model::{Agreement, Promise, Settlement};
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
    // A loan still owed, with no agreement and no settlement yet.
    let loaded = store::load(&source, &builtin, today).expect("the generated file is valid");
    let id = loaded
        .portfolio
        .loans
        .iter()
        .find(|l| {
            let v = repaydash::engine::agreement::ledger(l, today, 7);
            v.remaining_balance > Decimal::ONE && l.settlement.is_none() && l.agreements.is_empty()
        })
        .map(|l| l.id.clone())
        .expect("an unpaid loan");
    drop(loaded);
    let edits = [
        (
            "agree",
            Edit::Agree {
                id: id.clone(),
                agreement: Agreement {
                    date: today,
                    from: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
                    months: 12,
                    amount: Decimal::new(500, 0),
                    total: None,
                    stop_interest: false,
                    waive_penalty: false,
                    reference: Some("工号 8831".into()),
                    text: None,
                },
            },
        ),
        (
            "promise",
            Edit::Promise {
                id: id.clone(),
                promise: Promise {
                    date: today,
                    by: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
                    amount: Decimal::new(800, 0),
                    to: None,
                    text: None,
                },
            },
        ),
        (
            "settle",
            Edit::Settle {
                id: id.clone(),
                settlement: Settlement {
                    date: today,
                    amount: Decimal::new(100, 0),
                    reference: None,
                },
            },
        ),
    ];
    println!("input: 10,000 loans, {} bytes", text.len());
    let since = std::time::SystemTime::now();
    let mut g = c.benchmark_group("outcome_10k");
    g.sample_size(10);
    for (name, edit) in &edits {
        g.bench_function(*name, |b| {
            b.iter_batched(
                || std::fs::write(&path, &text).expect("put back"),
                |()| {
                    black_box(
                        write::apply_at(&source, None, &builtin, edit, today).expect("recorded"),
                    )
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.bench_function("toml_table_parse", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&text)).expect("valid TOML"))
    });
    g.finish();
    for (name, _) in &edits {
        print_ratio("outcome_10k", name, "toml_table_parse", since);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
