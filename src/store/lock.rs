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
    /// The lock's path is a symbolic link.
    Link { lock: PathBuf },
}

/// Give the lock file the loans file's owner and group: root writing another user's file must not
/// leave a root-owned 0600 lock that the owner's next write cannot open. Best effort: only root
/// can give a file away, and a lock file of the right owner needs nothing.
fn give_owner_of(target: &Path, lock: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (Ok(want), Ok(have)) = (std::fs::metadata(target), lock.metadata()) else {
            return;
        };
        if (want.uid(), want.gid()) != (have.uid(), have.gid()) {
            let _ = std::os::unix::fs::fchown(lock, Some(want.uid()), Some(want.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (target, lock);
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
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A link there (dangling or not) would have the lock created or opened wherever it
            // points, as whoever runs repaydash (root, say): refused.
            opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        let file = opts.open(&path).map_err(|error| {
            let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if link {
                LockError::Link { lock: path.clone() }
            } else {
                LockError::Io {
                    lock: path.clone(),
                    error,
                }
            }
        })?;
        give_owner_of(target, &file);
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
