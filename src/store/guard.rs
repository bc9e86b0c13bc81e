//! An editor saving beside us. The lock serialises repaydash's own writers; an editor takes no
//! lock, so a write also makes sure of two things itself:
//!
//! - it reads only a file that has settled: the same inode, bytes and mtime over `SETTLE`, with
//!   no other program holding it open for writing (where Linux can tell: a read lease is refused
//!   while a writer has the file open), so a save in progress is never taken for the file;
//! - what its rename replaced is what it read: on Linux the new file is swapped in with
//!   `renameat2(RENAME_EXCHANGE)`, the file swapped out is compared with the bytes read (and
//!   waited for while a writer still has it open), and swapped back when it differs, so the
//!   editor's save is put back in place and the edit is made again on it. Where the exchange is
//!   not available the comparison is made just before a plain rename, and a save that lands on
//!   the replaced file right after is put back.
//!
//! The descriptor of what was read stays open from the read to the end of the write, so a save
//! made in place (truncate, then write) is seen on the very inode that was read.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::atomic::Staged;
use super::write_error::{ErrorKind, WriteError};
use crate::i18n::phrases as ph;

/// How long the file must stay the same before it is read as settled, and how long a swapped-out
/// file is watched when no lease can tell whether a writer still has it open.
pub const SETTLE: Duration = Duration::from_millis(25);
/// How long a file may keep changing (or stay open for writing) before the write gives up.
pub const SETTLE_MAX: Duration = Duration::from_secs(3);
const POLL: Duration = Duration::from_millis(2);

/// The loans file as read: its bytes, and the open descriptor they were read through.
#[derive(Debug)]
pub(crate) struct ReadFile {
    pub bytes: Vec<u8>,
    file: File,
    stamp: Stamp,
}

/// The inode and what an in-place write changes about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: Option<std::time::SystemTime>,
}

fn stamp_of(meta: &std::fs::Metadata) -> Stamp {
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = (0, 0);
    Stamp {
        dev,
        ino,
        len: meta.len(),
        mtime: meta.modified().ok(),
    }
}

impl Stamp {
    fn same_file(&self, other: &Stamp) -> bool {
        (self.dev, self.ino) == (other.dev, other.ino)
    }
}

