//! Issue 22, part 1: an editor saving beside repaydash's writes (it takes no lock) never loses its
//! save, and repaydash never loses an acknowledged payment. The gaps are made deterministic with
//! the writer's test pause (`REPAYDASH_TEST_PAUSE`, debug builds only); a bounded stress run has
//! an in-place editor (truncate, then two chunks) save beside repeated `pay`.
#![cfg(target_os = "linux")]

use std::fs;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-23";

/// One loan of 100,000 repaid in a single bullet: room for many small payments. ASCII only, so
/// the editor below can cut it anywhere.
const FILE: &str = "\
# my loans, kept by hand
[settings]
lang = \"en\"

[[loan]]
id = \"big\"
platform = \"alipay\"
principal = 100000
annual_rate = 0.0
method = \"bullet\"
term = 12
start_date = 2026-01-10
";

fn file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::write(&path, FILE).unwrap();
    (dir, path)
}

fn repaydash(path: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_repaydash"));
    c.arg("--file")
        .arg(path)
        .args(["--today", TODAY])
        .args(args)
        .env_remove("REPAYDASH_FILE")
        .env_remove("REPAYDASH_TEST_PAUSE")
        .env_remove("REPAYDASH_TEST_NO_EXCHANGE")
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn pay(path: &Path, amount: &str) -> Output {
    repaydash(path, &["pay", "big", amount]).output().unwrap()
}

/// `repaydash ARGS` stopped for `ms` at `point`; returns once it has got there.
fn paused(path: &Path, args: &[&str], point: &str, ms: u64) -> Child {
    let mark = path.with_file_name("mark");
    let child = repaydash(path, args)
        .env("REPAYDASH_TEST_PAUSE", format!("{point}={ms}"))
        .env("REPAYDASH_TEST_MARK", &mark)
        .spawn()
        .unwrap();
    let arrived = mark.with_file_name(format!("mark.{point}"));
    let start = Instant::now();
    while !arrived.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the writer never reached {point}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    fs::remove_file(&arrived).unwrap();
    child
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// An editor saving in place as nano does: open, truncate, write in two chunks `gap` apart.
fn save_in_place(path: &Path, new: &str, gap: Duration) {
    let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
    f.set_len(0).unwrap();
    let half = new.len() / 2;
    f.write_all(&new.as_bytes()[..half]).unwrap();
    f.flush().unwrap();
    std::thread::sleep(gap);
    f.write_all(&new.as_bytes()[half..]).unwrap();
}

/// An editor saving by rename, as vim and VS Code can: write a new file, rename it over.
fn save_by_rename(path: &Path, new: &str) {
    let tmp = path.with_file_name("loans.toml.editor~");
    fs::write(&tmp, new).unwrap();
    fs::rename(&tmp, path).unwrap();
}

fn amounts(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("amount = "))
        .map(str::to_string)
        .collect()
}

/// Whether Linux can tell here that a program has a file open for writing (a read lease); a
/// file system without leases has only the 25 ms settle interval, which a 400 ms pause defeats.
fn leases_work(dir: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let p = dir.join("lease-probe");
    fs::write(&p, "x").unwrap();
    let f = fs::File::open(&p).unwrap();
    // SAFETY: fcntl on an open descriptor.
    let ok = unsafe { libc::fcntl(f.as_raw_fd(), libc::F_SETLEASE, libc::F_RDLCK) } == 0;
    // SAFETY: as above.
    unsafe { libc::fcntl(f.as_raw_fd(), libc::F_SETLEASE, libc::F_UNLCK) };
    drop(f);
    fs::remove_file(&p).unwrap();
    ok
}

#[test]
fn a_pay_started_between_an_editors_two_chunks_waits_for_the_whole_save() {
    let (d, path) = file();
    if !leases_work(d.path()) {
        eprintln!(
            "no file leases on this file system: the long pause between chunks is not tested"
        );
        return;
    }
    let saved = format!("{FILE}\n# a long note typed in the editor, saved in two chunks\n");
    let half = saved.len() / 2;
    let mut f = fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(0).unwrap();
    f.write_all(&saved.as_bytes()[..half]).unwrap();
    // The file now holds a valid prefix; `pay` starts while the editor is between its chunks.
    let child = repaydash(&path, &["pay", "big", "12.34"]).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(400));
    f.write_all(&saved.as_bytes()[half..]).unwrap();
    drop(f);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let now = fs::read_to_string(&path).unwrap();
    assert!(
        now.contains("# a long note typed in the editor, saved in two chunks\n"),
        "the editor's save was cut:\n{now}"
    );
    assert_eq!(amounts(&path), ["12.34"]);
    // The backup is the editor's whole save, not its first chunk.
    assert_eq!(
        fs::read_to_string(path.with_file_name("loans.toml.bak")).unwrap(),
        saved
    );
}

