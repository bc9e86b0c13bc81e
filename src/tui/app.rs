//! The dashboard's model: the loaded portfolio, the day it is looked at, and everything derived
//! from them, computed once per change (data, day, sort) rather than once per frame.

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use super::scale::Scale;
use super::stack::{Stack, ViewKind};
use crate::engine::{LoanView, Situation};
use crate::i18n::{Lang, Text, phrases as ph, trust as tr};
use crate::knowledge::Policies;
use crate::knowledge::advice::Panel;
use crate::model::{Policy, Portfolio};
use crate::present::schedule::ScheduleFacts;
use crate::present::{self, Snapshot};
pub use crate::present::{LoanFacts as Entry, Timeline, Totals};
use crate::store::{self, Loaded, ReadStamp, Source};

/// How long a fading notice (`r`'s "reloaded") stays in the footer.
pub const NOTICE_FOR: std::time::Duration = std::time::Duration::from_secs(4);

/// The pane that ↑/↓ and PgUp/PgDn act on: the list (moving the selection) or the advice
/// (scrolling it). A click on a pane gives it the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Advice,
}

pub use super::state::SortKey;

pub use super::reading::Doc;
use super::reading::{self, Reading};

/// Where the last frame drew what the mouse can point at on the main screen: the views record
/// it while they draw (`Measured::hits`) and `update::mouse` resolves a click from it, so
/// `update` names no view. Empty (all zero) while no main screen is drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    pub list: ratatui::layout::Rect,
    pub detail: ratatui::layout::Rect,
    pub advice: ratatui::layout::Rect,
    /// The list's first row of loans (below its border, column headers and ruler), and the rows
    /// a loan takes.
    pub list_rows_top: u16,
    pub list_row_h: u16,
    /// The advice's topic tabs on its top border: first column, the column past it, the topic.
    pub tabs: Vec<(u16, u16, usize)>,
}

/// What the last frame measured, for `update` to page and scroll by: the views write it as
/// `StatefulWidget` state (see `views::draw`), never the model itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    /// Rows the list (or the schedule) showed: the page for PgUp/PgDn.
    pub list_page: usize,
    /// The list's scroll offset.
    pub list_offset: usize,
    /// The furthest the current advice topic can scroll, and its height (the page).
    pub advice_max_scroll: usize,
    pub advice_page: usize,
    /// The plan's or cash flow's furthest scroll and page of rows.
    pub plan_max_scroll: usize,
    pub plan_page: usize,
    /// The furthest the document or log view can scroll.
    pub doc_max_scroll: usize,
    /// The furthest the help overlay can scroll (0: it fits).
    pub help_max_scroll: usize,
    /// How far the top view can scroll, when it leaves its scrolling to `update`'s common
    /// handling (a view that only scrolls needs no handler): its draw records it. None: the
    /// view drawn scrolls by its own handler, or not at all.
    pub top_max_scroll: Option<usize>,
    /// What a click can hit, where the frame drew it.
    pub hits: Hits,
}

impl Default for Measured {
    fn default() -> Self {
        Measured {
            list_page: 10,
            list_offset: 0,
            advice_max_scroll: 0,
            advice_page: 4,
            plan_max_scroll: 0,
            plan_page: 0,
            doc_max_scroll: 0,
            help_max_scroll: 0,
            top_max_scroll: None,
            hits: Hits::default(),
        }
    }
}

/// What the detail panel needs beyond the entry, computed when the selection or data changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    pub apr: Option<Decimal>,
    pub principal: Option<Decimal>,
    /// The selected loan's schedule as `schedule` prints it: the schedule view draws it.
    pub schedule: Option<ScheduleFacts>,
    /// The selected loan's advice panels as `advice` prints them: the advice area draws them.
    pub advice: Vec<Panel>,
    /// Why there is no advice, when the advice asset is broken (shown where the advice goes).
    pub advice_error: Option<String>,
    /// The loan these are for, so a change of day keeps the topic and a change of loan does not.
    pub loan_id: String,
    pub situation: Option<Situation>,
    /// The loan is drawn on this day, after the day shown: prevention only.
    pub starts: Option<NaiveDate>,
    /// Shown once under the advice, not per item.
    pub disclaimer: String,
    /// The day that makes the loan seriously overdue is an estimate: its words carry ≈.
    pub severe_estimate: bool,
}

