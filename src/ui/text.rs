//! Draws wrapped text: the rows on screen only, with links styled, the focused link
//! highlighted, a highlighted source paragraph shaded, and the marks of a search, of quoted
//! words and of link labels over it.

use crate::document::Wrapped;
use crate::search::on_screen::Match;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub struct TextView<'a> {
    pub wrapped: &'a Wrapped,
    pub scroll: usize,
    pub focused_link: Option<usize>,
    /// A source paragraph shaded, by number.
    pub highlight: Option<u32>,
    pub marks: Marks<'a>,
    pub theme: &'a Theme,
    /// Whether outside addresses become terminal hyperlinks.
    pub hyperlinks: bool,
}

/// What is drawn over the text: search matches (and which is current), quoted words, and
/// link labels (the part of each not yet typed).
#[derive(Debug, Default)]
pub struct Marks<'a> {
    pub matches: &'a [Match],
    pub current: Option<usize>,
    pub passage: Vec<Match>,
    pub hints: Vec<(String, usize)>,
}

impl TextView<'_> {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = self.theme;
        let rows = self.wrapped.rows.iter().skip(self.scroll).take(area.height as usize);
        for (i, row) in rows.enumerate() {
            let y = area.y + i as u16;
            let highlighted = self.highlight.is_some() && row.paragraph == self.highlight;
            if highlighted {
                buf.set_style(Rect { y, height: 1, ..area }, theme.highlight);
            }
            for segment in &row.segments {
                if segment.x >= area.width {
                    continue;
                }
                let mut style = theme.text(segment.style);
                if let Some(link) = segment.link {
                    style = style.patch(if Some(link) == self.focused_link {
                        theme.focused_link
                    } else {
                        theme.link
                    });
                }
                let x = area.x + segment.x;
                let room = (area.right() - x) as usize;
                // A no-break space only keeps words together when wrapping; on screen, and in
                // what a person copies from it, it is a space.
                if segment.text.contains('\u{a0}') {
                    buf.set_stringn(x, y, segment.text.replace('\u{a0}', " "), room, style);
                } else {
                    buf.set_stringn(x, y, &segment.text, room, style);
                }
            }
        }
        let visible = self.scroll..self.scroll + area.height as usize;
        let mut mark = |found: &Match, style: Style| {
            for &(row, x0, x1) in found.spans.iter().filter(|s| visible.contains(&s.0)) {
                let x = area.x + x0.min(area.width);
                let width = x1.min(area.width).saturating_sub(x0.min(area.width));
                buf.set_style(
                    Rect { x, y: area.y + (row - self.scroll) as u16, width, height: 1 },
                    style,
                );
            }
        };
        for found in &self.marks.passage {
            mark(found, theme.passage);
        }
        for (i, found) in self.marks.matches.iter().enumerate() {
            let style = if Some(i) == self.marks.current { theme.find_current } else { theme.find };
            mark(found, style);
        }
        for (label, link) in &self.marks.hints {
            let Some(spot) = self.wrapped.links.get(*link).and_then(|s| s.first()) else {
                continue;
            };
            if !visible.contains(&spot.row) || spot.x0 >= area.width {
                continue;
            }
            let room = (area.width - spot.x0) as usize;
            buf.set_stringn(
                area.x + spot.x0,
                area.y + (spot.row - self.scroll) as u16,
                label,
                room,
                theme.hint,
            );
        }
        // Last, over every mark and label: the hyperlink wraps each cell's final symbol, and
        // a cell drawn over later (a card, a box) is cleared whole, its width with it.
        if self.hyperlinks {
            super::hyperlink::apply(buf, area, self.wrapped, self.scroll);
        }
    }
}

/// "top", "end" or a percentage, for a panel's lower border; nothing when all of it shows.
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
