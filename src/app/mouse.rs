//! The mouse, when captured: a click on a tab, a list item or a link; the wheel scrolls the
//! pane under the pointer.

use super::state::{App, Column, Focus, ListRow};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// Rows the wheel scrolls text by, per notch.
const WHEEL_ROWS: isize = 3;

impl App {
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        // Moving the pointer changes nothing, not even the message on the status line.
        if matches!(
            event.kind,
            MouseEventKind::Moved | MouseEventKind::Drag(_) | MouseEventKind::Up(_)
        ) {
            return;
        }
        let at = Position { x: event.column, y: event.row };
        self.status = None;
        self.hints = None;
        if self.prompt.is_some() {
            self.accept_find();
        }
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) => self.click(at),
            MouseEventKind::ScrollDown => self.wheel(at, 1),
            MouseEventKind::ScrollUp => self.wheel(at, -1),
            _ => {}
        }
        self.settle();
    }

    fn click(&mut self, at: Position) {
        if self.overlay.is_some() {
            self.overlay = None;
            return;
        }
        let areas = self.areas();
        if areas.tabs.contains(at) {
            if let Some(tab) = crate::ui::tabs::tab_at(areas.tabs, self.tab, at.x) {
                self.tab = tab;
            }
            return;
        }
        if let Some(list) = areas.list_rows()
            && list.contains(at)
        {
            let row = self.view().list_offset + (at.y - list.y) as usize;
            if let Some(ListRow::Item(position)) = self.lists[self.tab.index()].get(row).cloned() {
                self.select(position);
                self.view_mut().focus = Focus::List;
            }
            return;
        }
        for column in [Column::Main, Column::Side] {
            let Some(area) = self.text_area(column) else { continue };
            if !area.contains(at) {
                continue;
            }
            let link = self.text_row(column, area, at).and_then(|(w, row, x)| w.link_at(row, x));
            match link {
                Some(link) => {
                    self.view_mut().link = Some((column, link));
                    if let Some(target) = self.focused_target() {
                        self.go(target);
                    }
                }
                None if self.tab.kind().is_some() => self.view_mut().focus = Focus::Detail,
                None => {}
            }
            return;
        }
    }

    fn text_row(
        &self,
        column: Column,
        area: Rect,
        at: Position,
    ) -> Option<(std::rc::Rc<crate::document::Wrapped>, usize, u16)> {
        let top = match column {
            Column::Main => self.view().scroll,
            Column::Side => self.view().side_scroll,
        };
        Some((self.wrapped(column)?, top + (at.y - area.y) as usize, at.x - area.x))
    }

    fn wheel(&mut self, at: Position, direction: isize) {
        let areas = self.areas();
        if areas.list.is_some_and(|l| l.contains(at)) {
            let last = self.list_len(self.tab).saturating_sub(1);
            let selected = self.view().selected;
            let to =
                if direction > 0 { (selected + 1).min(last) } else { selected.saturating_sub(1) };
            self.select(to);
            return;
        }
        for column in [Column::Main, Column::Side] {
            let panel = match column {
                Column::Main => Some(areas.main),
                Column::Side => areas.side,
            };
            if panel.is_some_and(|p| p.contains(at)) {
                self.scroll_by(column, direction * WHEEL_ROWS);
                return;
            }
        }
    }
}
