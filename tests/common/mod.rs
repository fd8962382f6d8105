//! A small briefing for tests, as text, so each test can break one thing.
#![allow(dead_code)]

use briefing::app::{Action, Column, Focus, Pane, PaneId, Shell};
use briefing::content::{self, Briefing, EntityId, Files};
use briefing::document::Target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub const BRIEFING: &str = r#"format = 2
title = "Test briefing"
publisher = "Test Institute"
publisher_id = "institute"
url = "https://example.org/test"
published = { start = "2013-04-29", precision = "day", basis = "inferred", note = "From the text." }
summary = "About [[alpha]] and [[topic|the topic]]."

[[key_point]]
text = "[[alpha]] met [[beta]]."
cites = [1]

[[side]]
id = "harbour-league"
name = "Harbour League"

[[side]]
id = "inland-compact"
name = "Inland Compact"
description = "Where [[beta]] stands."

[[side]]
id = "independents"
name = "Independents"
"#;

pub const ACTORS: &str = r#"[[actor]]
id = "alpha"
name = "Alpha Person"
kind = "person"
side = "harbour-league"
affiliation = "state-a"
issues = ["topic"]
summary = "Alpha, who raised [[topic]]."
cites = [1]

[[actor.stance]]
issue = "topic"
position = "supports"
line = "Raised it first."
cites = [1]
basis = "inferred"

[[actor]]
id = "beta"
name = "Beta Person"
kind = "person"
side = "inland-compact"
issues = ["topic"]
summary = "Beta."
cites = [2]

[[actor.quote]]
text = "we seek trust"
para = 2

[[actor.stance]]
issue = "topic"
position = "wary"
line = "Seeks trust before anything else."
quote = { text = "we seek trust", para = 2 }
basis = "stated"

[[actor]]
id = "state-a"
name = "State A"
kind = "state"
side = "harbour-league"
summary = "A state."
cites = [1]

[[actor]]
id = "institute"
name = "Test Institute"
kind = "organisation"
side = "independents"
summary = "The publisher."

[[actor.context]]
text = "Founded long ago."
source = "Its website"
"#;

pub const ISSUES: &str = r#"[[issue]]
id = "topic"
name = "The topic"
related = ["other-topic"]
summary = "What [[alpha]] and [[beta]] discuss at [[meeting]]."
cites = [1, 2]

[[issue]]
id = "other-topic"
name = "Another topic"
summary = "Related to [[announcement]] and [[tla]]."
cites = [2]
"#;

pub const TIMELINE: &str = r#"[[event]]
id = "announcement"
name = "The announcement"
date = { start = "2013-03-15", precision = "day", basis = "stated" }
actors = ["alpha"]
summary = "Announced."
cites = [2]

[[event]]
id = "meeting"
name = "The meeting"
date = { start = "2013-04-30", precision = "day", basis = "inferred", note = "Tuesday." }
actors = ["alpha", "beta"]
places = ["city"]
issues = ["topic"]
summary = "[[alpha]] meets [[beta]] in [[city]]."
cites = [1]
"#;

pub const PLACES: &str = r#"[[place]]
id = "city"
name = "City"
country = "Country"
location = { lat = 50.85, lon = 4.35 }
summary = "Where they meet."
cites = [1]
"#;

pub const GLOSSARY: &str = r#"[[term]]
id = "tla"
name = "TLA"
expansion = "Three-letter acronym"
see_also = ["topic"]
summary = "An acronym."
cites = [1]
"#;

pub const SOURCE: &str = r#"title = "Test article"

[[paragraph]]
n = 1
text = '''Alpha met Beta in City.'''

[[paragraph]]
n = 2
text = '''Beta said we seek trust.
A second line.'''
"#;

/// The fixture's files, with `file` replaced by `text` when given.
pub fn files_with(file: &str, text: &str) -> Files {
    let mut texts = vec![
        ("briefing.toml", BRIEFING),
        ("actors.toml", ACTORS),
        ("issues.toml", ISSUES),
        ("timeline.toml", TIMELINE),
        ("places.toml", PLACES),
        ("glossary.toml", GLOSSARY),
        ("source.toml", SOURCE),
    ];
    for entry in &mut texts {
        if entry.0 == file {
            entry.1 = text;
        }
    }
    Files {
        origin: "test".to_owned(),
        texts: texts.into_iter().map(|(n, t)| (n.to_owned(), t.into())).collect(),
        read_from: None,
    }
}

