//! The advice area: topics (a title and items, each with its text and sources), one shown at a
//! time, Tab to the next. It takes the topics as data so the advice content can feed it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Theme, panel};
use crate::i18n::Lang;
use crate::tui::app::AdviceTopic;

pub fn render(
    title: &str,
    topics: &[AdviceTopic],
    current: usize,
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let counter = if topics.len() > 1 {
        format!("{}/{} Tab ", current + 1, topics.len())
    } else {
        String::new()
    };
    let block = panel(
        Line::from(vec![
            Span::styled(format!(" {title} "), theme.bold()),
            Span::styled(counter, theme.dim()),
        ]),
        theme,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(topic) = topics.get(current) else {
        return;
    };
    let mut lines = vec![Line::from(Span::styled(
        topic.title.clone(),
        theme.accent(),
    ))];
    for item in &topic.items {
        if !item.text.is_empty() {
            lines.push(Line::from(format!("• {}", item.text)));
        }
        for s in &item.sources {
            lines.push(Line::from(Span::styled(
                format!("  {}{s}", lang.t("来源：", "source: ")),
                theme.dim(),
            )));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
