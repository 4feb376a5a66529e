//! Katakana names of Koreans and of Russians and other Westerners, read
//! back to the names they transcribe.
//!
//! Hepburn ([`crate::kana`]) spells what the kana say ("プーチン" →
//! "puuchin"); a listed name is the original ("Putin"). This module reads
//! the kana the other way, by reversing the tables that the kana were
//! written from:
//!
//! - **Korean names** (キム・ジョンウン → 김정은 → "kim jong un"): the
//!   Korean Ministry of Education's 외래어 표기법 (1986), table 4 (일본어의
//!   가나와 한글 대조표), read from kana to Hangul: each kana's consonant
//!   row gives the Korean initial and its vowel the medial, with the table's
//!   word-initial (plain) values since the syllables of a name are read
//!   apart; small ャュョ make ㅑㅠㅕ, small ァィェォ after ウ/フ make the
//!   w-diphthongs (ウォ 워, ファ 화, フィ 휘). The kana spelling of Korean
//!   finals (the practice of Japanese media, e.g. NHK's 朝鮮語 name
//!   readings) is reversed: ン is ㄴ or ㅇ, ム ㅁ, ル ㄹ, ク ㄱ, プ ㅂ and ッ ㅅ
//!   right after a syllable. Japanese has one e and one o where Korean has
//!   two, so エ-syllables are also read as ㅚ (チェ 최). Read only when the
//!   name is two to four such syllables and starts with a Korean surname.
//! - **Russian and Western names** (ウラジーミル・プーチン → "vladimir
//!   putin"): the Japanese cabinet notice 外来語の表記 (1991, 内閣告示第二号)
//!   and its 留意事項 for proper names, reversed: ヴ and ワ are v; the
//!   vowel the notice adds after a final consonant (ク k, ス s, フ f/v, ム
//!   m, ル r/l; ト, ド t, d) is dropped; ー marks length, not a letter; ッ
//!   marks a short vowel, not a double consonant; チ before i and ジ are
//!   the palatalised ти/ди of Russian as well as ch and zh; リ and ニ may
//!   be the soft ль and нь with no vowel. Japanese has one liquid: ラ行 is
//!   r or l.
//!
//! [`katakana_foreign_readings`] gives the most likely spellings (for
//! finding candidates); [`katakana_reading_like`] checks a kana name
//! against a Latin name it is compared with, letting each kana take any
//! spelling the reversed notice allows. It must not score.

use crate::hangul::{compose, Jamo};

/// One kana syllable (mora) of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mora {
    /// A consonant (Hepburn: "k", "sh", "ch", "ts", "f", "" for none), a
    /// y-glide from small ャュョ (or the w of ウァ-style spellings, as
    /// consonant "w"), and a vowel (b'a', b'i', b'u', b'e', b'o').
    Syl {
        cons: &'static str,
        glide: bool,
        vowel: u8,
    },
    /// ン, the moraic nasal.
    N,
    /// ッ, the geminate mark.
    Sokuon,
    /// ー, the long-vowel mark.
    Long,
}

