//! The boxes a person reads over the panes, the help and the messages: their pages are laid
//! out by `app::overlays`, so the scroll that update allows is the scroll drawn.

use super::fit;
use super::text::{Marks, TextView};
use crate::app::{Action, KeyMode, Shell};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

pub fn draw(buf: &mut Buffer, screen: Rect, shell: &Shell) {
    let Some((which, laid, scroll)) = shell.overlay() else { return };
    let theme = shell.theme();
    let keys = shell.keymap();
    let scroll = scroll.min(laid.max_scroll());
    let close = keys.key_in(KeyMode::Overlay, Action::Close);
    let footer = if laid.max_scroll() > 0 {
        format!(
            " {}/{} scroll · {close} close ",
            keys.key_in(KeyMode::Overlay, Action::Next),
            keys.key_in(KeyMode::Overlay, Action::Prev)
        )
    } else {
        format!(" {close} close ")
    };
    let footer = fit::end(&footer, laid.area.width.saturating_sub(2) as usize);
    let area = laid.area.intersection(screen);
    Clear.render(area, buf);
    Block::bordered()
        .border_style(theme.border_focused)
        .style(theme.body)
        .title(which.title())
        .title_bottom(Line::from(footer).right_aligned())
        .render(area, buf);
    TextView {
        wrapped: &laid.wrapped,
        scroll,
        focused_link: None,
        highlight: None,
        marks: Marks::default(),
        theme,
        hyperlinks: false,
    }
    .draw(laid.text.intersection(screen), buf);
}