#[test]
fn a_save_by_rename_just_before_pays_rename_is_kept_and_the_payment_made_on_it() {
    let (_d, path) = file();
    let child = paused(&path, &["pay", "big", "50"], "before_swap", 600);
    let saved = format!("{FILE}# saved by rename while pay was writing\n");
    save_by_rename(&path, &saved);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let now = fs::read_to_string(&path).unwrap();
    assert!(
        now.contains("# saved by rename while pay was writing"),
        "{now}"
    );
    assert_eq!(amounts(&path), ["50"]);
}

#[test]
fn a_save_in_place_just_before_pays_rename_is_kept_and_the_payment_made_on_it() {
    let (_d, path) = file();
    let child = paused(&path, &["pay", "big", "50"], "before_swap", 600);
    let saved = format!("{FILE}# saved in place while pay was writing\n");
    save_in_place(&path, &saved, Duration::from_millis(1));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let now = fs::read_to_string(&path).unwrap();
    assert!(
        now.contains("# saved in place while pay was writing"),
        "{now}"
    );
    assert_eq!(amounts(&path), ["50"]);
}

#[test]
fn a_save_between_pays_read_and_its_edit_is_kept() {
    let (_d, path) = file();
    let child = paused(&path, &["pay", "big", "7"], "after_read", 400);
    let saved = format!("{FILE}# saved while pay was editing\n");
    save_in_place(&path, &saved, Duration::from_millis(1));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let now = fs::read_to_string(&path).unwrap();
    assert!(now.contains("# saved while pay was editing"), "{now}");
    assert_eq!(amounts(&path), ["7"]);
}

#[test]
fn without_the_exchange_a_save_just_before_the_rename_is_still_kept() {
    let (_d, path) = file();
    let mark = path.with_file_name("mark");
    let child = repaydash(&path, &["pay", "big", "50"])
        .env("REPAYDASH_TEST_PAUSE", "before_swap=600")
        .env("REPAYDASH_TEST_MARK", &mark)
        .env("REPAYDASH_TEST_NO_EXCHANGE", "1")
        .spawn()
        .unwrap();
    let arrived = path.with_file_name("mark.before_swap");
    let start = Instant::now();
    while !arrived.exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "never paused");
        std::thread::sleep(Duration::from_millis(5));
    }
    let saved = format!("{FILE}# saved by rename, no exchange\n");
    save_by_rename(&path, &saved);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let now = fs::read_to_string(&path).unwrap();
    assert!(now.contains("# saved by rename, no exchange"), "{now}");
    assert_eq!(amounts(&path), ["50"]);
}

