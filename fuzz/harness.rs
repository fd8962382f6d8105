//! What each fuzz target does with its input, as plain functions: the targets under
//! `fuzz/fuzz_targets/` call them under libFuzzer, and `tests/fuzz_corpus.rs` replays the
//! corpora and every kept crash through them on stable. Include it with
//! `#[path = "…/fuzz/harness.rs"] mod harness;`.
//!
//! Every check is an assertion: a panic is the finding. The invariant checked on everything
//! that reaches a person (the screen, the clipboard, `check`'s output) is that it holds no
//! character `content::sanitize::is_forbidden` rejects.
#![allow(dead_code)]

use briefing::app::keymap::Keymap;
use briefing::app::memory::Memory;
use briefing::app::{Action, Effect, PaneId, Shell};
use briefing::commands::check::{self, Format};
use briefing::content::load::FILES;
use briefing::content::sanitize::is_forbidden;
use briefing::content::{self, Briefing, Files, Report};
use briefing::document::reference::{Subject, reference};
use briefing::terminal::{Decoder, Input};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::sync::OnceLock;
use strum::IntoEnumIterator;

/// Every target, by the name of its corpus directory.
/// A fuzz target: its name and the function it runs on each input.
pub type Target = (&'static str, fn(&[u8]));

pub const TARGETS: [Target; 5] = [
    ("section_file", section_file),
    ("reader", reader),
    ("config", config),
    ("state_file", state_file),
    ("input", input),
];

/// The small briefing of `tests/common/mod.rs`, copied, in the order of `content::load::FILES`.
const FIXTURE: [&str; 7] = [
    include_str!("fixture/briefing.toml"),
    include_str!("fixture/actors.toml"),
    include_str!("fixture/issues.toml"),
    include_str!("fixture/timeline.toml"),
    include_str!("fixture/places.toml"),
    include_str!("fixture/glossary.toml"),
    include_str!("fixture/source.toml"),
];

/// Which valid briefing the fuzzed file is put into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// The test fixture: small, so fast.
    Fixture,
    /// The briefing bundled in the binary: every feature, so more to reach.
    Bundled,
}

fn base_files(base: Base) -> Files {
    match base {
        Base::Fixture => Files {
            origin: "test".to_owned(),
            texts: FILES.iter().zip(FIXTURE).map(|(n, t)| ((*n).to_owned(), t.into())).collect(),
            read_from: None,
        },
        Base::Bundled => content::bundled(),
    }
}

/// The base briefing, loaded once.
fn base_briefing(base: Base) -> Briefing {
    static FIXTURE_BRIEFING: OnceLock<Briefing> = OnceLock::new();
    static BUNDLED_BRIEFING: OnceLock<Briefing> = OnceLock::new();
    let cell = match base {
        Base::Fixture => &FIXTURE_BRIEFING,
        Base::Bundled => &BUNDLED_BRIEFING,
    };
    cell.get_or_init(|| {
        content::load(&base_files(base)).unwrap_or_else(|r| panic!("{}", r.render(false)))
    })
    .clone()
}

/// A section file from fuzz bytes: the first byte chooses the file (`byte % 7`, in the order
/// of `FILES`) and the base (`byte / 7` even: the fixture, odd: the bundled briefing); the rest
/// is the file's text, invalid UTF-8 replaced as a lossy read would.
pub fn section_case(data: &[u8]) -> Option<(Files, Base, &'static str)> {
    let (&select, rest) = data.split_first()?;
    let name = FILES[usize::from(select) % FILES.len()];
    let base = if (select / 7) % 2 == 0 { Base::Fixture } else { Base::Bundled };
    let mut files = base_files(base);
    let text = String::from_utf8_lossy(rest);
    for (n, t) in &mut files.texts {
        if n == name {
            *t = text.as_ref().into();
        }
    }
    Some((files, base, name))
}

/// Panics, naming `what`, when `text` holds a forbidden character.
#[track_caller]
pub fn assert_clean(what: &str, text: &str) {
    if let Some((at, c)) = text.char_indices().find(|(_, c)| is_forbidden(*c)) {
        let around: String = text[at..].chars().take(60).collect();
        let before: String =
            text[..at].chars().rev().take(60).collect::<Vec<_>>().into_iter().rev().collect();
        panic!("{what}: forbidden character {c:?} at byte {at}, in {before:?} + {around:?}");
    }
}

