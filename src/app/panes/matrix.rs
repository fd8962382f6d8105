//! The Actors' stances in a matrix: actors down, grouped by side as the Actors list groups
//! them; issues across, those the briefing records a stance on; in each cell the position's
//! glyph and the stance's basis, and nothing where the briefing says nothing.
//!
//! Within a side, actors who stand alike sit together: rows are ordered by their position on
//! the issue most actors take a stance on, then on the next, and so on; actors with no stance
//! come last. `o` orders the issues by how divided the actors are: of every two actors who lean
//! one way or the other on an issue, the share that lean opposite ways.
//!
//! All of this is worked out once per list; a frame reads only the rows and columns on screen.

use super::picture::{Moved, Scene};
use crate::app::action::Action;
use crate::content::{Briefing, Details, EntityId, Kind, Position};
use crate::document::Target;
use ratatui::layout::Rect;
use std::cmp::Ordering;
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// A line of the matrix: a side's heading, or an actor's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Heading(usize),
    Row(usize),
}

#[derive(Debug, Clone)]
pub struct Matrix {
    pub generation: u64,
    /// The actors, by list position.
    pub ids: Vec<EntityId>,
    /// List positions in the matrix's order.
    pub rows: Vec<u32>,
    row_of: Vec<u32>,
    /// Headings and rows, as drawn.
    pub lines: Vec<Line>,
    line_of_row: Vec<u32>,
    /// The sides' names, by heading.
    pub groups: Vec<String>,
    /// The issues with at least one stance, as the briefing lists them.
    pub columns: Vec<EntityId>,
    /// The columns most divided first, and where each column stands in that order.
    by_division: Vec<u32>,
    division_rank: Vec<u32>,
    /// Each column's division: 0 when everyone who leans leans the same way, up to 1.
    pub division: Vec<f32>,
    /// Each row's stances: the column and the stance's index among the actor's, by column.
    cells: Vec<Vec<(u32, u16)>>,
    /// Issues no actor takes a stance on, which have no column.
    pub silent_issues: usize,
    /// The widest actor name, for the fixed column of names.
    pub name_width: u16,
}

/// Where the reader is in the matrix; the row is the Actors list's selection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixView {
    /// The selected issue, as a column in the briefing's order.
    pub column: usize,
    /// Issues most divided first.
    pub by_division: bool,
    /// The first column (in the order shown) and the first line on screen.
    pub first_column: usize,
    pub first_line: usize,
}

/// Which way an actor leans on an issue, for measuring division: for, against, or neither.
fn lean(position: Position) -> i8 {
    match position {
        Position::Supports => 1,
        Position::Wary | Position::Opposes => -1,
        Position::Divided | Position::Neutral | Position::Unclear => 0,
    }
}

fn rank(position: Position) -> u8 {
    Position::all().position(|p| p == position).unwrap_or(0) as u8
}

