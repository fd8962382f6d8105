//! A loaded, validated briefing: plain data with every id resolved and every index built,
//! ready for the reader or for a non-interactive command.

use super::date::Date;
pub use super::format::{ActorKind, Position};
use super::markup::Text;
use super::sanitize::Clean;
use std::collections::HashMap;

/// An entity's position in `Briefing::entities`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct EntityId(pub u32);

impl EntityId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Kind {
    Actor,
    Issue,
    Event,
    Place,
    Term,
}

impl Kind {
    /// Every kind, in the order the reader shows them.
    pub fn all() -> impl Iterator<Item = Kind> {
        <Kind as strum::IntoEnumIterator>::iter()
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Issue => "issue",
            Kind::Event => "event",
            Kind::Place => "place",
            Kind::Term => "term",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Kind::Actor => "Actors",
            Kind::Issue => "Issues",
            Kind::Event => "Events",
            Kind::Place => "Places",
            Kind::Term => "Terms",
        }
    }
}

/// A briefing as the reader and every command see it. Every text in it is `Clean`: nothing
/// that could act on a terminal survives loading.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Briefing {
    pub title: Clean,
    pub publisher: Clean,
    pub publisher_id: Option<EntityId>,
    pub author: Option<Clean>,
    pub url: Clean,
    pub published: Date,
    pub summary: Text,
    pub key_points: Vec<KeyPoint>,
    pub source: Source,
    /// The sides actors are grouped by, in the order the briefing declares them.
    pub sides: Vec<Side>,
    pub entities: Vec<Entity>,
    /// Each kind's entities in reading order: actors by side, events by date, others as filed.
    #[serde(skip)]
    pub lists: HashMap<Kind, Vec<EntityId>>,
    /// For each entity, its position in its kind's list.
    #[serde(skip)]
    pub positions: Vec<u32>,
    /// For each entity, who links to it or names it in a relation, each once, grouped by kind
    /// and in each kind's list order.
    #[serde(skip)]
    pub backlinks: Backlinks,
    /// For each issue, the actors whose `issues` name it or who take a stance on it, in the
    /// actors' list order.
    #[serde(skip)]
    pub involved: HashMap<EntityId, Vec<EntityId>>,
    /// For each issue, the stances taken on it: the actor and the stance's index among the
    /// actor's, grouped by position and in the actors' list order within each.
    #[serde(skip)]
    pub stances_on: HashMap<EntityId, Vec<(EntityId, usize)>>,
    /// For each paragraph (index n-1), the entities that cite or quote it.
    #[serde(skip)]
    pub cited_by: Vec<Vec<EntityId>>,
    /// What was removed from the text at load and where, for the reader to say so.
    pub notices: Vec<Clean>,
    #[serde(skip)]
    pub(super) ids: Ids,
    /// The files its descriptions left in them are read from again; none when it was not
    /// read from a directory (the bundled briefing, one made in memory).
    #[serde(skip)]
    pub(super) in_files: Option<std::sync::Arc<super::reread::InFiles>>,
}

/// Each entity's number by its id. The ids themselves are the entities' own: the table holds
/// only numbers, found by an id's hash and checked against the entity's id, so a briefing of
/// 100,000 entities does not keep each id twice.
#[derive(Clone, Default)]
pub(super) struct Ids {
    table: hashbrown::HashTable<EntityId>,
    hasher: std::hash::RandomState,
}

impl std::fmt::Debug for Ids {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ids({} entities)", self.table.len())
    }
}

