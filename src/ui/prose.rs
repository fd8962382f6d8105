//! The Summary and Source panes: one page of text, scrolled, with links.

use super::layout::Areas;
use super::text::{TextView, position};
use super::theme::THEME;
use crate::app::{App, Column, Tab};
use ratatui::buffer::Buffer;
use ratatui::widgets::{Block, Widget};

pub fn draw(buf: &mut Buffer, areas: &Areas, app: &App) {
    let view = app.view();
    let Some(wrapped) = app.wrapped(Column::Main) else {
        return;
    };
    let text = areas.main_text();
    let mut block = Block::bordered()
        .border_style(THEME.border_focused)
        .title(format!(" {} ", app.tab.title()))
        .title_bottom(
            ratatui::text::Line::from(position(
                view.scroll,
                wrapped.height(),
                text.height as usize,
            ))
            .right_aligned(),
        );
    if app.tab == Tab::Source
        && let Some(n) = view.highlight
    {
        block = block.title(ratatui::text::Line::from(format!(" ¶{n} ")).right_aligned());
    }
    block.render(areas.main, buf);
    let marks = super::text::marks(app, Column::Main);
    TextView {
        wrapped: &wrapped,
        scroll: view.scroll,
        focused_link: view.link.filter(|(c, _)| *c == Column::Main).map(|(_, i)| i),
        highlight: if app.tab == Tab::Source { view.highlight } else { None },
        marks: &marks,
    }
    .draw(text, buf);
}
