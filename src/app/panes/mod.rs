//! Panes as values: each variant owns its state, updates from an action, answers where a
//! click landed, and gives and takes back what history and memory keep. Adding a pane is
//! adding a variant and its file (and its drawing in `ui/panes/`).

pub mod calendar;
mod entities;
pub mod map;
pub mod matrix;
pub mod picture;
mod prose;
pub mod reading;
pub mod timeline_axis;

pub use entities::{EntityPane, EntityView, Focus, List, ListRow};
pub use picture::{Model, PictureKind, PictureView};
pub use prose::{Highlight, ProsePane, ProseView};
pub use reading::{Column, FocusedLink, Reading};

use super::action::Action;
use super::layout::{Areas, Shape};
use super::memory::PaneMemory;
use super::pages::Pages;
use crate::content::{Briefing, EntityId, Kind};
use crate::document::{Page, Target};
use ratatui::layout::Rect;
use strum::{EnumIter, IntoEnumIterator};

/// The panes of a briefing, in the order of the tab row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum PaneId {
    Summary,
    Actors,
    Issues,
    Timeline,
    Places,
    Glossary,
    Source,
}

impl PaneId {
    pub fn title(self) -> &'static str {
        match self {
            PaneId::Summary => "Summary",
            PaneId::Actors => "Actors",
            PaneId::Issues => "Issues",
            PaneId::Timeline => "Timeline",
            PaneId::Places => "Places",
            PaneId::Glossary => "Glossary",
            PaneId::Source => "Source",
        }
    }

    pub fn index(self) -> usize {
        PaneId::iter().position(|p| p == self).expect("every pane is listed")
    }

    /// The kind of entity the pane lists; prose panes list none.
    pub fn kind(self) -> Option<Kind> {
        match self {
            PaneId::Actors => Some(Kind::Actor),
            PaneId::Issues => Some(Kind::Issue),
            PaneId::Timeline => Some(Kind::Event),
            PaneId::Places => Some(Kind::Place),
            PaneId::Glossary => Some(Kind::Term),
            PaneId::Summary | PaneId::Source => None,
        }
    }

    pub fn of_kind(kind: Kind) -> PaneId {
        match kind {
            Kind::Actor => PaneId::Actors,
            Kind::Issue => PaneId::Issues,
            Kind::Event => PaneId::Timeline,
            Kind::Place => PaneId::Places,
            Kind::Term => PaneId::Glossary,
        }
    }

    /// The action that shows the pane.
    pub fn action(self) -> Action {
        match self {
            PaneId::Summary => Action::ShowSummary,
            PaneId::Actors => Action::ShowActors,
            PaneId::Issues => Action::ShowIssues,
            PaneId::Timeline => Action::ShowTimeline,
            PaneId::Places => Action::ShowPlaces,
            PaneId::Glossary => Action::ShowGlossary,
            PaneId::Source => Action::ShowSource,
        }
    }

    /// The name memory files use.
    pub fn key(self) -> String {
        self.title().to_lowercase()
    }
}

#[derive(Debug, Clone)]
pub enum Pane {
    Prose(ProsePane),
    Entities(EntityPane),
}

/// What a pane needs from the session to act: the briefing, the page cache and the layout.
pub struct Cx<'a> {
    pub briefing: &'a Briefing,
    pub pages: &'a mut Pages,
    pub size: Rect,
    pub banner: u16,
    /// The letters no key takes, which pictures label with.
    pub letters: &'a [char],
}

/// What came of an action a pane was given.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done,
    /// Follow this link: the session moves there and remembers where the reader was.
    Go(Target),
    /// The selected item was opened: it counts as seen.
    Opened(EntityId),
    /// Tell the reader something.
    Say(String),
    /// Enter with no link focused: the reader needs to know how to choose one.
    NoLink,
    /// The pane does nothing with this action.
    Ignored,
}

/// What is under a cell of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An item of the list, by position.
    Item(usize),
    /// Somewhere in the list that is not an item (a heading, below the last item).
    List,
    Link(Column, usize),
    /// Text that is not a link.
    Text(Column),
}

/// What history and memory keep of a pane: where the reader was in it.
#[derive(Debug, Clone, PartialEq)]
pub enum PaneView {
    Prose(ProseView),
    Entities(EntityView),
}

impl Pane {
    /// Every pane of a briefing, in tab order.
    pub fn all(briefing: &Briefing) -> Vec<Pane> {
        PaneId::iter()
            .map(|id| match id.kind() {
                Some(kind) => {
                    Pane::Entities(EntityPane::new(id, briefing, briefing.list(kind).to_vec()))
                }
                None => Pane::Prose(ProsePane::new(id)),
            })
            .collect()
    }

    pub fn id(&self) -> PaneId {
        match self {
            Pane::Prose(p) => p.id,
            Pane::Entities(p) => p.id,
        }
    }

    pub fn shape(&self) -> Shape {
        match self {
            Pane::Prose(_) => Shape::Prose,
            Pane::Entities(p) => p.shape(),
        }
    }

    pub fn areas(&self, size: Rect, banner: u16) -> Areas {
        Areas::new(size, self.shape(), banner)
    }

    /// The page in a column and the text area it is wrapped to.
    pub fn columns(&self, areas: &Areas) -> reading::Columns {
        match self {
            Pane::Prose(p) => p.columns(areas),
            Pane::Entities(p) => p.columns(areas),
        }
    }

    pub fn reading(&self) -> &Reading {
        match self {
            Pane::Prose(p) => &p.view.reading,
            Pane::Entities(p) => &p.view.reading,
        }
    }

