//! Inline CommonMark with `[[id]]` and `[[id|label]]` links, parsed once at load into blocks of
//! styled runs. Nothing here knows about terminals: the reader wraps and styles these runs.

use super::model::EntityId;
use super::sanitize::Clean;
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Parsed text: the paragraphs, list items, quotes and code blocks of one text field.
///
/// Kept in one allocation, because a briefing holds many: its runs, its blocks, then its
/// words and the addresses of its outside links, as bytes (see [`Packed`]). A run is its
/// end in the words, a style and a link; a block, its kind and its first run. An empty
/// text allocates nothing.
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Parts", into = "Parts")]
pub struct Text {
    packed: Box<[u8]>,
}

/// A text's parts as they are stored (the bundled briefing prebuilt into the binary), and
/// checked before they make a `Text`: every run must end within the words, on a character,
/// after the one before, and every block start at a run, in order; otherwise showing the
/// text could slice it wrongly.
#[derive(serde::Serialize, serde::Deserialize)]
struct Parts {
    words: Clean,
    runs: Vec<Run>,
    blocks: Vec<Block>,
}

impl TryFrom<Parts> for Text {
    type Error = &'static str;

    fn try_from(parts: Parts) -> Result<Text, Self::Error> {
        let Parts { words, runs, blocks } = parts;
        let mut start = 0;
        for run in &runs {
            let end = run.end as usize;
            if end < start || end > words.len() || !words.is_char_boundary(end) {
                return Err("a run of a stored text does not fit its words");
            }
            start = end;
        }
        let mut first = 0;
        for block in &blocks {
            let at = block.first as usize;
            if at < first || at > runs.len() {
                return Err("a block of a stored text does not start at one of its runs");
            }
            first = at;
        }
        Ok(Text::pack(&words[..start], &runs, &blocks))
    }
}

impl From<Text> for Parts {
    fn from(text: Text) -> Parts {
        let packed = Packed::of(&text);
        let runs = (0..packed.runs()).map(|i| packed.run(i)).collect();
        let blocks = (0..packed.blocks()).map(|i| packed.block(i)).collect();
        Parts { words: Clean::from(packed.words()), runs, blocks }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
struct Block {
    kind: BlockKind,
    first: u32,
}

/// A run as it is made and stored; packed, it takes 12 bytes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Run {
    end: u32,
    style: u8,
    link: Option<Target>,
}

/// Where a link leads, as it is made and stored.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
enum Target {
    Entity(EntityId),
    External(Clean),
    Paragraph(u32),
}

const EMPHASIS: u8 = 1;
const STRONG: u8 = 2;
const CODE: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum BlockKind {
    Paragraph,
    Heading,
    Quote,
    Code,
    /// A list item at a depth; `number` for an ordered list; `first` false for a later
    /// paragraph of the same item, which has no marker.
    Item {
        depth: u8,
        number: Option<u32>,
        first: bool,
    },
}

impl BlockKind {
    /// The marker an item starts with: "• ", "3. ", or none for a later paragraph.
    pub fn marker(self) -> Option<String> {
        match self {
            BlockKind::Item { first: false, .. } => Some(String::new()),
            BlockKind::Item { number: Some(n), .. } => Some(format!("{n}. ")),
            BlockKind::Item { .. } => Some("• ".to_owned()),
            _ => None,
        }
    }
}

/// A run of text with one style and at most one link, as `Text::blocks` hands it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inline<'a> {
    pub text: &'a str,
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub link: Option<Link<'a>>,
}

/// Where a link in a text leads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Link<'a> {
    Entity(EntityId),
    /// An outside address.
    External(&'a str),
    /// "¶2" written in the text: a citation of that source paragraph.
    Paragraph(u32),
}

/// The layout of a packed text, all numbers little-endian `u32`:
///
/// - a header: how many runs, how many blocks, and how long the words are;
/// - each run: its end in the words; its style and its link's kind, a byte each, and two
///   spare; where the link leads (an entity, a paragraph, or where its address starts);
/// - each block: its first run; its kind, depth, whether it is an item's first paragraph
///   and whether it has a number, a byte each; the number;
/// - the words, then the address of each outside link in turn.
///
/// Only [`Text::pack`] writes one, from parts already checked, so reading one back trusts
/// its numbers (and still never reads outside it).
struct Packed<'a>(&'a [u8]);

const HEADER: usize = 12;
const RUN: usize = 12;
const BLOCK: usize = 12;

