use briefing::app::{App, Keymap};
use briefing::cli::Cli;
use briefing::content;
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Everything is loaded and checked before the terminal is touched, so problems print as
    // ordinary text.
    let files = match &cli.path {
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
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "briefing: standard output is not a terminal; run it in a terminal to read the briefing"
        );
        return ExitCode::from(1);
    }
    let mut app = App::new(briefing, Keymap::default_keys());
    match briefing::terminal::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("briefing: the terminal failed: {e}");
            ExitCode::from(1)
        }
    }
}
