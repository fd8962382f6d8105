//! The reader's behaviour without a terminal: actions and keys in, what it answers and draws
//! asserted.

mod common;

use briefing::app::{Action, Column, Focus, Mode, PaneId};
use briefing::document::Target;
use common::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn follow_a_link_then_back_restores_the_exact_place_and_forward_returns() {
    let mut r = reader(bundled(), 80, 24);
    open(&mut r, "lavrov");
    r.update(Action::Next); // scroll the detail a row
    let missile_defense = id(&r, "missile-defense");
    tab_to(&mut r, &Target::Entity(missile_defense));
    let before = r.session().here();

    r.update(Action::Follow);
    assert_eq!(pane(&r), PaneId::Issues);
    assert_eq!(selected(&r).as_deref(), Some("missile-defense"));
    assert_eq!(focus(&r), Focus::Detail);

    r.update(Action::Back);
    assert_eq!(
        r.session().here(),
        before,
        "back restores pane, selection, scroll and focused link"
    );

    r.update(Action::Forward);
    assert_eq!(pane(&r), PaneId::Issues);
    assert_eq!(selected(&r).as_deref(), Some("missile-defense"));
}

#[test]
fn from_lavrov_to_missile_defense_to_the_15_march_announcement_and_back_twice() {
    let mut r = reader(bundled(), 120, 40);
    open(&mut r, "lavrov");
    let md = Target::Entity(id(&r, "missile-defense"));
    tab_to(&mut r, &md);
    r.update(Action::Follow);
    let announcement = Target::Entity(id(&r, "hagel-announcement"));
    tab_to(&mut r, &announcement);
    r.update(Action::Follow);
    assert_eq!(pane(&r), PaneId::Timeline);
    step(&mut r, &[Action::Back, Action::Back]);
    assert_eq!(selected(&r).as_deref(), Some("lavrov"));
    assert_eq!(pane(&r), PaneId::Actors);
}

#[test]
fn opening_the_selected_item_moves_focus_without_a_history_step() {
    let mut r = reader(fixture(), 80, 24);
    step(&mut r, &[Action::ShowActors, Action::Next, Action::Follow]);
    assert_eq!(focus(&r), Focus::Detail);
    assert!(r.session().history.back.is_empty());
    r.update(Action::Close);
    assert_eq!(focus(&r), Focus::List);
    assert_eq!(position(&r), 1);
}

#[test]
fn moving_in_a_list_selects_and_stops_at_its_ends() {
    let mut r = reader(fixture(), 80, 24);
    step(&mut r, &[Action::ShowActors, Action::Last]);
    assert_eq!(position(&r), 3);
    r.update(Action::Next);
    assert_eq!(position(&r), 3, "stops at the end");
    r.update(Action::First);
    assert_eq!(position(&r), 0);
    r.update(Action::Prev);
    assert_eq!(position(&r), 0, "stops at the start");
}

#[test]
fn tab_cycles_through_links_and_wraps_around() {
    let mut r = reader(fixture(), 80, 24);
    step(&mut r, &[Action::ShowTimeline, Action::NextLink]);
    assert_eq!(focus(&r), Focus::Detail);
    let first = link(&r);
    let (wrapped, _) = r.session().wrapped(Column::Main).unwrap();
    let count = wrapped.links.len();
    for _ in 0..count {
        r.update(Action::NextLink);
    }
    assert_eq!(link(&r), first, "Tab wraps to the first link");
    r.update(Action::PrevLink);
    assert_eq!(link(&r), wrapped.targets.last().cloned(), "Shift-Tab wraps to the last");
}

#[test]
fn a_citation_opens_the_source_at_its_paragraph_highlighted() {
    let mut r = reader(bundled(), 80, 24);
    step(&mut r, &[Action::ShowActors, Action::Follow]);
    let Target::Paragraph(n) = tab_until(&mut r, |t| matches!(t, Target::Paragraph(_))) else {
        unreachable!()
    };
    r.update(Action::Follow);
    assert_eq!(pane(&r), PaneId::Source);
    assert_eq!(highlight(&r), Some(n));
    assert!(screen(&r).contains(&format!("¶{n} ")), "¶{n} is not on screen");
}

