//! One open briefing and where the reader is in it: its panes, history, filter, bookmarks,
//! seen marks and the problems of a reload that failed. The shell holds the terminal's things;
//! a session holds nothing of the terminal but the size it was last laid out for, so several
//! can be open in one run, each keeping its place.

use super::action::Action;
use super::find::Find;
use super::history::History;
use super::layout::Areas;
use super::pages::Pages;
use super::panes::{Column, Focus, Highlight, Hit, Outcome, Pane, PaneId, PaneView};
use crate::content::{Briefing, EntityId, Report};
use crate::document::{PaneKeys, Target, Wrapped};
use crate::search::index::SearchIndex;
use crate::search::palette::Palette;
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::rc::Rc;
use strum::IntoEnumIterator;

/// A place in the reader: a pane and where in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub pane: PaneId,
    pub view: PaneView,
    /// The selected entity itself, which outlives its position when a list changes.
    pub entity: Option<EntityId>,
}

pub struct Session {
    pub briefing: Briefing,
    pub(super) panes: Vec<Pane>,
    pub(super) current: PaneId,
    pub history: History,
    /// `a`: the actor whose events and issues the Timeline and Issues panes are narrowed to.
    pub(super) filter: Option<EntityId>,
    pub(super) bookmarks: Vec<EntityId>,
    /// Entities the reader has opened, marked in the lists.
    pub(super) seen: HashSet<EntityId>,
    /// Ids of bookmarks and seen marks that the briefing does not have right now (an editor
    /// saving a half-written file): kept, so a later reload that restores them restores the
    /// marks too.
    pub(super) missing_marks: (Vec<String>, Vec<String>),
    /// The problems of the last reload that failed; the briefing on screen is the last good
    /// one until the files are fixed.
    pub(super) problems: Option<Report>,
    /// Built on first use: the first screen needs neither.
    pub(super) index: Option<SearchIndex>,
    pub(super) palette: Option<Palette>,
    pub(super) pages: Pages,
    /// `/`: the search in what is on screen.
    pub(super) find: Option<Find>,
    /// The screen the session was last laid out for.
    pub(super) size: Rect,
    /// The letters no key takes, in the order pictures hand them out as labels.
    pub(super) letters: Vec<char>,
}

/// Calls a pane's method with what it needs from the session, borrowing each part once.
macro_rules! with_pane {
    ($session:expr, $pane:ident, $cx:ident => $body:expr) => {{
        let banner = $session.banner_rows();
        let index = $session.current.index();
        #[allow(unused_mut)]
        let mut $cx = $crate::app::panes::Cx {
            briefing: &$session.briefing,
            pages: &mut $session.pages,
            size: $session.size,
            banner,
            letters: &$session.letters,
        };
        let $pane = &mut $session.panes[index];
        $body
    }};
}
pub(super) use with_pane;

impl Session {
    pub fn new(briefing: Briefing, keys: PaneKeys) -> Session {
        let panes = Pane::all(&briefing);
        let letters = keys.letters.clone();
        Session {
            briefing,
            panes,
            current: PaneId::Summary,
            history: History::default(),
            filter: None,
            bookmarks: Vec::new(),
            seen: HashSet::new(),
            missing_marks: (Vec::new(), Vec::new()),
            problems: None,
            index: None,
            palette: None,
            pages: Pages::new(keys),
            find: None,
            size: Rect::new(0, 0, 80, 24),
            letters,
        }
    }

    /// The letters pictures label with: those the keymap leaves free.
    pub fn letters(&self) -> &[char] {
        &self.letters
    }

    pub fn pane_id(&self) -> PaneId {
        self.current
    }

    pub fn pane(&self) -> &Pane {
        &self.panes[self.current.index()]
    }

    pub fn pane_of(&self, id: PaneId) -> &Pane {
        &self.panes[id.index()]
    }

    pub(super) fn pane_mut(&mut self) -> &mut Pane {
        &mut self.panes[self.current.index()]
    }

