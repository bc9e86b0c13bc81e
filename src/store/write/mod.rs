//! Recording payments, log entries and extensions in the user's file without ever losing a byte
//! of it: the document is edited with `toml_edit` (comments, blank lines, key order and unknown
//! keys stay as written; only the new entry's lines are added), checked, and written atomically
//! with the previous version kept as `FILE.bak`.
//!
//! One call per edit (`apply` with an `Edit`) takes the `Loaded` the caller holds and returns the
//! new one. When the file changed since it was read, the edit is
//! re-applied on the new text if it still fits, and refused otherwise: never a blind overwrite.

//! The pieces, each for one purpose: `entry` (the entries and the rules each must meet),
//! `format` (an entry as TOML, appended with every other byte kept), `commit` (the locked
//! commit: lock, read, stage, rename), `backup` (the backup and the undo record beside it),
//! `target` (the file a write goes to, its lock and its owner). This module only names them.

mod backup;
mod commit;
mod entry;
mod format;
mod target;

// The entry types are plain data (`model::Edit`), so `present` can word what was recorded
// without naming the store; how each is written and checked is in `entry` and `format`.
pub use crate::model::Edit;

pub use super::write_error::{ErrorKind, Field, WriteError};
pub use backup::{backup_path, sha256_hex, sidecar_path};
pub(crate) use backup::{remember, remove_stale_temps};
pub(crate) use commit::stage_checked;
pub use commit::{Prepared, Recorded, apply, apply_at, prepare, prepare_waiting};
pub use entry::check_entry;
pub use format::edit_text;
pub(crate) use target::{file_of, keep_owner, owner_of, real_path, take_lock};
