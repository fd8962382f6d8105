//! An entity's detail: every field, its text with links, its quotes, the article's slips,
//! outside context with sources, and its citations. When the layout has no related column,
//! relations and backlinks follow at the end.

use super::{Doc, DocBuilder, Role, Style, Target, related};
use crate::content::{Briefing, Details, EntityId};

pub fn doc(briefing: &Briefing, id: EntityId, with_related: bool) -> Doc {
    let entity = briefing.entity(id);
    let mut b = DocBuilder::default();
    b.block(false).styled(entity.name.clone(), Role::Title);
    b.block(false).styled(subtitle(briefing, id), Role::Muted);
    if entity.draft {
        b.block(false).styled(
            "Draft: drafted from the article by a program and not yet reviewed by a person",
            Role::Slip,
        );
    }
    if !entity.aliases.is_empty() {
        b.block(false)
            .marker("Also called ", label())
            .text(entity.aliases.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", "));
    }

    match &entity.details {
        Details::Actor { role: Some(role), .. } => {
            b.block(true).marker("Role  ", label());
            let first = b.finish_len();
            b.markup(role, 0, false, Role::Body);
            b.merge_block_into_previous(first);
        }
        Details::Event { date, .. } => {
            b.block(true)
                .marker("Date   ", label())
                .styled(super::no_break(&date.when()), Role::Strong);
            b.block(false).marker("Basis  ", label()).text(date.basis.label());
            if let Some(note) = &date.note {
                b.block(false).indent(7).styled(note.clone(), Role::Muted);
            }
            if let Some(source) = &date.source {
                b.block(false).indent(7).styled(format!("Source: {source}"), Role::Muted);
            }
        }
        Details::Place { country, location } => {
            if let Some(country) = country {
                b.block(true).marker("Country   ", label()).text(country.clone());
            }
            if let Some(l) = location {
                b.block(country.is_none())
                    .marker("Location  ", label())
                    .text(l.degrees())
                    .styled(" (approximate)", Role::Muted);
            }
        }
        _ => {}
    }

    b.markup(&entity.summary, 0, true, Role::Body);
    match briefing.description(id) {
        Some(Ok(description)) => {
            b.markup(&description, 0, true, Role::Body);
        }
        // Its file changed after loading; the reload that follows shows the new one.
        Some(Err(unread)) => {
            b.block(true).styled(unread.in_place(), Role::Slip);
        }
        None => {}
    }

    match entity.details {
        Details::Actor { .. } => super::stances::of_actor(&mut b, briefing, id),
        Details::Issue { .. } => super::stances::on_issue(&mut b, briefing, id),
        _ => {}
    }

    if !entity.cites.is_empty() {
        b.block(true).marker("Cited from the article  ", label()).citations(&entity.cites);
    }

    if !entity.quotes.is_empty() {
        b.heading("Quoted from the article");
        for (i, quote) in entity.quotes.iter().enumerate() {
            b.block(false)
                .marker("“", Style::role(Role::Quote))
                .styled(format!("{}”", quote.text), Role::Quote)
                .text(" ")
                .link(format!("¶{}", quote.para), Target::Quote(id, i as u16));
        }
    }

    if !entity.slips.is_empty() {
        b.heading("The article's slips");
        for slip in &entity.slips {
            b.block(false)
                .marker("! ", Style::role(Role::Slip))
                .text("The article says ")
                .styled(format!("“{}”", slip.said), Role::Slip)
                .text(" (")
                .citations(&[slip.para])
                .text("); correct: ")
                .styled(slip.correct.clone(), Role::Strong)
                .text(".");
            if let Some(source) = &slip.source {
                b.block(false).indent(2).styled(format!("Source: {source}"), Role::Muted);
            }
        }
    }

    if !entity.context.is_empty() {
        b.heading("Outside context");
        for context in &entity.context {
            let first = b.finish_len();
            b.markup(&context.text, 2, false, Role::Body);
            b.mark_first_since(first, "• ");
            b.block(false).indent(2).styled(format!("Source: {}", context.source), Role::Muted);
        }
    }

    if with_related {
        related::append(&mut b, briefing, id);
    }
    b.finish()
}

/// The kind line under an entity's name: "person · United States", "event · 15 Mar 2013".
pub fn subtitle(briefing: &Briefing, id: EntityId) -> String {
    let entity = briefing.entity(id);
    let kind = entity.kind().label();
    match &entity.details {
        Details::Actor { kind, side: Some(side), .. } => {
            format!("{} · {}", kind.label(), briefing.side_name(Some(*side)))
        }
        Details::Actor { kind, side: None, .. } => kind.label().to_owned(),
        Details::Event { date, .. } => format!("event · {}", super::no_break(&date.display())),
        Details::Place { country: Some(country), .. } => format!("place · {country}"),
        Details::Term { expansion: Some(expansion), .. } => format!("term · {expansion}"),
        _ => kind.to_owned(),
    }
}

fn label() -> Style {
    Style::role(Role::Label)
}
