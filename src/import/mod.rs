//! `briefing import`: from an article to a draft briefing.
//!
//! Each job has a file: `article` reads text, Markdown or HTML into paragraphs; `acronyms`
//! finds definitions (Schwartz–Hearst); `actors` finds people, organisations and states;
//! `places` matches the embedded gazetteer; `dates` finds and resolves date expressions;
//! `write` turns the draft into the briefing's TOML files; `report` says what was found,
//! merged, ambiguous and left out. This file ties them together into a [`Draft`]: entries
//! with ids, links, citations and quotes, in no particular file format.

pub mod acronyms;
pub mod actors;
pub mod article;
pub mod dates;
pub mod places;
pub mod report;
pub mod text;
pub mod write;

use crate::content::{Basis, Precision};
use article::{Article, Format};
use jiff::civil::Date;
use report::Report;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// What the person gave on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub published: Option<Date>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// The article's file name, for the report and the notes.
    pub file_name: String,
}

/// The fields every drafted entry has.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// CommonMark, with [[id|label]] links.
    pub summary: String,
    pub description: Option<String>,
    pub cites: Vec<usize>,
    /// (words as written, paragraph)
    pub quotes: Vec<(String, usize)>,
}

#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub entry: Entry,
    pub kind: actors::Kind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub entry: Entry,
    pub country: Option<String>,
    /// Latitude and longitude; none for a region ("Europe"), whose centre on a map would
    /// claim a point the article never names.
    pub location: Option<(f64, f64)>,
}

