//! Command-line arguments.

use clap::Parser;
use std::path::PathBuf;

/// A terminal reader for policy briefings: summary, actors, issues, timeline, places,
/// glossary and source, all linked. Press ? inside for the keys.
#[derive(Debug, Parser)]
#[command(name = "briefing", version)]
pub struct Cli {
    /// A briefing directory (holding briefing.toml and its section files). Without it, the
    /// bundled briefing opens.
    pub path: Option<PathBuf>,
}
