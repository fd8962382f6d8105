//! The pictures: the Timeline on a date axis, Places on a map, the Actors' stances in a
//! matrix. Driven through actions and keys as a reader drives them, observed through what is
//! drawn; snapshots of each at two sizes, with colour and without; the styles that carry the
//! selection asserted on the cells.

mod common;

use briefing::app::{Action, Focus, PaneId, Shell};
use briefing::content;
use briefing::theme::Builtin;
use common::*;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Style};

fn themed(builtin: Builtin, width: u16, height: u16) -> Shell {
    Shell::builder(bundled()).size(width, height).theme(builtin.theme()).build()
}

/// A reader showing a pane's picture.
fn showing(pane: Action, width: u16, height: u16) -> Shell {
    let mut r = reader(bundled(), width, height);
    step(&mut r, &[pane, Action::TogglePicture]);
    assert!(shows_picture(&r));
    r
}

/// Selects an entity in the list, and comes back to the picture.
fn select(r: &mut Shell, entity: &str) {
    r.update(Action::TogglePicture);
    r.update(Action::First);
    select_in_list(r, entity);
    r.update(Action::TogglePicture);
}

fn is(r: &Shell, x: u16, y: u16, style: Style) -> bool {
    let terminal = draw(r);
    let cell = &terminal.backend().buffer()[(x, y)];
    style.fg.is_none_or(|fg| cell.fg == fg)
        && style.bg.is_none_or(|bg| cell.bg == bg)
        && cell.modifier.contains(style.add_modifier)
}

// ---- One key from its pane, and back

#[test]
fn v_shows_each_panes_picture_and_v_again_the_list() {
    for (pane, title) in [
        (Action::ShowTimeline, "Timeline · axis"),
        (Action::ShowPlaces, "Places · map"),
        (Action::ShowActors, "Actors · stances"),
    ] {
        let mut r = reader(bundled(), 80, 24);
        r.update(pane);
        assert!(!screen(&r).contains(title));
        let keys_before = screen(&r);
        press(&mut r, KeyCode::Char('v'));
        assert!(screen(&r).contains(title), "{title}:\n{}", screen(&r));
        press(&mut r, KeyCode::Char('v'));
        assert!(!shows_picture(&r));
        assert_eq!(screen(&r), keys_before, "the list comes back as it was");
    }
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowGlossary);
    press(&mut r, KeyCode::Char('v'));
    assert!(status(&r).contains("No picture here"), "{}", status(&r));
}

#[test]
fn esc_returns_from_a_picture_to_the_list() {
    let mut r = showing(Action::ShowPlaces, 80, 24);
    press(&mut r, KeyCode::Esc);
    assert!(!shows_picture(&r));
    assert_eq!(pane(&r), PaneId::Places);
}

#[test]
fn the_picture_and_the_list_share_one_selection() {
    let mut r = reader(bundled(), 80, 24);
    step(&mut r, &[Action::ShowTimeline, Action::Next, Action::Next, Action::Next]);
    let in_list = selected(&r);
    r.update(Action::TogglePicture);
    assert_eq!(selected(&r), in_list, "the axis selects what the list did");
    assert!(screen(&r).contains("Hagel announces missile defense changes"));
    press(&mut r, KeyCode::Char('l'));
    let on_axis = selected(&r);
    assert_ne!(on_axis, in_list);
    press(&mut r, KeyCode::Char('v'));
    assert_eq!(selected(&r), on_axis, "the list selects what the axis did");
    assert_eq!(position(&r), 4);
}

// ---- The timeline's axis

#[test]
fn the_axis_first_fits_the_articles_weeks_and_zero_then_shows_every_event() {
    let mut r = reader(bundled(), 80, 24);
    step(&mut r, &[Action::ShowTimeline]);
    select_in_list(&mut r, "hagel-announcement");
    r.update(Action::TogglePicture);
    let s = screen(&r);
    assert!(s.contains("12 Mar 2013 – 23 May 2013"), "{s}");
    assert!(s.contains("◂ 1 earlier ── United States"), "EPAA is off to the left:\n{s}");
    assert!(!s.contains("EPAA announced"));
    r.update(Action::ZoomFit);
    let s = screen(&r);
    assert!(s.contains("EPAA announced") && s.contains("New START signed"), "{s}");
    assert!(status(&r).starts_with("Every event"), "{}", status(&r));
    r.update(Action::ZoomFit);
    assert!(screen(&r).contains("12 Mar 2013 – 23 May 2013"));
}

