#!/usr/bin/env python3
"""Builds the Japanese, Korean and Russian goods glossaries in data/hs/.

Run from the repository root:

    python3 crates/interdict-goods/tools/build_glossaries.py \
        --jmdict PATH/jamdict_data/jamdict.db \
        --kengdic PATH/ezcorean_6000.sql \
        --enru PATH/enru-dict/data

Sources (see data/hs/PROVENANCE.md for versions, commits and licences):
- JMdict (EDRDG), as compiled into SQLite by the PyPI package jamdict-data 1.5
  (`jamdict_data/jamdict.db.xz`, unpacked with `xz -d`);
- kengdic's list of 6,000 common Korean words (`ezcorean_6000.sql`);
- the npm package enru-dict 1.1.5 (`data/ruen.dict.json`, `data/enru.dict.json`);
- JMnedict (EDRDG), in the same jamdict-data database, for katakana brand names
  (`ja_names.tsv.gz`: katakana spelling, then the vocabulary's Latin name).

Each file is `headword<TAB>glosses`, glosses `; `-separated, gzip with a fixed
mtime so reruns are byte-identical. Glosses pass the same filter as the
CC-CEDICT glosses (`build_hs_texts.goods_gloss`): short noun phrases with a
word of the English nomenclature texts (one-word glosses included), at most
three per headword.
"""
import argparse
import csv
import gzip
import json
import os
import re
import sqlite3
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_hs_texts import DATA, english_words, goods_gloss, known, write_gz  # noqa: E402

MAX_SENSES = 3
KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]+")
KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")
JAPANESE = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff\uf900-\ufaff]+")
HANGUL = re.compile(r"[\uac00-\ud7a3]+")
RUSSIAN = re.compile(r"[а-я]+(?:[ -][а-я]+){0,2}")


