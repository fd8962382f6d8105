//! `briefing export`: the whole briefing as one file for somewhere else: Markdown for a wiki
//! or a report, HTML for a browser or a printer, JSON for a script. Each exporter walks the
//! model in the reader's order (summary, actors by side, issues, timeline by date, places,
//! glossary, source) and escapes for its own format at the edge: the model's text is clean
//! of control characters by type, but it may hold `<`, `*` or `"` like any other text.
//!
//! Every export of the same briefing is the same bytes: nothing depends on the time, the
//! machine or the order of a hash map.

pub mod html;
pub mod json;
pub mod markdown;

use crate::content::date::{PartialDate, Precision};
use crate::content::model::{Location, Slip};
use crate::content::reread::Unread;
use crate::content::{Briefing, Date, Details, EntityId, Kind, Text};
use std::ops::Range;

/// The formats `--to` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

/// The briefing in a format, as the text of one file; fails when a description left in its
/// file could not be read again (the file changed since it was loaded), rather than leave it
/// out.
pub fn export(briefing: &Briefing, format: Format) -> Result<String, Unread> {
    match format {
        Format::Markdown => markdown::export(briefing),
        Format::Html => html::export(briefing),
        Format::Json => json::export(briefing),
    }
}

/// The entities' descriptions as an export reads them, and the first one that could not be
/// read: the export then fails.
pub struct Descriptions<'b> {
    briefing: &'b Briefing,
    unread: std::cell::RefCell<Option<Unread>>,
}

impl<'b> Descriptions<'b> {
    pub fn new(briefing: &'b Briefing) -> Self {
        Descriptions { briefing, unread: Default::default() }
    }

    pub fn of(&self, id: EntityId) -> Option<std::borrow::Cow<'b, Text>> {
        match self.briefing.description(id)? {
            Ok(text) => Some(text),
            Err(unread) => {
                self.unread.borrow_mut().get_or_insert(unread);
                None
            }
        }
    }

    /// `out`, unless a description could not be read.
    pub fn finish<T>(self, out: T) -> Result<T, Unread> {
        self.unread.into_inner().map_or(Ok(out), Err)
    }
}

