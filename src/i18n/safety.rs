//! Messages about the file's safety around other programs and crashes (the lock path, an editor
//! saving while repaydash writes, a write that did not finish).

use super::Text;

pub fn lock_is_link(lock: &str) -> Text {
    Text::trf("safety.lock_is_link", &[("lock", &lock)])
}

pub fn last_write_unfinished(path: &str, backup: &str) -> Text {
    Text::trf(
        "safety.last_write_unfinished",
        &[("path", &path), ("backup", &backup)],
    )
}

pub fn other_version_kept(kept: &str) -> Text {
    Text::trf("safety.other_version_kept", &[("kept", &kept)])
}
