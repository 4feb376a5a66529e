//! Table-driven tests over the declarative corpora in `testdata/`: each row is
//! a case, each file says where its expectations come from.

use interdict_names::{
    are_romanisation_variants, korean_keys, latin_forms, normalize, tag_person_parts, tokenize,
    PartTag, Transliteration,
};

/// Rows of a `testdata/*.csv` file (`#` lines are comments).
fn rows(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .comment(Some(b'#'))
        .flexible(true)
        .from_path(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let out: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_owned).collect())
        .collect();
    assert!(!out.is_empty(), "{path} has no cases");
    out
}

fn forms(name: &str) -> Vec<(String, Transliteration)> {
    latin_forms(name)
        .into_iter()
        .map(|f| (f.text, f.method))
        .collect()
}

mod romanisation {
    use super::*;

    #[test]
    fn hangul_tables_and_names() {
        let mut failures = Vec::new();
        for r in rows("hangul_romanisation.csv") {
            let (hangul, mr, rr) = (&r[0], &r[1], &r[2]);
            let f = forms(hangul);
            let has = |text: &str, m: Transliteration| f.iter().any(|(t, x)| t == text && *x == m);
            // When MR and RR coincide the form is listed once, under MR.
            if !has(mr, Transliteration::HangulMcCuneReischauer) {
                failures.push(format!("{hangul}: MR {mr:?} not in {f:?}"));
            }
            if !(has(rr, Transliteration::HangulRevised)
                || (rr == mr && has(rr, Transliteration::HangulMcCuneReischauer)))
            {
                failures.push(format!("{hangul}: RR {rr:?} not in {f:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn cross_script_forms() {
        let mut failures = Vec::new();
        for r in rows("transliteration.csv") {
            let (name, text, method) = (&r[0], &r[1], &r[2]);
            let f = forms(name);
            if !f
                .iter()
                .any(|(t, m)| t == text && format!("{m:?}") == *method)
            {
                failures.push(format!("{name}: {text:?} by {method} not in {f:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn every_form_is_lower_ascii_words() {
        for name in [
            "김정은",
            "金正恩",
            "Ким Чен Ын",
            "ヤマダ",
            "Ch'ŏng",
            "محمد",
            "  ",
            "",
        ] {
            for (t, _) in forms(name) {
                assert!(
                    !t.is_empty() && t == t.trim() && !t.contains("  "),
                    "{name}: {t:?}"
                );
                assert!(
                    t.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '),
                    "{t:?}"
                );
            }
        }
    }
}

mod variants {
    use super::*;

    #[test]
    fn variant_pairs() {
        let mut failures = Vec::new();
        for r in rows("romanisation_variants.csv") {
            let (a, b) = (normalize(&r[0]), normalize(&r[1]));
            let expected: bool = r[2].parse().expect("true/false");
            for (x, y) in [(&a, &b), (&b, &a)] {
                if are_romanisation_variants(x, y) != expected {
                    failures.push(format!("{x} ~ {y}: expected {expected}"));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn keys_are_empty_for_non_korean() {
        for t in ["london", "smith", "xyz", "2", ""] {
            assert!(korean_keys(t).is_empty(), "{t}");
        }
    }
}

mod tokens {
    use super::*;

    #[test]
    fn tokenize_cases() {
        for r in rows("tokenize.csv") {
            let expected: Vec<&str> = r[1].split(' ').collect();
            assert_eq!(tokenize(&r[0]), expected, "{}", r[0]);
        }
    }

    #[test]
    fn person_parts_from_any_script() {
        // A Hangul name's MR form tags like the list spelling.
        let mr = &latin_forms("김정은")[0].text;
        assert_eq!(
            tag_person_parts(&tokenize(mr)),
            [PartTag::Family, PartTag::Given, PartTag::Given]
        );
    }
}
