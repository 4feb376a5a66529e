//! Organisation legal-form symbols and the low weight of generic words.
//!
//! Owns `data/org_types.tsv` (written forms → canonical symbol) and
//! `data/generic_words.tsv` (word → weight). It must not decide whether a
//! name is an organisation: callers apply [`org_type`] to organisation,
//! company and vessel names only ("Sa", "Ao" and "Co" are also Korean and
//! Chinese name syllables).

use std::collections::HashMap;
use std::sync::OnceLock;

const ORG_TYPES: &str = include_str!("../data/org_types.tsv");
const GENERIC_WORDS: &str = include_str!("../data/generic_words.tsv");

fn data_lines(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
}

/// Written forms by their first token, longest first.
type FormIndex = HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>;

fn forms() -> &'static FormIndex {
    static F: OnceLock<FormIndex> = OnceLock::new();
    F.get_or_init(|| {
        let mut idx: FormIndex = HashMap::new();
        for (canonical, written) in data_lines(ORG_TYPES) {
            let toks: Vec<&'static str> = written.split_whitespace().collect();
            if let Some(first) = toks.first() {
                idx.entry(first)
                    .or_default()
                    .push((toks.clone(), canonical));
            }
        }
        for v in idx.values_mut() {
            v.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        }
        idx
    })
}

/// The legal form written at `tokens[at..]` (normalised tokens), longest
/// match first: `["co","ltd"]` at 0 → `(2, "ltd")`; `["ооо"]` → `(1, "llc")`.
/// Canonical symbols: llc, ltd, jsc, plc, corp, inc, co, lp, llp, ue
/// (a Russian unitary enterprise).
pub fn org_type(tokens: &[String], at: usize) -> Option<(usize, &'static str)> {
    let first = tokens.get(at)?;
    let Some(candidates) = forms().get(first.as_str()) else {
        return misspelt_long_form(first).map(|c| (1, c));
    };
    candidates.iter().find_map(|(written, canonical)| {
        let rest = tokens.get(at..at + written.len())?;
        rest.iter()
            .zip(written)
            .all(|(t, w)| t == w)
            .then_some((written.len(), *canonical))
    })
}

/// Long one-word legal forms are often misspelt ("Aktiengeselschaft"): a
/// token of [`LONG_FORM`] letters or more within one edit per eight letters
/// of such a form is that form.
fn misspelt_long_form(token: &str) -> Option<&'static str> {
    const LONG_FORM: usize = 12;
    if token.len() < LONG_FORM || !token.is_ascii() {
        return None;
    }
    static L: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let long = L.get_or_init(|| {
        data_lines(ORG_TYPES)
            .filter(|(_, w)| w.is_ascii() && !w.contains(' ') && w.len() >= LONG_FORM)
            .map(|(c, w)| (w, c))
            .collect()
    });
    long.iter().find_map(|(written, canonical)| {
        let allowed = written.len() / 8;
        (token.len().abs_diff(written.len()) <= allowed
            && levenshtein(token.as_bytes(), written.as_bytes()) <= allowed)
            .then_some(*canonical)
    })
}

fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// For names written without spaces (CJK, Hangul): the legal form that ends
/// `token`, as (byte offset where it starts, canonical symbol):
/// `"조선광선무역주식회사"` → `(18, "jsc")`. Only forms of two or more
/// characters are tried, longest first.
pub fn org_suffix(token: &str) -> Option<(usize, &'static str)> {
    static S: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let suffixes = S.get_or_init(|| {
        let mut v: Vec<_> = data_lines(ORG_TYPES)
            .filter(|(_, w)| !w.is_ascii() && !w.contains(' ') && w.chars().count() >= 2)
            .map(|(c, w)| (w, c))
            .collect();
        v.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        v
    });
    suffixes.iter().find_map(|(w, c)| {
        (token.len() > w.len() && token.ends_with(w)).then(|| (token.len() - w.len(), *c))
    })
}

fn weights() -> &'static HashMap<&'static str, f32> {
    static W: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    W.get_or_init(|| {
        data_lines(GENERIC_WORDS)
            .filter_map(|(w, x)| Some((w, x.trim().parse::<f32>().ok()?)))
            .filter(|(_, x)| *x > 0.0 && *x <= 1.0)
            .collect()
    })
}

/// How much a token counts in an organisation or vessel name, in (0, 1]:
/// 1 for ordinary words, less for generic ones ("korea" 0.3, "bank" 0.5) and
/// for legal-form words ("ltd", "llc" 0.1).
pub fn token_weight(token: &str) -> f32 {
    if let Some(w) = weights().get(token) {
        return *w;
    }
    if forms()
        .get(token)
        .is_some_and(|v| v.iter().any(|(w, _)| w.len() == 1))
    {
        return 0.1;
    }
    1.0
}

pub(crate) fn is_generic_word(token: &str) -> bool {
    weights().contains_key(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        crate::normalize(s)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn legal_forms_across_languages() {
        assert_eq!(org_type(&toks("Co., Ltd."), 0), Some((2, "ltd")));
        assert_eq!(org_type(&toks("Acme Co."), 1), Some((1, "co")));
        assert_eq!(org_type(&toks("OOO Romashka"), 0), Some((1, "llc")));
        assert_eq!(org_type(&toks("ООО Ромашка"), 0), Some((1, "llc")));
        assert_eq!(org_type(&toks("L.L.C."), 0), Some((3, "llc")));
        assert_eq!(org_type(&toks("Joint Stock Company"), 0), Some((3, "jsc")));
        assert_eq!(org_type(&toks("ЗАО"), 0), Some((1, "jsc")));
        assert_eq!(org_type(&toks("S.A."), 0), Some((2, "jsc")));
        assert_eq!(org_type(&toks("GmbH"), 0), Some((1, "llc")));
        assert_eq!(org_type(&toks("株式会社"), 0), Some((1, "jsc")));
        assert_eq!(org_type(&toks("有限公司"), 0), Some((1, "ltd")));
        assert_eq!(org_type(&toks("주식회사"), 0), Some((1, "jsc")));
        assert_eq!(org_type(&toks("Trading Corporation"), 1), Some((1, "corp")));
        assert_eq!(org_type(&toks("Korea Trading"), 0), None);
        assert_eq!(org_type(&toks("Co"), 5), None);
        assert_eq!(
            org_type(&toks("Societatea cu Răspundere Limitată"), 0),
            Some((4, "llc"))
        );
    }

    #[test]
    fn misspelt_long_forms() {
        assert_eq!(org_type(&toks("Aktiengeselschaft"), 0), Some((1, "jsc")));
        assert_eq!(org_type(&toks("Gesellschafter"), 0), None);
        assert_eq!(org_type(&toks("Administration"), 0), None);
    }

    #[test]
    fn spaceless_suffixes() {
        let s = "조선광선무역주식회사";
        let (at, form) = org_suffix(s).expect("suffix");
        assert_eq!((&s[..at], form), ("조선광선무역", "jsc"));
        assert_eq!(org_suffix("株式会社").map(|x| x.1), None);
        assert_eq!(org_suffix("朝鲜有限公司").map(|x| x.1), Some("ltd"));
    }

    #[test]
    fn generic_words_weigh_less() {
        assert!(token_weight("korea") < 0.5);
        assert!(token_weight("trading") < 0.5);
        assert!(token_weight("bank") < 1.0);
        assert!(token_weight("ltd") < 0.5);
        assert_eq!(token_weight("kwangson"), 1.0);
        for (w, x) in data_lines(GENERIC_WORDS) {
            assert!(weights().contains_key(w), "bad weight line {w} {x}");
        }
    }
}
