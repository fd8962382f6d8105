//! Rendered screens: every pane at several sizes, the boxes, narrow and too-small terminals;
//! and the styles a reader relies on (focused link, selection, search match) asserted on the
//! cells in every theme, with and without colour.

mod common;

use briefing::app::{Action, Column, KeyMode, Mode, Shell};
use briefing::document::Target;
use briefing::theme::Builtin;
use common::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier, Style};
use strum::IntoEnumIterator;
use unicode_width::UnicodeWidthStr;

fn at(width: u16, height: u16, actions: &[Action]) -> Shell {
    let mut r = reader(bundled(), width, height);
    step(&mut r, actions);
    r
}

fn themed(builtin: Builtin, width: u16, height: u16) -> Shell {
    Shell::builder(bundled()).size(width, height).theme(builtin.theme()).build()
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
        insta::assert_snapshot!(format!("{name}_80x24"), screen(&at(80, 24, &[action])));
    }
}

#[test]
fn every_pane_at_120x40() {
    for (action, name) in PANES {
        insta::assert_snapshot!(format!("{name}_120x40"), screen(&at(120, 40, &[action])));
    }
}

#[test]
fn actors_timeline_and_source_at_250x70_and_40x12() {
    for (action, name) in [PANES[1], PANES[3], PANES[6]] {
        insta::assert_snapshot!(format!("{name}_250x70"), screen(&at(250, 70, &[action])));
        insta::assert_snapshot!(format!("{name}_40x12"), screen(&at(40, 12, &[action])));
    }
}

#[test]
fn actors_in_a_narrow_terminal_stack_the_list_above_the_detail() {
    insta::assert_snapshot!(screen(&at(50, 24, &[Action::ShowActors, Action::Next])));
}

#[test]
fn a_terminal_below_the_minimum_gets_one_clear_message() {
    insta::assert_snapshot!(screen(&at(36, 8, &[Action::ShowActors])));
}

#[test]
fn the_help_overlay_lists_the_keys() {
    insta::assert_snapshot!(screen(&at(80, 24, &[Action::Help])));
}

#[test]
fn without_colour_the_focused_panel_has_heavy_borders() {
    let mut r = themed(Builtin::Mono, 80, 24);
    r.update(Action::ShowActors);
    insta::assert_snapshot!("actors_80x24_mono", screen(&r));
}

#[test]
fn a_followed_citation_shows_its_paragraph_highlighted() {
    let mut r = at(80, 24, &[Action::ShowActors]);
    open(&mut r, "russia");
    tab_to(&mut r, &Target::Paragraph(4));
    r.update(Action::Follow);
    let terminal = draw(&r);
    insta::assert_snapshot!(screen(&r));
    let buffer = terminal.backend().buffer();
    let row = find_row(buffer, "│ ¶4 ").expect("¶4 on screen");
    assert_eq!(
        buffer[(10, row)].bg,
        r.theme().highlight.bg.unwrap(),
        "the cited paragraph is shaded"
    );
}

/// The cell where the focused link starts.
fn focused_link_cell(r: &Shell, buffer: &Buffer) -> (u16, u16) {
    let l = r.session().pane().reading().link.unwrap();
    let (wrapped, area) = r.session().wrapped(l.column).unwrap();
    let spot = wrapped.links[l.index][0];
    let scroll = r.session().pane().reading().scroll[l.column.index()];
    let _ = buffer;
    (area.x + spot.x0, area.y + (spot.row - scroll) as u16)
}

#[test]
fn the_focused_link_is_highlighted_and_the_status_says_where_it_leads() {
    let mut r = at(120, 40, &[]);
    open(&mut r, "lavrov");
    let md = Target::Entity(id(&r, "missile-defense"));
    tab_to(&mut r, &md);
    let terminal = draw(&r);
    insta::assert_snapshot!(screen(&r));
    let buffer = terminal.backend().buffer();
    let (x, y) = focused_link_cell(&r, buffer);
    assert_eq!(buffer[(x, y)].bg, Color::Yellow, "focused link background");
    assert_eq!(buffer[(x, y)].fg, Color::Black, "focused link foreground");
    let status = row_text(buffer, buffer.area.height - 1);
    assert!(status.contains("→ issue Missile defense"), "{status}");
}