    pub fn banner_rows(&self) -> u16 {
        if self.problems.is_some() { 2 } else { 0 }
    }

    pub fn areas(&self) -> Areas {
        self.pane().areas(self.size, self.banner_rows())
    }

    pub fn problems(&self) -> Option<&Report> {
        self.problems.as_ref()
    }

    pub fn filter(&self) -> Option<EntityId> {
        self.filter
    }

    pub fn bookmarks(&self) -> &[EntityId] {
        &self.bookmarks
    }

    pub fn seen(&self) -> &HashSet<EntityId> {
        &self.seen
    }

    pub fn find(&self) -> Option<&Find> {
        self.find.as_ref()
    }

    pub fn pages(&self) -> &Pages {
        &self.pages
    }

    /// What `query` finds in the whole briefing (its index built on first use): at most
    /// `limit` hits, and how many there were in all.
    pub fn search(&mut self, query: &str, limit: usize) -> (Vec<crate::search::index::Hit>, usize) {
        let index = self.index.get_or_insert_with(|| SearchIndex::build(&self.briefing));
        index.search(&self.briefing, query, limit)
    }

    pub fn palette(&mut self) -> &mut Palette {
        self.palette.get_or_insert_with(|| Palette::build(&self.briefing))
    }

    /// The entity the reader is on: the selection of an entity pane.
    pub fn current_entity(&self) -> Option<EntityId> {
        self.pane().selected()
    }

    /// The page in a column of the current pane, wrapped for its width, for drawing.
    pub fn wrapped(&self, column: Column) -> Option<(Rc<Wrapped>, Rect)> {
        let (page, area) = self.pane().columns(&self.areas())[column.index()]?;
        Some((self.pages.peek(&self.briefing, page, area.width), area))
    }

    /// The focused link's target, if a link is focused.
    pub fn focused_target(&self) -> Option<Target> {
        let link = self.pane().reading().link?;
        let (wrapped, _) = self.wrapped(link.column)?;
        wrapped.targets.get(link.index).cloned()
    }

    /// Hands an action to the current pane.
    pub(super) fn act(&mut self, action: Action) -> Outcome {
        with_pane!(self, pane, cx => pane.update(action, &mut cx))
    }

    /// Shows a pane. Leaving the Source lets go of its highlighted paragraph: it marked where
    /// a citation led, and the reader has moved on.
    pub fn show(&mut self, id: PaneId) {
        if id != self.current
            && let Pane::Prose(p) = self.pane_mut()
        {
            p.view.highlight = None;
        }
        self.current = id;
    }

    pub fn here(&self) -> Place {
        Place { pane: self.current, view: self.pane().view(), entity: self.pane().selected() }
    }

    /// How to name a place in the trail.
    pub fn place_label(&self, place: &Place) -> String {
        match (place.pane, &place.view) {
            (PaneId::Source, PaneView::Prose(v)) => match v.highlight {
                Some(h) => format!("Source ¶{}", h.para),
                None => "Source".to_owned(),
            },
            (pane, PaneView::Entities(v)) if v.picture_shown && v.picture.is_some() => {
                let picture = super::panes::PictureKind::of(pane).map_or("", |k| k.name());
                format!("{} ({picture})", pane.title())
            }
            (pane, _) => match place.entity {
                Some(id) => self.briefing.entity(id).name.to_string(),
                None => pane.title().to_owned(),
            },
        }
    }

