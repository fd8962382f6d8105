//! The library: listing briefings from their headers alone, ordering and filtering them, the
//! screen that opens one and comes back to each exactly where it was left, and `briefing list`.

mod common;

use briefing::app::memory::Memory;
use briefing::app::{Action, Effect, KeyMode, Shell};
use briefing::library::{Library, Origin, Sort};
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A folder of briefings: the fixture under `names`, each with its own title and date.
fn folder(names: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let temp = tempfile::tempdir().unwrap();
    for (name, title, date) in names {
        let dir = temp.path().join(name);
        fs::create_dir(&dir).unwrap();
        for (file, text) in files_with("", "").texts {
            let text = if file == "briefing.toml" {
                text.replace("Test briefing", title).replace("2013-04-29", date)
            } else {
                text.to_string()
            };
            fs::write(dir.join(file), text).unwrap();
        }
    }
    temp
}

fn no_memory(_: &str) -> Option<Memory> {
    None
}

fn titles(library: &Library, order: &[usize]) -> Vec<String> {
    order.iter().map(|i| library.entries[*i].header.title.to_string()).collect()
}

#[test]
fn a_folder_is_listed_from_headers_with_the_bundled_briefing_always_there() {
    let dir = folder(&[
        ("zebra", "Zebra crossing", "2020-01-05"),
        ("apple", "Apple harvest", "2021-06-01"),
    ]);
    let library = Library::scan(&[dir.path().to_path_buf()], &no_memory);
    let order = library.order(Sort::Title, "");
    assert_eq!(
        titles(&library, &order),
        ["Apple harvest", "Russian and U.S. strategic impasse", "Zebra crossing"]
    );
    assert!(matches!(library.entries[0].origin, Origin::Bundled(_)));
    let by_date = library.order(Sort::Date, "");
    assert_eq!(titles(&library, &by_date)[0], "Apple harvest", "newest first");
    assert_eq!(titles(&library, &library.order(Sort::Title, "zeb")), ["Zebra crossing"]);
    assert_eq!(titles(&library, &library.order(Sort::Title, "APPLE harv")), ["Apple harvest"]);
    assert!(library.order(Sort::Title, "nothing like it").is_empty());
}

#[test]
fn only_the_header_is_read_so_a_broken_section_lists_and_a_broken_header_says_why() {
    let dir = folder(&[
        ("fine", "Fine", "2020-01-01"),
        ("bad-actors", "Bad actors", "2020-01-02"),
        ("bad-header", "x", "2020-01-03"),
    ]);
    // A section file that would not load does not stop the listing: it is never read.
    fs::write(dir.path().join("bad-actors/actors.toml"), "[[actor]\nthis is not toml").unwrap();
    fs::write(dir.path().join("bad-header/briefing.toml"), "format = 2\ntitle = \"Unclosed\n")
        .unwrap();
    let library = Library::scan(&[dir.path().to_path_buf()], &no_memory);
    let entry = |name: &str| library.entries.iter().find(|e| e.key.ends_with(name)).unwrap();
    assert!(entry("bad-actors").problem.is_none());
    assert_eq!(entry("bad-actors").header.title, "Bad actors");
    let problem = entry("bad-header").problem.as_ref().unwrap().to_string();
    assert!(problem.contains("briefing.toml, line 2"), "{problem}");
    assert_eq!(entry("bad-header").header.title, "bad-header", "named by its folder");
    // A header of another format says so.
    fs::write(dir.path().join("fine/briefing.toml"), "format = 9\ntitle = \"Future\"\n").unwrap();
    let library = Library::scan(&[dir.path().to_path_buf()], &no_memory);
    let fine = library.entries.iter().find(|e| e.key.ends_with("fine")).unwrap();
    assert!(fine.problem.as_ref().unwrap().contains("reads format 2"), "{:?}", fine.problem);
}

#[test]
fn memory_gives_progress_and_last_opened_and_orders_by_it() {
    let dir = folder(&[("one", "One", "2020-01-01"), ("two", "Two", "2020-01-02")]);
    let two = briefing::library::key_of(&dir.path().join("two"));
    let peek = move |key: &str| {
        (key == two).then(|| Memory {
            version: 1,
            tab: "summary".into(),
            panes: Default::default(),
            bookmarks: vec![],
            seen: vec!["alpha".into(), "beta".into()],
            items: Some(10),
            counts: None,
            opened: Some(1_700_000_000),
        })
    };
    let library = Library::scan(&[dir.path().to_path_buf()], &peek);
    let order = library.order(Sort::Opened, "");
    assert_eq!(titles(&library, &order)[0], "Two", "the one opened comes first");
    assert_eq!(library.entries[order[0]].recall.progress(), Some((2, 10)));
}

/// A shell started on the library of `dir`, as `briefing DIR` starts.
fn on_library(dir: &Path, width: u16, height: u16) -> Shell {
    let library = Library::scan(&[dir.to_path_buf()], &no_memory);
    Shell::builder(fixture()).size(width, height).library(library, true).build()
}