fn select_in_list(r: &mut Shell, entity: &str) {
    for _ in 0..50 {
        if selected(r).as_deref() == Some(entity) {
            return;
        }
        r.update(Action::Next);
    }
    panic!("{entity} is not in the list");
}

#[test]
fn an_outside_event_selected_in_the_list_is_shown_on_the_whole_timeline() {
    // The list starts on EPAA (2009), which the article's weeks do not hold.
    let r = showing(Action::ShowTimeline, 80, 24);
    assert_eq!(selected(&r).as_deref(), Some("epaa-announced"));
    let s = screen(&r);
    assert!(s.contains("2009") && s.contains("2013"), "{s}");
    assert!(s.contains("◇╌ EPAA announced"), "{s}");
}

#[test]
fn each_precision_is_drawn_as_ink_over_exactly_its_days() {
    let mut r = reader(bundled(), 120, 40);
    r.update(Action::ShowTimeline);
    select_in_list(&mut r, "hagel-announcement");
    r.update(Action::TogglePicture);
    let width_of = |r: &mut Shell, id: &str| {
        select(r, id);
        let layout = axis_layout(r).unwrap();
        let mark = layout.marks.iter().find(|m| m.position == position(r)).unwrap().clone();
        (mark.x1 - mark.x0, layout.days)
    };
    let (day, (first, last)) = width_of(&mut r, "new-start-presentation");
    let columns_per_day = 118.0 / (last - first + 1) as f64;
    assert_eq!(day, 1, "a day is a point");
    let (week, _) = width_of(&mut r, "russian-prepcom-statement");
    let (range, _) = width_of(&mut r, "prepcom-2013");
    let (mid_may, _) = width_of(&mut r, "moscow-follow-up");
    for (what, columns, days) in
        [("week", week, 7.0), ("range", range, 12.0), ("mid-May", mid_may, 10.0)]
    {
        let expected = days * columns_per_day;
        assert!(
            (f64::from(columns) - expected).abs() <= 2.0,
            "{what}: {columns} columns for {days} days at {columns_per_day:.2} a day"
        );
    }
    let s = screen(&r);
    assert!(s.contains("◇━━━"), "the PrepCom is a bar:\n{s}");
    assert!(s.contains("╌╌○╌╌"), "mid-May is a span with its head in the middle:\n{s}");
}

#[test]
fn h_and_l_move_in_date_order_and_the_axis_follows() {
    let mut r = showing(Action::ShowTimeline, 80, 24);
    let mut order = vec![position(&r)];
    for _ in 0..11 {
        press(&mut r, KeyCode::Char('l'));
        order.push(position(&r));
        let layout = axis_layout(&r).unwrap();
        assert!(
            layout.marks.iter().any(|m| m.position == position(&r)),
            "the selection {} is in view",
            position(&r)
        );
    }
    assert_eq!(order, (0..12).collect::<Vec<_>>());
    press(&mut r, KeyCode::Char('l'));
    assert_eq!(status(&r), "This is the last event");
    press(&mut r, KeyCode::Char('h'));
    assert_eq!(position(&r), 10);
}

#[test]
fn j_and_k_move_to_the_event_below_and_above() {
    let mut r = reader(bundled(), 120, 40);
    r.update(Action::ShowTimeline);
    select_in_list(&mut r, "prepcom-2013");
    r.update(Action::TogglePicture);
    let y = |r: &Shell| {
        axis_layout(r).unwrap().marks.iter().find(|m| m.position == position(r)).unwrap().y
    };
    let before = y(&r);
    press(&mut r, KeyCode::Char('j'));
    assert!(y(&r) > before, "j goes down");
    assert_eq!(selected(&r).as_deref(), Some("russian-prepcom-statement"));
    press(&mut r, KeyCode::Char('k'));
    assert_eq!(selected(&r).as_deref(), Some("prepcom-2013"));
}

