//! What part of the world to show, and where a longitude and latitude land on a braille canvas.
//!
//! The projection is equirectangular with longitude scaled by the cosine of the view's middle
//! latitude, so shapes look right near the middle of any regional view; it is simple to invert,
//! which hit-testing needs, and at the scales a terminal can show nothing finer pays off.

/// A box of longitudes and latitudes in degrees. Views never cross the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub lon_min: f64,
    pub lon_max: f64,
    pub lat_min: f64,
    pub lat_max: f64,
}

impl Viewport {
    pub const WORLD: Viewport =
        Viewport { lon_min: -180.0, lon_max: 180.0, lat_min: -90.0, lat_max: 90.0 };

    /// One place alone still gets its surroundings, at about the size of a small country.
    pub const MIN_SPAN_DEGREES: f64 = 4.0;

    /// The box around `points`, widened to at least `MIN_SPAN_DEGREES` each way, then by
    /// `margin_fraction` of its span on every side, and kept on the globe by shifting it
    /// inwards rather than cutting it. No points gives the whole world.
    pub fn fit(points: &[(f64, f64)], margin_fraction: f64) -> Viewport {
        let Some(tight) = Viewport::around(points) else {
            return Viewport::WORLD;
        };
        let grow = 1.0 + 2.0 * margin_fraction.max(0.0);
        let lon_span = (tight.lon_max - tight.lon_min).max(Self::MIN_SPAN_DEGREES) * grow;
        let lat_span = (tight.lat_max - tight.lat_min).max(Self::MIN_SPAN_DEGREES) * grow;
        let (lon_centre, lat_centre) = tight.centre();
        let (lon_min, lon_max) = place(lon_centre, lon_span, -180.0, 180.0);
        let (lat_min, lat_max) = place(lat_centre, lat_span, -90.0, 90.0);
        Viewport { lon_min, lon_max, lat_min, lat_max }
    }

    /// The tightest box around `points`, or `None` if there are none.
    pub fn around(points: &[(f64, f64)]) -> Option<Viewport> {
        let (&(lon, lat), rest) = points.split_first()?;
        let start = Viewport { lon_min: lon, lon_max: lon, lat_min: lat, lat_max: lat };
        Some(rest.iter().fold(start, |b, &(lon, lat)| Viewport {
            lon_min: b.lon_min.min(lon),
            lon_max: b.lon_max.max(lon),
            lat_min: b.lat_min.min(lat),
            lat_max: b.lat_max.max(lat),
        }))
    }

    pub fn contains(&self, (lon, lat): (f64, f64)) -> bool {
        (self.lon_min..=self.lon_max).contains(&lon) && (self.lat_min..=self.lat_max).contains(&lat)
    }

    pub fn intersects(&self, other: &Viewport) -> bool {
        self.lon_min <= other.lon_max
            && other.lon_min <= self.lon_max
            && self.lat_min <= other.lat_max
            && other.lat_min <= self.lat_max
    }

    pub fn centre(&self) -> (f64, f64) {
        ((self.lon_min + self.lon_max) / 2.0, (self.lat_min + self.lat_max) / 2.0)
    }

    /// The larger side in degrees of latitude, longitude shrunk as the projection shrinks it.
    pub fn ground_span(&self) -> f64 {
        let lon = (self.lon_max - self.lon_min) * lon_shrink(self.centre().1);
        lon.max(self.lat_max - self.lat_min)
    }
}

/// An interval of `span` around `centre`, moved back inside `[min, max]` if it sticks out.
fn place(centre: f64, span: f64, min: f64, max: f64) -> (f64, f64) {
    if span >= max - min {
        return (min, max);
    }
    let low = (centre - span / 2.0).clamp(min, max - span);
    (low, low + span)
}

/// How much narrower a degree of longitude is than one of latitude around `lat`. Held above
/// cos 80° so that a view near a pole does not stretch without bound.
pub fn lon_shrink(lat: f64) -> f64 {
    lat.to_radians().cos().max(80_f64.to_radians().cos())
}

/// A terminal cell is about twice as tall as it is wide.
const CELL_HEIGHT_IN_WIDTHS: f64 = 2.0;

/// Braille splits a cell into 2 dots across and 4 down, which makes a dot square.
const DOT_HEIGHT_IN_WIDTHS: f64 = (CELL_HEIGHT_IN_WIDTHS / 4.0) / (1.0 / 2.0);

/// Maps degrees to a braille canvas of `width × height` cells and back.
///
/// Canvas coordinates count braille dots: x from 0 to `2·width − 1` rightwards and y from 0 to
/// `4·height − 1` upwards. Give `x_bounds()` and `y_bounds()` to ratatui's `Canvas`, and the dot
/// it paints for a point is `floor(x)`, `floor(top − y)`, which is what `cell_of` assumes. The
/// viewport is centred and scaled to fit whole, so one axis usually shows more than asked:
/// `visible()` is what actually shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    width: u16,
    height: u16,
    right: f64,
    top: f64,
    centre: (f64, f64),
    dots_per_lon: f64,
    dots_per_lat: f64,
}

