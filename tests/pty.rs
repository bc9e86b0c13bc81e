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
    assert!(sched.contains("2026-11-18"), "{sched}");
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

/// `kill` (SIGTERM) and a closed terminal window (SIGHUP) restore the terminal as `q` does: raw
/// mode off, the main screen back, the cursor shown, the mouse released.
#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
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
        let fd = pair.master.as_raw_fd().unwrap();
        let lflag = || {
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
            t.c_lflag
        };
        wait_for(&parser, "6 loans open");
        {
            let s = parser.lock().unwrap();
            let screen = s.screen();
            assert!(screen.alternate_screen());
            assert!(screen.hide_cursor());
            assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        }
        assert_eq!(lflag() & libc::ICANON, 0, "raw while running");

        let pid = child.process_id().unwrap() as libc::pid_t;
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "did not end");
            std::thread::sleep(Duration::from_millis(50));
        }
        // Raw mode off: the line discipline is canonical and echoes again.
        let l = lflag();
        assert_ne!(l & libc::ICANON, 0, "signal {signal}: still raw");
        assert_ne!(l & libc::ECHO, 0, "signal {signal}: no echo");
        drop(pair.master);
        let _ = reader_thread.join();
        let s = parser.lock().unwrap();
        let screen = s.screen();
        assert!(
            !screen.alternate_screen(),
            "signal {signal}: alternate screen left on"
        );
        assert!(
            !screen.hide_cursor(),
            "signal {signal}: cursor still hidden"
        );
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "signal {signal}: mouse still captured"
        );
    }
}
