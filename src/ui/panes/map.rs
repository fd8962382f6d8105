//! Draws the map of places: coastlines solid and country borders dotted on a braille canvas
//! (so the two differ without colour), the places' markers, labels and letters where the
//! layout put them, arrows at the edge for places out of view, the legend and the selected
//! place's line.

use super::picture::{frame, legend, no_room, put, wrap};
use crate::app::Shell;
use crate::app::layout::bordered;
use crate::app::panes::map::{self, Gazetteer, MapLayout};
use crate::app::panes::picture::Scene;
use crate::app::panes::{EntityPane, PictureView};
use crate::content::Details;
use crate::geo::{self, LineKind, Resolution};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Painter, Shape};
use std::cell::Cell;

/// A border: every other dot of the line, the count running on from one piece of a border to
/// the next so short pieces still read as dotted.
struct Dotted<'a> {
    from: (f64, f64),
    to: (f64, f64),
    color: Color,
    phase: &'a Cell<usize>,
}

impl Shape for Dotted<'_> {
    fn draw(&self, painter: &mut Painter) {
        let (Some((x1, y1)), Some((x2, y2))) =
            (painter.get_point(self.from.0, self.from.1), painter.get_point(self.to.0, self.to.1))
        else {
            return;
        };
        let (dx, dy) = (x2 as isize - x1 as isize, y2 as isize - y1 as isize);
        let steps = dx.abs().max(dy.abs());
        for i in 1..=steps.max(1) {
            let phase = self.phase.get();
            self.phase.set(phase.wrapping_add(1));
            if phase % 2 == 1 {
                continue;
            }
            let t = |d: isize| if steps == 0 { 0 } else { d * i / steps };
            let (x, y) = (x1 as isize + t(dx), y1 as isize + t(dy));
            if x >= 0 && y >= 0 {
                painter.paint(x as usize, y as usize, self.color);
            }
        }
    }
}

