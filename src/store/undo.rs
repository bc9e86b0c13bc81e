//! One level of undo. Every write keeps the previous bytes as `FILE.bak` and, beside them in
//! `FILE.undo`, the SHA-256 of the bytes it wrote. `undo` puts `FILE.bak` back only while the file
//! is still exactly what that write produced (anything edited since would be lost otherwise), and
//! keeps the undone bytes as the new `FILE.bak`, so an undo can itself be undone.

use std::path::{Path, PathBuf};

use super::atomic;
use super::guard::{self, Placed};
use super::write::{
    ErrorKind, WriteError, backup_path, file_of, keep_owner, owner_of, real_path, remember,
    remove_stale_temps, sha256_hex, sidecar_path, take_lock,
};
use super::{Loaded, ReadStamp, Source, lock, schema};
use crate::i18n::{Lang, Text, phrases as ph};
use crate::model::Policy;

fn io(p: &Path, e: std::io::Error) -> WriteError {
    WriteError::new(ErrorKind::Io, ph::io_error(&p.display().to_string(), e))
}

/// The hash recorded under `key` in the undo record's text.
fn recorded(text: &str, key: &str) -> Option<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(key))
        .filter_map(|l| l.trim_start().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"').to_string())
        .find(|v| v.len() == 64)
}

/// The undo record's text; None when there is none. Read by the loans file's rules (a regular
/// file, bounded), so a FIFO or a link to a device there cannot hang or flood `undo`.
fn record_text(side: &Path) -> Result<Option<String>, WriteError> {
    match std::fs::symlink_metadata(side) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        _ => {}
    }
    let bytes = super::read_bytes(side)?;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// What an undo did.
#[derive(Debug, Clone)]
pub struct Undone {
    /// The file as it is now.
    pub loaded: Loaded,
    /// Lines the undo took out of the file (the entry the last write added).
    pub removed: Vec<String>,
    /// Lines the undo put back (when it undid an undo).
    pub restored: Vec<String>,
    /// Where the undone bytes were kept.
    pub backup: PathBuf,
}

impl Undone {
    /// What was undone, one line each, for the terminal.
    pub fn describe(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if !self.removed.is_empty() {
            out.push(lang.trf(
                "store.undo.heading",
                &[("head", &ph::undo_took_out().get(lang))],
            ));
            out.extend(self.removed.iter().map(|l| format!("  - {l}")));
        }
        if !self.restored.is_empty() {
            out.push(lang.trf(
                "store.undo.heading",
                &[("head", &ph::undo_put_back().get(lang))],
            ));
            out.extend(self.restored.iter().map(|l| format!("  + {l}")));
        }
        out
    }

    /// The same on one line, for the dashboard's status line.
    pub fn one_line(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        for (head, lines) in [
            (ph::undo_took_out(), &self.removed),
            (ph::undo_put_back(), &self.restored),
        ] {
            if !lines.is_empty() {
                parts.push(format!("{} {}", head.get(lang), lines.join(" · ")));
            }
        }
        ph::undid_in_dashboard(&parts.join("; "))
            .get(lang)
            .to_string()
    }
}

/// The lines `now` has that `then` has not, and the reverse: the one block between their common
/// first and last lines. Blank lines are left out of what is shown.
fn difference(now: &str, then: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = now.lines().collect();
    let b: Vec<&str> = then.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let pick = |v: &[&str]| {
        v.iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| crate::clean::clean(l).into_owned())
            .collect()
    };
    (
        pick(&a[head..a.len() - tail]),
        pick(&b[head..b.len() - tail]),
    )
}

fn refuse(message: Text) -> WriteError {
    WriteError::new(ErrorKind::Conflict, message)
}

/// Put `FILE.bak` back, under the lock, when the file is still what repaydash last wrote.
pub fn undo(source: &Source, builtin: &[Policy]) -> Result<Undone, WriteError> {
    let path = file_of(source)?;
    let shown = path.display().to_string();
    let real = real_path(&path)?;
    super::check_file(&real)?;
    let _lock = take_lock(&real, &shown, lock::WAIT)?;
    let backup = backup_path(&path);
    remove_stale_temps(&real, &backup);
    let side = sidecar_path(&backup);
    let read = guard::read_settled(&real)?;
    let now = &read.bytes;
    let Some(record) = record_text(&side)? else {
        return Err(refuse(ph::nothing_to_undo(&side.display().to_string())));
    };
    let Some(hash) = recorded(&record, "sha256") else {
        return Err(refuse(ph::nothing_to_undo(&side.display().to_string())));
    };
    let bak_shown = backup.display().to_string();
    let old = super::read_bytes(&backup)?;
    // A write killed after its backup and before its rename leaves the file equal to its
    // backup: that write never happened, and putting the backup back would change nothing.
    if old == *now {
        return Err(refuse(crate::i18n::safety::last_write_unfinished(
            &shown, &bak_shown,
        )));
    }
    if sha256_hex(now) != hash {
        return Err(refuse(ph::undo_changed_since(&shown, &bak_shown)));
    }
    let old_text = String::from_utf8(old).map_err(|_| refuse(ph::backup_not_utf8(&bak_shown)))?;
    let parsed = schema::parse_portfolio(&old_text, builtin).map_err(|diags| {
        refuse(super::diag::with_problems(
            &ph::backup_has_problems(),
            &diags,
            &bak_shown,
        ))
    })?;
    let now_text = String::from_utf8_lossy(now);
    let (removed, restored) = difference(&now_text, &old_text);
    let perms = std::fs::metadata(&real).ok().map(|m| m.permissions());
    let owner = owner_of(&real);
    // Both new files are staged first; then the loans file is renamed into place (from here on
    // the undo has happened), then the backup and the hash follow it.
    let staged =
        atomic::stage(&real, old_text.as_bytes(), perms.clone()).map_err(|e| io(&real, e))?;
    keep_owner(staged.temp_path(), owner)?;
    let staged_bak = atomic::stage(&backup, now, perms.clone()).map_err(|e| io(&backup, e))?;
    keep_owner(staged_bak.temp_path(), owner)?;
    // Only over the bytes just checked: a save made while the undo runs is kept, not undone.
    match guard::place(staged, &real, &read).map_err(|e| io(&real, e))? {
        Placed::Done => {}
        Placed::Changed => return Err(refuse(ph::undo_changed_since(&shown, &bak_shown))),
        Placed::KeptAside(kept) => {
            return Err(refuse(crate::i18n::safety::other_version_kept(
                &kept.display().to_string(),
            )));
        }
    }
    staged_bak.commit().map_err(|e| io(&backup, e))?;
    remember(&backup, &sha256_hex(old_text.as_bytes()), perms, owner)?;
    Ok(Undone {
        loaded: Loaded {
            read: Some(ReadStamp::of(old_text.as_bytes())),
            portfolio: parsed.portfolio,
            source: Source::File(path),
            warnings: parsed.warnings,
        },
        removed,
        restored,
        backup,
    })
}
