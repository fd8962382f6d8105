//! Live preview: watch a briefing directory and say when one of its TOML files changed, or
//! when the directory itself was replaced.
//!
//! The folder is watched, not the files, because editors save by writing a new file and
//! renaming it over the old one; a watch on the old file would see it vanish. Its parent is
//! watched too: sync tools and `git checkout` may replace the whole directory, and a watch on
//! the old one would go quiet for good. Changes are debounced so one save (often several
//! events) reloads once. The watcher also reports files being read (by the library, by
//! `grep`, by the reader's own reload), so a file counts as changed only when what `stat`
//! says of it (identity, size, modification time) differs from when it was last seen.

use crate::content::load::stamp;
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
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

/// What `stat` said of a briefing directory and its files at one moment: taken before the
/// briefing is read, it lets a watch set afterwards tell whether anything changed between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The directory's identity: another means it was replaced. (Its size and time change
    /// whenever a file in it is saved by renaming.)
    dir: Option<u64>,
    files: HashMap<PathBuf, Stamp>,
}

impl Seen {
    pub fn now(dir: &Path) -> Seen {
        let dir = std::fs::canonicalize(dir).unwrap_or(dir.to_path_buf());
        Seen { dir: stamp(&dir).map(|(_, ino, ..)| ino), files: snapshot(&dir) }
    }
}

impl Watch {
    /// Calls `changed` after each burst of changes. Watching stops when the value is dropped.
    pub fn new(dir: &Path, changed: impl Fn(Change) + Send + 'static) -> Result<Watch, String> {
        let dir = std::fs::canonicalize(dir).unwrap_or(dir.to_path_buf());
        let target = dir.clone();
        let seen = Mutex::new(Seen::now(&dir));
        let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
            // The parent's watch reports the directory merely listed (as every reload does)
            // too: only another directory in its place, or none, is a change of it.
            if events.iter().any(|e| e.path == target) {
                let now = Seen::now(&target);
                if now.dir != seen.dir {
                    *seen = now;
                    changed(Change::Directory);
                    return;
                }
            }
            // Every file is looked at, so each one's new state is remembered.
            let mut any = false;
            for e in events.iter().filter(|e| e.path.parent() == Some(&target)) {
                if is_briefing_file(&e.path) {
                    let now = stamp(&e.path);
                    any |= seen.files.get(&e.path) != Some(&now);
                    seen.files.insert(e.path.clone(), now);
                }
            }
            if any {
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

    /// What changed since `seen`, taken when the briefing was read. The watch is set later
    /// (after the first screen), and a save made in between would otherwise go unnoticed
    /// until the next one. Asked once the watch is set, so a change is seen here or watched.
    pub fn changed_since(&self, seen: &Seen) -> Option<Change> {
        let now = Seen::now(&self.dir);
        if now.dir != seen.dir {
            Some(Change::Directory)
        } else if now.files != seen.files {
            Some(Change::Files)
        } else {
            None
        }
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

/// What `stat` says of a file, `None` for one that is not there.
type Stamp = Option<crate::content::load::Stamp>;

/// The stamp of every briefing file in a directory.
fn snapshot(dir: &Path) -> HashMap<PathBuf, Stamp> {
    let Ok(entries) = std::fs::read_dir(dir) else { return HashMap::new() };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_briefing_file(p))
        .map(|p| {
            let s = stamp(&p);
            (p, s)
        })
        .collect()
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
    fn reading_a_file_is_no_change_and_writing_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("actors.toml");
        std::fs::write(&file, "# one\n").unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let _watch = Watch::new(dir.path(), move |c| {
            let _ = tx.send(c);
        })
        .unwrap();
        let wait = Duration::from_millis(1500);
        for _ in 0..3 {
            std::fs::read_to_string(&file).unwrap();
        }
        assert_eq!(rx.recv_timeout(wait).ok(), None, "reading is not a change");
        std::fs::write(&file, "# two, longer\n").unwrap();
        assert_eq!(rx.recv_timeout(wait).ok(), Some(Change::Files));
        std::fs::read_to_string(&file).unwrap();
        assert_eq!(rx.recv_timeout(wait).ok(), None, "nor is reading what was written");
    }

    #[test]
    fn a_save_made_before_the_watch_is_set_is_told_once_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("actors.toml");
        std::fs::write(&file, "# one\n").unwrap();
        let quiet = |_| {};
        let seen = Seen::now(dir.path());
        let watch = Watch::new(dir.path(), quiet).unwrap();
        assert_eq!(watch.changed_since(&seen), None, "nothing changed, nothing told");
        std::fs::read_to_string(&file).unwrap();
        assert_eq!(watch.changed_since(&seen), None, "reading is not a change");
        // Saved as editors save: a new file renamed over the old one, of the same size.
        let new = dir.path().join("actors.toml.new");
        std::fs::write(&new, "# two\n").unwrap();
        std::fs::rename(&new, &file).unwrap();
        assert_eq!(watch.changed_since(&seen), Some(Change::Files));
        let seen = Seen::now(dir.path());
        std::fs::write(dir.path().join("places.toml"), "").unwrap();
        assert_eq!(watch.changed_since(&seen), Some(Change::Files), "a file added");
    }

    #[test]
    fn a_directory_replaced_before_the_watch_is_set_is_told_as_such() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("b");
        std::fs::create_dir(&dir).unwrap();
        let seen = Seen::now(&dir);
        std::fs::rename(&dir, parent.path().join("b.old")).unwrap();
        std::fs::create_dir(&dir).unwrap();
        let watch = Watch::new(&dir, |_| {}).unwrap();
        assert_eq!(watch.changed_since(&seen), Some(Change::Directory));
    }

    #[test]
    fn listing_or_reading_the_directory_is_no_change_and_replacing_it_is() {
        // Every reload lists the directory, which its parent's watch reports: taken for a
        // change, it would reload again, for ever.
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("b");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("actors.toml"), "x").unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let seen = Seen::now(&dir);
        let mut watch = Watch::new(&dir, move |c| {
            let _ = tx.send(c);
        })
        .unwrap();
        assert_eq!(watch.changed_since(&seen), None);
        let wait = Duration::from_millis(1000);
        for _ in 0..3 {
            let _ = std::fs::read_dir(&dir).unwrap().count();
            std::fs::read_to_string(dir.join("actors.toml")).unwrap();
        }
        assert_eq!(rx.recv_timeout(wait).ok(), None, "listing and reading are no change");
        std::fs::rename(&dir, parent.path().join("b.old")).unwrap();
        std::fs::create_dir(&dir).unwrap();
        assert_eq!(rx.recv_timeout(wait).ok(), Some(Change::Directory));
        watch.rewatch().unwrap();
        let _ = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(rx.recv_timeout(wait).ok(), None, "nor is listing the new one");
    }

    #[test]
    fn only_toml_files_count_not_editor_swap_files() {
        assert!(is_briefing_file(Path::new("/b/actors.toml")));
        assert!(!is_briefing_file(Path::new("/b/.actors.toml.swp")));
        assert!(!is_briefing_file(Path::new("/b/4913")));
        assert!(!is_briefing_file(Path::new("/b/actors.toml~")));
        assert!(!is_briefing_file(Path::new("/b/.#actors.toml")));
    }
}
