//! `/`: matches in the text of a page, found across row breaks (a name wrapped over two rows
//! is still found) and returned as the cells to highlight.

use super::fold::{fold, fold_query};
use crate::document::Wrapped;
use unicode_width::UnicodeWidthChar;

/// One match: the cells it covers, a rectangle per row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub spans: Vec<(usize, u16, u16)>,
}

impl Match {
    pub fn row(&self) -> usize {
        self.spans.first().map_or(0, |s| s.0)
    }
}

/// Every match of `query` in `wrapped`, in reading order.
pub fn find(wrapped: &Wrapped, query: &str) -> Vec<Match> {
    let (needle, keep_case) = fold_query(query);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut matches = Vec::new();
    let mut row = 0;
    while row < wrapped.rows.len() {
        // A block's rows are searched as one text, joined by the spaces the wrap removed.
        let block = wrapped.rows[row].block;
        let mut text = String::new();
        let mut cells: Vec<Option<(usize, u16, u16)>> = Vec::new();
        while row < wrapped.rows.len() && wrapped.rows[row].block == block {
            if !cells.is_empty() {
                text.push(' ');
                cells.push(None);
            }
            for segment in &wrapped.rows[row].segments {
                let mut x = segment.x;
                for c in segment.text.chars() {
                    let w = c.width().unwrap_or(0) as u16;
                    text.push(c);
                    cells.push(Some((row, x, x + w)));
                    x += w;
                }
            }
            row += 1;
        }
        for range in fold(&text, keep_case).find_all(&needle) {
            let mut spans: Vec<(usize, u16, u16)> = Vec::new();
            for (r, x0, x1) in cells[range].iter().flatten().copied() {
                match spans.last_mut() {
                    Some(last) if last.0 == r && last.2 == x0 => last.2 = x1,
                    _ => spans.push((r, x0, x1)),
                }
            }
            if !spans.is_empty() {
                matches.push(Match { spans });
            }
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocBuilder, wrap};

    #[test]
    fn finds_a_name_wrapped_over_two_rows() {
        let mut b = DocBuilder::default();
        b.block(false).text("Then Sergei Lavrov spoke");
        let w = wrap(&b.finish(), 12);
        let found = find(&w, "sergei lavrov");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].spans, vec![(0, 5, 11), (1, 0, 6)]);
    }

    #[test]
    fn folds_accents_and_counts_every_match() {
        let mut b = DocBuilder::default();
        b.block(false).text("Łódź and Lodz and LODZ");
        b.block(true).text("lodz again");
        let w = wrap(&b.finish(), 40);
        assert_eq!(find(&w, "lodz").len(), 4);
        // A capital makes case matter, but accents still fold: Łódź and Lodz, not LODZ.
        assert_eq!(find(&w, "Lodz").len(), 2);
        assert!(find(&w, "").is_empty());
    }
}
