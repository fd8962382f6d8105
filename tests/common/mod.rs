//! A small briefing for tests, as text, so each test can break one thing.
#![allow(dead_code)]

use briefing::app::{App, Keymap};
use briefing::content::{self, Briefing, Files};

pub const BRIEFING: &str = r#"title = "Test briefing"
publisher = "Test Institute"
publisher_id = "institute"
url = "https://example.org/test"
published = { start = "2013-04-29", precision = "day", basis = "inferred", note = "From the text." }
summary = "About [[alpha]] and [[topic|the topic]]."

[[key_point]]
text = "[[alpha]] met [[beta]]."
cites = [1]
"#;

pub const ACTORS: &str = r#"[[actor]]
id = "alpha"
name = "Alpha Person"
kind = "person"
side = "united-states"
affiliation = "state-a"
issues = ["topic"]
summary = "Alpha, who raised [[topic]]."
cites = [1]

[[actor]]
id = "beta"
name = "Beta Person"
kind = "person"
side = "russia"
issues = ["topic"]
summary = "Beta."
cites = [2]

[[actor.quote]]
text = "we seek trust"
para = 2

[[actor]]
id = "state-a"
name = "State A"
kind = "state"
side = "united-states"
summary = "A state."
cites = [1]

[[actor]]
id = "institute"
name = "Test Institute"
kind = "organisation"
side = "non-governmental"
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
        texts: texts.into_iter().map(|(n, t)| (n.to_owned(), t.to_owned())).collect(),
    }
}

pub fn fixture() -> Briefing {
    content::load(&files_with("", "")).unwrap_or_else(|r| panic!("{}", r.render(false)))
}

pub fn bundled() -> Briefing {
    content::load(&content::bundled()).unwrap_or_else(|r| panic!("{}", r.render(false)))
}

pub fn app(briefing: Briefing, width: u16, height: u16) -> App {
    let mut app = App::new(briefing, Keymap::default_keys());
    app.resize(width, height);
    app
}