pub struct App {
    pub lang: Lang,
    pub color: bool,
    pub source: Source,
    pub builtin: Vec<Policy>,
    pub portfolio: Portfolio,
    pub policies: Policies,
    /// The day the program was told is today (the clock's, or `--today`); moves at midnight.
    pub base_today: NaiveDate,
    /// What-if shift of `base_today` in days (`[` and `]`).
    pub offset: i64,
    /// Every loan and the totals on the app's day: what the views draw.
    pub snap: Snapshot,
    /// Indices into `snap.loans` in display order: the loans that match the filter, sorted.
    pub order: Vec<usize>,
    /// The list's filter (`/`), while one is in force.
    pub filter: Option<String>,
    pub sort: SortKey,
    /// The one time scale of every timeline bar in the list.
    pub scale: Scale,
    /// Position in `order`.
    pub selected: usize,
    pub detail: Detail,
    /// The views open over the main screen, each with its own state (see `tui::stack`).
    pub views: Stack,
    pub advice_topic: usize,
    pub reveal_phones: bool,
    /// The last reload error, or another message for the status line.
    pub status: Option<String>,
    pub quit: bool,
    /// What the file held when the shown data was read, so a form's write can tell a change
    /// made underneath it; refreshed on every reload and write.
    pub read: Option<ReadStamp>,
    /// A good outcome for the status line (a form's write); cleared by the next key.
    pub notice: Option<String>,
    /// The notice only lasts [`NOTICE_FOR`] (`r`'s "reloaded"): `Msg::Tick` clears it.
    pub notice_fades: bool,
    /// When the fading notice was first on screen: the first `Msg::Tick` after it was set.
    pub notice_since: Option<Instant>,
    /// Check the file's permissions (on start, reload and write) and warn in the header. Off by
    /// default so that a model built in a test does not depend on the checkout's file modes.
    pub check_perms: bool,
    /// The permission warning while the file is readable by other users.
    pub privacy: Option<String>,
    /// The file's mode when the event loop last found it readable by other users.
    pub exposed_mode: Option<u32>,
    /// The last reload failed: the data shown is older than the file.
    pub reload_failed: bool,
    /// While the data shown is older than the file (it could not be read, or it turned empty
    /// while loans were shown): why, with `file:line:col`, for the header's stale mark.
    pub stale: Option<Text>,
    /// Rows the current advice topic is scrolled by (`J`/`K`, ctrl-d/ctrl-u).
    pub advice_scroll: usize,
    /// What the last frame measured (page sizes, how far a pane can scroll): written by the
    /// views through ratatui's `StatefulWidget` state, read by `update`.
    pub measured: Measured,
    /// Planning (`P`, `c`): the prompt's text and message, and the plan and weekly series for
    /// the current data and day (recomputed with them, see `tui::planning`).
    pub planning: super::planning::Planning,
    /// What the open document or log view shows, built when it opens and when the data, the day
    /// or the selection changes (`refresh_reading`), never per frame.
    pub reading: Reading,
    /// Text waiting to be put on the clipboard (OSC 52) by the event loop.
    pub clipboard: Option<String>,
    /// The time of day the quick call entry (`a`) prefills; None: the clock's (tests fix it).
    pub clock_time: Option<chrono::NaiveTime>,
    /// What the demo banner tells the user to run for their own file: the command that works
    /// from where they started the dashboard (see `crate::launch`).
    pub init_command: String,
    /// What reading the file warned about (unknown keys and the like), all of them: counted in
    /// the footer, listed behind `!`.
    pub warnings: Vec<crate::store::Diagnostic>,
    /// The pane with the focus (see `Pane`).
    pub focus: Pane,
    /// The last frame's size, so a mouse position can be matched to what it points at.
    pub screen: ratatui::layout::Rect,
    /// Where the language and sort chosen here are kept for the next run (`tui::state`); None:
    /// not kept (a test's model).
    pub ui_state: Option<std::path::PathBuf>,
    /// The file and line the event loop is to open in the editor (`E`), taken by the loop.
    pub editor_request: Option<(std::path::PathBuf, usize)>,
    /// The editor (`E`) just returned: a failed reload then says how to reopen it.
    pub edited: bool,
    /// `H`: archived loans are in the list too.
    pub show_archived: bool,
    /// The archived loans set aside while they are not shown (out of the list and the totals).
    pub archived: Vec<crate::model::Loan>,
}

