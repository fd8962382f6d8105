//! Loading, validation and link resolution, including every kind of bad input.

mod common;

use briefing::content::{self, Details, Kind, Report};
use common::*;

/// Loads the fixture with one file replaced and returns the rendered report.
fn errors(file: &str, text: &str) -> String {
    match content::load(&files_with(file, text)) {
        Ok(_) => panic!("{file} should not load"),
        Err(report) => report.render(false),
    }
}

fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn the_bundled_briefing_loads_complete() {
    let b = bundled();
    assert_eq!(b.title, "Russian and U.S. strategic impasse");
    assert_eq!(b.source.paragraphs.len(), 5);
    for kind in Kind::all() {
        assert!(b.count(kind) > 0, "no {kind:?}");
    }
    for name in
        ["Anatoly Antonov", "James N. Miller", "Chuck Hagel", "Sergei Lavrov", "Rose Gottemoeller"]
    {
        assert!(b.entities.iter().any(|e| e.name == name), "{name} is missing");
    }
    assert!(b.notices.is_empty(), "{:?}", b.notices);
}

#[test]
fn the_bundled_briefing_links_lavrov_to_missile_defense_to_the_15_march_announcement() {
    let b = bundled();
    let lavrov = b.lookup("lavrov").unwrap();
    let missile_defense = b.lookup("missile-defense").unwrap();
    let linked: Vec<_> = b
        .entity(lavrov)
        .relations()
        .into_iter()
        .chain(b.entity(lavrov).texts().flat_map(|t| t.entity_links().collect::<Vec<_>>()))
        .collect();
    assert!(linked.contains(&missile_defense));
    let announcement = b.backlinks[missile_defense.index()]
        .iter()
        .find(|e| b.entity(**e).date().is_some_and(|d| d.when() == "15 Mar 2013"))
        .copied();
    assert!(
        announcement.is_some(),
        "missile defense is not reached from the 15 March announcement"
    );
}

#[test]
fn the_bundled_timeline_is_in_date_order() {
    let b = bundled();
    let dates: Vec<_> =
        b.list(Kind::Event).iter().map(|e| b.entity(*e).date().unwrap().sort_key()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn the_bundled_source_is_the_article_verbatim() {
    let b = bundled();
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/000_f5031cec163caeca.txt"
    ));
    let Ok(seed) = seed else {
        return; // The seed lives beside the repository in development and CI only.
    };
    let mut parts = seed.split("\n\n");
    assert_eq!(parts.next().unwrap().trim(), b.source.title.as_str());
    for (i, paragraph) in parts.take(5).enumerate() {
        assert_eq!(paragraph, b.source.paragraphs[i].as_str(), "paragraph {}", i + 1);
    }
}

#[test]
fn resolves_links_relations_and_backlinks() {
    let b = fixture();
    let alpha = b.lookup("alpha").unwrap();
    let topic = b.lookup("topic").unwrap();
    let other = b.lookup("other-topic").unwrap();
    // Related issues show both ways.
    match &b.entity(other).details {
        Details::Issue { related } => assert_eq!(related, &vec![topic]),
        _ => panic!("not an issue"),
    }
    assert_eq!(b.involved[&topic].len(), 2);
    assert!(b.backlinks[topic.index()].contains(&alpha));
    assert!(b.backlinks[alpha.index()].contains(&b.lookup("meeting").unwrap()));
    assert!(b.cited_by[1].contains(&b.lookup("beta").unwrap()));
    // Bare links show the name, labelled ones the label.
    assert_eq!(b.summary.plain(), "About Alpha Person and the topic.");
}

#[test]
fn orders_actors_by_side_and_events_by_date() {
    let b = fixture();
    let actors: Vec<_> = b.list(Kind::Actor).iter().map(|e| b.entity(*e).id.as_str()).collect();
    assert_eq!(actors, ["alpha", "state-a", "beta", "institute"]);
    let events: Vec<_> = b.list(Kind::Event).iter().map(|e| b.entity(*e).id.as_str()).collect();
    assert_eq!(events, ["announcement", "meeting"]);
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let text = errors("places.toml", "[[place]]\nid = \"city\nname = 1\n");
    assert_has(&text, &["error[E0001]:", "test/places.toml:2:"]);
}

#[test]
fn an_unknown_field_is_rejected_with_its_place() {
    let text = errors("places.toml", &PLACES.replace("country =", "contry ="));
    assert_has(
        &text,
        &["unknown field `contry`", "test/places.toml:4:1", "`briefing help format`"],
    );
}

#[test]
fn a_wrong_type_is_rejected() {
    let text = errors("places.toml", &PLACES.replace("cites = [1]", "cites = \"one\""));
    assert_has(&text, &["error[E0003]:", "test/places.toml:7:9"]);
}

#[test]
fn a_duplicate_id_points_at_both_definitions() {
    let text = errors("glossary.toml", &GLOSSARY.replace("id = \"tla\"", "id = \"city\""));
    assert_has(
        &text,
        &["duplicate id 'city'", "test/glossary.toml:2:6", "first defined at test/places.toml:2:6"],
    );
}

#[test]
fn an_unknown_link_in_text_is_caught_with_a_suggestion() {
    let text = errors("places.toml", &PLACES.replace("Where they meet.", "Where [[alpah]] meets."));
    assert_has(
        &text,
        &["unknown link target 'alpah'", "test/places.toml:6:20", "did you mean 'alpha'?"],
    );
}

#[test]
fn an_unknown_relation_target_is_caught() {
    let text =
        errors("timeline.toml", &TIMELINE.replace("places = [\"city\"]", "places = [\"town\"]"));
    assert_has(&text, &["unknown link target 'town'", "test/timeline.toml:14:11"]);
}

