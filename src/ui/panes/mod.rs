//! Drawing each pane: one file per kind of pane, chosen by matching the pane's value.

mod entities;
mod map;
mod matrix;
pub mod picture;
mod prose;
mod timeline_axis;

use crate::app::Shell;
use crate::app::layout::Areas;
use crate::app::panes::{Column, Pane};
use crate::theme::Theme;
use ratatui::widgets::Block;

pub fn draw(buf: &mut ratatui::buffer::Buffer, areas: &Areas, shell: &Shell) {
    match shell.session().pane() {
        Pane::Prose(pane) => prose::draw(buf, areas, shell, pane),
        Pane::Entities(pane) if pane.shows_picture() => picture::draw(buf, areas.main, shell, pane),
        Pane::Entities(pane) => entities::draw(buf, areas, shell, pane),
    }
}

/// A panel's frame: its title, and a border that shows whether it has focus, in colour or,
/// without it, in heavier lines.
pub fn panel(theme: &Theme, title: &str, focused: bool) -> Block<'static> {
    let title_style = if focused { theme.border_focused.patch(theme.strong) } else { theme.border };
    Block::bordered()
        .border_type(theme.border_type(focused))
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(ratatui::text::Span::styled(format!(" {title} "), title_style))
}

/// The marks the shell has for a column of text: search matches, and link labels.
pub fn marks<'a>(shell: &'a Shell, column: Column) -> super::text::Marks<'a> {
    let mut marks = super::text::Marks::default();
    if let (Some(find), Column::Main) = (shell.session().find(), column) {
        marks.matches = &find.matches;
        marks.current = find.current;
    }
    if let Some(hints) = shell.hints() {
        marks.hints = hints.shown(column);
    }
    marks
}
