//! Japanese Kana → modified Hepburn (long vowels without macrons, as
//! passports write them: とうきょう → toukyou → "tokyo" is *not* attempted;
//! ō is written by doubling the vowel where Kana doubles it).
//!
//! Owns the syllabary tables. Han characters inside a Japanese name are read
//! by their first on'yomi from Unihan ([`crate::hanja`]). It must not guess
//! kun'yomi: there is no offline dictionary of Japanese name readings here.

/// Hepburn of one hiragana (katakana are folded to hiragana first).
fn mono(c: char) -> Option<&'static str> {
    Some(match c {
        'あ' => "a",
        'い' => "i",
        'う' => "u",
        'え' => "e",
        'お' => "o",
        'か' => "ka",
        'き' => "ki",
        'く' => "ku",
        'け' => "ke",
        'こ' => "ko",
        'が' => "ga",
        'ぎ' => "gi",
        'ぐ' => "gu",
        'げ' => "ge",
        'ご' => "go",
        'さ' => "sa",
        'し' => "shi",
        'す' => "su",
        'せ' => "se",
        'そ' => "so",
        'ざ' => "za",
        'じ' => "ji",
        'ず' => "zu",
        'ぜ' => "ze",
        'ぞ' => "zo",
        'た' => "ta",
        'ち' => "chi",
        'つ' => "tsu",
        'て' => "te",
        'と' => "to",
        'だ' => "da",
        'ぢ' => "ji",
        'づ' => "zu",
        'で' => "de",
        'ど' => "do",
        'な' => "na",
        'に' => "ni",
        'ぬ' => "nu",
        'ね' => "ne",
        'の' => "no",
        'は' => "ha",
        'ひ' => "hi",
        'ふ' => "fu",
        'へ' => "he",
        'ほ' => "ho",
        'ば' => "ba",
        'び' => "bi",
        'ぶ' => "bu",
        'べ' => "be",
        'ぼ' => "bo",
        'ぱ' => "pa",
        'ぴ' => "pi",
        'ぷ' => "pu",
        'ぺ' => "pe",
        'ぽ' => "po",
        'ま' => "ma",
        'み' => "mi",
        'む' => "mu",
        'め' => "me",
        'も' => "mo",
        'や' => "ya",
        'ゆ' => "yu",
        'よ' => "yo",
        'ら' => "ra",
        'り' => "ri",
        'る' => "ru",
        'れ' => "re",
        'ろ' => "ro",
        'わ' => "wa",
        'ゐ' => "i",
        'ゑ' => "e",
        'を' => "o",
        'ん' => "n",
        'ゔ' => "vu",
        'ぁ' => "a",
        'ぃ' => "i",
        'ぅ' => "u",
        'ぇ' => "e",
        'ぉ' => "o",
        'ゃ' => "ya",
        'ゅ' => "yu",
        'ょ' => "yo",
        'ゎ' => "wa",
        _ => return None,
    })
}

fn to_hiragana(c: char) -> char {
    // Katakana ァ (U+30A1) .. ヶ (U+30F6) sit 0x60 above their hiragana.
    if ('\u{30A1}'..='\u{30F6}').contains(&c) {
        char::from_u32(c as u32 - 0x60).unwrap_or(c)
    } else {
        c
    }
}

/// Hepburn of a Kana (and Han) string; other characters pass through.
pub(crate) fn to_hepburn(s: &str) -> String {
    let chars: Vec<char> = s.chars().map(to_hiragana).collect();
    let mut out = String::with_capacity(s.len() * 2);
    let mut geminate = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == 'っ' {
            geminate = true;
            i += 1;
            continue;
        }
        if c == 'ー' {
            // The long-vowel mark repeats the previous vowel.
            if let Some(v) = out.chars().last().filter(|v| "aeiou".contains(*v)) {
                out.push(v);
            }
            i += 1;
            continue;
        }
        let Some(mut syl) = mono(c).map(str::to_owned) else {
            if let Some(r) = crate::hanja::readings(c).and_then(|r| r.on().next()) {
                out.push_str(r);
            } else {
                out.push(c);
            }
            geminate = false;
            i += 1;
            continue;
        };
        // Yōon: きゃ → kya, しゃ → sha, ちゃ → cha, じゃ → ja.
        if let Some(small @ ('ゃ' | 'ゅ' | 'ょ')) = next {
            let glide = mono(small).unwrap_or("");
            if let Some(stem) = syl.strip_suffix('i') {
                syl = if stem.ends_with("sh") || stem.ends_with("ch") || stem == "j" {
                    format!("{stem}{}", &glide[1..])
                } else {
                    format!("{stem}{glide}")
                };
                i += 1;
            }
        }
        if geminate {
            // っ doubles the next consonant; before ch Hepburn writes tch.
            if syl.starts_with("ch") {
                out.push('t');
            } else if let Some(f) = syl.chars().next().filter(|f| !"aeiou".contains(*f)) {
                out.push(f);
            }
            geminate = false;
        }
        // ん before a vowel or y is written n' in Hepburn; names drop the mark.
        out.push_str(&syl);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hepburn_table() {
        assert_eq!(to_hepburn("やまだ たろう"), "yamada tarou");
        assert_eq!(to_hepburn("ヤマダ"), "yamada");
        assert_eq!(to_hepburn("しんじ"), "shinji");
        assert_eq!(to_hepburn("きょうこ"), "kyouko");
        assert_eq!(to_hepburn("しょうへい"), "shouhei");
        assert_eq!(to_hepburn("ちゃ"), "cha");
        assert_eq!(to_hepburn("じゅん"), "jun");
        assert_eq!(to_hepburn("はっとり"), "hattori");
        assert_eq!(to_hepburn("まっちゃ"), "matcha");
        assert_eq!(to_hepburn("つ ふ"), "tsu fu");
        assert_eq!(to_hepburn("ラーメン"), "raamen");
    }
}
