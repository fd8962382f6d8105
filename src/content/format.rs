//! The TOML files as written by hand: serde types that mirror docs/FORMAT.md field for field.
//!
//! Every struct denies unknown fields so a misspelt key is an error rather than a value that
//! silently disappears, and the values a diagnostic may point at keep their byte span.

use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;
pub type Ids = Vec<Spanned<String>>;
pub type Cites = Vec<Spanned<i64>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefingFile {
    pub title: Text,
    pub publisher: Text,
    pub publisher_id: Option<Spanned<String>>,
    pub author: Option<Text>,
    pub url: Text,
    pub published: Spanned<DateField>,
    pub summary: Text,
    #[serde(default)]
    pub key_point: Vec<KeyPointField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyPointField {
    pub text: Text,
    #[serde(default)]
    pub cites: Cites,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub title: Text,
    #[serde(default)]
    pub paragraph: Vec<ParagraphField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParagraphField {
    pub n: Spanned<i64>,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuesFile {
    #[serde(default)]
    pub issue: Vec<IssueField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    #[serde(default)]
    pub event: Vec<EventField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default)]
    pub place: Vec<PlaceField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub term: Vec<TermField>,
}

/// The fields every entity shares. Each kind repeats them (serde's `flatten` cannot be combined
/// with `deny_unknown_fields`), and `common()` gathers them back into one value.
pub struct Common<'a> {
    pub id: &'a Spanned<String>,
    pub name: &'a Text,
    pub aliases: &'a [Text],
    pub summary: &'a Text,
    pub description: Option<&'a Text>,
    pub cites: &'a Cites,
    pub quote: &'a [QuoteField],
    pub context: &'a [ContextField],
    pub slip: &'a [SlipField],
}

macro_rules! entity_field {
    ($(#[$doc:meta])* $name:ident { $($extra:tt)* }) => {
        $(#[$doc])*
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub id: Spanned<String>,
            pub name: Text,
            #[serde(default)]
            pub aliases: Vec<Text>,
            pub summary: Text,
            pub description: Option<Text>,
            #[serde(default)]
            pub cites: Cites,
            #[serde(default)]
            pub quote: Vec<QuoteField>,
            #[serde(default)]
            pub context: Vec<ContextField>,
            #[serde(default)]
            pub slip: Vec<SlipField>,
            $($extra)*
        }

        impl $name {
            pub fn common(&self) -> Common<'_> {
                Common {
                    id: &self.id,
                    name: &self.name,
                    aliases: &self.aliases,
                    summary: &self.summary,
                    description: self.description.as_ref(),
                    cites: &self.cites,
                    quote: &self.quote,
                    context: &self.context,
                    slip: &self.slip,
                }
            }
        }
    };
}

entity_field!(
    /// `[[actor]]` in actors.toml.
    ActorField {
        pub kind: Spanned<ActorKind>,
        pub side: Spanned<Side>,
        pub role: Option<Text>,
        pub affiliation: Option<Spanned<String>>,
        #[serde(default)]
        pub issues: Ids,
    }
);

entity_field!(
    /// `[[issue]]` in issues.toml.
    IssueField {
        #[serde(default)]
        pub related: Ids,
    }
);

entity_field!(
    /// `[[event]]` in timeline.toml.
    EventField {
        pub date: Spanned<DateField>,
        #[serde(default)]
        pub actors: Ids,
        #[serde(default)]
        pub places: Ids,
        #[serde(default)]
        pub issues: Ids,
    }
);

entity_field!(
    /// `[[place]]` in places.toml.
    PlaceField {
        pub country: Option<Text>,
        pub location: Option<Spanned<LocationField>>,
    }
);

entity_field!(
    /// `[[term]]` in glossary.toml.
    TermField {
        pub expansion: Option<Text>,
        #[serde(default)]
        pub see_also: Ids,
    }
);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteField {
    pub text: Text,
    pub para: Spanned<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextField {
    pub text: Text,
    pub source: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlipField {
    pub said: Text,
    pub correct: Text,
    pub para: Spanned<i64>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateField {
    pub start: Spanned<String>,
    pub end: Option<Spanned<String>>,
    pub precision: Spanned<super::date::Precision>,
    pub basis: Spanned<super::date::Basis>,
    pub note: Option<Text>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocationField {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    Person,
    Organisation,
    State,
    Group,
}

/// The sides the reader groups actors by, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    UnitedStates,
    Russia,
    Nato,
    NonGovernmental,
    Other,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Side::UnitedStates => "United States",
            Side::Russia => "Russia",
            Side::Nato => "NATO",
            Side::NonGovernmental => "Non-governmental",
            Side::Other => "Others",
        }
    }
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
