//! The pages a briefing is read in, named as values so they can be cached per width and
//! compared: the summary, the source, an entity's detail and its related items.

use super::{Doc, detail, related, source, summary};
use crate::content::{Briefing, EntityId, Kind};

/// A page of text the reader can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Summary,
    /// The article; `cited_by` unfolds each paragraph's list of who cites it.
    Source {
        cited_by: bool,
    },
    /// An entity's detail, with its relations and backlinks when there is no side column.
    Detail(EntityId, bool),
    Related(EntityId),
}

/// The keys pages name, as the person has them: those that open each pane (the Summary's "In
/// this briefing") and the one that unfolds who cites a paragraph (the Source). Empty when
/// nobody can press a key (print, export).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PaneKeys {
    /// One entry per kind, and `None` for the source.
    pub keys: Vec<(Option<Kind>, String)>,
    pub cited_by: Option<String>,
    /// The letters no key takes, which the pictures (axis, map) label with where a name does
    /// not fit, in the order they are handed out.
    pub letters: Vec<char>,
}

impl PaneKeys {
    pub fn key(&self, pane: Option<Kind>) -> Option<&str> {
        self.keys.iter().find(|(k, _)| *k == pane).map(|(_, key)| key.as_str())
    }
}

impl Page {
    pub fn doc(self, briefing: &Briefing, keys: &PaneKeys) -> Doc {
        match self {
            Page::Summary => summary::doc(briefing, keys),
            Page::Source { cited_by } => source::doc(briefing, cited_by, keys.cited_by.as_deref()),
            Page::Detail(id, with_related) => detail::doc(briefing, id, with_related),
            Page::Related(id) => related::doc(briefing, id),
        }
    }
}
