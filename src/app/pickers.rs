//! The boxes a person picks from: the briefing search and the palette answer as the reader
//! types; the bookmarks list and open. Rows are laid out here, where a click can find them,
//! and drawn by `ui::picker`.

use super::action::Action;
use super::layout;
use super::mode::{Mode, PaletteBox, SearchBox};
use super::shell::Shell;
use crate::content::EntityId;
use crate::document::Target;
use ratatui::layout::Rect;

/// How many results the search and the palette list at most.
pub const RESULTS: usize = 200;

/// A row of a picker: a group heading, or an item by its index among the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerRow {
    Heading,
    Item(usize),
}

/// Where a picker's box, its two header rows and its list go on the screen.
pub struct PickerLayout {
    pub area: Rect,
    pub inner: Rect,
    pub list: Rect,
}

pub fn picker_layout(screen: Rect) -> PickerLayout {
    let area = layout::overlay(screen, 100, 30);
    let inner = layout::padded(area);
    let header = 2.min(inner.height);
    let list = Rect { y: inner.y + header, height: inner.height - header, ..inner };
    PickerLayout { area, inner, list }
}

/// The first row on screen, so that the selected one is in view with a row below it.
pub fn window(selected_row: usize, height: usize) -> usize {
    selected_row.saturating_sub(height.saturating_sub(2))
}

impl Shell {
    /// The rows of the open picker, headings included.
    pub fn picker_rows(&self) -> Vec<PickerRow> {
        match &self.mode {
            Mode::Search(s) => {
                let mut rows = Vec::new();
                let mut group = None;
                for (i, hit) in s.hits.iter().enumerate() {
                    if group != Some(hit.group) {
                        rows.push(PickerRow::Heading);
                        group = Some(hit.group);
                    }
                    rows.push(PickerRow::Item(i));
                }
                rows
            }
            Mode::Palette(p) => (0..p.results.len()).map(PickerRow::Item).collect(),
            Mode::Bookmarks { .. } => {
                (0..self.session.bookmarks().len()).map(PickerRow::Item).collect()
            }
            Mode::Listing { listing, .. } => {
                (0..listing.items(&self.session.briefing).len()).map(PickerRow::Item).collect()
            }
            _ => Vec::new(),
        }
    }

    fn picker_selected(&self) -> usize {
        match &self.mode {
            Mode::Search(s) => s.selected,
            Mode::Palette(p) => p.selected,
            Mode::Bookmarks { selected } | Mode::Listing { selected, .. } => *selected,
            _ => 0,
        }
    }

    fn picker_count(&self) -> usize {
        self.picker_rows().iter().filter(|r| matches!(r, PickerRow::Item(_))).count()
    }

    fn set_picker_selected(&mut self, to: usize) {
        match &mut self.mode {
            Mode::Search(s) => s.selected = to,
            Mode::Palette(p) => p.selected = to,
            Mode::Bookmarks { selected } | Mode::Listing { selected, .. } => *selected = to,
            _ => {}
        }
    }

    pub(super) fn open_search(&mut self) {
        self.mode = Mode::Search(SearchBox::default());
    }

    pub(super) fn open_palette(&mut self) {
        self.mode = Mode::Palette(PaletteBox::default());
        self.edit_input(|_| {});
    }

    /// Whether an action left work to do in steps: `Action::Tick` does the next one.
    pub fn busy(&self) -> bool {
        matches!(self.mode, Mode::Palette(PaletteBox { searching: true, .. }))
    }

    /// The next step of a palette query, its results so far kept in the box.
    pub(super) fn continue_work(&mut self) {
        if !self.busy() {
            return;
        }
        let palette = self.session.palette();
        palette.step();
        let (results, matched, searching) =
            (palette.results(), palette.matched(), !palette.finished());
        if let Mode::Palette(p) = &mut self.mode {
            // The chosen entity stays chosen while better matches come in.
            let chosen = p.results.get(p.selected).copied();
            p.selected = chosen.and_then(|c| results.iter().position(|r| *r == c)).unwrap_or(0);
            (p.results, p.matched, p.searching) = (results, matched, searching);
        }
    }

    pub(super) fn open_bookmarks(&mut self) {
        if self.session.bookmarks().is_empty() {
            let key = self.keymap.key(Action::Bookmark).to_owned();
            self.status.say(format!("No bookmarks yet: press {key} on an item to bookmark it"));
            return;
        }
        self.mode = Mode::Bookmarks { selected: 0 };
    }

