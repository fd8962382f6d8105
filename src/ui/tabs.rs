//! The top row: the seven panes with their keys, the current one highlighted. When the row is
//! too narrow for every name, the other panes show only their number.

use super::theme::THEME;
use crate::app::Tab;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, area: Rect, current: Tab) {
    let full: usize = Tab::ALL.iter().map(|t| label(*t, true).width()).sum();
    let names = full <= area.width as usize;
    let mut x = area.x;
    for tab in Tab::ALL {
        let text = label(tab, names || tab == current);
        let style = if tab == current {
            THEME.tab_current
        } else {
            THEME.tab
        };
        if x >= area.right() {
            break;
        }
        let room = (area.right() - x) as usize;
        buf.set_stringn(x, area.y, &text, room, style);
        x = x.saturating_add(text.width() as u16);
    }
}

fn label(tab: Tab, named: bool) -> String {
    if named {
        format!(" {} {} ", tab.index() + 1, tab.title())
    } else {
        format!(" {} ", tab.index() + 1)
    }
}
