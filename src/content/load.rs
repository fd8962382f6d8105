//! Reading a briefing directory (or the bundled copy) and turning its TOML into a validated
//! `Briefing`, gathering every problem rather than stopping at the first.

use super::date::{Basis, Date, PartialDate, Precision};
use super::diagnostic::{Code, Report};
use super::format::{self, Common, DateField, Text as FieldText};
use super::markup::{self, Text};
use super::model::{
    Briefing, Context, Details, Entity, EntityId, KeyPoint, Kind, Location, Quote, Slip, Source,
};
use super::sanitize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// Hands the seven file names, as literals, to the macro `$then`: `include_str!` needs
/// literals, so the bundled briefing and the `new` templates are built through this one list.
#[macro_export]
macro_rules! with_section_files {
    ($then:ident) => {
        $then!(
            "briefing.toml",
            "actors.toml",
            "issues.toml",
            "timeline.toml",
            "places.toml",
            "glossary.toml",
            "source.toml"
        )
    };
}

macro_rules! names {
    ($($file:literal),*) => { [$($file),*] };
}

/// The seven files of a briefing, in the order they are read.
pub const FILES: [&str; 7] = with_section_files!(names);

/// Larger files are refused before they are read, so a wrong path cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The text of a briefing's files, from a directory or from the binary.
#[derive(Debug, Clone)]
pub struct Files {
    /// How to name the briefing to its author, such as `content/strategic-impasse`.
    pub origin: String,
    pub texts: Vec<(String, String)>,
}

impl Files {
    fn text(&self, name: &str) -> &str {
        self.texts.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str()).unwrap_or("")
    }
}

/// The briefing bundled in the binary, so the reader works from any directory.
pub fn bundled() -> Files {
    macro_rules! bundled {
        ($($file:literal),*) => {
            vec![$(($file.to_owned(), include_str!(concat!("../../content/strategic-impasse/", $file)).to_owned())),*]
        };
    }
    Files { origin: "content/strategic-impasse".to_owned(), texts: with_section_files!(bundled) }
}

/// Reads the seven files of the briefing directory at `dir`.
pub fn read_dir(dir: &Path) -> Result<Files, Report> {
    let origin = dir.display().to_string();
    let mut report = Report::new(origin.clone());
    if !dir.is_dir() {
        let what = if dir.exists() { "is not a directory" } else { "does not exist" };
        report
            .add(Code::NotABriefing, "", None, format!("{origin} {what}"))
            .with_help("give the path of a briefing directory, the one holding briefing.toml");
        return Err(report);
    }
    if !dir.join("briefing.toml").is_file() {
        report
            .add(
                Code::NotABriefing,
                "",
                None,
                format!("{origin} is not a briefing: it has no briefing.toml"),
            )
            .with_help(format!("a briefing directory holds these files: {}", FILES.join(", ")));
        return Err(report);
    }
    let mut texts = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        match std::fs::metadata(&path) {
            Err(_) => {
                report
                    .add(Code::MissingFile, name, None, format!("missing section file {name}"))
                    .with_help(format!(
                        "create {name}; it may hold no entries, but every briefing has all of: {}",
                        FILES.join(", ")
                    ));
                continue;
            }
            Ok(meta) if meta.len() > MAX_FILE_BYTES => {
                report.add(
                    Code::TooLarge,
                    name,
                    None,
                    format!(
                        "{name} is {} bytes, over the limit of {MAX_FILE_BYTES} (16 MiB)",
                        meta.len()
                    ),
                );
                continue;
            }
            Ok(_) => {}
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => texts.push((name.to_owned(), text)),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    report
                        .add(
                            Code::NotUtf8,
                            name,
                            None,
                            format!("{name} is not UTF-8 text (invalid byte at offset {at})"),
                        )
                        .with_help("save the file as UTF-8");
                }
            },
            Err(e) => {
                report.add(Code::Unreadable, name, None, format!("cannot read {name}: {e}"));
            }
        }
    }
    // A TOML file beside the seven would be silently ignored; say so instead.
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut extra: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml") && !FILES.contains(&name.as_str()))
            .collect();
        extra.sort();
        for name in extra {
            report
                .add(
                    Code::NoSection,
                    &name,
                    None,
                    format!("{name} is not a section file; its entries belong to no section"),
                )
                .with_help(format!(
                    "move its entries into one of {}; the reader reads only those",
                    FILES.join(", ")
                ));
        }
    }
    if report.errors() > 0 {
        return Err(report);
    }
    Ok(Files { origin, texts })
}

