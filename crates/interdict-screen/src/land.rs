//! The world's land outline for route maps: Natural Earth 1:50m land
//! (public domain) as TopoJSON from the `world-atlas` package, embedded
//! gzipped (`data/reference/screen/land-50m.json.gz`, see its PROVENANCE)
//! and decoded once into rings of (longitude, latitude). Geometry only: the
//! report decides what to draw.

use flate2::read::GzDecoder;
use serde::Deserialize;
use std::io::Read;
use std::sync::OnceLock;

const LAND_GZ: &[u8] = include_bytes!("../../../data/reference/screen/land-50m.json.gz");

/// One closed ring of the land outline, with its bounding box.
pub(crate) struct Ring {
    /// (longitude, latitude) in degrees.
    pub points: Vec<(f32, f32)>,
    /// (min lon, min lat, max lon, max lat).
    pub bbox: (f32, f32, f32, f32),
}

#[derive(Deserialize)]
struct Topology {
    arcs: Vec<Vec<[i64; 2]>>,
    transform: Transform,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    land: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon { arcs: Vec<Vec<i64>> },
    MultiPolygon { arcs: Vec<Vec<Vec<i64>>> },
}

/// The land rings, decoded on first use (empty if the embedded file were
/// corrupt: maps then show routes without coastlines, and the tests fail).
pub(crate) fn rings() -> &'static [Ring] {
    static RINGS: OnceLock<Vec<Ring>> = OnceLock::new();
    RINGS.get_or_init(|| decode(LAND_GZ).unwrap_or_default())
}

fn decode(gz: &[u8]) -> Option<Vec<Ring>> {
    let mut text = String::new();
    GzDecoder::new(gz).read_to_string(&mut text).ok()?;
    let topo: Topology = serde_json::from_str(&text).ok()?;
    let arcs: Vec<Vec<(f32, f32)>> = topo
        .arcs
        .iter()
        .map(|arc| absolute(arc, &topo.transform))
        .collect();
    let mut out = Vec::new();
    for g in &topo.objects.land.geometries {
        let polygons: Vec<&Vec<Vec<i64>>> = match g {
            Geometry::Polygon { arcs } => vec![arcs],
            Geometry::MultiPolygon { arcs } => arcs.iter().collect(),
        };
        for polygon in polygons {
            out.extend(polygon.iter().filter_map(|ring| stitch(ring, &arcs)));
        }
    }
    Some(out)
}

/// Quantised, delta-encoded positions to degrees (TopoJSON spec, "transforms").
fn absolute(arc: &[[i64; 2]], t: &Transform) -> Vec<(f32, f32)> {
    let (mut x, mut y) = (0_i64, 0_i64);
    arc.iter()
        .map(|[dx, dy]| {
            x += dx;
            y += dy;
            (
                (x as f64 * t.scale[0] + t.translate[0]) as f32,
                (y as f64 * t.scale[1] + t.translate[1]) as f32,
            )
        })
        .collect()
}

/// A ring from its arc indices; `~i` (negative) is arc `i` reversed.
fn stitch(indices: &[i64], arcs: &[Vec<(f32, f32)>]) -> Option<Ring> {
    let mut points: Vec<(f32, f32)> = Vec::new();
    for &i in indices {
        let (idx, reversed) = if i < 0 { (!i, true) } else { (i, false) };
        let arc = arcs.get(usize::try_from(idx).ok()?)?;
        let mut part: Vec<(f32, f32)> = arc.clone();
        if reversed {
            part.reverse();
        }
        // Consecutive arcs share their joining point.
        let skip = usize::from(!points.is_empty());
        points.extend(part.into_iter().skip(skip));
    }
    if points.len() < 3 {
        return None;
    }
    let bbox = points.iter().fold(
        (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
        |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
    );
    Some(Ring { points, bbox })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(r: &Ring, lon: f32, lat: f32) -> bool {
        // Even-odd rule.
        let mut inside = false;
        let p = &r.points;
        let mut j = p.len() - 1;
        for i in 0..p.len() {
            let ((xi, yi), (xj, yj)) = (p[i], p[j]);
            if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
        inside
    }

    #[test]
    fn the_land_outline_decodes_and_knows_land_from_sea() {
        let rings = rings();
        assert!(rings.len() > 1000, "{} rings", rings.len());
        let on_land = |lon, lat| rings.iter().any(|r| contains(r, lon, lat));
        assert!(on_land(125.75, 39.03), "Pyongyang is on land");
        assert!(on_land(4.9, 52.37), "Amsterdam is on land");
        assert!(!on_land(130.0, 40.0), "the Sea of Japan is sea");
        assert!(!on_land(-30.0, 30.0), "the Atlantic is sea");
    }
}
