//! Reading text in a pane's columns: scrolling, the focused link, and keeping the words at the
//! top of each column through a resize. Both kinds of pane read text this way.

use crate::app::pages::Pages;
use crate::content::Briefing;
use crate::document::wrap::Anchor;
use crate::document::{Page, Target, Wrapped};
use ratatui::layout::Rect;
use std::rc::Rc;

/// A pane's text column: its main text, or the related column beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Main,
    Side,
}

impl Column {
    pub const BOTH: [Column; 2] = [Column::Main, Column::Side];

    pub fn index(self) -> usize {
        match self {
            Column::Main => 0,
            Column::Side => 1,
        }
    }
}

/// The link Tab moved to: its column, its place among the page's links, and the page it is
/// on, so that it never carries over to another page that happens to have as many links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusedLink {
    pub column: Column,
    pub index: usize,
    pub page: Page,
}

/// Where a reader is in a pane's text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// The first row on screen of each column.
    pub scroll: [usize; 2],
    pub link: Option<FocusedLink>,
    /// The words at the top of each column, kept while the reader only resizes, so that any
    /// number of resizes returns to the same words rather than drifting row by row.
    pub anchors: [Option<Anchor>; 2],
}

/// What each column shows and where: the page and its text area.
pub type Columns = [Option<(Page, Rect)>; 2];

/// A pane's reading together with what it needs to act: its columns, the page cache and the
/// briefing.
pub struct Text<'a> {
    pub reading: &'a mut Reading,
    pub columns: Columns,
    pub pages: &'a mut Pages,
    pub briefing: &'a Briefing,
}

