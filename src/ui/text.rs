//! Draws wrapped text: the rows on screen only, with links styled, the focused link
//! highlighted and a highlighted source paragraph shaded.

use super::theme::THEME;
use crate::document::Wrapped;
use crate::search::on_screen::Match;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub struct TextView<'a> {
    pub wrapped: &'a Wrapped,
    pub scroll: usize,
    pub focused_link: Option<usize>,
    pub highlight: Option<u32>,
    pub marks: &'a Marks<'a>,
}

/// What is drawn over the text: search matches (and which is current), and link labels
/// (with how much of each has been typed).
#[derive(Debug, Default)]
pub struct Marks<'a> {
    pub matches: &'a [Match],
    pub current: Option<usize>,
    pub hints: Vec<(String, usize)>,
    pub typed: usize,
}

impl TextView<'_> {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let rows = self.wrapped.rows.iter().skip(self.scroll).take(area.height as usize);
        for (i, row) in rows.enumerate() {
            let y = area.y + i as u16;
            if self.highlight.is_some() && row.paragraph == self.highlight {
                buf.set_style(Rect { y, height: 1, ..area }, THEME.highlight);
            }
            for segment in &row.segments {
                if segment.x >= area.width {
                    continue;
                }
                let mut style = THEME.text(segment.style);
                if let Some(link) = segment.link {
                    style = style.patch(if Some(link) == self.focused_link {
                        THEME.focused_link
                    } else {
                        THEME.link
                    });
                }
                let x = area.x + segment.x;
                let room = (area.right() - x) as usize;
                buf.set_stringn(x, y, &segment.text, room, style);
            }
        }
        let visible = self.scroll..self.scroll + area.height as usize;
        for (i, found) in self.marks.matches.iter().enumerate() {
            let style = if Some(i) == self.marks.current { THEME.find_current } else { THEME.find };
            for &(row, x0, x1) in found.spans.iter().filter(|s| visible.contains(&s.0)) {
                let x = area.x + x0.min(area.width);
                let width = x1.min(area.width).saturating_sub(x0.min(area.width));
                buf.set_style(
                    Rect { x, y: area.y + (row - self.scroll) as u16, width, height: 1 },
                    style,
                );
            }
        }
        for (label, link) in &self.marks.hints {
            let Some(spot) = self.wrapped.links.get(*link).and_then(|s| s.first()) else {
                continue;
            };
            if !visible.contains(&spot.row) || spot.x0 >= area.width {
                continue;
            }
            let rest: String = label.chars().skip(self.marks.typed).collect();
            let room = (area.width - spot.x0) as usize;
            buf.set_stringn(
                area.x + spot.x0,
                area.y + (spot.row - self.scroll) as u16,
                rest,
                room,
                THEME.hint,
            );
        }
    }
}

/// "top", "end", "all" or a percentage, for a panel's lower border.
pub fn position(scroll: usize, rows: usize, height: usize) -> String {
    if rows <= height {
        String::new()
    } else if scroll == 0 {
        " top ".to_owned()
    } else if scroll + height >= rows {
        " end ".to_owned()
    } else {
        format!(" {}% ", (scroll + height) * 100 / rows)
    }
}

/// The matches and hint labels the app has for a column.
pub fn marks(app: &crate::app::App, column: crate::app::Column) -> Marks<'_> {
    let mut marks = Marks::default();
    if let (Some(find), crate::app::Column::Main) = (&app.find, column) {
        marks.matches = &find.matches;
        marks.current = find.current;
    }
    if let Some(h) = &app.hints {
        marks.hints = h
            .labels
            .iter()
            .filter(|l| l.column == column && l.label.starts_with(&h.typed))
            .map(|l| (l.label.clone(), l.link))
            .collect();
        marks.typed = h.typed.chars().count();
    }
    marks
}
