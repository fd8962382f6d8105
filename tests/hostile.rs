//! Hostile input: "Nothing leaks, nothing hangs, nothing is lost".
//!
//! Each case builds what it needs in temporary directories and runs the real binary, in a
//! pseudo-terminal where the terminal matters. Every case checks the exit status, that a
//! problem is located (file, and line:column when it has a place), that nothing panicked,
//! that nothing hangs (each wait is bounded and a reader still running is killed), that no
//! raw control character reaches an output that is not the reader's own drawing, that the
//! terminal is given back as it was found, and that nothing on disk is lost.

mod common;

#[path = "common/pty.rs"]
mod pty;

use pty::Session;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");

/// The time limit of any one run or wait.
const LIMIT: Duration = Duration::from_secs(10);

/// What an author's directory may be named, or a file, or a value: it would set the
/// clipboard (OSC 52) of a terminal that printed it raw.
const OSC52: &str = "\x1b]52;c;ZXZpbA==\x07";

// ---------------------------------------------------------------------------------------
// Briefings on disk

/// The test briefing of tests/common, written into `<root>/<name>`, so the directory can be
/// renamed, replaced or named with anything.
struct Fixture {
    root: tempfile::TempDir,
    dir: PathBuf,
    /// The files as the test last left them, to check the reader left them so.
    sealed: std::cell::RefCell<Snapshot>,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::named("brief")
    }

    fn named(name: &str) -> Fixture {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(name);
        write_fixture(&dir);
        let sealed = std::cell::RefCell::new(snapshot(&dir));
        Fixture { root, dir, sealed }
    }

    /// Replaces one file's text.
    fn write(&self, file: &str, text: &str) -> &Fixture {
        std::fs::write(self.dir.join(file), text).unwrap();
        self.seal();
        self
    }

    /// Takes the files as they are now as the ones the reader must leave unchanged.
    fn seal(&self) {
        *self.sealed.borrow_mut() = snapshot(&self.dir);
    }

    /// Nothing in the briefing's directory changed since the test last wrote to it.
    fn assert_unchanged(&self) {
        assert_unchanged(&self.sealed.borrow(), &self.dir);
    }

    fn file(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    fn arg(&self) -> &str {
        self.dir.to_str().unwrap()
    }
}

fn write_fixture(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in common::files_with("", "").texts {
        std::fs::write(dir.join(name), text.as_bytes()).unwrap();
    }
}

/// Saves as editors do: a new file renamed over the old one.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("toml.tmp~");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path and a mode.
    let done = unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
    assert_eq!(done, 0, "mkfifo {}: {}", path.display(), std::io::Error::last_os_error());
}

/// 1-based line and character column of the first `needle` in `text`.
fn locate(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..at].chars().count() + 1)
}

// ---------------------------------------------------------------------------------------
// What is on disk, before and after

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    File { len: u64, hash: u64 },
    Link(PathBuf),
    Fifo,
    Dir,
    Other,
}

type Snapshot = BTreeMap<PathBuf, Node>;

fn node(path: &Path) -> Option<Node> {
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    let kind = meta.file_type();
    Some(if kind.is_symlink() {
        Node::Link(std::fs::read_link(path).unwrap())
    } else if kind.is_fifo() {
        Node::Fifo
    } else if kind.is_dir() {
        Node::Dir
    } else if kind.is_file() {
        use std::hash::{Hash, Hasher};
        let bytes = std::fs::read(path).unwrap();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Node::File { len: bytes.len() as u64, hash: hasher.finish() }
    } else {
        Node::Other
    })
}

/// Every entry directly in `dir`, without following links or opening FIFOs.
fn snapshot(dir: &Path) -> Snapshot {
    let Ok(entries) = std::fs::read_dir(dir) else { return Snapshot::new() };
    entries
        .map(|e| e.unwrap().path())
        .filter_map(|p| node(&p).map(|n| (p.file_name().unwrap().into(), n)))
        .collect()
}

/// A briefing's files are exactly as they were.
fn assert_unchanged(before: &Snapshot, dir: &Path) {
    let after = snapshot(dir);
    assert_eq!(&after, before, "the briefing directory {} changed", dir.display());
}

/// Nothing of what a state directory held is gone: each entry is still at its name, or was
/// set aside under another with the same content.
fn assert_nothing_lost(before: &Snapshot, dir: &Path) {
    let after = snapshot(dir);
    for (name, was) in before {
        let kept = after.contains_key(name)
            || after.iter().any(|(other, now)| other != name && now == was);
        assert!(
            kept,
            "{} ({was:?}) is gone from {}; now: {after:?}",
            name.display(),
            dir.display()
        );
    }
}

// ---------------------------------------------------------------------------------------
// Clean output

/// The first character in `bytes` that must not reach a terminal from anything but the
/// reader's own drawing: a C0 control but newline and tab, DEL, a C1 control, a bidi
/// override or isolate, or a byte that is not UTF-8 (an 8-bit terminal takes 0x9b as CSI).
fn forbidden(bytes: &[u8]) -> Option<(usize, String)> {
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        for (i, c) in chunk.valid().char_indices() {
            let bad = (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if bad {
                return Some((offset + i, format!("{:?}", c)));
            }
        }
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            return Some((offset, format!("a byte that is not UTF-8 {:02x?}", chunk.invalid())));
        }
        offset += chunk.invalid().len();
    }
    None
}

/// Fails with the offending bytes in hex, and the text around them.
fn assert_clean(what: &str, bytes: &[u8]) {
    if let Some((at, description)) = forbidden(bytes) {
        let from = at.saturating_sub(40);
        let to = (at + 40).min(bytes.len());
        panic!(
            "{what} holds {description} at byte {at}:\n  hex: {}\n  text: {:?}",
            bytes[from..to].iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" "),
            String::from_utf8_lossy(&bytes[from..to]),
        );
    }
}

/// Runs every check, even after one fails, then fails if any did; each failure's message is
/// printed as it happens, so one run reports them all.
fn each(checks: &[&dyn Fn()]) {
    let failed = checks
        .iter()
        .filter(|check| std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).is_err())
        .count();
    assert_eq!(failed, 0, "{failed} of {} checks failed; their messages are above", checks.len());
}

// ---------------------------------------------------------------------------------------
// Runs without a terminal

struct Run {
    what: String,
    status: std::process::ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    elapsed: Duration,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Both streams, for messages that may go to either.
    fn all(&self) -> String {
        format!("{}{}", self.out(), self.err())
    }

