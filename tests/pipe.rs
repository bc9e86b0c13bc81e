//! A reader that closes the pipe early must not make repaydash panic.
#![cfg(unix)]

use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_repaydash"))
        .args([
            "--file",
            "data/sample.toml",
            "--today",
            "2026-11-23",
            "check",
            "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start repaydash");
    // Read nothing and close our end before the child has written everything.
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert!(status.code() != Some(101), "a panic exits 101: {status:?}");
}