#[test]
fn zoom_keeps_the_selection_where_it_is_and_zooming_out_reaches_the_outside_events() {
    let mut r = reader(bundled(), 120, 40);
    r.update(Action::ShowTimeline);
    select_in_list(&mut r, "nrc-foreign-ministers");
    r.update(Action::TogglePicture);
    let head = |r: &Shell| {
        let layout = axis_layout(r).unwrap();
        layout.marks.iter().find(|m| m.position == position(r)).and_then(|m| m.head).unwrap()
    };
    let before = head(&r);
    press(&mut r, KeyCode::Char('+'));
    assert!(head(&r).abs_diff(before) <= 1, "zoom in around the selection");
    press(&mut r, KeyCode::Char('-'));
    press(&mut r, KeyCode::Char('-'));
    assert!(head(&r).abs_diff(before) <= 1, "zoom out around the selection");
    for _ in 0..6 {
        press(&mut r, KeyCode::Char('-'));
    }
    let s = screen(&r);
    assert!(s.contains("EPAA announced") || s.contains("EPAA"), "{s}");
}

#[test]
fn panning_moves_the_days_and_a_step_brings_the_selection_back() {
    let mut r = showing(Action::ShowTimeline, 80, 24);
    r.update(Action::ZoomFit);
    let days = axis_layout(&r).unwrap().days;
    press(&mut r, KeyCode::Right);
    let later = axis_layout(&r).unwrap().days;
    assert!(later.0 > days.0 && later.1 > days.1);
    press(&mut r, KeyCode::Left);
    press(&mut r, KeyCode::Left);
    assert!(axis_layout(&r).unwrap().days.0 < days.0);
}

#[test]
fn a_letter_stands_for_a_label_that_does_not_fit_and_typing_it_selects() {
    let mut r = showing(Action::ShowTimeline, 80, 24);
    r.update(Action::ZoomFit);
    let layout = axis_layout(&r).unwrap();
    let mark = layout.marks.iter().find(|m| m.letter.is_some()).expect("a letter at 80x24");
    let (_, letter) = mark.letter.unwrap();
    let wanted = mark.position;
    let s = screen(&r);
    assert!(s.contains(&format!("{letter} BASIC follow-up")), "the letter's legend:\n{s}");
    press(&mut r, KeyCode::Char(letter));
    assert_eq!(position(&r), wanted);
    // A letter that labels nothing says so, and a key's letter keeps its key.
    let unused = r.session().letters().iter().rev().copied().find(|c| *c != letter).unwrap();
    press(&mut r, KeyCode::Char(unused));
    assert!(status(&r).contains("No event is labelled"), "{}", status(&r));
}

#[test]
fn a_click_on_an_event_selects_it() {
    let mut r = showing(Action::ShowTimeline, 120, 40);
    r.update(Action::ZoomFit);
    let (x, y) = find_on_screen(&r, "Antonov–Miller meeting").unwrap();
    r.update(Action::Click { column: x + 2, row: y });
    assert_eq!(selected(&r).as_deref(), Some("antonov-miller-meeting"));
    assert!(shows_picture(&r));
}

#[test]
fn enter_opens_the_event_and_back_returns_to_the_same_zoom_and_selection() {
    let mut r = showing(Action::ShowTimeline, 80, 24);
    step(&mut r, &[Action::ZoomFit, Action::StepRight, Action::StepRight, Action::ZoomIn]);
    let before = r.session().here();
    let view = picture(&r);
    press(&mut r, KeyCode::Enter);
    assert!(!shows_picture(&r));
    assert_eq!(focus(&r), Focus::Detail);
    assert_eq!(selected(&r), before.entity.map(|e| r.session().briefing.entity(e).id.to_string()));
    assert!(screen(&r).contains("Event"), "the event's page");
    press(&mut r, KeyCode::Backspace);
    assert!(shows_picture(&r));
    assert_eq!(picture(&r), view, "the same zoom and pan");
    assert_eq!(r.session().here(), before);
}

#[test]
fn the_actor_filter_narrows_the_axis_and_esc_lifts_it() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowActors);
    select_in_list(&mut r, "basic");
    step(&mut r, &[Action::FilterByActor, Action::ShowTimeline, Action::TogglePicture]);
    let s = screen(&r);
    assert!(s.contains("Timeline · axis · BASIC"), "{s}");
    let layout = axis_layout(&r).unwrap();
    assert_eq!(layout.headings.len(), 1, "BASIC's events are all in its own lane");
    press(&mut r, KeyCode::Esc);
    assert!(r.session().filter().is_none());
    assert!(shows_picture(&r), "Esc lifts the filter before leaving the picture");
}

