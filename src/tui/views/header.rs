//! Today's date, the totals, and the most urgent countdown in words.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::Lang;
use crate::i18n::phrases as ph;
use crate::present::countdown;
use crate::tui::app::App;
use crate::tui::theme::{Theme, money};

pub fn height(app: &App) -> u16 {
    let mut h = 3;
    if app.is_demo() {
        h += 1;
    }
    if app.privacy.is_some() {
        h += 1;
    }
    if app.stale.is_some() {
        h += 1;
    }
    if app.snap.totals.next_upcoming.is_some() {
        h += 1;
    }
    if promises(app).is_some() {
        h += 1;
    }
    h
}

/// The pending promises near their day, as `status` words them.
fn promises(app: &App) -> Option<String> {
    crate::present::outcome::promises_line(
        app.lang,
        &app.snap.loans,
        app.today(),
        &app.portfolio.settings.currency,
    )
}

fn weekday(lang: Lang, d: chrono::NaiveDate) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    // One key for the week, its days split by spaces: Monday first.
    lang.tr("views.header.weekdays")
        .split(' ')
        .nth(i)
        .unwrap_or_default()
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let today = app.today();
    let cur = &app.portfolio.settings.currency;
    let t = &app.snap.totals;
    let mut lines = Vec::new();

    let mut first = vec![
        Span::styled(" repaydash ", theme.accent()),
        Span::styled(
            format!(" {} {} ", today, weekday(lang, today)),
            theme.bold(),
        ),
    ];
    if app.offset != 0 {
        let shift = if app.offset > 0 {
            format!("+{}", app.offset)
        } else {
            app.offset.to_string()
        };
        first.push(Span::styled(
            lang.trf(
                "views.header.simulated",
                &[("shift", &shift), ("real", &app.base_today)],
            ),
            theme
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ));
    }
    lines.push(Line::from(first));
    // Above the figures, so no total is read without it: they are the last data that read well.
    if let Some(stale) = &app.stale {
        let room = (area.width as usize).saturating_sub(3);
        lines.push(Line::from(Span::styled(
            format!(" ⚠ {}", crate::text::truncate(stale.get(lang), room)),
            theme
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )));
    }

    let overdue_style = if t.overdue.is_zero() {
        theme.dim()
    } else {
        theme.fg(Color::Red).add_modifier(Modifier::BOLD)
    };
    let soon_style = if t.due_soon.is_zero() {
        theme.dim()
    } else {
        theme.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    };
    let alert = app.portfolio.settings.alert_days;
    // The words and figures of `Totals::line`, styled.
    let (overdue_words, soon_words, open_words) = t.words(lang, alert);
    lines.push(Line::from(vec![
        Span::raw(" "),
        Span::raw(format!("{overdue_words} ")),
        Span::styled(money(cur, t.overdue), overdue_style),
        Span::styled("  ·  ", theme.dim()),
        Span::raw(format!("{soon_words} ")),
        Span::styled(money(cur, t.due_soon), soon_style),
        Span::styled("  ·  ", theme.dim()),
        Span::raw(open_words),
    ]));

    // ⚠ only for a loan that is late; a loan not yet late gets its countdown as a condition,
    // in a calm style.
    let urgent = t.most_urgent.map(|i| &app.snap.loans[i]);
    // The line keeps its last column free (see the end): " ⚠ " and the sentence in the rest.
    let room = (area.width as usize).saturating_sub(13);
    match urgent.and_then(|e| countdown::fitted(lang, e, today, room + 9).map(|s| (e, s))) {
        Some((e, s)) if countdown::is_alarm(e) => {
            let style = theme.status(e.ledger.status).add_modifier(Modifier::BOLD);
            lines.push(Line::from(vec![Span::raw(" ⚠ "), Span::styled(s, style)]));
        }
        Some((_, s)) => {
            lines.push(Line::from(vec![Span::raw("   "), Span::raw(s)]));
        }
        None => lines.push(Line::from(Span::styled(
            format!(" {}", lang.tr("views.header.nothing_overdue_no_contact")),
            theme.fg(Color::Green),
        ))),
    }
    if let Some(e) = t.next_upcoming.map(|i| &app.snap.loans[i])
        && let Some(s) = countdown::fitted(lang, e, today, room)
    {
        let style = if countdown::is_alarm(e) {
            theme.status(e.ledger.status)
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("   {}", lang.tr("views.header.next")), theme.dim()),
            Span::styled(s, style),
        ]));
    }
    if let Some(p) = promises(app) {
        let s = crate::text::truncate(&p, room + 9);
        lines.push(Line::from(vec![
            Span::raw(" ◆ "),
            Span::styled(s, theme.fg(Color::Cyan)),
        ]));
    }
    if app.is_demo() {
        lines.push(Line::from(Span::styled(
            {
                use unicode_width::UnicodeWidthStr;
                let full = format!(" {}", ph::demo_banner(&app.init_command).get(lang));
                if full.width() <= area.width as usize {
                    full
                } else {
                    format!(" {}", ph::demo_banner_short(&app.init_command).get(lang))
                }
            },
            theme
                .fg(Color::Black)
                .bg_if(theme.color, Color::Yellow)
                .add_modifier(Modifier::BOLD),
        )));
    }
    // " ⚠ " takes three columns before the line.
    if let Some(w) = app.privacy_line((area.width as usize).saturating_sub(3)) {
        // Until the file is fixed (the watcher sees a chmod and the check runs again).
        lines.push(Line::from(Span::styled(
            format!(" ⚠ {w}"),
            theme
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )));
    }
    // Every line whole, or cut with "…" (a long name, a large sum, a narrow screen), with a
    // column to spare on the right as on the left.
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| crate::tui::theme::fit_line(l, (area.width as usize).saturating_sub(1)))
        .collect();
    Paragraph::new(lines).render(area, buf);
}

trait BgIf {
    fn bg_if(self, on: bool, c: Color) -> Self;
}

impl BgIf for ratatui::style::Style {
    fn bg_if(self, on: bool, c: Color) -> Self {
        if on { self.bg(c) } else { self }
    }
}
