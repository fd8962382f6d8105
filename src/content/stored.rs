//! A loaded briefing stored as bytes and read back. build.rs stores each bundled briefing
//! that loads, and the reader reads the first back at start instead of parsing its TOML:
//! reading back takes a fraction of the time loading does.
//!
//! What is stored is the model, not its indexes, which are built again as loading builds
//! them. The bytes are the program's own, built into it; still, every text is cleaned again
//! as it is read, and everything that points into the briefing (links, relations, sides,
//! paragraphs, dates) is checked to point inside it, so other bytes give `None` or a briefing
//! the reader can show without harm, never one that would make it panic or print what
//! loading removes.

use super::markup::{Link, Text};
use super::model::{Briefing, Details, EntityId};

/// The briefing as bytes ([postcard](https://docs.rs/postcard)'s compact encoding).
pub fn store(briefing: &Briefing) -> Vec<u8> {
    postcard::to_allocvec(briefing).unwrap_or_default()
}

/// A briefing stored by [`store`], with its indexes built; `None` for anything else.
pub fn restore(bytes: &[u8]) -> Option<Briefing> {
    if bytes.is_empty() {
        return None;
    }
    let mut briefing: Briefing = postcard::from_bytes(bytes).ok()?;
    if !points_inside(&briefing) {
        return None;
    }
    let (ids, unique) = super::model::Ids::of(&briefing.entities);
    if !unique {
        // Two entities with one id: loading would have refused it.
        return None;
    }
    briefing.ids = ids;
    briefing.build_indexes();
    Some(briefing)
}

/// Whether every link, relation, side, paragraph and date of the briefing is one it has:
/// the indexes and the reader look them up without checking again.
fn points_inside(b: &Briefing) -> bool {
    let entities = b.entities.len();
    let paragraphs = b.source.paragraphs.len();
    let entity = |id: &EntityId| id.index() < entities;
    let paragraph = |n: &u32| (1..=paragraphs).contains(&(*n as usize));
    let text = |t: &Text| {
        t.links().all(|link| match link {
            Link::Entity(id) => entity(&id),
            Link::Paragraph(n) => paragraph(&n),
            Link::External(_) => true,
        })
    };
    let date_ok = |d: &super::date::Date| {
        [Some(d.start), d.end].into_iter().flatten().all(|p| {
            p.month.is_none_or(|m| (1..=12).contains(&m))
                && p.day.is_none_or(|d| (1..=31).contains(&d))
        })
    };
    let briefing_level = text(&b.summary)
        && b.publisher_id.as_ref().is_none_or(entity)
        && b.key_points.iter().all(|k| text(&k.text) && k.cites.iter().all(paragraph))
        && b.sides.iter().all(|s| s.description.as_ref().is_none_or(text))
        && date_ok(&b.published);
    briefing_level
        && b.entities.iter().all(|e| {
            e.relations().iter().all(entity)
                && e.texts().all(text)
                // Only a briefing read from a directory leaves descriptions in files.
                && !matches!(e.description, Some(super::model::Description::InFile { .. }))
                && e.cites.iter().all(paragraph)
                && e.quotes.iter().all(|q| paragraph(&q.para))
                && e.slips.iter().all(|s| paragraph(&s.para))
                && match &e.details {
                    Details::Actor { side, stances, .. } => {
                        side.is_none_or(|s| (s.0 as usize) < b.sides.len())
                            && stances.iter().all(|s| {
                                s.cites.iter().all(paragraph)
                                    && s.quote.as_ref().is_none_or(|q| paragraph(&q.para))
                            })
                    }
                    Details::Event { date, .. } => date_ok(date),
                    _ => true,
                }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_briefing_reads_back_as_it_loads() {
        let loaded = crate::content::load(&crate::content::bundled()).expect("it loads");
        let restored = restore(&store(&loaded)).expect("it reads back");
        assert_eq!(shown(&restored), shown(&loaded));
        assert_eq!(restored.lookup("lavrov"), loaded.lookup("lavrov"));
        assert!(loaded.lookup("lavrov").is_some());
    }

    #[test]
    fn damaged_bytes_never_panic_and_never_point_outside() {
        let loaded = crate::content::load(&crate::content::bundled()).expect("it loads");
        let bytes = store(&loaded);
        // A small xorshift: the same damage on every run.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..400 {
            let mut damaged = bytes.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() % damaged.len() as u64) as usize;
                damaged[at] = next() as u8;
            }
            if let Some(b) = restore(&damaged) {
                assert!(points_inside(&b));
                assert_eq!(b.backlinks.len(), b.entities.len());
            }
        }
        for cut in (0..bytes.len()).step_by(331) {
            let _ = restore(&bytes[..cut]);
        }
    }

    /// Everything of a briefing, its maps in the order of their keys.
    fn shown(b: &Briefing) -> String {
        let sorted = |shown: Vec<String>| {
            let mut shown = shown;
            shown.sort();
            shown
        };
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            b.title,
            b.publisher,
            b.publisher_id,
            b.author,
            b.url,
            b.published,
            b.summary,
            b.key_points,
            b.source,
            b.sides,
            b.entities,
            sorted(b.lists.iter().map(|e| format!("{e:?}")).collect()),
            b.positions,
            b.backlinks,
            sorted(b.involved.iter().map(|e| format!("{e:?}")).collect()),
            sorted(b.stances_on.iter().map(|e| format!("{e:?}")).collect()),
            (&b.cited_by, &b.notices),
        )
    }

    #[test]
    fn bytes_not_stored_by_it_give_none() {
        let loaded = crate::content::load(&crate::content::bundled()).expect("it loads");
        let bytes = store(&loaded);
        assert!(restore(&[]).is_none());
        assert!(restore(&bytes[..bytes.len() / 2]).is_none(), "cut short");
        assert!(restore(b"not a briefing at all").is_none());
        // A link to an entity past the last: it decodes, but points outside.
        let mut broken = loaded.clone();
        broken.publisher_id = Some(EntityId(loaded.entities.len() as u32 + 5));
        assert!(restore(&store(&broken)).is_none());
        let mut broken = loaded;
        broken.key_points[0].cites.push(0);
        assert!(restore(&store(&broken)).is_none());
    }
}
