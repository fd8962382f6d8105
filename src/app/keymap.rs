//! Keys as data: `assets/keymap.toml` is compiled in and holds one table of bindings per mode
//! (helix's way); a person's own keys from the config go over it. The help, the README's key
//! table and the man page are generated from the same bindings.

use super::action::{Action, Section};
use crate::content::diagnostic::{Code, Report};
use crate::content::entries;
use crate::content::sanitize::escaped;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;
use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub const DEFAULT: &str = include_str!("../../assets/keymap.toml");
const DEFAULT_FILE: &str = "assets/keymap.toml";

/// Which keymap a key is looked up in: each mode of the reader has its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr, Deserialize)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum KeyMode {
    /// Reading: panes, lists and text.
    Normal,
    /// Typing a line: a `/` query, the briefing search, the palette. Letters are typed.
    Prompt,
    /// Link labels wait for a letter. Letters are typed.
    Hints,
    /// A box to choose from without typing: the bookmarks.
    Picker,
    /// A box to read: the help, the messages.
    Overlay,
    /// A picture shown instead of a pane's list: the axis, the map, the matrix. Keys it does
    /// not bind act as in normal mode; letters that no key takes select what they label.
    Picture,
    /// The library screen: every briefing.
    Library,
}

impl KeyMode {
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether letters that no key of the mode takes are typed into it.
    pub fn takes_text(self) -> bool {
        matches!(self, KeyMode::Prompt | KeyMode::Hints)
    }

    /// The help group of the mode's keys; normal mode's keys have groups of their own.
    pub fn section(self) -> Option<Section> {
        match self {
            KeyMode::Normal => None,
            KeyMode::Prompt => Some(Section::Prompt),
            KeyMode::Hints => Some(Section::Hints),
            KeyMode::Picker => Some(Section::Picker),
            KeyMode::Overlay => Some(Section::Overlay),
            KeyMode::Picture => Some(Section::Picture),
            KeyMode::Library => Some(Section::Library),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Default for Key {
    fn default() -> Key {
        Key { code: KeyCode::Null, modifiers: KeyModifiers::NONE }
    }
}

/// The one key no keymap may take: it always quits, so a person can always get out.
pub const QUIT: Key = Key { code: KeyCode::Char('c'), modifiers: KeyModifiers::CONTROL };

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
                    // A character the reader never shows (a control or a bidi override) is no
                    // key a person can press or read in the help.
                    (Some(c), None)
                        if c != ' '
                            && !c.is_control()
                            && !crate::content::sanitize::is_forbidden(c) =>
                    {
                        if modifiers.contains(KeyModifiers::CONTROL) {
                            KeyCode::Char(c.to_ascii_lowercase())
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => {
                        return Err(format!(
                            "'{}' is not a key: write one character, a named key such as PageDown, or Ctrl-/Alt- before either",
                            escaped(text)
                        ));
                    }
                }
            }
        };
        Ok(Key { code, modifiers })
    }

    /// The key as a person would read it, and as the keymap writes it: "Ctrl-x", "Alt-Left".
    pub fn name(self) -> String {
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        match self.code {
            KeyCode::Char(' ') => name.push_str("Space"),
            KeyCode::Char(c) => name.extend(c.escape_debug()),
            KeyCode::BackTab => name.push_str("Shift-Tab"),
            KeyCode::F(n) => name.push_str(&format!("F{n}")),
            KeyCode::PageUp => name.push_str("PageUp"),
            KeyCode::PageDown => name.push_str("PageDown"),
            other => name.push_str(&format!("{other:?}")),
        }
        name
    }
}

/// One action's keys in one mode as a file writes them, with their places.
#[derive(Debug, Clone)]
pub struct Binding {
    pub mode: KeyMode,
    pub action: Action,
    pub keys: Vec<Spanned<String>>,
}

/// The bindings of one file, and the file, for errors that point into it.
#[derive(Debug, Clone)]
pub struct Layer {
    pub file: String,
    pub text: String,
    pub bindings: Vec<Binding>,
}

