//! The Actors, Issues, Timeline, Places and Glossary panes: a list, the selected entity's
//! detail, and on wide terminals a column of its relations and backlinks (or an entity opened
//! beside it).

use super::reading::{Column, Columns, Reading, Text, offset};
use super::{Cx, Outcome, PaneId};
use crate::app::action::Action;
use crate::app::layout::{Areas, Shape};
use crate::content::{Briefing, Details, EntityId, Kind};
use crate::document::Page;
use unicode_width::UnicodeWidthStr;

/// Which part of an entity pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// A row of a pane's list: a group heading (a side of the actors) or an item by position.
#[derive(Debug, Clone, PartialEq)]
pub enum ListRow {
    Heading(String),
    Item(usize),
}

/// The entities a list shows, its rows with headings, and how wide its rows are.
#[derive(Debug, Clone, Default)]
pub struct List {
    pub items: Vec<EntityId>,
    pub rows: Vec<ListRow>,
    /// The row of each item.
    pub item_rows: Vec<usize>,
    /// The widest row, for the layout: marks, date and name.
    pub width: u16,
    /// The widest date written whole and written compact, measured once here rather than on
    /// every frame.
    pub date_widths: (usize, usize),
    /// Whether the list holds every entity of its kind, so positions are the briefing's own.
    complete: bool,
    /// Which list this is: a picture made from another list is made again.
    pub generation: u64,
}

/// Names wider than this do not widen the list further; they end in "…".
const NAME_WIDTH: usize = 48;

/// The width of " (draft)", drawn after a draft's name.
const DRAFT_TAG_WIDTH: usize = 8;

impl List {
    pub fn build(briefing: &Briefing, kind: Kind, items: Vec<EntityId>) -> List {
        let mut rows = Vec::with_capacity(items.len());
        let mut item_rows = Vec::with_capacity(items.len());
        let mut last_side = None;
        let (mut dates, mut names, mut compact) = (0, 0, 0);
        for (i, id) in items.iter().enumerate() {
            let entity = briefing.entity(*id);
            if let Details::Actor { side, .. } = entity.details
                && last_side != Some(side)
            {
                rows.push(ListRow::Heading(briefing.side_name(side).to_owned()));
                last_side = Some(side);
            }
            item_rows.push(rows.len());
            rows.push(ListRow::Item(i));
            // The date column is as wide as the widest date, whatever the name beside it.
            dates = dates.max(entity.date().map_or(0, |d| d.when().width() + 2));
            compact = compact.max(entity.date().map_or(0, |d| d.compact().width()));
            // A draft's " (draft)" widens the list with its name, where there is room.
            let tag = if entity.draft { DRAFT_TAG_WIDTH } else { 0 };
            names = names.max(entity.name.width().min(NAME_WIDTH) + tag);
        }
        let width = 2 + dates + names;
        let complete = items.len() == briefing.count(kind);
        let date_widths = (dates.saturating_sub(2), compact);
        let generation = super::picture::next_generation();
        List { items, rows, item_rows, width: width as u16, date_widths, complete, generation }
    }

    /// Where an entity stands in the list, if the list shows it.
    pub fn position(&self, id: EntityId, briefing: &Briefing) -> Option<usize> {
        if self.complete {
            // Unfiltered: the position the briefing indexed at load, found without a scan.
            let position = briefing.position(id);
            return (self.items.get(position) == Some(&id)).then_some(position);
        }
        self.items.iter().position(|e| *e == id)
    }
}

/// Where a reader is in an entity pane. History saves and restores it whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntityView {
    /// The selected position in the list.
    pub selected: usize,
    /// The first list row on screen.
    pub list_offset: usize,
    pub focus: Focus,
    pub reading: Reading,
    /// An entity opened beside the selection (`F`), shown in the related column.
    pub beside: Option<EntityId>,
    /// Whether the pane's picture is shown instead of its list and detail.
    pub picture_shown: bool,
    /// Where the reader is in the pane's picture, kept while the list is shown.
    pub picture: Option<super::PictureView>,
}

#[derive(Debug, Clone)]
pub struct EntityPane {
    pub id: PaneId,
    pub kind: Kind,
    pub list: List,
    pub view: EntityView,
    /// What the pane's picture computed from the list, once it was first shown.
    pub model: Option<Box<super::Model>>,
}

impl EntityPane {
    pub fn new(id: PaneId, briefing: &Briefing, items: Vec<EntityId>) -> EntityPane {
        let kind = id.kind().expect("an entity pane lists a kind");
        let picture = super::PictureKind::of(id).map(super::PictureView::new);
        EntityPane {
            id,
            kind,
            list: List::build(briefing, kind, items),
            view: EntityView { picture, ..EntityView::default() },
            model: None,
        }
    }

    pub fn shape(&self) -> Shape {
        if self.shows_picture() {
            return Shape::Prose;
        }
        Shape::Entities { list_width: self.list.width, list_first: self.kind == Kind::Event }
    }

