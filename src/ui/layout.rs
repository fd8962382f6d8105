//! Where everything goes for a terminal size: one pure function, used by `update` (to know
//! how much text fits) and by drawing, so the two always agree.

use ratatui::layout::Rect;

/// Below this the reader shows one "terminal too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width a third column shows the selection's relations and backlinks.
pub const WIDE: u16 = 120;
/// Below this width the list sits above the detail instead of beside it.
pub const NARROW: u16 = 72;
/// Prose pages (summary, source) are not wrapped wider than this, for readability.
pub const TEXT_MAX: u16 = 96;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub trail: Rect,
    /// Rows that say a reload failed, above the body, when one did.
    pub banner: Option<Rect>,
    pub status: Rect,
    pub body: Rect,
    /// The list panel, on entity panes.
    pub list: Option<Rect>,
    /// The detail panel on entity panes, the whole body on prose panes.
    pub main: Rect,
    /// The related column, on wide terminals.
    pub side: Option<Rect>,
    pub too_small: bool,
}

impl Areas {
    /// `list_width` is how wide the pane's list would like to be: wider for the timeline, whose
    /// rows carry a date before the name.
    pub fn new(size: Rect, entity_pane: bool, list_width: u16, banner_rows: u16) -> Areas {
        let too_small = size.width < MIN_WIDTH || size.height < MIN_HEIGHT;
        let row = |y: u16| Rect {
            x: size.x,
            y: size.y + y.min(size.height.saturating_sub(1)),
            width: size.width,
            height: size.height.min(1),
        };
        let tabs = row(0);
        let trail = row(1);
        let status = row(size.height.saturating_sub(1));
        // Below the tab row and the trail come the banner rows, if any, then the body.
        let top = (2 + banner_rows).min(size.height);
        let banner = (banner_rows > 0 && size.height > top + 1).then(|| Rect {
            x: size.x,
            y: size.y + 2,
            width: size.width,
            height: banner_rows,
        });
        let top = if banner.is_some() { top } else { 2.min(size.height) };
        let body = Rect {
            x: size.x,
            y: size.y + top,
            width: size.width,
            height: size.height.saturating_sub(top + 1),
        };
        if !entity_pane {
            return Areas {
                tabs,
                trail,
                banner,
                status,
                body,
                list: None,
                main: body,
                side: None,
                too_small,
            };
        }
        let w = body.width;
        let (list, main, side) = if w >= WIDE {
            let list_w = list_width + 2;
            let side_w = (w / 4).clamp(30, 44);
            let list = Rect { width: list_w, ..body };
            let side = Rect { x: body.x + w - side_w, width: side_w, ..body };
            let main = Rect { x: body.x + list_w, width: w - list_w - side_w, ..body };
            (list, main, Some(side))
        } else if w >= NARROW {
            let list_w = (list_width + 2).min(w * 2 / 5);
            let list = Rect { width: list_w, ..body };
            let main = Rect { x: body.x + list_w, width: w - list_w, ..body };
            (list, main, None)
        } else {
            let list_h = (body.height * 2 / 5).max(3).min(body.height);
            let list = Rect { height: list_h, ..body };
            let main = Rect { y: body.y + list_h, height: body.height - list_h, ..body };
            (list, main, None)
        };
        Areas { tabs, trail, banner, status, body, list: Some(list), main, side, too_small }
    }

    /// The text inside the main panel: inside its border with a column of padding, and for
    /// prose panes no wider than `TEXT_MAX`, centred.
    pub fn main_text(&self) -> Rect {
        let inner = padded(self.main);
        if self.list.is_some() || inner.width <= TEXT_MAX {
            return inner;
        }
        let margin = (inner.width - TEXT_MAX) / 2;
        Rect { x: inner.x + margin, width: TEXT_MAX, ..inner }
    }

    pub fn side_text(&self) -> Option<Rect> {
        self.side.map(padded)
    }

    pub fn list_rows(&self) -> Option<Rect> {
        self.list.map(bordered)
    }
}

/// Inside a border.
pub fn bordered(panel: Rect) -> Rect {
    Rect {
        x: panel.x.saturating_add(1),
        y: panel.y.saturating_add(1),
        width: panel.width.saturating_sub(2),
        height: panel.height.saturating_sub(2),
    }
}

/// Inside a border, with a column of padding on each side.
pub fn padded(panel: Rect) -> Rect {
    let inner = bordered(panel);
    Rect { x: inner.x.saturating_add(1), width: inner.width.saturating_sub(2), ..inner }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_columns_from_wide_two_from_medium_stacked_when_narrow() {
        let a = Areas::new(Rect::new(0, 0, 150, 40), true, 30, 0);
        assert!(a.side.is_some() && a.list.is_some());
        let a = Areas::new(Rect::new(0, 0, 80, 24), true, 30, 0);
        assert!(a.side.is_none());
        assert_eq!(a.list.unwrap().y, a.main.y);
        let a = Areas::new(Rect::new(0, 0, 50, 24), true, 30, 0);
        assert!(a.list.unwrap().y < a.main.y);
    }

    #[test]
    fn every_area_stays_inside_the_screen_at_every_usable_size() {
        for w in MIN_WIDTH..260 {
            for h in MIN_HEIGHT..80 {
                let size = Rect::new(0, 0, w, h);
                for entity in [false, true] {
                    let a = Areas::new(size, entity, 40, 2);
                    for r in [
                        Some(a.tabs),
                        Some(a.trail),
                        Some(a.status),
                        Some(a.body),
                        a.list,
                        Some(a.main),
                        a.side,
                        Some(a.main_text()),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        assert!(
                            r.right() <= size.right() && r.bottom() <= size.bottom(),
                            "{w}x{h} {r:?}"
                        );
                    }
                }
            }
        }
    }
}
