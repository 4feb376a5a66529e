# Writes data/katakana_loanwords.tsv: English loanwords written in katakana that are words of
# listed organisations' names (トレーディング trading, カンパニー company, バンク bank ...).
#
#   pip download --no-deps jamdict-data==1.5 && tar xzf jamdict_data-1.5.tar.gz
#   xz -dk jamdict_data-1.5/jamdict_data/jamdict.db.xz
#   python3 data/write_katakana_loanwords.py jamdict_data-1.5/jamdict_data/jamdict.db \
#       ../interdict-match/data/org_word_weights.tsv > data/katakana_loanwords.tsv
#
# jamdict-data 1.5 is JMdict (EDRDG, CC BY-SA 4.0) as an SQLite file. A row is kept when:
# - the entry has a katakana reading (katakana, ー only) and no kanji form;
# - one of its senses is a noun (any JMdict part of speech naming a noun) of English origin:
#   no lsource element, or lsource xml:lang="eng" (the JMdict DTD: "If the source language is
#   other than English, the language is indicated by the xml:lang attribute"), and not wasei;
# - a gloss of that sense, without its parenthesised notes, is one to three words, each a word of
#   at least 9 listed organisations' names (org_word_weights.tsv of interdict-match, written from
#   the bundled lists). The first such gloss of the first such sense is the English;
# - the katakana is a rendering of that English (a loanword, not a gloss of meaning): its first
#   kana's consonant is one the English word's first letter is written with in katakana
#   (外来語の表記, cabinet notice 1991: c → k or s, l → r, v → b, ph → f, th → s, g → g, j or z …),
#   so that ポンコツ "no good" or ステップアップ "progress" are not read as those words.
import re
import sqlite3
import sys

db, weights = sys.argv[1], sys.argv[2]
org_words = set()
for line in open(weights, encoding="utf-8"):
    if not line.startswith("#"):
        org_words.add(line.split("\t")[0])

# Kana rows (gojūon) and the consonant each starts with.
KANA_ROWS = {
    "アイウエオァィゥェォ": "v", "カキクケコ": "k", "ガギグゲゴ": "g", "サスセソ": "s", "シ": "sh",
    "ザズゼゾ": "z", "ジヂ": "j", "タテト": "t", "チ": "ch", "ツ": "t", "ダヅデド": "d",
    "ナニヌネノ": "n", "ハヒヘホ": "h", "フ": "f", "バビブベボヴ": "b", "パピプペポ": "p",
    "マミムメモ": "m", "ヤユヨ": "y", "ラリルレロ": "r", "ワヲ": "w",
}
# English first letters → the consonants katakana writes them with.
ENGLISH_INITIAL = {
    "a": "v", "e": "v", "i": "vy", "o": "vw", "u": "vy", "k": "k", "q": "k", "g": "gjz",
    "j": "jz", "s": "s sh z", "z": "zj", "t": "t ch", "d": "dj", "n": "n", "h": "h", "f": "fh",
    "b": "b", "v": "b", "p": "p", "m": "m", "y": "yv", "r": "r", "l": "r", "w": "wvh", "x": "vsz",
}


def first_consonant(kana):
    for row, consonant in KANA_ROWS.items():
        if kana[0] in row:
            return consonant
    return None


def is_rendering(kana, english):
    """Whether the katakana's first consonant is one the English word starts with."""
    word, k = english.split()[0], first_consonant(kana)
    if word.startswith("ph"):
        allowed = ["f", "h"]
    elif word.startswith("th"):
        allowed = ["s", "z"]
    elif word.startswith("sh"):
        allowed = ["sh"]
    elif word.startswith("ch"):
        allowed = ["ch", "k", "sh"]
    elif word[0] == "c":
        allowed = ["s", "sh"] if word[1:2] in ("e", "i", "y") else ["k"]
    else:
        spec = ENGLISH_INITIAL.get(word[0], "")
        allowed = spec.split() if " " in spec else list(spec)
    return k in allowed


KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc]{2,}$")
c = sqlite3.connect(db)
rows = {}
for idseq, kana in c.execute("select idseq, text from Kana order by idseq, ID"):
    if kana in rows or not KATAKANA.match(kana):
        continue
    if c.execute("select 1 from Kanji where idseq=?", (idseq,)).fetchone():
        continue
    for (sid,) in c.execute("select ID from Sense where idseq=? order by ID", (idseq,)).fetchall():
        pos = [p for (p,) in c.execute("select text from pos where sid=?", (sid,))]
        if not any("noun" in p for p in pos):
            continue
        src = c.execute("select lang, wasei from SenseSource where sid=?", (sid,)).fetchall()
        if any(lang != "eng" or wasei for (lang, wasei) in src):
            continue
        english = None
        for (g,) in c.execute("select text from SenseGloss where sid=? and lang='eng'", (sid,)):
            g = re.sub(r"\([^)]*\)", " ", g).strip().lower()
            words = g.replace("-", " ").split()
            if 1 <= len(words) <= 3 and all(w in org_words for w in words) and is_rendering(kana, " ".join(words)):
                english = " ".join(words)
                break
        if english:
            rows[kana] = (english, idseq)
            break
print("# Katakana loanword <TAB> English <TAB> JMdict entry (ent_seq)")
print("# English loanwords of JMdict whose gloss is a word of listed organisations' names; written by write_katakana_loanwords.py (its header: the rule and the command).")
for kana, (english, idseq) in sorted(rows.items()):
    print(f"{kana}\t{english}\t{idseq}")
