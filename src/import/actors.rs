//! Actors: people with their titles as written, organisations and states.
//!
//! A person is found as a run of capitalised words that holds a title ("Minister",
//! "Secretary", "Dr.") and ends with a name: "Acting Under Secretary of State for Arms Control
//! and International Security Rose Gottemoeller" is the title up to "Security" and the name
//! "Rose Gottemoeller", since "State", "Arms", "Control" and "Security" are words of offices,
//! not of names. A country or demonym that opens the run ("Russian", "U.S.") is the person's
//! affiliation. A name without a title counts when a verb of speech follows it ("Jane Doe
//! said"). Later mentions by surname alone, with or without a title, are merged into the person;
//! a surname two people share is left unattributed and reported.
//!
//! An organisation is a run that ends with a word such as "Council" or "Ministry", an acronym
//! defined as one ("World Health Organization (WHO)"), a well-known international body named
//! by its acronym, or an acronym that acts as the subject of a verb ("BASIC co-hosted"). A
//! state is a country the gazetteer knows, by name, alias ("U.S.") or demonym ("Russian
//! officials").

use super::acronyms::Acronym;
use super::places::{GAZETTEER, PlaceKind};
use super::text::{self, Word, is_all_caps, is_capitalised};
use crate::content::date::{MONTH_NAMES, WEEKDAY_NAMES};
use std::collections::BTreeSet;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organisation,
    State,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::State => "state",
        }
    }
}

/// Where a text stands: paragraph (from 1) and byte range.
pub type Span = (usize, Range<usize>);

#[derive(Debug, Clone)]
pub struct Actor {
    pub kind: Kind,
    pub name: String,
    /// The title as written, without the country that opened it.
    pub role: Option<String>,
    /// The state actor (index into the list) this one belongs to.
    pub affiliation: Option<usize>,
    /// The first mention, title included, as the paragraph has it.
    pub first: Span,
    /// Other forms the article uses, in order of appearance.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// The gazetteer entry of a state.
    pub country: Option<usize>,
    /// The acronym an organisation is known by.
    pub acronym: Option<String>,
}

impl Actor {
    fn new(kind: Kind, name: &str, first: Span) -> Actor {
        Actor {
            kind,
            name: name.to_owned(),
            role: None,
            affiliation: None,
            first: first.clone(),
            aliases: Vec::new(),
            mentions: vec![first],
            country: None,
            acronym: None,
        }
    }

    pub fn paragraphs(&self) -> Vec<usize> {
        self.mentions.iter().map(|m| m.0).collect::<BTreeSet<_>>().into_iter().collect()
    }

    fn alias(&mut self, form: &str) {
        if form != self.name && !self.aliases.iter().any(|a| a == form) {
            self.aliases.push(form.to_owned());
        }
    }

    pub(super) fn mention(&mut self, span: Span) {
        if !self.mentions.contains(&span) {
            self.mentions.push(span);
        }
    }