    /// The checks every run passes: this exit status, no panic, no signal, nothing raw out.
    fn expect(&self, code: i32) -> &Run {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(self.status.signal(), None, "{} ended by a signal\n{}", self.what, self.all());
        assert_eq!(
            self.status.code(),
            Some(code),
            "{}: exit status\nstdout:\n{}\nstderr:\n{}",
            self.what,
            self.out(),
            self.err()
        );
        assert!(!self.err().contains("panicked"), "{} panicked:\n{}", self.what, self.err());
        assert_clean(&format!("{}: stdout", self.what), &self.stdout);
        assert_clean(&format!("{}: stderr", self.what), &self.stderr);
        self
    }

    fn within(&self, limit: Duration) -> &Run {
        assert!(self.elapsed < limit, "{} took {:?}", self.what, self.elapsed);
        self
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| panic!("{}: not JSON ({e}):\n{}", self.what, self.out()))
    }
}

/// A home for XDG directories, so no run reads or writes a person's own.
fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn run(home: &Path, args: &[&str]) -> Run {
    run_with(home, args, &[], Stdio::piped())
}

/// Runs the binary with its standard input closed and the time limit; a run still going at
/// the limit is killed and the test fails.
fn run_with(home: &Path, args: &[&str], env: &[(&str, &Path)], stdout: Stdio) -> Run {
    let what = format!("briefing {}", args.join(" ").escape_debug());
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("CLICOLOR_FORCE")
        .env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    let start = Instant::now();
    let mut child =
        command.stdin(Stdio::null()).stdout(stdout).stderr(Stdio::piped()).spawn().unwrap();
    let take = |stream: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut stream) = stream {
                let _ = stream.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = take(child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let err = take(child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not end within {LIMIT:?}; it was killed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    Run { what, status, stdout: out.join().unwrap(), stderr: err.join().unwrap(), elapsed }
}

/// `check` in both formats, and the reader without a terminal, on a broken briefing: each
/// exits 1 with nothing raw in its output. Returns (human, JSON, reader).
fn check_all(dir: &str) -> (Run, Value, Run) {
    let before = snapshot(Path::new(dir));
    let h = home();
    let human = run(h.path(), &["check", dir]);
    human.expect(1);
    let json = run(h.path(), &["check", "--format", "json", dir]);
    json.expect(1);
    let reader = run(h.path(), &[dir]);
    reader.expect(1);
    assert_unchanged(&before, Path::new(dir));
    (human, json.json(), reader)
}

/// The diagnostics of every briefing in check's JSON.
fn diagnostics(json: &Value) -> Vec<&Value> {
    json["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["diagnostics"].as_array().unwrap())
        .collect()
}

/// Asserts check's JSON has a diagnostic of `code` in `file` at line:column (when given)
/// whose message holds `says`.
fn assert_json_has(json: &Value, code: &str, file: &str, at: Option<(usize, usize)>, says: &str) {
    let found = diagnostics(json).into_iter().any(|d| {
        d["code"] == code
            && d["file"].as_str().is_some_and(|f| f.ends_with(file))
            && d["message"].as_str().is_some_and(|m| m.contains(says))
            && at.is_none_or(|(line, column)| d["line"] == line && d["column"] == column)
    });
    assert!(
        found,
        "no {code} in {file} at {at:?} saying {says:?}:\n{}",
        serde_json::to_string_pretty(json).unwrap()
    );
}

/// Asserts human output has `error[code]: …says…` and the place `file:line:col`.
fn assert_human_has(text: &str, code: &str, file: &str, at: Option<(usize, usize)>, says: &str) {
    assert!(text.contains(&format!("[{code}]")), "no {code}:\n{text}");
    assert!(text.contains(says), "nothing says {says:?}:\n{text}");
    let place = match at {
        Some((line, column)) => format!("{file}:{line}:{column}"),
        None => file.to_owned(),
    };
    assert!(text.contains(&place), "no place {place}:\n{text}");
}

/// One problem, located, in `check` (human and JSON) and in the reader's own report.
fn assert_reported(dir: &str, code: &str, file: &str, at: Option<(usize, usize)>, says: &str) {
    let (human, json, reader) = check_all(dir);
    assert_human_has(&human.out(), code, file, at, says);
    assert_json_has(&json, code, file, at, says);
    assert_human_has(&reader.err(), code, file, at, says);
}

// ---------------------------------------------------------------------------------------
// Runs in a terminal

/// The reader in a pseudo-terminal, with the time limit of these tests.
fn reader(home: tempfile::TempDir, args: &[&str], cols: u16, rows: u16) -> Session {
    let mut s = Session::start_in(home, args, cols, rows);
    s.wait = LIMIT;
    s
}

/// What is on the screen holds no raw control character.
fn assert_screen_clean(s: &Session) {
    assert_clean("the screen", s.text().as_bytes());
}

/// The raw bytes hold no bidi override or isolate and no C1 control as a character: the
/// reader's own drawing uses ESC sequences only, so these could only come from content, and
/// a terminal acts on them even where the test's parser shows nothing.
fn assert_raw_has_no_content_controls(s: &Session) {
    let raw = s.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    if let Some((at, c)) = text.char_indices().find(|(_, c)| {
        matches!(c, '\u{80}'..='\u{9f}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }) {
        let bytes = text.as_bytes();
        let (from, to) = (at.saturating_sub(60), (at + 60).min(bytes.len()));
        panic!(
            "the raw output holds {c:?} at byte {at}:\n  hex: {}\n  text: {:?}",
            bytes[from..to].iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" "),
            String::from_utf8_lossy(&bytes[from..to])
        );
    }
}

/// The terminal is as it was found: the main screen, the cursor shown, no mouse, no
/// bracketed paste, and the raw bytes end with the reader's restore sequences, nothing of
/// the reader's drawing after them.
fn assert_restored_fully(s: &Session) {
    let raw = s.raw.lock().unwrap().clone();
    let parser = s.screen.lock().unwrap();
    pty::assert_restored(&raw, &parser);
    let screen = parser.screen();
    assert!(!screen.bracketed_paste(), "bracketed paste is still on");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting is still on"
    );
    let text = String::from_utf8_lossy(&raw);
    let left = text.rfind("\x1b[?1049l").unwrap();
    let tail = &text[left..];
    assert!(
        tail.starts_with("\x1b[?1049l\x1b[?25h"),
        "the alternate screen is not left with the cursor shown: {:?}",
        &tail[..tail.len().min(80)]
    );
    let before = &text[..left];
    let paste_off = before.rfind("\x1b[?2004l");
    assert!(
        paste_off.is_some_and(|at| at > before.rfind("\x1b[?2004h").unwrap_or(0)),
        "bracketed paste was not turned off before the screen was left"
    );
    // What may follow is the cursor shown again (ratatui does so when it is dropped) and a
    // message as text, not drawing.
    let after = tail["\x1b[?1049l".len()..].trim_start_matches("\x1b[?25h");
    assert!(!after.contains('\x1b'), "the reader wrote escapes after restoring: {after:?}");
}

/// The screen is clean; `key` quits; the reader exits 0 by itself, with no panic, and the
/// terminal is restored.
fn quit_clean(mut s: Session, key: &str) -> Session {
    assert_screen_clean(&s);
    s.send(key);
    ended_clean(&mut s);
    s
}

/// The reader has ended (or ends now) with status 0 and no signal, nothing panicked, and the
/// terminal is restored.
fn ended_clean(s: &mut Session) {
    let status = s.wait_status();
    assert_eq!(status.signal(), None, "the reader was ended by a signal:\n{}", s.text());
    assert_eq!(status.exit_code(), 0, "exit status; the screen:\n{}", s.text());
    assert!(!s.raw_text().contains("panicked"), "a panic:\n{}", s.raw_text());
    assert_screen_clean(s);
    assert_raw_has_no_content_controls(s);
    assert_restored_fully(s);
}

fn state_dir(home: &Path) -> PathBuf {
    home.join("state/briefing")
}

/// The state files a run left (set-aside ones included).
fn state_files(home: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(state_dir(home))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// A first run of the reader on `args`, quit at once: its home, and the state file it saved.
fn first_run(args: &[&str], title: &str) -> (tempfile::TempDir, PathBuf) {
    let s = reader(home(), args, 100, 30);
    s.wait_for(title);
    let mut s = quit_clean(s, "q");
    let home = std::mem::replace(&mut s.home, tempfile::tempdir().unwrap());
    drop(s);
    let files = state_files(home.path());
    assert_eq!(files.len(), 1, "one state file: {files:?}");
    let file = files[0].clone();
    (home, file)
}

fn memory(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

/// The text the reader's last OSC 52 sequence asked the terminal to copy.
fn clipboard(raw: &str) -> String {
    use base64::Engine;
    let start = raw.rfind("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + raw[start..].find('\x07').expect("the end of the OSC 52 sequence");
    let bytes = base64::engine::general_purpose::STANDARD.decode(&raw[start..end]).unwrap();
    String::from_utf8(bytes).expect("the clipboard text is UTF-8")
}

// =======================================================================================
// 1. The clipboard

#[test]
fn copying_an_entity_whose_linked_issue_name_holds_escapes_copies_clean_text() {
    let f = Fixture::new();
    f.write(
        "issues.toml",
        &format!(
            "{}\n[[issue]]\nid = \"iss\"\nname = \"Issue\\u001b[201~\\u001b]52;c;ZXZpbA==\\u0007\\u202eevil\"\nsummary = \"Hostile \\u009b2J.\"\ncites = [1]\n",
            common::ISSUES
        ),
    );
    f.write(
        "actors.toml",
        &common::ACTORS.replace(
            "summary = \"Alpha, who raised [[topic]].\"",
            "role = \"Envoy\\u001b]0;title\\u0007\"\nsummary = \"Alpha, who raised [[topic]] and [[iss]].\"",
        ),
    );
    let mut s = reader(home(), &[f.arg()], 100, 30);
    s.wait_for("Test briefing");
    s.jump_to("Alpha Person", "Alpha Person");
    s.press("y", "Copied to the clipboard");
    let copied = clipboard(&s.raw_text());
    assert_clean("the clipboard text of Alpha Person", copied.as_bytes());
    assert!(copied.contains("Issue[201~]52;c;ZXZpbA==evil"), "the issue's name: {copied:?}");

    // The issue itself, copied from its own page.
    s.jump_to("Issue", "Issue[201~]52;c;ZXZpbA==evil");
    let copies = s.raw_text().matches("\x1b]52;").count();
    s.send("y");
    let start = Instant::now();
    while s.raw_text().matches("\x1b]52;").count() == copies && start.elapsed() < LIMIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    let copied = clipboard(&s.raw_text());
    assert_clean("the clipboard text of the issue", copied.as_bytes());
    assert!(copied.starts_with("Issue[201~]52;c;ZXZpbA==evil: Hostile 2J."), "{copied:?}");
    // Only the reader's own two copies are OSC 52; the name's sequences never went out.
    let raw = s.raw_text();
    assert_eq!(raw.matches("\x1b]52;").count(), 2, "OSC 52 sequences other than the copies");
    assert!(!raw.contains("\x1b[201~"), "a bracketed-paste end went to the terminal");
    assert!(!raw.contains("\x1b]0;"), "a window title was set");
    quit_clean(s, "q");
    f.assert_unchanged();
}

// =======================================================================================
// 2. Diagnostics print what they quote escaped

#[test]
fn a_directory_named_with_an_osc_52_escape_is_printed_escaped() {
    let f = Fixture::named(&format!("brief{OSC52}"));
    f.write("places.toml", &common::PLACES.replace("country =", "contry ="));
    let shown = "brief\\u{1b}]52;c;ZXZpbA==\\u{7}";
    let (human, json, reader) = check_all(f.arg());
    assert_human_has(
        &human.out(),
        "E0002",
        &format!("{shown}/places.toml"),
        Some((4, 1)),
        "`contry`",
    );
    assert_json_has(&json, "E0002", &format!("{shown}/places.toml"), Some((4, 1)), "`contry`");
    assert_human_has(
        &reader.err(),
        "E0002",
        &format!("{shown}/places.toml"),
        Some((4, 1)),
        "`contry`",
    );

    // In a terminal, the report comes before the terminal is touched; the escape is shown,
    // not sent.
    let s = reader_session(&f);
    s.wait_for("unknown field `contry`");
    let mut s = s;
    let status = s.wait_status();
    assert_eq!((status.exit_code(), status.signal()), (1, None));
    assert!(s.text().contains(shown), "{}", s.text());
    assert_screen_clean(&s);
    assert!(!s.raw_text().contains(OSC52), "the directory's escape went to the terminal");
    assert!(!s.raw_text().contains("panicked"));
    f.assert_unchanged();
}

fn reader_session(f: &Fixture) -> Session {
    reader(home(), &[f.arg()], 100, 30)
}

#[test]
fn a_good_briefing_in_a_directory_named_with_an_escape_reads_cleanly() {
    let f = Fixture::named(&format!("brief{OSC52}"));
    let h = home();
    let check = run(h.path(), &["check", f.arg()]);
    check.expect(0);
    assert!(
        check.out().contains("brief\\u{1b}]52;c;ZXZpbA==\\u{7}: no problems"),
        "{}",
        check.out()
    );
    // Without a terminal the reader prints the briefing, cleanly.
    let printed = run(h.path(), &[f.arg()]);
    printed.expect(0);
    assert!(printed.out().contains("── actor:alpha ─"), "{}", printed.out());

    let s = reader_session(&f);
    s.wait_for("Test briefing");
    assert!(!s.raw_text().contains(OSC52));
    let s = quit_clean(s, "q");
    for file in state_files(s.home.path()) {
        assert_clean("the state file's name", file.as_os_str().as_encoded_bytes());
    }
    f.assert_unchanged();
}

#[test]
fn a_c1_control_in_an_id_is_reported_escaped_at_its_place() {
    let f = Fixture::new();
    let text = format!(
        "{}\n[[term]]\nid = \"lo\\u009bne\"\nname = \"Lone\"\nsummary = \"Alone.\"\ncites = [1]\n",
        common::GLOSSARY
    );
    f.write("glossary.toml", &text);
    let at = locate(&text, "\"lo\\u009bne\"");
    assert_reported(f.arg(), "E0006", "glossary.toml", Some(at), "'lo\\u{9b}ne' is not a valid id");
}

#[test]
fn a_c1_control_in_a_date_is_reported_escaped_at_its_place() {
    let f = Fixture::new();
    let text = common::TIMELINE.replace("start = \"2013-03-15\"", "start = \"2013-03\\u009b-15\"");
    f.write("timeline.toml", &text);
    let at = locate(&text, "\"2013-03\\u009b-15\"");
    assert_reported(f.arg(), "E0011", "timeline.toml", Some(at), "2013-03\\u{9b}-15");
}

#[test]
fn c1_controls_in_kind_precision_and_basis_are_reported_escaped_at_their_places() {
    let f = Fixture::new();
    let actors = common::ACTORS.replacen("kind = \"person\"", "kind = \"per\\u009bson\"", 1);
    f.write("actors.toml", &actors);
    let timeline = common::TIMELINE
        .replacen("precision = \"day\"", "precision = \"d\\u009bay\"", 1)
        .replacen("basis = \"inferred\"", "basis = \"inf\\u0085erred\"", 1);
    f.write("timeline.toml", &timeline);
    let (human, json, reader) = check_all(f.arg());
    for (file, text, needle, says) in [
        ("actors.toml", &actors, "\"per\\u009bson\"", "per\\u{9b}son"),
        ("timeline.toml", &timeline, "\"d\\u009bay\"", "d\\u{9b}ay"),
        ("timeline.toml", &timeline, "\"inf\\u0085erred\"", "inf\\u{85}erred"),
    ] {
        let at = Some(locate(text, needle));
        assert_human_has(&human.out(), "E0003", file, at, says);
        assert_json_has(&json, "E0003", file, at, says);
        assert_human_has(&reader.err(), "E0003", file, at, says);
    }
}

#[test]
fn a_c1_control_in_an_unknown_field_name_is_reported_escaped_at_its_place() {
    let f = Fixture::new();
    let text = common::PLACES.replace("country =", "\"con\\u009btry\" =");
    f.write("places.toml", &text);
    let at = locate(&text, "\"con\\u009btry\"");
    assert_reported(f.arg(), "E0002", "places.toml", Some(at), "`con\\u{9b}try`");
}

#[test]
fn a_c1_control_in_a_relation_target_is_reported_escaped_at_its_place() {
    let f = Fixture::new();
    let text = common::GLOSSARY.replace("see_also = [\"topic\"]", "see_also = [\"to\\u009bpic\"]");
    f.write("glossary.toml", &text);
    let at = locate(&text, "\"to\\u009bpic\"");
    assert_reported(f.arg(), "E0007", "glossary.toml", Some(at), "'to\\u{9b}pic'");
}

/// A config under a directory named with an escape, naming an action with a C1 control.
#[test]
fn a_c1_control_in_a_config_action_name_is_reported_escaped_at_its_place() {
    let f = Fixture::new();
    let h = home();
    let config = h.path().join(format!("cfg{OSC52}"));
    std::fs::create_dir_all(config.join("briefing")).unwrap();
    let text = "mouse = false\n[keys]\n\"ne\\u009bxt\" = [\"j\"]\n";
    std::fs::write(config.join("briefing/config.toml"), text).unwrap();
    let run = run_with(h.path(), &[f.arg()], &[("XDG_CONFIG_HOME", &config)], Stdio::piped());
    run.expect(1);
    let err = run.err();
    assert_human_has(
        &err,
        "E0026",
        "config.toml",
        Some((3, 1)),
        "there is no action 'ne\\u{9b}xt'",
    );
    assert!(err.contains("cfg\\u{1b}]52;c;ZXZpbA==\\u{7}/briefing/config.toml"), "{err}");
}

#[test]
fn a_c1_control_as_a_key_in_the_config_is_reported_escaped_at_its_place() {
    let f = Fixture::new();
    let h = home();
    std::fs::create_dir_all(h.path().join("config/briefing")).unwrap();
    let text = "[keys]\nnext = [\"j\", \"\\u009b\", \"Alt-\\u001b\"]\n";
    std::fs::write(h.path().join("config/briefing/config.toml"), text).unwrap();
    let run = run(h.path(), &[f.arg()]);
    run.expect(1);
    let err = run.err();
    assert_human_has(
        &err,
        "E0025",
        "config.toml",
        Some(locate(text, "\"\\u009b\"")),
        "'\\u{9b}' is not a key",
    );
    assert_human_has(
        &err,
        "E0025",
        "config.toml",
        Some(locate(text, "\"Alt-\\u001b\"")),
        "'Alt-\\u{1b}' is not a key",
    );
}

#[test]
fn a_stray_toml_file_named_with_an_escape_is_reported_escaped() {
    let f = Fixture::new();
    std::fs::write(f.dir.join("n\x1b]52;x\x07.toml"), "[[actor]]\n").unwrap();
    f.seal();
    assert_reported(f.arg(), "E0021", "n\\u{1b}]52;x\\u{7}.toml", None, "is not a section file");
    f.assert_unchanged();
}

#[test]
fn a_missing_path_with_escapes_is_reported_escaped() {
    let root = tempfile::tempdir().unwrap();
    let missing = root.path().join(format!("gone{OSC52}\u{9b}31m"));
    let missing = missing.to_str().unwrap();
    let (human, json, reader) = check_all(missing);
    let shown = "gone\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{9b}31m";
    assert_human_has(&human.out(), "E0020", shown, None, "does not exist");
    assert_json_has(&json, "E0020", shown, None, "does not exist");
    assert_human_has(&reader.err(), "E0020", shown, None, "does not exist");
}

#[test]
fn schema_of_a_file_named_with_an_escape_is_refused_escaped() {
    let h = home();
    let run = run(h.path(), &["schema", &format!("act{OSC52}ors")]);
    run.expect(2);
    assert!(
        run.err().contains("'act\\u{1b}]52;c;ZXZpbA==\\u{7}ors' is not a section file"),
        "{}",
        run.err()
    );
}

#[test]
fn new_refuses_a_taken_path_named_with_an_escape_and_says_so_escaped() {
    let root = tempfile::tempdir().unwrap();
    let taken = root.path().join(format!("taken{OSC52}"));
    std::fs::write(&taken, "mine").unwrap();
    let before = snapshot(root.path());
    let run = run(root.path(), &["new", taken.to_str().unwrap()]);
    run.expect(1);
    assert!(run.err().contains("taken\\u{1b}]52;c;ZXZpbA==\\u{7} already exists"), "{}", run.err());
    assert_unchanged(&before, root.path());
    // A directory that cannot be made: under a file.
    let under = taken.join("inside");
    let run = run_with(root.path(), &["new", under.to_str().unwrap()], &[], Stdio::piped());
    run.expect(1);
    assert!(run.err().contains("cannot create"), "{}", run.err());
    assert_unchanged(&before, root.path());
}

#[test]
fn new_with_an_escape_in_the_name_prints_it_escaped_and_makes_a_briefing_that_checks() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join(format!("fresh{OSC52}"));
    let made = run(root.path(), &["new", dir.to_str().unwrap()]);
    let checked = run(root.path(), &["check", dir.to_str().unwrap()]);
    each(&[
        &|| {
            made.expect(0);
        },
        &|| assert!(made.out().contains("fresh\\u{1b}]52;c;ZXZpbA==\\u{7}"), "{}", made.out()),
        &|| {
            // `new` promises a briefing that passes check as written.
            checked.expect(0);
        },
    ]);
}

// =======================================================================================
// 3. A link out of the briefing

#[test]
fn a_section_file_linked_outside_the_directory_is_refused_and_its_secret_never_shown() {
    let f = Fixture::new();
    let secret = f.root.path().join("secret.env");
    std::fs::write(&secret, "TOKEN=secret\n").unwrap();
    std::fs::remove_file(f.file("actors.toml")).unwrap();
    std::os::unix::fs::symlink(&secret, f.file("actors.toml")).unwrap();
    f.seal();
    let (human, json, reader) = check_all(f.arg());
    let says = "actors.toml is a link to a file outside the briefing directory";
    assert_human_has(&human.out(), "E0029", "actors.toml", None, says);
    assert_json_has(&json, "E0029", "actors.toml", None, says);
    assert_human_has(&reader.err(), "E0029", "actors.toml", None, says);
    for run in [&human, &reader] {
        assert!(!run.all().contains("TOKEN") && !run.all().contains("secret\n"), "{}", run.all());
    }
    assert!(!json.to_string().contains("TOKEN"));
    f.assert_unchanged();
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "TOKEN=secret\n");
}

// =======================================================================================
// 4. FIFOs

#[test]
fn a_fifo_as_a_section_file_is_refused_promptly_with_its_name() {
    let f = Fixture::new();
    std::fs::remove_file(f.file("actors.toml")).unwrap();
    mkfifo(&f.file("actors.toml"));
    f.seal();
    let (human, json, reader) = check_all(f.arg());
    for run in [&human, &reader] {
        run.within(Duration::from_secs(3));
    }
    let says = "cannot read actors.toml: it is not a regular file";
    assert_human_has(&human.out(), "E0023", "actors.toml", None, says);
    assert_json_has(&json, "E0023", "actors.toml", None, says);
    assert_human_has(&reader.err(), "E0023", "actors.toml", None, says);
    f.assert_unchanged();
}

#[test]
fn a_fifo_as_the_config_file_is_reported_promptly() {
    let f = Fixture::new();
    let h = home();
    std::fs::create_dir_all(h.path().join("config/briefing")).unwrap();
    mkfifo(&h.path().join("config/briefing/config.toml"));
    // The reader reads its config before it looks for a terminal: the FIFO is an error.
    let run = run(h.path(), &[f.arg()]);
    run.expect(1).within(Duration::from_secs(3));
    assert!(run.err().contains("config.toml"), "{}", run.err());
    assert!(
        run.err().contains("cannot read the config: it is not a regular file"),
        "{}",
        run.err()
    );
    // The key guide reads it too, and falls back to the defaults.
    let run = run_with(h.path(), &["help", "keys"], &[], Stdio::piped());
    run.expect(0).within(Duration::from_secs(3));
}

#[test]
fn a_fifo_as_the_state_file_is_set_aside_and_the_reader_starts() {
    let f = Fixture::new();
    let (home, state) = first_run(&[f.arg()], "Test briefing");
    std::fs::remove_file(&state).unwrap();
    mkfifo(&state);
    let kept = snapshot(&state_dir(home.path()));
    let s = reader(home, &[f.arg()], 120, 30);
    s.wait_for("Your saved place was not used");
    let s = quit_clean(s, "q");
    assert_nothing_lost(&kept, &state_dir(s.home.path()));
    let fifos =
        snapshot(&state_dir(s.home.path())).into_values().filter(|n| *n == Node::Fifo).count();
    assert_eq!(fifos, 1, "the FIFO is kept under a new name");
    assert!(std::fs::symlink_metadata(&state).unwrap().is_file(), "the place was saved anew");
}

#[test]
fn a_section_file_replaced_by_a_fifo_while_reading_leaves_the_reader_responsive() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    let fifo = f.dir.join("fifo.tmp");
    mkfifo(&fifo);
    std::fs::rename(&fifo, f.file("actors.toml")).unwrap();
    s.wait_for("Not reloaded");
    s.wait_for("not a regular file");
    s.press("2", "Alpha Person");
    s.press("3", "Another topic");
    quit_clean(s, "q");
}

// =======================================================================================
// 5. Reads are bounded

#[test]
fn a_section_file_linked_to_dev_zero_is_refused_quickly() {
    let f = Fixture::new();
    std::fs::remove_file(f.file("actors.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", f.file("actors.toml")).unwrap();
    f.seal();
    let (human, _, reader) = check_all(f.arg());
    for run in [&human, &reader] {
        run.within(Duration::from_secs(3));
    }
    assert_human_has(&human.out(), "E0029", "actors.toml", None, "outside the briefing directory");
}

#[test]
fn a_device_node_as_a_section_file_is_refused_quickly() {
    let f = Fixture::new();
    std::fs::remove_file(f.file("actors.toml")).unwrap();
    let path = std::ffi::CString::new(f.file("actors.toml").to_str().unwrap()).unwrap();
    // /dev/zero's numbers. Only root may make a device node; elsewhere there is nothing to
    // test.
    // SAFETY: a valid path, a mode and a device number.
    let made = unsafe { libc::mknod(path.as_ptr(), libc::S_IFCHR | 0o600, libc::makedev(1, 5)) };
    if made != 0 {
        eprintln!("skipped: mknod: {}", std::io::Error::last_os_error());
        return;
    }
    let (human, _, reader) = check_all(f.arg());
    for run in [&human, &reader] {
        run.within(Duration::from_secs(3));
    }
    assert_human_has(&human.out(), "E0023", "actors.toml", None, "it is not a regular file");
}

#[test]
fn a_sparse_17_mib_section_file_is_too_large_and_refused_quickly() {
    let f = Fixture::new();
    let file = std::fs::File::create(f.file("actors.toml")).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    drop(file);
    f.seal();
    let (human, json, reader) = check_all(f.arg());
    for run in [&human, &reader] {
        run.within(Duration::from_secs(3));
    }
    let says = "over the limit";
    assert_human_has(&human.out(), "E0018", "actors.toml", None, says);
    assert_json_has(&json, "E0018", "actors.toml", None, says);
    assert_human_has(&reader.err(), "E0018", "actors.toml", None, says);
    f.assert_unchanged();
}

// =======================================================================================
// 6. Input that never finishes

#[test]
fn an_unfinished_mouse_sequence_does_not_lock_the_keys() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    s.send("\x1b[<");
    s.send("q");
    std::thread::sleep(Duration::from_millis(300));
    s.send("q");
    ended_clean(&mut s);
}

#[test]
fn an_unended_bracketed_paste_is_given_up_and_q_quits() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    s.send("\x1b[200~");
    std::thread::sleep(Duration::from_millis(300));
    s.send("q");
    ended_clean(&mut s);
}

#[test]
fn a_bracketed_paste_types_into_the_find_prompt() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    s.press("7", "Alpha met Beta");
    s.press("/", "/");
    s.send("\x1b[200~Beta\x1b[201~");
    s.wait_for("/Beta");
    // Escape, paste markers and a control character in a paste type nothing raw.
    s.send("\x1b[200~\x1b]52;c;eA==\x07\u{9b}\x1b[201~");
    std::thread::sleep(Duration::from_millis(300));
    assert_screen_clean(&s);
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    quit_clean(s, "q");
}

// =======================================================================================
// 7. check is fast on many problems

#[test]
fn check_of_8000_orphan_issues_takes_under_5_seconds_and_reports_each() {
    let f = Fixture::new();
    let mut text = common::ISSUES.to_owned();
    for i in 0..8000 {
        text.push_str(&format!(
            "\n[[issue]]\nid = \"orphan-{i}\"\nname = \"Orphan {i}\"\nsummary = \"Alone.\"\ncites = [1]\n"
        ));
    }
    f.write("issues.toml", &text);
    let h = home();
    let json = run(h.path(), &["check", "--format", "json", f.arg()]);
    json.expect(0).within(Duration::from_secs(5));
    let orphans = diagnostics(&json.json()).iter().filter(|d| d["code"] == "W0001").count();
    assert_eq!(orphans, 8000);
    let human = run(h.path(), &["check", f.arg()]);
    human.expect(0).within(Duration::from_secs(5));
    assert_eq!(human.out().matches("warning[W0001]").count(), 8000);
    let last = locate(&text, "\"orphan-7999\"");
    assert!(human.out().contains(&format!("issues.toml:{}:{}", last.0, last.1)));
}

// =======================================================================================
// 8. The terminal closes

#[test]
fn closing_the_terminal_ends_the_reader_without_a_signal_and_saves_the_place() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    s.press("2", "Alpha Person");
    s.close_terminal();
    let status = s.wait_status();
    let files = state_files(s.home.path());
    each(&[
        &|| assert_eq!(status.signal(), None, "the reader died of a signal"),
        // 101 is the status of a Rust panic, whose message had nowhere to go.
        &|| assert_eq!(status.exit_code(), 0, "exit status"),
        &|| {
            assert_eq!(files.len(), 1, "the place was saved: {files:?}");
            assert_eq!(memory(&files[0])["tab"], "actors");
        },
        &|| f.assert_unchanged(),
    ]);
}