fn colour(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

pub fn draw(buf: &mut Buffer, panel: Rect, shell: &Shell, pane: &EntityPane, places: &Gazetteer) {
    let session = shell.session();
    let theme = shell.theme();
    let Some(PictureView::Map(view)) = &pane.view.picture else { return };
    let area = bordered(panel);
    let scene = Scene { briefing: &session.briefing, area, letters: session.letters() };
    let selected = pane.view.selected;
    let layout = places.lay_out(view, selected, &scene);
    let scale =
        layout.as_ref().map_or(String::new(), |l| format!(" · about {} across", km(l.km_across)));
    let count = pane.list.items.len();
    let note = if count == 0 { String::new() } else { format!("{}/{count}", selected + 1) };
    frame(buf, panel, theme, &format!("Places · map{scale}"), &note);
    if count == 0 {
        put(buf, area.x, area.y, area.right(), "No places to show", theme.muted);
        return;
    }
    let Some(layout) = layout else {
        no_room(buf, area, shell, "the map", (map::MIN_WIDTH, map::MIN_HEIGHT));
        return;
    };
    lines(buf, &layout, theme);
    markers(buf, &layout, shell);
    legend_for(buf, &layout, shell, places);
    info(buf, layout.geometry.info, shell, places, selected);
}

/// "2,300 km".
fn km(value: f64) -> String {
    let rounded = if value >= 1000.0 {
        (value / 100.0).round() * 100.0
    } else if value >= 100.0 {
        (value / 10.0).round() * 10.0
    } else {
        value.round().max(1.0)
    };
    let digits = format!("{}", rounded as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out} km")
}

/// Coastlines and borders in view, at the resolution the view's span calls for.
fn lines(buf: &mut Buffer, layout: &MapLayout, theme: &Theme) {
    let projection = layout.projection;
    let visible = projection.visible();
    let resolution = Resolution::for_viewport(&visible);
    let (coast, frontier) = (colour(theme.coast), colour(theme.frontier));
    let phase = Cell::new(0usize);
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(projection.x_bounds())
        .y_bounds(projection.y_bounds())
        .paint(|ctx| {
            for (a, b, kind) in geo::segments_in(visible, resolution) {
                let (Some(p), Some(q)) =
                    (projection.project(a.0, a.1), projection.project(b.0, b.1))
                else {
                    continue;
                };
                match kind {
                    LineKind::Coast => {
                        ctx.draw(&CanvasLine { x1: p.0, y1: p.1, x2: q.0, y2: q.1, color: coast })
                    }
                    LineKind::Border => {
                        ctx.draw(&Dotted { from: p, to: q, color: frontier, phase: &phase })
                    }
                }
            }
        })
        .render(layout.geometry.canvas, buf);
}

fn markers(buf: &mut Buffer, layout: &MapLayout, shell: &Shell) {
    let theme = shell.theme();
    let canvas = layout.geometry.canvas;
    let right = canvas.right();
    // Labels first, with a blank cell each side so no coastline runs into a name; then the
    // markers over them, then the letters.
    for marker in &layout.markers {
        if let Some((x, text)) = &marker.label {
            let style = if marker.selected { theme.selected } else { theme.body };
            let width = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
            if *x > canvas.x {
                put(buf, x - 1, marker.y, right, " ", theme.body);
            }
            put(buf, x + width, marker.y, right, " ", theme.body);
            put(buf, *x, marker.y, right, text, style);
        }
    }
    for marker in &layout.markers {
        let style = if marker.selected { theme.selected } else { theme.place };
        let glyph = match (marker.arrow, marker.selected) {
            (Some(arrow), _) => arrow.to_string(),
            (None, true) => "◉".to_owned(),
            (None, false) => "●".to_owned(),
        };
        put(buf, marker.x, marker.y, right, &glyph, style);
        if let Some((x, letter)) = marker.letter {
            put(buf, x, marker.y, right, &letter.to_string(), theme.hint);
        }
    }
}

/// The glyphs, the letters and what they stand for, the places with no coordinates.
fn legend_for(buf: &mut Buffer, layout: &MapLayout, shell: &Shell, places: &Gazetteer) {
    let theme = shell.theme();
    let briefing = &shell.session().briefing;
    let g = layout.geometry;
    let mut parts: Vec<(String, Style)> = vec![
        ("● place".to_owned(), theme.place),
        ("◉ selected".to_owned(), theme.place),
        ("← off the map that way".to_owned(), theme.place),
        ("⠤⠤ coast".to_owned(), theme.coast),
        ("⠄⠄ border".to_owned(), theme.frontier),
    ];
    for marker in &layout.markers {
        if let Some((_, letter)) = marker.letter {
            parts.push((format!("{letter} {}", map::label_text(briefing, marker)), theme.hint));
        }
    }
    if !places.unplaced.is_empty() {
        let names: Vec<&str> = places
            .unplaced
            .iter()
            .filter_map(|p| places.ids.get(*p))
            .map(|id| briefing.entity(*id).name.as_str())
            .collect();
        parts.push((format!("– not on the map: {}", names.join(", ")), theme.muted));
    }
    if g.legend_beside {
        // One part a row, in a column of its own beside the map.
        let mut y = g.legend.y;
        for (text, style) in &parts {
            if y >= g.legend.bottom() {
                break;
            }
            let rows = wrap(text, usize::from(g.legend.width.saturating_sub(2)), 3);
            for (i, row) in rows.iter().enumerate() {
                if y >= g.legend.bottom() {
                    break;
                }
                if i == 0 {
                    let (glyph, rest) = row.split_once(' ').unwrap_or((row, ""));
                    let x = put(buf, g.legend.x, y, g.legend.right(), glyph, *style);
                    put(buf, x, y, g.legend.right(), &format!(" {rest}"), theme.muted);
                } else {
                    put(buf, g.legend.x + 2, y, g.legend.right(), row, theme.muted);
                }
                y += 1;
            }
        }
    } else {
        legend(buf, g.legend, &parts, theme);
    }
}

/// The selected place: its name, country and coordinates, and its summary.
fn info(buf: &mut Buffer, area: Rect, shell: &Shell, places: &Gazetteer, selected: usize) {
    let theme = shell.theme();
    let briefing = &shell.session().briefing;
    let Some(id) = places.ids.get(selected) else { return };
    let entity = briefing.entity(*id);
    let mut x = put(buf, area.x, area.y, area.right(), &entity.name, theme.strong);
    if let Details::Place { country, .. } = &entity.details
        && let Some(country) = country
    {
        x = put(buf, x, area.y, area.right(), &format!(" · {country}"), theme.label);
    }
    let at = match places.location(selected) {
        Some((lon, lat)) => {
            let ns = if lat >= 0.0 { 'N' } else { 'S' };
            let ew = if lon >= 0.0 { 'E' } else { 'W' };
            format!(" · {:.2}°{ns} {:.2}°{ew}", lat.abs(), lon.abs())
        }
        None => " · not on the map: the briefing gives no coordinates".to_owned(),
    };
    x = put(buf, x, area.y, area.right(), &at, theme.muted);
    let summary = entity.summary.plain();
    if area.height > 1 {
        for (i, line) in
            wrap(&summary, usize::from(area.width), usize::from(area.height - 1)).iter().enumerate()
        {
            put(buf, area.x, area.y + 1 + i as u16, area.right(), line, theme.body);
        }
    } else if x + 4 < area.right() {
        let room = usize::from(area.right() - x - 3);
        put(
            buf,
            x,
            area.y,
            area.right(),
            &format!(" — {}", crate::ui::fit::end(&summary, room)),
            theme.body,
        );
    }
}
