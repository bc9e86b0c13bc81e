//! `repaydash advice ID`: the advice panels for one loan's situation today (built in
//! `present::advice`) as text or JSON.

use std::collections::HashSet;

use super::Context;
use crate::engine::LoanView;
use crate::knowledge::advice::{AdvicePanels, ItemKind};
use crate::text::wrap;

pub use crate::present::advice::{panels, situation_label, situation_words, sources_label};

/// Text output wraps to this many columns unless told otherwise.
pub const DEFAULT_WIDTH: usize = 80;
/// Narrower than this, wrapping would leave a word or two a line: not worth it.
pub const MIN_WIDTH: usize = 40;

pub fn json(p: &AdvicePanels) -> Result<String, serde_json::Error> {
    super::json::pretty(p)
}

/// The panels as text for a terminal `width` columns wide, the disclaimer once at the end.
pub fn text(ctx: &Context, view: &LoanView, p: &AdvicePanels, width: usize) -> String {
    let lang = ctx.lang;
    let width = width.max(MIN_WIDTH);
    let mut out = String::new();
    let head = format!(
        "{} · {}",
        ctx.display_name(view.loan),
        situation_words(lang, p.situation, p.starts, ctx.today, p.severe_estimate)
    );
    push_wrapped(&mut out, &head, width, "", "");
    let (sources_label, sep) = sources_label(lang);
    let mut shown: HashSet<String> = HashSet::new();
    for panel in &p.panels {
        let script: Vec<_> = panel
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::ScriptLine)
            .collect();
        let mut script_sources_shown = false;
        // An item serving several topics is printed under the first of them only; the JSON and
        // the dashboard, which show one panel at a time, keep every panel whole.
        let fresh: Vec<_> = panel
            .items
            .iter()
            .filter(|i| i.kind != ItemKind::ScriptLine)
            .filter(|i| i.id.as_ref().is_none_or(|id| shown.insert(id.clone())))
            .collect();
        if script.is_empty() && fresh.is_empty() {
            continue;
        }
        out.push('\n');
        push_wrapped(&mut out, &format!("■ {}", panel.title), width, "", "  ");
        if !script.is_empty() {
            if let Some(t) = &panel.script_title {
                push_wrapped(&mut out, t, width, "  ", "  ");
            }
            for (n, item) in script.iter().enumerate() {
                let first = format!("  {:>2}. ", n + 1);
                push_wrapped(&mut out, &item.text, width, &first, "      ");
            }
        }
        for item in fresh {
            push_wrapped(&mut out, &item.text, width, "  • ", "    ");
            // Script lines and checklist share their sources: say them once, after the checklist.
            if item.kind == ItemKind::Checklist {
                script_sources_shown = true;
            }
            let s = format!("{sources_label}{}", item.sources.join(sep));
            push_wrapped(&mut out, &s, width, "    ", "    ");
        }
        if !script.is_empty()
            && !script_sources_shown
            && let Some(first) = script.first()
        {
            let s = format!("{sources_label}{}", first.sources.join(sep));
            push_wrapped(&mut out, &s, width, "    ", "    ");
        }
    }
    out.push('\n');
    out.push_str(&"─".repeat(width.min(DEFAULT_WIDTH)));
    out.push('\n');
    push_wrapped(&mut out, &p.disclaimer, width, "", "");
    out
}

fn push_wrapped(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    for line in wrap(text, width, first, rest) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