/// Kanji and hiragana that look like a katakana letter and are typed for
/// it (Unicode confusables.txt): 二 ニ, 口 ロ, 力 カ, 工 エ, 夕 タ, 卜 ト,
/// 八 ハ, 一 ー, へ ヘ. Applied only inside a word that is otherwise kana.
fn katakana_lookalike(c: char) -> char {
    match c {
        '二' => 'ニ',
        '口' => 'ロ',
        '力' => 'カ',
        '工' => 'エ',
        '夕' => 'タ',
        '卜' => 'ト',
        '八' => 'ハ',
        '一' => 'ー',
        // Hiragana ぁ..ゖ sit 0x60 below their katakana.
        '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Consonant and vowel of one full-size katakana (Hepburn row and column).
fn base(c: char) -> Option<(&'static str, u8)> {
    const ROWS: [(&str, [&str; 5]); 16] = [
        ("", ["ア", "イ", "ウ", "エ", "オ"]),
        ("k", ["カ", "キ", "ク", "ケ", "コ"]),
        ("g", ["ガ", "ギ", "グ", "ゲ", "ゴ"]),
        ("s", ["サ", "", "ス", "セ", "ソ"]),
        ("z", ["ザ", "", "ズ", "ゼ", "ゾ"]),
        ("t", ["タ", "", "", "テ", "ト"]),
        ("d", ["ダ", "", "", "デ", "ド"]),
        ("n", ["ナ", "ニ", "ヌ", "ネ", "ノ"]),
        ("h", ["ハ", "ヒ", "", "ヘ", "ホ"]),
        ("b", ["バ", "ビ", "ブ", "ベ", "ボ"]),
        ("p", ["パ", "ピ", "プ", "ペ", "ポ"]),
        ("m", ["マ", "ミ", "ム", "メ", "モ"]),
        ("y", ["ヤ", "", "ユ", "", "ヨ"]),
        ("r", ["ラ", "リ", "ル", "レ", "ロ"]),
        ("w", ["ワ", "ヰ", "", "ヱ", ""]),
        ("v", ["", "", "ヴ", "", ""]),
    ];
    const VOWELS: [u8; 5] = [b'a', b'i', b'u', b'e', b'o'];
    let special = match c {
        'シ' => Some(("sh", b'i')),
        'ジ' | 'ヂ' => Some(("j", b'i')),
        'チ' => Some(("ch", b'i')),
        'ツ' => Some(("ts", b'u')),
        'ヅ' => Some(("z", b'u')),
        'フ' => Some(("f", b'u')),
        'ヲ' => Some(("", b'o')),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    ROWS.iter().find_map(|(cons, cols)| {
        cols.iter()
            .position(|k| *k == s)
            .map(|v| (*cons, VOWELS[v]))
    })
}

/// Splits one katakana word into morae; `None` if it holds anything else.
fn morae(word: &str) -> Option<Vec<Mora>> {
    let mut out: Vec<Mora> = Vec::with_capacity(word.len() / 3);
    for c in word.chars().map(katakana_lookalike) {
        let small_vowel = match c {
            'ァ' => Some(b'a'),
            'ィ' => Some(b'i'),
            'ゥ' => Some(b'u'),
            'ェ' => Some(b'e'),
            'ォ' => Some(b'o'),
            _ => None,
        };
        let small_glide = match c {
            'ャ' => Some(b'a'),
            'ュ' => Some(b'u'),
            'ョ' => Some(b'o'),
            _ => None,
        };
        let m = match (c, out.last_mut()) {
            ('ン', _) => Mora::N,
            ('ッ', _) => Mora::Sokuon,
            ('ー', _) => Mora::Long,
            ('ヮ', _) => Mora::Syl {
                cons: "w",
                glide: false,
                vowel: b'a',
            },
            (_, Some(Mora::Syl { cons, glide, vowel })) if small_glide.is_some() => {
                // キャ kya; シャ, チャ, ジャ have the glide in their consonant.
                *glide = !matches!(*cons, "sh" | "ch" | "j") && *vowel == b'i';
                if cons.is_empty() {
                    *cons = "y";
                    *glide = false;
                }
                *vowel = small_glide.unwrap_or(b'a');
                continue;
            }
            (_, Some(Mora::Syl { cons, vowel, .. })) if small_vowel.is_some() => {
                // ウォ wo, イェ ye; ファ, ティ, シェ keep their consonant.
                if cons.is_empty() {
                    *cons = if *vowel == b'i' { "y" } else { "w" };
                }
                *vowel = small_vowel.unwrap_or(b'a');
                continue;
            }
            _ => {
                let (cons, vowel) = base(c)?;
                Mora::Syl {
                    cons,
                    glide: false,
                    vowel,
                }
            }
        };
        out.push(m);
    }
    (!out.is_empty()).then_some(out)
}

/// The words of a normalised kana name, each as morae; `None` if a word is
/// not katakana.
fn name_morae(norm: &str) -> Option<Vec<Vec<Mora>>> {
    norm.split_whitespace().map(morae).collect()
}

// ---------------------------------------------------------------------------
// Korean names

/// Korean initial (jamo index) of a kana consonant: table 4 read backwards,
/// plain consonants for voiced and voiceless kana alike (Korean writes
/// both with one letter at the start of a syllable).
fn korean_initial(cons: &str) -> Option<u8> {
    Some(match cons {
        "k" | "g" => 0,
        "n" => 2,
        "t" | "d" => 3,
        "r" => 5,
        "m" => 6,
        "b" | "p" | "v" => 7,
        "s" | "sh" => 9,
        "" | "y" | "w" => 11,
        "j" | "z" => 12,
        "ch" | "ts" => 14,
        "h" | "f" => 18,
        _ => return None,
    })
}

/// Korean medials (jamo indices) a kana vowel may stand for, most likely
/// first. `y`: after a y-glide; `w`: after a w-glide (ウォ, ファ, フィ).
fn korean_medials(vowel: u8, y: bool, w: bool) -> &'static [u8] {
    match (vowel, y, w) {
        (b'a', true, _) => &[2],
        (b'u', true, _) => &[17],
        (b'o', true, _) => &[6],
        (b'e', true, _) => &[7],
        (b'a', _, true) => &[9],
        (b'i', _, true) => &[16],
        (b'e', _, true) => &[15, 11],
        (b'o', _, true) => &[14],
        (b'a', ..) => &[0],
        (b'i', ..) => &[20],
        (b'u', ..) => &[13],
        // ㅔ also spells ㅐ for the key matcher ("je"/"jae"); ㅚ does not.
        (b'e', ..) => &[5, 11],
        _ => &[8],
    }
}

/// The Korean final a kana spells right after a syllable, if it can be one.
fn korean_finals(m: Mora) -> Option<&'static [u8]> {
    match m {
        Mora::N => Some(&[4, 21]),
        Mora::Sokuon => Some(&[19]),
        Mora::Syl {
            cons,
            glide: false,
            vowel: b'u',
        } => match cons {
            "m" => Some(&[16]),
            "r" => Some(&[8]),
            "k" => Some(&[1]),
            "p" => Some(&[17]),
            _ => None,
        },
        _ => None,
    }
}

/// One Korean syllable as its alternatives (Hangul), or `None`.
type SyllableChoices = Vec<char>;

/// The Hangul syllables of one katakana word, each with its alternatives.
fn korean_syllables(word: &[Mora]) -> Option<Vec<SyllableChoices>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < word.len() {
        let (cons, glide, vowel) = match word[i] {
            Mora::Syl { cons, glide, vowel } => (cons, glide, vowel),
            // A long mark adds nothing; a lone ン or ッ is no syllable.
            Mora::Long => {
                i += 1;
                continue;
            }
            _ => return None,
        };
        let initial = korean_initial(cons)?;
        let y = glide || cons == "y";
        // フィ, ファ: ㅎ with a w-diphthong, as table 4's ウィ, ウァ.
        let w = cons == "w" || (cons == "f" && vowel != b'u');
        let finals: &[u8] = match word.get(i + 1).and_then(|m| korean_finals(*m)) {
            Some(f) => {
                i += 1;
                f
            }
            None => &[0],
        };
        // ジョ, チョ, ショ: Korean 저, 처, 서 as often as 조, 초, 소; MR
        // writes both "o".
        let medials: &[u8] = if matches!(cons, "sh" | "ch" | "j") && vowel == b'o' {
            &[4]
        } else {
            korean_medials(vowel, y, w)
        };
        let mut choices = SyllableChoices::new();
        for &medial in medials {
            for &fin in finals {
                if let Some(c) = compose(Jamo {
                    initial,
                    medial,
                    fin,
                }) {
                    choices.push(c);
                }
            }
        }
        out.push(choices);
        i += 1;
    }
    Some(out)
}

