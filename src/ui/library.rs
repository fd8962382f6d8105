//! The library screen: a title row, the column heads, one row per briefing (or, after a
//! search of every briefing, one row per match under its briefing), and a status row with
//! what is typed, a message, or the keys that matter here. Columns drop out from the right as
//! the terminal narrows; the title always stays.

use super::fit;
use crate::app::library::{LibraryView, Results, Typing};
use crate::app::{Action, KeyMode, Shell};
use crate::commands::list::{progress, where_from};
use crate::library::{Entry, opened_label};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

pub fn draw(buf: &mut Buffer, screen: Rect, shell: &Shell) {
    let Some(view) = shell.library() else { return };
    let theme = shell.theme();
    buf.set_style(screen, theme.body);
    if screen.height < 3 {
        return;
    }
    let title = match &view.results {
        Some(r) if r.searched < r.total => format!(
            " Library · searching for “{}”: {} of {} briefings…",
            r.query, r.searched, r.total
        ),
        Some(r) => format!(
            " Library · “{}”: {} in {}",
            r.query,
            crate::document::count(r.count(), "match").replace("matchs", "matches"),
            crate::document::count(r.groups.len(), "briefing")
        ),
        None => {
            let shown = view.order.len();
            let all = view.library.entries.len();
            let count = if shown == all {
                crate::document::count(all, "briefing")
            } else {
                format!("{shown} of {all} briefings")
            };
            format!(" Library · {count} · by {}", view.sort.label())
        }
    };
    let width = screen.width as usize;
    buf.set_stringn(screen.x, screen.y, fit::end(&title, width), width, theme.title);
    let list = Rect { y: screen.y + 2, height: screen.height.saturating_sub(3), ..screen };
    let top = shell.library_top();
    match &view.results {
        Some(results) => hits(buf, list, shell, view, results, top),
        None => {
            let columns = Columns::new(screen.width);
            columns.heads(buf, screen.x, screen.y + 1, theme);
            rows(buf, list, shell, view, &columns, top);
        }
    }
    status(buf, Rect { y: screen.bottom() - 1, height: 1, ..screen }, shell, view);
}

/// The widths of the columns that fit: title always; then publisher, date, progress, last
/// opened and where it is, while there is room.
struct Columns {
    title: usize,
    publisher: usize,
    date: usize,
    progress: usize,
    opened: usize,
    place: usize,
}

impl Columns {
    fn new(width: u16) -> Columns {
        let width = usize::from(width).saturating_sub(3);
        let (date, progress, opened, place) = (25, 12, 11, 16);
        let mut c =
            Columns { title: width, publisher: 0, date: 0, progress: 0, opened: 0, place: 0 };
        // Each column joins only when the title keeps at least 36 columns.
        let mut gaps = 0;
        for (slot, w) in [(2, date), (3, progress), (4, opened), (1, 22), (5, place)] {
            let used = c.publisher + c.date + c.progress + c.opened + c.place;
            gaps += 2;
            if width.saturating_sub(used + w + gaps) < 36 {
                break;
            }
            match slot {
                1 => c.publisher = w,
                2 => c.date = w,
                3 => c.progress = w,
                4 => c.opened = w,
                _ => c.place = w,
            }
        }
        let used = [c.publisher, c.date, c.progress, c.opened, c.place];
        let gaps = 2 * used.iter().filter(|w| **w > 0).count();
        c.title = width.saturating_sub(used.iter().sum::<usize>() + gaps);
        c
    }

    /// The cells of a row, in order, each with its width.
    fn cells(&self, cells: [String; 6]) -> Vec<(String, usize)> {
        let widths =
            [self.title, self.publisher, self.date, self.progress, self.opened, self.place];
        cells.into_iter().zip(widths).filter(|(_, w)| *w > 0).collect()
    }

    fn heads(&self, buf: &mut Buffer, x: u16, y: u16, theme: &Theme) {
        let heads =
            ["Title", "Publisher", "Published", "Read", "Opened", "Where"].map(String::from);
        put(buf, x + 3, y, &self.cells(heads), theme.label);
    }
}

/// Writes cells side by side from `x`, each cut to its width, two columns apart.
fn put(buf: &mut Buffer, x: u16, y: u16, cells: &[(String, usize)], style: Style) {
    let mut x = x;
    for (text, width) in cells {
        let text = fit::end(text, *width);
        buf.set_stringn(x, y, &text, *width, style);
        x = x.saturating_add(*width as u16 + 2);
    }
}

fn rows(buf: &mut Buffer, area: Rect, shell: &Shell, view: &LibraryView, c: &Columns, top: usize) {
    let theme = shell.theme();
    let now = jiff::Timestamp::now();
    let tz = jiff::tz::TimeZone::system();
    if view.order.is_empty() {
        let text = if view.filter.is_empty() {
            "No briefings here."
        } else {
            "No briefing's title, publisher or folder holds those words."
        };
        buf.set_stringn(area.x + 3, area.y, text, area.width as usize, theme.muted);
        return;
    }
    for (row, index) in view.order.iter().enumerate().skip(top).take(area.height as usize) {
        let y = area.y + (row - top) as u16;
        let entry = &view.library.entries[*index];
        let chosen = row == view.selected;
        let style = if chosen { theme.selected } else { theme.body };
        buf.set_style(Rect { y, height: 1, ..area }, style);
        // The mark says, in a glyph that needs no colour: the one being read (▸), one that
        // does not load (!).
        let mark = if entry.problem.is_some() {
            "!"
        } else if shell.current_key() == Some(entry.key.as_str()) {
            "▸"
        } else {
            " "
        };
        let mark_style = if entry.problem.is_some() { style.patch(theme.slip) } else { style };
        buf.set_stringn(area.x + 1, y, mark, 1, mark_style);
        let mut cells = cells(entry, now, &tz);
        // Two briefings of one title are told apart by their folders, which stay whole
        // however narrow the title column.
        if entry.twin {
            let suffix = format!(" ({})", where_from(entry));
            let room = c.title.saturating_sub(suffix.width()).max(1);
            cells[0] = format!("{}{suffix}", fit::end(&cells[0], room));
        }
        if shell.current_key() == Some(entry.key.as_str()) {
            cells[4] = "reading now".to_owned();
        }
        put(buf, area.x + 3, y, &c.cells(cells), style);
    }
}

