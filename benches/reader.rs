//! Load + first frame, and keystroke + frame, on the bundled briefing and on a generated one of
//! 10,000 entities. `cargo bench` runs them; the figures go in the notes of a change.

use briefing::app::{Action, Pane, Shell};
use briefing::content::{self, Files};
use briefing::ui;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;

#[path = "generate.rs"]
mod generate;
use generate::generated;

fn first_frame(files: &Files) -> Terminal<TestBackend> {
    let briefing = content::load(files).expect("the benchmark briefing is valid");
    let shell = Shell::builder(briefing).size(80, 24).build();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
    terminal
}

fn ready(files: &Files, pane: Action) -> (Shell, Terminal<TestBackend>) {
    let briefing = content::load(files).unwrap();
    let mut shell = Shell::builder(briefing).size(120, 40).build();
    shell.update(pane);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
    (shell, terminal)
}

/// The selected position and the length of the current list.
fn list_place(shell: &Shell) -> (usize, usize) {
    match shell.session().pane() {
        Pane::Entities(p) => (p.view.selected, p.list.items.len()),
        Pane::Prose(_) => (0, 0),
    }
}

fn benches(c: &mut Criterion) {
    let bundled = content::bundled();
    let large = generated(2000);
    for (name, files) in [("bundled", &bundled), ("10k", &large)] {
        c.bench_function(&format!("load_and_first_frame/{name}"), |b| {
            b.iter(|| first_frame(black_box(files)))
        });

        // One keystroke and the frame after it: moving through the actor list (each step
        // wraps a new detail) and Tab through links, as a reader does.
        let (mut app, mut terminal) = ready(files, Action::ShowActors);
        let mut down = true;
        c.bench_function(&format!("keystroke_and_frame/next_item/{name}"), |b| {
            b.iter(|| {
                let (selected, len) = list_place(&app);
                if selected == 0 {
                    down = true;
                } else if selected + 1 >= len || selected >= 400 {
                    down = false;
                }
                app.update(if down { Action::Next } else { Action::Prev });
                terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            })
        });
        let (mut app, mut terminal) = ready(files, Action::ShowTimeline);
        c.bench_function(&format!("keystroke_and_frame/next_link/{name}"), |b| {
            b.iter(|| {
                app.update(Action::NextLink);
                terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            })
        });
        c.bench_function(&format!("keystroke_and_frame/follow_and_back/{name}"), |b| {
            b.iter_batched(
                || (),
                |()| {
                    app.update(Action::Follow);
                    terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
                    app.update(Action::Back);
                    terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
                },
                BatchSize::SmallInput,
            )
        });
    }
}

/// A query typed into the briefing-wide search or the palette, answered in full.
fn finding(c: &mut Criterion) {
    let bundled = content::bundled();
    let large = generated(2000);
    for (name, files) in [("bundled", &bundled), ("10k", &large)] {
        let briefing = content::load(files).unwrap();
        let index = briefing::search::index::SearchIndex::build(&briefing);
        let mut palette = briefing::search::palette::Palette::build(&briefing);
        c.bench_function(&format!("search_briefing/query/{name}"), |b| {
            b.iter(|| index.search(&briefing, black_box("meets actor 1"), 200))
        });
        c.bench_function(&format!("palette/query/{name}"), |b| {
            b.iter(|| palette.matches(black_box("actr 19"), 200))
        });
        c.bench_function(&format!("search_briefing/build_index/{name}"), |b| {
            b.iter(|| briefing::search::index::SearchIndex::build(black_box(&briefing)))
        });
    }
    // `/` as the reader types one more letter on the source page, frame included.
    let (mut app, mut terminal) = ready(&large, Action::ShowSource);
    let key = |app: &mut Shell, code: KeyCode| {
        let action = app.action_for_key(KeyEvent::new(code, KeyModifiers::NONE));
        app.update(action);
    };
    c.bench_function("keystroke_and_frame/find_letter/10k", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('/'));
            for ch in "paragraph 1".chars() {
                key(&mut app, KeyCode::Char(ch));
            }
            key(&mut app, KeyCode::Esc);
            terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
        })
    });
}

criterion_group! {
    name = reader;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches, finding
}
criterion_main!(reader);
