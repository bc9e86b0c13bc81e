//! The interactive dashboard, in the Elm style: `app` (the model), `msg` (Msg and update),
//! `keys` (key → Msg), `run` (the event loop), `views` (one file a panel).

pub mod app;
pub mod countdown;
pub mod filter;
pub mod form;
pub mod keys;
pub mod mouse;
pub mod msg;
pub mod planning;
pub mod protect;
pub mod run;
pub mod scale;
pub mod views;

pub use app::App;
pub use msg::{Msg, update};
