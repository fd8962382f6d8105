//! The library screen: every briefing the person has, one row each, sorted and filtered as
//! they type, searched across with `s`; Enter opens one, and a key in any briefing comes back
//! here. Each opened briefing keeps its own session (panes, history, marks), so going from one
//! to another and back finds each exactly where it was left.
//!
//! The shell holds the view; the terminal does what needs the disk or a thread (loading a
//! briefing, reading and saving its memory, searching every briefing) through effects, and
//! hands the results back.

use super::action::Action;
use super::memory::Memory;
use super::session::Session;
use super::shell::{Effect, Shell};
use crate::content::{Briefing, Report};
use crate::library::{Entry, Library, Origin, Recall, Sort};
use crate::search::index::Hit;

/// What is being typed on the library screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// Narrowing the rows to those whose title, publisher or folder hold the words.
    Filter,
    /// A search of the text of every briefing, run when Enter is pressed.
    Search,
}

pub struct LibraryView {
    pub library: Library,
    pub sort: Sort,
    pub filter: String,
    pub typing: Option<Typing>,
    /// The search query being typed.
    pub query: String,
    /// The rows shown: indexes into `library.entries`, in order.
    pub order: Vec<usize>,
    /// The chosen row, an index into `order`.
    pub selected: usize,
    /// A search of every briefing, while it runs and after.
    pub results: Option<Results>,
}

/// The matches of a search of every briefing, grouped by briefing.
pub struct Results {
    pub query: String,
    /// Each briefing with matches: its entry and its hits, in the order they were searched.
    pub groups: Vec<(usize, Vec<Hit>)>,
    /// How many briefings have been searched, of how many.
    pub searched: usize,
    pub total: usize,
    /// The chosen hit: (group, hit).
    pub selected: (usize, usize),
}

impl Results {
    /// Every hit in order, as (group, hit) pairs.
    pub fn flat(&self) -> Vec<(usize, usize)> {
        self.groups
            .iter()
            .enumerate()
            .flat_map(|(g, (_, hits))| (0..hits.len()).map(move |h| (g, h)))
            .collect()
    }

    pub fn count(&self) -> usize {
        self.groups.iter().map(|(_, hits)| hits.len()).sum()
    }
}

impl LibraryView {
    pub fn new(library: Library) -> LibraryView {
        let mut view = LibraryView {
            library,
            sort: Sort::default(),
            filter: String::new(),
            typing: None,
            query: String::new(),
            order: Vec::new(),
            selected: 0,
            results: None,
        };
        view.reorder(None);
        view
    }

    /// The rows anew for the sort and filter, the chosen briefing kept chosen when it is
    /// still shown.
    fn reorder(&mut self, keep: Option<usize>) {
        let keep = keep.or_else(|| self.order.get(self.selected).copied());
        self.order = self.library.order(self.sort, &self.filter);
        self.selected = keep.and_then(|k| self.order.iter().position(|i| *i == k)).unwrap_or(0);
    }

    /// The chosen briefing.
    pub fn chosen(&self) -> Option<&Entry> {
        self.order.get(self.selected).map(|i| &self.library.entries[*i])
    }

    fn choose_key(&mut self, key: &str) {
        if let Some(i) = self.library.position(key) {
            self.reorder(Some(i));
        }
    }
}

/// An opened briefing: its key and its session, kept while another is read.
pub(super) struct Shelved {
    pub key: String,
    pub session: Session,
}

impl Shell {
    /// Whether the library screen is showing.
    pub fn library_shown(&self) -> bool {
        self.library_shown && self.library.is_some()
    }

    pub fn library(&self) -> Option<&LibraryView> {
        self.library.as_ref()
    }

    /// The key of the briefing being read: none while only the library has been seen.
    pub fn current_key(&self) -> Option<&str> {
        self.current.as_deref()
    }

