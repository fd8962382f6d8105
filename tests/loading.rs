//! Loading, validation and link resolution, including every kind of bad input.

mod common;

use briefing::content::{self, Details, Files, Kind, Report};
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
        Details::Issue { related } => assert_eq!(&related[..], &[topic]),
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
    let actors: Vec<_> = b.list(Kind::Actor).iter().map(|e| &*b.entity(*e).id).collect();
    assert_eq!(actors, ["alpha", "state-a", "beta", "institute"]);
    let events: Vec<_> = b.list(Kind::Event).iter().map(|e| &*b.entity(*e).id).collect();
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

// Sides, the format version, stances and drafts (format 2). The fixture is a briefing on an
// invented subject with its own sides: nothing in the code names the bundled briefing's.

#[test]
fn sides_are_the_briefing_s_own_in_declared_order_with_no_side_last() {
    let actors = format!(
        "{ACTORS}\n[[actor]]\nid = \"loner\"\nname = \"Loner\"\nkind = \"person\"\nsummary = \"On no side; with [[alpha]].\"\ncites = [1]\n"
    );
    let b = content::load(&files_with("actors.toml", &actors)).unwrap();
    let names: Vec<&str> = b.sides.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Harbour League", "Inland Compact", "Independents"]);
    let heads: Vec<String> = b
        .list(Kind::Actor)
        .iter()
        .map(|id| match &b.entity(*id).details {
            Details::Actor { side, .. } => b.side_name(*side).to_owned(),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        heads,
        ["Harbour League", "Harbour League", "Inland Compact", "Independents", "No side"]
    );
    assert_eq!(b.sides[1].description.as_ref().unwrap().plain(), "Where Beta Person stands.");
}

#[test]
fn an_unknown_side_is_located_with_the_nearest_declared_one() {
    let text = errors("actors.toml", &ACTORS.replace("\"inland-compact\"", "\"inland-compat\""));
    assert_has(
        &text,
        &[
            "E0031",
            "unknown side 'inland-compat'",
            "did you mean 'inland-compact'?",
            "actors.toml:",
        ],
    );
}

#[test]
fn a_side_no_actor_is_on_is_a_warning_and_a_repeated_side_an_error() {
    let unused = format!("{BRIEFING}\n[[side]]\nid = \"nobody\"\nname = \"Nobody\"\n");
    let report = content::check(&files_with("briefing.toml", &unused)).render(false);
    assert_has(&report, &["W0006", "no actor is on the side 'nobody'", "0 errors"]);
    let twice = format!("{BRIEFING}\n[[side]]\nid = \"independents\"\nname = \"Again\"\n");
    assert_has(&errors("briefing.toml", &twice), &["E0005", "duplicate side 'independents'"]);
    let bad = format!("{BRIEFING}\n[[side]]\nid = \"Bad Id\"\nname = \"Bad\"\n");
    assert_has(&errors("briefing.toml", &bad), &["E0006", "not a valid side id"]);
    let nameless = format!("{BRIEFING}\n[[side]]\nid = \"nameless\"\n");
    assert_has(&errors("briefing.toml", &nameless), &["E0004", "without `name`"]);
}

#[test]
fn the_format_version_is_required_and_checked() {
    let missing = errors("briefing.toml", &BRIEFING.replace("format = 2\n", ""));
    assert_has(&missing, &["E0030", "missing `format`", "add `format = 2`"]);
    let newer = errors("briefing.toml", &BRIEFING.replace("format = 2", "format = 7"));
    assert_has(
        &newer,
        &["E0030", "format 7 is not one this reader reads", "reads format 2", "briefing.toml:1:10"],
    );
    let word = errors("briefing.toml", &BRIEFING.replace("format = 2", "format = \"two\""));
    assert_has(&word, &["E0003", "format"]);
}

#[test]
fn stances_load_and_show_from_both_sides() {
    let b = fixture();
    let beta = b.lookup("beta").unwrap();
    let topic = b.lookup("topic").unwrap();
    let stance = &b.stances(beta)[0];
    assert_eq!(stance.issue, topic);
    assert_eq!(stance.position, content::Position::Wary);
    assert_eq!(stance.quote.as_ref().unwrap().para, 2);
    let on_topic: Vec<(&str, content::Position)> =
        b.stances_on(topic).map(|(a, _, s)| (&*b.entity(a).id, s.position)).collect();
    assert_eq!(
        on_topic,
        [("alpha", content::Position::Supports), ("beta", content::Position::Wary)],
        "grouped by position, for to against"
    );
    // A stance's quote is numbered after the actor's own quotes, and found by that number.
    let at = b.stance_quote(beta, 0);
    assert_eq!(b.quote(beta, at).unwrap().text, "we seek trust");
    // The stance's paragraph counts as cited by the actor, and the actor as involved.
    assert!(b.cited_by[1].contains(&beta));
    assert!(b.involved[&topic].contains(&beta));
}

/// The fixture's actors with Beta's stance replaced by `stance`.
fn with_stance(stance: &str) -> String {
    let start = ACTORS.find("[[actor.stance]]\nissue = \"topic\"\nposition = \"wary\"").unwrap();
    let end = start
        + ACTORS[start..].find("basis = \"stated\"\n").unwrap()
        + "basis = \"stated\"\n".len();
    format!("{}{stance}{}", &ACTORS[..start], &ACTORS[end..])
}

#[test]
fn every_bad_stance_is_located() {
    let cases: [(&str, &[&str]); 8] = [
        (
            "[[actor.stance]]\nissue = \"topci\"\nposition = \"wary\"\nline = \"L.\"\ncites = [2]\nbasis = \"stated\"\n",
            &["E0007", "unknown link target 'topci'", "did you mean 'topic'?"],
        ),
        (
            "[[actor.stance]]\nissue = \"alpha\"\nposition = \"wary\"\nline = \"L.\"\ncites = [2]\nbasis = \"stated\"\n",
            &["E0008", "'alpha' is an actor, but `issue` takes issues"],
        ),
        (
            "[[actor.stance]]\nissue = \"topic\"\nposition = \"wary\"\nline = \"L.\"\nquote = { text = \"we want trust\", para = 2 }\nbasis = \"stated\"\n",
            &["E0010", "this quote is not in ¶2 as written"],
        ),
        (
            "[[actor.stance]]\nissue = \"topic\"\nposition = \"wary\"\nline = \"L.\"\nbasis = \"stated\"\n",
            &["E0033", "cites no paragraph and quotes nothing"],
        ),
        (
            "[[actor.stance]]\nissue = \"topic\"\nposition = \"hostile\"\nline = \"L.\"\ncites = [2]\nbasis = \"stated\"\n",
            &["E0003", "hostile", "supports", "unclear"],
        ),
        (
            "[[actor.stance]]\nissue = \"topic\"\nline = \"L.\"\ncites = [2]\nbasis = \"stated\"\n",
            &["E0004", "missing field `position`"],
        ),
        (
            "[[actor.stance]]\nissue = \"topic\"\nposition = \"wary\"\nline = \"L.\"\ncites = [9]\nbasis = \"outside\"\n",
            &[
                "E0009",
                "there is no paragraph 9",
                "E0014",
                "a stance from an outside source must name it",
            ],
        ),
        (
            "[[actor.stance]]\nissue = \"topic\"\nposition = \"wary\"\nline = \"L.\"\ncites = [2]\nbasis = \"stated\"\n\n[[actor.stance]]\nissue = \"topic\"\nposition = \"opposes\"\nline = \"M.\"\ncites = [2]\nbasis = \"stated\"\n",
            &["E0032", "a second stance on 'topic'", "the first is at line"],
        ),
    ];
    for (stance, needles) in cases {
        assert_has(&errors("actors.toml", &with_stance(stance)), needles);
    }
}

#[test]
fn drafts_are_counted_once_per_file() {
    let places = format!(
        "{}\n[[place]]\nid = \"second\"\nname = \"Second\"\nsummary = \"Near [[city]].\"\ncites = [1]\ndraft = true\n",
        PLACES.replace("cites = [1]\n", "cites = [1]\ndraft = true\n")
    );
    let files = files_with("places.toml", &places);
    let report = content::check(&files).render(false);
    assert_has(&report, &["W0007", "2 draft entries to review", "places.toml:1:1"]);
    assert_eq!(report.matches("W0007").count(), 1, "{report}");
    let b = content::load(&files).unwrap();
    assert!(b.entity(b.lookup("second").unwrap()).draft);
    assert!(!b.entity(b.lookup("alpha").unwrap()).draft);
}

#[test]
fn an_outside_source_must_name_a_document() {
    for vague in [
        "Public reports (checked for this briefing)",
        "various sources",
        "Reports.",
        "TBD",
        "online",
    ] {
        let actors = ACTORS.replace("source = \"Its website\"", &format!("source = \"{vague}\""));
        let report = content::check(&files_with("actors.toml", &actors)).render(false);
        assert_has(&report, &["W0008", "names no document"]);
    }
    for named in ["Its website", "Reuters, 23 Apr 2013", "UN provisional agenda of the session"] {
        let actors = ACTORS.replace("source = \"Its website\"", &format!("source = \"{named}\""));
        let report = content::check(&files_with("actors.toml", &actors)).render(false);
        assert!(!report.contains("W0008"), "{named}: {report}");
    }
}

/// The fixture's files with `per_file` more entries after each section file's own: enough
/// that each file is read in parts and the files are made into entities side by side, as a
/// large briefing's are. The added entries link to each other and to nothing else.
fn padded(files: &Files, per_file: usize) -> Files {
    let mut files = files.clone();
    for (name, text) in &mut files.texts {
        let (key, extra) = match name.as_str() {
            "actors.toml" => ("actor", "kind = \"person\"\n"),
            "issues.toml" => ("issue", ""),
            "timeline.toml" => (
                "event",
                "date = { start = \"2013-05-01\", precision = \"day\", basis = \"stated\" }\n",
            ),
            "places.toml" => ("place", ""),
            "glossary.toml" => ("term", ""),
            _ => continue,
        };
        let mut grown = text.to_string();
        for i in 0..per_file {
            let next = (i + 1) % per_file;
            grown += &format!(
                "\n[[{key}]]\nid = \"pad-{key}-{i}\"\nname = \"Padding {i}\"\n{extra}summary = \"Beside [[pad-{key}-{next}]], written out at some length.\"\ncites = [1]\n"
            );
        }
        assert!(grown.len() > 256 * 1024, "{name} is read in parts");
        *text = grown.into();
    }
    files
}

/// The errors and warnings of a report but orphans (the padding of a larger briefing links
/// to what the smaller one's leaves unlinked), rendered in the order of the files and the
/// places in them: a large file's entries are read after every outline, so the order found
/// differs.
fn rendered_errors(mut report: Report) -> String {
    report.diagnostics.retain(|d| d.code != content::Code::Orphan);
    report
        .diagnostics
        .sort_by_key(|d| (d.file.clone(), d.span.as_ref().map(|s| s.start), d.message.clone()));
    report.render(false)
}

/// Details as Debug shows them, with each entity's number replaced by its id: the same
/// entity has another number in a larger briefing.
fn by_id(briefing: &briefing::content::Briefing, details: &Details) -> String {
    let shown = format!("{details:?}");
    let mut out = String::new();
    let mut rest = shown.as_str();
    while let Some(at) = rest.find("EntityId(") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + "EntityId(".len()..];
        let end = tail.find(')').expect("a closing parenthesis");
        let n: u32 = tail[..end].parse().expect("a number");
        out.push_str(&briefing.entity(content::EntityId(n)).id);
        rest = &tail[end + 1..];
    }
    out + rest
}

