//! The selected loan's collection log (`L`): a bar a day for the last 30 days (calls by day and
//! by night, the days over the limits marked), then the contacts called and the flagged entries.
//! The figures are `complaint`'s (engine::complaint), so the view and the CLI agree.

use chrono::{Datelike, Duration};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::engine::complaint::{DIAL_ATTEMPTS_PER_DAY, EFFECTIVE_CALLS_PER_DAY};
use crate::present::complaint::{contact_lines, flagged_lines, headline};
use crate::text::{truncate, wrap};
use crate::tui::app::{App, Measured};
use crate::tui::reading::CHART_DAYS;
use crate::tui::theme::{Theme, panel, title_fit};
use unicode_width::UnicodeWidthStr;

/// Rows of the tallest bar; more calls than this show a `+` on top.
const BAR_ROWS: u32 = 7;
const DAY: &str = "█";
const NIGHT: &str = "▓";
const OVER_3: &str = "!";
const OVER_6: &str = "#";

pub fn render(
    app: &App,
    m: &mut Measured,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let lang = app.lang;
    let Some(e) = app.selected_entry() else {
        return;
    };
    // Counted when the view opened or its loan, data or day changed (`App::reading`).
    let Some(figures) = &app.reading.log else {
        return;
    };
    let (chart, full) = (&figures.chart, &figures.full);
    // The keys are in the footer: the title names the loan and the range only, and a long name
    // gives way before the range.
    let range = format!(" · {}", lang.tr("views.logview.last_30_days"));
    let lead = format!("{} · ", lang.tr("views.logview.collection_log"));
    let room = (area.width as usize).saturating_sub(6 + lead.width() + range.width());
    let title = Line::from(Span::styled(
        title_fit(
            &format!("{lead}{}{range}", truncate(&e.name, room)),
            area.width,
        ),
        theme.bold(),
    ));
    let block = panel(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = (inner.width as usize).saturating_sub(1).max(10);

    let mut rows: Vec<Line> = Vec::new();
    for l in wrap(&headline(lang, chart), width, " ", " ") {
        rows.push(Line::from(l));
    }
    rows.push(Line::from(""));

    // The chart: one column a day (two or three cells wide), newest on the right.
    let today = app.today();
    let label_w = 4;
    let cell = ((width.saturating_sub(label_w)) / CHART_DAYS as usize).clamp(1, 3);
    // (day, calls, night calls, most calls to one number)
    let days: Vec<(chrono::NaiveDate, u32, u32, u32)> = (0..CHART_DAYS)
        .rev()
        .map(|back| {
            let d = today - Duration::days(back);
            let c = chart.days.iter().find(|x| x.date == d);
            (
                d,
                c.map(|c| c.calls).unwrap_or(0),
                c.map(|c| c.night_calls).unwrap_or(0),
                c.map(|c| c.most_to_one_number).unwrap_or(0),
            )
        })
        .collect();
    let night_style = theme.fg(Color::Magenta).add_modifier(Modifier::BOLD);
    let day_style = theme.fg(Color::Cyan);
    let over_style = theme.fg(Color::Red).add_modifier(Modifier::BOLD);
    for row in (1..=BAR_ROWS).rev() {
        let label = if row == EFFECTIVE_CALLS_PER_DAY || row == BAR_ROWS {
            format!("{row:>2} ┤")
        } else {
            "   │".to_string()
        };
        let mut spans = vec![Span::styled(label, theme.dim())];
        for (_, calls, night, _) in &days {
            let glyph = if *calls > BAR_ROWS && row == BAR_ROWS {
                Span::styled("+", over_style)
            } else if row <= *night {
                Span::styled(NIGHT, night_style)
            } else if row <= *calls {
                Span::styled(DAY, day_style)
            } else if row == EFFECTIVE_CALLS_PER_DAY {
                Span::styled("┄", theme.dim())
            } else {
                Span::raw(" ")
            };
            spans.push(glyph);
            spans.push(Span::styled(
                if row == EFFECTIVE_CALLS_PER_DAY {
                    "┄".repeat(cell - 1)
                } else {
                    " ".repeat(cell - 1)
                },
                theme.dim(),
            ));
        }
        rows.push(Line::from(spans));
    }
    // Marks under the bars: `!` over 3 calls, `#` over 6 to one number (the limit is per number).
    let mut marks = vec![Span::styled("   └", theme.dim())];
    for (_, calls, _, most) in &days {
        let m = if *most > DIAL_ATTEMPTS_PER_DAY {
            OVER_6
        } else if *calls > EFFECTIVE_CALLS_PER_DAY {
            OVER_3
        } else {
            "─"
        };
        let style = if m == "─" { theme.dim() } else { over_style };
        marks.push(Span::styled(m, style));
        marks.push(Span::styled("─".repeat(cell - 1), theme.dim()));
    }
    rows.push(Line::from(marks));
    // Day-of-month labels every five days, ending with today.
    let mut labels = " ".repeat(label_w);
    let mut used = 0;
    for (i, (d, _, _, _)) in days.iter().enumerate() {
        let at = i * cell;
        if (days.len() - 1 - i).is_multiple_of(5) && at >= used {
            labels.push_str(&" ".repeat(at - used));
            let t = format!("{}", d.day());
            used = at + t.len();
            labels.push_str(&t);
        }
    }
    rows.push(Line::from(Span::styled(labels, theme.dim())));
    let legend = lang.trf(
        "views.logview.legend",
        &[
            ("day", &DAY),
            ("night", &NIGHT),
            ("calls", &EFFECTIVE_CALLS_PER_DAY),
            ("over_3", &OVER_3),
            ("over_6", &OVER_6),
            ("dials", &DIAL_ATTEMPTS_PER_DAY),
        ],
    );
    for l in wrap(&legend, width, " ", " ") {
        rows.push(Line::from(Span::styled(l, theme.dim())));
    }

    let contacts = contact_lines(lang, full);
    if !contacts.is_empty() {
        rows.push(Line::from(""));
        rows.push(Line::from(Span::styled(
            lang.tr("views.logview.contacts_called"),
            theme.accent(),
        )));
        for c in contacts {
            rows.extend(wrap(&c, width, "  ", "    ").into_iter().map(Line::from));
        }
    }
    rows.push(Line::from(""));
    let flagged = flagged_lines(lang, full);
    rows.push(Line::from(Span::styled(
        lang.trf(
            "views.logview.flagged",
            &[("n", &flagged.len()), ("from", &full.from)],
        ),
        theme.accent(),
    )));
    if flagged.is_empty() {
        rows.push(Line::from(Span::styled(
            lang.tr("views.logview.none_press_log_collection"),
            theme.dim(),
        )));
    }
    for f in flagged {
        rows.extend(wrap(&f, width, "  ", "    ").into_iter().map(Line::from));
    }

    let max = rows.len().saturating_sub(inner.height as usize);
    m.doc_max_scroll = max;
    let scroll = scroll.min(max);
    Paragraph::new(rows.into_iter().skip(scroll).collect::<Vec<_>>()).render(inner, buf);
}
