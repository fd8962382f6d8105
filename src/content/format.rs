//! The TOML files as written by hand: serde types that mirror docs/FORMAT.md field for field.
//!
//! Required fields of an entry are `Option`s here and checked by the validator: a field whose
//! value is rejected is set aside and the entry read again (`entries`), so its other fields
//! are still checked; the schema still marks them required.
//!
//! Every struct denies unknown fields so a misspelt key is an error rather than a value that
//! silently disappears, and the values a diagnostic may point at keep their byte span. The
//! same types generate the JSON Schema (`briefing schema`); their doc comments become its
//! descriptions, which editors show while completing a field.

use super::date::{Basis, Precision};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;
pub type Ids = Vec<Spanned<String>>;
pub type Cites = Vec<Spanned<i64>>;

/// The pattern of an id: lowercase letters, digits and hyphens.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";
const DATE_PATTERN: &str = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

/// briefing.toml: what the briefing is and where it comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BriefingFile {
    /// The version of this format the briefing is written in: 2.
    #[schemars(with = "u32", range(min = 2, max = 2))]
    pub format: Option<Spanned<i64>>,
    /// The briefing's title, usually the article's.
    #[schemars(with = "String")]
    pub title: Option<Text>,
    /// Who published the source, as readers should see it.
    #[schemars(with = "String")]
    pub publisher: Option<Text>,
    /// The id of the actor that published the source, to link the publisher to it.
    #[schemars(with = "Option<String>", pattern(ID_PATTERN))]
    pub publisher_id: Option<Spanned<String>>,
    /// The author, only when the source names one.
    #[schemars(with = "Option<String>")]
    pub author: Option<Text>,
    /// The source's web address.
    #[schemars(with = "String")]
    pub url: Option<Text>,
    /// When the source was published.
    #[schemars(with = "DateField")]
    pub published: Option<Spanned<DateField>>,
    /// A summary of the briefing in CommonMark, with [[id]] links.
    #[schemars(with = "String")]
    pub summary: Option<Text>,
    /// The key points, in reading order.
    #[serde(default)]
    pub key_point: Vec<KeyPointField>,
    /// The sides (or groups) actors belong to, in the order the Actors list shows them.
    #[serde(default)]
    pub side: Vec<SideField>,
}

/// A side an actor can take, or a group it belongs to: a state, an alliance, a camp.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SideField {
    /// Unique among the sides: lowercase letters, digits and hyphens. Actors name it in `side`.
    #[schemars(with = "String", pattern(ID_PATTERN))]
    pub id: Option<Spanned<String>>,
    /// How the Actors list heads its group.
    #[schemars(with = "String")]
    pub name: Option<Text>,
    /// A line on who is on this side, in CommonMark.
    #[schemars(with = "Option<String>")]
    pub description: Option<Text>,
}

/// A key point of the briefing.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPointField {
    /// The point in CommonMark, with [[id]] links.
    #[schemars(with = "String")]
    pub text: Option<Text>,
    /// The source paragraphs it rests on.
    #[serde(default)]
    #[schemars(with = "Vec<u32>")]
    pub cites: Cites,
}

/// source.toml: the original article, paragraph by paragraph, verbatim.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// The article's own title, verbatim.
    #[schemars(with = "String")]
    pub title: Option<Text>,
    /// The paragraphs, numbered from 1 in order.
    #[serde(default)]
    pub paragraph: Vec<ParagraphField>,
}

/// One paragraph of the source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParagraphField {
    /// Its number: 1 for the first, then 2, 3… with no gaps.
    #[schemars(with = "u32", range(min = 1))]
    pub n: Option<Spanned<i64>>,
    /// The paragraph exactly as the source has it. Use a literal string ('''…''').
    #[schemars(with = "String")]
    pub text: Option<Text>,
}

/// actors.toml: people, organisations, states and groups.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    /// The actors.
    #[serde(default)]
    pub actor: Vec<ActorField>,
}

/// issues.toml: what is at stake.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssuesFile {
    /// The issues.
    #[serde(default)]
    pub issue: Vec<IssueField>,
}

