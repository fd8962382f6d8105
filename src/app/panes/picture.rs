//! Pictures: what an entity pane can show instead of its list. The Timeline draws its events
//! on a date axis, Places its places on a map, Actors their stances in a matrix.
//!
//! A picture is a view of its pane, not a pane of its own: it shows the pane's list (filtered
//! as the list is) and its selection is the list's, so the two are in step both ways without
//! copying anything. What only the picture has (zoom, pan, the matrix's column) lives in the
//! pane's view, so history and Back bring a picture back exactly as it was. What a picture
//! computes from the list (lanes, coordinates, the matrix's order) is kept in the pane and made
//! again only when the list changes (a filter, a reload).

use super::entities::EntityPane;
use super::map::{Gazetteer, MapView};
use super::matrix::{Matrix, MatrixView};
use super::timeline_axis::{Axis, AxisView};
use super::{Cx, Outcome, PaneId};
use crate::app::action::Action;
use crate::app::layout::{Areas, Shape, bordered};
use crate::content::Briefing;
use crate::document::Target;
use ratatui::layout::Rect;
use std::sync::atomic::{AtomicU64, Ordering};

/// Which picture a pane has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureKind {
    Axis,
    Map,
    Matrix,
}

impl PictureKind {
    pub fn of(pane: PaneId) -> Option<PictureKind> {
        match pane {
            PaneId::Timeline => Some(PictureKind::Axis),
            PaneId::Places => Some(PictureKind::Map),
            PaneId::Actors => Some(PictureKind::Matrix),
            _ => None,
        }
    }

    /// How the pane's title and the trail name the picture.
    pub fn name(self) -> &'static str {
        match self {
            PictureKind::Axis => "axis",
            PictureKind::Map => "map",
            PictureKind::Matrix => "stances",
        }
    }
}

/// Where the reader is in a picture: kept in the pane's view, and so in history.
#[derive(Debug, Clone, PartialEq)]
pub enum PictureView {
    Axis(AxisView),
    Map(MapView),
    Matrix(MatrixView),
}

impl PictureView {
    pub fn new(kind: PictureKind) -> PictureView {
        match kind {
            PictureKind::Axis => PictureView::Axis(AxisView::default()),
            PictureKind::Map => PictureView::Map(MapView::default()),
            PictureKind::Matrix => PictureView::Matrix(MatrixView::default()),
        }
    }
}

/// What a picture computes from its pane's list, once per list.
#[derive(Debug, Clone)]
pub enum Model {
    Axis(Axis),
    Map(Gazetteer),
    Matrix(Matrix),
}

impl Model {
    fn generation(&self) -> u64 {
        match self {
            Model::Axis(m) => m.generation,
            Model::Map(m) => m.generation,
            Model::Matrix(m) => m.generation,
        }
    }
}

/// A number for each list built, so a model knows whether it was made from the list shown.
pub fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What a picture needs to lay itself out: the briefing, the area inside its panel, and the
/// letters no key takes, which stand in for labels that do not fit.
pub struct Scene<'a> {
    pub briefing: &'a Briefing,
    pub area: Rect,
    pub letters: &'a [char],
}

/// The area a picture draws in: the body, inside its panel's border.
pub fn area(size: Rect, banner: u16) -> Rect {
    bordered(Areas::new(size, Shape::Prose, banner).main)
}

/// What an action on a picture did: a new selection for the pane to take, and what to tell
/// the shell.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub select: Option<usize>,
    pub outcome: Outcome,
}

impl Moved {
    pub fn select(position: usize) -> Moved {
        Moved { select: Some(position), outcome: Outcome::Done }
    }
    pub fn done() -> Moved {
        Moved { select: None, outcome: Outcome::Done }
    }
    pub fn ignored() -> Moved {
        Moved { select: None, outcome: Outcome::Ignored }
    }
    pub fn say(message: impl Into<String>) -> Moved {
        Moved { select: None, outcome: Outcome::Say(message.into()) }
    }
    pub fn go(target: Target) -> Moved {
        Moved { select: None, outcome: Outcome::Go(target) }
    }
}