impl Matrix {
    pub fn build(briefing: &Briefing, items: &[EntityId], generation: u64) -> Matrix {
        let columns: Vec<EntityId> = briefing
            .list(Kind::Issue)
            .iter()
            .copied()
            .filter(|issue| briefing.stances_on(*issue).next().is_some())
            .collect();
        let silent_issues = briefing.count(Kind::Issue) - columns.len();
        let column_of: HashMap<EntityId, u32> =
            columns.iter().enumerate().map(|(i, id)| (*id, i as u32)).collect();
        // Each actor's stances by column (the first, if the briefing gives two on one issue).
        let mut by_position: Vec<Vec<(u32, u16)>> = items
            .iter()
            .map(|actor| {
                let mut cells: Vec<(u32, u16)> = briefing
                    .stances(*actor)
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| Some((*column_of.get(&s.issue)?, i as u16)))
                    .collect();
                cells.sort_by_key(|c| c.0);
                cells.dedup_by_key(|c| c.0);
                cells
            })
            .collect();
        let position_at = |actor: EntityId, stance: u16| {
            briefing
                .stances(actor)
                .get(usize::from(stance))
                .map_or(Position::Unclear, |s| s.position)
        };
        // How many stances each column has, and how divided it is.
        let mut count = vec![0usize; columns.len()];
        let mut leans = vec![(0u32, 0u32, 0u32); columns.len()];
        for (actor, cells) in items.iter().zip(&by_position) {
            for &(column, stance) in cells {
                let position = position_at(*actor, stance);
                let c = column as usize;
                count[c] += 1;
                if position != Position::Unclear {
                    leans[c].2 += 1;
                    match lean(position) {
                        1 => leans[c].0 += 1,
                        -1 => leans[c].1 += 1,
                        _ => {}
                    }
                }
            }
        }
        let division: Vec<f32> = leans
            .iter()
            .map(|&(plus, minus, n)| {
                let pairs = f64::from(n) * f64::from(n.saturating_sub(1)) / 2.0;
                if pairs > 0.0 { (f64::from(plus) * f64::from(minus) / pairs) as f32 } else { 0.0 }
            })
            .collect();
        let mut by_division: Vec<u32> = (0..columns.len() as u32).collect();
        by_division.sort_by(|a, b| {
            let (a, b) = (*a as usize, *b as usize);
            division[b].total_cmp(&division[a]).then(count[b].cmp(&count[a])).then(a.cmp(&b))
        });
        let mut division_rank = vec![0u32; columns.len()];
        for (rank, column) in by_division.iter().enumerate() {
            division_rank[*column as usize] = rank as u32;
        }
        // Rows: the list's sides in its order; within each, actors who stand alike together.
        let mut importance: Vec<u32> = (0..columns.len() as u32).collect();
        importance.sort_by_key(|c| (std::cmp::Reverse(count[*c as usize]), *c));
        let mut weight = vec![0u32; columns.len()];
        for (rank, column) in importance.iter().enumerate() {
            weight[*column as usize] = rank as u32;
        }
        let signature: Vec<Vec<(u32, u8)>> = items
            .iter()
            .zip(&by_position)
            .map(|(actor, cells)| {
                let mut sig: Vec<(u32, u8)> = cells
                    .iter()
                    .map(|&(c, s)| (weight[c as usize], rank(position_at(*actor, s))))
                    .collect();
                sig.sort_unstable();
                sig
            })
            .collect();
        let side = |p: usize| match briefing.entity(items[p]).details {
            Details::Actor { side, .. } => side,
            _ => None,
        };
        let mut rows: Vec<u32> = Vec::with_capacity(items.len());
        let mut lines = Vec::with_capacity(items.len() + 8);
        let mut groups = Vec::new();
        let mut start = 0;
        while start < items.len() {
            let this = side(start);
            let end = (start..items.len()).find(|&p| side(p) != this).unwrap_or(items.len());
            let mut group: Vec<u32> = (start as u32..end as u32).collect();
            group.sort_by(|a, b| compare(&signature[*a as usize], &signature[*b as usize]));
            lines.push(Line::Heading(groups.len()));
            groups.push(briefing.side_name(this).to_owned());
            for p in group {
                lines.push(Line::Row(rows.len()));
                rows.push(p);
            }
            start = end;
        }
        let mut row_of = vec![0u32; items.len()];
        for (row, p) in rows.iter().enumerate() {
            row_of[*p as usize] = row as u32;
        }
        let mut line_of_row = vec![0u32; rows.len()];
        for (line, l) in lines.iter().enumerate() {
            if let Line::Row(r) = l {
                line_of_row[*r] = line as u32;
            }
        }
        let cells = rows.iter().map(|p| std::mem::take(&mut by_position[*p as usize])).collect();
        let name_width = items
            .iter()
            .map(|id| briefing.entity(*id).name.width().min(60) as u16)
            .max()
            .unwrap_or(0);
        Matrix {
            generation,
            ids: items.to_vec(),
            rows,
            row_of,
            lines,
            line_of_row,
            groups,
            columns,
            by_division,
            division_rank,
            division,
            cells,
            silent_issues,
            name_width,
        }
    }

    /// The columns in the order shown.
    pub fn order(&self, view: &MatrixView) -> Vec<u32> {
        if view.by_division {
            self.by_division.clone()
        } else {
            (0..self.columns.len() as u32).collect()
        }
    }

    /// The column shown at a place in the order, without building the order.
    pub fn column_at(&self, view: &MatrixView, shown: usize) -> Option<usize> {
        if shown >= self.columns.len() {
            return None;
        }
        Some(if view.by_division { self.by_division[shown] as usize } else { shown })
    }

    /// Where a column stands in the order shown.
    pub fn shown_at(&self, view: &MatrixView, column: usize) -> usize {
        if view.by_division {
            self.division_rank.get(column).map_or(0, |r| *r as usize)
        } else {
            column
        }
    }

    pub fn row_of(&self, position: usize) -> Option<usize> {
        self.row_of.get(position).map(|r| *r as usize)
    }

    pub fn line_of(&self, row: usize) -> Option<usize> {
        self.line_of_row.get(row).map(|l| *l as usize)
    }

    /// The stance in a cell: its index among the actor's stances.
    pub fn cell(&self, row: usize, column: usize) -> Option<u16> {
        let cells = self.cells.get(row)?;
        let at = cells.binary_search_by_key(&(column as u32), |c| c.0).ok()?;
        Some(cells[at].1)
    }

    /// The actor on a row.
    pub fn actor(&self, row: usize) -> Option<EntityId> {
        self.rows.get(row).and_then(|p| self.ids.get(*p as usize)).copied()
    }
}

