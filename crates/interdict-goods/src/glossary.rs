//! Bilingual glossaries that let a description in another language reach
//! the English nomenclature texts: the words a trader writes (胰岛素, 歯磨き,
//! 치약, зубная паста) are found by longest match and add their English
//! glosses ("insulin", "toothpaste") to the query. One code path for four
//! dictionaries, each read from its own kind of run:
//!
//! | glossary | source | run |
//! |---|---|---|
//! | Chinese | CC-CEDICT | Han characters |
//! | Japanese | JMdict | Han characters and kana |
//! | Korean | kengdic (6,000 common words), then Sino-Korean words read from the Han words CC-CEDICT and JMdict share | Hangul syllables |
//! | Russian | enru-dict | Cyrillic words, stemmed |
//!
//! A fifth table, from JMnedict, gives katakana brand names (シャネル) the
//! Latin names the vocabulary knows them by (`chanel`).
//!
//! Files, versions, licences and filters: `data/hs/PROVENANCE.md`. Owns
//! loading and segmenting; must not score (see `index`).

use crate::error::GoodsError;
use crate::terms::{RunKind, Terms, UnitRun};
use crate::zh::gunzip;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

const CEDICT_GZ: &[u8] = include_bytes!("../../../data/hs/zh_cedict.tsv.gz");
const JMDICT_GZ: &[u8] = include_bytes!("../../../data/hs/ja_jmdict.tsv.gz");
const KENGDIC_GZ: &[u8] = include_bytes!("../../../data/hs/ko_kengdic.tsv.gz");
const SINO_KOREAN_GZ: &[u8] = include_bytes!("../../../data/hs/ko_sino.tsv.gz");
const ENRU_GZ: &[u8] = include_bytes!("../../../data/hs/ru_enru.tsv.gz");
const NAMES_GZ: &[u8] = include_bytes!("../../../data/hs/ja_names.tsv.gz");

/// Katakana words a brand name may be written in (ドン ペリニヨン).
const NAME_WORDS: usize = 3;

/// Longest headword tried, in units: longer JMdict katakana words exist,
/// but trying them would cost every description more than they bring.
const MAX_UNITS: usize = 10;

/// Headwords (as their runs spell them: Han folded, Russian stemmed) →
/// English glosses (`; `-separated senses).
#[derive(Debug, Default)]
pub(crate) struct Glossary {
    /// Headword → byte range of its glosses in `glosses`.
    words: FxHashMap<Box<str>, (u32, u32)>,
    /// The unpacked file: glosses are read from it in place.
    glosses: String,
    /// Units of the longest headword (at most `MAX_UNITS`).
    longest: usize,
    /// Fewest units of a word found inside a longer run: a lone Han
    /// character is too ambiguous to gloss (米 is rice, and a metre), a
    /// lone Russian word is a word.
    shortest: usize,
    /// A run of one unit is glossed when it is a headword by itself: a
    /// Korean word of one syllable written apart (쌀, 옷).
    alone: bool,
}

impl Glossary {
    /// Reads `headword<TAB>…<TAB>glosses` rows (the first column is the
    /// headword, the last the glosses) from one file; `key` turns a headword
    /// into the units its runs spell, `None` to skip it.
    fn load(
        file: &'static str,
        bytes: &[u8],
        shortest: usize,
        alone: bool,
        key: impl FnMut(&str) -> Option<(String, usize)>,
    ) -> Result<Glossary, GoodsError> {
        Glossary::load_all(&[(file, bytes)], shortest, alone, key)
    }

