//! Where a key goes. While the reader types (a `/` query, a briefing search, the palette, a
//! link label) keys are text; otherwise the keymap turns them into actions. Ctrl-C always
//! quits.

use super::action::Action;
use super::state::{App, Overlay};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key means to a line of text being typed.
enum Edit {
    Insert(char),
    Delete,
    Clear,
    Accept,
    Cancel,
    Up,
    Down,
    Ignore,
}

fn edit(key: KeyEvent) -> Edit {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u') if ctrl => Edit::Clear,
        KeyCode::Char('p') if ctrl => Edit::Up,
        KeyCode::Char('n') if ctrl => Edit::Down,
        KeyCode::Char(c)
            if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) && !c.is_control() =>
        {
            Edit::Insert(c)
        }
        KeyCode::Backspace => Edit::Delete,
        KeyCode::Enter => Edit::Accept,
        KeyCode::Esc => Edit::Cancel,
        KeyCode::Up | KeyCode::BackTab => Edit::Up,
        KeyCode::Down | KeyCode::Tab => Edit::Down,
        _ => Edit::Ignore,
    }
}

impl App {
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.route_key(key);
        self.settle();
    }

    fn route_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.prompt.is_some() {
            self.status = None;
            return self.edit_find(edit(key));
        }
        if matches!(self.overlay, Some(Overlay::Search { .. } | Overlay::Palette { .. })) {
            return self.edit_overlay(edit(key));
        }
        if self.hints.is_some() {
            self.status = None;
            return match edit(key) {
                Edit::Insert(c) => self.type_hint(c),
                Edit::Delete => self.back_hint(),
                _ => self.hints = None,
            };
        }
        match self.keymap.action(key) {
            Some(action) => self.update(action),
            None => self.unbound_key(key),
        }
    }

    fn edit_find(&mut self, edit: Edit) {
        let Some(mut query) = self.prompt.take() else { return };
        match edit {
            Edit::Insert(c) => query.push(c),
            Edit::Delete if query.is_empty() => return self.cancel_find(),
            Edit::Delete => {
                query.pop();
            }
            Edit::Clear => query.clear(),
            Edit::Accept => {
                self.prompt = Some(query);
                return self.accept_find();
            }
            Edit::Cancel => return self.cancel_find(),
            Edit::Up | Edit::Down | Edit::Ignore => {}
        }
        self.set_find_query(&query);
        self.prompt = Some(query);
    }

    fn edit_overlay(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => self.edit_input(|input| input.push(c)),
            Edit::Delete => self.edit_input(|input| {
                input.pop();
            }),
            Edit::Clear => self.edit_input(String::clear),
            Edit::Accept => self.update(Action::Follow),
            Edit::Cancel => self.update(Action::Close),
            Edit::Up => self.update(Action::Prev),
            Edit::Down => self.update(Action::Next),
            Edit::Ignore => {}
        }
    }
}
