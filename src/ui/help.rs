//! The help overlay, generated from the keymap so it always tells the truth about the keys.

use super::theme::THEME;
use crate::app::Keymap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let help = keymap.help();
    let key_width = help
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.width()))
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for (section, rows) in help {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(section.title(), THEME.heading));
        for (keys, description) in rows {
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}  "), THEME.key),
                Span::raw(description),
            ]));
        }
    }
    out
}

/// The overlay's box: centred, as large as its text or the screen allows.
pub fn area(screen: Rect, keymap: &Keymap) -> Rect {
    let lines = lines(keymap);
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// The furthest the help can scroll at this screen size.
pub fn max_scroll(screen: Rect, keymap: &Keymap) -> usize {
    let visible = area(screen, keymap).height.saturating_sub(2) as usize;
    lines(keymap).len().saturating_sub(visible)
}

pub fn draw(frame: &mut Frame, screen: Rect, keymap: &Keymap, scroll: usize) {
    let area = area(screen, keymap);
    let scroll = scroll.min(max_scroll(screen, keymap));
    let hint = if max_scroll(screen, keymap) > 0 {
        " j/k scroll · Esc or ? to close "
    } else {
        " Esc or ? to close "
    };
    let block = Block::bordered()
        .border_style(THEME.border_focused)
        .title(" Keys ")
        .title_bottom(Line::from(hint).right_aligned());
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines(keymap))
            .block(block.padding(ratatui::widgets::Padding::horizontal(1)))
            .scroll((scroll as u16, 0)),
        area,
    );
}
