//! The history view (`h`): every entry, newest first, one a row (date, time, kind, loan, what),
//! the selected one whole in a box when opened, the removal's confirmation, and the filter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::loansin as lt;
use crate::text::{Align, pad, truncate, wrap};
use crate::tui::app::{App, Measured};
use crate::tui::history::{History, shown};
use crate::tui::theme::{Theme, panel};

/// The history in `h`'s state; `filtering`: its filter is being typed.
pub fn render(
    app: &App,
    h: &History,
    filtering: bool,
    m: &mut Measured,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let lang = app.lang;
    let rows = shown(h, &app.portfolio, &app.policies, app.lang);
    let mut title = vec![Span::styled(
        format!(" {} {} ", lt::history_title().get(lang), rows.len()),
        theme.bold(),
    )];
    let kind = h
        .kind
        .map_or(lang.tr("views.history.all_kinds"), |k| k.word(lang));
    title.push(Span::styled(format!("· {kind} (Tab) "), theme.dim()));
    let scope = match &h.loan {
        Some(id) => id.clone(),
        None => lang.tr("views.history.all_loans").to_string(),
    };
    title.push(Span::styled(format!("· {scope} (o) "), theme.dim()));
    if !h.filter.is_empty() || filtering {
        title.push(Span::styled(format!("· /{} ", h.filter), theme.accent()));
    }
    let block = panel(Line::from(title), theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    if height == 0 {
        return;
    }
    let list_h = if h.confirm {
        height.saturating_sub(1)
    } else {
        height
    };
    let top = h.selected.saturating_sub(list_h.saturating_sub(1));
    m.doc_max_scroll = rows.len().saturating_sub(1);
    let mut lines = Vec::new();
    if rows.is_empty() {
        lines.push(Line::from(Span::styled(
            lt::history_empty().get(lang).to_string(),
            theme.dim(),
        )));
    }
    for (i, r) in rows.iter().enumerate().skip(top).take(list_h) {
        let when = match r.time {
            Some(t) => format!("{} {}", r.date, t.format("%H:%M")),
            None => format!("{}      ", r.date),
        };
        let head = format!(
            "{} {}  {}  {}  ",
            if i == h.selected { "▶" } else { " " },
            when,
            pad(r.kind.word(lang), 8, Align::Left),
            pad(&truncate(&r.loan_name, 12), 12, Align::Left),
        );
        let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        let text = format!("{head}{}", truncate(&r.summary.replace('\n', " "), room));
        let style = if i == h.selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(
            pad(&text, width, Align::Left),
            style,
        )));
    }
    if h.confirm {
        while lines.len() < list_h {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(
            truncate(lt::confirm_remove().get(lang), width),
            theme.fg(Color::Red).add_modifier(Modifier::BOLD),
        )));
    }
    Paragraph::new(lines).render(inner, buf);

    // The selected entry whole, in a box over the list.
    if h.open
        && let Some(r) = rows.get(h.selected)
    {
        let w = inner.width.saturating_sub(4).min(70);
        if w < 12 {
            return;
        }
        let mut body: Vec<Line> = vec![Line::from(Span::styled(
            format!("{} · {}", r.loan_name, r.kind.word(lang)),
            theme.bold(),
        ))];
        for l in &r.whole {
            for part in wrap(l, usize::from(w - 2), "", "  ") {
                body.push(Line::from(part));
            }
        }
        let bh = (body.len() as u16 + 2).min(inner.height);
        let popup = Rect::new(
            inner.x + (inner.width - w) / 2,
            inner.y + (inner.height - bh) / 2,
            w,
            bh,
        );
        super::overlay::clear(popup, buf);
        Paragraph::new(body)
            .block(panel(Line::from(" Enter / Esc "), theme))
            .render(popup, buf);
    }
}
