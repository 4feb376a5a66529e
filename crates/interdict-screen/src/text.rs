//! Words and phrases of folded text for the rules: addresses, place names,
//! goods descriptions. The fold itself is the workspace's one folder,
//! [`interdict_model::text::fold`], so that a table row and the shipment
//! text it is compared with always fold alike.

pub(crate) use interdict_model::text::fold;

/// A folded phrase split into words, for matching against [`words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase(Vec<String>);

impl Phrase {
    pub fn new(s: &str) -> Phrase {
        Phrase(
            fold(s)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when the phrase occurs as consecutive words of `words`.
    pub fn in_words(&self, words: &[&str]) -> bool {
        let n = self.0.len();
        n > 0
            && n <= words.len()
            && words
                .windows(n)
                .any(|w| w.iter().zip(&self.0).all(|(a, b)| *a == b))
    }
}

impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join(" "))
    }
}

/// The words of an already folded text.
pub fn words(folded: &str) -> Vec<&str> {
    folded.split(' ').filter(|w| !w.is_empty()).collect()
}

/// The folded text with runs of single letters joined, so that dotted
/// abbreviations read as one word: `"hennessy x o"` → `"hennessy xo"`,
/// `"v s o p"` → `"vsop"`.
pub fn join_initials(folded: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for w in words(folded) {
        let single = w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
        if single {
            run.push_str(w);
            continue;
        }
        if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        out.push(w.to_string());
    }
    if !run.is_empty() {
        out.push(run);
    }
    out.join(" ")
}

/// Phrases from a list of terms.
pub fn phrases(terms: &[String]) -> Vec<Phrase> {
    terms
        .iter()
        .map(|t| Phrase::new(t))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_matches_words() {
        assert_eq!(fold("Glinkastraße 5-7, BERLIN"), "glinkastrasse 5 7 berlin");
        // Apostrophes join, as in the tables: "People's" reads "peoples".
        let folded = fold("Embassy of the Democratic People's Republic of Korea");
        let w = words(&folded);
        assert!(Phrase::new("Democratic People’s Republic").in_words(&w));
        assert!(Phrase::new("Democratic Peoples Republic").in_words(&w));
        assert!(!Phrase::new("people").in_words(&w));
        let w = words("embassy of the dprk in dhaka");
        assert!(Phrase::new("DPRK").in_words(&w));
        assert!(Phrase::new("the dprk").in_words(&w));
        assert!(!Phrase::new("dprk x").in_words(&w));
        assert!(!Phrase::new("").in_words(&w));
    }

    #[test]
    fn dotted_initials_join() {
        assert_eq!(
            join_initials(&fold("Hennessy X.O 70cl")),
            "hennessy xo 70cl"
        );
        assert_eq!(join_initials(&fold("V.S.O.P. cognac")), "vsop cognac");
        assert_eq!(join_initials("a b"), "ab");
        assert_eq!(join_initials("lexus lx 600"), "lexus lx 600");
    }
}
