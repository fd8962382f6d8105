//! The reader's behaviour: actions, the keymap, state, history and `update`.

pub mod action;
pub mod history;
pub mod keymap;
mod reload;
pub mod state;
mod update;

pub use action::Action;
pub use keymap::Keymap;
pub use state::{App, Column, Focus, Overlay, Page, Place, Tab, View};
