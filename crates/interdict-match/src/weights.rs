//! Every number the scorer uses, in one place, each with the reason it has
//! the value it has. A compliance officer reviewing a match should be able to
//! read this file alone and know how a score was put together.
//!
//! This module owns constants only; it must not contain logic.

// ---------------------------------------------------------------- thresholds

/// A result whose score reaches this is reported as a match (`"match": true`).
/// Chosen so that two names that agree on every part except one typo, or that
/// differ only in romanisation, are matches, while a different given name or
/// surname is not.
pub const DEFAULT_THRESHOLD: f64 = 0.70;

/// How many results a search returns by default.
pub const DEFAULT_LIMIT: usize = 5;

/// Near misses are shown, not dropped: like yente's `match: false`
/// results, the best candidates up to the limit are returned with their
/// scores and explanations, marked not a match, down to this floor (a
/// reviewer must see "Sinsong Machine Tool" beside a listed "Sinsong
/// Machinery Joint Venture Corporation"). Below it a name shares too little
/// with the query to be worth a reviewer's time.
pub const MIN_RESULT_SCORE: f64 = 0.30;

// ---------------------------------------------------------- name part scores

/// Two name parts spelt identically (after normalisation).
pub const PART_EXACT: f64 = 1.0;

/// Two spellings of the same Korean syllable under different romanisation
/// systems (McCune–Reischauer, Revised Romanisation, common surname forms):
/// "jong" / "chong" / "jeong". Nearly certain, but the spellings differ, so a
/// little below exact.
pub const PART_ROMANISATION_VARIANT: f64 = 0.95;

/// The query was written in another script (Hangul, Han, Cyrillic, ...) and
/// one of its standard transliterations spells the listed part exactly.
pub const PART_TRANSLITERATED: f64 = 0.95;

/// A name written in Arabic or Hebrew script omits short vowels; when the
/// consonants of the transliteration agree with the consonants of the listed
/// part ("mhmd" / "Mohamed") the parts are likely the same.
pub const PART_CONSONANT_SKELETON: f64 = 0.85;

/// Two Latin parts with the same first letter and the same consonants (at
/// least three) once vowels are ignored: Latin spellings of one Arabic,
/// Persian or Urdu name differ mostly in their vowels ("Husayn" / "Hussein").
pub const PART_CONSONANTS_LATIN: f64 = 0.75;

/// The same consonant skeleton up to one edit (abjad scripts only).
pub const PART_CONSONANT_SKELETON_FUZZY: f64 = 0.72;

/// Two parts that sound alike (same phonetic key) and are spelt within the
/// edit budget below: the sound vouches for the spelling difference.
pub const PART_PHONETIC: f64 = 0.80;

/// A country's name and its English adjective in organisations' names
/// ("Iran Electronics Industries" / "Iranian Electronics Industries"):
/// the same country, written as a noun or an adjective.
pub const PART_COUNTRY_ADJECTIVE: f64 = 0.95;

/// A short word that spells the initials of a run of the other name's
/// words ("PLA" / "People's Liberation Army"): organisations are commonly
/// known by such acronyms, but different names can share initials.
pub const PART_ACRONYM: f64 = 0.90;

/// A full English given name and one of its nicknames ("Theodore" / "Ted",
/// "Robert" / "Bob"), from a curated table: people are listed under one and
/// known by the other, but a nickname is shared by several full names.
pub const PART_NICKNAME: f64 = 0.85;

/// An initial ("J") that agrees with the first letter of a full part
/// ("Joachim").
pub const PART_INITIAL: f64 = 0.80;

/// Spelling distance allowed between two parts, by the length of the longer
/// part: none up to 2 letters (a different two-letter syllable is a different
/// name), one edit in 3–5 letters (so one typo in a short Korean syllable
/// such as "yyu" for "yu" is tolerated), two in 6–9, three from 10 letters.
pub const FUZZY_BUDGET: [(usize, u32); 4] = [(2, 0), (5, 1), (9, 2), (usize::MAX, 3)];

/// A doubled letter ("yyu", "joonng") counts as half an edit: repeating a key
/// is the commonest typing slip and rarely turns one name into another.
pub const DOUBLED_LETTER_EDIT: f64 = 0.5;

/// A fuzzy part scores `1 − FUZZY_SLOPE × edits / length of the longer part`.
pub const FUZZY_SLOPE: f64 = 1.5;

/// A part match scoring below this is treated as no match at all.
pub const PART_MIN: f64 = 0.5;

/// When the parts only match once spaces are ignored ("SiemensAG",
/// "JanDaniel"), the spaceless comparison's similarity is multiplied by this.
pub const SPACING_FACTOR: f64 = 0.97;

// ------------------------------------------------------------ part weights

/// A name part's weight before the adjustments below.
pub const WEIGHT_WORD: f64 = 1.0;

