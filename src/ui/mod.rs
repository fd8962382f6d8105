//! Drawing: a pure function of the shell's state, with its theme. Nothing here changes state.

pub mod banner;
pub mod fit;
pub mod hyperlink;
pub mod library;
pub mod list;
pub mod overlay;
pub mod panes;
pub mod peek;
pub mod picker;
pub mod status;
pub mod tabs;
pub mod text;
pub mod trail;

use crate::app::Shell;
use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, shell: &Shell) {
    let screen = frame.area().intersection(shell.screen());
    if shell.too_small() {
        too_small(frame, shell);
        return;
    }
    let buf = frame.buffer_mut();
    if shell.library_shown() {
        library::draw(buf, screen, shell);
        if shell.mode().is_box() {
            backdrop(buf, screen);
        }
        overlay::draw(buf, screen, shell);
        return;
    }
    let areas = shell.session().areas();
    tabs::draw(buf, areas.tabs, shell);
    trail::draw(buf, areas.trail, shell);
    panes::draw(buf, &areas, shell);
    if let Some(banner) = areas.banner {
        banner::draw(buf, banner, shell);
    }
    status::draw(buf, areas.status, shell);
    peek::draw(buf, shell);
    if shell.mode().is_box() {
        backdrop(buf, screen);
    }
    overlay::draw(buf, screen, shell);
    picker::draw(buf, screen, shell);
    if shell.cursor()
        && let Some(position) = cursor(shell)
    {
        frame.set_cursor_position(position);
    }
}

/// Where the terminal's cursor goes, so that a screen reader or a braille display follows the
/// reader: the focused link, else the selected row of a focused list, else the top of the
/// text being read. None while a box is open (it has its own focus) or nothing fits.
fn cursor(shell: &Shell) -> Option<ratatui::layout::Position> {
    use crate::app::{Column, Focus, Mode, Pane};
    use ratatui::layout::Position;
    use unicode_width::UnicodeWidthStr;
    let session = shell.session();
    let screen = shell.screen();
    let within = |x: u16, y: u16| Position { x: x.min(screen.right().saturating_sub(1)), y };
    // The library's chosen row, as it is drawn (ui/library.rs): rows start two below the top.
    if shell.library_shown() {
        let view = shell.library()?;
        let (top, selected) = (shell.library_top(), view.selected);
        let height = screen.height.saturating_sub(3) as usize;
        let shown = view.results.is_none() && selected >= top && selected < top + height;
        return shown.then(|| within(screen.x, screen.y + 2 + (selected - top) as u16));
    }
    // While typing, the cursor is where the next letter goes; in a list box, on its selection.
    match shell.mode() {
        Mode::Find { .. } => {
            let query = shell.prompt().map_or(0, |f| f.query.width()) as u16;
            let status = session.areas().status;
            return Some(within(status.x + 1 + query, status.y));
        }
        Mode::Search(_) | Mode::Palette(_) => {
            let (prompt, typed) = match shell.mode() {
                Mode::Search(s) => ("Search: ", s.input.as_str()),
                Mode::Palette(p) => ("Go to: ", p.input.as_str()),
                _ => return None,
            };
            let inner = crate::app::pickers::picker_layout(screen).inner;
            let x = inner.x + (prompt.width() + typed.width()) as u16;
            return (!inner.is_empty()).then(|| within(x, inner.y));
        }
        Mode::Bookmarks { selected } | Mode::Listing { selected, .. } => {
            let list = crate::app::pickers::picker_layout(screen).list;
            let rows = shell.picker_rows();
            let row =
                rows.iter().position(|r| *r == crate::app::pickers::PickerRow::Item(*selected))?;
            let top = crate::app::pickers::window(row, list.height as usize);
            return (!list.is_empty()).then(|| within(list.x, list.y + (row - top) as u16));
        }
        _ if shell.mode().is_box() => return None,
        _ => {}
    }
    let pane = session.pane();
    let reading = pane.reading();
    if let Some(link) = reading.link
        && let Some((wrapped, area)) = session.wrapped(link.column)
        && let Some(spot) = wrapped.links.get(link.index).and_then(|s| s.first())
    {
        let scroll = reading.scroll[link.column.index()];
        if spot.row >= scroll && spot.row < scroll + area.height as usize && spot.x0 < area.width {
            return Some(Position { x: area.x + spot.x0, y: area.y + (spot.row - scroll) as u16 });
        }
    }
    let areas = session.areas();
    if let Pane::Entities(p) = pane
        && p.view.focus == Focus::List
        && let Some(list) = areas.list.map(crate::app::layout::bordered)
        && let Some(&row) = p.list.item_rows.get(p.view.selected)
        && row >= p.view.list_offset
        && row < p.view.list_offset + list.height as usize
    {
        return Some(Position { x: list.x, y: list.y + (row - p.view.list_offset) as u16 });
    }
    let (_, area) = session.wrapped(Column::Main)?;
    (!area.is_empty()).then_some(Position { x: area.x, y: area.y })
}

/// Dims what is under a box, so the panes at its sides read as behind it, not beside it.
fn backdrop(buf: &mut ratatui::buffer::Buffer, area: ratatui::layout::Rect) {
    buf.set_style(area, ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM));
}

fn too_small(frame: &mut Frame, shell: &Shell) {
    let area = frame.area();
    let quit = shell.keymap().key(crate::app::Action::Quit);
    let how = if quit.is_empty() { "Ctrl-c".to_owned() } else { format!("{quit} or Ctrl-c") };
    let message = format!(
        "Terminal too small ({}x{}). briefing needs at least {MIN_WIDTH}x{MIN_HEIGHT}: enlarge the window, or press {how} to quit.",
        shell.screen().width,
        shell.screen().height
    );
    let paragraph =
        Paragraph::new(Line::styled(message, shell.theme().heading)).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}
