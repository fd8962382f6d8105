//! Reading TOML so that one bad entry, or one bad field, never hides another.
//!
//! A file is parsed once into spanned values (`toml::de::DeTable`). Each entry is then
//! deserialized on its own; when serde rejects a field, the problem is recorded at its line
//! and column, the field is set aside and the entry is read again without it, so every other
//! field is still checked. Only a syntax error, which breaks the TOML itself, ends a file.

use super::diagnostic::{Code, Report};
use super::format::Moved;
use serde::de::DeserializeOwned;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// How far loading has got, in bytes of the files read, for a progress line on a long load.
/// Loading updates it; another thread may read it.
#[derive(Debug, Default)]
pub struct Progress {
    done: std::sync::atomic::AtomicUsize,
    total: std::sync::atomic::AtomicUsize,
}

impl Progress {
    pub fn start(&self, total: usize) {
        self.total.store(total, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn read(&self, bytes: usize) {
        self.done.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }

    /// How much is done, from 0 to 100.
    pub fn percent(&self) -> usize {
        let total = self.total.load(std::sync::atomic::Ordering::Relaxed).max(1);
        (self.done.load(std::sync::atomic::Ordering::Relaxed) * 100 / total).min(100)
    }
}

/// An entry that deserialized, with the names of the fields that were present but rejected
/// (reported already), so that "missing field" is not said of them too.
#[derive(Debug)]
pub struct Entry<T> {
    pub value: T,
    pub rejected: Vec<String>,
    /// Where the whole entry stands in its file.
    pub span: Range<usize>,
}

impl<T> Entry<T> {
    /// Whether a field was written but rejected, so its absence is already explained.
    pub fn was_rejected(&self, field: &str) -> bool {
        self.rejected.iter().any(|f| f == field)
    }
}

/// Parses a file's text into its top-level table, reporting every syntax error found.
pub fn parse<'a>(text: &'a str, file: &str, report: &mut Report) -> Option<Spanned<DeTable<'a>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    for error in errors {
        let message = error.message().trim().to_owned();
        report.add(Code::Syntax, file, error.span(), message);
    }
    None
}

/// Deserializes one value, reporting what is wrong with it where it stands.
pub fn value<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    file: &str,
    report: &mut Report,
) -> Option<T> {
    value_from(value, 0, file, report)
}

/// The same for a value parsed from a part of its file that starts at `from`.
fn value_from<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    from: usize,
    file: &str,
    report: &mut Report,
) -> Option<T> {
    match T::deserialize(ValueDeserializer::from(value.clone())) {
        Ok(v) => Some(v),
        Err(error) => {
            let message = error.message().trim().to_owned();
            let span = moved(error.span().unwrap_or(value.span()), from);
            report.add(Code::of_toml_error(&message), file, Some(span), message);
            None
        }
    }
}