/// Orders two actors' stances so that alike ones sit together: by the position on the most
/// discussed issue, then the next; a stance before none.
fn compare(a: &[(u32, u8)], b: &[(u32, u8)]) -> Ordering {
    for i in 0.. {
        match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) => {
                if x.0 != y.0 {
                    return x.0.cmp(&y.0);
                }
                if x.1 != y.1 {
                    return x.1.cmp(&y.1);
                }
            }
            (Some(_), None) => return Ordering::Less,
            (None, Some(_)) => return Ordering::Greater,
            (None, None) => return Ordering::Equal,
        }
    }
    Ordering::Equal
}

/// Where the parts of the matrix go inside the picture's area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixGeometry {
    /// The issues' names, above their columns.
    pub header: Rect,
    /// Headings and rows.
    pub body: Rect,
    pub legend: Rect,
    /// Width of the fixed column of actors' names, and of each issue's column.
    pub names: u16,
    pub cell: u16,
    /// How many columns fit beside the names.
    pub shown: usize,
}

pub const MIN_WIDTH: u16 = 26;
pub const MIN_HEIGHT: u16 = 6;

/// The legend's parts: every position's glyph and word, then the bases.
pub fn legend_parts() -> Vec<String> {
    let mut parts: Vec<String> =
        Position::all().map(|p| format!("{} {}", glyph(p), p.label())).collect();
    parts.push("* inferred".to_owned());
    parts.push("† outside source".to_owned());
    parts.push("blank: no stance in the briefing".to_owned());
    parts
}

/// The glyph of a position: shapes that differ without colour.
pub fn glyph(position: Position) -> &'static str {
    match position {
        Position::Supports => "▲",
        Position::Divided => "◐",
        Position::Neutral => "○",
        Position::Wary => "▽",
        Position::Opposes => "▼",
        Position::Unclear => "?",
    }
}