/// timeline.toml: what happened when.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    /// The events, best kept in date order.
    #[serde(default)]
    pub event: Vec<EventField>,
}

/// places.toml: where things happened.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    /// The places.
    #[serde(default)]
    pub place: Vec<PlaceField>,
}

/// glossary.toml: acronyms and terms.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    /// The terms.
    #[serde(default)]
    pub term: Vec<TermField>,
}

/// The fields every entity shares. Each kind repeats them (serde's `flatten` cannot be combined
/// with `deny_unknown_fields`), and `common()` gathers them back into one value.
pub struct Common<'a> {
    pub id: Option<&'a Spanned<String>>,
    pub name: Option<&'a Text>,
    pub aliases: &'a [Text],
    pub summary: Option<&'a Text>,
    pub description: Option<&'a Text>,
    pub cites: &'a Cites,
    pub quote: &'a [QuoteField],
    pub context: &'a [ContextField],
    pub slip: &'a [SlipField],
    pub draft: bool,
}

macro_rules! entity_field {
    ($(#[$doc:meta])* $name:ident { $($extra:tt)* }) => {
        $(#[$doc])*
        #[derive(Debug, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Unique in the whole briefing: lowercase letters, digits and hyphens.
            #[schemars(with = "String", pattern(ID_PATTERN))]
            pub id: Option<Spanned<String>>,
            /// How lists and links show it.
            #[schemars(with = "String")]
            pub name: Option<Text>,
            /// Other names the source uses for it.
            #[serde(default)]
            #[schemars(with = "Vec<String>")]
            pub aliases: Vec<Text>,
            /// One line in CommonMark, with [[id]] links.
            #[schemars(with = "String")]
            pub summary: Option<Text>,
            /// A longer text in CommonMark, with [[id]] and [[id|label]] links.
            #[schemars(with = "Option<String>")]
            pub description: Option<Text>,
            /// The source paragraphs it rests on.
            #[serde(default)]
            #[schemars(with = "Vec<u32>")]
            pub cites: Cites,
            /// Words quoted from the source, each with its paragraph.
            #[serde(default)]
            pub quote: Vec<QuoteField>,
            /// Outside context: facts not in the source, each with its source.
            #[serde(default)]
            pub context: Vec<ContextField>,
            /// The source's own slips, flagged; the quote is left as written.
            #[serde(default)]
            pub slip: Vec<SlipField>,
            /// A drafted entry (by `briefing import`) that no person has reviewed yet; remove
            /// it once the entry is checked against the source.
            #[serde(default)]
            pub draft: bool,
            $($extra)*
        }

        impl $name {
            pub fn common(&self) -> Common<'_> {
                Common {
                    id: self.id.as_ref(),
                    name: self.name.as_ref(),
                    aliases: &self.aliases,
                    summary: self.summary.as_ref(),
                    description: self.description.as_ref(),
                    cites: &self.cites,
                    quote: &self.quote,
                    context: &self.context,
                    slip: &self.slip,
                    draft: self.draft,
                }
            }
        }
    };
}

entity_field!(
    /// An actor: a person, organisation, state or group.
    ActorField {
        /// What sort of actor it is.
        #[schemars(with = "ActorKind")]
        pub kind: Option<Spanned<ActorKind>>,
        /// The id of the side it is on, one of the `[[side]]`s of briefing.toml; an actor
        /// on no side is listed last.
        #[schemars(with = "Option<String>", pattern(ID_PATTERN))]
        pub side: Option<Spanned<String>>,
        /// Office or role, in CommonMark.
        #[schemars(with = "Option<String>")]
        pub role: Option<Text>,
        /// The id of the actor this one belongs to.
        #[schemars(with = "Option<String>", pattern(ID_PATTERN))]
        pub affiliation: Option<Spanned<String>>,
        /// The ids of the issues this actor is involved in.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        pub issues: Ids,
        /// Where the actor stands on issues, each resting on the source.
        #[serde(default)]
        #[schemars(with = "Vec<StanceField>")]
        pub stance: Vec<Spanned<StanceField>>,
    }
);

