//! The briefing as plain, linear text, for a pipe, a file, a screen reader or a braille
//! display: `briefing | less`, `briefing print`.
//!
//! It is made of the same pages the reader shows (the summary, each entity's detail with its
//! relations and backlinks, the source), so the two never say different things, laid end to
//! end in reading order and wrapped to a width. Links become numbered references in the lynx
//! style, `Sergei Lavrov[12]`, listed with their addresses at the end of each section; a
//! citation stays `¶2`, which is its own address. Every entry starts with its address
//! (`── actor:lavrov ──`), the name `briefing --goto` takes to open the reader there.
//!
//! Text in the model is clean by type, and nothing here adds a control character: the output
//! holds no escape sequence whatever the briefing holds.

use super::address::{self, Place};
use super::{Doc, DocBuilder, PaneKeys, Role, Run, Style, Target, detail, source, summary, wrap};
use crate::content::{Briefing, EntityId, Kind};
use std::collections::{BTreeSet, HashMap};
use unicode_width::UnicodeWidthStr;

/// A part of the briefing `--only` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Summary,
    Kind(Kind),
    Source,
}

impl Part {
    /// Every part, in reading order.
    pub fn all() -> impl Iterator<Item = Part> {
        std::iter::once(Part::Summary).chain(Kind::all().map(Part::Kind)).chain([Part::Source])
    }
}

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Whole,
    Only(Part),
    /// One place, and for an entity every entity it links to.
    Place(Place),
}

/// The whole of what `selection` names, wrapped to `width` columns.
pub fn print(briefing: &Briefing, selection: Selection, width: u16) -> String {
    let mut out =
        Printer { briefing, width: width.max(20), refs: Refs::default(), text: String::new() };
    match selection {
        Selection::Whole => Part::all().for_each(|part| out.part(part)),
        Selection::Only(part) => out.part(part),
        Selection::Place(Place::Summary) => out.part(Part::Summary),
        Selection::Place(Place::Source(None)) => out.part(Part::Source),
        Selection::Place(Place::Source(Some(n))) => {
            out.heading(&format!("Source ¶{n}"), '=');
            let doc = corrected(briefing, paragraph_doc(briefing, n));
            out.entry(&address::of_paragraph(n), doc);
            out.references();
        }
        Selection::Place(Place::Entity(id)) => {
            let entity = briefing.entity(id);
            out.heading(&entity.name, '=');
            out.entity(id);
            let linked = links_from(briefing, id);
            if !linked.is_empty() {
                out.heading(&format!("What {} links to", entity.name), '=');
                for target in linked {
                    out.entity(target);
                }
            }
            out.references();
        }
    }
    out.text
}

/// The entities an entity names, in its text and its relations, each once, in the order a
/// reader meets them.
fn links_from(briefing: &Briefing, id: EntityId) -> Vec<EntityId> {
    let entity = briefing.entity(id);
    let in_text = entity.text_links();
    let mut out: Vec<EntityId> = Vec::new();
    for target in in_text.chain(entity.relations()) {
        if target != id && !out.contains(&target) {
            out.push(target);
        }
    }
    out
}

/// One paragraph of the source with who cites it, as the Source page shows it.
fn paragraph_doc(briefing: &Briefing, n: u32) -> Doc {
    let whole = source::doc(briefing, true, None);
    Doc {
        blocks: whole.blocks.into_iter().filter(|b| b.paragraph == Some(n)).collect(),
        links: whole.links,
    }
}

