//! The examples in README.md and docs/ run: every ```console block is executed with trycmd
//! against the files in data/ (the demo, a loan under collection, a file with mistakes) or the
//! doc's own sandbox (`X.in/`, checked against `X.out/` after the doc's writes), with `--today`
//! fixed, so an output that changes fails here until the doc says the new thing. After an intended change, `TRYCMD=overwrite cargo test
//! --test docs` rewrites the outputs in place; read the diff before committing it.

use std::path::Path;

#[test]
fn the_examples_in_the_readme_and_the_manual_run() {
    // No developer's own file, clipboard or colours reach the examples.
    let home = tempfile::tempdir().expect("a temporary home");
    let home = home.path().to_string_lossy().into_owned();
    // With the binary's folder on PATH, messages name `repaydash undo` as an installed user reads
    // it, not the `cargo run -- undo` a checkout would need.
    let exe = std::path::PathBuf::from(env!("CARGO_BIN_EXE_repaydash"));
    let bin_dir = exe.parent().expect("the binary's folder").to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("a PATH");
    owner_only(&Path::new(env!("CARGO_MANIFEST_DIR")).join("README.in"));
    for doc in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")).expect("docs/")
    {
        let path = doc.expect("an entry of docs/").path();
        if path.extension().is_some_and(|e| e == "in") {
            owner_only(&path);
        }
    }
    trycmd::TestCases::new()
        .env("PATH", path.to_string_lossy().into_owned())
        .env("HOME", home.clone())
        .env("XDG_CONFIG_HOME", format!("{home}/.config"))
        .env("XDG_STATE_HOME", format!("{home}/.local/state"))
        .env("REPAYDASH_FILE", "")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .case("README.md")
        .case("docs/*.md");
}

/// The quick start's file is shown in the README and is the file its examples run on.
#[test]
fn the_quick_start_file_is_the_one_shown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let file = std::fs::read_to_string(root.join("README.in/loans.toml")).expect("README.in");
    assert!(
        readme.contains(&format!("```toml\n{file}```")),
        "README.md's quick-start ```toml block must be README.in/loans.toml, byte for byte"
    );
}

/// The sandbox files as `init` writes a loans file: readable by their owner only. Git keeps no
/// read bits, so a checkout made under umask 022 gives 0644, and every write in the examples would
/// then print the "readable by other users" warning (trycmd's copy keeps the mode).
fn owner_only(dir: &Path) {
    #[cfg(unix)]
    for file in std::fs::read_dir(dir).expect("a sandbox folder") {
        use std::os::unix::fs::PermissionsExt;
        let path = file.expect("a sandbox file").path();
        if path.is_file() {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .expect("the sandbox file made owner-only");
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}
