//! Problems found in a briefing, each tied to a file and a byte span, rendered the way rustc
//! renders its errors so an author sees the line, a caret under the fault, and what to do.

use super::sanitize::{escaped, printable_same_length};
use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Every kind of problem a briefing can have, with a stable code that docs/AUTHORING.md
/// explains. The severity belongs to the kind, so a kind is never an error in one place and a
/// warning in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Code {
    Syntax,
    UnknownField,
    WrongType,
    MissingField,
    DuplicateId,
    InvalidId,
    UnknownTarget,
    WrongKind,
    MissingParagraph,
    NotVerbatim,
    InvalidDate,
    PrecisionMismatch,
    EndBeforeStart,
    UnnamedSource,
    EmptyField,
    ParagraphNumbering,
    NotUtf8,
    TooLarge,
    MissingFile,
    NotABriefing,
    NoSection,
    LocationRange,
    Unreadable,
    Orphan,
    NoCitation,
    ControlCharacters,
    TimelineOrder,
    NoKeyPoints,
    KeyBoundTwice,
    UnknownKey,
    UnknownAction,
    ReservedKey,
    UnknownTheme,
    OutsideBriefing,
    FormatVersion,
    UnknownSide,
    DuplicateStance,
    StanceWithoutEvidence,
    UnusedSide,
    Draft,
    VagueSource,
}

impl Code {
    /// Every code, in the order AUTHORING.md explains them.
    pub fn all() -> impl Iterator<Item = Code> {
        <Code as strum::IntoEnumIterator>::iter()
    }

