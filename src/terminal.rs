//! The event loop: terminal input and file changes arrive on one channel; each becomes an
//! action or a reload, then the screen is drawn. The terminal is restored however the loop
//! ends, including by a panic (ratatui's hook).

use crate::app::{Action, Effect, Shell};
use crate::content;
use crate::ui;
use base64::Engine;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc;

enum Input {
    Terminal(Event),
    TerminalFailed(io::Error),
    FilesChanged,
    /// SIGTERM or SIGHUP: end as `q` would, restoring the terminal and saving the place.
    Stop,
}

/// Runs the reader; with `watch`, reloads the briefing from that directory when it changes.
pub fn run(app: &mut Shell, watch: Option<&Path>) -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let _watcher = match watch {
        Some(dir) => {
            let tx = tx.clone();
            match crate::watch::watch(dir, move || {
                let _ = tx.send(Input::FilesChanged);
            }) {
                Ok(watcher) => Some(watcher),
                Err(e) => {
                    app.say(format!("Not watching for changes: {e}"));
                    None
                }
            }
        }
        None => None,
    };
    // A `kill` or a closed terminal ends the reader as `q` does, not in the middle of a frame
    // with the terminal left in raw mode.
    {
        let tx = tx.clone();
        let mut signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ])?;
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                let _ = tx.send(Input::Stop);
            }
        });
    }
    // Colour is the theme's decision: under NO_COLOR the mono theme has none. Left to itself,
    // crossterm would answer NO_COLOR by writing a reset for every colour change, which also
    // ends the reverse video and bold that mark the selection.
    ratatui::crossterm::style::force_color_output(true);
    let mut terminal = ratatui::try_init()?;
    // ratatui's own hook restores the screen on a panic; mouse capture is ours to release.
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        restore(info);
    }));
    if app.mouse() {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // Reading blocks, so it has a thread of its own; the thread ends with the process.
    std::thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(event) => Input::Terminal(event),
                Err(e) => Input::TerminalFailed(e),
            };
            let failed = matches!(input, Input::TerminalFailed(_));
            if tx.send(input).is_err() || failed {
                break;
            }
        }
    });
    let result = event_loop(&mut terminal, app, &rx, watch);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut Shell,
    inputs: &mpsc::Receiver<Input>,
    watch: Option<&Path>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    // What the last reload read, so a save that changed nothing (editors often write twice)
    // does not reload again.
    let mut last_read: Option<Vec<(String, String)>> = None;
    loop {
        terminal.draw(|frame| ui::draw(frame, app))?;
        let Ok(input) = inputs.recv() else {
            return Ok(());
        };
        match input {
            Input::Terminal(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                let action = app.action_for_key(key);
                app.update(action);
            }
            Input::Terminal(Event::Mouse(mouse)) => {
                // Moving the pointer is no action: it changes nothing, not even a message.
                let Some(action) = app.action_for_mouse(mouse) else { continue };
                app.update(action);
            }
            Input::Terminal(Event::Resize(width, height)) => {
                app.update(Action::Resize { width, height })
            }
            Input::Terminal(_) => {}
            Input::TerminalFailed(e) => return Err(e),
            Input::Stop => return Ok(()),
            Input::FilesChanged => {
                if let Some(dir) = watch {
                    let files = content::read_dir(dir);
                    if let Ok(files) = &files {
                        if last_read.as_ref() == Some(&files.texts) {
                            continue;
                        }
                        last_read = Some(files.texts.clone());
                    }
                    app.reload(files.and_then(|files| content::load(&files)));
                }
            }
        }
        for effect in app.take_effects() {
            match effect {
                Effect::Suspend => suspend(terminal, app.mouse())?,
                other => perform(other)?,
            }
        }
        if app.quit_requested() {
            return Ok(());
        }
    }
}

fn perform(effect: Effect) -> io::Result<()> {
    let mut out = io::stdout();
    match effect {
        // OSC 52 asks the terminal to set the clipboard, which works over SSH; inside tmux it
        // needs `set -g set-clipboard on`.
        Effect::Copy(text) => {
            let encoded = base64::engine::general_purpose::STANDARD.encode(text);
            write!(out, "\x1b]52;c;{encoded}\x07")?;
            out.flush()
        }
        Effect::Mouse(true) => execute!(out, EnableMouseCapture),
        Effect::Mouse(false) => execute!(out, DisableMouseCapture),
        Effect::Suspend => Ok(()),
    }
}

/// Ctrl-Z: the terminal goes back to how the shell left it, the process stops, and when the
/// shell resumes it (`fg`) the screen is taken again and drawn whole.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // The screen is blank again; one empty frame tells ratatui so, and the next frame is
    // drawn whole. (`Terminal::clear` would ask the terminal for the cursor position, whose
    // answer the input thread would take.)
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    terminal.draw(|_| {})?;
    Ok(())
}
