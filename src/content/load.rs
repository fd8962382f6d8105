//! Reading a briefing directory (or the bundled copy) and turning its TOML into a validated
//! `Briefing`, gathering every problem rather than stopping at the first.

use super::date::{Basis, Date, PartialDate, Precision};
use super::diagnostic::{Code, Report};
use super::entries::{self, Entry, Progress, SectionText};
use super::format::{self, ActorKind, Common, DateField, Text as FieldText};
use super::markup::{self, Text};
use super::model::{
    Briefing, Context, Description, Details, Entity, EntityId, KeyPoint, Kind, Location, Quote,
    Rare, Side, SideId, Slip, Source, Stance,
};
use super::reread::{InFiles, Spot};
use super::sanitize::{self, Clean};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

macro_rules! names {
    ($($file:literal),*) => { [$($file),*] };
}

/// The seven files of a briefing, in the order they are read.
pub const FILES: [&str; 7] = with_section_files!(names);

/// Larger files are refused before they are read, so a wrong path cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a text file the one way every file is read: only a regular file (a FIFO or a device
/// would block or never end), opened without blocking, and no more than `MAX_FILE_BYTES`
/// counted as they are read (a device reports a length of 0). `Ok(None)` when there is no
/// such file.
pub fn read_text(path: &Path) -> Result<Option<String>, String> {
    read_text_within(path, MAX_FILE_BYTES)
}

/// `read_text` with a limit of its own, for files that are small by nature.
pub fn read_text_within(path: &Path, limit: u64) -> Result<Option<String>, String> {
    use std::io::Read;
    let Some(file) = open_regular(path)? else { return Ok(None) };
    // The reported length sizes the buffer, so the text is not grown by doubling; the limit
    // is still counted on what is read.
    let expected = file.metadata().map_or(0, |m| m.len()).min(limit) as usize;
    let mut bytes = Vec::with_capacity(expected + 1);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        let mib = limit as f64 / (1024.0 * 1024.0);
        return Err(format!("it is over the limit of {limit} bytes ({mib:.0} MiB)"));
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = super::diagnostic::line_col(before, before.len());
        format!("it is not UTF-8 text (an invalid byte at line {line}, column {column})")
    })
}

/// Opens the regular file at `path` without blocking (a FIFO in its place would hang);
/// `None` when there is none.
pub(super) fn open_regular(path: &Path) -> Result<Option<std::fs::File>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if !meta.is_file() {
        return Err("it is not a regular file".to_owned());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| e.to_string())?;
    // The file may have been swapped for something else between the two looks.
    if !file.metadata().map_err(|e| e.to_string())?.is_file() {
        return Err("it is not a regular file".to_owned());
    }
    Ok(Some(file))
}

/// The text of a briefing's files, from a directory or from the binary.
#[derive(Debug, Clone)]
pub struct Files {
    /// How to name the briefing to its author, such as `content/strategic-impasse`.
    pub origin: String,
    /// Each file's name and text; the text is shared with the report of its problems.
    pub texts: Vec<(String, std::sync::Arc<str>)>,
    /// Where the texts were read from, when from files: a section file's text is then let
    /// go of as soon as its entries are made, and read again only if a warning found later
    /// points into it. Texts made in memory are kept while loading.
    pub read_from: Option<ReadFrom>,
}

impl Files {
    fn text(&self, name: &str) -> &str {
        self.texts.iter().find(|(n, _)| n == name).map(|(_, t)| &**t).unwrap_or("")
    }
}

/// The directory a briefing's files were read from, and what `stat` said of each file read,
/// so that a file read again is known to be the one read first.
#[derive(Debug, Clone)]
pub struct ReadFrom {
    dir: std::path::PathBuf,
    stamps: Vec<(String, Stamp)>,
}

/// A file's device, inode, length and modification time: what a save, a rename over it or
/// a removal changes, and reading does not.
pub type Stamp = (u64, u64, u64, Option<std::time::SystemTime>);

/// What `stat` says of a file; `None` for one that is not there.
pub fn stamp(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().as_ref().map(stamp_of)
}

fn stamp_of(m: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino(), m.len(), m.modified().ok())
}

impl ReadFrom {
    /// The text of `name` read again, if the file is still the one read first; `None` when
    /// it has changed since (a place in it would be wrong) or cannot be read.
    fn again(&self, name: &str) -> Option<std::sync::Arc<str>> {
        let (_, first) = self.stamps.iter().find(|(n, _)| n == name)?;
        let path = self.dir.join(name);
        let same = || stamp(&path).as_ref() == Some(first);
        if !same() {
            return None;
        }
        let text = read_text(&path).ok()??;
        same().then(|| text.into())
    }

    /// The file `name` opened to be read a window at a time, if it is still the one read
    /// first.
    fn windows(&self, name: &str) -> Option<entries::Windows> {
        let (_, first) = self.stamps.iter().find(|(n, _)| n == name)?;
        let file = open_regular(&self.dir.join(name)).ok()??;
        let now = stamp_of(&file.metadata().ok()?);
        (now == *first).then(|| entries::Windows::new(file, first.2, first.3))
    }
}

/// Reads the seven files of the briefing directory at `dir`.
pub fn read_dir(dir: &Path) -> Result<Files, Report> {
    let origin = sanitize::escaped(&dir.display().to_string());
    let mut report = Report::new(origin.clone());
    if !dir.is_dir() {
        let what = if dir.exists() { "is not a directory" } else { "does not exist" };
        report
            .add(Code::NotABriefing, "", None, format!("{origin} {what}"))
            .with_help("give the path of a briefing directory, the one holding briefing.toml");
        return Err(report);
    }
    // A briefing.toml that is there as a link (even one leading nowhere) is a briefing whose
    // file cannot be read, which the files below explain; none at all is no briefing.
    if std::fs::symlink_metadata(dir.join("briefing.toml")).is_err() {
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
    let (mut texts, mut stamps) = (Vec::new(), Vec::new());
    let inside = std::fs::canonicalize(dir).unwrap_or(dir.to_path_buf());
    for name in FILES {
        let path = dir.join(name);
        // A section file may be a link, but only to a file in the briefing's own directory: a
        // link elsewhere could show any file (an environment, a key) inside a diagnostic.
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            match std::fs::canonicalize(&path) {
                Ok(target) if target.starts_with(&inside) => {}
                Ok(_) => {
                    report
                        .add(Code::OutsideBriefing, name, None, format!("{name} is a link to a file outside the briefing directory; it is not read"))
                        .with_help("copy the file into the briefing directory rather than linking to it");
                    continue;
                }
                Err(e) => {
                    report
                        .add(Code::Unreadable, name, None, format!("cannot read {name}: it is a link that leads nowhere ({e})"))
                        .with_help("a link to itself, a loop of links, or a link to a file that is gone; put the file itself here");
                    continue;
                }
            }
        }
        let before = stamp(&path);
        match read_text(&path) {
            Ok(Some(text)) => {
                // Stamped before and after reading: a file changed meanwhile is never read
                // again as if it were the same.
                if let Some(first) = before.filter(|b| Some(b) == stamp(&path).as_ref()) {
                    stamps.push((name.to_owned(), first));
                }
                texts.push((name.to_owned(), text.into()));
            }
            Ok(None) => {
                report
                    .add(Code::MissingFile, name, None, format!("missing section file {name}"))
                    .with_help(format!(
                        "create {name}; it may hold no entries, but every briefing has all of: {}",
                        FILES.join(", ")
                    ));
            }
            Err(why) => {
                let code = if why.contains("over the limit") {
                    Code::TooLarge
                } else if why.contains("UTF-8") {
                    Code::NotUtf8
                } else {
                    Code::Unreadable
                };
                let d = report.add(code, name, None, format!("cannot read {name}: {why}"));
                if code == Code::NotUtf8 {
                    d.with_help("save the file as UTF-8");
                }
            }
        }
    }
    // A TOML file beside the seven would be silently ignored; say so instead.
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut extra: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| sanitize::escaped(&e.file_name().to_string_lossy()))
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
    Ok(Files { origin, texts, read_from: Some(ReadFrom { dir: dir.to_path_buf(), stamps }) })
}

/// Parses and validates a briefing, returning every problem found when there is any error.
pub fn load(files: &Files) -> Result<Briefing, Report> {
    load_with(files.clone(), &Progress::default())
}

