//! From a file to the article's title and paragraphs: plain text, Markdown or HTML. Lines that
//! are page furniture ("Share This", "Copy Link to Clipboard") are kept out of the paragraphs
//! and listed, with why, so that nothing is dropped without a word.

use crate::content::sanitize::Clean;
use scraper::{ElementRef, Html, Node, Selector};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }

    /// From the file's extension, else from its first bytes: an HTML page announces itself,
    /// and a Markdown file given a .txt name is read as the text it is.
    pub fn detect(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if [".html", ".htm", ".xhtml"].iter().any(|e| lower.ends_with(e)) {
            return Format::Html;
        }
        if [".md", ".markdown", ".mdown", ".mkd"].iter().any(|e| lower.ends_with(e)) {
            return Format::Markdown;
        }
        let head: String =
            text.trim_start_matches('\u{feff}').trim_start().chars().take(1024).collect();
        let head = head.to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Something of the file that is not a paragraph of the article, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub text: String,
    pub reason: &'static str,
    /// The paragraph it came after (0: before the first).
    pub after: usize,
}

/// What the page says about itself, besides its text.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    pub published: Option<(String, String)>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub format: Format,
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub left_out: Vec<LeftOut>,
    /// How the article's text was found in the file.
    pub found_by: String,
    pub hints: Hints,
    /// Control characters and the like removed from the file before anything else.
    pub removed: usize,
}

/// Reads an article. An error is a sentence for the person who gave the file.
pub fn read(format: Format, raw: &str) -> Result<Article, String> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // Everything after this works on clean text: nothing the file holds can reach the
    // briefing's files, and quotes are taken from the very text that is written.
    let (clean, removed) = Clean::new(&raw.replace("\r\n", "\n"));
    let text = clean.into_string();
    let mut article = match format {
        Format::Text => plain(&text),
        Format::Markdown => markdown(&text),
        Format::Html => html(&text)?,
    };
    article.removed = removed;
    if article.paragraphs.is_empty() {
        return Err(match format {
            Format::Html => "found no article text in it: no <article> or <main> element, and no block of paragraphs".to_owned(),
            _ => "found no paragraphs in it: the file is empty or holds only a title and page furniture".to_owned(),
        });
    }
    Ok(article)
}

fn empty(format: Format, found_by: &str) -> Article {
    Article {
        format,
        title: None,
        paragraphs: Vec::new(),
        left_out: Vec::new(),
        found_by: found_by.to_owned(),
        hints: Hints::default(),
        removed: 0,
    }
}

/// Words of the page around an article that are furniture only beside one of
/// `FURNITURE_KEYS`: "this" in "Share This", "to" in "Back to top".
const FURNITURE_FILLERS: &[&str] = &[
    "this", "copy", "sign", "up", "in", "log", "comment", "articles", "stories", "tag", "read",
    "more", "home", "accept", "follow", "us", "on", "download", "pdf", "back", "to", "top", "next",
    "previous", "skip", "content", "search", "reply", "like", "save", "the", "article", "page",
    "all", "rights", "reserved", "and",
];

/// The words of sharing, navigation, subscription and cookie prompts, which make a line
/// furniture on their own.
const FURNITURE_KEYS: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "email",
    "e-mail",
    "print",
    "clipboard",
    "subscribe",
    "newsletter",
    "login",
    "register",
    "comments",
    "advertisement",
    "advert",
    "sponsored",
    "related",
    "tags",
    "menu",
    "cookie",
    "cookies",
    "bookmark",
    "copyright",
    "©",
    "link",
];

/// Whether a block is page furniture: one short line without a sentence's last stop, made
/// of furniture words with at least one that is furniture on its own.
pub fn is_furniture(block: &str) -> bool {
    let block = block.trim();
    if block.is_empty() || block.contains('\n') || block.ends_with(['.', '?', '!', '"', '”']) {
        return false;
    }
    let words: Vec<String> = block
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•' | ':'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '©').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let key = |w: &String| FURNITURE_KEYS.contains(&w.as_str());
    words.iter().all(|w| key(w) || FURNITURE_FILLERS.contains(&w.as_str())) && words.iter().any(key)
}

