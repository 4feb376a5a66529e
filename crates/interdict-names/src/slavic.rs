//! Russian, Belarusian and Ukrainian names written in the Latin
//! transliterations of other languages, read back to the English (BGN/PCGN)
//! spelling the lists use: German Duden ("Jewgeni Prigoschin"), Polish
//! ("Jewgienij Prigożyn"), French ("Sergueï Choïgou"), Czech and Slovak
//! ("Sergej Šojgu"), Hungarian ("Szergej Sojgu"), Romanian ("Evgheni
//! Prigojin"), Belarusian Łacinka ("Alaksandr Łukašenka"), Lithuanian
//! and Latvian (with their nominative endings: "Vladimiras Putinas",
//! "Sergejs Lavrovs") and Ukrainian ("Serhii").
//!
//! Each system is a table of Latin spellings of Cyrillic letters, read in
//! reverse: the spelling → the Cyrillic letter → its BGN/PCGN spelling
//! (Duden: ш sch, ч tsch, щ schtsch, ж sch, в w, й j, ц z, х ch, я ja, ю ju,
//! е je; Polish PN-ISO / Polish Academy practice: ш sz, ч cz, щ szcz, ж ż,
//! в w, х ch, ц c, л ł, ы y, й j; French (Institut national des langues et
//! civilisations orientales usage): у ou, ш ch, ч tch, ж j, г gu before e
//! and i, й ï; Czech and Slovak: ш š, ч č, ж ž, х ch, й j, ы y; Łacinka:
//! ў ŭ, л ł, ш š, ч č, ж ž; Ukrainian national system of 2010: г h, и y,
//! і i, ї i, й i, ий iy, ія ia). A system is tried only when the name shows
//! a mark of it (a letter with a háček, "sch", "sz", "ou" …), so English
//! names are left alone.
//!
//! This module owns the reverse tables; it must not compare names.

/// One reverse rule: a spelling and what BGN/PCGN writes for its letter.
type Rule = (&'static str, &'static str);

/// Letters with diacritics of the Czech, Slovak, Polish, Baltic and
/// Łacinka alphabets, as BGN/PCGN writes the Cyrillic letter they stand for.
const DIACRITICS: [Rule; 22] = [
    ("š", "sh"),
    ("ž", "zh"),
    ("č", "ch"),
    ("ć", "ch"),
    ("ś", "s"),
    ("ź", "z"),
    ("ż", "zh"),
    ("ł", "l"),
    ("ń", "n"),
    ("ě", "e"),
    ("ř", "rzh"),
    ("ů", "u"),
    ("ý", "y"),
    ("ė", "e"),
    ("ū", "u"),
    ("ų", "u"),
    ("į", "i"),
    ("ą", "a"),
    ("ę", "e"),
    ("ŭ", "v"),
    ("ï", "y"),
    ("ë", "yo"),
];

