//! One shipment's route drawn as a standalone SVG: places at their
//! UN/LOCODE coordinates over the Natural Earth land outline, legs as
//! arrows (red dashed where a flag points at them), dark periods marked on
//! their leg, DPRK-exposed hubs in orange and DPRK places in black. When a
//! place has no coordinates the route is drawn as a schematic chain
//! instead. Used by the HTML report and reusable by any front end
//! ([`route_svg`]); it draws, never decides.

use super::esc;
use crate::decision::Decision;
use crate::evidence::{Evidence, LegIndex};
use crate::land;
use crate::reference::Reference;
use crate::shipment::{Place, Shipment};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

const W: f64 = 900.0;
const H: f64 = 440.0;
/// Height of the legend strip under the map.
const LEGEND: f64 = 34.0;
const PAD: f64 = 60.0;

/// Shortens a label for the drawing (the full text stays in the tooltip).
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A place of the route as drawn.
struct Station {
    label: String,
    coords: Option<(f64, f64)>,
    class: &'static str,
    hub: Option<String>,
}

fn station(p: &Place, r: &Reference) -> Station {
    let (label, loc, country) = match p {
        Place::Code(c) => {
            let loc = r.location(c);
            (
                loc.map_or_else(|| c.clone(), |l| format!("{} {c}", l.name)),
                loc,
                p.country(),
            )
        }
        Place::Named { name, country } => (
            format!("{name} ({country})"),
            r.location_by_name(country, name),
            country.clone(),
        ),
    };
    let hub = r.hub(p.locode(), &country, loc.map(|l| l.name.as_str()));
    let class = if country == "kp" {
        "place dprk"
    } else if hub.is_some() {
        "place hub"
    } else {
        "place"
    };
    Station {
        label,
        coords: loc.and_then(|l| l.coords()),
        class,
        hub: hub.map(|h| format!("{} ({} exposure)", h.name, h.exposure)),
    }
}

/// Stations, and each leg's (from, to) station: a leg starts where the
/// previous one ended when the places agree, else at a new station.
fn stations(s: &Shipment, r: &Reference) -> (Vec<Station>, Vec<(usize, usize)>) {
    let mut out: Vec<Station> = Vec::new();
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(s.legs.len());
    for leg in &s.legs {
        let from = station(&leg.from, r);
        let start = match out.last() {
            Some(last) if !ends.is_empty() && last.label == from.label => out.len() - 1,
            _ => {
                out.push(from);
                out.len() - 1
            }
        };
        out.push(station(&leg.to, r));
        ends.push((start, out.len() - 1));
    }
    (out, ends)
}

/// What the flags say about legs: suspicious ones, and dark periods (days).
struct LegMarks {
    suspicious: BTreeSet<LegIndex>,
    dark: BTreeMap<LegIndex, i64>,
}

fn leg_marks(d: &Decision) -> LegMarks {
    let mut suspicious = BTreeSet::new();
    let mut dark = BTreeMap::new();
    for f in &d.flags {
        suspicious.extend(f.evidence.legs());
        if let Evidence::RouteDarkPeriod(e) = &f.evidence {
            *dark.entry(e.leg).or_insert(0) += e.days;
        }
    }
    LegMarks { suspicious, dark }
}

/// An equirectangular view of a box of the globe, scaled by the cosine of
/// its middle latitude so that shapes keep their look.
struct View {
    lon0: f64,
    lat1: f64,
    k: f64,
    cos: f64,
    /// Size of the drawing in pixels.
    w: f64,
    h: f64,
    /// Longitudes west of this are shifted by +360 (routes across the antimeridian).
    unwrap: bool,
}

