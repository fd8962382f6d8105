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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaneMemory {
    pub selected: Option<String>,
    pub scroll: usize,
    pub detail: bool,
    /// Kept for files written before highlights stopped being remembered; never written now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
}

impl Session {
    pub fn remember(&self) -> Memory {
        let id = |e: crate::content::EntityId| self.briefing.entity(e).id.clone();
        let panes = PaneId::iter()
            .map(|pane| (pane.key(), self.pane_of(pane).remember(&self.briefing)))
            .collect();
        let mut seen: Vec<String> = self.seen.iter().map(|e| id(*e)).collect();
        seen.extend(self.missing_marks.1.iter().cloned());
        seen.sort();
        seen.dedup();
        let mut bookmarks: Vec<String> = self.bookmarks.iter().map(|e| id(*e)).collect();
        bookmarks.extend(self.missing_marks.0.iter().cloned());
        Memory { version: VERSION, tab: self.current.key(), panes, bookmarks, seen }
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
