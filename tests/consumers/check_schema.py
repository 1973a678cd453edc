#!/usr/bin/env python3
"""Checks pactgraph's JSON outputs against the JSON Schemas in schema/.

usage: check_schema.py GRAPH.json [GRAPH.json ...] FRAGMENTS.jsonl [FRAGMENTS.jsonl ...]

Files ending in .jsonl or .ndjson are fragments (`pactgraph extract --format
jsonl`), any other file a node-link graph (`extract`, `merge`, `query ... ego
--format json`). At least one of each is needed.

- The schemas are valid draft 2020-12 schemas, their `$id`s carry the same
  version, every property has a description, and the fragment schema's
  references into the graph schema resolve (through a referencing.Registry).
- Every graph validates against schema/pactgraph-graph.schema.json, and every
  JSON line against schema/pactgraph-fragment.schema.json (Draft202012Validator
  with format checking), with the major version of `graph.schema_version`
  equal to the schema's.
- What a schema cannot say holds too: edge ends are nodes, `weight` is the
  number of `agreements`, `party_to` and `signatory_of` edges match the
  agreements' `parties` and `signatories`, offsets are ordered, documents are
  listed, fragment agreements name the fragment's actors.
- Deliberately broken copies are rejected: an unknown status, no `directed`, a
  `partners_with` edge without `weight`, misspelt node, mention and evidence
  fields, the dates 2025-13 and 2025-02-30, a `key` that is not the relation,
  and the like for fragments.
- networkx.node_link_graph(data) (the networkx 3.6 API; `edges="edges"` on
  3.4-3.5) loads each graph with as many nodes and edges as the JSON has, and
  every node and edge attribute (`label`, `type`, `agreement_kind`, `status`,
  `date`, ...) survives with its value.

Exits 0 when everything holds, 1 listing every failure, 2 when a module or a
file is missing (nothing is skipped).
"""

import copy
import json
import sys
from pathlib import Path

MISSING = []
try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    MISSING.append("jsonschema")
try:
    import referencing
    from referencing.jsonschema import DRAFT202012
except ImportError:
    if "jsonschema" not in MISSING:
        MISSING.append("referencing")
try:
    import networkx as nx
except ImportError:
    MISSING.append("networkx")

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
GRAPH_SCHEMA = SCHEMA_DIR / "pactgraph-graph.schema.json"
FRAGMENT_SCHEMA = SCHEMA_DIR / "pactgraph-fragment.schema.json"

ERRORS = []
NOTES = []


def die(msg, code=2):
    print(f"check_schema: error: {msg}", file=sys.stderr)
    sys.exit(code)


def err(where, msg):
    ERRORS.append(f"{where}: {msg}")


def note(where, msg):
    NOTES.append(f"{where}: {msg}")


def load_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        die(f"cannot read {path}: {e}")
    except json.JSONDecodeError as e:
        err(path, f"not JSON: {e}")
        return None


def where_of(error):
    """`$.nodes[3].status` for a validation error."""
    out = "$"
    for p in error.absolute_path:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def schema_errors(validator, instance, limit=10):
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    msgs = []
    for e in errors[:limit]:
        # if/then and oneOf failures say more in their sub-errors
        leaf = jsonschema.exceptions.best_match([e]) if e.context else e
        msgs.append(f"{where_of(leaf)}: {leaf.message[:300]}")
    if len(errors) > limit:
        msgs.append(f"... and {len(errors) - limit} more")
    return msgs


# ---------------------------------------------------------------- the schemas


def undescribed(schema, path="#"):
    """Paths of `properties` entries without a description (conditions in
    `if` are tests, not declarations, and need none)."""
    out = []
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            if not (isinstance(sub, dict) and sub.get("description")):
                out.append(f"{path}/properties/{name}")
        for k, v in schema.items():
            if k == "properties":
                for name, sub in v.items():
                    out += undescribed(sub, f"{path}/properties/{name}")
            elif k != "if" and isinstance(v, (dict, list)):
                out += undescribed(v, f"{path}/{k}")
    elif isinstance(schema, list):
        for i, v in enumerate(schema):
            out += undescribed(v, f"{path}/{i}")
    return out


def schema_version_of(schema):
    # https://github.com/pactgraph/pactgraph/schema/<version>/<file>
    parts = schema.get("$id", "").split("/")
    return parts[-2] if len(parts) >= 2 else ""