impl View {
    fn fit(points: &[(f64, f64)], w: f64, h: f64, pad: f64) -> View {
        let span = |v: &[f64]| {
            v.iter()
                .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(*x), b.max(*x)))
        };
        let lons: Vec<f64> = points.iter().map(|p| p.1).collect();
        let (raw0, raw1) = span(&lons);
        let unwrap = raw1 - raw0 > 180.0;
        let lons: Vec<f64> = lons
            .iter()
            .map(|&x| if unwrap && x < 0.0 { x + 360.0 } else { x })
            .collect();
        let (lo0, lo1) = span(&lons);
        let (la0, la1) = span(&points.iter().map(|p| p.0).collect::<Vec<_>>());
        let cos = ((la0 + la1) / 2.0).to_radians().cos().max(0.2);
        // At least a few degrees around a short route, so coastlines show.
        let (dlon, dlat) = (((lo1 - lo0) * cos).max(6.0), (la1 - la0).max(4.0));
        let k = ((w - 2.0 * pad) / dlon).min((h - 2.0 * pad) / dlat);
        let lon_c = (lo0 + lo1) / 2.0;
        let lat_c = (la0 + la1) / 2.0;
        View {
            lon0: lon_c - w / 2.0 / (k * cos),
            lat1: lat_c + h / 2.0 / k,
            k,
            cos,
            w,
            h,
            unwrap,
        }
    }

    fn lon(&self, lon: f64) -> f64 {
        if self.unwrap && lon < 0.0 {
            lon + 360.0
        } else {
            lon
        }
    }

    fn xy(&self, (lat, lon): (f64, f64)) -> (f64, f64) {
        (
            (self.lon(lon) - self.lon0) * self.k * self.cos,
            (self.lat1 - lat) * self.k,
        )
    }

    /// The view's box in degrees: (min lon, min lat, max lon, max lat).
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let lon1 = self.lon0 + self.w / (self.k * self.cos);
        (self.lon0, self.lat1 - self.h / self.k, lon1, self.lat1)
    }
}

/// The land rings inside the view as one SVG path, points closer than a
/// pixel dropped (the outline is far finer than a route map needs).
fn land_path(view: &View) -> String {
    let (x0, y0, x1, y1) = view.bounds();
    let mut d = String::new();
    for shift in [-360.0_f64, 0.0, 360.0] {
        for ring in land::rings() {
            let (a, b, c, e) = ring.bbox;
            let (a, c) = (f64::from(a) + shift, f64::from(c) + shift);
            if c < x0 || a > x1 || f64::from(e) < y0 || f64::from(b) > y1 {
                continue;
            }
            let mut last: Option<(f64, f64)> = None;
            for &(lon, lat) in &ring.points {
                let x = (f64::from(lon) + shift - view.lon0) * view.k * view.cos;
                let y = (view.lat1 - f64::from(lat)) * view.k;
                if let Some((px, py)) = last {
                    if (x - px).abs() < 1.0 && (y - py).abs() < 1.0 {
                        continue;
                    }
                }
                let _ = write!(d, "{}{x:.1} {y:.1}", if last.is_none() { "M" } else { "L" });
                last = Some((x, y));
            }
            d.push('Z');
        }
    }
    d
}

fn land(v: &View) -> String {
    format!(
        "<rect class=\"sea\" width=\"{}\" height=\"{}\"/><path class=\"land\" d=\"{}\"/>",
        v.w,
        v.h,
        land_path(v)
    )
}

/// Stations crowded within this many pixels of one another get an inset.
const CROWD_PX: f64 = 60.0;
const INSET_W: f64 = 340.0;
const INSET_H: f64 = 250.0;

/// The largest group of stations crowded around one of them (three or
/// more), when the route is much wider than the group.
fn crowded(pos: &[(f64, f64)]) -> Option<Vec<usize>> {
    let near = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1) <= CROWD_PX;
    let group = (0..pos.len())
        .map(|i| {
            (0..pos.len())
                .filter(|&j| near(pos[i], pos[j]))
                .collect::<Vec<_>>()
        })
        .max_by_key(Vec::len)?;
    let spread = pos.iter().fold(0.0_f64, |m, a| {
        pos.iter()
            .fold(m, |m, b| m.max((a.0 - b.0).hypot(a.1 - b.1)))
    });
    (group.len() >= 3 && spread > 4.0 * CROWD_PX).then_some(group)
}

/// A corner of the map with no station under it, for the inset.
fn free_corner(pos: &[(f64, f64)]) -> (f64, f64) {
    let corners = [
        (8.0, H - INSET_H - 8.0),
        (W - INSET_W - 8.0, H - INSET_H - 8.0),
        (8.0, 8.0),
        (W - INSET_W - 8.0, 8.0),
    ];
    let free = |&(x, y): &(f64, f64)| {
        !pos.iter().any(|p| {
            p.0 >= x - 20.0
                && p.0 <= x + INSET_W + 20.0
                && p.1 >= y - 20.0
                && p.1 <= y + INSET_H + 20.0
        })
    };
    corners.iter().copied().find(free).unwrap_or(corners[0])
}

