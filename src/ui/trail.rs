//! The second row: the trail of places that Back returns through, ending where the reader is.
//! A place the reader stood on twice in a row is named once.

use crate::app::Shell;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const SEPARATOR: &str = " › ";

pub fn draw(buf: &mut Buffer, area: Rect, shell: &Shell) {
    let theme = shell.theme();
    let session = shell.session();
    let here = session.place_label(&session.here());
    let mut labels: Vec<String> = Vec::new();
    for place in &session.history.back {
        let label = session.place_label(place);
        if labels.last() != Some(&label) {
            labels.push(label);
        }
    }
    if labels.last() == Some(&here) {
        labels.pop();
    }
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
        x = put(buf, x, area, label, theme.muted);
        x = put(buf, x, area, SEPARATOR, theme.muted);
    }
    let room = area.right().saturating_sub(x) as usize;
    put(buf, x, area, &super::fit::end(&here, room), theme.strong);
}

fn put(buf: &mut Buffer, x: u16, area: Rect, text: &str, style: ratatui::style::Style) -> u16 {
    if x >= area.right() {
        return x;
    }
    let room = (area.right() - x) as usize;
    let (next, _) = buf.set_stringn(x, area.y, text, room, style);
    next
}