def load_schemas():
    schemas = {}
    for path in (GRAPH_SCHEMA, FRAGMENT_SCHEMA):
        if not path.is_file():
            die(f"{path} is missing")
        s = load_json(path)
        if s is None:
            die(f"{path} is not JSON")
        try:
            Draft202012Validator.check_schema(s)
        except jsonschema.exceptions.SchemaError as e:
            err(path.name, f"not a valid draft 2020-12 schema: {e.message}")
        if s.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            err(path.name, f"`$schema` is {s.get('$schema')!r}, not draft 2020-12")
        for p in undescribed(s):
            err(path.name, f"{p} has no description")
        schemas[path.name] = s
    g, f = schemas[GRAPH_SCHEMA.name], schemas[FRAGMENT_SCHEMA.name]
    if schema_version_of(g) != schema_version_of(f):
        err("schemas", f"`$id` versions differ: {g.get('$id')} and {f.get('$id')}")
    registry = referencing.Registry().with_resources(
        (s["$id"], DRAFT202012.create_resource(s)) for s in schemas.values()
    )
    fc = Draft202012Validator.FORMAT_CHECKER
    gv = Draft202012Validator(g, registry=registry, format_checker=fc)
    fv = Draft202012Validator(f, registry=registry, format_checker=fc)
    # every reference resolves (a typo in a $ref fails here, not on some input)
    check_refs(fv, f, "pactgraph-fragment.schema.json")
    check_refs(gv, g, "pactgraph-graph.schema.json")
    return g, gv, fv


def check_refs(validator, schema, name):
    resolver = validator._resolver  # noqa: SLF001 (no public API for this)

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolver.lookup(ref)
                except Exception as e:  # noqa: BLE001
                    err(name, f"$ref {ref!r} does not resolve: {e}")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)


# -------------------------------------------------------------- the documents


def major(v):
    return str(v).split(".")[0]


def check_graph_integrity(name, data):
    """What the schema cannot express."""
    nodes = {}
    for n in data["nodes"]:
        if n["id"] in nodes:
            err(name, f"node id {n['id']} twice")
        nodes[n["id"]] = n
    ids = [n["id"] for n in data["nodes"]]
    if ids != sorted(ids):
        err(name, "nodes are not sorted by id")
    docs = set(data["graph"]["documents"])
    seen = set()
    for i, e in enumerate(data["edges"]):
        w = f"{name}: $.edges[{i}]"
        k = (e["source"], e["target"], e["key"])
        if k in seen:
            err(w, f"edge {k} twice")
        seen.add(k)
        for end in ("source", "target"):
            if e[end] not in nodes:
                err(w, f"{end} {e[end]} is not a node")
        if e["relation"] == "partners_with":
            if e["weight"] != len(e["agreements"]):
                err(w, f"weight {e['weight']} but {len(e['agreements'])} agreements")
            if e["source"] >= e["target"]:
                err(w, "partners_with pair not sorted (source < target)")
            for g in e["agreements"]:
                if g not in nodes:
                    err(w, f"agreement {g} is not a node")
                elif not {e["source"], e["target"]} <= set(nodes[g]["parties"]):
                    err(w, f"{e['source']} and {e['target']} are not both parties of {g}")
    edges = {(e["source"], e["target"], e["relation"]) for e in data["edges"]}
    for n in data["nodes"]:
        w = f"{name}: node {n['id']}"
        if n["kind"] == "actor":
            for m in n["mentions"]:
                check_offsets(w, m)
                if m["doc"] not in docs:
                    err(w, f"mention in {m['doc']}, which graph.documents does not list")
            for p in n["member_of"]:
                if p in nodes and (n["id"], p, "member_of") not in edges:
                    err(w, f"member of {p}, a node, but no member_of edge")
        else:
            for rel, attr in (("party_to", "parties"), ("signatory_of", "signatories")):
                for a in n[attr]:
                    if a not in nodes:
                        note(w, f"{a} in `{attr}` is not a node of this graph (so no {rel} edge)")
                    elif (a, n["id"], rel) not in edges:
                        err(w, f"{a} in `{attr}` but no {rel} edge")
            for i, ev in enumerate(n["evidence"]):
                check_offsets(f"{w} evidence[{i}]", ev)
                if ev["doc"] not in docs:
                    err(w, f"evidence in {ev['doc']}, which graph.documents does not list")
    for s, t, rel in edges:
        if rel == "party_to" and t in nodes and s not in nodes[t].get("parties", []):
            err(name, f"party_to edge {s} -> {t} but {s} is not in its `parties`")
        if rel == "signatory_of" and t in nodes and s not in nodes[t].get("signatories", []):
            err(name, f"signatory_of edge {s} -> {t} but {s} is not in its `signatories`")
        if rel == "member_of" and s in nodes and t not in nodes[s].get("member_of", []):
            err(name, f"member_of edge {s} -> {t} but {t} is not in its `member_of`")


