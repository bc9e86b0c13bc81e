//! Helpers shared by the integration tests. Each test crate uses only some of them.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use repaydash::tui::App;

/// The screen as text, one line a row; a wide character's second cell is not repeated, so CJK
/// rows read as they look.
/// Drawn as the event loop draws: what the frame measures (page sizes, scroll limits) is kept in
/// the app for the next key.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| repaydash::tui::views::draw(f, app))
        .expect("drawing on a test backend");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// Run repaydash with `args`, insist that it succeeded (showing its stderr if not), and return
/// what it printed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("repaydash")
        .expect("the repaydash binary")
        .args(args)
        .output()
        .expect("running repaydash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The detail box of a 120-column main screen: the right-hand column (from column 66) from the
/// first row under the header's `header_rows` down to its bottom border (the advice is below it,
/// in the right-hand column or, on a tall screen, across the whole width).
pub fn detail_box(screen: &str, header_rows: usize) -> String {
    screen
        .lines()
        .map(|l| l.chars().skip(66).collect::<String>())
        .skip(header_rows)
        .take_while(|l| !l.starts_with('╭') && !l.starts_with('╰'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `repaydash --file <a temp file holding toml> --today <today> --lang <lang> ARGS…`, its stdout.
pub fn stdout_on(toml: &str, today: &str, lang: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("loans.toml");
    std::fs::write(&file, toml).expect("writing the loans file");
    let path = file.to_str().expect("a UTF-8 temp path");
    let mut all = vec!["--file", path, "--today", today, "--lang", lang];
    all.extend(args);
    stdout_of(&all)
}
