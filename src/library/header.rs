//! A briefing's header: what its `briefing.toml` says of it, read alone. The rest of the file
//! is left to the loader; a header that does not parse gives its first problem, for the
//! library to show beside the briefing's name.

use crate::content::date::{Date, PartialDate};
use crate::content::format::DateField;
use crate::content::load::FORMAT;
use crate::content::sanitize::Clean;
use serde::Deserialize;
use std::path::Path;

/// A briefing.toml far larger than this is no header worth reading whole for a list.
const MAX_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub title: Clean,
    pub publisher: Clean,
    pub published: Option<Date>,
    /// A problem the header shows already (an unknown format, a missing title).
    pub problem: Option<Clean>,
}

/// Only the fields the library shows; anything else in the file is the loader's to judge.
#[derive(Deserialize)]
struct HeaderFile {
    format: Option<toml::Value>,
    title: Option<String>,
    publisher: Option<String>,
    published: Option<DateField>,
}

impl Header {
    pub fn read(dir: &Path) -> Result<Header, String> {
        match crate::content::load::read_text_within(&dir.join("briefing.toml"), MAX_BYTES) {
            Ok(Some(text)) => Header::parse(&text),
            Ok(None) => Err("briefing.toml is missing".to_owned()),
            Err(e) => Err(format!("briefing.toml could not be read: {e}")),
        }
    }

    pub fn parse(text: &str) -> Result<Header, String> {
        let file: HeaderFile = toml::from_str(text).map_err(|e| {
            let message = e.message().lines().next().unwrap_or("").to_owned();
            let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1));
            match line {
                Some(line) => format!("briefing.toml, line {line}: {message}"),
                None => format!("briefing.toml: {message}"),
            }
        })?;
        let problem = match file.format.as_ref().map(|f| f.as_integer()) {
            Some(Some(FORMAT)) => None,
            Some(_) => Some(format!(
                "written in a format this reader does not read (it reads format {FORMAT})"
            )),
            None => {
                Some(format!("briefing.toml has no `format` (this reader reads format {FORMAT})"))
            }
        }
        .or_else(|| file.title.is_none().then(|| "briefing.toml has no title".to_owned()));
        Ok(Header {
            title: Clean::new(file.title.as_deref().unwrap_or("Untitled")).0,
            publisher: Clean::new(file.publisher.as_deref().unwrap_or("")).0,
            published: file.published.and_then(|d| date(&d)),
            problem: problem.map(|p| Clean::from(p.as_str())),
        })
    }

    /// The header of a briefing whose briefing.toml could not be read: named by its folder.
    pub fn untitled(folder: &str) -> Header {
        Header {
            title: Clean::new(folder).0,
            publisher: Clean::default(),
            published: None,
            problem: None,
        }
    }
}

/// The publication date as the loader would read it, or none when it is not well formed (the
/// loader says why when the briefing is opened).
fn date(field: &DateField) -> Option<Date> {
    let start = PartialDate::parse(field.start.get_ref()).ok()?;
    let end = match &field.end {
        Some(end) => Some(PartialDate::parse(end.get_ref()).ok()?),
        None => None,
    };
    Some(Date {
        start,
        end,
        precision: *field.precision.get_ref(),
        basis: *field.basis.get_ref(),
        note: None,
        source: None,
    })
}