// ---- The map

#[test]
fn the_map_fits_europe_and_points_to_the_places_beyond_it() {
    let r = showing(Action::ShowPlaces, 120, 40);
    let s = screen(&r);
    for name in ["Brussels", "Moscow", "Prague", "Deveselu", "Redzikowo"] {
        assert!(s.contains(name), "{name}:\n{s}");
    }
    assert!(s.contains("← Fort Greely, Alaska") && s.contains("← Washington"), "{s}");
    let layout = map_layout(&r).unwrap();
    let visible = layout.projection.visible();
    assert!(visible.lon_min > -30.0 && visible.lon_max < 70.0, "{visible:?}");
    assert!(layout.km_across > 2000.0 && layout.km_across < 6000.0, "{}", layout.km_across);
}

#[test]
fn a_click_selects_the_place_drawn_under_the_pointer() {
    let mut r = showing(Action::ShowPlaces, 100, 30);
    let layout = map_layout(&r).unwrap();
    let brussels = id(&r, "brussels");
    let marker = layout.markers.iter().find(|m| m.id == brussels).unwrap();
    // The cell the projection gives for Brussels' coordinates is where its marker is drawn.
    let cell = layout.projection.cell_of(4.35, 50.85).unwrap();
    let canvas = layout.geometry.canvas;
    assert_eq!((marker.x, marker.y), (canvas.x + cell.0, canvas.y + cell.1));
    r.update(Action::Click { column: marker.x, row: marker.y });
    assert_eq!(selected(&r).as_deref(), Some("brussels"));
    let terminal = draw(&r);
    assert_eq!(terminal.backend().buffer()[(marker.x, marker.y)].symbol(), "◉");
}

#[test]
fn selecting_a_far_place_pans_to_it_and_zero_fits_europe_again() {
    let mut r = showing(Action::ShowPlaces, 100, 30);
    let (x, y) = find_on_screen(&r, "← Fort Greely").unwrap();
    r.update(Action::Click { column: x, row: y });
    assert_eq!(selected(&r).as_deref(), Some("fort-greely"));
    let s = screen(&r);
    assert!(s.contains("◉ Fort Greely, Alaska"), "the map went to Alaska:\n{s}");
    assert!(s.contains("Moscow →"), "Europe is now off to the east:\n{s}");
    press(&mut r, KeyCode::Char('0'));
    let s = screen(&r);
    assert!(s.contains("Brussels") && s.contains("← Fort Greely"), "{s}");
}

#[test]
fn h_j_k_l_select_the_nearest_place_that_way_and_arrows_pan() {
    let mut r = showing(Action::ShowPlaces, 100, 30);
    select(&mut r, "brussels");
    press(&mut r, KeyCode::Char('l'));
    assert_eq!(selected(&r).as_deref(), Some("prague"), "east of Brussels");
    press(&mut r, KeyCode::Char('j'));
    let south = selected(&r);
    assert!(matches!(south.as_deref(), Some("deveselu" | "geneva")), "{south:?}");
    let before = map_layout(&r).unwrap().projection.visible();
    press(&mut r, KeyCode::Left);
    let after = map_layout(&r).unwrap().projection.visible();
    assert!(after.lon_min < before.lon_min, "Left pans west");
    press(&mut r, KeyCode::Char('+'));
    let zoomed = map_layout(&r).unwrap();
    assert!(zoomed.km_across < map_layout_km(&before), "+ zooms in");
}

fn map_layout_km(v: &briefing::geo::Viewport) -> f64 {
    (v.lon_max - v.lon_min) * 111.2 * ((v.lat_min + v.lat_max) / 2.0).to_radians().cos()
}

#[test]
fn places_without_coordinates_are_listed_as_not_on_the_map() {
    let places = format!(
        "{PLACES}\n[[place]]\nid = \"nowhere\"\nname = \"Somewhere Unsaid\"\nsummary = \"No coordinates.\"\ncites = [1]\n"
    );
    let briefing = content::load(&files_with("places.toml", &places)).unwrap();
    let mut r = reader(briefing, 80, 24);
    step(&mut r, &[Action::ShowPlaces, Action::TogglePicture]);
    let s = screen(&r);
    assert!(s.contains("not on the map: Somewhere Unsaid"), "{s}");
    r.update(Action::Last);
    assert!(screen(&r).contains("the briefing gives no coordinates"));
}

