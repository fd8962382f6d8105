//! Places on a map: coastlines and borders from Natural Earth (`crate::geo`), the briefing's
//! places marked and labelled where the label fits, given a letter where it does not. The
//! view first fits the places that lie together (Europe, for the bundled briefing); a place far
//! from the rest (Fort Greely in Alaska) is marked at the map's edge by an arrow pointing to
//! it, with its name, and selecting it pans the map there. An edge marker keeps the map at the
//! scale where the rest can be told apart, and says which way the place lies, where an inset
//! would cost a corner of the map and show a dot with no surroundings.
//!
//! One function (`Gazetteer::lay_out`, through `Projection::cell_of`) places every marker and
//! label; drawing and hit-testing both read its answer, so a click selects what is drawn there.

use super::picture::{Moved, Scene};
use crate::app::action::Action;
use crate::content::{Briefing, Details, EntityId};
use crate::document::Target;
use crate::geo::{Projection, Viewport, lon_shrink};
use ratatui::layout::Rect;
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// A place with coordinates, by its list position.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: EntityId,
    pub position: usize,
    pub lon: f64,
    pub lat: f64,
}

/// What the map knows of a list of places: computed once per list.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub generation: u64,
    pub placed: Vec<Placed>,
    /// For each list position, its place and its index in `placed`.
    pub ids: Vec<EntityId>,
    index: Vec<Option<u32>>,
    /// List positions of the places with no coordinates.
    pub unplaced: Vec<usize>,
    /// The places that lie together, with a margin: the first view.
    pub fit: Viewport,
    /// Every place.
    pub all: Viewport,
}

/// What the view was last fitted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapFit {
    #[default]
    Free,
    /// The places that lie together.
    Places,
    /// Every place.
    All,
}

/// Where the reader is on the map; history keeps it whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapView {
    /// The middle of the view, `(lon, lat)`.
    pub centre: (f64, f64),
    /// Half the view's extent: east–west in degrees of latitude's length (so it means the same
    /// distance at any latitude), and north–south in degrees. Zero until first fitted.
    pub half: (f64, f64),
    pub fit: MapFit,
    /// The selection the view last moved to show.
    pub followed: Option<EntityId>,
}

/// A margin around the fitted places, as a share of their span.
const MARGIN: f64 = 0.15;
/// The closest view: about 70 km from top to bottom.
const MIN_HALF: f64 = 0.3;

/// How far apart two places are, roughly, in km.
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mut dlon = (a.0 - b.0).abs();
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    let dx = dlon * ((a.1 + b.1) / 2.0).to_radians().cos();
    let dy = a.1 - b.1;
    (dx * dx + dy * dy).sqrt() * 111.2
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
}

impl Gazetteer {
    pub fn build(briefing: &Briefing, items: &[EntityId], generation: u64) -> Gazetteer {
        let mut placed = Vec::new();
        let mut index = vec![None; items.len()];
        let mut unplaced = Vec::new();
        for (position, id) in items.iter().enumerate() {
            match &briefing.entity(*id).details {
                Details::Place { location: Some(at), .. }
                    if at.lon.is_finite() && at.lat.is_finite() =>
                {
                    index[position] = Some(placed.len() as u32);
                    let lon = at.lon.clamp(-180.0, 180.0);
                    placed.push(Placed { id: *id, position, lon, lat: at.lat.clamp(-90.0, 90.0) });
                }
                _ => unplaced.push(position),
            }
        }
        let points: Vec<(f64, f64)> = placed.iter().map(|p| (p.lon, p.lat)).collect();
        // The places that lie together: within three times the median distance from their
        // middle (and at least 1,500 km), so that one far place does not shrink the rest.
        let middle = (
            median(points.iter().map(|p| p.0).collect()),
            median(points.iter().map(|p| p.1).collect()),
        );
        let reach =
            (median(points.iter().map(|p| distance_km(*p, middle)).collect()) * 3.0).max(1500.0);
        let together: Vec<(f64, f64)> =
            points.iter().copied().filter(|p| distance_km(*p, middle) <= reach).collect();
        Gazetteer {
            generation,
            fit: Viewport::fit(if together.is_empty() { &points } else { &together }, MARGIN),
            all: Viewport::fit(&points, MARGIN),
            placed,
            ids: items.to_vec(),
            index,
            unplaced,
        }
    }