/// Parses and validates a briefing, returning every problem found when there is any error.
pub fn load(files: &Files) -> Result<Briefing, Report> {
    match validate(files) {
        (Some(briefing), report) if report.errors() == 0 => Ok(briefing),
        (_, report) => Err(report),
    }
}

/// Every problem in a briefing, warnings included, whether or not it loads.
pub fn check(files: &Files) -> Report {
    validate(files).1
}

/// Parses and validates a briefing: the briefing when there is no error, and every problem
/// found either way.
pub fn validate(files: &Files) -> (Option<Briefing>, Report) {
    let mut report = Report::new(files.origin.clone());
    for (name, text) in &files.texts {
        report.add_source(name, text);
    }
    for name in FILES {
        if !files.texts.iter().any(|(n, _)| n == name) {
            report.add(Code::MissingFile, name, None, format!("missing section file {name}"));
        }
    }
    let briefing: Option<format::BriefingFile> = parse(files, "briefing.toml", &mut report);
    let actors: Option<format::ActorsFile> = parse(files, "actors.toml", &mut report);
    let issues: Option<format::IssuesFile> = parse(files, "issues.toml", &mut report);
    let timeline: Option<format::TimelineFile> = parse(files, "timeline.toml", &mut report);
    let places: Option<format::PlacesFile> = parse(files, "places.toml", &mut report);
    let glossary: Option<format::GlossaryFile> = parse(files, "glossary.toml", &mut report);
    let source: Option<format::SourceFile> = parse(files, "source.toml", &mut report);
    let (
        Some(briefing),
        Some(actors),
        Some(issues),
        Some(timeline),
        Some(places),
        Some(glossary),
        Some(source),
    ) = (briefing, actors, issues, timeline, places, glossary, source)
    else {
        return (None, report);
    };

    let mut v =
        Validator { files, report, ids: HashMap::new(), names: Vec::new(), notices: Vec::new() };
    let source = v.source(&source);

    // Every id is registered first, so links may point forwards and across files.
    let mut commons: Vec<(&str, Kind, Common<'_>)> = Vec::new();
    commons.extend(actors.actor.iter().map(|a| ("actors.toml", Kind::Actor, a.common())));
    commons.extend(issues.issue.iter().map(|a| ("issues.toml", Kind::Issue, a.common())));
    commons.extend(timeline.event.iter().map(|a| ("timeline.toml", Kind::Event, a.common())));
    commons.extend(places.place.iter().map(|a| ("places.toml", Kind::Place, a.common())));
    commons.extend(glossary.term.iter().map(|a| ("glossary.toml", Kind::Term, a.common())));
    for (file, kind, common) in &commons {
        v.register(file, *kind, common);
    }

    let mut entities = Vec::with_capacity(commons.len());
    let mut common_iter = commons.iter();
    for actor in &actors.actor {
        let (file, _, common) = common_iter.next().expect("one common per actor");
        let mut entity = v.entity(file, common, &source);
        entity.details = Details::Actor {
            kind: *actor.kind.get_ref(),
            side: *actor.side.get_ref(),
            role: actor.role.as_ref().map(|r| v.text(file, r)),
            affiliation: actor
                .affiliation
                .as_ref()
                .and_then(|a| v.relation(file, a, Some(Kind::Actor), "affiliation")),
            issues: v.relations(file, &actor.issues, Some(Kind::Issue), "issues"),
        };
        entities.push(entity);
    }
    for issue in &issues.issue {
        let (file, _, common) = common_iter.next().expect("one common per issue");
        let mut entity = v.entity(file, common, &source);
        entity.details = Details::Issue {
            related: v.relations(file, &issue.related, Some(Kind::Issue), "related"),
        };
        entities.push(entity);
    }
    let mut previous = None;
    for event in &timeline.event {
        let (file, _, common) = common_iter.next().expect("one common per event");
        let mut entity = v.entity(file, common, &source);
        let date = v.date(file, &event.date);
        let dated = PartialDate::parse(event.date.get_ref().start.get_ref()).is_ok();
        if dated && previous.is_some_and(|p| date.sort_key() < p) {
            v.report
                .add(
                    Code::TimelineOrder,
                    file,
                    Some(event.date.get_ref().start.span()),
                    "this event is dated before the one above it",
                )
                .with_help("the reader sorts by date anyway; keeping the file in date order makes it easier to edit");
        }
        if dated {
            previous = Some(date.sort_key());
        }
        entity.details = Details::Event {
            date,
            actors: v.relations(file, &event.actors, Some(Kind::Actor), "actors"),
            places: v.relations(file, &event.places, Some(Kind::Place), "places"),
            issues: v.relations(file, &event.issues, Some(Kind::Issue), "issues"),
        };
        entities.push(entity);
    }
    for place in &places.place {
        let (file, _, common) = common_iter.next().expect("one common per place");
        let mut entity = v.entity(file, common, &source);
        let location = place.location.as_ref().and_then(|l| {
            let (lat, lon) = (l.get_ref().lat, l.get_ref().lon);
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
                Some(Location { lat, lon })
            } else {
                v.report
                    .add(Code::LocationRange, file, Some(l.span()), "location out of range")
                    .with_help(
                        "latitude runs from -90 to 90 and longitude from -180 to 180 degrees",
                    );
                None
            }
        });
        entity.details =
            Details::Place { country: place.country.as_ref().map(|c| v.plain(file, c)), location };
        entities.push(entity);
    }
    for term in &glossary.term {
        let (file, _, common) = common_iter.next().expect("one common per term");
        let mut entity = v.entity(file, common, &source);
        entity.details = Details::Term {
            expansion: term.expansion.as_ref().map(|e| v.plain(file, e)),
            see_also: v.relations(file, &term.see_also, None, "see_also"),
        };
        entities.push(entity);
    }
    symmetric_related(&mut entities);

    let file = "briefing.toml";
    let title = v.required(file, &briefing.title, "title");
    let publisher = v.required(file, &briefing.publisher, "publisher");
    let publisher_id = briefing
        .publisher_id
        .as_ref()
        .and_then(|p| v.relation(file, p, Some(Kind::Actor), "publisher_id"));
    let author = briefing.author.as_ref().map(|a| v.required(file, a, "author"));
    let url = v.required(file, &briefing.url, "url");
    let published = v.date(file, &briefing.published);
    let summary = v.text(file, &briefing.summary);
    if briefing.key_point.is_empty() {
        v.report
            .add(Code::NoKeyPoints, file, None, "the briefing has no key points")
            .with_help("add [[key_point]] entries with text and cites");
    }
    let key_points = briefing
        .key_point
        .iter()
        .map(|k| KeyPoint { text: v.text(file, &k.text), cites: v.cites(file, &k.cites, &source) })
        .collect();

    if v.report.errors() > 0 {
        return (None, v.report);
    }
    let mut briefing = Briefing {
        title,
        publisher,
        publisher_id,
        author,
        url,
        published,
        summary,
        key_points,
        source,
        entities,
        lists: HashMap::new(),
        positions: Vec::new(),
        backlinks: Vec::new(),
        involved: HashMap::new(),
        cited_by: Vec::new(),
        notices: std::mem::take(&mut v.notices),
        ids: v.ids.iter().map(|(id, (entity, ..))| (id.clone(), *entity)).collect(),
    };
    briefing.build_indexes();
    v.orphans(&briefing);
    (Some(briefing), v.report)
}