#[test]
fn a_large_briefing_loads_as_a_small_one_does() {
    let small = fixture();
    let large = content::load(&padded(&files_with("", ""), 2_500))
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    assert_eq!(large.entities.len(), small.entities.len() + 5 * 2_500);
    let ids = |b: &briefing::content::Briefing, links: Vec<content::EntityId>| {
        links.into_iter().map(|id| b.entity(id).id.to_string()).collect::<Vec<_>>()
    };
    for entity in &small.entities {
        let same = large.entity(large.lookup(&entity.id).expect("the same id"));
        assert_eq!(same.name, entity.name);
        assert_eq!(same.kind(), entity.kind());
        assert_eq!(same.summary.plain(), entity.summary.plain());
        assert_eq!(
            ids(&large, same.summary.entity_links().collect()),
            ids(&small, entity.summary.entity_links().collect()),
            "{}",
            entity.id
        );
        assert_eq!(by_id(&large, &same.details), by_id(&small, &entity.details), "{}", entity.id);
    }
    let lavrov_like = large.entity(large.lookup("alpha").expect("alpha"));
    let Details::Actor { side, issues, stances, .. } = &lavrov_like.details else { panic!() };
    assert_eq!(large.sides[side.unwrap().0 as usize].id, "harbour-league");
    assert_eq!(ids(&large, issues.to_vec()), ["topic"]);
    assert_eq!(ids(&large, stances.iter().map(|s| s.issue).collect()), ["topic"]);
}