/// A legal form ("LLC", "GmbH", "株式会社") says little about which company
/// it is: it weighs a quarter of a word.
pub const WEIGHT_LEGAL_FORM: f64 = 0.25;

/// An initial carries one letter of information.
pub const WEIGHT_INITIAL: f64 = 0.5;

/// Honorifics and titles ("Mr", "Shaikh", "Haji") and name particles
/// ("bin", "al", "van") are often added or dropped by list writers.
pub const WEIGHT_PARTICLE: f64 = 0.3;

// ----------------------------------------------------- combining the parts

/// A part left over on one side while the other side has a part left over
/// too is a conflict: two different names in the same place. Conflicts
/// count with their full weight, once for each side. Parts left over beyond
/// that are extras: a middle name, patronymic or tribal name one side omits,
/// which lists and customers add or drop freely. Extras cost this share of
/// their weight: `score × (1 − EXTRA_PART_PENALTY × extras / (matched + extras))`.
pub const EXTRA_PART_PENALTY: f64 = 0.35;

/// An extra part at either end of its name (the first or last word, where
/// the given name and the family name sit in either order) costs this many
/// times [`EXTRA_PART_PENALTY`]: a missing middle name is common, a missing
/// family name much less so ("Richard Kelley" is not "Richard Kelly Smyth").
pub const EXTRA_END_PART_FACTOR: f64 = 2.0;

/// Korean, Chinese and Japanese names have no optional parts (no middle
/// names): every syllable of the given name counts, so a syllable one side
/// lacks costs its full share. Applies between romanised Korean names and
/// whenever a side is a reading of Hangul, Han or Kana.
pub const EXTRA_PART_PENALTY_SYLLABIC: f64 = 1.0;

/// A pair of parts that matches only with the parts in an order no rotation
/// of the name explains (two given names swapped) brings this share of its
/// similarity. In names with "bin", "ibn", "ben" or "ould", whose order is
/// the lineage, such a pair is a conflict instead.
pub const OUT_OF_ORDER_FACTOR: f64 = 0.5;

/// A word of an organisation's name counts as distinctive when its weight
/// (the lower of its role weight and its frequency weight across the listed
/// organisations, `data/org_word_weights.tsv`) is at least this: it is in
/// no more than about 25 of the ~21,000 listed organisations' names.
pub const DISTINCTIVE_WEIGHT: f64 = 0.80;

/// A pair of distinctive words agrees for [`COMMON_WORDS_ONLY_CAP`] when
/// its similarity reaches this: spelt alike (exact, transliterated, a
/// romanisation variant, an acronym), not merely within a few edits
/// ("Dandong" / "Dae-Dong").
pub const DISTINCTIVE_AGREEMENT: f64 = 0.90;

/// Two organisations are not the same on common words alone: when no pair
/// of distinctive words agrees and one name has words the other lacks
/// ("Korea Development Bank" / "Korea United Development Bank"), the name
/// score is capped here, below the threshold, for review.
pub const COMMON_WORDS_ONLY_CAP: f64 = 0.65;

/// The query's words left over name a country ("Agricultural Bank of
/// China") and the listed organisation is tied to other countries only
/// (the Libyan "Agricultural Bank"): the name describes another country's
/// firm of the same kind, so the score is capped here, below the
/// threshold, for review.
pub const ANOTHER_COUNTRY_CAP: f64 = 0.65;

/// A one-word organisation name (often an alias: "KHK", "ZINC") met by one
/// word of a query that has distinctive words of its own names another
/// party as often as this one: the name score is capped here, below the
/// threshold, for review.
pub const ONE_WORD_OF_MANY_CAP: f64 = 0.60;

/// A person is rarely identified by one name part. When only one part of a
/// multi-part person name matches, the name score is capped here, below the
/// threshold ("Kim" alone is not Kim Jong Un).
pub const SINGLE_PART_CAP: f64 = 0.60;

/// Two Russian (or other East Slavic) names whose patronymics both sides
/// give and which differ are two people (Vladimir Sergeyevich / Vladimir
/// Rudolfovich Solovyov): the score is capped here, below the threshold,
/// for review.
pub const PATRONYMIC_CONFLICT_CAP: f64 = 0.65;

// --------------------------------------------------------------- birth date

/// Birth dates agree to the day.
pub const DOB_AGREES_DAY: f64 = 0.05;
/// Birth dates agree to the month (one side known only to the month).
pub const DOB_AGREES_MONTH: f64 = 0.04;
/// Birth dates agree on the year only (one side known only to the year).
pub const DOB_AGREES_YEAR: f64 = 0.03;
/// Same year but a different month or day.
pub const DOB_CONFLICT_SAME_YEAR: f64 = -0.08;
/// Birth years one apart: lists often carry approximate years.
pub const DOB_CONFLICT_ONE_YEAR: f64 = -0.10;
/// Birth years two or more apart: strong evidence of a different person.
pub const DOB_CONFLICT: f64 = -0.20;
/// Birth years a generation apart (at least [`DOB_GENERATION_YEARS`]): a
/// namesake of another generation, not a slip in an approximate year.
pub const DOB_CONFLICT_GENERATION: f64 = -0.30;
/// Birth years this far apart or more are of another generation.
pub const DOB_GENERATION_YEARS: u16 = 15;

