//! The CLI commands against the floor: `check --json`, `export ics` and `plan --cash 5000 --json`
//! at 10,000 and 100,000 loans, each against parsing the same text with
//! `toml::from_str::<toml::Table>` alone (the floor), in the same run. Criterion times each; the
//! ratios of the medians are printed after each group. Peak heap memory of each command and of the
//! floor is measured with a counting global allocator and printed before the timings.
//!
//! `cargo bench --bench check` (the 100k group takes about two minutes on 2 cores);
//! `cargo bench --bench check -- 10k_loans` times the 10k group only (peak heap is still measured
//! at both sizes).

mod common;

use std::hint::black_box;
use std::io::{BufWriter, sink};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

use common::{peak_of, portfolio, print_peak, print_ratio};
use repaydash::engine::plan::Strategy;
use repaydash::i18n::Lang;
use repaydash::knowledge::Policies;
use repaydash::model::Policy;
use repaydash::report::{self, Context};
use repaydash::store;
use repaydash::store::builtin_policies;

#[global_allocator]
static ALLOC: common::Counting = common::Counting;

fn check_json(text: &str, builtin: &[Policy], today: NaiveDate) -> String {
    let loaded = store::parse(text, "bench.toml", builtin).expect("the generated file is valid");
    let policies = Policies::new(builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: Lang::Zh,
    };
    report::check::json(&ctx).expect("the report serialises")
}

/// `export ics` (90 days), streamed into a buffered sink as the CLI streams it to stdout.
fn export_ics(text: &str, builtin: &[Policy], today: NaiveDate) {
    let loaded = store::parse(text, "bench.toml", builtin).expect("the generated file is valid");
    let policies = Policies::new(builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: Lang::Zh,
    };
    let out = BufWriter::with_capacity(1 << 16, sink());
    report::ics::write(&ctx, report::ics::DEFAULT_DAYS, out).expect("a sink takes everything");
}

/// `plan --cash 5000 --json`.
fn plan_json(text: &str, builtin: &[Policy], today: NaiveDate) -> String {
    let loaded = store::parse(text, "bench.toml", builtin).expect("the generated file is valid");
    let policies = Policies::new(builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: Lang::Zh,
    };
    let plan = report::plan::compute(&ctx, Decimal::from(5000), Strategy::Urgency);
    report::plan::json(&ctx, &plan).expect("the plan serialises")
}

fn floor(text: &str) -> toml::Table {
    toml::from_str::<toml::Table>(text).expect("valid TOML")
}

/// Where the time of `check --json` goes, one pass each (the criterion figures are the ones to
/// compare).
fn one_pass(text: &str, builtin: &[Policy], today: NaiveDate) {
    let t = std::time::Instant::now();
    let loaded = store::parse(text, "bench.toml", builtin).expect("valid");
    let t_parse = t.elapsed();
    let policies = Policies::new(builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: Lang::Zh,
    };
    let t = std::time::Instant::now();
    let views = ctx.views();
    let t_views = t.elapsed();
    drop(views);
    let t = std::time::Instant::now();
    let json = report::check::json(&ctx);
    let t_json = t.elapsed();
    drop(json);
    let t = std::time::Instant::now();
    let de = toml::de::DeTable::parse(text).expect("valid");
    let t_de = t.elapsed();
    let t = std::time::Instant::now();
    drop(de);
    let t_de_drop = t.elapsed();
    println!(
        "one pass: store::parse {t_parse:?}, views {t_views:?}, views + json {t_json:?}; \
         toml::de::DeTable::parse {t_de:?}, its drop {t_de_drop:?}"
    );
}

fn group(c: &mut Criterion, n: usize) {
    let text = portfolio(n);
    let builtin = builtin_policies().expect("built-in policies");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let loans = floor(&text)["loan"]
        .as_array()
        .map(|a| a.len())
        .unwrap_or(0);
    assert_eq!(loans, n);
    let name = format!("{}k_loans", n / 1000);
    println!("{name}: {} bytes", text.len());

    let peak_floor = peak_of(|| floor(&text));
    let peak_check = peak_of(|| check_json(&text, &builtin, today));
    let peak_ics = peak_of(|| export_ics(&text, &builtin, today));
    let peak_plan = peak_of(|| plan_json(&text, &builtin, today));
    for (what, peak) in [
        ("check --json", peak_check),
        ("export ics", peak_ics),
        ("plan --cash 5000 --json", peak_plan),
    ] {
        print_peak(&format!("{name} {what}"), peak, "the floor", peak_floor);
    }
    if n <= 10_000 {
        one_pass(&text, &builtin, today);
    }

    let since = std::time::SystemTime::now();
    let mut g = c.benchmark_group(&name);
    g.sample_size(10);
    if n > 10_000 {
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(15));
    }
    g.bench_function("floor_toml_table", |b| b.iter(|| floor(black_box(&text))));
    g.bench_function("check_json", |b| {
        b.iter(|| check_json(black_box(&text), &builtin, today))
    });
    g.bench_function("export_ics", |b| {
        b.iter(|| export_ics(black_box(&text), &builtin, today))
    });
    g.bench_function("plan_5000_json", |b| {
        b.iter(|| plan_json(black_box(&text), &builtin, today))
    });
    g.finish();
    for cmd in ["check_json", "export_ics", "plan_5000_json"] {
        print_ratio(&name, cmd, "floor_toml_table", since);
    }
}

fn bench_10k(c: &mut Criterion) {
    group(c, 10_000);
}

fn bench_100k(c: &mut Criterion) {
    group(c, 100_000);
}

criterion_group!(benches, bench_10k, bench_100k);
criterion_main!(benches);
