//! The real binary in a pseudo-terminal: keys in, screen out, and the terminal left as it was
//! found (main screen, cursor shown) however the reader ends.

mod common;

#[path = "common/pty.rs"]
mod pty;

use pty::{Session, assert_restored};
use std::time::{Duration, Instant};

const WAIT: Duration = pty::WAIT;

#[test]
fn open_an_actor_follow_a_link_go_back_and_quit() {
    let mut s = Session::bundled(100, 30);
    s.press("2", "Actors");
    // Down to Sergei Lavrov, then into his detail.
    for _ in 0..10 {
        if s.text().contains("Foreign Minister of the Russian Federation") {
            break;
        }
        s.send("j");
        std::thread::sleep(Duration::from_millis(100));
    }
    s.wait_for("Foreign Minister of the Russian Federation");
    s.send("\r");
    // Tab through the links until the status line says one leads to missile defense.
    for _ in 0..40 {
        s.send("\t");
        std::thread::sleep(Duration::from_millis(60));
        if s.status_line().contains("→ issue Missile defense") {
            break;
        }
    }
    assert!(s.status_line().contains("→ issue Missile defense"), "{}", s.text());
    s.press("\r", "Sergei Lavrov › Missile defense");
    // Backspace goes back to Lavrov, with the trail shortened.
    s.send("\x7f");
    let start = Instant::now();
    while s.text().contains("› Missile defense") && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    s.wait_for("Foreign Minister of the Russian Federation");
    assert!(s.status_line().contains("→ issue Missile defense"), "the focused link came back too");
    s.quit_and_check_restored("q");
}

#[test]
fn ctrl_c_quits_from_the_help_and_restores_the_terminal() {
    let mut s = Session::bundled(80, 24);
    s.press("?", "Keys");
    s.wait_for("Next item in a list");
    s.quit_and_check_restored("\x03");
}

#[test]
fn a_wider_terminal_adds_the_related_column_and_keeps_the_selection() {
    let mut s = Session::bundled(80, 24);
    s.press("3", "Issues");
    s.press("j", "2/8");
    assert!(!s.text().contains("Related"));
    s.resize(140, 40);
    s.wait_for("Related");
    s.wait_for("2/8");
    s.resize(30, 6);
    s.wait_for("Terminal too small");
    s.resize(80, 24);
    s.wait_for("2/8");
    s.quit_and_check_restored("q");
}

#[test]
fn a_broken_briefing_is_explained_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in
        common::files_with("places.toml", &common::PLACES.replace("country =", "contry =")).texts
    {
        std::fs::write(dir.path().join(name), text.as_bytes()).unwrap();
    }
    let s = Session::start(&[dir.path().to_str().unwrap()], 80, 24);
    s.wait_for("unknown field `contry`");
    let (code, raw) = s.finish();
    assert_eq!(code, 1);
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("places.toml:4:1"), "{text}");
    assert!(!text.contains("\x1b[?1049h"), "the alternate screen was entered");
}

#[test]
fn a_path_that_is_not_a_briefing_says_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::start(&[dir.path().to_str().unwrap()], 80, 24);
    s.wait_for("is not a briefing");
    let (code, _) = s.finish();
    assert_eq!(code, 1);
}

/// Saves as editors do: a new file renamed over the old one.
fn save(path: &std::path::Path, text: &str) {
    let temp = path.with_extension("toml.tmp~");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn live_reload_shows_a_change_keeps_the_last_good_version_on_a_break_and_clears_on_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in common::files_with("", "").texts {
        std::fs::write(dir.path().join(name), text.as_bytes()).unwrap();
    }
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 90, 24);
    s.wait_for("Test briefing");
    s.press("5", "Where they meet.");

    let briefing_toml = dir.path().join("briefing.toml");
    save(
        &briefing_toml,
        &common::BRIEFING.replace("title = \"Test briefing\"", "title = \"Retitled briefing\""),
    );
    s.press("1", "Retitled briefing");

    let places = dir.path().join("places.toml");
    save(&places, &common::PLACES.replace("country =", "contry ="));
    s.wait_for("Not reloaded: 1 error");
    s.wait_for("unknown field `contry`");
    assert!(s.text().contains("Retitled briefing"), "the last good version stays on screen");
    s.press("e", "Messages and problems");
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));

    save(&places, &common::PLACES.replace("Where they meet.", "Where they met."));
    let start = Instant::now();
    while s.text().contains("Not reloaded") && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!s.text().contains("Not reloaded"), "the banner stayed:\n{}", s.text());
    s.press("5", "Where they met.");
    s.quit_and_check_restored("q");
}