/// A byline ("By Jane Doe") of a few capitalised words.
fn byline(block: &str) -> Option<String> {
    let rest = block.trim().strip_prefix("By ").or_else(|| block.trim().strip_prefix("by "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    (!words.is_empty()
        && words.len() <= 5
        && !rest.contains('\n')
        && words.iter().all(|w| super::text::is_capitalised(w) || *w == "and"))
    .then(|| rest.trim().to_owned())
}

/// Sorts one block of text into a paragraph or something left out.
fn place_block(article: &mut Article, block: &str) {
    let block = block.trim_matches(|c: char| c == '\n' || c == ' ');
    if block.trim().is_empty() {
        return;
    }
    let after = article.paragraphs.len();
    if is_furniture(block) {
        article.left_out.push(LeftOut { text: block.to_owned(), reason: "page furniture", after });
    } else if let Some(author) = byline(block).filter(|_| after == 0) {
        article.hints.author.get_or_insert(author);
        article.left_out.push(LeftOut { text: block.to_owned(), reason: "byline", after });
    } else if after == 0 && super::dates::standalone_date(block).is_some() {
        article
            .hints
            .published
            .get_or_insert((block.to_owned(), "a date line above the text".to_owned()));
        article.left_out.push(LeftOut { text: block.to_owned(), reason: "date line", after });
    } else {
        article.paragraphs.push(block.to_owned());
    }
}

/// Plain text: blocks are separated by blank lines; a single line break stays inside its
/// paragraph as written. The first block is the title when it is one short line without a
/// final stop and more follows.
fn plain(text: &str) -> Article {
    let mut article = empty(Format::Text, "paragraphs separated by blank lines");
    let blocks = blocks(text);
    let mut rest = &blocks[..];
    if let Some(first) = blocks.first()
        && blocks.len() > 1
        && looks_like_title(first)
    {
        article.title = Some(first.trim().to_owned());
        rest = &blocks[1..];
    }
    for block in rest {
        place_block(&mut article, block);
    }
    article
}

fn looks_like_title(block: &str) -> bool {
    let block = block.trim();
    !block.contains('\n')
        && block.chars().count() <= 200
        && !block.ends_with(['.', ',', ';', ':'])
        && !is_furniture(block)
}

fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.clear();
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line.trim_end());
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

/// Markdown, through pulldown-cmark: paragraphs, list items and quoted paragraphs are the
/// text, with their words as written and the markup (emphasis, link targets) left out; the
/// first top-level heading is the title; other headings, code, images, tables and raw HTML
/// are listed as left out. A front-matter block may give title, date, publisher and url.
fn markdown(text: &str) -> Article {
    use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
    let mut article = empty(Format::Markdown, "Markdown paragraphs and list items");
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES;
    let mut current: Option<String> = None;
    let mut heading: Option<(u32, String)> = None;
    let mut code: Option<String> = None;
    let mut metadata = false;
    let mut table_depth = 0;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => metadata = false,
            Event::Text(t) if metadata => front_matter(&mut article, &t),
            Event::Start(Tag::Table(_)) => table_depth += 1,
            Event::End(TagEnd::Table) => {
                table_depth -= 1;
                let after = article.paragraphs.len();
                article.left_out.push(LeftOut {
                    text: "(a table)".to_owned(),
                    reason: "table",
                    after,
                });
            }
            _ if table_depth > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u32, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, words)) = heading.take() {
                    let after = article.paragraphs.len();
                    if level == 1 && article.title.is_none() && after == 0 {
                        article.title = Some(words.trim().to_owned());
                    } else {
                        article.left_out.push(LeftOut {
                            text: words.trim().to_owned(),
                            reason: "heading",
                            after,
                        });
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_)) => code = Some(String::new()),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(words) = code.take() {
                    let after = article.paragraphs.len();
                    article.left_out.push(LeftOut {
                        text: words.trim_end().to_owned(),
                        reason: "code block",
                        after,
                    });
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item) => {
                // A list item's own paragraphs start inside it; what the item held so far is
                // a block of its own.
                if let Some(done) = current.take() {
                    place_block(&mut article, &done);
                }
                current = Some(String::new());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                if let Some(done) = current.take() {
                    place_block(&mut article, &done);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let after = article.paragraphs.len();
                article.left_out.push(LeftOut {
                    text: format!("image {dest_url}"),
                    reason: "image",
                    after,
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, words)) = heading.as_mut() {
                    words.push_str(&t);
                } else if let Some(words) = code.as_mut() {
                    words.push_str(&t);
                } else if let Some(words) = current.as_mut() {
                    words.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(words) = current.as_mut() {
                    words.push('\n');
                } else if let Some((_, words)) = heading.as_mut() {
                    words.push(' ');
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let after = article.paragraphs.len();
                let h = h.trim();
                if !h.is_empty() && !h.starts_with("<!--") {
                    article.left_out.push(LeftOut {
                        text: h.to_owned(),
                        reason: "raw HTML",
                        after,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some(done) = current.take() {
        place_block(&mut article, &done);
    }
    article
}

fn front_matter(article: &mut Article, yaml: &str) {
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(['"', '\'']).to_owned();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => article.title = Some(value),
            "date" | "published" => {
                article.hints.published = Some((value, "the front matter's date".to_owned()))
            }
            "publisher" | "source" | "site" => article.hints.publisher = Some(value),
            "url" | "link" => article.hints.url = Some(value),
            "author" | "by" => article.hints.author = Some(value),
            _ => {}
        }
    }
}

/// Elements whose text is never the article's.
const SKIPPED: &[&str] = &[
    "nav", "aside", "footer", "form", "script", "style", "noscript", "template", "button", "svg",
    "iframe", "select", "figure", "menu", "dialog",
];
/// Elements that are one block of text each.
const BLOCKS: &[&str] =
    &["p", "li", "blockquote", "pre", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"];

/// HTML, through html5ever (scraper): the article is the `<article>` element (the one with the
/// most paragraph text when there are several), else `<main>` or `role="main"`, else the
/// element whose own `<p>` children hold the most text. Inside it, navigation, asides,
/// footers, forms, scripts and figures are skipped and listed.
fn html(text: &str) -> Result<Article, String> {
    let document = Html::parse_document(text);
    let select = |s: &str| Selector::parse(s).expect("a fixed selector parses");
    let mut article = empty(Format::Html, "");
    let meta = |selector: &str, attr: &str| -> Option<String> {
        document.select(&select(selector)).find_map(|e| {
            e.value().attr(attr).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
        })
    };
    article.hints.publisher = meta("meta[property='og:site_name']", "content");
    article.hints.url = meta("link[rel='canonical']", "href")
        .or_else(|| meta("meta[property='og:url']", "content"));
    article.hints.author = meta("meta[name='author']", "content");
    for (selector, attr, what) in [
        ("meta[property='article:published_time']", "content", "the page's article:published_time"),
        ("meta[name='date']", "content", "the page's date meta tag"),
        ("meta[itemprop='datePublished']", "content", "the page's datePublished"),
        ("time[datetime]", "datetime", "the page's first <time> element"),
    ] {
        if let Some(value) = meta(selector, attr) {
            article.hints.published = Some((value, what.to_owned()));
            break;
        }
    }
    let page_title = meta("meta[property='og:title']", "content").or_else(|| {
        document.select(&select("title")).next().map(|t| collapse(&t.text().collect::<String>()))
    });

    let paragraph_text = |e: &ElementRef| -> usize {
        e.select(&select("p")).map(|p| p.text().map(str::len).sum::<usize>()).sum()
    };
    let container =
        if let Some(best) = document.select(&select("article")).max_by_key(paragraph_text) {
            article.found_by = "the page's <article> element".to_owned();
            Some(best)
        } else if let Some(main) = document.select(&select("main, [role='main']")).next() {
            article.found_by = "the page's <main> element".to_owned();
            Some(main)
        } else {
            // The element whose own paragraphs hold the most text: the body of most pages.
            let best = document
                .select(&select("p"))
                .filter_map(|p| p.parent().and_then(ElementRef::wrap))
                .max_by_key(|parent| {
                    parent
                        .children()
                        .filter_map(ElementRef::wrap)
                        .filter(|c| c.value().name() == "p")
                        .map(|c| c.text().map(str::len).sum::<usize>())
                        .sum::<usize>()
                });
            if let Some(parent) = best {
                article.found_by =
                    format!("the element with the most paragraph text ({})", describe(&parent));
            }
            best
        };
    let Some(container) = container.or_else(|| document.select(&select("body")).next()) else {
        return Ok(article);
    };
    if article.found_by.is_empty() {
        article.found_by = "the page's <body>".to_owned();
    }
    let mut blocks = Vec::new();
    walk(container, &mut blocks, &mut article);
    for (tag, block) in blocks {
        if tag.starts_with('h') && tag.len() == 2 {
            let after = article.paragraphs.len();
            if article.title.is_none() && after == 0 && tag == "h1" {
                article.title = Some(block);
            } else {
                article.left_out.push(LeftOut { text: block, reason: "heading", after });
            }
        } else if tag == "figcaption" || tag == "pre" {
            let after = article.paragraphs.len();
            let reason = if tag == "pre" { "preformatted block" } else { "caption" };
            article.left_out.push(LeftOut { text: block, reason, after });
        } else {
            place_block(&mut article, &block);
        }
    }
    if article.title.is_none() {
        article.title = page_title;
    }
    Ok(article)
}

fn describe(e: &ElementRef) -> String {
    let v = e.value();
    let mut out = format!("<{}", v.name());
    if let Some(id) = v.id() {
        out.push_str(&format!(" id=\"{id}\""));
    }
    if let Some(class) = v.attr("class") {
        out.push_str(&format!(" class=\"{}\"", class.trim()));
    }
    out.push('>');
    out
}

/// Collects the blocks of text under `element` in document order; inline content that sits
/// directly in a container (text beside block children) forms a block of its own.
fn walk(element: ElementRef, blocks: &mut Vec<(String, String)>, article: &mut Article) {
    let mut inline = String::new();
    let flush = |inline: &mut String, blocks: &mut Vec<(String, String)>| {
        let text = collapse(inline);
        if !text.is_empty() {
            blocks.push(("p".to_owned(), text));
        }
        inline.clear();
    };
    for child in element.children() {
        match child.value() {
            Node::Text(t) => inline.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                let name = e.name();
                if SKIPPED.contains(&name) {
                    flush(&mut inline, blocks);
                    let text = collapse(&child.text().collect::<String>());
                    if !text.is_empty() && !matches!(name, "script" | "style" | "template" | "svg")
                    {
                        let after = article.paragraphs.len() + blocks.len();
                        let reason = match name {
                            "nav" | "menu" => "navigation",
                            "aside" => "aside",
                            "footer" => "footer",
                            "figure" => "figure",
                            _ => "page control",
                        };
                        article.left_out.push(LeftOut { text: shorten(&text), reason, after });
                    }
                } else if name == "br" {
                    inline.push('\n');
                } else if BLOCKS.contains(&name) && !has_block_child(child) {
                    flush(&mut inline, blocks);
                    let text = block_text(child);
                    if !text.is_empty() {
                        blocks.push((name.to_owned(), text));
                    }
                } else if is_inline(name) {
                    inline.push_str(&block_text_raw(child));
                } else {
                    flush(&mut inline, blocks);
                    walk(child, blocks, article);
                }
            }
            _ => {}
        }
    }
    flush(&mut inline, blocks);
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
            | "font"
    )
}

fn has_block_child(e: ElementRef) -> bool {
    e.children().filter_map(ElementRef::wrap).any(|c| {
        let n = c.value().name();
        BLOCKS.contains(&n) || matches!(n, "div" | "section" | "ul" | "ol" | "table")
    })
}

fn block_text_raw(e: ElementRef) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) if el.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// An element's text with HTML's white space collapsed, and `<br>` kept as a line break.
fn block_text(e: ElementRef) -> String {
    collapse(&block_text_raw(e))
}

fn collapse(text: &str) -> String {
    text.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn shorten(text: &str) -> String {
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() <= 120 {
        one_line
    } else {
        format!("{}…", one_line.chars().take(119).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_recognised_and_sentences_are_not() {
        assert!(is_furniture("Share This"));
        assert!(is_furniture("Copy Link to Clipboard"));
        assert!(is_furniture("Follow us on Twitter"));
        assert!(!is_furniture("These are the personal views of the author."));
        assert!(!is_furniture("Missile defense"));
        assert!(!is_furniture("This week"));
    }

    #[test]
    fn plain_text_has_a_title_paragraphs_and_furniture_left_out() {
        let a = read(Format::Text, "A title\n\nFirst para\nstill first.\n\nSecond.\n\nShare This\n\nCopy Link to Clipboard").unwrap();
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.paragraphs, ["First para\nstill first.", "Second."]);
        assert_eq!(a.left_out.len(), 2);
        assert_eq!(a.left_out[0].reason, "page furniture");
    }

    #[test]
    fn html_article_is_found_and_navigation_skipped() {
        let page = r#"<html><head><title>T | Site</title><meta property="og:site_name" content="Site"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Real title</h1><p>One &amp; <em>two</em>.</p>
<div class="share">Share This</div><p>Three<br>four.</p><aside>Related stories</aside></article>
<footer>© Site</footer></body></html>"#;
        let a = read(Format::Html, page).unwrap();
        assert_eq!(a.title.as_deref(), Some("Real title"));
        assert_eq!(a.paragraphs, ["One & two.", "Three\nfour."]);
        assert_eq!(a.hints.publisher.as_deref(), Some("Site"));
        assert!(a.found_by.contains("<article>"));
        assert!(a.left_out.iter().any(|l| l.text == "Share This"));
        assert!(a.left_out.iter().any(|l| l.reason == "aside"));
    }

    #[test]
    fn html_without_article_uses_the_densest_block() {
        let page = "<body><div id=menu><p>Home</p></div><div class=post><p>A long paragraph of text here.</p><p>Another long paragraph.</p></div></body>";
        let a = read(Format::Html, page).unwrap();
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.found_by.contains("class=\"post\""), "{}", a.found_by);
    }

    #[test]
    fn markdown_keeps_words_and_leaves_markup_out() {
        let md = "---\ntitle: Front\ndate: 2024-03-14\n---\n\n# Heading one\n\nSome *emphasis* and [a link](http://x).\n\n## Part\n\n- item one\n- item two\n";
        let a = read(Format::Markdown, md).unwrap();
        assert_eq!(a.title.as_deref(), Some("Front"));
        assert_eq!(a.paragraphs, ["Some emphasis and a link.", "item one", "item two"]);
        assert!(a.left_out.iter().any(|l| l.reason == "heading" && l.text == "Part"));
        assert_eq!(a.hints.published.as_ref().map(|p| p.0.as_str()), Some("2024-03-14"));
    }

    #[test]
    fn nothing_to_read_is_an_error() {
        assert!(read(Format::Html, "<html><body><nav>Home</nav></body></html>").is_err());
        assert!(read(Format::Text, "").is_err());
    }
}
