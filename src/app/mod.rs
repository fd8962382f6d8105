//! The reader's behaviour: actions, the keymap, state, history and `update`.

pub mod action;
mod filter;
pub mod find;
pub mod hints;
pub mod history;
mod input;
mod keep;
pub mod keymap;
pub mod memory;
mod mouse;
mod overlays;
mod reload;
pub mod state;
mod update;

pub use action::Action;
pub use keymap::Keymap;
pub use state::{App, Column, Effect, Focus, Overlay, Page, Place, Tab, View};
