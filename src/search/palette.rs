//! The palette (Ctrl-K or `:`): every entity by name, alias and acronym expansion, ranked by
//! ncp-matcher, the fuzzy matcher of the nucleo line that helix uses, with accents folded and
//! smart case: "gotemoler" finds Gottemoeller, "epaa" the European Phased Adaptive Approach.
//!
//! A query is answered in steps of a bounded number of names, so a keystroke costs the same on
//! a briefing of a hundred entities or of a hundred thousand: the reader draws what is found so
//! far and asks for the next step while no key is waiting. A query that only adds letters to
//! the last one looks only among what the last one matched.

use crate::content::{Briefing, Details, EntityId};
use ncp_matcher::pattern::{CaseMatching, Normalization, Pattern};
use ncp_matcher::{Config, Matcher, Utf32String};

/// How many entities one step looks at: about a millisecond of matching.
pub const STEP: usize = 8192;

pub struct Palette {
    /// Each entity's names to match, prepared once.
    names: Vec<(EntityId, Vec<Utf32String>)>,
    matcher: Matcher,
    run: Run,
}

/// The query being answered, and how far.
#[derive(Default)]
struct Run {
    query: String,
    pattern: Option<Pattern>,
    /// The entities to look at: all of them, or those the previous query matched.
    candidates: Candidates,
    /// How many candidates there are, and how many have been looked at.
    total: usize,
    done: usize,
    /// Every match so far, in the order looked at, for a longer query to narrow.
    matched: Vec<EntityId>,
    /// The best matches so far, best first, at most `limit`.
    best: Vec<(u32, EntityId)>,
    limit: usize,
}

#[derive(Default)]
enum Candidates {
    #[default]
    All,
    Among(Vec<EntityId>),
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
        Palette { names, matcher: Matcher::new(Config::DEFAULT), run: Run::default() }
    }

    /// Starts answering `query` with the best `limit` entities and takes the first step.
    pub fn start(&mut self, query: &str, limit: usize) {
        let previous = std::mem::take(&mut self.run);
        let (candidates, total) = if narrows(&previous, query) {
            let total = previous.matched.len();
            (Candidates::Among(previous.matched), total)
        } else {
            (Candidates::All, self.names.len())
        };
        let pattern = (!query.trim().is_empty())
            .then(|| Pattern::parse(query, CaseMatching::Smart, Normalization::Smart));
        let query = query.to_owned();
        self.run = Run { query, pattern, candidates, total, limit, ..Run::default() };
        self.step();
    }

    /// Looks at the next `STEP` candidates. Returns whether the query is answered in full.
    pub fn step(&mut self) -> bool {
        let run = &mut self.run;
        let total = run.total;
        let end = (run.done + STEP).min(total);
        let Some(pattern) = &run.pattern else {
            // No query: the first entities in list order, and nothing to narrow.
            run.best = self.names.iter().take(run.limit).map(|(id, _)| (0, *id)).collect();
            run.done = total;
            return true;
        };
        for i in run.done..end {
            let id = match &run.candidates {
                Candidates::All => EntityId(i as u32),
                Candidates::Among(ids) => ids[i],
            };
            let names = &self.names[id.index()].1;
            let score =
                names.iter().filter_map(|n| pattern.score(n.slice(..), &mut self.matcher)).max();
            if let Some(score) = score {
                run.matched.push(id);
                keep_best(&mut run.best, run.limit, (score, id));
            }
        }
        run.done = end;
        end == total
    }

    /// Whether the query is answered in full.
    pub fn finished(&self) -> bool {
        self.run.done >= self.run.total
    }

    /// How far the query is answered, in percent.
    pub fn progress(&self) -> u8 {
        if self.finished() { 100 } else { (self.run.done * 100 / self.run.total) as u8 }
    }

    /// The best entities found so far, best first.
    pub fn results(&self) -> Vec<EntityId> {
        self.run.best.iter().map(|(_, id)| *id).collect()
    }

    /// How many entities match so far.
    pub fn matched(&self) -> usize {
        match self.run.pattern {
            Some(_) => self.run.matched.len(),
            None => self.names.len(),
        }
    }

    /// The best `limit` entities for `query`, best first, answered in full at once; all of
    /// them in list order when the query is empty.
    pub fn matches(&mut self, query: &str, limit: usize) -> Vec<EntityId> {
        self.start(query, limit);
        while !self.step() {}
        self.results()
    }
}