/// German (Duden) spellings, longest first.
const GERMAN: [Rule; 12] = [
    ("schtsch", "shch"),
    ("witsch", "vich"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("ch", "kh"),
    ("ja", "ya"),
    ("ju", "yu"),
    ("je", "ye"),
    ("jo", "yo"),
    ("w", "v"),
    ("z", "ts"),
    ("j", "y"),
];

/// Polish spellings, longest first.
const POLISH: [Rule; 12] = [
    ("szcz", "shch"),
    ("sz", "sh"),
    ("cz", "ch"),
    ("rz", "zh"),
    ("ch", "kh"),
    ("ja", "ya"),
    ("ju", "yu"),
    ("je", "ye"),
    ("w", "v"),
    ("c", "ts"),
    ("j", "y"),
    ("y", "y"),
];

/// French spellings, longest first.
const FRENCH: [Rule; 8] = [
    ("tch", "ch"),
    ("ch", "sh"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("ou", "u"),
    ("ie", "ye"),
    ("j", "zh"),
    ("ï", "y"),
];

/// Czech and Slovak spellings (with the diacritics above), longest first.
const CZECH: [Rule; 5] = [
    ("ch", "kh"),
    ("ja", "ya"),
    ("ju", "yu"),
    ("je", "ye"),
    ("j", "y"),
];

/// Hungarian spellings (the Academy's rules for transcribing Russian, A
/// magyar helyesírás szabályai §218 and its table: ш s, щ scs, ж zs, ч cs,
/// с sz, ц c, х h, й j, я ja, ю ju, е je, ё jo; н, д, т before a soft
/// vowel ny, gy, ty: "Nyikolaj", "Gyenyiszov"), longest first.
const HUNGARIAN: [Rule; 20] = [
    ("scs", "shch"),
    ("sz", "s"),
    ("zs", "zh"),
    ("cs", "ch"),
    ("ny", "n"),
    ("gy", "d"),
    ("ty", "t"),
    ("ja", "ya"),
    ("ju", "yu"),
    ("je", "ye"),
    ("jo", "yo"),
    ("s", "sh"),
    ("c", "ts"),
    ("h", "kh"),
    ("j", "y"),
    ("á", "a"),
    ("í", "i"),
    ("ó", "o"),
    ("ú", "u"),
    ("ö", "yo"),
];

/// Romanian spellings (the Romanian Academy's transcription of Russian in
/// DOOM: ж j, ш ș, щ șci, ч ci / ce, ц ț, х h, г gh before e and i, я ia,
/// ю iu: "Evgheni Prigojin"), longest first.
const ROMANIAN: [Rule; 16] = [
    ("șci", "shch"),
    ("ș", "sh"),
    ("ş", "sh"),
    ("ț", "ts"),
    ("ţ", "ts"),
    ("ghe", "ge"),
    ("ghi", "gi"),
    ("cea", "cha"),
    ("ciu", "chu"),
    ("ce", "che"),
    ("ci", "chi"),
    ("h", "kh"),
    ("j", "zh"),
    ("ia", "ya"),
    ("iu", "yu"),
    ("î", "y"),
];

/// Ukrainian (2010) spellings, longest first.
const UKRAINIAN: [Rule; 4] = [("iia", "iya"), ("ii", "iy"), ("h", "g"), ("yi", "i")];

/// Rewrites a lower-case word with `rules` (and the diacritics table),
/// longest spelling first at each position.
fn rewrite(word: &str, rules: &[Rule]) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    let mut rest = word;
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in rules.iter().chain(DIACRITICS.iter()) {
            if let Some(after) = rest.strip_prefix(from) {
                out.push_str(to);
                rest = after;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Word endings of the Polish "-ie-" after a consonant (Miedwiediew, only
/// when `polish`: other systems write и + е so) and of German and Polish
/// -ow / -ew / -ij / -ej surnames and given names.
fn tidy(word: String, polish: bool) -> String {
    let mut w = word;
    // Polish writes е after a consonant as "ie": "miedviediev" → "medvedev".
    if polish {
        let bytes: Vec<char> = w.chars().collect();
        let mut out = String::with_capacity(w.len());
        for (i, c) in bytes.iter().enumerate() {
            let after_consonant = i > 0 && !"aeiouy".contains(bytes[i - 1]);
            if *c == 'i' && after_consonant && bytes.get(i + 1) == Some(&'e') {
                continue;
            }
            out.push(*c);
        }
        w = out;
    }
    // Russian spelling writes и, never ы, after ж, ш and ч: Polish "ży",
    // "szy", "czy" are жи, ши, чи.
    for (from, to) in [("zhy", "zhi"), ("shy", "shi"), ("chy", "chi")] {
        w = w.replace(from, to);
    }
    for (end, with) in [("ij", "iy"), ("ej", "ey"), ("yj", "iy")] {
        if let Some(stem) = w.strip_suffix(end) {
            w = format!("{stem}{with}");
        }
    }
    w
}

/// Whether a lower-case name shows a mark of a system: its rules say which
/// spellings are marks.
fn marked(name: &str, marks: &[&str]) -> bool {
    marks.iter().any(|m| name.contains(m))
}

/// Lithuanian and Latvian nominative endings taken off every word of a
/// name whose every word has one ("vladimiras putinas" → "vladimir
/// putin"); None when some word has none.
fn without_baltic_endings(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let baltic = |w: &&str| {
        ["as", "is", "ys", "us", "js"]
            .iter()
            .any(|e| w.ends_with(e))
    };
    // Latvian ends every man's name in -s, after a consonant too
    // ("Vladimirs Putins", "Sergejs Lavrovs"); English "-es" (James Jones)
    // is no such ending.
    let latvian = words.iter().all(|w| w.ends_with('s') && !w.ends_with("es"))
        && words.iter().any(|w| {
            ["vs", "js", "rs", "ns", "ls", "ks"]
                .iter()
                .any(|e| w.ends_with(e))
        });
    if words.len() < 2 || !(latvian || words.iter().any(baltic)) {
        return None;
    }
    // The ending follows the letter й, spelt j: "Aleksejus", "Dmitrijs",
    // "Nikolajs" are Aleksey, Dmitriy, Nikolay.
    let stripped: Option<Vec<String>> = words
        .iter()
        .map(|w| {
            ["as", "is", "ys", "us", "s"]
                .iter()
                .find_map(|e| w.strip_suffix(e).filter(|s| s.chars().count() >= 3))
                .map(|stem| match stem.strip_suffix('j') {
                    Some(before) if before.ends_with(['a', 'e', 'i', 'o', 'u']) => {
                        format!("{before}y")
                    }
                    _ => stem.to_string(),
                })
        })
        .collect();
    Some(stripped?.join(" "))
}

/// The BGN/PCGN-like readings of a Latin name written in another system's
/// transliteration of Cyrillic: one per system whose marks the name shows.
/// `lower` is the name in lower case, diacritics kept. Readings equal to
/// the name itself are left out.
pub(crate) fn slavic_readings(lower: &str) -> Vec<String> {
    // A word-final "ej" (й after е spelt j: "Sergej", "Andrej") marks the
    // Czech, Slovak, Serbo-Croatian and Slovene systems alike.
    let systems: [(&[Rule], &[&str]); 7] = [
        (
            &GERMAN,
            &["sch", "witsch", "ow ", "ew ", "jew", "jur", "jaro"],
        ),
        (&POLISH, &["sz", "cz", "rz", "ł", "ż", "ij ", "ń", "ś", "ć"]),
        (&FRENCH, &["ï", "tch", "gue", "gui"]),
        (
            &CZECH,
            &["š", "č", "ž", "ě", "ř", "ė", "ū", "ų", "ŭ", "ej "],
        ),
        (&UKRAINIAN, &["ii ", "ovych", "ivna ", "iia "]),
        (
            &HUNGARIAN,
            // "cs" only before a vowel: English "-ics" is no mark.
            &[
                "sz", "zs", "csa", "cse", "csi", "cso", "csu", "nyi", "nye", "gyi", "gye", "tyi",
                "tye",
            ],
        ),
        (&ROMANIAN, &["ghe", "ghi", "ș", "ş", "ț", "ţ"]),
    ];
    // French accents carry no Cyrillic letter: "Evguéni" is "evgueni".
    let lower: String = lower
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'ô' => 'o',
            'î' => 'i',
            'û' => 'u',
            _ => c,
        })
        .collect();
    let lower = lower.as_str();
    let padded = format!("{lower} ");
    let mut out: Vec<String> = Vec::new();
    for (rules, marks) in systems {
        let polish = rules == POLISH.as_slice();
        if !marked(&padded, marks) {
            continue;
        }
        let french = rules == FRENCH.as_slice();
        let reading: Vec<String> = lower
            .split_whitespace()
            .map(|w| tidy(rewrite(w, rules), polish))
            // French writes a final -ин "-ine" so that its vowel is
            // heard: Poutine, Prigojine.
            .map(|w| match w.strip_suffix("ine") {
                Some(stem) if french && stem.len() >= 3 => format!("{stem}in"),
                _ => w,
            })
            .collect();
        let reading = reading.join(" ");
        if reading != lower && !out.contains(&reading) {
            out.push(reading);
        }
    }
    let baltic: Vec<String> = std::iter::once(lower.to_string())
        .chain(out.iter().cloned())
        .filter_map(|n| without_baltic_endings(&n))
        .collect();
    for b in baltic {
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads(name: &str, want: &str) -> bool {
        slavic_readings(&name.to_lowercase())
            .iter()
            .any(|r| crate::normalize(r) == want)
    }

    #[test]
    fn german_duden() {
        assert!(reads(
            "Sergej Viktorowitsch Lawrow",
            "sergey viktorovich lavrov"
        ));
        assert!(reads("Jewgeni Prigoschin", "yevgeni prigoshin"));
        assert!(reads("Sergej Tschemesow", "sergey chemesov"));
    }

    #[test]
    fn polish() {
        assert!(reads("Jewgienij Prigożyn", "yevgeniy prigozhin"));
        assert!(reads("Dmitrij Miedwiediew", "dmitriy medvedev"));
        assert!(reads("Giennadij Timczenko", "gennadiy timchenko"));
    }

    #[test]
    fn french_czech_belarusian_baltic_ukrainian() {
        assert!(reads("Sergueï Choïgou", "sergey shoygu"));
        assert!(reads("Evguéni Prigojine", "evgeni prigozhin"));
        assert!(reads("Vladimirs Putins", "vladimir putin"));
        assert!(reads("Sergej Šojgu", "sergey shoygu"));
        assert!(reads("Alaksandr Łukašenka", "alaksandr lukashenka"));
        assert!(reads("Vladimiras Putinas", "vladimir putin"));
        assert!(reads("Sergejs Lavrovs", "sergey lavrov"));
        assert!(reads("Aleksejus Puškovas", "aleksey pushkov"));
        assert!(reads("Dmitrijus Medvedevas", "dmitriy medvedev"));
        assert!(reads("Sergej Kirienko", "sergey kirienko"));
        assert!(slavic_readings("james adams").is_empty());
        // Chinese and Korean "Yi" are no Ukrainian marks.
        assert!(slavic_readings("pao yu yi").is_empty());
        assert!(reads("Serhii Aksonov", "sergiy aksonov"));
    }

    #[test]
    fn hungarian_and_romanian() {
        assert!(reads("Szergej Sojgu", "sergey shoygu"));
        assert!(reads("Nyikolaj Patrusev", "nikolay patrushev"));
        assert!(reads("Mihail Misusztyin", "mikhail mishustin"));
        assert!(reads("Evgheni Prigojin", "evgeni prigozhin"));
    }

    #[test]
    fn english_names_are_left_alone() {
        assert!(slavic_readings("john smith").is_empty());
        assert!(slavic_readings("washington").is_empty());
        assert!(slavic_readings("iran electronics industries").is_empty());
    }
}