impl App {
    pub fn new(loaded: Loaded, builtin: Vec<Policy>, today: NaiveDate, lang: Lang) -> App {
        let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
        let mut app = App {
            lang,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            source: loaded.source,
            builtin,
            portfolio: loaded.portfolio,
            policies,
            base_today: today,
            offset: 0,
            snap: Snapshot::default(),
            order: Vec::new(),
            filter: None,
            sort: SortKey::Urgency,
            scale: Scale::default(),
            selected: 0,
            detail: Detail::default(),
            views: Stack::default(),
            advice_topic: 0,
            reveal_phones: false,
            status: None,
            quit: false,
            read: loaded.read,
            notice: None,
            notice_fades: false,
            notice_since: None,
            check_perms: false,
            privacy: None,
            exposed_mode: None,
            reload_failed: false,
            stale: None,
            advice_scroll: 0,
            measured: Measured::default(),
            planning: Default::default(),
            reading: Reading::default(),
            clipboard: None,
            clock_time: None,
            init_command: "repaydash init".into(),
            warnings: loaded.warnings,
            focus: Pane::List,
            screen: ratatui::layout::Rect::new(0, 0, 80, 24),
            ui_state: None,
            editor_request: None,
            edited: false,
            show_archived: false,
            archived: Vec::new(),
        };
        app.set_aside_archived();
        app.recompute();
        app
    }

    pub fn today(&self) -> NaiveDate {
        self.base_today
            .checked_add_signed(Duration::days(self.offset))
            .unwrap_or(self.base_today)
    }

    pub fn is_demo(&self) -> bool {
        self.source == Source::Demo
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.order.get(self.selected).map(|&i| &self.snap.loans[i])
    }

    pub fn selected_id(&self) -> Option<String> {
        self.selected_entry().map(|e| e.id.clone())
    }

    /// Recompute the snapshot for the current data and day, keeping the selected loan.
    pub fn recompute(&mut self) {
        let keep = self.selected_id();
        self.snap = Snapshot::build(&self.portfolio, &self.policies, self.today(), self.lang);
        self.scale = Scale::of(
            self.snap
                .loans
                .iter()
                .filter(|e| !e.ledger.status.is_closed())
                .filter_map(|e| e.timeline.as_ref()),
        );
        self.sort_entries();
        self.select_id(keep.as_deref());
        self.refresh_planning();
    }

    pub(super) fn sort_entries(&mut self) {
        let needle = self.filter.as_deref().unwrap_or_default();
        let mut order: Vec<usize> = (0..self.snap.loans.len())
            .filter(|&i| self.snap.loans[i].matches(needle))
            .collect();
        let e = &self.snap.loans;
        match self.sort {
            // `entries` is already in urgency order.
            SortKey::Urgency => {}
            SortKey::Amount => order.sort_by(|&a, &b| {
                e[b].amount_now()
                    .cmp(&e[a].amount_now())
                    .then(e[a].urgency.cmp(&e[b].urgency))
            }),
            SortKey::DueDate => order.sort_by_key(|&i| {
                (
                    e[i].oldest_unpaid_due().is_none(),
                    e[i].oldest_unpaid_due(),
                    e[i].urgency,
                )
            }),
        }
        self.order = order;
    }

    /// Select the loan with this id, else keep the position (clamped).
    pub fn select_id(&mut self, id: Option<&str>) {
        if let Some(pos) =
            id.and_then(|id| self.order.iter().position(|&i| self.snap.loans[i].id == id))
        {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.order.len().saturating_sub(1));
        self.refresh_detail();
    }

