//! The rows that say a reload failed: how many problems, the first of them, and the key that
//! shows them all. The briefing below is the last version that loaded.

use super::fit;
use crate::app::{Action, Shell};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn draw(buf: &mut Buffer, area: Rect, shell: &Shell) {
    let Some(report) = shell.session().problems() else { return };
    let theme = shell.theme();
    let style = theme.banner;
    buf.set_style(area, style);
    let errors = report.errors();
    let key = shell.keymap().key(Action::ShowMessages);
    let headline = format!(
        "Not reloaded: {} in the files; showing the last good version. {key}: see all",
        crate::document::count(errors, "error")
    );
    let width = area.width.saturating_sub(2) as usize;
    buf.set_stringn(
        area.x + 1,
        area.y,
        fit::end(&headline, width),
        width,
        style.patch(theme.strong),
    );
    if area.height > 1
        && let Some(first) = report.diagnostics.first()
    {
        let line = fit::end(&report.short_in_file(first), width);
        buf.set_stringn(area.x + 1, area.y + 1, line, width, style);
    }
}