#[test]
fn places_at_one_spot_share_a_marker_and_clicks_go_through_them() {
    let places = format!(
        "{PLACES}\n[[place]]\nid = \"twin\"\nname = \"Twin City\"\nlocation = {{ lat = 50.85, lon = 4.35 }}\nsummary = \"Same spot.\"\ncites = [1]\n"
    );
    let briefing = content::load(&files_with("places.toml", &places)).unwrap();
    let mut r = reader(briefing, 80, 24);
    step(&mut r, &[Action::ShowPlaces, Action::TogglePicture]);
    assert!(screen(&r).contains("City +1"), "{}", screen(&r));
    let layout = map_layout(&r).unwrap();
    let m = &layout.markers[0];
    r.update(Action::Click { column: m.x, row: m.y });
    assert_eq!(selected(&r).as_deref(), Some("twin"));
    r.update(Action::Click { column: m.x, row: m.y });
    assert_eq!(selected(&r).as_deref(), Some("city"));
}

// ---- The stance matrix

#[test]
fn the_matrix_groups_actors_by_side_with_alike_stances_together() {
    let r = showing(Action::ShowActors, 80, 24);
    let s = screen(&r);
    let row = |name: &str| {
        s.lines().position(|l| l.contains(name)).unwrap_or_else(|| panic!("{name}\n{s}"))
    };
    assert!(
        row("── United States") < row("United States  ")
            && row("United States  ") < row("── Russia")
    );
    assert!(row("Sergei Lavrov") < row("Anatoly Antonov"), "wary before unclear");
    assert!(row("Russia  ") < row("Anatoly Antonov"));
    assert!(s.contains("▲ supports*"), "the United States supports, inferred:\n{s}");
    assert!(s.contains("▽ wary"), "{s}");
    assert!(row("Chuck Hagel") > row("James N. Miller"), "no stance comes last in its side");
}

#[test]
fn the_status_line_says_the_actor_the_issue_the_position_and_its_line() {
    let mut r = showing(Action::ShowActors, 120, 40);
    select_row(&mut r, "lavrov");
    let s = status(&r);
    assert!(s.is_empty(), "no message: {s}");
    let line = screen(&r).lines().last().unwrap().to_owned();
    assert!(line.contains("Sergei Lavrov · Missile defense: wary (stated)"), "{line}");
    press(&mut r, KeyCode::Char('l'));
    let line = screen(&r).lines().last().unwrap().to_owned();
    assert!(line.contains("the briefing records no stance"), "{line}");
}

fn select_row(r: &mut Shell, actor: &str) {
    r.update(Action::First);
    for _ in 0..30 {
        if selected(r).as_deref() == Some(actor) {
            return;
        }
        r.update(Action::Next);
    }
    panic!("no row for {actor}");
}

#[test]
fn enter_on_a_stance_opens_its_quote_and_back_returns_to_the_cell() {
    let mut r = showing(Action::ShowActors, 80, 24);
    select_row(&mut r, "lavrov");
    assert_eq!(matrix_issue(&r).as_deref(), Some("missile-defense"));
    let before = r.session().here();
    press(&mut r, KeyCode::Enter);
    assert_eq!(pane(&r), PaneId::Source);
    assert_eq!(highlight(&r), Some(2), "the quote's paragraph");
    press(&mut r, KeyCode::Backspace);
    assert_eq!(r.session().here(), before);
    assert!(shows_picture(&r));
}

#[test]
fn enter_on_a_stance_without_a_quote_opens_its_first_cited_paragraph() {
    let mut r = showing(Action::ShowActors, 80, 24);
    select_row(&mut r, "united-states");
    press(&mut r, KeyCode::Enter);
    assert_eq!(pane(&r), PaneId::Source);
    let cited = r.session().briefing.stances(id(&r, "united-states"))[0].cites[0];
    assert_eq!(highlight(&r), Some(cited));
}