impl Projection {
    pub fn new(viewport: Viewport, width_cells: u16, height_cells: u16) -> Projection {
        let right = (2.0 * f64::from(width_cells) - 1.0).max(0.0);
        let top = (4.0 * f64::from(height_cells) - 1.0).max(0.0);
        let centre = viewport.centre();
        // Dots across per degree of longitude for each dot up per degree of latitude: the ground
        // ratio, times the dot's shape (taller dots need more of them across for a distance).
        let lon_ratio = lon_shrink(centre.1) * DOT_HEIGHT_IN_WIDTHS;
        let lon_span = (viewport.lon_max - viewport.lon_min).max(1e-6);
        let lat_span = (viewport.lat_max - viewport.lat_min).max(1e-6);
        // Dots per degree of latitude: whichever axis is tighter decides, so all of it fits.
        let scale = (right / (lon_span * lon_ratio)).min(top / lat_span).max(1e-9);
        Projection {
            width: width_cells,
            height: height_cells,
            right,
            top,
            centre,
            dots_per_lon: scale * lon_ratio,
            dots_per_lat: scale,
        }
    }

    pub fn x_bounds(&self) -> [f64; 2] {
        [0.0, self.right]
    }

    pub fn y_bounds(&self) -> [f64; 2] {
        [0.0, self.top]
    }

    /// Canvas coordinates of a place, or `None` if it falls outside the canvas. A point a
    /// rounding error outside (such as the end of a segment clipped to `visible()`) is pulled in.
    pub fn project(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        const SLACK: f64 = 1e-6;
        if self.width == 0 || self.height == 0 {
            return None;
        }
        let (x, y) = self.canvas_xy(lon, lat);
        let inside = |v: f64, max: f64| (-SLACK..=max + SLACK).contains(&v);
        (inside(x, self.right) && inside(y, self.top))
            .then(|| (x.clamp(0.0, self.right), y.clamp(0.0, self.top)))
    }

