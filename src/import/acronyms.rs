//! Acronyms and their definitions, after Schwartz and Hearst, "A simple algorithm for
//! identifying abbreviation definitions in biomedical text" (PSB 2003).
//!
//! A definition is a long form beside a short form in parentheses: "long form (SF)" or, less
//! often, "SF (long form)". The long form is looked for in the words just before the bracket,
//! at most min(|SF| + 5, 2·|SF|) of them, and is the shortest stretch that contains the short
//! form's letters in order, right to left, the first letter at the start of a word. Two
//! additions, each written down where it acts: the long form grows left over capitalised words
//! whose initial is one of the short form's letters (so "Nuclear Non-Proliferation Treaty
//! (NPT)", not "Non-Proliferation Treaty"), and a short form in CamelCase ("PrepCom") that the
//! letters do not match may still match word by word on its capitals ("Preparatory
//! Conference"): that definition is kept but marked loose, for a person to check.

use super::text::{self, is_all_caps};
use std::collections::BTreeMap;
use std::ops::Range;

/// An acronym definition found in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    pub short: String,
    /// The long form as written, quotes around it taken off.
    pub long: String,
    pub para: usize,
    /// The defining words exactly as the paragraph has them: "“European phased adaptive
    /// approach” (EPAA)".
    pub quote: String,
    /// The byte range of the short form inside the paragraph.
    pub short_range: Range<usize>,
    /// The byte range of the long form inside the paragraph.
    pub long_range: Range<usize>,
    /// Matched on capitals only: the letters of the short form are not all in the long form.
    pub loose: bool,
}

/// An acronym and every place it is used.
#[derive(Debug, Clone, PartialEq)]
pub struct Acronym {
    pub short: String,
    pub definition: Option<Definition>,
    /// (paragraph, byte range) of each use, the definition's included.
    pub uses: Vec<(usize, Range<usize>)>,
}

/// Finds every definition in the paragraphs (numbered from 1), and then every use of an
/// acronym, defined or not.
pub fn find(paragraphs: &[String]) -> Vec<Acronym> {
    let mut definitions: Vec<Definition> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for d in definitions_in(p, i + 1) {
            if !definitions.iter().any(|x| x.short == d.short) {
                definitions.push(d);
            }
        }
    }
    let mut uses: BTreeMap<String, Vec<(usize, Range<usize>)>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let words = text::words(p);
        let sentences = text::sentences(p);
        for (w, word) in words.iter().enumerate() {
            let t = word.text(p);
            let defined = definitions.iter().find(|d| d.short == t);
            if defined.is_none() && !looks_like_acronym(t) {
                continue;
            }
            // A run of capitals in a heading-like sentence written all in capitals is
            // shouting, not an acronym.
            if defined.is_none() && shouting(p, &sentences, word.range.start) {
                continue;
            }
            let mut range = word.range.clone();
            // "New START": a capitalised word that always stands before the acronym is part
            // of its name (checked over all uses below).
            if defined.is_none()
                && w > 0
                && text::is_capitalised(words[w - 1].text(p))
                && !is_all_caps(words[w - 1].text(p))
                && p[words[w - 1].range.end..word.range.start].chars().all(|c| c == ' ')
                && !sentence_start(p, &sentences, words[w - 1].range.start)
            {
                range.start = words[w - 1].range.start;
            }
            let name = t.to_owned();
            if !uses.contains_key(&name) {
                order.push(name.clone());
            }
            uses.entry(name).or_default().push((i + 1, range));
        }
    }
    let mut out = Vec::new();
    for short in order {
        let mut list = uses.remove(&short).unwrap_or_default();
        // The word before is part of the name only if every use has the same one.
        let full: Vec<&str> =
            list.iter().map(|(para, r)| &paragraphs[*para - 1][r.clone()]).collect();
        let same = full.iter().all(|f| *f == full[0]) && full[0] != short;
        let name = if same { full[0].to_owned() } else { short.clone() };
        if !same {
            for (para, r) in &mut list {
                let p = &paragraphs[*para - 1];
                let at = r.start + p[r.clone()].rfind(short.as_str()).unwrap_or(0);
                *r = at..at + short.len();
            }
        }
        let definition = definitions.iter().find(|d| d.short == name || d.short == short).cloned();
        out.push(Acronym { short: name, definition, uses: list });
    }
    out
}

fn sentence_start(p: &str, sentences: &[Range<usize>], at: usize) -> bool {
    sentences.iter().any(|s| s.start <= at && p[s.start..at].chars().all(|c| !c.is_alphanumeric()))
}

fn shouting(p: &str, sentences: &[Range<usize>], at: usize) -> bool {
    let Some(s) = text::sentence_of(sentences, at) else { return false };
    let words = text::words(&p[sentences[s].clone()]);
    words.len() >= 4
        && words.iter().all(|w| {
            is_all_caps(w.text(&p[sentences[s].clone()]))
                || w.text(&p[sentences[s].clone()]).chars().all(|c| !c.is_alphabetic())
        })
}

