//! Finding and keeping your way, without a terminal: keys in as a person types them, what the
//! reader answers asserted.

mod common;

use briefing::app::{Action, Column, Effect, Focus, Mode, PaneId, Shell};
use briefing::document::Target;
use common::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn find_count(r: &Shell) -> usize {
    r.session().find().map_or(0, |f| f.count())
}

fn current_match(r: &Shell) -> Option<usize> {
    r.session().find().and_then(|f| f.current)
}

/// The label the open hints give to the first link on screen that leads to `target`.
fn label_for(r: &Shell, target: &Target) -> String {
    let hints = r.hints().expect("labels are up");
    let hint = hints
        .labels
        .iter()
        .find(|h| r.session().wrapped(h.column).unwrap().0.targets[h.link] == *target);
    hint.expect("a labelled link to the target").label.clone()
}

fn mouse(r: &mut Shell, kind: MouseEventKind, column: u16, row: u16) {
    let event = MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
    if let Some(action) = r.action_for_mouse(event) {
        r.update(action);
    }
}

#[test]
fn slash_finds_as_you_type_counts_and_steps_with_wraparound() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowSource);
    typed(&mut r, "/missile");
    let count = find_count(&r);
    assert!(count > 5, "{count}");
    assert_eq!(current_match(&r), Some(0));
    press(&mut r, KeyCode::Enter);
    assert!(r.prompt().is_none());
    for _ in 0..count - 1 {
        typed(&mut r, "n");
    }
    assert_eq!(current_match(&r), Some(count - 1));
    typed(&mut r, "n");
    assert_eq!(current_match(&r), Some(0));
    assert!(status(&r).contains("(from the top)"), "{}", status(&r));
    typed(&mut r, "N");
    assert_eq!(current_match(&r), Some(count - 1));
    // The current match is on screen.
    let row = r.session().find().unwrap().matches[count - 1].row();
    let top = scroll(&r);
    let (_, area) = r.session().wrapped(Column::Main).unwrap();
    assert!(row >= top && row < top + area.height as usize);
    press(&mut r, KeyCode::Esc);
    assert!(r.session().find().is_none());
}

#[test]
fn smart_case_and_folded_accents() {
    let places = PLACES.replace("Where they meet.", "Where they meet: Łódź, or LODZ.");
    let mut r =
        reader(briefing::content::load(&files_with("places.toml", &places)).unwrap(), 80, 24);
    step(&mut r, &[Action::ShowPlaces, Action::Follow]);
    typed(&mut r, "/lodz");
    assert_eq!(find_count(&r), 2, "lodz finds Łódź and LODZ");
    for _ in 0..4 {
        press(&mut r, KeyCode::Backspace);
    }
    typed(&mut r, "LODZ");
    assert_eq!(find_count(&r), 1, "a capital makes case matter");
}

#[test]
fn escape_while_typing_returns_to_where_the_search_began() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowSource);
    typed(&mut r, "/moscow");
    assert!(scroll(&r) > 0, "the first match was scrolled to");
    press(&mut r, KeyCode::Esc);
    assert_eq!(scroll(&r), 0);
    assert!(r.session().find().is_none() && r.prompt().is_none());
}

#[test]
fn the_briefing_search_groups_results_and_opens_one_with_the_match_highlighted() {
    let mut r = reader(bundled(), 80, 24);
    typed(&mut r, "s");
    typed(&mut r, "trust");
    let Mode::Search(search) = r.mode().clone() else { panic!("no search box") };
    let groups: Vec<_> = search.hits.iter().map(|h| h.group).collect();
    let mut sorted = groups.clone();
    sorted.sort();
    assert_eq!(groups, sorted, "results are grouped by kind");
    assert!(search.hits.iter().any(|h| matches!(h.target, Target::Paragraph(3))));
    let position = search.hits.iter().position(|h| h.target == Target::Paragraph(4)).unwrap();
    for _ in 0..position {
        press(&mut r, KeyCode::Down);
    }
    press(&mut r, KeyCode::Enter);
    assert_eq!(pane(&r), PaneId::Source);
    assert_eq!(highlight(&r), Some(4));
    let find = r.session().find().unwrap();
    assert_eq!(find.query, "trust");
    assert!(!find.matches.is_empty());
}