pub fn fixture() -> Briefing {
    content::load(&files_with("", "")).unwrap_or_else(|r| panic!("{}", r.render(false)))
}

pub fn bundled() -> Briefing {
    content::load(&content::bundled()).unwrap_or_else(|r| panic!("{}", r.render(false)))
}

// The reader is driven as a person drives it: through actions and keys, and observed through
// what it draws and a few questions it answers. Only this module knows how the state is
// shaped, so a change to it changes this module and not every test.

/// A reader of `briefing` in a terminal of `width` x `height`.
pub fn reader(briefing: Briefing, width: u16, height: u16) -> Shell {
    Shell::builder(briefing).size(width, height).build()
}

/// The same with the keys of a config's `[keys]` table over the defaults.
pub fn reader_with_keys(briefing: Briefing, width: u16, height: u16, keys: &str) -> Shell {
    let config = briefing::config::parse(&format!("[keys]\n{keys}"), "config.toml")
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    Shell::builder(briefing).size(width, height).keymap(config.keymap).build()
}

pub fn step(shell: &mut Shell, actions: &[Action]) {
    for action in actions {
        shell.update(*action);
    }
}

/// Draws the screen into a test terminal.
pub fn draw(shell: &Shell) -> Terminal<TestBackend> {
    let size = shell.screen();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|frame| briefing::ui::draw(frame, shell)).unwrap();
    terminal
}