impl Layer {
    /// Reads the bindings of a keymap table: one table per mode, or, in a person's `[keys]`,
    /// also actions written directly, which are normal mode's. Every problem is reported.
    pub fn read(
        table: &DeTable<'_>,
        file: &str,
        text: &str,
        report: &mut Report,
        flat: bool,
    ) -> Layer {
        let mut bindings = Vec::new();
        let modes: Vec<&str> = KeyMode::iter().map(KeyMode::name).collect();
        for (key, value) in table.iter() {
            let name = key.get_ref();
            if let Some(mode) = KeyMode::iter().find(|m| m.name() == name) {
                let DeValue::Table(actions) = value.get_ref() else {
                    report.add(
                        Code::WrongType,
                        file,
                        Some(value.span()),
                        format!("`{name}` must be a table of actions and their keys"),
                    );
                    continue;
                };
                for (action, keys) in actions.iter() {
                    read_binding(mode, action, keys, file, report, &mut bindings);
                }
            } else if flat {
                read_binding(KeyMode::Normal, key, value, file, report, &mut bindings);
            } else {
                report
                    .add(
                        Code::UnknownAction,
                        file,
                        Some(key.span()),
                        format!("there is no mode '{}'", escaped(name)),
                    )
                    .with_help(format!("the modes are {}", modes.join(", ")));
            }
        }
        Layer { file: file.to_owned(), text: text.to_owned(), bindings }
    }
}

