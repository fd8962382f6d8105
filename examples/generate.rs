//! Writes a generated briefing to a directory, for timing `briefing check` and the reader on
//! a large briefing: `cargo run --release --example generate -- 2000 /tmp/gen-10k` writes one
//! of 2,000 entities of each kind (10,000 in all).

#[path = "../benches/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(per_kind), Some(dir)) = (args.next().and_then(|n| n.parse().ok()), args.next())
    else {
        eprintln!("usage: generate PER_KIND DIR");
        std::process::exit(2);
    };
    let files = generate::generated(per_kind);
    std::fs::create_dir_all(&dir).expect("the directory can be made");
    for (name, text) in files.texts {
        std::fs::write(std::path::Path::new(&dir).join(name), text.as_bytes())
            .expect("the file can be written");
    }
}
