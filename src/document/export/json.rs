//! The briefing as JSON for scripts: every entity with its fields, relations and backlinks,
//! dates with their precision and basis, citations, quotes, outside context and slips, and
//! the source paragraph by paragraph with who cites each.
//!
//! The shape is versioned (`"version"`), its keys come in a fixed order (the order of the
//! fields below, whose doc comments are its documentation), and `briefing schema export`
//! prints its JSON Schema. Every entity and paragraph is named by its address
//! (`actor:lavrov`, `source:2`), as in the printed text and `briefing --goto`.
//!
//! `read` takes the same shape back, refusing any other version, so a script's output can be
//! checked against it and a round trip shown to change nothing.

use super::Descriptions;
use crate::content::date::PartialDate;
use crate::content::markup::BlockKind;
use crate::content::reread::Unread;
use crate::content::{self, Briefing, Details, EntityId, Link};
use crate::document::address;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What `"format"` always says.
pub const FORMAT: &str = "briefing-export";
/// The version of the shape this program writes and reads.
pub const VERSION: u32 = 1;

/// A whole briefing, exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always "briefing-export".
    pub format: String,
    /// The version of this shape. A change that could break a reader of it raises it.
    pub version: u32,
    /// What the briefing is and where it comes from.
    pub briefing: About,
    /// The sides actors are grouped by, in the briefing's order.
    pub sides: Vec<SideOut>,
    /// Every entity, kind by kind (actors, issues, events, places, terms), each kind in the
    /// reader's order: actors by side, events by date, the glossary alphabetically.
    pub entities: Vec<Entity>,
    /// The article, verbatim.
    pub source: Source,
}

/// What the briefing is and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub title: String,
    /// Who published the source, as readers see it.
    pub publisher: String,
    /// The address of the actor that published it, when the briefing has one.
    pub publisher_entity: Option<String>,
    pub author: Option<String>,
    /// The source's web address.
    pub url: String,
    pub published: DateOut,
    pub summary: TextOut,
    pub key_points: Vec<KeyPoint>,
    /// What was removed from the text when it was loaded (control characters), and where.
    pub notices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    pub text: TextOut,
    /// The source paragraphs it rests on, by number.
    pub cites: Vec<u32>,
}

/// A side actors are grouped by, as briefing.toml declares it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SideOut {
    pub id: String,
    pub name: String,
    /// Who is on this side.
    pub description: Option<TextOut>,
}

/// Where an actor stands on an issue, and what that rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceOut {
    /// The issue, by address.
    pub issue: String,
    /// supports, divided, neutral, wary, opposes or unclear.
    pub position: String,
    /// The stance in a line.
    pub line: TextOut,
    /// The source paragraphs it rests on, by number.
    pub cites: Vec<u32>,
    /// Words of the source that show it.
    pub quote: Option<Quote>,
    /// stated (in the article), inferred (from it) or outside (another source).
    pub basis: String,
    /// The outside source, when the basis is one.
    pub source: Option<String>,
}

/// A date with what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateOut {
    /// As much of the date as is known: "2013", "2013-05" or "2013-05-15".
    pub start: String,
    /// The last day of a period, written as `start` is; absent for a single date.
    pub end: Option<String>,
    /// day, week, month, year or approximate.
    pub precision: String,
    /// stated (in the article), inferred (from it) or outside (another source).
    pub basis: String,
    /// The date as the reader says it: "mid-May 2013", "22 Apr – 3 May 2013".
    pub text: String,
    /// How it was worked out.
    pub note: Option<String>,
    /// The outside source it comes from.
    pub source: Option<String>,
}

/// A text with its structure and links: blocks of runs. `plain` is the same words without
/// structure, for a script that only wants those.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextOut {
    pub plain: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: BlockType,
    pub runs: Vec<RunOut>,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockType {
    Paragraph,
    Heading,
    Quote,
    Code,
    /// A list item at a depth (0 for the outermost list); `number` in an ordered list;
    /// `first` is false for a later paragraph of the same item.
    Item {
        depth: u8,
        number: Option<u32>,
        first: bool,
    },
}

/// Words in one style, part of at most one link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunOut {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub code: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkOut>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkOut {
    /// An entity, by address.
    Entity(String),
    /// A paragraph of the source, by number: a citation.
    Paragraph(u32),
    /// An outside web address.
    Url(String),
}

