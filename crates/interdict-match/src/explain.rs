//! Explanations of a score, as data (in the style of milli's score details):
//! which query part met which listed part and how, the transliteration used,
//! and every bonus or penalty. [`Explanation::to_text`] renders the data in
//! plain words; JSON carries both.
//!
//! This module only describes a score; it must not compute one.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// How one query name part met one listed name part.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum How {
    /// Spelt the same.
    Exact,
    /// Two romanisations of the same Korean syllable ("ryong" / "yong").
    RomanisationVariant,
    /// The query part, transliterated from another script by `method`, is
    /// spelt as the listed part.
    Transliterated {
        /// The script and scheme, in plain words ("Hangul, McCune–Reischauer").
        method: String,
    },
    /// Same consonants once short vowels are ignored (Arabic, Hebrew).
    ConsonantSkeleton {
        /// Edits between the two consonant skeletons (0: the same).
        distance: u32,
    },
    /// Sounds alike (same phonetic key).
    Phonetic,
    /// An initial that agrees with the first letter of the other part.
    Initial,
    /// Spelt within `distance` edits (a doubled letter counts half).
    Fuzzy {
        /// Edits between the two spellings (a doubled letter counts 0.5).
        distance: f64,
    },
    /// Agree only once spaces are ignored ("SiemensAG" / "Siemens AG").
    Spacing {
        /// Edits between the two spellings with spaces removed.
        distance: f64,
    },
    /// One side is the acronym of the other's words ("PLA" / "People's
    /// Liberation Army").
    Acronym,
    /// A given name and its English nickname ("Theodore" / "Ted").
    Nickname,
    /// A country's name and its English adjective ("Iran" / "Iranian").
    CountryAdjective,
    /// Found no counterpart on the other side.
    Unmatched,
}

/// One line of the alignment between the query name and the listed name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartMatch {
    /// The query part (None: a listed part the query lacks).
    pub query: Option<String>,
    /// The listed part (None: a query part the listing lacks).
    pub listed: Option<String>,
    /// How the two parts met (`kind` in JSON, with its details).
    pub how: How,
    /// Similarity of the two parts in [0, 1].
    pub similarity: f64,
    /// The part's weight in the name score.
    pub weight: f64,
    /// The pair only matches with the parts in an order no rotation of the
    /// name explains; it counts for less, or, in names whose order is a
    /// lineage ("Salman bin Muhammad" / "Muhammad bin Salman"), against.
    pub out_of_order: bool,
}

/// A transliteration applied to reach a comparable Latin form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransliterationNote {
    /// The name as written in its own script.
    pub original: String,
    /// The Latin form compared.
    pub latin: String,
    /// In plain words, e.g. "Hangul, McCune–Reischauer".
    pub method: String,
}

