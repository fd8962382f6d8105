//! `briefing check PATH...`: every problem in one or more briefings, as rustc-style text or as
//! JSON for editors and CI.

use crate::content::sanitize::escaped;
use crate::content::{self, Report, Severity};
use serde_json::{Value, json};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Kinds of diagnostic `--deny` can turn into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    Warnings,
}

/// Checks every path; returns the text to print and whether any error (or denied warning) was
/// found.
pub fn run(paths: &[PathBuf], deny: Option<Deny>, format: Format, color: bool) -> (String, bool) {
    let mut reports: Vec<Report> = paths
        .iter()
        .map(|path| match content::read_dir(path) {
            Ok(files) => content::load::check_files(files),
            Err(report) => report,
        })
        .collect();
    if deny == Some(Deny::Warnings) {
        for report in &mut reports {
            report.deny_warnings();
        }
    }
    let failed = reports.iter().any(|r| r.errors() > 0);
    let text = match format {
        Format::Human => human(&reports, color),
        Format::Json => {
            let mut text =
                serde_json::to_string_pretty(&json_reports(&reports)).expect("JSON serialises");
            text.push('\n');
            text
        }
    };
    (text, failed)
}

fn human(reports: &[Report], color: bool) -> String {
    let mut out = String::new();
    for report in reports {
        if report.diagnostics.is_empty() {
            out.push_str(&format!("{}: no problems\n", report.path("")));
        } else {
            out.push_str(&report.render(color));
        }
    }
    out
}

fn json_reports(reports: &[Report]) -> Value {
    let briefings: Vec<Value> = reports
        .iter()
        .map(|report| {
            let diagnostics: Vec<Value> = report
                .diagnostics
                .iter()
                .map(|d| {
                    let (start, end) = report.span_lines(d).unzip();
                    json!({
                        "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                        "code": d.code.id(),
                        "message": escaped(&d.message),
                        "file": report.path(&d.file),
                        "line": start.map(|(l, _)| l),
                        "column": start.map(|(_, c)| c),
                        "end_line": end.map(|(l, _)| l),
                        "end_column": end.map(|(_, c)| c),
                        "label": d.label.as_deref().map(escaped),
                        "help": d.help.as_deref().map(escaped),
                    })
                })
                .collect();
            json!({
                "path": report.path(""),
                "errors": report.errors(),
                "warnings": report.diagnostics.len() - report.errors(),
                "diagnostics": diagnostics,
            })
        })
        .collect();
    json!({
        "errors": reports.iter().map(Report::errors).sum::<usize>(),
        "warnings": reports.iter().map(|r| r.diagnostics.len() - r.errors()).sum::<usize>(),
        "briefings": briefings,
    })
}