/// Everything a report is shown as, checked: rustc-style, and each diagnostic's one-liners.
pub fn check_report(what: &str, report: &Report) {
    assert_clean(&format!("{what}: Report::render(false)"), &report.render(false));
    for d in &report.diagnostics {
        assert_clean(&format!("{what}: Report::short"), &report.short(d));
        assert_clean(&format!("{what}: Report::short_in_file"), &report.short_in_file(d));
    }
}

/// A directory of this process's own, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("briefing-fuzz-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Scratch(dir)
    }

    /// A scratch directory holding `files`.
    fn with(files: &Files) -> Scratch {
        let dir = Scratch::new();
        for (name, text) in &files.texts {
            std::fs::write(dir.0.join(name), text.as_bytes()).expect("a scratch file");
        }
        dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `briefing check --deny warnings --format json` on the files, written to a directory, as the
/// command runs: its output is checked, and must parse. (The human format is
/// `Report::render(false)`, checked by `check_report`.)
fn check_command(files: &Files) {
    let dir = Scratch::with(files);
    let paths = [dir.0.clone()];
    let (json, _) = check::run(&paths, Some(check::Deny::Warnings), Format::Json, false);
    assert_clean("check --format json", &json);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("check --format json printed invalid JSON ({e}): {json}");
    }
}

/// Validates a briefing whose one file is fuzzed, and checks every way its report is shown
/// (`briefing check --format json` too, when `command`). Returns the files and what loading
/// them gave.
fn validate_and_show(
    data: &[u8],
    command: bool,
) -> Option<(Files, Base, Result<Briefing, Report>)> {
    let (files, base, _) = section_case(data)?;
    let (briefing, report) = content::validate(&files);
    check_report("validate", &report);
    if command {
        check_command(&files);
    }
    let loaded = match briefing {
        Some(b) if report.errors() == 0 => Ok(b),
        _ => Err(report),
    };
    Some((files, base, loaded))
}

/// Target `section_file`: one section file of a valid briefing replaced by fuzz bytes
/// (`section_case`); the report must not panic nor print a forbidden character.
pub fn section_file(data: &[u8]) {
    let _ = validate_and_show(data, true);
}

/// Draws the shell as the reader draws a frame, and checks every cell. The frame comes from a
/// terminal with a fixed viewport and is never flushed: what is checked is the buffer
/// `ui::draw` fills, without the cost of a backend.
pub fn draw(shell: &Shell, what: &str) {
    let size = shell.screen();
    let options = TerminalOptions { viewport: Viewport::Fixed(size) };
    let mut terminal =
        Terminal::with_options(TestBackend::new(1, 1), options).expect("a test terminal");
    briefing::ui::draw(&mut terminal.get_frame(), shell);
    let buffer = terminal.current_buffer_mut();
    for (i, cell) in buffer.content.iter().enumerate() {
        let symbol = cell.symbol();
        if symbol.chars().any(is_forbidden) {
            let width = usize::from(size.width.max(1));
            let (x, y) = (i % width, i / width);
            let row: String =
                buffer.content[y * width..(y + 1) * width].iter().map(|c| c.symbol()).collect();
            panic!(
                "{what}: forbidden character in the cell at ({x}, {y}): {symbol:?}; row {row:?}"
            );
        }
    }
}

/// Carries out the effects `update` asked for, as the event loop would, checking what is copied.
fn effects(shell: &mut Shell, files: Option<&Files>) {
    for effect in shell.take_effects() {
        match effect {
            Effect::Copy(text) => assert_clean("Effect::Copy", &text),
            Effect::Reload => {
                if let Some(files) = files {
                    shell.reload(content::load(files));
                }
            }
            Effect::Open { key, origin } => {
                let loaded = origin.files().and_then(|f| content::load(&f));
                shell.opened(&key, loaded, None);
            }
            // Disk, threads and the watcher are the event loop's; nothing to check here.
            _ => {}
        }
    }
}

/// Every reference `y` could copy from this briefing, checked.
fn check_references(briefing: &Briefing) {
    let mut subjects = vec![Subject::Briefing];
    subjects.extend((0..=briefing.source.paragraphs.len() as u32 + 1).map(Subject::Paragraph));
    subjects
        .extend((0..briefing.entities.len() as u32).map(content::EntityId).map(Subject::Entity));
    for subject in subjects {
        if let Some(text) = reference(briefing, subject) {
            assert_clean(&format!("reference({subject:?})"), &text);
        }
    }
}

