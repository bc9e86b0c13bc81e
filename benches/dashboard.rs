//! The dashboard's goals of issue #13, each against a floor measured in the same run:
//! - a key press (`j`, then the frame it causes) at 10,000 loans against the same at 100;
//! - a what-if day step (`]`, and its frame) in the plan view at 10,000 loans, against parsing the
//!   same file with `toml::from_str::<toml::Table>` (the floor of every command);
//! - the watcher's event for a file saved without a change (read, hash, the frame after it) at
//!   10,000 loans, against the same floor;
//! - starting the dashboard at 100,000 loans (load the file, build the model, draw the first frame)
//!   against `check --json` on the same file.
//!
//! Criterion times each; the ratios of the medians are printed after each group.
//!
//! `cargo bench --bench dashboard` (about three minutes on 2 cores, most of it at 100k).

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{portfolio, print_ratio};
use repaydash::i18n::Lang;
use repaydash::knowledge::Policies;
use repaydash::report::{self, Context};
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::{App, Msg, dispatch};

#[global_allocator]
static ALLOC: common::Counting = common::Counting;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

/// `n` generated loans in a temp file, and the dashboard on it.
fn app_on_file(n: usize) -> (tempfile::TempDir, PathBuf, String, App) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("loans.toml");
    let text = portfolio(n);
    std::fs::write(&path, &text).expect("written");
    let app = start(&path);
    (dir, path, text, app)
}

/// What `repaydash --file PATH` does before it waits for a key: load, build the model.
fn start(path: &std::path::Path) -> App {
    let builtin = builtin_policies().expect("built-in policies");
    let loaded =
        store::load(&Source::File(path.to_path_buf()), &builtin, today()).expect("valid file");
    App::new(loaded, builtin, today(), Lang::Zh)
}

fn frame(term: &mut Terminal<TestBackend>, app: &mut App) {
    term.draw(|f| repaydash::tui::views::draw(f, app))
        .expect("a test backend draws");
}

fn floor(text: &str) -> toml::Table {
    toml::from_str::<toml::Table>(text).expect("valid TOML")
}

/// `j` then its frame, alternating with `k` so the selection stays near the top, as a held key.
fn keys(c: &mut Criterion) {
    let group = "key_press";
    let since = std::time::SystemTime::now();
    let mut g = c.benchmark_group(group);
    g.sample_size(20);
    for n in [100, 10_000] {
        let (_dir, _path, _text, mut app) = app_on_file(n);
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
        frame(&mut term, &mut app);
        let mut down = true;
        g.bench_function(format!("j_and_frame_{n}"), |b| {
            b.iter(|| {
                dispatch(&mut app, if down { Msg::Down } else { Msg::Up });
                down = !down;
                frame(&mut term, &mut app);
            })
        });
    }
    g.finish();
    print_ratio(group, "j_and_frame_10000", "j_and_frame_100", since);
}

/// At 10,000 loans: `]` in the plan view (cash 5000), and a file event for an unchanged file.
fn steps_and_reloads(c: &mut Criterion) {
    let group = "dashboard_10k";
    let (_dir, _path, text, mut app) = app_on_file(10_000);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
    dispatch(&mut app, Msg::OpenPlan);
    for ch in "5000".chars() {
        dispatch(&mut app, Msg::Input(ch));
    }
    dispatch(&mut app, Msg::Open);
    assert!(app.planning.plan.is_some(), "the plan view is open");
    frame(&mut term, &mut app);

    let since = std::time::SystemTime::now();
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    g.bench_function("floor_toml_table", |b| b.iter(|| floor(black_box(&text))));
    let mut forward = true;
    g.bench_function("what_if_step_in_plan", |b| {
        b.iter(|| {
            dispatch(&mut app, Msg::ShiftDay(if forward { 1 } else { -1 }));
            forward = !forward;
            frame(&mut term, &mut app);
        })
    });
    dispatch(&mut app, Msg::Back);
    g.bench_function("file_event_unchanged", |b| {
        b.iter(|| {
            dispatch(&mut app, Msg::FileChanged);
            frame(&mut term, &mut app);
        })
    });
    g.finish();
    print_ratio(group, "what_if_step_in_plan", "floor_toml_table", since);
    print_ratio(group, "file_event_unchanged", "floor_toml_table", since);
}

/// At 100,000 loans: the dashboard's start against `check --json`.
fn start_100k(c: &mut Criterion) {
    let group = "start_100k";
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("loans.toml");
    std::fs::write(&path, portfolio(100_000)).expect("written");
    let builtin = builtin_policies().expect("built-in policies");

    let since = std::time::SystemTime::now();
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("check_json", |b| {
        b.iter(|| {
            let loaded =
                store::load(&Source::File(path.clone()), &builtin, today()).expect("valid file");
            let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
            let ctx = Context {
                portfolio: &loaded.portfolio,
                policies: &policies,
                today: today(),
                lang: Lang::Zh,
            };
            report::check::json(&ctx).expect("the report serialises")
        })
    });
    g.bench_function("dashboard_first_frame", |b| {
        b.iter(|| {
            let mut app = start(&path);
            let mut term = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
            frame(&mut term, &mut app);
            app
        })
    });
    g.finish();
    print_ratio(group, "dashboard_first_frame", "check_json", since);
}

criterion_group!(benches, keys, steps_and_reloads, start_100k);
criterion_main!(benches);