    /// The code as printed: `E0007`, `W0001`.
    pub fn id(self) -> &'static str {
        match self {
            Code::Syntax => "E0001",
            Code::UnknownField => "E0002",
            Code::WrongType => "E0003",
            Code::MissingField => "E0004",
            Code::DuplicateId => "E0005",
            Code::InvalidId => "E0006",
            Code::UnknownTarget => "E0007",
            Code::WrongKind => "E0008",
            Code::MissingParagraph => "E0009",
            Code::NotVerbatim => "E0010",
            Code::InvalidDate => "E0011",
            Code::PrecisionMismatch => "E0012",
            Code::EndBeforeStart => "E0013",
            Code::UnnamedSource => "E0014",
            Code::EmptyField => "E0015",
            Code::ParagraphNumbering => "E0016",
            Code::NotUtf8 => "E0017",
            Code::TooLarge => "E0018",
            Code::MissingFile => "E0019",
            Code::NotABriefing => "E0020",
            Code::NoSection => "E0021",
            Code::LocationRange => "E0022",
            Code::Unreadable => "E0023",
            Code::KeyBoundTwice => "E0024",
            Code::UnknownKey => "E0025",
            Code::UnknownAction => "E0026",
            Code::ReservedKey => "E0027",
            Code::UnknownTheme => "E0028",
            Code::OutsideBriefing => "E0029",
            Code::FormatVersion => "E0030",
            Code::UnknownSide => "E0031",
            Code::DuplicateStance => "E0032",
            Code::StanceWithoutEvidence => "E0033",
            Code::UnusedSide => "W0006",
            Code::Draft => "W0007",
            Code::VagueSource => "W0008",
            Code::Orphan => "W0001",
            Code::NoCitation => "W0002",
            Code::ControlCharacters => "W0003",
            Code::TimelineOrder => "W0004",
            Code::NoKeyPoints => "W0005",
        }
    }

    /// Sorts toml's own messages into codes by how they begin.
    pub fn of_toml_error(message: &str) -> Code {
        if message.starts_with("unknown field") {
            Code::UnknownField
        } else if message.starts_with("missing field") {
            Code::MissingField
        } else if message.starts_with("invalid type")
            || message.starts_with("wanted ")
            || message.starts_with("invalid value")
            || message.starts_with("unknown variant")
            || message.starts_with("invalid length")
        {
            Code::WrongType
        } else {
            Code::Syntax
        }
    }

    pub fn severity(self) -> Severity {
        if self.id().starts_with('W') { Severity::Warning } else { Severity::Error }
    }

    /// What the code means, in a few words, for `briefing check` documentation.
    pub fn title(self) -> &'static str {
        match self {
            Code::Syntax => "the file is not valid TOML",
            Code::UnknownField => "a field this table does not take",
            Code::WrongType => "a value of the wrong type, or not one of the allowed words",
            Code::MissingField => "a required field is missing",
            Code::DuplicateId => "two entities, or two sides, share an id",
            Code::InvalidId => "an id with characters other than a-z, 0-9 and -",
            Code::UnknownTarget => "a link or relation names an id that does not exist",
            Code::WrongKind => "a relation names an entity of the wrong kind",
            Code::MissingParagraph => "a citation of a paragraph the source does not have",
            Code::NotVerbatim => "a quote or slip that is not in its paragraph as written",
            Code::InvalidDate => {
                "a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or does not exist"
            }
            Code::PrecisionMismatch => "a precision that does not match the form of the date",
            Code::EndBeforeStart => "a range whose end is before its start",
            Code::UnnamedSource => "a date from an outside source that does not name it",
            Code::EmptyField => "a required field that is empty",
            Code::ParagraphNumbering => "source paragraphs not numbered 1, 2, 3… in order",
            Code::NotUtf8 => "a file that is not UTF-8 text",
            Code::TooLarge => "a file over the 16 MiB limit",
            Code::MissingFile => "one of the seven section files is missing",
            Code::NotABriefing => "the path is not a briefing directory",
            Code::NoSection => "a TOML file that is not one of the seven sections",
            Code::LocationRange => "a latitude or longitude out of range",
            Code::Unreadable => "a file that cannot be read",
            Code::KeyBoundTwice => "a key bound to two actions",
            Code::UnknownKey => "a key name the reader does not know",
            Code::UnknownAction => "a keymap names an action or a mode the reader does not have",
            Code::ReservedKey => "a keymap binds Ctrl-c, which always quits",
            Code::UnknownTheme => "a theme the reader does not have",
            Code::OutsideBriefing => "a section file that links to a file outside the briefing",
            Code::Orphan => "an entity nothing links to",
            Code::NoCitation => "an entity that cites no paragraph and names no outside source",
            Code::ControlCharacters => {
                "control characters or bidi overrides, removed before display"
            }
            Code::TimelineOrder => "an event dated before the one above it in the file",
            Code::NoKeyPoints => "a briefing without key points",
            Code::FormatVersion => {
                "a briefing without `format`, or of a format this reader does not read"
            }
            Code::UnknownSide => "an actor on a side briefing.toml does not declare",
            Code::DuplicateStance => "two stances of one actor on one issue",
            Code::StanceWithoutEvidence => "a stance that cites no paragraph and quotes nothing",
            Code::UnusedSide => "a declared side no actor is on",
            Code::Draft => "entries drafted by `briefing import` and not yet reviewed",
            Code::VagueSource => "an outside source that names no document (\"Public reports\")",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// The file's name inside the briefing directory, such as `actors.toml`; empty when the
    /// problem is with the directory itself.
    pub file: String,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// Every problem found in one briefing, with the text of its files so each can be shown in
/// place.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The briefing directory as the reader named it, such as `content/strategic-impasse`.
    pub origin: String,
    pub diagnostics: Vec<Diagnostic>,
    sources: Vec<SourceText>,
}

/// A file a report points into, with where each of its lines starts, found once, so that
/// placing any number of diagnostics never reads the file again.
#[derive(Debug, Clone)]
struct SourceText {
    name: String,
    text: std::sync::Arc<str>,
    /// Where each line starts, found the first time a diagnostic needs a place in this file.
    starts: std::sync::OnceLock<Vec<u32>>,
}

impl SourceText {
    fn new(name: &str, text: std::sync::Arc<str>) -> SourceText {
        SourceText { name: name.to_owned(), text, starts: std::sync::OnceLock::new() }
    }

