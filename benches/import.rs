//! `briefing import` on an article of 5,000 words: reading, finding and resolving (the draft),
//! and the draft written as TOML and checked as the reader would load it. The issue asks for
//! an import under 100 ms. The article is the seed and the two invented test articles, their
//! paragraphs repeated in turn until 5,000 words, so every rule has work to do.

use briefing::content;
use briefing::import::{self, Options, article::Format};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn article(words: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = [
        root.join("../shared/seed/000_f5031cec163caeca.txt"),
        root.join("tests/fixtures/import/trade-dispute.md"),
    ];
    let mut paragraphs: Vec<String> = Vec::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).expect("the benchmark's articles are there");
        // Front matter, headings and furniture are left out: the body's paragraphs only.
        for block in text.split("\n\n").map(str::trim) {
            if block.split_whitespace().count() > 12 && !block.starts_with("---") {
                paragraphs.push(block.to_owned());
            }
        }
    }
    let mut out = String::from("A long article for the benchmark\n\n");
    let mut count = 0;
    for p in paragraphs.iter().cycle() {
        if count >= words {
            break;
        }
        count += p.split_whitespace().count();
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = article(5_000);
    let options = Options {
        published: Some("2013-04-29".parse().unwrap()),
        file_name: "long.txt".to_owned(),
        ..Options::default()
    };
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function("5000 words: draft", |b| {
        b.iter(|| import::import(black_box(&text), Format::Text, &options).unwrap())
    });
    group.bench_function("5000 words: draft, write, check", |b| {
        b.iter(|| {
            let draft = import::import(black_box(&text), Format::Text, &options).unwrap();
            let files: Vec<(String, String)> = import::write::files(&draft, "./schema")
                .into_iter()
                .map(|(name, text)| (name.to_owned(), text))
                .collect();
            let dir = tempfile::tempdir().unwrap();
            for (name, text) in &files {
                std::fs::write(dir.path().join(name), text).unwrap();
            }
            let report = content::check(&content::read_dir(dir.path()).unwrap());
            assert_eq!(report.errors(), 0);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
