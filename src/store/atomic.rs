//! Replacing a file so that a crash at any moment leaves either all the old bytes or all the new:
//! write a temporary file in the same folder, fsync it, rename it over, fsync the folder.
//! The steps are separate (`stage`, then `Staged::commit`) so a test can stop between them.

use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A temporary file holding the new bytes, fsynced, not yet renamed over the target.
/// Dropped without `commit`, it removes itself.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    target: PathBuf,
    done: bool,
    /// The mode the file gets just before it is put in place; until then it stays 0600, so a
    /// copy left by a killed write is readable by its owner only.
    perms: Option<Permissions>,
    /// Device and inode of the temporary file.
    identity: Option<(u64, u64)>,
}

fn folder(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Write `bytes` to a new temporary file next to `target` with `perms`, and fsync it.
pub fn stage(target: &Path, bytes: &[u8], perms: Option<Permissions>) -> io::Result<Staged> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "loans.toml".into());
    let dir = folder(target);
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        // Private from the first byte: the loans file holds debts and other people's phone numbers.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        match opts.open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    };
    #[cfg(unix)]
    let identity = {
        use std::os::unix::fs::MetadataExt;
        file.metadata().ok().map(|m| (m.dev(), m.ino()))
    };
    #[cfg(not(unix))]
    let identity = None;
    let staged = Staged {
        tmp,
        target: target.to_path_buf(),
        done: false,
        perms,
        identity,
    };
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(staged)
}

impl Staged {
    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// Give the temporary file the mode it is to have in place.
    pub fn apply_perms(&self) -> io::Result<()> {
        match &self.perms {
            Some(p) => fs::set_permissions(&self.tmp, p.clone()),
            None => Ok(()),
        }
    }

    /// Device and inode of the temporary file (unix).
    pub fn identity(&self) -> Option<(u64, u64)> {
        self.identity
    }

    /// Leave the temporary path alone from here on (it no longer holds what was staged).
    pub(crate) fn forget(mut self) {
        self.done = true;
    }

    /// Rename the temporary file over the target and make the rename durable.
    pub fn commit(mut self) -> io::Result<()> {
        self.apply_perms()?;
        fs::rename(&self.tmp, &self.target)?;
        self.done = true;
        sync_dir(&folder(&self.target))
    }

    /// Stop here as a crash would: the temporary file stays, the target is untouched.
    /// Returns the temporary file's path. For tests of crash safety.
    pub fn crash(mut self) -> PathBuf {
        self.done = true;
        self.tmp.clone()
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// `stage` then `commit`.
pub fn replace(target: &Path, bytes: &[u8], perms: Option<Permissions>) -> io::Result<()> {
    stage(target, bytes, perms)?.commit()
}

/// Make a rename in `target`'s folder durable.
pub fn sync_dir_of(target: &Path) -> io::Result<()> {
    sync_dir(&folder(target))
}

/// The temporary name of a write of `target` by process `pid`: `.NAME.PID-N.tmp`.
fn temp_pid(target: &Path, file_name: &str) -> Option<u32> {
    let name = target.file_name()?.to_str()?;
    let rest = file_name
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?
        .strip_suffix(".tmp")?;
    let (pid, n) = rest.split_once('-')?;
    n.parse::<u32>().ok()?;
    pid.parse().ok()
}

/// Whether process `pid` is gone (unix; elsewhere none is known to be).
fn process_gone(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r != 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Remove the temporary copies of `target` left by writes whose process is gone (killed between
/// writing the copy and renaming it). Called under the file's lock; a copy of a live process,
/// or of this one, is left alone.
pub fn remove_stale(target: &Path) {
    let Ok(entries) = fs::read_dir(folder(target)) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| temp_pid(target, n)) else {
            continue;
        };
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if pid != me && regular && process_gone(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory for fsync; its rename is flushed with the file.
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_stage_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        fs::write(&target, "old").unwrap();
        let staged = stage(&target, b"new", None).unwrap();
        let tmp = staged.temp_path().to_path_buf();
        assert_eq!(fs::read(&tmp).unwrap(), b"new");
        drop(staged);
        assert!(!tmp.exists());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        replace(&target, b"new", None).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