    pub fn location(&self, position: usize) -> Option<(f64, f64)> {
        let i = (*self.index.get(position)?)?;
        self.placed.get(i as usize).map(|p| (p.lon, p.lat))
    }
}

/// Where the parts of the map go inside the picture's area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapGeometry {
    pub canvas: Rect,
    /// The legend: beside the map on a wide terminal, under it otherwise.
    pub legend: Rect,
    pub legend_beside: bool,
    /// The selected place: its name, country, coordinates and summary.
    pub info: Rect,
}

/// Width of the legend beside the map.
const LEGEND_WIDTH: u16 = 28;
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 7;

impl MapGeometry {
    pub fn new(area: Rect) -> Option<MapGeometry> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let info_h = if area.height >= 14 { 2 } else { 1 };
        let beside = area.width >= 100;
        let legend_h = if beside {
            0
        } else if area.height >= 16 {
            2
        } else {
            1
        };
        let canvas_h = area.height - info_h - legend_h;
        let canvas_w = if beside { area.width - LEGEND_WIDTH - 1 } else { area.width };
        let canvas = Rect { height: canvas_h, width: canvas_w, ..area };
        let legend = if beside {
            Rect { x: area.right() - LEGEND_WIDTH, width: LEGEND_WIDTH, height: canvas_h, ..area }
        } else {
            Rect { y: canvas.bottom(), height: legend_h, ..area }
        };
        let info = Rect { y: area.bottom() - info_h, height: info_h, ..area };
        Some(MapGeometry { canvas, legend, legend_beside: beside, info })
    }
}

/// A marker on the map, or an arrow at its edge for a place out of view: standing for every
/// place that falls in its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// The place shown: the selected one if it is here, else the first in list order.
    pub position: usize,
    pub id: EntityId,
    /// How many places share the cell.
    pub count: usize,
    pub x: u16,
    pub y: u16,
    /// For a place out of view, the arrow pointing to it.
    pub arrow: Option<char>,
    pub selected: bool,
    pub label: Option<(u16, String)>,
    pub letter: Option<(u16, char)>,
}

impl Marker {
    pub fn covers(&self, x: u16, y: u16) -> bool {
        if y != self.y {
            return false;
        }
        let label = self.label.as_ref().is_some_and(|(lx, text)| {
            x >= *lx && u32::from(x) < u32::from(*lx) + text.width() as u32
        });
        x == self.x || label || self.letter.is_some_and(|(lx, _)| lx == x)
    }
}

/// The map as drawn for one frame.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub geometry: MapGeometry,
    pub projection: Projection,
    pub markers: Vec<Marker>,
    /// Roughly how many km the view spans east to west at its middle.
    pub km_across: f64,
}

impl MapView {
    pub fn viewport(&self) -> Viewport {
        let lon_half = self.half.0 / lon_shrink(self.centre.1);
        Viewport {
            lon_min: self.centre.0 - lon_half,
            lon_max: self.centre.0 + lon_half,
            lat_min: self.centre.1 - self.half.1,
            lat_max: self.centre.1 + self.half.1,
        }
    }

    fn fit_to(&mut self, viewport: Viewport, fit: MapFit) {
        self.centre = viewport.centre();
        let shrink = lon_shrink(self.centre.1);
        self.half = (
            (viewport.lon_max - viewport.lon_min) / 2.0 * shrink,
            (viewport.lat_max - viewport.lat_min) / 2.0,
        );
        self.fit = fit;
        self.clamp();
    }

    fn clamp(&mut self) {
        let finite = |v: f64, or: f64| if v.is_finite() { v } else { or };
        self.half.0 = finite(self.half.0, 180.0).clamp(MIN_HALF, 180.0);
        self.half.1 = finite(self.half.1, 90.0).clamp(MIN_HALF, 90.0);
        self.centre.0 = finite(self.centre.0, 0.0).clamp(-180.0, 180.0);
        self.centre.1 = finite(self.centre.1, 0.0).clamp(-85.0, 85.0);
    }

    /// Zooms by `factor` (less than one zooms in) keeping `anchor` where it is on screen.
    fn zoom(&mut self, factor: f64, anchor: (f64, f64)) {
        let before = self.half;
        self.half = (self.half.0 * factor, self.half.1 * factor);
        self.clamp();
        let f = self.half.1 / before.1.max(1e-9);
        self.centre =
            (anchor.0 + (self.centre.0 - anchor.0) * f, anchor.1 + (self.centre.1 - anchor.1) * f);
        self.fit = MapFit::Free;
        self.clamp();
    }
}

