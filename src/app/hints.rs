//! `f`: a short label on every link on screen, as vimium and qutebrowser do; typing a label
//! follows its link. `F` opens the chosen link beside the current item instead, in the related
//! column, where the layout has room.

use super::panes::Column;

/// Home-row letters first, so most labels are typed without moving the hand.
const ALPHABET: [char; 9] = ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'];

#[derive(Debug, Clone, PartialEq)]
pub struct Hints {
    pub typed: String,
    pub beside: bool,
    pub labels: Vec<Hint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub label: String,
    pub column: Column,
    pub link: usize,
}

/// What a typed letter did.
pub enum Typed {
    /// More letters are needed.
    Narrowed,
    /// A whole label: follow this link.
    Chosen(Column, usize),
    /// No label starts so.
    Nothing(String),
}

impl Hints {
    pub fn new(links: Vec<(Column, usize)>, beside: bool) -> Hints {
        let labels = labels(links.len())
            .into_iter()
            .zip(links)
            .map(|(label, (column, link))| Hint { label, column, link })
            .collect();
        Hints { typed: String::new(), beside, labels }
    }

    pub fn type_letter(&mut self, c: char) -> Typed {
        self.typed.push(c.to_ascii_lowercase());
        let matching: Vec<&Hint> =
            self.labels.iter().filter(|h| h.label.starts_with(&self.typed)).collect();
        match matching.as_slice() {
            [] => Typed::Nothing(self.typed.clone()),
            [hint] if hint.label == self.typed => Typed::Chosen(hint.column, hint.link),
            _ => Typed::Narrowed,
        }
    }

    pub fn back(&mut self) {
        self.typed.pop();
    }

    /// The labels still in play in a column, with the part not yet typed.
    pub fn shown(&self, column: Column) -> Vec<(String, usize)> {
        self.labels
            .iter()
            .filter(|h| h.column == column && h.label.starts_with(&self.typed))
            .map(|h| (h.label.chars().skip(self.typed.chars().count()).collect(), h.link))
            .collect()
    }
}

/// `count` labels, all of one length so that none is the start of another.
pub fn labels(count: usize) -> Vec<String> {
    let mut length = 1;
    while ALPHABET.len().pow(length) < count {
        length += 1;
    }
    (0..count)
        .map(|mut n| {
            let mut label = vec![' '; length as usize];
            for slot in label.iter_mut().rev() {
                *slot = ALPHABET[n % ALPHABET.len()];
                n /= ALPHABET.len();
            }
            label.into_iter().collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_short_and_none_is_the_start_of_another() {
        assert_eq!(labels(3), vec!["a", "s", "d"]);
        let many = labels(20);
        assert!(many.iter().all(|l| l.len() == 2));
        for a in &many {
            assert_eq!(many.iter().filter(|b| b.starts_with(a.as_str())).count(), 1);
        }
        assert_eq!(labels(100).len(), 100);
    }
}