#[test]
fn two_saves_around_the_swap_keep_the_newest_in_place_and_the_other_beside_it() {
    let (d, path) = file();
    let mark = path.with_file_name("mark");
    let child = repaydash(&path, &["pay", "big", "50"])
        .env("REPAYDASH_TEST_PAUSE", "before_swap=600,after_swap=600")
        .env("REPAYDASH_TEST_MARK", &mark)
        .spawn()
        .unwrap();
    let wait_for = |point: &str| {
        let arrived = path.with_file_name(format!("mark.{point}"));
        let start = Instant::now();
        while !arrived.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never reached {point}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    wait_for("before_swap");
    let first = format!("{FILE}# first save\n");
    save_in_place(&path, &first, Duration::from_millis(1));
    wait_for("after_swap");
    let second = format!("{FILE}# second save\n");
    save_by_rename(&path, &second);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("is kept as"), "{}", text(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), second);
    let kept: Vec<PathBuf> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "kept"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read_to_string(&kept[0]).unwrap(), first);
}

#[test]
fn undo_keeps_a_save_made_while_it_runs() {
    let (_d, path) = file();
    assert!(pay(&path, "9").status.success());
    let child = paused(&path, &["undo"], "before_swap", 600);
    let saved = format!(
        "{}# saved while undo was running\n",
        fs::read_to_string(&path).unwrap()
    );
    save_by_rename(&path, &saved);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("was changed after repaydash last wrote it"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), saved);
}

#[test]
fn undo_keeps_a_save_in_place_made_while_it_runs() {
    let (_d, path) = file();
    assert!(pay(&path, "9").status.success());
    let child = paused(&path, &["undo"], "before_swap", 600);
    let saved = format!(
        "{}# saved in place during undo\n",
        fs::read_to_string(&path).unwrap()
    );
    save_in_place(&path, &saved, Duration::from_millis(1));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(fs::read_to_string(&path).unwrap(), saved);
}

/// A few seconds of an editor saving in place (reading the file through its own descriptor,
/// truncating it and writing it back in two chunks 0.5 ms apart, with its mark added) beside
/// two loops of `pay`: at the end every save's mark and every acknowledged payment is in the file.
#[test]
fn an_in_place_editor_beside_repeated_pay_loses_nothing() {
    let (_d, path) = file();
    let stop = Arc::new(AtomicBool::new(false));
    let editor = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut saves = 0u32;
            let mut seed = 7u64;
            while !stop.load(Ordering::Relaxed) {
                let mut f = fs::OpenOptions::new()
                    .read(true)
                    .write(true)
                    .open(&path)
                    .unwrap();
                let mut old = String::new();
                f.read_to_string(&mut old).unwrap();
                let new = format!("{old}# editor save {saves}\n");
                f.set_len(0).unwrap();
                f.rewind().unwrap();
                let half = new.len() / 2;
                f.write_all(&new.as_bytes()[..half]).unwrap();
                std::thread::sleep(Duration::from_micros(500));
                f.write_all(&new.as_bytes()[half..]).unwrap();
                drop(f);
                saves += 1;
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                std::thread::sleep(Duration::from_millis(30 + (seed >> 33) % 50));
            }
            saves
        })
    };
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let payers: Vec<_> = (0..2)
        .map(|k| {
            let (path, stop, acknowledged) = (path.clone(), stop.clone(), acknowledged.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let amount = format!("{n}.{}", k + 1);
                    if pay(&path, &amount).status.success() {
                        acknowledged.lock().unwrap().push(amount);
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(4));
    stop.store(true, Ordering::Relaxed);
    let saves = editor.join().unwrap();
    for p in payers {
        p.join().unwrap();
    }
    let now = fs::read_to_string(&path).unwrap();
    let lost: Vec<u32> = (0..saves)
        .filter(|n| !now.contains(&format!("# editor save {n}\n")))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {saves} saves lost: {lost:?}",
        lost.len()
    );
    let mut acknowledged = acknowledged.lock().unwrap().clone();
    let mut recorded: Vec<String> = amounts(&path);
    acknowledged.sort();
    recorded.sort();
    assert_eq!(recorded, acknowledged, "payments lost or made twice");
    assert!(
        saves > 10 && acknowledged.len() > 5,
        "{saves} saves, {} payments",
        acknowledged.len()
    );
    // Nothing of the writers is left behind.
    let left: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".kept"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
