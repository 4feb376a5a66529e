//! The Han folding table (Japanese shinjitai and traditional characters →
//! simplified, from OpenCC), so Chinese, Japanese and traditional spellings
//! meet (鉄, 鐵, 铁), and the reading of the bundled gzip tables. The
//! glossaries (CC-CEDICT and the others) live in `glossary`.

use crate::error::GoodsError;
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;

const VARIANTS_GZ: &[u8] = include_bytes!("../../../data/hs/han_variants.tsv.gz");

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

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn variants_fold_to_simplified() {
        let v = han_variants().unwrap();
        assert_eq!(v.get(&'鉄'), Some(&'铁'));
        assert_eq!(v.get(&'書'), Some(&'书'));
        assert_eq!(v.get(&'鐵'), Some(&'铁'));
    }
}
