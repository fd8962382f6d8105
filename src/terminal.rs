//! The event loop: read an event, turn it into an action, update, draw. The terminal is
//! restored however the loop ends, including by a panic (ratatui's hook).

use crate::app::App;
use crate::ui;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::io;

pub fn run(app: &mut App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    loop {
        terminal.draw(|frame| ui::draw(frame, app))?;
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => match app.keymap.action(key) {
                Some(action) => app.update(action),
                None => app.unbound_key(key),
            },
            Event::Resize(width, height) => app.resize(width, height),
            _ => {}
        }
        if app.quit {
            return Ok(());
        }
    }
}
