use briefing::app::{App, Keymap};
use briefing::cli::{Cli, Command};
use briefing::commands;
use briefing::content;
use briefing::state_file::{Loaded, StateFile};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { paths, deny, format }) => {
            let color = std::io::stdout().is_terminal();
            let (text, failed) = commands::check::run(&paths, deny, format, color);
            print(&text);
            ExitCode::from(u8::from(failed))
        }
        Some(Command::Schema { file }) => {
            let schema = match &file {
                None => Some(commands::schema::combined()),
                Some(file) => commands::schema::for_file(file),
            };
            match schema {
                Some(schema) => {
                    print(&commands::schema::text(&schema));
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!(
                        "briefing: '{}' is not a section file; give one of {}",
                        file.unwrap_or_default(),
                        content::load::FILES.join(", ")
                    );
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::New { name }) => match commands::new::run(&name) {
            Ok(message) => {
                print(&message);
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("briefing: {message}");
                ExitCode::from(1)
            }
        },
        None => read(cli.path.as_deref(), !cli.no_watch, !cli.fresh),
    }
}

/// Prints to standard output, quietly ending when the reader of a pipe has gone.
fn print(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

fn read(path: Option<&std::path::Path>, watch: bool, remember: bool) -> ExitCode {
    // Everything is loaded and checked before the terminal is touched, so problems print as
    // ordinary text.
    let files = match path {
        Some(path) => content::read_dir(path),
        None => Ok(content::bundled()),
    };
    let briefing = match files.and_then(|files| content::load(&files)) {
        Ok(briefing) => briefing,
        Err(report) => {
            eprint!("{}", report.render(std::io::stderr().is_terminal()));
            return ExitCode::from(1);
        }
    };
    let config = match briefing::config::load() {
        Ok(config) => config,
        Err(report) => {
            eprint!("{}", report.render(std::io::stderr().is_terminal()));
            return ExitCode::from(1);
        }
    };
    let keymap = match Keymap::with_user(config.keys()) {
        Ok(keymap) => keymap,
        Err(report) => {
            eprint!("{}", report.render(std::io::stderr().is_terminal()));
            return ExitCode::from(1);
        }
    };
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "briefing: standard output is not a terminal; run it in a terminal to read the briefing"
        );
        return ExitCode::from(1);
    }
    let mut app = App::new(briefing, keymap);
    app.mouse = config.mouse;
    // The briefing is known by its directory, or by name when it is the bundled one.
    let key = match path {
        Some(path) => {
            std::fs::canonicalize(path).unwrap_or(path.to_path_buf()).display().to_string()
        }
        None => "bundled/strategic-impasse".to_owned(),
    };
    let state = if remember { StateFile::for_briefing(&key) } else { None };
    let mut may_save = true;
    if let Some(state) = &state {
        match state.load() {
            Loaded::Nothing => {}
            Loaded::Memory(memory) => app.recall(&memory),
            Loaded::SetAside(warning) => {
                may_save = !state.exists();
                app.status = Some(warning);
            }
        }
    }
    let watch = if watch { path } else { None };
    let result = briefing::terminal::run(&mut app, watch);
    if let Some(state) = state.filter(|_| may_save)
        && let Err(e) = state.save(&app.remember())
    {
        eprintln!("briefing: could not save your place in {}: {e}", state.path.display());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("briefing: the terminal failed: {e}");
            ExitCode::from(1)
        }
    }
}