const NO_LINK: u8 = 0;
const TO_ENTITY: u8 = 1;
const TO_PARAGRAPH: u8 = 2;
const TO_OUTSIDE: u8 = 3;

const PARAGRAPH: u8 = 0;
const HEADING: u8 = 1;
const QUOTE: u8 = 2;
const CODE_BLOCK: u8 = 3;
const ITEM: u8 = 4;

impl<'a> Packed<'a> {
    fn of(text: &'a Text) -> Packed<'a> {
        Packed(&text.packed)
    }

    fn number(&self, at: usize) -> u32 {
        self.0.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn byte(&self, at: usize) -> u8 {
        self.0.get(at).copied().unwrap_or(0)
    }

    fn runs(&self) -> usize {
        self.number(0) as usize
    }

    fn blocks(&self) -> usize {
        self.number(4) as usize
    }

    /// Where the words start: after the runs and the blocks.
    fn words_start(&self) -> usize {
        HEADER + self.runs() * RUN + self.blocks() * BLOCK
    }

    fn words(&self) -> &'a str {
        let start = self.words_start();
        self.str(start..start + self.number(8) as usize)
    }

    fn str(&self, range: std::ops::Range<usize>) -> &'a str {
        self.0.get(range).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }

    fn end(&self, run: usize) -> usize {
        self.number(HEADER + run * RUN) as usize
    }

    fn style(&self, run: usize) -> u8 {
        self.byte(HEADER + run * RUN + 4)
    }

    fn link(&self, run: usize) -> Option<Link<'a>> {
        let at = HEADER + run * RUN;
        let to = self.number(at + 8);
        match self.byte(at + 5) {
            TO_ENTITY => Some(Link::Entity(EntityId(to))),
            TO_PARAGRAPH => Some(Link::Paragraph(to)),
            TO_OUTSIDE => {
                // An address runs to where the next one starts, or to the end.
                let next = (run + 1..self.runs())
                    .find(|&r| self.byte(HEADER + r * RUN + 5) == TO_OUTSIDE)
                    .map_or(self.0.len(), |r| self.number(HEADER + r * RUN + 8) as usize);
                Some(Link::External(self.str(to as usize..next)))
            }
            _ => None,
        }
    }

    fn run(&self, run: usize) -> Run {
        let link = self.link(run).map(|link| match link {
            Link::Entity(id) => Target::Entity(id),
            Link::Paragraph(n) => Target::Paragraph(n),
            Link::External(url) => Target::External(Clean::from(url)),
        });
        Run { end: self.end(run) as u32, style: self.style(run), link }
    }

    fn block(&self, block: usize) -> Block {
        let at = HEADER + self.runs() * RUN + block * BLOCK;
        let kind = match self.byte(at + 4) {
            HEADING => BlockKind::Heading,
            QUOTE => BlockKind::Quote,
            CODE_BLOCK => BlockKind::Code,
            ITEM => BlockKind::Item {
                depth: self.byte(at + 5),
                first: self.byte(at + 6) != 0,
                number: (self.byte(at + 7) != 0).then(|| self.number(at + 8)),
            },
            _ => BlockKind::Paragraph,
        };
        Block { kind, first: self.number(at) }
    }
}