/// Whether the syllables have the shape of a Korean name: a family name of
/// one or two syllables apart and one to three given-name syllables, at
/// most four in all; or, written as one word, three syllables.
fn korean_shape(words: &[Vec<SyllableChoices>]) -> bool {
    let count: usize = words.iter().map(Vec::len).sum();
    match words {
        [one] => one.len() == 3,
        [family, ..] => (1..=2).contains(&family.len()) && (2..=4).contains(&count),
        [] => false,
    }
}

/// Hangul readings of a katakana name written as a Korean name (family name
/// first, syllables read apart), at most `limit`, words separated by
/// spaces: "キム・ジョンウン" → "김 정은", "김 전은", …. Empty unless the name
/// is two to four syllables whose first is a Korean surname.
pub(crate) fn korean_readings(norm: &str, limit: usize) -> Vec<String> {
    let Some(words) = name_morae(norm) else {
        return Vec::new();
    };
    let Some(words) = words
        .iter()
        .map(|w| korean_syllables(w))
        .collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    if !korean_shape(&words) {
        return Vec::new();
    }
    let mut readings = vec![String::new()];
    for (wi, word) in words.iter().enumerate() {
        for choices in word {
            let mut next = Vec::with_capacity(readings.len() * choices.len());
            for r in &readings {
                for &c in choices {
                    if next.len() < limit {
                        next.push(format!("{r}{c}"));
                    }
                }
            }
            readings = next;
        }
        if wi + 1 < words.len() {
            readings.iter_mut().for_each(|r| r.push(' '));
        }
    }
    readings.retain(|r| {
        let first: String = r.chars().take(1).collect();
        let first_two: String = r.chars().take(2).collect();
        crate::surnames::is_hangul_surname(&first) || crate::surnames::is_hangul_surname(&first_two)
    });
    readings
}