#[test]
fn resizing_keeps_the_words_at_the_top_of_the_text() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowSource);
    for _ in 0..30 {
        r.update(Action::Next);
    }
    let (w, _) = r.session().wrapped(Column::Main).unwrap();
    let anchor = w.anchor(scroll(&r));
    for (width, height) in [(50, 20), (120, 30), (45, 12), (80, 24)] {
        r.update(Action::Resize { width, height });
        let (w, _) = r.session().wrapped(Column::Main).unwrap();
        let top = scroll(&r);
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
    let mut r = reader(fixture(), 130, 40);
    r.update(Action::ShowIssues);
    // Focus a link in the related column, then narrow the terminal so that column folds into
    // the detail.
    while link_column(&r) != Some(Column::Side) {
        r.update(Action::NextLink);
    }
    let target = link(&r);
    r.update(Action::Resize { width: 80, height: 24 });
    assert_eq!(link(&r), target);
    r.update(Action::Resize { width: 130, height: 40 });
    assert_eq!(link(&r), target);
}

#[test]
fn an_outside_address_is_shown_not_opened() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::NextLink);
    tab_until(&mut r, |t| matches!(t, Target::External(_)));
    r.update(Action::Follow);
    assert_eq!(pane(&r), PaneId::Summary);
    assert!(status(&r).contains("https://example.org"), "{}", status(&r));
}

#[test]
fn back_with_no_history_says_so() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::Back);
    assert_eq!(status(&r), "Nothing to go back to");
    r.update(Action::Forward);
    assert_eq!(status(&r), "Nothing to go forward to");
}

#[test]
fn help_opens_scrolls_and_q_closes_it_while_ctrl_c_quits() {
    let mut r = reader(fixture(), 80, 24);
    press(&mut r, KeyCode::Char('?'));
    assert_eq!(*r.mode(), Mode::Help { scroll: 0 });
    press(&mut r, KeyCode::End);
    let Mode::Help { scroll } = *r.mode() else { panic!("help closed") };
    assert!(scroll > 0 && scroll < 200, "help scroll is clamped: {scroll}");
    press(&mut r, KeyCode::Char('q'));
    assert_eq!(*r.mode(), Mode::Normal, "q closes the help, as in less");
    assert!(!r.quit_requested());
    press(&mut r, KeyCode::Char('\''));
    press(&mut r, KeyCode::Char('m'));
    press(&mut r, KeyCode::Char('2'));
    press(&mut r, KeyCode::Char('m'));
    press(&mut r, KeyCode::Char('\''));
    assert!(matches!(r.mode(), Mode::Bookmarks { .. }));
    press(&mut r, KeyCode::Char('q'));
    assert_eq!(*r.mode(), Mode::Normal, "q closes the bookmarks");
    assert!(!r.quit_requested());
    ctrl(&mut r, 'k');
    ctrl(&mut r, 'c');
    assert!(r.quit_requested(), "Ctrl-c quits from anywhere");
}

#[test]
fn scrolling_text_stops_at_its_ends() {
    let mut r = reader(bundled(), 80, 24);
    step(&mut r, &[Action::ShowSource, Action::Last]);
    let end = scroll(&r);
    assert!(end > 0);
    r.update(Action::Next);
    assert_eq!(scroll(&r), end);
    r.update(Action::PageUp);
    assert!(scroll(&r) < end);
    r.update(Action::First);
    assert_eq!(scroll(&r), 0);
}

#[test]
fn a_reload_keeps_the_selected_entity_by_id_even_when_the_list_changes() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowActors);
    while selected(&r).as_deref() != Some("beta") {
        r.update(Action::Next);
    }
    r.update(Action::Follow);
    // A new actor filed first, on Beta's side, moves Beta down the list.
    let actors = format!(
        "[[actor]]\nid = \"gamma\"\nname = \"Gamma\"\nkind = \"person\"\nside = \"inland-compact\"\nsummary = \"[[beta]]'s colleague.\"\ncites = [2]\n\n{}",
        common::ACTORS
    );
    let new = briefing::content::load(&files_with("actors.toml", &actors)).unwrap();
    r.reload(Ok(new));
    assert_eq!(selected(&r).as_deref(), Some("beta"));
    assert_eq!(focus(&r), Focus::Detail);
    assert_eq!(status(&r), "Reloaded");
}

