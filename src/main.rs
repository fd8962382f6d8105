use briefing::app::Shell;
use briefing::cli::{COMMANDS, Cli, Command};
use briefing::commands;
use briefing::content;
use briefing::content::sanitize::escaped;
use briefing::state_file::{Loaded, StateFile};
use briefing::theme::{self, Builtin, Choice, ColorDepth};
use clap::{CommandFactory, Parser};

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage(&error),
    };
    match cli.command {
        Some(Command::Check { paths, deny, format }) => {
            let color = theme::color_for(std::io::stdout().is_terminal());
            let (text, failed) = commands::check::run(&paths, deny, format, color);
            print(&text).map(|()| ExitCode::from(u8::from(failed))).unwrap_or_else(|code| code)
        }
        Some(Command::Schema { file }) => {
            let schema = match &file {
                None => Some(commands::schema::combined()),
                Some(file) => commands::schema::for_file(file),
            };
            match schema {
                Some(schema) => print(&commands::schema::text(&schema))
                    .map_or_else(|c| c, |()| ExitCode::SUCCESS),
                None => {
                    eprintln!(
                        "briefing: '{}' is not a section file; give one of {}",
                        escaped(&file.unwrap_or_default()),
                        content::load::FILES.join(", ")
                    );
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::New { name }) => match commands::new::run(&name) {
            Ok(message) => print(&message).map_or_else(|c| c, |()| ExitCode::SUCCESS),
            Err(message) => {
                eprintln!("briefing: {}", escaped(&message));
                ExitCode::from(1)
            }
        },
        Some(Command::Import { article, published, title, publisher, url, output, format }) => {
            let args = commands::import::Args {
                article,
                published,
                title,
                publisher,
                url,
                output,
                format,
            };
            match commands::import::run(&args) {
                Ok(report) => print(&report).map_or_else(|c| c, |()| ExitCode::SUCCESS),
                Err(message) => {
                    eprintln!("briefing import: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Some(Command::Help { topic }) => help(topic.as_deref()),
        None => {
            if let Some(path) = &cli.path
                && let Some(code) = not_a_command(path)
            {
                return code;
            }
            read(&cli)
        }
    }
}

/// A command line clap could not take, or its help and version. An argument may hold any
/// bytes, escapes included, so the message is printed with them escaped.
fn usage(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let text = escaped(&error.render().to_string());
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS)
        }
        _ => {
            let _ = std::io::stderr().write_all(text.as_bytes());
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}

/// Prints to standard output; a reader of a pipe that has gone ends it quietly, a full disk
/// or another failure is an error.
fn print(text: &str) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("briefing: could not write the output: {e}");
            Err(ExitCode::from(1))
        }
    }
}

fn help(topic: Option<&str>) -> ExitCode {
    let keymap = briefing::config::load()
        .map(|c| c.keymap)
        .unwrap_or_else(|_| briefing::app::Keymap::default_keys());
    match topic {
        None => {
            let mut command = Cli::command();
            let text = format!("{}\n{}", command.render_long_help(), commands::help::topics());
            print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS)
        }
        Some(name) => {
            if let Some(text) = commands::help::topic(name, &keymap) {
                return print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS);
            }
            let mut command = Cli::command();
            if let Some(sub) = command.find_subcommand_mut(name) {
                let text = sub.render_long_help().to_string();
                return print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS);
            }
            eprintln!(
                "briefing: there is no guide or command '{}'.\n\n{}",
                escaped(name),
                commands::help::topics()
            );
            ExitCode::from(2)
        }
    }
}

/// A word given where a briefing directory goes, that is no directory but looks like a
/// mistyped command (`briefing chek`): say so, as a command line would.
fn not_a_command(path: &std::path::Path) -> Option<ExitCode> {
    if path.exists() {
        return None;
    }
    let word = path.to_str()?;
    let best = content::entries::suggest(word, COMMANDS)?;
    eprintln!(
        "briefing: '{}' is neither a briefing directory nor a command\n\n  did you mean `briefing {best}`?\n\nFor more, try `briefing help`.",
        escaped(word)
    );
    Some(ExitCode::from(2))
}