    pub fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

/// A later mention merged into an actor, for the report.
#[derive(Debug, Clone)]
pub struct Merge {
    pub form: String,
    pub into: usize,
    pub para: usize,
}

/// A mention that could be either of two or more actors.
#[derive(Debug, Clone)]
pub struct Ambiguous {
    pub form: String,
    pub para: usize,
    pub candidates: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct Found {
    pub actors: Vec<Actor>,
    pub merged: Vec<Merge>,
    pub ambiguous: Vec<Ambiguous>,
    /// Titles with no name after them ("the Foreign Minister"), left for a person.
    pub untitled: Vec<Span>,
    /// Spans that name a person or an organisation: no place is looked for inside them.
    pub claimed: Vec<Span>,
}

/// Words that head a title: a person's name may follow them.
const TITLE_HEADS: &[&str] = &[
    "President",
    "Vice-President",
    "Minister",
    "Secretary",
    "Undersecretary",
    "Under-Secretary",
    "Ambassador",
    "Director",
    "Director-General",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Chairperson",
    "Commissioner",
    "Governor",
    "Senator",
    "Representative",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Chancellor",
    "Chief",
    "Head",
    "Envoy",
    "Negotiator",
    "Admiral",
    "General",
    "Colonel",
    "Lieutenant",
    "Captain",
    "Major",
    "Mayor",
    "Judge",
    "Justice",
    "Officer",
    "Adviser",
    "Advisor",
    "Administrator",
    "Commander",
    "Professor",
    "Premier",
    "Leader",
    "Deputy",
    "Counsellor",
    "Councillor",
    "Attorney",
    "Coordinator",
    "Co-ordinator",
    "Rapporteur",
    "Inspector",
    "Superintendent",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Emir",
    "Pope",
    "Cardinal",
    "Bishop",
    "Archbishop",
    "Rabbi",
    "Imam",
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Prof.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Gen.",
    "Adm.",
    "Col.",
    "Lt.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Amb.",
    "Capt.",
    "Sgt.",
    "Economist",
    "Analyst",
    "Epidemiologist",
    "Researcher",
    "Executive",
    "CEO",
    "Founder",
    "Manager",
    "Treasurer",
    "Auditor",
    "Registrar",
    "Marshal",
    "Consul",
    "Attaché",
    "Delegate",
];

/// Words of offices and the bodies they serve, never of names.
const OFFICE_WORDS: &[&str] = &[
    "State",
    "Defense",
    "Defence",
    "Foreign",
    "Affairs",
    "Trade",
    "Finance",
    "Health",
    "Economy",
    "Economic",
    "Interior",
    "Justice",
    "Security",
    "International",
    "Arms",
    "Control",
    "Policy",
    "Commerce",
    "Energy",
    "Agriculture",
    "Education",
    "Labour",
    "Labor",
    "Transport",
    "Environment",
    "Development",
    "Industry",
    "Public",
    "Human",
    "Services",
    "Homeland",
    "National",
    "Political",
    "Military",
    "Nuclear",
    "Treasury",
    "Cooperation",
    "Intelligence",
    "Information",
    "Communications",
    "Culture",
    "Tourism",
    "Immigration",
    "Emergency",
    "Disaster",
    "Management",
    "Operations",
    "Planning",
    "Research",
    "Science",
    "Technology",
    "Budget",
    "Revenue",
    "Customs",
    "Fisheries",
    "Water",
    "Mines",
    "Petroleum",
    "Housing",
    "Welfare",
    "Social",
    "Family",
    "Women",
    "Youth",
    "Sports",
    "Veterans",
    "Relations",
    "Disarmament",
    "Nonproliferation",
    "Non-Proliferation",
    "Acting",
    "Under",
    "Assistant",
    "Principal",
    "Senior",
    "Special",
    "Permanent",
    "Regional",
    "Global",
    "Federal",
    "Prime",
    "Vice",
    "First",
    "Second",
    "Executive",
    "Staff",
    "Joint",
    "Chiefs",
    "Armed",
    "Forces",
    "Office",
    "Ministry",
    "Department",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Bureau",
    "Board",
    "Cabinet",
    "Government",
    "Parliament",
    "Congress",
    "Senate",
    "House",
    "Assembly",
    "Affairs",
    "Outreach",
    "Medical",
    "Epidemiology",
    "Surveillance",
    "Response",
    "Preparedness",
    "Prevention",
    "Disease",
    "Diseases",
    "Infectious",
    "Sanitation",
    "Negotiations",
    "Negotiator",
    "Tariffs",
    "Investment",
    "Markets",
    "Competition",
    "Legal",
    "Counsel",
    "General",
    "Trade",
    "Representative",
    "Commercial",
    "Industrial",
    "Policy",
    "Strategic",
    "Strategy",
    "Operations",
    "Africa",
    "Europe",
    "Asia",
    "Americas",
    "Union",
    "Food",
    "Safety",
    "Standards",
    "Communication",
    "Press",
    "Media",
    "Chief",
    "Medicine",
    "Laboratory",
    "Laboratories",
    "Vaccine",
    "Vaccines",
    "Immunization",
    "Statistics",
];

/// Words that end an organisation's name.
const ORGANISATION_HEADS: &[&str] = &[
    "Council",
    "Committee",
    "Commission",
    "Organization",
    "Organisation",
    "Agency",
    "Ministry",
    "Department",
    "Association",
    "Institute",
    "Union",
    "Bank",
    "Fund",
    "Office",
    "Court",
    "Parliament",
    "Senate",
    "Congress",
    "Assembly",
    "Foundation",
    "Center",
    "Centre",
    "Party",
    "Service",
    "Authority",
    "Board",
    "Alliance",
    "Corporation",
    "Company",
    "University",
    "Coalition",
    "Federation",
    "Forum",
    "Secretariat",
    "Directorate",
    "Bureau",
    "Network",
    "Institution",
    "Army",
    "Navy",
    "Police",
    "Administration",
    "Cabinet",
    "Government",
    "Society",
    "Chamber",
    "League",
    "Movement",
    "Front",
    "Group",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Corp.",
    "Consortium",
    "Programme",
    "Program",
    "Cross",
    "Crescent",
    "Frontières",
    "Frontieres",
    "Initiative",
    "Partnership",
    "Trust",
    "Academy",
    "Laboratory",
    "Laboratories",
    "Hospital",
    "Body",
    "Centres",
    "Centers",
    "Panel",
    "Taskforce",
    "Clinic",
    "Mission",
    "Secretariat",
    "Tribunal",
    "Guard",
    "Forces",
    "Corps",
];

/// Single words that name a body on their own.
const LONE_BODIES: &[&str] =
    &["Congress", "Parliament", "Kremlin", "Pentagon", "Bundestag", "Knesset", "Duma"];

/// International bodies so widely known by their acronyms that using one names the body.
const KNOWN_BODIES: &[&str] = &[
    "NATO", "UN", "EU", "WHO", "WTO", "IAEA", "OSCE", "OPEC", "IMF", "ASEAN", "OECD", "UNESCO",
    "UNICEF", "UNHCR", "ICC", "ICJ", "AU", "ECOWAS", "OAS", "IEA", "UNDP", "WFP", "FAO", "ILO",
    "CDC", "FDA", "EMA", "NIH", "FBI", "CIA", "NSA", "MSF", "ICRC", "IFRC", "G7", "G8", "G20",
    "BRICS", "APEC", "CTBTO", "OPCW", "UNSC", "UNGA", "SCO", "CSTO", "GCC", "Mercosur", "NAFTA",
    "USTR",
];

/// Words that open sentences and are never part of a name.
const STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "During",
    "However",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "To",
    "Of",
    "As",
    "So",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Although",
    "Though",
    "But",
    "And",
    "Or",
    "Yet",
    "It",
    "Its",
    "Their",
    "Our",
    "We",
    "They",
    "He",
    "She",
    "His",
    "Her",
    "Meanwhile",
    "Since",
    "Until",
    "Under",
    "Over",
    "Despite",
    "Following",
    "According",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Then",
    "There",
    "Here",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Other",
    "Such",
    "Also",
    "Still",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "Which",
    "Because",
    "Unless",
    "Instead",
    "Once",
    "Among",
    "Between",
    "Against",
    "Speaking",
    "Asked",
    "Finding",
    "Officials",
    "Critics",
    "Experts",
];

/// Words that join the capitalised words of one name ("Secretary of State", "Bank of England").
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "on", "de", "van", "von", "bin", "al", "da", "del", "der", "du",
    "la", "le", "y",
];

