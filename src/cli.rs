//! Command-line arguments.

use crate::commands::check::{Deny, Format};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// A terminal reader for policy briefings: summary, actors, issues, timeline, places,
/// glossary and source, all linked. Press ? inside for the keys.
#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A briefing directory (holding briefing.toml and its section files). Without it, the
    /// bundled briefing opens.
    pub path: Option<PathBuf>,
    /// Do not reload the briefing when its files change.
    #[arg(long)]
    pub no_watch: bool,
    /// Start at the beginning: do not restore where you were, and do not save it on quit.
    #[arg(long)]
    pub fresh: bool,
    /// The colour theme: auto (from the terminal's background), dark, light, high-contrast
    /// or mono. NO_COLOR set in the environment always gives mono.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefing directories and print every problem found.
    ///
    /// Exit status: 0 when there is no error, 1 when there is, 2 on a usage problem.
    Check {
        /// Briefing directories to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Print the JSON Schema (draft-07) of a briefing file, for TOML editors.
    ///
    /// Without FILE, one schema that accepts any of the seven files.
    Schema {
        /// A section file: briefing, actors, issues, timeline, places, glossary or source.
        file: Option<String>,
    },
    /// Create a new briefing directory with every section file and commented examples.
    New {
        /// The directory to create.
        name: PathBuf,
    },
    /// List the briefings of the library: the bundled ones and those in DIR (by default the
    /// data folder, $XDG_DATA_HOME/briefing), with their date, progress and when last opened.
    ///
    /// Reads only each briefing's briefing.toml and the reader's memory of it.
    List {
        /// A folder of briefing directories.
        folder: Option<PathBuf>,
        /// The order: last-opened, title or date.
        #[arg(long, value_enum, default_value = "last-opened")]
        sort: SortArg,
        /// How to print the rows.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Print a guide: the format of a briefing, writing one, the keys, or the config. Without
    /// a topic, this help; with a command's name, that command's help.
    Help {
        /// format, authoring, keys, config, or a command.
        topic: Option<String>,
    },
}

/// The commands, for suggesting one when a word that is not a directory was given.
pub const COMMANDS: &[&str] = &["check", "schema", "new", "list", "help"];

/// The library's orders, as `--sort` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    LastOpened,
    Title,
    Date,
}

impl From<SortArg> for crate::library::Sort {
    fn from(sort: SortArg) -> Self {
        match sort {
            SortArg::LastOpened => crate::library::Sort::Opened,
            SortArg::Title => crate::library::Sort::Title,
            SortArg::Date => crate::library::Sort::Date,
        }
    }
}
