//! The reader's behaviour without a terminal: actions in, state asserted.

mod common;

use briefing::app::{Action, Column, Focus, Overlay, Tab};
use briefing::document::Target;
use common::*;

#[test]
fn follow_a_link_then_back_restores_the_exact_place_and_forward_returns() {
    let mut app = app(bundled(), 80, 24);
    app.update(Action::ShowActors);
    let lavrov = app.briefing.lookup("lavrov").unwrap();
    let position = app
        .briefing
        .list(briefing::content::Kind::Actor)
        .iter()
        .position(|e| *e == lavrov)
        .unwrap();
    for _ in 0..position {
        app.update(Action::Next);
    }
    app.update(Action::Follow);
    assert_eq!(app.view().focus, Focus::Detail);
    app.update(Action::Next); // scroll the detail a row
    // Focus the link to missile defense.
    let missile_defense = app.briefing.lookup("missile-defense").unwrap();
    let mut tabs = 0;
    while app.focused_target() != Some(Target::Entity(missile_defense)) {
        app.update(Action::NextLink);
        tabs += 1;
        assert!(tabs < 50, "no link to missile defense from Lavrov");
    }
    let before = app.here();
    assert!(before.view.link.is_some());

    app.update(Action::Follow);
    assert_eq!(app.tab, Tab::Issues);
    assert_eq!(app.selected_entity(Tab::Issues), Some(missile_defense));
    assert_eq!(app.view().focus, Focus::Detail);
    assert_eq!(app.history.back.len(), 1);

    app.update(Action::Back);
    assert_eq!(app.here(), before, "back must restore pane, selection, scroll and focused link");

    app.update(Action::Forward);
    assert_eq!(app.tab, Tab::Issues);
    assert_eq!(app.selected_entity(Tab::Issues), Some(missile_defense));
}

#[test]
fn from_lavrov_to_missile_defense_to_the_15_march_announcement_and_back_twice() {
    let mut app = app(bundled(), 120, 40);
    let go_to = |app: &mut briefing::app::App, id: &str| {
        let id = app.briefing.lookup(id).unwrap();
        let mut tabs = 0;
        while app.focused_target() != Some(Target::Entity(id)) {
            app.update(Action::NextLink);
            tabs += 1;
            assert!(tabs < 80, "no link to {id:?}");
        }
        app.update(Action::Follow);
    };
    app.go(Target::Entity(app.briefing.lookup("lavrov").unwrap()));
    go_to(&mut app, "missile-defense");
    go_to(&mut app, "hagel-announcement");
    assert_eq!(app.tab, Tab::Timeline);
    app.update(Action::Back);
    app.update(Action::Back);
    assert_eq!(app.selected_entity(Tab::Actors), app.briefing.lookup("lavrov"));
    assert_eq!(app.tab, Tab::Actors);
}

#[test]
fn opening_the_selected_item_moves_focus_without_a_history_step() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowActors);
    app.update(Action::Next);
    app.update(Action::Follow);
    assert_eq!(app.view().focus, Focus::Detail);
    assert!(app.history.back.is_empty());
    app.update(Action::Close);
    assert_eq!(app.view().focus, Focus::List);
    assert_eq!(app.view().selected, 1);
}

#[test]
fn moving_in_a_list_selects_and_resets_the_detail() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowActors);
    app.update(Action::Last);
    assert_eq!(app.view().selected, 3);
    app.update(Action::Next);
    assert_eq!(app.view().selected, 3, "stops at the end");
    app.update(Action::First);
    assert_eq!(app.view().selected, 0);
    app.update(Action::Prev);
    assert_eq!(app.view().selected, 0, "stops at the start");
}

#[test]
fn tab_cycles_through_links_and_wraps_around() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowTimeline);
    app.update(Action::NextLink);
    assert_eq!(app.view().focus, Focus::Detail);
    let first = app.view().link.unwrap();
    let count = app.wrapped(Column::Main).unwrap().links.len();
    for _ in 0..count {
        app.update(Action::NextLink);
    }
    assert_eq!(app.view().link, Some(first), "Tab wraps to the first link");
    app.update(Action::PrevLink);
    assert_eq!(app.view().link, Some((Column::Main, count - 1)), "Shift-Tab wraps to the last");
}

#[test]
fn a_citation_opens_the_source_at_its_paragraph_highlighted() {
    let mut app = app(bundled(), 80, 24);
    app.update(Action::ShowActors);
    app.update(Action::Follow);
    while !matches!(app.focused_target(), Some(Target::Paragraph(_))) {
        app.update(Action::NextLink);
    }
    let Some(Target::Paragraph(n)) = app.focused_target() else { unreachable!() };
    app.update(Action::Follow);
    assert_eq!(app.tab, Tab::Source);
    assert_eq!(app.view().highlight, Some(n));
    let wrapped = app.wrapped(Column::Main).unwrap();
    let top = app.view().scroll;
    let height = app.areas().main_text().height as usize;
    assert!(
        (top..top + height).any(|row| wrapped.rows[row].paragraph == Some(n)),
        "¶{n} is not on screen"
    );
}