impl MatrixGeometry {
    pub fn new(area: Rect, matrix: &Matrix, view: &MatrixView) -> Option<MatrixGeometry> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let legend_width: usize = legend_parts().iter().map(|p| p.width() + 2).sum();
        let legend_h =
            if usize::from(area.width) >= legend_width || area.height < 14 { 1 } else { 2 };
        let header_h = 2 + u16::from(view.by_division);
        let body_h = area.height.checked_sub(header_h + legend_h).filter(|h| *h >= 2)?;
        let names = (matrix.name_width + 3).clamp(12, (area.width / 3).clamp(12, 30));
        let room = area.width - names;
        let count = matrix.columns.len().max(1);
        let cell = (usize::from(room) / count).clamp(6, 18) as u16;
        let shown = (usize::from(room / cell)).min(matrix.columns.len());
        Some(MatrixGeometry {
            header: Rect { height: header_h, ..area },
            body: Rect { y: area.y + header_h, height: body_h, ..area },
            legend: Rect { y: area.y + header_h + body_h, height: legend_h, ..area },
            names,
            cell,
            shown,
        })
    }

    /// The screen column where the `k`-th column on screen starts.
    pub fn column_x(&self, k: usize) -> u16 {
        self.body.x + self.names + (k as u16).saturating_mul(self.cell)
    }
}

impl Matrix {
    /// Keeps the cursor's line and column on screen and every index in range.
    pub fn settle(&mut self, view: &mut MatrixView, selected: Option<usize>, area: Rect) {
        view.column = view.column.min(self.columns.len().saturating_sub(1));
        let Some(geometry) = MatrixGeometry::new(area, self, view) else { return };
        let rows = usize::from(geometry.body.height);
        if let Some(line) = selected.and_then(|p| self.row_of(p)).and_then(|r| self.line_of(r)) {
            // The side's heading stays in view above its first actor.
            let wanted = if line > 0
                && self.lines.get(line - 1).is_some_and(|l| matches!(l, Line::Heading(_)))
            {
                line - 1
            } else {
                line
            };
            if wanted < view.first_line {
                view.first_line = wanted;
            } else if line >= view.first_line + rows {
                view.first_line = line + 1 - rows;
            }
        }
        view.first_line = view.first_line.min(self.lines.len().saturating_sub(rows));
        let shown = geometry.shown.max(1);
        let at = self.shown_at(view, view.column);
        if at < view.first_column {
            view.first_column = at;
        } else if at >= view.first_column + shown {
            view.first_column = at + 1 - shown;
        }
        view.first_column = view.first_column.min(self.columns.len().saturating_sub(shown));
    }

    /// What a cell says, for the status line: the actor, the issue, the position with its
    /// basis, and the stance's line with the paragraphs it rests on.
    pub fn describe(
        &self,
        briefing: &Briefing,
        view: &MatrixView,
        selected: usize,
    ) -> Option<String> {
        let row = self.row_of(selected)?;
        let actor = self.actor(row)?;
        let issue = *self.columns.get(view.column)?;
        let (actor_name, issue_name) = (&briefing.entity(actor).name, &briefing.entity(issue).name);
        let Some(index) = self.cell(row, view.column) else {
            return Some(format!("{actor_name} · {issue_name}: the briefing records no stance"));
        };
        let stance = briefing.stances(actor).get(usize::from(index))?;
        let basis = match stance.basis {
            crate::content::Basis::Stated => "stated".to_owned(),
            crate::content::Basis::Inferred => "inferred".to_owned(),
            crate::content::Basis::Outside => match &stance.source {
                Some(source) => format!("outside source: {source}"),
                None => "outside source".to_owned(),
            },
        };
        let mut paragraphs: Vec<u32> = stance.cites.clone();
        paragraphs.extend(stance.quote.as_ref().map(|q| q.para));
        paragraphs.sort_unstable();
        paragraphs.dedup();
        let cited: Vec<String> = paragraphs.iter().map(|n| format!("¶{n}")).collect();
        let cited = if cited.is_empty() { String::new() } else { format!(" {}", cited.join(" ")) };
        Some(format!(
            "{actor_name} · {issue_name}: {} ({basis}) — {}{cited}",
            stance.position.label(),
            stance.line.plain()
        ))
    }

