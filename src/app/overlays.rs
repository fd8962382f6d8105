//! The boxes over the panes and what the keys do in them: help and problems scroll; the
//! briefing search and the palette answer as the reader types; bookmarks list and open.

use super::action::Action;
use super::state::{App, Overlay};
use crate::document::Target;

/// How many results the search and the palette list at most.
const RESULTS: usize = 200;

impl App {
    pub(super) fn overlay_action(&mut self, action: Action) {
        let Some(overlay) = self.overlay.clone() else { return };
        match (overlay, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Close) => self.overlay = None,
            (Overlay::Help { .. }, Action::Help)
            | (Overlay::Problems { .. }, Action::ShowProblems) => self.overlay = None,
            (Overlay::Bookmarks { .. }, Action::Bookmarks) => self.overlay = None,
            (Overlay::Help { scroll } | Overlay::Problems { scroll }, action) => {
                let scroll = match action {
                    Action::Next => scroll + 1,
                    Action::Prev => scroll.saturating_sub(1),
                    Action::PageDown => scroll + 10,
                    Action::PageUp => scroll.saturating_sub(10),
                    Action::First => 0,
                    Action::Last => usize::MAX,
                    other => {
                        self.overlay = None;
                        return self.apply(other);
                    }
                };
                let scroll = scroll.min(crate::ui::overlay::max_scroll(self));
                if let Some(Overlay::Help { scroll: s } | Overlay::Problems { scroll: s }) =
                    &mut self.overlay
                {
                    *s = scroll;
                }
            }
            (Overlay::Search { hits, selected, input, .. }, action) => match action {
                Action::Follow => {
                    if let Some(hit) = hits.get(selected) {
                        let target = hit.target.clone();
                        self.overlay = None;
                        self.go(target);
                        self.find_text(&input);
                    }
                }
                other => self.move_selection(other, hits.len()),
            },
            (Overlay::Palette { results, selected, .. }, action) => match action {
                Action::Follow => {
                    if let Some(id) = results.get(selected) {
                        let id = *id;
                        self.overlay = None;
                        self.go(Target::Entity(id));
                    }
                }
                other => self.move_selection(other, results.len()),
            },
            (Overlay::Bookmarks { selected }, action) => match action {
                Action::Follow => {
                    if let Some(id) = self.bookmarks.get(selected).copied() {
                        self.overlay = None;
                        self.go(Target::Entity(id));
                    }
                }
                Action::Bookmark => {
                    if selected < self.bookmarks.len() {
                        let id = self.bookmarks.remove(selected);
                        self.status = Some(format!(
                            "Removed the bookmark on {}",
                            self.briefing.entity(id).name
                        ));
                        self.move_selection_to(
                            selected.min(self.bookmarks.len().saturating_sub(1)),
                        );
                    }
                }
                other => self.move_selection(other, self.bookmarks.len()),
            },
        }
    }

    fn move_selection(&mut self, action: Action, count: usize) {
        let Some(
            Overlay::Search { selected, .. }
            | Overlay::Palette { selected, .. }
            | Overlay::Bookmarks { selected },
        ) = &self.overlay
        else {
            return;
        };
        let last = count.saturating_sub(1);
        let to = match action {
            Action::Next => (selected + 1).min(last),
            Action::Prev => selected.saturating_sub(1),
            Action::PageDown => (selected + 10).min(last),
            Action::PageUp => selected.saturating_sub(10),
            Action::First => 0,
            Action::Last => last,
            other => {
                self.overlay = None;
                return self.apply(other);
            }
        };
        self.move_selection_to(to);
    }

    fn move_selection_to(&mut self, to: usize) {
        if let Some(
            Overlay::Search { selected, .. }
            | Overlay::Palette { selected, .. }
            | Overlay::Bookmarks { selected },
        ) = &mut self.overlay
        {
            *selected = to;
        }
    }

    pub(super) fn open_search(&mut self) {
        self.overlay =
            Some(Overlay::Search { input: String::new(), hits: Vec::new(), total: 0, selected: 0 });
    }

    pub(super) fn open_palette(&mut self) {
        let results = self.palette.matches("", RESULTS);
        self.overlay = Some(Overlay::Palette { input: String::new(), results, selected: 0 });
    }

    pub(super) fn open_bookmarks(&mut self) {
        if self.bookmarks.is_empty() {
            let key = self.keymap.keys_for(Action::Bookmark).first().cloned().unwrap_or_default();
            self.status = Some(format!("No bookmarks yet: press {key} on an item to bookmark it"));
            return;
        }
        self.overlay = Some(Overlay::Bookmarks { selected: 0 });
    }

    /// Changes the typed text of the search or the palette and answers it at once.
    pub(super) fn edit_input(&mut self, change: impl FnOnce(&mut String)) {
        match &mut self.overlay {
            Some(Overlay::Search { input, hits, total, selected }) => {
                change(input);
                (*hits, *total) = if input.trim().is_empty() {
                    (Vec::new(), 0)
                } else {
                    self.index.search(input, RESULTS)
                };
                *selected = 0;
            }
            Some(Overlay::Palette { input, results, selected }) => {
                change(input);
                *results = self.palette.matches(input, RESULTS);
                *selected = 0;
            }
            _ => {}
        }
    }
}
