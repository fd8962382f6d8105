//! The draft as the seven TOML files of a briefing. Every string is written escaped (or as a
//! literal string where it needs none), and every text has been cleaned of control
//! characters when the article was read, so nothing in the article can break a file or reach
//! a terminal. What the format asks of a draft (the mark on each entry, the side every actor
//! is put under) is decided here and nowhere else.

use super::{ActorEntry, Draft, Entry, EventEntry, PlaceEntry, TermEntry, actors, dates};
use crate::commands::schema;
use crate::content::sanitize::Clean;
use crate::content::{Basis, Precision};
use std::fmt::Write as _;

/// The version of the briefing format written.
const FORMAT: u32 = 2;

/// How a drafted entry is marked for review: `briefing check` counts these once per file and
/// the reader marks them in lists; deleting the line is the author's act of review.
const DRAFT_MARK: &str = "draft = true";

/// The side every actor is put under until the author declares real ones, and what it says.
const PLACEHOLDER_SIDE: (&str, &str, &str) = (
    "unsorted",
    "Not yet sorted",
    "Every actor `briefing import` found starts here: declare the sides the article sets out, and give each actor its own.",
);

/// The seven files, as (file name, text), schema directives pointing at `schema_folder`.
pub fn files(draft: &Draft, schema_folder: &str) -> Vec<(&'static str, String)> {
    let directive = |name: &str| schema::directive(schema_folder, name);
    vec![
        ("briefing.toml", briefing(draft, &directive("briefing.toml"))),
        ("actors.toml", actors_file(draft, &directive("actors.toml"))),
        ("issues.toml", issues_file(&directive("issues.toml"))),
        ("timeline.toml", timeline_file(draft, &directive("timeline.toml"))),
        ("places.toml", places_file(draft, &directive("places.toml"))),
        ("glossary.toml", glossary_file(draft, &directive("glossary.toml"))),
        ("source.toml", source_file(draft, &directive("source.toml"))),
    ]
}

/// A TOML basic string: quotes, backslashes and any control character escaped.
pub fn string(text: &str) -> String {
    let text = Clean::from(text);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, &text, false);
    out.push('"');
    out
}

/// Escapes `text` for the inside of a TOML basic string, single-line or (`multi_line`, where a
/// newline stands as itself) multi-line.
fn escape_into(out: &mut String, text: &str, multi_line: bool) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' if multi_line => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// A long text: a literal string ('''…''') when it can be one, so the article reads as
/// written; otherwise a basic multi-line string with escapes.
pub fn long_string(text: &str) -> String {
    let text = Clean::from(text);
    if !text.contains("'''")
        && !text.ends_with('\'')
        && !text.chars().any(|c| c.is_control() && c != '\n')
    {
        return format!("'''\n{text}'''");
    }
    let mut out = String::from("\"\"\"\n");
    escape_into(&mut out, &text, true);
    out.push_str("\"\"\"");
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| string(i)).collect();
    format!("[{}]", quoted.join(", "))
}

fn numbers(items: &[usize]) -> String {
    let n: Vec<String> = items.iter().map(usize::to_string).collect();
    format!("[{}]", n.join(", "))
}

pub fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Approximate => "approximate",
    }
}

pub fn basis(b: Basis) -> &'static str {
    match b {
        Basis::Stated => "stated",
        Basis::Inferred => "inferred",
        Basis::Outside => "outside",
    }
}

/// The opening of an entry: its table, the draft mark and the fields every entity has, but
/// for summary and the rest, which `close` writes after the kind's own fields.
fn open(out: &mut String, table: &str, e: &Entry) {
    let _ = writeln!(out, "\n[[{table}]]");
    let _ = writeln!(out, "id = {}", string(&e.id));
    let _ = writeln!(out, "{DRAFT_MARK}");
    let _ = writeln!(out, "name = {}", string(&e.name));
    if !e.aliases.is_empty() {
        let _ = writeln!(out, "aliases = {}", list(&e.aliases));
    }
}

fn close(out: &mut String, table: &str, e: &Entry) {
    let _ = writeln!(out, "summary = {}", string(&e.summary));
    if let Some(d) = &e.description {
        let _ = writeln!(out, "description = {}", string(d));
    }
    if !e.cites.is_empty() {
        let _ = writeln!(out, "cites = {}", numbers(&e.cites));
    }
    for (text, para) in &e.quotes {
        let _ = writeln!(out, "\n[[{table}.quote]]");
        let _ = writeln!(out, "text = {}", string(text));
        let _ = writeln!(out, "para = {para}");
    }
}