/// The eight arrows, from east anticlockwise.
const ARROWS: [char; 8] = ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'];

impl Gazetteer {
    /// The layout of one frame: every place with coordinates is a marker on the map or an arrow
    /// at its edge; markers first get their labels (the selection's first), then letters.
    pub fn lay_out(&self, view: &MapView, selected: usize, scene: &Scene<'_>) -> Option<MapLayout> {
        let geometry = MapGeometry::new(scene.area)?;
        let canvas = geometry.canvas;
        let projection = Projection::new(view.viewport(), canvas.width, canvas.height);
        let (right, top) = projection.dots();
        let centre = (right / 2.0, top / 2.0);
        let mut markers: Vec<Marker> = Vec::new();
        let mut at_cell: HashMap<(u16, u16, bool), usize> = HashMap::new();
        for place in &self.placed {
            let (cell, arrow) = match projection.cell_of(place.lon, place.lat) {
                Some(cell) => (cell, None),
                None => {
                    // Along the line from the middle of the map towards the place, to the edge.
                    let (x, y) = projection.canvas_xy(place.lon, place.lat);
                    let (dx, dy) = (x - centre.0, y - centre.1);
                    let t = [(centre.0, dx), (centre.1, dy)]
                        .iter()
                        .filter(|(_, d)| d.abs() > 1e-9)
                        .map(|(half, d)| half / d.abs())
                        .fold(f64::INFINITY, f64::min);
                    let t = if t.is_finite() { t } else { 0.0 };
                    let cell = projection.cell_at(centre.0 + dx * t, centre.1 + dy * t);
                    let sector = (dy.atan2(dx).to_degrees().rem_euclid(360.0) / 45.0).round();
                    (cell, Some(ARROWS[(sector as usize) % 8]))
                }
            };
            let key = (cell.0, cell.1, arrow.is_some());
            let here = place.position == selected;
            match at_cell.get(&key) {
                Some(&i) => {
                    let marker = &mut markers[i];
                    marker.count += 1;
                    if here {
                        marker.position = place.position;
                        marker.id = place.id;
                        marker.selected = true;
                    }
                }
                None => {
                    at_cell.insert(key, markers.len());
                    markers.push(Marker {
                        position: place.position,
                        id: place.id,
                        count: 1,
                        x: canvas.x + cell.0,
                        y: canvas.y + cell.1,
                        arrow,
                        selected: here,
                        label: None,
                        letter: None,
                    });
                }
            }
        }
        place_labels(&mut markers, canvas, scene);
        let km_across = (projection.visible().lon_max - projection.visible().lon_min)
            * 111.2
            * view.centre.1.to_radians().cos();
        Some(MapLayout { geometry, projection, markers, km_across })
    }
}

/// Labels beside their markers where they fit clear of every marker and label placed before
/// them (the selection's first); a letter where none fits.
fn place_labels(markers: &mut [Marker], canvas: Rect, scene: &Scene<'_>) {
    let (w, h) = (usize::from(canvas.width), usize::from(canvas.height));
    let mut taken = vec![false; w * h];
    let cell = |x: u16, y: u16| {
        let (cx, cy) = (x.checked_sub(canvas.x)?, y.checked_sub(canvas.y)?);
        (usize::from(cx) < w && usize::from(cy) < h).then(|| usize::from(cy) * w + usize::from(cx))
    };
    for m in markers.iter() {
        if let Some(i) = cell(m.x, m.y) {
            taken[i] = true;
        }
    }
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by_key(|&i| (!markers[i].selected, markers[i].arrow.is_some(), markers[i].position));
    let mut letters = scene.letters.iter().copied();
    let free = |taken: &[bool], x: i32, width: usize, y: u16| -> bool {
        x >= i32::from(canvas.x)
            && (x as usize + width) <= usize::from(canvas.right())
            && (0..width).all(|k| cell((x as usize + k) as u16, y).is_some_and(|i| !taken[i]))
    };
    for i in order {
        let m = &markers[i];
        let text = label_text(scene.briefing, m);
        let width = text.width();
        let (x, y) = (i32::from(m.x), m.y);
        // Right of the marker, then left; an arrow at the right edge looks left only.
        let tries = if m.arrow.is_some_and(|a| matches!(a, '→' | '↗' | '↘')) {
            vec![x - 1 - width as i32]
        } else {
            vec![x + 2, x - 1 - width as i32]
        };
        let spot = tries
            .into_iter()
            .find(|&at| free(&taken, at - 1, width + 2, y) || free(&taken, at, width, y));
        let m = &mut markers[i];
        match spot {
            Some(at) => {
                for k in 0..width {
                    if let Some(c) = cell((at as usize + k) as u16, y) {
                        taken[c] = true;
                    }
                }
                m.label = Some((at as u16, text));
            }
            None => {
                let beside = [x + 1, x - 1].into_iter().find(|&at| free(&taken, at, 1, y));
                if let Some(at) = beside
                    && let Some(letter) = letters.next()
                {
                    if let Some(c) = cell(at as u16, y) {
                        taken[c] = true;
                    }
                    m.letter = Some((at as u16, letter));
                }
            }
        }
    }
}

