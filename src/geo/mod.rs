//! Coastlines and country borders from Natural Earth, compiled into the binary, and the one
//! projection that the places map uses for drawing and for hit-testing alike.
//!
//! The data files are made by `tools/map/build.mjs` (see `tools/map/README.md`); their format
//! is described at the top of that script. Std only, so it can be tested without a terminal.

mod projection;

pub use projection::{Projection, Viewport, lon_shrink};

use std::sync::OnceLock;

const COARSE_DATA: &[u8] = include_bytes!("../../assets/map/ne-110m.bin");
const FINE_DATA: &[u8] = include_bytes!("../../assets/map/ne-50m.bin");

/// Which Natural Earth scale to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// 1:110m, points about 0.6° apart: enough for the world or a continent.
    Coarse,
    /// 1:50m, points about 0.07° apart (quantised to 0.01°): for a region such as Europe.
    Fine,
}

impl Resolution {
    /// Past about 60° across, a braille map has well under a dot per 0.3°, so the 110m lines
    /// (median step 0.6°) look as good as the 50m ones at a tenth of the drawing cost.
    const FINE_UP_TO_DEGREES: f64 = 60.0;

    /// The resolution worth drawing for what `viewport` shows; pass `Projection::visible()`.
    pub fn for_viewport(viewport: &Viewport) -> Resolution {
        if viewport.ground_span() <= Self::FINE_UP_TO_DEGREES {
            Resolution::Fine
        } else {
            Resolution::Coarse
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Where land meets sea, or a lake that belongs to no country (the Caspian).
    Coast,
    /// A land border between two countries.
    Border,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Polyline {
    pub kind: LineKind,
    /// `(lon, lat)` in degrees; at least two points.
    pub points: Vec<(f64, f64)>,
    /// The box around `points`, so a line wholly out of view is skipped without reading them.
    pub bounds: Viewport,
}

/// All lines at one resolution, decoded on first use and kept for the life of the program.
pub fn lines(res: Resolution) -> &'static [Polyline] {
    static COARSE: OnceLock<Vec<Polyline>> = OnceLock::new();
    static FINE: OnceLock<Vec<Polyline>> = OnceLock::new();
    let (cell, data) = match res {
        Resolution::Coarse => (&COARSE, COARSE_DATA),
        Resolution::Fine => (&FINE, FINE_DATA),
    };
    cell.get_or_init(|| decode(data).expect("the embedded map data is checked by a test"))
}

/// The pieces of line inside `viewport`, cut at its edges, with their kind.
///
/// Lines whose box misses the viewport are skipped whole, so the cost follows what is visible.
pub fn segments_in(
    viewport: Viewport,
    res: Resolution,
) -> impl Iterator<Item = ((f64, f64), (f64, f64), LineKind)> {
    lines(res).iter().filter(move |line| line.bounds.intersects(&viewport)).flat_map(move |line| {
        line.points
            .windows(2)
            .filter_map(move |pair| clip(pair[0], pair[1], &viewport))
            .map(|(a, b)| (a, b, line.kind))
    })
}

/// Liang–Barsky: cuts the segment to the box, or `None` if none of it is inside.
fn clip(a: (f64, f64), b: (f64, f64), v: &Viewport) -> Option<((f64, f64), (f64, f64))> {
    if v.contains(a) && v.contains(b) {
        return Some((a, b));
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut enter, mut leave) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - v.lon_min),
        (dx, v.lon_max - a.0),
        (-dy, a.1 - v.lat_min),
        (dy, v.lat_max - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            enter = enter.max(q / p);
        } else {
            leave = leave.min(q / p);
        }
    }
    (enter <= leave)
        .then_some(((a.0 + enter * dx, a.1 + enter * dy), (a.0 + leave * dx, a.1 + leave * dy)))
}