#[test]
fn o_orders_the_issues_by_how_divided_the_actors_are() {
    // The first issue has two who agree, the second two who disagree.
    let actors = ACTORS.replace("position = \"wary\"", "position = \"supports\"").replace(
        "[[actor]]\nid = \"state-a\"",
        "[[actor]]\nid = \"zz\"\nname = \"Zed\"\nkind = \"person\"\nsummary = \"Z.\"\ncites = [1]\n\n[[actor.stance]]\nissue = \"other-topic\"\nposition = \"opposes\"\nline = \"No.\"\ncites = [1]\nbasis = \"stated\"\n\n[[actor]]\nid = \"state-a\"",
    ) + "\n[[actor.stance]]\nissue = \"other-topic\"\nposition = \"supports\"\nline = \"Yes.\"\ncites = [1]\nbasis = \"stated\"\n";
    let briefing = content::load(&files_with("actors.toml", &actors))
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    let mut r = reader(briefing, 80, 24);
    step(&mut r, &[Action::ShowActors, Action::TogglePicture]);
    let header = |r: &Shell| screen(r).lines().nth(3).unwrap().to_owned();
    let plain = header(&r);
    assert!(plain.find("The topic").unwrap() < plain.find("Another topic").unwrap(), "{plain}");
    press(&mut r, KeyCode::Char('o'));
    let divided = header(&r);
    assert!(
        divided.find("Another topic").unwrap() < divided.find("The topic").unwrap(),
        "{divided}"
    );
    assert!(screen(&r).contains("100% split"), "{}", screen(&r));
    assert!(status(&r).contains("most divided first"));
}

#[test]
fn the_matrix_row_is_the_actors_list_selection() {
    let mut r = reader(bundled(), 80, 24);
    r.update(Action::ShowActors);
    select_in_list(&mut r, "antonov");
    r.update(Action::TogglePicture);
    assert_eq!(selected(&r).as_deref(), Some("antonov"));
    assert!(screen(&r).contains("▸ Anatoly Antonov"));
    press(&mut r, KeyCode::Char('k'));
    let above = selected(&r);
    press(&mut r, KeyCode::Char('v'));
    assert_eq!(selected(&r), above, "the list follows the matrix");
}

#[test]
fn a_click_on_a_cell_moves_the_cursor_there() {
    let mut r = showing(Action::ShowActors, 120, 40);
    let (x, y) = find_on_screen(&r, "Rose Gottemoeller").unwrap();
    let (cx, _) = find_on_screen(&r, "Transparency").unwrap();
    r.update(Action::Click { column: cx + 1, row: y });
    assert_eq!(selected(&r).as_deref(), Some("gottemoeller"));
    assert_eq!(matrix_issue(&r).as_deref(), Some("transparency-cbm"));
    let _ = x;
}

// ---- Any size

#[test]
fn each_picture_says_plainly_when_there_is_not_room() {
    for pane in [Action::ShowTimeline, Action::ShowPlaces, Action::ShowActors] {
        let mut r = showing(pane, 80, 24);
        r.update(Action::Resize { width: 40, height: 10 });
        let s = screen(&r);
        assert!(s.contains("Not enough room for"), "{s}");
        for action in [Action::StepRight, Action::ZoomIn, Action::Next, Action::Follow] {
            r.update(action);
        }
        r.update(Action::Resize { width: 80, height: 24 });
        assert!(!screen(&r).contains("Not enough room"));
    }
}

#[test]
fn every_picture_draws_at_every_size_from_the_smallest_to_the_largest() {
    for pane in [Action::ShowTimeline, Action::ShowPlaces, Action::ShowActors] {
        let mut r = showing(pane, 80, 24);
        for (w, h) in
            [(1, 1), (40, 10), (41, 12), (60, 15), (80, 24), (133, 41), (250, 70), (300, 100)]
        {
            r.update(Action::Resize { width: w, height: h });
            for action in [Action::StepRight, Action::ZoomOut, Action::Next, Action::PanLeft] {
                r.update(action);
                draw(&r);
            }
        }
    }
}

// ---- Snapshots, and the styles that carry meaning

#[test]
fn snapshots_of_each_picture_at_80x24_and_120x40_with_colour_and_without() {
    for (builtin, suffix) in [(Builtin::Dark, ""), (Builtin::Mono, "_mono")] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut r = themed(builtin, w, h);
            step(&mut r, &[Action::ShowTimeline]);
            select_in_list(&mut r, "hagel-announcement");
            r.update(Action::TogglePicture);
            insta::assert_snapshot!(format!("axis_{w}x{h}{suffix}"), screen(&r));

            let mut r = themed(builtin, w, h);
            step(&mut r, &[Action::ShowPlaces, Action::TogglePicture]);
            insta::assert_snapshot!(format!("map_{w}x{h}{suffix}"), screen(&r));

            let mut r = themed(builtin, w, h);
            step(&mut r, &[Action::ShowActors, Action::TogglePicture]);
            select_row(&mut r, "lavrov");
            insta::assert_snapshot!(format!("matrix_{w}x{h}{suffix}"), screen(&r));
        }
    }
}