/// A test's pause at a named point of a write (debug builds only): with
/// `REPAYDASH_TEST_PAUSE=point=ms,…` the writer sleeps there, first creating the file
/// `$REPAYDASH_TEST_MARK.point` when that is set, so a test knows the writer has arrived.
pub(crate) fn pause(point: &str) {
    #[cfg(debug_assertions)]
    if let Ok(spec) = std::env::var("REPAYDASH_TEST_PAUSE") {
        for part in spec.split(',') {
            if let Some((p, ms)) = part.split_once('=')
                && p.trim() == point
                && let Ok(ms) = ms.trim().parse::<u64>()
            {
                if let Some(mark) = std::env::var_os("REPAYDASH_TEST_MARK") {
                    let mut m = mark;
                    m.push(format!(".{point}"));
                    let _ = std::fs::write(PathBuf::from(m), b"");
                }
                std::thread::sleep(Duration::from_millis(ms));
            }
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = point;
}

fn read_once(path: &Path) -> Result<ReadFile, WriteError> {
    super::check_file(path)?;
    let file = File::open(path).map_err(|e| WriteError::io(path, e))?;
    let before = file.metadata().map_err(|e| WriteError::io(path, e))?;
    let file_for_read = file.try_clone().map_err(|e| WriteError::io(path, e))?;
    let bytes = super::read_open(path, file_for_read)?;
    let after = file.metadata().map_err(|e| WriteError::io(path, e))?;
    let stamp = stamp_of(&after);
    // A write during the read shows in the mtime or the length; the caller reads again.
    let stamp = if stamp_of(&before) == stamp && stamp.len == bytes.len() as u64 {
        stamp
    } else {
        Stamp {
            mtime: None,
            ..stamp
        }
    };
    Ok(ReadFile { bytes, file, stamp })
}

/// Read `path` once it has settled: the same file, bytes and mtime `SETTLE` apart, and (where the
/// system can tell) no program holding it open for writing. A file that keeps changing for
/// `SETTLE_MAX` is refused.
pub(crate) fn read_settled(path: &Path) -> Result<ReadFile, WriteError> {
    let start = Instant::now();
    let mut first = read_once(path)?;
    loop {
        if writers_gone(&first.file, start) {
            std::thread::sleep(SETTLE);
            let next = read_once(path)?;
            let settled = next.stamp.mtime.is_some()
                && next.stamp == first.stamp
                && next.bytes == first.bytes
                && has_no_writer(&next.file) != Some(false);
            if settled {
                return Ok(next);
            }
            first = next;
        } else {
            first = read_once(path)?;
        }
        if start.elapsed() > SETTLE_MAX {
            return Err(WriteError::new(ErrorKind::Conflict, ph::keeps_changing()));
        }
    }
}

/// `F_SETSIG` from the kernel's `asm-generic/fcntl.h` (the `libc` crate does not name it).
#[cfg(target_os = "linux")]
const F_SETSIG: libc::c_int = 10;

/// Whether some program has the file open for writing: `Some(true)` when none has, `Some(false)`
/// when one has, `None` when the system cannot tell (not Linux, a file of another owner, a file
/// system without leases). A read lease is granted only while no one has the file open for
/// writing; it is given back at once.
fn has_no_writer(file: &File) -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // Should a program open the file for writing in the instant the lease is held, the kernel
        // signals the holder, by default with SIGIO, which would end this process: SIGURG is
        // ignored unless handled.
        // SAFETY: fcntl on a descriptor the caller keeps open; F_SETSIG and F_SETLEASE take an int.
        unsafe { libc::fcntl(fd, F_SETSIG, libc::SIGURG) };
        // SAFETY: as above.
        let r = unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) };
        if r == 0 {
            // SAFETY: as above.
            unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK) };
            return Some(true);
        }
        match io::Error::last_os_error().raw_os_error() {
            Some(libc::EAGAIN) => Some(false),
            _ => None,
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = file;
        None
    }
}

/// Wait (until `SETTLE_MAX` after `start`) while a program has the file open for writing; false
/// when one still has.
fn writers_gone(file: &File, start: Instant) -> bool {
    loop {
        match has_no_writer(file) {
            Some(false) if start.elapsed() < SETTLE_MAX => std::thread::sleep(POLL),
            Some(false) => return false,
            _ => return true,
        }
    }
}

impl ReadFile {
    /// The file read is still as it was read: not written since (in place), not replaced, and
    /// no writer has it open. `now` is what the path names at this moment.
    fn unchanged(&self, now: &Path) -> bool {
        let start = Instant::now();
        let waited_ok = match has_no_writer(&self.file) {
            Some(_) => writers_gone(&self.file, start),
            // No way to see a writer that opened it before: give one the time a save takes.
            None => {
                std::thread::sleep(SETTLE);
                true
            }
        };
        if !waited_ok {
            return false;
        }
        let Ok(meta) = self.file.metadata() else {
            return false;
        };
        let Ok(named) = std::fs::symlink_metadata(now) else {
            return false;
        };
        if !stamp_of(&named).same_file(&self.stamp) || stamp_of(&meta) != self.stamp {
            return false;
        }
        read_at_start(&self.file).is_ok_and(|b| b == self.bytes)
    }
}

fn read_at_start(file: &File) -> io::Result<Vec<u8>> {
    use std::io::{Read, Seek};
    let mut f = file.try_clone()?;
    f.seek(io::SeekFrom::Start(0))?;
    let mut out = Vec::new();
    f.take(super::MAX_FILE_BYTES + 1).read_to_end(&mut out)?;
    Ok(out)
}