/// A value of a field only one kind has, for each format to write in its own way.
pub enum FieldValue<'a> {
    Text(&'a Text),
    Plain(&'a str),
    Date(&'a Date),
    Location(Location),
}

/// The fields only one kind has, labelled as the reader labels them; absent ones left out.
pub fn fields(briefing: &Briefing, id: EntityId) -> Vec<(&'static str, FieldValue<'_>)> {
    let mut rows = Vec::new();
    match &briefing.entity(id).details {
        Details::Actor { role: Some(role), .. } => rows.push(("Role", FieldValue::Text(role))),
        Details::Event { date, .. } => {
            rows.push(("Date", FieldValue::Date(date)));
            rows.push(("Basis", FieldValue::Plain(date.basis.label())));
            if let Some(note) = &date.note {
                rows.push(("Note", FieldValue::Plain(note)));
            }
            if let Some(source) = &date.source {
                rows.push(("Source", FieldValue::Plain(source)));
            }
        }
        Details::Place { country, location } => {
            if let Some(country) = country {
                rows.push(("Country", FieldValue::Plain(country)));
            }
            if let Some(location) = location {
                rows.push(("Location", FieldValue::Location(*location)));
            }
        }
        Details::Term { expansion: Some(expansion), .. } => {
            rows.push(("Stands for", FieldValue::Plain(expansion)));
        }
        _ => {}
    }
    rows
}

/// What an entity names in its relation fields, labelled as the reader labels them; empty
/// ones left out.
pub fn relations(briefing: &Briefing, id: EntityId) -> Vec<(&'static str, Vec<EntityId>)> {
    let mut rows: Vec<(&str, Vec<EntityId>)> = Vec::new();
    match &briefing.entity(id).details {
        Details::Actor { affiliation, issues, .. } => {
            rows.push(("Affiliation", affiliation.iter().copied().collect()));
            rows.push(("Issues", issues.to_vec()));
        }
        Details::Issue { related } => {
            let involved = briefing.involved.get(&id).cloned().unwrap_or_default();
            rows.push(("Actors involved", involved));
            rows.push(("Related issues", related.to_vec()));
        }
        Details::Event { actors, places, issues, .. } => {
            rows.push(("Actors", actors.to_vec()));
            rows.push(("Places", places.to_vec()));
            rows.push(("Issues", issues.to_vec()));
        }
        Details::Term { see_also, .. } => rows.push(("See also", see_also.to_vec())),
        Details::Place { .. } => {}
    }
    rows.retain(|(_, ids)| !ids.is_empty());
    rows
}

/// A kind's entities in reading order, in the groups the reader shows: actors under their
/// sides, every other kind in one group without a name.
pub fn groups(briefing: &Briefing, kind: Kind) -> Vec<(Option<String>, Vec<EntityId>)> {
    let mut out: Vec<(Option<String>, Vec<EntityId>)> = Vec::new();
    for &id in briefing.list(kind) {
        let group = match &briefing.entity(id).details {
            Details::Actor { side, .. } => Some(briefing.side_name(*side).to_owned()),
            _ => None,
        };
        match out.last_mut() {
            Some((last, ids)) if *last == group => ids.push(id),
            _ => out.push((group, vec![id])),
        }
    }
    out
}

/// The kind line under an entity's name, as the reader shows it: "person · Russia".
pub fn subtitle(briefing: &Briefing, id: EntityId) -> String {
    crate::document::detail::subtitle(briefing, id).replace('\u{a0}', " ")
}

/// The slips flagged in source paragraph `n`, where they stand in its text, each once and in
/// order; a slip whose words the paragraph does not hold is left to its entity's entry.
pub fn slips_in(briefing: &Briefing, n: u32) -> Vec<(Range<usize>, EntityId, &Slip)> {
    let Some(text) = briefing.source.paragraphs.get((n as usize).wrapping_sub(1)) else {
        return Vec::new();
    };
    let mut out: Vec<(Range<usize>, EntityId, &Slip)> = Vec::new();
    for &id in &briefing.cited_by[n as usize - 1] {
        for slip in briefing.entity(id).slips.iter().filter(|s| s.para == n) {
            if let Some(range) = crate::document::source::find_loose(text, &slip.said)
                && !out.iter().any(|(r, ..)| r.start < range.end && range.start < r.end)
            {
                out.push((range, id, slip));
            }
        }
    }
    out.sort_by_key(|(r, ..)| r.start);
    out
}

/// A date as HTML's `datetime` attribute writes it, no more precise than it is known: a day
/// "2013-03-15", a month "2013-05", a year "2013", a week "2013-W17". An approximate day is
/// written as its month.
pub fn datetime(date: PartialDate, precision: Precision) -> String {
    let PartialDate { year, month, day } = date;
    match (precision, month, day) {
        (Precision::Week, Some(m), Some(d)) => {
            let (year, week) = iso_week(year, m, d);
            format!("{year:04}-W{week:02}")
        }
        (Precision::Day, Some(m), Some(d)) => {
            format!("{year:04}-{m:02}-{d:02}")
        }
        (Precision::Year, ..) | (_, None, _) => format!("{year:04}"),
        (_, Some(m), _) => format!("{year:04}-{m:02}"),
    }
}

/// The `datetime` of each end of a date: one for a single date, two for a range.
pub fn datetimes(date: &Date) -> (String, Option<String>) {
    (datetime(date.start, date.precision), date.end.map(|end| datetime(end, date.precision)))
}

/// Days since 1970-01-01 of a day of the proleptic Gregorian calendar.
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO 8601 week-numbering year and week of a day: the week is the one holding its
/// Thursday, which may fall in the year before or after.
fn iso_week(year: i32, month: u8, day: u8) -> (i32, i64) {
    let days = days_from_civil(year, month, day);
    // 1970-01-01 was a Thursday: Monday is 0.
    let weekday = (days + 3).rem_euclid(7);
    let thursday = days - weekday + 3;
    let iso_year = if thursday < days_from_civil(year, 1, 1) {
        year - 1
    } else if thursday >= days_from_civil(year + 1, 1, 1) {
        year + 1
    } else {
        year
    };
    (iso_year, (thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn a_datetime_is_as_precise_as_the_date() {
        assert_eq!(datetime(date("2013-03-15"), Precision::Day), "2013-03-15");
        assert_eq!(datetime(date("2013-05"), Precision::Month), "2013-05");
        assert_eq!(datetime(date("2013-05-15"), Precision::Approximate), "2013-05");
        assert_eq!(datetime(date("2013"), Precision::Year), "2013");
        assert_eq!(datetime(date("2013-04-22"), Precision::Week), "2013-W17");
        // The week of 30 Dec 2013 is the first of 2014; 1 Jan 2010 is in 2009's 53rd.
        assert_eq!(datetime(date("2013-12-30"), Precision::Week), "2014-W01");
        assert_eq!(datetime(date("2010-01-01"), Precision::Week), "2009-W53");
    }
}