impl Ids {
    /// The ids of `entities`, and whether each is an id of one only (the first keeps it).
    pub(super) fn of(entities: &[Entity]) -> (Ids, bool) {
        use std::hash::BuildHasher;
        let mut ids =
            Ids { table: hashbrown::HashTable::with_capacity(entities.len()), ..Ids::default() };
        let Ids { table, hasher } = &mut ids;
        let mut unique = true;
        for (i, entity) in entities.iter().enumerate() {
            let id = &*entity.id;
            let hash = |e: &EntityId| hasher.hash_one(&*entities[e.index()].id);
            match table.entry(hasher.hash_one(id), |e| &*entities[e.index()].id == id, hash) {
                hashbrown::hash_table::Entry::Occupied(_) => unique = false,
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(EntityId(i as u32));
                }
            }
        }
        (ids, unique)
    }

    pub(super) fn get(&self, entities: &[Entity], id: &str) -> Option<EntityId> {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |e| entities.get(e.index()).is_some_and(|e| &*e.id == id)).copied()
    }
}

/// For each entity, who links to it: every entity's list in one vector, so that a briefing
/// of 100,000 entities does not hold 100,000 small vectors. `backlinks[i]` is entity i's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backlinks {
    /// Where each entity's list starts in `ids`, and after the last, where it ends.
    starts: Vec<u32>,
    ids: Vec<EntityId>,
}

impl Backlinks {
    /// How many entities have a list.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Built from each entity's links in turn, `links(from, &mut link)` calling `link` with
    /// each entity `from` links to: once to count them, once to place them. Each list holds
    /// an entity once and never the entity itself.
    fn build(count: usize, links: impl Fn(EntityId, &mut dyn FnMut(EntityId))) -> Backlinks {
        // Each entity `from` links to `target` once, never itself: the last entity listed
        // for each shows a repeat without searching, as entities come in order.
        let mut last = vec![u32::MAX; count];
        let mut each = |listed: &mut dyn FnMut(usize, EntityId)| {
            last.fill(u32::MAX);
            for from in 0..count as u32 {
                links(EntityId(from), &mut |target| {
                    let t = target.index();
                    if target.0 != from && t < count && last[t] != from {
                        last[t] = from;
                        listed(t, EntityId(from));
                    }
                });
            }
        };
        let mut starts = vec![0u32; count + 1];
        each(&mut |t, _| starts[t + 1] += 1);
        for i in 0..count {
            starts[i + 1] += starts[i];
        }
        let mut ids = vec![EntityId(0); starts[count] as usize];
        let mut next: Vec<u32> = starts[..count].to_vec();
        each(&mut |t, from| {
            ids[next[t] as usize] = from;
            next[t] += 1;
        });
        Backlinks { starts, ids }
    }

    fn each_mut(&mut self) -> impl Iterator<Item = &mut [EntityId]> {
        let mut rest = self.ids.as_mut_slice();
        let mut at = 0;
        self.starts.windows(2).map(move |w| {
            let (list, after) = std::mem::take(&mut rest).split_at_mut((w[1] - at) as usize);
            rest = after;
            at = w[1];
            list
        })
    }
}

impl std::ops::Index<usize> for Backlinks {
    type Output = [EntityId];

    fn index(&self, entity: usize) -> &[EntityId] {
        &self.ids[self.starts[entity] as usize..self.starts[entity + 1] as usize]
    }
}

/// How the Actors list heads the actors on no side.
pub const NO_SIDE: &str = "No side";

/// A side actors are grouped by, declared in briefing.toml.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Side {
    pub id: String,
    pub name: Clean,
    pub description: Option<Text>,
}

/// Which of the briefing's sides an actor is on: an index into `Briefing::sides`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct SideId(pub u16);

/// Where an actor stands on an issue.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Stance {
    pub issue: EntityId,
    pub position: Position,
    pub line: Text,
    pub cites: Vec<u32>,
    pub quote: Option<Quote>,
    pub basis: super::date::Basis,
    /// The outside source, when the basis is one.
    pub source: Option<Clean>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct KeyPoint {
    pub text: Text,
    pub cites: Vec<u32>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub title: Clean,
    pub paragraphs: Vec<Clean>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    /// Letters, digits and hyphens: the loader refuses any other. Kept inline when short, as
    /// most ids are.
    pub id: compact_str::CompactString,
    pub name: Clean,
    /// Boxed slices, not vectors, here and below: nothing grows once loaded, and a briefing
    /// holds many entities. What most entities have none of takes one pointer.
    pub aliases: Rare<Clean>,
    pub summary: Text,
    /// Held, or left in its file and read again when shown: see [`Briefing::description`].
    pub description: Option<Description>,
    /// Most entities cite one to four paragraphs: kept inline, no allocation each.
    pub cites: smallvec::SmallVec<[u32; 4]>,
    pub quotes: Rare<Quote>,
    pub context: Rare<Context>,
    pub slips: Rare<Slip>,
    /// Drafted (by `briefing import`) and not yet reviewed by a person.
    pub draft: bool,
    pub details: Details,
}

