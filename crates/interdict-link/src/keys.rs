//! The comparable form of each linking fact: identifiers reduced to their
//! letters and digits, names to interdict's normalisation with the word order
//! ignored, dates to their full precision only.

use interdict_model::{countries, prop, Entity, Schema};
use interdict_names::normalize;

/// Identifiers shorter than this (after reduction) are too likely to
/// coincide across unrelated records ("1234") to link on.
pub(crate) const MIN_IDENTIFIER_LEN: usize = 5;

/// Upper-case letters and digits only: `"BC 166-787"` → `"BC166787"`.
pub(crate) fn identifier(raw: &str) -> Option<String> {
    let id: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (id.len() >= MIN_IDENTIFIER_LEN && id.bytes().any(|b| b.is_ascii_digit())).then_some(id)
}

/// A SWIFT/BIC code: eight characters, or eleven with a branch; the branch
/// `XXX` is the head office, the same as the eight-character code.
pub(crate) fn swift_bic(raw: &str) -> Option<String> {
    let id: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match id.len() {
        8 => Some(id),
        11 => Some(id.strip_suffix("XXX").unwrap_or(&id).to_string()),
        _ => None,
    }
}

/// A name compared without regard to case, accents, punctuation or word
/// order ("KIM, Jong Un" = "Jong Un KIM"); `None` for a name of one word,
/// too ambiguous to link on.
pub(crate) fn name(raw: &str) -> Option<String> {
    let normalized = normalize(raw);
    let mut words: Vec<&str> = normalized.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    words.sort_unstable();
    Some(words.join(" "))
}

/// Every distinct name key of an entity, over all its names.
pub(crate) fn names(e: &Entity) -> Vec<String> {
    let mut out: Vec<String> = e.names().filter_map(|(_, n)| name(n)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Birth dates given to the day (`1984-01-08`); years and months say too
/// little to tell people apart.
pub(crate) fn full_birth_dates(e: &Entity) -> Vec<&str> {
    e.get(prop::BIRTH_DATE)
        .iter()
        .map(String::as_str)
        .filter(|d| d.len() == 10)
        .collect()
}

/// The countries a person's documents are likely issued by (nationality,
/// citizenship) or an organisation is registered in (also its country and
/// jurisdiction).
pub(crate) fn countries(e: &Entity) -> Vec<&str> {
    let mut props = vec![prop::NATIONALITY, prop::CITIZENSHIP];
    if e.schema != Schema::Person {
        props.extend([prop::COUNTRY, prop::JURISDICTION]);
    }
    let mut out: Vec<&str> = props
        .iter()
        .flat_map(|p| e.get(p).iter().map(String::as_str))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// An organisation's name compared as [`name`] does, with any parenthesised
/// part (an acronym: "(KKBC)") left out and legal forms written as one
/// symbol ("CORPORATION" = "CORP").
pub(crate) fn org_name(raw: &str) -> Option<String> {
    let mut bare = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let tokens: Vec<String> = normalize(&bare)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut words = Vec::with_capacity(tokens.len());
    let mut at = 0;
    while at < tokens.len() {
        match interdict_names::org_type(&tokens, at) {
            Some((len, symbol)) if len > 0 => {
                words.push(symbol.to_string());
                at += len;
            }
            _ => {
                words.push(tokens[at].clone());
                at += 1;
            }
        }
    }
    if words.len() < 2 {
        return None;
    }
    words.sort_unstable();
    Some(words.join(" "))
}

/// Every distinct organisation name key of an entity.
pub(crate) fn org_names(e: &Entity) -> Vec<String> {
    let mut out: Vec<String> = e.names().filter_map(|(_, n)| org_name(n)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// An address compared without case or punctuation, its country (the last
/// part, when it names one) as an ISO code, so that "..., Pyongyang,
/// Democratic People's Republic of Korea" and "..., Pyongyang, KP" agree.
/// Too short an address (a bare city) does not count.
pub(crate) fn address(raw: &str) -> Option<String> {
    let (rest, country) = match raw.rsplit_once(',') {
        Some((rest, last)) => match countries::resolve(last.trim()) {
            Some(c) => (rest, c.code.to_string()),
            None => (raw, String::new()),
        },
        None => (raw, String::new()),
    };
    let rest = normalize(rest);
    let words = rest.split_whitespace().count();
    let enough = if country.is_empty() { 4 } else { 2 };
    (words >= enough).then(|| format!("{rest}, {country}"))
}

/// True when the two sets share a value.
pub(crate) fn share<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().any(|x| b.contains(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_keep_letters_and_digits() {
        assert_eq!(identifier("bc 166-787").as_deref(), Some("BC166787"));
        assert_eq!(identifier("1234"), None);
        assert_eq!(identifier("ABCDEFG"), None);
    }

    #[test]
    fn head_office_bics_equal_their_short_form() {
        assert_eq!(swift_bic("KKBCKPPYXXX").as_deref(), Some("KKBCKPPY"));
        assert_eq!(swift_bic("kkbc kppy").as_deref(), Some("KKBCKPPY"));
        assert_eq!(swift_bic("KKBCKPPY123").as_deref(), Some("KKBCKPPY123"));
        assert_eq!(swift_bic("KKBC"), None);
    }

    #[test]
    fn organisation_names_ignore_acronyms_and_legal_form_spelling() {
        assert_eq!(
            org_name("KOREA KWANGSON BANKING CORPORATION (KKBC)"),
            org_name("Korea Kwangson Banking Corp.")
        );
        assert_eq!(org_name("KKBC"), None);
    }

    #[test]
    fn addresses_compare_their_country_as_a_code() {
        assert_eq!(
            address("Saemul 1-Dong Pyongchon District, Pyongyang, Democratic People's Republic of Korea"),
            address("Saemul 1-Dong Pyongchon District, Pyongyang, KP")
        );
        assert_eq!(address("Beijing, China"), None);
        assert_eq!(address("Pyongyang"), None);
    }

    #[test]
    fn names_ignore_word_order_and_punctuation() {
        assert_eq!(name("KIM, Jong Un"), name("Jong-Un Kim"));
        assert_eq!(name("KIM, Jong Un").as_deref(), Some("jong kim un"));
        assert_eq!(name("Kim"), None);
    }
}
