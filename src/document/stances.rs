//! Stances on a page: an actor's, each with the issue it is on, and an issue's, grouped by
//! position with the actor who takes each. Both link to the other side and to the source.

use super::{DocBuilder, Role, Style, Target};
use crate::content::date::Basis;
use crate::content::{Briefing, EntityId, Position, Stance};

/// "Stances": where an actor stands on each issue.
pub fn of_actor(b: &mut DocBuilder, briefing: &Briefing, actor: EntityId) {
    let stances = briefing.stances(actor);
    if stances.is_empty() {
        return;
    }
    b.heading("Stances");
    for (index, stance) in stances.iter().enumerate() {
        b.block(false).marker("• ", Style::role(Role::Marker));
        b.styled(stance.position.lead(), Role::Strong).text(" ");
        b.link(briefing.entity(stance.issue).name.clone(), Target::Entity(stance.issue));
        evidence(b, briefing, actor, index, stance);
    }
}

/// "Where the actors stand": an issue's stances, grouped by position, for to against.
pub fn on_issue(b: &mut DocBuilder, briefing: &Briefing, issue: EntityId) {
    let mut stances = briefing.stances_on(issue).peekable();
    if stances.peek().is_none() {
        return;
    }
    b.heading("Where the actors stand");
    let mut last: Option<Position> = None;
    for (actor, index, stance) in stances {
        if last != Some(stance.position) {
            b.block(last.is_some()).styled(capitalised(stance.position.label()), Role::Label);
            last = Some(stance.position);
        }
        b.block(false).marker("• ", Style::role(Role::Marker));
        b.link(briefing.entity(actor).name.clone(), Target::Entity(actor));
        evidence(b, briefing, actor, index, stance);
    }
}

/// The stance's line after a colon, then what it rests on: its citations, its quote and, when
/// not stated in the article, its basis.
fn evidence(b: &mut DocBuilder, briefing: &Briefing, actor: EntityId, index: usize, s: &Stance) {
    b.text(": ");
    let first = b.finish_len();
    b.markup(&s.line, 2, false, Role::Body);
    b.merge_block_into_previous(first);
    b.block(false).indent(2);
    if !s.cites.is_empty() {
        b.citations(&s.cites);
    }
    if let Some(quote) = &s.quote {
        if !s.cites.is_empty() {
            b.text(" · ");
        }
        b.styled(format!("“{}”", quote.text), Role::Quote).text(" ");
        let at = briefing.stance_quote(actor, index);
        b.link(format!("¶{}", quote.para), Target::Quote(actor, at));
    }
    match s.basis {
        Basis::Stated => {}
        Basis::Inferred => {
            b.styled(" · inferred from the article", Role::Muted);
        }
        Basis::Outside => {
            let source = s.source.as_ref().map_or(String::new(), |src| format!(": {src}"));
            b.styled(format!(" · outside source{source}"), Role::Muted);
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}
