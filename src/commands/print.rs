//! `briefing print`, and `briefing` with its output going to a pipe or a file: the briefing
//! as plain text, whole or in part.

use crate::cli::Part;
use crate::content::Briefing;
use crate::document::address;
use crate::document::print::{Selection, print};

/// Columns when neither `--width` nor `COLUMNS` says.
pub const DEFAULT_WIDTH: u16 = 80;

/// The width to wrap to: `--width`, else `COLUMNS` (which shells set for the terminal, when
/// exported), else 80. A `COLUMNS` that is no number in range is not a width.
pub fn width(flag: Option<u16>) -> u16 {
    flag.or_else(|| {
        std::env::var("COLUMNS")
            .ok()?
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|w| (20..=1000).contains(w))
    })
    .unwrap_or(DEFAULT_WIDTH)
}

/// The text to print, or what is wrong with the `--id` given.
pub fn run(
    briefing: &Briefing,
    only: Option<Part>,
    id: Option<&str>,
    width: u16,
) -> Result<String, String> {
    let selection = match (id, only) {
        (Some(id), _) => Selection::Place(
            address::parse(briefing, id).map_err(|message| format!("--id: {message}"))?,
        ),
        (None, Some(part)) => Selection::Only(part.part()),
        (None, None) => Selection::Whole,
    };
    Ok(print(briefing, selection, width))
}
