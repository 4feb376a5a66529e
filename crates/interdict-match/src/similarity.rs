//! How alike two name parts are, and why: exact, romanisation variant,
//! transliterated, consonant skeleton, phonetic, initial or fuzzy within an
//! edit budget. Also the bounded edit distance it rests on.
//!
//! This module compares two parts; it must not align whole names.

use crate::analyse::{char_mask, PartKind, Tok};
use crate::weights as w;
use smallvec::SmallVec;
use std::borrow::Cow;

/// How two parts met (the compact, allocation-free form of
/// [`crate::explain::How`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Exact,
    Variant,
    Transliterated,
    Skeleton(u32),
    Phonetic,
    Initial,
    /// Edit distance, a doubled letter counting half.
    Fuzzy(f64),
    /// One side's word spells the initials of a run of the other's words.
    Acronym,
    /// A given name and its English nickname ("Theodore" / "Ted").
    Nickname,
    /// A country's name and its English adjective ("Iran" / "Iranian").
    CountryAdjective,
    /// Two parts written together on one side meet one part on the other,
    /// within this many edits.
    Spacing(f64),
}

impl Kind {
    /// The kind of a pair that met only once two parts were joined.
    pub(crate) fn spacing(joined: Kind) -> Kind {
        match joined {
            Kind::Fuzzy(d) => Kind::Spacing(d),
            _ => Kind::Spacing(0.0),
        }
    }
}

/// The edit budget for parts whose longer one has `len` letters.
pub(crate) fn budget(len: usize) -> u32 {
    w::FUZZY_BUDGET
        .iter()
        .find(|(max, _)| len <= *max)
        .map_or(0, |(_, b)| *b)
}

/// Optimal-string-alignment edit distance in half edits (so a doubled
/// letter, costing [`w::DOUBLED_LETTER_EDIT`], is 1 and any other edit 2),
/// or None when it exceeds `max_half` half edits.
pub(crate) fn edit_distance_halves<T: Copy + PartialEq>(
    a: &[T],
    b: &[T],
    max_half: u32,
) -> Option<u32> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) as u32 > max_half {
        return None;
    }
    if n == 0 || m == 0 {
        let d = 2 * n.max(m) as u32;
        return (d <= max_half).then_some(d);
    }
    // Three rows and the indel costs of `b`'s letters, on the stack for
    // the lengths of name parts: this runs for most pairs of parts compared.
    const INLINE: usize = 32;
    if m < INLINE {
        let mut buf = [0u32; 4 * INLINE];
        distance_rows(a, b, max_half, &mut buf[..4 * (m + 1)])
    } else {
        distance_rows(a, b, max_half, &mut vec![0; 4 * (m + 1)])
    }
}

/// The cost in half edits of removing `s[i]`: less when it repeats its
/// neighbour.
fn indel_cost<T: PartialEq>(s: &[T], i: usize) -> u32 {
    let half_doubled = (w::DOUBLED_LETTER_EDIT * 2.0).round() as u32;
    let repeats = (i > 0 && s[i - 1] == s[i]) || (i + 1 < s.len() && s[i + 1] == s[i]);
    if repeats {
        half_doubled
    } else {
        2
    }
}