/// The source's slips with what is right beside them: the page flags a slip with "[!]" for
/// the reader to follow; printed, the correction itself is there to read.
fn corrected(briefing: &Briefing, mut doc: Doc) -> Doc {
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for block in &mut doc.blocks {
        for i in 0..block.runs.len().saturating_sub(1) {
            let run = &block.runs[i];
            let Some(Target::Entity(id)) = run.link.and_then(|l| doc.links.get(l)) else {
                continue;
            };
            if run.style.role != Role::Slip {
                continue;
            }
            let said = words(&run.text);
            let slip = briefing
                .entity(*id)
                .slips
                .iter()
                .find(|s| Some(s.para) == block.paragraph && words(&s.said) == said);
            if let Some(slip) = slip
                && block.runs[i + 1].text == "[!]"
            {
                block.runs[i + 1].text = format!(" [slip; correct: {}]", slip.correct);
            }
        }
    }
    doc
}

struct Printer<'b> {
    briefing: &'b Briefing,
    width: u16,
    refs: Refs,
    text: String,
}

impl Printer<'_> {
    fn part(&mut self, part: Part) {
        let b = self.briefing;
        match part {
            Part::Summary => {
                self.heading("Summary", '=');
                self.entry("summary", summary::doc(b, &PaneKeys::default()));
            }
            Part::Kind(kind) => {
                self.heading(address::section_title(kind), '=');
                if b.count(kind) == 0 {
                    let none =
                        format!("\nThis briefing has no {}.\n", kind.plural().to_lowercase());
                    self.text.push_str(&none);
                    return;
                }
                for (group, ids) in super::export::groups(b, kind) {
                    if let Some(group) = group {
                        self.heading(&group, '-');
                    }
                    for id in ids {
                        self.entity(id);
                    }
                }
            }
            Part::Source => {
                self.heading("Source", '=');
                self.entry("source", corrected(b, source::doc(b, true, None)));
            }
        }
        self.references();
    }

    fn entity(&mut self, id: EntityId) {
        let doc = detail::doc(self.briefing, id, true);
        self.entry(&address::of_entity(self.briefing, id), doc);
    }

    /// A heading underlined with `rule`, after a blank line.
    fn heading(&mut self, title: &str, rule: char) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let title = title.replace('\u{a0}', " ");
        let width = title.width().min(self.width as usize);
        self.text.push_str(&title);
        self.text.push('\n');
        self.text.extend(std::iter::repeat_n(rule, width));
        self.text.push('\n');
    }

    /// An entry: a rule that names its address, then its text.
    fn entry(&mut self, address: &str, doc: Doc) {
        let label = format!("── {address} ");
        self.text.push('\n');
        // An address is never broken, so that a search finds it whole; one too long for a
        // rule stands alone.
        if label.width() + 2 <= self.width as usize {
            let rest = self.width as usize - label.width();
            self.text.push_str(&label);
            self.text.extend(std::iter::repeat_n('─', rest));
        } else {
            self.text.push_str(address);
        }
        self.text.push('\n');
        let doc = self.refs.number(doc);
        self.push_doc(doc);
    }

    fn push_doc(&mut self, mut doc: Doc) {
        // A label on the reader's page ("Cited from the article  ") hangs the text after it;
        // on a narrow page it would leave no room, so it becomes the first words instead.
        for block in &mut doc.blocks {
            let wide = block.marker.as_ref().is_some_and(|m| {
                (m.text.width() + block.indent as usize) * 2 > self.width as usize
            });
            if wide && let Some(marker) = block.marker.take() {
                block.runs.insert(0, marker);
            }
        }
        for row in wrap(&doc, self.width).rows {
            let start = self.text.len();
            let mut x = 0usize;
            for segment in &row.segments {
                let at = segment.x as usize;
                if at > x {
                    self.text.extend(std::iter::repeat_n(' ', at - x));
                    x = at;
                }
                x += segment.text.width();
                // A no-break space keeps words together while wrapping; printed, it is a
                // space, so that what a person searches for or copies is plain.
                if segment.text.contains('\u{a0}') {
                    self.text.push_str(&segment.text.replace('\u{a0}', " "));
                } else {
                    self.text.push_str(&segment.text);
                }
            }
            let end = self.text[start..].trim_end().len();
            self.text.truncate(start + end);
            self.text.push('\n');
        }
    }

    /// The references the section used, by number: one a line, wrapped under itself only
    /// when it is longer than the page is wide.
    fn references(&mut self) {
        let used = std::mem::take(&mut self.refs.used);
        if used.is_empty() {
            return;
        }
        self.text.push_str("\nReferences\n");
        let widest = used.last().map_or(1, |n| n.to_string().len());
        for n in used {
            let (label, name) = self.refs.describe(self.briefing, n);
            let marker = format!("{:>w$} ", format!("[{n}]"), w = widest + 2);
            let line = match &name {
                Some(name) => format!("{marker}{label}  {name}"),
                None => format!("{marker}{label}"),
            };
            if line.width() <= self.width as usize && !line.contains('\u{a0}') {
                self.text.push_str(&line);
                self.text.push('\n');
                continue;
            }
            let mut b = DocBuilder::default();
            b.block(false).marker(marker, Style::default()).text(label);
            if let Some(name) = name {
                b.text("  ").text(name);
            }
            self.push_doc(b.finish());
        }
    }
}

