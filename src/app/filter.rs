//! `a`: with an actor selected, the Timeline and Issues lists narrow to what involves that
//! actor (events that name it, issues it is involved in). `a` on another actor moves the
//! filter to it; `a` on the same actor, or Esc, lifts it.

use super::panes::PaneId;
use super::session::Session;
use crate::document::count;

impl Session {
    /// Returns what to tell the reader; `actors_key` shows the Actors pane.
    pub(super) fn toggle_filter(&mut self, actors_key: &str) -> String {
        let actor = match self.pane_id() {
            PaneId::Actors => self.current_entity(),
            _ => None,
        };
        match (actor, self.filter) {
            (Some(actor), Some(now)) if actor == now => {
                self.set_filter(None);
                "Filter cleared".to_owned()
            }
            (Some(actor), _) => {
                self.set_filter(Some(actor));
                let name = &self.briefing.entity(actor).name;
                let events = self.list_len(PaneId::Timeline);
                let issues = self.list_len(PaneId::Issues);
                format!(
                    "Narrowed to {name}: {}, {}",
                    count(events, "event"),
                    count(issues, "issue")
                )
            }
            (None, Some(_)) => {
                self.set_filter(None);
                "Filter cleared".to_owned()
            }
            (None, None) => format!(
                "Select an actor on the Actors pane ({actors_key}) first, then press this key"
            ),
        }
    }

    pub fn list_len(&self, pane: PaneId) -> usize {
        match self.pane_of(pane) {
            super::panes::Pane::Entities(p) => p.list.items.len(),
            super::panes::Pane::Prose(_) => 0,
        }
    }
}
