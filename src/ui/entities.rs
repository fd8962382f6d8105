//! The Actors, Issues, Timeline, Places and Glossary panes: a list, the selected entity's
//! detail, and on wide terminals a column of its relations and backlinks.

use super::layout::{Areas, bordered};
use super::list::ListView;
use super::text::{TextView, position};
use super::theme::THEME;
use crate::app::{App, Column, Focus};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

pub fn draw(buf: &mut Buffer, areas: &Areas, app: &App) {
    if app.tab.kind().is_none() {
        return;
    }
    let view = app.view();
    let ids = &app.items[app.tab.index()];
    let list_focused = view.focus == Focus::List;

    if let Some(list_area) = areas.list {
        let count = if ids.is_empty() {
            String::new()
        } else {
            format!(" {}/{} ", view.selected + 1, ids.len())
        };
        panel(&list_title(app), list_focused)
            .title_bottom(Line::from(count).right_aligned())
            .render(list_area, buf);
        ListView {
            briefing: &app.briefing,
            seen: &app.seen,
            bookmarks: &app.bookmarks,
            ids,
            rows: &app.lists[app.tab.index()],
            offset: view.list_offset,
            selected: view.selected,
            focused: list_focused,
        }
        .draw(bordered(list_area), buf);
    }

    let title = match app.selected_entity(app.tab) {
        Some(id) => capitalised(app.briefing.entity(id).kind().label()),
        None => "Nothing to show".to_owned(),
    };
    text_column(buf, app, Column::Main, areas.main, areas.main_text(), &title, !list_focused);
    if let (Some(side), Some(side_text)) = (areas.side, areas.side_text()) {
        let title = match view.beside {
            Some(id) => format!("Beside: {}", app.briefing.entity(id).name),
            None => "Related".to_owned(),
        };
        text_column(buf, app, Column::Side, side, side_text, &title, false);
    }
}

fn text_column(
    buf: &mut Buffer,
    app: &App,
    column: Column,
    panel_area: Rect,
    text: Rect,
    title: &str,
    focused: bool,
) {
    let view = app.view();
    let scroll = match column {
        Column::Main => view.scroll,
        Column::Side => view.side_scroll,
    };
    let link_here = view.link.is_some_and(|(c, _)| c == column);
    let mut block = panel(title, focused || link_here);
    let wrapped = app.wrapped(column);
    if let Some(w) = &wrapped {
        block = block.title_bottom(
            Line::from(position(scroll, w.height(), text.height as usize)).right_aligned(),
        );
    }
    block.render(panel_area, buf);
    if let Some(w) = wrapped {
        let marks = super::text::marks(app, column);
        TextView {
            wrapped: &w,
            scroll,
            focused_link: view.link.filter(|(c, _)| *c == column).map(|(_, i)| i),
            highlight: None,
            marks: &marks,
        }
        .draw(text, buf);
    }
}

fn panel(title: &str, focused: bool) -> Block<'static> {
    Block::bordered()
        .border_style(if focused { THEME.border_focused } else { THEME.border })
        .title(format!(" {title} "))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The list's title, naming the actor when the actor filter narrows it.
fn list_title(app: &App) -> String {
    match app.filter {
        Some(actor) if matches!(app.tab, crate::app::Tab::Timeline | crate::app::Tab::Issues) => {
            format!("{} · {}", app.tab.title(), app.briefing.entity(actor).name)
        }
        _ => app.tab.title().to_owned(),
    }
}