def nomenclature_words():
    with gzip.open(os.path.join(DATA, "texts_en.tsv.gz"), "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return english_words(rows)


def kept(glosses, words):
    """Unlike CC-CEDICT's, a one-word gloss must be a nomenclature word too:
    these dictionaries are larger and their other words (abstract nouns,
    inflected forms) could only dilute the glosses that reach a heading."""
    out, seen = [], set()
    for g in glosses:
        k = goods_gloss(g, words)
        if k is None or not any(known(w, words) or known(w + "s", words) for w in k.split()):
            continue
        # "rice" and "rices" are one gloss.
        key = " ".join(w.rstrip("s") for w in k.split())
        if key not in seen:
            seen.add(key)
            out.append(k)
    return "; ".join(out[:MAX_SENSES])


def jmdict(path, words):
    """Noun senses of JMdict. Headwords: the kanji forms (2+ characters);
    kana forms only for katakana words (loanwords: インスリン) and words
    usually written in kana (しいたけ), 3+ kana, so that short kana
    sequences inside other words are not read as words."""
    db = sqlite3.connect(path)
    senses = {}
    q = """select s.idseq, s.ID, g.text from Sense s
           join SenseGloss g on g.sid = s.ID
           where g.lang = 'eng' and exists
             (select 1 from pos p where p.sid = s.ID and p.text like 'noun%')
           order by s.idseq, s.ID, g.rowid"""
    for idseq, _sid, text in db.execute(q):
        senses.setdefault(idseq, []).append(text)
    usually_kana = {
        r[0]
        for r in db.execute(
            "select distinct s.idseq from Sense s join misc m on m.sid = s.ID "
            "where m.text = 'word usually written using kana alone'"
        )
    }
    heads = {}
    for idseq, text in db.execute("select idseq, text from Kanji order by ID"):
        if idseq in senses and JAPANESE.fullmatch(text) and len(text) >= 2:
            heads.setdefault(text, []).append(idseq)
    has_kanji = {r[0] for r in db.execute("select distinct idseq from Kanji")}
    for idseq, text in db.execute("select idseq, text from Kana order by ID"):
        if idseq not in senses or not KANA.fullmatch(text) or len(text) < 3:
            continue
        if KATAKANA.fullmatch(text) or idseq not in has_kanji or idseq in usually_kana:
            heads.setdefault(text, []).append(idseq)
    out = []
    for head in sorted(heads):
        glosses = [g for i in heads[head] for g in senses[i]]
        k = kept(glosses, words)
        if k:
            out.append((head, k))
    return out


def kengdic(path, words):
    """Nouns (part of speech 1) of the 6,000-word list: `word` and `def`."""
    out = {}
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[4] != "1" or not HANGUL.fullmatch(cols[1]):
                continue
            senses = re.split(r"[,;/]", cols[3])
            out.setdefault(cols[1], []).extend(senses)
    rows = []
    for head in sorted(out):
        k = kept(out[head], words)
        if k:
            rows.append((head, k))
    return rows


def enru(folder, words):
    """Russian words and phrases (1-3 words) with their English equivalents
    from both directions of enru-dict; the English side must be an English
    word (untranslated entries copy the Latin headword)."""
    pairs = {}

    def add(ru, en):
        ru = ru.strip().lower().replace("ё", "е")
        en = en.strip().lower()
        if RUSSIAN.fullmatch(ru) and re.fullmatch(r"[a-z][a-z -]*", en):
            pairs.setdefault(ru, []).append(en)

    with open(os.path.join(folder, "ruen.dict.json"), encoding="utf-8") as f:
        for ru, en in json.load(f).items():
            add(ru, en)
    with open(os.path.join(folder, "enru.dict.json"), encoding="utf-8") as f:
        for en, ru in sorted(json.load(f).items()):
            add(ru, en)
    rows = []
    for head in sorted(pairs):
        k = kept(pairs[head], words)
        if k:
            rows.append((head, k))
    return rows


def vocabulary_names():
    """Brand and model terms (English) of the cited vocabulary, normalised."""
    names = set()
    path = os.path.join(DATA, "..", "reference", "goods", "vocabulary.csv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["lang"] == "en" and r["kind"] in ("brand", "model"):
                names.add(latin_key(r["term"]))
    return names


def latin_key(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


NAME_TYPES = {"company", "product", "organization", "unclass"}
KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb ]+")


def jmnedict(path, names):
    """Katakana spellings of brands: JMnedict company, product, organisation
    and unclassified names whose English form is a brand or model of the
    cited vocabulary (シャネル → chanel). A spelling that JMdict has as a
    common word (ディーゼル, パス, キリン) is left out: it names goods or
    things more often than the brand."""
    db = sqlite3.connect(path)
    common = {r[0] for r in db.execute("select text from Kana")}
    q = """select k.text, g.text,
                  (select group_concat(tt.text) from NETransType tt where tt.tid = t.ID)
           from NEKana k join NETranslation t on t.idseq = k.idseq
           join NETransGloss g on g.tid = t.ID"""
    out = {}
    for kana, gloss, types in db.execute(q):
        latin = latin_key(gloss)
        if latin not in names or not KATAKANA_NAME.fullmatch(kana):
            continue
        if not NAME_TYPES & set((types or "").split(",")):
            continue
        head = re.sub(r"[\u30fb ]", "", kana)
        if len(head) >= 2 and head not in common:
            out.setdefault(head, set()).add(latin)
    return [(h, "; ".join(sorted(out[h]))) for h in sorted(out)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jmdict", required=True)
    ap.add_argument("--kengdic", required=True)
    ap.add_argument("--enru", required=True)
    a = ap.parse_args()
    words = nomenclature_words()
    write_gz("ja_jmdict.tsv.gz", jmdict(a.jmdict, words))
    write_gz("ko_kengdic.tsv.gz", kengdic(a.kengdic, words))
    write_gz("ru_enru.tsv.gz", enru(a.enru, words))
    write_gz("ja_names.tsv.gz", jmnedict(a.jmdict, vocabulary_names()))


if __name__ == "__main__":
    main()