// =======================================================================================
// 9. Signals

fn a_signal_ends_the_reader_restored_and_saved(signal: libc::c_int) {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    s.press("3", "Another topic");
    assert_screen_clean(&s);
    s.signal(signal);
    ended_clean(&mut s);
    let files = state_files(s.home.path());
    assert_eq!(files.len(), 1, "the place was saved: {files:?}");
    assert_eq!(memory(&files[0])["tab"], "issues");
}

#[test]
fn sigint_ends_the_reader_restored_and_saved() {
    a_signal_ends_the_reader_restored_and_saved(libc::SIGINT);
}

#[test]
fn sigquit_ends_the_reader_restored_and_saved_without_a_core_dump() {
    a_signal_ends_the_reader_restored_and_saved(libc::SIGQUIT);
}

#[test]
fn sigusr1_ends_the_reader_restored_and_saved() {
    a_signal_ends_the_reader_restored_and_saved(libc::SIGUSR1);
}

#[test]
fn sigalrm_ends_the_reader_restored_and_saved() {
    a_signal_ends_the_reader_restored_and_saved(libc::SIGALRM);
}

// =======================================================================================
// 10. A huge window

#[test]
fn a_window_of_65535_by_65535_at_start_does_not_abort() {
    let f = Fixture::new();
    let mut s = reader(home(), &[f.arg()], 65535, 65535);
    // The test's copy of the screen is capped smaller than the reader's (1000x500), so what is
    // drawn below its last row scrolls the top away: wait for the drawing, not for a word.
    let start = Instant::now();
    while s.raw.lock().unwrap().len() < 4096 && start.elapsed() < LIMIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "the reader ended:\n{}", s.raw_text());
    assert!(s.raw_text().contains("Summary"), "the first screen was drawn");
    s.resize(80, 24);
    s.wait_for("Test briefing");
    s.press("2", "Alpha Person");
    quit_clean(s, "q");
}

