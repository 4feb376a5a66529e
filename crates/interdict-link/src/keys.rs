//! The comparable form of each linking fact: identifiers reduced to their
//! letters and digits, names to interdict's normalisation with the word order
//! ignored, dates to their full precision only.

use interdict_model::{countries, prop, Entity, Schema};
use interdict_names::normalize;

/// Identifiers shorter than this (after reduction) are too likely to
/// coincide across unrelated records ("1234") to link on.
pub(crate) const MIN_IDENTIFIER_LEN: usize = 5;

/// Upper-case letters and digits only: `"BC 166-787"` → `"BC166787"`. A
/// number written after a label and a spaced separator ("SRN - 1023501236901",
/// "Russia TIN- 3528000597", the UK list's style) is the number alone, as
/// another list writes it bare.
pub(crate) fn identifier(raw: &str) -> Option<String> {
    let raw = labelled_number(raw).unwrap_or(raw);
    let id: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (id.len() >= MIN_IDENTIFIER_LEN && id.bytes().any(|b| b.is_ascii_digit())).then_some(id)
}

/// The number of "<label> - <number>": the part after the last `-`, `–`,
/// `:` or `#` that has a space beside it, when the label before holds a
/// letter and the part after only digits, spaces and hyphens. A separator
/// inside a number ("166-787") has no space beside it and is kept.
fn labelled_number(raw: &str) -> Option<&str> {
    let (at, sep) = raw
        .char_indices()
        .filter(|&(_, c)| matches!(c, '-' | '–' | ':' | '#'))
        .rfind(|&(i, c)| {
            let before = raw[..i].chars().next_back();
            let after = raw[i + c.len_utf8()..].chars().next();
            before.is_some_and(char::is_whitespace) || after.is_some_and(char::is_whitespace)
        })?;
    let (label, number) = (&raw[..at], raw[at + sep.len_utf8()..].trim());
    let digits_only = number
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    (label.chars().any(char::is_alphabetic) && digits_only && !number.is_empty()).then_some(number)
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
/// part (an acronym: "(KKBC)") left out, abbreviations written out ("Intl"
/// = "International") and legal forms written as one symbol ("CORPORATION"
/// = "CORP").
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
    // "Bank St Petersburg" and "Bank Saint-Petersburg" are one name.
    let tokens = interdict_names::expand_abbreviations(&tokens);
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

/// An address without its last part when that part names a country, and
/// the country's ISO code (empty when it names none).
fn country_last(raw: &str) -> (&str, String) {
    match raw.rsplit_once(',') {
        Some((rest, last)) => match countries::resolve(last.trim()) {
            Some(c) => (rest, c.code.to_string()),
            None => (raw, String::new()),
        },
        None => (raw, String::new()),
    }
}

/// An address compared without case or punctuation, its country (the last
/// part, when it names one) as an ISO code, so that "..., Pyongyang,
/// Democratic People's Republic of Korea" and "..., Pyongyang, KP" agree.
/// Too short an address (a bare city) does not count.
pub(crate) fn address(raw: &str) -> Option<String> {
    let (rest, country) = country_last(raw);
    let rest = normalize(rest);
    let words = rest.split_whitespace().count();
    let enough = if country.is_empty() { 4 } else { 2 };
    (words >= enough).then(|| format!("{rest}, {country}"))
}

/// How much two written addresses share, for corroboration (not for a
/// link on their own): a shared number of four or more digits (a P.O. box,
/// a postal code, an office) weighs 3, a shorter one (house, street,
/// district) 2, a shared word of four or more letters (a street or town) 1.
/// They agree at a weight of [`ADDRESS_AGREEMENT`] with at least one shared
/// number, and never when both name different countries. "Street 21,
/// Dubai" and "Building 21, Dubai" weigh 3: not enough.
pub(crate) fn addresses_agree(a: &str, b: &str) -> bool {
    let (ca, ta) = address_parts(a);
    let (cb, tb) = address_parts(b);
    if !ca.is_empty() && !cb.is_empty() && ca != cb {
        return false;
    }
    let mut weight = 0;
    let mut numbers = 0;
    for t in ta.iter().filter(|t| tb.contains(t)) {
        let digits = t.chars().filter(char::is_ascii_digit).count();
        weight += match digits {
            0 => 1,
            1..=3 => 2,
            _ => 3,
        };
        numbers += usize::from(digits > 0);
    }
    numbers > 0 && weight >= ADDRESS_AGREEMENT
}

/// See [`addresses_agree`].
const ADDRESS_AGREEMENT: usize = 4;

/// An address's country code (empty when its last part names none) and its
/// distinct comparable tokens: numbers of two or more digits, words of four
/// or more letters.
fn address_parts(raw: &str) -> (String, Vec<String>) {
    let (rest, country) = country_last(raw);
    let mut tokens: Vec<String> = normalize(rest)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| {
            let digits = t.chars().filter(char::is_ascii_digit).count();
            if digits > 0 {
                digits >= 2
            } else {
                t.chars().count() >= 4
            }
        })
        .map(str::to_string)
        .collect();
    tokens.sort_unstable();
    tokens.dedup();
    (country, tokens)
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
    fn addresses_agree_on_numbers_and_street_words_not_a_town_alone() {
        assert!(addresses_agree(
            "Al-Karrada, Babil Region - District 929, St. 21, Home 46, Baghdad, Iraq",
            "HOME 46, AL-KARRADA, BABIL REGION, DISTRICT 929, ST 21, BESIDE AL JADIRYA PRIVATE HOSPITAL, BAGHDAD, IQ"
        ));
        assert!(addresses_agree(
            "P.O. Box 911399, Amman 11191, Jordan",
            "P.O. BOX 911399, AMMAN, JO"
        ));
        assert!(addresses_agree(
            "26/1 Sofiyskaya Embankment, Moscow, 115035, Russia",
            "26/1, Sofiyskaya Embankment, Moscow, 117997, RU"
        ));
        assert!(!addresses_agree(
            "Street 21, Dubai, AE",
            "Building 21, Dubai, AE"
        ));
        assert!(!addresses_agree("Tehran, Iran", "Tehran, Iran"));
        assert!(!addresses_agree(
            "P.O. Box 911399, Amman, Jordan",
            "P.O. Box 911399, Dubai, AE"
        ));
    }

    #[test]
    fn a_labelled_number_is_the_number_alone() {
        let bare = identifier("1023501236901");
        assert_eq!(identifier("SRN - 1023501236901"), bare);
        assert_eq!(
            identifier("Russia TIN- 3528000597").as_deref(),
            Some("3528000597")
        );
        assert_eq!(
            identifier("Taxpayer Identification Number – 5008011331").as_deref(),
            Some("5008011331")
        );
        // Hyphens inside a number, and letters that are part of it, stay.
        assert_eq!(identifier("BC 166-787").as_deref(), Some("BC166787"));
        assert_eq!(identifier("PD 123456").as_deref(), Some("PD123456"));
        assert_eq!(identifier("RU56285144").as_deref(), Some("RU56285144"));
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
        assert_eq!(
            org_name("Bank St Petersburg PJSC"),
            org_name("BANK SAINT-PETERSBURG PUBLIC JOINT STOCK COMPANY")
        );
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
