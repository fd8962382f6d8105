//! `s`: searching the whole briefing, every entity's text and every source paragraph, through
//! an index folded once, at the first search, so a query costs a scan of prepared text and
//! no folding.

use super::fold::{fold, fold_query, fold_text};
use crate::content::{Briefing, Description, Details, EntityId, Kind};
use crate::document::Target;
use std::ops::Range;

/// How results are grouped, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Entities(usize),
    Source,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Entities(i) => Kind::all().nth(i).map_or("", Kind::plural),
            Group::Source => "Source paragraphs",
        }
    }
}

/// One field of an entity (its name, an alias, a text, a quote) or a source paragraph, as
/// it is matched: folded without case, with where its capitals were. Its own text is not
/// kept: a hit takes it from the briefing again, so the index is about the size of the text
/// it searches rather than several times it.
struct Entry {
    target: Found,
    /// Which of the target's fields (see [`fields`]).
    field: u16,
    /// Whether this is the entity's name or an alias: a match there is shown with the
    /// entity's summary as its context, not the name again.
    name: bool,
    group: Group,
    folded: Box<str>,
    /// One bit for each byte of `folded`: whether it was a capital before folding.
    capitals: Box<[u8]>,
}

/// What an entry is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Entity(EntityId),
    /// A source paragraph, numbered from 1.
    Paragraph(u32),
}

impl Found {
    fn target(self) -> Target {
        match self {
            Found::Entity(id) => Target::Entity(id),
            Found::Paragraph(n) => Target::Paragraph(n),
        }
    }
}

/// A result: where it leads, and the matching line in context.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    pub group: Group,
    pub title: String,
    pub snippet: String,
    /// The match, in characters of `snippet`.
    pub highlight: Range<usize>,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// How much text a snippet shows around its match.
const BEFORE: usize = 30;
const SNIPPET: usize = 90;

/// The searched fields of what an entry is of, in order, each with whether it is a name: the
/// index is built from them, and a hit takes its text from them again.
fn fields(briefing: &Briefing, of: Found) -> Vec<(String, bool)> {
    let mut fields = Vec::new();
    match of {
        Found::Entity(id) => {
            let entity = briefing.entity(id);
            fields.push((entity.name.to_string(), true));
            fields.extend(entity.aliases.iter().map(|a| (a.to_string(), true)));
            if let Details::Term { expansion: Some(e), .. } = &entity.details {
                fields.push((e.to_string(), false));
            }
            fields.extend(entity.texts().map(|t| (t.plain(), false)));
            // Left in its file, a description is read again; one that cannot be (its file
            // changed, and a reload follows) is not found until then, but keeps its number.
            if let Some(Description::InFile { .. }) = entity.description {
                let text = briefing.description(id).and_then(Result::ok);
                fields.push((text.map(|t| t.plain()).unwrap_or_default(), false));
            }
            fields.extend(entity.quotes.iter().map(|q| (q.text.to_string(), false)));
        }
        Found::Paragraph(n) => {
            let paragraph = briefing.source.paragraphs.get(n as usize - 1);
            fields.push((paragraph.map(|p| p.to_string()).unwrap_or_default(), false));
        }
    }
    // A match is shown on one line.
    for (text, _) in &mut fields {
        if text.contains('\n') {
            *text = text.replace('\n', " ");
        }
    }
    fields
}

fn title(briefing: &Briefing, of: Found) -> String {
    match of {
        Found::Entity(id) => briefing.entity(id).name.to_string(),
        Found::Paragraph(n) => format!("¶{n}"),
    }
}

impl SearchIndex {
    pub fn build(briefing: &Briefing) -> SearchIndex {
        let mut entries = Vec::new();
        let mut add = |of: Found, group: Group| {
            for (field, (text, name)) in fields(briefing, of).into_iter().enumerate() {
                let (folded, capitals) = fold_for_index(&text);
                entries.push(Entry {
                    target: of,
                    field: field as u16,
                    name,
                    group,
                    folded,
                    capitals,
                });
            }
        };
        for (group, kind) in Kind::all().enumerate() {
            for id in briefing.list(kind) {
                add(Found::Entity(*id), Group::Entities(group));
            }
        }
        for n in 1..=briefing.source.paragraphs.len() {
            add(Found::Paragraph(n as u32), Group::Source);
        }
        entries.shrink_to_fit();
        SearchIndex { entries }
    }

