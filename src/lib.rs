//! `briefing`: a terminal reader for policy briefings.
//!
//! - `content`: the briefing model, loading and validation (no terminal types).
//! - `document`: pages as text with links, and wrapping.
//! - `geo`: the map's coastlines and borders (Natural Earth) and its projection.
//! - `app`: actions, keymap, state, history, `update`.
//! - `ui`: drawing, one file per pane.
//! - `library`: the briefings a person has, listed from their headers.
//! - `commands`: `check`, `schema`, `new`, `list` and `import`, which print and exit.
//! - `import`: an article to a draft briefing (paragraphs, acronyms, actors, places, dates).
//! - `terminal`: the event loop that ties them to a real terminal, and live reload.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod document;
pub mod geo;
pub mod import;
pub mod library;
pub mod search;
pub mod state_file;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod watch;
