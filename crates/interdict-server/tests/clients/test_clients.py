"""Real yente clients against `interdict serve`: OpenSanctions' SDK
(`yente-client` on PyPI) and nomenklatura's `YenteEnricher`, unchanged.

Run by tests/clients.rs with INTERDICT_URL pointing at a server loaded with
yente's `zala` fixture (`--dataset-file zala=...`) and the bundled lists.
Exit code 0: every check passed; 77: a client package is missing (skip);
anything else: a failure.
"""

import os
import sys

URL = os.environ.get("INTERDICT_URL", "http://127.0.0.1:8000").rstrip("/") + "/"
ZAKHAROV = "NK-aU5ybkbRFJucf8YMwsJvDw"
REFERENT = "ofac-45937"  # one of Zakharov's merged source records

try:
    import yente_client
    from followthemoney import Dataset, StatementEntity
    from nomenklatura.cache import Cache
    from nomenklatura.db import make_session
    from nomenklatura.enrich.yente import YenteEnricher
except ImportError as exc:
    print(f"missing client package: {exc}")
    sys.exit(77)


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print(f"ok: {what}")


def sdk():
    with yente_client.Client(base_url=URL.rstrip("/"), api_key="ignored") as client:
        check(client.readyz().status == "ok", "SDK readyz")
        names = [d.name for d in client.datasets().datasets]
        check("zala" in names and "default" in names, "SDK catalog lists zala and default")
        algos = client.algorithms()
        check(any(a.name == algos.best for a in algos.algorithms), "SDK algorithms name the best one")

        person = yente_client.Person(name=["Alexander Vyacheslavovich ZAKHAROV"], birthDate=["1965"], country=["ru"])
        res = client.match(person, datasets=["zala"])
        check(res.results and res.results[0].id == ZAKHAROV, "SDK match finds Zakharov in zala")
        check(res.results[0].match, "SDK match flags it a match")

        kim = yente_client.Person(name=["김정은"])
        res = client.match(kim, datasets=["sanctions"])
        check(res.results and "Kim" in res.results[0].caption.title(), "SDK match reads Hangul against the bundled lists")

        ent = client.fetch(ZAKHAROV)
        check(ent.id == ZAKHAROV and ent.schema_ == "Person", "SDK fetch an entity")
        moved = client.fetch(REFERENT)
        check(moved.id == ZAKHAROV, "SDK follows a referent's 308 to the canonical entity")
        flat = client.fetch(ZAKHAROV, nested=False)
        check(flat.id == ZAKHAROV, "SDK fetch nested=false")

        found = client.search("alexander zakharov", datasets=["zala"])
        check(found.results and found.results[0].id == ZAKHAROV, "SDK search")
        adj = client.adjacent(ZAKHAROV)
        check(len(adj.adjacent) > 0, "SDK adjacent")


def enricher():
    dataset = Dataset.make({"name": "interdict_clients", "title": "interdict client test"})
    session = make_session("sqlite:///:memory:")
    cache = Cache(session, dataset, create=True)
    config = {"api": URL, "dataset": "zala", "expand_nested": True}
    enr = YenteEnricher(dataset, cache, config)
    query = StatementEntity.from_data(
        dataset,
        {
            "id": "query-zakharov",
            "schema": "Person",
            "properties": {"name": ["Aleksandr Zakharov"], "birthDate": ["1965-03-27"], "nationality": ["ru"]},
        },
    )
    matches = list(enr.match(query))
    check(any(m.id == ZAKHAROV for m in matches), "YenteEnricher match finds Zakharov")
    match = next(m for m in matches if m.id == ZAKHAROV)
    expanded = list(enr.expand(query, match))
    schemata = {e.schema.name for e in expanded}
    check(expanded[0].id == ZAKHAROV and "Sanction" in schemata, "YenteEnricher expand reads the nested record")

    referent = StatementEntity.from_data(dataset, {"id": REFERENT, "schema": "Person", "properties": {"name": ["Zakharov"]}})
    followed = list(enr.expand(query, referent))
    check(followed and followed[0].id == ZAKHAROV, "YenteEnricher follows a referent to the canonical entity")


if __name__ == "__main__":
    sdk()
    enricher()
    print("all client checks passed")
