//! The top row: the seven panes with their keys, the current one highlighted. When the row is
//! too narrow for every name, the other panes show only their number.

use super::theme::THEME;
use crate::app::Tab;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, area: Rect, current: Tab) {
    for (tab, x, text) in placed(area, current) {
        if x >= area.right() {
            break;
        }
        let style = if tab == current { THEME.tab_current } else { THEME.tab };
        buf.set_stringn(x, area.y, &text, (area.right() - x) as usize, style);
    }
}

/// The tab whose label is at column `x`, for a mouse click.
pub fn tab_at(area: Rect, current: Tab, x: u16) -> Option<Tab> {
    placed(area, current)
        .into_iter()
        .find(|(_, start, text)| x >= *start && x < start + text.width() as u16)
        .map(|(tab, ..)| tab)
}

/// Each tab with the column its label starts at and the label.
fn placed(area: Rect, current: Tab) -> Vec<(Tab, u16, String)> {
    let full: usize = Tab::ALL.iter().map(|t| label(*t, true).width()).sum();
    let names = full <= area.width as usize;
    let mut x = area.x;
    Tab::ALL
        .iter()
        .map(|tab| {
            let text = label(*tab, names || *tab == current);
            let start = x;
            x = x.saturating_add(text.width() as u16);
            (*tab, start, text)
        })
        .collect()
}

fn label(tab: Tab, named: bool) -> String {
    if named {
        format!(" {} {} ", tab.index() + 1, tab.title())
    } else {
        format!(" {} ", tab.index() + 1)
    }
}