fn cells(e: &Entry, now: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> [String; 6] {
    let opened = match e.recall.opened {
        Some(_) => opened_label(e.recall.opened, now, tz),
        None => "never".to_owned(),
    };
    let read = match e.recall.progress() {
        Some((seen, items)) if items > 0 => format!("{seen}/{items} · {}%", seen * 100 / items),
        _ => progress(e).replace("not opened yet", "—"),
    };
    [
        e.header.title.to_string(),
        e.header.publisher.to_string(),
        e.header.published.as_ref().map_or_else(|| "—".to_owned(), |d| d.display()),
        read,
        opened,
        where_from(e),
    ]
}

/// The matches of a search of every briefing: a heading per briefing, its matches under it.
fn hits(
    buf: &mut Buffer,
    area: Rect,
    shell: &Shell,
    view: &LibraryView,
    results: &Results,
    top: usize,
) {
    let theme = shell.theme();
    if results.groups.is_empty() {
        let text = if results.searched < results.total {
            "Searching…"
        } else {
            "No match in any briefing."
        };
        buf.set_stringn(area.x + 3, area.y, text, area.width as usize, theme.muted);
        return;
    }
    // Each match is a row; a briefing's heading goes above its first match, on the same
    // count of rows as the matches, so the chosen row stays in view.
    let mut y = area.y;
    let selected = shell.library_selected();
    let mut row = 0usize;
    for (entry, found) in &results.groups {
        for (i, hit) in found.iter().enumerate() {
            if row >= top && y < area.bottom() {
                if i == 0 || row == top {
                    let e = &view.library.entries[*entry];
                    let place = if e.twin { format!(", {}", where_from(e)) } else { String::new() };
                    let heading = format!("{} ({}{place})", e.header.title, found.len());
                    buf.set_stringn(
                        area.x + 1,
                        y,
                        fit::end(&heading, area.width as usize - 1),
                        area.width as usize,
                        theme.heading,
                    );
                    y += 1;
                    if y >= area.bottom() {
                        return;
                    }
                }
                let chosen = row == selected;
                let style = if chosen { theme.selected } else { theme.body };
                buf.set_style(Rect { y, height: 1, ..area }, style);
                let name = fit::end(&hit.title, 28);
                buf.set_stringn(area.x + 3, y, &name, 28, style.patch(theme.strong));
                let x = area.x + 3 + name.width() as u16 + 2;
                let room = area.right().saturating_sub(x) as usize;
                buf.set_stringn(
                    x,
                    y,
                    fit::end(&hit.snippet, room),
                    room,
                    if chosen { style } else { theme.muted },
                );
                y += 1;
            }
            row += 1;
        }
    }
}

fn status(buf: &mut Buffer, area: Rect, shell: &Shell, view: &LibraryView) {
    let theme = shell.theme();
    let keys = shell.keymap();
    let k = |a| keys.key_in(KeyMode::Library, a);
    let (text, style) = match view.typing {
        Some(typing) => {
            let (what, typed) = match typing {
                Typing::Filter => ("Filter: ", view.filter.as_str()),
                Typing::Search => ("Search every briefing: ", view.query.as_str()),
            };
            let accept = keys.key_in(KeyMode::Prompt, Action::Accept);
            let cancel = keys.key_in(KeyMode::Prompt, Action::Cancel);
            (format!("{what}{typed}▏   {accept} done · {cancel} cancel"), theme.key)
        }
        None => match shell.status() {
            Some(message) => (message.to_owned(), theme.heading),
            None => match view.chosen().and_then(|e| e.problem.as_ref()) {
                Some(problem) if view.results.is_none() => {
                    (format!("Does not load: {problem}"), theme.slip)
                }
                _ => {
                    let back = if shell.current_key().is_some() {
                        format!(" · {} back", k(Action::Close))
                    } else {
                        String::new()
                    };
                    (
                        format!(
                            "{}/{} choose · {} open · {} filter · {} search all · {} sort{back} · {} quit",
                            k(Action::Next),
                            k(Action::Prev),
                            k(Action::Follow),
                            k(Action::Find),
                            k(Action::Search),
                            k(Action::Sort),
                            k(Action::Quit)
                        ),
                        theme.status,
                    )
                }
            },
        },
    };
    let help = format!("{} help", k(Action::Help));
    // A margin each side and a space before the help key, so a cut line never runs into it.
    let room = (area.width as usize).saturating_sub(help.width() + 3);
    buf.set_stringn(area.x + 1, area.y, fit::end(&text, room), room, style);
    if (area.width as usize) > help.width() + 1 {
        let x = area.right() - help.width() as u16 - 1;
        buf.set_stringn(x, area.y, &help, help.width(), theme.key);
    }
}