/// The same, saying how far it has got in `progress`, and letting go of each file's text as
/// soon as nothing needs it: a large briefing's texts are as large as it is.
pub fn load_with(files: Files, progress: &Progress) -> Result<Briefing, Report> {
    match validate_with(files, progress) {
        Validated { briefing: Some(mut briefing), report, texts } if report.errors() == 0 => {
            // Warnings are not shown when a briefing loads: the texts they point into are
            // not read again.
            drop((report, texts));
            // What the entries were read into: a reader keeps the briefing for a session.
            give_back_freed_memory();
            briefing.build_indexes();
            Ok(briefing)
        }
        validated => Err(validated.report()),
    }
}

/// Every problem in a briefing, warnings included, whether or not it loads.
pub fn check(files: &Files) -> Report {
    validate_with(files.clone(), &Progress::default()).report()
}

/// The same, letting go of each file's text as soon as nothing needs it (the report keeps
/// those it points into).
pub fn check_files(files: Files) -> Report {
    validate_with(files, &Progress::default()).report()
}

/// Parses and validates a briefing: the briefing when there is no error, and every problem
/// found either way.
pub fn validate(files: &Files) -> (Option<Briefing>, Report) {
    let Validated { briefing, mut report, texts } =
        validate_with(files.clone(), &Progress::default());
    texts.place(&mut report);
    drop(texts);
    (briefing.map(Briefing::indexed), report)
}

/// What validating a briefing found: the briefing when there is no error, its indexes not
/// built yet; every problem; and the files' texts, to show each problem in place. What
/// follows needs only some of it: `check` never the briefing, a briefing that loads never
/// its warnings.
struct Validated {
    briefing: Option<Briefing>,
    report: Report,
    texts: Texts,
}

impl Validated {
    /// The report, each problem shown in the text of its file, read again if let go of:
    /// the briefing is let go of first, so the two are never held at once.
    fn report(self) -> Report {
        let Validated { briefing, mut report, texts } = self;
        drop(briefing);
        // The files read again below then take the briefing's place, not more.
        give_back_freed_memory();
        texts.place(&mut report);
        report
    }
}