    /// An action while a picker is open. Returns the action to do after closing it, when
    /// the picker does not take it.
    pub(super) fn picker_action(&mut self, action: Action) -> Option<Action> {
        let count = self.picker_count();
        let selected = self.picker_selected();
        let last = count.saturating_sub(1);
        let page = picker_layout(self.screen()).list.height.max(1) as usize;
        match action {
            Action::Type(c) => self.edit_input(|input| input.push(c)),
            Action::DeleteBack => self.edit_input(|input| {
                input.pop();
            }),
            Action::ClearInput => self.edit_input(String::clear),
            Action::Next => self.set_picker_selected((selected + 1).min(last)),
            Action::Prev => self.set_picker_selected(selected.saturating_sub(1)),
            Action::PageDown => self.set_picker_selected((selected + page).min(last)),
            Action::PageUp => self.set_picker_selected(selected.saturating_sub(page)),
            Action::First => self.set_picker_selected(0),
            Action::Last => self.set_picker_selected(last),
            Action::Wheel { down, .. } => {
                let to = if down { (selected + 1).min(last) } else { selected.saturating_sub(1) };
                self.set_picker_selected(to);
            }
            Action::Click { column, row } => {
                let laid = picker_layout(self.screen());
                let at = ratatui::layout::Position { x: column, y: row };
                if !laid.area.contains(at) {
                    self.mode = Mode::Normal;
                } else if laid.list.contains(at) {
                    let rows = self.picker_rows();
                    let selected_row =
                        rows.iter().position(|r| *r == PickerRow::Item(selected)).unwrap_or(0);
                    let top = window(selected_row, laid.list.height as usize);
                    if let Some(PickerRow::Item(i)) = rows.get(top + (row - laid.list.y) as usize) {
                        self.set_picker_selected(*i);
                        self.open_picked();
                    }
                }
            }
            Action::Accept | Action::Follow => self.open_picked(),
            Action::Bookmark if matches!(self.mode, Mode::Bookmarks { .. }) => {
                if let Some(name) = self.session.remove_bookmark_at(selected) {
                    self.status.say(format!("Removed the bookmark on {name}"));
                }
                let left = self.session.bookmarks().len();
                if left == 0 {
                    self.mode = Mode::Normal;
                } else {
                    self.set_picker_selected(selected.min(left - 1));
                }
            }
            Action::Close | Action::Cancel => self.mode = Mode::Normal,
            Action::Bookmarks if matches!(self.mode, Mode::Bookmarks { .. }) => {
                self.mode = Mode::Normal
            }
            other => {
                self.mode = Mode::Normal;
                return Some(other);
            }
        }
        None
    }

    /// Opens the chosen result, bookmark or entity.
    fn open_picked(&mut self) {
        let mode = std::mem::take(&mut self.mode);
        match mode {
            Mode::Search(s) => {
                if let Some(hit) = s.hits.get(s.selected) {
                    let target = hit.target.clone();
                    self.go(target);
                    self.session.set_find(&s.input);
                }
            }
            Mode::Palette(p) => {
                if let Some(id) = p.results.get(p.selected) {
                    self.go(Target::Entity(*id));
                }
            }
            Mode::Bookmarks { selected } => {
                let id: Option<EntityId> = self.session.bookmarks().get(selected).copied();
                if let Some(id) = id {
                    self.go(Target::Entity(id));
                }
            }
            Mode::Listing { listing, selected } => {
                let id = listing.items(&self.session.briefing).get(selected).copied();
                if let Some(id) = id {
                    self.go(Target::Entity(id));
                }
            }
            other => self.mode = other,
        }
    }

    /// A box open over a briefing that was just replaced: the search and the palette answer
    /// their typed text anew; a list of entities and link labels, which name the old
    /// version's entities, close.
    pub(super) fn after_reload(&mut self) {
        match self.mode {
            Mode::Search(_) | Mode::Palette(_) => self.edit_input(|_| {}),
            Mode::Listing { .. } | Mode::Hints(_) => self.mode = Mode::Normal,
            Mode::Bookmarks { selected } => {
                let last = self.session.bookmarks().len().saturating_sub(1);
                self.mode = Mode::Bookmarks { selected: selected.min(last) };
            }
            _ => {}
        }
    }

    /// Changes the typed text of the search or the palette and answers it at once.
    fn edit_input(&mut self, change: impl FnOnce(&mut String)) {
        match &mut self.mode {
            Mode::Search(s) => {
                change(&mut s.input);
                let input = s.input.clone();
                let (hits, total) = if input.trim().is_empty() {
                    (Vec::new(), 0)
                } else {
                    self.session.search(&input, RESULTS)
                };
                if let Mode::Search(s) = &mut self.mode {
                    (s.hits, s.total, s.selected) = (hits, total, 0);
                }
            }
            Mode::Palette(p) => {
                change(&mut p.input);
                let input = p.input.clone();
                let palette = self.session.palette();
                palette.start(&input, RESULTS);
                let (results, matched, searching) =
                    (palette.results(), palette.matched(), !palette.finished());
                if let Mode::Palette(p) = &mut self.mode {
                    (p.results, p.matched, p.searching, p.selected) =
                        (results, matched, searching, 0);
                }
            }
            _ => {}
        }
    }
}