// ---------------------------------------------------------------------------
// Russian and Western names

/// Latin spellings of a kana consonant (the notice reversed), most likely
/// first; the second is the other common reading.
fn consonant_spellings(cons: &str, vowel: u8, glide: bool) -> &'static [&'static str] {
    match cons {
        "" => &[""],
        "k" => &["k", "c", "kh", "ck", "g", "q"],
        "g" => &["g", "gh", "k"],
        "s" => &["s", "z", "ss", "c"],
        "sh" => &["sh", "s", "sch", "ch", "shch", "sz"],
        "z" => &["z", "s", "dz"],
        // ジ is Russian ди, зи and жи alike (Vladimir, Prigozhin).
        "j" if vowel == b'i' && !glide => &["zh", "d", "z", "j", "g", "dzh", "dj"],
        // ジェ is Russian де as well as же (Medvedev).
        "j" if vowel == b'e' => &["zh", "d", "j", "z", "dzh", "g", "dj"],
        "j" => &["zh", "j", "z", "d", "dzh", "g", "dj"],
        "t" => &["t", "d", "th"],
        // チ is Russian ти as well as ч (Putin, Timchenko).
        "ch" if vowel == b'i' && !glide => &["t", "ch", "tch", "tsch", "c", "ts"],
        "ch" => &["ch", "t", "tch", "tsch", "c", "cz", "ts"],
        "ts" => &["ts", "tz", "z", "c"],
        "d" => &["d", "t"],
        "n" => &["n"],
        "h" => &["kh", "h", "ch"],
        // A final フ is the devoiced v of Russian -ov/-ev.
        "f" if vowel == b'u' => &["v", "f", "ph", "ff"],
        "f" => &["f", "v", "ph"],
        "b" => &["b", "v", "w"],
        "p" => &["p", "b"],
        "m" => &["m"],
        "y" => &["y", "i", "j", ""],
        "r" => &["r", "l", "rh"],
        "w" => &["v", "w", "u", "o", ""],
        "v" => &["v", "w", "b"],
        _ => &[""],
    }
}

/// Spellings of a y-glide after a consonant (キャ kya, ジュ zyu).
fn glide_spellings(cons: &str, glide: bool) -> &'static [&'static str] {
    match (cons, glide) {
        (_, true) => &["y", "i", "j"],
        ("sh" | "ch" | "j", false) => &["", "y", "i"],
        _ => &[""],
    }
}

/// Latin spellings of a kana vowel, most likely first; "" where the
/// notice's added vowel is likely dropped.
fn vowel_spellings(
    cons: &str,
    vowel: u8,
    glide: bool,
    before_consonant: bool,
) -> &'static [&'static str] {
    let plain_consonant = !cons.is_empty() && !glide && cons != "y" && cons != "w";
    match vowel {
        // The vowel added after a consonant with none (ク, ス, ム, ル...).
        b'u' if plain_consonant && before_consonant => &["", "u", "oo", "ou", "o"],
        b'u' if plain_consonant => &["u", "", "oo", "ou", "o"],
        b'u' => &["u", "oo", "ou", "o"],
        b'o' if before_consonant && matches!(cons, "t" | "d") => &["", "o"],
        b'o' => &["o", "a", "ou"],
        // Soft ль, нь, and ш/ч/ж before a consonant, written リ, ニ, シ...
        b'i' if before_consonant && matches!(cons, "r" | "n" | "sh" | "ch" | "j") => {
            &["i", "", "y", "e", "ee"]
        }
        b'i' => &["i", "y", "e", "ee", "ie", "ij"],
        b'e' if cons.is_empty() => &["e", "ye", "je", "ie", "a"],
        b'e' => &["e", "ie", "ye", "ae", "a", "ai"],
        _ => &["a", "e", "ah"],
    }
}