impl Text {
    /// Packs checked parts: `words` ends where the last run does.
    fn pack(words: &str, runs: &[Run], blocks: &[Block]) -> Text {
        // Most texts are one paragraph: theirs is not stored, and a text with runs and no
        // blocks is shown as this one paragraph.
        let blocks = match blocks {
            [Block { kind: BlockKind::Paragraph, first: 0 }] if !runs.is_empty() => &[],
            blocks => blocks,
        };
        if runs.is_empty() && blocks.is_empty() {
            return Text::default();
        }
        let outside: usize = runs
            .iter()
            .map(|r| match &r.link {
                Some(Target::External(url)) => url.len(),
                _ => 0,
            })
            .sum();
        let words_start = HEADER + runs.len() * RUN + blocks.len() * BLOCK;
        let mut out = Vec::with_capacity(words_start + words.len() + outside);
        let number = |out: &mut Vec<u8>, n: usize| {
            out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes())
        };
        number(&mut out, runs.len());
        number(&mut out, blocks.len());
        number(&mut out, words.len());
        let mut address = words_start + words.len();
        for run in runs {
            number(&mut out, run.end as usize);
            let (kind, to) = match &run.link {
                None => (NO_LINK, 0),
                Some(Target::Entity(id)) => (TO_ENTITY, id.index()),
                Some(Target::Paragraph(n)) => (TO_PARAGRAPH, *n as usize),
                Some(Target::External(url)) => {
                    address += url.len();
                    (TO_OUTSIDE, address - url.len())
                }
            };
            out.extend_from_slice(&[run.style, kind, 0, 0]);
            number(&mut out, to);
        }
        for block in blocks {
            number(&mut out, block.first as usize);
            let (kind, depth, first, number_) = match block.kind {
                BlockKind::Paragraph => (PARAGRAPH, 0, false, None),
                BlockKind::Heading => (HEADING, 0, false, None),
                BlockKind::Quote => (QUOTE, 0, false, None),
                BlockKind::Code => (CODE_BLOCK, 0, false, None),
                BlockKind::Item { depth, number, first } => (ITEM, depth, first, number),
            };
            out.extend_from_slice(&[kind, depth, u8::from(first), u8::from(number_.is_some())]);
            number(&mut out, number_.unwrap_or(0) as usize);
        }
        out.extend_from_slice(words.as_bytes());
        for run in runs {
            if let Some(Target::External(url)) = &run.link {
                out.extend_from_slice(url.as_bytes());
            }
        }
        Text { packed: out.into_boxed_slice() }
    }

    /// Each block's kind and its runs.
    pub fn blocks(&self) -> impl Iterator<Item = (BlockKind, impl Iterator<Item = Inline<'_>>)> {
        let packed = Packed::of(self);
        let (runs, stored) = (packed.runs(), packed.blocks());
        // A text with runs and no blocks is one paragraph.
        let count = if stored == 0 && runs > 0 { 1 } else { stored };
        (0..count).map(move |i| {
            let packed = Packed::of(self);
            let block = |i: usize| {
                if stored == 0 {
                    Block { kind: BlockKind::Paragraph, first: 0 }
                } else {
                    packed.block(i)
                }
            };
            let this = block(i);
            let end = if i + 1 < count { block(i + 1).first as usize } else { runs };
            let first = (this.first as usize).min(end);
            (this.kind, (first..end).map(move |r| Packed::of(self).inline(r)))
        })
    }

    pub fn is_empty(&self) -> bool {
        Packed::of(self).runs() == 0
    }

    /// The text without markup, blocks joined by spaces: for one-line uses such as list rows.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for (_, inlines) in self.blocks() {
            if !out.is_empty() {
                out.push(' ');
            }
            for inline in inlines {
                out.push_str(&inline.text.replace('\n', " "));
            }
        }
        out
    }

    /// Every entity this text links to, in order of appearance.
    pub fn entity_links(&self) -> impl Iterator<Item = EntityId> + '_ {
        self.links().filter_map(|link| match link {
            Link::Entity(id) => Some(id),
            _ => None,
        })
    }

    /// Every link, in order of appearance.
    pub fn links(&self) -> impl Iterator<Item = Link<'_>> + '_ {
        let packed = Packed::of(self);
        (0..packed.runs()).filter_map(move |r| packed.link(r))
    }
}

impl<'a> Packed<'a> {
    fn inline(&self, run: usize) -> Inline<'a> {
        let start = if run == 0 { 0 } else { self.end(run - 1) };
        let words = self.words();
        let style = self.style(run);
        Inline {
            text: words.get(start..self.end(run)).unwrap_or(""),
            emphasis: style & EMPHASIS != 0,
            strong: style & STRONG != 0,
            code: style & CODE != 0,
            link: self.link(run),
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let blocks: Vec<(BlockKind, Vec<Inline<'_>>)> =
            self.blocks().map(|(kind, inlines)| (kind, inlines.collect())).collect();
        f.debug_tuple("Text").field(&blocks).finish()
    }
}

/// An `[[id]]` whose id names no entity, with its byte range in the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownLink {
    pub id: String,
    pub range: std::ops::Range<usize>,
}

/// "¶9" where the source has no paragraph 9, with the byte range of the text it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownParagraph {
    pub n: u64,
    pub range: std::ops::Range<usize>,
}

/// What parsing found wrong: links to ids that do not exist, citations of paragraphs that do
/// not exist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problems {
    pub links: Vec<UnknownLink>,
    pub paragraphs: Vec<UnknownParagraph>,
}