#[test]
fn a_reload_with_errors_keeps_the_last_good_version_until_fixed() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowPlaces);
    let before = r.session().here();
    let broken = briefing::content::load(&files_with(
        "places.toml",
        &common::PLACES.replace("country =", "contry ="),
    ));
    r.reload(broken);
    assert_eq!(r.session().briefing.title, "Test briefing");
    assert_eq!(r.session().here(), before, "nothing the reader was doing changes");
    assert!(r.session().problems().is_some());
    assert!(screen(&r).contains("Not reloaded: 1 error in the files"));
    r.update(Action::ShowMessages);
    assert_eq!(*r.mode(), Mode::Messages { scroll: 0 });
    assert!(screen(&r).contains("unknown field `contry`"), "{}", screen(&r));
    r.update(Action::Close);
    r.reload(briefing::content::load(&files_with("", "")));
    assert!(r.session().problems().is_none());
    assert_eq!(status(&r), "Reloaded: the problems are fixed");
}

#[test]
fn bookmarks_and_seen_marks_outlive_a_reload_that_briefly_lacks_their_entity() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowActors);
    while selected(&r).as_deref() != Some("beta") {
        r.update(Action::Next);
    }
    step(&mut r, &[Action::Follow, Action::Bookmark]);
    // An editor saves a version without Beta, then the whole file again.
    let without = common::ACTORS.split("[[actor]]\nid = \"beta\"").next().unwrap().to_owned()
        + "[[actor]]\nid = \"state-a\"\nname = \"State A\"\nkind = \"state\"\nside = \"harbour-league\"\nsummary = \"A state.\"\ncites = [1]\n\n[[actor]]\nid = \"institute\"\nname = \"Test Institute\"\nkind = \"organisation\"\nside = \"independents\"\nsummary = \"The publisher.\"\ncites = [1]\n";
    let issues = common::ISSUES.replace("[[beta]]", "Beta");
    let timeline =
        common::TIMELINE.replace("\"alpha\", \"beta\"", "\"alpha\"").replace("[[beta]]", "Beta");
    let briefing_text = common::BRIEFING.replace("[[beta]]", "Beta");
    let mut files = files_with("actors.toml", &without);
    for (name, text) in &mut files.texts {
        match name.as_str() {
            "issues.toml" => *text = issues.as_str().into(),
            "timeline.toml" => *text = timeline.as_str().into(),
            "briefing.toml" => *text = briefing_text.as_str().into(),
            _ => {}
        }
    }
    r.reload(Ok(briefing::content::load(&files).unwrap_or_else(|e| panic!("{}", e.render(false)))));
    assert!(r.session().bookmarks().is_empty());
    r.reload(Ok(fixture()));
    let beta = id(&r, "beta");
    assert_eq!(r.session().bookmarks(), [beta], "the bookmark came back with Beta");
    assert!(r.session().seen().contains(&beta));
}

#[test]
fn slash_searches_the_list_when_the_list_has_focus() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowActors);
    assert_eq!(focus(&r), Focus::List);
    press(&mut r, KeyCode::Char('/'));
    // A capital makes case matter: "nato" alone would find Anatoly first.
    typed(&mut r, "NATO");
    press(&mut r, KeyCode::Enter);
    assert_ne!(status(&r), "No match for “NATO” here");
    assert_eq!(selected(&r).as_deref(), Some("nato"), "the first matching item is selected");
    press(&mut r, KeyCode::Char('n'));
    assert!(status(&r).contains("1/1"), "{}", status(&r));
}

#[test]
fn esc_lets_go_of_the_focused_link_and_its_card_on_prose_panes() {
    for pane in [Action::ShowSummary, Action::ShowSource] {
        let mut r = reader(bundled(), 80, 24);
        step(&mut r, &[pane, Action::NextLink]);
        assert!(link(&r).is_some());
        r.update(Action::Close);
        assert!(link(&r).is_none(), "Esc lets go of the link, and the card goes with it");
    }
}

