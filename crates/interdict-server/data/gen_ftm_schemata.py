# Writes the slice of the FollowTheMoney schema model the server needs:
# per schema its ancestors, whether it is an edge, its caption properties,
# every entity-typed property with its reverse, labels (for OpenRefine
# reconciliation) and every property by qualified name.
import json, sys
import followthemoney
from followthemoney import model
from followthemoney.types import registry
out = {}
for name, s in sorted(model.schemata.items()):
    props = {}
    for pname, p in sorted(s.properties.items()):
        if p.type == registry.entity:
            rev = [p.reverse.schema.name, p.reverse.name] if p.reverse else None
            props[pname] = {"range": p.range.name if p.range else None, "reverse": rev, "stub": bool(p.stub)}
    out[name] = {
        "ancestors": sorted(a.name for a in s.schemata),
        "edge": bool(s.edge),
        "matchable": bool(s.matchable),
        "caption": list(s.caption),
        "entities": props,
        "countries": sorted(p for p, x in s.properties.items() if x.type == registry.country),
        "label": s.label,
        "plural": s.plural,
        "featured": list(s.featured),
        "description": s.description,
        "properties": sorted(p for p, x in s.properties.items() if not x.stub),
    }
props = {}
for s in model.schemata.values():
    for p in s.properties.values():
        if p.schema is s and not p.stub:
            props[p.qname] = [p.name, p.label, p.description]
json.dump({"followthemoney": followthemoney.__version__, "schemata": out, "properties": props}, sys.stdout, separators=(",", ":"), sort_keys=True)
