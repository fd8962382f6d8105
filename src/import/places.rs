//! Places, matched against a gazetteer compiled into the binary: countries, capitals, cities
//! of 100,000 people or more, U.S. states, continents and other regions, each with a label
//! point. `assets/gazetteer/places.tsv` is made by `tools/gazetteer/build.py`, which names its
//! sources (GeoNames, CC BY 4.0; Natural Earth and the U.S. Census Bureau, public domain).

use super::text::{self, Word};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../assets/gazetteer/places.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Capital,
    City,
    State,
    Region,
}

impl PlaceKind {
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Capital => "capital",
            PlaceKind::City => "city",
            PlaceKind::State => "state",
            PlaceKind::Region => "region",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: PlaceKind,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code of the country it is in; empty for regions.
    pub country: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Every name and alias, to the entries it names.
    names: HashMap<&'static str, Vec<usize>>,
    /// Demonyms ("Russian", "Russians") to their country.
    demonyms: HashMap<&'static str, usize>,
    countries: HashMap<&'static str, usize>,
    /// The most words any name has, to bound the search at each word.
    longest: usize,
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(DATA));

impl Gazetteer {
    fn parse(data: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            entries: Vec::new(),
            names: HashMap::new(),
            demonyms: HashMap::new(),
            countries: HashMap::new(),
            longest: 1,
        };
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() != 8 {
                continue;
            }
            let kind = match f[0] {
                "N" => PlaceKind::Country,
                "C" => PlaceKind::Capital,
                "c" => PlaceKind::City,
                "S" => PlaceKind::State,
                _ => PlaceKind::Region,
            };
            let index = g.entries.len();
            g.entries.push(Entry {
                kind,
                name: f[1],
                country: f[4],
                lat: f[5].parse().unwrap_or(0.0),
                lon: f[6].parse().unwrap_or(0.0),
                population: f[7].parse().unwrap_or(0),
            });
            let aliases = f[2].split('|').filter(|a| !a.is_empty());
            // A name must start with a capital to be matched: "the States" is too loose.
            for name in std::iter::once(f[1]).chain(aliases).filter(|n| text::is_capitalised(n)) {
                g.longest = g.longest.max(text::words(name).len());
                g.names.entry(name).or_default().push(index);
            }
            if kind == PlaceKind::Country {
                g.countries.insert(f[4], index);
                for d in f[3].split('|').filter(|d| !d.is_empty()) {
                    g.demonyms.insert(d, index);
                }
            }
        }
        g
    }

    pub fn country(&self, code: &str) -> Option<&Entry> {
        self.countries.get(code).map(|&i| &self.entries[i])
    }

    pub fn country_index(&self, code: &str) -> Option<usize> {
        self.countries.get(code).copied()
    }

    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(word).copied()
    }

    pub fn lookup(&self, name: &str) -> &[usize] {
        self.names.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every name of the gazetteer in a paragraph, longest first at each word: "New York"
    /// before "York". Returns the words matched and the entries the name may be.
    pub fn scan(&self, paragraph: &str, words: &[Word]) -> Vec<(Range<usize>, Vec<usize>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let first = words[i].text(paragraph);
            if !text::is_capitalised(first) {
                i += 1;
                continue;
            }
            let mut found = None;
            for n in (1..=self.longest.min(words.len() - i)).rev() {
                let span = words[i].range.start..words[i + n - 1].range.end;
                if let Some(list) = self.names.get(&paragraph[span.clone()]) {
                    found = Some((n, span, list.clone()));
                    break;
                }
            }
            match found {
                Some((n, span, list)) => {
                    out.push((i..i + n, list));
                    let _ = span;
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// One place drafted from the article.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub entry: usize,
    /// Other entries the name could be, for the report.
    pub others: Vec<usize>,
    pub mentions: Vec<(usize, Range<usize>)>,
}

impl Place {
    pub fn entry(&self) -> &'static Entry {
        &GAZETTEER.entries[self.entry]
    }
}

/// Chooses among the entries a name may be: a country the article names wins (Geneva in
/// Switzerland when Switzerland is named), then a capital, then the largest city, then a
/// state, then a region.
pub fn choose(entries: &[usize], countries_named: &[&str]) -> usize {
    let g = &*GAZETTEER;
    *entries
        .iter()
        .max_by_key(|&&i| {
            let e = &g.entries[i];
            let named = countries_named.contains(&e.country);
            let rank = match e.kind {
                PlaceKind::Country => 5,
                PlaceKind::Capital => 4,
                PlaceKind::City => 3,
                PlaceKind::State => 2,
                PlaceKind::Region => 1,
            };
            (named, rank, e.population)
        })
        .expect("a name has at least one entry")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_knows_cities_states_regions_and_countries() {
        let g = &*GAZETTEER;
        for name in
            ["Geneva", "Brussels", "Moscow", "Alaska", "Europe", "Russia", "U.S.", "Middle East"]
        {
            assert!(!g.lookup(name).is_empty(), "{name}");
        }
        let moscow = choose(g.lookup("Moscow"), &[]);
        assert_eq!(g.entries[moscow].country, "RU");
        assert!((g.entries[moscow].lat - 55.75).abs() < 0.1);
        assert_eq!(g.entries[g.demonym("Russian").unwrap()].name, "Russia");
    }

    #[test]
    fn scans_longest_names_first() {
        let p = "From New York to York and Washington.";
        let words = text::words(p);
        let found: Vec<String> = GAZETTEER
            .scan(p, &words)
            .into_iter()
            .map(|(r, _)| p[words[r.start].range.start..words[r.end - 1].range.end].to_owned())
            .collect();
        assert_eq!(found, ["New York", "York", "Washington"]);
    }
}
