//! One file a panel. Views read the model and draw; they compute nothing the engine should.

pub mod advice;
pub mod cashflow;
pub mod detail;
pub mod document;
pub mod filter;
pub mod form;
pub mod header;
pub mod help;
pub mod list;
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
use ratatui::widgets::{Block, BorderType, Paragraph, StatefulWidget, Widget, Wrap};
use rust_decimal::Decimal;

use super::app::{App, Measured, Mode, Pane};
use crate::engine::LoanStatus;
use crate::money::grouped;
use unicode_width::UnicodeWidthStr;

/// Below this the dashboard says the terminal is too small instead of drawing.
pub const MIN_WIDTH: u16 = 70;
pub const MIN_HEIGHT: u16 = 20;

/// Styles that respect NO_COLOR: without colour, modifiers and markers still carry the meaning.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn status(self, s: LoanStatus) -> Style {
        match s {
            LoanStatus::Overdue => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            LoanStatus::DueSoon => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            LoanStatus::Current => self.fg(Color::Green),
            LoanStatus::PaidOff => self.dim(),
            LoanStatus::InAgreement => self.fg(Color::Cyan),
            LoanStatus::Settled => self.dim(),
        }
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new().bg(Color::Rgb(40, 44, 52))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn border(self) -> Style {
        self.dim()
    }
}

/// A marker that keeps the status readable without colour.
pub fn status_mark(s: LoanStatus) -> &'static str {
    match s {
        LoanStatus::Overdue => "!",
        LoanStatus::DueSoon => "*",
        LoanStatus::Current => "·",
        LoanStatus::PaidOff => "✓",
        LoanStatus::InAgreement => "~",
        LoanStatus::Settled => "✓",
    }
}

pub fn money(cur: &str, d: Decimal) -> String {
    format!("{cur}{}", grouped(d))
}

/// An overlay's title, ` text `, cut with `…` to fit a panel `width` columns wide (its corners
/// and a rule cell either side take four). The keys are in the footer, so a title never needs
/// more than what it names.
pub fn title_fit(text: &str, width: u16) -> String {
    let room = (width as usize).saturating_sub(6);
    format!(" {} ", crate::text::truncate(text, room))
}

pub fn panel<'a>(title: impl Into<Line<'a>>, theme: Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .title(title)
}

/// The whole screen. What the frame measures (page sizes, how far a pane scrolls) goes into the
/// state, never into the model: `draw` hands it to the app for `update` to use.
impl StatefulWidget for &App {
    type State = Measured;

    fn render(self, area: Rect, buf: &mut Buffer, m: &mut Measured) {
        let theme = Theme { color: self.color };
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
        match self.mode {
            Mode::Schedule { scroll } => schedule::render(self, m, scroll, body, buf, theme),
            Mode::Main | Mode::Help | Mode::Form | Mode::Filter | Mode::Warnings { .. } => {
                main_body(self, m, body, buf, theme)
            }
            Mode::Plan { scroll } => plan::render(self, m, scroll, body, buf, theme),
            Mode::Cashflow { scroll } => cashflow::render(self, m, scroll, body, buf, theme),
            Mode::Doc { scroll } => document::render(self, m, scroll, body, buf, theme),
            Mode::LogView { scroll } => logview::render(self, m, scroll, body, buf, theme),
            Mode::CashPrompt => {
                if self.planning.plan.is_some() {
                    plan::render(self, m, 0, body, buf, theme);
                } else {
                    main_body(self, m, body, buf, theme);
                }
                plan::prompt(self, body, buf, theme);
            }
        }
        footer(self, foot, buf, theme);
        if self.mode == Mode::Help {
            help::render(self, area, buf, theme);
        }
        if self.mode == Mode::Form {
            form::render(self, area, buf, theme);
        }
        if let Mode::Warnings { scroll } = self.mode {
            warnings::render(self, scroll, area, buf, theme);
        }
    }
}

/// Drawn without keeping what the frame measured: a picture of the app (benches, a snapshot).
impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut m = self.measured;
        StatefulWidget::render(self, area, buf, &mut m);
    }
}

/// Draw the app on a frame and keep what the frame measured, for the next `update`.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let mut m = app.measured;
    frame.render_stateful_widget(&*app, frame.area(), &mut m);
    app.measured = m;
}

/// Where the main screen's panes are in a frame of `area`: shared by drawing and by the mouse.
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

/// The main screen's panes in the body `area`.
pub fn panes(app: &App, area: Rect, theme: Theme) -> Panes {
    layout(app, area, theme).0
}

/// The panes, and the detail as fitted to its pane (so a frame fits it once).
fn layout<'a>(app: &'a App, area: Rect, theme: Theme) -> (Panes, detail::Fitted<'a>) {
    let list_w = (u32::from(area.width) * 11 / 20) as u16;
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
    list::render(app, m, p.list, buf, theme);
    detail::draw(app, fitted, p.detail, buf, theme);
    advice::render(app, m, p.advice, buf, theme);
}

/// A message longer than the screen is wide takes up to this many lines of the footer.
const FOOTER_MAX_ROWS: usize = 3;

