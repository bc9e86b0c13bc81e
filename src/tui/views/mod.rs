//! One file a panel. Views read the model and draw; they compute nothing the engine should.

pub mod addloan;
pub mod advice;
pub mod cashflow;
pub mod detail;
pub mod document;
pub mod filter;
pub mod form;
pub mod header;
pub mod help;
pub mod history;
pub mod list;
pub mod loanedit;
pub mod loanfull;
pub mod logview;
pub mod outcome;
pub mod overlay;
pub mod plan;
pub mod ruler;
pub mod schedule;
pub mod timeline;
pub mod warnings;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, StatefulWidget, Widget};

use super::app::{App, Hits, Measured};
use super::keymap;
use super::stack::{View, ViewKind};
// The look lives in `tui::theme`, below the views; named here too for the code outside that
// draws or measures with it.
pub use super::theme::{
    Theme, fit_line, fit_title, flow, money, panel, render_clipped, status_mark, title_fit,
};
use unicode_width::UnicodeWidthStr;

/// Below this the dashboard says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 70;
pub const MIN_HEIGHT: u16 = 20;

/// The whole screen. What the frame measures (page sizes, how far a pane scrolls) goes into the
/// state, never into the model: `draw` hands it to the app for `update` to use.
impl StatefulWidget for &App {
    type State = Measured;

    fn render(self, area: Rect, buf: &mut Buffer, m: &mut Measured) {
        let theme = Theme { color: self.color };
        // What a click can hit is what this frame draws: nothing until a main screen is drawn.
        m.hits = Hits::default();
        m.top_max_scroll = None;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, area, buf);
            return;
        }
        let header_h = header::height(self);
        let [head, body, foot] = Layout::vertical([
            Constraint::Length(header_h),
            Constraint::Min(0),
            Constraint::Length(footer_height(self, area.width)),
        ])
        .areas(area);
        header::render(self, head, buf, theme);
        // The body: the topmost view that fills it, or the main screen under the overlays.
        match self.views.body() {
            Some(View::Schedule(s)) => schedule::render(self, m, s.top, body, buf, theme),
            Some(View::Plan(s)) => plan::render(self, m, s.top, body, buf, theme),
            Some(View::Cashflow(s)) => cashflow::render(self, m, s.top, body, buf, theme),
            Some(View::Doc { scroll, .. }) => {
                document::render(self, m, scroll.top, body, buf, theme)
            }
            Some(View::LogView(s)) => logview::render(self, m, s.top, body, buf, theme),
            Some(View::LoanFull(s)) => loanfull::render(self, m, s.top, body, buf, theme),
            Some(View::History(h)) => {
                let filtering = self.views.kind() == ViewKind::HistoryFilter;
                history::render(self, h, filtering, m, body, buf, theme)
            }
            _ => main_body(self, m, body, buf, theme),
        }
        // The cash prompt sits in the body, over the plan it gives way to, or the main screen.
        if self.views.kind() == ViewKind::CashPrompt {
            plan::prompt(self, body, buf, theme);
        }
        footer(self, foot, buf, theme);
        for v in self.views.overlays() {
            match v {
                View::Help(s) => help::render(self, *s, m, area, buf, theme),
                View::Form(f) => form::render(self, f, area, buf, theme),
                View::AddLoan(f) => addloan::render(self, f, area, buf, theme),
                View::EditLoan(f) => loanedit::render(self, f, area, buf, theme),
                View::Warnings(s) => warnings::render(self, s.top, m, area, buf, theme),
                _ => {}
            }
        }
    }
}

/// Drawn without keeping what the frame measured: a picture of the app (benches, a snapshot).
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut m = self.measured.clone();
        StatefulWidget::render(self, area, buf, &mut m);
    }
}

/// Draw the app on a frame and keep what the frame measured, for the next `update`.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let mut m = app.measured.clone();
    frame.render_stateful_widget(&*app, frame.area(), &mut m);
    app.measured = m;
    crate::tui::scrub::scrub(frame.buffer_mut());
}

/// Where the main screen's panes are in a frame of `area` (the mouse reads them from the last
/// frame's `Measured::hits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Rect,
    pub detail: Rect,
    pub advice: Rect,
}

