//! End to end in a real pseudo-terminal: the built binary on a fixture, driven by keys.
#![cfg(target_os = "linux")]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn wait_for(parser: &Arc<Mutex<vt100::Parser>>, what: &str) -> String {
    let start = Instant::now();
    loop {
        let s = parser.lock().unwrap().screen().contents();
        if s.contains(what) {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what:?}; screen:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn dashboard_runs_in_a_terminal_and_restores_it() {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.toml");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_repaydash"));
    cmd.args(["--file", sample, "--today", "2026-11-23", "--lang", "en"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", std::env::temp_dir());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let p = parser.clone();
    let reader_thread = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();

    let main = wait_for(&parser, "6 loans open");
    assert!(parser.lock().unwrap().screen().alternate_screen());
    assert!(main.contains("overdue ¥3,276.74"), "{main}");
    assert!(main.contains("星图金融任性贷"), "{main}");

    // j selects 携程借去花 (second most urgent); Enter opens its schedule.
    writer.write_all(b"j").unwrap();
    writer.flush().unwrap();
    wait_for(&parser, "▶! 携程借去花");
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    let sched = wait_for(&parser, "Schedule · 携程借去花");
    assert!(sched.contains("18 Nov"), "{sched}");
    writer.write_all(b"\x1b").unwrap();
    writer.flush().unwrap();
    wait_for(&parser, "Loans 7");
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();

    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    drop(writer);
    drop(pair.master);
    let _ = reader_thread.join();
    assert!(
        !parser.lock().unwrap().screen().alternate_screen(),
        "the alternate screen was left"
    );
}

/// SGR mouse reports (what a terminal sends with mouse capture on): a left click on a loan's row
/// selects it, and the wheel over the advice scrolls the advice, not the selection.
#[test]
fn a_click_selects_a_loan_and_the_wheel_scrolls_the_advice() {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    // A private copy (mode 600), so no permission warning adds a line to the header.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, include_str!("../data/sample.toml")).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let sample = file.to_str().unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_repaydash"));
    cmd.args(["--file", sample, "--today", "2026-11-23", "--lang", "en"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", std::env::temp_dir());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let p = parser.clone();
    let reader_thread = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let mut send = |bytes: &[u8]| {
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    };
    wait_for(&parser, "6 loans open");

    // Rows (1-based): 4 header lines, the list's border on row 5, its column headers and ruler
    // on rows 6 and 7, then two rows a loan: the third loan (借呗（5月借款）) on rows 12 and 13.
    send(b"\x1b[<0;11;12M\x1b[<0;11;12m");
    let s = wait_for(&parser, "▶! 借呗（5月借款）");
    assert!(s.contains("借呗（5月借款） · Alipay"), "{s}");
    assert!(!s.contains("K↑"), "{s}");

    // The wheel, two notches down over the advice (column 61, row 21): the advice scrolls (its
    // border offers K↑ to go back up), the selected loan stays.
    send(b"\x1b[<65;61;21M\x1b[<65;61;21M");
    let s = wait_for(&parser, "K↑");
    assert!(s.contains("▶! 借呗（5月借款）"), "{s}");

    send(b"q");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    drop(pair.master);
    let _ = reader_thread.join();
}
