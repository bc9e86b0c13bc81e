//! What a write leaves beside the file: the previous bytes as `FILE.bak` and, for `undo`, the
//! hash of the bytes it wrote in `FILE.undo`; kept here so that `undo` builds on the write and
//! not the reverse.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::super::atomic;
use super::super::write_error::WriteError;
use super::target::keep_owner;

/// `FILE.bak` next to `FILE`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// `FILE.undo` beside `FILE.bak`.
pub fn sidecar_path(backup: &Path) -> PathBuf {
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(".bak").unwrap_or(&name);
    backup.with_file_name(format!("{stem}.undo"))
}

const HEAD: &str = "# repaydash: SHA-256 of the loans file as repaydash last wrote it. `repaydash undo` puts the\n# .bak file back only while the loans file still has this hash.\n";

/// Record, once the backup is in place, the hash of what is about to be written.
pub(crate) fn remember(
    backup: &Path,
    hash: &str,
    perms: Option<std::fs::Permissions>,
    owner: Option<(u32, u32)>,
) -> Result<(), WriteError> {
    let side = sidecar_path(backup);
    let body = format!("{HEAD}sha256 = \"{hash}\"\n");
    let staged =
        atomic::stage(&side, body.as_bytes(), perms).map_err(|e| WriteError::io(&side, e))?;
    keep_owner(staged.temp_path(), owner)?;
    staged.commit().map_err(|e| WriteError::io(&side, e))
}

/// The temporary copies of the file, its backup and its undo record left by killed writes.
pub(crate) fn remove_stale_temps(real: &Path, backup: &Path) {
    atomic::remove_stale(real);
    atomic::remove_stale(backup);
    atomic::remove_stale(&sidecar_path(backup));
}