fn header(directive: &str, what: &str) -> String {
    format!(
        "{directive}\n# {what}\n# Drafted by `briefing import`: every entry is a draft until a person has reviewed it.\n"
    )
}

fn briefing(draft: &Draft, directive: &str) -> String {
    let mut out = format!(
        "{directive}\n# Drafted by `briefing import`; see the import report for what to review.\n"
    );
    let _ = writeln!(out, "format = {FORMAT}");
    let _ = writeln!(out, "title = {}", string(&draft.title));
    let _ = writeln!(out, "publisher = {}", string(&draft.publisher));
    if let Some(author) = &draft.author {
        let _ = writeln!(out, "author = {}", string(author));
    }
    let _ = writeln!(out, "url = {}", string(&draft.url));
    let p = &draft.published;
    let published = match (p.date, &p.placeholder) {
        (Some(date), _) => {
            let note = match p.basis {
                Basis::Stated => {
                    format!("Published {} according to {}.", dates::spoken(date), p.from)
                }
                _ => format!(
                    "Given to briefing import with {} as {}; the article does not print it. Say how it is known; every relative date of the timeline is resolved from it.",
                    p.from,
                    dates::spoken(date)
                ),
            };
            format!(
                "{{ start = {}, precision = \"day\", basis = {}, note = {} }}",
                string(&dates::iso(date)),
                string(basis(p.basis)),
                string(&note)
            )
        }
        (None, Some((year, why))) => format!(
            "{{ start = \"{year:04}\", precision = \"year\", basis = \"inferred\", note = {} }}",
            string(&format!(
                "A placeholder: no publication date was given, and {why}. Replace it with the real date; relative dates were left unresolved."
            ))
        ),
        (None, None) => unreachable!("a draft without a date has a placeholder year"),
    };
    let _ = writeln!(out, "published = {published}");
    let opening = draft.paragraphs.first().and_then(|p| {
        let s = super::text::sentences(p);
        s.first().map(|r| p[r.clone()].to_owned())
    });
    let mut summary = format!(
        "A draft made by `briefing import` from {}: {} paragraphs, {} actors, {} places, {} glossary terms and {} dated events, every one to review. Write the article's argument here.",
        super::escape(&draft.report.file),
        draft.paragraphs.len(),
        draft.actors.len(),
        draft.places.len(),
        draft.terms.len(),
        draft.events.len()
    );
    if let Some(opening) = opening {
        let _ = write!(summary, "\n\nThe article opens: “{}” (¶1)", super::escape(&opening));
    }
    // The drafted timeline, in date order, so each event is reached from the first page and
    // none is left without a link.
    if !draft.events.is_empty() {
        let links: Vec<String> =
            draft.events.iter().map(|e| format!("[[{}|{}]]", e.entry.id, when(&e.date))).collect();
        let _ = write!(summary, "\n\nDated in the article: {}.", links.join(", "));
    }
    let _ = writeln!(out, "summary = {}", long_string(&summary));
    let (id, name, description) = PLACEHOLDER_SIDE;
    let _ = writeln!(
        out,
        "\n[[side]]\nid = {}\nname = {}\ndescription = {}",
        string(id),
        string(name),
        string(description)
    );
    out
}

/// A date as the reader shows it, for a link's label: "15 Mar 2013", "week of 22 Apr 2013".
fn when(date: &dates::Resolved) -> String {
    let parse = |s: &str| crate::content::date::PartialDate::parse(s).ok();
    match parse(&date.start) {
        Some(start) => crate::content::Date {
            start,
            end: date.end.as_deref().and_then(parse),
            precision: date.precision,
            basis: date.basis,
            note: None,
            source: None,
        }
        .when(),
        None => date.start.clone(),
    }
}

fn actors_file(draft: &Draft, directive: &str) -> String {
    let mut out =
        header(directive, "Actors named in the article; all under one side until you sort them.");
    for ActorEntry { entry, kind, role, affiliation } in &draft.actors {
        open(&mut out, "actor", entry);
        let kind = match kind {
            actors::Kind::Person => "person",
            actors::Kind::Organisation => "organisation",
            actors::Kind::State => "state",
        };
        let _ = writeln!(out, "kind = {}", string(kind));
        let _ = writeln!(out, "side = {}", string(PLACEHOLDER_SIDE.0));
        if let Some(role) = role {
            let _ = writeln!(out, "role = {}", string(&super::escape(role)));
        }
        if let Some(a) = affiliation {
            let _ = writeln!(out, "affiliation = {}", string(a));
        }
        close(&mut out, "actor", entry);
    }
    out
}

