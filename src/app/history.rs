//! Back and forward, as in a browser: following a link pushes where you were; going back
//! restores that place exactly, and forward returns.

use super::session::Place;

/// How many places back are kept; the oldest are dropped past this.
const LIMIT: usize = 1000;

#[derive(Debug, Clone, Default)]
pub struct History {
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
}

impl History {
    /// Records `from` before moving somewhere new; the forward trail no longer applies.
    pub fn leave(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    pub fn back(&mut self, current: Place) -> Option<Place> {
        let place = self.back.pop()?;
        self.forward.push(current);
        Some(place)
    }

    pub fn forward(&mut self, current: Place) -> Option<Place> {
        let place = self.forward.pop()?;
        self.back.push(current);
        Some(place)
    }
}