/// The letters a picture may label with: the scene's, in order.
pub fn letters_for(letters: &[char], count: usize) -> Vec<char> {
    letters.iter().copied().take(count).collect()
}

impl EntityPane {
    pub fn picture_kind(&self) -> Option<PictureKind> {
        PictureKind::of(self.id)
    }

    /// Whether the pane shows its picture now.
    pub fn shows_picture(&self) -> bool {
        self.view.picture_shown && self.view.picture.is_some()
    }

    /// The picture's model, when it has been made for the list shown.
    pub fn model(&self) -> Option<&Model> {
        self.model.as_deref().filter(|m| m.generation() == self.list.generation)
    }

    fn ensure_model(&mut self, briefing: &Briefing) {
        if self.model().is_some() {
            return;
        }
        let generation = self.list.generation;
        let items = &self.list.items;
        self.model = self.picture_kind().map(|kind| {
            Box::new(match kind {
                PictureKind::Axis => Model::Axis(Axis::build(briefing, items, generation)),
                PictureKind::Map => Model::Map(Gazetteer::build(briefing, items, generation)),
                PictureKind::Matrix => Model::Matrix(Matrix::build(briefing, items, generation)),
            })
        });
    }

    /// `v`: the picture, or the list again.
    pub fn toggle_picture(&mut self, cx: &mut Cx<'_>) -> Outcome {
        let Some(kind) = self.picture_kind() else {
            return Outcome::Say(
                "No picture here: the Timeline, Places and Actors panes have one".to_owned(),
            );
        };
        if self.view.picture.is_none() {
            self.view.picture = Some(PictureView::new(kind));
        }
        self.view.picture_shown = !self.view.picture_shown;
        self.view.reading.link = None;
        if self.view.picture_shown {
            self.ensure_model(cx.briefing);
        }
        Outcome::Done
    }

    /// An action while the picture is shown.
    pub fn picture_update(&mut self, action: Action, cx: &mut Cx<'_>) -> Outcome {
        if action == Action::TogglePicture {
            return self.toggle_picture(cx);
        }
        self.ensure_model(cx.briefing);
        let scene =
            Scene { briefing: cx.briefing, area: area(cx.size, cx.banner), letters: cx.letters };
        let selected = self.view.selected;
        let moved = match (self.model.as_deref_mut(), self.view.picture.as_mut()) {
            (Some(Model::Axis(m)), Some(PictureView::Axis(v))) => {
                m.update(v, selected, action, &scene)
            }
            (Some(Model::Map(m)), Some(PictureView::Map(v))) => {
                m.update(v, selected, action, &scene)
            }
            (Some(Model::Matrix(m)), Some(PictureView::Matrix(v))) => {
                m.update(v, selected, action, &scene)
            }
            _ => Moved::ignored(),
        };
        if let Some(position) = moved.select {
            self.select(position);
        }
        moved.outcome
    }

    /// After every change: the model made for the list shown, the view fitted, following the
    /// selection and kept in range.
    pub fn settle_picture(&mut self, cx: &mut Cx<'_>) {
        if !self.shows_picture() {
            return;
        }
        self.ensure_model(cx.briefing);
        let area = area(cx.size, cx.banner);
        let selected = (!self.list.items.is_empty()).then_some(self.view.selected);
        let scene = Scene { briefing: cx.briefing, area, letters: cx.letters };
        match (self.model.as_deref_mut(), self.view.picture.as_mut()) {
            (Some(Model::Axis(m)), Some(PictureView::Axis(v))) => m.settle(v, selected, area),
            (Some(Model::Map(m)), Some(PictureView::Map(v))) => m.settle(v, selected, &scene),
            (Some(Model::Matrix(m)), Some(PictureView::Matrix(v))) => m.settle(v, selected, area),
            _ => {}
        }
    }
}
