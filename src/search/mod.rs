//! Finding text: folding for accent- and case-insensitive matching, matches in the text on
//! screen, the briefing-wide index built at load, and the fuzzy palette over entity names.
//! Nothing here depends on the terminal.

pub mod fold;
pub mod index;
pub mod on_screen;
pub mod palette;
