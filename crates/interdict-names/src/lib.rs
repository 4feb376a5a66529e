//! Name analysis for interdict: everything that turns a raw name string into
//! comparable pieces, and nothing that knows about lists, indexes or scores.
//!
//! Owns Unicode normalisation ([`normalize`]), script detection
//! ([`dominant_script`]), tokenising ([`tokenize`]), every Latin reading of a
//! name across scripts ([`latin_forms`]: Hangul in McCune–Reischauer and
//! Revised Romanisation, Hanja as Sino-Korean, Han as pinyin, Kana as
//! Hepburn, Cyrillic under BGN/PCGN, ICAO 9303, ISO 9 and the Russian
//! transcription of Korean), Korean romanisation-variant keys
//! ([`korean_keys`]), Mandarin pinyin / Wade–Giles keys ([`chinese_keys`]),
//! Korean, Chinese and Japanese organisation names with their generic words
//! translated ([`cjk_org_forms`]) and Russian ones likewise
//! ([`cyrillic_org_forms`]), Russian names in German, Polish, French,
//! Czech, Hungarian, Romanian, Baltic, Łacinka and Ukrainian
//! transliterations read back to
//! BGN/PCGN (in [`latin_forms`]), simplified Chinese read through its
//! traditional forms (Unihan kTraditionalVariant),
//! Japanese readings of kanji checked against a Latin name
//! ([`japanese_reading_like`]), katakana of Korean names read to Hangul
//! and of Russian and Western names read back to Latin (in
//! [`latin_forms`], and checked against a Latin name by
//! [`katakana_reading_like`]), Chinese and Hangul transcriptions of
//! foreign names read back likewise ([`foreign_han_reading_like`],
//! [`hangul_foreign_reading_like`]), English nicknames ([`given_name`]),
//! organisation legal-form symbols ([`org_type`]), business abbreviations
//! ([`expand_abbreviations`]), low-weight words ([`token_weight`]), numbers
//! in names ([`numbers`], [`number_words_as_digits`]), phonetic keys
//! ([`phonetic_key`]) and person name-part tags ([`tag_person_parts`]). It
//! must not depend on `interdict-lists` nor score candidates: that is
//! `interdict-match`'s job.
//!
//! ```
//! use interdict_names::{latin_forms, are_romanisation_variants, tokenize};
//! let forms: Vec<String> = latin_forms("김정은").into_iter().map(|f| f.text).collect();
//! assert!(forms.contains(&"kim jong un".to_string()));
//! assert!(are_romanisation_variants("chong", "jeong"));
//! assert_eq!(tokenize("kim jongun"), vec!["kim", "jong", "un"]);
//! ```

#![warn(missing_docs)]

mod abbreviations;
mod cantonese;
mod chinese;
mod cjk_org;
mod cyrillic;
mod cyrillic_org;
mod foreign_han;
mod forms;
mod guesses;
mod hangul;
mod hangul_foreign;
mod hanja;
mod japanese;
mod kana;
mod katakana;
mod keys;
mod nicknames;
mod normalize;
mod numbers;
mod org;
mod parts;
mod phonetic;
mod slavic;
mod surnames;
mod tokenize;

pub use abbreviations::expand_abbreviations;
pub use cantonese::cantonese_reading_like;
pub use chinese::{are_chinese_variants, chinese_keys};
pub use cjk_org::cjk_org_forms;
pub use cyrillic_org::cyrillic_org_forms;
pub use foreign_han::foreign_han_reading_like;
pub use forms::{latin_forms, LatinForm, Transliteration};
pub use hangul::{romanize_mr, romanize_rr, segment_korean_name};
pub use hangul_foreign::hangul_foreign_reading_like;
pub use hanja::han_canonical;
pub use japanese::{japanese_reading_like, japanese_word_readings};
pub use katakana::katakana_reading_like;
pub use keys::{are_romanisation_variants, korean_keys, korean_keys_into, KoreanKey};
pub use nicknames::{given_name, GivenName};
pub use normalize::{dominant_script, normalize, NameScript};
pub use numbers::{number_words_as_digits, numbers};
pub use org::{org_suffix, org_type, token_weight};
pub use parts::{is_patronymic, tag_person_parts, PartTag};
pub use phonetic::phonetic_key;
pub use surnames::is_korean_surname;
pub use tokenize::tokenize;
