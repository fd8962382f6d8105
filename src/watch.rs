//! Live preview: watch a briefing directory and say when one of its TOML files changed.
//!
//! The folder is watched, not the files, because editors save by writing a new file and
//! renaming it over the old one; a watch on the old file would see it vanish. Changes are
//! debounced so one save (often several events) reloads once.

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::path::Path;
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(150);

/// Calls `changed` after each burst of changes to the directory's TOML files. Watching stops
/// when the returned value is dropped.
pub fn watch(
    dir: &Path,
    changed: impl Fn() + Send + 'static,
) -> Result<Debouncer<RecommendedWatcher>, String> {
    let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| {
        if let Ok(events) = result
            && events.iter().any(|e| is_briefing_file(&e.path))
        {
            changed();
        }
    })
    .map_err(|e| e.to_string())?;
    debouncer.watcher().watch(dir, RecursiveMode::NonRecursive).map_err(|e| e.to_string())?;
    Ok(debouncer)
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
