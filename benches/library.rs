//! The library at 1,000 briefings: listing it and drawing its first screen, and one keystroke
//! (the next row, a letter of a filter) with the frame after it. `cargo bench --bench library`.

use briefing::app::{Action, Shell};
use briefing::library::Library;
use briefing::ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;

#[path = "generate.rs"]
mod generate;

/// `count` small briefings, each with a title of its own, in a folder.
fn folder(count: usize) -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    let files = generate::generated(5);
    for n in 0..count {
        let dir = temp.path().join(format!("briefing-{n:04}"));
        std::fs::create_dir(&dir).unwrap();
        for (name, text) in &files.texts {
            let text =
                text.replace("title = \"Generated\"", &format!("title = \"Briefing number {n}\""));
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    temp
}

fn listed(dir: &Path) -> Shell {
    let library = Library::scan(&[dir.to_path_buf()], &|_| None);
    let briefing = briefing::content::load(&briefing::content::bundled()).unwrap();
    Shell::builder(briefing).size(120, 40).library(library, true).build()
}

fn benches(c: &mut Criterion) {
    let dir = folder(1000);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("library/list_and_first_frame/1000", |b| {
        b.iter(|| {
            let shell = listed(black_box(dir.path()));
            terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
        })
    });
    let mut shell = listed(dir.path());
    let mut down = true;
    c.bench_function("library/keystroke_and_frame/next_row/1000", |b| {
        b.iter(|| {
            let at = shell.library_selected();
            if at == 0 {
                down = true;
            } else if at >= 998 {
                down = false;
            }
            shell.update(if down { Action::Next } else { Action::Prev });
            terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
        })
    });
    shell.update(Action::Find);
    c.bench_function("library/keystroke_and_frame/filter_letter/1000", |b| {
        b.iter(|| {
            shell.update(Action::Type('9'));
            terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
            shell.update(Action::DeleteBack);
            terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
        })
    });
}

criterion_group! {
    name = library;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(library);