/// Whether the mora after `i` starts with a consonant (or the word ends).
fn consonant_follows(word: &[Mora], i: usize) -> bool {
    match word.get(i + 1) {
        None | Some(Mora::Sokuon) | Some(Mora::N) => true,
        Some(Mora::Syl { cons, .. }) => !cons.is_empty(),
        // A long vowel is no added vowel.
        Some(Mora::Long) => false,
    }
}

/// Every Latin spelling of mora `i` of `word`, most likely first.
fn mora_spellings(word: &[Mora], i: usize) -> Vec<String> {
    let mut out = Vec::new();
    match word[i] {
        Mora::N => out.extend(["n", "m", "ng", "nn"].map(String::from)),
        Mora::Sokuon => out.push(String::new()),
        Mora::Long => {
            let prev = match i.checked_sub(1).map(|p| word[p]) {
                Some(Mora::Syl { vowel, .. }) => vowel,
                _ => 0,
            };
            out.push(String::new());
            match prev {
                b'i' => out.extend(["y", "i", "iy", "ie", "e"].map(String::from)),
                b'a' | b'e' | b'o' => out.extend(["r", "h"].map(String::from)),
                b'u' => out.extend(["u", "o"].map(String::from)),
                _ => {}
            }
        }
        Mora::Syl { cons, glide, vowel } => {
            let before = consonant_follows(word, i);
            if initial_v(word, i) {
                out.extend(["v", "w"].map(String::from));
            }
            for c in consonant_spellings(cons, vowel, glide) {
                for g in glide_spellings(cons, glide) {
                    for v in vowel_spellings(cons, vowel, glide, before) {
                        out.push(format!("{c}{g}{v}"));
                    }
                }
            }
        }
    }
    out
}

/// Whether mora `i` is a word-initial ウ before a consonant: the notice
/// writes Russian в there (ウラジーミル Vladimir, ウセヴォロド Vsevolod).
fn initial_v(word: &[Mora], i: usize) -> bool {
    i == 0
        && word[0]
            == Mora::Syl {
                cons: "",
                glide: false,
                vowel: b'u',
            }
        && matches!(word.get(1), Some(Mora::Syl { cons, .. }) if !cons.is_empty())
}

/// Rows whose consonant has two common readings (ラ r/l, バ b/v, チ t/ch,
/// ジ zh/d, ハ kh/h, フ v/f, ワ v/w): the guesses try both (and a final
/// ー both nothing and r).
fn two_readings(cons: &str) -> bool {
    matches!(cons, "r" | "b" | "ch" | "j" | "h" | "f" | "w")
}

/// Most guesses made for one word.
const MAX_GUESSES: usize = 16;

/// The likely Latin spellings of one katakana word: the first spelling of
/// every mora, and the combinations of the two readings of the ambiguous
/// consonants (the first mora varying fastest), at most [`MAX_GUESSES`].
fn word_guesses(word: &[Mora]) -> Vec<String> {
    // Per mora: its one or two likely spellings.
    let options: Vec<Vec<String>> = (0..word.len())
        .map(|i| {
            if initial_v(word, i) {
                return vec!["v".to_string()];
            }
            // A word-final long a, e, o is the English -er, -or (ミラー
            // Miller) as often as a long vowel.
            let final_long = word[i] == Mora::Long
                && i + 1 == word.len()
                && matches!(
                    i.checked_sub(1).map(|p| word[p]),
                    Some(Mora::Syl {
                        vowel: b'a' | b'e' | b'o',
                        ..
                    })
                );
            if final_long {
                return vec![String::new(), "r".to_string()];
            }
            let Mora::Syl { cons, glide, vowel } = word[i] else {
                return vec![mora_spellings(word, i).swap_remove(0)];
            };
            let before = consonant_follows(word, i);
            let g = glide_spellings(cons, glide)[0];
            let v = vowel_spellings(cons, vowel, glide, before)[0];
            // The notice's 留意事項その2 writes a word-final -er, -or, -ar as
            // the long a-row (ミラー Miller, テイラー Taylor), so that
            // syllable is read with e as well.
            let vowels: &[&str] = if vowel == b'a' && final_long_follows(word, i) {
                &["a", "e"]
            } else {
                &[v]
            };
            let cs = consonant_spellings(cons, vowel, glide);
            let n = if two_readings(cons) { 2 } else { 1 };
            cs.iter()
                .take(n)
                .flat_map(|c| vowels.iter().map(move |v| format!("{c}{g}{v}")))
                .collect()
        })
        .collect();
    crate::guesses::combinations(&options, MAX_GUESSES)
}

