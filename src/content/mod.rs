//! The content model: briefings as data, loaded and validated, with no terminal in sight.

pub mod date;
pub mod diagnostic;
pub mod format;
pub mod load;
pub mod markup;
pub mod model;
pub mod sanitize;

pub use date::{Basis, Date, Precision};
pub use diagnostic::{Diagnostic, Report, Severity};
pub use load::{Files, bundled, load, read_dir};
pub use markup::{BlockKind, Inline, Link, Text};
pub use model::{Briefing, Details, Entity, EntityId, Kind};