// -------------------------------------------------------------- nationality

/// A query country (nationality, citizenship or country) that the listing
/// also gives.
pub const NATIONALITY_AGREES: f64 = 0.03;
/// Query and listing both give countries, and none agree. Mild: people hold
/// several nationalities and lists record them unevenly.
pub const NATIONALITY_CONFLICT: f64 = -0.05;

// -------------------------------------------------------------- identifiers

/// An identifier equal on both sides (IMO, MMSI, SWIFT/BIC, passport, ID or
/// registration number) lifts the score to at least this, whatever the name.
pub const IDENTIFIER_MATCH_FLOOR: f64 = 0.95;
/// Both sides give an IMO number, MMSI or SWIFT/BIC, each unique to one
/// vessel or bank, and they differ.
pub const IDENTIFIER_CONFLICT: f64 = -0.30;
/// Identifiers shorter than this are too weak to trust ("1", "A5").
pub const IDENTIFIER_MIN_LEN: usize = 4;

// ------------------------------------------------------ structured names

/// Both sides give the given and the family name apart, and they are
/// swapped ("Friedrich Hans" / "Hans Friedrich" with firstName and lastName
/// saying which is which): the parts agree as words but name another
/// person, so the score falls below the threshold.
pub const GIVEN_FAMILY_SWAPPED: f64 = -0.35;

// -------------------------------------------------------------- numbers

/// Both names carry numbers and they differ: "Ocean Star 2" is a different
/// vessel from "Ocean Star 1".
pub const NUMBERS_CONFLICT: f64 = -0.40;
/// Only one of the names carries a number ("Pyongyang Trading II" /
/// "Pyongyang Trading"): a number is usually what tells a series apart, so
/// otherwise identical names land just below the threshold, for review.
pub const NUMBERS_ONE_SIDED: f64 = -0.31;

// ---------------------------------------------------------- candidate index

/// How many listed names (each a Latin reading of one name of one entity)
/// are fully scored per query, at most one per entity (the names of an
/// entity that is shown are all scored after). Measured as for
/// [`MAX_POSTINGS`]: 16 finds as much as 24 (0.999 / 0.994 at 300 postings)
/// at about 25% less search time; 10 loses recall (0.994 / 0.990). Counted
/// per name rather than per entity, a party whose aliases all carry a
/// frequent given name took several slots (blind holdout recall@1 0.776
/// per name, 0.788 per entity; 6 % more instructions per search).
pub const CANDIDATE_NAMES: usize = 16;
/// Names whose candidate-generation weight is below this share of the best
/// one are not scored: they share only weak keys with the query.
pub const CANDIDATE_MIN_SHARE: f32 = 0.25;

/// A listed name whose keys met only some of the query's parts keeps
/// `1 − CANDIDATE_COORDINATION × (share of parts missed)` of its key
/// weight in the candidate ranking (Lucene's coordination factor): with
/// half the parts met, 80 %.
pub const CANDIDATE_COORDINATION: f32 = 0.4;
/// Key lists longer than this (very common parts and their fuzzy keys, about
/// 1% of the ~90,000 bundled name forms) are used in candidate generation
/// only when no rarer key finds anything. Walking them costs time while their
/// low IDF adds almost nothing to the ranking. Measured with the UN positives
/// searched against every bundled list (recall@10, untreated / treated):
/// 1.000 / 0.997 at 800, 0.999 / 0.994 at 300, for no measurable speed gain.
pub const MAX_POSTINGS: usize = 800;
/// Relative weight of each kind of key in candidate generation.
/// Key: the name part as normalised.
pub const KEY_EXACT: f32 = 1.0;
/// Key: a romanisation-independent key of a Korean syllable sequence.
pub const KEY_KOREAN: f32 = 0.9;
/// Key: a Mandarin syllable sequence the part spells (pinyin or Wade–Giles).
pub const KEY_CHINESE: f32 = 0.9;
/// Key: the initials of a run of words, met by a query part spelt that way.
pub const KEY_ACRONYM: f32 = 0.8;
/// Key: two adjacent parts written together ("jan daniel" → "jandaniel").
pub const KEY_PAIR: f32 = 0.9;
/// Key: the consonant skeleton (short vowels ignored).
pub const KEY_SKELETON: f32 = 0.6;
/// Key: the phonetic key (sounds alike).
pub const KEY_PHONETIC: f32 = 0.5;
/// Key: the part with one letter deleted (one-typo neighbourhood).
pub const KEY_DELETION: f32 = 0.6;
