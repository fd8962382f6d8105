//! The reader's state: which pane, what is selected and scrolled in each, the history of
//! places, and the wrapped pages for the current width.

use super::find::Find;
use super::hints::Hints;
use super::history::History;
use super::keymap::Keymap;
use crate::content::{Briefing, EntityId, Kind, Report};
use crate::document::wrap::Anchor;
use crate::document::{self, Doc, Wrapped};
use crate::search::index::{Hit, SearchIndex};
use crate::search::palette::Palette;
use crate::ui::layout::Areas;
use ratatui::layout::Rect;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Summary,
    Actors,
    Issues,
    Timeline,
    Places,
    Glossary,
    Source,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Summary,
        Tab::Actors,
        Tab::Issues,
        Tab::Timeline,
        Tab::Places,
        Tab::Glossary,
        Tab::Source,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Summary => "Summary",
            Tab::Actors => "Actors",
            Tab::Issues => "Issues",
            Tab::Timeline => "Timeline",
            Tab::Places => "Places",
            Tab::Glossary => "Glossary",
            Tab::Source => "Source",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).expect("every tab is in ALL")
    }

    /// The kind of entity the pane lists; prose panes list none.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tab::Actors => Some(Kind::Actor),
            Tab::Issues => Some(Kind::Issue),
            Tab::Timeline => Some(Kind::Event),
            Tab::Places => Some(Kind::Place),
            Tab::Glossary => Some(Kind::Term),
            Tab::Summary | Tab::Source => None,
        }
    }

    pub fn of_kind(kind: Kind) -> Tab {
        match kind {
            Kind::Actor => Tab::Actors,
            Kind::Issue => Tab::Issues,
            Kind::Event => Tab::Timeline,
            Kind::Place => Tab::Places,
            Kind::Term => Tab::Glossary,
        }
    }
}

/// Which part of an entity pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// The text column a focused link is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Main,
    Side,
}

/// Everything that says where a reader is in one pane. History saves and restores it whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    /// The selected position in the pane's list.
    pub selected: usize,
    /// The first list position on screen.
    pub list_offset: usize,
    pub focus: Focus,
    /// First row of the main text on screen.
    pub scroll: usize,
    /// First row of the related column on screen.
    pub side_scroll: usize,
    /// The focused link: its column and its index among that page's links.
    pub link: Option<(Column, usize)>,
    /// The source paragraph a citation opened, shown highlighted.
    pub highlight: Option<u32>,
    /// The words at the top of each column, kept while the reader only resizes, so that any
    /// number of resizes returns to the same words rather than drifting row by row.
    pub anchors: [Option<Anchor>; 2],
    /// An entity opened beside the selection (`F`), shown in the related column.
    pub beside: Option<EntityId>,
}

/// A place in the reader: a pane and where in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub tab: Tab,
    pub view: View,
    /// The selected entity itself, which outlives its position when a list changes.
    pub entity: Option<EntityId>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// Every diagnostic of a reload that failed.
    Problems {
        scroll: usize,
    },
    /// `s`: the whole briefing searched as you type.
    Search {
        input: String,
        hits: Vec<Hit>,
        total: usize,
        selected: usize,
    },
    /// Ctrl-K or `:`: jump to any entity by name.
    Palette {
        input: String,
        results: Vec<EntityId>,
        selected: usize,
    },
    /// `'`: the bookmarked entities.
    Bookmarks {
        selected: usize,
    },
}

/// Something for the terminal to do that is not drawing: `update` asks, the event loop does.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Start or stop capturing the mouse.
    Mouse(bool),
    /// Give the terminal back and stop until the shell resumes the reader.
    Suspend,
}

/// A page of text the reader can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Summary,
    Source,
    /// An entity's detail, with its relations and backlinks when there is no side column.
    Detail(EntityId, bool),
    Related(EntityId),
}