/// Verbs that, right after a name, make it a person's: "Jane Doe said".
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "announced",
    "warned",
    "argued",
    "wrote",
    "stated",
    "noted",
    "explained",
    "insisted",
    "urged",
    "called",
    "confirmed",
    "denied",
    "acknowledged",
    "stressed",
    "declared",
    "asked",
    "replied",
    "suggested",
    "claimed",
    "admitted",
    "tweeted",
    "remarked",
    "cautioned",
    "predicted",
    "estimated",
    "believes",
    "thinks",
    "hopes",
];

fn is_month_or_day(w: &str) -> bool {
    MONTH_NAMES.contains(&w) || WEEKDAY_NAMES.contains(&w)
}

fn is_title_head(w: &str) -> bool {
    TITLE_HEADS.contains(&w)
}

/// Whether a word can be part of a person's name.
fn name_word(w: &str) -> bool {
    let initial =
        w.len() == 2 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase);
    if initial {
        return true;
    }
    is_capitalised(w)
        && !is_all_caps(w)
        && !w.contains('.')
        && !is_title_head(w)
        && !OFFICE_WORDS.contains(&w)
        && !ORGANISATION_HEADS.contains(&w)
        && !is_month_or_day(w)
        && !STARTERS.contains(&w)
        && !is_country_word(w)
}

/// Countries, regions, states and demonyms are never a person's name.
fn is_country_word(w: &str) -> bool {
    let g = &*GAZETTEER;
    g.demonym(w).is_some()
        || g.lookup(w).iter().any(|&i| {
            matches!(g.entries[i].kind, PlaceKind::Country | PlaceKind::Region | PlaceKind::State)
        })
}

/// A maximal run of capitalised words (and the small words that join them) in one sentence,
/// with nothing but spaces between its words.
#[derive(Debug, Clone)]
struct Run {
    words: Range<usize>,
}

