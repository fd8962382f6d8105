//! Load + first frame, and keystroke + frame, on the bundled briefing and on a generated one of
//! 10,000 entities. `cargo bench` runs them; the figures go in the notes of a change.

use briefing::app::{Action, Pane, Shell};
use briefing::content::{self, Files};
use briefing::ui;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;

/// A briefing of `per_kind` entities of each of the five kinds, every one linking to a few
/// others in its text and relations, over a source of 200 paragraphs.
fn generated(per_kind: usize) -> Files {
    let paragraphs = 200;
    let cite = |i: usize| format!("cites = [{}, {}]", i % paragraphs + 1, (i * 7) % paragraphs + 1);
    let mut actors = String::new();
    let mut issues = String::new();
    let mut timeline = String::new();
    let mut places = String::new();
    let mut glossary = String::new();
    let sides = ["united-states", "russia", "nato", "non-governmental", "other"];
    for i in 0..per_kind {
        let next = (i + 1) % per_kind;
        let far = (i * 31 + 7) % per_kind;
        actors.push_str(&format!(
            "[[actor]]\nid = \"actor-{i}\"\nname = \"Actor {i}\"\nkind = \"person\"\nside = \"{}\"\nissues = [\"issue-{i}\", \"issue-{far}\"]\nsummary = \"Works with [[actor-{next}]] on [[issue-{far}|an issue]].\"\ndescription = \"\"\"\nA longer description of actor {i}, who appears at [[event-{i}]] in [[place-{far}]] and uses the term [[term-{next}]]. It runs on for a while so that the detail wraps over several rows, as real entries do.\n\"\"\"\n{}\n\n",
            sides[i % sides.len()],
            cite(i)
        ));
        issues.push_str(&format!(
            "[[issue]]\nid = \"issue-{i}\"\nname = \"Issue {i}\"\nrelated = [\"issue-{next}\"]\nsummary = \"Raised by [[actor-{i}]].\"\n{}\n\n",
            cite(i)
        ));
        let month = i % 12 + 1;
        let day = i % 28 + 1;
        timeline.push_str(&format!(
            "[[event]]\nid = \"event-{i}\"\nname = \"Event {i}\"\ndate = {{ start = \"{}-{month:02}-{day:02}\", precision = \"day\", basis = \"stated\" }}\nactors = [\"actor-{i}\", \"actor-{far}\"]\nplaces = [\"place-{i}\"]\nissues = [\"issue-{i}\"]\nsummary = \"[[actor-{i}]] meets [[actor-{far}]].\"\n{}\n\n",
            1990 + i % 30,
            cite(i)
        ));
        places.push_str(&format!(
            "[[place]]\nid = \"place-{i}\"\nname = \"Place {i}\"\nlocation = {{ lat = 10.0, lon = 20.0 }}\nsummary = \"Where [[event-{i}]] happened.\"\n{}\n\n",
            cite(i)
        ));
        glossary.push_str(&format!(
            "[[term]]\nid = \"term-{i}\"\nname = \"T{i}\"\nexpansion = \"Term number {i}\"\nsee_also = [\"term-{next}\"]\nsummary = \"A term used by [[actor-{i}]].\"\n{}\n\n",
            cite(i)
        ));
    }
    let mut source = String::from("title = \"Generated\"\n\n");
    for n in 1..=paragraphs {
        source.push_str(&format!(
            "[[paragraph]]\nn = {n}\ntext = '''Paragraph {n} of the generated article, long enough to wrap across a few rows of a terminal at any ordinary width, as articles do.'''\n\n"
        ));
    }
    let briefing = "title = \"Generated\"\npublisher = \"Bench\"\nurl = \"https://example.org\"\npublished = { start = \"2013-04-29\", precision = \"day\", basis = \"stated\" }\nsummary = \"About [[actor-0]].\"\n\n[[key_point]]\ntext = \"A point.\"\ncites = [1]\n";
    Files {
        origin: "generated".to_owned(),
        texts: vec![
            ("briefing.toml".into(), briefing.into()),
            ("actors.toml".into(), actors),
            ("issues.toml".into(), issues),
            ("timeline.toml".into(), timeline),
            ("places.toml".into(), places),
            ("glossary.toml".into(), glossary),
            ("source.toml".into(), source),
        ],
    }
}