def check_offsets(w, x):
    if x["start"] > x["end"] or x["char_start"] > x["char_end"]:
        err(w, f"offsets out of order: {x['start']}..{x['end']}, chars {x['char_start']}..{x['char_end']}")
    if x["char_end"] - x["char_start"] > x["end"] - x["start"]:
        err(w, "more chars than bytes")


def check_fragment_integrity(w, f):
    actors = {a["id"] for a in f["actors"]}
    if [a["id"] for a in f["actors"]] != sorted(actors):
        err(w, "actors are not sorted by id")
    for a in f["actors"]:
        for m in a["mentions"]:
            check_offsets(f"{w} {a['id']}", m)
            if m["doc"] != f["doc"]:
                err(w, f"{a['id']}: mention of document {m['doc']}")
    for g in f["agreements"]:
        for a in set(g["parties"]) | set(g["signatories"]):
            if a not in actors:
                err(w, f"{g['id']} names {a}, which is not among the fragment's actors")
        for ev in g["evidence"]:
            check_offsets(f"{w} {g['id']}", ev)
            if ev["doc"] != f["doc"]:
                err(w, f"{g['id']}: evidence from document {ev['doc']}")


def check_graph(path, gv, schema):
    name = Path(path).name
    data = load_json(path)
    if data is None:
        return None
    msgs = schema_errors(gv, data)
    for m in msgs:
        err(name, f"does not match the schema: {m}")
    if msgs:
        return None
    want = schema_version_of(schema)
    if major(data["graph"]["schema_version"]) != major(want):
        err(name, f"schema_version {data['graph']['schema_version']}, the schema is {want}")
    check_graph_integrity(name, data)
    check_networkx(name, data)
    return data


def check_fragments(path, fv):
    name = Path(path).name
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        die(f"cannot read {path}: {e}")
    out = []
    for no, line in enumerate(lines, 1):
        w = f"{name}:{no}"
        if not line.strip():
            err(w, "empty line")
            continue
        try:
            f = json.loads(line)
        except json.JSONDecodeError as e:
            err(w, f"not JSON: {e}")
            continue
        msgs = schema_errors(fv, f)
        for m in msgs:
            err(w, f"does not match the schema: {m}")
        if not msgs:
            check_fragment_integrity(w, f)
            out.append(f)
    if not lines:
        err(name, "no lines")
    return out


# ------------------------------------------------------------------ networkx


def load_networkx(data):
    version = tuple(int(x) for x in nx.__version__.split(".")[:2] if x.isdigit())
    if version >= (3, 6):
        return nx.node_link_graph(data)
    # 3.4-3.5: the default was still edges="links"
    return nx.node_link_graph(data, edges="edges")


def check_networkx(name, data):
    w = f"{name} (networkx {nx.__version__})"
    try:
        G = load_networkx(data)
    except Exception as e:  # noqa: BLE001
        err(w, f"node_link_graph fails: {type(e).__name__}: {e}")
        return
    if not (G.is_directed() and G.is_multigraph()):
        err(w, f"loaded as {type(G).__name__}, not MultiDiGraph")
    if G.number_of_nodes() != len(data["nodes"]):
        err(w, f"{G.number_of_nodes()} nodes, the JSON has {len(data['nodes'])}")
    if G.number_of_edges() != len(data["edges"]):
        err(w, f"{G.number_of_edges()} edges, the JSON has {len(data['edges'])}")
    if G.graph != data["graph"]:
        err(w, f"G.graph is {G.graph!r}, not {data['graph']!r}")
    for n in data["nodes"]:
        if n["id"] not in G:
            err(w, f"node {n['id']} missing")
            continue
        got = dict(G.nodes[n["id"]])
        want = {k: v for k, v in n.items() if k != "id"}
        for k in ("label", "type", "agreement_kind", "status", "date"):
            if (k in want) != (k in got) or got.get(k) != want.get(k):
                err(w, f"node {n['id']}: {k} is {got.get(k, '(absent)')!r}, the JSON has {want.get(k, '(absent)')!r}")
        if got != want:
            err(w, f"node {n['id']}: attributes {sorted(got)} differ from the JSON's {sorted(want)}")
    for e in data["edges"]:
        s, t, k = e["source"], e["target"], e["key"]
        if not G.has_edge(s, t, key=k):
            err(w, f"edge {s} -> {t} [{k}] missing")
            continue
        got = dict(G.edges[s, t, k])
        want = {x: v for x, v in e.items() if x not in ("source", "target", "key")}
        if got != want:
            err(w, f"edge {s} -> {t} [{k}]: attributes {got!r}, the JSON has {want!r}")


