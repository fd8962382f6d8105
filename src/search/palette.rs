//! The palette (Ctrl-K or `:`): every entity by name, alias and acronym expansion, ranked by
//! ncp-matcher, the fuzzy matcher of the nucleo line that helix uses, with accents folded and
//! smart case: "gotemoler" finds Gottemoeller, "epaa" the European Phased Adaptive Approach.

use crate::content::{Briefing, Details, EntityId};
use ncp_matcher::pattern::{CaseMatching, Normalization, Pattern};
use ncp_matcher::{Config, Matcher, Utf32String};

pub struct Palette {
    /// Each entity's names to match, prepared once.
    names: Vec<(EntityId, Vec<Utf32String>)>,
    matcher: Matcher,
}

impl Palette {
    pub fn build(briefing: &Briefing) -> Palette {
        let names = (0..briefing.entities.len())
            .map(|i| {
                let id = EntityId(i as u32);
                let entity = briefing.entity(id);
                let mut names: Vec<Utf32String> = vec![entity.name.as_str().into()];
                names.extend(entity.aliases.iter().map(|a| a.as_str().into()));
                if let Details::Term { expansion: Some(e), .. } = &entity.details {
                    names.push(e.as_str().into());
                }
                (id, names)
            })
            .collect();
        Palette { names, matcher: Matcher::new(Config::DEFAULT) }
    }

    /// The best `limit` entities for `query`, best first; all of them in list order when the
    /// query is empty.
    pub fn matches(&mut self, query: &str, limit: usize) -> Vec<EntityId> {
        if query.trim().is_empty() {
            return self.names.iter().take(limit).map(|(id, _)| *id).collect();
        }
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let mut scored: Vec<(u32, EntityId)> = self
            .names
            .iter()
            .filter_map(|(id, names)| {
                let best = names
                    .iter()
                    .filter_map(|n| pattern.score(n.slice(..), &mut self.matcher))
                    .max()?;
                Some((best, *id))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(limit).map(|(_, id)| id).collect()
    }
}