/// An entity: what every kind has, then what only its kind has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// "actor:lavrov": the kind and the id.
    pub address: String,
    pub id: String,
    /// actor, issue, event, place or term.
    pub kind: String,
    pub name: String,
    /// Other names the source uses for it.
    pub aliases: Vec<String>,
    pub summary: TextOut,
    pub description: Option<TextOut>,
    /// The source paragraphs it rests on, by number.
    pub cites: Vec<u32>,
    /// Words quoted from the source, each with its paragraph.
    pub quotes: Vec<Quote>,
    /// Facts that are not in the article, each with its source.
    pub context: Vec<Context>,
    /// The article's own slips, flagged where they stand.
    pub slips: Vec<Slip>,
    /// Drafted by a program and not yet reviewed by a person.
    pub draft: bool,
    pub details: DetailsOut,
    /// The addresses of every entity that links to this one or names it in a relation, kind by
    /// kind, each kind in the reader's order.
    pub backlinks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub para: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Context {
    pub text: TextOut,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slip {
    /// The words as the article has them.
    pub said: String,
    /// What is right.
    pub correct: String,
    pub para: u32,
    pub source: Option<String>,
}

/// What only one kind of entity has; relations name entities by address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DetailsOut {
    Actor {
        /// person, organisation, state or group.
        actor_kind: String,
        /// The id of the side it is grouped under, from `sides`.
        side: Option<String>,
        role: Option<TextOut>,
        /// The actor it belongs to.
        affiliation: Option<String>,
        /// The issues it is involved in.
        issues: Vec<String>,
        /// Where it stands on issues, in the briefing's order.
        stances: Vec<StanceOut>,
    },
    Issue {
        /// Related issues, both ways.
        related: Vec<String>,
        /// The actors involved in it, in the actors' order.
        involved: Vec<String>,
    },
    Event {
        date: DateOut,
        actors: Vec<String>,
        places: Vec<String>,
        issues: Vec<String>,
    },
    Place {
        country: Option<String>,
        location: Option<Location>,
    },
    Term {
        /// What an acronym stands for.
        expansion: Option<String>,
        see_also: Vec<String>,
    },
}

/// Degrees, approximate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// The article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub n: u32,
    /// "source:2".
    pub address: String,
    /// The paragraph verbatim.
    pub text: String,
    /// The addresses of the entities that cite or quote it.
    pub cited_by: Vec<String>,
}

pub fn export(briefing: &Briefing) -> Result<String, Unread> {
    let mut text =
        serde_json::to_string_pretty(&shape(briefing)?).expect("the export shape serialises");
    text.push('\n');
    Ok(text)
}

/// The JSON Schema of the shape, as `briefing schema export` prints it.
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema =
        serde_json::to_value(generator.into_root_schema_for::<Export>()).expect("a schema is JSON");
    if let Some(object) = schema.as_object_mut() {
        object.insert("title".into(), "briefing export".into());
        object.insert(
            "description".into(),
            format!("What `briefing export --to json` writes, version {VERSION}.").into(),
        );
    }
    schema
}

/// Reads an export back. An export of another version, or not an export at all, is refused
/// with a message that says which.
pub fn read(text: &str) -> Result<Export, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(format!("not a briefing export: \"format\" is not \"{FORMAT}\""));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(format!("an export of version {v}; this program reads version {VERSION}"));
        }
        None => return Err("no \"version\"".to_owned()),
    }
    serde_json::from_value(value).map_err(|e| format!("not the export shape: {e}"))
}

/// The briefing in the export's shape.
pub fn shape(briefing: &Briefing) -> Result<Export, Unread> {
    let b = briefing;
    let descriptions = Descriptions::new(b);
    let addresses = |ids: &[EntityId]| -> Vec<String> {
        ids.iter().map(|id| address::of_entity(b, *id)).collect()
    };
    let mut entities = Vec::with_capacity(b.entities.len());
    for kind in content::Kind::all() {
        for &id in b.list(kind) {
            entities.push(entity(b, id, &addresses, &descriptions));
        }
    }
    let paragraphs = b
        .source
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, text)| Paragraph {
            n: i as u32 + 1,
            address: address::of_paragraph(i as u32 + 1),
            text: text.to_string(),
            cited_by: addresses(&b.cited_by[i]),
        })
        .collect();
    let export = Export {
        format: FORMAT.to_owned(),
        version: VERSION,
        briefing: About {
            title: b.title.to_string(),
            publisher: b.publisher.to_string(),
            publisher_entity: b.publisher_id.map(|id| address::of_entity(b, id)),
            author: b.author.as_ref().map(|a| a.to_string()),
            url: b.url.to_string(),
            published: date(&b.published),
            summary: text(b, &b.summary),
            key_points: b
                .key_points
                .iter()
                .map(|p| KeyPoint { text: text(b, &p.text), cites: p.cites.clone() })
                .collect(),
            notices: b.notices.iter().map(|n| n.to_string()).collect(),
        },
        sides: sides(b),
        entities,
        source: Source { title: b.source.title.to_string(), paragraphs },
    };
    descriptions.finish(export)
}

/// The sides as the briefing declares them.
fn sides(briefing: &Briefing) -> Vec<SideOut> {
    briefing
        .sides
        .iter()
        .map(|side| SideOut {
            id: side.id.clone(),
            name: side.name.to_string(),
            description: side.description.as_ref().map(|d| text(briefing, d)),
        })
        .collect()
}