/// Roman numerals and single letters are not acronyms; "U.S." and its like are abbreviations
/// of a country's name, which the gazetteer knows.
fn looks_like_acronym(word: &str) -> bool {
    if !is_all_caps(word) || word.contains('.') {
        return false;
    }
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    // "Phase IV", "World War II"; but "CDC" and "DC" are acronyms, so only I, V and X count.
    if letters.chars().all(|c| "IVX".contains(c)) && letters.len() <= 4 {
        return false;
    }
    !matches!(word, "OK" | "AM" | "PM" | "TV" | "AD" | "BC" | "CE" | "BCE")
}

/// Whether a bracketed text can be a short form: one or two words, 2 to 10 characters, the
/// first a letter or digit, with at least one capital letter.
fn short_form_candidate(s: &str) -> bool {
    let len = s.chars().count();
    (2..=10).contains(&len)
        && s.split_whitespace().count() <= 2
        && s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().any(char::is_uppercase)
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

fn definitions_in(p: &str, para: usize) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(open) = p[search..].find('(').map(|i| i + search) {
        let Some(close) = p[open..].find(')').map(|i| i + open) else { break };
        search = open + 1;
        let inner = &p[open + 1..close];
        // "(PrepCom)" or "(EPAA; see below)": the short form is before any ';' or ','.
        let short = inner.split([';', ',']).next().unwrap_or("").trim();
        let before = &p[..open];
        // One word ("EPAA"), or a name and an acronym ("Africa CDC").
        let two_words = short
            .split_once(' ')
            .is_some_and(|(a, b)| text::is_capitalised(a) && !is_all_caps(a) && is_all_caps(b));
        if short_form_candidate(short) && (short.split_whitespace().count() == 1 || two_words) {
            let short_start = open + 1 + (inner.len() - inner.trim_start().len());
            if let Some((long_range, loose)) = long_form_before(before, short) {
                let long = trim_quotes(&p[long_range.clone()]);
                out.push(Definition {
                    short: short.to_owned(),
                    long: long.to_owned(),
                    para,
                    quote: p[long_range.start..close + 1].to_owned(),
                    short_range: short_start..short_start + short.len(),
                    long_range,
                    loose,
                });
            }
        } else if inner.split_whitespace().count() >= 2 {
            // "SF (long form)": the word just before the bracket is the short form.
            let word_start = before.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let short =
                before.trim_end()[word_start..].trim_matches(|c: char| !c.is_alphanumeric());
            if short_form_candidate(short) && is_all_caps(short) {
                let long = inner.trim();
                if matches_letters(short, long).is_some() {
                    let short_start = word_start + before[word_start..].find(short).unwrap_or(0);
                    let long_start = open + 1 + (inner.len() - inner.trim_start().len());
                    out.push(Definition {
                        short: short.to_owned(),
                        long: trim_quotes(long).to_owned(),
                        para,
                        quote: p[short_start..close + 1].to_owned(),
                        short_range: short_start..short_start + short.len(),
                        long_range: long_start..long_start + long.len(),
                        loose: false,
                    });
                }
            }
        }
    }
    out
}

fn trim_quotes(s: &str) -> &str {
    s.trim().trim_matches(['"', '“', '”', '‘', '’', '\'']).trim()
}

/// The long form for `short` at the end of `before`, as a byte range of `before`, and whether
/// it matched loosely.
fn long_form_before(before: &str, short: &str) -> Option<(Range<usize>, bool)> {
    let text = before.trim_end();
    // The window: at most min(|SF| + 5, 2·|SF|) words before the bracket, and not across the
    // end of a clause.
    let n = short.chars().filter(|c| c.is_alphanumeric()).count();
    let limit = (n + 5).min(2 * n);
    let clause_start = text
        .rfind(['.', ';', ':', '(', ')', '!', '?', '—'])
        .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let mut start = text.len();
    let mut count = 0;
    for (i, c) in text[clause_start..].char_indices().rev() {
        let i = i + clause_start;
        if c.is_whitespace() && i < start {
            let word = text[i..start].trim();
            if !word.is_empty() {
                count += 1;
                if count >= limit {
                    start = i + c.len_utf8();
                    break;
                }
            }
            start = i;
        }
        if i == clause_start {
            start = clause_start;
        }
    }
    let window_start = start.min(text.len());
    let window = &text[window_start..];
    if let Some(at) = matches_letters(short, window) {
        let at = extend_left(window, at, short);
        return Some((window_start + at..text.len(), false));
    }
    loose_match(short, window).map(|at| (window_start + at..text.len(), true))
}