/// Carries out an `Open` effect as the terminal does: loads the briefing and hands it back.
fn finish_opening(shell: &mut Shell) -> Vec<Effect> {
    let effects = shell.take_effects();
    for effect in &effects {
        if let Effect::Open { key, origin } = effect {
            let loaded = origin.files().and_then(|f| briefing::content::load(&f));
            shell.opened(key, loaded, None);
        }
    }
    effects
}

/// Chooses the row whose title is `title` and opens it.
fn open_titled(shell: &mut Shell, title: &str) {
    step(shell, &[Action::First]);
    for _ in 0..20 {
        let view = shell.library().unwrap();
        if view.chosen().unwrap().header.title == title {
            break;
        }
        shell.update(Action::Next);
    }
    shell.update(Action::Follow);
    finish_opening(shell);
}

#[test]
fn library_to_briefing_and_back_keeps_each_briefing_s_place() {
    let dir = folder(&[
        ("first", "First briefing", "2020-01-01"),
        ("second", "Second briefing", "2020-01-02"),
    ]);
    let mut r = on_library(dir.path(), 100, 30);
    assert!(r.library_shown());
    assert_eq!(r.key_mode(), KeyMode::Library);
    let start = screen(&r);
    assert!(start.contains("Library · 3 briefings") && start.contains("First briefing"), "{start}");
    // Esc with nothing opened says what to do instead of showing a briefing not chosen.
    r.update(Action::Close);
    assert!(r.library_shown() && status(&r).contains("Choose a briefing"), "{}", status(&r));

    open_titled(&mut r, "First briefing");
    assert!(!r.library_shown());
    assert_eq!(r.session().briefing.title, "First briefing");
    step(&mut r, &[Action::ShowActors, Action::Next, Action::Next]);
    let first_place = r.session().here();

    r.update(Action::Library);
    assert!(r.library_shown());
    assert!(screen(&r).contains("▸ First briefing"), "the one being read is marked");
    open_titled(&mut r, "Second briefing");
    assert_eq!(r.session().briefing.title, "Second briefing");
    step(&mut r, &[Action::ShowTimeline]);
    let second_place = r.session().here();

    // Back to the first: exactly where it was, and the second keeps its own place.
    r.update(Action::Library);
    open_titled(&mut r, "First briefing");
    assert_eq!(r.session().briefing.title, "First briefing");
    assert_eq!(r.session().here(), first_place);
    r.update(Action::Library);
    open_titled(&mut r, "Second briefing");
    assert_eq!(r.session().here(), second_place);
    // Esc on the library goes back to the briefing being read.
    r.update(Action::Library);
    r.update(Action::Close);
    assert!(!r.library_shown());
    assert_eq!(r.session().here(), second_place);
    let keys: Vec<String> = r.memories().into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys.len(), 2, "both opened briefings are saved at the end: {keys:?}");
}

#[test]
fn switching_briefings_saves_the_one_left_and_watches_the_one_opened() {
    let dir = folder(&[
        ("first", "First briefing", "2020-01-01"),
        ("second", "Second briefing", "2020-01-02"),
    ]);
    let mut r = on_library(dir.path(), 100, 30);
    open_titled(&mut r, "First briefing");
    r.take_effects();
    r.update(Action::Library);
    step(&mut r, &[Action::First]);
    while r.library().unwrap().chosen().unwrap().header.title != "Second briefing" {
        r.update(Action::Next);
    }
    r.update(Action::Follow);
    let effects = finish_opening(&mut r);
    assert!(matches!(&effects[0], Effect::Open { key, .. } if key.ends_with("second")));
    let after = r.take_effects();
    assert!(
        after.iter().any(|e| matches!(e, Effect::Save(key, _) if key.ends_with("first"))),
        "{after:?}"
    );
    let second: PathBuf = std::fs::canonicalize(dir.path().join("second")).unwrap();
    assert!(after.contains(&Effect::Watch(Some(second))), "{after:?}");
}

#[test]
fn a_briefing_that_does_not_open_shows_its_whole_report_and_stays_listed() {
    let dir = folder(&[("broken", "Broken sections", "2020-01-01")]);
    fs::write(dir.path().join("broken/places.toml"), "[[place]]\nid = \"x\"\n").unwrap();
    let mut r = on_library(dir.path(), 100, 30);
    open_titled(&mut r, "Broken sections");
    assert!(r.library_shown(), "still on the library");
    assert!(matches!(r.mode(), briefing::app::Mode::Messages { .. }));
    let shown = screen(&r);
    assert!(shown.contains("did not open") && shown.contains("missing field"), "{shown}");
    r.update(Action::Close);
    let listed = screen(&r);
    assert!(listed.contains("! Broken sections"), "marked as not loading:\n{listed}");
}

