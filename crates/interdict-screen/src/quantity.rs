//! Quantities of a goods line in the unit a reference value is quoted in:
//! the line's `unit` field read as a unit of measure, bottle sizes
//! (`70cl`, `0.75 l`, `750 ml`) and pack counts (`6 x 70cl`, `case of 12`)
//! read from the description. This module only converts; the
//! undervaluation rule decides.

use serde::Serialize;

/// A unit of quantity, as written on commercial documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityUnit {
    /// Pieces, units, vehicles, each.
    Piece,
    /// Bottles (of a size given by the description, if at all).
    Bottle,
    /// Cases or cartons (of a pack count given by the description).
    Case,
    /// Litres.
    Litre,
    /// Centilitres.
    Centilitre,
    /// Millilitres.
    Millilitre,
    /// Kilograms.
    Kilogram,
    /// Metric tonnes.
    Tonne,
    /// Sets.
    Set,
    /// Pairs.
    Pair,
    /// Anything else (the raw text stays on the line).
    Other,
}

impl QuantityUnit {
    /// Reads a `unit` field; `None` (no unit given) is the caller's to default.
    pub fn parse(s: &str) -> QuantityUnit {
        let s = s.trim().trim_end_matches('.').to_ascii_lowercase();
        match s.as_str() {
            "unit" | "units" | "u" | "pc" | "pcs" | "piece" | "pieces" | "each" | "ea" | "no"
            | "nos" | "nmb" | "c62" | "vehicle" | "vehicles" | "car" | "cars" | "item"
            | "items" => QuantityUnit::Piece,
            "bottle" | "bottles" | "btl" | "btls" | "bt" => QuantityUnit::Bottle,
            "case" | "cases" | "cs" | "carton" | "cartons" | "ctn" | "ctns" => QuantityUnit::Case,
            "l" | "lt" | "ltr" | "ltrs" | "litre" | "litres" | "liter" | "liters" | "ltr." => {
                QuantityUnit::Litre
            }
            "cl" => QuantityUnit::Centilitre,
            "ml" => QuantityUnit::Millilitre,
            "kg" | "kgs" | "kilogram" | "kilograms" | "kgm" => QuantityUnit::Kilogram,
            "t" | "tonne" | "tonnes" | "mt" | "ton" | "tons" | "tne" => QuantityUnit::Tonne,
            "set" | "sets" => QuantityUnit::Set,
            "pair" | "pairs" | "pr" | "prs" => QuantityUnit::Pair,
            _ => QuantityUnit::Other,
        }
    }
}

/// The unit a reference value is quoted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceUnit {
    /// One article (a car, a watch).
    Unit,
    /// One litre (spirits, wine).
    Litre,
}

impl ReferenceUnit {
    /// Reads the `per` column of `unit_values.csv`.
    pub fn parse(s: &str) -> Option<ReferenceUnit> {
        match s.trim() {
            "unit" => Some(ReferenceUnit::Unit),
            "litre" => Some(ReferenceUnit::Litre),
            _ => None,
        }
    }

    /// Words for reports.
    pub fn words(self) -> &'static str {
        match self {
            ReferenceUnit::Unit => "unit",
            ReferenceUnit::Litre => "litre",
        }
    }
}

/// A line's quantity expressed in a reference unit, and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Converted {
    /// The quantity in the reference unit.
    pub amount: f64,
    /// The reference unit.
    pub per: ReferenceUnit,
    /// How the amount was obtained, in words ("2 unit", "12 bottle × 0.7 l").
    pub how: String,
}

/// Litres in one bottle as the description gives it: `70cl`, `0.75 l`,
/// `750 ml`, `1.5L`, `75 cl`.
pub fn bottle_litres(description: &str) -> Option<f64> {
    let text = description.to_ascii_lowercase().replace(',', ".");
    let tokens = tokens(&text);
    for (i, t) in tokens.iter().enumerate() {
        let (number, unit) = split_number(t);
        let Some(n) = number else { continue };
        let unit = if unit.is_empty() {
            tokens.get(i + 1).map(String::as_str).unwrap_or_default()
        } else {
            unit
        };
        let litres = match unit {
            "cl" => n / 100.0,
            "ml" => n / 1000.0,
            "l" | "lt" | "ltr" | "litre" | "liter" => n,
            _ => continue,
        };
        // A bottle, not a cask: sizes outside 5 cl - 5 l are something else.
        if (0.05..=5.0).contains(&litres) {
            return Some(litres);
        }
    }
    None
}

/// Bottles per case as the description gives it: `6 x 70cl`, `12x75cl`,
/// `case of 12`, `12 bottles per case`.
pub fn pack_count(description: &str) -> Option<f64> {
    let text = description.to_ascii_lowercase();
    let tokens = tokens(&text.replace('×', " x "));
    for (i, t) in tokens.iter().enumerate() {
        // "6x" or "12x75cl": a count glued to the multiplication sign.
        if let Some(n) = t.split_once('x').and_then(|(n, _)| n.parse::<f64>().ok()) {
            return Some(n).filter(|n| *n >= 1.0);
        }
        let next = tokens.get(i + 1).map(String::as_str);
        if let (Ok(n), Some("x")) = (t.parse::<f64>(), next) {
            return Some(n).filter(|n| *n >= 1.0);
        }
        if t == "of" && i > 0 && matches!(tokens[i - 1].as_str(), "case" | "carton" | "pack") {
            if let Some(n) = next.and_then(|n| n.parse::<f64>().ok()) {
                return Some(n).filter(|n| *n >= 1.0);
            }
        }
    }
    None
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '/' | ';'))
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches(['.', ':']).to_string())
        .collect()
}

