//! The peek card: with a link focused, a small card by the link says what it leads to (kind,
//! name, one-line summary, date) before the reader follows it. `p` hides or shows it.

use super::theme::THEME;
use crate::app::{App, Column};
use crate::document::Target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

const WIDTH: u16 = 48;
const SUMMARY_ROWS: usize = 3;

pub fn draw(buf: &mut Buffer, screen: Rect, app: &App) {
    if !app.peek || app.overlay.is_some() || app.hints.is_some() || app.prompt.is_some() {
        return;
    }
    let Some((column, link)) = app.view().link else { return };
    let (Some(target), Some(wrapped), Some(area)) =
        (app.focused_target(), app.wrapped(column), app.text_area(column))
    else {
        return;
    };
    let lines = card(app, &target);
    if lines.is_empty() {
        return;
    }
    let Some(spot) = wrapped.links.get(link).and_then(|s| s.first()) else { return };
    let scroll = match column {
        Column::Main => app.view().scroll,
        Column::Side => app.view().side_scroll,
    };
    let Some(row) = spot.row.checked_sub(scroll) else { return };
    let width = WIDTH.min(screen.width.saturating_sub(2));
    let height = (rows(&lines, width.saturating_sub(2)) + 2).min(screen.height);
    let link_y = area.y + row as u16;
    let bottom = screen.bottom().saturating_sub(1);
    let y = if link_y + 1 + height <= bottom {
        link_y + 1
    } else if link_y >= area.y + height {
        link_y - height
    } else {
        return;
    };
    let x = (area.x + spot.x0).min(screen.right().saturating_sub(width));
    let card_area = Rect { x, y, width, height };
    Clear.render(card_area, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .style(THEME.card)
        .block(Block::bordered().border_style(THEME.border_focused).style(THEME.card))
        .render(card_area, buf);
}

fn card(app: &App, target: &Target) -> Vec<Line<'static>> {
    match target {
        Target::Entity(id) => {
            let entity = app.briefing.entity(*id);
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} ", entity.kind().label()), THEME.label),
                Span::styled(entity.name.clone(), THEME.strong),
            ])];
            if let Some(date) = entity.date() {
                lines.push(Line::styled(date.display(), THEME.muted));
            }
            let summary: String = entity.summary.plain();
            let short: String = summary.chars().take(SUMMARY_ROWS * (WIDTH as usize - 4)).collect();
            lines.push(Line::raw(short));
            lines
        }
        Target::Paragraph(n) => {
            let text =
                app.briefing.source.paragraphs.get(*n as usize - 1).cloned().unwrap_or_default();
            let short: String = text.chars().take(SUMMARY_ROWS * (WIDTH as usize - 4)).collect();
            vec![
                Line::styled(format!("¶{n} of the source"), THEME.label),
                Line::raw(format!("{short}…")),
            ]
        }
        Target::External(_) => Vec::new(),
    }
}

/// How many rows the card's lines take at `width`, wrapped as the pages are wrapped.
fn rows(lines: &[Line], width: u16) -> u16 {
    let mut doc = crate::document::DocBuilder::default();
    for line in lines {
        doc.block(false).text(line.to_string());
    }
    crate::document::wrap(&doc.finish(), width.max(1)).height() as u16
}