/// [`edit_distance_halves`] row by row in `buf` (four rows of
/// `b.len() + 1`), both texts non-empty.
fn distance_rows<T: Copy + PartialEq>(
    a: &[T],
    b: &[T],
    max_half: u32,
    buf: &mut [u32],
) -> Option<u32> {
    let m = b.len();
    let (indel_b, rest) = buf.split_at_mut(m + 1);
    let (mut prev2, rest) = rest.split_at_mut(m + 1);
    let (mut prev, mut cur) = rest.split_at_mut(m + 1);
    for j in 1..=m {
        indel_b[j] = indel_cost(b, j - 1);
        prev[j] = prev[j - 1] + indel_b[j];
    }
    for i in 1..=a.len() {
        let (ai, indel_a) = (a[i - 1], indel_cost(a, i - 1));
        cur[0] = prev[0] + indel_a;
        let mut row_min = cur[0];
        for j in 1..=m {
            let bj = b[j - 1];
            let sub = if ai == bj { 0 } else { 2 };
            let mut v = (prev[j - 1] + sub)
                .min(prev[j] + indel_a)
                .min(cur[j - 1] + indel_b[j]);
            if i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj {
                v = v.min(prev2[j - 2] + 2);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max_half {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= max_half).then_some(d)
}

/// What two whole names are, which decides how their parts may meet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Context {
    /// The query form was transliterated from another script.
    pub translit: bool,
    /// Either name was written in an abjad: consonant skeletons compare too.
    pub abjad: bool,
    /// Both names read as Korean: romanisation variants apply.
    pub korean: bool,
    /// Either form is a machine reading of a syllabic script (Hangul, Han,
    /// Kana, or a Russian transcription of Korean). Such a reading has no
    /// typing slips: its syllables come from a closed table, and one letter
    /// more or less is another syllable ("jin" is not "jian", "yong" is not
    /// "song"), so only exact spellings and romanisation variants count.
    pub syllabic: bool,
    /// Either side is a person: English nicknames apply.
    pub person: bool,
    /// Both names read as Mandarin syllables: pinyin and Wade–Giles
    /// spellings of the same syllables are variants.
    pub chinese: bool,
    /// A side was written in a script that leaves vowels out (an abjad, or
    /// an abugida read by the general transliterator: Thai "สมชาย" →
    /// "smchay"): its vowel groups say nothing of its syllables.
    pub vowelless: bool,
    /// The query is an organisation name read from Korean, Chinese,
    /// Japanese or Russian with its generic words translated: its words
    /// keep the source language's order ("Корейская торговая компания
    /// «Кумсан»" is Korea Trading Company Kumsan, listed as Korea Kumsan
    /// Trading Corporation), so the order of its words tells nothing.
    pub translated_org: bool,
}

/// Similarity of a query part and a listed part, and how they met.
///
/// First the comparisons that settle a pair outright (kinds that only meet
/// their own kind, equal spellings, romanisation variants, initials); then
/// the best of the readings that may each vouch for a likeness (nickname,
/// edit distance, sound, case ending, English stem, consonant skeleton).
pub(crate) fn part_similarity(q: &Tok, l: &Tok, cx: Context) -> Option<(f64, Kind)> {
    if let Some(settled) = settled_outright(q, l, cx) {
        return settled;
    }
    let mut best = Best(None);
    if cx.person && q.given.related(&l.given) {
        best.consider(w::PART_NICKNAME, Kind::Nickname);
    }
    let (qt, lt) = x_as_ks(q, l);
    spelling_readings(q, l, &qt, &lt, cx, &mut best);
    skeleton_readings(q, l, cx, &mut best);
    best.0
}

/// The best reading so far; a reading below [`w::PART_MIN`] does not count.
struct Best(Option<(f64, Kind)>);

impl Best {
    fn consider(&mut self, s: f64, k: Kind) {
        if s >= w::PART_MIN && self.0.is_none_or(|(bs, _)| s > bs) {
            self.0 = Some((s, k));
        }
    }
}

/// `Some(answer)` when the pair is settled without weighing readings:
/// legal forms and numbers meet only their own kind and only when equal,
/// equal spellings are exact, shared particles and romanisation keys are
/// variants, a syllabic reading allows nothing looser, an initial meets
/// the parts it begins.
fn settled_outright(q: &Tok, l: &Tok, cx: Context) -> Option<Option<(f64, Kind)>> {
    use PartKind::*;
    match (q.kind, l.kind) {
        (LegalForm, LegalForm) if cx.translated_org && company_or_corporation(&q.text, &l.text) => {
            return Some(Some((w::PART_ROMANISATION_VARIANT, Kind::Variant)));
        }
        (LegalForm, LegalForm) | (Number, Number) => {
            return Some((q.text == l.text).then_some((w::PART_EXACT, Kind::Exact)));
        }
        (LegalForm | Number, _) | (_, LegalForm | Number) => return Some(None),
        _ => {}
    }
    // Equal texts have equal character sets: the mask test spares most
    // unequal pairs the byte comparison.
    if q.mask == l.mask && q.text == l.text {
        return Some(Some(if cx.translit {
            (w::PART_TRANSLITERATED, Kind::Transliterated)
        } else {
            (w::PART_EXACT, Kind::Exact)
        }));
    }
    let variant = Some(Some((w::PART_ROMANISATION_VARIANT, Kind::Variant)));
    if q.particle.is_some() && q.particle == l.particle {
        return variant;
    }
    if cx.korean && intersects(&q.korean, &l.korean) {
        return variant;
    }
    if cx.chinese && intersects(&q.chinese, &l.chinese) {
        return variant;
    }
    if cx.syllabic {
        return Some(None);
    }
    // A letter alone in an organisation's name is a letter of its
    // acronym ("I&S Holding", "S.A."), not the initial of a word of it.
    if (q.kind == Initial || l.kind == Initial) && cx.person {
        let (short, long) = if q.kind == Initial { (q, l) } else { (l, q) };
        return Some(
            (long.text.as_bytes().first() == short.text.as_bytes().first())
                .then_some((w::PART_INITIAL, Kind::Initial)),
        );
    }
    None
}

/// The two texts to compare by spelling, with their character masks.
/// Latin "x" is "ks" in most transliteration standards (Greek ξ, Cyrillic
/// кс): "Aleksandr" / "Alexander" compare as "aleksandr" / "aleksander".
fn x_as_ks<'t>(q: &'t Tok, l: &'t Tok) -> (Spelling<'t>, Spelling<'t>) {
    let x_bit = char_mask("x");
    if (q.mask | l.mask) & x_bit != 0 && q.text.contains('x') != l.text.contains('x') {
        let (a, b) = (q.text.replace('x', "ks"), l.text.replace('x', "ks"));
        let (ma, mb) = (char_mask(&a), char_mask(&b));
        (Spelling(Cow::Owned(a), ma), Spelling(Cow::Owned(b), mb))
    } else {
        (
            Spelling(Cow::Borrowed(&*q.text), q.mask),
            Spelling(Cow::Borrowed(&*l.text), l.mask),
        )
    }
}

/// A part's text as compared by spelling, and its character mask.
struct Spelling<'t>(Cow<'t, str>, u64);

