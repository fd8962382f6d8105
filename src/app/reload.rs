//! Live preview: a new version of the briefing replaces the old with the reader kept in
//! place, or, when the files have errors, the old stays on screen with the problems beside it.

use super::state::{App, Tab};
use crate::content::{Briefing, EntityId, Report};
use crate::search::index::SearchIndex;
use crate::search::palette::Palette;

impl App {
    pub fn reload(&mut self, loaded: Result<Briefing, Report>) {
        let briefing = match loaded {
            Ok(briefing) => briefing,
            Err(report) => {
                // Nothing the reader was doing changes: only the banner appears.
                self.problems = Some(report);
                self.keep_in_bounds();
                return;
            }
        };
        let was_broken = self.problems.take().is_some();
        // Everything that names an entity is carried over by its id in the files; what the
        // new version no longer has is dropped.
        let old = std::mem::replace(&mut self.briefing, briefing);
        let carry = |id: EntityId, new: &Briefing| new.lookup(&old.entity(id).id);
        let selected: Vec<Option<EntityId>> = Tab::ALL
            .iter()
            .map(|t| self.items[t.index()].get(self.views[t.index()].selected).copied())
            .collect();
        self.filter = self.filter.and_then(|f| carry(f, &self.briefing));
        self.bookmarks = self.bookmarks.iter().filter_map(|b| carry(*b, &self.briefing)).collect();
        self.seen = self.seen.iter().filter_map(|s| carry(*s, &self.briefing)).collect();
        for place in self.history.back.iter_mut().chain(self.history.forward.iter_mut()) {
            place.entity = place.entity.and_then(|e| carry(e, &self.briefing));
            place.view.link = None;
            place.view.anchors = [None, None];
            place.view.beside = None;
        }
        self.rebuild_lists();
        for (tab, id) in Tab::ALL.iter().zip(selected) {
            let position =
                id.and_then(|e| carry(e, &self.briefing)).and_then(|e| self.position_in(*tab, e));
            let view = &mut self.views[tab.index()];
            // Link focus and resize anchors name places in the old text, so they are let go;
            // the scroll stays.
            view.link = None;
            view.anchors = [None, None];
            view.beside = None;
            if let Some(position) = position {
                view.selected = position;
            }
        }
        self.index = SearchIndex::build(&self.briefing);
        self.palette = Palette::build(&self.briefing);
        self.wrapped.clear();
        if let Some(find) = self.find.take() {
            self.find_text(&find.query);
        }
        if matches!(self.overlay, Some(super::Overlay::Problems { .. })) {
            self.overlay = None;
        }
        self.status = Some(
            if was_broken { "Reloaded: the problems are fixed" } else { "Reloaded" }.to_owned(),
        );
        self.settle();
    }
}
