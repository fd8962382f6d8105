//! The reader's ways in and out: `--goto` opens it at an address the printed text shows, its
//! cursor sits where a screen reader should read, and outside addresses are terminal
//! hyperlinks that nothing in a briefing can turn into another escape sequence.

mod common;

#[path = "common/pty.rs"]
mod pty;

use briefing::app::{Action, Effect};
use briefing::document::Target;
use pty::Session;
use std::time::{Duration, Instant};

const URL: &str = "https://basicint.org/news/2013/russian-and-us-strategic-impasse";

/// Waits until the screen shows `what` and the cursor has settled where the reader put it.
fn settled(s: &Session, what: &str) -> (u16, u16, bool) {
    s.wait_for(what);
    std::thread::sleep(Duration::from_millis(150));
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (row, col) = screen.cursor_position();
    (row, col, screen.hide_cursor())
}

fn row_text(s: &Session, row: u16) -> String {
    s.text().lines().nth(row as usize).unwrap_or_default().to_owned()
}

#[test]
fn goto_opens_the_reader_at_an_address_over_the_place_kept() {
    let mut s = Session::bundled(100, 30);
    s.jump_to("hagel", "Chuck Hagel");
    let home = s.quit_keeping_home();
    let mut s = Session::start_in(home, &["--goto", "actor:lavrov"], 100, 30);
    s.wait_for("Foreign Minister of the Russian Federation");
    // The place kept from last time is one step back.
    s.press("\x7f", "Secretary of Defense");
    s.quit_and_check_restored("q");

    let s = Session::start(&["--goto", "source:2"], 100, 30);
    s.wait_for("¶2");
    s.wait_for("U.S. Defense Secretary Chuck Hagel announced");
    assert!(s.text().contains(" Source "), "{}", s.text());
    s.quit_and_check_restored("q");
}

#[test]
fn a_goto_that_names_nothing_is_said_before_the_terminal_is_touched() {
    let mut s = Session::start(&["--goto", "actor:lavorv"], 100, 30);
    s.wait_for("did you mean actor:lavrov?");
    assert_eq!(s.wait_exit(), 2);
    assert!(!s.raw_text().contains("\x1b[?1049h"), "the alternate screen was never entered");
}

#[test]
fn the_cursor_follows_the_selection_and_the_focused_link() {
    let mut s = Session::bundled(100, 30);
    s.send("2");
    let (row, col, hidden) = settled(&s, "James N. Miller");
    assert!(!hidden, "the cursor is shown for a screen reader");
    let line = row_text(&s, row);
    assert!(line.contains("James N. Miller") && col < 5, "row {row} col {col}: {line}");
    s.send("j");
    let (next, _, _) = settled(&s, "Secretary of Defense");
    assert_eq!(next, row + 1, "the cursor moves with the selection");
    // Tab focuses the first link of the detail; the cursor goes to its first letter.
    s.send("\t");
    let (row, col, hidden) = settled(&s, "→ ");
    assert!(!hidden);
    let status = s.status_line();
    let name = status.split("→ ").nth(1).unwrap().split(" — ").next().unwrap();
    let name = name.split_once(' ').map_or(name, |(_kind, name)| name);
    let at: String = row_text(&s, row).chars().skip(col as usize).collect();
    let first_word = name.split(' ').next().unwrap();
    assert!(
        at.to_lowercase().starts_with(&first_word.to_lowercase()),
        "cursor at {row},{col} on {at:?}, link {name:?}"
    );
    s.quit_and_check_restored("q");
}

#[test]
fn a_setting_hides_the_cursor() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/briefing")).unwrap();
    std::fs::write(home.path().join("config/briefing/config.toml"), "cursor = false\n").unwrap();
    let mut s = Session::start_in(home, &[], 100, 30);
    s.send("2");
    let (_, _, hidden) = settled(&s, "James N. Miller");
    assert!(hidden, "cursor = false keeps it hidden");
    s.quit_and_check_restored("q");
}

/// Every OSC 8 sequence in `raw`: its parameters and address, up to the string terminator.
fn hyperlinks(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = raw[at..].windows(4).position(|w| w == b"\x1b]8;") {
        let start = at + found + 4;
        let end = raw[start..]
            .windows(2)
            .position(|w| w == b"\x1b\\")
            .map(|e| start + e)
            .expect("every hyperlink sequence is terminated");
        out.push(raw[start..end].to_vec());
        at = end;
    }
    out
}