#[test]
fn the_palette_finds_by_fuzzy_name_alias_and_acronym() {
    let mut r = reader(bundled(), 120, 40);
    ctrl(&mut r, 'k');
    typed(&mut r, "gotemoler");
    let Mode::Palette(palette) = r.mode().clone() else { panic!("no palette") };
    assert_eq!(palette.results.first(), Some(&id(&r, "gottemoeller")));
    press(&mut r, KeyCode::Enter);
    assert_eq!(pane(&r), PaneId::Actors);
    assert_eq!(selected(&r).as_deref(), Some("gottemoeller"));

    typed(&mut r, ":");
    typed(&mut r, "epaa");
    let Mode::Palette(palette) = r.mode().clone() else { panic!("no palette") };
    let names: Vec<_> = palette
        .results
        .iter()
        .take(3)
        .map(|e| r.session().briefing.entity(*e).id.to_string())
        .collect();
    assert!(names.contains(&"epaa".to_owned()), "{names:?}");
    press(&mut r, KeyCode::Esc);
    assert_eq!(*r.mode(), Mode::Normal);
}

#[test]
fn link_hints_label_every_link_on_screen_and_a_label_follows_it() {
    let mut r = reader(bundled(), 120, 40);
    open(&mut r, "lavrov");
    typed(&mut r, "f");
    let hints = r.hints().cloned().unwrap();
    let on_screen: usize = [Column::Main, Column::Side]
        .iter()
        .map(|c| r.session().wrapped(*c).unwrap().0.links.len())
        .sum();
    assert!(!hints.labels.is_empty() && hints.labels.len() <= on_screen);
    let target = hints.labels.iter().find(|h| h.column == Column::Side).unwrap().clone();
    typed(&mut r, &target.label);
    assert!(r.hints().is_none());
    assert!(pane(&r) != PaneId::Actors || selected(&r).as_deref() != Some("lavrov"));
    r.update(Action::Back);
    assert_eq!(selected(&r).as_deref(), Some("lavrov"));
}

#[test]
fn a_label_that_matches_nothing_gives_up_and_says_so() {
    let mut r = reader(bundled(), 80, 24);
    typed(&mut r, "fz");
    assert!(r.hints().is_none());
    assert!(status(&r).contains("No link is labelled"));
}

#[test]
fn capital_f_opens_beside_where_there_is_room() {
    let mut r = reader(fixture(), 130, 40);
    step(&mut r, &[Action::ShowTimeline, Action::Next]); // the meeting, whose summary links Alpha
    typed(&mut r, "F");
    let label = label_for(&r, &Target::Entity(id(&r, "alpha")));
    typed(&mut r, &label);
    assert_eq!(pane(&r), PaneId::Timeline, "the selection stays");
    assert_eq!(selected(&r).as_deref(), Some("meeting"));
    assert!(screen(&r).contains("Beside: Alpha Person"));
    assert!(status(&r).contains("Esc closes it"), "{}", status(&r));
    press(&mut r, KeyCode::Esc);
    assert!(!screen(&r).contains("Beside: Alpha Person"));
}

#[test]
fn the_actor_filter_narrows_timeline_and_issues_and_esc_lifts_it() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowActors);
    while selected(&r).as_deref() != Some("beta") {
        r.update(Action::Next);
    }
    typed(&mut r, "a");
    assert_eq!(r.session().filter(), Some(id(&r, "beta")));
    assert_eq!(r.session().list_len(PaneId::Timeline), 1);
    assert_eq!(r.session().list_len(PaneId::Issues), 1);
    r.update(Action::ShowTimeline);
    assert_eq!(selected(&r).as_deref(), Some("meeting"));
    // Following a link to something the filter hides lifts the filter.
    open(&mut r, "announcement");
    assert_eq!(r.session().filter(), None);
    r.update(Action::ShowActors);
    typed(&mut r, "a");
    // Esc first returns focus from the detail; then it lifts the filter.
    press(&mut r, KeyCode::Esc);
    press(&mut r, KeyCode::Esc);
    assert_eq!(r.session().filter(), None);
    assert_eq!(r.session().list_len(PaneId::Timeline), 2);
}