fn decode(data: &[u8]) -> Result<Vec<Polyline>, &'static str> {
    let mut reader = Reader { data: data.strip_prefix(b"NEL1").ok_or("not a map file")? };
    let quantum = reader.number()? as f64 * 1e-6;
    let coast_count = reader.number()?;
    let border_count = reader.number()?;
    let mut lines = Vec::new();
    // Each point is a step from the one before, across line ends too, so small numbers dominate.
    let mut cursor = (0_i64, 0_i64);
    for index in 0..coast_count + border_count {
        let kind = if index < coast_count { LineKind::Coast } else { LineKind::Border };
        let count = reader.number()?;
        if count < 2 {
            return Err("a line with fewer than two points");
        }
        let mut points = Vec::with_capacity((count as usize).min(reader.data.len() / 2));
        for _ in 0..count {
            cursor.0 += reader.signed()?;
            cursor.1 += reader.signed()?;
            points.push((cursor.0 as f64 * quantum, cursor.1 as f64 * quantum));
        }
        let bounds = Viewport::around(&points).ok_or("a line with no points")?;
        lines.push(Polyline { kind, points, bounds });
    }
    if !reader.data.is_empty() {
        return Err("bytes left over after the last line");
    }
    Ok(lines)
}

struct Reader<'a> {
    data: &'a [u8],
}

