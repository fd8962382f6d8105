//! Content is untrusted: text that could move the cursor, recolour the terminal or reorder
//! what a reader sees is removed when a briefing loads, before anything is drawn.

use unicode_width::UnicodeWidthChar;

const TAB_STOP: usize = 4;

/// Whether `c` must never reach the terminal: C0 controls but newline and tab (tab is expanded),
/// DEL, C1 controls, and the bidirectional overrides and isolates that can make text read
/// differently from how it is stored.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Returns the text with forbidden characters removed and tabs expanded, and how many
/// characters were removed. A carriage return before a newline (a file saved with CRLF line
/// ends) is dropped without being counted.
pub fn clean(text: &str) -> (String, usize) {
    if !text.chars().any(|c| is_forbidden(c) || c == '\t') {
        return (text.to_owned(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut column = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let pad = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_forbidden(c) => removed += 1,
            c => {
                out.push(c);
                column += c.width().unwrap_or(0);
            }
        }
    }
    (out, removed)
}

/// Text that may hold anything (a path, a key name, a value from a file) made safe to print
/// in a message: every forbidden character is written as its escape, `\u{1b}`, so a reader
/// sees what is there and the terminal never acts on it.
pub fn escaped(text: &str) -> String {
    if !text.chars().any(is_forbidden) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_forbidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Makes a file's raw text safe to print in a diagnostic without changing any byte offset:
/// each byte of a forbidden character becomes `?`.
pub fn printable_same_length(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_forbidden(c) && c != '\r' {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_and_bidi_overrides() {
        let (text, removed) = clean("red\u{1b}[31m alert\u{7}\u{202E}txt\u{9b}2J");
        assert_eq!(text, "red[31m alerttxt2J");
        assert_eq!(removed, 4);
    }

    #[test]
    fn keeps_newlines_and_expands_tabs() {
        assert_eq!(clean("a\tb\nab\tc"), ("a   b\nab  c".to_owned(), 0));
    }

    #[test]
    fn drops_crlf_carriage_returns_silently() {
        assert_eq!(clean("one\r\ntwo\rthree"), ("one\ntwothree".to_owned(), 1));
    }

    #[test]
    fn escaped_text_shows_each_control_character_as_its_escape() {
        assert_eq!(escaped("dir\u{1b}]52;x\u{7}"), "dir\\u{1b}]52;x\\u{7}");
        assert_eq!(escaped("caf\u{e9}"), "caf\u{e9}");
        assert_eq!(escaped("a\u{9b}b\u{202e}"), "a\\u{9b}b\\u{202e}");
    }

    #[test]
    fn printable_text_keeps_offsets() {
        let raw = "a\u{1b}b\u{202E}c";
        let safe = printable_same_length(raw);
        assert_eq!(safe.len(), raw.len());
        assert_eq!(safe, "a?b???c");
    }
}
