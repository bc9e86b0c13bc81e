//! Issue 22, parts 2, 3 and 5: a write killed in the middle, files that are not what they seem
//! (the lock path, the undo record, a device or a missing file given as the loans file), and the
//! CLI's language and date rules for write commands.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rust_decimal_macros::dec;

use repaydash::store::builtin_policies;
use repaydash::store::write::{self, Edit};
use repaydash::store::{self, Source};

const TODAY: &str = "2026-11-23";

/// One loan: 3,000 in three equal monthly installments of 1,000 (no interest), from 2026-09-10,
/// so installment 3 is due 2026-12-10.
const FILE: &str = "\
[settings]
lang = \"en\"

[[loan]]
id = \"a\"
platform = \"alipay\"
principal = 3000
annual_rate = 0.0
method = \"equal_principal\"
term = 3
start_date = 2026-09-10
";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loans.toml");
    fs::write(&path, FILE).unwrap();
    (dir, path)
}

fn cmd(path: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_repaydash"));
    c.arg("--file")
        .arg(path)
        .args(["--today", TODAY])
        .args(args)
        .env_remove("REPAYDASH_FILE")
        .env_remove("REPAYDASH_TEST_PAUSE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Run, giving up (and failing) after 10 s: a FIFO must not hang a command.
fn run(path: &Path, args: &[&str]) -> Output {
    let mut child = cmd(path, args).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("repaydash {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn mkfifo(p: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

// ---------------------------------------------------------------------------------------------
// 2. A crash in the middle.

#[test]
fn undo_after_a_write_killed_between_its_backup_and_its_rename_says_there_is_nothing_to_undo() {
    let (_d, path) = file();
    assert!(run(&path, &["pay", "a", "1000"]).status.success());
    let after_first = fs::read_to_string(&path).unwrap();
    // A second pay killed after it kept the file as FILE.bak and before its rename: the file and
    // its backup are the same bytes, and the undo record still names the file as it is.
    fs::write(path.with_file_name("loans.toml.bak"), &after_first).unwrap();
    let o = run(&path, &["undo"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("nothing to undo: the last write to")
            && stderr(&o).contains("did not finish"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), after_first);
}

#[test]
fn a_pay_killed_before_its_rename_leaves_the_file_and_an_undo_that_claims_nothing() {
    let (d, path) = file();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    assert!(run(&path, &["pay", "a", "1000"]).status.success());
    let before = fs::read_to_string(&path).unwrap();
    let mark = d.path().join("mark");
    let mut child = cmd(&path, &["pay", "a", "5"])
        .env("REPAYDASH_TEST_PAUSE", "before_swap=20000")
        .env("REPAYDASH_TEST_MARK", &mark)
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !d.path().join("mark.before_swap").exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "never paused");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    // The killed write's copy is private, though the loans file is 0644.
    let temps: Vec<String> = names(d.path())
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(temps.len(), 1, "{temps:?}");
    let mode = fs::metadata(d.path().join(&temps[0])).unwrap().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let o = run(&path, &["undo"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing to undo"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    // The next write removes the dead process's copy.
    assert!(run(&path, &["pay", "a", "5"]).status.success());
    assert!(
        !names(d.path()).iter().any(|n| n.ends_with(".tmp")),
        "{:?}",
        names(d.path())
    );
}

#[test]
fn stale_temp_files_of_dead_processes_go_and_those_of_live_ones_stay() {
    let (d, path) = file();
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let live = std::process::id();
    let stale = [
        format!(".loans.toml.{dead}-0.tmp"),
        format!(".loans.toml.bak.{dead}-3.tmp"),
        format!(".loans.toml.undo.{dead}-4.tmp"),
    ];
    let kept = [
        format!(".loans.toml.{live}-0.tmp"),
        ".loans.toml.notes.tmp".to_string(),
        format!(".other.toml.{dead}-0.tmp"),
    ];
    for n in stale.iter().chain(&kept) {
        fs::write(d.path().join(n), "a full copy with 138****0000").unwrap();
    }
    assert!(run(&path, &["pay", "a", "10"]).status.success());
    let now = names(d.path());
    for n in &stale {
        assert!(!now.contains(n), "{n} left: {now:?}");
    }
    for n in &kept {
        assert!(now.contains(n), "{n} removed: {now:?}");
    }
}

#[test]
fn a_staged_copy_is_0600_until_it_is_renamed_then_gets_the_files_mode() {
    let (_d, path) = file();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let builtin = builtin_policies().unwrap();
    let loaded = store::load(&Source::File(path.clone()), &builtin, day(TODAY)).unwrap();
    let edit = Edit::Pay {
        id: "a".into(),
        date: day(TODAY),
        amount: dec!(10),
    };
    let prepared = write::prepare(&loaded, &builtin, &edit, day(TODAY)).unwrap();
    let tmp = prepared.temp_path().to_path_buf();
    assert_eq!(fs::metadata(&tmp).unwrap().mode() & 0o777, 0o600);
    prepared.finish().unwrap();
    assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o640);
}

// ---------------------------------------------------------------------------------------------
// 3. Files that are not what they seem.

#[test]
fn a_lock_path_that_is_a_symlink_is_refused_and_nothing_is_created_where_it_points() {
    let (d, path) = file();
    let elsewhere = d.path().join("elsewhere");
    std::os::unix::fs::symlink(&elsewhere, path.with_file_name("loans.toml.lock")).unwrap();
    let o = run(&path, &["pay", "a", "10"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("is a symbolic link"), "{}", stderr(&o));
    assert!(!elsewhere.exists());
    assert_eq!(fs::read_to_string(&path).unwrap(), FILE);
    let o = run(&path, &["undo"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!elsewhere.exists());
}

#[test]
fn the_lock_file_gets_the_loans_files_owner_and_group() {
    // Only root can give a file away: this is what root writing another user's file does.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let (_d, path) = file();
    std::os::unix::fs::chown(&path, Some(4242), Some(4343)).unwrap();
    assert!(run(&path, &["pay", "a", "10"]).status.success());
    let lock = fs::metadata(path.with_file_name("loans.toml.lock")).unwrap();
    assert_eq!((lock.uid(), lock.gid()), (4242, 4343));
    assert_eq!(fs::metadata(&path).unwrap().uid(), 4242);
}

#[test]
fn an_undo_record_that_is_a_fifo_or_a_device_is_refused_at_once() {
    let (_d, path) = file();
    assert!(run(&path, &["pay", "a", "10"]).status.success());
    let side = path.with_file_name("loans.toml.undo");
    let after = fs::read_to_string(&path).unwrap();
    fs::remove_file(&side).unwrap();
    mkfifo(&side);
    let o = run(&path, &["undo"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not a regular file"),
        "{}",
        stderr(&o)
    );
    fs::remove_file(&side).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &side).unwrap();
    let o = run(&path, &["undo"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not a regular file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn a_refused_write_creates_nothing_beside_what_it_was_given() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    let folder = dir.path().join("folder.toml");
    fs::create_dir(&folder).unwrap();
    let missing = dir.path().join("missing.toml");
    for (p, says) in [
        (fifo.as_path(), "is not a regular file"),
        (folder.as_path(), ""),
        (missing.as_path(), "no such file"),
    ] {
        for args in [
            &["--lang", "en", "pay", "a", "10"][..],
            &["--lang", "en", "undo"][..],
        ] {
            let o = run(p, args);
            assert_eq!(o.status.code(), Some(2), "{p:?} {args:?}: {}", stderr(&o));
            assert!(stderr(&o).contains(says), "{}", stderr(&o));
        }
    }
    assert_eq!(names(dir.path()), ["fifo.toml", "folder.toml"]);
    assert!(!Path::new("/dev/null.lock").exists());
    let o = run(Path::new("/dev/null"), &["pay", "a", "10"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!Path::new("/dev/null.lock").exists());
}

#[test]
fn pay_on_a_file_in_a_missing_folder_says_what_check_says() {
    let p = Path::new("/nonexistent/x.toml");
    let pay = run(p, &["pay", "a", "10"]);
    let check = run(p, &["check"]);
    assert_eq!(pay.status.code(), Some(2), "{}", stderr(&pay));
    assert_eq!(check.status.code(), Some(2));
    assert_eq!(stderr(&pay), stderr(&check));
}

// ---------------------------------------------------------------------------------------------
// 5. Small truths of the CLI.

#[test]
fn write_commands_speak_the_files_language_as_schedule_does() {
    let (_d, path) = file();
    // The locale says Chinese; the file says English.
    let o = run(&path, &["pay", "nosuch", "10"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no loan"), "{}", stderr(&o));
    let o = run(
        &path,
        &["extend", "a", "--installment", "3", "--to", "2026-12-01"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("installment 3 is now due on 2026-12-10"),
        "{}",
        stderr(&o)
    );
    let o = run(&path, &["undo"]);
    assert!(stderr(&o).contains("nothing to undo"), "{}", stderr(&o));
    // Another writer holds the lock.
    let held = store::lock::FileLock::acquire(&path, Duration::from_secs(1)).unwrap();
    let o = cmd(&path, &["pay", "a", "10"]).output().unwrap();
    drop(held);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is being written by another repaydash"),
        "{}",
        stderr(&o)
    );
    // And `--lang` still wins over the file.
    let o = run(&path, &["--lang", "zh", "pay", "nosuch", "10"]);
    assert!(!stderr(&o).contains("no loan"), "{}", stderr(&o));
}

#[test]
fn dates_not_written_yyyy_mm_dd_are_refused_as_in_the_file() {
    let (_d, path) = file();
    for bad in ["2026-11-5", "2026-1-05", "2026-1-5"] {
        let o = run(&path, &["pay", "a", "10", "--date", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("\"{bad}\" is not a date: write YYYY-MM-DD")),
            "{}",
            stderr(&o)
        );
        let o = run(&path, &["extend", "a", "--installment", "3", "--to", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), FILE);
}
