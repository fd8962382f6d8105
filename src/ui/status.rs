//! The bottom row: what is being typed (`/` query, link label), else a message, else where
//! the focused link leads, else the search in force, else the keys that matter here. On the
//! right: the actor filter, the mouse, and the help key.

use super::theme::THEME;
use crate::app::{Action, App, Focus};
use crate::document::Target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let right = indicators(app, area.width);
    let right_width = right.width() as u16;
    let left_room = area.width.saturating_sub(right_width + 2) as usize;
    let x = area.x + 1;
    if let Some(query) = &app.prompt {
        let found = match app.find.as_ref().map(|f| (f.matches.len(), f.current)) {
            _ if query.is_empty() => String::new(),
            Some((0, _)) | None => "  no match".to_owned(),
            Some((n, Some(i))) => format!("  {}/{n}", i + 1),
            Some((n, None)) => format!("  {n} matches"),
        };
        let text = format!("/{query}▏{found}   Enter keep · Esc cancel");
        buf.set_stringn(x, area.y, text, left_room, THEME.key);
    } else if let Some(hints) = &app.hints {
        let what = if hints.beside { "open it beside" } else { "follow it" };
        let text = format!("Type a link's label to {what}: {}▏  Esc cancels", hints.typed);
        buf.set_stringn(x, area.y, text, left_room, THEME.hint);
    } else if let Some(message) = &app.status {
        buf.set_stringn(x, area.y, message, left_room, THEME.heading);
    } else if let Some(target) = app.focused_target() {
        buf.set_stringn(
            x,
            area.y,
            format!("→ {}", describe(app, &target)),
            left_room,
            THEME.status,
        );
    } else if let Some(find) = &app.find {
        let position = match (find.current, find.matches.len()) {
            (_, 0) => "no match here".to_owned(),
            (Some(i), n) => format!("{}/{n}", i + 1),
            (None, n) => format!("{n} matches"),
        };
        let k = |a| key(app, a);
        let text = format!(
            "/{}  {position} · {}/{} next/previous · Esc clears",
            find.query,
            k(Action::NextMatch),
            k(Action::PrevMatch)
        );
        buf.set_stringn(x, area.y, text, left_room, THEME.status);
    } else {
        buf.set_stringn(x, area.y, hints(app), left_room, THEME.muted);
    }
    if area.width > right_width {
        buf.set_stringn(area.right() - right_width, area.y, right, right_width as usize, THEME.key);
    }
}

/// The right-hand indicators, shortened on a narrow row so that what the reader is typing or
/// reading on the left keeps at least half of it.
fn indicators(app: &App, width: u16) -> String {
    let help = format!("{} help ", key(app, Action::Help));
    let filter = app.filter.map(|actor| app.briefing.entity(actor).name.clone());
    let mouse = if app.mouse { "mouse · " } else { "" };
    let full = match &filter {
        Some(name) => format!("filter: {name} · {mouse}{help}"),
        None => format!("{mouse}{help}"),
    };
    let short = match &filter {
        Some(_) => format!("filter · {mouse}{help}"),
        None => format!("{mouse}{help}"),
    };
    let room = (width / 2) as usize;
    [full, short, help].into_iter().find(|text| text.width() <= room).unwrap_or_default()
}

/// Where a link leads, in a line: "actor Sergei Lavrov — Foreign Minister of Russia."
fn describe(app: &App, target: &Target) -> String {
    match target {
        Target::Entity(id) => {
            let entity = app.briefing.entity(*id);
            format!("{} {} — {}", entity.kind().label(), entity.name, entity.summary.plain())
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
            "{}/{} select · {} open · {} links · {} find · {} jump",
            k(Action::Next),
            k(Action::Prev),
            k(Action::Follow),
            k(Action::NextLink),
            k(Action::Find),
            k(Action::Palette)
        )
    } else {
        format!(
            "{}/{} scroll · {} links · {} label links · {} back · {} find",
            k(Action::Next),
            k(Action::Prev),
            k(Action::NextLink),
            k(Action::Hints),
            k(Action::Back),
            k(Action::Find)
        )
    }
}

fn key(app: &App, action: Action) -> String {
    app.keymap.keys_for(action).first().cloned().unwrap_or_default()
}
