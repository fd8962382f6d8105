//! `a`: with an actor selected, the Timeline and Issues lists narrow to what involves that
//! actor (events that name it, issues it is involved in); Esc or `a` again lifts the filter.

use super::state::{App, Tab, list_rows};
use crate::content::{Details, EntityId};

impl App {
    pub(super) fn toggle_filter(&mut self) {
        if self.filter.is_some() {
            return self.clear_filter();
        }
        let actor = match self.tab {
            Tab::Actors => self.selected_entity(Tab::Actors),
            _ => None,
        };
        let Some(actor) = actor else {
            self.status =
                Some("Select an actor on the Actors pane first, then press this key".to_owned());
            return;
        };
        self.set_filter(Some(actor));
        let name = &self.briefing.entity(actor).name;
        let (events, issues) = (self.list_len(Tab::Timeline), self.list_len(Tab::Issues));
        self.status =
            Some(format!("Narrowed to {name}: {events} events, {issues} issues · Esc clears"));
    }

    pub(super) fn clear_filter(&mut self) {
        self.set_filter(None);
        self.status = Some("Filter cleared".to_owned());
    }

    /// Changes the filter, keeping each narrowed pane on the same entity where it can.
    pub(super) fn set_filter(&mut self, filter: Option<EntityId>) {
        let selected: Vec<Option<EntityId>> =
            Tab::ALL.iter().map(|t| self.selected_entity(*t)).collect();
        self.filter = filter;
        self.rebuild_lists();
        for (tab, id) in Tab::ALL.iter().zip(selected) {
            let position = id.and_then(|id| self.position_in(*tab, id)).unwrap_or(0);
            let view = &mut self.views[tab.index()];
            if view.selected != position {
                view.selected = position;
                view.scroll = 0;
                view.link = None;
            }
        }
        self.keep_in_bounds();
    }

    /// The items and rows of every pane's list, from the briefing and the filter.
    pub(crate) fn rebuild_lists(&mut self) {
        for tab in Tab::ALL {
            let Some(kind) = tab.kind() else { continue };
            let all = self.briefing.list(kind);
            let items: Vec<EntityId> = match (self.filter, tab) {
                (Some(actor), Tab::Timeline) => all
                    .iter()
                    .copied()
                    .filter(|e| matches!(&self.briefing.entity(*e).details, Details::Event { actors, .. } if actors.contains(&actor)))
                    .collect(),
                (Some(actor), Tab::Issues) => match &self.briefing.entity(actor).details {
                    Details::Actor { issues, .. } => all.iter().copied().filter(|i| issues.contains(i)).collect(),
                    _ => all.to_vec(),
                },
                _ => all.to_vec(),
            };
            let (rows, item_rows) = list_rows(&self.briefing, &items);
            self.items[tab.index()] = items;
            self.lists[tab.index()] = rows;
            self.item_rows[tab.index()] = item_rows;
        }
    }
}
