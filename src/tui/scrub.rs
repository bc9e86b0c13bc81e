//! The last step of every frame: what the dashboard draws from the user's file passes through
//! ratatui, which drops control characters but keeps zero-width ones (bidi overrides, zero-width
//! spaces) by appending them to the cell before. They are taken out of every cell here, as
//! `clean` takes them out of the command line's output.

use ratatui::buffer::Buffer;

use crate::clean::{is_invisible, is_unsafe};

pub fn scrub(buf: &mut Buffer) {
    let bad = |c: char| is_invisible(c) || is_unsafe(c);
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(bad) {
            let kept: String = cell.symbol().chars().filter(|c| !bad(*c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}
