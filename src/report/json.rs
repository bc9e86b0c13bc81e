//! The one way every `--json` output is written: pretty-printed by serde_json, with every
//! character a terminal could act on escaped as `\uXXXX`. serde_json escapes C0 itself; DEL, C1
//! (U+0080–U+009F, where U+009B is a one-byte CSI) and the characters `clean` takes out of text
//! output (bidi overrides, zero-width characters) are escaped here. The values stay exact: a JSON
//! reader gets back what the file says.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

fn escaped(c: char) -> bool {
    c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) || crate::clean::is_invisible(c)
}

struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if escaped(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                // Every escaped character lies in the Basic Multilingual Plane: one \u each.
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `value` as pretty JSON, its buffer sized for `capacity` bytes up front. A value serde cannot
/// write is an error for the caller to report (stderr, exit 1), never JSON on stdout.
pub fn pretty_sized<T: Serialize + ?Sized>(
    value: &T,
    capacity: usize,
) -> Result<String, serde_json::Error> {
    let mut buf = Vec::with_capacity(capacity);
    let mut ser =
        serde_json::Serializer::with_formatter(&mut buf, Escaping(PrettyFormatter::new()));
    value.serialize(&mut ser)?;
    // serde_json writes only valid UTF-8, and every escape written here is ASCII.
    Ok(String::from_utf8(buf).unwrap_or_default())
}

/// `value` as pretty JSON.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    pretty_sized(value, 256)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_and_invisible_character_is_escaped_and_the_value_kept() {
        let s = "a\u{1b}[2J\u{7}\u{7f}\u{80}\u{9b}1m\u{9f}\r\n\u{202e}张三\u{2066}\u{200b}b";
        let out = pretty(&serde_json::json!({ "name": s })).unwrap();
        assert_eq!(
            out,
            "{\n  \"name\": \"a\\u001b[2J\\u0007\\u007f\\u0080\\u009b1m\\u009f\\r\\n\\u202e张三\\u2066\\u200bb\"\n}"
        );
        assert!(
            out.chars()
                .all(|c| c == '\n' || !(c.is_control() || escaped(c)))
        );
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["name"], s);
    }
}