fn parse<T: DeserializeOwned>(files: &Files, name: &str, report: &mut Report) -> Option<T> {
    let text = files.texts.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str())?;
    match toml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(e) => {
            let message = e.message().trim().to_owned();
            let code = Code::of_toml_error(&message);
            let help = match code {
                Code::UnknownField => Some("docs/FORMAT.md lists every field this table takes"),
                Code::MissingField => {
                    Some("this field is required; docs/FORMAT.md shows an example")
                }
                _ => None,
            };
            let d = report.add(code, name, e.span(), message);
            if let Some(help) = help {
                d.with_help(help);
            }
            None
        }
    }
}

/// Issue relations are shown both ways: naming B in A's `related` puts A in B's too.
fn symmetric_related(entities: &mut [Entity]) {
    let mut reverse: Vec<(EntityId, EntityId)> = Vec::new();
    for (i, entity) in entities.iter().enumerate() {
        if let Details::Issue { related } = &entity.details {
            reverse.extend(related.iter().map(|r| (*r, EntityId(i as u32))));
        }
    }
    for (target, from) in reverse {
        if let Details::Issue { related } = &mut entities[target.index()].details
            && target != from
            && !related.contains(&from)
        {
            related.push(from);
        }
    }
}

struct Validator<'f> {
    files: &'f Files,
    report: Report,
    /// id → (entity, kind, file, span of its definition)
    ids: HashMap<String, (EntityId, Kind, &'static str, Range<usize>)>,
    names: Vec<String>,
    notices: Vec<String>,
}

