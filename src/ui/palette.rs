//! The palette: every entity by name, best match first, with its kind and summary.

use super::picker::{Picker, Row};
use super::theme::THEME;
use crate::app::{App, Overlay};
use crate::content::EntityId;
use ratatui::Frame;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(Overlay::Palette { input, results, selected }) = &app.overlay else { return };
    let rows = results.iter().map(|id| Row::Item(entity_line(app, *id))).collect();
    let summary = match results.len() {
        0 => "no match".to_owned(),
        1 => "1 match".to_owned(),
        n => format!("{n} matches"),
    };
    Picker {
        title: " Jump to ",
        input: Some(("Go to: ", input.clone())),
        summary,
        rows,
        selected: *selected,
        hint: " ↑/↓ choose · Enter go · Esc close ",
    }
    .draw(frame);
}

/// "Rose Gottemoeller   actor   Acting Under Secretary of State …"
pub fn entity_line(app: &App, id: EntityId) -> Line<'static> {
    let entity = app.briefing.entity(id);
    Line::from(vec![
        Span::styled(format!("{:<28} ", super::list::truncate(&entity.name, 28)), THEME.strong),
        Span::styled(format!("{:<7} ", entity.kind().label()), THEME.label),
        Span::styled(entity.summary.plain(), THEME.muted),
    ])
}