/// What became of putting the new file in place.
#[derive(Debug)]
pub(crate) enum Placed {
    Done,
    /// Another program changed the file after it was read; its version is in place again and
    /// nothing of ours is.
    Changed,
    /// Another program saved twice around the swap: its newer file is in place, the one in
    /// between is kept at this path.
    KeptAside(PathBuf),
}

/// Put `staged` in place of `real` only if what it replaces is what `read` read.
pub(crate) fn place(staged: Staged, real: &Path, read: &ReadFile) -> io::Result<Placed> {
    pause("before_swap");
    staged.apply_perms()?;
    #[cfg(target_os = "linux")]
    match exchange_unless_told_not_to(staged.temp_path(), real) {
        Ok(()) => return after_exchange(staged, real, read),
        // Not every file system can exchange (some network and FUSE ones): rename instead.
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
        Err(e) => return Err(e),
    }
    place_by_rename(staged, real, read)
}

/// A test of the fallback (debug builds only) sets `REPAYDASH_TEST_NO_EXCHANGE`: the exchange
/// then fails as on a file system without it.
#[cfg(target_os = "linux")]
fn exchange_unless_told_not_to(a: &Path, b: &Path) -> io::Result<()> {
    if cfg!(debug_assertions) && std::env::var_os("REPAYDASH_TEST_NO_EXCHANGE").is_some() {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    exchange(a, b)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two valid NUL-terminated paths; the syscall reads them and returns an int.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(target_os = "linux")]
fn after_exchange(staged: Staged, real: &Path, read: &ReadFile) -> io::Result<Placed> {
    let tmp = staged.temp_path().to_path_buf();
    pause("after_swap");
    // `tmp` now names what `real` held a moment ago.
    if read.unchanged(&tmp) {
        super::atomic::sync_dir_of(real)?;
        // Dropping the stage removes `tmp`: the replaced bytes are the backup already.
        drop(staged);
        return Ok(Placed::Done);
    }
    let ours_in_place = std::fs::symlink_metadata(real)
        .is_ok_and(|now| staged.identity() == Some((stamp_of(&now).dev, stamp_of(&now).ino)));
    if ours_in_place {
        exchange(&tmp, real)?;
        super::atomic::sync_dir_of(real)?;
        drop(staged);
        return Ok(Placed::Changed);
    }
    // Our file was itself replaced since the swap: the newest save stays in place, the one
    // swapped out is kept beside it rather than removed.
    let kept = tmp.with_extension("kept");
    std::fs::rename(&tmp, &kept)?;
    staged.forget();
    Ok(Placed::KeptAside(kept))
}

/// Without an exchange: compare just before the rename; a save that lands on the replaced file
/// right after it is put back in place.
fn place_by_rename(staged: Staged, real: &Path, read: &ReadFile) -> io::Result<Placed> {
    if !read.unchanged(real) {
        return Ok(Placed::Changed);
    }
    staged.commit()?;
    if read.unchanged_after_rename() {
        return Ok(Placed::Done);
    }
    let theirs = read_at_start(&read.file)?;
    super::atomic::replace(
        real,
        &theirs,
        std::fs::metadata(real).ok().map(|m| m.permissions()),
    )?;
    Ok(Placed::Changed)
}

impl ReadFile {
    /// After a plain rename the file read is no longer at its path: only its descriptor tells
    /// whether a writer that had it open wrote to it.
    fn unchanged_after_rename(&self) -> bool {
        let start = Instant::now();
        if has_no_writer(&self.file).is_none() {
            std::thread::sleep(SETTLE);
        } else if !writers_gone(&self.file, start) {
            return false;
        }
        self.file
            .metadata()
            .is_ok_and(|m| stamp_of(&m) == self.stamp)
            && read_at_start(&self.file).is_ok_and(|b| b == self.bytes)
    }
}
