//! What an entity is tied to: its relations and its backlinks ("Referenced by"). Shown in the
//! third column on wide terminals and at the end of the detail otherwise.

use super::{Doc, DocBuilder, Listing, Role, Style, Target, shown};
use crate::content::{Briefing, Details, EntityId, Kind};

pub fn doc(briefing: &Briefing, id: EntityId) -> Doc {
    let mut b = DocBuilder::default();
    append(&mut b, briefing, id);
    if b.finish_len() == 0 {
        b.block(false).styled("Nothing links here yet.", Role::Muted);
    }
    b.finish()
}

pub fn append(b: &mut DocBuilder, briefing: &Briefing, id: EntityId) {
    let entity = briefing.entity(id);
    match &entity.details {
        Details::Actor { side, affiliation, issues, .. } => {
            if let Some(side) = side {
                section(b, "Side", &[]);
                let name = briefing.side_name(Some(*side)).to_owned();
                b.block(false).marker("  ", Style::default()).text(name);
            }
            if let Some(affiliation) = affiliation {
                section(b, "Affiliation", &[*affiliation]);
                list(b, briefing, &[*affiliation]);
            }
            section(b, "Issues", issues);
            list(b, briefing, issues);
        }
        Details::Issue { related } => {
            let involved = Listing::Involved(id).items(briefing);
            section(b, "Actors involved", involved);
            capped(b, briefing, Listing::Involved(id), "actors");
            section(b, "Related issues", related);
            list(b, briefing, related);
        }
        Details::Event { actors, places, issues, .. } => {
            section(b, "Actors", actors);
            list(b, briefing, actors);
            section(b, "Places", places);
            list(b, briefing, places);
            section(b, "Issues", issues);
            list(b, briefing, issues);
        }
        Details::Term { see_also, .. } => {
            section(b, "See also", see_also);
            list(b, briefing, see_also);
        }
        Details::Place { .. } => {}
    }

    if !briefing.backlinks[id.index()].is_empty() {
        b.heading("Referenced by");
        for kind in Kind::all() {
            let listing = Listing::Backlinks(id, kind);
            if listing.items(briefing).is_empty() {
                continue;
            }
            b.block(false).styled(kind.plural(), Role::Label);
            capped(b, briefing, listing, &kind.plural().to_lowercase());
        }
    }
}

/// The first items of a list, and a link to all of them when there are more: a page shows
/// as much as a reader takes in, whatever the size of the briefing.
fn capped(b: &mut DocBuilder, briefing: &Briefing, listing: Listing, what: &str) {
    let items = listing.items(briefing);
    let shown = shown(items.len());
    list(b, briefing, &items[..shown]);
    if shown < items.len() {
        let more = format!("and {} more {what}…", items.len() - shown);
        b.block(false).marker("  ", Style::default()).link(more, Target::More(listing));
    }
}

/// A heading, shown only when there is something under it (or when `ids` is empty on
/// purpose, for a value that is not a list).
fn section(b: &mut DocBuilder, label: &str, ids: &[EntityId]) {
    if ids.is_empty() && label != "Side" {
        return;
    }
    b.heading(label);
}

/// One link a row, with each event's date beside it.
fn list(b: &mut DocBuilder, briefing: &Briefing, ids: &[EntityId]) {
    for id in ids {
        let entity = briefing.entity(*id);
        b.block(false)
            .marker("• ", Style::role(Role::Marker))
            .link(entity.name.clone(), Target::Entity(*id));
        if let Some(date) = entity.date() {
            b.styled(format!(" · {}", date.when()), Role::Muted);
        }
    }
}
