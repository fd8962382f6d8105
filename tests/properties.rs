//! Properties: at any terminal size, after any sequence of actions, with any text in a field,
//! the reader never panics and its state stays within what exists.

mod common;

use briefing::app::{Action, Column, Pane, PaneId, Shell};
use briefing::content;
use common::*;
use proptest::prelude::*;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use strum::IntoEnumIterator;

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
    let actions: Vec<Action> = Action::bindable().filter(|a| *a != Action::Quit).collect();
    prop_oneof![
        8 => proptest::sample::select(actions).prop_map(Step::Act),
        1 => (1u16..300, 1u16..100).prop_map(|(w, h)| Step::Resize(w, h)),
        6 => key_event().prop_filter("q quits", |k| k.code != KeyCode::Char('q')).prop_map(Step::Key),
        2 => mouse_event().prop_map(Step::Mouse),
    ]
}

fn assert_in_bounds(r: &Shell) {
    let session = r.session();
    if let Pane::Entities(p) = session.pane() {
        let len = p.list.items.len();
        assert!(p.view.selected < len.max(1), "selection {} of {len}", p.view.selected);
    }
    if let Some(link) = session.pane().reading().link {
        let (wrapped, _) = session.wrapped(link.column).expect("a focused link's column exists");
        assert!(link.index < wrapped.links.len());
    }
    if let Some((w, area)) = session.wrapped(Column::Main) {
        assert!(
            session.pane().reading().scroll[0] <= w.height().saturating_sub(area.height as usize),
            "scrolled past the end"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_pane_draws_at_any_size(width in 1u16..=300, height in 1u16..=100, pane in 0usize..7) {
        let mut r = reader(bundled(), 120, 40);
        r.update(PaneId::iter().nth(pane).unwrap().action());
        r.update(Action::Resize { width, height });
        draw(&r);
        r.update(Action::NextLink);
        r.update(Action::Follow);
        draw(&r);
    }

    #[test]
    fn any_sequence_of_actions_and_resizes_is_safe(steps in proptest::collection::vec(step(), 1..60)) {
        let mut r = reader(bundled(), 80, 24);
        for step in steps {
            match step {
                Step::Act(action) => r.update(action),
                Step::Resize(width, height) => r.update(Action::Resize { width, height }),
                Step::Key(key) => {
                    let action = r.action_for_key(key);
                    if action == Action::Quit {
                        continue;
                    }
                    r.update(action);
                }
                Step::Mouse(mouse) => {
                    if let Some(action) = r.action_for_mouse(mouse) {
                        r.update(action);
                    }
                }
            }
            assert!(!r.quit_requested());
            assert_in_bounds(&r);
            draw(&r);
        }
    }

    #[test]
    fn any_text_in_a_field_loads_or_is_reported(text in "\\PC*|[\\[\\]|*`<>#\\-\\n\\u{1b}\\u{202e}a-z ]{0,80}") {
        let escaped = text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n").replace('\u{1b}', "\\u001b");
        let places = PLACES.replace("Where they meet.", &escaped);
        if let Ok(briefing) = content::load(&files_with("places.toml", &places)) {
            let mut r = reader(briefing, 60, 20);
            r.update(Action::ShowPlaces);
            draw(&r);
            for entity in &r.session().briefing.entities {
                assert!(!entity.summary.plain().chars().any(content::sanitize::is_forbidden));
            }
        }
    }
}

#[test]
fn the_smallest_terminals_draw() {
    for (w, h) in [(1, 1), (2, 1), (1, 2), (39, 9), (40, 10), (300, 100)] {
        for pane in PaneId::iter() {
            let mut r = reader(bundled(), 80, 24);
            r.update(pane.action());
            r.update(Action::Resize { width: w, height: h });
            draw(&r);
        }
    }
}
