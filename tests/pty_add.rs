//! `repaydash add` in a real pseudo-terminal: the `inquire` questions answered key by key for
//! an equal-installment loan (defaults taken with Enter, a step taken back with `<`), then
//! `schedule` shows the first installment worked by hand: 10,000 at 18% a year over 12 months
//! is 10000 × 0.015 × 1.015¹² / (1.015¹² − 1) = 916.80.
#![cfg(target_os = "linux")]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[test]
fn add_asks_step_by_step_and_schedule_shows_the_loan() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, "# mine\n").unwrap();
    let path = file.display().to_string();

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_repaydash"));
    cmd.args([
        "--file",
        &path,
        "--today",
        "2026-12-03",
        "--lang",
        "en",
        "add",
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", dir.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 500)));
    let raw = Arc::new(Mutex::new(String::new()));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (p, r) = (parser.clone(), raw.clone());
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
            r.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let mut w = pair.master.take_writer().unwrap();
    // Everything printed so far, as text (escape sequences and all): a question is found
    // however inquire redraws it.
    let seen = |what: &str, times: usize| {
        let start = Instant::now();
        loop {
            if raw.lock().unwrap().matches(what).count() >= times {
                return;
            }
            let screen = parser.lock().unwrap().screen().contents();
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    let mut answer = |q: &str, keys: &str| {
        seen(q, 1);
        std::thread::sleep(Duration::from_millis(100));
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    };
    answer("Platform", "借呗\r");
    answer("Product", "\r");
    answer("Name shown", "\r");
    answer("How is it repaid", "\r");
    answer("Amount borrowed", "10000\r");
    answer("The rate you know", "\r");
    answer("annual rate %", "18\r");
    // A step back from the term to the rate, whose answer is now the default.
    answer("Number of monthly installments", "<\r");
    seen("annual rate % [18]", 1);
    answer("annual rate % [18]", "\r");
    seen("Number of monthly installments", 2);
    answer("Number of monthly installments", "\r");
    answer("Drawdown date", "2026-05-10\r");
    answer("Day of the month", "\r");
    answer("Emergency contact", "王小明,同事,13800000001\r");
    seen("Emergency contact", 2);
    std::thread::sleep(Duration::from_millis(300));
    answer("Emergency contact", "\r");
    answer("Installments already paid", "\r");
    answer("id (how commands", "jb\r");
    answer("Write it to the file?", "y\r");
    seen("Added", 1);
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "add did not end");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "{}",
        parser.lock().unwrap().screen().contents()
    );
    drop(w);
    drop(pair.master);
    let _ = reading.join();
    let screen = parser.lock().unwrap().screen().contents();
    // The preview was shown before the question to write.
    assert!(screen.contains("1  2026-06-10       ¥916.80"), "{screen}");

    let out = assert_cmd::Command::cargo_bin("repaydash")
        .unwrap()
        .args([
            "--file",
            &path,
            "--today",
            "2026-12-03",
            "schedule",
            "jb",
            "--json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["installments"][0]["amount"], "916.80");
    assert_eq!(v["installments"][0]["due_date"], "2026-06-10");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# mine\n"));
    assert!(text.contains("phone = \"13800000001\""), "{text}");
}
