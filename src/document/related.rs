//! What an entity is tied to: its relations and its backlinks ("Referenced by"). Shown in the
//! third column on wide terminals and at the end of the detail otherwise.

use super::{Doc, DocBuilder, Role, Style, Target};
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
            section(b, "Side", &[]);
            b.block(false).marker("  ", Style::default()).text(side.label());
            if let Some(affiliation) = affiliation {
                section(b, "Affiliation", &[*affiliation]);
                list(b, briefing, &[*affiliation]);
            }
            section(b, "Issues", issues);
            list(b, briefing, issues);
        }
        Details::Issue { related } => {
            let involved = briefing.involved.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            section(b, "Actors involved", involved);
            list(b, briefing, involved);
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

    let backlinks = &briefing.backlinks[id.index()];
    if !backlinks.is_empty() {
        b.heading("Referenced by");
        for kind in Kind::all() {
            let mut of_kind: Vec<EntityId> =
                backlinks.iter().copied().filter(|b| briefing.entity(*b).kind() == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            if kind == Kind::Event {
                of_kind.sort_by_key(|e| briefing.entity(*e).date().map(|d| d.sort_key()));
            }
            b.block(false).styled(kind.plural(), Role::Label);
            list(b, briefing, &of_kind);
        }
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