fn runs(p: &str, words: &[Word], sentences: &[Range<usize>]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    let joined = |a: &Word, b: &Word| p[a.range.end..b.range.start].chars().all(|c| c == ' ');
    while i < words.len() {
        let w = words[i].text(p);
        if !is_capitalised(w) || is_possessive(w) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() && joined(&words[end - 1], &words[end]) {
            let next = words[end].text(p);
            if is_capitalised(next) && !is_possessive(next) {
                end += 1;
            } else if CONNECTORS.contains(&next)
                && end + 1 < words.len()
                && joined(&words[end], &words[end + 1])
                && is_capitalised(words[end + 1].text(p))
                // "the Emergency Committee on Monday": a date is not part of a name.
                && !is_month_or_day(words[end + 1].text(p))
            {
                end += 2;
            } else {
                break;
            }
        }
        // Words that open a sentence are not part of a name: "During the NATO…".
        let mut s = start;
        while s < end {
            let t = words[s].text(p);
            let at_sentence_start = sentences.iter().any(|r| {
                r.start <= words[s].range.start
                    && p[r.start..words[s].range.start].chars().all(|c| !c.is_alphanumeric())
            });
            if STARTERS.contains(&t)
                || CONNECTORS.contains(&t)
                || (at_sentence_start && is_common_opener(t))
            {
                s += 1;
            } else {
                break;
            }
        }
        let mut e = end;
        while e > s && CONNECTORS.contains(&words[e - 1].text(p)) {
            e -= 1;
        }
        if s < e {
            split_people(p, words, Run { words: s..e }, &mut out);
        }
        i = end;
    }
    out
}

/// "Minister Ann Smith and Senator Bob Smith" is two people: a run is split at an "and"
/// when a title and a name stand on each side of it ("Arms Control and International
/// Security" has no name before its "and", and stays whole).
fn split_people(p: &str, words: &[Word], run: Run, out: &mut Vec<Run>) {
    let r = run.words.clone();
    for at in r.start + 1..r.end.saturating_sub(1) {
        if words[at].text(p) != "and" {
            continue;
        }
        let left = Run { words: r.start..at };
        let right = Run { words: at + 1..r.end };
        if person_in(p, words, &left).is_some() && person_in(p, words, &right).is_some() {
            out.push(left);
            split_people(p, words, right, out);
            return;
        }
    }
    out.push(run);
}

fn is_common_opener(w: &str) -> bool {
    // A sentence-initial word ending in -ing or -ly is a verb or adverb, not a name.
    w.ends_with("ing") || w.ends_with("ly")
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "’s" | "'s")
}

fn span_of(words: &[Word], range: &Range<usize>) -> Range<usize> {
    words[range.start].range.start..words[range.end - 1].range.end
}