    pub fn select(&mut self, pos: usize) {
        let pos = pos.min(self.order.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.advice_topic = 0;
            self.advice_scroll = 0;
            self.refresh_detail();
        }
    }

    pub fn set_sort(&mut self, sort: SortKey) {
        let keep = self.selected_id();
        self.sort = sort;
        self.sort_entries();
        self.select_id(keep.as_deref());
    }

    pub fn set_offset(&mut self, offset: i64) {
        // A what-if stays within about thirty years either way, so dates never overflow.
        self.offset = offset.clamp(-11_000, 11_000);
        self.recompute();
    }

    /// Show this data (after a reload or a write), keeping the selected loan. `exposed` is the
    /// file's mode when other users can read it (the event loop looks; see `effects`).
    pub fn install(&mut self, loaded: Loaded, exposed: Option<u32>) {
        self.policies = Policies::new(&self.builtin, &loaded.portfolio.platforms);
        self.portfolio = loaded.portfolio;
        self.set_aside_archived();
        self.read = loaded.read;
        self.warnings = loaded.warnings;
        self.recompute();
        self.set_exposed(exposed);
    }

    /// The header's permission warning while the file is readable by other users, in full (the
    /// header fits it to its width with [`privacy_line`]).
    pub fn set_exposed(&mut self, mode: Option<u32>) {
        self.exposed_mode = mode;
        self.privacy = self.privacy_line(usize::MAX);
    }

    /// The permission warning in at most `width` columns: why first, then the fix. The command
    /// is the point, so at narrow widths the lead is shortened (then dropped) before the command
    /// is touched, and only a path that cannot fit even alone is cut, in the middle.
    pub fn privacy_line(&self, width: usize) -> Option<String> {
        use unicode_width::UnicodeWidthStr;
        let (Source::File(p), Some(mode)) = (&self.source, self.exposed_mode) else {
            return None;
        };
        let leads = ph::file_exposed_leads(mode);
        let command = "chmod 600 ";
        let path = p.display().to_string();
        for lead in &leads {
            let line = format!("{}{command}{path}", lead.get(self.lang));
            if line.width() <= width {
                return Some(line);
            }
        }
        let room = width.saturating_sub(command.width());
        Some(format!("{command}{}", cut_middle(&path, room)))
    }

    /// After `r`: say in the footer that the file was read again (unless that failed: the
    /// status line says why).
    pub fn say_reloaded(&mut self) {
        if !self.reload_failed {
            let name = self.file_name();
            self.notice = Some(
                crate::i18n::phrases::reloaded(&name)
                    .get(self.lang)
                    .to_string(),
            );
            self.notice_fades = true;
            self.notice_since = None;
        }
    }

    /// The event loop's clock reads `now`: a fading notice starts its time on the first tick that
    /// sees it, and goes once [`NOTICE_FOR`] has passed since.
    pub fn tick(&mut self, now: Instant) {
        if !self.notice_fades || self.notice.is_none() {
            self.notice_since = None;
            return;
        }
        match self.notice_since {
            None => self.notice_since = Some(now),
            Some(since) if now.saturating_duration_since(since) >= NOTICE_FOR => {
                self.notice = None;
                self.notice_fades = false;
                self.notice_since = None;
            }
            Some(_) => {}
        }
    }

    /// When the fading notice on screen goes, for the event loop to wake then.
    pub fn notice_goes_at(&self) -> Option<Instant> {
        self.notice_since
            .filter(|_| self.notice_fades && self.notice.is_some())
            .map(|since| since + NOTICE_FOR)
    }

    /// `l`: switch between Chinese and English for this session (the file is not touched).
    /// Archived loans out of the portfolio the views are built from, unless they are shown.
    pub fn set_aside_archived(&mut self) {
        if self.show_archived {
            let back = std::mem::take(&mut self.archived);
            self.portfolio.loans.extend(back);
        } else {
            let (out, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.portfolio.loans)
                .into_iter()
                .partition(|l| l.archived);
            self.portfolio.loans = keep;
            self.archived.extend(out);
        }
    }

