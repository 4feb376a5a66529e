#!/usr/bin/env python3
"""Builds data/hs/en_synonyms.tsv.gz: English words the nomenclature texts
lack, each with the nomenclature words that JMdict gives as glosses of the
same sense ("toothpaste; dentifrice", "backpack; rucksack").

Run from the repository root:

    python3 crates/interdict-goods/tools/build_synonyms.py \
        --jmdict PATH/jamdict_data/jamdict.db

Source: JMdict (EDRDG), as compiled into SQLite by the PyPI package
jamdict-data 1.5 (see data/hs/PROVENANCE.md). A sense's English glosses are
translations of one Japanese word, so they name the same thing: of a noun
sense's one-word glosses, each word that is not a word of the English
nomenclature texts is mapped to those that are. Only senses of Japanese
words that Japan's tariff schedule itself uses (a kanji or kana form of
the entry found in `texts_ja.tsv.gz`) count: the tariff word ties the
synonyms to goods ("gift; aptitude" is no tariff word's sense); a word
that glosses more than seven senses is left out (see MAX_WORD_SENSES). A word keeps the two
targets most senses give it (ties alphabetical). Rows are
`word<TAB>targets` (`; `-separated), gzip with a fixed mtime.
"""
import argparse
import gzip
import os
import re
import sqlite3
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_glossaries import nomenclature_words  # noqa: E402
from build_hs_texts import DATA, write_gz  # noqa: E402

WORD = re.compile(r"[a-z]{3,}")
MAX_TARGETS = 2
# A word that glosses more JMdict senses than this is polysemous (guard: 27,
# spare: 9, gift: 33): which of its senses a description means is unknown,
# and the synonyms of one sense pull elsewhere (S600 Guard -> pad, watch).
# Goods words gloss few (toothpaste: 4, backpack: 4, watercraft: 2).
MAX_WORD_SENSES = 7


def in_texts(w, words):
    """The word or its plural or singular is a word of the English texts."""
    return w in words or w + "s" in words or w + "es" in words or w.rstrip("s") in words


def tariff_pieces():
    """Every 2–8 character piece of the Japanese tariff texts."""
    pieces = set()
    with gzip.open(os.path.join(DATA, "texts_ja.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            text = line.rstrip("\n").split("\t")[-1]
            for n in range(2, 9):
                pieces.update(text[i : i + n] for i in range(len(text) - n + 1))
    return pieces


def tariff_entries(db):
    """JMdict entries with a kanji or kana form (2+ characters) in the tariff texts."""
    pieces = tariff_pieces()
    out = set()
    for table in ("Kanji", "Kana"):
        for idseq, text in db.execute(f"select idseq, text from {table}"):
            if len(text) >= 2 and text in pieces:
                out.add(idseq)
    return out


def senses_per_word(db):
    """How many senses (of any part of speech) each one-word gloss glosses."""
    counts = defaultdict(int)
    for (text,) in db.execute("select lower(text) from SenseGloss where lang = 'eng'"):
        if WORD.fullmatch(text.strip()):
            counts[text.strip()] += 1
    return counts


def synonyms(path, words):
    db = sqlite3.connect(path)
    entries = tariff_entries(db)
    polysemy = senses_per_word(db)
    senses = defaultdict(list)
    q = """select g.sid, g.text, s.idseq from SenseGloss g join Sense s on s.ID = g.sid
           where g.lang = 'eng' and exists
             (select 1 from pos p where p.sid = g.sid and p.text like 'noun%')"""
    for sid, text, idseq in db.execute(q):
        if idseq not in entries:
            continue
        t = text.strip().lower()
        if WORD.fullmatch(t):
            senses[sid].append(t)
    counts = defaultdict(lambda: defaultdict(int))
    for glosses in senses.values():
        known = sorted({g for g in glosses if in_texts(g, words)})
        if not known:
            continue
        for g in set(glosses):
            if not in_texts(g, words) and polysemy[g] <= MAX_WORD_SENSES:
                for k in known:
                    counts[g][k] += 1
    rows = []
    for w in sorted(counts):
        best = sorted(counts[w].items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append((w, "; ".join(k for k, _ in best[:MAX_TARGETS])))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jmdict", required=True)
    args = ap.parse_args()
    rows = synonyms(args.jmdict, nomenclature_words())
    write_gz("en_synonyms.tsv.gz", rows)
    print(f"en_synonyms.tsv.gz: {len(rows)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
