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

/// Each action's keys as a TOML table writes them, with their places.
pub type Bindings = HashMap<Action, Spanned<Vec<Spanned<String>>>>;

/// Bindings and the file they were written in, for errors that point into it.
pub struct Layer<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub bindings: &'a Bindings,
}

fn parse_bindings(text: &str, file: &str) -> Result<Bindings, Report> {
    toml::from_str(text).map_err(|e| {
        let mut report = Report::new("");
        report.add_source(file, text);
        let message = e.message().trim().to_owned();
        report.add(Code::of_toml_error(&message), file, e.span(), message);
        report
    })
}

#[derive(Debug, Clone)]
pub struct Keymap {
    keys: HashMap<Key, Action>,
    /// Each action's keys as written, in help order.
    bindings: Vec<(Action, Vec<String>)>,
}

impl Keymap {
    pub fn default_keys() -> Keymap {
        Keymap::with_user(None).expect("the compiled-in keymap is checked by a test")
    }

    /// Parses a keymap, rejecting unknown actions, unknown keys and a key bound twice.
    pub fn parse(text: &str, file: &str) -> Result<Keymap, Report> {
        let bindings = parse_bindings(text, file)?;
        Keymap::from_layers(&[Layer { file, text, bindings: &bindings }])
    }

    /// The default keys with a person's own over them (from the config's `[keys]` table): an
    /// action they list gets exactly the keys they list.
    pub fn with_user(user: Option<Layer<'_>>) -> Result<Keymap, Report> {
        let file = "assets/keymap.toml";
        let defaults =
            parse_bindings(DEFAULT, file).expect("the compiled-in keymap is checked by a test");
        let mut layers = vec![Layer { file, text: DEFAULT, bindings: &defaults }];
        layers.extend(user);
        Keymap::from_layers(&layers)
    }

    fn from_layers(layers: &[Layer<'_>]) -> Result<Keymap, Report> {
        let mut report = Report::new("");
        for layer in layers {
            report.add_source(layer.file, layer.text);
        }
        // Each action's keys come from the last layer that names it. The top layer's (the
        // person's own) are placed first, so every clash with a default is reported in the
        // file they can change.
        let decided: Vec<(Action, usize)> = Action::ALL
            .iter()
            .filter_map(|a| {
                (0..layers.len())
                    .rev()
                    .find(|i| layers[*i].bindings.contains_key(a))
                    .map(|i| (*a, i))
            })
            .collect();
        let top = layers.len().saturating_sub(1);
        let mut order: Vec<&(Action, usize)> = decided.iter().filter(|(_, i)| *i == top).collect();
        order.extend(decided.iter().filter(|(_, i)| *i != top));
        let mut keys: HashMap<Key, (Action, usize, std::ops::Range<usize>)> = HashMap::new();
        let mut shown: HashMap<Action, Vec<String>> = HashMap::new();
        for &&(action, layer) in &order {
            let file = layers[layer].file;
            for name in layers[layer].bindings[&action].get_ref() {
                let key = match Key::parse(name.get_ref()) {
                    Ok(key) => key,
                    Err(message) => {
                        report.add(Code::UnknownKey, file, Some(name.span()), message);
                        continue;
                    }
                };
                match keys.get(&key) {
                    Some((other, other_layer, _)) if *other_layer == layer => {
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
                    }
                    Some((other, other_layer, span)) => {
                        // A default clashes with a key of the person's: point at theirs.
                        report
                            .add(Code::KeyBoundTwice, layers[*other_layer].file, Some(span.clone()), format!("'{}' is bound twice", name.get_ref()))
                            .with_help(format!(
                                "it triggers {} by default; to give it to {}, give {} other keys here too",
                                action.name(),
                                other.name(),
                                action.name()
                            ));
                    }
                    None => {
                        keys.insert(key, (action, layer, name.span()));
                        shown.entry(action).or_default().push(name.get_ref().clone());
                    }
                }
            }
        }
        if report.errors() > 0 {
            return Err(report);
        }
        let bindings =
            Action::ALL.iter().filter_map(|a| shown.remove(a).map(|k| (*a, k))).collect();
        Ok(Keymap { keys: keys.into_iter().map(|(k, (a, ..))| (k, a)).collect(), bindings })
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

    /// The default keys with `text` as the config's `[keys]` over them.
    fn with_config(text: &str) -> Result<Keymap, Report> {
        let user = parse_bindings(text, "config.toml").unwrap();
        Keymap::with_user(Some(Layer { file: "config.toml", text, bindings: &user }))
    }

    #[test]
    fn a_persons_keys_replace_an_actions_defaults() {
        let text = "next = [\"Ctrl-n\", \"j\"]\nquit = [\"x\"]\n";
        let keymap = with_config(text).unwrap();
        assert_eq!(
            keymap.action(press(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Action::Next)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.action(press(KeyCode::Char('q'), KeyModifiers::NONE)),
            None,
            "q is free now"
        );
        assert_eq!(
            keymap.action(press(KeyCode::Down, KeyModifiers::NONE)),
            None,
            "next has only the keys given"
        );
        assert_eq!(keymap.keys_for(Action::Quit), ["x"]);
    }

    #[test]
    fn a_persons_key_that_a_default_holds_is_reported_in_their_file() {
        let text = "bookmark = [\"n\"]\n";
        let err = with_config(text).unwrap_err();
        let text = err.render(false);
        assert!(text.contains("config.toml:1:13"), "{text}");
        assert!(text.contains("it triggers next_match by default"), "{text}");
        // The same when the person's action comes before the default one.
        let text = "next = [\"q\"]\n";
        let err = with_config(text).unwrap_err();
        let text = err.render(false);
        assert!(text.contains("config.toml:1:9"), "{text}");
        assert!(
            text.contains("it triggers quit by default; to give it to next, give quit other keys"),
            "{text}"
        );
        assert!(!text.contains("assets/keymap.toml"), "{text}");
    }

    #[test]
    fn rejects_unknown_actions_and_keys() {
        let err = Keymap::parse("nxt = [\"j\"]\n", "keys.toml").unwrap_err();
        assert!(err.render(false).contains("unknown variant"), "{}", err.render(false));
        let err = Keymap::parse("next = [\"Hyper-j\"]\n", "keys.toml").unwrap_err();
        assert!(err.render(false).contains("is not a key"));
    }
}
