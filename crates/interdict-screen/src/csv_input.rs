//! The flat CSV form of shipments: one row per goods line, shipment columns
//! repeated; consecutive rows with the same `id` form one shipment.
//!
//! Column mapping (header names; every column is optional except `id`,
//! `date`, `declared_destination` and `description`; unknown columns are
//! ignored):
//!
//! | column | shipment field |
//! |---|---|
//! | `id`, `date`, `declared_destination`, `purpose` | the same fields (taken from the shipment's first row) |
//! | `<role>_name`, `<role>_schema`, `<role>_country`, `<role>_address`, `<role>_nationality`, `<role>_position`, `<role>_birth_date` | one party of that role (`exporter`, `consignee`, `notify_party`, `end_user`, `intermediate_consignee`, `forwarder`, `carrier`, `payer`); present when `<role>_name` is not empty |
//! | `<role>_identifiers` | `key=value;key=value` |
//! | `description`, `declared_description`, `hs_code` (or `hs`, the goods command's name), `quantity`, `unit`, `value`, `currency`, `vin` | one goods line per row |
//! | `route` | places joined by `>`: `NLRTM>CNDLC>JPOSA`; a place is a UN/LOCODE or `name/cc` |
//! | `leg_modes`, `leg_departs`, `leg_arrives`, `leg_carriers`, `leg_flights`, `leg_aircraft`, `leg_vessels`, `leg_imos`, `leg_flags` | one value per leg, separated by `\|` (empty = none) |
//! | `leg_tracking_gaps` | per leg, `from..to` gaps separated by `;`, legs separated by `\|` |
//! | `leg_former_names`, `leg_former_flags` | per leg, `name@until` / `flag@until` separated by `;`, legs by `\|` |
//!
//! Limits of the flat form: one party per role; a vessel's former names and
//! flags only as above; `documents` cannot be given.

use crate::parse::{validate, ShipmentError};
use crate::shipment::{
    FormerFlag, FormerName, GoodsLine, Leg, Mode, Party, Place, Purpose, Role, Shipment,
    TrackingGap, Vessel,
};
use interdict_model::lines::GuardedRead;
use interdict_model::{PartialDate, Schema};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

/// Reads shipments from a flat CSV; one item per shipment, in file order.
pub fn read_csv<R: Read>(reader: R) -> impl Iterator<Item = Result<Shipment, ShipmentError>> {
    // Guarded: a trailing DOS end-of-file byte is dropped, an endless line refused.
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(GuardedRead::new(reader));
    let header: Result<HashMap<String, usize>, ShipmentError> = rdr
        .headers()
        .map(|h| {
            h.iter()
                .enumerate()
                .map(|(i, n)| (n.trim().to_string(), i))
                .collect()
        })
        .map_err(|e| header_error(e.to_string()))
        .and_then(check_required_columns);
    CsvShipments {
        records: rdr.into_records(),
        header,
        pending: None,
        pending_error: None,
        done: false,
    }
}

/// Columns every shipment needs; without them no row can be read.
const REQUIRED_COLUMNS: [&str; 4] = ["id", "date", "declared_destination", "description"];

fn header_error(reason: String) -> ShipmentError {
    ShipmentError {
        shipment_id: None,
        line: Some(1),
        field: "(header)".into(),
        reason,
    }
}

/// Refuses a header without the required columns once, instead of one
/// error per row (a file with another delimiter reads as one column).
fn check_required_columns(
    header: HashMap<String, usize>,
) -> Result<HashMap<String, usize>, ShipmentError> {
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .into_iter()
        .filter(|c| !header.contains_key(*c))
        .collect();
    if missing.is_empty() {
        return Ok(header);
    }
    let columns = header.len();
    let hint = if columns == 1 {
        " (it reads as 1 column: is the delimiter a comma?)".to_string()
    } else {
        format!(" ({columns} columns read)")
    };
    Err(header_error(format!(
        "the header row has no column {}{hint}",
        missing.join(", ")
    )))
}

struct CsvShipments<R: Read> {
    records: csv::StringRecordsIntoIter<GuardedRead<R>>,
    header: Result<HashMap<String, usize>, ShipmentError>,
    pending: Option<(csv::StringRecord, usize)>,
    pending_error: Option<ShipmentError>,
    done: bool,
}