/// Whether every match of `query` is among the matches of the previous run, so only those
/// need a look: the previous query was answered in full and `query` adds letters to it.
/// Adding a word narrows too (every word must match), but `!`, `^`, `$`, `'` and `\` change
/// what a word means, so a query with any of them is answered from the start.
fn narrows(previous: &Run, query: &str) -> bool {
    let Some(added) = query.strip_prefix(previous.query.as_str()) else { return false };
    let special = |s: &str| s.chars().any(|c| "!^$'\\".contains(c));
    previous.pattern.is_some()
        && previous.done >= previous.total
        && !special(&previous.query)
        && !special(added)
}

/// Puts `item` among the best `limit`, kept in order: higher scores first, then list order.
fn keep_best(best: &mut Vec<(u32, EntityId)>, limit: usize, item: (u32, EntityId)) {
    let rank = |x: &(u32, EntityId)| (std::cmp::Reverse(x.0), x.1);
    if best.len() == limit && best.last().is_some_and(|last| rank(&item) >= rank(last)) {
        return;
    }
    let at = best.partition_point(|x| rank(x) < rank(&item));
    best.insert(at, item);
    best.truncate(limit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bundled() -> Briefing {
        crate::content::load(&crate::content::bundled()).expect("the bundled briefing loads")
    }

    /// Every step of a query, until it is answered.
    fn answered(palette: &mut Palette, query: &str) -> (Vec<EntityId>, usize) {
        palette.start(query, 200);
        while !palette.finished() {
            palette.step();
        }
        (palette.results(), palette.matched())
    }

    #[test]
    fn names_aliases_and_expansions_are_found_with_typos_and_accents_folded() {
        let briefing = bundled();
        let mut palette = Palette::build(&briefing);
        let first = |p: &mut Palette, q: &str| briefing.entity(p.matches(q, 5)[0]).id.to_string();
        assert_eq!(first(&mut palette, "gotemoler"), "gottemoeller");
        assert_eq!(first(&mut palette, "lavrov"), "lavrov");
        assert!(palette.matches("zzzzqqq", 5).is_empty());
        assert_eq!(palette.matches("", 3).len(), 3, "no query lists the first entities");
    }

    #[test]
    fn a_large_briefing_is_answered_in_bounded_steps_with_the_best_found_so_far() {
        let mut palette = Palette::build(&bundled());
        // Many copies of the names: more than a step's worth.
        let copies = palette.names.clone();
        while palette.names.len() <= 3 * STEP {
            palette.names.extend(copies.iter().cloned());
        }
        for (i, entry) in palette.names.iter_mut().enumerate() {
            entry.0 = EntityId(i as u32);
        }
        palette.start("missile", 200);
        assert!(!palette.finished(), "one step does not look at every name");
        assert!(palette.progress() < 100);
        let mut steps = 1;
        loop {
            steps += 1;
            if palette.step() {
                break;
            }
        }
        assert_eq!(steps, palette.names.len().div_ceil(STEP));
        assert_eq!(palette.progress(), 100);
        let whole = palette.results();
        let mut fresh = Palette { run: Run::default(), ..palette };
        assert_eq!(fresh.matches("missile", 200), whole);
    }

    proptest! {
        /// A query that adds to the last one looks only among what that one matched, and
        /// finds exactly what a query answered from the start finds.
        #[test]
        fn narrowing_finds_what_a_fresh_query_finds(
            first in "[a-zA-Z ]{0,4}",
            added in "[a-zA-Z !^$'.é]{0,4}",
        ) {
            let briefing = bundled();
            let mut narrowed = Palette::build(&briefing);
            let mut fresh = Palette::build(&briefing);
            answered(&mut narrowed, &first);
            let query = format!("{first}{added}");
            prop_assert_eq!(answered(&mut narrowed, &query), answered(&mut fresh, &query));
        }
    }
}
