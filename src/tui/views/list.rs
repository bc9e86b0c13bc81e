//! The loan list: two lines a loan (name, platform, amount and status; then the timeline and the
//! days until contacts may be called). Only the visible rows are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{Theme, money, panel, status_mark, timeline};
use crate::engine::LoanStatus;
use crate::i18n::Lang;
use crate::report::table::{Align, pad, truncate};
use crate::tui::app::{App, Entry};

const ROW_H: usize = 2;

/// "5 天逾期" / "due in 3d": the status in words, short enough for the list.
pub fn status_words(lang: Lang, e: &Entry) -> String {
    let l = &e.ledger;
    match (lang, l.status) {
        (Lang::Zh, LoanStatus::Overdue) => format!("逾期{}天", l.days_overdue),
        (Lang::En, LoanStatus::Overdue) => format!("{}d late", l.days_overdue),
        (_, LoanStatus::DueSoon) => match (lang, l.days_until_due) {
            (Lang::Zh, Some(0)) => "今天到期".into(),
            (Lang::En, Some(0)) => "due today".into(),
            (Lang::Zh, Some(d)) => format!("{d}天后到期"),
            (Lang::En, Some(d)) => format!("due in {d}d"),
            (_, None) => lang.status(l.status).into(),
        },
        (_, s) => lang.status(s).into(),
    }
}

/// The days until contacts may be called, in a few words.
pub fn contact_words(lang: Lang, e: &Entry) -> String {
    if e.ledger.status == LoanStatus::PaidOff {
        return String::new();
    }
    match (lang, e.escalation.days_until_emergency_contact) {
        (_, None) => String::new(),
        (Lang::Zh, Some(d)) if d < 0 => "紧急联系人 可能已联系".into(),
        (Lang::En, Some(d)) if d < 0 => "contacts may be called".into(),
        (Lang::Zh, Some(0)) => "紧急联系人 今天起".into(),
        (Lang::En, Some(0)) => "contacts from today".into(),
        (Lang::Zh, Some(d)) => format!("紧急联系人 {d}天后"),
        (Lang::En, Some(d)) => format!("contacts in {d}d"),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: Theme) {
    let lang = app.lang;
    let title = Line::from(vec![
        Span::styled(
            format!(" {} {} ", lang.t("借款", "Loans"), app.order.len()),
            theme.bold(),
        ),
        Span::styled(format!("· {} (s) ", app.sort.label(lang)), theme.dim()),
    ]);
    let block = panel(title, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if app.order.is_empty() {
        Line::from(lang.t(" 文件里还没有借款。", " No loans in the file yet.")).render(inner, buf);
        return;
    }
    let visible = (inner.height as usize / ROW_H).max(1);
    app.list_page.set(visible);
    // Keep the selection in view, moving the window as little as possible.
    let mut offset = app.list_offset.get();
    if app.selected < offset {
        offset = app.selected;
    } else if app.selected >= offset + visible {
        offset = app.selected + 1 - visible;
    }
    offset = offset.min(app.order.len().saturating_sub(visible));
    app.list_offset.set(offset);

    let w = inner.width as usize;
    let cur = &app.portfolio.settings.currency;
    for (row, pos) in (offset..app.order.len()).take(visible).enumerate() {
        let e = &app.entries[app.order[pos]];
        let y = inner.y + (row * ROW_H) as u16;
        let selected = pos == app.selected;
        let st = theme.status(e.ledger.status);

        // Line 1: marker, name, platform ... status, amount.
        let amount = match e.ledger.status {
            LoanStatus::PaidOff => "—".to_string(),
            _ => money(cur, e.amount_now()),
        };
        let status = status_words(lang, e);
        let right = format!("{status} {amount:>10}");
        // Marker, status mark and a space before; one space between the left and the right part.
        let left_w = w.saturating_sub(right.width() + 4);
        let name = truncate(&e.name, left_w);
        let room = left_w.saturating_sub(name.width() + 1);
        let platform = if room >= e.platform.width() || room >= 8 {
            truncate(&e.platform, room)
        } else {
            String::new()
        };
        let used = name.width()
            + if platform.is_empty() {
                0
            } else {
                1 + platform.width()
            };
        let fill = left_w.saturating_sub(used) + 1;
        let name_style = if e.ledger.status == LoanStatus::PaidOff {
            theme.dim()
        } else {
            theme.bold()
        };
        let line1 = Line::from(vec![
            Span::styled(if selected { "▶" } else { " " }, theme.accent()),
            Span::styled(status_mark(e.ledger.status), st),
            Span::raw(" "),
            Span::styled(name, name_style),
            Span::raw(if platform.is_empty() { "" } else { " " }),
            Span::styled(platform, theme.dim()),
            Span::raw(" ".repeat(fill)),
            Span::styled(pad(&status, status.width(), Align::Left), st),
            Span::raw(" "),
            Span::styled(
                format!("{amount:>10}"),
                if e.ledger.status == LoanStatus::Overdue {
                    st
                } else {
                    theme.bold()
                },
            ),
        ]);
        let row_style = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let r1 = Rect::new(inner.x, y, inner.width, 1);
        buf.set_style(r1, row_style);
        line1.render(r1, buf);

        // Line 2: timeline and countdown.
        if (y + 1) < inner.bottom() {
            let words = contact_words(lang, e);
            // One width for every row, so the bars line up.
            let words_w = 22.min(w * 11 / 20);
            let bar_w = w.saturating_sub(4 + words_w + 1);
            let mut spans = vec![Span::raw("   ")];
            match &e.timeline {
                Some(tl) => spans.extend(timeline::bar(tl, bar_w, e.ledger.status, theme)),
                None => spans.push(Span::styled(
                    pad(lang.t("已全部还清", "all repaid"), bar_w, Align::Left),
                    theme.dim(),
                )),
            }
            spans.push(Span::raw(" "));
            let words_style = match e.escalation.days_until_emergency_contact {
                Some(d) if d <= 0 => st.add_modifier(Modifier::BOLD),
                _ => theme.dim(),
            };
            spans.push(Span::styled(
                pad(&truncate(&words, words_w), words_w, Align::Left),
                words_style,
            ));
            let r2 = Rect::new(inner.x, y + 1, inner.width, 1);
            buf.set_style(r2, row_style);
            Line::from(spans).render(r2, buf);
        }
    }
}