fn issues_file(directive: &str) -> String {
    format!(
        "{directive}\n# Issues are the author's to name: briefing import drafts none.\n# [[issue]]\n# id = \"…\"\n# name = \"…\"\n# summary = \"…\"\n# cites = [1]\n"
    )
}

fn timeline_file(draft: &Draft, directive: &str) -> String {
    let mut out = header(
        directive,
        "One event per date expression, in date order; each date's note gives the rule that resolved it.",
    );
    for EventEntry { entry, date, actors, places } in &draft.events {
        open(&mut out, "event", entry);
        let mut fields = format!("start = {}", string(&date.start));
        if let Some(end) = &date.end {
            let _ = write!(fields, ", end = {}", string(end));
        }
        let _ = write!(
            fields,
            ", precision = {}, basis = {}",
            string(precision(date.precision)),
            string(basis(date.basis))
        );
        let mut note = date.rule.clone();
        if let Some(other) = &date.ambiguous {
            let _ = write!(note, ". It could also be {other}: check");
        }
        note.push('.');
        let _ = write!(fields, ", note = {}", string(&note));
        let _ = writeln!(out, "date = {{ {fields} }}");
        if !actors.is_empty() {
            let _ = writeln!(out, "actors = {}", list(actors));
        }
        if !places.is_empty() {
            let _ = writeln!(out, "places = {}", list(places));
        }
        close(&mut out, "event", entry);
    }
    out
}

fn places_file(draft: &Draft, directive: &str) -> String {
    let mut out = header(
        directive,
        "Places matched against the gazetteer (GeoNames, CC BY 4.0; Natural Earth; U.S. Census Bureau), with approximate coordinates.",
    );
    for PlaceEntry { entry, country, location } in &draft.places {
        open(&mut out, "place", entry);
        if let Some(c) = country {
            let _ = writeln!(out, "country = {}", string(c));
        }
        match location {
            Some((lat, lon)) => {
                let _ = writeln!(out, "location = {{ lat = {lat:.2}, lon = {lon:.2} }}");
            }
            None => {
                let _ = writeln!(
                    out,
                    "# A region, so no point: the map lists it as not on the map. Give a location if the article means one place in it."
                );
            }
        }
        close(&mut out, "place", entry);
    }
    out
}

fn glossary_file(draft: &Draft, directive: &str) -> String {
    let mut out = header(
        directive,
        "Acronyms: defined in the article (with the defining words quoted) or only used there.",
    );
    for TermEntry { entry, expansion } in &draft.terms {
        open(&mut out, "term", entry);
        if let Some(x) = expansion {
            let _ = writeln!(out, "expansion = {}", string(x));
        }
        close(&mut out, "term", entry);
    }
    out
}

fn source_file(draft: &Draft, directive: &str) -> String {
    let mut out = format!(
        "{directive}\n# The article as written, paragraph by paragraph; page furniture is listed in the import report.\n"
    );
    let _ = writeln!(out, "title = {}", string(&draft.title));
    for (i, p) in draft.paragraphs.iter().enumerate() {
        let _ = writeln!(out, "\n[[paragraph]]\nn = {}\ntext = {}", i + 1, long_string(p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_cleaned() {
        assert_eq!(string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(string("bell\u{7} esc\u{1b}[31m"), "\"bell esc[31m\"");
        assert_eq!(string("two\nlines"), "\"two\\nlines\"");
    }

    #[test]
    fn long_strings_are_literal_unless_they_cannot_be() {
        assert_eq!(long_string("It’s “fine”"), "'''\nIt’s “fine”'''");
        let tricky = long_string("ends with a quote '''");
        let parsed: toml::Table = toml::from_str(&format!("t = {tricky}")).unwrap();
        assert_eq!(parsed["t"].as_str(), Some("ends with a quote '''"));
        let tricky = long_string("it's a \"test\" \\ ending'");
        let parsed: toml::Table = toml::from_str(&format!("t = {tricky}")).unwrap();
        assert_eq!(parsed["t"].as_str(), Some("it's a \"test\" \\ ending'"));
    }
}