/// Whether a cell shows a style: its colours where the style has them, and its modifiers.
fn shows(buffer: &Buffer, (x, y): (u16, u16), style: Style) -> bool {
    let cell = &buffer[(x, y)];
    style.fg.is_none_or(|fg| cell.fg == fg)
        && style.bg.is_none_or(|bg| cell.bg == bg)
        && cell.modifier.contains(style.add_modifier)
}

#[test]
fn every_theme_shows_the_focused_link_the_selection_and_a_match() {
    for builtin in Builtin::iter() {
        let name = builtin.name();
        // The focused link.
        let mut r = themed(builtin, 120, 40);
        open(&mut r, "lavrov");
        let md = Target::Entity(id(&r, "missile-defense"));
        tab_to(&mut r, &md);
        let terminal = draw(&r);
        let buffer = terminal.backend().buffer();
        let cell = focused_link_cell(&r, buffer);
        assert!(
            shows(buffer, cell, r.theme().focused_link),
            "{name}: focused link {:?}",
            buffer[cell]
        );
        assert_ne!(r.theme().focused_link, r.theme().link, "{name}");

        // The selection, with the list focused and not.
        let mut r = themed(builtin, 80, 24);
        step(&mut r, &[Action::ShowActors, Action::Next]);
        let name_of = selected_name(&r);
        let terminal = draw(&r);
        let buffer = terminal.backend().buffer();
        let row = list_row(buffer, &name_of).unwrap();
        assert!(
            shows(buffer, (3, row), r.theme().selected),
            "{name}: selection {:?}",
            buffer[(3, row)]
        );
        r.update(Action::Follow);
        let terminal = draw(&r);
        let buffer = terminal.backend().buffer();
        let row = list_row(buffer, &name_of).unwrap();
        assert!(
            shows(buffer, (3, row), r.theme().selected_unfocused),
            "{name}: unfocused selection"
        );
        assert_ne!(
            buffer[(3, row)].style(),
            buffer[(3, row + 1)].style(),
            "{name}: the selection stands out"
        );

        // A search match, and the current one.
        let mut r = themed(builtin, 80, 24);
        r.update(Action::ShowSource);
        typed(&mut r, "/missile defense");
        let terminal = draw(&r);
        let buffer = terminal.backend().buffer();
        let find = r.session().find().unwrap();
        let (_, area) = r.session().wrapped(Column::Main).unwrap();
        let top = scroll(&r);
        let current = find.current.unwrap();
        let (row, x0, _) = find.matches[current].spans[0];
        let cell = (area.x + x0, area.y + (row - top) as u16);
        assert!(
            shows(buffer, cell, r.theme().find_current),
            "{name}: current match {:?}",
            buffer[cell]
        );
        if let Some(other) = find.matches.get(current + 1)
            && other.row() < top + area.height as usize
        {
            let (row, x0, _) = other.spans[0];
            let cell = (area.x + x0, area.y + (row - top) as u16);
            assert!(shows(buffer, cell, r.theme().find), "{name}: another match");
        }
    }
}

#[test]
fn without_colour_every_mark_is_a_modifier() {
    let mono = Builtin::Mono.theme();
    for (what, style) in [
        ("selected", mono.selected),
        ("focused link", mono.focused_link),
        ("current match", mono.find_current),
        ("match", mono.find),
        ("hint", mono.hint),
        ("tab", mono.tab_current),
        ("link", mono.link),
    ] {
        assert!(style.fg.is_none() && style.bg.is_none(), "{what}");
        assert!(!style.add_modifier.is_empty(), "{what} is invisible without colour");
    }
    assert!(mono.selected.add_modifier.contains(Modifier::REVERSED));
}

fn selected_name(r: &Shell) -> String {
    let session = r.session();
    session.briefing.entity(session.current_entity().unwrap()).name.to_string()
}