fn validate_with(mut owned: Files, progress: &Progress) -> Validated {
    let files = &owned;
    let large = files.texts.iter().map(|(_, t)| t.len()).sum::<usize>() >= PARALLEL;
    // Every file is read twice: an outline, then its entries (see below).
    progress.start(2 * files.texts.iter().map(|(_, t)| t.len()).sum::<usize>());
    let mut report = Report::new(files.origin.clone());
    for (name, text) in &files.texts {
        report.add_shared_source(name, std::sync::Arc::clone(text));
    }
    for name in FILES {
        if !files.texts.iter().any(|(n, _)| n == name) {
            report.add(Code::MissingFile, name, None, format!("missing section file {name}"));
        }
    }
    // Each file is read on its own, and each section file one entry at a time, so that a
    // syntax error ends only the entry it is in. When an entry did not parse, its id is
    // unknown, so links to ids that cannot be found are not reported as broken (they may not
    // be).
    let help = |code: Code| match code {
        Code::UnknownField => Some(FIELDS_HELP.to_owned()),
        Code::MissingField => Some(REQUIRED_HELP.to_owned()),
        _ => None,
    };
    let present = |name: &str| files.texts.iter().any(|(n, _)| n == name);
    let mut complete = true;
    // A section file is read twice. First its outline: its structure, and each entry's id
    // and name, so that every id is known before any entry is made into its entity (links
    // point forwards and across files). Then its entries, one at a time, each made into its
    // entity and let go: the entries of a large briefing are never all held at once.
    fn outline<T: serde::de::DeserializeOwned + format::Moved>(
        files: &Files,
        file: &'static str,
        key: &'static str,
        help: &(dyn Fn(Code) -> Option<String> + Sync),
        progress: &Progress,
    ) -> (entries::Outline<'static, T>, Report) {
        let mut report = Report::new("");
        let outline = entries::outline(files.text(file), file, key, &mut report, help, progress);
        entries::unknown_keys(&outline.preamble, &[key], file, &mut report);
        (outline.without_preamble(), report)
    }
    let source_text = named(&files.texts, "source.toml").unwrap_or_default();
    let (
        briefing,
        (actors, a),
        (issues, i),
        (timeline, t),
        (places, p),
        (glossary, g),
        source_part,
    ) = std::thread::scope(|scope| {
        // About half the text on each thread, as briefings are usually balanced: actors,
        // issues and places beside the briefing, timeline, glossary and source.
        let first = scope.spawn(|| {
            let actors =
                outline::<format::ActorField>(files, "actors.toml", "actor", &help, progress);
            let issues =
                outline::<format::IssueField>(files, "issues.toml", "issue", &help, progress);
            let places =
                outline::<format::PlaceField>(files, "places.toml", "place", &help, progress);
            (actors, issues, places)
        });
        let briefing: Option<Entry<format::BriefingFile>> = if present("briefing.toml") {
            let text = files.text("briefing.toml");
            progress.read(2 * text.len());
            match entries::parse(text, "briefing.toml", &mut report) {
                Some(root) => {
                    let root = Spanned::new(0..0, toml::de::DeValue::Table(root.into_inner()));
                    entries::entry(root, 0, "briefing.toml", &mut report, &help)
                }
                None => {
                    complete = false;
                    None
                }
            }
        } else {
            None
        };
        let timeline =
            outline::<format::EventField>(files, "timeline.toml", "event", &help, progress);
        let glossary =
            outline::<format::TermField>(files, "glossary.toml", "term", &help, progress);
        let mut source_report = Report::new("");
        let (paragraphs, source_root, parsed) = entries::section::<format::ParagraphField>(
            &source_text,
            "source.toml",
            "paragraph",
            &mut source_report,
            &help,
            progress,
        );
        entries::unknown_keys(
            &source_root,
            &["title", "paragraph"],
            "source.toml",
            &mut source_report,
        );
        let title: Option<FieldText> = source_root
            .get("title")
            .and_then(|t| entries::value(t, "source.toml", &mut source_report));
        let (actors, issues, places) = first.join().expect("reading a file does not panic");
        (
            briefing,
            actors,
            issues,
            timeline,
            places,
            glossary,
            (paragraphs, title, source_report, parsed),
        )
    });
    let (paragraphs, source_title, source_report, source_parsed) = source_part;
    complete &= source_parsed;
    for (part, parsed) in [
        (a, actors.complete),
        (i, issues.complete),
        (t, timeline.complete),
        (p, places.complete),
        (g, glossary.complete),
    ] {
        report.extend(part);
        complete &= parsed;
    }
    report.extend(source_report);
    let source_present = present("source.toml");

    let mut known = Known {
        origin: files.origin.clone(),
        ids: Defines::default(),
        names: Names::default(),
        complete,
        paragraphs: 0,
        squashed: Vec::new(),
        sides: HashMap::new(),
        sides_known: false,
        in_files: files.read_from.is_some(),
    };
    let mut notices = Vec::new();
    let mut v = Validator::new(&known);
    v.reading("source.toml", named(&files.texts, "source.toml").unwrap_or_default());
    let source = v.source(source_title.as_ref(), &paragraphs, source_present && source_parsed);
    v.finish(&mut report, &mut notices);
    known.paragraphs = source.paragraphs.len();
    // Each paragraph is squashed once, however many quotes it holds.
    known.squashed = source.paragraphs.iter().map(|p| squash(p)).collect();

    // Every id is registered first, so links may point forwards and across files.
    let (mut actors, mut issues, mut timeline, mut places, mut glossary) =
        (actors, issues, timeline, places, glossary);
    let actors_count = actors.headings.len();
    let sections = [
        ("actors.toml", Kind::Actor, std::mem::take(&mut actors.headings)),
        ("issues.toml", Kind::Issue, std::mem::take(&mut issues.headings)),
        ("timeline.toml", Kind::Event, std::mem::take(&mut timeline.headings)),
        ("places.toml", Kind::Place, std::mem::take(&mut places.headings)),
        ("glossary.toml", Kind::Term, std::mem::take(&mut glossary.headings)),
    ];
    // Room for every id and name at once: grown by doubling, the tables would be held twice
    // as they grow, and this is when loading holds the most.
    let count: usize = sections.iter().map(|(_, _, h)| h.len()).sum();
    let names: usize = sections
        .iter()
        .flat_map(|(_, _, h)| h)
        .map(|h| h.name.as_ref().map_or(0, |n| n.len()))
        .sum();
    let id_bytes: usize = sections
        .iter()
        .flat_map(|(_, _, h)| h)
        .map(|h| h.id.as_ref().map_or(0, |i| i.get_ref().len()))
        .sum();
    known.ids.reserve(count, id_bytes);
    known.names.reserve(count, names);
    for (file, kind, headings) in sections {
        for heading in headings {
            known.register(&mut report, file, kind, heading, files.text(file));
        }
    }
    // From here on each section file's text is held by what makes its entries only, and let
    // go of after, unless a problem points into it: the texts of a large briefing are as
    // large as its model.
    report.keep_only_sources_pointed_into();
    // Where the files were read from, for reading their descriptions again.
    let in_files = owned.read_from.as_ref().map(|r| std::sync::Arc::new(InFiles::new(&r.dir)));
    let mut texts = Texts::new(std::mem::take(&mut owned.texts), owned.read_from.take());

    // The format and the sides come first: every actor names its side.
    let mut v = Validator::new(&known);
    v.reading("briefing.toml", texts.kept("briefing.toml"));
    if let Some(meta) = &briefing {
        v.format(&meta.value, &meta.rejected);
    }
    let (sides, declared) = briefing.as_ref().map(|m| v.sides(&m.value.side)).unwrap_or_default();
    v.finish(&mut report, &mut notices);
    known.sides = declared;
    // Without a briefing.toml that parsed, the sides are unknown: an actor's is not wrong.
    known.sides_known = briefing.is_some();

    // The actors and the other four files are made into entities side by side when the
    // briefing is large; each entry is read whole only now, and let go once made.
    let shared = &known;
    let actors_text = texts.take("actors.toml");
    let [issues_text, timeline_text, places_text, glossary_text] =
        ["issues.toml", "timeline.toml", "places.toml", "glossary.toml"].map(|f| texts.take(f));
    // The outlines' trees of values and the texts let go of above are free memory the
    // entities do not all reuse.
    if large {
        give_back_freed_memory();
    }
    // Every entity is made into its place in one vector, the actors by one thread and the
    // others by the other: two vectors joined after would be held twice as they join.
    let mut entities: Vec<Entity> = std::iter::repeat_with(unread).take(count).collect();
    let (actor_room, other_room) = entities.split_at_mut(actors_count.min(count));
    let ((first, mut first_drafts, over_first), (rest, mut drafts, over_rest)) = both(
        large,
        || {
            let (mut v, mut drafts) = (Validator::new(shared), Drafts::default());
            let mut out = Slots::new(actor_room);
            v.reading_only("actors.toml", actors_text, |v, file, text| {
                let actors = actors.entries(text, "actor", progress);
                v.section(actors, file, &help, &mut drafts, &mut out, |v, a| v.actor(a, &source));
                v.unused_sides();
            });
            (v, drafts, out.over)
        },
        || {
            let (mut v, mut drafts) = (Validator::new(shared), Drafts::default());
            let mut out = Slots::new(other_room);
            let (d, o) = (&mut drafts, &mut out);
            v.reading_only("issues.toml", issues_text, |v, file, text| {
                let issues = issues.entries(text, "issue", progress);
                v.section(issues, file, &help, d, o, |v, i| v.issue(i, &source));
            });
            v.reading_only("timeline.toml", timeline_text, |v, file, text| {
                let timeline = timeline.entries(text, "event", progress);
                let mut previous = None;
                v.section(timeline, file, &help, d, o, |v, e| v.event(e, &source, &mut previous));
            });
            v.reading_only("places.toml", places_text, |v, file, text| {
                let places = places.entries(text, "place", progress);
                v.section(places, file, &help, d, o, |v, p| v.place(p, &source));
            });
            v.reading_only("glossary.toml", glossary_text, |v, file, text| {
                let glossary = glossary.entries(text, "term", progress);
                v.section(glossary, file, &help, d, o, |v, t| v.term(t, &source));
            });
            (v, drafts, out.over)
        },
    );
    first.finish(&mut report, &mut notices);
    rest.finish(&mut report, &mut notices);
    first_drafts.files.append(&mut drafts.files);
    first_drafts.report(&mut report);
    // There is an entity for each heading, so nothing is over; were there, it would still
    // be kept, as before.
    entities.extend(over_first.into_iter().chain(over_rest));
    symmetric_related(&mut entities);

    let file = "briefing.toml";
    let Some(meta) = briefing else {
        return Validated { briefing: None, report, texts };
    };
    let mut v = Validator::new(&known);
    let whole_file = 0..texts.kept(file).len();
    v.reading(file, texts.kept(file));
    let b = &meta.value;
    let rejected = &meta.rejected;
    let title = v.need(file, b.title.as_ref(), "title", &whole_file, rejected);
    let title = title.map(|t| v.required(file, t, "title")).unwrap_or_default();
    let publisher = v.need(file, b.publisher.as_ref(), "publisher", &whole_file, rejected);
    let publisher = publisher.map(|p| v.required(file, p, "publisher")).unwrap_or_default();
    let publisher_id = b
        .publisher_id
        .as_ref()
        .and_then(|p| v.relation(file, p, Some(Kind::Actor), "publisher_id"));
    let author = b.author.as_ref().map(|a| v.required(file, a, "author"));
    let url = v.need(file, b.url.as_ref(), "url", &whole_file, rejected);
    let url = url.map(|u| v.required(file, u, "url")).unwrap_or_default();
    let published = v.need(file, b.published.as_ref(), "published", &whole_file, rejected);
    let published = published.map_or_else(Date::unknown, |p| v.date(file, p));
    let summary = v.need(file, b.summary.as_ref(), "summary", &whole_file, rejected);
    let summary = summary.map(|s| v.text(file, s)).unwrap_or_default();
    if b.key_point.is_empty() && !rejected.iter().any(|r| r == "key_point") {
        v.report
            .add(Code::NoKeyPoints, file, None, "the briefing has no key points")
            .with_help("add [[key_point]] entries with text and cites");
    }
    let key_points = b
        .key_point
        .iter()
        .map(|k| KeyPoint {
            text: k.text.as_ref().map(|t| v.text(file, t)).unwrap_or_default(),
            cites: v.cites(file, &k.cites, &source),
        })
        .collect();
    v.finish(&mut report, &mut notices);

    if report.errors() > 0 {
        return Validated { briefing: None, report, texts };
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
        sides,
        entities,
        lists: HashMap::new(),
        positions: Vec::new(),
        backlinks: Default::default(),
        involved: HashMap::new(),
        stances_on: HashMap::new(),
        cited_by: Vec::new(),
        notices,
        ids: Default::default(),
        in_files,
    };
    // The names were needed for bare links only, and the ids' table for loading: the
    // briefing finds an id by its entities' own. Where each was defined is kept for the
    // warnings below.
    let Known { ids, names, .. } = known;
    drop(names);
    let defined: Vec<_> = ids.defined.iter().map(|d| (d.entity, d.file(), d.span())).collect();
    drop(ids);
    // Every id is an entity's once only here: a duplicate is an error, and was returned.
    briefing.ids = super::model::Ids::of(&briefing.entities).0;
    // Orphans are found before the indexes are built; only the texts the report points
    // into are kept.
    orphans(&mut report, &briefing, defined);
    report.keep_only_sources_pointed_into();
    Validated { briefing: Some(briefing), report, texts }
}

/// Where an author who misspelt a field, or left one out, can read the fields a table takes.
const FIELDS_HELP: &str = "`briefing help format` lists every field each table takes";
const REQUIRED_HELP: &str = "this field is required; `briefing help format` shows an example";

/// The briefing format this reader reads.
pub const FORMAT: i64 = 2;

/// Lowercase letters, digits and hyphens, not starting with a hyphen.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Whether a source is a stand-in for one: words that could be said of any fact. A source
/// that names a publisher, a title or a date is never one.
fn is_placeholder_source(source: &str) -> bool {
    const VAGUE: [&str; 24] = [
        "public reports",
        "public sources",
        "public record",
        "public records",
        "news reports",
        "media reports",
        "press reports",
        "reports",
        "various",
        "various sources",
        "multiple sources",
        "several sources",
        "sources",
        "source",
        "internet",
        "the internet",
        "online",
        "the web",
        "common knowledge",
        "general knowledge",
        "tbd",
        "todo",
        "n/a",
        "unknown",
    ];
    let lower = source.to_lowercase();
    // "(checked for this briefing)" and the like say that a source was looked at, not which.
    let bare = lower
        .split('(')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    bare.is_empty() || VAGUE.contains(&bare)
}

