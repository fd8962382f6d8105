//! A small builder so page code reads as a list of what is on the page.

use super::{Block, Doc, Role, Run, Style, Target};
use crate::content::{Briefing, Link, Text, markup::BlockKind};

#[derive(Default)]
pub struct DocBuilder {
    doc: Doc,
}

impl DocBuilder {
    pub fn finish(self) -> Doc {
        self.doc
    }

    /// How many blocks there are so far, to mark the first of those added next.
    pub fn finish_len(&self) -> usize {
        self.doc.blocks.len()
    }

    /// Moves the runs of block `index` onto the end of the block before it.
    pub fn merge_block_into_previous(&mut self, index: usize) -> &mut Self {
        if index > 0 && index < self.doc.blocks.len() {
            let block = self.doc.blocks.remove(index);
            self.doc.blocks[index - 1].runs.extend(block.runs);
        }
        self
    }

    /// Gives the first block added since `since` a bullet marker, for list items whose text is
    /// itself CommonMark.
    pub fn mark_first_since(&mut self, since: usize, marker: &str) -> &mut Self {
        if let Some(block) = self.doc.blocks.get_mut(since) {
            block.marker =
                Some(Run { text: marker.to_owned(), style: Style::role(Role::Marker), link: None });
            block.indent = block.indent.saturating_sub(marker.chars().count() as u16);
        }
        self
    }

    /// Starts a block; later `run`/`link` calls add to it.
    pub fn block(&mut self, gap: bool) -> &mut Self {
        let gap = gap && !self.doc.blocks.is_empty();
        self.doc.blocks.push(Block { gap, ..Block::default() });
        self
    }

    pub fn marker(&mut self, text: impl Into<String>, style: Style) -> &mut Self {
        self.current().marker = Some(Run { text: text.into(), style, link: None });
        self
    }

    pub fn indent(&mut self, indent: u16) -> &mut Self {
        self.current().indent = indent;
        self
    }

    pub fn paragraph(&mut self, n: u32) -> &mut Self {
        self.current().paragraph = Some(n);
        self
    }

    pub fn run(&mut self, text: impl Into<String>, style: Style) -> &mut Self {
        let text = text.into();
        if !text.is_empty() {
            self.current().runs.push(Run { text, style, link: None });
        }
        self
    }

    pub fn text(&mut self, text: impl Into<String>) -> &mut Self {
        self.run(text, Style::default())
    }

    pub fn styled(&mut self, text: impl Into<String>, role: Role) -> &mut Self {
        self.run(text, Style::role(role))
    }

    pub fn link(&mut self, text: impl Into<String>, target: Target) -> &mut Self {
        let index = self.link_index(target);
        let text = text.into();
        self.current().runs.push(Run { text, style: Style::default(), link: Some(index) });
        self
    }

    /// A link drawn in a style of its own, such as a slip in the source.
    pub fn link_styled(
        &mut self,
        text: impl Into<String>,
        style: Style,
        target: Target,
    ) -> &mut Self {
        let index = self.link_index(target);
        let text = text.into();
        self.current().runs.push(Run { text, style, link: Some(index) });
        self
    }

    /// A heading block: a blank row, then the label.
    pub fn heading(&mut self, label: &str) -> &mut Self {
        self.block(true).styled(label, Role::Heading);
        self
    }

    /// Links to entities, separated by commas, in the current block.
    pub fn entity_links(
        &mut self,
        briefing: &Briefing,
        ids: &[crate::content::EntityId],
    ) -> &mut Self {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.text(", ");
            }
            self.link(briefing.entity(*id).name.clone(), Target::Entity(*id));
        }
        self
    }

    /// "¶1 ¶3": citations as links that open the source at that paragraph.
    pub fn citations(&mut self, cites: &[u32]) -> &mut Self {
        for (i, n) in cites.iter().enumerate() {
            if i > 0 {
                self.text(" ");
            }
            self.link(format!("¶{n}"), Target::Paragraph(*n));
        }
        self
    }

    /// Rendered CommonMark: each of its blocks becomes a block here, indented by `indent`.
    pub fn markup(&mut self, text: &Text, indent: u16, gap: bool, base: Role) -> &mut Self {
        for (i, (kind, inlines)) in text.blocks().enumerate() {
            self.block(gap || i > 0).indent(indent);
            let mut role = base;
            match kind {
                BlockKind::Item { depth, .. } => {
                    self.indent(indent + 2 * u16::from(depth));
                    let marker = kind.marker().unwrap_or_default();
                    let shown = if marker.is_empty() { "  ".to_owned() } else { marker };
                    self.marker(shown, Style::role(Role::Marker));
                }
                BlockKind::Quote => {
                    self.marker("│ ", Style::role(Role::Quote));
                    role = Role::Quote;
                }
                BlockKind::Heading => role = Role::Heading,
                BlockKind::Code | BlockKind::Paragraph => {}
            }
            for inline in inlines {
                let style = Style {
                    role,
                    emphasis: inline.emphasis,
                    strong: inline.strong,
                    code: inline.code,
                };
                let target = match inline.link {
                    Some(Link::Entity(id)) => Some(Target::Entity(id)),
                    Some(Link::Paragraph(n)) => Some(Target::Paragraph(n)),
                    Some(Link::External(url)) => {
                        Some(Target::External(crate::content::sanitize::Clean::from(url)))
                    }
                    None => None,
                };
                match target {
                    Some(target) => {
                        let index = self.link_index(target);
                        self.current().runs.push(Run {
                            text: inline.text.to_owned(),
                            style,
                            link: Some(index),
                        });
                    }
                    None => {
                        self.run(inline.text.to_owned(), style);
                    }
                }
            }
        }
        self
    }

    /// Each link occurrence is its own stop for Tab, even when two lead to the same place.
    fn link_index(&mut self, target: Target) -> usize {
        self.doc.links.push(target);
        self.doc.links.len() - 1
    }

    fn current(&mut self) -> &mut Block {
        if self.doc.blocks.is_empty() {
            self.doc.blocks.push(Block::default());
        }
        self.doc.blocks.last_mut().expect("ensured above")
    }
}
