//! `s`: searching the whole briefing, every entity's text and every source paragraph, through
//! an index folded once at load, so a query costs a scan of prepared text and no folding.

use super::fold::{Folded, fold, fold_query};
use crate::content::{Briefing, Details, Kind};
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

struct Entry {
    /// Whether this is the entity's name or an alias: a match there is shown with the
    /// entity's summary as its context, not the name again.
    name: bool,
    target: Target,
    group: Group,
    title: String,
    text: String,
    folded: Folded,
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

impl SearchIndex {
    pub fn build(briefing: &Briefing) -> SearchIndex {
        let mut entries = Vec::new();
        for (group, kind) in Kind::all().enumerate() {
            for id in briefing.list(kind) {
                let entity = briefing.entity(*id);
                let mut fields: Vec<String> = vec![entity.name.to_string()];
                fields.extend(entity.aliases.iter().map(|a| a.to_string()));
                if let Details::Term { expansion: Some(e), .. } = &entity.details {
                    fields.push(e.to_string());
                }
                fields.extend(entity.texts().map(|t| t.plain()));
                fields.extend(entity.quotes.iter().map(|q| q.text.to_string()));
                let names = 1 + entity.aliases.len();
                for (i, text) in fields.into_iter().enumerate() {
                    let text = text.replace('\n', " ");
                    entries.push(Entry {
                        name: i < names,
                        target: Target::Entity(*id),
                        group: Group::Entities(group),
                        title: entity.name.to_string(),
                        folded: fold(&text, false),
                        text,
                    });
                }
            }
        }
        for (i, paragraph) in briefing.source.paragraphs.iter().enumerate() {
            let text = paragraph.replace('\n', " ");
            entries.push(Entry {
                name: false,
                target: Target::Paragraph(i as u32 + 1),
                group: Group::Source,
                title: format!("¶{}", i + 1),
                folded: fold(&text, false),
                text,
            });
        }
        SearchIndex { entries }
    }

    /// Every entity or paragraph that matches, once each (at its first matching field),
    /// grouped by kind, at most `limit`; and how many there were in all.
    pub fn search(&self, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        let (needle, keep_case) = fold_query(query);
        let lower = needle.to_ascii_lowercase();
        let mut hits: Vec<Hit> = Vec::new();
        let mut total = 0;
        let mut last_target: Option<&Target> = None;
        for (i, entry) in self.entries.iter().enumerate() {
            if last_target == Some(&entry.target) {
                continue;
            }
            let Some(mut range) = entry.folded.find(&lower) else { continue };
            if keep_case {
                // The index is folded without case; a query with a capital is checked again
                // against the entry folded with case.
                match fold(&entry.text, true).find(&needle) {
                    Some(r) => range = r,
                    None => continue,
                }
            }
            last_target = Some(&entry.target);
            total += 1;
            if hits.len() < limit {
                hits.push(if entry.name {
                    named(entry, &self.entries[i..])
                } else {
                    hit(entry, range)
                });
            }
        }
        hits.sort_by_key(|h| h.group);
        (hits, total)
    }
}

/// A match in a name: the context shown is the entity's summary, the first of its entries
/// after its names (`following` starts at the match).
fn named(entry: &Entry, following: &[Entry]) -> Hit {
    let summary = following
        .iter()
        .take_while(|e| e.target == entry.target)
        .find(|e| !e.name)
        .map_or("", |e| e.text.as_str());
    Hit {
        target: entry.target.clone(),
        group: entry.group,
        title: entry.title.clone(),
        snippet: summary.chars().take(SNIPPET).collect(),
        highlight: 0..0,
    }
}

fn hit(entry: &Entry, range: Range<usize>) -> Hit {
    let chars: Vec<char> = entry.text.chars().collect();
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
        target: entry.target.clone(),
        group: entry.group,
        title: entry.title.clone(),
        snippet,
        highlight: range.start - start + offset..range.end - start + offset,
    }
}
