//! Descriptions left in their files and read again when shown (see [`super::model::Description`]).
//! A description is read again from its place in its file only while the bytes there are the
//! ones loaded, as their hash tells: an edit elsewhere in the file (an author adding an entry
//! at its end, and a reload that fails on it) leaves it readable; one before it, which moves
//! it, does not, and the detail says so until the reload.

use super::markup::{self, Text};
use super::model::EntityId;
use super::sanitize::Clean;
use std::sync::{Arc, Mutex};

/// Where a description stands in its file: its TOML string, quotes included, and a hash of
/// its bytes there. Twelve bytes: with its links, no larger than a held description's text,
/// so an entity's description takes 24 bytes either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spot {
    /// Its file, as an index into `load::FILES`, in the top byte, and its offset below: a
    /// file is at most `load::MAX_FILE_BYTES`, 2^24 bytes.
    file_and_start: u32,
    len: u32,
    hash: u32,
}

impl Spot {
    /// The spot of `literal`, the string at `span` of `file`, if all can be told in a spot.
    pub(super) fn of(file: &str, span: std::ops::Range<usize>, literal: &str) -> Option<Spot> {
        (literal.len() == span.len() && span.start < 1 << 24).then_some(())?;
        let file = super::load::FILES.iter().position(|f| *f == file)? as u32;
        Some(Spot {
            file_and_start: file << 24 | span.start as u32,
            len: span.len().try_into().ok()?,
            hash: hash(literal.as_bytes()),
        })
    }

    pub fn file(self) -> &'static str {
        super::load::FILES.get((self.file_and_start >> 24) as usize).copied().unwrap_or("")
    }

    fn start(self) -> u64 {
        u64::from(self.file_and_start & 0xff_ffff)
    }
}

/// Why a description could not be read again, to be shown in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    file: &'static str,
    why: String,
    /// The entity's id, which the loader has checked is letters, digits and hyphens.
    of: compact_str::CompactString,
}

impl Unread {
    /// A description left in a file the briefing does not know; only a briefing made by
    /// hand, not loaded, could hold one.
    pub(super) fn nowhere(at: Spot) -> Unread {
        let why = "the briefing was not read from a directory".into();
        Unread { file: at.file(), why, of: Default::default() }
    }

    pub(super) fn of(self, id: &str) -> Unread {
        Unread { of: id.into(), ..self }
    }

    /// What the detail shows in the description's place.
    pub fn in_place(&self) -> String {
        format!("This description could not be read again from {}: {}.", self.file, self.why)
    }
}

impl std::fmt::Display for Unread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (file, why, of) = (self.file, &self.why, &self.of);
        write!(f, "could not read the description of '{of}' again from {file}: {why}")
    }
}

impl std::error::Error for Unread {}

/// How many descriptions read again are kept: what a screen shows again frame after frame
/// (the event under the timeline's cursor) is read once.
const RECENT: usize = 8;

/// Which bytes a spot holds, to tell whether they are still there: not a defence against
/// anyone (a file's author can write what they like in it, and it is cleaned either way).
fn hash(bytes: &[u8]) -> u32 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish() as u32
}

/// The directory a briefing was read from; each file opened again, kept open; and the
/// descriptions read again last.
#[derive(Debug)]
pub struct InFiles {
    dir: std::path::PathBuf,
    /// Kept open once opened: a search reads every description again, and an open file is
    /// the one loaded even after an editor renames a new one over it.
    open: Mutex<Vec<(&'static str, std::fs::File)>>,
    recent: Mutex<Vec<(EntityId, Arc<Text>)>>,
}

impl InFiles {
    pub(super) fn new(dir: &std::path::Path) -> InFiles {
        let (open, recent) = (Mutex::default(), Mutex::new(Vec::with_capacity(RECENT)));
        InFiles { dir: dir.to_path_buf(), open, recent }
    }

    /// The regular file `name` of the directory opened again.
    fn open(&self, name: &str) -> Result<std::fs::File, String> {
        let file = super::load::open_regular(&self.dir.join(name))?;
        file.ok_or_else(|| "the file is gone".to_owned())
    }

    /// The string literal at `at`, read from its file if the bytes there are still the ones
    /// loaded.
    fn literal(&self, at: Spot) -> Result<String, String> {
        use std::os::unix::fs::FileExt;
        let changed = || "the file has changed since the briefing was loaded".to_owned();
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let index = match open.iter().position(|(f, _)| *f == at.file()) {
            Some(index) => index,
            None => {
                open.push((at.file(), self.open(at.file())?));
                open.len() - 1
            }
        };
        let mut bytes = vec![0; at.len as usize];
        match open[index].1.read_exact_at(&mut bytes, at.start()) {
            Ok(()) => {}
            // Shorter than it was: the place is gone.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Err(changed()),
            Err(e) => return Err(e.to_string()),
        }
        if hash(&bytes) != at.hash {
            return Err(changed());
        }
        String::from_utf8(bytes).map_err(|_| changed())
    }

