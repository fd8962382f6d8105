//! The bottom row: a message when there is one, else where the focused link leads, else the
//! keys that matter here.

use super::theme::THEME;
use crate::app::{Action, App, Focus};
use crate::document::Target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let help = format!("{} help ", key(app, Action::Help));
    let help_width = help.width() as u16;
    let left_room = area.width.saturating_sub(help_width + 2) as usize;
    let x = area.x + 1;
    if let Some(message) = &app.status {
        buf.set_stringn(x, area.y, message, left_room, THEME.heading);
    } else if let Some(target) = app.focused_target() {
        let text = describe(app, &target);
        buf.set_stringn(x, area.y, format!("→ {text}"), left_room, THEME.status);
    } else {
        buf.set_stringn(x, area.y, hints(app), left_room, THEME.muted);
    }
    if area.width > help_width {
        buf.set_stringn(
            area.right() - help_width,
            area.y,
            help,
            help_width as usize,
            THEME.key,
        );
    }
}

/// Where a link leads, in a line: "actor Sergei Lavrov — Foreign Minister of Russia."
fn describe(app: &App, target: &Target) -> String {
    match target {
        Target::Entity(id) => {
            let entity = app.briefing.entity(*id);
            format!(
                "{} {} — {}",
                entity.kind().label(),
                entity.name,
                entity.summary.plain()
            )
        }
        Target::Paragraph(n) => format!("paragraph {n} of the source"),
        Target::External(url) => {
            format!("outside address {url} (briefing does not open a browser)")
        }
    }
}

fn hints(app: &App) -> String {
    let k = |a| key(app, a);
    let on_list = app.tab.kind().is_some() && app.view().focus == Focus::List;
    if on_list {
        format!(
            "{}/{} select · {} open · {} links · {} back",
            k(Action::Next),
            k(Action::Prev),
            k(Action::Follow),
            k(Action::NextLink),
            k(Action::Back)
        )
    } else {
        format!(
            "{}/{} scroll · {} links · {} follow · {} back",
            k(Action::Next),
            k(Action::Prev),
            k(Action::NextLink),
            k(Action::Follow),
            k(Action::Back)
        )
    }
}

fn key(app: &App, action: Action) -> String {
    app.keymap
        .keys_for(action)
        .first()
        .cloned()
        .unwrap_or_default()
}
