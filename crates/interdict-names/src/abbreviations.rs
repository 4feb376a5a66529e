//! Abbreviated words of organisation names ("Int'l", "Mfg", "Bros"), so that
//! "First Bank Int'l" and "First International Bank" share their words.
//!
//! Owns the table, which holds common English business abbreviations as
//! written in registers and sanctions lists (ours; not exhaustive). Legal
//! forms ("Corp", "Ltd") are not here: [`crate::org_type`] owns them. Must
//! not be applied to people's names.

/// Abbreviation (normalised: lower case, no punctuation) → full word.
const ABBREVIATIONS: [(&str, &str); 26] = [
    ("intl", "international"),
    ("int", "international"),
    ("natl", "national"),
    ("mfg", "manufacturing"),
    ("mfrs", "manufacturers"),
    ("dept", "department"),
    ("assn", "association"),
    ("assoc", "association"),
    ("bros", "brothers"),
    ("ctr", "center"),
    ("svcs", "services"),
    ("svc", "service"),
    ("univ", "university"),
    ("inst", "institute"),
    ("govt", "government"),
    ("hldgs", "holdings"),
    ("hldg", "holding"),
    ("grp", "group"),
    ("inds", "industries"),
    ("mgmt", "management"),
    ("engg", "engineering"),
    ("tech", "technology"),
    ("trdg", "trading"),
    ("shpg", "shipping"),
    ("jv", "joint venture"),
    // "Bank St Petersburg", "St Kitts": in a name, not an address, St is Saint.
    ("st", "saint"),
];

/// The tokens with abbreviations written out (one word may become several:
/// "JV" is "joint venture").
pub fn expand_abbreviations(tokens: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tokens.len() + 1);
    for t in tokens {
        match ABBREVIATIONS.iter().find(|(short, _)| short == t) {
            Some((_, long)) => out.extend(long.split(' ').map(str::to_string)),
            None => out.push(t.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_abbreviations() {
        let t = |s: &str| expand_abbreviations(&crate::tokenize(&crate::normalize(s)));
        assert_eq!(t("First Bank Int'l"), ["first", "bank", "international"]);
        assert_eq!(t("Acme Mfg"), ["acme", "manufacturing"]);
        assert_eq!(t("Ocean Trdg"), ["ocean", "trading"]);
        assert_eq!(t("Korea Trading"), ["korea", "trading"]);
        assert_eq!(t("First Oil JV"), ["first", "oil", "joint", "venture"]);
        assert_eq!(t("Bank St. Petersburg"), ["bank", "saint", "petersburg"]);
    }
}