/// The actions `update` takes from a key, without Quit.
fn bindable() -> &'static [Action] {
    static ACTIONS: OnceLock<Vec<Action>> = OnceLock::new();
    ACTIONS.get_or_init(|| Action::bindable().filter(|a| *a != Action::Quit).collect())
}

/// Characters typed into a prompt or a label: letters and a few that are not ASCII.
const TYPED: &[char] = &['é', 'ß', 'ё', '中', '¶', '“', ' ', '[', '\''];

/// An action from three bytes: an action a key may be bound to, or one that carries data.
pub fn action(op: u8, a: u8, b: u8) -> Action {
    let bindable = bindable();
    let op = usize::from(op) % (bindable.len() + 5);
    match op.checked_sub(bindable.len()) {
        None => bindable[op],
        Some(0) => {
            let c = char::from(a);
            let c = if c.is_ascii_graphic() { c } else { TYPED[usize::from(a) % TYPED.len()] };
            Action::Type(c)
        }
        Some(1) => Action::Click { column: u16::from(a), row: u16::from(b) },
        Some(2) => {
            Action::Wheel { column: u16::from(a), row: u16::from(b), down: a.is_multiple_of(2) }
        }
        Some(3) => Action::Resize { width: u16::from(a), height: u16::from(b % 100) },
        _ => Action::Unbound(briefing::app::keymap::Key {
            code: KeyCode::Char(Some(char::from(a)).filter(|c| !c.is_control()).unwrap_or('x')),
            modifiers: KeyModifiers::NONE,
        }),
    }
}

/// The most actions one input may hold.
pub const MAX_ACTIONS: usize = 24;

/// Target `reader`. Input: width, height, a count n (at most `MAX_ACTIONS`), n actions of three
/// bytes each (`action`), then a `section_file` input. What `section_file` checks but the
/// `check` command (which `section_file` covers for the same files), then:
/// a reader of the briefing (or, when it does not load, of the base briefing with the failed
/// reload's problems shown) draws every pane, copies on each, and follows the actions; no
/// cell of the screen, no copied text and no reference may hold a forbidden character.
pub fn reader(data: &[u8]) {
    let [width, height, count, rest @ ..] = data else { return };
    let count = usize::from(*count).min(MAX_ACTIONS).min(rest.len() / 3);
    let (ops, section) = rest.split_at(count * 3);
    let Some((files, base, loaded)) = validate_and_show(section, false) else { return };
    let failed = loaded.is_err();
    let briefing = match &loaded {
        // As `briefing DIR` reads it: its long descriptions left in their files.
        Ok(b) => read_from_a_directory(&files, b),
        Err(_) => base_briefing(base),
    };
    let mut shell = Shell::builder(briefing).size(u16::from(*width), u16::from(*height)).build();
    if failed {
        shell.reload(loaded);
    }
    check_references(&shell.session().briefing);
    draw(&shell, "the first screen");
    for pane in PaneId::iter() {
        shell.update(pane.action());
        draw(&shell, pane.title());
        shell.update(Action::Copy);
        effects(&mut shell, Some(&files));
        shell.update(Action::Close);
    }
    for op in ops.chunks_exact(3) {
        let action = action(op[0], op[1], op[2]);
        shell.update(action);
        effects(&mut shell, Some(&files));
        draw(&shell, &format!("after {action:?}"));
    }
    shell.update(Action::Copy);
    effects(&mut shell, Some(&files));
    shell.update(Action::Cancel);
    shell.update(Action::Close);
    shell.update(Action::ShowMessages);
    draw(&shell, "the messages");
}

/// The briefing `held` loaded from `files` in memory, loaded again from the same files written
/// to a directory, which leaves its long descriptions there: each read again must be the one
/// `held` holds, so the reader shows the same text either way.
fn read_from_a_directory(files: &Files, held: &Briefing) -> Briefing {
    let dir = Scratch::with(files);
    let read = content::read_dir(&dir.0).expect("the files just written");
    let in_files = content::load(&read).expect("what loads from memory loads from its files");
    for i in 0..held.entities.len() {
        let id = content::EntityId(i as u32);
        let again = in_files.description(id).map(|d| d.expect("its file is unchanged"));
        assert!(again == held.description(id).map(Result::unwrap), "{i}: read again differs");
    }
    // Every file holding a description is open now, and stays readable once the directory
    // is gone.
    in_files
}