/// A marker's label: the place's name, with how many more share its cell.
pub fn label_text(briefing: &Briefing, marker: &Marker) -> String {
    let name = &briefing.entity(marker.id).name;
    match marker.count {
        0 | 1 => name.to_string(),
        n => format!("{name} +{}", n - 1),
    }
}

/// Which way a step goes: east, west, south, north.
#[derive(Clone, Copy)]
enum Way {
    East,
    West,
    South,
    North,
}

impl Gazetteer {
    /// The place nearest in a direction from `from`, within a cone about it; the places at the
    /// very same spot come one after another in list order.
    fn step(&self, from: usize, way: Way) -> Option<usize> {
        let here = self.location(from)?;
        let forward = matches!(way, Way::East | Way::South);
        let shrink = lon_shrink(here.1);
        let mut best: Option<(f64, usize)> = None;
        let mut same: Option<usize> = None;
        for p in &self.placed {
            if p.position == from {
                continue;
            }
            let mut dlon = p.lon - here.0;
            if dlon > 180.0 {
                dlon -= 360.0;
            } else if dlon < -180.0 {
                dlon += 360.0;
            }
            let (dx, dy) = (dlon * shrink, p.lat - here.1);
            if dx == 0.0 && dy == 0.0 {
                let after = if forward { p.position > from } else { p.position < from };
                let closer =
                    same.is_none_or(|s| if forward { p.position < s } else { p.position > s });
                if after && closer {
                    same = Some(p.position);
                }
                continue;
            }
            let (along, across) = match way {
                Way::East => (dx, dy),
                Way::West => (-dx, dy),
                Way::South => (-dy, dx),
                Way::North => (dy, dx),
            };
            if along <= 0.0 || across.abs() > along * 2.0 {
                continue;
            }
            let score = along + across.abs() * 2.0;
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, p.position));
            }
        }
        same.or(best.map(|(_, p)| p))
    }

    pub fn settle(&mut self, view: &mut MapView, selected: Option<usize>, scene: &Scene<'_>) {
        if view.half.0 <= 0.0 || view.half.1 <= 0.0 {
            view.fit_to(self.fit, MapFit::Places);
        }
        let id =
            selected.and_then(|p| self.placed.get((*self.index.get(p)?)? as usize)).map(|p| p.id);
        if id != view.followed
            && let Some(position) = selected
            && let Some((lon, lat)) = self.location(position)
            && let Some(geometry) = MapGeometry::new(scene.area)
        {
            let canvas = geometry.canvas;
            let projection = Projection::new(view.viewport(), canvas.width, canvas.height);
            if projection.cell_of(lon, lat).is_none() {
                view.centre = (lon, lat);
                view.fit = MapFit::Free;
            }
        }
        view.followed = id;
        view.clamp();
    }

    pub fn update(
        &mut self,
        view: &mut MapView,
        selected: usize,
        action: Action,
        scene: &Scene<'_>,
    ) -> Moved {
        let len = self.index.len();
        if len == 0 {
            return Moved::say("No places to show here");
        }
        let anchor =
            self.location(selected).filter(|p| view.viewport().contains(*p)).unwrap_or(view.centre);
        let step = |way: Way, none: &str| match self.location(selected) {
            None => match self.placed.first() {
                Some(p) => Moved::select(p.position),
                None => Moved::say("No place here has coordinates"),
            },
            Some(_) => match self.step(selected, way) {
                Some(p) => Moved::select(p),
                None => Moved::say(none),
            },
        };
        match action {
            Action::StepRight => step(Way::East, "No place further east"),
            Action::StepLeft => step(Way::West, "No place further west"),
            Action::Next => step(Way::South, "No place further south"),
            Action::Prev => step(Way::North, "No place further north"),
            Action::First => Moved::select(0),
            Action::Last => Moved::select(len - 1),
            Action::PanLeft | Action::PanRight | Action::PanUp | Action::PanDown => {
                let lon_step = view.half.0 / 2.0 / lon_shrink(view.centre.1);
                let lat_step = view.half.1 / 2.0;
                match action {
                    Action::PanLeft => view.centre.0 -= lon_step,
                    Action::PanRight => view.centre.0 += lon_step,
                    Action::PanUp => view.centre.1 += lat_step,
                    _ => view.centre.1 -= lat_step,
                }
                view.fit = MapFit::Free;
                view.clamp();
                Moved::done()
            }
            Action::ZoomIn | Action::ZoomOut => {
                view.zoom(if action == Action::ZoomIn { 0.5 } else { 2.0 }, anchor);
                Moved::done()
            }
            Action::ZoomFit => {
                let all = view.fit == MapFit::Places && self.all != self.fit;
                if all {
                    view.fit_to(self.all, MapFit::All);
                    Moved::say("Every place")
                } else {
                    view.fit_to(self.fit, MapFit::Places);
                    let outside =
                        self.placed.iter().filter(|p| !self.fit.contains((p.lon, p.lat))).count();
                    Moved::say(match outside {
                        0 => "The briefing's places".to_owned(),
                        n => format!(
                            "The places together; {} at the edge, where the arrows point",
                            crate::document::count(n, "far one")
                        ),
                    })
                }
            }
            Action::Follow => match self.ids.get(selected) {
                Some(id) => Moved::go(Target::Entity(*id)),
                None => Moved::ignored(),
            },
            Action::Type(c) => {
                let Some(layout) = self.lay_out(view, selected, scene) else {
                    return Moved::ignored();
                };
                match layout.markers.iter().find(|m| m.letter.is_some_and(|(_, l)| l == c)) {
                    Some(m) => Moved::select(m.position),
                    None => Moved::say(format!("No place is labelled “{c}”")),
                }
            }
            Action::Click { column, row } => {
                let Some(layout) = self.lay_out(view, selected, scene) else {
                    return Moved::ignored();
                };
                let Some(marker) = layout.markers.iter().find(|m| m.covers(column, row)) else {
                    return Moved::done();
                };
                if !marker.selected || marker.count == 1 {
                    return Moved::select(marker.position);
                }
                // A click on a spot that several places share goes on to the next of them.
                let cell = |p: &Placed| match marker.arrow {
                    None => layout.projection.cell_of(p.lon, p.lat),
                    Some(_) => None,
                };
                let here = cell(&self.placed[self.index[selected].unwrap_or(0) as usize]);
                let next = self
                    .placed
                    .iter()
                    .filter(|p| here.is_some() && cell(p) == here)
                    .map(|p| p.position)
                    .find(|p| *p > selected)
                    .or_else(|| {
                        self.placed.iter().filter(|p| cell(p) == here).map(|p| p.position).next()
                    });
                Moved::select(next.unwrap_or(marker.position))
            }
            Action::Wheel { column, row, down } => {
                let anchor = MapGeometry::new(scene.area)
                    .and_then(|g| {
                        let c = g.canvas;
                        let projection = Projection::new(view.viewport(), c.width, c.height);
                        projection.lonlat_at(column.checked_sub(c.x)?, row.checked_sub(c.y)?)
                    })
                    .unwrap_or(anchor);
                view.zoom(if down { 2.0 } else { 0.5 }, anchor);
                Moved::done()
            }
            Action::PageDown | Action::PageUp => Moved::ignored(),
            _ => Moved::ignored(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_about_right() {
        let brussels = (4.35, 50.85);
        let moscow = (37.62, 55.76);
        let d = distance_km(brussels, moscow);
        assert!((2200.0..2400.0).contains(&d), "{d}");
    }
}