fn moved(span: Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

/// Deserializes a table as `T`, field by field: each rejected field is reported and set
/// aside, and the rest is read again, until it reads or a required field is missing.
///
/// `from` is where the part of the file the table was parsed from starts (0 for a whole
/// file): problems and the entry's own span are placed where they stand in the file, but
/// the value's spans are left counted from `from` ([`entry_from`] moves them).
pub fn entry<T: DeserializeOwned>(
    value: Spanned<DeValue<'_>>,
    from: usize,
    file: &str,
    report: &mut Report,
    help: &(dyn Fn(Code) -> Option<String> + Sync),
) -> Option<Entry<T>> {
    let span = value.span();
    let mut table = match value.into_inner() {
        DeValue::Table(table) => table,
        other => {
            let value = Spanned::new(span.clone(), other);
            return value_from(&value, from, file, report).map(|v| Entry {
                value: v,
                rejected: Vec::new(),
                span: moved(span, from),
            });
        }
    };
    let mut rejected: Vec<String> = Vec::new();
    // Each pass sets aside one field, so there are at most as many passes as fields.
    for _ in 0..=table.len() {
        let attempt = Spanned::new(span.clone(), DeValue::Table(table.clone()));
        let error = match T::deserialize(ValueDeserializer::from(attempt)) {
            Ok(value) => return Some(Entry { value, rejected, span: moved(span, from) }),
            Err(error) => error,
        };
        let mut message = error.message().trim().to_owned();
        let code = Code::of_toml_error(&message);
        if code == Code::MissingField
            && rejected.iter().any(|f| message.contains(&format!("`{f}`")))
        {
            // A required field was written but rejected: already reported.
            return None;
        }
        let at = error.span().unwrap_or(span.clone());
        let culprit = table
            .iter()
            .find(|(k, v)| contains(&k.span(), &at) || contains(&v.span(), &at))
            .map(|(k, v)| (k.get_ref().to_string(), v.get_ref().type_str()));
        // toml says only "wanted string or table" of a number where a word belongs.
        if message.starts_with("wanted string or table")
            && let Some((field, found)) = &culprit
        {
            message =
                format!("invalid type: `{field}` takes a word in quotes, not {}", article(found));
        }
        let culprit = culprit.map(|(field, _)| field);
        let diagnostic = report.add(code, file, Some(moved(at, from)), message);
        if let Some(help) = help(code) {
            diagnostic.with_help(help);
        }
        match culprit {
            Some(field) => {
                table.remove(field.as_str());
                rejected.push(field);
            }
            None => return None,
        }
    }
    None
}

/// An entry parsed from a part of its file that starts at `from`, its spans moved to where
/// they stand in the file once it is read.
fn entry_from<T: DeserializeOwned + Moved>(
    value: Spanned<DeValue<'_>>,
    from: usize,
    file: &str,
    report: &mut Report,
    help: &(dyn Fn(Code) -> Option<String> + Sync),
) -> Option<Entry<T>> {
    let entry = entry::<T>(value, from, file, report, help)?;
    Some(if from == 0 { entry } else { Entry { value: entry.value.moved(from), ..entry } })
}

/// The array of tables under `key` (`[[actor]]`), each entry read on its own.
pub fn entries<T: DeserializeOwned>(
    root: &DeTable<'_>,
    key: &str,
    file: &str,
    report: &mut Report,
    help: &(dyn Fn(Code) -> Option<String> + Sync),
) -> Vec<Entry<T>> {
    let Some(value) = root.get(key) else { return Vec::new() };
    match value.get_ref() {
        DeValue::Array(items) => {
            items.iter().filter_map(|item| entry(item.clone(), 0, file, report, help)).collect()
        }
        other => {
            report
                .add(
                    Code::WrongType,
                    file,
                    Some(value.span()),
                    format!(
                        "`{key}` must be an array of tables ([[{key}]]), not {}",
                        other.type_str()
                    ),
                )
                .with_help(format!("write each entry under its own [[{key}]] heading"));
            Vec::new()
        }
    }
}

/// A section file read one entry at a time: each `[[key]]` table is parsed on its own, so no
/// more than one entry's values are held at once, whatever the size of the file, and a syntax
/// error ends only the entry it is in. Returns the entries, the table of what stands before
/// the first of them, and whether every part parsed.
pub fn section<'a, T: DeserializeOwned + Moved>(
    text: &'a std::sync::Arc<str>,
    file: &str,
    key: &str,
    report: &mut Report,
    help: &(dyn Fn(Code) -> Option<String> + Sync),
    progress: &Progress,
) -> (Vec<Entry<T>>, DeTable<'a>, bool) {
    let mut outline = outline::<T>(text, file, key, report, help, progress);
    let preamble = std::mem::take(&mut outline.preamble);
    let complete = outline.complete;
    let mut reading = outline.entries(SectionText::Whole(text.clone()), key, progress);
    let mut out = Vec::new();
    while let Some(entry) = reading.next(file, report, help) {
        out.extend(entry);
    }
    (out, preamble, complete)
}

/// A section file after its first reading: each part parsed once for its structure and the
/// id and name of every entry, so that every id is known before any entry is made into its
/// entity. A small file's entries are read whole then; a large file's parts are parsed again
/// when its entries are read ([`Outline::entries`]), one at a time, rather than keeping
/// every entry's values: that is what would cost memory.
#[derive(Debug)]
pub struct Outline<'a, T> {
    parts: Vec<Part<T>>,
    /// What stands outside the entries, such as a file's title.
    pub preamble: DeTable<'a>,
    /// Whether every part parsed.
    pub complete: bool,
    /// Every entry in the file's order, as it will be read.
    pub headings: Vec<Heading>,
}

