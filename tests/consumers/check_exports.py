#!/usr/bin/env python3
"""Checks pactgraph's exports with the tools that consume them.

usage: check_exports.py DIR

DIR holds graph.json (pactgraph's node-link JSON: the reference),
graph.graphml, cytoscape.json and neo4j/{actors,agreements,relationships}.csv.

- GraphML: networkx.read_graphml gives the same nodes and edges as graph.json,
  with every attribute's value and Python type (int mention_count and weight,
  bool discovered, ;-joined sets, absent values left off); igraph's
  Graph.Read_GraphML reads the same counts, ids, labels and relations.
- Cytoscape: the document matches the elements format (checked with jsonschema)
  and networkx.cytoscape_graph loads it with the same nodes, edges and
  attributes as graph.json.
- Neo4j: the CSVs parse with the csv module, headers follow neo4j-admin's
  header syntax, typed values parse as the importer would, every :START_ID and
  :END_ID is a node id, and nodes, labels, properties and relationships match
  graph.json.

Exits 0 when everything matches, 1 listing every mismatch, 2 when a module or
file is missing (nothing is skipped).
"""

import csv
import json
import math
import re
import sys
from pathlib import Path

MISSING = []
try:
    import networkx as nx
except ImportError:
    MISSING.append("networkx")
try:
    import igraph
except ImportError:
    MISSING.append("igraph")
try:
    import jsonschema
except ImportError:
    MISSING.append("jsonschema")


def die(msg, code=2):
    print(f"check_exports: error: {msg}", file=sys.stderr)
    sys.exit(code)


ERRORS = []


def err(where, msg):
    ERRORS.append(f"{where}: {msg}")


def check_equal(where, got, want):
    """Equal values of the same type (so True is not 1 and 1.0 is not 1)."""
    if type(got) is not type(want) or got != want:
        err(where, f"got {got!r} ({type(got).__name__}), want {want!r} ({type(want).__name__})")


def xml_text(s):
    """What a string becomes in GraphML: characters XML 1.0 cannot carry become U+FFFD."""
    out = []
    for c in s:
        o = ord(c)
        ok = (
            c in "\t\n\r"
            or 0x20 <= o <= 0xD7FF
            or 0xE000 <= o <= 0xFFFD
            or 0x10000 <= o <= 0x10FFFF
        )
        out.append(c if ok else "\ufffd")
    return "".join(out)


def documents(node):
    items = node.get("mentions") if node["kind"] == "actor" else node.get("evidence")
    return sorted({x["doc"] for x in items or []})


def edge_id(e):
    return f"{e['source']}|{e['relation']}|{e['target']}"


# ---------------------------------------------------------------- expectations


def flat_node(n):
    """A node's flat attributes (GraphML and Neo4j), None for absent values."""
    if n["kind"] == "actor":
        return {
            "label": n["label"],
            "kind": "actor",
            "type": n["type"],
            "country": n.get("country"),
            "discovered": n["discovered"],
            "aliases": list(n["aliases"]),
            "mention_count": len(n["mentions"]),
            "documents": documents(n),
        }
    ev = n.get("evidence") or []
    return {
        "label": n["label"],
        "kind": "agreement",
        "agreement_kind": n["agreement_kind"],
        "status": n["status"],
        "date": n.get("date"),
        "topics": list(n["topics"]),
        "evidence": ev[0]["text"] if ev else None,
        "documents": documents(n),
    }


def flat_edge(e):
    d = {"relation": e["relation"], "edge_id": edge_id(e)}
    if e["relation"] == "partners_with":
        d["weight"] = e["weight"]
        d["agreements"] = list(e["agreements"])
    return d


def graphml_expected(flat):
    out = {}
    for k, v in flat.items():
        if v is None:
            continue
        if isinstance(v, list):
            v = ";".join(v)
        out[k] = xml_text(v) if isinstance(v, str) else v
    return out


# ---------------------------------------------------------------- GraphML


