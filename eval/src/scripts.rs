//! Which writing system a name is in, for reporting cross-script results
//! per script. Decided from Unicode blocks: enough for reporting, and the
//! blocks are the standard's own (Unicode 15 block table).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Han,
    Hangul,
    Kana,
    Thai,
    Devanagari,
    Other,
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// The script of one character, `None` for digits, spaces and punctuation.
pub fn of_char(c: char) -> Option<Script> {
    let u = u32::from(c);
    let s = match u {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x591..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x900..=0x97F => Script::Devanagari,
        0xE00..=0xE7F => Script::Thai,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Han,
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    };
    Some(s)
}

/// The script of a name: Kana if it has any kana (Japanese mixes kana and
/// Han), otherwise the script of most of its letters (first seen on ties).
pub fn of_name(name: &str) -> Script {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for s in name.chars().filter_map(of_char) {
        if s == Script::Kana {
            return Script::Kana;
        }
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts
        .iter()
        .fold(None, |best: Option<(Script, usize)>, &(s, n)| match best {
            Some((_, bn)) if bn >= n => best,
            _ => Some((s, n)),
        })
        .map_or(Script::Other, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_scripts_of_the_cross_script_set() {
        assert_eq!(of_name("김정은"), Script::Hangul);
        assert_eq!(of_name("金正恩"), Script::Han);
        assert_eq!(of_name("山田太郎"), Script::Han);
        assert_eq!(of_name("やまだ 太郎"), Script::Kana);
        assert_eq!(of_name("Ким Чен Ын"), Script::Cyrillic);
        assert_eq!(of_name("محمد علي"), Script::Arabic);
        assert_eq!(of_name("משה"), Script::Hebrew);
        assert_eq!(of_name("Νικόλαος"), Script::Greek);
        assert_eq!(of_name("สมชาย"), Script::Thai);
        assert_eq!(of_name("Kim Jong-un 2"), Script::Latin);
        assert_eq!(of_name("Škoda"), Script::Latin);
        assert_eq!(of_name("123"), Script::Other);
    }
}
