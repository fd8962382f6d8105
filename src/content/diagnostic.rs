//! Problems found in a briefing, each tied to a file and a byte span, rendered the way rustc
//! renders its errors so an author sees the line, a caret under the fault, and what to do.

use super::sanitize::printable_same_length;
use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
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
    sources: Vec<(String, String)>,
}

impl Report {
    pub fn new(origin: impl Into<String>) -> Report {
        Report {
            origin: origin.into(),
            ..Report::default()
        }
    }

    pub fn add_source(&mut self, file: &str, text: &str) {
        self.sources.push((file.to_owned(), text.to_owned()));
    }

    pub fn error(
        &mut self,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Error, file, span, message.into())
    }

    pub fn warning(
        &mut self,
        file: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Warning, file, span, message.into())
    }

    fn push(
        &mut self,
        severity: Severity,
        file: &str,
        span: Option<Range<usize>>,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            severity,
            file: file.to_owned(),
            span,
            message,
            label: None,
            help: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    fn source(&self, file: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|(name, _)| name == file)
            .map(|(_, text)| text.as_str())
    }

    /// The path an author would open: the briefing directory joined with the file.
    pub fn path(&self, file: &str) -> String {
        match (self.origin.as_str(), file) {
            ("", f) => f.to_owned(),
            (o, "") => o.to_owned(),
            (o, f) => format!("{}/{f}", o.trim_end_matches('/')),
        }
    }

    /// 1-based line and column (in characters) of a diagnostic, when it has a place.
    pub fn line_col(&self, diagnostic: &Diagnostic) -> Option<(usize, usize)> {
        let text = self.source(&diagnostic.file)?;
        let offset = diagnostic.span.as_ref()?.start.min(text.len());
        Some(line_col(text, offset))
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
                diagnostic.message
            ),
            None => format!(
                "{}: {severity}: {}",
                self.path(&diagnostic.file),
                diagnostic.message
            ),
        }
    }

    /// Every diagnostic in rustc's style, followed by a count.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let safe: Vec<(String, String)> = self
            .sources
            .iter()
            .map(|(name, text)| (name.clone(), printable_same_length(text)))
            .collect();
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            let level = match diagnostic.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let path = self.path(&diagnostic.file);
            let title = level.primary_title(diagnostic.message.as_str());
            let source = safe
                .iter()
                .find(|(n, _)| *n == diagnostic.file)
                .map(|(_, t)| t.as_str());
            let mut group = match (source, &diagnostic.span) {
                (Some(text), Some(span)) => {
                    let span = span.start.min(text.len())..span.end.min(text.len());
                    let mut annotation = AnnotationKind::Primary.span(span);
                    if let Some(label) = &diagnostic.label {
                        annotation = annotation.label(label.as_str());
                    }
                    title.element(
                        Snippet::source(text)
                            .path(path.as_str())
                            .annotation(annotation),
                    )
                }
                _ => title.element(Origin::path(path.as_str())),
            };
            if let Some(help) = &diagnostic.help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
        let errors = self.errors();
        let warnings = self.diagnostics.len() - errors;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        out.push_str(&format!(
            "{}: {} and {}\n",
            self.path(""),
            plural(errors, "error"),
            plural(warnings, "warning")
        ));
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
        report.add_source(
            "actors.toml",
            "[[actor]]\nid = \"a\"\nissues = [\"antonv\"]\n",
        );
        report
            .error("actors.toml", Some(30..38), "unknown link target 'antonv'")
            .with_help("did you mean 'antonov'?");
        let text = report.render(false);
        assert!(
            text.contains("error: unknown link target 'antonv'"),
            "{text}"
        );
        assert!(text.contains("content/x/actors.toml:3:12"), "{text}");
        assert!(text.contains("^^^^^^^^"), "{text}");
        assert!(text.contains("help: did you mean 'antonov'?"), "{text}");
        assert!(
            text.ends_with("content/x: 1 error and 0 warnings\n"),
            "{text}"
        );
        assert_eq!(
            report.short(&report.diagnostics[0]),
            "content/x/actors.toml:3:12: error: unknown link target 'antonv'"
        );
    }

    #[test]
    fn never_prints_control_characters_from_a_file() {
        let mut report = Report::new("x");
        report.add_source("a.toml", "title = \"\u{1b}[2J\"\n");
        report.error("a.toml", Some(0..5), "bad");
        assert!(!report.render(false).contains('\u{1b}'));
    }

    #[test]
    fn counts_columns_in_characters() {
        assert_eq!(line_col("é = 1\nab", 7), (2, 1));
        assert_eq!(line_col("é = 1\nab", 2), (1, 2));
    }
}
