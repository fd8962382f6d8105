//! Pages wrapped for a width, kept so that a page is wrapped once per width and not on every
//! keystroke. `update` fills the cache for what is on screen; drawing reads it.

use crate::content::Briefing;
use crate::document::{self, Page, PaneKeys, Wrapped};
use std::collections::HashMap;
use std::rc::Rc;

/// Pages wrapped for other widths are dropped past this many, so a long session's memory stays
/// bounded.
const LIMIT: usize = 256;

#[derive(Debug, Default)]
pub struct Pages {
    wrapped: HashMap<(Page, u16), Rc<Wrapped>>,
    /// The keys that open each pane, which the Summary names.
    pub keys: PaneKeys,
}

impl Pages {
    pub fn new(keys: PaneKeys) -> Pages {
        Pages { wrapped: HashMap::new(), keys }
    }

    /// The page wrapped to `width`, from the cache or wrapped now and kept.
    pub fn get(&mut self, briefing: &Briefing, page: Page, width: u16) -> Rc<Wrapped> {
        if let Some(w) = self.wrapped.get(&(page, width)) {
            return Rc::clone(w);
        }
        if self.wrapped.len() >= LIMIT {
            self.wrapped.clear();
        }
        let wrapped = Rc::new(document::wrap(&page.doc(briefing, &self.keys), width));
        self.wrapped.insert((page, width), Rc::clone(&wrapped));
        wrapped
    }

    /// The page wrapped to `width` without keeping it, for drawing, which changes nothing.
    pub fn peek(&self, briefing: &Briefing, page: Page, width: u16) -> Rc<Wrapped> {
        match self.wrapped.get(&(page, width)) {
            Some(w) => Rc::clone(w),
            None => Rc::new(document::wrap(&page.doc(briefing, &self.keys), width)),
        }
    }

    /// Forgets every page: the briefing changed.
    pub fn clear(&mut self) {
        self.wrapped.clear();
    }
}