/// Where an actor stands on an issue, as the source states or plainly implies it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceField {
    /// The id of the issue.
    #[schemars(with = "String", pattern(ID_PATTERN))]
    pub issue: Option<Spanned<String>>,
    /// The position, in one word.
    #[schemars(with = "Position")]
    pub position: Option<Spanned<Position>>,
    /// The stance in one line, in the briefing's words (CommonMark, with [[id]] links).
    #[schemars(with = "String")]
    pub line: Option<Text>,
    /// The source paragraphs it rests on.
    #[serde(default)]
    #[schemars(with = "Vec<u32>")]
    pub cites: Cites,
    /// The source's own words for it, with their paragraph.
    pub quote: Option<QuoteField>,
    /// Whether the source states the stance or it is inferred from what the source says.
    #[schemars(with = "Basis")]
    pub basis: Option<Spanned<Basis>>,
    /// The outside source; required when basis is "outside".
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// A position on an issue. Six words, few enough to tell apart at a glance in a matrix, and
/// enough for what articles say: for or against, against in part or on conditions (wary),
/// split within (divided), declared neither way (neutral), and involved without saying where
/// it stands (unclear).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    JsonSchema,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// For it.
    Supports,
    /// Split within: some of its people for, some against.
    Divided,
    /// Takes neither side, and says so.
    Neutral,
    /// Against it in part or on conditions; suspicious of it.
    Wary,
    /// Against it.
    Opposes,
    /// Involved, but what it thinks is not said.
    Unclear,
}

impl Position {
    /// The word as written in the files and shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            Position::Supports => "supports",
            Position::Divided => "divided",
            Position::Neutral => "neutral",
            Position::Wary => "wary",
            Position::Opposes => "opposes",
            Position::Unclear => "unclear",
        }
    }

    /// The words before an issue's name in an actor's list of stances: "Wary of Missile
    /// defense".
    pub fn lead(self) -> &'static str {
        match self {
            Position::Supports => "Supports",
            Position::Divided => "Divided on",
            Position::Neutral => "Neutral on",
            Position::Wary => "Wary of",
            Position::Opposes => "Opposes",
            Position::Unclear => "Unclear on",
        }
    }

    /// Every position, from for to against, then unclear.
    pub fn all() -> impl Iterator<Item = Position> {
        <Position as strum::IntoEnumIterator>::iter()
    }
}

entity_field!(
    /// An issue: a subject of the briefing.
    IssueField {
        /// The ids of related issues; the relation shows on both sides.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        pub related: Ids,
    }
);

entity_field!(
    /// An event on the timeline.
    EventField {
        /// When it happened, with how much is known and on what basis.
        #[schemars(with = "DateField")]
        pub date: Option<Spanned<DateField>>,
        /// The ids of the actors involved.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        pub actors: Ids,
        /// The ids of the places where it happened.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        pub places: Ids,
        /// The ids of the issues it concerns.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        pub issues: Ids,
    }
);

entity_field!(
    /// A place.
    PlaceField {
        /// The country it is in.
        #[schemars(with = "Option<String>")]
        pub country: Option<Text>,
        /// Approximate coordinates in WGS84 degrees.
        #[schemars(with = "Option<LocationField>")]
        pub location: Option<Spanned<LocationField>>,
    }
);

entity_field!(
    /// A glossary term or acronym.
    TermField {
        /// What an acronym stands for.
        #[schemars(with = "Option<String>")]
        pub expansion: Option<Text>,
        /// The ids of related entities of any kind.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        pub see_also: Ids,
    }
);

/// Words quoted verbatim from the source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteField {
    /// The words exactly as the paragraph has them.
    #[schemars(with = "String")]
    pub text: Text,
    /// The paragraph they come from.
    #[schemars(with = "u32", range(min = 1))]
    pub para: Spanned<i64>,
}

/// A fact from outside the source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContextField {
    /// The fact, in CommonMark.
    #[schemars(with = "String")]
    pub text: Text,
    /// Where it comes from.
    #[schemars(with = "String")]
    pub source: Text,
}