/// The body's area in a frame of `area` (between the header and the footer line).
pub fn body_area(app: &App, area: Rect) -> Rect {
    let [_, body, _] = Layout::vertical([
        Constraint::Length(header::height(app)),
        Constraint::Min(0),
        Constraint::Length(footer_height(app, area.width)),
    ])
    .areas(area);
    body
}

/// The least the advice gets below the list and the detail (what it got beside the detail at
/// 120×40, a third of the body); a screen not tall enough for that keeps it beside the detail.
const STACKED_ADVICE_MIN: u16 = 11;
/// The body's height from which the advice may go below (a 120×40 screen's body is 35 rows).
const STACK_FROM: u16 = 30;

/// The main screen's panes in the body `area`.
pub fn panes(app: &App, area: Rect, theme: Theme) -> Panes {
    layout(app, area, theme).0
}

/// The panes, and the detail as fitted to its pane (so a frame fits it once).
fn layout<'a>(app: &'a App, area: Rect, theme: Theme) -> (Panes, detail::Fitted<'a>) {
    let list_w = (u32::from(area.width) * 11 / 20) as u16;
    // A tall screen whose list needs only part of it: the list and the detail side by side as
    // high as they need, and the advice below across the whole width, with every row the list
    // does not need.
    let list_need = list::needed_height(app);
    if area.height >= STACK_FROM && area.height >= list_need.saturating_add(STACKED_ADVICE_MIN) {
        // The detail may take more than the list: as much as it had beside the advice.
        let cap = area.height - STACKED_ADVICE_MIN;
        let right_w = area.width.saturating_sub(list_w);
        let fitted = detail::fit(app, right_w, cap, cap, theme);
        let top = fitted.height.max(list_need).min(cap);
        let [upper, advice] =
            Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(area);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(upper);
        return (
            Panes {
                list,
                detail,
                advice,
            },
            fitted,
        );
    }
    let [list, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(area);
    // The advice area gets at least a third; the detail takes what it needs of the rest (at its
    // fullest level that fits), and the advice area whatever the detail leaves.
    let least = (right.height / 3).max(6).min(right.height);
    // Past its tightest level the detail may take more, down to a few rows of advice.
    let stretch = right.height.saturating_sub(5);
    let fitted = detail::fit(app, right.width, right.height - least, stretch, theme);
    let advice_h = right.height - fitted.height;
    let [detail, advice] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(advice_h)]).areas(right);
    (
        Panes {
            list,
            detail,
            advice,
        },
        fitted,
    )
}

fn main_body(app: &App, m: &mut Measured, area: Rect, buf: &mut Buffer, theme: Theme) {
    let (p, fitted) = layout(app, area, theme);
    m.hits.list = p.list;
    m.hits.detail = p.detail;
    m.hits.advice = p.advice;
    m.hits.list_rows_top = p.list.y + 1 + list::HEAD_H as u16;
    m.hits.list_row_h = list::ROW_H as u16;
    list::render(app, m, p.list, buf, theme);
    detail::draw(app, fitted, p.detail, buf, theme);
    loanfull::mark_cut(app, p.detail, buf, theme);
    advice::render(app, m, p.advice, buf, theme);
}

/// A message longer than the screen is wide takes up to this many lines of the footer.
const FOOTER_MAX_ROWS: usize = 3;

/// What the footer says instead of the keys: a good outcome (true) or a refusal or failure.
fn footer_message(app: &App) -> Option<(&str, bool)> {
    if app.views.kind() == ViewKind::Filter {
        None
    } else if let Some(n) = app
        .notice
        .as_deref()
        .filter(|_| app.views.kind() != ViewKind::Form)
    {
        Some((n, true))
    } else {
        app.status.as_deref().map(|s| (s, false))
    }
}

