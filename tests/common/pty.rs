//! The real binary in a pseudo-terminal: keys in, screen and raw bytes out, the terminal
//! resized or closed, and the reader killed if a test ends while it still runs.
//!
//! Included by the test crates that drive the reader (`#[path = "common/pty.rs"] mod pty;`),
//! so the others do not build it.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a session waits for what it expects before failing.
pub const WAIT: Duration = Duration::from_secs(20);

/// The test's own copy of the screen is never larger than this, whatever size the
/// pseudo-terminal is given: a parser of 65535x65535 cells would exhaust the test's memory.
pub const MAX_COLS: u16 = 300;
pub const MAX_ROWS: u16 = 200;

pub struct Session {
    /// The session's own XDG state and config directories, so no test reads or writes a
    /// person's real ones.
    pub home: tempfile::TempDir,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// How long `wait_for` and `wait_exit` wait.
    pub wait: Duration,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_in(tempfile::tempdir().unwrap(), args, cols, rows)
    }

    pub fn start_in(home: tempfile::TempDir, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(home, args, &[], cols, rows)
    }

    /// The reader with more variables in its environment.
    pub fn start_with(
        home: tempfile::TempDir,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        command.args(args);
        // From a directory with no content in it: the bundled briefing is in the binary.
        command.cwd(std::env::temp_dir());
        command.env("TERM", "xterm-256color");
        command.env("XDG_STATE_HOME", home.path().join("state"));
        command.env("XDG_CONFIG_HOME", home.path().join("config"));
        command.env("XDG_DATA_HOME", home.path().join("data"));
        command.env_remove("NO_COLOR");
        command.env_remove("COLORTERM");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let (cols_seen, rows_seen) = capped(cols, rows);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows_seen, cols_seen, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        // A descriptor of the test's own, polled, so that closing the terminal (dropping every
        // master descriptor) is possible while output is still being read.
        let fd = pty.master.as_raw_fd().expect("a unix pseudo-terminal");
        // SAFETY: `dup` of a descriptor the master keeps open; the copy is owned here alone.
        let copy = unsafe { libc::dup(fd) };
        assert!(copy >= 0, "dup: {}", std::io::Error::last_os_error());
        // SAFETY: a fresh descriptor nothing else owns.
        let owned = unsafe { OwnedFd::from_raw_fd(copy) };
        let (s, r, halt) = (Arc::clone(&screen), Arc::clone(&raw), Arc::clone(&stop));
        // Drained continuously so the reader never blocks on a full pseudo-terminal buffer.
        let reader = std::thread::spawn(move || drain(owned, &s, &r, &halt));
        let writer = pty.master.take_writer().unwrap();
        Session {
            home,
            master: Some(pty.master),
            writer: Some(writer),
            child,
            screen,
            raw,
            wait: WAIT,
            stop,
            reader: Some(reader),
        }
    }

    /// The bundled briefing, started and showing its first screen whole.
    pub fn bundled(cols: u16, rows: u16) -> Session {
        let s = Session::start(&[], cols, rows);
        s.wait_for("Russian and U.S. strategic impasse");
        s.wait_for_drawn();
        s
    }

    /// Waits until the frame being drawn has reached its last row, the status line, which
    /// always names the help key: a frame with hyperlinks in it is long enough to arrive in
    /// more than one read, its top rows before the rest.
    pub fn wait_for_drawn(&self) {
        let start = Instant::now();
        while start.elapsed() < self.wait {
            if self.status_line().contains("help") {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the status line was never drawn; the screen was:\n{}", self.text());
    }

    /// Opens an entity through the palette, as a reader does with Ctrl-K.
    pub fn jump_to(&mut self, query: &str, name: &str) {
        self.press("\x0b", "Go to:");
        self.press(query, name);
        self.press("\r", &format!("› {name}"));
    }

    /// Tells the pseudo-terminal its new size; the test's copy of the screen is capped.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let (cols_seen, rows_seen) = capped(cols, rows);
        self.screen.lock().unwrap().set_size(rows_seen, cols_seen);
        let master = self.master.as_ref().expect("the terminal is open");
        master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    pub fn wait_for(&self, what: &str) {
        let start = Instant::now();
        while start.elapsed() < self.wait {
            if self.text().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {what:?}; the screen was:\n{}", self.text());
    }

    /// Waits until the screen shows any of `whats`; returns the one it showed.
    pub fn wait_for_any<'w>(&self, whats: &[&'w str]) -> &'w str {
        let start = Instant::now();
        while start.elapsed() < self.wait {
            let text = self.text();
            if let Some(what) = whats.iter().find(|w| text.contains(**w)) {
                return what;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw any of {whats:?}; the screen was:\n{}", self.text());
    }

    /// Sends a key and waits until the screen shows `what`.
    pub fn press(&mut self, keys: &str, what: &str) {
        self.send(keys);
        self.wait_for(what);
    }

    pub fn status_line(&self) -> String {
        let text = self.text();
        text.lines().last().unwrap_or_default().to_owned()
    }

    /// Sends the quit key, then checks the reader exited cleanly and left the terminal as it
    /// found it.
    pub fn quit_and_check_restored(mut self, key: &str) {
        self.send(key);
        let screen = Arc::clone(&self.screen);
        let (code, raw) = self.finish();
        assert_eq!(code, 0);
        assert_restored(&raw, &screen.lock().unwrap());
    }

    /// Quits and hands back the session's XDG directories, for a second run to reuse.
    pub fn quit_keeping_home(mut self) -> tempfile::TempDir {
        self.send("q");
        self.wait_exit();
        self.take_home()
    }

    /// The session's XDG directories, kept after the session ends.
    pub fn take_home(mut self) -> tempfile::TempDir {
        std::mem::replace(&mut self.home, tempfile::tempdir().unwrap())
    }

    /// Waits for the reader to exit, keeping the session (and its directories) for checks.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_status().exit_code()
    }

    /// Waits for the reader to exit and gives its status, a signal included; a reader that
    /// does not exit in time is killed and the test fails.
    pub fn wait_status(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() >= self.wait {
                self.kill();
                panic!(
                    "the reader did not exit within {:?}; it was killed; screen:\n{}",
                    self.wait,
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        // Let the reader thread take in the last bytes.
        std::thread::sleep(Duration::from_millis(100));
        status
    }

    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    pub fn finish(mut self) -> (u32, Vec<u8>) {
        let code = self.wait_exit();
        let raw = self.raw.lock().unwrap().clone();
        (code, raw)
    }

    pub fn pid(&self) -> libc::pid_t {
        self.child.process_id().expect("a running reader") as libc::pid_t
    }

    /// Sends a signal to the reader.
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: a plain system call on the reader's process id.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0, "kill failed");
    }

    /// Closes the terminal as a window closing does: every descriptor of the master side is
    /// closed, so the reader's side hangs up.
    pub fn close_terminal(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    fn kill(&mut self) {
        if let Some(pid) = self.child.process_id() {
            // SAFETY: a plain system call on the reader's process id.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            let _ = self.child.wait();
        }
    }
}

impl Drop for Session {
    /// A test that failed while the reader ran leaves no reader behind.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            self.kill();
        }
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Reads the master side into the screen and the raw bytes until the reader's side closes or
/// the session stops it.
fn drain(fd: OwnedFd, screen: &Mutex<vt100::Parser>, raw: &Mutex<Vec<u8>>, stop: &AtomicBool) {
    use std::os::fd::AsRawFd;
    let mut file = std::fs::File::from(fd);
    let mut buf = [0u8; 8192];
    while !stop.load(Ordering::SeqCst) {
        let mut poll = libc::pollfd { fd: file.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, for the length of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, 50) };
        if ready == 0 {
            continue;
        }
        if ready < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break;
        }
        match file.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                screen.lock().unwrap().process(&buf[..n]);
                raw.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        }
    }
}

/// The size of the test's copy of a screen of `cols` x `rows`, as (columns, rows).
fn capped(cols: u16, rows: u16) -> (std::num::NonZeroU16, std::num::NonZeroU16) {
    (nonzero(cols.min(MAX_COLS)), nonzero(rows.min(MAX_ROWS)))
}

pub fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has at least one row and column")
}

pub fn assert_restored(raw: &[u8], screen: &vt100::Parser) {
    let text = String::from_utf8_lossy(raw);
    let entered = text.rfind("\x1b[?1049h").expect("the reader used the alternate screen");
    let left = text.rfind("\x1b[?1049l").expect("the reader left the alternate screen");
    assert!(left > entered, "left the alternate screen before entering it");
    assert!(!screen.screen().alternate_screen(), "still on the alternate screen");
    assert!(!screen.screen().hide_cursor(), "the cursor is still hidden");
}