    /// The memory of every briefing opened in this run, to save when the reader ends.
    pub fn memories(&self) -> Vec<(String, Memory)> {
        let current = self.current.iter().map(|key| (key.clone(), self.session.remember()));
        let shelved = self.shelf.iter().map(|s| (s.key.clone(), s.session.remember()));
        current.chain(shelved).collect()
    }

    /// The memory of a briefing was saved, stamped with when: its row shows it.
    pub fn saved(&mut self, key: &str, memory: &Memory) {
        if let Some(view) = &mut self.library
            && let Some(i) = view.library.position(key)
        {
            view.library.entries[i].recall = Recall::from_memory(memory);
        }
    }

    pub(super) fn show_library(&mut self) {
        let Some(view) = &mut self.library else {
            self.status.say("There is no library in this run");
            return;
        };
        if let Some(key) = &self.current {
            view.choose_key(&key.clone());
            // The row of the briefing being read shows how much of it is read now.
            if let Some(i) = view.library.position(key) {
                let opened = view.library.entries[i].recall.opened;
                let now = Recall::from_memory(&self.session.remember());
                view.library.entries[i].recall = Recall { opened, ..now };
            }
        }
        view.typing = None;
        self.library_shown = true;
        if !self.library_scanned {
            self.effects.push(Effect::RescanLibrary);
        }
    }

    /// An action on the library screen.
    pub(super) fn library_action(&mut self, action: Action) {
        let page = self.screen().height.saturating_sub(6).max(1) as isize;
        let Some(view) = &mut self.library else { return };
        if let Some(typing) = view.typing {
            match action {
                Action::Type(c) => match typing {
                    Typing::Filter => {
                        view.filter.push(c);
                        view.reorder(None);
                    }
                    Typing::Search => view.query.push(c),
                },
                Action::DeleteBack => match typing {
                    Typing::Filter => {
                        view.filter.pop();
                        view.reorder(None);
                    }
                    Typing::Search => {
                        view.query.pop();
                    }
                },
                Action::ClearInput => match typing {
                    Typing::Filter => {
                        view.filter.clear();
                        view.reorder(None);
                    }
                    Typing::Search => view.query.clear(),
                },
                Action::Accept => {
                    view.typing = None;
                    if typing == Typing::Search {
                        self.search_library();
                    }
                }
                Action::Cancel => {
                    view.typing = None;
                    if typing == Typing::Filter {
                        view.filter.clear();
                        view.reorder(None);
                    }
                }
                Action::Next => self.library_move(1),
                Action::Prev => self.library_move(-1),
                _ => {}
            }
            return;
        }
        match action {
            Action::Next => self.library_move(1),
            Action::Prev => self.library_move(-1),
            Action::PageDown => self.library_move(page),
            Action::PageUp => self.library_move(-page),
            Action::First => self.library_move(isize::MIN / 2),
            Action::Last => self.library_move(isize::MAX / 2),
            Action::Follow | Action::Accept => self.open_chosen(),
            // A new filter, as `/` starts a new search in less.
            Action::Find => {
                view.typing = Some(Typing::Filter);
                view.filter.clear();
                view.reorder(None);
                if view.results.take().is_some() {
                    self.effects.push(Effect::StopSearch);
                }
            }
            Action::Search => {
                view.typing = Some(Typing::Search);
                view.query.clear();
            }
            Action::Sort => {
                view.sort = view.sort.next();
                view.reorder(None);
                let label = view.sort.label();
                self.status.say(format!("Sorted by {label}"));
            }
            Action::Close | Action::Library => {
                if view.results.take().is_some() {
                    self.effects.push(Effect::StopSearch);
                } else if !view.filter.is_empty() {
                    view.filter.clear();
                    view.reorder(None);
                } else if self.current.is_some() {
                    self.library_shown = false;
                } else {
                    let key = self.keymap.key(Action::Follow).to_owned();
                    self.status.say(format!("Choose a briefing and press {key} to open it"));
                }
            }
            Action::Reload => self.effects.push(Effect::RescanLibrary),
            Action::Wheel { down, .. } => self.library_move(if down { 1 } else { -1 }),
            Action::Click { row, .. } => {
                // Rows start under the title and the column heads.
                let first = 2u16;
                if let Some(index) = row.checked_sub(first) {
                    let top = self.library_top();
                    let at = top + usize::from(index);
                    let len = self.library_len();
                    if at < len {
                        self.library_set(at);
                        self.open_chosen();
                    }
                }
            }
            Action::Help => self.mode = super::mode::Mode::Help { scroll: 0 },
            Action::ShowMessages => self.mode = super::mode::Mode::Messages { scroll: 0 },
            Action::ToggleMouse | Action::Suspend | Action::Quit => self.normal(action),
            Action::Unbound(key) => {
                let help = self.keymap.key(Action::Help).to_owned();
                self.status.say(format!(
                    "{} does nothing in the library; {help} lists the keys",
                    key.name()
                ));
            }
            _ => {}
        }
    }

