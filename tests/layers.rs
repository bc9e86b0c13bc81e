//! The folder rules of ARCHITECTURE.md, checked on the source: the lower layers name nothing of
//! the upper ones, and only the store and the dashboard's event loop touch files.

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = vec![];
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        if d.is_file() {
            out.push((
                d.display().to_string(),
                std::fs::read_to_string(&d).unwrap(),
            ));
            continue;
        }
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() || p.extension().is_some_and(|x| x == "rs") {
                stack.push(p);
            }
        }
    }
    assert!(!out.is_empty(), "{dir}");
    out
}

fn forbid(dir: &str, words: &[&str]) {
    for (file, text) in sources(dir) {
        for w in words {
            assert!(!text.contains(w), "{file} names {w:?}");
        }
    }
}

#[test]
fn each_folder_keeps_its_rule() {
    let io = ["std::fs", "std::io::Write", "File::open"];
    forbid("src/lang.rs", &["crate::"]);
    forbid(
        "src/model",
        &[
            "crate::i18n",
            "crate::engine",
            "crate::store",
            "crate::present",
            "crate::report",
            "crate::tui",
        ],
    );
    forbid(
        "src/engine",
        &[
            "crate::i18n",
            "crate::store",
            "crate::present",
            "crate::report",
            "crate::tui",
        ],
    );
    forbid("src/engine", &io);
    forbid("src/present", &["crate::report", "crate::tui"]);
    forbid("src/present", &io);
    forbid(
        "src/i18n",
        &[
            "crate::store",
            "crate::present",
            "crate::report",
            "crate::tui",
        ],
    );
    forbid("src/input.rs", &["crate::store", "crate::tui"]);
    forbid("src/input.rs", &io);
    // The two faces share what they show through `present` (and the leaf `text`), never each
    // other: the dashboard names nothing of the CLI's reports, nor the reports the dashboard.
    forbid("src/report", &["crate::tui"]);
    forbid("src/tui", &["crate::report"]);
    forbid("src/text.rs", &["crate::"]);
    forbid("src/text.rs", &io);
    // The dashboard's update and views are pure: the file is read and written in `effects`.
    for dir in ["src/tui/update", "src/tui/views", "src/tui/app.rs"] {
        forbid(dir, &["store::load", "write::apply", "perms::exposed_mode"]);
        forbid(dir, &io);
    }
    // Inside tui/, the state types name no behaviour: no loop between the model and update.
    for file in [
        "src/tui/app.rs",
        "src/tui/form.rs",
        "src/tui/planning.rs",
        "src/tui/msg.rs",
    ] {
        forbid(
            file,
            &["tui::update", "super::update", "tui::views", "super::views"],
        );
    }
}