#[derive(Debug, Clone)]
pub struct TermEntry {
    pub entry: Entry,
    pub expansion: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EventEntry {
    pub entry: Entry,
    pub date: dates::Resolved,
    pub actors: Vec<String>,
    pub places: Vec<String>,
}

/// How the publication date is known.
#[derive(Debug, Clone)]
pub struct Published {
    pub date: Option<Date>,
    /// Where it came from: "--published", or what the page says.
    pub from: String,
    pub basis: Basis,
    /// Without a date, the year written as a placeholder, and why that year.
    pub placeholder: Option<(i16, String)>,
}

/// A draft briefing: everything `write` needs.
#[derive(Debug, Clone)]
pub struct Draft {
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub author: Option<String>,
    pub published: Published,
    pub paragraphs: Vec<String>,
    pub actors: Vec<ActorEntry>,
    pub places: Vec<PlaceEntry>,
    pub terms: Vec<TermEntry>,
    pub events: Vec<EventEntry>,
    pub report: Report,
}

impl Draft {
    /// How many entries are drafts: all of them.
    pub fn entries(&self) -> usize {
        self.actors.len() + self.places.len() + self.terms.len() + self.events.len()
    }
}

/// A mention of an entity, for turning text into links.
#[derive(Debug, Clone)]
struct Mention {
    para: usize,
    range: Range<usize>,
    id: String,
}

/// Imports an article's text. `raw` is the file's content; an error is a sentence for the
/// person who gave it.
pub fn import(raw: &str, format: Format, options: &Options) -> Result<Draft, String> {
    let article = article::read(format, raw)?;
    Ok(draft(article, options))
}

fn draft(article: Article, options: &Options) -> Draft {
    let paragraphs = article.paragraphs.clone();
    let mut report = Report::new(&options.file_name, &article);

    let published = publication(&article, options, &mut report);
    let found_acronyms = acronyms::find(&paragraphs);
    let mut found_actors = actors::find(&paragraphs, &found_acronyms);
    let mut ids = Ids::default();
    let mut mentions: Vec<Mention> = Vec::new();

    // Actors.
    let actor_ids: Vec<String> =
        found_actors.actors.iter().map(|a| ids.make(&a.name, "actor")).collect();
    for (a, id) in found_actors.actors.iter().zip(&actor_ids) {
        for m in &a.mentions {
            mentions.push(Mention { para: m.0, range: m.1.clone(), id: id.clone() });
        }
    }

    // Places: what the gazetteer knows, outside the names of people and organisations. A
    // country is a state among the actors; it is a place too where the text puts something
    // in it ("a radar in Japan").
    let g = &*places::GAZETTEER;
    let countries_named: Vec<&str> = found_actors
        .actors
        .iter()
        .filter_map(|a| a.country)
        .map(|c| g.entries[c].country)
        .collect();
    let mut found_places: Vec<places::Place> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let words = text::words(p);
        for (range, entries) in g.scan(p, &words) {
            let span = words[range.start].range.start..words[range.end - 1].range.end;
            let claimed = found_actors
                .claimed
                .iter()
                .any(|c| c.0 == i + 1 && c.1.start <= span.start && span.end <= c.1.end);
            if claimed {
                continue;
            }
            let chosen = places::choose(&entries, &countries_named);
            // A capital that acts ("Moscow would continue to seek guarantees") is its
            // government speaking, not the city: the mention goes to the state among the
            // actors, and the report asks the author to check.
            let capital = &g.entries[chosen];
            if capital.kind == places::PlaceKind::Capital
                && actors::acts_as_subject(p, span.end)
                && let Some(state) = found_actors.actors.iter().position(|a| {
                    a.country.is_some_and(|c| g.entries[c].country == capital.country)
                })
            {
                found_actors.actors[state].mention((i + 1, span.clone()));
                mentions.push(Mention {
                    para: i + 1,
                    range: span.clone(),
                    id: actor_ids[state].clone(),
                });
                let verb = p[span.end..].split_whitespace().next().unwrap_or_default();
                report.ambiguous.push(report::Ambiguity {
                    what: format!("place “{}” in “{} {verb}…”", &p[span.clone()], &p[span.clone()]),
                    para: i + 1,
                    chosen: format!(
                        "{}, its government (the capital acts in the sentence)",
                        found_actors.actors[state].name
                    ),
                    others: vec![format!("the city of {}", capital.name)],
                });
                continue;
            }
            let is_country = g.entries[chosen].kind == places::PlaceKind::Country;
            if is_country && !locative(p, span.start, span.end) {
                continue;
            }
            let name = p[span.clone()].to_owned();
            let existing = found_places.iter_mut().find(|pl| pl.entry == chosen);
            match existing {
                Some(place) => place.mentions.push((i + 1, span)),
                None => found_places.push(places::Place {
                    name: g.entries[chosen].name.to_owned(),
                    entry: chosen,
                    others: entries.iter().copied().filter(|&e| e != chosen).collect(),
                    mentions: vec![(i + 1, span)],
                }),
            }
            let _ = name;
        }
    }
    let place_ids: Vec<String> = found_places
        .iter()
        .map(|pl| {
            // A country that is both a state and a place keeps one id per entry.
            let suffix = if pl.entry().kind == places::PlaceKind::Country { "place" } else { "" };
            if suffix.is_empty() {
                ids.make(&pl.name, "place")
            } else {
                ids.make(&format!("{} {suffix}", pl.name), "place")
            }
        })
        .collect();
    for (pl, id) in found_places.iter().zip(&place_ids) {
        for m in &pl.mentions {
            mentions.push(Mention { para: m.0, range: m.1.clone(), id: id.clone() });
        }
    }

