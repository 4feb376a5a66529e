//! Reading shipments: one JSON object per line (JSONL) or a flat CSV, and
//! validating them. A bad shipment becomes a [`ShipmentError`] naming the
//! shipment (or line), the field and the reason; the caller's batch goes on.
//!
//! Validation: required fields present (`id`, `date`, `declared_destination`,
//! at least one party and one goods line); countries are known ISO 3166-1
//! alpha-2 codes in lower case; places are known UN/LOCODEs or
//! `{"name", "country"}`; dates exist (`2023-02-30` does not); a leg does not
//! arrive before it departs, a tracking gap does not end before it starts,
//! and legs do not depart before the previous leg departed.

use crate::reference::Reference;
use crate::shipment::{Place, Shipment};
use interdict_model::countries;
use interdict_model::limits::check_name;
use interdict_model::lines::Lines;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::BufRead;

/// One shipment that could not be read; the error record in the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShipmentError {
    /// The shipment's id, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipment_id: Option<String>,
    /// 1-based line (JSONL) or record (CSV) number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Path of the offending field, e.g. `legs[1].to`.
    pub field: String,
    /// What is wrong with the field.
    pub reason: String,
}

impl fmt::Display for ShipmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.shipment_id, self.line) {
            (Some(id), Some(l)) => write!(f, "shipment {id} (line {l})")?,
            (Some(id), None) => write!(f, "shipment {id}")?,
            (None, Some(l)) => write!(f, "line {l}")?,
            (None, None) => write!(f, "input")?,
        }
        write!(f, ": {}: {}", self.field, self.reason)
    }
}

impl std::error::Error for ShipmentError {}

impl interdict_model::Coded for ShipmentError {
    fn code(&self) -> interdict_model::ErrorCode {
        interdict_model::ErrorCode::ShipmentMalformed
    }
}