/// `"70cl"` → (70, "cl"); `"0.75"` → (0.75, ""); `"abc"` → (None, "abc").
fn split_number(t: &str) -> (Option<f64>, &str) {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    (t[..end].parse().ok(), &t[end..])
}

/// The line's quantity in `per`, or `None` when the unit cannot be
/// converted (a car declared by weight, spirits by the kilogram).
/// `standard_bottle` is the size a per-litre reference assumes when the
/// description gives none.
pub fn convert(
    quantity: Option<f64>,
    unit: Option<&str>,
    description: &str,
    per: ReferenceUnit,
    standard_bottle: Option<f64>,
) -> Option<Converted> {
    let qty = quantity
        .filter(|q| *q > 0.0 && q.is_finite())
        .unwrap_or(1.0);
    // No unit on the line: the quantity counts articles (the format's default).
    let unit = unit.map_or(QuantityUnit::Piece, QuantityUnit::parse);
    match per {
        ReferenceUnit::Unit => matches!(unit, QuantityUnit::Piece).then(|| Converted {
            amount: qty,
            per,
            how: format!("{qty} unit"),
        }),
        ReferenceUnit::Litre => litres(qty, unit, description, standard_bottle),
    }
}

fn litres(
    qty: f64,
    unit: QuantityUnit,
    description: &str,
    standard_bottle: Option<f64>,
) -> Option<Converted> {
    let direct = |amount: f64, how: String| {
        Some(Converted {
            amount,
            per: ReferenceUnit::Litre,
            how,
        })
    };
    let size = bottle_litres(description);
    let (bottle, size_how) = match (size, standard_bottle) {
        (Some(s), _) => (s, format!("{s} l (description)")),
        (None, Some(s)) => (s, format!("{s} l (standard bottle, size not given)")),
        (None, None) => return None,
    };
    match unit {
        QuantityUnit::Litre => direct(qty, format!("{qty} l")),
        QuantityUnit::Centilitre => direct(qty / 100.0, format!("{qty} cl")),
        QuantityUnit::Millilitre => direct(qty / 1000.0, format!("{qty} ml")),
        QuantityUnit::Bottle | QuantityUnit::Piece => {
            direct(qty * bottle, format!("{qty} bottle × {size_how}"))
        }
        QuantityUnit::Case => {
            let pack = pack_count(description)?;
            direct(
                qty * pack * bottle,
                format!("{qty} case × {pack} bottle × {size_how}"),
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_read_from_the_unit_field() {
        assert_eq!(QuantityUnit::parse("Units"), QuantityUnit::Piece);
        assert_eq!(QuantityUnit::parse("btl."), QuantityUnit::Bottle);
        assert_eq!(QuantityUnit::parse("LTR"), QuantityUnit::Litre);
        assert_eq!(QuantityUnit::parse("kg"), QuantityUnit::Kilogram);
        assert_eq!(QuantityUnit::parse("t"), QuantityUnit::Tonne);
        assert_eq!(QuantityUnit::parse("barrels"), QuantityUnit::Other);
    }

    #[test]
    fn bottle_sizes_and_packs_are_read_from_the_description() {
        assert_eq!(bottle_litres("Hennessy X.O cognac 70cl"), Some(0.7));
        assert_eq!(bottle_litres("whisky 0,75 l"), Some(0.75));
        assert_eq!(bottle_litres("vodka, 750 ml bottles"), Some(0.75));
        assert_eq!(bottle_litres("cognac 1.5L"), Some(1.5));
        assert_eq!(bottle_litres("cognac in 200 l casks"), None);
        assert_eq!(bottle_litres("Lexus LX 600"), None);
        assert_eq!(pack_count("cognac 6 x 70cl"), Some(6.0));
        assert_eq!(pack_count("cognac 12x75cl"), Some(12.0));
        assert_eq!(pack_count("whisky, case of 12"), Some(12.0));
        assert_eq!(pack_count("whisky"), None);
    }

    #[test]
    fn quantities_convert_to_the_reference_unit() {
        let unit = |q, u, d| convert(q, u, d, ReferenceUnit::Unit, None).map(|c| c.amount);
        assert_eq!(unit(Some(2.0), Some("unit"), "car"), Some(2.0));
        assert_eq!(unit(Some(2.0), None, "car"), Some(2.0));
        assert_eq!(
            unit(Some(1800.0), Some("kg"), "car"),
            None,
            "a car by weight"
        );
        let litre = |q, u, d| {
            convert(q, u, d, ReferenceUnit::Litre, Some(0.7)).map(|c| (c.amount * 1000.0).round())
        };
        assert_eq!(
            litre(Some(12.0), Some("bottles"), "cognac 70cl"),
            Some(8400.0)
        );
        assert_eq!(litre(Some(12.0), Some("bottles"), "cognac"), Some(8400.0));
        assert_eq!(litre(Some(9.0), Some("l"), "cognac"), Some(9000.0));
        assert_eq!(
            litre(Some(2.0), Some("cases"), "cognac 6 x 75cl"),
            Some(9000.0)
        );
        assert_eq!(
            litre(Some(2.0), Some("cases"), "cognac"),
            None,
            "pack unknown"
        );
        assert_eq!(litre(Some(20.0), Some("kg"), "cognac"), None);
    }
}
