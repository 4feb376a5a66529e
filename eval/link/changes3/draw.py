#!/usr/bin/env python3
"""Draws the blind audit sample of the merges one linking rule makes.

Reads the parties a linker writes with
`cargo run -p interdict-eval -- link-audit --parties FILE` (one JSON line per
party of several records, with `merges`: each merge's rule, its two records
and the shared value) and writes, for at most N merges of RULE drawn with a
fixed seed:

- new_merges.jsonl: one item per merge, the two records with all their
  properties (id, dataset, schema, properties) and nothing else, the records
  of an item in id order so that neither side is marked;
- new_merges.key.jsonl: the rule, the merge reason and the part (dev for the
  first half of the items, holdout for the rest), for scoring only.

Usage: draw.py PARTIES.jsonl [--rule transliterated_name] [--n 100]
       [--seed 202612073] [--out eval/link/changes3]
"""

import argparse
import json
import random
from pathlib import Path


def record(e):
    """The record as the labeller sees it: no referents, no merge marks."""
    dataset = e["datasets"][0] if e.get("datasets") else e["id"].split(":", 1)[0]
    return {
        "dataset": dataset,
        "id": e["id"],
        "schema": e["schema"],
        "properties": e["properties"],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parties")
    ap.add_argument("--rule", default="transliterated_name")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=202612073)
    ap.add_argument("--out", default="eval/link/changes3")
    args = ap.parse_args()

    merges = []
    for line in open(args.parties, encoding="utf-8"):
        party = json.loads(line)
        by_id = {r["id"]: r for r in party["records"]}
        for m in party["merges"]:
            if m["rule"] != args.rule:
                continue
            a, b = m["records"]
            merges.append((a, b, m["value"], by_id[a], by_id[b]))
    # Sorted first, so the draw depends on the seed alone, not on the order
    # the linker wrote its parties in.
    merges.sort(key=lambda m: (m[0], m[1]))
    random.Random(args.seed).shuffle(merges)
    drawn = merges[: args.n]

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    half = (len(drawn) + 1) // 2
    with open(out / "new_merges.jsonl", "w", encoding="utf-8") as items, open(
        out / "new_merges.key.jsonl", "w", encoding="utf-8"
    ) as key:
        for i, (a, b, value, ra, rb) in enumerate(drawn):
            item = f"T{i + 1:04d}"
            records = sorted([record(ra), record(rb)], key=lambda r: r["id"])
            items.write(
                json.dumps({"item": item, "records": records}, ensure_ascii=False) + "\n"
            )
            key.write(
                json.dumps(
                    {
                        "item": item,
                        "records": [a, b],
                        "rule": args.rule,
                        "value": value,
                        "part": "dev" if i < half else "holdout",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"{len(merges)} merges by {args.rule}; {len(drawn)} drawn into {out}")


if __name__ == "__main__":
    main()
