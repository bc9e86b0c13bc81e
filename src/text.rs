//! Text laid out by display width, so CJK lines up and wraps where it may: padding, cutting and
//! wrapping for both faces (the CLI's tables and the dashboard's panes). A leaf: it knows no layer.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Pad `s` to `width` display columns.
pub fn pad(s: &str, width: usize, align: Align) -> String {
    let fill = width.saturating_sub(s.width());
    match align {
        Align::Left => format!("{s}{}", " ".repeat(fill)),
        Align::Right => format!("{}{s}", " ".repeat(fill)),
    }
}

/// Cut `s` to at most `width` display columns, ending with "…" when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Characters a line must not start with (closing punctuation).
fn no_start(c: char) -> bool {
    "，。、；：！？）」』》】〉”’…,.;:!?)]}%".contains(c)
}

/// Characters a line must not end with (opening punctuation).
fn no_end(c: char) -> bool {
    "（「『《【〈“‘([{".contains(c)
}

fn wide(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// Split into pieces that may not be broken: runs of narrow characters between spaces, single wide
/// characters (CJK may break between any two), with punctuation kept on the right side.
fn pieces(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = vec![];
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() && c != NBSP {
            if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), false));
            }
            out.push((" ".into(), true));
            prev = None;
            continue;
        }
        let breakable = prev.is_some_and(|p| (wide(p) || wide(c)) && !no_start(c) && !no_end(p));
        if breakable && !cur.is_empty() {
            out.push((std::mem::take(&mut cur), false));
        }
        cur.push(c);
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push((cur, false));
    }
    out
}

/// A space that [`wrap`] does not break at (`2 Dec`, kept on one line); it comes out as a space.
pub const NBSP: char = '\u{a0}';

/// A plain-text table: the header, a rule, the rows, columns padded by display width and two
/// spaces apart, each line without trailing spaces.
pub fn render(header: &[&str], aligns: &[Align], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(c, widths[i], aligns.get(i).copied().unwrap_or(Align::Left)))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(|s| s.as_str())
            .collect(),
    ));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.iter().map(|s| s.as_str()).collect()));
        out.push('\n');
    }
    out
}

/// How a table's column gives way when the table is wider than the screen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GiveWay {
    /// The column goes.
    Drop(usize),
    /// The column's cells are cut with "…" to at most this many columns (never below its
    /// header's width).
    Shrink(usize, usize),
}

/// `render`, fitted to `width` columns: the steps of `order` are taken one by one until the table
/// fits; a table that still does not fit has each line cut with "…". `width` None: the full
/// table.
pub fn render_fit(
    header: &[&str],
    aligns: &[Align],
    rows: &[Vec<String>],
    width: Option<usize>,
    order: &[GiveWay],
) -> String {
    let Some(width) = width else {
        return render(header, aligns, rows);
    };
    let cols = header.len();
    let mut keep: Vec<bool> = vec![true; cols];
    let mut cap: Vec<usize> = vec![usize::MAX; cols];
    let table_width = |keep: &[bool], cap: &[usize]| -> usize {
        let mut total = 0;
        let mut n: usize = 0;
        for i in (0..cols).filter(|&i| keep[i]) {
            let w = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .chain([header[i].width()])
                .max()
                .unwrap_or(0);
            total += w.min(cap[i].max(header[i].width()));
            n += 1;
        }
        total + 2 * n.saturating_sub(1)
    };
    let col_width = |i: usize, cap: &[usize]| -> usize {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.width())
            .chain([header[i].width()])
            .max()
            .unwrap_or(0)
            .min(cap[i].max(header[i].width()))
    };
    for step in order {
        let total = table_width(&keep, &cap);
        if total <= width {
            break;
        }
        match *step {
            GiveWay::Drop(i) if i < cols => keep[i] = false,
            // Only as much as the table is too wide, down to `to`.
            GiveWay::Shrink(i, to) if i < cols && keep[i] => {
                let now = col_width(i, &cap);
                cap[i] = now.saturating_sub(total - width).max(to).min(now);
            }
            _ => {}
        }
    }
    let pick = |cells: &[String]| -> Vec<String> {
        (0..cols)
            .filter(|&i| keep[i])
            .map(|i| {
                let c = cells.get(i).map(String::as_str).unwrap_or_default();
                truncate(c, cap[i].max(header[i].width()))
            })
            .collect()
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let head = pick(&head);
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let al: Vec<Align> = (0..cols)
        .filter(|&i| keep[i])
        .map(|i| aligns.get(i).copied().unwrap_or(Align::Left))
        .collect();
    let body: Vec<Vec<String>> = rows.iter().map(|r| pick(r)).collect();
    render(&head, &al, &body)
        .lines()
        .map(|l| truncate(l, width) + "\n")
        .collect()
}

