//! `/`: search what is on screen as you type; `n` and `N` step through the matches, wrapping
//! around; Esc clears. With a list focused the list is searched (and `n` selects the next
//! matching item), otherwise the text. The query stays while the reader moves on, and matches
//! are found again in each new page, as in less.

use super::panes::{Column, Focus, Pane, PaneId};
use super::session::{Session, with_pane};
use crate::document::Page;
use crate::search::fold::{fold, fold_query};
use crate::search::on_screen::{self, Match};

/// What the search looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A pane's list (by name), while the list has focus.
    List(PaneId),
    /// The main text of the page on screen, at a width.
    Text(Page, u16),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Find {
    pub query: String,
    pub scope: Option<Scope>,
    /// In text: every match, in reading order.
    pub matches: Vec<Match>,
    /// In a list: the positions of the items whose names match.
    pub items: Vec<usize>,
    pub current: Option<usize>,
}

impl Find {
    pub fn new(query: &str) -> Find {
        Find {
            query: query.to_owned(),
            scope: None,
            matches: Vec::new(),
            items: Vec::new(),
            current: None,
        }
    }

    /// How many matches there are in the scope searched.
    pub fn count(&self) -> usize {
        match self.scope {
            Some(Scope::List(_)) => self.items.len(),
            _ => self.matches.len(),
        }
    }
}

impl Session {
    /// What a search would look in now.
    fn scope(&self) -> Option<Scope> {
        match self.pane() {
            // A picture shows the list's items, so `/` searches their names and `n` selects.
            Pane::Entities(p)
                if (p.view.focus == Focus::List || p.shows_picture())
                    && !p.list.items.is_empty() =>
            {
                Some(Scope::List(p.id))
            }
            pane => {
                let (page, area) = pane.page(Column::Main, self.size, self.banner_rows())?;
                Some(Scope::Text(page, area.width))
            }
        }
    }

    /// A new query: matches found at once, the first at or below the top shown.
    pub fn set_find(&mut self, query: &str) {
        self.find = Some(Find::new(query));
        self.refresh_find();
        self.reveal_match();
    }

    /// Finds the matches again when what is on screen, or its width, has changed.
    pub(super) fn refresh_find(&mut self) {
        let scope = self.scope();
        let Some(find) = &self.find else { return };
        if find.scope == scope {
            return;
        }
        let query = find.query.clone();
        let mut fresh = Find::new(&query);
        fresh.scope = scope;
        match scope {
            Some(Scope::List(pane)) => {
                let Pane::Entities(p) = self.pane_of(pane) else { return };
                let (needle, keep_case) = fold_query(&query);
                if !needle.is_empty() {
                    fresh.items = p
                        .list
                        .items
                        .iter()
                        .enumerate()
                        .filter(|(_, id)| {
                            fold(&self.briefing.entity(**id).name, keep_case)
                                .find(&needle)
                                .is_some()
                        })
                        .map(|(i, _)| i)
                        .collect();
                }
                let selected = p.view.selected;
                fresh.current = fresh
                    .items
                    .iter()
                    .position(|i| *i >= selected)
                    .or((!fresh.items.is_empty()).then_some(0));
            }
            Some(Scope::Text(..)) => {
                let top = self.pane().reading().scroll[0];
                if let Some((wrapped, _)) = self.wrapped(Column::Main) {
                    fresh.matches = on_screen::find(&wrapped, &query);
                }
                fresh.current = fresh
                    .matches
                    .iter()
                    .position(|m| m.row() >= top)
                    .or((!fresh.matches.is_empty()).then_some(0));
            }
            None => {}
        }
        self.find = Some(fresh);
    }

    /// `n` and `N`. Returns the message for the status line.
    /// `keys` names the keys of the next match, the previous one, and of a new search.
    pub fn step_match(&mut self, forward: bool, keys: [&str; 3]) -> String {
        let [next_key, prev_key, find_key] = keys;
        self.refresh_find();
        let Some(find) = &mut self.find else {
            return format!("No search: press {find_key} to search what is on screen");
        };
        let count = find.count();
        if count == 0 {
            return format!("No match for “{}” here", find.query);
        }
        let (next, wrapped) = match find.current {
            Some(i) if forward => ((i + 1) % count, i + 1 == count),
            Some(i) => ((i + count - 1) % count, i == 0),
            None => (0, false),
        };
        find.current = Some(next);
        let query = find.query.clone();
        self.reveal_match();
        let wrap =
            if wrapped { if forward { " (from the top)" } else { " (from the end)" } } else { "" };
        format!("“{query}” {}/{count}{wrap} · {next_key}/{prev_key} next/previous", next + 1)
    }

    /// Shows the current match: in a list by selecting its item, in text by scrolling so it is
    /// on screen (a third of the way down when it was not).
    pub(super) fn reveal_match(&mut self) {
        let Some(find) = &self.find else { return };
        let Some(current) = find.current else { return };
        match find.scope {
            Some(Scope::List(_)) => {
                let position = find.items[current];
                if let Pane::Entities(p) = self.pane_mut() {
                    p.select(position);
                }
                // The list changed its selection, not its contents: the matches still hold.
            }
            Some(Scope::Text(..)) => {
                let row = find.matches[current].row();
                let height =
                    self.wrapped(Column::Main).map_or(1, |(_, a)| a.height.max(1) as usize);
                let top = self.pane().reading().scroll[0];
                if row < top || row >= top + height {
                    self.pane_mut().reading_mut().scroll[0] = row.saturating_sub(height / 3);
                }
                with_pane!(self, pane, cx => pane.text(&mut cx).clamp());
            }
            None => {}
        }
    }
}
