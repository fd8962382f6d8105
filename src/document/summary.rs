//! The Summary page: what the briefing is, where it comes from, and what it holds.

use super::{Doc, DocBuilder, PaneKeys, Role, Style, Target};
use crate::content::{Basis, Briefing, Kind};

pub fn doc(briefing: &Briefing, keys: &PaneKeys) -> Doc {
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
    b.block(false).marker("Published  ", label()).text(super::no_break(&published.when()));
    let reasoning = published.note.is_some() || published.source.is_some();
    match (published.basis, reasoning) {
        (Basis::Stated, _) => {}
        (basis, true) => {
            b.styled(format!(" ({}; how, below)", basis.label()), Role::Muted);
        }
        (basis, false) => {
            b.styled(format!(" ({})", basis.label()), Role::Muted);
        }
    }
    b.block(false).marker("Address    ", label());
    b.link(briefing.url.to_string(), Target::External(briefing.url.clone()));

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
    let mut rows: Vec<(usize, &str, Option<Kind>)> =
        Kind::all().map(|k| (briefing.count(k), in_this_briefing(k), Some(k))).collect();
    rows.push((briefing.source.paragraphs.len(), "Source paragraphs", None));
    let label_width = rows.iter().map(|(_, l, _)| l.chars().count()).max().unwrap_or(0);
    let count_width = rows.iter().map(|(n, ..)| n.to_string().len()).max().unwrap_or(1);
    for (count, label, pane) in rows {
        // No-break spaces hold each row together; a row is one fact and reads badly split.
        let mut row = format!("{count:>count_width$}  {label:<label_width$}");
        if let Some(key) = keys.key(pane) {
            row.push_str(&format!("  key {key}"));
        }
        let count_end = count_width;
        let (number, rest) = row.split_at(count_end);
        b.block(false)
            .indent(2)
            .styled(number.replace(' ', "\u{a0}"), Role::Strong)
            .text(rest.replace(' ', "\u{a0}"));
    }

    // The reasoning behind the publication date can be long; it comes after what the
    // briefing is, for the reader who wants it.
    if reasoning {
        b.heading("How the date of publication was found");
        if let Some(note) = &published.note {
            b.block(false).text(note.clone());
        }
        if let Some(source) = &published.source {
            b.block(true).styled(format!("Source: {source}"), Role::Muted);
        }
    }

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

fn in_this_briefing(kind: Kind) -> &'static str {
    match kind {
        Kind::Term => "Glossary terms",
        other => other.plural(),
    }
}

fn label() -> Style {
    Style::role(Role::Label)
}