    pub fn selected(&self) -> Option<EntityId> {
        self.list.items.get(self.view.selected).copied()
    }

    pub fn columns(&self, areas: &Areas) -> Columns {
        if self.shows_picture() {
            return [None, None];
        }
        let split = areas.side.is_some();
        let main = self.selected().map(|id| (Page::Detail(id, !split), areas.main_text()));
        let side = areas.side_text().and_then(|area| {
            let page = match self.view.beside {
                Some(beside) => Page::Detail(beside, true),
                None => Page::Related(self.selected()?),
            };
            Some((page, area))
        });
        [main, side]
    }

    /// Selects a list position; the detail starts again at its top.
    pub fn select(&mut self, position: usize) {
        let last = self.list.items.len().saturating_sub(1);
        let position = position.min(last);
        if self.view.selected != position {
            self.view.selected = position;
            self.view.reading = Reading::default();
        }
    }

    /// Replaces the list (a filter changed, the briefing reloaded), keeping the selection on
    /// the same entity where the new list has it.
    pub fn set_list(&mut self, list: List, briefing: &Briefing) {
        let selected = self.selected();
        self.list = list;
        match selected.and_then(|id| self.list.position(id, briefing)) {
            Some(position) => self.view.selected = position,
            None => {
                self.view.selected = 0;
                self.view.reading = Reading::default();
            }
        }
    }

    fn on_list(&self) -> bool {
        self.view.focus == Focus::List
    }

    /// The item shown on list row `row` of the list's area, if it is an item.
    pub fn item_at(&self, row: u16) -> Option<usize> {
        match self.list.rows.get(self.view.list_offset + row as usize)? {
            ListRow::Item(position) => Some(*position),
            ListRow::Heading(_) => None,
        }
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx<'_>) -> Outcome {
        if self.shows_picture() {
            return self.picture_update(action, cx);
        }
        if action == Action::TogglePicture {
            return self.toggle_picture(cx);
        }
        let areas = Areas::new(cx.size, self.shape(), cx.banner);
        let len = self.list.items.len();
        let list_rows = areas.list_rows().map_or(1, |r| r.height.max(1) as isize);
        if self.on_list() {
            let step = match action {
                Action::Next => Some(1),
                Action::Prev => Some(-1),
                Action::PageDown => Some(list_rows),
                Action::PageUp => Some(-list_rows),
                Action::First => Some(isize::MIN),
                Action::Last => Some(isize::MAX),
                _ => None,
            };
            if let Some(step) = step {
                self.select(offset(self.view.selected, step, len.saturating_sub(1)));
                return Outcome::Done;
            }
        }
        let columns = self.columns(&areas);
        let mut text = Text {
            reading: &mut self.view.reading,
            columns,
            pages: cx.pages,
            briefing: cx.briefing,
        };
        match action {
            Action::Next => text.scroll_by(Column::Main, 1),
            Action::Prev => text.scroll_by(Column::Main, -1),
            Action::PageDown => text.page_step(1),
            Action::PageUp => text.page_step(-1),
            Action::First => text.scroll_by(Column::Main, isize::MIN),
            Action::Last => text.scroll_by(Column::Main, isize::MAX),
            Action::NextLink | Action::PrevLink => {
                if !text.cycle_link(action == Action::NextLink) {
                    return Outcome::Say("No links here".to_owned());
                }
                self.view.focus = Focus::Detail;
            }
            Action::FocusList => {
                self.view.focus = Focus::List;
                self.view.reading.link = None;
            }
            Action::FocusDetail => {
                if len > 0 {
                    self.view.focus = Focus::Detail;
                }
            }
            Action::Follow => {
                if len == 0 {
                    return Outcome::Say("This list is empty".to_owned());
                }
                if let Some(target) = text.focused_target() {
                    return Outcome::Go(target);
                }
                // Opening the selected item only moves focus to its detail; it is not a step
                // in the history, so Back keeps meaning "where I came from".
                if self.on_list() {
                    self.view.focus = Focus::Detail;
                    return self.selected().map_or(Outcome::Done, Outcome::Opened);
                }
                return Outcome::NoLink;
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Done
    }

    /// Keeps the selection in bounds and on screen, with its group's heading when it is the
    /// first of its group.
    pub fn keep_selection_in_view(&mut self, areas: &Areas) {
        let len = self.list.items.len();
        let rows = areas.list_rows().map_or(1, |r| r.height.max(1) as usize);
        let view = &mut self.view;
        if view.selected >= len {
            view.selected = len.saturating_sub(1);
        }
        if let Some(row) = self.list.item_rows.get(view.selected).copied() {
            let wanted_top = row.saturating_sub(1);
            if wanted_top < view.list_offset || row < view.list_offset {
                view.list_offset = wanted_top;
            } else if row >= view.list_offset + rows {
                view.list_offset = row + 1 - rows;
            }
        }
        view.list_offset = view.list_offset.min(self.list.rows.len().saturating_sub(rows));
    }
}