/// Loads a briefing, and when that takes more than a moment, says how far it has got on
/// standard error, if it is a terminal: a briefing of 100,000 entities takes seconds.
fn loading(
    files: &content::Files,
    path: Option<&std::path::Path>,
) -> Result<briefing::content::Briefing, content::Report> {
    let progress = content::entries::Progress::default();
    if !std::io::stderr().is_terminal() {
        return content::load::load_with(files, &progress);
    }
    let (finished, done) = std::sync::mpsc::channel::<()>();
    let name = path
        .map(|p| escaped(&p.display().to_string()))
        .unwrap_or_else(|| "the briefing".to_owned());
    std::thread::scope(|scope| {
        let progress = &progress;
        scope.spawn(move || {
            use std::sync::mpsc::RecvTimeoutError::Timeout;
            // Nothing is shown for a load that takes less than a moment.
            if done.recv_timeout(std::time::Duration::from_millis(300)) != Err(Timeout) {
                return;
            }
            loop {
                let _ = write!(std::io::stderr(), "\rLoading {name}: {}%", progress.percent());
                if done.recv_timeout(std::time::Duration::from_millis(100)) != Err(Timeout) {
                    break;
                }
            }
            // The line is cleared, so nothing is left on the screen under the reader.
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        });
        let result = content::load::load_with(files, progress);
        drop(finished);
        result
    })
}

fn read(cli: &Cli) -> ExitCode {
    let path = cli.path.as_deref();
    let errors_color = theme::color_for(std::io::stderr().is_terminal());
    let config = match briefing::config::load() {
        Ok(config) => config,
        Err(report) => {
            eprint!("{}", report.render(errors_color));
            return ExitCode::from(1);
        }
    };
    let choice = match cli.theme.as_deref().map(Choice::parse) {
        Some(Ok(choice)) => choice,
        Some(Err(message)) => {
            eprintln!("briefing: --theme: {message}");
            return ExitCode::from(2);
        }
        None => config.theme,
    };
    let terminal = std::io::stdout().is_terminal();
    // The terminal is asked for its background while the briefing loads, so the question
    // costs no time of its own; the answer is awaited before anything is printed.
    let background = (terminal && choice == Choice::Auto && !theme::no_color())
        .then(|| std::thread::spawn(theme::detect_background));
    let wait_background = |background: Option<std::thread::JoinHandle<Option<bool>>>| {
        background.and_then(|b| b.join().ok().flatten())
    };
    // Everything is loaded and checked before the terminal is taken, so problems print as
    // ordinary text.
    let files = match path {
        Some(path) => content::read_dir(path),
        None => Ok(content::bundled()),
    };
    let loaded = files.and_then(|files| loading(&files, path));
    let light = wait_background(background);
    let briefing = match loaded {
        Ok(briefing) => briefing,
        Err(report) => {
            eprint!("{}", report.render(errors_color));
            return ExitCode::from(1);
        }
    };
    if !terminal {
        eprintln!(
            "briefing: standard output is not a terminal; run it in a terminal to read the briefing"
        );
        return ExitCode::from(1);
    }
    let builtin = theme::choose(choice, theme::no_color(), || light);
    let depth = if builtin == Builtin::Mono { ColorDepth::Ansi16 } else { ColorDepth::detect() };
    let mut shell = Shell::builder(briefing)
        .keymap(config.keymap)
        .theme(builtin.theme().fitted(depth))
        .mouse(config.mouse)
        .build();
    // The briefing is known by its directory, or by name when it is the bundled one.
    let key = match path {
        Some(path) => {
            std::fs::canonicalize(path).unwrap_or(path.to_path_buf()).display().to_string()
        }
        None => {
            format!("bundled/{}", content::load::BUNDLED.first().map_or("briefing", |b| b.slug))
        }
    };
    let state = if cli.fresh { None } else { StateFile::for_briefing(&key) };
    let mut may_save = true;
    if let Some(state) = &state {
        match state.load() {
            Loaded::Nothing => {}
            Loaded::Memory(memory) => shell.recall(&memory),
            Loaded::SetAside(warning) => {
                may_save = !state.exists();
                shell.say(warning);
            }
        }
    }
    let watch = if cli.no_watch { None } else { path };
    let mut save_error = None;
    let mut save = |shell: &Shell| {
        if let Some(state) = state.as_ref().filter(|_| may_save)
            && let Err(e) = state.save(&shell.remember())
        {
            save_error = Some(format!(
                "briefing: could not save your place in {}: {e}\n",
                escaped(&state.path.display().to_string())
            ));
        }
    };
    let result = briefing::terminal::run(&mut shell, watch, &mut save);
    // The terminal may have gone (its window closed): what cannot be written is not an error.
    if let Some(message) = save_error {
        let _ = std::io::stderr().write_all(message.as_bytes());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "briefing: the terminal failed: {e}");
            ExitCode::from(1)
        }
    }
}
