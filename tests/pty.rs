//! End to end in a real pseudo-terminal: the built binary on a fixture, driven by keys.
#![cfg(target_os = "linux")]

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.toml");

/// The dashboard on a loans file at 80×24, with everything it wrote: parsed into a screen,
/// and raw (for sequences the screen does not keep, such as OSC 52).
struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    reader: std::thread::JoinHandle<()>,
    /// The private copy of the sample, when the session runs on it.
    _copy: Option<tempfile::TempDir>,
}

impl Session {
    fn start(file: &str) -> Session {
        // The sample runs on a private copy with mode 600: the checkout's own file mode (which
        // would add the header's permission warning and move every row) must not decide what a
        // test sees.
        let copy = (file == SAMPLE).then(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("loans.toml");
            std::fs::write(&path, include_str!("../data/sample.toml")).unwrap();
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o600))
                .unwrap();
            dir
        });
        let file = match &copy {
            Some(dir) => dir.path().join("loans.toml").display().to_string(),
            None => file.to_string(),
        };
        let file = file.as_str();
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_repaydash"));
        cmd.args(["--file", file, "--today", "2026-11-23", "--lang", "en"]);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, r) = (parser.clone(), raw.clone());
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
            reader,
            _copy: copy,
        }
    }

    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.parser.lock().unwrap().screen().contents();
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

    fn keys(&mut self, k: &[u8]) {
        self.writer.write_all(k).unwrap();
        self.writer.flush().unwrap();
    }

    /// `q`, then the program must end well and leave the alternate screen.
    fn quit(mut self) {
        self.keys(b"q");
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "did not quit");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "{status:?}");
        drop(self.writer);
        drop(self.master);
        let _ = self.reader.join();
        assert!(
            !self.parser.lock().unwrap().screen().alternate_screen(),
            "the alternate screen was left"
        );
    }
}

#[test]
fn dashboard_runs_in_a_terminal_and_restores_it() {
    let mut s = Session::start(SAMPLE);
    // Wait for each thing checked, not for the title: under load a frame arrives in pieces.
    s.wait_for("overdue ¥3,276.74");
    s.wait_for("▶! 星图金融任性贷");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());

    // j selects 携程借去花 (second most urgent); Enter opens its schedule.
    s.keys(b"j");
    s.wait_for("▶! 携程借去花");
    s.keys(b"\r");
    s.wait_for("Schedule · 携程借去花");
    s.wait_for("18 Nov");
    s.keys(b"\x1b");
    s.wait_for("▶! 携程借去花");
    s.quit();
}

/// `m` then `y` on 携程借去花: the terminal receives OSC 52 carrying the message, base64-encoded,
/// exactly as `notice --contact 王小明` prints it, and the screen says it was copied.
#[test]
fn y_copies_the_message_through_osc_52() {
    use base64::Engine;
    let printed = common::stdout_of(&[
        "--file",
        SAMPLE,
        "--today",
        "2026-11-23",
        "--lang",
        "en",
        "notice",
        "ctrip-jqh",
        "--contact",
        "王小明",
    ]);
    let message = printed.split_once('\n').unwrap().1.trim_end();
    let expected = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(message)
    );

    let mut s = Session::start(SAMPLE);
    s.wait_for("6 loans open");
    s.keys(b"j");
    s.wait_for("▶! 携程借去花");
    s.keys(b"m");
    s.wait_for("Message to 王小明 (1/1)");
    assert!(!String::from_utf8_lossy(&s.raw.lock().unwrap()).contains("\x1b]52;"));
    s.keys(b"y");
    s.wait_for("Copied to the clipboard");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains(&expected), "no OSC 52 with the message");
    s.keys(b"\x1b");
    s.wait_for("Loans 7");
    s.quit();
}

/// SGR mouse reports (what a terminal sends with mouse capture on): a left click on a loan's row
/// selects it, and the wheel over the advice scrolls the advice, not the selection.
#[test]
fn a_click_selects_a_loan_and_the_wheel_scrolls_the_advice() {
    // A private copy (mode 600), so no permission warning adds a line to the header.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, include_str!("../data/sample.toml")).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let mut s = Session::start(file.to_str().unwrap());
    s.wait_for("6 loans open");

    // Rows (1-based): 4 header lines, the list's border on row 5, its column headers and ruler
    // on rows 6 and 7, then two rows a loan: the third loan (借呗（5月借款）) on rows 12 and 13.
    s.keys(b"\x1b[<0;11;12M\x1b[<0;11;12m");
    let screen = s.wait_for("▶! 借呗（5月借款）");
    assert!(screen.contains("借呗（5月借款） · Alipay"), "{screen}");
    assert!(!screen.contains("K↑"), "{screen}");

    // The wheel, two notches down over the advice (column 61, row 21): the advice scrolls (its
    // border offers K↑ to go back up), the selected loan stays.
    s.keys(b"\x1b[<65;61;21M\x1b[<65;61;21M");
    let screen = s.wait_for("K↑");
    assert!(screen.contains("▶! 借呗（5月借款）"), "{screen}");
    s.quit();
}

