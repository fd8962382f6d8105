//! Command-line arguments.

use crate::commands::check::{Deny, Format};
use crate::document::export;
use clap::{Parser, Subcommand, ValueEnum, ValueHint};
use std::path::PathBuf;

/// A terminal reader for policy briefings: summary, actors, issues, timeline, places,
/// glossary and source, all linked. Press ? inside for the keys.
///
/// When standard output is not a terminal (`briefing | less`, `briefing > notes.txt`), the
/// briefing is printed as plain text instead, as `briefing print` prints it.
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
    #[arg(value_hint = ValueHint::DirPath)]
    pub path: Option<PathBuf>,
    /// Open the reader at an address, as printed beside every item: actor:lavrov,
    /// event:hagel-announcement, source:2 or summary. It wins over the place kept from last
    /// time.
    #[arg(long, value_name = "ADDRESS")]
    pub goto: Option<String>,
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
        #[arg(required = true, value_hint = ValueHint::DirPath)]
        paths: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Print the JSON Schema (draft-07) of a briefing file, for TOML editors, or of what
    /// `briefing export --to json` writes.
    ///
    /// Without FILE, one schema that accepts any of the seven files.
    Schema {
        /// A section file (briefing, actors, issues, timeline, places, glossary or source),
        /// or export.
        file: Option<String>,
    },
    /// Create a new briefing directory with every section file and commented examples.
    New {
        /// The directory to create.
        #[arg(value_hint = ValueHint::DirPath)]
        name: PathBuf,
    },
    /// Print the briefing as plain text: summary, key points, actors by side, issues,
    /// timeline, places, glossary and the source, each item with its address.
    ///
    /// Links are numbered references, Sergei Lavrov[12], listed at the end of each section;
    /// citations are ¶2. The text holds no escape sequence, so it can go to a file, a pager
    /// or a screen reader.
    Print {
        /// A briefing directory; without it, the bundled briefing.
        #[arg(value_hint = ValueHint::DirPath)]
        path: Option<PathBuf>,
        /// Wrap to this many columns (20 to 1000). Without it, $COLUMNS, else 80.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
        /// Print only one part.
        #[arg(long, value_enum, value_name = "PART", conflicts_with = "id")]
        only: Option<Part>,
        /// Print one item and every item it links to: an id (lavrov) or an address
        /// (actor:lavrov, source:2).
        #[arg(long, value_name = "ID")]
        id: Option<String>,
    },
    /// Export the whole briefing as one Markdown, HTML or JSON file.
    ///
    /// HTML is one self-contained page (no script, printable); JSON follows the shape that
    /// `briefing schema export` prints.
    Export {
        /// A briefing directory; without it, the bundled briefing.
        #[arg(value_hint = ValueHint::DirPath)]
        path: Option<PathBuf>,
        /// The format.
        #[arg(long, value_enum, value_name = "FORMAT")]
        to: export::Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// Print the manual page (roff): `briefing man | man -l -`.
    Man,
    /// Print tab completions for a shell: `briefing completions bash > ~/.local/share/bash-completion/completions/briefing`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// List the briefings of the library: the bundled ones and those in DIR (by default the
    /// data folder, $XDG_DATA_HOME/briefing), with their date, progress and when last opened.
    ///
    /// Reads only each briefing's briefing.toml and the reader's memory of it.
    List {
        /// A folder of briefing directories.
        #[arg(value_hint = ValueHint::DirPath)]
        folder: Option<PathBuf>,
        /// The order: last-opened, title or date.
        #[arg(long, value_enum, default_value = "last-opened")]
        sort: SortArg,
        /// How to print the rows.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Draft a briefing from an article (plain text, Markdown or HTML): the source in
    /// numbered paragraphs, people with their titles, organisations, states, places, acronyms
    /// and dated events, every entry marked as a draft; then print what was found, merged,
    /// ambiguous and left out.
    Import {
        /// The article's file: .txt, .md or .html (an HTML page is recognised by its content
        /// too).
        #[arg(value_hint = ValueHint::FilePath)]
        article: PathBuf,
        /// When the article was published; relative dates ("last Tuesday") are resolved from
        /// it, and left unresolved without it.
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<String>,
        /// The briefing's title (default: the article's own).
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Who published the article.
        #[arg(long, value_name = "P")]
        publisher: Option<String>,
        /// The article's web address.
        #[arg(long, value_name = "U")]
        url: Option<String>,
        /// The directory to write (default: one named after the title); it must not exist or
        /// be empty.
        #[arg(short = 'o', long = "output", value_name = "DIR", value_hint = ValueHint::DirPath)]
        output: Option<PathBuf>,
        /// How to print the import report.
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

/// A part of the briefing `print --only` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Part {
    Summary,
    #[value(alias = "actor")]
    Actors,
    #[value(alias = "issue")]
    Issues,
    #[value(alias = "events", alias = "event")]
    Timeline,
    #[value(alias = "place")]
    Places,
    #[value(alias = "terms", alias = "term")]
    Glossary,
    Source,
}

impl Part {
    pub fn part(self) -> crate::document::print::Part {
        use crate::content::Kind;
        use crate::document::print::Part as P;
        match self {
            Part::Summary => P::Summary,
            Part::Actors => P::Kind(Kind::Actor),
            Part::Issues => P::Kind(Kind::Issue),
            Part::Timeline => P::Kind(Kind::Event),
            Part::Places => P::Kind(Kind::Place),
            Part::Glossary => P::Kind(Kind::Term),
            Part::Source => P::Source,
        }
    }
}

/// The commands, for suggesting one when a word that is not a directory was given.
pub const COMMANDS: &[&str] =
    &["check", "schema", "new", "list", "import", "help", "print", "export", "man", "completions"];

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