#[test]
fn below_the_minimum_size_only_quit_and_resize_act() {
    let mut r = reader(bundled(), 20, 6);
    for code in [KeyCode::Char('2'), KeyCode::Char('j'), KeyCode::Char('?'), KeyCode::Esc] {
        press(&mut r, code);
    }
    ctrl(&mut r, 'k');
    assert_eq!(pane(&r), PaneId::Summary);
    assert_eq!(*r.mode(), Mode::Normal);
    assert!(screen(&r).contains("Terminal too small"));
    r.update(Action::Resize { width: 80, height: 24 });
    press(&mut r, KeyCode::Char('2'));
    assert_eq!(pane(&r), PaneId::Actors);
    r.update(Action::Resize { width: 20, height: 6 });
    press(&mut r, KeyCode::Char('q'));
    assert!(r.quit_requested());
}

#[test]
fn the_actor_filter_moves_to_another_actor_and_lifts_on_the_same_one() {
    let mut r = reader(fixture(), 80, 24);
    r.update(Action::ShowActors);
    r.update(Action::FilterByActor);
    assert_eq!(r.session().filter(), Some(id(&r, "alpha")));
    while selected(&r).as_deref() != Some("beta") {
        r.update(Action::Next);
    }
    r.update(Action::FilterByActor);
    assert_eq!(r.session().filter(), Some(id(&r, "beta")), "a on another actor moves the filter");
    assert!(status(&r).contains("1 event,"), "{}", status(&r));
    r.update(Action::FilterByActor);
    assert_eq!(r.session().filter(), None, "a on the same actor lifts it");
}

#[test]
fn a_focused_link_never_carries_over_to_another_item() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowActors);
    // f, F, a, 4: the Timeline must open with nothing focused.
    press(&mut r, KeyCode::Char('f'));
    press(&mut r, KeyCode::Char('F'));
    press(&mut r, KeyCode::Char('a'));
    press(&mut r, KeyCode::Char('4'));
    assert_eq!(pane(&r), PaneId::Timeline);
    assert!(link(&r).is_none(), "{:?}", link(&r));
    // And a link focused on one item is gone when another is selected and back again.
    step(&mut r, &[Action::NextLink, Action::FocusList, Action::Next, Action::Prev]);
    assert!(link(&r).is_none());
}

#[test]
fn a_followed_citation_highlight_goes_when_the_reader_moves_away_or_presses_esc() {
    let open_citation = |r: &mut briefing::app::Shell| {
        open(r, "russia");
        tab_until(r, |t| matches!(t, Target::Paragraph(n) if *n >= 4));
        r.update(Action::Follow);
        assert!(highlight(r).is_some());
    };
    let mut r = reader(bundled(), 80, 24);
    open_citation(&mut r);
    r.update(Action::Close);
    assert!(highlight(&r).is_none(), "Esc");
    let mut r = reader(bundled(), 80, 24);
    open_citation(&mut r);
    r.update(Action::First);
    assert!(highlight(&r).is_none(), "g moves away from it");
    let mut r = reader(bundled(), 80, 24);
    open_citation(&mut r);
    let before = scroll(&r);
    while highlight(&r).is_some() && scroll(&r) > 0 {
        r.update(Action::Prev);
    }
    assert!(highlight(&r).is_none(), "scrolled away");
    assert!(before - scroll(&r) > 3, "it stays while any of it is on screen");
    let mut r = reader(bundled(), 80, 24);
    open_citation(&mut r);
    let memory = r.remember();
    assert!(memory.panes.values().all(|p| p.paragraph.is_none()), "a highlight is not saved");
}

#[test]
fn any_action_ends_the_link_labels_and_then_acts() {
    let mut r = reader(bundled(), 80, 24);
    press(&mut r, KeyCode::Char('f'));
    assert!(matches!(r.mode(), Mode::Hints(_)));
    ctrl(&mut r, 'k');
    assert!(matches!(r.mode(), Mode::Palette(_)), "{:?}", r.mode());
}