    // Terms: acronyms that are not the names of organisations.
    let actor_acronyms: BTreeSet<&str> =
        found_actors.actors.iter().filter_map(|a| a.acronym.as_deref()).collect();
    let term_acronyms: Vec<&acronyms::Acronym> = found_acronyms
        .iter()
        .filter(|a| {
            !actor_acronyms.contains(a.short.as_str())
                && !actor_acronyms.contains(a.short.rsplit(' ').next().unwrap_or(""))
        })
        .filter(|a| {
            // An acronym that is a country's name ("U.S.", "UK") belongs to the state.
            g.lookup(&a.short).is_empty()
        })
        .collect();
    // An organisation known by an acronym the article never expands is listed too.
    for a in found_acronyms
        .iter()
        .filter(|a| a.definition.is_none() && actor_acronyms.contains(a.short.as_str()))
    {
        let paragraphs: BTreeSet<usize> = a.uses.iter().map(|u| u.0).collect();
        report.undefined.push(report::Undefined {
            acronym: format!("{} (drafted as an organisation)", a.short),
            paragraphs: paragraphs.into_iter().collect(),
        });
    }
    let term_ids: Vec<String> = term_acronyms.iter().map(|a| ids.make(&a.short, "term")).collect();
    for (a, id) in term_acronyms.iter().zip(&term_ids) {
        for u in &a.uses {
            mentions.push(Mention { para: u.0, range: u.1.clone(), id: id.clone() });
        }
    }