#[test]
fn resizing_to_65535_by_65535_and_back_does_not_abort() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    let drawn = s.raw.lock().unwrap().len();
    s.resize(65535, 65535);
    // The reader draws again at the new size (capped), and is still there.
    let start = Instant::now();
    while s.raw.lock().unwrap().len() == drawn && start.elapsed() < LIMIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "the reader ended:\n{}", s.raw_text());
    s.resize(80, 24);
    s.press("2", "Alpha Person");
    quit_clean(s, "q");
}

// =======================================================================================
// 11. A config with thousands of keys

#[test]
fn the_help_with_2000_keys_for_one_action_does_not_panic() {
    let f = Fixture::new();
    let h = home();
    std::fs::create_dir_all(h.path().join("config/briefing")).unwrap();
    // CJK characters (two columns each), alone and with modifiers, and a few odd ones:
    // a combining accent, a zero-width space, an emoji, a regional indicator.
    let cjk = |i: u32| char::from_u32(0x4E00 + i).unwrap();
    let mut keys: Vec<String> = (0..700).map(|i| cjk(i).to_string()).collect();
    keys.extend((700..1400).map(|i| format!("Alt-{}", cjk(i))));
    keys.extend((1400..1996).map(|i| format!("Ctrl-Alt-{}", cjk(i))));
    keys.extend(["\u{301}", "\u{200b}", "\u{1f44d}", "\u{1f1fa}"].map(String::from));
    assert_eq!(keys.len(), 2000);
    let list: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    let config = format!("[keys]\nnext = [\"j\", {}]\n", list.join(", "));
    std::fs::write(h.path().join("config/briefing/config.toml"), config).unwrap();
    let mut s = reader(h, &[f.arg()], 100, 30);
    s.wait_for("Test briefing");
    s.press("?", "Keys");
    for keys in ["\x1b[6~", "\x1b[6~", "G", "g", "j", "j"] {
        s.send(keys);
        std::thread::sleep(Duration::from_millis(100));
    }
    for (cols, rows) in [(40, 12), (300, 8), (20, 6), (100, 30)] {
        s.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(200));
    }
    s.wait_for("Keys");
    assert!(s.child.try_wait().unwrap().is_none(), "the reader ended:\n{}", s.raw_text());
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    quit_clean(s, "q");
}

