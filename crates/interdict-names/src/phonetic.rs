//! Phonetic keys for candidate generation: Double Metaphone primary codes
//! (the `rphonetic` crate, Apache-2.0). Korean romanisation variants that
//! Metaphone keeps apart (jong/chong) are the job of [`crate::korean_keys`].

use rphonetic::{DoubleMetaphone, Encoder};
use std::sync::OnceLock;

/// The Double Metaphone primary code of a normalised token ("" if the token
/// has no ASCII letters or has letters of another script, which the
/// encoder would cut inside a character): `"schmidt"` and `"smith"` both
/// give `"XMT"`/`"SM0"`.
pub fn phonetic_key(token: &str) -> String {
    static DM: OnceLock<DoubleMetaphone> = OnceLock::new();
    if !token.is_ascii() || !token.bytes().any(|b| b.is_ascii_alphabetic()) {
        return String::new();
    }
    DM.get_or_init(DoubleMetaphone::default).encode(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metaphone_codes() {
        assert_eq!(phonetic_key("smith"), phonetic_key("smyth"));
        assert_eq!(phonetic_key("catherine"), phonetic_key("kathryn"));
        assert_ne!(phonetic_key("kim"), phonetic_key("pak"));
        assert_eq!(phonetic_key("123"), "");
        assert_eq!(phonetic_key(""), "");
        // Latin letters run together with another script ("SC제일은행"):
        // no key, and no panic inside the encoder.
        assert_eq!(phonetic_key("sc제일은행"), "");
        assert_eq!(phonetic_key("czł"), "");
    }
}
