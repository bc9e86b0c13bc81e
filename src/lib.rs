//! repaydash: a terminal dashboard for consumer-credit repayments.
//!
//! Data flows one way: file → `store` → `model` → `engine` → `present` → `report` | `tui`
//! (see ARCHITECTURE.md).
//! `engine` and `model` know nothing of files or terminals.

pub mod clean;
pub mod cli;
pub mod dates;
pub mod editor;
pub mod engine;
pub mod i18n;
pub mod input;
pub mod intake;
pub mod knowledge;
pub mod lang;
pub mod launch;
pub mod model;
pub mod money;
pub mod present;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