#[test]
fn a_bidi_override_bound_as_a_key_never_reaches_the_screen() {
    let f = Fixture::new();
    let h = home();
    std::fs::create_dir_all(h.path().join("config/briefing")).unwrap();
    let config = "[keys]\nbookmark = [\"m\", \"\\u202e\", \"Alt-\\u2066\"]\n";
    std::fs::write(h.path().join("config/briefing/config.toml"), config).unwrap();
    let mut s = reader(h, &[f.arg()], 120, 60);
    let started = s.wait_for_any(&["Test briefing", "E0025"]);
    if started == "E0025" {
        // Refused as a key: fine, if said cleanly.
        let status = s.wait_status();
        assert_eq!(status.exit_code(), 1);
        assert_screen_clean(&s);
        return;
    }
    s.press("?", "Keys");
    for _ in 0..12 {
        assert_screen_clean(&s);
        s.send("\x1b[6~");
        std::thread::sleep(Duration::from_millis(80));
    }
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    quit_clean(s, "q");
}

// =======================================================================================
// 12. Two damaged state files set aside in one second

#[test]
fn two_damaged_state_files_set_aside_in_one_second_are_both_kept() {
    let f = Fixture::new();
    let (mut home, state) = first_run(&[f.arg()], "Test briefing");
    // Start just after a second begins, so both runs are likely to fall in it.
    while std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_millis()
        > 50
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    for damage in ["{ first", "{ second"] {
        std::fs::write(&state, damage).unwrap();
        let mut s = reader(home, &[f.arg()], 120, 30);
        s.wait_for("Your saved place was not used");
        s.signal(libc::SIGTERM);
        ended_clean(&mut s);
        home = std::mem::replace(&mut s.home, tempfile::tempdir().unwrap());
    }
    let mut aside: Vec<(String, String)> = state_files(home.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("set-aside"))
        .map(|p| {
            (
                std::fs::read_to_string(&p).unwrap(),
                p.file_name().unwrap().to_string_lossy().into_owned(),
            )
        })
        .collect();
    aside.sort();
    let texts: Vec<&str> = aside.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["{ first", "{ second"], "both damaged files are kept: {aside:?}");
    eprintln!("set aside as {:?}", aside.iter().map(|(_, n)| n).collect::<Vec<_>>());
}