/// The fixture with a problem of every kind in its section files.
fn broken_files() -> Files {
    let mut files = files_with("", "");
    for (name, text) in &mut files.texts {
        let broken = match name.as_str() {
            "actors.toml" => text
                .replacen("kind = \"person\"", "kind = \"person\"\ncontry = \"x\"", 1)
                .replace("summary = \"Beta.\"", "summary = \"Beta, with [[nowhere]].\"")
                .replace("side = \"independents\"", "side = \"independent\"")
                .replacen("issue = \"topic\"", "issue = \"topik\"", 1)
                .replacen("text = \"we seek trust\"", "text = \"we seek truth\"", 1)
                .replace("source = \"Its website\"", "source = \"various sources\""),
            "issues.toml" => text.replace("[[tla]]", "[[tlb]]"),
            "places.toml" => text.replace("lat = 50.85", "lat = 150.85"),
            "glossary.toml" => text.replace("id = \"tla\"", "id = \"topic\""),
            "timeline.toml" => text
                .replace("actors = [\"alpha\"]", "actors = [\"alpha\", \"city\"]")
                .replace("start = \"2013-04-30\"", "start = \"2013-13-30\""),
            _ => continue,
        };
        assert_ne!(broken, **text, "{name} is broken");
        *text = broken.into();
    }
    files
}