impl<R: Read> Iterator for CsvShipments<R> {
    type Item = Result<Shipment, ShipmentError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let header = match &self.header {
            Ok(h) => h.clone(),
            Err(e) => {
                self.done = true;
                return Some(Err(e.clone()));
            }
        };
        if let Some(e) = self.pending_error.take() {
            return Some(Err(e));
        }
        let mut group: Vec<(csv::StringRecord, usize)> = Vec::new();
        if let Some(p) = self.pending.take() {
            group.push(p);
        }
        loop {
            match self.records.next() {
                None => {
                    self.done = true;
                    break;
                }
                Some(Err(e)) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    let error = ShipmentError {
                        shipment_id: None,
                        line: Some(line),
                        field: "(row)".into(),
                        reason: e.to_string(),
                    };
                    if group.is_empty() {
                        return Some(Err(error));
                    }
                    // The shipment read so far is answered first; the error
                    // comes next, never dropped.
                    self.pending_error = Some(error);
                    break;
                }
                Some(Ok(rec)) => {
                    let line = rec.position().map_or(0, |p| p.line() as usize);
                    let id = get(&header, &rec, "id");
                    match group.first() {
                        Some((first, _)) if get(&header, first, "id") != id => {
                            self.pending = Some((rec, line));
                            break;
                        }
                        _ => group.push((rec, line)),
                    }
                }
            }
        }
        if group.is_empty() {
            return None;
        }
        Some(build(&header, &group))
    }
}

fn get<'a>(h: &HashMap<String, usize>, r: &'a csv::StringRecord, col: &str) -> &'a str {
    h.get(col).and_then(|&i| r.get(i)).map_or("", str::trim)
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn build(
    h: &HashMap<String, usize>,
    group: &[(csv::StringRecord, usize)],
) -> Result<Shipment, ShipmentError> {
    let (first, line) = (&group[0].0, group[0].1);
    let id = get(h, first, "id");
    let err = |field: &str, reason: String| ShipmentError {
        shipment_id: opt(id),
        line: Some(line),
        field: field.to_string(),
        reason,
    };
    let required = |col: &str| -> Result<&str, ShipmentError> {
        let v = get(h, first, col);
        if v.is_empty() {
            Err(err(col, "missing required field".into()))
        } else {
            Ok(v)
        }
    };
    let shipment_date = date(required("date")?, "date", &err)?;
    let declared_destination = required("declared_destination")?.to_string();
    required("id")?;
    let purpose = match get(h, first, "purpose") {
        "" => None,
        p => Some(
            serde_json::from_value::<Purpose>(serde_json::Value::String(p.to_string()))
                .map_err(|e| err("purpose", e.to_string()))?,
        ),
    };
    let parties = parties(h, first, &err)?;
    let goods = goods_lines(h, group, id)?;
    let legs = legs(h, first, &err)?;
    let s = Shipment {
        id: id.to_string(),
        date: shipment_date,
        declared_destination,
        purpose,
        parties,
        goods,
        legs,
        documents: Vec::new(),
        note: opt(get(h, first, "note")),
        sources: Vec::new(),
        expected: opt(get(h, first, "expected")),
    };
    validate(&s).map_err(|mut e| {
        e.line = Some(line);
        e
    })?;
    Ok(s)
}

/// The parties of a shipment's first row: one per role with a `<role>_name`.
fn parties(
    h: &HashMap<String, usize>,
    first: &csv::StringRecord,
    err: &dyn Fn(&str, String) -> ShipmentError,
) -> Result<Vec<Party>, ShipmentError> {
    let mut parties = Vec::new();
    for role in Role::ALL {
        let col = |f: &str| get(h, first, &format!("{}_{f}", role.as_str()));
        let name = col("name");
        if name.is_empty() {
            continue;
        }
        let schema = match col("schema") {
            "" => Schema::LegalEntity,
            s => s.parse().map_err(|e: interdict_model::UnknownSchema| {
                err(&format!("{role}_schema"), e.to_string())
            })?,
        };
        let identifiers: BTreeMap<String, String> = col("identifiers")
            .split(';')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let birth_date = match col("birth_date") {
            "" => None,
            d => Some(date(d, &format!("{role}_birth_date"), &err)?),
        };
        parties.push(Party {
            role,
            schema,
            name: name.to_string(),
            country: opt(col("country")),
            address: opt(col("address")),
            identifiers,
            nationality: opt(col("nationality")),
            position: opt(col("position")),
            birth_date,
        });
    }
    Ok(parties)
}

/// One goods line per row of the shipment.
fn goods_lines(
    h: &HashMap<String, usize>,
    group: &[(csv::StringRecord, usize)],
    id: &str,
) -> Result<Vec<GoodsLine>, ShipmentError> {
    let mut goods = Vec::with_capacity(group.len());
    for (rec, rline) in group {
        let g = |c: &str| get(h, rec, c);
        let num = |c: &str| -> Result<Option<f64>, ShipmentError> {
            match g(c) {
                "" => Ok(None),
                v => v.parse::<f64>().map(Some).map_err(|_| ShipmentError {
                    shipment_id: opt(id),
                    line: Some(*rline),
                    field: c.to_string(),
                    reason: format!("{v:?} is not a number"),
                }),
            }
        };
        goods.push(GoodsLine {
            description: g("description").to_string(),
            declared_description: opt(g("declared_description")),
            hs_code: opt(g("hs_code")).or_else(|| opt(g("hs"))),
            quantity: num("quantity")?,
            unit: opt(g("unit")),
            value: num("value")?,
            currency: opt(g("currency")),
            vin: opt(g("vin")),
        });
    }
    Ok(goods)
}