/// The screen's text, one line a row.
pub fn screen(shell: &Shell) -> String {
    let terminal = draw(shell);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn step_and_draw(shell: &mut Shell, actions: &[Action]) -> String {
    step(shell, actions);
    screen(shell)
}

/// A key pressed, as the terminal would deliver it.
pub fn press(shell: &mut Shell, code: KeyCode) {
    key_with(shell, code, KeyModifiers::NONE);
}

pub fn key_with(shell: &mut Shell, code: KeyCode, modifiers: KeyModifiers) {
    let action = shell.action_for_key(KeyEvent::new(code, modifiers));
    shell.update(action);
}

pub fn ctrl(shell: &mut Shell, c: char) {
    key_with(shell, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// Characters typed one by one, as keys.
pub fn typed(shell: &mut Shell, text: &str) {
    for c in text.chars() {
        press(shell, KeyCode::Char(c));
    }
}

pub fn id(shell: &Shell, id: &str) -> EntityId {
    shell.session().briefing.lookup(id).unwrap_or_else(|| panic!("no entity {id}"))
}

pub fn pane(shell: &Shell) -> PaneId {
    shell.session().pane_id()
}

/// The id of the selected entity, on an entity pane.
pub fn selected(shell: &Shell) -> Option<String> {
    let session = shell.session();
    session.current_entity().map(|e| session.briefing.entity(e).id.to_string())
}

/// The selected position in the current list.
pub fn position(shell: &Shell) -> usize {
    match shell.session().pane() {
        Pane::Entities(p) => p.view.selected,
        Pane::Prose(_) => 0,
    }
}

pub fn focus(shell: &Shell) -> Focus {
    match shell.session().pane() {
        Pane::Entities(p) => p.view.focus,
        Pane::Prose(_) => Focus::Detail,
    }
}

/// The first row of the main text on screen.
pub fn scroll(shell: &Shell) -> usize {
    shell.session().pane().reading().scroll[0]
}

pub fn link(shell: &Shell) -> Option<Target> {
    shell.session().focused_target()
}

pub fn link_column(shell: &Shell) -> Option<Column> {
    shell.session().pane().reading().link.map(|l| l.column)
}

/// The source paragraph shaded after a citation, if one is.
pub fn highlight(shell: &Shell) -> Option<u32> {
    match shell.session().pane() {
        Pane::Prose(p) => p.view.highlight.map(|h| h.para),
        Pane::Entities(_) => None,
    }
}

pub fn status(shell: &Shell) -> String {
    shell.status().unwrap_or_default().to_owned()
}

/// Opens an entity as a reader does: the palette, its name typed, Enter.
pub fn open(shell: &mut Shell, entity: &str) {
    let name = shell.session().briefing.entity(id(shell, entity)).name.clone();
    ctrl(shell, 'k');
    typed(shell, &name);
    press(shell, KeyCode::Enter);
    assert_eq!(selected(shell).as_deref(), Some(entity), "the palette did not open {entity}");
}

/// Tab until the focused link leads to `target`.
pub fn tab_to(shell: &mut Shell, target: &Target) {
    for _ in 0..200 {
        if link(shell).as_ref() == Some(target) {
            return;
        }
        shell.update(Action::NextLink);
    }
    panic!("no link to {target:?} here");
}

/// Tab until the focused link is one that `wanted` accepts; returns its target.
pub fn tab_until(shell: &mut Shell, wanted: impl Fn(&Target) -> bool) -> Target {
    for _ in 0..200 {
        if let Some(target) = link(shell).filter(|t| wanted(t)) {
            return target;
        }
        shell.update(Action::NextLink);
    }
    panic!("no such link here");
}

// Pictures. A picture is a view of its pane: these answer what it shows without the tests
// knowing where its state is kept.

/// Whether the pane on screen shows its picture.
pub fn shows_picture(shell: &Shell) -> bool {
    shell.shows_picture()
}

/// Where the reader is in the current pane's picture.
pub fn picture(shell: &Shell) -> Option<briefing::app::panes::PictureView> {
    match shell.session().pane() {
        Pane::Entities(p) => p.view.picture.clone(),
        Pane::Prose(_) => None,
    }
}

fn scene(shell: &Shell) -> briefing::app::panes::picture::Scene<'_> {
    let session = shell.session();
    briefing::app::panes::picture::Scene {
        briefing: &session.briefing,
        area: briefing::app::panes::picture::area(shell.screen(), session.banner_rows()),
        letters: session.letters(),
    }
}

/// The Timeline's axis as drawn now.
pub fn axis_layout(shell: &Shell) -> Option<briefing::app::panes::timeline_axis::AxisLayout> {
    use briefing::app::panes::{Model, PictureView};
    let Pane::Entities(p) = shell.session().pane() else { return None };
    match (p.model()?, p.view.picture.as_ref()?) {
        (Model::Axis(axis), PictureView::Axis(view)) => axis.lay_out(view, &scene(shell)),
        _ => None,
    }
}

/// The map as drawn now.
pub fn map_layout(shell: &Shell) -> Option<briefing::app::panes::map::MapLayout> {
    use briefing::app::panes::{Model, PictureView};
    let Pane::Entities(p) = shell.session().pane() else { return None };
    match (p.model()?, p.view.picture.as_ref()?) {
        (Model::Map(places), PictureView::Map(view)) => {
            places.lay_out(view, p.view.selected, &scene(shell))
        }
        _ => None,
    }
}

/// The id of the issue under the matrix's cursor.
pub fn matrix_issue(shell: &Shell) -> Option<String> {
    use briefing::app::panes::{Model, PictureView};
    let Pane::Entities(p) = shell.session().pane() else { return None };
    match (p.model()?, p.view.picture.as_ref()?) {
        (Model::Matrix(m), PictureView::Matrix(view)) => {
            let issue = *m.columns.get(view.column)?;
            Some(shell.session().briefing.entity(issue).id.to_string())
        }
        _ => None,
    }
}

/// The screen's row that holds `text`, and the column where it starts.
pub fn find_on_screen(shell: &Shell, text: &str) -> Option<(u16, u16)> {
    let terminal = draw(shell);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut starts = Vec::new();
        for x in 0..buffer.area.width {
            starts.push((line.len(), x));
            line.push_str(buffer[(x, y)].symbol());
        }
        if let Some(at) = line.find(text) {
            let x = starts.iter().rev().find(|(byte, _)| *byte <= at).map_or(0, |s| s.1);
            return Some((x, y));
        }
    }
    None
}