#[test]
fn bookmarks_are_set_listed_opened_and_removed() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowPlaces);
    typed(&mut r, "m");
    r.update(Action::ShowGlossary);
    typed(&mut r, "m");
    assert_eq!(r.session().bookmarks(), [id(&r, "city"), id(&r, "tla")]);
    typed(&mut r, "'");
    assert!(matches!(r.mode(), Mode::Bookmarks { selected: 0 }));
    typed(&mut r, "j");
    typed(&mut r, "m");
    assert_eq!(r.session().bookmarks(), [id(&r, "city")]);
    press(&mut r, KeyCode::Enter);
    assert_eq!(pane(&r), PaneId::Places);
    assert_eq!(*r.mode(), Mode::Normal);
}

#[test]
fn opened_items_are_marked_seen() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowActors);
    assert!(r.session().seen().is_empty());
    r.update(Action::Follow);
    assert!(r.session().seen().contains(&id(&r, "alpha")));
    open(&mut r, "city");
    assert!(r.session().seen().contains(&id(&r, "city")));
}

#[test]
fn y_copies_the_item_as_a_reference_with_its_citation() {
    let mut r = reader(bundled(), 80, 24);
    open(&mut r, "lavrov");
    typed(&mut r, "y");
    let effects = r.take_effects();
    let Some(Effect::Copy(text)) = effects.last() else { panic!("nothing copied") };
    assert!(
        text.starts_with("Sergei Lavrov, Foreign Minister of the Russian Federation: "),
        "{text}"
    );
    assert!(text.ends_with("(¶2, BASIC, 27–29 Apr 2013, date inferred)"), "{text}");
    assert!(status(&r).starts_with("Copied to the clipboard"));
}

#[test]
fn mouse_clicks_a_tab_an_item_and_a_link_and_the_wheel_scrolls() {
    let mut r = reader(bundled(), 100, 30);
    let click = MouseEventKind::Down(MouseButton::Left);
    // " 1 Summary  2 Actors " — column 14 is inside "2 Actors".
    mouse(&mut r, click, 14, 0);
    assert_eq!(pane(&r), PaneId::Actors);
    // The third list row is the second actor (the first row is a side heading).
    let list = r.session().areas().list_rows().unwrap();
    mouse(&mut r, click, list.x + 2, list.y + 2);
    assert_eq!(position(&r), 1);
    assert_eq!(focus(&r), Focus::List);
    // A click on a link in the detail follows it.
    let (w, area) = r.session().wrapped(Column::Main).unwrap();
    let (link, spot) =
        w.links.iter().enumerate().find_map(|(i, s)| s.first().map(|s| (i, *s))).unwrap();
    let target = w.targets[link].clone();
    mouse(&mut r, click, area.x + spot.x0, area.y + spot.row as u16);
    assert_eq!(r.session().history.back.len(), 1);
    if let Target::Entity(e) = target {
        assert_eq!(r.session().current_entity(), Some(e));
    }
    r.update(Action::ShowSource);
    mouse(&mut r, MouseEventKind::ScrollDown, 50, 10);
    assert_eq!(scroll(&r), 3);
}

#[test]
fn m_toggles_mouse_capture_through_an_effect() {
    let mut r = briefing::app::Shell::builder(fixture()).mouse(true).build();
    typed(&mut r, "M");
    assert!(!r.mouse());
    assert_eq!(r.take_effects().last(), Some(&Effect::Mouse(false)));
}

#[test]
fn memory_round_trips_by_id() {
    let mut r = reader(bundled(), 80, 24);
    open(&mut r, "lavrov");
    r.update(Action::Next);
    typed(&mut r, "m");
    let memory = r.remember();
    let json = serde_json::to_string(&memory).unwrap();
    let mut again = reader(bundled(), 80, 24);
    again.recall(&serde_json::from_str(&json).unwrap());
    assert_eq!(pane(&again), PaneId::Actors);
    assert_eq!(selected(&again).as_deref(), Some("lavrov"));
    assert_eq!(scroll(&again), scroll(&r));
    assert_eq!(again.session().bookmarks(), [id(&again, "lavrov")]);
    assert!(again.session().seen().contains(&id(&again, "lavrov")));
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    let mut r = reader(fixture(), 80, 24);
    typed(&mut r, "/abc");
    ctrl(&mut r, 'c');
    assert!(r.quit_requested());
}

#[test]
fn capital_f_opens_in_place_when_there_is_no_room_beside() {
    let mut r = reader(fixture(), 80, 24);
    step(&mut r, &[Action::ShowTimeline, Action::Next, Action::NextLink]);
    let target = link(&r).unwrap();
    typed(&mut r, "F");
    let label = label_for(&r, &target);
    typed(&mut r, &label);
    assert!(!screen(&r).contains("Beside:"));
    assert!(status(&r).contains("No room beside"));
}

