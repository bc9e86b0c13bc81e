//! A loan's timeline as a row of cells on the list's one shared scale: the due date of its
//! oldest unpaid installment, the escalation stages, today, and the emergency-contact window
//! drawn as a range. What lies beyond either end of the scale is clipped and shown by an arrow.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use crate::engine::LoanStatus;
use crate::model::StageKind;
use crate::present::Timeline;
use crate::tui::scale::Scale;
use crate::tui::theme::Theme;

pub const TODAY: char = '●';
pub const DUE: char = '┃';
pub const REMINDER: char = '╎';
pub const CONTACT: char = '◆';
pub const SEVERE: char = '■';
pub const OTHER: char = '▪';
pub const WINDOW: char = '░';
pub const ELAPSED: char = '━';
pub const WAITING: char = '─';
pub const AHEAD: char = '·';
/// More lies beyond this end of the scale.
pub const CLIP_LEFT: char = '◂';
pub const CLIP_RIGHT: char = '▸';

fn mark_char(k: StageKind) -> char {
    match k {
        StageKind::Reminder => REMINDER,
        StageKind::EmergencyContact => CONTACT,
        StageKind::FrequentContact | StageKind::ThirdPartyCollection => OTHER,
        StageKind::CreditReport | StageKind::Legal => SEVERE,
    }
}

fn mark_style(k: StageKind, theme: Theme) -> Style {
    match k {
        StageKind::Reminder => theme.fg(Color::Yellow),
        StageKind::EmergencyContact => theme.fg(Color::Magenta).add_modifier(Modifier::BOLD),
        StageKind::CreditReport | StageKind::Legal => {
            theme.fg(Color::Red).add_modifier(Modifier::BOLD)
        }
        _ => theme.fg(Color::Yellow),
    }
}

/// Cells for `tl` in `width` columns on `scale`, in the loan's status colours.
pub fn bar(
    tl: &Timeline,
    scale: Scale,
    width: usize,
    status: LoanStatus,
    theme: Theme,
) -> Vec<Span<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let col = |d: i64| scale.col_clamped(d, width);
    let inside = |d: i64| scale.col(d, width).is_some();
    let (today, due) = (col(0), col(tl.due));
    let line = theme.status(status);
    let mut cells: Vec<(char, Style)> = (0..width)
        .map(|c| {
            // Between the due date and today the loan has been late; before the due date, waiting.
            if tl.due < 0 && c >= due && c <= today {
                (ELAPSED, line)
            } else if tl.due > 0 && c >= today && c < due {
                (WAITING, line)
            } else {
                (AHEAD, theme.dim())
            }
        })
        .collect();
    if let Some((a, b)) = tl.window
        && b >= scale.lo
        && a <= scale.hi
    {
        for c in cells.iter_mut().take(col(b) + 1).skip(col(a)) {
            if c.0 == AHEAD {
                *c = (WINDOW, theme.fg(Color::Magenta));
            }
        }
    }
    // Less severe first, so a more severe stage wins a shared cell; reminders (usually the day
    // after the due date) give way to the due date itself.
    let mut marks = tl.marks.clone();
    marks.sort_by_key(|m| m.1);
    for &(d, k) in marks
        .iter()
        .filter(|m| m.1 == StageKind::Reminder && inside(m.0))
    {
        cells[col(d)] = (mark_char(k), mark_style(k, theme));
    }
    if inside(tl.due) {
        cells[due] = (DUE, theme.bold());
    }
    for &(d, k) in marks
        .iter()
        .filter(|m| m.1 != StageKind::Reminder && inside(m.0))
    {
        cells[col(d)] = (mark_char(k), mark_style(k, theme));
    }
    // Clipped: the due date or a stage before the first day, stages after the last one.
    if tl.due < scale.lo || marks.iter().any(|m| m.0 < scale.lo) {
        cells[0] = (CLIP_LEFT, if tl.due < 0 { line } else { theme.dim() });
    }
    if let Some(&(_, k)) = marks.iter().rev().find(|m| m.0 > scale.hi) {
        cells[width - 1] = (CLIP_RIGHT, mark_style(k, theme));
    }
    cells[today] = (
        TODAY,
        theme
            .fg(Color::White)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED),
    );
    // Merge runs of one style into one span.
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = cells[0].1;
    for (ch, st) in cells {
        if st != run_style && !run.is_empty() {
            out.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = st;
        run.push(ch);
    }
    if !run.is_empty() {
        out.push(Span::styled(run, run_style));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn today_due_and_stages_land_on_their_days() {
        // Overdue 5 days; reminder next day, contact on day 8 (window to 10): one cell a day
        // from 5 days ago to 6 ahead.
        let tl = Timeline {
            due: -5,
            marks: vec![(-4, StageKind::Reminder), (3, StageKind::EmergencyContact)],
            window: Some((3, 5)),
        };
        let scale = Scale { lo: -5, hi: 6 };
        let s = text(&bar(
            &tl,
            scale,
            12,
            LoanStatus::Overdue,
            Theme { color: false },
        ));
        assert_eq!(s, "┃╎━━━●··◆░░·");
    }

    #[test]
    fn before_the_due_date_today_stands_left_of_it() {
        let tl = Timeline {
            due: 3,
            marks: vec![(10, StageKind::EmergencyContact)],
            window: None,
        };
        let scale = Scale { lo: 0, hi: 11 };
        let s = text(&bar(
            &tl,
            scale,
            12,
            LoanStatus::DueSoon,
            Theme { color: false },
        ));
        assert_eq!(s, "●──┃······◆·");
    }

    #[test]
    fn marks_beyond_either_end_are_clipped_with_an_arrow() {
        // 40 days late on a scale from 10 days back: the due date and the contact day are off
        // the left end; legal action 50 days ahead is off the right end.
        let tl = Timeline {
            due: -40,
            marks: vec![(-33, StageKind::EmergencyContact), (50, StageKind::Legal)],
            window: None,
        };
        let scale = Scale { lo: -10, hi: 10 };
        let s = text(&bar(
            &tl,
            scale,
            21,
            LoanStatus::Overdue,
            Theme { color: false },
        ));
        assert_eq!(s, "◂━━━━━━━━━●·········▸");
    }

    #[test]
    fn two_loans_put_today_in_the_same_column() {
        let scale = Scale { lo: -35, hi: 21 };
        let late = Timeline {
            due: -33,
            marks: vec![],
            window: None,
        };
        let soon = Timeline {
            due: 3,
            marks: vec![],
            window: None,
        };
        let a = text(&bar(
            &late,
            scale,
            57,
            LoanStatus::Overdue,
            Theme { color: false },
        ));
        let b = text(&bar(
            &soon,
            scale,
            57,
            LoanStatus::DueSoon,
            Theme { color: false },
        ));
        assert_eq!(a.chars().position(|c| c == TODAY), Some(35));
        assert_eq!(b.chars().position(|c| c == TODAY), Some(35));
        // The due date 33 days back sits 2 cells from the left; 3 days ahead, 3 cells right of today.
        assert_eq!(a.chars().position(|c| c == DUE), Some(2));
        assert_eq!(b.chars().position(|c| c == DUE), Some(38));
    }
}