    /// Every entity or paragraph of `briefing` (the one the index was built from) that
    /// matches, once each (at its first matching field), grouped by kind, at most `limit`;
    /// and how many there were in all.
    pub fn search(&self, briefing: &Briefing, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        let (needle, keep_case) = fold_query(query);
        let lower = needle.to_ascii_lowercase();
        let mut hits: Vec<Hit> = Vec::new();
        let mut total = 0;
        let mut last_target: Option<Found> = None;
        for entry in &self.entries {
            if last_target == Some(entry.target) {
                continue;
            }
            // A query with a capital matches only where the text had capitals alike.
            let found = if keep_case {
                find_with_case(&entry.folded, &entry.capitals, &lower, &needle)
            } else {
                find(&entry.folded, &lower)
            };
            let Some(at) = found else { continue };
            last_target = Some(entry.target);
            total += 1;
            if hits.len() < limit {
                hits.push(hit(briefing, entry, at..at + lower.len()));
            }
        }
        hits.sort_by_key(|h| h.group);
        (hits, total)
    }
}

/// Where `needle` (folded without case, not empty) first stands in `folded`, in bytes.
fn find(folded: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() { None } else { folded.find(needle) }
}

/// The same for a query with capitals: `lower` is `needle` without case. Each place the
/// letters match is tried in turn, as an earlier one may differ in case only.
fn find_with_case(folded: &str, capitals: &[u8], lower: &str, needle: &str) -> Option<usize> {
    let capital = |i: usize| capitals.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0);
    let mut from = 0;
    while let Some(i) = find(&folded[from..], lower) {
        let at = from + i;
        if needle.bytes().enumerate().all(|(k, b)| capital(at + k) == b.is_ascii_uppercase()) {
            return Some(at);
        }
        from = at + folded[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A text folded without case, and where its capitals were.
fn fold_for_index(text: &str) -> (Box<str>, Box<[u8]>) {
    let folded = fold_text(text, true);
    let mut capitals = Vec::new();
    if folded.bytes().any(|b| b.is_ascii_uppercase()) {
        capitals = vec![0u8; folded.len().div_ceil(8)];
        for (i, b) in folded.bytes().enumerate() {
            if b.is_ascii_uppercase() {
                capitals[i / 8] |= 1 << (i % 8);
            }
        }
    }
    (folded.to_ascii_lowercase().into_boxed_str(), capitals.into_boxed_slice())
}

/// A hit on `entry` at `range` (bytes of its folded text), its text taken from the briefing.
fn hit(briefing: &Briefing, entry: &Entry, range: Range<usize>) -> Hit {
    let fields = fields(briefing, entry.target);
    let title = title(briefing, entry.target);
    if entry.name {
        // A match in a name: the context shown is the entity's summary, its first field after
        // its names.
        let summary = fields.iter().find(|(_, name)| !name).map_or("", |(t, _)| t.as_str());
        return Hit {
            target: entry.target.target(),
            group: entry.group,
            title,
            snippet: summary.chars().take(SNIPPET).collect(),
            highlight: 0..0,
        };
    }
    let text = fields.get(entry.field as usize).map_or("", |(t, _)| t.as_str());
    let range = fold(text, false).characters(range);
    snippet(text, range, entry, title)
}

/// The line shown for a match at `range` (characters of `text`): some words before it, and
/// as many after as fit.
fn snippet(text: &str, range: Range<usize>, entry: &Entry, title: String) -> Hit {
    let chars: Vec<char> = text.chars().collect();
    let mut start = range.start.saturating_sub(BEFORE);
    // Start the snippet at a word, not inside one.
    while start > 0 && start < range.start && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let end = (start + SNIPPET).max(range.end).min(chars.len());
    let mut snippet = String::new();
    let mut offset = 0;
    if start > 0 {
        snippet.push('…');
        offset = 1;
    }
    snippet.extend(&chars[start..end]);
    if end < chars.len() {
        snippet.push('…');
    }
    Hit {
        target: entry.target.target(),
        group: entry.group,
        title,
        snippet,
        highlight: range.start - start + offset..range.end - start + offset,
    }
}
