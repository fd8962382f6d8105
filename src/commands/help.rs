//! `briefing help TOPIC`: the guides an installed binary carries with it, so that no error
//! has to send a person to a repository they do not have.

use crate::app::Keymap;

pub const TOPICS: &[(&str, &str)] = &[
    ("format", "every file and field of a briefing, with examples"),
    ("authoring", "writing a briefing, and every diagnostic explained"),
    ("keys", "the reader's keys, as your config sets them"),
    ("config", "the settings in ~/.config/briefing/config.toml"),
];

const FORMAT: &str = include_str!("../../docs/FORMAT.md");
const AUTHORING: &str = include_str!("../../docs/AUTHORING.md");

/// The guide on a topic, or `None` when there is no such topic.
pub fn topic(name: &str, keymap: &Keymap) -> Option<String> {
    match name {
        "format" => Some(FORMAT.to_owned()),
        "authoring" => Some(AUTHORING.to_owned()),
        "keys" => Some(keys(keymap)),
        "config" => Some(config()),
        _ => None,
    }
}

/// The list of topics, for `briefing help` and for a topic that does not exist.
pub fn topics() -> String {
    let mut out = String::from("Guides (briefing help TOPIC):\n");
    for (name, what) in TOPICS {
        out.push_str(&format!("  {name:<10} {what}\n"));
    }
    out
}

fn keys(keymap: &Keymap) -> String {
    let mut out = String::from("The reader's keys. Ctrl-c always quits.\n");
    for (section, rows) in keymap.help() {
        out.push_str(&format!("\n{}\n", section.title()));
        for (keys, description) in rows {
            out.push_str(&format!("  {keys:<24} {description}\n"));
        }
    }
    out
}

fn config() -> String {
    let path = crate::config::path().map(|p| p.display().to_string()).unwrap_or_default();
    format!(
        "The reader reads its settings from {path} (XDG_CONFIG_HOME moves it). Every setting is optional:

  mouse = true            capture the mouse (M toggles it while reading)
  cursor = true           put the terminal's cursor on the selection, for screen readers
  theme = \"auto\"          auto (from the terminal's background), dark, light,
                          high-contrast or mono; NO_COLOR always gives mono

  [keys]                  keys of your own, as in the reader's keymap:
  next = [\"j\", \"Down\"]    an action listed here gets exactly these keys
  [keys.overlay]          keys of another mode: prompt, hints, picker, overlay
  close = [\"Esc\", \"q\"]

Ctrl-c cannot be bound: it always quits. `briefing help keys` lists every action.
"
    )
}