/// Whether mora `i` is followed by a ー that ends the word.
fn final_long_follows(word: &[Mora], i: usize) -> bool {
    i + 2 == word.len() && word[i + 1] == Mora::Long
}

/// The likely Latin readings of a katakana name of a Russian or Western
/// person or organisation (at most [`MAX_GUESSES`], words separated by
/// spaces): "ウラジーミル・プーチン" → "vrazhimir putin", …, "vladimir
/// puchin", ….
pub(crate) fn foreign_readings(norm: &str) -> Vec<String> {
    let Some(words) = name_morae(norm) else {
        return Vec::new();
    };
    let guesses: Vec<Vec<String>> = words.iter().map(|w| word_guesses(w)).collect();
    crate::guesses::aligned(&guesses)
        .into_iter()
        .filter(|r| !r.trim().is_empty())
        .collect()
}

/// Longest word (in morae) checked against a Latin name.
const MAX_MORAE: usize = 16;

/// Whether the kana `word` can spell `latin` exactly, each mora taking one
/// of its spellings; a Latin letter doubled ("ll", "ss") reads as one.
fn spells(word: &[Mora], latin: &[u8]) -> bool {
    if word.len() > MAX_MORAE || latin.is_empty() {
        return false;
    }
    // The notice writes x as クス.
    let expanded: Vec<u8> = latin
        .iter()
        .flat_map(|&b| if b == b'x' { vec![b'k', b's'] } else { vec![b] })
        .collect();
    let latin = &expanded[..];
    let mut reach = vec![false; latin.len() + 1];
    reach[0] = true;
    for i in 0..word.len() {
        // A doubled consonant ("ll", "nn") is one kana consonant.
        for p in 0..latin.len().saturating_sub(1) {
            if reach[p] && latin[p] == latin[p + 1] && !b"aeiouy".contains(&latin[p]) {
                reach[p + 1] = true;
            }
        }
        let mut next = vec![false; latin.len() + 1];
        let spellings = mora_spellings(word, i);
        for pos in (0..=latin.len()).filter(|&p| reach[p]) {
            for s in &spellings {
                let end = pos + s.len();
                if latin[pos..].starts_with(s.as_bytes()) {
                    next[end] = true;
                    // A doubled letter after the spelling is one letter.
                    if end > 0 && end < latin.len() && latin[end] == latin[end - 1] {
                        next[end + 1] = true;
                    }
                }
            }
        }
        reach = next;
        if !reach.iter().any(|&r| r) {
            return false;
        }
    }
    reach[latin.len()]
}

/// The reading of the katakana name `kana` (normalised, words separated by
/// spaces) that spells the Latin name `latin_parts`, if the kana of at
/// least one word spell listed parts: each kana word is replaced by the
/// listed part (or run of adjacent parts, for kana written without
/// separators) it spells, and by its likely reading otherwise. Every kana
/// word that spells a part must spell a different one.
pub fn katakana_reading_like(kana: &str, latin_parts: &[&str]) -> Option<String> {
    let words = name_morae(kana)?;
    let mut used = vec![false; latin_parts.len()];
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut spelled = 0;
    for w in &words {
        match spelled_run(w, latin_parts, &used) {
            Some((start, len)) => {
                used[start..start + len].iter_mut().for_each(|u| *u = true);
                out.push(latin_parts[start..start + len].join(" "));
                spelled += 1;
            }
            None => out.push(word_guesses(w).swap_remove(0)),
        }
    }
    (spelled > 0).then(|| out.join(" "))
}

