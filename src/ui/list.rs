//! Draws a pane's list: only the rows on screen, side headings in their own style, the
//! selection highlighted (brighter when the list has focus).

use super::theme::THEME;
use crate::app::state::ListRow;
use crate::content::{Briefing, EntityId};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub struct ListView<'a> {
    pub briefing: &'a Briefing,
    /// Items opened before, marked ✓, and bookmarked ones, marked ★.
    pub seen: &'a std::collections::HashSet<EntityId>,
    pub bookmarks: &'a [EntityId],
    pub ids: &'a [EntityId],
    pub rows: &'a [ListRow],
    pub offset: usize,
    pub selected: usize,
    pub focused: bool,
}

impl ListView<'_> {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        if self.ids.is_empty() {
            buf.set_stringn(area.x, area.y, "(none)", area.width as usize, THEME.muted);
            return;
        }
        let rows = self.rows.iter().skip(self.offset).take(area.height as usize);
        for (i, row) in rows.enumerate() {
            let y = area.y + i as u16;
            let line = Rect { y, height: 1, ..area };
            match row {
                ListRow::Heading(label) => {
                    buf.set_stringn(area.x, y, label, area.width as usize, THEME.group);
                }
                ListRow::Item(position) => {
                    let entity = self.briefing.entity(self.ids[*position]);
                    let selected = *position == self.selected;
                    let style = match (selected, self.focused) {
                        (true, true) => THEME.selected,
                        (true, false) => THEME.selected_unfocused,
                        _ => THEME.body,
                    };
                    buf.set_style(line, style);
                    let id = self.ids[*position];
                    if self.bookmarks.contains(&id) {
                        buf.set_stringn(area.x, y, "★", 1, style.patch(THEME.heading));
                    } else if self.seen.contains(&id) {
                        buf.set_stringn(area.x, y, "✓", 1, style.patch(THEME.muted));
                    }
                    let mut x = area.x + 1;
                    if let Some(date) = entity.date() {
                        let when = format!("{:<12}", date.short());
                        let w = (when.width() as u16).min(area.width.saturating_sub(1));
                        let date_style = if selected { style } else { THEME.label };
                        buf.set_stringn(x, y, &when, w as usize, date_style);
                        x += w + 1;
                    }
                    if x < area.right() {
                        let room = (area.right() - x) as usize;
                        let name = truncate(&entity.name, room);
                        buf.set_stringn(x, y, &name, room, style);
                    }
                }
            }
        }
    }
}

/// Cuts text to `width` columns, ending in "…" when it had to cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