#[derive(Debug)]
enum Part<T> {
    /// The entries of a part read at the first reading (`None` for one that did not
    /// deserialize), and where the part stands in its file.
    Read(Range<usize>, Vec<Option<Entry<T>>>),
    /// A part of a large file that parsed, to be parsed again when its entries are read.
    Again(Range<usize>),
}

impl<T> Part<T> {
    fn range(&self) -> &Range<usize> {
        match self {
            Part::Read(range, _) | Part::Again(range) => range,
        }
    }
}

/// What the first reading knows of an entry: enough to register it for links.
#[derive(Debug)]
pub struct Heading {
    /// The `id`, when it is written as a string. Ids and names are short, and a large
    /// briefing has a heading for every entity: each is kept inline, not allocated.
    pub id: Option<Spanned<compact_str::CompactString>>,
    /// Whether the entry is a table with no `id` at all; an id of another type is reported
    /// when the entry is read.
    pub id_missing: bool,
    /// The `name`, when it is written as a string.
    pub name: Option<compact_str::CompactString>,
    /// Where the whole entry stands in its file.
    pub span: Range<usize>,
}

impl Heading {
    /// The heading of an entry parsed from a part of its file that starts at `from`.
    fn of(item: &Spanned<DeValue<'_>>, from: usize) -> Heading {
        let moved = |span: Range<usize>| span.start + from..span.end + from;
        let string = |field: &str| match item.get_ref() {
            DeValue::Table(t) => t.get(field).and_then(|v| match v.get_ref() {
                DeValue::String(s) => Some(Spanned::new(moved(v.span()), (**s).into())),
                _ => None,
            }),
            _ => None,
        };
        Heading {
            id: string("id"),
            id_missing: matches!(item.get_ref(), DeValue::Table(t) if !t.contains_key("id")),
            name: string("name").map(Spanned::into_inner),
            span: moved(item.span()),
        }
    }
}

/// The first reading of a section file: syntax errors, entries that are not tables of
/// tables, and stray keys are reported here, and each entry's heading is noted. A small
/// file's entries are read whole too, and their problems reported.
pub fn outline<'a, T: DeserializeOwned + Moved>(
    text: &'a str,
    file: &str,
    key: &str,
    report: &mut Report,
    help: &(dyn Fn(Code) -> Option<String> + Sync),
    progress: &Progress,
) -> Outline<'a, T> {
    let mut outline = Outline {
        parts: Vec::new(),
        preamble: DeTable::default(),
        complete: true,
        headings: Vec::new(),
    };
    // A small file is parsed whole: splitting it would cost more than the little memory its
    // tree of values takes.
    let whole = text.len() < WHOLE;
    let bounds = if whole { vec![0] } else { entry_starts(text, key) };
    // One entry a part: room for every heading at once, rather than grown by doubling.
    outline.headings.reserve_exact(bounds.len());
    outline.parts.reserve_exact(bounds.len());
    // A small file's entries are read now. A large file's are parsed again when they are
    // made into entities: read now, they would be held until then at about three times their
    // text, while every file's text is held too, and that is what sets how much a briefing
    // of 10,000 entities takes at most, now that its descriptions are left in their files.
    // Reading the first 256 KB of each file now held 1.6 MB more at that peak (3.0 times
    // the briefing of 617 bytes an entity rather than 2.7), and 64 KB 0.4 MB more, for 7%
    // and 2% fewer instructions; the time a load takes on two threads did not change.
    let read_now = whole;
    for (i, start) in bounds.iter().copied().enumerate() {
        let end = bounds.get(i + 1).copied().unwrap_or(text.len());
        progress.read(end - start);
        // Spans are counted from the part's start, and moved only where they are kept:
        // moving them all would rebuild every table.
        let Some(mut table) = parse_part(&text[start..end], start, Some((file, &mut *report)))
        else {
            outline.complete = false;
            continue;
        };
        if i == 0 && start == 0 && !chunk_is_entry(&table, key) {
            outline.preamble = table;
            continue;
        }
        let Some(value) = table.remove(key) else { continue };
        match value.into_inner() {
            DeValue::Array(items) => {
                outline.headings.extend(items.iter().map(|item| Heading::of(item, start)));
                outline.parts.push(if read_now {
                    // Counted as the second reading a large file's part has.
                    progress.read(end - start);
                    let entries =
                        items.into_iter().map(|item| entry_from(item, start, file, report, help));
                    Part::Read(start..end, entries.collect())
                } else {
                    Part::Again(start..end)
                });
            }
            other => {
                report
                    .add(
                        Code::WrongType,
                        file,
                        Some(start..start + 1),
                        format!(
                            "`{key}` must be an array of tables ([[{key}]]), not {}",
                            other.type_str()
                        ),
                    )
                    .with_help(format!("write each entry under its own [[{key}]] heading"));
            }
        }
        // Whatever else the part holds belongs to no entry.
        let table = if start == 0 { table } else { shift_table(table, start) };
        preamble_extend(&mut outline.preamble, table);
    }
    outline
}

