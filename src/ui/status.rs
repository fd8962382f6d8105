//! The bottom row: what is being typed, a message, where the focused link leads, or the keys
//! that matter here, always named as the person's keymap has them; on the right, what is on
//! (a filter, the mouse) and the help key. Whatever does not fit ends in "…".

use super::fit;
use crate::app::panes::{Focus, Pane};
use crate::app::{Action, KeyMode, Shell};
use crate::document::Target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, area: Rect, shell: &Shell) {
    let theme = shell.theme();
    let mut right = indicators(shell, area.width);
    let mut room = area.width.saturating_sub(right.width() as u16 + 2) as usize;
    let x = area.x + 1;
    let (text, style, cut) = left(shell, room);
    // A message is there for a moment and says what just happened: when it does not fit
    // beside the indicators, it takes their place rather than losing its middle.
    if matches!(cut, Cut::Middle) && text.width() > room {
        right.clear();
        room = area.width.saturating_sub(2) as usize;
    }
    let right_width = right.width() as u16;
    let text = match cut {
        Cut::Middle => fit::middle(&text, room),
        Cut::End => fit::end(&text, room),
    };
    buf.set_stringn(x, area.y, &text, room, style(theme));
    if area.width > right_width {
        buf.set_stringn(area.right() - right_width, area.y, right, right_width as usize, theme.key);
    }
}

type Pick = fn(&crate::theme::Theme) -> ratatui::style::Style;

/// Where a line too long for the row is cut: a message keeps its end too (a path, a count),
/// and takes the indicators' room first; a description reads from its start.
enum Cut {
    Middle,
    End,
}

/// The left part of the row, how it is drawn, and where it is cut when too long.
fn left(shell: &Shell, room: usize) -> (String, Pick, Cut) {
    let keys = shell.keymap();
    let session = shell.session();
    if let Some(find) = shell.prompt() {
        let found = match (find.count(), find.current) {
            _ if find.query.is_empty() => String::new(),
            (0, _) => "  no match".to_owned(),
            (n, Some(i)) => format!("  {}/{n}", i + 1),
            (n, None) => format!("  {n} matches"),
        };
        let accept = keys.key_in(KeyMode::Prompt, Action::Accept);
        let cancel = keys.key_in(KeyMode::Prompt, Action::Cancel);
        let text = format!("/{}▏{found}   {accept} keep · {cancel} cancel", find.query);
        return (text, |t| t.key, Cut::End);
    }
    if let Some(hints) = shell.hints() {
        let what = if hints.beside { "open it beside" } else { "follow it" };
        let cancel = keys.key_in(KeyMode::Hints, Action::Cancel);
        return (
            format!("Type a link's label to {what}: {}▏  {cancel} cancels", hints.typed),
            |t| t.hint,
            Cut::End,
        );
    }
    if let Some(message) = shell.status() {
        return (message.to_owned(), |t| t.heading, Cut::Middle);
    }
    if let Some(text) = picture(shell) {
        return (text, |t| t.status, Cut::End);
    }
    if let Some(target) = session.focused_target() {
        return (format!("→ {}", describe(shell, &target)), |t| t.status, Cut::End);
    }
    if let Some(find) = session.find() {
        let position = match (find.current, find.count()) {
            (_, 0) => "no match here".to_owned(),
            (Some(i), n) => format!("{}/{n}", i + 1),
            (None, n) => format!("{n} matches"),
        };
        let text = format!(
            "/{}  {position} · {}/{} next/previous · {} clears",
            find.query,
            keys.key(Action::NextMatch),
            keys.key(Action::PrevMatch),
            keys.key(Action::Close)
        );
        return (text, |t| t.status, Cut::End);
    }
    (hints(shell, room), |t| t.muted, Cut::End)
}

/// On a picture: what the matrix's cell says, or the keys that move the axis and the map.
fn picture(shell: &Shell) -> Option<String> {
    use crate::app::panes::{Model, PictureView};
    let Pane::Entities(pane) = shell.session().pane() else { return None };
    if !pane.shows_picture() {
        return None;
    }
    let k = |a| shell.keymap().key_in(KeyMode::Picture, a);
    let common = format!(
        "{}/{} zoom · {} fit · {} open · {} list",
        k(Action::ZoomIn),
        k(Action::ZoomOut),
        k(Action::ZoomFit),
        k(Action::Follow),
        k(Action::TogglePicture)
    );
    match (pane.model()?, pane.view.picture.as_ref()?) {
        (Model::Matrix(m), PictureView::Matrix(v)) => {
            m.describe(&shell.session().briefing, v, pane.view.selected)
        }
        (Model::Axis(_), _) => Some(format!(
            "{}/{} earlier/later · {}/{} row · {common}",
            k(Action::StepLeft),
            k(Action::StepRight),
            k(Action::Next),
            k(Action::Prev)
        )),
        (Model::Map(_), _) => Some(format!(
            "{}{}{}{} nearest that way · arrows pan · {common}",
            k(Action::StepLeft),
            k(Action::Next),
            k(Action::Prev),
            k(Action::StepRight)
        )),
        _ => None,
    }
}

/// The right-hand indicators, shortened on a narrow row so that what the reader is typing or
/// reading on the left keeps at least half of it.
fn indicators(shell: &Shell, width: u16) -> String {
    let session = shell.session();
    let help = format!("{} help ", shell.keymap().key(Action::Help));
    let filter = session.filter().map(|actor| session.briefing.entity(actor).name.clone());
    let mouse = if shell.mouse() { "mouse · " } else { "" };
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
fn describe(shell: &Shell, target: &Target) -> String {
    let briefing = &shell.session().briefing;
    match target {
        Target::Entity(id) => {
            let entity = briefing.entity(*id);
            format!("{} {} — {}", entity.kind().label(), entity.name, entity.summary.plain())
        }
        Target::Paragraph(n) => format!("paragraph {n} of the source"),
        Target::Quote(id, i) => {
            let para = briefing.quote(*id, *i).map_or(0, |q| q.para);
            format!("the quoted words in paragraph {para} of the source")
        }
        Target::External(url) => {
            format!("outside address {url} (briefing does not open a browser)")
        }
        Target::More(listing) => {
            format!("all {} of them, in a box to choose from", listing.items(briefing).len())
        }
    }
}

/// The keys that matter where the reader is, as many as fit, most useful first.
fn hints(shell: &Shell, room: usize) -> String {
    let k = |a| shell.keymap().key(a);
    let on_list =
        matches!(shell.session().pane(), Pane::Entities(p) if p.view.focus == Focus::List);
    let items = if on_list {
        vec![
            format!("{}/{} select", k(Action::Next), k(Action::Prev)),
            format!("{} open", k(Action::Follow)),
            format!("{} links", k(Action::NextLink)),
            format!("{} find", k(Action::Find)),
            format!("{} jump", k(Action::Palette)),
        ]
    } else {
        vec![
            format!("{}/{} scroll", k(Action::Next), k(Action::Prev)),
            format!("{} links", k(Action::NextLink)),
            format!("{} label links", k(Action::Hints)),
            format!("{} back", k(Action::Back)),
            format!("{} find", k(Action::Find)),
        ]
    };
    let mut out = String::new();
    for item in items {
        let next = if out.is_empty() { item } else { format!("{out} · {item}") };
        if next.width() > room {
            break;
        }
        out = next;
    }
    out
}
