//! The one time scale every timeline bar in the list is drawn on, so "further right = sooner
//! trouble" reads down the column. Days are counted from the (what-if) day the dashboard shows.
//!
//! The scale is chosen from the whole portfolio: from a little before the oldest unpaid due date
//! to a little past the furthest (earliest reported) emergency-contact day, but never shorter than a week back and
//! two weeks ahead, and never longer than 60 days either way (what lies further is clipped and
//! shown with an arrow at that end).

use crate::present::Timeline;

/// The furthest the scale reaches either way, in days.
pub const REACH: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// First and last day shown, counted from today (lo < 0 < hi).
    pub lo: i64,
    pub hi: i64,
}

impl Default for Scale {
    fn default() -> Scale {
        Scale { lo: -7, hi: 14 }
    }
}

impl Scale {
    /// The scale for these timelines (open loans only).
    pub fn of<'a>(timelines: impl IntoIterator<Item = &'a Timeline>) -> Scale {
        let mut s = Scale::default();
        for tl in timelines {
            s.lo = s.lo.min(tl.due - 2);
            // The earliest contact day: the later end of a disagreeing window may be far off,
            // and the window is drawn up to the scale's end anyway.
            if let Some(c) = tl.contact() {
                s.hi = s.hi.max(c + 3);
            }
            s.hi = s.hi.max(tl.due + 3);
        }
        s.lo = s.lo.max(-REACH);
        s.hi = s.hi.min(REACH);
        s
    }

    /// The column of day `d` in `width` cells; None when `d` lies outside the scale.
    pub fn col(self, d: i64, width: usize) -> Option<usize> {
        if d < self.lo || d > self.hi || width == 0 {
            return None;
        }
        Some(self.col_clamped(d, width))
    }

    /// The column of day `d`, or of the end `d` lies beyond.
    pub fn col_clamped(self, d: i64, width: usize) -> usize {
        let span = (self.hi - self.lo).max(1);
        let last = width.saturating_sub(1) as i64;
        (((d.clamp(self.lo, self.hi) - self.lo) * last + span / 2) / span) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StageKind;

    fn tl(due: i64, contact: i64) -> Timeline {
        Timeline {
            due,
            marks: vec![(contact, StageKind::EmergencyContact)],
            window: None,
        }
    }

    #[test]
    fn the_scale_spans_the_oldest_due_date_to_the_furthest_contact_day() {
        // 33 days late (contact passed) and 3 days before a due date whose contact is 18 days out.
        let s = Scale::of(&[tl(-33, -26), tl(3, 18)]);
        assert_eq!(s, Scale { lo: -35, hi: 21 });
        // Today sits at the same column on every bar: 35 of 56 days across 57 cells.
        assert_eq!(s.col(0, 57), Some(35));
        assert_eq!(s.col(-35, 57), Some(0));
        assert_eq!(s.col(21, 57), Some(56));
    }

    #[test]
    fn far_days_are_clipped_to_sixty_days_and_reported_outside() {
        let s = Scale::of(&[tl(-200, -193), tl(10, 95)]);
        assert_eq!(s, Scale { lo: -60, hi: 60 });
        assert_eq!(s.col(-61, 121), None);
        assert_eq!(s.col(61, 121), None);
        assert_eq!(s.col_clamped(95, 121), 120);
        assert_eq!(s.col(0, 121), Some(60));
    }

    #[test]
    fn a_calm_portfolio_still_shows_a_week_back_and_two_ahead() {
        assert_eq!(Scale::of(&[]), Scale { lo: -7, hi: 14 });
        assert_eq!(Scale::of(&[tl(2, 9)]), Scale { lo: -7, hi: 14 });
    }
}
