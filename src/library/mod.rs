//! The library: every briefing a person has, listed from what is cheap to read. Each row comes
//! from the briefing's own `briefing.toml` (title, publisher, date) and the reader's memory of
//! it (when it was last opened, how much of it has been seen); the section files are read only
//! when a briefing is opened, so a library of a thousand briefings lists at once and holds no
//! more than their headers. No terminal types: `briefing list` prints the same rows.

mod header;

pub use header::Header;

use crate::app::memory::Memory;
use crate::content::bundled::{BUNDLED, Bundled};
use crate::content::sanitize::Clean;
use crate::content::{Files, Kind, Report};
use std::path::{Path, PathBuf};

/// Where a briefing of the library comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Compiled into the binary: always in the library.
    Bundled(&'static Bundled),
    Dir(PathBuf),
}

impl Origin {
    /// The briefing's files, read now (the whole briefing: for opening it).
    pub fn files(&self) -> Result<Files, Report> {
        match self {
            Origin::Bundled(b) => Ok(b.files()),
            Origin::Dir(dir) => crate::content::read_dir(dir),
        }
    }

    /// The directory to watch for changes; none for a bundled briefing.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Origin::Bundled(_) => None,
            Origin::Dir(dir) => Some(dir),
        }
    }
}

/// One briefing in the library.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What the reader's memory of it is kept under: its directory, or `bundled/<name>`.
    pub key: String,
    pub origin: Origin,
    pub header: Header,
    /// The first problem found in its header, or when it was last opened; the whole report
    /// shows when it is opened.
    pub problem: Option<Clean>,
    pub recall: Recall,
    /// Whether another briefing of the library has the same title: its rows then name the
    /// folder too, so the two can be told apart at any width.
    pub twin: bool,
}

/// What the reader's memory says of a briefing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recall {
    /// When it was last left, in seconds since 1970.
    pub opened: Option<i64>,
    /// How many of its items have been opened.
    pub seen: usize,
    /// How many items it had, and of each kind, when it was last opened.
    pub items: Option<usize>,
    pub counts: Option<[usize; 5]>,
}

impl Recall {
    pub fn from_memory(memory: &Memory) -> Recall {
        let counts = memory.counts.as_ref().map(|c| {
            let mut out = [0; 5];
            for (i, kind) in Kind::all().enumerate() {
                out[i] = c.get(kind.label()).copied().unwrap_or(0);
            }
            out
        });
        Recall { opened: memory.opened, seen: memory.seen.len(), items: memory.items, counts }
    }

    /// "12 of 60 seen", or nothing when the briefing was never opened.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.items.map(|items| (self.seen.min(items), items))
    }
}

/// How the rows are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumIter)]
pub enum Sort {
    /// Most recently opened first; never-opened ones after, by title.
    #[default]
    Opened,
    Title,
    /// Newest publication first.
    Date,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Opened => "last opened",
            Sort::Title => "title",
            Sort::Date => "date",
        }
    }

    /// The next order, for the key that cycles through them.
    pub fn next(self) -> Sort {
        use strum::IntoEnumIterator;
        let all: Vec<Sort> = Sort::iter().collect();
        let at = all.iter().position(|s| *s == self).unwrap_or(0);
        all[(at + 1) % all.len()]
    }

    pub fn parse(word: &str) -> Option<Sort> {
        use strum::IntoEnumIterator;
        Sort::iter().find(|s| s.label().replace(' ', "-") == word || s.label() == word)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
}

/// Reads a briefing's memory without changing anything on disk (a damaged file is left for
/// the reader to set aside when the briefing is opened).
pub type Peek<'a> = &'a dyn Fn(&str) -> Option<Memory>;

impl Library {
    /// The bundled briefings, then every briefing directory directly inside each of
    /// `folders` (a folder that is itself a briefing is listed as one), each once.
    pub fn scan(folders: &[PathBuf], peek: Peek<'_>) -> Library {
        let mut entries: Vec<Entry> = BUNDLED
            .iter()
            .map(|b| {
                let key = format!("bundled/{}", b.slug);
                let text = b.files.iter().find(|(n, _)| *n == "briefing.toml").map_or("", |f| f.1);
                entry(key, Origin::Bundled(b), Header::parse(text), peek)
            })
            .collect();
        for folder in folders {
            for dir in briefing_dirs(folder) {
                let key = key_of(&dir);
                if entries.iter().any(|e| e.key == key) {
                    continue;
                }
                let header = Header::read(&dir);
                entries.push(entry(key, Origin::Dir(dir), header, peek));
            }
        }
        let mut titles: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for e in &entries {
            *titles.entry(e.header.title.to_lowercase()).or_default() += 1;
        }
        for e in &mut entries {
            e.twin = titles[&e.header.title.to_lowercase()] > 1;
        }
        Library { entries }
    }