/// Why the score moved after the name comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum Reason {
    /// Birth dates agree at the precision both sides share.
    BirthDateAgrees {
        /// The query's birth date, ISO 8601 at its precision (`1984`, `1984-01-08`).
        query: String,
        /// The listed birth date it agrees with, in the same form.
        listed: String,
    },
    /// No query birth date agrees with any listed one; the closest pair.
    BirthDateConflict {
        /// The query's birth date of the closest pair, ISO 8601 at its precision.
        query: String,
        /// The listed birth date of the closest pair, in the same form.
        listed: String,
    },
    /// Query and listing share a country (nationality, citizenship,
    /// jurisdiction or registration country).
    NationalityAgrees {
        /// The shared country, ISO 3166 alpha-2.
        country: String,
    },
    /// Both sides give countries and none is shared.
    NationalityConflict {
        /// The query's countries, ISO 3166 alpha-2.
        query: Vec<String>,
        /// The listed entity's countries, ISO 3166 alpha-2.
        listed: Vec<String>,
    },
    /// The query's kind of party cannot be the listed kind (a Person is never a Vessel).
    SchemaIncompatible {
        /// The query's FtM schema (`Person`, `Vessel`, ...).
        query: String,
        /// The listed entity's FtM schema.
        listed: String,
    },
    /// An identifier equal on both sides.
    IdentifierMatch {
        /// The kind of identifier in words (`IMO number`, `MMSI`, `SWIFT/BIC`, `document number`).
        property: String,
        /// The identifier, normalised as compared.
        value: String,
    },
    /// Unique identifiers of the same kind that differ.
    IdentifierConflict {
        /// The kind of identifier in words (`IMO number`, `MMSI`, `SWIFT/BIC`).
        property: String,
        /// The query's value, normalised as compared.
        query: Vec<String>,
        /// The listed entity's values of the same kind.
        listed: Vec<String>,
    },
    /// Numbers in the names differ ("Ocean Star 2" / "Ocean Star 1").
    NumbersDiffer {
        /// The numbers in the query name (empty if none).
        query: Vec<u32>,
        /// The numbers in the listed name (empty if none).
        listed: Vec<u32>,
    },
    /// Only one part of a multi-part person name matched.
    SinglePartOnly {
        /// The name score the alignment was capped at, in [0, 1].
        cap: f64,
    },
    /// A one-word listed organisation name met one word of a query that
    /// has distinctive words of its own.
    OneWordOfMany {
        /// The name score the alignment was capped at, in [0, 1].
        cap: f64,
    },
    /// Two organisations' names agree only on words common across the
    /// listed organisations, and one has words the other lacks.
    CommonWordsOnly {
        /// The name score the alignment was capped at, in [0, 1].
        cap: f64,
    },
    /// The query's words left over name a country the listed
    /// organisation is not tied to.
    AnotherCountry {
        /// The country the query names, ISO 3166 alpha-2.
        query: String,
        /// The listed entity's countries, ISO 3166 alpha-2.
        listed: Vec<String>,
        /// The score the pair was capped at, in [0, 1].
        cap: f64,
    },
    /// Both sides give a patronymic, and they differ.
    PatronymicsDiffer {
        /// The query's patronymic.
        query: String,
        /// The listed patronymic it differs from.
        listed: String,
        /// The score the pair was capped at, in [0, 1].
        cap: f64,
    },
    /// Both sides give the given name and the family name apart, and the
    /// query's given name is the listed family name and the other way round.
    GivenAndFamilyNamesSwapped {
        /// The query's given name (the listed family name).
        given: String,
        /// The query's family name (the listed given name).
        family: String,
    },
}

/// A bonus (positive delta) or penalty (negative delta).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    /// Which rule moved the score and on what facts (`kind` in JSON).
    pub reason: Reason,
    /// The change to the score: positive a bonus, negative a penalty (a cap
    /// or veto records the score it took away, a floor the score it added).
    pub delta: f64,
}

/// Everything behind one result's score.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// The query name that matched best, as given.
    pub query_name: String,
    /// The listed name it matched, as listed.
    pub listed_name: String,
    /// Which property the listed name came from (name, alias, weakAlias, previousName).
    pub listed_property: String,
    /// How the query name was transliterated, when it was not Latin.
    pub transliteration: Option<TransliterationNote>,
    /// How the listed name was transliterated, when it was not Latin.
    pub listed_transliteration: Option<TransliterationNote>,
    /// The part alignment, best parts first, then unmatched parts.
    pub parts: Vec<PartMatch>,
    /// Score of the names alone, before adjustments.
    pub name_score: f64,
    /// Every bonus and penalty applied after the name comparison, in the
    /// order they were applied.
    pub adjustments: Vec<Adjustment>,
    /// Final score, clamped to [0, 1].
    pub score: f64,
}

fn delta_text(d: f64) -> String {
    if d < 0.0 {
        format!("\u{2212}{:.2}", -d)
    } else {
        format!("+{d:.2}")
    }
}

impl How {
    fn text(&self) -> String {
        match self {
            How::Exact => "exact".into(),
            How::RomanisationVariant => "romanisation variant".into(),
            How::Transliterated { method } => format!("transliterated ({method})"),
            How::ConsonantSkeleton { distance: 0 } => "same consonants".into(),
            How::ConsonantSkeleton { distance } => {
                format!("consonants within {distance} edit(s)")
            }
            How::Phonetic => "sounds alike".into(),
            How::Initial => "initial".into(),
            How::Fuzzy { distance } => format!("spelling differs by {distance} edit(s)"),
            How::Spacing { distance } if *distance == 0.0 => "same once spaces are ignored".into(),
            How::Spacing { distance } => {
                format!("within {distance} edit(s) once spaces are ignored")
            }
            How::Acronym => "acronym (initials of the words)".into(),
            How::Nickname => "nickname (English given names)".into(),
            How::CountryAdjective => "a country and its adjective".into(),
            How::Unmatched => "unmatched".into(),
        }
    }
}