def check_graphml(ref, path):
    nodes, edges = ref["nodes"], ref["edges"]
    where = "graphml/networkx"
    try:
        G = nx.read_graphml(path)
    except Exception as e:  # noqa: BLE001 - any failure to read is the finding
        err(where, f"read_graphml failed: {e!r}")
        return
    if not G.is_directed():
        err(where, "graph is not directed")
    check_equal(f"{where} node count", G.number_of_nodes(), len(nodes))
    check_equal(f"{where} edge count", G.number_of_edges(), len(edges))
    check_equal(f"{where} graph schema_version", G.graph.get("schema_version"),
                ref["graph"]["schema_version"])
    check_equal(f"{where} graph documents", G.graph.get("documents"),
                ";".join(ref["graph"]["documents"]))
    for n in nodes:
        if n["id"] not in G:
            err(where, f"node {n['id']!r} missing")
            continue
        got = dict(G.nodes[n["id"]])
        want = graphml_expected(flat_node(n))
        if set(got) != set(want):
            err(f"{where} node {n['id']!r}", f"attributes {sorted(got)} != {sorted(want)}")
        for k, v in want.items():
            check_equal(f"{where} node {n['id']!r} {k}", got.get(k), v)
    by_id = {}
    for u, v, d in G.edges(data=True):
        eid = d.get("edge_id")
        if eid in by_id:
            err(where, f"edge_id {eid!r} is not unique")
        by_id[eid] = (u, v, dict(d))
    for e in edges:
        got = by_id.get(edge_id(e))
        if got is None:
            err(where, f"edge {edge_id(e)!r} missing")
            continue
        u, v, d = got
        check_equal(f"{where} edge {edge_id(e)!r} ends", (u, v), (e["source"], e["target"]))
        want = graphml_expected(flat_edge(e))
        if set(d) != set(want):
            err(f"{where} edge {edge_id(e)!r}", f"attributes {sorted(d)} != {sorted(want)}")
        for k, val in want.items():
            check_equal(f"{where} edge {edge_id(e)!r} {k}", d.get(k), val)

    where = "graphml/igraph"
    try:
        g = igraph.Graph.Read_GraphML(str(path))
    except Exception as e:  # noqa: BLE001
        err(where, f"Read_GraphML failed: {e!r}")
        return
    if not g.is_directed():
        err(where, "graph is not directed")
    check_equal(f"{where} vertex count", g.vcount(), len(nodes))
    check_equal(f"{where} edge count", g.ecount(), len(edges))
    if g.vcount() == len(nodes):
        check_equal(f"{where} vertex ids", g.vs["id"], [n["id"] for n in nodes])
        check_equal(f"{where} labels", g.vs["label"], [xml_text(n["label"]) for n in nodes])
        check_equal(f"{where} discovered", g.vs["discovered"],
                    [n.get("discovered", False) for n in nodes])
    ids = g.vs["id"] if "id" in g.vs.attributes() else []
    got = {x["edge_id"]: x for x in g.es} if "edge_id" in g.es.attributes() else {}
    for e in edges:
        x = got.get(edge_id(e))
        w = f"{where} edge {edge_id(e)!r}"
        if x is None or not ids:
            err(w, "missing")
            continue
        check_equal(f"{w} ends and relation", (ids[x.source], ids[x.target], x["relation"]),
                    (e["source"], e["target"], e["relation"]))
        weight = x["weight"]
        if e["relation"] == "partners_with":
            check_equal(f"{w} weight", weight, float(e["weight"]))
        elif not (isinstance(weight, float) and math.isnan(weight)):
            err(f"{w} weight", f"got {weight!r}, want missing (nan)")


# ---------------------------------------------------------------- Cytoscape

CYTOSCAPE_SCHEMA = {
    "type": "object",
    "required": ["data", "directed", "multigraph", "elements"],
    "properties": {
        "data": {"type": "object"},
        "directed": {"const": True},
        "multigraph": {"const": True},
        "elements": {
            "type": "object",
            "required": ["nodes", "edges"],
            "additionalProperties": False,
            "properties": {
                "nodes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["data"],
                        "properties": {
                            "data": {
                                "type": "object",
                                "required": ["id", "value", "name"],
                                "properties": {
                                    "id": {"type": "string", "minLength": 1},
                                    "value": {"type": "string", "minLength": 1},
                                    "name": {"type": "string"},
                                },
                            }
                        },
                    },
                },
                "edges": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["data"],
                        "properties": {
                            "data": {
                                "type": "object",
                                "required": ["id", "source", "target", "key"],
                                "properties": {
                                    "id": {"type": "string", "minLength": 1},
                                    "source": {"type": "string"},
                                    "target": {"type": "string"},
                                    "key": {"type": "string"},
                                },
                            }
                        },
                    },
                },
            },
        },
    },
}


