//! The Summary page: what the briefing is, where it comes from, and what it holds.

use super::{Doc, DocBuilder, Role, Style, Target};
use crate::content::{Basis, Briefing, Kind};

pub fn doc(briefing: &Briefing) -> Doc {
    let mut b = DocBuilder::default();
    b.block(false).styled(briefing.title.clone(), Role::Title);

    b.block(true).marker("Publisher  ", label());
    match briefing.publisher_id {
        Some(id) => b.link(briefing.publisher.clone(), Target::Entity(id)),
        None => b.text(briefing.publisher.clone()),
    };
    if let Some(author) = &briefing.author {
        b.block(false).marker("Author     ", label()).text(author.clone());
    }
    let published = &briefing.published;
    b.block(false).marker("Published  ", label()).text(published.when());
    if published.basis != Basis::Stated {
        b.styled(format!(" ({})", published.basis.label()), Role::Muted);
    }
    if let Some(note) = &published.note {
        b.block(false).indent(11).styled(note.clone(), Role::Muted);
    }
    if let Some(source) = &published.source {
        b.block(false).indent(11).styled(format!("Source: {source}"), Role::Muted);
    }
    b.block(false).marker("Address    ", label());
    b.link(briefing.url.clone(), Target::External(briefing.url.clone()));

    b.heading("Summary");
    b.markup(&briefing.summary, 0, false, Role::Body);

    if !briefing.key_points.is_empty() {
        b.heading("Key points");
        for point in &briefing.key_points {
            let before = b.finish_len();
            b.markup(&point.text, 2, false, Role::Body);
            b.mark_first_since(before, "• ");
            if !point.cites.is_empty() {
                b.text(" ").citations(&point.cites);
            }
        }
    }

    b.heading("In this briefing");
    let rows = [
        (Kind::Actor, "Actors", "2"),
        (Kind::Issue, "Issues", "3"),
        (Kind::Event, "Events", "4"),
        (Kind::Place, "Places", "5"),
        (Kind::Term, "Glossary terms", "6"),
    ];
    for (kind, label, key) in rows {
        b.block(false)
            .styled(format!("{:>4}  ", briefing.count(kind)), Role::Strong)
            .text(format!("{label:<16}"))
            .styled(format!("key {key}"), Role::Muted);
    }
    b.block(false)
        .styled(format!("{:>4}  ", briefing.source.paragraphs.len()), Role::Strong)
        .text(format!("{:<16}", "Source paragraphs"))
        .styled("key 7", Role::Muted);

    if !briefing.notices.is_empty() {
        b.heading("Removed from the text");
        for notice in &briefing.notices {
            b.block(false)
                .marker("• ", Style::role(Role::Marker))
                .styled(notice.clone(), Role::Muted);
        }
    }
    b.finish()
}

fn label() -> Style {
    Style::role(Role::Label)
}
