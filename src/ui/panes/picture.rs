//! What the three pictures draw alike: their panel, a plain message when there is not room,
//! text put on a row without passing its end, and a legend of styled glyphs.

use super::panel;
use crate::app::Shell;
use crate::app::action::Action;
use crate::app::keymap::KeyMode;
use crate::app::panes::{EntityPane, Model};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, panel_area: Rect, shell: &Shell, pane: &EntityPane) {
    match pane.model() {
        Some(Model::Axis(axis)) => super::timeline_axis::draw(buf, panel_area, shell, pane, axis),
        Some(Model::Map(places)) => super::map::draw(buf, panel_area, shell, pane, places),
        Some(Model::Matrix(matrix)) => super::matrix::draw(buf, panel_area, shell, pane, matrix),
        None => {
            panel(shell.theme(), pane.id.title(), true).render(panel_area, buf);
        }
    }
}

/// The picture's panel, with its title and a note on its lower border.
pub fn frame(buf: &mut Buffer, area: Rect, theme: &Theme, title: &str, note: &str) {
    let title = crate::ui::fit::end(title, area.width.saturating_sub(6) as usize);
    let mut block = panel(theme, &title, true);
    if !note.is_empty() && note.width() + 4 < usize::from(area.width) {
        block = block.title_bottom(Line::from(format!(" {note} ")).right_aligned());
    }
    block.render(area, buf);
}

/// How many rows lie above and below the ones on screen, for a panel's lower border.
pub fn rows_out_of_view(above: usize, below: usize) -> String {
    let count = crate::document::count;
    match (above, below) {
        (0, 0) => String::new(),
        (a, 0) => format!("↑ {} above · ", count(a, "row")),
        (0, b) => format!("↓ {} below · ", count(b, "row")),
        (a, b) => format!("↑ {a} above, ↓ {b} below · "),
    }
}

/// Says plainly that the picture needs more room, and how to get the list instead.
pub fn no_room(buf: &mut Buffer, area: Rect, shell: &Shell, what: &str, least: (u16, u16)) {
    let toggle = shell.keymap().key_in(KeyMode::Picture, Action::TogglePicture);
    let message = format!(
        "Not enough room for {what}: it needs {}×{} inside this panel. Enlarge the terminal, or press {toggle} for the list.",
        least.0, least.1
    );
    Paragraph::new(Line::styled(message, shell.theme().heading))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Text on one row from `x`, never past `right`; returns the column after it.
pub fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, text: &str, style: Style) -> u16 {
    if x >= right || y >= buf.area.bottom() || x >= buf.area.right() {
        return x;
    }
    let room = usize::from(right.min(buf.area.right()) - x);
    buf.set_stringn(x, y, text, room, style).0
}

/// A legend of glyphs with their words, as many parts as fit on `area`'s rows, each glyph in
/// its own style and the words muted.
pub fn legend(buf: &mut Buffer, area: Rect, parts: &[(String, Style)], theme: &Theme) {
    // Two spaces between parts, or one where that keeps the whole legend on one row.
    let widths: usize = parts.iter().map(|(t, _)| t.width()).sum();
    let gaps = parts.len().saturating_sub(1);
    let gap =
        if area.height == 1 && widths + 2 * gaps > usize::from(area.width) { " " } else { "  " };
    let gap_width = gap.len() as u16;
    let mut x = area.x;
    let mut y = area.y;
    for (text, style) in parts {
        let width = text.width() as u16;
        if x > area.x && x + gap_width + width > area.right() {
            y += 1;
            x = area.x;
        }
        if y >= area.bottom() {
            break;
        }
        if x > area.x {
            x = put(buf, x, y, area.right(), gap, theme.muted);
        }
        let (glyph, words) = text.split_once(' ').unwrap_or((text, ""));
        x = put(buf, x, y, area.right(), glyph, *style);
        if !words.is_empty() {
            x = put(buf, x, y, area.right(), &format!(" {words}"), theme.muted);
        }
    }
}

/// Text wrapped at spaces to `width`, on at most `rows` rows, the last ending in "…" when
/// there was more.
pub fn wrap(text: &str, width: usize, rows: usize) -> Vec<String> {
    if width == 0 || rows == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let more = lines.len() > rows;
    lines.truncate(rows);
    for (i, line) in lines.iter_mut().enumerate() {
        if more && i + 1 == rows {
            *line = crate::ui::fit::end(&format!("{line} …"), width);
        } else {
            *line = crate::ui::fit::end(line, width);
        }
    }
    lines
}
