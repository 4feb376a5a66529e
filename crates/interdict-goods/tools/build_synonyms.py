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
nomenclature texts is mapped to those that are. A word keeps the two
targets most senses give it (ties alphabetical). Rows are
`word<TAB>targets` (`; `-separated), gzip with a fixed mtime.
"""
import argparse
import os
import re
import sqlite3
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_glossaries import nomenclature_words  # noqa: E402
from build_hs_texts import write_gz  # noqa: E402

WORD = re.compile(r"[a-z]{3,}")
MAX_TARGETS = 2


def in_texts(w, words):
    """The word or its plural or singular is a word of the English texts."""
    return w in words or w + "s" in words or w + "es" in words or w.rstrip("s") in words


def synonyms(path, words):
    db = sqlite3.connect(path)
    senses = defaultdict(list)
    q = """select g.sid, g.text from SenseGloss g
           where g.lang = 'eng' and exists
             (select 1 from pos p where p.sid = g.sid and p.text like 'noun%')"""
    for sid, text in db.execute(q):
        t = text.strip().lower()
        if WORD.fullmatch(t):
            senses[sid].append(t)
    counts = defaultdict(lambda: defaultdict(int))
    for glosses in senses.values():
        known = sorted({g for g in glosses if in_texts(g, words)})
        if not known:
            continue
        for g in set(glosses):
            if not in_texts(g, words):
                for k in known:
                    counts[g][k] += 1
    rows = []
    for w in sorted(counts):
        best = sorted(counts[w].items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TARGETS]
        rows.append((w, "; ".join(k for k, _ in best)))
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
