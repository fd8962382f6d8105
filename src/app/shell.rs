//! The shell: what belongs to the terminal (its size, the keymap, the theme, the status line,
//! the mode, effects for the terminal to carry out) around the open briefing's session.
//! `update` is the only code that changes either; keys and mouse events become actions first.

use super::action::Action;
use super::find::Find;
use super::hints::{Hints, Typed};
use super::keymap::{Key, KeyMode, Keymap, QUIT};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::mode::Mode;
use super::overlays::{self, Laid, Overlay};
use super::panes::{Column, Focus, Hit, Outcome, Pane, PaneId};
use super::session::Session;
use super::status::Status;
use crate::content::Briefing;
use crate::document::reference::{Subject, reference};
use crate::document::{PaneKeys, Target};
use crate::theme::{Builtin, Theme};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use strum::IntoEnumIterator;

/// Something for the terminal to do that is not drawing: `update` asks, the event loop does.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Start or stop capturing the mouse.
    Mouse(bool),
    /// Give the terminal back and stop until the shell resumes the reader.
    Suspend,
    /// Read the briefing's files again, and watch its directory again.
    Reload,
    /// Load a briefing of the library, read its memory, and hand both to `Shell::opened`.
    Open { key: String, origin: crate::library::Origin },
    /// Keep the memory of a briefing that is no longer the one read.
    Save(String, super::memory::Memory),
    /// Watch this directory for changes (none: the briefing is bundled), not the one before.
    Watch(Option<std::path::PathBuf>),
    /// Search the text of these briefings (entry, where from) for `query`, handing each
    /// briefing's hits to `Shell::found`.
    SearchLibrary { query: String, briefings: Vec<(usize, crate::library::Origin)> },
    /// Stop a library search that is still running.
    StopSearch,
    /// Read the library's folders again, handing the result to `Shell::rescanned`.
    RescanLibrary,
}

pub struct Shell {
    /// The terminal's size as it reports it; drawing uses `screen()`, which is capped.
    pub(super) size: Rect,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    pub(super) effects: Vec<Effect>,
    pub(super) status: Status,
    pub(super) mode: Mode,
    pub(super) quit: bool,
    /// Whether a card describes the focused link's target.
    pub(super) peek: bool,
    pub(super) mouse: bool,
    /// Whether the terminal's cursor sits on the selection, for screen readers.
    pub(super) cursor: bool,
    /// Whether outside addresses are drawn as terminal hyperlinks (OSC 8).
    pub(super) hyperlinks: bool,
    /// The briefing being read.
    pub(super) session: Session,
    /// Its key (directory, or `bundled/<name>`); none while only the library has been seen.
    pub(super) current: Option<String>,
    /// The other briefings opened in this run, each where it was left.
    pub(super) shelf: Vec<super::library::Shelved>,
    pub(super) library: Option<super::library::LibraryView>,
    pub(super) library_shown: bool,
    /// Whether the library's folders have been read: a briefing opened by its directory
    /// leaves them until the library is first shown, so they cost its start nothing.
    pub(super) library_scanned: bool,
    /// Where to go once a briefing being opened has loaded: (its key, the target).
    pub(super) pending: Option<(String, Target)>,
    /// Every problem of a briefing that did not open, for the messages box.
    pub(super) opening_problems: Option<crate::content::Report>,
}

/// Builds a shell with the defaults a test or a benchmark wants, changing only what it says.
pub struct Builder {
    briefing: Briefing,
    size: (u16, u16),
    keymap: Option<Keymap>,
    theme: Option<Theme>,
    mouse: bool,
    cursor: bool,
    hyperlinks: bool,
    key: Option<String>,
    library: Option<(crate::library::Library, bool)>,
    scan_later: bool,
}

impl Builder {
    pub fn size(mut self, width: u16, height: u16) -> Builder {
        self.size = (width, height);
        self
    }

    pub fn keymap(mut self, keymap: Keymap) -> Builder {
        self.keymap = Some(keymap);
        self
    }

    pub fn theme(mut self, theme: Theme) -> Builder {
        self.theme = Some(theme);
        self
    }

    pub fn mouse(mut self, on: bool) -> Builder {
        self.mouse = on;
        self
    }