/// The footer's message wrapped to `width` (by display width, so CJK too), so that the whole
/// reason shows rather than what fits one line; at most [`FOOTER_MAX_ROWS`], the last cut with …
fn footer_rows(app: &App, width: u16) -> Vec<String> {
    let Some((text, _)) = footer_message(app) else {
        return vec![];
    };
    let width = width as usize;
    let mut rows = crate::text::wrap(text, width, " ", " ");
    if rows.len() > FOOTER_MAX_ROWS {
        rows.truncate(FOOTER_MAX_ROWS);
        if let Some(last) = rows.last_mut() {
            let more = format!("{last}…");
            *last = if more.width() <= width {
                more
            } else {
                crate::text::truncate(last, width)
            };
        }
    }
    rows
}

/// Rows the footer takes: one, or more for a message that does not fit one.
fn footer_height(app: &App, width: u16) -> u16 {
    footer_rows(app, width).len().clamp(1, FOOTER_MAX_ROWS) as u16
}

fn footer(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    if let Some((_, good)) = footer_message(app) {
        let style = if good {
            theme.fg(Color::Green).add_modifier(Modifier::BOLD)
        } else {
            theme.fg(Color::Red).add_modifier(Modifier::BOLD)
        };
        let lines: Vec<Line> = footer_rows(app, area.width)
            .into_iter()
            .map(|r| Line::from(Span::styled(r, style)))
            .collect();
        Paragraph::new(lines).render(area, buf);
        return;
    }
    let line = if app.views.kind() == ViewKind::Filter {
        filter::footer(app, theme)
    } else {
        // The hints the keymap gives for this view.
        let hints = keymap::hints(keymap::Ctx::of_footer(app));
        let keys: Vec<(&str, &str)> = hints.iter().map(|h| (h.label, h.words.get(lang))).collect();
        // The warnings count first; then the keys. The most used stay: the first three and the
        // last two (help and quit); the others, in order, while they fit. The count is said
        // shorter rather than lose one of those.
        let width = area.width as usize;
        let item_w = |(k, v): &(&str, &str)| k.width() + v.width() + 3;
        let n = keys.len();
        let core = |i: usize| i < 3 || i + 2 >= n;
        let core_w: usize = (0..n).filter(|&i| core(i)).map(|i| item_w(&keys[i])).sum();
        let count = warnings::count(app).map(|long| {
            if 1 + long.width() + 2 + core_w <= width {
                long
            } else {
                crate::i18n::trust::load_warnings_count_short(app.warnings.len())
                    .get(lang)
                    .to_string()
            }
        });
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        if let Some(n) = count {
            let text = format!("{n}  ");
            used += text.width();
            spans.push(Span::styled(
                text,
                theme.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ));
        }
        let mut room = width.saturating_sub(used + core_w);
        let shown: Vec<bool> = (0..n)
            .map(|i| {
                if core(i) {
                    return true;
                }
                let w = item_w(&keys[i]);
                let fits = w <= room;
                if fits {
                    room -= w;
                }
                fits
            })
            .collect();
        for (i, (k, v)) in keys.iter().enumerate() {
            if !shown[i] {
                continue;
            }
            spans.push(Span::styled(*k, theme.accent()));
            spans.push(Span::styled(format!(" {v}  "), theme.dim()));
        }
        fit_line(Line::from(spans), width)
    };
    line.render(area, buf);
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let sentences = [
        (lang.tr("views.terminal_too_small").to_string(), true),
        (
            format!(
                "{} {MIN_WIDTH}×{MIN_HEIGHT} ({} {}×{})",
                lang.tr("views.needs_least"),
                lang.tr("views.now"),
                area.width,
                area.height
            ),
            false,
        ),
        (lang.tr("views.q_quit").to_string(), false),
    ];
    // Wrapped here, at spaces (CJK by its own rules), so every row it needs is counted and a
    // word is broken only when it is wider than the screen.
    let width = usize::from(area.width.max(1));
    let text: Vec<Line> = sentences
        .iter()
        .flat_map(|(s, bold)| {
            crate::text::wrap(s, width, "", "")
                .into_iter()
                .map(move |row| {
                    let line = Line::from(row);
                    if *bold {
                        line.style(Style::new().bold())
                    } else {
                        line
                    }
                })
        })
        .collect();
    let h = (text.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    Paragraph::new(text)
        .centered()
        .render(Rect::new(area.x, y, area.width, h), buf);
}