    /// `H`: show or hide the archived loans.
    pub fn toggle_archived(&mut self) {
        self.show_archived = !self.show_archived;
        self.set_aside_archived();
        self.recompute();
    }

    pub fn toggle_lang(&mut self) {
        self.lang = self.lang.next();
        // The advice and the privacy line are built in the language; the rest is drawn in it.
        self.detail.loan_id.clear();
        self.recompute();
        self.set_exposed(self.exposed_mode);
    }

    /// The file as read again: on failure keep the old data, say why in the status line and mark
    /// the screen as stale. A file that turns empty while loans are shown (an editor truncates
    /// before it writes) is kept off the screen in the same way unless the user asked (`r`).
    pub fn loaded(
        &mut self,
        result: Result<Loaded, store::LoadError>,
        exposed: Option<u32>,
        by_hand: bool,
    ) {
        match result {
            // The bytes shown already (the form's own write, seen again by the watcher): keep
            // the status line as it is, only look at the permissions again (a chmod).
            Ok(loaded)
                if loaded.read.is_some() && loaded.read == self.read && !self.reload_failed =>
            {
                self.set_exposed(exposed);
            }
            Ok(loaded)
                if !by_hand
                    && loaded.portfolio.loans.is_empty()
                    && !self.portfolio.loans.is_empty() =>
            {
                let name = self.file_name();
                self.reload_failed = true;
                self.stale = Some(tr::stale_empty(&name));
                self.status = Some(tr::file_now_empty(&name).get(self.lang).to_string());
                self.set_exposed(exposed);
            }
            Ok(loaded) => {
                self.reload_failed = false;
                self.stale = None;
                self.status = None;
                self.install(loaded, exposed);
            }
            Err(e) => {
                self.reload_failed = true;
                // The first problem only: the status line has one row.
                let all = e.text();
                let first = |s: &str| s.lines().next().unwrap_or_default().to_string();
                let why = Text::by_lang(|lang| first(all.get(lang)));
                self.status = Some(ph::reload_failed(&why).get(self.lang).to_string());
                self.stale = Some(tr::stale_data(&stale_why(&e)));
            }
        }
    }

    /// The loans file's name (without its folder), or "the demo".
    fn file_name(&self) -> String {
        match &self.source {
            Source::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Source::Demo => tr::the_demo().get(self.lang).to_string(),
        }
    }

    /// The file read again holds the bytes on show: nothing to parse or recompute. A failed reload
    /// before it is over, since the file is back to what is shown.
    pub fn unchanged(&mut self, exposed: Option<u32>) {
        if self.reload_failed {
            self.reload_failed = false;
            self.stale = None;
            self.status = None;
        }
        self.set_exposed(exposed);
    }

    fn refresh_detail(&mut self) {
        self.refresh_detail_only();
        self.refresh_reading();
    }

    /// Build what the open document or log view shows (nothing when neither is open): on
    /// opening one (`update` calls it when the view on top or the document changes) and with the detail.
    pub fn refresh_reading(&mut self) {
        let doc = self.views.doc();
        let log = self.views.kind() == ViewKind::LogView;
        self.reading = Reading::default();
        if doc.is_none() && !log {
            return;
        }
        let Some(loan) = self
            .selected_entry()
            .and_then(|e| self.portfolio.loans.get(e.idx))
        else {
            return;
        };
        let ctx = present::Context {
            portfolio: &self.portfolio,
            policies: &self.policies,
            today: self.today(),
            lang: self.lang,
        };
        let v = ctx.view(loan);
        let shown = Reading {
            doc: doc.and_then(|d| reading::document(&ctx, &v, d)),
            log: log.then(|| reading::log(&v, ctx.today)),
        };
        self.reading = shown;
    }

