//! The boxes drawn over the panes: the help and the problems of a failed reload. Both are
//! scrollable text in a centred box, sized to their text or the screen.

use super::theme::THEME;
use crate::app::{App, Overlay};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

/// The open overlay's title and text.
pub fn content(app: &App) -> Option<(&'static str, Vec<Line<'static>>)> {
    match app.overlay.as_ref()? {
        Overlay::Help { .. } => Some((" Keys ", super::help::lines(&app.keymap))),
        Overlay::Search { .. } | Overlay::Palette { .. } | Overlay::Bookmarks { .. } => None,
        Overlay::Problems { .. } => {
            let report = app.problems.as_ref()?;
            // The box can be no wider than the screen less its border and padding.
            let width = (app.size.width as usize).saturating_sub(4).max(10);
            let text = report.render(false);
            let lines = text
                .lines()
                .flat_map(|line| hard_wrap(line, width))
                .map(|line| {
                    let style = if line.starts_with("error") {
                        THEME.slip
                    } else if line.starts_with("warning") {
                        THEME.heading
                    } else {
                        THEME.body
                    };
                    Line::from(Span::styled(line, style))
                })
                .collect();
            Some((" Problems ", lines))
        }
    }
}

fn area(screen: Rect, lines: &[Line]) -> Rect {
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let width = width.max(40).min(screen.width);
    let height = height.min(screen.height);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// The furthest the open overlay can scroll at the current size.
pub fn max_scroll(app: &App) -> usize {
    let Some((_, lines)) = content(app) else {
        return 0;
    };
    let visible = area(app.size, &lines).height.saturating_sub(2) as usize;
    lines.len().saturating_sub(visible)
}

pub fn draw(frame: &mut Frame, app: &App) {
    match app.overlay {
        Some(Overlay::Search { .. }) => return super::search::draw(frame, app),
        Some(Overlay::Palette { .. }) => return super::palette::draw(frame, app),
        Some(Overlay::Bookmarks { .. }) => return super::bookmarks::draw(frame, app),
        _ => {}
    }
    let Some((title, lines)) = content(app) else {
        return;
    };
    let scroll = match app.overlay {
        Some(Overlay::Help { scroll } | Overlay::Problems { scroll }) => scroll,
        _ => 0,
    };
    let screen = frame.area();
    let area = area(screen, &lines);
    let scroll = scroll.min(max_scroll(app));
    let hint = if max_scroll(app) > 0 { " j/k scroll · Esc to close " } else { " Esc to close " };
    let block = Block::bordered()
        .border_style(THEME.border_focused)
        .title(title)
        .title_bottom(Line::from(hint).right_aligned())
        .padding(Padding::horizontal(1));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll as u16, 0)), area);
}

/// Splits a line into pieces no wider than `width`, later pieces indented by two columns, so
/// that nothing is cut off and every row is a line the scroll can count.
fn hard_wrap(line: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            out.push("  ".to_owned());
            used = 2;
        }
        out.last_mut().expect("never empty").push(c);
        used += w;
    }
    out
}