    // Dates, each an event naming the actors and places of its sentence.
    let mut expressions = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        expressions.extend(dates::find(p, i + 1, published.date));
    }

    let link = Linker::new(&paragraphs, &mentions);

    // Actors' entries.
    let mut actor_entries = Vec::new();
    for (a, id) in found_actors.actors.iter().zip(&actor_ids) {
        let cites = a.paragraphs();
        let first_text = paragraphs[a.first.0 - 1][a.first.1.clone()].to_owned();
        let mut entry = Entry {
            id: id.clone(),
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            cites: cites.clone(),
            quotes: vec![(first_text, a.first.0)],
            ..Entry::default()
        };
        let affiliation = a.affiliation.map(|s| actor_ids[s].clone());
        let where_ = cite_list(&cites);
        entry.summary = match a.kind {
            actors::Kind::Person => match (&a.role, &affiliation) {
                (Some(role), Some(aff)) => {
                    format!("{} ([[{aff}]]), named in {where_}.", escape(role))
                }
                (Some(role), None) => format!("{}, named in {where_}.", escape(role)),
                (None, Some(aff)) => format!("Person of [[{aff}]], named in {where_}."),
                (None, None) => format!("Person named in {where_}."),
            },
            actors::Kind::Organisation => format!("Organisation named in {where_}."),
            actors::Kind::State => format!("State named in {where_}."),
        };
        entry.description = Some(link.first_sentence(a.first.0, &a.first.1, id));
        actor_entries.push(ActorEntry { entry, kind: a.kind, role: a.role.clone(), affiliation });
    }

    // Places' entries.
    let mut place_entries = Vec::new();
    for (pl, id) in found_places.iter().zip(&place_ids) {
        let e = pl.entry();
        let cites: Vec<usize> =
            pl.mentions.iter().map(|m| m.0).collect::<BTreeSet<_>>().into_iter().collect();
        let country = g.country(e.country).map(|c| c.name.to_owned()).filter(|c| *c != e.name);
        let first = &pl.mentions[0];
        let written = paragraphs[first.0 - 1][first.1.clone()].to_owned();
        let kind = match e.kind {
            places::PlaceKind::Capital => "Capital".to_owned(),
            places::PlaceKind::City => "City".to_owned(),
            places::PlaceKind::State => "State".to_owned(),
            places::PlaceKind::Region => "Region".to_owned(),
            places::PlaceKind::Country => "Country".to_owned(),
        };
        let summary = match &country {
            Some(c) => format!("{kind} in {}, named in {}.", escape(c), cite_list(&cites)),
            None => format!("{kind} named in {}.", cite_list(&cites)),
        };
        let mut aliases: Vec<String> = pl
            .mentions
            .iter()
            .map(|m| paragraphs[m.0 - 1][m.1.clone()].to_owned())
            .filter(|w| *w != e.name)
            .collect();
        aliases.dedup();
        let entry = Entry {
            id: id.clone(),
            name: e.name.to_owned(),
            aliases,
            summary,
            description: Some(link.first_sentence(first.0, &first.1, id)),
            cites,
            quotes: vec![(written, first.0)],
        };
        if !pl.others.is_empty() {
            report.ambiguous.push(report::Ambiguity {
                what: format!("place “{}”", e.name),
                para: first.0,
                chosen: describe_place(pl.entry),
                others: pl.others.iter().map(|&o| describe_place(o)).collect(),
            });
        }
        let location = (e.kind != places::PlaceKind::Region).then_some((e.lat, e.lon));
        place_entries.push(PlaceEntry { entry, country, location });
    }

    // Terms' entries.
    let mut term_entries = Vec::new();
    for (a, id) in term_acronyms.iter().zip(&term_ids) {
        let cites: Vec<usize> =
            a.uses.iter().map(|u| u.0).collect::<BTreeSet<_>>().into_iter().collect();
        let mut entry = Entry {
            id: id.clone(),
            name: a.short.clone(),
            cites: cites.clone(),
            ..Entry::default()
        };
        let expansion = a.definition.as_ref().map(|d| d.long.clone());
        match &a.definition {
            Some(d) => {
                entry.quotes.push((d.quote.clone(), d.para));
                entry.summary =
                    format!("{}, as the article defines it in ¶{}.", escape(&d.long), d.para);
                if d.loose {
                    report.ambiguous.push(report::Ambiguity {
                        what: format!("acronym {}", a.short),
                        para: d.para,
                        chosen: format!("“{}”, matched on its capitals only", d.long),
                        others: vec![format!("the letters of {} are not all in “{}”: check the expansion (the article may have it wrong)", a.short, d.long)],
                    });
                }
                entry.description = Some(link.first_sentence(d.para, &d.short_range, id));
            }
            None => {
                let (para, range) = &a.uses[0];
                entry.quotes.push((paragraphs[para - 1][range.clone()].to_owned(), *para));
                entry.summary = format!(
                    "Acronym used in {}; the article does not expand it.",
                    cite_list(&cites)
                );
                entry.description = Some(link.first_sentence(*para, range, id));
                report.undefined.push(report::Undefined {
                    acronym: a.short.clone(),
                    paragraphs: cites.clone(),
                });
            }
        }
        term_entries.push(TermEntry { entry, expansion });
    }

    // Events.
    let mut event_entries = Vec::new();
    for e in &expressions {
        let p = &paragraphs[e.para - 1];
        let resolved = match &e.resolved {
            Ok(r) => r.clone(),
            Err(why) => {
                report.unresolved.push(report::Unresolved {
                    phrase: e.phrase.clone(),
                    para: e.para,
                    why: why.clone(),
                });
                continue;
            }
        };
        let sentences = text::sentences(p);
        let s = text::sentence_of(&sentences, e.range.start).unwrap_or(0);
        let sentence = sentences.get(s).cloned().unwrap_or(0..p.len());
        let clause = clause_around(p, &sentence, &e.range);
        let name = event_name(p, &clause, &e.range);
        let id = ids.make(
            &format!(
                "{} {}",
                resolved.start,
                // Three words that say something: "2013-03-15-hagel-announced-updates".
                name.split_whitespace()
                    .filter(|w| !OPENERS.contains(&w.to_lowercase().as_str()) && w.len() > 2)
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            "event",
        );
        let in_sentence = |list: &[String], within: &Range<usize>| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for m in mentions.iter().filter(|m| {
                m.para == e.para && m.range.start >= within.start && m.range.end <= within.end
            }) {
                if list.contains(&m.id) && !out.contains(&m.id) {
                    out.push(m.id.clone());
                }
            }
            out
        };
        let mut actors_here = in_sentence(&actor_ids, &sentence);
        let mut places_here = in_sentence(&place_ids, &sentence);
        // A sentence with two dates ("this week…, Antonov is expected to meet on Tuesday")
        // gives each event the actors and places of its own clause, when it names any.
        let dates_here = expressions
            .iter()
            .filter(|x| {
                x.para == e.para && x.range.start >= sentence.start && x.range.end <= sentence.end
            })
            .count();
        if dates_here > 1 {
            let (a, pl) = (in_sentence(&actor_ids, &clause), in_sentence(&place_ids, &clause));
            if !a.is_empty() || !pl.is_empty() {
                actors_here = a;
                places_here = pl;
            }
        }
        if let Some(other) = &resolved.ambiguous {
            report.ambiguous.push(report::Ambiguity {
                what: format!("date “{}”", e.phrase),
                para: e.para,
                chosen: resolved.rule.clone(),
                others: vec![other.clone()],
            });
        }
        let entry = Entry {
            id,
            name,
            summary: link.text(e.para, sentence.clone(), None),
            cites: vec![e.para],
            quotes: vec![(p[clause.clone()].to_owned(), e.para)],
            ..Entry::default()
        };
        event_entries.push(EventEntry {
            entry,
            date: resolved,
            actors: actors_here,
            places: places_here,
        });
    }
    event_entries.sort_by(|a, b| a.date.start.cmp(&b.date.start));

    // The report of what was merged and what could be either of two.
    for m in &found_actors.merged {
        report.merged.push(report::Merged {
            form: m.form.clone(),
            into: found_actors.actors[m.into].name.clone(),
            para: m.para,
        });
    }
    for a in &found_actors.ambiguous {
        report.ambiguous.push(report::Ambiguity {
            what: format!("“{}”", a.form),
            para: a.para,
            chosen: "not attributed".to_owned(),
            others: a.candidates.iter().map(|&c| found_actors.actors[c].name.clone()).collect(),
        });
    }
    for (para, range) in &found_actors.untitled {
        report.left_out.push(report::LeftOut {
            text: paragraphs[para - 1][range.clone()].to_owned(),
            reason: "a title with no name after it: link it to the person it means".to_owned(),
            para: *para,
            within: true,
        });
    }

    let title = options
        .title
        .clone()
        .or_else(|| article.title.clone())
        .unwrap_or_else(|| options.file_name.clone());
    let publisher = options.publisher.clone().or_else(|| article.hints.publisher.clone());
    let url = options.url.clone().or_else(|| article.hints.url.clone());
    if publisher.is_none() {
        report.review.push(
            "No publisher was given: give --publisher, or fill in `publisher` in briefing.toml."
                .to_owned(),
        );
    }
    if url.is_none() {
        report.review.push(
            "No web address was given: give --url, or fill in `url` in briefing.toml.".to_owned(),
        );
    }
    let mut draft = Draft {
        title,
        publisher: publisher.unwrap_or_else(|| "(publisher not given)".to_owned()),
        url: url.unwrap_or_else(|| "(address not given)".to_owned()),
        author: article.hints.author.clone(),
        published,
        paragraphs,
        actors: actor_entries,
        places: place_entries,
        terms: term_entries,
        events: event_entries,
        report,
    };
    let mut report = draft.report.clone();
    report.count(&draft);
    draft.report = report;
    draft
}

