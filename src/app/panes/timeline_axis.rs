//! The Timeline on a date axis. Every event is drawn as what its date says and no more: a day
//! is a point; a week, a month or "mid-May" a span over exactly the days it may be; a range
//! (the PrepCom, 22 Apr – 3 May) a bar; an approximate or year-only date a faint span. The
//! mark at its head says the date's basis (stated, inferred, outside source). Events lie in
//! lanes by the briefing's sides, stacked so nothing overlaps, labelled where the label fits and
//! given a letter where it does not.
//!
//! What depends only on the briefing (each event's days, ink and lane) is computed once per list;
//! the stacking once per scale and width (zooming re-stacks, panning and moving do not); a
//! frame's layout looks only at the events in view, found by binary search.

use super::calendar::{self, first_day, last_day};
use super::picture::{Moved, Scene, letters_for};
use crate::app::action::Action;
use crate::content::date::{Basis, Date, Precision};
use crate::content::{Briefing, Details, EntityId};
use crate::document::Target;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// How a date's extent is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// One day.
    Point,
    /// A range the event lasted through: a bar.
    Bar,
    /// Some day within (a week, a month, early/mid/late in a month): a span.
    Span,
    /// Roughly (approximate without a day, or only the year): a faint span.
    Faint,
}

/// The days a date covers, inclusive, and how to draw them.
pub fn extent(date: &Date) -> (i64, i64, Ink) {
    let start = date.start;
    let first = first_day(start);
    if let Some(end) = date.end {
        let ink = if date.precision == Precision::Approximate { Ink::Faint } else { Ink::Bar };
        return (first, last_day(end).max(first), ink);
    }
    match (date.precision, start.month, start.day) {
        (Precision::Day, Some(_), Some(_)) => (first, first, Ink::Point),
        (Precision::Week, Some(_), Some(_)) => (first, first + 6, Ink::Span),
        // "mid-May" is 11–20 May, as the date is written for the reader.
        (Precision::Approximate, Some(month), Some(day)) => {
            let length = calendar::month_length(start.year, month);
            let (from, to) = match day {
                1..=10 => (1, 10),
                11..=20 => (11, 20),
                _ => (21, length),
            };
            let day = |d| calendar::day_number(start.year, month, d);
            (day(from), day(to), Ink::Span)
        }
        (Precision::Year, ..) => {
            let year = crate::content::date::PartialDate { month: None, day: None, ..start };
            (first_day(year), last_day(year), Ink::Faint)
        }
        (Precision::Approximate, ..) => (first, last_day(start), Ink::Faint),
        // A month; or a day or week whose day is missing, which means its month.
        _ => (first, last_day(start), Ink::Span),
    }
}

/// Which lane an event lies in: the side of its actors, "across sides" when they are on more
/// than one, or none. Ordered as the lanes are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum LaneKey {
    Side(u16),
    Across,
    Nobody,
}

#[derive(Debug, Clone)]
pub struct AxisEvent {
    pub id: EntityId,
    pub first: i64,
    pub last: i64,
    pub ink: Ink,
    pub basis: Basis,
    pub lane: usize,
    pub name_width: u16,
}

#[derive(Debug, Clone)]
pub struct Lane {
    pub name: String,
    /// The first and last days of the lane's events, each sorted, to count those out of view.
    firsts: Vec<i64>,
    lasts: Vec<i64>,
}

/// What the axis knows of a list of events: computed once per list.
#[derive(Debug, Clone)]
pub struct Axis {
    pub generation: u64,
    /// In list order, which is date order: an event's index is its list position.
    pub events: Vec<AxisEvent>,
    pub lanes: Vec<Lane>,
    /// Positions in order of first day, and the latest last day up to each, so the events in
    /// view are found by binary search.
    by_start: Vec<u32>,
    reach: Vec<i64>,
    /// The publication date's days, drawn as a rule.
    pub published: (i64, i64),
    /// The days of the events the article itself tells of (those it cites), with the
    /// publication: what fitting shows first.
    pub article: (i64, i64),
    /// Every event's days.
    pub all: (i64, i64),
    stacking: Option<Stacking>,
}

/// Rows within lanes for one scale and width, so that no two events' ink and label room overlap.
#[derive(Debug, Clone)]
struct Stacking {
    key: (u64, u16, u16),
    /// Each event's row within its lane.
    row: Vec<u16>,
    /// How many rows all the lanes take, headings included.
    total: usize,
}

/// The lines of a window of days.
struct Lines {
    /// Each lane's heading line.
    heading: Vec<usize>,
    /// Each lane's stacked rows that hold an event in the window, in order.
    used: Vec<Vec<u16>>,
    total: usize,
    /// The events in the window, in order of first day.
    events: Vec<usize>,
}

/// What to fit the view to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fit {
    /// Where the reader zoomed or panned to.
    #[default]
    Free,
    /// The article's weeks.
    Article,
    /// Every event.
    All,
}

