//! Beyond the screen: the plain text `briefing print` and a pipe get, the three exports, the
//! man page and completions, each run as the real binary is, on the bundled briefing and on
//! one whose every field tries to break out of its format.

mod common;

use briefing::document::export::{self, Format, json};
use briefing::document::print::{Part, Selection, print};
use scraper::{Html, Selector};
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env_remove("COLUMNS").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the output is UTF-8")
}

/// Every field of the test briefing that is shown somewhere holds markup, quotes, an escape
/// sequence or a control character.
fn hostile_dir() -> tempfile::TempDir {
    let briefing = common::BRIEFING
        .replace(
            "title = \"Test briefing\"",
            r#"title = "Test <script>alert('title')</script> \"briefing\" \u001b]52;c;ZXZpbA==\u0007 &amp;""#,
        )
        .replace(
            "url = \"https://example.org/test\"",
            r#"url = "https://example.org/a\"><img src=x onerror=alert(1)> b\u001b[31m;é""#,
        )
        .replace(
            "summary = \"About [[alpha]] and [[topic|the topic]].\"",
            r#"summary = "About [[alpha]] <script>alert(2)</script> and [[topic|the topic]]. [click](javascript:alert(3)) <img src=x onerror=alert(4)> *a* `x` \u009b2J\u202e""#,
        );
    let actors = common::ACTORS
        .replace("name = \"Alpha Person\"", r#"name = "Alpha \"><img src=x onerror=alert(5)> Person""#)
        .replace("source = \"Its website\"", r#"source = "</aside><script>alert(6)</script>""#)
        .replace(
            "summary = \"Beta.\"",
            "summary = \"Beta <b onmouseover=alert(7)>bold</b>.\"",
        )
        .replace(
            "text = \"we seek trust\"\npara = 2",
            "text = \"we seek trust\"\npara = 2\n\n[[actor.slip]]\nsaid = \"seek\"\ncorrect = \"<seek> & \\\"find\\\"\"\npara = 2",
        );
    let glossary = common::GLOSSARY.replace(
        "expansion = \"Three-letter acronym\"",
        r#"expansion = "Three-letter \"acronym\" '<i>' \u001b[2J""#,
    );
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in common::files_with("", "").texts {
        let body = match name.as_str() {
            "briefing.toml" => briefing.clone(),
            "actors.toml" => actors.clone(),
            "glossary.toml" => glossary.clone(),
            _ => body.to_string(),
        };
        fs::write(dir.path().join(name), body).unwrap();
    }
    dir
}

fn arg(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().unwrap()
}

/// No byte a terminal could act on: no control character but the newline, no DEL, no C1
/// control, no bidirectional override.
fn assert_plain(bytes: &[u8], what: &str) {
    for (i, b) in bytes.iter().enumerate() {
        assert!(*b == b'\n' || (*b >= 0x20 && *b != 0x7f), "{what}: byte {b:#04x} at {i}");
    }
    let text = text(bytes);
    for c in text.chars() {
        assert!(
            !('\u{80}'..='\u{9f}').contains(&c) && !('\u{202a}'..='\u{202e}').contains(&c),
            "{what}: {c:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Plain text

#[test]
fn a_pipe_gets_the_whole_briefing_as_plain_text() {
    let output = Command::new(BIN)
        .env_remove("COLUMNS")
        .stdout(Stdio::piped())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_plain(&output.stdout, "briefing | cat");
    let printed = text(&output.stdout);
    assert_eq!(printed, text(&run(&["print"]).stdout), "the pipe prints what print prints");
    // In reading order, each part once.
    let order = ["\nSummary\n", "\nActors\n", "\nIssues\n", "\nTimeline\n", "\nPlaces\n"];
    let mut at = 0;
    for heading in order.iter().chain(&["\nGlossary\n", "\nSource\n"]) {
        let found = printed[at..].find(heading).unwrap_or_else(|| panic!("{heading:?} in order"));
        at += found + 1;
    }
    assert!(printed.contains("── actor:lavrov ─"), "every item carries its address");
    assert!(printed.contains("Sergei Lavrov["), "links are numbered references");
    assert!(printed.contains("\nReferences\n"));
    assert!(printed.contains("Date   15 Mar 2013"), "dates with their precision");
    assert!(printed.contains("Basis  inferred"), "and their basis");
    assert!(printed.contains("Outside context\n• "), "outside context is marked");
    assert!(printed.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80));
}

#[test]
fn plain_text_of_a_hostile_briefing_holds_no_escape() {
    let dir = hostile_dir();
    for args in [vec!["print", arg(&dir)], vec!["print", arg(&dir), "--width", "20"]] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert_plain(&output.stdout, "print");
        let printed = text(&output.stdout);
        assert!(printed.contains("]52;c;ZXZpbA=="), "the words stay, the escape goes");
    }
}

#[test]
fn print_wraps_to_the_width_asked() {
    let briefing = common::bundled();
    for width in [20u16, 37, 60, 132] {
        let printed = print(&briefing, Selection::Whole, width);
        for line in printed.lines() {
            // An address is never broken, so one longer than a narrow width stands alone.
            if line
                .trim_start_matches("── ")
                .split(' ')
                .next()
                .is_some_and(|w| w.contains(':') && w.len() > width as usize - 3)
            {
                continue;
            }
            let w = unicode_width::UnicodeWidthStr::width(line);
            assert!(w <= width as usize, "{width}: {w} columns: {line:?}");
        }
    }
    let narrow =
        Command::new(BIN).args(["print", "--only", "actors"]).env("COLUMNS", "50").output();
    let narrow = text(&narrow.unwrap().stdout);
    assert!(narrow.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 50));
    let out_of_range = run(&["print", "--width", "5"]);
    assert_eq!(out_of_range.status.code(), Some(2));
    assert!(text(&out_of_range.stderr).contains("5 is not in 20..=1000"));
}

#[test]
fn print_one_item_and_what_it_links_to() {
    let output = run(&["print", "--id", "lavrov"]);
    assert_eq!(output.status.code(), Some(0));
    let printed = text(&output.stdout);
    assert!(printed.starts_with("Sergei Lavrov\n============="), "{printed}");
    assert!(printed.contains("── actor:lavrov ─"));
    assert!(printed.contains("What Sergei Lavrov links to"));
    assert!(printed.contains("── actor:russia ─"), "{printed}");
    assert!(!printed.contains("── actor:hagel ─"), "only what it links to");
    // The same by address, and a paragraph.
    assert_eq!(printed, text(&run(&["print", "--id", "actor:lavrov"]).stdout));
    // A slip is shown beside the words as written, with what is right.
    let slip = text(&run(&["print", "--id", "source:1", "--width", "200"]).stdout);
    assert!(
        slip.contains("Preparatory Conference[1] [slip; correct: Preparatory Committee]"),
        "{slip}"
    );
    let paragraph = text(&run(&["print", "--id", "source:2"]).stdout);
    assert!(paragraph.contains("¶2 U.S. Defense Secretary Chuck Hagel"), "{paragraph}");
    let only = text(&run(&["print", "--only", "glossary"]).stdout);
    assert!(only.starts_with("Glossary\n"), "{only}");
    assert!(!only.contains("── actor:"));
}

#[test]
fn a_mistyped_id_is_named_with_what_was_meant() {
    let output = run(&["print", "--id", "lavorv"]);
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(message.contains("there is nothing called 'lavorv'"), "{message}");
    assert!(message.contains("did you mean actor:lavrov?"), "{message}");
    let wrong_kind = text(&run(&["print", "--id", "issue:lavrov"]).stderr);
    assert!(wrong_kind.contains("'lavrov' is an actor, not an issue: its address is actor:lavrov"));
    let paragraph = text(&run(&["print", "--id", "source:99"]).stderr);
    assert!(paragraph.contains("the source has paragraphs 1 to 5"), "{paragraph}");
    let kind = text(&run(&["print", "--id", "person:lavrov"]).stderr);
    assert!(kind.contains("'person' is not a kind of entry"), "{kind}");
    // An escape typed on the command line is shown, not acted on.
    let hostile = run(&["print", "--id", "\u{1b}]52;c;eA==\u{7}"]);
    assert_eq!(hostile.status.code(), Some(2));
    assert_plain(&hostile.stderr, "stderr");
    let goto = Command::new(BIN).args(["--goto", "lavorv"]).stdout(Stdio::piped()).output();
    let goto = goto.unwrap();
    assert_eq!(goto.status.code(), Some(2));
    assert!(text(&goto.stderr).contains("--goto: there is nothing called 'lavorv'"));
}

#[test]
fn goto_through_a_pipe_prints_that_place() {
    let output =
        Command::new(BIN).args(["--goto", "actor:lavrov"]).stdout(Stdio::piped()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), text(&run(&["print", "--id", "actor:lavrov"]).stdout));
}

#[test]
fn output_that_cannot_be_written_is_an_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [vec!["print"], vec!["export", "--to", "json"], vec!["man"]] {
        let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let output = Command::new(BIN).args(&args).stdout(full).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(text(&output.stderr).contains("could not write the output"), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Export

#[test]
fn export_writes_a_file_or_says_why_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.html");
    let output = run(&["export", "--to", "html", "-o", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty());
    assert_eq!(fs::read_to_string(&file).unwrap(), text(&run(&["export", "--to", "html"]).stdout));
    // Nothing is left beside it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

    let missing = dir.path().join("no/such/dir/b.html");
    let output = run(&["export", "--to", "html", "-o", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("cannot write") && message.contains("no/such/dir/b.html"),
        "{message}"
    );
    assert!(message.contains("the directory does not exist"), "{message}");

    let output = run(&["export", "--to", "json", "-o", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("it is a directory"));

    let output = run(&["export", "--to", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("possible values: markdown, html, json"));
}

#[test]
fn exports_of_the_bundled_briefing_are_the_same_bytes_every_time() {
    for format in ["markdown", "html", "json"] {
        let first = run(&["export", "--to", format]);
        let second = run(&["export", "--to", format]);
        assert_eq!(first.status.code(), Some(0));
        assert!(first.stdout == second.stdout, "{format} differs between two runs");
        assert_plain(&first.stdout, format);
    }
}

#[test]
fn snapshots_of_each_format() {
    let briefing = common::bundled();
    insta::assert_snapshot!(
        "export_markdown",
        export::export(&briefing, Format::Markdown).unwrap()
    );
    insta::assert_snapshot!("export_html", export::export(&briefing, Format::Html).unwrap());
    insta::assert_snapshot!("export_json", export::export(&briefing, Format::Json).unwrap());
    insta::assert_snapshot!(
        "print_actors_80",
        print(&briefing, Selection::Only(Part::Kind(briefing::content::Kind::Actor)), 80)
    );
}

/// The ids of a parsed page, and the internal links that name none of them.
fn dangling(page: &Html) -> (HashSet<String>, Vec<String>) {
    let all = Selector::parse("[id]").unwrap();
    let mut ids = HashSet::new();
    for element in page.select(&all) {
        let id = element.value().attr("id").unwrap().to_owned();
        assert!(ids.insert(id.clone()), "the id {id} is given twice");
    }
    let links = Selector::parse("a[href^='#'], [cite^='#']").unwrap();
    let mut missing = Vec::new();
    for element in page.select(&links) {
        let value = element.value();
        let target = value.attr("href").or(value.attr("cite")).unwrap();
        if !ids.contains(&target[1..]) {
            missing.push(target.to_owned());
        }
    }
    (ids, missing)
}

#[test]
fn html_every_internal_link_and_citation_lands_on_an_id() {
    let html = export::export(&common::bundled(), Format::Html).unwrap();
    let page = Html::parse_document(&html);
    assert!(page.errors.is_empty(), "the page parses without error: {:?}", page.errors);
    let (ids, missing) = dangling(&page);
    assert!(missing.is_empty(), "links to nothing: {missing:?}");
    for id in ["actor-lavrov", "source-2", "summary", "actors", "glossary", "source"] {
        assert!(ids.contains(id), "{id}");
    }
    for landmark in [
        "header",
        "nav",
        "main",
        "footer",
        "h1",
        "article",
        "time",
        "abbr[title]",
        "blockquote[cite]",
        "q[cite]",
        "aside.context",
        "mark.slip",
    ] {
        let selector = Selector::parse(landmark).unwrap();
        assert!(page.select(&selector).next().is_some(), "the page has {landmark}");
    }
    // Dates carry their real precision: a month is a month, a range is two times.
    let times: Vec<String> = page
        .select(&Selector::parse("time").unwrap())
        .map(|t| t.value().attr("datetime").unwrap().to_owned())
        .collect();
    assert!(
        times.iter().all(|t| {
            let b = t.as_bytes();
            matches!(b.len(), 4 | 7 | 8 | 10) && b[..4].iter().all(u8::is_ascii_digit)
        }),
        "{times:?}"
    );
    assert!(times.contains(&"2013-03-15".to_owned()), "a day");
    assert!(times.contains(&"2009-09".to_owned()), "a month: {times:?}");
    assert!(times.contains(&"2013-W17".to_owned()), "a week: {times:?}");
    let range = page
        .select(&Selector::parse("#event-prepcom-2013 dd").unwrap())
        .next()
        .unwrap()
        .inner_html();
    assert!(range.matches("<time").count() == 2, "a range is two times: {range}");
    let epaa = Selector::parse("abbr[title='European Phased Adaptive Approach']").unwrap();
    assert!(page.select(&epaa).next().is_some(), "an acronym carries its expansion");
}

#[test]
fn html_of_a_hostile_briefing_runs_nothing_and_breaks_nothing() {
    let dir = hostile_dir();
    let output = run(&["export", arg(&dir), "--to", "html"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_plain(&output.stdout, "html");
    let html = text(&output.stdout);
    let page = Html::parse_document(&html);
    for tag in ["script", "img", "b", "i", "iframe", "object", "embed"] {
        let selector = Selector::parse(tag).unwrap();
        assert!(page.select(&selector).next().is_none(), "content made a <{tag}>");
    }
    // No attribute that runs anything, and no address that does.
    let every = Selector::parse("*").unwrap();
    for element in page.select(&every) {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "an event handler: {name}={value}");
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "{name}={value}"
            );
        }
    }
    let (_, missing) = dangling(&page);
    assert!(missing.is_empty(), "{missing:?}");
    // The words are all there, as text.
    let title =
        page.select(&Selector::parse("h1").unwrap()).next().unwrap().text().collect::<String>();
    assert_eq!(title, "Test <script>alert('title')</script> \"briefing\" ]52;c;ZXZpbA== &amp;");
    let body = page.root_element().text().collect::<String>();
    assert!(body.contains("<img src=x onerror=alert(4)>"), "shown, not made");
    assert!(body.contains("</aside><script>alert(6)</script>"));
    let abbr = page.select(&Selector::parse("abbr[title]").unwrap()).next().unwrap();
    assert_eq!(abbr.value().attr("title"), Some("Three-letter \"acronym\" '<i>' [2J"));
    // The outside address is one attribute, whole.
    let outside = Selector::parse("a.outside").unwrap();
    let hrefs: Vec<&str> = page.select(&outside).filter_map(|a| a.value().attr("href")).collect();
    assert!(
        hrefs.contains(&"https://example.org/a\"><img src=x onerror=alert(1)> b[31m;é"),
        "{hrefs:?}"
    );
    // The slip's correction is marked beside the words, escaped.
    let slip = page.select(&Selector::parse("a.correction").unwrap()).next().unwrap();
    assert_eq!(slip.text().collect::<String>(), "[slip; correct: <seek> & \"find\"]");
}

#[test]
fn markdown_links_land_on_anchors_and_content_makes_no_markup() {
    use pulldown_cmark::{Event, Parser, Tag};
    for (what, markdown) in [
        ("bundled", export::export(&common::bundled(), Format::Markdown).unwrap()),
        ("hostile", text(&run(&["export", arg(&hostile_dir()), "--to", "markdown"]).stdout)),
    ] {
        assert_plain(markdown.as_bytes(), what);
        let mut anchors = HashSet::new();
        let mut links = Vec::new();
        for event in Parser::new(&markdown) {
            match event {
                Event::Html(html) | Event::InlineHtml(html) => {
                    // The only markup is the export's own anchors.
                    let html = html.trim();
                    if html == "</a>" {
                        continue;
                    }
                    let id = html
                        .strip_prefix("<a id=\"")
                        .and_then(|rest| rest.strip_suffix("\"></a>"))
                        .or_else(|| html.strip_prefix("<a id=\"").and_then(|r| r.split('"').next()))
                        .unwrap_or_else(|| panic!("{what}: markup from content: {html:?}"));
                    anchors.insert(id.to_owned());
                }
                Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
                Event::Start(Tag::Image { .. }) => panic!("{what}: an image"),
                _ => {}
            }
        }
        for link in &links {
            if let Some(anchor) = link.strip_prefix('#') {
                assert!(anchors.contains(anchor), "{what}: [..]({link}) lands nowhere");
            }
        }
        assert!(links.iter().any(|l| l == "#actor-alpha" || l == "#actor-lavrov"), "{what}");
        assert!(links.iter().any(|l| l.starts_with("#source-")), "{what}: citations link");
    }
    let hostile = text(&run(&["export", arg(&hostile_dir()), "--to", "markdown"]).stdout);
    assert!(hostile.contains("\\<script\\>alert(2)\\</script\\>"), "escaped as written");
}

#[test]
fn json_reads_back_as_the_same_briefing() {
    for briefing in [common::bundled(), common::fixture()] {
        let text = export::export(&briefing, Format::Json).unwrap();
        let read = json::read(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read, json::shape(&briefing).unwrap(), "what is read is what was written");
        let again = serde_json::to_string_pretty(&read).unwrap() + "\n";
        assert_eq!(again, text, "written again, byte for byte");
    }
    assert!(
        json::read("{\"format\": \"briefing-export\", \"version\": 2}")
            .unwrap_err()
            .contains("version 2")
    );
    assert!(json::read("[]").unwrap_err().contains("not a briefing export"));
}

#[test]
fn json_names_everything_by_address() {
    let text = export::export(&common::bundled(), Format::Json).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The keys of the top level, in the order written.
    let keys: Vec<&str> =
        text.lines().filter_map(|l| l.strip_prefix("  \"")?.split('"').next()).collect();
    assert_eq!(
        keys,
        ["format", "version", "briefing", "sides", "entities", "source"],
        "key order is fixed"
    );
    let lavrov = value["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["address"] == "actor:lavrov")
        .unwrap();
    assert_eq!(lavrov["details"]["actor"]["side"], "russia");
    assert!(lavrov["backlinks"].as_array().unwrap().iter().any(|b| b == "issue:missile-defense"));
    let hagel = value["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["address"] == "event:hagel-announcement")
        .unwrap();
    let date = &hagel["details"]["event"]["date"];
    assert_eq!(
        (date["start"].as_str(), date["precision"].as_str(), date["basis"].as_str()),
        (Some("2013-03-15"), Some("day"), Some("inferred"))
    );
    assert_eq!(value["source"]["paragraphs"][1]["address"], "source:2");
}

#[test]
fn the_export_schema_is_kept_in_assets_and_printed() {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/schema/export.json"));
    let schema = briefing::commands::schema::text(&json::schema());
    if std::env::var_os("BRIEFING_WRITE_SCHEMA").is_some() {
        fs::write(path, &schema).unwrap();
    }
    // Compared whole but not printed whole: the schema is long.
    assert!(
        fs::read_to_string(path).unwrap_or_default() == schema,
        "assets/schema/export.json is stale: run BRIEFING_WRITE_SCHEMA=1 cargo test --test export"
    );
    let printed = run(&["schema", "export"]);
    assert_eq!(printed.status.code(), Some(0));
    assert_eq!(text(&printed.stdout), schema);
}

// ---------------------------------------------------------------------------------------
// The man page and completions

#[test]
fn the_man_page_names_every_action_and_every_command() {
    use clap::CommandFactory;
    let output = run(&["man"]);
    assert_eq!(output.status.code(), Some(0));
    let page = text(&output.stdout);
    assert!(page.contains("\n.TH BRIEFING 1 "), "{}", &page[..200]);
    for action in briefing::app::Action::bindable() {
        let name = action.name().unwrap();
        // roff writes an underscore as is and a hyphen as \-.
        assert!(page.contains(&format!("\\fI{name}\\fR")), "the man page does not name {name}");
    }
    for sub in briefing::cli::Cli::command().get_subcommands() {
        assert!(
            page.contains(&format!(".SS {}", sub.get_name())),
            "no section for {}",
            sub.get_name()
        );
    }
    for section in
        ["KEYS", "\"BRIEFING FORMAT\"", "FILES", "ENVIRONMENT", "\"EXIT STATUS\"", "SETTINGS"]
    {
        assert!(page.contains(&format!(".SH {section}")), "{section}");
    }
    for word in ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "NO_COLOR", "config.toml"] {
        assert!(page.contains(word), "{word}");
    }
    for command in briefing::cli::COMMANDS {
        assert!(page.contains(&format!(".SS {command}")), "{command}");
    }
}

#[test]
fn completions_for_every_shell_complete_directories_where_a_briefing_goes() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = text(&output.stdout);
        assert!(script.contains("export") && script.contains("goto"), "{shell}");
    }
    assert!(text(&run(&["completions", "bash"]).stdout).contains("-o dirnames"));
    assert!(text(&run(&["completions", "zsh"]).stdout).contains("_files -/"));
    // fish completes a file or a directory for any argument it is told nothing of.
    let fish = text(&run(&["completions", "fish"]).stdout);
    assert!(fish.contains("complete -c briefing"), "{fish}");
    let unknown = run(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
}
