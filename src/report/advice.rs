//! `repaydash advice ID`: the advice panels for one loan's situation today.

use std::collections::HashSet;

use chrono::NaiveDate;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Context;
use crate::dates;
use crate::engine::{LoanView, Situation};
use crate::i18n::Lang;
use crate::knowledge::advice::{self, AdvicePanels, ItemKind};

/// Text output wraps to this many columns unless told otherwise.
pub const DEFAULT_WIDTH: usize = 80;
/// Narrower than this, wrapping would leave a word or two a line: not worth it.
pub const MIN_WIDTH: usize = 40;

/// The panels for the loan, in the context's language, with the context's settings and day.
pub fn panels(ctx: &Context, view: &LoanView) -> Result<AdvicePanels, String> {
    let proposal = ctx.proposal(view);
    advice::panels(
        view,
        &proposal,
        ctx.lang,
        &ctx.portfolio.settings,
        ctx.today,
    )
}

pub fn json(p: &AdvicePanels) -> String {
    serde_json::to_string_pretty(p).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn situation_label(lang: Lang, s: Situation) -> &'static str {
    match s {
        Situation::PaidOff => lang.t("已结清", "paid off"),
        Situation::Current => lang.t("正常", "current"),
        Situation::DueSoon => lang.t("即将到期", "due soon"),
        Situation::OverdueEarly => lang.t(
            "逾期，还没到可能联系紧急联系人的日子",
            "overdue, before contacts may be called",
        ),
        Situation::OverdueContacts => lang.t(
            "逾期，已到可能联系紧急联系人的日子",
            "overdue, contacts may be called now",
        ),
        Situation::OverdueSevere => lang.t(
            "严重逾期：可能上报征信或起诉",
            "seriously overdue: credit report or lawsuit possible",
        ),
    }
}

/// Why these panels: the situation's label, or, for a loan drawn after the day shown, that it is
/// not drawn yet and when it will be (the one date style, `crate::dates`).
pub fn situation_words(
    lang: Lang,
    s: Situation,
    starts: Option<NaiveDate>,
    today: NaiveDate,
) -> String {
    match starts {
        Some(d) => {
            let day = dates::day(lang, d, today);
            match lang {
                Lang::Zh => format!("尚未借出（{day}借出）：仅预防建议"),
                Lang::En => format!("not yet drawn (drawn on {day}): prevention only"),
            }
        }
        None => situation_label(lang, s).to_string(),
    }
}

/// The panels as text for a terminal `width` columns wide, the disclaimer once at the end.
pub fn text(ctx: &Context, view: &LoanView, p: &AdvicePanels, width: usize) -> String {
    let lang = ctx.lang;
    let width = width.max(MIN_WIDTH);
    let mut out = String::new();
    let head = format!(
        "{} · {}",
        ctx.display_name(view.loan),
        situation_words(lang, p.situation, p.starts, ctx.today)
    );
    push_wrapped(&mut out, &head, width, "", "");
    let sources_label = lang.t("来源：", "Sources: ");
    let sep = lang.t("；", "; ");
    let mut shown: HashSet<String> = HashSet::new();
    for panel in &p.panels {
        let script: Vec<_> = panel
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::ScriptLine)
            .collect();
        let mut script_sources_shown = false;
        // An item serving several topics is printed under the first of them only; the JSON and
        // the dashboard, which show one panel at a time, keep every panel whole.
        let fresh: Vec<_> = panel
            .items
            .iter()
            .filter(|i| i.kind != ItemKind::ScriptLine)
            .filter(|i| i.id.as_ref().is_none_or(|id| shown.insert(id.clone())))
            .collect();
        if script.is_empty() && fresh.is_empty() {
            continue;
        }
        out.push('\n');
        push_wrapped(&mut out, &format!("■ {}", panel.title), width, "", "  ");
        if !script.is_empty() {
            if let Some(t) = &panel.script_title {
                push_wrapped(&mut out, t, width, "  ", "  ");
            }
            for (n, item) in script.iter().enumerate() {
                let first = format!("  {:>2}. ", n + 1);
                push_wrapped(&mut out, &item.text, width, &first, "      ");
            }
        }
        for item in fresh {
            push_wrapped(&mut out, &item.text, width, "  • ", "    ");
            // Script lines and checklist share their sources: say them once, after the checklist.
            if item.kind == ItemKind::Checklist {
                script_sources_shown = true;
            }
            let s = format!("{sources_label}{}", item.sources.join(sep));
            push_wrapped(&mut out, &s, width, "    ", "    ");
        }
        if !script.is_empty()
            && !script_sources_shown
            && let Some(first) = script.first()
        {
            let s = format!("{sources_label}{}", first.sources.join(sep));
            push_wrapped(&mut out, &s, width, "    ", "    ");
        }
    }
    out.push('\n');
    out.push_str(&"─".repeat(width.min(DEFAULT_WIDTH)));
    out.push('\n');
    push_wrapped(&mut out, &p.disclaimer, width, "", "");
    out
}

fn push_wrapped(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    for line in wrap(text, width, first, rest) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
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
    fn wraps_english_at_spaces() {
        let l = wrap("aaa bbb ccc ddd", 8, "", "");
        assert_eq!(l, vec!["aaa bbb", "ccc ddd"]);
        let l = wrap("aaa bbb ccc", 9, "• ", "  ");
        assert_eq!(l, vec!["• aaa bbb", "  ccc"]);
    }

    #[test]
    fn a_no_break_space_keeps_a_date_whole_and_comes_out_as_a_space() {
        // "since 28 Oct" in 10 columns: plain spaces break inside the date, NBSP does not.
        assert_eq!(wrap("since 28 Oct", 10, "", ""), vec!["since 28", "Oct"]);
        let l = wrap("since 28\u{a0}Oct", 10, "", "");
        assert_eq!(l, vec!["since", "28 Oct"]);
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
}
