//! Interned name parts: every distinct part of every listed name is analysed
//! once (Korean keys, phonetic key, skeleton, weight) and referred to by a
//! `u32`. A query part already seen in the lists reuses that analysis.
//!
//! This module stores parts; it must not compare them.

use crate::analyse::{PartKind, Tok};
use rustc_hash::FxHashMap;

#[derive(Debug, Default)]
pub(crate) struct Vocab {
    pub toks: Vec<Tok>,
    words: FxHashMap<Box<str>, u32>,
    legal: FxHashMap<Box<str>, u32>,
}

impl Vocab {
    fn map(&self, kind: PartKind) -> &FxHashMap<Box<str>, u32> {
        if kind == PartKind::LegalForm {
            &self.legal
        } else {
            &self.words
        }
    }

    /// The id of a part, analysing and storing it if new.
    pub(crate) fn intern(&mut self, text: &str, kind: PartKind) -> u32 {
        if let Some(&id) = self.map(kind).get(text) {
            return id;
        }
        let id = u32::try_from(self.toks.len()).unwrap_or(u32::MAX);
        self.toks.push(Tok::new(text, kind));
        let map = if kind == PartKind::LegalForm {
            &mut self.legal
        } else {
            &mut self.words
        };
        map.insert(text.into(), id);
        id
    }

    /// The id of a known part.
    pub(crate) fn find(&self, text: &str, kind: PartKind) -> Option<u32> {
        self.map(kind).get(text).copied()
    }

    pub(crate) fn get(&self, id: u32) -> &Tok {
        &self.toks[id as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }
}
