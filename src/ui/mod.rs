//! Drawing: a pure function of the shell's state, with its theme. Nothing here changes state.

pub mod banner;
pub mod fit;
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
