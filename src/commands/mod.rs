//! The non-interactive commands: `check`, `schema`, `new`, `list`, `import`, `print`,
//! `export`, `man` and `completions`. Each prints and returns an exit status; none touches the
//! terminal's modes.

pub mod check;
pub mod completions;
pub mod export;
pub mod help;
pub mod import;
pub mod list;
pub mod man;
pub mod new;
pub mod print;
pub mod schema;