/// Wrap `text` to `width` display columns; the first line starts with `first`, the others with
/// `rest`. A piece wider than a whole line is cut by characters.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut line = first.to_string();
    let mut indent = first.width();
    let mut used = indent;
    let mut space = false;
    for (piece, is_space) in pieces(text) {
        if is_space {
            space = used > indent;
            continue;
        }
        let pw = piece.width();
        let gap = usize::from(space);
        if used + gap + pw > width && used > indent {
            lines.push(std::mem::take(&mut line));
            line = rest.to_string();
            indent = rest.width();
            used = indent;
        } else if space {
            line.push(' ');
            used += 1;
        }
        space = false;
        if used + pw <= width {
            line.push_str(&piece.replace(NBSP, " "));
            used += pw;
            continue;
        }
        for c in piece.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > indent {
                lines.push(std::mem::take(&mut line));
                line = rest.to_string();
                indent = rest.width();
                used = indent;
            }
            line.push(if c == NBSP { ' ' } else { c });
            used += cw;
        }
    }
    if used > indent || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_cjk_by_display_width() {
        assert_eq!(pad("携程", 6, Align::Left), "携程  ");
        assert_eq!(pad("ab", 4, Align::Right), "  ab");
        assert_eq!(truncate("携程借去花", 7), "携程借…");
        assert_eq!(truncate("携程", 4), "携程");
    }

    #[test]
    fn wraps_english_at_spaces() {
        let l = wrap("aaa bbb ccc ddd", 8, "", "");
        assert_eq!(l, vec!["aaa bbb", "ccc ddd"]);
        let l = wrap("aaa bbb ccc", 9, "• ", "  ");
        assert_eq!(l, vec!["• aaa bbb", "  ccc"]);
    }

    #[test]
    fn wraps_chinese_by_display_width_and_keeps_punctuation() {
        // 10 columns hold 5 CJK characters; "，" may not start a line.
        let l = wrap("一二三四五，六七八", 10, "", "");
        assert_eq!(l, vec!["一二三四", "五，六七八"]);
        for line in wrap(
            "先主动联系平台，别等催收找上门。如实说明为什么还不上。",
            12,
            "",
            "",
        ) {
            assert!(line.width() <= 12, "{line}");
            assert!(!line.starts_with('，') && !line.starts_with('。'), "{line}");
        }
    }

    #[test]
    fn cuts_a_piece_longer_than_the_line() {
        let l = wrap("abcdefghij", 4, "", "");
        assert_eq!(l, vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn mixed_text_breaks_between_cjk_and_latin() {
        let l = wrap("运行 repaydash plan --cash 看建议", 16, "", "");
        for line in &l {
            assert!(line.width() <= 16, "{line:?}");
        }
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(
            squeeze(&l.join("")),
            squeeze("运行 repaydash plan --cash 看建议")
        );
        assert_eq!(l[0], "运行 repaydash");
    }

    #[test]
    fn a_no_break_space_keeps_a_date_whole_and_comes_out_as_a_space() {
        // "since 28 Oct" in 10 columns: plain spaces break inside the date, NBSP does not.
        assert_eq!(wrap("since 28 Oct", 10, "", ""), vec!["since 28", "Oct"]);
        let l = wrap("since 28\u{a0}Oct", 10, "", "");
        assert_eq!(l, vec!["since", "28 Oct"]);
    }
}