/// Stands for an entry that did not deserialize (its problems are reported, so the briefing
/// does not load), keeping later entities in step with the ids registered from the outline.
fn unread() -> Entity {
    Entity {
        id: Default::default(),
        name: Clean::default(),
        aliases: Rare::default(),
        summary: Text::default(),
        description: None,
        cites: Default::default(),
        quotes: Rare::default(),
        context: Rare::default(),
        slips: Rare::default(),
        draft: false,
        details: Details::Issue { related: Box::default() },
    }
}

/// The room for a run of entities, filled in order, one entity for each heading registered:
/// each is put where its id says it is.
struct Slots<'a> {
    room: &'a mut [Entity],
    filled: usize,
    /// Entities beyond the room, which there should never be.
    over: Vec<Entity>,
}

impl<'a> Slots<'a> {
    fn new(room: &'a mut [Entity]) -> Slots<'a> {
        Slots { room, filled: 0, over: Vec::new() }
    }

    fn push(&mut self, entity: Entity) {
        match self.room.get_mut(self.filled) {
            Some(slot) => *slot = entity,
            None => self.over.push(entity),
        }
        self.filled += 1;
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
    // Each issue's list is made again once, with every issue naming it added.
    reverse.sort_by_key(|(target, _)| *target);
    for group in reverse.chunk_by(|a, b| a.0 == b.0) {
        let target = group[0].0;
        if let Details::Issue { related } = &mut entities[target.index()].details {
            let mut list = std::mem::take(related).into_vec();
            for &(_, from) in group {
                if target != from && !list.contains(&from) {
                    list.push(from);
                }
            }
            *related = list.into_boxed_slice();
        }
    }
}

/// The text of `range` of `file` among the texts being read, each with where it starts in
/// its file; empty when it is not held.
fn text_of<'t>(
    reading: &'t [(&str, std::sync::Arc<str>, usize)],
    file: &str,
    range: Range<usize>,
) -> &'t str {
    let Some((_, text, from)) = reading.iter().find(|(f, _, _)| *f == file) else { return "" };
    let (start, end) = (range.start.saturating_sub(*from), range.end.saturating_sub(*from));
    if range.start < *from { "" } else { text.get(start..end.min(text.len())).unwrap_or("") }
}

/// The text of the file `name` among `texts`, shared.
fn named(texts: &[(String, std::sync::Arc<str>)], name: &str) -> Option<std::sync::Arc<str>> {
    texts.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone())
}

/// The files' texts once every id is known. A large section file's text is let go of when
/// its entries are made, which read the file again a window at a time; a smaller one is
/// taken by what makes its entries and let go of after. A problem found then is shown with
/// the file read again whole at the end. A text that cannot be read again (made in
/// memory), or that the caller holds too, is kept: letting go of it would save nothing.
struct Texts {
    held: Vec<(String, std::sync::Arc<str>)>,
    read_from: Option<ReadFrom>,
}

impl Texts {
    fn new(held: Vec<(String, std::sync::Arc<str>)>, read_from: Option<ReadFrom>) -> Texts {
        Texts { held, read_from }
    }

    /// The text of `name`, no longer held here when it can be read again.
    fn take(&mut self, name: &str) -> SectionText {
        let Some(at) = self.held.iter().position(|(n, _)| n == name) else {
            return SectionText::Whole("".into());
        };
        // Only the only holder can let go of it (a weak reference would keep its memory).
        if self.read_from.is_none() || std::sync::Arc::strong_count(&self.held[at].1) > 1 {
            return SectionText::Whole(self.held[at].1.clone());
        }
        let text = self.held.swap_remove(at).1;
        // A small file is read whole: a window would hold most of it anyway.
        let windows = (text.len() >= WINDOWED).then(|| self.read_from.as_ref()?.windows(name));
        match windows.flatten() {
            Some(windows) => SectionText::Windows(windows),
            None => SectionText::Whole(text),
        }
    }

    /// The text of a file that is kept: briefing.toml and source.toml are small.
    fn kept(&self, name: &str) -> std::sync::Arc<str> {
        named(&self.held, name).unwrap_or_default()
    }

    /// Gives the report the text of each file it points into and lacks.
    fn place(&self, report: &mut Report) {
        for file in report.files_without_source() {
            let again = named(&self.held, &file)
                .or_else(|| self.read_from.as_ref().and_then(|r| r.again(&file)));
            if let Some(text) = again {
                report.add_shared_source(&file, text);
            }
        }
    }
}

/// What every entry is checked against, known before any is made into its entity and only
/// read while they are: so the section files can be made into entities side by side.
struct Known {
    /// How to name the briefing, for the reports of its problems.
    origin: String,
    /// Each id and where it is defined. A large briefing has as many as entities, so each is
    /// kept small.
    ids: Defines,
    /// Each entity's name, for the label of a bare link to it.
    names: Names,
    /// Whether every file parsed: when one did not, its ids are unknown, and a link to one of
    /// them is not reported as broken.
    complete: bool,
    /// How many paragraphs the source has, for "¶n" in the text.
    paragraphs: usize,
    /// The paragraphs with their white space squashed, for finding quotes in them.
    squashed: Vec<String>,
    sides: Declared,
    /// Whether the declared sides are known (briefing.toml parsed).
    sides_known: bool,
    /// Whether the files were read from a directory, so long descriptions can be left there.
    in_files: bool,
}

/// Where an id is defined: its entity, kind, file (an index into `FILES`) and the span of
/// its value there.
#[derive(Debug, Clone)]
struct Defined {
    entity: EntityId,
    kind: Kind,
    file: u8,
    span: Range<u32>,
}

impl Defined {
    fn file(&self) -> &'static str {
        FILES[usize::from(self.file)]
    }

    fn span(&self) -> Range<usize> {
        self.span.start as usize..self.span.end as usize
    }
}

/// Every id registered and where it is defined. The ids sit in one buffer and the table
/// holds only their numbers, found by an id's hash: a large briefing has as many ids as
/// entities, and each kept as a string of its own, in a map of strings, took twice as much.
#[derive(Default)]
struct Defines {
    ids: Names,
    defined: Vec<Defined>,
    table: hashbrown::HashTable<u32>,
    hasher: std::hash::RandomState,
}

impl Defines {
    fn reserve(&mut self, ids: usize, bytes: usize) {
        use std::hash::BuildHasher;
        self.ids.reserve(ids, bytes);
        self.defined.reserve_exact(ids);
        let Defines { ids: names, table, hasher, .. } = self;
        table.reserve(ids, |&i| hasher.hash_one(names.at(i as usize)));
    }

    fn get(&self, id: &str) -> Option<&Defined> {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |&i| self.ids.at(i as usize) == id)
            .map(|&i| &self.defined[i as usize])
    }

    /// Adds an id that is not there yet.
    fn insert(&mut self, id: &str, defined: Defined) {
        use std::hash::BuildHasher;
        let i = self.defined.len() as u32;
        self.ids.push(id);
        self.defined.push(defined);
        let Defines { ids, table, hasher, .. } = self;
        table.insert_unique(hasher.hash_one(id), i, |&i| hasher.hash_one(ids.at(i as usize)));
    }

    /// Each id and where it is defined, in the order registered.
    fn iter(&self) -> impl Iterator<Item = (&str, &Defined)> {
        self.defined.iter().enumerate().map(|(i, d)| (self.ids.at(i), d))
    }
}

/// Strings in one buffer, by number: every entity's name, or every id registered. A large
/// briefing has as many as entities.
#[derive(Default)]
struct Names {
    text: String,
    ends: Vec<u32>,
}

impl Names {
    /// Room for `count` strings of `bytes` in all, rather than grown by doubling.
    fn reserve(&mut self, count: usize, bytes: usize) {
        self.text.reserve_exact(bytes);
        self.ends.reserve_exact(count);
    }

    fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len() as u32);
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, entity: EntityId) -> &str {
        self.at(entity.index())
    }

    fn at(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize).unwrap_or("")
    }
}

/// The declared sides: side id → (side, span of its id in briefing.toml).
type Declared = HashMap<String, (SideId, Range<usize>)>;