/// Parses `markup`. `resolve` maps an id to the entity and the name a bare `[[id]]` shows;
/// `paragraphs` is how many paragraphs the source has, for "¶n" citations in the text.
pub fn parse<'n>(
    markup: &str,
    resolve: &dyn Fn(&str) -> Option<(EntityId, &'n str)>,
    paragraphs: usize,
) -> (Text, Problems) {
    let mut builder = Builder::default();
    let mut problems = Problems::default();
    let parser = Parser::new_ext(markup, Options::ENABLE_WIKILINKS).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => builder.paragraph(),
                Tag::Heading { .. } => builder.open(BlockKind::Heading),
                Tag::BlockQuote(_) => builder.quote_depth += 1,
                Tag::CodeBlock(kind) => {
                    builder.open(BlockKind::Code);
                    builder.in_code =
                        matches!(kind, CodeBlockKind::Fenced(_) | CodeBlockKind::Indented);
                }
                Tag::List(start) => builder.lists.push(start),
                Tag::Item => builder.item(),
                Tag::Emphasis => builder.emphasis += 1,
                Tag::Strong => builder.strong += 1,
                Tag::Link { link_type: LinkType::WikiLink { has_pothole }, dest_url, .. } => {
                    let id = dest_url.trim();
                    match resolve(id) {
                        Some((entity, name)) => {
                            builder.link = Some(Target::Entity(entity));
                            if !has_pothole {
                                builder.label = Some(name.to_owned());
                            }
                        }
                        None => {
                            problems
                                .links
                                .push(UnknownLink { id: id.to_owned(), range: range.clone() });
                            builder.link = None;
                        }
                    }
                }
                Tag::Link { dest_url, .. } => {
                    builder.link = Some(Target::External(Clean::from(dest_url.as_ref())));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::BlockQuote(_) => {
                    builder.quote_depth = builder.quote_depth.saturating_sub(1)
                }
                TagEnd::CodeBlock => {
                    builder.in_code = false;
                    builder.close();
                }
                TagEnd::List(_) => {
                    builder.lists.pop();
                }
                TagEnd::Emphasis => builder.emphasis = builder.emphasis.saturating_sub(1),
                TagEnd::Strong => builder.strong = builder.strong.saturating_sub(1),
                TagEnd::Link => {
                    if let Some(label) = builder.label.take() {
                        builder.push(&label, false);
                    }
                    builder.link = None;
                }
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => builder.close(),
                _ => {}
            },
            // A bare [[id]] shows the entity's name instead of its id.
            Event::Text(_) if builder.label.is_some() => {}
            Event::Text(text) => {
                let text = if builder.in_code { text.trim_end_matches('\n') } else { &text };
                if builder.in_code || builder.link.is_some() {
                    builder.push(text, false);
                } else {
                    builder.push_citing(text, paragraphs, &range, &mut problems.paragraphs);
                }
            }
            Event::Code(text) => builder.push(&text, true),
            Event::Html(text) | Event::InlineHtml(text) => builder.push(&text, false),
            Event::SoftBreak => builder.push(" ", false),
            Event::HardBreak => builder.push("\n", false),
            Event::Rule => {
                builder.open(BlockKind::Paragraph);
                builder.push("———", false);
                builder.close();
            }
            _ => {}
        }
    }
    (builder.finish(), problems)
}

#[derive(Default)]
struct Builder {
    words: String,
    runs: Vec<Run>,
    blocks: Vec<Block>,
    /// The block being filled, and the first of its runs.
    current: Option<Block>,
    lists: Vec<Option<u64>>,
    fresh_item: bool,
    quote_depth: usize,
    in_code: bool,
    emphasis: usize,
    strong: usize,
    link: Option<Target>,
    label: Option<String>,
}

impl Builder {
    fn open(&mut self, kind: BlockKind) {
        self.close();
        self.current = Some(Block { kind, first: self.runs.len() as u32 });
    }

    fn close(&mut self) {
        if let Some(block) = self.current.take()
            && (block.first as usize) < self.runs.len()
        {
            self.blocks.push(block);
        }
    }

    fn paragraph(&mut self) {
        if self.fresh_item {
            self.fresh_item = false;
            return;
        }
        let kind = if self.quote_depth > 0 {
            BlockKind::Quote
        } else if !self.lists.is_empty() {
            BlockKind::Item { depth: (self.lists.len() - 1) as u8, number: None, first: false }
        } else {
            BlockKind::Paragraph
        };
        self.open(kind);
    }

