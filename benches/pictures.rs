//! The pictures at 250x70 on the bundled briefing and on a generated one of 10,000 entities
//! (2,000 events over thirty years in five sides' lanes, 2,000 places at one spot, 2,000 actors
//! by 2,000 issues): drawing each, and one keystroke (moving the selection, zooming) with the
//! frame after it. `cargo bench --bench pictures`; the figures go in the notes of a change.

use briefing::app::{Action, Shell};
use briefing::content::{self, Files};
use briefing::ui;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "generate.rs"]
mod generate;
use generate::generated;

const SIZE: (u16, u16) = (250, 70);

/// A reader showing a pane's picture, drawn once so every cache is warm.
fn showing(files: &Files, pane: Action) -> (Shell, Terminal<TestBackend>) {
    let briefing = content::load(files).expect("the benchmark briefing is valid");
    let mut shell = Shell::builder(briefing).size(SIZE.0, SIZE.1).build();
    shell.update(pane);
    shell.update(Action::TogglePicture);
    assert!(shell.shows_picture());
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
    (shell, terminal)
}

fn pictures(c: &mut Criterion) {
    let bundled = content::bundled();
    let large = generated(2000);
    for (name, files) in [("bundled", &bundled), ("10k", &large)] {
        for (picture, pane) in [
            ("axis", Action::ShowTimeline),
            ("map", Action::ShowPlaces),
            ("matrix", Action::ShowActors),
        ] {
            // The first `v`: the picture's model is made from the list, and drawn.
            let briefing = content::load(files).unwrap();
            c.bench_function(&format!("keystroke_and_frame/{picture}_first_open/{name}"), |b| {
                b.iter_batched(
                    || {
                        let mut shell =
                            Shell::builder(briefing.clone()).size(SIZE.0, SIZE.1).build();
                        shell.update(pane);
                        (shell, Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap())
                    },
                    |(mut shell, mut terminal)| {
                        shell.update(Action::TogglePicture);
                        terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
                        (shell, terminal)
                    },
                    BatchSize::LargeInput,
                )
            });

            let (shell, mut terminal) = showing(files, pane);
            c.bench_function(&format!("draw/{picture}/{name}"), |b| {
                b.iter(|| {
                    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
                })
            });

            // Moving the selection back and forth (each step may pan the view).
            let (mut shell, mut terminal) = showing(files, pane);
            let mut forward = true;
            let mut steps = 0;
            c.bench_function(&format!("keystroke_and_frame/{picture}_move/{name}"), |b| {
                b.iter(|| {
                    steps += 1;
                    if steps % 20 == 0 {
                        forward = !forward;
                    }
                    let action = match (picture, forward) {
                        ("matrix", true) => Action::Next,
                        ("matrix", false) => Action::Prev,
                        ("map", true) => Action::StepRight,
                        ("map", false) => Action::StepLeft,
                        (_, true) => Action::StepRight,
                        (_, false) => Action::StepLeft,
                    };
                    shell.update(action);
                    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
                })
            });

            // Zooming in and out around the selection (on the axis, each new scale re-stacks
            // every event; the matrix does not zoom and says so).
            let (mut shell, mut terminal) = showing(files, pane);
            let mut zoom_in = true;
            c.bench_function(&format!("keystroke_and_frame/{picture}_zoom/{name}"), |b| {
                b.iter(|| {
                    shell.update(if zoom_in { Action::ZoomIn } else { Action::ZoomOut });
                    zoom_in = !zoom_in;
                    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
                })
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = pictures
}
criterion_main!(benches);