impl PartMatch {
    fn text(&self) -> String {
        match (&self.query, &self.listed) {
            (Some(q), Some(l)) if self.out_of_order => {
                format!("{q} \u{2248} {l}: {}, but out of order", self.how.text())
            }
            (Some(q), Some(l)) if self.how == How::Exact => format!("{q} = {l}: exact"),
            (Some(q), Some(l)) => format!("{q} \u{2248} {l}: {}", self.how.text()),
            (Some(q), None) => format!("{q}: query part not in the listed name"),
            (None, Some(l)) => format!("{l}: listed part not in the query"),
            (None, None) => String::new(),
        }
    }
}

impl Reason {
    fn text(&self) -> String {
        match self {
            Reason::BirthDateAgrees { query, listed } => {
                format!("birth date {query} agrees with listed {listed}")
            }
            Reason::BirthDateConflict { query, listed }
                if query.len() == 4 || listed.len() == 4 =>
            {
                format!(
                    "birth year {} vs listed {}",
                    &query[..4.min(query.len())],
                    &listed[..4.min(listed.len())]
                )
            }
            Reason::BirthDateConflict { query, listed } => {
                format!("birth date {query} vs listed {listed}")
            }
            Reason::NationalityAgrees { country } => format!("country {country} agrees"),
            Reason::NationalityConflict { query, listed } => {
                format!("country {} vs listed {}", query.join("/"), listed.join("/"))
            }
            Reason::SchemaIncompatible { query, listed } => {
                format!("a {query} cannot be a {listed}")
            }
            Reason::IdentifierMatch { property, value } => {
                format!("{property} {value} is the same")
            }
            Reason::IdentifierConflict {
                property,
                query,
                listed,
            } => format!(
                "{property} {} vs listed {}",
                query.join("/"),
                listed.join("/")
            ),
            Reason::NumbersDiffer { query, listed } => {
                let j = |v: &[u32]| {
                    if v.is_empty() {
                        "none".to_string()
                    } else {
                        v.iter().map(u32::to_string).collect::<Vec<_>>().join("/")
                    }
                };
                format!(
                    "numbers in the names differ: {} vs listed {}",
                    j(query),
                    j(listed)
                )
            }
            Reason::SinglePartOnly { cap } => {
                format!(
                    "only one part of the person's name matched (name score capped at {cap:.2})"
                )
            }
            Reason::OneWordOfMany { cap } => format!(
                "the listed name is one word of a longer name with distinctive words of its own (name score capped at {cap:.2})"
            ),
            Reason::CommonWordsOnly { cap } => format!(
                "only words common in organisation names agree (name score capped at {cap:.2})"
            ),
            Reason::AnotherCountry { query, listed, cap } => format!(
                "the query names an organisation of {query}, the listed one is of {} (score capped at {cap:.2})",
                listed.join("/")
            ),
            Reason::PatronymicsDiffer { query, listed, cap } => format!(
                "patronymics differ: {query:?} / {listed:?} (score capped at {cap:.2})"
            ),
            Reason::GivenAndFamilyNamesSwapped { given, family } => format!(
                "given name {given:?} and family name {family:?} are the listed family and given names"
            ),
        }
    }
}

impl Explanation {
    /// The explanation in plain words, one line per fact.
    pub fn to_text(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.parts.len() + self.adjustments.len() + 3);
        for t in [&self.transliteration, &self.listed_transliteration]
            .into_iter()
            .flatten()
        {
            out.push(format!(
                "{} \u{2192} {} ({})",
                t.original, t.latin, t.method
            ));
        }
        out.extend(
            self.parts
                .iter()
                .map(PartMatch::text)
                .filter(|s| !s.is_empty()),
        );
        out.push(format!(
            "name \"{}\" vs listed {} \"{}\": {:.2}",
            self.query_name, self.listed_property, self.listed_name, self.name_score
        ));
        for a in &self.adjustments {
            out.push(format!("{}: {}", a.reason.text(), delta_text(a.delta)));
        }
        out.push(format!("score {:.2}", self.score));
        out
    }
}

impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Explanation", 10)?;
        st.serialize_field("query_name", &self.query_name)?;
        st.serialize_field("listed_name", &self.listed_name)?;
        st.serialize_field("listed_property", &self.listed_property)?;
        st.serialize_field("transliteration", &self.transliteration)?;
        st.serialize_field("listed_transliteration", &self.listed_transliteration)?;
        st.serialize_field("parts", &self.parts)?;
        st.serialize_field("name_score", &self.name_score)?;
        st.serialize_field("adjustments", &self.adjustments)?;
        st.serialize_field("score", &self.score)?;
        st.serialize_field("text", &self.to_text())?;
        st.end()
    }
}
