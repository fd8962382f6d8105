//! Where the reader's memory of a briefing lives between runs: one JSON file per briefing in
//! the XDG state directory (`$XDG_STATE_HOME/briefing/`, usually `~/.local/state/briefing/`).
//!
//! It is written atomically (a temporary file beside it, then a rename), so a crash or a full
//! disk never leaves half a file. A file that cannot be read, or that a newer version wrote, is
//! set aside under a new name with a warning, never deleted and never a reason to crash.

use crate::app::memory::{Memory, VERSION};
use etcetera::BaseStrategy;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub struct StateFile {
    pub path: PathBuf,
}

pub enum Loaded {
    Nothing,
    Memory(Memory),
    /// The file was set aside; the message says why and where it went.
    SetAside(String),
}

impl StateFile {
    /// The state file of the briefing known by `key` (its directory, or the bundled name).
    pub fn for_briefing(key: &str) -> Option<StateFile> {
        let dir = etcetera::choose_base_strategy().ok()?.state_dir()?.join("briefing");
        let name: String = key
            .rsplit('/')
            .find(|part| !part.is_empty())
            .unwrap_or("briefing")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
            .collect();
        Some(StateFile { path: dir.join(format!("{name}-{:016x}.json", fnv1a(key))) })
    }

    pub fn load(&self) -> Loaded {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::Nothing,
            Err(e) => return self.set_aside(&format!("it could not be read ({e})")),
        };
        let value: serde_json::Value = match serde_json::from_str(&text) {
            Ok(value) => value,
            Err(e) => return self.set_aside(&format!("it is not valid JSON ({e})")),
        };
        let version = value.get("version").and_then(serde_json::Value::as_u64).unwrap_or(0);
        if version > u64::from(VERSION) {
            return self
                .set_aside(&format!("a newer version of briefing wrote it (version {version})"));
        }
        match serde_json::from_value(value) {
            Ok(memory) => Loaded::Memory(memory),
            Err(e) => self.set_aside(&format!("it does not have the expected fields ({e})")),
        }
    }

    fn set_aside(&self, why: &str) -> Loaded {
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let aside = self.path.with_extension(format!("set-aside-{stamp}.json"));
        match std::fs::rename(&self.path, &aside) {
            Ok(()) => Loaded::SetAside(format!(
                "Your saved place was not used: {why}. It is kept as {}",
                aside.display()
            )),
            Err(e) => Loaded::SetAside(format!(
                "Your saved place at {} was not used: {why}; it could not be set aside ({e}), so it will not be overwritten",
                self.path.display()
            )),
        }
    }

    pub fn save(&self, memory: &Memory) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = self.path.with_extension(format!("tmp-{}", std::process::id()));
        let text = serde_json::to_string_pretty(memory).expect("memory serialises");
        std::fs::write(&temp, text)?;
        std::fs::rename(&temp, &self.path).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    }

    /// Whether saving would overwrite a file that was set aside and could not be moved.
    pub fn exists(&self) -> bool {
        self.path.exists()
    }
}

/// A stable hash of the briefing's key, so two briefings of the same name do not share a
/// file. (std's hasher may change between Rust versions; this one never does.)
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