#[test]
fn typing_filters_the_rows_and_o_changes_the_order() {
    let dir = folder(&[("a", "Alpha talks", "2019-01-01"), ("b", "Beta summit", "2022-01-01")]);
    let mut r = on_library(dir.path(), 100, 30);
    r.update(Action::Find);
    assert_eq!(r.key_mode(), KeyMode::Prompt);
    typed(&mut r, "summ");
    let filtered = screen(&r);
    assert!(
        filtered.contains("1 of 3 briefings") && filtered.contains("Beta summit"),
        "{filtered}"
    );
    assert!(!filtered.contains("Alpha talks"));
    r.update(Action::Accept);
    r.update(Action::Close);
    assert!(screen(&r).contains("3 briefings"), "Esc clears the filter first");
    r.update(Action::Sort);
    assert!(screen(&r).contains("by title"));
    r.update(Action::Sort);
    let by_date = screen(&r);
    assert!(by_date.contains("by date"));
    assert!(by_date.find("Beta summit").unwrap() < by_date.find("Alpha talks").unwrap());
}

#[test]
fn a_search_of_every_briefing_groups_matches_and_opens_at_one() {
    let dir = folder(&[("a", "Alpha talks", "2019-01-01"), ("b", "Beta summit", "2022-01-01")]);
    let mut r = on_library(dir.path(), 100, 30);
    r.update(Action::Search);
    typed(&mut r, "Beta Person");
    r.update(Action::Accept);
    let effects = r.take_effects();
    let Some(Effect::SearchLibrary { query, briefings }) = effects.into_iter().next() else {
        panic!("no search asked for")
    };
    assert_eq!(briefings.len(), 3);
    // The terminal searches each briefing on a thread; here, one after another.
    for (entry, origin) in briefings {
        let briefing = briefing::content::load(&origin.files().unwrap()).unwrap();
        let index = briefing::search::index::SearchIndex::build(&briefing);
        r.found(&query, entry, index.search(&briefing, &query, 20).0);
    }
    let results = screen(&r);
    assert!(results.contains("“Beta Person”") && results.contains("in 2 briefings"), "{results}");
    assert!(results.contains("Alpha talks (") && results.contains("Beta summit ("), "{results}");
    r.update(Action::Follow);
    finish_opening(&mut r);
    assert!(!r.library_shown());
    assert_eq!(selected(&r).as_deref(), Some("beta"), "opened at the match");
}

#[test]
fn every_size_draws_the_library_without_panicking() {
    let dir =
        folder(&[("a", "A title long enough to be cut at narrow widths, surely", "2019-01-01")]);
    for (w, h) in [(40, 12), (80, 24), (120, 40), (250, 70), (20, 5), (1, 1)] {
        let r = on_library(dir.path(), w, h);
        screen(&r);
    }
}

#[test]
fn a_problem_cut_to_fit_the_status_line_keeps_a_space_before_the_help_key() {
    let dir = folder(&[("future", "Future", "2020-01-01")]);
    fs::write(dir.path().join("future/briefing.toml"), "format = 9\ntitle = \"Future\"\n").unwrap();
    for width in [50, 60, 80] {
        let mut r = on_library(dir.path(), width, 12);
        r.update(Action::Find);
        typed(&mut r, "future");
        r.update(Action::Accept);
        let shown = screen(&r);
        let last = shown.lines().last().unwrap();
        assert!(last.contains("Does not load"), "{shown}");
        let help = last.find("? help").unwrap();
        assert!(last[..help].ends_with(' '), "at {width} columns: {last:?}");
    }
}

#[test]
fn a_briefing_opened_by_itself_reads_the_library_s_folders_only_when_it_is_shown() {
    let dir =
        folder(&[("first", "First briefing", "2020-01-01"), ("second", "Second", "2020-01-02")]);
    let key = briefing::library::key_of(&dir.path().join("first"));
    // As `briefing DIR/first` starts: only the bundled briefings at hand.
    let mut r = Shell::builder(fixture())
        .size(100, 30)
        .library(Library::scan(&[], &no_memory), false)
        .key(key.clone())
        .scan_library_when_shown()
        .build();
    assert!(r.take_effects().is_empty(), "nothing is read before the library is asked for");
    r.update(Action::Library);
    let effects = r.take_effects();
    assert!(effects.iter().any(|e| matches!(e, Effect::RescanLibrary)), "{effects:?}");
    r.rescanned(Library::scan(&[dir.path().to_path_buf()], &no_memory));
    let shown = screen(&r);
    assert!(shown.contains("Library · 3 briefings") && shown.contains("Second"), "{shown}");
    assert!(shown.contains("▸ First briefing"), "the one being read is chosen: {shown}");
    assert!(!status(&r).contains("read again"), "a first reading is no news: {}", status(&r));
    // Shown again, the library is not read again; R still reads it, and says so.
    r.update(Action::Close);
    r.update(Action::Library);
    assert!(!r.take_effects().iter().any(|e| matches!(e, Effect::RescanLibrary)));
    r.update(Action::Reload);
    assert!(r.take_effects().iter().any(|e| matches!(e, Effect::RescanLibrary)));
    r.rescanned(Library::scan(&[dir.path().to_path_buf()], &no_memory));
    assert!(status(&r).contains("read again"), "{}", status(&r));
}