    fn lines(&self) -> &[u32] {
        self.starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1))
                .collect()
        })
    }

    /// 1-based line and character column of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let text = &*self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let lines = self.lines();
        let line = lines.partition_point(|start| *start as usize <= offset);
        let start = lines[line - 1] as usize;
        (line, text[start..offset].chars().count() + 1)
    }

    /// The whole lines a span touches, at most a few, and where they start.
    fn excerpt(&self, span: &Range<usize>) -> (usize, Range<usize>) {
        let len = self.text.len();
        let lines = self.lines();
        let at = |offset: usize| lines.partition_point(|s| *s as usize <= offset.min(len)).max(1);
        let first = at(span.start);
        let last = at(span.end.saturating_sub(1).max(span.start)).max(first).min(first + 6);
        let start = lines[first - 1] as usize;
        let end = lines.get(last).map_or(len, |next| *next as usize - 1).max(start);
        (first, start..end)
    }
}

impl Report {
    pub fn new(origin: impl Into<String>) -> Report {
        Report { origin: origin.into(), ..Report::default() }
    }

    pub fn add_source(&mut self, file: &str, text: &str) {
        self.sources.push(SourceText::new(file, text.into()));
    }

    /// The same, sharing a text the caller keeps too.
    pub fn add_shared_source(&mut self, file: &str, text: std::sync::Arc<str>) {
        self.sources.push(SourceText::new(file, text));
    }

