//! Keeping things: bookmarks (`m`, listed by `'`) and items marked as seen once opened.

use super::session::Session;
use crate::content::EntityId;

impl Session {
    /// Bookmarks the current item, or removes its bookmark. Returns what to tell the reader;
    /// `list_key` is the key that lists the bookmarks.
    pub(super) fn toggle_bookmark(&mut self, list_key: &str) -> String {
        let Some(id) = self.current_entity() else {
            return "Only actors, issues, events, places and terms can be bookmarked".to_owned();
        };
        let name = self.briefing.entity(id).name.clone();
        if let Some(at) = self.bookmarks.iter().position(|b| *b == id) {
            self.bookmarks.remove(at);
            format!("Removed the bookmark on {name}")
        } else {
            self.bookmarks.push(id);
            format!("Bookmarked {name} ({} in all; {list_key} lists them)", self.bookmarks.len())
        }
    }

    /// Removes the bookmark at a place in the list; returns the name it was on.
    pub(super) fn remove_bookmark_at(&mut self, at: usize) -> Option<String> {
        if at >= self.bookmarks.len() {
            return None;
        }
        let id = self.bookmarks.remove(at);
        Some(self.briefing.entity(id).name.to_string())
    }

    pub(super) fn mark_seen(&mut self, id: EntityId) {
        self.seen.insert(id);
    }
}
