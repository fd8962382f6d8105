//! The Source page: the article verbatim, paragraph by paragraph. Each paragraph's slips are
//! flagged where they stand, and a line says who cites it: folded to a count by kind, or
//! unfolded to the links themselves.

use super::{Doc, DocBuilder, Role, Style, Target};
use crate::content::{Briefing, EntityId, Kind};

/// `toggle` is the key that unfolds the lists, when there is one to name.
pub fn doc(briefing: &Briefing, cited_by: bool, toggle: Option<&str>) -> Doc {
    let mut b = DocBuilder::default();
    b.block(false).styled(briefing.source.title.clone(), Role::Title);
    b.block(false)
        .styled(format!("{} · ", briefing.publisher), Role::Muted)
        .styled(super::no_break(&briefing.published.display()), Role::Muted);
    let width = format!("¶{} ", briefing.source.paragraphs.len()).chars().count();
    for (i, text) in briefing.source.paragraphs.iter().enumerate() {
        let n = i as u32 + 1;
        let marker = format!("{:<width$}", format!("¶{n}"));
        b.block(true).paragraph(n).marker(marker, Style::role(Role::Marker));
        paragraph_text(&mut b, briefing, n, text);
        let citing = &briefing.cited_by[i];
        if citing.is_empty() {
            continue;
        }
        b.block(false).paragraph(n).indent(width as u16).styled("Cited by ", Role::Muted);
        if cited_by {
            let shown = super::shown(citing.len());
            for (j, id) in citing[..shown].iter().enumerate() {
                if j > 0 {
                    b.styled(" · ", Role::Muted);
                }
                b.link(briefing.entity(*id).name.clone(), Target::Entity(*id));
            }
            if shown < citing.len() {
                b.styled(" · ", Role::Muted);
                let more = format!("and {} more…", citing.len() - shown);
                b.link(more, Target::More(super::Listing::Citing(n)));
            }
        } else {
            b.styled(counts(briefing, citing), Role::Muted);
            if let Some(key) = toggle {
                b.styled(format!(" · {key} lists them"), Role::Muted);
            }
        }
    }
    b.finish()
}

/// "3 actors, 1 issue, 4 events": who cites a paragraph, counted by kind.
fn counts(briefing: &Briefing, citing: &[EntityId]) -> String {
    let parts: Vec<String> = Kind::all()
        .filter_map(|kind| {
            let n = citing.iter().filter(|id| briefing.entity(**id).kind() == kind).count();
            (n > 0).then(|| super::count(n, kind.label()))
        })
        .collect();
    parts.join(", ")
}

/// The paragraph's words, with each slip the briefing flags in it marked where it stands and
/// linked to the entity that explains it.
fn paragraph_text(b: &mut DocBuilder, briefing: &Briefing, n: u32, text: &str) {
    let mut slips: Vec<(std::ops::Range<usize>, EntityId)> = Vec::new();
    for id in &briefing.cited_by[n as usize - 1] {
        for slip in briefing.entity(*id).slips.iter().filter(|s| s.para == n) {
            if let Some(range) = find_loose(text, &slip.said)
                && !slips.iter().any(|(r, _)| r.start < range.end && range.start < r.end)
            {
                slips.push((range, *id));
            }
        }
    }
    slips.sort_by_key(|(r, _)| r.start);
    let mut at = 0;
    for (range, id) in slips {
        b.text(text[at..range.start].to_owned());
        b.link_styled(text[range.clone()].to_owned(), Style::role(Role::Slip), Target::Entity(id));
        b.styled("[!]", Role::Muted);
        at = range.end;
    }
    b.text(text[at..].to_owned());
}

/// Where `needle` stands in `text`, allowing any run of white space where it has one (a quote
/// copied from a paragraph that breaks its line elsewhere).
pub fn find_loose(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    let mut from = 0;
    while let Some(found) = text[from..].find(first) {
        let start = from + found;
        let mut at = start + first.len();
        let mut matched = true;
        for word in &words[1..] {
            let rest = &text[at..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() || !trimmed.starts_with(word) {
                matched = false;
                break;
            }
            at += rest.len() - trimmed.len() + word.len();
        }
        if matched {
            return Some(start..at);
        }
        from = start + first.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_across_a_line_break() {
        let text = "Beta said we seek\ntrust, and left.";
        assert_eq!(find_loose(text, "we seek trust"), Some(10..23));
        assert_eq!(find_loose(text, "seek  trust,"), Some(13..24));
        assert_eq!(find_loose(text, "nothing"), None);
        assert_eq!(find_loose(text, ""), None);
    }
}