    /// How many rows the screen lists now: briefings, or search hits.
    fn library_len(&self) -> usize {
        match &self.library {
            Some(view) => match &view.results {
                Some(results) => results.count(),
                None => view.order.len(),
            },
            None => 0,
        }
    }

    /// The chosen row: a briefing, or a hit's place among all hits.
    pub fn library_selected(&self) -> usize {
        match &self.library {
            Some(view) => match &view.results {
                Some(r) => r.flat().iter().position(|p| *p == r.selected).unwrap_or(0),
                None => view.selected,
            },
            None => 0,
        }
    }

    /// The first row on screen, for a chosen row kept in view.
    pub fn library_top(&self) -> usize {
        let height = usize::from(self.screen().height.saturating_sub(4)).max(1);
        let selected = self.library_selected();
        selected.saturating_sub(height.saturating_sub(1))
    }

    fn library_set(&mut self, row: usize) {
        let Some(view) = &mut self.library else { return };
        match &mut view.results {
            Some(results) => {
                if let Some(place) = results.flat().get(row) {
                    results.selected = *place;
                }
            }
            None => view.selected = row.min(view.order.len().saturating_sub(1)),
        }
    }

    fn library_move(&mut self, by: isize) {
        let len = self.library_len();
        if len == 0 {
            return;
        }
        let at = self.library_selected() as isize;
        let to = at.saturating_add(by).clamp(0, len as isize - 1) as usize;
        self.library_set(to);
    }

    /// Opens the chosen briefing, or the briefing of the chosen hit at the hit.
    fn open_chosen(&mut self) {
        let Some(view) = &self.library else { return };
        let (index, target) = match &view.results {
            Some(results) => {
                let (g, h) = results.selected;
                let Some((entry, hits)) = results.groups.get(g) else { return };
                (*entry, hits.get(h).map(|hit| hit.target.clone()))
            }
            None => match view.order.get(view.selected) {
                Some(i) => (*i, None),
                None => return,
            },
        };
        let entry = &view.library.entries[index];
        let key = entry.key.clone();
        if self.current.as_deref() == Some(key.as_str()) {
            self.library_shown = false;
            if let Some(target) = target {
                self.go(target);
            }
            return;
        }
        if let Some(at) = self.shelf.iter().position(|s| s.key == key) {
            let shelved = self.shelf.remove(at);
            self.switch_to(shelved.key, shelved.session);
            // It may have changed while it was shelved: read again, keeping the place.
            self.effects.push(Effect::Reload);
            if let Some(target) = target {
                self.go(target);
            }
            return;
        }
        self.pending = target.map(|t| (key.clone(), t));
        let name = entry.header.title.to_string();
        self.effects.push(Effect::Open { key, origin: entry.origin.clone() });
        self.status.say(format!("Opening {name}…"));
    }

