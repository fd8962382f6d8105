//! Live preview: a new version of the briefing replaces the old with the reader kept in
//! place, or, when the files have errors, the old stays on screen with the problems beside it.

use super::state::{App, Tab, View, list_rows};
use crate::content::{Briefing, Report};

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
        for tab in Tab::ALL {
            follow_selection(&self.briefing, &briefing, tab, &mut self.views[tab.index()]);
        }
        for place in self
            .history
            .back
            .iter_mut()
            .chain(self.history.forward.iter_mut())
        {
            follow_selection(&self.briefing, &briefing, place.tab, &mut place.view);
        }
        let (lists, item_rows) = list_rows(&briefing);
        self.briefing = briefing;
        self.lists = lists;
        self.item_rows = item_rows;
        self.wrapped.clear();
        if matches!(self.overlay, Some(super::Overlay::Problems { .. })) {
            self.overlay = None;
        }
        self.status = Some(
            if was_broken {
                "Reloaded: the problems are fixed"
            } else {
                "Reloaded"
            }
            .to_owned(),
        );
        self.prepare();
        self.keep_in_bounds();
    }
}

/// Keeps a pane on the same entity by id, wherever the new version lists it. Link focus and
/// resize anchors name places in the old text, so they are let go; the scroll stays.
fn follow_selection(old: &Briefing, new: &Briefing, tab: Tab, view: &mut View) {
    view.link = None;
    view.anchors = [None, None];
    let Some(kind) = tab.kind() else { return };
    let Some(id) = old.list(kind).get(view.selected) else {
        return;
    };
    if let Some(found) = new.lookup(&old.entity(*id).id)
        && new.entity(found).kind() == kind
    {
        view.selected = new.position(found);
    }
}