    /// Opens a link's target, remembering where the reader was. Returns what to tell them.
    pub fn go(&mut self, target: Target) -> Option<String> {
        match target {
            Target::Entity(id) => {
                let pane = PaneId::of_kind(self.briefing.entity(id).kind());
                let mut said = None;
                if self.position_in(pane, id).is_none() {
                    // The actor filter hides it; a followed link must land.
                    self.set_filter(None);
                    said = Some("Filter cleared to show the link's target".to_owned());
                }
                let position = self.position_in(pane, id).unwrap_or(0);
                self.seen.insert(id);
                // Opening the selection from a picture is a step: Back returns to the picture.
                let already_here = self.current == pane
                    && self.pane().selected() == Some(id)
                    && !matches!(self.pane(), Pane::Entities(p) if p.shows_picture());
                if !already_here {
                    self.history.leave(self.here());
                }
                self.show(pane);
                if let Pane::Entities(p) = self.pane_mut() {
                    p.select(position);
                    p.view.focus = Focus::Detail;
                    p.view.reading = Default::default();
                    p.view.picture_shown = false;
                }
                said
            }
            Target::Paragraph(n) => {
                self.open_paragraph(Highlight { para: n, passage: None });
                None
            }
            Target::Quote(id, quote) => {
                let para = self.briefing.quote(id, quote)?.para;
                self.open_paragraph(Highlight { para, passage: Some((id, quote)) });
                None
            }
            Target::External(url) => Some(format!("Outside address (not opened): {url}")),
            // A whole list opens in a box, which the shell handles.
            Target::More(_) => None,
        }
    }

    fn open_paragraph(&mut self, highlight: Highlight) {
        self.history.leave(self.here());
        self.show(PaneId::Source);
        let row = with_pane!(self, pane, cx => {
            let Pane::Prose(p) = pane else { return };
            p.view.highlight = Some(highlight);
            p.view.reading.link = None;
            let page = p.page();
            let areas = Areas::new(cx.size, crate::app::layout::Shape::Prose, cx.banner);
            cx.pages.get(cx.briefing, page, areas.main_text().width).paragraph_row(highlight.para)
        });
        // The paragraph's first row is the blank row above it: a margin, not a neighbour.
        self.pane_mut().reading_mut().scroll[0] = row.unwrap_or(0);
    }

    /// Where an entity stands in its pane's list, if the list shows it.
    pub fn position_in(&self, pane: PaneId, id: EntityId) -> Option<usize> {
        match self.pane_of(pane) {
            Pane::Entities(p) => p.list.position(id, &self.briefing),
            Pane::Prose(_) => None,
        }
    }

    pub fn back(&mut self) -> bool {
        match self.history.back(self.here()) {
            Some(place) => {
                self.restore(place);
                true
            }
            None => false,
        }
    }

    pub fn forward(&mut self) -> bool {
        match self.history.forward(self.here()) {
            Some(place) => {
                self.restore(place);
                true
            }
            None => false,
        }
    }

    fn restore(&mut self, place: Place) {
        self.current = place.pane;
        // The list may have changed since (a filter, a reload): find the item by identity.
        if let Some(id) = place.entity
            && self.position_in(place.pane, id).is_none()
        {
            self.set_filter(None);
        }
        let briefing = &self.briefing;
        self.panes[place.pane.index()].restore(place.view, place.entity, briefing);
    }

    /// Esc: lets go of the nearest thing the reader set up, one at a time: the focused link
    /// and its card, a highlighted paragraph, the search marks, an item opened beside, the
    /// actor filter; then focus returns to the list. Returns what to tell the reader.
    pub fn close(&mut self) -> Option<String> {
        if self.pane_mut().let_go_link() {
            return None;
        }
        if let Pane::Prose(p) = self.pane_mut()
            && p.view.highlight.take().is_some()
        {
            return None;
        }
        if self.find.take().is_some() {
            return Some("Search cleared".to_owned());
        }
        if let Pane::Entities(p) = self.pane_mut()
            && !p.shows_picture()
            && p.view.beside.take().is_some()
        {
            return None;
        }
        if self.filter.is_some() {
            self.set_filter(None);
            return Some("Filter cleared".to_owned());
        }
        if let Pane::Entities(p) = self.pane_mut() {
            if p.shows_picture() {
                p.view.picture_shown = false;
            } else {
                p.view.focus = Focus::List;
            }
        }
        None
    }

    /// What every change ends with: the pages on screen wrapped, every position clamped to
    /// what exists, and the search matches found again for what is on screen now.
    pub fn settle(&mut self) {
        with_pane!(self, pane, cx => pane.settle(&mut cx));
        self.refresh_find();
    }