#[test]
fn moving_the_mouse_changes_nothing() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::Back);
    let before = (r.session().here(), status(&r));
    mouse(&mut r, MouseEventKind::Moved, 10, 10);
    assert_eq!((r.session().here(), status(&r)), before);
}

#[test]
fn labels_end_when_another_action_changes_the_screen() {
    let mut r = reader(bundled(), 120, 30);
    r.update(Action::ShowTimeline);
    typed(&mut r, "f");
    assert!(r.hints().is_some());
    r.update(Action::ShowSource);
    assert!(r.hints().is_none());
    assert_eq!(pane(&r), PaneId::Source);
}

#[test]
fn an_unbound_key_is_named_as_pressed() {
    let mut r = reader(fixture(), 80, 24);
    ctrl(&mut r, 'x');
    assert_eq!(status(&r), "Ctrl-x does nothing here; press ? for the keys");
    typed(&mut r, "x");
    assert_eq!(status(&r), "x does nothing here; press ? for the keys");
}

#[test]
fn a_clicked_citation_near_the_end_of_the_source_stays_in_bounds() {
    // Found by the property test: a citation followed by a click once left the Source
    // scrolled past its end in a short terminal.
    let mut r = reader(bundled(), 112, 21);
    open(&mut r, "basic");
    let target = Target::Paragraph(5);
    tab_to(&mut r, &target);
    let l = r.session().pane().reading().link.unwrap();
    let (w, area) = r.session().wrapped(l.column).unwrap();
    let spot = w.links[l.index][0];
    let top = r.session().pane().reading().scroll[l.column.index()];
    mouse(
        &mut r,
        MouseEventKind::Down(MouseButton::Left),
        area.x + spot.x0,
        area.y + (spot.row - top) as u16,
    );
    assert_eq!(pane(&r), PaneId::Source);
    let (w, area) = r.session().wrapped(Column::Main).unwrap();
    assert!(scroll(&r) <= w.height().saturating_sub(area.height as usize));
}

#[test]
fn prompt_keys_are_data_and_can_be_rebound() {
    let mut r = reader_with_keys(fixture(), 80, 24, "[keys.prompt]\naccept = [\"Ctrl-o\"]\n");
    r.update(Action::ShowSource);
    typed(&mut r, "/Beta");
    assert!(r.prompt().is_some());
    ctrl(&mut r, 'o');
    assert!(r.prompt().is_none(), "Ctrl-o keeps the query now");
    assert_eq!(find_count(&r), 2, "Beta in ¶1 and ¶2");
}

#[test]
fn the_briefing_search_index_matches_as_the_text_reads_without_keeping_it() {
    use briefing::search::index::SearchIndex;
    let places = PLACES.replace("Where they meet.", "Where they meet: Łódź, or LODZ, or lODz.");
    let briefing = briefing::content::load(&files_with("places.toml", &places))
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    let index = SearchIndex::build(&briefing);
    let city = Target::Entity(briefing.lookup("city").expect("city"));
    let at = |query: &str| {
        let (hits, _) = index.search(&briefing, query, 50);
        let hit = hits.into_iter().find(|h| h.target == city && !h.highlight.is_empty());
        hit.map(|h| h.snippet.chars().skip(h.highlight.start).take(h.highlight.len()).collect())
    };
    // Without a capital, case and accents are ignored; the highlight covers the word as
    // written, accents and all.
    assert_eq!(at("lodz"), Some("Łódź".to_owned()));
    // With one, capitals must stand where the query has them: "LODZ" is found past Łódź
    // (whose letters match but not its case), and "lODz" past both.
    assert_eq!(at("LODZ"), Some("LODZ".to_owned()));
    assert_eq!(at("lODz"), Some("lODz".to_owned()));
    assert_eq!(at("LoDZ"), None);
    // A match in a name shows the entity's summary, not the name again.
    let name = briefing.entity(briefing.lookup("city").unwrap()).name.to_string();
    let (hits, total) = index.search(&briefing, &name, 50);
    let hit = hits.iter().find(|h| h.target == city).expect("found by its name");
    assert_eq!(hit.title, name);
    assert_eq!(hit.snippet, "Where they meet: Łódź, or LODZ, or lODz.");
    assert!(total >= 1);
}