    /// Put the terminal's cursor on the selected row or the focused link (on by default).
    pub fn cursor(mut self, on: bool) -> Builder {
        self.cursor = on;
        self
    }

    /// Draw outside addresses as terminal hyperlinks (off by default, as for a test screen).
    pub fn hyperlinks(mut self, on: bool) -> Builder {
        self.hyperlinks = on;
        self
    }

    /// The key the briefing's memory is kept under (its directory, or `bundled/<name>`):
    /// it is the one being read, and the library marks it.
    pub fn key(mut self, key: impl Into<String>) -> Builder {
        self.key = Some(key.into());
        self
    }

    /// A library to come back to; `shown`: it is what the reader starts on.
    pub fn library(mut self, library: crate::library::Library, shown: bool) -> Builder {
        self.library = Some((library, shown));
        self
    }

    /// The library given holds only what was at hand (the bundled briefings): its folders are
    /// read when it is first shown, through `Effect::RescanLibrary`.
    pub fn scan_library_when_shown(mut self) -> Builder {
        self.scan_later = true;
        self
    }

    pub fn build(self) -> Shell {
        let keymap = self.keymap.unwrap_or_else(Keymap::default_keys);
        let keys = pane_keys(&keymap);
        let mut session = Session::new(self.briefing, keys);
        let mut status = Status::default();
        if !session.briefing.notices.is_empty() {
            let n = session.briefing.notices.len();
            status.say(format!(
                "Removed control characters from the text in {}; see the Summary",
                crate::document::count(n, "place")
            ));
        }
        session.size = layout::screen(self.size.0, self.size.1);
        let mut shell = Shell {
            size: Rect::new(0, 0, self.size.0, self.size.1),
            keymap,
            theme: self.theme.unwrap_or_else(|| Builtin::Dark.theme()),
            effects: Vec::new(),
            status,
            mode: Mode::Normal,
            quit: false,
            peek: true,
            mouse: self.mouse,
            cursor: self.cursor,
            hyperlinks: self.hyperlinks,
            session,
            current: None,
            shelf: Vec::new(),
            library: None,
            library_shown: false,
            library_scanned: !self.scan_later,
            pending: None,
            opening_problems: None,
        };
        if let Some((library, shown)) = self.library {
            shell.library = Some(super::library::LibraryView::new(library));
            shell.library_shown = shown;
        }
        // Started on the library, the briefing behind it is not open until one is chosen.
        shell.current = if shell.library_shown { None } else { self.key };
        shell.session.settle();
        shell
    }
}

/// The keys that open each pane, for the pages that name them.
pub(super) fn pane_keys(keymap: &Keymap) -> PaneKeys {
    PaneKeys {
        keys: PaneId::iter()
            .filter(|p| *p != PaneId::Summary)
            .map(|p| (p.kind(), keymap.key(p.action()).to_owned()))
            .filter(|(_, k)| !k.is_empty())
            .collect(),
        cited_by: Some(keymap.key(Action::ToggleCitedBy).to_owned()).filter(|k| !k.is_empty()),
        letters: picture_letters(keymap),
    }
}

/// The letters that label what a picture cannot name in place: those no key takes in a picture
/// or in normal mode, lower case first, so typing one can only mean the label.
fn picture_letters(keymap: &Keymap) -> Vec<char> {
    ('a'..='z')
        .chain('A'..='Z')
        .filter(|c| {
            let key = Key { code: KeyCode::Char(*c), modifiers: KeyModifiers::NONE };
            [KeyMode::Picture, KeyMode::Normal].iter().all(|m| keymap.action(*m, key).is_none())
        })
        .collect()
}

impl Shell {
    pub fn builder(briefing: Briefing) -> Builder {
        Builder {
            briefing,
            size: (80, 24),
            keymap: None,
            theme: None,
            mouse: false,
            cursor: true,
            hyperlinks: false,
            key: None,
            library: None,
            scan_later: false,
        }
    }

    /// The area drawn: the terminal's size, capped so that a huge window is clipped.
    pub fn screen(&self) -> Rect {
        layout::screen(self.size.width, self.size.height)
    }