/// A zoomed inset of the crowded stations, drawn in a free corner.
fn inset(
    h: &mut String,
    s: &Shipment,
    stations: &[Station],
    ends: &[(usize, usize)],
    pos: &[(f64, f64)],
    marks: &LegMarks,
) {
    let Some(group) = crowded(pos) else { return };
    let coords: Vec<(f64, f64)> = group.iter().filter_map(|&i| stations[i].coords).collect();
    if coords.len() < 2 {
        return;
    }
    let view = View::fit(&coords, INSET_W, INSET_H, 36.0);
    let known: Vec<Option<(f64, f64)>> = stations
        .iter()
        .map(|st| st.coords.map(|c| view.xy(c)))
        .collect();
    let ipos: Vec<(f64, f64)> = (0..stations.len())
        .map(|i| known[i].unwrap_or_else(|| beside(&known, i)))
        .collect();
    let (x, y) = free_corner(pos);
    let _ = write!(
        h,
        "<svg class=\"inset\" x=\"{x:.0}\" y=\"{y:.0}\" width=\"{INSET_W}\" height=\"{INSET_H}\" viewBox=\"0 0 {INSET_W} {INSET_H}\">{}",
        land(&view)
    );
    legs(h, s, stations, ends, &ipos, marks);
    places(h, stations, &ipos, true, INSET_H);
    let _ = write!(
        h,
        "<rect class=\"frame\" width=\"{INSET_W}\" height=\"{INSET_H}\"/><text class=\"attr\" x=\"6\" y=\"{:.0}\">detail</text></svg>",
        INSET_H - 6.0
    );
}

/// Positions of the stations: on the map when at least two places have
/// coordinates (a place without them is drawn hollow beside its nearest
/// neighbour on the route), else a schematic chain.
fn positions(stations: &[Station]) -> (Vec<(f64, f64)>, Option<View>) {
    let coords: Vec<(f64, f64)> = stations.iter().filter_map(|s| s.coords).collect();
    if coords.len() >= 2 {
        let view = View::fit(&coords, W, H, PAD);
        let known: Vec<Option<(f64, f64)>> = stations
            .iter()
            .map(|s| s.coords.map(|c| view.xy(c)))
            .collect();
        let pos = (0..stations.len())
            .map(|i| known[i].unwrap_or_else(|| beside(&known, i)))
            .collect();
        return (pos, Some(view));
    }
    // Left to right, alternating up and down so that labels do not collide.
    let step = (W - 2.0 * PAD) / (stations.len().max(2) - 1) as f64;
    let pos = (0..stations.len())
        .map(|i| {
            let y = if i % 2 == 0 {
                H / 2.0 - 50.0
            } else {
                H / 2.0 + 50.0
            };
            (PAD + step * i as f64, y)
        })
        .collect();
    (pos, None)
}

/// A point beside the nearest station with a position (before it, else
/// after it), further for each step away.
fn beside(known: &[Option<(f64, f64)>], i: usize) -> (f64, f64) {
    let before = (0..i).rev().find_map(|j| known[j].map(|p| (p, i - j)));
    let after = (i + 1..known.len()).find_map(|j| known[j].map(|p| (p, j - i)));
    match (before, after) {
        (Some(((x, y), n)), _) => (x + 36.0 * n as f64, y - 28.0 * n as f64),
        (None, Some(((x, y), n))) => (x - 36.0 * n as f64, y - 28.0 * n as f64),
        (None, None) => (W / 2.0, H / 2.0),
    }
}