    /// As [`Glossary::load`], from several files read in order: a headword
    /// keeps the glosses of the first file that has it.
    fn load_all(
        files: &[(&'static str, &[u8])],
        shortest: usize,
        alone: bool,
        mut key: impl FnMut(&str) -> Option<(String, usize)>,
    ) -> Result<Glossary, GoodsError> {
        let mut text = String::new();
        let mut words = FxHashMap::default();
        let mut longest = 1;
        for &(file, bytes) in files {
            let start = text.len();
            text.push_str(&gunzip(bytes, file)?);
            words.reserve(text[start..].bytes().filter(|&b| b == b'\n').count());
            let mut at = start;
            for (i, line) in text[start..].split_terminator('\n').enumerate() {
                let line_start = at;
                at += line.len() + 1;
                let (Some((head, _)), Some((_, gloss))) =
                    (line.split_once('\t'), line.rsplit_once('\t'))
                else {
                    return Err(GoodsError::data(
                        file,
                        i + 1,
                        "expected headword and glosses",
                    ));
                };
                let Some((k, units)) = key(head) else {
                    continue;
                };
                if units > MAX_UNITS || k.is_empty() {
                    continue;
                }
                longest = longest.max(units);
                let end = line_start + line.len();
                let range = ((end - gloss.len()) as u32, end as u32);
                words.entry(k.into()).or_insert(range);
            }
        }
        Ok(Glossary {
            words,
            glosses: text,
            longest,
            shortest,
            alone,
        })
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.words
            .get(key)
            .and_then(|&(a, b)| self.glosses.get(a as usize..b as usize))
    }

    /// Number of headwords.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// Segments a run by longest match, left to right, and calls
    /// `found(word, glosses, origin)` for every headword found (`origin`:
    /// its offset in the normalised text).
    pub(crate) fn segment(&self, run: &UnitRun, mut found: impl FnMut(&str, &str, usize)) {
        let n = run.len();
        if n == 1 && self.alone && self.shortest > 1 {
            if let Some(g) = self.get(run.units(0, 1)) {
                found(run.units(0, 1), g, run.origin[0]);
            }
            return;
        }
        let mut i = 0;
        while i < n {
            let mut step = 1;
            for len in (self.shortest..=self.longest.min(n - i)).rev() {
                let key = run.units(i, i + len);
                if let Some(g) = self.get(key) {
                    found(key, g, run.origin[i]);
                    step = len;
                    break;
                }
            }
            i += step;
        }
    }
}

/// The four glossaries and the runs each reads.
#[derive(Debug, Default)]
pub(crate) struct Glossaries {
    zh: Glossary,
    ja: Glossary,
    ko: Glossary,
    ru: Glossary,
    /// Katakana brand names → the vocabulary's Latin names (JMnedict).
    names: Glossary,
}

impl Glossaries {
    pub(crate) fn bundled(terms: &Terms) -> Result<Glossaries, GoodsError> {
        let chars = |head: &str| {
            let k: String = head.chars().map(|c| terms.fold_han(c)).collect();
            let n = k.chars().count();
            Some((k, n))
        };
        let mut names = Glossary::load("data/hs/ja_names.tsv.gz", NAMES_GZ, 1, false, |head| {
            Some((head.to_string(), 1))
        })?;
        // Its units are katakana words, not the characters of its keys.
        names.longest = NAME_WORDS;
        Ok(Glossaries {
            names,
            zh: Glossary::load("data/hs/zh_cedict.tsv.gz", CEDICT_GZ, 2, false, chars)?,
            ja: Glossary::load("data/hs/ja_jmdict.tsv.gz", JMDICT_GZ, 2, false, chars)?,
            ko: Glossary::load_all(
                &[
                    ("data/hs/ko_kengdic.tsv.gz", KENGDIC_GZ),
                    ("data/hs/ko_sino.tsv.gz", SINO_KOREAN_GZ),
                ],
                2,
                true,
                chars,
            )?,
            ru: Glossary::load("data/hs/ru_enru.tsv.gz", ENRU_GZ, 1, false, |head| {
                let k = terms.cyrillic_key(head);
                let n = k.split(' ').count();
                Some((k, n))
            })?,
        })
    }

    /// Headwords of each glossary: Chinese, Japanese, Korean, Russian.
    pub(crate) fn sizes(&self) -> [usize; 4] {
        [self.zh.len(), self.ja.len(), self.ko.len(), self.ru.len()]
    }

    /// Calls `found(word, glosses, origin)` for every headword of every
    /// glossary found in `norm` (a normalised description).
    pub(crate) fn each(
        &self,
        terms: &Terms,
        norm: &str,
        mut found: impl FnMut(&str, &str, usize, bool),
    ) {
        let scripts = terms.scripts(norm);
        RUN.with(|run| {
            let run = &mut run.borrow_mut();
            if scripts.han {
                terms.each_char_run(norm, RunKind::Han, run, |r| {
                    self.zh.segment(r, |w, g, o| found(w, g, o, false))
                });
            }
            // Kana tell Japanese from Chinese; Han characters alone do not,
            // and JMdict's senses of Chinese words mislead (on the blind
            // set's dev part JMdict on every text won Japanese lines written
            // without kana and lost as many Chinese ones on the other part).
            if scripts.kana {
                terms.each_char_run(norm, RunKind::HanKana, run, |r| {
                    self.ja.segment(r, |w, g, o| found(w, g, o, false))
                });
            }
            if scripts.hangul {
                terms.each_char_run(norm, RunKind::Hangul, run, |r| {
                    self.ko.segment(r, |w, g, o| found(w, g, o, false))
                });
            }
            if scripts.cyrillic {
                terms.each_cyrillic_run(norm, run, |r| {
                    self.ru.segment(r, |w, g, o| found(w, g, o, true))
                });
            }
        });
    }
}

impl Glossaries {
    /// The Latin names of the katakana brand names in `norm` (a
    /// normalised description), space-separated with a space at each end
    /// ("" for none), and the byte spans of those names in `norm`: the
    /// vocabulary knows brands by their Latin names.
    pub(crate) fn latin_names(&self, terms: &Terms, norm: &str) -> (String, Vec<(usize, usize)>) {
        let mut out = String::new();
        let mut spans = Vec::new();
        if !terms.scripts(norm).kana {
            return (out, spans);
        }
        RUN.with(|run| {
            terms.each_katakana_run(norm, &mut run.borrow_mut(), |r| {
                self.names.segment(r, |key, latin, origin| {
                    for name in latin.split("; ") {
                        out.push(' ');
                        out.push_str(name);
                    }
                    spans.push((origin, span_end(norm, origin, key.chars().count())));
                })
            })
        });
        if !out.is_empty() {
            out.push(' ');
        }
        (out, spans)
    }
}

/// The end of `chars` characters from `start` in `norm`, spaces between
/// them not counted (a name written as two words).
fn span_end(norm: &str, start: usize, chars: usize) -> usize {
    let mut left = chars;
    for (i, c) in norm[start..].char_indices() {
        if left == 0 {
            return start + i;
        }
        if c != ' ' {
            left -= 1;
        }
    }
    norm.len()
}

thread_local! {
    /// The run being segmented, reused across descriptions.
    static RUN: RefCell<UnitRun> = RefCell::new(UnitRun::default());
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;
    use crate::vocab::normalize;
    use crate::zh::han_variants;

    fn glosses(g: &Glossaries, t: &Terms, text: &str) -> Vec<String> {
        let mut got = Vec::new();
        g.each(t, &normalize(text), |w, gl, _, _| {
            got.push(format!("{w}={gl}"))
        });
        got
    }

    #[test]
    fn sino_korean_words_read_from_their_han_characters() {
        let t = Terms::new(han_variants().unwrap());
        let g = Glossaries::bundled(&t).unwrap();
        // 體溫計 (CC-CEDICT 体温计, JMdict 体温計) read 체온계.
        let got = glosses(&g, &t, "귀 적외선 체온계");
        assert!(
            got.iter()
                .any(|x| x.starts_with("체온계=") && x.contains("thermometer")),
            "{got:?}"
        );
        // kengdic's own word comes first: 우유 is "milk" there.
        assert_eq!(g.ko.get("우유"), Some("milk"));
    }

    #[test]
    fn each_language_reaches_english() {
        let t = Terms::new(han_variants().unwrap());
        let g = Glossaries::bundled(&t).unwrap();
        assert!(g.sizes().iter().all(|&n| n > 1_000), "{:?}", g.sizes());
        let zh = glosses(&g, &t, "冷冻胰岛素教科书");
        assert!(zh.iter().any(|x| x == "胰岛素=insulin"), "{zh:?}");
        assert!(zh.iter().any(|x| x == "教科书=textbook"), "{zh:?}");
        let ja = glosses(&g, &t, "歯磨き 120g");
        // The nomenclature says "dentifrices" (33.06).
        assert!(ja.iter().any(|x| x.contains("dentifrice")), "{ja:?}");
        let ko = glosses(&g, &t, "쌀 20kg, 치약");
        assert!(
            ko.iter()
                .any(|x| x.starts_with("쌀=") && x.contains("rice")),
            "{ko:?}"
        );
        assert!(ko.iter().any(|x| x == "치약=toothpaste"), "{ko:?}");
        let ru = glosses(&g, &t, "Зубная паста, 100 мл");
        assert!(ru.iter().any(|x| x.ends_with("=toothpaste")), "{ru:?}");
    }

    #[test]
    fn katakana_brands_get_their_latin_names() {
        let t = Terms::new(han_variants().unwrap());
        let g = Glossaries::bundled(&t).unwrap();
        // A name written as two words is one name; its span covers both.
        let norm = normalize("ドン ペリニヨン 2013 750ml");
        let (names, spans) = g.latin_names(&t, &norm);
        assert_eq!(names, " dom perignon ");
        assert_eq!(spans.len(), 1);
        assert_eq!(norm[spans[0].0..spans[0].1].trim(), "ドン ペリニヨン");
        // A spelling JMdict has as a common word is no brand (diesel).
        assert_eq!(g.latin_names(&t, &normalize("ディーゼル 発電機")).0, "");
        assert_eq!(g.latin_names(&t, &normalize("Dom Perignon")).0, "");
    }

    #[test]
    fn a_lone_character_inside_a_run_is_not_glossed() {
        let t = Terms::new(han_variants().unwrap());
        let g = Glossaries::bundled(&t).unwrap();
        // 米 alone is rice or a metre: only the Korean glossary, whose
        // one-syllable words are written apart, glosses a lone unit.
        assert!(glosses(&g, &t, "米").is_empty());
    }
}
