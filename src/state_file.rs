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

/// A state file larger than this is not one the reader wrote: it is set aside unread.
const MAX_BYTES: u64 = 4 * 1024 * 1024;

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
        let text = match crate::content::load::read_text_within(&self.path, MAX_BYTES) {
            Ok(Some(text)) => text,
            Ok(None) => return Loaded::Nothing,
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

    /// The memory, when the file holds one this version reads; nothing is changed on disk (a
    /// damaged file is set aside only when its briefing is opened). For the library's rows.
    pub fn peek(&self) -> Option<Memory> {
        let text = crate::content::load::read_text_within(&self.path, MAX_BYTES).ok()??;
        let memory: Memory = serde_json::from_str(&text).ok()?;
        (memory.version <= VERSION).then_some(memory)
    }

    fn set_aside(&self, why: &str) -> Loaded {
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        // Two files set aside in one second get names of their own: none is overwritten.
        let aside = (0..)
            .map(|n| match n {
                0 => self.path.with_extension(format!("set-aside-{stamp}.json")),
                n => self.path.with_extension(format!("set-aside-{stamp}-{n}.json")),
            })
            .find(|p| std::fs::symlink_metadata(p).is_err())
            .expect("some name is free");
        match std::fs::rename(&self.path, &aside) {
            Ok(()) => Loaded::SetAside(format!(
                "Your saved place was not used: {why}. It is kept as {}",
                crate::content::sanitize::escaped(&aside.display().to_string())
            )),
            Err(e) => Loaded::SetAside(format!(
                "Your saved place at {} was not used: {why}; it could not be set aside ({e}), so it will not be overwritten",
                crate::content::sanitize::escaped(&self.path.display().to_string())
            )),
        }
    }

    pub fn save(&self, memory: &Memory) -> std::io::Result<()> {
        // A state file that is a link (to a synced folder, say) stays a link: the file it
        // points to is the one replaced.
        let path = match std::fs::symlink_metadata(&self.path) {
            Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(&self.path)?,
            _ => self.path.clone(),
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = path.with_extension(format!("tmp-{}", std::process::id()));
        let text = serde_json::to_string_pretty(memory).expect("memory serialises");
        std::fs::write(&temp, text)?;
        std::fs::rename(&temp, &path).inspect_err(|_| {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn in_dir(dir: &Path) -> StateFile {
        StateFile { path: dir.join("bundled-0000.json") }
    }

    #[test]
    fn two_files_set_aside_in_one_second_both_survive() {
        let dir = tempfile::tempdir().unwrap();
        let state = in_dir(dir.path());
        std::fs::write(&state.path, "{ first").unwrap();
        assert!(matches!(state.load(), Loaded::SetAside(_)));
        std::fs::write(&state.path, "{ second").unwrap();
        assert!(matches!(state.load(), Loaded::SetAside(_)));
        let mut kept: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, ["{ first", "{ second"]);
    }

    #[test]
    fn a_linked_state_file_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.json");
        std::fs::write(&target, "{}").unwrap();
        let state = in_dir(dir.path());
        std::os::unix::fs::symlink(&target, &state.path).unwrap();
        let memory = Memory {
            version: VERSION,
            tab: "summary".into(),
            panes: Default::default(),
            bookmarks: vec![],
            seen: vec![],
            items: None,
            counts: None,
            opened: None,
        };
        state.save(&memory).unwrap();
        assert!(std::fs::symlink_metadata(&state.path).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(&target).unwrap().contains("summary"));
    }

    #[test]
    fn a_fifo_or_a_huge_file_is_set_aside_without_being_read() {
        let dir = tempfile::tempdir().unwrap();
        let state = in_dir(dir.path());
        let path = std::ffi::CString::new(state.path.to_str().unwrap()).unwrap();
        // SAFETY: a valid path, and a mode.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
        assert!(matches!(state.load(), Loaded::SetAside(_)));
        let file = std::fs::File::create(&state.path).unwrap();
        file.set_len(MAX_BYTES + 1).unwrap();
        assert!(matches!(state.load(), Loaded::SetAside(m) if m.contains("over the limit")));
    }
}
