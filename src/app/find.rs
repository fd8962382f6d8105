//! `/`: search the text on screen as you type; `n` and `N` step through the matches,
//! wrapping around; Esc clears. The query stays while the reader moves on, and matches are
//! found again in each new page, as in less.

use super::state::{App, Column, Page, Tab};
use crate::search::on_screen::{self, Match};

#[derive(Debug, Clone, PartialEq)]
pub struct Find {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// The page and width the matches were found in.
    found_in: Option<(Page, u16)>,
    /// Where the reader was when the search began, to go back to if it is cancelled.
    origin: Option<(Tab, usize)>,
}

impl App {
    pub(super) fn start_find(&mut self) {
        self.prompt = Some(String::new());
        self.find = Some(Find {
            query: String::new(),
            matches: Vec::new(),
            current: None,
            found_in: None,
            origin: Some((self.tab, self.view().scroll)),
        });
    }

    /// A new query, as it is typed: the first match at or below the top of the screen is
    /// shown.
    pub(super) fn set_find_query(&mut self, query: &str) {
        let origin = self.find.as_ref().and_then(|f| f.origin);
        if let Some((tab, scroll)) = origin
            && tab == self.tab
        {
            self.view_mut().scroll = scroll;
        }
        self.find = Some(Find {
            query: query.to_owned(),
            matches: Vec::new(),
            current: None,
            found_in: None,
            origin,
        });
        // The remembered scroll was counted at the width of the time; the terminal may have
        // been resized since.
        self.keep_in_bounds();
        self.refresh_find();
        if self.find.as_ref().is_some_and(|f| f.current.is_some()) {
            self.reveal_match();
        }
    }

    /// Set a search as if typed and accepted, as a briefing-wide search does when it opens a
    /// result: the match is highlighted where the result opens.
    pub fn find_text(&mut self, query: &str) {
        self.find = None;
        self.set_find_query(query);
        if let Some(find) = &mut self.find {
            find.origin = None;
        }
    }

    pub(super) fn accept_find(&mut self) {
        self.prompt = None;
        let Some(find) = &mut self.find else { return };
        find.origin = None;
        if find.query.is_empty() {
            self.find = None;
        } else if find.matches.is_empty() {
            self.status = Some(format!("No match for “{}” here", find.query));
        }
    }

    pub(super) fn cancel_find(&mut self) {
        self.prompt = None;
        if let Some((tab, scroll)) = self.find.take().and_then(|f| f.origin)
            && tab == self.tab
        {
            self.view_mut().scroll = scroll;
            self.keep_in_bounds();
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        self.refresh_find();
        let Some(find) = &mut self.find else {
            self.status = Some("No search: press / to search the text on screen".to_owned());
            return;
        };
        let count = find.matches.len();
        if count == 0 {
            self.status = Some(format!("No match for “{}” here", find.query));
            return;
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
        self.status = Some(format!("“{query}” {}/{count}{wrap}", next + 1));
    }

    /// Finds the matches again when the page on screen or its width has changed.
    pub(super) fn refresh_find(&mut self) {
        let Some(find) = &self.find else { return };
        let (Some(page), Some(area)) = (self.main_page(), self.text_area(Column::Main)) else {
            return;
        };
        if find.found_in == Some((page, area.width)) {
            return;
        }
        let Some(wrapped) = self.wrapped(Column::Main) else { return };
        let matches = on_screen::find(&wrapped, &find.query);
        let top = self.view().scroll;
        let current = matches.iter().position(|m| m.row() >= top).or(if matches.is_empty() {
            None
        } else {
            Some(0)
        });
        if let Some(find) = &mut self.find {
            find.matches = matches;
            find.current = current;
            find.found_in = Some((page, area.width));
        }
    }

    /// Scrolls so the current match is on screen, a third of the way down when it was not.
    fn reveal_match(&mut self) {
        let Some(row) = self.find.as_ref().and_then(|f| f.matches.get(f.current?)).map(Match::row)
        else {
            return;
        };
        let height = self.text_area(Column::Main).map_or(1, |a| a.height.max(1) as usize);
        let top = self.view().scroll;
        if row < top || row >= top + height {
            self.view_mut().scroll = row.saturating_sub(height / 3);
        }
        self.keep_in_bounds();
    }
}