// =======================================================================================
// 13. A bookmark and a reload that briefly lacks its entity

#[test]
fn a_bookmark_outlives_a_reload_that_briefly_lacks_its_entity() {
    let f = Fixture::new();
    let with = format!(
        "{}\n[[term]]\nid = \"lonely\"\nname = \"Lonely Term\"\nsummary = \"Alone.\"\ncites = [1]\n",
        common::GLOSSARY
    );
    f.write("glossary.toml", &with);
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    s.jump_to("Lonely Term", "Lonely Term");
    s.press("m", "Bookmarked Lonely Term");
    save(&f.file("glossary.toml"), common::GLOSSARY);
    s.wait_for("Reloaded");
    s.press("6", "TLA");
    let start = Instant::now();
    while s.text().contains("Lonely Term") && start.elapsed() < LIMIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!s.text().contains("Lonely Term"), "the term is gone:\n{}", s.text());
    save(&f.file("glossary.toml"), &with);
    s.wait_for("★ Lonely Term");
    s.press("'", "Bookmarks");
    s.send("q");
    std::thread::sleep(Duration::from_millis(200));
    let s = quit_clean(s, "q");
    let files = state_files(s.home.path());
    assert_eq!(memory(&files[0])["bookmarks"], serde_json::json!(["lonely"]));
}