    fn refresh_detail_only(&mut self) {
        let Some(e) = self.selected_entry() else {
            self.detail = Detail::default();
            return;
        };
        let loan = &self.portfolio.loans[e.idx];
        let schedule = ScheduleFacts::of(loan, &e.ledger, &e.escalation);
        let apr = schedule.apr;
        let principal = (!schedule.bills).then_some(schedule.principal);
        let id = e.id.clone();
        let proposal = e.proposal.clone();
        // The advice panels for the selected loan only, on the app's (what-if) day: computed here,
        // when the selection, the data or the day changes, never per frame.
        // The loan's view is the snapshot's (its ledger and escalation on this day), and the
        // builder is the one `advice` uses.
        let view = LoanView {
            loan,
            policy: self.policies.get(&loan.platform),
            ledger: e.ledger.clone(),
            escalation: e.escalation.clone(),
        };
        let ctx = present::Context {
            portfolio: &self.portfolio,
            policies: &self.policies,
            today: self.today(),
            lang: self.lang,
        };
        let (advice, advice_error, situation, starts, disclaimer, severe_estimate) =
            match present::advice::panels(&ctx, &view, &proposal) {
                Ok(p) => (
                    p.panels,
                    None,
                    Some(p.situation),
                    p.starts,
                    p.disclaimer,
                    p.severe_estimate,
                ),
                // A broken asset fails the tests; should one ship anyway, say so where the advice goes.
                Err(e) => (
                    vec![],
                    Some(e.to_string()),
                    None,
                    None,
                    String::new(),
                    false,
                ),
            };
        // Same loan (a new day or reloaded data): stay on the same topic if it is still offered.
        let same_loan = self.detail.loan_id == id;
        let prev_topic = self.detail.advice.get(self.advice_topic).map(|t| t.topic);
        let topic = if same_loan {
            advice.iter().position(|t| Some(t.topic) == prev_topic)
        } else {
            None
        };
        if topic != Some(self.advice_topic) || !same_loan {
            self.advice_scroll = 0;
        }
        self.advice_topic = topic.unwrap_or(0);
        self.detail = Detail {
            apr,
            principal,
            schedule: Some(schedule),
            advice,
            advice_error,
            loan_id: id,
            situation,
            starts,
            disclaimer,
            severe_estimate,
        };
    }

    /// Show topic `i` (wrapping around both ends), from its top.
    pub fn set_topic(&mut self, i: isize) {
        let n = self.detail.advice.len() as isize;
        if n > 0 {
            self.advice_topic = i.rem_euclid(n) as usize;
            self.advice_scroll = 0;
        }
    }

    /// Scroll the advice by `rows`, within what the last frame showed.
    pub fn scroll_advice(&mut self, rows: i64) {
        let max = i64::try_from(self.measured.advice_max_scroll).unwrap_or(i64::MAX);
        let now = i64::try_from(self.advice_scroll).unwrap_or(i64::MAX);
        self.advice_scroll = usize::try_from(now.saturating_add(rows).clamp(0, max)).unwrap_or(0);
    }
}

/// `s` in at most `width` columns, cut in the middle with `…` (its start and its end are what
/// tell a path apart).
pub fn cut_middle(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    let room = width.saturating_sub(1);
    let tail_room = room / 2;
    let head_room = room - tail_room;
    let mut head = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > head_room {
            break;
        }
        used += w;
        head.push(c);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        used += w;
        tail.push(c);
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

/// Why the data shown is stale, short enough for one header row: the file's name (not its
/// folder), then the first problem as `name:line:col: message`, and how many more there are.
fn stale_why(e: &store::LoadError) -> Text {
    let (path, first, more) = match e {
        store::LoadError::Io { path, message } => {
            return Text::by_lang(|lang| format!("{}: {}", short_name(path), message.get(lang)));
        }
        store::LoadError::Invalid { path, diagnostics } => (
            short_name(path),
            diagnostics.first(),
            diagnostics.len().saturating_sub(1),
        ),
    };
    let Some(d) = first else {
        return Text::same(path);
    };
    let one = Text::by_lang(|lang| d.render_in(&path, lang));
    if more == 0 {
        one
    } else {
        tr::and_more_problems(&one, more)
    }
}

fn short_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
