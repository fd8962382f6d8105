//! The briefing-wide search box: results grouped by kind, each with its matching line.

use super::picker::{Picker, Row, highlighted};
use super::theme::THEME;
use crate::app::{App, Overlay};
use ratatui::Frame;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App) {
    let Some(Overlay::Search { input, hits, total, selected }) = &app.overlay else { return };
    let mut rows = Vec::new();
    let mut group = None;
    for hit in hits {
        if group != Some(hit.group) {
            let count = hits.iter().filter(|h| h.group == hit.group).count();
            rows.push(Row::Heading(format!("{} ({count})", hit.group.title())));
            group = Some(hit.group);
        }
        let mut spans = vec![Span::styled(format!("  {}  ", hit.title), THEME.strong)];
        spans.extend(highlighted(
            &hit.snippet,
            hit.highlight.clone(),
            THEME.muted,
            THEME.find_current,
        ));
        rows.push(Row::Item(Line::from(spans)));
    }
    let summary = match (input.trim().is_empty(), *total) {
        (true, _) => "type to search every entity and the source".to_owned(),
        (false, 0) => "no match".to_owned(),
        (false, n) if n > hits.len() => format!("{n} results, the first {} shown", hits.len()),
        (false, 1) => "1 result".to_owned(),
        (false, n) => format!("{n} results"),
    };
    Picker {
        title: " Search the briefing ",
        input: Some(("Search: ", input.clone())),
        summary,
        rows,
        selected: *selected,
        hint: " ↑/↓ choose · Enter open · Esc close ",
    }
    .draw(frame);
}