    /// Makes `session` the one read, shelving the one read before (its memory saved).
    fn switch_to(&mut self, key: String, session: Session) {
        let old = std::mem::replace(&mut self.session, session);
        if let Some(old_key) = self.current.replace(key.clone()) {
            self.effects.push(Effect::Save(old_key.clone(), old.remember()));
            self.shelf.push(Shelved { key: old_key, session: old });
        }
        let dir = self.library.as_ref().and_then(|v| {
            let i = v.library.position(&key)?;
            v.library.entries[i].origin.dir().map(|d| d.to_path_buf())
        });
        self.effects.push(Effect::Watch(dir));
        self.library_shown = false;
        self.mode = super::mode::Mode::Normal;
        // A briefing shelved at another size is laid out anew, its words at the top kept.
        let size = self.screen();
        if self.session.size != size {
            self.session.resize(size);
        }
    }

    /// A briefing asked for by `Effect::Open` has loaded (or not). `memory` is the reader's
    /// memory of it, read from disk.
    pub fn opened(&mut self, key: &str, loaded: Result<Briefing, Report>, memory: Option<&Memory>) {
        match loaded {
            Ok(briefing) => {
                let keys = super::shell::pane_keys(&self.keymap);
                let mut session = Session::new(briefing, keys);
                if let Some(memory) = memory {
                    session.recall(memory);
                }
                self.switch_to(key.to_owned(), session);
                self.session.settle();
                if let Some((pending, target)) = self.pending.take()
                    && pending == key
                {
                    self.go(target);
                }
                let title = self.session.briefing.title.to_string();
                self.status.say(format!("Opened {title}"));
            }
            Err(report) => {
                self.pending = None;
                let first = report
                    .diagnostics
                    .iter()
                    .find(|d| d.severity == crate::content::Severity::Error)
                    .map(|d| d.message.clone())
                    .unwrap_or_else(|| "it could not be read".to_owned());
                if let Some(view) = &mut self.library
                    && let Some(i) = view.library.position(key)
                {
                    view.library.entries[i].problem = Some(first.as_str().into());
                }
                let errors = report.errors();
                self.opening_problems = Some(report);
                let key = self.keymap.key(Action::ShowMessages).to_owned();
                self.status.say(format!(
                    "Not opened: {} in its files; {key} shows every one",
                    crate::document::count(errors, "error")
                ));
                self.mode = super::mode::Mode::Messages { scroll: 0 };
            }
        }
    }

    /// Starts a search of every briefing for the query typed.
    fn search_library(&mut self) {
        let Some(view) = &mut self.library else { return };
        let query = view.query.trim().to_owned();
        if query.is_empty() {
            view.results = None;
            return;
        }
        let briefings: Vec<(usize, Origin)> =
            view.library.entries.iter().enumerate().map(|(i, e)| (i, e.origin.clone())).collect();
        view.results = Some(Results {
            query: query.clone(),
            groups: Vec::new(),
            searched: 0,
            total: briefings.len(),
            selected: (0, 0),
        });
        self.effects.push(Effect::SearchLibrary { query, briefings });
    }

    /// A briefing of a library search has been searched: its hits, if any.
    pub fn found(&mut self, query: &str, entry: usize, hits: Vec<Hit>) {
        let Some(view) = &mut self.library else { return };
        let Some(results) = &mut view.results else { return };
        if results.query != query {
            return;
        }
        results.searched += 1;
        if !hits.is_empty() {
            results.groups.push((entry, hits));
        }
    }

    /// The library read again from disk, the chosen briefing kept; read for the first time,
    /// the briefing being read is chosen, as `show_library` chooses it.
    pub fn rescanned(&mut self, library: Library) {
        let Some(view) = &mut self.library else { return };
        let keep = view.chosen().map(|e| e.key.clone());
        view.library = library;
        view.reorder(None);
        if let Some(key) = keep {
            view.choose_key(&key);
        }
        if self.library_scanned {
            self.status.say("The library is read again");
        } else {
            self.library_scanned = true;
            if self.library_shown {
                self.show_library();
            }
        }
    }
}