/// Parses `part`, which starts at `start` in its file, its spans counted from the part's
/// start; syntax errors are reported, where they stand in the file, when a report is given.
fn parse_part<'a>(
    part: &'a str,
    start: usize,
    report: Option<(&str, &mut Report)>,
) -> Option<DeTable<'a>> {
    let (table, errors) = DeTable::parse_recoverable(part);
    if !errors.is_empty() {
        if let Some((file, report)) = report {
            for error in errors {
                let message = error.message().trim().to_owned();
                let span = error.span().map(|s| s.start + start..s.end + start);
                report.add(Code::Syntax, file, span, message);
            }
        }
        return None;
    }
    Some(table.into_inner())
}

impl<T> Outline<'_, T> {
    /// The outline without what stands outside its entries, once that is checked: it then
    /// borrows nothing of the file's text, which can be let go of and given again to read
    /// the entries.
    pub fn without_preamble(self) -> Outline<'static, T> {
        let Outline { parts, complete, headings, .. } = self;
        Outline { parts, preamble: DeTable::default(), complete, headings }
    }

    /// Reads the entries one at a time, in the order of [`Outline::headings`], from `text`:
    /// the file's text as it was outlined.
    pub fn entries<'t>(
        self,
        text: SectionText,
        key: &'t str,
        progress: &'t Progress,
    ) -> Entries<'t, T> {
        let left = self.headings.len();
        Entries {
            parts: self.parts.into_iter(),
            read: Vec::new().into_iter(),
            text,
            key,
            progress,
            left,
            failed: None,
        }
    }
}

/// A section file's text while its entries are made: held whole, or read again from its
/// file a window of entries at a time, so that a large file's text is not held while its
/// entries are made (it is as large as what they become).
#[derive(Debug)]
pub enum SectionText {
    Whole(std::sync::Arc<str>),
    Windows(Windows),
}

/// A file read a window at a time, and the window read last.
#[derive(Debug)]
pub struct Windows {
    file: std::fs::File,
    /// Its length and modification time when it was outlined: a window is only read from
    /// the same text, or the entries' places in it would be wrong.
    length: u64,
    modified: Option<std::time::SystemTime>,
    /// The window read last, and where it starts in the file.
    text: std::sync::Arc<str>,
    from: usize,
}

/// How much of a file a window holds, unless one entry is longer.
const WINDOW: usize = 64 * 1024;

impl Windows {
    /// Reads windows from `file`, which had `length` bytes and was last modified at
    /// `modified` when its text was outlined.
    pub fn new(
        file: std::fs::File,
        length: u64,
        modified: Option<std::time::SystemTime>,
    ) -> Windows {
        Windows { file, length, modified, text: "".into(), from: 0 }
    }

    /// The text of `range` of the file, reading the window from its start to `end` when
    /// the window read last does not hold it.
    fn get(&mut self, range: Range<usize>, end: usize) -> Result<&str, String> {
        use std::os::unix::fs::FileExt;
        let held = self.from..self.from + self.text.len();
        if range.start < held.start || range.end > held.end {
            let same = |file: &std::fs::File| {
                file.metadata()
                    .is_ok_and(|m| m.len() == self.length && m.modified().ok() == self.modified)
            };
            let changed = || "it changed while it was being read".to_owned();
            if !same(&self.file) {
                return Err(changed());
            }
            let mut bytes = vec![0; end - range.start];
            self.file.read_exact_at(&mut bytes, range.start as u64).map_err(|e| e.to_string())?;
            if !same(&self.file) {
                return Err(changed());
            }
            // Windows start and end where entries do, so a file that has not changed reads as
            // the text it was.
            self.text = String::from_utf8(bytes).map_err(|_| changed())?.into();
            self.from = range.start;
        }
        Ok(&self.text[range.start - self.from..range.end - self.from])
    }
}

