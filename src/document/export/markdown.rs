//! The briefing as one CommonMark document, for a wiki, a report or a notes folder: a heading
//! per kind and per entity, an anchor per entity (`<a id="actor-lavrov"></a>`, which GitHub,
//! GitLab, pandoc and most viewers keep), links between entities as links to those anchors,
//! citations as links to the source paragraphs, which are reproduced verbatim at the end.
//!
//! The briefing's text is escaped so that it reads as written: a `*` or `<` in a name stays a
//! `*` or `<`, never emphasis or a tag.

use super::{Descriptions, FieldValue, groups, slips_in, subtitle};
use crate::content::markup::BlockKind;
use crate::content::reread::Unread;
use crate::content::{Basis, Briefing, Date, Details, EntityId, Kind, Link, Text};
use crate::document::address::{self, anchor, paragraph_anchor, section_anchor, section_title};
use std::fmt::Write;

/// Text that renders as exactly these characters: every character CommonMark could read as
/// markup is escaped with a backslash, and what only matters at the start of a line (a `#`,
/// a `-`, `1.`) is escaped there.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            // A line break the text holds is kept: a backslash before a newline is a hard
            // break in CommonMark.
            out.push_str("\\\n");
        }
        // Spaces that start a line would make an indented code block; a viewer drops them
        // anyway. (Those that start a piece of a line, after a link, are kept.)
        let line = if i > 0 { line.trim_start_matches(' ') } else { line };
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        for (j, c) in line.char_indices() {
            let at_start = j == 0;
            let escape = match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
                '#' | '+' | '-' | '=' => at_start,
                '.' | ')' => digits > 0 && j == digits,
                '&' => line[j + 1..].starts_with(|n: char| n.is_ascii_alphanumeric() || n == '#'),
                '!' => line[j + 1..].starts_with('['),
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            if c == '\u{a0}' { out.push(' ') } else { out.push(c) }
        }
    }
    out
}

/// An address inside `<…>` in a link: no space, `<`, `>` or line break can end it early.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\n' => out.push_str("%0A"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

pub fn export(briefing: &Briefing) -> Result<String, Unread> {
    let descriptions = Descriptions::new(briefing);
    let mut m =
        Markdown { briefing, descriptions: &descriptions, out: String::with_capacity(64 * 1024) };
    m.header();
    m.summary();
    for kind in Kind::all() {
        m.kind(kind);
    }
    m.source();
    // One newline at the end, whatever the last block left.
    while m.out.ends_with("\n\n") {
        m.out.pop();
    }
    let out = m.out;
    descriptions.finish(out)
}

struct Markdown<'b> {
    briefing: &'b Briefing,
    descriptions: &'b Descriptions<'b>,
    out: String,
}

