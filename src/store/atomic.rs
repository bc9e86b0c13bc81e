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
    let staged = Staged {
        tmp,
        target: target.to_path_buf(),
        done: false,
    };
    file.write_all(bytes)?;
    if let Some(p) = perms {
        fs::set_permissions(&staged.tmp, p)?;
    }
    file.sync_all()?;
    Ok(staged)
}

impl Staged {
    pub fn temp_path(&self) -> &Path {
        &self.tmp
    }

    /// Rename the temporary file over the target and make the rename durable.
    pub fn commit(mut self) -> io::Result<()> {
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
