//! The HS's own deciding rules as data (`data/hs/deciding_rules.csv`):
//! where the nomenclature chooses between neighbouring headings by material
//! (watch cases of precious metal 91.01 vs others 91.02; set stones 71.13 vs
//! loose stones 71.01–71.04), construction (knotted 57.01, woven 57.02,
//! tufted 57.03 carpets), use and capacity (ten or more persons 87.02 vs
//! cars 87.03), presentation (medicaments in measured doses 30.04 vs in
//! bulk 30.03), and General Interpretative Rule 2(a) (a vehicle presented
//! unassembled is the vehicle, not its parts). Each row cites the heading
//! text, note or rule it follows. Owns loading the table and testing a
//! description against it; must not rank headings (see `classify`).
//!
//! Rows sharing a scope form a group, read in file order: for a chosen
//! heading inside the scope, the first row whose condition holds names the
//! heading. Conditions: `words` (every `&`-separated group of markers has
//! one marker in the description, and no `unless` marker is there),
//! `persons_at_least:N` / `persons_below:N` (a seat or person count read
//! from the description), `default`, and `cancel_parts` (the parts reading
//! is dropped).

use crate::error::GoodsError;

const RULES_CSV: &str = include_str!("../../../data/hs/deciding_rules.csv");
const FILE: &str = "data/hs/deciding_rules.csv";

/// A marker: a normalised word, a word prefix (`золот*`), or CJK/Hangul text
/// matched anywhere.
#[derive(Debug, Clone)]
struct Marker {
    /// A searcher for the normalised marker text (its needle), built
    /// once: the rules are tried several times on every classified line.
    finder: memchr::memmem::Finder<'static>,
    prefix: bool,
    anywhere: bool,
}

impl Marker {
    fn parse(raw: &str) -> Option<Marker> {
        let prefix = raw.trim().ends_with('*');
        let text = crate::vocab::normalize(raw.trim().trim_end_matches('*'))
            .trim()
            .to_string();
        if text.is_empty() {
            return None;
        }
        let anywhere = text.chars().any(|c| {
            matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
        });
        Some(Marker {
            finder: memchr::memmem::Finder::new(&text).into_owned(),
            prefix,
            anywhere,
        })
    }

    /// `norm` is a normalised text (words between single spaces, with a
    /// space at both ends).
    fn found_in(&self, norm: &str) -> bool {
        let bytes = norm.as_bytes();
        if self.anywhere {
            return self.finder.find(bytes).is_some();
        }
        // Byte offsets of a match of whole UTF-8 text sit on character
        // boundaries, and a space is one byte.
        self.finder.find_iter(bytes).any(|s| {
            let e = s + self.finder.needle().len();
            let left = s > 0 && bytes[s - 1] == b' ';
            let right = self.prefix || bytes.get(e) == Some(&b' ');
            left && right
        })
    }
}

/// When a row applies.
#[derive(Debug, Clone)]
enum Condition {
    /// Every group has a marker present.
    Words(Vec<Vec<Marker>>),
    PersonsAtLeast(u32),
    PersonsBelow(u32),
    Default,
    /// Drop the parts reading (GIR 2(a)).
    CancelParts(Vec<Marker>),
}

/// One deciding rule of the nomenclature.
#[derive(Debug, Clone)]
pub struct DecidingRule {
    /// Stable id (`watch_case_precious`).
    pub id: String,
    scope: Vec<String>,
    /// `scope` as numbers, for a cheap test on every classified line.
    scope_num: Vec<u16>,
    /// The heading it names (empty for `cancel_parts`).
    pub target: String,
    condition: Condition,
    unless: Vec<Marker>,
    /// The heading text, note or General Interpretative Rule it follows.
    pub citation: String,
}

fn markers(cell: &str) -> Vec<Marker> {
    cell.split(';').filter_map(Marker::parse).collect()
}

