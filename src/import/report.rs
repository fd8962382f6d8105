//! The import report: what was found, what was merged, what was ambiguous, what was left out
//! and why, and what a person must review. Printed as text, or as JSON for tools.

use super::article::Article;
use super::{Draft, actors};
use crate::content::sanitize::escaped;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Serialize)]
pub struct Merged {
    pub form: String,
    pub into: String,
    pub para: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ambiguity {
    pub what: String,
    pub para: usize,
    pub chosen: String,
    pub others: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LeftOut {
    pub text: String,
    pub reason: String,
    /// The paragraph it came after (0: before the first), or, when `within`, the one it is in.
    pub para: usize,
    pub within: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unresolved {
    pub phrase: String,
    pub para: usize,
    pub why: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Undefined {
    pub acronym: String,
    pub paragraphs: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FoundActor {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub first_mention: String,
    pub role: Option<String>,
    pub paragraphs: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FoundPlace {
    pub id: String,
    pub name: String,
    pub country: Option<String>,
    /// None for a region, drafted without a point.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub paragraphs: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FoundTerm {
    pub id: String,
    pub acronym: String,
    pub expansion: Option<String>,
    pub paragraphs: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FoundEvent {
    pub id: String,
    pub phrase: String,
    pub para: usize,
    pub start: String,
    pub end: Option<String>,
    pub precision: &'static str,
    pub basis: &'static str,
    pub rule: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Found {
    pub actors: Vec<FoundActor>,
    pub places: Vec<FoundPlace>,
    pub terms: Vec<FoundTerm>,
    pub events: Vec<FoundEvent>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub format: &'static str,
    pub found_by: String,
    pub title: Option<String>,
    pub paragraphs: usize,
    pub words: usize,
    pub published: Option<String>,
    pub found: Found,
    pub merged: Vec<Merged>,
    pub ambiguous: Vec<Ambiguity>,
    pub left_out: Vec<LeftOut>,
    pub unresolved: Vec<Unresolved>,
    pub undefined: Vec<Undefined>,
    /// What a person must do before the briefing is more than a draft.
    pub review: Vec<String>,
    pub drafts: usize,
    pub removed_characters: usize,
}

impl Report {
    pub fn new(file: &str, article: &Article) -> Report {
        let words = article.paragraphs.iter().map(|p| p.split_whitespace().count()).sum();
        let mut report = Report {
            file: file.to_owned(),
            format: article.format.label(),
            found_by: article.found_by.clone(),
            title: article.title.clone(),
            paragraphs: article.paragraphs.len(),
            words,
            published: None,
            found: Found::default(),
            merged: Vec::new(),
            ambiguous: Vec::new(),
            left_out: article
                .left_out
                .iter()
                .map(|l| LeftOut {
                    text: l.text.clone(),
                    reason: l.reason.to_owned(),
                    para: l.after,
                    within: false,
                })
                .collect(),
            unresolved: Vec::new(),
            undefined: Vec::new(),
            review: Vec::new(),
            drafts: 0,
            removed_characters: article.removed,
        };
        if article.removed > 0 {
            report.review.push(format!(
                "{} control characters were removed from the file before it was read.",
                article.removed
            ));
        }
        report
    }

    /// Fills in the lists of what was found, once the draft is made.
    pub fn count(&mut self, draft: &Draft) {
        self.published = draft
            .published
            .date
            .map(|d| format!("{} ({})", super::dates::spoken(d), draft.published.from));
        self.found.actors = draft
            .actors
            .iter()
            .map(|a| FoundActor {
                id: a.entry.id.clone(),
                kind: a.kind.label(),
                name: a.entry.name.clone(),
                first_mention: a.entry.quotes.first().map(|q| q.0.clone()).unwrap_or_default(),
                role: a.role.clone(),
                paragraphs: a.entry.cites.clone(),
            })
            .collect();
        self.found.places = draft
            .places
            .iter()
            .map(|p| FoundPlace {
                id: p.entry.id.clone(),
                name: p.entry.name.clone(),
                country: p.country.clone(),
                lat: p.location.map(|l| l.0),
                lon: p.location.map(|l| l.1),
                paragraphs: p.entry.cites.clone(),
            })
            .collect();
        self.found.terms = draft
            .terms
            .iter()
            .map(|t| FoundTerm {
                id: t.entry.id.clone(),
                acronym: t.entry.name.clone(),
                expansion: t.expansion.clone(),
                paragraphs: t.entry.cites.clone(),
            })
            .collect();
        self.found.events = draft
            .events
            .iter()
            .map(|e| FoundEvent {
                id: e.entry.id.clone(),
                phrase: e
                    .date
                    .rule
                    .split('”')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches('“')
                    .to_owned(),
                para: e.entry.cites.first().copied().unwrap_or(0),
                start: e.date.start.clone(),
                end: e.date.end.clone(),
                precision: super::write::precision(e.date.precision),
                basis: super::write::basis(e.date.basis),
                rule: e.date.rule.clone(),
            })
            .collect();
        self.drafts = draft.entries();
        self.review.push(format!(
            "All {} entries are drafts: check each against the article, then remove its draft mark.",
            self.drafts
        ));
        self.review
            .push("Every actor is under one placeholder side: give each its side.".to_owned());
        self.review
            .push("Issues, key points and the summary are the author's to write.".to_owned());
    }

    pub fn json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("the report serialises");
        text.push('\n');
        escaped(&text)
    }

    /// The report as a person reads it. Everything from the article is escaped, so nothing in
    /// it can act on the terminal.
    pub fn human(&self, dir: &str) -> String {
        let mut out = String::new();
        let e = |s: &str| escaped(s);
        let paras =
            |list: &[usize]| list.iter().map(|p| format!("¶{p}")).collect::<Vec<_>>().join(" ");
        let _ =
            writeln!(out, "Imported {} ({}; {})", e(&self.file), self.format, e(&self.found_by));
        let _ = writeln!(
            out,
            "  {} paragraphs, {} words; published {}",
            self.paragraphs,
            self.words,
            self.published.as_deref().map(e).unwrap_or_else(|| "unknown".to_owned())
        );
        let _ = writeln!(out, "  wrote {dir}");

        let kinds = [
            (actors::Kind::Person, "People"),
            (actors::Kind::Organisation, "Organisations"),
            (actors::Kind::State, "States"),
        ];
        let _ = writeln!(out, "\nFound");
        for (kind, label) in kinds {
            let list: Vec<&FoundActor> =
                self.found.actors.iter().filter(|a| a.kind == kind.label()).collect();
            let _ = writeln!(out, "  {label} ({})", list.len());
            for a in list {
                let first = if a.first_mention != a.name {
                    format!(" — “{}”", e(&a.first_mention))
                } else {
                    String::new()
                };
                let _ = writeln!(out, "    {}{first}  {}", e(&a.name), paras(&a.paragraphs));
            }
        }
        let _ = writeln!(out, "  Places ({})", self.found.places.len());
        for p in &self.found.places {
            let country = p.country.as_deref().map(|c| format!(", {}", e(c))).unwrap_or_default();
            let at = match (p.lat, p.lon) {
                (Some(lat), Some(lon)) => format!("({lat:.2}, {lon:.2})"),
                _ => "(a region: no point)".to_owned(),
            };
            let _ = writeln!(out, "    {}{country} {at}  {}", e(&p.name), paras(&p.paragraphs));
        }
        let _ = writeln!(out, "  Glossary terms ({})", self.found.terms.len());
        for t in &self.found.terms {
            let x = t
                .expansion
                .as_deref()
                .map(|x| format!(" — {}", e(x)))
                .unwrap_or_else(|| " — not defined".to_owned());
            let _ = writeln!(out, "    {}{x}  {}", e(&t.acronym), paras(&t.paragraphs));
        }
        let _ = writeln!(out, "  Dated events ({})", self.found.events.len());
        for ev in &self.found.events {
            let when = match &ev.end {
                Some(end) => format!("{} to {end}", ev.start),
                None => ev.start.clone(),
            };
            let _ = writeln!(
                out,
                "    ¶{} “{}” → {when} ({}, {})",
                ev.para,
                e(&ev.phrase),
                ev.precision,
                ev.basis
            );
        }

        if !self.merged.is_empty() {
            let _ = writeln!(out, "\nMerged ({})", self.merged.len());
            for m in &self.merged {
                let _ = writeln!(out, "  “{}” (¶{}) → {}", e(&m.form), m.para, e(&m.into));
            }
        }
        if !self.ambiguous.is_empty() {
            let _ = writeln!(out, "\nAmbiguous ({})", self.ambiguous.len());
            for a in &self.ambiguous {
                let _ = writeln!(
                    out,
                    "  {} (¶{}): {}; or {}",
                    e(&a.what),
                    a.para,
                    e(&a.chosen),
                    e(&a.others.join("; or "))
                );
            }
        }
        if !self.left_out.is_empty() {
            let _ = writeln!(out, "\nLeft out ({})", self.left_out.len());
            for l in &self.left_out {
                let place = match (l.within, l.para) {
                    (true, p) => format!("in ¶{p}"),
                    (false, 0) => "before ¶1".to_owned(),
                    (false, p) => format!("after ¶{p}"),
                };
                let _ = writeln!(out, "  “{}” {place}: {}", e(&l.text), e(&l.reason));
            }
        }
        if !self.unresolved.is_empty() {
            let _ = writeln!(out, "\nUnresolved dates ({})", self.unresolved.len());
            for u in &self.unresolved {
                let _ = writeln!(out, "  ¶{} “{}”: {}", u.para, e(&u.phrase), e(&u.why));
            }
        }
        if !self.undefined.is_empty() {
            let _ = writeln!(out, "\nAcronyms used but not defined ({})", self.undefined.len());
            for u in &self.undefined {
                let _ = writeln!(out, "  {}  {}", e(&u.acronym), paras(&u.paragraphs));
            }
        }
        let _ = writeln!(out, "\nTo review");
        for r in &self.review {
            let _ = writeln!(out, "  - {}", e(r));
        }
        out
    }
}