/// `kill` (SIGTERM) and a closed terminal window (SIGHUP) restore the terminal as `q` does: raw
/// mode off, the main screen back, the cursor shown, the mouse released.
#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let s = Session::start(SAMPLE);
        let fd = s.master.as_raw_fd().unwrap();
        let lflag = || {
            // SAFETY: a zeroed termios is a valid out-parameter; fd is the open pty master.
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
            t.c_lflag
        };
        s.wait_for("6 loans open");
        {
            let p = s.parser.lock().unwrap();
            let screen = p.screen();
            assert!(screen.alternate_screen());
            assert!(screen.hide_cursor());
            assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        }
        assert_eq!(lflag() & libc::ICANON, 0, "raw while running");

        let pid = s.child.process_id().unwrap() as libc::pid_t;
        // SAFETY: sending a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let mut child = s.child;
        let start = Instant::now();
        let status = loop {
            if let Some(st) = child.try_wait().unwrap() {
                break st;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "did not end");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "signal {signal}: {status:?}");
        // Raw mode off: the line discipline is canonical and echoes again.
        let l = lflag();
        assert_ne!(l & libc::ICANON, 0, "signal {signal}: still raw");
        assert_ne!(l & libc::ECHO, 0, "signal {signal}: no echo");
        drop(s.writer);
        drop(s.master);
        let _ = s.reader.join();
        let p = s.parser.lock().unwrap();
        let screen = p.screen();
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

/// An editor saves in place: it truncates the file, then writes it, here with a typo. The
/// dashboard never shows the empty file's "all clear": it keeps the last good data, marks it as
/// old with the typo's `loans.toml:line:col`, and drops the mark once the file reads again. An
/// empty file after loans is taken only on `r`.
#[test]
fn a_save_in_place_with_a_typo_keeps_the_old_data_marked() {
    let mut s = Session::start(SAMPLE);
    s.wait_for("overdue ¥3,276.74");
    let path = s._copy.as_ref().unwrap().path().join("loans.toml");
    let bad =
        include_str!("../data/sample.toml").replacen("amount = 1100.16", "amount = 1,100.16", 1);
    let line = bad.lines().position(|l| l.contains("1,100.16")).unwrap() + 1;
    {
        // In place, as nano and VS Code write: the same inode truncated, then filled.
        let mut f = std::fs::File::create(&path).unwrap();
        f.flush().unwrap();
        std::thread::sleep(Duration::from_millis(40));
        f.write_all(bad.as_bytes()).unwrap();
    }
    let screen = s.wait_for("old data");
    assert!(screen.contains(&format!("loans.toml:{line}:")), "{screen}");
    assert!(screen.contains("overdue ¥3,276.74"), "{screen}");
    assert!(!screen.contains("nothing overdue"), "{screen}");
    assert!(!screen.contains("No loans in the file yet"), "{screen}");

    // Empty for good: still the old data, marked, until `r`.
    std::fs::write(&path, "").unwrap();
    let screen = s.wait_for("now holds no loans");
    assert!(screen.contains("overdue ¥3,276.74"), "{screen}");
    s.keys(b"r");
    s.wait_for("No loans in the file yet");

    // The file back: read, and the mark gone.
    std::fs::write(&path, include_str!("../data/sample.toml")).unwrap();
    s.wait_for("overdue ¥3,276.74");
    let start = Instant::now();
    while s
        .parser
        .lock()
        .unwrap()
        .screen()
        .contents()
        .contains("old data")
    {
        assert!(start.elapsed() < Duration::from_secs(20), "the mark stayed");
        std::thread::sleep(Duration::from_millis(50));
    }
    s.quit();
}

/// `check` in a real 80-column terminal, without `$COLUMNS`: the table fits (the stage and the
/// penalty columns give way), so no row wraps.
#[test]
fn check_fits_an_80_column_terminal() {
    let pty = native_pty_system();
    let pair = pty
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
        SAMPLE,
        "--today",
        "2026-11-23",
        "--lang",
        "en",
        "check",
    ]);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("COLUMNS");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let out = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let status = child.wait().unwrap();
    assert!(status.success());
    drop(pair.master);
    let out = String::from_utf8_lossy(&out.join().unwrap()).replace("\r\n", "\n");
    assert!(out.contains("contacts in 9 days"), "{out}");
    assert!(!out.contains("Penalty (est.)"), "{out}");
    for line in out.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{} columns: {line}",
            unicode_width::UnicodeWidthStr::width(line)
        );
    }
}