def check_cytoscape(ref, path):
    where = "cytoscape"
    nodes, edges = ref["nodes"], ref["edges"]
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        err(where, f"not JSON: {e!r}")
        return
    try:
        jsonschema.validate(data, CYTOSCAPE_SCHEMA)
    except jsonschema.ValidationError as e:
        err(where, f"not Cytoscape elements JSON: {e.message} at {list(e.absolute_path)}")
        return
    element_ids = [x["data"]["id"] for x in data["elements"]["nodes"] + data["elements"]["edges"]]
    if len(set(element_ids)) != len(element_ids):
        err(where, "element ids (nodes and edges share one namespace) are not unique")
    check_equal(f"{where} graph data", data["data"], ref["graph"])
    try:
        G = nx.cytoscape_graph(data)
    except Exception as e:  # noqa: BLE001
        err(where, f"networkx.cytoscape_graph failed: {e!r}")
        return
    if not (G.is_directed() and G.is_multigraph()):
        err(where, "networkx did not build a directed multigraph")
    check_equal(f"{where} node count", G.number_of_nodes(), len(nodes))
    check_equal(f"{where} edge count", G.number_of_edges(), len(edges))
    check_equal(f"{where} graph", dict(G.graph), ref["graph"])
    for n in nodes:
        if n["id"] not in G:
            err(where, f"node {n['id']!r} missing")
            continue
        want = dict(n)
        want.update(value=n["id"], name=n["label"], documents=documents(n))
        if n["kind"] == "actor":
            want["mention_count"] = len(n["mentions"])
        check_equal(f"{where} node {n['id']!r}", dict(G.nodes[n["id"]]), want)
    for e in edges:
        key = (e["source"], e["target"], e["key"])
        if not G.has_edge(*key):
            err(where, f"edge {key!r} missing")
            continue
        want = dict(e)
        want["id"] = edge_id(e)
        check_equal(f"{where} edge {key!r}", dict(G.edges[key]), want)


# ---------------------------------------------------------------- Neo4j

TYPES = ("int|long|float|double|boolean|byte|short|char|string|point|date|"
         "localtime|time|localdatetime|datetime|duration")
HEADER_FIELD = re.compile(
    rf"^(?P<name>[^:]*)(?::(?:(?P<special>ID|LABEL|START_ID|END_ID|TYPE|IGNORE)"
    rf"(?:\((?P<space>[^()]+)\))?|(?P<type>{TYPES})(?P<array>\[\])?))?$"
)
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
INT_RANGE = {"byte": 8, "short": 16, "int": 32, "long": 64}


def parse_header(where, header, kind):
    cols = []
    for i, f in enumerate(header):
        m = HEADER_FIELD.match(f)
        if not m:
            err(where, f"header field {f!r} is not <name>:<field_type>")
            cols.append(None)
            continue
        special, name = m["special"], m["name"]
        if special is None and not name:
            err(where, f"header field {f!r}: a property needs a name")
        if m["space"]:
            err(where, f"header field {f!r}: id spaces are not expected (ids are global)")
        cols.append({"name": name, "special": special, "type": m["type"] or "string",
                     "array": bool(m["array"])})
    specials = [c["special"] for c in cols if c and c["special"]]
    need = {"node": ["ID"], "rel": ["START_ID", "END_ID", "TYPE"]}[kind]
    for s in need:
        if specials.count(s) != 1:
            err(where, f"header needs exactly one :{s} (has {specials.count(s)})")
    allowed = {"node": {"ID", "LABEL", "IGNORE"}, "rel": {"START_ID", "END_ID", "TYPE", "IGNORE"}}[kind]
    for s in specials:
        if s not in allowed:
            err(where, f":{s} does not belong in a {kind} file")
    props = [c["name"] for c in cols if c and (c["special"] is None or c["special"] == "ID") and c["name"]]
    if len(set(props)) != len(props):
        err(where, f"duplicate property names in header {props}")
    return cols


def typed(where, ty, text):
    if ty == "boolean":
        if text not in ("true", "false"):
            err(where, f"boolean {text!r}: the importer reads anything but 'true' as false")
        return text == "true"
    if ty in INT_RANGE:
        try:
            v = int(text)
        except ValueError:
            err(where, f"{ty} {text!r} does not parse")
            return text
        bits = INT_RANGE[ty]
        if not -(2 ** (bits - 1)) <= v < 2 ** (bits - 1):
            err(where, f"{ty} {text!r} out of range")
        return v
    if ty in ("float", "double"):
        try:
            return float(text)
        except ValueError:
            err(where, f"{ty} {text!r} does not parse")
            return text
    return text


def read_neo4j(where, path, kind):
    """Rows as the importer sees them: {"props": {...}, "labels": [...], "id"/"start"/"end"/"type"}."""
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh, strict=True))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        err(where, f"cannot parse: {e!r}")
        return []
    if not rows:
        err(where, "empty file (no header)")
        return []
    cols = parse_header(where, rows[0], kind)
    out = []
    for ln, row in enumerate(rows[1:], start=2):
        w = f"{where}:{ln}"
        if len(row) != len(cols):
            err(w, f"{len(row)} fields, header has {len(cols)}")
            continue
        rec = {"props": {}, "labels": []}
        for c, text in zip(cols, row):
            if c is None:
                continue
            s = c["special"]
            if s == "ID":
                rec["id"] = text
                if c["name"]:
                    rec["props"][c["name"]] = text
            elif s == "LABEL":
                rec["labels"] = text.split(";") if text else []
            elif s == "START_ID":
                rec["start"] = text
            elif s == "END_ID":
                rec["end"] = text
            elif s == "TYPE":
                rec["type"] = text
            elif s == "IGNORE" or text == "":
                continue  # an empty field sets no property
            elif c["array"]:
                rec["props"][c["name"]] = [typed(w, c["type"], x) for x in text.split(";")]
            else:
                rec["props"][c["name"]] = typed(w, c["type"], text)
        for lab in rec["labels"] + ([rec["type"]] if "type" in rec else []):
            if not NAME.match(lab):
                err(w, f"label or type {lab!r} would need quoting in Cypher")
        out.append(rec)
    return out


