//! Keys as data: `assets/keymap.toml` is compiled in and parsed into a lookup from key to
//! action. The help overlay and the README's key table are generated from the same bindings.

use super::action::{Action, Section};
use crate::content::diagnostic::{Code, Report};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use toml::Spanned;

pub const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key as the keymap names it. Shift is folded into the character it produces ("G",
    /// "?"), and Shift-Tab arrives as its own key, so neither keeps the SHIFT flag.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Key { code, modifiers }
    }

    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" => KeyCode::BackTab,
            "Enter" => KeyCode::Enter,
            "Backspace" => KeyCode::Backspace,
            "Esc" => KeyCode::Esc,
            "Space" => KeyCode::Char(' '),
            other => {
                let mut chars = other.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && c != ' ' => {
                        if modifiers.contains(KeyModifiers::CONTROL) {
                            KeyCode::Char(c.to_ascii_lowercase())
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => {
                        return Err(format!(
                            "'{text}' is not a key: write one character, a named key such as PageDown, or Ctrl-/Alt- before either"
                        ));
                    }
                }
            }
        };
        Ok(Key { code, modifiers })
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    keys: HashMap<Key, Action>,
    /// Each action's keys as written, in help order.
    bindings: Vec<(Action, Vec<String>)>,
}

impl Keymap {
    pub fn default_keys() -> Keymap {
        Keymap::parse(DEFAULT, "assets/keymap.toml")
            .expect("the compiled-in keymap is checked by a test")
    }

    /// Parses a keymap, rejecting unknown actions, unknown keys and a key bound twice.
    pub fn parse(text: &str, file: &str) -> Result<Keymap, Report> {
        let mut report = Report::new("");
        report.add_source(file, text);
        let table: HashMap<Action, Spanned<Vec<Spanned<String>>>> = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let message = e.message().trim().to_owned();
                report.add(Code::of_toml_error(&message), file, e.span(), message);
                return Err(report);
            }
        };
        let mut keys = HashMap::new();
        let mut bindings = Vec::new();
        let mut first_binding: HashMap<Key, Action> = HashMap::new();
        for action in Action::ALL {
            let Some(list) = table.get(&action) else {
                continue;
            };
            let mut shown = Vec::new();
            for name in list.get_ref() {
                match Key::parse(name.get_ref()) {
                    Ok(key) => {
                        if let Some(other) = first_binding.get(&key) {
                            report
                                .add(
                                    Code::KeyBoundTwice,
                                    file,
                                    Some(name.span()),
                                    format!("'{}' is bound twice", name.get_ref()),
                                )
                                .with_help(format!(
                                    "it already triggers {}; a key may trigger one action only",
                                    other.name()
                                ));
                            continue;
                        }
                        first_binding.insert(key, action);
                        keys.insert(key, action);
                        shown.push(name.get_ref().clone());
                    }
                    Err(message) => {
                        report.add(Code::UnknownKey, file, Some(name.span()), message);
                    }
                }
            }
            bindings.push((action, shown));
        }
        if report.errors() > 0 {
            return Err(report);
        }
        Ok(Keymap { keys, bindings })
    }

    pub fn action(&self, event: KeyEvent) -> Option<Action> {
        self.keys.get(&Key::from_event(event)).copied()
    }

    pub fn keys_for(&self, action: Action) -> &[String] {
        self.bindings.iter().find(|(a, _)| *a == action).map(|(_, k)| k.as_slice()).unwrap_or(&[])
    }

    /// The help's content: each section with its (keys, description) rows.
    pub fn help(&self) -> Vec<(Section, Vec<(String, &'static str)>)> {
        Section::ALL
            .iter()
            .map(|section| {
                let rows = self
                    .bindings
                    .iter()
                    .filter(|(action, keys)| action.section() == *section && !keys.is_empty())
                    .map(|(action, keys)| (keys.join(", "), action.description()))
                    .collect();
                (*section, rows)
            })
            .collect()
    }

    /// The key table for README.md, generated so that it cannot drift from the keymap.
    pub fn markdown(&self) -> String {
        let mut out = String::from("| Keys | Action |\n|---|---|\n");
        for (section, rows) in self.help() {
            out.push_str(&format!("| **{}** | |\n", section.title()));
            for (keys, description) in rows {
                let keys: Vec<String> = keys.split(", ").map(|k| format!("`{k}`")).collect();
                out.push_str(&format!("| {} | {description} |\n", keys.join(" ")));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn the_default_keymap_binds_every_action() {
        let keymap = Keymap::default_keys();
        for action in Action::ALL {
            assert!(!keymap.keys_for(action).is_empty(), "{action:?} has no key");
        }
    }

    #[test]
    fn shift_is_folded_into_characters_and_back_tab() {
        let keymap = Keymap::default_keys();
        assert_eq!(
            keymap.action(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            keymap.action(press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevLink)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(keymap.action(press(KeyCode::Left, KeyModifiers::ALT)), Some(Action::Back));
        assert_eq!(
            keymap.action(press(KeyCode::Left, KeyModifiers::NONE)),
            Some(Action::FocusList)
        );
        assert_eq!(keymap.action(press(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn rejects_a_key_bound_twice_with_its_place() {
        let err =
            Keymap::parse("next = [\"j\"]\nprev = [\"k\", \"j\"]\n", "keys.toml").unwrap_err();
        let text = err.render(false);
        assert!(text.contains("'j' is bound twice"), "{text}");
        assert!(text.contains("keys.toml:2:14"), "{text}");
    }

    #[test]
    fn rejects_unknown_actions_and_keys() {
        let err = Keymap::parse("nxt = [\"j\"]\n", "keys.toml").unwrap_err();
        assert!(err.render(false).contains("unknown variant"), "{}", err.render(false));
        let err = Keymap::parse("next = [\"Hyper-j\"]\n", "keys.toml").unwrap_err();
        assert!(err.render(false).contains("is not a key"));
    }
}
