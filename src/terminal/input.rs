//! The terminal's input bytes turned into keys, mouse events and pastes. An escape sequence
//! that never completes (a stray `ESC[<`, a paste that never ends) must not swallow every key
//! after it: a sequence is complete, invalid (and dropped), or still waiting, and one that
//! waits longer than a moment is taken as what was typed.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// What the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// Text pasted while bracketed paste is on.
    Paste(String),
}

/// A sequence longer than this is no sequence a terminal sends: it is dropped.
const MAX_SEQUENCE: usize = 64;
/// A paste longer than this is cut: nothing a person types into a search is this long.
const MAX_PASTE: usize = 64 * 1024;
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: what has come so far.
    paste: Option<Vec<u8>>,
}

/// What the bytes at the start of the buffer are.
enum Parsed {
    /// An event, and how many bytes it took.
    Event(Option<Input>, usize),
    /// More bytes are needed to tell.
    Incomplete,
}

impl Decoder {
    /// Takes in bytes and returns the events they complete; bytes that may start a longer
    /// sequence wait for the next call, or for `flush`.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        self.drain(&mut out, false);
        out
    }

    /// No byte came for a while: what waits is taken as typed. A lone Esc is the Esc key, an
    /// unfinished sequence is dropped, an unfinished paste is pasted.
    pub fn flush(&mut self) -> Vec<Input> {
        let mut out = Vec::new();
        self.drain(&mut out, true);
        if let Some(paste) = self.paste.take() {
            out.push(Input::Paste(String::from_utf8_lossy(&paste).into_owned()));
        }
        self.pending.clear();
        out
    }

    /// Whether bytes wait for more, so the reader knows to flush after a moment.
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty() || self.paste.is_some()
    }

    fn drain(&mut self, out: &mut Vec<Input>, done: bool) {
        loop {
            if self.paste.is_some() {
                if !self.take_paste(out) {
                    return;
                }
                continue;
            }
            if self.pending.is_empty() {
                return;
            }
            match parse(&self.pending, done) {
                Parsed::Event(event, used) => {
                    self.pending.drain(..used.max(1).min(self.pending.len()));
                    match event {
                        Some(Input::Paste(_)) => self.paste = Some(Vec::new()),
                        Some(event) => out.push(event),
                        None => {}
                    }
                }
                Parsed::Incomplete if done => {
                    // What never completed: a lone Esc is the key; anything longer is dropped,
                    // one byte at a time, so what follows it is still read.
                    if self.pending == b"\x1b" {
                        out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                    }
                    self.pending.remove(0);
                    if self.pending.first() == Some(&b'\x1b') {
                        continue;
                    }
                    // The rest of a dropped sequence is not typed text either.
                    let end =
                        self.pending.iter().position(|b| *b == 0x1b).unwrap_or(self.pending.len());
                    self.pending.drain(..end);
                }
                Parsed::Incomplete => return,
            }
        }
    }

    /// Moves paste bytes in until the end marker; false when more are needed.
    fn take_paste(&mut self, out: &mut Vec<Input>) -> bool {
        let paste = self.paste.as_mut().expect("in a paste");
        if let Some(at) = find(&self.pending, PASTE_END) {
            paste.extend_from_slice(&self.pending[..at]);
            self.pending.drain(..at + PASTE_END.len());
            let mut text = self.paste.take().expect("in a paste");
            text.truncate(MAX_PASTE);
            out.push(Input::Paste(String::from_utf8_lossy(&text).into_owned()));
            return true;
        }
        // Keep the bytes that might be the start of the end marker.
        let keep = (1..PASTE_END.len())
            .rev()
            .find(|n| self.pending.ends_with(&PASTE_END[..*n]))
            .unwrap_or(0);
        let take = self.pending.len() - keep;
        if paste.len() < MAX_PASTE {
            paste.extend_from_slice(&self.pending[..take.min(MAX_PASTE - paste.len())]);
        }
        self.pending.drain(..take);
        false
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Input {
    Input::Key(KeyEvent::new(code, modifiers))
}

/// Parses the event at the start of `bytes`. `done` says no more bytes are coming soon.
fn parse(bytes: &[u8], done: bool) -> Parsed {
    let first = bytes[0];
    match first {
        0x1b => parse_escape(bytes, done),
        b'\r' | b'\n' => Parsed::Event(Some(key(KeyCode::Enter, KeyModifiers::NONE)), 1),
        b'\t' => Parsed::Event(Some(key(KeyCode::Tab, KeyModifiers::NONE)), 1),
        0x7f | 0x08 => Parsed::Event(Some(key(KeyCode::Backspace, KeyModifiers::NONE)), 1),
        0x00 => Parsed::Event(Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL)), 1),
        0x01..=0x1a => {
            let c = (first - 0x01 + b'a') as char;
            Parsed::Event(Some(key(KeyCode::Char(c), KeyModifiers::CONTROL)), 1)
        }
        0x1c..=0x1f => {
            let c = (first - 0x1c + b'4') as char;
            Parsed::Event(Some(key(KeyCode::Char(c), KeyModifiers::CONTROL)), 1)
        }
        _ => match parse_char(bytes) {
            Some((c, used)) => Parsed::Event(Some(key(KeyCode::Char(c), KeyModifiers::NONE)), used),
            None if !done && bytes.len() < 4 && utf8_start(first) => Parsed::Incomplete,
            // Not UTF-8: the byte is dropped.
            None => Parsed::Event(None, 1),
        },
    }
}

