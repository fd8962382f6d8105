//! One case per diagnostic code, each rendered as an author sees it and kept as a snapshot,
//! and a check that no code is left without a case.

mod common;

use briefing::app::Keymap;
use briefing::content::{self, Code, Report};
use common::*;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

/// The fixture with one file replaced, checked in memory.
fn in_memory(file: &str, text: String) -> Report {
    content::check(&files_with(file, &text))
}

/// The fixture written to a directory, changed by `change`, then read and checked as
/// `briefing check` does. The directory's path is replaced by `[dir]` so snapshots are stable.
fn on_disk(change: impl FnOnce(&Path)) -> String {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("briefing");
    fs::create_dir(&dir).unwrap();
    for (name, text) in files_with("", "").texts {
        fs::write(dir.join(name), text.as_bytes()).unwrap();
    }
    change(&dir);
    let report = match content::read_dir(&dir) {
        Ok(files) => content::check(&files),
        Err(report) => report,
    };
    report.render(false).replace(&dir.display().to_string(), "[dir]")
}

fn case(code: Code) -> String {
    let render = |r: Report| r.render(false);
    match code {
        Code::Syntax => {
            render(in_memory("places.toml", PLACES.replace("name = \"City\"", "name = \"City")))
        }
        Code::UnknownField => {
            render(in_memory("places.toml", PLACES.replace("country =", "contry =")))
        }
        Code::WrongType => {
            render(in_memory("places.toml", PLACES.replace("cites = [1]", "cites = \"1\"")))
        }
        Code::MissingField => {
            render(in_memory("places.toml", PLACES.replace("name = \"City\"\n", "")))
        }
        Code::DuplicateId => {
            render(in_memory("glossary.toml", GLOSSARY.replace("\"tla\"", "\"city\"")))
        }
        Code::InvalidId => {
            render(in_memory("glossary.toml", GLOSSARY.replace("\"tla\"", "\"Three Letters\"")))
        }
        Code::UnknownTarget => render(in_memory(
            "glossary.toml",
            GLOSSARY.replace("see_also = [\"topic\"]", "see_also = [\"topci\"]"),
        )),
        Code::WrongKind => render(in_memory(
            "actors.toml",
            ACTORS.replace("affiliation = \"state-a\"", "affiliation = \"city\""),
        )),
        Code::MissingParagraph => {
            render(in_memory("places.toml", PLACES.replace("cites = [1]", "cites = [3]")))
        }
        Code::NotVerbatim => render(in_memory(
            "actors.toml",
            ACTORS.replace("text = \"we seek trust\"", "text = \"we want trust\""),
        )),
        Code::InvalidDate => {
            render(in_memory("timeline.toml", TIMELINE.replace("2013-04-30", "2013-04-31")))
        }
        Code::PrecisionMismatch => render(in_memory(
            "timeline.toml",
            TIMELINE.replace(
                "start = \"2013-04-30\", precision = \"day\"",
                "start = \"2013-04\", precision = \"day\"",
            ),
        )),
        Code::EndBeforeStart => render(in_memory(
            "timeline.toml",
            TIMELINE.replace(
                "start = \"2013-03-15\",",
                "start = \"2013-03-15\", end = \"2013-03-01\",",
            ),
        )),
        Code::UnnamedSource => render(in_memory(
            "timeline.toml",
            TIMELINE.replace("basis = \"stated\"", "basis = \"outside\""),
        )),
        Code::EmptyField => {
            render(in_memory("places.toml", PLACES.replace("name = \"City\"", "name = \"\"")))
        }
        Code::ParagraphNumbering => {
            render(in_memory("source.toml", SOURCE.replace("n = 2", "n = 4")))
        }
        Code::LocationRange => {
            render(in_memory("places.toml", PLACES.replace("lat = 50.85", "lat = 150.85")))
        }
        Code::Orphan => render(in_memory(
            "glossary.toml",
            format!(
                "{GLOSSARY}\n[[term]]\nid = \"lonely\"\nname = \"Lonely\"\nsummary = \"Nothing links here.\"\ncites = [2]\n"
            ),
        )),
        Code::NoCitation => render(in_memory("places.toml", PLACES.replace("cites = [1]\n", ""))),
        Code::ControlCharacters => render(in_memory(
            "places.toml",
            PLACES.replace("Where they meet.", "Where\\u001b[31m they meet.\\u202e"),
        )),
        Code::TimelineOrder => {
            render(in_memory("timeline.toml", TIMELINE.replace("2013-03-15", "2013-05-15")))
        }
        Code::NoKeyPoints => {
            let key_point = "[[key_point]]\ntext = \"[[alpha]] met [[beta]].\"\ncites = [1]\n";
            render(in_memory("briefing.toml", BRIEFING.replace(key_point, "")))
        }
        Code::NotUtf8 => on_disk(|dir| {
            fs::write(dir.join("places.toml"), b"[[place]]\nname = \"Z\xfcrich\"\n").unwrap()
        }),
        Code::TooLarge => on_disk(|dir| {
            // A sparse file: over the limit without writing 16 MiB.
            let file = fs::File::options().write(true).open(dir.join("source.toml")).unwrap();
            file.set_len(content::load::MAX_FILE_BYTES + 1).unwrap();
        }),
        Code::MissingFile => on_disk(|dir| fs::remove_file(dir.join("glossary.toml")).unwrap()),
        Code::NotABriefing => on_disk(|dir| fs::remove_file(dir.join("briefing.toml")).unwrap()),
        Code::NoSection => on_disk(|dir| fs::write(dir.join("notes.toml"), "[[actor]]\n").unwrap()),
        Code::Unreadable => on_disk(|dir| {
            fs::remove_file(dir.join("places.toml")).unwrap();
            fs::create_dir(dir.join("places.toml")).unwrap();
        }),
        Code::KeyBoundTwice => {
            Keymap::parse("[normal]\nnext = [\"j\"]\nprev = [\"j\"]\n", "keymap.toml")
                .unwrap_err()
                .render(false)
        }
        Code::UnknownKey => Keymap::parse("[normal]\nnext = [\"Hyper-j\"]\n", "keymap.toml")
            .unwrap_err()
            .render(false),
        Code::UnknownAction => {
            Keymap::parse("[normal]\nnxt = [\"j\"]\n", "keymap.toml").unwrap_err().render(false)
        }
        Code::ReservedKey => {
            briefing::config::parse("[keys]\nhelp = [\"Ctrl-c\"]\n", "config.toml")
                .unwrap_err()
                .render(false)
        }
        Code::OutsideBriefing => on_disk(|dir| {
            let outside = dir.parent().unwrap().join("secret.toml");
            fs::write(&outside, "TOKEN = \"s3cret\"\n").unwrap();
            fs::remove_file(dir.join("glossary.toml")).unwrap();
            std::os::unix::fs::symlink(&outside, dir.join("glossary.toml")).unwrap();
        }),
        Code::UnknownTheme => briefing::config::parse("theme = \"solarised\"\n", "config.toml")
            .unwrap_err()
            .render(false),
        Code::FormatVersion => {
            render(in_memory("briefing.toml", BRIEFING.replace("format = 2", "format = 3")))
        }
        Code::UnknownSide => render(in_memory(
            "actors.toml",
            ACTORS.replace("side = \"inland-compact\"", "side = \"inland-compat\""),
        )),
        Code::DuplicateStance => render(in_memory(
            "actors.toml",
            ACTORS.replace("basis = \"stated\"\n", "basis = \"stated\"\n\n[[actor.stance]]\nissue = \"topic\"\nposition = \"opposes\"\nline = \"Also against.\"\ncites = [2]\nbasis = \"stated\"\n"),
        )),
        Code::StanceWithoutEvidence => render(in_memory(
            "actors.toml",
            ACTORS.replace("line = \"Raised it first.\"\ncites = [1]\n", "line = \"Raised it first.\"\n"),
        )),
        Code::UnusedSide => render(in_memory(
            "briefing.toml",
            format!("{BRIEFING}\n[[side]]\nid = \"empty-camp\"\nname = \"Empty camp\"\n"),
        )),
        Code::VagueSource => render(in_memory(
            "actors.toml",
            ACTORS.replace("source = \"Its website\"", "source = \"Public reports (checked for this briefing)\""),
        )),
        Code::Draft => render(in_memory(
            "places.toml",
            PLACES.replace("cites = [1]\n", "cites = [1]\ndraft = true\n"),
        )),
    }
}

