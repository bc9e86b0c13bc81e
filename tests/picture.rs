//! The README's picture of the dashboard: the demo at 120×40 on the day the demo is written for,
//! drawn on ratatui's TestBackend and turned into an SVG (text on a monospace grid, the cells'
//! colours kept). The checked-in pictures under `assets/` must equal what the dashboard draws
//! today, so the picture can never go stale: after an intended change to the main screen, run
//! `REPAYDASH_UPDATE_PICTURE=1 cargo test --test picture` and look at the new files.

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use repaydash::i18n::Lang;
use repaydash::store::builtin_policies;
use repaydash::store::{self, Source};
use repaydash::tui::App;
use unicode_width::UnicodeWidthStr;

const CELL_W: u32 = 9;
const CELL_H: u32 = 20;
const BASELINE: u32 = 15;
const BACKGROUND: &str = "#1e1e2e";
const FOREGROUND: &str = "#d8dee9";

/// The sixteen terminal colours as a dark theme shows them.
fn rgb(c: Color) -> Option<String> {
    let hex = match c {
        Color::Reset => return None,
        Color::Black => "#2e3440",
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#61afef",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        Color::Gray => "#abb2bf",
        Color::DarkGray => "#6b7280",
        Color::LightRed => "#ff7b86",
        Color::LightGreen => "#b5e890",
        Color::LightYellow => "#ffd68a",
        Color::LightBlue => "#8cc8ff",
        Color::LightMagenta => "#e0a2f0",
        Color::LightCyan => "#7fdde8",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => return Some(format!("#{i:02x}{i:02x}{i:02x}")),
    };
    Some(hex.to_string())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One SVG for the whole buffer: a background rectangle per run of cells with a colour of its
/// own, and a `<text>` per run of cells in one style whose `x` list puts every character on its
/// cell, so CJK and box-drawing characters keep the grid whatever the viewer's font.
fn svg(buf: &Buffer) -> String {
    let (w, h) = (u32::from(buf.area.width), u32::from(buf.area.height));
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}">"#,
        w * CELL_W,
        h * CELL_H,
        w * CELL_W,
        h * CELL_H
    );
    let _ = writeln!(
        out,
        r#"<style>text{{font-family:"DejaVu Sans Mono","Sarasa Mono SC","Noto Sans Mono CJK SC",monospace;font-size:15px;white-space:pre}}.b{{font-weight:bold}}.i{{font-style:italic}}.u{{text-decoration:underline}}.d{{opacity:.6}}</style>"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{BACKGROUND}"/>"#
    );
    for y in 0..buf.area.height {
        // Cells of one row as (column, symbol, width, fg, bg, modifier), wide cells' shadows left out.
        let mut cells = Vec::new();
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            let width = UnicodeWidthStr::width(sym).max(1) as u16;
            let (mut fg, mut bg) = (rgb(cell.fg), rgb(cell.bg));
            if cell.modifier.contains(Modifier::REVERSED) {
                (fg, bg) = (
                    bg.or(Some(BACKGROUND.into())),
                    fg.or(Some(FOREGROUND.into())),
                );
            }
            cells.push((x, sym.to_string(), width, fg, bg, cell.modifier));
            x += width;
        }
        let top = u32::from(y) * CELL_H;
        // Backgrounds, one rectangle per run of one colour.
        let mut i = 0;
        while i < cells.len() {
            let bg = cells[i].4.clone();
            let start = cells[i].0;
            let mut end = start + cells[i].2;
            let mut j = i + 1;
            while j < cells.len() && cells[j].4 == bg {
                end = cells[j].0 + cells[j].2;
                j += 1;
            }
            if let Some(colour) = bg {
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{top}" width="{}" height="{CELL_H}" fill="{colour}"/>"#,
                    u32::from(start) * CELL_W,
                    u32::from(end - start) * CELL_W
                );
            }
            i = j;
        }
        // Text, one element per run of one style; blanks end a run.
        let mut i = 0;
        while i < cells.len() {
            if cells[i].1.trim().is_empty() {
                i += 1;
                continue;
            }
            let (fg, modifier) = (cells[i].3.clone(), cells[i].5);
            let mut j = i;
            let mut xs = Vec::new();
            let mut text = String::new();
            while j < cells.len()
                && !cells[j].1.trim().is_empty()
                && cells[j].3 == fg
                && cells[j].5 == modifier
            {
                for ch in cells[j].1.chars() {
                    xs.push((u32::from(cells[j].0) * CELL_W).to_string());
                    text.push(ch);
                }
                j += 1;
            }
            let mut class = Vec::new();
            for (m, c) in [
                (Modifier::BOLD, "b"),
                (Modifier::ITALIC, "i"),
                (Modifier::UNDERLINED, "u"),
                (Modifier::DIM, "d"),
            ] {
                if modifier.contains(m) {
                    class.push(c);
                }
            }
            let class = if class.is_empty() {
                String::new()
            } else {
                format!(r#" class="{}""#, class.join(" "))
            };
            let _ = writeln!(
                out,
                r#"<text x="{}" y="{}" fill="{}"{class}>{}</text>"#,
                xs.join(" "),
                top + BASELINE,
                fg.unwrap_or_else(|| FOREGROUND.into()),
                escape(&text)
            );
            i = j;
        }
    }
    out.push_str("</svg>\n");
    out
}

fn picture(lang: Lang) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real day");
    let builtin = builtin_policies().expect("the built-in policies");
    let loaded = store::load(
        &Source::File(root.join("data/sample.toml")),
        &builtin,
        today,
    )
    .expect("the demo file");
    let mut app = App::new(loaded, builtin, today, lang);
    app.color = true;
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    t.draw(|f| repaydash::tui::views::draw(f, &mut app))
        .expect("drawing on a test backend");
    svg(t.backend().buffer())
}

fn check(lang: Lang, name: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name);
    let drawn = picture(lang);
    if std::env::var_os("REPAYDASH_UPDATE_PICTURE").is_some() {
        std::fs::write(&path, &drawn).expect("writing the picture");
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == drawn,
        "{} differs from what the dashboard draws now; if the change is intended, run \
         REPAYDASH_UPDATE_PICTURE=1 cargo test --test picture and look at the new picture",
        path.display()
    );
}

#[test]
fn the_readme_picture_in_chinese_is_what_the_dashboard_draws() {
    check(Lang::Zh, "dashboard.zh.svg");
}

#[test]
fn the_readme_picture_in_english_is_what_the_dashboard_draws() {
    check(Lang::En, "dashboard.en.svg");
}

/// The picture keeps the grid: a CJK character takes two cells, so the character after it
/// stands two cells to the right.
#[test]
fn wide_characters_keep_the_grid() {
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
    buf.set_string(0, 0, "逾a", ratatui::style::Style::default());
    let svg = svg(&buf);
    assert!(
        svg.contains(&format!(r#"<text x="0 {}" y="15""#, 2 * CELL_W)),
        "{svg}"
    );
    assert!(svg.contains(">逾a</text>"), "{svg}");
}