#[test]
fn no_watch_leaves_the_briefing_as_it_was_opened_until_the_reload_key() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in common::files_with("", "").texts {
        std::fs::write(dir.path().join(name), text.as_bytes()).unwrap();
    }
    let mut s = Session::start(&["--no-watch", dir.path().to_str().unwrap()], 90, 24);
    s.wait_for("Test briefing");
    save(&dir.path().join("briefing.toml"), &common::BRIEFING.replace("Test briefing", "Retitled"));
    std::thread::sleep(Duration::from_millis(800));
    // A key redraws the screen; the title stays the one opened. (`2` rather than a scroll,
    // which would move the title out of view.)
    s.press("2", "Alpha Person");
    s.press("1", "Test briefing");
    assert!(!s.text().contains("Retitled"));
    // The reload key still reads the files again, by hand.
    s.press("R", "Retitled");
    assert!(!s.text().contains("no files to read again"), "{}", s.text());
    s.quit_and_check_restored("q");
}

#[test]
fn slash_search_highlights_and_n_steps() {
    let mut s = Session::bundled(100, 30);
    s.press("7", "¶1");
    s.press("/missile", "1/9");
    s.press("\r", "/missile  1/9");
    s.press("n", "“missile” 2/9");
    s.press("N", "“missile” 1/9");
    s.quit_and_check_restored("q");
}

#[test]
fn the_palette_jumps_to_a_fuzzy_name() {
    let mut s = Session::bundled(100, 30);
    s.jump_to("gotemoler", "Rose Gottemoeller");
    s.wait_for("Acting Under Secretary of State");
    s.quit_and_check_restored("q");
}

#[test]
fn a_link_hint_is_followed_by_typing_its_label() {
    let mut s = Session::bundled(100, 30);
    s.press("f", "Type a link's label");
    // The summary's first link is the publisher, BASIC. It has more than nine links, so
    // labels are two letters and the first is "aa".
    s.press("a", "aASIC");
    s.press("a", "Summary › BASIC");
    s.quit_and_check_restored("q");
}

#[test]
fn the_place_is_remembered_across_two_runs() {
    let mut s = Session::bundled(100, 30);
    s.jump_to("lavrov", "Sergei Lavrov");
    s.press("m", "Bookmarked Sergei Lavrov");
    let home = s.quit_keeping_home();
    let saved = std::fs::read_dir(home.path().join("state/briefing")).unwrap().count();
    assert_eq!(saved, 1, "one state file for the bundled briefing");

    let mut s = Session::start_in(home, &[], 100, 30);
    s.wait_for("Foreign Minister of the Russian Federation");
    assert!(s.text().contains("★ Sergei Lavrov"), "the bookmark mark is back:\n{}", s.text());
    s.press("'", "Bookmarks");
    // q closes the box first, as in less; a second q quits.
    s.send("q");
    let start = Instant::now();
    while s.text().contains("Bookmarks ") && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    s.quit_and_check_restored("q");
}

#[test]
fn fresh_neither_restores_nor_saves() {
    let mut s = Session::bundled(100, 30);
    s.press("2", "Actors");
    let home = s.quit_keeping_home();
    let s = Session::start_in(home, &["--fresh"], 100, 30);
    s.wait_for("Russian and U.S. strategic impasse");
    assert!(s.text().contains("Publisher"), "--fresh starts on the Summary");
    s.quit_and_check_restored("q");
}

/// XDG directories whose saved state for the bundled briefing (written by a first run) has
/// been replaced by `text`, and the folder it is in.
fn home_with_saved_state(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let s = Session::bundled(100, 30);
    let home = s.quit_keeping_home();
    let dir = home.path().join("state/briefing");
    let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    std::fs::write(&file, text).unwrap();
    (home, dir)
}