/// Edit distance in half edits within the budget of the longer text, and
/// that length; `None` beyond the budget.
fn spelling_distance(qt: &Spelling<'_>, lt: &Spelling<'_>) -> Option<(u32, usize)> {
    let (qt, lt, qmask, lmask) = (&qt.0, &lt.0, qt.1, lt.1);
    // Every character one part has and the other lacks costs at least one
    // whole edit: most unrelated pairs stop here, before the edit distance.
    let missing = (qmask & !lmask)
        .count_ones()
        .max((lmask & !qmask).count_ones());
    if missing > budget(qt.len().max(lt.len())) {
        None
    } else if qt.is_ascii() && lt.is_ascii() {
        let (a, b) = (qt.as_bytes(), lt.as_bytes());
        let longer = a.len().max(b.len());
        edit_distance_halves(a, b, 2 * budget(longer)).map(|h| (h, longer))
    } else {
        // Names kept in their own script compare letter by letter.
        let a: SmallVec<[char; 24]> = qt.chars().collect();
        let b: SmallVec<[char; 24]> = lt.chars().collect();
        let longer = a.len().max(b.len());
        edit_distance_halves(&a, &b, 2 * budget(longer)).map(|h| (h, longer))
    }
}

/// Readings of the spellings: edit distance, sounding alike, a Russian
/// case ending, an English stem of a translated generic word.
fn spelling_readings(
    q: &Tok,
    l: &Tok,
    qt: &Spelling<'_>,
    lt: &Spelling<'_>,
    cx: Context,
    best: &mut Best,
) {
    if let Some((halves, longer)) = spelling_distance(qt, lt) {
        let d = f64::from(halves) / 2.0;
        best.consider(1.0 - w::FUZZY_SLOPE * d / longer as f64, Kind::Fuzzy(d));
        if halves == 2 && short_i_spellings(&qt.0, &lt.0) {
            best.consider(w::PART_ROMANISATION_VARIANT, Kind::Variant);
        }
        // Sounding alike vouches for a spelling that is already close, by
        // the measure of the shorter part too (phonetic keys keep only the
        // start of a name: "Ronaldinho" and "Ronaldo" share one).
        let shorter = qt.0.len().min(lt.0.len());
        if !q.phonetic.is_empty()
            && q.phonetic == l.phonetic
            && halves <= 2 * budget(shorter)
            && (cx.vowelless || same_syllable_count(&q.text, &l.text))
        {
            best.consider(w::PART_PHONETIC, Kind::Phonetic);
        }
    }
    if let Some((s, d)) = without_nominative_ending(&qt.0, &lt.0) {
        best.consider(s, Kind::Fuzzy(d));
    }
    // Only for a query read from another script, whose generic words were
    // translated to one English form of several ("은행" → "bank" for a
    // listed "Banking"); between Latin names the forms tell firms apart
    // ("Trust Bank" / "Banking Corporation").
    // A proper noun of a Korean organisation name read with its generic
    // words translated is one romanisation of its syllables; the list may
    // write another (제일 "jeil" / "Cheil", 련봉 "ryonbong" / "Ryongbong").
    if cx.translated_org
        && qt.0.is_ascii()
        && lt.0.is_ascii()
        && qt.0.len().abs_diff(lt.0.len()) <= 3
        && interdict_names::are_romanisation_variants(&qt.0, &lt.0)
    {
        best.consider(w::PART_ROMANISATION_VARIANT, Kind::Variant);
    }
    if !cx.person && country_and_adjective(&qt.0, &lt.0) {
        best.consider(w::PART_COUNTRY_ADJECTIVE, Kind::CountryAdjective);
    }
    if cx.translit && !cx.person && !translit_syllables(cx) {
        if let Some((s, d)) = same_english_stem(&qt.0, &lt.0) {
            best.consider(s, Kind::Fuzzy(d));
        }
    }
}