    fn item(&mut self) {
        let depth = self.lists.len().saturating_sub(1) as u8;
        let number = match self.lists.last_mut() {
            Some(Some(n)) => {
                let number = u32::try_from(*n).unwrap_or(u32::MAX);
                *n += 1;
                Some(number)
            }
            _ => None,
        };
        self.open(BlockKind::Item { depth, number, first: true });
        self.fresh_item = true;
    }

    /// Pushes text in which each "¶n" becomes a citation link of paragraph n.
    fn push_citing(
        &mut self,
        text: &str,
        paragraphs: usize,
        range: &std::ops::Range<usize>,
        unknown: &mut Vec<UnknownParagraph>,
    ) {
        let mut rest = text;
        while let Some(at) = rest.find('¶') {
            let after = &rest[at + '¶'.len_utf8()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                self.push(&rest[..at + '¶'.len_utf8()], false);
                rest = after;
                continue;
            }
            self.push(&rest[..at], false);
            let n: u64 = after[..digits].parse().unwrap_or(u64::MAX);
            let label = &rest[at..at + '¶'.len_utf8() + digits];
            match u32::try_from(n) {
                Ok(p) if p >= 1 && (p as usize) <= paragraphs => {
                    self.link = Some(Target::Paragraph(p));
                    self.push(label, false);
                    self.link = None;
                }
                _ => {
                    unknown.push(UnknownParagraph { n, range: range.clone() });
                    self.push(label, false);
                }
            }
            rest = &after[digits..];
        }
        self.push(rest, false);
    }

    fn push(&mut self, text: &str, code: bool) {
        if text.is_empty() {
            return;
        }
        if self.current.is_none() {
            self.open(BlockKind::Paragraph);
        }
        let mut style = 0;
        if self.emphasis > 0 {
            style |= EMPHASIS;
        }
        if self.strong > 0 {
            style |= STRONG;
        }
        if code || self.in_code {
            style |= CODE;
        }
        // The words are cleaned once, when the text is finished: CommonMark can make a control
        // character out of clean text (`&#27;` is ESC).
        self.words.push_str(text);
        let end = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        let first = self.current.map_or(0, |b| b.first as usize);
        let in_block = self.runs.len() > first;
        // Neighbouring runs of one style are joined so wrapping sees whole words.
        match self.runs.last_mut() {
            Some(last)
                if in_block
                    && last.style == style
                    && last.link.is_none()
                    && self.link.is_none() =>
            {
                last.end = end
            }
            _ => self.runs.push(Run { end, style, link: self.link.clone() }),
        }
    }

    /// The text with each run cleaned on its own, for the rare text that held something to
    /// remove once parsed.
    fn rebuilt(self, raw: String) -> Text {
        let mut words = String::new();
        let mut runs = Vec::with_capacity(self.runs.len());
        let mut start = 0;
        for run in &self.runs {
            let piece = Clean::from(&raw[start..run.end as usize]);
            start = run.end as usize;
            words.push_str(&piece);
            runs.push(Run { end: u32::try_from(words.len()).unwrap_or(u32::MAX), ..run.clone() });
        }
        Text::pack(&Clean::from(words), &runs, &self.blocks)
    }

    fn finish(mut self) -> Text {
        self.close();
        match Clean::checked(std::mem::take(&mut self.words)) {
            Ok(words) => Text::pack(&words, &self.runs, &self.blocks),
            // Something must go, so the runs' ends would no longer fit the words: each run
            // is cleaned on its own.
            Err(raw) => self.rebuilt(raw),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each block's kind and its runs, collected, for tests to index.
    fn blocks(text: &Text) -> Vec<(BlockKind, Vec<Inline<'_>>)> {
        text.blocks().map(|(kind, inlines)| (kind, inlines.collect())).collect()
    }

    fn resolve(id: &str) -> Option<(EntityId, &'static str)> {
        match id {
            "lavrov" => Some((EntityId(3), "Sergei Lavrov")),
            _ => None,
        }
    }

    #[test]
    fn a_text_of_one_paragraph_keeps_no_block_but_shows_one() {
        let (one, _) = parse("Just **one** paragraph.", &resolve, 0);
        assert_eq!(Packed::of(&one).blocks(), 0, "not stored");
        let shown = blocks(&one);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].0, BlockKind::Paragraph);
        assert_eq!(shown[0].1.len(), 3);
        let (two, _) = parse("One.\n\nTwo.", &resolve, 0);
        assert_eq!(blocks(&two).len(), 2);
        let (none, _) = parse("", &resolve, 0);
        assert!(blocks(&none).is_empty() && none.is_empty());
    }