#[test]
fn the_source_address_is_a_hyperlink_drawn_at_its_width() {
    let s = Session::bundled(100, 30);
    s.wait_for(URL);
    std::thread::sleep(Duration::from_millis(150));
    let raw = s.raw.lock().unwrap().clone();
    let links = hyperlinks(&raw);
    let to_address =
        |l: &Vec<u8>| l.starts_with(b"id=briefing-") && l.ends_with(format!(";{URL}").as_bytes());
    assert!(links.iter().any(to_address), "no hyperlink to the address");
    // Drawn cell by cell, the address reads whole, and what follows it is where it belongs.
    let line = s.text().lines().find(|l| l.contains("Address")).unwrap().to_owned();
    assert!(line.contains(&format!("Address    {URL} ")), "{line:?}");
    assert!(line.ends_with('│') && line.chars().count() == 100, "the border is in place: {line:?}");
    s.quit_and_check_restored("q");

    // The Linux console prints what it does not know: it gets no hyperlinks.
    let home = tempfile::tempdir().unwrap();
    let s = Session::start_with(home, &[], &[("TERM", "linux")], 100, 30);
    s.wait_for(URL);
    std::thread::sleep(Duration::from_millis(150));
    assert!(hyperlinks(&s.raw.lock().unwrap()).is_empty());
    let plain = s.text().lines().find(|l| l.contains("Address")).unwrap().to_owned();
    assert_eq!(line, plain, "with and without hyperlinks, the row is the same");
    s.quit_and_check_restored("q");
}

#[test]
fn no_address_can_smuggle_an_escape_through_a_hyperlink() {
    let dir = tempfile::tempdir().unwrap();
    let briefing = common::BRIEFING
        .replace(
            "url = \"https://example.org/test\"",
            r#"url = "https://example.org/a\u001b\\\u0007\u009c]52;c;ZXZpbA==\u0007 \"é;%""#,
        )
        .replace(
            "summary = \"About [[alpha]] and [[topic|the topic]].\"",
            r#"summary = "About [[alpha]], [this](https://x.org/&#27;]52;c;eA==&#7;) and [that](javascript:alert(1))." "#,
        );
    for (name, text) in common::files_with("briefing.toml", &briefing).texts {
        std::fs::write(dir.path().join(name), text.as_bytes()).unwrap();
    }
    let s = Session::start(&[dir.path().to_str().unwrap()], 100, 30);
    s.wait_for("Test briefing");
    s.wait_for("this");
    std::thread::sleep(Duration::from_millis(200));
    let raw = s.raw.lock().unwrap().clone();
    let links = hyperlinks(&raw);
    assert!(!links.is_empty(), "the outside links are hyperlinks");
    for link in &links {
        assert!(
            link.iter().all(|b| (0x20..=0x7e).contains(b)),
            "a byte that is not printable ASCII in {:?}",
            String::from_utf8_lossy(link)
        );
    }
    assert!(
        links.iter().any(|l| l.ends_with(b"https://example.org/a\\]52;c;ZXZpbA==%20\"%C3%A9;%25"))
    );
    assert!(!links.iter().any(|l| l.windows(11).any(|w| w == b"javascript:")), "not linked");
    let start = Instant::now();
    let mut text = String::from_utf8_lossy(&raw).into_owned();
    while !text.contains("that") && start.elapsed() < pty::WAIT {
        std::thread::sleep(Duration::from_millis(20));
        text = s.raw_text();
    }
    assert!(!text.contains("\x1b]52"), "no clipboard sequence came from the briefing");
    s.quit_and_check_restored("q");
}

#[test]
fn enter_on_an_outside_address_says_how_to_open_it_and_y_copies_it() {
    let mut shell =
        briefing::app::Shell::builder(common::bundled()).size(100, 30).hyperlinks(true).build();
    common::tab_to(&mut shell, &Target::External(URL.into()));
    shell.update(Action::Follow);
    let status = common::status(&shell);
    assert!(status.contains("not opened here"), "{status}");
    assert!(status.contains("click it") && status.contains("press y to copy it"), "{status}");
    shell.take_effects();
    shell.update(Action::Copy);
    assert_eq!(shell.take_effects(), vec![Effect::Copy(URL.to_owned())]);
    assert!(common::status(&shell).contains("Copied the address"));
}

/// Where the reader put the terminal's cursor in the last frame, if it showed it.
fn drawn_cursor(shell: &briefing::app::Shell) -> Option<(u16, u16)> {
    use ratatui::backend::Backend;
    let mut terminal = common::draw(shell);
    let backend = terminal.backend_mut();
    let shown = backend.get_cursor_position().ok()?;
    Some((shown.x, shown.y))
}

#[test]
fn while_typing_the_cursor_is_where_the_next_letter_goes() {
    use ratatui::crossterm::event::KeyCode;
    let mut shell = common::reader(common::bundled(), 100, 30);
    common::press(&mut shell, KeyCode::Char('/'));
    common::typed(&mut shell, "lav");
    // The status line reads "/lav▏": the cursor is on the bar.
    assert_eq!(drawn_cursor(&shell), Some((4, 29)));
    common::press(&mut shell, KeyCode::Esc);
    common::ctrl(&mut shell, 'k');
    common::typed(&mut shell, "hag");
    let inner = briefing::app::pickers::picker_layout(shell.screen()).inner;
    assert_eq!(drawn_cursor(&shell), Some((inner.x + "Go to: hag".len() as u16, inner.y)));
}