/// Checks entries and makes them into the model, recording what it finds.
struct Validator<'k> {
    known: &'k Known,
    report: Report,
    /// The texts of the files being read, to place what is found in them.
    reading: Vec<(&'static str, std::sync::Arc<str>, usize)>,
    notices: Vec<Clean>,
    /// Which declared sides an actor is on, by side.
    sides_used: Vec<bool>,
    /// Whether an actor named a side that is not declared.
    side_errors: bool,
}

/// The entries marked `draft`, counted per file, for one warning per file rather than one per
/// entry: a drafted briefing would otherwise bury every other problem.
#[derive(Default)]
struct Drafts {
    /// file → (how many, the first one's place)
    files: Vec<(&'static str, usize, Range<usize>)>,
}

impl Drafts {
    fn count(&mut self, file: &'static str, entity: &Entity, span: &Range<usize>) {
        if !entity.draft {
            return;
        }
        match self.files.iter_mut().find(|(f, ..)| *f == file) {
            Some((_, n, _)) => *n += 1,
            None => self.files.push((file, 1, span.start..span.start + 1)),
        }
    }

    fn report(self, report: &mut Report) {
        for (file, n, first) in self.files {
            let entries = if n == 1 { "1 draft entry" } else { &format!("{n} draft entries") };
            report
                .add(Code::Draft, file, Some(first), format!("{entries} to review"))
                .with_label("the first is here")
                .with_help("check each against the source, then remove its `draft = true`");
        }
    }
}

/// Reports a required field missing at the first line of its entry, which is where its
/// header ([[actor]]) or first field is.
/// Reports a missing field at the first line of its entry, whose text is `entry_text`
/// (empty when it is not held).
fn missing(entry_text: &str, report: &mut Report, file: &str, name: &str, entry: &Range<usize>) {
    let start = entry.start;
    let line_end = start + entry_text.find('\n').unwrap_or(entry_text.len());
    let at = start..line_end.min(entry.end.max(start + 1));
    report
        .add(Code::MissingField, file, Some(at), format!("missing field `{name}`"))
        .with_help(REQUIRED_HELP);
}

/// Words with their white space squashed, for finding a quote whatever its line breaks.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Known {
    /// Registers an entry's id, in the order of the entries, so the entity it becomes has
    /// the id it is registered with.
    fn register(
        &mut self,
        report: &mut Report,
        file: &'static str,
        kind: Kind,
        heading: entries::Heading,
        text: &str,
    ) {
        let Some(id_field) = heading.id else {
            if heading.id_missing {
                missing(text, report, file, "id", &heading.span);
            }
            // Still counted, so entity ids stay in step with the entries.
            self.names.push("");
            return;
        };
        let span = id_field.span();
        let id = id_field.into_inner();
        let entity = EntityId(self.names.len() as u32);
        // A bare [[id]] link shows this name, so it is cleaned as every shown text is.
        let name = heading.name.map(|n| Clean::from(n.as_str())).unwrap_or_default();
        self.names.push(&name);
        if !valid_id(&id) {
            report
                .add(
                    Code::InvalidId,
                    file,
                    Some(span.clone()),
                    format!("'{}' is not a valid id", sanitize::escaped(&id)),
                )
                .with_help(
                    "ids are lowercase letters, digits and hyphens, such as 'missile-defense'",
                );
        }
        if let Some(first) = self.ids.get(&id) {
            let (line, col) = report.position(first.file(), first.span().start).unwrap_or((1, 1));
            let first_path = report.path(first.file());
            report
                .add(Code::DuplicateId, file, Some(span), format!("duplicate id '{id}'"))
                .with_label("defined again here")
                .with_help(format!(
                    "'{id}' is first defined at {}:{line}:{col}; ids are unique across the whole briefing",
                    first_path
                ));
            return;
        }
        let file = FILES.iter().position(|f| *f == file).unwrap_or(0) as u8;
        let span = span.start as u32..span.end as u32;
        self.ids.insert(&id, Defined { entity, kind, file, span });
    }
}

impl<'k> Validator<'k> {
    fn new(known: &'k Known) -> Self {
        Validator {
            known,
            report: Report::new(known.origin.clone()),
            reading: Vec::new(),
            notices: Vec::new(),
            sides_used: vec![false; known.sides.len()],
            side_errors: false,
        }
    }

    /// Starts reading `file`: its text is shared with the report, so that what is found can
    /// say where, line and column.
    fn reading(&mut self, file: &'static str, text: std::sync::Arc<str>) {
        self.report.add_shared_source(file, std::sync::Arc::clone(&text));
        self.reading.push((file, text, 0));
    }

    /// Reads `file` only while `read` does: then its text is let go of, unless something
    /// found points into it. A file read a window at a time is not shared with the report:
    /// what is found in it is shown with the file read again whole at the end.
    fn reading_only(
        &mut self,
        file: &'static str,
        text: SectionText,
        read: impl FnOnce(&mut Self, &'static str, SectionText),
    ) {
        if let SectionText::Whole(text) = &text {
            self.reading(file, text.clone());
        }
        read(self, file, text);
        self.reading.retain(|(f, _, _)| *f != file);
        self.report.keep_only_sources_pointed_into();
    }

    /// Adds what was found to `report` and `notices`, in the order it was found.
    fn finish(self, report: &mut Report, notices: &mut Vec<Clean>) {
        report.extend(self.report);
        notices.extend(self.notices);
    }

    /// Makes each entry of a section file into its entity, in the file's order; an entry
    /// that did not read becomes a stand-in, so later entities keep the ids registered.
    fn section<T: serde::de::DeserializeOwned + format::Moved>(
        &mut self,
        mut entries: entries::Entries<'_, T>,
        file: &'static str,
        help: &(dyn Fn(Code) -> Option<String> + Sync),
        drafts: &mut Drafts,
        out: &mut Slots<'_>,
        mut make: impl FnMut(&mut Self, Entry<T>) -> Entity,
    ) {
        while let Some(entry) = entries.next(file, &mut self.report, help) {
            // The entry's text, for saying where in it a problem is.
            if let Some((window, from)) = entries.window()
                && !self
                    .reading
                    .iter()
                    .any(|(f, t, _)| *f == file && std::sync::Arc::ptr_eq(t, window))
            {
                self.reading.retain(|(f, _, _)| *f != file);
                self.reading.push((file, window.clone(), from));
            }
            let Some(entry) = entry else {
                out.push(unread());
                continue;
            };
            let span = entry.span.clone();
            let entity = make(self, entry);
            drafts.count(file, &entity, &span);
            out.push(entity);
        }
        if let Some(why) = entries.failed() {
            self.report
                .add(Code::Unreadable, file, None, format!("cannot read {file}: {why}"))
                .with_help("read the briefing again once it is saved");
        }
    }

    fn actor(&mut self, actor: Entry<format::ActorField>, source: &Source) -> Entity {
        let (file, span) = ("actors.toml", actor.span.clone());
        let mut entity = self.entity(file, &actor.value.common(), &span, &actor.rejected, source);
        let a = &actor.value;
        let kind = self.need(file, a.kind.as_ref(), "kind", &span, &actor.rejected);
        entity.details = Details::Actor {
            kind: kind.map_or(ActorKind::Group, |k| *k.get_ref()),
            side: a.side.as_ref().and_then(|s| self.side(file, s)),
            role: a.role.as_ref().map(|r| self.text(file, r)),
            affiliation: a
                .affiliation
                .as_ref()
                .and_then(|a| self.relation(file, a, Some(Kind::Actor), "affiliation")),
            issues: self.relations(file, &a.issues, Some(Kind::Issue), "issues"),
            stances: self.stances(file, &a.stance, source),
        };
        entity
    }

    fn issue(&mut self, issue: Entry<format::IssueField>, source: &Source) -> Entity {
        let (file, span) = ("issues.toml", issue.span.clone());
        let mut entity = self.entity(file, &issue.value.common(), &span, &issue.rejected, source);
        entity.details = Details::Issue {
            related: self.relations(file, &issue.value.related, Some(Kind::Issue), "related"),
        };
        entity
    }

    /// An event; `previous` is the date of the one above it, for keeping the file in order.
    fn event(
        &mut self,
        event: Entry<format::EventField>,
        source: &Source,
        previous: &mut Option<(PartialDate, bool, Option<PartialDate>)>,
    ) -> Entity {
        let (file, span) = ("timeline.toml", event.span.clone());
        let mut entity = self.entity(file, &event.value.common(), &span, &event.rejected, source);
        let e = &event.value;
        let date = match self.need(file, e.date.as_ref(), "date", &span, &event.rejected) {
            Some(field) => {
                let date = self.date(file, field);
                let dated = PartialDate::parse(field.get_ref().start.get_ref()).is_ok();
                if dated && previous.is_some_and(|p| date.sort_key() < p) {
                    self.report
                        .add(
                            Code::TimelineOrder,
                            file,
                            Some(field.get_ref().start.span()),
                            "this event is dated before the one above it",
                        )
                        .with_help("the reader sorts by date anyway; keeping the file in date order makes it easier to edit");
                }
                if dated {
                    *previous = Some(date.sort_key());
                }
                date
            }
            None => Date::unknown(),
        };
        entity.details = Details::Event {
            date: Box::new(date),
            actors: self.relations(file, &e.actors, Some(Kind::Actor), "actors"),
            places: self.relations(file, &e.places, Some(Kind::Place), "places"),
            issues: self.relations(file, &e.issues, Some(Kind::Issue), "issues"),
        };
        entity
    }

    fn place(&mut self, place: Entry<format::PlaceField>, source: &Source) -> Entity {
        let (file, span) = ("places.toml", place.span.clone());
        let mut entity = self.entity(file, &place.value.common(), &span, &place.rejected, source);
        let location = place.value.location.as_ref().and_then(|l| {
            let (lat, lon) = (l.get_ref().lat, l.get_ref().lon);
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
                Some(Location { lat, lon })
            } else {
                self.report
                    .add(Code::LocationRange, file, Some(l.span()), "location out of range")
                    .with_help(
                        "latitude runs from -90 to 90 and longitude from -180 to 180 degrees",
                    );
                None
            }
        });
        entity.details = Details::Place {
            country: place.value.country.as_ref().map(|c| self.plain(file, c)),
            location,
        };
        entity
    }

