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
    // A private copy with mode 600: the checkout's own file mode (which would add the header's
    // permission warning and move every row) must not decide what this test sees.
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("loans.toml");
    std::fs::write(&sample, include_str!("../data/sample.toml")).unwrap();
    std::fs::set_permissions(&sample, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_repaydash"));
    cmd.arg("--file");
    cmd.arg(&sample);
    cmd.args(["--today", "2026-11-23", "--lang", "en"]);
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

    // Wait for each thing checked, not for the title: under load a frame arrives in pieces.
    wait_for(&parser, "overdue ¥3,276.74");
    wait_for(&parser, "▶! 星图金融任性贷");
    assert!(parser.lock().unwrap().screen().alternate_screen());

    // j selects 携程借去花 (second most urgent); Enter opens its schedule.
    writer.write_all(b"j").unwrap();
    writer.flush().unwrap();
    wait_for(&parser, "▶! 携程借去花");
    writer.write_all(b"\r").unwrap();
    writer.flush().unwrap();
    wait_for(&parser, "Schedule · 携程借去花");
    wait_for(&parser, "2026-11-18");
    writer.write_all(b"\x1b").unwrap();
    writer.flush().unwrap();
    wait_for(&parser, "▶! 携程借去花");
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