#[test]
fn the_current_pane_is_marked_in_the_tab_row() {
    let r = at(80, 24, &[Action::ShowTimeline]);
    let terminal = draw(&r);
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
        (row.starts_with('│') || row.starts_with('┃'))
            && row.chars().skip(3).collect::<String>().starts_with(name)
    })
}

#[test]
fn a_failed_reload_shows_the_banner_over_the_last_good_version() {
    let mut r = at(80, 24, &[Action::ShowActors]);
    let broken = briefing::content::load(&files_with(
        "places.toml",
        &PLACES.replace("country =", "contry ="),
    ));
    r.reload(broken);
    insta::assert_snapshot!("banner", screen(&r));
    r.update(Action::ShowMessages);
    insta::assert_snapshot!("problems", screen(&r));
}

#[test]
fn searching_the_text_on_screen_marks_every_match() {
    let mut r = at(80, 24, &[Action::ShowSource]);
    typed(&mut r, "/missile defense");
    insta::assert_snapshot!("find_on_screen", screen(&r));
}

#[test]
fn the_briefing_search_box() {
    let mut r = at(80, 24, &[Action::Search]);
    typed(&mut r, "moscow");
    insta::assert_snapshot!("search_briefing", screen(&r));
}

#[test]
fn the_palette() {
    let mut r = at(80, 24, &[Action::Palette]);
    typed(&mut r, "epaa");
    insta::assert_snapshot!("palette", screen(&r));
}

#[test]
fn the_palette_at_40_columns_shows_whole_names() {
    let mut r = at(40, 20, &[Action::Palette]);
    typed(&mut r, "epaa");
    let text = screen(&r);
    insta::assert_snapshot!("palette_40", text);
    assert!(text.contains("European"), "{text}");
    assert!(!text.contains(" act ") && !text.contains(" eve "), "{text}");
}

#[test]
fn link_hints_label_the_links_on_screen() {
    let mut r = at(120, 40, &[]);
    open(&mut r, "lavrov");
    typed(&mut r, "f");
    let terminal = draw(&r);
    insta::assert_snapshot!("hints", screen(&r));
    let hint = &r.hints().unwrap().labels[0];
    let (w, area) = r.session().wrapped(hint.column).unwrap();
    let spot = w.links[hint.link][0];
    let cell = &terminal.backend().buffer()[(area.x + spot.x0, area.y + spot.row as u16)];
    assert_eq!(cell.symbol(), hint.label.chars().next().unwrap().to_string());
    assert_eq!(cell.bg, Color::LightMagenta);
}

#[test]
fn a_peek_card_describes_the_focused_link_without_covering_it_or_a_border() {
    let mut r = at(80, 24, &[Action::ShowTimeline, Action::Next, Action::Next, Action::Next]);
    r.update(Action::NextLink);
    let text = screen(&r);
    insta::assert_snapshot!("peek", text);
    let terminal = draw(&r);
    let buffer = terminal.backend().buffer();
    let (x, y) = focused_link_cell(&r, buffer);
    assert!(shows(buffer, (x, y), r.theme().focused_link), "the card leaves the link's row alone");
    // The detail's right border is whole.
    let (_, area) = r.session().wrapped(Column::Main).unwrap();
    let right = area.right() + 1;
    for row in area.y..area.bottom() {
        assert!(matches!(buffer[(right, row)].symbol(), "│" | "┃"), "border broken at row {row}");
    }
}

#[test]
fn the_peek_card_on_the_summary_stays_inside_the_text() {
    let mut r = at(80, 24, &[Action::NextLink]);
    let terminal = draw(&r);
    let buffer = terminal.backend().buffer();
    for row in 3..22 {
        assert!(matches!(buffer[(79, row)].symbol(), "│" | "┃"), "border broken at row {row}");
    }
    r.update(Action::Close);
    assert!(link(&r).is_none());
}

