//! `update`: the only code that changes the reader's state. Actions in, state out; no terminal.

use super::action::Action;
use super::state::View;
use super::state::{App, Column, Focus, Overlay, Place, Tab};
use crate::document::Target;
use crate::document::wrap::Anchor;
use ratatui::layout::Rect;

impl App {
    pub fn update(&mut self, action: Action) {
        let (tab, before) = (self.tab, scroll_state(self.view()));
        self.apply(action);
        if self.tab == tab && scroll_state(self.view()) != before {
            self.view_mut().anchors = [None, None];
        }
    }

    pub(super) fn apply(&mut self, action: Action) {
        self.status = None;
        // Labels and a query being typed belong to the screen they were made for; any other
        // action ends them (keys reach them through `handle_key` first).
        self.hints = None;
        if self.prompt.is_some() {
            self.accept_find();
        }
        if self.overlay.is_some() {
            self.overlay_action(action);
            self.prepare();
            return;
        }
        match action {
            Action::ShowSummary => self.show(Tab::Summary),
            Action::ShowActors => self.show(Tab::Actors),
            Action::ShowIssues => self.show(Tab::Issues),
            Action::ShowTimeline => self.show(Tab::Timeline),
            Action::ShowPlaces => self.show(Tab::Places),
            Action::ShowGlossary => self.show(Tab::Glossary),
            Action::ShowSource => self.show(Tab::Source),
            Action::Next => self.step(1),
            Action::Prev => self.step(-1),
            Action::PageDown => self.page_step(1),
            Action::PageUp => self.page_step(-1),
            Action::First => self.step(isize::MIN),
            Action::Last => self.step(isize::MAX),
            Action::FocusList => self.focus_list(),
            Action::FocusDetail => {
                if self.tab.kind().is_some() && self.list_len(self.tab) > 0 {
                    self.view_mut().focus = Focus::Detail;
                }
            }
            Action::NextLink => self.cycle_link(true),
            Action::PrevLink => self.cycle_link(false),
            Action::Follow => self.follow(),
            Action::Back => match self.history.back(self.here()) {
                Some(place) => self.restore(place),
                None => self.status = Some("Nothing to go back to".to_owned()),
            },
            Action::Forward => match self.history.forward(self.here()) {
                Some(place) => self.restore(place),
                None => self.status = Some("Nothing to go forward to".to_owned()),
            },
            Action::Find => self.start_find(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Search => self.open_search(),
            Action::Palette => self.open_palette(),
            Action::Hints => self.start_hints(false),
            Action::HintsBeside => self.start_hints(true),
            Action::TogglePeek => {
                self.peek = !self.peek;
                self.status =
                    Some(if self.peek { "Peek cards on" } else { "Peek cards off" }.to_owned());
            }
            Action::FilterByActor => self.toggle_filter(),
            Action::Bookmark => self.toggle_bookmark(),
            Action::Bookmarks => self.open_bookmarks(),
            Action::Copy => self.copy_reference(),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.effects.push(super::state::Effect::Mouse(self.mouse));
                self.status = Some(
                    if self.mouse {
                        "Mouse on: click tabs, items and links; the wheel scrolls"
                    } else {
                        "Mouse off: your terminal selects text again"
                    }
                    .to_owned(),
                );
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowProblems => match self.problems {
                Some(_) => self.overlay = Some(Overlay::Problems { scroll: 0 }),
                None => {
                    self.status =
                        Some("No problems: the briefing on screen is the current one".to_owned())
                }
            },
            Action::Close => self.close(),
            Action::Suspend => self.effects.push(super::state::Effect::Suspend),
            Action::Quit => self.quit = true,
        }
        self.settle();
    }

    /// A new terminal size: the text on screen re-wraps, and each column keeps the words that
    /// were at its top.
    pub fn resize(&mut self, width: u16, height: u16) {
        let before: Vec<Option<Anchor>> = [Column::Main, Column::Side]
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                self.view().anchors[i].or_else(|| self.wrapped(c).map(|w| w.anchor(self.scroll(c))))
            })
            .collect();
        let old_link = self.view().link.and_then(|(c, i)| {
            let w = self.wrapped(c)?;
            w.targets.get(i).cloned().map(|t| (t, w.link_row(i).unwrap_or(0) >= self.scroll(c)))
        });
        self.size = Rect::new(0, 0, width, height);
        self.prepare();
        for (i, (column, saved)) in [Column::Main, Column::Side].into_iter().zip(before).enumerate()
        {
            if let (Some(anchor), Some(w)) = (saved, self.wrapped(column)) {
                *self.scroll_mut(column) = w.row_of(anchor);
                self.view_mut().anchors[i] = Some(anchor);
            }
        }
        // The same link stays focused even when the related column appears or goes.
        if let Some((target, _)) = old_link {
            let found = [Column::Main, Column::Side].into_iter().find_map(|c| {
                let w = self.wrapped(c)?;
                w.targets.iter().position(|t| *t == target).map(|i| (c, i))
            });
            self.view_mut().link = found;
            if found.is_some() {
                self.reveal_link();
            }
        }
        self.keep_in_bounds();
    }

    /// Esc: lets go of the nearest thing the reader set up, one at a time: the search
    /// highlight, an item opened beside, the actor filter, then focus returns to the list.
    fn close(&mut self) {
        if self.find.take().is_some() {
            self.status = Some("Search cleared".to_owned());
        } else if self.view().beside.is_some() {
            self.view_mut().beside = None;
        } else if self.filter.is_some() {
            self.clear_filter();
        } else {
            self.focus_list();
        }
    }

    fn show(&mut self, tab: Tab) {
        self.tab = tab;
    }

    fn focus_list(&mut self) {
        if self.tab.kind().is_some() {
            let view = self.view_mut();
            view.focus = Focus::List;
            view.link = None;
        }
    }

    fn lists_on_keys(&self) -> bool {
        self.tab.kind().is_some() && self.view().focus == Focus::List
    }

    fn step(&mut self, delta: isize) {
        if self.lists_on_keys() {
            let len = self.list_len(self.tab);
            let target = offset(self.view().selected, delta, len.saturating_sub(1));
            self.select(target);
        } else {
            self.scroll_by(Column::Main, delta);
        }
    }

    fn page_step(&mut self, direction: isize) {
        if self.lists_on_keys() {
            let rows = self.areas().list_rows().map_or(1, |r| r.height.max(1) as isize);
            let len = self.list_len(self.tab);
            let target = offset(self.view().selected, direction * rows, len.saturating_sub(1));
            self.select(target);
        } else {
            let rows = self
                .text_area(Column::Main)
                .map_or(1, |r| r.height.saturating_sub(1).max(1) as isize);
            self.scroll_by(Column::Main, direction * rows);
        }
    }

    /// Selects a list position; the detail starts again at its top.
    pub fn select(&mut self, position: usize) {
        let view = self.view_mut();
        if view.selected != position {
            view.selected = position;
            view.scroll = 0;
            view.side_scroll = 0;
            view.link = None;
        }
    }

    fn scroll(&self, column: Column) -> usize {
        match column {
            Column::Main => self.view().scroll,
            Column::Side => self.view().side_scroll,
        }
    }

    fn scroll_mut(&mut self, column: Column) -> &mut usize {
        match column {
            Column::Main => &mut self.view_mut().scroll,
            Column::Side => &mut self.view_mut().side_scroll,
        }
    }

    fn max_scroll(&self, column: Column) -> usize {
        let rows = self.wrapped(column).map_or(0, |w| w.height());
        let height = self.text_area(column).map_or(0, |r| r.height as usize);
        rows.saturating_sub(height)
    }

    pub(super) fn scroll_by(&mut self, column: Column, delta: isize) {
        self.prepare();
        let max = self.max_scroll(column);
        let next = offset(self.scroll(column), delta, max);
        *self.scroll_mut(column) = next;
        // A focused link that scrolls out of sight is let go, so the status line never
        // describes something the reader cannot see.
        if let Some((c, i)) = self.view().link
            && !self.link_visible(c, i)
        {
            self.view_mut().link = None;
        }
    }

    fn link_visible(&self, column: Column, link: usize) -> bool {
        let (Some(w), Some(area)) = (self.wrapped(column), self.text_area(column)) else {
            return false;
        };
        let top = self.scroll(column);
        w.link_row(link).is_some_and(|row| row >= top && row < top + area.height as usize)
    }

    /// Tab and Shift-Tab: the next link after the focused one, through the main text and then
    /// the related column; with none focused, the first link on screen.
    fn cycle_link(&mut self, forward: bool) {
        self.prepare();
        let mut stops: Vec<(Column, usize)> = Vec::new();
        for column in [Column::Main, Column::Side] {
            if let Some(w) = self.wrapped(column) {
                stops.extend(
                    (0..w.links.len()).filter(|i| !w.links[*i].is_empty()).map(|i| (column, i)),
                );
            }
        }
        if stops.is_empty() {
            self.status = Some("No links here".to_owned());
            return;
        }
        let next = match self.view().link.and_then(|l| stops.iter().position(|s| *s == l)) {
            Some(at) if forward => stops[(at + 1) % stops.len()],
            Some(at) => stops[(at + stops.len() - 1) % stops.len()],
            None => {
                let visible: Vec<_> =
                    stops.iter().copied().filter(|(c, i)| self.link_visible(*c, *i)).collect();
                let pick = if forward { visible.first() } else { visible.last() };
                match pick {
                    Some(stop) => *stop,
                    None if forward => {
                        *stops.iter().find(|(c, i)| self.link_below(*c, *i)).unwrap_or(&stops[0])
                    }
                    None => stops[stops.len() - 1],
                }
            }
        };
        let view = self.view_mut();
        view.link = Some(next);
        if self.tab.kind().is_some() {
            self.view_mut().focus = Focus::Detail;
        }
        self.reveal_link();
    }

    fn link_below(&self, column: Column, link: usize) -> bool {
        self.wrapped(column)
            .and_then(|w| w.link_row(link))
            .is_some_and(|row| row >= self.scroll(column))
    }

    /// Scrolls the focused link's column just enough to show it.
    fn reveal_link(&mut self) {
        let Some((column, link)) = self.view().link else {
            return;
        };
        let (Some(w), Some(area)) = (self.wrapped(column), self.text_area(column)) else {
            return;
        };
        let Some(row) = w.link_row(link) else { return };
        let height = (area.height as usize).max(1);
        let top = self.scroll(column);
        if row < top {
            *self.scroll_mut(column) = row;
        } else if row >= top + height {
            *self.scroll_mut(column) = row + 1 - height;
        }
    }

    /// The focused link's target, if a link is focused.
    pub fn focused_target(&self) -> Option<Target> {
        let (column, link) = self.view().link?;
        self.wrapped(column)?.targets.get(link).cloned()
    }

    fn follow(&mut self) {
        if self.lists_on_keys() || (self.view().link.is_none() && self.tab.kind().is_some()) {
            if self.list_len(self.tab) == 0 {
                self.status = Some("This list is empty".to_owned());
                return;
            }
            // Opening the selected item only moves focus to its detail; it is not a step in
            // the history, so Back keeps meaning "where I came from".
            if self.view().focus == Focus::List {
                self.view_mut().focus = Focus::Detail;
                if let Some(id) = self.selected_entity(self.tab) {
                    self.mark_seen(id);
                }
            } else {
                self.status =
                    Some("Press Tab to choose a link, then Enter to follow it".to_owned());
            }
            return;
        }
        match self.focused_target() {
            Some(target) => self.go(target),
            None => {
                self.status = Some("Press Tab to choose a link, then Enter to follow it".to_owned())
            }
        }
    }

    /// Opens a link's target, remembering where the reader was.
    pub fn go(&mut self, target: Target) {
        match target {
            Target::Entity(id) => {
                let tab = Tab::of_kind(self.briefing.entity(id).kind());
                let position = match self.position_in(tab, id) {
                    Some(position) => position,
                    None => {
                        // The actor filter hides it; a followed link must land.
                        self.set_filter(None);
                        self.status = Some("Filter cleared to show the link's target".to_owned());
                        self.position_in(tab, id).unwrap_or(0)
                    }
                };
                self.mark_seen(id);
                self.history.leave(self.here());
                self.tab = tab;
                let view = self.view_mut();
                view.selected = position;
                view.focus = Focus::Detail;
                view.scroll = 0;
                view.side_scroll = 0;
                view.link = None;
            }
            Target::Paragraph(n) => {
                self.history.leave(self.here());
                self.tab = Tab::Source;
                self.view_mut().highlight = Some(n);
                self.view_mut().link = None;
                self.prepare();
                let row = self.wrapped(Column::Main).and_then(|w| w.paragraph_row(n)).unwrap_or(0);
                // The paragraph's first row is the blank row above it: a margin, not a neighbour.
                self.view_mut().scroll = row;
            }
            Target::External(url) => {
                self.status = Some(format!("Outside address (not opened): {url}"));
            }
        }
    }

    fn restore(&mut self, place: Place) {
        self.tab = place.tab;
        *self.view_mut() = place.view;
        // The list may have changed since (a filter, a reload): find the item by identity.
        if let Some(id) = place.entity {
            let position = match self.position_in(self.tab, id) {
                Some(p) => Some(p),
                None => {
                    self.set_filter(None);
                    self.position_in(self.tab, id)
                }
            };
            if let Some(position) = position {
                self.view_mut().selected = position;
            }
        }
    }

    /// Clamps selection and scrolling to what exists, and keeps the selection on screen.
    /// What every way in (a key, an action, the mouse) ends with: the pages on screen wrapped
    /// and every position clamped to what exists.
    pub(super) fn settle(&mut self) {
        self.prepare();
        self.keep_in_bounds();
    }

    pub(super) fn keep_in_bounds(&mut self) {
        if self.tab.kind().is_some() {
            let len = self.list_len(self.tab);
            let rows = self.areas().list_rows().map_or(1, |r| r.height.max(1) as usize);
            let item_row = self.item_rows[self.tab.index()].get(self.view().selected).copied();
            let total_rows = self.lists[self.tab.index()].len();
            let view = self.view_mut();
            if view.selected >= len {
                view.selected = len.saturating_sub(1);
            }
            if let Some(row) = item_row {
                // A side heading just above the first item of its group stays in view.
                let wanted_top = row.saturating_sub(1);
                if wanted_top < view.list_offset || row < view.list_offset {
                    view.list_offset = wanted_top;
                } else if row >= view.list_offset + rows {
                    view.list_offset = row + 1 - rows;
                }
            }
            view.list_offset = view.list_offset.min(total_rows.saturating_sub(rows));
        }
        for column in [Column::Main, Column::Side] {
            let max = self.max_scroll(column);
            let scroll = self.scroll_mut(column);
            *scroll = (*scroll).min(max);
        }
        if let Some((column, link)) = self.view().link {
            let exists = self.wrapped(column).is_some_and(|w| link < w.links.len());
            if !exists {
                self.view_mut().link = None;
            }
        }
    }
}

/// What a reader's scrolling changes; when it changes, the kept anchors no longer apply.
fn scroll_state(view: &View) -> (usize, usize, usize, Option<u32>) {
    (view.selected, view.scroll, view.side_scroll, view.highlight)
}

/// `from + delta`, clamped to `0..=max`.
fn offset(from: usize, delta: isize, max: usize) -> usize {
    let target = if delta < 0 {
        from.saturating_sub(delta.unsigned_abs())
    } else {
        from.saturating_add(delta as usize)
    };
    target.min(max)
}

impl App {
    /// A key that is bound to nothing: say so, and where the keys are listed.
    pub fn unbound_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let help = self.keymap.keys_for(Action::Help).first().cloned().unwrap_or_default();
        let KeyCode::Char(c) = key.code else {
            self.status = None;
            return;
        };
        if c.is_control() {
            return;
        }
        // Named as the keymap would write it, so the message can be searched for in the help.
        let mut name = String::new();
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if key.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        name.push(c);
        self.status = Some(format!("{name} does nothing here; press {help} for the keys"));
    }
}
