//! The filter as it is typed (`/`), in the footer line: the text with its cursor, how many loans
//! match, and the keys.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;

/// "3 of 9" / "3/9": how many loans the list shows of how many.
pub fn count(app: &App) -> String {
    app.lang.trf(
        "views.filter.shown_of",
        &[("shown", &app.order.len()), ("of", &app.snap.loans.len())],
    )
}

pub fn footer(app: &App, theme: Theme) -> Line<'static> {
    let lang = app.lang;
    let text = app.filter.clone().unwrap_or_default();
    let mut spans = vec![
        Span::styled(" / ", theme.accent()),
        Span::styled(text, theme.bold()),
        Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
        Span::styled(format!("  {}  ", count(app)), theme.bold()),
    ];
    for h in keymap::hints(keymap::Ctx::Filter) {
        spans.push(Span::styled(h.label, theme.accent()));
        spans.push(Span::styled(
            format!(" {}  ", h.words.get(lang)),
            theme.dim(),
        ));
    }
    spans.push(Span::styled(
        lang.tr("views.filter.by_name_platform_id"),
        theme.dim(),
    ));
    Line::from(spans)
}