impl Text<'_> {
    pub fn wrapped(&mut self, column: Column) -> Option<Rc<Wrapped>> {
        let (page, area) = self.columns[column.index()]?;
        Some(self.pages.get(self.briefing, page, area.width))
    }

    fn height(&self, column: Column) -> usize {
        self.columns[column.index()].map_or(0, |(_, a)| a.height as usize)
    }

    pub fn max_scroll(&mut self, column: Column) -> usize {
        let rows = self.wrapped(column).map_or(0, |w| w.height());
        rows.saturating_sub(self.height(column))
    }

    pub fn scroll_by(&mut self, column: Column, delta: isize) {
        let max = self.max_scroll(column);
        let scroll = &mut self.reading.scroll[column.index()];
        *scroll = offset(*scroll, delta, max);
        // A focused link that scrolls out of sight is let go, so the status line never
        // describes something the reader cannot see.
        if let Some(link) = self.reading.link
            && !self.visible(link.column, link.index)
        {
            self.reading.link = None;
        }
    }

    pub fn page_step(&mut self, direction: isize) {
        let rows = self.height(Column::Main).saturating_sub(1).max(1) as isize;
        self.scroll_by(Column::Main, direction * rows);
    }

    /// Whether a link's first row is on screen.
    pub fn visible(&mut self, column: Column, link: usize) -> bool {
        let top = self.reading.scroll[column.index()];
        let height = self.height(column);
        self.wrapped(column)
            .and_then(|w| w.link_row(link))
            .is_some_and(|row| row >= top && row < top + height)
    }

    /// Tab and Shift-Tab: the next link after the focused one, through the main text and then
    /// the related column; with none focused, the first link on screen. False when there is
    /// no link at all.
    pub fn cycle_link(&mut self, forward: bool) -> bool {
        let mut stops: Vec<(Column, usize, Page)> = Vec::new();
        for column in Column::BOTH {
            let Some((page, _)) = self.columns[column.index()] else { continue };
            if let Some(w) = self.wrapped(column) {
                stops.extend(
                    (0..w.links.len())
                        .filter(|i| !w.links[*i].is_empty())
                        .map(|i| (column, i, page)),
                );
            }
        }
        if stops.is_empty() {
            return false;
        }
        let current = self
            .reading
            .link
            .and_then(|l| stops.iter().position(|s| (s.0, s.1) == (l.column, l.index)));
        let next = match current {
            Some(at) if forward => stops[(at + 1) % stops.len()],
            Some(at) => stops[(at + stops.len() - 1) % stops.len()],
            None => {
                let visible: Vec<_> =
                    stops.iter().copied().filter(|(c, i, _)| self.visible(*c, *i)).collect();
                let pick = if forward { visible.first() } else { visible.last() };
                match pick {
                    Some(stop) => *stop,
                    None if forward => {
                        let below = stops.iter().copied().find(|(c, i, _)| {
                            let top = self.reading.scroll[c.index()];
                            self.wrapped(*c)
                                .and_then(|w| w.link_row(*i))
                                .is_some_and(|row| row >= top)
                        });
                        below.unwrap_or(stops[0])
                    }
                    None => stops[stops.len() - 1],
                }
            }
        };
        self.reading.link = Some(FocusedLink { column: next.0, index: next.1, page: next.2 });
        self.reveal_link();
        true
    }

    /// Scrolls the focused link's column just enough to show it.
    pub fn reveal_link(&mut self) {
        let Some(link) = self.reading.link else { return };
        let Some(row) = self.wrapped(link.column).and_then(|w| w.link_row(link.index)) else {
            return;
        };
        let height = self.height(link.column).max(1);
        let scroll = &mut self.reading.scroll[link.column.index()];
        if row < *scroll {
            *scroll = row;
        } else if row >= *scroll + height {
            *scroll = row + 1 - height;
        }
    }

    /// Focuses a link by its target where it is on screen, or anywhere, or lets go.
    pub fn focus_target(&mut self, target: &Target) {
        let mut found = None;
        for column in Column::BOTH {
            let Some((page, _)) = self.columns[column.index()] else { continue };
            if let Some(w) = self.wrapped(column)
                && let Some(i) = w.targets.iter().position(|t| t == target)
            {
                found = Some(FocusedLink { column, index: i, page });
                break;
            }
        }
        self.reading.link = found;
        if found.is_some() {
            self.reveal_link();
        }
    }

    pub fn focused_target(&mut self) -> Option<Target> {
        let link = self.reading.link?;
        self.wrapped(link.column)?.targets.get(link.index).cloned()
    }

    /// Clamps the scroll of each column and lets go of a link that is not on its page.
    pub fn clamp(&mut self) {
        for column in Column::BOTH {
            let max = self.max_scroll(column);
            let scroll = &mut self.reading.scroll[column.index()];
            *scroll = (*scroll).min(max);
        }
        if let Some(link) = self.reading.link {
            let page = self.columns[link.column.index()].map(|(p, _)| p);
            let exists = page == Some(link.page)
                && self.wrapped(link.column).is_some_and(|w| link.index < w.links.len());
            if !exists {
                self.reading.link = None;
            }
        }
    }

    /// The words at the top of each column, before a resize.
    pub fn anchors(&mut self) -> [Option<Anchor>; 2] {
        let mut out = self.reading.anchors;
        for column in Column::BOTH {
            if out[column.index()].is_none() {
                let top = self.reading.scroll[column.index()];
                out[column.index()] = self.wrapped(column).map(|w| w.anchor(top));
            }
        }
        out
    }

    /// After a resize: each column scrolls to the words it had at its top.
    pub fn restore_anchors(&mut self, anchors: [Option<Anchor>; 2]) {
        for column in Column::BOTH {
            if let (Some(anchor), Some(w)) = (anchors[column.index()], self.wrapped(column)) {
                self.reading.scroll[column.index()] = w.row_of(anchor);
                self.reading.anchors[column.index()] = Some(anchor);
            }
        }
    }

    /// The row a click landed on and its column inside the text, if it is on text.
    pub fn link_at(&mut self, column: Column, x: u16, y: u16) -> Option<usize> {
        let (_, area) = self.columns[column.index()]?;
        let row = self.reading.scroll[column.index()] + (y.checked_sub(area.y)?) as usize;
        self.wrapped(column)?.link_at(row, x.checked_sub(area.x)?)
    }
}

/// `from + delta`, clamped to `0..=max`.
pub fn offset(from: usize, delta: isize, max: usize) -> usize {
    let target = if delta < 0 {
        from.saturating_sub(delta.unsigned_abs())
    } else {
        from.saturating_add(delta as usize)
    };
    target.min(max)
}
