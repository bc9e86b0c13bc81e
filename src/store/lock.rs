//! One writer at a time: an exclusive advisory lock on `FILE.lock`, a file beside the loans file
//! (the loans file itself is replaced by a rename, which would drop a lock held on it). Every
//! writer — `pay`, `log`, `extend`, `undo` and the dashboard's forms — holds it from the read to
//! the rename. A second writer waits a bounded time, then gives up without writing.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fs4::{FileExt, TryLockError};

/// How long a writer waits for another one to finish before giving up.
pub const WAIT: Duration = Duration::from_secs(5);
const STEP: Duration = Duration::from_millis(20);

/// Held while it lives; dropping it (or the process ending) releases the lock.
#[derive(Debug)]
pub struct FileLock {
    file: File,
    path: PathBuf,
}

#[derive(Debug)]
pub enum LockError {
    /// Another writer held the lock for the whole wait.
    Busy { lock: PathBuf, waited: Duration },
    Io {
        lock: PathBuf,
        error: std::io::Error,
    },
}

/// `FILE.lock` next to `FILE`.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    target.with_file_name(name)
}

impl FileLock {
    /// Take the lock for `target`, waiting up to `wait` for another writer to let go.
    pub fn acquire(target: &Path, wait: Duration) -> Result<FileLock, LockError> {
        let path = lock_path(target);
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let file = opts.open(&path).map_err(|error| LockError::Io {
            lock: path.clone(),
            error,
        })?;
        let start = Instant::now();
        loop {
            match FileExt::try_lock(&file) {
                Ok(()) => return Ok(FileLock { file, path }),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => std::thread::sleep(STEP),
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Busy {
                        lock: path,
                        waited: start.elapsed(),
                    });
                }
                Err(TryLockError::Error(error)) => return Err(LockError::Io { lock: path, error }),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first says so explicitly. The lock
        // file itself stays: removing it would let a waiter lock a file no one else can see.
        let _ = FileExt::unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_waits_then_gives_up() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("loans.toml");
        let held = FileLock::acquire(&target, WAIT).map_err(|e| format!("{e:?}"))?;
        assert_eq!(held.path(), dir.path().join("loans.toml.lock"));
        match FileLock::acquire(&target, Duration::from_millis(60)) {
            Err(LockError::Busy { lock, .. }) => assert_eq!(lock, held.path()),
            other => panic!("expected Busy, got {other:?}"),
        }
        drop(held);
        assert!(FileLock::acquire(&target, Duration::ZERO).is_ok());
        Ok(())
    }
}