#[test]
fn a_corrupt_state_file_is_set_aside_with_a_warning_not_a_crash() {
    let (home, dir) = home_with_saved_state("{ this is not json");
    let s = Session::start_in(home, &[], 120, 30);
    s.wait_for("Your saved place was not used");
    let _home = s.quit_keeping_home();
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("set-aside"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept under a new name");
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), "{ this is not json");
}

#[test]
fn a_state_file_from_a_newer_version_is_set_aside() {
    let (home, _) = home_with_saved_state(r#"{"version": 99, "tab": "actors"}"#);
    let s = Session::start_in(home, &[], 140, 30);
    s.wait_for("a newer version of briefing wrote it");
    s.quit_and_check_restored("q");
}

#[test]
fn mouse_clicks_arrive_as_terminal_mouse_sequences() {
    let mut s = Session::bundled(100, 30);
    assert!(s.raw_text().contains("\x1b[?1000h"), "mouse capture was turned on");
    assert!(s.text().contains("mouse ·"), "the status line says the mouse is on");
    // SGR mouse: button 0 pressed at column 15, row 1 (1-based): the "2 Actors" tab.
    s.send("\x1b[<0;15;1M\x1b[<0;15;1m");
    s.wait_for("1/11");
    // A click on the third list row (a heading, then Miller, then Chuck Hagel), at terminal
    // row 6.
    s.send("\x1b[<0;5;6M\x1b[<0;5;6m");
    s.wait_for("2/11");
    assert!(s.text().lines().nth(1).unwrap().contains("Chuck Hagel"));
    s.press("M", "Mouse off");
    assert!(s.raw_text().contains("\x1b[?1000l"), "mouse capture was turned off");
    s.quit_and_check_restored("q");
}

#[test]
fn y_copies_through_osc_52() {
    use base64::Engine;
    let mut s = Session::bundled(100, 30);
    s.jump_to("lavrov", "Sergei Lavrov");
    s.press("y", "Copied to the clipboard");
    let raw = s.raw_text();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + raw[start..].find('\x07').unwrap();
    let text = base64::engine::general_purpose::STANDARD.decode(&raw[start..end]).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.starts_with("Sergei Lavrov, Foreign Minister"), "{text}");
    assert!(text.ends_with("(¶2, BASIC, 27–29 Apr 2013, date inferred)"), "{text}");
    s.quit_and_check_restored("q");
}

#[test]
fn sigterm_restores_the_terminal_and_saves_the_place() {
    let mut s = Session::bundled(100, 30);
    s.press("3", "Issues");
    let pid = s.child.process_id().unwrap();
    std::process::Command::new("kill").arg(pid.to_string()).status().unwrap();
    let code = s.wait_exit();
    assert_eq!(code, 0);
    assert_restored(&s.raw.lock().unwrap(), &s.screen.lock().unwrap());
    let saved = s.home.path().join("state/briefing");
    assert_eq!(std::fs::read_dir(saved).unwrap().count(), 1, "the place was saved");
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    let mut s = Session::bundled(100, 30);
    s.press("2", "Actors");
    let before = s.raw_text().matches("\x1b[?1049l").count();
    // The test's reader has no job-control shell, so the stop is discarded by the system and
    // the reader comes straight back: exactly what `fg` would do.
    s.send("\x1a");
    let start = Instant::now();
    while s.raw_text().matches("\x1b[?1049l").count() == before && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    s.wait_for("Actors");
    let raw = s.raw_text();
    let left = raw.rfind("\x1b[?1049l").expect("the alternate screen was left");
    assert!(raw[left..].contains("\x1b[?1049h"), "and entered again");
    s.press("3", "Issues");
    s.quit_and_check_restored("q");
}

