//! The top row: the panes with the keys that show them, the current one marked. When the row
//! is too narrow for every name, the other panes show only their key.

use crate::app::Shell;
use crate::app::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(buf: &mut Buffer, area: Rect, shell: &Shell) {
    let theme = shell.theme();
    let current = shell.session().pane_id();
    for (pane, x, text) in layout::tabs(area, &shell.tab_labels(), current) {
        if x >= area.right() {
            break;
        }
        let style = if pane == current { theme.tab_current } else { theme.tab };
        buf.set_stringn(x, area.y, &text, (area.right() - x) as usize, style);
    }
}
