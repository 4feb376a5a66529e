//! Text folding shared by the rules: case, punctuation and diacritics that
//! matter for comparing names and addresses, nothing language-specific.

/// Lower-cases, maps punctuation to spaces, strips common Latin diacritics
/// and squeezes whitespace: `"Glinkastraße 5-7"` → `"glinkastrasse 5 7"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        let mapped: &str = match c {
            'ß' => "ss",
            'ä' | 'Ä' | 'á' | 'Á' | 'à' | 'À' | 'â' | 'Â' | 'ã' | 'å' => "a",
            'é' | 'É' | 'è' | 'È' | 'ê' | 'ë' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ö' | 'Ö' | 'ó' | 'Ó' | 'ò' | 'ô' | 'õ' | 'ø' => "o",
            'ü' | 'Ü' | 'ú' | 'ù' | 'û' => "u",
            'ç' => "c",
            'ñ' => "n",
            _ => "",
        };
        if !mapped.is_empty() {
            out.push_str(mapped);
            space = false;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True when `needle` (already folded) occurs in `hay` (already folded) on word boundaries.
pub fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut start = 0;
    while let Some(pos) = hay[start..].find(needle) {
        let i = start + pos;
        let j = i + needle.len();
        let before = i == 0 || hay.as_bytes()[i - 1] == b' ';
        let after = j == hay.len() || hay.as_bytes()[j] == b' ';
        if before && after {
            return true;
        }
        start = i + 1;
        while start < hay.len() && !hay.is_char_boundary(start) {
            start += 1;
        }
        if start >= hay.len() {
            break;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_matches_words() {
        assert_eq!(fold("Glinkastraße 5-7, BERLIN"), "glinkastrasse 5 7 berlin");
        assert!(contains_words("embassy of the dprk", "dprk"));
        assert!(!contains_words("dprkx embassy", "dprk"));
        assert!(contains_words("a b c", "b c"));
    }
}
