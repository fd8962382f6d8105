//! The rows that say a reload failed: how many problems, the first of them, and the key that
//! shows them all. The briefing below is the last version that loaded.

use super::theme::THEME;
use crate::app::{Action, App};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let Some(report) = &app.problems else { return };
    let style = Style::new().fg(Color::White).bg(Color::Red);
    buf.set_style(area, style);
    let errors = report.errors();
    let key = app.keymap.keys_for(Action::ShowProblems).first().cloned().unwrap_or_default();
    let headline = format!(
        " Not reloaded: {errors} error{} in the files; showing the last good version. {key}: see all",
        if errors == 1 { "" } else { "s" }
    );
    buf.set_stringn(area.x, area.y, headline, area.width as usize, style.patch(THEME.strong));
    if area.height > 1
        && let Some(first) = report.diagnostics.first()
    {
        let line = format!(" {}", report.short(first));
        buf.set_stringn(area.x, area.y + 1, line, area.width as usize, style);
    }
}