def camel(snake):
    return "".join(w[:1].upper() + w[1:] for w in snake.split("_"))


def check_neo4j(ref, folder):
    where = "neo4j"
    nodes, edges = ref["nodes"], ref["edges"]
    actors = read_neo4j(f"{where}/actors.csv", folder / "actors.csv", "node")
    agreements = read_neo4j(f"{where}/agreements.csv", folder / "agreements.csv", "node")
    rels = read_neo4j(f"{where}/relationships.csv", folder / "relationships.csv", "rel")
    csv_nodes = actors + agreements
    ids = [r.get("id") for r in csv_nodes]
    if len(set(ids)) != len(ids):
        err(where, "node ids are not unique across the node files")
    check_equal(f"{where} actor count", len(actors), sum(n["kind"] == "actor" for n in nodes))
    check_equal(f"{where} agreement count", len(agreements),
                sum(n["kind"] == "agreement" for n in nodes))
    check_equal(f"{where} relationship count", len(rels), len(edges))
    by_id = {r.get("id"): r for r in csv_nodes}
    for n in nodes:
        r = by_id.get(n["id"])
        if r is None:
            err(where, f"node {n['id']!r} missing")
            continue
        w = f"{where} node {n['id']!r}"
        flat = flat_node(n)
        sub = flat["type"] if n["kind"] == "actor" else flat["agreement_kind"]
        check_equal(f"{w} labels", r["labels"], [camel(n["kind"]), camel(sub)])
        want = {"id": n["id"]}
        for k, v in flat.items():
            if k == "kind" or v is None or v == []:
                continue  # kind is the label; absent values and empty arrays are empty fields
            want[k] = v
        check_equal(f"{w} properties", r["props"], want)
    node_ids = set(ids)
    for i, (r, e) in enumerate(zip(rels, edges)):
        w = f"{where}/relationships.csv:{i + 2}"
        for end in ("start", "end"):
            if r.get(end) not in node_ids:
                err(w, f":{end.upper()}_ID {r.get(end)!r} is not a node id")
        check_equal(f"{w} ends and type", (r.get("start"), r.get("end"), r.get("type")),
                    (e["source"], e["target"], e["relation"].upper()))
        want = {}
        if e["relation"] == "partners_with":
            want = {"weight": e["weight"], "agreements": list(e["agreements"])}
        check_equal(f"{w} properties", r["props"], want)


# ---------------------------------------------------------------- main


def main(argv):
    if len(argv) != 2:
        die("usage: check_exports.py DIR")
    if MISSING:
        die(f"Python module(s) missing: {', '.join(MISSING)}; "
            "install them with: pip install -r tests/consumers/requirements.txt")
    d = Path(argv[1])
    files = ["graph.json", "graph.graphml", "cytoscape.json",
             "neo4j/actors.csv", "neo4j/agreements.csv", "neo4j/relationships.csv"]
    absent = [f for f in files if not (d / f).is_file()]
    if absent:
        die(f"missing in {d}: {', '.join(absent)}")
    ref = json.loads((d / "graph.json").read_text(encoding="utf-8"))
    if not ref["nodes"] or not ref["edges"]:
        die("graph.json has no nodes or no edges: nothing would be checked")
    check_graphml(ref, d / "graph.graphml")
    check_cytoscape(ref, d / "cytoscape.json")
    check_neo4j(ref, d / "neo4j")
    if ERRORS:
        print(f"check_exports: {len(ERRORS)} mismatch(es):", file=sys.stderr)
        for e in ERRORS:
            print(f"  {e}", file=sys.stderr)
        return 1
    rels = sorted({e["relation"] for e in ref["edges"]})
    print(f"check_exports: ok: {len(ref['nodes'])} nodes, {len(ref['edges'])} edges "
          f"({', '.join(rels)}) match in GraphML (networkx {nx.__version__}, "
          f"igraph {igraph.__version__}), Cytoscape JSON (networkx) and Neo4j CSV")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
