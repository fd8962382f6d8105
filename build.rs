//! Embeds every briefing under `content/` in the binary, so the reader opens one from any
//! directory and the library always lists them. A briefing is a directory holding
//! briefing.toml; its section files are included as text, and a missing one is left for the
//! loader to report as it would on disk.

use std::fmt::Write as _;
use std::path::Path;

include!("src/content/section_files.rs");

macro_rules! names {
    ($($file:literal),*) => { [$($file),*] };
}

const FILES: [&str; 7] = with_section_files!(names);

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.retain(|d| d.join("briefing.toml").is_file());
    // A stable order, so the first bundled briefing is always the same one.
    dirs.sort();
    let mut out = String::from("pub const BUNDLED: &[Bundled] = &[\n");
    for dir in &dirs {
        println!("cargo::rerun-if-changed={}", dir.display());
        let slug = dir.file_name().and_then(|n| n.to_str()).expect("a UTF-8 directory name");
        writeln!(out, "    Bundled {{ slug: {slug:?}, files: &[").unwrap();
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
            }
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
