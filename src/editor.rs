//! The person's own editor, for `repaydash edit` and the dashboard's `E`: `$VISUAL`, else
//! `$EDITOR`, else `vi`, opened at a line with `+LINE` (vi, vim, nano, emacs, micro, kakoune and
//! most others read it).

use std::path::Path;
use std::process::ExitStatus;

/// $VISUAL, else $EDITOR, else vi.
pub fn command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Run the editor on `path` at `line` and wait for it. Through `sh`, so an editor given with its
/// options (`code --wait`) runs as written; the path is passed as an argument, never as shell text.
pub fn open(path: &Path, line: usize) -> std::io::Result<ExitStatus> {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{} \"$@\"", command()))
        .arg("sh")
        .arg(format!("+{line}"))
        .arg(path)
        .status()
}
