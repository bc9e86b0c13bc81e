//! The file a write goes to: the loans file a source names (through a symlink), its lock, and the
//! owner every file put in its place keeps.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::super::Source;
use super::super::lock::FileLock;
use super::super::write_error::{ErrorKind, WriteError};
use crate::i18n::phrases as ph;

/// The loans file a source names; the demo cannot be written.
pub(crate) fn file_of(source: &Source) -> Result<PathBuf, WriteError> {
    match source {
        Source::File(p) => Ok(p.clone()),
        Source::Demo => Err(WriteError::new(
            ErrorKind::Demo,
            ph::demo_read_only(&crate::launch::command("init")),
        )),
    }
}

/// The file a path names, through a symlink, so the link stays a link when the file is replaced.
pub(crate) fn real_path(path: &Path) -> Result<PathBuf, WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|e| WriteError::io(path, e))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// Take the lock for the file `real`, waiting at most `wait`.
pub(crate) fn take_lock(real: &Path, shown: &str, wait: Duration) -> Result<FileLock, WriteError> {
    FileLock::acquire(real, wait).map_err(|e| WriteError::lock(e, shown))
}

/// The owner and group of `real` (unix).
pub(crate) fn owner_of(real: &Path) -> Option<(u32, u32)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(real).ok().map(|m| (m.uid(), m.gid()))
    }
    #[cfg(not(unix))]
    {
        let _ = real;
        None
    }
}

/// Give a new file the owner and group the replaced one had (root writing another user's file
/// would otherwise hand it to root); refuse when that is not possible.
pub(crate) fn keep_owner(tmp: &Path, owner: Option<(u32, u32)>) -> Result<(), WriteError> {
    #[cfg(unix)]
    if let Some((uid, gid)) = owner {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(tmp).map_err(|e| WriteError::io(tmp, e))?;
        if (m.uid(), m.gid()) != (uid, gid) {
            std::os::unix::fs::chown(tmp, Some(uid), Some(gid))
                .map_err(|e| WriteError::new(ErrorKind::Io, ph::cannot_keep_owner(uid, gid, e)))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (tmp, owner);
    Ok(())
}
