//! The names crate normalises names with its own function (it reads every
//! script back into Latin later, and needs apostrophes as syllable marks
//! while it works); everything else folds text with
//! `interdict_model::text::fold`. This checks that the two agree on what
//! both do, so that a name folded by one and a place or address folded by
//! the other never disagree on `ß`, compatibility forms or Latin accents.

use interdict_model::text::fold;
use interdict_names::normalize;

#[test]
fn names_and_text_fold_agree_on_shared_characters() {
    for s in [
        "Glinkastraße 5-7",
        "ＬＸ５７０",
        "Côte d’Ivoire",
        "Ch'ŏngjin",
        "ROLLS-ROYCE Motor Cars",
        "Łódź",
        "Ålesund",
        "Cafe\u{301}",
        "Democratic People's Republic of Korea",
        "김정은",
        "奔驰",
        "Ким Чен Ын",
    ] {
        assert_eq!(normalize(s), fold(s), "{s}");
    }
}

// Where they differ, by design: the text folder spells `ё` as `е` (Russian
// print does; goods vocabulary relies on it), names keep the letter for
// their transliteration tables.
#[test]
fn known_difference_yo() {
    assert_eq!(fold("Пётр"), "петр");
    assert_eq!(normalize("Пётр"), "пётр");
}