/// An entity's description. Descriptions are most of a briefing's text, and a reader shows
/// one at a time, so the long ones of a briefing read from a directory are left in their
/// files, as `less` leaves a file on disk, and read again when shown
/// ([`Briefing::description`]): the reader then holds about the briefing's structure, not
/// its every word. Its links are kept, for backlinks.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Description {
    Held(Text),
    InFile { at: super::reread::Spot, links: Rare<EntityId> },
}

/// A list most entities leave empty: one pointer, and nothing allocated when empty, where
/// a boxed slice takes two. Read as a slice.
#[derive(Clone, PartialEq)]
pub struct Rare<T>(Option<Box<Box<[T]>>>);

impl<T> Default for Rare<T> {
    fn default() -> Self {
        Rare(None)
    }
}

impl<T> From<Vec<T>> for Rare<T> {
    fn from(items: Vec<T>) -> Self {
        Rare((!items.is_empty()).then(|| Box::new(items.into_boxed_slice())))
    }
}

impl<T> FromIterator<T> for Rare<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Rare::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<T> std::ops::Deref for Rare<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], |items| items)
    }
}

impl<'a, T> IntoIterator for &'a Rare<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Rare<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: serde::Serialize> serde::Serialize for Rare<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Rare<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Rare::from)
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    pub text: Clean,
    pub para: u32,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Context {
    pub text: Text,
    pub source: Clean,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Slip {
    pub said: Clean,
    pub correct: Clean,
    pub para: u32,
    pub source: Option<Clean>,
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

impl Location {
    /// "50.85° N, 4.35° E", as the reader, the printed text and the exports show it.
    pub fn degrees(self) -> String {
        let ns = if self.lat >= 0.0 { "N" } else { "S" };
        let ew = if self.lon >= 0.0 { "E" } else { "W" };
        format!("{:.2}° {ns}, {:.2}° {ew}", self.lat.abs(), self.lon.abs())
    }
}

/// What only one kind of entity has.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Details {
    Actor {
        kind: ActorKind,
        /// None for an actor on no side, listed last.
        side: Option<SideId>,
        role: Option<Text>,
        affiliation: Option<EntityId>,
        issues: Box<[EntityId]>,
        stances: Box<[Stance]>,
    },
    Issue {
        /// Related issues both ways: those this one names and those that name it.
        related: Box<[EntityId]>,
    },
    Event {
        /// Boxed, as the largest field of any kind: an entity is kept small.
        date: Box<Date>,
        actors: Box<[EntityId]>,
        places: Box<[EntityId]>,
        issues: Box<[EntityId]>,
    },
    Place {
        country: Option<Clean>,
        location: Option<Location>,
    },
    Term {
        expansion: Option<Clean>,
        see_also: Box<[EntityId]>,
    },
}

impl Entity {
    pub fn kind(&self) -> Kind {
        match self.details {
            Details::Actor { .. } => Kind::Actor,
            Details::Issue { .. } => Kind::Issue,
            Details::Event { .. } => Kind::Event,
            Details::Place { .. } => Kind::Place,
            Details::Term { .. } => Kind::Term,
        }
    }

    pub fn date(&self) -> Option<&Date> {
        match &self.details {
            Details::Event { date, .. } => Some(date),
            _ => None,
        }
    }

    /// The entities this one names in its relation fields (not in its text).
    pub fn relations(&self) -> Vec<EntityId> {
        match &self.details {
            Details::Actor { affiliation, issues, stances, .. } => affiliation
                .iter()
                .chain(issues)
                .chain(stances.iter().map(|s| &s.issue))
                .copied()
                .collect(),
            Details::Issue { related } => related.to_vec(),
            Details::Event { actors, places, issues, .. } => {
                actors.iter().chain(places).chain(issues).copied().collect()
            }
            Details::Place { .. } => Vec::new(),
            Details::Term { see_also, .. } => see_also.to_vec(),
        }
    }

    /// The entities named in its text fields, in the order a reader meets them, a
    /// description left in its file included.
    pub fn text_links(&self) -> impl Iterator<Item = EntityId> + '_ {
        let left = match &self.description {
            Some(Description::InFile { links, .. }) => &links[..],
            _ => &[],
        };
        std::iter::once(&self.summary)
            .chain(self.held_description())
            .flat_map(Text::entity_links)
            .chain(left.iter().copied())
            .chain(self.other_texts().flat_map(Text::entity_links))
    }

    /// Every text field it holds: all but a description left in its file.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        std::iter::once(&self.summary).chain(self.held_description()).chain(self.other_texts())
    }

    fn held_description(&self) -> Option<&Text> {
        match &self.description {
            Some(Description::Held(text)) => Some(text),
            _ => None,
        }
    }

    /// The text fields after the summary and description.
    fn other_texts(&self) -> impl Iterator<Item = &Text> {
        let (role, stances) = match &self.details {
            Details::Actor { role, stances, .. } => (role.as_ref(), &stances[..]),
            _ => (None, &[][..]),
        };
        role.into_iter()
            .chain(self.context.iter().map(|c| &c.text))
            .chain(stances.iter().map(|s| &s.line))
    }
}