#[test]
fn a_large_briefing_s_problems_are_reported_as_a_small_one_s_are() {
    let files = broken_files();
    let small = content::check(&files);
    let large = content::check(&padded(&files, 2_500));
    assert!(small.errors() >= 10, "{}", small.render(false));
    assert_eq!(rendered_errors(large), rendered_errors(small));

    // The same entry at the end of a large file, which is parsed again a part at a time when
    // its entries are read, is placed where it stands too: every span of it is moved there.
    let mut files = padded(&files_with("", ""), 2_500);
    let last = "[[actor]]\nid = \"last\"\nname = \"Last\"\nkind = \"person\"\ncontry = \"x\"\nsummary = \"With [[nowhere]].\"\ncites = [1]\n\n[[actor.stance]]\nissue = \"topik\"\nposition = \"wary\"\nline = \"Wary.\"\nquote = { text = \"we seek truth\", para = 2 }\nbasis = \"stated\"\n";
    let actors = format!("{}\n{last}", files.texts[1].1);
    let line_of = |needle: &str| actors[..actors.find(needle).unwrap()].matches('\n').count() + 1;
    files.texts[1].1 = actors.clone().into();
    let report = content::check(&files).render(false);
    for (needle, column) in
        [("contry", 1), ("[[nowhere]]", 19), ("\"topik\"", 9), ("\"we seek truth\"", 18)]
    {
        let at = format!("actors.toml:{}:{column}", line_of(needle));
        assert!(report.contains(&at), "{needle} at {at} in:\n{report}");
    }

    // A syntax error in one entry of a large file ends that entry only; links to ids that
    // might have been in it are not called broken.
    let mut files = files_with("", "");
    files.texts[3].1 = TIMELINE.replace("name = \"The meeting\"", "name = \"The meeting").into();
    let small = content::check(&files);
    let large = content::check(&padded(&files, 2_500));
    assert!(small.render(false).contains("timeline.toml:11"), "{}", small.render(false));
    let large_errors = rendered_errors(large);
    assert!(large_errors.contains("timeline.toml:11"), "{large_errors}");
    assert!(!large_errors.contains("unknown link target"), "{large_errors}");
}