fn utf8_start(byte: u8) -> bool {
    (0xc2..=0xf4).contains(&byte)
}

/// The UTF-8 character at the start of `bytes`, and its length.
fn parse_char(bytes: &[u8]) -> Option<(char, usize)> {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let text = std::str::from_utf8(bytes.get(..len)?).ok()?;
    text.chars().next().map(|c| (c, len))
}

fn parse_escape(bytes: &[u8], done: bool) -> Parsed {
    let Some(&second) = bytes.get(1) else {
        return if done {
            Parsed::Event(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1)
        } else {
            Parsed::Incomplete
        };
    };
    match second {
        b'[' => parse_csi(bytes, done),
        b'O' => match bytes.get(2) {
            None if !done => Parsed::Incomplete,
            None => Parsed::Event(Some(key(KeyCode::Char('O'), KeyModifiers::ALT)), 2),
            Some(&third) => {
                let code = match third {
                    b'A' => Some(KeyCode::Up),
                    b'B' => Some(KeyCode::Down),
                    b'C' => Some(KeyCode::Right),
                    b'D' => Some(KeyCode::Left),
                    b'H' => Some(KeyCode::Home),
                    b'F' => Some(KeyCode::End),
                    b'P' => Some(KeyCode::F(1)),
                    b'Q' => Some(KeyCode::F(2)),
                    b'R' => Some(KeyCode::F(3)),
                    b'S' => Some(KeyCode::F(4)),
                    _ => None,
                };
                Parsed::Event(code.map(|c| key(c, KeyModifiers::NONE)), 3)
            }
        },
        0x1b => Parsed::Event(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        _ => match parse(&bytes[1..], done) {
            // Esc before a key is that key with Alt, as terminals send it.
            Parsed::Event(Some(Input::Key(mut event)), used) => {
                event.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Some(Input::Key(event)), used + 1)
            }
            Parsed::Event(_, used) => Parsed::Event(None, used + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// `ESC [ parameters intermediates final`.
fn parse_csi(bytes: &[u8], done: bool) -> Parsed {
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate().skip(2) {
        match b {
            0x20..=0x3f => {}
            0x40..=0x7e => {
                end = Some(i);
                break;
            }
            // A byte no sequence holds: what came before it was no sequence.
            _ => return Parsed::Event(None, i),
        }
    }
    let Some(end) = end else {
        // Unfinished: wait for the rest, unless it is already longer than any sequence.
        return if done || bytes.len() > MAX_SEQUENCE {
            Parsed::Event(None, bytes.len())
        } else {
            Parsed::Incomplete
        };
    };
    if end > MAX_SEQUENCE {
        return Parsed::Event(None, end + 1);
    }
    let body = &bytes[2..end];
    let last = bytes[end];
    let used = end + 1;
    let text = std::str::from_utf8(body).unwrap_or("");
    if let Some(mouse) = text.strip_prefix('<') {
        return Parsed::Event(sgr_mouse(mouse, last), used);
    }
    let params: Vec<u16> = text.split(';').map(|p| p.parse().unwrap_or(0)).collect();
    let modifiers = params.get(1).map_or(KeyModifiers::NONE, |m| modifiers(*m));
    let code = match last {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        b'Z' => Some(KeyCode::BackTab),
        b'P' => Some(KeyCode::F(1)),
        b'Q' => Some(KeyCode::F(2)),
        b'S' => Some(KeyCode::F(4)),
        b'~' => match params.first().copied().unwrap_or(0) {
            1 | 7 => Some(KeyCode::Home),
            2 => Some(KeyCode::Insert),
            3 => Some(KeyCode::Delete),
            4 | 8 => Some(KeyCode::End),
            5 => Some(KeyCode::PageUp),
            6 => Some(KeyCode::PageDown),
            200 => return Parsed::Event(Some(Input::Paste(String::new())), used),
            n @ 11..=15 => Some(KeyCode::F((n - 10) as u8)),
            n @ 17..=21 => Some(KeyCode::F((n - 11) as u8)),
            n @ 23..=24 => Some(KeyCode::F((n - 12) as u8)),
            _ => None,
        },
        _ => None,
    };
    Parsed::Event(code.map(|c| key(c, modifiers)), used)
}

/// The modifiers of a CSI parameter: 1 plus a bit each for Shift, Alt and Ctrl.
fn modifiers(n: u16) -> KeyModifiers {
    let bits = n.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// `ESC [ < button ; column ; row M` (pressed) or `m` (released), 1-based.
fn sgr_mouse(body: &str, last: u8) -> Option<Input> {
    let mut parts = body.split(';').map(|p| p.parse::<u16>().ok());
    let (button, column, row) = (parts.next()??, parts.next()??, parts.next()??);
    let column = column.saturating_sub(1);
    let row = row.saturating_sub(1);
    // Shift, Alt and Ctrl are bits 2, 3 and 4, in the order a key's parameter has them.
    let modifiers = modifiers(((button >> 2) & 7) + 1);
    let which = match button & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if button & 64 != 0 {
        match button & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if button & 32 != 0 {
        if button & 3 == 3 { MouseEventKind::Moved } else { MouseEventKind::Drag(which) }
    } else if last == b'm' {
        MouseEventKind::Up(which)
    } else {
        MouseEventKind::Down(which)
    };
    Some(Input::Mouse(MouseEvent { kind, column, row, modifiers }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(inputs: &[Input]) -> Vec<(KeyCode, KeyModifiers)> {
        inputs
            .iter()
            .filter_map(|i| match i {
                Input::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn plain_keys_controls_and_utf8() {
        let mut d = Decoder::default();
        let got = d.feed("aß\r\t\x7f\x03\x0b".as_bytes());
        assert_eq!(
            keys(&got),
            vec![
                (KeyCode::Char('a'), KeyModifiers::NONE),
                (KeyCode::Char('ß'), KeyModifiers::NONE),
                (KeyCode::Enter, KeyModifiers::NONE),
                (KeyCode::Tab, KeyModifiers::NONE),
                (KeyCode::Backspace, KeyModifiers::NONE),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::Char('k'), KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn a_utf8_character_split_across_reads_waits_for_its_end() {
        let mut d = Decoder::default();
        let bytes = "世".as_bytes();
        assert!(d.feed(&bytes[..1]).is_empty());
        assert_eq!(keys(&d.feed(&bytes[1..])), vec![(KeyCode::Char('世'), KeyModifiers::NONE)]);
    }

    #[test]
    fn sequences_arrows_pages_function_keys_and_back_tab() {
        let mut d = Decoder::default();
        let got = d.feed(b"\x1b[A\x1b[1;3D\x1b[5~\x1b[6~\x1bOP\x1b[15~\x1b[Z\x1b[1;5C");
        assert_eq!(
            keys(&got),
            vec![
                (KeyCode::Up, KeyModifiers::NONE),
                (KeyCode::Left, KeyModifiers::ALT),
                (KeyCode::PageUp, KeyModifiers::NONE),
                (KeyCode::PageDown, KeyModifiers::NONE),
                (KeyCode::F(1), KeyModifiers::NONE),
                (KeyCode::F(5), KeyModifiers::NONE),
                (KeyCode::BackTab, KeyModifiers::NONE),
                (KeyCode::Right, KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn a_lone_esc_waits_then_is_the_esc_key_and_esc_before_a_key_is_alt() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b").is_empty());
        assert!(d.waiting());
        assert_eq!(keys(&d.flush()), vec![(KeyCode::Esc, KeyModifiers::NONE)]);
        assert_eq!(keys(&d.feed(b"\x1bq")), vec![(KeyCode::Char('q'), KeyModifiers::ALT)]);
    }

    #[test]
    fn sgr_mouse_clicks_and_wheel() {
        let mut d = Decoder::default();
        let got = d.feed(b"\x1b[<0;15;1M\x1b[<0;15;1m\x1b[<65;3;4M");
        let kinds: Vec<_> = got
            .iter()
            .filter_map(|i| match i {
                Input::Mouse(m) => Some((m.kind, m.column, m.row)),
                _ => None,
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                (MouseEventKind::Down(MouseButton::Left), 14, 0),
                (MouseEventKind::Up(MouseButton::Left), 14, 0),
                (MouseEventKind::ScrollDown, 2, 3),
            ]
        );
    }

    #[test]
    fn an_unfinished_mouse_sequence_never_swallows_the_keys_after_it() {
        // `ESC[<` and then a key: the key ends the (broken) sequence and goes with it, but
        // every key after it is read.
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[<").is_empty());
        assert!(d.feed(b"q").is_empty());
        assert_eq!(keys(&d.feed(b"q")), vec![(KeyCode::Char('q'), KeyModifiers::NONE)]);
        // And when it just stops, it is dropped after the pause.
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[<0;1").is_empty());
        assert!(d.flush().is_empty());
        assert_eq!(keys(&d.feed(b"q")), vec![(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }

    #[test]
    fn a_paste_is_one_event_and_one_that_never_ends_ends_after_the_pause() {
        let mut d = Decoder::default();
        let got = d.feed(b"\x1b[200~hello \x1b[20");
        assert!(got.is_empty());
        let got = d.feed(b"1~q");
        assert_eq!(got[0], Input::Paste("hello ".to_owned()));
        assert_eq!(keys(&got[1..]), vec![(KeyCode::Char('q'), KeyModifiers::NONE)]);
        // `ESC[200~` with no end: the keys after it are pasted text, given back after the
        // pause, and the keyboard works again.
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b[200~q").is_empty());
        assert_eq!(d.flush(), vec![Input::Paste("q".to_owned())]);
        assert_eq!(keys(&d.feed(b"q")), vec![(KeyCode::Char('q'), KeyModifiers::NONE)]);
    }

    #[test]
    fn overlong_and_broken_sequences_are_dropped() {
        let mut d = Decoder::default();
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 200));
        long.push(b'q');
        let mut got = d.feed(&long);
        got.extend(d.flush());
        assert!(keys(&got).is_empty(), "{got:?}");
        assert_eq!(keys(&d.feed(b"q")), vec![(KeyCode::Char('q'), KeyModifiers::NONE)]);
        let got = d.feed(b"\xff\xfez");
        assert_eq!(keys(&got), vec![(KeyCode::Char('z'), KeyModifiers::NONE)]);
    }
}