impl Briefing {
    /// The briefing with its indexes built.
    pub(super) fn indexed(mut self) -> Briefing {
        self.build_indexes();
        self
    }

    /// Builds the lists, positions, backlinks and citations from the entities; called once
    /// by the loader.
    pub(super) fn build_indexes(&mut self) {
        let count = self.entities.len();
        let mut lists: HashMap<Kind, Vec<EntityId>> =
            Kind::all().map(|k| (k, Vec::new())).collect();
        for (i, entity) in self.entities.iter().enumerate() {
            lists.entry(entity.kind()).or_default().push(EntityId(i as u32));
        }
        let entities = &self.entities;
        // Stable sorts: entries that compare equal keep the order of their file.
        if let Some(actors) = lists.get_mut(&Kind::Actor) {
            // Declared sides in order, then the actors on none.
            actors.sort_by_key(|id| match entities[id.index()].details {
                Details::Actor { side: Some(side), .. } => side.0 as u32,
                _ => u32::MAX,
            });
        }
        if let Some(events) = lists.get_mut(&Kind::Event) {
            events.sort_by_key(|id| entities[id.index()].date().map(Date::sort_key));
        }
        // A glossary is looked up alphabetically; accents and case do not change the order.
        if let Some(terms) = lists.get_mut(&Kind::Term) {
            terms.sort_by_cached_key(|id| {
                deunicode::deunicode(&entities[id.index()].name).to_lowercase()
            });
        }

        let mut positions = vec![0; count];
        for list in lists.values() {
            for (position, id) in list.iter().enumerate() {
                positions[id.index()] = position as u32;
            }
        }
        let mut backlinks = Backlinks::build(count, |from, link| {
            let entity = &entities[from.index()];
            for target in entity.relations() {
                link(target);
            }
            for target in entity.text_links() {
                link(target);
            }
        });
        let mut involved: HashMap<EntityId, Vec<EntityId>> = HashMap::new();
        let mut stances_on: HashMap<EntityId, Vec<(EntityId, usize)>> = HashMap::new();
        let mut cited_by: Vec<Vec<EntityId>> = vec![Vec::new(); self.source.paragraphs.len()];
        for (i, entity) in entities.iter().enumerate() {
            let from = EntityId(i as u32);
            if let Details::Actor { issues, stances, .. } = &entity.details {
                for issue in issues.iter().chain(stances.iter().map(|s| &s.issue)) {
                    let actors = involved.entry(*issue).or_default();
                    if actors.last() != Some(&from) {
                        actors.push(from);
                    }
                }
                for (index, stance) in stances.iter().enumerate() {
                    stances_on.entry(stance.issue).or_default().push((from, index));
                }
            }
            let stances = match &entity.details {
                Details::Actor { stances, .. } => &stances[..],
                _ => &[],
            };
            let paragraphs =
                entity.cites.iter().chain(entity.quotes.iter().map(|q| &q.para)).chain(
                    stances
                        .iter()
                        .flat_map(|s| s.cites.iter().chain(s.quote.as_ref().map(|q| &q.para))),
                );
            for &n in paragraphs {
                if let Some(list) = cited_by.get_mut((n as usize).wrapping_sub(1))
                    && list.last() != Some(&from)
                {
                    list.push(from);
                }
            }
        }
        // Backlinks by kind, each kind in its list's order (events by date), so a page can
        // show the first few of each kind without looking at the rest.
        let kind_index = |id: EntityId| Kind::all().position(|k| k == entities[id.index()].kind());
        for list in backlinks.each_mut() {
            list.sort_by_key(|id| (kind_index(*id), positions[id.index()]));
        }
        // The actors of an issue in the order of the actors' list, as the reader sees them.
        for actors in involved.values_mut() {
            // An actor named in `issues` and in a stance comes twice, not always in a row.
            actors.sort_by_key(|id| positions[id.index()]);
            actors.dedup();
        }
        let position_of =
            |(actor, index): &(EntityId, usize)| match &entities[actor.index()].details {
                Details::Actor { stances, .. } => stances[*index].position,
                _ => Position::Unclear,
            };
        for stances in stances_on.values_mut() {
            stances.sort_by_key(|s| (position_of(s), positions[s.0.index()]));
        }
        self.lists = lists;
        self.positions = positions;
        self.backlinks = backlinks;
        self.involved = involved;
        self.stances_on = stances_on;
        self.cited_by = cited_by;
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// Where an entity stands in its kind's list.
    pub fn position(&self, id: EntityId) -> usize {
        self.positions[id.index()] as usize
    }

    /// Who links to an entity among one kind, in that kind's order.
    pub fn backlinks_of(&self, id: EntityId, kind: Kind) -> &[EntityId] {
        let all = &self.backlinks[id.index()];
        let order = |k: Kind| Kind::all().position(|x| x == k);
        let start = all.partition_point(|b| order(self.entity(*b).kind()) < order(kind));
        let end = all.partition_point(|b| order(self.entity(*b).kind()) <= order(kind));
        &all[start..end]
    }

    /// An entity's description: the one held, or the one left in its file read again, as
    /// loading made it. Reading it again fails when the file has changed since it was loaded
    /// (the reader then reloads it) or cannot be read.
    pub fn description(
        &self,
        id: EntityId,
    ) -> Option<Result<std::borrow::Cow<'_, Text>, super::reread::Unread>> {
        let at = match self.entity(id).description.as_ref()? {
            Description::Held(text) => return Some(Ok(std::borrow::Cow::Borrowed(text))),
            Description::InFile { at, .. } => *at,
        };
        let of = &self.entity(id).id;
        let Some(files) = &self.in_files else {
            return Some(Err(super::reread::Unread::nowhere(at).of(of)));
        };
        let resolve = |id: &str| self.lookup(id).map(|e| (e, self.entity(e).name.as_str()));
        let paragraphs = self.source.paragraphs.len();
        let text = files.text(at, id, |words| super::reread::made(words, &resolve, paragraphs));
        Some(text.map(|t| std::borrow::Cow::Owned(Text::clone(&t))).map_err(|u| u.of(of)))
    }