/// Finds the actors of an article.
pub fn find(paragraphs: &[String], acronyms: &[Acronym]) -> Found {
    let mut found = Found::default();
    let g = &*GAZETTEER;
    let parsed: Vec<(Vec<Word>, Vec<Range<usize>>)> =
        paragraphs.iter().map(|p| (text::words(p), text::sentences(p))).collect();

    // States first: a person's affiliation points at one.
    for (i, p) in paragraphs.iter().enumerate() {
        let (words, _) = &parsed[i];
        for (range, entries) in g.scan(p, words) {
            if let Some(&country) =
                entries.iter().find(|&&e| g.entries[e].kind == PlaceKind::Country)
            {
                // A country's name inside a longer name ("Bank of England") is not the state.
                let span = span_of(words, &range);
                add_state(&mut found, country, (i + 1, span), &p[span_of(words, &range)]);
            }
        }
        for w in words {
            let t = w.text(p);
            if let Some(country) = g.demonym(t) {
                add_state(&mut found, country, (i + 1, w.range.clone()), t);
            }
        }
    }

    // People with a full name, then titles with a surname alone, so that "Deputy Defense
    // Minister Antonov" finds the Antonov named before.
    let mut singles: Vec<(Span, String, Option<String>, Option<usize>)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let (words, sentences) = &parsed[i];
        for run in runs(p, words, sentences) {
            if let Some(person) = person_in(p, words, &run) {
                let span: Span = (i + 1, span_of(words, &run.words));
                let affiliation = person.country.map(|c| {
                    add_state(
                        &mut found,
                        c,
                        (i + 1, person.country_span.clone()),
                        &p[person.country_span.clone()],
                    )
                });
                if person.name_words.len() == 1 {
                    singles.push((
                        span,
                        p[span_of(words, &person.name_words)].to_owned(),
                        person.title.map(|t| p[span_of(words, &t)].to_owned()),
                        affiliation,
                    ));
                    continue;
                }
                let name = p[span_of(words, &person.name_words)].to_owned();
                let title = person.title.map(|t| p[span_of(words, &t)].to_owned());
                add_person(
                    &mut found,
                    &name,
                    title,
                    affiliation,
                    span,
                    &p[span_of(words, &run.words)],
                );
            } else if let Some(org) = organisation_in(p, words, &run) {
                let span: Span = (i + 1, span_of(words, &org));
                let name = p[span.1.clone()].to_owned();
                add_organisation(&mut found, &name, span, None);
            } else if let Some((name_words, role)) = speaker(p, words, &run) {
                let span: Span = (i + 1, span_of(words, &name_words));
                let name = p[span.1.clone()].to_owned();
                add_person(&mut found, &name, role, None, span.clone(), &name);
            } else if let Some(title) = title_alone(p, words, &run) {
                found.untitled.push((i + 1, span_of(words, &title)));
            }
        }
    }
    for (span, surname, title, affiliation) in singles {
        let form = paragraphs[span.0 - 1][span.1.clone()].to_owned();
        let matches: Vec<usize> = people_with_surname(&found, &surname);
        match matches.as_slice() {
            [one] => {
                let person = &mut found.actors[*one];
                person.alias(&form);
                person.mention(span.clone());
                found.claimed.push(span.clone());
                found.merged.push(Merge { form, into: *one, para: span.0 });
            }
            [] => {
                // Only a surname is ever given: the person is drafted under it.
                add_person(&mut found, &surname, title, affiliation, span.clone(), &form);
            }
            many => {
                found.ambiguous.push(Ambiguous { form, para: span.0, candidates: many.to_vec() });
                found.claimed.push(span);
            }
        }
    }

    // Organisations named by acronyms.
    for acronym in acronyms {
        let defined_as_body = acronym.definition.as_ref().is_some_and(|d| names_a_body(&d.long));
        let known = KNOWN_BODIES.contains(&acronym.short.as_str());
        // A defined acronym is what its expansion says; an undefined one that acts ("BASIC
        // co-hosted") is taken for a body.
        let acts = acronym.definition.is_none()
            && acronym.uses.iter().any(|(para, r)| acts_as_subject(&paragraphs[*para - 1], r.end));
        if !(defined_as_body || known || acts) {
            continue;
        }
        let (name, first) = match &acronym.definition {
            Some(d) if defined_as_body => (d.long.clone(), (d.para, d.long_range.clone())),
            _ => (acronym.short.clone(), acronym.uses[0].clone()),
        };
        let index = add_organisation(&mut found, &name, first, Some(&acronym.short));
        let actor = &mut found.actors[index];
        for u in &acronym.uses {
            actor.mention(u.clone());
            found.claimed.push(u.clone());
        }
        actor.alias(&acronym.short);
    }

    // Every other mention of a person by surname, or of an organisation by name.
    for (i, p) in paragraphs.iter().enumerate() {
        let (words, _) = &parsed[i];
        for w in words {
            let t = w.text(p);
            let span: Span = (i + 1, w.range.clone());
            if found
                .claimed
                .iter()
                .any(|c| c.0 == span.0 && c.1.start <= span.1.start && span.1.end <= c.1.end)
            {
                continue;
            }
            let people = people_with_surname(&found, t);
            match people.as_slice() {
                [] => {}
                [one] => {
                    found.actors[*one].mention(span.clone());
                    found.claimed.push(span);
                }
                many => {
                    found.ambiguous.push(Ambiguous {
                        form: t.to_owned(),
                        para: i + 1,
                        candidates: many.to_vec(),
                    });
                }
            }
        }
        for a in 0..found.actors.len() {
            if found.actors[a].kind != Kind::Organisation {
                continue;
            }
            let name = found.actors[a].name.clone();
            for (at, _) in p.match_indices(name.as_str()) {
                // Whole words only: "NATO" in "NATO-Russian", not "BASIC" in "BASICS".
                let end = at + name.len();
                let alnum_before = p[..at].chars().next_back().is_some_and(char::is_alphanumeric);
                let alnum_after = p[end..].chars().next().is_some_and(char::is_alphanumeric);
                if alnum_before || alnum_after {
                    continue;
                }
                let span: Span = (i + 1, at..end);
                found.actors[a].mention(span.clone());
                found.claimed.push(span);
            }
        }
    }
    for actor in &mut found.actors {
        actor.mentions.sort_by_key(|m| (m.0, m.1.start));
        // An organisation's first mention is its earliest, even one found only by name
        // after its acronym's uses ("NATO-Russian" in ¶2 before "NATO" in ¶4). A person's
        // stays the one with the title.
        if actor.kind != Kind::Person
            && let Some(earliest) = actor.mentions.first()
            && (earliest.0, earliest.1.start) < (actor.first.0, actor.first.1.start)
        {
            actor.first = earliest.clone();
        }
    }
    found
}