/// Where the reader is on the axis; history keeps it whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AxisView {
    /// Days per column; zero until the axis is first laid out, when it is fitted.
    pub scale: f64,
    /// The day at the left edge (a fraction when zoomed in past a day per column).
    pub start: f64,
    /// The first row of the lanes on screen.
    pub scroll: usize,
    pub fit: Fit,
    /// The width the view was laid out for, to keep its middle (or its fit) through a resize.
    pub width: u16,
    /// The selection the view last moved to show: a new one is followed, so moving the
    /// selection pans the axis, while panning by hand leaves it be.
    pub followed: Option<EntityId>,
}

/// Days per column, at the closest: eight columns a day.
const MIN_SCALE: f64 = 0.125;
/// Columns of label room the stacking tries to keep after each event, widest first.
const LABEL_ROOM: [u16; 6] = [40, 28, 20, 14, 8, 0];
/// A label cut shorter than this is not worth reading: a letter stands in for it.
const MIN_LABEL: usize = 8;

impl Axis {
    pub fn build(briefing: &Briefing, items: &[EntityId], generation: u64) -> Axis {
        let mut keys = Vec::with_capacity(items.len());
        let mut events = Vec::with_capacity(items.len());
        for &id in items {
            let entity = briefing.entity(id);
            let (first, last, ink, basis) = match &entity.details {
                Details::Event { date, .. } => {
                    let (first, last, ink) = extent(date);
                    (first, last, ink, date.basis)
                }
                _ => (0, 0, Ink::Point, Basis::Stated),
            };
            keys.push(lane_key(briefing, id));
            events.push(AxisEvent {
                id,
                first,
                last,
                ink,
                basis,
                lane: 0,
                name_width: entity.name.width().min(usize::from(u16::MAX)) as u16,
            });
        }
        let mut present = keys.clone();
        present.sort();
        present.dedup();
        let mut lanes: Vec<Lane> = present
            .iter()
            .map(|key| Lane {
                name: match key {
                    LaneKey::Side(side) => {
                        briefing.side_name(Some(crate::content::SideId(*side))).to_owned()
                    }
                    LaneKey::Across => "Across sides".to_owned(),
                    LaneKey::Nobody => "No side".to_owned(),
                },
                firsts: Vec::new(),
                lasts: Vec::new(),
            })
            .collect();
        for (event, key) in events.iter_mut().zip(&keys) {
            event.lane = present.binary_search(key).unwrap_or(0);
            let lane = &mut lanes[event.lane];
            lane.firsts.push(event.first);
            lane.lasts.push(event.last);
        }
        for lane in &mut lanes {
            lane.firsts.sort_unstable();
            lane.lasts.sort_unstable();
        }
        let mut by_start: Vec<u32> = (0..events.len() as u32).collect();
        by_start.sort_by_key(|&i| (events[i as usize].first, i));
        let mut reach = Vec::with_capacity(events.len());
        let mut latest = i64::MIN;
        for &i in &by_start {
            latest = latest.max(events[i as usize].last);
            reach.push(latest);
        }
        let (p_first, p_last, _) = extent(&briefing.published);
        let span = |pick: &dyn Fn(&AxisEvent) -> bool| {
            events.iter().filter(|e| pick(e)).fold(None, |acc: Option<(i64, i64)>, e| {
                Some(acc.map_or((e.first, e.last), |(a, b)| (a.min(e.first), b.max(e.last))))
            })
        };
        let with_published = |(a, b): (i64, i64)| (a.min(p_first), b.max(p_last));
        let all = with_published(span(&|_| true).unwrap_or((p_first, p_last)));
        let cited = |e: &AxisEvent| {
            let entity = briefing.entity(e.id);
            !entity.cites.is_empty() || !entity.quotes.is_empty()
        };
        let article = span(&cited).map_or(all, with_published);
        Axis {
            generation,
            events,
            lanes,
            by_start,
            reach,
            published: (p_first, p_last),
            article,
            all,
            stacking: None,
        }
    }

    /// Stacks the events for a scale, a width and the rows the lanes have, unless already done.
    /// The widest label room that lets every lane fit is taken; if none does, the lanes scroll.
    fn stack(&mut self, scale: f64, width: u16, rows: u16) {
        let key = (scale.to_bits(), width, rows);
        if self.stacking.as_ref().is_some_and(|s| s.key == key) {
            return;
        }
        let mut best = None;
        for room in LABEL_ROOM {
            let stacking = self.stack_with(scale, room, key);
            let fits = stacking.total <= usize::from(rows);
            best = Some(stacking);
            if fits {
                break;
            }
        }
        self.stacking = best;
    }