    pub fn too_small(&self) -> bool {
        self.size.width < MIN_WIDTH || self.size.height < MIN_HEIGHT
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn status(&self) -> Option<&str> {
        self.status.message()
    }

    pub fn status_log(&self) -> &Status {
        &self.status
    }

    pub fn peek(&self) -> bool {
        self.peek
    }

    pub fn mouse(&self) -> bool {
        self.mouse
    }

    pub fn cursor(&self) -> bool {
        self.cursor
    }

    pub fn hyperlinks(&self) -> bool {
        self.hyperlinks
    }

    /// Opens the reader at a place an address names (`briefing --goto`), as following a link
    /// there would: where the reader was is one step back.
    pub fn open(&mut self, place: crate::document::address::Place) {
        use crate::document::address::Place;
        match place {
            Place::Summary => self.session.show(PaneId::Summary),
            Place::Source(None) => self.session.show(PaneId::Source),
            Place::Source(Some(n)) => self.go(Target::Paragraph(n)),
            Place::Entity(id) => self.go(Target::Entity(id)),
        }
        self.session.settle();
    }

    pub fn quit_requested(&self) -> bool {
        self.quit
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Shows a message on the status line, as the reader's own messages are shown.
    pub fn say(&mut self, message: impl Into<String>) {
        self.status.say(message);
    }

    /// Puts the reader back where a memory says.
    pub fn recall(&mut self, memory: &super::memory::Memory) {
        self.session.recall(memory);
    }

    pub fn remember(&self) -> super::memory::Memory {
        self.session.remember()
    }

    /// A new version of the briefing from disk, or the problems that kept it from loading.
    pub fn reload(&mut self, loaded: Result<Briefing, crate::content::Report>) {
        let replaced = loaded.is_ok();
        if let Some(message) = self.session.reload(loaded) {
            self.status.say(message);
        }
        if replaced {
            self.after_reload();
        }
        if matches!(self.mode, Mode::Messages { .. }) && self.session.problems().is_none() {
            self.mode = Mode::Normal;
        }
        self.session.settle();
    }

    /// The keymap keys are looked up in now: the mode's, or on the library screen the
    /// library's (or the prompt's while a filter or a search is typed), or a picture's while
    /// one is shown.
    pub fn key_mode(&self) -> KeyMode {
        match (&self.mode, &self.library) {
            (Mode::Normal, Some(view)) if self.library_shown => {
                if view.typing.is_some() {
                    KeyMode::Prompt
                } else {
                    KeyMode::Library
                }
            }
            (Mode::Normal, _) if self.shows_picture() => KeyMode::Picture,
            (mode, _) => mode.keys(),
        }
    }

    /// The action a key triggers now: looked up in the current mode's keymap; letters that
    /// mode does not take are typed, when it takes text; other keys act as in normal mode
    /// once the mode ends. Ctrl-c always quits.
    pub fn action_for_key(&self, event: KeyEvent) -> Action {
        let key = Key::from_event(event);
        if key == QUIT {
            return Action::Quit;
        }
        let mode = self.key_mode();
        if let Some(action) = self.keymap.action(mode, key) {
            return action;
        }
        let plain = !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if mode == KeyMode::Picture
            && plain
            && let KeyCode::Char(c) = event.code
            && self.session.letters().contains(&c)
        {
            return Action::Type(c);
        }
        if mode.takes_text()
            && plain
            && let KeyCode::Char(c) = event.code
            && !c.is_control()
        {
            return Action::Type(c);
        }
        if mode != KeyMode::Normal
            && let Some(action) = self.keymap.action(KeyMode::Normal, key)
        {
            return action;
        }
        Action::Unbound(key)
    }

    /// Whether the pane on screen shows its picture.
    pub fn shows_picture(&self) -> bool {
        matches!(self.session.pane(), Pane::Entities(p) if p.shows_picture())
    }

    /// What pasted text does: while something is being typed, it is typed (line breaks as
    /// spaces); otherwise nothing, so that pasting a word never sets off the keys in it.
    pub fn actions_for_paste(&self, text: &str) -> Vec<Action> {
        if !self.key_mode().takes_text() {
            return vec![Action::Unbound(super::keymap::Key::default())];
        }
        text.chars()
            .map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c })
            .filter(|c| !crate::content::sanitize::is_forbidden(*c))
            .map(Action::Type)
            .collect()
    }

