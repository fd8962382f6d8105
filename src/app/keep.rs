//! Keeping things: bookmarks (`m`, listed by `'`), items marked as seen once opened, and a
//! reference copied to the clipboard (`y`) with its citation.

use super::state::{App, Effect, Tab};
use crate::content::{Basis, Details, EntityId};

impl App {
    /// The entity the reader is on: the selection of an entity pane.
    pub fn current_entity(&self) -> Option<EntityId> {
        self.tab.kind()?;
        self.selected_entity(self.tab)
    }

    pub(super) fn toggle_bookmark(&mut self) {
        let Some(id) = self.current_entity() else {
            self.status =
                Some("Only actors, issues, events, places and terms can be bookmarked".to_owned());
            return;
        };
        let name = self.briefing.entity(id).name.clone();
        if let Some(at) = self.bookmarks.iter().position(|b| *b == id) {
            self.bookmarks.remove(at);
            self.status = Some(format!("Removed the bookmark on {name}"));
        } else {
            self.bookmarks.push(id);
            let key =
                self.keymap.keys_for(super::Action::Bookmarks).first().cloned().unwrap_or_default();
            self.status = Some(format!(
                "Bookmarked {name} ({} in all; {key} lists them)",
                self.bookmarks.len()
            ));
        }
    }

    pub(super) fn mark_seen(&mut self, id: EntityId) {
        self.seen.insert(id);
    }

    pub(super) fn copy_reference(&mut self) {
        let Some(text) = self.reference() else {
            self.status = Some("Nothing to copy here".to_owned());
            return;
        };
        let shown: String = text.chars().take(60).collect();
        let more = if text.chars().count() > 60 { "…" } else { "" };
        self.status = Some(format!("Copied to the clipboard: {shown}{more}"));
        self.effects.push(Effect::Copy(text));
    }

    /// The current item as a reader would quote it: "Sergei Lavrov, Foreign Minister of the
    /// Russian Federation: … (¶2, BASIC, 29 Apr 2013, date inferred)".
    pub fn reference(&self) -> Option<String> {
        let b = &self.briefing;
        let publisher = b.publisher_id.map_or(b.publisher.clone(), |p| b.entity(p).name.clone());
        let published = match b.published.basis {
            Basis::Stated => b.published.when(),
            Basis::Inferred => format!("{}, date inferred", b.published.when()),
            Basis::Outside => format!("{}, date from an outside source", b.published.when()),
        };
        let source = format!("{publisher}, {published}");
        match self.tab {
            Tab::Summary => Some(format!("{}. {source}. {}", b.title, b.url)),
            Tab::Source => {
                let n = self.view().highlight.unwrap_or(1);
                let text = b.source.paragraphs.get(n as usize - 1)?;
                Some(format!(
                    "“{}” (¶{n}, {source})",
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                ))
            }
            _ => {
                let entity = b.entity(self.current_entity()?);
                let what = match &entity.details {
                    Details::Actor { role: Some(role), .. } => {
                        format!("{}, {}", entity.name, role.plain())
                    }
                    Details::Event { date, .. } => format!("{} ({})", entity.name, date.display()),
                    Details::Term { expansion: Some(e), .. } => format!("{} ({e})", entity.name),
                    _ => entity.name.clone(),
                };
                let mut paragraphs: Vec<u32> = entity
                    .cites
                    .iter()
                    .chain(entity.quotes.iter().map(|q| &q.para))
                    .copied()
                    .collect();
                paragraphs.sort_unstable();
                paragraphs.dedup();
                let cited = if paragraphs.is_empty() {
                    let sources: Vec<&str> =
                        entity.context.iter().map(|c| c.source.as_str()).collect();
                    format!("outside context: {}", sources.join("; "))
                } else {
                    let cites: Vec<String> = paragraphs.iter().map(|n| format!("¶{n}")).collect();
                    format!("{}, {source}", cites.join(", "))
                };
                Some(format!("{what}: {} ({cited})", entity.summary.plain()))
            }
        }
    }
}