#[test]
fn a_large_briefing_read_from_its_directory_is_reported_as_the_same_files_in_memory() {
    // Read from a directory, a large section file's entries are read again a window at a
    // time, and its text read again whole when a problem found points into it: the report
    // must be the same, every problem placed and shown. In the last round, each file's last
    // entry, far into it, has a missing name and a broken link.
    for (base, orphans, broken) in [
        (broken_files(), false, false),
        (files_with("", ""), true, false),
        (files_with("", ""), false, true),
    ] {
        let mut files = padded(&base, 2_500);
        for (name, text) in &mut files.texts {
            let (table, extra) = match name.as_str() {
                "actors.toml" => ("actor", "kind = \"person\"\n"),
                "issues.toml" => ("issue", ""),
                "places.toml" => ("place", ""),
                "glossary.toml" => ("term", ""),
                "timeline.toml" => (
                    "event",
                    "date = { start = \"2013-05-01\", precision = \"day\", basis = \"stated\" }\n",
                ),
                _ => continue,
            };
            let broken = if broken {
                format!(
                    "\n[[{table}]]\nid = \"broken-{table}\"\n{extra}summary = \"Near [[nowhere-{table}]].\"\ncites = [1]\n"
                )
            } else {
                String::new()
            };
            *text = format!(
                "{text}\n[[{table}]]\nid = \"lonely-{table}\"\nname = \"Lonely\"\n{extra}summary = \"Alone.\"\ncites = [1]\n{broken}"
            )
            .into();
        }
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &files.texts {
            std::fs::write(dir.path().join(name), text.as_bytes()).unwrap();
        }
        let read = content::read_dir(dir.path()).unwrap_or_else(|r| panic!("{}", r.render(false)));
        // Named alike, so that messages naming another file's place read the same.
        files.origin = read.origin.clone();
        let rendered = content::load::check_files(read).render(false);
        assert_eq!(rendered, content::check(&files).render(false));
        for table in ["actor", "issue", "event", "place", "term"] {
            if broken {
                let link = format!("unknown link target 'nowhere-{table}'\n");
                let at = rendered.find(&link).unwrap_or_else(|| panic!("{link} in:\n{rendered}"));
                let caret = format!("Near [[nowhere-{table}]].\"\n");
                assert!(rendered[at..].contains(&caret), "shown in place:\n{}", &rendered[at..]);
                continue;
            }
            let message = format!("nothing links to 'lonely-{table}'");
            let Some(at) = rendered.find(&message) else {
                assert!(!orphans, "{message} in:\n{rendered}");
                continue;
            };
            let end = rendered[at..].find("\n\n").map_or(rendered.len(), |e| at + e);
            let shown = format!("id = \"lonely-{table}\"");
            assert!(rendered[at..end].contains(&shown), "shown in place:\n{}", &rendered[at..end]);
        }
    }
}

#[test]
fn the_bundled_briefing_is_prebuilt_as_it_loads() {
    // build.rs stored what the loader made of the bundled files; the reader opens that.
    let bundled = &content::bundled::BUNDLED[0];
    assert!(!bundled.prebuilt.is_empty(), "build.rs stored the bundled briefing");
    let prebuilt = bundled.prebuilt().expect("what build.rs stored reads back");
    let loaded = content::load(&bundled.files()).unwrap_or_else(|r| panic!("{}", r.render(false)));
    assert_eq!(format!("{:?}", prebuilt.entities), format!("{:?}", loaded.entities));
    assert_eq!(format!("{:?}", prebuilt.summary), format!("{:?}", loaded.summary));
    assert_eq!(format!("{:?}", prebuilt.key_points), format!("{:?}", loaded.key_points));
    assert_eq!(format!("{:?}", prebuilt.source), format!("{:?}", loaded.source));
    assert_eq!(prebuilt.backlinks, loaded.backlinks);
    assert_eq!(prebuilt.lookup("lavrov"), loaded.lookup("lavrov"));
}

/// A briefing's files written to a new directory, and read back from it as `briefing DIR`
/// reads them.
fn on_disk(files: &Files) -> (tempfile::TempDir, Files) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &files.texts {
        std::fs::write(dir.path().join(name), &**text).unwrap();
    }
    let read = content::read_dir(dir.path()).unwrap_or_else(|r| panic!("{}", r.render(false)));
    (dir, read)
}

/// Every description of a briefing read from a directory, as it shows them, beside the same
/// briefing made in memory, where every description is held.
fn descriptions_both_ways(files: &Files) -> (usize, usize) {
    let (_dir, read) = on_disk(files);
    let in_files = content::load(&read).unwrap_or_else(|r| panic!("{}", r.render(false)));
    let held = content::load(&Files { read_from: None, ..read })
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    let (mut left, mut total) = (0, 0);
    for (i, entity) in in_files.entities.iter().enumerate() {
        let id = content::EntityId(i as u32);
        assert!(!matches!(held.entity(id).description, Some(content::Description::InFile { .. })));
        if let Some(content::Description::InFile { .. }) = entity.description {
            left += 1;
        }
        total += usize::from(entity.description.is_some());
        let again = in_files.description(id).map(|d| d.expect("its file is unchanged"));
        let first = held.description(id).map(|d| d.unwrap());
        assert!(again == first, "{}: the description read again differs", entity.id);
        // Its links count as its backlinks as they would held.
        assert_eq!(entity.text_links().collect::<Vec<_>>(), {
            let h = held.entity(id);
            h.text_links().collect::<Vec<_>>()
        });
    }
    assert_eq!(in_files.backlinks, held.backlinks);
    (left, total)
}

