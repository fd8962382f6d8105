//! `briefing schema`: JSON Schemas of the seven files, generated from the serde types that
//! read them, in draft-07 for the TOML editor tooling of today (taplo, Even Better TOML,
//! tombi).
//!
//! Each file has a schema of its own, so an editor can say "unknown field `contry`" at the
//! line rather than "matches none of seven shapes". The combined schema accepts any of the
//! seven, for tools that take one schema for a whole directory.

use crate::content::format::{
    ActorsFile, BriefingFile, GlossaryFile, IssuesFile, PlacesFile, SourceFile, TimelineFile,
};
use crate::content::load::FILES;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

/// The folder of schemas, relative to the bundled briefing's files and inside a briefing
/// made by `briefing new`.
pub const BUNDLED_FOLDER: &str = "../../assets/schema";
pub const NEW_FOLDER: &str = "./schema";

/// The directive a file starts with, given the folder its schemas are in.
pub fn directive(folder: &str, file: &str) -> String {
    format!("#:schema {folder}/{}", schema_file(file))
}

/// `actors.toml` → `actors.json`.
pub fn schema_file(file: &str) -> String {
    format!("{}.json", file.trim_end_matches(".toml"))
}

/// The schema of one section file, by name with or without `.toml`.
pub fn for_file(file: &str) -> Option<Value> {
    fn root<T: JsonSchema>() -> Value {
        let schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<T>();
        serde_json::to_value(schema).expect("a schema is JSON")
    }
    let name = format!("{}.toml", file.trim_end_matches(".toml"));
    Some(match name.as_str() {
        "briefing.toml" => root::<BriefingFile>(),
        "actors.toml" => root::<ActorsFile>(),
        "issues.toml" => root::<IssuesFile>(),
        "timeline.toml" => root::<TimelineFile>(),
        "places.toml" => root::<PlacesFile>(),
        "glossary.toml" => root::<GlossaryFile>(),
        "source.toml" => root::<SourceFile>(),
        _ => return None,
    })
}

/// One schema that accepts any of the seven files.
pub fn combined() -> Value {
    let mut generator = SchemaSettings::draft07().into_generator();
    let shapes = vec![
        generator.subschema_for::<BriefingFile>(),
        generator.subschema_for::<ActorsFile>(),
        generator.subschema_for::<IssuesFile>(),
        generator.subschema_for::<TimelineFile>(),
        generator.subschema_for::<PlacesFile>(),
        generator.subschema_for::<GlossaryFile>(),
        generator.subschema_for::<SourceFile>(),
    ];
    let definitions = generator.take_definitions(true);
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "briefing file",
        "description": format!("Any of the seven files of a briefing directory: {}. `briefing help format` documents every field.", FILES.join(", ")),
        "anyOf": shapes,
        "definitions": definitions,
    })
}

/// A schema as printed and kept in files: pretty JSON ending in a newline.
pub fn text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a JSON value serialises");
    text.push('\n');
    text
}

/// Every schema file to keep beside a briefing: each section's, and `any-file.json`.
pub fn files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = FILES
        .iter()
        .map(|f| (schema_file(f), text(&for_file(f).expect("every section has a schema"))))
        .collect();
    out.push(("any-file.json".to_owned(), text(&combined())));
    out
}
