//! The bookmarks box.

use super::palette::entity_line;
use super::picker::{Picker, Row};
use crate::app::{App, Overlay};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(Overlay::Bookmarks { selected }) = &app.overlay else { return };
    let rows = app.bookmarks.iter().map(|id| Row::Item(entity_line(app, *id))).collect();
    Picker {
        title: " Bookmarks ",
        input: None,
        summary: format!("{} bookmarked", app.bookmarks.len()),
        rows,
        selected: *selected,
        hint: " j/k choose · Enter go · m remove · Esc close ",
    }
    .draw(frame);
}
