//! Drawing: a pure function of the reader's state. Nothing here changes state.

pub mod banner;
pub mod bookmarks;
pub mod entities;
pub mod help;
pub mod layout;
pub mod list;
pub mod overlay;
pub mod palette;
pub mod peek;
pub mod picker;
pub mod prose;
pub mod search;
pub mod status;
pub mod tabs;
pub mod text;
pub mod theme;
pub mod trail;

use crate::app::App;
use layout::{MIN_HEIGHT, MIN_WIDTH};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use theme::THEME;

pub fn draw(frame: &mut Frame, app: &App) {
    let areas = app.areas();
    let area = frame.area();
    if areas.too_small {
        too_small(frame, area);
        return;
    }
    tabs::draw(frame.buffer_mut(), areas.tabs, app.tab);
    trail::draw(frame.buffer_mut(), areas.trail, app);
    if app.tab.kind().is_some() {
        entities::draw(frame.buffer_mut(), &areas, app);
    } else {
        prose::draw(frame.buffer_mut(), &areas, app);
    }
    if let Some(banner) = areas.banner {
        banner::draw(frame.buffer_mut(), banner, app);
    }
    status::draw(frame.buffer_mut(), areas.status, app);
    peek::draw(frame.buffer_mut(), area, app);
    overlay::draw(frame, app);
}

fn too_small(frame: &mut Frame, area: Rect) {
    let message = format!(
        "Terminal too small ({}x{}). briefing needs at least {MIN_WIDTH}x{MIN_HEIGHT}: enlarge the window, or press q to quit.",
        area.width, area.height
    );
    let paragraph = Paragraph::new(Line::styled(message, THEME.heading)).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}
