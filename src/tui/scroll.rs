//! A scrolled view's position, as one part every scrolled overlay can own: moved a row, a page
//! or to either end, never past what the last frame could show. `Msg::as_move` says which keys
//! move it (the keymap's Up/Down, J/K, PgUp/PgDn, ctrl-d/ctrl-u, g/G).

/// How a scrolled view moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Rows(i64),
    Pages(i64),
    Top,
    Bottom,
}

/// The first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub top: usize,
}

impl Scroll {
    /// Moved by `mv`, within `max` (the last frame's furthest), `page` rows a page.
    pub fn moved(self, mv: Move, max: usize, page: usize) -> Scroll {
        let now = i64::try_from(self.top).unwrap_or(i64::MAX);
        let page = i64::try_from(page.max(1)).unwrap_or(i64::MAX);
        let max_i = i64::try_from(max).unwrap_or(i64::MAX);
        let to = match mv {
            Move::Rows(n) => now.saturating_add(n),
            Move::Pages(n) => now.saturating_add(n.saturating_mul(page)),
            Move::Top => 0,
            Move::Bottom => max_i,
        };
        Scroll {
            top: usize::try_from(to.clamp(0, max_i)).unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_within_the_frame() {
        let s = Scroll { top: 3 };
        assert_eq!(s.moved(Move::Rows(-5), 10, 4).top, 0);
        assert_eq!(s.moved(Move::Rows(2), 10, 4).top, 5);
        assert_eq!(s.moved(Move::Pages(2), 10, 4).top, 10);
        assert_eq!(s.moved(Move::Pages(-1), 10, 4).top, 0);
        assert_eq!(s.moved(Move::Bottom, 7, 4).top, 7);
        assert_eq!(s.moved(Move::Top, 7, 4).top, 0);
        assert_eq!(Scroll { top: 9 }.moved(Move::Rows(0), 4, 4).top, 4);
    }
}