    /// The description of `of` at `at`, made from its words by `make` as loading made it.
    pub(super) fn text(
        &self,
        at: Spot,
        of: EntityId,
        make: impl FnOnce(&str) -> Text,
    ) -> Result<Arc<Text>, Unread> {
        let recent = |recent: &mut Vec<(EntityId, Arc<Text>)>| {
            recent.iter().find(|(e, _)| *e == of).map(|(_, t)| Arc::clone(t))
        };
        // A poisoned lock only means a reader panicked while holding it: the list is whole.
        if let Some(text) = recent(&mut self.recent.lock().unwrap_or_else(|e| e.into_inner())) {
            return Ok(text);
        }
        let unread = |why: String| Unread { file: at.file(), why, of: Default::default() };
        let literal = self.literal(at).map_err(unread)?;
        let words = string(&literal).map_err(unread)?;
        let text = Arc::new(make(&words));
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if recent.len() == RECENT {
            recent.remove(0);
        }
        recent.push((of, Arc::clone(&text)));
        Ok(text)
    }
}

/// The string a TOML string literal stands for. Loading found the literal at this place, and
/// the file is unchanged, so its kind is told by its quotes and only its escapes are decoded:
/// parsing it as a TOML value took four times as long.
fn string(literal: &str) -> Result<String, String> {
    use toml_parser::decoder::Encoding;
    let encoding = if literal.starts_with("\"\"\"") {
        Encoding::MlBasicString
    } else if literal.starts_with("\'\'\'") {
        Encoding::MlLiteralString
    } else if literal.starts_with('"') {
        Encoding::BasicString
    } else if literal.starts_with('\'') {
        Encoding::LiteralString
    } else {
        return Err("it is not a string where the briefing was loaded".to_owned());
    };
    let span = toml_parser::Span::new_unchecked(0, literal.len());
    let raw = toml_parser::Raw::new_unchecked(literal, Some(encoding), span);
    let (mut words, mut error) = (std::borrow::Cow::Borrowed(""), None);
    let _ = raw.decode_scalar(&mut words, &mut error);
    match error {
        None => Ok(words.into_owned()),
        Some(_) => Err("it is not the string the briefing was loaded with".to_owned()),
    }
}

/// A description made from its words as loading makes it: cleaned, then read as CommonMark
/// with its links resolved. Loading has already reported what is wrong in it.
pub(super) fn made<'n>(
    words: &str,
    resolve: &dyn Fn(&str) -> Option<(EntityId, &'n str)>,
    paragraphs: usize,
) -> Text {
    let (clean, _) = Clean::new(words);
    markup::parse(&clean, resolve, paragraphs).0
}

#[cfg(test)]
mod tests {
    use super::{Spot, string};

    #[test]
    fn a_spot_keeps_its_file_and_place_in_twelve_bytes() {
        let end = (1 << 24) - 1;
        let spot = Spot::of("glossary.toml", end - 3..end, "'a'").unwrap();
        assert_eq!((spot.file(), spot.start()), ("glossary.toml", end as u64 - 3));
        assert_eq!(std::mem::size_of::<Spot>(), 12);
        // Past what a file may hold, or not the bytes at the span, or no section file.
        assert_eq!(Spot::of("actors.toml", 1 << 24..(1 << 24) + 3, "'a'"), None);
        assert_eq!(Spot::of("actors.toml", 0..4, "'a'"), None);
        assert_eq!(Spot::of("notes.toml", 0..3, "'a'"), None);
    }

    #[test]
    fn a_string_literal_of_every_kind_reads_as_toml_reads_it() {
        let literals = [
            r#""plain""#,
            r#""escapes \" \\ \t \u00e9 \U0001F600 end""#,
            "'literal \\n kept'",
            "\"\"\"\nfirst line trimmed\nsecond \\\n    joined \"quoted\" \"\"end\"\"\"",
            "'''\nliteral\nlines \\n kept'''",
            "\"\"\"\"\"\"",
            "''''''",
            "\"\"",
        ];
        for literal in literals {
            let table: toml::Table = toml::from_str(&format!("x = {literal}")).unwrap();
            let expected = table["x"].as_str().unwrap();
            assert_eq!(string(literal).as_deref(), Ok(expected), "{literal}");
        }
        // Not a string, or not one TOML accepts: a file that changed under the same stamp.
        for literal in ["42", "\"unterminated", r#""bad \q escape""#, ""] {
            assert!(string(literal).is_err(), "{literal}");
        }
    }
}
