//! Text cut to fit a width, always with an ellipsis, so a reader can tell that something was
//! cut, and never in the middle of a wide character.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The text cut at the end to `width` columns, ending in "…" when it had to cut.
pub fn end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The text cut in the middle to `width` columns: the start says what the message is, and
/// the end is often what matters most (a path, a count).
pub fn middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width < 8 {
        return end(text, width);
    }
    let tail_room = (width - 1) * 2 / 5;
    let head_room = width - 1 - tail_room;
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        tail.push(c);
        used += w;
    }
    let head = end(text, head_room + 1);
    let head = head.trim_end_matches('…');
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_show_an_ellipsis_and_fit() {
        assert_eq!(end("status line", 20), "status line");
        assert_eq!(end("status line", 7), "status…");
        assert_eq!(end("世界世界", 5), "世界…");
        let m =
            middle("Your saved place was not used: it is kept as /home/a/.local/state/x.json", 40);
        assert!(m.width() <= 40 && m.contains('…') && m.ends_with("x.json"), "{m}");
        assert!(m.starts_with("Your saved"), "{m}");
        for w in 0..30 {
            assert!(middle("abcdefghijklmnopqrstuvwxyz0123456789", w).width() <= w);
        }
    }
}