    fn stack_with(&self, scale: f64, room: u16, key: (u64, u16, u16)) -> Stacking {
        let mut ends: Vec<Vec<i64>> = vec![Vec::new(); self.lanes.len()];
        let mut row = vec![0u16; self.events.len()];
        for &i in &self.by_start {
            let event = &self.events[i as usize];
            let (x0, x1) = columns_abs(event, scale);
            let end = x1 + 1 + i64::from(room.min(event.name_width)) + 1;
            let lane = &mut ends[event.lane];
            let at = lane.iter().position(|e| *e <= x0).unwrap_or(lane.len());
            if at == lane.len() {
                lane.push(end);
            } else {
                lane[at] = end;
            }
            row[i as usize] = at.min(usize::from(u16::MAX)) as u16;
        }
        let total = ends.iter().map(|lane| 1 + lane.len()).sum();
        Stacking { key, row, total }
    }

    /// The lines a window of days shows: each lane's heading, then only the lane's rows that
    /// hold an event in the window, so no lane shows empty rows kept for events out of view.
    fn lines(&self, from: f64, to: f64) -> Option<Lines> {
        let stacking = self.stacking.as_ref()?;
        let events: Vec<usize> = self.in_days(from, to).collect();
        let mut used: Vec<Vec<u16>> = vec![Vec::new(); self.lanes.len()];
        for &p in &events {
            used[self.events[p].lane].push(stacking.row[p]);
        }
        let mut heading = Vec::with_capacity(used.len());
        let mut total = 0;
        for rows in &mut used {
            rows.sort_unstable();
            rows.dedup();
            heading.push(total);
            total += 1 + rows.len();
        }
        Some(Lines { heading, used, total, events })
    }

    /// The line an event in the window is drawn on.
    fn line_of(&self, lines: &Lines, position: usize) -> Option<usize> {
        let lane = self.events.get(position)?.lane;
        let row = self.stacking.as_ref()?.row.get(position)?;
        let at = lines.used.get(lane)?.binary_search(row).ok()?;
        Some(lines.heading[lane] + 1 + at)
    }

    /// Events whose days meet `[from, to]`, in order of first day.
    fn in_days(&self, from: f64, to: f64) -> impl Iterator<Item = usize> + '_ {
        let begin = self.reach.partition_point(|r| (*r as f64) + 1.0 <= from);
        self.by_start[begin..]
            .iter()
            .map(|&i| i as usize)
            .take_while(move |&i| (self.events[i].first as f64) < to)
            .filter(move |&i| (self.events[i].last as f64) + 1.0 > from)
    }
}

fn lane_key(briefing: &Briefing, id: EntityId) -> LaneKey {
    let Details::Event { actors, .. } = &briefing.entity(id).details else {
        return LaneKey::Nobody;
    };
    let mut sides = actors.iter().filter_map(|a| match briefing.entity(*a).details {
        Details::Actor { side, .. } => side,
        _ => None,
    });
    match sides.next() {
        None => LaneKey::Nobody,
        Some(first) if sides.all(|s| s == first) => LaneKey::Side(first.0),
        Some(_) => LaneKey::Across,
    }
}

/// An event's columns counted from day zero at a scale: first inked column and the column
/// after the last.
fn columns_abs(event: &AxisEvent, scale: f64) -> (i64, i64) {
    let x0 = (event.first as f64 / scale).floor() as i64;
    let x1 = match event.ink {
        Ink::Point => x0 + 1,
        _ => ((event.last + 1) as f64 / scale).ceil() as i64,
    };
    (x0, x1.max(x0 + 1))
}

/// Where the parts of the axis go inside the picture's area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The lanes: event rows and lane headings.
    pub lanes: Rect,
    /// The axis line; the tick labels are on the row below it.
    pub axis: u16,
    /// The selected event's date and name, then its summary.
    pub selection: Rect,
    /// The letters standing in for labels that did not fit, and what they stand for.
    pub letters: Option<Rect>,
    /// The legend of the glyphs.
    pub legend: Rect,
}

/// The least room the axis is drawn in; below it the picture says so.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 7;

impl Geometry {
    /// The most rows the lanes may have in an area: all but what goes under the axis.
    pub fn lanes_room(area: Rect) -> Option<u16> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let h = area.height;
        // The summary gets one row at least when there is room; the rest goes to lanes first.
        let summary = u16::from(h >= 12);
        let below = 2
            + 1
            + summary
            + u16::from(h >= 12)
            + legend_rows(area.width).min(if h >= 16 { 2 } else { 1 });
        h.checked_sub(below).filter(|rows| *rows >= 2)
    }

    /// The parts for lanes that want `lines` rows: no more than that, so the axis sits under
    /// the last lane and the room left goes to the selected event's summary, then blank.
    pub fn new(area: Rect, lines: usize) -> Option<Geometry> {
        let room = Geometry::lanes_room(area)?;
        let h = area.height;
        let legend_rows = legend_rows(area.width).min(if h >= 16 { 2 } else { 1 });
        let letters = u16::from(h >= 12);
        let lanes_h = (lines.min(usize::from(room)) as u16).max(2);
        let summary = h - lanes_h - 2 - 1 - letters - legend_rows;
        let row = |y: u16, height: u16| Rect { x: area.x, y, width: area.width, height };
        let axis = area.y + lanes_h;
        let selection = row(axis + 2, 1 + summary);
        let letters = (letters > 0).then(|| row(selection.bottom(), 1));
        let legend = row(letters.map_or(selection.bottom(), |l| l.bottom()), legend_rows);
        Some(Geometry { lanes: row(area.y, lanes_h), axis, selection, letters, legend })
    }
}