#[test]
fn resizing_keeps_the_words_at_the_top_of_the_text() {
    let mut app = app(bundled(), 80, 24);
    app.update(Action::ShowSource);
    for _ in 0..30 {
        app.update(Action::Next);
    }
    let w = app.wrapped(Column::Main).unwrap();
    let anchor = w.anchor(app.view().scroll);
    for (width, height) in [(50, 20), (120, 30), (45, 12), (80, 24)] {
        app.resize(width, height);
        let w = app.wrapped(Column::Main).unwrap();
        let top = app.view().scroll;
        let here = w.anchor(top);
        let next = w.anchor(top + 1);
        assert!(
            here <= anchor && (next.block != anchor.block || next.offset > anchor.offset),
            "at {width}x{height} the top row {here:?} does not hold {anchor:?}"
        );
    }
}

#[test]
fn resizing_across_the_wide_layout_keeps_the_focused_link() {
    let mut app = app(fixture(), 130, 40);
    app.update(Action::ShowIssues);
    // Focus a link in the related column, then narrow the terminal so that column folds into
    // the detail.
    while app.view().link.is_none_or(|(c, _)| c != Column::Side) {
        app.update(Action::NextLink);
    }
    let target = app.focused_target();
    app.resize(80, 24);
    assert_eq!(app.focused_target(), target);
    app.resize(130, 40);
    assert_eq!(app.focused_target(), target);
}

#[test]
fn an_outside_address_is_shown_not_opened() {
    let mut app = app(fixture(), 80, 24);
    app.go(Target::External("https://example.org".into()));
    assert_eq!(app.tab, Tab::Summary);
    assert!(app.status.as_deref().unwrap().contains("https://example.org"));
}

#[test]
fn back_with_no_history_says_so() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::Back);
    assert_eq!(app.status.as_deref(), Some("Nothing to go back to"));
    app.update(Action::Forward);
    assert_eq!(app.status.as_deref(), Some("Nothing to go forward to"));
}

#[test]
fn help_opens_scrolls_closes_and_q_quits() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::Help);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
    app.update(Action::Last);
    let Some(Overlay::Help { scroll }) = app.overlay else { panic!() };
    assert!(scroll < 100, "help scroll is clamped");
    app.update(Action::Close);
    assert_eq!(app.overlay, None);
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn scrolling_text_stops_at_its_ends() {
    let mut app = app(bundled(), 80, 24);
    app.update(Action::ShowSource);
    app.update(Action::Last);
    let end = app.view().scroll;
    assert!(end > 0);
    app.update(Action::Next);
    assert_eq!(app.view().scroll, end);
    app.update(Action::PageUp);
    assert!(app.view().scroll < end);
    app.update(Action::First);
    assert_eq!(app.view().scroll, 0);
}

#[test]
fn a_reload_keeps_the_selected_entity_by_id_even_when_the_list_changes() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowActors);
    while app.selected_entity(Tab::Actors) != app.briefing.lookup("beta") {
        app.update(Action::Next);
    }
    app.update(Action::Follow);
    // A new actor filed first, on Beta's side, moves Beta down the list.
    let actors = format!(
        "[[actor]]\nid = \"gamma\"\nname = \"Gamma\"\nkind = \"person\"\nside = \"russia\"\nsummary = \"[[beta]]'s colleague.\"\ncites = [2]\n\n{}",
        common::ACTORS
    );
    let new = briefing::content::load(&files_with("actors.toml", &actors)).unwrap();
    app.reload(Ok(new));
    assert_eq!(app.selected_entity(Tab::Actors), app.briefing.lookup("beta"));
    assert_eq!(app.view().focus, Focus::Detail);
    assert_eq!(app.status.as_deref(), Some("Reloaded"));
}

#[test]
fn a_reload_with_errors_keeps_the_last_good_version_until_fixed() {
    let mut app = app(fixture(), 80, 24);
    app.update(Action::ShowPlaces);
    let before = app.here();
    let broken = briefing::content::load(&files_with(
        "places.toml",
        &common::PLACES.replace("country =", "contry ="),
    ));
    app.reload(broken);
    assert_eq!(app.briefing.title, "Test briefing");
    assert_eq!(app.here(), before, "nothing the reader was doing changes");
    assert!(app.problems.is_some());
    app.update(Action::ShowProblems);
    assert_eq!(app.overlay, Some(Overlay::Problems { scroll: 0 }));
    app.update(Action::Close);
    let fixed = briefing::content::load(&files_with("", ""));
    app.reload(fixed);
    assert!(app.problems.is_none());
    assert_eq!(app.status.as_deref(), Some("Reloaded: the problems are fixed"));
}