#[test]
fn help_wraps_at_words_on_a_narrow_terminal_and_names_every_description() {
    for width in [40, 45, 50, 80] {
        let r = at(width, 30, &[Action::Help]);
        let (_, laid, _) = r.overlay().unwrap();
        let text: String = laid
            .wrapped
            .rows
            .iter()
            .map(|row| {
                row.segments.iter().map(|s| s.text.as_str()).collect::<String>().trim().to_owned()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (_, rows) in r.keymap().help() {
            for (_, description) in rows {
                assert!(text.contains(description), "at {width}: “{description}” is cut");
            }
        }
        // The box fills a narrow screen: no strip of the screen shows beside it.
        if width < 60 {
            assert_eq!(laid.area.width, width);
        }
        for row in laid.wrapped.rows.iter() {
            let w: usize =
                row.segments.iter().map(|s| s.x as usize + s.text.width()).max().unwrap_or(0);
            assert!(w <= laid.text.width as usize, "at {width}: a help row is too wide");
        }
    }
}

#[test]
fn overlay_footers_are_cut_at_the_end_not_the_start() {
    let r = at(40, 12, &[Action::Help]);
    let text = screen(&r);
    let footer =
        text.lines().rev().find(|l| l.contains("close") || l.contains("scroll") || l.contains('…'));
    let footer = footer.unwrap_or_else(|| panic!("{text}"));
    assert!(footer.contains("j/k") || footer.contains('…'), "{footer}");
}

#[test]
fn on_a_narrow_row_the_status_indicators_give_way_to_what_is_typed() {
    let mut r = Shell::builder(bundled()).size(50, 20).mouse(true).build();
    step(&mut r, &[Action::ShowActors, Action::Next, Action::FilterByActor, Action::ShowTimeline]);
    typed(&mut r, "/meet");
    let status = screen(&r).lines().nth(19).unwrap().to_owned();
    assert!(status.contains("/meet▏"), "{status}");
    assert!(status.contains("filter · mouse · ? help"), "{status}");
    let wide = screen(&at(120, 20, &[]));
    assert!(wide.lines().nth(19).unwrap().ends_with("? help"));
}

#[test]
fn a_message_too_long_beside_the_indicators_takes_their_place_while_it_is_shown() {
    let mut r = Shell::builder(bundled()).size(40, 12).mouse(true).build();
    let indicators = |r: &Shell| screen(r).lines().nth(11).unwrap().trim_end().to_owned();
    assert!(indicators(&r).ends_with("mouse · ? help"), "{}", indicators(&r));
    r.say("Reading the files again…");
    let status = indicators(&r);
    assert_eq!(status.trim(), "Reading the files again…");
    // A short one keeps them.
    r.say("Reloaded");
    let status = indicators(&r);
    assert!(status.contains("Reloaded") && status.ends_with("mouse · ? help"), "{status}");
}

#[test]
fn a_long_message_ends_in_an_ellipsis_and_the_messages_box_shows_it_whole() {
    let mut r = at(60, 20, &[]);
    let long = "Your saved place was not used: it is not valid JSON (EOF while parsing a value at line 1 column 0). It is kept as /home/reader/.local/state/briefing/strategic-impasse.set-aside-1.json";
    r.say(long);
    let status = screen(&r).lines().nth(19).unwrap().to_owned();
    assert!(status.contains('…'), "{status}");
    assert!(status.contains(".json"), "the path's end is kept: {status}");
    r.update(Action::ShowMessages);
    let (_, laid, _) = r.overlay().unwrap();
    let text: String = laid
        .wrapped
        .rows
        .iter()
        .flat_map(|row| row.segments.iter().map(|s| s.text.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.split_whitespace().collect::<Vec<_>>().join(" ").contains("set-aside-1.json"));
}

#[test]
fn the_summary_table_is_aligned_and_names_the_keys() {
    let mut r = at(80, 24, &[]);
    let mut text = String::new();
    for _ in 0..8 {
        text.push_str(&screen(&r));
        r.update(Action::PageDown);
    }
    let mut rows: Vec<&str> = text.lines().filter(|l| l.contains("  key ")).collect();
    rows.dedup();
    assert_eq!(rows.len(), 6, "{text}");
    let key_column: Vec<usize> = rows.iter().map(|r| r.find("key ").unwrap()).collect();
    assert!(key_column.windows(2).all(|w| w[0] == w[1]), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("Source paragraphs  key 7")), "{rows:#?}");
}

#[test]
fn hints_on_screen_name_the_keys_a_person_set() {
    let keys = "show_actors = [\"A\"]\nquit = [\"x\"]\nnext = [\"Ctrl-n\"]\nprev = [\"Ctrl-p\"]\nhelp = [\"F1\", \"h\"]\nfocus_list = [\"Left\"]\n";
    // F1 is no key name the reader knows: use one it does.
    let keys = keys.replace("\"F1\", ", "");
    let mut r = reader_with_keys(bundled(), 80, 24, &keys);
    let text = screen(&r);
    assert!(text.lines().next().unwrap().contains("A Actors"), "the tab row names the key: {text}");
    let status = text.lines().last().unwrap();
    assert!(status.contains("Ctrl-n/Ctrl-p scroll"), "{status}");
    assert!(status.contains("h help"), "{status}");
    r.update(Action::Resize { width: 30, height: 8 });
    let small = screen(&r).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(small.contains("press x or Ctrl-c"), "{small}");
    r.update(Action::Resize { width: 80, height: 24 });
    r.update(Action::Help);
    let (_, laid, _) = r.overlay().unwrap();
    let words: String = laid
        .wrapped
        .rows
        .iter()
        .flat_map(|row| row.segments.iter().map(|s| s.text.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("Ctrl-n"), "the help shows the keys set");
    assert!(words.contains("Ctrl-c"), "the help says Ctrl-c always quits");
    assert_eq!(r.keymap().key_in(KeyMode::Overlay, Action::Close), "Esc");
    let _ = Mode::Normal;
    press(&mut r, KeyCode::Esc);
}

#[test]
fn group_headings_look_like_headings_and_the_glossary_is_alphabetical() {
    let text = screen(&at(80, 24, &[Action::ShowActors]));
    assert!(text.contains("── United States"), "{text}");
    let r = at(80, 60, &[Action::ShowGlossary]);
    let names: Vec<String> = match r.session().pane() {
        briefing::app::Pane::Entities(p) => p
            .list
            .items
            .iter()
            .map(|id| r.session().briefing.entity(*id).name.to_lowercase())
            .collect(),
        _ => unreachable!(),
    };
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn the_timeline_list_shows_whole_dates_with_their_basis() {
    for width in [80, 120, 250] {
        let text = screen(&at(width, 40, &[Action::ShowTimeline]));
        assert!(
            text.contains("22 Apr–3 May 2013†") || text.contains("22 Apr – 3 May 2013†"),
            "{width}: {text}"
        );
        assert!(
            text.contains("inferred †outside") || text.contains("inferred · † outside"),
            "{width}: the legend"
        );
        if width >= 120 {
            assert!(
                text.contains("NPT PrepCom, second session"),
                "{width}: names are whole: {text}"
            );
        }
        if width >= 250 {
            assert!(
                text.contains("NATO-Russia Council foreign ministers meeting"),
                "{width}: {text}"
            );
        }
    }
}

#[test]
fn a_draft_says_so_in_words_where_there_is_room_and_with_a_pen_mark_where_there_is_not() {
    let places = format!(
        "{}\n[[place]]\nid = \"second\"\nname = \"A place with a rather long name\"\nsummary = \"Near [[city]].\"\ncites = [1]\ndraft = true\n",
        PLACES
    );
    let briefing = briefing::content::load(&files_with("places.toml", &places)).unwrap();
    let mut wide = reader(briefing.clone(), 250, 40);
    let shown = step_and_draw(&mut wide, &[Action::ShowPlaces]);
    assert!(shown.contains("A place with a rather long name (draft)"), "{shown}");
    let mut narrow = reader(briefing, 80, 24);
    let shown = step_and_draw(&mut narrow, &[Action::ShowPlaces]);
    assert!(!shown.contains("(draft)"), "the words would cut the name: {shown}");
    let row = shown.lines().find(|l| l.contains("A place wi")).unwrap();
    assert!(row.contains('✎'), "{row}");
    assert!(!shown.lines().find(|l| l.contains("City")).unwrap().contains('✎'), "{shown}");
}