#[test]
fn the_trail_names_a_place_once() {
    let mut r = reader(bundled(), 100, 30);
    open(&mut r, "lavrov");
    open(&mut r, "lavrov");
    let screen = screen(&r);
    let trail = screen.lines().nth(1).unwrap();
    assert!(!trail.contains("Sergei Lavrov › Sergei Lavrov"), "{trail}");
}

#[test]
fn a_quote_followed_from_a_detail_marks_the_quoted_words() {
    let mut r = reader(fixture(), 80, 24);
    open(&mut r, "beta");
    let quote = tab_until(&mut r, |t| matches!(t, Target::Quote(..)));
    r.update(Action::Follow);
    assert_eq!(pane(&r), PaneId::Source);
    assert_eq!(highlight(&r), Some(2));
    let terminal = draw(&r);
    let buffer = terminal.backend().buffer();
    let theme = r.theme();
    let marked: String = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .filter(|(x, y)| buffer[(*x, *y)].style().bg == theme.passage.bg)
        .map(|(x, y)| buffer[(x, y)].symbol().to_owned())
        .collect();
    assert_eq!(
        marked, "we seek trust",
        "{quote:?}: the quoted words are marked, not the paragraph"
    );
}

#[test]
fn the_source_counts_who_cites_each_paragraph_and_c_lists_them() {
    let mut r = reader(bundled(), 80, 24);
    let folded = step_and_draw(&mut r, &[Action::ShowSource]);
    assert!(folded.contains("Cited by 4 actors"), "{folded}");
    assert!(folded.contains("c lists them"), "{folded}");
    press(&mut r, KeyCode::Char('c'));
    let unfolded = screen(&r);
    assert!(!unfolded.contains("Cited by 4 actors") && unfolded.contains("Cited by"), "{unfolded}");
}

#[test]
fn a_slip_is_flagged_in_the_source_where_it_stands() {
    let mut r = reader(bundled(), 80, 24);
    let source = step_and_draw(&mut r, &[Action::ShowSource]);
    assert!(source.contains("Preparatory Conference[!]"), "{source}");
}

#[test]
fn copying_an_outside_dated_event_puts_its_basis_in_one_pair_of_brackets() {
    let mut r = reader(bundled(), 80, 24);
    open(&mut r, "epaa-announced");
    r.update(Action::Copy);
    let effects = r.take_effects();
    let Some(briefing::app::Effect::Copy(text)) = effects.first() else { panic!("{effects:?}") };
    assert!(text.starts_with("EPAA announced (Sep 2009, outside source): "), "{text}");
}

/// The fixture with `extra` actors on the topic, each naming it in its summary.
fn crowded(extra: usize) -> briefing::content::Briefing {
    let mut actors = common::ACTORS.to_owned();
    for i in 0..extra {
        actors.push_str(&format!(
            "\n[[actor]]\nid = \"crowd-{i}\"\nname = \"Crowd {i:02}\"\nkind = \"person\"\nissues = [\"topic\"]\nsummary = \"One of many on [[topic]].\"\ncites = [1]\n"
        ));
    }
    briefing::content::load(&files_with("actors.toml", &actors))
        .unwrap_or_else(|r| panic!("{}", r.render(false)))
}

#[test]
fn a_long_list_of_backlinks_shows_its_start_and_the_rest_in_a_box() {
    let mut r = reader(crowded(60), 120, 40);
    open(&mut r, "topic");
    let page = screen(&r);
    assert!(page.contains("Crowd 00"), "{page}");
    assert!(!page.contains("Crowd 59"), "only the start of the list is on the page: {page}");
    let more = tab_until(&mut r, |t| matches!(t, Target::More(_)));
    assert!(page.contains("more actors…"), "{page}");
    r.update(Action::Follow);
    assert_eq!(r.mode().keys(), briefing::app::KeyMode::Picker, "the link opens a box");
    let boxed = screen(&r);
    assert!(boxed.contains("62 items"), "every actor is counted: {boxed}");
    r.update(Action::Last);
    assert!(screen(&r).contains("Crowd 59"), "the last is reachable: {}", screen(&r));
    r.update(Action::Follow);
    assert_eq!(selected(&r).as_deref(), Some("crowd-59"));
    assert_eq!(*r.mode(), Mode::Normal);
    r.update(Action::Back);
    assert_eq!(selected(&r).as_deref(), Some("topic"), "back returns from the box's choice");
    assert_eq!(link(&r), Some(more), "with the link to the rest still focused");
}

