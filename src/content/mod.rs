//! The content model: briefings as data, loaded and validated, with no terminal in sight.

#[macro_use]
mod section_files;

pub mod bundled;
pub mod date;
pub mod diagnostic;
pub mod entries;
pub mod format;
pub mod load;
pub mod markup;
pub mod model;
pub mod reread;
pub mod sanitize;
pub mod stored;

pub use bundled::bundled;
pub use date::{Basis, Date, Precision};
pub use diagnostic::{Code, Diagnostic, Report, Severity};
pub use load::{Files, check, load, read_dir, validate};
pub use markup::{BlockKind, Inline, Link, Text};
pub use model::{
    Briefing, Description, Details, Entity, EntityId, Kind, Position, Side, SideId, Stance,
};