/// One event as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub position: usize,
    pub ink: Ink,
    pub basis: Basis,
    /// Screen row, and the inked columns `[x0, x1)`, cut to the area.
    pub y: u16,
    pub x0: u16,
    pub x1: u16,
    /// The column of the basis glyph, when it is in view.
    pub head: Option<u16>,
    /// The label's column and text, whole or cut with "…".
    pub label: Option<(u16, String)>,
    /// The letter standing in for a label that did not fit.
    pub letter: Option<(u16, char)>,
}

impl Mark {
    /// Whether a cell is part of the mark: its ink, its label or its letter.
    pub fn covers(&self, x: u16, y: u16) -> bool {
        if y != self.y {
            return false;
        }
        let label = self.label.as_ref().is_some_and(|(lx, text)| {
            x >= *lx && u32::from(x) < u32::from(*lx) + text.width() as u32
        });
        (x >= self.x0 && x < self.x1) || label || self.letter.is_some_and(|(lx, _)| lx == x)
    }
}

/// A lane heading in view, with how many of the lane's events lie before and after the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub y: u16,
    pub lane: usize,
    pub earlier: usize,
    pub later: usize,
}

/// The axis as drawn for one frame: drawing and hit-testing both read it, so a click lands on
/// what is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLayout {
    pub geometry: Geometry,
    pub marks: Vec<Mark>,
    pub headings: Vec<Heading>,
    /// Tick columns and their labels, in order.
    pub ticks: Vec<(u16, Option<String>)>,
    /// The columns of the publication date.
    pub rule: Option<(u16, u16)>,
    /// Rows of lanes above and below the ones on screen.
    pub above: usize,
    pub below: usize,
    /// The first and last day in view.
    pub days: (i64, i64),
}

/// Rows the legend takes at a width: one when it fits whole.
pub fn legend_rows(width: u16) -> u16 {
    let one_row = LEGEND.iter().map(|p| p.width() + 1).sum::<usize>() - 1;
    if usize::from(width) >= one_row { 1 } else { 2 }
}

/// The legend's parts, in the order drawn; ui draws each glyph in its own style.
pub const LEGEND: [&str; 7] = [
    "● stated",
    "○ inferred",
    "◇ outside source",
    "━ lasted",
    "╌ a day in",
    "┈ roughly",
    "┊ published",
];

