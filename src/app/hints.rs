//! `f`: a short label on every link on screen, as vimium and qutebrowser do; typing a label
//! follows its link. `F` opens the chosen link beside the current item instead, in the related
//! column, where the layout has room.

use super::state::{App, Column};
use crate::document::Target;

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

impl App {
    pub(super) fn start_hints(&mut self, beside: bool) {
        self.prepare();
        let mut visible = Vec::new();
        for column in [Column::Main, Column::Side] {
            if let Some(w) = self.wrapped(column) {
                visible.extend(
                    (0..w.links.len())
                        .filter(|i| self.link_on_screen(column, *i))
                        .map(|i| (column, i)),
                );
            }
        }
        if visible.is_empty() {
            self.status = Some("No links on screen".to_owned());
            return;
        }
        let labels = labels(visible.len())
            .into_iter()
            .zip(visible)
            .map(|(label, (column, link))| Hint { label, column, link })
            .collect();
        self.hints = Some(Hints { typed: String::new(), beside, labels });
    }

    /// A key typed while the labels are up: narrows them, follows on a whole label, gives up
    /// on one that matches nothing.
    pub(super) fn type_hint(&mut self, c: char) {
        let Some(hints) = &mut self.hints else { return };
        hints.typed.push(c.to_ascii_lowercase());
        let typed = hints.typed.clone();
        let beside = hints.beside;
        let matching: Vec<Hint> =
            hints.labels.iter().filter(|h| h.label.starts_with(&typed)).cloned().collect();
        match matching.as_slice() {
            [] => {
                self.hints = None;
                self.status = Some(format!("No link is labelled “{typed}”"));
            }
            [hint] if hint.label == typed => {
                self.hints = None;
                self.view_mut().link = Some((hint.column, hint.link));
                let Some(target) = self.focused_target() else {
                    self.view_mut().link = None;
                    return;
                };
                if beside { self.open_beside(target) } else { self.go(target) }
            }
            _ => {}
        }
    }

    pub(super) fn back_hint(&mut self) {
        if let Some(hints) = &mut self.hints {
            hints.typed.pop();
        }
    }

    /// Opens an entity in the related column, leaving the selection where it is.
    pub(super) fn open_beside(&mut self, target: Target) {
        match target {
            Target::Entity(id) if self.areas().side.is_some() => {
                let name = self.briefing.entity(id).name.clone();
                let view = self.view_mut();
                view.beside = Some(id);
                view.side_scroll = 0;
                view.link = None;
                self.status = Some(format!("{name} is open beside; Esc closes it"));
            }
            Target::Entity(_) => {
                self.go(target);
                self.status = Some("No room beside at this width, so it opened here".to_owned());
            }
            other => self.go(other),
        }
    }

    pub(super) fn link_on_screen(&self, column: Column, link: usize) -> bool {
        let (Some(w), Some(area)) = (self.wrapped(column), self.text_area(column)) else {
            return false;
        };
        let top = match column {
            Column::Main => self.view().scroll,
            Column::Side => self.view().side_scroll,
        };
        w.link_row(link).is_some_and(|row| row >= top && row < top + area.height as usize)
    }
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
