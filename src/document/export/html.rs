//! The briefing as one self-contained HTML page: inline CSS and no script, readable in any
//! browser and printed. Landmarks (header, nav, main, footer) and headings give a screen
//! reader its structure; each entity is an `<article>` whose `id` is its anchor, so every link
//! and citation works inside the file; dates are `<time datetime>` as precise as they are
//! known; acronyms are `<abbr title>`; quotes are `<q>`/`<blockquote>` citing their paragraph;
//! outside context and the article's slips are marked in words, not only in colour.
//!
//! Every text from the briefing goes through `esc` (or `attr` inside a quoted attribute):
//! nothing a briefing holds can open a tag or end an attribute.

use super::{Descriptions, FieldValue, datetimes, groups, slips_in, subtitle};
use crate::content::markup::BlockKind;
use crate::content::reread::Unread;
use crate::content::{Basis, Briefing, Date, Details, EntityId, Kind, Link, Text};
use crate::document::address::{self, anchor, paragraph_anchor, section_anchor, section_title};
use std::fmt::Write;

const STYLE: &str = include_str!("../../../assets/export.css");

/// Text for an element's content: `&`, `<` and `>` are all that can act there.
pub fn esc(text: &str) -> String {
    escape(text, false)
}

/// Text for a double-quoted attribute's value: quotes escaped too, so none can end it.
pub fn attr(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            // A no-break space only keeps a date on one line in the reader; a browser wraps.
            '\u{a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An outside address a browser may follow: http, https or mailto. Anything else (a
/// `javascript:` address above all) is shown as text but not linked.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s)).then_some(url)
}

pub fn export(briefing: &Briefing) -> Result<String, Unread> {
    let b = briefing;
    let descriptions = Descriptions::new(b);
    let mut h =
        Html { briefing: b, descriptions: &descriptions, out: String::with_capacity(64 * 1024) };
    let title = esc(&b.title);
    let _ = write!(
        h.out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"briefing {}\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION")
    );
    h.header();
    h.nav();
    h.out.push_str("<main>\n");
    h.summary();
    for kind in Kind::all() {
        h.kind(kind);
    }
    h.source();
    h.out.push_str("</main>\n<footer>\n<p>");
    let _ = write!(
        h.out,
        "Made with briefing from {} ({}). Every fact is either stated in the article, with the paragraph it comes from (¶), or marked as outside context with its source.",
        title,
        esc(&b.publisher)
    );
    h.out.push_str("</p>\n</footer>\n</body>\n</html>\n");
    let out = h.out;
    descriptions.finish(out)
}

struct Html<'b> {
    briefing: &'b Briefing,
    descriptions: &'b Descriptions<'b>,
    out: String,
}

