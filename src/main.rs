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
            let schema = match file.as_deref() {
                None => Some(commands::schema::combined()),
                Some("export") => Some(briefing::document::export::json::schema()),
                Some(file) => commands::schema::for_file(file),
            };
            match schema {
                Some(schema) => print(&commands::schema::text(&schema))
                    .map_or_else(|c| c, |()| ExitCode::SUCCESS),
                None => {
                    eprintln!(
                        "briefing: '{}' is not a section file; give one of {}, or export",
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
        Some(Command::List { folder, sort, format }) => {
            let folders: Vec<_> =
                folder.or_else(briefing::library::data_folder).into_iter().collect();
            if let Some(folder) = folders.first().filter(|f| !f.is_dir() && cli_given_folder(f)) {
                eprintln!("briefing: {} is not a folder", escaped(&folder.display().to_string()));
                return ExitCode::from(2);
            }
            let library = briefing::library::Library::scan(&folders, &peek);
            print(&commands::list::run(&library, sort.into(), format))
                .map_or_else(|c| c, |()| ExitCode::SUCCESS)
        }
        Some(Command::Print { path, width, only, id }) => {
            let briefing = match load_briefing(path.as_deref()) {
                Ok(briefing) => briefing,
                Err(code) => return code,
            };
            let width = commands::print::width(width);
            match commands::print::run(&briefing, only, id.as_deref(), width) {
                Ok(text) => print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS),
                Err(message) => {
                    eprintln!("briefing print: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Some(Command::Export { path, to, output }) => {
            let briefing = match load_briefing(path.as_deref()) {
                Ok(briefing) => briefing,
                Err(code) => return code,
            };
            let text = match briefing::document::export::export(&briefing, to) {
                Ok(text) => text,
                Err(unread) => {
                    eprintln!("briefing export: {unread}\n  = help: run the export again");
                    return ExitCode::from(1);
                }
            };
            match output {
                None => print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS),
                Some(output) => match commands::export::write(&output, &text) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(message) => {
                        eprintln!("briefing export: {message}");
                        ExitCode::from(1)
                    }
                },
            }
        }
        Some(Command::Man) => {
            let page = commands::man::page(Cli::command(), &briefing::app::Keymap::default_keys());
            print(&page).map_or_else(|c| c, |()| ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            let script = commands::completions::script(shell, Cli::command());
            print(&script).map_or_else(|c| c, |()| ExitCode::SUCCESS)
        }
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

/// The reader's memory of a briefing, read without changing anything on disk.
fn peek(key: &str) -> Option<briefing::app::memory::Memory> {
    StateFile::for_briefing(key)?.peek()
}

/// Whether a missing folder was named by the person rather than being the data folder, which
/// simply may not exist yet.
fn cli_given_folder(folder: &std::path::Path) -> bool {
    briefing::library::data_folder().as_deref() != Some(folder)
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
    files: content::Files,
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

/// The briefing at `path`, or the first bundled one without a path.
fn open(path: Option<&std::path::Path>) -> Result<content::Briefing, content::Report> {
    match path {
        Some(path) => content::read_dir(path).and_then(|files| loading(files, Some(path))),
        None => bundled(),
    }
}

/// The first bundled briefing, read back as it loaded when the program was built; loaded
/// from its files when that cannot be (which then says what is wrong with them).
fn bundled() -> Result<content::Briefing, content::Report> {
    let first = content::bundled::BUNDLED.first();
    match first.and_then(content::bundled::Bundled::prebuilt) {
        Some(briefing) => Ok(briefing),
        None => loading(content::bundled(), None),
    }
}

/// Loads the briefing a command names (the bundled one without a path), printing every
/// problem when it cannot.
fn load_briefing(path: Option<&std::path::Path>) -> Result<content::Briefing, ExitCode> {
    open(path).map_err(|report| {
        eprint!("{}", report.render(theme::color_for(std::io::stderr().is_terminal())));
        ExitCode::from(1)
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
    // A folder of briefings, or the data folder when nothing is named and it holds some,
    // opens the library; a briefing directory, or nothing at all, opens that briefing.
    let data = briefing::library::data_folder();
    let start_on_library = match path {
        Some(path) => briefing::library::holds_briefings(path),
        None => data.as_deref().is_some_and(briefing::library::holds_briefings),
    };
    let mut folders: Vec<std::path::PathBuf> = path.map(|p| p.to_path_buf()).into_iter().collect();
    folders.extend(data.filter(|d| d.is_dir()));
    // Everything is loaded and checked before the terminal is taken, so problems print as
    // ordinary text. The library opens on the first bundled briefing, behind it until another
    // is chosen.
    let single = if start_on_library { None } else { path };
    // Seen before reading, so a save made before the watch is set is not missed.
    let seen = single.filter(|_| !cli.no_watch).map(briefing::watch::Seen::now);
    let loaded = open(single);
    let light = wait_background(background);
    let briefing = match loaded {
        Ok(briefing) => briefing,
        Err(report) => {
            eprint!("{}", report.render(errors_color));
            return ExitCode::from(1);
        }
    };
    // An address that names nothing is a mistake on the command line, said before the
    // terminal is taken. The library has no one briefing for it to name a place in.
    let goto = match cli.goto.as_deref() {
        Some(_) if start_on_library => {
            eprintln!(
                "briefing: --goto needs one briefing, and this opens a library of them; give the briefing's directory"
            );
            return ExitCode::from(2);
        }
        Some(address) => match briefing::document::address::parse(&briefing, address) {
            Ok(place) => Some(place),
            Err(message) => {
                eprintln!("briefing: --goto: {message}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    // The library's folders are read now only when it is what opens (or is listed); a
    // briefing opened by itself reads them when the library is first shown, so a data folder
    // of a thousand briefings costs its start nothing.
    let scanned: &[std::path::PathBuf] = if start_on_library { &folders } else { &[] };
    let library = briefing::library::Library::scan(scanned, &peek);
    if !terminal {
        if start_on_library {
            return print(&commands::list::run(
                &library,
                briefing::library::Sort::Opened,
                commands::check::Format::Human,
            ))
            .map_or_else(|c| c, |()| ExitCode::SUCCESS);
        }
        // A pipe or a file gets the briefing as text, as `briefing print` prints it.
        let selection = match goto {
            Some(place) => briefing::document::print::Selection::Place(place),
            None => briefing::document::print::Selection::Whole,
        };
        let width = commands::print::width(None);
        let text = briefing::document::print::print(&briefing, selection, width);
        return print(&text).map_or_else(|c| c, |()| ExitCode::SUCCESS);
    }
    let builtin = theme::choose(choice, theme::no_color(), || light);
    let depth = if builtin == Builtin::Mono { ColorDepth::Ansi16 } else { ColorDepth::detect() };
    // The briefing is known by its directory, or by name when it is a bundled one.
    let key = match single {
        Some(path) => briefing::library::key_of(path),
        None => {
            format!("bundled/{}", content::bundled::BUNDLED.first().map_or("briefing", |b| b.slug))
        }
    };
    // Built at the terminal's size, the first page is wrapped once, not again on the first
    // resize.
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut builder = Shell::builder(briefing)
        .size(width, height)
        .keymap(config.keymap)
        .theme(builtin.theme().fitted(depth))
        .mouse(config.mouse)
        .cursor(config.cursor)
        .hyperlinks(briefing::ui::hyperlink::supported(std::env::var("TERM").ok().as_deref()))
        .library(library, start_on_library);
    if !start_on_library {
        builder = builder.key(key.clone()).scan_library_when_shown();
    }
    let mut shell = builder.build();
    let mut places =
        StatePlaces { fresh: cli.fresh, set_aside: Vec::new(), errors: Vec::new(), folders };
    if !start_on_library {
        let (memory, warning) = briefing::terminal::Places::load(&mut places, &key);
        if let Some(memory) = memory {
            shell.recall(&memory);
        }
        if let Some(warning) = warning {
            shell.say(warning);
        }
    }
    // An explicit --goto wins over the place kept from last time, which stays one step back.
    if let Some(place) = goto {
        shell.open(place);
    }
    let dir = single.map(|dir| (dir, seen));
    let result = briefing::terminal::run(&mut shell, dir, &mut places);
    // The terminal may have gone (its window closed): what cannot be written is not an error.
    for message in &places.errors {
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

/// The reader's memory of each briefing, in the XDG state folder; with `--fresh`, none is
/// read or written.
struct StatePlaces {
    fresh: bool,
    /// Briefings whose damaged memory could not be set aside: never overwritten.
    set_aside: Vec<String>,
    /// What could not be saved, to print once the terminal is given back.
    errors: Vec<String>,
    /// The library's folders, to read again.
    folders: Vec<std::path::PathBuf>,
}

impl briefing::terminal::Places for StatePlaces {
    fn load(&mut self, key: &str) -> (Option<briefing::app::memory::Memory>, Option<String>) {
        if self.fresh {
            return (None, None);
        }
        let Some(state) = StateFile::for_briefing(key) else { return (None, None) };
        match state.load() {
            Loaded::Nothing => (None, None),
            Loaded::Memory(memory) => (Some(memory), None),
            Loaded::SetAside(warning) => {
                if state.exists() {
                    self.set_aside.push(key.to_owned());
                }
                (None, Some(warning))
            }
        }
    }

    fn save(&mut self, key: &str, memory: &mut briefing::app::memory::Memory) {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        memory.opened = now.ok().and_then(|d| i64::try_from(d.as_secs()).ok());
        if self.fresh || self.set_aside.iter().any(|k| k == key) {
            return;
        }
        let Some(state) = StateFile::for_briefing(key) else { return };
        if let Err(e) = state.save(memory) {
            self.errors.push(format!(
                "briefing: could not save your place in {}: {e}\n",
                escaped(&state.path.display().to_string())
            ));
        }
    }

    fn rescan(&self) -> briefing::library::Library {
        briefing::library::Library::scan(&self.folders, &peek)
    }
}
