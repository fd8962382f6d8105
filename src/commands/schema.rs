//! `briefing schema`: the JSON Schema of the seven files, generated from the serde types that
//! read them, in draft-07 for the TOML editor tooling of today (taplo, Even Better TOML,
//! tombi). One schema covers every file: each file must match one of the seven shapes.

use crate::content::format::{
    ActorsFile, BriefingFile, GlossaryFile, IssuesFile, PlacesFile, SourceFile, TimelineFile,
};
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

/// Where the bundled briefing's files find the schema, relative to themselves.
pub const BUNDLED_DIRECTIVE: &str = "#:schema ../../assets/briefing.schema.json";
/// The file name `briefing new` gives its copy of the schema.
pub const FILE_NAME: &str = "briefing.schema.json";

pub fn schema() -> Value {
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
        "description": "One of the seven files of a briefing directory: briefing.toml, actors.toml, issues.toml, timeline.toml, places.toml, glossary.toml or source.toml. See docs/FORMAT.md.",
        "anyOf": shapes,
        "definitions": definitions,
    })
}

/// The schema as `briefing schema` prints it and `assets/briefing.schema.json` keeps it.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a JSON value serialises");
    text.push('\n');
    text
}
