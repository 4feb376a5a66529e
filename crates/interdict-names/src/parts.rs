//! Person name-part tagging when the caller knows nothing else about the
//! name: Korean surname detection and East Slavic patronymics.
//!
//! Must not reorder or drop tokens: tags are parallel to the input.

use crate::keys::korean_keys;
use crate::surnames::is_korean_surname;
use crate::tokenize::split_syllables;

/// The role of a token in a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartTag {
    /// A given name (or one syllable of a Korean given name).
    Given,
    /// The family name (surname).
    Family,
    /// A patronymic (Ivanovich, Sergeyevna) or a Turkic patronymic marker.
    Patronymic,
    /// Nothing could be told.
    Unknown,
}

/// Whether a token reads as romanised Korean (one syllable, a run-together
/// name of 2–3 syllables, or a two-syllable surname).
fn is_korean_token(t: &str) -> bool {
    !korean_keys(t).is_empty() || split_syllables(t).is_some() || is_korean_surname(t)
}

/// Whether a normalised token is an East Slavic patronymic (Ivanovich,
/// Sergeyevna, Ukrainian -ovych / -ivna, German -owitsch / -itsch and
/// French -ovitch spellings) or a Turkic patronymic marker.
pub fn is_patronymic(t: &str) -> bool {
    const ENDINGS: [&str; 13] = [
        "ovich", "evich", "ovna", "evna", "ichna", "ovych", "ivna", "yevich", "owitsch", "ewitsch",
        "itsch", "ovitch", "evitch",
    ];
    // Fathers' names in -a / -я take -ich, -ichna (Russian grammar: Илья
    // Ильич, Кузьма Кузьмич, Лука Лукич, Фома Фомич, Никита Никитич).
    const IN_ICH: [&str; 8] = [
        "ilich",
        "ilyich",
        "ilinichna",
        "ilyinichna",
        "kuzmich",
        "lukich",
        "fomich",
        "nikitich",
    ];
    const MARKERS: [&str; 5] = ["ogly", "oglu", "kyzy", "qizi", "uly"];
    (t.len() > 6 && ENDINGS.iter().any(|e| t.ends_with(e)))
        || IN_ICH.contains(&t)
        || MARKERS.contains(&t)
}

/// Tags each token of a person's (normalised, tokenised) name.
///
/// - Korean: when every token reads as romanised Korean and the first is a
///   Korean surname (the order the lists use: "kim jong un"), it is
///   Family and the rest Given; if only the last is a surname ("jong un
///   kim"), that one is Family.
/// - East Slavic: a patronymic (-ovich, -evna, ...) is Patronymic; the token
///   after it is Family if there is one ("ivan ivanovich petrov"),
///   otherwise the first token is Family and those between are Given
///   ("petrov ivan ivanovich", the order of Russian documents and of
///   "PETROV, Ivan Ivanovich" in the lists) — unless the name is just
///   given name + patronymic ("anna sergeyevna").
/// - Otherwise Unknown.
pub fn tag_person_parts(tokens: &[String]) -> Vec<PartTag> {
    let n = tokens.len();
    let mut tags = vec![PartTag::Unknown; n];
    if n < 2 {
        return tags;
    }
    if tokens.iter().all(|t| is_korean_token(t)) {
        if is_korean_surname(&tokens[0]) {
            tags.fill(PartTag::Given);
            tags[0] = PartTag::Family;
            return tags;
        }
        if is_korean_surname(&tokens[n - 1]) {
            tags.fill(PartTag::Given);
            tags[n - 1] = PartTag::Family;
            return tags;
        }
    }
    if let Some(p) = tokens.iter().position(|t| is_patronymic(t)) {
        tags[p] = PartTag::Patronymic;
        if p + 1 < n {
            for t in tags.iter_mut().take(p) {
                *t = PartTag::Given;
            }
            tags[p + 1] = PartTag::Family;
        } else if p == 1 {
            tags[0] = PartTag::Given;
        } else {
            tags[0] = PartTag::Family;
            for t in tags.iter_mut().take(p).skip(1) {
                *t = PartTag::Given;
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartTag::*;

    fn tag(s: &str) -> Vec<PartTag> {
        tag_person_parts(&crate::tokenize(&crate::normalize(s)))
    }

    #[test]
    fn korean_surname_first() {
        assert_eq!(tag("KIM Jong Un"), [Family, Given, Given]);
        assert_eq!(tag("Ri Yong Ho"), [Family, Given, Given]);
        assert_eq!(tag("Choe Ryong Hae"), [Family, Given, Given]);
        assert_eq!(tag("Namgung Min"), [Family, Given]);
        // "Chol" is no surname, "Kim" is: Western order.
        assert_eq!(tag("Chol Kim"), [Given, Family]);
    }

    #[test]
    fn slavic_patronymics() {
        assert_eq!(tag("Ivan Ivanovich Petrov"), [Given, Patronymic, Family]);
        assert_eq!(tag("Petrov Ivan Ivanovich"), [Family, Given, Patronymic]);
        assert_eq!(tag("Anna Sergeyevna"), [Given, Patronymic]);
        assert!(is_patronymic("platonovich"));
        assert!(is_patronymic("iljitsch"));
        assert!(is_patronymic("ilyich"));
        assert!(is_patronymic("viktorowitsch"));
        assert!(!is_patronymic("patrushev"));
    }

    #[test]
    fn unknown_otherwise() {
        assert_eq!(tag("Mary Smith"), [Unknown, Unknown]);
        assert_eq!(tag("Kim"), [Unknown]);
    }
}
