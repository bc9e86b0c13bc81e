//! Advice for the dashboard's panels and `repaydash advice`, parsed from
//! `assets/advice.zh.toml` and `assets/advice.en.toml`.
//!
//! Each item of the library is tagged with the topics and situations it serves, the sources it rests
//! on (an article title or a rule name) and, optionally, the platforms it is about. [`panels`] picks
//! the items that serve one loan's situation today and groups them into panels, one a topic, ordered
//! by what helps most in that situation (see [`topic_order`]). The negotiation panel of an overdue
//! loan opens with the call script filled with the loan's own figures.
//!
//! The assets are part of the program: a broken one fails the tests, and at run time is reported as
//! an error rather than a panic.
//!
//! The pieces: `types`, `parse` (the assets read and checked), `select` (which items apply to a
//! loan today), `wording` (placeholders filled, the generated items). This module only names them.

mod parse;
mod select;
mod types;
mod wording;

pub use parse::{ADVICE_EN, ADVICE_ZH, library, parse};
pub use select::{panels, panels_in, script_facts, topic_order};
pub use types::*;
pub use wording::{fill, general_guidance, platform_and_product, platform_label};