#[test]
fn a_relation_to_the_wrong_kind_is_caught() {
    let text =
        errors("timeline.toml", &TIMELINE.replace("places = [\"city\"]", "places = [\"alpha\"]"));
    assert_has(&text, &["'alpha' is an actor, but `places` takes places"]);
}

#[test]
fn a_citation_of_a_missing_paragraph_is_caught() {
    let text = errors("places.toml", &PLACES.replace("cites = [1]", "cites = [9]"));
    assert_has(&text, &["there is no paragraph 9", "the source has paragraphs 1 to 2"]);
}

#[test]
fn a_quote_must_be_in_its_paragraph_as_written() {
    let text = errors("actors.toml", &ACTORS.replace("we seek trust", "we want trust"));
    assert_has(&text, &["this quote is not in ¶2 as written"]);
}

#[test]
fn invalid_dates_precisions_and_ranges_are_caught() {
    let text = errors("timeline.toml", &TIMELINE.replace("2013-04-30", "2013-02-30"));
    assert_has(&text, &["'2013-02-30' is not a date: Feb 2013 has 28 days"]);
    let text = errors(
        "timeline.toml",
        &TIMELINE.replace(
            "start = \"2013-03-15\", precision = \"day\"",
            "start = \"2013-03\", precision = \"day\"",
        ),
    );
    assert_has(&text, &["precision does not match the date '2013-03'"]);
    let text = errors(
        "timeline.toml",
        &TIMELINE
            .replace("start = \"2013-03-15\",", "start = \"2013-03-15\", end = \"2013-03-01\","),
    );
    assert_has(&text, &["the end date 1 Mar 2013 is before the start date 15 Mar 2013"]);
    let text =
        errors("timeline.toml", &TIMELINE.replace("basis = \"stated\"", "basis = \"outside\""));
    assert_has(&text, &["a date from an outside source must name it"]);
    let text = errors(
        "timeline.toml",
        &TIMELINE.replace(
            "precision = \"day\", basis = \"stated\"",
            "precision = \"exact\", basis = \"stated\"",
        ),
    );
    assert_has(&text, &["unknown variant `exact`"]);
}

#[test]
fn empty_required_fields_are_errors_and_uncited_entities_warnings() {
    let text = errors("places.toml", &PLACES.replace("name = \"City\"", "name = \"  \""));
    assert_has(&text, &["empty `name`"]);
    let report = content::check(&files_with("places.toml", &PLACES.replace("cites = [1]\n", "")));
    assert_eq!(report.errors(), 0);
    assert_has(
        &report.render(false),
        &["warning[W0002]: 'city' cites no paragraph and names no outside source"],
    );
}

#[test]
fn paragraphs_must_be_numbered_in_order() {
    let text = errors("source.toml", &SOURCE.replace("n = 2", "n = 3"));
    assert_has(&text, &["paragraph numbered 3 where 2 was expected"]);
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let broken = PLACES
        .replace("Where they meet.", "[[nowhere]] and [[nobody]]")
        .replace("cites = [1]", "cites = [7]");
    let report: Report = content::load(&files_with("places.toml", &broken)).unwrap_err();
    assert_eq!(report.errors(), 3, "{}", report.render(false));
}

#[test]
fn control_characters_never_reach_the_reader() {
    let files = files_with(
        "places.toml",
        &PLACES.replace("Where they meet.", "Where\\u001b[2J they\\u202e meet.\\u0007"),
    );
    let b = content::load(&files).unwrap();
    let city = b.entity(b.lookup("city").unwrap());
    assert_eq!(city.summary.plain(), "Where[2J they meet.");
    assert_eq!(
        b.notices,
        vec![briefing::content::sanitize::Clean::from(
            "places.toml:6:11: removed 3 control characters"
        )]
    );
}

mod directories {
    use super::*;
    use std::fs;

    fn write_fixture(dir: &std::path::Path) {
        for (name, text) in files_with("", "").texts {
            fs::write(dir.join(name), text.as_bytes()).unwrap();
        }
    }

    #[test]
    fn a_briefing_directory_loads() {
        let dir = tempfile::tempdir().unwrap();
        write_fixture(dir.path());
        let files = content::read_dir(dir.path()).unwrap();
        assert!(content::load(&files).is_ok());
    }

    #[test]
    fn a_missing_section_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        write_fixture(dir.path());
        fs::remove_file(dir.path().join("glossary.toml")).unwrap();
        let text = content::read_dir(dir.path()).unwrap_err().render(false);
        assert_has(&text, &["missing section file glossary.toml", "it may hold no entries"]);
    }

    #[test]
    fn a_directory_that_is_not_a_briefing_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let text = content::read_dir(dir.path()).unwrap_err().render(false);
        assert_has(&text, &["is not a briefing: it has no briefing.toml"]);
        let text = content::read_dir(&dir.path().join("nope")).unwrap_err().render(false);
        assert_has(&text, &["does not exist"]);
        fs::write(dir.path().join("file"), "x").unwrap();
        let text = content::read_dir(&dir.path().join("file")).unwrap_err().render(false);
        assert_has(&text, &["is not a directory"]);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        write_fixture(dir.path());
        fs::write(dir.path().join("places.toml"), b"name = \"\xff\"").unwrap();
        let text = content::read_dir(dir.path()).unwrap_err().render(false);
        assert_has(
            &text,
            &[
                "cannot read places.toml: it is not UTF-8 text (an invalid byte at line 1, column 9)",
            ],
        );
    }
}

#[test]
fn the_test_fixture_checks_clean() {
    let report = content::check(&files_with("", ""));
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
}

#[test]
fn the_bundled_briefing_checks_clean() {
    let report = content::check(&content::bundled());
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
}
