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