#[test]
fn a_list_a_few_longer_than_the_page_shows_is_shown_whole() {
    let mut r = reader(crowded(26), 120, 60);
    open(&mut r, "topic");
    let page = screen(&r);
    assert!(page.contains("Crowd 25") && !page.contains("more actors"), "{page}");
}

#[test]
fn a_reload_closes_a_box_of_the_old_version_s_entities_and_answers_the_palette_anew() {
    let mut r = reader(crowded(60), 120, 40);
    open(&mut r, "topic");
    tab_until(&mut r, |t| matches!(t, Target::More(_)));
    r.update(Action::Follow);
    r.reload(Ok(fixture()));
    assert_eq!(*r.mode(), Mode::Normal, "the box named entities the new version lacks");
    screen(&r);
    r.reload(Ok(crowded(60)));
    ctrl(&mut r, 'k');
    typed(&mut r, "Crowd");
    assert!(screen(&r).contains("Crowd 1"));
    r.reload(Ok(fixture()));
    let after = screen(&r);
    assert!(!after.contains("Crowd 1") && after.contains("no match"), "{after}");
}

#[test]
fn the_palette_answers_a_large_briefing_in_steps_keeping_what_is_chosen() {
    let mut r = reader(crowded(20_000), 100, 30);
    ctrl(&mut r, 'k');
    typed(&mut r, "Crowd 1999");
    assert!(r.busy(), "a keystroke looks at a step's worth of names, not all of them");
    let partial = screen(&r);
    assert!(partial.contains("so far, looking…"), "{partial}");
    r.update(Action::Next);
    let chosen = selected_in_palette(&r);
    let mut ticks = 0;
    while r.busy() {
        r.update(Action::Tick);
        ticks += 1;
    }
    assert!((1..10).contains(&ticks), "{ticks} steps");
    assert_eq!(selected_in_palette(&r), chosen, "the chosen result stays chosen");
    let done = screen(&r);
    assert!(!done.contains("looking") && done.contains("matches"), "{done}");
    typed(&mut r, "9");
    while r.busy() {
        r.update(Action::Tick);
    }
    press(&mut r, KeyCode::Enter);
    assert_eq!(selected(&r).as_deref(), Some("crowd-19999"));
}

/// The name of the palette's chosen result, as drawn.
fn selected_in_palette(r: &briefing::app::Shell) -> String {
    let Mode::Palette(p) = r.mode() else { panic!("no palette") };
    r.session().briefing.entity(p.results[p.selected]).name.to_string()
}

#[test]
fn a_stance_links_the_actor_and_the_issue_both_ways_and_its_quote_to_the_source() {
    let mut r = reader(fixture(), 120, 40);
    open(&mut r, "beta");
    let page = screen(&r);
    assert!(page.contains("Stances") && page.contains("Wary of The topic"), "{page}");
    let topic = id(&r, "topic");
    tab_to(&mut r, &Target::Entity(topic));
    r.update(Action::Follow);
    assert_eq!(selected(&r).as_deref(), Some("topic"));
    let issue = screen(&r);
    assert!(issue.contains("Where the actors stand"), "{issue}");
    let supports = issue.find("Supports").expect("a group per position");
    let wary = issue.find("Wary").expect("a group per position");
    assert!(supports < wary, "for before against:\n{issue}");
    let beta = id(&r, "beta");
    tab_to(&mut r, &Target::Entity(beta));
    r.update(Action::Follow);
    assert_eq!(selected(&r).as_deref(), Some("beta"));
    // The stance's quote opens the source at its paragraph with the words marked.
    let quote = tab_until(&mut r, |t| matches!(t, Target::Quote(e, i) if *e == beta && *i == 1));
    r.update(Action::Follow);
    assert_eq!(pane(&r), PaneId::Source);
    assert_eq!(highlight(&r), Some(2), "{quote:?} opens ¶2");
}
