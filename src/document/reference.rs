//! A reference a reader can paste into their notes: what the item is, what the briefing says
//! of it, and where that comes from, "(¶2, BASIC, 29 Apr 2013, date inferred)". The reader's
//! `y` copies it; print and export can use it too, so it needs no reader to be made.

use crate::content::{Basis, Briefing, Details, EntityId};

/// What to make a reference of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The briefing as a whole.
    Briefing,
    /// A paragraph of the source.
    Paragraph(u32),
    Entity(EntityId),
}

pub fn reference(briefing: &Briefing, subject: Subject) -> Option<String> {
    let b = briefing;
    let publisher = b.publisher_id.map_or(b.publisher.clone(), |p| b.entity(p).name.clone());
    let published = match b.published.basis {
        Basis::Stated => b.published.when(),
        Basis::Inferred => format!("{}, date inferred", b.published.when()),
        Basis::Outside => format!("{}, date from an outside source", b.published.when()),
    };
    let source = format!("{publisher}, {published}");
    match subject {
        Subject::Briefing => Some(format!("{}. {source}. {}", b.title, b.url)),
        Subject::Paragraph(n) => {
            let text = b.source.paragraphs.get((n as usize).checked_sub(1)?)?;
            Some(format!(
                "“{}” (¶{n}, {source})",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ))
        }
        Subject::Entity(id) => {
            let entity = b.entity(id);
            let what = match &entity.details {
                Details::Actor { role: Some(role), .. } => {
                    format!("{}, {}", entity.name, role.plain())
                }
                // The date and its basis sit in one pair of brackets: "(Sep 2009, outside source)".
                Details::Event { date, .. } => match date.basis {
                    Basis::Stated => format!("{} ({})", entity.name, date.when()),
                    basis => format!("{} ({}, {})", entity.name, date.when(), basis.label()),
                },
                Details::Term { expansion: Some(e), .. } => format!("{} ({e})", entity.name),
                _ => entity.name.to_string(),
            };
            let mut paragraphs: Vec<u32> =
                entity.cites.iter().chain(entity.quotes.iter().map(|q| &q.para)).copied().collect();
            paragraphs.sort_unstable();
            paragraphs.dedup();
            let cited = if paragraphs.is_empty() {
                let sources: Vec<&str> = entity.context.iter().map(|c| c.source.as_str()).collect();
                format!("outside context: {}", sources.join("; "))
            } else {
                let cites: Vec<String> = paragraphs.iter().map(|n| format!("¶{n}")).collect();
                format!("{}, {source}", cites.join(", "))
            };
            Some(format!("{what}: {} ({cited})", entity.summary.plain()))
        }
    }
}
