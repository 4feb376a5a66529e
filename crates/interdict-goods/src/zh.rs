//! Chinese support: the Han folding table (Japanese shinjitai and
//! traditional characters → simplified, from OpenCC) and CC-CEDICT glosses,
//! which let a Chinese description reach the English nomenclature texts
//! ("胰岛素" → "insulin"). Owns loading both tables and segmenting Han runs
//! by longest dictionary match; must not score (see `index`).

use crate::error::GoodsError;
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;

const VARIANTS_GZ: &[u8] = include_bytes!("../../../data/hs/han_variants.tsv.gz");
const CEDICT_GZ: &[u8] = include_bytes!("../../../data/hs/zh_cedict.tsv.gz");

/// Longest CC-CEDICT headword kept (characters).
const MAX_WORD: usize = 4;

pub(crate) fn gunzip(bytes: &[u8], file: &'static str) -> Result<String, GoodsError> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| GoodsError::data(file, 0, e.to_string()))?;
    Ok(text)
}

/// Character → simplified character.
pub(crate) fn han_variants() -> Result<HashMap<char, char>, GoodsError> {
    const FILE: &str = "data/hs/han_variants.tsv.gz";
    let text = gunzip(VARIANTS_GZ, FILE)?;
    let mut map = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let mut it = line.split('\t').map(|f| f.chars());
        match (
            it.next().and_then(|mut c| c.next()),
            it.next().and_then(|mut c| c.next()),
        ) {
            (Some(a), Some(b)) => {
                map.insert(a, b);
            }
            _ => return Err(GoodsError::data(FILE, i + 1, "expected char<TAB>char")),
        }
    }
    Ok(map)
}

/// CC-CEDICT headwords (folded to simplified) → English glosses.
#[derive(Debug, Default)]
pub(crate) struct Glossary {
    words: HashMap<String, String>,
}

impl Glossary {
    pub(crate) fn bundled(fold: impl Fn(char) -> char) -> Result<Glossary, GoodsError> {
        const FILE: &str = "data/hs/zh_cedict.tsv.gz";
        let text = gunzip(CEDICT_GZ, FILE)?;
        let mut words = HashMap::with_capacity(80_000);
        for (i, line) in text.lines().enumerate() {
            let mut f = line.split('\t');
            let (Some(simp), Some(_trad), Some(gloss)) = (f.next(), f.next(), f.next()) else {
                return Err(GoodsError::data(FILE, i + 1, "expected 3 fields"));
            };
            let key: String = simp.chars().map(&fold).collect();
            words.entry(key).or_insert_with(|| gloss.to_string());
        }
        Ok(Glossary { words })
    }

    /// Number of headwords.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// Segments a run of folded Han characters by longest match, left to
    /// right, and calls `found(word, glosses)` for every word of two or more
    /// characters (a lone character is too ambiguous to gloss).
    pub(crate) fn segment(&self, run: &[char], mut found: impl FnMut(&str, &str)) {
        let mut i = 0;
        let mut key = String::with_capacity(4 * MAX_WORD);
        while i < run.len() {
            let mut step = 1;
            for n in (2..=MAX_WORD.min(run.len() - i)).rev() {
                key.clear();
                key.extend(&run[i..i + n]);
                if let Some(g) = self.words.get(&key) {
                    found(&key, g);
                    step = n;
                    break;
                }
            }
            i += step;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_segment() {
        let v = han_variants().unwrap();
        assert_eq!(v.get(&'鉄'), Some(&'铁'));
        assert_eq!(v.get(&'書'), Some(&'书'));
        let g = Glossary::bundled(|c| *v.get(&c).unwrap_or(&c)).unwrap();
        assert!(g.len() > 50_000);
        let run: Vec<char> = "冷冻胰岛素教科书".chars().collect();
        let mut got = Vec::new();
        g.segment(&run, |w, gl| got.push(format!("{w}={gl}")));
        assert!(got.iter().any(|x| x == "胰岛素=insulin"), "{got:?}");
        assert!(got.iter().any(|x| x == "教科书=textbook"), "{got:?}");
    }
}