#[test]
fn keys_rebound_in_the_config_work_and_the_help_shows_them() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/briefing")).unwrap();
    std::fs::write(
        home.path().join("config/briefing/config.toml"),
        "mouse = false\n[keys]\nquit = [\"x\"]\n",
    )
    .unwrap();
    let mut s = Session::start_in(home, &[], 100, 30);
    s.wait_for("Russian and U.S. strategic impasse");
    assert!(!s.raw_text().contains("\x1b[?1000h"), "the config turned the mouse off");
    s.press("?", "Keys");
    // Down the help until the Quit row, which names the key set in the config.
    for _ in 0..80 {
        if s.text().lines().any(|l| l.contains(" x ") && l.contains("Quit")) {
            break;
        }
        s.send("j");
        std::thread::sleep(Duration::from_millis(30));
    }
    assert!(s.text().lines().any(|l| l.contains(" x ") && l.contains("Quit")), "{}", s.text());
    // A pause after Esc, or the next key arrives with it as Alt-key, as in any terminal.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.press("q", "q does nothing here");
    s.quit_and_check_restored("x");
}

#[test]
fn without_colour_the_selection_is_drawn_reversed_in_the_raw_bytes() {
    let mut s =
        Session::start_with(tempfile::tempdir().unwrap(), &[], &[("NO_COLOR", "1")], 80, 24);
    s.wait_for("Russian and U.S. strategic impasse");
    let before = s.raw.lock().unwrap().len();
    s.press("2", "Actors");
    s.press("j", "2/11");
    let raw = s.raw.lock().unwrap()[before..].to_vec();
    let text = String::from_utf8_lossy(&raw);
    // Reverse video is on (SGR 7), with no colour at all and no reset hidden in a colour.
    assert!(text.contains("\x1b[7m"), "no reverse video:\n{text:?}");
    assert!(
        !text.contains("\x1b[38;5;") && !text.contains("\x1b[48;5;"),
        "a colour under NO_COLOR"
    );
    assert!(!text.contains("\x1b[;m"), "crossterm's NO_COLOR reset, which undoes the reverse");
    let screen = s.screen.lock().unwrap();
    // Below the tab row and the trail, which names the selection too.
    let row = (2..24)
        .find(|r| screen.screen().contents_between(*r, 0, *r, 30).contains("Chuck Hagel"))
        .unwrap();
    assert!(screen.screen().cell(row, 4).unwrap().inverse(), "the selected row is reversed");
    drop(screen);
    s.quit_and_check_restored("q");
}

/// A home whose data folder holds two briefings, "First briefing" and "Second briefing".
fn home_with_library() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    for (name, title) in [("first", "First briefing"), ("second", "Second briefing")] {
        let dir = home.path().join("data/briefing").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in common::files_with("", "").texts {
            std::fs::write(dir.join(file), text.replace("Test briefing", title)).unwrap();
        }
    }
    home
}

#[test]
fn library_to_a_briefing_and_back_then_another_and_back_to_the_first_where_it_was() {
    let mut s = Session::start_in(home_with_library(), &[], 100, 30);
    s.wait_for("Library · 3 briefings");
    // Filter to the first, open it, and move to its Actors at Beta Person.
    s.press("/", "Filter:");
    s.send("First\r");
    s.press("\r", "Publisher");
    s.press("2", "Alpha Person");
    s.send("j");
    s.send("j");
    s.wait_for("Beta.");
    // The library comes back as it was left, filter and all.
    s.press("L", "Library · 1 of 3 briefings");
    assert!(
        s.text().contains("▸ First briefing"),
        "the briefing being read is marked:\n{}",
        s.text()
    );
    assert!(s.text().contains("reading now") && s.text().contains("/10"), "{}", s.text());
    s.send("\x1b");
    s.wait_for("Library · 3 briefings");
    // The second, by filter too.
    s.press("/", "Filter:");
    s.send("Second\r");
    s.press("\r", "Second briefing");
    s.press("4", "Timeline");
    // Back to the first: the Actors pane, Beta Person chosen, as it was left.
    s.press("L", "Library");
    s.press("/", "Filter:");
    s.send("First\r");
    s.send("\r");
    s.wait_for("Beta.");
    let text = s.text();
    assert!(text.contains("Actors") && text.contains("Beta Person"), "{text}");
    let home = s.quit_keeping_home();
    // Both briefings' places are kept.
    let saved = std::fs::read_dir(home.path().join("state/briefing")).unwrap().count();
    assert_eq!(saved, 2, "one state file per briefing opened");
    // Listed again, each shows when it was opened and how much was read.
    let list = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("list")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(out.contains("First briefing") && out.contains("opened today"), "{out}");
    assert!(out.contains("seen"), "{out}");
}