    pub fn reading_mut(&mut self) -> &mut Reading {
        match self {
            Pane::Prose(p) => &mut p.view.reading,
            Pane::Entities(p) => &mut p.view.reading,
        }
    }

    /// The pane's text, ready to act on.
    pub fn text<'a>(&'a mut self, cx: &'a mut Cx<'_>) -> reading::Text<'a> {
        let areas = self.areas(cx.size, cx.banner);
        let columns = self.columns(&areas);
        reading::Text {
            reading: self.reading_mut(),
            columns,
            pages: cx.pages,
            briefing: cx.briefing,
        }
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx<'_>) -> Outcome {
        match self {
            Pane::Prose(p) => p.update(action, cx),
            Pane::Entities(p) => p.update(action, cx),
        }
    }

    pub fn hit(&mut self, column: u16, row: u16, cx: &mut Cx<'_>) -> Option<Hit> {
        let at = ratatui::layout::Position { x: column, y: row };
        let areas = self.areas(cx.size, cx.banner);
        if let Pane::Entities(p) = self
            && let Some(list) = areas.list_rows()
            && list.contains(at)
        {
            return Some(p.item_at(row - list.y).map_or(Hit::List, Hit::Item));
        }
        let panels = [Some(areas.main), areas.side];
        for column_ in Column::BOTH {
            if !panels[column_.index()].is_some_and(|p| p.contains(at)) {
                continue;
            }
            let mut text = self.text(cx);
            return Some(match text.link_at(column_, column, row) {
                Some(link) => Hit::Link(column_, link),
                None => Hit::Text(column_),
            });
        }
        None
    }

    /// The entity the pane has selected; none on prose panes.
    pub fn selected(&self) -> Option<EntityId> {
        match self {
            Pane::Prose(_) => None,
            Pane::Entities(p) => p.selected(),
        }
    }

    /// Clamps everything to what exists after any change, and keeps the selection in view.
    pub fn settle(&mut self, cx: &mut Cx<'_>) {
        if let Pane::Entities(p) = self {
            if p.shows_picture() {
                let len = p.list.items.len();
                p.view.selected = p.view.selected.min(len.saturating_sub(1));
                p.settle_picture(cx);
            } else {
                let areas = Areas::new(cx.size, p.shape(), cx.banner);
                p.keep_selection_in_view(&areas);
            }
        }
        self.text(cx).clamp();
        if let Pane::Prose(p) = self {
            p.settle_highlight(cx);
        }
    }

    pub fn view(&self) -> PaneView {
        match self {
            Pane::Prose(p) => PaneView::Prose(p.view.clone()),
            Pane::Entities(p) => PaneView::Entities(p.view.clone()),
        }
    }

    /// Puts the reader back where `view` says; `entity` finds the selection again by
    /// identity when the list changed since.
    pub fn restore(&mut self, view: PaneView, entity: Option<EntityId>, briefing: &Briefing) {
        match (self, view) {
            (Pane::Prose(p), PaneView::Prose(v)) => p.view = v,
            (Pane::Entities(p), PaneView::Entities(v)) => {
                p.view = v;
                if let Some(position) = entity.and_then(|e| p.list.position(e, briefing)) {
                    p.view.selected = position;
                }
            }
            _ => {}
        }
    }

    pub fn remember(&self, briefing: &Briefing) -> PaneMemory {
        let reading = self.reading();
        match self {
            Pane::Prose(_) => PaneMemory {
                selected: None,
                scroll: reading.scroll[0],
                detail: false,
                paragraph: None,
                picture: false,
            },
            Pane::Entities(p) => PaneMemory {
                selected: p.selected().map(|e| briefing.entity(e).id.to_string()),
                scroll: reading.scroll[0],
                detail: p.view.focus == Focus::Detail,
                paragraph: None,
                picture: p.shows_picture(),
            },
        }
    }

    pub fn recall(&mut self, memory: &PaneMemory, briefing: &Briefing) {
        self.reading_mut().scroll[0] = memory.scroll;
        if let Pane::Entities(p) = self {
            let position = memory
                .selected
                .as_deref()
                .and_then(|id| briefing.lookup(id))
                .and_then(|e| p.list.position(e, briefing));
            if let Some(position) = position {
                p.view.selected = position;
            }
            p.view.focus = if memory.detail { Focus::Detail } else { Focus::List };
            p.view.picture_shown = memory.picture && p.view.picture.is_some();
        }
    }

    /// Lets go of the focused link; true when there was one.
    pub fn let_go_link(&mut self) -> bool {
        self.reading_mut().link.take().is_some()
    }

    /// Clears what a resize kept, because the reader moved.
    pub fn forget_anchors(&mut self) {
        self.reading_mut().anchors = [None, None];
    }

    /// What a reader's moving changes; when it changes, the kept anchors no longer apply.
    pub fn position_state(&self) -> (usize, [usize; 2], Option<Highlight>) {
        let selected = match self {
            Pane::Entities(p) => p.view.selected,
            Pane::Prose(_) => 0,
        };
        let highlight = match self {
            Pane::Prose(p) => p.view.highlight,
            Pane::Entities(_) => None,
        };
        (selected, self.reading().scroll, highlight)
    }

    /// The page each column shows, for finding links and matches in it.
    pub fn page(&self, column: Column, size: Rect, banner: u16) -> Option<(Page, Rect)> {
        let areas = self.areas(size, banner);
        self.columns(&areas)[column.index()]
    }
}
