#!/usr/bin/env python3
"""Builds data/hs/ko_sino.tsv.gz: Sino-Korean goods words, read from the Han
words that the bundled Chinese and Japanese glossaries share.

Run from the repository root (no other input; every file read is in the repo):

    python3 crates/interdict-goods/tools/build_sino_korean.py

Why: most Korean goods words are Sino-Korean, written in Hangul but made of
Han morphemes that Chinese and Japanese write in characters (체온계 = 體溫計,
Japanese 体温計, Chinese 体温计, "clinical thermometer"). A Han word is read
in Korean one character at a time, so the Hangul spelling of such a word
follows from its characters.

How:
1. Take every Han-only headword of 2-4 characters of CC-CEDICT
   (data/hs/zh_cedict.tsv.gz, its traditional column) and of JMdict
   (data/hs/ja_jmdict.tsv.gz, shinjitai turned to kyujitai with
   crates/interdict-names/data/kanji_kyujitai.tsv).
2. Keep a word only when both dictionaries have it (compared after folding to
   simplified characters with data/hs/han_variants.tsv.gz): vocabulary shared
   by Chinese and Japanese is the common Sino vocabulary Korean shares too.
3. Read each character with its Unihan kHangul readings
   (crates/interdict-names/data/hanja_readings.tsv, Unihan 14.0.0); a
   character with two readings gives both spellings.
4. Apply the initial-sound rule (dueum beopchik) of the South Korean
   orthography, Hangul Matchumbeop (1988) articles 10-12, to the first
   syllable: initial ㄴ before i/y vowels becomes ㅇ (녀 → 여); initial ㄹ
   before i/y vowels becomes ㅇ (료 → 요) and before other vowels ㄴ (로 → 노).
5. Glosses: JMdict's then CC-CEDICT's, de-duplicated, at most four; when two
   Han words read alike, their glosses are pooled (the run-time shares a
   word's weight among its senses).

Rows: hangul<TAB>han words (`,`-separated, for provenance)<TAB>glosses; gzip
with a fixed mtime so reruns are byte-identical.
"""
import gzip
import io
import itertools

HS = "data/hs"
NAMES = "crates/interdict-names/data"
OUT = f"{HS}/ko_sino.tsv.gz"
MAX_GLOSSES = 4
MAX_SPELLINGS = 4

# Hangul syllable arithmetic (Unicode 15, section 3.12).
S_BASE, L_COUNT, V_COUNT, T_COUNT = 0xAC00, 19, 21, 28
N_COUNT = V_COUNT * T_COUNT
L_NIEUN, L_RIEUL, L_IEUNG = 2, 5, 11
# Medial vowels ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (the i/y vowels of articles 10-12).
IY_VOWELS = {2, 6, 7, 12, 17, 20}


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def initial_sound_rule(syllable):
    """Articles 10-12 of Hangul Matchumbeop, for a word's first syllable."""
    s = ord(syllable) - S_BASE
    if not 0 <= s < L_COUNT * N_COUNT:
        return syllable
    lead, vowel, tail = s // N_COUNT, (s % N_COUNT) // T_COUNT, s % T_COUNT
    if lead == L_NIEUN and vowel in IY_VOWELS:
        lead = L_IEUNG
    elif lead == L_RIEUL:
        lead = L_IEUNG if vowel in IY_VOWELS else L_NIEUN
    return chr(S_BASE + lead * N_COUNT + vowel * T_COUNT + tail)


def read_tsv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def readings():
    out = {}
    for row in read_tsv(f"{NAMES}/hanja_readings.tsv"):
        if len(row) > 1 and row[1]:
            out[row[0]] = row[1].split(",")
    return out


def spellings(word, read):
    if not word:
        return []
    per_char = []
    for c in word:
        r = read.get(c)
        if not r:
            return []
        per_char.append(r)
    out = []
    for combo in itertools.product(*per_char):
        s = initial_sound_rule(combo[0]) + "".join(combo[1:])
        if s not in out:
            out.append(s)
        if len(out) == MAX_SPELLINGS:
            break
    return out


def check_initial_sound_rule():
    # The examples of articles 10-12: 女子 여자, 尿素 요소, 良心 양심,
    # 料理 요리, 樂園 낙원, 老人 노인; a syllable of no rule stays.
    for before, after in [("녀", "여"), ("뇨", "요"), ("량", "양"), ("료", "요"),
                          ("락", "낙"), ("로", "노"), ("현", "현")]:
        assert initial_sound_rule(before) == after, (before, after)


def main():
    check_initial_sound_rule()
    read = readings()
    simplify = {row[0]: row[1] for row in read_tsv(f"{HS}/han_variants.tsv.gz")}
    kyujitai = {row[0]: row[1] for row in read_tsv(f"{NAMES}/kanji_kyujitai.tsv")}

    def fold(word):
        return "".join(simplify.get(c, c) for c in word)

    def good(word):
        return 2 <= len(word) <= 4 and all(is_han(c) for c in word)

    # simplified key -> (traditional form, glosses) for each dictionary
    zh, ja = {}, {}
    for row in read_tsv(f"{HS}/zh_cedict.tsv.gz"):
        simp, trad, gloss = row[0], row[1], row[-1]
        if good(simp) and good(trad):
            zh.setdefault(fold(simp), (trad, gloss))
    for row in read_tsv(f"{HS}/ja_jmdict.tsv.gz"):
        head, gloss = row[0], row[-1]
        if good(head):
            ja.setdefault(fold(head), ("".join(kyujitai.get(c, c) for c in head), gloss))

    rows = {}
    for key in sorted(set(zh) & set(ja)):
        (trad, zh_gloss), (kyu, ja_gloss) = zh[key], ja[key]
        spelled = spellings(trad, read) or spellings(kyu, read)
        for hangul in spelled:
            words, glosses = rows.setdefault(hangul, ([], []))
            words.append(trad)
            for g in ja_gloss.split("; ") + zh_gloss.split("; "):
                if g and g not in glosses:
                    glosses.append(g)

    buf = io.StringIO()
    for hangul in sorted(rows):
        words, glosses = rows[hangul]
        buf.write(f"{hangul}\t{','.join(words)}\t{'; '.join(glosses[:MAX_GLOSSES])}\n")
    with open(OUT, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
