//! The command that starts repaydash from where the user is: `repaydash` when the shell finds
//! this very program on the PATH, `cargo run --release --` under cargo (before `cargo install`),
//! else the program's full path. Used where a message tells the user what to run next.

use std::path::{Path, PathBuf};

/// The command line that runs `sub` (e.g. "init") the way this process was started.
pub fn command(sub: &str) -> String {
    let exe = std::env::current_exe().ok();
    let path = std::env::var_os("PATH");
    let under_cargo = std::env::var_os("CARGO").is_some();
    let cwd = std::env::current_dir().ok();
    command_for(
        exe.as_deref(),
        path.as_deref(),
        under_cargo,
        cwd.as_deref(),
        sub,
    )
}

fn same(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn command_for(
    exe: Option<&Path>,
    path: Option<&std::ffi::OsStr>,
    under_cargo: bool,
    cwd: Option<&Path>,
    sub: &str,
) -> String {
    let plain = format!("repaydash {sub}");
    let Some(exe) = exe else {
        return plain;
    };
    let on_path = path
        .map(|p| std::env::split_paths(p).collect::<Vec<PathBuf>>())
        .unwrap_or_default()
        .iter()
        .any(|dir| same(&dir.join(exe.file_name().unwrap_or_default()), exe));
    if on_path {
        return plain;
    }
    let shown = exe.display().to_string();
    if under_cargo {
        if shown.contains("/target/release/") {
            return format!("cargo run --release -- {sub}");
        }
        if shown.contains("/target/debug/") {
            return format!("cargo run -- {sub}");
        }
    }
    // Below the current directory: the short relative path works from here.
    let shown = match cwd.and_then(|c| exe.strip_prefix(c).ok()) {
        Some(rel) => format!("./{}", rel.display()),
        None => shown,
    };
    if shown.contains(' ') {
        format!("'{shown}' {sub}")
    } else {
        format!("{shown} {sub}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_names_what_works_from_here() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        let release = dir.path().join("repo/target/release");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&release).unwrap();
        let installed = bin.join("repaydash");
        let built = release.join("repaydash");
        std::fs::write(&installed, "").unwrap();
        std::fs::write(&built, "").unwrap();
        let path = std::env::join_paths([&bin]).unwrap();
        // Installed and on the PATH: the plain name.
        assert_eq!(
            command_for(Some(&installed), Some(&path), false, None, "init"),
            "repaydash init"
        );
        // Run by `cargo run --release` from the checkout, not installed.
        assert_eq!(
            command_for(Some(&built), Some(&path), true, None, "init"),
            "cargo run --release -- init"
        );
        // Started by its path, outside cargo: that path, relative when it lies below here.
        assert_eq!(
            command_for(Some(&built), Some(&path), false, None, "init"),
            format!("{} init", built.display())
        );
        assert_eq!(
            command_for(
                Some(&built),
                Some(&path),
                false,
                Some(&dir.path().join("repo")),
                "init"
            ),
            "./target/release/repaydash init"
        );
    }
}
