//! Whole-name guesses built from per-part alternatives, shared by the
//! readings of transcribed foreign names (katakana, Hangul, Han).

/// The first `max` combinations taking one alternative per part, the first
/// part varying fastest (k-th guess = k written in the mixed radix of the
/// parts' counts), so the most likely spelling of every part comes first.
/// Parts without alternatives are skipped.
pub(crate) fn combinations(options: &[Vec<String>], max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for k in 0..max {
        let mut rest = k;
        let mut s = String::new();
        for o in options.iter().filter(|o| !o.is_empty()) {
            s.push_str(&o[rest % o.len()]);
            rest /= o.len();
        }
        if rest > 0 {
            break;
        }
        out.push(s);
    }
    out
}

/// Whole-name readings from each word's guesses (most likely first): the
/// k-th reading takes the k-th guess of every word, or its last when the
/// word has fewer, words joined by spaces.
pub(crate) fn aligned(words: &[Vec<String>]) -> Vec<String> {
    let n = words.iter().map(Vec::len).max().unwrap_or(0);
    (0..n)
        .map(|k| {
            words
                .iter()
                .filter_map(|g| g.get(k).or(g.last()))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_part_varies_fastest_and_stops_when_exhausted() {
        let o = vec![
            vec!["a".to_string(), "b".to_string()],
            Vec::new(),
            vec!["x".to_string()],
        ];
        assert_eq!(combinations(&o, 16), ["ax", "bx"]);
        assert_eq!(combinations(&o, 1), ["ax"]);
    }

    #[test]
    fn a_word_with_fewer_guesses_keeps_its_last() {
        let w = vec![
            vec!["sergei".to_string(), "sergey".to_string()],
            vec!["lavrov".to_string()],
        ];
        assert_eq!(aligned(&w), ["sergei lavrov", "sergey lavrov"]);
        assert!(aligned(&[]).is_empty());
    }
}
