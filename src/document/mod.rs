//! What the reader shows as text: each page (the summary, an entity's detail, its related
//! items, the source) is built once as a `Doc` of styled runs and links, then wrapped once per
//! width into rows that record where every link landed. Scrolling, link focus and drawing all
//! read those rows. Nothing here depends on the terminal library.

pub mod address;
mod build;
pub mod detail;
pub mod export;
mod page;
pub mod print;
pub mod reference;
pub mod related;
pub mod source;
pub mod stances;
pub mod summary;
pub mod wrap;

pub use build::DocBuilder;
pub use page::{Page, PaneKeys};
pub use wrap::{Wrapped, wrap};

use crate::content::EntityId;

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Entity(EntityId),
    Paragraph(u32),
    /// A quote of an entity (its index among the entity's quotes): the source opens at its
    /// paragraph with the quoted words marked.
    Quote(EntityId, u16),
    External(crate::content::sanitize::Clean),
    /// All of a long list a page shows only the start of.
    More(Listing),
}

/// A list that may be too long to show whole on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listing {
    /// The entities of a kind that link to an entity.
    Backlinks(EntityId, crate::content::Kind),
    /// The actors involved in an issue.
    Involved(EntityId),
    /// The entities that cite a source paragraph.
    Citing(u32),
}

impl Listing {
    /// Every entity of the list, in its order.
    pub fn items(self, briefing: &crate::content::Briefing) -> &[EntityId] {
        match self {
            Listing::Backlinks(id, kind) => briefing.backlinks_of(id, kind),
            Listing::Involved(id) => briefing.involved.get(&id).map(Vec::as_slice).unwrap_or(&[]),
            Listing::Citing(n) => briefing
                .cited_by
                .get((n as usize).wrapping_sub(1))
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        }
    }

    /// What the list is, for the title of the box that shows it whole.
    pub fn title(self, briefing: &crate::content::Briefing) -> String {
        match self {
            Listing::Backlinks(id, kind) => {
                format!("{} that link to {}", kind.plural(), briefing.entity(id).name)
            }
            Listing::Involved(id) => format!("Actors involved in {}", briefing.entity(id).name),
            Listing::Citing(n) => format!("Everything that cites ¶{n}"),
        }
    }
}

/// How many items of a list a page shows: all of a short list, and the first 25 of a long one,
/// whose rest is a link away. A list only a few longer than that is shown whole, since a link
/// to "3 more" saves the reader nothing.
pub fn shown(len: usize) -> usize {
    const SHOWN: usize = 25;
    if len <= SHOWN + 5 { len } else { SHOWN }
}

/// "1 event", "3 events".
pub fn count(n: usize, singular: &str) -> String {
    if n == 1 { format!("1 {singular}") } else { format!("{n} {singular}s") }
}

/// Text whose spaces must not break a row, such as a date: "15 Mar 2013".
pub fn no_break(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// What a run of text is, for the theme to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    #[default]
    Body,
    Title,
    Heading,
    Label,
    Muted,
    Quote,
    Slip,
    Marker,
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub role: Role,
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
}

impl Style {
    pub fn role(role: Role) -> Style {
        Style { role, ..Style::default() }
    }
}

/// A run of text in one style, part of at most one link (an index into `Doc::links`).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
    pub link: Option<usize>,
}

/// A paragraph-like unit: wrapped on its own, with an optional marker on its first row (a
/// bullet, "¶2") and continuation rows indented under the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    pub indent: u16,
    pub marker: Option<Run>,
    pub runs: Vec<Run>,
    /// A blank row before this block.
    pub gap: bool,
    /// The source paragraph this block shows, so citations can open it.
    pub paragraph: Option<u32>,
}

/// A page of text, independent of width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
    pub links: Vec<Target>,
}
