//! The second row: the trail of places that Back returns through, ending where the reader is.

use super::theme::THEME;
use crate::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const SEPARATOR: &str = " › ";

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let mut labels: Vec<String> = app.history.back.iter().map(|p| app.place_label(p)).collect();
    let here = app.place_label(&app.here());
    // Keep the end of the trail, which is nearest to the reader, when it does not all fit.
    let room = area.width.saturating_sub(1) as usize;
    let mut shown: Vec<String> = Vec::new();
    let mut used = here.width();
    while let Some(label) = labels.pop() {
        let w = label.width() + SEPARATOR.width();
        if used + w + 2 > room {
            shown.insert(0, "…".to_owned());
            break;
        }
        used += w;
        shown.insert(0, label);
    }
    let mut x = area.x + 1;
    for label in &shown {
        x = put(buf, x, area, label, THEME.muted);
        x = put(buf, x, area, SEPARATOR, THEME.muted);
    }
    put(buf, x, area, &here, THEME.strong);
}

fn put(buf: &mut Buffer, x: u16, area: Rect, text: &str, style: ratatui::style::Style) -> u16 {
    if x >= area.right() {
        return x;
    }
    let room = (area.right() - x) as usize;
    let (next, _) = buf.set_stringn(x, area.y, text, room, style);
    next
}