    /// Canvas coordinates of any place, on the canvas or far off it: a marker at the map's edge
    /// points along them towards a place out of view.
    pub fn canvas_xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.right / 2.0 + (lon - self.centre.0) * self.dots_per_lon,
            self.top / 2.0 + (lat - self.centre.1) * self.dots_per_lat,
        )
    }

    /// The canvas's size in dots, less one: the largest x and y a dot on it has.
    pub fn dots(&self) -> (f64, f64) {
        (self.right, self.top)
    }

    /// The cell a dot of the canvas is drawn in, for canvas coordinates on it (nearest cell
    /// otherwise). `cell_of` is this after `project`.
    pub fn cell_at(&self, x: f64, y: f64) -> (u16, u16) {
        let x = x.clamp(0.0, self.right);
        let y = y.clamp(0.0, self.top);
        let column = (x.floor() / 2.0) as u16;
        let row = ((self.top - y).floor() / 4.0) as u16;
        (column.min(self.width.saturating_sub(1)), row.min(self.height.saturating_sub(1)))
    }

    /// The inverse of `project`, for any canvas coordinates, on the globe or not.
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.centre.0 + (x - self.right / 2.0) / self.dots_per_lon,
            self.centre.1 + (y - self.top / 2.0) / self.dots_per_lat,
        )
    }

    /// The terminal cell, counted from the canvas's top-left, where a place is drawn.
    pub fn cell_of(&self, lon: f64, lat: f64) -> Option<(u16, u16)> {
        let (x, y) = self.project(lon, lat)?;
        Some(self.cell_at(x, y))
    }

    /// The place at the middle of a cell, or `None` off the canvas or off the globe.
    pub fn lonlat_at(&self, column: u16, row: u16) -> Option<(f64, f64)> {
        if column >= self.width || row >= self.height {
            return None;
        }
        let x = 2.0 * f64::from(column) + 1.0;
        let y = self.top - (4.0 * f64::from(row) + 2.0);
        let (lon, lat) = self.unproject(x, y);
        Viewport::WORLD.contains((lon, lat)).then_some((lon, lat))
    }

    /// What the whole canvas shows, cut to the globe: pass this to `segments_in`.
    pub fn visible(&self) -> Viewport {
        let (lon_min, lat_min) = self.unproject(0.0, 0.0);
        let (lon_max, lat_max) = self.unproject(self.right, self.top);
        Viewport {
            lon_min: lon_min.max(-180.0),
            lon_max: lon_max.min(180.0),
            lat_min: lat_min.max(-90.0),
            lat_max: lat_max.min(90.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRUSSELS: (f64, f64) = (4.35, 50.85);
    const GENEVA: (f64, f64) = (6.14, 46.2);
    const MOSCOW: (f64, f64) = (37.6, 55.75);

    #[test]
    fn fit_keeps_every_place_with_a_margin() {
        let places = [BRUSSELS, GENEVA, MOSCOW];
        let v = Viewport::fit(&places, 0.1);
        for (lon, lat) in places {
            assert!(lon - v.lon_min >= 3.0 && v.lon_max - lon >= 3.0, "{v:?}");
            assert!(lat - v.lat_min >= 0.9 && v.lat_max - lat >= 0.9, "{v:?}");
        }
        let projection = Projection::new(v, 100, 30);
        for (lon, lat) in places {
            assert!(projection.cell_of(lon, lat).is_some());
        }
    }

    #[test]
    fn fit_gives_one_place_a_minimum_span() {
        let v = Viewport::fit(&[GENEVA], 0.1);
        assert!(v.contains(GENEVA));
        assert!(v.lon_max - v.lon_min >= Viewport::MIN_SPAN_DEGREES);
        assert!(v.lat_max - v.lat_min >= Viewport::MIN_SPAN_DEGREES);
        let (lon, lat) = v.centre();
        assert!((lon - GENEVA.0).abs() < 1e-9 && (lat - GENEVA.1).abs() < 1e-9);
    }

    #[test]
    fn fit_stays_on_the_globe() {
        let v = Viewport::fit(&[(179.5, 89.0)], 0.2);
        assert!(v.lon_max <= 180.0 && v.lat_max <= 90.0 && v.contains((179.5, 89.0)));
        assert!(v.lon_max - v.lon_min >= Viewport::MIN_SPAN_DEGREES);
        assert_eq!(Viewport::fit(&[], 0.1), Viewport::WORLD);
        assert_eq!(Viewport::fit(&[(-170.0, -80.0), (170.0, 80.0)], 0.5), Viewport::WORLD);
    }

    #[test]
    fn project_and_unproject_round_trip() {
        let projection = Projection::new(Viewport::fit(&[BRUSSELS, MOSCOW], 0.1), 80, 24);
        for (lon, lat) in [BRUSSELS, GENEVA, MOSCOW] {
            let (x, y) = projection.project(lon, lat).expect("on the canvas");
            let (back_lon, back_lat) = projection.unproject(x, y);
            assert!((back_lon - lon).abs() < 1e-9 && (back_lat - lat).abs() < 1e-9);
        }
    }

    #[test]
    fn cells_round_trip() {
        let projection = Projection::new(Viewport::fit(&[BRUSSELS, MOSCOW], 0.1), 80, 24);
        for column in 0..80 {
            for row in 0..24 {
                let (lon, lat) = projection.lonlat_at(column, row).expect("on the globe");
                assert_eq!(projection.cell_of(lon, lat), Some((column, row)));
            }
        }
        assert_eq!(projection.lonlat_at(80, 0), None);
    }

    #[test]
    fn north_is_up_and_top_is_row_zero() {
        let projection = Projection::new(Viewport::fit(&[GENEVA], 0.0), 40, 20);
        let (column, row) = projection.cell_of(GENEVA.0, GENEVA.1).expect("centre");
        let (_, north_row) = projection.cell_of(GENEVA.0, GENEVA.1 + 1.5).expect("north");
        let (east_column, _) = projection.cell_of(GENEVA.0 + 1.5, GENEVA.1).expect("east");
        assert!(north_row < row && east_column > column);
    }

    #[test]
    fn a_degree_looks_as_long_as_it_is() {
        // At 60°N a degree of longitude is half a degree of latitude on the ground, and dots
        // are square, so it should span half as many dots.
        let projection = Projection::new(Viewport::fit(&[(20.0, 60.0)], 0.0), 60, 20);
        let (x0, y0) = projection.project(20.0, 60.0).expect("centre");
        let (x1, _) = projection.project(21.0, 60.0).expect("east");
        let (_, y1) = projection.project(20.0, 61.0).expect("north");
        assert!(((x1 - x0) / (y1 - y0) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn visible_covers_the_viewport_and_matches_the_canvas() {
        let asked = Viewport::fit(&[BRUSSELS, GENEVA, MOSCOW], 0.1);
        let projection = Projection::new(asked, 100, 30);
        let shown = projection.visible();
        let slack = 1e-9;
        assert!(shown.lon_min <= asked.lon_min + slack && shown.lon_max >= asked.lon_max - slack);
        assert!(shown.lat_min <= asked.lat_min + slack && shown.lat_max >= asked.lat_max - slack);
        let corners = [(shown.lon_min, shown.lat_min), (shown.lon_max, shown.lat_max)];
        for (lon, lat) in corners {
            assert!(projection.project(lon, lat).is_some());
        }
        assert!(projection.project(shown.lon_max + 1.0, shown.lat_max).is_none());
    }

    #[test]
    fn an_empty_canvas_shows_nothing() {
        let projection = Projection::new(Viewport::WORLD, 0, 0);
        assert_eq!(projection.project(0.0, 0.0), None);
        assert_eq!(projection.cell_of(0.0, 0.0), None);
        assert_eq!(projection.lonlat_at(0, 0), None);
    }
}