const STYLE: &str = ".sea{fill:#eaf2f8}.land{fill:#f4f1e8;stroke:#b8b09a;stroke-width:.6}\
.leg{stroke:#1565c0;stroke-width:2;fill:none}.leg.suspicious{stroke:#c62828;stroke-width:3;stroke-dasharray:6 3}\
.dark{stroke:#000;stroke-opacity:.35;stroke-width:9;fill:none;stroke-linecap:round}\
.gap{stroke:#888;stroke-width:1.5;stroke-dasharray:2 4;fill:none}\
.place{fill:#1565c0;stroke:#fff;stroke-width:1.5}.place.hub{fill:#ef6c00}.place.dprk{fill:#000}\
.place.unplaced{fill:#fff;stroke:#1565c0;stroke-width:2}\
.halo{fill:none;stroke:#ef6c00;stroke-width:2}\
.lbl{font:11px system-ui,sans-serif;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}\
.leglbl{font:10px system-ui,sans-serif;fill:#555;paint-order:stroke;stroke:#fff;stroke-width:3px}\
.darklbl{font:bold 10px system-ui,sans-serif;fill:#000;paint-order:stroke;stroke:#fff;stroke-width:3px}\
.frame{fill:none;stroke:#555;stroke-width:1.5}\
.key{font:11px system-ui,sans-serif;fill:#333}.attr{font:9px system-ui,sans-serif;fill:#777}";

/// The route of `shipment` as a standalone SVG document fragment, flags of
/// `decision` marked; empty when the shipment has no legs.
pub fn route_svg(shipment: &Shipment, decision: &Decision) -> String {
    if shipment.legs.is_empty() {
        return String::new();
    }
    let r = Reference::get();
    let (stations, ends) = stations(shipment, r);
    let (pos, view) = positions(&stations);
    let marks = leg_marks(decision);
    let total_h = H + LEGEND;
    let mut h = String::with_capacity(64 * 1024);
    let _ = write!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"route\" width=\"{W}\" height=\"{total_h}\" viewBox=\"0 0 {W} {total_h}\" role=\"img\" aria-label=\"route of {}\">\
<style>{STYLE}</style><defs><marker id=\"arr\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker>\
<clipPath id=\"mapclip\"><rect width=\"{W}\" height=\"{H}\"/></clipPath></defs><g clip-path=\"url(#mapclip)\">",
        esc(&shipment.id)
    );
    if let Some(v) = &view {
        h.push_str(&land(v));
    }
    legs(&mut h, shipment, &stations, &ends, &pos, &marks);
    places(&mut h, &stations, &pos, view.is_some(), H);
    if view.is_some() {
        inset(&mut h, shipment, &stations, &ends, &pos, &marks);
    }
    h.push_str("</g>");
    legend(&mut h, view.is_some());
    h.push_str("</svg>");
    h
}

fn legs(
    h: &mut String,
    s: &Shipment,
    stations: &[Station],
    ends: &[(usize, usize)],
    pos: &[(f64, f64)],
    marks: &LegMarks,
) {
    for (i, (leg, &(a, b))) in s.legs.iter().zip(ends).enumerate() {
        let ((x1, y1), (x2, y2)) = (pos[a], pos[b]);
        if i > 0 && ends[i - 1].1 != a {
            let (px, py) = pos[ends[i - 1].1];
            let _ = write!(h, "<line class=\"gap\" x1=\"{px:.1}\" y1=\"{py:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\"><title>legs {i} and {} do not connect</title></line>", i + 1);
        }
        if let Some(days) = marks.dark.get(&LegIndex(i)) {
            let _ = write!(
                h,
                "<line class=\"dark\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\"><title>no tracking (AIS off) for {days} days on leg {}</title></line>\
<text class=\"darklbl\" text-anchor=\"middle\" x=\"{:.1}\" y=\"{:.1}\">dark {days} d</text>",
                i + 1,
                (x1 + x2) / 2.0,
                (y1 + y2) / 2.0 + 14.0
            );
        }
        let class = if marks.suspicious.contains(&LegIndex(i)) {
            "leg suspicious"
        } else {
            "leg"
        };
        let what = leg
            .vessel
            .as_ref()
            .map(|v| v.name.clone())
            .or_else(|| leg.flight.clone())
            .or_else(|| leg.carrier.clone())
            .unwrap_or_default();
        let mode = serde_json::to_string(&leg.mode)
            .unwrap_or_default()
            .replace('"', "");
        let _ = write!(
            h,
            "<line class=\"{class}\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" marker-end=\"url(#arr)\"><title>leg {} {}: {} → {} {}</title></line>\
<text class=\"leglbl\" text-anchor=\"middle\" x=\"{:.1}\" y=\"{:.1}\">{} {}</text>",
            i + 1,
            esc(&mode),
            esc(&stations[a].label),
            esc(&stations[b].label),
            esc(&what),
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - 4.0,
            esc(&mode),
            esc(&short(&what, 22))
        );
    }
}