fn date(
    s: &str,
    field: &str,
    err: &dyn Fn(&str, String) -> ShipmentError,
) -> Result<PartialDate, ShipmentError> {
    s.parse()
        .map_err(|e: interdict_model::DateError| err(field, e.to_string()))
}

/// `"NLRTM > Dalian/cn"`: LOCODEs, or names with their country after `/`.
fn route_places(route: &str) -> Vec<Place> {
    route
        .split('>')
        .map(|p| {
            let p = p.trim();
            match p.rsplit_once('/') {
                Some((name, cc)) => Place::Named {
                    name: name.trim().to_string(),
                    country: cc.trim().to_string(),
                },
                None => Place::Code(p.to_string()),
            }
        })
        .collect()
}

/// `"2018-10-01..2018-10-19;..."`: tracking gaps of one leg.
fn tracking_gaps(
    text: &str,
    err: &dyn Fn(&str, String) -> ShipmentError,
) -> Result<Vec<TrackingGap>, ShipmentError> {
    let mut out = Vec::new();
    for g in text.split(';').filter(|g| !g.trim().is_empty()) {
        let (a, b) = g
            .split_once("..")
            .ok_or_else(|| err("leg_tracking_gaps", format!("{g:?} is not from..to")))?;
        out.push(TrackingGap {
            from: date(a.trim(), "leg_tracking_gaps", err)?,
            to: date(b.trim(), "leg_tracking_gaps", err)?,
        });
    }
    Ok(out)
}

/// `"Xiang Jin@2018-07-27;..."`: values with an optional end date.
fn dated(
    text: &str,
    field: &str,
    err: &dyn Fn(&str, String) -> ShipmentError,
) -> Result<Vec<(String, Option<PartialDate>)>, ShipmentError> {
    text.split(';')
        .filter(|x| !x.trim().is_empty())
        .map(|x| match x.split_once('@') {
            Some((a, b)) => Ok((a.trim().to_string(), Some(date(b.trim(), field, err)?))),
            None => Ok((x.trim().to_string(), None)),
        })
        .collect()
}

fn legs(
    h: &HashMap<String, usize>,
    r: &csv::StringRecord,
    err: &dyn Fn(&str, String) -> ShipmentError,
) -> Result<Vec<Leg>, ShipmentError> {
    let route = get(h, r, "route");
    if route.is_empty() {
        return Ok(Vec::new());
    }
    let places = route_places(route);
    if places.len() < 2 {
        return Err(err(
            "route",
            "a route needs at least two places joined by '>'".into(),
        ));
    }
    let n = places.len() - 1;
    let per_leg = |col: &str| -> Vec<String> {
        let v = get(h, r, col);
        let mut parts: Vec<String> = v.split('|').map(|s| s.trim().to_string()).collect();
        parts.resize(n, String::new());
        parts
    };
    let (modes, departs, arrives) = (
        per_leg("leg_modes"),
        per_leg("leg_departs"),
        per_leg("leg_arrives"),
    );
    let (carriers, flights, vessels) = (
        per_leg("leg_carriers"),
        per_leg("leg_flights"),
        per_leg("leg_vessels"),
    );
    let (imos, flags, gaps) = (
        per_leg("leg_imos"),
        per_leg("leg_flags"),
        per_leg("leg_tracking_gaps"),
    );
    let (fnames, fflags) = (per_leg("leg_former_names"), per_leg("leg_former_flags"));
    let aircraft = per_leg("leg_aircraft");
    let mut legs = Vec::with_capacity(n);
    for i in 0..n {
        let mode = match modes[i].as_str() {
            "" => Mode::Other,
            m => serde_json::from_value(serde_json::Value::String(m.to_string()))
                .map_err(|e| err("leg_modes", e.to_string()))?,
        };
        let optdate = |s: &str, f: &str| -> Result<Option<PartialDate>, ShipmentError> {
            if s.is_empty() {
                Ok(None)
            } else {
                date(s, f, err).map(Some)
            }
        };
        let tracking_gaps = tracking_gaps(&gaps[i], err)?;
        let former_names = dated(&fnames[i], "leg_former_names", err)?
            .into_iter()
            .map(|(name, until)| FormerName { name, until })
            .collect();
        let former_flags = dated(&fflags[i], "leg_former_flags", err)?
            .into_iter()
            .map(|(flag, until)| FormerFlag { flag, until })
            .collect();
        let vessel = (!vessels[i].is_empty()).then(|| Vessel {
            name: vessels[i].clone(),
            imo: opt(&imos[i]),
            flag: opt(&flags[i]),
            former_names,
            former_flags,
        });
        legs.push(Leg {
            mode,
            from: places[i].clone(),
            to: places[i + 1].clone(),
            depart: optdate(&departs[i], "leg_departs")?,
            arrive: optdate(&arrives[i], "leg_arrives")?,
            carrier: opt(&carriers[i]),
            flight: opt(&flights[i]),
            aircraft: opt(&aircraft[i]),
            vessel,
            tracking_gaps,
            note: None,
        });
    }
    Ok(legs)
}