impl Html<'_> {
    fn header(&mut self) {
        let b = self.briefing;
        let out = &mut self.out;
        let _ = writeln!(out, "<header>\n<h1>{}</h1>\n<dl class=\"meta\">", esc(&b.title));
        let publisher = match b.publisher_id {
            Some(id) => format!("<a href=\"#{}\">{}</a>", anchor(b, id), esc(&b.publisher)),
            None => esc(&b.publisher),
        };
        let _ = writeln!(out, "<dt>Publisher</dt><dd>{publisher}</dd>");
        if let Some(author) = &b.author {
            let _ = writeln!(out, "<dt>Author</dt><dd>{}</dd>", esc(author));
        }
        let published = date(&b.published);
        let how = if b.published.note.is_some() || b.published.source.is_some() {
            " <a href=\"#date-of-publication\">how it was found</a>"
        } else {
            ""
        };
        let _ = writeln!(out, "<dt>Published</dt><dd>{published}{how}</dd>");
        let _ = writeln!(out, "<dt>Address</dt><dd>{}</dd>", outside(&b.url, &esc(&b.url)));
        out.push_str("</dl>\n</header>\n");
    }

    fn nav(&mut self) {
        let b = self.briefing;
        let out = &mut self.out;
        out.push_str("<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        out.push_str("<li><a href=\"#summary\">Summary</a></li>\n");
        for kind in Kind::all().filter(|k| b.count(*k) > 0) {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a> ({})</li>",
                section_anchor(kind),
                section_title(kind),
                b.count(kind)
            );
        }
        let _ = writeln!(
            out,
            "<li><a href=\"#source\">Source</a> ({} paragraphs)</li>",
            b.source.paragraphs.len()
        );
        out.push_str("</ol>\n</nav>\n");
    }

    fn summary(&mut self) {
        let b = self.briefing;
        self.out.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n");
        self.text(&b.summary);
        if !b.key_points.is_empty() {
            self.out.push_str("<h3>Key points</h3>\n<ul class=\"key-points\">\n");
            for point in &b.key_points {
                self.out.push_str("<li>");
                self.inline_text(&point.text);
                if !point.cites.is_empty() {
                    self.out.push(' ');
                    self.out.push_str(&citations(&point.cites));
                }
                self.out.push_str("</li>\n");
            }
            self.out.push_str("</ul>\n");
        }
        let published = &b.published;
        if published.note.is_some() || published.source.is_some() {
            self.out.push_str(
                "<h3 id=\"date-of-publication\">How the date of publication was found</h3>\n",
            );
            if let Some(note) = &published.note {
                let _ = writeln!(self.out, "<p>{}</p>", esc(note));
            }
            if let Some(source) = &published.source {
                let _ = writeln!(self.out, "<p class=\"source\">Source: {}</p>", esc(source));
            }
        }
        if !b.notices.is_empty() {
            self.out.push_str("<h3>Removed from the text</h3>\n<ul>\n");
            for notice in &b.notices {
                let _ = writeln!(self.out, "<li>{}</li>", esc(notice));
            }
            self.out.push_str("</ul>\n");
        }
        self.out.push_str("</section>\n");
    }

    fn kind(&mut self, kind: Kind) {
        let b = self.briefing;
        if b.count(kind) == 0 {
            return;
        }
        let id = section_anchor(kind);
        let _ = writeln!(
            self.out,
            "<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{}</h2>",
            section_title(kind)
        );
        for (group, ids) in groups(b, kind) {
            let level = match &group {
                Some(name) => {
                    let _ = writeln!(self.out, "<h3 class=\"group\">{}</h3>", esc(name));
                    4
                }
                None => 3,
            };
            for id in ids {
                self.entity(id, level);
            }
        }
        self.out.push_str("</section>\n");
    }

    fn entity(&mut self, id: EntityId, level: u8) {
        let b = self.briefing;
        let entity = b.entity(id);
        let a = anchor(b, id);
        let sub = level + 1;
        let _ = writeln!(
            self.out,
            "<article id=\"{a}\" aria-labelledby=\"{a}-h\">\n<h{level} id=\"{a}-h\">{}</h{level}>",
            self.name(id)
        );
        let _ = writeln!(
            self.out,
            "<p class=\"kind\">{} · <code class=\"address\">{}</code></p>",
            esc(&subtitle(b, id)),
            esc(&address::of_entity(b, id))
        );
        if entity.draft {
            self.out.push_str("<p class=\"draft\"><strong>Draft:</strong> drafted from the article by a program and not yet reviewed by a person.</p>\n");
        }
        if !entity.aliases.is_empty() {
            let aliases: Vec<String> = entity.aliases.iter().map(|a| esc(a)).collect();
            let _ =
                writeln!(self.out, "<p class=\"aliases\">Also called {}</p>", aliases.join(", "));
        }
        self.fields(id);
        self.text(&entity.summary);
        if let Some(description) = self.descriptions.of(id) {
            self.text(&description);
        }
        self.stances(id, sub);
        if !entity.cites.is_empty() {
            let _ = writeln!(
                self.out,
                "<p class=\"cites\">Cited from the article: {}</p>",
                citations(&entity.cites)
            );
        }
        if !entity.quotes.is_empty() {
            let _ = writeln!(self.out, "<h{sub}>Quoted from the article</h{sub}>");
            for quote in &entity.quotes {
                let to = paragraph_anchor(quote.para);
                let _ = writeln!(
                    self.out,
                    "<blockquote cite=\"#{to}\">\n<p>{}</p>\n<p class=\"from\"><a href=\"#{to}\">¶{}</a></p>\n</blockquote>",
                    esc(&quote.text),
                    quote.para
                );
            }
        }
        if !entity.slips.is_empty() {
            let _ = writeln!(self.out, "<h{sub}>The article's slips</h{sub}>");
            for slip in &entity.slips {
                let to = paragraph_anchor(slip.para);
                let _ = write!(
                    self.out,
                    "<p class=\"slip\"><span class=\"flag\">Slip:</span> the article says <q cite=\"#{to}\">{}</q> (<a href=\"#{to}\">¶{}</a>); correct: <strong>{}</strong>.",
                    esc(&slip.said),
                    slip.para,
                    esc(&slip.correct)
                );
                if let Some(source) = &slip.source {
                    let _ =
                        write!(self.out, " <span class=\"source\">Source: {}</span>", esc(source));
                }
                self.out.push_str("</p>\n");
            }
        }
        if !entity.context.is_empty() {
            let _ = writeln!(
                self.out,
                "<aside class=\"context\" aria-label=\"Outside context\">\n<h{sub}>Outside context</h{sub}>"
            );
            for context in &entity.context {
                self.out.push_str("<div class=\"fact\">\n");
                self.text(&context.text);
                let _ =
                    writeln!(self.out, "<p class=\"source\">Source: {}</p>", esc(&context.source));
                self.out.push_str("</div>\n");
            }
            self.out.push_str("</aside>\n");
        }
        self.relations(id);
        let backlinks = &b.backlinks[id.index()];
        if !backlinks.is_empty() {
            let _ = writeln!(
                self.out,
                "<p class=\"backlinks\">Referenced by {}</p>",
                self.links(backlinks)
            );
        }
        self.out.push_str("</article>\n");
    }

    /// An actor's stances, or the stances taken on an issue grouped by position.
    fn stances(&mut self, id: EntityId, level: u8) {
        let b = self.briefing;
        match &b.entity(id).details {
            Details::Actor { stances, .. } if !stances.is_empty() => {
                let _ = writeln!(self.out, "<h{level}>Stances</h{level}>\n<ul class=\"stances\">");
                for stance in stances {
                    let _ = write!(
                        self.out,
                        "<li><strong>{}</strong> <a href=\"#{}\">{}</a>: ",
                        stance.position.lead(),
                        anchor(b, stance.issue),
                        self.name(stance.issue)
                    );
                    self.evidence(stance);
                    self.out.push_str("</li>\n");
                }
                self.out.push_str("</ul>\n");
            }
            Details::Issue { .. } => {
                let mut last = None;
                for (actor, _, stance) in b.stances_on(id) {
                    if last.is_none() {
                        let _ = writeln!(self.out, "<h{level}>Where the actors stand</h{level}>");
                    }
                    if last != Some(stance.position) {
                        if last.is_some() {
                            self.out.push_str("</ul>\n");
                        }
                        let _ = writeln!(
                            self.out,
                            "<p class=\"position\">{}</p>\n<ul class=\"stances\">",
                            capitalised(stance.position.label())
                        );
                        last = Some(stance.position);
                    }
                    let _ = write!(
                        self.out,
                        "<li><a href=\"#{}\">{}</a>: ",
                        anchor(b, actor),
                        self.name(actor)
                    );
                    self.evidence(stance);
                    self.out.push_str("</li>\n");
                }
                if last.is_some() {
                    self.out.push_str("</ul>\n");
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
            let to = paragraph_anchor(quote.para);
            rests.push(format!(
                "<q cite=\"#{to}\">{}</q> <a class=\"cite\" href=\"#{to}\">¶{}</a>",
                esc(&quote.text),
                quote.para
            ));
        }
        match stance.basis {
            Basis::Stated => {}
            Basis::Inferred => {
                rests.push("<span class=\"basis\">inferred from the article</span>".to_owned())
            }
            Basis::Outside => {
                let source =
                    stance.source.as_ref().map_or(String::new(), |s| format!(": {}", esc(s)));
                rests.push(format!("<span class=\"basis\">outside source{source}</span>"));
            }
        }
        if !rests.is_empty() {
            let _ = write!(self.out, " <span class=\"evidence\">{}</span>", rests.join(" · "));
        }
    }

    /// The fields only one kind has, as a list of terms and values.
    fn fields(&mut self, id: EntityId) {
        let rows = super::fields(self.briefing, id);
        if rows.is_empty() {
            return;
        }
        self.out.push_str("<dl class=\"fields\">\n");
        for (name, value) in rows {
            let value = match value {
                FieldValue::Text(text) => {
                    let mut h = Html {
                        briefing: self.briefing,
                        descriptions: self.descriptions,
                        out: String::new(),
                    };
                    h.inline_text(text);
                    h.out
                }
                FieldValue::Plain(text) => esc(text),
                FieldValue::Date(when) => date(when),
                FieldValue::Location(l) => format!(
                    "<data value=\"{:.4},{:.4}\">{}</data> (approximate)",
                    l.lat,
                    l.lon,
                    l.degrees()
                ),
            };
            let _ = writeln!(self.out, "<dt>{name}</dt><dd>{value}</dd>");
        }
        self.out.push_str("</dl>\n");
    }

    /// What an entity names in its relation fields.
    fn relations(&mut self, id: EntityId) {
        let rows = super::relations(self.briefing, id);
        if rows.is_empty() {
            return;
        }
        self.out.push_str("<dl class=\"relations\">\n");
        for (name, ids) in rows {
            let _ = writeln!(self.out, "<dt>{name}</dt><dd>{}</dd>", self.links(&ids));
        }
        self.out.push_str("</dl>\n");
    }

    /// Links to entities, separated by commas, each event with its date.
    fn links(&self, ids: &[EntityId]) -> String {
        let b = self.briefing;
        let mut out = String::new();
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "<a href=\"#{}\">{}</a>", anchor(b, *id), self.name(*id));
            if let Some(when) = b.entity(*id).date() {
                let _ = write!(out, " ({})", date(when));
            }
        }
        out
    }

    /// An entity's name; a term's with its expansion as the title of an `<abbr>`.
    fn name(&self, id: EntityId) -> String {
        let entity = self.briefing.entity(id);
        match &entity.details {
            Details::Term { expansion: Some(e), .. } => {
                format!("<abbr title=\"{}\">{}</abbr>", attr(e), esc(&entity.name))
            }
            _ => esc(&entity.name),
        }
    }

    fn source(&mut self) {
        let b = self.briefing;
        let _ = writeln!(
            self.out,
            "<section id=\"source\" aria-labelledby=\"source-h\">\n<h2 id=\"source-h\">Source: {}</h2>\n<p class=\"meta\">{} · {} · {}</p>",
            esc(&b.source.title),
            esc(&b.publisher),
            date(&b.published),
            outside(&b.url, &esc(&b.url))
        );
        for (i, text) in b.source.paragraphs.iter().enumerate() {
            let n = i as u32 + 1;
            let to = paragraph_anchor(n);
            let _ = write!(
                self.out,
                "<p id=\"{to}\" class=\"paragraph\"><a class=\"number\" href=\"#{to}\">¶{n}</a> "
            );
            let mut at = 0;
            for (range, id, slip) in slips_in(b, n) {
                self.out.push_str(&lines(&esc(&text[at..range.start])));
                let _ = write!(
                    self.out,
                    "<mark class=\"slip\">{}</mark> <a class=\"correction\" href=\"#{}\">[slip; correct: {}]</a>",
                    esc(&text[range.clone()]),
                    anchor(b, id),
                    esc(&slip.correct)
                );
                at = range.end;
            }
            self.out.push_str(&lines(&esc(&text[at..])));
            self.out.push_str("</p>\n");
            let citing = &b.cited_by[i];
            if !citing.is_empty() {
                let _ =
                    writeln!(self.out, "<p class=\"cited-by\">Cited by {}</p>", self.links(citing));
            }
        }
        self.out.push_str("</section>\n");
    }

    /// A text as its blocks: paragraphs, lists, quotes and code.
    fn text(&mut self, text: &Text) {
        // The lists open now, innermost last, each with an item open in it.
        let mut lists: Vec<&'static str> = Vec::new();
        let mut in_quote = false;
        for (kind, inlines) in text.blocks() {
            let depth = match kind {
                BlockKind::Item { depth, .. } => usize::from(depth) + 1,
                _ => 0,
            };
            while lists.len() > depth {
                let tag = lists.pop().unwrap_or("ul");
                let _ = writeln!(self.out, "</li></{tag}>");
            }
            if in_quote && kind != BlockKind::Quote {
                self.out.push_str("</blockquote>\n");
                in_quote = false;
            }
            match kind {
                BlockKind::Item { number, first, .. } => {
                    if first && lists.len() == depth {
                        self.out.push_str("</li>\n");
                    }
                    while lists.len() < depth {
                        match number {
                            Some(n) => {
                                let _ = write!(self.out, "<ol start=\"{n}\">");
                                lists.push("ol");
                            }
                            None => {
                                self.out.push_str("<ul>");
                                lists.push("ul");
                            }
                        }
                        self.out.push('\n');
                        if lists.len() < depth {
                            self.out.push_str("<li>");
                        }
                    }
                    if first {
                        self.out.push_str("<li>");
                        self.inlines(inlines);
                    } else {
                        self.out.push_str("<p>");
                        self.inlines(inlines);
                        self.out.push_str("</p>");
                    }
                    self.out.push('\n');
                }
                BlockKind::Quote => {
                    if !in_quote {
                        self.out.push_str("<blockquote>\n");
                        in_quote = true;
                    }
                    self.out.push_str("<p>");
                    self.inlines(inlines);
                    self.out.push_str("</p>\n");
                }
                BlockKind::Code => {
                    self.out.push_str("<pre><code>");
                    self.inlines(inlines);
                    self.out.push_str("</code></pre>\n");
                }
                BlockKind::Heading => {
                    self.out.push_str("<p class=\"heading\"><strong>");
                    self.inlines(inlines);
                    self.out.push_str("</strong></p>\n");
                }
                BlockKind::Paragraph => {
                    self.out.push_str("<p>");
                    self.inlines(inlines);
                    self.out.push_str("</p>\n");
                }
            }
        }
        while let Some(tag) = lists.pop() {
            let _ = writeln!(self.out, "</li></{tag}>");
        }
        if in_quote {
            self.out.push_str("</blockquote>\n");
        }
    }

    /// A text inside an element of its own (a list item, a definition): its blocks' words
    /// one after the other.
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
            let mut text = lines(&esc(inline.text));
            if inline.code {
                text = format!("<code>{text}</code>");
            }
            if inline.emphasis {
                text = format!("<em>{text}</em>");
            }
            if inline.strong {
                text = format!("<strong>{text}</strong>");
            }
            match inline.link {
                Some(Link::Entity(id)) => {
                    let entity = b.entity(id);
                    if let Details::Term { expansion: Some(e), .. } = &entity.details {
                        text = format!("<abbr title=\"{}\">{text}</abbr>", attr(e));
                    }
                    let _ = write!(self.out, "<a href=\"#{}\">{text}</a>", anchor(b, id));
                }
                Some(Link::Paragraph(n)) => {
                    let _ = write!(
                        self.out,
                        "<a class=\"cite\" href=\"#{}\">{text}</a>",
                        paragraph_anchor(n)
                    );
                }
                Some(Link::External(url)) => self.out.push_str(&outside(url, &text)),
                None => self.out.push_str(&text),
            }
        }
    }
}

