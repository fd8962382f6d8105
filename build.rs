//! Embeds every briefing under `content/` in the binary, so the reader opens one from any
//! directory and the library always lists them. A briefing is a directory holding
//! briefing.toml; its section files are included as text, and a missing one is left for the
//! loader to report as it would on disk.
//!
//! Each one that loads is also loaded here, with the loader itself, and stored as its model
//! (`content::stored`): the reader opens it by reading that back, several times faster than
//! parsing its TOML. One that does not load stores nothing, and the reader reports its
//! problems as it would on disk.

use std::fmt::Write as _;
use std::path::Path;

include!("src/content/section_files.rs");

macro_rules! names {
    ($($file:literal),*) => { [$($file),*] };
}

const FILES: [&str; 7] = with_section_files!(names);

// The content model and its loader, the very files the program is built from.
#[allow(dead_code, unused_imports)]
#[path = "src/content"]
mod content {
    pub mod date;
    pub mod diagnostic;
    pub mod entries;
    pub mod format;
    pub mod load;
    pub mod markup;
    pub mod model;
    pub mod reread;
    pub mod sanitize;
    pub mod stored;
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.retain(|d| d.join("briefing.toml").is_file());
    // A stable order, so the first bundled briefing is always the same one.
    dirs.sort();
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut out = String::from("pub const BUNDLED: &[Bundled] = &[\n");
    for dir in &dirs {
        println!("cargo::rerun-if-changed={}", dir.display());
        let slug = dir.file_name().and_then(|n| n.to_str()).expect("a UTF-8 directory name");
        writeln!(out, "    Bundled {{ slug: {slug:?}, files: &[").unwrap();
        let mut texts = Vec::new();
        for file in FILES {
            let path = dir.join(file);
            if path.is_file() {
                println!("cargo::rerun-if-changed={}", path.display());
                writeln!(
                    out,
                    "        ({file:?}, include_str!({:?})),",
                    path.display().to_string()
                )
                .unwrap();
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                texts.push((file.to_owned(), text.into()));
            }
        }
        let files =
            content::load::Files { origin: format!("content/{slug}"), texts, read_from: None };
        let stored = content::load::load(&files).map(|b| content::stored::store(&b));
        let target = out_dir.join(format!("{slug}.briefing"));
        std::fs::write(&target, stored.unwrap_or_default()).expect("OUT_DIR is writable");
        let target = target.display().to_string();
        writeln!(out, "    ], prebuilt: include_bytes!({target:?}) }},").unwrap();
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("bundled.rs"), out).expect("OUT_DIR is writable");
}
