//! Draws a pane's list: only the rows on screen; group headings as rules with their name, so
//! they never look like items; the selection marked by the theme; bookmarks ★ and seen items
//! ✓; on the Timeline each event's whole date with its basis marked.

use super::fit;
use crate::app::panes::{List, ListRow};
use crate::content::{Basis, Briefing, EntityId};
use crate::search::fold::{fold, fold_query};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::collections::HashSet;
use unicode_width::UnicodeWidthStr;

pub struct ListView<'a> {
    pub briefing: &'a Briefing,
    pub seen: &'a HashSet<EntityId>,
    pub bookmarks: &'a [EntityId],
    pub list: &'a List,
    pub offset: usize,
    pub selected: usize,
    pub focused: bool,
    /// A `/` query searching the list, whose matches are marked.
    pub query: Option<&'a str>,
    pub theme: &'a Theme,
}

/// The mark after a date that says where it comes from; none for a date the article states.
pub fn basis_mark(basis: Basis) -> &'static str {
    match basis {
        Basis::Stated => "",
        Basis::Inferred => "*",
        Basis::Outside => "†",
    }
}

/// The legend of the marks, for the list's lower border.
pub const BASIS_LEGEND: &str = " * inferred · † outside source ";

impl ListView<'_> {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = self.theme;
        if self.list.items.is_empty() {
            buf.set_stringn(area.x, area.y, "(none)", area.width as usize, theme.muted);
            return;
        }
        let dates = self.date_column(area.width);
        let rows = self.list.rows.iter().skip(self.offset).take(area.height as usize);
        for (i, row) in rows.enumerate() {
            let y = area.y + i as u16;
            match row {
                ListRow::Heading(label) => {
                    // "── United States ─────": a rule with the group's name in it.
                    let name = fit::end(label, (area.width as usize).saturating_sub(4));
                    let rule_after = (area.width as usize).saturating_sub(name.width() + 4);
                    let text = format!("── {name} {}", "─".repeat(rule_after));
                    buf.set_stringn(area.x, y, &text, area.width as usize, theme.group);
                    self.mark_matches(buf, area.x + 3, y, &name, area.right());
                }
                ListRow::Item(position) => self.item(buf, area, y, *position, dates),
            }
        }
    }

    /// How the date column is written and how wide it is: whole dates when the list has room
    /// for them and a name, compact ones (still whole) otherwise.
    fn date_column(&self, width: u16) -> Option<(bool, usize)> {
        let (full, compact) = self.list.date_widths;
        if full == 0 {
            return None;
        }
        if full + 16 <= width as usize { Some((true, full)) } else { Some((false, compact)) }
    }

    fn item(
        &self,
        buf: &mut Buffer,
        area: Rect,
        y: u16,
        position: usize,
        dates: Option<(bool, usize)>,
    ) {
        let theme = self.theme;
        let id = self.list.items[position];
        let entity = self.briefing.entity(id);
        let selected = position == self.selected;
        let style = match (selected, self.focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.body,
        };
        buf.set_style(Rect { y, height: 1, ..area }, style);
        if self.bookmarks.contains(&id) {
            buf.set_stringn(area.x, y, "★", 1, style.patch(theme.bookmark));
        } else if self.seen.contains(&id) {
            buf.set_stringn(area.x, y, "✓", 1, style.patch(theme.seen));
        }
        let mut x = area.x + 2;
        if let (Some(date), Some((full, width))) = (entity.date(), dates) {
            let when = if full { date.when() } else { date.compact() };
            let text =
                format!("{:<w$}", format!("{when}{}", basis_mark(date.basis)), w = width + 1);
            let room = area.right().saturating_sub(x) as usize;
            let date_style = if selected { style } else { style.patch(theme.label) };
            buf.set_stringn(x, y, &text, room, date_style);
            x = x.saturating_add(text.width() as u16 + 1);
        }
        if x < area.right() {
            let room = (area.right() - x) as usize;
            // A draft says so after its name, in words, so it reads the same without colour;
            // where the words would cut the name, a pen mark does (the detail says "Draft").
            let tag = match entity.draft {
                false => "",
                true if entity.name.width() + " (draft)".width() <= room => " (draft)",
                true => " ✎",
            };
            let name = fit::end(&entity.name, room.saturating_sub(tag.width()).max(1));
            buf.set_stringn(x, y, &name, room, style);
            self.mark_matches(buf, x, y, &name, area.right());
            let after = x.saturating_add(name.width() as u16);
            if !tag.is_empty() && after < area.right() {
                let room = (area.right() - after) as usize;
                let tag_style = if selected { style } else { style.patch(theme.muted) };
                buf.set_stringn(after, y, tag, room, tag_style);
            }
        }
    }

    /// Marks where the `/` query matches a name drawn at `x`.
    fn mark_matches(&self, buf: &mut Buffer, x: u16, y: u16, text: &str, right: u16) {
        let Some(query) = self.query else { return };
        let (needle, keep_case) = fold_query(query);
        if needle.is_empty() {
            return;
        }
        let chars: Vec<char> = text.chars().collect();
        for range in fold(text, keep_case).find_all(&needle) {
            let start: String = chars[..range.start.min(chars.len())].iter().collect();
            let found: String =
                chars[range.start.min(chars.len())..range.end.min(chars.len())].iter().collect();
            let x0 = x.saturating_add(start.width() as u16);
            let width = (found.width() as u16).min(right.saturating_sub(x0));
            buf.set_style(Rect { x: x0, y, width, height: 1 }, self.theme.find);
        }
    }
}
