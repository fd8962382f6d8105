//! What one keystroke costs on a briefing far larger than a screen: a letter typed into the
//! palette over 100,000 entities, and opening an entity that 8,000 others link to. Neither
//! should grow with the briefing. `cargo bench --bench scale` runs them.

use briefing::app::{Action, Shell};
use briefing::content::{self, Briefing};
use briefing::ui;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[path = "generate.rs"]
mod generate;

fn key(shell: &mut Shell, code: KeyCode, modifiers: KeyModifiers) {
    let action = shell.action_for_key(KeyEvent::new(code, modifiers));
    shell.update(action);
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).unwrap()
}

/// A letter typed into the palette and the frame after it, then the letter taken back and the
/// frame after that: two keystrokes.
fn palette_letter(c: &mut Criterion) {
    let briefing = content::load(&generate::generated(20_000)).unwrap();
    let mut shell = Shell::builder(briefing).size(120, 40).build();
    let mut terminal = terminal();
    key(&mut shell, KeyCode::Char('k'), KeyModifiers::CONTROL);
    for ch in "actr 1".chars() {
        key(&mut shell, KeyCode::Char(ch), KeyModifiers::NONE);
    }
    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
    c.bench_function("keystroke_and_frame/palette_letter_twice/100k", |b| {
        b.iter(|| {
            key(&mut shell, KeyCode::Char('9'), KeyModifiers::NONE);
            terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
            key(&mut shell, KeyCode::Backspace, KeyModifiers::NONE);
            terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
        })
    });
}

/// The issues list at its first issue; the next one is linked from 8,000 actors.
fn at_issues(briefing: &Briefing) -> (Shell, Terminal<TestBackend>) {
    let mut shell = Shell::builder(briefing.clone()).size(120, 40).build();
    shell.update(Action::ShowIssues);
    (shell, terminal())
}

fn open_hub(c: &mut Criterion) {
    let briefing = content::load(&generate::with_hub(2000, 8000)).unwrap();
    c.bench_function("keystroke_and_frame/open_entity_with_8000_backlinks", |b| {
        b.iter_batched(
            || at_issues(&briefing),
            |(mut shell, mut terminal)| {
                shell.update(Action::Next);
                terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
                (shell, terminal)
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = scale;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = palette_letter, open_hub
}
criterion_main!(scale);