    pub fn update(
        &mut self,
        view: &mut MatrixView,
        selected: usize,
        action: Action,
        scene: &Scene<'_>,
    ) -> Moved {
        if self.rows.is_empty() {
            return Moved::say("No actors to show here");
        }
        if self.columns.is_empty() {
            return Moved::say("This briefing records no stances: the matrix has nothing to show");
        }
        let row = self.row_of(selected).unwrap_or(0);
        let last = self.rows.len() - 1;
        let page = MatrixGeometry::new(scene.area, self, view)
            .map_or(1, |g| usize::from(g.body.height).saturating_sub(1).max(1));
        let to_row = |r: usize| Moved::select(self.rows[r.min(last)] as usize);
        let shown = self.shown_at(view, view.column);
        let mut to_column = |shown: usize| {
            if let Some(c) = self.column_at(view, shown) {
                view.column = c;
            }
            Moved::done()
        };
        match action {
            Action::Next | Action::PanDown => to_row(row + 1),
            Action::Prev | Action::PanUp => to_row(row.saturating_sub(1)),
            Action::PageDown => to_row(row + page),
            Action::PageUp => to_row(row.saturating_sub(page)),
            Action::First => to_row(0),
            Action::Last => to_row(last),
            Action::StepRight | Action::PanRight => to_column(shown + 1),
            Action::StepLeft | Action::PanLeft => to_column(shown.saturating_sub(1)),
            Action::Wheel { down, .. } => {
                to_row(if down { row + 3 } else { row.saturating_sub(3) })
            }
            Action::OrderIssues => {
                view.by_division = !view.by_division;
                Moved::say(if view.by_division {
                    "Issues ordered by how divided the actors are, most divided first"
                } else {
                    "Issues in the briefing's order"
                })
            }
            Action::ZoomIn | Action::ZoomOut | Action::ZoomFit => Moved::say(
                "The matrix does not zoom: move with the arrows or h j k l; o orders the issues",
            ),
            Action::Follow => {
                let Some(actor) = self.actor(row) else { return Moved::ignored() };
                let Some(index) = self.cell(row, view.column) else {
                    return Moved::go(Target::Entity(actor));
                };
                let briefing = scene.briefing;
                let Some(stance) = briefing.stances(actor).get(usize::from(index)) else {
                    return Moved::ignored();
                };
                Moved::go(if stance.quote.is_some() {
                    Target::Quote(actor, briefing.stance_quote(actor, usize::from(index)))
                } else if let Some(n) = stance.cites.first() {
                    Target::Paragraph(*n)
                } else {
                    Target::Entity(stance.issue)
                })
            }
            Action::Click { column, row: y } => {
                let Some(g) = MatrixGeometry::new(scene.area, self, view) else {
                    return Moved::ignored();
                };
                let at_column = (column >= g.column_x(0))
                    .then(|| usize::from((column - g.column_x(0)) / g.cell.max(1)))
                    .filter(|k| *k < g.shown)
                    .and_then(|k| self.column_at(view, view.first_column + k));
                if let Some(c) = at_column
                    && (g.header.contains((column, y).into())
                        || g.body.contains((column, y).into()))
                {
                    view.column = c;
                }
                if g.body.contains((column, y).into())
                    && let Some(Line::Row(r)) =
                        self.lines.get(view.first_line + usize::from(y - g.body.y))
                {
                    return to_row(*r);
                }
                Moved::done()
            }
            _ => Moved::ignored(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_stances_sort_together_and_a_stance_comes_before_none() {
        let supports_first = [(0, 0u8), (1, 3)];
        let supports_other = [(0, 0u8), (1, 4)];
        let wary_first = [(0, 3u8)];
        let only_second = [(1, 0u8)];
        let none: [(u32, u8); 0] = [];
        let mut rows = vec![&none[..], &only_second, &wary_first, &supports_other, &supports_first];
        rows.sort_by(|a, b| compare(a, b));
        assert_eq!(
            rows,
            vec![&supports_first[..], &supports_other, &wary_first, &only_second, &none]
        );
    }
}
