//! `briefing list [DIR]`: the library's rows as plain text or JSON, for scripts and for a
//! quick look without the reader. The same rows the library screen shows, read the same lazy
//! way: each briefing's header and the reader's memory of it, never the whole briefing.

use crate::commands::check::Format;
use crate::content::sanitize::escaped;
use crate::library::{Entry, Library, Sort, opened_label};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

pub fn run(library: &Library, sort: Sort, format: Format) -> String {
    let order = library.order(sort, "");
    match format {
        Format::Human => human(library, &order),
        Format::Json => {
            let rows: Vec<serde_json::Value> =
                order.iter().map(|i| row_json(&library.entries[*i])).collect();
            let mut text = serde_json::to_string_pretty(&rows).expect("rows serialise");
            text.push('\n');
            text
        }
    }
}

/// One line per briefing, in columns: title, publisher, date, progress, last opened, and a
/// problem on a line of its own under a briefing that has one.
fn human(library: &Library, order: &[usize]) -> String {
    let now = jiff::Timestamp::now();
    let tz = jiff::tz::TimeZone::system();
    let rows: Vec<[String; 6]> = order
        .iter()
        .map(|i| {
            let e = &library.entries[*i];
            [
                e.header.title.to_string(),
                e.header.publisher.to_string(),
                e.header.published.as_ref().map_or_else(|| "no date".to_owned(), |d| d.display()),
                progress(e),
                match e.recall.opened {
                    Some(_) => format!("opened {}", opened_label(e.recall.opened, now, &tz)),
                    None => "never opened".to_owned(),
                },
                where_from(e),
            ]
        })
        .collect();
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width().min(48));
        }
    }
    let mut out = String::new();
    for (row, i) in rows.iter().zip(order) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| {
                let cell = crate::ui::fit::end(cell, 48);
                format!("{cell}{}", " ".repeat(w.saturating_sub(cell.width())))
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if let Some(problem) = &library.entries[*i].problem {
            out.push_str(&format!("  ! does not load: {problem}\n"));
        }
    }
    if order.is_empty() {
        out.push_str("No briefings.\n");
    }
    out
}

/// Where a briefing is: "bundled", or its folder's name.
pub fn where_from(e: &Entry) -> String {
    match e.origin.dir() {
        None => "bundled".to_owned(),
        // A folder's name may hold any bytes: escaped, like every name from outside.
        Some(dir) => escaped(
            &dir.file_name()
                .map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned()),
        ),
    }
}

/// "12 of 60 seen", or "not opened yet".
pub fn progress(e: &Entry) -> String {
    match e.recall.progress() {
        Some((seen, items)) => format!("{seen} of {items} seen"),
        None => "not opened yet".to_owned(),
    }
}

fn row_json(e: &Entry) -> serde_json::Value {
    let published = e.header.published.as_ref().map(|d| {
        json!({
            "display": d.display(),
            "start": d.start.iso(),
            "end": d.end.map(|x| x.iso()),
            "precision": d.precision.word(),
            "basis": d.basis.word(),
        })
    });
    let counts = e.recall.counts.map(|c| {
        crate::content::Kind::all()
            .zip(c)
            .map(|(k, n)| (k.label().to_owned(), json!(n)))
            .collect::<serde_json::Map<_, _>>()
    });
    let opened =
        e.recall.opened.and_then(|s| jiff::Timestamp::from_second(s).ok()).map(|t| t.to_string());
    json!({
        "key": escaped(&e.key),
        "path": e.origin.dir().map(|d| escaped(&d.display().to_string())),
        "bundled": e.origin.dir().is_none(),
        "title": e.header.title.as_str(),
        "publisher": e.header.publisher.as_str(),
        "published": published,
        "items": e.recall.items,
        "counts": counts,
        "seen": e.recall.seen,
        "opened": opened,
        "problem": e.problem.as_ref().map(|p| p.as_str()),
    })
}
