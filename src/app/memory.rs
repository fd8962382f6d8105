//! What the reader remembers of a briefing between runs: the pane, each pane's selected item
//! (by id, so edits to the briefing do not misplace it), scroll and focus, the bookmarks and
//! the items seen. Kept as JSON in the XDG state directory by `crate::state_file`.

use super::panes::PaneId;
use super::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use strum::IntoEnumIterator;

/// Bumped when the layout changes; a file from a newer version is set aside, not misread.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub version: u32,
    pub tab: String,
    pub panes: BTreeMap<String, PaneMemory>,
    pub bookmarks: Vec<String>,
    pub seen: Vec<String>,
    /// For the library: how many items the briefing had, of each kind, when it was left, and
    /// when that was (seconds since 1970). Absent from files written before the library.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<BTreeMap<String, usize>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaneMemory {
    pub selected: Option<String>,
    pub scroll: usize,
    pub detail: bool,
    /// Kept for files written before highlights stopped being remembered; never written now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// Whether the pane showed its picture (the axis, the map, the matrix); its zoom is not
    /// kept, so it opens fitted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub picture: bool,
}

impl Session {
    pub fn remember(&self) -> Memory {
        let id = |e: crate::content::EntityId| self.briefing.entity(e).id.to_string();
        let panes = PaneId::iter()
            .map(|pane| (pane.key(), self.pane_of(pane).remember(&self.briefing)))
            .collect();
        let mut seen: Vec<String> = self.seen.iter().map(|e| id(*e)).collect();
        seen.extend(self.missing_marks.1.iter().cloned());
        seen.sort();
        seen.dedup();
        let mut bookmarks: Vec<String> = self.bookmarks.iter().map(|e| id(*e)).collect();
        bookmarks.extend(self.missing_marks.0.iter().cloned());
        let counts = crate::content::Kind::all()
            .map(|k| (k.label().to_owned(), self.briefing.count(k)))
            .collect();
        Memory {
            version: VERSION,
            tab: self.current.key(),
            panes,
            bookmarks,
            seen,
            items: Some(self.briefing.entities.len()),
            counts: Some(counts),
            // When it was left is the caller's to stamp: a session knows no clock.
            opened: None,
        }
    }

    /// Puts the reader back where the memory says. Marks on ids the briefing does not have
    /// now are kept aside, so they come back if the entity does.
    pub fn recall(&mut self, memory: &Memory) {
        for pane in PaneId::iter() {
            let Some(remembered) = memory.panes.get(&pane.key()) else { continue };
            let briefing = &self.briefing;
            self.panes[pane.index()].recall(remembered, briefing);
        }
        if let Some(pane) = PaneId::iter().find(|p| p.key() == memory.tab) {
            self.current = pane;
        }
        self.bookmarks.clear();
        self.seen.clear();
        self.recall_marks(&memory.bookmarks, &memory.seen);
        self.settle();
    }
}