/// Whether two legal forms are "company" and "corporation": one word in
/// Chinese, Japanese and Korean (公司, 会社, 회사: "company; corporation" in
/// CC-CEDICT and JMdict), which the lists translate either way.
fn company_or_corporation(a: &str, b: &str) -> bool {
    matches!((a, b), ("co", "corp") | ("corp", "co"))
}

/// Whether one part is a country's one-word name in the country table of
/// `interdict-model` and the other its English adjective, formed by the
/// regular suffixes -n, -an, -ian, -ese, -i on the name or on the name
/// without its final vowel or y ("Syria" / "Syrian", "Iran" / "Iranian",
/// "Japan" / "Japanese", "Iraq" / "Iraqi", "Ukraine" / "Ukrainian").
fn country_and_adjective(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    // Most pairs stop at the length and the first three letters.
    if short.len() < 4
        || !(1..=4).contains(&(long.len() - short.len()))
        || short.as_bytes()[..3] != long.as_bytes()[..3]
        || !short.is_ascii()
    {
        return false;
    }
    let trimmed = short
        .strip_suffix(['a', 'e', 'o', 'y'])
        .filter(|s| s.len() >= 3);
    let formed = [Some(short), trimmed].into_iter().flatten().any(|stem| {
        long.strip_prefix(stem)
            .is_some_and(|suffix| ["n", "an", "ian", "ese", "i"].contains(&suffix))
    });
    formed && interdict_model::countries::by_name(short).is_some()
}

