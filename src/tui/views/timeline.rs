//! A loan's timeline as a row of cells: from the due date of its oldest unpaid installment across
//! the escalation stages, with today marked and the emergency-contact window drawn as a range.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use super::Theme;
use crate::engine::LoanStatus;
use crate::model::StageKind;
use crate::tui::app::Timeline;

pub const TODAY: char = '●';
pub const DUE: char = '┃';
pub const CONTACT: char = '◆';
pub const SEVERE: char = '■';
pub const OTHER: char = '▪';
pub const WINDOW: char = '░';
pub const ELAPSED: char = '━';
pub const AHEAD: char = '·';

fn mark_char(k: StageKind) -> char {
    match k {
        StageKind::Reminder => '╎',
        StageKind::EmergencyContact => CONTACT,
        StageKind::FrequentContact | StageKind::ThirdPartyCollection => OTHER,
        StageKind::CreditReport | StageKind::Legal => SEVERE,
    }
}

/// Cells for `tl` in `width` columns, in the loan's status colours.
pub fn bar(tl: &Timeline, width: usize, status: LoanStatus, theme: Theme) -> Vec<Span<'static>> {
    if width == 0 {
        return Vec::new();
    }
    let span = (tl.end - tl.start).max(1);
    let last = width as i64 - 1;
    let col =
        |d: i64| -> usize { (((d - tl.start) * last + span / 2) / span).clamp(0, last) as usize };
    let elapsed = theme.status(status);
    let mut cells: Vec<(char, Style)> = (0..width)
        .map(|c| {
            // Between the due date and today the loan has been late; before the due date, waiting.
            if c >= col(0) && c <= col(tl.today) && tl.today > 0 {
                (ELAPSED, elapsed)
            } else if c >= col(tl.today) && c < col(0) {
                ('─', theme.status(status))
            } else {
                (AHEAD, theme.dim())
            }
        })
        .collect();
    let window_style = theme.fg(Color::Magenta);
    if let Some((a, b)) = tl.window {
        for c in cells.iter_mut().take(col(b) + 1).skip(col(a)) {
            if c.0 == AHEAD {
                *c = (WINDOW, window_style);
            }
        }
    }
    // Less severe first, so a more severe stage wins a shared cell; reminders (usually the day
    // after the due date) give way to the due date itself.
    let mut marks = tl.marks.clone();
    marks.sort_by_key(|m| m.1);
    for &(d, k) in marks.iter().filter(|m| m.1 == StageKind::Reminder) {
        cells[col(d)] = (mark_char(k), theme.fg(Color::Yellow));
    }
    cells[col(0)] = (DUE, theme.bold());
    for (d, k) in marks.into_iter().filter(|m| m.1 != StageKind::Reminder) {
        let style = match k {
            StageKind::EmergencyContact => theme.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            StageKind::CreditReport | StageKind::Legal => {
                theme.fg(Color::Red).add_modifier(Modifier::BOLD)
            }
            _ => theme.fg(Color::Yellow),
        };
        cells[col(d)] = (mark_char(k), style);
    }
    cells[col(tl.today)] = (
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
        // Overdue 5 days; contact on day 1; 11 days shown in 12 cells: one cell a day.
        let tl = Timeline {
            start: 0,
            end: 11,
            today: 5,
            marks: vec![(1, StageKind::Reminder), (8, StageKind::EmergencyContact)],
            window: Some((8, 10)),
        };
        let s = text(&bar(&tl, 12, LoanStatus::Overdue, Theme { color: false }));
        assert_eq!(s, "┃╎━━━●··◆░░·");
    }

    #[test]
    fn before_the_due_date_today_stands_left_of_it() {
        let tl = Timeline {
            start: -3,
            end: 8,
            today: -3,
            marks: vec![(7, StageKind::EmergencyContact)],
            window: None,
        };
        let s = text(&bar(&tl, 12, LoanStatus::DueSoon, Theme { color: false }));
        assert_eq!(s, "●──┃······◆·");
    }
}
