//! `briefing import ARTICLE`: a draft briefing from an article, written into a new directory
//! and checked with the same loader the reader uses, so what it writes always opens.

use super::check::Format;
use super::schema;
use crate::content::{self, sanitize::escaped};
use crate::import::{self, Options, article};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The largest article read: far more than any article, small enough to read at once.
const LIMIT: u64 = 16 * 1024 * 1024;

pub struct Args {
    pub article: PathBuf,
    pub published: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub output: Option<PathBuf>,
    pub format: Format,
}

/// Imports the article and writes the draft; returns the report to print, or a message for an
/// error the person can fix.
pub fn run(args: &Args) -> Result<String, String> {
    let started = Instant::now();
    let published = match &args.published {
        Some(text) => Some(published(text)?),
        None => None,
    };
    let raw = read(&args.article)?;
    let file_name = args
        .article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| args.article.display().to_string());
    let format = article::Format::detect(&file_name, &raw);
    let options = Options {
        published,
        title: args.title.clone(),
        publisher: args.publisher.clone(),
        url: args.url.clone(),
        file_name: file_name.clone(),
    };
    let draft = import::import(&raw, format, &options)
        .map_err(|why| format!("{}: {why}", shown(&args.article)))?;
    let dir = match &args.output {
        Some(dir) => dir.clone(),
        None => PathBuf::from(default_dir(&draft.title)),
    };
    prepare(&dir)?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text)
            .map_err(|e| format!("cannot write {}: {e}", shown(&dir.join(name))))
    };
    for (name, text) in import::write::files(&draft, schema::NEW_FOLDER) {
        write(name, &text)?;
    }
    let folder = dir.join("schema");
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", shown(&folder)))?;
    for (name, text) in schema::files() {
        write(&format!("schema/{name}"), &text)?;
    }
    // What was written is loaded as the reader will load it: an error here is the importer's,
    // and is said so rather than left for the reader to find.
    let files = content::read_dir(&dir).map_err(|report| report.render(false))?;
    let report = content::check(&files);
    if report.errors() > 0 {
        return Err(format!(
            "{}\nThe draft in {} does not load: this is a bug in briefing import. The files are left there; please report it with the article.",
            report.render(false),
            shown(&dir)
        ));
    }
    let elapsed = started.elapsed();
    Ok(match args.format {
        Format::Json => draft.report.json(),
        Format::Human => {
            let mut text = draft.report.human(&shown(&dir));
            text.push_str(&format!(
                "\nDone in {} ms. `briefing check {dir}` lists {} warnings; open the draft with `briefing {dir}`.\n",
                elapsed.as_millis(),
                report.diagnostics.len(),
                dir = shown(&dir)
            ));
            text.push_str(&library_note(&dir));
            text
        }
    })
}

/// Whether the draft is in the library (the data folder), and how to put it there if not.
fn library_note(dir: &Path) -> String {
    let Some(folder) = crate::library::data_folder() else { return String::new() };
    let inside = match (std::fs::canonicalize(dir), std::fs::canonicalize(&folder)) {
        (Ok(d), Ok(f)) => d.starts_with(&f),
        _ => false,
    };
    if inside {
        "It is in your library: `briefing` alone lists it.\n".to_owned()
    } else {
        format!("To have it in your library, move it into {}.\n", shown(&folder))
    }
}

fn shown(path: &Path) -> String {
    escaped(&path.display().to_string())
}

/// A publication date as the person gives it: YYYY-MM-DD, a day that exists.
fn published(text: &str) -> Result<jiff::civil::Date, String> {
    let shape = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return Err(format!(
            "--published '{}' is not a date: write YYYY-MM-DD, for example --published 2013-04-29",
            escaped(text)
        ));
    }
    content::date::PartialDate::parse(text)
        .map_err(|why| format!("--published: {}", escaped(&why)))
        .and_then(|d| {
            jiff::civil::Date::new(
                d.year as i16,
                d.month.unwrap_or(1) as i8,
                d.day.unwrap_or(1) as i8,
            )
            .map_err(|e| format!("--published '{}': {e}", escaped(text)))
        })
}

fn read(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{}: no such file", shown(path)),
        std::io::ErrorKind::PermissionDenied => format!("{}: not allowed to read it", shown(path)),
        _ => format!("{}: cannot read it: {e}", shown(path)),
    })?;
    if meta.is_dir() {
        return Err(format!("{} is a directory: give the article's file", shown(path)));
    }
    if !meta.is_file() {
        return Err(format!("{} is not a regular file: give the article's file", shown(path)));
    }
    if meta.len() > LIMIT {
        return Err(format!("{} is over 16 MiB: that is not an article", shown(path)));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read it: {e}", shown(path)))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "{} is not UTF-8 text (byte {at} is not valid): save it as UTF-8, for example with `iconv -f windows-1252 -t utf-8`",
            shown(path)
        )
    })
}

/// The directory for a draft when no -o is given: the title's words, in the current
/// directory.
fn default_dir(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_lowercase();
    let mut slug = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    if slug.is_empty() { "imported-briefing".to_owned() } else { slug }
}

/// Creates the output directory; one that exists must be empty, so no work is overwritten.
fn prepare(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(format!(
                "{} exists and is not a directory; choose another with -o",
                shown(dir)
            ));
        }
        let empty = dir.read_dir().map(|mut entries| entries.next().is_none()).unwrap_or(false);
        if !empty {
            return Err(format!(
                "{} already exists and is not empty; choose another directory with -o, or empty it first",
                shown(dir)
            ));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", shown(dir)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_are_checked() {
        assert!(published("2013-04-29").is_ok());
        assert!(published("2013-02-29").unwrap_err().contains("28 days"));
        assert!(published("29/04/2013").unwrap_err().contains("YYYY-MM-DD"));
        assert!(published("2013-4-29").is_err());
    }

    #[test]
    fn default_directories_come_from_titles() {
        assert_eq!(
            default_dir("Russian and U.S. strategic impasse"),
            "russian-and-u-s-strategic-impasse"
        );
        assert_eq!(default_dir("—"), "imported-briefing");
    }
}
