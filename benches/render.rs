//! Rendering the main screen at 120×40 for 100 and for 10,000 loans. The views are computed once
//! per data or day change and only visible rows are drawn, so the two should cost about the same.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use repaydash::i18n::Lang;
use repaydash::store;
use repaydash::store::builtin_policies;
use repaydash::tui::App;

fn portfolio_text(n: usize) -> String {
    let platforms = ["ctrip", "alipay", "xingtu", "generic"];
    let mut s = String::from("[settings]\nalert_days = 7\n");
    for i in 0..n {
        // Due dates spread over a year around today, so every status occurs.
        let day = 1 + (i % 28);
        let month = 1 + (i / 28) % 12;
        s.push_str(&format!(
            "\n[[loan]]\nid = \"loan-{i}\"\nname = \"借款 {i}\"\nplatform = \"{}\"\nprincipal = {}\nannual_rate = 18\nmethod = \"equal_installment\"\nterm = 12\nstart_date = 2026-{month:02}-{day:02}\n",
            platforms[i % 4],
            1000 + (i % 50) * 100
        ));
    }
    s
}

fn app(n: usize) -> App {
    let builtin = builtin_policies().unwrap();
    let loaded = store::parse(&portfolio_text(n), "bench", &builtin).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    App::new(loaded, builtin, today, Lang::Zh)
}

fn render(c: &mut Criterion) {
    for n in [100, 10_000] {
        let app = app(n);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        c.bench_function(&format!("render main 120x40, {n} loans"), |b| {
            b.iter(|| {
                term.draw(|f| f.render_widget(&app, f.area())).unwrap();
            })
        });
    }
}

/// The planning views at 10,000 loans: computing the plan and the weekly series (on `P` + Enter,
/// `c`, and each what-if day), then drawing them (per frame, from what was computed).
fn planning(c: &mut Criterion) {
    use repaydash::tui::{Msg, update};
    let n = 10_000;
    let mut app = app(n);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function(&format!("compute plan (cash 100000), {n} loans"), |b| {
        b.iter(|| {
            update(&mut app, Msg::OpenPlan);
            for ch in "100000".chars() {
                update(&mut app, Msg::Input(ch));
            }
            update(&mut app, Msg::Open);
            app.planning.input.clear();
        })
    });
    c.bench_function(&format!("render plan 120x40, {n} loans"), |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });
    update(&mut app, Msg::Back);
    c.bench_function(&format!("compute cash flow, {n} loans"), |b| {
        b.iter(|| {
            update(&mut app, Msg::Back);
            update(&mut app, Msg::OpenCashflow);
        })
    });
    c.bench_function(&format!("render cash flow 120x40, {n} loans"), |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        })
    });
}

criterion_group!(benches, render, planning);
criterion_main!(benches);
