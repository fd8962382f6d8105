//! The reader's one explicit mode: reading, or one of the things that takes the keys for a
//! while (a prompt, a box to pick from, link labels, a box to read). Each mode looks keys up
//! in its own keymap.

use super::hints::Hints;
use super::keymap::KeyMode;
use super::panes::PaneId;
use crate::content::EntityId;
use crate::search::index::Hit as SearchHit;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// `/` being typed: where the reader was, to go back to if it is cancelled.
    Find {
        origin: Option<(PaneId, usize)>,
    },
    /// `s`: the whole briefing searched as you type.
    Search(SearchBox),
    /// Ctrl-K or `:`: jump to any entity by name.
    Palette(PaletteBox),
    /// `'`: the bookmarked entities.
    Bookmarks {
        selected: usize,
    },
    /// A long list in full (everything that links to an entity, say), from its "more" link.
    Listing {
        listing: crate::document::Listing,
        selected: usize,
    },
    /// `f` or `F`: labels on the links on screen, waiting for one to be typed.
    Hints(Hints),
    Help {
        scroll: usize,
    },
    /// `e`: the messages of this run, and every problem of a reload that failed.
    Messages {
        scroll: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchBox {
    pub input: String,
    pub hits: Vec<SearchHit>,
    pub total: usize,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PaletteBox {
    pub input: String,
    /// The best matches so far, best first.
    pub results: Vec<EntityId>,
    /// How many entities match so far.
    pub matched: usize,
    /// Whether the query is still being answered, a step per `Action::Tick`.
    pub searching: bool,
    pub selected: usize,
}

impl Mode {
    /// The keymap keys are looked up in.
    pub fn keys(&self) -> KeyMode {
        match self {
            Mode::Normal => KeyMode::Normal,
            Mode::Find { .. } | Mode::Search(_) | Mode::Palette(_) => KeyMode::Prompt,
            Mode::Bookmarks { .. } | Mode::Listing { .. } => KeyMode::Picker,
            Mode::Hints(_) => KeyMode::Hints,
            Mode::Help { .. } | Mode::Messages { .. } => KeyMode::Overlay,
        }
    }

    /// Whether the mode draws a box over the panes.
    pub fn is_box(&self) -> bool {
        !matches!(self, Mode::Normal | Mode::Find { .. } | Mode::Hints(_))
    }
}