/// The entries of a section file, read one at a time after its outline.
pub struct Entries<'a, T> {
    parts: std::vec::IntoIter<Part<T>>,
    read: std::vec::IntoIter<Option<Entry<T>>>,
    text: SectionText,
    key: &'a str,
    progress: &'a Progress,
    /// How many entries are still to be given, one for each heading.
    left: usize,
    /// Why the file could not be read again, when it could not.
    failed: Option<String>,
}

impl<T: DeserializeOwned + Moved> Entries<'_, T> {
    /// The window of the file read last and where it starts, when the file is read a window
    /// at a time: the text of the entry given last is in it.
    pub fn window(&self) -> Option<(&std::sync::Arc<str>, usize)> {
        match &self.text {
            SectionText::Windows(w) => Some((&w.text, w.from)),
            SectionText::Whole(_) => None,
        }
    }

    /// Why the file could not be read again, once it could not: every entry after is
    /// given as one that did not read.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// The next entry, one for each heading: `Some(None)` when it did not deserialize (its
    /// problems are reported), `None` after the last.
    pub fn next(
        &mut self,
        file: &str,
        report: &mut Report,
        help: &(dyn Fn(Code) -> Option<String> + Sync),
    ) -> Option<Option<Entry<T>>> {
        let entry = self.following(file, report, help);
        match entry {
            Some(_) => self.left = self.left.saturating_sub(1),
            // The rest of a file that could not be read again: each heading still has its
            // entry, so the entities keep the ids registered.
            None if self.failed.is_some() && self.left > 0 => {
                self.left -= 1;
                return Some(None);
            }
            None => {}
        }
        entry
    }

    fn following(
        &mut self,
        file: &str,
        report: &mut Report,
        help: &(dyn Fn(Code) -> Option<String> + Sync),
    ) -> Option<Option<Entry<T>>> {
        loop {
            if let Some(entry) = self.read.next() {
                return Some(entry);
            }
            if self.failed.is_some() {
                return None;
            }
            let part = self.parts.next()?;
            let range = part.range().clone();
            let text = match &mut self.text {
                SectionText::Whole(text) => Ok(&text[range.clone()]),
                SectionText::Windows(windows) => {
                    // As many of the parts that follow as fit in a window, read at once.
                    let limit = range.start + WINDOW;
                    let end = self
                        .parts
                        .as_slice()
                        .iter()
                        .map(|p| p.range().end)
                        .take_while(|&end| end <= limit)
                        .last()
                        .unwrap_or(range.end)
                        .max(range.end);
                    windows.get(range.clone(), end)
                }
            };
            let text = match text {
                Ok(text) => text,
                Err(why) => {
                    self.failed = Some(why);
                    return None;
                }
            };
            self.read = match part {
                Part::Read(_, entries) => entries,
                Part::Again(range) => {
                    self.progress.read(range.len());
                    // The part parsed at its first reading, with the same entries.
                    let from = range.start;
                    let mut table = parse_part(text, from, None).unwrap_or_default();
                    match table.remove(self.key).map(Spanned::into_inner) {
                        Some(DeValue::Array(items)) => items
                            .into_iter()
                            .map(|item| entry_from(item, from, file, report, help))
                            .collect(),
                        _ => Vec::new(),
                    }
                }
            }
            .into_iter();
        }
    }
}

/// Files smaller than this are parsed in one piece. A file's tree of values takes about
/// fourteen times its text: a 250 KB file parsed whole held 3.5 MB at once, where parsing
/// it an entry at a time costs 2% more instructions.
const WHOLE: usize = 64 * 1024;

fn chunk_is_entry(table: &DeTable<'_>, key: &str) -> bool {
    table.get(key).is_some_and(|v| matches!(v.get_ref(), DeValue::Array(_)))
}

