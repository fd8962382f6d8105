//! Rendered screens: every pane at 80x24 and 120x40, narrow and too-small terminals, the help
//! overlay, and the styles a reader relies on (focused link, selection, highlight).

mod common;

use briefing::app::{Action, App, Column, Tab};
use briefing::document::Target;
use briefing::ui;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal
}

fn at(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = app(bundled(), width, height);
    for action in actions {
        app.update(*action);
    }
    app
}

const PANES: [(Action, &str); 7] = [
    (Action::ShowSummary, "summary"),
    (Action::ShowActors, "actors"),
    (Action::ShowIssues, "issues"),
    (Action::ShowTimeline, "timeline"),
    (Action::ShowPlaces, "places"),
    (Action::ShowGlossary, "glossary"),
    (Action::ShowSource, "source"),
];

#[test]
fn every_pane_at_80x24() {
    for (action, name) in PANES {
        let app = at(80, 24, &[action]);
        insta::assert_snapshot!(format!("{name}_80x24"), render(&app).backend());
    }
}

#[test]
fn every_pane_at_120x40() {
    for (action, name) in PANES {
        let app = at(120, 40, &[action]);
        insta::assert_snapshot!(format!("{name}_120x40"), render(&app).backend());
    }
}

#[test]
fn actors_in_a_narrow_terminal_stack_the_list_above_the_detail() {
    let app = at(50, 24, &[Action::ShowActors, Action::Next]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn a_terminal_below_the_minimum_gets_one_clear_message() {
    let app = at(36, 8, &[Action::ShowActors]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn the_help_overlay_lists_the_keys() {
    let app = at(80, 24, &[Action::Help]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn a_followed_citation_shows_its_paragraph_highlighted() {
    let mut app = at(80, 24, &[]);
    app.go(Target::Paragraph(3));
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let row = find_row(buffer, "│ ¶3 ").expect("¶3 on screen");
    assert_eq!(buffer[(10, row)].bg, Color::Rgb(58, 52, 20), "the cited paragraph is shaded");
}

#[test]
fn the_focused_link_is_highlighted_and_the_status_says_where_it_leads() {
    let mut app = at(120, 40, &[]);
    app.go(Target::Entity(app.briefing.lookup("lavrov").unwrap()));
    let missile_defense = app.briefing.lookup("missile-defense").unwrap();
    while app.focused_target() != Some(Target::Entity(missile_defense)) {
        app.update(Action::NextLink);
    }
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let (column, link) = app.view().link.unwrap();
    let wrapped = app.wrapped(column).unwrap();
    let spot = wrapped.links[link][0];
    let area = app.text_area(column).unwrap();
    let scroll = if column == Column::Main { app.view().scroll } else { app.view().side_scroll };
    let cell = &buffer[(area.x + spot.x0, area.y + (spot.row - scroll) as u16)];
    assert_eq!(cell.bg, Color::Yellow, "focused link background");
    assert_eq!(cell.fg, Color::Black, "focused link foreground");
    let status = row_text(buffer, buffer.area.height - 1);
    assert!(status.contains("→ issue Missile defense"), "{status}");
    // Other links are underlined in their own colour.
    let other =
        (0..wrapped.links.len()).find(|i| *i != link && !wrapped.links[*i].is_empty()).unwrap();
    let spot = wrapped.links[other][0];
    if spot.row >= scroll && spot.row < scroll + area.height as usize {
        let cell = &buffer[(area.x + spot.x0, area.y + (spot.row - scroll) as u16)];
        assert_eq!(cell.fg, Color::LightBlue);
    }
}

#[test]
fn the_selected_item_is_highlighted_brighter_when_the_list_has_focus() {
    let app = at(80, 24, &[Action::ShowActors, Action::Next]);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let name = app.briefing.entity(app.selected_entity(Tab::Actors).unwrap()).name.clone();
    let row = list_row(buffer, &name).unwrap();
    assert_eq!(buffer[(2, row)].bg, Color::Cyan);

    let app = at(80, 24, &[Action::ShowActors, Action::Next, Action::Follow]);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let row = list_row(buffer, &name).unwrap();
    assert_ne!(buffer[(2, row)].bg, Color::Cyan, "unfocused selection is quieter");
    assert!(buffer[(2, row)].modifier.contains(ratatui::style::Modifier::REVERSED));
}

#[test]
fn the_current_pane_is_marked_in_the_tab_row() {
    let app = at(80, 24, &[Action::ShowTimeline]);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let tabs = row_text(buffer, 0);
    let x = tabs.find("4 Timeline").unwrap() as u16;
    assert_eq!(buffer[(x, 0)].bg, Color::Cyan);
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_owned()).collect()
}

fn find_row(buffer: &Buffer, needle: &str) -> Option<u16> {
    // The body starts below the tab row and the trail, which name the current place too.
    (2..buffer.area.height).find(|y| row_text(buffer, *y).contains(needle))
}

/// The row of the list (the leftmost panel) that shows `name`, after the border and the
/// column that marks seen and bookmarked items.
fn list_row(buffer: &Buffer, name: &str) -> Option<u16> {
    (2..buffer.area.height).find(|y| {
        let row = row_text(buffer, *y);
        row.starts_with('│') && row.chars().skip(2).collect::<String>().starts_with(name)
    })
}

#[test]
fn a_failed_reload_shows_the_banner_over_the_last_good_version() {
    let mut app = at(80, 24, &[Action::ShowActors]);
    let broken = briefing::content::load(&files_with(
        "places.toml",
        &PLACES.replace("country =", "contry ="),
    ));
    app.reload(broken);
    insta::assert_snapshot!("banner", render(&app).backend());
    app.update(Action::ShowProblems);
    insta::assert_snapshot!("problems", render(&app).backend());
}

fn keys(app: &mut App, text: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

#[test]
fn searching_the_text_on_screen_marks_every_match_and_the_current_one() {
    let mut app = at(80, 24, &[Action::ShowSource]);
    keys(&mut app, "/missile defense");
    let terminal = render(&app);
    insta::assert_snapshot!("find_on_screen", terminal.backend());
    let buffer = terminal.backend().buffer();
    let find = app.find.as_ref().unwrap();
    let area = app.text_area(Column::Main).unwrap();
    let (row, x0, _) = find.matches[find.current.unwrap()].spans[0];
    let cell = &buffer[(area.x + x0, area.y + (row - app.view().scroll) as u16)];
    assert_eq!(cell.bg, Color::LightGreen, "the current match");
    let (row, x0, _) = find.matches[find.current.unwrap() + 1].spans[0];
    if row >= app.view().scroll && row < app.view().scroll + area.height as usize {
        let cell = &buffer[(area.x + x0, area.y + (row - app.view().scroll) as u16)];
        assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED), "another match");
    }
}

#[test]
fn the_briefing_search_box() {
    let mut app = at(80, 24, &[Action::Search]);
    keys(&mut app, "moscow");
    insta::assert_snapshot!("search_briefing", render(&app).backend());
}

#[test]
fn the_palette() {
    let mut app = at(80, 24, &[Action::Palette]);
    keys(&mut app, "epaa");
    insta::assert_snapshot!("palette", render(&app).backend());
}

#[test]
fn link_hints_label_the_links_on_screen() {
    let mut app = at(120, 40, &[]);
    app.go(Target::Entity(app.briefing.lookup("lavrov").unwrap()));
    keys(&mut app, "f");
    let terminal = render(&app);
    insta::assert_snapshot!("hints", terminal.backend());
    let hint = &app.hints.as_ref().unwrap().labels[0];
    let w = app.wrapped(hint.column).unwrap();
    let spot = w.links[hint.link][0];
    let area = app.text_area(hint.column).unwrap();
    let cell = &terminal.backend().buffer()[(area.x + spot.x0, area.y + spot.row as u16)];
    assert_eq!(cell.symbol(), hint.label.chars().next().unwrap().to_string());
    assert_eq!(cell.bg, Color::LightMagenta);
}

#[test]
fn a_peek_card_describes_the_focused_link() {
    let mut app = at(80, 24, &[Action::ShowTimeline, Action::Next, Action::Next, Action::Next]);
    app.update(Action::NextLink);
    insta::assert_snapshot!("peek", render(&app).backend());
}

#[test]
fn every_help_line_fits_an_80_column_terminal() {
    let app = at(80, 24, &[]);
    for line in briefing::ui::help::lines(&app.keymap) {
        // The box takes two columns of border and two of padding.
        assert!(line.width() <= 76, "too wide for 80 columns: {line}");
    }
}

#[test]
fn on_a_narrow_row_the_status_indicators_give_way_to_what_is_typed() {
    let mut app = at(50, 20, &[Action::ShowActors]);
    app.mouse = true;
    app.update(Action::Next);
    app.update(Action::FilterByActor);
    app.update(Action::ShowTimeline);
    keys(&mut app, "/meet");
    let terminal = render(&app);
    let status = row_text(terminal.backend().buffer(), 19);
    assert!(status.contains("/meet▏"), "{status}");
    assert!(status.contains("filter · mouse · ? help"), "{status}");
    let wide = render(&at(120, 20, &[])).backend().buffer().clone();
    assert!(row_text(&wide, 19).ends_with("? help "));
}