    /// Records a problem; its severity comes from its code.
    pub fn add(
        &mut self,
        code: Code,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            code,
            severity: code.severity(),
            file: file.to_owned(),
            span,
            message: message.into(),
            label: None,
            help: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Lets go of the files no problem points into.
    pub fn keep_only_sources_pointed_into(&mut self) {
        let diagnostics = &self.diagnostics;
        self.sources.retain(|s| diagnostics.iter().any(|d| d.file == s.name));
    }

    /// The files a problem points into, at a place, whose text the report lacks.
    pub fn files_without_source(&self) -> Vec<String> {
        let mut files: Vec<String> = Vec::new();
        for d in self.diagnostics.iter().filter(|d| d.span.is_some()) {
            if self.source(&d.file).is_none() && !files.contains(&d.file) {
                files.push(d.file.clone());
            }
        }
        files
    }

    /// Takes in another report's problems and the files they point into.
    pub fn extend(&mut self, other: Report) {
        for source in other.sources {
            if self.source(&source.name).is_none() {
                self.sources.push(source);
            }
        }
        self.diagnostics.extend(other.diagnostics);
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    fn source(&self, file: &str) -> Option<&SourceText> {
        self.sources.iter().find(|s| s.name == file)
    }

    /// 1-based line and column of a byte offset in a file the report holds.
    pub fn position(&self, file: &str, offset: usize) -> Option<(usize, usize)> {
        Some(self.source(file)?.position(offset))
    }

    /// The path an author would open: the briefing directory joined with the file, with any
    /// character that could act on a terminal written as its escape.
    pub fn path(&self, file: &str) -> String {
        let path = match (self.origin.as_str(), file) {
            ("", f) => f.to_owned(),
            (o, "") => o.to_owned(),
            (o, f) => format!("{}/{f}", o.trim_end_matches('/')),
        };
        escaped(&path)
    }

    /// 1-based line and column (in characters) of a diagnostic, when it has a place.
    pub fn line_col(&self, diagnostic: &Diagnostic) -> Option<(usize, usize)> {
        let source = self.source(&diagnostic.file)?;
        Some(source.position(diagnostic.span.as_ref()?.start))
    }

    /// Where a diagnostic starts and ends, as 1-based (line, column) pairs.
    pub fn span_lines(&self, diagnostic: &Diagnostic) -> Option<((usize, usize), (usize, usize))> {
        let source = self.source(&diagnostic.file)?;
        let span = diagnostic.span.as_ref()?;
        Some((source.position(span.start), source.position(span.end)))
    }

    /// `--deny warnings`: every warning becomes an error, keeping its code.
    pub fn deny_warnings(&mut self) {
        for diagnostic in &mut self.diagnostics {
            diagnostic.severity = Severity::Error;
        }
    }

    /// One line per diagnostic, `path:line:col: error: message`, for status lines and logs.
    pub fn short(&self, diagnostic: &Diagnostic) -> String {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line_col(diagnostic) {
            Some((line, col)) => format!(
                "{}:{line}:{col}: {severity}: {}",
                self.path(&diagnostic.file),
                escaped(&diagnostic.message)
            ),
            None => format!(
                "{}: {severity}: {}",
                self.path(&diagnostic.file),
                escaped(&diagnostic.message)
            ),
        }
    }

    /// One line naming the file alone (`places.toml:4:1: error: …`), for a banner where the
    /// directory is known and the message matters more.
    pub fn short_in_file(&self, diagnostic: &Diagnostic) -> String {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line_col(diagnostic) {
            Some((line, col)) => format!(
                "{}:{line}:{col}: {severity}: {}",
                escaped(&diagnostic.file),
                escaped(&diagnostic.message)
            ),
            None => {
                format!(
                    "{}: {severity}: {}",
                    escaped(&diagnostic.file),
                    escaped(&diagnostic.message)
                )
            }
        }
    }

    /// Every diagnostic in rustc's style, followed by a count.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            let level = match diagnostic.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let path = self.path(&diagnostic.file);
            // Messages quote what the files hold (ids, field names, values): escaped, so that
            // nothing in a file reaches the terminal as a control character.
            let message = escaped(&diagnostic.message);
            let label = diagnostic.label.as_deref().map(escaped);
            let help = diagnostic.help.as_deref().map(escaped);
            let title = level.primary_title(message.as_str()).id(diagnostic.code.id());
            let source = self.source(&diagnostic.file);
            // Only the lines the problem is on are shown, so a report's cost does not grow
            // with the size of the file; they are shown with control characters made visible.
            let excerpt = match (source, &diagnostic.span) {
                (Some(source), Some(span)) => {
                    let (line, lines) = source.excerpt(span);
                    let text = printable_same_length(&source.text[lines.clone()]);
                    let at = span.start.clamp(lines.start, lines.end) - lines.start;
                    let to = span.end.clamp(lines.start, lines.end) - lines.start;
                    Some((line, text, at..to.max(at)))
                }
                _ => None,
            };
            let mut group = match &excerpt {
                Some((line, text, span)) => {
                    let mut annotation = AnnotationKind::Primary.span(span.clone());
                    if let Some(label) = &label {
                        annotation = annotation.label(label.as_str());
                    }
                    title.element(
                        Snippet::source(text.as_str())
                            .line_start(*line)
                            .path(path.as_str())
                            .annotation(annotation),
                    )
                }
                None => title.element(Origin::path(path.as_str())),
            };
            if let Some(help) = &help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        let errors = self.errors();
        let warnings = self.diagnostics.len() - errors;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let counts = format!("{} and {}", plural(errors, "error"), plural(warnings, "warning"));
        match self.path("").as_str() {
            "" => out.push_str(&format!("{counts}\n")),
            path => out.push_str(&format!("{path}: {counts}\n")),
        }
        out
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

impl Diagnostic {
    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(&mut self, label: impl Into<String>) -> &mut Diagnostic {
        self.label = Some(label.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_path_line_caret_and_help() {
        let mut report = Report::new("content/x");
        report.add_source("actors.toml", "[[actor]]\nid = \"a\"\nissues = [\"antonv\"]\n");
        report
            .add(Code::UnknownTarget, "actors.toml", Some(30..38), "unknown link target 'antonv'")
            .with_help("did you mean 'antonov'?");
        let text = report.render(false);
        assert!(text.contains("error[E0007]: unknown link target 'antonv'"), "{text}");
        assert!(text.contains("content/x/actors.toml:3:12"), "{text}");
        assert!(text.contains("^^^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean 'antonov'?"), "{text}");
        assert!(text.ends_with("content/x: 1 error and 0 warnings\n"), "{text}");
        assert_eq!(
            report.short(&report.diagnostics[0]),
            "content/x/actors.toml:3:12: error: unknown link target 'antonv'"
        );
    }

    #[test]
    fn never_prints_control_characters_from_a_file() {
        let mut report = Report::new("x");
        report.add_source("a.toml", "title = \"\u{1b}[2J\"\n");
        report.add(Code::Syntax, "a.toml", Some(0..5), "bad");
        assert!(!report.render(false).contains('\u{1b}'));
    }

    #[test]
    fn counts_columns_in_characters() {
        assert_eq!(line_col("é = 1\nab", 7), (2, 1));
        assert_eq!(line_col("é = 1\nab", 2), (1, 2));
    }
}