impl Markdown<'_> {
    fn header(&mut self) {
        let b = self.briefing;
        let _ = writeln!(self.out, "# {}\n", esc(&b.title));
        let publisher = match b.publisher_id {
            Some(id) => format!("[{}](#{})", esc(&b.publisher), anchor(b, id)),
            None => esc(&b.publisher),
        };
        let _ = writeln!(self.out, "- **Publisher:** {publisher}");
        if let Some(author) = &b.author {
            let _ = writeln!(self.out, "- **Author:** {}", esc(author));
        }
        let how = if b.published.note.is_some() || b.published.source.is_some() {
            " ([how it was found](#date-of-publication))"
        } else {
            ""
        };
        let _ = writeln!(self.out, "- **Published:** {}{how}", date(&b.published));
        let _ = writeln!(self.out, "- **Address:** [{}]({})\n", esc(&b.url), destination(&b.url));
        self.out.push_str("**Contents:** [Summary](#summary)");
        for kind in Kind::all().filter(|k| b.count(*k) > 0) {
            let _ = write!(self.out, " · [{}](#{})", section_title(kind), section_anchor(kind));
        }
        self.out.push_str(" · [Source](#source)\n\n");
    }

    fn summary(&mut self) {
        let b = self.briefing;
        self.out.push_str("<a id=\"summary\"></a>\n\n## Summary\n\n");
        self.text(&b.summary, "");
        if !b.key_points.is_empty() {
            self.out.push_str("### Key points\n\n");
            for point in &b.key_points {
                self.out.push_str("- ");
                self.inline_text(&point.text);
                if !point.cites.is_empty() {
                    let _ = write!(self.out, " {}", citations(&point.cites));
                }
                self.out.push('\n');
            }
            self.out.push('\n');
        }
        let published = &b.published;
        if published.note.is_some() || published.source.is_some() {
            self.out.push_str(
                "<a id=\"date-of-publication\"></a>\n\n### How the date of publication was found\n\n",
            );
            if let Some(note) = &published.note {
                let _ = writeln!(self.out, "{}\n", esc(note));
            }
            if let Some(source) = &published.source {
                let _ = writeln!(self.out, "*Source: {}*\n", esc(source));
            }
        }
        if !b.notices.is_empty() {
            self.out.push_str("### Removed from the text\n\n");
            for notice in &b.notices {
                let _ = writeln!(self.out, "- {}", esc(notice));
            }
            self.out.push('\n');
        }
    }

    fn kind(&mut self, kind: Kind) {
        let b = self.briefing;
        if b.count(kind) == 0 {
            return;
        }
        let _ = writeln!(
            self.out,
            "<a id=\"{}\"></a>\n\n## {}\n",
            section_anchor(kind),
            section_title(kind)
        );
        for (group, ids) in groups(b, kind) {
            let level = match &group {
                Some(name) => {
                    let _ = writeln!(self.out, "### {}\n", esc(name));
                    4
                }
                None => 3,
            };
            for id in ids {
                self.entity(id, level);
            }
        }
    }

    fn entity(&mut self, id: EntityId, level: usize) {
        let b = self.briefing;
        let entity = b.entity(id);
        let hashes = "#".repeat(level);
        let _ = writeln!(
            self.out,
            "<a id=\"{}\"></a>\n\n{hashes} {}\n",
            anchor(b, id),
            esc(&entity.name)
        );
        let _ =
            writeln!(self.out, "*{}* · `{}`\n", esc(&subtitle(b, id)), address::of_entity(b, id));
        if entity.draft {
            self.out.push_str("**Draft:** drafted from the article by a program and not yet reviewed by a person.\n\n");
        }
        if !entity.aliases.is_empty() {
            let aliases: Vec<String> = entity.aliases.iter().map(|a| esc(a)).collect();
            let _ = writeln!(self.out, "Also called {}\n", aliases.join(", "));
        }
        self.fields(id);
        self.text(&entity.summary, "");
        if let Some(description) = self.descriptions.of(id) {
            self.text(&description, "");
        }
        self.stances(id);
        if !entity.cites.is_empty() {
            let _ = writeln!(self.out, "Cited from the article: {}\n", citations(&entity.cites));
        }
        if !entity.quotes.is_empty() {
            self.out.push_str("**Quoted from the article**\n\n");
            for quote in &entity.quotes {
                let _ = writeln!(
                    self.out,
                    "> “{}” {}\n",
                    esc(&quote.text).replace('\n', "\n> "),
                    citations(&[quote.para])
                );
            }
        }
        if !entity.slips.is_empty() {
            self.out.push_str("**The article's slips**\n\n");
            for slip in &entity.slips {
                let _ = write!(
                    self.out,
                    "- ⚠ The article says “{}” {}; correct: **{}**.",
                    esc(&slip.said),
                    citations(&[slip.para]),
                    esc(&slip.correct)
                );
                if let Some(source) = &slip.source {
                    let _ = write!(self.out, " *Source: {}*", esc(source));
                }
                self.out.push('\n');
            }
            self.out.push('\n');
        }
        if !entity.context.is_empty() {
            self.out.push_str("**Outside context** (not in the article)\n\n");
            for context in &entity.context {
                self.text(&context.text, "> ");
                let _ = writeln!(self.out, "> *Source: {}*\n", esc(&context.source));
            }
        }
        self.relations(id);
        let backlinks = &b.backlinks[id.index()];
        if !backlinks.is_empty() {
            let _ = writeln!(self.out, "Referenced by {}\n", self.links(backlinks));
        }
    }

    /// An actor's stances, or the stances taken on an issue grouped by position.
    fn stances(&mut self, id: EntityId) {
        let b = self.briefing;
        match &b.entity(id).details {
            Details::Actor { stances, .. } if !stances.is_empty() => {
                self.out.push_str("**Stances**\n\n");
                for stance in stances {
                    let _ = write!(
                        self.out,
                        "- **{}** [{}](#{}): ",
                        stance.position.lead(),
                        esc(&b.entity(stance.issue).name),
                        anchor(b, stance.issue)
                    );
                    self.evidence(stance);
                    self.out.push('\n');
                }
                self.out.push('\n');
            }
            Details::Issue { .. } => {
                let mut last = None;
                for (actor, _, stance) in b.stances_on(id) {
                    if last.is_none() {
                        self.out.push_str("**Where the actors stand**\n\n");
                    }
                    if last != Some(stance.position) {
                        let _ = writeln!(self.out, "- *{}*", capitalised(stance.position.label()));
                        last = Some(stance.position);
                    }
                    let _ = write!(
                        self.out,
                        "    - [{}](#{}): ",
                        esc(&b.entity(actor).name),
                        anchor(b, actor)
                    );
                    self.evidence(stance);
                    self.out.push('\n');
                }
                if last.is_some() {
                    self.out.push('\n');
                }
            }
            _ => {}
        }
    }

    /// A stance's line, then what it rests on: citations, its quote, its basis.
    fn evidence(&mut self, stance: &crate::content::Stance) {
        self.inline_text(&stance.line);
        let mut rests = Vec::new();
        if !stance.cites.is_empty() {
            rests.push(citations(&stance.cites));
        }
        if let Some(quote) = &stance.quote {
            rests.push(format!(
                "“{}” {}",
                esc(&quote.text).replace("\\\n", " "),
                citations(&[quote.para])
            ));
        }
        match stance.basis {
            Basis::Stated => {}
            Basis::Inferred => rests.push("*inferred from the article*".to_owned()),
            Basis::Outside => {
                let source =
                    stance.source.as_ref().map_or(String::new(), |s| format!(": {}", esc(s)));
                rests.push(format!("*outside source{source}*"));
            }
        }
        if !rests.is_empty() {
            let _ = write!(self.out, " ({})", rests.join(" · "));
        }
    }

    fn fields(&mut self, id: EntityId) {
        let rows = super::fields(self.briefing, id);
        for (name, value) in &rows {
            let value = match value {
                FieldValue::Text(text) => {
                    let mut m = Markdown {
                        briefing: self.briefing,
                        descriptions: self.descriptions,
                        out: String::new(),
                    };
                    m.inline_text(text);
                    m.out
                }
                FieldValue::Plain(text) => esc(text),
                FieldValue::Date(when) => date(when),
                FieldValue::Location(l) => format!("{} (approximate)", l.degrees()),
            };
            let _ = writeln!(self.out, "- **{name}:** {value}");
        }
        if !rows.is_empty() {
            self.out.push('\n');
        }
    }

    fn relations(&mut self, id: EntityId) {
        let rows = super::relations(self.briefing, id);
        for (name, ids) in &rows {
            let _ = writeln!(self.out, "- **{name}:** {}", self.links(ids));
        }
        if !rows.is_empty() {
            self.out.push('\n');
        }
    }

    fn links(&self, ids: &[EntityId]) -> String {
        let b = self.briefing;
        let mut out = String::new();
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let entity = b.entity(*id);
            let _ = write!(out, "[{}](#{})", esc(&entity.name), anchor(b, *id));
            if let Some(when) = entity.date() {
                let _ = write!(out, " ({})", esc(&when.when()));
            }
        }
        out
    }

    fn source(&mut self) {
        let b = self.briefing;
        let _ = writeln!(
            self.out,
            "<a id=\"source\"></a>\n\n## Source: {}\n\n*{} · {}* · [{}]({})\n",
            esc(&b.source.title),
            esc(&b.publisher),
            date(&b.published),
            esc(&b.url),
            destination(&b.url)
        );
        for (i, text) in b.source.paragraphs.iter().enumerate() {
            let n = i as u32 + 1;
            let _ = write!(self.out, "<a id=\"{}\"></a>**¶{n}** ", paragraph_anchor(n));
            let mut at = 0;
            for (range, id, slip) in slips_in(b, n) {
                self.out.push_str(&esc(&text[at..range.start]));
                let _ = write!(
                    self.out,
                    "**{}** [\\[slip; correct: {}\\]](#{})",
                    esc(&text[range.clone()]),
                    esc(&slip.correct),
                    anchor(b, id)
                );
                at = range.end;
            }
            self.out.push_str(&esc(&text[at..]));
            self.out.push_str("\n\n");
            let citing = &b.cited_by[i];
            if !citing.is_empty() {
                let _ = writeln!(self.out, "*Cited by* {}\n", self.links(citing));
            }
        }
    }

    /// A text as Markdown blocks, each line after `prefix` (`> ` inside a quote).
    fn text(&mut self, text: &Text, prefix: &str) {
        let mut last_was_item = false;
        for (kind, inlines) in text.blocks() {
            let mut m = Markdown {
                briefing: self.briefing,
                descriptions: self.descriptions,
                out: String::new(),
            };
            m.inlines(inlines);
            let body = m.out;
            let (lead, indent) = match kind {
                BlockKind::Item { depth, number, first } => {
                    let indent = "    ".repeat(usize::from(depth));
                    let marker = match (first, number) {
                        (false, _) => "  ".to_owned(),
                        (true, Some(n)) => format!("{n}. "),
                        (true, None) => "- ".to_owned(),
                    };
                    (format!("{indent}{marker}"), format!("{indent}    "))
                }
                BlockKind::Quote => ("> ".to_owned(), "> ".to_owned()),
                BlockKind::Heading => {
                    let _ = writeln!(self.out, "{prefix}**{body}**\n{prefix}");
                    last_was_item = false;
                    continue;
                }
                BlockKind::Code => {
                    let fence = "`".repeat(longest_run(&body, '`').max(2) + 1);
                    let _ = writeln!(self.out, "{prefix}{fence}");
                    for line in body.lines() {
                        let _ = writeln!(self.out, "{prefix}{line}");
                    }
                    let _ = writeln!(self.out, "{prefix}{fence}\n{prefix}");
                    last_was_item = false;
                    continue;
                }
                BlockKind::Paragraph => (String::new(), String::new()),
            };
            let is_item = matches!(kind, BlockKind::Item { .. });
            if last_was_item && !is_item {
                let _ = writeln!(self.out, "{prefix}");
            }
            let body = body.replace('\n', &format!("\n{prefix}{indent}"));
            let _ = writeln!(self.out, "{prefix}{lead}{body}");
            if !is_item {
                let _ = writeln!(self.out, "{prefix}");
            }
            last_was_item = is_item;
        }
        if last_was_item {
            let _ = writeln!(self.out, "{prefix}");
        }
    }

    fn inline_text(&mut self, text: &Text) {
        for (i, (_, inlines)) in text.blocks().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.inlines(inlines);
        }
    }

    fn inlines<'t>(&mut self, inlines: impl Iterator<Item = crate::content::Inline<'t>>) {
        let b = self.briefing;
        for inline in inlines {
            let mut text = if inline.code {
                // A code span shows its text as it is; its fence is longer than any run of
                // backticks inside it.
                let fence = "`".repeat(longest_run(inline.text, '`') + 1);
                format!("{fence} {} {fence}", inline.text.replace('\n', " "))
            } else {
                esc(inline.text)
            };
            if inline.emphasis {
                text = format!("*{text}*");
            }
            if inline.strong {
                text = format!("**{text}**");
            }
            match inline.link {
                Some(Link::Entity(id)) => {
                    let _ = write!(self.out, "[{text}](#{})", anchor(b, id));
                }
                Some(Link::Paragraph(n)) => {
                    let _ = write!(self.out, "[{text}](#{})", paragraph_anchor(n));
                }
                Some(Link::External(url)) => {
                    let _ = write!(self.out, "[{text}]({})", destination(url));
                }
                None => self.out.push_str(&text),
            }
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// "[¶1](#source-1) [¶3](#source-3)".
fn citations(cites: &[u32]) -> String {
    let links: Vec<String> =
        cites.iter().map(|n| format!("[¶{n}](#{})", paragraph_anchor(*n))).collect();
    links.join(" ")
}

fn date(date: &Date) -> String {
    let when = esc(&date.when());
    match date.basis {
        Basis::Stated => when,
        basis => format!("{when} ({})", basis.label()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_has_no_markup_left() {
        assert_eq!(esc("*bold* <b> [x](y) a_b"), "\\*bold\\* \\<b\\> \\[x\\](y) a\\_b");
        assert_eq!(esc("# title\n- item\n1. one"), "\\# title\\\n\\- item\\\n1\\. one");
        assert_eq!(esc("AT&T &amp; U.S."), "AT\\&T \\&amp; U.S.");
    }
}