/// A link out of the file, when its address is one a browser may follow; its words alone
/// otherwise.
fn outside(url: &str, html: &str) -> String {
    match safe_url(url) {
        Some(url) => format!(
            "<a class=\"outside\" href=\"{}\" rel=\"external noreferrer\">{html}</a>",
            attr(url)
        ),
        None => html.to_owned(),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A line break written in a text, kept.
fn lines(html: &str) -> String {
    html.replace('\n', "<br>\n")
}

/// "¶1 ¶3" as links to the paragraphs.
fn citations(cites: &[u32]) -> String {
    let links: Vec<String> = cites
        .iter()
        .map(|n| format!("<a class=\"cite\" href=\"#{}\">¶{n}</a>", paragraph_anchor(*n)))
        .collect();
    links.join(" ")
}

/// A date as the reader says it, each end in a `<time>` as precise as it is known, and its
/// basis when it is not stated outright.
fn date(date: &Date) -> String {
    let (start, end) = datetimes(date);
    let when = match (end, date.end) {
        (Some(end), Some(end_date)) => format!(
            "<time datetime=\"{start}\">{}</time> – <time datetime=\"{end}\">{}</time>",
            date.start, end_date
        ),
        _ => format!("<time datetime=\"{start}\">{}</time>", esc(&date.when())),
    };
    match date.basis {
        Basis::Stated => when,
        basis => format!("{when} <span class=\"basis\">({})</span>", basis.label()),
    }
}