fn first_frame(files: &Files) -> Terminal<TestBackend> {
    let briefing = content::load(files).expect("the benchmark briefing is valid");
    let shell = Shell::builder(briefing).size(80, 24).build();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
    terminal
}

fn ready(files: &Files, pane: Action) -> (Shell, Terminal<TestBackend>) {
    let briefing = content::load(files).unwrap();
    let mut shell = Shell::builder(briefing).size(120, 40).build();
    shell.update(pane);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| ui::draw(frame, &shell)).unwrap();
    (shell, terminal)
}

/// The selected position and the length of the current list.
fn list_place(shell: &Shell) -> (usize, usize) {
    match shell.session().pane() {
        Pane::Entities(p) => (p.view.selected, p.list.items.len()),
        Pane::Prose(_) => (0, 0),
    }
}

fn benches(c: &mut Criterion) {
    let bundled = content::bundled();
    let large = generated(2000);
    for (name, files) in [("bundled", &bundled), ("10k", &large)] {
        c.bench_function(&format!("load_and_first_frame/{name}"), |b| {
            b.iter(|| first_frame(black_box(files)))
        });

        // One keystroke and the frame after it: moving through the actor list (each step
        // wraps a new detail) and Tab through links, as a reader does.
        let (mut app, mut terminal) = ready(files, Action::ShowActors);
        let mut down = true;
        c.bench_function(&format!("keystroke_and_frame/next_item/{name}"), |b| {
            b.iter(|| {
                let (selected, len) = list_place(&app);
                if selected == 0 {
                    down = true;
                } else if selected + 1 >= len || selected >= 400 {
                    down = false;
                }
                app.update(if down { Action::Next } else { Action::Prev });
                terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            })
        });
        let (mut app, mut terminal) = ready(files, Action::ShowTimeline);
        c.bench_function(&format!("keystroke_and_frame/next_link/{name}"), |b| {
            b.iter(|| {
                app.update(Action::NextLink);
                terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
            })
        });
        c.bench_function(&format!("keystroke_and_frame/follow_and_back/{name}"), |b| {
            b.iter_batched(
                || (),
                |()| {
                    app.update(Action::Follow);
                    terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
                    app.update(Action::Back);
                    terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
                },
                BatchSize::SmallInput,
            )
        });
    }
}

/// A query typed into the briefing-wide search or the palette, answered in full.
fn finding(c: &mut Criterion) {
    let bundled = content::bundled();
    let large = generated(2000);
    for (name, files) in [("bundled", &bundled), ("10k", &large)] {
        let briefing = content::load(files).unwrap();
        let index = briefing::search::index::SearchIndex::build(&briefing);
        let mut palette = briefing::search::palette::Palette::build(&briefing);
        c.bench_function(&format!("search_briefing/query/{name}"), |b| {
            b.iter(|| index.search(black_box("meets actor 1"), 200))
        });
        c.bench_function(&format!("palette/query/{name}"), |b| {
            b.iter(|| palette.matches(black_box("actr 19"), 200))
        });
        c.bench_function(&format!("search_briefing/build_index/{name}"), |b| {
            b.iter(|| briefing::search::index::SearchIndex::build(black_box(&briefing)))
        });
    }
    // `/` as the reader types one more letter on the source page, frame included.
    let (mut app, mut terminal) = ready(&large, Action::ShowSource);
    let key = |app: &mut Shell, code: KeyCode| {
        let action = app.action_for_key(KeyEvent::new(code, KeyModifiers::NONE));
        app.update(action);
    };
    c.bench_function("keystroke_and_frame/find_letter/10k", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('/'));
            for ch in "paragraph 1".chars() {
                key(&mut app, KeyCode::Char(ch));
            }
            key(&mut app, KeyCode::Esc);
            terminal.draw(|frame| ui::draw(frame, &app)).unwrap();
        })
    });
}

criterion_group! {
    name = reader;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches, finding
}
criterion_main!(reader);