fn people_with_surname(found: &Found, surname: &str) -> Vec<usize> {
    found
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == Kind::Person && a.surname() == surname)
        .map(|(i, _)| i)
        .collect()
}

fn add_state(found: &mut Found, country: usize, span: Span, form: &str) -> usize {
    let g = &*GAZETTEER;
    let index = match found.actors.iter().position(|a| a.country == Some(country)) {
        Some(index) => index,
        None => {
            let mut actor = Actor::new(Kind::State, g.entries[country].name, span.clone());
            actor.country = Some(country);
            found.actors.push(actor);
            found.actors.len() - 1
        }
    };
    let actor = &mut found.actors[index];
    actor.mention(span);
    // Demonyms say which state, but are not its names.
    if g.demonym(form).is_none() {
        actor.alias(form);
    }
    index
}

fn add_person(
    found: &mut Found,
    name: &str,
    title: Option<String>,
    affiliation: Option<usize>,
    span: Span,
    form: &str,
) {
    found.claimed.push(span.clone());
    if let Some(index) = found.actors.iter().position(|a| a.kind == Kind::Person && a.name == name)
    {
        let person = &mut found.actors[index];
        person.mention(span.clone());
        person.alias(form);
        if person.role.is_none() {
            person.role = title;
        }
        if person.affiliation.is_none() {
            person.affiliation = affiliation;
        }
        found.merged.push(Merge { form: form.to_owned(), into: index, para: span.0 });
        return;
    }
    let mut person = Actor::new(Kind::Person, name, span);
    person.role = title;
    person.affiliation = affiliation;
    person.alias(form);
    found.actors.push(person);
}

fn add_organisation(found: &mut Found, name: &str, span: Span, acronym: Option<&str>) -> usize {
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    found.claimed.push(span.clone());
    let existing = found.actors.iter().position(|a| {
        a.kind == Kind::Organisation
            && (a.name == name
                || acronym.is_some_and(|x| a.acronym.as_deref() == Some(x) || a.name == x))
    });
    match existing {
        Some(index) => {
            let actor = &mut found.actors[index];
            actor.mention(span);
            if actor.acronym.is_none() {
                actor.acronym = acronym.map(str::to_owned);
            }
            index
        }
        None => {
            let mut actor = Actor::new(Kind::Organisation, name, span);
            actor.acronym = acronym.map(str::to_owned);
            found.actors.push(actor);
            found.actors.len() - 1
        }
    }
}

struct PersonMatch {
    name_words: Range<usize>,
    title: Option<Range<usize>>,
    country: Option<usize>,
    country_span: Range<usize>,
}

/// A title followed by a name, inside a run.
fn person_in(p: &str, words: &[Word], run: &Run) -> Option<PersonMatch> {
    let r = run.words.clone();
    let head = (r.start..r.end).rev().find(|&i| is_title_head(words[i].text(p)))?;
    // The name is the run's last name words (at most three), after the head.
    let mut start = r.end;
    while start > head + 1 && name_word(words[start - 1].text(p)) && r.end - (start - 1) <= 3 {
        start -= 1;
    }
    if start == r.end {
        return None;
    }
    // An initial cannot end a name, and a lone initial is no name.
    let last = words[r.end - 1].text(p);
    if last.len() == 2 && last.ends_with('.') {
        return None;
    }
    let g = &*GAZETTEER;
    let mut title_start = r.start;
    let mut country = None;
    let mut country_span = 0..0;
    // A country or demonym that opens the title is the person's affiliation.
    let first = words[r.start].text(p);
    if let Some(c) = g.demonym(first).or_else(|| {
        g.lookup(first).iter().copied().find(|&e| g.entries[e].kind == PlaceKind::Country)
    }) && r.start < head
    {
        country = Some(c);
        country_span = words[r.start].range.clone();
        title_start = r.start + 1;
    }
    // "WHO Director-General Dr. Helena Sorvino": the office is the title; the honorific that
    // ends it stays in the mention as written.
    let mut title_end = start;
    while title_end > title_start + 1
        && super::text::HONORIFICS.contains(&words[title_end - 1].text(p).trim_end_matches('.'))
    {
        title_end -= 1;
    }
    // A title of honorifics alone ("Dr.") is no office.
    let only_honorifics = (title_start..title_end)
        .all(|i| super::text::HONORIFICS.contains(&words[i].text(p).trim_end_matches('.')));
    Some(PersonMatch {
        name_words: start..r.end,
        title: (title_start < title_end && !only_honorifics).then_some(title_start..title_end),
        country,
        country_span,
    })
}