// =======================================================================================
// 14. The directory is replaced

#[test]
fn a_briefing_left_unchanged_is_not_read_again_and_the_reader_stays_idle() {
    // Its parent is watched too, which reports the directory merely listed (as a reload
    // does): taken for a change, that read the briefing again and again, for ever.
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    let cpu = || {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", s.pid())).unwrap();
        // utime and stime, after the command name (which may hold spaces) closes.
        let fields: Vec<u64> = stat[stat.rfind(')').unwrap() + 2..]
            .split(' ')
            .skip(11)
            .take(2)
            .map(|n| n.parse().unwrap())
            .collect();
        fields.iter().sum::<u64>()
    };
    std::thread::sleep(Duration::from_millis(1500));
    let before = cpu();
    std::thread::sleep(Duration::from_millis(2000));
    let used = cpu() - before;
    let status = s.status_line();
    assert!(!status.contains("Reloaded") && !status.contains("taking long"), "{status}");
    // Clock ticks (a hundredth of a second): an idle reader uses next to none.
    assert!(used <= 10, "{used} ticks in 2 s while nothing happened");
    // Read again by hand: the first time it loads, the second it finds the files as they
    // were and says so, rather than nothing (or, later, that it is taking long).
    s.press("R", "Reloaded");
    s.press("R", "Read again: unchanged");
    quit_clean(s, "q");
}