#[test]
fn every_theme_marks_the_selected_event_place_and_cell() {
    for builtin in [Builtin::Dark, Builtin::Light, Builtin::HighContrast, Builtin::Mono] {
        let name = builtin.name();
        let mut r = themed(builtin, 120, 40);
        step(&mut r, &[Action::ShowTimeline]);
        select_in_list(&mut r, "prepcom-2013");
        r.update(Action::TogglePicture);
        let layout = axis_layout(&r).unwrap();
        let mark = layout.marks.iter().find(|m| m.position == position(&r)).unwrap();
        let selected = r.theme().selected;
        assert!(is(&r, mark.head.unwrap(), mark.y, selected), "{name}: the event's head");
        assert!(is(&r, mark.x1 - 1, mark.y, selected), "{name}: the event's bar");
        let other = layout.marks.iter().find(|m| m.position != position(&r)).unwrap();
        assert!(!is(&r, other.head.unwrap(), other.y, selected), "{name}: another event");

        let mut r = themed(builtin, 120, 40);
        step(&mut r, &[Action::ShowPlaces, Action::TogglePicture]);
        let layout = map_layout(&r).unwrap();
        let marker = layout.markers.iter().find(|m| m.selected).unwrap();
        assert!(is(&r, marker.x, marker.y, selected), "{name}: the selected place");
        let (lx, _) = marker.label.clone().unwrap();
        assert!(is(&r, lx, marker.y, selected), "{name}: its label");

        let mut r = themed(builtin, 120, 40);
        step(&mut r, &[Action::ShowActors, Action::TogglePicture]);
        select_row(&mut r, "lavrov");
        let (x, y) = find_on_screen(&r, "▽ wary").unwrap();
        assert!(is(&r, x, y, selected), "{name}: the cursor's cell");
        let (x, y) = find_on_screen(&r, "▲ supports").unwrap();
        assert!(is(&r, x, y, r.theme().supports), "{name}: a position's style");
        assert!(!is(&r, x, y, selected), "{name}: not the cursor");
    }
    // With colour, positions differ by colour as well as glyph.
    let r = themed(Builtin::Dark, 80, 24);
    assert_ne!(r.theme().supports.fg, r.theme().opposes.fg);
    assert_eq!(r.theme().supports.fg, Some(Color::LightGreen));
}

// ---- The real binary in a pseudo-terminal

#[path = "common/pty.rs"]
mod pty;

/// Waits until the screen no longer shows `what`.
fn wait_gone(s: &pty::Session, what: &str) {
    let start = std::time::Instant::now();
    while s.text().contains(what) && start.elapsed() < pty::WAIT {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!s.text().contains(what), "{what:?} stayed:\n{}", s.text());
}

#[test]
fn each_picture_opens_from_the_real_binary_moves_follows_and_comes_back() {
    let mut s = pty::Session::bundled(100, 30);

    // The Timeline on its axis: fit to the article, step onto Hagel's announcement, open it,
    // and come back to the same view.
    s.press("4", "Timeline");
    s.press("v", "Timeline · axis");
    s.press("0", "The article's weeks");
    s.press("l", "15 Mar 2013 (inferred) · Hagel announces missile defense changes");
    let axis = s.text();
    s.press("\r", "Timeline (axis) › Hagel announces missile defense changes");
    wait_gone(&s, "Timeline · axis");
    s.send("\x7f");
    s.wait_for("Timeline · axis");
    s.wait_for("15 Mar 2013 (inferred) · Hagel");
    assert_eq!(s.text().lines().nth(3), axis.lines().nth(3), "the same lanes, zoom and pan");

    // Places on the map: Geneva first; east of it, another place; open it and come back.
    s.press("5", "Places");
    s.press("v", "Places · map");
    s.wait_for("◉ Geneva");
    s.send("l");
    wait_gone(&s, "◉ Geneva");
    s.press("\r", "Places (map) ›");
    s.send("\x7f");
    s.wait_for("Places · map");

    // The stance matrix: down to Sergei Lavrov, whose stance's quote opens in the source.
    s.press("2", "Actors");
    s.press("v", "Actors · stances");
    for _ in 0..10 {
        if s.status_line().contains("Sergei Lavrov · Missile defense") {
            break;
        }
        s.send("j");
        std::thread::sleep(std::time::Duration::from_millis(80));
    }
    s.wait_for("Sergei Lavrov · Missile defense: wary (stated)");
    s.press("\r", "Source ¶2");
    s.send("\x7f");
    s.wait_for("Actors · stances");
    s.wait_for("Sergei Lavrov · Missile defense: wary");
    s.press("v", "Anatoly Antonov");
    wait_gone(&s, "Actors · stances");
    s.quit_and_check_restored("q");
}

