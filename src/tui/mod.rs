//! The interactive dashboard, in the Elm style: `app` (the model: a snapshot plus UI state, and
//! `stack`, the open views each with its own state), `msg` (Msg and Effect), `keys`
//! (key → Msg), `update` (Msg → model change + effects, pure), `effects` (the event loop's I/O),
//! `run` (the event loop), `views` (one file a panel; they only draw). See ARCHITECTURE.md.

pub mod addloan;
pub mod app;
pub mod effects;
pub mod filter;
pub mod form;
pub mod history;
pub mod keymap;
pub mod keys;
pub mod loanedit;
pub mod msg;
pub mod planning;
pub mod reading;
pub mod run;
pub mod scale;
pub mod scroll;
pub mod scrub;
pub mod stack;
pub mod state;
pub mod theme;
pub mod update;
pub mod views;

pub use app::App;
pub use effects::dispatch;
pub use msg::{Effect, Msg};
pub use update::update;