#[test]
fn a_replaced_directory_is_read_again() {
    let f = Fixture::new();
    let mut s = reader_session(&f);
    s.wait_for("Test briefing");
    let new = f.root.path().join("new");
    write_fixture(&new);
    std::fs::write(
        new.join("briefing.toml"),
        common::BRIEFING.replace("title = \"Test briefing\"", "title = \"Retitled briefing\""),
    )
    .unwrap();
    std::fs::rename(&f.dir, f.root.path().join("brief.old")).unwrap();
    std::fs::rename(&new, &f.dir).unwrap();
    let seen = s.wait_for_any(&["Retitled briefing", "Stopped watching"]);
    if seen == "Stopped watching" {
        assert!(s.text().contains("press R"), "it says R reads it again:\n{}", s.text());
    }
    s.send("R");
    s.press("1", "Retitled briefing");
    // And it is watched again: a change shows.
    save(
        &f.file("briefing.toml"),
        &common::BRIEFING.replace("title = \"Test briefing\"", "title = \"Third title\""),
    );
    s.wait_for("Third title");
    quit_clean(s, "q");
}

// =======================================================================================
// 15. Smaller ones

#[test]
fn a_summary_of_only_control_characters_is_an_empty_field_error() {
    let f = Fixture::new();
    let text =
        common::PLACES.replace("\"Where they meet.\"", "\"\\u001b\\u0007\\u009b\\u202e \\u007f\"");
    f.write("places.toml", &text);
    let at = locate(&text, "\"\\u001b");
    assert_reported(f.arg(), "E0015", "places.toml", Some(at), "`summary`");
}

#[test]
fn kind_given_as_a_number_is_a_wrong_type_error() {
    let f = Fixture::new();
    let text = common::ACTORS.replacen("kind = \"person\"", "kind = 1", 1);
    f.write("actors.toml", &text);
    let at = locate(&text, "1\nside");
    let (human, json, _) = check_all(f.arg());
    assert_human_has(&human.out(), "E0003", "actors.toml", Some(at), "invalid type");
    assert_json_has(&json, "E0003", "actors.toml", Some(at), "invalid type");
    assert!(!human.out().contains("E0001"), "{}", human.out());
}

#[test]
fn a_file_that_is_not_utf8_is_located_by_line_and_column() {
    let f = Fixture::new();
    let mut bytes = b"[[place]]\nid = \"city\"\nname = \"C\xc3\xa9".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(
        b"\"\ncountry = \"Country\"\nsummary = \"Where they meet.\"\ncites = [1]\n",
    );
    std::fs::write(f.file("places.toml"), bytes).unwrap();
    f.seal();
    let (human, json, reader) = check_all(f.arg());
    // `name = "Cé` is ten characters: the bad byte is the eleventh.
    for text in [human.out(), reader.err()] {
        assert!(text.contains("[E0017]"), "{text}");
        assert!(
            text.contains("places.toml:3:11") || text.contains("line 3, column 11"),
            "not located:\n{text}"
        );
    }
    let d = diagnostics(&json).into_iter().find(|d| d["code"] == "E0017").expect("E0017");
    assert!(
        (d["line"] == 3 && d["column"] == 11)
            || d["message"].as_str().unwrap().contains("line 3, column 11"),
        "{d}"
    );
}

fn assert_leads_nowhere(f: &Fixture, file: &str) {
    let (human, json, reader) = check_all(f.arg());
    for text in [human.out(), reader.err()] {
        assert!(
            text.contains(&format!("cannot read {file}: it is a link that leads nowhere")),
            "{text}"
        );
        assert!(!text.contains("does not exist") && !text.contains("missing"), "{text}");
        assert!(!text.contains(&format!("has no {file}")), "{text}");
    }
    assert_json_has(&json, "E0023", file, None, "leads nowhere");
}

#[test]
fn a_loop_of_links_as_a_section_file_leads_nowhere() {
    let f = Fixture::new();
    std::fs::remove_file(f.file("actors.toml")).unwrap();
    std::os::unix::fs::symlink("other.lnk", f.file("actors.toml")).unwrap();
    std::os::unix::fs::symlink("actors.toml", f.file("other.lnk")).unwrap();
    f.seal();
    assert_leads_nowhere(&f, "actors.toml");
    f.assert_unchanged();
}

#[test]
fn a_section_file_linked_to_itself_leads_nowhere() {
    let f = Fixture::new();
    std::fs::remove_file(f.file("actors.toml")).unwrap();
    std::os::unix::fs::symlink("actors.toml", f.file("actors.toml")).unwrap();
    assert_leads_nowhere(&f, "actors.toml");
}

#[test]
fn briefing_toml_linked_to_itself_leads_nowhere() {
    let f = Fixture::new();
    std::fs::remove_file(f.file("briefing.toml")).unwrap();
    std::os::unix::fs::symlink("briefing.toml", f.file("briefing.toml")).unwrap();
    assert_leads_nowhere(&f, "briefing.toml");
}

#[test]
fn schema_into_a_full_disk_exits_non_zero() {
    let h = home();
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let run = run_with(h.path(), &["schema"], &[], Stdio::from(full));
    run.expect(1);
    assert!(run.err().contains("could not write"), "{}", run.err());
}

#[test]
fn a_linked_state_file_stays_a_link_after_a_run() {
    let f = Fixture::new();
    let (home, state) = first_run(&[f.arg()], "Test briefing");
    let synced = home.path().join("synced.json");
    std::fs::rename(&state, &synced).unwrap();
    std::os::unix::fs::symlink(&synced, &state).unwrap();
    let mut s = reader(home, &[f.arg()], 100, 30);
    s.wait_for("Test briefing");
    s.press("3", "Another topic");
    let s = quit_clean(s, "q");
    assert!(std::fs::symlink_metadata(&state).unwrap().file_type().is_symlink(), "still a link");
    assert_eq!(std::fs::read_link(&state).unwrap(), synced);
    assert_eq!(memory(&synced)["tab"], "issues");
    assert_eq!(state_files(s.home.path()), [state], "no file beside it");
}

#[test]
fn a_state_file_of_100000_duplicate_bookmarks_loads_quickly_and_is_saved_with_one() {
    let f = Fixture::new();
    let (home, state) = first_run(&[f.arg()], "Test briefing");
    let mut saved = memory(&state);
    saved["tab"] = "actors".into();
    saved["bookmarks"] = Value::Array(vec!["alpha".into(); 100_000]);
    saved["seen"] = Value::Array(vec!["beta".into(); 100_000]);
    std::fs::write(&state, serde_json::to_string(&saved).unwrap()).unwrap();
    let start = Instant::now();
    let s = reader(home, &[f.arg()], 100, 30);
    s.wait_for("★ Alpha Person");
    assert!(start.elapsed() < Duration::from_secs(3), "took {:?}", start.elapsed());
    let s = quit_clean(s, "q");
    let saved = memory(&state);
    assert_eq!(saved["bookmarks"], serde_json::json!(["alpha"]));
    let seen = saved["seen"].as_array().unwrap();
    assert_eq!(seen.iter().filter(|s| **s == "beta").count(), 1, "{seen:?}");
    drop(s);
}