# ------------------------------------------------------- broken copies rejected


def first(items, pred, what):
    for x in items:
        if pred(x):
            return x
    raise LookupError(what)


def graph_breakages(data):
    """(description, mutate(copy)) pairs that must make a graph invalid."""

    def agreement(d):
        return first(d["nodes"], lambda n: n["kind"] == "agreement", "an agreement node")

    def actor(d):
        return first(d["nodes"], lambda n: n["kind"] == "actor", "an actor node")

    def partners(d):
        try:
            return first(d["edges"], lambda e: e["relation"] == "partners_with", "")
        except LookupError:
            # the graph has none: add one between the first two actors
            a, b = sorted(n["id"] for n in d["nodes"] if n["kind"] == "actor")[:2]
            e = {"source": a, "target": b, "key": "partners_with", "relation": "partners_with",
                 "agreements": [agreement(d)["id"]], "weight": 1}
            d["edges"].append(e)
            return e

    def mention(d):
        a = first(d["nodes"], lambda n: n["kind"] == "actor" and n["mentions"], "actor with mentions")
        return a["mentions"][0]

    def rename(obj, old, new):
        obj[new] = obj.pop(old)

    def set_(obj, k, v):
        obj[k] = v

    return [
        ("an unknown status value", lambda d: set_(agreement(d), "status", "cancelled")),
        ("an unknown agreement kind", lambda d: set_(agreement(d), "agreement_kind", "joint-venture")),
        ("an unknown actor type", lambda d: set_(actor(d), "type", "ngo")),
        ("no `directed`", lambda d: d.pop("directed")),
        ("`directed` false", lambda d: set_(d, "directed", False)),
        ("no graph.schema_version", lambda d: d["graph"].pop("schema_version")),
        ("schema_version not semver", lambda d: set_(d["graph"], "schema_version", "1.0")),
        ("a partners_with edge without weight", lambda d: partners(d).pop("weight")),
        ("a partners_with edge without agreements", lambda d: partners(d).pop("agreements")),
        ("a party_to edge with a weight", lambda d: set_(first(d["edges"], lambda e: e["relation"] == "party_to", "a party_to edge"), "weight", 1)),
        ("an edge whose key is not its relation", lambda d: set_(partners(d), "key", "party_to")),
        ("an unknown relation", lambda d: set_(partners(d), "relation", "allied_with")),
        ("a misspelt node field (`lable`)", lambda d: rename(actor(d), "label", "lable")),
        ("a misspelt node field (`agreement_knd`)", lambda d: rename(agreement(d), "agreement_kind", "agreement_knd")),
        ("an extra node field", lambda d: set_(agreement(d), "stauts", "signed")),
        ("an actor field on an agreement node", lambda d: set_(agreement(d), "aliases", [])),
        ("an actor without mentions", lambda d: actor(d).pop("mentions")),
        ("a misspelt mention field (`chr_start`)", lambda d: rename(mention(d), "char_start", "chr_start")),
        ("a misspelt evidence field (`sentance`)", lambda d: rename(agreement(d)["evidence"][0], "sentence", "sentance")),
        ("a negative offset", lambda d: set_(agreement(d)["evidence"][0], "start", -1)),
        ("a float offset", lambda d: set_(agreement(d)["evidence"][0], "end", 1.5)),
        ("the date 2025-13", lambda d: set_(agreement(d), "date", "2025-13")),
        ("the date 2025-02-30 (format checking)", lambda d: set_(agreement(d), "date", "2025-02-30")),
        ("the date 25-06-02", lambda d: set_(agreement(d), "date", "25-06-02")),
        ("an actor id without `actor:`", lambda d: set_(actor(d), "id", "jogmec")),
        ("an agreement id with `actor:`", lambda d: set_(agreement(d), "id", "actor:80b49e148a73bc78")),
        ("an edge from an agreement to an actor (party_to)", lambda d: set_(first(d["edges"], lambda e: e["relation"] == "party_to", "a party_to edge"), "source", agreement(d)["id"])),
    ]


