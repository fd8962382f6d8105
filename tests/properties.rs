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
    assert_picture_in_bounds(r);
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

/// A picture's view holds only numbers that mean something: a finite zoom, a place on the
/// globe, a column that exists.
fn assert_picture_in_bounds(r: &Shell) {
    use briefing::app::panes::PictureView;
    let Some(view) = picture(r) else { return };
    match view {
        PictureView::Axis(v) => {
            assert!(v.scale.is_finite() && v.scale >= 0.0, "scale {}", v.scale);
            assert!(v.start.is_finite(), "start {}", v.start);
        }
        PictureView::Map(v) => {
            assert!(v.centre.0.is_finite() && v.centre.1.is_finite(), "{:?}", v.centre);
            assert!((-180.0..=180.0).contains(&v.centre.0) && (-90.0..=90.0).contains(&v.centre.1));
            assert!(v.half.0 >= 0.0 && v.half.1 >= 0.0 && v.half.0.is_finite());
        }
        PictureView::Matrix(v) => {
            let issues = r.session().briefing.count(briefing::content::Kind::Issue);
            assert!(v.column < issues.max(1), "column {} of {issues}", v.column);
        }
    }
}

/// What a reader does in a picture: step, zoom, pan, fit, type a letter, click, scroll.
fn picture_step() -> impl Strategy<Value = Step> {
    let actions = vec![
        Action::StepLeft,
        Action::StepRight,
        Action::Next,
        Action::Prev,
        Action::PanLeft,
        Action::PanRight,
        Action::PanUp,
        Action::PanDown,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomFit,
        Action::OrderIssues,
        Action::First,
        Action::Last,
        Action::PageDown,
        Action::PageUp,
        Action::Follow,
        Action::Back,
        Action::TogglePicture,
        Action::Close,
        Action::FilterByActor,
    ];
    prop_oneof![
        10 => proptest::sample::select(actions).prop_map(Step::Act),
        2 => proptest::char::range('a', 'z').prop_map(|c| Step::Act(Action::Type(c))),
        1 => (1u16..300, 1u16..100).prop_map(|(w, h)| Step::Resize(w, h)),
        3 => mouse_event().prop_map(Step::Mouse),
        2 => key_event().prop_filter("q quits", |k| k.code != KeyCode::Char('q')).prop_map(Step::Key),
    ]
}

/// Carries out each step as the terminal would (a key or a click through the keymap, never
/// quitting), checking after each that the reader stays, in bounds, and draws.
fn run_steps(r: &mut Shell, steps: Vec<Step>) {
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
        assert_in_bounds(r);
        draw(r);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_in_any_picture_at_any_size_is_safe(
        pane in proptest::sample::select(vec![PaneId::Timeline, PaneId::Places, PaneId::Actors]),
        width in 1u16..=300,
        height in 1u16..=100,
        steps in proptest::collection::vec(picture_step(), 1..60),
    ) {
        let mut r = reader(bundled(), width, height);
        r.update(pane.action());
        r.update(Action::TogglePicture);
        run_steps(&mut r, steps);
    }

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
        run_steps(&mut r, steps);
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

    #[test]
    fn the_briefing_search_finds_what_the_text_holds_in_any_text_and_case(
        text in "[a-zA-ZłŁóÓ’ .\\-]{0,60}",
        query in "[a-zA-ZłŁóÓ’ .]{1,6}",
    ) {
        use briefing::search::fold::{fold, fold_query};
        let places = PLACES.replace("Where they meet.", &text.replace('\\', "\\\\"));
        let Ok(briefing) = content::load(&files_with("places.toml", &places)) else { return Ok(()) };
        let index = briefing::search::index::SearchIndex::build(&briefing);
        let (hits, total) = index.search(&briefing, &query, 100);
        let city = briefing::document::Target::Entity(briefing.lookup("city").unwrap());
        let summary = briefing.entity(briefing.lookup("city").unwrap()).summary.plain();
        // What the index finds in the summary is what folding the summary itself finds.
        let (needle, keep_case) = fold_query(&query);
        let expected = !needle.is_empty() && fold(&summary, keep_case).find(&needle).is_some();
        let hit = hits.iter().find(|h| h.target == city && !h.highlight.is_empty());
        if expected && hit.is_none() {
            // The city may have matched first in its name, which shows no highlight.
            let name = briefing.entity(briefing.lookup("city").unwrap()).name.to_string();
            prop_assert!(fold(&name, keep_case).find(&needle).is_some(), "{query:?} not found in {summary:?}");
        }
        if let Some(hit) = hit {
            prop_assert!(expected, "{query:?} found in {summary:?}");
            let shown: String = hit.snippet.chars().skip(hit.highlight.start).take(hit.highlight.len()).collect();
            prop_assert_eq!(fold(&shown, keep_case).text, needle, "highlight {:?} in {:?}", shown, hit.snippet);
        }
        prop_assert!(hits.len() <= total);
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
