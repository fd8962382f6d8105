//! The Actors, Issues, Timeline, Places and Glossary panes: a list, the selected entity's
//! detail, and on wide terminals a column of its relations and backlinks.

use super::{marks, panel};
use crate::app::Shell;
use crate::app::find::Scope;
use crate::app::layout::{Areas, bordered};
use crate::app::panes::{Column, EntityPane, Focus, PaneId};
use crate::ui::list::{BASIS_LEGEND, ListView};
use crate::ui::text::{TextView, position};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub fn draw(buf: &mut Buffer, areas: &Areas, shell: &Shell, pane: &EntityPane) {
    let session = shell.session();
    let theme = shell.theme();
    let view = &pane.view;
    let list_focused = view.focus == Focus::List;

    if let Some(list_area) = areas.list {
        let items = pane.list.items.len();
        let count =
            if items == 0 { String::new() } else { format!(" {}/{items} ", view.selected + 1) };
        let mut block = panel(theme, &list_title(shell, pane), list_focused)
            .title_bottom(Line::from(count.clone()).right_aligned());
        if pane.id == PaneId::Timeline {
            let room = list_area.width as usize;
            let legend = [BASIS_LEGEND, " *inferred †outside "]
                .into_iter()
                .find(|l| l.chars().count() + count.len() + 4 <= room);
            if let Some(legend) = legend {
                block = block.title_bottom(Line::styled(legend, theme.muted).left_aligned());
            }
        }
        block.render(list_area, buf);
        let query = session
            .find()
            .filter(|f| f.scope == Some(Scope::List(pane.id)))
            .map(|f| f.query.as_str());
        ListView {
            briefing: &session.briefing,
            seen: session.seen(),
            bookmarks: session.bookmarks(),
            list: &pane.list,
            offset: view.list_offset,
            selected: view.selected,
            focused: list_focused,
            query,
            theme,
        }
        .draw(bordered(list_area), buf);
    }

    let title = match pane.selected() {
        Some(id) => capitalised(session.briefing.entity(id).kind().label()),
        None => "Nothing to show".to_owned(),
    };
    text_column(buf, shell, pane, Column::Main, areas.main, &title, !list_focused);
    if let Some(side) = areas.side {
        let title = match view.beside {
            Some(id) => format!("Beside: {}", session.briefing.entity(id).name),
            None => "Related".to_owned(),
        };
        text_column(buf, shell, pane, Column::Side, side, &title, false);
    }
}

fn text_column(
    buf: &mut Buffer,
    shell: &Shell,
    pane: &EntityPane,
    column: Column,
    panel_area: Rect,
    title: &str,
    focused: bool,
) {
    let theme = shell.theme();
    let reading = &pane.view.reading;
    let scroll = reading.scroll[column.index()];
    let link_here = reading.link.is_some_and(|l| l.column == column);
    let title = crate::ui::fit::end(title, panel_area.width.saturating_sub(6) as usize);
    let mut block = panel(theme, &title, focused || link_here);
    let wrapped = shell.session().wrapped(column);
    if let Some((w, text)) = &wrapped {
        block = block.title_bottom(
            Line::from(position(scroll, w.height(), text.height as usize)).right_aligned(),
        );
    }
    block.render(panel_area, buf);
    if let Some((w, text)) = wrapped {
        TextView {
            wrapped: &w,
            scroll,
            focused_link: reading.link.filter(|l| l.column == column).map(|l| l.index),
            highlight: None,
            marks: marks(shell, column),
            theme,
            hyperlinks: shell.hyperlinks(),
        }
        .draw(text, buf);
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The list's title, naming the actor when the actor filter narrows it.
fn list_title(shell: &Shell, pane: &EntityPane) -> String {
    let session = shell.session();
    match session.filter() {
        Some(actor) if matches!(pane.id, PaneId::Timeline | PaneId::Issues) => {
            format!("{} · {}", pane.id.title(), session.briefing.entity(actor).name)
        }
        _ => pane.id.title().to_owned(),
    }
}
