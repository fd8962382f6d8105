//! What the reader remembers of a briefing between runs: the pane, each pane's selected item
//! (by id, so edits to the briefing do not misplace it), scroll and focus, the bookmarks and
//! the items seen. Kept as JSON in the XDG state directory by `crate::state_file`.

use super::state::{App, Focus, Tab};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    pub paragraph: Option<u32>,
}

impl App {
    pub fn remember(&self) -> Memory {
        let id = |e: crate::content::EntityId| self.briefing.entity(e).id.clone();
        let panes = Tab::ALL
            .iter()
            .map(|tab| {
                let view = &self.views[tab.index()];
                let pane = PaneMemory {
                    selected: self.selected_entity(*tab).map(id),
                    scroll: view.scroll,
                    detail: view.focus == Focus::Detail,
                    paragraph: view.highlight,
                };
                (tab.title().to_lowercase(), pane)
            })
            .collect();
        let mut seen: Vec<String> = self.seen.iter().map(|e| id(*e)).collect();
        seen.sort();
        Memory {
            version: VERSION,
            tab: self.tab.title().to_lowercase(),
            panes,
            bookmarks: self.bookmarks.iter().map(|e| id(*e)).collect(),
            seen,
        }
    }

    /// Puts the reader back where the memory says, skipping anything the briefing no longer
    /// has.
    pub fn recall(&mut self, memory: &Memory) {
        for tab in Tab::ALL {
            let Some(pane) = memory.panes.get(&tab.title().to_lowercase()) else { continue };
            let position = pane
                .selected
                .as_deref()
                .and_then(|id| self.briefing.lookup(id))
                .and_then(|e| self.position_in(tab, e));
            let view = &mut self.views[tab.index()];
            if let Some(position) = position {
                view.selected = position;
            }
            view.scroll = pane.scroll;
            view.focus =
                if pane.detail && tab.kind().is_some() { Focus::Detail } else { Focus::List };
            view.highlight = pane
                .paragraph
                .filter(|n| (*n as usize) <= self.briefing.source.paragraphs.len() && *n > 0);
        }
        if let Some(tab) = Tab::ALL.iter().find(|t| t.title().to_lowercase() == memory.tab) {
            self.tab = *tab;
        }
        let lookup =
            |ids: &[String]| ids.iter().filter_map(|i| self.briefing.lookup(i)).collect::<Vec<_>>();
        self.bookmarks = lookup(&memory.bookmarks);
        self.seen = lookup(&memory.seen).into_iter().collect();
        self.settle();
    }
}
