//! The ruler above the loan list: the one scale every timeline bar is drawn on, with today
//! marked and how far each end reaches, so a column of bars reads "further right = sooner".

use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use super::timeline;
use crate::i18n::Lang;
use crate::tui::scale::Scale;
use crate::tui::theme::Theme;

/// How far an end of the scale lies: "35天前" / "35d ago", "21天后" / "in 21d".
fn reach(lang: Lang, d: i64) -> String {
    if d < 0 {
        lang.trf("views.ruler.ago", &[("d", &-d)])
    } else {
        lang.trf("views.ruler.ahead", &[("d", &d)])
    }
}

/// The ruler in exactly `width` columns, aligned with the bars drawn on `scale` at that width.
pub fn ruler(scale: Scale, width: usize, lang: Lang, theme: Theme) -> Vec<Span<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let today = scale.col_clamped(0, width);
    let left = reach(lang, scale.lo);
    let right = reach(lang, scale.hi);
    let label = lang.tr("views.ruler.today").to_string();
    let (lw, rw, tw) = (left.width(), right.width(), label.width());
    // Each label only where it leaves a gap before the next thing on the ruler.
    let show_left = lw < today;
    let right_at = width.saturating_sub(rw);
    let show_right = right_at > today + 1 + tw + 1 && rw < width;
    let label_after = today + 1 + tw + usize::from(show_right) <= right_at.min(width)
        || (!show_right && today + 1 + tw <= width);
    let mut spans = Vec::new();
    let mut at = 0;
    if show_left {
        spans.push(Span::styled(left, theme.dim()));
        at = lw;
    }
    spans.push(Span::styled("─".repeat(today - at), theme.dim()));
    spans.push(Span::styled(timeline::TODAY.to_string(), theme.accent()));
    at = today + 1;
    if label_after {
        spans.push(Span::styled(label, theme.accent()));
        at += tw;
    }
    let end = if show_right { right_at } else { width };
    spans.push(Span::styled(
        "─".repeat(end.saturating_sub(at)),
        theme.dim(),
    ));
    if show_right {
        spans.push(Span::styled(right, theme.dim()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_ruler_marks_today_where_the_bars_do_and_names_both_ends() {
        let scale = Scale { lo: -35, hi: 21 };
        let en = text(&ruler(scale, 57, Lang::En, Theme { color: false }));
        assert_eq!(en.width(), 57);
        assert_eq!(en.chars().position(|c| c == timeline::TODAY), Some(35));
        assert!(en.starts_with("35d ago─"), "{en}");
        assert!(en.ends_with("─in 21d"), "{en}");
        assert!(en.contains("●today─"), "{en}");
        let zh = text(&ruler(scale, 57, Lang::Zh, Theme { color: false }));
        assert_eq!(zh.width(), 57);
        assert!(zh.starts_with("35天前─") && zh.ends_with("─21天后"), "{zh}");
    }

    #[test]
    fn a_narrow_ruler_keeps_today_and_drops_what_does_not_fit() {
        let scale = Scale { lo: -35, hi: 21 };
        let s = text(&ruler(scale, 14, Lang::En, Theme { color: false }));
        assert_eq!(s.width(), 14);
        // 35 of 56 days across 13 cells: today in column 8.
        assert_eq!(s.chars().position(|c| c == timeline::TODAY), Some(8));
    }
}