def fragment_breakages(lines):
    def with_agreement(ls):
        return first(ls, lambda f: f["agreements"], "a fragment with an agreement")

    def with_actor(ls):
        return first(ls, lambda f: f["actors"] and f["actors"][0]["mentions"], "a fragment with a mentioned actor")

    def rename(obj, old, new):
        obj[new] = obj.pop(old)

    def set_(obj, k, v):
        obj[k] = v

    return [
        ("an unknown status value", with_agreement, lambda f: set_(f["agreements"][0], "status", "cancelled")),
        ("the document date 2025-13", with_actor, lambda f: set_(f, "date", "2025-13")),
        ("the agreement date 2025-13", with_agreement, lambda f: set_(f["agreements"][0], "date", "2025-13")),
        ("no `doc`", with_actor, lambda f: f.pop("doc")),
        ("no `lang`", with_actor, lambda f: f.pop("lang")),
        ("a graph node's `kind` on an actor", with_actor, lambda f: set_(f["actors"][0], "kind", "actor")),
        ("a misspelt actor field (`aliasses`)", with_actor, lambda f: rename(f["actors"][0], "aliases", "aliasses")),
        ("a misspelt mention field (`chr_end`)", with_actor, lambda f: rename(f["actors"][0]["mentions"][0], "char_end", "chr_end")),
        ("an unknown `how`", with_actor, lambda f: set_(f["actors"][0]["mentions"][0], "how", "guessed")),
        ("a misspelt evidence field (`rul`)", with_agreement, lambda f: rename(f["agreements"][0]["evidence"][0], "rule", "rul")),
        ("an agreement without evidence", with_agreement, lambda f: set_(f["agreements"][0], "evidence", [])),
        ("a numeric url", with_actor, lambda f: set_(f, "url", 7)),
    ]


def check_rejections(graph, gv, fragments, fv):
    n = 0
    for what, mutate in graph_breakages(graph):
        d = copy.deepcopy(graph)
        try:
            mutate(d)
        except LookupError as e:
            err("broken graph", f"cannot make {what}: the graph has no {e}; give a graph with agreements")
            continue
        n += 1
        if gv.is_valid(d):
            err("broken graph", f"the graph schema accepts {what}")
    for what, pick, mutate in fragment_breakages(fragments):
        try:
            f = copy.deepcopy(pick(fragments))
        except LookupError as e:
            err("broken fragment", f"cannot make {what}: the fragments have no {e}")
            continue
        mutate(f)
        n += 1
        if fv.is_valid(f):
            err("broken fragment", f"the fragment schema accepts {what}")
    return n


# ---------------------------------------------------------------------- main


def main(argv):
    if MISSING:
        die(f"missing Python module(s): {', '.join(MISSING)}; pip install jsonschema networkx")
    paths = argv[1:]
    if not paths or any(p in ("-h", "--help") for p in paths):
        print(__doc__.strip())
        return 2 if not paths else 0
    for p in paths:
        if not Path(p).is_file():
            die(f"{p}: no such file")
    jsonl = [p for p in paths if p.endswith((".jsonl", ".ndjson"))]
    graphs = [p for p in paths if p not in jsonl]
    if not graphs or not jsonl:
        die("give at least one graph (.json) and one fragments file (.jsonl)")

    schema, gv, fv = load_schemas()
    if ERRORS:
        return report()
    summary = []
    first_graph = None
    for p in graphs:
        d = check_graph(p, gv, schema)
        if d is not None:
            first_graph = first_graph or d
            summary.append(f"{p}: matches the schema; networkx loads {len(d['nodes'])} nodes, {len(d['edges'])} edges")
    all_fragments = []
    for p in jsonl:
        fs = check_fragments(p, fv)
        all_fragments += fs
        summary.append(f"{p}: {len(fs)} fragment lines match the schema")
    if first_graph is not None and all_fragments:
        before = len(ERRORS)
        n = check_rejections(first_graph, gv, all_fragments, fv)
        if len(ERRORS) == before:
            summary.append(f"{n} deliberately broken copies rejected")
    for s in summary:
        print(s)
    return report()


def report():
    for n in NOTES:
        print(f"note: {n}")
    if ERRORS:
        print(f"check_schema: {len(ERRORS)} failure(s):", file=sys.stderr)
        for e in ERRORS:
            print(f"  {e}", file=sys.stderr)
        return 1
    print("check_schema: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
