#!/usr/bin/env python3
"""Score interdict's evaluation sets with nomenklatura's logic-v2 (the peer).

Writes one CSV row per scored pair, `set,key,score[,candidate]`, where
`key` identifies the pair the same way the Rust harness (`eval/src/`) does:

- `name_bench`   key = 0-based data row index in name_bench_cases.csv
- `entity_bench` key = 0-based index of the check in entity_bench_checks.yml
- `cross_script` key = 0-based index of the pair among non-comment lines
- `ofac_parity`  key = 0-based data row index in ofac_sls_parity_fixtures.csv
- `un_untreated`, `un_treated` (only with `--un-entities`): key = 0-based row
  of yente's positives_un_*.csv, `candidate` = a UN entity id; up to 5 rows
  per key, best first. logic-v2 is a pair scorer without an index (yente
  puts Elasticsearch in front of it), so candidates come from a stand-in
  blocking step: the 50 UN entities whose names share the most character
  trigrams with the query name; logic-v2 then scores and ranks them.

Entities are built the way nomenklatura's own benches build them
(contrib/name_bench/comparators/logicv2.py and contrib/entity_bench/
benchmark.py at nomenklatura 502208c): a `ValueEntity` of the pair's
schema carrying only the given properties; entity_bench entities without a
`name` get one joined from firstName/middleName/fatherName/lastName.
The score is `LogicV2.compare(query, candidate, LogicV2.default_config())`,
i.e. the full logic-v2 matcher, not only its name feature.

Also times pair scoring (pairs/s on this machine) over the name_bench pairs
and writes it to `<out>.meta.json`.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from pathlib import Path
from uuid import uuid4

import yaml
from followthemoney import ValueEntity, model

import nomenklatura
from nomenklatura.matching.logic_v2.model import LogicV2

CONFIG = LogicV2.default_config()
NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "motherName", "lastName")


def make_entity(schema: str, props: dict[str, object]) -> ValueEntity | None:
    schema_obj = model.get(schema)
    if schema_obj is None:
        return None
    entity = ValueEntity(schema_obj, {"id": uuid4().hex})
    for prop, value in props.items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is not None and prop in schema_obj.properties:
                entity.add(prop, str(v))
    if not entity.get("name"):
        parts = [entity.first(p) for p in NAME_PARTS if p in schema_obj.properties]
        name = " ".join(p for p in parts if p)
        if name:
            entity.add("name", name)
    return entity


def compare(schema: str, left: dict[str, object], right: dict[str, object]) -> float:
    q = make_entity(schema, left)
    c = make_entity(schema, right)
    if q is None or c is None:
        return 0.0
    return float(LogicV2.compare(q, c, CONFIG).score)


def name_bench(data: Path):
    with (data / "nomenklatura" / "name_bench_cases.csv").open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            yield "name_bench", i, row["schema"], {"name": row["name1"]}, {"name": row["name2"]}


def entity_bench(data: Path):
    with (data / "nomenklatura" / "entity_bench_checks.yml").open(encoding="utf-8") as fh:
        checks = yaml.safe_load(fh).get("checks", [])
    for i, check in enumerate(checks):
        yield "entity_bench", i, check["schema"], check.get("query", {}), check.get("candidate", {})


def cross_script(data: Path):
    path = data / "watchman" / "cross_script_pairs.csv"
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    for i, row in enumerate(csv.reader(lines)):
        yield "cross_script", i, "Person", {"name": row[0]}, {"name": row[1]}


def ofac_parity(data: Path):
    with (data / "nomenklatura" / "ofac_sls_parity_fixtures.csv").open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            # The OFAC tool matches a name against any listed party: LegalEntity
            # is the FtM schema that is compatible with persons and companies.
            yield "ofac_parity", i, "LegalEntity", {"name": row["query_name"]}, {"name": row["result_name"]}


def trigrams(text: str) -> set[str]:
    folded = "".join(c if c.isalnum() else " " for c in text.lower())
    grams: set[str] = set()
    for token in folded.split():
        padded = f" {token} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


BLOCK = 50  # candidates per query handed to logic-v2
TOP = 5  # results kept per query, as the Rust harness's limit


def load_un(path: Path) -> list[tuple[str, ValueEntity, set[str]]]:
    """FtM JSON lines written by the Rust harness from interdict_lists' UN snapshot."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        schema = model.get(data["schema"])
        if schema is None:
            continue
        entity = ValueEntity(schema, {"id": data["id"]})
        for prop, values in data.get("properties", {}).items():
            if prop in schema.properties:
                for v in values:
                    entity.add(prop, v)
        grams: set[str] = set()
        for prop in ("name", "alias", "previousName", "weakAlias"):
            for v in data.get("properties", {}).get(prop, []):
                grams |= trigrams(v)
        out.append((data["id"], entity, grams))
    return out