    fn term(&mut self, term: Entry<format::TermField>, source: &Source) -> Entity {
        let (file, span) = ("glossary.toml", term.span.clone());
        let mut entity = self.entity(file, &term.value.common(), &span, &term.rejected, source);
        entity.details = Details::Term {
            expansion: term.value.expansion.as_ref().map(|e| self.plain(file, e)),
            see_also: self.relations(file, &term.value.see_also, None, "see_also"),
        };
        entity
    }

    fn source(
        &mut self,
        title: Option<&FieldText>,
        entries: &[Entry<format::ParagraphField>],
        present: bool,
    ) -> Source {
        let file = "source.toml";
        if !present {
            return Source { title: Clean::default(), paragraphs: Vec::new() };
        }
        let title = match title {
            Some(title) => self.required(file, title, "title"),
            None => {
                self.report
                    .add(Code::MissingField, file, None, "missing field `title`")
                    .with_help(REQUIRED_HELP);
                Clean::default()
            }
        };
        let mut paragraphs = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let p = &entry.value;
            let expected = i as i64 + 1;
            if let Some(n) = self.need(file, p.n.as_ref(), "n", &entry.span, &entry.rejected)
                && *n.get_ref() != expected
            {
                self.report
                    .add(
                        Code::ParagraphNumbering,
                        file,
                        Some(n.span()),
                        format!("paragraph numbered {} where {expected} was expected", n.get_ref()),
                    )
                    .with_help("number paragraphs 1, 2, 3… in order, with no gaps");
            }
            let text = self.need(file, p.text.as_ref(), "text", &entry.span, &entry.rejected);
            paragraphs.push(text.map(|t| self.required(file, t, "text")).unwrap_or_default());
        }
        if paragraphs.is_empty() {
            self.report
                .add(Code::EmptyField, file, None, "the source has no paragraphs")
                .with_help("add the article as [[paragraph]] entries with n and text");
        }
        Source { title, paragraphs }
    }

    /// A required field, or a "missing field" error at its entry (unless it was written and
    /// rejected, which is reported already).
    fn need<'t, T>(
        &mut self,
        file: &str,
        field: Option<&'t T>,
        name: &str,
        entry: &Range<usize>,
        rejected: &[String],
    ) -> Option<&'t T> {
        if field.is_none() && !rejected.iter().any(|r| r == name) {
            missing(
                text_of(&self.reading, file, entry.clone()),
                &mut self.report,
                file,
                name,
                entry,
            );
        }
        field
    }

    fn entity(
        &mut self,
        file: &'static str,
        c: &Common<'_>,
        entry: &Range<usize>,
        rejected: &[String],
        source: &Source,
    ) -> Entity {
        let name = self.need(file, c.name, "name", entry, rejected);
        let name = name.map(|n| self.required(file, n, "name")).unwrap_or_default();
        let summary = match self.need(file, c.summary, "summary", entry, rejected) {
            Some(field) => {
                let text = self.text(file, field);
                if text.plain().trim().is_empty() {
                    let what = if field.get_ref().trim().is_empty() {
                        "empty `summary`"
                    } else {
                        "`summary` holds nothing readable once control characters are removed"
                    };
                    self.report
                        .add(Code::EmptyField, file, Some(field.span()), what)
                        .with_help("give a one-line summary");
                }
                text
            }
            None => Text::default(),
        };
        let cites = self.cites(file, c.cites, source);
        let quotes = c
            .quote
            .iter()
            .filter_map(|q| {
                let para = self.paragraph(file, &q.para, source)?;
                let text = self.required(file, &q.text, "text");
                self.verbatim(file, &q.text, &text, para, "quote");
                Some(Quote { text, para })
            })
            .collect::<Vec<_>>();
        let context = c
            .context
            .iter()
            .map(|ctx| Context {
                text: self.text(file, &ctx.text),
                source: self.named_source(file, &ctx.source),
            })
            .collect::<Vec<_>>();
        let slips = c
            .slip
            .iter()
            .filter_map(|s| {
                let para = self.paragraph(file, &s.para, source)?;
                let said = self.required(file, &s.said, "said");
                self.verbatim(file, &s.said, &said, para, "slip");
                Some(Slip {
                    said,
                    correct: self.required(file, &s.correct, "correct"),
                    para,
                    source: s.source.as_ref().map(|src| self.named_source(file, src)),
                })
            })
            .collect::<Vec<_>>();
        if (cites.is_empty() && quotes.is_empty() && context.is_empty() && !c.cites.is_empty())
            || rejected.iter().any(|r| r == "cites" || r == "quote" || r == "context")
        {
            // The cites were all out of range, or rejected, and already reported.
        } else if c.cites.is_empty()
            && quotes.is_empty()
            && context.is_empty()
            && let Some(id) = c.id
        {
            self.report
                .add(Code::NoCitation, file, Some(id.span()), format!("'{}' cites no paragraph and names no outside source", id.get_ref()))
                .with_help("cite the source paragraphs it comes from (cites = [2]) or add a [[…context]] entry naming an outside source");
        }
        Entity {
            id: c.id.map(|i| i.get_ref().as_str().into()).unwrap_or_default(),
            name,
            aliases: c.aliases.iter().map(|a| self.plain(file, a)).collect(),
            summary,
            description: c.description.map(|d| self.description(file, d)),
            cites: cites.into_iter().collect(),
            quotes: quotes.into(),
            context: context.into(),
            slips: slips.into(),
            draft: c.draft,
            details: Details::Issue { related: Box::default() },
        }
    }

    /// The format version: this reader reads format 2, and says so for any other.
    fn format(&mut self, b: &format::BriefingFile, rejected: &[String]) {
        let file = "briefing.toml";
        match &b.format {
            Some(n) if *n.get_ref() == FORMAT => {}
            Some(n) => {
                self.report
                    .add(
                        Code::FormatVersion,
                        file,
                        Some(n.span()),
                        format!("format {} is not one this reader reads", n.get_ref()),
                    )
                    .with_help(format!(
                        "this reader reads format {FORMAT}; a briefing of another format needs the version of briefing it was written for"
                    ));
            }
            None if rejected.iter().any(|r| r == "format") => {}
            None => {
                self.report
                    .add(Code::FormatVersion, file, Some(0..0), "missing `format`")
                    .with_help(format!(
                        "add `format = {FORMAT}` at the top of briefing.toml; format {FORMAT} declares its sides as [[side]] tables (`briefing help format`)"
                    ));
            }
        }
    }

    /// The declared sides, each id checked and remembered for the actors to name.
    fn sides(&mut self, fields: &[format::SideField]) -> (Vec<Side>, Declared) {
        let mut declared: Declared = HashMap::new();
        let file = "briefing.toml";
        let mut sides = Vec::new();
        for field in fields {
            let (Some(id), Some(name)) = (&field.id, &field.name) else {
                let missing = if field.id.is_none() { "id" } else { "name" };
                let at =
                    field.id.as_ref().map(|i| i.span()).or(field.name.as_ref().map(|n| n.span()));
                self.report
                    .add(Code::MissingField, file, at, format!("a [[side]] without `{missing}`"))
                    .with_help("each side has an id (which actors name) and a name (which the Actors list shows)");
                continue;
            };
            let text = id.get_ref();
            if !valid_id(text) {
                self.report
                    .add(
                        Code::InvalidId,
                        file,
                        Some(id.span()),
                        format!("'{}' is not a valid side id", sanitize::escaped(text)),
                    )
                    .with_help(
                        "ids are lowercase letters, digits and hyphens, such as 'united-states'",
                    );
            }
            if let Some((_, first)) = declared.get(text) {
                let (line, col) = self.report.position(file, first.start).unwrap_or((1, 1));
                self.report
                    .add(Code::DuplicateId, file, Some(id.span()), format!("duplicate side '{text}'"))
                    .with_label("declared again here")
                    .with_help(format!("'{text}' is first declared at line {line}, column {col}; each side is declared once"));
                continue;
            }
            let Ok(index) = u16::try_from(sides.len()) else {
                self.report
                    .add(Code::WrongType, file, Some(id.span()), "more than 65,535 sides")
                    .with_help("group actors into fewer sides");
                break;
            };
            declared.insert(text.clone(), (SideId(index), id.span()));
            sides.push(Side {
                id: text.clone(),
                name: self.required(file, name, "name"),
                description: field.description.as_ref().map(|d| self.text(file, d)),
            });
        }
        (sides, declared)
    }

    /// The side an actor names, or an error with the nearest declared one.
    fn side(&mut self, file: &str, id: &Spanned<String>) -> Option<SideId> {
        if let Some((side, _)) = self.known.sides.get(id.get_ref().as_str()) {
            self.sides_used[side.0 as usize] = true;
            return Some(*side);
        }
        let suggestion = self
            .known
            .sides
            .keys()
            .map(|candidate| (strsim::jaro_winkler(id.get_ref(), candidate), candidate))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        self.side_errors = true;
        if !self.known.sides_known {
            return None;
        }
        let d = self.report.add(
            Code::UnknownSide,
            file,
            Some(id.span()),
            format!("unknown side '{}'", sanitize::escaped(id.get_ref())),
        );
        match suggestion {
            Some((_, candidate)) => d.with_help(format!("did you mean '{candidate}'?")),
            None if self.known.sides.is_empty() => d.with_help(
                "briefing.toml declares no sides; declare it there as [[side]] with an id and a name",
            ),
            None => {
                let mut known: Vec<&str> = self.known.sides.keys().map(String::as_str).collect();
                known.sort_unstable();
                d.with_help(format!(
                    "the sides declared in briefing.toml are {}; declare it there as [[side]], or leave `side` out for an actor on none",
                    known.join(", ")
                ))
            }
        };
        None
    }

    /// Warns of declared sides no actor is on: an empty group in the Actors list.
    fn unused_sides(&mut self) {
        // A side named wrongly leaves the right one unused: the error says it already.
        if self.side_errors {
            return;
        }
        let mut unused: Vec<(String, Range<usize>)> = self
            .known
            .sides
            .iter()
            .filter(|(_, (side, _))| {
                !self.sides_used.get(side.0 as usize).copied().unwrap_or(false)
            })
            .map(|(id, (_, span))| (id.clone(), span.clone()))
            .collect();
        unused.sort_by_key(|(_, span)| span.start);
        for (id, span) in unused {
            self.report
                .add(
                    Code::UnusedSide,
                    "briefing.toml",
                    Some(span),
                    format!("no actor is on the side '{id}'"),
                )
                .with_help(format!(
                    "name it in an actor's `side = \"{id}\"`, or remove the [[side]]"
                ));
        }
    }

    /// An actor's stances, each checked: an issue that exists and is one, a position, a line,
    /// something in the source it rests on, and at most one per issue.
    fn stances(
        &mut self,
        file: &'static str,
        fields: &[Spanned<format::StanceField>],
        source: &Source,
    ) -> Box<[Stance]> {
        let mut out: Vec<Stance> = Vec::new();
        let mut seen: Vec<(EntityId, Range<usize>)> = Vec::new();
        for field in fields {
            let span = field.span();
            let s = field.get_ref();
            let issue = self.need(file, s.issue.as_ref(), "issue", &span, &[]);
            let issue = issue.and_then(|i| self.relation(file, i, Some(Kind::Issue), "issue"));
            let position = self.need(file, s.position.as_ref(), "position", &span, &[]);
            let line = self.need(file, s.line.as_ref(), "line", &span, &[]);
            let line = line.map(|l| {
                let text = self.text(file, l);
                if text.plain().trim().is_empty() {
                    self.report
                        .add(Code::EmptyField, file, Some(l.span()), "empty `line`")
                        .with_help("say the stance in one line, in the briefing's words");
                }
                text
            });
            let basis = self.need(file, s.basis.as_ref(), "basis", &span, &[]);
            if let Some(b) = basis
                && *b.get_ref() == Basis::Outside
                && s.source.is_none()
            {
                self.report
                    .add(
                        Code::UnnamedSource,
                        file,
                        Some(b.span()),
                        "a stance from an outside source must name it",
                    )
                    .with_help("add `source = \"…\"` to the stance, or rest it on the article");
            }
            let cites = self.cites(file, &s.cites, source);
            let quote = s.quote.as_ref().and_then(|q| {
                let para = self.paragraph(file, &q.para, source)?;
                let text = self.required(file, &q.text, "text");
                self.verbatim(file, &q.text, &text, para, "quote");
                Some(Quote { text, para })
            });
            if s.cites.is_empty()
                && s.quote.is_none()
                && basis.is_none_or(|b| *b.get_ref() != Basis::Outside)
            {
                let at = s.issue.as_ref().map_or(span.start..span.start + 1, |i| i.span());
                self.report
                    .add(Code::StanceWithoutEvidence, file, Some(at), "this stance cites no paragraph and quotes nothing")
                    .with_help("a stance rests on the source: add `cites = [n]` or a `quote = { text = \"…\", para = n }`");
            }
            let Some(issue) = issue else { continue };
            let at = s.issue.as_ref().map_or(span.clone(), |i| i.span());
            if let Some((_, first)) = seen.iter().find(|(i, _)| *i == issue) {
                let (line, col) = self.report.position(file, first.start).unwrap_or((1, 1));
                let name = s.issue.as_ref().map_or(String::new(), |i| i.get_ref().clone());
                self.report
                    .add(Code::DuplicateStance, file, Some(at), format!("a second stance on '{name}'"))
                    .with_label("taken again here")
                    .with_help(format!("the first is at line {line}, column {col}; an actor takes one stance on an issue: say the nuance in its line, or choose `divided`"));
                continue;
            }
            seen.push((issue, at));
            let (Some(position), Some(line), Some(basis)) = (position, line, basis) else {
                continue;
            };
            out.push(Stance {
                issue,
                position: *position.get_ref(),
                line,
                cites,
                quote,
                basis: *basis.get_ref(),
                source: s.source.as_ref().map(|src| self.named_source(file, src)),
            });
        }
        // A boxed slice: most actors take one stance or none, and no room is kept for more.
        out.into()
    }

    /// Checks that quoted words appear in the paragraph, whatever the line breaks.
    fn verbatim(&mut self, file: &str, field: &FieldText, text: &str, para: u32, what: &str) {
        let paragraph =
            self.known.squashed.get(para as usize - 1).map(String::as_str).unwrap_or("");
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
    ) -> Box<[EntityId]> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(entity) = self.relation(file, id, kind, field)
                && !out.contains(&entity)
            {
                out.push(entity);
            }
        }
        out.into()
    }

    fn relation(
        &mut self,
        file: &str,
        id: &Spanned<String>,
        kind: Option<Kind>,
        field: &str,
    ) -> Option<EntityId> {
        match self.known.ids.get(id.get_ref().as_str()) {
            Some(d) if kind.is_none_or(|k| k == d.kind) => Some(d.entity),
            Some(Defined { kind: found, .. }) => {
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
        if !self.known.complete {
            // The id may be defined in a file that did not parse.
            return;
        }
        let suggestion = self
            .known
            .ids
            .iter()
            .filter(|(_, d)| kind.is_none_or(|want| want == d.kind))
            .map(|(candidate, _)| (strsim::jaro_winkler(id, candidate), candidate))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        let d = self.report.add(
            Code::UnknownTarget,
            file,
            Some(span),
            format!("unknown link target '{}'", sanitize::escaped(id)),
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
            source: d.source.as_ref().map(|s| self.named_source(file, s)),
        }
    }

    /// A plain-text field, cleaned of anything that must not reach a terminal.
    fn plain(&mut self, file: &str, field: &FieldText) -> Clean {
        let (text, removed) = Clean::new(field.get_ref());
        if removed > 0 {
            let (line, col) = self.report.position(file, field.span().start).unwrap_or((1, 1));
            let s = if removed == 1 { "" } else { "s" };
            self.notices.push(
                format!("{file}:{line}:{col}: removed {removed} control character{s}").into(),
            );
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

    fn required(&mut self, file: &str, field: &FieldText, name: &str) -> Clean {
        let text = self.plain(file, field);
        if text.trim().is_empty() {
            self.report
                .add(Code::EmptyField, file, Some(field.span()), format!("empty `{name}`"))
                .with_help("this field needs a value");
        }
        text
    }

    /// An outside source, which must name a document a reader could find: "Public reports"
    /// or "various sources" names none, and is warned of.
    fn named_source(&mut self, file: &str, field: &FieldText) -> Clean {
        let source = self.required(file, field, "source");
        if is_placeholder_source(&source) {
            self.report
                .add(
                    Code::VagueSource,
                    file,
                    Some(field.span()),
                    format!("“{source}” names no document a reader could find"),
                )
                .with_help("name the document: its publisher, title and date, such as “Ministry of Example Affairs, press release, 15 March 2020”");
        }
        source
    }

    /// A CommonMark field with its links resolved.
    fn text(&mut self, file: &str, field: &FieldText) -> Text {
        let clean = self.plain(file, field);
        let ids = &self.known.ids;
        let names = &self.known.names;
        let resolve = |id: &str| ids.get(id).map(|d| (d.entity, names.get(d.entity)));
        let (text, problems) = markup::parse(&clean, &resolve, self.known.paragraphs);
        for link in problems.links {
            let span = self.link_span(file, field.span(), &link.id);
            self.unknown(file, &link.id, span, None);
        }
        for paragraph in problems.paragraphs {
            let span = self.link_span(file, field.span(), &format!("¶{}", paragraph.n));
            self.report
                .add(
                    Code::MissingParagraph,
                    file,
                    Some(span),
                    format!("there is no paragraph {}", paragraph.n),
                )
                .with_help(format!("the source has paragraphs 1 to {}", self.known.paragraphs));
        }
        text
    }

    /// A description: made and checked as any text, then left in its file when the briefing
    /// was read from one and it is long enough to be worth reading again.
    fn description(&mut self, file: &str, field: &FieldText) -> Description {
        let text = self.text(file, field);
        let span = field.span();
        if !self.known.in_files || span.len() < LEFT_IN_FILE {
            return Description::Held(text);
        }
        match Spot::of(file, span.clone(), text_of(&self.reading, file, span)) {
            Some(at) => Description::InFile { at, links: text.entity_links().collect() },
            None => Description::Held(text),
        }
    }

    /// Where `[[id` stands in the file, so the caret lands on the link itself.
    fn link_span(&self, file: &str, within: Range<usize>, id: &str) -> Range<usize> {
        let slice = text_of(&self.reading, file, within.clone());
        let (needle, skip) =
            if id.starts_with('¶') { (id.to_owned(), 0) } else { (format!("[[{id}"), 2) };
        match slice.find(&needle) {
            Some(at) => {
                let start = within.start + at + skip;
                start..start + needle.len() - skip
            }
            None => within,
        }
    }
}

/// Descriptions whose TOML string takes this many bytes or more are left in their files
/// (see `Description`): a shorter one takes little more held than its place does.
const LEFT_IN_FILE: usize = 128;

/// Section files of this many bytes or more are read again a window at a time when their
/// entries are made.
const WINDOWED: usize = 256 * 1024;

/// Briefings of this many bytes or more are made into entities on two threads: below it,
/// starting a thread costs more than it saves.
const PARALLEL: usize = 512 * 1024;

/// Gives memory that was let go of back to the system. glibc's allocator keeps what is freed
/// for its next allocations, and only what lies at the end of its heap goes back by itself:
/// after a large briefing's texts and outlines are let go of, or a briefing replaced by its
/// reload, the rest would stay resident for as long as the reader runs (7 MB at 100,000
/// entities). Elsewhere the allocator gives it back by itself, or it is left as it is.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands whole free pages of the allocator's own arenas back to
    // the system, under the arenas' locks; no memory in use is touched.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Runs `a` and `b`, side by side when `parallel`.
fn both<A: Send, B>(parallel: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let a = scope.spawn(a);
        let b = b();
        (a.join().expect("making entities does not panic"), b)
    })
}

/// Warns of entities that nothing links to: a reader finds them only by browsing a list.
fn orphans(
    report: &mut Report,
    briefing: &Briefing,
    mut defined: Vec<(EntityId, &'static str, Range<usize>)>,
) {
    // Linked from another entity, or from the briefing itself.
    let mut linked = vec![false; briefing.entities.len()];
    for (i, entity) in briefing.entities.iter().enumerate() {
        let from = EntityId(i as u32);
        let targets = entity.relations().into_iter().chain(entity.text_links());
        for target in targets.filter(|t| *t != from) {
            linked[target.index()] = true;
        }
    }
    let from_briefing = briefing
        .summary
        .entity_links()
        .chain(briefing.key_points.iter().flat_map(|k| k.text.entity_links()))
        .chain(briefing.publisher_id);
    for id in from_briefing {
        linked[id.index()] = true;
    }
    defined.retain(|(entity, ..)| !linked[entity.index()]);
    defined.sort_by_key(|(entity, ..)| *entity);
    for (entity, file, span) in defined {
        let id = &briefing.entity(entity).id;
        report
            .add(Code::Orphan, file, Some(span), format!("nothing links to '{id}'"))
            .with_help(format!(
                "link to it as [[{id}]] from a related entry or name it in a relation; otherwise readers reach it only through its list"
            ));
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}

fn plural(kind: Kind) -> String {
    kind.plural().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_registered_is_found_and_no_other() {
        let mut ids = Defines::default();
        ids.reserve(2, 4);
        let defined =
            |n: u32| Defined { entity: EntityId(n), kind: Kind::Issue, file: 2, span: n..n + 1 };
        // More than reserved, so the table grows with ids already in it.
        for n in 0..5_000 {
            ids.insert(&format!("issue-{n}"), defined(n));
        }
        for n in (0..5_000).step_by(7) {
            assert_eq!(ids.get(&format!("issue-{n}")).map(|d| d.entity), Some(EntityId(n)));
        }
        assert!(
            ids.get("issue-5000").is_none() && ids.get("").is_none() && ids.get("issue-").is_none()
        );
        let listed: Vec<_> = ids.iter().take(2).map(|(id, d)| (id.to_owned(), d.span())).collect();
        assert_eq!(listed, [("issue-0".to_owned(), 0..1), ("issue-1".to_owned(), 1..2)]);
    }

    #[test]
    fn a_file_is_read_again_only_while_it_is_the_one_first_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actors.toml");
        std::fs::write(&path, "first").unwrap();
        let stamps = vec![("actors.toml".to_owned(), stamp(&path).unwrap())];
        let read_from = ReadFrom { dir: dir.path().to_path_buf(), stamps };
        assert_eq!(read_from.again("actors.toml").as_deref(), Some("first"));
        assert_eq!(read_from.again("issues.toml"), None, "a file not read first");
        // Saved since, as editors save (a new file renamed over it), with the same length: a
        // place found in the first text would be wrong in this one.
        let new = dir.path().join("actors.toml.new");
        std::fs::write(&new, "again").unwrap();
        std::fs::rename(&new, &path).unwrap();
        assert_eq!(read_from.again("actors.toml"), None);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(read_from.again("actors.toml"), None, "a file gone");
    }
}
