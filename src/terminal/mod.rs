//! The event loop: terminal input, resizes, signals, file changes and finished reloads arrive
//! on one channel; each becomes an action or a reload, then the screen is drawn.
//!
//! Nothing on the loop blocks: input is read and decoded on a thread of its own (so a broken
//! escape sequence never locks the keyboard), and a briefing is reloaded on another (so a file
//! that will not finish loading never freezes the reader). However the loop ends, by `q`, a
//! signal, a closed terminal or a panic, the reader's place is saved first and the terminal
//! restored after, quietly if it has gone.

mod input;

pub use input::{Decoder, Input};

use crate::app::layout;
use crate::app::memory::Memory;
use crate::app::{Action, Effect, Shell};
use crate::content::{self, Briefing, Report};
use crate::watch::{Change, Seen, Watch};
use base64::Engine;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

type Screen = Terminal<CrosstermBackend<io::Stdout>>;

/// How long an unfinished escape sequence waits for the rest of it.
const SEQUENCE_WAIT: Duration = Duration::from_millis(60);
/// A reload that has not finished by then is reported as slow.
const RELOAD_SLOW: Duration = Duration::from_secs(5);

enum Event {
    Input(Input),
    Resize,
    /// The terminal closed its end (the window was closed) or could not be read.
    Gone,
    Changed(Change),
    /// A reload of the briefing known by the key has finished.
    Loaded(String, Box<Result<Briefing, Report>>),
    /// A reload of the briefing known by the key found its files as they were last read.
    Unchanged(String),
    /// A briefing of the library asked for by `Effect::Open` has loaded, or not.
    /// With what was seen of its directory before it was read.
    Opened(String, Box<Result<Briefing, Report>>, Option<(PathBuf, Seen)>),
    /// A briefing of a library search has been searched: the query, its entry, its hits.
    Found(String, usize, Vec<crate::search::index::Hit>),
    /// A signal asked the reader to end: it ends as `q` does.
    Stop,
}

/// Where the reader's memory of each briefing is kept: read when a briefing is opened, saved
/// when it is left and when the reader ends.
pub trait Places {
    /// The memory of the briefing known by `key`, and anything to tell the reader about it
    /// (a damaged file set aside).
    fn load(&mut self, key: &str) -> (Option<Memory>, Option<String>);
    /// Keeps the memory, stamped with when it was left.
    fn save(&mut self, key: &str, memory: &mut Memory);
    /// The library's folders read again.
    fn rescan(&self) -> crate::library::Library;
}

/// Runs the reader of the briefing read from `dir`, if from a directory: the reload key reads
/// it again, and with what was seen of it before it was read, it is watched and reloaded when
/// it changes (a save made before the watch is set is read too). The place in every briefing
/// opened is saved through `places` before the terminal is given back.
pub fn run(
    shell: &mut Shell,
    dir: Option<(&Path, Option<Seen>)>,
    places: &mut dyn Places,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    // `--no-watch` leaves what was seen out: the files are then read again only by hand.
    let changes = dir.as_ref().is_none_or(|(_, seen)| seen.is_some());
    let mut watching = Watching { dir: None, watch: None, changes, reloads: None, since: None };
    signals(&tx)?;
    let tty = open_tty()?;
    let mut screen = start(shell.mouse())?;
    let restore_on_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        restore_on_panic(info);
    }));
    read_input(tty, tx.clone());
    let first = dir.map(|(dir, since)| (dir.to_path_buf(), since));
    let result = event_loop(&mut screen, shell, &rx, &tx, &mut watching, places, first);
    // The place is saved before the terminal is touched again: restoring a terminal that
    // has gone may fail, and what the reader did must not be lost with it.
    for (key, mut memory) in shell.memories() {
        places.save(&key, &mut memory);
    }
    restore();
    // The terminal is given back already; dropped, ratatui would show the cursor again and,
    // when the terminal has gone, print that it could not into the closed terminal.
    std::mem::forget(screen);
    let _ = std::panic::take_hook();
    // A terminal that went away is a normal end, not an error to print into it.
    match result {
        Err(e) if gone(&e) => Ok(()),
        other => other,
    }
}