fn places(h: &mut String, stations: &[Station], pos: &[(f64, f64)], map: bool, height: f64) {
    for (n, (x, y)) in stations.iter().zip(pos) {
        let mut title = match &n.hub {
            Some(hub) => format!("{}: DPRK-exposed hub {hub}", n.label),
            None => n.label.clone(),
        };
        let unplaced = map && n.coords.is_none();
        if unplaced {
            title.push_str(" (no coordinates: drawn beside its neighbour)");
        }
        let class = if unplaced {
            format!("{} unplaced", n.class)
        } else {
            n.class.to_string()
        };
        if n.hub.is_some() {
            let _ = write!(
                h,
                "<circle class=\"halo\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"9\"/>"
            );
        }
        let _ = write!(
            h,
            "<circle class=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\"><title>{}</title></circle><text class=\"lbl\" text-anchor=\"middle\" x=\"{x:.1}\" y=\"{:.1}\">{}</text>",
            class,
            esc(&title),
            if *y < height / 2.0 { y - 12.0 } else { y + 22.0 },
            esc(&short(&n.label, 30))
        );
    }
}

fn legend(h: &mut String, map: bool) {
    let y = H + 20.0;
    let _ = write!(
        h,
        "<g transform=\"translate(8 {y})\"><line class=\"leg\" x1=\"0\" y1=\"-4\" x2=\"24\" y2=\"-4\"/><text class=\"key\" x=\"30\" y=\"0\">leg</text>\
<line class=\"leg suspicious\" x1=\"70\" y1=\"-4\" x2=\"94\" y2=\"-4\"/><text class=\"key\" x=\"100\" y=\"0\">leg a flag points at</text>\
<line class=\"dark\" x1=\"232\" y1=\"-4\" x2=\"256\" y2=\"-4\"/><text class=\"key\" x=\"262\" y=\"0\">dark period</text>\
<line class=\"gap\" x1=\"342\" y1=\"-4\" x2=\"366\" y2=\"-4\"/><text class=\"key\" x=\"372\" y=\"0\">legs not connected</text>\
<circle class=\"halo\" cx=\"502\" cy=\"-4\" r=\"7\"/><circle class=\"place hub\" cx=\"502\" cy=\"-4\" r=\"4\"/><text class=\"key\" x=\"514\" y=\"0\">DPRK-exposed hub</text>\
<circle class=\"place dprk\" cx=\"638\" cy=\"-4\" r=\"4\"/><text class=\"key\" x=\"648\" y=\"0\">place in the DPRK</text></g>"
    );
    let note = if map {
        "Land: Natural Earth 1:50m (public domain), world-atlas 2.0.2. Places at their UN/LOCODE coordinates (hollow: none known, drawn beside the next place); legs drawn straight."
    } else {
        "Schematic: some places have no coordinates in UN/LOCODE, so the route is drawn as a chain."
    };
    let _ = write!(
        h,
        "<text class=\"attr\" x=\"8\" y=\"{:.0}\">{note}</text>",
        H + LEGEND - 4.0
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_fit_their_points_and_unwrap_the_antimeridian() {
        let v = View::fit(&[(35.1, 129.0), (43.1, 131.9)], W, H, PAD);
        for p in [(35.1, 129.0), (43.1, 131.9)] {
            let (x, y) = v.xy(p);
            assert!(
                (0.0..=W).contains(&x) && (0.0..=H).contains(&y),
                "{p:?} at {x},{y}"
            );
        }
        let v = View::fit(&[(35.4, 139.6), (37.8, -122.4)], W, H, PAD);
        assert!(v.unwrap);
        let (xa, _) = v.xy((35.4, 139.6));
        let (xb, _) = v.xy((37.8, -122.4));
        assert!(xa < xb, "Tokyo west of San Francisco across the Pacific");
        assert!(
            !land_path(&v).is_empty(),
            "coastlines drawn across the antimeridian"
        );
    }
}