impl Axis {
    /// The layout of one frame. Reads only what is in view.
    pub fn lay_out(&self, view: &AxisView, scene: &Scene<'_>) -> Option<AxisLayout> {
        let (area, letters) = (scene.area, scene.letters);
        let width = area.width;
        let scale = view.scale.max(MIN_SCALE);
        let from = view.start;
        let to = from + f64::from(width) * scale;
        let lines = self.lines(from, to)?;
        let geometry = Geometry::new(area, lines.total)?;
        let rows = usize::from(geometry.lanes.height);
        let top = view.scroll;
        let column = |day: f64| ((day - from) / scale).floor();
        let mut marks: Vec<Mark> = Vec::new();
        for &position in &lines.events {
            let event = &self.events[position];
            let Some(row) = self.line_of(&lines, position) else { continue };
            if row < top || row >= top + rows {
                continue;
            }
            let x0 = column(event.first as f64);
            let x1 = match event.ink {
                Ink::Point => x0 + 1.0,
                _ => ((event.last + 1) as f64 - from) / scale,
            }
            .ceil()
            .max(x0 + 1.0);
            let head = match event.ink {
                Ink::Point | Ink::Bar => x0,
                Ink::Span | Ink::Faint => ((x0 + x1 - 1.0) / 2.0).floor(),
            };
            let clip = |x: f64| x.clamp(0.0, f64::from(width)) as u16;
            let in_view = |x: f64| (0.0..f64::from(width)).contains(&x);
            marks.push(Mark {
                position,
                ink: event.ink,
                basis: event.basis,
                y: geometry.lanes.y + (row - top) as u16,
                x0: geometry.lanes.x + clip(x0),
                x1: geometry.lanes.x + clip(x1),
                head: in_view(head).then(|| geometry.lanes.x + head as u16),
                label: None,
                letter: None,
            });
        }
        // Labels after the ink, up to the next mark on the same row; a letter where a label
        // would be too short to read.
        let right = geometry.lanes.right();
        let mut order: Vec<usize> = (0..marks.len()).collect();
        order.sort_by_key(|&i| (marks[i].y, marks[i].x0));
        let mut wants_letter = vec![false; marks.len()];
        for (k, &i) in order.iter().enumerate() {
            let next = order.get(k + 1).map(|&j| &marks[j]).filter(|m| m.y == marks[i].y);
            let mark = &marks[i];
            let at = mark.x1.saturating_add(1);
            let limit = next.map_or(right, |m| m.x0.saturating_sub(1));
            let room = usize::from(limit.saturating_sub(at));
            let name = self.name_of(scene.briefing, mark.position).unwrap_or_default();
            if room > 0 && (name.width() <= room || room >= MIN_LABEL) {
                marks[i].label = Some((at, crate::ui::fit::end(name, room)));
            } else if mark.x1 < next.map_or(right, |m| m.x0) {
                wants_letter[i] = true;
            }
        }
        // Letters in date order, so they read in the order the events happened.
        let mut free_letters = letters_for(letters, marks.len()).into_iter();
        for (mark, wants) in marks.iter_mut().zip(wants_letter) {
            if wants {
                mark.letter = free_letters.next().map(|c| (mark.x1, c));
            }
        }
        let headings = self
            .lanes
            .iter()
            .enumerate()
            .filter_map(|(lane, l)| {
                let row = lines.heading[lane];
                (row >= top && row < top + rows).then(|| Heading {
                    y: geometry.lanes.y + (row - top) as u16,
                    lane,
                    earlier: l.lasts.partition_point(|d| (*d as f64) + 1.0 <= from),
                    later: l.firsts.len() - l.firsts.partition_point(|d| (*d as f64) < to),
                })
            })
            .collect();
        let (p0, p1) = self.published;
        let rule = (p1 as f64 + 1.0 > from && (p0 as f64) < to).then(|| {
            let a = column(p0 as f64).max(0.0) as u16;
            let b = (((p1 + 1) as f64 - from) / scale)
                .ceil()
                .clamp(f64::from(a) + 1.0, f64::from(width)) as u16;
            (geometry.lanes.x + a, geometry.lanes.x + b)
        });
        Some(AxisLayout {
            geometry,
            marks,
            headings,
            ticks: ticks(from, scale, width)
                .into_iter()
                .map(|(x, label)| (geometry.lanes.x + x, label))
                .collect(),
            rule,
            above: top,
            below: lines.total.saturating_sub(top + rows),
            days: (from.floor() as i64, (to - 1.0).ceil() as i64),
        })
    }

    pub fn name_of<'b>(&self, briefing: &'b Briefing, position: usize) -> Option<&'b str> {
        self.events.get(position).map(|e| briefing.entity(e.id).name.as_str())
    }
}

/// The axis's ticks for a view: the smallest unit whose labels fit apart, each tick's column,
/// and a label where one fits after the last.
pub fn ticks(from: f64, scale: f64, width: u16) -> Vec<(u16, Option<String>)> {
    #[derive(Clone, Copy)]
    enum Unit {
        Days(i64),
        Weeks(i64),
        Months(u8),
        Years(i32),
    }
    const UNITS: [(Unit, f64, usize); 15] = [
        (Unit::Days(1), 1.0, 6),
        (Unit::Days(2), 2.0, 6),
        (Unit::Weeks(1), 7.0, 6),
        (Unit::Weeks(2), 14.0, 6),
        (Unit::Months(1), 30.4, 4),
        (Unit::Months(3), 91.3, 4),
        (Unit::Months(6), 182.6, 4),
        (Unit::Years(1), 365.2, 4),
        (Unit::Years(2), 730.5, 4),
        (Unit::Years(5), 1826.0, 4),
        (Unit::Years(10), 3652.0, 4),
        (Unit::Years(25), 9131.0, 4),
        (Unit::Years(50), 18262.0, 4),
        (Unit::Years(100), 36524.0, 4),
        (Unit::Years(1000), 365_242.0, 5),
    ];
    let scale = scale.max(MIN_SCALE);
    let (unit, _, _) = UNITS
        .iter()
        .copied()
        .find(|(_, days, label)| days / scale >= (*label + 2) as f64)
        .unwrap_or(UNITS[UNITS.len() - 1]);
    let to = from + f64::from(width) * scale;
    let first = from.ceil() as i64;
    let last = to.floor() as i64;
    let mut days: Vec<i64> = Vec::new();
    match unit {
        Unit::Days(n) => {
            let mut d = first + (n - first.rem_euclid(n)) % n;
            while d <= last {
                days.push(d);
                d += n;
            }
        }
        Unit::Weeks(n) => {
            let mut d = first;
            while !calendar::is_monday(d) {
                d += 1;
            }
            while d <= last {
                if (d - 4).div_euclid(7).rem_euclid(n) == 0 {
                    days.push(d);
                }
                d += 7;
            }
        }
        Unit::Months(n) => {
            let (mut year, mut month, _) = calendar::civil(first);
            loop {
                let d = calendar::day_number(year, month, 1);
                if d > last {
                    break;
                }
                if d >= first && (month - 1) % n == 0 {
                    days.push(d);
                }
                month += 1;
                if month > 12 {
                    month = 1;
                    year = year.saturating_add(1);
                }
            }
        }
        Unit::Years(n) => {
            let (year, ..) = calendar::civil(first);
            let mut y = year.div_euclid(n).saturating_mul(n);
            loop {
                let d = calendar::day_number(y, 1, 1);
                if d > last {
                    break;
                }
                if d >= first {
                    days.push(d);
                }
                y = y.saturating_add(n);
            }
        }
    }
    let mut out = Vec::with_capacity(days.len());
    let mut free_from = 0u16;
    for d in days {
        let x = ((d as f64 - from) / scale).floor();
        if !(0.0..f64::from(width)).contains(&x) {
            continue;
        }
        let x = x as u16;
        let (year, month, day) = calendar::civil(d);
        let text = match unit {
            Unit::Days(_) | Unit::Weeks(_) => {
                format!("{day} {}", calendar::MONTHS[usize::from(month - 1)])
            }
            Unit::Months(_) if month == 1 => year.to_string(),
            Unit::Months(_) => calendar::MONTHS[usize::from(month - 1)].to_owned(),
            Unit::Years(_) => year.to_string(),
        };
        let fits = x >= free_from && usize::from(x) + text.width() <= usize::from(width);
        if fits {
            free_from = x.saturating_add(text.width() as u16 + 1);
        }
        out.push((x, fits.then_some(text)));
    }
    out
}