/// Schwartz and Hearst's match: the short form's letters and digits, right to left, each found
/// in the long form further left than the one before, the first at the start of a word.
/// Returns where the long form starts in `long`.
fn matches_letters(short: &str, long: &str) -> Option<usize> {
    let s: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    let l: Vec<(usize, char)> = long.char_indices().collect();
    let lower: Vec<char> = l.iter().map(|(_, c)| c.to_lowercase().next().unwrap_or(*c)).collect();
    let mut li = l.len() as isize - 1;
    let mut si = s.len() as isize - 1;
    while si >= 0 {
        let c = s[si as usize];
        if !c.is_alphanumeric() {
            si -= 1;
            continue;
        }
        while li >= 0
            && (lower[li as usize] != c
                || (si == 0 && li > 0 && lower[li as usize - 1].is_alphanumeric()))
        {
            li -= 1;
        }
        if li < 0 {
            return None;
        }
        li -= 1;
        si -= 1;
    }
    // The long form starts at the word holding the first letter.
    let first = (li + 1) as usize;
    let word_start = l[..first].iter().rposition(|(_, c)| c.is_whitespace()).map_or(0, |i| i + 1);
    let at = l.get(word_start).map_or(long.len(), |(i, _)| *i);
    // A long form must be longer than its short form, and not the short form itself.
    let found = trim_quotes(&long[at..]);
    (found.chars().count() > short.chars().count() && !found.eq_ignore_ascii_case(short))
        .then_some(at)
}

/// Grows the long form left over capitalised words whose initial is one of the short form's
/// letters: "Nuclear" in "Nuclear Non-Proliferation Treaty (NPT)".
fn extend_left(window: &str, mut at: usize, short: &str) -> usize {
    let initials: Vec<char> = short.chars().filter(|c| c.is_uppercase()).collect();
    loop {
        let before = window[..at].trim_end();
        if before.len() == at {
            return at;
        }
        let word_start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = trim_quotes(&before[word_start..]);
        let Some(first) = word.chars().next() else { return at };
        if !first.is_uppercase() || !initials.contains(&first) || is_all_caps(word) {
            return at;
        }
        // Only words inside the title: a capitalised word that ends a sentence stops it.
        if before.ends_with([',', '.', ';', ':']) {
            return at;
        }
        at = word_start;
    }
}

/// The loose match for CamelCase short forms: each capitalised part ("Prep", "Com") starts a
/// word of the long form, in order, the last part on the last word.
fn loose_match(short: &str, window: &str) -> Option<usize> {
    let parts: Vec<char> = short.chars().filter(|c| c.is_uppercase()).collect();
    let camel = parts.len() >= 2 && short.chars().any(char::is_lowercase);
    if !camel {
        return None;
    }
    let words: Vec<(usize, &str)> = window
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - window.as_ptr() as usize, w))
        .collect();
    if words.len() < parts.len() {
        return None;
    }
    let tail = &words[words.len() - parts.len()..];
    let fits = tail.iter().zip(&parts).all(|((_, w), p)| trim_quotes(w).starts_with(*p));
    fits.then(|| tail[0].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(p: &str) -> Vec<(String, String, bool)> {
        definitions_in(p, 1).into_iter().map(|d| (d.short, d.long, d.loose)).collect()
    }

    #[test]
    fn finds_long_forms_before_brackets() {
        assert_eq!(
            defs(
                "cancelling the final phase of its four-stage “European phased adaptive approach” (EPAA) for"
            ),
            [("EPAA".to_owned(), "European phased adaptive approach".to_owned(), false)]
        );
        assert_eq!(
            defs(
                "focused on the Nuclear Non-Proliferation Treaty (NPT) Preparatory Conference (PrepCom) in Geneva"
            ),
            [
                ("NPT".to_owned(), "Nuclear Non-Proliferation Treaty".to_owned(), false),
                ("PrepCom".to_owned(), "Preparatory Conference".to_owned(), true)
            ]
        );
        assert_eq!(
            defs("The Africa Centres for Disease Control and Prevention (Africa CDC) said"),
            [(
                "Africa CDC".to_owned(),
                "Africa Centres for Disease Control and Prevention".to_owned(),
                false
            )]
        );
        assert_eq!(
            defs("the World Health Organization (WHO) said"),
            [("WHO".to_owned(), "World Health Organization".to_owned(), false)]
        );
    }

    #[test]
    fn finds_short_form_first_definitions() {
        assert_eq!(
            defs("talks under CETA (Comprehensive Economic and Trade Agreement) resumed"),
            [("CETA".to_owned(), "Comprehensive Economic and Trade Agreement".to_owned(), false)]
        );
    }

    #[test]
    fn ignores_brackets_that_define_nothing() {
        assert!(defs("the meeting (held in private) ended").is_empty());
        assert!(defs("in 2010 (see below)").is_empty());
        assert!(defs("the treaty (2010)").is_empty());
    }

    #[test]
    fn quotes_the_defining_words_verbatim() {
        let p = "its four-stage “European phased adaptive approach” (EPAA) for";
        let d = &definitions_in(p, 1)[0];
        assert_eq!(d.quote, "“European phased adaptive approach” (EPAA)");
        assert!(p.contains(&d.quote));
    }

    #[test]
    fn lists_uses_and_multiword_names() {
        let paras = vec![
            "On New START and NATO, the NPT (NPT) talks.".to_owned(),
            "Again New START; NATO met.".to_owned(),
        ];
        let found = find(&paras);
        let names: Vec<&str> = found.iter().map(|a| a.short.as_str()).collect();
        assert!(names.contains(&"New START"), "{names:?}");
        assert!(names.contains(&"NATO"));
    }
}
