//! The non-interactive commands as an author or a CI job runs them: `check` (exit statuses,
//! human and JSON output), `schema` (kept in assets/ without drift) and `new`.

mod common;

use briefing::commands::schema;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn briefing(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing")).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Writes the fixture with one file replaced into a new directory.
fn fixture_dir(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in common::files_with(file, text).texts {
        fs::write(dir.path().join(name), text.as_bytes()).unwrap();
    }
    dir
}

fn path(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().unwrap()
}

const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/content/strategic-impasse");

#[test]
fn check_exits_0_on_a_clean_briefing() {
    let output = briefing(&["check", BUNDLED]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("content/strategic-impasse: no problems\n"));
}

#[test]
fn check_exits_1_on_errors_and_prints_them_all() {
    let broken = common::PLACES.replace("country =", "contry =");
    let dir = fixture_dir("places.toml", &broken);
    let other = fixture_dir(
        "glossary.toml",
        &common::GLOSSARY.replace("see_also = [\"topic\"]", "see_also = [\"topci\"]"),
    );
    let output = briefing(&["check", path(&dir), path(&other)]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("error[E0002]: unknown field `contry`"), "{text}");
    assert!(text.contains("error[E0007]: unknown link target 'topci'"), "{text}");
    assert!(text.contains("help: did you mean 'topic'?"), "{text}");
}

#[test]
fn warnings_pass_unless_denied() {
    let lonely = format!(
        "{}\n[[term]]\nid = \"lonely\"\nname = \"Lonely\"\nsummary = \"x\"\ncites = [1]\n",
        common::GLOSSARY
    );
    let dir = fixture_dir("glossary.toml", &lonely);
    let output = briefing(&["check", path(&dir)]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("warning[W0001]: nothing links to 'lonely'"));
    let output = briefing(&["check", "--deny", "warnings", path(&dir)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[W0001]: nothing links to 'lonely'"));
}

#[test]
fn usage_problems_exit_2() {
    assert_eq!(briefing(&["check"]).status.code(), Some(2));
    assert_eq!(briefing(&["check", "--format", "xml", BUNDLED]).status.code(), Some(2));
    assert_eq!(briefing(&["check", "--deny", "everything", BUNDLED]).status.code(), Some(2));
    assert_eq!(briefing(&["--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn check_speaks_json_for_editors_and_ci() {
    let dir = fixture_dir("places.toml", &common::PLACES.replace("cites = [1]", "cites = [7]"));
    let output = briefing(&["check", "--format", "json", path(&dir)]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["errors"], 1);
    assert_eq!(json["warnings"], 0);
    let d = &json["briefings"][0]["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "E0009");
    assert_eq!(d["message"], "there is no paragraph 7");
    assert_eq!(d["file"], format!("{}/places.toml", path(&dir)));
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(7), Some(10)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(7), Some(11)));
    assert_eq!(d["help"], "the source has paragraphs 1 to 2");
}

#[test]
fn a_missing_directory_is_reported_not_panicked_on() {
    let output = briefing(&["check", "/no/such/briefing"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[E0020]: /no/such/briefing does not exist"));
}

/// Run with BRIEFING_WRITE_SCHEMA=1 to rewrite assets/schema after changing the format types.
#[test]
fn the_schemas_in_assets_match_the_types() {
    let folder = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/schema"));
    for (name, text) in schema::files() {
        let path = folder.join(&name);
        if std::env::var_os("BRIEFING_WRITE_SCHEMA").is_some() {
            fs::write(&path, &text).unwrap();
        }
        let kept = fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            kept, text,
            "assets/schema/{name} is stale: run BRIEFING_WRITE_SCHEMA=1 cargo test --test commands"
        );
    }
    let printed = briefing(&["schema"]);
    assert_eq!(stdout(&printed), fs::read_to_string(folder.join("any-file.json")).unwrap());
    let printed = briefing(&["schema", "actors"]);
    assert_eq!(stdout(&printed), fs::read_to_string(folder.join("actors.json")).unwrap());
    assert_eq!(briefing(&["schema", "notes"]).status.code(), Some(2));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&briefing(&["schema", "timeline.toml"]))).unwrap();
    assert_eq!(json["$schema"], "http://json-schema.org/draft-07/schema#");
    // Field docs become descriptions that editors show.
    assert_eq!(
        json["definitions"]["DateField"]["properties"]["basis"]["description"],
        "Where the date comes from."
    );
    assert_eq!(json["additionalProperties"], false);
}

#[test]
fn every_bundled_file_points_editors_at_its_schema() {
    for name in briefing::content::load::FILES {
        let text = fs::read_to_string(Path::new(BUNDLED).join(name)).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(schema::directive(schema::BUNDLED_FOLDER, name).as_str()),
            "{name}"
        );
    }
}

#[test]
fn a_new_briefing_passes_check_as_written() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("my-briefing");
    let output = briefing(&["new", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout(&output).contains("briefing check"));
    for name in briefing::content::load::FILES {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        let directive = schema::directive(schema::NEW_FOLDER, name);
        assert!(text.starts_with(&format!("{directive}\n")), "{name}");
    }
    for (name, text) in schema::files() {
        assert_eq!(fs::read_to_string(dir.join("schema").join(name)).unwrap(), text);
    }
    let check = briefing(&["check", "--deny", "warnings", dir.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        fs::read_to_string(dir.join("briefing.toml")).unwrap().contains("title = \"my-briefing\"")
    );
}

#[test]
fn new_never_overwrites_work() {
    let dir = fixture_dir("", "");
    let before = fs::read_to_string(dir.path().join("actors.toml")).unwrap();
    let output = briefing(&["new", path(&dir)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(fs::read_to_string(dir.path().join("actors.toml")).unwrap(), before);
}

#[test]
fn the_reader_prints_the_same_diagnostics_and_exits_non_zero() {
    let broken = common::PLACES.replace("country =", "contry =");
    let dir = fixture_dir("places.toml", &broken);
    let output = briefing(&[path(&dir)]);
    assert_eq!(output.status.code(), Some(1));
    let check = briefing(&["check", path(&dir)]);
    assert_eq!(String::from_utf8_lossy(&output.stderr), stdout(&check));
}

/// The reader with a config file of `text`, in its own XDG config directory.
fn with_config(text: &str) -> (Output, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    fs::create_dir_all(home.path().join("config/briefing")).unwrap();
    fs::write(home.path().join("config/briefing/config.toml"), text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .output()
        .unwrap();
    (output, home)
}

#[test]
fn a_bad_config_is_explained_before_the_terminal_is_touched() {
    for (config, expected) in [
        ("mouse = \"no\"\n", "config.toml:1:9"),
        ("mose = false\n", "unknown field `mose`"),
        ("[keys]\nnext = [\"Hyper-j\"]\n", "error[E0025]: 'Hyper-j' is not a key"),
        ("[keys]\nnxt = [\"j\"]\n", "there is no action 'nxt'"),
        ("[keys]\nhelp = [\"Ctrl-c\"]\n", "Ctrl-c cannot be bound: it always quits"),
        ("theme = \"ligth\"\n", "did you mean 'light'?"),
        ("[keys]\nnext = [\"q\"]\n", "it triggers quit by default"),
    ] {
        let (output, _home) = with_config(config);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{config}: {stderr}");
        assert!(stderr.contains(expected), "{config}: {stderr}");
        assert!(!String::from_utf8_lossy(&output.stdout).contains("\u{1b}[?1049h"));
    }
}

#[test]
fn three_problems_in_a_config_are_reported_in_one_run() {
    let (output, _home) =
        with_config("mouse = \"no\"\ncolour = true\n[keys]\nnext = [\"Hyper-j\"]\n");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("3 errors"), "{stderr}");
}

#[test]
fn a_mistyped_command_is_suggested() {
    let output = Command::new(env!("CARGO_BIN_EXE_briefing")).arg("chek").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("did you mean `briefing check`?"), "{stderr}");
}

#[test]
fn help_topics_print_what_the_binary_carries() {
    for (topic, expected) in [
        ("format", "briefing.toml"),
        ("keys", "Ctrl-c"),
        ("config", "mouse = true"),
        ("authoring", "E0007"),
    ] {
        let output =
            Command::new(env!("CARGO_BIN_EXE_briefing")).args(["help", topic]).output().unwrap();
        assert!(output.status.success(), "{topic}");
        assert!(String::from_utf8_lossy(&output.stdout).contains(expected), "{topic}");
    }
    let output =
        Command::new(env!("CARGO_BIN_EXE_briefing")).args(["help", "nope"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn check_colours_follow_no_color_and_clicolor_force() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in
        common::files_with("places.toml", &common::PLACES.replace("country =", "contry =")).texts
    {
        fs::write(dir.path().join(name), text.as_bytes()).unwrap();
    }
    let run = |env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
        command.arg("check").arg(dir.path()).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            command.env(k, v);
        }
        String::from_utf8_lossy(&command.output().unwrap().stdout).into_owned()
    };
    assert!(!run(&[]).contains('\u{1b}'), "a pipe gets no colour");
    assert!(run(&[("CLICOLOR_FORCE", "1")]).contains('\u{1b}'), "CLICOLOR_FORCE forces it");
    assert!(
        !run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'),
        "NO_COLOR wins"
    );
}

/// `briefing list` with a state folder of its own, so no person's memory is read.
fn list(args: &[&str], state: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("list")
        .args(args)
        .env("XDG_STATE_HOME", state)
        .env("XDG_DATA_HOME", state.join("no-data"))
        .output()
        .unwrap()
}

#[test]
fn list_prints_a_row_per_briefing_and_json_for_scripts() {
    let state = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let one = fixture_dir("", "");
    let named = folder.path().join("weird\u{1b}]52;x\u{7}name");
    fs::rename(one.path(), &named).unwrap();
    let output = list(&[folder.path().to_str().unwrap()], state.path());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("Test briefing") && text.contains("never opened"), "{text}");
    assert!(text.contains("Russian and U.S. strategic impasse  "), "the bundled one too: {text}");
    assert!(
        !text.contains('\u{1b}') && text.contains("weird\\u{1b}"),
        "the folder name is escaped: {text}"
    );
    let json = list(
        &[folder.path().to_str().unwrap(), "--format", "json", "--sort", "title"],
        state.path(),
    );
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["title"], "Russian and U.S. strategic impasse");
    assert_eq!(rows[1]["published"]["start"], "2013-04-29");
    assert_eq!(rows[1]["published"]["basis"], "inferred");
    assert!(!String::from_utf8_lossy(&json.stdout).contains('\u{1b}'));
    let missing = list(&["/no/such/folder"], state.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("is not a folder"));
}