impl Axis {
    /// The day a mark's head stands for: the start of a point or a bar, the middle of a span.
    fn head_day(&self, position: usize) -> Option<f64> {
        let e = self.events.get(position)?;
        Some(match e.ink {
            Ink::Point | Ink::Bar => e.first as f64 + 0.5,
            Ink::Span | Ink::Faint => (e.first + e.last + 1) as f64 / 2.0,
        })
    }

    /// The widest a view may be: every event with room to spare, and at least a day a column.
    fn max_scale(&self, width: u16) -> f64 {
        let span = (self.all.1 + 1 - self.all.0) as f64;
        (span * 3.0 / f64::from(width.max(1))).max(1.0)
    }

    fn fit(&self, view: &mut AxisView, fit: Fit, width: u16) {
        let (first, last) = if fit == Fit::All { self.all } else { self.article };
        let span = (last + 1 - first) as f64;
        let margin = (span * 0.04).max(1.0);
        view.scale = ((span + 2.0 * margin) / f64::from(width.max(1))).max(MIN_SCALE);
        let shown = view.scale * f64::from(width);
        view.start = first as f64 - (shown - span) / 2.0;
        view.fit = fit;
    }

    /// Keeps the scale within bounds and some of the events in view, so panning and zooming
    /// never lose them (nor reach dates the calendar cannot name).
    fn clamp(&self, view: &mut AxisView, width: u16) {
        view.scale = view.scale.clamp(MIN_SCALE, self.max_scale(width));
        let shown = view.scale * f64::from(width);
        let low = self.all.0 as f64 - shown * 0.9;
        let high = (self.all.1 + 1) as f64 - shown * 0.1;
        view.start = view.start.clamp(low, high.max(low));
    }

    /// Settles the view after any change: fitted when first shown, its fit (or its middle) kept
    /// through a resize, stacked for its scale, following a selection that changed, and its
    /// rows kept in range.
    pub fn settle(&mut self, view: &mut AxisView, selected: Option<usize>, area: Rect) {
        let Some(room) = Geometry::lanes_room(area) else { return };
        let width = area.width;
        if view.scale <= 0.0 || !view.scale.is_finite() {
            // The article's weeks, unless the selection lies outside them (an event of outside
            // context): then the whole timeline, which shows both.
            let inside = selected
                .and_then(|p| self.head_day(p))
                .is_none_or(|d| d >= self.article.0 as f64 && d <= (self.article.1 + 1) as f64);
            self.fit(view, if inside { Fit::Article } else { Fit::All }, width);
        } else if view.width != width && view.width > 0 {
            match view.fit {
                Fit::Free => {
                    let middle = view.start + view.scale * f64::from(view.width) / 2.0;
                    view.start = middle - view.scale * f64::from(width) / 2.0;
                }
                fit => self.fit(view, fit, width),
            }
        }
        view.width = width;
        self.clamp(view, width);
        self.stack(view.scale, width, room);
        let id = selected.and_then(|p| self.events.get(p)).map(|e| e.id);
        if let Some(position) = selected.filter(|_| id != view.followed) {
            self.reveal(view, position, width);
        }
        view.followed = id;
        // The lanes scroll to keep the selection's line in view whenever it is in the window.
        let rows = usize::from(room);
        let to = view.start + view.scale * f64::from(width);
        let Some(lines) = self.lines(view.start, to) else { return };
        if let Some(line) = selected.and_then(|p| self.line_of(&lines, p)) {
            if line < view.scroll {
                view.scroll = line.saturating_sub(1);
            } else if line >= view.scroll + rows {
                view.scroll = line + 1 - rows;
            }
        }
        view.scroll = view.scroll.min(lines.total.saturating_sub(rows));
    }