impl Page {
    pub fn doc(self, briefing: &Briefing) -> Doc {
        match self {
            Page::Summary => document::summary::doc(briefing),
            Page::Source => document::source::doc(briefing),
            Page::Detail(id, with_related) => document::detail::doc(briefing, id, with_related),
            Page::Related(id) => document::related::doc(briefing, id),
        }
    }
}

/// A pane's list: entity rows, with side headings on the Actors pane.
#[derive(Debug, Clone, PartialEq)]
pub enum ListRow {
    Heading(&'static str),
    Item(usize),
}

pub struct App {
    pub briefing: Briefing,
    pub keymap: Keymap,
    pub tab: Tab,
    pub views: [View; 7],
    pub history: History,
    pub overlay: Option<Overlay>,
    /// A message for the status line, cleared by the next action.
    pub status: Option<String>,
    pub size: Rect,
    pub quit: bool,
    /// For each pane, its list rows (with headings) and the row of each item; built at load.
    /// For each pane, the entities its list shows: all of its kind, or those the actor
    /// filter lets through.
    pub items: [Vec<EntityId>; 7],
    pub lists: [Vec<ListRow>; 7],
    pub item_rows: [Vec<usize>; 7],
    /// `a`: the actor whose events and issues the Timeline and Issues panes are narrowed to.
    pub filter: Option<EntityId>,
    /// `/`: the search in the text on screen, and the query being typed, if it is.
    pub find: Option<Find>,
    pub prompt: Option<String>,
    /// `f` or `F`: the labels on the links on screen, while the reader types one.
    pub hints: Option<Hints>,
    /// Whether a card describes the focused link's target.
    pub peek: bool,
    pub mouse: bool,
    /// Entities the reader has opened, marked in the lists.
    pub seen: HashSet<EntityId>,
    pub bookmarks: Vec<EntityId>,
    pub effects: Vec<Effect>,
    pub index: SearchIndex,
    pub palette: Palette,
    /// The problems of the last reload that failed; the briefing on screen is the last good
    /// one until the files are fixed.
    pub problems: Option<Report>,
    pub(super) wrapped: HashMap<(Page, u16), Rc<Wrapped>>,
}

/// A pane's list rows (with side headings on the Actors pane) and the row of each item.
pub(super) fn list_rows(briefing: &Briefing, items: &[EntityId]) -> (Vec<ListRow>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut item_rows = Vec::new();
    let mut last_side = None;
    for (i, id) in items.iter().enumerate() {
        if let crate::content::Details::Actor { side, .. } = briefing.entity(*id).details
            && last_side != Some(side)
        {
            rows.push(ListRow::Heading(side.label()));
            last_side = Some(side);
        }
        item_rows.push(rows.len());
        rows.push(ListRow::Item(i));
    }
    (rows, item_rows)
}

/// Pages wrapped for other widths are dropped past this many, so a long session's memory
/// stays bounded.
const CACHE_LIMIT: usize = 256;

impl App {
    pub fn new(briefing: Briefing, keymap: Keymap) -> App {
        let status = match briefing.notices.len() {
            0 => None,
            n => Some(format!(
                "Removed control characters from the text in {n} place{}; see the Summary",
                if n == 1 { "" } else { "s" }
            )),
        };
        let index = SearchIndex::build(&briefing);
        let palette = Palette::build(&briefing);
        let mut app = App {
            briefing,
            keymap,
            tab: Tab::Summary,
            views: Default::default(),
            history: History::default(),
            overlay: None,
            status,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            items: Default::default(),
            lists: Default::default(),
            item_rows: Default::default(),
            filter: None,
            find: None,
            prompt: None,
            hints: None,
            peek: true,
            mouse: false,
            seen: HashSet::new(),
            bookmarks: Vec::new(),
            effects: Vec::new(),
            index,
            palette,
            problems: None,
            wrapped: HashMap::new(),
        };
        app.rebuild_lists();
        app
    }

    pub fn view(&self) -> &View {
        &self.views[self.tab.index()]
    }

