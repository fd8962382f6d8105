//! Draws wrapped text: the rows on screen only, with links styled, the focused link
//! highlighted and a highlighted source paragraph shaded.

use super::theme::THEME;
use crate::document::Wrapped;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub struct TextView<'a> {
    pub wrapped: &'a Wrapped,
    pub scroll: usize,
    pub focused_link: Option<usize>,
    pub highlight: Option<u32>,
}

impl TextView<'_> {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let rows = self
            .wrapped
            .rows
            .iter()
            .skip(self.scroll)
            .take(area.height as usize);
        for (i, row) in rows.enumerate() {
            let y = area.y + i as u16;
            if self.highlight.is_some() && row.paragraph == self.highlight {
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    THEME.highlight,
                );
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