fn describe_place(i: usize) -> String {
    let g = &*places::GAZETTEER;
    let e = &g.entries[i];
    let country = g.country(e.country).map(|c| c.name).unwrap_or("");
    if country.is_empty() || country == e.name {
        format!("{} ({})", e.name, e.kind.label())
    } else {
        format!("{} ({}, {country})", e.name, e.kind.label())
    }
}

/// Where the publication date comes from: the command line, else what the page says.
fn publication(article: &Article, options: &Options, report: &mut Report) -> Published {
    if let Some(date) = options.published {
        return Published {
            date: Some(date),
            from: "--published".to_owned(),
            basis: Basis::Inferred,
            placeholder: None,
        };
    }
    if let Some((text, where_)) = &article.hints.published
        && let Some(date) = dates::parse_date(text)
    {
        return Published {
            date: Some(date),
            from: where_.clone(),
            basis: Basis::Stated,
            placeholder: None,
        };
    }
    // No date: relative dates stay unresolved. The briefing still needs a `published`, so a
    // year stands in for it, marked as a placeholder, with the reason.
    let latest_year = article
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| dates::find(p, i + 1, None))
        .filter_map(|e| e.resolved.ok())
        .filter_map(|r| r.end.unwrap_or(r.start).get(..4).and_then(|y| y.parse::<i16>().ok()))
        .max();
    let placeholder = match latest_year {
        Some(y) => (
            y,
            format!(
                "the latest year the article states is {y}, so it was published in {y} or later"
            ),
        ),
        None => {
            let today = jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date().year();
            (today, format!("the article states no year; {today} is the year of the import"))
        }
    };
    report.review.push(format!(
        "No publication date was given: relative dates are left unresolved. Run again with --published YYYY-MM-DD, or replace the placeholder year {} in briefing.toml.",
        placeholder.0
    ));
    Published {
        date: None,
        from: String::new(),
        basis: Basis::Inferred,
        placeholder: Some(placeholder),
    }
}

