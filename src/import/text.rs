//! Words and sentences of a paragraph, with their byte ranges, so that every finding can be
//! quoted verbatim and placed in its sentence.

use std::ops::Range;

/// A word as written: letters and digits, with the hyphens, apostrophes and dots inside it
/// ("Non-Proliferation", "U.S.", "Russia’s" is "Russia" then "’s").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub range: Range<usize>,
}

impl Word {
    pub fn text<'a>(&self, paragraph: &'a str) -> &'a str {
        &paragraph[self.range.clone()]
    }
}

/// The words of a paragraph in order. A possessive ending (’s, 's) is its own word, so
/// "Russia’s" yields "Russia" and "’s".
pub fn words(paragraph: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let joins = matches!(c, '-' | '.' | '\'' | '’' | '‑')
                && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            // "U.S." keeps its last dot: a dot after a single capital is part of the word.
            let closing_dot = c == '.'
                && j >= 1
                && chars[j - 1].1.is_uppercase()
                && (j < 2 || !chars[j - 2].1.is_alphanumeric() || chars[j - 2].1 == '.');
            // "Dr." and "Mr." keep their dot, so the title stays joined to the name after it.
            let honorific_dot = c == '.'
                && HONORIFICS
                    .contains(&chars[i..j].iter().map(|(_, c)| *c).collect::<String>().as_str());
            if c.is_alphanumeric() || (joins && !is_possessive(&chars, j)) {
                j += 1;
            } else if closing_dot || honorific_dot {
                j += 1;
                break;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(paragraph.len(), |(at, _)| *at);
        out.push(Word { range: start..end });
        if is_possessive(&chars, j) {
            let s_end = chars.get(j + 2).map_or(paragraph.len(), |(at, _)| *at);
            out.push(Word { range: chars[j].0..s_end });
            j += 2;
        }
        i = j;
    }
    out
}

/// Whether the apostrophe at `j` begins a possessive "’s" that ends a word.
fn is_possessive(chars: &[(usize, char)], j: usize) -> bool {
    matches!(chars.get(j).map(|c| c.1), Some('\'' | '’'))
        && matches!(chars.get(j + 1).map(|c| c.1), Some('s'))
        && chars.get(j + 2).is_none_or(|(_, c)| !c.is_alphanumeric())
}

/// Abbreviations of titles written before a name.
pub const HONORIFICS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Gen", "Adm", "Col", "Lt", "Sgt", "Capt", "Sen", "Rep",
    "Gov", "Amb", "St", "Rev", "Maj", "Cmdr", "Supt", "Insp",
];

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Adm", "Col", "Lt", "Sgt", "Capt", "Sen", "Rep", "Gov",
    "Amb", "St", "Jr", "Sr", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "e.g", "i.e", "a.m",
    "p.m", "U.S", "U.K", "U.N", "E.U",
];

/// The sentences of a paragraph as byte ranges, trailing spaces excluded. A sentence ends at
/// '.', '!' or '?' (after any closing quote or bracket) followed by white space and a capital,
/// a digit or an opening quote; not after an abbreviation or an initial ("James N. Miller").
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = paragraph.as_bytes();
    let mut iter = paragraph.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if c == '\n' {
            // A line break inside a paragraph ends a sentence: the article's own lines.
            push_sentence(paragraph, start..at, &mut out);
            start = at + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, n)) = iter.peek() {
            if matches!(n, '"' | '”' | '’' | '\'' | ')' | ']') {
                end = next_at + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &paragraph[end..];
        // Any white space, the no-break space too (the seed article has one after a stop).
        let after_space = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        if after_space.len() == rest.len() && !rest.is_empty() && !rest.starts_with('\n') {
            continue;
        }
        let next = after_space.chars().next();
        let starts_sentence = next.is_none_or(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '(' | '\n')
        });
        if c == '.' && (!starts_sentence || ends_with_abbreviation(&paragraph[start..at])) {
            continue;
        }
        let _ = bytes;
        push_sentence(paragraph, start..end, &mut out);
        start = end;
    }
    push_sentence(paragraph, start..paragraph.len(), &mut out);
    out
}

fn push_sentence(paragraph: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let text = &paragraph[range.clone()];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if lead + trail < text.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

fn ends_with_abbreviation(before_dot: &str) -> bool {
    let last = before_dot.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let last = last.trim_start_matches(['"', '“', '‘']);
    // An initial: one capital letter ("N." in "James N. Miller").
    if last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&last)
}

/// Whether a word begins with a capital letter (or is a number-free acronym).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is written in capitals throughout, with at least two letters: "NATO",
/// "U.S.", "COVID-19".
pub fn is_all_caps(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// The sentence (as an index into `sentences`) that holds byte `at`.
pub fn sentence_of(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    sentences.iter().position(|s| s.start <= at && at < s.end.max(s.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<&str> {
        words(p).iter().map(|w| w.text(p)).collect()
    }

    #[test]
    fn words_keep_abbreviations_hyphens_and_split_possessives() {
        assert_eq!(
            texts(
                "U.S. Non-Proliferation talks in Russia’s backyard, James N. Miller and Dr. Lee."
            ),
            [
                "U.S.",
                "Non-Proliferation",
                "talks",
                "in",
                "Russia",
                "’s",
                "backyard",
                "James",
                "N.",
                "Miller",
                "and",
                "Dr.",
                "Lee"
            ]
        );
        assert_eq!(texts("don't stop"), ["don't", "stop"]);
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations_or_initials() {
        let p = "U.S. Defense Secretary Chuck Hagel spoke. James N. Miller met Dr. Lee in Brussels. Then “Yes.” It ended";
        let s: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(
            s,
            [
                "U.S. Defense Secretary Chuck Hagel spoke.",
                "James N. Miller met Dr. Lee in Brussels.",
                "Then “Yes.”",
                "It ended"
            ]
        );
    }

    #[test]
    fn a_line_break_ends_a_sentence() {
        let p = "One thing.\nThese are the views of the author.";
        assert_eq!(sentences(p).len(), 2);
        let p = "Concerns about.\u{a0} Although not.";
        assert_eq!(sentences(p).len(), 2);
    }
}
