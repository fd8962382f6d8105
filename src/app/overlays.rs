//! The boxes a person reads over the panes: the help, generated from the keymap, and the
//! messages of this run with every problem of a reload that failed. Both are pages wrapped to
//! the box, so a narrow terminal wraps them at words and never cuts them.

use super::action::Section;
use super::keymap::Keymap;
use super::layout;
use super::status::Status;
use crate::content::Report;
use crate::document::{self, Doc, DocBuilder, Role, Style, Wrapped};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Which box, for its title and width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Messages,
}

impl Overlay {
    pub fn title(self) -> &'static str {
        match self {
            Overlay::Help => " Keys ",
            Overlay::Messages => " Messages and problems ",
        }
    }

    fn max_width(self) -> u16 {
        match self {
            Overlay::Help => 88,
            Overlay::Messages => 104,
        }
    }
}

/// A box's page, wrapped for the screen, with the box and the text area inside it.
pub struct Laid {
    pub wrapped: Wrapped,
    pub area: Rect,
    pub text: Rect,
}

impl Laid {
    pub fn max_scroll(&self) -> usize {
        self.wrapped.height().saturating_sub(self.text.height as usize)
    }
}

pub fn lay_out(overlay: Overlay, screen: Rect, doc: impl Fn(u16) -> Doc) -> Laid {
    let width =
        if screen.width < 60 { screen.width } else { overlay.max_width().min(screen.width - 4) };
    let text_width = width.saturating_sub(4).max(1);
    let wrapped = document::wrap(&doc(text_width), text_width);
    let rows = wrapped.height().min(u16::MAX as usize) as u16;
    let area = layout::overlay(screen, overlay.max_width(), rows);
    let text = layout::padded(area);
    Laid { wrapped, area, text }
}

/// The help: every group of keys, each action with its keys. On a narrow box the keys stand
/// on a row of their own above what they do, so no description is cut.
pub fn help_doc(keymap: &Keymap, width: u16) -> Doc {
    let help = keymap.help();
    // Keys wider than this go on a row of their own: a config may bind many.
    let widest =
        help.iter().flat_map(|(_, rows)| rows.iter().map(|(k, _)| k.width())).max().unwrap_or(0);
    // The keys' column is as wide as the widest keys when the box has room; on a narrow box
    // it is narrow, and keys too wide for it stand on a row of their own.
    let key_width =
        if (width as usize) >= widest.min(24) + 2 + 30 { widest.min(24) + 2 } else { 12 };
    let mut b = DocBuilder::default();
    b.block(false).styled("Keys, as your keymap has them. ", Role::Muted).styled(
        "Letters typed in a prompt or on link labels are text; the mouse clicks tabs, items and links, and its wheel scrolls.",
        Role::Muted,
    );
    for (section, rows) in help {
        b.heading(section_title(section));
        for (keys, description) in rows {
            if keys.width() + 2 <= key_width {
                let marker = format!("{keys:<w$}", w = key_width);
                b.block(false).indent(2).marker(marker, Style::role(Role::Label)).text(description);
            } else {
                b.block(false).indent(2).styled(keys, Role::Label);
                b.block(false).indent(6).text(description);
            }
        }
    }
    b.finish()
}

fn section_title(section: Section) -> &'static str {
    section.title()
}

/// The messages box: the problems of a failed reload or opening first, under `heading`, then
/// what the status line said this run, newest last.
pub fn messages_doc(status: &Status, problems: Option<(&str, &Report)>) -> Doc {
    let mut b = DocBuilder::default();
    if let Some((heading, report)) = problems {
        b.block(false).styled(heading.to_owned(), Role::Strong);
        for line in report.render(false).lines() {
            let role = if line.starts_with("error") {
                Role::Slip
            } else if line.starts_with("warning") {
                Role::Heading
            } else {
                Role::Body
            };
            // The report is laid out with leading spaces (carets under the code); they are kept
            // at the start of a row, where wrapping would otherwise drop them.
            let indent = line.len() - line.trim_start().len();
            let line = format!("{}{}", "\u{a0}".repeat(indent), line.trim_start());
            b.block(false).styled(line, role);
        }
    }
    b.heading("Messages");
    let mut any = false;
    for message in status.log() {
        b.block(false).marker("• ", Style::role(Role::Marker)).text(message.to_owned());
        any = true;
    }
    if !any {
        b.block(false).styled("No messages yet.", Role::Muted);
    }
    b.finish()
}
