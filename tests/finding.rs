//! Finding and keeping your way, without a terminal: keys in through `handle_key` as a person
//! types them, state asserted.

mod common;

use briefing::app::{Action, App, Column, Effect, Focus, Overlay, Tab};
use briefing::document::Target;
use common::*;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The label the open hints give to the first link on screen that leads to `target`.
fn label_for(app: &App, target: &Target) -> String {
    let hints = app.hints.as_ref().expect("labels are up");
    let hint =
        hints.labels.iter().find(|h| app.wrapped(h.column).unwrap().targets[h.link] == *target);
    hint.expect("a labelled link to the target").label.clone()
}

fn id(app: &App, id: &str) -> briefing::content::EntityId {
    app.briefing.lookup(id).unwrap()
}

#[test]
fn slash_finds_as_you_type_counts_and_steps_with_wraparound() {
    let mut app = app(bundled(), 80, 24);
    app.update(Action::ShowSource);
    typed(&mut app, "/missile");
    let find = app.find.as_ref().unwrap();
    let count = find.matches.len();
    assert!(count > 5, "{count}");
    assert_eq!(find.current, Some(0));
    key(&mut app, KeyCode::Enter);
    assert!(app.prompt.is_none());
    for _ in 0..count - 1 {
        typed(&mut app, "n");
    }
    assert_eq!(app.find.as_ref().unwrap().current, Some(count - 1));
    typed(&mut app, "n");
    assert_eq!(app.find.as_ref().unwrap().current, Some(0));
    assert!(app.status.as_deref().unwrap().contains("(from the top)"), "{:?}", app.status);
    typed(&mut app, "N");
    assert_eq!(app.find.as_ref().unwrap().current, Some(count - 1));
    // The current match is on screen.
    let row = app.find.as_ref().unwrap().matches[count - 1].row();
    let top = app.view().scroll;
    assert!(row >= top && row < top + app.text_area(Column::Main).unwrap().height as usize);
    key(&mut app, KeyCode::Esc);
    assert!(app.find.is_none());
}

#[test]
fn smart_case_and_folded_accents() {
    let places = PLACES.replace("Where they meet.", "Where they meet: Łódź, or LODZ.");
    let mut app =
        app(briefing::content::load(&files_with("places.toml", &places)).unwrap(), 80, 24);
    app.update(Action::ShowPlaces);
    app.update(Action::Follow);
    typed(&mut app, "/lodz");
    assert_eq!(app.find.as_ref().unwrap().matches.len(), 2, "lodz finds Łódź and LODZ");
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "LODZ");
    assert_eq!(app.find.as_ref().unwrap().matches.len(), 1, "a capital makes case matter");
}

#[test]
fn escape_while_typing_returns_to_where_the_search_began() {
    let mut app = app(bundled(), 80, 24);
    app.update(Action::ShowSource);
    typed(&mut app, "/moscow");
    assert!(app.view().scroll > 0, "the first match was scrolled to");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view().scroll, 0);
    assert!(app.find.is_none() && app.prompt.is_none());
}

#[test]
fn the_briefing_search_groups_results_and_opens_one_with_the_match_highlighted() {
    let mut app = app(bundled(), 80, 24);
    typed(&mut app, "s");
    typed(&mut app, "trust");
    let Some(Overlay::Search { hits, .. }) = &app.overlay else { panic!("no search box") };
    let groups: Vec<_> = hits.iter().map(|h| h.group).collect();
    let mut sorted = groups.clone();
    sorted.sort();
    assert_eq!(groups, sorted, "results are grouped by kind");
    assert!(hits.iter().any(|h| matches!(h.target, Target::Paragraph(3))));
    let position = hits.iter().position(|h| h.target == Target::Paragraph(4)).unwrap();
    for _ in 0..position {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Source);
    assert_eq!(app.view().highlight, Some(4));
    let find = app.find.as_ref().unwrap();
    assert_eq!(find.query, "trust");
    assert!(!find.matches.is_empty());
}

#[test]
fn the_palette_finds_by_fuzzy_name_alias_and_acronym() {
    let mut app = app(bundled(), 120, 40);
    ctrl(&mut app, 'k');
    typed(&mut app, "gotemoler");
    let Some(Overlay::Palette { results, .. }) = &app.overlay else { panic!("no palette") };
    assert_eq!(results.first(), Some(&id(&app, "gottemoeller")));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Actors);
    assert_eq!(app.selected_entity(Tab::Actors), Some(id(&app, "gottemoeller")));

    typed(&mut app, ":");
    typed(&mut app, "epaa");
    let Some(Overlay::Palette { results, .. }) = &app.overlay else { panic!("no palette") };
    let names: Vec<_> =
        results.iter().take(3).map(|e| app.briefing.entity(*e).id.clone()).collect();
    assert!(names.contains(&"epaa".to_owned()), "{names:?}");
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
}