/// A slip in the source: flagged, never silently corrected.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlipField {
    /// The words as the source has them, verbatim.
    #[schemars(with = "String")]
    pub said: Text,
    /// What is correct.
    #[schemars(with = "String")]
    pub correct: Text,
    /// The paragraph the slip is in.
    #[schemars(with = "u32", range(min = 1))]
    pub para: Spanned<i64>,
    /// Where the correction comes from.
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// A date: a partial ISO date or a range, with a precision and a basis.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateField {
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    #[schemars(with = "String", pattern(DATE_PATTERN))]
    pub start: Spanned<String>,
    /// The last day of a range, in the same forms; not before start.
    #[schemars(with = "Option<String>", pattern(DATE_PATTERN))]
    pub end: Option<Spanned<String>>,
    /// How much of the date is known; it must match the form of start.
    #[schemars(with = "Precision")]
    pub precision: Spanned<Precision>,
    /// Where the date comes from.
    #[schemars(with = "Basis")]
    pub basis: Spanned<Basis>,
    /// A short sentence on how the date was found.
    #[schemars(with = "Option<String>")]
    pub note: Option<Text>,
    /// The outside source; required when basis is "outside".
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// Approximate coordinates.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocationField {
    /// Latitude in degrees, -90 to 90.
    #[schemars(range(min = -90.0, max = 90.0))]
    pub lat: f64,
    /// Longitude in degrees, -180 to 180.
    #[schemars(range(min = -180.0, max = 180.0))]
    pub lon: f64,
}

/// What sort of actor it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Person,
    Organisation,
    State,
    Group,
}

impl ActorKind {
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::State => "state",
            ActorKind::Group => "group",
        }
    }
}

/// Moves every span a value holds by `by` bytes. An entry parsed from a part of its file has
/// spans counted from the part's start; moving the entry's few spans once it is read costs
/// far less than moving every span of the parsed table before.
pub trait Moved: Sized {
    fn moved(self, by: usize) -> Self;
}

impl<T: Moved> Moved for Spanned<T> {
    fn moved(self, by: usize) -> Self {
        let span = self.span();
        Spanned::new(span.start + by..span.end + by, self.into_inner().moved(by))
    }
}

impl<T: Moved> Moved for Option<T> {
    fn moved(self, by: usize) -> Self {
        self.map(|v| v.moved(by))
    }
}

impl<T: Moved> Moved for Vec<T> {
    fn moved(self, by: usize) -> Self {
        // Collected in place: the vector's room is used again.
        self.into_iter().map(|v| v.moved(by)).collect()
    }
}

/// Values with no span of their own.
macro_rules! unmoved {
    ($($t:ty),*) => { $(impl Moved for $t { fn moved(self, _: usize) -> Self { self } })* };
}
unmoved!(String, i64, bool, f64, ActorKind, Position, Precision, Basis, LocationField);

/// Structs: each field named is moved, the rest kept.
macro_rules! moved_fields {
    ($($t:ident { $($field:ident),* })*) => {
        $(impl Moved for $t {
            // `..self` keeps what has no span, and is needless only where every field has one.
            #[allow(clippy::needless_update)]
            fn moved(self, by: usize) -> Self {
                $t { $($field: self.$field.moved(by),)* ..self }
            }
        })*
    };
}
moved_fields! {
    ActorField { id, name, aliases, summary, description, cites, quote, context, slip, kind, side, role, affiliation, issues, stance }
    IssueField { id, name, aliases, summary, description, cites, quote, context, slip, related }
    EventField { id, name, aliases, summary, description, cites, quote, context, slip, date, actors, places, issues }
    PlaceField { id, name, aliases, summary, description, cites, quote, context, slip, country, location }
    TermField { id, name, aliases, summary, description, cites, quote, context, slip, expansion, see_also }
    StanceField { issue, position, line, cites, quote, basis, source }
    QuoteField { text, para }
    ContextField { text, source }
    SlipField { said, correct, para, source }
    DateField { start, end, precision, basis, note, source }
    ParagraphField { n, text }
}
