//! The briefings embedded in the binary by build.rs: each one's files as text, for `check`,
//! the library and the reader, and the model of each that loaded at build time, so that the
//! reader opens one without parsing its TOML.

use super::load::Files;
use super::model::Briefing;

/// A briefing embedded in the binary: its directory's name under `content/`, its files, and
/// its model as loaded at build time ([`super::stored`]; empty when it did not load then).
#[derive(Debug, PartialEq)]
pub struct Bundled {
    pub slug: &'static str,
    pub files: &'static [(&'static str, &'static str)],
    pub prebuilt: &'static [u8],
}

// Every briefing under `content/`, in the order of their names (see build.rs).
include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

impl Bundled {
    pub fn files(&self) -> Files {
        Files {
            origin: format!("content/{}", self.slug),
            texts: self
                .files
                .iter()
                .map(|(name, text)| ((*name).to_owned(), (*text).into()))
                .collect(),
            // Bundled texts are kept while loading: there is no file to read again.
            read_from: None,
        }
    }

    /// The briefing as it loaded at build time, without reading its files again; `None`
    /// when it did not load then, or what is stored does not read back (its files then load
    /// as any briefing's do, and say what is wrong).
    pub fn prebuilt(&self) -> Option<Briefing> {
        super::stored::restore(self.prebuilt)
    }
}

/// The briefing the reader opens when given none: the first bundled one.
pub fn bundled() -> Files {
    BUNDLED.first().map(Bundled::files).unwrap_or_else(|| Files {
        origin: "content".to_owned(),
        texts: Vec::new(),
        read_from: None,
    })
}