    pub fn view_mut(&mut self) -> &mut View {
        &mut self.views[self.tab.index()]
    }

    pub fn areas(&self) -> Areas {
        let list_width = match self.tab {
            Tab::Timeline => 36,
            _ => 28,
        };
        let banner = if self.problems.is_some() { 2 } else { 0 };
        Areas::new(self.size, self.tab.kind().is_some(), list_width, banner)
    }

    pub fn list_len(&self, tab: Tab) -> usize {
        self.items[tab.index()].len()
    }

    pub fn selected_entity(&self, tab: Tab) -> Option<EntityId> {
        self.items[tab.index()].get(self.views[tab.index()].selected).copied()
    }

    /// Where an entity stands in a pane's list, if the list shows it.
    pub fn position_in(&self, tab: Tab, id: EntityId) -> Option<usize> {
        let items = &self.items[tab.index()];
        let all = tab.kind().map_or(0, |k| self.briefing.count(k));
        if items.len() == all {
            // Unfiltered: the position indexed at load.
            Some(self.briefing.position(id)).filter(|p| items.get(*p) == Some(&id))
        } else {
            items.iter().position(|e| *e == id)
        }
    }

    /// The page in the main column of the current pane.
    pub fn main_page(&self) -> Option<Page> {
        match self.tab {
            Tab::Summary => Some(Page::Summary),
            Tab::Source => Some(Page::Source),
            tab => {
                let split = self.areas().side.is_some();
                self.selected_entity(tab).map(|id| Page::Detail(id, !split))
            }
        }
    }

    pub fn side_page(&self) -> Option<Page> {
        self.areas().side?;
        if let Some(beside) = self.view().beside {
            return Some(Page::Detail(beside, true));
        }
        self.selected_entity(self.tab).map(Page::Related)
    }

    pub fn page(&self, column: Column) -> Option<Page> {
        match column {
            Column::Main => self.main_page(),
            Column::Side => self.side_page(),
        }
    }

    pub fn text_area(&self, column: Column) -> Option<Rect> {
        match column {
            Column::Main => Some(self.areas().main_text()),
            Column::Side => self.areas().side_text(),
        }
    }

    /// The page wrapped for its column: from the cache that `update` keeps, or wrapped now
    /// (drawing must not change state, so it wraps without storing).
    pub fn wrapped(&self, column: Column) -> Option<Rc<Wrapped>> {
        let page = self.page(column)?;
        let width = self.text_area(column)?.width;
        Some(match self.wrapped.get(&(page, width)) {
            Some(w) => Rc::clone(w),
            None => Rc::new(document::wrap(&page.doc(&self.briefing), width)),
        })
    }

    /// Wraps the pages on screen if this width has not seen them yet.
    pub fn prepare(&mut self) {
        for column in [Column::Main, Column::Side] {
            let (Some(page), Some(area)) = (self.page(column), self.text_area(column)) else {
                continue;
            };
            if self.wrapped.contains_key(&(page, area.width)) {
                continue;
            }
            if self.wrapped.len() >= CACHE_LIMIT {
                self.wrapped.clear();
            }
            let wrapped = Rc::new(document::wrap(&page.doc(&self.briefing), area.width));
            self.wrapped.insert((page, area.width), wrapped);
        }
        self.refresh_find();
    }

    /// How to name a place in the trail.
    pub fn place_label(&self, place: &Place) -> String {
        match place.tab {
            Tab::Summary => "Summary".to_owned(),
            Tab::Source => match place.view.highlight {
                Some(n) => format!("Source ¶{n}"),
                None => "Source".to_owned(),
            },
            tab => match place
                .entity
                .or_else(|| self.items[tab.index()].get(place.view.selected).copied())
            {
                Some(id) => self.briefing.entity(id).name.clone(),
                None => tab.title().to_owned(),
            },
        }
    }

    pub fn here(&self) -> Place {
        Place { tab: self.tab, view: self.view().clone(), entity: self.selected_entity(self.tab) }
    }
}
