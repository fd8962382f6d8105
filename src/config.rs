//! The reader's settings, from `$XDG_CONFIG_HOME/briefing/config.toml` (usually
//! `~/.config/briefing/config.toml`). Unknown keys are errors with file, line and column, as
//! in a briefing, so a typo never silently does nothing.

use crate::app::keymap::{Bindings, Layer};
use crate::content::Report;
use crate::content::diagnostic::Code;
use etcetera::BaseStrategy;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Capture the mouse (click tabs, items and links; the wheel scrolls). While it is
    /// captured the terminal's own text selection needs Shift; `M` toggles it.
    #[serde(default = "yes")]
    pub mouse: bool,
    /// Keys of one's own: `[keys]` with `action = ["key", …]`, as in assets/keymap.toml. An
    /// action listed here gets exactly these keys.
    #[serde(default)]
    pub keys: Bindings,
    /// The file's path and text, for errors that point into it.
    #[serde(skip)]
    file: String,
    #[serde(skip)]
    text: String,
}

impl Config {
    /// The person's keys, if they set any, for `Keymap::with_user`.
    pub fn keys(&self) -> Option<Layer<'_>> {
        (!self.keys.is_empty()).then(|| Layer {
            file: &self.file,
            text: &self.text,
            bindings: &self.keys,
        })
    }
}

fn yes() -> bool {
    true
}

impl Default for Config {
    fn default() -> Config {
        Config { mouse: true, keys: Bindings::new(), file: String::new(), text: String::new() }
    }
}

pub fn path() -> Option<PathBuf> {
    Some(etcetera::choose_base_strategy().ok()?.config_dir().join("briefing").join("config.toml"))
}

/// The settings, the defaults when there is no file, or the problems with the file.
pub fn load() -> Result<Config, Report> {
    let Some(path) = path() else { return Ok(Config::default()) };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            let mut report = Report::new("");
            report.add(
                Code::Unreadable,
                &path.display().to_string(),
                None,
                format!("cannot read the config: {e}"),
            );
            return Err(report);
        }
    };
    let file = path.display().to_string();
    let parsed: Result<Config, _> = toml::from_str(&text);
    parsed.map(|config| Config { file: file.clone(), text: text.clone(), ..config }).map_err(|e| {
        let mut report = Report::new("");
        report.add_source(&file, &text);
        let message = e.message().trim().to_owned();
        report
            .add(Code::of_toml_error(&message), &file, e.span(), message)
            .with_help("the config takes `mouse = true|false` and a `[keys]` table; see README.md");
        report
    })
}