/// The first run of unused adjacent parts (one to four) that `word` spells.
fn spelled_run(word: &[Mora], parts: &[&str], used: &[bool]) -> Option<(usize, usize)> {
    for len in 1..=4usize.min(parts.len()) {
        for start in 0..=parts.len() - len {
            if used[start..start + len].iter().any(|&u| u) {
                continue;
            }
            let joined: String = parts[start..start + len].concat();
            if joined.is_ascii() && spells(word, joined.as_bytes()) {
                return Some((start, len));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn korean(s: &str) -> Vec<String> {
        korean_readings(&normalize(s), 16)
    }

    #[test]
    fn korean_names_read_to_hangul() {
        assert!(korean("キム・ジョンウン").contains(&"김 정운".to_string()));
        // No separator, half-width kana.
        assert!(korean("キムジョンウン").contains(&"김정운".to_string()));
        assert!(korean("ｷﾑ ﾖｼﾞｮﾝ").contains(&"김 여정".to_string()));
        assert!(korean("チェ・フィ").contains(&"최 휘".to_string()));
        assert!(korean("ファン・ピョンソ").contains(&"황 병소".to_string()));
        assert!(korean("オ・グクリョル").contains(&"오 국렬".to_string()));
        // ム after a closed syllable is a syllable of its own (리용무).
        assert!(korean("リ・ヨンム").contains(&"리 영무".to_string()));
        assert!(korean("リ・ジェイル").contains(&"리 제일".to_string()));
    }

    #[test]
    fn korean_reading_needs_a_surname_and_few_syllables() {
        assert!(korean("セルゲイ・ラブロフ").is_empty());
        assert!(korean("ウラジーミル").is_empty());
        assert!(korean("スズキ").is_empty());
    }

    #[test]
    fn foreign_guesses() {
        let r = foreign_readings(&normalize("ウラジーミル・プーチン"));
        assert!(r.iter().any(|r| r.ends_with("putin")), "{r:?}");
        let r = foreign_readings(&normalize("セルゲイ・ラブロフ"));
        assert!(r.iter().any(|r| r.contains("lavrov")), "{r:?}");
        let r = foreign_readings(&normalize("アレクセイ・ミラー"));
        assert!(r.iter().any(|r| r.ends_with(" milar")), "{r:?}");
        assert!(r.iter().any(|r| r.ends_with(" miler")), "{r:?}");
    }

    fn like(kana: &str, latin: &str) -> Option<String> {
        let parts: Vec<&str> = latin.split(' ').collect();
        katakana_reading_like(&normalize(kana), &parts)
    }

    #[test]
    fn reversed_notice_spells_listed_names() {
        let cases = [
            (
                "ウラジーミル・プーチン",
                "putin vladimir vladimirovich",
                "vladimir putin",
            ),
            (
                "セルゲイ＝ラヴロフ",
                "lavrov sergei viktorovich",
                "sergei lavrov",
            ),
            (
                "ドミトリー・メドヴェージェフ",
                "medvedev dmitry anatolievich",
                "dmitry medvedev",
            ),
            (
                "ミハイル・ミシュスチン",
                "mishustin mikhail",
                "mikhail mishustin",
            ),
            (
                "ゲンナジー・ジュガーノフ",
                "zyuganov gennady",
                "gennady zyuganov",
            ),
            ("ユーリー・コワリチュク", "kovalchuk yuri", "yuri kovalchuk"),
            (
                "ヴィクトル・ヴェクセリベルク",
                "vekselberg viktor",
                "viktor vekselberg",
            ),
            ("アレクセイ・ミラー", "miller alexey", "alexey miller"),
            ("ワグネル", "wagner", "wagner"),
            ("キムジョンウン", "kim jong un", "kim jong un"),
        ];
        for (kana, listed, want) in cases {
            assert_eq!(like(kana, listed).as_deref(), Some(want), "{kana}");
        }
    }

    #[test]
    fn a_different_name_is_not_spelled() {
        assert_eq!(like("プーチン", "potanin vladimir"), None);
        // The family name is spelled, the given name is only guessed.
        assert_eq!(
            like("キム・ジョンナム", "kim jong un").as_deref(),
            Some("kim zhonnam")
        );
        assert_eq!(like("ヤマダ", "putin"), None);
    }

    #[test]
    fn lookalike_kanji_read_as_katakana() {
        assert!(like("レオニード・カラシ二コフ", "kalashnikov leonid").is_some());
    }
}