def un_positives(data: Path, un: list, which: str):
    path = data / "yente" / "candidate_generation" / f"positives_un_{which}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            query = make_entity(
                "Person",
                {
                    "name": row["full_name"],
                    "birthDate": row["date_of_birth"] or None,
                    "nationality": row["nationality"] or None,
                },
            )
            if query is None:
                continue
            q_grams = trigrams(row["full_name"])
            blocked = sorted(un, key=lambda u: -len(q_grams & u[2]))[:BLOCK]
            scored = [(float(LogicV2.compare(query, e, CONFIG).score), uid) for uid, e, _ in blocked]
            scored.sort(key=lambda x: -x[0])
            for score, uid in scored[:TOP]:
                yield f"un_{which}", i, score, uid


SETS = {
    "name_bench": name_bench,
    "entity_bench": entity_bench,
    "cross_script": cross_script,
    "ofac_parity": ofac_parity,
}


def speed(data: Path, min_seconds: float) -> dict[str, float]:
    """Pairs/s of full LogicV2.compare over the name_bench pairs, entities prebuilt."""
    pairs = []
    for _, _, schema, left, right in name_bench(data):
        q, c = make_entity(schema, left), make_entity(schema, right)
        if q is not None and c is not None:
            pairs.append((q, c))
    for q, c in pairs[:50]:  # warm caches (rigour loads its tables lazily)
        LogicV2.compare(q, c, CONFIG)
    n, start = 0, time.perf_counter()
    while True:
        for q, c in pairs:
            LogicV2.compare(q, c, CONFIG)
        n += len(pairs)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return {"pairs": n, "seconds": round(elapsed, 3), "pairs_per_second": round(n / elapsed, 1)}


def main() -> int:
    here = Path(__file__).resolve().parent
    default_data = here.parent.parent.parent / "shared" / "data" / "eval"
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data)
    ap.add_argument("--out", type=Path, default=here / "peer_scores.csv")
    ap.add_argument("--set", choices=sorted(SETS), action="append", help="only these sets")
    ap.add_argument("--bench-seconds", type=float, default=5.0, help="0 skips the speed run")
    ap.add_argument("--un-entities", type=Path, help="UN list as FtM JSON lines: also rank yente's UN positives")
    args = ap.parse_args()

    sets = args.set or list(SETS)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    scored = 0
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["set", "key", "score", "candidate"])
        for name in sets:
            t0 = time.perf_counter()
            n = 0
            for set_name, key, schema, left, right in SETS[name](args.data):
                w.writerow([set_name, key, f"{compare(schema, left, right):.4f}"])
                n += 1
            scored += n
            print(f"{name}: {n} pairs in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        if args.un_entities is not None:
            un = load_un(args.un_entities)
            for which in ("untreated", "treated"):
                t0 = time.perf_counter()
                for set_name, key, score, uid in un_positives(args.data, un, which):
                    w.writerow([set_name, key, f"{score:.4f}", uid])
                print(f"un_{which}: {time.perf_counter() - t0:.1f}s", file=sys.stderr)

    meta = {
        "algorithm": LogicV2.NAME,
        "nomenklatura": nomenklatura.__version__ if hasattr(nomenklatura, "__version__") else "",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "pairs_scored": scored,
    }
    try:
        from importlib.metadata import version

        meta["nomenklatura"] = version("nomenklatura")
        meta["followthemoney"] = version("followthemoney")
        meta["rigour"] = version("rigour")
    except Exception:  # metadata is informative only
        pass
    if args.bench_seconds > 0:
        meta["speed"] = speed(args.data, args.bench_seconds)
        print(f"speed: {meta['speed']}", file=sys.stderr)
    Path(str(args.out) + ".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