    pub fn lookup(&self, id: &str) -> Option<EntityId> {
        self.ids.get(&self.entities, id)
    }

    /// The name of a side, as the Actors list heads its group; "No side" for none.
    pub fn side_name(&self, side: Option<SideId>) -> &str {
        side.and_then(|s| self.sides.get(usize::from(s.0))).map_or(NO_SIDE, |s| s.name.as_str())
    }

    /// An actor's stances; none for any other entity.
    pub fn stances(&self, actor: EntityId) -> &[Stance] {
        match &self.entity(actor).details {
            Details::Actor { stances, .. } => stances,
            _ => &[],
        }
    }

    /// A quote of an entity by its number: an entity's quotes are numbered its own first, then
    /// one number per stance (whose quote may be absent), so one number finds either.
    pub fn quote(&self, id: EntityId, at: u16) -> Option<&Quote> {
        let entity = self.entity(id);
        let at = usize::from(at);
        match at.checked_sub(entity.quotes.len()) {
            None => entity.quotes.get(at),
            Some(stance) => self.stances(id).get(stance).and_then(|s| s.quote.as_ref()),
        }
    }

    /// The number `quote` finds a stance's quote by.
    pub fn stance_quote(&self, actor: EntityId, stance: usize) -> u16 {
        u16::try_from(self.entity(actor).quotes.len() + stance).unwrap_or(u16::MAX)
    }