/// Whether two parts differ only in how they spell the Cyrillic "й" (short
/// i) after a vowel and before a consonant or the end: "y" under BGN/PCGN,
/// "i" under ICAO 9303 and in English usage, "j" under ISO 9 and in
/// German, Czech, Polish, Serbo-Croatian and Baltic practice ("Sergey" /
/// "Sergei" / "Sergej", "Shoygu" / "Shoigu"). Five letters or more: in a
/// short word the letter is a larger share of the name ("Mai" / "May").
fn short_i_spellings(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() < 5 {
        return false;
    }
    let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) else {
        return false;
    };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let short_i = |c: u8| matches!(c, b'y' | b'i' | b'j');
    short_i(a[i])
        && short_i(b[i])
        && i > 0
        && vowel(a[i - 1])
        && a.get(i + 1).is_none_or(|&c| !vowel(c))
        && a[i + 1..] == b[i + 1..]
}

/// Readings of the consonants: Latin spellings of one Arabic or Persian
/// name, and names written in an abjad.
fn skeleton_readings(q: &Tok, l: &Tok, cx: Context, best: &mut Best) {
    if !cx.abjad
        && q.skeleton.len() >= 3
        && q.skeleton == l.skeleton
        && q.text.as_bytes().first() == l.text.as_bytes().first()
        && same_syllable_count(&q.text, &l.text)
    {
        // Latin spellings of the same name from Arabic or Persian differ in
        // their vowels ("Husayn" / "Hussein", "Nuristani" / "Nooristani").
        best.consider(w::PART_CONSONANTS_LATIN, Kind::Skeleton(0));
    }
    if cx.abjad && !q.skeleton.is_empty() && !l.skeleton.is_empty() {
        let (sa, sb) = (q.skeleton.as_bytes(), l.skeleton.as_bytes());
        if sa == sb {
            best.consider(w::PART_CONSONANT_SKELETON, Kind::Skeleton(0));
        } else if sa.len().max(sb.len()) >= 4 && edit_distance_halves(sa, sb, 2).is_some() {
            best.consider(w::PART_CONSONANT_SKELETON_FUZZY, Kind::Skeleton(1));
        }
    }
}

/// Whether two Latin parts have as many vowel groups (syllables): a sound
/// or consonant key vouches for spellings that differ in their vowels
/// ("Husayn" / "Hussein"), not for a syllable more ("Putin" / "Potanin").
fn same_syllable_count(a: &str, b: &str) -> bool {
    fn syllables(s: &str) -> usize {
        let mut n = 0;
        let mut in_vowel = false;
        for (i, c) in s.bytes().enumerate() {
            let vowel = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u') || (i > 0 && c == b'y');
            n += usize::from(vowel && !in_vowel);
            in_vowel = vowel;
        }
        n
    }
    // A digit typed for a letter ("Ig0r") hides a vowel: no count then.
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_lowercase());
    !(letters(a) && letters(b)) || syllables(a) == syllables(b)
}

fn translit_syllables(cx: Context) -> bool {
    cx.syllabic || cx.korean || cx.chinese
}