fn read_binding(
    mode: KeyMode,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
    file: &str,
    report: &mut Report,
    out: &mut Vec<Binding>,
) {
    let name = key.get_ref();
    let Some(action) = Action::bindable().find(|a| a.name() == Some(name)) else {
        let names: Vec<&str> = Action::bindable().filter_map(Action::name).collect();
        let d = report.add(
            Code::UnknownAction,
            file,
            Some(key.span()),
            format!("there is no action '{}'", escaped(name)),
        );
        match entries::suggest(name, &names) {
            Some(best) => d.with_help(format!(
                "did you mean '{best}'? `briefing help keys` lists every action"
            )),
            None => d.with_help("`briefing help keys` lists every action and mode"),
        };
        return;
    };
    let keys: Option<Vec<Spanned<String>>> = entries::value(value, file, report);
    if let Some(keys) = keys {
        out.push(Binding { mode, action, keys });
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    keys: HashMap<(KeyMode, Key), Action>,
    /// Each mode's actions and their keys as written, in help order.
    bindings: Vec<(KeyMode, Action, Vec<String>)>,
}

impl Keymap {
    /// No keys at all: a placeholder until the real keymap is built.
    pub fn empty() -> Keymap {
        Keymap { keys: HashMap::new(), bindings: Vec::new() }
    }

    pub fn default_keys() -> Keymap {
        Keymap::with_user(None).expect("the compiled-in keymap is checked by a test")
    }

    fn default_layer(report: &mut Report) -> Layer {
        let table = entries::parse(DEFAULT, DEFAULT_FILE, report)
            .map(|t| t.into_inner())
            .unwrap_or_default();
        Layer::read(&table, DEFAULT_FILE, DEFAULT, report, false)
    }

    /// Parses a keymap file of its own (one table per mode).
    pub fn parse(text: &str, file: &str) -> Result<Keymap, Report> {
        let mut report = Report::new("");
        report.add_source(file, text);
        let layer = match entries::parse(text, file, &mut report) {
            Some(table) => Layer::read(table.get_ref(), file, text, &mut report, false),
            None => return Err(report),
        };
        Keymap::from_layers(&[layer], report)
    }

    /// The default keys with a person's own over them (from the config's `[keys]`): an action
    /// they list in a mode gets exactly the keys they list there.
    pub fn with_user(user: Option<Layer>) -> Result<Keymap, Report> {
        let mut report = Report::new("");
        report.add_source(DEFAULT_FILE, DEFAULT);
        let mut layers = vec![Keymap::default_layer(&mut report)];
        if let Some(user) = user {
            report.add_source(&user.file, &user.text);
            layers.push(user);
        }
        Keymap::from_layers(&layers, report)
    }

    fn from_layers(layers: &[Layer], mut report: Report) -> Result<Keymap, Report> {
        // Each (mode, action) takes its keys from the last layer that names it. The top
        // layer's (the person's own) come first, so every clash with a default is reported
        // in the file they can change.
        // Indexed first: the reader builds its keymap before the first screen.
        let indexed: Vec<HashMap<(KeyMode, Action), &Binding>> = layers
            .iter()
            .map(|l| l.bindings.iter().rev().map(|b| ((b.mode, b.action), b)).collect())
            .collect();
        let mut decided: Vec<(usize, &Binding)> = Vec::new();
        for mode in KeyMode::iter() {
            for action in Action::bindable() {
                let found = (0..layers.len())
                    .rev()
                    .find_map(|i| indexed[i].get(&(mode, action)).map(|b| (i, *b)));
                decided.extend(found);
            }
        }
        let top = layers.len().saturating_sub(1);
        decided.sort_by_key(|(layer, _)| usize::from(*layer != top));
        let mut keys: HashMap<(KeyMode, Key), (Action, usize, Range<usize>)> = HashMap::new();
        let mut shown: HashMap<(KeyMode, Action), Vec<String>> = HashMap::new();
        for (layer, binding) in decided {
            let file = layers[layer].file.as_str();
            for name in &binding.keys {
                let key = match Key::parse(name.get_ref()) {
                    Ok(key) => key,
                    Err(message) => {
                        report.add(Code::UnknownKey, file, Some(name.span()), message);
                        continue;
                    }
                };
                if key == QUIT {
                    report
                        .add(
                            Code::ReservedKey,
                            file,
                            Some(name.span()),
                            "Ctrl-c cannot be bound: it always quits",
                        )
                        .with_help(
                            "so that a person can always leave the reader; choose another key",
                        );
                    continue;
                }
                let shown_name = escaped(name.get_ref());
                match keys.get(&(binding.mode, key)) {
                    Some((other, other_layer, _)) if *other_layer == layer => {
                        report
                            .add(Code::KeyBoundTwice, file, Some(name.span()), format!("'{shown_name}' is bound twice in {} mode", binding.mode.name()))
                            .with_help(format!(
                                "it already triggers {}; in one mode a key may trigger one action only",
                                other.name().unwrap_or_default()
                            ));
                    }
                    Some((other, other_layer, span)) => {
                        // A default clashes with a key of the person's: point at theirs.
                        let action = binding.action.name().unwrap_or_default();
                        report
                            .add(Code::KeyBoundTwice, &layers[*other_layer].file, Some(span.clone()), format!("'{shown_name}' is bound twice in {} mode", binding.mode.name()))
                            .with_help(format!(
                                "it triggers {action} by default; to give it to {}, give {action} other keys here too",
                                other.name().unwrap_or_default(),
                            ));
                    }
                    None => {
                        keys.insert((binding.mode, key), (binding.action, layer, name.span()));
                        shown
                            .entry((binding.mode, binding.action))
                            .or_default()
                            .push(name.get_ref().clone());
                    }
                }
            }
        }
        if report.errors() > 0 {
            return Err(report);
        }
        let mut bindings = Vec::new();
        for mode in KeyMode::iter() {
            for action in Action::bindable() {
                if let Some(k) = shown.remove(&(mode, action)) {
                    bindings.push((mode, action, k));
                }
            }
        }
        Ok(Keymap { keys: keys.into_iter().map(|(k, (a, ..))| (k, a)).collect(), bindings })
    }

    /// The action a key triggers in a mode, if any.
    pub fn action(&self, mode: KeyMode, key: Key) -> Option<Action> {
        self.keys.get(&(mode, key)).copied()
    }

    pub fn keys_for(&self, mode: KeyMode, action: Action) -> &[String] {
        self.bindings
            .iter()
            .find(|(m, a, _)| *m == mode && *a == action)
            .map(|(.., k)| k.as_slice())
            .unwrap_or(&[])
    }

    /// The first key of an action in normal mode, as a hint names it; "" when unbound.
    pub fn key(&self, action: Action) -> &str {
        self.key_in(KeyMode::Normal, action)
    }

    pub fn key_in(&self, mode: KeyMode, action: Action) -> &str {
        self.keys_for(mode, action).first().map(String::as_str).unwrap_or("")
    }

    /// The help's content: each group with its (keys, description) rows, every action of
    /// every mode that has keys.
    pub fn help(&self) -> Vec<(Section, Vec<(String, &'static str)>)> {
        let mut out: Vec<(Section, Vec<(String, &'static str)>)> = Vec::new();
        for mode in KeyMode::iter() {
            for (mode_, action, keys) in self.bindings.iter().filter(|(m, ..)| *m == mode) {
                let section = mode.section().unwrap_or(action.section());
                let row = (keys.join(", "), action.description(*mode_));
                match out.iter_mut().find(|(s, _)| *s == section) {
                    Some((_, rows)) => rows.push(row),
                    None => out.push((section, vec![row])),
                }
            }
        }
        // Normal mode's groups in their own order, then the other modes.
        out.sort_by_key(|(s, _)| Section::iter().position(|x| x == *s));
        if let Some((_, rows)) = out.iter_mut().find(|(s, _)| *s == Section::Other) {
            rows.push(("Ctrl-c".to_owned(), "Always quits, whatever the keys are set to"));
        }
        out
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

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::from_event(KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press))
    }

    #[test]
    fn the_default_keymap_binds_every_action_somewhere() {
        let keymap = Keymap::default_keys();
        for action in Action::bindable() {
            assert!(
                KeyMode::iter().any(|m| !keymap.keys_for(m, action).is_empty()),
                "{action:?} has no key in any mode"
            );
        }
    }

    #[test]
    fn shift_is_folded_into_characters_and_back_tab() {
        let keymap = Keymap::default_keys();
        let normal = |code, m| keymap.action(KeyMode::Normal, press(code, m));
        assert_eq!(normal(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Last));
        assert_eq!(normal(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Action::Help));
        assert_eq!(normal(KeyCode::BackTab, KeyModifiers::SHIFT), Some(Action::PrevLink));
        assert_eq!(normal(KeyCode::Left, KeyModifiers::ALT), Some(Action::Back));
        assert_eq!(normal(KeyCode::Left, KeyModifiers::NONE), Some(Action::FocusList));
        assert_eq!(normal(KeyCode::Char('x'), KeyModifiers::NONE), None);
        assert_eq!(normal(KeyCode::Char('c'), KeyModifiers::CONTROL), None, "Ctrl-c is not bound");
    }

    #[test]
    fn each_mode_has_keys_of_its_own() {
        let keymap = Keymap::default_keys();
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.action(KeyMode::Normal, q), Some(Action::Quit));
        assert_eq!(keymap.action(KeyMode::Overlay, q), Some(Action::Close));
        assert_eq!(keymap.action(KeyMode::Picker, q), Some(Action::Close));
        assert_eq!(keymap.action(KeyMode::Prompt, q), None, "q is typed in a prompt");
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(keymap.action(KeyMode::Prompt, enter), Some(Action::Accept));
    }

    #[test]
    fn rejects_a_key_bound_twice_with_its_place() {
        let err = Keymap::parse("[normal]\nnext = [\"j\"]\nprev = [\"k\", \"j\"]\n", "keys.toml")
            .unwrap_err();
        let text = err.render(false);
        assert!(text.contains("'j' is bound twice in normal mode"), "{text}");
        assert!(text.contains("keys.toml:3:14"), "{text}");
    }

    #[test]
    fn the_same_key_may_mean_different_things_in_different_modes() {
        assert!(
            Keymap::parse("[normal]\nquit = [\"q\"]\n[overlay]\nclose = [\"q\"]\n", "k.toml")
                .is_ok()
        );
    }

    /// The default keys with `text` as the config's `[keys]` over them.
    fn with_config(text: &str) -> Result<Keymap, Report> {
        let mut report = Report::new("");
        report.add_source("config.toml", text);
        let table = entries::parse(text, "config.toml", &mut report).unwrap();
        let layer = Layer::read(table.get_ref(), "config.toml", text, &mut report, true);
        match Keymap::with_user(Some(layer)) {
            Ok(keymap) if report.errors() == 0 => Ok(keymap),
            Ok(_) => Err(report),
            Err(more) => {
                report.extend(more);
                Err(report)
            }
        }
    }

    #[test]
    fn a_persons_keys_replace_an_actions_defaults() {
        let keymap = with_config("next = [\"Ctrl-n\", \"j\"]\nquit = [\"x\"]\n").unwrap();
        let normal = |code, m| keymap.action(KeyMode::Normal, press(code, m));
        assert_eq!(normal(KeyCode::Char('n'), KeyModifiers::CONTROL), Some(Action::Next));
        assert_eq!(normal(KeyCode::Char('x'), KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(normal(KeyCode::Char('q'), KeyModifiers::NONE), None, "q is free now");
        assert_eq!(normal(KeyCode::Down, KeyModifiers::NONE), None, "next has only the keys given");
        assert_eq!(keymap.keys_for(KeyMode::Normal, Action::Quit), ["x"]);
    }

    #[test]
    fn a_persons_keys_for_another_mode_go_in_its_table() {
        let keymap = with_config("[overlay]\nclose = [\"x\", \"Esc\"]\n").unwrap();
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(keymap.action(KeyMode::Overlay, x), Some(Action::Close));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.action(KeyMode::Overlay, q), None);
    }

    #[test]
    fn a_persons_key_that_a_default_holds_is_reported_in_their_file() {
        let err = with_config("bookmark = [\"n\"]\n").unwrap_err();
        let text = err.render(false);
        assert!(text.contains("config.toml:1:13"), "{text}");
        assert!(text.contains("it triggers next_match by default"), "{text}");
        let err = with_config("next = [\"q\"]\n").unwrap_err();
        let text = err.render(false);
        assert!(text.contains("config.toml:1:9"), "{text}");
        assert!(
            text.contains("it triggers quit by default; to give it to next, give quit other keys"),
            "{text}"
        );
        assert!(!text.contains("assets/keymap.toml"), "{text}");
    }

    #[test]
    fn ctrl_c_cannot_be_bound() {
        let err = with_config("help = [\"Ctrl-c\"]\n").unwrap_err();
        let text = err.render(false);
        assert!(text.contains("config.toml:1:9"), "{text}");
        assert!(text.contains("Ctrl-c cannot be bound"), "{text}");
    }

    #[test]
    fn every_problem_of_a_keys_table_is_reported_at_once() {
        let err =
            with_config("nxt = [\"j\"]\nnext = [\"Hyper-j\"]\nhelp = 3\n[insert]\n").unwrap_err();
        let text = err.render(false);
        assert!(
            text.contains("there is no action 'nxt'") && text.contains("did you mean 'next'"),
            "{text}"
        );
        assert!(text.contains("'Hyper-j' is not a key"), "{text}");
        assert!(text.contains("config.toml:3:8"), "{text}");
        assert!(text.contains("there is no action 'insert'"), "{text}");
        assert_eq!(err.errors(), 4, "{text}");
    }

    #[test]
    fn the_help_names_every_action_and_ctrl_c() {
        let keymap = Keymap::default_keys();
        let help = keymap.help();
        let descriptions: Vec<&str> =
            help.iter().flat_map(|(_, rows)| rows.iter().map(|(_, d)| *d)).collect();
        for action in Action::bindable() {
            assert!(
                KeyMode::iter().any(|m| descriptions.contains(&action.description(m))),
                "{action:?} is missing from the help"
            );
        }
        assert!(help.iter().any(|(_, rows)| rows.iter().any(|(k, _)| k == "Ctrl-c")));
    }
}