    /// The entries to show, in order: those whose title, publisher or folder holds every word
    /// of `filter` (accents and case aside).
    pub fn order(&self, sort: Sort, filter: &str) -> Vec<usize> {
        let words: Vec<String> =
            filter.split_whitespace().map(|w| deunicode::deunicode(w).to_lowercase()).collect();
        let mut shown: Vec<usize> = (0..self.entries.len())
            .filter(|i| {
                let e = &self.entries[*i];
                let hay = deunicode::deunicode(&format!(
                    "{} {} {}",
                    e.header.title,
                    e.header.publisher,
                    e.key.rsplit('/').next().unwrap_or("")
                ))
                .to_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        let title = |i: &usize| deunicode::deunicode(&self.entries[*i].header.title).to_lowercase();
        match sort {
            Sort::Title => shown.sort_by_cached_key(title),
            Sort::Opened => shown.sort_by_cached_key(|i| {
                (std::cmp::Reverse(self.entries[*i].recall.opened.unwrap_or(i64::MIN)), title(i))
            }),
            Sort::Date => shown.sort_by_cached_key(|i| {
                let date = self.entries[*i].header.published.as_ref().map(|d| d.sort_key());
                (std::cmp::Reverse(date), title(i))
            }),
        }
        shown
    }

    pub fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.key == key)
    }
}

fn entry(key: String, origin: Origin, header: Result<Header, String>, peek: Peek<'_>) -> Entry {
    let recall = peek(&key).map(|m| Recall::from_memory(&m)).unwrap_or_default();
    let (header, problem) = match header {
        Ok(header) => {
            let problem = header.problem.clone();
            (header, problem)
        }
        Err(problem) => {
            let name = key.rsplit('/').next().unwrap_or("briefing");
            (Header::untitled(name), Some(Clean::from(problem.as_str())))
        }
    };
    Entry { key, origin, header, problem, recall, twin: false }
}

/// The key a briefing directory's memory is kept under: its full path.
pub fn key_of(dir: &Path) -> String {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()).display().to_string()
}

/// Whether `dir` is a briefing directory rather than a folder of them.
pub fn is_briefing(dir: &Path) -> bool {
    dir.join("briefing.toml").exists()
}

/// The briefing directories directly inside `folder`, by name; `folder` itself when it is one.
fn briefing_dirs(folder: &Path) -> Vec<PathBuf> {
    if is_briefing(folder) {
        return vec![folder.to_path_buf()];
    }
    let Ok(read) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> =
        read.flatten().map(|e| e.path()).filter(|p| p.is_dir() && is_briefing(p)).collect();
    dirs.sort();
    dirs
}

/// Whether a folder holds briefing directories (so `briefing DIR` opens the library).
pub fn holds_briefings(folder: &Path) -> bool {
    !is_briefing(folder) && !briefing_dirs(folder).is_empty()
}

/// The data folder a person keeps briefings in: `$XDG_DATA_HOME/briefing/`.
pub fn data_folder() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(etcetera::choose_base_strategy().ok()?.data_dir().join("briefing"))
}

/// "3 Mar 2026", or "today" / "yesterday", for when a briefing was last opened.
pub fn opened_label(opened: Option<i64>, now: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    let Some(seconds) = opened else { return "never".to_owned() };
    let Ok(then) = jiff::Timestamp::from_second(seconds) else { return "never".to_owned() };
    let (then, today) = (then.to_zoned(tz.clone()).date(), now.to_zoned(tz.clone()).date());
    match today.since(then).map(|span| span.get_days()) {
        Ok(0) => "today".to_owned(),
        Ok(1) => "yesterday".to_owned(),
        _ => then.strftime("%-d %b %Y").to_string(),
    }
}
