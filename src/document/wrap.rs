//! Wrapping a `Doc` into rows for one width, done once per width and page, recording the row
//! and columns of every link so that scrolling, Tab and drawing never measure text again.

use super::{Doc, Run, Style};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A piece of a row: text in one style, starting at column `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub x: u16,
    pub text: String,
    pub style: Style,
    pub link: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub segments: Vec<Segment>,
    /// The block this row belongs to and the character offset in it where the row starts:
    /// together they name a place in the text that survives a change of width.
    pub block: usize,
    pub offset: usize,
    pub paragraph: Option<u32>,
}

/// Where a link landed: one rectangle per row it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub row: usize,
    pub x0: u16,
    pub x1: u16,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wrapped {
    pub width: u16,
    pub rows: Vec<Row>,
    /// For each link of the doc, where it landed; a link's first spot is where focus goes.
    pub links: Vec<Vec<Spot>>,
    pub targets: Vec<super::Target>,
}

/// A place in the text that does not depend on width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Anchor {
    pub block: usize,
    pub offset: usize,
}

impl Wrapped {
    pub fn height(&self) -> usize {
        self.rows.len()
    }

    /// The first row of a link, if the link exists.
    pub fn link_row(&self, link: usize) -> Option<usize> {
        self.links.get(link).and_then(|spots| spots.first()).map(|s| s.row)
    }

    /// The first row showing source paragraph `n`.
    pub fn paragraph_row(&self, n: u32) -> Option<usize> {
        self.paragraph_rows(n).map(|rows| rows.start)
    }

    /// The rows showing source paragraph `n`. Paragraphs come in order on the Source page, so
    /// they are found by halving rather than by reading every row.
    pub fn paragraph_rows(&self, n: u32) -> Option<std::ops::Range<usize>> {
        let number = |r: &Row| r.paragraph.unwrap_or(0);
        let start = self.rows.partition_point(|r| number(r) < n);
        let end = self.rows.partition_point(|r| number(r) <= n);
        (start < end && self.rows[start].paragraph == Some(n)).then_some(start..end)
    }

    pub fn anchor(&self, row: usize) -> Anchor {
        self.rows.get(row).map(|r| Anchor { block: r.block, offset: r.offset }).unwrap_or_default()
    }

    /// The row that shows `anchor` at this width.
    pub fn row_of(&self, anchor: Anchor) -> usize {
        let after =
            self.rows.iter().position(|r| (r.block, r.offset) > (anchor.block, anchor.offset));
        match after {
            Some(0) | None if self.rows.is_empty() => 0,
            Some(0) => 0,
            Some(i) => i - 1,
            None => self.rows.len() - 1,
        }
    }

    /// The link whose spot covers column `x` of row `row`.
    pub fn link_at(&self, row: usize, x: u16) -> Option<usize> {
        let segment = self.rows.get(row)?.segments.iter().find(|s| {
            let width = UnicodeWidthStr::width(s.text.as_str()) as u16;
            x >= s.x && x < s.x + width
        })?;
        segment.link
    }
}

/// Wraps `doc` to `width` columns.
pub fn wrap(doc: &Doc, width: u16) -> Wrapped {
    let width = width.max(1);
    let mut out = Wrapped {
        width,
        rows: Vec::new(),
        links: vec![Vec::new(); doc.links.len()],
        targets: doc.links.clone(),
    };
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.gap {
            out.rows.push(Row {
                block: index,
                offset: 0,
                paragraph: block.paragraph,
                ..Row::default()
            });
        }
        let marker_width = block.marker.as_ref().map_or(0, |m| m.text.width()) as u16;
        let indent = block.indent.min(width.saturating_sub(1));
        let hang = (indent + marker_width).min(width.saturating_sub(1));
        let mut line = Line::new(&mut out, index, block.paragraph, indent, width);
        if let Some(marker) = &block.marker {
            line.place(&marker.text, marker, 0);
            line.offset_base = 0;
        }
        line.hang = hang;
        line.wrap_runs(&block.runs);
    }
    for spots in &mut out.links {
        spots.dedup();
    }
    out
}

/// The row being filled, and the rules for starting the next one.
struct Line<'a> {
    out: &'a mut Wrapped,
    block: usize,
    paragraph: Option<u32>,
    width: u16,
    hang: u16,
    x: u16,
    /// Characters of the block placed so far, to anchor each new row.
    chars: usize,
    offset_base: usize,
}

impl<'a> Line<'a> {
    fn new(
        out: &'a mut Wrapped,
        block: usize,
        paragraph: Option<u32>,
        indent: u16,
        width: u16,
    ) -> Line<'a> {
        out.rows.push(Row { block, offset: 0, paragraph, segments: Vec::new() });
        Line { out, block, paragraph, width, hang: indent, x: indent, chars: 0, offset_base: 0 }
    }

    fn newline(&mut self) {
        self.out.rows.push(Row {
            block: self.block,
            offset: self.chars + self.offset_base,
            paragraph: self.paragraph,
            segments: Vec::new(),
        });
        self.x = self.hang;
    }

    fn room(&self) -> u16 {
        self.width.saturating_sub(self.x)
    }

    fn at_row_start(&self) -> bool {
        self.out.rows.last().is_none_or(|r| r.segments.is_empty())
    }

    /// Puts text that is known to fit on the current row.
    fn place(&mut self, text: &str, run: &Run, chars: usize) {
        let w = text.width() as u16;
        let row_index = self.out.rows.len() - 1;
        let row = self.out.rows.last_mut().expect("a row is always open");
        // The row's last segment always ends where the next text goes (`x` moves only by
        // what is placed), so text in the same style and link joins it.
        match row.segments.last_mut() {
            Some(last) if last.style == run.style && last.link == run.link => {
                last.text.push_str(text)
            }
            _ => row.segments.push(Segment {
                x: self.x,
                text: text.to_owned(),
                style: run.style,
                link: run.link,
            }),
        }
        if let Some(link) = run.link {
            let spots = &mut self.out.links[link];
            match spots.last_mut() {
                Some(spot) if spot.row == row_index && spot.x1 == self.x => spot.x1 += w,
                _ => spots.push(Spot { row: row_index, x0: self.x, x1: self.x + w }),
            }
        }
        self.x += w;
        self.chars += chars;
    }

    /// Wraps a block's runs. A word is everything between spaces, across runs: a link and the
    /// punctuation that touches it ("defense;", "(¶1)") move to a new row together, and a row
    /// never starts with the comma after a link.
    fn wrap_runs(&mut self, runs: &[Run]) {
        // Spaces are held back until the next word shows they are not at a row's end.
        let mut pending: Vec<(&str, &Run)> = Vec::new();
        let mut word: Vec<(&str, &Run)> = Vec::new();
        for run in runs {
            for piece in pieces(&run.text) {
                match piece {
                    Piece::Word(text) => word.push((text, run)),
                    Piece::Space(text) => {
                        self.flush(&mut pending, &mut word);
                        pending.push((text, run));
                    }
                    Piece::Newline => {
                        self.flush(&mut pending, &mut word);
                        self.chars +=
                            pending.iter().map(|(s, _)| s.chars().count()).sum::<usize>() + 1;
                        pending.clear();
                        self.newline();
                    }
                }
            }
        }
        self.flush(&mut pending, &mut word);
    }

    /// Places the spaces held back and the word after them, on this row if both fit.
    fn flush<'r>(
        &mut self,
        pending: &mut Vec<(&'r str, &'r Run)>,
        word: &mut Vec<(&'r str, &'r Run)>,
    ) {
        if word.is_empty() {
            return;
        }
        let space: u16 = pending.iter().map(|(s, _)| s.width() as u16).sum();
        let w: u16 = word.iter().map(|(s, _)| s.width() as u16).sum();
        let skipped = |pending: &[(&str, &Run)]| {
            pending.iter().map(|(s, _)| s.chars().count()).sum::<usize>()
        };
        if !self.at_row_start() && space + w > self.room() {
            self.chars += skipped(pending);
            pending.clear();
            self.newline();
        }
        if self.at_row_start() {
            self.chars += skipped(pending);
            pending.clear();
        }
        for (s, r) in pending.drain(..) {
            self.place(s, r, s.chars().count());
        }
        let fits = w <= self.room();
        for (text, run) in word.drain(..) {
            if fits {
                self.place(text, run, text.chars().count());
            } else {
                self.word(text, run);
            }
        }
    }

    /// Places a word, breaking it across rows only when it is wider than a whole row.
    fn word(&mut self, word: &str, run: &Run) {
        if word.width() as u16 <= self.room() {
            self.place(word, run, word.chars().count());
            return;
        }
        let mut chunk = String::new();
        let mut chunk_width = 0u16;
        for c in word.chars() {
            let cw = c.width().unwrap_or(0) as u16;
            if chunk_width + cw > self.room() && !(chunk.is_empty() && self.at_row_start()) {
                if !chunk.is_empty() {
                    let n = chunk.chars().count();
                    self.place(&std::mem::take(&mut chunk), run, n);
                    chunk_width = 0;
                }
                self.newline();
            }
            chunk.push(c);
            chunk_width += cw;
        }
        if !chunk.is_empty() {
            let n = chunk.chars().count();
            self.place(&chunk, run, n);
        }
    }
}

enum Piece<'t> {
    Word(&'t str),
    Space(&'t str),
    Newline,
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind: Option<bool> = None; // Some(true) = in spaces, Some(false) = in a word
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if let Some(space) = kind {
                out.push(if space {
                    Piece::Space(&text[start..i])
                } else {
                    Piece::Word(&text[start..i])
                });
            }
            out.push(Piece::Newline);
            kind = None;
            start = i + 1;
            continue;
        }
        let is_space = c == ' ';
        match kind {
            Some(k) if k == is_space => {}
            Some(k) => {
                out.push(if k {
                    Piece::Space(&text[start..i])
                } else {
                    Piece::Word(&text[start..i])
                });
                start = i;
                kind = Some(is_space);
            }
            None => {
                start = i;
                kind = Some(is_space);
            }
        }
    }
    if let Some(space) = kind {
        out.push(if space { Piece::Space(&text[start..]) } else { Piece::Word(&text[start..]) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{DocBuilder, Role, Target};
    use super::*;
    use crate::content::EntityId;

    fn rows(w: &Wrapped) -> Vec<String> {
        w.rows
            .iter()
            .map(|r| {
                let mut line = String::new();
                for s in &r.segments {
                    while (line.width() as u16) < s.x {
                        line.push(' ');
                    }
                    line.push_str(&s.text);
                }
                line
            })
            .collect()
    }

    #[test]
    fn wraps_words_and_records_links_across_rows() {
        let mut b = DocBuilder::default();
        b.block(false)
            .text("From ")
            .link("Sergei Lavrov", Target::Entity(EntityId(1)))
            .text(" onwards.");
        let w = wrap(&b.finish(), 12);
        assert_eq!(rows(&w), vec!["From Sergei", "Lavrov", "onwards."]);
        assert_eq!(w.links[0], vec![Spot { row: 0, x0: 5, x1: 11 }, Spot { row: 1, x0: 0, x1: 6 }]);
        assert_eq!(w.link_at(1, 3), Some(0));
        assert_eq!(w.link_at(2, 3), None);
    }

    #[test]
    fn punctuation_stays_with_the_link_it_touches() {
        let mut b = DocBuilder::default();
        b.block(false)
            .text("plans for ")
            .link("missile defense", Target::Entity(EntityId(1)))
            .text("; said (")
            .link("trust deficit", Target::Entity(EntityId(2)))
            .text(")");
        let doc = b.finish();
        for width in 10..40 {
            let w = wrap(&doc, width);
            for row in rows(&w) {
                let row = row.trim_start();
                assert!(!row.starts_with([';', ',', ')', '.']), "{width}: {row:?}");
                assert!(!row.trim_end().ends_with('('), "{width}: {row:?}");
            }
        }
    }

    #[test]
    fn a_no_break_space_keeps_a_date_on_one_row() {
        let mut b = DocBuilder::default();
        b.block(false).text("event · 15\u{a0}Mar\u{a0}2013");
        let w = wrap(&b.finish(), 14);
        assert_eq!(rows(&w), vec!["event ·", "15\u{a0}Mar\u{a0}2013"]);
    }

    #[test]
    fn hangs_continuation_rows_under_a_marker() {
        let mut b = DocBuilder::default();
        b.block(false).marker("¶2 ", Style::role(Role::Marker)).text("one two three four");
        let w = wrap(&b.finish(), 10);
        assert_eq!(rows(&w), vec!["¶2 one two", "   three", "   four"]);
    }

    #[test]
    fn breaks_words_wider_than_the_row_and_never_loops_at_width_one() {
        let mut b = DocBuilder::default();
        b.block(false).text("abcdefgh ij");
        assert_eq!(rows(&wrap(&b.finish(), 3)), vec!["abc", "def", "gh", "ij"]);
        let mut b = DocBuilder::default();
        b.block(false).marker("• ", Style::default()).indent(4).text("wide 世界");
        let w = wrap(&b.finish(), 1);
        assert!(w.rows.len() < 20);
    }

    #[test]
    fn keeps_line_breaks_and_blank_rows_between_blocks() {
        let mut b = DocBuilder::default();
        b.block(false).text("one\ntwo");
        b.block(true).text("three");
        assert_eq!(rows(&wrap(&b.finish(), 20)), vec!["one", "two", "", "three"]);
    }

    #[test]
    fn an_anchor_finds_the_same_words_at_another_width() {
        let mut b = DocBuilder::default();
        b.block(false).text("alpha beta gamma delta epsilon zeta eta theta");
        let doc = b.finish();
        let narrow = wrap(&doc, 12);
        let anchor = narrow.anchor(2);
        let row = rows(&narrow)[2].clone();
        let wide = wrap(&doc, 30);
        let found = rows(&wide)[wide.row_of(anchor)].clone();
        assert!(found.contains(row.split(' ').next().unwrap()), "{row} / {found}");
    }
}
