//! `check --json` at 10,000 loans (store::parse + Context::views + report::check::json) against
//! parsing the same text with `toml::from_str::<toml::Table>` alone, in the same run.
//! Peak heap memory of both is measured with a counting global allocator and printed before the
//! timings (the allocator's two relaxed atomics cost both sides alike).
//!
//! `cargo bench --bench check`

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

use repaydash::i18n::Lang;
use repaydash::knowledge::{Policies, builtin_policies};
use repaydash::model::Policy;
use repaydash::report::{self, Context};
use repaydash::store;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let now = CURRENT.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Bytes allocated at the peak of `f`, above what was live before it.
fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(black_box(out));
    peak
}

/// A deterministic mix of every kind of loan a file can hold, with payments, extensions and logs.
pub fn portfolio(n: usize) -> String {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let platforms = [
        "ctrip",
        "alipay",
        "xingtu",
        "generic",
        "借呗",
        "携程",
        "某某贷",
    ];
    let methods = [
        "equal_installment",
        "equal_principal",
        "interest_first",
        "bullet",
        "fixed_fee",
    ];
    let mut s = String::from("[settings]\nlang = \"zh\"\nalert_days = 7\n\n");
    for i in 0..n {
        let platform = platforms[next(platforms.len() as u64) as usize];
        s.push_str(&format!(
            "[[loan]]\nid = \"loan-{i}\"\nname = \"借款 {i}\"\nplatform = \"{platform}\"\n"
        ));
        let month = 1 + next(12);
        let dd = 1 + next(28);
        let kind = next(10);
        let (count, amount) = if kind == 0 {
            // A bill list.
            let bills = 3 + next(6);
            for b in 0..bills {
                let m = (month + b - 1) % 12 + 1;
                let y = 2026 + (month + b - 1) / 12;
                s.push_str(&format!(
                    "[[loan.installments]]\ndue = {y}-{m:02}-{dd:02}\namount = {}.{:02}\n",
                    200 + next(800),
                    next(100)
                ));
            }
            (bills, 500)
        } else if kind == 1 {
            s.push_str(&format!(
                "amount_due = {}.50\ndue_date = 2026-{month:02}-{dd:02}\n",
                100 + next(5000)
            ));
            (1, 300)
        } else {
            let method = methods[next(5) as usize];
            let term = [3, 6, 12, 24, 36][next(5) as usize];
            let principal = 1000 + next(49) * 1000;
            s.push_str(&format!(
                "principal = {principal}\nmethod = \"{method}\"\nterm = {term}\n\
                 start_date = 2026-{month:02}-{dd:02}\n"
            ));
            if method == "fixed_fee" {
                s.push_str("annual_rate = 0\nfee_rate = 0.6\n");
            } else if next(2) == 0 {
                s.push_str(&format!("annual_rate = {}.{}\n", 6 + next(30), next(10)));
            } else {
                s.push_str(&format!("daily_rate = 0.0{}\n", 2 + next(7)));
            }
            if next(4) == 0 {
                s.push_str("emergency_contact_after_days = 10\n");
            }
            (if method == "bullet" { 1 } else { term }, principal / term)
        };
        if next(3) == 0 {
            s.push_str(
                "contacts = [{ name = \"王小明\", relation = \"同事\", phone = \"13800000001\" }]\n",
            );
        }
        let pays = next(count.min(8) + 1);
        for p in 0..pays {
            let m = (month + p) % 12 + 1;
            s.push_str(&format!(
                "[[loan.payments]]\ndate = 2026-{m:02}-{dd:02}\namount = {}.{:02}\n",
                amount + next(100),
                next(100)
            ));
        }
        if count > 2 && next(5) == 0 {
            s.push_str("[[loan.extensions]]\ninstallment = 2\ndue = 2027-12-05\n");
        }
        if next(4) == 0 {
            s.push_str(
                "[[loan.log]]\ndate = 2026-11-20\nkind = \"negotiation\"\ntext = \"客服同意延期\"\n",
            );
        }
        s.push('\n');
    }
    s
}

fn check_json(text: &str, builtin: &[Policy], today: NaiveDate) -> String {
    let loaded = store::parse(text, "bench.toml", builtin).expect("the generated file is valid");
    let policies = Policies::new(builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: Lang::Zh,
    };
    report::check::json(&ctx)
}

fn bench(c: &mut Criterion) {
    let text = portfolio(10_000);
    let builtin = builtin_policies().expect("built-in policies");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");

    let out = check_json(&text, &builtin, today);
    let table: toml::Table = toml::from_str(&text).expect("valid TOML");
    let loans = table["loan"].as_array().map(|a| a.len()).unwrap_or(0);
    assert_eq!(loans, 10_000);
    drop(table);

    let peak_check = peak_of(|| check_json(&text, &builtin, today));
    let peak_toml = peak_of(|| toml::from_str::<toml::Table>(&text).expect("valid TOML"));
    println!(
        "input: {} loans, {} bytes; check --json output {} bytes",
        loans,
        text.len(),
        out.len()
    );
    println!(
        "peak heap: check --json {:.1} MiB, toml::Table parse {:.1} MiB, ratio {:.2}",
        peak_check as f64 / 1048576.0,
        peak_toml as f64 / 1048576.0,
        peak_check as f64 / peak_toml as f64
    );

    // Where the time goes, one pass each (the criterion figures below are the ones to compare).
    let t = std::time::Instant::now();
    let loaded = store::parse(&text, "bench.toml", &builtin).expect("valid");
    let t_parse = t.elapsed();
    let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
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
    let t = std::time::Instant::now();
    let doc = toml_edit::Document::parse(text.as_str()).expect("valid");
    let t_doc = t.elapsed();
    let t = std::time::Instant::now();
    drop(doc);
    let t_doc_drop = t.elapsed();
    let t = std::time::Instant::now();
    let de = toml::de::DeTable::parse(text.as_str()).expect("valid");
    let t_de = t.elapsed();
    let t = std::time::Instant::now();
    drop(de);
    let t_de_drop = t.elapsed();
    println!(
        "one pass: store::parse {t_parse:?} (for reference, toml_edit::Document::parse alone \
         {t_doc:?}, its drop {t_doc_drop:?}), views {t_views:?}, views + json {t_json:?}; \
         toml::de::DeTable::parse {t_de:?}, its drop {t_de_drop:?}"
    );
    drop(json);

    let mut g = c.benchmark_group("10k_loans");
    g.sample_size(10);
    g.bench_function("check_json", |b| {
        b.iter(|| check_json(black_box(&text), &builtin, today))
    });
    g.bench_function("toml_table_parse", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&text)).expect("valid TOML"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
