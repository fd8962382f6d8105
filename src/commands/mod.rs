//! The non-interactive commands: `check`, `schema`, `new`, `list` and `import`. Each prints and
//! returns an exit status; none touches the terminal's modes.

pub mod check;
pub mod help;
pub mod import;
pub mod list;
pub mod new;
pub mod schema;
