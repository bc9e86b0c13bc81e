//! `E` in the real dashboard: the editor (a script that records its arguments) gets the
//! terminal at the selected loan's `[[loan]]` line, the dashboard comes back and reloads; an
//! edit that breaks the file keeps the last good data on screen, and `E` again opens at the
//! first problem.
#![cfg(target_os = "linux")]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

// `hb` first, `old` (overdue on 2026-12-03, so selected first) from line 7.
const FILE: &str = "[[loan]]\nid = \"hb\"\nplatform = \"花呗\"\namount_due = 458.30\ndue_date = 2026-12-09\n\n[[loan]]\nid = \"old\"\nname = \"Old loan\"\nplatform = \"ctrip\"\nprincipal = 1200\nannual_rate = 0\nmethod = \"equal_principal\"\nterm = 12\nstart_date = 2026-11-01\n";

fn wait(what: &dyn Fn() -> bool, why: &str, screen: &Arc<Mutex<vt100::Parser>>) {
    let start = Instant::now();
    while !what() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out: {why}; screen:\n{}",
            screen.lock().unwrap().screen().contents()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn e_opens_the_editor_at_the_loan_and_comes_back_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, FILE).unwrap();
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let log = dir.path().join("args.txt");
    // The first call renames the loan; the second breaks the file; later calls change nothing.
    let script = dir.path().join("ed.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{log}'\nn=$(wc -l < '{log}')\nif [ \"$n\" -eq 2 ]; then sed -i 's/Old loan/Renamed loan/' \"$2\"; fi\nif [ \"$n\" -eq 4 ]; then sed -i 's/^principal = 1200/principal = abc/' \"$2\"; fi\n",
            log = log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_repaydash"));
    cmd.args([
        "--file",
        file.to_str().unwrap(),
        "--today",
        "2026-12-03",
        "--lang",
        "en",
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", dir.path());
    cmd.env("REPAYDASH_STATE", dir.path().join("ui.toml"));
    cmd.env("VISUAL", &script);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let p = parser.clone();
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut w = pair.master.take_writer().unwrap();
    let shows = |s: &str| parser.lock().unwrap().screen().contents().contains(s);
    let lines = || std::fs::read_to_string(&log).unwrap_or_default();

    wait(&|| shows("Old loan"), "the dashboard", &parser);
    w.write_all(b"E").unwrap();
    w.flush().unwrap();
    wait(&|| lines().lines().count() == 2, "the editor", &parser);
    assert_eq!(lines(), format!("+7\n{}\n", file.display()));
    // Back on the dashboard, with the file as the editor left it.
    wait(&|| shows("Renamed loan"), "the reload", &parser);
    assert!(parser.lock().unwrap().screen().alternate_screen());

    w.write_all(b"E").unwrap();
    w.flush().unwrap();
    wait(&|| lines().lines().count() == 4, "the second edit", &parser);
    // The broken file is refused; the last good data stays.
    wait(&|| shows("reload failed"), "the error", &parser);
    wait(&|| shows("loans.toml:11:"), "the error's place", &parser);
    assert!(shows("Renamed loan"));
    let said = parser
        .lock()
        .unwrap()
        .screen()
        .contents()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("E reopens the editor at the first problem. reload failed"),
        "{said}"
    );
    w.write_all(b"E").unwrap();
    w.flush().unwrap();
    wait(&|| lines().lines().count() == 6, "the third edit", &parser);
    let all = lines();
    let third: Vec<&str> = all.lines().skip(4).collect();
    // `principal = abc` is line 11.
    assert_eq!(third[0], "+11", "{all}");

    std::thread::sleep(Duration::from_millis(300));
    w.write_all(b"q").unwrap();
    w.flush().unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    drop(w);
    drop(pair.master);
    let _ = reading.join();
    assert!(!parser.lock().unwrap().screen().alternate_screen());
}
