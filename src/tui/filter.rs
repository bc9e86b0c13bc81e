//! `/`: narrow the list to the loans whose name, product, platform or id contains what is typed
//! (case-insensitive), as it is typed. Esc clears it; Enter keeps it and returns to the list.

use super::app::App;
use super::stack::View;

// Which loans match is `present::LoanFacts::matches`, which the model's sort uses.

impl App {
    /// Start typing a filter (keeping the one in force, to refine it).
    pub fn open_filter(&mut self) {
        self.filter.get_or_insert_with(String::new);
        self.views.open(View::Filter);
    }

    /// Put text into the filter (typed or pasted), keeping the selected loan when it still matches.
    pub fn filter_push(&mut self, s: &str) {
        let f = self.filter.get_or_insert_with(String::new);
        // One line of plain text: what the list can match.
        f.extend(s.chars().filter(|c| !c.is_control()));
        self.refilter();
    }

    pub fn filter_pop(&mut self) {
        if let Some(f) = &mut self.filter {
            f.pop();
        }
        self.refilter();
    }

    /// Ctrl-U (all of it) or Ctrl-W (its last word): the filter stays open, maybe empty.
    pub fn filter_cut(&mut self, word: bool) {
        if let Some(f) = &mut self.filter {
            let end = f.chars().count();
            let from = if word {
                super::form::word_start(f, end)
            } else {
                0
            };
            *f = super::form::cut(f, from, end);
        }
        self.refilter();
    }

    /// Leave the filter input; an empty filter is no filter.
    pub fn keep_filter(&mut self) {
        if self.filter.as_deref().is_some_and(|f| f.trim().is_empty()) {
            self.filter = None;
        }
        self.close_filter();
    }

    pub fn clear_filter(&mut self) {
        self.filter = None;
        self.close_filter();
        self.refilter();
    }

    /// The filter prompt closes (when it is open: Esc clears a kept filter from the list too).
    fn close_filter(&mut self) {
        if self.views.top() == Some(&View::Filter) {
            self.views.close();
        }
    }

    fn refilter(&mut self) {
        let keep = self.selected_id();
        self.sort_entries();
        self.select_id(keep.as_deref());
    }
}
