//! A generated briefing of any size, for benchmarks, scale tests and measuring: `per_kind`
//! entities of each of the five kinds, every one linking to a few others in its text and
//! relations, over a source of 200 paragraphs.

use briefing::content::Files;

/// A briefing of `per_kind` entities of each of the five kinds, every one linking to a few
/// others in its text and relations, over a source of 200 paragraphs.
pub fn generated(per_kind: usize) -> Files {
    let paragraphs = 200;
    let cite = |i: usize| format!("cites = [{}, {}]", i % paragraphs + 1, (i * 7) % paragraphs + 1);
    let mut actors = String::new();
    let mut issues = String::new();
    let mut timeline = String::new();
    let mut places = String::new();
    let mut glossary = String::new();
    let sides = 5;
    let positions = ["supports", "divided", "neutral", "wary", "opposes", "unclear"];
    for i in 0..per_kind {
        let next = (i + 1) % per_kind;
        let far = (i * 31 + 7) % per_kind;
        actors.push_str(&format!(
            "[[actor]]\nid = \"actor-{i}\"\nname = \"Actor {i}\"\nkind = \"person\"\nside = \"side-{}\"\nissues = [\"issue-{i}\", \"issue-{far}\"]\nsummary = \"Works with [[actor-{next}]] on [[issue-{far}|an issue]].\"\ndescription = \"\"\"\nA longer description of actor {i}, who appears at [[event-{i}]] in [[place-{far}]] and uses the term [[term-{next}]]. It runs on for a while so that the detail wraps over several rows, as real entries do.\n\"\"\"\n{}\n\n[[actor.stance]]\nissue = \"issue-{far}\"\nposition = \"{}\"\nline = \"Its stance on [[issue-{far}]].\"\ncites = [{}]\nbasis = \"stated\"\n\n",
            i % sides,
            cite(i),
            positions[i % positions.len()],
            i % paragraphs + 1
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
    let mut briefing = String::from("format = 2\n");
    briefing += "title = \"Generated\"\npublisher = \"Bench\"\nurl = \"https://example.org\"\npublished = { start = \"2013-04-29\", precision = \"day\", basis = \"stated\" }\nsummary = \"About [[actor-0]].\"\n\n[[key_point]]\ntext = \"A point.\"\ncites = [1]\n";
    for side in 0..sides.min(per_kind) {
        briefing += &format!("\n[[side]]\nid = \"side-{side}\"\nname = \"Side {side}\"\n");
    }
    Files {
        origin: "generated".to_owned(),
        texts: vec![
            ("briefing.toml".into(), briefing.into()),
            ("actors.toml".into(), actors.into()),
            ("issues.toml".into(), issues.into()),
            ("timeline.toml".into(), timeline.into()),
            ("places.toml".into(), places.into()),
            ("glossary.toml".into(), glossary.into()),
            ("source.toml".into(), source.into()),
        ],
        read_from: None,
    }
}

/// The same briefing with `backlinks` more actors, each involved in `issue-1` and naming it in
/// its summary: an entity linked from thousands, as a hub of a large briefing is.
#[allow(dead_code)]
pub fn with_hub(per_kind: usize, backlinks: usize) -> Files {
    let mut files = generated(per_kind);
    let actors = &mut files.texts[1].1;
    let mut text = actors.to_string();
    for i in 0..backlinks {
        text.push_str(&format!(
            "[[actor]]\nid = \"follower-{i}\"\nname = \"Follower {i}\"\nkind = \"person\"\nissues = [\"issue-1\"]\nsummary = \"One of many on [[issue-1]].\"\ncites = [1]\n\n"
        ));
    }
    *actors = text.into();
    files
}