/// The bundled deciding rules, in file order.
pub(crate) fn bundled() -> Result<Vec<DecidingRule>, GoodsError> {
    let mut rdr = csv::Reader::from_reader(RULES_CSV.as_bytes());
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| GoodsError::data(FILE, row, e.to_string()))?;
        let get = |n: usize| rec.get(n).unwrap_or_default().trim();
        let cond = get(3);
        let condition = if let Some(n) = cond.strip_prefix("persons_at_least:") {
            Condition::PersonsAtLeast(parse_count(n, row)?)
        } else if let Some(n) = cond.strip_prefix("persons_below:") {
            Condition::PersonsBelow(parse_count(n, row)?)
        } else {
            match cond {
                "words" => Condition::Words(get(4).split(" & ").map(markers).collect()),
                "default" => Condition::Default,
                "cancel_parts" => Condition::CancelParts(markers(get(4))),
                other => {
                    return Err(GoodsError::data(
                        FILE,
                        row,
                        format!("unknown condition {other:?}"),
                    ))
                }
            }
        };
        if let Condition::Words(groups) = &condition {
            if groups.iter().any(Vec::is_empty) {
                return Err(GoodsError::data(FILE, row, "a marker group is empty"));
            }
        }
        out.push(DecidingRule {
            id: get(0).to_string(),
            scope: get(1).split(';').map(str::to_string).collect(),
            scope_num: get(1)
                .split(';')
                .map(|h| {
                    h.parse::<u16>()
                        .map_err(|_| GoodsError::data(FILE, row, format!("bad heading {h:?}")))
                })
                .collect::<Result<_, _>>()?,
            target: get(2).to_string(),
            condition,
            unless: markers(get(5)),
            citation: get(6).to_string(),
        });
    }
    Ok(out)
}

fn parse_count(s: &str, row: usize) -> Result<u32, GoodsError> {
    s.trim()
        .parse()
        .map_err(|_| GoodsError::data(FILE, row, format!("bad count {s:?}")))
}

impl DecidingRule {
    /// The headings the rule chooses among.
    pub fn scope(&self) -> &[String] {
        &self.scope
    }

    /// True when the rule's scope holds `heading`.
    pub(crate) fn in_scope(&self, heading: &str) -> bool {
        heading
            .parse::<u16>()
            .is_ok_and(|h| self.scope_num.contains(&h))
    }

    /// Whether the rule's condition holds for a normalised description.
    fn holds(&self, norm: &str, persons: Option<u32>) -> bool {
        if self.unless.iter().any(|m| m.found_in(norm)) {
            return false;
        }
        match &self.condition {
            Condition::Words(groups) => groups.iter().all(|g| g.iter().any(|m| m.found_in(norm))),
            Condition::PersonsAtLeast(n) => persons.is_some_and(|p| p >= *n),
            Condition::PersonsBelow(n) => persons.is_some_and(|p| p < *n),
            Condition::Default => true,
            Condition::CancelParts(ms) => ms.iter().any(|m| m.found_in(norm)),
        }
    }

    fn cancels_parts(&self) -> bool {
        matches!(self.condition, Condition::CancelParts(_))
    }
}

/// The heading the deciding rules give for `heading`, with the rule, or
/// `None` when no rule of its scope holds.
pub(crate) fn decide<'r>(
    rules: &'r [DecidingRule],
    heading: &str,
    norm: &str,
) -> Option<&'r DecidingRule> {
    let Ok(h) = heading.parse::<u16>() else {
        return None;
    };
    let mut in_scope = rules
        .iter()
        .filter(|r| !r.cancels_parts() && r.scope_num.contains(&h))
        .peekable();
    in_scope.peek()?;
    let persons = persons(norm);
    in_scope.find(|r| r.holds(norm, persons))
}

/// The GIR 2(a) rule that keeps goods presented unassembled under the
/// complete article, when the description says so and `parts_heading` is in
/// its scope.
pub(crate) fn unassembled<'r>(
    rules: &'r [DecidingRule],
    parts_heading: &str,
    norm: &str,
) -> Option<&'r DecidingRule> {
    rules
        .iter()
        .filter(|r| r.cancels_parts() && r.in_scope(parts_heading))
        .find(|r| r.holds(norm, None))
}

