//! The reader's behaviour, with no drawing in it: actions and the keymap of each mode, the
//! shell (the terminal's things) around a session (one open briefing), its panes, and the
//! layout that update and drawing share.

pub mod action;
mod filter;
pub mod find;
pub mod hints;
pub mod history;
mod keep;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod memory;
pub mod mode;
pub mod overlays;
pub mod pages;
pub mod panes;
pub mod pickers;
mod reload;
pub mod session;
pub mod shell;
pub mod status;

pub use action::{Action, Section};
pub use keymap::{KeyMode, Keymap};
pub use mode::Mode;
pub use panes::{Column, Focus, Pane, PaneId};
pub use session::{Place, Session};
pub use shell::{Builder, Effect, Shell};