fn stance(b: &Briefing, stance: &content::Stance) -> StanceOut {
    StanceOut {
        issue: address::of_entity(b, stance.issue),
        position: stance.position.label().to_owned(),
        line: text(b, &stance.line),
        cites: stance.cites.clone(),
        quote: stance.quote.as_ref().map(|q| Quote { text: q.text.to_string(), para: q.para }),
        basis: basis(stance.basis),
        source: stance.source.as_ref().map(|s| s.to_string()),
    }
}

fn basis(basis: content::Basis) -> String {
    match basis {
        content::Basis::Stated => "stated",
        content::Basis::Inferred => "inferred",
        content::Basis::Outside => "outside",
    }
    .to_owned()
}

fn entity(
    b: &Briefing,
    id: EntityId,
    addresses: &dyn Fn(&[EntityId]) -> Vec<String>,
    descriptions: &Descriptions<'_>,
) -> Entity {
    let e = b.entity(id);
    let details = match &e.details {
        Details::Actor { kind, side, role, affiliation, issues, stances } => DetailsOut::Actor {
            actor_kind: kind.label().to_owned(),
            side: side.and_then(|s| b.sides.get(usize::from(s.0))).map(|s| s.id.clone()),
            role: role.as_ref().map(|r| text(b, r)),
            affiliation: affiliation.map(|a| address::of_entity(b, a)),
            issues: addresses(issues),
            stances: stances.iter().map(|s| stance(b, s)).collect(),
        },
        Details::Issue { related } => DetailsOut::Issue {
            related: addresses(related),
            involved: addresses(b.involved.get(&id).map(Vec::as_slice).unwrap_or(&[])),
        },
        Details::Event { date: when, actors, places, issues } => DetailsOut::Event {
            date: date(when),
            actors: addresses(actors),
            places: addresses(places),
            issues: addresses(issues),
        },
        Details::Place { country, location } => DetailsOut::Place {
            country: country.as_ref().map(|c| c.to_string()),
            location: location.map(|l| Location { lat: l.lat, lon: l.lon }),
        },
        Details::Term { expansion, see_also } => DetailsOut::Term {
            expansion: expansion.as_ref().map(|x| x.to_string()),
            see_also: addresses(see_also),
        },
    };
    Entity {
        address: address::of_entity(b, id),
        id: e.id.to_string(),
        kind: e.kind().label().to_owned(),
        name: e.name.to_string(),
        aliases: e.aliases.iter().map(|a| a.to_string()).collect(),
        summary: text(b, &e.summary),
        description: descriptions.of(id).map(|d| text(b, &d)),
        cites: e.cites.to_vec(),
        quotes: e.quotes.iter().map(|q| Quote { text: q.text.to_string(), para: q.para }).collect(),
        context: e
            .context
            .iter()
            .map(|c| Context { text: text(b, &c.text), source: c.source.to_string() })
            .collect(),
        slips: e
            .slips
            .iter()
            .map(|s| Slip {
                said: s.said.to_string(),
                correct: s.correct.to_string(),
                para: s.para,
                source: s.source.as_ref().map(|x| x.to_string()),
            })
            .collect(),
        draft: e.draft,
        details,
        backlinks: addresses(&b.backlinks[id.index()]),
    }
}

fn text(b: &Briefing, text: &content::Text) -> TextOut {
    let blocks = text
        .blocks()
        .map(|(kind, inlines)| Block {
            kind: match kind {
                BlockKind::Paragraph => BlockType::Paragraph,
                BlockKind::Heading => BlockType::Heading,
                BlockKind::Quote => BlockType::Quote,
                BlockKind::Code => BlockType::Code,
                BlockKind::Item { depth, number, first } => {
                    BlockType::Item { depth, number, first }
                }
            },
            runs: inlines
                .map(|i| RunOut {
                    text: i.text.to_owned(),
                    emphasis: i.emphasis,
                    strong: i.strong,
                    code: i.code,
                    link: i.link.map(|link| match link {
                        Link::Entity(id) => LinkOut::Entity(address::of_entity(b, id)),
                        Link::Paragraph(n) => LinkOut::Paragraph(n),
                        Link::External(url) => LinkOut::Url(url.to_string()),
                    }),
                })
                .collect(),
        })
        .collect();
    TextOut { plain: text.plain(), blocks }
}

/// "2013", "2013-05", "2013-05-15": a partial date as briefing files write it.
fn partial(date: PartialDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

fn date(date: &content::Date) -> DateOut {
    use content::Precision;
    DateOut {
        start: partial(date.start),
        end: date.end.map(partial),
        precision: match date.precision {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Approximate => "approximate",
        }
        .to_owned(),
        basis: basis(date.basis),
        text: date.when(),
        note: date.note.as_ref().map(|n| n.to_string()),
        source: date.source.as_ref().map(|s| s.to_string()),
    }
}