#[test]
fn a_long_description_is_left_in_its_file_and_read_again_as_loading_made_it() {
    // The bundled briefing: CommonMark, links with and without labels, paragraph marks.
    let (left, total) = descriptions_both_ways(&content::bundled());
    assert!(left > 20 && left == total, "{left} of {total} left in their files");
    // A large one, whose files are read a window at a time while their entries are made.
    let (left, total) = descriptions_both_ways(&generate::generated(1_500));
    assert!(left > 1_000 && left == total, "{left} of {total} left in their files");
}

/// The entities of `kind` whose descriptions are left in their files.
fn left_in_files(b: &content::Briefing, kind: Kind) -> Vec<content::EntityId> {
    let left = |id: &&content::EntityId| {
        matches!(b.entity(**id).description, Some(content::Description::InFile { .. }))
    };
    b.list(kind).iter().filter(left).copied().collect()
}

/// `text` saved over `file` as editors save: a new file renamed over the old.
fn saved_over(dir: &std::path::Path, file: &str, text: &str) {
    std::fs::write(dir.join("new"), text).unwrap();
    std::fs::rename(dir.join("new"), dir.join(file)).unwrap();
}

#[test]
fn a_description_whose_file_changed_since_loading_says_so_and_an_export_fails() {
    let (dir, read) = on_disk(&content::bundled());
    let b = content::load(&read).unwrap_or_else(|r| panic!("{}", r.render(false)));
    let held = content::load(&Files { read_from: None, ..read }).unwrap();
    let as_loaded =
        |id| *b.description(id).unwrap().unwrap() == *held.description(id).unwrap().unwrap();
    let text = |file: &str| std::fs::read_to_string(dir.path().join(file)).unwrap();

    // A file already opened to read a description is the one loaded, even once an editor
    // has saved a new one over it.
    let actors = left_in_files(&b, Kind::Actor);
    assert!(as_loaded(actors[0]));
    saved_over(dir.path(), "actors.toml", &format!("# edited\n{}", text("actors.toml")));
    assert!(actors.iter().all(|id| as_loaded(*id)));

    // Nor does one written in place after it, as an author adds an entry at the end.
    let issues = left_in_files(&b, Kind::Issue);
    assert!(as_loaded(issues[0]));
    let path = dir.path().join("issues.toml");
    let mut file = std::fs::OpenOptions::new().append(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, b"\n[[issue]]\nid = \"unfinished").unwrap();
    assert!(as_loaded(issues[2]) && as_loaded(issues[3]));
    // One written before it moves it: it is not read again.
    std::fs::write(&path, format!("# edited\n{}", text("issues.toml"))).unwrap();
    let unread = b.description(issues[1]).unwrap().unwrap_err();
    let id = &b.entity(issues[1]).id;
    assert_eq!(
        unread.to_string(),
        format!(
            "could not read the description of '{id}' again from issues.toml: the file has changed since the briefing was loaded"
        )
    );
    // Nor one in a file saved over before it was opened, with the same change.
    let events = left_in_files(&b, Kind::Event);
    saved_over(dir.path(), "timeline.toml", &format!("# edited\n{}", text("timeline.toml")));
    assert!(b.description(events[0]).unwrap().is_err());

    // The detail says so in the description's place; an export fails rather than leave it
    // out. One read before the change is shown as it was read.
    let shown = briefing::document::print::print(
        &b,
        briefing::document::print::Selection::Only(briefing::document::print::Part::Kind(
            Kind::Issue,
        )),
        200,
    );
    assert!(
        shown.contains(
            "This description could not be read again from issues.toml: the file has changed since the briefing was loaded."
        ),
        "{shown}"
    );
    let first = held.description(issues[0]).unwrap().unwrap().plain();
    assert!(shown.contains(&first[..11]), "{shown}");
    use briefing::document::export::{Format, export};
    for format in [Format::Markdown, Format::Html, Format::Json] {
        let failed = export(&b, format).unwrap_err().to_string();
        assert!(
            failed.ends_with("the file has changed since the briefing was loaded"),
            "{format:?}: {failed}"
        );
    }
    // A briefing whose descriptions are all held reads nothing again.
    assert!(export(&held, Format::Json).is_ok());
}

#[path = "../benches/generate.rs"]
#[allow(dead_code)]
mod generate;