    /// The action a mouse event is, if any: moving the pointer is none.
    pub fn action_for_mouse(&self, event: MouseEvent) -> Option<Action> {
        let (column, row) = (event.column, event.row);
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
            MouseEventKind::ScrollDown => Some(Action::Wheel { column, row, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { column, row, down: false }),
            _ => None,
        }
    }

    /// The only code that changes the reader's state.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize { width, height } = action {
            self.size = Rect::new(0, 0, width, height);
            self.session.resize(self.screen());
            return;
        }
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        // Work left from an earlier action changes no message and no place.
        if action == Action::Tick {
            self.continue_work();
            return;
        }
        // Below the minimum size nothing is drawn but the message, so nothing else acts.
        if self.too_small() {
            return;
        }
        self.status.clear();
        let pane = self.session.pane_id();
        let before = self.session.pane().position_state();
        let mut next = Some(action);
        // A mode hands back an action it does not take, after ending: it then acts as in
        // normal mode. At most one hand-back, since the mode is then normal.
        while let Some(action) = next.take() {
            next = match self.mode {
                Mode::Normal if self.library_shown() => {
                    self.library_action(action);
                    None
                }
                Mode::Normal => {
                    self.normal(action);
                    None
                }
                Mode::Find { .. } => self.find_action(action),
                Mode::Search(_)
                | Mode::Palette(_)
                | Mode::Bookmarks { .. }
                | Mode::Listing { .. } => self.picker_action(action),
                Mode::Hints(_) => self.hints_action(action),
                Mode::Help { .. } | Mode::Messages { .. } => self.overlay_action(action),
            };
        }
        self.session.settle();
        if self.session.pane_id() == pane && self.session.pane().position_state() != before {
            self.session.pane_mut().forget_anchors();
        }
    }

    pub(super) fn normal(&mut self, action: Action) {
        use Action::*;
        match action {
            ShowSummary | ShowActors | ShowIssues | ShowTimeline | ShowPlaces | ShowGlossary
            | ShowSource => {
                if let Some(pane) = PaneId::iter().find(|p| p.action() == action) {
                    self.session.show(pane);
                }
            }
            Next | Prev | PageDown | PageUp | First | Last | FocusList | FocusDetail | NextLink
            | PrevLink | Follow | ToggleCitedBy | TogglePicture | StepLeft | StepRight
            | PanLeft | PanRight | PanUp | PanDown | ZoomIn | ZoomOut | ZoomFit | OrderIssues => {
                let outcome = self.session.act(action);
                self.outcome(outcome);
            }
            Type(c) if self.shows_picture() => match self.session.act(action) {
                // A picture with no letters on it (the matrix) takes none.
                Outcome::Ignored => {
                    self.unbound(Key { code: KeyCode::Char(c), modifiers: KeyModifiers::NONE })
                }
                outcome => self.outcome(outcome),
            },
            Back => {
                if !self.session.back() {
                    self.status.say("Nothing to go back to");
                }
            }
            Forward => {
                if !self.session.forward() {
                    self.status.say("Nothing to go forward to");
                }
            }
            Find => {
                let origin =
                    Some((self.session.pane_id(), self.session.pane().reading().scroll[0]));
                self.session.find = Some(super::find::Find::new(""));
                self.mode = Mode::Find { origin };
            }
            NextMatch | PrevMatch => {
                let keys =
                    [self.keymap.key(NextMatch), self.keymap.key(PrevMatch), self.keymap.key(Find)];
                let keys = keys.map(str::to_owned);
                let message =
                    self.session.step_match(action == NextMatch, [&keys[0], &keys[1], &keys[2]]);
                self.status.say(message);
            }
            Search => self.open_search(),
            Palette => self.open_palette(),
            Bookmarks => self.open_bookmarks(),
            Hints | HintsBeside => {
                let links = self.session.links_on_screen();
                if links.is_empty() {
                    self.status.say("No links on screen");
                } else {
                    self.mode = Mode::Hints(super::hints::Hints::new(links, action == HintsBeside));
                }
            }
            TogglePeek => {
                self.peek = !self.peek;
                self.status.say(if self.peek { "Peek cards on" } else { "Peek cards off" });
            }
            FilterByActor => {
                let key = self.keymap.key(ShowActors).to_owned();
                let message = self.session.toggle_filter(&key);
                self.status.say(message);
            }
            Bookmark => {
                let key = self.keymap.key(Bookmarks).to_owned();
                let message = self.session.toggle_bookmark(&key);
                self.status.say(message);
            }
            Copy => self.copy_reference(),
            ToggleMouse => {
                self.mouse = !self.mouse;
                self.effects.push(Effect::Mouse(self.mouse));
                self.status.say(if self.mouse {
                    "Mouse on: click tabs, items and links; the wheel scrolls"
                } else {
                    "Mouse off: your terminal selects text again"
                });
            }
            Help => self.mode = Mode::Help { scroll: 0 },
            ShowMessages => self.mode = Mode::Messages { scroll: 0 },
            Close => {
                if let Some(message) = self.session.close() {
                    self.status.say(message);
                }
            }
            Suspend => self.effects.push(Effect::Suspend),
            Reload => {
                self.effects.push(Effect::Reload);
                self.status.say("Reading the files again…");
            }
            Library => self.show_library(),
            Sort => {}
            Quit => self.quit = true,
            Click { column, row } => self.click(column, row),
            Wheel { column, row, down } => self.wheel(column, row, down),
            Unbound(key) => self.unbound(key),
            Accept | Cancel | DeleteBack | ClearInput | Type(_) | Resize { .. } | Tick => {}
        }
    }

    /// Carries out what a pane asked for.
    fn outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Go(target) => self.go(target),
            Outcome::Opened(id) => self.session.mark_seen(id),
            Outcome::Say(message) => self.status.say(message),
            Outcome::NoLink => {
                let (tab, enter) =
                    (self.keymap.key(Action::NextLink), self.keymap.key(Action::Follow));
                let message = format!("Press {tab} to choose a link, then {enter} to follow it");
                self.status.say(message);
            }
            Outcome::Done | Outcome::Ignored => {}
        }
    }

    pub(super) fn go(&mut self, target: Target) {
        if let Target::More(listing) = target {
            self.mode = Mode::Listing { listing, selected: 0 };
            return;
        }
        if let Target::External(url) = &target {
            // The reader opens no browser itself: the terminal does, from the hyperlink.
            let copy = self.keymap.key(Action::Copy);
            let how = if self.hyperlinks {
                "click it (with Ctrl or Cmd held, in many terminals) to open it in your browser"
            } else {
                "your terminal may open it when you click it"
            };
            let copy = if copy.is_empty() {
                String::new()
            } else {
                format!(", or press {copy} to copy it")
            };
            self.status.say(format!("Outside address, not opened here: {url}; {how}{copy}"));
            return;
        }
        if let Some(message) = self.session.go(target) {
            self.status.say(message);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.session.areas();
        let at = ratatui::layout::Position { x: column, y: row };
        if areas.tabs.contains(at) {
            let tabs = self.tab_labels();
            let placed = layout::tabs(areas.tabs, &tabs, self.session.pane_id());
            let hit = placed.into_iter().find(|(_, start, text)| {
                column >= *start
                    && column < start + unicode_width::UnicodeWidthStr::width(text.as_str()) as u16
            });
            if let Some((pane, ..)) = hit {
                self.session.show(pane);
            }
            return;
        }
        if self.shows_picture() {
            let outcome = self.session.act(Action::Click { column, row });
            self.outcome(outcome);
            return;
        }
        match self.session.hit(column, row) {
            Some(Hit::Item(position)) => {
                if let Pane::Entities(p) = self.session.pane_mut() {
                    p.select(position);
                    p.view.focus = Focus::List;
                }
            }
            Some(Hit::List) => {
                if let Pane::Entities(p) = self.session.pane_mut() {
                    p.view.focus = Focus::List;
                }
            }
            Some(Hit::Link(column, index)) => {
                if let Some(target) = self.session.focus_link(column, index) {
                    self.go(target);
                }
            }
            Some(Hit::Text(Column::Main)) => {
                if let Pane::Entities(p) = self.session.pane_mut() {
                    p.view.focus = Focus::Detail;
                }
            }
            Some(Hit::Text(Column::Side)) | None => {}
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        /// Rows the wheel scrolls text by, per notch.
        const ROWS: isize = 3;
        let step = if down { 1 } else { -1 };
        if self.shows_picture() {
            let outcome = self.session.act(Action::Wheel { column, row, down });
            self.outcome(outcome);
            return;
        }
        match self.session.hit(column, row) {
            Some(Hit::Item(_) | Hit::List) => {
                if let Pane::Entities(p) = self.session.pane_mut() {
                    let last = p.list.items.len().saturating_sub(1);
                    let to = super::panes::reading::offset(p.view.selected, step, last);
                    p.select(to);
                }
            }
            Some(Hit::Link(column, _) | Hit::Text(column)) => {
                super::session::with_pane!(self.session, pane, cx => pane.text(&mut cx).scroll_by(column, step * ROWS));
            }
            None => {}
        }
    }

    /// A key bound to nothing: say so, named as the keymap would write it, and where the keys
    /// are listed.
    fn unbound(&mut self, key: Key) {
        if key == Key::default() {
            let find = self.keymap.key(Action::Find).to_owned();
            self.status.say(format!("Pasted text is typed into a search: press {find} first"));
            return;
        }
        let KeyCode::Char(c) = key.code else { return };
        if c.is_control() {
            return;
        }
        let help = self.keymap.key(Action::Help).to_owned();
        self.status.say(format!("{} does nothing here; press {help} for the keys", key.name()));
    }

    fn copy_reference(&mut self) {
        // A focused outside address is copied as it is: that is what a person wants of it.
        if let Some(Target::External(url)) = self.session.focused_target() {
            self.status.say(format!("Copied the address to the clipboard: {url}"));
            self.effects.push(Effect::Copy(url.to_string()));
            return;
        }
        let session = &self.session;
        let subject = match session.pane() {
            Pane::Prose(p) if p.id == PaneId::Summary => Some(Subject::Briefing),
            Pane::Prose(p) => {
                let para = p.view.highlight.map(|h| h.para).or_else(|| {
                    // The paragraph at the top of the screen is the one being read.
                    let (wrapped, _) = session.wrapped(Column::Main)?;
                    let top = p.view.reading.scroll[0];
                    wrapped.rows.iter().skip(top).find_map(|r| r.paragraph)
                });
                Some(Subject::Paragraph(para.unwrap_or(1)))
            }
            Pane::Entities(p) => p.selected().map(Subject::Entity),
        };
        let Some(text) = subject.and_then(|s| reference(&session.briefing, s)) else {
            self.status.say("Nothing to copy here");
            return;
        };
        let shown: String = text.chars().take(60).collect();
        let more = if text.chars().count() > 60 { "…" } else { "" };
        self.status.say(format!("Copied to the clipboard: {shown}{more}"));
        self.effects.push(Effect::Copy(text));
    }

    /// The tab row's entries: each pane, the key that shows it and its title.
    pub fn tab_labels(&self) -> Vec<(PaneId, String, &'static str)> {
        PaneId::iter().map(|p| (p, self.keymap.key(p.action()).to_owned(), p.title())).collect()
    }

    fn find_action(&mut self, action: Action) -> Option<Action> {
        let Mode::Find { origin } = self.mode.clone() else { return None };
        let query = self.session.find().map(|f| f.query.clone()).unwrap_or_default();
        let retype = |shell: &mut Shell, query: String| {
            // Each new query searches again from where the search began.
            if let Some((pane, scroll)) = origin
                && pane == shell.session.pane_id()
            {
                shell.session.pane_mut().reading_mut().scroll[0] = scroll;
            }
            shell.session.settle();
            shell.session.set_find(&query);
        };
        match action {
            Action::Type(c) => retype(self, format!("{query}{c}")),
            Action::DeleteBack if query.is_empty() => self.cancel_find(origin),
            Action::DeleteBack => {
                let mut query = query;
                query.pop();
                retype(self, query);
            }
            Action::ClearInput => retype(self, String::new()),
            Action::Accept => self.accept_find(),
            Action::Cancel | Action::Close => self.cancel_find(origin),
            Action::Next | Action::Prev => {
                let keys = [Action::NextMatch, Action::PrevMatch, Action::Find]
                    .map(|a| self.keymap.key(a).to_owned());
                self.session.step_match(action == Action::Next, [&keys[0], &keys[1], &keys[2]]);
            }
            other => {
                self.accept_find();
                return Some(other);
            }
        }
        None
    }

    fn accept_find(&mut self) {
        self.mode = Mode::Normal;
        let Some(find) = self.session.find() else { return };
        if find.query.is_empty() {
            self.session.find = None;
        } else if find.count() == 0 {
            let message = format!("No match for “{}” here", find.query);
            self.status.say(message);
        }
    }

    fn cancel_find(&mut self, origin: Option<(PaneId, usize)>) {
        self.mode = Mode::Normal;
        self.session.find = None;
        if let Some((pane, scroll)) = origin
            && pane == self.session.pane_id()
        {
            self.session.pane_mut().reading_mut().scroll[0] = scroll;
        }
    }

    fn hints_action(&mut self, action: Action) -> Option<Action> {
        let Mode::Hints(hints) = &mut self.mode else { return None };
        match action {
            Action::Type(c) => match hints.type_letter(c) {
                Typed::Narrowed => {}
                Typed::Nothing(typed) => {
                    self.mode = Mode::Normal;
                    self.status.say(format!("No link is labelled “{typed}”"));
                }
                Typed::Chosen(column, link) => {
                    let beside = hints.beside;
                    self.mode = Mode::Normal;
                    if let Some(target) = self.session.focus_link(column, link) {
                        if beside {
                            let message = self.session.open_beside(target);
                            if let Some(message) = message {
                                let esc = self.keymap.key(Action::Close).to_owned();
                                self.status.say(format!("{message}; {esc} closes it"));
                            }
                        } else {
                            self.go(target);
                        }
                    }
                }
            },
            Action::DeleteBack => hints.back(),
            Action::Cancel => self.mode = Mode::Normal,
            other => {
                self.mode = Mode::Normal;
                return Some(other);
            }
        }
        None
    }

    /// The open help or messages box, laid out for the screen.
    pub fn overlay(&self) -> Option<(Overlay, Laid, usize)> {
        let screen = self.screen();
        match self.mode {
            Mode::Help { scroll } => Some((
                Overlay::Help,
                overlays::lay_out(Overlay::Help, screen, |w| overlays::help_doc(&self.keymap, w)),
                scroll,
            )),
            Mode::Messages { scroll } => Some((
                Overlay::Messages,
                overlays::lay_out(Overlay::Messages, screen, |_| {
                    // On the library, the problems of a briefing that did not open; in a
                    // briefing, those of its last reload.
                    let problems = if self.library_shown() {
                        self.opening_problems
                            .as_ref()
                            .map(|r| ("That briefing did not open: its files have errors.", r))
                    } else {
                        self.session.problems().map(|r| {
                            ("The files have errors; the reader shows the last good version.", r)
                        })
                    };
                    overlays::messages_doc(&self.status, problems)
                }),
                scroll,
            )),
            _ => None,
        }
    }

    fn overlay_action(&mut self, action: Action) -> Option<Action> {
        let (which, laid, scroll) = self.overlay()?;
        let max = laid.max_scroll();
        let page = laid.text.height.saturating_sub(1).max(1) as usize;
        let to = match action {
            Action::Next => scroll + 1,
            Action::Prev => scroll.saturating_sub(1),
            Action::PageDown => scroll + page,
            Action::PageUp => scroll.saturating_sub(page),
            Action::First => 0,
            Action::Last => max,
            Action::Wheel { down: true, .. } => scroll + 3,
            Action::Wheel { down: false, .. } => scroll.saturating_sub(3),
            Action::Close | Action::Cancel | Action::Click { .. } => {
                self.mode = Mode::Normal;
                return None;
            }
            Action::Help if which == Overlay::Help => {
                self.mode = Mode::Normal;
                return None;
            }
            Action::ShowMessages if which == Overlay::Messages => {
                self.mode = Mode::Normal;
                return None;
            }
            other => {
                self.mode = Mode::Normal;
                return Some(other);
            }
        };
        let to = to.min(max);
        if let Mode::Help { scroll } | Mode::Messages { scroll } = &mut self.mode {
            *scroll = to;
        }
        None
    }

    /// The typed `/` query, while it is being typed.
    pub fn prompt(&self) -> Option<&Find> {
        match self.mode {
            Mode::Find { .. } => self.session.find(),
            _ => None,
        }
    }

    /// The link labels, while they wait for a letter.
    pub fn hints(&self) -> Option<&Hints> {
        match &self.mode {
            Mode::Hints(h) => Some(h),
            _ => None,
        }
    }
}
