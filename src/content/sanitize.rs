//! Content is untrusted: text that could move the cursor, recolour the terminal or reorder
//! what a reader sees is removed when a briefing loads, before anything is drawn.

use compact_str::CompactString;
use std::fmt;
use std::ops::Deref;
use unicode_width::UnicodeWidthChar;

/// Text that holds no character that could act on a terminal, a pasted shell line or a
/// reader's eyes: no control character but newline, no DEL, no C1, no bidi override. Every
/// way to make one cleans what it is given, so the model can hand out nothing else, and the
/// screen, the clipboard, printed text and exported files are safe by construction.
///
/// A short text (most names) is kept inline, a longer one in an allocation of its own size:
/// a briefing holds many, and none grows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Clean(CompactString);

impl Clean {
    /// The text cleaned, and how many characters were removed.
    pub fn new(text: &str) -> (Clean, usize) {
        let (text, removed) = clean(text);
        (Clean::kept(text), removed)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0.into_string()
    }

    /// Clean text, inline when it is short, without room to grow when it is not.
    fn kept(text: String) -> Clean {
        Clean(CompactString::from(text.into_boxed_str()))
    }

    /// The text as it is when it is clean, without a copy; given back when it is not.
    pub fn checked(text: String) -> Result<Clean, String> {
        if may_need_cleaning(&text) { Err(text) } else { Ok(Clean::kept(text)) }
    }

    /// Clean text after clean text is clean.
    pub fn append(&mut self, other: &Clean) {
        self.0 = Clean::kept([&*self.0, &*other.0].concat()).0;
    }
}

impl From<&str> for Clean {
    fn from(text: &str) -> Clean {
        Clean::new(text).0
    }
}

impl From<String> for Clean {
    fn from(text: String) -> Clean {
        // Text that is clean already is kept as it is, without a copy.
        if may_need_cleaning(&text) { Clean::new(&text).0 } else { Clean::kept(text) }
    }
}

impl From<Clean> for String {
    fn from(text: Clean) -> String {
        text.0.into_string()
    }
}

// Stored as its text, and cleaned again when read back: a stored model (the bundled briefing
// prebuilt into the binary) cannot carry what loading would have removed.
impl serde::Serialize for Clean {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Clean {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Clean, D::Error> {
        String::deserialize(deserializer).map(Clean::from)
    }
}

impl Deref for Clean {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Clean {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Clean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Clean {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Clean {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

const TAB_STOP: usize = 4;

/// Whether `c` must never reach the terminal: C0 controls but newline and tab (tab is expanded),
/// DEL, C1 controls, and the bidirectional overrides and isolates that can make text read
/// differently from how it is stored.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether text holds something to clean (a forbidden character or a tab), found from its
/// bytes: every forbidden character's UTF-8 form is known (C0 and DEL are single bytes, C1 is
/// 0xc2 0x80–0x9f, the bidi controls are 0xe2 0x80 0xaa–0xae and 0xe2 0x81 0xa6–0xa9), and
/// most text holds none of them.
fn may_need_cleaning(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Eight printable ASCII bytes at a time need no closer look: most text is just that.
        if let Some(chunk) = bytes.get(at..at + 8) {
            const ONES: u64 = 0x0101_0101_0101_0101;
            const HIGH: u64 = 0x8080_8080_8080_8080;
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
            // A byte above 0x7e has its high bit set once one is added (0x7f) or already.
            let above_tilde = (word.wrapping_add(ONES) | word) & HIGH;
            if below_space | above_tilde == 0 {
                at += 8;
                continue;
            }
        }
        let next = |n: usize| bytes.get(at + n).copied();
        let forbidden = match bytes[at] {
            b'\n' => false,
            0x00..=0x1f | 0x7f => true,
            // C1 controls; curly quotes and dashes also start with 0xe2, and are no trouble.
            0xc2 => matches!(next(1), Some(0x80..=0x9f)),
            0xe2 => matches!(
                (next(1), next(2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        };
        if forbidden {
            return true;
        }
        at += 1;
    }
    false
}

/// Returns the text with forbidden characters removed and tabs expanded, and how many
/// characters were removed. A carriage return before a newline (a file saved with CRLF line
/// ends) is dropped without being counted.
pub fn clean(text: &str) -> (String, usize) {
    if !may_need_cleaning(text) {
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
    if !may_need_cleaning(text) {
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
    fn a_short_clean_text_is_kept_inline_and_a_long_one_without_room_to_grow() {
        // Every way of making one: cleaned, checked, converted, appended.
        let short = [
            Clean::from("Sergei Lavrov"),
            Clean::checked("missile-defense".to_owned()).unwrap(),
            Clean::from("New START\u{1b}[2J".to_owned()),
            Clean::new("Missile Defense Agency").0,
        ];
        for text in &short {
            assert!(!text.0.is_heap_allocated(), "{text:?} is allocated");
        }
        let mut long = Clean::from("The Conference on Disarmament in Geneva".to_owned());
        assert!(long.0.is_heap_allocated());
        assert_eq!(long.0.capacity(), long.len());
        long.append(&Clean::from(", whose sessions stalled"));
        assert_eq!(long, "The Conference on Disarmament in Geneva, whose sessions stalled");
        assert_eq!(long.0.capacity(), long.len());
        assert_eq!(std::mem::size_of::<Clean>(), 24);
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
    fn the_byte_check_agrees_with_the_character_check() {
        for c in (0..0x3000u32).chain(0x2060..0x2070).filter_map(char::from_u32) {
            let text = format!("padding{c}and more padding");
            assert_eq!(may_need_cleaning(&text), is_forbidden(c) || c == '\t', "{:?}", c);
        }
    }

    #[test]
    fn clean_text_cannot_hold_a_control_character_however_it_is_made() {
        let hostile = "Issue\u{1b}[201~\u{1b}]52;c;x\u{7}\u{202e}evil\u{9b}";
        for clean in [Clean::from(hostile), Clean::from(hostile.to_owned()), Clean::new(hostile).0]
        {
            assert!(!clean.chars().any(is_forbidden), "{clean:?}");
            assert_eq!(clean, "Issue[201~]52;c;xevil");
        }
    }

    #[test]
    fn printable_text_keeps_offsets() {
        let raw = "a\u{1b}b\u{202E}c";
        let safe = printable_same_length(raw);
        assert_eq!(safe.len(), raw.len());
        assert_eq!(safe, "a?b???c");
    }
}
