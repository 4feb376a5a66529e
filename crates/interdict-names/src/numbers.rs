//! Numbers in names: Arabic digits and Roman numerals, so that the vessel
//! "Ocean Star 2" is not taken for "Ocean Star 1".
//!
//! Must not interpret identifiers (IMO, passport numbers): the matcher reads
//! those from their own properties.

/// Numbers in a tokenised name, in order: every run of digits (`"no2"` → 2),
/// and Roman numerals of i, v and x (up to 39) in any position but the first
/// (a name's first token "I" or "Xi" is a surname, not a numeral).
pub fn numbers(tokens: &[String]) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        let mut run: Option<u32> = None;
        let mut overflow = false;
        for b in tok.bytes() {
            if b.is_ascii_digit() {
                let d = u32::from(b - b'0');
                match run
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(d))
                {
                    Some(v) => run = Some(v),
                    None => overflow = true,
                }
            } else if let Some(v) = run.take() {
                if !overflow {
                    out.push(v);
                }
                overflow = false;
            }
        }
        if let Some(v) = run {
            if !overflow {
                out.push(v);
            }
        }
        if i > 0 {
            if let Some(v) = roman(tok) {
                out.push(v);
            }
        }
    }
    out
}

/// English number words 1–19 and their ordinals.
const UNITS_WORDS: [(&str, &str, u32); 19] = [
    ("one", "first", 1),
    ("two", "second", 2),
    ("three", "third", 3),
    ("four", "fourth", 4),
    ("five", "fifth", 5),
    ("six", "sixth", 6),
    ("seven", "seventh", 7),
    ("eight", "eighth", 8),
    ("nine", "ninth", 9),
    ("ten", "tenth", 10),
    ("eleven", "eleventh", 11),
    ("twelve", "twelfth", 12),
    ("thirteen", "thirteenth", 13),
    ("fourteen", "fourteenth", 14),
    ("fifteen", "fifteenth", 15),
    ("sixteen", "sixteenth", 16),
    ("seventeen", "seventeenth", 17),
    ("eighteen", "eighteenth", 18),
    ("nineteen", "nineteenth", 19),
];
/// English tens 20–90, with the common misspelling "fourty".
const TENS_WORDS: [(&str, &str, u32); 9] = [
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fourty", "fourtieth", 40),
    ("fifty", "fiftieth", 50),
    ("sixty", "sixtieth", 60),
    ("seventy", "seventieth", 70),
    ("eighty", "eightieth", 80),
    ("ninety", "ninetieth", 90),
];

fn unit_word(tok: &str) -> Option<u32> {
    UNITS_WORDS
        .iter()
        .find(|(c, o, _)| *c == tok || *o == tok)
        .map(|e| e.2)
}

fn tens_word(tok: &str) -> Option<u32> {
    TENS_WORDS
        .iter()
        .find(|(c, o, _)| *c == tok || *o == tok)
        .map(|e| e.2)
}

/// An ordinal written with digits ("1st", "22nd", "3rd", "4th").
fn digit_ordinal(tok: &str) -> Option<u32> {
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &tok[digits.len()..];
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

/// Writes English numbers of an organisation or vessel name as digits, so
/// that "Brigade Forty-Four", "Brigade Forty 4" and "Brigade 44", or "1st
/// International Bank" and "First International Bank", are the same name:
/// cardinals and ordinals up to 99, a tens word followed by a unit word or
/// digit, and digit ordinals. Tokens are normalised (lower case), as
/// [`crate::tokenize`] returns them. Not for people's names, where such
/// words are rare and may be names.
pub fn number_words_as_digits(tokens: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i].as_str();
        if let Some(tens) = tens_word(tok) {
            let next = tokens.get(i + 1).map(String::as_str);
            let unit = next.and_then(|n| {
                unit_word(n)
                    .filter(|u| *u < 10)
                    .or_else(|| n.parse::<u32>().ok().filter(|u| (1..10).contains(u)))
            });
            match unit {
                Some(u) => {
                    out.push((tens + u).to_string());
                    i += 2;
                }
                None => {
                    out.push(tens.to_string());
                    i += 1;
                }
            }
            continue;
        }
        match unit_word(tok).or_else(|| digit_ordinal(tok)) {
            Some(v) => out.push(v.to_string()),
            None => out.push(tokens[i].clone()),
        }
        i += 1;
    }
    out
}

/// Value of a canonical Roman numeral made of i, v and x (1–39).
fn roman(tok: &str) -> Option<u32> {
    if tok.is_empty() || tok.len() > 6 || !tok.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    const UNITS: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    const TENS: [&str; 4] = ["", "x", "xx", "xxx"];
    for (t, tens) in TENS.iter().enumerate() {
        if let Some(rest) = tok.strip_prefix(tens) {
            if let Some(u) = UNITS.iter().position(|u| *u == rest) {
                let v = (t * 10 + u) as u32;
                if v > 0 {
                    return Some(v);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Vec<u32> {
        numbers(&crate::tokenize(&crate::normalize(s)))
    }

    fn words(s: &str) -> Vec<String> {
        number_words_as_digits(&crate::tokenize(&crate::normalize(s)))
    }

    #[test]
    fn english_number_words_become_digits() {
        assert_eq!(words("Brigade Forty-Four"), ["brigade", "44"]);
        assert_eq!(words("Brigade Fourty four"), ["brigade", "44"]);
        assert_eq!(words("Brigade Forty 4"), ["brigade", "44"]);
        assert_eq!(words("Brigade 44"), ["brigade", "44"]);
        assert_eq!(
            words("1st International Bank"),
            ["1", "international", "bank"]
        );
        assert_eq!(
            words("First International Bank"),
            ["1", "international", "bank"]
        );
        assert_eq!(words("Three Percenters"), ["3", "percenters"]);
        assert_eq!(words("Twentieth Century Fox"), ["20", "century", "fox"]);
        // Not numbers: words that merely contain number words.
        assert_eq!(words("Tenth Avenue Often"), ["10", "avenue", "often"]);
        assert_eq!(words("Stone Works"), ["stone", "works"]);
    }

    #[test]
    fn digits_and_roman_numerals() {
        assert_eq!(n("Ocean Star 2"), [2]);
        assert_eq!(n("Ocean Star No.12"), [12]);
        assert_eq!(n("Chon Ma San III"), [3]);
        assert_eq!(n("Grand Karo XIV"), [14]);
        assert_eq!(n("Pioneer ix"), [9]);
        assert_eq!(n("Ocean Star"), Vec::<u32>::new());
        assert_eq!(n("Xi Jinping"), Vec::<u32>::new());
        assert_eq!(n("Kim Il"), Vec::<u32>::new());
        assert_eq!(n("MV 99999999999"), Vec::<u32>::new());
        assert_eq!(roman("iiii"), None);
        assert_eq!(roman("xxxix"), Some(39));
    }
}
