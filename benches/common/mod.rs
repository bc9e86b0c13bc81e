//! What the benches share: the generated portfolio, a counting allocator for peak heap, and the
//! ratio of two criterion medians from the same run.

#![allow(dead_code)] // each bench uses a part

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

/// Counts live heap bytes and their peak. Each bench installs it with
/// `#[global_allocator] static ALLOC: common::Counting = common::Counting;`
/// (its two relaxed atomics cost every measured side alike).
pub struct Counting;

pub static CURRENT: AtomicUsize = AtomicUsize::new(0);
pub static PEAK: AtomicUsize = AtomicUsize::new(0);

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

/// Bytes allocated at the peak of `f`, above what was live before it.
pub fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
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

/// The median of a benchmark criterion measured after `since` (in this run), in nanoseconds,
/// read back from its report (`target/criterion/GROUP/NAME/new/estimates.json`). None when the
/// benchmark did not run this time (filtered out): an older report is never used.
pub fn median_ns(group: &str, name: &str, since: SystemTime) -> Option<f64> {
    let root = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|t| PathBuf::from(t).join("criterion"))
        })
        .unwrap_or_else(|| PathBuf::from("target/criterion"));
    let path = root.join(group).join(name).join("new/estimates.json");
    let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if written < since {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["median"]["point_estimate"].as_f64()
}

/// Print `name`'s median over `base`'s, both measured in this run of `group` (after `since`).
pub fn print_ratio(group: &str, name: &str, base: &str, since: SystemTime) {
    match (median_ns(group, name, since), median_ns(group, base, since)) {
        (Some(a), Some(b)) => println!(
            "ratio {group}/{name}: {:.2}x {base} ({:.2} ms against {:.2} ms, medians of this run)",
            a / b,
            a / 1e6,
            b / 1e6
        ),
        _ => println!("ratio {group}/{name}: not measured in this run"),
    }
}

/// Print a peak-heap comparison.
pub fn print_peak(what: &str, peak: usize, base_name: &str, base: usize) {
    println!(
        "peak heap {what}: {:.1} MiB against {:.1} MiB for {base_name}, ratio {:.2}",
        peak as f64 / 1048576.0,
        base as f64 / 1048576.0,
        peak as f64 / base as f64
    );
}