#[test]
fn link_hints_label_every_link_on_screen_and_a_label_follows_it() {
    let mut app = app(bundled(), 120, 40);
    app.go(Target::Entity(id(&app, "lavrov")));
    typed(&mut app, "f");
    let hints = app.hints.clone().unwrap();
    let on_screen = [Column::Main, Column::Side]
        .iter()
        .map(|c| app.wrapped(*c).unwrap().links.len())
        .sum::<usize>();
    assert!(!hints.labels.is_empty() && hints.labels.len() <= on_screen);
    let target = hints.labels.iter().find(|h| h.column == Column::Side).unwrap().clone();
    typed(&mut app, &target.label);
    assert!(app.hints.is_none());
    assert_ne!(
        app.selected_entity(Tab::Actors),
        Some(id(&app, "lavrov")).filter(|_| app.tab == Tab::Actors)
    );
    app.update(Action::Back);
    assert_eq!(app.selected_entity(Tab::Actors), Some(id(&app, "lavrov")));
}

#[test]
fn a_label_that_matches_nothing_gives_up_and_says_so() {
    let mut app = app(bundled(), 80, 24);
    typed(&mut app, "fz");
    assert!(app.hints.is_none());
    assert!(app.status.as_deref().unwrap().contains("No link is labelled"));
}

#[test]
fn capital_f_opens_beside_where_there_is_room() {
    let mut app = app(fixture(), 130, 40);
    app.update(Action::ShowTimeline);
    app.update(Action::Next); // the meeting, whose summary links Alpha
    typed(&mut app, "F");
    let label = label_for(&app, &Target::Entity(id(&app, "alpha")));
    typed(&mut app, &label);
    assert_eq!(app.tab, Tab::Timeline, "the selection stays");
    assert_eq!(app.selected_entity(Tab::Timeline), Some(id(&app, "meeting")));
    assert_eq!(app.view().beside, Some(id(&app, "alpha")));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view().beside, None);
}

#[test]
fn the_actor_filter_narrows_timeline_and_issues_and_esc_lifts_it() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowActors);
    while app.selected_entity(Tab::Actors) != Some(id(&app, "beta")) {
        app.update(Action::Next);
    }
    typed(&mut app, "a");
    assert_eq!(app.filter, Some(id(&app, "beta")));
    assert_eq!(app.items[Tab::Timeline.index()], vec![id(&app, "meeting")]);
    assert_eq!(app.items[Tab::Issues.index()], vec![id(&app, "topic")]);
    app.update(Action::ShowTimeline);
    // Following a link to something the filter hides lifts the filter.
    app.go(Target::Entity(id(&app, "announcement")));
    assert_eq!(app.filter, None);
    assert_eq!(app.selected_entity(Tab::Timeline), Some(id(&app, "announcement")));
    app.update(Action::ShowActors);
    typed(&mut app, "a");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.filter, None);
    assert_eq!(app.list_len(Tab::Timeline), 2);
}

#[test]
fn bookmarks_are_set_listed_opened_and_removed() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowPlaces);
    typed(&mut app, "m");
    app.update(Action::ShowGlossary);
    typed(&mut app, "m");
    assert_eq!(app.bookmarks, vec![id(&app, "city"), id(&app, "tla")]);
    typed(&mut app, "'");
    assert!(matches!(app.overlay, Some(Overlay::Bookmarks { selected: 0 })));
    typed(&mut app, "j");
    typed(&mut app, "m");
    assert_eq!(app.bookmarks, vec![id(&app, "city")]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.tab, Tab::Places);
    assert!(app.overlay.is_none());
}

#[test]
fn opened_items_are_marked_seen() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowActors);
    assert!(app.seen.is_empty());
    app.update(Action::Follow);
    assert!(app.seen.contains(&app.selected_entity(Tab::Actors).unwrap()));
    app.go(Target::Entity(id(&app, "city")));
    assert!(app.seen.contains(&id(&app, "city")));
}

#[test]
fn y_copies_the_item_as_a_reference_with_its_citation() {
    let mut app = app(bundled(), 80, 24);
    app.go(Target::Entity(id(&app, "lavrov")));
    typed(&mut app, "y");
    let Some(Effect::Copy(text)) = app.effects.last() else { panic!("nothing copied") };
    assert!(
        text.starts_with("Sergei Lavrov, Foreign Minister of the Russian Federation: "),
        "{text}"
    );
    assert!(text.ends_with("(¶2, BASIC, 29 Apr 2013, date inferred)"), "{text}");
    assert!(app.status.as_deref().unwrap().starts_with("Copied to the clipboard"));
}