/// The directory of the briefing being read, watched for changes, with the thread that
/// reloads it. Opening another briefing of the library moves both to its directory.
struct Watching {
    dir: Option<PathBuf>,
    watch: Option<Watch>,
    /// Whether changes are watched for; when not (`--no-watch`), the reload key still reads
    /// the files again.
    changes: bool,
    reloads: Option<mpsc::Sender<(String, PathBuf)>>,
    /// What was seen of the directory of the briefing just opened, before it was read.
    since: Option<(PathBuf, Seen)>,
}

impl Watching {
    /// Watches `dir` (none: a bundled briefing, which never changes) instead of the last one.
    /// `since` is what was seen of a directory before its briefing was read.
    fn follow(
        &mut self,
        dir: Option<PathBuf>,
        since: Option<(PathBuf, Seen)>,
        tx: &mpsc::Sender<Event>,
    ) -> Result<(), String> {
        self.watch = None;
        // What was seen counts only for the directory it was seen of.
        let since = since.filter(|(seen, _)| Some(seen) == dir.as_ref()).map(|(_, s)| s);
        self.dir = dir.clone();
        let Some(dir) = dir else { return Ok(()) };
        if self.reloads.is_none() {
            self.reloads = Some(reloader(tx.clone()));
        }
        if !self.changes {
            return Ok(());
        }
        let changed = tx.clone();
        match Watch::new(&dir, move |change| {
            let _ = changed.send(Event::Changed(change));
        }) {
            Ok(watch) => {
                if let Some(change) = since.and_then(|seen| watch.changed_since(&seen)) {
                    let _ = tx.send(Event::Changed(change));
                }
                self.watch = Some(watch);
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Asks for the briefing to be read again; false when there are no files to read.
    fn reload(&self, key: &str) -> bool {
        match (&self.reloads, &self.dir) {
            (Some(reloads), Some(dir)) => reloads.send((key.to_owned(), dir.clone())).is_ok(),
            _ => false,
        }
    }
}

/// Whether an error means the terminal has gone (its window closed).
fn gone(error: &io::Error) -> bool {
    matches!(error.raw_os_error(), Some(libc::EIO | libc::ENXIO | libc::EBADF))
        || error.kind() == io::ErrorKind::BrokenPipe
}

/// Raw mode, the alternate screen, bracketed paste (so a pasted search is text, not keys),
/// the mouse if wanted, and a screen no larger than the reader draws: a 65535x65535 window
/// would otherwise ask for a buffer of gigabytes.
fn start(mouse: bool) -> io::Result<Screen> {
    // Colour is the theme's decision: under NO_COLOR the mono theme has none. Left to itself,
    // crossterm would answer NO_COLOR by writing a reset for every colour change, which also
    // ends the reverse video and bold that mark the selection.
    ratatui::crossterm::style::force_color_output(true);
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, ratatui::crossterm::cursor::Hide, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let size = capped_size()?;
    Terminal::with_options(
        CrosstermBackend::new(out),
        TerminalOptions { viewport: Viewport::Fixed(size) },
    )
}

fn capped_size() -> io::Result<ratatui::layout::Rect> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Ok(layout::screen(width, height))
}

/// Gives the terminal back as it was found; every step is tried, whatever fails.
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// The signals that end a program: each ends the reader as `q` does, with its place saved
/// and the terminal restored. (SIGKILL and SIGSTOP cannot be caught; SIGSEGV and the like
/// mean the program is broken, and handling them could do more harm than the crash.)
fn signals(tx: &mpsc::Sender<Event>) -> io::Result<()> {
    use signal_hook::consts::*;
    let mut ends = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
    ])?;
    let stop = tx.clone();
    std::thread::spawn(move || {
        if ends.forever().next().is_some() {
            let _ = stop.send(Event::Stop);
        }
    });
    let mut resizes = signal_hook::iterator::Signals::new([SIGWINCH])?;
    let resize = tx.clone();
    std::thread::spawn(move || {
        for _ in resizes.forever() {
            if resize.send(Event::Resize).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// The terminal to read keys from: standard input when it is one, else the controlling
/// terminal.
fn open_tty() -> io::Result<std::fs::File> {
    use std::io::IsTerminal;
    use std::os::fd::{AsFd, OwnedFd};
    if io::stdin().is_terminal() {
        let fd: OwnedFd = io::stdin().as_fd().try_clone_to_owned()?;
        return Ok(std::fs::File::from(fd));
    }
    std::fs::OpenOptions::new().read(true).open("/dev/tty")
}

/// Reads the terminal's bytes and decodes them, on a thread of its own: an unfinished
/// sequence is given up after a moment, so nothing the terminal sends can lock the keys.
fn read_input(mut tty: std::fs::File, tx: mpsc::Sender<Event>) {
    use std::os::fd::AsRawFd;
    std::thread::spawn(move || {
        let mut decoder = Decoder::default();
        let mut buffer = [0u8; 4096];
        loop {
            let timeout = if decoder.waiting() { SEQUENCE_WAIT.as_millis() as i32 } else { -1 };
            let mut poll = libc::pollfd { fd: tty.as_raw_fd(), events: libc::POLLIN, revents: 0 };
            // SAFETY: one valid pollfd, for the length of the call.
            let ready = unsafe { libc::poll(&mut poll, 1, timeout) };
            if ready < 0 {
                if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                let _ = tx.send(Event::Gone);
                return;
            }
            let events = if ready == 0 {
                decoder.flush()
            } else {
                match tty.read(&mut buffer) {
                    Ok(n) if n > 0 => decoder.feed(&buffer[..n]),
                    Err(e)
                        if matches!(
                            e.kind(),
                            io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
                        ) =>
                    {
                        continue;
                    }
                    // End of input, or an error: the terminal has gone.
                    _ => {
                        let _ = tx.send(Event::Gone);
                        return;
                    }
                }
            };
            for event in events {
                if tx.send(Event::Input(event)).is_err() {
                    return;
                }
            }
        }
    });
}

/// What a briefing's files hold, in 64 bits: the same files give the same digest.
fn digest(texts: &[(String, std::sync::Arc<str>)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    texts.hash(&mut hasher);
    hasher.finish()
}

/// Loads files this thread owns, so each file's text is let go of as soon as it is read.
fn load(files: content::Files) -> Result<Briefing, Report> {
    content::load::load_with(files, &Default::default())
}

/// Loads a briefing again on a thread of its own, when asked; a load that changed nothing
/// (editors often save twice) is not sent.
fn reloader(tx: mpsc::Sender<Event>) -> mpsc::Sender<(String, PathBuf)> {
    let (ask, asked) = mpsc::channel::<(String, PathBuf)>();
    std::thread::spawn(move || {
        // The directory last read and a digest of its files' texts, to tell a change from a
        // second save; a digest, so that the texts are not held for the whole session.
        let mut last: Option<(PathBuf, u64)> = None;
        while let Ok(mut request) = asked.recv() {
            // Requests that came while this one waited are the same request, or a later one.
            while let Ok(later) = asked.try_recv() {
                request = later;
            }
            let (key, dir) = request;
            let files = content::read_dir(&dir);
            if let Ok(files) = &files {
                let digest = digest(&files.texts);
                if last.as_ref().is_some_and(|(d, t)| *d == dir && *t == digest) {
                    if tx.send(Event::Unchanged(key)).is_err() {
                        return;
                    }
                    continue;
                }
                last = Some((dir.clone(), digest));
            }
            let loaded = Box::new(files.and_then(load));
            if tx.send(Event::Loaded(key, loaded)).is_err() {
                return;
            }
        }
    });
    ask
}

/// Loads a briefing of the library on a thread of its own, so the screen stays live while a
/// large one loads.
fn open(key: String, origin: crate::library::Origin, tx: &mpsc::Sender<Event>) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let since = origin.dir().map(|dir| (dir.to_path_buf(), Seen::now(dir)));
        let loaded = origin.files().and_then(load);
        let _ = tx.send(Event::Opened(key, Box::new(loaded), since));
    });
}

/// Searches every briefing of the library for `query`, one after another on a thread of its
/// own, sending each one's hits as it goes; a later search or the end of this one stops it.
fn search_library(
    query: String,
    briefings: Vec<(usize, crate::library::Origin)>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    tx: &mpsc::Sender<Event>,
) {
    use std::sync::atomic::Ordering;
    /// Enough hits of one briefing to choose from; its own search finds the rest.
    const PER_BRIEFING: usize = 20;
    let tx = tx.clone();
    std::thread::spawn(move || {
        for (entry, origin) in briefings {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let hits = origin
                .files()
                .and_then(load)
                .map(|briefing| {
                    let index = crate::search::index::SearchIndex::build(&briefing);
                    index.search(&briefing, &query, PER_BRIEFING).0
                })
                .unwrap_or_default();
            if tx.send(Event::Found(query.clone(), entry, hits)).is_err() {
                return;
            }
        }
    });
}

fn event_loop(
    screen: &mut Screen,
    shell: &mut Shell,
    events: &mpsc::Receiver<Event>,
    tx: &mpsc::Sender<Event>,
    watching: &mut Watching,
    places: &mut dyn Places,
    mut first: Option<(PathBuf, Option<Seen>)>,
) -> io::Result<()> {
    let size = ratatui::crossterm::terminal::size()?;
    shell.update(Action::Resize { width: size.0, height: size.1 });
    let mut reloading: Option<Instant> = None;
    // Whether the reload under way was asked for by a key, so it says when nothing changed.
    let mut by_hand = false;
    let mut searching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    loop {
        screen.draw(|frame| crate::ui::draw(frame, shell))?;
        // The directory is watched once the first screen is up: setting a watch can take
        // milliseconds (its parent is watched too), and reading need not wait for it.
        if let Some((dir, since)) = first.take()
            && let Err(e) = watching.follow(Some(dir.clone()), since.map(|s| (dir, s)), tx)
        {
            shell.say(format!("Not watching for changes: {e}"));
            continue;
        }
        let event = match reloading {
            // Work left in steps goes on while no input waits, so a key never waits for it.
            _ if shell.busy() => match events.try_recv() {
                Ok(event) => event,
                Err(mpsc::TryRecvError::Empty) => {
                    shell.update(Action::Tick);
                    continue;
                }
                Err(mpsc::TryRecvError::Disconnected) => return Ok(()),
            },
            Some(since) => match events.recv_timeout(RELOAD_SLOW.saturating_sub(since.elapsed())) {
                Ok(event) => event,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    shell.say("The briefing is taking long to load; it shows when it is ready");
                    reloading = None;
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match events.recv() {
                Ok(event) => event,
                Err(_) => return Ok(()),
            },
        };
        match event {
            Event::Input(Input::Key(key)) => {
                let action = shell.action_for_key(key);
                shell.update(action);
            }
            Event::Input(Input::Mouse(mouse)) => {
                // Moving the pointer is no action: it changes nothing, not even a message.
                let Some(action) = shell.action_for_mouse(mouse) else { continue };
                shell.update(action);
            }
            Event::Input(Input::Paste(text)) => {
                for action in shell.actions_for_paste(&text) {
                    shell.update(action);
                }
            }
            Event::Resize => {
                let (width, height) = ratatui::crossterm::terminal::size()?;
                screen.resize(layout::screen(width, height))?;
                shell.update(Action::Resize { width, height });
            }
            Event::Gone => return Ok(()),
            Event::Stop => return Ok(()),
            Event::Changed(change) => {
                if change == Change::Directory
                    && let Some(w) = watching.watch.as_mut()
                    && let Err(e) = w.rewatch()
                {
                    let key = shell.keymap().key(Action::Reload).to_owned();
                    shell.say(format!(
                        "Stopped watching for changes: {e}; press {key} to read it again"
                    ));
                    continue;
                }
                if let Some(key) = shell.current_key().map(str::to_owned)
                    && watching.reload(&key)
                {
                    reloading.get_or_insert_with(Instant::now);
                }
            }
            Event::Loaded(key, result) => {
                // A reload of a briefing left since is of no use: it is read again when opened.
                if shell.current_key() == Some(key.as_str()) {
                    (reloading, by_hand) = (None, false);
                    shell.reload(*result);
                    // The briefing it replaced was let go of here, the new one made on the
                    // reloader's thread: without this, both would stay resident.
                    content::load::give_back_freed_memory();
                }
            }
            Event::Unchanged(key) => {
                if shell.current_key() == Some(key.as_str()) {
                    reloading = None;
                    if std::mem::take(&mut by_hand) {
                        shell.say("Read again: unchanged");
                    }
                }
            }
            Event::Opened(key, result, since) => {
                watching.since = since;
                let (memory, warning) = match &*result {
                    Ok(_) => places.load(&key),
                    Err(_) => (None, None),
                };
                shell.opened(&key, *result, memory.as_ref());
                if let Some(warning) = warning {
                    shell.say(warning);
                }
            }
            Event::Found(query, entry, hits) => shell.found(&query, entry, hits),
        }
        for effect in shell.take_effects() {
            match effect {
                Effect::Suspend => suspend(screen, shell.mouse())?,
                Effect::Reload => {
                    if let Some(w) = watching.watch.as_mut() {
                        let _ = w.rewatch();
                    }
                    match shell.current_key().map(str::to_owned) {
                        Some(key) if watching.reload(&key) => {
                            reloading.get_or_insert_with(Instant::now);
                            by_hand = true;
                        }
                        _ => shell.say(
                            "This briefing is in the program itself; there are no files to read again",
                        ),
                    }
                }
                Effect::Open { key, origin } => open(key, origin, tx),
                Effect::Save(key, mut memory) => {
                    places.save(&key, &mut memory);
                    shell.saved(&key, &memory);
                }
                Effect::Watch(dir) => {
                    reloading = None;
                    let since = watching.since.take();
                    if let Err(e) = watching.follow(dir, since, tx) {
                        shell.say(format!("Not watching for changes: {e}"));
                    }
                }
                Effect::SearchLibrary { query, briefings } => {
                    searching.store(true, std::sync::atomic::Ordering::Relaxed);
                    searching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
                    search_library(query, briefings, std::sync::Arc::clone(&searching), tx);
                }
                Effect::StopSearch => {
                    searching.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                Effect::RescanLibrary => {
                    // Read here, before the next frame, so the library never shows half read.
                    shell.rescanned(places.rescan());
                }
                other => perform(other)?,
            }
        }
        if shell.quit_requested() {
            return Ok(());
        }
    }
}

fn perform(effect: Effect) -> io::Result<()> {
    let mut out = io::stdout();
    match effect {
        // OSC 52 asks the terminal to set the clipboard, which works over SSH; inside tmux it
        // needs `set -g set-clipboard on`. The text is clean by type; it is checked once
        // more here, at the last door out.
        Effect::Copy(text) => {
            let text = crate::content::sanitize::Clean::from(text);
            let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_str());
            write!(out, "\x1b]52;c;{encoded}\x07")?;
            out.flush()
        }
        Effect::Mouse(true) => execute!(out, EnableMouseCapture),
        Effect::Mouse(false) => execute!(out, DisableMouseCapture),
        // The event loop carries out the others itself.
        _ => Ok(()),
    }
}

/// Ctrl-Z: the terminal goes back to how the shell left it, the process stops, and when the
/// shell resumes it (`fg`) the screen is taken again and drawn whole.
fn suspend(screen: &mut Screen, mouse: bool) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, ratatui::crossterm::cursor::Hide, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    // The screen is blank again; one empty frame tells ratatui so, and the next frame is
    // drawn whole. (`Terminal::clear` would ask the terminal for the cursor position, whose
    // answer the input thread would take.)
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    screen.draw(|_| {})?;
    Ok(())
}
