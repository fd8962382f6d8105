//! Outside addresses as terminal hyperlinks (OSC 8), so a click opens them in a browser.
//!
//! How it is written: each cell of a link's words holds its character wrapped in the opening
//! and closing sequences, `ESC ] 8 ; id=N ; URI ESC \ c ESC ] 8 ; ; ESC \`, and is marked with
//! ratatui's `ForcedWidth` of the character's own width. ratatui would otherwise measure the
//! sequence's letters as columns and shift the rest of the row; with the width forced, the
//! diff moves exactly as far as the terminal's cursor does. A cell per character (rather than
//! the whole link in its first cell, as ratatui's hyperlink example does) keeps every cell's
//! own style, so a search match inside a link is still marked; the shared `id` tells the
//! terminal that the cells are one link, to underline together on hover.
//!
//! Why it is safe: the address is checked (http, https or mailto only, at most 2,000 bytes)
//! and every byte outside printable ASCII, with `%` itself, is percent-encoded, so no byte of
//! it can end the sequence or start another. A terminal that does not know OSC 8 reads the
//! sequence as an operating system command (ECMA-48) and ignores it whole; the Linux console,
//! which does not, gets no hyperlinks (see `supported`).

use crate::document::{Target, Wrapped};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use std::num::NonZeroU16;
use unicode_width::UnicodeWidthStr;

/// Longer addresses are shown as text only: terminals cap what they keep of one.
const MAX_URI: usize = 2000;

/// Whether to write hyperlinks to a terminal named by `TERM`: every terminal emulator parses
/// an OSC sequence whole, but the Linux console and a `dumb` terminal may print it.
pub fn supported(term: Option<&str>) -> bool {
    !matches!(term, Some("linux" | "dumb") | None)
}

/// The address as it may go inside the sequence, or `None` when it is not one to open.
pub fn uri(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if !["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s)) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        match byte {
            0x21..=0x7e if byte != b'%' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    (out.len() <= MAX_URI).then_some(out)
}

/// One cell's character inside a hyperlink.
pub fn wrapped(id: usize, uri: &str, symbol: &str) -> String {
    format!("\x1b]8;id=briefing-{id};{uri}\x1b\\{symbol}\x1b]8;;\x1b\\")
}

/// Makes the outside links of text drawn at `area` (scrolled by `scroll`) hyperlinks.
pub fn apply(buf: &mut Buffer, area: Rect, wrapped_text: &Wrapped, scroll: usize) {
    let visible = scroll..scroll + area.height as usize;
    for (link, spots) in wrapped_text.links.iter().enumerate() {
        let Some(Target::External(url)) = wrapped_text.targets.get(link) else { continue };
        let Some(uri) = uri(url) else { continue };
        // An id per address, so that two links to one address read as one to the terminal.
        let id = wrapped_text
            .targets
            .iter()
            .position(|t| matches!(t, Target::External(u) if u == url))
            .unwrap_or(link);
        for spot in spots.iter().filter(|s| visible.contains(&s.row)) {
            let y = area.y + (spot.row - scroll) as u16;
            for x in spot.x0..spot.x1.min(area.width) {
                let Some(cell) = buf.cell_mut((area.x + x, y)) else { continue };
                let symbol = cell.symbol().to_owned();
                let Some(width) = NonZeroU16::new(symbol.width() as u16) else { continue };
                cell.set_symbol(&wrapped(id, &uri, &symbol));
                cell.set_diff_option(CellDiffOption::ForcedWidth(width));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_cannot_end_the_sequence() {
        let hostile = "https://x.org/\u{1b}\\\u{7}\u{9c}\u{1b}]52;c;ZXZpbA==\u{7} é%";
        let uri = uri(hostile).unwrap();
        assert!(uri.bytes().all(|b| (0x21..=0x7e).contains(&b)), "{uri}");
        assert_eq!(uri, "https://x.org/%1B\\%07%C2%9C%1B]52;c;ZXZpbA==%07%20%C3%A9%25");
    }

    #[test]
    fn only_addresses_a_browser_opens_are_linked() {
        assert!(uri("javascript:alert(1)").is_none());
        assert!(uri("file:///etc/passwd").is_none());
        assert!(uri("HTTPS://example.org").is_some());
        assert!(uri(&format!("https://example.org/{}", "a".repeat(3000))).is_none());
    }

    #[test]
    fn the_linux_console_gets_none() {
        assert!(!supported(Some("linux")));
        assert!(!supported(None));
        assert!(supported(Some("xterm-256color")));
    }
}