    /// Pans so a selection that is out of view comes into it: a third of the way in from the
    /// side it was beyond, so stepping on keeps the next ones in sight.
    fn reveal(&self, view: &mut AxisView, position: usize, width: u16) {
        let Some(head) = self.head_day(position) else { return };
        let shown = view.scale * f64::from(width);
        let margin = view.scale * 2.0;
        if head < view.start + margin {
            view.start = head - shown / 3.0;
        } else if head > view.start + shown - margin {
            view.start = head - shown * 2.0 / 3.0;
        } else {
            return;
        }
        view.fit = Fit::Free;
        self.clamp(view, width);
    }

    /// Zooms by `factor` (less than one zooms in), keeping `anchor` (a day) where it is.
    fn zoom(&self, view: &mut AxisView, factor: f64, anchor: f64, width: u16) {
        let old = view.scale;
        let new = (old * factor).clamp(MIN_SCALE, self.max_scale(width));
        view.start = anchor - (anchor - view.start) * new / old;
        view.scale = new;
        view.fit = Fit::Free;
        self.clamp(view, width);
    }

    /// What an action does on the axis.
    pub fn update(
        &mut self,
        view: &mut AxisView,
        selected: usize,
        action: Action,
        scene: &Scene<'_>,
    ) -> Moved {
        let len = self.events.len();
        if len == 0 {
            return Moved::say("No events to show here");
        }
        if Geometry::lanes_room(scene.area).is_none() {
            return Moved::ignored();
        }
        let width = scene.area.width;
        let shown = view.scale * f64::from(width);
        let middle = view.start + shown / 2.0;
        let anchor = self
            .head_day(selected)
            .filter(|d| *d >= view.start && *d <= view.start + shown)
            .unwrap_or(middle);
        match action {
            Action::StepLeft | Action::StepRight => {
                let right = action == Action::StepRight;
                let end = view.start + shown;
                // From a selection out of view, a step goes to the nearest event in view on
                // that side, not on from the selection to somewhere further out of view.
                let head = self.head_day(selected).unwrap_or(middle);
                let in_view = || {
                    self.in_days(view.start, end)
                        .filter(|&p| self.head_day(p).is_some_and(|d| d >= view.start && d <= end))
                };
                let into_view = if right && head < view.start {
                    in_view().min()
                } else if !right && head > end {
                    in_view().max()
                } else {
                    None
                };
                if let Some(to) = into_view {
                    return Moved::select(to);
                }
                let to = if right { selected + 1 } else { selected.wrapping_sub(1) };
                if to >= len {
                    return Moved::say(if right {
                        "This is the last event"
                    } else {
                        "This is the first event"
                    });
                }
                Moved::select(to)
            }
            Action::First => Moved::select(0),
            Action::Last => Moved::select(len - 1),
            Action::Next | Action::Prev | Action::PanDown | Action::PanUp => {
                let Some(layout) = self.lay_out(view, scene) else { return Moved::ignored() };
                let Some(here) = layout.marks.iter().find(|m| m.position == selected) else {
                    return Moved::say("The selected event is out of view: h or l brings it back");
                };
                let down = matches!(action, Action::Next | Action::PanDown);
                let x = here.head.unwrap_or(here.x0);
                let best = layout
                    .marks
                    .iter()
                    .filter(|m| if down { m.y > here.y } else { m.y < here.y })
                    .min_by_key(|m| (m.y.abs_diff(here.y), m.head.unwrap_or(m.x0).abs_diff(x)));
                match best {
                    Some(m) => Moved::select(m.position),
                    None if down && layout.below > 0 => {
                        view.scroll += 1;
                        Moved::done()
                    }
                    None if !down && layout.above > 0 => {
                        view.scroll -= 1;
                        Moved::done()
                    }
                    None => Moved::say(if down { "No event below" } else { "No event above" }),
                }
            }
            Action::PanLeft | Action::PanRight | Action::PageUp | Action::PageDown => {
                let step = match action {
                    Action::PanLeft => -shown / 4.0,
                    Action::PanRight => shown / 4.0,
                    Action::PageUp => -shown * 7.0 / 8.0,
                    _ => shown * 7.0 / 8.0,
                };
                view.start += step;
                view.fit = Fit::Free;
                self.clamp(view, width);
                Moved::done()
            }
            Action::ZoomIn | Action::ZoomOut => {
                let factor = if action == Action::ZoomIn { 0.5 } else { 2.0 };
                self.zoom(view, factor, anchor, width);
                Moved::done()
            }
            Action::ZoomFit => {
                let fit = if view.fit == Fit::Article && self.all != self.article {
                    Fit::All
                } else {
                    Fit::Article
                };
                self.fit(view, fit, width);
                let (a, b) = if fit == Fit::All { self.all } else { self.article };
                let what = if fit == Fit::All { "Every event" } else { "The article's weeks" };
                Moved::say(format!(
                    "{what}: {} to {}",
                    calendar::day_label(a),
                    calendar::day_label(b)
                ))
            }
            Action::Follow => match self.events.get(selected) {
                Some(e) => Moved::go(Target::Entity(e.id)),
                None => Moved::ignored(),
            },
            Action::Type(c) => {
                let Some(layout) = self.lay_out(view, scene) else { return Moved::ignored() };
                match layout.marks.iter().find(|m| m.letter.is_some_and(|(_, l)| l == c)) {
                    Some(m) => Moved::select(m.position),
                    None => Moved::say(format!("No event is labelled “{c}”")),
                }
            }
            Action::Click { column, row } => {
                let Some(layout) = self.lay_out(view, scene) else { return Moved::ignored() };
                match layout.marks.iter().find(|m| m.covers(column, row)) {
                    Some(m) => Moved::select(m.position),
                    None => Moved::done(),
                }
            }
            Action::Wheel { column, row, down } => {
                let lanes = scene.area;
                let at = ratatui::layout::Position { x: column, y: row };
                let anchor = if lanes.contains(at) {
                    view.start + f64::from(column - lanes.x) * view.scale
                } else {
                    anchor
                };
                self.zoom(view, if down { 2.0 } else { 0.5 }, anchor, width);
                Moved::done()
            }
            _ => Moved::ignored(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::date::PartialDate;

    fn date(start: &str, end: Option<&str>, precision: Precision) -> Date {
        Date {
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
            precision,
            basis: Basis::Stated,
            note: None,
            source: None,
        }
    }

    fn days(d: &str) -> i64 {
        first_day(PartialDate::parse(d).unwrap())
    }

    #[test]
    fn each_precision_covers_exactly_the_days_it_may_mean() {
        use Precision::*;
        let cases = [
            (date("2013-03-15", None, Day), ("2013-03-15", "2013-03-15"), Ink::Point),
            (date("2013-04-22", None, Week), ("2013-04-22", "2013-04-28"), Ink::Span),
            (date("2013-04", None, Month), ("2013-04-01", "2013-04-30"), Ink::Span),
            (date("2013-05-15", None, Approximate), ("2013-05-11", "2013-05-20"), Ink::Span),
            (date("2013-05-03", None, Approximate), ("2013-05-01", "2013-05-10"), Ink::Span),
            (date("2013-02-25", None, Approximate), ("2013-02-21", "2013-02-28"), Ink::Span),
            (date("2013-05", None, Approximate), ("2013-05-01", "2013-05-31"), Ink::Faint),
            (date("2009", None, Year), ("2009-01-01", "2009-12-31"), Ink::Faint),
            (date("2013-04-22", Some("2013-05-03"), Day), ("2013-04-22", "2013-05-03"), Ink::Bar),
        ];
        for (d, (first, last), ink) in cases {
            assert_eq!(extent(&d), (days(first), days(last), ink), "{}", d.when());
        }
    }

    #[test]
    fn ticks_adapt_to_the_scale_and_never_overlap() {
        let from = days("2013-03-10") as f64;
        for scale in [0.125, 0.5, 1.0, 3.0, 10.0, 40.0, 200.0, 2000.0, 40000.0] {
            for width in [30u16, 80, 250] {
                let ticks = ticks(from, scale, width);
                assert!(!ticks.is_empty() || scale * f64::from(width) < 7.0, "{scale} {width}");
                let mut end = 0;
                for (x, label) in &ticks {
                    assert!(*x < width);
                    if let Some(label) = label {
                        assert!(usize::from(*x) >= end, "{scale} {width}: {ticks:?}");
                        end = usize::from(*x) + label.width() + 1;
                        assert!(end - 1 <= usize::from(width));
                    }
                }
            }
        }
        let by_day = ticks(from, 0.125, 80);
        assert_eq!(by_day[0].1.as_deref(), Some("10 Mar"));
        let by_month = ticks(days("2012-10-01") as f64, 8.0, 80);
        let labels: Vec<_> = by_month.iter().filter_map(|(_, l)| l.clone()).collect();
        assert!(
            labels.contains(&"2013".to_owned()) && labels.contains(&"Apr".to_owned()),
            "{labels:?}"
        );
    }
}
