//! Addresses: one name for each place in a briefing, shared by the printed text, the exported
//! files and `briefing --goto`, so that what a person reads in one they can open in another.
//!
//! `actor:lavrov` names an entity by its kind and id, `source:2` a paragraph of the article,
//! `summary` and `source` the two pages. In HTML and Markdown the same address becomes an
//! anchor, `actor-lavrov`, since a colon in an id is awkward for CSS and some Markdown tools.

use crate::content::entries::suggest;
use crate::content::sanitize::escaped;
use crate::content::{Briefing, EntityId, Kind};

/// A place an address names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Summary,
    /// The article; with a number, one of its paragraphs.
    Source(Option<u32>),
    Entity(EntityId),
}

/// `actor:lavrov`.
pub fn of_entity(briefing: &Briefing, id: EntityId) -> String {
    let entity = briefing.entity(id);
    format!("{}:{}", entity.kind().label(), entity.id)
}

/// `source:2`.
pub fn of_paragraph(n: u32) -> String {
    format!("source:{n}")
}

/// The anchor of an entity in an exported file: `actor-lavrov`. Ids hold only lowercase
/// letters, digits and hyphens, and every anchor starts with its kind, so no two collide and
/// none is one of the section anchors (`summary`, `actors`, `source`…).
pub fn anchor(briefing: &Briefing, id: EntityId) -> String {
    let entity = briefing.entity(id);
    format!("{}-{}", entity.kind().label(), entity.id)
}

/// The anchor of a source paragraph: `source-2`.
pub fn paragraph_anchor(n: u32) -> String {
    format!("source-{n}")
}

/// The anchor of a kind's section: `actors`, `glossary`.
pub fn section_anchor(kind: Kind) -> &'static str {
    match kind {
        Kind::Actor => "actors",
        Kind::Issue => "issues",
        Kind::Event => "timeline",
        Kind::Place => "places",
        Kind::Term => "glossary",
    }
}

/// What a kind's section is called in the printed and exported text.
pub fn section_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Actor => "Actors",
        Kind::Issue => "Issues",
        Kind::Event => "Timeline",
        Kind::Place => "Places",
        Kind::Term => "Glossary",
    }
}

/// The kind a word names: its label (`actor`), its plural (`actors`) or its section's name
/// (`timeline`, `glossary`), as `--only` and addresses take them.
pub fn kind_named(word: &str) -> Option<Kind> {
    let word = word.to_ascii_lowercase();
    Kind::all().find(|k| {
        word == k.label() || word == k.plural().to_ascii_lowercase() || word == section_anchor(*k)
    })
}

/// Reads an address as a person typed it: `actor:lavrov`, `lavrov` (ids are unique in a
/// briefing), `source:2`, `¶2`, `source` or `summary`. The error says what is wrong and, where
/// it can, what was probably meant.
pub fn parse(briefing: &Briefing, text: &str) -> Result<Place, String> {
    let text = text.trim();
    let shown = escaped(text);
    match text {
        "summary" => return Ok(Place::Summary),
        "source" => return Ok(Place::Source(None)),
        _ => {}
    }
    let paragraph = text.strip_prefix("source:").or_else(|| text.strip_prefix('¶'));
    if let Some(number) = paragraph {
        let count = briefing.source.paragraphs.len();
        return match number.parse::<u32>() {
            Ok(n) if n >= 1 && n as usize <= count => Ok(Place::Source(Some(n))),
            _ => Err(format!(
                "'{shown}' names no paragraph: the source has paragraphs 1 to {count} (source:1 to source:{count})"
            )),
        };
    }
    let (kind, id) = match text.split_once(':') {
        Some((word, id)) => match kind_named(word) {
            Some(kind) => (Some(kind), id),
            None => {
                return Err(format!(
                    "'{}' is not a kind of entry: an address starts with actor, issue, event, place or term (actor:lavrov), or is source:N or summary",
                    escaped(word)
                ));
            }
        },
        None => (None, text),
    };
    let Some(found) = briefing.lookup(id) else {
        let ids: Vec<&str> = briefing.entities.iter().map(|e| &*e.id).collect();
        let hint = match suggest(id, &ids).and_then(|best| briefing.lookup(best)) {
            Some(best) => format!("; did you mean {}?", of_entity(briefing, best)),
            None => String::new(),
        };
        return Err(format!("there is nothing called '{}' in this briefing{hint}", escaped(id)));
    };
    let actual = briefing.entity(found).kind();
    match kind {
        Some(kind) if kind != actual => Err(format!(
            "'{}' is {} {}, not {} {}: its address is {}",
            escaped(id),
            article(actual.label()),
            actual.label(),
            article(kind.label()),
            kind.label(),
            of_entity(briefing, found)
        )),
        _ => Ok(Place::Entity(found)),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}
