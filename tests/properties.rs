//! Properties: at any terminal size, after any sequence of actions, with any text in a field,
//! the reader never panics and its state stays within what exists.

mod common;

use briefing::app::{Action, App, Column, Tab};
use briefing::content;
use briefing::ui;
use common::*;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
}

#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Resize(u16, u16),
    Key(KeyEvent),
    Mouse(MouseEvent),
}

fn key_event() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        proptest::sample::select(vec!['ł', 'ó', '世', '\u{202e}']).prop_map(KeyCode::Char),
        proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ]),
    ];
    let modifiers =
        proptest::sample::select(vec![KeyModifiers::NONE, KeyModifiers::SHIFT, KeyModifiers::ALT]);
    (code, modifiers).prop_map(|(code, modifiers)| KeyEvent::new(code, modifiers))
}

fn mouse_event() -> impl Strategy<Value = MouseEvent> {
    let kind = proptest::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::Moved,
    ]);
    (kind, 0u16..300, 0u16..100).prop_map(|(kind, column, row)| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => proptest::sample::select(Action::ALL.to_vec()).prop_filter("quitting ends the run", |a| *a != Action::Quit).prop_map(Step::Act),
        1 => (1u16..300, 1u16..100).prop_map(|(w, h)| Step::Resize(w, h)),
        6 => key_event().prop_filter("q quits", |k| k.code != KeyCode::Char('q')).prop_map(Step::Key),
        2 => mouse_event().prop_map(Step::Mouse),
    ]
}

fn assert_in_bounds(app: &App) {
    let view = app.view();
    if let Some(kind) = app.tab.kind() {
        let len = app.briefing.count(kind);
        assert!(view.selected < len.max(1), "selection {} of {len}", view.selected);
    }
    if let Some((column, link)) = view.link {
        let wrapped = app.wrapped(column).expect("a focused link's column exists");
        assert!(link < wrapped.links.len());
    }
    if let (Some(w), Some(area)) = (app.wrapped(Column::Main), app.text_area(Column::Main)) {
        assert!(
            view.scroll <= w.height().saturating_sub(area.height as usize),
            "scrolled past the end"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_pane_draws_at_any_size(width in 1u16..=300, height in 1u16..=100, tab in 0usize..7) {
        let mut app = app(bundled(), width, height);
        app.tab = Tab::ALL[tab];
        app.prepare();
        draw(&app);
        app.update(Action::NextLink);
        app.update(Action::Follow);
        draw(&app);
    }

    #[test]
    fn any_sequence_of_actions_and_resizes_is_safe(steps in proptest::collection::vec(step(), 1..60)) {
        let mut app = app(bundled(), 80, 24);
        for step in steps {
            match step {
                Step::Act(action) => app.update(action),
                Step::Resize(w, h) => app.resize(w, h),
                Step::Key(key) => app.handle_key(key),
                Step::Mouse(mouse) => app.handle_mouse(mouse),
            }
            app.quit = false;
            assert_in_bounds(&app);
            draw(&app);
        }
    }

    #[test]
    fn any_text_in_a_field_loads_or_is_reported(text in "\\PC*|[\\[\\]|*`<>#\\-\\n\\u{1b}\\u{202e}a-z ]{0,80}") {
        let escaped = text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n").replace('\u{1b}', "\\u001b");
        let places = PLACES.replace("Where they meet.", &escaped);
        if let Ok(briefing) = content::load(&files_with("places.toml", &places)) {
            let mut app = app(briefing, 60, 20);
            app.update(Action::ShowPlaces);
            draw(&app);
            for entity in &app.briefing.entities {
                assert!(!entity.summary.plain().chars().any(content::sanitize::is_forbidden));
            }
        }
    }
}

#[test]
fn the_smallest_terminals_draw() {
    for (w, h) in [(1, 1), (2, 1), (1, 2), (39, 9), (40, 10), (300, 100)] {
        for tab in Tab::ALL {
            let mut app = app(bundled(), w, h);
            app.tab = tab;
            draw(&app);
        }
    }
}