    #[test]
    fn bare_links_show_the_name_and_labelled_links_the_label() {
        let (text, problems) = parse("Ask [[lavrov]] or [[lavrov|the minister]].", &resolve, 0);
        assert_eq!(problems, Problems::default());
        let blocks = blocks(&text);
        let inlines = &blocks[0].1;
        assert_eq!(inlines[1].text, "Sergei Lavrov");
        assert_eq!(inlines[1].link, Some(Link::Entity(EntityId(3))));
        assert_eq!(inlines[3].text, "the minister");
        assert_eq!(text.plain(), "Ask Sergei Lavrov or the minister.");
    }

    #[test]
    fn reports_unknown_link_targets_with_their_place() {
        let (text, problems) = parse("See [[lavrovv]] now", &resolve, 0);
        assert_eq!(problems.links, vec![UnknownLink { id: "lavrovv".into(), range: 4..15 }]);
        assert_eq!(text.plain(), "See lavrovv now");
    }

    #[test]
    fn keeps_styles_lists_and_external_links() {
        let (text, _) = parse(
            "*one* **two** `three`\n\n- a\n- b\n\n1. x\n\n[site](https://example.org)",
            &resolve,
            0,
        );
        let blocks = blocks(&text);
        let first = &blocks[0].1;
        assert!(first[0].emphasis && first[2].strong && first[4].code);
        assert_eq!(blocks[1].0.marker().as_deref(), Some("• "));
        assert_eq!(blocks[3].0.marker().as_deref(), Some("1. "));
        assert_eq!(blocks[4].1[0].link, Some(Link::External("https://example.org")));
    }

    #[test]
    fn every_outside_address_is_kept_whole_beside_the_others() {
        let (text, _) = parse(
            "[one](https://one.example) then [[lavrov]], [two](https://two.example/ü?x=1) ¶1, \
             and [three](https://3.example)",
            &resolve,
            1,
        );
        let links: Vec<_> = text.links().collect();
        assert_eq!(
            links,
            vec![
                Link::External("https://one.example"),
                Link::Entity(EntityId(3)),
                Link::External("https://two.example/ü?x=1"),
                Link::Paragraph(1),
                Link::External("https://3.example"),
            ]
        );
        assert_eq!(text.plain(), "one then Sergei Lavrov, two ¶1, and three");
    }

    #[test]
    fn a_text_is_stored_and_read_back_as_it_was() {
        for markup in [
            "",
            "Just one.",
            "*one* **two** `three` [[lavrov]] [site](https://example.org) ¶2",
            "# Head\n\n> quoted\n\n1. x\n2. y\n   - deep\n\n   later\n\n```\ncode\n```\n\n---",
            "bell &#7; [a](https://a.example) and [b](https://b.example)",
        ] {
            let (text, _) = parse(markup, &resolve, 3);
            let bytes = postcard::to_allocvec(&text).unwrap();
            let back: Text = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back, text, "{markup:?}");
            assert_eq!(format!("{back:?}"), format!("{text:?}"));
        }
        // Parts that do not fit are refused, not packed.
        let parts = Parts {
            words: Clean::from("ab"),
            runs: vec![Run { end: 3, style: 0, link: None }],
            blocks: Vec::new(),
        };
        assert!(Text::try_from(parts).is_err());
    }

    #[test]
    fn a_paragraph_sign_with_a_number_is_a_citation_link() {
        let (text, problems) = parse("As said (¶2), and ¶9; ¶ alone stays.", &resolve, 3);
        let links: Vec<_> = text.links().collect();
        assert_eq!(links, vec![Link::Paragraph(2)]);
        assert_eq!(text.plain(), "As said (¶2), and ¶9; ¶ alone stays.");
        assert_eq!(problems.paragraphs.len(), 1);
        assert_eq!(problems.paragraphs[0].n, 9);
    }

    #[test]
    fn a_character_reference_cannot_make_a_control_character() {
        let (text, _) = parse("bell &#7; and esc &#27;[31m and [[lavrov]]", &resolve, 0);
        assert!(
            !text.plain().chars().any(crate::content::sanitize::is_forbidden),
            "{:?}",
            text.plain()
        );
        assert!(text.plain().ends_with("Sergei Lavrov"));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let (text, _) = parse("a <b>bold</b> claim", &resolve, 0);
        assert_eq!(text.plain(), "a <b>bold</b> claim");
    }
}
