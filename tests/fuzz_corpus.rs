//! Replays the fuzz corpora and every kept crash on stable: each file under
//! `fuzz/corpus/<target>/` and `fuzz/artifacts/<target>/` goes through the same function the
//! fuzz target calls (`fuzz/harness.rs`). `cargo +nightly fuzz run <target>` grows them.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

/// Files replayed per directory in a debug build, so the test stays quick; all in release.
const DEBUG_CAP: usize = 200;

fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .collect();
        files.sort();
        if cfg!(debug_assertions) {
            files.truncate(DEBUG_CAP);
        }
        out.extend(files);
    }
    out
}

fn replay(target: &str) {
    let run = harness::TARGETS.iter().find(|(name, _)| *name == target).expect("a target").1;
    let files = inputs(target);
    assert!(!files.is_empty(), "no corpus for {target}");
    let mut failed = Vec::new();
    for path in &files {
        let data = std::fs::read(path).expect("a corpus file");
        if let Err(panic) = std::panic::catch_unwind(|| run(&data)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failed.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: {} input(s) failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn section_file() {
    replay("section_file");
}

#[test]
fn reader() {
    replay("reader");
}

#[test]
fn config() {
    replay("config");
}

#[test]
fn state_file() {
    replay("state_file");
}

#[test]
fn input() {
    replay("input");
}
