//! Live preview: a new version of the briefing replaces the old with the reader kept in
//! place, or, when the files have errors, the old stays on screen with the problems beside it.

use super::panes::{Pane, PaneView};
use super::session::Session;
use crate::content::{Briefing, EntityId, Report};
use strum::IntoEnumIterator;

impl Session {
    /// Returns what to tell the reader.
    pub(super) fn reload(&mut self, loaded: Result<Briefing, Report>) -> Option<String> {
        let briefing = match loaded {
            Ok(briefing) => briefing,
            Err(report) => {
                // Nothing the reader was doing changes: only the banner appears.
                self.problems = Some(report);
                return None;
            }
        };
        let was_broken = self.problems.take().is_some();
        // Everything that names an entity is carried over by its id in the files. Marks on
        // what the new version lacks are kept by id, for a later version that has it again.
        let memory = self.remember();
        let old = std::mem::replace(&mut self.briefing, briefing);
        let carry = |id: EntityId, new: &Briefing| new.lookup(&old.entity(id).id);
        let selected: Vec<Option<EntityId>> = self.panes.iter().map(|p| p.selected()).collect();
        self.filter = self.filter.and_then(|f| carry(f, &self.briefing));
        for place in self.history.back.iter_mut().chain(self.history.forward.iter_mut()) {
            place.entity = place.entity.and_then(|e| carry(e, &self.briefing));
            // Link focus, resize anchors and what was open beside name places in the old
            // text; the scroll stays.
            match &mut place.view {
                PaneView::Prose(v) => {
                    v.reading.link = None;
                    v.reading.anchors = [None, None];
                }
                PaneView::Entities(v) => {
                    v.reading.link = None;
                    v.reading.anchors = [None, None];
                    v.beside = None;
                }
            }
        }
        self.seen.clear();
        self.bookmarks.clear();
        self.recall_marks(&memory.bookmarks, &memory.seen);
        self.pages.clear();
        self.index = None;
        self.palette = None;
        // The lists are built anew; each keeps its entity by id, below, and its scroll.
        for pane in super::panes::PaneId::iter() {
            let Some(items) = self.list_items(pane) else { continue };
            if let Pane::Entities(p) = &mut self.panes[pane.index()] {
                p.list = super::panes::List::build(&self.briefing, p.kind, items);
            }
        }
        for (pane, id) in super::panes::PaneId::iter().zip(selected) {
            let position =
                id.and_then(|e| carry(e, &self.briefing)).and_then(|e| self.position_in(pane, e));
            let reading = self.panes[pane.index()].reading_mut();
            reading.link = None;
            reading.anchors = [None, None];
            if let Pane::Entities(p) = &mut self.panes[pane.index()] {
                p.view.beside = None;
                if let Some(position) = position {
                    p.view.selected = position;
                }
            }
        }
        if let Some(find) = self.find.take() {
            self.set_find(&find.query);
        }
        Some(if was_broken { "Reloaded: the problems are fixed" } else { "Reloaded" }.to_owned())
    }

    /// Bookmarks and seen marks from their ids: those the briefing has, and the others kept.
    pub(super) fn recall_marks(&mut self, bookmarks: &[String], seen: &[String]) {
        // A file may repeat an id any number of times: each counts once.
        let mut missing = (Vec::new(), Vec::new());
        let mut known: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut marked: std::collections::HashSet<EntityId> =
            self.bookmarks.iter().copied().collect();
        for id in bookmarks {
            if !known.insert(id) {
                continue;
            }
            match self.briefing.lookup(id) {
                Some(e) if marked.insert(e) => self.bookmarks.push(e),
                Some(_) => {}
                None => missing.0.push(id.clone()),
            }
        }
        known.clear();
        for id in seen {
            if !known.insert(id) {
                continue;
            }
            match self.briefing.lookup(id) {
                Some(e) => {
                    self.seen.insert(e);
                }
                None => missing.1.push(id.clone()),
            }
        }
        self.missing_marks = missing;
    }
}