#[test]
fn a_letter_on_the_matrix_which_labels_nothing_says_it_does_nothing() {
    let mut r = showing(Action::ShowActors, 80, 24);
    press(&mut r, KeyCode::Char('b'));
    assert!(status(&r).contains("b does nothing here"), "{}", status(&r));
}

#[test]
fn a_reload_keeps_the_picture_its_view_and_its_selection() {
    let mut r = showing(Action::ShowTimeline, 80, 24);
    step(&mut r, &[Action::ZoomFit, Action::StepRight, Action::StepRight]);
    let (chosen, view) = (selected(&r), picture(&r));
    r.reload(Ok(bundled()));
    assert!(shows_picture(&r));
    assert_eq!(selected(&r), chosen);
    assert_eq!(picture(&r), view);
    assert!(screen(&r).contains("Timeline · axis"));
}

#[path = "../benches/generate.rs"]
mod generate;

#[test]
fn many_issues_scroll_across_with_the_actors_names_fixed() {
    let briefing = content::load(&generate::generated(30)).unwrap();
    let mut r = reader(briefing, 80, 24);
    step(&mut r, &[Action::ShowActors, Action::TogglePicture]);
    let s = screen(&r);
    assert!(s.contains("more ▸"), "{s}");
    let name_column =
        |s: &str| s.lines().find(|l| l.contains("Actor 0")).map(|l| l.find("Actor 0"));
    let before = name_column(&s);
    for _ in 0..20 {
        r.update(Action::StepRight);
    }
    let s = screen(&r);
    assert!(s.contains("◂ ") && s.contains("more"), "{s}");
    assert_eq!(name_column(&s), before, "the names stay put:\n{s}");
    assert!(matrix_issue(&r).is_some());
}

#[test]
fn a_large_briefing_draws_every_picture_at_every_size() {
    let briefing = content::load(&generate::generated(200)).unwrap();
    for pane in [Action::ShowTimeline, Action::ShowPlaces, Action::ShowActors] {
        let mut r = reader(briefing.clone(), 80, 24);
        step(&mut r, &[pane, Action::TogglePicture]);
        for (w, h) in [(80, 24), (120, 40), (250, 70), (40, 10)] {
            r.update(Action::Resize { width: w, height: h });
            for action in [Action::ZoomFit, Action::ZoomOut, Action::StepRight, Action::Next] {
                r.update(action);
                draw(&r);
            }
        }
    }
}

#[test]
fn the_next_run_opens_the_picture_that_was_shown_fitted_on_the_same_selection() {
    let mut r = showing(Action::ShowTimeline, 80, 24);
    step(&mut r, &[Action::ZoomFit, Action::StepRight, Action::ZoomIn]);
    let chosen = selected(&r);
    let json = serde_json::to_string(&r.remember()).unwrap();
    assert!(json.contains("\"picture\":true"), "{json}");
    let mut again = reader(bundled(), 80, 24);
    again.recall(&serde_json::from_str(&json).unwrap());
    assert_eq!(pane(&again), PaneId::Timeline);
    assert!(shows_picture(&again));
    assert_eq!(selected(&again), chosen);
    assert!(screen(&again).contains("Timeline · axis"));
    // A list that was shown as a list stays one, and older files without the field load.
    let old = json.replace(",\"picture\":true", "");
    let mut again = reader(bundled(), 80, 24);
    again.recall(&serde_json::from_str(&old).unwrap());
    assert!(!shows_picture(&again));
}