/// Shows a keymap as `briefing help keys` prints it, and draws a reader that uses it: the help
/// lists its keys, and the tabs and hints name them.
fn draw_with_keymap(keymap: Keymap, what: &str) {
    let printed = briefing::commands::help::topic("keys", &keymap).expect("a topic of keys");
    assert_clean(&format!("{what}: briefing help keys"), &printed);
    let mut shell =
        Shell::builder(base_briefing(Base::Fixture)).size(100, 40).keymap(keymap).build();
    draw(&shell, what);
    shell.update(Action::Help);
    draw(&shell, &format!("{what}: help"));
    shell.update(Action::Last);
    draw(&shell, &format!("{what}: help, at the end"));
    shell.update(Action::Close);
    shell.update(Action::Resize { width: 30, height: 8 });
    draw(&shell, &format!("{what}: too small"));
}

/// Target `config`: the text as a config file and as a keymap file. Their errors, rendered,
/// must hold no forbidden character; a keymap that parses is printed as `briefing help keys`
/// prints it and drawn (help, tabs), and checked.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match briefing::config::parse(&text, "config.toml") {
        Ok(config) => draw_with_keymap(config.keymap, "config.toml's keys"),
        Err(report) => check_report("config::parse", &report),
    }
    match Keymap::parse(&text, "keymap.toml") {
        Ok(keymap) => draw_with_keymap(keymap, "keymap.toml's keys"),
        Err(report) => check_report("Keymap::parse", &report),
    }
}

/// Target `state_file`: the bytes as a state file. When they are a `Memory`, a reader of the
/// bundled briefing recalls it and draws every pane (80x24, or 130x40 with the third column when
/// the input's length is odd). Remembering after a recall, and recalling that again, must give
/// the same memory (the saved place does not drift from run to run), and it must survive JSON.
pub fn state_file(data: &[u8]) {
    let Ok(memory) = serde_json::from_slice::<Memory>(data) else { return };
    let (width, height) = if data.len().is_multiple_of(2) { (80, 24) } else { (130, 40) };
    {
        let mut shell = Shell::builder(base_briefing(Base::Bundled)).size(width, height).build();
        shell.recall(&memory);
        draw(&shell, "after recall");
        let first = shell.remember();
        let json = serde_json::to_vec(&first).expect("memory serialises");
        let back: Memory = serde_json::from_slice(&json).expect("memory deserialises");
        assert_eq!(back, first, "a remembered memory does not survive JSON");
        shell.recall(&first);
        let second = shell.remember();
        assert_eq!(second, first, "recalling a remembered memory changes it");
        for pane in PaneId::iter() {
            shell.update(pane.action());
            draw(&shell, pane.title());
        }
    }
}

/// Target `input`. Input: one byte that seeds how the rest is cut into reads (0: one read),
/// then the bytes the terminal sends. Each read is fed to a `Decoder`, sometimes followed by a
/// flush; each key, paste and mouse event is acted on by a reader. After a final flush, `q`
/// must decode as the `q` key alone: no unfinished sequence keeps the keyboard.
pub fn input(data: &[u8]) {
    let Some((&seed, bytes)) = data.split_first() else { return };
    let mut shell = Shell::builder(base_briefing(Base::Fixture)).size(90, 30).mouse(true).build();
    let mut decoder = Decoder::default();
    let mut state = u32::from(seed) | 0x9e37_7900;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    let mut rest = bytes;
    while !rest.is_empty() {
        let (read, flush) = if seed == 0 {
            (rest.len(), false)
        } else {
            let r = next();
            (1 + (r as usize % 16), r >> 8 & 7 == 0)
        };
        let (chunk, tail) = rest.split_at(read.min(rest.len()));
        rest = tail;
        let mut events = decoder.feed(chunk);
        if flush {
            events.extend(decoder.flush());
        }
        act(&mut shell, events);
    }
    let events = decoder.flush();
    act(&mut shell, events);
    assert!(!decoder.waiting(), "the decoder waits after a flush");
    let q = decoder.feed(b"q");
    let want = Input::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    assert_eq!(q, [want], "after a flush, q is not the q key");
    assert!(!decoder.waiting(), "the decoder waits after q");
    draw(&shell, "after the input");
}

fn act(shell: &mut Shell, events: Vec<Input>) {
    for event in events {
        let actions = match event {
            Input::Key(key) => vec![shell.action_for_key(key)],
            Input::Mouse(mouse) => shell.action_for_mouse(mouse).into_iter().collect(),
            Input::Paste(text) => shell.actions_for_paste(&text),
        };
        for action in actions {
            shell.update(action);
        }
        let _ = shell.take_effects();
    }
}