fn preamble_extend<'a>(preamble: &mut DeTable<'a>, table: DeTable<'a>) {
    for (k, v) in table {
        preamble.insert(k, v);
    }
}

/// Where each `[[key]]` table starts, found with toml's own lexer so that brackets inside
/// strings and arrays never count; the first bound is 0, for what stands before the first.
fn entry_starts(text: &str, key: &str) -> Vec<usize> {
    use toml_parser::lexer::TokenKind;
    // Tokens are looked at as the lexer makes them, one header ahead at most: the file's
    // tokens are never all held at once.
    let mut tokens = toml_parser::Source::new(text).lex().peekable();
    let mut starts = vec![0];
    let mut depth = 0usize;
    let mut line_start = true;
    while let Some(token) = tokens.next() {
        match token.kind() {
            TokenKind::Newline => line_start = true,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                // A header: `[[key]]` opens an entry; anything else is a table of some kind.
                let double = tokens.next_if(|t| t.kind() == TokenKind::LeftSquareBracket);
                let mut name = String::new();
                // The name runs to the closing bracket, which is then read as any token is.
                while let Some(t) = tokens.next_if(|t| {
                    !matches!(
                        t.kind(),
                        TokenKind::RightSquareBracket | TokenKind::Newline | TokenKind::Eof
                    )
                }) {
                    if t.kind() != TokenKind::Whitespace {
                        name.push_str(&text[t.span().start()..t.span().end()]);
                    }
                }
                if double.is_some()
                    && name.trim_matches(['"', '\'']) == key
                    && token.span().start() > 0
                {
                    starts.push(token.span().start());
                }
                line_start = false;
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
                line_start = false;
            }
            _ => line_start = false,
        }
    }
    starts
}

/// Moves every span of a table parsed from a part of a file to where it stands in the file.
fn shift_table<'a>(table: DeTable<'a>, by: usize) -> DeTable<'a> {
    let mut out = DeTable::default();
    for (k, v) in table {
        let span = k.span();
        out.insert(Spanned::new(span.start + by..span.end + by, k.into_inner()), shift(v, by));
    }
    out
}

fn shift<'a>(value: Spanned<DeValue<'a>>, by: usize) -> Spanned<DeValue<'a>> {
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::Table(t) => DeValue::Table(shift_table(t, by)),
        DeValue::Array(a) => {
            let mut out = toml::de::DeArray::new();
            for item in a.iter() {
                out.push(shift(item.clone(), by));
            }
            DeValue::Array(out)
        }
        other => other,
    };
    Spanned::new(span.start + by..span.end + by, value)
}