/// Numbers for link targets: each target has one number in the whole text, given where it
/// is first met, so `Sergei Lavrov[12]` is 12 wherever it appears.
#[derive(Default)]
struct Refs {
    numbers: HashMap<Target, usize>,
    targets: Vec<Target>,
    /// The numbers the current section used, in order, each once.
    used: BTreeSet<usize>,
}

impl Refs {
    /// The doc with each link's words followed by its number and the links taken out, so the
    /// wrapping keeps `Lavrov[12],` together on one row.
    fn number(&mut self, doc: Doc) -> Doc {
        let Doc { blocks, links } = doc;
        let mut out = Vec::with_capacity(blocks.len());
        for mut block in blocks {
            let runs = std::mem::take(&mut block.runs);
            let mut numbered = Vec::with_capacity(runs.len() + 2);
            let mut runs = runs.into_iter().peekable();
            while let Some(mut run) = runs.next() {
                let link = run.link.take();
                numbered.push(run);
                let Some(link) = link else { continue };
                // The number goes after a link's last run, however many styles it spans.
                if runs.peek().is_some_and(|next| next.link == Some(link)) {
                    continue;
                }
                if let Some(n) = links.get(link).and_then(|t| self.mark(t)) {
                    numbered.push(Run {
                        text: format!("[{n}]"),
                        style: Style::role(Role::Muted),
                        link: None,
                    });
                }
            }
            block.runs = numbered;
            out.push(block);
        }
        Doc { blocks: out, links: Vec::new() }
    }

    /// The number of a target, or none for a citation (whose `¶2` is its own address) and for
    /// the rest of a long list (which has no place of its own in the text).
    fn mark(&mut self, target: &Target) -> Option<usize> {
        match target {
            Target::Entity(_) | Target::External(_) => {}
            Target::Paragraph(_) | Target::Quote(..) | Target::More(_) => return None,
        }
        let n = match self.numbers.get(target) {
            Some(n) => *n,
            None => {
                self.targets.push(target.clone());
                let n = self.targets.len();
                self.numbers.insert(target.clone(), n);
                n
            }
        };
        self.used.insert(n);
        Some(n)
    }

    /// What a reference leads to: an address and the name there, or an outside address.
    fn describe(&self, briefing: &Briefing, n: usize) -> (String, Option<String>) {
        match &self.targets[n - 1] {
            Target::Entity(id) => {
                (address::of_entity(briefing, *id), Some(briefing.entity(*id).name.to_string()))
            }
            Target::External(url) => (url.to_string(), None),
            other => (format!("{other:?}"), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_numbered_once_and_listed_where_it_is_used() {
        let briefing = crate::content::load(&crate::content::bundled()).unwrap();
        let text = print(&briefing, Selection::Only(Part::Kind(Kind::Actor)), 80);
        assert!(text.contains("── actor:lavrov ─"), "{text}");
        assert!(text.contains("\nReferences\n"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    }
}