/// A title with no name after it: "the Foreign Minister said".
fn title_alone(p: &str, words: &[Word], run: &Run) -> Option<Range<usize>> {
    let r = run.words.clone();
    let last = words[r.end - 1].text(p);
    (is_title_head(last) && r.len() >= 2).then_some(r)
}

/// An organisation's name: a run that ends with a word such as "Council".
fn organisation_in(p: &str, words: &[Word], run: &Run) -> Option<Range<usize>> {
    let r = run.words.clone();
    let last = words[r.end - 1].text(p);
    if !ORGANISATION_HEADS.contains(&last) && !LONE_BODIES.contains(&last) {
        return None;
    }
    if r.len() == 1 && !LONE_BODIES.contains(&last) {
        return None;
    }
    // A run that opens with a demonym ("Russian Government") is still the body's name.
    Some(r)
}

/// Two or three name words followed by a verb of speech: "Jane Doe said".
fn speaker(p: &str, words: &[Word], run: &Run) -> Option<(Range<usize>, Option<String>)> {
    let r = run.words.clone();
    if !(2..=3).contains(&r.len()) || !(r.start..r.end).all(|i| name_word(words[i].text(p))) {
        return None;
    }
    let (start, end) = (words[r.start].range.start, words[r.end - 1].range.end);
    let after = &p[end..];
    let before = &p[..start];
    // "Jane Doe, the trade envoy, said": the apposition after the name is the role.
    let role_after = after.strip_prefix(", ").and_then(|rest| {
        let (phrase, tail) = rest.split_once(", ")?;
        let verb = tail.split(|c: char| !c.is_alphabetic()).next()?;
        SPEECH_VERBS.contains(&verb).then(|| apposition(phrase)).flatten()
    });
    let after_role = match &role_after {
        Some(_) => after[2..].split_once(", ").map_or("", |(_, tail)| tail),
        None => after.trim_start_matches([',', ' ']),
    };
    let next = after_role.split(|c: char| !c.is_alphabetic()).next()?;
    let said_before =
        before.trim_end().ends_with("said") || before.trim_end().ends_with("according to");
    if !SPEECH_VERBS.contains(&next) && !said_before {
        return None;
    }
    // "A spokesperson for the DSB, Tomas Aldana, said": the apposition before it.
    let role_before = before.strip_suffix(", ").and_then(|b| {
        let clause_start = b.rfind(['.', ',', ';', ':', '(', '\n']).map_or(0, |i| i + 1);
        apposition(&b[clause_start..])
    });
    Some((r, role_after.or(role_before)))
}

/// A role in apposition: a short phrase that opens with a determiner ("the trade envoy", "Its
/// director", "A spokesperson for the DSB"), given back without it.
fn apposition(phrase: &str) -> Option<String> {
    const DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our"];
    let phrase = phrase.trim();
    let (first, rest) = phrase.split_once(' ')?;
    let words = phrase.split_whitespace().count();
    (DETERMINERS.contains(&first.to_lowercase().as_str())
        && (2..=8).contains(&words)
        && !rest.split_whitespace().any(|w| SPEECH_VERBS.contains(&w)))
    .then(|| rest.to_owned())
}

/// Whether an acronym's expansion names a body: it ends with a word such as "Organization",
/// or such a word is followed by what the body is for ("Centres for Disease Control and
/// Prevention", "Organization for Security and Co-operation in Europe").
fn names_a_body(long: &str) -> bool {
    let words: Vec<&str> = long.split_whitespace().collect();
    words.last().is_some_and(|w| ORGANISATION_HEADS.contains(w))
        || words
            .windows(2)
            .any(|w| ORGANISATION_HEADS.contains(&w[0]) && matches!(w[1], "for" | "of" | "on"))
}