#[test]
fn mouse_clicks_a_tab_an_item_and_a_link_and_the_wheel_scrolls() {
    let mut app = app(bundled(), 100, 30);
    let click = |app: &mut App, x: u16, y: u16| {
        app.handle_mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // " 1 Summary  2 Actors " — column 14 is inside "2 Actors".
    click(&mut app, 14, 0);
    assert_eq!(app.tab, Tab::Actors);
    // The third list row is the second actor (the first row is a side heading).
    let list = app.areas().list_rows().unwrap();
    click(&mut app, list.x + 2, list.y + 2);
    assert_eq!(app.view().selected, 1);
    assert_eq!(app.view().focus, Focus::List);
    // A click on a link in the detail follows it.
    let w = app.wrapped(Column::Main).unwrap();
    let area = app.text_area(Column::Main).unwrap();
    let (link, spot) =
        w.links.iter().enumerate().find_map(|(i, s)| s.first().map(|s| (i, *s))).unwrap();
    let target = w.targets[link].clone();
    click(&mut app, area.x + spot.x0, area.y + spot.row as u16);
    assert_eq!(app.history.back.len(), 1);
    if let Target::Entity(e) = target {
        assert_eq!(app.current_entity(), Some(e));
    }
    app.update(Action::ShowSource);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 50,
        row: 10,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(wheel);
    assert_eq!(app.view().scroll, 3);
}

#[test]
fn m_toggles_mouse_capture_through_an_effect() {
    let mut app = app(fixture(), 80, 24);
    app.mouse = true;
    typed(&mut app, "M");
    assert!(!app.mouse);
    assert_eq!(app.effects.last(), Some(&Effect::Mouse(false)));
}

#[test]
fn memory_round_trips_by_id() {
    let mut app = app(bundled(), 80, 24);
    app.go(Target::Entity(id(&app, "lavrov")));
    app.update(Action::Next);
    typed(&mut app, "m");
    let memory = app.remember();
    let json = serde_json::to_string(&memory).unwrap();
    let mut again = common::app(bundled(), 80, 24);
    again.recall(&serde_json::from_str(&json).unwrap());
    assert_eq!(again.tab, Tab::Actors);
    assert_eq!(again.selected_entity(Tab::Actors), Some(id(&again, "lavrov")));
    assert_eq!(again.view().scroll, app.view().scroll);
    assert_eq!(again.bookmarks, vec![id(&again, "lavrov")]);
    assert!(again.seen.contains(&id(&again, "lavrov")));
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    let mut app = app(fixture(), 80, 24);
    typed(&mut app, "/abc");
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn capital_f_opens_in_place_when_there_is_no_room_beside() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowTimeline);
    app.update(Action::Next);
    app.update(Action::NextLink);
    let target = app.focused_target().unwrap();
    typed(&mut app, "F");
    let label = label_for(&app, &target);
    typed(&mut app, &label);
    assert_eq!(app.view().beside, None);
    assert!(app.status.as_deref().unwrap().contains("No room beside"));
}

#[test]
fn moving_the_mouse_changes_nothing() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::Back);
    let before = (app.here(), app.status.clone());
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::Moved,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!((app.here(), app.status.clone()), before);
}

#[test]
fn labels_end_when_another_action_changes_the_screen() {
    let mut app = app(bundled(), 120, 30);
    app.update(Action::ShowTimeline);
    typed(&mut app, "f");
    assert!(app.hints.is_some());
    app.update(Action::ShowSource);
    assert!(app.hints.is_none());
}

#[test]
fn an_unbound_key_is_named_as_pressed() {
    let mut app = app(fixture(), 80, 24);
    ctrl(&mut app, 'x');
    assert_eq!(app.status.as_deref(), Some("Ctrl-x does nothing here; press ? for the keys"));
    typed(&mut app, "x");
    assert_eq!(app.status.as_deref(), Some("x does nothing here; press ? for the keys"));
}

#[test]
fn a_clicked_citation_near_the_end_of_the_source_stays_in_bounds() {
    // Found by the property test: a citation followed by a click (not through `update`) once
    // left the Source scrolled past its end in a short terminal.
    let mut app = app(bundled(), 112, 21);
    app.go(Target::Entity(id(&app, "basic")));
    let (column, link) = (0..2)
        .map(|c| if c == 0 { Column::Main } else { Column::Side })
        .find_map(|c| {
            let w = app.wrapped(c)?;
            let i = w.targets.iter().rposition(|t| *t == Target::Paragraph(5))?;
            Some((c, i))
        })
        .unwrap();
    app.view_mut().link = Some((column, link));
    app.update(Action::NextLink);
    app.update(Action::PrevLink);
    let w = app.wrapped(column).unwrap();
    let area = app.text_area(column).unwrap();
    let spot = w.links[link][0];
    let top = match column {
        Column::Main => app.view().scroll,
        Column::Side => app.view().side_scroll,
    };
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: area.x + spot.x0,
        row: area.y + (spot.row - top) as u16,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(app.tab, Tab::Source);
    let rows = app.wrapped(Column::Main).unwrap().height();
    let height = app.text_area(Column::Main).unwrap().height as usize;
    assert!(app.view().scroll <= rows.saturating_sub(height));
}