/// Whether a country's name stands where a place does: after "in", "to", "from"… and not as a
/// possessive ("in Russia's backyard" speaks of the state).
fn locative(p: &str, start: usize, end: usize) -> bool {
    let after = &p[end..];
    let name = &p[start..end];
    // "U.S. missile defense": an abbreviation names the state, as an adjective.
    if after.starts_with("’s")
        || after.starts_with("'s")
        || name.contains('.')
        || text::is_all_caps(name)
    {
        return false;
    }
    let before = p[..start].trim_end();
    let before = before.strip_suffix("the").map(str::trim_end).unwrap_or(before);
    let last = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    // "from" and "to" are left out: "trust from the United States" speaks of the state.
    matches!(
        last,
        "in" | "into" | "across" | "throughout" | "inside" | "within" | "near" | "at" | "visited"
    )
}

/// "¶1", "¶1 and ¶3", "¶1, ¶2 and ¶5".
fn cite_list(cites: &[usize]) -> String {
    let parts: Vec<String> = cites.iter().map(|c| format!("¶{c}")).collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Escapes text from the article for a CommonMark field: no markup, no [[link]], no ¶n
/// citation can come from the article's words.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // A "¶" followed by a number would become a citation link.
            '¶' if chars.peek().is_some_and(char::is_ascii_digit) => out.push_str("¶ "),
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The clause of a sentence that holds a date: between the nearest commas, semicolons or
/// dashes around it, trimmed.
fn clause_around(p: &str, sentence: &Range<usize>, date: &Range<usize>) -> Range<usize> {
    let s = &p[sentence.clone()];
    let rel = date.start - sentence.start..date.end - sentence.start;
    let stops = [',', ';', '–', '—', ':'];
    let start = s[..rel.start]
        .rfind(stops)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[rel.end..].find(stops).map_or(s.len(), |i| rel.end + i);
    let clause = &s[start..end];
    let lead = clause.len() - clause.trim_start().len();
    let trail = clause.len() - clause.trim_end().len();
    let mut range = sentence.start + start + lead..sentence.start + end - trail;
    // A clause of a few words says little: take the sentence up to the clause's end.
    if p[range.clone()].split_whitespace().count() < 5 {
        range.start = sentence.start;
    }
    range
}

/// A name for an event: its clause without the date's words and the small words that open it,
/// at most twelve words.
fn event_name(p: &str, clause: &Range<usize>, date: &Range<usize>) -> String {
    let mut text = String::new();
    let before = p[clause.start..date.start.max(clause.start)].trim_end();
    // The date's own preposition goes with it: "announced on March 15th updates" names the
    // event "announced updates".
    let before = ["on", "in", "at", "during", "since", "by", "from", "until", "of"]
        .iter()
        .find_map(|w| before.strip_suffix(w).filter(|b| b.is_empty() || b.ends_with(' ')))
        .unwrap_or(before);
    text.push_str(before);
    text.push(' ');
    text.push_str(&p[date.end.min(clause.end)..clause.end]);
    let mut words: Vec<&str> = text.split_whitespace().collect();
    // The date's own preposition ("on", "in") is left dangling at the cut.
    while words.first().is_some_and(|w| OPENERS.contains(&w.to_lowercase().as_str())) {
        words.remove(0);
    }
    let mut cleaned: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let dangling = matches!(*w, "on" | "in" | "at" | "during" | "since" | "by")
            && words
                .get(i + 1)
                .is_none_or(|n| !n.chars().next().is_some_and(char::is_alphanumeric));
        if !dangling {
            cleaned.push(w);
        }
    }
    let mut name = cleaned.iter().take(12).copied().collect::<Vec<_>>().join(" ");
    name = name.trim_end_matches([',', ';', ':', '.', '–', '—', ' ']).to_owned();
    if cleaned.len() > 12 {
        name.push('…');
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => "Event".to_owned(),
    }
}