/// Words that count persons or seats after a number ("15 seater", "for 12
/// persons", "12-местный", "15人乗り", "15인승").
const PERSON_UNITS: &[&str] = &[
    "seat",
    "seats",
    "seater",
    "seaters",
    "person",
    "persons",
    "people",
    "passenger",
    "passengers",
    "pax",
    "мест",
    "местный",
    "местная",
    "местами",
    "пассажир",
    "пассажиров",
    "человек",
    "人乗り",
    "人乗",
    "人座",
    "座",
    "人",
    "名",
    "인승",
    "인",
    "명",
    "석",
];

/// The largest seat or person count a normalised description states.
pub(crate) fn persons(norm: &str) -> Option<u32> {
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let mut best: Option<u32> = None;
    for (i, w) in words.iter().enumerate() {
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > 3 {
            continue;
        }
        let rest = &w[digits.len()..];
        let unit_follows = if rest.is_empty() {
            words.get(i + 1).is_some_and(|n| is_person_unit(n))
        } else {
            is_person_unit(rest)
        };
        if unit_follows {
            if let Ok(n) = digits.parse::<u32>() {
                best = Some(best.map_or(n, |b| b.max(n)));
            }
        }
    }
    best
}

fn is_person_unit(w: &str) -> bool {
    PERSON_UNITS
        .iter()
        .any(|u| w == *u || (w.starts_with(u) && !u.is_ascii()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;
    use crate::vocab::normalize;

    fn decided(heading: &str, text: &str) -> Option<String> {
        let rules = bundled().unwrap();
        decide(&rules, heading, &normalize(text)).map(|r| r.target.clone())
    }

    #[test]
    fn counts_persons() {
        assert_eq!(persons(&normalize("Toyota Coaster 30-seater")), Some(30));
        assert_eq!(persons(&normalize("van for 8 persons")), Some(8));
        assert_eq!(persons(&normalize("автобус 45-местный")), Some(45));
        assert_eq!(persons(&normalize("マイクロバス 29人乗り")), Some(29));
        assert_eq!(persons(&normalize("승합차 15인승")), Some(15));
        assert_eq!(persons(&normalize("engine 2000 cc")), None);
    }

    #[test]
    fn material_construction_and_capacity_decide() {
        assert_eq!(
            decided("9102", "18k gold wristwatch").as_deref(),
            Some("9101")
        );
        assert_eq!(
            decided("9102", "gold-plated wristwatch").as_deref(),
            Some("9102")
        );
        assert_eq!(
            decided("9101", "stainless steel watch").as_deref(),
            Some("9102")
        );
        assert_eq!(decided("7102", "diamond ring").as_deref(), Some("7113"));
        assert_eq!(
            decided("7113", "loose diamonds 1 ct").as_deref(),
            Some("7102")
        );
        assert_eq!(
            decided("7113", "costume jewellery necklace, brass").as_deref(),
            Some("7117")
        );
        assert_eq!(
            decided("5702", "hand-knotted wool carpet").as_deref(),
            Some("5701")
        );
        assert_eq!(
            decided("5701", "tufted nylon carpet").as_deref(),
            Some("5703")
        );
        assert_eq!(decided("8703", "van, 12 seats").as_deref(), Some("8702"));
        assert_eq!(decided("8702", "minivan 7 seats").as_deref(), Some("8703"));
        assert_eq!(decided("8703", "sedan"), None);
        // Measured doses or retail forms are 30.04, bulk stays in 30.03.
        assert_eq!(
            decided("3003", "aspirin 81mg chewable, 30 tabs").as_deref(),
            Some("3004")
        );
        assert_eq!(
            decided("3003", "아스피린 프로텍트정 100mg").as_deref(),
            Some("3004")
        );
        assert_eq!(decided("3003", "ibuprofen tablets in bulk, API"), None);
        assert_eq!(decided("3003", "mixed medicaments, 200 kg drums"), None);
    }

    #[test]
    fn unassembled_goods_keep_the_complete_heading() {
        let rules = bundled().unwrap();
        let n = normalize("passenger cars in CKD kit form");
        assert!(unassembled(&rules, "8708", &n).is_some());
        assert!(unassembled(&rules, "8708", &normalize("brake pads")).is_none());
    }

    #[test]
    fn every_rule_cites_its_source() {
        for r in bundled().unwrap() {
            assert!(!r.citation.is_empty(), "{}", r.id);
        }
    }
}