/// Whether the word after `end` is a verb that makes the word before it a subject: "BASIC
/// co-hosted", "BASIC will".
pub(super) fn acts_as_subject(p: &str, end: usize) -> bool {
    let rest = &p[end..];
    if !rest.starts_with(' ') {
        return false;
    }
    let next: String =
        rest.trim_start().chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    if next.is_empty() || !next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    const VERBS: &[&str] = &[
        "said",
        "says",
        "will",
        "would",
        "has",
        "had",
        "have",
        "is",
        "was",
        "are",
        "were",
        "announced",
        "warned",
        "called",
        "urged",
        "reported",
        "released",
        "published",
        "agreed",
        "issued",
        "declared",
        "hosted",
        "co-hosted",
        "organised",
        "organized",
        "found",
        "plans",
        "wants",
        "can",
        "could",
        "should",
        "must",
        "may",
    ];
    VERBS.contains(&next.as_str()) || (next.ends_with("ed") && next.len() > 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let paras = vec![text.to_owned()];
        find(&paras, &[])
            .actors
            .into_iter()
            .filter(|a| a.kind == Kind::Person)
            .map(|a| (a.name, a.role))
            .collect()
    }

    #[test]
    fn titles_and_names_are_told_apart() {
        assert_eq!(
            people(
                "During the meeting, Acting Under Secretary of State for Arms Control and International Security Rose Gottemoeller said it."
            ),
            [(
                "Rose Gottemoeller".to_owned(),
                Some(
                    "Acting Under Secretary of State for Arms Control and International Security"
                        .to_owned()
                )
            )]
        );
        assert_eq!(
            people("Russian Deputy Defense Minister Anatoly Antonov is expected to meet."),
            [("Anatoly Antonov".to_owned(), Some("Deputy Defense Minister".to_owned()))]
        );
        assert_eq!(
            people("He met U.S. Defense Undersecretary James N. Miller in Brussels."),
            [("James N. Miller".to_owned(), Some("Defense Undersecretary".to_owned()))]
        );
        assert_eq!(people("Jane Doe said so."), [("Jane Doe".to_owned(), None)]);
        assert_eq!(
            people("A spokesperson for the panel, Tomas Aldana, said it."),
            [("Tomas Aldana".to_owned(), Some("spokesperson for the panel".to_owned()))]
        );
        assert_eq!(
            people("Jane Roe, the trade envoy, told reporters."),
            [("Jane Roe".to_owned(), Some("trade envoy".to_owned()))]
        );
        assert_eq!(
            people(
                "Its head, Dr. Helena Sorvino, said so. WHO Director-General Dr. Ann Lee spoke."
            ),
            [
                ("Helena Sorvino".to_owned(), None),
                ("Ann Lee".to_owned(), Some("WHO Director-General".to_owned()))
            ]
        );
    }

    #[test]
    fn surnames_merge_and_shared_surnames_are_ambiguous() {
        let paras = vec![
            "Foreign Minister Sergei Lavrov spoke. Deputy Minister Lavrov spoke again.".to_owned(),
            "Later Lavrov left.".to_owned(),
        ];
        let f = find(&paras, &[]);
        let lavrov = f.actors.iter().find(|a| a.name == "Sergei Lavrov").unwrap();
        assert_eq!(lavrov.paragraphs(), [1, 2]);
        assert!(lavrov.aliases.contains(&"Deputy Minister Lavrov".to_owned()));

        let paras = vec!["Minister Ann Smith and Senator Bob Smith met. Smith spoke.".to_owned()];
        let f = find(&paras, &[]);
        assert!(f.ambiguous.iter().any(|a| a.form == "Smith" && a.candidates.len() == 2));
    }

    #[test]
    fn states_come_from_names_aliases_and_demonyms() {
        let paras =
            vec!["U.S. officials and Russian diplomats met in the United States.".to_owned()];
        let f = find(&paras, &[]);
        let states: Vec<&str> =
            f.actors.iter().filter(|a| a.kind == Kind::State).map(|a| a.name.as_str()).collect();
        assert_eq!(states, ["United States", "Russia"]);
    }

    #[test]
    fn organisations_end_with_a_body_word() {
        let paras = vec!["The Arms Control Association said the Security Council met.".to_owned()];
        let f = find(&paras, &[]);
        let orgs: Vec<&str> = f
            .actors
            .iter()
            .filter(|a| a.kind == Kind::Organisation)
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(orgs, ["Arms Control Association", "Security Council"]);
    }
}