/// What the footer says instead of the keys: a good outcome (true) or a refusal or failure.
fn footer_message(app: &App) -> Option<(&str, bool)> {
    if app.mode == Mode::Filter {
        None
    } else if let Some(n) = app.notice.as_deref().filter(|_| app.mode != Mode::Form) {
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
    let line = if app.mode == Mode::Filter {
        filter::footer(app, theme)
    } else {
        let keys: &[(&str, &str)] = match app.mode {
            Mode::Form => &[
                ("Enter", lang.t("保存", "save")),
                ("Tab ↑↓", lang.t("换一项", "field")),
                ("← →", lang.t("移动/选择", "move / choose")),
                ("Esc", lang.t("取消", "cancel")),
            ],
            Mode::Schedule { .. } => &[
                ("↑↓", lang.t("滚动", "scroll")),
                ("Esc", lang.t("返回", "back")),
                ("?", lang.t("帮助", "help")),
                ("q", lang.t("退出", "quit")),
            ],
            Mode::CashPrompt => &[
                ("Enter", lang.t("生成还款建议", "make the plan")),
                ("Esc", lang.t("取消", "cancel")),
            ],
            Mode::Plan { .. } => &[
                ("s", lang.t("换策略", "strategy")),
                ("P", lang.t("改金额", "cash")),
                ("[ ]", lang.t("改日期", "what-if day")),
                ("↑↓", lang.t("滚动", "scroll")),
                ("Esc", lang.t("返回", "back")),
            ],
            Mode::Cashflow { .. } => &[
                ("[ ]", lang.t("改日期", "what-if day")),
                ("t", lang.t("今天", "today")),
                ("↑↓", lang.t("滚动", "scroll")),
                ("P", lang.t("还款建议", "plan")),
                ("Esc", lang.t("返回", "back")),
            ],
            Mode::Doc { .. }
                if matches!(app.doc, Some(crate::tui::protect::Doc::Notice { .. })) =>
            {
                &[
                    ("y", lang.t("复制", "copy")),
                    ("Tab", lang.t("下一位", "next contact")),
                    ("t", lang.t("标记为已告知", "mark as told")),
                    ("↑↓", lang.t("滚动", "scroll")),
                    ("Esc", lang.t("返回", "back")),
                ]
            }
            Mode::Doc { .. } => &[
                ("y", lang.t("复制", "copy")),
                ("↑↓", lang.t("滚动", "scroll")),
                ("Esc", lang.t("返回", "back")),
            ],
            Mode::LogView { .. } => &[
                ("w", lang.t("投诉材料", "complaint")),
                ("y", lang.t("复制投诉材料", "copy complaint")),
                ("a", lang.t("记一个电话", "log a call")),
                ("↑↓", lang.t("滚动", "scroll")),
                ("Esc", lang.t("返回", "back")),
            ],
            Mode::Warnings { .. } => &[
                ("↑↓", lang.t("滚动", "scroll")),
                ("! Esc", lang.t("关闭", "close")),
            ],
            _ if app.focus == Pane::Advice => &[
                ("↑↓ PgUp PgDn", lang.t("滚动建议", "scroll the advice")),
                ("Tab", lang.t("下一主题", "next topic")),
                ("Esc", lang.t("回到借款列表", "back to the list")),
                ("?", lang.t("帮助", "help")),
                ("q", lang.t("退出", "quit")),
            ],
            _ => &[
                ("↑↓", lang.t("选择", "select")),
                ("Enter", lang.t("还款计划", "schedule")),
                ("Tab", lang.t("建议", "advice")),
                ("/", lang.t("筛选", "filter")),
                ("s", lang.t("排序", "sort")),
                ("[ ]", lang.t("改日期", "what-if day")),
                ("l", lang.t("English", "中文")),
                ("?", lang.t("帮助", "help")),
                ("q", lang.t("退出", "quit")),
            ],
        };
        // The warnings count first; then the keys, dropping from the middle what does not fit
        // (help and quit stay).
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        if let Some(n) = warnings::count(app) {
            let text = format!("{n}  ");
            used += text.width();
            spans.push(Span::styled(
                text,
                theme.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ));
        }
        let item_w = |(k, v): &(&str, &str)| k.width() + v.width() + 3;
        let tail: usize = keys.iter().rev().take(2).map(item_w).sum();
        for (i, (k, v)) in keys.iter().enumerate() {
            let last_two = i + 2 >= keys.len();
            if !last_two && used + item_w(&(k, v)) + tail > area.width as usize {
                continue;
            }
            used += item_w(&(k, v));
            spans.push(Span::styled(*k, theme.accent()));
            spans.push(Span::styled(format!(" {v}  "), theme.dim()));
        }
        Line::from(spans)
    };
    line.render(area, buf);
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let text = vec![
        Line::from(lang.t("终端太小", "terminal too small")).style(Style::new().bold()),
        Line::from(format!(
            "{} {MIN_WIDTH}×{MIN_HEIGHT} ({} {}×{})",
            lang.t("至少需要", "needs at least"),
            lang.t("现在", "now"),
            area.width,
            area.height
        )),
        Line::from(lang.t("q 退出", "q to quit")),
    ];
    let h = (text.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    Paragraph::new(text)
        .centered()
        .wrap(Wrap { trim: true })
        .render(Rect::new(area.x, y, area.width, h), buf);
}

/// Lay chunks out left to right, two spaces apart, starting a new line when one would not fit.
pub fn flow(chunks: Vec<Vec<Span<'_>>>, width: usize) -> Vec<Line<'_>> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut cur: Vec<Span> = Vec::new();
    let mut used = 0;
    for chunk in chunks {
        let w: usize = chunk.iter().map(|s| s.content.width()).sum();
        if used > 0 && used + 2 + w > width {
            lines.push(Line::from(std::mem::take(&mut cur)));
            used = 0;
        }
        if used > 0 {
            cur.push(Span::raw("  "));
            used += 2;
        }
        cur.extend(chunk);
        used += w;
    }
    if !cur.is_empty() {
        lines.push(Line::from(cur));
    }
    lines
}