impl Reader<'_> {
    /// An unsigned LEB128 varint.
    fn number(&mut self) -> Result<u64, &'static str> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.data.split_first().ok_or("the data ends inside a number")?;
            self.data = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number longer than 64 bits")
    }

    /// A zigzag-encoded signed varint: 0, -1, 1, -2, … are 0, 1, 2, 3, …
    fn signed(&mut self) -> Result<i64, &'static str> {
        let zigzag = self.number()?;
        Ok((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How close the nearest line of `kind` comes to `place`, in degrees (lon scaled by cos lat).
    fn nearest(res: Resolution, kind: LineKind, place: (f64, f64)) -> f64 {
        let scale = place.1.to_radians().cos();
        lines(res)
            .iter()
            .filter(|line| line.kind == kind)
            .flat_map(|line| line.points.windows(2))
            .map(|pair| distance_to_segment(place, pair[0], pair[1], scale))
            .fold(f64::INFINITY, f64::min)
    }

    fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64), scale: f64) -> f64 {
        let (ax, ay, bx, by, px, py) = (a.0 * scale, a.1, b.0 * scale, b.1, p.0 * scale, p.1);
        let (dx, dy) = (bx - ax, by - ay);
        let length = dx * dx + dy * dy;
        let t = if length == 0.0 { 0.0 } else { ((px - ax) * dx + (py - ay) * dy) / length };
        let t = t.clamp(0.0, 1.0);
        ((ax + t * dx - px).powi(2) + (ay + t * dy - py).powi(2)).sqrt()
    }

    #[test]
    fn embedded_data_decodes_with_both_kinds() {
        for (res, data) in [(Resolution::Coarse, COARSE_DATA), (Resolution::Fine, FINE_DATA)] {
            let decoded = decode(data).expect("embedded data decodes");
            let coast = decoded.iter().filter(|l| l.kind == LineKind::Coast).count();
            let border = decoded.len() - coast;
            assert!(coast > 200 && border > 300, "{res:?}: {coast} coast, {border} border");
            for line in &decoded {
                for &(lon, lat) in &line.points {
                    assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
                }
            }
        }
    }

    #[test]
    fn decode_rejects_damaged_data() {
        assert!(decode(b"").is_err());
        assert!(decode(b"XXXX").is_err());
        assert!(decode(&FINE_DATA[..FINE_DATA.len() - 1]).is_err());
        assert!(decode(&[FINE_DATA, &[0]].concat()).is_err());
    }

    #[test]
    fn coast_is_where_the_sea_is() {
        for (name, place) in [
            ("Cabo da Roca", (-9.50, 38.78)),
            ("Calais", (1.85, 50.95)),
            ("Den Helder", (4.75, 52.96)),
            ("Genoa", (8.93, 44.41)),
        ] {
            let distance = nearest(Resolution::Fine, LineKind::Coast, place);
            assert!(distance < 0.3, "{name}: nearest coast {distance:.2}°");
        }
        let distance = nearest(Resolution::Coarse, LineKind::Coast, (-9.50, 38.78));
        assert!(distance < 1.0, "Cabo da Roca at 110m: {distance:.2}°");
    }

    #[test]
    fn borders_are_where_countries_meet() {
        for (name, place) in [
            ("Lille, France–Belgium", (3.1, 50.7)),
            ("Geneva, Switzerland–France", (6.14, 46.2)),
            ("Narva, Estonia–Russia", (28.19, 59.38)),
        ] {
            let distance = nearest(Resolution::Fine, LineKind::Border, place);
            assert!(distance < 0.3, "{name}: nearest border {distance:.2}°");
        }
    }

    #[test]
    fn no_coast_inland() {
        for (name, place) in [("central Germany", (10.0, 50.0)), ("Kazakhstan", (70.0, 48.0))] {
            for res in [Resolution::Coarse, Resolution::Fine] {
                let distance = nearest(res, LineKind::Coast, place);
                assert!(distance > 2.0, "{name} {res:?}: coast at {distance:.2}°");
            }
        }
    }

    #[test]
    fn no_segment_wraps_round_the_map() {
        for res in [Resolution::Coarse, Resolution::Fine] {
            let jumps = lines(res)
                .iter()
                .flat_map(|line| line.points.windows(2))
                .filter(|pair| (pair[1].0 - pair[0].0).abs() > 90.0)
                .count();
            assert_eq!(jumps, 0, "{res:?}");
        }
    }

    #[test]
    fn no_lines_along_the_map_edges() {
        // The antimeridian cuts and Antarctica's closing edge are not coast.
        let edge = |(lon, lat): (f64, f64)| lon.abs() > 179.99 || lat < -89.9;
        for res in [Resolution::Coarse, Resolution::Fine] {
            let along_edge = lines(res)
                .iter()
                .flat_map(|line| line.points.windows(2))
                .filter(|pair| edge(pair[0]) && edge(pair[1]))
                .count();
            assert_eq!(along_edge, 0, "{res:?}");
        }
    }

    #[test]
    fn segments_in_stay_inside_and_are_fewer() {
        let europe = Viewport { lon_min: -10.0, lon_max: 30.0, lat_min: 35.0, lat_max: 60.0 };
        let inside = segments_in(europe, Resolution::Fine).collect::<Vec<_>>();
        let all: usize = lines(Resolution::Fine).iter().map(|l| l.points.len() - 1).sum();
        assert!(!inside.is_empty() && inside.len() < all / 4, "{} of {all}", inside.len());
        let slack = 1e-9;
        for (a, b, _) in &inside {
            for (lon, lat) in [a, b] {
                assert!(*lon >= europe.lon_min - slack && *lon <= europe.lon_max + slack);
                assert!(*lat >= europe.lat_min - slack && *lat <= europe.lat_max + slack);
            }
        }
        assert!(inside.iter().any(|s| s.2 == LineKind::Coast));
        assert!(inside.iter().any(|s| s.2 == LineKind::Border));
    }

    #[test]
    fn clip_cuts_at_the_edge() {
        let v = Viewport { lon_min: 0.0, lon_max: 10.0, lat_min: 0.0, lat_max: 10.0 };
        assert_eq!(clip((-5.0, 5.0), (5.0, 5.0), &v), Some(((0.0, 5.0), (5.0, 5.0))));
        assert_eq!(clip((-5.0, -5.0), (15.0, 15.0), &v), Some(((0.0, 0.0), (10.0, 10.0))));
        assert_eq!(clip((-5.0, 5.0), (5.0, 20.0), &v), None);
        assert_eq!(clip((11.0, 0.0), (11.0, 10.0), &v), None);
    }

    #[test]
    fn resolution_follows_the_span() {
        let europe = Viewport::fit(&[(4.35, 50.85), (6.14, 46.2), (37.6, 55.75)], 0.1);
        assert_eq!(Resolution::for_viewport(&europe), Resolution::Fine);
        assert_eq!(Resolution::for_viewport(&Viewport::WORLD), Resolution::Coarse);
    }
}