    /// A new screen size: the text re-wraps, and each column keeps the words at its top.
    pub fn resize(&mut self, size: Rect) {
        let anchors = with_pane!(self, pane, cx => pane.text(&mut cx).anchors());
        let old_target = self.focused_target();
        self.size = size;
        with_pane!(self, pane, cx => {
            let mut text = pane.text(&mut cx);
            text.restore_anchors(anchors);
            // The same link stays focused even when the related column appears or goes.
            if let Some(target) = &old_target {
                text.focus_target(target);
            }
        });
        self.settle();
    }

    /// What is under a cell of the screen.
    pub fn hit(&mut self, column: u16, row: u16) -> Option<Hit> {
        with_pane!(self, pane, cx => pane.hit(column, row, &mut cx))
    }

    /// Every pane's list rebuilt from the briefing and the filter.
    pub(super) fn rebuild_lists(&mut self) {
        for pane in PaneId::iter() {
            let items = self.list_items(pane);
            let Some(items) = items else { continue };
            let Pane::Entities(p) = &mut self.panes[pane.index()] else { continue };
            let list = super::panes::List::build(&self.briefing, p.kind, items);
            p.set_list(list, &self.briefing);
        }
    }

    /// The entities a pane lists: all of its kind, or those the actor filter lets through.
    pub(super) fn list_items(&self, pane: PaneId) -> Option<Vec<EntityId>> {
        use crate::content::Details;
        let kind = pane.kind()?;
        let all = self.briefing.list(kind);
        let b = &self.briefing;
        Some(match (self.filter, pane) {
            (Some(actor), PaneId::Timeline) => all
                .iter()
                .copied()
                .filter(|e| matches!(&b.entity(*e).details, Details::Event { actors, .. } if actors.contains(&actor)))
                .collect(),
            (Some(actor), PaneId::Issues) => match &b.entity(actor).details {
                Details::Actor { issues, .. } => all.iter().copied().filter(|i| issues.contains(i)).collect(),
                _ => all.to_vec(),
            },
            _ => all.to_vec(),
        })
    }

    /// Changes the filter, keeping each narrowed pane on the same entity where it can.
    pub(super) fn set_filter(&mut self, filter: Option<EntityId>) {
        self.filter = filter;
        self.rebuild_lists();
    }

    /// The links on screen, in the order hints label them.
    pub fn links_on_screen(&mut self) -> Vec<(Column, usize)> {
        with_pane!(self, pane, cx => {
            let mut text = pane.text(&mut cx);
            let mut out = Vec::new();
            for column in Column::BOTH {
                if let Some(w) = text.wrapped(column) {
                    for i in 0..w.links.len() {
                        if text.visible(column, i) {
                            out.push((column, i));
                        }
                    }
                }
            }
            out
        })
    }

    /// Focuses a link by its place and returns its target.
    pub(super) fn focus_link(&mut self, column: Column, index: usize) -> Option<Target> {
        let (page, _) = self.pane().columns(&self.areas())[column.index()]?;
        self.pane_mut().reading_mut().link =
            Some(super::panes::FocusedLink { column, index, page });
        self.focused_target()
    }

    /// Opens an entity in the related column, leaving the selection where it is.
    pub(super) fn open_beside(&mut self, target: Target) -> Option<String> {
        let has_side = self.areas().side.is_some();
        match target {
            Target::Entity(id) if has_side => {
                let name = self.briefing.entity(id).name.clone();
                let Pane::Entities(p) = self.pane_mut() else { return self.go(target) };
                p.view.beside = Some(id);
                p.view.reading.scroll[1] = 0;
                p.view.reading.link = None;
                Some(format!("{name} is open beside"))
            }
            Target::Entity(_) => {
                self.go(target);
                Some("No room beside at this width, so it opened here".to_owned())
            }
            other => self.go(other),
        }
    }
}
