//! Where everything goes for a terminal size: pure functions, used by `update` (how much text
//! fits, what a click hit) and by drawing, so the two always agree.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Below this the reader shows one "terminal too small" message and only quits or resizes.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Beyond this the reader draws only the top-left part: a buffer for a 65535x65535 window
/// would take gigabytes.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;
/// From this width a third column shows the selection's relations and backlinks.
pub const WIDE: u16 = 120;
/// Below this width the list sits above the detail instead of beside it.
pub const NARROW: u16 = 72;
/// The detail keeps at least this many columns beside a list and a related column.
const MAIN_MIN: u16 = 50;
/// No text column is wrapped wider than this: long lines are hard to read. The space a wide
/// terminal has beyond it goes to the list and the related column.
pub const TEXT_MAX: u16 = 96;

/// What a pane needs from the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One page of text.
    Prose,
    /// A list beside the selection's detail; `list_width` is how wide the list's rows are.
    /// With `list_first`, a terminal too narrow for three columns at their wants drops the
    /// related column rather than narrow the list (the Timeline, whose rows carry dates).
    Entities { list_width: u16, list_first: bool },
}

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

/// The drawing area for a terminal size: capped, so a huge window is clipped, not allocated.
pub fn screen(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

impl Areas {
    pub fn new(size: Rect, shape: Shape, banner_rows: u16) -> Areas {
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
        let Shape::Entities { list_width, list_first } = shape else {
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
        };
        let w = body.width;
        // The list would like its rows whole, with its border and a column of marks.
        let want = list_width.saturating_add(3).max(20);
        let (list, main, side) = if w >= WIDE {
            let mut side_w = (w / 4).clamp(30, 56);
            // A list of long rows (the Timeline's dates and names) may take half the width.
            let mut list_w = want.min(w / 2);
            let mut side = true;
            if w < list_w + side_w + MAIN_MIN {
                let shrunk = want.min(w * 3 / 10);
                if !list_first && w >= shrunk + side_w + MAIN_MIN {
                    list_w = shrunk;
                } else {
                    // No room for three columns at their least: the related column folds into
                    // the detail, as on a medium terminal.
                    side = false;
                }
            }
            if side {
                // Beyond the reading width, the detail's spare columns go to the related
                // column; what is left centres the text.
                let main_w = w - list_w - side_w;
                let spare = main_w.saturating_sub(TEXT_MAX + 4);
                side_w += spare.min(72u16.saturating_sub(side_w));
                let list = Rect { width: list_w, ..body };
                let side = Rect { x: body.x + w - side_w, width: side_w, ..body };
                let main = Rect { x: body.x + list_w, width: w - list_w - side_w, ..body };
                (list, main, Some(side))
            } else {
                let list = Rect { width: list_w, ..body };
                let main = Rect { x: body.x + list_w, width: w - list_w, ..body };
                (list, main, None)
            }
        } else if w >= NARROW {
            let list_w = want.min(w * 9 / 20);
            let list = Rect { width: list_w, ..body };
            let main = Rect { x: body.x + list_w, width: w - list_w, ..body };
            (list, main, None)
        } else {
            // At least two items show, with the list's border.
            let list_h = (body.height * 2 / 5).max(4).min(body.height);
            let list = Rect { height: list_h, ..body };
            let main = Rect { y: body.y + list_h, height: body.height - list_h, ..body };
            (list, main, None)
        };
        Areas { tabs, trail, banner, status, body, list: Some(list), main, side, too_small }
    }

    /// The text inside the main panel: inside its border with a column of padding, no wider
    /// than `TEXT_MAX`, centred.
    pub fn main_text(&self) -> Rect {
        reading(padded(self.main))
    }

    pub fn side_text(&self) -> Option<Rect> {
        self.side.map(|s| reading(padded(s)))
    }

    pub fn list_rows(&self) -> Option<Rect> {
        self.list.map(bordered)
    }
}

/// A text area no wider than the reading width, centred in `inner`.
fn reading(inner: Rect) -> Rect {
    if inner.width <= TEXT_MAX {
        return inner;
    }
    let margin = (inner.width - TEXT_MAX) / 2;
    Rect { x: inner.x + margin, width: TEXT_MAX, ..inner }
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

/// The box of an overlay (help, messages, a picker): centred, as wide as its text wants up to
/// `max_width`, and the whole screen on a narrow one, so no strip of the screen shows beside
/// it.
pub fn overlay(screen: Rect, max_width: u16, rows: u16) -> Rect {
    let width = if screen.width < 60 { screen.width } else { max_width.min(screen.width - 4) };
    let height =
        rows.saturating_add(2).min(screen.height.saturating_sub(2)).max(3.min(screen.height));
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// The tab row: each tab's label and the column it starts at. The labels are whole when they
/// fit; otherwise the other tabs show only their key.
pub fn tabs<T: Copy + PartialEq>(
    area: Rect,
    tabs: &[(T, String, &str)],
    current: T,
) -> Vec<(T, u16, String)> {
    let label = |key: &str, title: &str, named: bool| match (named, key.is_empty()) {
        (true, true) => format!(" {title} "),
        (true, false) => format!(" {key} {title} "),
        (false, true) => format!(" {} ", title.chars().next().unwrap_or(' ')),
        (false, false) => format!(" {key} "),
    };
    let full: usize = tabs.iter().map(|(_, k, t)| label(k, t, true).width()).sum();
    let names = full <= area.width as usize;
    let mut x = area.x;
    tabs.iter()
        .map(|(tab, key, title)| {
            let text = label(key, title, names || *tab == current);
            let start = x;
            x = x.saturating_add(text.width() as u16);
            (*tab, start, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(w: u16, h: u16, list: u16) -> Areas {
        Areas::new(
            Rect::new(0, 0, w, h),
            Shape::Entities { list_width: list, list_first: false },
            0,
        )
    }

    #[test]
    fn three_columns_from_wide_two_from_medium_stacked_when_narrow() {
        let a = entities(150, 40, 30);
        assert!(a.side.is_some() && a.list.is_some());
        let a = entities(80, 24, 30);
        assert!(a.side.is_none());
        assert_eq!(a.list.unwrap().y, a.main.y);
        let a = entities(50, 24, 30);
        assert!(a.list.unwrap().y < a.main.y);
    }

    #[test]
    fn every_text_column_keeps_the_reading_width_and_wide_terminals_feed_the_list() {
        let a = entities(250, 70, 60);
        assert!(a.main_text().width <= TEXT_MAX);
        assert!(a.side_text().unwrap().width <= TEXT_MAX);
        assert!(a.list.unwrap().width >= 60, "{:?}", a.list);
        let prose = Areas::new(Rect::new(0, 0, 250, 70), Shape::Prose, 0);
        assert_eq!(prose.main_text().width, a.main_text().width);
    }

    #[test]
    fn every_area_stays_inside_the_screen_at_every_usable_size() {
        for w in MIN_WIDTH..260 {
            for h in MIN_HEIGHT..80 {
                let size = Rect::new(0, 0, w, h);
                for shape in [
                    Shape::Prose,
                    Shape::Entities { list_width: 40, list_first: false },
                    Shape::Entities { list_width: 200, list_first: true },
                ] {
                    let a = Areas::new(size, shape, 2);
                    for r in [
                        Some(a.tabs),
                        Some(a.trail),
                        Some(a.status),
                        Some(a.body),
                        a.list,
                        Some(a.main),
                        a.side,
                        Some(a.main_text()),
                        a.side_text(),
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
                let o = overlay(size, 100, 200);
                assert!(o.right() <= size.right() && o.bottom() <= size.bottom());
            }
        }
    }

    #[test]
    fn a_narrow_overlay_takes_the_whole_width() {
        let o = overlay(Rect::new(0, 0, 45, 20), 100, 10);
        assert_eq!((o.x, o.width), (0, 45));
    }
}