/// Reports every top-level key of `root` that is not one of `known`, with a suggestion.
pub fn unknown_keys(root: &DeTable<'_>, known: &[&str], file: &str, report: &mut Report) {
    for (key, _) in root.iter() {
        let name = key.get_ref();
        if known.contains(&name.as_ref()) {
            continue;
        }
        let d = report.add(
            Code::UnknownField,
            file,
            Some(key.span()),
            format!("unknown field `{}`", super::sanitize::escaped(name)),
        );
        match suggest(name, known) {
            Some(best) => {
                d.with_help(format!("did you mean `{best}`? this file takes: {}", known.join(", ")))
            }
            None => d.with_help(format!("this file takes: {}", known.join(", "))),
        };
    }
}

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn article(kind: &str) -> String {
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {kind}")
    } else {
        format!("a {kind}")
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.start < outer.end.max(outer.start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Thing {
        id: String,
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        cites: Vec<u32>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Person,
    }

    #[test]
    fn every_bad_field_of_every_entry_is_reported_in_one_pass() {
        let text = "[[thing]]\nid = \"a\"\ncontry = \"x\"\nkind = \"persn\"\n\n[[thing]]\nid = \"b\"\ncites = [\"one\"]\n";
        let mut report = Report::new("t");
        report.add_source("f.toml", text);
        let root = parse(text, "f.toml", &mut report).unwrap();
        let things: Vec<Entry<Thing>> =
            entries(root.get_ref(), "thing", "f.toml", &mut report, &|_| None);
        assert_eq!(things.len(), 2, "{}", report.render(false));
        assert_eq!(report.errors(), 3, "{}", report.render(false));
        let rendered = report.render(false);
        assert!(rendered.contains("f.toml:3:1"), "{rendered}");
        assert!(rendered.contains("f.toml:4:8"), "{rendered}");
        assert!(rendered.contains("f.toml:8:10"), "{rendered}");
        assert!(things[0].was_rejected("kind"));
    }

    #[test]
    fn a_missing_required_field_drops_only_its_entry() {
        let text = "[[thing]]\nkind = \"person\"\n\n[[thing]]\nid = \"b\"\n";
        let mut report = Report::new("t");
        report.add_source("f.toml", text);
        let root = parse(text, "f.toml", &mut report).unwrap();
        let things: Vec<Entry<Thing>> =
            entries(root.get_ref(), "thing", "f.toml", &mut report, &|_| None);
        assert_eq!(things.len(), 1);
        assert_eq!(report.errors(), 1);
    }

    impl Moved for Thing {
        fn moved(self, _: usize) -> Self {
            self
        }
    }

    /// A file of `n` things, each written out at some length.
    fn things(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!("[[thing]]\nid = \"thing-{i}\"\ncites = [{i}]\n# {}\n\n", "-".repeat(200))
            })
            .collect()
    }

    /// Reads a file's entries a window at a time after outlining its text, changing the
    /// file with `change` once `after` entries are read; the ids read, in order, and why
    /// reading failed.
    fn read_in_windows(
        n: usize,
        after: usize,
        change: impl FnOnce(&std::path::Path),
    ) -> (Vec<Option<String>>, Option<String>) {
        let text = things(n);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("things.toml");
        std::fs::write(&path, &text).unwrap();
        let mut report = Report::new("t");
        let outline = outline::<Thing>(
            &text,
            "things.toml",
            "thing",
            &mut report,
            &|_| None,
            &Progress::default(),
        );
        assert!(outline.parts.iter().any(|p| matches!(p, Part::Again(_))), "read again in parts");
        let meta = std::fs::metadata(&path).unwrap();
        let windows =
            Windows::new(std::fs::File::open(&path).unwrap(), meta.len(), meta.modified().ok());
        let headings = outline.headings.len();
        let progress = Progress::default();
        let mut entries =
            outline.without_preamble().entries(SectionText::Windows(windows), "thing", &progress);
        let mut ids = Vec::new();
        let mut change = Some(change);
        while let Some(entry) = entries.next("things.toml", &mut report, &|_| None) {
            if let Some((window, from)) = entries.window() {
                assert!(window.len() <= WINDOW.max(300) && from <= text.len());
                if let Some(entry) = &entry {
                    assert_eq!(
                        &window[entry.span.start - from..entry.span.end - from],
                        &text[entry.span.clone()]
                    );
                }
            }
            ids.push(entry.map(|e| e.value.id));
            if ids.len() == after
                && let Some(change) = change.take()
            {
                change(&path);
            }
        }
        assert_eq!(ids.len(), headings, "one entry for each heading");
        (ids, entries.failed().map(str::to_owned))
    }

    #[test]
    fn a_large_file_read_again_in_windows_gives_every_entry_as_outlined() {
        let (ids, failed) = read_in_windows(5_000, 0, |_| {});
        assert_eq!(failed, None);
        let expected: Vec<_> = (0..5_000).map(|i| Some(format!("thing-{i}"))).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn a_file_changed_while_its_entries_are_read_is_read_no_further() {
        // Saved again as another text: what follows would not be where the outline says.
        let (ids, failed) = read_in_windows(5_000, 4_000, |path| {
            std::fs::write(path, things(4_999)).unwrap();
        });
        assert_eq!(failed.as_deref(), Some("it changed while it was being read"));
        assert!(ids[..4_000].iter().all(Option::is_some));
        assert!(ids[4_000..].iter().any(Option::is_none), "given as entries that did not read");
        let (_, failed) = read_in_windows(5_000, 4_000, |path| {
            let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
            std::io::Write::write_all(&mut file, b"\n").unwrap();
        });
        assert!(failed.is_some(), "made longer");
    }

    #[test]
    fn syntax_errors_end_the_file_and_each_is_reported() {
        let mut report = Report::new("t");
        assert!(parse("a = \nb = [", "f.toml", &mut report).is_none());
        assert!(report.errors() >= 1);
    }
}