    /// The stances taken on an issue, grouped by position: each actor with the stance's index
    /// among its own, and the stance.
    pub fn stances_on(&self, issue: EntityId) -> impl Iterator<Item = (EntityId, usize, &Stance)> {
        self.stances_on
            .get(&issue)
            .into_iter()
            .flatten()
            .map(|(actor, index)| (*actor, *index, &self.stances(*actor)[*index]))
    }

    pub fn list(&self, kind: Kind) -> &[EntityId] {
        self.lists.get(&kind).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.list(kind).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rare_list_is_one_pointer_and_reads_as_the_slice_it_was_made_from() {
        assert_eq!(std::mem::size_of::<Rare<Quote>>(), std::mem::size_of::<usize>());
        let none: Rare<u32> = Vec::new().into();
        assert!(none.0.is_none() && none.is_empty(), "nothing allocated when empty");
        let some: Rare<u32> = [3, 1, 2].into_iter().collect();
        assert_eq!(&*some, &[3, 1, 2]);
        assert_eq!((&some).into_iter().count(), 3);
        let stored = postcard::to_allocvec(&some).unwrap();
        assert_eq!(postcard::from_bytes::<Rare<u32>>(&stored).unwrap(), some);
        assert_eq!(format!("{some:?}"), "[3, 1, 2]");
    }

    #[test]
    fn backlinks_list_each_entity_once_never_itself_in_the_order_linked() {
        // 0 links to 1 twice and to itself; 1 to 0 and 2; 2 to 1; 3 to nothing; 4 to 1.
        let links: [&[u32]; 5] = [&[1, 1, 0], &[0, 2], &[1], &[], &[1, 9]];
        let backlinks = Backlinks::build(links.len(), |from, link| {
            for &to in links[from.index()] {
                link(EntityId(to));
            }
        });
        let ids = |list: &[EntityId]| list.iter().map(|e| e.0).collect::<Vec<_>>();
        assert_eq!(backlinks.len(), 5);
        assert_eq!(ids(&backlinks[0]), [1]);
        assert_eq!(ids(&backlinks[1]), [0, 2, 4]);
        assert_eq!(ids(&backlinks[2]), [1]);
        assert!(backlinks[3].is_empty() && backlinks[4].is_empty());
        let mut sorted = backlinks.clone();
        for list in sorted.each_mut() {
            list.reverse();
        }
        assert_eq!(ids(&sorted[1]), [4, 2, 0], "each list is its own");
        assert_eq!(ids(&sorted[0]), [1]);
        assert!(Backlinks::build(0, |_, _| {}).is_empty());
    }
}