impl Validator<'_> {
    fn source(&mut self, source: &format::SourceFile) -> Source {
        let file = "source.toml";
        let title = self.required(file, &source.title, "title");
        let mut paragraphs = Vec::new();
        for (i, p) in source.paragraph.iter().enumerate() {
            let expected = i as i64 + 1;
            if *p.n.get_ref() != expected {
                self.report
                    .add(
                        Code::ParagraphNumbering,
                        file,
                        Some(p.n.span()),
                        format!(
                            "paragraph numbered {} where {expected} was expected",
                            p.n.get_ref()
                        ),
                    )
                    .with_help("number paragraphs 1, 2, 3… in order, with no gaps");
            }
            paragraphs.push(self.required(file, &p.text, "text"));
        }
        if paragraphs.is_empty() {
            self.report
                .add(Code::EmptyField, file, None, "the source has no paragraphs")
                .with_help("add the article as [[paragraph]] entries with n and text");
        }
        Source { title, paragraphs }
    }

    fn register(&mut self, file: &'static str, kind: Kind, common: &Common<'_>) {
        let id = common.id.get_ref();
        let span = common.id.span();
        let valid = !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-');
        if !valid {
            self.report
                .add(Code::InvalidId, file, Some(span.clone()), format!("'{id}' is not a valid id"))
                .with_help(
                    "ids are lowercase letters, digits and hyphens, such as 'missile-defense'",
                );
        }
        if let Some((_, _, first_file, first_span)) = self.ids.get(id) {
            let (line, col) =
                super::diagnostic::line_col(self.files.text(first_file), first_span.start);
            let first_path = self.report.path(first_file);
            self.report
                .add(Code::DuplicateId, file, Some(span), format!("duplicate id '{id}'"))
                .with_label("defined again here")
                .with_help(format!(
                    "'{id}' is first defined at {}:{line}:{col}; ids are unique across the whole briefing",
                    first_path
                ));
            return;
        }
        let entity = EntityId(self.names.len() as u32);
        self.names.push(common.name.get_ref().clone());
        self.ids.insert(id.clone(), (entity, kind, file, span));
    }

    fn entity(&mut self, file: &'static str, c: &Common<'_>, source: &Source) -> Entity {
        let name = self.required(file, c.name, "name");
        let summary = self.text(file, c.summary);
        if c.summary.get_ref().trim().is_empty() {
            self.report
                .add(Code::EmptyField, file, Some(c.summary.span()), "empty `summary`")
                .with_help("give a one-line summary");
        }
        let cites = self.cites(file, c.cites, source);
        let quotes = c
            .quote
            .iter()
            .filter_map(|q| {
                let para = self.paragraph(file, &q.para, source)?;
                let text = self.required(file, &q.text, "text");
                self.verbatim(file, &q.text, &text, para, source, "quote");
                Some(Quote { text, para })
            })
            .collect::<Vec<_>>();
        let context = c
            .context
            .iter()
            .map(|ctx| Context {
                text: self.text(file, &ctx.text),
                source: self.required(file, &ctx.source, "source"),
            })
            .collect::<Vec<_>>();
        let slips = c
            .slip
            .iter()
            .filter_map(|s| {
                let para = self.paragraph(file, &s.para, source)?;
                let said = self.required(file, &s.said, "said");
                self.verbatim(file, &s.said, &said, para, source, "slip");
                Some(Slip {
                    said,
                    correct: self.required(file, &s.correct, "correct"),
                    para,
                    source: s.source.as_ref().map(|src| self.required(file, src, "source")),
                })
            })
            .collect::<Vec<_>>();
        if cites.is_empty() && quotes.is_empty() && context.is_empty() && !c.cites.is_empty() {
            // The cites were all out of range and already reported.
        } else if c.cites.is_empty() && quotes.is_empty() && context.is_empty() {
            self.report
                .add(Code::NoCitation, file, Some(c.id.span()), format!("'{}' cites no paragraph and names no outside source", c.id.get_ref()))
                .with_help("cite the source paragraphs it comes from (cites = [2]) or add a [[…context]] entry naming an outside source");
        }
        Entity {
            id: c.id.get_ref().clone(),
            name,
            aliases: c.aliases.iter().map(|a| self.plain(file, a)).collect(),
            summary,
            description: c.description.map(|d| self.text(file, d)),
            cites,
            quotes,
            context,
            slips,
            details: Details::Issue { related: Vec::new() },
        }
    }

    /// Warns of entities that nothing links to: a reader finds them only by browsing a list.
    fn orphans(&mut self, briefing: &Briefing) {
        let mut linked: Vec<bool> = briefing.backlinks.iter().map(|b| !b.is_empty()).collect();
        let from_briefing = briefing
            .summary
            .entity_links()
            .chain(briefing.key_points.iter().flat_map(|k| k.text.entity_links()))
            .chain(briefing.publisher_id);
        for id in from_briefing {
            linked[id.index()] = true;
        }
        let mut orphans: Vec<_> = self
            .ids
            .iter()
            .filter(|(_, (entity, ..))| !linked[entity.index()])
            .map(|(id, (entity, _, file, span))| (*entity, id.clone(), *file, span.clone()))
            .collect();
        orphans.sort_by_key(|(entity, ..)| *entity);
        for (_, id, file, span) in orphans {
            self.report
                .add(Code::Orphan, file, Some(span), format!("nothing links to '{id}'"))
                .with_help(format!(
                    "link to it as [[{id}]] from a related entry or name it in a relation; otherwise readers reach it only through its list"
                ));
        }
    }

    /// Checks that quoted words appear in the paragraph, whatever the line breaks.
    fn verbatim(
        &mut self,
        file: &str,
        field: &FieldText,
        text: &str,
        para: u32,
        source: &Source,
        what: &str,
    ) {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let paragraph =
            source.paragraphs.get(para as usize - 1).map(|p| squash(p)).unwrap_or_default();
        if !paragraph.contains(&squash(text)) {
            self.report
                .add(Code::NotVerbatim, file, Some(field.span()), format!("this {what} is not in ¶{para} as written"))
                .with_help(format!("a {what} must copy the words of paragraph {para} exactly, quotation marks and apostrophes included"));
        }
    }

    fn cites(&mut self, file: &str, cites: &[Spanned<i64>], source: &Source) -> Vec<u32> {
        let mut out: Vec<u32> =
            cites.iter().filter_map(|c| self.paragraph(file, c, source)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn paragraph(&mut self, file: &str, n: &Spanned<i64>, source: &Source) -> Option<u32> {
        let count = source.paragraphs.len();
        match u32::try_from(*n.get_ref()) {
            Ok(p) if p >= 1 && (p as usize) <= count => Some(p),
            _ => {
                self.report
                    .add(
                        Code::MissingParagraph,
                        file,
                        Some(n.span()),
                        format!("there is no paragraph {}", n.get_ref()),
                    )
                    .with_help(format!("the source has paragraphs 1 to {count}"));
                None
            }
        }
    }

    fn relations(
        &mut self,
        file: &str,
        ids: &[Spanned<String>],
        kind: Option<Kind>,
        field: &str,
    ) -> Vec<EntityId> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(entity) = self.relation(file, id, kind, field)
                && !out.contains(&entity)
            {
                out.push(entity);
            }
        }
        out
    }

    fn relation(
        &mut self,
        file: &str,
        id: &Spanned<String>,
        kind: Option<Kind>,
        field: &str,
    ) -> Option<EntityId> {
        match self.ids.get(id.get_ref().as_str()) {
            Some((entity, found, ..)) if kind.is_none_or(|k| k == *found) => Some(*entity),
            Some((_, found, ..)) => {
                let wanted = kind.expect("checked above");
                self.report
                    .add(
                        Code::WrongKind,
                        file,
                        Some(id.span()),
                        format!(
                            "'{}' is {} {}, but `{field}` takes {}",
                            id.get_ref(),
                            article(found.label()),
                            found.label(),
                            plural(wanted)
                        ),
                    )
                    .with_help(format!("name {} here", plural(wanted)));
                None
            }
            None => {
                self.unknown(file, id.get_ref(), id.span(), kind);
                None
            }
        }
    }

    fn unknown(&mut self, file: &str, id: &str, span: Range<usize>, kind: Option<Kind>) {
        let suggestion = self
            .ids
            .iter()
            .filter(|(_, (_, k, ..))| kind.is_none_or(|want| want == *k))
            .map(|(candidate, _)| (strsim::jaro_winkler(id, candidate), candidate))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        let d = self.report.add(
            Code::UnknownTarget,
            file,
            Some(span),
            format!("unknown link target '{id}'"),
        );
        match suggestion {
            Some((_, candidate)) => d.with_help(format!("did you mean '{candidate}'?")),
            None => d.with_help(
                "no entity has this id; ids are set by `id = \"…\"` in the section files",
            ),
        };
    }

    fn date(&mut self, file: &str, field: &Spanned<DateField>) -> Date {
        let d = field.get_ref();
        let parse = |s: &Spanned<String>, report: &mut Report| match PartialDate::parse(s.get_ref())
        {
            Ok(date) => Some(date),
            Err(message) => {
                report
                    .add(Code::InvalidDate, file, Some(s.span()), message)
                    .with_help("write dates as YYYY, YYYY-MM or YYYY-MM-DD");
                None
            }
        };
        let start = parse(&d.start, &mut self.report);
        let end = d.end.as_ref().and_then(|e| parse(e, &mut self.report));
        let precision = *d.precision.get_ref();
        if let Some(start) = start {
            let fits = match precision {
                Precision::Day | Precision::Week => start.day.is_some(),
                Precision::Month => start.month.is_some() && start.day.is_none(),
                Precision::Year => start.month.is_none(),
                Precision::Approximate => true,
            };
            if !fits {
                let form = match precision {
                    Precision::Day | Precision::Week => "a full date, YYYY-MM-DD",
                    Precision::Month => "a year and month, YYYY-MM",
                    _ => "a year alone, YYYY",
                };
                self.report
                    .add(
                        Code::PrecisionMismatch,
                        file,
                        Some(d.precision.span()),
                        format!("precision does not match the date '{}'", d.start.get_ref()),
                    )
                    .with_help(format!("this precision takes {form}"));
            }
            if let (Some(end), Some(end_field)) = (end, &d.end)
                && end < start
            {
                self.report
                    .add(
                        Code::EndBeforeStart,
                        file,
                        Some(end_field.span()),
                        format!("the end date {end} is before the start date {start}"),
                    )
                    .with_help("a range runs from `start` to a later `end`");
            }
        }
        let basis = *d.basis.get_ref();
        if basis == Basis::Outside && d.source.is_none() {
            self.report
                .add(
                    Code::UnnamedSource,
                    file,
                    Some(d.basis.span()),
                    "a date from an outside source must name it",
                )
                .with_help("add `source = \"…\"` to the date");
        }
        Date {
            start: start.unwrap_or(PartialDate { year: 0, month: None, day: None }),
            end,
            precision,
            basis,
            note: d.note.as_ref().map(|n| self.plain(file, n)),
            source: d.source.as_ref().map(|s| self.required(file, s, "source")),
        }
    }

    /// A plain-text field, cleaned of anything that must not reach a terminal.
    fn plain(&mut self, file: &str, field: &FieldText) -> String {
        let (text, removed) = sanitize::clean(field.get_ref());
        if removed > 0 {
            let (line, col) =
                super::diagnostic::line_col(self.files.text(file), field.span().start);
            let s = if removed == 1 { "" } else { "s" };
            self.notices
                .push(format!("{file}:{line}:{col}: removed {removed} control character{s}"));
            self.report
                .add(
                    Code::ControlCharacters,
                    file,
                    Some(field.span()),
                    format!("{removed} control character{s} or bidi override{s} in this text"),
                )
                .with_help("they are removed before display; delete them from the file");
        }
        text
    }

    fn required(&mut self, file: &str, field: &FieldText, name: &str) -> String {
        let text = self.plain(file, field);
        if text.trim().is_empty() {
            self.report
                .add(Code::EmptyField, file, Some(field.span()), format!("empty `{name}`"))
                .with_help("this field needs a value");
        }
        text
    }

    /// A CommonMark field with its links resolved.
    fn text(&mut self, file: &str, field: &FieldText) -> Text {
        let clean = self.plain(file, field);
        let ids = &self.ids;
        let names = &self.names;
        let resolve =
            |id: &str| ids.get(id).map(|(entity, ..)| (*entity, names[entity.index()].as_str()));
        let (text, unknown) = markup::parse(&clean, &resolve);
        for link in unknown {
            let span = self.link_span(file, field.span(), &link.id);
            self.unknown(file, &link.id, span, None);
        }
        text
    }

    /// Where `[[id` stands in the file, so the caret lands on the link itself.
    fn link_span(&self, file: &str, within: Range<usize>, id: &str) -> Range<usize> {
        let text = self.files.text(file);
        let slice = text.get(within.clone()).unwrap_or("");
        match slice.find(&format!("[[{id}")) {
            Some(at) => {
                let start = within.start + at + 2;
                start..start + id.len()
            }
            None => within,
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}

fn plural(kind: Kind) -> String {
    kind.plural().to_lowercase()
}