const OPENERS: &[&str] = &[
    "during", "while", "in", "on", "at", "the", "a", "an", "and", "but", "so", "although",
    "however", "since", "when", "after", "before", "by", "as", "of", "with", "last", "this",
    "next", "from",
];

/// Turns article text into CommonMark with links to the entities it mentions.
struct Linker<'a> {
    paragraphs: &'a [String],
    /// Per paragraph, mentions sorted by start, longest first.
    mentions: HashMap<usize, Vec<(Range<usize>, String)>>,
}

impl<'a> Linker<'a> {
    fn new(paragraphs: &'a [String], mentions: &[Mention]) -> Linker<'a> {
        let mut map: HashMap<usize, Vec<(Range<usize>, String)>> = HashMap::new();
        for m in mentions {
            map.entry(m.para).or_default().push((m.range.clone(), m.id.clone()));
        }
        for list in map.values_mut() {
            list.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        }
        Linker { paragraphs, mentions: map }
    }

    /// The text of `range` in paragraph `para`, escaped, its mentions as links (none to
    /// `own`, the entity being described).
    fn text(&self, para: usize, range: Range<usize>, own: Option<&str>) -> String {
        let p = &self.paragraphs[para - 1];
        let mut out = String::new();
        let mut at = range.start;
        for (r, id) in self.mentions.get(&para).map(Vec::as_slice).unwrap_or(&[]) {
            if r.start < at || r.end > range.end || r.start < range.start {
                continue;
            }
            if own == Some(id.as_str()) {
                continue;
            }
            out.push_str(&escape(&p[at..r.start]));
            out.push_str(&format!("[[{id}|{}]]", escape(&p[r.clone()]).replace('|', "/")));
            at = r.end;
        }
        out.push_str(&escape(&p[at..range.end]));
        out
    }

    /// "First named in ¶2: …the sentence, with links…"
    fn first_sentence(&self, para: usize, at: &Range<usize>, own: &str) -> String {
        let p = &self.paragraphs[para - 1];
        let sentences = text::sentences(p);
        let s =
            text::sentence_of(&sentences, at.start).map_or(0..p.len(), |i| sentences[i].clone());
        format!("First named in ¶{para}: “{}”", self.text(para, s, Some(own)))
    }
}

/// Ids made from names: lowercase letters, digits and hyphens, unique across the briefing.
#[derive(Default)]
struct Ids {
    taken: BTreeSet<String>,
}

impl Ids {
    fn make(&mut self, name: &str, fallback: &str) -> String {
        let ascii = deunicode::deunicode(name).to_lowercase();
        let mut slug = String::new();
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let mut slug = slug.trim_end_matches('-').to_owned();
        if slug.len() > 48 {
            let cut = slug[..48].rfind('-').unwrap_or(48);
            slug.truncate(cut);
        }
        if slug.is_empty() {
            slug = fallback.to_owned();
        }
        let mut id = slug.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{slug}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

/// Whether a precision and basis read as the reader would: for the report.
pub fn date_words(r: &dates::Resolved) -> String {
    let precision = match r.precision {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Approximate => "approximate",
    };
    let basis = match r.basis {
        Basis::Stated => "stated",
        Basis::Inferred => "inferred",
        Basis::Outside => "outside",
    };
    match &r.end {
        Some(end) => format!("{} to {end} ({precision}, {basis})", r.start),
        None => format!("{} ({precision}, {basis})", r.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_and_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.make("Sergei Lavrov", "actor"), "sergei-lavrov");
        assert_eq!(ids.make("Sergei Lavrov", "actor"), "sergei-lavrov-2");
        assert_eq!(ids.make("Łódź", "place"), "lodz");
        assert_eq!(ids.make("“—”", "term"), "term");
    }

    #[test]
    fn escaping_keeps_article_words_from_becoming_markup() {
        assert_eq!(escape("a [[x]] *b* ¶7"), "a \\[\\[x\\]\\] \\*b\\* ¶ 7");
    }

    #[test]
    fn countries_are_places_only_where_things_are_in_them() {
        let p = "a radar in Japan and Russia’s backyard and talks with Russia";
        let japan = p.find("Japan").unwrap();
        assert!(locative(p, japan, japan + 5));
        let russia = p.find("Russia").unwrap();
        assert!(!locative(p, russia, russia + 6));
        let last = p.rfind("Russia").unwrap();
        assert!(!locative(p, last, last + 6));
    }
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    fn draft_of(text: &str) -> Draft {
        let options = Options {
            published: Some(jiff::civil::date(2013, 4, 29)),
            file_name: "article.txt".to_owned(),
            ..Options::default()
        };
        import(text, Format::Text, &options).expect("an article")
    }

    #[test]
    fn a_capital_that_acts_is_its_government_and_one_named_as_a_place_is_the_city() {
        let d = draft_of(
            "Talks\n\nRussia sent a note. Moscow would continue to seek guarantees.\n\nA meeting will be held in Moscow in May.",
        );
        let moscow = d.places.iter().find(|p| p.entry.name == "Moscow").expect("Moscow, the city");
        assert_eq!(moscow.entry.cites, [2], "only the paragraph where something is in Moscow");
        let russia = d.actors.iter().find(|a| a.entry.name == "Russia").expect("Russia");
        assert_eq!(russia.entry.cites, [1]);
        let asked = &d.report.ambiguous;
        assert!(
            asked.iter().any(|a| a.what.contains("Moscow would") && a.chosen.starts_with("Russia")),
            "the author is asked to check the reading: {asked:?}"
        );
    }

    #[test]
    fn a_region_is_drafted_without_a_point() {
        let d = draft_of("Talks\n\nMissiles were based in Europe and in Geneva.");
        let europe = d.places.iter().find(|p| p.entry.name == "Europe").expect("Europe");
        assert_eq!(europe.location, None, "a continent's centre is not a place the article names");
        let geneva = d.places.iter().find(|p| p.entry.name == "Geneva").expect("Geneva");
        assert!(geneva.location.is_some());
    }

    #[test]
    fn an_organisation_is_first_named_where_it_first_appears_even_inside_a_compound() {
        let d = draft_of(
            "Talks\n\nAt the NATO-Russian meeting, ministers spoke.\n\nNATO said it would wait.",
        );
        let nato = d.actors.iter().find(|a| a.entry.name == "NATO").expect("NATO");
        assert_eq!(nato.entry.cites, [1, 2]);
        assert_eq!(nato.entry.quotes, [("NATO".to_owned(), 1)]);
        assert!(nato.entry.description.as_deref().unwrap().starts_with("First named in ¶1"));
    }
}