impl ShipmentError {
    fn new(
        id: Option<&str>,
        line: Option<usize>,
        field: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        ShipmentError {
            shipment_id: id.map(str::to_string),
            line,
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// Reads shipments from JSONL: one item per non-blank line that is not a
/// `//` comment, in file order. The file may start with a UTF-8 byte-order
/// mark, mix CRLF, LF and CR line ends and end with a DOS end-of-file byte;
/// a line that is unreadable (not UTF-8, longer than
/// [`interdict_model::lines::MAX_LINE_BYTES`]) is an error record and the
/// reading goes on at the next line.
pub fn read_jsonl<R: BufRead>(reader: R) -> impl Iterator<Item = Result<Shipment, ShipmentError>> {
    Lines::new(reader).filter_map(|(n, line)| match line {
        Ok(l) if l.trim().is_empty() || l.trim_start().starts_with("//") => None,
        Ok(l) => Some(parse_jsonl_line(&l, n)),
        Err(e) => Some(Err(ShipmentError::new(None, Some(n), "(line)", e.reason()))),
    })
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<serde_json::Value>,
}

/// Parses and validates one JSONL line (`line_no` is 1-based, for the error record).
pub fn parse_jsonl_line(line: &str, line_no: usize) -> Result<Shipment, ShipmentError> {
    let id_of = || {
        serde_json::from_str::<IdOnly>(line)
            .ok()
            .and_then(|x| x.id)
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
    };
    let mut de = serde_json::Deserializer::from_str(line);
    let shipment: Shipment = match serde_path_to_error::deserialize(&mut de) {
        Ok(s) => s,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner().to_string();
            let field = if path == "." || path.is_empty() {
                missing_field(&inner).unwrap_or_else(|| "(line)".into())
            } else {
                path
            };
            return Err(ShipmentError::new(
                id_of().as_deref(),
                Some(line_no),
                field,
                clean_reason(&inner),
            ));
        }
    };
    if let Err(e) = de.end() {
        return Err(ShipmentError::new(
            Some(&shipment.id),
            Some(line_no),
            "(line)",
            clean_reason(&e.to_string()),
        ));
    }
    validate(&shipment).map_err(|mut e| {
        e.line = Some(line_no);
        e
    })?;
    Ok(shipment)
}

fn missing_field(msg: &str) -> Option<String> {
    let rest = msg.split("missing field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// serde_json appends " at line 1 column N"; keep the reason itself.
fn clean_reason(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Checks what serde cannot: known codes, non-empty required fields, date order.
pub fn validate(s: &Shipment) -> Result<(), ShipmentError> {
    let id = Some(s.id.as_str());
    let err = |field: String, reason: String| Err(ShipmentError::new(id, None, field, reason));
    if s.id.trim().is_empty() {
        return Err(ShipmentError::new(
            None,
            None,
            "id",
            "the shipment id is empty",
        ));
    }
    check_country(&s.declared_destination, "declared_destination", id)?;
    if s.parties.is_empty() {
        return err("parties".into(), "at least one party is required".into());
    }
    if s.goods.is_empty() {
        return err("goods".into(), "at least one goods line is required".into());
    }
    validate_parties(s, id)?;
    validate_goods(s, id)?;
    for i in 0..s.legs.len() {
        validate_leg(s, i, id)?;
    }
    Ok(())
}

fn validate_parties(s: &Shipment, id: Option<&str>) -> Result<(), ShipmentError> {
    for (i, p) in s.parties.iter().enumerate() {
        if p.name.trim().is_empty() {
            return Err(ShipmentError::new(
                id,
                None,
                format!("parties[{i}].name"),
                "the party name is empty",
            ));
        }
        // Refused here: past the matcher's limits the party would not be
        // searched, and an unsearched party must not pass as clear.
        if let Err(limit) = check_name(&p.name) {
            return Err(ShipmentError::new(
                id,
                None,
                format!("parties[{i}].name"),
                limit.to_string(),
            ));
        }
        if let Some(c) = &p.country {
            check_country(c, &format!("parties[{i}].country"), id)?;
        }
        if let Some(c) = &p.nationality {
            check_country(c, &format!("parties[{i}].nationality"), id)?;
        }
    }
    Ok(())
}

fn validate_goods(s: &Shipment, id: Option<&str>) -> Result<(), ShipmentError> {
    let err = |field: String, reason: String| Err(ShipmentError::new(id, None, field, reason));
    for (i, g) in s.goods.iter().enumerate() {
        if g.description.trim().is_empty() {
            return err(
                format!("goods[{i}].description"),
                "the description is empty".into(),
            );
        }
        if let Some(h) = &g.hs_code {
            let digits = h
                .chars()
                .filter(|c| !matches!(c, '.' | ' '))
                .collect::<String>();
            if !(2..=10).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return err(
                    format!("goods[{i}].hs_code"),
                    format!("{h:?} is not an HS code (2 to 10 digits)"),
                );
            }
        }
        for (name, v) in [("quantity", g.quantity), ("value", g.value)] {
            if v.is_some_and(|v| !v.is_finite() || v < 0.0) {
                return err(
                    format!("goods[{i}].{name}"),
                    "must be a non-negative number".into(),
                );
            }
        }
    }
    Ok(())
}

fn validate_leg(s: &Shipment, i: usize, id: Option<&str>) -> Result<(), ShipmentError> {
    let err = |field: String, reason: String| Err(ShipmentError::new(id, None, field, reason));
    let leg = &s.legs[i];
    check_place(&leg.from, &format!("legs[{i}].from"), id)?;
    check_place(&leg.to, &format!("legs[{i}].to"), id)?;
    if let (Some(d), Some(a)) = (leg.depart, leg.arrive) {
        if a.day_number() < d.day_number() {
            return err(
                format!("legs[{i}].arrive"),
                format!("arrival {a} is before departure {d}"),
            );
        }
    }
    if let Some(v) = &leg.vessel {
        if let Some(f) = &v.flag {
            check_country(f, &format!("legs[{i}].vessel.flag"), id)?;
        }
        for (j, ff) in v.former_flags.iter().enumerate() {
            check_country(
                &ff.flag,
                &format!("legs[{i}].vessel.former_flags[{j}].flag"),
                id,
            )?;
        }
        if let Some(imo) = &v.imo {
            let digits: String = imo.chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 7 {
                return err(
                    format!("legs[{i}].vessel.imo"),
                    format!("{imo:?} is not a 7-digit IMO number"),
                );
            }
        }
    }
    for (j, g) in leg.tracking_gaps.iter().enumerate() {
        if g.to.day_number() < g.from.day_number() {
            return err(
                format!("legs[{i}].tracking_gaps[{j}].to"),
                "the gap ends before it starts".into(),
            );
        }
    }
    if i > 0 {
        if let (Some(prev), Some(cur)) = (s.legs[i - 1].depart, leg.depart) {
            if cur.day_number() < prev.day_number() {
                return err(
                    format!("legs[{i}].depart"),
                    format!("departs {cur}, before the previous leg departed ({prev}): legs must be in time order"),
                );
            }
        }
    }
    Ok(())
}

fn check_country(code: &str, field: &str, id: Option<&str>) -> Result<(), ShipmentError> {
    if countries::is_valid_code(code) {
        Ok(())
    } else {
        Err(ShipmentError::new(
            id,
            None,
            field,
            format!("{code:?} is not an ISO 3166-1 alpha-2 country code in lower case"),
        ))
    }
}

fn check_place(p: &Place, field: &str, id: Option<&str>) -> Result<(), ShipmentError> {
    match p {
        Place::Code(c) => {
            if Reference::get().location(c).is_none() {
                return Err(ShipmentError::new(
                    id,
                    None,
                    field,
                    format!("{c:?} is not a known UN/LOCODE"),
                ));
            }
            Ok(())
        }
        Place::Named { name, country } => {
            if name.trim().is_empty() {
                return Err(ShipmentError::new(
                    id,
                    None,
                    format!("{field}.name"),
                    "the place name is empty",
                ));
            }
            check_country(country, &format!("{field}.country"), id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Coded, ErrorCode};

    #[test]
    fn a_bad_shipment_has_its_code() {
        let e = parse_jsonl_line("garbage", 3).expect_err("not JSON");
        assert_eq!(e.line, Some(3));
        assert_eq!(e.code(), ErrorCode::ShipmentMalformed);
    }
}
