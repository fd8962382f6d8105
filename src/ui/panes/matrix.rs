//! Draws the stance matrix: issue names over their columns, side headings and actors down the
//! fixed column of names, each stance as its position's glyph (with its word when the column
//! has room) and its basis, the cursor's cell reversed, and the legend.

use super::picture::{frame, legend, no_room, put, rows_out_of_view, wrap};
use crate::app::Shell;
use crate::app::layout::bordered;
use crate::app::panes::matrix::{self, Line, Matrix, MatrixGeometry, glyph};
use crate::app::panes::picture::Scene;
use crate::app::panes::{EntityPane, PictureView};
use crate::content::{Basis, Position};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

pub fn position_style(theme: &Theme, position: Position) -> Style {
    match position {
        Position::Supports => theme.supports,
        Position::Divided => theme.divided,
        Position::Neutral => theme.neutral,
        Position::Wary => theme.wary,
        Position::Opposes => theme.opposes,
        Position::Unclear => theme.unclear,
    }
}

fn basis_mark(basis: Basis) -> &'static str {
    crate::ui::list::basis_mark(basis)
}

pub fn draw(buf: &mut Buffer, panel: Rect, shell: &Shell, pane: &EntityPane, m: &Matrix) {
    let session = shell.session();
    let theme = shell.theme();
    let briefing = &session.briefing;
    let Some(PictureView::Matrix(view)) = &pane.view.picture else { return };
    let area = bordered(panel);
    let _ = Scene { briefing, area, letters: session.letters() };
    let count = pane.list.items.len();
    let issues = briefing.count(crate::content::Kind::Issue);
    let title = format!(
        "Actors · stances on {} of {issues} issues{}",
        m.columns.len(),
        if view.by_division { " · most divided first" } else { "" }
    );
    let rows_shown = MatrixGeometry::new(area, m, view).map_or(0, |g| usize::from(g.body.height));
    let below = m.lines.len().saturating_sub(view.first_line + rows_shown);
    let more = rows_out_of_view(view.first_line, below);
    let note = if count == 0 {
        String::new()
    } else {
        format!("{more}{}/{count}", pane.view.selected + 1)
    };
    frame(buf, panel, theme, &title, &note);
    if count == 0 || m.columns.is_empty() {
        let text = if count == 0 {
            "No actors to show"
        } else {
            "This briefing records no stances, so the matrix has nothing to show."
        };
        put(buf, area.x, area.y, area.right(), text, theme.muted);
        return;
    }
    let Some(g) = MatrixGeometry::new(area, m, view) else {
        no_room(buf, area, shell, "the matrix", (matrix::MIN_WIDTH, matrix::MIN_HEIGHT));
        return;
    };
    let cursor_row = m.row_of(pane.view.selected);
    let visible: Vec<(usize, usize)> =
        (0..g.shown).filter_map(|k| Some((k, m.column_at(view, view.first_column + k)?))).collect();
    // The issues' names over their columns; the more there are beyond, on the names' side.
    for &(k, column) in &visible {
        let x = g.column_x(k);
        let chosen = column == view.column;
        let style = if chosen { theme.strong.patch(theme.heading) } else { theme.label };
        let name = &briefing.entity(m.columns[column]).name;
        let width = usize::from(g.cell.saturating_sub(1));
        for (i, line) in wrap(name, width, 2).iter().enumerate() {
            put(buf, x, g.header.y + i as u16, x + g.cell - 1, line, style);
        }
        if view.by_division {
            let split = format!("{:.0}% split", m.division[column] * 100.0);
            put(buf, x, g.header.y + 2, x + g.cell - 1, &split, theme.muted);
        }
    }
    let before = view.first_column;
    let after = m.columns.len().saturating_sub(view.first_column + g.shown);
    let names_right = g.header.x + g.names - 1;
    if before > 0 {
        put(buf, g.header.x, g.header.y, names_right, &format!("◂ {before} more"), theme.muted);
    }
    if after > 0 {
        put(buf, g.header.x, g.header.y + 1, names_right, &format!("{after} more ▸"), theme.muted);
    }
    let rows = usize::from(g.body.height);
    for (i, line) in m.lines.iter().skip(view.first_line).take(rows).enumerate() {
        let y = g.body.y + i as u16;
        match *line {
            Line::Heading(group) => {
                let name = &m.groups[group];
                let mut x = put(buf, g.body.x, y, g.body.right(), "── ", theme.muted);
                x = put(buf, x, y, g.body.right(), name, theme.group);
                x = put(buf, x, y, g.body.right(), " ", theme.muted);
                while x < g.body.right() {
                    x = put(buf, x, y, g.body.right(), "─", theme.muted);
                }
            }
            Line::Row(row) => {
                let Some(actor) = m.actor(row) else { continue };
                let here = Some(row) == cursor_row;
                let name =
                    crate::ui::fit::end(&briefing.entity(actor).name, usize::from(g.names - 3));
                let style = if here { theme.strong } else { theme.body };
                put(buf, g.body.x, y, names_right, if here { "▸ " } else { "  " }, theme.strong);
                put(buf, g.body.x + 2, y, names_right, &name, style);
                for &(k, column) in &visible {
                    let x = g.column_x(k);
                    let cell = Rect { x, y, width: g.cell.saturating_sub(1), height: 1 };
                    draw_cell(
                        buf,
                        cell,
                        shell,
                        m,
                        actor,
                        row,
                        column,
                        here && column == view.column,
                    );
                }
            }
        }
    }
    let mut parts: Vec<(String, Style)> = Position::all()
        .map(|p| (format!("{} {}", glyph(p), p.label()), position_style(theme, p)))
        .collect();
    parts.push(("* inferred".to_owned(), theme.muted));
    parts.push(("† outside source".to_owned(), theme.muted));
    parts.push(("· no stance in the briefing".to_owned(), theme.muted));
    legend(buf, g.legend, &parts, theme);
}

#[allow(clippy::too_many_arguments)]
fn draw_cell(
    buf: &mut Buffer,
    cell: Rect,
    shell: &Shell,
    m: &Matrix,
    actor: crate::content::EntityId,
    row: usize,
    column: usize,
    cursor: bool,
) {
    let theme = shell.theme();
    let briefing = &shell.session().briefing;
    let stance = m.cell(row, column).and_then(|i| briefing.stances(actor).get(usize::from(i)));
    let (text, style) = match stance {
        Some(s) => {
            let mark = basis_mark(s.basis);
            let text = if cell.width >= 12 {
                format!("{} {}{mark}", glyph(s.position), s.position.label())
            } else {
                format!("{}{mark}", glyph(s.position))
            };
            (text, position_style(theme, s.position))
        }
        None => ("·".to_owned(), theme.muted),
    };
    if cursor {
        buf.set_style(cell, theme.selected);
    }
    let style = if cursor { theme.selected } else { style };
    let width = text.width() as u16;
    let x =
        if cell.width >= 12 { cell.x + 1 } else { cell.x + cell.width.saturating_sub(width) / 2 };
    put(buf, x, cell.y, cell.right(), &text, style);
}