/// Words of organisations' names come in several English forms of one
/// stem ("Bank" / "Banking", "Industry" / "Industrial", "Trade" /
/// "Trading", "Revolution" / "Revolutionary", "Islam" / "Islamic"): two
/// words whose stems agree once one of these endings is taken off (leaving
/// four letters or more) differ by two edits.
fn same_english_stem(a: &str, b: &str) -> Option<(f64, f64)> {
    const ENDINGS: [&str; 11] = [
        "ings", "ing", "ies", "ary", "ial", "al", "ic", "es", "s", "y", "e",
    ];
    if a == b || a.len() < 4 || b.len() < 4 || a.as_bytes()[..4] != b.as_bytes()[..4] {
        return None;
    }
    let stem = |w: &'_ str| -> String {
        ENDINGS
            .iter()
            .find_map(|e| w.strip_suffix(e).filter(|s| s.len() >= 4))
            .unwrap_or(w)
            .to_string()
    };
    // Two edits: the forms are related, not the same word.
    (stem(a) == stem(b)).then(|| {
        let longer = a.len().max(b.len());
        (1.0 - w::FUZZY_SLOPE * 2.0 / longer as f64, 2.0)
    })
}

/// Latvian, Lithuanian and Greek names carry a nominative ending that
/// other languages drop ("Sergejs Lavrovs" / "Sergey Lavrov",
/// "Alexandros" / "Alexander"). When exactly one part ends in "s", it is
/// compared again without the ending (-os, -as, -is, -us, -es or -s), and
/// the ending costs one edit.
fn without_nominative_ending(a: &str, b: &str) -> Option<(f64, f64)> {
    let (long, short) = match (a.ends_with('s'), b.ends_with('s')) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    // An ending never changes the first letter; most pairs stop here.
    if short.len() < 4
        || !long.is_ascii()
        || !short.is_ascii()
        || long.as_bytes().first() != short.as_bytes().first()
    {
        return None;
    }
    let longer = long.len();
    let max_half = 2 * budget(longer).saturating_sub(1);
    ["os", "as", "is", "us", "es", "s"]
        .iter()
        .filter_map(|ending| long.strip_suffix(ending))
        .filter(|stem| stem.len() >= 3)
        .filter_map(|stem| edit_distance_halves(stem.as_bytes(), short.as_bytes(), max_half))
        .min()
        .map(|halves| {
            let d = f64::from(halves) / 2.0 + 1.0;
            (1.0 - w::FUZZY_SLOPE * d / longer as f64, d)
        })
}

