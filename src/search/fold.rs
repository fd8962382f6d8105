//! Folding text for matching: "Łódź" and "lodz" fold alike. Letters lose their accents and
//! variants (through deunicode, which also maps Ł to L, where Unicode decomposition does not),
//! and case is ignored unless the query has a capital (smart case, as in vim and less).

use std::ops::Range;

/// Folded text, with the character of the original that each folded byte came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    origin: Vec<u32>,
}

/// Whether a query asks for its case to matter: it does when it has a capital.
pub fn case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

pub fn fold(text: &str, keep_case: bool) -> Folded {
    let mut origin = Vec::with_capacity(text.len());
    let text = folded(text, keep_case, Some(&mut origin));
    Folded { text, origin }
}

/// The folded text alone, for what needs no way back to the original (the briefing-wide
/// index, a query).
pub fn fold_text(text: &str, keep_case: bool) -> String {
    folded(text, keep_case, None)
}

/// Folds `text`, noting in `origin`, when asked, the character each folded byte came from.
fn folded(text: &str, keep_case: bool, mut origin: Option<&mut Vec<u32>>) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for (i, c) in text.chars().enumerate() {
        let piece: &str = if c.is_ascii() {
            c.encode_utf8(&mut buffer)
        } else {
            match deunicode::deunicode_char(c) {
                Some(ascii) => ascii,
                None => c.encode_utf8(&mut buffer),
            }
        };
        for p in piece.chars() {
            let p = if keep_case { p } else { p.to_ascii_lowercase() };
            let start = folded.len();
            folded.push(p);
            if let Some(origin) = origin.as_deref_mut() {
                origin.extend(std::iter::repeat_n(i as u32, folded.len() - start));
            }
        }
    }
    folded
}

/// The query as it is matched: folded, and lowercased unless it has a capital.
pub fn fold_query(query: &str) -> (String, bool) {
    let keep_case = case_sensitive(query);
    (fold_text(query, keep_case), keep_case)
}

impl Folded {
    /// Every non-overlapping occurrence of `needle` (already folded), as ranges of characters
    /// of the original text.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(needle)
            .map(|(at, found)| self.characters(at..at + found.len()))
            .collect()
    }

    pub fn find(&self, needle: &str) -> Option<Range<usize>> {
        if needle.is_empty() {
            return None;
        }
        let at = self.text.find(needle)?;
        Some(self.characters(at..at + needle.len()))
    }

    /// The characters of the original that a range of folded bytes (not empty) came from.
    pub fn characters(&self, bytes: Range<usize>) -> Range<usize> {
        let last = self.origin.len().saturating_sub(1);
        let first = self.origin.get(bytes.start.min(last)).map_or(0, |c| *c as usize);
        let end =
            self.origin.get(bytes.end.saturating_sub(1).min(last)).map_or(0, |c| *c as usize + 1);
        first..end.max(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_letter_variants_fold() {
        let (query, keep) = fold_query("lodz");
        assert_eq!(fold("Łódź", keep).find(&query), Some(0..4));
        let (query, keep) = fold_query("gottemoller");
        assert!(fold("Gottemöller", keep).find(&query).is_some());
    }

    #[test]
    fn case_is_ignored_unless_the_query_has_a_capital() {
        let (query, keep) = fold_query("nato");
        assert_eq!(fold("the NATO summit", keep).find_all(&query), vec![4..8]);
        let (query, keep) = fold_query("Nato");
        assert!(fold("the NATO summit", keep).find(&query).is_none());
        assert!(fold("Nato", keep).find(&query).is_some());
    }

    #[test]
    fn ranges_are_in_characters_of_the_original() {
        let (query, keep) = fold_query("o");
        let text = "“Łódź” o";
        let found = fold(text, keep).find_all(&query);
        assert_eq!(found, vec![2..3, 7..8]);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[2], 'ó');
    }
}