#[test]
fn every_diagnostic_renders_as_an_author_sees_it() {
    let mut seen = HashSet::new();
    for code in Code::all() {
        let text = case(code);
        let heading = match code.severity() {
            briefing::content::Severity::Error => format!("error[{}]", code.id()),
            briefing::content::Severity::Warning => format!("warning[{}]", code.id()),
        };
        assert!(
            text.contains(&heading),
            "the case for {code:?} did not produce {heading}:\n{text}"
        );
        insta::assert_snapshot!(format!("{}_{code:?}", code.id()), text);
        seen.insert(code.id());
    }
    assert_eq!(seen.len(), Code::all().count());
}

#[test]
fn the_authoring_guide_explains_every_code() {
    let guide =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/AUTHORING.md")).unwrap();
    for code in Code::all() {
        assert!(
            guide.contains(&format!("`{}`", code.id())),
            "docs/AUTHORING.md does not explain {}",
            code.id()
        );
    }
}

#[test]
fn one_run_reports_every_problem_of_a_file() {
    // A misspelt field, a kind that is no kind, an unknown id in a relation, a broken link and
    // a paragraph that does not exist: five problems, all in one run, each at its place.
    let actors = ACTORS
        .replace(
            "kind = \"person\"\nside = \"harbour-league\"",
            "contry = \"x\"\nkind = \"persn\"\nside = \"harbour-league\"",
        )
        .replace(
            "issues = [\"topic\"]\nsummary = \"Alpha",
            "issues = [\"nope\"]\nsummary = \"Alpha",
        )
        .replace("Alpha, who raised [[topic]].", "Alpha, who raised [[topik]].")
        .replace("summary = \"Beta.\"\ncites = [2]", "summary = \"Beta.\"\ncites = [9]");
    let report = in_memory("actors.toml", actors);
    let text = report.render(false);
    assert_eq!(report.errors(), 5, "{text}");
    for expected in [
        "unknown field `contry`",
        "unknown variant `persn`",
        "unknown link target 'nope'",
        "unknown link target 'topik'",
        "there is no paragraph 9",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
}

#[test]
fn a_syntax_error_ends_its_file_but_not_the_others() {
    let mut files = files_with("places.toml", &PLACES.replace("name = \"City\"", "name = \"City"));
    for (name, text) in &mut files.texts {
        if name == "glossary.toml" {
            *text = GLOSSARY.replace("cites = [1]", "cites = [7]").into();
        }
    }
    let report = content::check(&files);
    let text = report.render(false);
    assert!(text.contains("places.toml:3"), "{text}");
    assert!(text.contains("there is no paragraph 7"), "{text}");
    // Links into the broken file are not reported as broken: they may not be.
    assert!(!text.contains("unknown link target 'city'"), "{text}");
}

#[test]
fn a_paragraph_cited_in_a_description_is_a_link_and_checked() {
    let places =
        PLACES.replace("summary = \"Where they meet.\"", "summary = \"Where they meet (¶2).\"");
    let briefing = content::load(&files_with("places.toml", &places)).unwrap();
    let city = briefing.entity(briefing.lookup("city").unwrap());
    assert!(city.summary.links().any(|l| l == content::Link::Paragraph(2)));
    let places =
        PLACES.replace("summary = \"Where they meet.\"", "summary = \"Where they meet (¶5).\"");
    let text = in_memory("places.toml", places).render(false);
    assert!(text.contains("there is no paragraph 5"), "{text}");
}