fn intersects<T: Ord>(a: &[T], b: &[T]) -> bool {
    // Both sorted (interdict-names returns sorted keys).
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::kind_of;

    #[test]
    fn a_country_meets_its_adjective() {
        assert!(country_and_adjective("iran", "iranian"));
        assert!(country_and_adjective("syrian", "syria"));
        assert!(country_and_adjective("ukraine", "ukrainian"));
        assert!(country_and_adjective("iraq", "iraqi"));
        assert!(country_and_adjective("japan", "japanese"));
        // Not a country, or not its adjective.
        assert!(!country_and_adjective("bank", "banking"));
        assert!(!country_and_adjective("iran", "irani5"));
        assert!(!country_and_adjective("india", "indiana"));
    }

    #[test]
    fn short_i_spelt_y_i_or_j_is_one_letter() {
        assert!(short_i_spellings("sergey", "sergei"));
        assert!(short_i_spellings("sergej", "sergey"));
        assert!(short_i_spellings("shoygu", "shoigu"));
        // Before a vowel the letter is a consonant of its own syllable.
        assert!(!short_i_spellings("maria", "marja"));
        // Short words, other letters, two differences: no.
        assert!(!short_i_spellings("mai", "may"));
        assert!(!short_i_spellings("sergeo", "sergei"));
        assert!(!short_i_spellings("shoygi", "shoigu"));
    }

    fn tok(s: &str) -> Tok {
        Tok::new(s, kind_of(s))
    }

    fn korean() -> Context {
        Context {
            korean: true,
            ..Context::default()
        }
    }

    fn sim(a: &str, b: &str) -> Option<(f64, Kind)> {
        part_similarity(&tok(a), &tok(b), korean())
    }

    #[test]
    fn a_translated_company_is_a_corporation_too() {
        let cx = Context {
            translit: true,
            translated_org: true,
            ..Context::default()
        };
        let (co, corp) = (
            Tok::new("co", PartKind::LegalForm),
            Tok::new("corp", PartKind::LegalForm),
        );
        assert_eq!(
            part_similarity(&corp, &co, cx).map(|x| x.1),
            Some(Kind::Variant)
        );
        // Between Latin names the two stay apart.
        assert!(part_similarity(&corp, &co, Context::default()).is_none());
    }

    #[test]
    fn translated_korean_org_names_meet_other_romanisations() {
        let cx = Context {
            translit: true,
            translated_org: true,
            ..Context::default()
        };
        let r = part_similarity(&tok("jeil"), &tok("cheil"), cx);
        assert_eq!(r.map(|x| x.1), Some(Kind::Variant));
        // Not between Latin names, nor between unrelated syllables.
        assert!(part_similarity(&tok("jeil"), &tok("cheil"), Context::default()).is_none());
        assert!(part_similarity(&tok("jeil"), &tok("chang"), cx).is_none());
    }

    #[test]
    fn edit_distance_counts_doubled_letters_half() {
        assert_eq!(edit_distance_halves(b"yyu", b"yu", 2), Some(1));
        assert_eq!(edit_distance_halves(b"joonng", b"jong", 4), Some(2));
        assert_eq!(edit_distance_halves(b"scholz", b"schulze", 4), Some(4));
        assert_eq!(edit_distance_halves(b"abcd", b"badc", 4), Some(4));
        assert_eq!(edit_distance_halves(b"kim", b"pak", 2), None);
    }

    #[test]
    fn budget_grows_with_length() {
        assert_eq!(budget(2), 0);
        assert_eq!(budget(3), 1);
        assert_eq!(budget(8), 2);
        assert_eq!(budget(12), 3);
    }

    #[test]
    fn exact_and_transliterated() {
        assert_eq!(sim("kim", "kim"), Some((1.0, Kind::Exact)));
        let t = part_similarity(
            &tok("kim"),
            &tok("kim"),
            Context {
                translit: true,
                ..korean()
            },
        );
        assert_eq!(t.map(|x| x.1), Some(Kind::Transliterated));
    }

    #[test]
    fn fuzzy_within_budget_only() {
        let (s, k) = sim("yyu", "yu").expect("one doubled letter");
        assert_eq!(k, Kind::Fuzzy(0.5));
        assert!(s >= 0.75);
        assert!(sim("scholz", "schulze").is_some());
        assert!(sim("un", "il").is_none());
        assert!(sim("octavian", "olaf").is_none());
    }

    #[test]
    fn initials_agree_on_the_first_letter() {
        let person = Context {
            person: true,
            ..korean()
        };
        let sim = |a: &str, b: &str| part_similarity(&tok(a), &tok(b), person);
        assert_eq!(sim("j", "joachim").map(|x| x.1), Some(Kind::Initial));
        assert_eq!(sim("o", "joachim"), None);
        // In an organisation's name a letter is a letter of an acronym.
        assert_eq!(part_similarity(&tok("s"), &tok("sibur"), korean()), None);
    }

    #[test]
    fn numbers_and_legal_forms_only_match_exactly() {
        assert!(sim("2", "1").is_none());
        assert!(sim("2", "2").is_some());
        let llc = Tok::new("llc", PartKind::LegalForm);
        assert!(part_similarity(&llc, &tok("llc"), korean()).is_none());
    }

    #[test]
    fn consonant_skeletons_for_abjad_names() {
        let r = part_similarity(
            &tok("mhmd"),
            &tok("mohamed"),
            Context {
                translit: true,
                abjad: true,
                ..korean()
            },
        );
        assert_eq!(r, Some((w::PART_CONSONANT_SKELETON, Kind::Skeleton(0))));
        // Latin spellings: same consonants and first letter, weaker evidence.
        let r = part_similarity(&tok("husayn"), &tok("hussein"), korean());
        assert_eq!(r, Some((w::PART_CONSONANTS_LATIN, Kind::Skeleton(0))));
        assert!(part_similarity(&tok("olga"), &tok("oleg"), korean()).is_none());
    }

    #[test]
    fn machine_readings_of_syllables_take_no_fuzz() {
        let cx = Context {
            translit: true,
            syllabic: true,
            ..Context::default()
        };
        assert!(part_similarity(&tok("jian"), &tok("jin"), cx).is_none());
        assert!(part_similarity(&tok("jin"), &tok("jin"), cx).is_some());
        // Romanisation variants still count between Korean names.
        let cx = Context { korean: true, ..cx };
        assert_eq!(
            part_similarity(&tok("jong"), &tok("chong"), cx).map(|x| x.1),
            Some(Kind::Variant)
        );
    }

    #[test]
    fn nominative_endings_cost_one_edit() {
        assert!(sim("lavrovs", "lavrov").is_some_and(|x| x.0 >= 0.75));
        assert!(sim("alexandros", "alexander").is_some_and(|x| x.0 >= 0.7));
        // Too short to tell an ending from the name.
        assert!(without_nominative_ending("kos", "ko").is_none());
        assert!(without_nominative_ending("lavrovs", "lavrovs").is_none());
    }

    #[test]
    fn pinyin_and_wade_giles_between_chinese_names() {
        let cx = Context {
            chinese: true,
            ..Context::default()
        };
        let xi = Tok::new("xi", PartKind::Word);
        let r = part_similarity(&tok("hsi"), &xi, cx);
        assert_eq!(r.map(|x| x.1), Some(Kind::Variant));
        let r = part_similarity(&tok("hsi"), &xi, Context::default());
        assert_ne!(r.map(|x| x.1), Some(Kind::Variant));
    }

    #[test]
    fn nicknames_for_people_only() {
        let person = Context {
            person: true,
            ..Context::default()
        };
        let r = part_similarity(&tok("ted"), &tok("theodore"), person);
        assert_eq!(r, Some((w::PART_NICKNAME, Kind::Nickname)));
        assert!(part_similarity(&tok("ted"), &tok("theodore"), Context::default()).is_none());
    }

    #[test]
    fn x_is_ks() {
        let (s, k) = sim("aleksandr", "alexander").expect("x = ks");
        assert_eq!(k, Kind::Fuzzy(1.0));
        assert!(s > 0.8);
    }

    #[test]
    fn english_forms_of_one_stem() {
        assert!(same_english_stem("bank", "banking").is_some());
        assert!(same_english_stem("industry", "industrial").is_some());
        assert!(same_english_stem("trade", "trading").is_some());
        assert!(same_english_stem("revolution", "revolutionary").is_some());
        assert!(same_english_stem("islam", "islamic").is_some());
        assert!(same_english_stem("machine", "machinery").is_none());
        assert!(same_english_stem("bank", "bank").is_none());
    }

    #[test]
    fn a_key_does_not_vouch_for_a_syllable_more() {
        assert!(sim("putin", "potanin").is_none());
        assert!(same_syllable_count("husayn", "hussein"));
        assert!(!same_syllable_count("putin", "potanin"));
    }

    #[test]
    fn sounding_alike_needs_a_close_spelling() {
        assert_eq!(sim("kelley", "kelly").map(|x| x.1), Some(Kind::Phonetic));
        assert_ne!(
            sim("ronaldinho", "ronaldo").map(|x| x.1),
            Some(Kind::Phonetic)
        );
    }

    #[test]
    fn particle_spellings_are_variants() {
        assert_eq!(sim("el", "al").map(|x| x.1), Some(Kind::Variant));
        assert_eq!(sim("ibn", "bin").map(|x| x.1), Some(Kind::Variant));
        assert!(sim("al", "bin").is_none());
    }
}
