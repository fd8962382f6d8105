//! The non-interactive commands: `check`, `schema`, `new` and `list`. Each prints and returns an exit
//! status; none touches the terminal's modes.

pub mod check;
pub mod help;
pub mod list;
pub mod new;
pub mod schema;
