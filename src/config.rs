//! The reader's settings, from `$XDG_CONFIG_HOME/briefing/config.toml` (usually
//! `~/.config/briefing/config.toml`). Every problem in the file is reported in one run, each
//! at its line and column, so a typo never silently does nothing.

use crate::app::keymap::{Keymap, Layer};
use crate::content::diagnostic::{Code, Report};
use crate::content::entries;
use crate::content::sanitize::escaped;
use crate::theme::Choice;
use etcetera::BaseStrategy;
use std::path::{Path, PathBuf};

/// The settings a config file may hold, as the help and errors name them.
pub const SETTINGS: &[&str] = &["mouse", "theme", "cursor", "keys"];

#[derive(Debug, Clone)]
pub struct Config {
    /// Capture the mouse (click tabs, items and links; the wheel scrolls). While it is
    /// captured the terminal's own text selection needs Shift; `M` toggles it.
    pub mouse: bool,
    /// Which theme: `auto` (from the terminal's background) or a theme's name.
    pub theme: Choice,
    /// Show the terminal's cursor on the selected row or the focused link, for screen
    /// readers and braille displays.
    pub cursor: bool,
    /// The default keys with the person's own over them.
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Config {
        Config { mouse: true, theme: Choice::Auto, cursor: true, keymap: Keymap::default_keys() }
    }
}

pub fn path() -> Option<PathBuf> {
    Some(etcetera::choose_base_strategy().ok()?.config_dir().join("briefing").join("config.toml"))
}

/// The settings, the defaults when there is no file, or every problem with the file.
pub fn load() -> Result<Config, Report> {
    match path() {
        Some(path) => load_from(&path),
        None => Ok(Config::default()),
    }
}

pub fn load_from(path: &Path) -> Result<Config, Report> {
    let file = escaped(&path.display().to_string());
    let text = match crate::content::load::read_text(path) {
        Ok(Some(text)) => text,
        Ok(None) => return Ok(Config::default()),
        Err(message) => {
            let mut report = Report::new("");
            report.add(Code::Unreadable, &file, None, format!("cannot read the config: {message}"));
            return Err(report);
        }
    };
    parse(&text, &file)
}

/// Parses a config's text; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Config, Report> {
    let mut report = Report::new("");
    report.add_source(file, text);
    let Some(root) = entries::parse(text, file, &mut report) else { return Err(report) };
    let root = root.into_inner();
    entries::unknown_keys(&root, SETTINGS, file, &mut report);
    let mut config =
        Config { mouse: true, theme: Choice::Auto, cursor: true, keymap: Keymap::empty() };
    if let Some(value) = root.get("mouse")
        && let Some(mouse) = entries::value::<bool>(value, file, &mut report)
    {
        config.mouse = mouse;
    }
    if let Some(value) = root.get("cursor")
        && let Some(cursor) = entries::value::<bool>(value, file, &mut report)
    {
        config.cursor = cursor;
    }
    if let Some(value) = root.get("theme")
        && let Some(name) = entries::value::<String>(value, file, &mut report)
    {
        match Choice::parse(&name) {
            Ok(choice) => config.theme = choice,
            Err(message) => {
                report.add(Code::UnknownTheme, file, Some(value.span()), message);
            }
        }
    }
    let mut user = None;
    if let Some(value) = root.get("keys") {
        match value.get_ref() {
            toml::de::DeValue::Table(keys) => {
                user = Some(Layer::read(keys, file, text, &mut report, true))
            }
            _ => {
                report
                    .add(Code::WrongType, file, Some(value.span()), "`keys` must be a table")
                    .with_help("write [keys] with lines such as next = [\"j\", \"Down\"]");
            }
        }
    }
    // The keymap is built even when other settings are wrong, so its problems come in the
    // same run.
    match Keymap::with_user(user) {
        Ok(keymap) => config.keymap = keymap,
        Err(problems) => report.extend(problems),
    }
    for d in &mut report.diagnostics {
        if d.help.is_none() && matches!(d.code, Code::WrongType | Code::UnknownField) {
            d.help = Some(
                "the config takes mouse = true|false, cursor = true|false, theme = \"auto\" or a theme's name, and a [keys] table; `briefing help config` shows them".to_owned(),
            );
        }
    }
    if report.errors() > 0 { Err(report) } else { Ok(config) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_in_a_config_is_reported_in_one_run() {
        let text =
            "mouse = \"no\"\ncolour = true\ntheme = \"ligth\"\n[keys]\nnext = [\"Hyper-j\"]\n";
        let err = parse(text, "config.toml").unwrap_err();
        let shown = err.render(false);
        assert_eq!(err.errors(), 4, "{shown}");
        assert!(shown.contains("config.toml:1:9"), "{shown}");
        assert!(shown.contains("unknown field `colour`"), "{shown}");
        assert!(
            shown.contains("config.toml:3:9") && shown.contains("did you mean 'light'"),
            "{shown}"
        );
        assert!(shown.contains("'Hyper-j' is not a key"), "{shown}");
    }

    #[test]
    fn a_good_config_sets_what_it_names() {
        let config = parse(
            "mouse = false\ntheme = \"light\"\ncursor = false\n[keys]\nquit = [\"x\"]\n",
            "c.toml",
        )
        .unwrap();
        assert!(!config.mouse && !config.cursor);
        assert_eq!(config.theme, Choice::Named(crate::theme::Builtin::Light));
        assert_eq!(config.keymap.key(crate::app::Action::Quit), "x");
    }
}
