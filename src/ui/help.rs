//! The help's text, generated from the keymap so it always tells the truth about the keys.

use super::theme::THEME;
use crate::app::Keymap;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn lines(keymap: &Keymap) -> Vec<Line<'static>> {
    let help = keymap.help();
    let key_width =
        help.iter().flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.width())).max().unwrap_or(0);
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
