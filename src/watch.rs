//! Live preview: watch a briefing directory and say when one of its TOML files changed, or
//! when the directory itself was replaced.
//!
//! The folder is watched, not the files, because editors save by writing a new file and
//! renaming it over the old one; a watch on the old file would see it vanish. Its parent is
//! watched too: sync tools and `git checkout` may replace the whole directory, and a watch on
//! the old one would go quiet for good. Changes are debounced so one save (often several
//! events) reloads once.

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::path::{Path, PathBuf};
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(150);

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A briefing file in the directory.
    Files,
    /// The directory itself: renamed away, removed, or put back.
    Directory,
}

pub struct Watch {
    debouncer: Debouncer<RecommendedWatcher>,
    dir: PathBuf,
}

impl Watch {
    /// Calls `changed` after each burst of changes. Watching stops when the value is dropped.
    pub fn new(dir: &Path, changed: impl Fn(Change) + Send + 'static) -> Result<Watch, String> {
        let dir = std::fs::canonicalize(dir).unwrap_or(dir.to_path_buf());
        let target = dir.clone();
        let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            if events.iter().any(|e| e.path == target) {
                changed(Change::Directory);
            } else if events
                .iter()
                .any(|e| e.path.parent() == Some(&target) && is_briefing_file(&e.path))
            {
                changed(Change::Files);
            }
        })
        .map_err(|e| e.to_string())?;
        debouncer.watcher().watch(&dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())?;
        if let Some(parent) = dir.parent() {
            // Best effort: without it, only a replaced directory goes unnoticed.
            let _ = debouncer.watcher().watch(parent, RecursiveMode::NonRecursive);
        }
        Ok(Watch { debouncer, dir })
    }

    /// Watches the directory again, after it was replaced; an error when it is not there.
    pub fn rewatch(&mut self) -> Result<(), String> {
        let _ = self.debouncer.watcher().unwatch(&self.dir);
        if !self.dir.is_dir() {
            return Err(format!(
                "{} is gone",
                crate::content::sanitize::escaped(&self.dir.display().to_string())
            ));
        }
        self.debouncer
            .watcher()
            .watch(&self.dir, RecursiveMode::NonRecursive)
            .map_err(|e| e.to_string())
    }
}

/// A TOML file an author saves, not an editor's swap or backup file beside it.
fn is_briefing_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.ends_with(".toml") && !name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_toml_files_count_not_editor_swap_files() {
        assert!(is_briefing_file(Path::new("/b/actors.toml")));
        assert!(!is_briefing_file(Path::new("/b/.actors.toml.swp")));
        assert!(!is_briefing_file(Path::new("/b/4913")));
        assert!(!is_briefing_file(Path::new("/b/actors.toml~")));
        assert!(!is_briefing_file(Path::new("/b/.#actors.toml")));
    }
}
